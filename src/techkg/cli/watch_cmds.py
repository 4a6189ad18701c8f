"""CLI command ``watch``: ingest a folder or feeds again every so often, until Ctrl-C.

Each round is the same ingest as ``techkg ingest``: unchanged files are
skipped by their content hash, feed items already stored are not fetched.
The store is opened for each round only, so other commands can use it in
between; the pipeline is loaded once.
"""

from __future__ import annotations

import re
import time
from typing import Annotated, Any

import typer

from techkg.cli.app import app
from techkg.cli.fetch_opts import (
    DEFAULT_DELAY, DEFAULT_TIMEOUT, DelayOpt, FeedOpt, SinceOpt, TimeoutOpt, feed_reader, feeds_line,
    fetching, parse_since,
)
from techkg.cli.graph_cmds import (
    DEFAULT_BASE, DEFAULT_STORE, BaseOpt, CurationsOpt, DaskOpt, JobsOpt, MaxBytes, NoModel, StoreOpt,
    UserLexicon, _fail, _with_hint, run_extractor,
)

_INTERVAL = re.compile(r"\A\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*\Z", re.IGNORECASE)
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600}


def parse_interval(text: str) -> float:
    """Seconds in ``30s``, ``15m``, ``2h`` or a bare number of seconds.

    >>> parse_interval("15m"), parse_interval("2h"), parse_interval("90")
    (900.0, 7200.0, 90.0)
    """
    m = _INTERVAL.match(text)
    if not m:
        raise typer.BadParameter(f"{text!r} is not a duration; write it as 30s, 15m or 2h",
                                 param_hint="--every")
    return float(m.group(1)) * _UNIT_SECONDS[m.group(2).lower()]


@app.command()
def watch(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Folders (or files, globs, web addresses) read again each round."),
    ] = None,
    feed: FeedOpt = None,
    every: Annotated[str, typer.Option("--every", metavar="DURATION", help="Time between rounds: 30s, 15m, 2h.")] = "15m",
    rounds: Annotated[int | None, typer.Option("--rounds", min=1, help="Stop after this many rounds (default: until Ctrl-C).")] = None,
    since: SinceOpt = None,
    store: StoreOpt = DEFAULT_STORE,
    max_bytes: MaxBytes = 20_000_000,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
    delay: DelayOpt = DEFAULT_DELAY,
    no_model: NoModel = False,
    lexicon: UserLexicon = None,
    curations: CurationsOpt = None,
    jobs: JobsOpt = None,
    dask: DaskOpt = None,
    base: BaseOpt = DEFAULT_BASE,
) -> None:
    """Keep ingesting what is new in folders or feeds, one summary line per round.

    New and changed files go in, unchanged ones are skipped; feed items
    already in the store are not fetched again. Extraction runs as in
    ``techkg ingest`` (--jobs worker processes, or --dask). Stops on Ctrl-C (an article
    is stored completely or not at all) or after --rounds; exits 1 when some
    round had an input that failed.
    """
    from techkg.errors import TechKGError

    if not paths and not feed:
        _fail("nothing to watch: give a folder or --feed URL", 2)
    if "-" in (paths or []):
        _fail("stdin can be read only once; watch a folder or a feed", 2)
    interval = parse_interval(every)
    day = parse_since(since)
    if day and not feed:
        _fail("--since applies to feed items; use it with --feed URL", 2)
    try:
        with run_extractor(no_model, lexicon, curations, store, jobs, dask) as extractor:  # loaded once
            failed = _rounds(paths or [], feed, extractor, store=store, base=base, every=interval,
                             rounds=rounds, since=day, max_bytes=max_bytes, timeout=timeout, delay=delay)
    except TechKGError as e:
        _fail(_with_hint(e))
    if failed:
        raise typer.Exit(1)


def _rounds(paths: list[str], feed: list[str] | None, extractor: Any, *, store: str, base: str, every: float,
            rounds: int | None, since: str | None, max_bytes: int, timeout: float, delay: float) -> bool:
    """Ingest round after round, one line each, until ``rounds`` or Ctrl-C.

    Returns:
        True when some round had an input that failed.
    """
    from techkg.errors import TechKGError
    from techkg.ingest import ingest
    from techkg.store import GraphStore

    def on_error(msg: str) -> None:
        typer.echo(f"error: {msg}", err=True)

    done, failed = 0, False
    state = None  # the feeds' validators, read once and kept across rounds
    try:
        while rounds is None or done < rounds:
            if done:
                time.sleep(every)
            started = time.strftime("%H:%M:%S")
            try:
                with GraphStore.open(store, base=base) as st, fetching(
                    timeout=timeout, delay=delay, max_bytes=max_bytes
                ) as fetcher:
                    feeds = feed_reader(st, fetcher, since=since, force=False, feeds=feed, state=state)
                    state = feeds.state
                    s = ingest(paths, st, extractor=extractor, max_bytes=max_bytes,
                               on_error=on_error, fetcher=fetcher, more=feeds.read_all(feed or []))
                line = s.line() + (f"; {feeds_line(feeds.reports)}" if feed else "")
                failed |= not s.ok
            except TechKGError as e:  # the store is busy or broken: say so, try again next round
                line, failed = f"error: {e}", True
            done += 1
            typer.echo(f"round {done} at {started}: {line}")
    except KeyboardInterrupt:
        typer.echo(f"stopped after {done} complete round(s); every article written is complete",
                   err=True)
    return failed
