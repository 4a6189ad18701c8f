"""`techkg render` and `techkg serve` from the command line."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner
from web_samples import NVIDIA, extractions

from techkg.cli import app
from techkg.store import GraphStore

runner = CliRunner()


@pytest.fixture(scope="module")
def disk_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "store"
    with GraphStore.open(path) as store:
        for ex in extractions():
            store.put(ex)
    return path


def page_data(html: str) -> dict:
    m = re.search(r'id="tk-data">(.*?)</script>', html, re.S)
    return json.loads(m.group(1))


def test_render_command_writes_the_page(disk_store, tmp_path):
    out = tmp_path / "g.html"
    r = runner.invoke(app, ["render", "--store", str(disk_store), "--out", str(out),
                            "--focus", "輝達", "--hops", "1", "--size-by", "pagerank"])
    assert r.exit_code == 0, r.output
    assert "wrote" in r.output and "13 entities" in r.output
    data = page_data(out.read_text(encoding="utf-8"))
    assert data["meta"]["focus"] == [NVIDIA] and data["meta"]["size_by"] == "pagerank"
    assert len(data["nodes"]) == 4


def test_render_command_top_note(disk_store, tmp_path):
    out = tmp_path / "top.html"
    r = runner.invoke(app, ["render", "--store", str(disk_store), "-o", str(out), "--top", "3"])
    assert r.exit_code == 0, r.output
    data = page_data(out.read_text(encoding="utf-8"))
    assert len(data["nodes"]) == 3 and "top 3" in data["meta"]["notes"][0]


def test_render_command_errors(disk_store, tmp_path):
    r = runner.invoke(app, ["render", "--store", str(disk_store), "-o", str(tmp_path / "x.html"),
                            "--focus", "谷歌"])
    assert r.exit_code == 1 and "no entity is called '谷歌'" in r.output
    r = runner.invoke(app, ["render", "--store", str(tmp_path / "missing"), "-o",
                            str(tmp_path / "y.html")])
    assert r.exit_code == 1 and "ingest" in r.output
    assert not (tmp_path / "y.html").exists()


def test_cli_cap_matches_the_library():
    import inspect

    from techkg.cli.web_cmds import render
    from techkg.render import DEFAULT_MAX_NODES

    assert inspect.signature(render).parameters["max_nodes"].default == DEFAULT_MAX_NODES


@pytest.mark.parametrize("command", ["render", "serve"])
def test_help(command):
    r = runner.invoke(app, [command, "--help"])
    assert r.exit_code == 0
    for opt in ({"render": ["--focus", "--hops", "--top", "--min-degree", "--size-by", "--out"],
                 "serve": ["--host", "--port", "--token", "--timeout", "--max-rows"]}[command]):
        assert opt in r.output
