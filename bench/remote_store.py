"""Remote Oxigraph server versus the embedded store: writes per second and query latency, side by side.

The corpus (36 articles) is extracted once; the extractions are copied under
new article ids (``c01_…~2``, ``~3``, ...) to make ``--copies`` times as many
distinct article graphs sharing their entities, as an archive that keeps
reporting on the same companies would. The SAME extractions are then written
in batches of 32 (as ``techkg ingest`` does) into

* the embedded store: pyoxigraph on disk in a temporary folder, and
* the remote store: ``oxigraph serve`` on 127.0.0.1 (on disk, same version),
  through ``--store http://127.0.0.1:PORT`` (SPARQL Update over HTTP),

and timed: new articles, the same articles again (unchanged: only the hash
look-up), and all of them forced (replace: retract, drop and insert). Then
every shipped ``src/techkg/data/queries/*.rq`` runs with its default parameters on both, several
times each (median and best latency), checking both return the same rows;
then an N-Quads export. Extraction is left out: it costs the same for both
stores (``techkg ingest`` prints it separately).

    python -m bench.remote_store              # 36 x 20 = 720 articles
    python -m bench.remote_store --small      # 36 x 2 (seconds; CI smoke size)

Results: ``bench/results/remote_store.json`` (``remote_store-small.json``).
"""

from __future__ import annotations

import argparse
import io
import json
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT / "tests" / "graph"))  # the server fixture the tests use

BATCH = 32


def corpus_extractions(copies: int) -> list:
    """The corpus extracted once, then copied under ``~N`` ids (distinct graphs, shared entities)."""
    from techkg.extract import Extractor
    from techkg.read import read_articles
    from techkg.records import Extraction

    articles = [a for a in read_articles([str(ROOT / "corpus")]) if not isinstance(a, Exception)]
    base = list(Extractor().pipe(articles))
    out = []
    for n in range(1, copies + 1):
        for ex in base:
            if n == 1:
                out.append(ex)
                continue
            url = f"{ex.article.url}#copy{n}" if ex.article.url else None
            art = replace(ex.article, id=f"{ex.article.id}~{n}", url=url)
            out.append(Extraction(art, ex.entities, ex.relations))
    return out


def timed_writes(store, exs: list) -> dict[str, float]:
    """Articles per second: new, unchanged, replaced (forced), in batches of :data:`BATCH`."""
    rates = {}
    for phase, force in (("new", False), ("unchanged", False), ("replace", True)):
        t = time.perf_counter()
        for i in range(0, len(exs), BATCH):
            store.put_many(exs[i:i + BATCH], force=force)
        rates[phase] = len(exs) / (time.perf_counter() - t)
    return rates


def query_latencies(store, runs: int) -> dict[str, dict]:
    from techkg.sparql import bind, read_query_file

    article = store.articles()[0].id
    out = {}
    for path in sorted((ROOT / "src" / "techkg" / "data" / "queries").glob("*.rq")):
        q = read_query_file(path)
        values = {"article": article} if any(p.default is None for p in q.params) else {}
        text = bind(q.text, values, q.params)
        times, rows = [], 0
        for _ in range(runs):
            t = time.perf_counter()
            rows = len(list(store.query(text)))
            times.append((time.perf_counter() - t) * 1000)
        out[path.stem] = {"median_ms": statistics.median(times), "best_ms": min(times), "rows": rows}
    return out


def export_seconds(store) -> tuple[float, int]:
    from techkg.export import write_rdf

    buf = io.BytesIO()
    t = time.perf_counter()
    write_rdf(store, "nq", buf)
    return time.perf_counter() - t, buf.getvalue().count(b"\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--small", action="store_true", help="2 copies of the corpus, 3 runs per query")
    ap.add_argument("--copies", type=int, default=None, help="copies of the corpus (default 20)")
    ap.add_argument("--runs", type=int, default=None, help="runs per query (default 7)")
    args = ap.parse_args()
    copies = args.copies or (2 if args.small else 20)
    runs = args.runs or (3 if args.small else 7)

    from oxigraph_server import oxigraph_server

    from techkg.store import GraphStore

    t = time.perf_counter()
    exs = corpus_extractions(copies)
    print(f"{len(exs)} articles extracted in {time.perf_counter() - t:.1f} s", flush=True)
    results: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        stores = {"embedded": lambda: GraphStore.open(Path(tmp) / "embedded")}
        with oxigraph_server(Path(tmp) / "server") as url:
            stores["remote"] = lambda: GraphStore.open(url)
            for name, opener in stores.items():
                with opener() as store:
                    writes = timed_writes(store, exs)
                    problems = store.check()
                    queries = query_latencies(store, runs)
                    seconds, lines = export_seconds(store)
                    results[name] = {"writes_articles_per_s": writes, "quads": len(store),
                                     "check": problems, "queries": queries,
                                     "export_nq_s": seconds, "export_nq_quads": lines}
                print(f"{name}: done", flush=True)
    emb, rem = results["embedded"], results["remote"]
    same = {k: emb["queries"][k]["rows"] == rem["queries"][k]["rows"] for k in emb["queries"]}
    report = {
        "articles": len(exs), "copies": copies, "batch": BATCH, "runs_per_query": runs,
        "python": platform.python_version(), "machine": platform.machine(),
        "same_rows": same, **results,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / ("remote_store-small.json" if args.small else "remote_store.json")
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")

    print(f"\n{len(exs)} articles, {emb['quads']:,} quads (embedded) / {rem['quads']:,} (remote)")
    print(f"{'writes (articles/s)':28} {'embedded':>10} {'remote':>10} {'remote/emb':>10}")
    for phase in emb["writes_articles_per_s"]:
        a, b = emb["writes_articles_per_s"][phase], rem["writes_articles_per_s"][phase]
        print(f"{phase:28} {a:10.0f} {b:10.0f} {b / a:10.2f}")
    print(f"\n{'query (median ms)':28} {'embedded':>10} {'remote':>10} {'rows':>6} same")
    for k in emb["queries"]:
        a, b = emb["queries"][k]["median_ms"], rem["queries"][k]["median_ms"]
        print(f"{k:28} {a:10.1f} {b:10.1f} {emb['queries'][k]['rows']:6} {same[k]}")
    print(f"\nexport nq: embedded {emb['export_nq_s']:.2f} s, remote {rem['export_nq_s']:.2f} s")
    print(f"wrote {out}")
    return 0 if all(same.values()) and not emb["check"] and not rem["check"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
