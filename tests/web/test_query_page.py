"""The web query page: SELECT * column order, shipped examples, parameters, CSV, links."""

from __future__ import annotations

import re
import warnings

import pytest

from techkg.web.app import create_app

with warnings.catch_warnings():  # starlette asks for httpx2; httpx is what we have
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

STAR_Q = """SELECT * WHERE {
  ?zh ^rdfs:label ?company .   # ?zh first, ?company second
  ?company tk:matchKey "台积电" . FILTER(LANG(?zh) = "zh-hant")
}"""


@pytest.fixture(scope="module")
def client(sample_store):
    return TestClient(create_app(sample_store))


def test_select_star_keeps_the_query_variable_order(client):
    html = client.get("/query", params={"query": STAR_Q}).text
    assert re.findall(r"<th>\?(\w+)</th>", html) == ["zh", "company"]
    r = client.get("/sparql", params={"query": STAR_Q}, headers={"Accept": "text/csv"})
    assert r.text.splitlines()[0] == "zh,company" and "台積電" in r.text


def test_the_shipped_queries_are_offered_as_examples(client):
    from techkg.sparql import shipped_queries

    html = client.get("/query").text
    for path in shipped_queries():
        assert f'href="/query?example={path.stem}"' in html
    assert "<script" not in html  # no script: links and a plain form
    page = client.get("/query", params={"example": "partners"}).text
    assert "Partners of a company, with the evidence" in page  # the file, in the textarea
    assert re.search(r'name="param-company" value="英伟达"', page)
    assert re.search(r'name="param-min_confidence" value="0"', page)
    r = client.get("/query", params={"example": "../../etc/passwd"})
    assert r.status_code == 400 and "no shipped query named" in r.text


def _partners_text(client) -> str:
    from techkg.sparql import find_query_file

    return find_query_file("partners").read_text(encoding="utf-8")


def test_parameters_are_bound_from_the_form(client):
    r = client.get("/query", params={"query": _partners_text(client), "param-company": "輝達"})
    assert r.status_code == 200, r.text
    cells = re.findall(r"<td>(.*?)</td>", r.text)
    assert any("TSMC" in c for c in cells)


@pytest.mark.parametrize(("given", "meant"), [("英伟逹", "英伟达 (NVIDIA)"), ("台積雷", "台積電 (TSMC)")])
def test_an_unknown_entity_name_gets_did_you_mean(client, given, meant):
    r = client.get("/query", params={"query": _partners_text(client), "param-company": given})
    assert r.status_code == 400
    error = re.search(r'<div class="tk-error" role="alert">(.*?)</div>', r.text, re.S)[1]
    assert f"no company or product named &#39;{given}&#39; in the store; did you mean" in error
    assert meant in error
    assert f'name="param-company" value="{given}"' in r.text  # the form keeps what was typed


def test_csv_download(client):
    page = client.get("/query", params={"query": STAR_Q}).text
    links = re.findall(r'<a href="([^"]+)" download>', page)
    assert len(links) == 2
    import html as html_lib

    csv_url, excel_url = (html_lib.unescape(u) for u in links)
    r = client.get(csv_url)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"] == 'attachment; filename="techkg-query.csv"'
    assert r.content.decode("utf-8").splitlines() == [
        "zh,company", "台積電,https://w3id.org/techkg/id/company/tsmc"]
    r = client.get(excel_url)
    assert r.content.startswith(b"\xef\xbb\xbf") and "台積電" in r.content[3:].decode("utf-8")


def test_iris_are_links_and_only_safe_ones(client):
    q = """SELECT ?x WHERE { VALUES ?x { company:tsmc <https://example.com/news/a?x=1&y=2>
             <javascript:alert(1)> <https://w3id.org/techkg/id/article/a1> } }"""
    r = client.get("/query", params={"query": q})
    assert r.status_code == 200, r.text
    html = r.text
    assert ('<a href="/entity?iri=https%3A%2F%2Fw3id.org%2Ftechkg%2Fid%2Fcompany%2Ftsmc" rel="nofollow noopener">'
            "https://w3id.org/techkg/id/company/tsmc</a>") in html
    assert '<a href="https://example.com/news/a?x=1&amp;y=2" rel="nofollow noopener">' in html
    assert "<td>javascript:alert(1)</td>" in html and 'href="javascript:' not in html
    assert "<td>https://w3id.org/techkg/id/article/a1</td>" in html
    r = client.get("/entity", params={"iri": "https://w3id.org/techkg/id/company/tsmc"})
    assert r.status_code == 200 and "台积电" in r.text
