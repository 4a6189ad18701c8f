"""Issue 9: the server and the query path under hostile requests (all on 127.0.0.1).

Each test here failed on the code before the fix it guards: SERVICE reached a
loopback server, deep nesting killed the process, timed-out queries held
their slots, bodies were buffered whole, hub pages had no cost limit, bad
JSON gave 500s.
"""

from __future__ import annotations

import contextlib
import http.client
import http.server
import os
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path

import pytest
from conftest import TOKEN, LiveServer
from web_samples import NVIDIA

from techkg.errors import QueryRefused, QueryTimeout, TechKGError
from techkg.store import GraphStore
from techkg.web.app import Limits, create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
SRC = Path(__file__).resolve().parents[2] / "src"
CLI = "import sys; from techkg.cli import app; sys.argv[0] = 'techkg'; app()"


@pytest.fixture(scope="module")
def disk_store(sample_store, tmp_path_factory):
    """An on-disk copy of the sample store (queries run in worker processes)."""
    store = GraphStore.open(tmp_path_factory.mktemp("hard") / "store")
    store.oxigraph.extend(list(sample_store.oxigraph.quads_for_pattern(None, None, None, None)))
    store.oxigraph.flush()
    yield store
    store.close()


class Trap:
    """A loopback HTTP server that counts every request it gets."""

    def __init__(self) -> None:
        hits = self.hits = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self) -> None:
                hits.append((self.command, self.path))
                body = b'{"head": {"vars": ["s"]}, "results": {"bindings": []}}'
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Trap:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def trap():
    with Trap() as t:
        yield t


def service_spellings(url: str) -> list[str]:
    host = url.rsplit("/", 1)[0] + "/"
    return [
        f"SELECT * WHERE {{ # x\rSERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ # x\r\nSERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"PREFIX ep: <{host}> SELECT * WHERE {{ SERVICE ep:sparql {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ sErViCe <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ VALUES ?ep {{ <{url}> }} SERVICE ?ep {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p 1SERVICE <{url}> {{ ?a ?b ?c }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o FILTER(?s<?o)SERVICE?ep#>\n{{ ?a ?b ?c }} VALUES ?ep {{ <{url}> }} }}",
        f"ASK {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    ]


# ----------------------------------------------------------------------------- 1. SSRF


@pytest.mark.parametrize("store_kind", ["disk", "memory"])
def test_no_service_spelling_reaches_the_network(store_kind, disk_store, sample_store, trap):
    store = disk_store if store_kind == "disk" else sample_store
    c = TestClient(create_app(store))
    for q in service_spellings(trap.url):
        for send in (lambda q: c.get("/sparql", params={"query": q}),
                     lambda q: c.post("/sparql", content=q.encode(),
                                      headers={"Content-Type": "application/sparql-query"}),
                     lambda q: c.get("/query", params={"query": q})):
            r = send(q)
            assert r.status_code == 400, (q, r.status_code, r.text[:200])
    assert trap.hits == []


def test_workers_have_no_network_even_past_the_text_check(disk_store, trap):
    """By construction: the worker itself cannot connect, whatever the text check says."""
    for q in service_spellings(trap.url):
        with contextlib.suppress(TechKGError):  # any refusal will do; the point is no request
            disk_store.query(q, timeout_s=10, network=False)
    assert trap.hits == []


def test_allow_service_does_reach_the_trap(disk_store, trap):
    """The control: the trap catches a federated query when it is allowed."""
    c = TestClient(create_app(disk_store, allow_service=True))
    r = c.get("/sparql", params={"query": f"SELECT * {{ SERVICE <{trap.url}> {{ ?s ?p ?o }} }}"})
    assert r.status_code == 200 and trap.hits


def test_service_as_a_name_is_not_refused(sample_store):
    c = TestClient(create_app(sample_store))
    q = ('SELECT ?service WHERE { ?service rdfs:label "SERVICE" . OPTIONAL { ?service schema:Service ?x } '
         "} # SERVICE <http://127.0.0.1:9/>")
    assert c.get("/sparql", params={"query": q}).status_code == 200


# ----------------------------------------------------------------------------- 2. nesting


def deep_queries(n: int = 5000) -> dict[str, str]:
    return {
        "parens": "SELECT * WHERE { FILTER(" + "(" * n + "1" + ")" * n + ") }",
        "braces": "SELECT * WHERE " + "{" * n + " ?s ?p ?o " + "}" * n,
        "not": "SELECT * WHERE { FILTER(" + "!" * n + "true) }",
        "path": "SELECT * WHERE { ?s " + "(" * n + "rdfs:label" + ")" * n + " ?o }",
    }


@pytest.mark.parametrize("kind", ["parens", "braces", "not", "path"])
def test_deep_nesting_is_a_400(kind, sample_store):
    c = TestClient(create_app(sample_store))
    r = c.get("/sparql", params={"query": deep_queries()[kind]})
    assert r.status_code == 400 and "nested too deeply" in r.text


def test_nesting_in_strings_and_comments_is_fine(sample_store):
    c = TestClient(create_app(sample_store))
    q = 'SELECT ("' + "(" * 300 + '" AS ?x) WHERE { } # ' + "{" * 300
    assert c.get("/sparql", params={"query": q}).status_code == 200


@pytest.mark.parametrize("kind", ["parens", "braces", "not", "path"])
def test_cli_refuses_deep_nesting_without_crashing(kind, disk_store, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    r = subprocess.run([sys.executable, "-c", CLI, "query", deep_queries()[kind],
                        "--store", str(disk_store.path)],
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 1, (r.returncode, r.stderr[-300:])
    assert "nested too deeply" in r.stderr


def test_store_query_refuses_deep_nesting(sample_store):
    with pytest.raises(QueryRefused):
        sample_store.query(deep_queries()["parens"])


# ----------------------------------------------------------------------------- 3. timeouts

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_timed_out_queries_free_their_slots(disk_store):
    limit = 3.0
    c = TestClient(create_app(disk_store, limits=Limits(timeout_s=limit, concurrent_queries=2)))
    assert c.get("/sparql", params={"query": "ASK {}"}).status_code == 200  # workers warm
    answers: list[int] = []

    def slow() -> None:
        answers.append(c.get("/sparql", params={"query": SLOW}).status_code)

    threads = [threading.Thread(target=slow) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert answers == [503, 503]
    start = time.monotonic()
    r = c.get("/sparql", params={"query": f"SELECT ?e WHERE {{ <{NVIDIA}> tk:partnerOf ?e }}"})
    assert r.status_code == 200 and r.json()["results"]["bindings"]
    assert time.monotonic() - start < limit


def test_timeout_kills_the_worker(disk_store):
    start = time.monotonic()
    with pytest.raises(QueryTimeout):
        disk_store.query(SLOW, timeout_s=0.5)
    assert time.monotonic() - start < 5
    assert bool(disk_store.query("ASK { ?s ?p ?o }", timeout_s=5))


def test_used_workers_are_restarted_once_queries_pause(disk_store):
    assert bool(disk_store.query("ASK { ?s ?p ?o }", timeout_s=5))
    pools = list(disk_store._pools.values())
    assert disk_store.recycle_workers(60) == 0  # queries ran just now: the workers stay
    used = {w.process.pid for p in pools for w in p._idle if w.jobs}
    assert used
    time.sleep(0.3)
    assert disk_store.recycle_workers(0.2) == len(used)
    for pool in pools:  # fresh processes, started already
        assert not used & {w.process.pid for w in pool._idle}
        assert all(w.jobs == 0 for w in pool._idle) and len(pool._idle) == pool.keep
    assert bool(disk_store.query("ASK { ?s ?p ?o }", timeout_s=5))


# ----------------------------------------------------------------------------- 4. bodies


@pytest.fixture(scope="module")
def live_writable(sample_store):
    store = GraphStore.open(None)
    store.oxigraph.extend(list(sample_store.oxigraph.quads_for_pattern(None, None, None, None)))
    app = create_app(store, token=TOKEN, limits=Limits(max_body_bytes=100_000,
                                                        max_query_chars=10_000))
    with LiveServer(app) as server:
        yield server
    store.close()


def send_stream(port: int, path: str, headers: dict[str, str], total: int,
                chunked: bool) -> tuple[int, int | None]:
    """POST ``total`` bytes in 64 KB chunks; (bytes handed to the socket, status or None)."""
    sent = 0

    def chunks():
        nonlocal sent
        block = b"x" * 65536
        while sent < total:
            sent += len(block)
            yield block

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    status = None
    try:
        if chunked:
            conn.request("POST", path, body=chunks(), headers=headers, encode_chunked=True)
        else:
            conn.request("POST", path, body=chunks(), headers={**headers, "Content-Length": str(total)})
        status = conn.getresponse().status
    except (BrokenPipeError, ConnectionResetError):
        with contextlib.suppress(Exception):
            status = conn.getresponse().status
    finally:
        conn.close()
    return sent, status


@pytest.mark.parametrize(("path", "ctype", "chunked"), [
    ("/sparql", "application/sparql-query", False),
    ("/sparql", "application/x-www-form-urlencoded", True),
    ("/articles", "application/json", True),
    ("/articles", "application/json", False),
])
def test_big_bodies_stop_at_the_limit(live_writable, path, ctype, chunked):
    total = 400 * 2**20
    headers = {"Content-Type": ctype, "Authorization": f"Bearer {TOKEN}"}
    sent, status = send_stream(live_writable.port, path, headers, total, chunked)
    assert status in (413, None)
    assert sent < 64 * 2**20, f"the server read {sent / 2**20:.0f} MB of a {total / 2**20:.0f} MB body"


# ----------------------------------------------------------------------------- 6. bad JSON


@pytest.mark.parametrize("body", [
    rb'{"text": "\ud800 \u82f1\u4f1f\u8fbe", "title": "x"}',
    rb'{"text": "\u82f1\u4f1f\u8fbe\u53d1\u5e03", "title": "\udfff"}',
    b"[" * 100_000 + b"]" * 100_000,
    b'{"text": "' + "英伟达".encode() + b'", "title": "x", "n": ' + b"7" * 5000 + b"}",
    b'{"text": ' + b"9" * 5000 + b"}",
])
def test_bad_json_is_a_400(sample_store, new_store, body):
    c = TestClient(create_app(new_store(sample_store), token=TOKEN), raise_server_exceptions=False)
    r = c.post("/articles", content=body, headers={"Authorization": f"Bearer {TOKEN}",
                                                  "Content-Type": "application/json"})
    assert r.status_code == 400, (r.status_code, r.text[:200])
    assert r.json()["error"]


# ----------------------------------------------------------------------------- 5. page cost

PARTNER_NAMES = ["联想", "小米", "中兴", "腾讯", "阿里巴巴", "京东", "美团", "比亚迪", "蔚来", "理想",
                 "寒武纪", "地平线", "商汤", "旷视", "科大讯飞", "海康威视", "大疆", "字节跳动"]


def hub_extractions(partners: int = 200, per_link: int = 8):
    """华为 partnering with ``partners`` companies, each link stated in ``per_link`` articles."""
    from techkg.records import Article, Entity, Extraction, Mention, Relation

    out = []
    for i in range(partners):
        name = f"{PARTNER_NAMES[i % len(PARTNER_NAMES)]}{i // len(PARTNER_NAMES) or ''}科技"
        for j in range(per_link):
            text = f"华为与{name}宣布在云计算和芯片领域深化合作，第{j + 1}期项目于今日签约。"
            ents = (Entity("huawei", "Company", "华为", (Mention("华为", 0, 2),)),
                    Entity(f"partner-{i}", "Company", name, (Mention(name, 3, 3 + len(name)),)))
            rel = Relation("partnership", "huawei", f"partner-{i}", text, 0, len(text), 0.8, "合作")
            art = Article(id=f"hub-{i}-{j}", text=text, title=f"华为与{name}合作（{j + 1}）",
                          date=f"2024-{1 + j % 12:02d}-{1 + i % 28:02d}",
                          url=f"https://news.example.cn/hub/{i}/{j}")
            out.append(Extraction(art, ents, (rel,)))
    return out


@pytest.fixture(scope="module")
def hub_store():
    store = GraphStore.open(None)
    store.put_many(hub_extractions())
    yield store
    store.close()


HUAWEI = "https://w3id.org/techkg/id/company/huawei"


def test_hub_entity_page_is_bounded(hub_store):
    limits = Limits(max_entity_links=50, max_evidence=3)
    c = TestClient(create_app(hub_store, limits=limits))
    data = c.get("/api/entity", params={"iri": HUAWEI}).json()
    assert data["links_total"] == 200 and len(data["partners"]) == 50
    assert all(len(p["evidence"]) <= 3 for p in data["partners"])
    assert all(p["weight"] == 8 for p in data["partners"])  # counts stay true
    html = c.get("/entity", params={"iri": HUAWEI}).text
    assert "50" in html and "200" in html


def test_hub_neighbourhood_evidence_is_bounded(hub_store):
    c = TestClient(create_app(hub_store, limits=Limits(max_evidence=2, max_neighbourhood=60)))
    payload = c.get("/api/graph", params={"iri": HUAWEI, "hops": 1}).json()
    assert len(payload["nodes"]) <= 60
    assert all(len(e.get("evidence") or []) <= 2 for e in payload["edges"])
    assert max(e["weight"] for e in payload["edges"]) == 8


def test_page_work_beyond_the_slots_gets_503(hub_store):
    app = create_app(hub_store, limits=Limits(concurrent_pages=1, page_wait_s=0.2))
    state = app.state.techkg
    assert state.page_slots.acquire(timeout=1)  # one long page holds the only slot
    try:
        r = TestClient(app).get("/api/graph", params={"iri": HUAWEI, "hops": 2})
        assert r.status_code == 503 and r.headers["Retry-After"]
        # searches and entity pages read the projection (bounded): not queued behind layouts
        assert TestClient(app).get("/api/search", params={"q": "华为"}).status_code == 200
        assert TestClient(app).get("/api/entity", params={"iri": HUAWEI}).status_code == 200
    finally:
        state.page_slots.release()
    assert TestClient(app).get("/api/graph", params={"iri": HUAWEI, "hops": 2}).status_code == 200


def test_a_page_past_its_deadline_gets_503_and_is_ready_for_the_retry(hub_store, monkeypatch):
    import threading
    import time

    from techkg.web import views

    real = views.graph_payload
    release = threading.Event()  # the build is held until the test has its answer
    builds = []

    def slow(*args, **kwargs):
        builds.append(1)
        release.wait(30)  # a layout on a starved machine
        return real(*args, **kwargs)

    monkeypatch.setattr(views, "graph_payload", slow)
    app = create_app(hub_store, limits=Limits(page_deadline_s=0.3))
    c = TestClient(app)
    r = c.get("/api/graph", params={"iri": HUAWEI, "hops": 1})
    answered_during_build = not release.is_set()  # ordering, not wall time: CI machines are busy
    release.set()
    assert r.status_code == 503 and r.headers["Retry-After"] and "being built" in r.json()["error"]
    assert answered_during_build
    key = views.graph_key(app.state.techkg, [HUAWEI], 1)
    deadline = time.monotonic() + 30
    while app.state.techkg.pages.peek(key) is None and time.monotonic() < deadline:
        time.sleep(0.05)  # the build went on and is cached
    r = c.get("/api/graph", params={"iri": HUAWEI, "hops": 1})
    assert r.status_code == 200 and HUAWEI in {n["id"] for n in r.json()["nodes"]}
    assert len(builds) == 1  # from the cache, not built again
    deadline = time.monotonic() + 10
    while not app.state.techkg.page_slots.acquire(blocking=False):
        assert time.monotonic() < deadline, "the build never gave its slot back"
        time.sleep(0.05)


# ----------------------------------------------------------------------------- should fix


def test_host_header_is_checked(sample_store):
    from techkg.web.app import host_names

    app = create_app(sample_store, hosts=host_names("127.0.0.1", 8000))
    ok = TestClient(app, base_url="http://127.0.0.1:8000")
    assert ok.get("/api/stats").status_code == 200
    assert TestClient(app, base_url="http://localhost:8000").get("/api/stats").status_code == 200
    evil = TestClient(app, base_url="http://rebind.attacker.example:8000")
    assert evil.get("/api/stats").status_code == 400


@pytest.mark.parametrize("token", ["short", "fifteen-chars-x", " padded-token-value-1 ", "令牌令牌令牌令牌令牌令牌令牌令牌"])
def test_weak_tokens_are_refused(sample_store, token):
    with pytest.raises(TechKGError, match="token"):
        create_app(sample_store, token=token)


def test_exposure_warnings():
    from techkg.web.app import exposure_warnings

    assert exposure_warnings("127.0.0.1", TOKEN, True) == []
    assert exposure_warnings("::1", None, False) == []
    lines = exposure_warnings("0.0.0.0", TOKEN, False)
    assert any("plain HTTP" in x for x in lines) and any("in clear" in x for x in lines)
    assert any("DANGER" in x for x in exposure_warnings("192.168.1.20", None, True))


def test_html_pages_carry_csp_and_frame_options(sample_store):
    c = TestClient(create_app(sample_store))
    for path, params in [("/", {}), ("/entity", {"iri": NVIDIA}), ("/query", {})]:
        r = c.get(path, params=params)
        assert r.status_code == 200
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
        assert r.headers["x-frame-options"] == "DENY"
    assert "content-security-policy" not in c.get("/api/stats").headers


def test_406_does_not_echo_a_long_accept(sample_store):
    c = TestClient(create_app(sample_store))
    accept = "application/x-unknown-" + "a" * 5000
    r = c.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": accept})
    assert r.status_code == 406 and len(r.text) < 500


def test_cross_site_form_posts_are_refused(sample_store):
    c = TestClient(create_app(sample_store), base_url="http://127.0.0.1:8000")
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    body = "query=ASK%20%7B%7D"
    r = c.post("/sparql", content=body, headers={**form, "Origin": "https://evil.example"})
    assert r.status_code == 403
    r = c.post("/sparql", content=body, headers={**form, "Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 403
    assert c.post("/sparql", content=body, headers={**form, "Origin": "http://127.0.0.1:8000"}).status_code == 200
    assert c.post("/sparql", content=body, headers=form).status_code == 200  # SPARQLWrapper, curl


def test_page_cache_builds_a_page_once_for_concurrent_requests():
    from techkg.web.app import PageCache

    cache, calls = PageCache(8, 60), []

    def build():
        calls.append(1)
        time.sleep(0.3)
        return "页面"

    threads = [threading.Thread(target=cache.get, args=(("graph", (HUAWEI,), 2), build))
               for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and cache.get(("graph", (HUAWEI,), 2), build) == "页面"
    cache.forget({HUAWEI})
    assert cache.get(("graph", (HUAWEI,), 2), lambda: "新") == "新"
