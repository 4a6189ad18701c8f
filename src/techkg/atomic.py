"""Files written in one step: a reader sees the old file or the new one, never half of one.

>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "out" / "page.html"
>>> with atomic_write(path, "w") as fh:
...     _ = fh.write("<p>英伟达</p>")
>>> path.read_text(encoding="utf-8"), sorted(p.name for p in path.parent.iterdir())
('<p>英伟达</p>', ['page.html'])
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any


@contextmanager
def atomic_write(path: Path | str, mode: str = "wb") -> Iterator[IO[Any]]:
    """Write ``path`` through ``PATH.tmp`` beside it, renamed over ``path`` when the block ends.

    Parent folders are created. Text modes write UTF-8 without newline
    translation. When the block raises, the temporary file is removed and
    ``path`` is left as it was; the error (``OSError`` included) propagates
    for the caller to word.

    Args:
        path: the file to write.
        mode: ``"wb"`` or ``"w"``.
    """
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    kwargs: dict[str, Any] = {} if "b" in mode else {"encoding": "utf-8", "newline": ""}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, mode, **kwargs) as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
