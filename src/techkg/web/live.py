"""Read neighbourhoods, search results and entity facts from the live store.

The served explorer never loads the whole store: it asks SPARQL for the
entities within a few links of what was searched (capped), copies just the
quads those entities and their events need into a small in-memory Oxigraph
store, and projects that with :func:`techkg.graph.to_networkx` — so the
browser gets exactly the same node and edge attributes as a rendered file.

>>> from techkg.store import GraphStore
>>> with GraphStore.open(None) as store:
...     search(store, "英伟达")
[]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from techkg.text import match_key

if TYPE_CHECKING:
    import networkx as nx

    from techkg.store import GraphStore

_LINK_PATH = (
    "tk:partnerOf|tk:released|^tk:released|schema:manufacturer|^schema:manufacturer"
)


def _iri(value: str) -> str:
    """A SPARQL IRI term, validated (raises ValueError on a malformed IRI)."""
    import pyoxigraph as ox

    return str(ox.NamedNode(value))


def _lit(value: str) -> str:
    import pyoxigraph as ox

    return str(ox.Literal(value))


def _values(var: str, iris: Iterable[str]) -> str:
    return f"VALUES ?{var} {{ {' '.join(_iri(i) for i in iris)} }}"


def _rows(store: GraphStore, sparql: str) -> list[dict[str, Any]]:
    return store.select(sparql)


def entity_exists(store: GraphStore, iri: str) -> bool:
    """True when ``iri`` is a company or product in the store.

    >>> from techkg.store import GraphStore
    >>> entity_exists(GraphStore.open(None), "https://w3id.org/techkg/id/company/nvidia")
    False
    """
    try:
        term = _iri(iri)
    except ValueError:
        return False
    return bool(store.query(f"ASK {{ VALUES ?t {{ tk:Company tk:Product }} {term} a ?t }}"))


def search(store: GraphStore, query: str, *, limit: int = 12) -> list[dict[str, Any]]:
    """Entities whose names match ``query`` in any script, width or case.

    Uses the ``tk:matchKey`` values the graph side stores for every label and
    alias: exact matches first, then prefix, then substring matches, the
    most linked entities first within each group.

    Returns:
        ``[{"id", "label", "type", "aliases", "links"}]``.
    """
    key = match_key(query)
    if not key:
        return []
    if query.startswith(("http://", "https://")) and entity_exists(store, query):
        hits = [query]
    else:
        rows = _rows(store, f"""
            SELECT ?e (MIN(?rank) AS ?best) WHERE {{
              ?e tk:matchKey ?k .
              FILTER(CONTAINS(?k, {_lit(key)}))
              BIND(IF(?k = {_lit(key)}, 0, IF(STRSTARTS(?k, {_lit(key)}), 1, 2)) AS ?rank)
            }} GROUP BY ?e ORDER BY ?best LIMIT 500""")
        ranks = {r["e"]: r["best"] for r in rows}
        if not ranks:
            return []
        links = link_counts(store, ranks)
        hits = sorted(ranks, key=lambda e: (ranks[e], -links.get(e, 0), e))[:limit]
    facts = entity_facts(store, hits)
    return [facts[h] for h in hits if h in facts]


def link_counts(store: GraphStore, iris: Iterable[str]) -> dict[str, int]:
    """Number of distinct linked entities (partners, products, makers) per IRI."""
    iris = list(iris)
    if not iris:
        return {}
    rows = _rows(store, f"""
        SELECT ?e (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {_values("e", iris)}
          ?e {_LINK_PATH} ?x }} GROUP BY ?e""")
    return {r["e"]: int(r["n"]) for r in rows}


def entity_facts(store: GraphStore, iris: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Label, type and aliases of each entity (for search results and page links)."""
    if not iris:
        return {}
    rows = _rows(store, f"""
        SELECT ?e ?type ?label ?zh ?alias WHERE {{ {_values("e", iris)}
          VALUES ?type {{ tk:Company tk:Product }} ?e a ?type .
          OPTIONAL {{ ?e rdfs:label ?label FILTER(LANG(?label) = "") }}
          OPTIONAL {{ ?e rdfs:label ?zh FILTER(LANGMATCHES(LANG(?zh), "zh")) }}
          OPTIONAL {{ ?e skos:altLabel ?alias }}
        }}""")
    links = link_counts(store, iris)
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        item = out.setdefault(r["e"], {
            "id": r["e"], "label": "", "type": r["type"].rsplit("#", 1)[-1],
            "aliases": [], "links": links.get(r["e"], 0), "_zh": set(), "_plain": set(),
        })
        if r["label"]:
            item["_plain"].add(r["label"])
        if r["zh"]:
            item["_zh"].add(r["zh"])
        if r["alias"] and r["alias"] not in item["aliases"]:
            item["aliases"].append(r["alias"])
    for item in out.values():
        zh, plain = sorted(item.pop("_zh")), sorted(item.pop("_plain"))
        item["label"] = (zh or plain or [item["id"].rsplit("/", 1)[-1]])[0]
        item["name_en"] = plain[0] if plain else ""
        item["aliases"].sort()
    return out


def overview(store: GraphStore, *, limit: int = 150) -> list[str]:
    """The most linked entities: what the explorer shows before any search."""
    rows = _rows(store, f"""
        SELECT ?e (COUNT(DISTINCT ?x) AS ?n) WHERE {{
          VALUES ?t {{ tk:Company tk:Product }} ?e a ?t . ?e {_LINK_PATH} ?x
        }} GROUP BY ?e ORDER BY DESC(?n) STR(?e) LIMIT {int(limit)}""")
    return [r["e"] for r in rows]


def expand(store: GraphStore, seeds: Sequence[str], hops: int, *,
           max_nodes: int = 400) -> tuple[list[str], bool]:
    """Entities within ``hops`` links of the seeds, at most ``max_nodes`` of them.

    When a ring of neighbours does not fit, the ones with most links into
    what is already kept are taken first.

    Returns:
        ``(iris, cut)``: seeds first, then by distance; ``cut`` is True when
        the cap dropped entities.
    """
    kept: list[str] = list(dict.fromkeys(seeds))
    seen = set(kept)
    frontier = list(kept)
    cut = False
    for _ in range(max(hops, 0)):
        if not frontier or len(kept) >= max_nodes:
            cut = cut or bool(frontier)
            break
        rows = _rows(store, f"""
            SELECT ?n (COUNT(DISTINCT ?s) AS ?c) WHERE {{ {_values("s", frontier)}
              ?s {_LINK_PATH} ?n }} GROUP BY ?n ORDER BY DESC(?c) STR(?n)""")
        new = [r["n"] for r in rows if r["n"] not in seen]
        room = max_nodes - len(kept)
        if len(new) > room:
            cut = True
            new = new[:room]
        kept += new
        seen.update(new)
        frontier = new
    return kept, cut


def subgraph(store: GraphStore, iris: Sequence[str], *,
             max_events: int | None = None) -> nx.MultiDiGraph:
    """The NetworkX projection of the given entities and the links among them.

    With ``max_events``, at most that many events (evidence sentences) per
    link are copied, so a hub with thousands of articles costs what a small
    entity costs; each edge's ``weight`` still counts every event.

    Copies into a scratch in-memory store, straight from Oxigraph's quad
    indexes and from the article graphs only (not the store's union default
    graph): every statement about the entities (labels, aliases, types,
    makers inside the set), the articles mentioning them with their dates,
    and every event whose parties are all in the set with its article's
    headline, URL and date; then runs :func:`techkg.graph.to_networkx` on it.
    """
    import pyoxigraph as ox
    from rdflib.namespace import PROV, SDO

    from techkg.graph import to_networkx
    from techkg.vocab import TK

    ox_store = store.oxigraph
    scratch = ox.Store()
    inside = set(iris)
    manufacturer = ox.NamedNode(str(SDO.manufacturer))
    mentions = ox.NamedNode(str(SDO.mentions))
    article_facts = [ox.NamedNode(str(p)) for p in (SDO.datePublished, SDO.headline, SDO.url)]
    ends = [ox.NamedNode(str(p)) for p in (TK.participant, TK.company, TK.product)]
    derived = ox.NamedNode(str(PROV.wasDerivedFrom))
    type_pred = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    quads: list[ox.Quad] = []
    articles: set[tuple[Any, Any]] = set()  # (article, graph)
    events: set[Any] = set()
    per_link: dict[tuple[Any, ...], int] = {}  # (event type, parties) → events seen
    for iri in iris:
        node = ox.NamedNode(iri)
        # 1. statements about the entity (makers only when inside the set)
        for q in ox_store.quads_for_pattern(node, None, None, None):
            if isinstance(q.graph_name, ox.DefaultGraph):
                continue  # the store's union copy; the scratch store is queried as a union
            if q.predicate == manufacturer and getattr(q.object, "value", None) not in inside:
                continue
            quads.append(q)
        # 2. the articles that mention it
        for q in ox_store.quads_for_pattern(None, mentions, node, None):
            if isinstance(q.graph_name, ox.DefaultGraph):
                continue
            quads.append(q)
            articles.add((q.subject, q.graph_name))
        # 3. events it takes part in
        for p in ends:
            events.update(q.subject for q in ox_store.quads_for_pattern(None, p, node, None))
    for ev in events:
        ev_quads = [q for q in ox_store.quads_for_pattern(ev, None, None, None)
                    if not isinstance(q.graph_name, ox.DefaultGraph)]
        parties = {q.object.value for q in ev_quads if q.predicate in ends}
        if not parties <= inside:
            continue
        link = (*sorted({q.object.value for q in ev_quads if q.predicate == type_pred}),
                *sorted(parties))
        per_link[link] = per_link.get(link, 0) + 1
        if max_events is not None and per_link[link] > max_events:
            continue
        quads.extend(ev_quads)
        articles.update((q.object, q.graph_name) for q in ev_quads if q.predicate == derived)
    for art, graph in articles:
        if isinstance(graph, ox.DefaultGraph):
            continue
        for p in article_facts:
            quads.extend(ox_store.quads_for_pattern(art, p, None, graph))
    scratch.extend(quads)
    G = to_networkx(scratch, base=store.ids.base)
    if max_events is not None and any(n > max_events for n in per_link.values()):
        _true_weights(G, store, max_events)
    return G


def _true_weights(G: nx.MultiDiGraph, store: GraphStore, max_events: int) -> None:
    """Set the weight of links whose evidence was capped to their full event count."""
    capped = [(u, v, k) for u, v, k, d in G.edges(keys=True, data=True)
              if len(d.get("evidence") or []) >= max_events]
    if not capped:
        return
    ends = {"partnership": ("tk:participant", "tk:participant"),
            "release": ("tk:company", "tk:product")}
    for u, v, k in capped:
        if k not in ends:
            continue
        a, b = ends[k]
        cls = "tk:Partnership" if k == "partnership" else "tk:ProductRelease"
        rows = _rows(store, f"""SELECT (COUNT(DISTINCT ?ev) AS ?n) WHERE {{
            ?ev a {cls} ; {a} {_iri(u)} ; {b} {_iri(v)} }}""")
        if rows and rows[0]["n"]:
            G.edges[u, v, k]["weight"] = int(rows[0]["n"])


def neighbourhood_graph(store: GraphStore, seeds: Sequence[str], hops: int, *,
                        max_nodes: int = 400,
                        max_events: int | None = None) -> tuple[nx.MultiDiGraph, list[str]]:
    """Projection of the neighbourhood of ``seeds`` plus notes for the page (see :func:`subgraph`)."""
    iris, cut = expand(store, seeds, hops, max_nodes=max_nodes)
    notes = []
    if cut:
        notes.append(f"Neighbourhood cut to {len(iris):,} entities (the most linked first); "
                     "double-click an entity to open its own neighbourhood.")
    return subgraph(store, iris, max_events=max_events), notes


def labels_by_language(store: GraphStore, iri: str) -> list[tuple[str, str]]:
    """``(language or "", label)`` pairs of an entity, sorted."""
    rows = _rows(store, f"SELECT DISTINCT ?l (LANG(?l) AS ?lang) WHERE {{ {_iri(iri)} rdfs:label ?l }}")
    return sorted((r["lang"] or "", r["l"]) for r in rows)
