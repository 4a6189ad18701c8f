"""A whole file (or stdin) in memory: decoded, then parsed as text, HTML or JSON."""

from __future__ import annotations

from collections.abc import Iterator

from techkg.errors import CorpusError
from techkg.read.encoding import _html_charset, decode_bytes
from techkg.read.htmlfile import _html_article
from techkg.read.jsonfile import _json_articles
from techkg.read.textfile import _text_article
from techkg.records import Article


def _parse_document(
    data: bytes, kind: str, source: str, stem: str | None, *, markdown: bool
) -> Iterator[Article | CorpusError]:
    """Decode and parse one file or stdin holding text, HTML or JSON."""
    try:
        if not data:
            raise CorpusError(source, "file is empty; add the article text or remove the file")
        text = decode_bytes(data, source, hint=_html_charset(data) if kind == "html" else None)
        if not text.strip():
            raise CorpusError(
                source, "file holds only white space; add the article text or remove the file"
            )
        if kind == "json":
            yield from _json_articles(text, source, stem)
        elif kind == "html":
            yield _html_article(text, source, stem)
        else:
            yield _text_article(text, source, stem, markdown=markdown)
    except CorpusError as exc:
        yield exc
