"""Evaluate queries in worker processes that can be killed and cannot reach the network.

Oxigraph cannot cancel a running query, so a query past its time limit would
keep a thread (and a server slot) busy for as long as it likes. Instead, a
query with a time limit on an on-disk store runs in a worker process that
has the store open read-only; past the limit the worker is killed and a
fresh one started, so the slot is free again at once. A query that crashes
the parser or the engine takes only its worker down.

Workers started with ``network=False`` install a seccomp filter (Linux
x86-64 and arm64) that makes every ``socket(AF_INET|AF_INET6, …)`` call fail,
before they import anything: whatever the query text says, Oxigraph's
``SERVICE`` client cannot open a connection. Elsewhere the text checks in
:mod:`techkg.sparql.guard` are the only barrier (the docs say so).

Workers see writes: each job carries the store's write generation and a
worker reopens its read-only view when the generation moved. An in-memory
store (tests, doctests) cannot be opened twice: its workers get a copy of
its quads (N-Quads) with the first job of each generation.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import logging
import multiprocessing
import platform
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from techkg.errors import QueryError, QueryTimeout, QueryTooLarge, QueryUnavailable

# Linux seccomp constants (linux/seccomp.h, linux/filter.h, linux/audit.h).
_PR_SET_NO_NEW_PRIVS, _PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 38, 22, 2
_RET_ALLOW, _RET_ERRNO = 0x7FFF0000, 0x00050000
_LD_W_ABS, _JEQ_K, _RET_K = 0x20, 0x15, 0x06
STARTUP_S = 60.0
"""How long a new worker may take to start (imports, opening the store)."""
_ARCHES = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198)}  # audit arch, __NR_socket


class _SockFilter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte), ("jf", ctypes.c_ubyte),
                ("k", ctypes.c_uint)]


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_SockFilter))]


#: Tries of a query whose store view lost files to the writer's compaction, and the pause
#: before the next (times the try number); after the last the query is "unavailable" (503).
STORE_ATTEMPTS = 3
STORE_RETRY_S = 0.05

def deny_network() -> bool:
    """Make this process unable to create IPv4/IPv6 sockets (seccomp). True when installed.

    Unix sockets and pipes keep working; on other systems nothing changes
    and False is returned.
    """
    arch = _ARCHES.get(platform.machine())
    if arch is None or not hasattr(ctypes, "CDLL"):
        return False
    audit_arch, nr_socket = arch
    program = [
        (_LD_W_ABS, 0, 0, 4), (_JEQ_K, 0, 5, audit_arch),      # other ABI → allow
        (_LD_W_ABS, 0, 0, 0), (_JEQ_K, 0, 3, nr_socket),       # not socket() → allow
        (_LD_W_ABS, 0, 0, 16),                                 # args[0]: the domain
        (_JEQ_K, 2, 0, socket.AF_INET), (_JEQ_K, 1, 0, socket.AF_INET6),
        (_RET_K, 0, 0, _RET_ALLOW),
        (_RET_K, 0, 0, _RET_ERRNO | errno.EACCES),
    ]
    filters = (_SockFilter * len(program))(*(_SockFilter(*p) for p in program))
    prog = _SockFprog(len(program), filters)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            return False
        return libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0) == 0
    except (OSError, AttributeError):
        return False


@dataclass(frozen=True)
class Job:
    """One query for a worker."""

    sparql: str
    prefixes: dict[str, str]
    max_rows: int | None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    generation: Any = 0
    data: bytes | None = None  # the whole store as N-Quads (in-memory stores)


def evaluate(store: Any, job: Job) -> tuple[str, Any]:
    """Run a job on a pyoxigraph store: ``("boolean", bool)``, ``("solutions", json)`` or
    ``("graph", n-triples)``, stopping with :class:`QueryTooLarge` past ``max_rows``."""
    import json

    import pyoxigraph as ox

    from techkg.sparql.formats import term_json

    kwargs: dict[str, Any] = {"prefixes": job.prefixes}
    try:
        if job.default_graphs:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
        if job.named_graphs:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    except ValueError as e:
        raise QueryError(f"bad default-graph-uri or named-graph-uri: {e}") from None
    res = store.query(job.sparql, **kwargs)
    if isinstance(res, ox.QueryBoolean):
        return "boolean", bool(res)
    cap = job.max_rows
    if isinstance(res, ox.QuerySolutions):
        names = [v.value for v in res.variables]
        bindings = []
        for sol in res:
            if cap is not None and len(bindings) >= cap:
                raise too_large(cap, "rows")
            bindings.append({n: term_json(sol[n]) for n in names if sol[n] is not None})
        doc = {"head": {"vars": names}, "results": {"bindings": bindings}}
        return "solutions", json.dumps(doc, ensure_ascii=False).encode("utf-8")
    triples = []
    for t in res:
        if cap is not None and len(triples) >= cap:
            raise too_large(cap, "triples")
        triples.append(t)
    return "graph", ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)


def too_large(cap: int, what: str) -> QueryTooLarge:
    """The error for a result with more than ``cap`` rows or triples."""
    return QueryTooLarge(
        f"result size limit exceeded: more than {cap:,} {what}; add LIMIT {cap} "
        "(and OFFSET to page), or raise the limit ('techkg serve --max-rows N')"
    )


def _main(conn: Any, path: str | None, network: bool) -> None:
    """A worker's loop: open the store read-only, answer jobs until the pipe closes."""
    sandboxed = deny_network() if not network else False
    import pyoxigraph as ox

    store, generation = None, None
    if path is not None:
        with contextlib.suppress(OSError):
            store = ox.Store.read_only(path)
    conn.send(("ready", sandboxed))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        reply: tuple[str, ...]
        for attempt in range(1, STORE_ATTEMPTS + 1):
            try:
                if job.data is not None:
                    store, generation = ox.Store(), job.generation
                    store.load(job.data, format=ox.RdfFormat.N_QUADS)
                elif store is None or job.generation != generation:
                    store = ox.Store.read_only(path)
                generation = job.generation
                reply = ("ok", *evaluate(store, job))
            except SyntaxError as e:
                reply = ("syntax", str(e))
            except QueryError as e:
                reply = (type(e).__name__, str(e))
            except (OSError, RuntimeError, ValueError) as e:
                reply = ("error", f"SPARQL query failed: {e}")
                # files compacted away under the view by the writer (RocksDB words it "IO error"
                # or "No such file"): the store's fault, not the query's; reopen and try again
                if isinstance(e, OSError) or "IO error" in str(e) or "No such file" in str(e):
                    store = None
                    reply = ("QueryUnavailable", f"the store changed under the query ({e}); retry")
                    if attempt < STORE_ATTEMPTS:
                        time.sleep(STORE_RETRY_S * attempt)
                        continue
            break
        try:
            conn.send(reply)
        except (OSError, ValueError):
            return


_WARNED: list[bool] = []  # the no-sandbox warning, once per process
log = logging.getLogger("techkg.sparql")


class _Worker:
    def __init__(self, path: Path | None, network: bool) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.network = network
        self.conn, child = ctx.Pipe()
        self.generation: Any = None  # of the store copy it holds (in-memory stores)
        self.jobs = 0  # queries answered
        self._ready = False
        self.process = ctx.Process(target=_main, args=(child, path and str(path), network),
                                   name="techkg-query", daemon=True)
        self.process.start()
        child.close()

    def ready(self, timeout_s: float = STARTUP_S) -> None:
        """Wait for the worker's start-up message (imports, store opened).

        Raises:
            QueryError: the worker did not start.
        """
        if self._ready:
            return
        if not self.conn.poll(timeout_s):
            raise QueryError(f"the query worker did not start within {timeout_s:g} s; retry")
        word, sandboxed = self.conn.recv()
        if word != "ready":
            raise QueryError(f"the query worker sent {word!r} instead of starting")
        if not sandboxed and not self.network and not _WARNED:
            _WARNED.append(True)
            log.warning("query workers could not drop network access on this system "
                        "(seccomp needs Linux x86-64 or arm64): SERVICE is refused by the "
                        "text check only")
        self._ready = True

    def kill(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.process.kill()
            self.process.join(5)
        self.conn.close()


class WorkerPool:
    """Query workers over one on-disk store; see the module doc.

    Args:
        path: the store directory; None for an in-memory store, then ``dump``.
        dump: the store's quads as N-Quads (in-memory stores).
        network: let queries open network connections (``SERVICE``).
        idle: how many idle workers to keep ready.
    """

    def __init__(self, path: Path | None, *, dump: Callable[[], bytes] | None = None,
                 network: bool = False, idle: int = 2) -> None:
        self.path = path
        self.dump = dump
        self._dumped: tuple[Any, bytes] | None = None
        self.network = network
        self.keep = idle
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()
        self._closed = False
        self._last_run = time.monotonic()

    def warm(self) -> None:
        """Start idle workers now (in the background), so the first queries do not wait."""
        threading.Thread(target=self._refill, name="techkg-pool-warm", daemon=True).start()

    def _refill(self) -> None:
        while True:
            with self._lock:
                if self._closed or len(self._idle) >= self.keep:
                    return
            worker = _Worker(self.path, self.network)
            with contextlib.suppress(QueryError, EOFError, OSError):
                worker.ready()
            with self._lock:
                spare = self._closed or len(self._idle) >= self.keep  # another refill was quicker
                if not spare:
                    self._idle.append(worker)
            if spare:
                worker.kill()
                return

    def _take(self) -> _Worker:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        return _Worker(self.path, self.network)

    def _give(self, worker: _Worker) -> None:
        with self._lock:
            if not self._closed and len(self._idle) < self.keep:
                self._idle.append(worker)
                return
        worker.kill()

    def run(self, job: Job, timeout_s: float) -> tuple[str, Any]:
        """Evaluate ``job`` in a worker; kill the worker when ``timeout_s`` passes.

        Raises:
            QueryTimeout: the time limit passed (the worker is gone, the slot free).
            SyntaxError: Oxigraph's parser refused the query.
            QueryTooLarge, QueryError: as the worker reports.
        """
        worker = self._take()
        self._last_run = time.monotonic()
        worker.jobs += 1
        try:
            worker.ready()
        except (QueryError, EOFError, OSError) as e:
            worker.kill()
            self.warm()
            raise QueryUnavailable(f"the query worker could not start ({type(e).__name__} {e}); "
                                   "retry in a moment") from None
        if self.path is None and worker.generation != job.generation:
            job = replace(job, data=self._data(job.generation))
        try:
            worker.conn.send(job)
            worker.generation = job.generation
            if not worker.conn.poll(timeout_s):
                raise QueryTimeout.after(timeout_s)
            reply = worker.conn.recv()
        except QueryTimeout:
            worker.kill()
            self.warm()
            raise
        except (EOFError, OSError) as e:
            worker.kill()
            self.warm()
            raise QueryUnavailable(f"the query stopped its worker process ({type(e).__name__}); "
                                   "retry, or simplify the query") from None
        self._give(worker)
        status, *rest = reply
        if status == "ok":
            return rest[0], rest[1]
        message = rest[0]
        if status == "syntax":
            raise SyntaxError(message)  # the store words it with line, column and caret
        error = {"QueryTooLarge": QueryTooLarge, "QueryTimeout": QueryTimeout,
                 "QueryUnavailable": QueryUnavailable}.get(status, QueryError)
        raise error(message)

    def recycle(self, idle_s: float) -> int:
        """Replace the idle workers that have answered queries with fresh ones, once no query
        ran for ``idle_s`` seconds: what queries left in a worker (RocksDB caches, result
        buffers) goes back to the system. Returns how many were replaced."""
        with self._lock:
            if self._closed or time.monotonic() - self._last_run < idle_s:
                return 0
            used = [w for w in self._idle if w.jobs]
            self._idle = [w for w in self._idle if not w.jobs]
        for w in used:
            w.kill()
        if used:
            self._refill()
        return len(used)

    def _data(self, generation: Any) -> bytes:
        with self._lock:
            if self._dumped is None or self._dumped[0] != generation:
                assert self.dump is not None, "an in-memory pool needs a dump function"
                self._dumped = (generation, self.dump())
            return self._dumped[1]

    def close(self) -> None:
        """Stop every idle worker (busy ones stop when their query returns)."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for w in idle:
            w.kill()
