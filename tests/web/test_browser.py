"""In a real browser (Debian's headless Chromium via Playwright): the rendered file and the served app.

Search 英伟达, read its aliases, open a partnership and its evidence sentence,
filter, open a neighbourhood, follow the entity page; an article carrying
``<script>`` must never run. Screenshots go to ``tests/artifacts/``.
"""

from __future__ import annotations

import time

import pytest
from web_samples import CATL, NVIDIA, TSMC, XSS_ALIAS

from techkg.render import render_html

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NV_TSMC_SENTENCE = "英伟达（NVIDIA）宣布与台积电合作，将cuLitho计算光刻库导入2纳米制程。"


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory, sample_graph):
    out = tmp_path_factory.mktemp("render") / "graph.html"
    render_html(sample_graph, out, title="techkg 测试图谱")
    return out


def wait_js(page, expression: str, timeout: int = 10_000) -> None:
    """Poll a JavaScript expression until true (from Python: the served pages' CSP forbids
    the eval that Playwright's wait_for_function uses, and that is what the tests check)."""
    deadline = time.monotonic() + timeout / 1000
    while not page.evaluate(f"() => Boolean({expression})"):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {expression}")
        time.sleep(0.05)


def wait_drawn(page) -> None:
    wait_js(page, "window.__tk && window.__tk.ready && window.__tk.firstDraw !== null", timeout=30_000)


def status_counts(page) -> tuple[int, int]:
    text = page.inner_text("#tk-status")
    nums = [int(x.replace(",", "")) for x in text.replace("/", " ").split() if x.replace(",", "").isdigit()]
    return nums[0], nums[2]  # shown entities, shown relations


def choose_from_search(page, query: str, iri: str) -> None:
    page.fill("#tk-search", query)
    page.wait_for_selector(f'#tk-suggest li[data-id="{iri}"]', timeout=10_000)
    page.click(f'#tk-suggest li[data-id="{iri}"]')


def click_node(page, iri: str) -> None:
    """A real mouse click on the node's position in the canvas."""
    page.evaluate("id => window.__tk.network.focus(id, {scale: 1.2, animation: false})", iri)
    xy = page.evaluate(
        "id => { const n = window.__tk.network; const p = n.canvasToDOM(n.getPosition(id));"
        " const r = document.querySelector('#tk-graph canvas').getBoundingClientRect();"
        " return [r.left + p.x, r.top + p.y]; }", iri)
    page.mouse.click(xy[0], xy[1])


def test_rendered_file_search_aliases_and_evidence(page, graph_file, artifacts):
    page.goto(graph_file.as_uri())
    wait_drawn(page)
    assert page.title() == "techkg 测试图谱"
    # offline: nothing but the file itself (and inline data: URLs) was requested
    assert all(u.startswith(("file:", "data:")) for u in page.requests), page.requests

    choose_from_search(page, "英伟达", NVIDIA)
    details = page.locator("#tk-details")
    assert details.locator("h2.tk-node-label").inner_text() == "英伟达"
    aliases = details.locator(".tk-aliases").inner_text()
    assert "輝達" in aliases and "NVIDIA" in aliases
    partners = details.locator('ul[data-group="partnership"]')
    assert "台积电" in partners.inner_text() and "联发科" in partners.inner_text()

    # the NVIDIA–TSMC partnership: two evidence sentences, with article title, date and link
    partners.locator("li", has_text="台积电").get_by_text("证据 evidence").click()
    sentences = details.locator("blockquote.tk-sentence")
    assert sentences.count() == 2
    assert sentences.first.inner_text() == NV_TSMC_SENTENCE
    link = details.locator(".tk-src a").first
    assert link.inner_text() == "英伟达与台积电合作推进计算光刻"
    assert link.get_attribute("href") == "https://news.example.cn/2023/nv-tsmc"
    assert "2023-03-21" in details.locator(".tk-src").first.inner_text()
    page.screenshot(path=str(artifacts / "render-nvidia-evidence.png"))

    # a real click on the canvas selects a node
    click_node(page, TSMC)
    wait_js(page, "document.querySelector('#tk-details h2').textContent === '台积电'")
    assert not page.errors, page.errors


def test_rendered_file_traditional_search_filters_and_neighbourhood(page, graph_file):
    page.goto(graph_file.as_uri())
    wait_drawn(page)
    all_nodes, all_edges = status_counts(page)
    assert all_nodes == 13

    choose_from_search(page, "台積電", TSMC)  # Traditional query, folded offline
    assert page.inner_text("#tk-details h2") == "台积电"

    page.uncheck('#tk-types input[value="Product"]')
    nodes, _ = status_counts(page)
    assert nodes == all_nodes - 4
    page.check('#tk-types input[value="Product"]')
    page.uncheck('#tk-rels input[value="partnership"]')
    assert status_counts(page)[1] < all_edges
    page.check('#tk-rels input[value="partnership"]')

    page.fill("#tk-from", "2023-08-01")
    page.dispatch_event("#tk-from", "change")
    _, edges = status_counts(page)
    # only the Huawei article is that recent: its release and partnership, plus the
    # (undated) maker links between entities seen then: Huawei→Mate, Baidu→文心一言
    assert edges == 4
    page.fill("#tk-from", "")
    page.dispatch_event("#tk-from", "change")

    choose_from_search(page, "NVIDIA", NVIDIA)
    page.select_option("#tk-hops", "1")
    page.click("#tk-neigh")
    assert status_counts(page)[0] == 4  # NVIDIA, TSMC, MediaTek, H100 NVL
    page.click("#tk-all")
    assert status_counts(page)[0] == all_nodes
    page.select_option("#tk-size", "pagerank")
    assert "PageRank" in page.inner_text("#tk-legend")
    assert not page.errors, page.errors


def test_rendered_file_never_runs_article_script(page, graph_file, artifacts):
    page.goto(graph_file.as_uri())
    wait_drawn(page)
    choose_from_search(page, "宁德时代", CATL)
    details = page.locator("#tk-details")
    assert XSS_ALIAS in details.locator(".tk-aliases").inner_text()  # shown as text
    details.locator('ul[data-group="partnership"] li').get_by_text("证据 evidence").click()
    assert "<script>window.__pwned=2</script>" in details.locator("blockquote").inner_text()
    assert details.locator(".tk-src a").count() == 0   # the javascript: link was dropped
    page.mouse.move(10, 300)
    click_node(page, CATL)
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    page.screenshot(path=str(artifacts / "render-escaped-article.png"))


def test_served_explorer_search_entity_page_and_evidence(page, served, artifacts):
    page.goto(served.url + "/")
    wait_drawn(page)
    assert "Overview" in page.inner_text("#tk-note")
    page.fill("#tk-search", "英伟达")
    page.wait_for_selector(f'#tk-suggest li[data-id="{NVIDIA}"]')
    page.keyboard.press("Enter")
    wait_js(page, "window.__tk.loads >= 2")
    page.wait_for_selector("#tk-details h2.tk-node-label")
    assert page.inner_text("#tk-details h2.tk-node-label") == "英伟达"
    page.screenshot(path=str(artifacts / "serve-explorer-nvidia.png"))

    page.click("a.tk-entity-link")
    page.wait_for_selector("#tk-entity-name")
    assert page.inner_text("#tk-entity-name").startswith("英伟达")
    partners = page.locator("#tk-partners")
    item = partners.locator("li.tk-link-item", has_text="台积电")
    assert item.count() == 1
    assert NV_TSMC_SENTENCE in item.inner_text()
    assert item.locator(".tk-src a").first.get_attribute("href") == "https://news.example.cn/2023/nv-tsmc"
    page.screenshot(path=str(artifacts / "serve-entity-nvidia.png"), full_page=True)

    # follow the partner link to its own page, then open it in the explorer
    item.locator("a").first.click()
    wait_js(page, "document.querySelector('#tk-entity-name').textContent.includes('台积电')")
    page.get_by_text("Open in the explorer").click()
    wait_drawn(page)
    wait_js(page, "window.__tk.loads >= 2")
    assert page.evaluate("window.__tk.network.getSelectedNodes()") == [TSMC]
    assert all(u.startswith(served.url) or u.startswith("data:") for u in page.requests)
    assert not [m for m in page.console if "Content Security Policy" in m], page.console
    assert not page.errors, page.errors


def test_served_pages_never_run_article_script(page, served):
    page.goto(f"{served.url}/entity?iri={CATL}")
    page.wait_for_selector("#tk-entity-name")
    text = page.inner_text("#tk-partners")
    assert "<script>window.__pwned=2</script>" in text
    assert XSS_ALIAS in page.inner_text(".tk-aliases")
    page.goto(f"{served.url}/?iri={CATL}")
    wait_drawn(page)
    wait_js(page, "window.__tk.loads >= 2")
    page.goto(served.url + "/query?query=SELECT%20%3Ft%20%7B%20%3Fa%20schema%3Aheadline%20%3Ft%20%7D")
    assert "<script>window.__pwned=1</script>" in page.inner_text("table.tk-results")
    assert page.evaluate("typeof window.__pwned") == "undefined"
