"""The documentation stays true: every command has help and is in the README,
every module's ``>>>`` examples run, and the README's links resolve."""

from __future__ import annotations

import doctest
import importlib
import re

import pytest
from typer.testing import CliRunner

from techkg.cli import app

ROOT_MODULES = ["techkg", "techkg.text", "techkg.records", "techkg.extract", "techkg.evaluate",
                "techkg.nlp.link", "techkg.nlp", "techkg.nlp.tokenizer", "techkg.nlp.candidates",
                "techkg.nlp.resolve", "techkg.nlp.relations", "techkg.curate", "techkg.relink",
                "techkg.suggest", "techkg.config"]


def _commands() -> list[str]:
    from typer.main import get_command

    return sorted(get_command(app).commands)


def test_every_command_has_help_and_is_in_the_readme(root):
    readme = (root / "README.md").read_text(encoding="utf-8")
    commands = _commands()
    assert {"extract", "eval", "ingest", "remove", "query", "export", "stats", "build", "render",
            "serve"} <= set(commands)
    for command in commands:
        result = CliRunner().invoke(app, [command, "--help"])
        assert result.exit_code == 0, command
        assert re.search(rf"techkg {command}\b", readme), f"`techkg {command}` is not in README.md"


@pytest.mark.parametrize("name", ROOT_MODULES)
def test_docstring_examples_run(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_readme_links_resolve(root):
    readme = (root / "README.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#]+)\)", readme):
        if not target.startswith("http"):
            assert (root / target).exists(), f"README links to missing {target}"
