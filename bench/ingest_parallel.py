"""Scale-out ingest: ``--jobs 1`` against ``--jobs 2`` and a local Dask cluster, same run.

Articles are built from real news paragraphs (``../shared/data/boson``): each
joins paragraphs until it holds at least 1,000 characters, and every article
is unique (a different start and mix of paragraphs). Each configuration
ingests the same articles into a fresh on-disk Oxigraph store, in turn,
interleaved over ``--rounds`` so a noisy machine hurts them alike; the
figures are ratios against ``--jobs 1`` of the same round.

    python -m bench.ingest_parallel                 # 2,000 articles, 2 rounds
    python -m bench.ingest_parallel --n 20000 --rounds 1
    python -m bench.ingest_parallel --small         # 200 articles, quick check

Memory: peak RSS of the writer process and of the worker processes (summed)
after every 25 % of the run, so a flat line means streaming. Results go to
``bench/results/ingest_parallel.json`` (``-small`` with --small).
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
WORK = ROOT / "bench" / "work"
BOSON = ROOT.parent / "shared" / "data" / "boson" / "boson_ner.jsonl"
MIN_CHARS = 1_000


def news_articles(n: int, seed: int = 11) -> Iterator:
    """``n`` unique articles of at least ``MIN_CHARS`` characters from Boson paragraphs."""
    from techkg.records import Article

    paragraphs = [json.loads(line)["text"] for line in BOSON.open(encoding="utf-8")]
    rng = random.Random(seed)
    for i in range(n):
        body: list[str] = []
        while sum(map(len, body)) < MIN_CHARS:
            body.append(rng.choice(paragraphs))
        text = "\n\n".join(body)
        yield Article(id=f"news-{i}", text=text, title=body[0][:30], date="2013-01-01",
                      publisher="boson", path=f"<bench:{i}>")


def rss_mb(pids: list[int]) -> float:
    """Current resident memory of these processes, in MB."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/status") as fh:
                total += next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:"))
        except (OSError, StopIteration):
            pass
    return round(total / 1024, 1)


def worker_pids(runner) -> list[int]:
    pool = getattr(runner, "_pool", None)
    if pool is not None:
        return list(pool._processes or {})  # noqa: SLF001 - reading, for the memory figure only
    client = getattr(runner, "client", None)
    if client is not None:
        return [int(pid) for pid in client.run(lambda: __import__("os").getpid()).values()]
    return []


def run(config: str, n: int) -> dict:
    """Ingest ``n`` articles with one configuration into a fresh store; figures."""
    import os

    from techkg.extract import Extractor
    from techkg.ingest import ingest_articles
    from techkg.store import GraphStore
    from techkg.workers import DaskExtractor, ProcessExtractor

    store_dir = WORK / f"store-{config}"
    shutil.rmtree(store_dir, ignore_errors=True)
    if config == "jobs1":
        runner = None
        extractor = Extractor()
        _ = extractor.nlp
    elif config == "jobs2":
        runner = extractor = ProcessExtractor(2)
    else:
        runner = extractor = DaskExtractor("local", workers=2)
    if runner is not None:
        runner.warm_up()
    memory: list[dict] = []
    marks = {max(1, n * q // 4) for q in (1, 2, 3, 4)}
    pids = worker_pids(runner) if runner else []

    def on_progress(s) -> None:
        done = s.new + s.failed
        if marks and done >= min(marks):
            marks.discard(min(marks))
            memory.append({"articles": done, "writer_mb": rss_mb([os.getpid()]),
                           "workers_mb": rss_mb(pids)})

    t, cpu = time.perf_counter(), time.process_time()
    with GraphStore.open(store_dir) as store:
        s = ingest_articles(news_articles(n), store, extractor=extractor, on_progress=on_progress)
    seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
    if runner is not None:
        runner.close()
    shutil.rmtree(store_dir, ignore_errors=True)
    return {"config": config, "articles": n, "new": s.new, "failed": s.failed,
            "seconds": round(seconds, 2), "articles_per_s": round(n / seconds, 2),
            # CPU of this process: all the work with --jobs 1, the writer's part otherwise
            "process_cpu_s": round(cpu, 2), "articles_per_process_cpu_s": round(n / cpu, 2),
            "chars": s.chars, "extract_wait_s": round(s.extract_s, 2), "store_s": round(s.store_s, 2),
            "memory": memory}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n", type=int, default=2_000, help="articles per configuration")
    p.add_argument("--rounds", type=int, default=2, help="interleaved rounds")
    p.add_argument("--configs", default="jobs1,jobs2,dask2")
    p.add_argument("--small", action="store_true", help="200 articles, one round")
    p.add_argument("--out", type=Path, help="results file (default: bench/results/ingest_parallel[-small].json)")
    args = p.parse_args()
    if args.small:
        args.n, args.rounds = 200, 1
    if not BOSON.is_file():
        raise SystemExit(f"{BOSON} is missing: put ../shared beside the repository")
    WORK.mkdir(parents=True, exist_ok=True)
    configs = args.configs.split(",")
    rounds = []
    for r in range(args.rounds):
        order = configs if r % 2 == 0 else configs[::-1]
        results = {c: run(c, args.n) for c in order}
        base = results["jobs1"]["articles_per_s"] if "jobs1" in results else None
        for c, res in results.items():
            res["ratio_vs_jobs1"] = round(res["articles_per_s"] / base, 2) if base else None
            print(f"round {r + 1} {c:6s} {res['articles_per_s']:7.2f} articles/s  "
                  f"x{res['ratio_vs_jobs1']}  {res['memory'][-1:]}", flush=True)
        rounds.append(results)
    summary = {}
    for c in configs:
        ratios = [rd[c]["ratio_vs_jobs1"] for rd in rounds if rd[c]["ratio_vs_jobs1"]]
        rates = [rd[c]["articles_per_s"] for rd in rounds]
        summary[c] = {"articles_per_s_best": max(rates),
                      "ratio_vs_jobs1": [min(ratios), max(ratios)] if ratios else None,
                      "projected_hours_per_100k": round(100_000 / max(rates) / 3600, 2)}
    out = {"benchmark": "ingest_parallel", "n": args.n, "rounds": args.rounds,
           "machine": {"cpus": __import__("os").cpu_count(), "python": platform.python_version()},
           "summary": summary, "runs": rounds}
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = "ingest_parallel-small.json" if args.small else "ingest_parallel.json"
    (args.out or RESULTS / name).write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
