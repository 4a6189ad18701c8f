"""Graph statistics: counts, top companies by degree and PageRank, communities.

Counts come from SPARQL on the store; rankings and communities from the
NetworkX projection (:func:`techkg.network.to_networkx`), collapsed to an
undirected weighted graph (an edge's weight is the number of statements
behind it, summed over relation types).

>>> from techkg.store import GraphStore
>>> s = compute_stats(GraphStore.open(None))
>>> s.counts["articles"], s.top_degree
(0, [])
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from techkg.records import EntityType
from techkg.store import GraphStore

if TYPE_CHECKING:
    import networkx as nx

# Dates come from dated articles only: an aggregate over an unbound date is unbound,
# so one undated article must not take part in MIN/MAX (its date is unknown, not the range).
_COUNTS_Q = """
SELECT (COUNT(DISTINCT ?a) AS ?articles) WHERE { GRAPH ?g { ?a a schema:NewsArticle } }
"""
_UNDATED_Q = """
SELECT (COUNT(DISTINCT ?a) AS ?undated)
WHERE { GRAPH ?g { ?a a schema:NewsArticle FILTER NOT EXISTS { ?a schema:datePublished ?d } } }
"""
_DATES_Q = """
SELECT (MIN(?d) AS ?first_date) (MAX(?d) AS ?last_date)
WHERE { GRAPH ?g { ?a a schema:NewsArticle ; schema:datePublished ?d } }
"""
_ENTITIES_Q = """
SELECT ?type (COUNT(DISTINCT ?e) AS ?n)
WHERE { VALUES ?type { tk:Company tk:Product } ?e a ?type } GROUP BY ?type
"""
_EVENTS_Q = """
SELECT ?type (COUNT(?ev) AS ?n)
WHERE { VALUES ?type { tk:Partnership tk:ProductRelease tk:Manufacture } ?ev a ?type } GROUP BY ?type
"""


@dataclass
class RankedEntity:
    """A company with its scores."""

    iri: str
    label: str
    label_zh: str
    degree: int
    pagerank: float


@dataclass
class Community:
    """A group of densely linked entities (Louvain), largest first."""

    size: int
    companies: int
    members: list[str] = field(default_factory=list)  # labels, most connected first


@dataclass
class GraphStats:
    """Everything ``techkg stats`` prints."""

    counts: dict[str, Any]
    top_degree: list[RankedEntity]
    top_pagerank: list[RankedEntity]
    communities: list[Community]

    def as_dict(self) -> dict[str, Any]:
        """Plain dict for JSON."""
        return asdict(self)


def counts(store: GraphStore) -> dict[str, Any]:
    """Articles (and how many have no date), date range, entities, statements and store size.

    The date range is that of the dated articles: an undated article's date is
    unknown for that article only.

    >>> counts(GraphStore.open(None))["quads"]
    0
    """
    row = store.select(_COUNTS_Q)[0]
    dates = store.select(_DATES_Q)[0]
    undated = store.select(_UNDATED_Q)[0]["undated"]
    ents = {r["type"].rsplit("#", 1)[-1]: r["n"] for r in store.select(_ENTITIES_Q)}
    evs = {r["type"].rsplit("#", 1)[-1]: r["n"] for r in store.select(_EVENTS_Q)}
    pairs = store.select(
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?a ?b WHERE { ?a tk:partnerOf ?b FILTER(STR(?a) < STR(?b)) } }"
    )[0]["n"]
    return {
        "articles": row["articles"] or 0,
        "undated_articles": undated or 0,
        "first_date": dates["first_date"],
        "last_date": dates["last_date"],
        "companies": ents.get(EntityType.COMPANY, 0),
        "products": ents.get(EntityType.PRODUCT, 0),
        "partnership_statements": evs.get("Partnership", 0),
        "partner_pairs": pairs,
        "release_statements": evs.get("ProductRelease", 0),
        "maker_statements": evs.get("Manufacture", 0),
        "quads": len(store),
    }


def undirected(g: nx.MultiDiGraph) -> nx.Graph:
    """Collapse the projection: one undirected edge per pair, weights summed.

    >>> import networkx as nx
    >>> m = nx.MultiDiGraph()
    >>> m.add_edge("a", "b", key="release", weight=2); m.add_edge("a", "b", key="maker", weight=1)
    'release'
    'maker'
    >>> undirected(m)["a"]["b"]["weight"]
    3
    """
    import networkx as nx

    h = nx.Graph()
    h.add_nodes_from(g.nodes(data=True))
    for u, v, d in g.edges(data=True):
        if u == v:
            continue
        w = d.get("weight", 1) or 1
        if h.has_edge(u, v):
            h[u][v]["weight"] += w
        else:
            h.add_edge(u, v, weight=w)
    return h


def rank_companies(g: nx.MultiDiGraph, top: int = 10) -> tuple[list[RankedEntity], list[RankedEntity]]:
    """Top companies by degree (distinct neighbours) and by weighted PageRank."""
    import networkx as nx

    h = undirected(g)
    if h.number_of_nodes() == 0:
        return [], []
    pr = nx.pagerank(h, weight="weight") if h.number_of_edges() else {n: 1 / len(h) for n in h}
    companies = [n for n, d in h.nodes(data=True) if d.get("type") == EntityType.COMPANY]

    def entry(n: str) -> RankedEntity:
        d = h.nodes[n]
        return RankedEntity(n, d.get("label", n), d.get("label_zh", ""), h.degree(n), round(pr[n], 6))

    by_degree = sorted(companies, key=lambda n: (-h.degree(n), -pr[n], n))[:top]
    by_rank = sorted(companies, key=lambda n: (-pr[n], -h.degree(n), n))[:top]
    return [entry(n) for n in by_degree], [entry(n) for n in by_rank]


def find_communities(g: nx.MultiDiGraph, *, min_size: int = 3, top: int = 10, seed: int = 7) -> list[Community]:
    """Louvain communities of the collapsed graph (deterministic for a given seed)."""
    import networkx as nx

    h = undirected(g)
    h.remove_nodes_from([n for n in list(h) if h.degree(n) == 0])
    if h.number_of_edges() == 0:
        return []
    groups = nx.community.louvain_communities(h, weight="weight", seed=seed)
    out = []
    for group in groups:
        if len(group) < min_size:
            continue
        members = sorted(group, key=lambda n: (-h.degree(n), n))
        out.append(
            Community(
                size=len(group),
                companies=sum(1 for n in group if h.nodes[n].get("type") == EntityType.COMPANY),
                members=[h.nodes[n].get("label", n) for n in members],
            )
        )
    out.sort(key=lambda c: (-c.size, c.members))
    return out[:top]


def compute_stats(store: GraphStore, *, top: int = 10, graph: Any = None) -> GraphStats:
    """Counts, rankings and communities of the store.

    Args:
        store: an open store.
        top: how many companies/communities to list.
        graph: the projection, if already computed.
    """
    from techkg.network import to_networkx

    g = graph if graph is not None else to_networkx(store, base=store.ids.base)
    by_degree, by_rank = rank_companies(g, top)
    return GraphStats(counts(store), by_degree, by_rank, find_communities(g, top=top))
