"""Turn files, folders, glob patterns and stdin into :class:`~techkg.records.Article` records.

:func:`read_articles` is the single entry point. It yields an ``Article`` for
every article it can read and a :class:`~techkg.errors.CorpusError` (yielded,
not raised) for every input it cannot, so one bad file never stops a corpus.

Formats, chosen by extension (stdin is sniffed):

* ``.txt`` / ``.md``: one article; optional ``---`` front matter at the top.
* ``.html`` / ``.htm``: one article; main text and metadata via trafilatura.
* ``.jsonl``: one JSON object per line, streamed (flat memory).
* ``.json``: one object, or a list of objects.
* ``https://...`` / ``http://...``: a web page, fetched; read like ``.html``.

See ``docs/input-formats.md`` for the rules on titles, ids, dates and encodings.

The package's modules, one job each, in the order data flows through them:
``sources`` (command-line targets: files, folders, globs, stdin), ``web``
(pages fetched over http and https), ``decode`` (bytes to text: encodings,
sniffable streams, size messages), ``formats`` (one file's text to articles:
.txt/.md with front matter, HTML, JSON, JSON Lines) and ``fields`` (an
article's fields: validation, ids, dates, title and body, the ``Article``).

>>> import io
>>> page = io.StringIO("英伟达发布H100\\n\\n英伟达今天发布了H100。")
>>> [(a.id, a.title, a.text) for a in read_articles(["-"], stdin=page)]
[('hbbbb2832b579a760', '英伟达发布H100', '英伟达今天发布了H100。')]
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from techkg.errors import CorpusError, UsageError
from techkg.read.decode import decode_bytes
from techkg.read.fields import (
    ID_MAX,
    LEAD_MIN,
    TITLE_MAX,
    article_from_dict,
    content_id,
    id_from_url,
    normalize_date,
    normalize_url,
    sanitize_id,
)
from techkg.read.formats import FRONT_MATTER_KEYS
from techkg.read.sources import (
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    STDIN,
    SUFFIXES,
    TEXT_SUFFIXES,
    Run,
    read_target,
)
from techkg.read.web import Fetcher, is_url, read_target_url
from techkg.records import Article

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FRONT_MATTER_KEYS",
    "HTML_SUFFIXES",
    "ID_MAX",
    "JSON_SUFFIXES",
    "LEAD_MIN",
    "STDIN",
    "SUFFIXES",
    "TEXT_SUFFIXES",
    "TITLE_MAX",
    "article_from_dict",
    "content_id",
    "decode_bytes",
    "id_from_url",
    "normalize_date",
    "normalize_url",
    "read_articles",
    "sanitize_id",
]

log = logging.getLogger(__name__)  # the logger every module of the package writes to

DEFAULT_MAX_BYTES = 20_000_000


def read_articles(
    paths: Sequence[str | Path],
    *,
    stdin: TextIO | BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fetcher: Fetcher | None = None,
) -> Iterator[Article | CorpusError]:
    """Read every article under ``paths``, yielding articles and located errors.

    Args:
        paths: files, folders (read recursively, sorted, hidden entries skipped),
            glob patterns (``corpus/*.md``, ``corpus/**``), ``-`` for stdin, or
            http(s) addresses of web pages. The same file reached twice is read once.
        stdin: the stream ``-`` reads (text or binary); ``sys.stdin`` by default.
        max_bytes: largest file (for JSONL: largest line) read; bigger ones
            yield an error.
        fetcher: fetches the web pages (default: one with ``max_bytes`` and
            the default timeout and per-host delay, closed at the end).

    Yields:
        An :class:`Article` per article read, a :class:`CorpusError` per input
        (file, JSONL line, list item) that could not be read. Nothing is read
        ahead: a folder or a JSONL file is streamed.

    Raises:
        UsageError: ``max_bytes`` is not a positive number.

    >>> import io
    >>> lines = io.StringIO('{"id": "a1", "text": "輝達與台積電合作。"}\\n{"title": "x"}\\n')
    >>> for item in read_articles(["-"], stdin=lines):
    ...     print(item.id if isinstance(item, Article) else item)
    a1
    <stdin>:2: missing the "text" field; every article needs its body text in "text"
    """
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
        raise UsageError(f"--max-bytes must be a positive number of bytes, got {max_bytes!r}")
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    run = Run()
    web = fetcher or Fetcher(max_bytes=max_bytes)
    try:
        for target in map(os.fspath, paths):
            if is_url(target):
                yield from read_target_url(target, web)
            else:
                yield from read_target(target, stdin, max_bytes, run)
    finally:
        if fetcher is None:
            web.close()
