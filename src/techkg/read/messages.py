"""Wording shared by error messages: sizes, limits and JSON type names."""

from __future__ import annotations

from collections.abc import Mapping

_READS = "techkg reads .txt, .md, .html, .jsonl"


def _human(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n} bytes"


def _limit(n: int) -> str:
    return _human(n).replace(".0 ", " ")


def _too_large(what: str, size: int | None, max_bytes: int) -> str:
    """``file is 52.4 MB, above the 20 MB limit; ...``."""
    how_big = f"{what} is {_human(size)}" if size is not None else f"{what} is larger"
    fix = "split the article" if what == "line" else "split it into smaller files"
    return f"{how_big}, above the {_limit(max_bytes)} limit; {fix} or pass --max-bytes"


def _json_type(value: object) -> str:
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
