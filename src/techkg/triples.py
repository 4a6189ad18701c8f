"""Records → RDF triples, one article at a time.

:func:`article_triples` turns one :class:`~techkg.records.Extraction` into the
triples of that article's named graph: the article node, every entity with its
labels and aliases, and every relation as an event node with its evidence plus
a shortcut triple. The store writes them; :mod:`techkg.network` reads the
store back into NetworkX.

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
from collections.abc import Iterable, Iterator
from datetime import date as _date
from decimal import ROUND_HALF_EVEN, Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SDO, SKOS, XSD

from techkg.records import Entity, EntityType, Extraction, Relation
from techkg.text import match_key
from techkg.vocab import DEFAULT_BASE, TK, Ids, prefixes

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
