"""One line of a JSON Lines file a person writes (the lexicon, the curations), parsed with a located error.

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
from typing import Any


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
