"""A read-only server over an on-disk store sees what another process ingests, without a restart."""

from __future__ import annotations

import json
import subprocess
import sys
import time

from starlette.testclient import TestClient

from techkg.records import Article, Entity, Extraction, Mention
from techkg.store import GraphStore
from techkg.web.app import Limits, create_app

NVIDIA = "https://w3id.org/techkg/id/company/nvidia"
ARTICLES = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://schema.org/NewsArticle> }"

# The other process: stores one more article about 輝達 into the same directory.
WRITER = """
import sys
from techkg.records import Article, Entity, Extraction, Mention
from techkg.store import GraphStore
text = "輝達與聯發科宣布合作開發車用晶片。"
ex = Extraction(Article(id="later", text=text, title="後來的文章", date="2025-05-19"),
                (Entity("nvidia", "Company", "NVIDIA", (Mention("輝達", 0, 2),)),
                 Entity("mediatek", "Company", "MediaTek", (Mention("聯發科", 3, 6),))), ())
with GraphStore.open(sys.argv[1]) as store:
    store.put(ex)
"""


def count(client: TestClient) -> int:
    r = client.get("/sparql", params={"query": ARTICLES},
                   headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.text
    return int(json.loads(r.text)["results"]["bindings"][0]["n"]["value"])


def test_new_articles_from_another_process_show_within_the_refresh_interval(tmp_path):
    path = tmp_path / "store"
    first = Extraction(Article(id="first", text="英伟达发布H100。", title="第一篇"),
                       (Entity("nvidia", "Company", "NVIDIA", (Mention("英伟达", 0, 3),)),), ())
    with GraphStore.open(path) as store:
        store.put(first)
    with GraphStore.open(path, read_only=True) as store:
        client = TestClient(create_app(store, limits=Limits(refresh_s=0.2)))
        assert count(client) == 1
        page = client.get("/api/search", params={"q": "聯發科"}).json()["results"]
        assert page == []
        assert client.get("/api/entity", params={"iri": NVIDIA}).json()["articles"] == 1
        subprocess.run([sys.executable, "-c", WRITER, str(path)], check=True, timeout=120)
        deadline = time.monotonic() + 10
        while count(client) == 1 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert count(client) == 2
        assert [r["label"] for r in client.get("/api/search", params={"q": "聯發科"}).json()["results"]] \
            == ["MediaTek"]
        # the entity page follows too: the other process's article counts, with its date
        nvidia = client.get("/api/entity", params={"iri": NVIDIA}).json()
        assert nvidia["articles"] == 2 and nvidia["last_seen"] == "2025-05-19"
