"""Records → RDF triples, and the NetworkX projection (contract with the browser side)."""

from __future__ import annotations

from decimal import Decimal

import networkx as nx
import pytest
from graph_samples import ARTICLES, build, extractions
from rdflib import Dataset, Literal
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SDO, SKOS, XSD

from techkg.network import to_networkx
from techkg.triples import article_graph, article_triples, confidence_literal, iso_date
from techkg.records import Article, Entity, Extraction, Mention, Relation
from techkg.store import GraphStore
from techkg.vocab import TK, Ids

IDS = Ids()
NVIDIA, TSMC, MEDIATEK = IDS.company("nvidia"), IDS.company("tsmc"), IDS.company("mediatek")

# (article id, entity key, type, expected labels (value, lang), expected aliases)
ENTITY_TABLE = [
    ("tw-nvidia-tsmc", "nvidia", "Company",
     {("NVIDIA", None), ("英伟达", "zh-hans"), ("輝達", "zh-hant"), ("NVIDIA", "en")}, {"輝達"}),
    ("gtc-culitho", "nvidia", "Company",
     {("NVIDIA", None), ("英伟达", "zh-hans"), ("輝達", "zh-hant"), ("NVIDIA", "en")}, {"英伟达", "NVIDIA"}),
    ("tw-nvidia-tsmc", "mediatek", "Company",
     {("MediaTek", None), ("联发科", "zh-hans"), ("聯發科", "zh-hant"), ("MediaTek", "en")}, {"聯發科"}),
    ("ai-race", "microsoft 365 copilot", "Product", {("Microsoft 365 Copilot", None)}, {"Microsoft 365 Copilot"}),
]


def sample(aid: str) -> Extraction:
    return build(next(a for a in ARTICLES if a[0] == aid))


@pytest.mark.parametrize(("aid", "key", "type_", "labels", "aliases"), ENTITY_TABLE)
def test_entity_labels_and_aliases(aid, key, type_, labels, aliases):
    g = article_graph(sample(aid))
    iri = IDS.entity(type_, key)
    assert (iri, RDF.type, TK[type_]) in g
    assert (iri, RDF.type, SDO.Organization if type_ == "Company" else SDO.Product) in g
    assert (iri, TK.key, Literal(key)) in g
    got = {(str(o), o.language) for o in g.objects(iri, RDFS.label)}
    assert got == labels
    assert {str(o) for o in g.objects(iri, SKOS.altLabel)} == aliases


def test_match_keys_fold_scripts_and_width():
    g = article_graph(sample("tw-nvidia-tsmc"))
    keys = {str(o) for o in g.objects(NVIDIA, TK.matchKey)}
    # 輝達 (Traditional, as written) and the Simplified label fold to the same key
    assert {"nvidia", "英伟达", "辉达"} <= keys


def test_article_node():
    ex = sample("gtc-culitho")
    g = article_graph(ex)
    art = IDS.article("gtc-culitho")
    assert (art, RDF.type, SDO.NewsArticle) in g
    assert (art, SDO.headline, Literal("英伟达发布cuLitho计算光刻库")) in g
    assert (art, SDO.datePublished, Literal("2023-03-21", datatype=XSD.date)) in g
    assert (art, SDO.url, Literal("https://example.com/news/gtc-culitho", datatype=XSD.anyURI)) in g
    assert (art, TK.source, Literal("虎嗅")) in g
    assert (art, TK.articleId, Literal("gtc-culitho")) in g
    assert (art, TK.contentHash, Literal(ex.article.content_hash)) in g
    assert (art, SDO.mentions, IDS.product("nvidia-culitho")) in g
    assert (art, TK.statementCount, Literal(len(g))) in g


def test_partnership_event_with_evidence_and_shortcuts():
    ex = sample("tw-nvidia-tsmc")
    g = article_graph(ex)
    events = list(g.subjects(RDF.type, TK.Partnership))
    assert len(events) == 2
    ev = IDS.event("tw-nvidia-tsmc", "partnership", "nvidia", "tsmc")
    assert ev in events
    assert set(g.objects(ev, TK.participant)) == {NVIDIA, TSMC}
    text = ex.article.text
    start, end = int(g.value(ev, TK.startOffset)), int(g.value(ev, TK.endOffset))
    assert str(g.value(ev, TK.evidence)) == text[start:end] == "輝達與台積電宣佈攜手合作，將ＧＰＵ加速的計算光刻導入２奈米製程。"
    assert g.value(ev, TK.confidence).toPython() == Decimal("0.9")
    assert g.value(ev, TK.trigger) == Literal("攜手合作")
    assert g.value(ev, PROV.wasDerivedFrom) == IDS.article("tw-nvidia-tsmc")
    assert g.value(ev, DCTERMS.date) == Literal("2023-04-02", datatype=XSD.date)
    assert (ev, RDF.type, TK.Event) in g
    assert (NVIDIA, TK.partnerOf, TSMC) in g and (TSMC, TK.partnerOf, NVIDIA) in g
    # the second partnership: keys sorted (mediatek < nvidia) for the event IRI
    assert IDS.event("tw-nvidia-tsmc", "partnership", "mediatek", "nvidia") in events


def test_release_and_maker():
    g = article_graph(sample("ai-race"))
    baidu, ernie = IDS.company("baidu"), IDS.product("ernie-bot")
    assert (baidu, TK.released, ernie) in g
    ev = IDS.event("ai-race", "release", "baidu", "ernie-bot")
    assert (ev, RDF.type, TK.ProductRelease) in g
    assert g.value(ev, TK.company) == baidu and g.value(ev, TK.product) == ernie
    assert (ernie, SDO.manufacturer, baidu) in g
    assert (IDS.product("microsoft 365 copilot"), SDO.manufacturer, IDS.company("microsoft")) in g


def test_same_relation_in_two_sentences_gives_two_events():
    text = "华为与台积电合作。华为再次与台积电合作。"
    ents = (
        Entity("huawei", "Company", "华为", (Mention("华为", 0, 2), Mention("华为", 9, 11))),
        Entity("tsmc", "Company", "台积电", (Mention("台积电", 3, 6), Mention("台积电", 14, 17))),
    )
    rels = (
        Relation("partnership", "huawei", "tsmc", text[0:9], 0, 9, 0.8, "合作"),
        Relation("partnership", "huawei", "tsmc", text[9:20], 9, 20, 0.7, "合作"),
    )
    g = article_graph(Extraction(Article(id="twice", text=text), ents, rels))
    events = set(g.subjects(RDF.type, TK.Partnership))
    assert len(events) == 2
    assert {str(g.value(e, TK.evidence)) for e in events} == {"华为与台积电合作。", "华为再次与台积电合作。"}


def test_relation_endpoint_not_listed_gets_typed_placeholder():
    text = "小米发布了新手机。"
    ex = Extraction(
        Article(id="x", text=text),
        (Entity("xiaomi", "Company", "小米", (Mention("小米", 0, 2),)),),
        (Relation("release", "xiaomi", "xiaomi 14", text, 0, len(text), 0.6, "发布"),),
    )
    g = article_graph(ex)
    assert (IDS.product("xiaomi 14"), RDF.type, TK.Product) in g
    assert (IDS.product("xiaomi 14"), RDFS.label, Literal("xiaomi 14")) in g


def test_triples_are_deterministic_and_unique():
    ex = sample("gtc-cloud")
    a, b = article_triples(ex), article_triples(ex)
    assert a == b
    assert len(set(a)) == len(a)


@pytest.mark.parametrize(("raw", "expected"), [
    ("2023-03-21", "2023-03-21"),
    ("2023-03-21T23:00:00+08:00", "2023-03-21"),
    ("2023-13-01", None),
    ("三月", None),
    (None, None),
])
def test_iso_date(raw, expected):
    assert iso_date(raw) == expected


def test_bad_date_leaves_no_date_triple():
    ex = Extraction(Article(id="d", text="腾讯发布混元大模型。", date="去年"), (), ())
    assert not any(p == SDO.datePublished for _, p, _ in article_triples(ex))


@pytest.mark.parametrize(("value", "text"), [(0.9, "0.9"), (1, "1.0"), (0.123456, "0.1235"), (0, "0.0")])
def test_confidence_literal_is_canonical_decimal(value, text):
    lit = confidence_literal(value)
    assert str(lit) == text and lit.datatype == XSD.decimal


# ---------------------------------------------------------------- to_networkx

NODE_ATTRS = {"label", "label_zh", "type", "key", "aliases", "articles", "first_seen", "last_seen", "maker"}
EDGE_ATTRS = {"type", "weight", "confidence", "first_date", "last_date", "evidence"}
EVIDENCE_KEYS = {"text", "article", "title", "date", "url", "confidence"}


@pytest.fixture(scope="module")
def store():
    s = GraphStore.open(None)
    for ex in extractions():
        s.put(ex)
    return s


@pytest.fixture(scope="module")
def nxg(store) -> nx.MultiDiGraph:
    return to_networkx(store)


def test_nodes_follow_the_contract(nxg):
    assert isinstance(nxg, nx.MultiDiGraph)
    for node, data in nxg.nodes(data=True):
        assert set(data) == NODE_ATTRS, node
        assert data["type"] in ("Company", "Product")
    nv = nxg.nodes[str(NVIDIA)]
    assert nv["label"] == "NVIDIA" and nv["label_zh"] == "英伟达" and nv["key"] == "nvidia"
    assert nv["aliases"] == ["NVIDIA", "英伟达", "輝達"]
    assert nv["articles"] == 4
    assert (nv["first_seen"], nv["last_seen"]) == ("2023-03-17", "2023-04-02")
    assert nxg.nodes[str(IDS.product("ernie-bot"))]["maker"] == str(IDS.company("baidu"))
    # a company only named in Traditional script still gets a Chinese label
    assert nxg.nodes[str(MEDIATEK)]["label_zh"] == "联发科"


def test_edges_follow_the_contract(nxg):
    keys = {k for _, _, k in nxg.edges(keys=True)}
    assert keys == {"partnership", "release", "maker"}
    for u, v, k, data in nxg.edges(keys=True, data=True):
        assert set(data) == EDGE_ATTRS and data["type"] == k
        if k == "partnership":
            assert u < v
        else:
            assert nxg.nodes[u]["type"] == "Company" and nxg.nodes[v]["type"] == "Product"
        for ev in data["evidence"]:
            assert set(ev) == EVIDENCE_KEYS
        dates = [e["date"] for e in data["evidence"]]
        assert dates == sorted(dates)


def test_partnership_edge_merges_articles_and_scripts(nxg):
    u, v = sorted([str(NVIDIA), str(TSMC)])
    e = nxg.edges[u, v, "partnership"]
    assert e["weight"] == 2 and e["confidence"] == 0.9
    assert (e["first_date"], e["last_date"]) == ("2023-03-21", "2023-04-02")
    texts = [ev["text"] for ev in e["evidence"]]
    assert texts[0].startswith("英伟达的计算光刻库") and texts[1].startswith("輝達與台積電")
    assert e["evidence"][1]["title"] == "輝達與台積電攜手推進先進製程"
    assert e["evidence"][1]["url"] == "https://example.com.tw/news/nvidia-tsmc"
    assert not nxg.has_edge(v, u, "partnership")


def test_release_and_maker_edges(nxg):
    nv, culitho = str(NVIDIA), str(IDS.product("nvidia-culitho"))
    assert nxg.edges[nv, culitho, "release"]["weight"] == 1
    maker = nxg.edges[nv, culitho, "maker"]
    assert maker["weight"] == 1 and maker["evidence"] == []


def test_same_projection_from_rdflib_dataset(nxg):
    ds = Dataset()
    for ex in extractions():
        g = ds.graph(IDS.graph(ex.article.id))
        for t in article_triples(ex):
            g.add(t)
    other = to_networkx(ds)
    assert dict(other.nodes(data=True)) == dict(nxg.nodes(data=True))
    assert sorted(other.edges(keys=True, data=True), key=repr) == sorted(nxg.edges(keys=True, data=True), key=repr)


def test_to_networkx_rejects_other_objects():
    with pytest.raises(TypeError, match="GraphStore"):
        to_networkx([1, 2, 3])
