"""Run one query under the server's limits and collect it as a :class:`Result`.

:func:`execute` is the one way the endpoint and the query page run a
query: it refuses ``SERVICE`` unless allowed (:mod:`techkg.sparql.guard`),
then lets :meth:`techkg.store.GraphStore.query` evaluate it with the time
and size limits (a worker process on an on-disk store, killed on timeout).

>>> from techkg.store import GraphStore
>>> execute(GraphStore.open(None), "SELECT (1 + 1 AS ?two) {}").rows[0][0].value
'2'
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from techkg.errors import QueryError
from techkg.sparql.formats import result_kind
from techkg.sparql.guard import check_service
from techkg.sparql.params import in_query_order
from techkg.sparql.worker import too_large

if TYPE_CHECKING:
    from techkg.store import GraphStore


@dataclass
class Result:
    """An evaluated query: solutions, a boolean, or triples.

    Attributes:
        kind: ``"solutions"``, ``"boolean"`` or ``"graph"``.
        variables: SELECT variable names.
        rows: one list of pyoxigraph terms (or None) per solution.
        boolean: the ASK answer.
        triples: CONSTRUCT/DESCRIBE triples (pyoxigraph ``Triple``).
        elapsed_s: evaluation time.
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)
    boolean: bool = False
    triples: list[Any] = field(default_factory=list)
    elapsed_s: float = 0.0


def execute(
    store: GraphStore,
    query: str,
    *,
    timeout_s: float | None = 10.0,
    max_rows: int | None = 10_000,
    allow_service: bool = False,
    default_graphs: list[str] | None = None,
    named_graphs: list[str] | None = None,
) -> Result:
    """Evaluate ``query`` with limits.

    Args:
        store: the store.
        query: SPARQL 1.1 query text (the techkg prefixes are pre-declared).
        timeout_s: stop the query after this long.
        max_rows: refuse results with more rows or triples.
        allow_service: let ``SERVICE`` reach other endpoints (off by default).
        default_graphs: protocol ``default-graph-uri`` values (default: union of all graphs).
        named_graphs: protocol ``named-graph-uri`` values (default: all named graphs).

    Raises:
        QueryRefused: ``SERVICE`` when not allowed, nesting too deep.
        QuerySyntaxError: the text does not parse.
        QueryTimeout: past ``timeout_s``.
        QueryTooLarge: more than ``max_rows`` rows or triples.
        QueryError: any other evaluation failure.
    """
    if not allow_service:
        check_service(query)
    start = time.monotonic()
    res = store.query(query, timeout_s=timeout_s, max_rows=max_rows,
                      default_graphs=default_graphs or (), named_graphs=named_graphs or (),
                      network=allow_service)
    kind = result_kind(res)
    try:
        if kind == "boolean":
            out = Result(kind, boolean=bool(res))
        elif kind == "solutions":
            names = in_query_order([v.value for v in res.variables], query)
            out = Result(kind, variables=names)
            for sol in res:
                if max_rows is not None and len(out.rows) >= max_rows:
                    raise too_large(max_rows, "rows")
                out.rows.append([sol[n] for n in names])
        else:
            out = Result(kind)
            for triple in res:
                if max_rows is not None and len(out.triples) >= max_rows:
                    raise too_large(max_rows, "triples")
                out.triples.append(triple)
    except (OSError, RuntimeError, ValueError) as e:
        raise QueryError(f"SPARQL query failed: {e}") from e
    finally:
        # pyoxigraph result iterators must die on the thread that made them.
        del res
    out.elapsed_s = time.monotonic() - start
    return out
