"""The graph side's docstring examples run, and its commands are documented."""

from __future__ import annotations

import doctest
import importlib

import pytest
from typer.testing import CliRunner

from techkg.cli import app

MODULES = ["techkg.vocab", "techkg.triples", "techkg.network", "techkg.store", "techkg.sparql", "techkg.ingest",
           "techkg.export", "techkg.stats", "techkg.remote_store"]
COMMANDS = ["ingest", "remove", "query", "queries", "export", "stats", "build"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no >>> examples"
    assert result.failed == 0


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help(command):
    r = CliRunner().invoke(app, [command, "--help"])
    assert r.exit_code == 0 and "Usage" in r.stdout
    assert "--store" in r.stdout or command == "queries"
