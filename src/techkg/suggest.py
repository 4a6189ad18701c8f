"""Likely duplicate entities in a store, for people to review (``techkg entity suggest``).

Two signs, stronger first, each only between entities of one type and never
between two entities the lexicon lists (the lexicon keeps Alibaba and
Alibaba Cloud apart on purpose):

* **same name key**: two entities share a :func:`~techkg.text.match_key` of
  one of their names (``GPT-4`` / ``GPT4``, ``輝達`` / ``辉达``, ``小米`` /
  ``小米公司``): the linker keys unlisted names by
  :func:`~techkg.text.plain_key`, which keeps hyphens and legal forms;
* **near-identical names** (:data:`NEAR_RATIO`), for products only under the
  same maker (``蘋果iPhone`` / ``iPhone``), and never when the numbers in the
  names differ (``iPhone 15`` / ``iPhone 16`` are two products).

Nothing is changed; each pair comes with the ``techkg entity merge`` command
that would merge it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import combinations

from techkg.records import EntityType
from techkg.relink import StoredEntity
from techkg.store import GraphStore
from techkg.text import match_key

#: Similarity (difflib ratio of the names' match keys) from which two names look alike.
NEAR_RATIO = 0.85

_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Suggestion:
    """Two entities that may be one: ``a`` would be merged into ``b``."""

    type: str
    a: StoredEntity
    b: StoredEntity
    reason: str


def suggest_duplicates(store: GraphStore, listed: Iterable[tuple[str, str]] = ()) -> list[Suggestion]:
    """Likely duplicate pairs, strongest sign first, then by articles involved.

    Args:
        store: the store to read.
        listed: ``(type, key)`` of the lexicon's entities (the built-in lexicon's when empty).
    """
    if not listed:
        from techkg.nlp.lexicon import default_lexicon

        listed = [(e.type, e.key) for e in default_lexicon()]
    known = set(listed)
    entities, keys, makers = _read(store)
    by_type: dict[str, list[StoredEntity]] = defaultdict(list)
    for e in entities.values():
        by_type[e.type].append(e)
    seen: set[tuple[str, str, str]] = set()
    out: list[tuple[int, Suggestion]] = []

    def add(rank: int, a: StoredEntity, b: StoredEntity, reason: str) -> None:
        if (a.type, a.key) in known and (b.type, b.key) in known:
            return
        # the less mentioned merges into the more mentioned; on a tie the longer key goes
        a, b = sorted((a, b), key=lambda e: (e.articles, -len(e.key), e.key))
        pair = (a.type, *sorted((a.key, b.key)))
        if pair not in seen:
            seen.add(pair)
            out.append((rank, Suggestion(a.type, a, b, reason)))

    # 1. a shared name key
    owners: dict[tuple[str, str], list[StoredEntity]] = defaultdict(list)
    for ident, ks in keys.items():
        for k in ks:
            owners[(entities[ident].type, k)].append(entities[ident])
    for (_, k), group in sorted(owners.items()):
        for a, b in combinations(sorted(group, key=lambda e: e.key), 2):
            add(0, a, b, f"same name key {k!r}")
    for etype, group in by_type.items():
        names = {(e.type, e.key): match_key(e.label) for e in group}
        for a, b in combinations(sorted(group, key=lambda e: e.key), 2):
            na, nb = names[(a.type, a.key)], names[(b.type, b.key)]
            if (a.type, a.key) in known and (b.type, b.key) in known:
                continue
            if etype == EntityType.PRODUCT:
                ma, mb = makers.get(a.key), makers.get(b.key)
                if ma is None or ma != mb:
                    continue
            if _DIGITS.findall(na) != _DIGITS.findall(nb):
                continue
            ratio = SequenceMatcher(None, na, nb).ratio()
            if ratio >= NEAR_RATIO:
                same = " by the same maker" if etype == EntityType.PRODUCT else ""
                add(1, a, b, f"near-identical names{same} ({ratio:.2f})")
    out.sort(key=lambda x: (x[0], -(x[1].a.articles + x[1].b.articles), x[1].a.key, x[1].b.key))
    return [s for _, s in out]


def _read(store: GraphStore) -> tuple[dict, dict, dict]:
    rows = store.select("""SELECT ?e ?t ?key ?label ?k ?maker (COUNT(DISTINCT ?g) AS ?n) WHERE {
        ?e a ?t ; tk:key ?key ; tk:matchKey ?k . VALUES ?t { tk:Company tk:Product }
        OPTIONAL { ?e rdfs:label ?label FILTER(LANG(?label) = "") }
        OPTIONAL { ?e schema:manufacturer/tk:key ?maker }
        OPTIONAL { GRAPH ?g { ?art schema:mentions ?e } }
      } GROUP BY ?e ?t ?key ?label ?k ?maker""")
    facts: dict[str, dict] = {}
    for r in rows:
        f = facts.setdefault(r["e"], {"type": r["t"].rsplit("#", 1)[-1].rsplit("/", 1)[-1], "key": r["key"],
                                      "labels": set(), "keys": set(), "n": 0, "maker": None})
        if r["label"]:
            f["labels"].add(r["label"])
        f["keys"].add(r["k"])
        f["n"] = max(f["n"], r["n"])
        if r["maker"] and (f["maker"] is None or r["maker"] < f["maker"]):
            f["maker"] = r["maker"]
    entities = {
        iri: StoredEntity(f["type"], f["key"], min(f["labels"] - {f["key"]} or f["labels"] or {f["key"]}),
                          {}, f["n"])
        for iri, f in facts.items()
    }
    keys = {iri: f["keys"] for iri, f in facts.items()}
    makers = {f["key"]: f["maker"] for f in facts.values() if f["type"] == EntityType.PRODUCT}
    return entities, keys, makers
