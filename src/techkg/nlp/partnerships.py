"""Partnerships, read from sentences with cooperation cues.

For each sentence, a cue (合作, 携手, 联手, 战略合作, 共同开发 ...) with organisations on both sides
of 与/和/同/跟 (or after 携手/联手); lists give one pair per member ("与A、B和C开展合作" → three
pairs); a missing subject is carried over from the sentences before; a count noun ("与3家厂商合作")
takes its members from a following "包括……" sentence, partners listed right after the cue
("合作伙伴包括A、B") and a list referred back to ("与上述厂商合作") pair with the subject. A
product named as a partner stands for its maker ("与Microsoft Azure合作" → Microsoft). Negated or
rumoured clauses (否认, 并未, 传闻) and clauses about buying, investing or competing (收购, 投资,
竞争, 供货) give nothing. A party count or a joint act of several subjects ("A、B与C共同成立D")
pairs every party; "双方" / "两间公司" are the two just named.

:class:`PartnershipReading` holds these rules as methods over
:class:`~techkg.nlp.relation_base.ReaderBase`, and ``relations.py`` joins it with the release
reader into ``RelationReader``. A mixin rather than functions taking the reader: the rules call
one another and share the reader's state (the latest pair, which the release rules read for
"双方推出"), so they stay methods of one reader while this file holds the partnership job alone.
Cue words and stop lists are in ``terms.py``; the confidences in ``relation_base.py``.
"""

from __future__ import annotations

import re

from techkg.nlp import terms
from techkg.nlp.candidates import COMPANY, PRODUCT
from techkg.nlp.relation_base import (
    ARTICLE_SUBJECT,
    CLAUSE_SPLIT_RE,
    BOTH_PARTIES_CONF,
    CARRIED_SUBJECT,
    DIRECT,
    PRODUCT_AS_PARTNER,
    Ment,
    ReaderBase,
    RelationHit,
    clause_bounds,
    cue_positions,
    in_brackets,
    negated,
)

BRACKETS = " （）()"  # around a gloss: "小马智行（Pony.ai）"
LIST_REFERENCE_SENTENCES = 3  # how far back "上述厂商" looks for the list it refers to
PARTY_LIST_MIN = 3  # "A、B及C合组": a list this long before the cue, no preposition, acts together


class PartnershipReading(ReaderBase):
    """The partnership rules; :meth:`_partnerships` reads one sentence."""

    def _partnerships(self, s, e, subject, follow) -> list[RelationHit]:
        text = self.text
        out = []
        seen_clauses = set()
        for trig, pos in self._partner_cues(s, e):
            cs, ce = clause_bounds(self.clause_text, s, e, pos)
            if (cs, ce) in seen_clauses:
                continue
            seen_clauses.add((cs, ce))
            own_start = cs
            if not self.in_range(cs, pos) and cs > s and not terms.BOTH_PARTIES_OPENING_RE.match(text, cs):
                # "奥迪与上汽签署备忘录，计划合作开发"; "双方并合作" names its parties (the clause
                # before it, "获得英特尔投资", is not this cooperation's)
                cs = clause_bounds(self.clause_text, s, e, cs - 1)[0]
                if terms.PARTNER_GROUP_BEFORE_RE.search(text, max(s, cs - 24), cs):
                    continue  # "携手A等企业，B、C等零售商，共同推广": a later group of the partners listed, read already
            negation_from = own_start if terms.NEW_COURSE_RE.match(text, own_start) else cs  # "……，转而与B合作"
            deal_from = own_start if terms.ANOTHER_ACT_RE.match(text, own_start) else cs  # "收購A，又夥拍B"
            modifier = terms.CUE_AS_MODIFIER_RE.match(text, pos + len(trig), ce)
            deal_end = modifier.start() if modifier else ce  # "……合资成立的JASM代工": the head's deal
            if (
                self._negated_before(s, own_start, pos)
                or negated(text[negation_from:ce])
                or any(c in text[s:e] for c in terms.SENTENCE_NEGATIONS)
                or not_partner(self._without_descriptors(deal_from, deal_end))
                or terms.ANAPHORIC_BEFORE_TRIGGER.search(text[cs:pos])
                or terms.SEEKING_PARTNER_RE.search(text, cs, pos + len(trig))
                or terms.HEDGED_AFTER_CUE_RE.match(text, pos + len(trig), ce)
                or terms.JV_CATEGORY_RE.match(text, pos) and terms.EXAMPLES_END_RE.search(text, cs, pos)
                or _only_planned(text, s, e, cs, pos + len(trig))
                or terms.ALLIANCE_FOUNDING_RE.search(text, cs, ce)
                or terms.JOINT_ANNOUNCEMENT_RE.match(text, pos) and _announces_no_cooperation(text[pos + len(trig) : e])
            ):
                continue
            counted = self._counted_parties(s, own_start, pos + len(trig))
            if counted:
                pairs = [RelationHit("partnership", *sorted((a, b)), s, e, BOTH_PARTIES_CONF, trig)
                         for i, a in enumerate(counted) for b in counted[i + 1 :]]
            elif terms.BOTH_PARTIES.search(text[cs:pos]) and (not (named := self.in_range(cs, pos)) or (
                    len(named) == 1 and terms.SPEAKER_OF_BOTH_RE.match(text, named[0].end))):
                pairs = self._both_parties(s, e, pos, trig)
            else:
                pairs = self._pairs_in_clause(s, e, cs, ce, pos, trig, subject, follow)
            out += pairs
            if pairs:
                self.last_pair = (pairs[-1].source, pairs[-1].target)
        return out + self._joined(s, e) + self._combined(s, e, subject)

    def _negated_before(self, s: int, own_start: int, pos: int) -> bool:
        """Whether a negation before the cue at ``pos`` cancels it: one in the cue's own clause
        (from ``own_start``), or one in an earlier clause of the sentence starting at ``s``. A clause
        that names its own party before the cue is out of an earlier clause's denial or ending
        ("Uber並非Waymo獨家夥伴，Uber也與Motional合作"), and so is one that turns to a new course ("终止了与高通的
        合作，转而与博通合作"); hearsay still reaches it ("据传，A将与B合作")."""
        if negated(self.text[own_start:pos]):
            return True
        earlier = self.text[s:own_start]
        if self.in_range(own_start, pos, COMPANY.label) or terms.NEW_COURSE_RE.match(self.text, own_start):
            return any(cue in earlier for cue in terms.RUMOUR_CUES)
        return negated(earlier)

    def _without_descriptors(self, cs: int, ce: int) -> str:
        """The clause ``cs:ce`` with every supply, customer or rival word that stands as a descriptor right
        before a company blanked ("苹果供应商立讯精密与比亚迪电子签署合作协议": 立讯精密 is described,
        the clause is no supply deal; "竞争对手小马智行同样与Uber展开合作", "晶圆代工龙头台积电"), an investor's kind right
        before its name ("与……阿联酋投资机构MGX共同宣布"), a foundry unit after its company ("与英特尔代工展开合作"), an
        acronym's gloss ("SAFE（……代工……）"), and the companies' names too ("与沙特公共投资基金签订战略合作协议": an
        investment fund's name is no investment)."""
        clause = list(self.text[cs:ce])
        for r in terms.RIVAL_COPULA_RE.finditer(self.text, cs, ce):
            nxt = next((m for m in self.in_range(r.end(), ce, COMPANY.label)), None)
            if nxt is not None and nxt.start - r.end() <= 2 and self.text.startswith(terms.PREPOSITIONS, nxt.end):
                # "主要對手是Meta與依視路合作推出的Ray-Ban Meta": the rival is what follows, its makers cooperate
                clause[r.start() - cs : r.end() - cs] = " " * (r.end() - r.start())
        for g in terms.ACRONYM_GLOSS_RE.finditer(self.text, cs, ce):
            clause[g.start() - cs : g.end() - cs] = " " * (g.end() - g.start())  # "SAFE（……晶圆代工……）伙伴"
        for m in self.in_range(cs, ce, COMPANY.label):
            clause[m.start - cs : m.end - cs] = " " * (m.end - m.start)
            for cue in (*terms.SUPPLY_CUES, *terms.RELATION_DESCRIPTORS):  # "竞争对手小马智行同样与Uber展开合作"
                if self.text.endswith(cue, cs, m.start):
                    clause[m.start - len(cue) - cs : m.start - cs] = " " * len(cue)
            if unit := terms.FOUNDRY_UNIT_AFTER_RE.match(self.text, m.end):
                clause[m.end - cs : unit.end() - cs] = " " * (unit.end() - m.end)  # "与英特尔代工展开合作"
            if kind := terms.SUPPLY_KIND_BEFORE_RE.search(self.text, max(cs, m.start - 8), m.start):
                clause[kind.start() - cs : m.start - cs] = " " * (m.start - kind.start())  # "晶圆代工龙头台积电"
            if kind := terms.INVESTOR_KIND_BEFORE_RE.search(self.text, max(cs, m.start - 12), m.start):
                clause[kind.start() - cs : m.start - cs] = " " * (m.start - kind.start())  # "阿联酋投资机构MGX"
        return "".join(clause)

    def _partner_cues(self, s: int, e: int) -> list[tuple[str, int]]:
        """Where partnership cues stand in the sentence ``s:e``: the cue words
        (``terms.PARTNER_TRIGGERS``), 共同 before a verb of joint work ("与英特尔共同针对游戏进行调校")
        and an agreement that names what it is about ("就二创授权签下协议", ``terms.AGREEMENT_RE``)."""
        text = self.text
        inside = [m.span() for m in terms.CUE_INSIDE_WORD_RE.finditer(text, s, e)]
        found = [(trig, s + at) for trig, at in cue_positions(terms.PARTNER_TRIGGERS, text[s:e])
                 if not text.startswith(terms.PERSON_TITLES, s + at + len(trig))  # "联合创始人": a person's title
                 and not any(a <= s + at < b for a, b in inside)]
        found += [(m.group(), m.start()) for m in terms.JOINT_WORK_RE.finditer(text, s, e)]
        found += [(m.group("cue"), m.start("cue")) for m in terms.COPULA_PARTNER_RE.finditer(text, s, e)
                  if not any(w in m.group("gap") for w in terms.SUPPLY_PARTNER_WORDS)]  # "A与B一直是紧密的伙伴"
        found += [(m.group(), m.start()) for m in terms.WITH_PARTNER_RE.finditer(text, s, e) if self._with_partner(m.end(), e)]
        return found + [(m.group(), m.start()) for m in terms.AGREEMENT_RE.finditer(text, s, e)
                        if not any(w in m.group() for w in terms.AGREEMENT_NOT_WORDS)]

    def _with_partner(self, at: int, e: int) -> bool:
        """Whether a company starts right at ``at`` (after 携) and a verb of joint work follows it in
        the clause ("攜輝達打造", "携华为推出")."""
        after = [m for m in self.in_range(at, e, COMPANY.label) if not self.text[at : m.start].strip()]
        if not after:
            return False
        _, ce = clause_bounds(self.clause_text, at, e, after[0].end)
        return any(v in self.text[after[0].end : ce] for v in terms.WITH_PARTNER_VERBS)

    def _joined(self, s: int, e: int) -> list[RelationHit]:
        """"三菱汽车也加入了这项合作": the newcomer partners each side of the latest partnership."""
        out = []
        for m in terms.JOINS_COOPERATION_RE.finditer(self.text, s, e):
            cs, _ = clause_bounds(self.clause_text, s, e, m.start())
            if not self.last_pair or negated(self.text[cs : m.start()]):
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
            cs, ce = clause_bounds(self.clause_text, s, e, m.end())
            if negated(self.text[s:ce]):
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
        """"双方宣布合作": the two companies just named (:meth:`_two_parties`)."""
        keys = self._two_parties(s, pos)
        if len(keys) < 2:
            return []
        x, y = sorted(keys)
        return [RelationHit("partnership", x, y, s, e, BOTH_PARTIES_CONF, trig)]

    def _more_partner_groups(self, listed: list[Ment], e: int) -> list[Ment]:
        """"攜手美光、三星等記憶體夥伴，日月光、艾克爾等封測業者，以及新思科技、Ansys等EDA廠商": partners
        listed in groups, each closed by 等 and what kind of firm; the groups after the first, up to ``e``."""
        if not listed:
            return []
        out: list[Ment] = []
        end = listed[-1].end
        while group_end := terms.PARTNER_GROUP_END_RE.match(self.text, end, e):
            group = _leading_list(self.text, _without_glosses(self.text, self.in_range(group_end.end(), e, COMPANY.label)),
                                  group_end.end())
            if not group or not terms.PARTNER_GROUP_END_RE.match(self.text, group[-1].end, e):
                break
            out += group
            end = group[-1].end
        return out

    def _paired_list(self, cs: int, pos: int) -> list[tuple[str, str]]:
        """"小米与徕卡、vivo与蔡司、OPPO与哈苏的合作": a list of two or more pairs before the cue, each joined by the
        same word (与, 同 or 跟): each pair cooperates, no pair with another."""
        ments = self.in_range(cs, pos, COMPANY.label)
        if len(ments) < 4 or len(ments) % 2 or not terms.PAIRED_LIST_TAIL_RE.fullmatch(self.text, ments[-1].end, pos):
            return []
        pairs = []
        joiners = set()
        for i in range(0, len(ments), 2):
            a, b = ments[i], ments[i + 1]
            joiner = terms.PAIR_JOINER_RE.fullmatch(self.text, a.end, b.start)
            if not joiner or i and not terms.PAIR_SEPARATOR_RE.fullmatch(self.text, ments[i - 1].end, a.start):
                return []
            joiners.add(joiner.group().strip())
            pairs.append((a.key, b.key))
        if len(joiners) > 1:
            return []  # "A与B、C和D展开合作": B, C and D are A's partners, listed
        return [p for p in pairs if p[0] != p[1]]

    def _opened_by_unknown_unit(self, s: int, cs: int) -> bool:
        """Whether the sentence opens with a studio, team or division no mention covers ("光子工作室群此前……"):
        that unit is the subject, not the company carried from earlier sentences."""
        lead = terms.SUBJECT_LEAD_RE.match(self.text, s)
        unit = terms.UNIT_OPENING_RE.match(self.text, lead.end() if lead else s, cs)
        return bool(unit) and not self.in_range(unit.start(), unit.end())

    def _counted_parties(self, s: int, cs: int, end: int) -> list[str]:
        """"……，四家公司共同宣布合资设厂": a clause opening with a count of companies acting jointly
        names the last that many companies named before it in the sentence ("ESMC由台积电持股70%，
        博世、英飞凌与恩智浦各持股10%，四家公司共同……": TSMC and the three), or in the sentence before when the
        count opens its sentence; none when fewer are named."""
        count = terms.COUNTED_PARTIES_RE.match(self.text, cs, end)
        if not count or self.in_range(cs, end, COMPANY.label) or not terms.JOINT_ACT_RE.search(self.text, count.end(), end):
            return []
        n = int(count.group(1)) if count.group(1).isdigit() else terms.CHINESE_DIGITS.index(count.group(1)) + 1
        if cs == s and not self.in_range(s, cs, COMPANY.label):
            s = self._prev_sentence_start(s)  # "A、B、C及D均為股東。四方攜手成立合資公司": the sentence before names them
        named = [m for m in _without_glosses(self.text, self.in_range(s, cs, COMPANY.label))
                 if not terms.NEW_FIRM_BEFORE_RE.search(self.text, max(s, m.start - 6), m.start)]  # not the venture
        keys = list(dict.fromkeys(k for k in map(self.as_company, reversed(named)) if k))
        return keys[:n] if len(keys) >= n else []

    def _two_parties(self, s: int, pos: int) -> list[str]:
        """The two companies "双方" before ``pos`` names: the first two named before it in this
        sentence, else (none named there) in the sentence before; one company before it leaves the
        other unknown ("Joby獲得豐田投資，雙方並合作": Joby is no recognised name, and a company named
        after the cue is not it). Of three or more, a company right after a buying or investing verb
        is what that deal was about, not a party ("腾讯通过收购吉列莫兄弟公司股权，提高了在育碧的
        持股；双方还合作开发了……": Tencent and Ubisoft), and so is a parent named before 旗下 or 母公司 ("谷歌母公司
        Alphabet旗下Waymo與豐田……雙方": Waymo and Toyota) and a firm right before 由 ("零跑国际由零跑汽车与
        Stellantis合资成立，双方……": what the two set up)."""
        for a, b in ((s, pos), (self._prev_sentence_start(s), s)):
            named = self.in_range(a, b)
            if len(named) >= 2 and terms.JOINED_PAIR_RE.fullmatch(self.text, named[0].end, named[1].start):
                pair = [k for k in (self.as_company(m) for m in named[:2]) if k]
                if len(set(pair)) == 2:
                    return pair  # "友邦與東亞銀行宣布，友邦將收購……，同時雙方確立……": the two who opened it
            keys = list(dict.fromkeys(k for k in (self.as_company(m) for m in named) if k))
            if len(keys) > 2:  # a parent before 旗下 only says whose the next company is ("大众旗下CARIAD，与地平线")
                starts = {m.start for m in named}
                targets = {m.key for m in self.in_range(a, b)
                           if self._deal_target(m) or terms.PARENT_BEFORE_UNIT_RE.match(self.text, m.end)
                           or (ident := terms.IDENTIFIES_NEXT_RE.match(self.text, m.end)) and ident.end() in starts
                           or self.text.startswith("由", m.end)}  # "零跑国际由零跑汽车与Stellantis合资成立": what they set up
                keys = [k for k in keys if k not in targets] if len(keys) - len(targets) >= 2 else keys
            if keys:
                return keys[:2]
        return []

    def _deal_target(self, m: Ment) -> bool:
        """Whether ``m`` stands right after a verb of buying or investing ("收购吉列莫兄弟公司")."""
        head = self.text[max(0, m.start - 4) : m.start].rstrip("了 ")
        return head.endswith(terms.ACQUISITION_CUES + terms.INVESTMENT_CUES)

    def _pairs_in_clause(self, s, e, cs, ce, pos, trig, subject, follow) -> list[RelationHit]:
        text = self.text
        if paired := self._paired_list(cs, pos):
            return [RelationHit("partnership", *sorted(p), s, e, DIRECT, trig) for p in paired]
        conf = DIRECT
        subjects = False  # the parties before the cue form one list of PARTY_LIST_MIN or more
        both: list[str] = []  # "双方也正与高通共同开发": the two parties named before, as one side
        main = None  # "通过与华为合作，赛力斯……": the main clause's subject is the other side
        after_cue = self.in_range(pos + len(trig), ce)
        right = _without_parents(text, _leading_list(text, after_cue, pos + len(trig)), after_cue)
        right = [m for m in right  # "携手组建智能汽车公司集度": the venture set up is no partner
                 if not terms.NEW_FIRM_BEFORE_RE.search(text, max(pos, m.start - 16), m.start)]
        right += self._more_partner_groups(right, e)
        own_cs = clause_bounds(self.clause_text, s, e, pos)[0]  # the cue's own clause (``cs`` may reach back one)
        # "A携手B": the partner after the cue; "联想和英伟达联袂发布": both before it, none after
        lead = (trig in terms.LEAD_PARTNER_TRIGGERS or bool(terms.WITH_PARTNER_RE.fullmatch(trig))) and (
            bool(right) or len(self.in_range(cs, pos, COMPANY.label)) < 2) \
            and not self._after_with_partner(own_cs, pos)
        if lead:
            left = _without_parents(text, _after_made_by(text, cs, pos, self.in_range(cs, pos)))  # "A旗下B……並夥拍C"
            if cs < own_cs and terms.ANOTHER_ACT_RE.match(text, own_cs):
                left = []  # "宣佈收購Ampere，又夥拍OpenAI": the sentence's subject acts again, not the earlier object
            elif cs < own_cs and (prep := _first_preposition(text, cs, own_cs)) is not None:
                # "該公司已與Alphabet旗下Waymo合作……，上月又宣布夥拍Cruise": the earlier clause's partners are
                # no subject of this one; only a name before its preposition is
                left = [m for m in left if m.end <= prep]
        else:
            before = _without_parents(text, _after_made_by(text, cs, pos, _without_glosses(text, self.in_range(cs, pos))))
            counted = self._counted_partners(s, e, cs, pos, trig, before, subject)
            if counted is not None:
                return counted
            prep = _last_preposition(text, cs, pos, before)
            if prep is None:
                if before and terms.EXAMPLES_END_RE.match(text, before[-1].end, pos) and (
                        trig.endswith("伙伴") or text.startswith(terms.PARTNER_NOUNS_AFTER, pos + len(trig))):
                    return []  # "麦当劳、星巴克等合作商户": examples of someone's partners
                # "A和B达成合作" without a clear preposition: every company before the cue
                left, right = before[:1], before[1:]
                # "由A、B及C合组的合资公司": one list of three or more acting together
                subjects = len({m.key for m in _trailing_list(text, before, pos)}) >= PARTY_LIST_MIN
                if len(before) > 2 and trig.endswith("伙伴") and terms.PARTNER_OF_RE.match(text, before[-1].end, pos):
                    # "A、B及C都是D的合作伙伴": each is D's partner
                    left, right, subjects = before[-1:], before[:-1], False
            else:
                # "问界是赛力斯与华为合作": the list right before 与, not everything earlier
                earlier = [m for m in before if m.end <= prep
                           and not terms.VENUE_BEFORE_RE.search(text, max(cs, m.start - 2), m.start)]  # "在微软Ignite大会期间"
                if cs < own_cs and (first := _first_preposition(text, cs, own_cs)) is not None:
                    # "鴻海……又與吉利簽約……，並與裕隆合資": an earlier clause's partner is no subject of this one
                    earlier = [m for m in earlier if m.end <= first or m.start >= own_cs]
                left = _trailing_list(text, earlier, prep) or earlier[-1:]
                if left and left[0] is not earlier[0] and terms.INSTRUMENT_BEFORE_RE.search(text, cs, left[0].start):
                    # "华为主要通过鸿蒙智行与赛力斯……联合打造": the subject acts through its unit
                    left = earlier[: earlier.index(left[0])][-1:]
                if not earlier and terms.BOTH_PARTIES.search(text, cs, prep):
                    both = self._two_parties(s, cs)
                elif not earlier and terms.ADVERBIAL_LEAD_RE.fullmatch(text, cs, prep):
                    main = self._sentence_subject(ce + 1, e) if ce < e else None  # "通过与华为合作，赛力斯……"
                elif not earlier and _names_someone(text, cs, prep):
                    return []  # "硅基流动与X合作": a party we cannot name; the subject is not it
                right = _without_parents(text, [m for m in before if m.start > prep  # not the firm they set up
                                                and not terms.NEW_FIRM_BEFORE_RE.search(text, max(prep, m.start - 16), m.start)])
                if not right and any(t in text[prep:pos] for t in terms.PERSON_TITLES):
                    return []  # "與創辦人麥克．戴爾聯手": a person is the partner
                # "由亚马逊、苹果、谷歌与Zigbee联盟联手发起": the listed subjects act together, the
                # other party named but no company
                subjects = not right and len({m.key for m in left}) >= 2 and len(text[prep + 1 : pos].strip()) >= 2 \
                    and bool(terms.JOINT_ACT_RE.search(text, prep, pos + len(trig)))
        # a relative clause: "与X合作的Y" → Y (or its maker) is the other side
        if not left:
            tail = text[pos + len(trig) : pos + len(trig) + 2]
            if tail.startswith("的"):
                after = self.in_range(pos + len(trig), e)
                if after:
                    left = after[:1]
        left_keys = [k for k in (self.as_company(m) for m in left) if k]
        right_keys = [k for k in (self.as_company(m) for m in right) if k]
        if not left_keys and main and main not in right_keys:
            left_keys = [main]
        if not left_keys and terms.PRODUCT_ANAPHOR_LEAD_RE.match(text, own_cs):
            # "华硕ROG Phone 5系列也于日前发表，该系列在国内继续与腾讯游戏合作": the maker of the product just named
            named = self.in_range(s, own_cs, PRODUCT.label)
            maker = self.makers.get(named[-1].key) if named else None
            left_keys = [maker] if maker and maker not in right_keys else []
        if not left_keys:
            # a missing side is the sentence's opener, else the carried subject; never one of the
            # partners listed ("其运营方此前已与Visa、万事达卡、JCB等达成合作": not Visa)
            openers = (self._sentence_opener(self._part_start(s, cs), cs), self._sentence_opener(s, cs))  # its part's first
            carried = next((k for k in (*openers, subject) if k and k not in right_keys), None)
            if not any(openers) and self._opened_by_unknown_unit(s, cs):
                carried = None  # "光子工作室群此前打造了《和平精英》，并与Krafton合作": a unit we cannot name acts
            if carried:
                left_keys, conf = [carried], conf - CARRIED_SUBJECT
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
        if len(both) == 2 and right_keys:
            # the two parties and their new partner work together: every one pairs with every other
            left_keys, conf = both, min(conf, BOTH_PARTIES_CONF)
            right_keys = list(dict.fromkeys(both + right_keys))
        pairs = {(a, b) for a in left_keys for b in right_keys}
        if left and (right or subjects) and not lead and (subjects or _all_parties(
                text, right[-1].end, pos + len(trig), len(set(left_keys)), len(set(right_keys)))):
            # "华为、宁德时代与长安汽车共同成立阿维塔": every party cooperates with every other
            everyone = list(dict.fromkeys(left_keys + right_keys))
            pairs = {(a, b) for i, a in enumerate(everyone) for b in everyone[i + 1 :]}
        # a product stands for its maker; a maker that owns the other party is no partner of it ("PS5版本由團隊與
        # 索尼互動娛樂合作": Sony owns SIE), though an owner and its unit named as such may be (吉利与沃尔沃合资)
        stand_ins = {self.as_company(m) for m in left + right if m.label == PRODUCT.label}
        out = []
        for a, b in sorted(pairs):
            if a != b and not ({a, b} & stand_ins and self.owns(a, b)):
                x, y = sorted((a, b))
                out.append(RelationHit("partnership", x, y, s, e, round(conf, 2), trig))
        return out

    def _after_with_partner(self, cs: int, pos: int) -> bool:
        """Whether the cue at ``pos`` follows "与X" ("已与大华股份联合研发", "与B联手推出", "與創辦人麥克．戴爾聯手"):
        then 联合 and 联手 say how, and the partner is X, named or not, not a name after the cue."""
        prep = _last_preposition(self.text, cs, pos, self.in_range(cs, pos))
        return prep is not None and not self.text.startswith("此", prep + 1) and bool(self.text[prep + 1 : pos].strip())

    def _counted_partners(self, s, e, cs, pos, trig, before, subject) -> list[RelationHit] | None:
        """"樹莓派宣布，A、B與C四家合作夥伴將推出……", "华硕、技嘉和微星等合作伙伴", "A、B和C三家合作车企": a list
        closed by 等 or a count right before a partner noun names someone's partners, not partners of each other:
        each pairs with the sentence's opener, else the article's subject (none when neither is
        named outside the list). None when the cue is no such partner noun."""
        text = self.text
        partner_noun = trig.endswith("伙伴") or text.startswith(terms.PARTNER_NOUNS_AFTER, pos + len(trig))
        if not (partner_noun and before and terms.COUNTED_LIST_END_RE.match(text, before[-1].end, pos)):
            return None
        listed = [k for k in map(self.as_company, _trailing_list(text, before, before[-1].end)) if k]
        opener = self._sentence_opener(s, cs)
        other, conf = (opener, DIRECT) if opener and opener not in listed else (subject, DIRECT - ARTICLE_SUBJECT)
        if not other or other in listed:
            return []
        return [RelationHit("partnership", *sorted((other, k)), s, e, conf, trig)
                for k in dict.fromkeys(listed) if k != other]

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
            if terms.LIST_INTRODUCER_RE.match(head):
                return [k for k in (self.as_company(m) for m in self.in_range(fs, fe)) if k]
        return []


def _first_preposition(text: str, start: int, end: int) -> int | None:
    """Where the first 与/和/同/跟 stands in ``start:end``, or None."""
    found = [i for i in range(start, end) if text[i] in terms.PREPOSITIONS
             and not terms.PREPOSITION_IN_WORD_RE.match(text, i)]
    return min(found, default=None)


def _after_made_by(text: str, cs: int, pos: int, ments: list) -> list:
    """The mentions after 由 when some stand there: what stands before it is what they set up or make
    ("Mox由渣打聯同……合資成立": Mox is no party)."""
    by = terms.MADE_BY_RE.search(text, cs, pos)
    after = [m for m in ments if m.start >= by.end()] if by else []
    return after or ments


def _without_parents(text: str, ments: list, following: list | None = None) -> list:
    """The partners with a parent named before 旗下 replaced by the unit after it ("与沙特公共投资基金（PIF）
    旗下公司Alat签订", "夥拍通用汽車旗下Cruise"), and a unit before 母公司 by its parent
    (``terms.IDENTIFIES_NEXT_RE``): the first only says which the partner is. ``following``:
    every mention after the partners' start (a list read up to the parent stops there)."""
    out: list = []
    for m in ments:
        nxt = next((n for n in (following or ments) if n.start >= m.end), None)
        while nxt is not None and terms.IDENTIFIES_NEXT_RE.fullmatch(text, m.end, nxt.start):
            m = nxt  # "与谷歌母公司Alphabet旗下的无人机配送公司Wing合作": Wing
            nxt = next((n for n in (following or ments) if n.start >= m.end), None)
        if m not in out:
            out.append(m)
    return out


def _all_parties(text: str, start: int, end: int, n_left: int, n_right: int) -> bool:
    """Whether every party of "A、B与C……" cooperates with every other (see ``terms.PARTY_COUNT_RE``)."""
    if n_left + n_right < 3:
        return False
    return bool(terms.PARTY_COUNT_RE.search(text, start, end)) or (
        n_left > 1 and bool(terms.JOINT_ACT_RE.search(text, start, end))) or (
        n_right > 1 and bool(terms.JOINT_FOUNDING_RE.match(text, start) or terms.JOINT_ANNOUNCEMENT_RE.match(text, start)))


def not_partner(clause: str) -> bool:
    """A clause about buying, investing, supplying or competing ("合作超过十年" is a duration; "业务及
    资本合作" is a business tie-up too; "供应链", "竞争力", "全球领先的" name no deal)."""
    for lookalike in (terms.BUSINESS_AND_CAPITAL_RE, terms.NOT_PARTNER_LOOKALIKES_RE):
        clause = lookalike.sub(lambda m: " " * len(m.group()), clause)
    return any(not terms.QUANTITY_AFTER_RE.match(clause, at + len(c))
               for c, at in cue_positions(terms.NOT_PARTNER_CUES, clause))


def _announces_no_cooperation(announced: str) -> bool:
    """What a joint announcement says is an ending, a denial, a takeover or a settled dispute ("共同宣布，
    雙方同意終止輝達收購安謀的交易"), and no clause of it a cooperation of its own ("……撤销专利诉讼，并将
    展开合作" is one), so the announcers are no partners."""
    if any(any(cue in clause for cue in terms.PARTNER_TRIGGERS) and not negated(clause) and not not_partner(clause)
           for clause in CLAUSE_SPLIT_RE.split(announced)):
        return False
    return negated(announced) or (not_partner(announced) and any(
        c in announced for c in terms.ACQUISITION_CUES + terms.DISPUTE_CUES + ("和解",)))


def _only_planned(text: str, s: int, e: int, cs: int, end: int) -> bool:
    """"英特尔拟与台积电合作": planned or hoped for, with nothing in the sentence making it real."""
    return bool(terms.PLANNED_PARTNER_RE.search(text, cs, end)) and not any(
        c in text[s:e] for c in terms.AGREED_CUES)


def _last_preposition(text: str, cs: int, pos: int, before: list[Ment]) -> int | None:
    """Offset of the 与/和/同/跟 that introduces the partners, skipping ones inside names."""
    best = None
    for i in range(cs, pos):
        if text[i] in terms.PREPOSITIONS and not any(m.start <= i < m.end for m in before) \
                and not terms.PREPOSITION_IN_WORD_RE.match(text, i):  # not "同属吉利系的"
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
    if rest.startswith(("该", "这", "此", "其", "本", "旗下", "自家", "双方", "两家", "公司", "我们", "他们")):
        return False  # "该服务目前已经与……", "旗下支付业务已与……": refers back to something already named
    rest = terms.ADVERBS_RE.sub("", terms.TIME_PHRASE_RE.sub("", rest))  # "早於2020年已": a time, no one
    rest = terms.DURATION_RE.sub("", rest)  # "長年與輝達密切合作": how long, no one
    rest = terms.FRAME_PHRASE_RE.sub("", rest)  # "在开发过程中与新思科技紧密合作": when, no one
    if "的" in rest and not rest.endswith(terms.PARTY_HEADS):
        return False  # "图片的生成式编辑则与美图合作完成": a topic, the subject's work
    return len(re.findall(r"[\u4e00-\u9fff]", rest)) >= 2


def _without_glosses(text: str, ments: list[Ment]) -> list[Ment]:
    """The mentions without the glosses in brackets right after another name: "安擬集團（Animoca
    Brands）" is one party, whatever key each name links to."""
    out: list[Ment] = []
    for m in ments:
        gap = text[out[-1].end : m.start] if out else ""
        if out and gap.strip().startswith(("（", "(")) and in_brackets(text, out[-1].end, m.start):
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
        if not out and len(gap.strip()) > 6 and not terms.EXAMPLES_KIND_RE.fullmatch(gap):
            break  # "美的、九阳等家电企业已宣布与…": a list of examples with their kind may stand before it
        out.insert(0, m)
        pos = m.start
    return out


def _leading_list(text: str, ments: list[Ment], start: int) -> list[Ment]:
    """Mentions forming a list right after ``start`` ("携手A、B和C"). A product stands for its maker
    only right after the cue ("携手微信"); after other words it is an object ("携手扩充CoWoS产能").
    A name glued to the item before is part of it: a unit after its parent is the item ("亚马逊AWS"),
    a product after its maker is not ("微软Azure")."""
    out: list[Ment] = []
    pos = start
    for m in ments:
        if out and m.start == pos:
            if m.label != PRODUCT.label:
                out[-1] = m
            pos = m.end
            continue
        gap = terms.BRACKETED_GLOSS_RE.sub("", text[pos : m.start]) if out else text[pos : m.start]  # "B（Cadence）、C"
        if out and not terms.LIST_SEPARATORS.match(gap):
            break
        if not out and (len(gap.strip()) > 6 or m.label == PRODUCT.label and gap.strip() not in ("", "了")):
            break
        out.append(m)
        pos = m.end
    return out
