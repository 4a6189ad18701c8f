"""Options and set-up shared by the commands that fetch from the web (``ingest``, ``watch``).

Kept import-light: httpx and feedparser load only when something is fetched.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from techkg.feeds import FeedReader, FeedReport, FeedState
    from techkg.read.web import Fetcher
    from techkg.store import GraphStore

DEFAULT_TIMEOUT = 20.0  # same as techkg.read.web.DEFAULT_TIMEOUT (kept import-free)
DEFAULT_DELAY = 1.0  # same as techkg.read.web.DEFAULT_DELAY

FeedOpt = Annotated[
    list[str] | None,
    typer.Option("--feed", metavar="URL", help="An RSS or Atom feed whose new items are ingested; repeatable."),
]
SinceOpt = Annotated[
    str | None,
    typer.Option("--since", metavar="DATE", help="With --feed: skip items dated before this day (2024-03-01)."),
]
TimeoutOpt = Annotated[
    float,
    typer.Option("--timeout", min=0.1, metavar="SECONDS", help="Time a web page or feed may take in all."),
]
DelayOpt = Annotated[
    float,
    typer.Option("--delay", min=0.0, metavar="SECONDS", help="Pause between two requests to the same host."),
]


def parse_since(since: str | None) -> str | None:
    """``--since`` as an ISO day; a date that cannot be read is a usage error (exit 2)."""
    if since is None:
        return None
    from techkg.read import normalize_date

    day = normalize_date(since)
    if day is None:
        typer.echo(f"error: --since: cannot read the date {since!r}; write it as YYYY-MM-DD", err=True)
        raise typer.Exit(2)
    return day[:10]


@contextmanager
def fetching(*, timeout: float, delay: float, max_bytes: int) -> Iterator[Fetcher]:
    """A fetcher for one run, closed at the end."""
    from techkg.read.web import Fetcher

    with Fetcher(max_bytes=max_bytes, timeout=timeout, delay=delay) as fetcher:
        yield fetcher


def feed_reader(store: GraphStore, fetcher: Fetcher, *, since: str | None, force: bool,
                feeds: list[str] | None, state: FeedState | None = None) -> FeedReader:
    """A reader that skips the items ``store`` already holds (none looked up without feeds).

    Feeds seen before are asked conditionally: with ``state`` (``watch``
    keeps one across rounds), else with the state kept beside the store.
    """
    from techkg.feeds import FeedReader, FeedState, state_path, stored_urls

    known = stored_urls(store) if feeds else set()
    if state is None:
        state = FeedState.load(state_path(store) if feeds else None)
    return FeedReader(fetcher, known=known, since=since, force=force, state=state)


def feeds_line(reports: list[FeedReport]) -> str:
    """The feeds of one run in one line: ``feeds: 8 item(s): 2 read, 6 already stored, ...``."""
    from techkg.feeds import FeedReport

    return FeedReport.total(reports).line()
