"""Dates written in any common way (Chinese, full-width, RFC 2822, English) to ISO."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from email.utils import parsedate_to_datetime


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
