"""Turn files, folders, glob patterns and stdin into :class:`~techkg.records.Article` records.

:func:`read_articles` is the single entry point. It yields an ``Article`` for
every article it can read and a :class:`~techkg.errors.CorpusError` (yielded,
not raised) for every input it cannot, so one bad file never stops a corpus.

Formats, chosen by extension (stdin is sniffed):

* ``.txt`` / ``.md``: one article; optional ``---`` front matter at the top.
* ``.html`` / ``.htm``: one article; main text and metadata via trafilatura.
* ``.jsonl``: one JSON object per line, streamed (flat memory).
* ``.json``: one object, or a list of objects.

See ``docs/input-formats.md`` for the rules on titles, ids, dates and encodings.

>>> import io
>>> page = io.StringIO("英伟达发布H100\\n\\n英伟达今天发布了H100。")
>>> [(a.id, a.title, a.text) for a in read_articles(["-"], stdin=page)]
[('stdin', '英伟达发布H100', '英伟达今天发布了H100。')]
"""

from __future__ import annotations

import codecs
import glob
import hashlib
import io
import json
import logging
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import BinaryIO, TextIO
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from techkg.errors import CorpusError
from techkg.records import Article

log = logging.getLogger(__name__)

TEXT_SUFFIXES: tuple[str, ...] = (".txt", ".md")
HTML_SUFFIXES: tuple[str, ...] = (".html", ".htm")
JSON_SUFFIXES: tuple[str, ...] = (".jsonl", ".json")
SUFFIXES: tuple[str, ...] = TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES
"""Every extension techkg reads (lower case)."""

TITLE_MAX = 100
"""A first line longer than this is not taken as the title."""

LEAD_MIN = 30
"""A first line this long that the body repeats is a scraped lead, not a title."""

DEFAULT_MAX_BYTES = 20_000_000
STDIN = "<stdin>"
FRONT_MATTER_KEYS: tuple[str, ...] = ("title", "date", "source", "url", "id", "lang")
ID_MAX = 120

_VALID = ", ".join(SUFFIXES)
_READS = "techkg reads .txt, .md, .html, .jsonl"
_SNIFF_BYTES = 65_536
_GLOB_MAGIC = re.compile(r"[*?[]")
# Legacy Chinese encodings tried, in this order, when a file is not UTF-8.
_CJK_ENCODINGS = ["gb18030", "big5", "cp950", "big5hkscs"]
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


# --------------------------------------------------------------------------- entry points


def read_articles(
    paths: Sequence[str | Path],
    *,
    stdin: TextIO | BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | CorpusError]:
    """Read every article under ``paths``, yielding articles and located errors.

    Args:
        paths: files, folders (read recursively, sorted, hidden entries skipped),
            glob patterns (``corpus/*.md``, ``corpus/**``) or ``-`` for stdin.
            The same file reached twice is read once.
        stdin: the stream ``-`` reads (text or binary); ``sys.stdin`` by default.
        max_bytes: largest file (for JSONL: largest line) read; bigger ones
            yield an error.

    Yields:
        An :class:`Article` per article read, a :class:`CorpusError` per input
        (file, JSONL line, list item) that could not be read. Nothing is read
        ahead: a folder or a JSONL file is streamed.

    Raises:
        CorpusError: ``max_bytes`` is not a positive number (a usage error,
            not a bad input).

    >>> import io
    >>> lines = io.StringIO('{"id": "a1", "text": "輝達與台積電合作。"}\\n{"title": "x"}\\n')
    >>> for item in read_articles(["-"], stdin=lines):
    ...     print(item.id if isinstance(item, Article) else item)
    a1
    <stdin>:2: missing the "text" field; every article needs its body text in "text"
    """
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
        raise CorpusError("--max-bytes", f"must be a positive number of bytes, got {max_bytes!r}")
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    seen: set[str] = set()
    for target in paths:
        yield from _read_target(os.fspath(target), stdin, max_bytes, seen)


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
    text = d.get("text") if isinstance(d, Mapping) else None
    fallback = "h"
    if isinstance(text, str):
        body = _strip_blank_lines(text).encode("utf-8", "surrogatepass")
        fallback += hashlib.sha1(body).hexdigest()[:16]
    return _article_from_mapping(d, source=source, line=None, path=source, fallback_id=fallback)


# --------------------------------------------------------------------------- paths


def _read_target(
    name: str, stdin: TextIO | BinaryIO | None, max_bytes: int, seen: set[str]
) -> Iterator[Article | CorpusError]:
    """One command-line argument: ``-``, a file, a folder or a glob pattern."""
    if name == "-":
        yield from _read_stdin(stdin, max_bytes)
        return
    path = Path(name).expanduser()
    if path.is_file():
        if path.suffix.lower() not in SUFFIXES:
            shown = path.suffix or "(none)"
            yield CorpusError(
                name,
                f"unsupported file type {shown!r}; valid: {_VALID} "
                "(convert the file or rename it if it is one of these)",
            )
            return
        yield from _read_file(path, name, max_bytes, seen)
    elif path.is_dir():
        yield from _read_folder(path, name, max_bytes, seen)
    elif _GLOB_MAGIC.search(name):
        yield from _read_glob(name, max_bytes, seen)
    elif path.exists():
        yield CorpusError(name, "not a regular file or folder; save the articles to a file first")
    else:
        yield CorpusError(name, "no such file or folder; check the path")


def _read_glob(pattern: str, max_bytes: int, seen: set[str]) -> Iterator[Article | CorpusError]:
    matches = sorted(glob.iglob(os.path.expanduser(pattern), recursive=True))
    if not matches:
        yield CorpusError(
            pattern,
            "no files match this pattern; check it (quote it so the shell does not expand it)",
        )
        return
    readable = 0
    for match in matches:
        path = Path(match)
        if path.is_dir():
            readable += yield from _read_folder(path, match, max_bytes, seen, quiet=True)
        elif path.is_file() and path.suffix.lower() in SUFFIXES:
            readable += 1
            yield from _read_file(path, match, max_bytes, seen)
    if not readable:
        yield CorpusError(
            pattern,
            f"the pattern matches {len(matches)} path(s) but no readable file "
            f"({_VALID}); change the pattern",
        )


def _read_folder(
    root: Path, name: str, max_bytes: int, seen: set[str], *, quiet: bool = False
) -> Generator[Article | CorpusError, None, int]:
    """Every readable file under ``root``, in sorted order, streamed; returns how many."""
    found = skipped = 0
    for item in _walk(root, {os.path.realpath(root)}):
        if isinstance(item, CorpusError):
            yield item
        elif item.suffix.lower() in SUFFIXES:
            found += 1
            yield from _read_file(item, str(item), max_bytes, seen)
        else:
            skipped += 1
    if not found and not quiet:
        other = f" ({skipped} other file(s) skipped)" if skipped else ""
        yield CorpusError(
            name,
            f"folder has no readable files{other}; techkg reads {_VALID} "
            "(hidden files and folders are skipped)",
        )
    return found


def _walk(folder: Path, visited: set[str]) -> Iterator[Path | CorpusError]:
    """Files under ``folder`` in path order, without hidden entries or symlink loops."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield CorpusError(
            str(folder), f"cannot list the folder ({exc.strerror}); check its permissions"
        )
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
            is_file = not is_dir and entry.is_file()
        except OSError:
            continue
        if is_dir:
            real = os.path.realpath(entry.path)
            if real not in visited:
                visited.add(real)
                yield from _walk(Path(entry.path), visited)
        elif is_file:
            yield Path(entry.path)


# --------------------------------------------------------------------------- files and stdin


def _read_file(
    path: Path, name: str, max_bytes: int, seen: set[str]
) -> Iterator[Article | CorpusError]:
    """One file of a supported type; errors are yielded."""
    real = os.path.realpath(path)
    if real in seen:
        log.debug("%s: already read, skipped", name)
        return
    seen.add(real)
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            with open(path, "rb") as fh:
                yield from _read_jsonl(fh, name, path.stem, max_bytes)
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield CorpusError(name, _too_large("file", size, max_bytes))
            return
        data = path.read_bytes()
    except OSError as exc:
        yield CorpusError(name, f"cannot read the file ({exc.strerror}); check its permissions")
        return
    kind = "html" if suffix in HTML_SUFFIXES else "json" if suffix == ".json" else "text"
    yield from _parse_document(data, kind, name, path.stem, markdown=suffix == ".md")


def _read_stdin(
    stream: TextIO | BinaryIO | None, max_bytes: int
) -> Iterator[Article | CorpusError]:
    """``-``: JSONL if the first non-blank character is ``{``, HTML if ``<``, else text."""
    if stream is None:
        stream = getattr(sys.stdin, "buffer", sys.stdin)
    first = stream.read(_SNIFF_BYTES)
    head = first.encode("utf-8", "surrogatepass") if isinstance(first, str) else first
    binary = io.BufferedReader(_Chain(head, stream))
    kind = _sniff(head)
    if kind == "jsonl":
        yield from _read_jsonl(binary, STDIN, "stdin", max_bytes)
        return
    data = binary.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield CorpusError(STDIN, _too_large("input", None, max_bytes))
        return
    yield from _parse_document(data, kind, STDIN, "stdin", markdown=False)


def _sniff(head: bytes) -> str:
    """Format of stdin from its first non-blank character."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            head = head.decode(encoding, "ignore").encode("utf-8")
            break
    stripped = head.lstrip(b" \t\r\n\x0b\x0c")
    if stripped.startswith(b"{"):
        return "jsonl"
    if stripped.startswith(b"<"):
        return "html"
    return "text"


class _Chain(io.RawIOBase):
    """A read-only raw stream serving ``head`` first, then the rest of ``tail``.

    ``tail`` may be a text stream: its characters are served as UTF-8 bytes.
    """

    def __init__(self, head: bytes, tail: TextIO | BinaryIO) -> None:
        super().__init__()
        self._buf = head
        self._tail = tail

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        while not self._buf:
            chunk = self._tail.read(max(len(b), 8192))
            if not chunk:
                return 0
            self._buf = chunk.encode("utf-8", "surrogatepass") if isinstance(chunk, str) else chunk
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        return n


# --------------------------------------------------------------------------- whole documents


def _parse_document(
    data: bytes, kind: str, source: str, stem: str, *, markdown: bool
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


def _text_article(text: str, source: str, stem: str, *, markdown: bool) -> Article:
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
    meta = meta or {}
    return _make_article(
        text=body,
        title=title,
        fields=meta,
        source=source,
        path=source,
        line=None,
        fallback_id=stem,
    )


def _html_article(html: str, source: str, stem: str) -> Article:
    """An HTML page: main text and metadata extracted with trafilatura."""
    import trafilatura  # heavy: only when an HTML file is read

    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, favor_recall=True
        )
    except Exception as exc:  # lxml and trafilatura raise many kinds
        raise CorpusError(
            source, f"could not parse the HTML ({exc}); save the article as .txt"
        ) from exc
    body = _strip_blank_lines(getattr(doc, "text", None) or "")
    if not body:
        raise CorpusError(
            source,
            "no article text found in the HTML; check that the page holds the article body "
            "(not a login, index or script-only page), or save the text as .txt",
        )
    title = (doc.title or "").strip()
    if title:
        heading, rest = _first_line(body, False)
        if heading == title and rest:
            body = rest  # trafilatura repeats the <h1> headline at the top
    fields = {"date": doc.date, "url": doc.url, "source": doc.sitename}
    return _make_article(
        text=body,
        title=title,
        fields=fields,
        source=source,
        path=source,
        line=None,
        fallback_id=stem,
    )


def _json_articles(text: str, source: str, stem: str) -> Iterator[Article | CorpusError]:
    """A ``.json`` file: one object or a list (several objects per line fall back to JSONL)."""
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # one object per line: it is JSON Lines after all
            reader = io.BufferedReader(_Chain(b"", io.StringIO(text)))
            yield from _read_jsonl(reader, source, stem, max(len(text) * 4, 1))
            return
        yield CorpusError(
            source,
            f"broken JSON ({exc.msg}, column {exc.colno}); a .json file holds one article "
            'object {"text": ...} or a list of them',
            exc.lineno,
        )
        return
    if isinstance(obj, list):
        if not obj:
            yield CorpusError(source, "the JSON list is empty; add article objects to it")
        for i, item in enumerate(obj, start=1):
            try:
                yield _article_from_mapping(
                    item,
                    source=source,
                    line=None,
                    path=f"{source}#{i}",
                    fallback_id=f"{stem}-{i}",
                    label=f"item {i}: ",
                )
            except CorpusError as exc:
                yield exc
        return
    try:
        yield _article_from_mapping(obj, source=source, line=None, path=source, fallback_id=stem)
    except CorpusError as exc:
        yield exc


# --------------------------------------------------------------------------- JSON Lines


def _read_jsonl(
    stream: BinaryIO, source: str, stem: str, max_bytes: int
) -> Iterator[Article | CorpusError]:
    """Stream a JSONL file line by line; each bad line is its own error."""
    head = stream.peek(4)[:4] if hasattr(stream, "peek") else b""
    for bom, encoding in _BOMS:
        if encoding != "utf-8-sig" and head.startswith(bom):
            stream = io.BufferedReader(_Chain(b"", io.TextIOWrapper(stream, encoding=encoding)))
            break
    else:
        sample = stream.peek(_SNIFF_BYTES)[:_SNIFF_BYTES] if hasattr(stream, "peek") else b""
        if b"\x00" in sample:
            yield CorpusError(source, f"looks binary (NUL bytes); {_READS} files")
            return
    decoder = _LineDecoder(source)
    lines = _byte_lines(stream.readline, max_bytes)
    lineno = written = 0
    while True:
        try:
            item = next(lines, None)
        except UnicodeDecodeError as exc:
            yield CorpusError(
                source, f"not valid {exc.encoding} text; re-save the file as UTF-8", lineno + 1
            )
            return
        if item is None:
            break
        lineno, raw, size = item
        if raw is None:
            written += 1
            yield CorpusError(source, _too_large("line", size, max_bytes), lineno)
            continue
        if lineno == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        try:
            line = decoder.decode(raw, lineno)
            if not line.strip():
                continue
            written += 1
            yield _article_from_mapping(
                json.loads(line),
                source=source,
                line=lineno,
                path=f"{source}:{lineno}",
                fallback_id=f"{stem}-{lineno}",
            )
        except json.JSONDecodeError as exc:
            yield CorpusError(
                source,
                f"broken JSON ({exc.msg}, column {exc.colno}); each line must be one complete "
                'JSON object such as {"text": "..."}: fix or delete the line',
                lineno,
            )
        except CorpusError as exc:
            yield exc
    if not written:
        what = "is empty" if not lineno else "holds only white space"
        yield CorpusError(source, f"file {what}; add one JSON article per line or remove the file")


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

    def __init__(self, source: str) -> None:
        self.source = source
        self.encoding: str | None = None

    def decode(self, raw: bytes, lineno: int) -> str:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        if self.encoding is not None:
            try:
                return raw.decode(self.encoding)
            except UnicodeDecodeError:
                pass
        guess = _guess_encoding(raw)
        if guess is None:
            raise CorpusError(
                self.source,
                "line is not valid UTF-8 (nor GB18030 or Big5) text; re-save the file as UTF-8",
                lineno,
            )
        self.encoding = guess[0]
        return guess[1]


# --------------------------------------------------------------------------- records


def _article_from_mapping(
    d: object,
    *,
    source: str,
    line: int | None,
    path: str,
    fallback_id: str,
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
    fallback_id: str,
) -> Article:
    """Common tail of every format: id, date and URL rules."""
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
    else:
        article_id = sanitize_id(fallback_id)
    return Article(
        id=article_id,
        text=text,
        title=title,
        date=when,
        url=url,
        source=(fields.get("source") or "").strip() or None,
        path=path,
    )


# --------------------------------------------------------------------------- text layout


_FM_KEY = re.compile(r"([A-Za-z_][\w-]*)\s*[:：]\s*(.*)\Z")
_LEADING_BLANK = re.compile(r"\A(?:[^\S\n]*\n)+")
_ATX = re.compile(r"\A#{1,6}\s+(.*?)(?:\s+#+)?\s*\Z")
_SETEXT = re.compile(r"\A(?:=+|-+)\s*\Z")
_SENTENCE_END = re.compile(r"[。！？!?]")


def _strip_blank_lines(text: str) -> str:
    """Drop blank lines at the start (keeping the first line's indent) and white space at the end."""
    return _LEADING_BLANK.sub("", text, count=1).rstrip()


def _split_front_matter(text: str, source: str) -> tuple[dict[str, str] | None, int]:
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
                    source,
                    f"front matter {key!r} must fit on one line as 'key: value'",
                    lineno,
                )
            continue  # nested value of a key techkg does not read (tags, authors...)
        m = _FM_KEY.match(stripped)
        if not m:
            raise CorpusError(
                source,
                "front matter line is not 'key: value'; fix it, or close the front matter "
                "with a '---' line",
                lineno,
            )
        key = unicodedata.normalize("NFKC", m.group(1)).lower()
        if key in FRONT_MATTER_KEYS:
            meta[key] = _unquote(m.group(2).strip())
        else:
            log.debug("%s:%d: front matter key %r ignored", source, lineno, key)
    raise CorpusError(
        source, "front matter opened with '---' is never closed; add a '---' line after it", 1
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


def _first_line(body: str, markdown: bool) -> tuple[str, str]:
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
    return heading, _strip_blank_lines(rest)


def _take_title(body: str, markdown: bool) -> tuple[str, str]:
    """Title and body of a file without a front-matter title.

    * A first line that the body then repeats, at least :data:`LEAD_MIN`
      characters long, is a scraped lead (a truncated copy of the body's start,
      as in the seed article): it is dropped from the text and the title is its
      first sentence (shortened to :data:`TITLE_MAX` characters with ``…``).
    * Otherwise a first line of at most :data:`TITLE_MAX` characters is the title.
    * Otherwise (a long first line, or a one-line file) the title is empty and
      the whole file is the text.
    """
    heading, rest = _first_line(body, markdown)
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


# --------------------------------------------------------------------------- encodings


def decode_bytes(data: bytes, source: str, *, hint: str | None = None) -> str:
    """Decode a file: BOM, else strict UTF-8, else GB18030/Big5 (charset-normalizer).

    Args:
        data: the file's bytes.
        source: the file name, for the error message.
        hint: an encoding the file declares (HTML ``<meta charset>``), tried
            after UTF-8.

    Raises:
        CorpusError: the bytes hold NULs or decode as none of these encodings.

    >>> decode_bytes("台積電與聯發科合作".encode("big5"), "a.txt")
    '台積電與聯發科合作'
    >>> decode_bytes("英伟达".encode("gbk"), "a.txt")
    '英伟达'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).removeprefix("\ufeff")
            except UnicodeDecodeError:
                raise CorpusError(
                    source,
                    f"starts with a {encoding.upper()} byte-order mark but is not valid "
                    f"{encoding.upper()}; re-save it as UTF-8",
                ) from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise CorpusError(
            source, f"looks binary (NUL byte at offset {nul}); {_READS} files, convert it to text"
        )
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        pass
    if hint:
        try:
            return data.decode(hint).removeprefix("\ufeff")
        except (UnicodeDecodeError, LookupError):
            pass
    guess = _guess_encoding(data)
    if guess is None:
        raise CorpusError(
            source,
            f"looks binary (not valid UTF-8, GB18030 or Big5 text); {_READS} files, "
            "re-save it as UTF-8",
        )
    log.debug("%s: decoded as %s", source, guess[0])
    return guess[1].removeprefix("\ufeff")


def _guess_encoding(data: bytes) -> tuple[str, str] | None:
    """``(encoding, text)`` for bytes that are not UTF-8.

    Every Chinese legacy encoding that decodes the bytes strictly is a
    candidate. GB and Big5 byte ranges overlap, so most GBK text also decodes
    as Big5 (and the reverse): the candidate whose characters are the common
    ones wins (:func:`_common_share`). charset-normalizer misreads short texts
    such as ``英伟达`` in GBK, so it only decides when no candidate is clearly
    right, and for other encodings.
    """
    decoded: list[tuple[str, str]] = []
    for encoding in _CJK_ENCODINGS:
        try:
            decoded.append((encoding, data.decode(encoding)))
        except UnicodeDecodeError:
            continue
    if decoded:
        share, encoding, text = max(
            ((_common_share(enc, txt), enc, txt) for enc, txt in decoded),
            key=lambda t: t[0],  # max() keeps the first of equals: GB18030 before Big5
        )
        if share >= 0.6:
            return encoding, text
    from charset_normalizer import from_bytes  # only needed for unusual input

    isolations = ([enc for enc, _ in decoded], None) if decoded else (None,)
    for isolation in isolations:
        best = from_bytes(data, cp_isolation=isolation).best()
        if best is not None:
            try:
                return best.encoding, data.decode(best.encoding)
            except (UnicodeDecodeError, LookupError):
                continue
    return None


def _common_share(encoding: str, text: str, sample: int = 20_000) -> float:
    """Share of the non-ASCII characters of ``text`` that are common in ``encoding``'s script.

    Common means GB2312 punctuation or level-1 hanzi (the 3,755 most used
    Simplified characters) for GB18030, and Big5 punctuation or level-1
    characters (the 5,401 most used Traditional ones) for the Big5 family. A
    wrong reading turns text into rare characters, kana and symbols instead.
    """
    seen: dict[str, bool] = {}
    total = common = 0
    for ch in text:
        if ch < "\x80":
            continue
        ok = seen.get(ch)
        if ok is None:
            ok = seen[ch] = _is_common(encoding, ch)
        total += 1
        common += ok
        if total >= sample:
            break
    return common / total if total else 1.0


def _is_common(encoding: str, ch: str) -> bool:
    table = "gb2312" if encoding == "gb18030" else "cp950"
    try:
        lead, trail = ch.encode(table)[:2]
    except (UnicodeEncodeError, ValueError):
        return False
    if table == "gb2312":
        return 0xA1 <= lead <= 0xA3 or 0xB0 <= lead <= 0xD7
    return 0xA1 <= lead <= 0xC5 or (lead == 0xC6 and trail <= 0x7E)


_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)


def _html_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares in its first bytes, as a Python codec name."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    if name in ("gb2312", "gbk", "x-gbk", "gb_2312-80"):
        return "gb18030"  # GB18030 is a superset; pages labelled GB2312 often use GBK characters
    if name in ("big5", "x-x-big5"):
        return "cp950"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


# --------------------------------------------------------------------------- dates


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


# --------------------------------------------------------------------------- ids


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


# --------------------------------------------------------------------------- messages


def _human(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n} bytes"


def _limit(n: int) -> str:
    return _human(n).replace(".0 ", " ")


def _too_large(what: str, size: int | None, max_bytes: int) -> str:
    """``file is 52.4 MB, above the 20 MB limit; ...``."""
    how_big = f"{what} is {_human(size)}" if size is not None else f"{what} is larger"
    fix = "split the article" if what == "line" else "split it into smaller files"
    return f"{how_big}, above the {_limit(max_bytes)} limit; {fix} or pass --max-bytes"


def _json_type(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    if value is None:
        return "null"
    return type(value).__name__
