"""Result formats: content negotiation and writers for the endpoint and the CLI.

* :func:`negotiate` picks a result format from the ``Accept`` header (or a
  ``format``/``output`` parameter, as SPARQLWrapper sends).
* :func:`serialize` writes SELECT/ASK results as JSON, XML, CSV or TSV and
  CONSTRUCT/DESCRIBE graphs as Turtle, JSON-LD, N-Triples or RDF/XML.
* :func:`write_results` prints a raw store result for ``techkg query``
  (table, CSV, TSV, JSON, Turtle).

>>> from techkg.sparql.run import execute
>>> from techkg.store import GraphStore
>>> res = execute(GraphStore.open(None), "SELECT (1 + 1 AS ?two) {}")
>>> serialize(res, "csv")[0].decode().split()
['two', '2']
"""

from __future__ import annotations

import json
from typing import IO, TYPE_CHECKING, Any

from techkg.errors import QueryError
from techkg.sparql.params import in_query_order
from techkg.vocab import prefixes as techkg_prefixes

if TYPE_CHECKING:
    from techkg.sparql.run import Result

CLI_FORMATS = ("table", "csv", "tsv", "json", "ttl")

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


def result_kind(res: Any) -> str:
    """``"solutions"``, ``"boolean"`` or ``"graph"`` for a result of ``GraphStore.query``."""
    import pyoxigraph as ox

    if isinstance(res, ox.QuerySolutions):
        return "solutions"
    if hasattr(res, "__iter__"):
        return "graph"
    return "boolean"


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

    >>> from techkg.sparql.run import Result
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


# ---------------------------------------------------------------- results


def write_results(result: Any, fmt: str, out: IO[bytes], *, console: Any = None,
                  query: str = "") -> int | None:
    """Write query results to ``out`` in ``fmt``.

    ``table`` prints a rich table (SELECT), ``true``/``false`` (ASK) or Turtle
    (CONSTRUCT); ``json`` is SPARQL 1.1 Query Results JSON (JSON-LD for
    CONSTRUCT); ``csv``/``tsv`` follow the SPARQL 1.1 CSV/TSV formats; ``ttl``
    is Turtle for CONSTRUCT/DESCRIBE. The columns of a ``SELECT *`` follow
    the order of the ``query`` text (:func:`~techkg.sparql.params.in_query_order`).

    Returns:
        The number of rows (table) or triples when known, else None.

    Raises:
        QueryError: the format does not fit the query form.
    """
    import pyoxigraph as ox

    if fmt not in CLI_FORMATS:
        raise QueryError(f"unknown format {fmt!r}; valid: {', '.join(CLI_FORMATS)}")
    results_format = {
        "json": ox.QueryResultsFormat.JSON,
        "csv": ox.QueryResultsFormat.CSV,
        "tsv": ox.QueryResultsFormat.TSV,
    }
    kind = result_kind(result)
    if kind == "boolean":
        if fmt == "table":
            out.write(b"true\n" if bool(result) else b"false\n")
        elif fmt == "ttl":
            raise QueryError("an ASK query has no triples; use --format table, json, csv or tsv")
        else:
            out.write(_boolean_document(bool(result), fmt))
        return None
    if kind == "solutions":
        if fmt == "ttl":
            raise QueryError("a SELECT query returns rows, not triples; use --format table, csv, tsv or json")
        names = in_query_order([v.value for v in result.variables], query)
        if fmt == "table":
            return _print_table(names, result, out, console)
        if names == [v.value for v in result.variables]:
            result.serialize(out, results_format[fmt])
        else:  # reordered: through a Result, whose writers keep its column order
            from techkg.sparql.run import Result

            rows = [[sol[n] for n in names] for sol in result]
            out.write(serialize(Result(kind, variables=names, rows=rows), fmt)[0])
        return None
    # CONSTRUCT / DESCRIBE
    if fmt in ("csv", "tsv"):
        raise QueryError("a CONSTRUCT/DESCRIBE query returns triples; use --format ttl, json or table")
    triples = list(result)
    rdf_fmt = ox.RdfFormat.JSON_LD if fmt == "json" else ox.RdfFormat.TURTLE
    if rdf_fmt == ox.RdfFormat.TURTLE:
        ox.serialize(triples, out, rdf_fmt, prefixes=techkg_prefixes())
    else:
        ox.serialize(triples, out, rdf_fmt)
    return len(triples)


def _cell(term: Any) -> str:
    if term is None:
        return ""
    return term.value if hasattr(term, "value") else str(term)


def _short(term: Any) -> str:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        iri = term.value
        for p, ns in techkg_prefixes().items():
            if iri.startswith(ns) and p != "tkid":
                return f"{p}:{iri[len(ns):]}"
        return iri
    return _cell(term)


TABLE_WIDTH = 160  # characters per line of a table written to a file or pipe (a terminal: its width)


def _print_table(names: list[str], result: Any, out: IO[bytes], console: Any) -> int:
    """A rich table of the solutions; long cells wrap (CJK text and IRIs fold) instead of being cut.

    Rows get rules between them when some cell is longer than an even share
    of the width, so a wrapped row stays readable as one row.
    """
    from rich.cells import cell_len
    from rich.console import Console
    from rich.table import Column, Table

    rows = [[_short(sol[v]) for v in names] for sol in result]
    buf = None
    if console is None:
        import io
        import shutil

        buf = io.StringIO()
        on_terminal = getattr(out, "isatty", lambda: False)()
        width = shutil.get_terminal_size((TABLE_WIDTH, 24)).columns if on_terminal else TABLE_WIDTH
        console = Console(file=buf, width=width, force_terminal=False)
    share = console.width // max(len(names), 1)
    wraps = any(cell_len(c) > share for row in rows for c in row)
    table = Table(*(Column(n, overflow="fold") for n in names), show_lines=wraps, header_style="bold")
    for row in rows:
        table.add_row(*row)
    console.print(table)
    if buf is not None:
        out.write(buf.getvalue().encode("utf-8"))
    return len(rows)


def _boolean_document(value: bool, fmt: str) -> bytes:
    """An ASK answer as SPARQL results JSON, CSV or TSV."""
    import pyoxigraph as ox

    doc = json.dumps({"head": {}, "boolean": value}).encode()
    key = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV,
           "tsv": ox.QueryResultsFormat.TSV}[fmt]
    return ox.parse_query_results(doc, format=ox.QueryResultsFormat.JSON).serialize(format=key)
