"""Where extraction's CPU time goes, component by component, on real-length news articles.

Articles are built from Boson news paragraphs (as ``bench.ingest_parallel``
builds them, at least 1,000 characters each); the process is pinned to one
core and every figure is CPU time (``time.process_time``), so other jobs on
the machine slow the run down without moving the shares much. Each spaCy
step is timed on its own, and inside them LAC's ONNX model, the rest of
LAC (decoding), the tagger's feature building and CRFsuite's tagging.

    python -m bench.profile_extract [--n 150]

For function-level detail, run ``python -m cProfile -s tottime`` on the same
loop. Results: ``bench/results/profile_extract.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "profile_extract.json"


class Clock:
    """CPU seconds by part; ``wrap`` times a callable under a name."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def wrap(self, name: str, fn):
        def timed(*args, **kwargs):
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[name] += time.process_time() - start
        return timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=150, help="articles")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    from bench.ingest_parallel import news_articles
    from techkg.extract import doc_to_extraction, pipeline_lexicon
    from techkg.nlp import company_model, load_pipeline
    from techkg.nlp.tokenizer import load_lac

    texts = [a for a in news_articles(args.n)]
    nlp = load_pipeline()
    nlp("预热。")
    clock = Clock()
    lac = load_lac()
    session = lac._session  # noqa: SLF001 - timing the ONNX model apart from the decoding
    lac._session = type("TimedSession", (), {"run": staticmethod(clock.wrap("LAC: ONNX model", session.run))})()
    lac.run = clock.wrap("LAC: all", lac.run)
    company_model.char_features = clock.wrap("tagger: features", company_model.char_features)
    tagger = nlp.get_pipe("techkg_companies").tagger
    tagger.crf = type("TimedCRF", (), {"tag": staticmethod(clock.wrap("tagger: CRFsuite", tagger.crf.tag))})()
    lexicon = pipeline_lexicon(nlp)

    start = time.process_time()
    for article in texts:
        doc = clock.wrap("tokenizer: all", nlp.make_doc)(article.text)
        for name, proc in nlp.pipeline:
            doc = clock.wrap(name, proc)(doc)
        clock.wrap("records (doc_to_extraction)", doc_to_extraction)(article, doc, lexicon)
    total = time.process_time() - start

    s = clock.seconds
    parts = {
        "LAC: ONNX model": s["LAC: ONNX model"],
        "LAC: decoding, words": s["LAC: all"] - s["LAC: ONNX model"],
        "tokenizer: folding, script split, spaCy Doc": s["tokenizer: all"] - s["LAC: all"],
        "tagger: features": s["tagger: features"],
        "tagger: CRFsuite": s["tagger: CRFsuite"],
        "company finder: the rest": s["techkg_companies"] - s["tagger: features"] - s["tagger: CRFsuite"],
        **{name: s[name] for name in nlp.pipe_names if name != "techkg_companies"},
        "records (doc_to_extraction)": s["records (doc_to_extraction)"],
    }
    chars = sum(len(a.text) for a in texts)
    result = {
        "articles": len(texts),
        "characters": chars,
        "cpu_s": round(total, 2),
        "articles_per_cpu_s": round(len(texts) / total, 2),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "parts": {k: {"cpu_s": round(v, 3), "share": round(v / total, 3)} for k, v in
                  sorted(parts.items(), key=lambda kv: -kv[1])},
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(texts)} articles, {chars:,} characters, {total:.2f} CPU s, "
          f"{len(texts) / total:.2f} articles per CPU second")
    for name, part in result["parts"].items():
        print(f"  {name:45} {part['cpu_s']:7.2f} s {100 * part['share']:5.1f} %")


if __name__ == "__main__":
    main()
