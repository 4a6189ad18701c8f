"""The query page's form: shipped examples, parameter fields, result links, CSV downloads.

The page needs no script: an example is a link that fills the form
(``/query?example=partners``); each ``@param`` of the query text becomes a
field named ``param-NAME``; the result offers CSV downloads as links to the
same page with ``download=csv`` (or ``excel``: the same with a UTF-8 byte
order mark). Entity IRIs link to their entity page, other http(s) IRIs are
plain links, anything else is text (so no ``javascript:`` URL reaches a page).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import quote, urlencode

from techkg.errors import QueryError
from techkg.sparql.params import Param, QueryFile, bind, parse_query_text, read_query_file, shipped_queries

FIELD_PREFIX = "param-"
DOWNLOADS = {"csv": False, "excel": True}  # ?download= value → starts with a byte order mark


@dataclass(frozen=True)
class Example:
    """A shipped query offered on the page."""

    name: str
    title: str


@lru_cache(maxsize=1)
def examples() -> tuple[Example, ...]:
    """The shipped queries, by name, with their titles."""
    return tuple(Example(p.stem, read_query_file(p).title) for p in shipped_queries())


def example_text(name: str) -> str:
    """The text of the shipped query ``name``.

    Raises:
        QueryError: no shipped query has that name.
    """
    for p in shipped_queries():
        if p.stem == name:
            return read_query_file(p).text
    raise QueryError(f"no shipped query named {name!r}; pick one of the examples")


@dataclass(frozen=True)
class QueryForm:
    """The submitted query, its declared parameters and the values given for them."""

    text: str
    params: tuple[Param, ...]
    values: dict[str, str]

    @classmethod
    def read(cls, text: str, fields: Mapping[str, str]) -> QueryForm:
        """The form for ``text`` with the non-empty ``param-NAME`` fields of the request.

        Raises:
            QueryError: a malformed ``@param`` line.
        """
        q: QueryFile = parse_query_text(text)
        values = {p.name: v.strip() for p in q.params
                  if (v := fields.get(FIELD_PREFIX + p.name)) is not None and v.strip()}
        return cls(text, q.params, values)

    def bound(self, base: str) -> str:
        """The query with the values (else the defaults) bound in.

        Raises:
            QueryError: a missing or ill-typed value.
        """
        return bind(self.text, self.values, self.params, base=base) if self.params else self.text

    def given(self) -> dict[str, str]:
        """Values that differ from the declared defaults: the ones a user typed."""
        defaults = {p.name: p.default for p in self.params}
        return {n: v for n, v in self.values.items() if v != defaults.get(n)}

    def fields(self) -> list[dict[str, Any]]:
        """One input per parameter, for the template."""
        return [{"name": FIELD_PREFIX + p.name, "label": p.name, "kind": p.kind, "help": p.description,
                 "value": self.values.get(p.name, p.default or "")} for p in self.params]

    def download_url(self, kind: str) -> str:
        """This page's address that downloads the same result as ``kind`` (csv or excel)."""
        pairs = [("query", self.text), *((FIELD_PREFIX + n, v) for n, v in self.values.items()),
                 ("download", kind)]
        return "/query?" + urlencode(pairs)


def csv_download(body: bytes, kind: str, name: str) -> tuple[bytes, dict[str, str]]:
    """CSV bytes and headers that make a browser save them as ``NAME.csv``."""
    data = ("\ufeff".encode() + body) if DOWNLOADS[kind] else body
    return data, {"Content-Disposition": f'attachment; filename="{name}.csv"',
                  "Content-Type": "text/csv; charset=utf-8"}


def cell_view(term: Any, base: str) -> dict[str, str | None]:
    """How a result cell shows: its text, and a link for IRIs.

    >>> import pyoxigraph as ox
    >>> cell_view(ox.NamedNode("https://w3id.org/techkg/id/company/nvidia"), "https://w3id.org/techkg/id/")
    {'text': 'https://w3id.org/techkg/id/company/nvidia', 'href': '/entity?iri=https%3A%2F%2Fw3id.org%2Ftechkg%2Fid%2Fcompany%2Fnvidia'}
    >>> cell_view(ox.NamedNode("javascript:alert(1)"), "https://w3id.org/techkg/id/")["href"] is None
    True
    """
    import pyoxigraph as ox

    from techkg.render import safe_url
    from techkg.sparql.formats import cell_text

    text = cell_text(term)
    href = None
    if isinstance(term, ox.NamedNode):
        iri = term.value
        if iri.startswith((base + "company/", base + "product/")):
            href = "/entity?iri=" + quote(iri, safe="")
        elif not iri.startswith(base):  # our article/event IRIs have no page of their own
            href = safe_url(iri)
    return {"text": text, "href": href}
