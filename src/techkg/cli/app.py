"""The Typer application object; command modules register on it.

Kept free of heavy imports so that ``techkg --help`` never loads the model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import click
import typer
from typer.core import TyperGroup


class _Group(TyperGroup):
    """The command group; keeps the raw arguments so the project file can be found by ``--store``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["techkg.args"] = list(args)
        return super().parse_args(ctx, args)


app = typer.Typer(
    name="techkg",
    cls=_Group,
    help="Turn Chinese tech news into a knowledge graph (RDF, SPARQL, NetworkX, HTML).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _project(
    ctx: typer.Context,
    config: Annotated[
        Path | None,
        typer.Option("--config", help="Project file (default: techkg.toml beside the store, "
                                      "else in the working folder; or TECHKG_CONFIG)."),
    ] = None,
) -> None:
    """Turn Chinese tech news into a knowledge graph (RDF, SPARQL, NetworkX, HTML)."""
    from techkg.config import find_config, load_config
    from techkg.errors import ConfigError

    try:
        path = find_config(config, ctx.meta.get("techkg.args", []))
        if path is not None:
            ctx.default_map = load_config(path).default_map(ctx.command.commands)
    except ConfigError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
