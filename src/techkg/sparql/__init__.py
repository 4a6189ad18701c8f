"""SPARQL in techkg: query files with parameters, checks, limits, result formats.

=====================  ====================================================
module                 job
=====================  ====================================================
:mod:`.params`         ``.rq`` files with ``@param`` headers; safe binding
:mod:`.names`          "did you mean" for unknown entity names in parameters
:mod:`.guard`          refuse deep nesting and ``SERVICE`` before parsing
:mod:`.worker`         evaluate in killable, network-less worker processes
:mod:`.run`            :func:`execute`: one query under time/size limits
:mod:`.formats`        content negotiation, result writers (HTTP and CLI)
=====================  ====================================================

>>> from techkg.store import GraphStore
>>> serialize(execute(GraphStore.open(None), "ASK {}"), "json")[0]
b'{"head": {}, "boolean": true}'
"""

from techkg.sparql.formats import (
    CLI_FORMATS,
    GRAPH_FORMATS,
    RESULT_FORMATS,
    cell_text,
    media_type,
    negotiate,
    result_kind,
    serialize,
    write_results,
)
from techkg.sparql.guard import MAX_NESTING, check_nesting, check_service, uses_service
from techkg.sparql.names import check_names
from techkg.sparql.params import (
    KINDS,
    Param,
    QueryFile,
    bind,
    find_query_file,
    parse_param_options,
    parse_query_text,
    read_query_file,
    shipped_queries,
    substitute,
    to_term,
)
from techkg.sparql.run import Result, execute

FORMATS = CLI_FORMATS

__all__ = [
    "CLI_FORMATS", "FORMATS", "GRAPH_FORMATS", "KINDS", "MAX_NESTING", "RESULT_FORMATS", "Param",
    "QueryFile", "Result", "bind", "cell_text", "check_names", "check_nesting", "check_service", "execute",
    "find_query_file", "media_type", "negotiate", "parse_param_options", "parse_query_text", "read_query_file",
    "result_kind", "serialize", "shipped_queries", "substitute", "to_term", "uses_service", "write_results",
]
