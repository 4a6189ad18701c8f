"""The local web app: graph explorer, entity pages, SPARQL endpoint, ingest API.

Routes (the handlers live in :mod:`techkg.web.views`):

=========================  ==================================================
``GET /``                  explorer over the live store (loads neighbourhoods)
``GET /entity?iri=…``      entity page (``?q=name`` also works)
``GET|POST /sparql``       SPARQL 1.1 Protocol: JSON/XML/CSV/TSV, Turtle/JSON-LD
``GET /query``             HTML form: type a query, see a table
``POST /articles``         ingest articles (JSON, JSON array, JSON Lines), needs the token
``GET /api/search``        ``?q=`` entity search (any alias, any script)
``GET /api/graph``         ``?iri=…&hops=2`` neighbourhood as vis-network JSON
``GET /api/entity``        ``?iri=…`` entity facts as JSON
``GET /api/stats``         store size
=========================  ==================================================

Without a token the app is read-only (``POST /articles`` answers 403); with
one, writes need ``Authorization: Bearer TOKEN``. Every text that comes from
an article is HTML-escaped by the templates (Jinja2 autoescape) or set with
``textContent`` by the explorer's JavaScript. What the server promises
(limits, refusals) is written down in ``docs/server.md``.

>>> from techkg.store import GraphStore
>>> app = create_app(GraphStore.open(None))
>>> [r.path for r in app.routes][:4]
['/', '/entity', '/sparql', '/query']
"""

from __future__ import annotations

import ipaddress
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from techkg.errors import (
    QueryError,
    QueryRefused,
    QuerySyntaxError,
    QueryTimeout,
    QueryTooLarge,
    QueryUnavailable,
    TechKGError,
)
from techkg.web.projection import Projection

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from techkg.extract import Extractor
    from techkg.store import GraphStore

TOKEN_ENV = "TECHKG_TOKEN"
MIN_TOKEN_CHARS = 16
log = logging.getLogger("techkg.web")

QUERY_ERROR_STATUS: dict[type[QueryError], int] = {
    QuerySyntaxError: 400,
    QueryRefused: 400,
    QueryTooLarge: 400,
    QueryTimeout: 503,
    QueryUnavailable: 503,
}
"""HTTP status per query error class (anything else: 400)."""

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
"""Sent with every HTML page. Inline scripts stay allowed (the explorer inlines
vis-network and its data); no page may load anything from another origin."""


def query_status(err: QueryError) -> int:
    """The HTTP status for a query error.

    >>> query_status(QueryTimeout("x")), query_status(QuerySyntaxError("x"))
    (503, 400)
    """
    for cls in type(err).__mro__:
        if cls in QUERY_ERROR_STATUS:
            return QUERY_ERROR_STATUS[cls]
    return 400


@dataclass(frozen=True)
class Limits:
    """Limits that keep one request from hogging the server.

    Attributes:
        timeout_s: SPARQL evaluation time limit (the query is stopped after it).
        max_rows: most rows (or triples) a SPARQL result may have.
        max_query_chars: longest accepted query text.
        max_body_bytes: largest accepted ``POST /articles`` body.
        max_batch_articles: most articles in one ``POST /articles`` batch.
        max_neighbourhood: most entities the explorer loads at once (its layout
            costs O(n²): 200 entities take about 0.5 s of CPU, 400 take 1.5 s).
        max_entity_links: linked entities per entity page (more are paged).
        max_evidence: evidence sentences shown per link (all of them one click away).
        concurrent_queries: SPARQL queries evaluated at the same time (others get 503).
        concurrent_pages: explorer pages and neighbourhoods laid out at the same
            time (others wait up to ``page_wait_s``, then get 503). Entity
            pages and searches read the in-memory projection and are not queued.
        page_wait_s: how long a page request waits for a free worker.
        overview_ttl_s: how long the explorer's start graph is reused.
        cache_ttl_s: how long a laid-out neighbourhood is reused (an entry is
            dropped at once when an article about any entity in it is written).
        cache_entries: most neighbourhoods kept.
        cache_bytes: most bytes of laid-out neighbourhoods kept (as JSON).
        refresh_s: how often a read-only store looks for articles another
            process ingested (they show within this many seconds).
    """

    timeout_s: float = 10.0
    max_rows: int = 10_000
    max_query_chars: int = 50_000
    max_body_bytes: int = 2_000_000
    max_batch_articles: int = 200
    max_neighbourhood: int = 200
    max_entity_links: int = 60
    max_evidence: int = 5
    concurrent_queries: int = 2
    concurrent_pages: int = 4
    page_wait_s: float = 5.0
    overview_ttl_s: float = 60.0
    cache_ttl_s: float = 300.0
    cache_entries: int = 256
    cache_bytes: int = 48_000_000
    refresh_s: float = 2.0


class State:
    """Shared per-app state: store, token, limits, caches, extractor."""

    def __init__(self, store: GraphStore, token: str | None, limits: Limits, allow_service: bool,
                 extractor_factory: Callable[[], Extractor] | None, title: str) -> None:
        self.store = store
        self.token = token or None
        self.limits = limits
        self.allow_service = allow_service
        self.extractor_factory = extractor_factory
        self.title = title
        self._extractor: Extractor | None = None
        self._extractor_lock = threading.Lock()
        self.write_lock = threading.Lock()
        self.query_slots = threading.BoundedSemaphore(limits.concurrent_queries)
        self.page_slots = threading.BoundedSemaphore(limits.concurrent_pages)
        self.projection = Projection.build(store)
        self.pages = PageCache(limits.cache_entries, limits.cache_ttl_s, limits.cache_bytes)
        self._refresh_lock = threading.Lock()
        self._refreshed = time.monotonic()

    def see_outside_writes(self) -> None:
        """Pick up articles another process ingested into a read-only store.

        Checked at most every ``refresh_s``; when the store changed, the
        projection catches up (by content hash) and cached pages are dropped.
        """
        now = time.monotonic()
        if now - self._refreshed < self.limits.refresh_s or not self._refresh_lock.acquire(blocking=False):
            return
        try:
            self._refreshed = now
            if self.store.refresh():
                self.projection.sync(self.store)
                self.pages.clear()
        finally:
            self._refresh_lock.release()

    def extractor(self) -> Extractor:
        with self._extractor_lock:
            if self._extractor is None:
                if self.extractor_factory is not None:
                    self._extractor = self.extractor_factory()
                else:
                    from techkg.extract import Extractor

                    self._extractor = Extractor()
            return self._extractor

    def overview(self) -> list[str]:
        """The explorer's start entities: the most linked ones."""
        return self.projection.overview()


class PageCache:
    """Built pages (bytes) by key, for ``ttl_s`` seconds, within ``size`` entries and
    ``max_bytes`` bytes (least recently used first out).

    Each entry records the entity IRIs it shows (by default the tuple that is
    the key's second item), so :meth:`forget` can drop what a new article changes.

    >>> c = PageCache(2, 60)
    >>> c.get(("entity", ("a",)), lambda: b"1"), c.get(("entity", ("a",)), lambda: b"2")
    (b'1', b'1')
    >>> c.forget({"a"}); c.get(("entity", ("a",)), lambda: b"3")
    b'3'
    >>> _ = c.get(("graph", ("b",)), lambda: b"4", about=lambda v: {"b", "c"}); c.forget({"c"})
    >>> c.get(("graph", ("b",)), lambda: b"5")
    b'5'
    """

    def __init__(self, size: int, ttl_s: float, max_bytes: int | None = None) -> None:
        from collections import OrderedDict

        self.size, self.ttl_s, self.max_bytes = size, ttl_s, max_bytes
        self._items: OrderedDict[tuple, tuple[float, bytes, frozenset[str]]] = OrderedDict()
        self._bytes = 0
        self._building: dict[tuple, threading.Lock] = {}
        self._lock = threading.Lock()

    def get(self, key: tuple, build: Callable[[], bytes],
            about: Callable[[bytes], Iterable[str]] | None = None) -> bytes:
        """The cached value for ``key``, built when missing or stale.

        One build per key at a time: concurrent requests for the same page
        wait for the first one's result instead of building it again.
        ``about`` names the entities a built value shows (default: ``key[1]``).
        """
        hit = self.peek(key)
        if hit is not None:
            return hit
        with self._lock:
            building = self._building.setdefault(key, threading.Lock())
        with building:
            hit = self.peek(key)
            if hit is not None:
                return hit
            try:
                value = build()
            finally:
                with self._lock:
                    self._building.pop(key, None)
            shows = frozenset(about(value) if about is not None else key[1])
            with self._lock:
                self._drop(key)
                self._items[key] = (time.monotonic(), value, shows)
                self._bytes += len(value)
                while self._items and (len(self._items) > self.size or (
                        self.max_bytes is not None and self._bytes > self.max_bytes)):
                    self._drop(next(iter(self._items)))
            return value

    def peek(self, key: tuple) -> bytes | None:
        """The fresh cached value for ``key``, or None."""
        with self._lock:
            hit = self._items.get(key)
            if hit is None:
                return None
            if time.monotonic() - hit[0] >= self.ttl_s:
                self._drop(key)
                return None
            self._items.move_to_end(key)
            return hit[1]

    @property
    def nbytes(self) -> int:
        """Bytes held by the entries."""
        return self._bytes

    def _drop(self, key: tuple) -> None:
        old = self._items.pop(key, None)
        if old is not None:
            self._bytes -= len(old[1])

    def clear(self) -> None:
        """Drop every entry (the store changed under them)."""
        with self._lock:
            self._items.clear()
            self._bytes = 0

    def purge(self) -> int:
        """Drop expired entries; the number dropped."""
        now = time.monotonic()
        with self._lock:
            old = [k for k, (t, _, _) in self._items.items() if now - t >= self.ttl_s]
            for k in old:
                self._drop(k)
        return len(old)

    def forget(self, iris: set[str]) -> None:
        """Drop the entries showing any of ``iris``."""
        with self._lock:
            for key in [k for k, (_, _, shows) in self._items.items() if iris & shows]:
                self._drop(key)


def check_token(token: str | None) -> None:
    """Refuse a token that cannot travel in a header or is too short to be a secret.

    Raises:
        TechKGError: the token is unusable.
    """
    if token is None:
        return
    if not (token.isascii() and token.isprintable() and token.strip() == token and token):
        raise TechKGError("the token must be printable ASCII without spaces at the ends "
                          "(it travels in an HTTP header); choose another --token")
    if len(token) < MIN_TOKEN_CHARS:
        raise TechKGError(f"the token is too short ({len(token)} characters; at least "
                          f"{MIN_TOKEN_CHARS}); use e.g. 'python -c \"import secrets; "
                          "print(secrets.token_urlsafe(24))\"'")


def create_app(
    store: GraphStore,
    *,
    token: str | None = None,
    limits: Limits | None = None,
    allow_service: bool = False,
    extractor_factory: Callable[[], Extractor] | None = None,
    title: str = "techkg",
    hosts: Sequence[str] | None = None,
) -> Starlette:
    """Build the ASGI app over an open store.

    Args:
        store: the graph store (opened read-write when a token is given).
        token: secret for ``POST /articles`` (16+ characters); None makes the app read-only.
        limits: query and request limits.
        allow_service: let SPARQL ``SERVICE`` reach other endpoints.
        extractor_factory: builds the extractor on first ingest (default: ``Extractor()``).
        title: page title.
        hosts: the only ``Host`` header values answered (DNS rebinding); None: any.

    Returns:
        A Starlette application.

    Raises:
        TechKGError: the token is unusable.
    """
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from starlette.routing import Route

    from techkg.web import views

    check_token(token)
    limits = limits or Limits()
    state = State(store, token, limits, allow_service, extractor_factory, title)
    routes = [
        Route("/", views.explorer),
        Route("/entity", views.entity_page),
        Route("/sparql", views.sparql_endpoint, methods=["GET", "POST"]),
        Route("/query", views.query_page),
        Route("/articles", views.post_articles, methods=["POST"]),
        Route("/api/graph", views.api_graph),
        Route("/api/search", views.api_search),
        Route("/api/entity", views.api_entity),
        Route("/api/stats", views.api_stats),
    ]
    middleware = [Middleware(SecurityHeaders)]
    if hosts is not None:
        middleware.insert(0, Middleware(TrustedHostMiddleware, allowed_hosts=list(hosts)))
    app = Starlette(routes=routes, middleware=middleware)
    app.state.techkg = state
    store.warm_workers(network=allow_service)
    threading.Thread(target=_janitor, args=(state,), name="techkg-janitor", daemon=True).start()
    return app


MALLOC_ARENAS = 2
"""glibc malloc arenas for the server process (its default is 8 per core). Page builds
run on many threads; with an arena each, their freed memory stays spread over
arenas that ``malloc_trim`` cannot give back (measured on the load test's store: 240
neighbourhoods on 4 threads kept 47 MB more after ``malloc_trim``; 16 MB with 2 arenas)."""


def limit_malloc_arenas(n: int = MALLOC_ARENAS) -> bool:
    """Cap glibc's malloc arenas (``mallopt(M_ARENA_MAX)``); False where that is not glibc.

    Call it before the server starts its threads.
    """
    import ctypes

    try:
        return bool(ctypes.CDLL(None).mallopt(-8, n))  # -8: M_ARENA_MAX
    except (OSError, AttributeError):
        return False


JANITOR_S = 15.0
"""How often expired pages are dropped and freed heap is given back to the OS."""


def _janitor(state: State) -> None:
    """Every ``JANITOR_S``: drop expired pages, flush written articles to disk, restart
    query workers that served a burst now over, and give freed heap back to the OS.

    Page builds allocate tens of MB of short-lived Python objects; without
    ``malloc_trim`` glibc keeps that memory mapped after a burst of load.
    """
    import ctypes
    import gc

    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc
        trim = None
    import tracemalloc

    while True:
        time.sleep(JANITOR_S)
        state.pages.purge()
        if state.write_lock.acquire(blocking=False):  # not in the middle of a write
            try:
                state.store.flush()  # posted articles leave RocksDB's memtables
            finally:
                state.write_lock.release()
        state.store.recycle_workers(JANITOR_S)  # after a burst of queries: fresh workers
        gc.collect()
        if trim is not None:
            trim(0)
        if tracemalloc.is_tracing():  # PYTHONTRACEMALLOC=1: say what Python itself holds
            current, peak = tracemalloc.get_traced_memory()
            top = tracemalloc.take_snapshot().statistics("filename")[:5]
            log.warning("python heap %.0f MB (peak %.0f MB), cache %.0f MB; most by file: %s",
                        current / 2**20, peak / 2**20, state.pages.nbytes / 2**20,
                        "; ".join(f"{s.traceback[0].filename.rsplit('/', 2)[-1]} "
                                  f"{s.size / 2**20:.1f} MB" for s in top))


class SecurityHeaders:
    """ASGI middleware: CSP, X-Frame-Options and nosniff on every response."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"x-content-type-options", b"nosniff"),
                            (b"x-frame-options", b"DENY"),
                            (b"referrer-policy", b"same-origin")]
                ctype = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                if ctype.startswith(b"text/html"):
                    headers.append((b"content-security-policy", CONTENT_SECURITY_POLICY.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


# ---------------------------------------------------------------------- run


def host_names(host: str, port: int) -> list[str] | None:
    """The ``Host`` values to answer for a bind address (None: any, for 0.0.0.0 / ::).

    >>> host_names("127.0.0.1", 8000)
    ['127.0.0.1', 'localhost', '[::1]', '::1']
    >>> host_names("0.0.0.0", 8000) is None
    True
    """
    if is_loopback(host):
        return ["127.0.0.1", "localhost", "[::1]", "::1"]
    try:
        if ipaddress.ip_address(host).is_unspecified:
            return None
    except ValueError:
        pass
    return [host, f"[{host}]"] if ":" in host else [host]


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def exposure_warnings(host: str, token: str | None, allow_service: bool) -> list[str]:
    """What to tell the user before listening on ``host``.

    >>> exposure_warnings("127.0.0.1", None, False)
    []
    >>> len(exposure_warnings("0.0.0.0", "x" * 16, True))
    3
    """
    if is_loopback(host):
        return []
    out = [f"WARNING: listening on {host}: other machines can reach this server over plain HTTP; "
           "put it behind a TLS reverse proxy (see docs/server.md)."]
    if token:
        out.append("WARNING: the --token travels in clear over plain HTTP; anyone on the path can "
                   "read it and write articles.")
    else:
        out.append(f"note: listening on {host} without a token: the server is read-only.")
    if allow_service:
        out.append("DANGER: --allow-service on a network address lets ANY client make this "
                   "server fetch URLs of its choice (including internal ones). Do not do this "
                   "unless every client is trusted.")
    return out


def serve(
    store_path: str | Path | None,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    limits: Limits | None = None,
    allow_service: bool = False,
    extractor_factory: Callable[[], Extractor] | None = None,
) -> None:
    """Open the store and serve the app with uvicorn until interrupted.

    Without a token the store is opened read-only, so ``techkg ingest`` can
    keep writing to it from another process only when no token is given.

    Raises:
        StoreError: the store cannot be opened.
        TechKGError: the token is unusable.
    """
    import uvicorn

    from techkg.store import GraphStore

    token = token or os.environ.get(TOKEN_ENV) or None
    check_token(token)
    limit_malloc_arenas()
    store = GraphStore.open(store_path, read_only=token is None and store_path is not None)
    try:
        app = create_app(store, token=token, limits=limits, allow_service=allow_service,
                         extractor_factory=extractor_factory, hosts=host_names(host, port))
        uvicorn.run(app, host=host, port=port, log_level="info")
    finally:
        store.close()
