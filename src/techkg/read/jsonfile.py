"""A ``.json`` file: one article object or a list of them."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

from techkg.errors import CorpusError
from techkg.read.articles import _article_from_mapping
from techkg.read.jsonlines import _read_jsonl
from techkg.read.streams import _Chain
from techkg.records import Article


def _json_articles(text: str, source: str, stem: str) -> Iterator[Article | CorpusError]:
    """A ``.json`` file: one object or a list (several objects per line fall back to JSONL)."""
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # one object per line: it is JSON Lines after all
            reader = io.BufferedReader(_Chain(b"", io.StringIO(text)))
            yield from _read_jsonl(reader, source, stem, max(len(text) * 4, 1))
            return
        yield CorpusError(
            source,
            f"broken JSON ({exc.msg}, column {exc.colno}); a .json file holds one article "
            'object {"text": ...} or a list of them',
            exc.lineno,
        )
        return
    if isinstance(obj, list):
        if not obj:
            yield CorpusError(source, "the JSON list is empty; add article objects to it")
        for i, item in enumerate(obj, start=1):
            try:
                yield _article_from_mapping(
                    item,
                    source=source,
                    line=None,
                    path=f"{source}#{i}",
                    fallback_id=f"{stem}-{i}",
                    label=f"item {i}: ",
                )
            except CorpusError as exc:
                yield exc
        return
    try:
        yield _article_from_mapping(obj, source=source, line=None, path=source, fallback_id=stem)
    except CorpusError as exc:
        yield exc
