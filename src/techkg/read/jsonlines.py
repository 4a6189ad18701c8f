"""JSON Lines: one article object per line, streamed with flat memory."""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Callable, Iterator
from typing import BinaryIO

from techkg.errors import CorpusError
from techkg.read.articles import _article_from_mapping
from techkg.read.encoding import _BOMS, _damaged_utf8, _guess_encoding, _undecodable
from techkg.read.messages import _READS, _too_large
from techkg.read.streams import _SNIFF_BYTES, _Chain
from techkg.records import Article


def _read_jsonl(
    stream: BinaryIO, source: str, stem: str | None, max_bytes: int
) -> Iterator[Article | CorpusError]:
    """Stream a JSONL file line by line; each bad line is its own error.

    A line without id or URL gets the id ``{stem}-{line}``, or (``stem`` None:
    stdin) the content id of its text.
    """
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
                fallback_id=None if stem is None else f"{stem}-{lineno}",
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
        if _damaged_utf8(raw):
            raise CorpusError(self.source, _undecodable(raw, one_line=True), lineno)
        if self.encoding is not None:
            try:
                return raw.decode(self.encoding)
            except UnicodeDecodeError:
                pass
        guess = _guess_encoding(raw)
        if guess is None:
            raise CorpusError(self.source, _undecodable(raw, one_line=True), lineno)
        self.encoding = guess[0]
        return guess[1]
