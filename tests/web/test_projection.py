"""The explorer's in-memory projection: equal to the full projection of the store, through
writes, replacements, removals and writes by another process; hub pages paged and current."""

from __future__ import annotations

import time
import warnings
from urllib.parse import quote

import pytest
from conftest import TOKEN
from test_hardening import HUAWEI, hub_extractions
from web_samples import NVIDIA, TSMC

from techkg.network import to_networkx
from techkg.records import Article, Entity, Extraction, Mention, Relation
from techkg.store import GraphStore
from techkg.web.app import Limits, create_app
from techkg.web.projection import Projection

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
MEDIATEK = "https://w3id.org/techkg/id/company/mediatek"


def same(proj: Projection, store: GraphStore) -> None:
    full, mine = to_networkx(store), proj.graph()
    assert sorted(mine.nodes(data=True)) == sorted(full.nodes(data=True))
    assert sorted(mine.edges(keys=True, data=True), key=repr) == \
        sorted(full.edges(keys=True, data=True), key=repr)


def partnership(aid: str, text: str, a: tuple[str, str], b: tuple[str, str], date: str) -> Extraction:
    """An article stating that companies ``a`` and ``b`` (key, surface) partner."""
    ents = tuple(Entity(key, "Company", surface, (Mention(surface, text.index(surface),
                                                          text.index(surface) + len(surface)),))
                 for key, surface in (a, b))
    rel = Relation("partnership", a[0], b[0], text, 0, len(text), 0.85, "合作")
    return Extraction(Article(id=aid, text=text, title=text[:12], date=date,
                              url=f"https://news.example.cn/{aid}"), ents, (rel,))


def test_projection_follows_new_replaced_and_removed_articles(sample_store, new_store):
    store = new_store(sample_store)
    proj = Projection.build(store)
    same(proj, store)
    new = partnership("tw-1", "輝達與聯發科宣布合作開發車用晶片。", ("nvidia", "輝達"), ("mediatek", "聯發科"),
                      "2025-05-19")
    store.put(new)
    touched = proj.update(store, [str(store.ids.graph("tw-1"))])
    assert {NVIDIA, MEDIATEK} <= touched
    same(proj, store)
    # the same article rewritten: now about TSMC, not MediaTek (the old statements leave)
    store.put(partnership("tw-1", "ＮＶＩＤＩＡ與台積電擴大先進封裝合作。", ("nvidia", "ＮＶＩＤＩＡ"),
                          ("tsmc", "台積電"), "2025-06-02"))
    proj.update(store, [str(store.ids.graph("tw-1"))])
    same(proj, store)
    assert proj.weight((NVIDIA, TSMC, "partnership")) == 3
    assert store.remove("tw-1")
    proj.update(store, [str(store.ids.graph("tw-1"))])
    same(proj, store)
    assert proj.weight((NVIDIA, TSMC, "partnership")) == 2


def test_sync_catches_up_with_writes_it_was_not_told_about(sample_store, new_store):
    store = new_store(sample_store)
    proj = Projection.build(store)
    store.put(partnership("s-1", "华为与联发科合作研发５Ｇ基带。", ("huawei", "华为"), ("mediatek", "联发科"),
                          "2024-09-09"))
    some = next(a.id for a in store.articles() if a.id != "s-1")
    store.remove(some)
    proj.sync(store)
    same(proj, store)


def test_projection_of_a_hub_store_is_the_full_one(new_store):
    store = new_store()
    store.put_many(hub_extractions(partners=30, per_link=3))
    same(Projection.build(store), store)


@pytest.fixture(scope="module")
def hub_app_store():
    store = GraphStore.open(None)
    store.put_many(hub_extractions(partners=130, per_link=2))
    yield store
    store.close()


def test_hub_links_are_paged_in_a_stable_order(hub_app_store):
    c = TestClient(create_app(hub_app_store, limits=Limits(max_entity_links=50, max_evidence=1)))
    pages = [c.get("/api/entity", params={"iri": HUAWEI, "page": p}).json() for p in (1, 2, 3)]
    assert [p["links_shown"] for p in pages] == [50, 50, 30]
    assert all(p["links_total"] == 130 and p["pages"] == 3 for p in pages)
    seen = [x["iri"] for p in pages for x in p["partners"]]
    assert len(seen) == len(set(seen)) == 130
    assert pages[0]["partners"] == c.get("/api/entity", params={"iri": HUAWEI}).json()["partners"]
    assert all(len(x["evidence"]) == 1 and x["evidence_total"] == 2 for x in pages[0]["partners"])
    html = c.get("/entity", params={"iri": HUAWEI, "page": 2}).text
    assert "第 2 / 3 页" in html and 'rel="next"' in html and 'rel="prev"' in html
    # one link on its own: all its evidence, with a way back
    other = pages[0]["partners"][0]["iri"]
    one = c.get("/api/entity", params={"iri": HUAWEI, "with": other}).json()
    assert [len(x["evidence"]) for x in one["partners"]] == [2]
    assert "第1期" in one["partners"][0]["evidence"][0]["text"]
    assert f"with={quote(other, safe='')}" in c.get("/entity", params={"iri": HUAWEI}).text


def _built(client, path: str, params: dict, tries: int = 60) -> dict:
    """The page once built: a busy machine may answer 503 ("in a moment") while the first build runs."""
    for _ in range(tries):
        r = client.get(path, params=params)
        if r.status_code != 503:
            break
        time.sleep(0.25)
    assert r.status_code == 200, r.text
    return r.json()


def test_hub_page_after_a_post_shows_the_new_article(hub_app_store, new_store, live_extractor):
    store = new_store(hub_app_store)
    c = TestClient(create_app(store, token=TOKEN, extractor_factory=lambda: live_extractor))
    before = c.get("/api/entity", params={"iri": HUAWEI}).json()
    graph_before = _built(c, "/api/graph", {"iri": HUAWEI, "hops": 1})  # now cached
    text = "華為與騰訊宣布深化雲端合作，共同開發鴻蒙生態應用。"
    r = c.post("/articles", json={"id": "hub-post", "title": "華為與騰訊深化合作", "date": "2025-11-30",
                                  "text": text}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201, r.text
    ents = {e["key"]: e["iri"] for e in r.json()["entities"]}
    assert ents.get("huawei") == HUAWEI, ents
    partner = ents["tencent"]
    after = c.get("/api/entity", params={"iri": HUAWEI}).json()
    assert after["articles"] == before["articles"] + 1 and after["last_seen"] == "2025-11-30"
    assert after["links_total"] > before["links_total"]
    last = c.get("/api/entity", params={"iri": HUAWEI, "page": after["pages"]}).json()
    assert partner == last["partners"][-1]["iri"]  # one event against two: listed last
    page = c.get("/entity", params={"iri": HUAWEI, "with": partner}).text
    assert "共同開發鴻蒙生態應用" in page
    # the cached neighbourhood went stale: answered at once as it was, rebuilt in the background
    stale = c.get("/api/graph", params={"iri": HUAWEI, "hops": 1}).json()
    assert stale == graph_before and partner not in {n["id"] for n in stale["nodes"]}
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        graph_after = c.get("/api/graph", params={"iri": HUAWEI, "hops": 1}).json()
        if graph_after != graph_before:
            break
        time.sleep(0.05)
    assert partner in {n["id"] for n in graph_after["nodes"]}
    assert [h["id"] for h in c.get("/api/search", params={"q": "華為"}).json()["results"]][:1] == [HUAWEI]
