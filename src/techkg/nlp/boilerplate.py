"""News furniture: the parts of an article that are not its story, and name no actor.

Real articles carry text around the story: the outlet and date before the first
sentence (``IT之家 3 月 12 日消息，``, ``（中央社記者吳家豪台北12日電）``),
reporter lines (``記者張家豪／台北報導``), credit and copyright lines
(``图片来源：视觉中国``, ``Copyright © 2024 Sina Corporation``), share bars and
reading lists. The names in them are outlets, editors and photographers, not
companies acting in the story, and an outlet in a dateline would otherwise be
read as the subject of the first sentence. A listed company's security code
(``（01810.HK）``, ``（NASDAQ: NVDA）``) and Hong Kong share-class mark
(``理想汽车-W``) are furniture of the same kind: written beside a name, never one; and so
are web addresses, e-mail addresses and social-media handles (``http://t.cn/zj4rfn1``,
``@珠海为伍网``), whose pieces (``sina``, a user name) name nobody in the story.
The resolver drops every entity candidate that overlaps one of these spans
(:func:`boilerplate_spans`, :func:`overlap_test`).

The patterns live in :mod:`techkg.nlp.terms` and read the folded text
(half-width, Simplified), so one pattern serves both scripts.

>>> text = "IT之家 3 月 12 日消息,快手今日发布可灵2.0。"
>>> [text[a:b] for a, b in boilerplate_spans(text)]
['IT之家 3 月 12 日消息,']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from techkg.nlp import terms

_PARAGRAPH_START = re.compile(r"^[ \t\u3000]*", re.MULTILINE)
_DATELINES = (terms.DATELINE_DATED_RE, terms.DATELINE_UNDATED_RE, terms.DATELINE_BRACKET_RE,
              terms.DATELINE_REPORTER_RE)


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the datelines, bylines, credit lines, bracketed credits, security
    codes and web addresses in ``text``, sorted and merged.

    Args:
        text: the folded text (:func:`techkg.text.fold`) of a whole article.

    >>> text = "集微网消息,紫光展锐推出T820。\\n责任编辑:陈晨\\n(图片来源:视觉中国)"
    >>> [text[a:b] for a, b in boilerplate_spans(text)]
    ['集微网消息,', '责任编辑:陈晨', '(图片来源:视觉中国)']
    """
    spans = [m.span() for pattern in (terms.BOILERPLATE_INLINE_RE, terms.SECURITY_CODE_RE, terms.WEB_ADDRESS_RE)
             for m in pattern.finditer(text)]
    for paragraph in _PARAGRAPH_START.finditer(text):
        at = paragraph.end()
        line = terms.BOILERPLATE_LINE_RE.match(text, at)
        if line:
            spans.append(line.span())
            continue
        end = _datelines_end(text, at)
        if end > at:
            spans.append((at, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def overlap_test(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test ``(start, end) -> bool``: does ``[start, end)`` share a character with one of ``spans``
    (sorted and merged, as :func:`boilerplate_spans` gives)? Built once per text, one binary search
    per question.

    >>> overlaps = overlap_test([(0, 5), (10, 12)])
    >>> overlaps(4, 8), overlaps(5, 10)
    (True, False)
    """
    ends = [e for _, e in spans]

    def overlaps(start: int, end: int) -> bool:
        i = bisect.bisect_right(ends, start)
        return i < len(spans) and spans[i][0] < end

    return overlaps


def _datelines_end(text: str, at: int) -> int:
    """Where the datelines opening the paragraph at ``at`` end (``at`` when there are none).

    Datelines may follow one another: ``【TechWeb】3月12日消息,`` or ``C114讯 3月12日消息(水易)``.
    """
    end = at
    while True:
        found = next((m for pattern in _DATELINES if (m := pattern.match(text, end))), None)
        if found is None:
            return end
        tail = terms.DATELINE_TAIL_RE.match(text, found.end())
        end = tail.end() if tail else found.end()
        while end < len(text) and text[end] in " \t\u3000":
            end += 1
