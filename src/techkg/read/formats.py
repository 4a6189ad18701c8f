"""One file's text to articles, by format: text and Markdown (with front matter), HTML, JSON, JSON Lines."""

from __future__ import annotations

import codecs
import io
import json
import logging
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from typing import BinaryIO

from techkg.errors import CorpusError
from techkg.read.decode import (
    BOMS,
    READS,
    SNIFF_BYTES,
    Chain,
    damaged_utf8,
    decode_bytes,
    guess_encoding,
    html_charset,
    too_large,
    undecodable,
)
from techkg.read.fields import (
    article_from_mapping,
    first_line,
    strip_blank_lines,
    take_title,
    whole_file_article,
)
from techkg.records import Article

# The package's logger: records keep the name they had before read.py became a package.
log = logging.getLogger("techkg.read")

FRONT_MATTER_KEYS: tuple[str, ...] = ("title", "date", "source", "url", "id", "lang")

_FM_KEY = re.compile(r"([A-Za-z_][\w-]*)\s*[:：]\s*(.*)\Z")


def _split_front_matter(text: str, where: str) -> tuple[dict[str, str] | None, int]:
    """``(fields, offset of the body)``; ``(None, 0)`` when the file has no front matter."""
    lines = text.splitlines(keepends=True)
    if len(lines) < 2 or lines[0].strip() != "---":
        return None, 0
    first = next((ln.strip() for ln in lines[1:] if ln.strip()), "")
    if first != "---" and not _FM_KEY.match(first):
        return None, 0  # a Markdown rule, not front matter
    meta: dict[str, str] = {}
    offset = len(lines[0])
    key = ""
    for lineno, raw in enumerate(lines[1:], start=2):
        offset += len(raw)
        stripped = raw.strip()
        if stripped in ("---", "..."):
            return meta, offset
        if not stripped or stripped.startswith("#"):
            continue
        if raw[:1].isspace() or stripped.startswith("- "):
            if key in FRONT_MATTER_KEYS:
                raise CorpusError(
                    where,
                    f"front matter {key!r} must fit on one line as 'key: value'",
                    lineno,
                )
            continue  # nested value of a key techkg does not read (tags, authors...)
        m = _FM_KEY.match(stripped)
        if not m:
            raise CorpusError(
                where,
                "front matter line is not 'key: value'; fix it, or close the front matter "
                "with a '---' line",
                lineno,
            )
        key = unicodedata.normalize("NFKC", m.group(1)).lower()
        if key in FRONT_MATTER_KEYS:
            meta[key] = _unquote(m.group(2).strip())
        else:
            log.debug("%s:%d: front matter key %r ignored", where, lineno, key)
    raise CorpusError(
        where, "front matter opened with '---' is never closed; add a '---' line after it", 1
    )


def _unquote(value: str) -> str:
    """A front-matter value: quotes removed (double quotes take JSON escapes), comments cut."""
    if len(value) >= 2 and value[0] == value[-1] == '"':
        try:
            return str(json.loads(value))
        except json.JSONDecodeError:
            return value[1:-1]
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return re.split(r"\s+#", value, maxsplit=1)[0].rstrip()


def _text_article(text: str, where: str, stem: str | None, *, markdown: bool) -> Article:
    """A ``.txt``/``.md`` file: front matter, title line, body."""
    meta, offset = _split_front_matter(text, where)
    body = strip_blank_lines(text[offset:])
    if not body:
        raise CorpusError(
            where,
            "no article text after the front matter; write the article below the closing '---'",
        )
    if meta is not None and "title" in meta:
        title = meta["title"]
        heading, rest = first_line(body, markdown)
        if heading == title and rest:
            body = rest  # a Markdown heading repeating the front-matter title
    else:
        title, body = take_title(body, markdown)
    return whole_file_article(body, title, meta or {}, where, stem)


def html_article(
    html: str,
    where: str,
    stem: str | None,
    *,
    url: str | None = None,
    defaults: Mapping[str, str | None] | None = None,
) -> Article:
    """An HTML page: main text and metadata extracted with trafilatura.

    Args:
        html: the decoded page.
        where: where it came from (file, ``<stdin>`` or URL), for errors and ``Article.path``.
        stem: the fallback id.
        url: the address the page was fetched from; it wins over the page's canonical URL.
        defaults: ``title``, ``date`` and ``source`` used where the page has none
            (a feed item's own metadata).
    """
    trafilatura = _html_stack(where)
    try:
        # Precision first keeps logos and link lists out; recall keeps short items that it drops.
        for recall in (False, True):
            doc = trafilatura.bare_extraction(
                html, with_metadata=True, include_comments=False, favor_recall=recall
            )
            body = strip_blank_lines(getattr(doc, "text", None) or "")
            if body:
                break
    except Exception as exc:  # lxml and trafilatura raise many kinds
        raise CorpusError(
            where, f"could not parse the HTML ({exc}); save the article as .txt"
        ) from exc
    if not body or _only_links(body, html):
        raise CorpusError(
            where,
            "no article text found in the HTML; check that the page holds the article body "
            "(not a login, index or script-only page), or save the text as .txt",
        )
    defaults = defaults or {}
    title = (doc.title or defaults.get("title") or "").strip()
    if title:
        heading, rest = first_line(body, False)
        if heading == title and rest:
            body = rest  # trafilatura repeats the <h1> headline at the top
    fields = {
        "date": doc.date or defaults.get("date"),
        "url": url or doc.url,
        "source": doc.sitename or defaults.get("source"),
    }
    return whole_file_article(body, title, fields, where, stem)


def _html_stack(where: str):
    """trafilatura, imported on first use, or a located error when the HTML stack is broken.

    Heavy, and only HTML needs it: a missing or mismatched piece (trafilatura,
    lxml, lxml_html_clean) makes each HTML input fail with this message while
    text and JSON inputs still read.
    """
    try:
        import trafilatura
    except ImportError as exc:
        raise CorpusError(
            where,
            f"cannot read HTML: the HTML reader (trafilatura) does not import ({exc}); "
            "reinstall techkg's dependencies (pip install --force-reinstall techkg), "
            "or save the article as .txt",
        ) from exc
    return trafilatura


def _only_links(body: str, html: str) -> bool:
    """True when every line of the extracted text is the label of a link on the page.

    Such text is navigation ("首页", "Home", "返回首頁"), not an article: a
    page whose main text trafilatura could not find falls back to it.
    """
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return False
    labels = {" ".join(a.text_content().split()) for a in root.iter("a")}
    lines = [" ".join(line.split()) for line in body.splitlines() if line.strip()]
    return all(line in labels for line in lines)


def read_jsonl(
    stream: BinaryIO, where: str, stem: str | None, max_bytes: int
) -> Iterator[Article | CorpusError]:
    """Stream a JSONL file line by line; each bad line is its own error.

    A line without id or URL gets the id ``{stem}-{line}``, or (``stem`` None:
    stdin) the content id of its text.
    """
    head = stream.peek(4)[:4] if hasattr(stream, "peek") else b""
    for bom, encoding in BOMS:
        if encoding != "utf-8-sig" and head.startswith(bom):
            stream = io.BufferedReader(Chain(b"", io.TextIOWrapper(stream, encoding=encoding)))
            break
    else:
        sample = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES] if hasattr(stream, "peek") else b""
        if b"\x00" in sample:
            yield CorpusError(where, f"looks binary (NUL bytes); {READS} files")
            return
    decoder = _LineDecoder(where)
    lines = _byte_lines(stream.readline, max_bytes)
    lineno = written = 0
    while True:
        try:
            item = next(lines, None)
        except UnicodeDecodeError as exc:
            yield CorpusError(
                where, f"not valid {exc.encoding} text; re-save the file as UTF-8", lineno + 1
            )
            return
        if item is None:
            break
        lineno, raw, size = item
        if raw is None:
            written += 1
            yield CorpusError(where, too_large("line", size, max_bytes), lineno)
            continue
        if lineno == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        try:
            line = decoder.decode(raw, lineno)
            if not line.strip():
                continue
            written += 1
            yield article_from_mapping(
                json.loads(line),
                where=where,
                line=lineno,
                path=f"{where}:{lineno}",
                fallback_id=None if stem is None else f"{stem}-{lineno}",
            )
        except json.JSONDecodeError as exc:
            yield CorpusError(
                where,
                f"broken JSON ({exc.msg}, column {exc.colno}); each line must be one complete "
                'JSON object such as {"text": "..."}: fix or delete the line',
                lineno,
            )
        except CorpusError as exc:
            yield exc
    if not written:
        what = "is empty" if not lineno else "holds only white space"
        yield CorpusError(where, f"file {what}; add one JSON article per line or remove the file")


def _byte_lines(
    readline: Callable[[int], bytes], max_bytes: int
) -> Iterator[tuple[int, bytes | None, int]]:
    """``(line number, line or None if too long, length)``, never holding more than one line."""
    lineno = 0
    while True:
        chunk = readline(max_bytes + 1)
        if not chunk:
            return
        lineno += 1
        ends = chunk.endswith(b"\n")
        size = len(chunk) - ends
        if size <= max_bytes:
            yield lineno, chunk, size
            continue
        while not ends:  # skip the rest of an over-long line in bounded reads
            more = readline(1 << 20)
            if not more:
                break
            ends = more.endswith(b"\n")
            size += len(more) - ends
        yield lineno, None, size


class _LineDecoder:
    """Decodes JSONL lines: UTF-8, else the legacy encoding found on the first non-UTF-8 line."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.encoding: str | None = None

    def decode(self, raw: bytes, lineno: int) -> str:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        if damaged_utf8(raw):
            raise CorpusError(self.where, undecodable(raw, one_line=True), lineno)
        if self.encoding is not None:
            try:
                return raw.decode(self.encoding)
            except UnicodeDecodeError:
                pass
        guess = guess_encoding(raw)
        if guess is None:
            raise CorpusError(self.where, undecodable(raw, one_line=True), lineno)
        self.encoding = guess[0]
        return guess[1]


def _json_articles(text: str, where: str, stem: str) -> Iterator[Article | CorpusError]:
    """A ``.json`` file: one object or a list (several objects per line fall back to JSONL)."""
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # one object per line: it is JSON Lines after all
            reader = io.BufferedReader(Chain(b"", io.StringIO(text)))
            yield from read_jsonl(reader, where, stem, max(len(text) * 4, 1))
            return
        yield CorpusError(
            where,
            f"broken JSON ({exc.msg}, column {exc.colno}); a .json file holds one article "
            'object {"text": ...} or a list of them',
            exc.lineno,
        )
        return
    if isinstance(obj, list):
        if not obj:
            yield CorpusError(where, "the JSON list is empty; add article objects to it")
        for i, item in enumerate(obj, start=1):
            try:
                yield article_from_mapping(
                    item,
                    where=where,
                    line=None,
                    path=f"{where}#{i}",
                    fallback_id=f"{stem}-{i}",
                    label=f"item {i}: ",
                )
            except CorpusError as exc:
                yield exc
        return
    try:
        yield article_from_mapping(obj, where=where, line=None, path=where, fallback_id=stem)
    except CorpusError as exc:
        yield exc


def parse_document(
    data: bytes, kind: str, where: str, stem: str | None, *, markdown: bool
) -> Iterator[Article | CorpusError]:
    """Decode and parse one file or stdin holding text, HTML or JSON."""
    try:
        if not data:
            raise CorpusError(where, "file is empty; add the article text or remove the file")
        text = decode_bytes(data, where, hint=html_charset(data) if kind == "html" else None)
        if not text.strip():
            raise CorpusError(
                where, "file holds only white space; add the article text or remove the file"
            )
        if kind == "json":
            yield from _json_articles(text, where, stem)
        elif kind == "html":
            yield html_article(text, where, stem)
        else:
            yield _text_article(text, where, stem, markdown=markdown)
    except CorpusError as exc:
        yield exc
