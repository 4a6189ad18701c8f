"""Article → Extraction: entities with all their mentions, and relations with evidence.

>>> from techkg.records import Article
>>> ex = Extractor(use_model=False)
>>> result = ex.extract(Article(id="demo", text="英伟达与台积电合作开发计算光刻技术。"))
>>> sorted(e.key for e in result.entities)
['nvidia', 'tsmc']
>>> [(r.type, r.source, r.target) for r in result.relations]
[('partnership', 'nvidia', 'tsmc')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from techkg.records import Article, Entity, Extraction, Mention, Relation

ENTITY_TYPES = {"COMPANY": "Company", "PRODUCT": "Product"}


class Extractor:
    """Runs the techkg spaCy pipeline over articles.

    Args:
        nlp: a loaded pipeline (see :func:`techkg.nlp.load_pipeline`); built on
            first use when omitted.
        lexicon: use the curated lexicon.
        user_lexicons: extra lexicon files.
        use_model: use the trained company/product tagger (see ``docs/models.md``).
    """

    def __init__(
        self,
        nlp=None,
        *,
        lexicon: bool = True,
        user_lexicons: Sequence[str | Path] = (),
        use_model: bool = True,
    ) -> None:
        self._nlp = nlp
        self._options = {"lexicon": lexicon, "user_lexicons": tuple(user_lexicons), "use_model": use_model}

    @property
    def nlp(self):
        if self._nlp is None:
            from techkg.nlp import load_pipeline

            self._nlp = load_pipeline(**self._options)
        return self._nlp

    def extract(self, article: Article) -> Extraction:
        """Extract entities and relations from one article."""
        return doc_to_extraction(article, self.nlp(article.text), pipeline_lexicon(self.nlp))

    def pipe(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Extraction]:
        """Extract from many articles, streaming, in the order given."""
        lexicon = pipeline_lexicon(self.nlp)
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield doc_to_extraction(article, doc, lexicon)


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentence holding ``text[start:end]``."""
    from techkg.nlp.relations import sentences

    for s, e in sentences(text):
        if s <= start and end <= e:
            return s, e
    return start, end


def pipeline_lexicon(nlp):
    """The lexicon inside a pipeline, or None when it was switched off."""
    if "techkg_lexicon" in nlp.pipe_names:
        return nlp.get_pipe("techkg_lexicon").lexicon
    return None


def doc_to_extraction(article: Article, doc, lexicon=None) -> Extraction:
    """Group a processed Doc's mentions into entities and attach relations.

    Args:
        article: the article the Doc was made from.
        doc: the processed Doc.
        lexicon: the pipeline's lexicon, for canonical and language labels.
    """
    mentions: dict[tuple[str, str], list[Mention]] = {}
    spans = [(s.label_, s.kb_id_, s.start_char, s.end_char, s.text) for s in doc.ents]
    spans += [("COMPANY", b.kb_id_, b.start_char, b.end_char, b.text) for b in doc.spans.get("brands", [])]
    for label, key, start, end, surface in sorted(spans, key=lambda x: x[2]):
        mentions.setdefault((ENTITY_TYPES[label], key), []).append(Mention(surface, start, end))
    text = article.text
    relations = [
        Relation(h.type, h.source, h.target, text[h.start : h.end].strip(), h.start, h.end,
                 h.confidence, trigger=h.trigger)
        for h in doc._.relations or []
    ]
    makers: dict[str, str] = dict(doc._.makers or {})
    for r in relations:  # whoever the text says released a product is its maker, unless known
        if r.type == "release":
            makers.setdefault(r.target, r.source)
    company_keys = {k for (t, k) in mentions if t == "Company"}
    entities = []
    for (etype, key), ms in mentions.items():
        entry = lexicon.get(key) if lexicon is not None else None
        label = entry.label if entry is not None else max((m.text for m in ms), key=len)
        entities.append(
            Entity(
                key=key,
                type=etype,
                label=label,
                mentions=tuple(ms),
                labels=dict(entry.labels) if entry is not None else {},
                maker=makers.get(key) if etype == "Product" else None,
                source="lexicon" if entry is not None else "pattern",
            )
        )
    for product, maker in sorted(makers.items()):
        if maker in company_keys and ("Product", product) in mentions:
            first = mentions[("Product", product)][0]
            start, end = _sentence_around(text, first.start, first.end)
            relations.append(Relation("maker", maker, product, text[start:end].strip(), start, end, 0.8))
    return Extraction(article=article, entities=tuple(entities), relations=tuple(relations))
