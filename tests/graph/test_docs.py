"""The graph side's commands are documented (docstring examples run via --doctest-modules)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from techkg.cli import app

COMMANDS = ["ingest", "remove", "query", "queries", "export", "stats", "build"]


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help(command):
    r = CliRunner().invoke(app, [command, "--help"])
    assert r.exit_code == 0 and "Usage" in r.stdout
    assert "--store" in r.stdout or command == "queries"
