"""JSON Lines files a person writes (the lexicon, the curations): their text and each line's
object, with errors that name the file and line.

>>> json_object('{"op": "not", "name": "联想"}', "c.jsonl:1", ValueError, '{"op": "not"}')
{'op': 'not', 'name': '联想'}
>>> json_object("{'op': 'not'}", "c.jsonl:2", ValueError, '{"op": "not"}')
Traceback (most recent call last):
...
ValueError: c.jsonl:2: bad JSON (... at column 2); each line must be one JSON object such as {"op": "not"}
>>> json_object('["联想"]', "c.jsonl:3", ValueError, '{"op": "not"}')
Traceback (most recent call last):
...
ValueError: c.jsonl:3: expected a JSON object, got list
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def utf8_text(data: bytes, path: Path, error: type[Exception], what: str) -> str:
    """``data`` as UTF-8 text (a leading BOM dropped), or ``error`` naming the line of the first bad byte.

    >>> utf8_text("英伟达\\n".encode("gb18030"), Path("lex.jsonl"), ValueError, "lexicon file")
    Traceback (most recent call last):
    ...
    ValueError: lex.jsonl:1: not UTF-8 text; save the lexicon file as UTF-8
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise error(f"{path}:{line}: not UTF-8 text; save the {what} as UTF-8") from None


def json_object(line: str, where: str, error: type[Exception], example: str) -> dict[str, Any]:
    """The JSON object on ``line``, or ``error`` naming ``where`` and showing ``example``.

    Args:
        line: one line of the file.
        where: ``file:line``, for the message.
        error: the error class to raise (the file's own, e.g. ``LexiconError``).
        example: a valid line, shown in the message.
    """
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise error(
            f"{where}: bad JSON ({e.msg} at column {e.colno}); each line must be one JSON object "
            f"such as {example}"
        ) from None
    if not isinstance(obj, dict):
        raise error(f"{where}: expected a JSON object, got {type(obj).__name__}")
    return obj
