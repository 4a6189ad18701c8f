"""One file of a supported type, read by its extension."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

from techkg.errors import CorpusError
from techkg.read.document import _parse_document
from techkg.read.jsonlines import _read_jsonl
from techkg.read.messages import _too_large
from techkg.records import Article

# The package's logger: records keep the name they had before read.py became a package.
log = logging.getLogger("techkg.read")

TEXT_SUFFIXES: tuple[str, ...] = (".txt", ".md")
HTML_SUFFIXES: tuple[str, ...] = (".html", ".htm")
JSON_SUFFIXES: tuple[str, ...] = (".jsonl", ".json")
SUFFIXES: tuple[str, ...] = TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES
"""Every extension techkg reads (lower case)."""


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
