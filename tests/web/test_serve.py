"""serve.py over the sample store: explorer API, entity pages, SPARQL protocol, ingest."""

from __future__ import annotations

import csv
import io
import json
import re

import warnings

import pyoxigraph as ox
import pytest
from rdflib import Graph
from web_samples import CATL, NVIDIA, TSMC, XSS_ALIAS, XSS_SENTENCE

from techkg.network import to_networkx
from techkg.web.app import Limits, create_app
from techkg.web.projection import Projection

with warnings.catch_warnings():  # starlette asks for httpx2; httpx is what we have
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

TOKEN = "tk-test-token-123"
PARTNERS_Q = """SELECT DISTINCT ?label WHERE {
  ?nv tk:matchKey "nvidia" ; tk:partnerOf ?p . ?p rdfs:label ?label FILTER(LANG(?label) = "zh-hans")
} ORDER BY ?label"""


@pytest.fixture(scope="module")
def client(sample_store):
    return TestClient(create_app(sample_store))


# ----------------------------------------------------------------------------- live data


@pytest.mark.parametrize("query", ["英伟达", "輝達", "ＮＶＩＤＩＡ", "nvidia", "伟达"])
def test_search_any_script(client, query):
    res = client.get("/api/search", params={"q": query}).json()["results"]
    assert res[0]["id"] == NVIDIA
    assert res[0]["label"] == "英伟达" and "輝達" in res[0]["aliases"]


def test_search_ranks_exact_before_partial(client):
    res = client.get("/api/search", params={"q": "microsoft"}).json()["results"]
    assert [r["id"].rsplit("/", 1)[-1] for r in res] == ["microsoft", "microsoft%20365%20copilot"]
    assert client.get("/api/search", params={"q": "谷歌"}).json()["results"] == []


def test_neighbourhood_projection_matches_the_full_one(sample_store, sample_graph):
    proj = Projection.build(sample_store)
    iris, cut = proj.expand([NVIDIA], 1)
    assert not cut
    G = proj.graph(iris)
    assert set(G) == {NVIDIA, TSMC, "https://w3id.org/techkg/id/company/mediatek",
                      "https://w3id.org/techkg/id/product/nvidia-h100-nvl"}
    for n in G:
        assert G.nodes[n] == sample_graph.nodes[n]
    for u, v, k, d in G.edges(keys=True, data=True):
        assert d == sample_graph.edges[u, v, k]


def test_whole_projection_is_to_networkx(sample_store, sample_graph):
    G = Projection.build(sample_store).graph()
    assert sorted(G.nodes(data=True)) == sorted(sample_graph.nodes(data=True))
    assert sorted(G.edges(keys=True, data=True), key=repr) == \
        sorted(sample_graph.edges(keys=True, data=True), key=repr)


def test_neighbourhood_cap_and_note(sample_store):
    iris, cut = Projection.build(sample_store).expand([NVIDIA], 2, max_nodes=2)
    assert cut and len(iris) == 2 and iris[0] == NVIDIA
    assert iris[1] == TSMC or iris[1].endswith(("mediatek", "nvidia-h100-nvl"))


def test_api_graph_payload(client):
    r = client.get("/api/graph", params={"iri": NVIDIA, "hops": 1})
    assert r.status_code == 200
    p = r.json()
    assert p["meta"]["focus"] == [NVIDIA]
    ids = {n["id"] for n in p["nodes"]}
    assert TSMC in ids
    edge = next(e for e in p["edges"] if {e["from"], e["to"]} == {NVIDIA, TSMC})
    assert len(edge["evidence"]) == 2
    assert client.get("/api/graph", params={"iri": "https://example.org/nope"}).status_code == 404


def test_overview_without_search(client):
    p = client.get("/api/graph").json()
    assert p["nodes"] and "Overview" in p["meta"]["notes"][0]


def test_empty_store_says_so(new_store):
    c = TestClient(create_app(new_store()))
    html = c.get("/").text
    assert "The store has no linked entities yet" in html
    assert c.get("/api/search", params={"q": "英伟达"}).json()["results"] == []
    r = c.get("/sparql", params={"query": "SELECT ?s ?p ?o { ?s ?p ?o }"}, headers={"Accept": "text/csv"})
    assert r.status_code == 200 and r.text.strip() == "s,p,o"


def test_explorer_page_is_live_and_offline(client):
    html = client.get("/").text
    assert '"mode": "live"' in html and "new vis.Network" in html
    assert not re.search(r"<script[^>]+src=", html)


def test_entity_page(client):
    r = client.get("/entity", params={"iri": NVIDIA})
    assert r.status_code == 200
    html = r.text
    assert "英伟达" in html and "輝達" in html and "@zh-hant" in html
    partners = html[html.index('id="tk-partners"'):]
    assert "台积电" in partners
    assert "英伟达（NVIDIA）宣布与台积电合作" in partners
    assert 'href="https://news.example.cn/2023/nv-tsmc"' in partners
    assert "2023-03-21" in partners and "2023-04-02" in html
    assert "H100 NVL" in html[html.index('id="tk-released"'):]


def test_entity_page_by_name_and_not_found(client):
    r = client.get("/entity", params={"q": "華為"})
    assert r.status_code == 200 and "发布的产品 Products released" in r.text and "Mate 60 Pro" in r.text
    assert client.get("/entity", params={"q": "谷歌"}).status_code == 404
    r = client.get("/entity", params={"iri": "javascript:alert(1)"})
    assert r.status_code == 404 and "<script" not in r.text


def test_article_text_is_escaped_on_pages(client):
    html = client.get("/entity", params={"iri": CATL}).text
    assert "<script>window.__pwned" not in html and XSS_ALIAS not in html
    assert "&lt;script&gt;window.__pwned=2&lt;/script&gt;" in html
    assert "javascript:" not in html
    q = 'SELECT ?t WHERE { ?e tk:evidence ?t FILTER(CONTAINS(?t, "script")) }'
    table = client.get("/query", params={"query": q}).text
    assert "&lt;script&gt;" in table and "<script>window" not in table
    data = client.get("/api/graph", params={"iri": CATL, "hops": 1}).json()
    edge = data["edges"][0]
    assert edge["evidence"][0]["text"] == XSS_SENTENCE and edge["evidence"][0]["url"] is None


# ----------------------------------------------------------------------------- SPARQL protocol


def labels_from_json(body: bytes) -> list[str]:
    return [b["label"]["value"] for b in json.loads(body)["results"]["bindings"]]


EXPECTED = ["台积电", "联发科"]


def test_sparql_get_json(client):
    r = client.get("/sparql", params={"query": PARTNERS_Q},
                   headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/sparql-results+json")
    assert labels_from_json(r.content) == EXPECTED


def test_sparql_post_form_and_direct(client):
    r = client.post("/sparql", data={"query": PARTNERS_Q}, headers={"Accept": "application/json"})
    assert labels_from_json(r.content) == EXPECTED
    r = client.post("/sparql", content=PARTNERS_Q.encode(),
                    headers={"Content-Type": "application/sparql-query; charset=utf-8"})
    assert labels_from_json(r.content) == EXPECTED


@pytest.mark.parametrize(("accept", "ctype"), [
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/csv;q=0.2, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
    ("*/*", "application/sparql-results+json"),
    ("", "application/sparql-results+json"),
])
def test_sparql_result_negotiation(client, accept, ctype):
    r = client.get("/sparql", params={"query": PARTNERS_Q}, headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].split(";")[0] == ctype
    fmt = {"application/sparql-results+xml": ox.QueryResultsFormat.XML,
           "text/csv": ox.QueryResultsFormat.CSV,
           "text/tab-separated-values": ox.QueryResultsFormat.TSV,
           "application/sparql-results+json": ox.QueryResultsFormat.JSON}[ctype]
    if fmt == ox.QueryResultsFormat.CSV:
        rows = list(csv.reader(io.StringIO(r.text)))
        assert [x[0] for x in rows[1:]] == EXPECTED
    else:
        parsed = ox.parse_query_results(r.content, format=fmt)
        assert [s["label"].value for s in parsed] == EXPECTED


def test_sparql_ask_and_format_param(client):
    r = client.get("/sparql", params={"query": "ASK { ?s a tk:Product }", "format": "xml"})
    assert r.headers["content-type"].startswith("application/sparql-results+xml")
    assert bool(ox.parse_query_results(r.content, format=ox.QueryResultsFormat.XML))


@pytest.mark.parametrize(("accept", "fmt"), [
    ("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
    ("application/n-triples", "nt"), ("application/rdf+xml", "xml"),
])
def test_sparql_construct_formats(client, sample_store, accept, fmt):
    q = f"CONSTRUCT {{ <{NVIDIA}> ?p ?o }} WHERE {{ <{NVIDIA}> ?p ?o }}"
    r = client.get("/sparql", params={"query": q}, headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(accept)
    g = Graph().parse(data=r.content, format=fmt)
    labels = {str(o) for o in g.objects(None, None)}
    assert {"英伟达", "輝達", "NVIDIA"} <= labels
    assert len(g) == len(list(sample_store.query(q)))


def test_sparql_errors(client):
    r = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p }"})
    assert r.status_code == 400 and "line 1, column" in r.text
    r = client.get("/sparql", params={"query": "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"})
    assert r.status_code == 400 and "SERVICE" in r.text and "disabled" in r.text
    r = client.get("/sparql", params={"query": PARTNERS_Q}, headers={"Accept": "image/png"})
    assert r.status_code == 406 and "application/sparql-results+json" in r.text
    r = client.post("/sparql", content=b"query=x", headers={"Content-Type": "text/plain"})
    assert r.status_code == 415
    r = client.post("/sparql", content=b"DELETE WHERE { ?s ?p ?o }",
                    headers={"Content-Type": "application/sparql-update"})
    assert r.status_code == 403 and "POST /articles" in r.text
    assert client.get("/sparql").status_code == 400


def test_sparql_limits(sample_store):
    app = create_app(sample_store, limits=Limits(max_rows=5, timeout_s=0.5, max_query_chars=200))
    c = TestClient(app)
    r = c.get("/sparql", params={"query": "SELECT * { ?s ?p ?o }"})
    assert r.status_code == 400 and "more than 5 rows" in r.text and "LIMIT" in r.text
    assert c.get("/sparql", params={"query": "SELECT * { ?s ?p ?o } LIMIT 5"}).status_code == 200
    r = c.get("/sparql", params={"query": "SELECT * { ?s ?p ?o } #" + "x" * 300})
    assert r.status_code == 413
    slow = create_app(sample_store, limits=Limits(max_rows=10**9, timeout_s=0.3))
    r = TestClient(slow).get("/sparql", params={"query": "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"})
    assert r.status_code == 503 and "time limit" in r.text


def test_query_page(client):
    html = client.get("/query", params={"query": PARTNERS_Q}).text
    assert "<th>?label</th>" in html and "<td>台积电 @zh-hans</td>" in html
    html = client.get("/query", params={"query": "SELECT ?x {"}).text
    assert 'class="tk-error"' in html and "line 1" in html
    assert "<textarea" in client.get("/query").text
    assert "<textarea" in client.get("/sparql", headers={"Accept": "text/html"}).text


# ----------------------------------------------------------------------------- ingest


NEW_ARTICLE = {
    "id": "api-1",
    "title": "英伟达与台积电深化合作",
    "date": "2024-03-18",
    "url": "https://news.example.cn/2024/gtc",
    "text": "英伟达与台积电宣布深化合作，共同推进计算光刻技术。",
}


def test_ingest_is_read_only_without_token(client):
    r = client.post("/articles", json=NEW_ARTICLE)
    assert r.status_code == 403 and "--token" in r.json()["error"]


def test_ingest_with_token(sample_store, new_store, live_extractor):
    store = new_store(sample_store)
    c = TestClient(create_app(store, token=TOKEN, extractor_factory=lambda: live_extractor))
    assert c.post("/articles", json=NEW_ARTICLE).status_code == 401
    r = c.post("/articles", json=NEW_ARTICLE, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = c.post("/articles", json=NEW_ARTICLE, headers=auth)
    assert r.status_code == 201, r.text
    out = r.json()
    assert out["status"] == "new" and out["article"]["id"] == "api-1"
    assert {"nvidia", "tsmc"} <= {e["key"] for e in out["entities"]}
    rel = next(x for x in out["relations"] if x["type"] == "partnership")
    assert {rel["source"], rel["target"]} == {"nvidia", "tsmc"}
    # visible right away: the NVIDIA–TSMC link now has a third evidence sentence
    G = to_networkx(store)
    assert G.edges[NVIDIA, TSMC, "partnership"]["weight"] == 3
    page = c.get("/entity", params={"iri": NVIDIA}).text
    assert "共同推进计算光刻技术" in page
    r = c.post("/articles", json=NEW_ARTICLE, headers=auth)
    assert r.status_code == 200 and r.json()["status"] == "unchanged"


def test_ingest_batch_json_array_and_lines(sample_store, new_store, live_extractor):
    store = new_store(sample_store)
    c = TestClient(create_app(store, token=TOKEN, extractor_factory=lambda: live_extractor))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    batch = [{"id": "b-1", "title": "华为发布Mate 60 Pro", "text": "华为今日发布Mate 60 Pro手机。"},
             {"id": "b-2", "title": "小米與寧德時代合作", "text": "小米與寧德時代宣布合作開發電池。"}]
    r = c.post("/articles", json=batch, headers=auth)
    assert r.status_code == 201, r.text
    assert [a["article"]["id"] for a in r.json()["articles"]] == ["b-1", "b-2"]
    lines = "\n".join(json.dumps({**a, "id": a["id"] + "-l"}, ensure_ascii=False) for a in batch)
    r = c.post("/articles", content=lines.encode(),
               headers={**auth, "Content-Type": "application/x-ndjson"})
    assert r.status_code == 201 and len(r.json()["articles"]) == 2
    assert {"b-1", "b-2", "b-1-l", "b-2-l"} <= {a.id for a in store.articles()}
    r = c.post("/articles", json=[batch[0], {"content": "x"}], headers=auth)
    assert r.status_code == 400 and "[1]" in r.json()["error"]


def test_ingest_rejects_bad_bodies(sample_store, new_store):
    c = TestClient(create_app(new_store(sample_store), token=TOKEN,
                              limits=Limits(max_body_bytes=300)))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = c.post("/articles", content=b"{not json", headers=auth)
    assert r.status_code == 400 and "JSON" in r.json()["error"]
    r = c.post("/articles", json={"content": "华为发布Mate 60"}, headers=auth)
    assert r.status_code == 400 and 'rename it to "text"' in r.json()["error"]
    r = c.post("/articles", json={"text": "华" * 400}, headers=auth)
    assert r.status_code == 413
