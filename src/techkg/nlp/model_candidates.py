"""How the company/product tagger's spans enter the pipeline's candidates.

The tagger (:mod:`techkg.nlp.company_model`) labels companies, products and
five classes of names that are neither. Its spans reach the candidates in two
places:

* :func:`company_finder_spans`: what the company finder hands to
  :func:`techkg.nlp.candidates.company_candidates`, which turns ``company``
  into model companies and every other class into vetoes on bare LAC and
  model guesses (a product called ``微信`` is not a company). A product span
  that starts with a company word (``华为Mate 60``) does not veto that word:
  the company is the product's brand.
* :func:`product_candidates`: ``product`` spans as Product candidates. The
  rules stay where they are precise: a model span that overlaps a lexicon or
  pattern candidate with other boundaries is left out, so the model adds
  recall where the rules found nothing and never moves a precise boundary,
  except to put a Chinese series name before a model number the patterns
  found (``乐道L60`` over ``L60``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from techkg.nlp import terms
from techkg.nlp.candidates import (
    COMPANY,
    PRODUCT,
    Candidate,
    before_non_product_head,
    names_no_product,
    only_kind_words,
    only_words,
    whole_latin_words,
    without_generic_tail,
)
from techkg.text import is_han, name_form

#: Score of a model product (the resolver ranks by length, then score:
#: lexicon 0.95 > pattern 0.5-0.8 > context 0.55-0.7 > model).
MODEL_PRODUCT_SCORE = 0.55
#: Finders whose spans the model may not re-cut.
PRECISE_FINDERS = frozenset({"lexicon", "pattern"})

Span = tuple[int, int, str]

LATIN_HEAD_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9+\-.]*")

#: Characters that end a phrase rather than belong to a series name ("发布了", "的").
NOT_IN_SERIES = frozenset("的了和与及在是将把被从向")


def on_latin_word_edges(spans: Iterable[Span], text: str) -> list[Span]:
    """The tagger's spans widened to whole Latin words: a character tagger may start or end a span
    inside one ("與The Pokémon Company" tagged from its h).

    >>> t = "任天堂與The Pokémon Company發行"
    >>> [t[s:e] for s, e, _ in on_latin_word_edges([(5, 23, "company")], t)]
    ['The Pokémon Company']
    """
    return [(*whole_latin_words(start, end, text), label) for start, end, label in spans]


def company_finder_spans(spans: Iterable[Span], company_starts: Iterable[tuple[int, int]]) -> list[Span]:
    """The tagger's spans for the company finder, without products that would veto their brand.

    Args:
        spans: the tagger's ``(start, end, label)`` spans.
        company_starts: ``(start, end)`` of words that may name a company (LAC
            ``ORG`` words, lexicon companies).

    >>> company_finder_spans([(0, 6, "product"), (8, 10, "product")], [(0, 2)])
    [(8, 10, 'product')]
    """
    words = list(company_starts)
    return [
        (s, e, label)
        for s, e, label in spans
        if label != "product" or not any(ws == s and we < e for ws, we in words)
    ]


def weak_names(lexicon) -> frozenset[str]:
    """The weak company aliases of a lexicon (``吉利``, ``理想``), in name form; empty without one."""
    if lexicon is None:
        return frozenset()
    return frozenset(name_form(n) for e in lexicon if e.type == COMPANY for n in e.weak_aliases)


def veto_unconfirmed_weak(spans: Iterable[Span], text: str, weak: frozenset[str],
                          confirmed: Iterable[tuple[int, int]]) -> list[Span]:
    """A model ``company`` on a weak lexicon alias the article does not confirm becomes a veto.

    The lexicon keeps weak aliases (``吉利`` in ``新年吉利``, ``地平线``) out unless
    the article confirms them; the model, trained on news where 吉利 is the
    carmaker, must not bring them back, and its reading then also stops a bare
    LAC guess. A name the article confirms anywhere is confirmed everywhere in it.

    >>> veto_unconfirmed_weak([(4, 6, "company"), (0, 2, "company")], "华为新年吉利", frozenset({"吉利"}), [])
    [(4, 6, 'unconfirmed'), (0, 2, 'company')]
    """
    seen = {name_form(text[s:e]) for s, e in confirmed}  # confirmed once, the name is that company throughout
    return [
        (s, e, "unconfirmed" if label == "company" and (name := name_form(text[s:e])) in weak and name not in seen
         else label)
        for s, e, label in spans
    ]


# A model number a brand names, that alone would read as a measure ("14T": 14 tonnes): "Xiaomi 14T", "Redmi 13R".
BRANDED_MODEL_NUMBER_RE = re.compile(r"\d{1,3}[TSXR]")


def product_candidates(spans: Iterable[Span], text: str, found: Sequence[Candidate]) -> list[Candidate]:
    """Product candidates from the tagger's ``product`` spans.

    Args:
        spans: the tagger's ``(start, end, label)`` spans.
        text: the folded text.
        found: candidates so far (lexicon, companies, patterns).

    >>> lex = Candidate(0, 2, COMPANY, "lexicon", 0.95, key="huawei")
    >>> spans = [(4, 8, "product"), (9, 11, "product")]
    >>> [(c.start, c.end) for c in product_candidates(spans, "华为发布问界M9和AI", [lex])]
    [(4, 8)]
    """
    precise = [c for c in found if c.finder in PRECISE_FINDERS and not c.veto]
    out = []
    spans = [(s, e, label) for start, end, label in spans for s, e in _conjoined(text, start, end)]
    for start, end, label in spans:
        if label != "product":
            continue
        start, end = _strip(text, start, end)
        time = terms.TIME_AFTER_LATIN_RE.search(text, start, end + 4)  # the date may run past the span
        if time and time.start() < end:
            start, end = _strip(text, start, time.start())  # "Valve 今日凌晨": the name ends before the date
        start += _generic_head(text[start:end])  # "运动相机Ace Pro 2" is Ace Pro 2
        if owners := list(terms.LATIN_POSSESSIVE_RE.finditer(text, start, end)):
            start = owners[-1].end()  # "Bose 的 QuietComfort Ultra" is QuietComfort Ultra
        name = text[start:end]
        if any(mark in name for mark in terms.QUOTE_MARKS) or "、" in name:
            continue  # "MTR Mobile」App": across a quotation mark (the quoted name is read by the rules); "Nuro、Plus": a list
        if not _plausible(name) or before_non_product_head(text, end):
            continue  # "Blackwell架构", "4NP工艺": an architecture or process, not a product
        if name.endswith(terms.NON_PRODUCT_HEADS):
            continue  # "NVIDIA AI基金": a fund, a programme, a conference
        if _document_edition(name):
            continue  # "白皮书第2版": an edition of a document, not a product
        brand = max((c.end for c in precise if c.is_a(COMPANY) and c.start == start and c.end < end),
                    default=start)
        core = without_generic_tail(text[brand:end].strip())
        if not _plausible(core) and not (brand > start and BRANDED_MODEL_NUMBER_RE.fullmatch(core)):
            continue  # "NVIDIA AI", "GPT大模型": a brand or a generic word with a category noun ("Xiaomi 14T": a model)
        if brand == start and core != name and only_words(core, terms.PRODUCT_DESCRIPTOR_WORDS):
            continue  # "生活助手", "医疗大模型": what kind of product, not which (a brand's is: "京东外卖")
        head = LATIN_HEAD_RE.match(name)
        if head and (head.group().lower() in terms.GENERIC_TERMS or terms.STANDARD_RE.match(head.group())) \
                and all(is_han(ch) for ch in name[head.end():].strip()):
            continue  # "LLM数据库", "AI眼镜": a technology and a Chinese noun
        if any(c.start < end and start < c.end and (c.start, c.end) != (start, end)
               and not _brand_or_series(c, start, end, text) for c in precise):
            continue  # a precise rule cut this stretch otherwise
        if any(c.start == start and c.end == end and c.is_a(COMPANY) and c.finder == "lexicon" for c in precise):
            continue  # the lexicon knows it as a company
        out.append(Candidate(start, end, PRODUCT, "model", MODEL_PRODUCT_SCORE))
    return out


def _conjoined(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The names a span joins with a spaced conjunction ("Video Pro 同 Cinema Pro": two apps).

    >>> t = "Video Pro 同 Cinema Pro"
    >>> [t[s:e] for s, e in _conjoined(t, 0, len(t))]
    ['Video Pro', 'Cinema Pro']
    """
    out, at = [], start
    for m in terms.SPACED_CONJUNCTION_RE.finditer(text, start, end):
        out.append((at, m.start()))
        at = m.end()
    return [(s, e) for s, e in [*out, (at, end)] if e > s]


def _document_edition(name: str) -> bool:
    """True when ``name`` ends in an edition number that does not follow a Latin name or model number.

    An edition belongs to a name only right after Latin letters or digits
    (``Surface Pro第11版``, see :data:`techkg.nlp.terms.EDITION_RE`); after a
    Chinese word it is a document's (``白皮书第2版``).

    >>> _document_edition("白皮书第2版"), _document_edition("第3版"), _document_edition("Surface Pro第11版")
    (True, True, False)
    """
    m = _EDITION_AT_END_RE.search(name)
    if not m:
        return False
    before = name[: m.start()].rstrip()
    return not (before and before[-1].isascii() and before[-1].isalnum())


_EDITION_AT_END_RE = re.compile(f"(?:{terms.EDITION_RE.pattern})$")


def _brand_or_series(c: Candidate, start: int, end: int, text: str) -> bool:
    """True when a precise candidate sits inside the model span as its brand or its model number.

    A company at the start (``华为`` in ``华为Mate 60``), or a pattern product at the
    end that the model extends leftwards with Chinese characters only (the
    series name: ``乐道`` before ``L60``).
    """
    if c.is_a(COMPANY) and c.start == start and c.end < end:
        return True
    prefix = text[start : c.start]
    return (c.is_a(PRODUCT) and c.finder == "pattern" and c.end == end and 0 < len(prefix) <= 4
            and all(is_han(ch) and ch not in NOT_IN_SERIES for ch in prefix)
            and not any(v in prefix for v in (*terms.RELEASE_TRIGGERS, *terms.PRODUCT_LINK_VERBS)))



def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in terms.QUOTE_MARKS + "()（）"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in terms.QUOTE_MARKS + "()（）"):
        end -= 1
    return start, end


def _generic_head(name: str) -> int:
    """The length of a Chinese category noun (or market edition) a Latin product name follows in one span, else 0.

    A device noun with its modifier counts too ("商务笔电Prestige 16 AI Evo", "电竞手机ROG Phone 9"):
    Chinese words ending in one of ``DEVICE_HEADS`` (or in 技术, 软件, 工具, 套件, 引擎) say what kind, the
    Latin name which.

    >>> _generic_head("运动相机Ace Pro 2"), _generic_head("手机 Mate 70"), _generic_head("腾势D9")
    (4, 3, 0)
    >>> _generic_head("商务笔电Prestige 16 AI Evo"), _generic_head("乐道L60"), _generic_head("无线透明OLED电视Signature OLED T")
    (4, 0, 10)
    >>> _generic_head("升频技术XeSS 2")
    4
    """
    for term in _HAN_HEADS:
        if name.startswith(term) and (cut := _latin_name_after(name, len(term))):
            return cut
    kind = _KIND_RE.match(name)
    return _latin_name_after(name, kind.end()) if kind else 0


def _latin_name_after(name: str, at: int) -> int:
    """Where a Latin name (two characters or more) starts after ``name[:at]`` and spaces, else 0."""
    rest = name[at:].lstrip()
    return len(name) - len(rest) if len(rest) >= 2 and rest[0].isascii() and rest[0].isalnum() else 0


# Chinese words (a technology's Latin name may stand among them: "无线透明OLED电视") ending in a device noun,
# or in a kind of technology or software ("升频技术XeSS 2", "编程工具Copilot X")
_KIND_RE = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z]{1,10}?(?:"
                      + "|".join((*terms.DEVICE_HEADS, "技术", "软件", "工具", "套件", "引擎")) + ")")


# category nouns, and the market edition words ("国行版Switch" is Switch)
_HAN_HEADS = sorted((t for t in terms.GENERIC_TERMS | terms.EDITION_WORDS if is_han(t[0])), key=len, reverse=True)


def _plausible(name: str) -> bool:
    """Not a bare letter, number, generic word, technology standard or clause ("腾讯更看重大模型")."""
    if len(name) < 2 or name.isdigit() or terms.CLAUSE_WORD_RE.search(name):
        return False
    low = name.lower()
    if low in terms.GENERIC_TERMS or terms.STANDARD_RE.match(name):
        return False
    if all(terms.MEASURE_WORD_RE.fullmatch(w) or terms.STANDARD_RE.match(w) for w in name.split()):
        return False  # "8K 30fps 360度": measures and numbers, no name
    if (m := terms.HAN_THEN_LATIN_WORD_RE.fullmatch(low)) and m.group(2) in terms.GENERIC_TERMS \
            and only_words(m.group(1), terms.PRODUCT_DESCRIPTOR_WORDS + terms.USE_DESCRIPTOR_WORDS):
        return False  # "货运eVTOL", "国产GPU": a kind described, no name (not "苍穹GPT")
    if names_no_product(name) or name.startswith(terms.PERSON_TITLES) or name in terms.PLACES:
        return False  # "6150mAh", "京东618", "首席执行官马斯克", "特斯拉中国" (a place after its brand): no product
    if terms.GROUP_PRODUCTS_RE.search(low):
        return False  # "阿里系App": a group's apps, no one product
    if only_kind_words(name):
        return False  # "双模5G AI": what kind of chip, in Chinese and Latin words, no name
    if all(w in terms.MODEL_SUFFIX_WORDS for w in low.split()):
        return False  # "分为Pro、Max和Ultra三个版本": variant words of a product named before, none on their own
    return not (name.isascii() and " " in name and len(name.split()) > 4)  # an English sentence
