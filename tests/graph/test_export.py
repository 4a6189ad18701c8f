"""Exports: Turtle and N-Quads round trips (isomorphic), JSON-LD, GraphML, GEXF, CSV."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest
from graph_samples import extractions
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from techkg.errors import ExportError
from techkg.export import BUILD_FORMATS, export, export_all, flat_graph, write_rdf
from techkg.network import to_networkx
from techkg.triples import article_triples
from techkg.store import GraphStore
from techkg.vocab import Ids

IDS = Ids()


@pytest.fixture(scope="module")
def store() -> GraphStore:
    s = GraphStore.open(None)
    s.put_many(extractions())
    return s


@pytest.fixture(scope="module")
def expected_union() -> Graph:
    """The union of every article's triples, built by rdflib straight from the records."""
    g = Graph()
    for ex in extractions():
        for t in article_triples(ex):
            g.add(t)
    return g


@pytest.fixture(scope="module")
def expected_dataset() -> Dataset:
    ds = Dataset()
    for ex in extractions():
        g = ds.graph(IDS.graph(ex.article.id))
        for t in article_triples(ex):
            g.add(t)
    return ds


def dump(store: GraphStore, fmt: str) -> bytes:
    buf = io.BytesIO()
    write_rdf(store, fmt, buf)
    return buf.getvalue()


def test_turtle_round_trip_is_isomorphic(store, expected_union):
    data = dump(store, "ttl")
    assert b"@prefix tk: <https://w3id.org/techkg/ontology#>" in data
    back = Graph().parse(data=data.decode("utf-8"), format="turtle")
    assert len(back) == len(expected_union)
    assert isomorphic(back, expected_union)


def test_nquads_round_trip_of_the_dataset(store, expected_dataset):
    data = dump(store, "nq")
    back = Dataset()
    back.parse(data=data.decode("utf-8"), format="nquads")
    def named(ds: Dataset) -> set:
        default = ds.default_graph.identifier
        return {(s, p, o, g) for s, p, o, g in ds.quads((None, None, None, None)) if g != default}

    got, want = named(back), named(expected_dataset)
    assert len(got) == sum(len(article_triples(ex)) for ex in extractions())
    assert got == want
    # and back into a fresh store: same content, same projection
    again = GraphStore.open(None)
    again.load(data, format="nq")
    assert len(again) == len(store) and again.check() == []
    assert nx.utils.graphs_equal(to_networkx(again), to_networkx(store))


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("trig", "trig"), ("jsonld", "json-ld")])
def test_trig_and_jsonld_hold_every_article_graph(store, expected_dataset, fmt, rdflib_format):
    back = Dataset()
    back.parse(data=dump(store, fmt).decode("utf-8"), format=rdflib_format)
    graphs = {g.identifier for g in back.graphs() if len(g)}
    assert graphs == {IDS.graph(ex.article.id) for ex in extractions()}
    for g in graphs:
        assert isomorphic(back.graph(g), expected_dataset.graph(g))


def test_graphml_and_gexf_keep_attributes(store, tmp_path):
    g = to_networkx(store)
    written = export_all(store, tmp_path, formats=("graphml", "gexf"), graph=g)
    assert [p.name for p in written] == ["graph.graphml", "graph.gexf"]
    back = nx.read_graphml(tmp_path / "graph.graphml", force_multigraph=True)
    assert set(back.nodes) == set(g.nodes)
    nv = "https://w3id.org/techkg/id/company/nvidia"
    assert back.nodes[nv]["label_zh"] == "英伟达"
    assert json.loads(back.nodes[nv]["aliases"]) == ["NVIDIA", "英伟达", "輝達"]
    edges = back.get_edge_data(nv, "https://w3id.org/techkg/id/company/tsmc")
    data = next(iter(edges.values()))
    assert data["type"] == "partnership" and data["weight"] == 2
    assert json.loads(data["evidence"])[1]["text"].startswith("輝達與台積電")
    gexf = nx.read_gexf(tmp_path / "graph.gexf")
    assert gexf.number_of_nodes() == g.number_of_nodes()
    assert gexf.number_of_edges() == g.number_of_edges()


def test_csv(store, tmp_path):
    paths = export(store, "csv", tmp_path)
    with paths[0].open(encoding="utf-8", newline="") as fh:
        ents = list(csv.DictReader(fh))
    with paths[1].open(encoding="utf-8", newline="") as fh:
        rels = list(csv.DictReader(fh))
    g = to_networkx(store)
    assert len(ents) == g.number_of_nodes() and len(rels) == g.number_of_edges()
    nv = next(e for e in ents if e["key"] == "nvidia")
    assert nv["label_zh"] == "英伟达" and nv["aliases"] == "NVIDIA | 英伟达 | 輝達" and nv["articles"] == "4"
    tw = next(r for r in rels if r["source_label"] == "NVIDIA" and r["target_label"] == "TSMC")
    assert (tw["type"], tw["weight"], tw["articles"]) == ("partnership", "2", "2")
    assert tw["evidence"].startswith("輝達與台積電")  # the most confident statement


def test_flat_graph_turns_lists_into_json():
    g = nx.MultiDiGraph()
    g.add_edge("a", "b", key="release", evidence=[{"text": "百度发布文心一言"}], confidence=None)
    flat = flat_graph(g)
    assert flat.edges["a", "b", "release"] == {"evidence": '[{"text": "百度发布文心一言"}]'}


def test_export_errors(store, tmp_path):
    with pytest.raises(ExportError, match="unknown export format 'xlsx'"):
        export(store, "xlsx", tmp_path)
    with pytest.raises(ExportError, match="give a folder"):
        export(store, "csv", io.BytesIO())
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="cannot write"):
        export(store, "ttl", blocker / "graph.ttl")


def test_export_all_build_formats(store, tmp_path):
    names = sorted(p.name for p in export_all(store, tmp_path))
    assert names == sorted(["graph.ttl", "graph.nq", "graph.jsonld", "graph.graphml", "graph.gexf",
                            "entities.csv", "relations.csv"])
    assert len(BUILD_FORMATS) == 6
    assert not list(tmp_path.glob("*.tmp"))


def test_export_to_a_closed_pipe_ends_quietly(tmp_path):
    """`techkg export -o - | head -1`: the reader goes away early; no traceback, no error."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from graph_samples import ARTICLES, build

    from techkg.records import Extraction

    path = tmp_path / "store"
    with GraphStore.open(path) as s:  # enough articles for the output to outgrow the pipe buffer
        base = build(ARTICLES[0])
        s.put_many([
            Extraction(type(base.article)(**{**base.article.__dict__, "id": f"a{i}", "url": None}),
                       base.entities, base.relations)
            for i in range(60)
        ])
    src = Path(__file__).resolve().parents[2] / "src"
    cmd = [sys.executable, "-c", "from techkg.cli import main; main()", "export", "--format", "nq",
           "-o", "-", "--store", str(path)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(src)})
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline()
    proc.stdout.close()  # what `head -1` does after its line
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0, err
    assert "Traceback" not in err and "BrokenPipe" not in err and err == ""


def test_render_says_what_it_drew_and_warns_on_an_empty_store(tmp_path):
    from typer.testing import CliRunner

    from techkg.cli import app

    path = tmp_path / "store"
    with GraphStore.open(path) as s:
        s.put_many(extractions())
    runner = CliRunner()
    out = tmp_path / "g.html"
    r = runner.invoke(app, ["render", "--store", str(path), "-o", str(out), "--top", "3"])
    assert r.exit_code == 0, r.output
    total = to_networkx(GraphStore.open(path, read_only=True)).number_of_nodes()
    assert f"drew 3 of {total} entities" in r.stderr and "links" in r.stderr
    assert "top 3" in r.stderr  # the page's notes are said too
    empty = tmp_path / "empty"
    GraphStore.open(empty).close()
    r = runner.invoke(app, ["render", "--store", str(empty), "-o", str(tmp_path / "e.html")])
    assert r.exit_code == 1 and "warning: the store holds no entities" in r.stderr
    assert not (tmp_path / "e.html").exists()


def test_turtle_of_names_ending_in_a_full_stop_reads_back_in_rdflib(extractor):
    # "ID." (Volkswagen's ID. family) once became the key "id.", which Turtle writes as product:id\. and
    # rdflib's parser rejects; unlisted keys never end in a full stop.
    from techkg.records import Article

    result = extractor.extract(Article(id="t", text="大众汽车今日推出ID.系列新车，Rivian也发布了R2.。"))
    s = GraphStore.open(None)
    s.put(result)
    assert not [e.key for e in result.entities if e.key.endswith(".")]
    back = Graph().parse(data=dump(s, "ttl").decode("utf-8"), format="turtle")
    assert len(back) > 0
