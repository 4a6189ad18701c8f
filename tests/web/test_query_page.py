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
