"""Ingest throughput: read → extract → store over >= 10,000 synthetic articles.

Articles are made of real sentences from ``corpus/*.md`` (the seed article
when the corpus is empty), 4-10 sentences each, streamed into ``techkg``'s
ingest with the real extractor and an on-disk Oxigraph store. Records
articles/s, characters/s, the share of time in reading, extraction and
storage, and the peak and current RSS after 1k, 5k and 10k articles (flat
memory = streaming).

    python -m bench.ingest            # 10,000 articles, a few minutes
    python -m bench.ingest --small    # CI smoke test: 300 articles

Results go to ``bench/results/ingest.json`` (``ingest-small.json`` with --small).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
WORK = ROOT / "bench" / "work"


def corpus_sentences() -> tuple[list[str], str]:
    """Sentences of corpus/*.md, else of the seed article; and which source was used."""
    from techkg.errors import CorpusError
    from techkg.read import read_articles

    sources = [("corpus", sorted(str(p) for p in (ROOT / "corpus").glob("*.md")))]
    seed = ROOT.parent / "shared" / "seeds"
    if seed.is_dir():
        sources.append(("seed", [str(seed)]))
    for name, paths in sources:
        out: list[str] = []
        for a in read_articles(paths) if paths else []:
            if not isinstance(a, CorpusError):
                out += [s.strip() for s in re.findall(r"[^。！？\n]+[。！？]", a.text) if 6 <= len(s.strip()) <= 200]
        if out:
            return out, name
    sys.exit("no sentences: add articles to corpus/ (or put ../shared/seeds beside the repository)")


def synthetic_articles(n: int, sentences: list[str], seed: int = 5) -> Iterator:
    """``n`` articles of 4-10 random corpus sentences, deterministic for a seed."""
    from techkg.records import Article

    rng = random.Random(seed)
    for i in range(n):
        body = rng.sample(sentences, rng.randint(4, 10))
        day = f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        yield Article(id=f"ing-{i}", text="".join(body), title=body[0][:40], date=day,
                      publisher="synthetic", path=f"<bench:{i}>")


def rss_mb() -> tuple[float, float]:
    """(peak, current) resident memory of this process, in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with open("/proc/self/statm") as fh:
        current = int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    return round(peak, 1), round(current, 1)


def make_extractor():
    """The default extractor; without the company model when it is not installed."""
    from techkg.errors import ModelError
    from techkg.extract import Extractor

    try:
        ex = Extractor()
        _ = ex.nlp
        return ex, True
    except ModelError as e:
        print(f"note: {e}; measuring without the company model", file=sys.stderr)
        ex = Extractor(use_model=False)
        _ = ex.nlp
        return ex, False


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--small", action="store_true", help="CI smoke test: 300 articles")
    ap.add_argument("--articles", type=int, help="how many articles (default 10000)")
    ap.add_argument("--batch-size", type=int, default=32, help="articles per batch and transaction")
    ap.add_argument("--out", type=Path, help="result file")
    args = ap.parse_args(argv)

    from techkg.ingest import ingest_articles
    from techkg.store import GraphStore

    n = args.articles or (300 if args.small else 10_000)
    checkpoints = [n // 3, 2 * n // 3, n] if args.small else [1000, 5000, 10_000]
    checkpoints = sorted({c for c in checkpoints if c <= n} | {n})
    out = args.out or RESULTS / ("ingest-small.json" if args.small else "ingest.json")

    sentences, source = corpus_sentences()
    t = time.perf_counter()
    extractor, with_model = make_extractor()
    load_s = time.perf_counter() - t
    path = WORK / "ingest-store"
    if path.exists():
        shutil.rmtree(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    store = GraphStore.open(path)

    marks: list[dict] = []
    start = time.perf_counter()

    def on_progress(s) -> None:
        done = s.read
        while len(marks) < len(checkpoints) and done >= checkpoints[len(marks)]:
            elapsed = time.perf_counter() - start
            peak, current = rss_mb()
            marks.append({
                "articles": done, "seconds": round(elapsed, 1),
                "articles_per_s": round(done / elapsed, 1), "chars_per_s": round(s.chars / elapsed),
                "peak_rss_mb": peak, "rss_mb": current,
            })
            print(f"{done:6d} articles  {done / elapsed:6.1f}/s  RSS {current:.0f} MB (peak {peak:.0f})",
                  file=sys.stderr)

    s = ingest_articles(synthetic_articles(n, sentences), store, extractor=extractor,
                        batch_size=args.batch_size, on_progress=on_progress)
    on_progress(s)
    quads = len(store)
    store.close()
    disk = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    total = s.seconds
    result = {
        "benchmark": "ingest",
        "small": args.small,
        "sentences_from": source,
        "company_model": with_model,
        "pipeline_load_s": round(load_s, 2),
        "batch_size": args.batch_size,
        "summary": s.as_dict() | {"errors": s.errors[:5]},
        "articles_per_s": round(s.read / total, 1),
        "chars_per_s": round(s.chars / total),
        "avg_chars_per_article": round(s.chars / max(s.read, 1)),
        "share": {
            "extract": round(s.extract_s / total, 3),
            "store": round(s.store_s / total, 3),
            "read_and_other": round(max(total - s.extract_s - s.store_s, 0) / total, 3),
        },
        "store_ms_per_article": round(1000 * s.store_s / max(s.new + s.updated + s.unchanged, 1), 2),
        "quads": quads,
        "store_disk_mb": round(disk / 2**20, 1),
        "checkpoints": marks,
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "load_avg_at_end": [round(x, 2) for x in os.getloadavg()]},
        "date": time.strftime("%Y-%m-%d"),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{s.line()}\nwrote {out}", file=sys.stderr)
    return result


if __name__ == "__main__":
    main()
