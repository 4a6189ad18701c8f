"""Extraction quality floors on the dev corpus and the blind set (gold in the repository: never skipped).

`corpus/` + `eval/gold/` is the dev set the extractor is tuned on. `eval/blind/`
is written and annotated by people who do not look at the extractor; its
score is reported, never tuned on (see eval/blind/README.md). These floors sit
a little under the figures written in README.md and docs/benchmarks.md, so a
change that makes extraction worse fails here; raise them when the figures
rise. On failure only the per-type figures are printed, not the blind set's
errors.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from techkg.evaluate import load_gold, score, to_eval_json
from techkg.read import read_articles
from techkg.records import Article

ROOT = Path(__file__).resolve().parents[1]
TYPES = ("Company", "Product", "partnership", "release")

# set: (articles, gold folder, macro floor, per-type floors)
FLOORS = {
    "corpus": (ROOT / "corpus", ROOT / "eval" / "gold", 0.91,
               {"Company": 0.93, "Product": 0.91, "partnership": 0.91, "release": 0.86}),
    "blind": (ROOT / "eval" / "blind", ROOT / "eval" / "blind" / "gold", 0.75,
              {"Company": 0.87, "Product": 0.75, "partnership": 0.69, "release": 0.63}),
}


def _figures(extractor, folder: Path, gold: Path) -> dict:
    golds = load_gold(gold)
    articles = [a for a in read_articles(sorted(str(p) for p in folder.glob("*.md")))
                if isinstance(a, Article) and a.id != "README"]
    assert len(articles) == len(golds), f"{folder}: {len(articles)} articles for {len(golds)} gold files"
    return score(golds, [to_eval_json(x) for x in extractor.pipe(articles)], by_id=True)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_quality_floor(extractor, name):
    folder, gold, macro_floor, floors = FLOORS[name]
    result = _figures(extractor, folder, gold)
    summary = {t: round(result[t]["F1"], 3) for t in TYPES} | {"macro": round(result["macro_F1"], 3)}
    assert result["macro_F1"] >= macro_floor, summary
    for t, floor in floors.items():
        assert result[t]["F1"] >= floor, summary
