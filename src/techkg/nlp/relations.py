"""Partnerships and product releases, read from sentences with cue words: the reader.

Works on linked entities (``doc.ents`` with canonical keys in ``kb_id_``) and the folded text.
:class:`RelationReader` reads the sentences in order and, for each:

* **partnership**: the rules of ``partnerships.py``
  (:class:`~techkg.nlp.partnerships.PartnershipReading`), completed by the partnership model
  (here: :meth:`RelationReader.candidates` and the guard :func:`model_may_add`);
* **release**: the rules of ``releases.py`` (:class:`~techkg.nlp.releases.ReleaseReading`), or
  else a product named right after a sentence announcing a release event ("召开发布会"), and the
  variants and series members of what was just released;

then keeps the most confident reading of each relation. The data types, sentence and clause
splitting, the confidence table and what both readers share (mentions in a range, the subject of
a sentence) are in ``relation_base.py``. The two readers are mixins joined here, so each job reads
in a file of its own while the rules keep calling one another on one reader. The names other
modules import (``Ment``, ``Candidate``, ``RelationHit``, ``sentences``, ``RelationReader``,
``model_may_add``, ``MODEL_ADD_PROBABILITY``) are all importable from here.
"""

from __future__ import annotations

from techkg.nlp import terms
from techkg.nlp.candidates import COMPANY
from techkg.nlp.partnerships import PartnershipReading, not_partner
from techkg.nlp.relation_base import CLAUSE_SPLIT_RE, Candidate, Ment, RelationHit, cue_positions, sentences
from techkg.nlp.relation_model import Pair, pair_features
from techkg.nlp.releases import ReleaseReading

__all__ = ["MODEL_ADD_PROBABILITY", "Candidate", "Ment", "RelationHit", "RelationReader", "model_may_add",
           "sentences"]

# Where the partnership model decides: it adds a pair the rules missed at this probability or
# more. Chosen out of fold on the 90 dev articles (scripts/train_relation_model.py folds): adding
# at 0.8 gains recall at the rules' precision (0.6 did not), and the model drops no rule reading
# (a veto below 0.05, as it once had, dropped right ones).
MODEL_ADD_PROBABILITY = 0.8
MAX_MODEL_MENTIONS = 12  # sentences naming more companies than this are lists, not read by the model


class RelationReader(PartnershipReading, ReleaseReading):
    """Reads relations from one document's text and linked mentions (arguments: see
    :class:`~techkg.nlp.relation_base.ReaderBase`)."""

    def read(self) -> list[RelationHit]:
        hits: list[RelationHit] = []
        sents = self.sentence_spans
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
            if not released:
                released = self._ordinal_new_product(s, e, subject)
            released += self._variants(s, e, released) + self._series_members(s, e, released) \
                + self._named_members(s, e, released) + self._first_of_line(s, e, released)
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
        if next(cue_positions(terms.PARTNER_TRIGGERS, sentence), None) is None:
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
        pairs = self.candidates(s, e)
        probs = {c.keys: self.model.score(pair_features(self.text, c.pair, c.others, (s, e))) for c in pairs}
        kept = list(found)
        have = {(h.source, h.target) for h in found}
        guarded = {c.keys for c in pairs if not model_may_add(self.text, c, s, e)}
        # two companies each read with a partner of its own in another clause of the sentence ("vivo与蔡司合作
        # ……，OPPO也与哈苏合作"): the model does not cross the clauses to pair them
        read = {k for h in found if h.type == "partnership" for k in (h.source, h.target)}
        guarded |= {c.keys for c in pairs if set(c.keys) <= read
                    and CLAUSE_SPLIT_RE.search(self.text, c.pair.first[1], c.pair.second[0])}
        for keys, p in probs.items():
            if keys in guarded:
                continue
            if keys not in have and p >= MODEL_ADD_PROBABILITY:
                cue = next(cue_positions(terms.PARTNER_TRIGGERS, self.text[s:e]), ("", 0))[0]
                kept.append(RelationHit("partnership", keys[0], keys[1], s, e, round(p, 2), cue))
        return kept


def model_may_add(text: str, cand: Candidate, s: int, e: int) -> bool:
    """Whether the model may add this pair where the rules found nothing.

    The rule layer's hard markers still hold: nothing is added from a sentence with a
    negation, rumour, talks, plan, acquisition, investment, supply or competition cue, a search
    for a partner ("另觅策略伙伴") or many firms founding an alliance ("A、B等业者共同成立……联盟"), for
    two names with another company between them, or for two members of one partner list
    ("与A、B合作": A and B each cooperate with the subject, not with each other).
    """
    sentence = text[s:e]
    if not_partner(sentence) or any(c in sentence for c in terms.NEGATION_CUES + terms.MODEL_BLOCKING_PLANS) \
            or terms.SEEKING_PARTNER_RE.search(sentence) or terms.ALLIANCE_FOUNDING_RE.search(sentence):
        return False
    (a0, a1), (b0, b1) = cand.pair.first, cand.pair.second
    if any(a1 <= o0 and o1 <= b0 for o0, o1 in cand.others):
        return False
    for end in (a1, b1):
        parent = terms.IDENTIFIES_NEXT_RE.match(text, end)
        if parent and any(o0 == parent.end() for o0, _ in cand.others):
            return False  # "与华为旗下的荣耀签订", "Alphabet旗下Waymo……並夥拍Uber": the parent only says whose
    if terms.MADE_BY_RE.match(text, a1) or any(terms.NEW_FIRM_BEFORE_RE.search(text, max(s, x - 16), x) for x in (a0, b0)):
        return False  # "Mox由渣打聯同……合資成立", "雙方將合資成立「X」": what the other sets up is no partner of it
    if any(c in text[a1:b0] for c in terms.SUBSIDIARY_CUES) or terms.SEPARATELY_AFTER_RE.match(text, b1, e):
        return False  # "Alphabet旗下的Waymo"; "A与B先后与C合作": not partners of each other
    if any(m.start() <= a0 and a1 <= m.end() <= b0 for m in terms.BESIDES_CLAUSE_RE.finditer(text, s, e)):
        return False  # "除Insta360外，亦與小米合作": both the subject's partners
    if not terms.LIST_SEPARATORS.match(text[a1:b0]):
        return True
    if terms.SEPARATELY_LATER_RE.match(text, b1, e):
        return False  # "苹果、谷歌都与Zigbee联盟合作": each of the listed subjects on its own
    start = a0  # walk back to the start of the list holding both names
    for o0, o1 in sorted(cand.others, reverse=True):
        if o1 <= start and terms.LIST_SEPARATORS.match(text[o1:start]):
            start = o0
    lead = text[max(s, start - 14):start].rstrip()
    # "与A、B合作", "與韓國眼鏡品牌A、美國B合作", "携手A等企业，B、C等零售商": its members
    return not terms.PARTNER_LIST_LEAD_RE.search(lead) and not terms.PARTNER_GROUP_BEFORE_RE.search(text, max(s, start - 24), start)


def _dedupe(hits: list[RelationHit]) -> list[RelationHit]:
    best: dict[tuple[str, str, str], RelationHit] = {}
    for h in hits:
        k = (h.type, h.source, h.target)
        if k not in best or h.confidence > best[k].confidence:
            best[k] = h
    return sorted(best.values(), key=lambda h: (h.start, h.type, h.source, h.target))
