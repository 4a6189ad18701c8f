"""layout.py: every node placed, deterministic, components packed, fast on big graphs."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest

from techkg.layout import GAP, SPACING, layout_positions
from techkg.web.synthetic import synthetic_graph


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
    with pytest.raises(ValueError, match="valid: auto, spring, mesh"):
        layout_positions(nx.path_graph(3), method="circle")
