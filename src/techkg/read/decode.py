"""Bytes to text: encodings, sniffable streams, and the wording of size errors."""

from __future__ import annotations

import codecs
import io
import logging
import re
from collections.abc import Mapping
from typing import BinaryIO, TextIO

from techkg.errors import CorpusError

READS = "techkg reads .txt, .md, .html, .jsonl"


def _human(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n} bytes"


def size_limit(n: int) -> str:
    return _human(n).replace(".0 ", " ")


def too_large(what: str, size: int | None, max_bytes: int) -> str:
    """``file is 52.4 MB, above the 20 MB limit; ...``."""
    how_big = f"{what} is {_human(size)}" if size is not None else f"{what} is larger"
    fix = "split the article" if what == "line" else "split it into smaller files"
    return f"{how_big}, above the {size_limit(max_bytes)} limit; {fix} or pass --max-bytes"


def json_type(value: object) -> str:
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


SNIFF_BYTES = 65_536


class Chain(io.RawIOBase):
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


# The package's logger: records keep the name they had before read.py became a package.
log = logging.getLogger("techkg.read")

# Legacy Chinese encodings tried, in this order, when a file is not UTF-8.
_CJK_ENCODINGS = ["gb18030", "big5", "cp950", "big5hkscs"]
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, where: str, *, hint: str | None = None) -> str:
    """Decode a file: BOM, else strict UTF-8, else GB18030/Big5 (charset-normalizer).

    Args:
        data: the file's bytes.
        where: the file name, for the error message.
        hint: an encoding the file declares (HTML ``<meta charset>``), tried
            after UTF-8.

    Raises:
        CorpusError: the bytes hold NULs or decode as none of these encodings.

    >>> decode_bytes("台積電與聯發科合作".encode("big5"), "a.txt")
    '台積電與聯發科合作'
    >>> decode_bytes("英伟达".encode("gbk"), "a.txt")
    '英伟达'
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).removeprefix("\ufeff")
            except UnicodeDecodeError:
                raise CorpusError(
                    where,
                    f"starts with a {encoding.upper()} byte-order mark but is not valid "
                    f"{encoding.upper()}; re-save it as UTF-8",
                ) from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise CorpusError(
            where, f"looks binary (NUL byte at offset {nul}); {READS} files, convert it to text"
        )
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        pass
    if damaged_utf8(data):
        raise CorpusError(where, undecodable(data))
    if hint:
        try:
            return data.decode(hint).removeprefix("\ufeff")
        except (UnicodeDecodeError, LookupError):
            pass
    guess = guess_encoding(data)
    if guess is None:
        raise CorpusError(where, undecodable(data))
    log.debug("%s: decoded as %s", where, guess[0])
    return guess[1].removeprefix("\ufeff")


_MOSTLY_UTF8 = 0.01
"""Share of bad bytes under which a file is taken as UTF-8 with a few broken bytes."""

_UTF8_EVIDENCE = 4
"""Valid non-ASCII UTF-8 characters needed per bad byte to call the bytes damaged UTF-8."""


def damaged_utf8(data: bytes) -> bool:
    r"""True for UTF-8 text with a few broken bytes: reading it as GB18030 or Big5 would garble it.

    Legacy Chinese bytes almost never form valid multi-byte UTF-8, so many valid
    non-ASCII characters around a few bad bytes mean UTF-8 with damage.

    >>> damaged_utf8("英伟达与台积电合作".encode() + b"\xff"), damaged_utf8("英伟达与台积电".encode("gbk"))
    (True, False)
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if not bad or bad > max(1, len(text) * _MOSTLY_UTF8):
        return False
    valid = sum(1 for ch in text if ch >= "\x80" and ch != "\ufffd")
    return valid >= _UTF8_EVIDENCE * bad


def undecodable(data: bytes, *, one_line: bool = False) -> str:
    r"""The message for bytes no encoding reads: where UTF-8 breaks, when it is UTF-8 but for a few bytes.

    >>> undecodable("英伟达\n台积电".encode() + b"\xff")
    'not valid UTF-8: byte 0xff at offset 19 (line 2); fix or delete that byte, or re-save the file as UTF-8'
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad and bad <= max(1, len(text) * _MOSTLY_UTF8):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            at = exc.start
            line = data.count(b"\n", 0, at) + 1
            where = f"byte {at + 1} of the line" if one_line else f"offset {at} (line {line})"
            more = f" and {bad - 1} more" if bad > 1 else ""
            return (
                f"not valid UTF-8: byte 0x{data[at]:02x} at {where}{more}; "
                "fix or delete that byte, or re-save the file as UTF-8"
            )
    return f"looks binary (not valid UTF-8, GB18030 or Big5 text); {READS} files, re-save it as UTF-8"


def guess_encoding(data: bytes) -> tuple[str, str] | None:
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


def html_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares in its first bytes, as a Python codec name."""
    m = _META_CHARSET.search(data[:4096])
    return charset_codec(m.group(1).decode("ascii")) if m else None


def charset_codec(name: str) -> str | None:
    """The Python codec for a declared charset (``<meta>`` or an HTTP header), or None.

    >>> charset_codec("GBK"), charset_codec("big5"), charset_codec("UTF-8"), charset_codec("x")
    ('gb18030', 'cp950', 'utf-8', None)
    """
    name = name.strip().strip("\"'").lower()
    if name in ("gb2312", "gbk", "x-gbk", "gb_2312-80"):
        return "gb18030"  # GB18030 is a superset; pages labelled GB2312 often use GBK characters
    if name in ("big5", "x-x-big5"):
        return "cp950"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None
