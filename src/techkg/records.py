"""Typed records passed between pipeline stages.

Data flows one way: ``Article`` → (extract) → ``Extraction`` holding
``Entity`` and ``Relation`` records → (graph) → RDF triples.

Entity keys are stable across articles: the same company mentioned in two
articles gets the same ``Entity.key``, so the graph merges them.

>>> a = Article(id="demo", text="英伟达与台积电合作。")
>>> a.content_hash == Article(id="other", text="英伟达与台积电合作。").content_hash
True
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal


class EntityType(StrEnum):
    """The two kinds of entity, one spelling each.

    The value (``"Company"``) is what records, JSON, CSV and RDF carry and
    compares equal to the plain string; the name (``"COMPANY"``) is the label
    the spaCy pipeline puts on ``doc.ents``.

    >>> EntityType.COMPANY == "Company", EntityType.PRODUCT.label, EntityType.from_label("COMPANY")
    (True, 'PRODUCT', <EntityType.COMPANY: 'Company'>)
    """

    COMPANY = "Company"
    PRODUCT = "Product"

    @property
    def label(self) -> str:
        """The spaCy entity label: ``COMPANY`` or ``PRODUCT``."""
        return self.name

    @classmethod
    def from_label(cls, label: str) -> EntityType:
        """The type of a spaCy entity label (``span.label_``)."""
        return cls[label]


RelationType = Literal["partnership", "release", "maker"]

ENTITY_TYPES: tuple[EntityType, ...] = tuple(EntityType)
RELATION_TYPES: tuple[str, ...] = ("partnership", "release", "maker")


@dataclass(frozen=True)
class Article:
    """One news article as read from a file, a JSONL line, HTML or stdin.

    Attributes:
        id: stable identifier (explicit id, else derived from URL or file name).
        text: the article body, exactly as written (offsets refer to it).
        title: headline; may be empty.
        date: publication date as ISO ``YYYY-MM-DD`` (or full ISO datetime), if known.
        url: canonical URL, if known.
        publisher: publisher or outlet, if known (``source`` in article files).
        path: where it was read from (file path, ``path:line`` for JSONL, ``<stdin>``).
        origin: the absolute path of the file it was read from (None for stdin
            and the web API); stored so that ``remove PATH`` finds the article
            and an ingest can say when it replaces an article read elsewhere.
    """

    id: str
    text: str
    title: str = ""
    date: str | None = None
    url: str | None = None
    publisher: str | None = None
    path: str | None = None
    origin: str | None = None

    @property
    def content_hash(self) -> str:
        """SHA-256 over title and text: equal content, equal hash."""
        data = f"{self.title}\n\x1e\n{self.text}".encode()
        return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in the article text.

    ``text == article.text[start:end]`` always holds.
    """

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    """A company or product, with every mention of it in one article.

    Attributes:
        key: canonical key, stable across articles (``"nvidia"``, ``"nvidia-h100"``,
            or a normalised name for entities no lexicon lists).
        type: ``"Company"`` or ``"Product"``.
        label: canonical display label (``"NVIDIA"``).
        labels: language-tagged labels, e.g. ``{"en": "NVIDIA", "zh-Hans": "英伟达",
            "zh-Hant": "輝達"}``; may be empty.
        mentions: every occurrence in the article, in text order.
        aliases: every distinct surface string seen, as written (order of first use),
            then ``names``.
        names: other names the article gives an entity beside its mentions: a company with its
            parent written right before it ("网易有道" for the mention "有道"); a product with the maker
            written right before it ("小米MIX 4" for the mention "MIX 4"), without the maker its
            mention starts with ("H800" in "英伟达H800"), without a trailing 系列 or kind ("B200 GPU").
        maker: key of the company that makes this product, if known.
        found_by: how it was found: ``"lexicon"`` (a lexicon entry), ``"pattern"``
            (the rules, LAC or the tagger) or ``"curation"`` (a curation made it).
    """

    key: str
    type: EntityType
    label: str
    mentions: tuple[Mention, ...]
    labels: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    maker: str | None = None
    found_by: str = "lexicon"
    names: tuple[str, ...] = ()

    @property
    def aliases(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for text in (*(m.text for m in self.mentions), *self.names):
            seen.setdefault(text, None)
        return tuple(seen)


@dataclass(frozen=True)
class Relation:
    """A partnership, release or maker statement with its evidence.

    ``partnership`` is unordered (source/target sorted by key); ``release`` and
    ``maker`` go company → product.

    Attributes:
        type: ``"partnership"``, ``"release"`` or ``"maker"``.
        source: entity key (the company, for release/maker).
        target: entity key (the product, for release/maker).
        evidence: the sentence the relation was read from, as written.
        start: offset of the evidence sentence in ``Article.text``.
        end: end offset of the evidence sentence.
        confidence: 0.0-1.0.
        trigger: the cue word (合作, 发布, ...) as written, if any.
    """

    type: RelationType
    source: str
    target: str
    evidence: str
    start: int
    end: int
    confidence: float
    trigger: str = ""


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]

    def entity(self, key: str) -> Entity | None:
        """The entity with this key, or None."""
        for e in self.entities:
            if e.key == key:
                return e
        return None


@dataclass(frozen=True)
class ExtractionFailed:
    """An article the extractor could not process (reported, never dropped silently).

    Attributes:
        article: the article.
        message: ``file:line: what happened; what to do``.
    """

    article: Article
    message: str
