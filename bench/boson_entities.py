"""How many of the pipeline's company and product mentions are names on real news.

Runs the extractor over BosonNLP paragraphs (``shared/data/boson``, lines
1500-1999, never tuned on) and counts the company and product mentions that
overlap a Boson ``company_name`` / ``product_name`` span. Boson's classes are
broader and drawn differently from ours (brands inside product names, media,
laws), so the share is a floor on precision, for comparing two versions.

    python -m bench.boson_entities [--shared ../shared] [--first 1500] [--last 2000]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "boson_entities.json"
BOSON_CLASSES = {"company_name": "Company", "product_name": "Product"}


def gold_spans(label: dict) -> dict[str, list[tuple[int, int]]]:
    """Boson spans by our type, as ``(start, end)`` with ``end`` exclusive."""
    out: dict[str, list[tuple[int, int]]] = {t: [] for t in BOSON_CLASSES.values()}
    for cls, etype in BOSON_CLASSES.items():
        for spans in label.get(cls, {}).values():
            out[etype] += [(s, e + 1) for s, e in spans]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--first", type=int, default=1500)
    parser.add_argument("--last", type=int, default=2000)
    args = parser.parse_args()
    from techkg.extract import Extractor
    from techkg.records import Article

    path = args.shared / "data" / "boson" / "boson_ner.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()[args.first : args.last]
    extractor = Extractor()
    counts = {t: {"mentions": 0, "on_a_name": 0} for t in BOSON_CLASSES.values()}
    for n, line in enumerate(lines):
        row = json.loads(line)
        gold = gold_spans(row["label"])
        for e in extractor.extract(Article(id=str(n), text=row["text"])).entities:
            for m in e.mentions:
                counts[e.type]["mentions"] += 1
                counts[e.type]["on_a_name"] += any(m.start < ge and gs < m.end for gs, ge in gold[e.type])
    for etype, c in counts.items():
        c["share"] = round(c["on_a_name"] / max(c["mentions"], 1), 3)
        print(f"{etype}: {c['on_a_name']} of {c['mentions']} mentions on a Boson name ({c['share']})")
    RESULTS.write_text(json.dumps({"lines": [args.first, args.last], **counts}, indent=1) + "\n")


if __name__ == "__main__":
    main()
