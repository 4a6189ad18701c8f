"""A ``.txt`` or ``.md`` article: optional front matter, a title line, the body."""

from __future__ import annotations

from techkg.errors import CorpusError
from techkg.read.articles import _whole_file_article
from techkg.read.frontmatter import _split_front_matter
from techkg.read.layout import _first_line, _strip_blank_lines, _take_title
from techkg.records import Article


def _text_article(text: str, source: str, stem: str | None, *, markdown: bool) -> Article:
    """A ``.txt``/``.md`` file: front matter, title line, body."""
    meta, offset = _split_front_matter(text, source)
    body = _strip_blank_lines(text[offset:])
    if not body:
        raise CorpusError(
            source,
            "no article text after the front matter; write the article below the closing '---'",
        )
    if meta is not None and "title" in meta:
        title = meta["title"]
        heading, rest = _first_line(body, markdown)
        if heading == title and rest:
            body = rest  # a Markdown heading repeating the front-matter title
    else:
        title, body = _take_title(body, markdown)
    return _whole_file_article(body, title, meta or {}, source, stem)
