"""spaCy components of the techkg pipeline, registered with ``@Language.factory``.

Order in the pipeline (see ``config.cfg``)::

    lac tokenizer → techkg_lexicon → techkg_companies → techkg_products
                  → techkg_resolver → techkg_linker → techkg_relations

The first three add :class:`~techkg.nlp.candidates.Candidate` spans to
``doc._.candidates``; the resolver writes ``doc.ents`` (labels ``COMPANY``/
``PRODUCT``); the linker puts each entity's canonical key in ``span.kb_id_``;
the relation reader stores :class:`~techkg.nlp.relations.RelationHit` records
in ``doc._.relations``. Each factory declares what it ``requires`` and
``assigns``; the ``doc._`` attributes are registered in
:mod:`techkg.nlp.extensions`, which says who writes each.
Switching the lexicon off is ``nlp.select_pipes(disable="techkg_lexicon")``
or ``load_pipeline(lexicon=False)``.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from techkg.nlp import link, terms
from techkg.nlp import candidates as cand
from techkg.nlp import model_candidates, resolve
from techkg.nlp.boilerplate import boilerplate_spans, overlap_test
from techkg.nlp.candidates import COMPANY, PRODUCT
from techkg.nlp.extensions import attr
from techkg.nlp.relations import Ment, RelationReader
from techkg.records import EntityType
from techkg.text import fold


def _folded(doc: Doc) -> str:
    if doc._.folded is None:  # a Doc made by another tokenizer
        doc._.folded = fold(cand.doc_text(doc))
    return doc._.folded


def _found(doc: Doc) -> list[cand.Candidate]:
    """The candidates found so far (a new list: finders read it while adding)."""
    return list(doc._.candidates or ())


def _add(doc: Doc, found: list[cand.Candidate]) -> None:
    if doc._.candidates is None:
        doc._.candidates = []
    doc._.candidates.extend(found)


class LexiconRuler:
    """Names from the curated lexicon (built-in file plus the user's files)."""

    def __init__(self, builtin: bool, paths: list[str]) -> None:
        from techkg.nlp.lexicon import Lexicon

        self.lexicon = Lexicon.load([Path(p) for p in paths], builtin=builtin)

    def __call__(self, doc: Doc) -> Doc:
        _add(doc, cand.lexicon_candidates(doc, self.lexicon, _folded(doc)))
        return doc


class CompanyFinder:
    """Companies from LAC tags, context cues and (optionally) the company/product tagger.

    The tagger's spans are kept in ``doc._.model_spans`` for the product finder.
    """

    def __init__(self, nlp: Language, use_model: bool) -> None:
        self.nlp = nlp
        self.tagger = None
        self._weak: frozenset[str] | None = None
        if use_model:
            from techkg.nlp.company_model import CompanyTagger

            self.tagger = CompanyTagger.load()

    def _weak_names(self) -> frozenset[str]:
        if self._weak is None:
            lexicon = self.nlp.get_pipe("techkg_lexicon").lexicon if "techkg_lexicon" in self.nlp.pipe_names else None
            self._weak = model_candidates.weak_names(lexicon)
        return self._weak

    def __call__(self, doc: Doc) -> Doc:
        text = _folded(doc)
        spans = []
        if self.tagger is not None and text.strip():
            lac_words = doc._.lac_words  # the tokenizer's LAC words: no second run
            spans = model_candidates.on_latin_word_edges(self.tagger.tag(cand.doc_text(doc), lac_tokens=lac_words), text)
        doc._.model_spans = spans
        known = [(c.start, c.end) for c in _found(doc) if c.is_a(COMPANY)]
        words = [(t.idx, t.idx + len(t.text)) for t in cand.tokens(doc) if t.tag_ == "ORG"] + known
        spans = model_candidates.company_finder_spans(spans, words)
        spans = model_candidates.veto_unconfirmed_weak(spans, text, self._weak_names(), known)
        _add(doc, cand.company_candidates(doc, text, spans, tagger=self.tagger is not None))
        return doc


class ProductFinder:
    """Products from naming patterns and context, then the tagger's products where no rule cut the text."""

    def __call__(self, doc: Doc) -> Doc:
        text = _folded(doc)
        _add(doc, cand.product_candidates(doc, text, _found(doc)))
        _add(doc, model_candidates.product_candidates(doc._.model_spans or (), text, _found(doc)))
        return doc


class Resolver:
    """One reading per stretch of text: writes ``doc.ents`` and the ``brands`` span group."""

    def __call__(self, doc: Doc) -> Doc:
        text = _folded(doc)
        found = _found(doc)
        found = found + cand.glossed_names(found, text) + cand.defined_short_names(found, text)
        found = found + cand.names_before_gloss(doc, text, found) + cand.product_short_names(found, text)
        found = found + cand.listed_names(found, text)
        found = found + cand.list_members(doc, text, found)
        words = cand.tokens(doc)
        persons = {text[t.idx : t.idx + len(t.text)] for t in words if t.tag_ == "PER"}
        # a name LAC and the tagger both read as a person elsewhere is no company where the tagger wavers ("周鸿祎")
        people = persons & {text[s:e] for s, e, label in doc._.model_spans or () if label == "name"}
        found = [c for c in found if not (c.finder == "model" and c.is_a(COMPANY) and text[c.start : c.end] in people)]
        found = found + cand.propagate(found, text, {(t.idx, t.idx + len(t.text)) for t in words}, persons=persons)
        in_furniture = overlap_test(boilerplate_spans(text))  # datelines, credits, security codes: no entity
        found = [c for c in found if not in_furniture(c.start, c.end)]
        chosen, brands = resolve.choose(found, text)
        return resolve.set_entities(doc, chosen, brands)


class Linker:
    """Canonical keys in ``span.kb_id_`` and product makers in ``doc._.makers``."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def _lexicon(self):
        if "techkg_lexicon" in self.nlp.pipe_names:
            return self.nlp.get_pipe("techkg_lexicon").lexicon
        return None

    @staticmethod
    def _lexicon_key(lexicon, name: str, label: str, known: frozenset[str] = frozenset()) -> str | None:
        """The lexicon key of a name; a weak name ("R1", "理想") only where the article names
        its entry or the entry's maker (``known``: the lexicon keys found in the Doc)."""
        if lexicon is None:
            return None
        strong = {e.key for e in lexicon.lookup(name, strong=True)}
        same_type = [e for e in lexicon.lookup(name) if e.type == EntityType.from_label(label)
                     and (e.key in strong or e.key in known or (e.maker is not None and e.maker in known))]
        return same_type[0].key if same_type else None

    @staticmethod
    def _registered_key(lexicon, name: str, label: str) -> str | None:
        """The lexicon key of the company a registered name holds ("上海傅利叶智能科技有限公司" → fourier)."""
        if lexicon is None or label != COMPANY.label:
            return None
        for core in link.registered_name_cores(name):
            entries = [e for e in lexicon.lookup(core, strong=True) if e.type == COMPANY]
            if entries:
                return entries[0].key
        return None

    @staticmethod
    def _unlisted_key(lexicon, name: str, label: str) -> str:
        """The key of a name the lexicon does not list: its name key, with its type after it when a
        listed entry of the other type holds that key (a product "RTX" is not the company RTX Corporation)."""
        key = link.name_key(name)
        entry = lexicon.get(key) if lexicon is not None else None
        return f"{key}-{label.lower()}" if entry is not None and entry.type.label != label else key

    @staticmethod
    def _series_key(lexicon, name: str) -> tuple[str, str | None] | None:
        """(key, maker) of an unlisted model of a listed series or family ("麒麟970", "Core Ultra 200V")."""
        if lexicon is None:
            return None
        return lexicon.series_model(name) or lexicon.family_model(name)

    @staticmethod
    def _family_maker(lexicon, name: str) -> str | None:
        """The maker of a product family the name starts with ("Dimensity Auto" → MediaTek)."""
        if lexicon is None:
            return None
        first = name.split(" ")[0]
        if first == name:
            return None
        return next((e.maker for e in lexicon.lookup(first) if e.type == PRODUCT and e.maker), None)

    def __call__(self, doc: Doc) -> Doc:
        text = _folded(doc)
        lexicon = self._lexicon()
        makers: dict[str, str] = {}
        brand_at = {b.start_char: b for b in doc.spans.get("brands", [])}
        brand_at.update({b.end_char: b for b in doc.spans.get("brands", [])})  # right before the product
        declared = doc._.span_makers or {}
        aliases: dict[tuple[str, str], str] = {}  # (type, key) -> the key it merges into (name and its abbreviation)
        ents = list(doc.ents)
        known = frozenset(s.kb_id_ for s in (*ents, *doc.spans.get("brands", [])) if s.kb_id_)
        for span in ents:
            glued = span.start_char
            while glued > 0 and text[glued - 1] == " ":
                glued -= 1
            brand = brand_at.get(span.start_char) or brand_at.get(glued)
            key = span.kb_id_
            series = None  # (key, maker) of an unlisted model of a listed series or family ("麒麟970", "Core Ultra 200V")
            if not key:
                surface = text[span.start_char : span.end_char]
                if span.label_ == COMPANY.label:
                    core = link.company_core(surface)
                else:
                    core = link.core_name(surface, brand.text if brand is not None else None)
                if span.label_ == PRODUCT.label:
                    series = self._series_key(lexicon, core)
                key = self._lexicon_key(lexicon, core, span.label_, known) or (series[0] if series else None) \
                    or self._registered_key(lexicon, surface, span.label_) or self._unlisted_key(lexicon, core, span.label_)
                span.kb_id_ = key
            for abbrev in link.abbreviations_after(text, span.start_char, span.end_char):
                short = self._lexicon_key(lexicon, abbrev, span.label_, known)
                if not short and span.label_ == PRODUCT.label:  # "日日新5.0（SenseNova 5.0）": keyed as the span
                    short = (self._series_key(lexicon, abbrev) or (None,))[0]
                short = short or link.name_key(link.company_core(abbrev) if span.label_ == COMPANY.label else abbrev)
                listed = lexicon is not None and lexicon.get(short) is not None
                if listed and lexicon.get(key) is None:
                    aliases.setdefault((span.label_, key), short)  # "深度求索…有限公司（DeepSeek）": the known name wins
                elif not listed:  # two names the lexicon lists are two entities it knows apart
                    aliases.setdefault((span.label_, short), key)
            if span.label_ == PRODUCT.label:
                maker = declared.get((span.start_char, span.end_char))
                if brand is not None:
                    maker = maker or brand.kb_id_ or link.name_key(brand.text)
                entry = lexicon.get(key) if lexicon is not None else None
                maker = (entry.maker if entry is not None and entry.maker else None) or maker
                maker = maker or (series[1] if series else None) \
                    or self._family_maker(lexicon, text[span.start_char : span.end_char])
                if maker and maker != key:
                    makers.setdefault(key, maker)
        brands = [
            Span(doc, b.start, b.end, label=b.label_,
                 kb_id=b.kb_id_ or self._lexicon_key(lexicon, b.text, COMPANY.label, known) or link.name_key(b.text))
            for b in doc.spans.get("brands", [])
        ]
        for span in (*ents, *brands):  # a name and its abbreviation: one entity of the same type
            span.kb_id_ = aliases.get((span.label_, span.kb_id_), span.kb_id_)
        companies = [s for s in ents if s.label_ == COMPANY.label] + brands
        names: dict[str, set[str]] = {}
        for span in companies:
            names.setdefault(span.kb_id_, set()).add(text[span.start_char : span.end_char].strip())
        fixed = {k for k in names if lexicon is not None and lexicon.get(k) is not None}
        short_forms = link.company_short_forms(names, fixed)  # 遠傳 beside 遠傳電信: one company
        for span in companies:
            span.kb_id_ = short_forms.get(span.kb_id_, span.kb_id_)
        makers = {product: aliases.get((COMPANY.label, maker), maker) for product, maker in makers.items()}
        makers = {product: short_forms.get(maker, maker) for product, maker in makers.items()}
        acting = self._acting_as_companies(text, ents)
        if acting:  # "TikTok执行长周受资": the platform acts as a firm in this article
            ents = [Span(doc, s.start, s.end, label=COMPANY.label, kb_id=s.kb_id_) if s.kb_id_ in acting else s
                    for s in ents]
            makers = {p: m for p, m in makers.items() if p not in acting}
        doc.spans["brands"] = brands
        doc.set_ents(ents, default="outside")
        doc._.makers = makers
        return doc

    @staticmethod
    def _acting_as_companies(text: str, ents: list[Span]) -> set[str]:
        """Keys of the products a mention of which a company's role or figures follow ("抖音CEO",
        "TikTok执行长", "飞书总裁", "AliExpress股价"): the platform acts as a firm in this article."""
        return {s.kb_id_ for s in ents if s.label_ == PRODUCT.label
                and terms.PLATFORM_AS_FIRM_RE.match(text, s.end_char)}


class RelationExtractor:
    """Partnerships and releases with evidence sentences, in ``doc._.relations``.

    Args:
        nlp: the pipeline, whose lexicon (when it has one) gives the companies' parents.
        use_model: read partnerships with the trained pair classifier as well as the rules.
    """

    def __init__(self, nlp: Language, use_model: bool) -> None:
        self.nlp = nlp
        self.model = None
        if use_model:
            from techkg.nlp.relation_model import PartnershipModel

            self.model = PartnershipModel.load()

    def reader(self, doc: Doc) -> RelationReader:
        """The relation reader over a Doc's linked entities."""
        mentions = [Ment(s.start_char, s.end_char, s.label_, s.kb_id_) for s in doc.ents]
        mentions += [Ment(b.start_char, b.end_char, COMPANY.label, b.kb_id_) for b in doc.spans.get("brands", [])]
        makers = dict(doc._.makers or {})
        return RelationReader(_folded(doc), mentions, makers, self.model,
                              parents=self._parents({m.key for m in mentions} | set(makers.values())))

    def _parents(self, keys: set[str]) -> dict[str, str]:
        """Company key → parent company key, from the lexicon, for ``keys`` and their parents."""
        if "techkg_lexicon" not in self.nlp.pipe_names:
            return {}
        lexicon = self.nlp.get_pipe("techkg_lexicon").lexicon
        parents: dict[str, str] = {}
        todo = list(keys)
        while todo:
            entry = lexicon.get(todo.pop())
            if entry is not None and entry.parent and entry.key not in parents:
                parents[entry.key] = entry.parent
                todo.append(entry.parent)
        return parents

    def __call__(self, doc: Doc) -> Doc:
        doc._.relations = self.reader(doc).read()
        return doc


@Language.factory("techkg_lexicon_ruler_v1", default_config={"builtin": True, "paths": []},
                  requires=[attr("folded")], assigns=[attr("candidates")])
def make_lexicon_ruler(nlp: Language, name: str, builtin: bool, paths: list[str]) -> LexiconRuler:
    return LexiconRuler(builtin, paths)


@Language.factory("techkg_company_finder_v1", default_config={"use_model": True},
                  requires=["token.tag", attr("folded"), attr("lac_words")],
                  assigns=[attr("candidates"), attr("model_spans")])
def make_company_finder(nlp: Language, name: str, use_model: bool) -> CompanyFinder:
    return CompanyFinder(nlp, use_model)


@Language.factory("techkg_product_finder_v1", requires=["token.tag", attr("candidates"), attr("model_spans")],
                  assigns=[attr("candidates")])
def make_product_finder(nlp: Language, name: str) -> ProductFinder:
    return ProductFinder()


@Language.factory("techkg_entity_resolver_v1", requires=[attr("candidates")],
                  assigns=["doc.ents", "doc.spans", attr("span_makers")])
def make_resolver(nlp: Language, name: str) -> Resolver:
    return Resolver()


@Language.factory("techkg_entity_linker_v1", requires=["doc.ents", "doc.spans", attr("span_makers")],
                  assigns=["token.ent_kb_id", "doc.spans", attr("makers")])
def make_linker(nlp: Language, name: str) -> Linker:
    return Linker(nlp)


@Language.factory("techkg_relation_extractor_v1", default_config={"use_model": True},
                  requires=["doc.ents", "token.ent_kb_id", "doc.spans", attr("makers")],
                  assigns=[attr("relations")])
def make_relation_extractor(nlp: Language, name: str, use_model: bool) -> RelationExtractor:
    return RelationExtractor(nlp, use_model)
