"""render.py: selection, payload, offline page, escaping, big-graph settings."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from web_samples import CATL, NVIDIA, TSMC, XSS_ALIAS, XSS_SENTENCE, XSS_TITLE

from techkg.render import (
    BIG_GRAPH,
    RenderError,
    find_nodes,
    neighbourhood,
    page_html,
    render_html,
    script_json,
    select_nodes,
    traditional_map,
    vis_payload,
)
from bench.synthetic import synthetic_graph

# query as a reader would type it → the entity it must find
ALIASES = [
    ("英伟达", NVIDIA),
    ("NVIDIA", NVIDIA),
    ("輝達", NVIDIA),                      # Traditional
    ("ｎｖｉｄｉａ", NVIDIA),              # full-width, lower case
    ("台積電", TSMC),
    ("tsmc", TSMC),
    ("微軟", "https://w3id.org/techkg/id/company/microsoft"),
    ("microsoft 365 copilot", "https://w3id.org/techkg/id/product/microsoft%20365%20copilot"),
    ("Ｍｉｃｒｏｓｏｆｔ ３６５ Ｃｏｐｉｌｏｔ",
     "https://w3id.org/techkg/id/product/microsoft%20365%20copilot"),
    ("華為", "https://w3id.org/techkg/id/company/huawei"),
    ("mate60pro", "https://w3id.org/techkg/id/product/mate%2060%20pro"),
]


def data_of(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="tk-data">(.*?)</script>', html, re.S)
    assert m, "data script missing"
    return json.loads(m.group(1))


@pytest.mark.parametrize(("query", "iri"), ALIASES)
def test_find_nodes_matches_any_alias(sample_graph, query, iri):
    assert find_nodes(sample_graph, query)[0] == iri


def test_find_nodes_unknown_is_empty(sample_graph):
    assert find_nodes(sample_graph, "不存在的公司") == []
    assert find_nodes(sample_graph, "   ") == []


def test_focus_keeps_exactly_the_neighbourhood(sample_graph):
    nodes, focus, notes = select_nodes(sample_graph, focus="輝達", hops=1)
    expected = set(nx.ego_graph(sample_graph.to_undirected(as_view=True), NVIDIA, radius=1))
    assert focus == [NVIDIA]
    assert set(nodes) == expected
    assert TSMC in nodes and "https://w3id.org/techkg/id/company/huawei" not in nodes
    assert "英伟达" in notes[0]
    h100 = "https://w3id.org/techkg/id/product/nvidia-h100-nvl"
    assert set(select_nodes(sample_graph, focus="h100 nvl", hops=1)[0]) == {h100, NVIDIA}
    assert set(select_nodes(sample_graph, focus="h100 nvl", hops=2)[0]) == expected


def test_neighbourhood_ignores_direction():
    G = nx.MultiDiGraph([("a", "b"), ("c", "b"), ("c", "d")])
    assert neighbourhood(G, ["a"], 2) == {"a", "b", "c"}
    assert neighbourhood(G, ["a"], 0) == {"a"}


def test_unknown_focus_suggests_names(sample_graph):
    with pytest.raises(RenderError, match="no entity is called '谷歌'.*e.g."):
        vis_payload(sample_graph, focus="谷歌")


def test_payload_schema_and_evidence(sample_graph):
    p = vis_payload(sample_graph)
    assert p["meta"]["shown_nodes"] == sample_graph.number_of_nodes() == len(p["nodes"])
    by_id = {n["id"]: n for n in p["nodes"]}
    nv = by_id[NVIDIA]
    assert nv["label"] == "英伟达" and nv["name_en"] == "NVIDIA"
    assert {"英伟达", "NVIDIA", "輝達"} <= set(nv["aliases"])
    assert nv["type"] == "Company" and nv["shape"] == "dot"
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in p["nodes"])
    edge = next(e for e in p["edges"] if {e["from"], e["to"]} == {NVIDIA, TSMC})
    assert edge["rel"] == "partnership" and edge["weight"] == 2
    assert [ev["date"] for ev in edge["evidence"]] == ["2023-03-21", "2023-04-02"]
    first = edge["evidence"][0]
    assert first["text"].startswith("英伟达（NVIDIA）宣布与台积电合作")
    assert first["title"] == "英伟达与台积电合作推进计算光刻"
    assert first["url"] == "https://news.example.cn/2023/nv-tsmc"
    rels = {e["rel"] for e in p["edges"]}
    assert rels == {"partnership", "release", "maker"}
    legend = p["meta"]["legend"]
    assert {x["type"] for x in legend["nodes"]} == {"Company", "Product"}
    assert p["meta"]["date_min"] == "2023-03-16" and p["meta"]["date_max"] == "2023-08-29"


def test_edge_styles_differ_by_relation(sample_graph):
    p = vis_payload(sample_graph)
    style = {e["rel"]: (e["color"], str(e["dashes"]), e["arrows"]) for e in p["edges"]}
    assert len(set(style.values())) == 3
    assert style["partnership"][2] == ""           # symmetric: no arrow
    assert style["release"][2] == "to"


def test_size_by_pagerank_changes_sizes(sample_graph):
    deg = {n["id"]: n["size"] for n in vis_payload(sample_graph, size_by="degree")["nodes"]}
    pr = {n["id"]: n["size"] for n in vis_payload(sample_graph, size_by="pagerank")["nodes"]}
    assert deg != pr
    assert all(8 <= s <= 40 for s in [*deg.values(), *pr.values()])
    assert max(deg, key=deg.get) == NVIDIA
    with pytest.raises(RenderError, match="valid: degree, pagerank"):
        vis_payload(sample_graph, size_by="betweenness")


def test_page_is_offline(sample_graph):
    html = render_html(sample_graph, title="离线图谱")
    assert "<title>离线图谱</title>" in html
    assert not re.search(r"<script[^>]+src=", html)
    assert not re.search(r"<link[^>]+stylesheet", html)
    for host in ("cdnjs", "jsdelivr", "unpkg", "googleapis", "bootstrap"):
        assert host not in html.lower()
    assert not re.search(r"""(src|href)=["']https?://""", html)
    assert "new vis.Network" in html and "vis.DataSet" in html  # vis-network inlined
    assert "Noto Sans CJK SC" in html                         # CJK font stack
    assert len(html) > 400_000


def test_article_html_is_escaped_in_the_page(sample_graph):
    html = render_html(sample_graph)
    for raw in ("<script>window.__pwned", XSS_ALIAS, "javascript:window"):
        assert raw not in html
    data = data_of(html)
    catl = next(n for n in data["nodes"] if n["id"] == CATL)
    assert XSS_ALIAS in catl["aliases"]                       # kept as text, not markup
    edge = next(e for e in data["edges"] if CATL in (e["from"], e["to"]))
    assert edge["evidence"][0]["text"] == XSS_SENTENCE
    assert edge["evidence"][0]["title"] == XSS_TITLE
    assert edge["evidence"][0]["url"] is None                 # javascript: URL dropped


def test_script_json_cannot_close_the_script():
    text = script_json({"a": "</script><script>alert(1)</script>", "b": "\u2028"})
    assert "</" not in text and "<" not in text
    assert json.loads(text) == {"a": "</script><script>alert(1)</script>", "b": "\u2028"}


def test_positions_are_final_and_big_graphs_draw_plainly():
    small = vis_payload(synthetic_graph(300))
    assert small["meta"]["physics"] is False and small["meta"]["big"] is False
    assert json.loads(re.search(r'id="tk-config">(.*?)</script>', page_html(small), re.S)
                      .group(1))["options"]["physics"]["enabled"] is False
    big = vis_payload(synthetic_graph(BIG_GRAPH + 100))
    assert big["meta"]["physics"] is False and big["meta"]["big"] is True
    # big graphs draw relation types by colour only (dashes/arrows are slow)
    assert {e["dashes"] for e in big["edges"]} == {False}
    html = page_html(big)
    cfg = json.loads(re.search(r'id="tk-config">(.*?)</script>', html, re.S).group(1))
    opts = cfg["options"]
    assert opts["physics"]["enabled"] is False
    assert opts["edges"]["smooth"] is False
    assert opts["interaction"]["hideEdgesOnDrag"] and opts["interaction"]["hideEdgesOnZoom"]
    assert opts["layout"]["improvedLayout"] is False


def test_cut_to_max_nodes_shows_a_visible_note():
    G = synthetic_graph(600)
    html = render_html(G, max_nodes=200, isolated=True)
    data = data_of(html)
    assert len(data["nodes"]) == 200
    note = data["meta"]["notes"][-1]
    assert "600" in note and "showing the 200 most connected" in note
    visible = re.search(r'<div id="tk-note" role="status">(.*?)</div>', html, re.S)
    assert visible and "showing the 200 most connected" in visible.group(1)
    # the kept nodes are the most connected ones
    und = G.to_undirected(as_view=True)
    deg = {n: len(set(und[n])) for n in G}  # distinct neighbours
    kept = {n["id"] for n in data["nodes"]}
    assert min(deg[n] for n in kept) >= max(deg[n] for n in G if n not in kept)


def test_top_and_min_degree_keep_focus():
    G = synthetic_graph(400)
    nodes, focus, notes = select_nodes(G, top=20)
    assert len(nodes) == 20 and "top 20" in notes[-1]
    nodes, focus, notes = select_nodes(G, focus="Mate 60", hops=1, min_degree=3)
    assert focus[0] in nodes
    und = G.subgraph(neighbourhood(G, focus, 1)).to_undirected(as_view=True)
    assert all(len(set(und[n])) >= 3 for n in nodes if n not in focus)
    with pytest.raises(RenderError):
        select_nodes(G, top=0)


def test_render_writes_the_file(tmp_path, sample_graph):
    out = tmp_path / "sub" / "graph.html"
    html = render_html(sample_graph, out, focus="華為", hops=1)
    assert out.read_text(encoding="utf-8") == html
    assert not list(tmp_path.rglob("*.tmp"))
    assert data_of(html)["meta"]["focus"] == ["https://w3id.org/techkg/id/company/huawei"]


def test_traditional_map_folds_queries():
    m = traditional_map("辉达台积电华为")
    assert m["輝"] == "辉" and m["積"] == "积" and m["華"] == "华" and m["為"] == "为"
    assert traditional_map("abc") == {}


def test_big_page_holds_every_node():
    """Speed is measured in bench/render_scale.py; here only what the page holds."""
    G = synthetic_graph(5000)
    data = data_of(render_html(G, isolated=True))
    assert len(data["nodes"]) == 5000
    assert all(n["font"]["size"] == 14 for n in data["nodes"])  # above LABEL_FIT_MAX: one size


BYTEDANCE = "https://w3id.org/techkg/id/company/bytedance"
UNITREE = "https://w3id.org/techkg/id/company/unitree"


def with_isolated(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The sample graph plus two entities no article links to anything."""
    H = G.copy()
    H.add_node(BYTEDANCE, label="ByteDance", label_zh="字节跳动", key="bytedance",
               type="Company", aliases=["字節跳動", "ByteDance"])
    H.add_node(UNITREE, label="Unitree", label_zh="宇树科技", key="unitree", type="Company",
               aliases=["宇樹科技"])
    return H


def test_isolated_entities_are_hidden_with_a_note(sample_graph):
    G = with_isolated(sample_graph)
    p = vis_payload(G, isolated=False)
    ids = {n["id"] for n in p["nodes"]}
    assert ids == set(sample_graph)                      # the linked 13, not the 2
    assert p["meta"]["shown_nodes"] == 13 and p["meta"]["total_nodes"] == 15
    assert p["meta"]["notes"] == [
        "2 entities with no link to any other are not drawn "
        "(techkg render --isolated draws them)."]
    html = render_html(G)
    note = re.search(r'<div id="tk-note" role="status">(.*?)</div>', html, re.S).group(1)
    assert "2 entities with no link" in note and "--isolated" in note


def test_isolated_entities_drawn_on_request_or_when_asked_for(sample_graph):
    G = with_isolated(sample_graph)
    every = vis_payload(G, isolated=True)
    assert {n["id"] for n in every["nodes"]} == set(G)
    assert every["meta"]["notes"] == []
    # a focus on an unlinked entity (by its Traditional alias) still shows it
    alone = vis_payload(G, focus="字節跳動", hops=2, isolated=False)
    assert [n["id"] for n in alone["nodes"]] == [BYTEDANCE]
    # a cut that leaves no link at all draws what is left rather than a blank page
    bare = nx.MultiDiGraph()
    bare.add_nodes_from(G.subgraph([BYTEDANCE, UNITREE]).nodes(data=True))
    assert {n["id"] for n in vis_payload(bare, isolated=False)["nodes"]} == {BYTEDANCE, UNITREE}
    # the served explorer (vis_payload's default) draws what it is given
    assert {n["id"] for n in vis_payload(G)["nodes"]} == set(G)


def test_a_cut_keeps_entities_linked_outside_it():
    G = synthetic_graph(600)
    und = G.to_undirected(as_view=True)
    nodes, _focus, notes = select_nodes(G, top=40, isolated=False)
    assert len(nodes) == 40 and "top 40" in notes[-1]          # chosen for their links
    unlinked = [n for n in G if not set(und[n]) - {n}]
    assert unlinked and not set(unlinked) & set(select_nodes(G, isolated=False)[0])
    assert set(unlinked) <= set(select_nodes(G)[0])


def test_hub_labels_are_bigger_than_leaf_labels(sample_graph):
    p = vis_payload(sample_graph)
    font = {n["id"]: n["font"]["size"] for n in p["nodes"]}
    assert font[NVIDIA] == max(font.values())
    assert all(isinstance(n["font"].get("vadjust", 0.0), float) for n in p["nodes"])
    h100 = "https://w3id.org/techkg/id/product/nvidia-h100-nvl"
    assert font[h100] <= font[NVIDIA]
