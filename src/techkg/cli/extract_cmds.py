"""CLI commands on the extraction side: ``extract`` and ``eval``."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from techkg.cli.app import app
from techkg.cli.choices import flag

PathsArg = Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")]
NoLexicon = Annotated[bool, flag("--no-lexicon", help="Switch the curated lexicon off.")]
NoModel = Annotated[bool, flag("--no-model", help="Switch the trained company/product tagger off (rules, LAC and the lexicon only).")]
MaxBytes = Annotated[
    int, typer.Option("--max-bytes", help="Largest file (or JSONL line) read, in bytes.")
]
UserLexicon = Annotated[
    list[Path] | None, typer.Option("--lexicon", help="Extra lexicon file (JSONL); repeatable.")
]


def _extractions(paths, no_lexicon, no_model, lexicons, errors, max_bytes, batch_size: int = 32,
                 keep=None):
    """Extractions of every article read, in order; each input or article that fails is
    reported on stderr, added to ``errors`` and skipped (the others still come).
    ``keep(item)``, when given, chooses which articles and read errors count at all."""
    from techkg.errors import CorpusError
    from techkg.extract import Extractor
    from techkg.read import read_articles
    from techkg.records import ExtractionFailed
    from techkg.workers import extract_stream

    def report(message: str) -> None:
        errors.append(message)
        typer.echo(f"error: {message}", err=True)

    def articles():
        for item in read_articles(paths, stdin=sys.stdin.buffer, max_bytes=max_bytes):
            if keep is not None and not keep(item):
                continue
            if isinstance(item, CorpusError):
                report(str(item))
            else:
                yield item

    extractor = Extractor(lexicon=not no_lexicon, use_model=not no_model, user_lexicons=lexicons or ())
    for result in extract_stream(extractor, articles(), batch_size):
        if isinstance(result, ExtractionFailed):
            report(result.message)
        else:
            yield result


@app.command()
def extract(
    paths: PathsArg,
    as_json: Annotated[bool, flag("--json", help="One JSON line per article (eval format).")] = False,
    no_lexicon: NoLexicon = False,
    no_model: NoModel = False,
    lexicon: UserLexicon = None,
    max_bytes: MaxBytes = 20_000_000,
) -> None:
    """Extract companies, products, partnerships and releases (no store needed)."""
    from techkg.evaluate import to_eval_json

    errors: list = []
    for extraction in _extractions(paths, no_lexicon, no_model, lexicon, errors, max_bytes):
        if as_json:
            typer.echo(json.dumps(to_eval_json(extraction), ensure_ascii=False))
        else:
            _print_table(extraction)
    if errors:
        raise typer.Exit(1)


def _print_table(extraction) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    article = extraction.article
    names = {e.key: e.label for e in extraction.entities}
    ents = Table(title=f"{article.id}  {article.title}".strip(), title_justify="left")
    for col in ("type", "entity", "key", "mentions", "maker"):
        ents.add_column(col)
    for e in sorted(extraction.entities, key=lambda e: (e.type, e.label)):
        ents.add_row(e.type, e.label, e.key, " / ".join(e.aliases), names.get(e.maker or "", e.maker or ""))
    console.print(ents)
    rels = Table(show_header=True)
    for col in ("relation", "source", "target", "conf.", "evidence"):
        rels.add_column(col)
    for r in extraction.relations:
        if r.type != "maker":
            rels.add_row(r.type, names.get(r.source, r.source), names.get(r.target, r.target),
                         f"{r.confidence:.2f}", r.evidence[:80])
    console.print(rels)


def _scored(gold: Path, golds: list[dict]):
    """Which inputs ``eval`` reads: articles that have gold, and nothing inside the gold folder.

    So ``techkg eval --gold eval/blind/gold eval/blind`` skips the gold files and
    the folder's README instead of reading them as articles.
    """
    from techkg.errors import CorpusError

    ids = {g["id"] for g in golds}
    inside = str(gold.resolve()) + os.sep if gold.is_dir() else str(gold.resolve())

    def keep(item) -> bool:
        where = item.where if isinstance(item, CorpusError) else item.origin
        if where and os.path.abspath(where).startswith(inside):
            return False
        return isinstance(item, CorpusError) or item.id in ids

    return keep


@app.command("eval")
def evaluate(
    paths: PathsArg,
    gold: Annotated[Path, typer.Option("--gold", help="Gold .json/.jsonl file or folder of .json files.")],
    verbose: Annotated[
        bool, flag("-v", "--verbose", help="Also one row per article, and each article's misses and "
                                                   "false positives.")
    ] = False,
    as_json: Annotated[
        bool, flag("--json", help="Print the scores as JSON (with -v: per article, with the misses).")
    ] = False,
    no_lexicon: NoLexicon = False,
    no_model: NoModel = False,
    lexicon: UserLexicon = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Also write the system output (JSONL) here.")
    ] = None,
    max_bytes: MaxBytes = 20_000_000,
) -> None:
    """Extract and score against gold annotations: P/R/F1 per type and macro F1."""
    from techkg.errors import EvalError
    from techkg.evaluate import ALL_TYPES, load_gold, score, score_by_article, to_eval_json

    try:
        golds = load_gold(gold)
    except EvalError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    errors: list = []
    systems = [to_eval_json(x) for x in _extractions(paths, no_lexicon, no_model, lexicon, errors, max_bytes,
                                                     keep=_scored(gold, golds))]
    if output:
        output.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in systems), "utf-8")
    result = score(golds, systems, by_id=True, verbose=verbose)
    articles = score_by_article(golds, systems) if verbose else []
    if as_json:
        if verbose:
            result["articles"] = dict(articles)
        typer.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    from rich.console import Console

    console = Console()
    if verbose:
        console.print(_article_table(articles, ALL_TYPES))
        console.print(_error_table(articles, ALL_TYPES))
    console.print(_totals_table(result, ALL_TYPES, f"{len(golds)} gold articles, {len(systems)} extracted"))


def _totals_table(result: dict, types: tuple[str, ...], title: str):
    from rich.table import Table

    table = Table(title=title)
    for col in ("type", "P", "R", "F1", "gold", "sys", "tp"):
        table.add_column(col, justify="right" if col != "type" else "left")
    for t in types:
        d = result[t]
        table.add_row(t, *(f"{d[k]:.3f}" for k in ("P", "R", "F1")), *(str(d[k]) for k in ("gold", "sys", "tp")))
    table.add_row("macro F1", "", "", f"{result['macro_F1']:.3f}", "", "", "")
    return table


def _article_table(articles: list[tuple[str, dict]], types: tuple[str, ...]):
    """One row per article: ``tp/gold/sys`` per type (``-`` when neither side has any), and the
    F1 of all its items together."""
    from rich.table import Column, Table

    table = Table(Column("article", overflow="fold"), *(Column(t, justify="right") for t in types),
                  Column("F1", justify="right"), title="per article: correct/gold/found", title_justify="left")
    for article_id, d in articles:
        tp, gold, found = (sum(d[t][k] for t in types) for k in ("tp", "gold", "sys"))
        f1 = 2 * tp / (gold + found) if gold + found else 1.0
        cells = [f"{d[t]['tp']}/{d[t]['gold']}/{d[t]['sys']}" if d[t]["gold"] or d[t]["sys"] else "-"
                 for t in types]
        table.add_row(article_id, *cells, f"{f1:.2f}")
    return table


def _error_table(articles: list[tuple[str, dict]], types: tuple[str, ...]):
    """What each article missed and what it found that the gold lacks."""
    from rich.table import Column, Table

    def names(items: list) -> str:
        return ", ".join(" + ".join(map(str, x)) if isinstance(x, (list, tuple)) else str(x) for x in items)

    table = Table(Column("article", overflow="fold"), "type", Column("missed", overflow="fold"), Column("false positives", overflow="fold"),
                  title="misses and false positives", title_justify="left")
    for article_id, d in articles:
        for t in types:
            if d[t]["fn"] or d[t]["fp"]:
                table.add_row(article_id, t, names(d[t]["fn"]), names(d[t]["fp"]))
    return table
