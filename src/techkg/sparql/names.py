"""Entity names in query parameters: an unknown name is an error that says "did you mean".

A ``name`` parameter is compared with ``tk:matchKey`` (see :mod:`.params`),
so a typo silently finds nothing. :func:`check_names` catches that before the
query runs: a name the user gave must be the match key of a stored entity, or
part of one (``entity-search.rq`` looks names up by part); otherwise the
error lists the closest stored names, ranked by how alike their match keys
are (:func:`difflib.SequenceMatcher` ratio).

Only values given on the command line or the query page are checked, not a
query's defaults, which may name an entity a small store does not hold.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from techkg.errors import QueryError
from techkg.text import match_key

if TYPE_CHECKING:
    from techkg.sparql.params import Param
    from techkg.store import GraphStore

MAX_SUGGESTIONS = 5
SIMILAR_ENOUGH = 0.5  # SequenceMatcher ratio of two match keys below which a name is not offered



@dataclass
class StoredName:
    """The names of one entity that share a match key (英伟达, 英偉達), and its plain label."""

    entity: str
    label: str
    names: list[str]


_NAMES_Q = """SELECT ?e ?n ?label WHERE {
  VALUES ?t { tk:Company tk:Product } ?e a ?t ; rdfs:label ?label .
  FILTER(LANG(?label) = "")
  { ?e rdfs:label ?n } UNION { ?e skos:altLabel ?n }
}"""


def check_names(store: GraphStore, values: Mapping[str, str], params: Sequence[Param]) -> None:
    """Refuse a ``name`` parameter that names no stored entity, suggesting the closest names.

    Raises:
        QueryError: ``--param company: no company or product named '英伟逹' in the store;
            did you mean 英伟达 (NVIDIA)?``
    """
    for p in params:
        if p.kind != "name" or p.name not in values:
            continue
        key = match_key(values[p.name])
        if not key or _known(store, key):
            continue
        names = _names(store)
        if any(key in k for k in names):
            continue
        close = suggestions(values[p.name], names)
        hint = (f"did you mean {', '.join(close)}?" if close
                else "nothing stored is close; search with 'techkg query -f entity-search -p text=PART'")
        raise QueryError(f"--param {p.name}: no company or product named {values[p.name]!r} in the store; {hint}")


def suggestions(given: str, names: Mapping[str, StoredName], limit: int = MAX_SUGGESTIONS) -> list[str]:
    """The stored names closest to ``given``, one per entity, best first, as ``name (label)``.

    Keys are compared; the name shown is the one written most like ``given``
    (輝達 for a Traditional typo, 英伟达 for a Simplified one).

    Args:
        given: the name as given.
        names: match key → the stored names with that key.
        limit: most names returned.

    >>> names = {"英伟达": StoredName("e1", "NVIDIA", ["英伟达", "英偉達"]),
    ...          "辉达": StoredName("e1", "NVIDIA", ["輝達"]),
    ...          "华为": StoredName("e3", "Huawei", ["华为", "華為"])}
    >>> suggestions("英偉逹", names), suggestions("華偽", names)
    (['英偉達 (NVIDIA)'], ['華為 (Huawei)'])
    """
    key = match_key(given)
    scored = sorted(((_alike(key, k), k) for k in names), key=lambda s: (-s[0], s[1]))
    out: list[str] = []
    seen: set[str] = set()
    for ratio, k in scored:
        if ratio < SIMILAR_ENOUGH or len(out) >= limit:
            break
        stored = names[k]
        if stored.entity not in seen:
            seen.add(stored.entity)
            shown = max(stored.names, key=lambda n: _alike(given, n))
            out.append(shown if shown == stored.label else f"{shown} ({stored.label})")
    return out


def _alike(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def _known(store: GraphStore, key: str) -> bool:
    import pyoxigraph as ox

    return bool(store.query(f"ASK {{ ?e tk:matchKey {ox.Literal(key)} }}"))


def _names(store: GraphStore) -> dict[str, StoredName]:
    """match key → the entity and its names with that key, for every label and alias."""
    out: dict[str, StoredName] = {}
    for row in store.select(_NAMES_Q):
        name = str(row["n"])
        k = match_key(name)
        if not k:
            continue
        stored = out.setdefault(k, StoredName(str(row["e"]), str(row["label"]), []))
        if name not in stored.names:
            stored.names.append(name)
    return out
