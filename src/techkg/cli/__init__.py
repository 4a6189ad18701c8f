"""Command-line interface: thin Typer commands over the library functions.

Each module registers its commands on :data:`techkg.cli.app.app`; heavy
libraries are imported inside the command bodies, never at import time.
"""

from __future__ import annotations

from techkg.cli import entity_cmds, extract_cmds, graph_cmds, watch_cmds, web_cmds  # noqa: F401  (register commands)
from techkg.cli.app import app


def main() -> None:
    """Console entry point (``techkg``)."""
    app()
