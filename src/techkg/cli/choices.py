"""The fixed choices of command options, as Enums so ``--help`` lists them.

Kept import-free (``techkg --help`` must stay fast): each list repeats one
defined by the module that does the work, and ``tests/test_cli_help.py``
checks that the two agree.
"""

from __future__ import annotations

from enum import StrEnum


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


class EntityType(StrEnum):
    """``techkg entity ... --type``: the two entity classes (any case accepted)."""

    Company = "Company"
    Product = "Product"
