"""Statistics: counts, rankings by degree and PageRank, Louvain communities."""

from __future__ import annotations

import networkx as nx
import pytest
from graph_samples import extractions

from techkg.network import to_networkx
from techkg.stats import compute_stats, counts, find_communities, rank_companies, undirected
from techkg.store import GraphStore

C = "https://w3id.org/techkg/id/company/"


@pytest.fixture(scope="module")
def store() -> GraphStore:
    s = GraphStore.open(None)
    s.put_many(extractions())
    return s


def test_counts(store):
    c = counts(store)
    assert c["articles"] == 6
    assert (c["first_date"], c["last_date"]) == ("2023-03-17", "2023-11-06")
    assert (c["companies"], c["products"]) == (13, 8)
    assert (c["partnership_statements"], c["partner_pairs"], c["release_statements"]) == (11, 10, 8)
    assert c["quads"] == len(store)


def test_rankings(store):
    by_degree, by_rank = rank_companies(to_networkx(store), top=3)
    assert [r.label for r in by_degree] == ["NVIDIA", "MediaTek", "TSMC"]
    assert by_degree[0].degree == 11 and by_degree[0].label_zh == "英伟达"
    assert by_rank[0].iri == C + "nvidia"
    assert by_rank[0].pagerank > by_rank[1].pagerank > 0


def test_pagerank_is_a_distribution(store):
    h = undirected(to_networkx(store))
    assert sum(nx.pagerank(h, weight="weight").values()) == pytest.approx(1.0)


def test_communities_are_deterministic(store):
    g = to_networkx(store)
    a, b = find_communities(g), find_communities(g)
    assert a == b and a
    first = a[0]
    assert first.members[0] == "NVIDIA" and first.size == len(first.members)
    assert all(c.size >= 3 for c in a)


def test_compute_stats_on_empty_store():
    s = compute_stats(GraphStore.open(None))
    assert s.counts["articles"] == 0 and s.communities == [] and s.top_pagerank == []
    assert s.as_dict()["counts"]["quads"] == 0
