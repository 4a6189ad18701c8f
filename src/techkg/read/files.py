"""One file of a supported type, read by its extension."""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from techkg.errors import CorpusError
from techkg.read.document import _parse_document
from techkg.read.ids import sanitize_id
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


class _Run:
    """What one :func:`~techkg.read.read_articles` call has read: files, and the id base of each.

    A file's id base (its fallback id) is its path relative to what was named
    on the command line, without the extension: ``2024-01/article.txt`` under
    the named folder ``news`` gives ``2024-01_article``, and a file named on
    its own or directly inside the named folder keeps its stem. Should two
    files of one run still get the same base (two named folders both holding
    ``article.txt``), the later one is qualified with its folder's name, then
    with a hash of its path: distinct files never share an id.
    """

    def __init__(self) -> None:
        self.files: set[str] = set()
        self.bases: dict[str, str] = {}  # id base → real path of the file that took it

    def claim(self, path: Path, root: Path) -> tuple[str, str] | None:
        """``(real path, id base)`` of a file not read yet in this run, else None."""
        real = os.path.realpath(path)
        if real in self.files:
            return None
        self.files.add(real)
        try:
            rel = path.relative_to(root)
        except ValueError:
            rel = Path(path.name)
        base = sanitize_id("_".join(rel.with_suffix("").parts))
        candidates = (
            base,
            sanitize_id(f"{Path(real).parent.name}_{base}"),
            f"{base}-{hashlib.sha1(real.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}",
        )
        for candidate in candidates:
            if self.bases.setdefault(candidate, real) == real:
                return real, candidate
        return real, candidates[-1]  # pragma: no cover - a SHA-1 prefix clash within one run


def _read_file(
    path: Path, name: str, max_bytes: int, run: _Run, root: Path
) -> Iterator[Article | CorpusError]:
    """One file of a supported type, ``root`` being what was named on the command line.

    Articles carry the file's real path as their ``origin``; errors are yielded.
    """
    claimed = run.claim(path, root)
    if claimed is None:
        log.debug("%s: already read, skipped", name)
        return
    real, base = claimed
    for item in _read_claimed(path, name, max_bytes, base):
        yield replace(item, origin=real) if isinstance(item, Article) else item


def _read_claimed(path: Path, name: str, max_bytes: int, base: str) -> Iterator[Article | CorpusError]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            with open(path, "rb") as fh:
                yield from _read_jsonl(fh, name, base, max_bytes)
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
    yield from _parse_document(data, kind, name, base, markdown=suffix == ".md")
