"""Query files with parameters, bound into the query text safely.

A query file (the shipped ones are package data, ``techkg/data/queries/``,
listed by :func:`shipped_queries`) starts with a comment header::

    # Partners of a company, with the evidence for each partnership.
    #
    # @param company name 英伟达 -- the company: any name or alias, any script

Each ``@param`` line gives the variable name, its kind, a default (``-`` for
none: the parameter is then required) and a description. Kinds:

========  ==============================================  =====================
kind      what ``--param x=VALUE`` becomes                 example
========  ==============================================  =====================
name      the name's match key (NFKC, lower case,          ``輝達`` → ``"辉达"``
          Simplified), compared with ``tk:matchKey``
string    a plain string literal                           ``"gtc-culitho"``
date      an ``xsd:date`` literal from ``YYYY-MM-DD``,    ``"2023-03-21"^^xsd:date``
          ``2023/3/21``, ``2023.3.21`` or ``2023年3月21日``
int       a bare integer (so it also works in ``LIMIT``)    ``20``
decimal   a bare decimal                                   ``0.8``
iri       an IRI (``<...>`` or a ``prefix:name``)          ``<https://...>``
article   an article id → the IRI of its named graph       ``<.../graph/c01>``
========  ==============================================  =====================

Substitution is *safe replacement*: the query is tokenised (strings, IRIs and
comments are skipped) and each occurrence of ``?x``/``$x`` becomes the
serialised term, escaped by Oxigraph's own N-Triples writer, so a value can
never change the query's structure. In a SELECT projection a bare ``?x``
becomes ``(term AS ?x)`` so the column stays. This works inside FILTERs,
subqueries, aggregates and LIMIT, where a VALUES block would not reach.

>>> q = parse_query_text("# Demo\\n# @param company name 英伟达 -- the company\\nSELECT ?e WHERE { ?e tk:matchKey ?company }")
>>> bind(q.text, {"company": "輝達"}, q.params)
'# Demo\\n# @param company name 英伟达 -- the company\\nSELECT ?e WHERE { ?e tk:matchKey "辉达" }'
"""

from __future__ import annotations

import re
import shlex
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from techkg.errors import QueryError
from techkg.text import match_key
from techkg.vocab import prefixes

KINDS = ("name", "string", "date", "int", "decimal", "iri", "article")

_XSD = "http://www.w3.org/2001/XMLSchema#"
_PARAM_RE = re.compile(r"^#\s*@param\s+(.*)$")
_VAR_NAME = re.compile(r"[A-Za-z_0-9\u00B7\u00C0-\uFFFD]+")


@dataclass(frozen=True)
class Param:
    """One declared query parameter."""

    name: str
    kind: str
    default: str | None
    description: str = ""


@dataclass(frozen=True)
class QueryFile:
    """A SPARQL query with its documentation header.

    Attributes:
        path: where it was read from (None for text).
        title: first comment line.
        description: the other comment lines before the ``@param`` lines.
        params: declared parameters, in order.
        text: the full query text.
    """

    path: Path | None
    title: str
    description: str
    params: tuple[Param, ...] = field(default_factory=tuple)
    text: str = ""

    @property
    def name(self) -> str:
        """File stem (``partners`` for ``data/queries/partners.rq``)."""
        return self.path.stem if self.path else "<query>"


def parse_query_text(text: str, path: Path | None = None) -> QueryFile:
    """Read the comment header of a query.

    Raises:
        QueryError: a malformed ``@param`` line (names the file and line).

    >>> q = parse_query_text("# Top products\\n# @param limit int 20 -- rows\\nSELECT * {}")
    >>> q.title, q.params[0]
    ('Top products', Param(name='limit', kind='int', default='20', description='rows'))
    """
    where = str(path) if path else "<query>"
    title, desc, params = "", [], []
    for lineno, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if not s.startswith("#"):
            if s:
                break
            continue
        m = _PARAM_RE.match(s)
        if m:
            spec, _, description = m[1].partition("--")
            try:
                parts = shlex.split(spec)
            except ValueError as e:
                raise QueryError(f"{where}:{lineno}: bad @param line: {e}") from e
            if len(parts) != 3 or parts[1] not in KINDS or not _VAR_NAME.fullmatch(parts[0]):
                raise QueryError(
                    f"{where}:{lineno}: bad @param line {s!r}; write "
                    f"'# @param NAME KIND DEFAULT -- description' with KIND one of {', '.join(KINDS)} "
                    f"and DEFAULT '-' when there is none"
                )
            name, kind, default = parts
            params.append(Param(name, kind, None if default == "-" else default, description.strip()))
            continue
        body = s.lstrip("#").strip()
        if not title:
            title = body
        elif not params:
            desc.append(body)
    return QueryFile(path, title, "\n".join(desc).strip(), tuple(params), text)


def read_query_file(path: str | Path) -> QueryFile:
    """Read and parse a ``.rq`` file.

    Raises:
        QueryError: the file cannot be read.
    """
    p = Path(path)
    try:
        return parse_query_text(p.read_text(encoding="utf-8"), p)
    except OSError as e:
        raise QueryError(f"{p}: cannot read the query file: {e.strerror}") from e
    except UnicodeDecodeError as e:
        raise QueryError(f"{p}: not UTF-8 text ({e.reason}); save the query as UTF-8") from e


def shipped_queries() -> list[Path]:
    """The documented queries shipped in the package, by name.

    >>> [p.name for p in shipped_queries()][:2]
    ['article-summary.rq', 'co-mentions.rq']
    """
    from importlib.resources import files

    folder = Path(str(files("techkg").joinpath("data", "queries")))
    return sorted(folder.glob("*.rq"))


def find_query_file(ref: str | Path) -> Path:
    """The query file ``ref`` names: an existing file, else a shipped query of that name.

    A bare name (``partners`` or ``partners.rq``, no folder) that is not a file
    in the working folder means the shipped query; anything else is a path.

    >>> find_query_file("partners").name
    'partners.rq'

    Raises:
        QueryError: neither a file nor a shipped query (lists the shipped ones).
    """
    p = Path(ref)
    if p.exists() or p.parent != Path("."):
        return p
    stem = p.name.removesuffix(".rq")
    for q in shipped_queries():
        if q.stem == stem:
            return q
    names = ", ".join(q.stem for q in shipped_queries())
    raise QueryError(f"{p}: no such query file, nor a shipped query of that name; shipped: {names} "
                     "(see 'techkg queries')")


def to_term(value: str, kind: str | None = None, *, base: str | None = None) -> str:
    """The SPARQL text for a parameter value of a given kind (inferred when None).

    >>> to_term("輝達", "name")
    '"辉达"'
    >>> to_term("2023-03-21", "date")
    '"2023-03-21"^^<http://www.w3.org/2001/XMLSchema#date>'
    >>> to_term('say "hi"')
    '"say \\\\"hi\\\\""'
    >>> to_term("tk:Company")
    '<https://w3id.org/techkg/ontology#Company>'

    Raises:
        QueryError: the value does not fit the kind.
    """
    import pyoxigraph as ox

    from techkg.triples import iso_date

    v = value.strip()
    if kind is None:
        if v.startswith("<") and v.endswith(">"):
            kind = "iri"
        elif re.fullmatch(r"[+-]?\d+", v):
            kind = "int"
        elif re.fullmatch(r"[+-]?\d*\.\d+", v):
            kind = "decimal"
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) and iso_date(v):
            kind = "date"
        elif re.fullmatch(r"[A-Za-z][\w-]*:[^\s]*", v) and v.split(":", 1)[0] in prefixes():
            kind = "iri"
        else:
            kind = "string"
    if kind == "name":
        return str(ox.Literal(match_key(value)))
    if kind == "string":
        return str(ox.Literal(value))
    if kind == "int":
        if not re.fullmatch(r"[+-]?\d+", v):
            raise QueryError(f"{value!r} is not an integer")
        return str(int(v))
    if kind == "decimal":
        try:
            float(v)
        except ValueError:
            raise QueryError(f"{value!r} is not a number") from None
        if not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)", v):
            raise QueryError(f"{value!r} is not a plain decimal number (write 0.8, not 8e-1)")
        return v
    if kind == "date":
        return str(ox.Literal(_day(v), datatype=ox.NamedNode(_XSD + "date")))
    if kind == "article":
        from techkg.vocab import DEFAULT_BASE, Ids

        return f"<{Ids(base or DEFAULT_BASE).graph(value.strip())}>"
    if kind == "iri":
        iri = v[1:-1] if v.startswith("<") and v.endswith(">") else v
        prefix, sep, local = iri.partition(":")
        if sep and prefix in prefixes() and not local.startswith("//"):
            iri = prefixes()[prefix] + local
        try:
            return str(ox.NamedNode(iri))
        except ValueError as e:
            raise QueryError(f"{value!r} is not an IRI: {e}") from None
    raise QueryError(f"unknown parameter kind {kind!r}; valid: {', '.join(KINDS)}")


_DAY_LIKE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?")


def _day(value: str) -> str:
    """A date parameter as ``YYYY-MM-DD``: 2024-01-01, 2024/1/1, 2024.01.01, 2024年1月1日, full width.

    >>> _day("2024/1/1"), _day("２０２４年１月１日"), _day("2024.01.31")
    ('2024-01-01', '2024-01-01', '2024-01-31')

    Raises:
        QueryError: not a date, or a day the calendar does not have (2023-02-29).
    """
    from techkg.read.fields import normalize_date

    form = unicodedata.normalize("NFKC", value).strip()
    day = normalize_date(form) if _DAY_LIKE.fullmatch(form) else None
    if day is not None:
        return day
    if _DAY_LIKE.fullmatch(form):
        raise QueryError(f"{value!r} is not a day of the calendar; check the month and the day")
    raise QueryError(f"{value!r} is not a date; write YYYY-MM-DD (2023-03-21), 2023/3/21, "
                     "2023.3.21 or 2023年3月21日")


# Tokens that must be skipped when looking for variables.
_SKIP_RE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\x00-\x20]*>"
    r"|#[^\n]*",
    re.DOTALL,
)
_TOKEN_RE = re.compile(
    _SKIP_RE.pattern + r"|(?P<var>[?$](?P<name>" + _VAR_NAME.pattern + r"))|(?P<word>[A-Za-z]+)|(?P<ch>[(){}])",
    re.DOTALL,
)


def substitute(text: str, terms: Mapping[str, str]) -> str:
    """Replace the variables named in ``terms`` by their SPARQL terms (see module doc).

    >>> substitute('SELECT ?x ?n WHERE { ?x ?p ?n } LIMIT $n', {"n": "5"})
    'SELECT ?x (5 AS ?n) WHERE { ?x ?p 5 } LIMIT 5'
    >>> substitute('SELECT * { ?s ?p "?n" } # ?n', {"n": "5"})
    'SELECT * { ?s ?p "?n" } # ?n'
    """
    if not terms:
        return text
    out: list[str] = []
    pos = 0
    in_projection = False
    depth = 0  # parentheses inside the projection
    for m in _TOKEN_RE.finditer(text):
        word, ch = m["word"], m["ch"]
        if word:
            up = word.upper()
            if up == "SELECT":
                in_projection, depth = True, 0
            elif up == "WHERE" and in_projection:
                in_projection = False
            continue
        if ch:
            if in_projection:
                if ch == "(":
                    depth += 1
                elif ch == ")":
                    depth -= 1
                elif ch == "{":
                    in_projection = False
            continue
        if not m["var"] or m["name"] not in terms:
            continue
        term = terms[m["name"]]
        out.append(text[pos : m.start()])
        if in_projection and depth == 0:
            prev = text[: m.start()].rstrip()
            out.append(term if prev.upper().endswith("AS") else f"({term} AS {m['var']})")
        else:
            out.append(term)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def bind(
    text: str, values: Mapping[str, str], params: Sequence[Param] = (), *, base: str | None = None
) -> str:
    """Bind parameter values (falling back to the declared defaults) into a query.

    Args:
        text: the query.
        values: ``name → value`` from ``--param name=value``.
        params: the declared parameters (kinds and defaults).
        base: data base IRI (for ``article`` parameters).

    Raises:
        QueryError: a required parameter is missing, a value does not fit its
            kind, or a name is neither declared nor a variable of the query.

    >>> bind("SELECT * { ?s ?p ?o } LIMIT ?n", {}, [Param("n", "int", "3")])
    'SELECT * { ?s ?p ?o } LIMIT 3'
    """
    declared = {p.name: p for p in params}
    terms: dict[str, str] = {}
    missing = []
    for p in params:
        raw = values.get(p.name, p.default)
        if raw is None:
            missing.append(p)
            continue
        try:
            terms[p.name] = to_term(raw, p.kind, base=base)
        except QueryError as e:
            raise QueryError(f"--param {p.name}: {e}") from None
    if missing:
        need = " ".join(f"--param {p.name}=VALUE" for p in missing)
        what = "; ".join(f"{p.name} ({p.kind}): {p.description}" for p in missing)
        raise QueryError(f"missing parameter(s): give {need} ({what})")
    unknown = [n for n in values if n not in declared and n not in query_variables(text)]
    if unknown:
        offered = ", ".join(f"{p.name} ({p.kind})" for p in params) or "none declared"
        raise QueryError(
            f"unknown parameter(s) {', '.join(unknown)}: the query has no such variable; "
            f"its parameters: {offered}"
        )
    for name, raw in values.items():
        if name not in declared:
            terms[name] = to_term(raw)
    return substitute(text, terms)


def query_variables(text: str) -> set[str]:
    """Names of the variables in a query (strings, IRIs and comments skipped).

    >>> sorted(query_variables('SELECT ?a { ?a ?b "?c" } # ?d'))
    ['a', 'b']
    """
    return {m["name"] for m in _TOKEN_RE.finditer(text) if m["var"]}


_SELECT_STAR = re.compile(r"\bSELECT\s+(?:(?:DISTINCT|REDUCED)\s+)?\*", re.IGNORECASE)


def in_query_order(names: Sequence[str], text: str) -> list[str]:
    """The result variables of a ``SELECT *`` query in the order the query names them.

    Engines are free to order ``SELECT *`` columns; Oxigraph sorts them by
    name. Jena and most others keep the order of first appearance in the
    query, which is the order its writer meant; this restores it. Other
    queries keep ``names`` as they are (their projection already fixes it).

    >>> in_query_order(["alpha", "s", "zeta"], "SELECT * { BIND(1 AS ?zeta) ?s ?p ?alpha }")
    ['zeta', 's', 'alpha']
    >>> in_query_order(["alpha", "zeta"], "SELECT ?alpha ?zeta { ?zeta ?p ?alpha }")
    ['alpha', 'zeta']
    """
    plain = _SKIP_RE.sub(lambda m: " " * len(m[0]), text)  # comments, strings and IRIs out
    outer = re.search(r"\bSELECT\b", plain, re.IGNORECASE)  # the first SELECT is the outer one
    star = _SELECT_STAR.match(plain, outer.start()) if outer else None
    if star is None:
        return list(names)
    order = {}
    for m in _TOKEN_RE.finditer(plain, star.end()):
        if m["var"]:
            order.setdefault(m["name"], len(order))
    return sorted(names, key=lambda n: (order.get(n, len(order)), n))


def parse_param_options(options: Sequence[str]) -> dict[str, str]:
    """``["company=英伟达", "limit=5"]`` → dict.

    >>> parse_param_options(["company=英伟达", "limit=5"])
    {'company': '英伟达', 'limit': '5'}

    Raises:
        QueryError: an option without ``=``.
    """
    out: dict[str, str] = {}
    for opt in options:
        name, sep, value = opt.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not _VAR_NAME.fullmatch(name):
            raise QueryError(f"--param {opt!r}: write --param NAME=VALUE, e.g. --param company=英伟达")
        out[name] = value
    return out
