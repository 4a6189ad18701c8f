"""RSS and Atom feeds: every new item becomes an article (parsed with feedparser).

:class:`FeedReader` fetches a feed with a :class:`~techkg.read.web.Fetcher`
(same limits, schemes and per-host delay as single pages) and yields one
article per item that is new: an item whose address (normalised, tracking
parameters removed) is already in the store is not fetched again, and with
``since`` an item dated before that day is skipped. An item that carries its
full text (RSS ``content:encoded``, Atom ``<content>``) is read from the feed;
an item with only a summary is read from its page. Each failed item is one
:class:`~techkg.errors.CorpusError` naming its address; the others still come.

>>> FeedReport("https://example.com/rss.xml", items=5, read=2, known=2, older=1).line()
'https://example.com/rss.xml: 5 item(s): 2 read, 2 already stored, 1 older than --since, 0 failed'
>>> FeedReport.total([FeedReport("a", items=2, read=2), FeedReport("b", items=1, failed=1)]).line()
'feeds: 3 item(s): 2 read, 0 already stored, 1 failed'
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from techkg.errors import CorpusError
from techkg.read.fields import id_from_url, normalize_date, normalize_url
from techkg.read.formats import html_article
from techkg.read.web import Fetcher, read_url
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

    def line(self) -> str:
        """One line for people (items older than ``--since`` only when there are some)."""
        older = f", {self.older} older than --since" if self.older else ""
        return (
            f"{self.url}: {self.items} item(s): {self.read} read, {self.known} already stored"
            f"{older}, {self.failed} failed"
        )

    @classmethod
    def total(cls, reports: Iterable[FeedReport], name: str = "feeds") -> FeedReport:
        """The sum of several reports, under ``name``."""
        out = cls(name)
        for r in reports:
            for key in ("items", "read", "known", "older", "failed"):
                setattr(out, key, getattr(out, key) + getattr(r, key))
        return out


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
        force: read every item, known or not.

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
    ) -> None:
        self.fetcher = fetcher
        self.known = known if known is not None else set()
        self.since = since
        self.force = force
        self.reports: list[FeedReport] = []

    def read_all(self, urls: Iterable[str]) -> Iterator[Article | CorpusError]:
        """Every new item of every feed in ``urls``, in order."""
        for url in urls:
            yield from self.read(url)

    def read(self, url: str) -> Iterator[Article | CorpusError]:
        """Every new item of one feed: articles, and one error per failed item (yielded)."""
        import feedparser  # only when a feed is read

        report = FeedReport(url)
        self.reports.append(report)
        try:
            page = self.fetcher.fetch(url)
        except CorpusError as exc:
            report.failed += 1
            yield exc
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
            yield CorpusError(
                url, f"not an RSS or Atom feed ({cause}); check the address "
                "(a web page is ingested without --feed)"
            )
            return
        source = parsed.feed.get("title") or None
        for number, entry in enumerate(parsed.entries, 1):
            report.items += 1
            yield from self._item(url, number, entry, source, report)

    def _item(
        self, feed_url: str, number: int, entry: Mapping[str, Any], source: str | None,
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
        defaults = {"title": entry.get("title"), "date": raw_date, "source": source}
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
