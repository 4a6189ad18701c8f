"""Any SPARQL 1.1 server as the graph store: ``--store http://HOST:PORT/...``.

:class:`RemoteStore` is a :class:`techkg.store.GraphStore` whose quads live on
a SPARQL 1.1 server instead of an embedded Oxigraph directory. Every rule of
the store (one named graph per article, the default graph kept as the stored
union of the article graphs, idempotent put by content hash, the SPARQL texts
that look up, replace and remove articles) stays in :mod:`techkg.store`, in
one place for both backends; this module only carries those operations over
HTTP with :class:`SparqlClient`, which offers the part of ``pyoxigraph.Store``
that techkg uses (``query``, ``update``, ``extend``, ``quads_for_pattern``,
``dump``, ``contains_named_graph``, ``len``) through three standard protocols:

* SPARQL 1.1 Query (``query``, ``quads_for_pattern``, ``contains_named_graph``,
  ``len``), sent as form POSTs, results read
  back as SPARQL JSON or N-Triples into pyoxigraph objects, so callers see the
  same result types as with the embedded store;
* SPARQL 1.1 Update (``update``, ``extend``): each write is ONE update request;
* the SPARQL 1.1 Graph Store HTTP Protocol (reading one article graph or the
  default graph: the exports).

**The default graph.** The remote store keeps the union of the article
graphs as real triples in the server's default graph, written in the same
update request as the article graph, exactly like the embedded store. It does
not rely on a server's "union default graph" option, so the server needs a
writable default graph of its own: Oxigraph server as it starts (without
``--union-default-graph``; with it, answers are the same but
``quads_for_pattern`` sees each triple twice). Virtuoso 7 has none, so
writes fail there (``docs/remote-store.md`` says what was tried).

**Atomicity.** A new, changed or removed batch of articles is one SPARQL
Update request (``INSERT DATA``, or retract + ``DROP SILENT GRAPH`` +
``INSERT DATA`` separated by ``;``). SPARQL 1.1 does not require a server to
apply a request as one transaction; Oxigraph server does (a request whose
second operation fails leaves nothing of the first: tested), so there each
article is in completely or not at all. On a server that applies operations
one by one, a request cut half-way can leave a replaced article absent (never
half-written); ingesting it again repairs it.

**Endpoints.** ``http://HOST:PORT`` means Oxigraph server's layout,
``/query``, ``/update`` and ``/store``. Another layout is given in the URL's
query string, each value relative to the URL's path, absolute from the host
(``/...``) or a full URL: Apache Jena Fuseki's dataset ``ds`` is
``http://HOST:3030/ds/?query=query&update=update&store=data``.

**Credentials** come from the environment, never from the command line:
``TECHKG_STORE_TOKEN`` (sent as ``Authorization: Bearer``), or
``TECHKG_STORE_USER`` and ``TECHKG_STORE_PASSWORD`` (HTTP basic). They are
never printed: every message names the endpoint without them.

**Timeouts and retries.** ``TECHKG_STORE_TIMEOUT`` seconds per request
(default 60; a query given a time limit, ``--timeout`` or the server's, is
given up after that limit instead and raises the same
:class:`~techkg.errors.QueryTimeout` as on the embedded store), ``TECHKG_STORE_RETRIES`` more attempts (default 3, with
exponential backoff from 0.25 s) when the connection fails or the server
answers 502/503/504. techkg's own writes are idempotent (the same request
twice leaves the same graph), so retrying them is safe.

>>> Endpoints.parse("http://127.0.0.1:7878").query
'http://127.0.0.1:7878/query'
>>> Endpoints.parse("https://kg.example.org/ds/?store=data").store
'https://kg.example.org/ds/data'
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urljoin, urlsplit, urlunsplit

import httpx

from techkg.errors import QueryError, QueryTimeout, StoreError
from techkg.store import GraphStore, syntax_error
from techkg.vocab import DEFAULT_BASE

if TYPE_CHECKING:
    import pyoxigraph

ENV_TOKEN = "TECHKG_STORE_TOKEN"
ENV_USER = "TECHKG_STORE_USER"
ENV_PASSWORD = "TECHKG_STORE_PASSWORD"
ENV_TIMEOUT = "TECHKG_STORE_TIMEOUT"
ENV_RETRIES = "TECHKG_STORE_RETRIES"

DEFAULT_TIMEOUT_S = 60.0
"""Seconds one HTTP request may take (connect, send, wait, read)."""
DEFAULT_RETRIES = 3
"""Further attempts after a failed connection or a 502/503/504 answer."""
BACKOFF_S = 0.25
"""Wait before the first retry; doubled before each next one."""
RETRY_STATUS = frozenset({502, 503, 504})

OXIGRAPH_LAYOUT = {"query": "query", "update": "update", "store": "store"}
"""Endpoint paths relative to the store URL when the URL gives none (Oxigraph server)."""

_ACCEPT_QUERY = (
    "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
)
_POS_RE = re.compile(r"error at (\d+):(\d+)")


def is_remote(location: object) -> bool:
    """True when a ``--store`` value names a SPARQL server (http or https URL).

    >>> is_remote("http://localhost:7878"), is_remote("output/store")
    (True, False)
    """
    return isinstance(location, str) and location.lower().startswith(("http://", "https://"))


def redact(location: str) -> str:
    """A store location fit to print: any ``user:password@`` is taken out of a URL.

    >>> redact("http://ann:secret@kg.example.org:7878/"), redact("output/store")
    ('http://kg.example.org:7878/', 'output/store')
    """
    if not is_remote(location):
        return location
    parts = urlsplit(location)
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


@dataclass(frozen=True)
class Endpoints:
    """The three endpoints of one SPARQL server, as full URLs (never with credentials).

    Attributes:
        url: the store URL as given, credentials removed (used in messages).
        query: SPARQL 1.1 Query endpoint.
        update: SPARQL 1.1 Update endpoint.
        store: Graph Store HTTP Protocol endpoint.
    """

    url: str
    query: str
    update: str
    store: str

    @classmethod
    def parse(cls, url: str) -> Endpoints:
        """Endpoints from a ``--store`` URL (Oxigraph's layout unless the query string says).

        Raises:
            StoreError: not an http(s) URL, credentials in the URL, or an
                unknown key in its query string.

        >>> e = Endpoints.parse("http://h:3030/ds/?query=sparql&update=/ds/update&store=http://g:1/gsp")
        >>> e.query, e.update, e.store
        ('http://h:3030/ds/sparql', 'http://h:3030/ds/update', 'http://g:1/gsp')
        """
        parts = urlsplit(url)
        shown = redact(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise StoreError(f"{shown}: not a SPARQL server URL; give http://HOST:PORT[/PATH]")
        if "@" in parts.netloc:
            raise StoreError(
                f"{shown}: credentials in the URL would end up in logs and shell history; "
                f"set {ENV_USER} and {ENV_PASSWORD} (or {ENV_TOKEN}) instead"
            )
        layout = dict(OXIGRAPH_LAYOUT)
        for key, value in parse_qsl(parts.query, keep_blank_values=True):
            if key not in layout:
                raise StoreError(
                    f"{shown}: unknown endpoint {key!r} in the URL; valid: "
                    f"{', '.join(f'{k}=PATH' for k in layout)}"
                )
            layout[key] = value
        path = parts.path if parts.path.endswith("/") else parts.path + "/"
        root = urlunsplit((parts.scheme, parts.netloc, path, "", ""))
        full = {k: urljoin(root, v) for k, v in layout.items()}
        return cls(url=shown, **full)


def _auth_from_env() -> Any:
    """The httpx auth (or None) from ``TECHKG_STORE_TOKEN`` or ``TECHKG_STORE_USER``/``_PASSWORD``."""
    token = os.environ.get(ENV_TOKEN)
    user = os.environ.get(ENV_USER)
    if token and user:
        raise StoreError(f"both {ENV_TOKEN} and {ENV_USER} are set; keep the one the server expects")
    if token:
        return _Bearer(token)
    if user:
        password = os.environ.get(ENV_PASSWORD)
        if password is None:
            raise StoreError(f"{ENV_USER} is set but {ENV_PASSWORD} is not; set both for HTTP basic auth")
        return httpx.BasicAuth(user, password)
    return None


def _number_from_env(name: str, default: float, kind: type) -> Any:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise StoreError(f"{name}={raw!r} is not a number; unset it or give e.g. {default}") from None
    if value < 0:
        raise StoreError(f"{name}={raw!r} must not be negative")
    return value


class _Bearer(httpx.Auth):
    """httpx auth flow sending ``Authorization: Bearer TOKEN`` (kept out of reprs)."""

    def __init__(self, token: str) -> None:
        self._token = token

    def auth_flow(self, request: httpx.Request) -> Iterator[httpx.Request]:
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request

    def __repr__(self) -> str:
        return "_Bearer(***)"


class SparqlClient:
    """The part of ``pyoxigraph.Store`` that techkg uses, over SPARQL 1.1 HTTP (httpx).

    Results come back as pyoxigraph objects (``QuerySolutions``,
    ``QueryBoolean``, triples, ``Quad``), so code written against the embedded
    store runs unchanged.

    Args:
        endpoints: where the server answers.
        auth: an httpx auth (basic, bearer) or None.
        timeout_s: seconds per request.
        retries: further attempts after a connection failure or 502/503/504.
    """

    def __init__(self, endpoints: Endpoints, *, auth: Any = None,
                 timeout_s: float = DEFAULT_TIMEOUT_S, retries: int = DEFAULT_RETRIES) -> None:
        self.endpoints = endpoints
        self.retries = retries
        self._http = httpx.Client(auth=auth, timeout=timeout_s, follow_redirects=True)

    def close(self) -> None:
        """Close the HTTP connections."""
        self._http.close()

    # ------------------------------------------------------------ HTTP

    def _send(self, method: str, url: str, *, limit_s: float | None = None,
              **kwargs: Any) -> httpx.Response:
        """One request with bounded retries; HTTP errors become :class:`StoreError`s naming ``url``.

        With ``limit_s`` (a query's time limit) the attempts together take at
        most that long, and running out of time is a :class:`QueryTimeout`.
        """
        delay = BACKOFF_S
        deadline = None if limit_s is None else time.monotonic() + limit_s
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            if deadline is not None:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise QueryTimeout.after(limit_s, f"no answer from {url} in time")
                kwargs["timeout"] = httpx.Timeout(left, connect=min(left, self._http.timeout.connect or left))
            try:
                resp = self._http.request(method, url, **kwargs)
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.RemoteProtocolError) as e:
                if last:
                    raise StoreError(
                        f"{url}: cannot reach the SPARQL server after {attempt + 1} attempt(s) "
                        f"({type(e).__name__}: {e}); start it (e.g. 'oxigraph serve --location DIR "
                        f"--bind HOST:PORT') or correct --store"
                    ) from None
            except httpx.TimeoutException:
                if deadline is not None:
                    raise QueryTimeout.after(
                        limit_s, f"no answer from {url} in time (the server may still be evaluating "
                                 "it until its own limit)") from None
                raise StoreError(
                    f"{url}: no answer within {self._http.timeout.read:g} s; raise "
                    f"{ENV_TIMEOUT}, or make the request smaller (--batch-size, a LIMIT)"
                ) from None
            except httpx.HTTPError as e:
                raise StoreError(f"{url}: HTTP request failed: {e}") from None
            else:
                if resp.status_code not in RETRY_STATUS or last:
                    return resp
            time.sleep(delay)
            delay *= 2
        raise AssertionError("unreachable")  # pragma: no cover

    def _refused(self, url: str, resp: httpx.Response, what: str) -> StoreError:
        """A clear error for a non-2xx answer (status, server text, what to do)."""
        code = resp.status_code
        text = " ".join(resp.text.split())[:300]
        if code in (401, 403):
            hint = (f"the server refused the credentials; set {ENV_TOKEN}, or {ENV_USER} and "
                    f"{ENV_PASSWORD}, to what it expects")
        elif code == 404:
            hint = ("no such endpoint; check the server's layout and give it in the URL, e.g. "
                    "--store 'http://HOST:PORT/ds/?query=query&update=update&store=data'")
        elif code in (405, 501):
            hint = "this endpoint does not take this request; is it read-only, or the wrong endpoint?"
        else:
            hint = "see the server's message"
        return StoreError(f"{url}: {what} failed (HTTP {code}: {text}); {hint}")

    # ------------------------------------------------------------ pyoxigraph.Store subset

    def query(
        self,
        query: str,
        *,
        prefixes: dict[str, str] | None = None,
        default_graph: Any = None,
        named_graphs: Iterable[Any] | None = None,
        timeout_s: float | None = None,
    ) -> Any:
        """Run a SPARQL query; SELECT/ASK come back as pyoxigraph results, CONSTRUCT as triples.

        Args:
            query: SPARQL 1.1 query text.
            prefixes: declared before the query (on its first line, so line
                numbers in syntax errors stay those of ``query``).
            default_graph: graph IRIs (pyoxigraph ``NamedNode``) sent as
                ``default-graph-uri``.
            named_graphs: graph IRIs sent as ``named-graph-uri``.
            timeout_s: the query's time limit: the request (retries included)
                is given up after it, instead of after the store's request timeout.

        Raises:
            QueryTimeout: no answer within ``timeout_s``.
            QueryError: the server rejected the query (syntax error with line and column).
            StoreError: the server is unreachable or failed.
        """
        import pyoxigraph as ox

        prologue = _prologue(prefixes)
        form: dict[str, Any] = {"query": prologue + query}
        if default_graph is not None:
            graphs = default_graph if isinstance(default_graph, list | tuple) else [default_graph]
            form["default-graph-uri"] = [g.value for g in graphs]
        if named_graphs:
            form["named-graph-uri"] = [g.value for g in named_graphs]
        url = self.endpoints.query
        # a form POST: the one request form every SPARQL 1.1 server takes (Virtuoso 7 ignores direct POSTs)
        resp = self._send("POST", url, data=form, headers={"Accept": _ACCEPT_QUERY}, limit_s=timeout_s)
        if resp.status_code == 400:
            raise _query_error(query, resp.text, len(prologue))
        if not resp.is_success:
            raise self._refused(url, resp, "the query")
        media = resp.headers.get("content-type", "").split(";")[0].strip()
        results_format = ox.QueryResultsFormat.from_media_type(media)
        if results_format is not None:
            return ox.parse_query_results(resp.content, format=results_format)
        rdf_format = ox.RdfFormat.from_media_type(media)
        if rdf_format is None:
            raise StoreError(f"{url}: answered the query as {media or 'no content type'}, which "
                             f"techkg cannot read; is this a SPARQL endpoint?")
        from techkg.store import _TripleList

        return _TripleList([q.triple for q in ox.parse(resp.content, format=rdf_format)])

    def update(self, update: str, *, prefixes: dict[str, str] | None = None) -> None:
        """Run one SPARQL 1.1 Update request (one transaction on servers such as Oxigraph)."""
        url = self.endpoints.update
        resp = self._send("POST", url, data={"update": _prologue(prefixes) + update})
        if not resp.is_success:
            raise self._refused(url, resp, "the update")

    def extend(self, quads: Iterable[pyoxigraph.Quad]) -> None:
        """Insert quads with ONE ``INSERT DATA`` request (named graphs and default graph)."""
        by_graph: dict[str, list[str]] = {}
        for q in quads:
            key = "" if q.graph_name == _default_graph() else str(q.graph_name)
            by_graph.setdefault(key, []).append(f"{q.subject} {q.predicate} {q.object} .")
        if not by_graph:
            return
        blocks = [
            "\n".join(lines) if not g else f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}"
            for g, lines in by_graph.items()
        ]
        self.update("INSERT DATA {\n" + "\n".join(blocks) + "\n}")

    def quads_for_pattern(self, subject: Any, predicate: Any, object: Any,
                          graph_name: Any = None) -> Iterator[pyoxigraph.Quad]:
        """Quads matching a pattern (None matches anything), as ``pyoxigraph.Quad``, in one query."""
        import pyoxigraph as ox

        s, p, o = (str(t) if t is not None else v for t, v in
                   ((subject, "?s"), (predicate, "?p"), (object, "?o")))
        pattern = f"{s} {p} {o}"
        if graph_name is None:
            where = f"{{ {pattern} }} UNION {{ GRAPH ?g {{ {pattern} }} }}"
        elif graph_name == _default_graph():
            where = pattern
        else:
            where = f"GRAPH {graph_name} {{ {pattern} }}"
        res = self.query(f"SELECT * WHERE {{ {where} }}")
        default = ox.DefaultGraph()
        for sol in res:
            g = graph_name if graph_name is not None else (sol["g"] or default)
            yield ox.Quad(*(t if t is not None else sol[v] for t, v in
                            ((subject, "s"), (predicate, "p"), (object, "o"))), g)

    def contains_named_graph(self, graph_name: pyoxigraph.NamedNode) -> bool:
        """Whether the server has this named graph with at least one triple (an ASK query).

        Not a Graph Store Protocol HEAD: Virtuoso 7 answers HEAD with 501.
        """
        return bool(self.query(f"ASK {{ GRAPH {graph_name} {{ ?s ?p ?o }} }}"))

    def graph_triples(self, graph_name: Any) -> list[pyoxigraph.Quad]:
        """Every triple of one graph (``DefaultGraph`` or a ``NamedNode``), by the Graph Store Protocol.

        The quads carry ``graph_name``; an absent graph gives an empty list.
        """
        import pyoxigraph as ox

        url = self.endpoints.store
        params = {"default": ""} if graph_name == _default_graph() else {"graph": graph_name.value}
        resp = self._send("GET", url, params=params, headers={"Accept": "application/n-triples"})
        if resp.status_code == 404:
            return []
        if not resp.is_success:
            raise self._refused(url, resp, "reading a graph")
        fmt = ox.RdfFormat.from_media_type(resp.headers.get("content-type", "").split(";")[0].strip())
        return [ox.Quad(q.subject, q.predicate, q.object, graph_name)
                for q in ox.parse(resp.content, format=fmt or ox.RdfFormat.N_TRIPLES)]

    def named_graphs(self) -> list[pyoxigraph.NamedNode]:
        """The named graphs holding at least one triple, sorted."""
        res = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted((sol["g"] for sol in res), key=lambda g: g.value)

    def dump(self, output: IO[bytes] | None = None, format: Any = None, *,
             from_graph: Any = None, prefixes: dict[str, str] | None = None) -> bytes | None:
        """Serialise one graph (``from_graph``, default: the default graph) like ``Store.dump``."""
        import pyoxigraph as ox

        triples = [q.triple for q in self.graph_triples(from_graph or ox.DefaultGraph())]
        fmt = format or ox.RdfFormat.N_TRIPLES
        if prefixes and fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
            return ox.serialize(triples, output, fmt, prefixes=prefixes)
        return ox.serialize(triples, output, fmt)

    def __len__(self) -> int:
        """Number of quads (default graph and named graphs)."""
        res = self.query("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")
        return int(next(iter(res))["n"].value)

    def flush(self) -> None:
        """Nothing to flush: the server owns durability."""


def _default_graph() -> Any:
    import pyoxigraph as ox

    return ox.DefaultGraph()


def _prologue(prefixes: dict[str, str] | None) -> str:
    """PREFIX declarations on one line with no newline, so the query's own lines keep their numbers."""
    return "".join(f"PREFIX {p}: <{iri}> " for p, iri in (prefixes or {}).items())


def _query_error(query: str, message: str, shift: int) -> QueryError:
    """The server's 400 answer to a query as a :class:`QueryError` (line and column when given)."""
    text = message.strip()[:2000]
    m = _POS_RE.search(text)
    if m and int(m[1]) == 1:  # the prologue sits on line 1: count columns from the query's start
        col = max(int(m[2]) - shift, 1)
        text = text[: m.start()] + f"error at 1:{col}" + text[m.end():]
    return syntax_error(query, SyntaxError(text))


class RemoteStore(GraphStore):
    """A :class:`GraphStore` on a SPARQL 1.1 server (see the module docstring).

    Use :meth:`techkg.store.GraphStore.open` with an http(s) URL.

    Attributes:
        url: the store URL, without credentials.
        endpoints: the query, update and Graph Store endpoints.
    """

    def __init__(self, client: SparqlClient, *, read_only: bool, base: str) -> None:
        super().__init__(client, None, read_only=read_only, base=base)  # type: ignore[arg-type]
        self.client = client
        self.endpoints = client.endpoints
        self.url = client.endpoints.url

    @classmethod
    def open(  # type: ignore[override]
        cls,
        url: str,
        *,
        read_only: bool = False,
        base: str = DEFAULT_BASE,
    ) -> RemoteStore:
        """Connect to the server at ``url`` and check that its query endpoint answers.

        Raises:
            StoreError: bad URL, bad settings, unreachable server (after the
                retries), refused credentials or a wrong endpoint layout.
        """
        endpoints = Endpoints.parse(url)
        client = SparqlClient(
            endpoints, auth=_auth_from_env(),
            timeout_s=_number_from_env(ENV_TIMEOUT, DEFAULT_TIMEOUT_S, float),
            retries=_number_from_env(ENV_RETRIES, DEFAULT_RETRIES, int),
        )
        try:
            if client.query("ASK {}") is None:  # pragma: no cover - the answer is parsed or raises
                raise StoreError(f"{endpoints.query}: no answer")
        except QueryError as e:
            client.close()
            raise StoreError(f"{endpoints.query}: does not answer SPARQL queries ({e}); "
                             f"check the endpoint layout in --store") from None
        except StoreError:
            client.close()
            raise
        return cls(client, read_only=read_only, base=base)

    def close(self) -> None:
        """Close the connections to the server (the data stays there)."""
        if self._ox is not None:
            self.client.close()
        self._ox = None

    def __repr__(self) -> str:
        return f"RemoteStore({self.url!r}{', read_only' if self.read_only else ''})"

    def _writable(self) -> Any:
        if self.read_only:
            raise StoreError(f"{self.url}: opened read-only; open it without read_only to write")
        return self.oxigraph

    def named_quads(self) -> Iterator[Any]:
        """Every quad of the article graphs, one article graph per Graph Store Protocol request."""
        client: SparqlClient = self.oxigraph  # type: ignore[assignment]
        for g in client.named_graphs():
            yield from client.graph_triples(g)
