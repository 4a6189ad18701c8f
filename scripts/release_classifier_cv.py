"""Would a trained release classifier beat the release rules on articles it never saw?

An experiment, not a shipped model: it decided that releases stay rule-read
(see docs/extraction.md, "Relation figures"). Deterministic; needs scikit-learn
(``pip install -e .[train]``).

1. The pipeline (with the lexicon) reads every gold article (``eval/gold`` over
   ``corpus/``). Candidates: every (company, product) pair with the product in a
   sentence and the company in the same or the previous sentence. A pair is
   positive when the gold lists the release (entity names mapped as
   ``scripts/train_relation_model.py`` maps them); optional releases are left out.
2. Features: release cues between the two, before them and right after the
   product; plan/rumour, negation and competition markers; linking verbs
   between; order, distance, same sentence or not; whether the company is the
   product's known maker; 的 after the product; character bigrams at the edges
   of the stretch between; and whether the rules read this pair here
   (stacking, so the model can keep what the rules get right).
3. Logistic regression, 5 folds by article (sorted ids, round robin); each fold
   is read by a model trained on the other four. Scored as article-level
   (company, product) name pairs, the same way for the rules alone, the model
   alone and the rules plus the model's additions.

Usage::

    .venv/bin/python scripts/release_classifier_cv.py   # prints and writes bench/results/release_classifier_cv.json
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from train_relation_model import _gold_names, gold_articles  # noqa: E402

from techkg.nlp import relations as rel  # noqa: E402
from techkg.nlp import terms  # noqa: E402
from techkg.text import match_key  # noqa: E402

FOLDS = 5
C_GRID = (0.1, 0.3, 1.0)
THRESHOLDS = (0.3, 0.5, 0.7)
DISTANCE_BUCKETS = (0, 2, 5, 10, 20, 40)
TRIGGER_RE = re.compile("|".join(map(re.escape, sorted(set(terms.RELEASE_TRIGGERS), key=len, reverse=True))))
RESULTS = ROOT / "bench" / "results" / "release_classifier_cv.json"


def _bucket(n: int) -> str:
    return next((str(b) for b in DISTANCE_BUCKETS if n <= b), f">{DISTANCE_BUCKETS[-1]}")


def features(text: str, s: int, e: int, c: rel.Ment, p: rel.Ment, same: bool, maker: str, rule: bool) -> list[str]:
    """Feature names of one (company, product) candidate in the sentence ``s:e``."""
    first_c = c.start < p.start
    lo, hi = ((c.end, p.start) if first_c else (p.end, c.start)) if same else (s, p.start)
    between = text[lo:hi]
    after = text[p.end : e]
    feats = [f"same={same}", f"rule={rule}", f"maker={maker}", f"order={'cp' if first_c else 'pc'}",
             f"dist={_bucket(len(between))}"]
    feats += [f"trig_between={m.group()}" for m in TRIGGER_RE.finditer(between)]
    feats += ["trig_before"] * bool(TRIGGER_RE.search(text, s, min(c.start, p.start) if same else p.start))
    feats += [f"trig_after={m.group()}" for m in TRIGGER_RE.finditer(after[:12])]
    marks = {"plan": terms.PLANNED_RELEASE_RE.search(text, s, p.start),
             "link": any(v in between for v in terms.PRODUCT_LINK_VERBS),
             "neg": any(x in text[s:e] for x in terms.NEGATION_CUES),
             "compete": any(x in text[s:e] for x in terms.COMPETITION_CUES),
             "p_de": after.startswith("的")}
    feats += [name for name, on in marks.items() if on]
    feats += [f"bh={between[i:i + 2]}" for i in range(min(3, len(between) - 1))]
    feats += [f"bt={between[i:i + 2]}" for i in range(max(0, len(between) - 3), len(between) - 1)]
    return feats


def collect(nlp) -> tuple[list[tuple], dict, dict]:
    """Candidates (article, features, label, name pair), the rules' readings and the gold, per article."""
    comp = nlp.get_pipe("techkg_relations")
    data, rules, golds = [], {}, {}
    for gold, text in gold_articles():
        doc = nlp(text)
        reader = comp.reader(doc)
        names = _gold_names(gold)
        key_name: dict[str, str] = {}
        for span in list(doc.ents) + list(doc.spans.get("brands", [])):
            if (name := names.get(match_key(span.text))):
                key_name.setdefault(span.kb_id_, name)
        gold_pairs = {(r["company"], r["product"]) for r in gold["relations"] if r["type"] == "release"}
        optional = {(r.get("company"), r.get("product")) for r in gold.get("optional_relations", [])
                    if r["type"] == "release"}
        golds[gold["id"]] = (gold_pairs, optional)
        hits = [h for h in reader.read() if h.type == "release"]
        rules[gold["id"]] = {(key_name.get(h.source, h.source), key_name.get(h.target, h.target)) for h in hits}
        read_here = {(h.source, h.target, h.start) for h in hits}
        sents = rel.sentences(reader.text)
        for i, (s, e) in enumerate(sents):
            companies = [(m, True) for m in reader.in_range(s, e) if m.label == "COMPANY"]
            if i:
                companies += [(m, False) for m in reader.in_range(*sents[i - 1]) if m.label == "COMPANY"]
            for p in (m for m in reader.in_range(s, e) if m.label == "PRODUCT"):
                seen = set()
                for c, same in companies:
                    if c.key == p.key or c.key in seen:
                        continue
                    seen.add(c.key)
                    known = reader.makers.get(p.key)
                    maker = "none" if known is None else ("yes" if known == c.key else "no")
                    pair = (key_name.get(c.key, c.key), key_name.get(p.key, p.key))
                    if pair not in optional:
                        feats = features(reader.text, s, e, c, p, same, maker, (c.key, p.key, s) in read_here)
                        data.append((gold["id"], feats, pair in gold_pairs, pair))
    return data, rules, golds


def prf(system: dict, golds: dict) -> dict:
    tp = fp = fn = 0
    for art, (gold_pairs, optional) in golds.items():
        found = system.get(art, set()) - optional
        tp, fp, fn = tp + len(found & gold_pairs), fp + len(found - gold_pairs), fn + len(gold_pairs - found)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(2 * p * r / (p + r) if p + r else 0.0, 3)}


def main() -> None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from techkg.nlp import load_pipeline

    data, rules, golds = collect(load_pipeline())
    fold = {art: i % FOLDS for i, art in enumerate(sorted(golds))}
    results = {"candidates": len(data), "positives": sum(d[2] for d in data), "rules": prf(rules, golds), "runs": []}
    for c in C_GRID:
        probs: list[tuple[tuple, float]] = []
        for k in range(FOLDS):
            train = [d for d in data if fold[d[0]] != k]
            test = [d for d in data if fold[d[0]] == k]
            vec = DictVectorizer()
            clf = LogisticRegression(C=c, max_iter=2000)
            clf.fit(vec.fit_transform([dict.fromkeys(d[1], 1) for d in train]), [d[2] for d in train])
            probs += zip(test, clf.predict_proba(vec.transform([dict.fromkeys(d[1], 1) for d in test]))[:, 1],
                         strict=True)
        for threshold in THRESHOLDS:
            model: dict[str, set] = {art: set() for art in golds}
            for d, q in probs:
                if q >= threshold:
                    model[d[0]].add(d[3])
            both = {art: rules[art] | model[art] for art in golds}
            results["runs"].append({"C": c, "threshold": threshold, "model": prf(model, golds),
                                    "rules_plus_model": prf(both, golds)})
    print(json.dumps(results, ensure_ascii=False, indent=1))
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
