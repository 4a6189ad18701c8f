"""NetworkX knowledge graph → one offline, interactive pyvis HTML page.

The graph follows the projection contract of :func:`techkg.network.to_networkx`
(a ``MultiDiGraph`` keyed by entity IRI, edges keyed by relation type with
evidence lists). Two entry points:

* :func:`vis_payload` picks the part of the graph to show (focus
  neighbourhood, top-N, minimum degree, a hard node cap), lays it out and
  returns plain dicts for vis-network. The served explorer reuses it.
* :func:`render_html` builds the page with a pyvis ``Network`` and the
  template in ``techkg/web/``, inlining vis-network from the installed pyvis
  package so the file works without network access.

Graphs follow the measured rules in ``docs/browser.md``: positions are
computed in Python and final (physics off), edges are straight, edges hide
while dragging or zooming above :data:`BIG_GRAPH`, and above ``max_nodes``
the graph is cut to the most connected entities with a visible note.
Entities without any drawn link are left out unless asked for (a note says
how many), and every label gets a font size that fits beside its
neighbours' (:func:`techkg.layout.label_fonts`), so hubs keep big labels and
crowded leaves show theirs once zoomed in.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("https://w3id.org/techkg/id/company/nvidia", label="NVIDIA", label_zh="英伟达",
...            aliases=["輝達", "NVIDIA"], type="Company")
>>> G.add_node("https://w3id.org/techkg/id/company/huawei", label="Huawei", label_zh="华为",
...            aliases=["華為"], type="Company")
>>> G.add_edge("https://w3id.org/techkg/id/company/huawei",
...            "https://w3id.org/techkg/id/company/nvidia", key="partnership", weight=2)
'partnership'
>>> html = render_html(G, title="demo")
>>> "new vis.Network" in html and "<script src" not in html
True
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Hashable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx

from techkg.atomic import atomic_write
from techkg.errors import RenderError
from techkg.layout import LABEL_FONT, LabelFit, label_fonts, layout_positions, make_room
from techkg.records import EntityType
from techkg.text import match_key

WEB_DIR = Path(__file__).resolve().parent / "web"

BIG_GRAPH = 1500
"""Above this many nodes, edges are hidden while dragging and zooming."""

LABEL_FIT_MAX = 2000
"""Up to this many nodes, label sizes are fitted to the room around each node.

Bigger graphs show no labels at the overview anyway; fitting 10,000 labels
would double the page's build time.
"""

LABEL_SCREEN_PX = 8
"""A label is drawn once it would be at least this many pixels tall on screen."""

DEFAULT_MAX_NODES = 10000
"""Hard cap on nodes in one page; bigger graphs are cut to the most connected.

Measured in headless Chromium on two shared cores (docs/browser.md): 10,000
nodes draw in 1.5 s and zoom at ~22 fps; 20,000 draw in 2 s but zoom at
~10 fps with 0.6 s stalls, so the default stops at 10,000.
"""

MAX_EVIDENCE = 5
"""Evidence sentences kept per edge in a rendered file (the total is reported)."""

SIZE_BY = ("degree", "pagerank")

CJK_FONT = (
    '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", '
    '"Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'
)

NODE_STYLE: dict[str, dict[str, str]] = {
    EntityType.COMPANY: {"color": "#3b75af", "shape": "dot", "label_zh": "公司", "label_en": "Company"},
    EntityType.PRODUCT: {"color": "#52a447", "shape": "diamond", "label_zh": "产品", "label_en": "Product"},
}
OTHER_NODE = {"color": "#8c8c8c", "shape": "dot", "label_zh": "其他", "label_en": "Other"}

EDGE_STYLE: dict[str, dict[str, Any]] = {
    "partnership": {"color": "#e8762b", "dashes": False, "arrows": "",
                    "label_zh": "合作", "label_en": "partnership"},
    "release": {"color": "#3b75af", "dashes": [8, 5], "arrows": "to",
                "label_zh": "发布", "label_en": "release"},
    "maker": {"color": "#8c8c8c", "dashes": [2, 4], "arrows": "to",
              "label_zh": "制造", "label_en": "maker"},
}
OTHER_EDGE = {"color": "#b0b0b0", "dashes": False, "arrows": "to",
              "label_zh": "关系", "label_en": "other"}


# ----------------------------------------------------------------------------- names


def node_names(attrs: dict) -> list[str]:
    """Every name a node answers to: label, Chinese label, key and aliases.

    >>> node_names({"label": "NVIDIA", "label_zh": "英伟达", "key": "nvidia", "aliases": ["輝達"]})
    ['NVIDIA', '英伟达', 'nvidia', '輝達']
    """
    names: list[str] = []
    for value in (attrs.get("label"), attrs.get("label_zh"), attrs.get("key"),
                  *(attrs.get("aliases") or ())):
        if value and value not in names:
            names.append(str(value))
    return names


def display_label(attrs: dict) -> str:
    """The label drawn on the node: the Chinese label when there is one.

    >>> display_label({"label": "NVIDIA", "label_zh": "英伟达"})
    '英伟达'
    """
    return str(attrs.get("label_zh") or attrs.get("label") or attrs.get("key") or "?")


def find_nodes(G: nx.Graph, name: str, *, limit: int = 20) -> list[Hashable]:
    """Nodes whose label or alias matches ``name`` (any script, any width, any case).

    Exact matches (after :func:`techkg.text.match_key`) come first, then
    nodes with a name containing the query, most connected first. An IRI
    matches its node directly.

    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_node("company/nvidia", label="NVIDIA", label_zh="英伟达", aliases=["輝達"])
    >>> find_nodes(G, "輝達") == find_nodes(G, "ＮＶＩＤＩＡ") == find_nodes(G, "英伟达") == ["company/nvidia"]
    True
    """
    if name in G:
        return [name]
    query = match_key(name)
    if not query:
        return []
    exact: list[Hashable] = []
    partial: list[Hashable] = []
    for node, attrs in G.nodes(data=True):
        keys = [match_key(n) for n in node_names(attrs)]
        if query in keys:
            exact.append(node)
        elif any(query in k for k in keys):
            partial.append(node)
    partial.sort(key=lambda n: (-G.degree(n), str(n)))
    return (exact + partial)[:limit]


# ----------------------------------------------------------------------------- selection


def _undirected_neighbours(G: nx.Graph, node: Hashable) -> set:
    if G.is_directed():
        return set(G.successors(node)) | set(G.predecessors(node))
    return set(G.neighbors(node))


def neighbourhood(G: nx.Graph, seeds: Iterable[Hashable], hops: int) -> set:
    """Nodes within ``hops`` links of any seed, ignoring edge direction.

    >>> sorted(neighbourhood(nx.path_graph(6), [0], 2))
    [0, 1, 2]
    """
    seen = set(seeds)
    frontier = set(seen)
    for _ in range(max(hops, 0)):
        nxt: set = set()
        for node in frontier:
            nxt |= _undirected_neighbours(G, node)
        frontier = nxt - seen
        seen |= frontier
        if not frontier:
            break
    return seen


def node_scores(G: nx.Graph, size_by: str = "degree") -> dict[Hashable, float]:
    """Importance of every node: distinct neighbours (``degree``) or PageRank.

    >>> node_scores(nx.star_graph(3))[0]
    3.0
    """
    if size_by not in SIZE_BY:
        raise RenderError(f"unknown size measure {size_by!r}; valid: {', '.join(SIZE_BY)}")
    simple = nx.Graph()
    simple.add_nodes_from(G.nodes)
    for u, v, data in G.edges(data=True):
        if u == v:
            continue
        w = data.get("weight", 1)
        w = float(w) if isinstance(w, (int, float)) else 1.0
        if simple.has_edge(u, v):
            simple[u][v]["weight"] += w
        else:
            simple.add_edge(u, v, weight=w)
    if size_by == "degree":
        return {n: float(d) for n, d in simple.degree()}
    if simple.number_of_edges() == 0:
        return {n: 1.0 / max(len(simple), 1) for n in simple}
    return nx.pagerank(simple, weight="weight")


def select_nodes(
    G: nx.Graph,
    *,
    focus: str | None = None,
    hops: int = 2,
    top: int | None = None,
    min_degree: int = 0,
    max_nodes: int = DEFAULT_MAX_NODES,
    scores: dict[Hashable, float] | None = None,
    isolated: bool = True,
) -> tuple[list[Hashable], list[Hashable], list[str]]:
    """Which nodes to draw, the focus nodes, and notes explaining any cut.

    With ``isolated=False`` (what ``techkg render`` does), entities with no
    link at all are left out with a note, unless a focus asks for them or
    nothing else would be drawn: drawn, they only fill rows of dots under
    the graph. An entity
    whose links all lead outside a ``top``/``max_nodes`` cut stays: it was
    chosen for its links.

    Returns:
        ``(nodes, focus_nodes, notes)``; notes are shown on the page.

    Raises:
        RenderError: ``focus`` matches no entity (the message lists close names).

    >>> import networkx as nx
    >>> G = nx.path_graph(["company/huawei", "company/xiaomi", "company/byd"])
    >>> G.nodes["company/huawei"].update(label="Huawei", label_zh="华为")
    >>> nodes, focus, notes = select_nodes(G, focus="華為", hops=1)
    >>> focus, sorted(nodes)
    (['company/huawei'], ['company/huawei', 'company/xiaomi'])
    """
    if hops < 0:
        raise RenderError(f"hops must be 0 or more, got {hops}")
    if top is not None and top < 1:
        raise RenderError(f"top must be at least 1, got {top}")
    scores = scores if scores is not None else node_scores(G)
    notes: list[str] = []
    total = G.number_of_nodes()
    focus_nodes: list[Hashable] = []
    if focus:
        matched = find_nodes(G, focus, limit=50)
        exact = [n for n in matched if focus == n or match_key(focus) in
                 {match_key(x) for x in node_names(G.nodes[n])}]
        focus_nodes = exact or matched[:1]
        if not focus_nodes:
            raise RenderError(
                f"no entity is called {focus!r}; search by any Chinese or English alias, "
                f"e.g. {', '.join(repr(display_label(G.nodes[n])) for n in _top(G, scores, 3))}"
            )
        keep = neighbourhood(G, focus_nodes, hops)
        notes.append(
            f"Neighbourhood of {', '.join(display_label(G.nodes[n]) for n in focus_nodes)} "
            f"within {hops} hop(s): {len(keep):,} of {total:,} entities."
        )
    else:
        keep = set(G.nodes)
    if min_degree > 0:
        sub = G.subgraph(keep)
        before = len(keep)
        keep = {n for n in keep if len(_undirected_neighbours(sub, n)) >= min_degree}
        keep |= set(focus_nodes)
        notes.append(f"Entities with fewer than {min_degree} links hidden: "
                     f"{before - len(keep):,} of {before:,}.")
    ordered = sorted(keep, key=lambda n: (-scores.get(n, 0.0), str(n)))
    if top is not None and len(ordered) > top:
        ordered = _keep_focus(ordered[:top], focus_nodes)
        notes.append(f"Showing the top {top:,} entities of {len(keep):,} by importance "
                     f"(--top {top}).")
    if len(ordered) > max_nodes:
        notes.append(
            f"This graph has {len(ordered):,} entities, more than one page draws smoothly; "
            f"showing the {max_nodes:,} most connected. Use --focus NAME, --top N or "
            f"--min-degree K to choose what to see."
        )
        ordered = _keep_focus(ordered[:max_nodes], focus_nodes)
    if not isolated:
        ordered, hidden = _drop_isolated(G, ordered, focus_nodes)
        if hidden:
            notes.append(f"{hidden:,} entities with no link to any other are not drawn "
                         f"(techkg render --isolated draws them).")
    return ordered, focus_nodes, notes


def _drop_isolated(G: nx.Graph, nodes: list[Hashable], keep: list[Hashable]
                   ) -> tuple[list[Hashable], int]:
    """``nodes`` without those linked to no other node of ``G``, and how many went.

    Focus nodes stay; when no node has a link, all stay (nothing else to see).

    >>> G = nx.Graph([(1, 2), (3, 3)]); G.add_node(4)
    >>> _drop_isolated(G, [1, 2, 3, 4], [])
    ([1, 2], 2)
    >>> _drop_isolated(G, [1, 4], [])  # 1 is linked, though not to a chosen node
    ([1], 1)
    """
    linked = {n for n in nodes if _undirected_neighbours(G, n) - {n}}
    if not linked:
        return nodes, 0
    kept = [n for n in nodes if n in linked or n in keep]
    return kept, len(nodes) - len(kept)


def _top(G: nx.Graph, scores: dict, n: int) -> list[Hashable]:
    return sorted(G.nodes, key=lambda x: (-scores.get(x, 0.0), str(x)))[:n]


def _keep_focus(nodes: list[Hashable], focus_nodes: list[Hashable]) -> list[Hashable]:
    missing = [f for f in focus_nodes if f not in set(nodes)]
    return nodes[: len(nodes) - len(missing)] + missing if missing else nodes


# ----------------------------------------------------------------------------- payload


def _size(score: float, top_score: float) -> float:
    if top_score <= 0:
        return 12.0
    return round(8.0 + 32.0 * math.sqrt(max(score, 0.0) / top_score), 1)


def _font(fitted: LabelFit | None) -> dict[str, float]:
    """vis-network font options of one node from :func:`techkg.layout.label_fonts`."""
    if fitted is None:
        return {"size": LABEL_FONT}
    if fitted.vadjust:
        return {"size": fitted.size, "vadjust": fitted.vadjust}
    return {"size": fitted.size}


def _edge_width(weight: Any) -> float:
    w = float(weight) if isinstance(weight, (int, float)) else 1.0
    return round(1.0 + 1.5 * math.log2(max(w, 1.0)), 2)


def safe_url(url: Any) -> str | None:
    """Only http(s) links reach the page (no ``javascript:`` URLs)."""
    if isinstance(url, str) and re.match(r"(?i)^https?://", url.strip()):
        return url.strip()
    return None


def _search_keys(names: list[str]) -> str:
    keys: list[str] = []
    for name in names:
        for k in (re.sub(r"\s+", "", name.lower()), match_key(name)):
            if k and k not in keys:
                keys.append(k)
    return "\n".join(keys)


def _evidence(items: Any, limit: int | None) -> tuple[list[dict], int]:
    ev = [e for e in (items or []) if isinstance(e, dict)]
    total = len(ev)
    if limit is not None:
        ev = ev[:limit]
    out = [
        {
            "text": str(e.get("text") or ""),
            "title": str(e.get("title") or ""),
            "date": str(e.get("date") or "")[:10] or None,
            "url": safe_url(e.get("url")),
            "article": str(e.get("article") or ""),
            "confidence": e.get("confidence"),
        }
        for e in ev
    ]
    return out, total


def vis_payload(
    G: nx.Graph,
    *,
    focus: str | None = None,
    hops: int = 2,
    top: int | None = None,
    min_degree: int = 0,
    size_by: str = "degree",
    max_nodes: int = DEFAULT_MAX_NODES,
    max_evidence: int | None = MAX_EVIDENCE,
    title: str = "techkg",
    seed: int = 7,
    isolated: bool = True,
) -> dict[str, Any]:
    """Nodes, edges and page settings for vis-network, with positions.

    Args:
        G: graph per the projection contract (``MultiDiGraph`` of entity IRIs).
        focus: show only the neighbourhood of the entity with this name or alias.
        hops: neighbourhood radius for ``focus``.
        top: keep only the ``top`` most important entities.
        min_degree: hide entities with fewer distinct neighbours.
        size_by: ``"degree"`` or ``"pagerank"`` (both are sent; this one is used first).
        max_nodes: hard cap; above it the most connected entities are kept, with a note.
        max_evidence: evidence sentences kept per edge (``None`` keeps all).
        title: page title.
        seed: layout seed.
        isolated: draw entities with no link at all too (false: leave them out, with a note).

    Returns:
        ``{"nodes": [...], "edges": [...], "meta": {...}}`` — JSON-ready.

    >>> import networkx as nx
    >>> G = nx.star_graph(["company/nvidia", "company/tsmc", "company/foxconn"], nx.MultiDiGraph)
    >>> G.nodes["company/nvidia"].update(label="NVIDIA", label_zh="英伟达", type="Company")
    >>> p = vis_payload(G, focus="英伟达", hops=1)
    >>> p["meta"]["focus"], len(p["nodes"])
    (['company/nvidia'], 3)
    >>> all("x" in n and "y" in n for n in p["nodes"])
    True
    """
    if size_by not in SIZE_BY:
        raise RenderError(f"unknown size measure {size_by!r}; valid: {', '.join(SIZE_BY)}")
    degree = node_scores(G, "degree")
    pagerank = node_scores(G, "pagerank") if G.number_of_nodes() else {}
    chosen = degree if size_by == "degree" else pagerank
    nodes, focus_nodes, notes = select_nodes(
        G, focus=focus, hops=hops, top=top, min_degree=min_degree,
        max_nodes=max_nodes, scores=chosen, isolated=isolated,
    )
    # a subgraph view filters every edge lookup (a third of a big neighbourhood's build):
    # when every node is shown, as in the server's neighbourhoods, use the graph itself
    sub = G if len(nodes) == G.number_of_nodes() else G.subgraph(nodes)
    pos = layout_positions(sub, seed=seed)
    n_shown = len(nodes)
    top_deg = max((degree.get(n, 0.0) for n in nodes), default=0.0)
    top_pr = max((pagerank.get(n, 0.0) for n in nodes), default=0.0)
    sizes = {n: _size(chosen.get(n, 0.0), top_deg if size_by == "degree" else top_pr)
             for n in nodes}
    pos = make_room(pos, list(sub.edges()), sizes)
    fonts = label_fonts(pos, {n: display_label(G.nodes[n]) for n in nodes}, sizes,
                        importance={n: chosen.get(n, 0.0) for n in nodes}
                        ) if n_shown <= LABEL_FIT_MAX else {}
    scale = {"degree": (degree, top_deg), "pagerank": (pagerank, top_pr)}
    vis_nodes = [_vis_node(node, G.nodes[node], pos, fonts, scale, size_by) for node in nodes]
    big = n_shown > BIG_GRAPH
    vis_edges, dates = _vis_edges(sub, big, max_evidence)
    meta = _vis_meta(G, title, vis_nodes, vis_edges, dates, notes=notes, focus_nodes=focus_nodes,
                     hops=hops, size_by=size_by, big=big)
    return {"nodes": vis_nodes, "edges": vis_edges, "meta": meta}


def _vis_node(
    node: Hashable, attrs: dict[str, Any], pos: dict[Hashable, tuple[float, float]], fonts: dict[Hashable, Any],
    scale: dict[str, tuple[dict[Hashable, float], float]], size_by: str,
) -> dict[str, Any]:
    """One node for vis-network: style, position, label font, sizes by both measures, search keys."""
    kind = str(attrs.get("type") or "Other")
    style = NODE_STYLE.get(kind, OTHER_NODE)
    names = node_names(attrs)
    x, y = pos.get(node, (0.0, 0.0))
    degree, top_deg = scale["degree"]
    pagerank, top_pr = scale["pagerank"]
    size_deg = _size(degree.get(node, 0.0), top_deg)
    size_pr = _size(pagerank.get(node, 0.0), top_pr)
    return {
        "id": str(node),
        "label": display_label(attrs),
        "title": " / ".join(names[:8]),
        "shape": style["shape"],
        "color": style["color"],
        "size": size_deg if size_by == "degree" else size_pr,
        "x": round(x, 1),
        "y": round(y, 1),
        "font": _font(fonts.get(node)),
        "type": kind,
        "name_en": str(attrs.get("label") or ""),
        "aliases": [str(a) for a in (attrs.get("aliases") or [])],
        "key": str(attrs.get("key") or ""),
        "articles": attrs.get("articles"),
        "first_seen": attrs.get("first_seen"),
        "last_seen": attrs.get("last_seen"),
        "maker": attrs.get("maker"),
        "degree": int(degree.get(node, 0.0)),
        "pagerank": round(pagerank.get(node, 0.0), 6),
        "size_degree": size_deg,
        "size_pagerank": size_pr,
        "search": _search_keys(names),
    }


def _vis_edges(sub: Any, big: bool, max_evidence: int) -> tuple[list[dict[str, Any]], list[str]]:
    """The edges for vis-network with their evidence, and every first/last date they carry."""
    vis_edges = []
    dates: list[str] = []
    for i, (u, v, key, data) in enumerate(sub.edges(keys=True, data=True)):
        rel = str(data.get("type") or key)
        style = _edge_style(rel, big)
        evidence, total = _evidence(data.get("evidence"), max_evidence)
        first, last = data.get("first_date"), data.get("last_date")
        dates += [d for d in (first, last) if d]
        vis_edges.append({
            "id": f"e{i}",
            "from": str(u),
            "to": str(v),
            "rel": rel,
            "color": style["color"],
            "dashes": style["dashes"],
            "arrows": style["arrows"],
            "width": _edge_width(data.get("weight", 1)),
            "weight": data.get("weight", 1),
            "confidence": data.get("confidence"),
            "first_date": str(first)[:10] if first else None,
            "last_date": str(last)[:10] if last else None,
            "evidence": evidence,
            "evidence_total": total,
        })
    return vis_edges, dates


def _vis_meta(
    G: Any, title: str, vis_nodes: list[dict[str, Any]], vis_edges: list[dict[str, Any]], dates: list[str], *,
    notes: list[str], focus_nodes: list[Any], hops: int, size_by: str, big: bool,
) -> dict[str, Any]:
    """What the page says about the drawing: counts, focus, date range, legend, the t2s map."""
    types = sorted({n["type"] for n in vis_nodes})
    rels = sorted({e["rel"] for e in vis_edges})
    meta = {
        "title": title,
        "total_nodes": G.number_of_nodes(),
        "total_edges": G.number_of_edges(),
        "shown_nodes": len(vis_nodes),
        "shown_edges": len(vis_edges),
        "notes": notes,
        "focus": [str(f) for f in focus_nodes],
        "hops": hops,
        "size_by": size_by,
        "physics": False,
        "big": big,
        "date_min": min(dates)[:10] if dates else None,
        "date_max": max(dates)[:10] if dates else None,
        "legend": {
            "nodes": [{"type": t, **NODE_STYLE.get(t, OTHER_NODE)} for t in types],
            "edges": [{"rel": r, **_edge_style(r, big)} for r in rels],
        },
        "t2s": traditional_map("".join(n["search"] for n in vis_nodes)),
    }
    return meta


def _edge_style(rel: str, big: bool) -> dict[str, Any]:
    """Edge look for a relation type; big graphs use colour only.

    Dashes and arrow heads triple vis-network's canvas time per frame
    (measured: ~95 ms → ~30 ms per full redraw at 5,000 nodes), so above
    :data:`BIG_GRAPH` relation types differ by colour alone.
    """
    style = dict(EDGE_STYLE.get(rel, OTHER_EDGE))
    if big:
        style["dashes"] = False
        style["arrows"] = ""
    return style


@lru_cache(maxsize=4)
def _opencc(config: str) -> Any:
    import opencc  # building a converter loads its dictionaries: do it once

    return opencc.OpenCC(config)


def traditional_map(text: str) -> dict[str, str]:
    """Traditional → Simplified for the Simplified characters in ``text``.

    The offline page folds a typed query with this map, so searching 輝達
    finds a node whose names only say 英伟达/辉达.

    >>> traditional_map("辉达")["輝"]
    '辉'
    """
    chars = sorted({c for c in text if ord(c) > 0x2E80})
    if not chars:
        return {}
    mapping: dict[str, str] = {}
    for config in ("s2t", "s2tw", "s2hk"):
        conv = _opencc(config)
        joined = conv.convert("\n".join(chars)).split("\n")
        if len(joined) != len(chars):
            joined = [conv.convert(c) for c in chars]
        for simp, trad in zip(chars, joined, strict=True):
            if len(trad) == 1 and trad != simp:
                mapping[trad] = simp
    return mapping


# ----------------------------------------------------------------------------- html


def vis_options(meta: dict[str, Any]) -> dict[str, Any]:
    """vis-network options for a payload: Python positions are final (physics off).

    Labels are drawn once they reach :data:`LABEL_SCREEN_PX` on screen; each
    node carries its own font size (see :func:`techkg.layout.label_fonts`).

    >>> vis_options({"physics": False, "big": True})["physics"]["enabled"]
    False
    """
    physics = bool(meta.get("physics"))
    big = bool(meta.get("big"))
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "nodes": {
            "borderWidth": 1,
            "font": {"face": CJK_FONT, "size": LABEL_FONT, "color": "#222",
                     "strokeWidth": 3, "strokeColor": "#ffffff"},
            # Labels appear once they would be readable: the overview shows the
            # hubs' (bigger fonts), crowded leaves' labels come when zoomed in.
            "scaling": {"label": {"enabled": False, "drawThreshold": LABEL_SCREEN_PX}},
        },
        "edges": {
            "smooth": False,
            "selectionWidth": 2,
            "arrows": {"to": {"scaleFactor": 0.5}},
            "color": {"inherit": False, "opacity": 0.8},
        },
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 80,
                                 "avoidOverlap": 0.2},
            "stabilization": {"enabled": physics, "iterations": 150, "updateInterval": 50,
                              "fit": True},
        },
        "interaction": {
            "hover": not big,
            "tooltipDelay": 250,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "multiselect": False,
            "navigationButtons": False,
        },
    }


def script_json(value: Any) -> str:
    """JSON safe to place inside a ``<script>`` element (no ``</script>`` breakout).

    >>> script_json({"t": "</script><b>"})
    '{"t": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def vis_assets() -> tuple[str, str]:
    """vis-network's JavaScript and CSS from the installed pyvis package.

    Raises:
        RenderError: pyvis is missing its bundled ``lib/vis-*`` folder.

    >>> js, css = vis_assets()
    >>> "vis" in js and len(css) > 1000
    True
    """
    import pyvis

    lib = Path(pyvis.__file__).resolve().parent / "lib"
    candidates = sorted(lib.glob("vis-*/vis-network.min.js"),
                        key=lambda p: [int(x) for x in re.findall(r"\d+", p.parent.name)])
    if not candidates:
        raise RenderError(
            f"{lib}: no vis-*/vis-network.min.js in the installed pyvis; "
            "reinstall it with `pip install --force-reinstall 'pyvis>=0.3.2'`"
        )
    js_path = candidates[-1]
    css_path = js_path.with_name("vis-network.css")
    js = js_path.read_text(encoding="utf-8")
    css = css_path.read_text(encoding="utf-8") if css_path.exists() else ""
    return js.replace("</script", "<\\/script"), css.replace("</style", "<\\/style")


def page_html(payload: dict[str, Any], *, mode: str = "file", api: str = "",
              title: str | None = None, links: list[tuple[str, str]] | None = None) -> str:
    """The explorer page for a payload (``mode="file"``) or the live app (``"live"``).

    The page is built with a pyvis ``Network`` whose nodes and edges are
    filled in bulk (pyvis's ``add_edge`` rescans all edges on every call),
    rendered through techkg's own Jinja2 template with everything inlined.

    >>> page_html({"nodes": [], "edges": [], "meta": {"title": "空图"}}).count("<title>空图")
    1
    """
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from markupsafe import Markup
    from pyvis.network import Network

    meta = payload.get("meta", {})
    title = title or str(meta.get("title") or "techkg")
    net = Network(height="100%", width="100%", directed=True, heading=title,
                  cdn_resources="in_line")
    net.nodes = payload.get("nodes", [])
    net.node_ids = [n["id"] for n in net.nodes]
    net.node_map = {n["id"]: n for n in net.nodes}
    net.edges = payload.get("edges", [])
    net.options = vis_options(meta)
    # Our own template folder, with autoescaping on: every text from articles is escaped.
    net.set_template_dir(str(WEB_DIR) + "/", "graph.html")
    net.templateEnv = Environment(loader=FileSystemLoader(str(WEB_DIR)),
                                  autoescape=select_autoescape(["html"]))
    nodes, edges, heading, _height, _width, options = net.get_network_data()
    vis_js, vis_css = vis_assets()
    data = {"nodes": nodes, "edges": edges, "meta": meta}
    config = {"mode": mode, "api": api, "options": json.loads(options)}
    template = net.templateEnv.get_template(net.path)
    return template.render(
        title=heading,
        meta=meta,
        font=CJK_FONT,
        vis_js=Markup(vis_js),
        vis_css=Markup(vis_css),
        app_js=Markup((WEB_DIR / "explorer.js").read_text(encoding="utf-8")),
        app_css=Markup((WEB_DIR / "explorer.css").read_text(encoding="utf-8")),
        data_json=Markup(script_json(data)),
        config_json=Markup(script_json(config)),
        links=links or [],
    )


def render_html(
    G: nx.Graph,
    out: Path | str | None = None,
    *,
    focus: str | None = None,
    hops: int = 2,
    top: int | None = None,
    min_degree: int = 0,
    size_by: str = "degree",
    title: str = "techkg",
    max_nodes: int = DEFAULT_MAX_NODES,
    isolated: bool = False,
) -> str:
    """Render ``G`` as one self-contained HTML page; write it when ``out`` is given.

    Args:
        G: graph per the projection contract.
        out: file to write (parent folders are created).
        focus: entity name or alias (Chinese, English, Traditional) to centre on.
        hops: neighbourhood radius around ``focus``.
        top: keep only the ``top`` most important entities.
        min_degree: hide entities with fewer distinct neighbours.
        size_by: ``"degree"`` or ``"pagerank"``.
        title: page title and heading.
        max_nodes: hard cap on drawn nodes (a note on the page says when it applies).
        isolated: also draw entities with no link at all (default: left out, with a note).

    Returns:
        The HTML text.

    Raises:
        RenderError: unknown focus or option.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([("company/nvidia", "product/h100")])
    >>> G.nodes["company/nvidia"].update(label="NVIDIA", label_zh="英伟达", aliases=["輝達"])
    >>> "英伟达" in render_html(G, focus="NVIDIA", hops=1)
    True
    """
    payload = vis_payload(G, focus=focus, hops=hops, top=top, min_degree=min_degree,
                          size_by=size_by, max_nodes=max_nodes, title=title, isolated=isolated)
    page = page_html(payload, mode="file", title=title)
    if out is not None:
        write_page(page, out)
    return page


def write_page(page: str, out: Path | str) -> None:
    """Write an HTML page atomically (a reader never sees half a page); parent folders are created."""
    with atomic_write(out, "w") as fh:
        fh.write(page)
