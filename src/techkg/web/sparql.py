"""SPARQL 1.1 Protocol pieces: run a query under limits, pick a format, serialise.

* :func:`execute` runs one query on a :class:`~techkg.store.GraphStore`
  (default graph = union of the named graphs, techkg prefixes pre-declared),
  refusing ``SERVICE`` unless allowed, and stopping with a :class:`QueryError`
  when the result grows past ``max_rows`` or the time passes ``timeout_s``.
* :func:`negotiate` picks a result format from the ``Accept`` header (or a
  ``format``/``output`` parameter, as SPARQLWrapper sends).
* :func:`serialize` writes SELECT/ASK results as JSON, XML, CSV or TSV and
  CONSTRUCT/DESCRIBE graphs as Turtle, JSON-LD, N-Triples or RDF/XML.

>>> from techkg.store import GraphStore
>>> res = execute(GraphStore.open(None), "SELECT (1 + 1 AS ?two) {}")
>>> serialize(res, "csv")[0].decode().split()
['two', '2']
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from techkg.errors import QueryError

if TYPE_CHECKING:
    from techkg.store import GraphStore

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

# format key → (media type sent back, media types accepted for it)
RESULT_FORMATS: dict[str, tuple[str, tuple[str, ...]]] = {
    "json": ("application/sparql-results+json",
             ("application/sparql-results+json", "application/json", "text/javascript",
              "application/javascript")),
    "xml": ("application/sparql-results+xml",
            ("application/sparql-results+xml", "application/xml", "text/xml")),
    "csv": ("text/csv", ("text/csv",)),
    "tsv": ("text/tab-separated-values", ("text/tab-separated-values",)),
}
GRAPH_FORMATS: dict[str, tuple[str, tuple[str, ...]]] = {
    "turtle": ("text/turtle", ("text/turtle", "application/turtle", "application/x-turtle")),
    "jsonld": ("application/ld+json", ("application/ld+json", "application/x-json+ld",
                                       "application/json")),
    "ntriples": ("application/n-triples", ("application/n-triples", "text/plain")),
    "rdfxml": ("application/rdf+xml", ("application/rdf+xml", "application/xml", "text/xml")),
}
# ``format=`` / ``output=`` parameter values → format keys, per result kind.
_PARAM_ALIASES = {
    "json": ("json", "jsonld"), "srj": ("json", None), "xml": ("xml", "rdfxml"),
    "srx": ("xml", None), "csv": ("csv", None), "tsv": ("tsv", None),
    "turtle": (None, "turtle"), "ttl": (None, "turtle"), "n3": (None, "turtle"),
    "json-ld": (None, "jsonld"), "jsonld": (None, "jsonld"), "nt": (None, "ntriples"),
    "ntriples": (None, "ntriples"), "n-triples": (None, "ntriples"), "rdf": (None, "rdfxml"),
    "rdfxml": (None, "rdfxml"), "rdf+xml": (None, "rdfxml"),
}


@dataclass
class Result:
    """An evaluated query: solutions, a boolean, or triples.

    Attributes:
        kind: ``"solutions"``, ``"boolean"`` or ``"graph"``.
        variables: SELECT variable names.
        rows: one list of pyoxigraph terms (or None) per solution.
        boolean: the ASK answer.
        triples: CONSTRUCT/DESCRIBE triples (pyoxigraph ``Triple``).
        elapsed_s: evaluation time.
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)
    boolean: bool = False
    triples: list[Any] = field(default_factory=list)
    elapsed_s: float = 0.0


# ----------------------------------------------------------------------------- SERVICE


_SKIP_RE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'          # long strings
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'                   # short strings
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'              # IRIs
    r"|#[^\n]*",                               # comments
    re.DOTALL,
)
_SERVICE_RE = re.compile(r"(?<![\w?$:-])SERVICE(?![\w:-])", re.IGNORECASE)


def uses_service(query: str) -> bool:
    """True when the query contains a ``SERVICE`` clause (not in a string, IRI or comment).

    >>> uses_service("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    True
    >>> uses_service('SELECT ?service { ?service rdfs:label "SERVICE" } # service')
    False
    """
    return bool(_SERVICE_RE.search(_SKIP_RE.sub(" ", query)))


# ----------------------------------------------------------------------------- execute


def execute(
    store: GraphStore,
    query: str,
    *,
    timeout_s: float | None = 10.0,
    max_rows: int | None = 10_000,
    allow_service: bool = False,
    default_graphs: list[str] | None = None,
    named_graphs: list[str] | None = None,
) -> Result:
    """Evaluate ``query`` with limits.

    Args:
        store: the store.
        query: SPARQL 1.1 query text (the techkg prefixes are pre-declared).
        timeout_s: stop with an error after this long (checked between results).
        max_rows: stop with an error when a result has more rows or triples.
        allow_service: let ``SERVICE`` reach other endpoints (off by default).
        default_graphs: protocol ``default-graph-uri`` values (default: union of all graphs).
        named_graphs: protocol ``named-graph-uri`` values (default: all named graphs).

    Raises:
        QueryError: syntax error (with line and column), ``SERVICE`` refused,
            time or size limit exceeded, or evaluation failure.
    """
    import pyoxigraph as ox

    from techkg.store import syntax_error
    from techkg.vocab import prefixes

    if not allow_service and uses_service(query):
        raise QueryError(
            "SERVICE (federated query to another endpoint) is disabled on this server; "
            "remove the SERVICE clause, or start 'techkg serve --allow-service'"
        )
    start = time.monotonic()
    deadline = start + timeout_s if timeout_s else None
    if default_graphs or named_graphs:
        # The protocol's own dataset: evaluate on Oxigraph with those graphs.
        kwargs: dict[str, Any] = {"prefixes": prefixes(store.ids.base)}
        try:
            if default_graphs:
                kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
            if named_graphs:
                kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        except ValueError as e:
            raise QueryError(f"bad default-graph-uri or named-graph-uri: {e}") from None
        try:
            res = store.oxigraph.query(query, **kwargs)
        except SyntaxError as e:
            raise syntax_error(query, e) from None
        except (OSError, RuntimeError, ValueError) as e:
            raise QueryError(f"SPARQL query failed: {e}") from e
    else:
        # The store's own dataset: its default graph is the union of the article graphs.
        res = store.query(query)
    try:
        if isinstance(res, ox.QueryBoolean):
            out = Result("boolean", boolean=bool(res))
        elif isinstance(res, ox.QuerySolutions):
            names = [v.value for v in res.variables]
            out = Result("solutions", variables=names)
            for sol in res:
                out.rows.append([sol[n] for n in names])
                _check(len(out.rows), max_rows, deadline, timeout_s, "rows")
        else:
            out = Result("graph")
            for triple in res:
                out.triples.append(triple)
                _check(len(out.triples), max_rows, deadline, timeout_s, "triples")
    except (OSError, RuntimeError, ValueError) as e:
        raise QueryError(f"SPARQL query failed: {e}") from e
    finally:
        # pyoxigraph result iterators must die on the thread that made them,
        # not later on whichever thread handles a raised error.
        del res
    if deadline and time.monotonic() > deadline:
        raise _timeout(timeout_s)
    out.elapsed_s = time.monotonic() - start
    return out


def _timeout(timeout_s: float | None) -> QueryError:
    return QueryError(
        f"query time limit exceeded ({timeout_s:g} s); add a LIMIT or narrow the patterns, "
        "or start 'techkg serve --timeout SECONDS' with a higher limit"
    )


def _check(n: int, max_rows: int | None, deadline: float | None, timeout_s: float | None,
           what: str) -> None:
    if max_rows is not None and n > max_rows:
        raise QueryError(
            f"result size limit exceeded: more than {max_rows:,} {what}; add LIMIT {max_rows} "
            "(and OFFSET to page), or start 'techkg serve --max-rows N' with a higher limit"
        )
    if deadline is not None and n % 256 == 0 and time.monotonic() > deadline:
        raise _timeout(timeout_s)


# ----------------------------------------------------------------------------- negotiation


def _parse_accept(header: str) -> list[tuple[str, float, int]]:
    """``(media range, q, position)`` for each entry of an Accept header."""
    out = []
    for pos, part in enumerate(header.split(",")):
        bits = [b.strip() for b in part.split(";")]
        media = bits[0].lower()
        if not media:
            continue
        q = 1.0
        for b in bits[1:]:
            if b.lower().startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        out.append((media, q, pos))
    return out


def negotiate(kind: str, accept: str | None, param: str | None = None) -> str | None:
    """The format key for a result kind given an Accept header and format parameter.

    Args:
        kind: ``"solutions"``, ``"boolean"`` or ``"graph"``.
        accept: the request's Accept header (None/empty: the default format).
        param: a ``format``/``output`` parameter value or media type, which wins.

    Returns:
        A key of :data:`RESULT_FORMATS` or :data:`GRAPH_FORMATS`, or None when
        nothing acceptable is offered (HTTP 406).

    >>> negotiate("solutions", "text/csv;q=0.5, application/sparql-results+xml")
    'xml'
    >>> negotiate("graph", "application/ld+json")
    'jsonld'
    >>> negotiate("solutions", None, "json")
    'json'
    """
    table = GRAPH_FORMATS if kind == "graph" else RESULT_FORMATS
    if param:
        p = param.strip().lower()
        if p in _PARAM_ALIASES:
            key = _PARAM_ALIASES[p][1 if kind == "graph" else 0]
            if key:
                return key
        for key, (_main, accepted) in table.items():
            if p in accepted:
                return key
    if not accept or not accept.strip():
        return next(iter(table))
    best: tuple[float, int, int] | None = None
    choice = None
    for order, (key, (_main, accepted)) in enumerate(table.items()):
        for media, q, pos in _parse_accept(accept):
            if q <= 0:
                continue
            if media in accepted:
                spec = 2
            elif media.endswith("/*") and any(a.startswith(media[:-1]) for a in accepted):
                spec = 1
            elif media == "*/*":
                spec = 0
            else:
                continue
            # highest q; then the client's order; then the more specific range; then ours
            rank = (q, -pos, spec, -order)
            if best is None or rank > best:
                best, choice = rank, key
    return choice


def media_type(kind: str, key: str) -> str:
    """Content-Type for a format key.

    >>> media_type("graph", "turtle")
    'text/turtle; charset=utf-8'
    """
    table = GRAPH_FORMATS if kind == "graph" else RESULT_FORMATS
    return f"{table[key][0]}; charset=utf-8"


# ----------------------------------------------------------------------------- serialize


def term_json(term: Any) -> dict[str, Any]:
    """One RDF term in the SPARQL 1.1 JSON results format.

    >>> import pyoxigraph as ox
    >>> term_json(ox.Literal("英伟达", language="zh-hans"))
    {'type': 'literal', 'value': '英伟达', 'xml:lang': 'zh-hans'}
    """
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value not in (XSD_STRING, RDF_LANG_STRING):
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": term_json(term.subject),
                                            "predicate": term_json(term.predicate),
                                            "object": term_json(term.object)}}
    raise QueryError(f"cannot serialise term {term!r}")


def results_json(result: Result) -> dict[str, Any]:
    """SELECT/ASK result as the SPARQL 1.1 JSON document (a dict)."""
    if result.kind == "boolean":
        return {"head": {}, "boolean": result.boolean}
    bindings = []
    for row in result.rows:
        bindings.append({n: term_json(t) for n, t in zip(result.variables, row, strict=True)
                         if t is not None})
    return {"head": {"vars": result.variables}, "results": {"bindings": bindings}}


def serialize(result: Result, key: str, *, prefixes: dict[str, str] | None = None
              ) -> tuple[bytes, str]:
    """Body bytes and Content-Type for a result in the format ``key``.

    >>> body, ctype = serialize(Result("boolean", boolean=True), "json")
    >>> json.loads(body), ctype
    ({'head': {}, 'boolean': True}, 'application/sparql-results+json; charset=utf-8')
    """
    import pyoxigraph as ox

    if result.kind == "graph":
        fmt = {"turtle": ox.RdfFormat.TURTLE, "jsonld": ox.RdfFormat.JSON_LD,
               "ntriples": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML}[key]
        pre = prefixes if key == "turtle" else None
        return ox.serialize(result.triples, format=fmt, prefixes=pre), media_type("graph", key)
    doc = json.dumps(results_json(result), ensure_ascii=False).encode("utf-8")
    if key == "json":
        return doc, media_type(result.kind, key)
    fmt = {"xml": ox.QueryResultsFormat.XML, "csv": ox.QueryResultsFormat.CSV,
           "tsv": ox.QueryResultsFormat.TSV}[key]
    parsed = ox.parse_query_results(doc, format=ox.QueryResultsFormat.JSON)
    return parsed.serialize(format=fmt), media_type(result.kind, key)


def cell_text(term: Any) -> str:
    """A result cell for an HTML table: IRIs and literals as plain text.

    >>> import pyoxigraph as ox
    >>> cell_text(ox.Literal("0.9", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")))
    '0.9'
    """
    if term is None:
        return ""
    value = getattr(term, "value", None)
    if value is None:
        return str(term)
    lang = getattr(term, "language", None)
    return f"{value} @{lang}" if lang else str(value)
