"""CLI commands: web side (registered on the shared app)."""

from __future__ import annotations

from techkg.cli.app import app  # noqa: F401
