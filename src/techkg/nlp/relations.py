"""Partnerships and product releases, read from sentences with cue words.

Works on linked entities (``doc.ents`` with canonical keys in ``kb_id_``) and
the folded text. For each sentence:

* **partnership**: a cue (合作, 携手, 联手, 战略合作, 共同开发 ...) with
  organisations on both sides of 与/和/同/跟 (or after 携手/联手); lists give one
  pair per member ("与A、B和C开展合作" → three pairs); a missing subject is
  carried over from the sentences before; a count noun ("与3家厂商合作")
  takes its members from a following "包括……" sentence. A product named as
  a partner stands for its maker ("与Microsoft Azure合作" → Microsoft).
  Negated or rumoured clauses (否认, 并未, 传闻) and clauses about buying,
  investing or competing (收购, 投资, 竞争, 供货) give nothing.
* **release**: a cue (发布, 推出, 上线, 亮相 ...) with the company before it and
  the products after it in the clause (a product followed by 的 only
  qualifies the next one: "发布Office的AI助手Microsoft 365 Copilot"); with no
  product there, a following "包括……" list; a product right before 上市/开售/
  亮相 is released by its maker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from techkg.nlp import terms
from techkg.nlp.candidates import SUBJECT_FILLERS

SENTENCE_RE = re.compile(r"[^。！？!?\n]+[。！？!?]*[”’」』)]*")
CLAUSE_SPLIT_RE = re.compile(r"[，,；;：:]")
PREPOSITIONS = ("与", "和", "同", "跟")
LEAD_PARTNER_TRIGGERS = ("携手", "联手", "牵手", "联合")
COUNT_NOUN_RE = re.compile(r"(?:\d+|[一二两三四五六七八九十几多数]+)\s*(?:家|个|位)")
ADVERBS_RE = re.compile(r"目前|已经|正在|曾经|此前|同时|再次|宣布|表示|计划|将|已|还|也|正|曾|则|又|称")
HOSTING_RE = re.compile(r"在[^，。在]{1,30}?(?:中|上|平台)\s*$")
SUBJECT_LEAD_RE = re.compile(
    r"\s*(?:(?:此外|另外|同时|目前|事实上|据悉|据了解|而|但|不过|然而|其中|今天|今日|近日|日前|随后|最终|"
    r"当天|此前|去年|今年|\d{4}年|\d{1,2}月\d{1,2}日|\d{1,2}月)\s*[,，、]?\s*)*"
)
PRODUCT_SUBJECT_TRIGGERS = ("正式上市", "上市", "开售", "开卖", "发售", "亮相", "上线", "上架", "面世", "问世", "首发")


@dataclass(frozen=True)
class Ment:
    start: int
    end: int
    label: str  # COMPANY | PRODUCT
    key: str


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


def _negated(clause_text: str) -> bool:
    return any(cue in clause_text for cue in terms.NEGATION_CUES)


class RelationReader:
    """Reads relations from one document's text and linked mentions.

    Args:
        text: folded article text.
        mentions: linked entity mentions (brands included), any order.
        makers: product key → maker company key.
    """

    def __init__(self, text: str, mentions: list[Ment], makers: dict[str, str]) -> None:
        self.text = text
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.makers = makers
        counts: dict[str, int] = {}
        for m in self.mentions:
            if m.label == "COMPANY":
                counts[m.key] = counts.get(m.key, 0) + 1
        self.topic = max(counts, key=counts.get) if counts else None
        self.last_pair: tuple[str, str] | None = None  # the latest partnership, for "双方推出"

    def in_range(self, a: int, b: int) -> list[Ment]:
        return [m for m in self.mentions if a <= m.start and m.end <= b]

    def as_company(self, m: Ment) -> str | None:
        if m.label == "COMPANY":
            return m.key
        return self.makers.get(m.key)

    def read(self) -> list[RelationHit]:
        hits: list[RelationHit] = []
        sents = sentences(self.text)
        subject = self.topic
        for idx, (s, e) in enumerate(sents):
            follow = sents[idx + 1 : idx + 3]
            hits += self._partnerships(s, e, subject, follow)
            hits += self._releases(s, e, subject, follow)
            subject = self._sentence_subject(s, e) or subject
        return _dedupe(hits)

    # -- subjects -------------------------------------------------------------------------------
    def _sentence_subject(self, s: int, e: int) -> str | None:
        """The company a sentence is about: one named at its start, after adverbials only."""
        head = SUBJECT_LEAD_RE.match(self.text, s)
        start = head.end() if head else s
        for m in self.in_range(start, e):
            if self.text[start : m.start].strip(" “”\"'「」"):
                return None
            comp = self.as_company(m)
            if comp:
                return comp
            start = m.end
        return None

    def _sentence_opener(self, s: int, cs: int) -> str | None:
        """The first company named in the sentence before the clause at ``cs``."""
        earlier = [m for m in self.in_range(s, cs) if m.label == "COMPANY"]
        return earlier[0].key if earlier else None

    # -- partnerships ---------------------------------------------------------------------------
    def _partnerships(self, s, e, subject, follow) -> list[RelationHit]:
        text = self.text
        out = []
        seen_clauses = set()
        for trig in terms.PARTNER_TRIGGERS:
            for m in re.finditer(re.escape(trig), text[s:e]):
                pos = s + m.start()
                cs, ce = _clause_bounds(text, s, e, pos)
                if (cs, ce) in seen_clauses:
                    continue
                seen_clauses.add((cs, ce))
                if not self.in_range(cs, pos) and cs > s:
                    cs = _clause_bounds(text, s, e, cs - 1)[0]  # "奥迪与上汽签署备忘录，计划合作开发"
                clause = text[cs:ce]
                if (
                    _negated(text[s:pos])
                    or _negated(clause)
                    or any(c in text[s:e] for c in terms.SENTENCE_NEGATIONS)
                    or any(c in clause for c in terms.NOT_PARTNER_CUES)
                    or terms.ANAPHORIC_BEFORE_TRIGGER.search(text[cs:pos])
                ):
                    continue
                if terms.BOTH_PARTIES.search(text[cs:pos]) and not self.in_range(cs, pos):
                    pairs = self._both_parties(s, e, trig)
                else:
                    pairs = self._pairs_in_clause(s, e, cs, ce, pos, trig, subject, follow)
                out += pairs
                if pairs:
                    self.last_pair = (pairs[-1].source, pairs[-1].target)
        return out

    def _both_parties(self, s, e, trig) -> list[RelationHit]:
        """"双方宣布合作": the two companies of this sentence, else of the sentence before."""
        for a, b in ((s, e), (self._prev_sentence_start(s), s)):
            keys = list(dict.fromkeys(k for k in (self.as_company(m) for m in self.in_range(a, b)) if k))
            if len(keys) >= 2:
                x, y = sorted(keys[:2])
                return [RelationHit("partnership", x, y, s, e, 0.7, trig)]
        return []

    def _prev_sentence_start(self, s: int) -> int:
        starts = [a for a, _ in sentences(self.text[:s])]
        return starts[-1] if starts else s

    def _pairs_in_clause(self, s, e, cs, ce, pos, trig, subject, follow) -> list[RelationHit]:
        text = self.text
        conf = 0.9
        if trig in LEAD_PARTNER_TRIGGERS:
            left = self.in_range(cs, pos)
            right = self.in_range(pos + len(trig), ce)
            right = _leading_list(text, right, pos + len(trig))
        else:
            before = self.in_range(cs, pos)
            prep = _last_preposition(text, cs, pos, before)
            if prep is None:
                # "A和B达成合作" without a clear preposition: every company before the cue
                left, right = before[:1], before[1:]
            else:
                # "问界是赛力斯与华为合作": the list right before 与, not everything earlier
                earlier = [m for m in before if m.end <= prep]
                left = _trailing_list(text, earlier, prep) or earlier[-1:]
                if not earlier and _names_someone(text, cs, prep):
                    return []  # "硅基流动与X合作": a party we cannot name; the subject is not it
                right = [m for m in before if m.start > prep]
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
                left_keys, conf = [opener or subject], conf - 0.15
        right_keys = [k for k in (self.as_company(m) for m in right) if k]
        if not right_keys and COUNT_NOUN_RE.search(text[cs:pos]):
            right_keys = self._listed_in_following(follow)
            conf -= 0.2
        elif not right_keys and subject and subject not in left_keys and len(left_keys) == 1 and (
            trig not in LEAD_PARTNER_TRIGGERS and _last_preposition(text, cs, pos, []) is None
        ):
            right_keys, conf = [subject], conf - 0.2  # "宣布深化合作的是AWS": the article's subject is the other side
        if any(m.label == "PRODUCT" for m in left + right):
            conf -= 0.1
        out = []
        for a in left_keys:
            for b in right_keys:
                if a != b:
                    x, y = sorted((a, b))
                    out.append(RelationHit("partnership", x, y, s, e, round(conf, 2), trig))
        return out

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
        for trig in terms.RELEASE_TRIGGERS:
            for m in re.finditer(re.escape(trig), text[s:e]):
                pos = s + m.start()
                if any(d <= pos < d + 4 for d in done_at):
                    continue  # "正式发布" already read as "发布" or the reverse
                done_at.add(pos)
                cs, ce = _clause_bounds(text, s, e, pos)
                if _negated(text[cs:pos]) or any(c in text[cs:pos] for c in ("收购", "投资", "入股")):
                    continue
                host = HOSTING_RE.search(text, cs, pos)
                if host and any(m.label == "PRODUCT" for m in self.in_range(host.start(), pos)):
                    continue  # "在Amazon Bedrock中上线了R1": offered on a platform, not released
                out += self._release_at(s, e, cs, ce, pos, trig, subject, follow)
        return out

    def _release_at(self, s, e, cs, ce, pos, trig, subject, follow) -> list[RelationHit]:
        text = self.text
        conf = 0.9
        before = self.in_range(cs, pos)
        companies = [m for m in before if m.label == "COMPANY"]
        products = self._objects(pos + len(trig), _list_end(text, ce, e))
        if not products and trig in PRODUCT_SUBJECT_TRIGGERS:
            # "寒武纪思元290、玄思1000正式亮相": the products stand before the cue
            prods_before = [m for m in before if m.label == "PRODUCT"]
            if prods_before and SUBJECT_FILLERS.match(text[prods_before[-1].end : pos].strip()):
                out = []
                for p in prods_before:
                    maker = (companies[0].key if companies else None) or self.makers.get(p.key)
                    if maker and maker != p.key:
                        out.append(RelationHit("release", maker, p.key, s, e, 0.75, trig))
                return out
        if not products and companies:
            # "思元290是寒武纪推出的首款训练芯片": the product opens the clause
            lead = [m for m in before if m.label == "PRODUCT" and m.end <= companies[-1].start]
            if lead and text[lead[-1].end : companies[-1].start].strip() in ("是", "为", "由", "即"):
                products, conf = lead[-1:], 0.8
        if not products:
            listed = self._products_listed_in_following(follow)
            if not listed:
                return []
            products, conf = listed, 0.65
        # "用友和金蝶分别发布了YonGPT和苍穹GPT": pair them in order
        if "分别" in text[cs:pos] and len(companies) == len(products) > 1:
            return [RelationHit("release", c.key, p.key, s, e, 0.8, trig) for c, p in zip(companies, products, strict=True)]
        if re.search(r"(?:双方|两家公司|两家)[^，。]{0,6}$", text[cs:pos]) and self.last_pair:
            return [RelationHit("release", c, p.key, s, e, 0.7, trig) for c in self.last_pair for p in products]
        if companies:
            company = companies[-1].key
            if len(companies) > 1 and re.search(r"[与和同]", text[companies[0].end : companies[-1].start]):
                company = companies[0].key  # "甲骨文与亚马逊云科技联合推出": the subject leads
        else:
            brand_makers = [self.makers.get(p.key) for p in products]
            company = self._sentence_opener(s, cs) or next((k for k in brand_makers if k), None) or subject
            conf -= 0.15
        if not company:
            return []
        return [RelationHit("release", company, p.key, s, e, round(conf, 2), trig) for p in products
                if p.key != company]

    def _objects(self, start: int, end: int) -> list[Ment]:
        """Products after a release cue, stopping at a new subject."""
        text = self.text
        after = self.in_range(start, end)
        products: list[Ment] = []
        pos = start
        for i, m in enumerate(after):
            if m.label == "COMPANY":
                if i + 1 < len(after) and after[i + 1].label == "PRODUCT" and _adjacent(text, m, after[i + 1]):
                    continue  # a brand before its product
                break
            gap = text[pos : m.start]
            pos = m.end
            if products and any(v in gap for v in terms.PRODUCT_LINK_VERBS):
                break  # "推出的Mate 40系列搭载麒麟9000": the chip is not released here
            if text[m.end : m.end + 1] == "的" or gap.rstrip().endswith(("基于", "品牌", "在")):
                continue  # "Office的AI助手", "基于华为云的…", "品牌乐道": not what is released
            if m.start > 0 and text[m.start - 1] in "(（" and text[m.end : m.end + 1] in ")）":
                continue  # a gloss in brackets
            products.append(m)
        return products

    def _products_listed_in_following(self, follow) -> list[Ment]:
        for fs, fe in follow:
            head = self.text[fs:fe].lstrip("，,：: ")
            if head.startswith(terms.LIST_INTRODUCERS):
                return [m for m in self.in_range(fs, fe) if m.label == "PRODUCT"]
        return []


def _list_end(text: str, ce: int, e: int) -> int:
    """Extend a clause over following clauses that continue a list ("，以及B和C")."""
    while ce < e:
        nxt = re.match(r"[，,；;]\s*(?:以及|及|和|还有|并推出|并发布|、)", text[ce:e])
        if not nxt:
            return ce
        following = CLAUSE_SPLIT_RE.search(text, ce + nxt.end(), e)
        ce = following.start() if following else e
    return ce


def _adjacent(text: str, a: Ment, b: Ment) -> bool:
    return b.start - a.end <= 1 and not text[a.end : b.start].strip()


def _last_preposition(text: str, cs: int, pos: int, before: list[Ment]) -> int | None:
    """Offset of the 与/和/同/跟 that introduces the partners, skipping ones inside names."""
    best = None
    for i in range(cs, pos):
        if text[i] in PREPOSITIONS and not any(m.start <= i < m.end for m in before):
            prev_ment = [m for m in before if m.end <= i]
            # "A、B和C" inside a partner list is a list joiner when a preposition came before
            if best is not None and prev_ment and prev_ment[-1].start > best:
                continue
            best = i
    return best


def _names_someone(text: str, start: int, end: int) -> bool:
    """True when the words before 与 look like a name rather than adverbials ("此外，", "目前")."""
    lead = SUBJECT_LEAD_RE.match(text, start)
    rest = text[lead.end() if lead else start : end].strip()
    if rest.startswith(("该", "这", "此", "其", "本", "双方", "两家", "公司", "我们", "他们")):
        return False  # "该服务目前已经与……": refers back to something already named
    rest = ADVERBS_RE.sub("", rest)
    return len(re.findall(r"[\u4e00-\u9fff]", rest)) >= 2


def _trailing_list(text: str, ments: list[Ment], end: int) -> list[Ment]:
    """Mentions forming a list that ends right before ``end`` ("A、B与…")."""
    out: list[Ment] = []
    pos = end
    for m in reversed(ments):
        gap = text[m.end : pos]
        if out and not terms.LIST_SEPARATORS.match(gap):
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
