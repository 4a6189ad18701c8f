"""Text normalisation shared by every stage.

Two views of a string:

* :func:`fold` keeps the length, so offsets into the folded text are offsets
  into the original: full-width forms become half-width (NFKC, one character
  at a time) and Traditional characters become Simplified (OpenCC ``t2s``).
  The NLP pipeline reads the folded text and reports spans of the original.
* :func:`match_form` is the folded text lower-cased, still the same length:
  the view the name matchers (lexicon, company-model gazetteer) search in.

Names are compared by two keys built on that view, with one rule each:

* :func:`name_form` drops separators (white space, hyphens, underscores,
  middle dots): ``GPT-4`` = ``GPT4`` = ``ＧＰＴ－４``. The matchers index names
  by it, because in running text a legal form is part of a name (电信集团 is
  China Telecom, 电信 alone is not).
* :func:`match_key` also drops a trailing legal form (公司, 有限公司, 集团,
  Inc., Corp., ...): the key a name is *looked up* by. The graph stores it
  for every name (``tk:matchKey``); search boxes, query parameters, entity
  pages and curation compare with it, so 英偉達公司, 輝達 and 英伟达 are one
  name, and GPT4 finds GPT-4.
* :func:`plain_key` is the older, narrower key (NFKC, lower case, no white
  space, Simplified; hyphens kept). It mints the keys, and so the IRIs, of
  entities no lexicon lists, and it is the reference scorer's normalisation;
  it stays as it was so existing IRIs and scores do not move.

>>> fold("輝達發布ＧＰＴ－４")
'辉达发布GPT-4'
>>> match_key("ＧＰＴ－４"), match_key("GPT4"), plain_key("GPT-4")
('gpt4', 'gpt4', 'gpt-4')
>>> match_key("英偉達公司") == match_key("英伟达")
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACE_RE = re.compile(r"\s+")

#: Characters a name key skips, so "GPT-4" = "GPT4" = "GPT 4" and "DALL·E" = "DALL-E".
SEPARATORS = frozenset(" \t\r\n\f\v\u00a0\u3000-_\u2010\u2011\u00b7\u30fb")

#: Legal forms :func:`match_key` drops from the end of a name. Chinese forms
#: may follow the name directly (华为技术有限公司); Latin ones must follow a space
#: or comma (``Apple Inc.``, not ``Bancorp``). Written in :func:`match_form`.
LEGAL_FORMS_ZH: tuple[str, ...] = (
    "股份有限公司", "有限责任公司", "集团有限公司", "控股有限公司", "科技有限公司",
    "技术有限公司", "有限公司", "股份公司", "集团公司", "集团", "控股", "公司",
)
LEGAL_FORMS_LATIN: tuple[str, ...] = (
    "co., ltd.", "co., ltd", "co. ltd.", "co. ltd", "co.,ltd.", "co.,ltd", "corporation",
    "corp.", "corp", "inc.", "inc", "ltd.", "ltd", "group",
)
_LEGAL_FORM_RE = re.compile(
    r"(?:\(中国\))?(?:" + "|".join(map(re.escape, LEGAL_FORMS_ZH)) + ")$"
    r"|[\s,]+(?:" + "|".join(map(re.escape, LEGAL_FORMS_LATIN)) + r")$"
)


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # local import: loading the converter is not free

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    n = unicodedata.normalize("NFKC", ch)
    if len(n) != 1:
        # NFKC expands some characters (ligatures, ㈱); keep offsets stable.
        # The ideographic space folds to a plain space.
        return " " if ch.isspace() else ch
    return n


def to_simplified(text: str) -> str:
    """Traditional → Simplified, character for character (same length).

    OpenCC's phrase tables can change the length in rare cases; when they do,
    the text is converted one character at a time instead.

    >>> to_simplified("台積電與聯發科")
    '台积电与联发科'
    """
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    convert = _t2s().convert
    return "".join(c if len(c := convert(ch)) == 1 else ch for ch in text)


def fold(text: str) -> str:
    """Half-width, Simplified view of ``text`` with exactly the same length.

    >>> len(fold("ＮＶＩＤＩＡ（輝達）")) == len("ＮＶＩＤＩＡ（輝達）")
    True
    """
    if text.isascii():
        return text
    return to_simplified("".join(map(_fold_char, text)))


def lower(text: str) -> str:
    """Lower case without changing the length (keeps offsets aligned).

    >>> lower("İSTANBUL NVIDIA")  # "İ" would become two characters: kept as is
    'İstanbul nvidia'
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(lc if len(lc := c.lower()) == 1 else c for c in text)


def match_form(text: str) -> str:
    """:func:`fold` lower-cased: half-width, Simplified, same length as ``text``.

    >>> match_form("ＮＶＩＤＩＡ與輝達")
    'nvidia与辉达'
    """
    return lower(fold(text))


@lru_cache(maxsize=1 << 16)
def name_form(name: str) -> str:
    """A name as the matchers index it: :func:`match_form` without separators.

    >>> name_form("骁龙 8 Gen 3") == name_form("驍龍8Gen3")
    True
    >>> name_form("中国电信集团")
    '中国电信集团'
    """
    return "".join(c for c in match_form(name or "") if c not in SEPARATORS)


@lru_cache(maxsize=1 << 16)
def match_key(name: str) -> str:
    """The key names are looked up by: :func:`name_form` without a trailing legal form.

    The legal form is dropped only when at least two characters remain
    (``公司`` alone stays ``公司``).

    >>> match_key("Microsoft 365 Copilot")
    'microsoft365copilot'
    >>> match_key("NVIDIA Corporation"), match_key("輝達公司"), match_key("華為技術有限公司")
    ('nvidia', '辉达', '华为')
    >>> match_key("公司"), match_key("U.S. Bancorp")
    ('公司', 'u.s.bancorp')
    """
    key = name_form(name)
    form = match_form(name or "").strip()
    m = _LEGAL_FORM_RE.search(form)
    if m is not None:
        core = name_form(form[: m.start()])
        if len(core) >= 2:
            return core
    return key


def plain_key(name: str) -> str:
    """Key of entities no lexicon lists, and the reference scorer's name normalisation.

    NFKC, lower case, no white space, Simplified; unlike :func:`match_key` it
    keeps hyphens and legal forms (see the module docstring for why).

    >>> plain_key("Wi-Fi 7"), match_key("Wi-Fi 7")
    ('wi-fi7', 'wifi7')
    """
    s = unicodedata.normalize("NFKC", name or "").lower()
    s = _SPACE_RE.sub("", s)
    return to_simplified(s) if not s.isascii() else s


def is_word_char(c: str) -> bool:
    """Latin (also accented), Greek, Cyrillic letters and digits; not CJK.

    >>> is_word_char("é"), is_word_char("7"), is_word_char("达")
    (True, True, False)
    """
    return c.isalnum() and (c.isascii() or c < "\u2e80")


def on_word_boundaries(form: str, start: int, end: int) -> bool:
    """True unless a Latin/digit edge of ``form[start:end]`` continues a Latin/digit word.

    Chinese edges need no boundary. A name ending in a digit is not found
    before ``.digit`` either ("GPT-4" is not in "GPT-4.5").

    >>> on_word_boundaries("farm", 1, 4), on_word_boundaries("gpt-4.5", 0, 5)
    (False, False)
    >>> on_word_boundaries("英伟达h100芯片", 3, 7)
    True
    """
    if is_word_char(form[start]) and start > 0 and is_word_char(form[start - 1]):
        return False
    last = form[end - 1]
    if is_word_char(last) and end < len(form):
        nxt = form[end]
        if is_word_char(nxt):
            return False
        if nxt == "." and last.isdigit() and end + 1 < len(form) and form[end + 1].isdigit():
            return False
    return True


def is_han(ch: str) -> bool:
    """True for CJK unified ideographs (the common and extension-A blocks)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` narrowed past white space at both ends, so ``text[start:end]`` is stripped.

    >>> strip_span(" 英伟达 ", 0, 5)
    (1, 4)
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
