"""Train the partnership pair classifier shipped in ``src/techkg/data/models/``.

Recipe (deterministic: same data, same parameters, same model):

1. **FinRE** (``<shared>/data/finre/``; Li et al., ACL 2019, thunlp/Chinese_NRE):
   one instance per sentence and unordered name pair (FinRE lists each pair
   once per direction and sometimes with several labels). Label mapping:

   * partnership: ``合作`` (cooperation), ``合资`` (a joint venture is a
     cooperation), ``签约`` (the two sign an agreement with each other);
   * not a partnership: everything else (``unknown``, ``竞争``, ``订单``,
     ``收购``/``被收购``/``拟收购``, ``入股``, ``持股``, ``注资``, ``增持``,
     ``减持``, ``纠纷``, ``商讨`` (talks are not yet a cooperation), ``帮助``,
     ``交易``, ``合并``, ``拥有`` …);
   * dropped: ``自己`` (two names of one entity).

   A pair is positive when any of its labels maps to partnership. Names are
   found in the folded sentence (nearest non-overlapping occurrences); every
   other name annotated in the same sentence is an "other" mention.
   ``train.txt`` trains, ``valid.txt`` tunes C, ``test.txt`` is scored once.
2. **Project gold** (``eval/gold/*.json`` + ``corpus/``): the pipeline (with
   the lexicon) reads each article; every company pair the relation reader
   offers the model (sentences with a cooperation cue) is an instance,
   positive when gold lists the two as partners. Weighted ``GOLD_WEIGHT``.
3. Logistic regression (scikit-learn, L-BFGS, L2, C tuned on FinRE valid),
   binary features from ``techkg.nlp.relation_model.pair_features``.
4. Corpus figures are out-of-fold: articles are split into ``FOLDS`` folds by
   sorted id; each fold is read with a model trained on FinRE train+valid and
   the gold of the other folds, and all folds are scored together.
5. The shipped model is trained on FinRE train+valid plus all gold and
   written to ``relation_partnership.json`` (plain JSON weights).

Usage::

    .venv/bin/python scripts/train_relation_model.py            # tune, test, out-of-fold, ship
    .venv/bin/python scripts/train_relation_model.py --no-write # figures only

Needs scikit-learn (``pip install -e .[train]``).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from techkg.nlp import relations as rel  # noqa: E402
from techkg.nlp.relation_model import (  # noqa: E402
    DEFAULT_MODEL,
    FEATURE_VERSION,
    Pair,
    PartnershipModel,
    pair_features,
)
from techkg.text import fold, match_key  # noqa: E402

POSITIVE = frozenset({"合作", "合资", "签约"})
DROPPED = frozenset({"自己"})
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
GOLD_WEIGHT = 3.0
FOLDS = 5
FINRE_THRESHOLD = 0.5  # FinRE figures: the model alone, at even odds
THRESHOLD = rel.MODEL_ADD_PROBABILITY  # gold pair figures: the pipeline's adding level


@dataclass
class Instance:
    feats: list[str]
    label: bool
    source: str  # "finre:<split>" or the gold article id


# -- FinRE -------------------------------------------------------------------------------------
def _occurrences(text: str, name: str) -> list[tuple[int, int]]:
    out, i = [], text.find(name)
    while i >= 0:
        out.append((i, i + len(name)))
        i = text.find(name, i + 1)
    return out


def _nearest(text: str, a: str, b: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    best = None
    for x in _occurrences(text, a):
        for y in _occurrences(text, b):
            if x[1] <= y[0] or y[1] <= x[0]:
                gap = max(y[0] - x[1], x[0] - y[1])
                if best is None or gap < best[0]:
                    best = (gap, x, y)
    return (best[1], best[2]) if best else None


def read_finre(path: Path, split: str) -> list[Instance]:
    """One instance per (sentence, unordered pair), labelled by the mapping above."""
    groups: dict[tuple[str, frozenset], set[str]] = {}
    names: dict[str, set[str]] = {}
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) < 4:
            raise SystemExit(f"{path}:{n}: expected head<TAB>tail<TAB>relation<TAB>sentence; fix or remove the line")
        head, tail, label, sentence = fold(parts[0]), fold(parts[1]), parts[2], fold(parts[3])
        groups.setdefault((sentence, frozenset((head, tail))), set()).add(label)
        names.setdefault(sentence, set()).update((head, tail))
    out = []
    for (sentence, pair), labels in groups.items():
        if labels & DROPPED or len(pair) != 2:
            continue
        a, b = sorted(pair)
        spans = _nearest(sentence, a, b)
        if spans is None:
            continue
        first, second = sorted(spans)
        others = []
        for other in names[sentence] - pair:
            for o in _occurrences(sentence, other)[:1]:
                if not any(o[0] < s[1] and s[0] < o[1] for s in spans):
                    others.append(o)
        feats = pair_features(sentence, Pair(first, second), others, (0, len(sentence)))
        out.append(Instance(feats, bool(labels & POSITIVE), f"finre:{split}"))
    return out


# -- project gold --------------------------------------------------------------------------------
def gold_articles() -> list[tuple[dict, str]]:
    """Gold annotations with their article text, read as ``techkg eval`` reads them."""
    from techkg.evaluate import load_gold
    from techkg.read import read_articles
    from techkg.records import Article

    texts = {a.id: a.text for a in read_articles([str(ROOT / "corpus")]) if isinstance(a, Article)}
    return [(g, texts[g["id"]]) for g in sorted(load_gold(ROOT / "eval" / "gold"), key=lambda g: g["id"])]


def _gold_names(gold: dict) -> dict[str, str]:
    """match key of every name and mention → gold entity name."""
    out = {}
    for e in gold["entities"] + gold.get("optional_entities", []):
        for n in [e["name"], *e.get("mentions", [])]:
            out.setdefault(match_key(n), e["name"])
    return out


def _partners(relations: list[dict]) -> set[frozenset]:
    return {frozenset((r.get("a"), r.get("b"))) for r in relations if r.get("type") == "partnership"}


def gold_instances(nlp, articles) -> tuple[list[Instance], dict[str, object]]:
    """Instances from the pipeline's candidate pairs in each gold article, and the processed Docs."""
    comp = nlp.get_pipe("techkg_relations")
    out, docs = [], {}
    for gold, text in articles:
        doc = nlp(text)
        docs[gold["id"]] = doc
        names = _gold_names(gold)
        key_name: dict[str, str] = {}
        for span in list(doc.ents) + list(doc.spans.get("brands", [])):
            name = names.get(match_key(span.text))
            if name:
                key_name.setdefault(span.kb_id_, name)
        partners, optional = _partners(gold["relations"]), _partners(gold.get("optional_relations", []))
        reader = comp.reader(doc)
        for s, e in rel.sentences(reader.text):
            for c in reader.candidates(s, e):
                pair = frozenset(key_name.get(k, k) for k in c.keys)
                if pair in optional:
                    continue
                feats = pair_features(reader.text, c.pair, c.others, (s, e))
                out.append(Instance(feats, pair in partners, gold["id"]))
    return out, docs


# -- learning ------------------------------------------------------------------------------------
def fit(instances: list[Instance], c: float) -> PartnershipModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(i.feats, 1) for i in instances])
    y = [int(i.label) for i in instances]
    w = [GOLD_WEIGHT if not i.source.startswith("finre") else 1.0 for i in instances]
    clf = LogisticRegression(C=c, solver="lbfgs", max_iter=2000)
    clf.fit(x, y, sample_weight=w)
    weights = {name: float(v) for name, v in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)}
    return PartnershipModel(weights, float(clf.intercept_[0]))


def prf(instances: list[Instance], model_for, threshold: float = FINRE_THRESHOLD) -> dict:
    """P/R/F1 of "partnership" over instances, each scored by ``model_for(instance)``."""
    tp = fp = fn = 0
    for i in instances:
        guess = model_for(i).score(i.feats) >= threshold
        tp += guess and i.label
        fp += guess and not i.label
        fn += (not guess) and i.label
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(f, 3), "positives": tp + fn, "n": len(instances)}


def corpus_scores(nlp, docs, articles, models: dict[str, PartnershipModel | None]) -> dict:
    """Score the corpus with each article read by its own model (None: rules only)."""
    from techkg.evaluate import score, to_eval_json
    from techkg.extract import doc_to_extraction, pipeline_lexicon
    from techkg.records import Article

    comp = nlp.get_pipe("techkg_relations")
    systems = []
    for gold, text in articles:
        doc = docs[gold["id"]]
        comp.model = models[gold["id"]]
        comp(doc)
        systems.append(to_eval_json(doc_to_extraction(Article(id=gold["id"], text=text), doc, pipeline_lexicon(nlp))))
    result = score([g for g, _ in articles], systems, by_id=True)
    return {t: result[t] for t in ("Company", "Product", "partnership", "release")} | {"macro_F1": result["macro_F1"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--finre", type=Path, default=ROOT.parents[1] / "shared" / "data" / "finre",
                    help="folder with FinRE train.txt / valid.txt / test.txt")
    ap.add_argument("--output", type=Path, default=DEFAULT_MODEL)
    ap.add_argument("--results", type=Path, default=ROOT / "bench" / "results" / "relation_model.json")
    ap.add_argument("--no-write", action="store_true", help="print figures, write nothing")
    args = ap.parse_args()
    if not (args.finre / "train.txt").exists():
        raise SystemExit(f"{args.finre}: no FinRE train.txt here; pass --finre <folder>")
    finre = {s: read_finre(args.finre / f"{s}.txt", s) for s in ("train", "valid", "test")}
    for s, inst in finre.items():
        print(f"FinRE {s}: {len(inst)} pairs, {sum(i.label for i in inst)} partnership", flush=True)

    tuning = {}
    for c in C_GRID:
        model = fit(finre["train"], c)
        tuning[c] = prf(finre["valid"], lambda i, m=model: m)
        print(f"C={c}: valid {tuning[c]}", flush=True)
    best_c = max(C_GRID, key=lambda c: (tuning[c]["F1"], -c))
    model = fit(finre["train"], best_c)
    test = prf(finre["test"], lambda i: model)
    print(f"C={best_c}: FinRE test (model alone, cooperation vs rest) {test}", flush=True)

    from techkg.nlp import load_pipeline

    nlp = load_pipeline(relation_model=False)  # the model is set per article below
    articles = gold_articles()
    gold, docs = gold_instances(nlp, articles)
    print(f"gold: {len(gold)} candidate pairs, {sum(i.label for i in gold)} partnership", flush=True)
    ids = [g["id"] for g, _ in articles]
    fold_of = {a: n % FOLDS for n, a in enumerate(ids)}
    base = finre["train"] + finre["valid"]
    oof_models = {}
    for k in range(FOLDS):
        model = fit(base + [i for i in gold if fold_of[i.source] != k], best_c)
        oof_models |= {a: model for a in ids if fold_of[a] == k}
    rules_only = corpus_scores(nlp, docs, articles, dict.fromkeys(ids))
    out_of_fold = corpus_scores(nlp, docs, articles, oof_models)
    pair_oof = prf(gold, lambda i: oof_models[i.source], THRESHOLD)
    print(f"corpus, rules only: {json.dumps(rules_only)}", flush=True)
    print(f"corpus, rules + out-of-fold model: {json.dumps(out_of_fold)}", flush=True)
    print(f"gold candidate pairs, out-of-fold model alone: {pair_oof}", flush=True)

    shipped = fit(base + gold, best_c)
    shipped.meta = {
        "recipe": "scripts/train_relation_model.py", "feature_version": FEATURE_VERSION,
        "data": "FinRE train+valid (thunlp/Chinese_NRE, Li et al. ACL 2019) + eval/gold partnerships",
        "positive_labels": sorted(POSITIVE), "dropped_labels": sorted(DROPPED), "C": best_c,
        "gold_weight": GOLD_WEIGHT, "finre_test": test,
    }
    if args.no_write:
        return
    shipped.save(args.output)
    results = {
        "command": "python scripts/train_relation_model.py",
        "mapping": {"partnership": sorted(POSITIVE), "dropped": sorted(DROPPED), "not partnership": "all others"},
        "C_grid_valid": {str(c): v for c, v in tuning.items()}, "C": best_c,
        "finre_test_model_alone": test,
        "gold_pairs_out_of_fold_model_alone": pair_oof,
        "corpus_rules_only": rules_only,
        "corpus_rules_plus_out_of_fold_model": out_of_fold,
        "threshold": THRESHOLD,
    }
    args.results.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"wrote {args.output} ({args.output.stat().st_size} bytes) and {args.results}")


if __name__ == "__main__":
    main()
