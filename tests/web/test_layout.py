"""layout.py: every node placed, deterministic, components packed, fast on big graphs."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest

from techkg.errors import UsageError

from techkg.layout import (
    FIRST_VIEW,
    GAP,
    LABEL_FONT,
    SMALLEST_FONT,
    SPACING,
    first_view_scale,
    label_fonts,
    layout_positions,
    make_room,
)
from bench.synthetic import synthetic_graph


def as_array(pos, nodes):
    return np.array([pos[n] for n in nodes])


@pytest.mark.parametrize("method", ["spring", "mesh"])
def test_every_node_gets_a_finite_position(method):
    G = synthetic_graph(300, seed=3)
    pos = layout_positions(G, method=method)
    assert set(pos) == set(G)
    xy = as_array(pos, G)
    assert np.isfinite(xy).all()
    assert abs(xy.mean(axis=0)).max() < 5 * SPACING  # roughly centred


def test_same_seed_same_picture():
    G = synthetic_graph(800, seed=5)
    assert layout_positions(G, seed=1) == layout_positions(G, seed=1)
    assert layout_positions(G, seed=1) != layout_positions(G, seed=2)


def test_linked_nodes_sit_closer_than_unlinked():
    G = synthetic_graph(2000, seed=9)
    pos = layout_positions(G)
    xy = {n: np.array(p) for n, p in pos.items()}
    pairs_linked = {tuple(sorted((u, v))) for u, v in G.edges() if u != v}
    linked = [np.linalg.norm(xy[u] - xy[v]) for u, v in pairs_linked]
    rng = np.random.default_rng(0)
    nodes = list(G)
    pairs = rng.integers(0, len(nodes), size=(2000, 2))
    random = [np.linalg.norm(xy[nodes[a]] - xy[nodes[b]]) for a, b in pairs if a != b]
    assert np.median(linked) * 4 < np.median(random)
    assert np.median(linked) >= SPACING - 1e-6  # scaled so links are at least SPACING


def test_components_are_packed_without_overlap():
    G = nx.disjoint_union_all([nx.star_graph(40), nx.cycle_graph(12), nx.path_graph(5),
                               *(nx.path_graph(2) for _ in range(30)), nx.empty_graph(20)])
    pos = layout_positions(G, method="mesh")
    comps = [list(c) for c in nx.connected_components(G)]
    discs = []
    for c in comps:
        xy = as_array(pos, c)
        centre = xy.mean(axis=0)
        discs.append((centre, np.sqrt(((xy - centre) ** 2).sum(axis=1)).max()))
    for i in range(len(discs)):
        for j in range(i + 1, len(discs)):
            (ci, ri), (cj, rj) = discs[i], discs[j]
            assert np.linalg.norm(ci - cj) >= ri + rj - 1e-6
    # compact: the packed picture is not much wider than the components need
    xy = as_array(pos, G)
    span = (xy.max(axis=0) - xy.min(axis=0)).max()
    area_needed = sum(math.pi * max(r, SPACING / 2) ** 2 for _, r in discs)
    assert span < 6 * math.sqrt(area_needed)


def test_few_nodes_overlap():
    G = synthetic_graph(3000, seed=2)
    xy = as_array(layout_positions(G), G)
    from scipy.spatial import cKDTree

    near = cKDTree(xy).query(xy, k=2)[0][:, 1]
    assert np.median(near) >= GAP - 1e-6
    close = cKDTree(xy).query_pairs(r=GAP / 4)  # shapes are 8-40 px wide
    assert len(close) < 0.02 * len(xy)


def test_twenty_thousand_nodes_all_placed():
    """Speed is measured in bench/render_scale.py; here only that every node is placed."""
    G = synthetic_graph(20000, seed=4)
    pos = layout_positions(G)
    assert set(pos) == set(G)
    assert np.isfinite(as_array(pos, G)).all()


def test_tiny_and_bad_input():
    assert layout_positions(nx.Graph()) == {}
    assert layout_positions(nx.Graph([(1, 1)])) == {1: (0.0, 0.0)}
    with pytest.raises(UsageError, match="valid: auto, spring, mesh"):
        layout_positions(nx.path_graph(3), method="circle")


def label_boxes(pos, fonts, sizes, labels):
    """Label boxes as vis-network places them: under the node, shifted by vadjust."""
    from techkg.layout import _text_width

    boxes = {}
    for n, (font, shift) in fonts.items():
        x, y = pos[n]
        half = font * _text_width(labels[n]) / 2
        top = y + sizes[n] + 4 + font / 2 + shift  # measured in vis-network 9.1
        # 0.5 px less on each side: sizes and shifts are rounded to 0.1 in the payload
        boxes[n] = (x - half + 0.5, top + 0.5, x + half - 0.5, top + font - 0.5)
    return boxes


def test_fitted_labels_do_not_pile_up_and_hubs_keep_big_ones():
    G = synthetic_graph(400, seed=6)
    pos = layout_positions(G)
    deg = dict(nx.Graph(G).degree())
    top = max(deg.values())
    sizes = {n: 8 + 32 * math.sqrt(deg[n] / top) for n in G}
    labels = {n: G.nodes[n].get("label_zh") or G.nodes[n]["label"] for n in G}
    pos = make_room(pos, list(G.edges()), sizes)
    fonts = label_fonts(pos, labels, sizes, importance=deg)
    assert set(fonts) == set(G)
    placed = {n: b for n, b in label_boxes(pos, fonts, sizes, labels).items()
              if fonts[n].size > SMALLEST_FONT}
    assert len(placed) > 0.6 * len(G)  # most labels found room
    nodes = list(placed)
    for i, a in enumerate(nodes):
        la, ta, ra, ba = placed[a]
        for b in nodes[i + 1:]:
            lb, tb, rb, bb = placed[b]
            assert not (la < rb and lb < ra and ta < bb and tb < ba), (labels[a], labels[b])
    hubs = sorted(G, key=lambda n: -deg[n])[:5]
    median_font = float(np.median([f.size for f in fonts.values()]))
    assert all(fonts[h].size > median_font for h in hubs)
    assert max(fonts, key=lambda n: fonts[n].size) in hubs
    # the first view shows the biggest hub's label at least LABEL_FONT px tall
    assert fonts[hubs[0]].size * first_view_scale(pos, sizes) >= LABEL_FONT * 0.99


def test_leaves_get_room_beside_a_big_hub():
    hub_and_leaves = nx.star_graph(30)
    pos = layout_positions(hub_and_leaves)
    sizes = {0: 40.0, **{n: 8.0 for n in range(1, 31)}}
    moved = make_room(pos, list(hub_and_leaves.edges()), sizes)
    hx, hy = moved[0]
    assert moved[0] == pos[0]
    for leaf in range(1, 31):
        assert math.dist(moved[leaf], (hx, hy)) >= 40 + 8 + GAP - 1e-6
        # pushed straight out: the direction from the hub is kept
        before = np.subtract(pos[leaf], pos[0])
        after = np.subtract(moved[leaf], moved[0])
        cross = before[0] * after[1] - before[1] * after[0]
        assert abs(cross) < 1e-6 * np.linalg.norm(after) * np.linalg.norm(before)


def test_first_view_scale_fits_the_picture():
    pos = {"a": (0.0, 0.0), "b": (3600.0, 0.0), "c": (0.0, 100.0)}
    assert first_view_scale(pos, {"a": 0, "b": 0, "c": 0}) == FIRST_VIEW[0] / 3600
    assert first_view_scale({"a": (0.0, 0.0)}, {"a": 10.0}) > 1  # one small node: no shrinking
