"""The Oxigraph store: idempotent atomic writes, removal, queries, errors, kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest
from graph_samples import ARTICLES, build, extractions
from rdflib import Graph
from rdflib.compare import isomorphic

from techkg.errors import QueryError, QueryTimeout, StoreError
from techkg.triples import article_graph
from techkg.records import Extraction
from techkg.store import GraphStore, syntax_error
from techkg.vocab import Ids

IDS = Ids()
HERE = Path(__file__).resolve().parent
SRC = HERE.parents[1] / "src"


def sample(aid: str) -> Extraction:
    return build(next(a for a in ARTICLES if a[0] == aid))


def graph_of(store: GraphStore, article_id: str) -> Graph:
    g = Graph()
    nt = store.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(str(IDS.graph(article_id))))
    return g.parse(data=nt.decode("utf-8"), format="nt")


@pytest.fixture
def mem() -> GraphStore:
    return GraphStore.open(None)


def test_put_is_idempotent(mem):
    ex = sample("gtc-culitho")
    assert mem.put(ex) == "new"
    n = len(mem)
    assert mem.put(ex) == "unchanged"
    assert len(mem) == n
    assert mem.status(ex.article) == "unchanged"
    assert mem.content_hash("gtc-culitho") == ex.article.content_hash
    assert isomorphic(graph_of(mem, "gtc-culitho"), article_graph(ex))


def test_changed_article_replaces_its_statements(mem):
    old = sample("gtc-cloud")
    mem.put(old)
    # the same article corrected: the Quantum Machines sentence is gone
    text = old.article.text.split("本次GTC")[0]
    new = Extraction(
        replace(old.article, text=text),
        tuple(e for e in old.entities if e.key not in ("quantum machines", "nvidia-dgx-quantum")),
        tuple(r for r in old.relations if r.end <= len(text)),
    )
    assert mem.status(new.article) == "updated"
    assert mem.put(new) == "updated"
    assert isomorphic(graph_of(mem, "gtc-cloud"), article_graph(new))
    assert not bool(mem.query(f"ASK {{ ?s ?p <{IDS.company('quantum machines')}> }}"))
    assert mem.check() == []


def test_force_rewrites_unchanged(mem):
    ex = sample("ai-race")
    mem.put(ex)
    assert mem.put(ex, force=True) == "updated"


def test_same_url_other_id_is_another_article(mem):
    ex = sample("gtc-culitho")
    mem.put(ex)
    other = Extraction(replace(ex.article, id="culitho-renamed"), ex.entities, ex.relations)
    assert mem.put(other) == "new"  # an explicit id wins: nothing is replaced by URL
    assert sorted(a.id for a in mem.articles()) == ["culitho-renamed", "gtc-culitho"]
    tracked = ex.article.url + "?utm_source=weibo&spm=a1"
    assert mem.ids_with_url(tracked) == ["culitho-renamed", "gtc-culitho"]


@pytest.mark.parametrize(
    "how",
    [
        "https://example.com/news/gtc-culitho?utm_source=feed&fbclid=x",
        "http://www.example.com/news/gtc-culitho/",
        "HTTPS://EXAMPLE.COM/news/gtc-culitho#comments",
    ],
)
def test_remove_url_ignores_what_normalisation_drops(mem, how):
    mem.put(sample("gtc-culitho"))
    mem.put(sample("ai-race"))
    assert mem.remove(how) is True
    assert [a.id for a in mem.articles()] == ["ai-race"]


def test_remove_by_the_file_it_was_read_from(mem, tmp_path, monkeypatch):
    page = tmp_path / "news" / "culitho.md"
    page.parent.mkdir()
    page.write_text("x", "utf-8")
    ex = sample("gtc-culitho")
    mem.put(Extraction(replace(ex.article, origin=str(page.resolve())), ex.entities, ex.relations))
    mem.put(sample("ai-race"))
    monkeypatch.chdir(tmp_path)
    assert mem.find_articles("news/culitho.md") == ["gtc-culitho"]
    page.unlink()  # a file deleted since is still found by its path
    assert mem.remove(str(tmp_path / "news" / ".." / "news" / "culitho.md")) is True
    assert [a.id for a in mem.articles()] == ["ai-race"]


def test_put_many_is_one_transaction_with_statuses(mem):
    exs = extractions()
    assert mem.put_many(exs) == ["new"] * len(exs)
    again = [exs[0], replace_text(exs[1], "（更正）"), exs[0]]
    assert mem.put_many(again) == ["unchanged", "updated", "unchanged"]
    assert len(mem.articles()) == len(exs)
    assert mem.check() == []


def replace_text(ex: Extraction, suffix: str) -> Extraction:
    return Extraction(replace(ex.article, text=ex.article.text + suffix), ex.entities, ex.relations)


def test_union_default_graph_merges_entities_across_articles(mem):
    for ex in extractions():
        mem.put(ex)
    nvidia = IDS.company("nvidia")
    rows = mem.select(f"SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ <{nvidia}> a tk:Company }} }}")
    assert rows == [{"n": 4}]
    # no GRAPH clause: the default graph is the union of all article graphs
    partners = mem.select(f"SELECT DISTINCT ?p WHERE {{ <{IDS.company('nvidia')}> tk:partnerOf ?p }}")
    assert len(partners) == 8


@pytest.mark.parametrize("how", ["gtc-culitho", "https://example.com/news/gtc-culitho", str(IDS.article("gtc-culitho"))])
def test_remove_by_id_url_or_iri(mem, how):
    mem.put(sample("gtc-culitho"))
    mem.put(sample("ai-race"))
    assert mem.remove(how) is True
    assert [a.id for a in mem.articles()] == ["ai-race"]
    assert mem.remove(how) is False
    assert mem.check() == []


def test_remove_article_with_cjk_id(mem):
    ex = sample("huawei-mate")
    ex = Extraction(replace(ex.article, id="华为 Mate 60"), ex.entities, ex.relations)
    mem.put(ex)
    assert mem.find_articles("华为 Mate 60") == ["华为 Mate 60"]
    assert mem.remove("华为 Mate 60") and len(mem) == 0


def test_articles_listing(mem):
    for ex in extractions():
        mem.put(ex)
    arts = mem.articles()
    assert [a.date for a in arts] == sorted(a.date for a in arts)
    tw = next(a for a in arts if a.id == "tw-nvidia-tsmc")
    assert tw.title == "輝達與台積電攜手推進先進製程" and tw.url == "https://example.com.tw/news/nvidia-tsmc"


def test_syntax_error_names_line_and_column(mem):
    q = "SELECT ?s WHERE {\n  ?s a tk:Company\n  FILTER(\n}"
    with pytest.raises(QueryError) as err:
        mem.query(q)
    msg = str(err.value)
    assert "at line 4, column" in msg and msg.rstrip().endswith("^")


def test_syntax_error_helper_without_position():
    assert str(syntax_error("x", SyntaxError("weird"))) == "SPARQL syntax error: weird"


def test_unknown_prefix_is_a_query_error(mem):
    with pytest.raises(QueryError, match="unknown prefix.*tk:, tkid:"):
        mem.query("SELECT * WHERE { ?s foo:bar ?o }")


def test_timeout(mem):
    for ex in extractions():
        mem.put(ex)
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g tk:key ?i }"
    with pytest.raises(QueryTimeout, match="time limit exceeded"):
        mem.query(slow, timeout_s=0.01)
    fast = mem.query("SELECT ?k WHERE { ?e tk:key ?k } ORDER BY ?k LIMIT 2", timeout_s=10)
    assert [s["k"].value for s in fast] == ["adobe", "asml"]
    assert bool(mem.query("ASK { ?e tk:key 'tsmc' }", timeout_s=10))
    triples = list(mem.query("CONSTRUCT { ?e tk:key ?k } WHERE { ?e tk:key ?k }", timeout_s=10))
    assert len(triples) == 21  # one per distinct entity (H100 NVL is in no article)


def test_on_disk_store_persists_and_locks(tmp_path):
    path = tmp_path / "store"
    with GraphStore.open(path) as s:
        s.put(sample("tw-nvidia-tsmc"))
        n = len(s)
        with pytest.raises(StoreError, match="open in another process"):
            GraphStore.open(path)
    with GraphStore.open(path, read_only=True) as ro:
        assert len(ro) == n
        with pytest.raises(StoreError, match="read-only"):
            ro.put(sample("ai-race"))
    with GraphStore.open(path) as s:
        assert s.status(sample("tw-nvidia-tsmc").article) == "unchanged"


def test_open_errors(tmp_path):
    with pytest.raises(StoreError, match="no store here yet"):
        GraphStore.open(tmp_path / "missing", read_only=True)
    f = tmp_path / "file"
    f.write_text("不是数据库", encoding="utf-8")
    with pytest.raises(StoreError, match="is a file"):
        GraphStore.open(f)
    with pytest.raises(StoreError, match="in-memory"):
        GraphStore.open(None, read_only=True)


def test_check_reports_a_damaged_graph(mem):
    mem.put(sample("ai-race"))
    mem.oxigraph.update(f"DELETE WHERE {{ GRAPH <{IDS.graph('ai-race')}> {{ ?s <{'https://schema.org/url'}> ?o }} }}")
    problems = mem.check()
    assert len(problems) == 2
    assert "ai-race" in problems[0] and "expected" in problems[0]
    assert "no article states" in problems[1]  # the union still holds the deleted triple


WRITER = textwrap.dedent(
    """
    import sys
    from dataclasses import replace
    sys.path[:0] = [{src!r}, {here!r}]
    from graph_samples import extractions
    from techkg.records import Extraction
    from techkg.store import GraphStore
    base = extractions()
    store = GraphStore.open({path!r})
    i = 0
    while True:
        batch = []
        for ex in base:
            a = replace(ex.article, id=f"kill-{{i}}", text=ex.article.text + str(i), url=None)
            batch.append(Extraction(a, ex.entities, ex.relations))
            i += 1
        if i % 2:
            for ex in batch:
                store.put(ex)
        else:
            store.put_many(batch)
        print(i, flush=True)
    """
)


@pytest.mark.parametrize("delay", [0.0, 0.013, 0.029])
def test_kill_9_leaves_every_article_whole(tmp_path, delay):
    path = tmp_path / "store"
    script = WRITER.format(src=str(SRC), here=str(HERE), path=str(path))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    written = 0
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            written = int(line)
            if written >= 60:
                break
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    with GraphStore.open(path) as store:
        assert store.check() == []
        ids = {a.id for a in store.articles()}
        assert len(ids) >= written
        assert {int(i.split("-")[1]) for i in ids} == set(range(len(ids)))
        assert len(store.articles()) == len(list(store.oxigraph.named_graphs()))


def test_default_graph_is_the_union_without_repeats(mem):
    for ex in extractions():
        mem.put(ex)
    nvidia, tsmc = IDS.company("nvidia"), IDS.company("tsmc")
    # NVIDIA is described in four article graphs, but the union states each triple once
    assert mem.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ <{nvidia}> tk:key ?k }}") == [{"n": 1}]
    both = f"ASK {{ <{nvidia}> tk:partnerOf <{tsmc}> }}"
    assert bool(mem.query(both))
    # two articles state the partnership: removing one keeps it, removing both retracts it
    mem.remove("gtc-culitho")
    assert bool(mem.query(both)) and mem.check() == []
    mem.remove("tw-nvidia-tsmc")
    assert not bool(mem.query(both)) and mem.check() == []
    # an entity no remaining article mentions is gone from the union too
    assert not bool(mem.query(f"ASK {{ <{IDS.company('synopsys')}> ?p ?o }}"))


def test_load_restores_an_nq_dump(mem, tmp_path):
    mem.put_many(extractions())
    nq = ox.serialize(mem.named_quads(), None, ox.RdfFormat.N_QUADS)
    other = GraphStore.open(None)
    assert other.load(nq, format="nq") == len(extractions())
    assert len(other) == len(mem) and other.check() == []
    with pytest.raises(StoreError, match="already in the store"):
        other.load(nq, format="nq")
    with pytest.raises(StoreError, match="outside named graphs"):
        GraphStore.open(None).load(b'<http://e/a> <http://e/p> "x" .\n', format="nt")
    with pytest.raises(StoreError, match="cannot load"):
        GraphStore.open(None).load(b"<broken", format="nq")
