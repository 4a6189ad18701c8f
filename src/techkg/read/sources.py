"""Where the bytes come from: command-line targets (files, folders, globs), one file, stdin."""

from __future__ import annotations

import errno
import glob
import hashlib
import io
import logging
import os
import re
import sys
from collections.abc import Generator, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, TextIO

from techkg.errors import CorpusError
from techkg.read.decode import BOMS, SNIFF_BYTES, Chain, too_large
from techkg.read.fields import sanitize_id
from techkg.read.formats import parse_document, read_jsonl
from techkg.records import Article

# The package's logger: records keep the name they had before read.py became a package.
log = logging.getLogger("techkg.read")

TEXT_SUFFIXES: tuple[str, ...] = (".txt", ".md")
HTML_SUFFIXES: tuple[str, ...] = (".html", ".htm")
JSON_SUFFIXES: tuple[str, ...] = (".jsonl", ".json")
SUFFIXES: tuple[str, ...] = TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES
"""Every extension techkg reads (lower case)."""


class Run:
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
    path: Path, name: str, max_bytes: int, run: Run, root: Path
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
                yield from read_jsonl(fh, name, base, max_bytes)
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield CorpusError(name, too_large("file", size, max_bytes))
            return
        data = path.read_bytes()
    except OSError as exc:
        yield CorpusError(name, f"cannot read the file ({exc.strerror}); check its permissions")
        return
    kind = "html" if suffix in HTML_SUFFIXES else "json" if suffix == ".json" else "text"
    yield from parse_document(data, kind, name, base, markdown=suffix == ".md")


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
    first = stream.read(SNIFF_BYTES)
    head = first.encode("utf-8", "surrogatepass") if isinstance(first, str) else first
    binary = io.BufferedReader(Chain(head, stream))
    kind = _sniff(head)
    if kind == "jsonl":
        yield from read_jsonl(binary, STDIN, None, max_bytes)
        return
    data = binary.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield CorpusError(STDIN, too_large("input", None, max_bytes))
        return
    yield from parse_document(data, kind, STDIN, None, markdown=False)


def _sniff(head: bytes) -> str:
    """Format of stdin from its first non-blank character."""
    for bom, encoding in BOMS:
        if head.startswith(bom):
            head = head.decode(encoding, "ignore").encode("utf-8")
            break
    stripped = head.lstrip(b" \t\r\n\x0b\x0c")
    if stripped.startswith(b"{"):
        return "jsonl"
    if stripped.startswith(b"<"):
        return "html"
    return "text"


_VALID = ", ".join(SUFFIXES)
_GLOB_MAGIC = re.compile(r"[*?[]")


def read_target(
    name: str, stdin: TextIO | BinaryIO | None, max_bytes: int, run: Run
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
        yield from _read_file(path, name, max_bytes, run, path.parent)
    elif path.is_dir():
        yield from _read_folder(path, name, max_bytes, run)
    elif _GLOB_MAGIC.search(name):
        yield from _read_glob(name, max_bytes, run)
    elif path.exists():
        yield CorpusError(name, "not a regular file or folder; save the articles to a file first")
    elif path.is_symlink():
        yield CorpusError(name, _bad_link(path))
    else:
        yield CorpusError(name, "no such file or folder; check the path")


def _bad_link(path: Path) -> str:
    """What is wrong with a symbolic link that leads nowhere: a loop, or a missing target."""
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop (the link leads back to itself); fix or remove the link"
    return f"broken symbolic link (it points to {os.readlink(path)}, which does not exist); fix or remove the link"


def _read_glob(pattern: str, max_bytes: int, run: Run) -> Iterator[Article | CorpusError]:
    pattern = os.path.expanduser(pattern)
    matches = sorted(glob.iglob(pattern, recursive=True))
    if not matches:
        yield CorpusError(
            pattern,
            "no files match this pattern; check it (quote it so the shell does not expand it)",
        )
        return
    root = _glob_root(pattern)
    readable = 0
    for match in matches:
        path = Path(match)
        if path.is_dir():
            readable += yield from _read_folder(path, match, max_bytes, run, quiet=True, root=root)
        elif path.is_file() and path.suffix.lower() in SUFFIXES:
            readable += 1
            yield from _read_file(path, match, max_bytes, run, root)
    if not readable:
        yield CorpusError(
            pattern,
            f"the pattern matches {len(matches)} path(s) but no readable file "
            f"({_VALID}); change the pattern",
        )


def _glob_root(pattern: str) -> Path:
    """The folder a glob pattern starts from: its leading parts without ``*?[``."""
    parts = Path(pattern).parts
    plain = []
    for part in parts[:-1]:
        if _GLOB_MAGIC.search(part):
            break
        plain.append(part)
    return Path(*plain) if plain else Path()


def _read_folder(
    folder: Path,
    name: str,
    max_bytes: int,
    run: Run,
    *,
    quiet: bool = False,
    root: Path | None = None,
) -> Generator[Article | CorpusError, None, int]:
    """Every readable file under ``folder``, in sorted order, streamed; returns how many.

    Ids are made from paths relative to ``root`` (default: the folder itself).
    """
    found = skipped = 0
    for item in _walk(folder, {os.path.realpath(folder)}):
        if isinstance(item, CorpusError):
            yield item
        elif item.suffix.lower() in SUFFIXES:
            found += 1
            yield from _read_file(item, str(item), max_bytes, run, root or folder)
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
