"""The relation reader's shared ground: the records it reads and the sentences it reads them in.

The data types (:class:`Ment`, :class:`Candidate`, :class:`RelationHit`), sentence and clause
splitting, the confidences of the rule readings (one table, so that they can be compared), and
:class:`ReaderBase`: the document's text and mentions, the mentions in a range and the company a
sentence is about. The partnership reader (``partnerships.py``) and the release reader
(``releases.py``) build on it, and ``relations.py`` joins them into ``RelationReader``. This is a
module of its own so that the two readers can import it while ``relations.py`` imports them (no
import cycle); every public name here is importable from ``techkg.nlp.relations`` too.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from techkg.nlp import terms
from techkg.nlp.candidates import COMPANY, PRODUCT
from techkg.nlp.relation_model import Pair, PartnershipModel

# A sentence runs to its end mark, over one inside a title ("《集合啦！动物森友会》20日发售" is one sentence).
SENTENCE_RE = re.compile(r"(?:《[^《》\n]{1,40}》|[^。！？!?\n])+[。！？!?]*[”’」』)]*")
CLAUSE_SPLIT_RE = re.compile(r"[，,；;：:]")

# Confidences of the rule readings (the model's readings carry its probability instead).
DIRECT = 0.9  # both sides named in the clause around the cue
CARRIED_SUBJECT = 0.15  # less when one side is the sentence's opener or the article's subject
ARTICLE_SUBJECT = 0.2  # less when the other side is the article's subject or a following list
PRODUCT_AS_PARTNER = 0.1  # less when a product stands for its maker
BOTH_PARTIES_CONF = 0.7  # "双方宣布合作": the two companies just named
PRODUCT_BEFORE_CUE = 0.75  # "思元290正式亮相"
PRODUCT_IS_COMPANYS = 0.8  # "思元290是寒武纪推出的"
FOLLOWING_LIST = 0.65  # products from a following "包括……" list or the next sentence
RESPECTIVELY = 0.8  # "分别发布了X和Y"
JOINT_RELEASE = 0.7  # "双方共同推出"
INFERRED_COMPANY = 0.15  # less when the releasing company is not in the clause
NEW_PRODUCT = 0.6  # "苹果的新款iPhone 16 Pro": a new product named with its company, no release verb


@dataclass(frozen=True)
class Ment:
    start: int
    end: int
    label: str  # COMPANY | PRODUCT
    key: str


@dataclass(frozen=True)
class Candidate:
    """Two companies named in one sentence, as the partnership model sees them."""

    keys: tuple[str, str]  # sorted company keys
    pair: Pair
    others: list[tuple[int, int]]


@dataclass(frozen=True)
class RelationHit:
    type: str
    source: str
    target: str
    start: int  # evidence sentence offsets
    end: int
    confidence: float
    trigger: str


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence offsets.

    >>> sentences("英伟达发布H100。台积电代工！")
    [(0, 10), (10, 16)]
    >>> sentences("《集合啦！动物森友会》今日发售。")
    [(0, 16)]
    """
    return [(m.start(), m.end()) for m in SENTENCE_RE.finditer(text) if m.group().strip()]


def cue_positions(cues: Sequence[str], text: str) -> Iterator[tuple[str, int]]:
    """Every ``(cue, offset)`` of the cue words in ``text``: cue by cue in the given order, each
    cue's occurrences left to right without overlap ("合作" twice in "合作……合作").

    >>> list(cue_positions(("战略合作", "合作"), "达成战略合作，合作多年"))
    [('战略合作', 2), ('合作', 4), ('合作', 7)]
    """
    for cue in cues:
        at = text.find(cue)
        while at >= 0:
            yield cue, at
            at = text.find(cue, at + len(cue))


def clause_bounds(text: str, s: int, e: int, pos: int) -> tuple[int, int]:
    start = s
    for m in CLAUSE_SPLIT_RE.finditer(text, s, e):
        if m.start() < pos:
            start = m.end()
        else:
            return start, m.start()
    return start, e


def _mask_inner_breaks(text: str, mentions: list[Ment]) -> str:
    """The text with the clause breaks inside names and brackets blanked out (same length).

    "EXE:5000是ASML推出的" and "（智谱，Z.ai）发布" are one clause each: a colon inside a
    model number and a comma inside a gloss do not end a clause.

    >>> _mask_inner_breaks("A（B，C）发布X:1", [Ment(8, 11, "PRODUCT", "x1")])
    'A（B·C）发布X·1'
    """
    chars = list(text)
    for m in mentions:
        for i in range(m.start, m.end):
            if CLAUSE_SPLIT_RE.match(chars[i]):
                chars[i] = "·"
    depth = 0
    for i, ch in enumerate(chars):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif ch in "。！？!?\n":
            depth = 0  # an unclosed bracket does not reach into the next sentence
        elif depth and CLAUSE_SPLIT_RE.match(ch):
            chars[i] = "·"
    return "".join(chars)


def negated(clause_text: str) -> bool:
    """Whether the text holds a negation, rumour, talks or ended cue; "并非首次" (not the first time)
    and "并非只" (not only) affirm, so they negate nothing.

    >>> negated("双方并未达成合作"), negated("抖音并非第一次与长视频平台合作")
    (True, False)
    """
    clause_text = terms.AFFIRMING_NEGATION_RE.sub(" ", clause_text)
    return any(cue in clause_text for cue in terms.NEGATION_CUES)


def in_brackets(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` is inside brackets opened after ``start`` ("智谱（Z.ai）": Z.ai is a gloss)."""
    span = text[start:pos]
    return span.count("（") + span.count("(") > span.count("）") + span.count(")")


class ReaderBase:
    """One document's text and linked mentions, and what the readers share about them.

    Args:
        text: folded article text.
        mentions: linked entity mentions (brands included), any order.
        makers: product key → maker company key.
        model: the partnership model; without it only the rules read.
        parents: company key → parent company key (from the lexicon; none without it).
    """

    def __init__(self, text: str, mentions: list[Ment], makers: dict[str, str],
                 model: PartnershipModel | None = None, parents: dict[str, str] | None = None) -> None:
        self.text = text
        self.model = model
        self.parents = parents or {}
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.makers = makers
        self.clause_text = _mask_inner_breaks(text, self.mentions)
        self.sentence_spans = sentences(text)  # read in order by the reader; asked for "the sentence before"
        self._sentence_starts = [a for a, _ in self.sentence_spans]
        products = [(p.start, p.end) for p in self.mentions if p.label == PRODUCT.label]
        # brands inside a product's name ("Apple ProRes 422 HQ"): no subject of their own
        self._brands_inside = {(m.start, m.end) for m in self.mentions if m.label == COMPANY.label
                               and any(ps <= m.start and m.end < pe for ps, pe in products)}
        counts: dict[str, int] = {}
        for m in self.mentions:
            if m.label == COMPANY.label:
                counts[m.key] = counts.get(m.key, 0) + 1
        self.topic = max(counts, key=counts.get) if counts else None
        self.named_companies = frozenset(counts)  # the companies the article names
        self.last_pair: tuple[str, str] | None = None  # the latest partnership, for "双方推出"
        self.earlier_pair: tuple[str, str] | None = None  # the latest one before this sentence
        self.recent_release: str | None = None  # who released something in the sentence before
        self.recent_products: set[str] = set()  # and what

    def in_range(self, a: int, b: int, label: str | None = None) -> list[Ment]:
        """The mentions within ``a:b``, of one label (``COMPANY.label``, ``PRODUCT.label``) if given."""
        return [m for m in self.mentions if a <= m.start and m.end <= b and (label is None or m.label == label)]

    def same_group(self, a: str, b: str) -> bool:
        """Whether two companies are one group: one a parent (or grandparent) of the other, sisters, or
        one's key the start of the other's ("xiaomi-auto" and "xiaomi"; "小米汽车" and "小米" without
        the lexicon)."""
        return a.startswith(b) or b.startswith(a) or bool(self._group(a) & self._group(b))

    def owns(self, a: str, b: str) -> bool:
        """Whether one of two companies is the other's parent or grandparent (by the lexicon's parents)."""
        return a in self._group(b) or b in self._group(a)

    def _group(self, key: str) -> set[str]:
        group = {key}
        while key in self.parents and self.parents[key] not in group:
            key = self.parents[key]
            group.add(key)
        return group

    def as_company(self, m: Ment) -> str | None:
        if m.label == COMPANY.label:
            return m.key
        return self.makers.get(m.key)

    # -- subjects -------------------------------------------------------------------------------
    def _sentence_subject(self, s: int, e: int) -> str | None:
        """The company a sentence is about: one named at its start, after adverbials and a modifier
        describing it only ("成立于2023年的智元机器人是……")."""
        head = terms.SUBJECT_LEAD_RE.match(self.text, s)
        start = head.end() if head else s
        modifier = terms.SUBJECT_MODIFIER_RE.match(self.text, start)
        start = modifier.end() if modifier else start
        for m in self.in_range(start, e):
            if self.text[start : m.start].strip(" “”\"'「」"):
                return None
            comp = self.as_company(m)
            if comp:
                return comp
            start = m.end
        return None

    def _prev_sentence_start(self, s: int) -> int:
        """Where the sentence before the one starting at ``s`` starts (``s`` for the first)."""
        i = bisect.bisect_left(self._sentence_starts, s)
        return self._sentence_starts[i - 1] if i else s

    def _part_start(self, s: int, cs: int) -> int:
        """Where the part of the sentence holding the clause at ``cs`` starts: after the last
        semicolon before it (each part of "A推出X；B表示，去年发布的Y" has a subject of its own)."""
        return max([s, *(m.end() for m in terms.SENTENCE_PART_BREAK_RE.finditer(self.clause_text, s, cs))])

    def _sentence_opener(self, s: int, cs: int) -> str | None:
        """The first company named in the sentence before the clause at ``cs``, not a brand inside a product's
        name; a parent named before 旗下 gives way to its subsidiary ("字节跳动旗下的火山引擎……，正式发布")."""
        earlier = [m for m in self.in_range(s, cs, COMPANY.label) if (m.start, m.end) not in self._brands_inside]
        if earlier and terms.OBJECT_OPENER_RE.match(self.text, s, earlier[0].start):
            return None  # "該公司已與Alphabet旗下Waymo合作……": the first name is an object, the subject carried
        acting = [m for m in earlier if not self.text.startswith("旗下", m.end)]
        return (acting or earlier)[0].key if earlier else None
