"""Records → RDF triples (one article at a time) and the NetworkX projection.

:func:`article_triples` turns one :class:`~techkg.records.Extraction` into the
triples of that article's named graph: the article node, every entity with its
labels and aliases, and every relation as an event node with its evidence plus
a shortcut triple. :func:`to_networkx` reads a store (or an rdflib dataset)
back into a ``networkx.MultiDiGraph`` for analytics and rendering.

>>> from techkg.records import Article, Entity, Extraction, Mention, Relation
>>> text = "英伟达与台积电合作。"
>>> ex = Extraction(
...     Article(id="a1", text=text, date="2023-03-21"),
...     (Entity("nvidia", "Company", "NVIDIA", (Mention("英伟达", 0, 3),)),
...      Entity("tsmc", "Company", "TSMC", (Mention("台积电", 4, 7),))),
...     (Relation("partnership", "nvidia", "tsmc", text, 0, 10, 0.9, "合作"),))
>>> g = article_graph(ex)
>>> (Ids().company("nvidia"), TK.partnerOf, Ids().company("tsmc")) in g
True
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from datetime import date as _date
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING, Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SDO, SKOS, XSD

from techkg.records import Entity, EntityType, Extraction, Relation
from techkg.text import is_han, match_key
from techkg.vocab import DEFAULT_BASE, TK, Ids, prefixes, sparql_prologue

if TYPE_CHECKING:
    import networkx as nx

Triple = tuple[URIRef, URIRef, URIRef | Literal]

_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_ENTITY_CLASSES = {EntityType.COMPANY: (TK.Company, SDO.Organization), EntityType.PRODUCT: (TK.Product, SDO.Product)}
_EVENT_CLASSES = {"partnership": TK.Partnership, "release": TK.ProductRelease, "maker": TK.Manufacture}


def iso_date(value: str | None) -> str | None:
    """The ``YYYY-MM-DD`` part of an ISO date or datetime, or None if it is not one.

    >>> iso_date("2023-03-21T23:00:00+08:00")
    '2023-03-21'
    >>> iso_date("2023-02-30") is None
    True
    """
    if not value:
        return None
    m = _DATE_RE.match(value.strip())
    if not m:
        return None
    try:
        return _date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def confidence_literal(value: float) -> Literal:
    """A confidence as a canonical ``xsd:decimal`` (4 places, no trailing zeros).

    >>> str(confidence_literal(0.90000001))
    '0.9'
    >>> str(confidence_literal(1))
    '1.0'
    """
    d = Decimal(repr(float(value))).quantize(Decimal("0.0001"), rounding=ROUND_HALF_EVEN)
    text = format(d.normalize(), "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD.decimal)


def _entity_triples(e: Entity, iri: URIRef, ids: Ids) -> Iterator[Triple]:
    for cls in _ENTITY_CLASSES[e.type]:
        yield iri, RDF.type, cls
    yield iri, TK.key, Literal(e.key)
    yield iri, RDFS.label, Literal(e.label or e.key)
    keys = {match_key(e.label or e.key)}
    for lang, text in sorted(e.labels.items()):
        if text:
            # BCP 47 tags are case-insensitive; Oxigraph stores them lower-case, so do we.
            yield iri, RDFS.label, Literal(text, lang=lang.lower())
            keys.add(match_key(text))
    for alias in e.aliases:
        yield iri, SKOS.altLabel, Literal(alias)
        keys.add(match_key(alias))
    for k in sorted(keys - {""}):
        yield iri, TK.matchKey, Literal(k)
    if e.type == EntityType.PRODUCT and e.maker:
        yield iri, SDO.manufacturer, ids.company(e.maker)


def _placeholder_triples(iri: URIRef, type_: str, key: str) -> Iterator[Triple]:
    # An endpoint the extraction did not list as an entity (a maker the lexicon knows but the
    # article does not name): typed, keyed, labelled by its lexicon label, never by its key.
    from techkg.nlp.lexicon import default_lexicon

    entry = default_lexicon().get(key)
    for cls in _ENTITY_CLASSES[type_]:
        yield iri, RDF.type, cls
    yield iri, TK.key, Literal(key)
    yield iri, RDFS.label, Literal(entry.label if entry is not None else key)
    yield iri, TK.matchKey, Literal(match_key(key))


def _relation_triples(
    r: Relation, ev: URIRef, src: URIRef, dst: URIRef, art: URIRef, day: str | None
) -> Iterator[Triple]:
    yield ev, RDF.type, _EVENT_CLASSES[r.type]
    yield ev, RDF.type, TK.Event
    if r.type == "partnership":
        yield ev, TK.participant, src
        yield ev, TK.participant, dst
        yield src, TK.partnerOf, dst
        yield dst, TK.partnerOf, src
    else:
        yield ev, TK.company, src
        yield ev, TK.product, dst
        if r.type == "release":
            yield src, TK.released, dst
        else:
            yield dst, SDO.manufacturer, src
    yield ev, TK.evidence, Literal(r.evidence)
    yield ev, TK.startOffset, Literal(int(r.start))
    yield ev, TK.endOffset, Literal(int(r.end))
    yield ev, TK.confidence, confidence_literal(r.confidence)
    if r.trigger:
        yield ev, TK.trigger, Literal(r.trigger)
    yield ev, PROV.wasDerivedFrom, art
    if day:
        yield ev, DCTERMS.date, Literal(day, datatype=XSD.date)


def article_triples(extraction: Extraction, ids: Ids | None = None) -> list[Triple]:
    """All triples of one article's named graph, without duplicates, in a stable order.

    The last triple is ``<article> tk:statementCount N`` where N counts every
    triple in the list (itself included), so a reader can check that an
    article's graph is complete.

    Args:
        extraction: what was extracted from the article.
        ids: IRI minter (default base when None).

    Returns:
        A list of ``(subject, predicate, object)`` rdflib terms.

    >>> from techkg.records import Article
    >>> ts = article_triples(Extraction(Article(id="x", text="輝達"), (), ()))
    >>> ts[-1][2].toPython() == len(ts)
    True
    """
    ids = ids or Ids()
    a = extraction.article
    art = ids.article(a.id)
    day = iso_date(a.date)
    out: dict[Triple, None] = {}

    def add(triples: Iterable[Triple]) -> None:
        for t in triples:
            out.setdefault(t, None)

    add([(art, RDF.type, SDO.NewsArticle), (art, TK.articleId, Literal(a.id))])
    if a.title:
        add([(art, SDO.headline, Literal(a.title))])
    if day:
        add([(art, SDO.datePublished, Literal(day, datatype=XSD.date))])
    if a.url:
        add([(art, SDO.url, Literal(a.url, datatype=XSD.anyURI))])
    if a.publisher:
        add([(art, TK.source, Literal(a.publisher))])
    if a.origin:
        add([(art, TK.origin, Literal(a.origin))])
    add([(art, TK.contentHash, Literal(a.content_hash))])

    types: dict[str, str] = {}  # key → type of the entity listed in the extraction
    typed: set[tuple[str, str]] = set()
    for e in extraction.entities:
        iri = ids.entity(e.type, e.key)
        types.setdefault(e.key, e.type)
        typed.add((e.type, e.key))
        add(_entity_triples(e, iri, ids))
        add([(art, SDO.mentions, iri)])
    # Makers and relation endpoints that are not entities of this extraction.
    referenced: list[tuple[str, str]] = [
        (EntityType.COMPANY, e.maker) for e in extraction.entities if e.type == EntityType.PRODUCT and e.maker
    ]
    for r in extraction.relations:
        if r.type == "partnership":
            referenced += [(types.get(k, EntityType.COMPANY), k) for k in (r.source, r.target)]
        else:
            referenced += [(EntityType.COMPANY, r.source), (EntityType.PRODUCT, r.target)]
    for type_, key in referenced:
        if (type_, key) not in typed:
            typed.add((type_, key))
            add(_placeholder_triples(ids.entity(type_, key), type_, key))

    seen_events: set[URIRef] = set()
    for r in sorted(extraction.relations, key=lambda r: (r.start, r.end, r.type, r.source, r.target)):
        src_key, dst_key = r.source, r.target
        if r.type == "partnership":
            src_key, dst_key = sorted((src_key, dst_key))
            src, dst = ids.entity(types.get(src_key, EntityType.COMPANY), src_key), ids.entity(
                types.get(dst_key, EntityType.COMPANY), dst_key
            )
        else:
            src, dst = ids.company(src_key), ids.product(dst_key)
        ev = ids.event(a.id, r.type, src_key, dst_key)
        if ev in seen_events:  # the same relation stated again in another sentence
            ev = ids.event(a.id, r.type, src_key, dst_key, extra=f"{r.start}:{r.end}")
            if ev in seen_events:
                continue
        seen_events.add(ev)
        add(_relation_triples(r, ev, src, dst, art, day))

    triples = list(out)
    triples.append((art, TK.statementCount, Literal(len(triples) + 1)))
    return triples


def article_graph(extraction: Extraction, ids: Ids | None = None) -> Graph:
    """The article's triples as an rdflib :class:`~rdflib.Graph` with the techkg prefixes bound.

    >>> from techkg.records import Article
    >>> len(article_graph(Extraction(Article(id="x", text="台積電"), (), ()))) > 0
    True
    """
    ids = ids or Ids()
    g = Graph(identifier=ids.graph(extraction.article.id))
    bind_prefixes(g, ids.base)
    for t in article_triples(extraction, ids):
        g.add(t)
    return g


def bind_prefixes(graph: Graph, base: str = DEFAULT_BASE) -> None:
    """Bind the techkg prefixes on an rdflib graph or dataset (for readable Turtle).

    >>> g = Graph(); bind_prefixes(g); dict(g.namespaces())["tk"]
    rdflib.term.URIRef('https://w3id.org/techkg/ontology#')
    """
    for p, iri in prefixes(base).items():
        graph.bind(p, iri, override=True, replace=True)


# ---------------------------------------------------------------- NetworkX projection


def _py(term: Any) -> Any:
    """rdflib or pyoxigraph term → plain Python (str for IRIs/dates, float for numbers)."""
    if term is None:
        return None
    datatype = getattr(term, "datatype", None)
    value = term.value if hasattr(term, "value") and not isinstance(term, Literal) else str(term)
    dt = str(getattr(datatype, "value", datatype) or "")
    if dt in (str(XSD.integer), str(XSD.int), str(XSD.long)):
        return int(value)
    if dt in (str(XSD.decimal), str(XSD.double), str(XSD.float)):
        return float(value)
    return value


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
            return [{n: _py(sol[n]) for n in names} for sol in res]
        res = self.target.query(text)
        names = [str(v) for v in res.vars]
        return [{n: _py(row[n]) for n in names} for row in res]


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


def _pick_labels(rows: list[dict[str, Any]]) -> tuple[str | None, str]:
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

    labels: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows(_LABELS_Q):
        labels[r["e"]].append(r)
    aliases: dict[str, list[str]] = defaultdict(list)
    for r in rows(_ALIASES_Q):
        aliases[r["e"]].append(r["l"])
    makers: dict[str, Counter[str]] = defaultdict(Counter)
    maker_rows = rows(_MAKERS_Q)
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
        label, label_zh = _pick_labels(labels.get(iri, []))
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
        for node, t in ((u, EntityType.COMPANY.value), (v, (EntityType.PRODUCT if type_ != "partnership" else EntityType.COMPANY).value)):
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
    return g
