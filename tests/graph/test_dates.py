"""Undated articles: their date is unknown for them only, never for the rest of the store."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import networkx as nx
import pytest
from graph_samples import ARTICLES, build, extractions

from techkg.export import export
from techkg.network import to_networkx
from techkg.records import Extraction
from techkg.sparql import bind, read_query_file, shipped_queries
from techkg.stats import counts
from techkg.store import GraphStore
from techkg.vocab import Ids

IDS = Ids()
NVIDIA_FIRST = min(a[2] for a in ARTICLES if "nvidia" in a[6])
QUERIES = shipped_queries()[0].parent  # the package's queries folder


@pytest.fixture(scope="module")
def store() -> GraphStore:
    """The samples, plus one undated article naming NVIDIA, TSMC and releasing a product."""
    s = GraphStore.open(None)
    s.put_many(extractions())
    culitho = build(next(a for a in ARTICLES if a[0] == "gtc-culitho"))
    undated = Extraction(replace(culitho.article, id="undated", date=None, url=None), culitho.entities,
                         culitho.relations)
    s.put(undated)
    return s


def test_stats_keep_the_date_range(store):
    c = counts(store)
    assert (c["first_date"], c["last_date"]) == (min(a[2] for a in ARTICLES), max(a[2] for a in ARTICLES))
    assert (c["articles"], c["undated_articles"]) == (len(ARTICLES) + 1, 1)


def test_first_and_last_seen_ignore_the_undated_article(store):
    g = to_networkx(store)
    nvidia = g.nodes[str(IDS.company("nvidia"))]
    assert nvidia["first_seen"] == NVIDIA_FIRST and nvidia["last_seen"] is not None
    assert nvidia["articles"] == 5  # the undated article still counts as an article
    synopsys = g.nodes[str(IDS.company("synopsys"))]  # named only in culitho and its undated copy
    assert synopsys["first_seen"] == synopsys["last_seen"] == "2023-03-21"


def test_entities_csv_and_graphml_keep_dates(store, tmp_path):
    export(store, "csv", tmp_path)
    rows = {r["key"]: r for r in csv.DictReader(io.StringIO((tmp_path / "entities.csv").read_text("utf-8")))}
    assert rows["nvidia"]["first_seen"] == NVIDIA_FIRST and rows["tsmc"]["last_seen"]
    export(store, "graphml", tmp_path / "g.graphml")
    g = nx.read_graphml(tmp_path / "g.graphml")
    assert g.nodes[str(IDS.company("nvidia"))]["first_seen"] == NVIDIA_FIRST


def run_query(store, name: str, **params: str) -> list[dict]:
    q = read_query_file(QUERIES / name)
    return store.select(bind(q.text, params, q.params))


def test_releases_list_undated_ones_unless_a_range_is_asked(store):
    rows = run_query(store, "releases.rq", company="英伟达")
    undated = [r for r in rows if r["article"] == str(IDS.article("undated"))]
    assert len(undated) == 1 and undated[0]["date"] is None
    assert rows[-1]["date"] is None  # unknown dates come last
    ranged = run_query(store, "releases.rq", company="英伟达", undated="no")
    assert all(r["date"] is not None for r in ranged) and len(ranged) == len(rows) - 1


def test_timeline_counts_undated_statements(store):
    rows = run_query(store, "timeline.rq")
    months = {r["month"] for r in rows}
    assert "undated" in months and "2023-03" in months
    undated = {r["type"]: r["statements"] for r in rows if r["month"] == "undated"}
    assert undated == {"partnership": 3, "release": 1}
