"""The project file techkg.toml: found, read, checked by line, overridden by flags."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from techkg.cli import app
from techkg.config import find_config, load_config
from techkg.errors import ConfigError
from techkg.store import GraphStore

RUNNER = CliRunner()


def _write(folder: Path, text: str) -> Path:
    path = folder / "techkg.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_values_become_option_defaults_with_paths_from_the_file(tmp_path) -> None:
    path = _write(tmp_path, '# my project\nstore = "kg/store"\nlexicons = ["lex/robots.jsonl"]\n'
                            'curations = "kg/fixes.jsonl"\nmodel = false\nbatch_size = 8\n'
                            'base_iri = "https://example.org/id/"\n')
    cfg = load_config(path)
    assert cfg.options == {
        "store": tmp_path / "kg/store", "lexicon": [tmp_path / "lex/robots.jsonl"],
        "curations": tmp_path / "kg/fixes.jsonl", "no_model": True, "batch_size": 8,
        "base": "https://example.org/id/",
    }


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('store = "kg/store"\n\nmodle = false\n', 3, "unknown key 'modle' (did you mean 'model'?)"),
        ('store = "kg/store\nmodel = false\n', 1, "not valid TOML"),
        ('store = "kg/store"\nmodel = "no"\n', 2, "model must be true or false"),
        ('lexicons = [1, 2]\n', 1, "lexicons must be a list of paths"),
        ('store = "a"\nbatch_size = 0\n', 2, "batch_size must be a positive whole number"),
        ('store = "a"\n[ingest]\nforce = true\n', 2, "unknown key 'ingest'"),
    ],
)
def test_bad_files_name_file_and_line(tmp_path, text: str, line: int, message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(err.value).startswith(f"{path}:{line}: ")
    assert message in str(err.value)


def test_found_beside_the_store_before_the_working_folder(tmp_path, monkeypatch) -> None:
    (tmp_path / "kg").mkdir()
    beside = _write(tmp_path / "kg", 'model = false\n')
    work = tmp_path / "work"
    work.mkdir()
    here = _write(work, 'model = true\n')
    monkeypatch.chdir(work)
    assert find_config(None, ["--store", str(tmp_path / "kg" / "store")]) == beside
    assert find_config(None, [f"--store={tmp_path / 'kg' / 'store'}"]) == beside
    assert find_config(None, ["corpus/"]).resolve() == here
    with pytest.raises(ConfigError, match="project file not found"):
        find_config(tmp_path / "nope.toml", [])


def test_commands_use_the_file_and_flags_override_it(tmp_path, monkeypatch) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (work / "a.md").write_text("---\ntitle: 小米与联想\n---\n小米与联想宣布合作开发新款笔记本。\n", encoding="utf-8")
    (work / "mine.jsonl").write_text(
        '{"key": "acme-robotics", "type": "Company", "label": "Acme Robotics", '
        '"labels": {"zh-Hans": "艾克米机器人"}}\n', encoding="utf-8")
    (work / "b.md").write_text("---\ntitle: 艾克米\n---\n艾克米机器人与小米宣布合作。\n", encoding="utf-8")
    _write(work, 'store = "kg/store"\nlexicons = ["mine.jsonl"]\n')
    monkeypatch.chdir(work)
    result = RUNNER.invoke(app, ["ingest", "a.md", "b.md", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "store: " in result.output and "kg/store" in result.output
    with GraphStore.open(work / "kg" / "store", read_only=True) as st:
        keys = {r["k"] for r in st.select("SELECT ?k WHERE { ?e a tk:Company ; tk:key ?k }")}
    assert {"acme-robotics", "xiaomi", "lenovo"} <= keys  # the file's lexicon was used
    other = tmp_path / "other" / "store"
    result = RUNNER.invoke(app, ["ingest", "a.md", "--no-progress", "--store", str(other)])
    assert result.exit_code == 0, result.output
    assert other.is_dir()  # the flag won over the file


def test_a_bad_file_stops_every_command_with_its_line(tmp_path, monkeypatch) -> None:
    _write(tmp_path, 'stor = "kg/store"\n')
    monkeypatch.chdir(tmp_path)
    result = RUNNER.invoke(app, ["stats"])
    assert result.exit_code == 2
    assert "techkg.toml:1: unknown key 'stor' (did you mean 'store'?)" in result.output


def test_lexicon_is_accepted_by_ingest_build_and_serve(tmp_path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"key": "acme", "type": "Compnay", "label": "Acme"}\n', encoding="utf-8")
    for command in (["ingest", "x.md", "--no-progress"], ["build", "x.md", "--no-progress", "-o", str(tmp_path)],
                    ["serve", "--port", "0"]):
        result = RUNNER.invoke(app, [*command, "--store", str(tmp_path / "store"), "--lexicon", str(bad)])
        assert result.exit_code == 1, (command, result.output)
        assert f"{bad}:1: unknown type 'Compnay'" in result.output, command


def test_the_file_beside_the_store_is_found_from_the_command_line(tmp_path, monkeypatch) -> None:
    (tmp_path / "kg").mkdir()
    _write(tmp_path / "kg", "model = 1\n")
    monkeypatch.chdir(tmp_path)
    result = RUNNER.invoke(app, ["stats", "--store", "kg/store"])
    assert result.exit_code == 2
    assert "kg/techkg.toml:1: model must be true or false" in result.output
