"""The techkg spaCy pipeline (``zh`` on Baidu LAC) and how to load it.

>>> nlp = load_pipeline(use_model=False)
>>> [(e.text, e.label_, e.kb_id_) for e in nlp("英伟达与台积电合作。").ents]
[('英伟达', 'COMPANY', 'nvidia'), ('台积电', 'COMPANY', 'tsmc')]
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

CONFIG_PATH = Path(__file__).with_name("config.cfg")


def load_pipeline(
    *,
    lexicon: bool = True,
    user_lexicons: Sequence[str | Path] = (),
    use_model: bool = True,
    relation_model: bool = True,
):
    """Build the pipeline from the shipped ``config.cfg``.

    Args:
        lexicon: use the curated lexicon (switch off to measure what the
            patterns, LAC and the statistical tagger find on their own).
        user_lexicons: extra lexicon files (JSONL, see ``docs/lexicon.md``).
        use_model: use the trained company/product tagger (see ``docs/models.md``).
        relation_model: read partnerships with the trained pair classifier
            as well as the rules.

    Returns:
        A ``spacy.language.Language`` whose docs carry ``ents`` (COMPANY /
        PRODUCT with canonical keys in ``kb_id_``) and ``doc._.relations``.
    """
    from spacy import util

    from techkg.nlp import components, tokenizer  # noqa: F401  (register factories)

    config = util.load_config(CONFIG_PATH)
    config["components"]["techkg_lexicon"]["paths"] = [str(p) for p in user_lexicons]
    config["components"]["techkg_companies"]["use_model"] = use_model
    config["components"]["techkg_relations"]["use_model"] = relation_model
    if not lexicon:
        config["nlp"]["pipeline"] = [p for p in config["nlp"]["pipeline"] if p != "techkg_lexicon"]
        del config["components"]["techkg_lexicon"]
    return util.load_model_from_config(config, auto_fill=True, validate=True)
