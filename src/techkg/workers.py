"""Run the extractor over a stream of articles: in this process, in worker processes, or on Dask.

Every runner yields one result per article, in input order: an
:class:`~techkg.records.Extraction`, or an
:class:`~techkg.records.ExtractionFailed` for an article that could not be
extracted (the others go on). Workers load the pipeline once each and send
back plain records, never spaCy Docs; the caller stays the only writer, so
idempotence and per-article atomicity are exactly those of a single process.

Articles travel in chunks; a bounded window of chunks is in flight, so memory
stays flat however long the input, and the writer stores results while the
workers extract the next chunks.

>>> from techkg.records import Article
>>> class Upper:  # any object with pipe(articles, batch_size) will do
...     def pipe(self, articles, batch_size=32):
...         from techkg.records import Extraction
...         for a in articles:
...             if "坏" in a.text:
...                 raise ValueError("cannot read this one")
...             yield Extraction(a, (), ())
>>> arts = [Article(id=str(i), text=t) for i, t in enumerate(["好", "坏", "好"])]
>>> [type(r).__name__ for r in extract_stream(Upper(), arts, batch_size=3)]
['Extraction', 'ExtractionFailed', 'Extraction']
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from typing import Any, Protocol

from techkg.errors import ModelError, TechKGError, UsageError, WorkerLost
from techkg.records import Article, Extraction, ExtractionFailed

CHUNK = 8  # articles per task: big enough to amortise the trip, small enough to balance
WINDOW_PER_WORKER = 3  # chunks in flight per worker: one running, the next ones queued
DASK_RETRIES = 2  # a failed Dask task is tried this many more times before it is split up
TASK_TIMEOUT = 900  # seconds a chunk may take before it counts as lost (a cluster with no workers left)

ExtractResult = Extraction | ExtractionFailed


class SupportsPipe(Protocol):
    """An extractor run in this process (:class:`techkg.extract.Extractor`)."""

    def pipe(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Extraction]: ...


class SupportsStream(Protocol):
    """A runner that spreads extraction over workers (:class:`ProcessExtractor`, :class:`DaskExtractor`)."""

    def stream(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[ExtractResult]: ...


def extract_stream(
    extractor: SupportsPipe | SupportsStream, articles: Iterable[Article], batch_size: int = 32
) -> Iterator[ExtractResult]:
    """Results for ``articles`` in order, from a worker runner or a plain extractor.

    A plain extractor runs here, ``batch_size`` articles at a time, through
    :func:`techkg.extract.extract_batch` (which isolates failing articles).
    """
    if hasattr(extractor, "stream"):
        return extractor.stream(articles, batch_size)
    from techkg.extract import extract_batch

    return (r for chunk in _chunks(articles, batch_size) for r in extract_batch(extractor, chunk, batch_size))


# One extractor per worker process, keyed by how it was made (a Dask worker may serve several runs).
_EXTRACTORS: dict[tuple, SupportsPipe] = {}

Factory = Callable[..., SupportsPipe]


def _default_factory(**options: Any) -> SupportsPipe:
    from techkg.extract import Extractor

    return Extractor(**options)


def _worker_extractor(factory: Factory, options: dict[str, Any]) -> SupportsPipe:
    key = (factory, *sorted((k, tuple(v) if isinstance(v, list | tuple) else v) for k, v in options.items()))
    if key not in _EXTRACTORS:
        extractor = factory(**options)
        _ = getattr(extractor, "nlp", None)  # load now: a broken model fails here, not per article
        _EXTRACTORS[key] = extractor
    return _EXTRACTORS[key]


def load_worker(factory: Factory, options: dict[str, Any]) -> None:
    """Load this worker's pipeline now (returns nothing: a pipeline does not travel)."""
    _worker_extractor(factory, options)


def extract_chunk(articles: list[Article], factory: Factory, options: dict[str, Any]) -> list[ExtractResult]:
    """The task a worker runs: extract a chunk with this process's pipeline."""
    from techkg.extract import extract_batch

    return extract_batch(_worker_extractor(factory, options), articles, max(1, len(articles)))


def die_with_parent(parent: int) -> None:
    """Worker initializer: end this worker when the process that started it dies.

    A writer killed with SIGKILL cannot stop its pool; without this, its idle
    workers would stay behind holding a loaded pipeline each (Linux: the
    kernel's parent-death signal; elsewhere the pool's own shutdown only).
    """
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(0)


def _failed(article: Article, error: BaseException) -> ExtractionFailed:
    from techkg.extract import failure_message

    err = error if isinstance(error, Exception) else RuntimeError(repr(error))
    return ExtractionFailed(article, failure_message(article, "extraction failed", err))


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while chunk := list(islice(it, size)):
        yield chunk


def ordered_map(
    chunks: Iterable[list[Article]],
    submit: Callable[[list[Article]], Any],
    window: int,
    recover: Callable[[list[Article], BaseException], list[ExtractResult]],
) -> Iterator[ExtractResult]:
    """Run ``submit(chunk)`` with at most ``window`` chunks in flight; yield results in order.

    ``submit`` returns a future (``concurrent.futures`` or ``dask.distributed``:
    both have ``result()``). When a chunk's future fails, ``recover(chunk, error)``
    gives its results instead.
    """
    pending: deque[tuple[list[Article], Any]] = deque()
    for chunk in chunks:
        pending.append((chunk, submit(chunk)))
        if len(pending) >= window:
            yield from _collect(*pending.popleft(), recover)
    while pending:
        yield from _collect(*pending.popleft(), recover)


def _collect(chunk: list[Article], future: Any, recover) -> list[ExtractResult]:
    try:
        return future.result(timeout=TASK_TIMEOUT)
    except ModelError:
        raise
    except Exception as e:  # noqa: BLE001 - a lost worker or task: recover that chunk only
        return recover(chunk, e)


def default_jobs() -> int:
    """Worker processes by default: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class ProcessExtractor:
    """Extraction in ``jobs`` worker processes on this machine.

    Args:
        jobs: worker processes (:func:`default_jobs` when None).
        chunk: articles per task.
        factory: builds the extractor in each worker from ``options``; a
            picklable top-level callable (default: :class:`techkg.extract.Extractor`).
        **options: passed to the factory (``lexicon``, ``user_lexicons``, ``use_model``).

    A worker that dies (killed, out of memory, a crash in native code) costs
    only its chunk a retry: each of its articles is tried alone in a fresh
    pool, and the one that kills it again is reported.
    """

    def __init__(self, jobs: int | None = None, *, chunk: int = CHUNK,
                 factory: Factory = _default_factory, **options: Any) -> None:
        self.jobs = default_jobs() if jobs is None else jobs
        if self.jobs < 1:
            raise UsageError(f"--jobs must be at least 1, got {self.jobs}")
        self.chunk = chunk
        self.task = (factory, options)
        self._pool = None

    @property
    def pool(self):
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # spawn, not fork: ONNX Runtime's threads do not survive a fork safely
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=die_with_parent, initargs=(os.getpid(),))
        return self._pool

    def load_here(self) -> None:
        """Load the pipeline in this process, which extracts inputs too small for the workers."""
        _worker_extractor(*self.task)

    def warm_up(self) -> None:
        """Start the workers and load the pipeline in each now (a broken model is one clear error)."""
        for f in [self.pool.submit(load_worker, *self.task) for _ in range(self.jobs)]:
            f.result()

    def stream(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[ExtractResult]:
        """Extract many articles in the worker processes, streaming, in input order.

        An input that ends before it would give every worker a chunk (a few new
        articles, the everyday case) is extracted in this process instead:
        starting the workers would cost more than it saves.
        ``batch_size`` is the caller's; workers take chunks of ``self.chunk``.
        """
        it = iter(articles)
        head = list(islice(it, self.jobs * self.chunk))
        if len(head) < self.jobs * self.chunk and self._pool is None:
            from techkg.extract import extract_batch

            yield from extract_batch(_worker_extractor(*self.task), head, max(1, len(head)))
            return

        def submit(chunk: list[Article]):
            return self.pool.submit(extract_chunk, chunk, *self.task)

        yield from ordered_map(_chunks(chain(head, it), self.chunk), submit,
                               self.jobs * WINDOW_PER_WORKER, self._recover)

    def _recover(self, chunk: list[Article], error: BaseException) -> list[ExtractResult]:
        from concurrent.futures.process import BrokenProcessPool

        if not isinstance(error, BrokenProcessPool):
            return [_failed(a, error) for a in chunk]
        out: list[ExtractResult] = []
        self._drop_pool()  # broken: the next submit starts a fresh one
        for a in chunk:
            try:
                out.extend(self.pool.submit(extract_chunk, [a], *self.task).result())
            except BrokenProcessPool:
                out.append(_failed(a, WorkerLost("the worker process died on this article")))
                self._drop_pool()
        return out

    def _drop_pool(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = None

    def close(self) -> None:
        """Stop the worker processes."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> ProcessExtractor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class DaskExtractor:
    """Extraction on the workers of a Dask cluster (``dask.distributed``).

    Args:
        address: ``tcp://HOST:8786`` of a running scheduler, or ``local`` for a
            ``LocalCluster`` of ``workers`` processes on 127.0.0.1.
        workers: worker processes of the local cluster (:func:`default_jobs` when None).
        chunk: articles per task.
        factory: builds the extractor on each worker (see :class:`ProcessExtractor`).
        **options: passed to the factory.

    A failed task is retried ``DASK_RETRIES`` times; then its articles are sent
    one by one, and those that still fail are reported per article.
    """

    def __init__(self, address: str, *, workers: int | None = None, chunk: int = CHUNK,
                 factory: Factory = _default_factory, **options: Any) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as e:
            raise TechKGError("--dask needs dask.distributed: pip install 'techkg[dask]'") from e
        self.task = (factory, options)
        self.chunk = chunk
        self.client = None
        self._cluster = None
        try:
            if address == "local":
                self._cluster = LocalCluster(n_workers=workers or default_jobs(), threads_per_worker=1,
                                             processes=True, host="127.0.0.1",
                                             dashboard_address="127.0.0.1:0")  # loopback only
                self.client = Client(self._cluster)
            else:
                self.client = Client(address, timeout="10s")
        except (OSError, TimeoutError) as e:
            self.close()
            raise TechKGError(f"cannot reach the Dask scheduler at {address} ({e}); start one "
                              "('dask scheduler', then 'dask worker ADDRESS') or use --dask local") from e
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def warm_up(self) -> None:
        """Load the pipeline on every worker now."""
        self.client.run(load_worker, *self.task)

    def stream(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[ExtractResult]:
        """Extract many articles on the cluster, streaming, in input order (chunks of ``self.chunk``)."""
        return ordered_map(_chunks(articles, self.chunk), self._submit,
                           self.workers * WINDOW_PER_WORKER, self._recover)

    def _submit(self, chunk: list[Article]):
        return self.client.submit(extract_chunk, chunk, *self.task, retries=DASK_RETRIES, pure=False)

    def _recover(self, chunk: list[Article], error: BaseException) -> list[ExtractResult]:
        if len(chunk) == 1 or isinstance(error, TimeoutError):  # lost: sending it again would wait again
            return [_failed(a, error) for a in chunk]
        out: list[ExtractResult] = []
        for a in chunk:
            out.extend(_collect([a], self._submit([a]), self._recover))
        return out

    def close(self) -> None:
        """Disconnect; a local cluster is shut down."""
        if self.client is not None:
            self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self) -> DaskExtractor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
