"""Byte streams that can be sniffed: a peeked head served again before the rest."""

from __future__ import annotations

import io
from typing import BinaryIO, TextIO

_SNIFF_BYTES = 65_536


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
