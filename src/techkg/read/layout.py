"""The layout of an article's text: blank lines, the title line, a scraped lead."""

from __future__ import annotations

import re

TITLE_MAX = 100
"""A first line longer than this is not taken as the title."""

LEAD_MIN = 30
"""A first line this long that the body repeats is a scraped lead, not a title."""

_LEADING_BLANK = re.compile(r"\A(?:[^\S\n]*\n)+")
_ATX = re.compile(r"\A#{1,6}\s+(.*?)(?:\s+#+)?\s*\Z")
_SETEXT = re.compile(r"\A(?:=+|-+)\s*\Z")
_SENTENCE_END = re.compile(r"[。！？!?]")


def _strip_blank_lines(text: str) -> str:
    """Drop blank lines at the start (keeping the first line's indent) and white space at the end."""
    return _LEADING_BLANK.sub("", text, count=1).rstrip()


def _first_line(body: str, markdown: bool) -> tuple[str, str]:
    """``(first line as a heading, rest of the body)``."""
    nl = body.find("\n")
    first, rest = (body, "") if nl < 0 else (body[:nl], body[nl + 1 :])
    heading = first.strip()
    if markdown:
        m = _ATX.match(heading)
        if m:
            heading = m.group(1)
        else:
            under = rest.split("\n", 1)
            if len(under) == 2 and _SETEXT.match(under[0].strip()):
                rest = under[1]  # "Title\n=====" heading
    return heading, _strip_blank_lines(rest)


def _take_title(body: str, markdown: bool) -> tuple[str, str]:
    """Title and body of a file without a front-matter title.

    * A first line that the body then repeats, at least :data:`LEAD_MIN`
      characters long, is a scraped lead (a truncated copy of the body's start,
      as in the seed article): it is dropped from the text and the title is its
      first sentence (shortened to :data:`TITLE_MAX` characters with ``…``).
    * Otherwise a first line of at most :data:`TITLE_MAX` characters is the title.
    * Otherwise (a long first line, or a one-line file) the title is empty and
      the whole file is the text.
    """
    heading, rest = _first_line(body, markdown)
    if not rest:
        return "", body  # a one-line article: it is all text
    lead = heading.rstrip(" .…")
    if len(lead) >= LEAD_MIN and rest.lstrip().startswith(lead):
        return _shorten(lead), rest
    if len(heading) <= TITLE_MAX:
        return heading, rest
    return "", body


def _shorten(lead: str) -> str:
    """First sentence of ``lead`` if it fits in :data:`TITLE_MAX`, else a cut with ``…``."""
    m = _SENTENCE_END.search(lead, 0, TITLE_MAX)
    if m and m.end() >= 10:
        return lead[: m.end()]
    return lead[: TITLE_MAX - 1] + "…"
