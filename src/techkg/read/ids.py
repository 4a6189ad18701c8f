"""Article ids: sanitised explicit ids, and ids derived from normalised URLs."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

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
