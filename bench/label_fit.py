"""Label fitting cost: building a page payload with and without fitted label sizes.

``techkg.render.vis_payload`` fits a label size to the room around every node
(``techkg.layout.label_fonts``) for graphs up to ``LABEL_FIT_MAX`` drawn
entities. This measures what that adds, as a ratio against the same payload
built with one label size, in the same process (CPU time, best of two runs
each, synthetic news-like graphs from ``bench/synthetic.py``).

Run: ``.venv/bin/python bench/label_fit.py [--sizes 500,2000]``
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))  # bench.synthetic

import techkg.render as render  # noqa: E402
from bench.synthetic import synthetic_graph  # noqa: E402


def cpu_seconds(graph, fit_limit: int) -> float:
    """CPU time of one payload build with label fitting up to ``fit_limit`` nodes."""
    render.LABEL_FIT_MAX = fit_limit
    start = time.process_time()
    render.vis_payload(graph)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,2000", help="comma-separated entity counts")
    args = parser.parse_args()
    fit_max = render.LABEL_FIT_MAX
    render.traditional_map("英伟达")  # load OpenCC before timing
    for n in (int(x) for x in args.sizes.split(",")):
        graph = synthetic_graph(n, seed=11)
        plain = min(cpu_seconds(graph, 0) for _ in range(2))
        fitted = min(cpu_seconds(graph, fit_max) for _ in range(2))
        print(f"{n:,} entities: payload {plain:.2f} s CPU with one label size, "
              f"{fitted:.2f} s with fitted sizes: ×{fitted / plain:.2f}")
    render.LABEL_FIT_MAX = fit_max


if __name__ == "__main__":
    main()
