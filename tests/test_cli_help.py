"""``--help`` names the choices of an option instead of ``<str>``, and they match what the code accepts."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from techkg.cli import app
from techkg.cli.choices import ExportFormat, QueryFormat, SizeBy

runner = CliRunner()


def _help(*command: str) -> str:
    r = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    return r.stdout


def _shown_type(text: str, option: str) -> str:
    m = re.search(rf"{re.escape(option)}\s+(?:-\w\s+)?(<[^>]+>)", text)
    assert m, f"{option} not in help:\n{text}"
    return m[1]


@pytest.mark.parametrize(
    ("command", "option", "choices"),
    [
        (("query",), "--format", "<table|csv|tsv|json|ttl>"),
        (("export",), "--format", "<ttl|nq|trig|jsonld|graphml|gexf|csv>"),
        (("render",), "--size-by", "<degree|pagerank>"),
        (("entity", "merge"), "--type", "<company|product>"),
        (("entity", "rename"), "--type", "<company|product>"),
        (("entity", "split"), "--type", "<company|product>"),
        (("entity", "not"), "--type", "<company|product>"),
    ],
)
def test_help_lists_the_choices(command, option, choices):
    assert _shown_type(_help(*command), option) == choices


def test_the_choices_are_the_ones_the_code_accepts():
    from techkg.export import FORMATS
    from techkg.render import SIZE_BY
    from techkg.sparql import CLI_FORMATS

    assert [f.value for f in QueryFormat] == list(CLI_FORMATS)
    assert [f.value for f in ExportFormat] == list(FORMATS)
    assert [s.value for s in SizeBy] == list(SIZE_BY)


def test_a_wrong_choice_is_a_usage_error_that_lists_them(tmp_path):
    r = runner.invoke(app, ["export", "--format", "xlsx", "--store", str(tmp_path / "s")], env={"COLUMNS": "200"})
    assert r.exit_code == 2 and "'xlsx' is not one of 'ttl', 'nq'" in r.output
    assert not (tmp_path / "s").exists()
    r = runner.invoke(app, ["entity", "not", "联想", "--type", "Compnay", "--store", str(tmp_path / "s")], env={"COLUMNS": "200"})
    assert r.exit_code == 2 and "'Compnay' is not one of 'company', 'product'" in r.output


@pytest.mark.parametrize("command", [("ingest",), ("query",), ("export",), ("stats",), ("build",), ("extract",),
                                     ("eval",), ("watch",), ("render",), ("serve",), ("entity", "suggest")])
def test_flags_show_no_bool_placeholder(command):
    text = _help(*command)
    flags = [line for line in text.splitlines() if "<bool>" in line and "--help" not in line]
    assert flags == [], flags
    assert "--store" not in text or _store_metavar(text) == "PATH|URL"


def _store_metavar(text: str) -> str:
    return re.search(r"--store\s+(\S+)", text)[1]
