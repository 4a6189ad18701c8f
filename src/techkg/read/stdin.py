"""``-``: standard input, its format sniffed from the first non-blank character."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from typing import BinaryIO, TextIO

from techkg.errors import CorpusError
from techkg.read.document import _parse_document
from techkg.read.encoding import _BOMS
from techkg.read.jsonlines import _read_jsonl
from techkg.read.messages import _too_large
from techkg.read.streams import _SNIFF_BYTES, _Chain
from techkg.records import Article

STDIN = "<stdin>"


def _read_stdin(
    stream: TextIO | BinaryIO | None, max_bytes: int
) -> Iterator[Article | CorpusError]:
    """``-``: JSONL if the first non-blank character is ``{``, HTML if ``<``, else text.

    Stdin has no name, so an article without id or URL gets the content id of
    its text: two different texts piped in stay two articles.
    """
    if stream is None:
        stream = getattr(sys.stdin, "buffer", sys.stdin)
    first = stream.read(_SNIFF_BYTES)
    head = first.encode("utf-8", "surrogatepass") if isinstance(first, str) else first
    binary = io.BufferedReader(_Chain(head, stream))
    kind = _sniff(head)
    if kind == "jsonl":
        yield from _read_jsonl(binary, STDIN, None, max_bytes)
        return
    data = binary.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield CorpusError(STDIN, _too_large("input", None, max_bytes))
        return
    yield from _parse_document(data, kind, STDIN, None, markdown=False)


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
