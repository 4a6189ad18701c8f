"""The NetworkX projection: the knowledge graph in a store read back as a ``MultiDiGraph``.

:func:`to_networkx` runs a few SELECT queries on a store (or an rdflib
dataset) and builds one node per entity and one edge per (pair, relation
type) with its evidence, for analytics (:mod:`techkg.stats`), the HTML page
(:mod:`techkg.render`), the web views and the GraphML/GEXF exports.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

from rdflib import Graph, URIRef

from techkg.records import EntityType
from techkg.text import is_han
from techkg.vocab import DEFAULT_BASE, sparql_prologue, term_value

if TYPE_CHECKING:
    import networkx as nx


class _Rows:
    """Runs SELECT queries on a GraphStore, a pyoxigraph Store or an rdflib Dataset/Graph."""

    def __init__(self, source: Any, base: str) -> None:
        self.base = base
        self.kind = "rdflib"
        self.target = source
        from rdflib import Dataset

        if hasattr(source, "oxigraph"):  # techkg.store.GraphStore: default graph = the union
            self.kind = "graphstore"
        elif type(source).__module__.startswith("pyoxigraph"):
            self.kind = "oxigraph"
        elif isinstance(source, Dataset):
            if not source.default_union:
                ds = Dataset(default_union=True)
                for q in source.quads((None, None, None, None)):
                    ds.add(q)
                self.target = ds
        elif isinstance(source, Graph):
            ds = Dataset(default_union=True)
            g = ds.graph(source.identifier if isinstance(source.identifier, URIRef) else None)
            for t in source:
                g.add(t)
            self.target = ds
        else:
            raise TypeError(
                f"to_networkx needs a GraphStore, pyoxigraph.Store or rdflib Dataset/Graph, "
                f"not {type(source).__name__}"
            )

    def __call__(self, sparql: str) -> list[dict[str, Any]]:
        text = sparql_prologue(self.base) + sparql
        if self.kind == "graphstore":
            return self.target.select(text)
        if self.kind == "oxigraph":
            res = self.target.query(text, use_default_graph_as_union=True)
            names = [v.value for v in res.variables]
            return [{n: term_value(sol[n]) for n in names} for sol in res]
        res = self.target.query(text)
        names = [str(v) for v in res.vars]
        return [{n: term_value(row[n]) for n in names} for row in res]


# Entity triples are repeated in the graph of every article that mentions the
# entity, and Oxigraph's union default graph keeps every copy: each query below
# touches one kind of triple only (or uses GRAPH), so row counts stay linear.
_TYPES_Q = """
SELECT DISTINCT ?e ?type WHERE { VALUES ?type { tk:Company tk:Product } ?e a ?type }
"""
_KEYS_Q = "SELECT DISTINCT ?e ?key WHERE { ?e tk:key ?key }"
_MENTIONS_Q = "SELECT ?e (COUNT(DISTINCT ?a) AS ?articles) WHERE { ?a schema:mentions ?e } GROUP BY ?e"
# First and last seen over dated articles only: MIN/MAX over an unbound (OPTIONAL) date is
# unbound, so one undated article would blank the dates of every entity it names.
_SEEN_Q = """
SELECT ?e (MIN(STR(?d)) AS ?first) (MAX(STR(?d)) AS ?last)
WHERE { ?a schema:mentions ?e ; schema:datePublished ?d } GROUP BY ?e
"""
_LABELS_Q = """
SELECT ?e ?l (LANG(?l) AS ?lang) (COUNT(DISTINCT ?g) AS ?n)
WHERE { GRAPH ?g { ?e rdfs:label ?l } } GROUP BY ?e ?l
"""
_ALIASES_Q = "SELECT DISTINCT ?e ?l WHERE { ?e skos:altLabel ?l }"
_MAKERS_Q = """
SELECT ?p ?c (COUNT(DISTINCT ?g) AS ?n)
WHERE { GRAPH ?g { ?p schema:manufacturer ?c } } GROUP BY ?p ?c
"""
_EVENTS_Q = """
SELECT ?ev ?etype ?u ?v ?text ?conf ?art ?title ?date ?url WHERE {
  { ?ev a tk:Partnership ; tk:participant ?u , ?v . FILTER(STR(?u) < STR(?v)) BIND("partnership" AS ?etype) }
  UNION { ?ev a tk:ProductRelease ; tk:company ?u ; tk:product ?v . BIND("release" AS ?etype) }
  UNION { ?ev a tk:Manufacture ; tk:company ?u ; tk:product ?v . BIND("maker" AS ?etype) }
  OPTIONAL { ?ev tk:evidence ?text }
  OPTIONAL { ?ev tk:confidence ?conf }
  OPTIONAL { ?ev dcterms:date ?date }
  OPTIONAL { ?ev prov:wasDerivedFrom ?art .
             OPTIONAL { ?art schema:headline ?title }
             OPTIONAL { ?art schema:url ?url } }
}
"""

_ZH_PREFERENCE = ("zh-hans", "zh-cn", "zh", "zh-hant", "zh-tw", "zh-hk")


def pick_labels(rows: list[dict[str, Any]]) -> tuple[str | None, str]:
    """(canonical label, Chinese label) from one entity's label rows."""
    plain = sorted((r for r in rows if not r["lang"]), key=lambda r: (-r["n"], r["l"]))
    zh: dict[str, str] = {}
    for r in sorted(rows, key=lambda r: (-r["n"], r["l"])):
        lang = str(r["lang"]).lower()
        if lang.startswith("zh"):
            zh.setdefault(lang, r["l"])
    label_zh = next((zh[k] for k in _ZH_PREFERENCE if k in zh), next(iter(zh.values()), ""))
    return (plain[0]["l"] if plain else None), label_zh


def to_networkx(source: Any, *, base: str = DEFAULT_BASE) -> nx.MultiDiGraph:
    """Project the knowledge graph onto a ``networkx.MultiDiGraph``.

    Nodes are entity IRIs with ``label``, ``label_zh``, ``type``, ``key``,
    ``aliases``, ``articles``, ``first_seen``, ``last_seen`` and ``maker``.
    Edges carry one key per relation type (``"partnership"`` stored once with
    ``u < v``, ``"release"`` and ``"maker"`` company → product) with ``type``,
    ``weight``, ``confidence``, ``first_date``, ``last_date`` and ``evidence``
    (list of dicts ordered by date).

    Args:
        source: a :class:`techkg.store.GraphStore`, a ``pyoxigraph.Store`` or
            an rdflib ``Dataset``/``Graph``.
        base: the data base IRI (for the ``tkid:`` prefix).

    >>> from rdflib import Dataset
    >>> from techkg.records import Article, Entity, Extraction, Mention, Relation
    >>> from techkg.triples import article_triples
    >>> from techkg.vocab import Ids
    >>> ds = Dataset()
    >>> ex = Extraction(Article(id="a1", text="百度发布文心一言。", date="2023-03-16"),
    ...     (Entity("baidu", "Company", "百度", (Mention("百度", 0, 2),)),
    ...      Entity("ernie-bot", "Product", "文心一言", (Mention("文心一言", 4, 8),), maker="baidu")),
    ...     (Relation("release", "baidu", "ernie-bot", "百度发布文心一言。", 0, 9, 0.8, "发布"),))
    >>> named = ds.graph(Ids().graph("a1"))
    >>> for t in article_triples(ex): _ = named.add(t)
    >>> g = to_networkx(ds)
    >>> sorted(k for _, _, k in g.edges(keys=True))
    ['maker', 'release']
    """
    import networkx as nx

    rows = _Rows(source, base)
    g = nx.MultiDiGraph()
    maker_rows = rows(_MAKERS_Q)
    _add_entities(g, rows, maker_rows)
    _add_relations(g, rows, maker_rows)
    return g


def _add_entities(g: nx.MultiDiGraph, rows: _Rows, maker_rows: list[dict[str, Any]]) -> None:
    """One node per typed entity, with its labels, aliases, article counts, dates and maker."""
    labels: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows(_LABELS_Q):
        labels[r["e"]].append(r)
    aliases: dict[str, list[str]] = defaultdict(list)
    for r in rows(_ALIASES_Q):
        aliases[r["e"]].append(r["l"])
    makers: dict[str, Counter[str]] = defaultdict(Counter)
    for r in maker_rows:
        makers[r["p"]][r["c"]] += r["n"]

    keys = {r["e"]: r["key"] for r in rows(_KEYS_Q)}
    seen = {r["e"]: r for r in rows(_MENTIONS_Q)}
    for r in rows(_SEEN_Q):
        seen.setdefault(r["e"], {}).update(first=r["first"], last=r["last"])
    for r in sorted(rows(_TYPES_Q), key=lambda r: (r["e"], r["type"])):
        iri = r["e"]
        if iri in g:  # typed both ways in different articles: first type wins
            continue
        label, label_zh = pick_labels(labels.get(iri, []))
        al = sorted(set(aliases.get(iri, [])))
        if not label_zh:
            label_zh = next((a for a in al if any(is_han(c) for c in a)), "")
        maker = makers[iri].most_common(1)[0][0] if makers.get(iri) else None
        m = seen.get(iri, {})
        g.add_node(
            iri,
            label=label or keys.get(iri) or iri.rsplit("/", 1)[-1],
            label_zh=label_zh,
            type=r["type"].rsplit("#", 1)[-1],
            key=keys.get(iri) or "",
            aliases=al,
            articles=int(m.get("articles") or 0),
            first_seen=m.get("first") or None,
            last_seen=m.get("last") or None,
            maker=maker,
        )


def _add_relations(g: nx.MultiDiGraph, rows: _Rows, maker_rows: list[dict[str, Any]]) -> None:
    """One edge per (pair, relation type), its evidence ordered by date; an endpoint
    no entity query typed gets a bare node."""
    events: dict[tuple[str, str, str], dict[str, dict[str, Any]]] = defaultdict(dict)
    for r in rows(_EVENTS_Q):
        ev = events[(r["u"], r["v"], r["etype"])].setdefault(
            r["ev"],
            {
                "text": r["text"] or "",
                "article": r["art"],
                "title": r["title"] or "",
                "date": r["date"],
                "url": r["url"],
                "confidence": r["conf"],
            },
        )
        # Several headlines/urls would give several rows: keep the first seen values.
        ev["title"] = ev["title"] or r["title"] or ""
    for r in maker_rows:  # maker shortcuts stated without an event still make an edge
        events.setdefault((r["c"], r["p"], "maker"), {})

    maker_articles = {(r["c"], r["p"]): r["n"] for r in maker_rows}
    for (u, v, type_), evs in sorted(events.items()):
        v_type = EntityType.PRODUCT if type_ != "partnership" else EntityType.COMPANY
        for node, t in ((u, EntityType.COMPANY.value), (v, v_type.value)):
            if node not in g:
                g.add_node(
                    node, label=node.rsplit("/", 1)[-1], label_zh="", type=t, key="",
                    aliases=[], articles=0, first_seen=None, last_seen=None, maker=None,
                )
        evidence = sorted(evs.values(), key=lambda e: (e["date"] or "9999", e["article"] or "", e["text"]))
        dates = [e["date"] for e in evidence if e["date"]]
        confs = [e["confidence"] for e in evidence if e["confidence"] is not None]
        weight = len(evidence)
        if type_ == "maker":
            weight = max(weight, maker_articles.get((u, v), 0))
        g.add_edge(
            u, v, key=type_,
            type=type_,
            weight=weight,
            confidence=max(confs) if confs else None,
            first_date=min(dates) if dates else None,
            last_date=max(dates) if dates else None,
            evidence=evidence,
        )
