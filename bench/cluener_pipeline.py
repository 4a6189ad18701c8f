"""Company recognition of the whole techkg pipeline on CLUENER's held-out lines.

The last 1,000 lines of ``shared/data/cluener/train.jsonl`` are never used for
training (see ``scripts/train_company_model.py``); they are scored for a report
only. ``--part tune`` scores the tuning block (lines 8,749-9,748) instead, where
the pipeline's rules are tuned (results go to ``...-tune.json``). This scores the companies
the full pipeline finds there (``doc.ents`` labelled COMPANY plus brand
companies) against CLUENER's ``company`` spans, exactly as CLUENER scores:
a span counts when its start and end equal a gold span's.

    python -m bench.cluener_pipeline [--shared ../shared] [--part test|tune] [--no-lexicon] [--no-model]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def gold_spans(record: dict) -> set[tuple[int, int]]:
    spans = record.get("label", {}).get("company", {})
    return {(s, e + 1) for positions in spans.values() for s, e in positions}


def main() -> int:
    from techkg.nlp.ner_data import PARTS, bench_part

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--no-lexicon", action="store_true")
    ap.add_argument("--no-model", action="store_true")
    ap.add_argument("--part", choices=PARTS, default="test",
                    help="test: the held-out test part (report only; default); tune: the tuning block")
    args = ap.parse_args()
    data = args.shared / "data" / "cluener" / "train.jsonl"
    if not data.is_file():
        print(f"{data}: CLUENER data not found; pass --shared PATH", file=sys.stderr)
        return 2
    from techkg.nlp import load_pipeline
    from techkg.nlp.company_model import Sentence

    numbered = [Sentence(text=line, spans=(), line=n)
                for n, line in enumerate(data.read_text(encoding="utf-8").splitlines(), 1) if line.strip()]
    records = [json.loads(s.text) for s in bench_part(numbered, "cluener", args.part)]

    nlp = load_pipeline(lexicon=not args.no_lexicon, use_model=not args.no_model)
    tp = found = gold = 0
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        spans = {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "COMPANY"}
        spans |= {(b.start_char, b.end_char) for b in doc.spans.get("brands", [])}
        truth = gold_spans(record)
        tp += len(spans & truth)
        found += len(spans)
        gold += len(truth)
    p = tp / found if found else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    result = {**({"part": "tune"} if args.part == "tune" else {}), "held_out_lines": len(records), "lexicon": not args.no_lexicon,
              "company_model": not args.no_model, "gold": gold, "found": found, "correct": tp,
              "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}
    name = "cluener_pipeline" + ("-no-lexicon" if args.no_lexicon else "") + ("-no-model" if args.no_model else "")
    name += "-tune" if args.part == "tune" else ""
    out = ROOT / "bench" / "results" / f"{name}.json"
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
