"""CLI commands on the graph side: ``ingest``, ``remove``, ``query``, ``export``, ``stats``, ``build``.

Thin commands over :mod:`techkg.ingest`, :mod:`techkg.store`,
:mod:`techkg.sparql`, :mod:`techkg.export` and :mod:`techkg.stats`; heavy
libraries load inside the command bodies so ``techkg --help`` stays fast.
Exit codes: 0 success, 1 some input failed or an error, 2 usage error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from techkg.cli.app import app
from techkg.cli.choices import ExportFormat, QueryFormat, flag
from techkg.cli.fetch_opts import (
    DEFAULT_DELAY, DEFAULT_TIMEOUT, DelayOpt, FeedOpt, SinceOpt, TimeoutOpt, feed_reader, fetching,
    parse_since,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from techkg.errors import CorpusError
    from techkg.ingest import IngestSummary
    from techkg.read.web import Fetcher
    from techkg.records import Article
    from techkg.store import GraphStore

DEFAULT_STORE = "output/store"  # same as techkg.store.DEFAULT_STORE (kept import-free)
DEFAULT_BASE = "https://w3id.org/techkg/id/"

StoreOpt = Annotated[
    str,
    typer.Option(
        "--store", metavar="PATH|URL",
        help="Graph store directory (created by 'techkg ingest'), or the http(s) URL of a "
             "SPARQL 1.1 server (see docs/remote-store.md).",
    ),
]
BaseOpt = Annotated[
    str,
    typer.Option("--base-iri", envvar="TECHKG_BASE_IRI", metavar="IRI", help="Base IRI of entity, article and event IRIs."),
]
PathsArg = Annotated[
    list[str], typer.Argument(help="Files, folders (recursive), glob patterns, or - for stdin.")
]
MaxBytes = Annotated[int, typer.Option("--max-bytes", help="Largest file, JSONL line or web page read, in bytes.")]
NoModel = Annotated[bool, flag("--no-model", help="Switch the trained company/product tagger off (rules, LAC and the lexicon only).")]
JobsOpt = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, show_default="number of cores",
                 help="Extraction worker processes on this machine; 1 extracts in this process."),
]
DaskOpt = Annotated[
    str | None,
    typer.Option("--dask", metavar="ADDRESS",
                 help="Extract on a Dask cluster: tcp://HOST:8786, or 'local' for a cluster of --jobs "
                      "worker processes on this machine. The store is still written here."),
]
UserLexicon = Annotated[
    list[Path] | None, typer.Option("--lexicon", help="Extra lexicon file (JSONL); repeatable.")
]
CsvBomOpt = Annotated[
    bool,
    flag("--csv-bom", help="Start CSV/TSV output with a UTF-8 byte order mark, so Excel shows Chinese "
                                   "text correctly."),
]
CurationsOpt = Annotated[
    Path | None,
    typer.Option("--curations", help="Curation file (JSONL); default: curations.jsonl beside the store."),
]


def _fail(err: Exception | str, code: int = 1) -> None:
    typer.echo(f"error: {err}", err=True)
    raise typer.Exit(code)


def _with_hint(err: Exception) -> str:
    from techkg.errors import ModelError

    if isinstance(err, ModelError):
        return f"{err} (or run without the company model: --no-model)"
    return str(err)


def _open(store: str, base: str, *, read_only: bool = False) -> GraphStore:
    from techkg.errors import TechKGError
    from techkg.store import GraphStore

    try:
        return GraphStore.open(store, read_only=read_only, base=base)
    except TechKGError as e:
        _fail(e)
        raise  # unreachable: _fail exits


def project_extractor(no_model: bool, lexicons: list[Path] | None, curations: Path | None, store: Path) -> Any:
    """The extractor with the user's lexicons, applying the store's curations (if any)."""
    from techkg.extract import Extractor

    return _curated(Extractor(use_model=not no_model, user_lexicons=lexicons or ()), curations, store)


def check_project_files(lexicons: list[Path] | None, curations: Path | None, store: Path) -> None:
    """Read the lexicon and curation files now, so a bad line is reported before any work.

    Raises:
        LexiconError / CurationError: naming the file and line.
    """
    from techkg.curate import Curations, default_path

    if lexicons:
        from techkg.nlp.lexicon import Lexicon

        Lexicon.load(list(lexicons))
    Curations.load(curations if curations is not None else default_path(store))


def _run_ingest(
    paths: list[str],
    st: GraphStore,
    *,
    batch_size: int,
    force: bool,
    max_bytes: int,
    no_model: bool,
    progress: bool,
    lexicons: list[Path] | None = None,
    curations: Path | None = None,
    jobs: int | None = None,
    dask: str | None = None,
    fetcher: Fetcher | None = None,
    more: Iterable[Article | CorpusError] = (),
) -> IngestSummary:
    from rich.console import Console

    from techkg.ingest import ingest

    console = Console(stderr=True)
    show = progress and console.is_terminal

    def on_error(msg: str) -> None:
        console.print(f"[red]error:[/red] {msg}", highlight=False, markup=True, soft_wrap=True)

    with run_extractor(no_model, lexicons, curations, st.path or Path("."), jobs, dask) as extractor:
        if not show:
            return ingest(paths, st, extractor=extractor, stdin=sys.stdin.buffer, max_bytes=max_bytes,
                          batch_size=batch_size, force=force, on_error=on_error, fetcher=fetcher,
                          more=more)
        return _ingest_with_bar(console, paths, st, extractor, max_bytes=max_bytes,
                                batch_size=batch_size, force=force, on_error=on_error,
                                fetcher=fetcher, more=more)


@contextmanager
def run_extractor(no_model: bool, lexicons: list[Path] | None, curations: Path | None, store: Path,
                  jobs: int | None, dask: str | None) -> Iterator[Any]:
    """The extractor of an ingest run: :func:`project_extractor`, run here, in worker processes or on Dask.

    The pipeline is loaded before the first article (in every worker), so a
    missing model is one clear error, not one per article. With workers,
    curations are applied here, to the records the workers send back.
    """
    from techkg.workers import DaskExtractor, ProcessExtractor, default_jobs

    jobs = default_jobs() if jobs is None else jobs
    if not dask and jobs == 1:
        extractor = project_extractor(no_model, lexicons, curations, store)
        _ = extractor.nlp
        yield extractor
        return
    options = {"use_model": not no_model, "user_lexicons": tuple(lexicons or ())}
    runner: Any = (DaskExtractor(dask, workers=jobs, **options) if dask
                   else ProcessExtractor(jobs, **options))
    with runner:
        if dask:  # a cluster is there to be used: load every worker now
            runner.warm_up()
        else:  # workers start with the first big enough input; a broken model still stops here
            runner.load_here()
        yield _curated(runner, curations, store)


def _curated(extractor: Any, curations: Path | None, store: Path) -> Any:
    from techkg.curate import CuratedExtractor, Curations, default_path

    file = Curations.load(curations if curations is not None else default_path(store))
    return CuratedExtractor(extractor, file) if len(file) else extractor


def _ingest_with_bar(console, paths, st, extractor, **kwargs) -> IngestSummary:
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from techkg.ingest import ingest

    columns = (
        SpinnerColumn(),
        TextColumn("[bold]ingest[/bold]"),
        BarColumn(),
        TextColumn("{task.fields[info]}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("ingest", total=None, info="loading the model")

        def on_progress(s: IngestSummary) -> None:
            bar.update(task, info=f"{s.read} read, {s.new} new, {s.updated} updated, "
                                  f"{s.unchanged} unchanged, {s.failed} failed")

        return ingest(paths, st, extractor=extractor, stdin=sys.stdin.buffer, on_progress=on_progress,
                      **kwargs)


def _print_summary(s: IngestSummary, store: str | None) -> None:
    from techkg.remote_store import redact

    for note in s.notes:
        typer.echo(f"note: {note}", err=True)
    where = redact(store) if store is not None else "none created (nothing was stored)"
    typer.echo(f"{s.line()}\nstore: {where}", err=True)


def _missing_from(store: str) -> Path | None:
    """The outermost folder of a local store (itself included) that does not exist yet, or None."""
    from techkg.remote_store import is_remote

    if is_remote(store):
        return None
    path = Path(store)
    missing = None
    for p in (path, *path.parents):
        if p.exists():
            break
        missing = p
    return missing


def _drop_if_unused(created: Path | None, store: str, s: IngestSummary | None) -> bool:
    """Remove a store this command created when nothing went into it (a failed first ingest).

    Returns:
        True when the store was removed.
    """
    import shutil

    if created is None or (s is not None and (s.new or s.updated)):
        return False
    path = Path(store)
    shutil.rmtree(path, ignore_errors=True)
    for p in (path.parent, *path.parent.parents):  # folders made for it, if left empty
        if not p.is_relative_to(created) or any(p.iterdir()):
            break
        p.rmdir()
    return True


@app.command()
def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders (recursive), glob patterns, - for stdin, or http(s) addresses of web pages."),
    ] = None,
    feed: FeedOpt = None,
    since: SinceOpt = None,
    store: StoreOpt = DEFAULT_STORE,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per batch and transaction.")] = 32,
    force: Annotated[bool, flag("--force", help="Re-extract articles even if unchanged.")] = False,
    max_bytes: MaxBytes = 20_000_000,
    no_model: NoModel = False,
    lexicon: UserLexicon = None,
    curations: CurationsOpt = None,
    no_progress: Annotated[bool, flag("--no-progress", help="No progress bar.")] = False,
    as_json: Annotated[bool, flag("--json", help="Print the summary as JSON on stdout.")] = False,
    jobs: JobsOpt = None,
    dask: DaskOpt = None,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
    delay: DelayOpt = DEFAULT_DELAY,
    base: BaseOpt = DEFAULT_BASE,
) -> None:
    """Read articles (.txt .md .html .jsonl, folders, globs, -, web pages, feeds) into the graph store.

    Unchanged articles are skipped, changed ones replace their old statements;
    feed items already in the store are not fetched again. Exits 1 when some
    input could not be read (the others still go in).
    """
    from techkg.errors import TechKGError

    if not paths and not feed:
        _fail("nothing to ingest: give files, folders, web addresses or --feed URL", 2)
    if since and not feed:
        _fail("--since applies to feed items; use it with --feed URL", 2)
    day = parse_since(since)
    created = _missing_from(store)
    st = _open(store, base)
    summary = None
    try:
        with st, fetching(timeout=timeout, delay=delay, max_bytes=max_bytes) as fetcher:
            feeds = feed_reader(st, fetcher, since=day, force=force, feeds=feed)
            summary = _run_ingest(paths or [], st, batch_size=batch_size, force=force,
                                  max_bytes=max_bytes, no_model=no_model, progress=not no_progress,
                                  lexicons=lexicon, curations=curations, jobs=jobs, dask=dask,
                                  fetcher=fetcher, more=feeds.read_all(feed or []))
    except KeyboardInterrupt:
        _fail("interrupted; every article written so far is complete (run the same command to go on)", 130)
    except TechKGError as e:
        _drop_if_unused(created, store, None)
        _fail(_with_hint(e))
    dropped = _drop_if_unused(created, store, summary)
    if as_json:
        typer.echo(json.dumps(summary.as_dict(), ensure_ascii=False))
    for report in feeds.reports:
        typer.echo(report.line(), err=True)
    _print_summary(summary, None if dropped else store)
    if not summary.ok:
        raise typer.Exit(1)


@app.command()
def remove(
    ids: Annotated[
        list[str],
        typer.Argument(help="Article id, URL, article IRI or the file it was read from; several allowed."),
    ],
    store: StoreOpt = DEFAULT_STORE,
    base: BaseOpt = DEFAULT_BASE,
) -> None:
    """Take articles (and everything extracted from them) out of the store.

    URLs match after normalisation (tracking parameters, www., http/https and
    a trailing slash do not matter); a file removes every article read from it.
    """
    missing = []
    with _open(store, base) as st:
        for item in ids:
            if st.remove(item):
                typer.echo(f"removed {item}", err=True)
            else:
                missing.append(item)
    if missing:
        _fail(f"not in the store: {', '.join(missing)} (list articles with 'techkg stats --articles')")


def _query_text(sparql: str | None, file: Path | None) -> tuple[str, Any]:
    from techkg.errors import QueryError
    from techkg.sparql import find_query_file, parse_query_text, read_query_file

    if sparql and file:
        raise QueryError("give the query either as an argument or with -f FILE, not both")
    if file is not None and str(file) != "-":
        q = read_query_file(find_query_file(file))
        return q.text, q
    if file is not None:
        sparql = sys.stdin.read()
    if sparql is None or sparql == "-":
        if sys.stdin.isatty():
            raise QueryError("no query: give it as an argument, with -f FILE, or on stdin")
        sparql = sys.stdin.read()
    if not sparql.strip():
        raise QueryError("the query is empty")
    return sparql, parse_query_text(sparql)


@app.command()
def query(
    sparql: Annotated[str | None, typer.Argument(help="SPARQL query text; omit to use -f or stdin.")] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", "-f", help="Read the query from a .rq file, or run a shipped query by name "
                                          "(partners, partners.rq; see 'techkg queries') when no such file exists."),
    ] = None,
    format_: Annotated[QueryFormat, typer.Option("--format", help="Output format; ttl is for CONSTRUCT/DESCRIBE.")
                       ] = QueryFormat.table,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="Query parameter NAME=VALUE (see the file's @param lines); repeatable."),
    ] = None,
    timeout: Annotated[float | None, typer.Option("--timeout", help="Give up after this many seconds.")] = None,
    csv_bom: CsvBomOpt = False,
    store: StoreOpt = DEFAULT_STORE,
    base: BaseOpt = DEFAULT_BASE,
) -> None:
    """Run a SPARQL query; the default graph is the union of all articles.

    Prefixes tk:, schema:, prov:, skos:, dcterms:, rdfs:, xsd:, company:,
    product: and article: are pre-declared.
    """
    from techkg.errors import TechKGError
    from techkg.sparql import bind, check_names, parse_param_options, write_results

    fmt = format_.value
    if csv_bom and fmt not in ("csv", "tsv"):
        _fail("--csv-bom is for --format csv or tsv", 2)
    try:
        text, q = _query_text(sparql, file)
        values = parse_param_options(param or [])
        bound = bind(text, values, q.params, base=base)
    except TechKGError as e:
        _fail(e)
    with _open(store, base, read_only=True) as st:
        try:
            check_names(st, values, q.params)
            result = st.query(bound, timeout_s=timeout)
            out = sys.stdout.buffer
            if csv_bom:
                from techkg.export import BOM

                out.write(BOM.encode())
            n = write_results(result, fmt, out, query=bound)
            out.flush()
        except TechKGError as e:
            _fail(e)
    if fmt == "table" and n is not None:
        typer.echo(f"{n} row(s)", err=True)


@app.command()
def queries(
    folder: Annotated[
        Path | None, typer.Argument(help="Folder of .rq files.", show_default="the queries shipped with techkg")
    ] = None,
) -> None:
    """List the documented queries (shipped ones, or a folder's) with their parameters."""
    from techkg.errors import TechKGError
    from techkg.sparql import read_query_file, shipped_queries

    files = shipped_queries() if folder is None else sorted(folder.glob("*.rq"))
    if not files:
        _fail(f"{folder}: no .rq files here; give a folder of SPARQL queries, or no folder for the shipped ones")
    for f in files:
        try:
            q = read_query_file(f)
        except TechKGError as e:
            _fail(e)
        params = " ".join(
            f"--param {p.name}={p.default if p.default is not None else '...'}" for p in q.params
        )
        ref = f.stem if folder is None else f
        typer.echo(f"{f.stem}\n    {q.title}\n    techkg query -f {ref} {params}".rstrip())


@app.command()
def export(
    format_: Annotated[ExportFormat, typer.Option("--format", help="RDF (ttl, nq, trig, jsonld), GraphML, GEXF "
                                                                   "or CSV.")] = ExportFormat.ttl,
    out: Annotated[
        str | None,
        typer.Option("--out", "-o", help="File or folder to write (csv: a folder), or - for stdout."),
    ] = None,
    csv_bom: CsvBomOpt = False,
    store: StoreOpt = DEFAULT_STORE,
    base: BaseOpt = DEFAULT_BASE,
) -> None:
    """Export the graph: RDF (ttl, nq, trig, jsonld), GraphML, GEXF or CSV."""
    from techkg.errors import TechKGError
    from techkg.export import FORMATS
    from techkg.export import export as do_export

    fmt = format_.value
    if fmt == "csv" and out == "-":
        _fail("csv writes two files (entities.csv, relations.csv); give a folder with -o", 2)
    if csv_bom and fmt != "csv":
        _fail("--csv-bom is for --format csv", 2)
    target: Any = None if out == "-" else out
    if out is None:
        target = Path("output") if fmt == "csv" else Path("output") / FORMATS[fmt]
    with _open(store, base, read_only=True) as st:
        try:
            if target is None:
                do_export(st, fmt, sys.stdout.buffer)
                sys.stdout.buffer.flush()
                return
            written = do_export(st, fmt, target, csv_bom=csv_bom)
        except BrokenPipeError:
            _reader_gone()
        except TechKGError as e:
            _fail(e)
    for p in written:
        typer.echo(f"wrote {p}", err=True)


def _reader_gone() -> None:
    """Stdout's reader closed early (``| head``): stop quietly, as other command-line tools do."""
    import os

    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
    raise typer.Exit(0)


@app.command()
def stats(
    top: Annotated[int, typer.Option("--top", min=1, help="How many companies and communities to list.")] = 10,
    articles: Annotated[bool, flag("--articles", help="Also list every article.")] = False,
    as_json: Annotated[bool, flag("--json", help="Print JSON instead of tables.")] = False,
    store: StoreOpt = DEFAULT_STORE,
    base: BaseOpt = DEFAULT_BASE,
) -> None:
    """Counts, top companies by degree and PageRank, and communities."""
    from dataclasses import asdict

    from techkg.errors import TechKGError
    from techkg.stats import compute_stats

    with _open(store, base, read_only=True) as st:
        try:
            s = compute_stats(st, top=top)
            arts = st.articles() if articles else []
        except TechKGError as e:  # e.g. a SPARQL server that stopped answering
            _fail(e)
    if as_json:
        d = s.as_dict()
        if articles:
            d["articles"] = [asdict(a) for a in arts]
        typer.echo(json.dumps(d, ensure_ascii=False, indent=2))
        return
    _print_stats(s, arts)


def _print_stats(s: Any, arts: list[Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    counts = Table("what", "count", title="techkg store", title_justify="left")
    for k, v in s.counts.items():
        counts.add_row(k.replace("_", " "), "" if v is None else str(v))
    console.print(counts)
    for title, rows in (("top companies by degree", s.top_degree), ("top companies by PageRank", s.top_pagerank)):
        t = Table("company", "中文", "degree", "PageRank", title=title, title_justify="left")
        for r in rows:
            t.add_row(r.label, r.label_zh, str(r.degree), f"{r.pagerank:.4f}")
        console.print(t)
    t = Table("#", "size", "companies", "members", title="communities (Louvain)", title_justify="left")
    for i, c in enumerate(s.communities, 1):
        more = f" … (+{len(c.members) - 12})" if len(c.members) > 12 else ""
        t.add_row(str(i), str(c.size), str(c.companies), ", ".join(c.members[:12]) + more)
    console.print(t)
    if arts:
        t = Table("id", "date", "title", title="articles", title_justify="left")
        for a in arts:
            t.add_row(a.id, a.date or "", a.title)
        console.print(t)


@app.command()
def build(
    paths: Annotated[list[str], typer.Argument(help="Corpus folder(s) or files.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the exports and graph.html.")] = Path("output"),
    store: StoreOpt = DEFAULT_STORE,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per batch and transaction.")] = 32,
    max_bytes: MaxBytes = 20_000_000,
    no_model: NoModel = False,
    lexicon: UserLexicon = None,
    curations: CurationsOpt = None,
    no_progress: Annotated[bool, flag("--no-progress", help="No progress bar.")] = False,
    jobs: JobsOpt = None,
    dask: DaskOpt = None,
    base: BaseOpt = DEFAULT_BASE,
) -> None:
    """The main job: ingest a corpus, then write every export and graph.html.

    Writes graph.ttl, graph.nq, graph.jsonld, graph.graphml, graph.gexf,
    entities.csv, relations.csv and graph.html into --out, and prints where.
    """
    from techkg.errors import TechKGError
    from techkg.export import export_all
    from techkg.network import to_networkx

    st = _open(store, base)
    try:
        with st:
            summary = _run_ingest(paths, st, batch_size=batch_size, force=False, max_bytes=max_bytes,
                                  no_model=no_model, progress=not no_progress,
                                  lexicons=lexicon, curations=curations, jobs=jobs, dask=dask)
            _print_summary(summary, store)
            g = to_networkx(st, base=base)
            written = export_all(st, out, graph=g)
    except KeyboardInterrupt:
        _fail("interrupted; every article written so far is complete (run the same command to go on)", 130)
    except TechKGError as e:
        _fail(_with_hint(e))
    html = _render(g, out / "graph.html")
    if html:
        written.append(html)
    typer.echo(f"knowledge graph: {g.number_of_nodes()} entities, {g.number_of_edges()} relations")
    for p in written:
        typer.echo(f"  {p}")
    if not summary.ok:
        raise typer.Exit(1)


def _render(g: Any, path: Path) -> Path | None:
    """Draw graph.html with the browser side's renderer, when it is installed."""
    try:
        from techkg.render import render_html
    except ImportError:
        typer.echo("note: techkg.render is not available; graph.html was not drawn", err=True)
        return None
    if g.number_of_nodes() == 0:
        typer.echo(f"warning: the store holds no entities yet, so there is nothing to draw; {path} not written",
                   err=True)
        return None
    render_html(g, path, title="techkg")
    return path
