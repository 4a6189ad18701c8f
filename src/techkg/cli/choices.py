"""How options show in ``--help``: fixed choices as Enums (listed), flags without ``<bool>``.

Kept import-free (``techkg --help`` must stay fast): each list repeats one
defined by the module that does the work, and ``tests/test_cli_help.py``
checks that the two agree.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import typer


class QueryFormat(StrEnum):
    """``techkg query --format`` (= :data:`techkg.sparql.CLI_FORMATS`)."""

    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    ttl = "ttl"


class ExportFormat(StrEnum):
    """``techkg export --format`` (= the keys of :data:`techkg.export.FORMATS`)."""

    ttl = "ttl"
    nq = "nq"
    trig = "trig"
    jsonld = "jsonld"
    graphml = "graphml"
    gexf = "gexf"
    csv = "csv"


class SizeBy(StrEnum):
    """``techkg render --size-by`` (= :data:`techkg.render.SIZE_BY`)."""

    degree = "degree"
    pagerank = "pagerank"


def flag(*names: str, help: str) -> Any:  # noqa: A002 - typer's own parameter name
    """A boolean option that ``--help`` shows as a bare flag (``--force``), not ``--force <bool>``."""
    return typer.Option(*names, metavar="", help=help)
