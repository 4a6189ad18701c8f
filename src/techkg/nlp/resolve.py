"""Pick one reading where candidate spans overlap, and write ``doc.ents``.

Longer spans win over shorter ones, then higher scores (the lexicon over
patterns over context over the statistical tagger). A product name that
starts with a company name ("NVIDIA DGX Quantum") keeps the company as a
*brand* mention, stored in ``doc.spans["brands"]``, because the article does
name that company.
"""

from __future__ import annotations

import itertools

from spacy.tokens import Doc

from techkg.nlp import terms
from techkg.nlp.candidates import Candidate, doc_text

LABELS = {"Company": "COMPANY", "Product": "PRODUCT"}
MIN_SCORE = 0.5


def choose(candidates: list[Candidate], text: str) -> tuple[list[Candidate], list[Candidate]]:
    """Non-overlapping entity candidates, and the brand companies inside chosen products.

    >>> a = Candidate(0, 6, "Company", "lexicon", 0.95, key="nvidia")
    >>> b = Candidate(0, 11, "Product", "pattern", 0.8, maker="nvidia")
    >>> chosen, brands = choose([a, b], "NVIDIA DGX Q")
    >>> [(c.start, c.end, c.label) for c in chosen], [(c.start, c.end) for c in brands]
    ([(0, 11, 'Product')], [(0, 6)])
    """
    blocked = [c for c in candidates if c.label == "Blocked"]
    not_company = [c for c in candidates if c.label == "NotCompany"]
    usable = []
    for c in candidates:
        if c.label in ("Blocked", "NotCompany") or c.score < MIN_SCORE:
            continue
        if c.label == "Company" and c.source in ("lac", "model") and any(
            b.start <= c.start and c.end <= b.end for b in not_company
        ):
            continue
        surface = text[c.start : c.end].strip()
        if not surface or surface.lower() in terms.GENERIC_TERMS:
            continue
        if c.source != "lexicon" and any(b.start <= c.start and c.end <= b.end for b in blocked):
            continue
        usable.append(c)
    usable = _drop_swallowing(usable, text)
    usable.sort(key=lambda c: (-c.length, -c.score, c.start))
    taken = bytearray(len(text) + 1)
    chosen: list[Candidate] = []
    for c in usable:
        if any(taken[c.start : c.end]):
            continue
        taken[c.start : c.end] = b"\x01" * c.length
        chosen.append(c)
    chosen = [_extend_series(c, text, taken) for c in chosen]
    chosen.sort(key=lambda c: c.start)
    brands = [
        c
        for c in usable
        if c.label == "Company"
        and c.source != "model"
        and any(p.label == "Product" and p.start == c.start and c.end < p.end for p in chosen)
    ]
    return chosen, _dedupe(brands)


def _drop_swallowing(cands: list[Candidate], text: str) -> list[Candidate]:
    """Drop guessed company spans that swallow a lexicon name ("华为全", "谷歌云和"), and
    series names taken for companies where the article uses them with a model number ("天玑")."""
    known = [c for c in cands if c.source == "lexicon"]
    series = {text[c.start : c.end].rstrip("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz ")
              for c in cands if c.label == "Product"}
    kept = []
    for c in cands:
        if c.source != "lexicon" and c.label == "Company":
            if any(k.start >= c.start and k.end <= c.end and k.length < c.length for k in known):
                continue
            if text[c.start : c.end] in series:
                continue
        kept.append(c)
    return kept


def _extend_series(c: Candidate, text: str, taken: bytearray) -> Candidate:
    """A product name directly followed by 系列 names the series ("Mate 40系列")."""
    if c.label == "Product" and text.startswith("系列", c.end) and not any(taken[c.end : c.end + 2]):
        taken[c.end : c.end + 2] = b"\x01\x01"
        return Candidate(c.start, c.end + 2, c.label, c.source, c.score, c.key, c.weak, c.maker)
    return c


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    seen, out = set(), []
    for c in cands:
        if (c.start, c.end) not in seen:
            seen.add((c.start, c.end))
            out.append(c)
    return out


def align(doc: Doc, offsets: list[tuple[int, int]]) -> None:
    """Split tokens so every ``(start, end)`` falls on token boundaries."""
    cuts: dict[int, set[int]] = {}
    starts = {t.idx for t in doc}
    length = len(doc_text(doc))
    for start, end in offsets:
        for pos in (start, end):
            if pos in starts or pos >= length:
                continue
            token = _token_at(doc, pos)
            if token is not None and token.idx < pos < token.idx + len(token.text):
                cuts.setdefault(token.i, set()).add(pos - token.idx)
    if not cuts:
        return
    with doc.retokenize() as retok:
        for i, rel_cuts in cuts.items():
            token = doc[i]
            bounds = [0, *sorted(rel_cuts), len(token.text)]
            orths = [token.text[a:b] for a, b in itertools.pairwise(bounds)]
            retok.split(token, orths, heads=[(token, 0)] * len(orths))


def _token_at(doc: Doc, pos: int):
    lo, hi = 0, len(doc) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        t = doc[mid]
        if t.idx + len(t.text) <= pos:
            lo = mid + 1
        elif t.idx > pos:
            hi = mid - 1
        else:
            return t
    return None


def set_entities(doc: Doc, chosen: list[Candidate], brands: list[Candidate]) -> None:
    """Write the chosen spans to ``doc.ents`` (kb_id = lexicon key) and brands to a span group."""
    align(doc, [(c.start, c.end) for c in chosen + brands])
    ents, brand_spans = [], []
    for c in chosen:
        span = doc.char_span(c.start, c.end, label=LABELS[c.label], kb_id=c.key or "")
        if span is not None:
            ents.append(span)
    for c in brands:
        span = doc.char_span(c.start, c.end, label="COMPANY", kb_id=c.key or "")
        if span is not None:
            brand_spans.append(span)
    doc.set_ents(ents, default="outside")
    doc.spans["brands"] = brand_spans
    doc.user_data["techkg.makers"] = {(c.start, c.end): c.maker for c in chosen if c.maker}
