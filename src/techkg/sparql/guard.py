"""Checks on query text that run before any parser sees it.

Oxigraph's SPARQL parser is recursive: about 5,000 nested brackets overflow
the thread's stack and kill the process. :func:`check_nesting` refuses
deep nesting first. :func:`check_service` refuses ``SERVICE`` (federated
queries make the server fetch URLs) when federation is off.

Both read the query with one small lexer that follows the SPARQL 1.1
grammar's terminals: comments run to the end of a line (``\\r`` or ``\\n``),
strings follow ``STRING_LITERAL1/2`` and the long forms, IRIs follow
``IRIREF``. Where the grammar is ambiguous the lexer errs towards refusing:
a ``<…>`` that could also be a less-than comparison (it contains ``)``) is
read as code too, and ``SERVICE`` counts wherever it is not the tail of a
variable, prefixed name or blank node label (``1SERVICE`` is a number and the
keyword to Oxigraph). These checks give clear errors; the guarantee that no
request leaves the server comes from running queries in worker processes
that cannot open network sockets (:mod:`techkg.sparql.worker`).

>>> check_nesting("SELECT * { ?s ?p ?o FILTER((1 + 2) > 0) }")
>>> nesting_depth("SELECT * { " + "(" * 3 + "1" + ")" * 3 + " }")
4
>>> uses_service('SELECT ?service { ?service rdfs:label "SERVICE" } # SERVICE')
False
>>> uses_service("SELECT * { # x\\rSERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from techkg.errors import QueryRefused

MAX_NESTING = 64
"""Deepest bracket (or ``!``) nesting accepted. Real queries stay under 15; Oxigraph's
parser dies somewhere between 2,000 and 5,000 levels on an 8 MB stack."""

_TOKEN_RE = re.compile(
    r'(?P<skip>"""(?:"{0,2}(?:[^"\\]|\\[tbnrf"\'\\]))*"""'
    r"|'''(?:'{0,2}(?:[^'\\]|\\[tbnrf\"'\\]))*'''"
    r'|"(?:[^"\\\n\r]|\\[tbnrf"\'\\])*"'
    r"|'(?:[^'\\\n\r]|\\[tbnrf\"'\\])*'"
    r"|#[^\n\r]*)"
    r'|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)',
)
_OPEN, _CLOSE = "({[", ")}]"
_NAME_TAIL = re.compile(r"[?$:][\w]*\Z")  # a variable, prefixed name or bnode label before
_SERVICE = "service"
_ESCAPE_RE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def code_regions(query: str) -> Iterator[str]:
    """The parts of ``query`` a parser reads as syntax: strings and comments left out.

    IRIs count as code only when they contain ``)`` (then they might be a
    comparison ``?a<…`` to the parser); plain IRIs are left out.

    >>> list(code_regions('SELECT "a(" # b(\\n?x <http://x/(y)>'))
    ['SELECT ', ' ', '\\n?x ', '<http://x/(y)>', '']
    """
    pos = 0
    for m in _TOKEN_RE.finditer(query):
        yield query[pos:m.start()]
        if m["iri"] and ")" in m["iri"]:
            yield m["iri"]
        pos = m.end()
    yield query[pos:]


def nesting_depth(query: str) -> int:
    """The deepest nesting of brackets and ``!`` in the query's code (see :func:`code_regions`)."""
    depth = best = unary = 0
    for region in code_regions(query):
        for ch in region:
            if ch in _OPEN:
                depth += 1
            elif ch in _CLOSE:
                depth = max(depth - 1, 0)
            elif ch == "!":
                unary += 1
            elif not ch.isspace():
                unary = 0
            best = max(best, depth + unary)
    return best


def check_nesting(query: str, limit: int = MAX_NESTING) -> None:
    """Refuse a query nested deeper than ``limit``.

    Raises:
        QueryRefused: the query nests brackets or ``!`` too deeply.
    """
    depth = nesting_depth(query)
    if depth > limit:
        raise QueryRefused(
            f"query nested too deeply ({depth:,} levels of brackets or '!'; the limit is {limit}); "
            "flatten the expression or split the query"
        )


def uses_service(query: str) -> bool:
    """True when the query may contain a ``SERVICE`` clause (read conservatively).

    >>> uses_service("SELECT * { ?s ?p 1SERVICE <http://127.0.0.1:9/> {} }")
    True
    >>> uses_service("SELECT ?x { ?x schema:Service ?y }")
    False
    """
    for region in code_regions(query):
        text = _ESCAPE_RE.sub(lambda m: chr(int(m[1] or m[2], 16)) if int(m[1] or m[2], 16) < 0x110000
                              else "", region).casefold()
        start = 0
        while (i := text.find(_SERVICE, start)) >= 0:
            start = i + 1
            if not _NAME_TAIL.search(text, 0, i):
                return True
    return False


def check_service(query: str) -> None:
    """Refuse a query that uses ``SERVICE``.

    Raises:
        QueryRefused: the query contains (or may contain) a ``SERVICE`` clause.
    """
    if uses_service(query):
        raise QueryRefused(
            "SERVICE (federated query to another endpoint) is disabled on this server; "
            "remove the SERVICE clause, or start 'techkg serve --allow-service'"
        )
