"""SPARQL latency of every shipped query (``src/techkg/data/queries/*.rq``) query: Oxigraph (techkg's store) vs rdflib in memory.

Builds a synthetic dataset of at least a million triples (article graphs made
of corpus sentences and thousands of company and product names, through the
same ``article_triples`` the ingest uses), loads the SAME quads into the
techkg Oxigraph store (on disk, bulk loaded) and into an rdflib ``Dataset``
(in memory), runs each query on both with its default parameters, checks that
both return the same number of rows, and records median and p95 latency and
the rdflib/Oxigraph ratio.

    python -m bench.sparql            # >= 1M triples in the union graph, about 10 minutes
    python -m bench.sparql --small    # CI smoke test (seconds)

Results go to ``bench/results/sparql.json`` (``sparql-small.json`` with --small).
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import math
import os
import platform
import random
import re
import resource
import select
import shutil
import signal
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "src" / "techkg" / "data" / "queries"  # the shipped .rq files
RESULTS = ROOT / "bench" / "results"
WORK = ROOT / "bench" / "work"
AGGREGATES = ("partnership-ranking", "top-products", "timeline", "co-mentions")

# Real names (as the lexicon keys them), so the queries' default parameters find hubs.
REAL_COMPANIES = [
    ("nvidia", "NVIDIA", "英伟达"), ("tsmc", "TSMC", "台积电"), ("huawei", "Huawei", "华为"),
    ("nio", "NIO", "蔚来"), ("foxconn", "Foxconn", "鸿海"), ("baidu", "Baidu", "百度"),
    ("microsoft", "Microsoft", "微软"), ("google", "Google", "谷歌"), ("intel", "Intel", "英特尔"),
    ("amd", "AMD", "超威半导体"), ("alibaba", "Alibaba", "阿里巴巴"), ("tencent", "Tencent", "腾讯"),
    ("xiaomi", "Xiaomi", "小米"), ("byd", "BYD", "比亚迪"), ("catl", "CATL", "宁德时代"),
    ("mediatek", "MediaTek", "联发科"), ("oracle", "Oracle", "甲骨文"), ("apple", "Apple", "苹果"),
    ("openai", "OpenAI", "OpenAI"), ("samsung", "Samsung", "三星"),
]
SYLLABLES = list("星辰云海光智芯联华讯腾飞安盛达科宇恒天瑞博创新源极鸿锐启明泰康")
SUFFIXES = ["科技", "智能", "半导体", "云计算", "汽车", "电子", "网络", "信息", "微电子", "机器人"]
SERIES = ["X", "Pro", "Max", "Ultra", "Lite", "S", "Air", "Neo"]
TEMPLATES = {
    "partnership": "{a}与{b}宣布达成战略合作，",
    "release": "{a}正式发布了{b}，",
    "maker": "{b}由{a}自主研发，",
}


def corpus_sentences() -> list[str]:
    """Sentences of corpus/*.md (or the seed article when the corpus is empty)."""
    from techkg.errors import CorpusError
    from techkg.read import read_articles

    paths = sorted(str(p) for p in (ROOT / "corpus").glob("*.md"))
    if not paths:
        seed = ROOT.parent / "shared" / "seeds"
        paths = [str(seed)] if seed.is_dir() else []
    out: list[str] = []
    for a in read_articles(paths):
        if isinstance(a, CorpusError):
            continue
        out += [s.strip() for s in re.findall(r"[^。！？\n]+[。！？]", a.text) if 8 <= len(s.strip()) <= 160]
    if not out:
        sys.exit("no sentences: add articles to corpus/ (or put ../shared/seeds beside the repository)")
    return out


def entity_pool(n_companies: int, n_products: int, rng: random.Random) -> tuple[list, list]:
    """(key, label, zh) companies and (key, label, maker key) products, real ones first."""
    companies = list(REAL_COMPANIES)
    seen = {c[0] for c in companies}
    while len(companies) < n_companies:
        zh = "".join(rng.sample(SYLLABLES, 2)) + rng.choice(SUFFIXES)
        key = f"c{len(companies)}-{zh}"
        if zh not in seen:
            seen.add(zh)
            companies.append((key, zh, zh))
    products = []
    cum = list(itertools.accumulate(1.0 / (r + 1) for r in range(len(companies))))
    for i in range(n_products):
        maker = companies[bisect.bisect_left(cum, rng.random() * cum[-1])]
        label = f"{maker[1]} {rng.choice(SERIES)}{rng.randint(1, 99)}"
        products.append((f"p{i}-{label.lower()}", label, maker[0]))
    return companies, products


class _Doc:
    """An article being written: its text parts and the mentions in it."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.mentions: dict[tuple[str, str], list] = {}

    def say(self, text: str) -> int:
        self.parts.append(text)
        start, self.pos = self.pos, self.pos + len(text)
        return start

    def mention(self, kind: str, key: str, name: str, start: int, text: str) -> None:
        from techkg.records import Mention

        at = start + text.index(name)
        self.mentions.setdefault((kind, key), []).append(Mention(name, at, at + len(name)))


def synthetic_extractions(n_articles: int, seed: int = 11) -> Iterator:
    """Deterministic synthetic extractions: Zipf-like company popularity, real sentences."""
    from techkg.records import Article, Entity, Extraction, Relation

    rng = random.Random(seed)
    sentences = corpus_sentences()
    companies, products = entity_pool(max(200, n_articles // 3), max(400, n_articles // 2), rng)
    by_key = {c[0]: c for c in companies}
    product_by_key = {p[0]: p for p in products}

    # Zipf popularity (weight 1/rank): the top company is in ~10% of statements, like a real hub
    cum = list(itertools.accumulate(1.0 / (r + 1) for r in range(len(companies))))

    def pick_company():
        return companies[bisect.bisect_left(cum, rng.random() * cum[-1])]

    for i in range(n_articles):
        day = f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        doc = _Doc()
        relations = []
        for _ in range(rng.randint(3, 6)):
            kind = rng.choices(["partnership", "release", "maker"], weights=[4, 4, 2])[0]
            a = pick_company()
            if kind == "partnership":
                b = pick_company()
                if b[0] == a[0]:
                    continue
                bname, bkey, btype = b[2], b[0], "Company"
            else:
                p = products[rng.randrange(len(products))]
                a = by_key[p[2]] if kind == "maker" else a
                bname, bkey, btype = p[1], p[0], "Product"
            text = TEMPLATES[kind].format(a=a[2], b=bname) + rng.choice(sentences)
            start = doc.say(text)
            doc.mention("Company", a[0], a[2], start, text)
            doc.mention(btype, bkey, bname, start, text)
            src, dst = (sorted((a[0], bkey)) if kind == "partnership" else (a[0], bkey))
            relations.append(Relation(kind, src, dst, text, start, start + len(text),
                                      round(rng.uniform(0.5, 0.99), 2), "合作" if kind == "partnership" else "发布"))
            doc.say(rng.choice(sentences))
        parts, mentions = doc.parts, doc.mentions
        entities = []
        for (kind, key), ms in mentions.items():
            if kind == "Company":
                c = by_key[key]
                entities.append(Entity(key, "Company", c[1], tuple(ms), labels={"zh-Hans": c[2], "en": c[1]}))
            else:
                p = product_by_key[key]
                entities.append(Entity(key, "Product", p[1], tuple(ms), maker=p[2]))
        text = "".join(parts)
        title = parts[0][:30] if parts else ""
        yield Extraction(Article(id=f"syn-{i}", text=text, title=title, date=day,
                                 url=f"https://example.com/syn/{i}", publisher="synthetic"),
                         tuple(entities), tuple(relations))


def quads(n_articles: int) -> Iterator[tuple]:
    """(graph IRI, triple) for every article triple, as rdflib terms."""
    from techkg.triples import article_triples
    from techkg.vocab import Ids

    ids = Ids()
    for ex in synthetic_extractions(n_articles):
        g = ids.graph(ex.article.id)
        for t in article_triples(ex, ids):
            yield g, t


def build_oxigraph(path: Path, n_articles: int):
    """The techkg store on disk, bulk loaded (article graphs + their union as default graph)."""
    import pyoxigraph as ox

    from techkg.store import GraphStore, _ox

    if path.exists():
        shutil.rmtree(path)
    store = GraphStore.open(path)
    default = ox.DefaultGraph()

    def gen():
        for g, (s, p, o) in quads(n_articles):
            t = (_ox(s), _ox(p), _ox(o))
            yield ox.Quad(*t, _ox(g))
            yield ox.Quad(*t, default)

    store.oxigraph.bulk_extend(gen())
    store.oxigraph.optimize()
    return store


def build_rdflib(n_articles: int):
    """The same quads in an rdflib in-memory Dataset (default graph = the same union)."""
    from rdflib import Dataset
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    ds = Dataset(default_union=False)
    default = ds.graph(DATASET_DEFAULT_GRAPH_ID)
    graphs: dict = {}
    for g, t in quads(n_articles):
        graph = graphs.get(g)
        if graph is None:
            graph = graphs[g] = ds.graph(g)
        graph.add(t)
        default.add(t)
    return ds


def percentile(values: list[float], q: float) -> float:
    s = sorted(values)
    k = (len(s) - 1) * q
    lo, hi = math.floor(k), math.ceil(k)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def time_runs(fn, *, repeat: int, budget_s: float) -> tuple[list[float], int]:
    """Run ``fn`` (after one warm-up) up to ``repeat`` times within ``budget_s``; (times, rows)."""
    t = time.perf_counter()
    rows = fn()
    first = time.perf_counter() - t
    times: list[float] = []
    deadline = time.perf_counter() + budget_s
    while len(times) < repeat and (not times or time.perf_counter() + first < deadline):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    if not times:
        times = [first]
    return times, rows


def forked_run(fn, timeout_s: float) -> tuple[float, int] | None:
    """Time ``fn()`` in a forked child (copy-on-write: the dataset is shared, not rebuilt).

    Returns (seconds, rows), or None when the child had to be killed at ``timeout_s``:
    rdflib cannot be interrupted in-process.
    """
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(r)
        try:
            t = time.perf_counter()
            rows = fn()
            os.write(w, json.dumps([time.perf_counter() - t, rows]).encode())
        finally:
            os._exit(0)
    os.close(w)
    try:
        ready, _, _ = select.select([r], [], [], timeout_s)
        if not ready:
            os.kill(pid, signal.SIGKILL)
            return None
        data = os.read(r, 4096)
    finally:
        os.close(r)
        os.waitpid(pid, 0)
    if not data:
        return None
    seconds, rows = json.loads(data)
    return seconds, rows


def time_forked(fn, *, repeat: int, budget_s: float, timeout_s: float) -> tuple[list[float], int | None, bool]:
    """Up to ``repeat`` forked runs within ``budget_s``; (times, rows, timed_out)."""
    times: list[float] = []
    rows = None
    start = time.perf_counter()
    while len(times) < repeat:
        got = forked_run(fn, timeout_s)
        if got is None:
            return [timeout_s], None, True
        times.append(got[0])
        rows = got[1]
        if time.perf_counter() - start + got[0] > budget_s:
            break
    return times, rows, False


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--small", action="store_true", help="CI smoke test: a small graph, few repeats")
    ap.add_argument("--articles", type=int, help="synthetic articles (default 18000; 300 with --small)")
    ap.add_argument("--repeat", type=int, help="timed runs per query (default 15; 3 with --small)")
    ap.add_argument("--rdflib-budget", type=float, help="seconds of rdflib runs per query (default 20; 5 --small)")
    ap.add_argument("--rdflib-timeout", type=float,
                    help="kill an rdflib run after this many seconds (default: 25x the Oxigraph median, "
                         "at least 30 s, at most 300 s; 10 s with --small)")
    ap.add_argument("--queries", type=Path, default=SHIPPED, help="folder of .rq files")
    ap.add_argument("--reuse", action="store_true", help="reuse the Oxigraph store of the last run")
    ap.add_argument("--out", type=Path, help="result file")
    args = ap.parse_args(argv)

    from techkg.sparql import bind, read_query_file
    from techkg.vocab import prefixes

    n = args.articles or (300 if args.small else 18000)
    repeat = args.repeat or (3 if args.small else 15)
    budget = args.rdflib_budget or (5.0 if args.small else 20.0)
    fixed_timeout = args.rdflib_timeout or (10.0 if args.small else None)
    plain = args.queries.resolve() != (SHIPPED).resolve()
    name = "sparql" + ("-plain" if plain else "") + ("-small" if args.small else "")
    out = args.out or RESULTS / f"{name}.json"
    WORK.mkdir(parents=True, exist_ok=True)

    t = time.perf_counter()
    if args.reuse and (WORK / "sparql-store").is_dir():
        from techkg.store import GraphStore

        store = GraphStore.open(WORK / "sparql-store")
    else:
        store = build_oxigraph(WORK / "sparql-store", n)
    ox_load = time.perf_counter() - t
    triples = store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"]
    union = store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]
    print(f"oxigraph: {n} articles, {triples} article triples, {union} in the union, "
          f"{len(store)} quads, loaded in {ox_load:.1f} s", file=sys.stderr)
    t = time.perf_counter()
    ds = build_rdflib(n)
    rl_load = time.perf_counter() - t
    print(f"rdflib: loaded in {rl_load:.1f} s, peak RSS {rss_mb():.0f} MB", file=sys.stderr)

    ns = prefixes()
    results = []
    for path in sorted(args.queries.glob("*.rq")):
        q = read_query_file(path)
        values = {"article": "syn-0"} if any(p.default is None for p in q.params) else {}
        text = bind(q.text, values, q.params)

        def run_ox(text=text) -> int:
            return sum(1 for _ in store.query(text))

        def run_rl(text=text) -> int:
            return len(list(ds.query(text, initNs=ns)))

        ox_times, ox_rows = time_runs(run_ox, repeat=repeat, budget_s=60)
        # rdflib cannot be interrupted: a run is killed once it is clearly >= 25x slower
        timeout = fixed_timeout or min(300.0, max(30.0, 25 * statistics.median(ox_times)))
        rl_times, rl_rows, timed_out = time_forked(run_rl, repeat=repeat, budget_s=budget, timeout_s=timeout)
        row = {
            "query": path.stem,
            "aggregate": path.stem in AGGREGATES,
            "rows": ox_rows,
            "rows_agree": None if timed_out else ox_rows == rl_rows,
            "rdflib_timed_out": timed_out,
            "oxigraph_median_ms": round(statistics.median(ox_times) * 1000, 3),
            "oxigraph_p95_ms": round(percentile(ox_times, 0.95) * 1000, 3),
            "oxigraph_runs": len(ox_times),
            "rdflib_median_ms": round(statistics.median(rl_times) * 1000, 3),
            "rdflib_p95_ms": round(percentile(rl_times, 0.95) * 1000, 3),
            "rdflib_runs": len(rl_times),
            "rdflib_timeout_s": round(timeout, 1),
        }
        row["ratio"] = round(row["rdflib_median_ms"] / max(row["oxigraph_median_ms"], 1e-3), 1)
        results.append(row)
        more = ">" if timed_out else " "
        print(f"{path.stem:22s} rows {ox_rows:5d}/{rl_rows if rl_rows is not None else '-':<5} oxigraph {row['oxigraph_median_ms']:9.2f} ms "
              f"rdflib {more}{row['rdflib_median_ms']:10.1f} ms  x{more}{row['ratio']}", file=sys.stderr)

    agg = [r["ratio"] for r in results if r["aggregate"]]
    summary = {
        "benchmark": "sparql",
        "small": args.small,
        "queries_folder": str(args.queries.resolve().relative_to(ROOT)),
        "articles": n,
        "article_triples": triples,
        "union_triples": union,
        "store_quads": len(store),
        "oxigraph_load_s": round(ox_load, 1),
        "rdflib_load_s": round(rl_load, 1),
        "peak_rss_mb": round(rss_mb()),
        "repeat": repeat,
        "aggregate_ratio_min": min(agg) if agg else None,
        "aggregate_ratio_geomean": round(math.exp(statistics.mean(math.log(r) for r in agg)), 1) if agg else None,
        "all_ratio_geomean": round(math.exp(statistics.mean(math.log(max(r["ratio"], 1e-3)) for r in results)), 1),
        "rows_agree": all(r["rows_agree"] is not False for r in results),
        "rdflib_timeout": "fixed 10 s" if args.small and not args.rdflib_timeout else (
            f"fixed {args.rdflib_timeout} s" if args.rdflib_timeout else "25x the Oxigraph median, 30-300 s"),
        "note": "a query whose rdflib run was killed at the timeout has its ratio as a lower bound (>=)",
        "queries": results,
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "versions": _versions(),
        "date": time.strftime("%Y-%m-%d"),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    store.close()
    print(f"wrote {out}", file=sys.stderr)
    return summary


def _versions() -> dict[str, str]:
    from importlib.metadata import version

    return {p: version(p) for p in ("pyoxigraph", "rdflib")}


if __name__ == "__main__":
    main()
