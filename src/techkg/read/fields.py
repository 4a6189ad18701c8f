"""An article's fields: validation of a mapping, the Article record, ids, dates, title and body layout."""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from techkg.errors import CorpusError
from techkg.read.decode import json_type
from techkg.records import Article

TITLE_MAX = 100
"""A first line longer than this is not taken as the title."""

LEAD_MIN = 30
"""A first line this long that the body repeats is a scraped lead, not a title."""

_LEADING_BLANK = re.compile(r"\A(?:[^\S\n]*\n)+")
_ATX = re.compile(r"\A#{1,6}\s+(.*?)(?:\s+#+)?\s*\Z")
_SETEXT = re.compile(r"\A(?:=+|-+)\s*\Z")
_SENTENCE_END = re.compile(r"[。！？!?]")


def strip_blank_lines(text: str) -> str:
    """Drop blank lines at the start (keeping the first line's indent) and white space at the end."""
    return _LEADING_BLANK.sub("", text, count=1).rstrip()


def first_line(body: str, markdown: bool) -> tuple[str, str]:
    """``(first line as a heading, rest of the body)``."""
    nl = body.find("\n")
    first, rest = (body, "") if nl < 0 else (body[:nl], body[nl + 1 :])
    heading = first.strip()
    if markdown:
        m = _ATX.match(heading)
        if m:
            heading = m.group(1)
        else:
            under = rest.split("\n", 1)
            if len(under) == 2 and _SETEXT.match(under[0].strip()):
                rest = under[1]  # "Title\n=====" heading
    return heading, strip_blank_lines(rest)


def take_title(body: str, markdown: bool) -> tuple[str, str]:
    """Title and body of a file without a front-matter title.

    * A first line that the body then repeats, at least :data:`LEAD_MIN`
      characters long, is a scraped lead (a truncated copy of the body's start,
      as in the seed article): it is dropped from the text and the title is its
      first sentence (shortened to :data:`TITLE_MAX` characters with ``…``).
    * Otherwise a first line of at most :data:`TITLE_MAX` characters is the title.
    * Otherwise (a long first line, or a one-line file) the title is empty and
      the whole file is the text.
    """
    heading, rest = first_line(body, markdown)
    if not rest:
        return "", body  # a one-line article: it is all text
    lead = heading.rstrip(" .…")
    if len(lead) >= LEAD_MIN and rest.lstrip().startswith(lead):
        return _shorten(lead), rest
    if len(heading) <= TITLE_MAX:
        return heading, rest
    return "", body


def _shorten(lead: str) -> str:
    """First sentence of ``lead`` if it fits in :data:`TITLE_MAX`, else a cut with ``…``."""
    m = _SENTENCE_END.search(lead, 0, TITLE_MAX)
    if m and m.end() >= 10:
        return lead[: m.end()]
    return lead[: TITLE_MAX - 1] + "…"


_NUMERIC_DATE = re.compile(
    r"\A(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?:\s*[日号])?(?!\d)"
)
_COMPACT_DATE = re.compile(r"\A(\d{4})(\d{2})(\d{2})(?:\Z|[T\s])")
_HAN_DATE = re.compile(
    r"\A([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})[日号]"
)
_HAN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}
_ENGLISH_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%b. %d, %Y")


def normalize_date(value: object) -> str | None:
    """ISO ``YYYY-MM-DD`` for a date written in any common way, else ``None``.

    Accepts ``2023-03-21``, ``2023/3/21``, ``2023.3.21``, ``2023年3月21日``,
    full-width digits, ``二〇二三年三月二十一日``, ISO datetimes (the date as
    written, no time-zone shift), ``20230321``, RFC 2822 (``Tue, 21 Mar 2023
    10:00:00 +0800``), ``March 21, 2023`` and ``date``/``datetime`` objects.
    Impossible dates (2023-02-30) give ``None``.

    >>> normalize_date("２０２３年３月２１日 10:30")
    '2023-03-21'
    >>> normalize_date("2023-03-21T23:00:00+08:00"), normalize_date("2023/2/30")
    ('2023-03-21', None)
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    s = unicodedata.normalize("NFKC", str(value)).strip()
    if not s:
        return None
    for pattern in (_NUMERIC_DATE, _COMPACT_DATE):
        m = pattern.match(s)
        if m:
            return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _HAN_DATE.match(s)
    if m:
        year = int("".join(str(_HAN_DIGITS[c]) for c in m.group(1)))
        return _iso(year, _han_number(m.group(2)), _han_number(m.group(3)))
    try:
        return parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _ENGLISH_FORMATS:
        try:
            return datetime.strptime(s, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _han_number(s: str) -> int:
    """``"二十一"`` → 21 (numbers below 100 written with 十)."""
    if "十" not in s:
        return int("".join(str(_HAN_DIGITS[c]) for c in s))
    tens, _, units = s.partition("十")
    return (_HAN_DIGITS[tens] if tens else 1) * 10 + (_HAN_DIGITS[units] if units else 0)


def _iso(year: int, month: int, day: int) -> str | None:
    if year < 1000:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


ID_MAX = 120


_ID_BAD = re.compile(r"[^\w.-]+")
_TRACKING = re.compile(r"\A(?:utm_\w+|spm|fbclid|gclid)\Z", re.IGNORECASE)


def sanitize_id(raw: object) -> str:
    """An article id made safe: letters (CJK too), digits and ``-_.`` only, never empty.

    Full-width forms are folded (NFKC), runs of other characters become ``_``,
    dots and dashes at the ends are dropped, and ids longer than 120
    characters are cut and suffixed with a hash so they stay distinct.

    >>> sanitize_id("c07_huawei"), sanitize_id("ｃ０７ 华为/鸿蒙?"), sanitize_id("..")
    ('c07_huawei', 'c07_华为_鸿蒙', 'x9d891e731f75deae')
    """
    original = str(raw)
    s = unicodedata.normalize("NFKC", original)
    for _ in range(3):  # NFKC can expand a character into ones that need replacing
        cleaned = _ID_BAD.sub("_", s).strip("._-")
        cleaned = unicodedata.normalize("NFKC", cleaned)
        if cleaned == s:
            break
        s = cleaned
    s = _ID_BAD.sub("_", s).strip("._-")
    if not s:
        return "x" + hashlib.sha1(original.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    if len(s) > ID_MAX:
        digest = hashlib.sha1(s.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        s = s[: ID_MAX - 13].rstrip("._-") + "-" + digest
    return s


def normalize_url(url: str) -> str:
    """The form of a URL used for ids: same article, same string.

    Lower-case host without ``www.``, ``http`` treated as ``https``, default
    port, fragment and tracking parameters (``utm_*``, ``spm``, ``fbclid``,
    ``gclid``) dropped, other parameters sorted, percent-encoding made uniform,
    no trailing slash.

    >>> normalize_url("HTTP://WWW.Example.com:80/新闻/?utm_source=x&b=2&a=1#top")
    'https://example.com/%E6%96%B0%E9%97%BB?a=1&b=2'
    """
    s = url.strip()
    if "://" not in s and not s.startswith("//"):
        s = "https://" + s
    parts = urlsplit(s)
    scheme = parts.scheme.lower() or "https"
    if scheme == "http":
        scheme = "https"
    host = (parts.hostname or "").lower().removeprefix("www.")
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    path = quote(unquote(parts.path), safe="/:@!$&'()*+,;=-._~") or "/"
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)
    )
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def id_from_url(url: str) -> str:
    """``u`` + the first 16 hex digits of the SHA-1 of the normalised URL.

    >>> id_from_url("https://www.example.com/a?utm_source=feed") == id_from_url("http://example.com/a/")
    True
    """
    return "u" + hashlib.sha1(normalize_url(url).encode("utf-8")).hexdigest()[:16]


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # JSON pairs valid escapes: any left is lone

# The package's logger: records keep the name they had before read.py became a package.
log = logging.getLogger("techkg.read")


def article_from_dict(d: Mapping, *, where: str) -> Article:
    """Build an article from a mapping with ``text`` and optional metadata.

    Used by the web API (``POST /articles``). Fields: ``text`` (required),
    ``title``, ``date``, ``url``, ``source``, ``id``. Without ``id`` or ``url``
    the id is derived from the content (``h`` + 16 hex), so posting the same
    article twice replaces it.

    Args:
        d: the decoded JSON object.
        where: where it came from, for error messages and ``Article.path``.

    Raises:
        CorpusError: ``text`` is missing, empty or not a string, or a field has
            the wrong type.

    >>> a = article_from_dict({"text": "華為發佈鴻蒙系統", "date": "2023年3月21日"}, where="api")
    >>> (a.id, a.date)
    ('h4252c40e2ed64cd6', '2023-03-21')
    """
    return article_from_mapping(d, where=where, line=None, path=where, fallback_id=None)


def content_id(text: str) -> str:
    """``h`` + the first 16 hex digits of the SHA-1 of an article's text: the id of input with no name.

    >>> content_id("華為發佈鴻蒙系統") == content_id("華為發佈鴻蒙系統") != content_id("华为")
    True
    """
    return "h" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def article_from_mapping(
    d: object,
    *,
    where: str,
    line: int | None,
    path: str,
    fallback_id: str | None,
    label: str = "",
) -> Article:
    """Validate a JSON object and build the article (raises located CorpusErrors)."""
    if not isinstance(d, Mapping):
        raise CorpusError(
            where,
            f'{label}expected a JSON object with a "text" field, got {json_type(d)}',
            line,
        )
    if "text" not in d or d["text"] is None:
        hint = next((k for k in ("content", "body", "article") if k in d), None)
        found = f' (found "{hint}": rename it to "text")' if hint else ""
        raise CorpusError(
            where,
            f'{label}missing the "text" field{found}; every article needs its body text in "text"',
            line,
        )
    text = d["text"]
    if not isinstance(text, str):
        raise CorpusError(where, f'{label}"text" must be a string, got {json_type(text)}', line)
    for key in ("text", "title", "date", "url", "source", "id"):
        value = d.get(key)
        bad = _LONE_SURROGATE.search(value) if isinstance(value, str) else None
        if bad:
            raise CorpusError(
                where,
                f'{label}"{key}" holds a lone surrogate escape (\\u{ord(bad.group()):04x}, character '
                f"{bad.start() + 1}), which is no character; fix the escape or delete it",
                line,
            )
    body = strip_blank_lines(text)
    if not body:
        raise CorpusError(where, f'{label}"text" is empty; put the article body in it', line)
    fields: dict[str, str | None] = {}
    for key in ("title", "date", "url", "source", "id"):
        value = d.get(key)
        if value is None or isinstance(value, str):
            fields[key] = value
        elif key in ("id", "date") and isinstance(value, int) and not isinstance(value, bool):
            fields[key] = str(value)
        else:
            raise CorpusError(
                where, f'{label}"{key}" must be a string, got {json_type(value)}', line
            )
    return _make_article(
        text=body,
        title=(fields.pop("title") or "").strip(),
        fields=fields,
        where=where,
        path=path,
        line=line,
        fallback_id=fallback_id,
    )


def _make_article(
    *,
    text: str,
    title: str,
    fields: Mapping[str, str | None],
    where: str,
    path: str,
    line: int | None,
    fallback_id: str | None,
) -> Article:
    """Common tail of every format: id, date and URL rules.

    ``fallback_id`` is the id when the article has neither an id nor a URL;
    None means the input has no name (stdin, the web API): the id is then
    :func:`content_id` of the text, so distinct texts stay distinct.
    """
    url = (fields.get("url") or "").strip() or None
    raw_date = fields.get("date")
    when = normalize_date(raw_date)
    if raw_date and str(raw_date).strip() and when is None:
        at = f"{where}:{line}" if line is not None else where
        log.warning(
            "%s: cannot read the date %r; the article is kept without a date "
            "(write dates as YYYY-MM-DD)",
            at,
            raw_date,
        )
    explicit = (fields.get("id") or "").strip()
    if explicit:
        article_id = sanitize_id(explicit)
    elif url:
        article_id = id_from_url(url)
    elif fallback_id is None:
        article_id = content_id(text)
    else:
        article_id = sanitize_id(fallback_id)
    return Article(
        id=article_id,
        text=text,
        title=title,
        date=when,
        url=url,
        publisher=(fields.get("source") or "").strip() or None,
        path=path,
    )


def whole_file_article(
    text: str, title: str, fields: Mapping[str, str | None], where: str, stem: str | None
) -> Article:
    """An article that is a whole file or stdin: no line; ``stem`` is the fallback id (None: stdin)."""
    return _make_article(
        text=text,
        title=title,
        fields=fields,
        where=where,
        path=where,
        line=None,
        fallback_id=stem,
    )
