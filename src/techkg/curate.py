"""Curations: people's corrections to the graph, kept in a reviewable JSONL file.

One curation per line (blank lines and ``#`` comments skipped), in the same
format family as the lexicon (see ``docs/curation.md``)::

    {"op": "merge", "type": "Company", "key": "辉达", "into": "nvidia", "label": "NVIDIA"}
    {"op": "rename", "type": "Company", "key": "nvidia", "label": "英伟达"}
    {"op": "split", "type": "Company", "key": "nvidia", "name": "輝達", "into": "辉达"}
    {"op": "not", "name": "联想", "type": "Company", "article": "2024-05-lenovo-ad"}

:func:`apply` is the one place curations act: a pure function from one
article's :class:`~techkg.records.Extraction` to the corrected one, run on
every fresh extraction at ingest (:class:`CuratedExtractor`) and on the stored
records of the affected articles when a curation is made
(:mod:`techkg.relink`). Mentions are compared by
:func:`techkg.text.name_form`, so ``not 联想`` does not touch 联想集团.

>>> from techkg.records import Article, Entity, Extraction, Mention, Relation
>>> text = "辉达与台积电合作。"
>>> ex = Extraction(Article(id="a", text=text), (
...     Entity("辉达", "Company", "辉达", (Mention("辉达", 0, 2),)),
...     Entity("tsmc", "Company", "TSMC", (Mention("台积电", 3, 6),))),
...     (Relation("partnership", "tsmc", "辉达", text, 0, 9, 0.9),))
>>> merge = Curation("merge", "Company", key="辉达", into="nvidia", label="NVIDIA")
>>> out = apply([merge], ex)
>>> [(e.key, e.label, e.aliases) for e in out.entities]
[('nvidia', 'NVIDIA', ('辉达',)), ('tsmc', 'TSMC', ('台积电',))]
>>> [(r.source, r.target) for r in out.relations]
[('nvidia', 'tsmc')]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from techkg.atomic import atomic_write
from techkg.errors import CurationError
from techkg.jsonl import json_object, utf8_text
from techkg.records import ENTITY_TYPES, Article, Entity, EntityType, Extraction, ExtractionFailed, Mention, Relation
from techkg.text import name_form

OPS: tuple[str, ...] = ("merge", "rename", "split", "not")

#: Fields each operation needs, then the ones it may carry.
_NEEDS: dict[str, tuple[str, ...]] = {
    "merge": ("type", "key", "into", "label"),
    "rename": ("type", "key", "label"),
    "split": ("type", "key", "name", "into"),
    "not": ("name",),
}
_MAY: dict[str, tuple[str, ...]] = {
    "merge": ("labels", "note"),
    "rename": ("note",),
    "split": ("label", "note"),
    "not": ("type", "article", "note"),
}
_ORDER = ("op", "type", "key", "name", "into", "label", "labels", "article", "note")


@dataclass(frozen=True)
class Curation:
    """One correction.

    Attributes:
        op: ``merge`` (entity ``key`` becomes entity ``into``), ``rename``
            (entity ``key`` is labelled ``label``), ``split`` (the mentions of
            entity ``key`` written ``name`` become entity ``into``) or ``not``
            (``name`` is not an entity; of type ``type`` only, when given; in
            article ``article`` only, when given).
        type: ``Company`` or ``Product`` (optional for ``not``).
        key: the entity's key (``tk:key``).
        into: the key of the entity the mentions go to (merge, split).
        name: a name as written in articles (split, not).
        label: display label of the resulting entity.
        labels: language-tagged labels of the merge target, when known.
        article: the one article a ``not`` is about (None: every article).
        note: free text for reviewers.
        where: ``file:line`` it was read from (empty for a new one).
    """

    op: str
    type: str | None = None
    key: str | None = None
    into: str | None = None
    name: str | None = None
    label: str | None = None
    labels: dict[str, str] = field(default_factory=dict, hash=False)
    article: str | None = None
    note: str | None = None
    where: str = field(default="", compare=False)

    def to_json(self) -> str:
        """The curation as one JSONL line (fields in a fixed order).

        >>> Curation("not", name="联想", type="Company").to_json()
        '{"op": "not", "type": "Company", "name": "联想"}'
        """
        data = {k: getattr(self, k) for k in _ORDER}
        return json.dumps({k: v for k, v in data.items() if v}, ensure_ascii=False)

    def describe(self) -> str:
        """One line for people.

        >>> Curation("merge", "Company", key="辉达", into="nvidia", label="NVIDIA").describe()
        "merge Company '辉达' into 'nvidia' (NVIDIA)"
        """
        if self.op == "merge":
            return f"merge {self.type} {self.key!r} into {self.into!r} ({self.label})"
        if self.op == "rename":
            return f"rename {self.type} {self.key!r} to {self.label!r}"
        if self.op == "split":
            return f"split {self.name!r} out of {self.type} {self.key!r} as {self.into!r}"
        where = f" in article {self.article!r}" if self.article else ""
        return f"{self.name!r} is not a {self.type or 'company or product'}{where}"


def default_path(store: str | Path) -> Path:
    """Where a store's curations live unless told otherwise: ``curations.jsonl`` beside it.

    A SPARQL server's URL (``--store http://...``) has no folder: its
    curations are ``curations.jsonl`` in the working folder.

    >>> default_path("output/store").as_posix(), default_path("http://127.0.0.1:7878").as_posix()
    ('output/curations.jsonl', 'curations.jsonl')
    """
    if str(store).lower().startswith(("http://", "https://")):
        return Path("curations.jsonl")
    return Path(store).parent / "curations.jsonl"


class Curations:
    """The curations of one file, in file order.

    Args:
        path: the file (it need not exist yet).
        items: the curations read from it.
    """

    def __init__(self, path: Path | None, items: Sequence[Curation] = ()) -> None:
        self.path = path
        self.items: list[Curation] = list(items)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Curation]:
        return iter(self.items)

    @classmethod
    def load(cls, path: str | Path | None) -> Curations:
        """Read a curation file; a missing file is an empty list.

        Raises:
            CurationError: naming the file and line, when a line is malformed.
        """
        if path is None:
            return cls(None)
        path = Path(path)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return cls(path)
        except OSError as e:
            raise CurationError(f"{path}: cannot read the curation file ({e.strerror})") from None
        text = utf8_text(data, path, CurationError, "curation file")
        items = []
        for number, raw in enumerate(text.splitlines(), start=1):
            stripped = raw.strip()
            if stripped and not stripped.startswith("#"):
                items.append(parse_line(stripped, f"{path}:{number}"))
        return cls(path, items)

    def save(self) -> None:
        """Write the file atomically, keeping its comment lines at the top."""
        if self.path is None:
            raise CurationError("no curation file to write to; give --curations FILE")
        header = []
        if self.path.exists():
            for raw in self.path.read_text(encoding="utf-8-sig").splitlines():
                if not raw.strip().startswith("#"):
                    break
                header.append(raw)
        if not header:
            header = ["# techkg curations: one JSON object per line (docs/curation.md)"]
        body = "\n".join([*header, *(c.to_json() for c in self.items)]) + "\n"
        with atomic_write(self.path, "w") as f:
            f.write(body)

    def line_of(self, curation: Curation) -> str:
        """``file:line`` where ``curation`` sits once saved."""
        number = self.items.index(curation) + 1
        header = 0
        if self.path is not None and self.path.exists():
            for raw in self.path.read_text(encoding="utf-8-sig").splitlines():
                if not raw.strip().startswith("#"):
                    break
                header += 1
        return f"{self.path}:{header + number}"

    def apply(self, extraction: Extraction) -> Extraction:
        """All curations, in file order, on one article's extraction."""
        return apply(self.items, extraction)


def parse_line(line: str, where: str) -> Curation:
    """Parse and check one JSONL line.

    >>> parse_line('{"op": "not", "name": "联想"}', "c.jsonl:1").name
    '联想'
    >>> parse_line('{"op": "merge", "key": "a"}', "c.jsonl:2")
    Traceback (most recent call last):
    ...
    techkg.errors.CurationError: c.jsonl:2: merge needs 'type', 'into', 'label'; see docs/curation.md for the fields
    """
    obj = json_object(line, where, CurationError, '{"op": "not", "name": "联想"}')
    op = obj.get("op")
    if op not in OPS:
        raise CurationError(f"{where}: unknown op {op!r}; valid: {', '.join(OPS)}")
    missing = [f for f in _NEEDS[op] if not obj.get(f)]
    if missing:
        raise CurationError(
            f"{where}: {op} needs {', '.join(map(repr, missing))}; see docs/curation.md for the fields"
        )
    unknown = sorted(set(obj) - {"op", *_NEEDS[op], *_MAY[op]})
    if unknown:
        valid = ", ".join(("op", *_NEEDS[op], *_MAY[op]))
        raise CurationError(f"{where}: unknown field {unknown[0]!r} for {op}; valid: {valid}")
    if obj.get("type") is not None and obj["type"] not in ENTITY_TYPES:
        raise CurationError(f"{where}: unknown type {obj['type']!r}; valid: {', '.join(ENTITY_TYPES)}")
    for f in ("key", "into", "name", "label", "article", "note"):
        if f in obj and not isinstance(obj[f], str):
            raise CurationError(f"{where}: {f!r} must be a string")
    labels = obj.get("labels", {})
    if not isinstance(labels, dict) or not all(isinstance(v, str) for v in labels.values()):
        raise CurationError(f'{where}: \'labels\' must be an object like {{"en": "NVIDIA"}}')
    if op in ("merge", "split") and obj["key"] == obj["into"]:
        raise CurationError(f"{where}: {op} of {obj['key']!r} into itself changes nothing; fix 'into'")
    return Curation(
        op=op, type=obj.get("type"), key=obj.get("key"), into=obj.get("into"), name=obj.get("name"),
        label=obj.get("label"), labels=dict(labels), article=obj.get("article"), note=obj.get("note"),
        where=where,
    )


# -- applying ---------------------------------------------------------------------------


def apply(curations: Iterable[Curation], extraction: Extraction) -> Extraction:
    """The extraction with every curation applied in order (the input is not changed)."""
    out = extraction
    for c in curations:
        out = apply_one(c, out)
    return out


def apply_one(c: Curation, ex: Extraction) -> Extraction:
    """One curation on one article's extraction; the same object back when it does not apply."""
    if c.op == "rename":
        return _rename(c, ex)
    if c.op == "merge":
        return _move(ex, c.type or EntityType.COMPANY, c.key or "", c.into or "", c.label, c.labels, None)
    if c.op == "split":
        return _move(ex, c.type or EntityType.COMPANY, c.key or "", c.into or "", c.label or c.name, {}, c.name)
    return _not(c, ex)


def _rename(c: Curation, ex: Extraction) -> Extraction:
    entities = tuple(
        replace(e, label=c.label) if (e.type, e.key) == (c.type, c.key) and e.label != c.label else e
        for e in ex.entities
    )
    if all(a is b for a, b in zip(entities, ex.entities, strict=True)):
        return ex
    return replace(ex, entities=entities)


def _endpoint_types(ex: Extraction, r: Relation) -> tuple[str, str]:
    types = {e.key: e.type for e in ex.entities}
    if r.type == "partnership":
        return types.get(r.source, EntityType.COMPANY), types.get(r.target, EntityType.COMPANY)
    return EntityType.COMPANY, EntityType.PRODUCT


def _move(
    ex: Extraction, etype: str, key: str, into: str, label: str | None,
    labels: dict[str, str], only_name: str | None,
) -> Extraction:
    """Move the mentions of entity (etype, key) — all, or those written ``only_name`` — to ``into``."""
    source = next((e for e in ex.entities if (e.type, e.key) == (etype, key)), None)
    referenced = any(
        (t, k) == (etype, key)
        for r in ex.relations for t, k in zip(_endpoint_types(ex, r), (r.source, r.target), strict=True)
    ) or any(e.maker == key for e in ex.entities if etype == EntityType.COMPANY)
    if source is None and not referenced:
        return ex
    moved: tuple[Mention, ...] = source.mentions if source is not None else ()
    kept: tuple[Mention, ...] = ()
    if only_name is not None:
        if source is None:
            return ex
        form = name_form(only_name)
        moved = tuple(m for m in source.mentions if name_form(m.text) == form)
        kept = tuple(m for m in source.mentions if name_form(m.text) != form)
        if not moved:
            return ex
    whole = not kept
    target = next((e for e in ex.entities if (e.type, e.key) == (etype, into)), None)
    entities: list[Entity] = []
    for e in ex.entities:
        if e is source:
            if kept:
                entities.append(replace(e, mentions=kept))
            if target is None:  # the new entity takes the source's place
                entities.append(Entity(
                    key=into, type=e.type, label=label or e.label, mentions=moved,
                    labels=dict(labels), maker=e.maker, found_by="curation",
                    names=e.names if whole else (),
                ))
        elif e is target:
            entities.append(replace(e, mentions=tuple(sorted((*e.mentions, *moved), key=_at))))
        else:
            entities.append(e)
    if whole:
        entities = [replace(e, maker=into) if e.maker == key and etype == EntityType.COMPANY else e
                    for e in entities]
    kept_forms = {name_form(m.text) for m in kept}
    relations = []
    for r in ex.relations:
        if whole or _speaks_only_of(r.evidence, name_form(only_name or ""), kept_forms):
            r = _repoint(ex, r, etype, key, into)
        if r is not None:
            relations.append(r)
    return replace(ex, entities=tuple(entities), relations=tuple(relations))


def _at(m: Mention) -> tuple[int, int]:
    return m.start, m.end


def _speaks_only_of(evidence: str, moved: str, kept: set[str]) -> bool:
    """The evidence names the moved name and none of the names the entity keeps."""
    form = name_form(evidence)
    return moved in form and not any(k in form for k in kept if k)


def _repoint(ex: Extraction, r: Relation, etype: str, key: str, into: str) -> Relation | None:
    """``r`` with endpoint (etype, key) replaced by ``into``; None when it becomes a self-loop."""
    types = _endpoint_types(ex, r)
    src = into if (types[0], r.source) == (etype, key) else r.source
    dst = into if (types[1], r.target) == (etype, key) else r.target
    if (src, dst) == (r.source, r.target):
        return r
    if src == dst:
        return None
    if r.type == "partnership":
        src, dst = sorted((src, dst))
    return replace(r, source=src, target=dst)


def _not(c: Curation, ex: Extraction) -> Extraction:
    if c.article is not None and ex.article.id != c.article:
        return ex
    form = name_form(c.name or "")
    entities: list[Entity] = []
    gone: set[tuple[str, str]] = set()
    for e in ex.entities:
        if c.type is not None and e.type != c.type:
            entities.append(e)
            continue
        kept = tuple(m for m in e.mentions if name_form(m.text) != form)
        if len(kept) == len(e.mentions):
            entities.append(e)
        elif kept:
            entities.append(replace(e, mentions=kept))
        else:
            gone.add((e.type, e.key))
    if len(entities) == len(ex.entities) and all(a is b for a, b in zip(entities, ex.entities, strict=True)):
        return ex
    gone_companies = {k for t, k in gone if t == EntityType.COMPANY}
    entities = [replace(e, maker=None) if e.maker in gone_companies else e for e in entities]
    relations = tuple(
        r for r in ex.relations
        if not any(end in gone for end in zip(_endpoint_types(ex, r), (r.source, r.target), strict=True))
    )
    return replace(ex, entities=tuple(entities), relations=relations)


class CuratedExtractor:
    """An extractor whose every result has the curations applied (the ingest path).

    Args:
        extractor: anything with ``extract(article)`` and ``pipe(articles, batch_size)``.
        curations: the curations to apply.
    """

    def __init__(self, extractor: Any, curations: Curations) -> None:
        self.extractor = extractor
        self.curations = curations

    @property
    def nlp(self) -> Any:
        """The wrapped extractor's pipeline (loading it)."""
        return self.extractor.nlp

    def extract(self, article: Article) -> Extraction:
        """Extract one article, then curate."""
        return self.curations.apply(self.extractor.extract(article))

    def pipe(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Extraction]:
        """Extract many articles, streaming, then curate each."""
        for ex in self.extractor.pipe(articles, batch_size=batch_size):
            yield self.curations.apply(ex)

    def stream(
        self, articles: Iterable[Article], batch_size: int = 32
    ) -> Iterator[Extraction | ExtractionFailed]:
        """Results of the wrapped extractor or worker runner (see :mod:`techkg.workers`), curated."""
        from techkg.workers import extract_stream

        for result in extract_stream(self.extractor, articles, batch_size):
            yield self.curations.apply(result) if isinstance(result, Extraction) else result
