"""Render scale benchmark: how big a graph one offline pyvis page can hold.

For synthetic graphs that follow the NetworkX projection contract
(``bench/synthetic.py``), at 500, 2,000, 5,000 and 20,000 entities plus a
50,000-entity graph that exercises the top-N fallback, it measures:

* Python side: graph layout and page build time, HTML size;
* in headless Chromium (Debian's ``/usr/bin/chromium`` via Playwright):
  time from navigation start to the first complete draw, and frames per
  second while zooming in and out with the mouse wheel (plus the longest
  gap between two frames, to catch freezes).

Writes ``bench/results/render_scale.json`` and prints a Markdown table for
``docs/browser.md``. Takes about two minutes on two cores.

Run: ``.venv/bin/python bench/render_scale.py [--sizes 500,2000] [--seconds 4]``
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))  # bench.synthetic

from techkg.layout import layout_positions  # noqa: E402
from techkg.render import DEFAULT_MAX_NODES, render_html  # noqa: E402
from bench.synthetic import synthetic_graph  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update"]
SIZES = (500, 2000, 5000, 10000, 20000, 50000)
UNCAPPED_UP_TO = 20000  # sizes above this use the default cap (the top-N fallback)
VIEWPORT = {"width": 1280, "height": 800}

# Dispatches one wheel event per animation frame over the canvas centre,
# 20 notches in, 20 out, ...; counts vis-network's afterDrawing events.
ZOOM_JS = """
async (ms) => {
  const net = window.__tk.network;
  const canvas = document.querySelector('#tk-graph canvas');
  const r = canvas.getBoundingClientRect();
  const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
  const times = [];
  const onDraw = () => times.push(performance.now());
  net.on('afterDrawing', onDraw);
  const start = performance.now();
  let i = 0;
  await new Promise((resolve) => {
    function step() {
      if (performance.now() - start >= ms) { resolve(); return; }
      const dy = Math.floor(i / 20) % 2 === 0 ? -60 : 60;
      canvas.dispatchEvent(new WheelEvent('wheel', {deltaY: dy, clientX: cx, clientY: cy,
                                                    bubbles: true, cancelable: true}));
      i += 1;
      requestAnimationFrame(step);
    }
    requestAnimationFrame(step);
  });
  net.off('afterDrawing', onDraw);
  const elapsed = performance.now() - start;
  let maxGap = 0;
  for (let k = 1; k < times.length; k++) maxGap = Math.max(maxGap, times[k] - times[k - 1]);
  if (times.length) maxGap = Math.max(maxGap, times[0] - start);
  return {frames: times.length, ms: elapsed, events: i, max_gap_ms: maxGap};
}
"""


def measure_browser(browser, path: Path, seconds: float, repeats: int) -> dict:
    """First draw and zoom fps for one page; medians over ``repeats`` fresh page loads."""
    draws, fps, gaps, walls, notes = [], [], [], [], []
    for _ in range(repeats):
        page = browser.new_page(viewport=VIEWPORT)
        errors: list[str] = []
        page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
        t0 = time.perf_counter()
        page.goto(path.as_uri(), wait_until="commit", timeout=300_000)
        page.wait_for_function("window.__tk && window.__tk.firstDraw !== null",
                               timeout=300_000, polling=50)
        walls.append(time.perf_counter() - t0)
        draws.append(page.evaluate("window.__tk.firstDraw"))
        notes = page.evaluate(
            "Array.from(document.querySelectorAll('#tk-note p')).map(p => p.textContent)")
        page.wait_for_timeout(300)
        z = page.evaluate(ZOOM_JS, seconds * 1000)
        fps.append(z["frames"] / (z["ms"] / 1000))
        gaps.append(z["max_gap_ms"])
        if errors:
            raise RuntimeError(f"{path}: page errors: {errors[:3]}")
        page.close()
    return {
        "first_draw_s": round(statistics.median(draws) / 1000, 2),
        "first_draw_wall_s": round(statistics.median(walls), 2),
        "zoom_fps": round(statistics.median(fps), 1),
        "zoom_max_frame_gap_ms": round(statistics.median(gaps)),
        "notes": notes,
    }


def run(sizes: tuple[int, ...], seconds: float, repeats: int) -> dict:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} not found: install Debian's chromium (make browser)")
    rows = []
    work = Path(tempfile.mkdtemp(prefix="techkg-bench-"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        version = browser.version
        for n in sizes:
            G = synthetic_graph(n, seed=11)
            cap = n if n <= UNCAPPED_UP_TO else DEFAULT_MAX_NODES
            shown = min(n, cap)
            layout_s = None
            if shown == n:
                t = time.perf_counter()
                layout_positions(G, seed=7)
                layout_s = round(time.perf_counter() - t, 2)
            out = work / f"graph-{n}.html"
            t = time.perf_counter()
            render_html(G, out, title=f"techkg scale {n}", max_nodes=cap)
            build_s = round(time.perf_counter() - t, 2)
            row = {
                "nodes": n,
                "edges": G.number_of_edges(),
                "nodes_drawn": shown,
                "layout_s": layout_s,
                "page_build_s": build_s,
                "html_mb": round(out.stat().st_size / 1e6, 1),
            }
            row.update(measure_browser(browser, out, seconds, repeats))
            row["load_avg_1min"] = round(os.getloadavg()[0], 2)
            print(json.dumps(row, ensure_ascii=False), flush=True)
            rows.append(row)
        browser.close()
    return {
        "benchmark": "render_scale",
        "date": time.strftime("%Y-%m-%d"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "python": platform.python_version(), "chromium": version,
                    "viewport": VIEWPORT, "headless": True, "gpu": False},
        "zoom_seconds": seconds,
        "repeats": repeats,
        "rows": rows,
    }


def markdown(result: dict) -> str:
    """The results as the Markdown table used in docs/browser.md."""
    lines = [
        "| entities (links) | drawn | layout | page build | HTML | first full draw | zoom fps | longest frame |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in result["rows"]:
        layout = f"{r['layout_s']} s" if r["layout_s"] is not None else "—"
        lines.append(
            f"| {r['nodes']:,} ({r['edges']:,}) | {r['nodes_drawn']:,} | {layout} | "
            f"{r['page_build_s']} s | {r['html_mb']} MB | {r['first_draw_s']} s | "
            f"{r['zoom_fps']} | {r['zoom_max_frame_gap_ms']} ms |"
        )
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)))
    ap.add_argument("--seconds", type=float, default=4.0, help="zoom measurement length")
    ap.add_argument("--repeats", type=int, default=2, help="page loads per size (median)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "render_scale.json")
    args = ap.parse_args()
    sizes = tuple(int(s) for s in args.sizes.split(",") if s.strip())
    result = run(sizes, args.seconds, args.repeats)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(markdown(result))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
