"""The ``---`` front matter at the top of a ``.txt``/``.md`` file (flat ``key: value`` lines)."""

from __future__ import annotations

import json
import logging
import re
import unicodedata

from techkg.errors import CorpusError

# The package's logger: records keep the name they had before read.py became a package.
log = logging.getLogger("techkg.read")

FRONT_MATTER_KEYS: tuple[str, ...] = ("title", "date", "source", "url", "id", "lang")

_FM_KEY = re.compile(r"([A-Za-z_][\w-]*)\s*[:：]\s*(.*)\Z")


def _split_front_matter(text: str, source: str) -> tuple[dict[str, str] | None, int]:
    """``(fields, offset of the body)``; ``(None, 0)`` when the file has no front matter."""
    lines = text.splitlines(keepends=True)
    if len(lines) < 2 or lines[0].strip() != "---":
        return None, 0
    first = next((ln.strip() for ln in lines[1:] if ln.strip()), "")
    if first != "---" and not _FM_KEY.match(first):
        return None, 0  # a Markdown rule, not front matter
    meta: dict[str, str] = {}
    offset = len(lines[0])
    key = ""
    for lineno, raw in enumerate(lines[1:], start=2):
        offset += len(raw)
        stripped = raw.strip()
        if stripped in ("---", "..."):
            return meta, offset
        if not stripped or stripped.startswith("#"):
            continue
        if raw[:1].isspace() or stripped.startswith("- "):
            if key in FRONT_MATTER_KEYS:
                raise CorpusError(
                    source,
                    f"front matter {key!r} must fit on one line as 'key: value'",
                    lineno,
                )
            continue  # nested value of a key techkg does not read (tags, authors...)
        m = _FM_KEY.match(stripped)
        if not m:
            raise CorpusError(
                source,
                "front matter line is not 'key: value'; fix it, or close the front matter "
                "with a '---' line",
                lineno,
            )
        key = unicodedata.normalize("NFKC", m.group(1)).lower()
        if key in FRONT_MATTER_KEYS:
            meta[key] = _unquote(m.group(2).strip())
        else:
            log.debug("%s:%d: front matter key %r ignored", source, lineno, key)
    raise CorpusError(
        source, "front matter opened with '---' is never closed; add a '---' line after it", 1
    )


def _unquote(value: str) -> str:
    """A front-matter value: quotes removed (double quotes take JSON escapes), comments cut."""
    if len(value) >= 2 and value[0] == value[-1] == '"':
        try:
            return str(json.loads(value))
        except json.JSONDecodeError:
            return value[1:-1]
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return re.split(r"\s+#", value, maxsplit=1)[0].rstrip()
