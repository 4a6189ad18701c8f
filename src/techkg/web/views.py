"""Request handlers of the web app (routes in :mod:`techkg.web.app`).

Every handler reads the shared :class:`~techkg.web.app.State` from
``request.app.state.techkg``. Store work runs in worker threads, bounded:
SPARQL by the query slots (its own processes, see :mod:`techkg.sparql.worker`),
pages and the JSON API by the page slots, so a crowd of clients queues or
gets 503 with ``Retry-After`` instead of piling work up in memory.
"""

from __future__ import annotations

import gzip
import hmac
import json
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, quote, urlsplit

from techkg.errors import CorpusError, ModelError, QueryError, StoreError
from techkg.render import WEB_DIR, page_html, vis_payload
from techkg.render import safe_url  # one home for the rule: render.py
from techkg.sparql import formats
from techkg.sparql.run import Result, execute
from techkg.web.app import TOKEN_ENV, State, query_status

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

log = logging.getLogger(__name__)

RETRY_AFTER_S = 2
GZIP_LEVEL = 1
"""Compression of cached pages: the fastest level already shrinks a neighbourhood's JSON ~8x."""
MAX_JSON_DEPTH = 20
EXAMPLE_QUERY = """# 谁与英伟达合作？ Who partners with NVIDIA?
SELECT DISTINCT ?partner ?label WHERE {
  ?nvidia tk:matchKey "nvidia" ; tk:partnerOf ?partner .
  ?partner rdfs:label ?label FILTER(LANG(?label) = "")
} LIMIT 50"""


class HTTPError(Exception):
    """A response to send instead of going on (status, message, extra headers)."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        if headers is None and status == 503:
            headers = {"Retry-After": str(RETRY_AFTER_S)}
        elif headers is None and status == 413:
            headers = {"Connection": "close"}  # uvicorn then closes and stops reading the body
        self.headers = headers


def _state(request: Request) -> State:
    state: State = request.app.state.techkg
    state.see_outside_writes()
    return state


_ENV: Any = None


def _templates() -> Any:
    global _ENV
    if _ENV is None:
        from jinja2 import Environment, FileSystemLoader, select_autoescape

        env = Environment(loader=FileSystemLoader(str(WEB_DIR)), autoescape=select_autoescape(["html"]))
        env.filters["urlq"] = lambda s: quote(str(s), safe="")
        env.filters["cell"] = formats.cell_text
        env.filters["safe_url"] = safe_url
        _ENV = env
    return _ENV


def _html(request: Request, name: str, status: int = 200, **ctx: Any) -> Response:
    from starlette.responses import HTMLResponse

    page = _templates().get_template(name).render(title=_state(request).title, **ctx)
    return HTMLResponse(page, status_code=status)


def _error_json(message: str, status: int, headers: dict[str, str] | None = None) -> Response:
    from starlette.responses import JSONResponse

    return JSONResponse({"error": message}, status_code=status, headers=headers)


def _int(value: str | None, default: int, low: int, high: int) -> int:
    try:
        return max(low, min(high, int(value))) if value is not None else default
    except ValueError:
        return default


async def _page_work(request: Request, fn: Callable[[], Any], key: tuple | None = None) -> Any:
    """Run store work for a page or API call in a thread, under the page slots.

    A page in the cache under ``key`` is answered at once, without a slot:
    a fresh one, or one that went stale less than ``cache_stale_s`` ago (an
    article about it was written, or its time ran out) while ``fn`` builds
    the fresh one in the background (see :func:`_refresh_later`).

    Otherwise the request waits for a slot at most ``page_wait_s``, and for
    the answer at most ``page_deadline_s`` from its start. Past the deadline
    it gets 503 with ``Retry-After``; the build goes on under its slot and
    lands in the cache, so the retry finds it.

    Raises:
        HTTPError: 503 when no slot frees up within ``page_wait_s`` or the
            page is not built within ``page_deadline_s``, 499 when the client
            left while waiting.
    """
    import anyio

    state = _state(request)
    started = time.monotonic()
    if key is not None:
        hit = state.pages.peek(key)
        if hit is not None:
            return hit
        old = state.pages.stale(key)
        if old is not None:
            _refresh_later(state, key, fn)
            return old
    got = await anyio.to_thread.run_sync(
        lambda: state.page_slots.acquire(timeout=state.limits.page_wait_s))
    if not got:
        raise HTTPError(503, "server busy; retry in a moment")
    if await request.is_disconnected():
        state.page_slots.release()
        raise HTTPError(499, "client went away")

    def work() -> Any:
        try:
            return fn()
        finally:
            state.page_slots.release()  # when the build ends, even if its request gave up

    with anyio.move_on_after(state.limits.page_deadline_s - (time.monotonic() - started)):
        return await anyio.to_thread.run_sync(work, abandon_on_cancel=True)
    raise HTTPError(503, "this page is still being built; retry in a moment")


def _refresh_later(state: State, key: tuple, fn: Callable[[], Any]) -> None:
    """Run ``fn`` (which rebuilds the page under ``key`` into the cache) in a background
    thread under a page slot; skipped when it is already being built or no slot is free
    (a later request for the stale page tries again)."""
    import threading

    if state.pages.building(key) or not state.page_slots.acquire(blocking=False):
        return

    def run() -> None:
        try:
            fn()
        except Exception:  # noqa: BLE001 - the stale page stays; the next request retries
            log.exception("rebuilding page %r failed", key[:2])
        finally:
            state.page_slots.release()

    threading.Thread(target=run, name="techkg-page-refresh", daemon=True).start()


# ---------------------------------------------------------------------- explorer


async def explorer(request: Request) -> Response:
    """``GET /``: the explorer page, optionally opened on ``?iri=``."""
    from starlette.responses import PlainTextResponse

    state = _state(request)
    hops = _int(request.query_params.get("hops"), 2, 0, 3)
    iri = request.query_params.get("iri")
    seeds = [iri] if iri and iri in state.projection else []

    def build() -> bytes:
        payload = json.loads(gzip.decompress(cached_graph_json(state, seeds, hops)))
        return gzip.compress(page_html(payload, mode="live", api="/api", title=state.title,
                                       links=[("/query", "SPARQL 查询"), ("/sparql", "/sparql")]
                                       ).encode(), GZIP_LEVEL)

    # the start page is the same for everyone: kept whole; a neighbourhood keeps its JSON only
    key = ("explorer", ()) if not seeds else None
    try:
        page = await _page_work(request, (lambda: state.pages.get(key, build, ttl_s=page_ttl(state, seeds)))
                                if key else build, key)
    except HTTPError as e:
        return PlainTextResponse(e.message, status_code=e.status, headers=e.headers)
    return _gzipped(request, page, "text/html; charset=utf-8")


async def api_graph(request: Request) -> Response:
    """``GET /api/graph?iri=…&hops=N``: a neighbourhood as vis-network JSON."""
    state = _state(request)
    seeds = request.query_params.getlist("iri")[:10]
    hops = _int(request.query_params.get("hops"), 2, 0, 3)
    missing = next((s for s in seeds if s not in state.projection), None)
    if missing is not None:
        return _error_json(f"no entity with IRI {missing!r}; find one with /api/search?q=NAME", 404)
    try:
        body = await _page_work(request, lambda: cached_graph_json(state, seeds, hops),
                                graph_key(state, seeds, hops))
    except HTTPError as e:
        return _error_json(e.message, e.status, e.headers)
    return _gzipped(request, body, "application/json")


def _gzipped(request: Request, body: bytes, media_type: str) -> Response:
    """A gzip-compressed body as it is to clients that take gzip, decompressed to others."""
    from starlette.responses import Response

    headers = {"Vary": "Accept-Encoding"}
    if "gzip" in request.headers.get("accept-encoding", "").lower():
        headers["Content-Encoding"] = "gzip"
    else:
        body = gzip.decompress(body)
    return Response(body, media_type=media_type, headers=headers)


async def api_search(request: Request) -> Response:
    """``GET /api/search?q=NAME``: entities by any alias."""
    from starlette.responses import JSONResponse

    q = (request.query_params.get("q") or "").strip()[:200]
    n = _int(request.query_params.get("limit"), 12, 1, 100)
    if not q:
        return JSONResponse({"query": q, "results": []})
    # in memory and bounded (one pass over the names): not queued behind page builds
    return JSONResponse({"query": q, "results": _state(request).projection.search(q, limit=n)})


async def api_entity(request: Request) -> Response:
    """``GET /api/entity?iri=…[&page=N][&with=IRI]``: an entity page's data."""
    import anyio
    from starlette.responses import JSONResponse

    state = _state(request)
    iri = request.query_params.get("iri") or ""
    page = _int(request.query_params.get("page"), 1, 1, 1_000_000)
    other = request.query_params.get("with") or None
    data = await anyio.to_thread.run_sync(lambda: entity_data(state, iri, page=page, other=other))
    if data is None:
        return _error_json(f"no entity with IRI {iri!r}; find one with /api/search?q=NAME", 404)
    return JSONResponse(data)


async def api_stats(request: Request) -> Response:
    """``GET /api/stats``: number of quads and whether the server is read-only."""
    import anyio
    from starlette.responses import JSONResponse

    state = _state(request)
    return JSONResponse({"quads": await anyio.to_thread.run_sync(lambda: len(state.store)),
                         "read_only": state.token is None})


async def entity_page(request: Request) -> Response:
    """``GET /entity?iri=…`` (or ``?q=name``): one entity with its links and evidence.

    ``page=N`` pages through the linked entities; ``with=IRI`` shows the links
    to one entity with all their evidence (paged too).
    """
    import anyio

    state = _state(request)
    iri = request.query_params.get("iri")
    q = (request.query_params.get("q") or "")[:200]
    page = _int(request.query_params.get("page"), 1, 1, 1_000_000)
    other = request.query_params.get("with") or None

    def build() -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
        target = iri
        if not target and q:
            hits = state.projection.search(q, limit=20)
            if len(hits) == 1 or (hits and _exact(hits[0], q)):
                target = hits[0]["id"]
            else:
                return None, hits
        return entity_data(state, target or "", page=page, other=other), []

    data, hits = await anyio.to_thread.run_sync(build)
    if data is None:
        if hits:
            return _html(request, "entity.html", entity=None, query=q, candidates=hits)
        return _html(request, "entity.html", status=404, entity=None, query=iri or q or "",
                     candidates=[])
    return _html(request, "entity.html", entity=data, query=None, candidates=[])


def _exact(hit: dict[str, Any], q: str) -> bool:
    from techkg.text import match_key

    key = match_key(q)
    return any(match_key(n) == key for n in [hit["label"], hit.get("name_en", ""), *hit["aliases"]])


# ---------------------------------------------------------------------- SPARQL


async def sparql_endpoint(request: Request) -> Response:
    """``GET|POST /sparql``: the SPARQL 1.1 Protocol."""
    from starlette.responses import PlainTextResponse, Response

    state = _state(request)
    try:
        params = await _protocol_params(request, state)
    except HTTPError as e:
        return PlainTextResponse(e.message, status_code=e.status, headers=e.headers)
    query = params.get("query")
    if params.get("update"):
        return PlainTextResponse(
            "SPARQL Update is not accepted here: the store is written article by article; "
            "use POST /articles with the token", status_code=403)
    accept = request.headers.get("accept", "")
    wants_html = "text/html" in accept and "sparql-results" not in accept
    if not query:
        if request.method == "GET" and wants_html:
            return await query_page(request)
        return PlainTextResponse(
            "missing 'query' parameter; send ?query=SELECT... (GET), a form field "
            "(POST application/x-www-form-urlencoded) or the query as the body "
            "(POST application/sparql-query)", status_code=400)
    if wants_html and not params.get("format") and request.method == "GET":
        return await query_page(request)
    try:
        result = await _run_query(state, query, params)
    except HTTPError as e:
        return PlainTextResponse(e.message, status_code=e.status, headers=e.headers)
    fmt = params.get("format") or params.get("output")
    key = formats.negotiate(result.kind, accept, fmt)
    if key is None:
        offered = formats.GRAPH_FORMATS if result.kind == "graph" else formats.RESULT_FORMATS
        shown = accept if len(accept) <= 80 else accept[:77] + "..."
        return PlainTextResponse(
            f"cannot answer in any format of 'Accept: {shown}'; available: "
            + ", ".join(v[0] for v in offered.values()), status_code=406)
    from techkg.vocab import prefixes

    body, ctype = formats.serialize(result, key, prefixes=prefixes(state.store.ids.base))
    return Response(body, media_type=ctype.split(";")[0],
                    headers={"Content-Type": ctype, "Vary": "Accept",
                             "X-Query-Time-Ms": f"{result.elapsed_s * 1000:.1f}"})


async def query_page(request: Request) -> Response:
    """``GET /query``: a form with the shipped examples, and the result of ``?query=`` as a table.

    ``?example=NAME`` fills the form with a shipped query; ``param-NAME``
    fields bind its parameters (an unknown entity name gets "did you mean");
    ``download=csv|excel`` answers the result as a CSV file (see
    :mod:`techkg.web.query_form`).
    """
    from starlette.responses import Response

    from techkg.sparql.names import check_names
    from techkg.web.query_form import DOWNLOADS, QueryForm, csv_download, example_text

    state = _state(request)
    qp = request.query_params
    query = qp.get("query")
    try:
        if qp.get("example") and not query:
            return _query_html(request, form=QueryForm.read(example_text(qp["example"]), {}))
        if not query:
            return _query_html(request, form=QueryForm.read(EXAMPLE_QUERY, {}))
        _check_query_length(query, state)
        form = QueryForm.read(query, qp)
        bound = form.bound(state.store.ids.base)
        if form.given():
            await _page_work(request, lambda: check_names(state.store, form.given(), form.params))
        result = await _run_query(state, bound, {})
    except QueryError as e:
        return _query_html(request, status=400, form=_form_or_text(query, qp), error=str(e))
    except HTTPError as e:
        return _query_html(request, status=e.status, form=_form_or_text(query, qp), error=e.message)
    kind = qp.get("download")
    if kind in DOWNLOADS and result.kind == "solutions":
        body, headers = csv_download(formats.serialize(result, "csv")[0], kind, qp.get("name") or "techkg-query")
        return Response(body, headers=headers)
    turtle = None
    if result.kind == "graph":
        from techkg.vocab import prefixes

        turtle = formats.serialize(result, "turtle", prefixes=prefixes(state.store.ids.base))[0].decode()
    return _query_html(request, form=form, result=result, turtle=turtle)


def _form_or_text(query: str | None, fields: Any) -> Any:
    """The form of a query that failed (its text alone when even its header does not parse)."""
    from techkg.web.query_form import QueryForm

    try:
        return QueryForm.read(query or "", fields)
    except QueryError:
        return QueryForm(query or "", (), {})


def _query_html(request: Request, *, form: Any, status: int = 200, result: Result | None = None,
                error: str | None = None, turtle: str | None = None) -> Response:
    from techkg.web.query_form import cell_view, examples

    base = _state(request).store.ids.base
    return _html(request, "query.html", status=status, query=form.text, form=form, result=result,
                 error=error, turtle=turtle, examples=examples(), cell_view=lambda t: cell_view(t, base))


def _check_query_length(query: str, state: State) -> None:
    limit = state.limits.max_query_chars
    if len(query) > limit:
        raise HTTPError(413, f"query too long ({len(query):,} characters; limit {limit:,})")


def _cross_site(request: Request) -> bool:
    """True for a browser request sent from another site (a form on someone's page)."""
    if request.headers.get("sec-fetch-site") == "cross-site":
        return True
    origin = request.headers.get("origin")
    if not origin:
        return False
    return origin == "null" or urlsplit(origin).netloc != request.headers.get("host", "")


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, read as a stream and abandoned as soon as it passes ``limit`` bytes.

    Raises:
        HTTPError: 413 when the declared or the received length passes the limit.
    """
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPError(413, f"request body too large ({int(declared):,} bytes; limit {limit:,})")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPError(413, f"request body too large (more than {limit:,} bytes; "
                                 f"limit {limit:,})")
        chunks.append(chunk)
    return b"".join(chunks)


async def _protocol_params(request: Request, state: State) -> dict[str, Any]:
    """query/update/default-graph-uri/named-graph-uri/format from GET or POST."""
    params: dict[str, list[str]] = {}
    for k, v in request.query_params.multi_items():
        params.setdefault(k, []).append(v)
    if request.method == "POST":
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype == "application/x-www-form-urlencoded" and _cross_site(request):
            raise HTTPError(403, "cross-site form posts to /sparql are refused; send the query "
                                 "from this server's own pages or from a client (no Origin header)")
        if ctype not in ("application/x-www-form-urlencoded", "application/sparql-query",
                         "application/sparql-update"):
            raise HTTPError(415, f"unsupported Content-Type {ctype[:60] or '(none)'!r}; use "
                                 "application/x-www-form-urlencoded or application/sparql-query")
        body = await read_body(request, state.limits.max_query_chars * 4)
        text = body.decode("utf-8", errors="replace")
        if ctype == "application/x-www-form-urlencoded":
            for k, vs in parse_qs(text, keep_blank_values=True).items():
                params.setdefault(k, []).extend(vs)
        elif ctype == "application/sparql-query":
            params["query"] = [text]
        else:
            params["update"] = [text]
    queries = params.get("query", [])
    if len(queries) > 1:
        raise HTTPError(400, "more than one 'query' parameter")
    out: dict[str, Any] = {
        "query": queries[0] if queries else None,
        "update": (params.get("update") or [None])[0],
        "default_graphs": params.get("default-graph-uri", []),
        "named_graphs": params.get("named-graph-uri", []),
        "format": (params.get("format") or [None])[0],
        "output": (params.get("output") or [None])[0],
    }
    if out["query"]:
        _check_query_length(out["query"], state)
    return out


async def _run_query(state: State, query: str, params: dict[str, Any]) -> Result:
    """Evaluate under the concurrency cap; the time limit lives in the store's workers."""
    import anyio

    limits = state.limits
    if not state.query_slots.acquire(blocking=False):
        raise HTTPError(503, f"server busy: {limits.concurrent_queries} queries are running; "
                             "retry in a moment")

    def work() -> Result:
        try:
            return execute(
                state.store, query, timeout_s=limits.timeout_s, max_rows=limits.max_rows,
                allow_service=state.allow_service,
                default_graphs=params.get("default_graphs") or None,
                named_graphs=params.get("named_graphs") or None,
            )
        finally:
            state.query_slots.release()

    try:
        return await anyio.to_thread.run_sync(work)
    except QueryError as e:
        raise HTTPError(query_status(e), str(e)) from None


# ---------------------------------------------------------------------- ingest


def _check_strings(value: Any, where: str = "body", depth: int = 0) -> None:
    """Refuse JSON a store cannot hold: lone surrogates, deep nesting."""
    if depth > MAX_JSON_DEPTH:
        raise HTTPError(400, f"{where}: JSON nested more than {MAX_JSON_DEPTH} levels deep; "
                             "send flat article objects")
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as e:
            raise HTTPError(400, f"{where}: contains a lone surrogate ({value[e.start]!a}) at "
                                 f"character {e.start}; send valid Unicode text") from None
    elif isinstance(value, dict):
        for k, v in value.items():
            _check_strings(k, where, depth + 1)
            _check_strings(v, f"{where}.{k}" if isinstance(k, str) and k.isidentifier() else where,
                           depth + 1)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _check_strings(v, f"{where}[{i}]", depth + 1)


def _json_depth(text: str) -> int:
    """How deeply brackets nest in a JSON text (strings ignored); cheap, before parsing."""
    depth = best = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            best = max(best, depth)
        elif ch in "]}":
            depth -= 1
    return best


def parse_articles(body: bytes, content_type: str, limit: int) -> tuple[list[Any], bool]:
    """The JSON objects of a ``POST /articles`` body and whether it was a batch.

    A body is one JSON object, a JSON array of objects, or JSON Lines
    (``application/x-ndjson``, ``application/jsonl``).

    Raises:
        HTTPError: 400 with what is wrong.
    """
    hint = '; send {"text": "...", "title": "...", "date": "YYYY-MM-DD", "url": "..."}'
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as e:
        raise HTTPError(400, f"body is not UTF-8 ({e.reason} at byte {e.start}){hint}") from None
    lines_mode = content_type in ("application/x-ndjson", "application/jsonl", "application/json-lines")
    sources = ([(f"line {i}", ln) for i, ln in enumerate(text.splitlines(), 1) if ln.strip()]
               if lines_mode else [("body", text)])
    items: list[Any] = []
    for where, chunk in sources:
        if _json_depth(chunk) > MAX_JSON_DEPTH:
            raise HTTPError(400, f"{where}: JSON nested more than {MAX_JSON_DEPTH} levels deep{hint}")
        try:
            value = json.loads(chunk)
        except (json.JSONDecodeError, ValueError, RecursionError) as e:
            raise HTTPError(400, f"{where}: not valid JSON: {str(e)[:200]}{hint}") from None
        _check_strings(value, where)
        if isinstance(value, list) and not lines_mode:
            items.extend(value)
        else:
            items.append(value)
    batch = lines_mode or text.lstrip().startswith("[")
    if not items:
        raise HTTPError(400, f"no article in the body{hint}")
    if len(items) > limit:
        raise HTTPError(413, f"too many articles in one request ({len(items):,}; limit {limit:,}); "
                             "split the batch")
    return items, batch


async def post_articles(request: Request) -> Response:
    """``POST /articles``: extract and store one article or a batch (needs the token)."""
    import anyio
    from starlette.responses import JSONResponse

    state = _state(request)
    if state.token is None:
        return _error_json(
            "this server is read-only; restart it with 'techkg serve --token SECRET' "
            f"(or set {TOKEN_ENV}) to accept articles", 403)
    sent = request.headers.get("authorization", "")
    given = sent[7:].strip() if sent.lower().startswith("bearer ") else ""
    if not given or not hmac.compare_digest(given.encode(), state.token.encode()):
        return _error_json("missing or wrong token; send 'Authorization: Bearer TOKEN'", 401,
                           {"WWW-Authenticate": 'Bearer realm="techkg"'})
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        body = await read_body(request, state.limits.max_body_bytes)
        items, batch = parse_articles(body, ctype, state.limits.max_batch_articles)
    except HTTPError as e:
        return _error_json(e.message, e.status, e.headers)
    from techkg.read import article_from_dict

    articles = []
    for i, data in enumerate(items):
        where = f"POST /articles[{i}]" if batch else "POST /articles"
        try:
            articles.append(article_from_dict(data, where=where))
        except CorpusError as e:
            return _error_json(str(e), 400)
        except (TypeError, ValueError, AttributeError) as e:
            return _error_json(f"{where}: not an article object ({e}); send "
                               '{"text": "...", "title": "..."}', 400)

    def ingest() -> list[dict[str, Any]]:
        extractor = state.extractor()
        extractions = [extractor.extract(a) for a in articles]
        with state.write_lock:
            statuses = state.store.put_many(extractions)
            written = [str(state.store.ids.graph(ex.article.id))
                       for ex, st in zip(extractions, statuses, strict=True) if st != "unchanged"]
            state.pages.forget(state.projection.update(state.store, written))
        return [extraction_json(state.store, ex, st)
                for ex, st in zip(extractions, statuses, strict=True)]

    try:
        out = await anyio.to_thread.run_sync(ingest)
    except ModelError as e:
        return _error_json(f"the extractor could not be loaded: {e}", 503)
    except StoreError as e:
        return _error_json(str(e), 500)
    if batch:
        new = any(o["status"] == "new" for o in out)
        return JSONResponse({"articles": out}, status_code=201 if new else 200)
    return JSONResponse(out[0], status_code=201 if out[0]["status"] == "new" else 200)


# ---------------------------------------------------------------------- page data

EVIDENCE_PAGE = 50
"""Evidence sentences per page when one link is shown on its own (``/entity?iri=…&with=…``)."""


def graph_key(state: State, seeds: list[str], hops: int) -> tuple:
    """The page-cache key of a neighbourhood, or of the overview (no seeds)."""
    return ("graph", tuple(seeds), hops) if seeds else ("overview", ())


def page_ttl(state: State, seeds: list[str]) -> float:
    """How long a built neighbourhood stays fresh: the overview is redone every ``overview_ttl_s``."""
    return state.limits.cache_ttl_s if seeds else state.limits.overview_ttl_s


def cached_graph_json(state: State, seeds: list[str], hops: int) -> bytes:
    """:func:`graph_payload` as gzip-compressed JSON, through the page cache (compressed
    bytes hold a tenth of the JSON's size and a fraction of the payload's Python objects,
    and go out as they are)."""
    shown: list[str] = []

    def build() -> bytes:
        payload = graph_payload(state, seeds, hops)
        shown.extend(n["id"] for n in payload["nodes"])
        return gzip.compress(json.dumps(payload, ensure_ascii=False).encode(), GZIP_LEVEL)

    return state.pages.get(graph_key(state, seeds, hops), build, about=lambda _: shown,
                           ttl_s=page_ttl(state, seeds))


def graph_payload(state: State, seeds: list[str], hops: int) -> dict[str, Any]:
    """The explorer's vis-network payload: a neighbourhood, or the overview."""
    proj, limits = state.projection, state.limits
    if seeds:
        iris, cut = proj.expand(seeds, hops, max_nodes=limits.max_neighbourhood)
        notes = [f"Neighbourhood cut to {len(iris):,} entities (the most linked first); "
                 "double-click an entity to open its own neighbourhood."] if cut else []
        G = proj.graph(iris, max_events=limits.max_evidence)
    else:
        G, notes = proj.graph(state.overview(), max_events=limits.max_evidence), []
        if G.number_of_nodes():
            notes = [(f"Overview: the {G.number_of_nodes():,} most linked entities. "
                      "Search for a company or product to load its neighbourhood.")]
        else:
            notes = ["The store has no linked entities yet: add articles with "
                     "'techkg ingest PATH' or POST /articles."]
    payload = vis_payload(G, size_by="degree", max_evidence=limits.max_evidence, title=state.title,
                          max_nodes=limits.max_neighbourhood)
    payload["meta"]["notes"] = notes + payload["meta"]["notes"]
    payload["meta"]["focus"] = [s for s in seeds if s in G]
    payload["meta"]["hops"] = hops
    return payload


_GROUPS = {("partnership", True): "partners", ("partnership", False): "partners",
           ("release", True): "released", ("release", False): "released_by",
           ("maker", True): "makes", ("maker", False): "made_by"}
"""Entity-page section of a link, by (type, whether the entity is the link's first end)."""


def entity_data(state: State, iri: str, *, page: int = 1, other: str | None = None
                ) -> dict[str, Any] | None:
    """Everything the entity page shows, as plain data, from the projection.

    Linked entities come ``max_entity_links`` to a page, the most events first
    (then by IRI: a stable order); each link shows its first ``max_evidence``
    evidence sentences by date. With ``other``, only the links to that entity,
    with all their evidence, ``EVIDENCE_PAGE`` sentences to a page.
    """
    proj, limits = state.projection, state.limits
    if not iri or iri not in proj:
        return None
    attrs = proj.node(iri)
    by_other: dict[str, list[tuple[str, str, str]]] = {}
    for link in proj.links(iri):
        by_other.setdefault(link[1] if link[0] == iri else link[0], []).append(link)
    weight = {o: sum(proj.weight(k) for k in ks) for o, ks in by_other.items()}
    order = sorted(by_other, key=lambda o: (-weight[o], o))
    if other is not None:
        order = [o for o in order if o == other]
        per_page, ev_from, ev_n = 1, (page - 1) * EVIDENCE_PAGE, EVIDENCE_PAGE
        page_links = order
    else:
        per_page, ev_from, ev_n = limits.max_entity_links, 0, limits.max_evidence
        page_links = order[(page - 1) * per_page: page * per_page]

    def name(n: str) -> str:
        a = proj.node(n)
        return str(a.get("label_zh") or a.get("label") or n.rsplit("/", 1)[-1])

    groups: dict[str, list[dict[str, Any]]] = {g: [] for g in dict.fromkeys(_GROUPS.values())}
    for o in page_links:
        o_attrs = proj.node(o)
        o_name = str(o_attrs.get("label_zh") or o_attrs.get("label") or o.rsplit("/", 1)[-1])
        for link in by_other[o]:
            d = proj.edge(link)
            evidence = d["evidence"]
            groups[_GROUPS[(link[2], link[0] == iri)]].append({
                "iri": o, "name": o_name, "type": o_attrs.get("type", ""),
                "weight": d["weight"], "confidence": d["confidence"],
                "first_date": d["first_date"], "last_date": d["last_date"],
                "evidence_total": len(evidence),
                "evidence": [{**e, "url": safe_url(e.get("url"))}
                             for e in evidence[ev_from:ev_from + ev_n]],
            })
    for items in groups.values():
        items.sort(key=lambda x: (-(x["weight"] or 0), x["name"]))
    evidence_total = max((x["evidence_total"] for g in groups.values() for x in g), default=0)
    return {
        "iri": iri,
        "label": attrs.get("label"),
        "label_zh": attrs.get("label_zh"),
        "name": name(iri),
        "type": attrs.get("type"),
        "key": attrs.get("key"),
        "aliases": attrs.get("aliases") or [],
        "labels": [{"lang": lang, "text": text} for lang, text in proj.labels(iri)],
        "articles": attrs.get("articles"),
        "first_seen": attrs.get("first_seen"),
        "last_seen": attrs.get("last_seen"),
        "maker": attrs.get("maker"),
        "maker_name": name(attrs["maker"]) if attrs.get("maker") else None,
        "links_total": len(order) if other is None else len(by_other),
        "links_shown": len(page_links),
        "page": page,
        "pages": max(1, -(-len(order) // per_page)) if other is None
        else max(1, -(-evidence_total // EVIDENCE_PAGE)),
        "with": other,
        "with_name": name(other) if other is not None and other in by_other else None,
        "max_evidence": limits.max_evidence,
        "max_links": per_page,
        **groups,
    }


def extraction_json(store: Any, ex: Any, status: str) -> dict[str, Any]:
    """What ``POST /articles`` answers for one article."""
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
