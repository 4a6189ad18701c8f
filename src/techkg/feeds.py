"""RSS and Atom feeds: every new item becomes an article (parsed with feedparser).

:class:`FeedReader` fetches a feed with a :class:`~techkg.read.web.Fetcher`
(same limits, schemes and per-host delay as single pages) and yields one
article per item that is new: an item whose address (normalised, tracking
parameters removed) is already in the store is not fetched again, and with
``since`` an item dated before that day is skipped. An item that carries its
full text (RSS ``content:encoded``, Atom ``<content>``) is read from the feed;
an item with only a summary is read from its page (when the site's robots.txt
allows it). Each failed item is one :class:`~techkg.errors.CorpusError`
naming its address; the others still come.

A feed is asked with a conditional request when an earlier run or round saw
it (its ``ETag`` and ``Last-Modified``, kept in a :class:`FeedState`); a
``304 Not Modified`` answer means nothing new, and no item is looked at.
Only a feed whose items all went in is remembered, so failed items are tried
again next time.

>>> FeedReport("https://example.com/rss.xml", items=5, read=2, known=2, older=1).line()
'https://example.com/rss.xml: 5 item(s): 2 read, 2 already stored, 1 older than --since, 0 failed'
>>> FeedReport.total([FeedReport("a", items=2, read=2), FeedReport("b", items=1, failed=1)]).line()
'feeds: 3 item(s): 2 read, 0 already stored, 1 failed'
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from techkg.errors import CorpusError
from techkg.read.fields import id_from_url, normalize_date, normalize_url
from techkg.read.formats import html_article
from techkg.read.web import Fetcher, Page, read_url
from techkg.records import Article

if TYPE_CHECKING:
    from techkg.store import GraphStore


@dataclass
class FeedReport:
    """What became of one feed's items in one run.

    Attributes:
        url: the feed's address.
        items: items in the feed.
        read: items read as articles (from the feed or from their page).
        known: items already in the store (or met earlier in the run): not fetched.
        older: items dated before ``since``.
        failed: the feed itself or an item could not be read.
    """

    url: str
    items: int = 0
    read: int = 0
    known: int = 0
    older: int = 0
    failed: int = 0
    unchanged: int = 0

    def line(self) -> str:
        """One line for people (items older than ``--since``, unchanged feeds only when there are some).

        >>> FeedReport("https://example.com/rss.xml", unchanged=1).line()
        'https://example.com/rss.xml: 0 item(s): 0 read, 0 already stored, 0 failed; 1 feed(s) not modified since last time'
        """
        older = f", {self.older} older than --since" if self.older else ""
        unchanged = f"; {self.unchanged} feed(s) not modified since last time" if self.unchanged else ""
        return (
            f"{self.url}: {self.items} item(s): {self.read} read, {self.known} already stored"
            f"{older}, {self.failed} failed{unchanged}"
        )

    @classmethod
    def total(cls, reports: Iterable[FeedReport], name: str = "feeds") -> FeedReport:
        """The sum of several reports, under ``name``."""
        out = cls(name)
        for r in reports:
            for key in ("items", "read", "known", "older", "failed", "unchanged"):
                setattr(out, key, getattr(out, key) + getattr(r, key))
        return out


@dataclass
class FeedState:
    """What the server said about each feed last time (``ETag``, ``Last-Modified``), by feed URL.

    Kept in a JSON file (:func:`state_path`) between runs, and in memory
    between ``watch`` rounds. The file is a cache: one that cannot be read is
    started afresh, and then each feed is simply asked in full.

    Attributes:
        path: the file (None: memory only).
        validators: feed URL → ``{"etag": ..., "last_modified": ...}``.
    """

    path: Path | None = None
    validators: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None) -> FeedState:
        """The state kept in ``path`` (empty when there is none yet)."""
        validators: dict[str, dict[str, str]] = {}
        if path is not None:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if isinstance(data, dict):
                    validators = {u: v for u, v in data.items() if isinstance(v, dict)}
            except (OSError, ValueError):
                pass
        return cls(path, validators)

    def headers(self, url: str) -> dict[str, str]:
        """The conditional request headers for a feed seen before (none for a new one)."""
        seen = self.validators.get(url, {})
        out = {}
        if seen.get("etag"):
            out["If-None-Match"] = seen["etag"]
        if seen.get("last_modified"):
            out["If-Modified-Since"] = seen["last_modified"]
        return out

    def remember(self, url: str, page: Page | None) -> None:
        """Keep the validators of a feed read in full (``None``: forget the feed)."""
        if page is not None and (page.etag or page.last_modified):
            self.validators[url] = {k: v for k, v in (("etag", page.etag),
                                                      ("last_modified", page.last_modified)) if v}
        else:
            self.validators.pop(url, None)

    def save(self) -> None:
        """Write the file (atomically), when there is one; a failure costs only a full request."""
        if self.path is None:
            return
        tmp = self.path.with_name(self.path.name + ".tmp")
        with suppress(OSError):
            tmp.write_text(json.dumps(self.validators, ensure_ascii=False, indent=1), encoding="utf-8")
            os.replace(tmp, self.path)


def state_path(store: GraphStore) -> Path | None:
    """Where a store's feed state lives: ``STORE-feeds.json`` beside an on-disk store, else nowhere.

    >>> from techkg.store import GraphStore
    >>> state_path(GraphStore.open(None)) is None
    True
    """
    path = getattr(store, "path", None)
    return None if path is None else Path(path).with_name(Path(path).name + "-feeds.json")


def stored_urls(store: GraphStore) -> set[str]:
    """The normalised URLs of every article in ``store``: the items a feed need not fetch."""
    return {normalize_url(a.url) for a in store.articles() if a.url}


class FeedReader:
    """Reads feeds into articles, skipping items already known.

    Args:
        fetcher: fetches the feeds and the items' pages.
        known: normalised URLs not to fetch again (:func:`stored_urls`);
            every URL read in this run is added to it.
        since: ISO date (``YYYY-MM-DD``); items dated before it are skipped.
        force: read every item, known or not (and ask every feed in full).
        state: validators of the feeds seen before (conditional requests);
            saved when :meth:`read_all` ends.

    Attributes:
        reports: one :class:`FeedReport` per feed read so far.
    """

    def __init__(
        self,
        fetcher: Fetcher,
        *,
        known: set[str] | None = None,
        since: str | None = None,
        force: bool = False,
        state: FeedState | None = None,
    ) -> None:
        self.fetcher = fetcher
        self.known = known if known is not None else set()
        self.since = since
        self.force = force
        self.state = state if state is not None else FeedState()
        self.reports: list[FeedReport] = []

    def read_all(self, urls: Iterable[str]) -> Iterator[Article | CorpusError]:
        """Every new item of every feed in ``urls``, in order; then the feed state is saved."""
        for url in urls:
            yield from self.read(url)
        self.state.save()

    def read(self, url: str) -> Iterator[Article | CorpusError]:
        """Every new item of one feed: articles, and one error per failed item (yielded)."""
        import feedparser  # only when a feed is read

        report = FeedReport(url)
        self.reports.append(report)
        try:
            page = self.fetcher.fetch(url, headers=None if self.force else self.state.headers(url))
        except CorpusError as exc:
            report.failed += 1
            self.state.remember(url, None)
            yield exc
            return
        if page.status == 304:
            report.unchanged += 1
            return
        parsed = feedparser.parse(
            page.data,
            response_headers={
                "content-location": page.final_url,
                "content-type": page.media_type or "application/xml",
            },
        )
        if not parsed.entries and (parsed.bozo or not parsed.version):
            report.failed += 1
            cause = parsed.get("bozo_exception") or "no feed elements"
            self.state.remember(url, None)
            yield CorpusError(
                url, f"not an RSS or Atom feed ({cause}); check the address "
                "(a web page is ingested without --feed)"
            )
            return
        publisher = parsed.feed.get("title") or None
        for number, entry in enumerate(parsed.entries, 1):
            report.items += 1
            yield from self._item(url, number, entry, publisher, report)
        self.state.remember(url, None if report.failed else page)

    def _item(
        self, feed_url: str, number: int, entry: Mapping[str, Any], publisher: str | None,
        report: FeedReport,
    ) -> Iterator[Article | CorpusError]:
        link = (entry.get("link") or "").strip()
        if not link:
            report.failed += 1
            title = entry.get("title") or "untitled"
            yield CorpusError(
                feed_url, f"item {number} ({title}) has no link; techkg knows feed items "
                "by their address, ask the feed's publisher to add one"
            )
            return
        normal = normalize_url(link)
        if normal in self.known and not self.force:
            report.known += 1
            return
        raw_date = entry.get("published") or entry.get("updated")
        if self._older(normalize_date(raw_date)):
            report.older += 1
            return
        defaults = {"title": entry.get("title"), "date": raw_date, "source": publisher}
        try:
            content = _full_content(entry)
            if content is not None:
                article = html_article(content, link, id_from_url(link), url=link,
                                        defaults=defaults)
            else:
                article = read_url(link, self.fetcher, defaults=defaults)
        except CorpusError as exc:
            report.failed += 1
            yield exc
            return
        if self._older(article.date):
            report.older += 1
            return
        self.known.add(normal)
        report.read += 1
        yield article

    def _older(self, date: str | None) -> bool:
        return bool(self.since and date and date[:10] < self.since)


def _full_content(entry: Mapping[str, Any]) -> str | None:
    """The item's full text as an HTML page, when the feed carries it (else None).

    RSS ``content:encoded`` and Atom ``<content>`` hold the article; RSS
    ``<description>`` and Atom ``<summary>`` are only teasers, so an item with
    nothing else is read from its page.
    """
    for part in entry.get("content") or ():
        value = (part.get("value") or "").strip()
        if not value:
            continue
        if "html" not in (part.get("type") or "text/html"):
            value = "".join(f"<p>{html.escape(p)}</p>" for p in value.splitlines() if p.strip())
        title = html.escape(entry.get("title") or "", quote=True)
        date = html.escape(entry.get("published") or entry.get("updated") or "", quote=True)
        return (
            f'<html><head><title>{title}</title><meta property="og:title" content="{title}">'
            f'<meta property="article:published_time" content="{date}"></head>'
            f"<body><article>{value}</article></body></html>"
        )
    return None
