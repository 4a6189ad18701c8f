"""CLI commands on the browser side: ``render`` and ``serve``.

Both are thin: they parse options and call :func:`techkg.render.render_html`
or :func:`techkg.web.app.serve`. Heavy libraries load inside the commands.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from techkg.cli.app import app
from techkg.cli.choices import SizeBy, flag
from techkg.cli.graph_cmds import CurationsOpt, NoModel, UserLexicon

StoreOpt = Annotated[
    str,
    typer.Option(
        "--store", metavar="PATH|URL",
        help="Graph store directory (from 'techkg ingest'), or the http(s) URL of a "
             "SPARQL 1.1 server (see docs/remote-store.md).",
    ),
]


def _fail(err: Exception) -> None:
    typer.echo(f"error: {err}", err=True)
    raise typer.Exit(1)


@app.command()
def render(
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.")] = Path(
        "output/graph.html"
    ),
    store: StoreOpt = "output/store",
    focus: Annotated[
        str | None,
        typer.Option("--focus", help="Only the neighbourhood of this entity (any alias: 英伟达, NVIDIA, 輝達)."),
    ] = None,
    hops: Annotated[int, typer.Option("--hops", min=0, max=6, help="Neighbourhood radius for --focus.")] = 2,
    top: Annotated[
        int | None, typer.Option("--top", min=1, help="Keep only the N most important entities.")
    ] = None,
    min_degree: Annotated[
        int, typer.Option("--min-degree", min=0, help="Hide entities with fewer links.")
    ] = 0,
    size_by: Annotated[
        SizeBy, typer.Option("--size-by", help="What node size shows.")
    ] = SizeBy.degree,
    max_nodes: Annotated[
        int, typer.Option("--max-nodes", min=1, help="Hard cap on drawn entities (a note says when it cuts).")
    ] = 10000,  # = techkg.render.DEFAULT_MAX_NODES (not imported: keeps --help fast)
    title: Annotated[str, typer.Option("--title", help="Page title.")] = "techkg",
    isolated: Annotated[
        bool, flag("--isolated", help="Also draw entities with no link (hidden by default; the page says how many).")
    ] = False,
) -> None:
    """Draw the knowledge graph as one offline HTML page (pyvis, no network needed)."""
    from techkg.errors import TechKGError
    from techkg.network import to_networkx
    from techkg.render import page_html, vis_payload, write_page
    from techkg.store import GraphStore

    try:
        with GraphStore.open(store, read_only=True) as st:
            G = to_networkx(st)
        if G.number_of_nodes() == 0:
            typer.echo(f"warning: the store holds no entities yet, so there is nothing to draw; "
                       f"ingest articles first ('techkg ingest PATH --store {store}'); {out} not written",
                       err=True)
            raise typer.Exit(1)
        payload = vis_payload(G, focus=focus, hops=hops, top=top, min_degree=min_degree,
                              size_by=size_by.value, title=title, max_nodes=max_nodes, isolated=isolated)
        page = page_html(payload, mode="file", title=title)
    except TechKGError as e:
        _fail(e)
    write_page(page, out)
    meta = payload["meta"]
    typer.echo(f"wrote {out}: drew {meta['shown_nodes']:,} of {meta['total_nodes']:,} entities and "
               f"{meta['shown_edges']:,} of {meta['total_edges']:,} links", err=True)
    for note in meta["notes"]:
        typer.echo(f"note: {note}", err=True)


@app.command()
def serve(
    store: StoreOpt = "output/store",
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="TCP port.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option("--token", envvar="TECHKG_TOKEN", show_envvar=True,
                     help="Secret that POST /articles must send (Authorization: Bearer). "
                          "Without it the server is read-only."),
    ] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, help="SPARQL time limit, seconds.")] = 10.0,
    max_rows: Annotated[int, typer.Option("--max-rows", min=1, help="Largest SPARQL result.")] = 10000,
    allow_service: Annotated[
        bool, flag("--allow-service", help="Let SPARQL SERVICE call other endpoints.")
    ] = False,
    lexicon: UserLexicon = None,
    curations: CurationsOpt = None,
    no_model: NoModel = False,
) -> None:
    """Serve the explorer, entity pages, /sparql and POST /articles over the store."""
    from techkg.errors import TechKGError
    from techkg.web.app import Limits, exposure_warnings
    from techkg.web.app import serve as run

    from techkg.cli.graph_cmds import check_project_files, project_extractor

    try:
        check_project_files(lexicon, curations, store)
    except TechKGError as e:
        _fail(e)
    for line in exposure_warnings(host, token, allow_service):
        typer.echo(line, err=True)
    try:
        run(store, host=host, port=port, token=token,
            limits=Limits(timeout_s=timeout, max_rows=max_rows), allow_service=allow_service,
            extractor_factory=lambda: project_extractor(no_model, lexicon, curations, store))
    except TechKGError as e:
        _fail(e)
