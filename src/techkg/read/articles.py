"""Article records: JSON objects validated; the id, date and URL rules of every format."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Mapping

from techkg.errors import CorpusError
from techkg.read.dates import normalize_date
from techkg.read.ids import id_from_url, sanitize_id
from techkg.read.layout import _strip_blank_lines
from techkg.read.messages import _json_type
from techkg.records import Article

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # JSON pairs valid escapes: any left is lone

# The package's logger: records keep the name they had before read.py became a package.
log = logging.getLogger("techkg.read")


def article_from_dict(d: Mapping, *, source: str) -> Article:
    """Build an article from a mapping with ``text`` and optional metadata.

    Used by the web API (``POST /articles``). Fields: ``text`` (required),
    ``title``, ``date``, ``url``, ``source``, ``id``. Without ``id`` or ``url``
    the id is derived from the content (``h`` + 16 hex), so posting the same
    article twice replaces it.

    Args:
        d: the decoded JSON object.
        source: where it came from, for error messages and ``Article.path``.

    Raises:
        CorpusError: ``text`` is missing, empty or not a string, or a field has
            the wrong type.

    >>> a = article_from_dict({"text": "華為發佈鴻蒙系統", "date": "2023年3月21日"}, source="api")
    >>> (a.id, a.date)
    ('h4252c40e2ed64cd6', '2023-03-21')
    """
    return _article_from_mapping(d, source=source, line=None, path=source, fallback_id=None)


def content_id(text: str) -> str:
    """``h`` + the first 16 hex digits of the SHA-1 of an article's text: the id of input with no name.

    >>> content_id("華為發佈鴻蒙系統") == content_id("華為發佈鴻蒙系統") != content_id("华为")
    True
    """
    return "h" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _article_from_mapping(
    d: object,
    *,
    source: str,
    line: int | None,
    path: str,
    fallback_id: str | None,
    label: str = "",
) -> Article:
    """Validate a JSON object and build the article (raises located CorpusErrors)."""
    if not isinstance(d, Mapping):
        raise CorpusError(
            source,
            f'{label}expected a JSON object with a "text" field, got {_json_type(d)}',
            line,
        )
    if "text" not in d or d["text"] is None:
        hint = next((k for k in ("content", "body", "article") if k in d), None)
        found = f' (found "{hint}": rename it to "text")' if hint else ""
        raise CorpusError(
            source,
            f'{label}missing the "text" field{found}; every article needs its body text in "text"',
            line,
        )
    text = d["text"]
    if not isinstance(text, str):
        raise CorpusError(source, f'{label}"text" must be a string, got {_json_type(text)}', line)
    for key in ("text", "title", "date", "url", "source", "id"):
        value = d.get(key)
        bad = _LONE_SURROGATE.search(value) if isinstance(value, str) else None
        if bad:
            raise CorpusError(
                source,
                f'{label}"{key}" holds a lone surrogate escape (\\u{ord(bad.group()):04x}, character '
                f"{bad.start() + 1}), which is no character; fix the escape or delete it",
                line,
            )
    body = _strip_blank_lines(text)
    if not body:
        raise CorpusError(source, f'{label}"text" is empty; put the article body in it', line)
    fields: dict[str, str | None] = {}
    for key in ("title", "date", "url", "source", "id"):
        value = d.get(key)
        if value is None or isinstance(value, str):
            fields[key] = value
        elif key in ("id", "date") and isinstance(value, int) and not isinstance(value, bool):
            fields[key] = str(value)
        else:
            raise CorpusError(
                source, f'{label}"{key}" must be a string, got {_json_type(value)}', line
            )
    return _make_article(
        text=body,
        title=(fields.pop("title") or "").strip(),
        fields=fields,
        source=source,
        path=path,
        line=line,
        fallback_id=fallback_id,
    )


def _make_article(
    *,
    text: str,
    title: str,
    fields: Mapping[str, str | None],
    source: str,
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
        where = f"{source}:{line}" if line is not None else source
        log.warning(
            "%s: cannot read the date %r; the article is kept without a date "
            "(write dates as YYYY-MM-DD)",
            where,
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


def _whole_file_article(
    text: str, title: str, fields: Mapping[str, str | None], source: str, stem: str | None
) -> Article:
    """An article that is a whole file or stdin: no line; ``stem`` is the fallback id (None: stdin)."""
    return _make_article(
        text=text,
        title=title,
        fields=fields,
        source=source,
        path=source,
        line=None,
        fallback_id=stem,
    )
