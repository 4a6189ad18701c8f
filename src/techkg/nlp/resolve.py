"""Pick one reading where candidate spans overlap, and write ``doc.ents``.

Longer spans win over shorter ones, then higher scores (the lexicon over
patterns over context over the statistical tagger). A product name that
starts with a company name ("NVIDIA DGX Quantum") is cut to its own name
("DGX Quantum", maker NVIDIA); the company stays a *brand* mention, stored
in ``doc.spans["brands"]``, because the article does name that company.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable

import numpy
from spacy.attrs import NORM
from spacy.tokens import Doc

from dataclasses import replace

from techkg.nlp import link, terms
from techkg.nlp.candidates import (
    COMPANY, LAC_UNCONFIRMED_SCORE, PRODUCT, Candidate, glossed_end, is_non_company, is_sentence, latin_company_name,
    repeated_brands, tokens,
)
from techkg.nlp.extensions import CACHES
from techkg.records import EntityType
from techkg.text import is_han

MIN_SCORE = 0.5
SERIES_MODEL_RE = re.compile(r"^(.*[^\x00-\x7f]) ?\d[\w .+-]*$")
LEXICON_SERIES_RE = re.compile(r"^(.*[^\x00-\x7f]) ?[A-Za-z0-9][\w .+-]*$")


def choose(candidates: list[Candidate], text: str) -> tuple[list[Candidate], list[Candidate]]:
    """Non-overlapping entity candidates, and the brand companies glued to chosen products.

    >>> a = Candidate(0, 3, COMPANY, "lexicon", 0.95, key="nvidia")
    >>> b = Candidate(0, 7, PRODUCT, "pattern", 0.8)
    >>> chosen, brands = choose([a, b], "英伟达DGX Q")
    >>> [(c.start, c.end, c.type, c.maker) for c in chosen], [(c.start, c.end) for c in brands]
    ([(3, 7, <EntityType.PRODUCT: 'Product'>, 'nvidia')], [(0, 3)])
    """
    blocked = Cover((c.start, c.end) for c in candidates if c.vetoes(None))
    not_company = Cover((c.start, c.end) for c in candidates if c.vetoes(COMPANY))
    usable = []
    for c in candidates:
        if c.veto or c.score < MIN_SCORE:
            continue
        if c.is_a(COMPANY) and c.finder in ("lac", "model") and not_company.covers(c.start, c.end):
            continue
        surface = text[c.start : c.end].strip()
        if not surface or surface.lower() in terms.GENERIC_TERMS:
            continue
        if c.finder != "lexicon" and blocked.covers(c.start, c.end):
            continue
        if c.finder != "lexicon" and (is_sentence(surface.split()) or terms.SPOKEN_PARTICLE_RE.search(surface) or (
                c.is_a(PRODUCT) and (not can_name_product(surface) or terms.DOCUMENT_AFTER_RE.match(text, c.end)))):
            continue  # a sentence, Cantonese speech ("Xiaomi 亦喺 2"), no product's name, or a document's title
        usable.append(c)
    usable = [b for c in usable if (b := _bracket_balanced(c, text)) is not None]
    usable = _drop_swallowing(usable, text)
    usable.sort(key=lambda c: (-c.length, -c.score, c.start))
    taken = bytearray(len(text) + 1)
    chosen: list[Candidate] = []
    for c in usable:
        if c.finder == "lac" and c.score <= LAC_UNCONFIRMED_SCORE:
            continue  # a short LAC guess the tagger does not share: at most a brand (below)
        if any(taken[c.start : c.end]):
            continue
        taken[c.start : c.end] = b"\x01" * c.length
        chosen.append(c)
    chosen = [_extend_series(c, text, taken) for c in chosen]
    chosen.sort(key=lambda c: c.start)
    product_end = {p.start: p.end for p in chosen if p.is_a(PRODUCT)}
    listed_at = {p.start for p in chosen if p.is_a(PRODUCT) and p.finder == "lexicon"}
    # a product the lexicon lists, anywhere in the text, is no brand ("Surface Laptop第7版", "Pura 70 Pro+"); a
    # guessed brand does not cut a listed product's name ("甲骨文云": not 甲骨)
    listed_products = {text[c.start : c.end] for c in usable if c.is_a(PRODUCT) and c.finder == "lexicon"}
    brands = _dedupe([
        c
        for c in usable
        if c.is_a(COMPANY) and c.finder != "model" and c.end < product_end.get(c.start, -1)
        and (c.finder == "lexicon" or text[c.start : c.end] not in listed_products and c.start not in listed_at)
    ])
    brand_at = {b.start: b for b in brands}
    return [_without_brand(c, brand_at.get(c.start), text) for c in chosen], brands


def _bracket_balanced(c: Candidate, text: str) -> Candidate | None:
    """A product name with its bracketed version ("Nothing Phone (3)"); a name cut inside a bracket
    ends after it if the bracket closes within a few characters, else it is no name (None), as is
    one begun inside a bracket ("乐金显示（广州）有限公司" read from 广州).

    >>> t = "推出Nothing Phone (3)和Phone (2a)"
    >>> [t[x.start:x.end] for x in (_bracket_balanced(Candidate(2, 17, PRODUCT, "model", 0.55), t),
    ...                              _bracket_balanced(Candidate(20, 25, PRODUCT, "context", 0.55), t))]
    ['Nothing Phone (3)', 'Phone (2a)']
    """
    name = text[c.start : c.end]
    if name.count(")") > name.count("("):
        return None  # "广州）有限公司": begun inside a bracket, a piece of a longer name
    if name.count("(") > name.count(")"):
        rest = terms.BRACKET_REST_RE.match(text, c.end)
        return replace(c, end=rest.end()) if rest else None
    if c.is_a(PRODUCT) and name[-1:].isascii() and name[-1:].isalnum() \
            and (version := terms.BRACKETED_VERSION_RE.match(text, c.end)):
        return replace(c, end=version.end())
    return c


def can_name_product(surface: str) -> bool:
    """False for what cannot be a product's own name: one character, a bare number, a sentence.

    >>> can_name_product("X"), can_name_product("14"), can_name_product("Find X7"), can_name_product("IMX800")
    (False, False, True, True)
    >>> can_name_product("V4.0"), can_name_product("v2.5"), can_name_product("V60")
    (False, False, True)
    >>> can_name_product("Windows on"), can_name_product("Ryzen Z2 A"), can_name_product("雲達科技")
    (False, True, False)
    >>> can_name_product("L系列"), can_name_product("AI+AR"), can_name_product("Mate 70系列")
    (False, False, True)
    >>> can_name_product("京东方A"), can_name_product("ST凯马B"), can_name_product("寒武纪1A")
    (False, False, True)
    >>> can_name_product("Pro"), can_name_product("四驱Max智驾版"), can_name_product("Vision Pro")
    (False, False, True)
    >>> can_name_product("DisplayPort 2.1 UHBR20"), can_name_product("H.266")
    (False, False)
    """
    surface = surface.strip()
    if len(surface) < 2 or surface.replace(" ", "").replace(".", "").isdigit() \
            or terms.BARE_VERSION_RE.fullmatch(surface):
        return False  # a number or a bare version ("V4.0")
    if surface.lower() in terms.GENERIC_TERMS or len(re.sub(r"\s*系列$", "", surface)) < 2:
        return False  # "L系列": one letter and a series word
    if all(part.lower() in terms.GENERIC_TERMS for part in re.split(r"[+&/]", surface)):
        return False  # "AI+AR": technologies joined, no product
    if terms.TRIM_ONLY_RE.fullmatch(surface):
        return False  # "Pro", "四驱Max智驾版": a trim or configuration of a model named elsewhere
    if surface.endswith(terms.NON_PRODUCT_ENDINGS) or surface.lower() in terms.NON_COMPANY_NAMES \
            or terms.SHARE_NAME_RE.match(surface) or terms.INTERFACE_STANDARD_RE.fullmatch(surface):
        return False  # "雲達科技", "芯源微股票", "京东方A": a company, a share; "纳斯达克", "工信部": a market, a body;
        # "DisplayPort 2.1 UHBR20": an interface
    words = surface.split()
    if len(words) > 1 and words[-1] in terms.ENGLISH_FUNCTION_WORDS:
        return False  # "Windows on": a name cut inside ("Ryzen Z2 A" is a name)
    return not is_sentence(words)


def _without_brand(c: Candidate, brand: Candidate | None, text: str) -> Candidate:
    """A Latin product name glued to its maker's Chinese name ("索尼 IMX800", "谷歌TPU v3") is
    named without it; the maker stays a company mention and becomes the product's maker.
    A model number ("小米14", "小米12S Ultra"), a car maker's model code ("腾势N9"), a Latin
    brand ("Oracle Exadata") and a lexicon name keep the brand."""
    if not c.is_a(PRODUCT) or brand is None or c.finder == "lexicon" or not is_han(text[brand.end - 1]):
        return c  # the lexicon names its products itself; "Oracle Exadata" is one name
    start = brand.end
    while start < c.end and text[start] == " ":
        start += 1
    if start >= c.end or not text[start].isascii() or not text[start].isalpha() \
            or not can_name_product(text[start : c.end]):
        return c  # "小米14", "小米12S Ultra": the brand is part of the name
    if brand.kind in terms.VEHICLE_MAKER_KINDS and terms.CAR_MODEL_CODE_RE.fullmatch(text[start : c.end]):
        return c  # "腾势N9", "领克Z10": a car maker's model code is named with the brand
    return replace(c, start=start, maker=c.maker or brand.key)


class Cover:
    """Intervals, asked whether one of them covers a span: sorted starts and a running
    maximum of ends, so each question costs one binary search.

    >>> cover = Cover([(0, 3), (10, 20)])
    >>> cover.covers(1, 3), cover.covers(12, 20), cover.covers(2, 11)
    (True, True, False)
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._max_end = list(itertools.accumulate((e for _, e in ordered), max))

    def covers(self, start: int, end: int) -> bool:
        """True when some interval ``(s, e)`` has ``s <= start`` and ``end <= e``."""
        i = bisect.bisect_right(self._starts, start)
        return i > 0 and self._max_end[i - 1] >= end


def _holds_shorter(spans: Iterable[tuple[int, int]]):
    """A test ``(start, end) -> bool``: does one of ``spans`` lie inside it and is shorter?

    Spans are sorted by start with a suffix minimum of ends, so each test is
    one binary search (plus a look-up for spans that share its start).
    """
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    min_end = list(itertools.accumulate((e for _, e in reversed(ordered)), min))[::-1]
    first_end: dict[int, int] = {}
    for s, e in ordered:
        first_end.setdefault(s, e)  # the shortest span starting at s

    def test(start: int, end: int) -> bool:
        i = bisect.bisect_right(starts, start)  # spans starting after ``start``
        if i < len(starts) and min_end[i] <= end:
            return True
        return first_end.get(start, end) < end

    return test


def _drop_swallowing(cands: list[Candidate], text: str) -> list[Candidate]:
    """Drop guessed company spans that swallow a lexicon name ("华为全", "谷歌云和") or cut one
    ("積電亞利桑那廠" out of 台積電亞利桑那廠), and series names taken for companies where the
    article uses them with a model number ("天玑"). A joint venture named by its parents
    ("广汽丰田"), a named branch ("工行北京分行"), a subsidiary named after its parent
    ("京东币链科技"), a registered name ("上海傅利叶智能科技有限公司"), a listed name before its
    code ("顺丰同城（09699.HK）"), a Latin company name ("GlobalWafers America") and a name glossed
    in Latin ("索尼本田移动（Sony Honda Mobility）") and a unit right after its owner's 旗下 ("隆基旗下西安隆基乐叶")
    are whole names: they may hold a lexicon name."""
    lexicon_spans = [(c.start, c.end) for c in cands if c.finder == "lexicon"]
    swallows_known = _holds_shorter(lexicon_spans)
    parent_end: dict[int, int] = {}  # a lexicon company at each start: a subsidiary named after it
    parent_key: dict[int, str | None] = {}
    for c in cands:
        if c.finder == "lexicon" and c.is_a(COMPANY):
            parent_end[c.start] = max(parent_end.get(c.start, c.end), c.end)
            parent_key.setdefault(c.start, c.key)
    cuts_known = _crosses(lexicon_spans, len(text))
    carmakers = [(c.start, c.end) for c in cands if c.finder == "lexicon" and c.is_a(COMPANY)
                 and c.kind in terms.JOINT_VENTURE_KINDS]
    # a series takes a number ("天玑9300", "麒麟9000S") or is named so by the lexicon ("银河E8"); a
    # brand glued to a Latin model ("英伟达H100", "索尼 IMX800") stays a company
    series = {m.group(1) for c in cands if c.is_a(PRODUCT)
              and (m := (SERIES_MODEL_RE if c.finder != "lexicon" else LEXICON_SERIES_RE).match(text[c.start : c.end]))}
    series -= {text[a:b] for (a, b), _second in repeated_brands(text)}  # "小米发布小米15": a brand, no series
    kept = []
    for c in cands:
        if c.finder != "lexicon" and c.is_a(COMPANY):
            if cuts_known(c.start, c.end):
                continue
            name = text[c.start : c.end]
            if swallows_known(c.start, c.end) and terms.JOINER_INSIDE_NAME_RE.search(name):
                continue  # "蘋果與投資銀行高盛集團（Goldman Sachs）": two parties, whatever gloss follows
            if swallows_known(c.start, c.end) and not (
                    terms.REGISTERED_NAME_RE.search(name) or latin_company_name(name) or glossed_end(text, c.end)
                    or terms.SECURITY_CODE_AFTER_NAME_RE.match(text, c.end)
                    or link.own_name_after_parent(name, parent_end.get(c.start, c.start) - c.start)
                    or _joint_venture(c.start, c.end, parent_end, text, parent_key)
                    or (c.finder == "model" and _venture_with_unlisted_parent(c.start, c.end, carmakers, text))
                    or terms.NAMED_BRANCH_RE.fullmatch(text, parent_end.get(c.start, c.end), c.end)
                    or terms.UNIT_AFTER_OWNER_RE.search(text, max(0, c.start - 4), c.start)):
                continue
            if text[c.start : c.end] in series:
                continue
        kept.append(c)
    return kept


def _joint_venture(start: int, end: int, company_end: dict[int, int], text: str,
                   company_key: dict[int, str | None] | None = None) -> bool:
    """True when a guessed company opens with two lexicon companies glued together, at most a space
    between them: a joint venture is named so ("广汽丰田", "一汽 丰田", "比亚迪丰田电动车科技公司"); one
    company named in both scripts ("辉达NVIDIA") is no venture.

    Args:
        start, end: the guessed company's span.
        company_end: where the lexicon company starting at each offset ends.
        text: the folded text.
        company_key: the lexicon key of the company starting at each offset, when known.

    >>> _joint_venture(0, 4, {0: 2, 2: 4}, "广汽丰田表示"), _joint_venture(0, 4, {0: 2}, "广汽集团表示")
    (True, False)
    >>> _joint_venture(0, 8, {0: 2, 2: 8}, "辉达NVIDIA发表", {0: "nvidia", 2: "nvidia"})
    False
    """
    first = company_end.get(start)
    if first is None or first >= end:
        return False
    at = first + 1 if text[first : first + 1] == " " else first
    second = company_end.get(at)
    keys = company_key or {}
    if keys.get(start) is not None and keys.get(start) == keys.get(at):
        return False
    return second is not None and second <= end


def _venture_with_unlisted_parent(start: int, end: int, companies: list[tuple[int, int]], text: str) -> bool:
    """True when the tagger's company is a carmaker the lexicon lists (``companies``: the spans of those
    found) glued to a short name of another maker it does not list, before or after it: a joint venture
    ("一汽马自达", "华晨宝马", "广汽菲克"); not a trade word, a product noun, a subsidiary's tail or a place
    ("一汽汽车", "上海通用汽车").

    >>> t = "一汽马自达与华晨宝马、小米手机、上海通用汽车"
    >>> [_venture_with_unlisted_parent(s, e, [(0, 2), (8, 10), (11, 13), (18, 22)], t)
    ...  for s, e in [(0, 5), (6, 10), (11, 15), (16, 22)]]
    [True, True, False, False]
    """
    name = text[start:end]
    if not 4 <= len(name) <= 8 or not all(is_han(ch) for ch in name):
        return False
    for s, e in companies:
        if s == start and e < end:
            other = text[e:end]
        elif e == end and s > start:
            other = text[start:s]
        else:
            continue
        if 2 <= len(other) <= 4 and not (
                other in terms.PLACES or other in terms.OTHER_CITIES or other.lower() in terms.GENERIC_TERMS
                or terms.COMPANY_TRADE_TAIL_RE.fullmatch(other) or other.endswith(terms.SUBSIDIARY_NAME_TAILS)
                or any(ch in "的了和与及在是将把被从向" for ch in other)
                or is_non_company(other)):
            return True
    return False


def _crosses(spans: list[tuple[int, int]], size: int):
    """A test ``(start, end) -> bool``: does the span cut one of ``spans``, beginning or ending
    strictly inside it without holding it whole?

    >>> cuts = _crosses([(2, 5)], 10)
    >>> cuts(3, 8), cuts(0, 4), cuts(2, 8), cuts(0, 9), cuts(3, 5)
    (True, True, False, False, False)
    """
    min_end = [size + 1] * (size + 1)  # at i: the nearest end of a span holding i strictly inside
    max_start = [-1] * (size + 1)  # at i: the latest start of such a span
    for s, e in spans:
        for i in range(s + 1, min(e, size + 1)):
            min_end[i] = min(min_end[i], e)
            max_start[i] = max(max_start[i], s)

    def test(start: int, end: int) -> bool:
        return (0 <= start <= size and min_end[start] < end) or (0 <= end <= size and max_start[end] > start)

    return test


def _extend_series(c: Candidate, text: str, taken: bytearray) -> Candidate:
    """A product name directly followed by 系列 names the series ("Mate 40系列"), a model number by 系 too
    ("宝马5系"); a Roman numeral after a Latin name is its generation ("GALAXY S Ⅱ").

    >>> t = "宝马5系与GALAXY S Ⅱ和Mate 40系列、X5系统"
    >>> [t[x.start:x.end] for x in (_extend_series(Candidate(a, b, PRODUCT, "pattern", 0.8), t, bytearray(40))
    ...  for a, b in [(0, 3), (5, 13), (16, 23), (26, 28)])]
    ['宝马5系', 'GALAXY S Ⅱ', 'Mate 40系列', 'X5']
    """
    if not c.is_a(PRODUCT) or not text[c.end - 1 : c.end].isalnum():
        return c
    m = terms.SERIES_AFTER_NAME_RE.match(text, c.end)
    if m is None or any(taken[c.end : m.end()]) or (not text[c.end - 1].isascii() and m.group().startswith("系")
                                                     and not m.group().startswith("系列")):
        return c
    taken[c.end : m.end()] = b"\x01" * (m.end() - c.end)
    return replace(c, end=m.end())


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    seen, out = set(), []
    for c in cands:
        if (c.start, c.end) not in seen:
            seen.add((c.start, c.end))
            out.append(c)
    return out


def align(doc: Doc, offsets: list[tuple[int, int]]) -> Doc:
    """A Doc whose tokens put every ``(start, end)`` on token boundaries.

    Tokens are split by building the Doc once more from its words, tags, norms
    and sentence starts (linear); spaCy's in-place ``retokenize().split`` moves
    the rest of the token array for every split, quadratic on long texts. The
    Doc is returned unchanged when no token needs splitting.
    """
    toks = tokens(doc)
    starts = [t.idx for t in toks]
    cuts: dict[int, set[int]] = {}
    for start, end in offsets:
        for pos in (start, end):
            i = bisect.bisect_right(starts, pos) - 1  # the token holding ``pos``
            if i >= 0 and toks[i].idx < pos < toks[i].idx + len(toks[i].text):
                cuts.setdefault(i, set()).add(pos - toks[i].idx)
    if not cuts:
        return doc
    words, spaces, tags, norms, sent_starts = [], [], [], [], []
    for i, t in enumerate(toks):
        bounds = [0, *sorted(cuts.get(i, ())), len(t.text)]
        pieces = list(itertools.pairwise(bounds))
        for n, (a, b) in enumerate(pieces):
            words.append(t.text[a:b])
            spaces.append(bool(t.whitespace_) and n == len(pieces) - 1)
            tags.append(t.tag_)
            norms.append(t.norm_[a:b] if len(t.norm_) == len(t.text) else t.text[a:b])
            sent_starts.append(doc[i].is_sent_start if n == 0 else False)
    new = Doc(doc.vocab, words=words, spaces=spaces, tags=tags, sent_starts=sent_starts,
              user_data=dict(doc.user_data))
    new.from_array([NORM], numpy.array([[doc.vocab.strings.add(n)] for n in norms], dtype="uint64"))
    new._context = doc._context  # what ``nlp.pipe(..., as_tuples=True)`` carries along
    for cache in CACHES:
        setattr(new._, cache, None)
    return new


def set_entities(doc: Doc, chosen: list[Candidate], brands: list[Candidate]) -> Doc:
    """Write the chosen spans to ``doc.ents`` (kb_id = lexicon key) and brands to a span group.

    Returns:
        The Doc carrying them (a new one when tokens had to be split).
    """
    doc = align(doc, [(c.start, c.end) for c in chosen + brands])
    ents, brand_spans = [], []
    for c in chosen:
        span = doc.char_span(c.start, c.end, label=EntityType(c.type).label, kb_id=c.key or "")
        if span is not None:
            ents.append(span)
    for c in brands:
        span = doc.char_span(c.start, c.end, label=COMPANY.label, kb_id=c.key or "")
        if span is not None:
            brand_spans.append(span)
    doc.set_ents(ents, default="outside")
    doc.spans["brands"] = brand_spans
    doc._.span_makers = {(c.start, c.end): c.maker for c in chosen if c.maker}
    return doc
