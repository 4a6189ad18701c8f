"""Command-line arguments to files: ``-``, files, folders (walked) and glob patterns."""

from __future__ import annotations

import errno
import glob
import os
import re
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from techkg.errors import CorpusError
from techkg.read.files import SUFFIXES, _read_file, _Run
from techkg.read.stdin import _read_stdin
from techkg.records import Article

_VALID = ", ".join(SUFFIXES)
_GLOB_MAGIC = re.compile(r"[*?[]")


def _read_target(
    name: str, stdin: TextIO | BinaryIO | None, max_bytes: int, run: _Run
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


def _read_glob(pattern: str, max_bytes: int, run: _Run) -> Iterator[Article | CorpusError]:
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
    run: _Run,
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
