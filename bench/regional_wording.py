"""Taiwan wording: the Simplified dev articles as a Taiwan outlet would word them, scored with their own gold.

Folding makes Traditional characters Simplified, so character conversion alone (OpenCC ``s2tw``)
changes nothing the extractor reads. Taiwan outlets also use other *words*: 釋出 for 发布, 軟體 for
软件, 百度智慧雲 for 百度智能云, 訊息 for 消息, 福斯 for 大众. OpenCC's ``s2twp`` converts those
too, so each Simplified article of ``corpus/`` is scored twice with the same gold: as written, and
converted. The gap is what the extractor loses to Taiwan wording.

The converted gold is not converted: a name whose words differ (浪潮資訊 for 浪潮信息, gold
mention 浪潮信息) then fails to match although it is found, so the gap overstates the loss a
little; read the per-type rows, not the macro alone. The corpus is the dev set: this is a dev
check, not a clean one.

    python -m bench.regional_wording [--out bench/results/regional_wording.json]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TYPES = ("Company", "Product", "partnership", "release")


def simplified_articles(corpus: Path):
    """The Simplified articles of ``corpus`` (front matter ``lang: zh-Hans``), in name order."""
    from techkg.read import read_articles

    paths = sorted(p for p in corpus.glob("c*.md") if "lang: zh-Hans" in p.read_text(encoding="utf-8")[:300])
    return list(read_articles([str(p) for p in paths]))


def taiwan_worded(article, converter):
    """The article with its title and text converted by OpenCC (same id, so the same gold applies)."""
    from dataclasses import replace

    return replace(article, text=converter.convert(article.text), title=converter.convert(article.title or ""))


def figures(golds, systems) -> dict:
    from techkg.evaluate import score

    result = score(golds, systems, by_id=True)
    return {t: {k: round(result[t][k], 3) for k in ("P", "R", "F1")} for t in TYPES} | {
        "macro_F1": round(result["macro_F1"], 3)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "regional_wording.json")
    args = ap.parse_args()

    import opencc

    from techkg.evaluate import load_gold, to_eval_json
    from techkg.extract import Extractor

    articles = simplified_articles(ROOT / "corpus")
    ids = {a.id for a in articles}
    golds = [g for g in load_gold(ROOT / "eval" / "gold") if g["id"] in ids]
    extractor = Extractor()
    result = {"articles": len(articles)}
    for name, texts in (("as written", articles),
                        ("s2tw (characters)", [taiwan_worded(a, opencc.OpenCC("s2tw")) for a in articles]),
                        ("s2twp (Taiwan words)", [taiwan_worded(a, opencc.OpenCC("s2twp")) for a in articles])):
        result[name] = figures(golds, [to_eval_json(x) for x in extractor.pipe(texts)])
        print(name, json.dumps(result[name], ensure_ascii=False))
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
