"""Fast node positions for drawing big graphs with physics off.

vis-network's physics (and NetworkX's ``spring_layout``) slow down roughly
with the square of the node count: 41 s for 5,000 nodes with
``spring_layout``. Here every connected component is laid out on its own and
the components are shelf-packed into a screen-shaped rectangle:

* tiny components (up to :data:`SMALL_COMPONENT` nodes): exact
  Fruchterman-Reingold, all of them at once as padded NumPy tensors;
* components up to :data:`SPRING_MAX` nodes: NetworkX's ``spring_layout``;
* bigger ones: a ForceAtlas2-style layout (linear springs, repulsion weighted
  by degree + 1) whose long-range repulsion is computed on a grid with FFTs
  (a particle-mesh method, O(n + M² log M) per iteration for an M×M grid) and
  whose short-range repulsion is exact between close pairs found with a k-d
  tree. 20,000 nodes take about 2 s.

Coordinates come back in screen pixels (links at least :data:`SPACING` long,
nodes at least :data:`GAP` from their nearest neighbour, both as medians),
ready for vis-network's ``x``/``y``.

>>> import networkx as nx
>>> pos = layout_positions(nx.path_graph(3))
>>> sorted(pos) == [0, 1, 2] and all(len(p) == 2 for p in pos.values())
True
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from functools import lru_cache
from typing import NamedTuple

import networkx as nx
import numpy as np

from techkg.errors import UsageError

SPACING = 70.0
"""Ideal distance between linked nodes, in pixels."""

GAP = 28.0
"""Median distance from a node to its nearest neighbour, in pixels (at least)."""

SPRING_MAX = 400
"""Up to this many nodes, NetworkX's exact ``spring_layout`` is fast enough (< 1 s)."""

Positions = dict[Hashable, tuple[float, float]]


def layout_positions(
    G: nx.Graph, *, seed: int = 7, method: str = "auto", iterations: int | None = None
) -> Positions:
    """Positions in pixels for every node of ``G`` (any NetworkX graph type).

    Args:
        G: the graph; edge attribute ``weight`` (if numeric) strengthens a link.
        seed: random seed, so the same graph always gets the same picture.
        method: ``"auto"`` (spring up to :data:`SPRING_MAX` nodes, mesh above),
            ``"spring"`` or ``"mesh"``.
        iterations: override the number of force iterations.

    Returns:
        ``{node: (x, y)}`` centred on the origin.

    Raises:
        UsageError: for an unknown ``method``.

    >>> pos = layout_positions(nx.star_graph(5), method="mesh")
    >>> len(pos)
    6
    """
    if method not in ("auto", "spring", "mesh"):
        raise UsageError(f"unknown layout method {method!r}; valid: auto, spring, mesh")
    nodes = list(G.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {node: i for i, node in enumerate(nodes)}
    src, dst, w = _edge_arrays(G, index)
    if method == "spring":
        xy = _spring(n, src, dst, w, seed=seed, iterations=iterations or 60)
    else:
        xy = _components_layout(n, src, dst, w, seed=seed, iterations=iterations,
                                spring_max=SPRING_MAX if method == "auto" else 0)
    xy = _to_pixels(xy, src, dst)
    return {node: (float(xy[i, 0]), float(xy[i, 1])) for i, node in enumerate(nodes)}


def _edge_arrays(G: nx.Graph, index: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Undirected simple edges as index arrays, parallel edges summed into a weight."""
    pairs: dict[tuple[int, int], float] = {}
    for u, v, data in G.edges(data=True):
        i, j = index[u], index[v]
        if i == j:
            continue
        key = (i, j) if i < j else (j, i)
        weight = data.get("weight", 1)
        weight = float(weight) if isinstance(weight, (int, float)) else 1.0
        pairs[key] = pairs.get(key, 0.0) + max(weight, 0.0)
    if not pairs:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    ij = np.array(list(pairs), dtype=np.int64)
    # Damp heavy links: log keeps a 40-article partnership from collapsing its ends.
    w = 1.0 + np.log1p(np.array(list(pairs.values())))
    return ij[:, 0], ij[:, 1], w


def _spring(n: int, src, dst, w, *, seed: int, iterations: int) -> np.ndarray:
    U = nx.Graph()
    U.add_nodes_from(range(n))
    U.add_weighted_edges_from(zip(src.tolist(), dst.tolist(), w.tolist(), strict=True))
    pos = nx.spring_layout(U, seed=seed, iterations=iterations)
    return np.array([pos[i] for i in range(n)], dtype=float)


@lru_cache(maxsize=8)
def _kernel_fft(m: int) -> tuple[np.ndarray, np.ndarray]:
    """FFT of the softened 1/r repulsion field on a (2m)×(2m) grid, in grid units."""
    size = 2 * m
    off = np.fft.fftfreq(size, d=1.0 / size)  # 0, 1, ..., m-1, -m, ..., -1
    dx, dy = np.meshgrid(off, off, indexing="ij")
    r2 = dx * dx + dy * dy + 1.0  # softening of one cell
    return np.fft.rfft2(dx / r2), np.fft.rfft2(dy / r2)


def _mesh_repulsion(pos: np.ndarray, mass: np.ndarray, m_max: int = 256
                    ) -> tuple[np.ndarray, float]:
    """Long-range repulsion ``m_i Σ_j m_j (p_i - p_j) / |p_i - p_j|²`` on an FFT grid.

    Returns the forces and the grid cell size.
    """
    lo = pos.min(axis=0)
    span = float((pos.max(axis=0) - lo).max()) + 2.0
    m = int(min(m_max, max(16, 2 ** math.ceil(math.log2(max(span, 2.0))))))
    h = span / m
    g = (pos - lo + 1.0) / h - 0.5  # cell-centred grid coordinates
    i0 = np.clip(np.floor(g).astype(np.int64), 0, m - 2)
    f = np.clip(g - i0, 0.0, 1.0)
    size = 2 * m
    corners = []
    density = np.zeros(size * size)
    for di in (0, 1):
        for dj in (0, 1):
            wgt = (f[:, 0] if di else 1 - f[:, 0]) * (f[:, 1] if dj else 1 - f[:, 1])
            flat = (i0[:, 0] + di) * size + (i0[:, 1] + dj)
            density += np.bincount(flat, wgt * mass, minlength=size * size)
            corners.append((flat, wgt))
    rho = np.fft.rfft2(density.reshape(size, size))
    kx, ky = _kernel_fft(m)
    fx = np.fft.irfft2(rho * kx, s=(size, size)).ravel()
    fy = np.fft.irfft2(rho * ky, s=(size, size)).ravel()
    out = np.zeros_like(pos)
    for flat, wgt in corners:
        out[:, 0] += wgt * fx[flat]
        out[:, 1] += wgt * fy[flat]
    return out * (mass / h)[:, None], h


def _near_repulsion(pos: np.ndarray, mass: np.ndarray, radius: float) -> np.ndarray:
    """Exact repulsion between pairs closer than ``radius`` (the grid blurs them)."""
    from scipy.spatial import cKDTree

    pairs = cKDTree(pos).query_pairs(r=radius, output_type="ndarray")
    out = np.zeros_like(pos)
    if len(pairs) == 0:
        return out
    a, b = pairs[:, 0], pairs[:, 1]
    d = pos[a] - pos[b]
    r2 = np.maximum((d * d).sum(axis=1), 1e-4)
    push = d * (mass[a] * mass[b] / r2)[:, None]
    n = len(pos)
    for axis in (0, 1):
        out[:, axis] += np.bincount(a, push[:, axis], minlength=n)
        out[:, axis] -= np.bincount(b, push[:, axis], minlength=n)
    return out


def _attraction(pos: np.ndarray, src, dst, w) -> np.ndarray:
    """Linear spring pull along every link (ForceAtlas2 style)."""
    pull = (pos[dst] - pos[src]) * w[:, None]
    n = len(pos)
    out = np.zeros_like(pos)
    for axis in (0, 1):
        out[:, axis] += np.bincount(src, pull[:, axis], minlength=n)
        out[:, axis] -= np.bincount(dst, pull[:, axis], minlength=n)
    return out


def _mesh_layout(n: int, src, dst, w, *, seed: int, iterations: int) -> np.ndarray:
    """ForceAtlas2-like layout: repulsion weighted by degree, computed on a grid.

    Weighting repulsion by ``degree + 1`` pushes a hub's many leaves out to
    a circle that grows with the hub, instead of stacking them on top of
    each other as plain Fruchterman-Reingold does.
    """
    rng = np.random.default_rng(seed)
    mass = 1.0 + np.bincount(src, minlength=n) + np.bincount(dst, minlength=n)
    side = 1.5 * math.sqrt(float(mass.sum()))
    pos = rng.uniform(-side / 2, side / 2, size=(n, 2))
    t_start, t_end = side / 8, 0.02
    for step in range(iterations):
        far, h = _mesh_repulsion(pos, mass)
        disp = far + _near_repulsion(pos, mass, 1.5 * h) + _attraction(pos, src, dst, w)
        centre = pos - pos.mean(axis=0)
        dist = np.maximum(np.sqrt((centre * centre).sum(axis=1)), 1e-9)
        disp -= centre * (0.1 * mass / dist)[:, None]  # constant-strength gravity
        length = np.sqrt((disp * disp).sum(axis=1))
        temp = t_start * (t_end / t_start) ** (step / max(iterations - 1, 1))
        scale = np.minimum(length, temp) / np.maximum(length, 1e-9)
        pos += disp * scale[:, None]
    return pos


SMALL_COMPONENT = 64
"""Components up to this size are laid out together, in batches, with exact forces."""


def _components_layout(n: int, src, dst, w, *, seed: int, iterations: int | None,
                       spring_max: int) -> np.ndarray:
    """Lay out each connected component on its own, then pack them in rows.

    One global simulation would push small components far away from the
    big one (its repulsion outweighs any gentle gravity); packing keeps
    the picture compact. Tiny components are laid out together in batches,
    components up to ``spring_max`` nodes with NetworkX's spring layout, and
    bigger ones with the grid layout; each is scaled to a unit link length.
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    adj = coo_matrix((np.ones(len(src)), (src, dst)), shape=(n, n))
    n_comp, labels = connected_components(adj, directed=False)
    order = np.argsort(labels, kind="stable")
    bounds = np.searchsorted(labels[order], np.arange(n_comp + 1))
    members = [order[bounds[c]:bounds[c + 1]] for c in range(n_comp)]
    edge_comp = labels[src]
    edge_order = np.argsort(edge_comp, kind="stable")
    ebounds = np.searchsorted(edge_comp[edge_order], np.arange(n_comp + 1))
    xy = np.zeros((n, 2))
    local = np.full(n, -1, dtype=np.int64)
    small: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
    rng = np.random.default_rng(seed)
    for c in range(n_comp):
        nodes = members[c]
        local[nodes] = np.arange(len(nodes))
        eidx = edge_order[ebounds[c]:ebounds[c + 1]]
        ls, ld, lw = local[src[eidx]], local[dst[eidx]], w[eidx]
        if len(nodes) == 1:
            continue
        sub_seed = int(rng.integers(1 << 31))
        if len(nodes) <= SMALL_COMPONENT:
            small.append((nodes, ls, ld, lw))
            continue
        if len(nodes) <= spring_max:
            part = _spring(len(nodes), ls, ld, lw, seed=sub_seed, iterations=iterations or 60)
        else:
            part = _mesh_layout(len(nodes), ls, ld, lw, seed=sub_seed, iterations=iterations or 120)
        xy[nodes] = _unit_links(part, ls, ld)
    _batch_small(xy, small, rng)
    for nodes, ls, ld, _lw in small:
        xy[nodes] = _unit_links(xy[nodes], ls, ld)
    _pack(xy, members)
    return xy


def _unit_links(xy: np.ndarray, src, dst) -> np.ndarray:
    """Scale one component so its median link is 1 long."""
    lengths = np.sqrt(((xy[src] - xy[dst]) ** 2).sum(axis=1))
    typical = float(np.median(lengths)) if len(lengths) else 0.0
    return xy / typical if typical > 0 and math.isfinite(typical) else xy


def _batch_small(xy: np.ndarray, comps: list, rng: np.random.Generator,
                 iterations: int = 60) -> None:
    """Exact Fruchterman-Reingold for many small components at once (padded tensors)."""
    k = 1.0
    buckets: dict[int, list] = {}
    for comp in comps:
        size = 2 ** math.ceil(math.log2(len(comp[0])))
        buckets.setdefault(size, []).append(comp)
    for size, group in buckets.items():
        chunk = max(1, 2_000_000 // (size * size))
        for at in range(0, len(group), chunk):
            part = group[at:at + chunk]
            c = len(part)
            mask = np.zeros((c, size), dtype=bool)
            A = np.zeros((c, size, size))
            for i, (nodes, ls, ld, lw) in enumerate(part):
                mask[i, : len(nodes)] = True
                np.add.at(A[i], (ls, ld), lw)
                np.add.at(A[i], (ld, ls), lw)
            pair = mask[:, :, None] & mask[:, None, :]
            pair &= ~np.eye(size, dtype=bool)[None]
            side = math.sqrt(size)
            pos = rng.uniform(-side / 2, side / 2, size=(c, size, 2))
            t_start, t_end = side / 4, k / 50
            for step in range(iterations):
                d = pos[:, :, None, :] - pos[:, None, :, :]
                r2 = np.maximum((d * d).sum(-1), 1e-4)
                r = np.sqrt(r2)
                coef = np.where(pair, k * k / r2 - A * r / k, 0.0)
                disp = (d * coef[..., None]).sum(axis=2)
                length = np.sqrt((disp * disp).sum(-1))
                temp = t_start * (t_end / t_start) ** (step / (iterations - 1))
                pos += disp * (np.minimum(length, temp) / np.maximum(length, 1e-9))[..., None]
            for i, (nodes, *_rest) in enumerate(part):
                xy[nodes] = pos[i, : len(nodes)]


def _pack(xy: np.ndarray, members: list[np.ndarray], gap: float = 1.0,
          aspect: float = 1.6) -> None:
    """Shelf-pack components, biggest first, into a screen-shaped rectangle.

    Each component keeps its own layout and is moved as a block; rows are
    filled left to right up to a width chosen so the whole picture is about
    ``aspect`` times wider than high, which uses a browser window well.
    """
    sized = sorted(range(len(members)), key=lambda c: -len(members[c]))
    boxes = []
    for c in sized:
        nodes = members[c]
        xy[nodes] -= xy[nodes].min(axis=0)
        w, h = xy[nodes].max(axis=0)
        boxes.append((c, float(w) + gap, float(h) + gap))
    if not boxes:
        return
    area = sum(w * h for _, w, h in boxes)
    width = max(boxes[0][1], math.sqrt(area * aspect) * 1.1)
    x = y = row_h = 0.0
    for c, w, h in boxes:
        if x > 0 and x + w > width:
            x, y, row_h = 0.0, y + row_h, 0.0
        xy[members[c]] += (x, y)
        x += w
        row_h = max(row_h, h)


def _to_pixels(xy: np.ndarray, src, dst) -> np.ndarray:
    """Centre and scale: links at least :data:`SPACING` and neighbours :data:`GAP` apart.

    Both are medians: the median link is at least ``SPACING`` pixels long and
    the median distance to the nearest other node at least ``GAP`` pixels,
    so hubs with many leaves do not draw as a blot.
    """
    from scipy.spatial import cKDTree

    xy = xy - xy.mean(axis=0)
    scale = 1.0
    if len(src):
        lengths = np.sqrt(((xy[src] - xy[dst]) ** 2).sum(axis=1))
        typical = float(np.median(lengths))
        if typical > 0 and math.isfinite(typical):
            scale = SPACING / typical
    if len(xy) > 1:
        near = cKDTree(xy).query(xy, k=2)[0][:, 1]
        gap = float(np.median(near))
        if gap > 0 and math.isfinite(gap):
            scale = max(scale, GAP / gap)
    return xy * scale


# ----------------------------------------------------------------------------- labels

LABEL_FONT = 14.0
"""Font size of an ordinary label, in layout pixels (vis-network canvas units)."""

FIRST_VIEW = (900.0, 650.0)
"""Graph area of a typical browser window, in screen pixels: the first view fits the graph in it."""

HUB_FONT = 4.0
"""Upper bound on a label's size as a multiple of :data:`LABEL_FONT`."""

SMALLEST_FONT = 3.0
"""A label that fits nowhere gets this size: it shows only when zoomed far in."""

FONT_STEPS = (1.0, 0.8, 0.64, 0.5, 0.4, 0.3)
"""Fractions of a label's preferred size tried, biggest first, until it fits."""

_CELL = 48.0  # grid cell of the overlap index, in layout pixels


class LabelFit(NamedTuple):
    """Where and how big one label is drawn (vis-network's ``font.size`` and ``font.vadjust``)."""

    size: float
    vadjust: float = 0.0


def _text_width(text: str) -> float:
    """Width of ``text`` in ems: CJK and full-width characters are one em, others ~0.6."""
    return sum(1.0 if ord(ch) >= 0x2E80 else 0.6 for ch in text) or 1.0


class _BoxIndex:
    """Axis-aligned boxes on a uniform grid, for fast "does this overlap?" questions."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[int]] = {}
        self.boxes: list[tuple[float, float, float, float]] = []
        self.owner: list[Hashable] = []
        self.is_label: list[bool] = []

    def _keys(self, box: tuple[float, float, float, float]):
        left, top, right, bottom = box
        for i in range(math.floor(left / _CELL), math.floor(right / _CELL) + 1):
            for j in range(math.floor(top / _CELL), math.floor(bottom / _CELL) + 1):
                yield i, j

    def add(self, box: tuple[float, float, float, float], owner: Hashable, *, label: bool) -> None:
        self.boxes.append(box)
        self.owner.append(owner)
        self.is_label.append(label)
        for key in self._keys(box):
            self.cells.setdefault(key, []).append(len(self.boxes) - 1)

    def hits(self, box: tuple[float, float, float, float], owner: Hashable, *,
             shapes: bool = True) -> bool:
        """Whether ``box`` overlaps a label (and, if ``shapes``, a node) of another owner."""
        left, top, right, bottom = box
        for key in self._keys(box):
            for k in self.cells.get(key, ()):
                o = self.boxes[k]
                if (self.owner[k] != owner and (shapes or self.is_label[k])
                        and left < o[2] and o[0] < right and top < o[3] and o[1] < bottom):
                    return True
        return False


def label_fonts(pos: Positions, labels: dict[Hashable, str], sizes: dict[Hashable, float],
                importance: dict[Hashable, float] | None = None
                ) -> dict[Hashable, LabelFit]:
    """A font size and vertical shift per label so that labels do not pile up around hubs.

    Labels are placed greedily, most important node first, under their node
    (where vis-network draws them), else above it (a negative ``vadjust``),
    at the biggest size that overlaps neither a label already placed nor
    another node's shape, else on the node itself, where it may cover small
    shapes but no label. The first view fits the whole graph in
    about :data:`FIRST_VIEW` pixels, which shrinks a big picture; the most
    important node prefers a label that is :data:`LABEL_FONT` pixels tall
    even then (at most :data:`HUB_FONT` times that in layout pixels), others
    less in proportion to the square root of their importance, so the
    overview names the hubs. A leaf crowded beside a hub gets a small font,
    which the page draws only once zooming in makes it readable. Sizes are
    in layout pixels.

    Args:
        pos: node positions from :func:`layout_positions`.
        labels: the text drawn under each node.
        sizes: each node's shape radius.
        importance: score ordering the placement (bigger first); default: size.

    Returns:
        ``{node: LabelFit}`` for every node of ``pos``: font size and
        ``vadjust`` (0 for a label under its node, negative above or on it).

    >>> fonts = label_fonts({"hub": (0, 0), "leaf": (0, 60), "far": (2000, 0)},
    ...                     {"hub": "英伟达", "leaf": "H100", "far": "台积电"},
    ...                     {"hub": 40, "leaf": 8, "far": 8})
    >>> fonts["hub"][0] > fonts["far"][0] and fonts["hub"][1] < 0  # above: a leaf is below
    True
    """
    importance = importance if importance is not None else sizes
    top = max((importance.get(n, 0.0) for n in pos), default=0.0)
    zoom = min(1.0, first_view_scale(pos, sizes))
    index = _BoxIndex()
    for node, (x, y) in pos.items():
        r = sizes.get(node, 10.0)
        index.add((x - r, y - r, x + r, y + r), node, label=False)
    fonts: dict[Hashable, float] = {}
    order = sorted(pos, key=lambda n: (-importance.get(n, 0.0), -sizes.get(n, 0.0), str(n)))
    for node in order:
        x, y = pos[node]
        r = sizes.get(node, 10.0)
        share = math.sqrt(max(importance.get(node, 0.0), 0.0) / top) if top > 0 else 0.0
        preferred = LABEL_FONT * min(1.0 + (1.0 / zoom - 1.0) * share, HUB_FONT)
        em = _text_width(labels.get(node, ""))
        chosen = (SMALLEST_FONT, 0.0, _label_box(x, y, r, SMALLEST_FONT, em, "below"))
        for step in FONT_STEPS:
            font = preferred * step
            if font < SMALLEST_FONT:
                break
            for where in ("below", "above", "on"):
                box = _label_box(x, y, r, font, em, where)
                # a label on its own node may cover small shapes nearby, not labels
                if not index.hits(box, node, shapes=where != "on"):
                    chosen = (font, box[1] + 1.5 - label_top(y, r, font), box)
                    break
            else:
                continue
            break
        index.add(chosen[2], node, label=True)
        fonts[node] = LabelFit(round(chosen[0], 1), round(chosen[1], 1))
    return fonts


LABEL_DROP = 4.0
"""vis-network puts a label's box ``LABEL_DROP + font / 2`` under a dot or diamond (measured)."""


def label_top(y: float, r: float, font: float) -> float:
    """Where vis-network puts the top of the label of a node at ``y`` with radius ``r``."""
    return y + r + LABEL_DROP + font / 2


def _label_box(x: float, y: float, r: float, font: float, em: float, where: str
               ) -> tuple[float, float, float, float]:
    """The box (left, top, right, bottom) of a label below, above or on a node of radius r.

    1.5 px of margin on every side holds the white outline drawn around the text.
    """
    half = font * em / 2 + 1.5
    top = {"below": label_top(y, r, font), "above": y - r - LABEL_DROP - font,
           "on": y - font / 2}[where]
    return (x - half, top - 1.5, x + half, top + font + 1.5)


def first_view_scale(pos: Positions, sizes: dict[Hashable, float]) -> float:
    """The zoom at which the whole picture fits :data:`FIRST_VIEW` (as vis-network's ``fit``).

    >>> first_view_scale({1: (0.0, 0.0), 2: (1800.0, 0.0)}, {1: 0.0, 2: 0.0})
    0.5
    """
    if not pos:
        return 1.0
    xy = np.array([pos[n] for n in pos], dtype=float)
    r = np.array([sizes.get(n, 10.0) for n in pos], dtype=float)
    width = float((xy[:, 0] + r).max() - (xy[:, 0] - r).min())
    height = float((xy[:, 1] + r).max() - (xy[:, 1] - r).min())
    return min(FIRST_VIEW[0] / max(width, 1.0), FIRST_VIEW[1] / max(height, 1.0))


def make_room(pos: Positions, edges: list[tuple[Hashable, Hashable]],
              sizes: dict[Hashable, float], margin: float = GAP) -> Positions:
    """Push leaves out from their only neighbour until ``margin`` pixels separate the shapes.

    Layouts think of nodes as points; a hub drawn 40 px wide swallows the
    leaves placed 70 px from its centre, and their labels pile up on it.

    >>> make_room({"hub": (0.0, 0.0), "a": (30.0, 0.0), "b": (0.0, 90.0)},
    ...           [("hub", "a"), ("hub", "b")], {"hub": 40, "a": 8, "b": 8}, margin=10)
    {'hub': (0.0, 0.0), 'a': (58.0, 0.0), 'b': (0.0, 90.0)}
    """
    links: dict[Hashable, set] = {}
    for u, v in edges:
        if u != v:
            links.setdefault(u, set()).add(v)
            links.setdefault(v, set()).add(u)
    out = dict(pos)
    for leaf, near in links.items():
        if len(near) != 1:
            continue
        hub = next(iter(near))
        if len(links.get(hub, ())) == 1 and str(hub) < str(leaf):
            continue  # a pair of leaves: move only one of them
        (hx, hy), (lx, ly) = pos[hub], pos[leaf]
        dx, dy = lx - hx, ly - hy
        dist = math.hypot(dx, dy)
        need = sizes.get(hub, 10.0) + sizes.get(leaf, 10.0) + margin
        if dist < need:
            if dist < 1e-9:
                dx, dy, dist = 1.0, 0.0, 1.0
            out[leaf] = (hx + dx * need / dist, hy + dy * need / dist)
    return out
