"""The scorer: same figures as the reference scorer in ../shared/eval on the same input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from techkg.evaluate import load_gold, score, score_by_article, to_eval_json
from techkg.read import read_articles

GOLD = {
    "id": "a1",
    "entities": [
        {"name": "NVIDIA", "type": "Company", "mentions": ["英伟达", "NVIDIA"]},
        {"name": "TSMC", "type": "Company", "mentions": ["台积电"]},
        {"name": "NVIDIA H100", "type": "Product", "mentions": ["H100"]},
    ],
    "optional_entities": [{"name": "黄仁勋", "type": "Person", "mentions": ["黄仁勋"]}],
    "relations": [{"type": "partnership", "a": "NVIDIA", "b": "TSMC"},
                  {"type": "release", "company": "NVIDIA", "product": "NVIDIA H100"}],
}


def test_traditional_and_fullwidth_mentions_match():
    system = {"id": "a1", "entities": [
        {"id": "n", "label": "輝達", "type": "Company", "mentions": ["ＮＶＩＤＩＡ"]},
        {"id": "t", "label": "台積電", "type": "Company", "mentions": []},
        {"id": "h", "label": "H 100", "type": "Product", "mentions": []},
    ], "relations": [{"type": "partnership", "source": "t", "target": "n"},
                     {"type": "release", "source": "n", "target": "h"}]}
    result = score([GOLD], [system])
    assert result["macro_F1"] == 1.0


def test_duplicate_node_is_a_false_positive():
    system = {"id": "a1", "entities": [
        {"id": "n1", "label": "英伟达", "type": "Company", "mentions": []},
        {"id": "n2", "label": "NVIDIA", "type": "Company", "mentions": []},
    ], "relations": []}
    result = score([GOLD], [system])
    assert result["Company"]["tp"] == 1 and result["Company"]["sys"] == 2
    assert result["Company"]["duplicates"] == 1


def test_optional_entities_are_ignored():
    system = {"id": "a1", "entities": [{"id": "p", "label": "黄仁勋", "type": "Company", "mentions": []}],
              "relations": []}
    assert score([GOLD], [system])["Company"]["sys"] == 0


def _reference(shared_dir, gold_path, system_path):
    out = subprocess.run([sys.executable, str(shared_dir / "eval" / "score.py"), str(gold_path),
                          str(system_path), "--by-id"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_same_figures_as_reference_scorer_on_seed_and_corpus(shared_dir, corpus_dir, extractor, tmp_path):
    golds = load_gold(shared_dir / "eval" / "seed.gold.json")
    paths = [str(shared_dir / "seeds")]
    gold_dir = corpus_dir.parent / "eval" / "gold"
    if gold_dir.is_dir() and any(gold_dir.glob("*.json")):
        golds += load_gold(gold_dir)
        paths.append(str(corpus_dir))
    systems = [to_eval_json(x) for x in extractor.pipe(a for a in read_articles(paths)
                                                        if not isinstance(a, Exception))]
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in golds), "utf-8")
    sys_file = tmp_path / "sys.jsonl"
    sys_file.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in systems), "utf-8")
    ours = score(golds, systems, by_id=True)
    theirs = _reference(shared_dir, gold_file, sys_file)
    assert ours == theirs
    alone = dict(score_by_article(golds, systems))  # eval -v's rows add up to the same totals
    for t in ("Company", "Product", "partnership", "release"):
        for k in ("gold", "sys", "tp"):
            assert sum(a[t][k] for a in alone.values()) == theirs[t][k]


SEED_FLOORS = {"Company": 0.90, "Product": 0.85, "partnership": 0.85, "release": 0.80}


def test_seed_article_meets_targets(shared_dir, extractor):
    golds = load_gold(shared_dir / "eval" / "seed.gold.json")
    [article] = [a for a in read_articles([str(shared_dir / "seeds")]) if not isinstance(a, Exception)]
    result = score(golds, [to_eval_json(extractor.extract(article))])
    for kind, floor in SEED_FLOORS.items():
        assert result[kind]["F1"] >= floor, (kind, result[kind])


def test_load_gold_reports_bad_json_with_line(tmp_path):
    from techkg.errors import EvalError

    bad = tmp_path / "g.jsonl"
    bad.write_text('{"id": "a", "entities": []}\n{"id": \n', encoding="utf-8")
    with pytest.raises(EvalError, match=r"g\.jsonl:2"):
        load_gold(bad)
