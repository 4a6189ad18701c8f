"""Served explorer on a big store: how long search, neighbourhood and entity pages take.

Builds a store from a synthetic graph (``bench/synthetic.py``): every
evidence sentence becomes one article whose extraction holds the two
entities and the relation. Then, for a sample of entities, times the JSON
search API, the neighbourhood API at 1 and 2 hops and the entity page,
in process (Starlette's test client: server time, no network).

Writes ``bench/results/serve_scale.json``.

Run: ``.venv/bin/python bench/serve_scale.py [--nodes 5000]``
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))  # bench.synthetic

from techkg.records import Article, Entity, Extraction, Mention, Relation  # noqa: E402
from techkg.web.app import create_app  # noqa: E402
from techkg.store import GraphStore  # noqa: E402
from bench.synthetic import synthetic_graph  # noqa: E402


def to_extractions(G) -> list[Extraction]:
    """One article per evidence sentence of the synthetic graph."""
    out = []
    for u, v, key, d in G.edges(keys=True, data=True):
        for ev in d["evidence"]:
            text = ev["text"]
            ents = []
            for node in (u, v):
                a = G.nodes[node]
                name = a["label_zh"] or a["label"]
                at = text.find(name)
                ents.append(Entity(a["key"], a["type"], a["label"], (Mention(name, at, at + len(name)),),
                                   labels={"zh-Hans": a["label_zh"]} if a["label_zh"] else {}))
            rel = Relation(key, ents[0].key, ents[1].key, text, 0, len(text), ev["confidence"])
            art = Article(id=ev["article"].rsplit("/", 1)[-1], text=text, title=ev["title"],
                          date=ev["date"], url=ev["url"])
            out.append(Extraction(art, tuple(ents), (rel,)))
    return out


def timed(fn, repeats: int = 1) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeats):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return best, result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--samples", type=int, default=15)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "serve_scale.json")
    args = ap.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    G = synthetic_graph(args.nodes, seed=11)
    exs = to_extractions(G)
    store = GraphStore.open(None)
    t = time.perf_counter()
    for i in range(0, len(exs), 500):
        store.put_many(exs[i:i + 500])
    build_s = time.perf_counter() - t
    client = TestClient(create_app(store))
    rng = random.Random(3)
    nodes = list(G.nodes)
    sample = [nodes[0]] + rng.sample(nodes, args.samples - 1)  # nodes[0] is the biggest hub
    rows = []
    for iri in sample:
        a = G.nodes[iri]
        name = a["label_zh"] or a["label"]
        s_search, r = timed(lambda name=name: client.get("/api/search", params={"q": name}))
        assert r.json()["results"], name
        s1, r1 = timed(lambda iri=iri: client.get("/api/graph", params={"iri": iri, "hops": 1}))
        s2, r2 = timed(lambda iri=iri: client.get("/api/graph", params={"iri": iri, "hops": 2}))
        se, re_ = timed(lambda iri=iri: client.get("/entity", params={"iri": iri}))
        assert re_.status_code == 200
        rows.append({"entity": name, "degree": len(set(G.successors(iri)) | set(G.predecessors(iri))),
                     "search_ms": round(s_search * 1000), "hops1_ms": round(s1 * 1000),
                     "hops1_nodes": len(r1.json()["nodes"]), "hops2_ms": round(s2 * 1000),
                     "hops2_nodes": len(r2.json()["nodes"]), "entity_page_ms": round(se * 1000)})
        print(json.dumps(rows[-1], ensure_ascii=False), flush=True)

    def med(k: str) -> float:
        return statistics.median(r[k] for r in rows)

    result = {
        "benchmark": "serve_scale",
        "date": time.strftime("%Y-%m-%d"),
        "machine": {"cpus": os.cpu_count(), "load_avg_1min": round(os.getloadavg()[0], 2)},
        "entities": args.nodes, "links": G.number_of_edges(), "articles": len(exs),
        "quads": len(store), "store_build_s": round(build_s, 1),
        "median": {k: med(k) for k in ("search_ms", "hops1_ms", "hops1_nodes", "hops2_ms",
                                       "hops2_nodes", "entity_page_ms")},
        "biggest_hub": rows[0],
        "rows": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "rows"}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
