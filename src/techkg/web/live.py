"""Read neighbourhoods, search results and entity facts from the live store.

The served explorer never loads the whole store: it asks SPARQL for the
entities within a few links of what was searched (capped), copies just the
quads those entities and their events need into a small in-memory Oxigraph
store, and projects that with :func:`techkg.network.to_networkx` — so the
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
    headline, URL and date; then runs :func:`techkg.network.to_networkx` on it.
    """
    import pyoxigraph as ox
    from rdflib.namespace import PROV, SDO

    from techkg.network import to_networkx
    from techkg.vocab import TK

    ox_store = store.oxigraph
    scratch = ox.Store()
    inside = set(iris)
    manufacturer = ox.NamedNode(str(SDO.manufacturer))
    mentions = ox.NamedNode(str(SDO.mentions))
    article_facts = [ox.NamedNode(str(p)) for p in (SDO.datePublished, SDO.headline, SDO.url)]
    ends = [ox.NamedNode(str(p)) for p in (TK.participant, TK.company, TK.product)]
    derived = ox.NamedNode(str(PROV.wasDerivedFrom))
    participant = ox.NamedNode(str(TK.participant))
    sampled = ox.NamedNode("urn:techkg:sampled-statements")
    quads: list[ox.Quad] = []
    articles: set[tuple[Any, Any]] = set()  # (article, graph)
    ev_parties: dict[Any, set[str]] = {}  # event → its parties inside the set
    ev_kind: dict[Any, str] = {}
    mention_cap = None if max_events is None else max_events * MENTIONS_PER_EVENT
    capped_mentions = []
    for iri in iris:
        node = ox.NamedNode(iri)
        # 1. statements about the entity (makers only when inside the set); a hub restates
        # its labels in every article: past the cap, each distinct statement once more
        n = 0
        for q in ox_store.quads_for_pattern(node, None, None, None):
            if isinstance(q.graph_name, ox.DefaultGraph):
                continue  # the store's union copy; the scratch store is queried as a union
            if q.predicate == manufacturer and getattr(q.object, "value", None) not in inside:
                continue
            n += 1
            if mention_cap is not None and n > mention_cap:
                quads.extend(ox.Quad(t.subject, t.predicate, t.object, sampled)
                             for t in ox_store.quads_for_pattern(node, None, None, ox.DefaultGraph())
                             if t.predicate != manufacturer or t.object.value in inside)
                break
            quads.append(q)
        # 2. the articles that mention it (a sample for hubs; counts fixed below)
        n = 0
        for q in ox_store.quads_for_pattern(None, mentions, node, None):
            if isinstance(q.graph_name, ox.DefaultGraph):
                continue
            n += 1
            if mention_cap is not None and n > mention_cap:
                capped_mentions.append(iri)
                break
            quads.append(q)
            articles.add((q.subject, q.graph_name))
        # 3. events it takes part in (an event links two parties)
        for p in ends:
            for q in ox_store.quads_for_pattern(None, p, node, None):
                ev_parties.setdefault(q.subject, set()).add(iri)
                ev_kind[q.subject] = "partnership" if p == participant else "release"
    per_link: dict[tuple[str, frozenset[str]], int] = {}
    for ev, parties in ev_parties.items():
        if len(parties) < 2:
            continue  # the other party is outside the set
        link = (ev_kind[ev], frozenset(parties))
        per_link[link] = per_link.get(link, 0) + 1
        if max_events is not None and per_link[link] > max_events:
            continue
        ev_quads = [q for q in ox_store.quads_for_pattern(ev, None, None, None)
                    if not isinstance(q.graph_name, ox.DefaultGraph)]
        quads.extend(ev_quads)
        articles.update((q.object, q.graph_name) for q in ev_quads if q.predicate == derived)
    for art, graph in articles:
        for p in article_facts:
            quads.extend(ox_store.quads_for_pattern(art, p, None, graph))
    scratch.extend(quads)
    G = to_networkx(scratch, base=store.ids.base)
    if max_events is not None:  # weights count every event, not just the copied ones
        for u, v, key, d in G.edges(keys=True, data=True):
            d["weight"] = per_link.get((key, frozenset((u, v))), d.get("weight"))
    if capped_mentions:
        _mention_facts(G, store, capped_mentions)
    return G


MENTIONS_PER_EVENT = 4
"""With an event cap, copy at most cap × this many mentioning articles per entity."""


def _mention_facts(G: nx.MultiDiGraph, store: GraphStore, iris: Sequence[str]) -> None:
    """Article count and first/last dates of entities whose mentions were sampled."""
    rows = _rows(store, f"""
        SELECT ?e (COUNT(DISTINCT ?a) AS ?n) (MIN(STR(?d)) AS ?first) (MAX(STR(?d)) AS ?last)
        WHERE {{ {_values("e", iris)} ?a schema:mentions ?e .
                 OPTIONAL {{ ?a schema:datePublished ?d }} }} GROUP BY ?e""")
    for r in rows:
        if r["e"] in G:
            G.nodes[r["e"]].update(articles=int(r["n"]), first_seen=r["first"] or None,
                                   last_seen=r["last"] or None)


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
