"""The documentation stays true: every command has help and is in the README,
and the README's links resolve. (Every module's ``>>>`` examples run through
pytest's ``--doctest-modules``, set in pyproject.toml.)"""

from __future__ import annotations

import re

from typer.testing import CliRunner

from techkg.cli import app

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


def test_readme_links_resolve(root):
    readme = (root / "README.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#]+)\)", readme):
        if not target.startswith("http"):
            assert (root / target).exists(), f"README links to missing {target}"
