"""Export the store: RDF (Turtle, N-Quads, TriG, JSON-LD), GraphML, GEXF and CSV.

=========  ===========================================================  ====================
format     what is written                                              default file
=========  ===========================================================  ====================
ttl        the union of all article graphs, one graph (Turtle)            ``graph.ttl``
nq         the dataset: every article's named graph (N-Quads)           ``graph.nq``
trig       the dataset, readable (TriG)                                 ``graph.trig``
jsonld     the dataset as expanded JSON-LD (one ``@graph`` per article) ``graph.jsonld``
graphml    the NetworkX projection (:func:`techkg.network.to_networkx`)   ``graph.graphml``
gexf       the NetworkX projection, for Gephi                           ``graph.gexf``
csv        ``entities.csv`` and ``relations.csv`` (one row per edge)    ``entities.csv`` ...
=========  ===========================================================  ====================

RDF exports keep everything (provenance included); GraphML/GEXF/CSV carry the
projection, with list and dict attributes (aliases, evidence) as JSON text.
Files are written to a temporary name and renamed, so a reader never sees half
a file.

>>> from techkg.store import GraphStore
>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> [p.name for p in export(GraphStore.open(None), "csv", out)]
['entities.csv', 'relations.csv']
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from techkg.atomic import atomic_write
from techkg.errors import ExportError, StoreError
from techkg.store import GraphStore

if TYPE_CHECKING:
    import networkx as nx

FORMATS: dict[str, str] = {
    "ttl": "graph.ttl",
    "nq": "graph.nq",
    "trig": "graph.trig",
    "jsonld": "graph.jsonld",
    "graphml": "graph.graphml",
    "gexf": "graph.gexf",
    "csv": "entities.csv",
}
BUILD_FORMATS = ("ttl", "nq", "jsonld", "graphml", "gexf", "csv")

ENTITY_COLUMNS = [
    "iri", "key", "type", "label", "label_zh", "aliases", "articles", "first_seen", "last_seen", "maker",
]
RELATION_COLUMNS = [
    "source", "source_label", "type", "target", "target_label", "weight", "confidence",
    "first_date", "last_date", "articles", "evidence", "evidence_article",
]


@contextmanager
def _atomic(path: Path, mode: str = "wb") -> Iterator[IO[Any]]:
    """:func:`techkg.atomic.atomic_write`, with a failed write worded as an :class:`ExportError`."""
    try:
        with atomic_write(path, mode) as fh:
            yield fh
    except OSError as e:
        raise ExportError(f"{path}: cannot write ({e.strerror}); check the folder and free space") from e


def write_rdf(store: GraphStore, fmt: str, out: IO[bytes]) -> None:
    """Write ``ttl`` (the union graph), or ``nq``/``trig``/``jsonld`` (the article graphs).

    >>> import io
    >>> buf = io.BytesIO(); write_rdf(GraphStore.open(None), "nq", buf); buf.getvalue()
    b''
    """
    import pyoxigraph as ox

    from techkg.vocab import prefixes

    pre = prefixes(store.ids.base)
    try:
        if fmt == "ttl":
            store.oxigraph.dump(out, ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=pre)
        elif fmt == "nq":
            ox.serialize(store.named_quads(), out, ox.RdfFormat.N_QUADS)
        elif fmt == "trig":
            ox.serialize(store.named_quads(), out, ox.RdfFormat.TRIG, prefixes=pre)
        elif fmt == "jsonld":
            ox.serialize(store.named_quads(), out, ox.RdfFormat.JSON_LD)
        else:
            raise ExportError(f"{fmt!r} is not an RDF format; valid: ttl, nq, trig, jsonld")
    except BrokenPipeError:
        raise  # the reader went away (``| head``): not a store problem, the caller ends quietly
    except (OSError, ValueError) as e:
        raise StoreError(f"reading the store for the {fmt} export failed: {e}") from e


def _flat(attrs: dict[str, Any]) -> dict[str, Any]:
    """GraphML/GEXF attributes: scalars as they are, lists/dicts as JSON text, None left out."""
    out = {}
    for k, v in attrs.items():
        if v is None:
            continue  # a missing attribute, so numeric columns keep one type
        out[k] = json.dumps(v, ensure_ascii=False) if isinstance(v, (list, tuple, dict)) else v
    return out


def flat_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of the projection whose attributes GraphML and GEXF can hold.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph(); g.add_node("a", aliases=["英伟达", "輝達"], maker=None)
    >>> flat_graph(g).nodes["a"]
    {'aliases': '["英伟达", "輝達"]'}
    """
    import networkx as nx

    h = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        h.add_node(n, **_flat(d))
    for u, v, k, d in g.edges(keys=True, data=True):
        h.add_edge(u, v, key=k, **_flat(d))
    return h


BOM = "\ufeff"  # first character of a CSV for Excel, which otherwise reads it in the local code page


def write_csv(g: nx.MultiDiGraph, folder: Path, *, bom: bool = False) -> list[Path]:
    """``entities.csv`` (one row per entity) and ``relations.csv`` (one row per edge), UTF-8.

    With ``bom``, each file starts with a UTF-8 byte order mark so Excel shows
    Chinese text instead of mojibake.
    """
    ents, rels = folder / "entities.csv", folder / "relations.csv"
    with _atomic(ents, "w") as fh:
        fh.write(BOM if bom else "")
        w = csv.writer(fh)
        w.writerow(ENTITY_COLUMNS)
        for n, d in sorted(g.nodes(data=True)):
            w.writerow([
                n, d.get("key", ""), d.get("type", ""), d.get("label", ""), d.get("label_zh", ""),
                " | ".join(d.get("aliases") or []), d.get("articles", 0),
                d.get("first_seen") or "", d.get("last_seen") or "", d.get("maker") or "",
            ])
    with _atomic(rels, "w") as fh:
        fh.write(BOM if bom else "")
        w = csv.writer(fh)
        w.writerow(RELATION_COLUMNS)
        for u, v, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[2], e[0], e[1])):
            ev = d.get("evidence") or []
            best = max(ev, key=lambda e: e.get("confidence") or 0, default={})
            w.writerow([
                u, g.nodes[u].get("label", ""), k, v, g.nodes[v].get("label", ""),
                d.get("weight", 0), "" if d.get("confidence") is None else d["confidence"],
                d.get("first_date") or "", d.get("last_date") or "",
                len({e.get("article") for e in ev if e.get("article")}),
                best.get("text", ""), best.get("article") or "",
            ])
    return [ents, rels]


def export(store: GraphStore, fmt: str, out: str | Path | IO[bytes], *, graph: Any = None,
           csv_bom: bool = False) -> list[Path]:
    """Export the store in one format.

    Args:
        store: an open store.
        fmt: one of :data:`FORMATS`.
        out: a file path, a folder (the default file name is used; always a
            folder for ``csv``), or a binary stream (not for ``csv``).
        graph: a NetworkX projection already computed (saves recomputing it).
        csv_bom: start CSV files with a UTF-8 byte order mark (for Excel).

    Returns:
        The files written (empty for a stream).

    Raises:
        ExportError: unknown format or unwritable file.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; valid: {', '.join(FORMATS)}")
    stream = not isinstance(out, (str, Path))
    if fmt == "csv":
        if stream:
            raise ExportError("csv writes two files (entities.csv, relations.csv); give a folder with -o")
        from techkg.network import to_networkx

        g = graph if graph is not None else to_networkx(store, base=store.ids.base)
        return write_csv(g, Path(out), bom=csv_bom)
    path = None
    if not stream:
        path = Path(out)
        if path.is_dir() or str(out).endswith(os.sep):
            path = path / FORMATS[fmt]
    if fmt in ("graphml", "gexf"):
        import networkx as nx

        from techkg.network import to_networkx

        g = flat_graph(graph if graph is not None else to_networkx(store, base=store.ids.base))
        writer = nx.write_graphml if fmt == "graphml" else nx.write_gexf
        if path is None:
            writer(g, out)
            return []
        with _atomic(path) as fh:
            writer(g, fh)
        return [path]
    if path is None:
        write_rdf(store, fmt, out)  # type: ignore[arg-type]
        return []
    with _atomic(path) as fh:
        write_rdf(store, fmt, fh)
    return [path]


def export_all(
    store: GraphStore,
    folder: str | Path,
    formats: tuple[str, ...] = BUILD_FORMATS,
    *,
    graph: Any = None,
    csv_bom: bool = False,
) -> list[Path]:
    """Write every format of ``formats`` into ``folder`` (the projection is computed once)."""
    from techkg.network import to_networkx

    folder = Path(folder)
    g = graph
    if g is None and any(f in ("graphml", "gexf", "csv") for f in formats):
        g = to_networkx(store, base=store.ids.base)
    written: list[Path] = []
    for fmt in formats:
        written += export(store, fmt, folder if fmt == "csv" else folder / FORMATS[fmt], graph=g, csv_bom=csv_bom)
    return written
