"""Extraction time on long texts: does any component grow faster than the text?

One long text is built from the sample corpus articles, repeated, and cut
at several lengths; every pipeline component is timed on each length in the
same process, pinned to one CPU. A component whose time grows linearly has a
growth ratio (time at 2n / time at n) near 2; a quadratic one near 4.

    python -m bench.long_text [--sizes 20000 40000 80000 160000] [--no-model]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "long_text.json"


def long_text(size: int) -> str:
    """The corpus articles joined and repeated to at least ``size`` characters, cut there."""
    from techkg.read import read_articles
    from techkg.records import Article

    texts = [a.text for a in read_articles([str(ROOT / "corpus")]) if isinstance(a, Article)]
    joined = "\n\n".join(texts)
    return (joined * (size // len(joined) + 1))[:size]


def component_times(nlp, text: str) -> dict[str, float]:
    """Seconds spent in the tokenizer and in each pipeline component on ``text``."""
    times = {}
    start = time.perf_counter()
    doc = nlp.make_doc(text)
    times["tokenizer"] = time.perf_counter() - start
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        doc = proc(doc)
        times[name] = time.perf_counter() - start
    times["total"] = sum(times.values())
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20000, 40000, 80000, 160000])
    parser.add_argument("--no-model", action="store_true", help="without the CLUENER tagger")
    parser.add_argument("--label", default="", help="name of this run in the results file")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    from techkg.nlp import load_pipeline

    nlp = load_pipeline(use_model=not args.no_model)
    component_times(nlp, long_text(2000))  # warm up
    rows = []
    for size in sorted(args.sizes):
        rows.append({"chars": size, **{k: round(v, 3) for k, v in component_times(nlp, long_text(size)).items()}})
    names = [k for k in rows[0] if k != "chars"]
    print("| chars | " + " | ".join(names) + " |")
    print("| --- " * (len(names) + 1) + "|")
    for r in rows:
        print(f"| {r['chars']:,} | " + " | ".join(f"{r[n]:.2f}" for n in names) + " |")
    growth = {n: round(rows[-1][n] / max(rows[-2][n], 1e-6), 2) for n in names} if len(rows) > 1 else {}
    print("growth (last size / size before): " + ", ".join(f"{n} {g}" for n, g in growth.items()))
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    results[args.label or ("no-model" if args.no_model else "default")] = {"rows": rows, "growth": growth}
    RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
