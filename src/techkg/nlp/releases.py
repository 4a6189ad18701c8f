"""Product releases, read from sentences with release cues.

For each sentence, a cue (发布, 推出, 上线, 亮相 ...) with the company before it and
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
is the subject of a cue with another object ("高德宣布将推出补贴"), a return to a market ("重新在内地上架")
or a computing facility built ("该集群由腾讯打造"). A company that helps ("A携手B推出",
"A与B合作推出") is a partner, not a releaser; a launch still ahead ("下周将推出") is none; a list of
released products ends at a new predicate ("P把Q整合", "P售价比Q便宜"), another maker's branded product
or an offer ("Q合约机"), and goes on over the models named after it ("，首批机型包括A和B", "，命名为P").

:class:`ReleaseReading` holds these rules as methods over
:class:`~techkg.nlp.relation_base.ReaderBase`, and ``relations.py`` joins it with the partnership
reader into ``RelationReader``. A mixin rather than functions taking the reader: the rules call
one another and read the reader's state (the latest partnership for "双方推出", the release of the
sentence before for a series' members), so they stay methods of one reader while this file holds
the release job alone. Cue words and stop lists are in ``terms.py``; the confidences in
``relation_base.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from techkg.nlp import terms
from techkg.nlp.candidates import COMPANY, PRODUCT, SUBJECT_FILLERS
from techkg.nlp.relation_base import (
    CLAUSE_SPLIT_RE,
    DIRECT,
    FOLLOWING_LIST,
    INFERRED_COMPANY,
    JOINT_RELEASE,
    NEW_PRODUCT,
    PRODUCT_BEFORE_CUE,
    PRODUCT_IS_COMPANYS,
    RESPECTIVELY,
    Ment,
    ReaderBase,
    RelationHit,
    clause_bounds,
    cue_positions,
    in_brackets,
    negated,
)
from techkg.text import plain_key

NEXT_LEAD_MAX = 8  # characters allowed before a product that opens the next sentence ("这款新机")


class ReleaseReading(ReaderBase):
    """The release rules: :meth:`_releases` reads one sentence; ``RelationReader.read`` falls back
    on :meth:`_named_after_event` and :meth:`_ordinal_new_product`, and adds :meth:`_variants`,
    :meth:`_series_members`, :meth:`_named_members` and :meth:`_first_of_line`."""

    def _releases(self, s, e, subject, follow) -> list[RelationHit]:
        text = self.text
        out = []
        done: list[tuple[int, int]] = []
        for trig, at in cue_positions(terms.RELEASE_TRIGGERS + terms.JOINT_RELEASE_TRIGGERS, text[s:e]):
            pos = s + at
            if any(a <= pos < b or pos <= a < pos + len(trig) for a, b in done):
                continue  # "正式发布" already read as "发布" or the reverse (not "发布会推出": two cues)
            done.append((pos, pos + len(trig)))
            cs, ce = clause_bounds(self.clause_text, s, e, pos)
            if self._release_blocked(s, cs, pos):
                continue
            if text.startswith(terms.RELEASE_NOMINAL_AFTER, pos + len(trig)):
                continue  # "首发阵容", "发布时间": a noun, not a release
            if terms.PREDECESSOR_BEFORE_CUE_RE.search(text, cs, pos) and terms.RELATIVE_AFTER_CUE_RE.match(
                    text, pos + len(trig)):
                continue  # "接替2020年推出的EOS R5": the predecessor, launched before this story
            if trig.startswith("带来") and terms.BENEFICIARY_RE.search(text, cs, pos):
                continue  # "为iPhone带来新功能": brought to something, not launched
            if self._hosted(cs, pos):
                if terms.PLATFORM_VENUE_RE.search(self.text, cs, pos):
                    out += self._product_first(s, e, cs, pos, trig)  # "《原神》在iOS及Android平台上线"
                continue  # "在Amazon Bedrock中上线了R1": offered on a platform, not released
            if trig.startswith("首发") and self._first_to_ship(cs, pos, trig):
                continue  # "新机首发搭载骁龙8至尊版", "小米15系列首发了骁龙8至尊版": a part
            if trig in terms.HOSTING_TRIGGERS and self._between_products(cs, pos, trig):
                out += self._product_first(s, e, cs, pos, trig)  # "GPT-4o上线了Azure": Azure is the platform
                continue
            hits = self._release_at(s, e, cs, ce, pos, trig, subject, follow)
            if trig.startswith("首发") and terms.FIRST_DEVICE_RE.match(text, pos + len(trig)):
                hits = [h for h in hits if self.makers.get(h.target, h.source) == h.source]  # "首发机型为vivo X200"
            out += hits
        for m in terms.PRODUCT_FIRST_RELEASE_RE.finditer(text, s, e):
            cs, _ = clause_bounds(self.clause_text, s, e, m.start())
            if not self._release_blocked(s, cs, m.start()):
                out += self._product_first(s, e, cs, m.start(), m.group())
        return out + self._made_by(s, e) + self._new_products(s, e) + self._launch_events(s, e)

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
        planned in its clause ("计划明年推出"), a return ("重新上架") or rumoured earlier in the
        sentence ("据传将发布")."""
        before = self.text[cs:pos]
        return (negated(before) or any(c in before for c in terms.DEAL_BEFORE_RELEASE_CUES)
                or bool(terms.PLANNED_RELEASE_RE.search(self.text, cs, pos))
                or bool(terms.RETURN_BEFORE_CUE_RE.search(self.text, cs, pos))  # "重新在内地上架"
                or bool(terms.WILL_RELEASE_RE.search(self.text, cs, pos)
                        and not terms.ANNOUNCED_RE.search(self.text, s, pos))  # "华为将发布" (not "宣布将")
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
        if besides := terms.ALSO_RELEASED_BEFORE_RE.search(self.text, max(s, cs - 64), listed[0].start):
            listed = [m for m in self.in_range(besides.start(), listed[0].start, PRODUCT.label)
                      if m.key not in {p.key for p in listed}] + listed  # "除了A及B，C亦同场推出": all three
        companies = [m for m in self.in_range(cs, listed[0].start, COMPANY.label)
                     if not self._after_by(cs, m)]  # "由富士康组装的": see _made_by
        if not companies and self.last_pair and terms.BOTH_PARTIES.search(self.text, cs, listed[0].start):
            # "高通与宝马联合宣布，双方……共同开发的骁龙Ride Pilot正式推出": both release it
            return [RelationHit("release", maker, p.key, s, e, PRODUCT_BEFORE_CUE, trig)
                    for p in listed for maker in self.last_pair if maker != p.key]
        if not companies and terms.SAME_STAGE_BEFORE_CUE_RE.search(self.text, listed[-1].end, pos):
            # "奥迪与上汽集团联合发布新品牌，首款概念车AUDI E concept同步亮相": the joint releasers before
            cues = list(cue_positions(terms.RELEASE_TRIGGERS, self.text[s:cs]))
            at = s + cues[-1][1] if cues else s
            earlier = [m for m in self.in_range(s, at, COMPANY.label) if not in_brackets(self.text, s, m.start)]
            joint = self._joint_releasers(s, s, at, earlier) if cues else []
            if joint:
                return [RelationHit("release", maker, p.key, s, e, PRODUCT_BEFORE_CUE, trig)
                        for p in listed for maker in joint if maker != p.key]
        opened_by_with = False
        if not companies:
            companies = self._announcer(s, cs)
        elif terms.WITH_OPENER_RE.fullmatch(self.text, cs, companies[0].start) and (announcer := self._announcer(s, cs)):
            companies, opened_by_with = announcer + companies, True  # "文远知行宣布，与联想联合打造的HPC 3.0正式发布": both
        joint = self._joint_made_by(companies, listed[0].start, opened_by_with)  # "华为与奇瑞联合打造的智界S7正式上市"
        out = []
        branded = self._each_with_its_brand(listed)
        known = {self.makers[p.key] for p in listed if p.key in self.makers}
        shared = known.pop() if len(known) == 1 else None  # "moto X30 Pro、moto razr 2022两款旗舰同晚亮相": one maker for all
        for p in listed:
            first = branded.get(p.key) or (companies[0].key if companies else None)
            if trig in terms.HOSTING_TRIGGERS and first and not self._own_or_unknown(first, p):
                continue  # "微軟宣布將DeepSeek-R1上架Azure AI Foundry": another maker's product, hosted
            makers = joint or [first or self.makers.get(p.key) or shared]
            out += [RelationHit("release", maker, p.key, s, e, PRODUCT_BEFORE_CUE, trig)
                    for maker in makers if maker and maker != p.key]
        return out

    def _each_with_its_brand(self, listed: list[Ment]) -> dict[str, str]:
        """"三星Galaxy Fold和华为Mate X相继上市": a listed product right after a brand (glued, or with 旗下/的
        between) is its brand's release, whatever company the clause names first."""
        brands: dict[str, str] = {}
        for p in listed:
            before = self.in_range(max(0, p.start - 16), p.start, COMPANY.label)
            if before and terms.BRAND_TO_PRODUCT_RE.fullmatch(self.text, before[-1].end, p.start):
                brands[p.key] = before[-1].key
        return brands

    def _own_or_unknown(self, company: str, product: Ment) -> bool:
        """Whether ``product`` is of ``company``'s group or of no known maker: what a seller or a platform
        may release; another maker's product it only sells or hosts."""
        return self.same_group(company, self.makers.get(product.key, company))

    def _joint_made_by(self, companies: list[Ment], product_at: int, opened_by_with: bool = False) -> list[str]:
        """The makers of "A与B联合打造的P" before a product-first cue: a list of two or more companies
        right before a joint act of making in a modifier (``terms.JOINT_MADE_MODIFIER_RE``); else none.
        With ``opened_by_with`` the first company announced a clause opening on "与B" and is one of them."""
        run: list[Ment] = []
        for i, m in reversed(list(enumerate(companies))):
            if run and not (opened_by_with and i == 0) and not terms.LIST_SEPARATORS.match(self.text[m.end : run[0].start]):
                break
            run.insert(0, m)
        made = run and terms.JOINT_MADE_MODIFIER_RE.match(self.text, run[-1].end, product_at)
        keys = list(dict.fromkeys(m.key for m in run))
        return keys if made and len(keys) > 1 else []

    def _announcer(self, s: int, cs: int) -> list[Ment]:
        """The company that announces, in the clause before, what the clause at ``cs`` says:
        "納智捷今（10）日宣布，純電休旅車n7正式上市" (``terms.ANNOUNCING_RE``), or whose new work it
        names right after the company ends that clause ("赤燭遊戲，新作《九日》今天上市")."""
        before = self.in_range(s, cs, COMPANY.label)
        if before and terms.ANNOUNCING_RE.match(self.text, before[-1].end, cs):
            return [before[-1]]
        if before and terms.TOPIC_COMPANY_END_RE.match(self.text, before[-1].end, cs) \
                and terms.OWN_WORK_OPENER_RE.match(self.text, cs):
            return [before[-1]]  # "……的台灣遊戲團隊赤燭遊戲，新作《九日》今天上市": the topic's new work
        return []

    def _products_before_cue(self, cs: int, pos: int) -> list[Ment]:
        """The list of products ending right before a cue at ``pos`` (adverbs allowed between)."""
        text = self.text
        venue = terms.PLATFORM_VENUE_RE.search(text, cs, pos)  # "在iOS及Android平台上线": where
        end = venue.start() if venue else pos
        prods = [m for m in self.in_range(cs, end, PRODUCT.label)
                 if not text[m.start : m.end].endswith(terms.STOREFRONT_NOUNS)]  # "在App Store上线": where
        after_last = prods[-1].end if prods else end
        if len(prods) > 1 and terms.PLATFORM_EDITION_RE.fullmatch(text, prods[-2].end, prods[-1].start) \
                and text[prods[-1].start : prods[-1].end].lower() in terms.PLATFORM_NAMES \
                and (edition := terms.EDITION_NOUN_RE.match(text, prods[-1].end)):
            prods, after_last = prods[:-1], edition.end()  # "ChatGPT的iOS应用正式上架": the product's edition for a platform
        if not prods:
            return []
        gap = text[after_last:end].strip().lstrip(")）」』”\"》")  # "《绝区零》在全球同步上线"
        gap = terms.DATE_GLOSS_RE.sub("", gap)  # "今日（26日）正式上線"
        gap = gap[terms.LISTED_CATEGORY_RE.match(gap).end() :]  # "A、B等新款车型同步开售"
        head = next((h for h in terms.PRODUCT_HEADS + terms.TITLE_PRODUCT_HEADS if gap.startswith(h)), "")  # "剪映App开放下载", "《逆水寒》手游"
        rest = gap[len(head) :].strip()
        rest = rest[: terms.MANNER_BEFORE_CUE_RE.search(rest).start()] if terms.MANNER_BEFORE_CUE_RE.search(rest) else rest
        rest = rest[terms.EDITION_BEFORE_CUE_RE.match(rest).end() :]  # "千问APP公测版同日在……上线"
        rest = terms.SCOPE_BEFORE_CUE_RE.sub("", rest)  # "A和B都在本月上市", "A和B去年相继上市"
        timed = rest[terms.TIME_BEFORE_CUE_RE.match(rest).end() :]  # "《三角洲行動》9月底上線"
        if not (SUBJECT_FILLERS.match(rest) or SUBJECT_FILLERS.match(timed)):
            return []
        listed = [prods[-1]]
        for m in reversed(prods[:-1]):
            brand = self.in_range(m.end, listed[0].start, COMPANY.label)
            gap = text[m.end : brand[0].start if brand else listed[0].start]  # "、比亚迪海豹", "、科大讯飞的讯飞星火": a brand
            edition = terms.EDITION_SUFFIX_RE.match(gap)  # "秦PLUS智驾版、海豹智驾版"
            if not terms.LIST_SEPARATORS.match(gap[edition.end() if edition else 0 :]) \
                    and not terms.KINDS_AROUND_JOINER_RE.fullmatch(gap):
                break  # "首款搭载骁龙X Elite的ThinkPad T14s亮相": the chip is a part
            listed.insert(0, m)
        return listed

    def _counted_list_before(self, start: int, ce: int) -> bool:
        """Whether the clause ``start:ce`` ends in a list of two or more products and a count with a
        category summing it up before a colon ("發佈A及B兩部相機：", "发布A和B两款手机："); one product
        before a count introduces its members instead ("发布Mate 70系列四款新机：A、B……")."""
        named = self.in_range(start, ce, PRODUCT.label)
        if len(named) < 2 or not terms.COUNTED_SUMMARY_RE.fullmatch(self.text, named[-1].end, ce + 1):
            return False
        return bool(terms.LIST_SEPARATORS.match(self.text[named[-2].end : named[-1].start]))

    def _made_by(self, s: int, e: int) -> list[RelationHit]:
        """"小米SU7由小米汽车打造", "这款名为Gemini的大模型由谷歌推出": the product before 由 is
        the company's release (``terms.MADE_BY_VERBS``; adverbs may stand before the verb), and so is
        the product after "由A开发的"; "由A与B联合开发" credits both."""
        text = self.text
        out = []
        for m in self.in_range(s, e):
            if m.label != COMPANY.label or not self._after_by(s, m):
                continue
            venue = terms.VENUE_PHRASE_RE.match(text, m.end)  # "由vivo在……开发者大会上发布": the verb after where
            base = venue.end() if venue else m.end
            verb = re.search(r"[，。；;,]|" + "|".join(terms.MADE_BY_VERBS), text[base:e])
            if not verb or verb.group() not in terms.MADE_BY_VERBS:
                out += self._published_by(s, e, m)
                continue
            makers = self._joint_makers(m, base + verb.start())
            between = max(makers[-1].end, base)
            gap = terms.BRACKETED_GLOSS_RE.sub("", text[between : base + verb.start()]).strip()  # "由A（B）开发"
            partners = self.in_range(between, base + verb.start(), COMPANY.label)
            helped = (len(makers) > 1 or partners) and terms.ASSISTED_RELEASE_RE.match(
                self._without_names(between, base + verb.start()).replace(" ", ""))
            if helped:
                makers, gap = makers[:1], ""  # "由网易与漫威游戏合作开发", "由騰訊與…Nexon合作推出": with help
            elif len(makers) > 1:
                gap = terms.JOINT_RELEASE_RE.sub("", gap).strip()  # "由华为与赛力斯联合开发"
            cs, _ = clause_bounds(self.clause_text, s, e, m.start)
            if not SUBJECT_FILLERS.match(gap) or self._release_blocked(s, cs, m.start):
                continue
            earlier = self.in_range(s, m.start, PRODUCT.label)
            if not earlier and terms.PRODUCT_PRONOUN_LEAD_RE.match(text, s):
                earlier = [p for p in self.in_range(self._prev_sentence_start(s), s, PRODUCT.label)  # "……X亮相。它由雷蛇推出"
                           if self.makers.get(p.key, m.key) == m.key][-1:]  # not "安卓" of "安卓游戏掌机"
            if earlier and terms.PART_BEFORE_RE.search(self.text, s, _run_start(text, earlier)):
                earlier = []  # "搭载的5C麒麟电池由理想汽车与宁德时代联合开发": a part, not a release
            if earlier and (text[earlier[-1].end : m.start].lstrip("”」』\"》 ").startswith(terms.FACILITY_NOUNS)
                            or terms.FACILITY_ANAPHOR_RE.search(text, s, m.start - 1)):
                earlier = []  # "“飞星一号”算力平台……，该平台由A与B共同打造", "该集群由腾讯打造": built, not released
            after_verb = base + verb.end()
            publisher, after_verb = self._publisher_after(after_verb, e)
            makers += publisher
            made = (self._made_after(after_verb, e) if text.startswith("的", after_verb) else []) or earlier[-1:]
            out += [RelationHit("release", c.key, made[0].key, s, e, PRODUCT_IS_COMPANYS, verb.group())
                    for c in makers if made and made[0].key != c.key]
        return out

    def _published_by(self, s: int, e: int, m: Ment) -> list[RelationHit]:
        """"由腾讯游戏独家代理的手游《X》正式上线": the publisher 由 names, of the title its "代理的" modifier
        describes, when a release cue follows that title in the sentence (not "一直由腾讯代理": no launch)."""
        verb = terms.PUBLISHING_VERB_RE.match(self.text, m.end)
        if not verb or not self.text.startswith("的", verb.end()):
            return []
        made = self._made_after(verb.end(), e)
        after = self.text[made[0].end : e] if made else ""
        if not made or (next(cue_positions(terms.RELEASE_TRIGGERS, after), None) is None
                        and not terms.PRODUCT_FIRST_RELEASE_RE.search(after)):
            return []
        return [RelationHit("release", m.key, made[0].key, s, e, PRODUCT_IS_COMPANYS, verb.group())]

    def _publisher_after(self, at: int, e: int) -> tuple[list[Ment], int]:
        """"由拳头游戏开发、腾讯代理的《无畏契约》": the company listed after the maker's verb with a
        publishing verb of its own (``terms.PUBLISHING_VERB_RE``), and where that verb ends; else
        none and ``at``. The maker's own unit may publish ("由莉莉丝开发、旗下Farlight Games发行的")."""
        nxt = self.in_range(at, e)[:1]
        if not nxt or nxt[0].label != COMPANY.label \
                or not terms.LIST_SEPARATORS.match(self.text[at : nxt[0].start].replace("旗下", "")):
            return [], at
        verb = terms.PUBLISHING_VERB_RE.match(self.text, nxt[0].end)
        return ([nxt[0]], verb.end()) if verb else ([], at)

    def _after_by(self, s: int, m: Ment) -> bool:
        """Whether the company ``m`` follows 由, a description of its kind allowed between
        ("由米哈游开发", "由上海游戏公司米哈游开发"); ``s`` bounds the look back."""
        return terms.BY_MAKER_BEFORE_RE.search(self.text, max(s, m.start - 24), m.start) is not None

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
        if host and terms.EVENT_VENUE_END_RE.search(host.group()):
            return False  # "在鸿蒙生态春季沟通会上发布": an event, even with a product in its name
        return bool(host) and any(
            m.label == PRODUCT.label and not terms.EVENT_AFTER_NAME_RE.match(self.text, m.end)
            for m in self.in_range(host.start(), pos))

    def _company_then_product(self, s: int, e: int) -> Iterator[tuple[Ment, Ment, int]]:
        """Each company mention followed by a product mention of another key, in the sentence ``s:e``, with
        the company's clause start."""
        ments = self.in_range(s, e)
        for m, nxt in zip(ments, ments[1:], strict=False):
            if m.label == COMPANY.label and nxt.label == PRODUCT.label and nxt.key != m.key:
                yield m, nxt, clause_bounds(self.clause_text, s, e, m.start)[0]

    def _launch_events(self, s: int, e: int) -> list[RelationHit]:
        """"科大讯飞举行星火认知大模型V3.5升级发布会": the company held the launch of the product the event is named after."""
        out = []
        for m, nxt, cs in self._company_then_product(s, e):
            if not (terms.HELD_EVENT_BEFORE_RE.match(self.text[m.end : nxt.start])
                    and terms.LAUNCH_EVENT_AFTER_RE.match(self.text, nxt.end)):
                continue
            if negated(self.text[cs : nxt.start]) or terms.PLANNED_RELEASE_RE.search(self.text, cs, nxt.start) \
                    or terms.WILL_RELEASE_RE.search(self.text, cs, nxt.start) \
                    or terms.RUMOURED_RELEASE_RE.search(self.text, s, nxt.start):
                continue  # "小米将于下周举行小米15发布会": not held yet
            if self.makers.get(nxt.key, m.key) == m.key:
                out.append(RelationHit("release", m.key, nxt.key, s, e, NEW_PRODUCT, "发布会"))
        return out

    def _new_products(self, s: int, e: int) -> list[RelationHit]:
        """"苹果的新款iPhone 16 Pro", "荣耀全新旗舰Magic7": a company's new product, no release verb."""
        out = []
        for m, nxt, cs in self._company_then_product(s, e):
            if not terms.NEW_PRODUCT_RE.match(self.text[m.end : nxt.start]):
                continue
            before = self.text[cs : m.start]
            if terms.BASE_BEFORE_COMPANY_RE.search(before) or terms.FITTED_INTO_BEFORE_RE.search(before):
                continue  # "基于阿里最新的Qwen3": what another product is built on; "搭载于宝马全新iX3": fitted into
            if negated(before) or any(c in before for c in terms.COMPETITION_CUES) or \
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
        if end > ce and self._counted_list_before(pos + len(trig), ce):
            end = ce  # "發佈A及B兩部相機：A主打……": the colon describes the products just counted
        as_time = terms.RELEASE_AS_TIME_RE.match(text, pos + len(trig))  # "上市後在PS Store奪冠"
        products = [] if as_time else self._objects(pos + len(trig), end)
        if products and trig in terms.DIRECT_OBJECT_TRIGGERS and (
                not _names_object(text[pos + len(trig) : products[0].start])
                or terms.FIGURE_AFTER_RE.match(text, products[0].end)):
            return []  # "公布了参数量的GPT-3", "公布iPhone 16销量": a figure of the product, not the product
        if not products and trig in terms.PRODUCT_SUBJECT_TRIGGERS and self._products_before_cue(cs, pos):
            if trig in terms.OBJECT_TAKING_CUES and not as_time and not terms.NO_OBJECT_AFTER_RE.match(
                    text[pos + len(trig) : ce]) and not terms.EDITION_OBJECT_RE.match(text, pos + len(trig)) \
                    and not terms.MARKET_OBJECT_RE.match(text, pos + len(trig)):
                return []  # "高德宣布将推出到店补贴": the product is the subject, something else its object
            return self._product_first(s, e, cs, pos, trig)
        if companies and (not products or text.startswith("的", pos + len(trig))):
            # "思元290是寒武纪推出的首款训练芯片": the product opens the clause (what follows 的 describes it)
            lead = [m for m in before if m.label == PRODUCT.label and m.end <= companies[-1].start]
            if lead and text[lead[-1].end : companies[-1].start].strip() in ("是", "为", "由", "即"):
                products, conf = lead[-1:], PRODUCT_IS_COMPANYS
            elif not lead and (referred := self._referred_product(s, cs, pos + len(trig))):
                products, conf = referred, PRODUCT_IS_COMPANYS
        if not products:
            announced = text[pos + len(trig) : ce]  # "发布了新旗舰": the product is named next
            if any(w in announced for w in terms.ANNOUNCED_NOT_PRODUCT):
                return []  # "发布了第三季度财报": nothing of the next sentence is released
            bare = any(h in announced for h in terms.PRODUCT_HEADS + terms.NEXT_PRODUCT_INTRODUCERS)
            listed = self._products_listed_in_following(follow) or self._named_next(follow, bare)
            if not listed:
                return []
            products, conf = listed, FOLLOWING_LIST
        # "用友和金蝶分别发布了YonGPT和苍穹GPT": pair them in order
        if "分别" in text[cs:pos] and len(companies) == len(products) > 1:
            return [RelationHit("release", c.key, p.key, s, e, RESPECTIVELY, trig) for c, p in zip(companies, products, strict=True)]
        joint_only = not companies and terms.JOINT_RELEASE_RE.fullmatch(text[cs:pos].strip())
        if joint_only and self.last_pair and self.last_pair != self.earlier_pair:
            # "A与B……联合举办发布会，共同推出P": the pair the sentence just read
            return [RelationHit("release", c, p.key, s, e, JOINT_RELEASE, trig) for c in self.last_pair for p in products]
        if re.search(r"(?:双方|两家公司|两家)[^，。]{0,6}$", text[cs:pos]) and self.last_pair:
            return [RelationHit("release", c, p.key, s, e, JOINT_RELEASE, trig) for c in self._both_releasers(s, cs)
                    for p in products]
        joint = self._joint_releasers(s, cs, pos, companies)
        if joint:
            return [RelationHit("release", c, p.key, s, e, round(conf, 2), trig) for c in joint for p in products
                    if p.key != c]
        company, inferred = self._releasing_company(s, cs, pos, trig, companies, products, subject)
        if not company:
            return []
        if (trig in terms.SALE_TRIGGERS or trig in terms.HOSTING_TRIGGERS) and not inferred:
            # "中華電信開賣iPhone 16": a seller's sale; "魔搭社区上线了Baichuan 2": a platform hosts another's model
            products = [p for p in products if self._own_or_unknown(company, p)]
        conf -= INFERRED_COMPANY if inferred else 0
        return [RelationHit("release", company, p.key, s, e, round(conf, 2), trig) for p in products
                if p.key != company]

    def _referred_product(self, s: int, cs: int, after: int) -> list[Ment]:
        """The product a clause refers back to: "“超级小爱”，这是小米推出的新一代AI助手" (the product
        closing the clause before "这是"), "星海大模型并不是新面孔。……海信发布了这一自研大模型" (the
        product that opened the sentence before, in the same paragraph)."""
        text = self.text
        if cs > s and terms.IS_WHAT_CLAUSE_RE.match(text, cs):
            prev = self.in_range(clause_bounds(self.clause_text, s, cs, cs - 1)[0], cs)
            if prev and prev[-1].label == PRODUCT.label and not text[prev[-1].end : cs].strip(" ，,”」\"'"):
                return prev[-1:]
        if not terms.REFERRED_OBJECT_RE.match(text, after):
            return []
        ps = self._prev_sentence_start(s)
        if ps == s or "\n" in text[ps:s].strip():
            return []
        head = terms.SUBJECT_LEAD_RE.match(text, ps)
        opening = self.in_range(head.end() if head else ps, s)
        first = opening[0] if opening else None
        lead = text[head.end() if head else ps : first.start].strip(" “「\"") if first else None
        return [first] if first is not None and first.label == PRODUCT.label and not lead else []

    def _releasing_company(self, s, cs, pos, trig, companies, products, subject) -> tuple[str | None, bool]:
        """Who releases ``products`` at the cue ``pos``, and whether that was inferred (not named in
        the clause): the last company of the clause (not a gloss in brackets; the subject of "A与B推出"),
        else one referred back to ("该公司发布了"), the sentence's opener, the products' known maker (its group
        the article names instead of an unnamed brand: BYD, not 仰望, for 仰望U9) or the subject carried over (not
        when a university or lab is named before the cue)."""
        text = self.text
        companies = [m for m in companies if not in_brackets(text, cs, m.start)  # "智谱（Z.ai）发布"
                     and (m.start, m.end) not in self._brands_inside]  # "支援Apple ProRes……新推出的DJI RC Pro": Apple is a brand
        companies = [m for m in companies if text[max(cs, m.start - 1) : m.start] != "从"]  # "从华为独立后推出": a source
        own = companies[-1] if companies and text.startswith("的", pos + len(trig)) and (
            SUBJECT_FILLERS.match(gap := text[companies[-1].end : pos].strip()) or terms.PAST_TIME_RE.fullmatch(gap)) \
            else None
        if own is not None and len(companies) > 1 and re.fullmatch(r"\s*[与和跟同及、]\s*", text[companies[-2].end : own.start]):
            own = None  # "Meta与依视路推出的": both name the relative clause's subject
        companies = self._without_helpers(cs, companies)  # "新思科技携手微软推出": Synopsys
        if own is not None and own not in companies:
            companies = [own]  # "与谷歌早年推出的Google Glass不同": a relative clause's own subject after 与
        if len(companies) > 1:  # "華碩今年1月在CES推出": where it was launched, not who launched it
            companies = companies[:1] + [m for m in companies[1:]
                                         if not terms.VENUE_BEFORE_RE.search(text, companies[0].end, m.start)]
        if companies and self._unnamed_unit_after(companies[-1], pos):
            return None, False  # "宁德时代旗下的时代电服推出了P": the unit, unrecognised, released it
        if companies:
            if len(companies) > 1 and "的" in text[companies[-2].end : companies[-1].start]:
                return companies[-1].key, False  # "上汽和阿里合资成立的智己汽车发布": the head of "…的C"
            if len(companies) > 1 and re.search(r"[与和同]", text[companies[0].end : companies[-1].start]):
                return companies[0].key, False  # "甲骨文与亚马逊云科技推出": the subject leads
            return companies[-1].key, False
        platform = self.in_range(cs, pos, PRODUCT.label)
        if platform and not self.text[cs : platform[0].start].strip() and self.makers.get(platform[0].key) \
                and SUBJECT_FILLERS.match(self.text[platform[0].end : pos].strip()) \
                and terms.OWN_OBJECT_RE.match(self.text, pos + len(trig)):
            return self.makers[platform[0].key], True  # "蝦皮購物推出自家支付服務ShopeePay": the platform's owner
        if self.recent_release and self.recent_release == subject and terms.RELEASED_ALONG_RE.match(self.text, cs):
            return subject, True  # "阿里云开源了P。与之一同开源的，还有A": the subject, who released the product before
        if self._body_releases(s, pos):
            subject = None  # "香港科技大學牽頭的研發中心發表X": a body that is no company released it
        part = self._part_start(s, cs)
        opener = self._head_opener(part, cs)  # "苹果……；谷歌表示，去年发布的P": Google
        referred = (opener or self._head_opener(s, cs) or subject) if self._refers_to_company(cs, pos) else None
        brand_maker = next((k for k in (self.makers.get(p.key) for p in products) if k), None)
        if brand_maker not in self.named_companies and subject and brand_maker and self.same_group(brand_maker, subject):
            brand_maker = subject  # "比亚迪……。当晚上市的是仰望U9": the group the article names, not its unnamed brand
        return referred or opener or brand_maker or self._head_opener(s, cs) or subject, True

    def _unnamed_unit_after(self, parent: Ment, pos: int) -> bool:
        """Whether ``parent`` is followed by 旗下 and a unit whose name is no mention before the cue at
        ``pos`` ("宁德时代旗下的时代电服推出了"), not a generic unit noun ("旗下的游戏工作室推出")."""
        owned = terms.PARENT_OF_NEXT_RE.match(self.text, parent.end, pos)
        if not owned or "旗下" not in owned.group() or self.in_range(owned.end(), pos):
            return False
        unit = terms.UNIT_NAME_END_RE.split(self.text[owned.end() : pos], maxsplit=1)[0]
        unit = terms.ADVERBS_RE.sub("", unit).strip()
        return len(unit) >= 2 and not unit.endswith(terms.GENERIC_UNITS) and not terms.OWNED_PRODUCTS_RE.search(unit)

    def _head_opener(self, s: int, cs: int) -> str | None:
        """The sentence's opener (``_sentence_opener``), or the head a relative clause opening the
        sentence describes: "索尼與本田合資成立的索尼本田移動，……發表P" → Sony Honda Mobility (the
        companies of the first clause, the last one right after a 的)."""
        earlier = [m for m in self.in_range(s, cs, COMPANY.label) if not self.text.startswith("旗下", m.end)]
        head = None
        for prev, m in zip(earlier, earlier[1:], strict=False):
            gap = self.clause_text[prev.end : m.start]
            if CLAUSE_SPLIT_RE.search(gap):
                break
            if gap.rstrip().endswith("的") and "在" not in gap:
                head = m  # not "特斯拉在加州柏本克的華納兄弟片場舉行發表會": a place the subject is at
        return head.key if head else self._sentence_opener(s, cs)

    def _without_helpers(self, cs: int, companies: list[Ment]) -> list[Ment]:
        """The companies before a release cue less those helping the subject: a company after 与 or
        a lead cue ("新思科技携手微软推出", "并与三星合作推出"; ``terms.PARTNER_BEFORE_RE``) and the
        members of a list it opens ("与三星、高通合作推出")."""
        kept: list[Ment] = []
        helping = False
        start = cs
        for m in companies:
            gap = self.text[start : m.start]
            if terms.PARTNER_BEFORE_RE.search(gap):
                helping = True
            elif not (helping and terms.LIST_SEPARATORS.match(gap)):
                helping = False
            if not helping:
                kept.append(m)
            start = m.end
        return kept

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
        named = [m for m in companies if not in_brackets(self.text, cs, m.start)]
        if not named:
            return []
        last = named[-1]
        before = self.text[cs : last.start].rstrip()
        before = next((before[: -len(c)] for c in terms.FOREIGN_COUNTRIES if before.endswith(c)), before)  # "与美国B"
        if before.rstrip().endswith(terms.PREPOSITIONS + terms.LEAD_PARTNER_TRIGGERS):
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
                if text.startswith(terms.TECHNOLOGY_AFTER_NAME, m.end):
                    continue  # "一款ARM架构处理器": a technology named after its owner, a modifier
                if text.startswith("系列", m.end):
                    continue  # "发布问界系列第二款车型问界M7": a brand's series says which line the product is in
                if i + 1 < len(after) and after[i + 1].label == PRODUCT.label and _adjacent(text, m, after[i + 1]):
                    if products and m.key not in {self.makers.get(p.key, m.key) for p in products}:
                        break  # "发布的小米15与华为Mate 70正面竞争": another maker's product, not released here
                    continue  # a brand before its product
                if i + 1 < len(after) and after[i + 1].label == PRODUCT.label \
                        and self.makers.get(after[i + 1].key) == m.key \
                        and terms.BRAND_KIND_GAP_RE.fullmatch(text, m.end, after[i + 1].start):
                    continue  # "发布小米首款车型小米SU7", "华为平板新品MatePad Pro": the maker's brand, then what kind
                if any(v in text[pos : m.start] for v in terms.PRODUCT_LINK_VERBS) and "的" not in text[pos : m.start]:
                    continue  # "发表了搭载Intel处理器的ThinkPad": a supplier inside a modifier
                if not products and terms.CO_MADE_PARTNER_BEFORE_RE.search(text, pos, m.start) \
                        and terms.CO_MADE_AFTER_RE.match(text, m.end):
                    continue  # "推出与爱马仕合作设计的Apple Watch Hermès": the partner in a modifier
                if not products and terms.LICENSOR_BEFORE_RE.search(text, pos, m.start) \
                        and terms.LICENSOR_AFTER_RE.match(text, m.end):
                    continue  # "上线了获漫威授权开发的《漫威争锋》": the licensor in a modifier
                break
            gap = text[pos : m.start]
            if products and self._branded_by_another(m, products):
                break  # "推出天玑9400，……为vivo X200": another maker's product, its brand inside its name
            if products and (terms.CATEGORY_THEN_JOINER_RE.match(gap)
                             or terms.OBJECT_LIST_BREAK_RE.search(self._without_names(pos, m.start))):
                break  # "发布的Nest Hub等Nest设备和安卓手机", "推出的GB200把Blackwell GPU整合": not released
            pos = m.end
            if any(v in gap for v in terms.PRODUCT_LINK_VERBS) and not _modified_head(gap, bool(products)):
                if products:
                    break  # "推出的Mate 40系列搭载麒麟9000": the chip is not released here
                if terms.PART_MODIFIER_RE.match(text, m.end):
                    continue  # "推出搭载M4系列芯片的全新MacBook Pro": a part of what is released
                if _unnamed_head_before(gap):
                    break  # "推出的新一代旗舰芯片将针对Llama 2优化": the unnamed head is what is released
            if not products and terms.PURPOSE_OPEN_RE.search(gap) and terms.PART_MODIFIER_RE.match(text, m.end):
                continue  # "推出专为Windows手提电脑而设的X": whom X is for
            named = gap.rstrip().endswith(terms.NAME_INTRODUCERS)  # "发表名为Project DIGITS的超级电脑"
            own_specs = terms.SPECS_AFTER_RE.match(text, m.end) \
                or terms.EDITION_AFTER_RE.match(text, m.end)  # "揭曉ROG Ally的完整規格", "推出Le Chat的测试版": the product
            if (text[m.end : m.end + 1] == "的" and not named and not own_specs) or gap.rstrip().endswith(("基于", "在")) or (
                    gap.rstrip().endswith("品牌") and not terms.PRODUCT_LINE_BRAND_RE.search(gap)):
                continue  # "Office的AI助手", "基于华为云的…", "品牌乐道": not what is released
            if not products and terms.COUNT_BEFORE_KIND_RE.search(gap) and terms.KIND_LIST_AFTER_RE.match(text, m.end):
                continue  # "推出兩款Copilot+ PC，分別為A及B": the kind of the two, the list names them
            if terms.COUNTED_DEVICES_BEFORE_RE.search(gap) and text[m.end :].lstrip().startswith(terms.CARRYING_DEVICES):
                continue  # "發表Zenbook 14 OLED等多款Core Ultra筆電": what the devices carry
            if text.startswith(terms.EDITION_OF, m.end):
                continue  # "推出Samsung Pay版本的八达通": an edition of what follows
            if terms.PLATFORM_AFTER_RE.match(text, m.end):
                continue  # "推出PS5獨佔遊戲《劍星》": the platform the release ships on
            if any(v in gap for v in terms.OFFER_VERBS) or terms.OFFER_AFTER_RE.match(text, m.end):
                continue  # "推出了购买RTX 4090赠送游戏的活动", "推出iPhone 16合约机": what an offer is about
            summed = bool(products) and terms.COUNTED_SUMMARY_RE.fullmatch(text, m.end, after[i + 1].start) \
                if i + 1 < len(after) else False  # "A及B兩部相機：A……": the count sums up the list
            if i + 1 < len(after) and not summed and _qualifies_next(text, m, after[i + 1]):
                continue  # "兩代Windows掌機：A與B", "Windows AI電腦規格「Copilot+ PC」": a qualifier
            if m.start > 0 and text[m.start - 1] in "(（" and text[m.end : m.end + 1] in ")）" \
                    and any(not text[o.end : m.start - 1].strip(terms.CLOSE_QUOTES + "》 ") for o in after if o.end < m.start):
                continue  # a gloss in brackets of the name before it ("方舟150（ARK 150）" unread: the gloss names it)
            if text[m.start : m.end].endswith(terms.STOREFRONT_NOUNS) or text.startswith(terms.STOREFRONT_NOUNS, m.end):
                continue  # "上架华为商城": where it is sold
            products.append(m)
        return products

    def _branded_by_another(self, m: Ment, products: list[Ment]) -> bool:
        """Whether the product ``m`` is known to be made by a company that made none of ``products``
        (the ones read before it, all of known make): "vivo X200" after "天玑9400"."""
        makers = {self.makers.get(p.key) for p in products}
        maker = self.makers.get(m.key)
        return maker is not None and None not in makers and maker not in makers

    def _without_names(self, a: int, b: int) -> str:
        """The text of ``a:b`` with the names in it blanked out (same length): "和比亚迪" has no 比."""
        chars = list(self.text[a:b])
        for m in self.in_range(a, b):
            chars[m.start - a : m.end - a] = " " * (m.end - m.start)
        return "".join(chars)

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
        introduced = lead.endswith(terms.NEXT_PRODUCT_INTRODUCERS) and len(lead) <= NEXT_LEAD_MAX \
            or bool(terms.SINGLED_OUT_LEAD_RE.fullmatch(self.text[fs:lead_end].strip(" “”\"「」")))
        if not introduced and (lead or not bare):
            return []
        if any(m.label == COMPANY.label for m in before):
            return []
        return prods[:1]

    def _ordinal_new_product(self, s: int, e: int, subject: str | None) -> list[RelationHit]:
        """"第二款新品是7英寸直板手机X Note": a sentence counting off the new products of the event the article
        tells; the product it names is the subject's release (not another maker's)."""
        lead = terms.ORDINAL_PRODUCT_LEAD_RE.match(self.text, s)
        prods = self.in_range(lead.end(), e, PRODUCT.label)[:1] if lead and subject else []
        if not prods or self.in_range(lead.end(), prods[0].start, COMPANY.label) \
                or self.makers.get(prods[0].key, subject) != subject:
            return []
        return [RelationHit("release", subject, prods[0].key, s, e, FOLLOWING_LIST, lead.group().strip())]

    def _announces_release(self, s: int, e: int) -> bool:
        """A sentence naming a release event ("召开发布会") but no product."""
        sentence = self.text[s:e]
        return any(c in sentence for c in terms.RELEASE_EVENT_CUES) and not any(
            m.label == PRODUCT.label for m in self.in_range(s, e))

    def _named_after_event(self, prev: tuple[int, int], cur: tuple[int, int]) -> list[RelationHit]:
        """"小米今天召开发布会。新机小米15 Ultra……": the company of one sentence, the product of the next."""
        ps, pe = prev
        company = self._sentence_subject(ps, pe) or self._sentence_opener(ps, pe)
        if not company or negated(self.text[ps:pe]):
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
        and be that company's (released, or made by it), or be referred back to ("该系列包括")."""
        m = terms.SERIES_MEMBERS_RE.search(self.text, s, e)
        company = next((h.source for h in released), None) or self.recent_release
        if not m or not company:
            return []
        cs, _ = clause_bounds(self.clause_text, s, e, m.start())
        if cs > s and not self.text[cs : m.start()].strip():
            cs, _ = clause_bounds(self.clause_text, s, e, cs - 1)  # "地宝X2系列，由X2和X2 PRO两款型号组成"
        listed = 1 if m.group(1) is not None else 2
        prods = self.in_range(m.start(listed), m.end(listed), PRODUCT.label)
        if terms.SERIES_ANAPHORA_RE.fullmatch(self.text, cs, m.start()) and self.recent_products:
            # "正式推出Find X2系列。该系列包括A和B两款机型": the series just released, referred back to
            return [RelationHit("release", company, p.key, s, e, FOLLOWING_LIST, m.group(0)[:2]) for p in prods
                    if p.key != company]
        series = self.in_range(cs, m.start(), PRODUCT.label)
        if not series or not SUBJECT_FILLERS.match(self.text[series[-1].end : m.start()].strip(" ，,")):
            return []
        done = {h.target for h in released} | self.recent_products
        brands = {x.key for x in self.in_range(series[-1].start, series[-1].end, COMPANY.label)}
        if series[-1].key not in done and company not in brands | {self.makers.get(series[-1].key)}:
            return []  # "vivo X100系列": the brand says whose series it is
        return [RelationHit("release", company, p.key, s, e, FOLLOWING_LIST, m.group(0)[:2]) for p in prods
                if p.key != company]

    def _first_of_line(self, s: int, e: int, released: list[RelationHit]) -> list[RelationHit]:
        """"推出Millennium多物理场平台，首款产品为Millennium M1": the first product of what the sentence released
        is the same company's release."""
        lead = terms.FIRST_OF_LINE_RE.search(self.text, s, e) if released else None
        first = self.in_range(lead.end(), e, PRODUCT.label)[:1] if lead else []
        if not first or any(h.target == first[0].key for h in released) \
                or self.in_range(lead.end(), first[0].start, COMPANY.label):
            return []
        company = released[0].source
        if self.makers.get(first[0].key, company) != company:
            return []
        return [RelationHit("release", company, first[0].key, s, e, FOLLOWING_LIST, released[0].trigger)]

    def _named_members(self, s: int, e: int, released: list[RelationHit]) -> list[RelationHit]:
        """"发表GeForce RTX 40系列显卡，旗舰款RTX 4090售价1,599美元": a product of this sentence named
        after a series released in it, its name going on from the series' name, with its price or
        sale before the next product, is a member the same company releases."""
        out = []
        products = self.in_range(s, e, PRODUCT.label)
        for h in released:
            series = next((m for m in products if m.key == h.target and self.text[m.start : m.end].endswith("系列")), None)
            if series is None:
                continue
            words = self.text[series.start : series.end - 2].split()
            cores = {plain_key(" ".join(words[i:])) for i in range(len(words))}
            cores = {c for c in cores if len(c) >= 4}
            after = [m for m in products if m.start >= series.end]
            for i, m in enumerate(after):
                nxt = after[i + 1] if i + 1 < len(after) else None
                name = plain_key(self.text[m.start : m.end])
                if m.key != h.target and any(_goes_on_from(name, c) for c in cores) \
                        and terms.PRICE_OR_SALE_RE.search(self.text, m.end, nxt.start if nxt else e):
                    out.append(RelationHit("release", h.source, m.key, s, e, FOLLOWING_LIST, h.trigger))
        return out

    def _products_listed_in_following(self, follow) -> list[Ment]:
        for fs, fe in follow:
            head = self.text[fs:fe].lstrip("，,：: ")
            if terms.LIST_INTRODUCER_RE.match(head):
                return self.in_range(fs, fe, PRODUCT.label)
        return []


def _goes_on_from(name: str, core: str) -> bool:
    """Whether a name goes on from a series' name (both as ``plain_key`` writes them) with a letter or digit
    ("rtx4090" from "rtx40"; not "rtx50系列gpu" from "rtx50")."""
    rest = name[len(core) : len(core) + 1] if name.startswith(core) else ""
    return rest.isascii() and rest.isalnum()


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


def _names_a_kind(words: str) -> bool:
    """Words naming a kind of device ("通用处理器", "服务器CPU"), as a product's head noun before its name."""
    return words.endswith(terms.DEVICE_HEADS) or words.lower() in terms.GENERIC_TERMS or bool(terms.LATIN_KIND_END_RE.search(words))


def _unnamed_head_before(gap: str) -> bool:
    """Whether a head noun stands after 的 before the gap's first linking verb ("的新一代旗舰芯片将针对"):
    the cue's object is that unnamed product, and what the verb links it to is no release."""
    first = min(gap.find(v) for v in terms.PRODUCT_LINK_VERBS if v in gap)
    head = gap[:first]
    de = head.rfind("的")
    return de >= 0 and len(terms.ADVERBS_RE.sub("", head[de + 1 :]).strip()) >= 2


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
    if (kind := terms.KIND_AFTER_DE_RE.search(tail)) and _names_a_kind(kind.group(1).strip()):
        tail = tail[: kind.start() + 1]  # "基于Arm架构的通用处理器Cobalt 100": the kind named before the product
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


def _qualifies_next(text: str, m: Ment, nxt: Ment) -> bool:
    """A product that only qualifies a noun naming the next product: "Windows掌機：ROG Ally",
    "Windows AI電腦規格「Copilot+ PC」" (a noun follows it, then a colon or an opening quote), or
    the quoted name right after it: "第六代TPU「Trillium」"."""
    gap = text[m.end : nxt.start]
    quoted_name = gap.strip() in terms.NAME_QUOTE_OPENERS  # "第六代TPU「Trillium」"
    device = bool(terms.QUALIFIED_DEVICE_GAP_RE.fullmatch(gap))  # "Windows掌上型遊戲機ROG Ally"
    return (quoted_name or device or bool(terms.QUALIFIER_GAP_RE.match(gap))) and nxt.label == PRODUCT.label


def _adjacent(text: str, a: Ment, b: Ment) -> bool:
    return b.start - a.end <= 1 and not text[a.end : b.start].strip()
