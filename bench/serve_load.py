"""Load test of ``techkg serve`` on loopback: concurrent clients, hubs, ingest (issue 9).

1. Builds an on-disk store of ``--articles`` articles from real news
   paragraphs (``../shared/data/boson``, BosonNLP): each article is one real
   paragraph plus one generated sentence naming two companies (or a company
   and a product) as the evidence of a partnership or release. Names are the
   boson paragraphs' own company/product names; 26 hub companies (real tech
   names) take part in about half of the articles, so hub pages are big.
   Extractions are written directly (running the extractor on 3,000
   articles would take longer than the load test itself).
2. Starts ``techkg serve`` (a real uvicorn process, with a token) on a free
   port of 127.0.0.1.
3. Runs ``--clients`` threads for ``--seconds`` seconds, each picking at
   random: SPARQL SELECTs, entity pages (hubs included), explorer searches,
   ``/api/graph`` neighbourhoods, the explorer page, and ``POST /articles``
   with the token (new real paragraphs, extracted by the server).
4. Samples the server's memory (uvicorn + its query workers, RSS) every half
   second, from a start taken after one request of each kind (``cold_start``:
   before them); after the clients stop, waits ``--settle`` seconds and samples again.
   With ``--trace`` the server runs under tracemalloc and its reports of what
   Python objects hold (every 15 s) are kept beside the RSS figures.
5. Checks every article posted with a 2xx answer is in the store.

Writes ``bench/results/serve_load.json``; ``docs/server.md`` has the figures.

Run: ``.venv/bin/python bench/serve_load.py [--articles 3000 --clients 20 --seconds 60 --settle 40]``
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from techkg.records import Article, Entity, Extraction, Mention, Relation  # noqa: E402
from techkg.store import GraphStore  # noqa: E402

BOSON = ROOT.parent / "shared" / "data" / "boson" / "boson_ner.jsonl"
if not BOSON.exists():
    BOSON = Path("/work/shared/data/boson/boson_ner.jsonl")
HUBS = ["华为", "腾讯", "阿里巴巴", "小米", "百度", "英伟达", "台积电", "联想", "京东", "字节跳动",
        "中兴", "比亚迪", "宁德时代", "美团", "网易", "苹果", "微软", "谷歌", "三星", "英特尔",
        "高通", "索尼", "亚马逊", "特斯拉", "海尔", "格力"]
TOKEN = "bench-load-token-0123456789"
SELECTS = [
    'SELECT ?p ?l WHERE {{ ?e tk:matchKey "{name}" ; tk:partnerOf ?p . ?p rdfs:label ?l }} LIMIT 100',
    "SELECT ?e (COUNT(?p) AS ?n) WHERE {{ ?e tk:partnerOf ?p }} GROUP BY ?e ORDER BY DESC(?n) LIMIT 20",
    'SELECT ?a ?t WHERE {{ ?a schema:headline ?t FILTER(CONTAINS(?t, "{name}")) }} LIMIT 50',
    "SELECT ?c ?prod WHERE {{ ?c tk:released ?prod }} LIMIT 200",
]


def paragraphs() -> list[dict]:
    with BOSON.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def names(rows: list[dict], cls: str) -> list[str]:
    out = collections.Counter()
    for r in rows:
        for surface in (r.get("label", {}).get(cls) or {}):
            if 2 <= len(surface) <= 12 and surface not in HUBS:
                out[surface] += 1
    return [n for n, _ in out.most_common()]


def make_extraction(i: int, para: dict, rng: random.Random, companies: list[str],
                    products: list[str]) -> Extraction:
    """One article: a real paragraph plus a generated evidence sentence."""
    a = rng.choice(HUBS) if rng.random() < 0.5 else rng.choice(companies)
    if rng.random() < 0.25 and products:
        b, rtype, sentence = rng.choice(products), "release", "{a}今日正式发布{b}。"
    else:
        b = rng.choice([c for c in (rng.choice(companies), rng.choice(HUBS)) if c != a] or companies)
        rtype, sentence = "partnership", "{a}与{b}宣布达成战略合作。"
    ev = sentence.format(a=a, b=b)
    text = ev + para["text"]
    ents = []
    for name, typ in ((a, "Company"), (b, "Product" if rtype == "release" else "Company")):
        at = text.find(name)
        ents.append(Entity(f"{typ.lower()}-{name}", typ, name, (Mention(name, at, at + len(name)),)))
    rel = Relation(rtype, ents[0].key, ents[1].key, ev, 0, len(ev), round(rng.uniform(0.6, 0.95), 2))
    art = Article(id=f"load-{i}", text=text, title=ev[:-1],
                  date=f"{2012 + i % 12}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                  url=f"https://news.example.cn/load/{i}")
    return Extraction(art, tuple(ents), (rel,))


def build_store(path: Path, n: int, seed: int = 9) -> tuple[list[str], list[str]]:
    rows = paragraphs()
    rng = random.Random(seed)
    companies, products = names(rows, "company_name")[:600], names(rows, "product_name")[:400]
    exs = [make_extraction(i, rows[i % len(rows)], rng, companies, products) for i in range(n)]
    with GraphStore.open(path) as store:
        for i in range(0, len(exs), 250):
            store.put_many(exs[i:i + 250])
    return companies, products


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_rss_mb(pid: int, *, split: bool = False) -> float | tuple[float, float]:
    """RSS of the server and its query workers, in MB (``split``: server, workers)."""
    import psutil

    try:
        proc = psutil.Process(pid)
        main = proc.memory_info().rss / 2**20
        children = 0.0
        for child in proc.children(recursive=True):
            with contextlib.suppress(psutil.NoSuchProcess):
                children += child.memory_info().rss / 2**20
    except psutil.NoSuchProcess:
        main = children = 0.0
    return (main, children) if split else main + children


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--settle", type=float, default=15)
    ap.add_argument("--timeout", type=float, default=5.0, help="server --timeout")
    ap.add_argument("--src", type=Path, default=ROOT / "src",
                    help="the techkg sources the server runs (another checkout's src/ for a baseline)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "serve_load.json")
    ap.add_argument("--trace", action="store_true",
                    help="run the server with PYTHONTRACEMALLOC=1 and record what Python holds "
                         "(slower: for finding where memory goes, not for latencies)")
    args = ap.parse_args()
    import httpx

    work = Path(tempfile.mkdtemp(prefix="techkg-load-"))
    t = time.perf_counter()
    companies, products = build_store(work / "store", args.articles)
    build_s = time.perf_counter() - t
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(args.src), "TECHKG_TOKEN": TOKEN}
    if args.trace:
        env["PYTHONTRACEMALLOC"] = "1"
    log_path = work / "server.log"
    log_file = log_path.open("wb")
    server = subprocess.Popen(
        [sys.executable, "-c", "import sys; from techkg.cli import app; sys.argv[0] = 'techkg'; app()",
         "serve", "--store", str(work / "store"), "--port", str(port), "--timeout", str(args.timeout)],
        env=env, stdout=subprocess.DEVNULL, stderr=log_file)

    def heap_line() -> str | None:
        """The server's last 'python heap' report (``--trace``), or None."""
        lines = [ln for ln in log_path.read_text(errors="replace").splitlines() if "python heap" in ln]
        return lines[-1] if lines else None

    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/stats", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.3)
    else:
        server.kill()
        raise SystemExit("server did not start: " + log_path.read_text(errors="replace")[-2000:])
    auth = {"Authorization": f"Bearer {TOKEN}"}
    # warm: the extractor loads on the first POST (seconds); take it out of the measurement
    httpx.post(base + "/articles", json={"id": "warm-0", "text": "华为与小米宣布合作。"},
               headers=auth, timeout=300)
    cold_split = server_rss_mb(server.pid, split=True)
    # one request of each kind: what the server loads once (the first layout imports SciPy's
    # graph code, the first query starts its workers' views) is not counted as growth
    hub_iri = f"https://w3id.org/techkg/id/company/company-{HUBS[0]}"
    for path, params in [("/api/graph", {"iri": hub_iri, "hops": 2}), ("/entity", {"iri": hub_iri}),
                         ("/api/search", {"q": HUBS[1]}), ("/", {}),
                         ("/sparql", {"query": SELECTS[1]})]:
        httpx.get(base + path, params=params, timeout=120)
    time.sleep(2)
    if args.trace:
        time.sleep(16)  # one janitor report before the load
    heap = {"start": heap_line()}
    start_split = server_rss_mb(server.pid, split=True)
    start_mb = sum(start_split)
    fresh = paragraphs()[::-1]
    hubs_iri = {h: f"https://w3id.org/techkg/id/company/company-{h}" for h in HUBS}
    stop = time.monotonic() + args.seconds
    lock = threading.Lock()
    samples: list[tuple[str, int, float]] = []  # (kind, status, seconds)
    errors: list[str] = []
    posted: list[str] = []
    mem: list[float] = []
    mem_split: list[tuple[float, float, int]] = []  # server, workers, worker processes

    def client(k: int) -> None:
        rng = random.Random(k)
        with httpx.Client(base_url=base, timeout=30) as c:
            while time.monotonic() < stop:
                roll = rng.random()
                name = rng.choice(HUBS) if rng.random() < 0.5 else rng.choice(companies)
                try:
                    t0 = time.perf_counter()
                    if roll < 0.25:
                        kind = "sparql"
                        q = rng.choice(SELECTS).format(name=name)
                        r = c.get("/sparql", params={"query": q})
                    elif roll < 0.45:
                        kind = "entity"
                        iri = hubs_iri[rng.choice(HUBS)] if rng.random() < 0.5 else \
                            f"https://w3id.org/techkg/id/company/company-{rng.choice(companies)}"
                        r = c.get("/entity", params={"iri": iri})
                    elif roll < 0.65:
                        kind = "search"
                        r = c.get("/api/search", params={"q": name[: rng.randint(1, len(name))]})
                    elif roll < 0.82:
                        kind = "graph"
                        r = c.get("/api/graph", params={"iri": hubs_iri[rng.choice(HUBS)] if
                                                        rng.random() < 0.5 else
                                                        f"https://w3id.org/techkg/id/company/company-{name}",
                                                        "hops": rng.choice([1, 2])})
                    elif roll < 0.92:
                        kind = "explorer"
                        r = c.get("/")
                    else:
                        kind = "post"
                        with lock:
                            para = fresh.pop()
                            aid = f"posted-{len(fresh)}"
                        r = c.post("/articles", json={"id": aid, "text": para["text"][:2000],
                                                      "title": para["text"][:30]}, headers=auth)
                        if r.is_success:
                            with lock:
                                posted.append(aid)
                    dt = time.perf_counter() - t0
                    ok = r.status_code < 400 or r.status_code == 404 or (
                        r.status_code in (429, 503) and "retry-after" in r.headers)
                    with lock:
                        samples.append((kind, r.status_code, dt))
                        if not ok:
                            errors.append(f"{kind} {r.status_code} {r.text[:120]}")
                except httpx.HTTPError as e:
                    with lock:
                        samples.append((kind, 0, time.perf_counter() - t0))
                        errors.append(f"{kind} {type(e).__name__}: {e}")

    def sampler() -> None:
        while time.monotonic() < stop:
            main_mb, workers_mb = server_rss_mb(server.pid, split=True)
            mem.append(main_mb + workers_mb)
            with contextlib.suppress(Exception):
                import psutil

                mem_split.append((round(main_mb), round(workers_mb),
                                  len(psutil.Process(server.pid).children(recursive=True))))
            time.sleep(0.5)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(args.clients)]
    threads.append(threading.Thread(target=sampler))
    t_load = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    load_s = time.perf_counter() - t_load
    peak_split = server_rss_mb(server.pid, split=True)
    heap["end_of_load"] = heap_line()
    time.sleep(args.settle)
    after_split = server_rss_mb(server.pid, split=True)
    heap["after_settle"] = heap_line()
    after_mb = sum(after_split)
    # every accepted article is in the store
    missing = []
    for i in range(0, len(posted), 50):
        ids = posted[i:i + 50]
        values = " ".join(json.dumps(x, ensure_ascii=False) for x in ids)
        query = f"SELECT ?id WHERE {{ VALUES ?id {{ {values} }} ?a tk:articleId ?id }}"
        for _attempt in range(60):  # a busy server answers 503: wait and ask again
            r = httpx.get(base + "/sparql", params={"query": query}, timeout=60)
            if r.status_code != 503:
                break
            time.sleep(2)
        found = {b["id"]["value"] for b in r.json()["results"]["bindings"]} if r.is_success else set()
        missing += [x for x in ids if x not in found]
    server.terminate()
    server.wait(30)
    log_file.close()
    shutil.rmtree(work, ignore_errors=True)

    def pct(xs: list[float], p: float) -> float:
        xs = sorted(xs)
        return round(xs[min(len(xs) - 1, int(p * len(xs)))] * 1000) if xs else 0

    by_kind: dict[str, dict] = {}
    for kind in sorted({s[0] for s in samples}):
        ks = [s for s in samples if s[0] == kind]
        by_kind[kind] = {
            "requests": len(ks),
            "status": dict(collections.Counter(str(s[1]) for s in ks)),
            "p50_ms": pct([s[2] for s in ks if 200 <= s[1] < 300], 0.5),
            "p99_ms": pct([s[2] for s in ks if 200 <= s[1] < 300], 0.99),
        }
    all_ok = [s[2] for s in samples if 200 <= s[1] < 300]
    result = {
        "benchmark": "serve_load",
        "server_src": str(args.src),
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "machine": {"cpus": os.cpu_count(), "load_avg_1min_after": round(os.getloadavg()[0], 2)},
        "store": {"articles": args.articles, "hubs": len(HUBS), "build_s": round(build_s, 1)},
        "clients": args.clients, "seconds": round(load_s, 1), "server_timeout_s": args.timeout,
        "requests": len(samples), "requests_per_s": round(len(samples) / load_s, 1),
        "p50_ms": pct(all_ok, 0.5), "p99_ms": pct(all_ok, 0.99),
        "errors": len(errors), "error_examples": errors[:10],
        "refused_503": sum(1 for s in samples if s[1] in (429, 503)),
        "posted": len(posted), "posted_missing": len(missing),
        "memory_mb": {"cold_start": round(sum(cold_split)),
                      "start": round(start_mb), "peak": round(max(mem or [0])),
                      "median_during": round(statistics.median(mem)) if mem else 0,
                      "after_settle": round(after_mb),
                      "peak_sample": max(mem_split, key=sum, default=None),
                      "server_and_workers": {"cold_start": [round(x) for x in cold_split],
                                             "start": [round(x) for x in start_split],
                                             "end_of_load": [round(x) for x in peak_split],
                                             "after_settle": [round(x) for x in after_split]}},
        "by_kind": by_kind,
    }
    if args.trace:
        result["python_heap"] = heap
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
