"""Extraction time per 1,000 characters as one article grows: 40k, 160k, 320k and 1M characters.

(``bench.long_text`` times each pipeline component on one text; this one times the
whole extractor, long texts read in pieces, on one article.)

Two kinds of text are measured: the sample corpus run together as one long
article (punctuated), and the same text without any punctuation or white
space (the worst case: no sentence ends to cut at). Each figure is seconds per
1,000 characters and its ratio to the same text at 5,000 characters (one
chunk, best of three), measured in the same process; times are CPU seconds; a flat ratio near 1 means linear cost.
The unchunked pipeline (the extractor before chunking) is measured too at the
two smallest sizes, for comparison.

    python -m bench.long_article [--sizes 40000 160000 320000 1000000] [--no-model]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "long_article.json"
BASELINE = 5_000
_PUNCT = re.compile(r"[\s\u3000-\u303f\uff00-\uff0f\uff1a-\uff20!-/:-@\[-`{-~“”‘’「」『』《》、]+")


def corpus_text() -> str:
    from techkg.read import read_articles
    from techkg.records import Article

    return "\n".join(a.text for a in read_articles([str(ROOT / "corpus")]) if isinstance(a, Article))


def of_length(text: str, n: int) -> str:
    return (text * (n // len(text) + 1))[:n]


def per_kchar(extractor, text: str) -> float:
    """CPU seconds per 1,000 characters to extract ``text`` as one article.

    CPU time of this process (pinned to one core), not wall time: the machine
    is shared, and other processes' load would otherwise show up as cost.
    """
    from techkg.records import Article

    start = time.process_time()
    extractor.extract(Article(id="long", text=text))
    return (time.process_time() - start) / (len(text) / 1000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[40_000, 160_000, 320_000, 1_000_000])
    parser.add_argument("--unchunked", type=int, nargs="*", default=[40_000, 160_000],
                        help="sizes also run without chunking (slow: super-linear)")
    parser.add_argument("--no-model", action="store_true", help="without the CLUENER tagger")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    from techkg.extract import Extractor
    from techkg.records import Article

    chunked = Extractor(use_model=not args.no_model)
    unchunked = Extractor(nlp=chunked.nlp, chunk_chars=10**9)
    chunked.extract(Article(id="warm-up", text="预热。"))
    punctuated = corpus_text()
    kinds = {"punctuated": punctuated, "no punctuation": _PUNCT.sub("", punctuated)}
    result: dict = {"baseline_chars": BASELINE, "company_model": not args.no_model, "cores": 1, "kinds": {}}
    for kind, source in kinds.items():
        base = min(per_kchar(chunked, of_length(source, BASELINE)) for _ in range(3))
        rows = []
        for n in args.sizes:
            s = per_kchar(chunked, of_length(source, n))
            rows.append({"chars": n, "s_per_1k_chars": round(s, 4), "ratio_to_baseline": round(s / base, 2),
                         "total_s": round(s * n / 1000, 1)})
            print(f"{kind:15} chunked   {n:>9,} chars  {s:.4f} s/1k  x{s / base:.2f}", flush=True)
        old = []
        for n in args.unchunked:
            s = per_kchar(unchunked, of_length(source, n))
            old.append({"chars": n, "s_per_1k_chars": round(s, 4), "ratio_to_baseline": round(s / base, 2),
                        "total_s": round(s * n / 1000, 1)})
            print(f"{kind:15} unchunked {n:>9,} chars  {s:.4f} s/1k  x{s / base:.2f}", flush=True)
        result["kinds"][kind] = {"baseline_s_per_1k_chars": round(base, 4), "chunked": rows, "unchunked": old}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
