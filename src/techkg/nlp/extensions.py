"""What the pipeline's components hand each other on a Doc: one ``doc._`` attribute each.

Registered here, once, when the package's pipeline modules are imported.
Every attribute defaults to None (not set yet). Who writes what:

=====================  ===============================  ==========================================
attribute              written by                       holds
=====================  ===============================  ==========================================
``doc._.raw_text``     tokenizer                        the text as given (``doc.text`` rebuilds it)
``doc._.folded``       tokenizer                        the text folded to one width and case
                                                        (:func:`techkg.text.fold`), same length
``doc._.lac_words``    tokenizer                        LAC's ``(word, tag)`` pairs, so the tagger
                                                        does not run LAC a second time
``doc._.token_table``  tokenizer; first reader after    the tokens as plain tuples
                       tokens are split (a cache)       (:func:`techkg.nlp.candidates.tokens`)
``doc._.latin_runs``   first reader (a cache)           runs of Latin tokens
                                                        (:func:`techkg.nlp.candidates.latin_runs`)
``doc._.candidates``   lexicon, company and product     :class:`~techkg.nlp.candidates.Candidate`
                       finders                          spans, readings and vetoes
``doc._.model_spans``  company finder                   the tagger's ``(start, end, label)`` spans,
                                                        for the product finder
``doc._.span_makers``  resolver                         ``(start, end)`` of a product → the key
                                                        of the maker its candidate declared
``doc._.makers``       linker                           product key → maker key
``doc._.relations``    relation extractor               :class:`~techkg.nlp.relations.RelationHit`
=====================  ===============================  ==========================================

Besides these, the resolver writes ``doc.ents`` (labels ``COMPANY`` /
``PRODUCT``, see :class:`techkg.records.EntityType`) and the ``brands`` span
group, and the linker writes ``kb_id`` on those spans. Each factory in
:mod:`techkg.nlp.components` declares what it ``requires`` and ``assigns``.

>>> from spacy.tokens import Doc
>>> sorted(n for n in DOC_EXTENSIONS if Doc.has_extension(n)) == sorted(DOC_EXTENSIONS)
True
"""

from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS: tuple[str, ...] = (
    "raw_text",
    "folded",
    "lac_words",
    "token_table",
    "latin_runs",
    "candidates",
    "model_spans",
    "span_makers",
    "makers",
    "relations",
)
CACHES: tuple[str, ...] = ("token_table", "latin_runs")  # per token list: cleared when tokens are split

for _name in DOC_EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def attr(name: str) -> str:
    """The ``requires``/``assigns`` spelling of one of these attributes.

    >>> attr("candidates")
    'doc._.candidates'
    """
    if name not in DOC_EXTENSIONS:
        raise KeyError(f"{name!r} is not a techkg Doc attribute; known: {', '.join(DOC_EXTENSIONS)}")
    return f"doc._.{name}"
