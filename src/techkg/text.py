"""Text normalisation shared by every stage.

Two views of a string:

* :func:`fold` keeps the length, so offsets into the folded text are offsets
  into the original: full-width forms become half-width (NFKC, one character
  at a time) and Traditional characters become Simplified (OpenCC ``t2s``).
  The NLP pipeline reads the folded text and reports spans of the original.
* :func:`match_key` is for comparing names: NFKC, lower case, no white space,
  Simplified script. It is the same normalisation the reference scorer uses.

>>> fold("輝達發布ＧＰＴ－４")
'辉达发布GPT-4'
>>> match_key("NVIDIA H100 NVL") == match_key("ｎｖｉｄｉａ h100nvl")
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACE_RE = re.compile(r"\s+")


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


def match_key(name: str) -> str:
    """Comparison key for names: NFKC, lower case, no spaces, Simplified.

    >>> match_key("Microsoft 365 Copilot")
    'microsoft365copilot'
    >>> match_key("輝達") == match_key("辉达")
    True
    """
    s = unicodedata.normalize("NFKC", name or "").lower()
    s = _SPACE_RE.sub("", s)
    return to_simplified(s) if not s.isascii() else s


def is_han(ch: str) -> bool:
    """True for CJK unified ideographs (the common and extension-A blocks)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"
