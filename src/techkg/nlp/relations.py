"""Partnerships and product releases, read from sentences with cue words.

Works on linked entities (``doc.ents`` with canonical keys in ``kb_id_``) and
the folded text. For each sentence:

* **partnership**: a cue (合作, 携手, 联手, 战略合作, 共同开发 ...) with
  organisations on both sides of 与/和/同/跟 (or after 携手/联手); lists give one
  pair per member ("与A、B和C开展合作" → three pairs); a missing subject is
  carried over from the sentences before; a count noun ("与3家厂商合作")
  takes its members from a following "包括……" sentence, partners listed right
  after the cue ("合作伙伴包括A、B") and a list referred back to ("与上述厂商合作")
  pair with the subject. A product named as
  a partner stands for its maker ("与Microsoft Azure合作" → Microsoft).
  Negated or rumoured clauses (否认, 并未, 传闻) and clauses about buying,
  investing or competing (收购, 投资, 竞争, 供货) give nothing. A party count
  or a joint act of several subjects ("A、B与C共同成立D") pairs every party;
  "双方" / "两间公司" are the two just named.
* **release**: a cue (发布, 推出, 上线, 亮相 ...) with the company before it and
  the products after it in the clause and a following "，包括……" or "：" list
  (a product followed by 的 only qualifies the next one: "发布Office的AI助手
  Microsoft 365 Copilot"); with no product there, a following "包括……" list or
  the next sentence; a product right before its cue ("X于11月26日发布",
  "X今日开售") is released by its maker, and so is a company's new product
  named without a verb ("苹果的新款X"); some cues take only a product before them
  ("X正式对外开放", "X登陆日本市场"), and "X由A打造/研发" (or "由A开发的X") is A's. A joint act
  ("与B共同发表", "攜手推出", "由A与B联合开发") credits every party; "该公司/其 推出的X" is the
  company last named as subject; a series just released gives its members ("X系列包括A与B两款").
  Plans in the cue's clause and rumours before it give nothing, nor does "首发" meaning the first
  to ship with a part, a platform something goes live on ("GPT-4o上线了Azure") or ships on
  ("推出PS5独占游戏《X》"), a venue after 在 ("在CES推出": the subject releases), or a product that
  is the subject of a cue with another object ("高德宣布将推出补贴").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from techkg.nlp import terms
from techkg.nlp.candidates import COMPANY, PRODUCT, SUBJECT_FILLERS
from techkg.nlp.relation_model import Pair, PartnershipModel, pair_features

SENTENCE_RE = re.compile(r"[^。！？!?\n]+[。！？!?]*[”’」』)]*")
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

# Where the partnership model decides: it adds a pair the rules missed at this probability or
# more. Chosen out of fold on the 90 dev articles (scripts/train_relation_model.py folds): adding
# at 0.8 gains recall at the rules' precision (0.6 did not), and the model drops no rule reading
# (a veto below 0.05, as it once had, dropped right ones).
MODEL_ADD_PROBABILITY = 0.8
MAX_MODEL_MENTIONS = 12  # sentences naming more companies than this are lists, not read by the model
BRACKETS = " （）()"  # around a gloss: "小马智行（Pony.ai）"
LIST_REFERENCE_SENTENCES = 3  # how far back "上述厂商" looks for the list it refers to
PARTY_LIST_MIN = 3  # "A、B及C合组": a list this long before the cue, no preposition, acts together
NEXT_LEAD_MAX = 8  # characters allowed before a product that opens the next sentence ("这款新机")

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
    """
    return [(m.start(), m.end()) for m in SENTENCE_RE.finditer(text) if m.group().strip()]


def _clause_bounds(text: str, s: int, e: int, pos: int) -> tuple[int, int]:
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


def _negated(clause_text: str) -> bool:
    return any(cue in clause_text for cue in terms.NEGATION_CUES)


class RelationReader:
    """Reads relations from one document's text and linked mentions.

    Args:
        text: folded article text.
        mentions: linked entity mentions (brands included), any order.
        makers: product key → maker company key.
        model: the partnership model; without it only the rules read.
    """

    def __init__(self, text: str, mentions: list[Ment], makers: dict[str, str],
                 model: PartnershipModel | None = None) -> None:
        self.text = text
        self.model = model
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.makers = makers
        self.clause_text = _mask_inner_breaks(text, self.mentions)
        counts: dict[str, int] = {}
        for m in self.mentions:
            if m.label == COMPANY.label:
                counts[m.key] = counts.get(m.key, 0) + 1
        self.topic = max(counts, key=counts.get) if counts else None
        self.last_pair: tuple[str, str] | None = None  # the latest partnership, for "双方推出"
        self.earlier_pair: tuple[str, str] | None = None  # the latest one before this sentence
        self.recent_release: str | None = None  # who released something in the sentence before
        self.recent_products: set[str] = set()  # and what

    def in_range(self, a: int, b: int, label: str | None = None) -> list[Ment]:
        """The mentions within ``a:b``, of one label (``COMPANY.label``, ``PRODUCT.label``) if given."""
        return [m for m in self.mentions if a <= m.start and m.end <= b and (label is None or m.label == label)]

    def as_company(self, m: Ment) -> str | None:
        if m.label == COMPANY.label:
            return m.key
        return self.makers.get(m.key)

    def read(self) -> list[RelationHit]:
        hits: list[RelationHit] = []
        sents = sentences(self.text)
        subject = self.topic
        for idx, (s, e) in enumerate(sents):
            follow = sents[idx + 1 : idx + 3]
            self.earlier_pair = self.last_pair
            found = self._partnerships(s, e, subject, follow)
            if self.model is not None:
                found = self._with_model(s, e, found)
            hits += found
            released = self._releases(s, e, subject, follow)
            if not released and idx and self._announces_release(*sents[idx - 1]):
                released = self._named_after_event(sents[idx - 1], (s, e))
            released += self._variants(s, e, released) + self._series_members(s, e, released)
            self.recent_release = next((h.source for h in released), None)
            self.recent_products = {h.target for h in released}
            hits += released
            subject = self._sentence_subject(s, e) or subject
        return _dedupe(hits)

    # -- the partnership model ------------------------------------------------------------------
    def candidates(self, s: int, e: int) -> list[Candidate]:
        """Company pairs of a sentence that has a cooperation cue, nearest mentions per pair.

        Only companies named as such: a product standing for its maker is left to the rules.
        """
        sentence = self.text[s:e]
        if not any(cue in sentence for cue in terms.PARTNER_TRIGGERS):
            return []
        named = [(m, m.key) for m in self.in_range(s, e, COMPANY.label)]
        named = [(m, k) for m, k in named
                 if not any(o.start <= m.start and m.end <= o.end and o != m for o, _ in named)]  # brand in product
        if len({k for _, k in named}) < 2 or len(named) > MAX_MODEL_MENTIONS:
            return []
        best: dict[tuple[str, str], tuple[int, Ment, Ment]] = {}
        for i, (m1, k1) in enumerate(named):
            for m2, k2 in named[i + 1 :]:
                if k1 == k2 or m2.start < m1.end:
                    continue
                keys = (k1, k2) if k1 < k2 else (k2, k1)
                gap = m2.start - m1.end
                if keys not in best or gap < best[keys][0]:
                    best[keys] = (gap, m1, m2)
        out = []
        for keys, (_, m1, m2) in best.items():
            others = [(m.start, m.end) for m, _ in named if m is not m1 and m is not m2]
            out.append(Candidate(keys, Pair((m1.start, m1.end), (m2.start, m2.end), m1.label, m2.label), others))
        return out

    def _with_model(self, s: int, e: int, found: list[RelationHit]) -> list[RelationHit]:
        """Rule readings completed by the model, for pairs named in this sentence (it never drops one:
        out of fold on the dev gold every level of veto dropped right readings)."""
        probs = {c.keys: self.model.score(pair_features(self.text, c.pair, c.others, (s, e)))
                 for c in self.candidates(s, e)}
        kept = list(found)
        have = {(h.source, h.target) for h in found}
        guarded = {c.keys for c in self.candidates(s, e) if not model_may_add(self.text, c, s, e)}
        for keys, p in probs.items():
            if keys in guarded:
                continue
            if keys not in have and p >= MODEL_ADD_PROBABILITY:
                cue = next((c for c in terms.PARTNER_TRIGGERS if c in self.text[s:e]), "")
                kept.append(RelationHit("partnership", keys[0], keys[1], s, e, round(p, 2), cue))
        return kept

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

    def _sentence_opener(self, s: int, cs: int) -> str | None:
        """The first company named in the sentence before the clause at ``cs``; a parent named
        before 旗下 gives way to its subsidiary ("字节跳动旗下的火山引擎……，正式发布")."""
        earlier = self.in_range(s, cs, COMPANY.label)
        acting = [m for m in earlier if not self.text.startswith("旗下", m.end)]
        return (acting or earlier)[0].key if earlier else None

    # -- partnerships ---------------------------------------------------------------------------
    def _partnerships(self, s, e, subject, follow) -> list[RelationHit]:
        text = self.text
        out = []
        seen_clauses = set()
        for trig, pos in self._partner_cues(s, e):
            cs, ce = _clause_bounds(self.clause_text, s, e, pos)
            if (cs, ce) in seen_clauses:
                continue
            seen_clauses.add((cs, ce))
            if not self.in_range(cs, pos) and cs > s and not terms.BOTH_PARTIES.match(text, cs):
                # "奥迪与上汽签署备忘录，计划合作开发"; "双方并合作" names its parties (the clause
                # before it, "获得英特尔投资", is not this cooperation's)
                cs = _clause_bounds(self.clause_text, s, e, cs - 1)[0]
            clause = text[cs:ce]
            if (
                _negated(text[s:pos])
                or _negated(clause)
                or any(c in text[s:e] for c in terms.SENTENCE_NEGATIONS)
                or _not_partner(clause)
                or terms.ANAPHORIC_BEFORE_TRIGGER.search(text[cs:pos])
                or _only_planned(text, s, e, cs, pos + len(trig))
            ):
                continue
            if terms.BOTH_PARTIES.search(text[cs:pos]) and not self.in_range(cs, pos):
                pairs = self._both_parties(s, e, pos, trig)
            else:
                pairs = self._pairs_in_clause(s, e, cs, ce, pos, trig, subject, follow)
            out += pairs
            if pairs:
                self.last_pair = (pairs[-1].source, pairs[-1].target)
        return out + self._joined(s, e) + self._combined(s, e, subject)

    def _partner_cues(self, s: int, e: int) -> list[tuple[str, int]]:
        """Where partnership cues stand in the sentence ``s:e``: the cue words
        (``terms.PARTNER_TRIGGERS``) and 共同 before a verb of joint work ("与英特尔共同针对游戏进行调校")."""
        text = self.text
        found = [(trig, s + m.start()) for trig in terms.PARTNER_TRIGGERS
                 for m in re.finditer(re.escape(trig), text[s:e])]
        return found + [(m.group(), m.start()) for m in terms.JOINT_WORK_RE.finditer(text, s, e)]

    def _joined(self, s: int, e: int) -> list[RelationHit]:
        """"三菱汽车也加入了这项合作": the newcomer partners each side of the latest partnership."""
        out = []
        for m in terms.JOINS_COOPERATION_RE.finditer(self.text, s, e):
            cs, _ = _clause_bounds(self.clause_text, s, e, m.start())
            if not self.last_pair or _negated(self.text[cs : m.start()]):
                continue
            for ment in self.in_range(cs, m.start()):
                key = self.as_company(ment)
                if not key or key in self.last_pair:
                    continue
                for other in self.last_pair:
                    x, y = sorted((key, other))
                    out.append(RelationHit("partnership", x, y, s, e, round(DIRECT - CARRIED_SUBJECT, 2), "加入"))
        return out

    def _combined(self, s: int, e: int, subject: str | None) -> list[RelationHit]:
        """"智原指出，此次合作結合Arm的CSS與英特爾的製程": the cooperation just named brings in the
        companies whose assets it combines, each a partner of the sentence's subject."""
        out = []
        for m in terms.COMBINING_COOPERATION_RE.finditer(self.text, s, e):
            cs, ce = _clause_bounds(self.clause_text, s, e, m.end())
            if _negated(self.text[s:ce]):
                continue
            lead = self._sentence_opener(s, m.start()) or subject
            owners = [x for x in self.in_range(m.end(), ce, COMPANY.label) if self.text.startswith("的", x.end)]
            for key in dict.fromkeys(x.key for x in owners):
                if lead and key != lead:
                    x, y = sorted((lead, key))
                    out.append(RelationHit("partnership", x, y, s, e, round(DIRECT - CARRIED_SUBJECT, 2),
                                           m.group().strip()))
        return out

    def _both_parties(self, s, e, pos, trig) -> list[RelationHit]:
        """"双方宣布合作": the two companies named before the cue in this sentence, else (none named
        there) the two of the sentence before; one company before it leaves the other unknown
        ("Joby獲得豐田投資，雙方並合作": Joby is no recognised name, and a company named after the cue
        is not it)."""
        for a, b in ((s, pos), (self._prev_sentence_start(s), s)):
            keys = list(dict.fromkeys(k for k in (self.as_company(m) for m in self.in_range(a, b)) if k))
            if len(keys) >= 2:
                x, y = sorted(keys[:2])
                return [RelationHit("partnership", x, y, s, e, BOTH_PARTIES_CONF, trig)]
            if keys:
                return []
        return []

    def _prev_sentence_start(self, s: int) -> int:
        starts = [a for a, _ in sentences(self.text[:s])]
        return starts[-1] if starts else s

    def _pairs_in_clause(self, s, e, cs, ce, pos, trig, subject, follow) -> list[RelationHit]:
        text = self.text
        conf = DIRECT
        subjects = False  # the parties before the cue form one list of PARTY_LIST_MIN or more
        right = _leading_list(text, self.in_range(pos + len(trig), ce), pos + len(trig))
        # "A携手B": the partner after the cue; "联想和英伟达联袂发布": both before it, none after
        lead = trig in terms.LEAD_PARTNER_TRIGGERS and (
            bool(right) or len(self.in_range(cs, pos, COMPANY.label)) < 2)
        if lead:
            left = self.in_range(cs, pos)
        else:
            before = _without_glosses(text, self.in_range(cs, pos))
            prep = _last_preposition(text, cs, pos, before)
            if prep is None:
                # "A和B达成合作" without a clear preposition: every company before the cue
                left, right = before[:1], before[1:]
                # "由A、B及C合组的合资公司": one list of three or more acting together
                subjects = len({m.key for m in _trailing_list(text, before, pos)}) >= PARTY_LIST_MIN
                if len(before) > 2 and trig.endswith("伙伴") and terms.PARTNER_OF_RE.match(text, before[-1].end, pos):
                    # "A、B及C都是D的合作伙伴": each is D's partner
                    left, right, subjects = before[-1:], before[:-1], False
            else:
                # "问界是赛力斯与华为合作": the list right before 与, not everything earlier
                earlier = [m for m in before if m.end <= prep]
                left = _trailing_list(text, earlier, prep) or earlier[-1:]
                if not earlier and _names_someone(text, cs, prep):
                    return []  # "硅基流动与X合作": a party we cannot name; the subject is not it
                right = [m for m in before if m.start > prep]
                subjects = False
        # a relative clause: "与X合作的Y" → Y (or its maker) is the other side
        if not left:
            tail = text[pos + len(trig) : pos + len(trig) + 2]
            if tail.startswith("的"):
                after = self.in_range(pos + len(trig), e)
                if after:
                    left = after[:1]
        left_keys = [k for k in (self.as_company(m) for m in left) if k]
        if not left_keys:
            opener = self._sentence_opener(s, cs)
            if opener or subject:
                left_keys, conf = [opener or subject], conf - CARRIED_SUBJECT
        right_keys = [k for k in (self.as_company(m) for m in right) if k]
        listed = [] if right_keys else self._partner_list_after(pos, trig, e)
        if not listed and not right_keys and not any(m.label == PRODUCT.label for m in left):
            # a reference back to a list is indirect already: not stacked on a product standing for its maker
            listed = self._list_referred(s, cs, ce)
        if listed:
            right_keys, conf = [k for k in listed if k not in left_keys], conf - ARTICLE_SUBJECT
        elif not right_keys and terms.COUNT_NOUN_RE.search(text[cs:pos]):
            right_keys = self._listed_in_following(follow)
            conf -= ARTICLE_SUBJECT
        elif not right_keys and subject and subject not in left_keys and len(left_keys) == 1 and (
            not lead and _last_preposition(text, cs, pos, []) is None
        ):
            right_keys, conf = [subject], conf - ARTICLE_SUBJECT  # "宣布深化合作的是AWS": the article's subject is the other side
        if any(m.label == PRODUCT.label for m in left + right):
            conf -= PRODUCT_AS_PARTNER
        pairs = {(a, b) for a in left_keys for b in right_keys}
        if left and right and not lead and (subjects or _all_parties(
                text, right[-1].end, pos + len(trig), len(set(left_keys)), len(set(right_keys)))):
            # "华为、宁德时代与长安汽车共同成立阿维塔": every party cooperates with every other
            everyone = list(dict.fromkeys(left_keys + right_keys))
            pairs = {(a, b) for i, a in enumerate(everyone) for b in everyone[i + 1 :]}
        out = []
        for a, b in sorted(pairs):
            if a != b:
                x, y = sorted((a, b))
                out.append(RelationHit("partnership", x, y, s, e, round(conf, 2), trig))
        return out

    def _partner_list_after(self, pos: int, trig: str, e: int) -> list[str]:
        """"与多家厂商合作，包括A、B和C", "合作伙伴包括A和B": the partners listed right after the cue."""
        start = pos + len(trig)
        intro = terms.PARTNER_LIST_AFTER_RE.match(self.text, start, e)
        if not intro and trig.endswith("伙伴"):
            intro = terms.PARTNER_NOUN_COPULA_RE.match(self.text, start, e)
        if not intro:
            return []
        listed = _leading_list(self.text, self.in_range(intro.end(), e), intro.end())
        return list(dict.fromkeys(k for k in map(self.as_company, listed) if k))

    def _list_referred(self, s: int, cs: int, ce: int) -> list[str]:
        """"与上述厂商合作", "联合上述厂商": the last list of two or more companies named in this
        sentence or the ``LIST_REFERENCE_SENTENCES`` before it."""
        ref = terms.LIST_BACK_REFERENCE_RE.search(self.text, cs, ce)
        if not ref:
            return []
        start = s
        for _ in range(LIST_REFERENCE_SENTENCES):
            start = self._prev_sentence_start(start)
        companies = [m for m in self.in_range(start, ref.start()) if self.as_company(m)]
        run: list[Ment] = []
        for m in reversed(companies):
            if run and not terms.LIST_SEPARATORS.match(self.text[m.end : run[0].start]):
                if len(run) >= 2:
                    break
                run = []
            run.insert(0, m)
        keys = list(dict.fromkeys(k for k in map(self.as_company, run) if k))
        return keys if len(keys) >= 2 else []

    def _listed_in_following(self, follow) -> list[str]:
        for fs, fe in follow:
            head = self.text[fs:fe].lstrip("，,：: ")
            if head.startswith(terms.LIST_INTRODUCERS):
                return [k for k in (self.as_company(m) for m in self.in_range(fs, fe)) if k]
        return []

    # -- releases -------------------------------------------------------------------------------
    def _releases(self, s, e, subject, follow) -> list[RelationHit]:
        text = self.text
        out = []
        done_at: set[int] = set()
        for trig in terms.RELEASE_TRIGGERS + terms.JOINT_RELEASE_TRIGGERS:
            for m in re.finditer(re.escape(trig), text[s:e]):
                pos = s + m.start()
                if any(d <= pos < d + 4 for d in done_at):
                    continue  # "正式发布" already read as "发布" or the reverse
                done_at.add(pos)
                cs, ce = _clause_bounds(self.clause_text, s, e, pos)
                if self._release_blocked(s, cs, pos):
                    continue
                if text.startswith(terms.RELEASE_NOMINAL_AFTER, pos + len(trig)):
                    continue  # "首发阵容", "发布时间": a noun, not a release
                if trig.startswith("带来") and terms.BENEFICIARY_RE.search(text, cs, pos):
                    continue  # "为iPhone带来新功能": brought to something, not launched
                if self._hosted(cs, pos):
                    continue  # "在Amazon Bedrock中上线了R1": offered on a platform, not released
                if trig.startswith("首发") and self._first_to_ship(cs, pos, trig):
                    continue  # "新机首发搭载骁龙8至尊版", "小米15系列首发了骁龙8至尊版": a part
                if trig in terms.HOSTING_TRIGGERS and self._between_products(cs, pos, trig):
                    out += self._product_first(s, e, cs, pos, trig)  # "GPT-4o上线了Azure": Azure is the platform
                    continue
                out += self._release_at(s, e, cs, ce, pos, trig, subject, follow)
        for m in terms.PRODUCT_FIRST_RELEASE_RE.finditer(text, s, e):
            cs, _ = _clause_bounds(self.clause_text, s, e, m.start())
            if not self._release_blocked(s, cs, m.start()):
                out += self._product_first(s, e, cs, m.start(), m.group())
        return out + self._made_by(s, e) + self._new_products(s, e)

    def _first_to_ship(self, cs: int, pos: int, trig: str) -> bool:
        """"首发" meaning the first to ship with a part: a linking verb follows ("首发搭载"), a device
        noun stands right before it ("旗舰机首发骁龙8至尊版"), or a product stands right before it and
        another after it ("小米15系列同样首发了骁龙8至尊版")."""
        return (bool(terms.FIRST_TO_SHIP_RE.match(self.text, pos + len(trig)))
                or bool(terms.DEVICE_BEFORE_FIRST_RE.search(self.text, cs, pos))  # "旗舰机首发骁龙8至尊版"
                or self._between_products(cs, pos, trig))

    def _between_products(self, cs: int, pos: int, trig: str) -> bool:
        """A product right before the cue (adverbs between) and another right after it."""
        end = pos + len(trig)
        before = self.in_range(cs, pos, PRODUCT.label)
        after = [m for m in self.in_range(end, len(self.text)) if m.start - end <= 12]
        if len(after) > 1 and after[0].label == COMPANY.label and _adjacent(self.text, after[0], after[1]):
            after = after[1:]  # "上線了微軟Azure": the brand of the product after
        if before and after and self.text[after[0].start : after[0].end].startswith(
                self.text[before[-1].start : before[-1].end]):
            return False  # "高德正式上线“高德扫街榜”": a part of the product before, launched by it
        return bool(before and after and after[0].label == PRODUCT.label
                    and SUBJECT_FILLERS.match(self.text[before[-1].end : pos].strip()))

    def _release_blocked(self, s: int, cs: int, pos: int) -> bool:
        """A release cue at ``pos`` that reports no release: negated, about buying or investing,
        planned in its clause ("计划明年推出") or rumoured earlier in the sentence ("据传将发布")."""
        before = self.text[cs:pos]
        return (_negated(before) or any(c in before for c in terms.DEAL_BEFORE_RELEASE_CUES)
                or bool(terms.PLANNED_RELEASE_RE.search(self.text, cs, pos))
                or bool(terms.RUMOURED_RELEASE_RE.search(self.text, s, pos)))

    def _product_first(self, s: int, e: int, cs: int, pos: int, trig: str) -> list[RelationHit]:
        """"寒武纪思元290、玄思1000正式亮相": the products stand right before the cue.

        Only the list of products that ends at the cue counts, and a part inside a modifier
        ("首款搭载骁龙X Elite的ThinkPad T14s亮相") is not released. The releasing company is
        one named before them in the clause, else each product's maker.
        """
        listed = self._products_before_cue(cs, pos)
        if not listed:
            return []
        companies = [m for m in self.in_range(cs, listed[0].start, COMPANY.label)
                     if self.text[max(cs, m.start - 1) : m.start] != "由"]  # "由富士康组装的": see _made_by
        companies = companies or self._announcer(s, cs)
        out = []
        for p in listed:
            maker = (companies[0].key if companies else None) or self.makers.get(p.key)
            if maker and maker != p.key:
                out.append(RelationHit("release", maker, p.key, s, e, PRODUCT_BEFORE_CUE, trig))
        return out

    def _announcer(self, s: int, cs: int) -> list[Ment]:
        """The company that announces, in the clause before, what the clause at ``cs`` says:
        "納智捷今（10）日宣布，純電休旅車n7正式上市" (``terms.ANNOUNCING_RE``)."""
        before = self.in_range(s, cs, COMPANY.label)
        if before and terms.ANNOUNCING_RE.match(self.text, before[-1].end, cs):
            return [before[-1]]
        return []

    def _products_before_cue(self, cs: int, pos: int) -> list[Ment]:
        """The list of products ending right before a cue at ``pos`` (adverbs allowed between)."""
        text = self.text
        prods = [m for m in self.in_range(cs, pos, PRODUCT.label)
                 if not text[m.start : m.end].endswith(terms.STOREFRONT_NOUNS)]  # "在App Store上线": where
        if not prods:
            return []
        gap = text[prods[-1].end : pos].strip().lstrip(")）」』”\"》")  # "《绝区零》在全球同步上线"
        gap = gap[terms.LISTED_CATEGORY_RE.match(gap).end() :]  # "A、B等新款车型同步开售"
        head = next((h for h in terms.PRODUCT_HEADS if gap.startswith(h)), "")  # "剪映App开放下载"
        rest = gap[len(head) :].strip()
        rest = rest[terms.EDITION_BEFORE_CUE_RE.match(rest).end() :]  # "千问APP公测版同日在……上线"
        timed = rest[terms.TIME_BEFORE_CUE_RE.match(rest).end() :]  # "《三角洲行動》9月底上線"
        if not (SUBJECT_FILLERS.match(rest) or SUBJECT_FILLERS.match(timed)):
            return []
        listed = [prods[-1]]
        for m in reversed(prods[:-1]):
            brand = self.in_range(m.end, listed[0].start, COMPANY.label)
            gap = text[m.end : brand[-1].start if brand else listed[0].start]  # "、比亚迪海豹": a brand
            edition = terms.EDITION_SUFFIX_RE.match(gap)  # "秦PLUS智驾版、海豹智驾版"
            if not terms.LIST_SEPARATORS.match(gap[edition.end() if edition else 0 :]):
                break  # "首款搭载骁龙X Elite的ThinkPad T14s亮相": the chip is a part
            listed.insert(0, m)
        return listed

    def _made_by(self, s: int, e: int) -> list[RelationHit]:
        """"小米SU7由小米汽车打造", "这款名为Gemini的大模型由谷歌推出": the product before 由 is
        the company's release (``terms.MADE_BY_VERBS``; adverbs may stand before the verb), and so is
        the product after "由A开发的"; "由A与B联合开发" credits both."""
        text = self.text
        out = []
        for m in self.in_range(s, e):
            if m.label != COMPANY.label or text[max(s, m.start - 1) : m.start] != "由":
                continue
            verb = re.search(r"[，。；;,]|" + "|".join(terms.MADE_BY_VERBS), text[m.end : e])
            if not verb or verb.group() not in terms.MADE_BY_VERBS:
                continue
            makers = self._joint_makers(m, m.end + verb.start())
            gap = terms.BRACKETED_GLOSS_RE.sub("", text[makers[-1].end : m.end + verb.start()]).strip()  # "由A（B）开发"
            if len(makers) > 1:
                gap = terms.JOINT_RELEASE_RE.sub("", gap).strip()  # "由华为与赛力斯联合开发"
            cs, _ = _clause_bounds(self.clause_text, s, e, m.start)
            if not SUBJECT_FILLERS.match(gap) or self._release_blocked(s, cs, m.start):
                continue
            earlier = self.in_range(s, m.start, PRODUCT.label)
            if earlier and terms.PART_BEFORE_RE.search(self.text, s, _run_start(text, earlier)):
                earlier = []  # "搭载的5C麒麟电池由理想汽车与宁德时代联合开发": a part, not a release
            made = (self._made_after(m.end + verb.end(), e) if text.startswith("的", m.end + verb.end()) else []) \
                or earlier[-1:]
            out += [RelationHit("release", c.key, made[0].key, s, e, PRODUCT_IS_COMPANYS, verb.group())
                    for c in makers if made and made[0].key != c.key]
        return out

    def _joint_makers(self, first: Ment, verb_at: int) -> list[Ment]:
        """The companies after 由 up to the verb: "由华为与赛力斯联合开发" → both (a list of companies
        only); otherwise the first alone."""
        listed = [first]
        for m in self.in_range(first.end, verb_at):
            if m.label != COMPANY.label or not terms.LIST_SEPARATORS.match(self.text[listed[-1].end : m.start]):
                break
            listed.append(m)
        return listed

    def _made_after(self, end: int, e: int) -> list[Ment]:
        """"由游戏科学开发的国产游戏《黑神话：悟空》": the product the "由A开发的" modifier
        describes (the first one after it, nothing but a short description between)."""
        after = self.in_range(end, e)
        if not after or after[0].label != PRODUCT.label:
            return []
        if not terms.MADE_BY_MODIFIER_RE.match(self.text[end : after[0].start].rstrip("《「“\"『 ")):
            return []
        return after[:1]

    def _hosted(self, cs: int, pos: int) -> bool:
        """"在Amazon Bedrock中上线": a product names the platform (not an event: "在骁龙峰会上发布")."""
        host = terms.HOSTING_RE.search(self.text, cs, pos)
        return bool(host) and any(
            m.label == PRODUCT.label and not self.text.startswith(terms.EVENT_FOLLOWERS, m.end)
            for m in self.in_range(host.start(), pos))

    def _new_products(self, s: int, e: int) -> list[RelationHit]:
        """"苹果的新款iPhone 16 Pro", "荣耀全新旗舰Magic7": a company's new product, no release verb."""
        out = []
        ments = self.in_range(s, e)
        for m, nxt in zip(ments, ments[1:], strict=False):
            if m.label != COMPANY.label or nxt.label != PRODUCT.label or nxt.key == m.key:
                continue
            if not terms.NEW_PRODUCT_RE.match(self.text[m.end : nxt.start]):
                continue
            cs, _ = _clause_bounds(self.clause_text, s, e, m.start)
            before = self.text[cs : m.start]
            if terms.BASE_BEFORE_COMPANY_RE.search(before):
                continue  # "基于阿里最新的Qwen3": what another product is built on
            if _negated(before) or any(c in before for c in terms.COMPETITION_CUES) or \
                    terms.PLANNED_RELEASE_RE.search(self.text, cs, nxt.start) or \
                    terms.RUMOURED_RELEASE_RE.search(self.text, s, nxt.start):
                continue  # "对标苹果的新款iPhone": a rival's product
            if self.makers.get(nxt.key, m.key) == m.key:
                out.append(RelationHit("release", m.key, nxt.key, s, e, NEW_PRODUCT, "新款"))
        return out

    def _release_at(self, s, e, cs, ce, pos, trig, subject, follow) -> list[RelationHit]:
        text = self.text
        conf = DIRECT
        before = self.in_range(cs, pos)
        companies = [m for m in before if m.label == COMPANY.label]
        end = _list_end(self.clause_text, ce, e, speech=any(c in text[pos:ce] for c in terms.SPEECH_CUES))
        as_time = terms.RELEASE_AS_TIME_RE.match(text, pos + len(trig))  # "上市後在PS Store奪冠"
        products = [] if as_time else self._objects(pos + len(trig), end)
        if products and trig in terms.DIRECT_OBJECT_TRIGGERS and not _names_object(
                text[pos + len(trig) : products[0].start]):
            return []  # "公布了参数量的GPT-3": a figure of the product, not the product
        if not products and trig in terms.PRODUCT_SUBJECT_TRIGGERS and self._products_before_cue(cs, pos):
            if trig in terms.OBJECT_TAKING_CUES and not as_time and not terms.NO_OBJECT_AFTER_RE.match(
                    text[pos + len(trig) : ce]):
                return []  # "高德宣布将推出到店补贴": the product is the subject, something else its object
            return self._product_first(s, e, cs, pos, trig)
        if companies and (not products or text.startswith("的", pos + len(trig))):
            # "思元290是寒武纪推出的首款训练芯片": the product opens the clause (what follows 的 describes it)
            lead = [m for m in before if m.label == PRODUCT.label and m.end <= companies[-1].start]
            if lead and text[lead[-1].end : companies[-1].start].strip() in ("是", "为", "由", "即"):
                products, conf = lead[-1:], PRODUCT_IS_COMPANYS
        if not products:
            announced = text[pos + len(trig) : ce]  # "发布了新旗舰": the product is named next
            bare = any(h in announced for h in terms.PRODUCT_HEADS + terms.NEXT_PRODUCT_INTRODUCERS)
            listed = self._products_listed_in_following(follow) or self._named_next(follow, bare)
            if not listed:
                return []
            products, conf = listed, FOLLOWING_LIST
        # "用友和金蝶分别发布了YonGPT和苍穹GPT": pair them in order
        if "分别" in text[cs:pos] and len(companies) == len(products) > 1:
            return [RelationHit("release", c.key, p.key, s, e, RESPECTIVELY, trig) for c, p in zip(companies, products, strict=True)]
        if re.search(r"(?:双方|两家公司|两家)[^，。]{0,6}$", text[cs:pos]) and self.last_pair:
            return [RelationHit("release", c, p.key, s, e, JOINT_RELEASE, trig) for c in self._both_releasers(s, cs)
                    for p in products]
        joint = self._joint_releasers(s, cs, pos, companies)
        if joint:
            return [RelationHit("release", c, p.key, s, e, round(conf, 2), trig) for c in joint for p in products
                    if p.key != c]
        company, inferred = self._releasing_company(s, cs, pos, companies, products, subject)
        if not company:
            return []
        conf -= INFERRED_COMPANY if inferred else 0
        return [RelationHit("release", company, p.key, s, e, round(conf, 2), trig) for p in products
                if p.key != company]

    def _releasing_company(self, s, cs, pos, companies, products, subject) -> tuple[str | None, bool]:
        """Who releases ``products`` at the cue ``pos``, and whether that was inferred (not named in
        the clause): the last company of the clause (not a gloss in brackets; the subject of "A与B推出"),
        else one referred back to ("该公司发布了"), the sentence's opener, the products' known maker or
        the subject carried over (not when a university or lab is named before the cue)."""
        text = self.text
        companies = [m for m in companies if not _in_brackets(text, cs, m.start)]  # "智谱（Z.ai）发布"
        if len(companies) > 1:  # "華碩今年1月在CES推出": where it was launched, not who launched it
            companies = companies[:1] + [m for m in companies[1:]
                                         if not terms.VENUE_BEFORE_RE.search(text, companies[0].end, m.start)]
        if companies:
            if len(companies) > 1 and re.search(r"[与和同]", text[companies[0].end : companies[-1].start]):
                return companies[0].key, False  # "甲骨文与亚马逊云科技推出": the subject leads
            return companies[-1].key, False
        if self._body_releases(s, pos):
            subject = None  # "香港科技大學牽頭的研發中心發表X": a body that is no company released it
        opener = self._sentence_opener(s, cs)
        referred = (opener or subject) if self._refers_to_company(cs, pos) else None
        brand_maker = next((k for k in (self.makers.get(p.key) for p in products) if k), None)
        return referred or opener or brand_maker or subject, True

    def _both_releasers(self, s: int, cs: int) -> tuple[str, str]:
        """"双方共同推出": the partners named in this sentence, else those of the partnership read
        before it (this sentence's own "双方合作" reading may have paired the wrong two)."""
        named = {k for k in map(self.as_company, self.in_range(s, cs)) if k}
        return self.last_pair if len(named) >= 2 or not self.earlier_pair else self.earlier_pair

    def _joint_releasers(self, s: int, cs: int, pos: int, companies: list[Ment]) -> list[str]:
        """"聯想與NVIDIA攜手推出P", "微软……，与华硕共同发表P": a joint act right before the cue
        credits every party; a clause opening with 与B takes the sentence's opener as the other."""
        if not companies or not terms.JOINT_RELEASE_RE.search(self.text, cs, pos):
            return []
        named = [m for m in companies if not _in_brackets(self.text, cs, m.start)]
        if not named:
            return []
        last = named[-1]
        if self.text[cs : last.start].rstrip().endswith(terms.PREPOSITIONS + terms.LEAD_PARTNER_TRIGGERS):
            # "（A）与B共同发表", "A携手B推出": the subject before the preposition and the partner
            subject = named[0] if len(named) > 1 else None
            opener = subject.key if subject else self._sentence_opener(s, cs)
            keys = [opener, last.key] if opener else []
        elif all(terms.LIST_SEPARATORS.match(self.text[a.end : b.start]) for a, b in zip(named, named[1:], strict=False)):
            keys = [m.key for m in named]  # "华为、奇瑞联合推出"
        else:
            return []
        keys = list(dict.fromkeys(keys))
        return keys if len(keys) > 1 else []

    def _refers_to_company(self, cs: int, pos: int) -> bool:
        """"该公司发布了X", "其推出的X": all that stands before the cue in its clause refers back to
        a company (then it is the one named as subject, not X's known maker; "某初创公司" is not)."""
        lead = terms.SUBJECT_LEAD_RE.match(self.text, cs)
        return bool(terms.COMPANY_ANAPHORA_RE.fullmatch(self.text, lead.end() if lead else cs, pos))

    def _body_releases(self, s: int, pos: int) -> bool:
        """A university, lab or government body named before the cue is the releaser, unless it is a
        company's own (after 旗下 or its possessor: "鴻海科技集團宣布，旗下鴻海研究院推出")."""
        body = terms.NON_COMPANY_BODY_RE.search(self.text, s, pos)
        return bool(body) and not terms.OWNED_BODY_RE.search(self.text, s, body.start())

    def _objects(self, start: int, end: int) -> list[Ment]:
        """Products after a release cue, stopping at a new subject."""
        text = self.text
        after = self.in_range(start, end)
        products: list[Ment] = []
        pos = start
        for i, m in enumerate(after):
            if m.label == COMPANY.label:
                if m.start < pos:
                    continue  # the brand inside the product just read ("Intel Lunar Lake")
                if i + 1 < len(after) and after[i + 1].label == PRODUCT.label and _adjacent(text, m, after[i + 1]):
                    continue  # a brand before its product
                if any(v in text[pos : m.start] for v in terms.PRODUCT_LINK_VERBS) and "的" not in text[pos : m.start]:
                    continue  # "发表了搭载Intel处理器的ThinkPad": a supplier inside a modifier
                break
            gap = text[pos : m.start]
            pos = m.end
            if any(v in gap for v in terms.PRODUCT_LINK_VERBS) and not _modified_head(gap, bool(products)):
                if products:
                    break  # "推出的Mate 40系列搭载麒麟9000": the chip is not released here
                if terms.PART_MODIFIER_RE.match(text, m.end):
                    continue  # "推出搭载M4系列芯片的全新MacBook Pro": a part of what is released
            named = gap.rstrip().endswith(terms.NAME_INTRODUCERS)  # "发表名为Project DIGITS的超级电脑"
            if (text[m.end : m.end + 1] == "的" and not named) or gap.rstrip().endswith(("基于", "在")) or (
                    gap.rstrip().endswith("品牌") and not terms.PRODUCT_LINE_BRAND_RE.search(gap)):
                continue  # "Office的AI助手", "基于华为云的…", "品牌乐道": not what is released
            if text.startswith(terms.EDITION_OF, m.end):
                continue  # "推出Samsung Pay版本的八达通": an edition of what follows
            if terms.PLATFORM_AFTER_RE.match(text, m.end):
                continue  # "推出PS5獨佔遊戲《劍星》": the platform the release ships on
            if any(v in gap for v in terms.OFFER_VERBS):
                continue  # "推出了购买RTX 4090赠送游戏的活动": what an offer is about
            if i + 1 < len(after) and _qualifies_next(text, m, after[i + 1]):
                continue  # "兩代Windows掌機：A與B", "Windows AI電腦規格「Copilot+ PC」": a qualifier
            if m.start > 0 and text[m.start - 1] in "(（" and text[m.end : m.end + 1] in ")）":
                continue  # a gloss in brackets
            if text[m.start : m.end].endswith(terms.STOREFRONT_NOUNS) or text.startswith(terms.STOREFRONT_NOUNS, m.end):
                continue  # "上架华为商城": where it is sold
            products.append(m)
        return products

    def _named_next(self, follow, bare: bool = True) -> list[Ment]:
        """"……正式发布了新旗舰。新机小米15 Ultra……": a product opening the next sentence.

        Args:
            follow: the following sentences' offsets.
            bare: allow a product with nothing before it; otherwise an introducer
                ("新机", "这款") must lead to it.
        """
        if not follow:
            return []
        fs, fe = follow[0]
        prods = self.in_range(fs, fe, PRODUCT.label)
        if not prods:
            return []
        head = terms.SUBJECT_LEAD_RE.match(self.text, fs)
        before = self.in_range(fs, prods[0].start)
        lead_end = prods[0].start
        if before and before[-1].label == COMPANY.label and _adjacent(self.text, before[-1], prods[0]):
            lead_end = before.pop().start  # "这款新机被命名为华为Mate XT": the brand glued to the product
        lead = self.text[head.end() if head else fs : lead_end].strip(" “”\"「」")
        introduced = lead.endswith(terms.NEXT_PRODUCT_INTRODUCERS) and len(lead) <= NEXT_LEAD_MAX
        if not introduced and (lead or not bare):
            return []
        if any(m.label == COMPANY.label for m in before):
            return []
        return prods[:1]

    def _announces_release(self, s: int, e: int) -> bool:
        """A sentence naming a release event ("召开发布会") but no product."""
        sentence = self.text[s:e]
        return any(c in sentence for c in terms.RELEASE_EVENT_CUES) and not any(
            m.label == PRODUCT.label for m in self.in_range(s, e))

    def _named_after_event(self, prev: tuple[int, int], cur: tuple[int, int]) -> list[RelationHit]:
        """"小米今天召开发布会。新机小米15 Ultra……": the company of one sentence, the product of the next."""
        ps, pe = prev
        company = self._sentence_subject(ps, pe) or self._sentence_opener(ps, pe)
        if not company or _negated(self.text[ps:pe]):
            return []
        out = []
        for p in self._named_next([cur]):
            if self.makers.get(p.key, company) == company and p.key != company:
                out.append(RelationHit("release", company, p.key, *cur, FOLLOWING_LIST, "发布会"))
        return out

    def _variants(self, s: int, e: int, released: list[RelationHit]) -> list[RelationHit]:
        """"分为A、B和C三款": variants of what was just released, by the same company."""
        m = terms.VARIANT_LIST_RE.search(self.text, s, e)
        if not m:
            return []
        cued = any(c in self.text[s : m.start()] for c in terms.RELEASE_TRIGGERS)
        company = (next((h.source for h in released), None) or self.recent_release
                   or (self._sentence_opener(s, m.start()) if cued else None))
        if not company:
            return []
        prods = self.in_range(m.start(1), m.end(1), PRODUCT.label)
        return [RelationHit("release", company, p.key, s, e, FOLLOWING_LIST, m.group(0)[:2]) for p in prods
                if p.key != company]

    def _series_members(self, s: int, e: int, released: list[RelationHit]) -> list[RelationHit]:
        """"vivo X100系列包括X100與X100 Pro兩款機型": the members of a series released in this
        sentence or the one before, by the same company. The series must open the list's clause
        and be that company's (released, or made by it)."""
        m = terms.SERIES_MEMBERS_RE.search(self.text, s, e)
        company = next((h.source for h in released), None) or self.recent_release
        if not m or not company:
            return []
        cs, _ = _clause_bounds(self.clause_text, s, e, m.start())
        series = self.in_range(cs, m.start(), PRODUCT.label)
        if not series or not SUBJECT_FILLERS.match(self.text[series[-1].end : m.start()].strip()):
            return []
        done = {h.target for h in released} | self.recent_products
        brands = {x.key for x in self.in_range(series[-1].start, series[-1].end, COMPANY.label)}
        if series[-1].key not in done and company not in brands | {self.makers.get(series[-1].key)}:
            return []  # "vivo X100系列": the brand says whose series it is
        prods = self.in_range(m.start(1), m.end(1), PRODUCT.label)
        return [RelationHit("release", company, p.key, s, e, FOLLOWING_LIST, m.group(0)[:2]) for p in prods
                if p.key != company]

    def _products_listed_in_following(self, follow) -> list[Ment]:
        for fs, fe in follow:
            head = self.text[fs:fe].lstrip("，,：: ")
            if head.startswith(terms.LIST_INTRODUCERS):
                return self.in_range(fs, fe, PRODUCT.label)
        return []


def _all_parties(text: str, start: int, end: int, n_left: int, n_right: int) -> bool:
    """Whether every party of "A、B与C……" cooperates with every other (see ``terms.PARTY_COUNT_RE``)."""
    if n_left + n_right < 3:
        return False
    return bool(terms.PARTY_COUNT_RE.search(text, start, end)) or (
        n_left > 1 and bool(terms.JOINT_ACT_RE.search(text, start, end)))


def _not_partner(clause: str) -> bool:
    """A clause about buying, investing, supplying or competing ("合作超过十年" is a duration)."""
    return any(not terms.QUANTITY_AFTER_RE.match(clause, m.end())
               for c in terms.NOT_PARTNER_CUES for m in re.finditer(re.escape(c), clause))


def _only_planned(text: str, s: int, e: int, cs: int, end: int) -> bool:
    """"英特尔拟与台积电合作": planned or hoped for, with nothing in the sentence making it real."""
    return bool(terms.PLANNED_PARTNER_RE.search(text, cs, end)) and not any(
        c in text[s:e] for c in terms.AGREED_CUES)


def model_may_add(text: str, cand: Candidate, s: int, e: int) -> bool:
    """Whether the model may add this pair where the rules found nothing.

    The rule layer's hard markers still hold: nothing is added from a sentence with a
    negation, rumour, talks, plan, acquisition, investment, supply or competition cue, for two
    names with another company between them, or for two members of one partner list
    ("与A、B合作": A and B each cooperate with the subject, not with each other).
    """
    sentence = text[s:e]
    if _not_partner(sentence) or any(c in sentence for c in terms.NEGATION_CUES + terms.MODEL_BLOCKING_PLANS):
        return False
    (a0, a1), (b0, b1) = cand.pair.first, cand.pair.second
    if any(a1 <= o0 and o1 <= b0 for o0, o1 in cand.others):
        return False
    if any(c in text[a1:b0] for c in terms.SUBSIDIARY_CUES) or terms.SEPARATELY_AFTER_RE.match(text, b1, e):
        return False  # "Alphabet旗下的Waymo"; "A与B先后与C合作": not partners of each other
    if not terms.LIST_SEPARATORS.match(text[a1:b0]):
        return True
    start = a0  # walk back to the start of the list holding both names
    for o0, o1 in sorted(cand.others, reverse=True):
        if o1 <= start and terms.LIST_SEPARATORS.match(text[o1:start]):
            start = o0
    lead = text[max(s, start - 3):start].rstrip()
    return not lead.endswith(terms.PREPOSITIONS + terms.LEAD_PARTNER_TRIGGERS + ("陆续与", "分别与"))


def _list_end(text: str, ce: int, e: int, speech: bool = False) -> int:
    """Extend a clause over following clauses that continue a list ("，以及B和C", "，包括B和C",
    "三款模型：A、B和C"; no colon after a speech verb: "公告称：")."""
    while ce < e:
        nxt = terms.RELEASE_LIST_RE.match(text, ce, e)
        if not nxt or (speech and nxt.group().strip() in ":："):
            return ce
        following = CLAUSE_SPLIT_RE.search(text, nxt.end(), e)
        ce = following.start() if following else e
    return ce


def _modified_head(gap: str, after_product: bool) -> bool:
    """"基于该架构的B200", "搭载M4芯片的MacBook": the product after a modifier is its head, not a part.

    A linking verb with its own object before 的 modifies the product that follows, when
    the modifier opens the object (right after the cue, or after a list joiner); a bare
    "搭载的" ("其搭载的麒麟9000S") makes the product the verb's object, a part.

    Args:
        gap: the text between the previous product (or the cue) and this product.
        after_product: a product comes right before the gap.
    """
    tail = gap.rstrip()
    if not tail.endswith("的"):
        return False
    first = min(tail.find(v) for v in terms.PRODUCT_LINK_VERBS if v in tail)
    opener = tail[:first]
    if not terms.MODIFIER_OPENER_RE.fullmatch(opener) or (after_product and not opener.strip()):
        return False  # "Mate 40系列搭载5nm制程的麒麟9000": the verb's subject is the product before
    last = max(tail.rfind(v) + len(v) for v in terms.PRODUCT_LINK_VERBS if v in tail)
    return len(tail) - last > 1


def _names_object(gap: str) -> bool:
    """Whether the words between 公布了/带来 and a product leave the product as the object: no 的
    ("公布了参数量的GPT-3" names a figure), unless the 的 closes a description of the product itself
    ("全新的", "基于Blackwell架构的新一代GPU", "專為AI打造的")."""
    rest = terms.OWN_PRODUCT_DE_RE.sub("", gap)
    if "的" not in rest:
        return True
    return bool(terms.DESCRIBED_OBJECT_RE.match(rest))


def _run_start(text: str, ments: list[Ment]) -> int:
    """Where the run of names glued together at the end of ``ments`` starts ("5C麒麟电池")."""
    start = ments[-1].start
    for m in reversed(ments[:-1]):
        if text[m.end : start].strip():
            break
        start = m.start
    return start


def _in_brackets(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` is inside brackets opened after ``start`` ("智谱（Z.ai）": Z.ai is a gloss)."""
    span = text[start:pos]
    return span.count("（") + span.count("(") > span.count("）") + span.count(")")


def _qualifies_next(text: str, m: Ment, nxt: Ment) -> bool:
    """A product that only qualifies a noun naming the next product: "Windows掌機：ROG Ally",
    "Windows AI電腦規格「Copilot+ PC」" (a noun follows it, then a colon or an opening quote)."""
    gap = text[m.end : nxt.start]
    return bool(terms.QUALIFIER_GAP_RE.match(gap)) and nxt.label == PRODUCT.label


def _adjacent(text: str, a: Ment, b: Ment) -> bool:
    return b.start - a.end <= 1 and not text[a.end : b.start].strip()


def _last_preposition(text: str, cs: int, pos: int, before: list[Ment]) -> int | None:
    """Offset of the 与/和/同/跟 that introduces the partners, skipping ones inside names."""
    best = None
    for i in range(cs, pos):
        if text[i] in terms.PREPOSITIONS and not any(m.start <= i < m.end for m in before):
            prev_ment = [m for m in before if m.end <= i]
            # "A、B和C" inside a partner list is a list joiner when a preposition came before
            if best is not None and prev_ment and prev_ment[-1].start > best and \
                    not terms.SEPARATELY_BEFORE_RE.search(text, cs, i):
                continue
            best = i
    return best


def _names_someone(text: str, start: int, end: int) -> bool:
    """True when the words before 与 look like a name rather than adverbials ("此外，", "目前")."""
    lead = terms.SUBJECT_LEAD_RE.match(text, start)
    rest = text[lead.end() if lead else start : end].strip()
    if rest.startswith(("该", "这", "此", "其", "本", "双方", "两家", "公司", "我们", "他们")):
        return False  # "该服务目前已经与……": refers back to something already named
    rest = terms.ADVERBS_RE.sub("", rest)
    return len(re.findall(r"[\u4e00-\u9fff]", rest)) >= 2


def _without_glosses(text: str, ments: list[Ment]) -> list[Ment]:
    """The mentions without the glosses in brackets right after another name: "安擬集團（Animoca
    Brands）" is one party, whatever key each name links to."""
    out: list[Ment] = []
    for m in ments:
        gap = text[out[-1].end : m.start] if out else ""
        if out and gap.strip().startswith(("（", "(")) and _in_brackets(text, out[-1].end, m.start):
            continue
        out.append(m)
    return out


def _trailing_list(text: str, ments: list[Ment], end: int) -> list[Ment]:
    """Mentions forming a list that ends right before ``end`` ("A、B与…")."""
    out: list[Ment] = []
    pos = end
    for m in reversed(ments):
        gap = text[m.end : pos]
        if out and m.key == out[0].key and not gap.strip(BRACKETS):
            out[0], pos = m, m.start  # "小马智行（Pony.ai）": the name before its gloss
            continue
        gap = terms.BRACKETED_GLOSS_RE.sub("", gap)  # "安擬集團（Animoca Brands）及": a gloss left out
        if out and not terms.LIST_SEPARATORS.match(gap.strip(BRACKETS)):
            break
        if not out and len(gap.strip()) > 6:
            break
        out.insert(0, m)
        pos = m.start
    return out


def _leading_list(text: str, ments: list[Ment], start: int) -> list[Ment]:
    """Mentions forming a list right after ``start`` ("携手A、B和C")."""
    out = []
    pos = start
    for m in ments:
        gap = text[pos : m.start]
        if out and not terms.LIST_SEPARATORS.match(gap):
            break
        if not out and len(gap.strip()) > 6:
            break
        out.append(m)
        pos = m.end
    return out


def _dedupe(hits: list[RelationHit]) -> list[RelationHit]:
    best: dict[tuple[str, str, str], RelationHit] = {}
    for h in hits:
        k = (h.type, h.source, h.target)
        if k not in best or h.confidence > best[k].confidence:
            best[k] = h
    return sorted(best.values(), key=lambda h: (h.start, h.type, h.source, h.target))
