"""The local web app: graph explorer, entity pages, SPARQL endpoint, ingest API.

Routes (all under one Starlette app, served by uvicorn):

=========================  ==================================================
``GET /``                  explorer over the live store (loads neighbourhoods)
``GET /entity?iri=…``      entity page (``?q=name`` also works)
``GET|POST /sparql``       SPARQL 1.1 Protocol: JSON/XML/CSV/TSV, Turtle/JSON-LD
``GET /query``             HTML form: type a query, see a table
``POST /articles``         ingest one article (JSON), needs the token
``GET /api/search``        ``?q=`` entity search (any alias, any script)
``GET /api/graph``         ``?iri=…&hops=2`` neighbourhood as vis-network JSON
``GET /api/entity``        ``?iri=…`` entity facts as JSON
``GET /api/stats``         store size
=========================  ==================================================

Without a token the app is read-only (``POST /articles`` answers 403); with
one, writes need ``Authorization: Bearer TOKEN``. Every text that comes from
an article is HTML-escaped by the templates (Jinja2 autoescape) or set with
``textContent`` by the explorer's JavaScript.

>>> from techkg.store import GraphStore
>>> app = create_app(GraphStore.open(None))
>>> [r.path for r in app.routes][:4]
['/', '/entity', '/sparql', '/query']
"""

from __future__ import annotations

import hmac
import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, quote

from techkg.errors import CorpusError, ModelError, QueryError, StoreError, TechKGError
from techkg.render import WEB_DIR, page_html, vis_payload
from techkg.web import live
from techkg.web import sparql as sp

if TYPE_CHECKING:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response

    from techkg.extract import Extractor
    from techkg.store import GraphStore

TOKEN_ENV = "TECHKG_TOKEN"


@dataclass(frozen=True)
class Limits:
    """Limits that keep one request from hogging the server.

    Attributes:
        timeout_s: SPARQL evaluation time limit.
        max_rows: most rows (or triples) a SPARQL result may have.
        max_query_chars: longest accepted query text.
        max_body_bytes: largest accepted ``POST /articles`` body.
        max_neighbourhood: most entities the explorer loads at once.
        concurrent_queries: SPARQL queries evaluated at the same time (others get 503).
    """

    timeout_s: float = 10.0
    max_rows: int = 10_000
    max_query_chars: int = 50_000
    max_body_bytes: int = 2_000_000
    max_neighbourhood: int = 400
    concurrent_queries: int = 2


class _State:
    """Shared per-app state: store, token, caches, extractor."""

    def __init__(self, store: GraphStore, token: str | None, limits: Limits,
                 allow_service: bool, extractor_factory: Callable[[], Extractor] | None) -> None:
        self.store = store
        self.token = token or None
        self.limits = limits
        self.allow_service = allow_service
        self.extractor_factory = extractor_factory
        self._extractor: Extractor | None = None
        self.write_lock = threading.Lock()
        self.query_slots = threading.BoundedSemaphore(limits.concurrent_queries)
        self.generation = 0
        self._overview: tuple[int, list[str]] | None = None

    def extractor(self) -> Extractor:
        if self._extractor is None:
            if self.extractor_factory is not None:
                self._extractor = self.extractor_factory()
            else:
                from techkg.extract import Extractor

                self._extractor = Extractor()
        return self._extractor

    def overview(self) -> list[str]:
        if self._overview is None or self._overview[0] != self.generation:
            self._overview = (self.generation, live.overview(self.store))
        return self._overview[1]


def _templates():
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(str(WEB_DIR)),
                      autoescape=select_autoescape(["html"]))
    env.filters["urlq"] = lambda s: quote(str(s), safe="")
    env.filters["cell"] = sp.cell_text
    env.filters["safe_url"] = _safe_url
    return env


def _safe_url(url: Any) -> str | None:
    if isinstance(url, str) and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def create_app(
    store: GraphStore,
    *,
    token: str | None = None,
    limits: Limits | None = None,
    allow_service: bool = False,
    extractor_factory: Callable[[], Extractor] | None = None,
    title: str = "techkg",
) -> Starlette:
    """Build the ASGI app over an open store.

    Args:
        store: the graph store (opened read-write when a token is given).
        token: secret for ``POST /articles``; None makes the app read-only.
        limits: query and request limits.
        allow_service: let SPARQL ``SERVICE`` reach other endpoints.
        extractor_factory: builds the extractor on first ingest (default: ``Extractor()``).
        title: page title.

    Returns:
        A Starlette application.
    """
    import anyio
    from starlette.applications import Starlette
    from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
    from starlette.routing import Route

    if token is not None and not (token.isascii() and token.isprintable() and token.strip()):
        raise TechKGError("the token must be printable ASCII without spaces at the ends "
                          "(it travels in an HTTP header); choose another --token")
    limits = limits or Limits()
    state = _State(store, token, limits, allow_service, extractor_factory)
    env = _templates()

    def html(name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(title=title, **ctx), status_code=status)

    def error_json(message: str, status: int) -> JSONResponse:
        return JSONResponse({"error": message}, status_code=status)

    async def in_thread(fn: Callable[[], Any]) -> Any:
        return await anyio.to_thread.run_sync(fn)

    # ------------------------------------------------------------------ explorer

    async def explorer(request: Request) -> Response:
        hops = _int(request.query_params.get("hops"), 2, 0, 4)
        iri = request.query_params.get("iri")

        def build() -> dict[str, Any]:
            seeds = [iri] if iri and live.entity_exists(store, iri) else []
            return _graph_payload(state, seeds, hops, title)

        payload = await in_thread(build)
        page = page_html(payload, mode="live", api="/api", title=title,
                         links=[("/query", "SPARQL 查询"), ("/sparql", "/sparql")])
        return HTMLResponse(page)

    async def api_graph(request: Request) -> Response:
        seeds = request.query_params.getlist("iri")
        hops = _int(request.query_params.get("hops"), 2, 0, 4)
        for s in seeds:
            if not await in_thread(lambda s=s: live.entity_exists(store, s)):
                return error_json(f"no entity with IRI {s!r}; find one with /api/search?q=NAME", 404)
        payload = await in_thread(lambda: _graph_payload(state, seeds, hops, title))
        return JSONResponse(payload)

    async def api_search(request: Request) -> Response:
        q = (request.query_params.get("q") or "").strip()
        n = _int(request.query_params.get("limit"), 12, 1, 100)
        if not q:
            return JSONResponse({"query": q, "results": []})
        results = await in_thread(lambda: live.search(store, q, limit=n))
        return JSONResponse({"query": q, "results": results})

    async def api_entity(request: Request) -> Response:
        iri = request.query_params.get("iri") or ""
        data = await in_thread(lambda: _entity_data(state, iri))
        if data is None:
            return error_json(f"no entity with IRI {iri!r}; find one with /api/search?q=NAME", 404)
        return JSONResponse(data)

    async def api_stats(request: Request) -> Response:
        return JSONResponse({"quads": await in_thread(lambda: len(store)),
                             "read_only": state.token is None})

    # ------------------------------------------------------------------ entity page

    async def entity_page(request: Request) -> Response:
        iri = request.query_params.get("iri")
        q = request.query_params.get("q")
        if not iri and q:
            hits = await in_thread(lambda: live.search(store, q, limit=20))
            if len(hits) == 1 or (hits and q and _exact(hits[0], q)):
                iri = hits[0]["id"]
            else:
                return html("entity.html", status=200 if hits else 404, entity=None, query=q,
                            candidates=hits)
        data = await in_thread(lambda: _entity_data(state, iri or ""))
        if data is None:
            return html("entity.html", status=404, entity=None, query=iri or q or "",
                        candidates=[])
        return html("entity.html", entity=data, query=None, candidates=[])

    # ------------------------------------------------------------------ SPARQL

    async def sparql_endpoint(request: Request) -> Response:
        try:
            params = await _protocol_params(request, limits)
        except _HTTPError as e:
            return PlainTextResponse(e.message, status_code=e.status)
        query = params.get("query")
        if params.get("update"):
            return PlainTextResponse(
                "SPARQL Update is not accepted here: the store is written article by article; "
                "use POST /articles with the token", status_code=403)
        accept = request.headers.get("accept", "")
        wants_html = "text/html" in accept and "sparql-results" not in accept
        if not query:
            if request.method == "GET" and wants_html:
                return html("query.html", query=_EXAMPLE_QUERY, result=None, error=None)
            return PlainTextResponse(
                "missing 'query' parameter; send ?query=SELECT... (GET), a form field "
                "(POST application/x-www-form-urlencoded) or the query as the body "
                "(POST application/sparql-query)", status_code=400)
        if wants_html and not params.get("format") and request.method == "GET":
            return await query_page(request)
        try:
            result = await _run_query(state, query, params)
        except _HTTPError as e:
            return PlainTextResponse(e.message, status_code=e.status,
                                     headers={"Retry-After": "2"} if e.status == 503 else None)
        fmt = params.get("format") or params.get("output")
        key = sp.negotiate(result.kind, accept, fmt)
        if key is None:
            offered = sp.GRAPH_FORMATS if result.kind == "graph" else sp.RESULT_FORMATS
            return PlainTextResponse(
                f"cannot answer in any format of 'Accept: {accept}'; available: "
                + ", ".join(v[0] for v in offered.values()), status_code=406)
        from techkg.vocab import prefixes

        body, ctype = sp.serialize(result, key, prefixes=prefixes(store.ids.base))
        return Response(body, media_type=ctype.split(";")[0],
                        headers={"Content-Type": ctype, "Vary": "Accept",
                                 "X-Query-Time-Ms": f"{result.elapsed_s * 1000:.1f}"})

    async def query_page(request: Request) -> Response:
        query = request.query_params.get("query")
        if not query:
            return html("query.html", query=_EXAMPLE_QUERY, result=None, error=None)
        try:
            if len(query) > limits.max_query_chars:
                raise _HTTPError(413, f"query too long ({len(query):,} characters; "
                                      f"limit {limits.max_query_chars:,})")
            result = await _run_query(state, query, {})
        except _HTTPError as e:
            return html("query.html", status=e.status, query=query, result=None, error=e.message)
        turtle = None
        if result.kind == "graph":
            from techkg.vocab import prefixes

            turtle = sp.serialize(result, "turtle", prefixes=prefixes(store.ids.base))[0].decode()
        return html("query.html", query=query, result=result, error=None, turtle=turtle)

    # ------------------------------------------------------------------ ingest

    async def post_article(request: Request) -> Response:
        if state.token is None:
            return error_json(
                "this server is read-only; restart it with 'techkg serve --token SECRET' "
                f"(or set {TOKEN_ENV}) to accept articles", 403)
        sent = request.headers.get("authorization", "")
        given = sent[7:].strip() if sent.lower().startswith("bearer ") else ""
        if not given or not hmac.compare_digest(given.encode(), state.token.encode()):
            return JSONResponse({"error": "missing or wrong token; send 'Authorization: Bearer TOKEN'"},
                                status_code=401, headers={"WWW-Authenticate": 'Bearer realm="techkg"'})
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > limits.max_body_bytes:
            return error_json(f"article too large ({int(length):,} bytes; limit "
                              f"{limits.max_body_bytes:,})", 413)
        body = await request.body()
        if len(body) > limits.max_body_bytes:
            return error_json(f"article too large ({len(body):,} bytes; limit "
                              f"{limits.max_body_bytes:,})", 413)
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            return error_json(f"body is not UTF-8 JSON: {e}; send "
                              '{"text": "...", "title": "...", "date": "YYYY-MM-DD", "url": "..."}',
                              400)
        from techkg.read import article_from_dict

        try:
            article = article_from_dict(data, source="POST /articles")
        except CorpusError as e:
            return error_json(str(e), 400)

        def ingest() -> dict[str, Any]:
            extraction = state.extractor().extract(article)
            with state.write_lock:
                status = store.put(extraction)
                state.generation += 1
            return _extraction_json(store, extraction, status)

        try:
            out = await in_thread(ingest)
        except ModelError as e:
            return error_json(f"the extractor could not be loaded: {e}", 503)
        except StoreError as e:
            return error_json(str(e), 500)
        return JSONResponse(out, status_code=201 if out["status"] == "new" else 200)

    routes = [
        Route("/", explorer),
        Route("/entity", entity_page),
        Route("/sparql", sparql_endpoint, methods=["GET", "POST"]),
        Route("/query", query_page),
        Route("/articles", post_article, methods=["POST"]),
        Route("/api/graph", api_graph),
        Route("/api/search", api_search),
        Route("/api/entity", api_entity),
        Route("/api/stats", api_stats),
    ]
    app = Starlette(routes=routes)
    app.state.techkg = state
    return app


# ---------------------------------------------------------------------- helpers


class _HTTPError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


_EXAMPLE_QUERY = """# 谁与英伟达合作？ Who partners with NVIDIA?
SELECT DISTINCT ?partner ?label WHERE {
  ?nvidia tk:matchKey "nvidia" ; tk:partnerOf ?partner .
  ?partner rdfs:label ?label FILTER(LANG(?label) = "")
} LIMIT 50"""


def _int(value: str | None, default: int, low: int, high: int) -> int:
    try:
        return max(low, min(high, int(value))) if value is not None else default
    except ValueError:
        return default


def _exact(hit: dict[str, Any], q: str) -> bool:
    from techkg.text import match_key

    key = match_key(q)
    return any(match_key(n) == key for n in [hit["label"], hit.get("name_en", ""), *hit["aliases"]])


async def _protocol_params(request: Request, limits: Limits) -> dict[str, Any]:
    """query/update/default-graph-uri/named-graph-uri/format from GET or POST."""
    params: dict[str, list[str]] = {}
    for k, v in request.query_params.multi_items():
        params.setdefault(k, []).append(v)
    if request.method == "POST":
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await request.body()
        if len(body) > limits.max_query_chars * 4:
            raise _HTTPError(413, f"request body too large (limit {limits.max_query_chars:,} characters)")
        text = body.decode("utf-8", errors="replace")
        if ctype == "application/x-www-form-urlencoded":
            for k, vs in parse_qs(text, keep_blank_values=True).items():
                params.setdefault(k, []).extend(vs)
        elif ctype == "application/sparql-query":
            params["query"] = [text]
        elif ctype == "application/sparql-update":
            params["update"] = [text]
        else:
            raise _HTTPError(415, f"unsupported Content-Type {ctype or '(none)'!r}; use "
                                  "application/x-www-form-urlencoded or application/sparql-query")
    queries = params.get("query", [])
    if len(queries) > 1:
        raise _HTTPError(400, "more than one 'query' parameter")
    out: dict[str, Any] = {
        "query": queries[0] if queries else None,
        "update": (params.get("update") or [None])[0],
        "default_graphs": params.get("default-graph-uri", []),
        "named_graphs": params.get("named-graph-uri", []),
        "format": (params.get("format") or [None])[0],
        "output": (params.get("output") or [None])[0],
    }
    if out["query"] and len(out["query"]) > limits.max_query_chars:
        raise _HTTPError(413, f"query too long ({len(out['query']):,} characters; "
                              f"limit {limits.max_query_chars:,})")
    return out


async def _run_query(state: _State, query: str, params: dict[str, Any]) -> sp.Result:
    """Evaluate in a worker thread under the time limit and the concurrency cap."""
    import anyio

    limits = state.limits
    if not state.query_slots.acquire(blocking=False):
        raise _HTTPError(503, f"server busy: {limits.concurrent_queries} queries are running; "
                              "retry in a moment")

    def work() -> sp.Result:
        try:
            return sp.execute(
                state.store, query, timeout_s=limits.timeout_s, max_rows=limits.max_rows,
                allow_service=state.allow_service,
                default_graphs=params.get("default_graphs") or None,
                named_graphs=params.get("named_graphs") or None,
            )
        finally:
            state.query_slots.release()  # only when Oxigraph is really done

    try:
        with anyio.fail_after(limits.timeout_s + 1.0):
            return await anyio.to_thread.run_sync(work, abandon_on_cancel=True)
    except TimeoutError:
        raise _HTTPError(503, f"query time limit exceeded ({limits.timeout_s:g} s); add a LIMIT "
                              "or narrow the patterns") from None
    except QueryError as e:
        text = str(e)
        status = 503 if "time limit" in text else 400
        raise _HTTPError(status, text) from None


def _graph_payload(state: _State, seeds: list[str], hops: int, title: str) -> dict[str, Any]:
    store = state.store
    limits = state.limits
    if seeds:
        G, notes = live.neighbourhood_graph(store, seeds, hops, max_nodes=limits.max_neighbourhood)
    else:
        G, notes = live.subgraph(store, state.overview()), []
        if G.number_of_nodes():
            notes = [(f"Overview: the {G.number_of_nodes():,} most linked entities. "
                      "Search for a company or product to load its neighbourhood.")]
        else:
            notes = ["The store has no linked entities yet: add articles with "
                     "'techkg ingest PATH' or POST /articles."]
    payload = vis_payload(G, size_by="degree", max_evidence=20, title=title,
                          max_nodes=limits.max_neighbourhood)
    payload["meta"]["notes"] = notes + payload["meta"]["notes"]
    payload["meta"]["focus"] = [s for s in seeds if s in G]
    payload["meta"]["hops"] = hops
    return payload


def _entity_data(state: _State, iri: str) -> dict[str, Any] | None:
    """Everything the entity page shows, as plain data."""
    store = state.store
    if not iri or not live.entity_exists(store, iri):
        return None
    G, _notes = live.neighbourhood_graph(store, [iri], 1, max_nodes=2000)
    if iri not in G:
        return None
    attrs = dict(G.nodes[iri])

    def name(n: str) -> str:
        a = G.nodes[n] if n in G else {}
        return str(a.get("label_zh") or a.get("label") or n.rsplit("/", 1)[-1])

    groups: dict[str, list[dict[str, Any]]] = {
        "partners": [], "released": [], "released_by": [], "makes": [], "made_by": []}
    for u, v, key, d in G.edges(keys=True, data=True):
        if iri not in (u, v):
            continue
        other = v if u == iri else u
        if key == "partnership":
            group = "partners"
        elif key == "release":
            group = "released" if u == iri else "released_by"
        elif key == "maker":
            group = "makes" if u == iri else "made_by"
        else:
            continue
        groups[group].append({
            "iri": other, "name": name(other), "type": G.nodes[other].get("type", ""),
            "weight": d.get("weight"), "confidence": d.get("confidence"),
            "first_date": d.get("first_date"), "last_date": d.get("last_date"),
            "evidence": [{**e, "url": _safe_url(e.get("url"))} for e in d.get("evidence") or []],
        })
    for items in groups.values():
        items.sort(key=lambda x: (-(x["weight"] or 0), x["name"]))
    return {
        "iri": iri,
        "label": attrs.get("label"),
        "label_zh": attrs.get("label_zh"),
        "name": name(iri),
        "type": attrs.get("type"),
        "key": attrs.get("key"),
        "aliases": attrs.get("aliases") or [],
        "labels": [{"lang": lang, "text": text} for lang, text in live.labels_by_language(store, iri)],
        "articles": attrs.get("articles"),
        "first_seen": attrs.get("first_seen"),
        "last_seen": attrs.get("last_seen"),
        "maker": attrs.get("maker"),
        "maker_name": name(attrs["maker"]) if attrs.get("maker") else None,
        **groups,
    }


def _extraction_json(store: GraphStore, ex: Any, status: str) -> dict[str, Any]:
    ids = store.ids
    a = ex.article
    return {
        "status": status,
        "article": {"id": a.id, "iri": str(ids.article(a.id)), "title": a.title,
                    "date": a.date, "url": a.url},
        "entities": [
            {"key": e.key, "type": e.type, "label": e.label, "iri": str(ids.entity(e.type, e.key)),
             "aliases": list(e.aliases), "mentions": len(e.mentions)}
            for e in ex.entities
        ],
        "relations": [
            {"type": r.type, "source": r.source, "target": r.target, "evidence": r.evidence,
             "confidence": r.confidence}
            for r in ex.relations
        ],
    }


# ---------------------------------------------------------------------- run


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
    """
    import uvicorn

    from techkg.store import GraphStore

    token = token or os.environ.get(TOKEN_ENV) or None
    store = GraphStore.open(store_path, read_only=token is None and store_path is not None)
    try:
        app = create_app(store, token=token, limits=limits, allow_service=allow_service,
                         extractor_factory=extractor_factory)
        uvicorn.run(app, host=host, port=port, log_level="info")
    finally:
        store.close()


