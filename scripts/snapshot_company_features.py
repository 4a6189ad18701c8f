"""Write the CRF feature snapshot that pins :func:`techkg.nlp.company_model.char_features`.

A model trained on one feature set keeps working only if the tagger builds
exactly the same feature strings, in the same order, for every character. The
snapshot holds real sentences (the first paragraph of every third sample
article, Simplified and Traditional, plus hard cases written here), their LAC
tokens and gazetteer matches, and the SHA-256 of the features built from them;
``tests/nlp/test_company_features.py`` recomputes them.

Regenerate it only together with a new ``FEATURE_VERSION`` (and a retrained
model), with the feature code that trains that model:

    python scripts/snapshot_company_features.py tests/data/company_features.json

The shipped snapshot was computed by the feature code of commit 7c40783 (the
one the version-4 model was trained with).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from techkg.nlp.company_model import FEATURE_VERSION, Gazetteer, char_features, chunks, locate_tokens
from techkg.nlp.tokenizer import load_lac
from techkg.text import fold

ROOT = Path(__file__).resolve().parents[1]

#: Hard cases beside the corpus paragraphs: full-width Latin, mixed scripts,
#: English with symbols, a long run without punctuation, names with suffix
#: cues, symbols only, one character.
EXTRA_TEXTS = (
    "ＮＶＩＤＩＡ（輝達）與台積電在COMPUTEX 2025宣布：GB300、RTX PRO 6000伺服器將於Q3出貨。",
    "华为Mate 60 Pro+搭载麒麟9000S，小米14 Ultra与vivo X100s Pro同日开卖，iPhone 15售价5999元起",
    "  OpenAI's GPT-4o and Apple Intelligence — 'on-device' models, v2.1.3 (beta) ; C++/C# SDK  ",
    "英伟达与台积电合作开发计算光刻技术" * 8,
    "浙商银行股份有限公司、中国人民银行杭州中心支行、清华大学、工信部、国务院办公厅、北京大学第三医院",
    "１２３４５６７８９０，，，。。。！！！😀😀 ※★ 〇〇",
    "a",
    "。",
)

#: Gazetteer names fixed here (not the live lexicon, which grows).
GAZETTEERS = {
    "lex": ("英伟达", "NVIDIA", "辉达", "台积电", "华为", "小米", "苹果", "Apple", "OpenAI", "塔塔电子", "纬创",
            "浙商银行", "清华大学"),
    "lexp": ("Mate 60 Pro", "麒麟9000S", "iPhone 15", "GPT-4o", "GB300", "小米14", "iPhone"),
    "mem-company": ("中芯国际", "中国电信", "工信部"),
}


def digest(features: list[tuple[str, ...]]) -> str:
    """SHA-256 of a feature list (JSON, UTF-8): what the snapshot stores."""
    return hashlib.sha256(json.dumps(features, ensure_ascii=False).encode("utf-8")).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    lac = load_lac()
    texts = []
    for path in sorted((ROOT / "corpus").glob("*.md"))[::3]:
        body = path.read_text(encoding="utf-8").split("---", 2)[2].strip()
        texts.append(body.split("\n\n")[0])
    texts += EXTRA_TEXTS
    gazetteers = {name: Gazetteer(names) for name, names in GAZETTEERS.items()}
    cases = []
    for text in texts:
        folded = fold(text)
        for start, end in chunks(folded):
            piece = folded[start:end]
            located = locate_tokens(piece, lac.run(piece))
            spans = {name: g.spans(piece) for name, g in gazetteers.items()}
            cases.append({
                "text": piece,
                "located": located,
                "gazetteers": spans,
                "sha256": digest(char_features(piece, located, spans)),
                "sha256_plain": digest(char_features(piece, located)),
                "sha256_no_lac": digest(char_features(piece, None)),
            })
    lines = [
        "{",
        f'"about": "CRF features of FEATURE_VERSION {FEATURE_VERSION}; see scripts/snapshot_company_features.py",',
        '"cases": [',
        ",\n".join(json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in cases),
        "]}",
    ]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(cases)} pieces, {sum(len(c['text']) for c in cases)} characters -> {args.out}")


if __name__ == "__main__":
    main()
