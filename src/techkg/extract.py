"""Article → Extraction: entities with all their mentions, and relations with evidence.

Long texts are read in sentence-bounded chunks of at most :data:`CHUNK_CHARS`
characters, so extraction time grows linearly with length; offsets stay
article offsets, relations stay within a chunk, and a name gets one entity
across the chunks of its article.

>>> from techkg.records import Article
>>> ex = Extractor(use_model=False)
>>> result = ex.extract(Article(id="demo", text="英伟达与台积电合作开发计算光刻技术。"))
>>> sorted(e.key for e in result.entities)
['nvidia', 'tsmc']
>>> [(r.type, r.source, r.target) for r in result.relations]
[('partnership', 'nvidia', 'tsmc')]
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from techkg.errors import CorpusError, ModelError, TechKGError
from techkg.nlp import link
from techkg.records import Article, Entity, EntityType, Extraction, ExtractionFailed, Mention, Relation
from techkg.text import fold, lower, strip_span

CHUNK_CHARS = 5_000
"""Longest piece of text the pipeline reads at once. Some of its steps compare
mentions pairwise, so a bounded piece keeps the cost per character flat."""

MAX_TEXT_CHARS = 2_000_000
"""Longest article text extracted (about 6 MB of Chinese): above it the article
is reported, not read, so that one article cannot hold a run up for minutes."""

_SENTENCE_ENDS = "。！？!?\n"
_CLAUSE_ENDS = "，,；;：: 　"
_CLOSERS = "”’」』)）"


class Extractor:
    """Runs the techkg spaCy pipeline over articles.

    Args:
        nlp: a loaded pipeline (see :func:`techkg.nlp.load_pipeline`); built on
            first use when omitted.
        lexicon: use the curated lexicon.
        user_lexicons: extra lexicon files.
        use_model: use the trained company/product tagger (see ``docs/models.md``).
        chunk_chars: longest piece of text read at once (sentence-bounded).
        max_chars: longest article text extracted; longer ones raise
            :class:`~techkg.errors.CorpusError`.
    """

    def __init__(
        self,
        nlp=None,
        *,
        lexicon: bool = True,
        user_lexicons: Sequence[str | Path] = (),
        use_model: bool = True,
        chunk_chars: int = CHUNK_CHARS,
        max_chars: int = MAX_TEXT_CHARS,
    ) -> None:
        self._nlp = nlp
        self._options = {"lexicon": lexicon, "user_lexicons": tuple(user_lexicons), "use_model": use_model}
        self.chunk_chars = chunk_chars
        self.max_chars = max_chars

    @property
    def nlp(self):
        if self._nlp is None:
            from techkg.nlp import load_pipeline

            self._nlp = load_pipeline(**self._options)
        return self._nlp

    def check(self, article: Article) -> None:
        """Raise :class:`CorpusError` when the article is too long to extract.

        >>> Extractor(max_chars=5).check(Article(id="a", text="英伟达与台积电合作。", path="a.txt"))
        Traceback (most recent call last):
        ...
        techkg.errors.CorpusError: a.txt: text is 10 characters, above the 5-character limit of one article; split it into several articles
        """
        if len(article.text) > self.max_chars:
            raise CorpusError(
                article.path or article.id,
                f"text is {len(article.text):,} characters, above the {self.max_chars:,}-character "
                "limit of one article; split it into several articles",
            )

    def extract(self, article: Article) -> Extraction:
        """Extract entities and relations from one article."""
        return next(self.pipe([article], batch_size=1))

    def pipe(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Extraction]:
        """Extract from many articles, streaming, in the order given.

        Raises:
            CorpusError: an article is longer than ``max_chars`` (see :meth:`check`).
        """
        lexicon = pipeline_lexicon(self.nlp)

        def pieces() -> Iterator[tuple[str, tuple[Article, int, bool]]]:
            for article in articles:
                self.check(article)
                bounds = chunk_bounds(article.text, self.chunk_chars)
                for i, (start, end) in enumerate(bounds):
                    yield article.text[start:end], (article, start, i == len(bounds) - 1)

        parts: list[tuple[int, object]] = []
        for doc, (article, start, last) in self.nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
            parts.append((start, doc))
            if last:
                yield doc_to_extraction(article, parts, lexicon)
                parts = []


def failure_message(article: Article, what: str, err: Exception) -> str:
    """``file:line: what (cause); what to do`` for one article that could not go in.

    >>> failure_message(Article(id="a", text="x", path="feed.jsonl:3"), "extraction failed", KeyError("k"))
    "feed.jsonl:3: extraction failed (KeyError: 'k'); the article was skipped, report it with the file attached"
    """
    if isinstance(err, CorpusError):  # bad input or a limit: the message names it and what to do
        return f"{err}; the article was skipped"
    where = article.path or article.id
    if isinstance(err, TechKGError):
        return f"{where}: {err}; the article was skipped"
    return (
        f"{where}: {what} ({type(err).__name__}: {err}); the article was skipped, "
        f"report it with the file attached"
    )


def extract_batch(
    extractor: Any, articles: Sequence[Article], batch_size: int = 32
) -> list[Extraction | ExtractionFailed]:
    """Extract a batch in one pipeline run: one result per article, in order.

    An article that fails gets an :class:`ExtractionFailed` record with its
    ``file:line`` message and the others come back extracted: articles the
    extractor refuses up front (``extractor.check``, e.g. too long) are not
    run; if the batch still fails, its articles are run one by one so the
    failure stays with its article. A :class:`~techkg.errors.ModelError` (the
    pipeline cannot load) stops everything: no article could go in.

    This is the one place where extraction failures are isolated: ``extract``,
    ``ingest`` and every worker process or Dask worker go through it.

    Args:
        extractor: anything with ``pipe(articles, batch_size)`` (and optionally ``check``).
        articles: the batch.
        batch_size: passed to ``pipe``.
    """
    check = getattr(extractor, "check", None)
    failed: dict[int, ExtractionFailed] = {}

    def fail(i: int, err: Exception) -> None:
        failed[i] = ExtractionFailed(articles[i], failure_message(articles[i], "extraction failed", err))

    for i, a in enumerate(articles):
        try:
            if check is not None:
                check(a)
        except Exception as e:  # noqa: BLE001 - reported by the caller, the run goes on
            fail(i, e)
    ready = [i for i in range(len(articles)) if i not in failed]
    done: dict[int, Extraction] = {}
    try:
        out = list(extractor.pipe([articles[i] for i in ready], batch_size=batch_size))
        if len(out) != len(ready):
            raise TechKGError(f"the extractor returned {len(out)} results for {len(ready)} articles")
        done = dict(zip(ready, out, strict=True))
    except ModelError:
        raise
    except Exception:  # noqa: BLE001 - isolate the article that breaks the batch
        for i in ready:
            try:
                [done[i]] = extractor.pipe([articles[i]], batch_size=1)
            except ModelError:
                raise
            except Exception as e:  # noqa: BLE001 - reported by the caller, the run goes on
                fail(i, e)
    return [done[i] if i in done else failed[i] for i in range(len(articles))]


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Contiguous ``(start, end)`` pieces of ``text``, each at most ``size`` long.

    A piece ends after the last sentence end (``。！？!?`` or a line break, with
    any closing quote) past its first quarter; failing that, after a clause mark or
    a space; failing that (text without punctuation), at ``size``.

    >>> chunk_bounds("英伟达发布H100。台积电代工！百度发布文心一言。", 12)
    [(0, 10), (10, 16), (16, 25)]
    """
    bounds = []
    start, n = 0, len(text)
    while n - start > size:
        end = start + size
        lo = start + size // 4
        cut = max(text.rfind(ch, lo, end - 1) for ch in _SENTENCE_ENDS)
        if cut < 0:
            cut = max(text.rfind(ch, lo, end) for ch in _CLAUSE_ENDS)
        if cut < 0:
            bounds.append((start, end))
            start = end
            continue
        cut += 1
        while cut < end and text[cut] in _CLOSERS:
            cut += 1
        bounds.append((start, cut))
        start = cut
    bounds.append((start, n))
    return bounds


class _Sentences:
    """The sentences of a text, split once, looked up by offset."""

    def __init__(self, text: str) -> None:
        from techkg.nlp.relations import sentences

        self.spans = sentences(text)
        self.starts = [s for s, _ in self.spans]

    def around(self, start: int, end: int) -> tuple[int, int]:
        """Offsets of the sentence holding ``[start, end)``, else the span itself."""
        i = bisect.bisect_right(self.starts, start) - 1
        if i >= 0 and end <= self.spans[i][1]:
            return self.spans[i]
        return start, end


def pipeline_lexicon(nlp):
    """The lexicon inside a pipeline, or None when it was switched off."""
    if "techkg_lexicon" in nlp.pipe_names:
        return nlp.get_pipe("techkg_lexicon").lexicon
    return None


_Found = tuple[EntityType, str, int, int, str]  # (type, key, start, end, surface) at article offsets


def _unify_names(chunks: list[tuple[list[_Found], list[Relation], dict[str, str]]]) -> None:
    """One entity per name across chunks: a chunk's entity whose names all belong to another
    entity elsewhere (most mentions win) takes that entity's type and key, in place."""
    votes: dict[str, Counter[tuple[str, str]]] = {}
    for found, _, _ in chunks:
        for etype, key, _, _, surface in found:
            votes.setdefault(surface, Counter())[(etype, key)] += 1
    if all(len(v) == 1 for v in votes.values()):
        return
    winner = {s: v.most_common(1)[0][0] for s, v in votes.items()}
    for i, (found, relations, makers) in enumerate(chunks):
        names: dict[tuple[str, str], set[tuple[str, str]]] = {}
        for etype, key, _, _, surface in found:
            names.setdefault((etype, key), set()).add(winner[surface])
        remap = {ident: next(iter(w)) for ident, w in names.items() if len(w) == 1 and ident not in w}
        if not remap:
            continue
        keys = {old[1]: new[1] for old, new in remap.items()}
        found[:] = [(*remap.get((t, k), (t, k)), s, e, x) for t, k, s, e, x in found]
        relations[:] = [
            Relation(r.type, keys.get(r.source, r.source), keys.get(r.target, r.target), r.evidence,
                     r.start, r.end, r.confidence, trigger=r.trigger)
            for r in relations
        ]
        chunks[i] = (found, relations, {keys.get(p, p): keys.get(c, c) for p, c in makers.items()})


def _label(key: str, mentions: Sequence[Mention], lexicon) -> str:
    """An entity's label: the lexicon's, else its longest name in the article, without a
    trailing 系列 (the series is keyed as its product: "Core Ultra 200V系列" → "Core Ultra 200V")."""
    entry = lexicon.get(key) if lexicon is not None else None
    if entry is not None:
        return entry.label
    name = max((m.text for m in mentions), key=len)
    return link.without_series_word(name)


def _owner_before(m: Mention, brand_ends: dict[int, tuple[str, Mention]], owner: str, text: str) -> Mention | None:
    """The mention of ``owner`` (a maker or a parent) written right before ``m``, a space allowed between."""
    start = m.start - 1 if m.start > 0 and text[m.start - 1] == " " else m.start
    key, brand = brand_ends.get(start, (None, None))
    return brand if key == owner else None


def _brand_before(mentions: Sequence[Mention], brand_ends: dict[int, tuple[str, Mention]], maker: str,
                  text: str) -> str | None:
    """The maker's name written right before one of a product's mentions ("领克" in "领克Z10")."""
    for m in mentions:
        if (brand := _owner_before(m, brand_ends, maker, text)) is not None:
            return text[brand.start : m.start].strip()
    return None


def _maker_names(maker: str, lexicon) -> set[str]:
    """The maker's lexicon names, folded and lower-cased; empty when the lexicon does not list it."""
    entry = lexicon.get(maker) if lexicon is not None else None
    if entry is None:
        return set()
    return {lower(fold(n)) for n in (entry.label, *entry.labels.values(), *entry.aliases, *entry.weak_aliases)}


def _prefix_size(mention: Mention, names: set[str]) -> int:
    """Length of the longest of ``names`` that starts the mention and is shorter than it, else 0."""
    written = lower(fold(mention.text))  # same length as the mention: the prefix's size slices it
    return max((len(n) for n in names if len(n) < len(written) and written.startswith(n)), default=0)


def _brand_inside(mentions: Sequence[Mention], maker: str, lexicon) -> Mention | None:
    """The maker's lexicon name that starts one of a product's mentions ("一加" in "一加13",
    "極氪" in "極氪001 FR"), as a mention of the maker; None when no mention starts so."""
    names = _maker_names(maker, lexicon)
    for m in mentions:
        if size := _prefix_size(m, names):
            return Mention(m.text[:size], m.start, m.start + size)
    return None


_GENERATION_BEFORE_RE = re.compile(r"第[一二三四五六七八九十\d]{1,2}代\s?$")


def _with_parent(mentions: Sequence[Mention], brand_ends: dict[int, tuple[str, Mention]], parent: str | None,
                 text: str) -> tuple[str, ...]:
    """A company's other names in the article: each mention with its parent's name written right before
    it ("网易有道" for the mention "有道" after "网易")."""
    if parent is None:
        return ()
    written = {text[brand.start : m.end]: None for m in mentions
               if (brand := _owner_before(m, brand_ends, parent, text)) is not None}
    return tuple(n for n in written if n not in {m.text for m in mentions})


def _without_kind(name: str) -> str:
    """A product's name without a trailing market edition, kind of product or 架构, when a name of two
    characters or more is left ("iPhone 12美國版" → "iPhone 12", "B200 GPU" → "B200", "Blackwell架构" →
    "Blackwell")."""
    from techkg.nlp import terms
    from techkg.nlp.candidates import without_generic_tail

    edition = terms.MARKET_EDITION_END_RE.search(fold(name))  # folding keeps the length: its offsets cut the name
    core = name[: edition.start()] if edition else name
    while (shorter := re.sub(r"\s*(?:架构|架構)$", "", without_generic_tail(core))) != core:
        core = shorter  # "Isaac机器人平台": two kinds
    return core if len(core) >= 2 else name


def _other_names(mentions: Sequence[Mention], brand_ends: dict[int, tuple[str, Mention]], maker: str | None,
                 text: str, lexicon) -> tuple[str, ...]:
    """A product's other names in the article (``Entity.names``): each mention with its maker's
    name written right before it ("小米MIX 4") or its generation ("第一代骁龙7"); each mention that
    starts with the maker's name without it, where what is left holds a Latin letter or a digit
    ("英伟达H800" → "H800", "联发科天玑9200+" → "天玑9200+"; "小米13" leaves a bare number, no name);
    and each of these without a trailing 系列 ("nova 10系列" → "nova 10") or kind of product
    ("B200 GPU" → "B200", "Blackwell架构" → "Blackwell")."""
    seen = {m.text for m in mentions}
    names: dict[str, None] = {}
    maker_names = _maker_names(maker, lexicon) if maker else set()
    for m in mentions:
        forms = [m.text]
        if maker and (brand := _owner_before(m, brand_ends, maker, text)) is not None:
            forms.append(text[brand.start : m.end])
        rest = m.text[_prefix_size(m, maker_names):].strip(" -")
        if rest != m.text and len(rest) > 1 and not rest.isdigit() and any(c.isascii() and c.isalnum() for c in rest):
            forms.append(rest)
        if generation := _GENERATION_BEFORE_RE.search(text, max(0, m.start - 6), m.start):
            forms.append(text[generation.start() : m.end])  # "第一代骁龙7": Qualcomm names its chips so
        for form in forms:
            for name in (form, link.without_series_word(form), _without_kind(form)):
                if name not in seen:
                    names.setdefault(name, None)
    return tuple(names)


def doc_to_extraction(article: Article, doc, lexicon=None) -> Extraction:
    """Group processed Docs' mentions into entities and attach relations.

    Args:
        article: the article the Doc (or Docs) were made from.
        doc: the processed Doc of the whole text, or ``[(offset, Doc), ...]``
            for the chunks of a long text (offsets into ``article.text``).
        lexicon: the pipeline's lexicon, for canonical and language labels.
    """
    text = article.text
    parts = [(0, doc)] if not isinstance(doc, list) else doc
    chunks: list[tuple[list[_Found], list[Relation], dict[str, str]]] = []
    for offset, d in parts:
        found: list[_Found] = [
            (EntityType.from_label(s.label_), s.kb_id_, offset + s.start_char, offset + s.end_char, s.text) for s in d.ents
        ]
        found += [
            (EntityType.COMPANY, b.kb_id_, offset + b.start_char, offset + b.end_char, b.text) for b in d.spans.get("brands", [])
        ]
        relations = []
        for h in d._.relations or []:
            start, end = strip_span(text, offset + h.start, offset + h.end)
            relations.append(Relation(h.type, h.source, h.target, text[start:end], start, end,
                                      h.confidence, trigger=h.trigger))
        chunks.append((found, relations, dict(d._.makers or {})))
    if len(chunks) > 1:
        _unify_names(chunks)
    mentions: dict[tuple[str, str], list[Mention]] = {}
    for etype, key, start, end, surface in sorted((f for c in chunks for f in c[0]), key=lambda x: x[2]):
        mentions.setdefault((etype, key), []).append(Mention(surface, start, end))
    relations = [r for c in chunks for r in c[1]]
    makers: dict[str, str] = {}
    for c in chunks:
        for product, maker in c[2].items():
            makers.setdefault(product, maker)
    for r in relations:  # whoever the text says released a product is its maker, unless known
        if r.type == "release":
            makers.setdefault(r.target, r.source)
    products = {k: [m.text for m in ms] for (t, k), ms in mentions.items() if t == EntityType.PRODUCT}
    fixed = {k for k in products if lexicon is not None and lexicon.get(k) is not None}
    rekey = link.product_rekeys(products, makers, fixed)
    if rekey:  # short forms join their product; bare model numbers are keyed within their maker
        merged: dict[tuple[str, str], list[Mention]] = {}
        for (t, k), ms in mentions.items():
            merged.setdefault((t, rekey.get(k, k) if t == EntityType.PRODUCT else k), []).extend(ms)
        mentions = {k: sorted(ms, key=lambda m: m.start) for k, ms in merged.items()}
        makers = {rekey.get(k, k): m for k, m in makers.items()}
        relations = [replace(r, target=rekey.get(r.target, r.target)) if r.type != "partnership" else r
                     for r in relations]
    for product, maker in makers.items():  # "一加13将于…开售": the brand names the maker in the article
        if (EntityType.COMPANY, maker) not in mentions and (EntityType.PRODUCT, product) in mentions:
            brand = _brand_inside(mentions[(EntityType.PRODUCT, product)], maker, lexicon)
            if brand is not None:
                mentions[(EntityType.COMPANY, maker)] = [brand]
    company_keys = {k for (t, k) in mentions if t == EntityType.COMPANY}
    # Both ends of a relation are entities of the article: a partner read through its product
    # ("与支付宝合作" → Ant Group) counts only where the article names that company.
    keys = {k for (_, k) in mentions}
    relations = [r for r in relations if r.source in keys and r.target in keys]
    brand_ends = {m.end: (k, m) for (t, k), ms in mentions.items() if t == EntityType.COMPANY for m in ms}
    labels = {ident: _label(ident[1], ms, lexicon) for ident, ms in mentions.items()}
    entities = []
    for (etype, key), ms in mentions.items():
        entry = lexicon.get(key) if lexicon is not None else None
        label = labels[(etype, key)]
        maker = makers.get(key) if etype == EntityType.PRODUCT else None
        if maker and entry is None:
            maker_label = _brand_before(ms, brand_ends, maker, text) or labels.get((EntityType.COMPANY, maker))
            label = link.product_label(label, maker_label)
        entities.append(
            Entity(
                key=key,
                type=etype,
                label=label,
                mentions=tuple(ms),
                labels=dict(entry.labels) if entry is not None else {},
                maker=maker,
                found_by="lexicon" if entry is not None else "pattern",
                names=_other_names(ms, brand_ends, maker, text, lexicon) if etype == EntityType.PRODUCT
                else _with_parent(ms, brand_ends, entry.parent if entry is not None else None, text),
            )
        )
    sentences: _Sentences | None = None
    for product, maker in sorted(makers.items()):
        if maker in company_keys and (EntityType.PRODUCT, product) in mentions:
            first = mentions[(EntityType.PRODUCT, product)][0]
            sentences = sentences or _Sentences(text)
            start, end = strip_span(text, *sentences.around(first.start, first.end))
            relations.append(Relation("maker", maker, product, text[start:end], start, end, 0.8))
    return Extraction(article=article, entities=tuple(entities), relations=tuple(relations))
