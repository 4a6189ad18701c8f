"""What a person sees first, in a real browser (Debian's headless Chromium via Playwright).

Graphs built by the real extractor from corpus articles, the sample graph and
synthetic news-like graphs: after load, every drawn node lies inside the
canvas, a small graph names its entities, labels do not pile up, and
entities without links are left out with a note saying how to draw them.
"""

from __future__ import annotations

import pytest
from test_browser import wait_drawn

from techkg.render import render_html
from bench.synthetic import synthetic_graph

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CORPUS_ARTICLES = ("c01", "c02", "c03", "c04", "c07", "c08", "c09", "c10")

# Per drawn node: its box on screen, relative to the canvas, and its label's
# box when vis-network draws the label (font * zoom above drawThreshold).
VIEW_JS = """() => {
  const n = window.__tk.network;
  const canvas = document.querySelector('#tk-graph canvas');
  const out = [];
  for (const id of n.body.nodeIndices) {
    const node = n.body.nodes[id];
    const bb = n.getBoundingBox(id);
    const a = n.canvasToDOM({x: bb.left, y: bb.top});
    const z = n.canvasToDOM({x: bb.right, y: bb.bottom});
    const lab = node.labelModule;
    const shown = lab.visible() && !!node.options.label;
    out.push({id: id, size: node.options.size, left: a.x, top: a.y, right: z.x, bottom: z.y, label: node.options.label,
              shown: shown, px: lab.fontOptions.size * n.getScale(),
              // vadjust moves the drawn text, not the measured box
              box: shown ? [lab.size.left, lab.size.top + (lab.fontOptions.vadjust || 0),
                            lab.size.left + lab.size.width,
                            lab.size.top + (lab.fontOptions.vadjust || 0) + lab.size.height] : null});
  }
  return {nodes: out, width: canvas.clientWidth, height: canvas.clientHeight,
          scale: n.getScale()};
}"""


@pytest.fixture(scope="module")
def corpus_store(corpus_dir, extractor, tmp_path_factory):
    """A store on disk holding what the real extractor finds in eight corpus articles."""
    from techkg.read import read_articles
    from techkg.store import GraphStore

    paths = sorted(p for p in corpus_dir.glob("c*.md") if p.name.split("_")[0] in CORPUS_ARTICLES)
    articles = list(read_articles(paths))
    assert len(articles) == len(CORPUS_ARTICLES)
    path = tmp_path_factory.mktemp("corpus") / "store"
    with GraphStore.open(path) as store:
        for ex in extractor.pipe(articles):
            store.put(ex)
    return path


@pytest.fixture(scope="module")
def corpus_graph(corpus_store):
    """The NetworkX projection of that store."""
    from techkg.network import to_networkx
    from techkg.store import GraphStore

    with GraphStore.open(corpus_store, read_only=True) as store:
        return to_networkx(store)


def first_view(page, graph, tmp_path, name: str, **options) -> dict:
    out = tmp_path / f"{name}.html"
    render_html(graph, out, title=name, **options)
    page.goto(out.as_uri())
    wait_drawn(page)
    page.wait_for_function("window.__tk.fitted === true")
    page.wait_for_timeout(200)  # the redraw after the fit
    view = page.evaluate(VIEW_JS)
    assert not page.errors, page.errors
    return view


def outside(view: dict) -> list[str]:
    """Labels of the nodes whose shape (with its label) is not wholly inside the canvas."""
    return [n["label"] for n in view["nodes"]
            if n["left"] < -1 or n["top"] < -1 or n["right"] > view["width"] + 1
            or n["bottom"] > view["height"] + 1]


def overlapping(view: dict) -> list[tuple[str, str]]:
    """Pairs of drawn labels whose boxes overlap by more than 2 px each way."""
    shown = [n for n in view["nodes"] if n["shown"]]
    pairs = []
    for i, a in enumerate(shown):
        la, ta, ra, ba = a["box"]
        for b in shown[i + 1:]:
            lb, tb, rb, bb = b["box"]
            if min(ra, rb) - max(la, lb) > 2 and min(ba, bb) - max(ta, tb) > 2:
                pairs.append((a["label"], b["label"]))
    return pairs


def test_corpus_graph_first_view_fits_names_entities_and_hides_isolated(
        page, corpus_graph, tmp_path, artifacts):
    G = corpus_graph
    und = G.to_undirected(as_view=True)
    isolated = [n for n in G if not set(und[n]) - {n}]
    assert isolated, "the corpus sample should hold unlinked entities"
    view = first_view(page, G, tmp_path, "corpus")
    page.screenshot(path=str(artifacts / "first-view-corpus.png"))

    drawn = {n["id"] for n in view["nodes"]}
    assert drawn == set(G) - set(isolated)
    note = page.inner_text("#tk-note")
    assert f"{len(isolated):,} entities with no link" in note and "--isolated" in note
    assert outside(view) == []
    # a small graph names its entities at first view, readable, and without pile-up
    shown = [n for n in view["nodes"] if n["shown"]]
    assert len(shown) >= 0.6 * len(view["nodes"])
    assert all(n["px"] >= 7 for n in shown)
    hubs = sorted(drawn, key=lambda n: -len(set(und[n]) - {n}))[:8]
    assert all(n["shown"] for n in view["nodes"] if n["id"] in hubs)
    assert len(overlapping(view)) <= 0.02 * len(shown), overlapping(view)

    # --isolated draws every entity, still inside the window
    every = first_view(page, G, tmp_path, "corpus-all", isolated=True)
    assert {n["id"] for n in every["nodes"]} == set(G)
    assert outside(every) == []
    assert page.locator("#tk-note").is_hidden()


@pytest.mark.parametrize("size", [250, 1200])
def test_synthetic_graph_first_view_fits(page, tmp_path, size, artifacts):
    view = first_view(page, synthetic_graph(size, seed=3), tmp_path, f"synthetic-{size}")
    assert len(view["nodes"]) > 0.9 * size
    assert outside(view) == []
    if size <= 500:  # a small graph names its hub at first view, even shrunk to fit
        biggest = max(view["nodes"], key=lambda n: n["size"])
        assert biggest["shown"] and biggest["px"] >= 12
    assert len(overlapping(view)) <= 0.02 * max(1, sum(n["shown"] for n in view["nodes"]))
    page.screenshot(path=str(artifacts / f"first-view-synthetic-{size}.png"))


def test_sample_graph_first_view_every_label(page, sample_graph, tmp_path):
    view = first_view(page, sample_graph, tmp_path, "sample")
    assert len(view["nodes"]) == 13
    assert outside(view) == []
    assert all(n["shown"] for n in view["nodes"])
    assert overlapping(view) == []
    assert page.locator("#tk-note").is_hidden()


def test_render_command_isolated_flag(corpus_store, corpus_graph, tmp_path):
    from test_cli import page_data, runner

    from techkg.cli import app

    und = corpus_graph.to_undirected(as_view=True)
    unlinked = {n for n in corpus_graph if not set(und[n]) - {n}}
    for flag, expected in (([], set(corpus_graph) - unlinked), (["--isolated"], set(corpus_graph))):
        out = tmp_path / f"g{len(flag)}.html"
        r = runner.invoke(app, ["render", "--store", str(corpus_store), "-o", str(out), *flag])
        assert r.exit_code == 0, r.output
        data = page_data(out.read_text(encoding="utf-8"))
        assert {n["id"] for n in data["nodes"]} == expected
        assert any("--isolated" in note for note in data["meta"]["notes"]) == (not flag)


def test_served_explorer_fits_each_loaded_neighbourhood(page, served):
    from web_samples import NVIDIA

    page.goto(f"{served.url}/?iri={NVIDIA}")
    wait_drawn(page)
    page.wait_for_function("window.__tk.loads >= 2 && window.__tk.fitted === true")
    page.wait_for_timeout(200)
    view = page.evaluate(VIEW_JS)
    assert NVIDIA in {n["id"] for n in view["nodes"]}
    assert outside(view) == []
    assert all(n["shown"] for n in view["nodes"])  # a neighbourhood is small: all named
    assert not page.errors, page.errors
