"""The Typer application object; command modules register on it.

Kept free of heavy imports so that ``techkg --help`` never loads the model.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="techkg",
    help="Turn Chinese tech news into a knowledge graph (RDF, SPARQL, NetworkX, HTML).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
