"""Synthetic graphs that follow the NetworkX projection contract exactly (a test and bench fixture).

Used by the browser and layout tests and the render benchmarks, where a graph of
a known size is needed without running the extractor. The first entities
are real companies and products with Chinese, English and Traditional
aliases; the rest get generated names.

>>> G = synthetic_graph(50, seed=1)
>>> G.number_of_nodes()
50
>>> G.nodes["https://w3id.org/techkg/id/company/nvidia"]["label_zh"]
'英伟达'
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import networkx as nx

from techkg.vocab import DEFAULT_BASE, Ids

BASE = DEFAULT_BASE

# (key, type, label, zh label, aliases, maker key)
_SEED_ENTITIES: tuple[tuple[str, str, str, str, tuple[str, ...], str | None], ...] = (
    ("nvidia", "Company", "NVIDIA", "英伟达", ("英伟达", "NVIDIA", "輝達", "Nvidia"), None),
    ("tsmc", "Company", "TSMC", "台积电", ("台积电", "台積電", "TSMC"), None),
    ("huawei", "Company", "Huawei", "华为", ("华为", "華為", "Huawei"), None),
    ("microsoft", "Company", "Microsoft", "微软", ("微软", "微軟", "Microsoft"), None),
    ("baidu", "Company", "Baidu", "百度", ("百度", "Baidu"), None),
    ("xiaomi", "Company", "Xiaomi", "小米", ("小米", "Xiaomi"), None),
    ("mediatek", "Company", "MediaTek", "联发科", ("联发科", "聯發科", "MediaTek"), None),
    ("alibaba", "Company", "Alibaba", "阿里巴巴", ("阿里巴巴", "阿里", "Alibaba"), None),
    ("nvidia-h100", "Product", "H100", "", ("H100", "NVIDIA H100"), "nvidia"),
    ("microsoft-365-copilot", "Product", "Microsoft 365 Copilot", "",
     ("Microsoft 365 Copilot", "Copilot"), "microsoft"),
    ("mate-60", "Product", "Mate 60", "", ("Mate 60", "华为Mate 60", "華為Mate 60"), "huawei"),
    ("ernie-bot", "Product", "ERNIE Bot", "文心一言", ("文心一言", "ERNIE Bot"), "baidu"),
    ("su7", "Product", "SU7", "小米SU7", ("小米SU7", "SU7"), "xiaomi"),
    ("dimensity-9300", "Product", "Dimensity 9300", "天玑9300",
     ("天玑9300", "天璣9300", "Dimensity 9300"), "mediatek"),
)

_SYLLABLES = "星云海光智芯数科腾讯联创天宇华达信通微视极量子方舟灵犀启明"
_SUFFIX_CO = ("科技", "半导体", "智能", "网络", "电子", "集团")
_SUFFIX_PROD = ("Pro", "Max", "X", "Ultra", "Lite", "芯片", "大模型", "平台")


def entity_iri(kind: str, key: str, base: str = BASE) -> str:
    """IRI of a company or product, minted by the package (:class:`techkg.vocab.Ids`).

    >>> entity_iri("Product", "Mate 60")
    'https://w3id.org/techkg/id/product/Mate%2060'
    """
    return str(Ids(base).entity(kind, key))


def _evidence(rng: random.Random, text: str, day: date, n: int) -> dict:
    aid = f"{BASE}article/syn-{n}"
    return {
        "text": text,
        "article": aid,
        "title": f"科技快讯第{n}期",
        "date": day.isoformat(),
        "url": f"https://news.example.cn/{n}.html",
        "confidence": round(rng.uniform(0.6, 0.99), 2),
    }


def _add_edge(G: nx.MultiDiGraph, rng: random.Random, u: str, v: str, kind: str,
              start: date, counter: list[int]) -> None:
    if kind == "partnership" and v < u:
        u, v = v, u
    a, b = G.nodes[u], G.nodes[v]
    name_a = a["label_zh"] or a["label"]
    name_b = b["label_zh"] or b["label"]
    n_ev = 1 + int(rng.random() < 0.3) + int(rng.random() < 0.1)
    evidence = []
    for _ in range(n_ev):
        counter[0] += 1
        day = start + timedelta(days=rng.randrange(0, 900))
        if kind == "partnership":
            text = f"{name_a}与{name_b}宣布达成战略合作。"
        elif kind == "release":
            text = f"{name_a}正式发布{name_b}。"
        else:
            text = f"{name_b}由{name_a}研发。"
        evidence.append(_evidence(rng, text, day, counter[0]))
    evidence.sort(key=lambda e: e["date"])
    if kind == "maker":
        evidence = []  # maker statements carry no event in the RDF model
    dates = [e["date"] for e in evidence]
    G.add_edge(
        u, v, key=kind, type=kind, weight=max(1, len(evidence)),
        confidence=max((e["confidence"] for e in evidence), default=1.0),
        first_date=dates[0] if dates else None, last_date=dates[-1] if dates else None,
        evidence=evidence,
    )


def synthetic_graph(n: int, *, seed: int = 7, company_share: float = 0.35) -> nx.MultiDiGraph:
    """A news-like knowledge graph of ``n`` entities per the projection contract.

    Companies partner with each other with preferential attachment (a few
    hubs, many leaves); products are released and made by one company.
    A handful of small disconnected clusters mimic stray articles.

    Args:
        n: number of nodes (at least 1).
        seed: random seed; the same seed gives the same graph.
        company_share: fraction of generated entities that are companies.

    >>> G = synthetic_graph(200)
    >>> sorted({d["type"] for _, _, d in G.edges(data=True)})
    ['maker', 'partnership', 'release']
    """
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    start = date(2022, 1, 1)
    companies: list[str] = []
    products: list[tuple[str, str | None]] = []
    for key, kind, label, zh, aliases, maker in _SEED_ENTITIES[: max(n, 0)]:
        iri = entity_iri(kind, key)
        G.add_node(iri, label=label, label_zh=zh, type=kind, key=key, aliases=list(aliases),
                   articles=0, first_seen=None, last_seen=None,
                   maker=entity_iri("Company", maker) if maker else None)
        (companies.append(iri) if kind == "Company" else products.append((iri, maker)))
    i = len(G)
    while len(G) < n:
        i += 1
        stem = "".join(rng.choice(_SYLLABLES) for _ in range(2))
        if rng.random() < company_share or not companies:
            zh = f"{stem}{rng.choice(_SUFFIX_CO)}{i}"
            en = f"Syn{i} Tech"
            key = f"syn-{i}"
            iri = entity_iri("Company", key)
            G.add_node(iri, label=zh, label_zh=zh, type="Company", key=key,
                       aliases=[zh, en], articles=0, first_seen=None, last_seen=None, maker=None)
            companies.append(iri)
        else:
            maker = rng.choice(companies[: max(3, len(companies) // 3)] if rng.random() < 0.5
                               else companies)
            label = f"{stem}{rng.choice(_SUFFIX_PROD)} {i}"
            key = f"syn-p{i}"
            iri = entity_iri("Product", key)
            G.add_node(iri, label=label, label_zh="", type="Product", key=key,
                       aliases=[label], articles=0, first_seen=None, last_seen=None, maker=maker)
            products.append((iri, G.nodes[maker]["key"]))
    counter = [0]
    # Partnerships: preferential attachment among companies.
    pool: list[str] = []
    for j, c in enumerate(companies):
        if j >= len(_SEED_ENTITIES) and rng.random() < 0.04:
            continue  # a loner: it and its products form a small separate cluster
        if not pool:
            pool.append(c)
            continue
        for _ in range(1 + int(rng.random() < 0.4)):
            other = rng.choice(pool)
            if other != c:
                _add_edge(G, rng, c, other, "partnership", start, counter)
                pool.append(other)
        pool.append(c)
    for p, maker_key in products:
        if not maker_key:
            continue
        maker_iri = entity_iri("Company", maker_key)
        G.nodes[p]["maker"] = maker_iri
        _add_edge(G, rng, maker_iri, p, "release", start, counter)
        if rng.random() < 0.5:
            _add_edge(G, rng, maker_iri, p, "maker", start, counter)
    _fill_seen(G)
    return G


def _fill_seen(G: nx.MultiDiGraph) -> None:
    """Set ``articles``, ``first_seen`` and ``last_seen`` from edge evidence."""
    for node in G.nodes:
        arts: set[str] = set()
        dates: list[str] = []
        for _, _, d in list(G.out_edges(node, data=True)) + list(G.in_edges(node, data=True)):
            for ev in d["evidence"]:
                arts.add(ev["article"])
                dates.append(ev["date"])
        attrs = G.nodes[node]
        attrs["articles"] = max(1, len(arts))
        attrs["first_seen"] = min(dates) if dates else None
        attrs["last_seen"] = max(dates) if dates else None
