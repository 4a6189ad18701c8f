"""Articles straight from the web: a page fetched over http(s) with limits, read as HTML.

:class:`Fetcher` does the fetching with httpx: http and https only (redirects
included, each hop checked), a timeout for the whole download, a size limit, a
polite delay between two requests to the same host, and one clear
:class:`~techkg.errors.CorpusError` per failure (``URL: what happened, what to
do``). It honours robots.txt for article pages (:meth:`Fetcher.check_robots`,
the rules read with :mod:`urllib.robotparser`, once per site and run) and
sends conditional requests when asked (``If-None-Match``/``If-Modified-Since``;
a ``304`` is a :class:`Page` with ``status`` 304 and no body).
:func:`read_url` turns the page into an article through the same HTML
reader as ``.html`` files, with the fetched address as the article's URL (and
so its id). httpx is imported only when something is fetched.

>>> is_url("https://example.com/a.html"), is_url("ftp://example.com/a"), is_url("corpus/a.md")
(True, True, False)
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from email.message import Message
from typing import Any
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from techkg import __version__
from techkg.errors import CorpusError
from techkg.read.decode import charset_codec, decode_bytes, html_charset, size_limit
from techkg.read.fields import id_from_url
from techkg.read.formats import html_article
from techkg.records import Article

SCHEMES: tuple[str, ...] = ("http", "https")
"""The only URL schemes fetched, for the first request and for every redirect."""

DEFAULT_TIMEOUT = 20.0
"""Seconds a whole page (connection, answer, body) may take."""

DEFAULT_DELAY = 1.0
"""Seconds between two requests to the same host."""

MAX_REDIRECTS = 5

USER_AGENT = f"techkg/{__version__} (news knowledge graph; python-httpx)"

HTML_TYPES: tuple[str, ...] = ("text/html", "application/xhtml+xml")
FEED_TYPES: tuple[str, ...] = (
    "application/rss+xml", "application/atom+xml", "application/rdf+xml",
    "application/xml", "text/xml",
)

_URL_LIKE = re.compile(r"\A[A-Za-z][A-Za-z0-9+.-]*://")
_ONLY_HTTP = "techkg fetches only http and https addresses"


def is_url(target: str) -> bool:
    """True for a command-line argument written as an address (``scheme://...``), any scheme."""
    return bool(_URL_LIKE.match(target))


@dataclass(frozen=True)
class Page:
    """One fetched response body.

    Attributes:
        url: the address asked for.
        final_url: the address that answered, after redirects.
        data: the body, at most the fetcher's ``max_bytes``.
        media_type: the ``Content-Type`` without parameters, lower case ("" if none).
        charset: the codec of the ``Content-Type`` charset, when it names a known one.
        status: the HTTP status (200; 304 for a conditional request answered "not modified";
            a 4xx only when the caller accepted it).
        etag: the ``ETag`` header, if any.
        last_modified: the ``Last-Modified`` header, if any.
    """

    url: str
    final_url: str
    data: bytes
    media_type: str
    charset: str | None
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None


class Pacer:
    """Waits so that two requests to one host are at least ``delay`` seconds apart.

    >>> waits = []
    >>> now = iter([0.0, 0.25, 1.25, 3.0]).__next__  # the times the pacer reads
    >>> p = Pacer(1.0, clock=now, sleep=waits.append)
    >>> p.wait("a.example"); p.wait("a.example"); p.wait("b.example")
    >>> waits
    [0.75]
    """

    def __init__(
        self,
        delay: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Any] = time.sleep,
    ) -> None:
        self.delay = delay
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}

    def wait(self, host: str) -> None:
        """Sleep as long as ``host`` still needs, then note the time of this request."""
        last = self._last.get(host)
        if last is not None and self.delay > 0:
            left = self.delay - (self._clock() - last)
            if left > 0:
                self._sleep(left)
        self._last[host] = self._clock()


class Fetcher:
    """Fetches pages over http(s) with a timeout, a size limit and a per-host delay.

    Use it as a context manager (or call :meth:`close`): it keeps one HTTP
    client, and its connections, for all the pages of a run.

    Args:
        max_bytes: largest body accepted; a bigger one is refused without
            reading the rest.
        timeout: seconds a page may take in all (connection, answer, body).
        delay: seconds between two requests to the same host.
        max_redirects: redirects followed before giving up.
        pacer: the per-host pacer (default: one with ``delay``).
    """

    def __init__(
        self,
        *,
        max_bytes: int,
        timeout: float = DEFAULT_TIMEOUT,
        delay: float = DEFAULT_DELAY,
        max_redirects: int = MAX_REDIRECTS,
        pacer: Pacer | None = None,
    ) -> None:
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.max_redirects = max_redirects
        self.pacer = pacer or Pacer(delay)
        self._client: Any = None
        self._robots: dict[str, RobotFileParser | str | None] = {}  # per site, for this run

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP client and its connections."""
        if self._client is not None:
            self._client.close()
            self._client = None

    def _http(self) -> Any:
        if self._client is None:
            import httpx  # only when something is fetched

            self._client = httpx.Client(
                timeout=httpx.Timeout(self.timeout),
                headers={"User-Agent": USER_AGENT},
                follow_redirects=False,  # followed by hand: every hop's scheme is checked
            )
        return self._client

    def fetch(self, url: str, *, headers: Mapping[str, str] | None = None,
              any_status: bool = False) -> Page:
        """The body at ``url``, after at most ``max_redirects`` redirects.

        Args:
            url: the address.
            headers: extra request headers (conditional requests).
            any_status: answer an error status as an empty page with that
                status instead of raising (robots.txt).

        Raises:
            CorpusError: (where ``url``) a scheme other than http(s), also as a
                redirect target; a failed connection; no complete answer within
                ``timeout``; an error status; a body above ``max_bytes``.
        """
        import httpx

        _check_scheme(url, url, None)
        current = url
        for _ in range(self.max_redirects + 1):
            self.pacer.wait(_host(current))
            deadline = time.monotonic() + self.timeout
            try:
                with self._http().stream("GET", current, headers=headers) as response:
                    location = response.headers.get("location")
                    if response.is_redirect and location:
                        target = str(response.url.join(location))
                        _check_scheme(url, target, location)
                        current = target
                        continue
                    code = response.status_code
                    if code == 304 or (any_status and code >= 400):
                        return Page(url, str(response.url), b"", "", None, status=code)
                    _check_status(url, response)
                    data = self._body(url, response, deadline)
                    media_type, charset = _content_type(response.headers.get("content-type", ""))
                    return Page(url, str(response.url), data, media_type, charset,
                                etag=response.headers.get("etag"),
                                last_modified=response.headers.get("last-modified"))
            except httpx.TimeoutException:
                raise CorpusError(url, self._too_slow()) from None
            except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as exc:
                raise CorpusError(
                    url, f"cannot fetch the page ({exc}); check the address and the network"
                ) from None
        raise CorpusError(
            url, f"more than {self.max_redirects} redirects; open the address in a browser "
            "and give the address it ends at"
        )

    def check_robots(self, url: str) -> None:
        """Refuse ``url`` when its site's robots.txt disallows it for techkg.

        The rules are read once per site and run. As RFC 9309 says, a robots.txt
        that is missing (any 4xx) allows everything, and one the server fails
        to give (5xx) allows nothing until it can.

        Raises:
            CorpusError: (source ``url``) disallowed; the rules unreadable; the
                site not answering at all.
        """
        _check_scheme(url, url, None)  # only http(s) sites have rules to read
        parts = urlsplit(url)
        site = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        if site not in self._robots:
            self._robots[site] = self._read_robots(site)
        rules = self._robots[site]
        if isinstance(rules, str):
            raise CorpusError(url, rules)
        if rules is not None and not rules.can_fetch(USER_AGENT, url):
            raise CorpusError(url, f"{site}/robots.txt disallows this page for crawlers such as techkg; "
                                   "not fetched (save it from a browser and ingest the file, if the "
                                   "site allows that)")

    def _read_robots(self, site: str) -> RobotFileParser | str | None:
        """The site's rules; None when it has none; else why none of its pages may be fetched."""
        try:
            page = self.fetch(site + "/robots.txt", any_status=True)
        except CorpusError as exc:  # no answer at all: a page would get none either
            return str(exc).removeprefix(f"{exc.where}: ")
        if page.status >= 500:
            return (f"{site}/robots.txt could not be read (the server answered {page.status}), so the "
                    "site's rules for crawlers are unknown and the page is not fetched; try again later")
        if page.status != 200:
            return None
        rules = RobotFileParser(site + "/robots.txt")
        rules.parse(page.data.decode("utf-8", errors="replace").splitlines())
        return rules

    def _body(self, url: str, response: Any, deadline: float) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise CorpusError(url, self._too_large(int(declared)))
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise CorpusError(url, self._too_large(None))
            if time.monotonic() > deadline:
                raise CorpusError(url, self._too_slow())
            chunks.append(chunk)
        return b"".join(chunks)

    def _too_large(self, size: int | None) -> str:
        how_big = f"{size:,} bytes" if size is not None else "larger"
        return (
            f"the page is {how_big}, above the {size_limit(self.max_bytes)} limit; "
            "pass --max-bytes to allow bigger pages"
        )

    def _too_slow(self) -> str:
        return (
            f"no complete answer within {self.timeout:g} s; try again later "
            "or pass a longer --timeout"
        )


def read_url(
    url: str, fetcher: Fetcher, *, defaults: Mapping[str, str | None] | None = None
) -> Article:
    """Fetch a page and read its main text and metadata as an article.

    The article's URL is ``url`` (its id is derived from it), whatever
    canonical address the page names; its title, date and site name come from
    the page, else from ``defaults``.

    Raises:
        CorpusError: robots.txt disallows the page; it could not be fetched,
            is not HTML, or holds no article text.
    """
    fetcher.check_robots(url)
    page = fetcher.fetch(url)
    media = page.media_type
    if media and media not in HTML_TYPES:
        if media in FEED_TYPES or media.endswith("+xml"):
            raise CorpusError(
                url, f"this is a feed or XML document ({media}), not a web page; "
                "ingest a feed with --feed URL"
            )
        raise CorpusError(
            url, f"the server sent {media}, not an HTML page; save the article as .txt "
            "and ingest the file"
        )
    if not page.data.strip():
        raise CorpusError(url, "the server sent an empty page; check the address")
    html = decode_bytes(page.data, url, hint=page.charset or html_charset(page.data))
    return html_article(html, url, id_from_url(url), url=url, defaults=defaults)


def read_target_url(url: str, fetcher: Fetcher) -> Iterator[Article | CorpusError]:
    """One URL named on the command line: its article, or the error (yielded)."""
    try:
        yield read_url(url, fetcher)
    except CorpusError as exc:
        yield exc


def _host(url: str) -> str:
    """The host name a request goes to (any port): the unit of the polite delay."""
    return (urlsplit(url).hostname or "").lower()


def _check_scheme(asked: str, url: str, location: str | None) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() in SCHEMES and parts.hostname:
        return
    if location is not None:
        raise CorpusError(
            asked, f"the server redirects to {location}, which is not an http or https address; "
            f"{_ONLY_HTTP}, save the article from a browser and ingest the file"
        )
    if parts.scheme.lower() in SCHEMES:
        raise CorpusError(asked, "the address has no host name; check it")
    raise CorpusError(
        asked, f"{parts.scheme}: addresses are not fetched; {_ONLY_HTTP} "
        "(for a file on this machine give its path)"
    )


def _check_status(url: str, response: Any) -> None:
    code = response.status_code
    if code < 400:
        return
    said = f"the server answered {code} {response.reason_phrase}".rstrip()
    if code in (401, 403):
        todo = "the site refuses the request (it may need a login); save the page from a browser and ingest the file"
    elif code in (429, 503):
        todo = "try again later, or pass a longer --delay between requests"
    elif code >= 500:
        todo = "the site has a problem; try again later"
    else:
        todo = "check the address"
    raise CorpusError(url, f"{said}; {todo}")


def _content_type(header: str) -> tuple[str, str | None]:
    """``(media type, codec of the charset)`` of a ``Content-Type`` header."""
    msg = Message()
    msg["content-type"] = header
    media_type = msg.get_content_type() if header.strip() else ""
    charset = msg.get_param("charset")
    codec = charset_codec(charset) if isinstance(charset, str) else None
    return media_type.lower(), codec
