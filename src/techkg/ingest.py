"""Read → extract → store, streaming, idempotent, with a summary.

:func:`ingest` reads articles (files, folders, globs, stdin), skips the ones
whose content hash the store already holds *before* extracting them, runs the
extractor over the rest in batches, and writes each batch of article graphs in
one Oxigraph transaction (each article is in completely or not at all). An
input that cannot be read or extracted is counted as failed, with a message
naming the file and line; the others still go in.

Time is split into reading, extraction and storage, so the benchmark (and the
summary) can say where it goes.

>>> import io
>>> from techkg.store import GraphStore
>>> class Nothing:  # a stand-in extractor that finds nothing
...     def pipe(self, articles, batch_size=32):
...         from techkg.records import Extraction
...         return (Extraction(a, (), ()) for a in articles)
>>> store = GraphStore.open(None)
>>> jsonl = io.StringIO('{"id": "a1", "text": "輝達與台積電合作。"}\\n{"title": "壞行"}\\n')
>>> s = ingest(["-"], store, extractor=Nothing(), stdin=jsonl)
>>> (s.read, s.new, s.failed)
(1, 1, 1)
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from itertools import chain
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from techkg.errors import CorpusError, TechKGError
from techkg.extract import failure_message
from techkg.records import Article, Extraction, ExtractionFailed
from techkg.store import GraphStore
from techkg.workers import SupportsPipe, SupportsStream, extract_stream

if TYPE_CHECKING:
    from techkg.read.web import Fetcher


@dataclass
class IngestSummary:
    """Counts and timings of one ingest run.

    Attributes:
        read: articles read successfully.
        new / updated / unchanged: what the store reported per article.
        failed: inputs that could not be read, extracted or stored.
        entities / relations: extracted in this run (new and updated articles).
        chars: characters of text extracted in this run.
        seconds: wall time; ``read_s``, ``extract_s`` and ``store_s`` split it.
        errors: one message per failure (file, line, what to do).
        notes: one message per input that was stored but deserves a look: it
            replaced an article read from another file, or shares its URL
            with an article of another id.
    """

    read: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    entities: int = 0
    relations: int = 0
    chars: int = 0
    seconds: float = 0.0
    read_s: float = 0.0
    extract_s: float = 0.0
    store_s: float = 0.0
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return self.failed == 0

    def as_dict(self) -> dict[str, Any]:
        """Plain dict (for JSON output and benchmarks)."""
        d = asdict(self)
        for k in ("seconds", "read_s", "extract_s", "store_s"):
            d[k] = round(d[k], 3)
        return d

    def line(self) -> str:
        """One-line human summary.

        >>> IngestSummary(read=3, new=2, unchanged=1, seconds=1.5).line()
        'read 3, new 2, updated 0, unchanged 1, failed 0; entities 0, relations 0; 1.5 s (extract 0.0 s, store 0.0 s)'
        """
        notes = f", {len(self.notes)} note(s)" if self.notes else ""
        return (
            f"read {self.read}, new {self.new}, updated {self.updated}, unchanged {self.unchanged}, "
            f"failed {self.failed}{notes}; entities {self.entities}, relations {self.relations}; "
            f"{self.seconds:.1f} s (extract {self.extract_s:.1f} s, store {self.store_s:.1f} s)"
        )


def _timed(items: Iterable[Any], summary: IngestSummary) -> Iterator[Any]:
    """Iterate, adding the time spent producing each item to ``summary.read_s``."""
    it = iter(items)
    while True:
        t = time.perf_counter()
        try:
            item = next(it)
        except StopIteration:
            summary.read_s += time.perf_counter() - t
            return
        summary.read_s += time.perf_counter() - t
        yield item


def ingest_articles(
    items: Iterable[Article | CorpusError],
    store: GraphStore,
    *,
    extractor: SupportsPipe | SupportsStream | None = None,
    batch_size: int = 32,
    force: bool = False,
    on_progress: Callable[[IngestSummary], None] | None = None,
    on_error: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Ingest already-read articles (and reader errors) into ``store``.

    Articles flow read → status check → extract → store as one stream; with a
    worker runner (:class:`techkg.workers.ProcessExtractor`,
    :class:`techkg.workers.DaskExtractor`) the workers extract ahead while
    this process stores, and this process stays the only writer.

    Args:
        items: articles, and :class:`CorpusError` values for inputs that failed to read.
        store: an open, writable store.
        extractor: an object with ``pipe(articles, batch_size)`` run here, or a
            worker runner with ``stream(articles)``; a default
            :class:`techkg.extract.Extractor` is built when None.
        batch_size: articles per extraction batch and per store transaction.
        force: re-extract and rewrite articles whose content did not change.
        on_progress: called after every batch with the running summary.
        on_error: called with each failure message as it happens.

    Returns:
        The summary of the run.
    """
    if batch_size < 1:
        raise TechKGError(f"batch size must be at least 1, got {batch_size}")
    if extractor is None:
        from techkg.extract import Extractor

        extractor = Extractor()
    summary = IngestSummary()
    start = time.perf_counter()
    in_flight: dict[str, str] = {}  # id -> content hash of articles read but not yet stored
    pulled = [0.0]  # seconds spent reading and checking inside the extraction stream

    def fail(message: str) -> None:
        summary.failed += 1
        summary.errors.append(message)
        if on_error:
            on_error(message)

    sources = _Sources(store)

    def admit(item: Article | CorpusError) -> bool:
        """Count and check one input; True when it needs extracting."""
        if isinstance(item, CorpusError):
            fail(str(item))
            return False
        summary.read += 1
        t = time.perf_counter()
        try:  # anything about this one article may fail: it fails alone
            if not force and in_flight.get(item.id) == item.content_hash:
                status = "unchanged"  # the same article twice in one run
            else:
                status = store.status(item)
            if status != "unchanged" or force:
                summary.notes.extend(sources.notes(item, status))
        except Exception as e:  # noqa: BLE001 - reported with its file and line, the run goes on
            fail(failure_message(item, "could not be checked against the store", e))
            return False
        finally:
            summary.store_s += time.perf_counter() - t
        if status == "unchanged" and not force:
            summary.unchanged += 1
            if on_progress and summary.read % batch_size == 0:
                on_progress(summary)
            return False
        in_flight[item.id] = item.content_hash
        return True

    def to_extract() -> Iterator[Article]:
        for item in _timed(items, summary):
            t = time.perf_counter()
            wanted = admit(item)
            pulled[0] += time.perf_counter() - t
            if wanted:
                yield item

    def flush(batch: list[Extraction]) -> None:
        t = time.perf_counter()
        _store(store, batch, force, summary, fail)
        summary.store_s += time.perf_counter() - t
        for ex in batch:
            in_flight.pop(ex.article.id, None)
        batch.clear()
        if on_progress:
            on_progress(summary)

    results = extract_stream(extractor, to_extract(), batch_size)
    batch: list[Extraction] = []
    while True:
        t, before = time.perf_counter(), pulled[0] + summary.read_s
        result = next(results, None)
        summary.extract_s += time.perf_counter() - t - (pulled[0] + summary.read_s - before)
        if result is None:
            break
        if isinstance(result, ExtractionFailed):
            in_flight.pop(result.article.id, None)
            fail(result.message)
            continue
        summary.chars += len(result.article.text)
        batch.append(result)
        if len(batch) >= batch_size:
            flush(batch)
    if batch:
        flush(batch)
    summary.seconds = time.perf_counter() - start
    return summary


def _where(article: Article) -> str:
    """Where an article came from, for messages: ``file:line``, the file, or its id."""
    return article.path or article.id


class _Sources:
    """Where this run's articles came from, to say when one replaces or shadows another.

    Two cases deserve a note in the summary (the article is still stored):

    * an article replaces one read from another file (same id, other origin),
      in this run or in the store;
    * a new article is already stored under another id (the same file named
      another way on the command line);
    * an article shares its URL (after normalisation) with an article of
      another id: both are kept, an explicit id wins over the URL.
    """

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.origins: dict[str, str | None] = {}  # id → origin, this run
        self.urls: dict[str, str] = {}  # normal URL → first id, this run

    def notes(self, article: Article, status: str) -> list[str]:
        from techkg.read.fields import normalize_url

        out = []
        where, aid = _where(article), article.id
        if aid in self.origins:
            before = self.origins[aid]
            if before != article.origin:
                out.append(f"{where}: article '{aid}' replaces the one read from "
                           f"{before or 'stdin'} earlier in this run; {_GIVE_ID}")
        elif status == "updated":
            before = self.store.origin(aid)
            if before is not None and before != article.origin:
                out.append(f"{where}: article '{aid}' replaces the one read from {before}; {_GIVE_ID}")
        elif status == "new" and article.origin:
            twins = [i for i in self.store.ids_with_content(article.origin, article.content_hash) if i != aid]
            if twins:
                named = ", ".join(f"'{i}'" for i in twins)
                out.append(f"{where}: stored as article '{aid}', but this file is already stored as "
                           f"article {named} (the id comes from the path relative to what was named "
                           f"on the command line); remove one with 'techkg remove ID'")
        self.origins[aid] = article.origin
        if article.url:
            normal = normalize_url(article.url)
            owner = self.urls.setdefault(normal, aid)
            others = [owner] if owner != aid else []
            if not others:
                others = [i for i in self.store.ids_with_url(article.url) if i != aid]
            if others:
                named = ", ".join(f"'{i}'" for i in others)
                out.append(f"{where}: article '{aid}' has the same URL as article {named} "
                           f"({article.url}); both are kept (an explicit id wins), remove one with "
                           f"'techkg remove ID' if they are the same article")
        return out


_GIVE_ID = "if both should stay, give them distinct ids ('id:' in the front matter or JSON)"


def _store(
    store: GraphStore,
    extractions: list[Extraction],
    force: bool,
    summary: IngestSummary,
    fail: Callable[[str], None],
) -> None:
    if not extractions:
        return
    try:
        pairs = list(zip(extractions, store.put_many(extractions, force=force), strict=True))
    except Exception:  # noqa: BLE001 - one bad article must not keep the others out
        pairs = []
        for ex in extractions:
            try:
                pairs.append((ex, store.put(ex, force=force)))
            except Exception as e:  # noqa: BLE001 - reported with its file and line
                fail(failure_message(ex.article, "storing failed", e))
    for ex, status in pairs:
        setattr(summary, status, getattr(summary, status) + 1)
        if status != "unchanged":
            summary.entities += len(ex.entities)
            summary.relations += len(ex.relations)


def ingest(
    paths: Sequence[str | Path],
    store: GraphStore,
    *,
    extractor: SupportsPipe | SupportsStream | None = None,
    stdin: IO[Any] | None = None,
    max_bytes: int | None = None,
    batch_size: int = 32,
    force: bool = False,
    on_progress: Callable[[IngestSummary], None] | None = None,
    on_error: Callable[[str], None] | None = None,
    fetcher: Fetcher | None = None,
    more: Iterable[Article | CorpusError] = (),
) -> IngestSummary:
    """Read files, folders (recursive), globs, ``-`` (stdin) or web pages and ingest every article.

    Args:
        paths: what to read (see :func:`techkg.read.read_articles`).
        store: an open, writable store.
        extractor: the extractor (default :class:`techkg.extract.Extractor`).
        stdin: the stream ``-`` reads.
        max_bytes: largest file read (default: the reader's).
        batch_size: articles per extraction batch and per transaction.
        force: re-extract unchanged articles too.
        on_progress: progress callback (see :func:`ingest_articles`).
        on_error: failure callback.
        fetcher: fetches the web pages named in ``paths`` (see :mod:`techkg.read.web`).
        more: further articles (and errors) ingested after ``paths``, such as
            :meth:`techkg.feeds.FeedReader.read_all`.

    Returns:
        The summary; ``summary.ok`` is False when some input failed.
    """
    from techkg.read import read_articles

    kwargs: dict[str, Any] = {"stdin": stdin, "fetcher": fetcher}
    if max_bytes is not None:
        kwargs["max_bytes"] = max_bytes
    return ingest_articles(
        chain(read_articles(list(paths), **kwargs), more),
        store,
        extractor=extractor,
        batch_size=batch_size,
        force=force,
        on_progress=on_progress,
        on_error=on_error,
    )
