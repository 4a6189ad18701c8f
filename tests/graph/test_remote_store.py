"""The remote store against a real Oxigraph SPARQL server started on 127.0.0.1 by these tests.

Ingest is idempotent, a changed article replaces its graph, remove works, the
shipped queries, exports and stats give what the embedded store gives on the
same articles, a dead server fails clearly after bounded retries, and the
credentials reach the server (a small recording HTTP server checks the headers).
"""

from __future__ import annotations

import base64
import io
import json
import threading
import time
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from graph_samples import ARTICLES, build, extractions
from oxigraph_server import free_port, oxigraph_server
from rdflib import Graph
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from techkg.cli import app
from techkg.errors import QueryError, QueryTimeout, StoreError
from techkg.export import write_rdf
from techkg.vocab import term_value
from techkg.network import to_networkx
from techkg.triples import article_graph
from techkg.records import Extraction
from techkg.remote_store import Endpoints, RemoteStore, redact
from techkg.sparql import bind, read_query_file, shipped_queries
from techkg.stats import compute_stats
from techkg.store import GraphStore
from techkg.vocab import Ids

IDS = Ids()
QUERIES = shipped_queries()[0].parent  # the package's queries folder
C = "https://w3id.org/techkg/id/company/"


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> str:
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph") / "data") as url:
        yield url


@pytest.fixture
def remote(server) -> RemoteStore:
    """An empty remote store (the server's dataset is cleared before each test)."""
    httpx.post(f"{server}/update", content="DROP ALL", headers={"Content-Type": "application/sparql-update"})
    with GraphStore.open(server) as store:
        yield store


def sample(aid: str) -> Extraction:
    return build(next(a for a in ARTICLES if a[0] == aid))


def nquads(store: GraphStore) -> list[str]:
    buf = io.BytesIO()
    write_rdf(store, "nq", buf)
    return sorted(buf.getvalue().decode("utf-8").splitlines())


def graph_of(store: GraphStore, article_id: str) -> Graph:
    import pyoxigraph as ox

    nt = store.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(str(IDS.graph(article_id))))
    return Graph().parse(data=nt.decode("utf-8"), format="nt")


# ------------------------------------------------------------------ endpoints and open


def test_endpoint_layouts():
    ox = Endpoints.parse("http://127.0.0.1:7878")
    assert (ox.query, ox.update, ox.store) == (
        "http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update", "http://127.0.0.1:7878/store")
    fuseki = Endpoints.parse("http://localhost:3030/知识图谱/?store=data")  # a Unicode dataset name
    assert fuseki.query == "http://localhost:3030/知识图谱/query"
    assert fuseki.store == "http://localhost:3030/知识图谱/data"
    assert Endpoints.parse("https://kg.example.org/ds?update=/admin/update").update == (
        "https://kg.example.org/admin/update")
    with pytest.raises(StoreError, match="unknown endpoint 'sparql'.*query=PATH"):
        Endpoints.parse("http://h:1/?sparql=q")
    with pytest.raises(StoreError, match="TECHKG_STORE_USER") as err:
        Endpoints.parse("http://ann:s3cret@h:1/")
    assert "s3cret" not in str(err.value)
    assert redact("https://ann:s3cret@h:1/x") == "https://h:1/x"


def test_open_dispatches_on_the_url_and_reads_read_only(server, remote, tmp_path):
    assert isinstance(remote, RemoteStore) and repr(remote) == f"RemoteStore({server!r})"
    with GraphStore.open(tmp_path / "local") as local:
        assert type(local) is GraphStore
    remote.put_many(extractions())
    with GraphStore.open(server, read_only=True) as ro:
        assert len(ro) == len(remote) > 0
        with pytest.raises(StoreError, match="read-only"):
            ro.put(sample("ai-race"))
        with pytest.raises(StoreError, match="read-only"):
            ro.remove("ai-race")


# ------------------------------------------------------------------ writing


def test_put_is_idempotent_and_stores_what_the_embedded_store_stores(remote):
    exs = extractions()
    embedded = GraphStore.open(None)
    assert remote.put_many(exs) == embedded.put_many(exs) == ["new"] * len(exs)
    n = len(remote)
    assert remote.put_many(exs) == ["unchanged"] * len(exs)
    assert len(remote) == n == len(embedded)
    assert remote.status(exs[0].article) == "unchanged"
    assert remote.check() == []
    assert nquads(remote) == nquads(embedded)
    # Traditional-Chinese article: its graph is exactly what it states
    assert isomorphic(graph_of(remote, "tw-nvidia-tsmc"), article_graph(sample("tw-nvidia-tsmc")))


def test_changed_article_replaces_its_graph(remote):
    old = sample("gtc-cloud")
    remote.put_many([old, sample("gtc-culitho")])
    text = old.article.text.split("本次GTC")[0]  # the corrected article drops the Quantum Machines sentence
    new = Extraction(
        replace(old.article, text=text),
        tuple(e for e in old.entities if e.key not in ("quantum machines", "nvidia-dgx-quantum")),
        tuple(r for r in old.relations if r.end <= len(text)),
    )
    assert remote.status(new.article) == "updated"
    assert remote.put(new) == "updated"
    assert isomorphic(graph_of(remote, "gtc-cloud"), article_graph(new))
    assert not bool(remote.query(f"ASK {{ ?s ?p <{C}quantum%20machines> }}"))  # gone from the union too
    assert bool(remote.query(f"ASK {{ <{C}nvidia> ?p ?o }}"))  # still stated by gtc-culitho
    assert remote.check() == []


def test_remove_by_id_and_by_url(remote):
    remote.put_many(extractions())
    assert remote.remove("tw-nvidia-tsmc")
    assert remote.status(sample("tw-nvidia-tsmc").article) == "new"
    url = sample("ai-race").article.url
    assert url and remote.remove(url)
    assert not remote.remove("no-such-article")
    assert {a.id for a in remote.articles()} == {e.article.id for e in extractions()} - {"tw-nvidia-tsmc", "ai-race"}
    assert remote.check() == []


def test_one_update_request_is_one_transaction_on_oxigraph(server, remote):
    """The guarantee per-article atomicity rests on: a failing request leaves nothing behind."""
    g = IDS.graph("half-written")
    resp = httpx.post(
        f"{server}/update", headers={"Content-Type": "application/sparql-update"},
        content=f'INSERT DATA {{ GRAPH <{g}> {{ <{C}x> <{C}p> "半" }} }} ; DROP GRAPH <{C}no-such-graph>',
    )
    assert resp.status_code >= 400
    assert len(remote) == 0


def test_export_load_round_trip(remote):
    remote.put_many(extractions())
    data = "\n".join(nquads(remote)).encode("utf-8")
    embedded = GraphStore.open(None)
    assert embedded.load(data, format="nq") == len(extractions())
    assert embedded.check() == []
    remote.remove("ai-race")
    with pytest.raises(StoreError, match="already in the store"):
        remote.load(data, format="nq")


# ------------------------------------------------------------------ the corpus: same answers as embedded


@pytest.fixture(scope="module")
def corpus_pair(tmp_path_factory, extractor, corpus_dir):
    """The repository's corpus extracted once, put into a remote store (its own server) and an embedded one."""
    from techkg.read import read_articles

    articles = [a for a in read_articles([str(corpus_dir)]) if not isinstance(a, Exception)]
    exs = list(extractor.pipe(articles))
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph-corpus") / "data") as url:
        remote = GraphStore.open(url)
        embedded = GraphStore.open(None)
        remote.put_many(exs)
        embedded.put_many(exs)
        yield remote, embedded
        remote.close()


def rows_of(result) -> list[tuple]:
    if hasattr(result, "variables"):
        names = [v.value for v in result.variables]
        return [tuple(term_value(r[n]) for n in names) for r in result]
    return sorted(str(t) for t in result)


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.stem)
def test_shipped_queries_answer_the_same(corpus_pair, path):
    remote, embedded = corpus_pair
    q = read_query_file(path)
    values = {"article": embedded.articles()[0].id} if any(p.default is None for p in q.params) else {}
    text = bind(q.text, values, q.params)
    want = rows_of(embedded.query(text))
    got = rows_of(remote.query(text))
    if path.stem != "common-partners":
        assert want, f"{path.stem}: no answer on the corpus"
    assert norm(got) == norm(want)


def norm(rows: list) -> list[str]:
    """Rows as a sorted list, GROUP_CONCAT parts sorted (their order is unspecified)."""
    def cell(v):
        return " | ".join(sorted(v.split(" | "))) if isinstance(v, str) and " | " in v else v
    return sorted(repr(tuple(map(cell, r)) if isinstance(r, tuple) else r) for r in rows)


def test_corpus_exports_stats_and_projection_are_the_same(corpus_pair):
    remote, embedded = corpus_pair
    assert remote.check() == []
    assert nquads(remote) == nquads(embedded)
    ttl = {}
    for name, store in (("remote", remote), ("embedded", embedded)):
        buf = io.BytesIO()
        write_rdf(store, "ttl", buf)
        ttl[name] = Graph().parse(data=buf.getvalue().decode("utf-8"), format="turtle")
    assert len(ttl["remote"]) > 1000 and isomorphic(ttl["remote"], ttl["embedded"])
    assert compute_stats(remote).as_dict() == compute_stats(embedded).as_dict()
    g_remote, g_embedded = to_networkx(remote), to_networkx(embedded)
    assert sorted(g_remote.nodes(data=True)) == sorted(g_embedded.nodes(data=True))
    assert sorted(g_remote.edges(keys=True)) == sorted(g_embedded.edges(keys=True))


def test_web_app_projection_reads_the_remote_store(corpus_pair):
    from techkg.web.projection import Projection

    remote, embedded = corpus_pair
    a, b = Projection.build(remote), Projection.build(embedded)
    iris = [f"{C}nvidia", f"{C}tsmc", f"{C}mediatek", f"{C}foxconn"]
    ga, gb = a.graph(iris), b.graph(iris)
    assert ga.number_of_edges() > 0
    assert sorted(ga.nodes(data=True)) == sorted(gb.nodes(data=True))
    assert sorted(ga.edges(keys=True, data=True), key=repr) == sorted(gb.edges(keys=True, data=True), key=repr)
    assert a.search("輝達") == b.search("輝達")


def test_ingest_and_cli_on_the_remote_store(server, remote, extractor, corpus_dir):
    from techkg.ingest import ingest

    files = [str(p) for p in sorted(corpus_dir.glob("*.md"))[:3]]
    first = ingest(files, remote, extractor=extractor)
    again = ingest(files, remote, extractor=extractor)
    assert (first.new, first.unchanged, again.new, again.unchanged) == (3, 0, 0, 3)
    runner = CliRunner()
    res = runner.invoke(app, ["query", "--store", server, "--format", "json",
                              "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle }"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["results"]["bindings"][0]["n"]["value"] == "3"
    res = runner.invoke(app, ["query", "--store", server, "SELECT ?x WHERE {\n ?x tk:key\n}"])
    assert res.exit_code == 1 and "line 3, column 1" in res.output
    res = runner.invoke(app, ["export", "--store", server, "--format", "nq", "-o", "-"])
    assert res.exit_code == 0 and sorted(res.stdout.splitlines()) == nquads(remote)


def test_query_syntax_error_names_the_line_and_column(remote):
    """Same message as the embedded store, caret included, though the server sees pre-declared prefixes."""
    embedded = GraphStore.open(None)
    for bad, where in (("SELECT ?x WHERE {\n ?x tk:key }}", "line 2, column 12"),
                       ("SELECT ?名 WHERE { ?名 tk:key ?y", "line 1, column 31"),
                       ("SELECT ?x WHERE { ?x nope:key ?y }", "line 1, column 30")):
        with pytest.raises(QueryError) as got:
            remote.query(bad)
        with pytest.raises(QueryError) as want:
            embedded.query(bad)
        assert where in str(got.value)
        assert str(got.value) == str(want.value)


# ------------------------------------------------------------------ failures, retries, credentials


def test_dead_server_fails_clearly_after_bounded_retries(monkeypatch):
    monkeypatch.setenv("TECHKG_STORE_RETRIES", "2")
    url = f"http://127.0.0.1:{free_port()}"
    t = time.monotonic()
    with pytest.raises(StoreError) as err:
        GraphStore.open(url)
    elapsed = time.monotonic() - t
    msg = str(err.value)
    assert f"{url}/query" in msg and "after 3 attempt(s)" in msg and "oxigraph serve" in msg
    assert 0.7 <= elapsed < 10  # backoff 0.25 s + 0.5 s, then give up


class _Recorder(BaseHTTPRequestHandler):
    """A SPARQL endpoint double: records Authorization headers, answers ASK, can fail first."""

    seen: list[str | None] = []
    failures: list[int] = []  # status codes to answer before succeeding
    expected: str | None = None
    answers_left: int | None = None  # then every request gets a 500
    slow_s = 0.0  # queries naming ?slow are answered after this long

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if b"slow" in body:
            time.sleep(type(self).slow_s)
        if type(self).slow_s and b"SELECT" in body:  # the web app lists the (no) article graphs
            self._answer(200, b'{"head":{"vars":["g"]},"results":{"bindings":[]}}',
                         "application/sparql-results+json")
            return
        auth = self.headers.get("Authorization")
        type(self).seen.append(auth)
        if type(self).answers_left is not None:
            type(self).answers_left -= 1
        if type(self).failures:
            self._answer(type(self).failures.pop(0), b"busy", "text/plain")
        elif type(self).answers_left is not None and type(self).answers_left < 0:
            self._answer(500, "存储故障: disk full".encode(), "text/plain; charset=utf-8")
        elif auth != type(self).expected:
            self._answer(401, b"Unauthorized", "text/plain")
        else:
            self._answer(200, b'{"head":{},"boolean":true}', "application/sparql-results+json")

    def _answer(self, code: int, body: bytes, ctype: str) -> None:
        try:
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # a client that gave up (a query time limit)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def recorder():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    _Recorder.seen, _Recorder.failures, _Recorder.expected, _Recorder.answers_left = [], [], None, None
    _Recorder.slow_s = 0.0
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_bearer_token_is_sent_and_never_shown(recorder, monkeypatch):
    monkeypatch.setenv("TECHKG_STORE_TOKEN", "tok-9f2c-42")
    _Recorder.expected = "Bearer tok-9f2c-42"
    store = GraphStore.open(recorder)
    assert bool(store.query("ASK { ?s ?p ?o }"))
    assert set(_Recorder.seen) == {_Recorder.expected}
    assert "tok" not in repr(store) and "tok" not in repr(store.client._http.auth)


def test_basic_auth_is_sent_and_refusal_is_explained(recorder, monkeypatch):
    monkeypatch.setenv("TECHKG_STORE_USER", "analyst")
    monkeypatch.setenv("TECHKG_STORE_PASSWORD", "pa55-word")
    _Recorder.expected = "Basic " + base64.b64encode(b"analyst:pa55-word").decode()
    GraphStore.open(recorder).close()
    assert _Recorder.seen == [_Recorder.expected]
    monkeypatch.setenv("TECHKG_STORE_PASSWORD", "wrong")
    with pytest.raises(StoreError, match="HTTP 401.*TECHKG_STORE_TOKEN.*TECHKG_STORE_PASSWORD") as err:
        GraphStore.open(recorder)
    assert "wrong" not in str(err.value) and "pa55" not in str(err.value)
    monkeypatch.delenv("TECHKG_STORE_PASSWORD")
    with pytest.raises(StoreError, match="TECHKG_STORE_PASSWORD is not"):
        GraphStore.open(recorder)


def test_busy_server_is_retried_then_answers(recorder, monkeypatch):
    monkeypatch.setenv("TECHKG_STORE_RETRIES", "2")
    _Recorder.failures = [503, 502]
    GraphStore.open(recorder).close()
    assert len(_Recorder.seen) == 3
    _Recorder.failures = [503, 503, 503]
    with pytest.raises(StoreError, match="HTTP 503"):
        GraphStore.open(recorder)


def test_query_time_limit_bounds_the_request_and_is_a_timeout(recorder):
    from starlette.testclient import TestClient

    from techkg.web.app import Limits, create_app

    _Recorder.slow_s = 4.0
    store = GraphStore.open(recorder)
    t = time.monotonic()
    with pytest.raises(QueryTimeout, match=r"time limit exceeded \(0.5 s\)"):
        store.query("ASK { ?slow ?p ?o }", timeout_s=0.5)
    assert time.monotonic() - t < _Recorder.slow_s  # cut at the limit: not the 60 s request timeout, nor the slow answer
    assert bool(store.query("ASK { ?s ?p ?o }", timeout_s=0.5))
    # served, it is answered as the embedded store's timeouts are: 503 with Retry-After
    client = TestClient(create_app(store, limits=Limits(timeout_s=0.5)))
    r = client.get("/sparql", params={"query": "ASK { ?slow ?p ?o }"})
    assert r.status_code == 503 and r.headers["Retry-After"] and "time limit" in r.text


def test_bad_settings_are_named(monkeypatch, recorder):
    monkeypatch.setenv("TECHKG_STORE_TIMEOUT", "soon")
    with pytest.raises(StoreError, match="TECHKG_STORE_TIMEOUT='soon' is not a number"):
        GraphStore.open(recorder)


def test_web_app_serves_the_remote_store(corpus_pair):
    from starlette.testclient import TestClient

    from techkg.web.app import create_app

    remote, embedded = corpus_pair
    client = TestClient(create_app(remote))
    q = "SELECT ?label WHERE { company:nvidia rdfs:label ?label FILTER(LANG(?label) = 'zh-hant') }"
    r = client.get("/sparql", params={"query": q}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.text
    assert [b["label"]["value"] for b in r.json()["results"]["bindings"]] == ["輝達"]
    # the protocol's own dataset (default-graph-uri) is passed on to the server
    g = str(IDS.graph(embedded.articles()[0].id))
    r = client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "default-graph-uri": g},
                   headers={"Accept": "application/sparql-results+json"})
    n = int(r.json()["results"]["bindings"][0]["n"]["value"])
    assert n == int(embedded.select(f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{g}> {{ ?s ?p ?o }} }}")[0]["n"]) > 0
    assert client.get("/api/stats").json()["quads"] == len(embedded)
    params = {"iri": f"{C}nvidia", "hops": "1"}
    r = client.get("/api/graph", params=params)
    assert r.status_code == 200 and len(r.json()["nodes"]) > 5
    assert r.json() == TestClient(create_app(embedded)).get("/api/graph", params=params).json()
    r = client.get("/entity", params={"q": "輝達"})
    assert r.status_code == 200 and "NVIDIA" in r.text


def test_project_file_keeps_a_store_url(tmp_path):
    from techkg.config import load_config
    from techkg.curate import default_path

    (tmp_path / "techkg.toml").write_text('store = "http://127.0.0.1:7878/?store=data"\nmodel = false\n')
    assert load_config(tmp_path / "techkg.toml").options["store"] == "http://127.0.0.1:7878/?store=data"
    (tmp_path / "techkg.toml").write_text('store = "kg/store"\n')
    assert load_config(tmp_path / "techkg.toml").options["store"] == tmp_path / "kg" / "store"
    assert default_path("http://127.0.0.1:7878") == Path("curations.jsonl")


def test_server_failing_mid_command_is_one_clear_error(recorder):
    _Recorder.answers_left = 1  # the ASK at open, then HTTP 500
    res = CliRunner().invoke(app, ["stats", "--store", recorder])
    assert res.exit_code == 1
    assert f"error: {recorder}/query: the query failed (HTTP 500: 存储故障: disk full)" in res.output
