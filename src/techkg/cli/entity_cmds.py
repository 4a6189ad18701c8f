"""CLI commands ``techkg entity merge|rename|split|not|suggest``: correct the graph.

Each correcting command resolves the entities it names in the store, writes
one curation to the curation file (``docs/curation.md``), re-links the
affected articles in the store at once (:mod:`techkg.relink`) and says what
changed. Every later ingest applies the file too.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from techkg.cli.app import app
from techkg.cli.graph_cmds import DEFAULT_BASE, DEFAULT_STORE, BaseOpt, CurationsOpt, StoreOpt, _fail, _open
from techkg.records import EntityType  # light: dataclasses and an Enum

if TYPE_CHECKING:
    from techkg.curate import Curation, Curations
    from techkg.relink import StoredEntity
    from techkg.store import GraphStore

entity_app = typer.Typer(
    help="Correct the graph: merge, rename, split entities, or say a name is not one.",
    no_args_is_help=True,
)
app.add_typer(entity_app, name="entity")

TypeOpt = Annotated[
    EntityType | None,
    typer.Option("--type", case_sensitive=False, help="Company or Product, when a name is both."),
]


def _load(curations: Path | None, store: Path) -> Curations:
    from techkg.curate import Curations, default_path
    from techkg.errors import CurationError

    try:
        return Curations.load(curations if curations is not None else default_path(store))
    except CurationError as e:
        _fail(e)
        raise


def _one(st: GraphStore, ref: str, etype: EntityType | None) -> StoredEntity:
    from techkg.relink import find_entities

    found = find_entities(st, ref, _type(etype))
    if not found:
        _fail(f"no entity named {ref!r} in the store (search with 'techkg query -f entity-search "
              f"-p text={ref}')")
    if len(found) > 1:
        listed = ", ".join(f"{e.type.lower()}:{e.key} ({e.label}, {e.articles} article(s))" for e in found)
        _fail(f"{ref!r} names {len(found)} entities: {listed}; give one as company:KEY or product:KEY")
    return found[0]


def _type(etype: EntityType | None) -> str | None:
    return None if etype is None else etype.value


def _commit(st: GraphStore, file: Curations, c: Curation, *, save: bool = True) -> None:
    """Re-link the affected articles, save the file, report both."""
    from techkg.errors import TechKGError
    from techkg.relink import relink

    try:
        changed = relink(st, c)
        if save:
            file.items.append(c)
            file.save()
    except TechKGError as e:
        _fail(e)
    typer.echo(c.describe())
    shown = ", ".join(changed[:10]) + (f", ... ({len(changed) - 10} more)" if len(changed) > 10 else "")
    typer.echo(f"re-linked {len(changed)} article(s){': ' + shown if changed else ''}")
    if save:
        typer.echo(f"curation saved: {file.line_of(c)}")


@entity_app.command()
def merge(
    entity: Annotated[str, typer.Argument(help="The entity to merge away: a name, key or company:KEY.")],
    into: Annotated[str, typer.Argument(help="The entity it is the same as.")],
    etype: TypeOpt = None,
    store: StoreOpt = DEFAULT_STORE,
    curations: CurationsOpt = None,
    base: BaseOpt = DEFAULT_BASE,
) -> None:
    """Make ENTITY part of INTO (its mentions, relations and articles move to INTO)."""
    from techkg.curate import Curation

    file = _load(curations, store)
    with _open(store, base) as st:
        a, b = _one(st, entity, etype), _one(st, into, etype)
        if a.type != b.type:
            _fail(f"{a.type.lower()}:{a.key} is a {a.type} and {b.type.lower()}:{b.key} a {b.type}; "
                  "only entities of one type merge")
        if a.key == b.key:
            _fail(f"{entity!r} and {into!r} are already one entity ({a.type.lower()}:{a.key})")
        c = Curation("merge", a.type, key=a.key, into=b.key, label=b.label, labels=b.labels)
        _commit(st, file, c)


@entity_app.command()
def rename(
    entity: Annotated[str, typer.Argument(help="The entity: a name, key or company:KEY.")],
    label: Annotated[str, typer.Argument(help="Its new display label.")],
    etype: TypeOpt = None,
    store: StoreOpt = DEFAULT_STORE,
    curations: CurationsOpt = None,
    base: BaseOpt = DEFAULT_BASE,
) -> None:
    """Give ENTITY a new display label (its key and IRI stay)."""
    from techkg.curate import Curation

    if not label.strip():
        _fail("the new label is empty", 2)
    file = _load(curations, store)
    with _open(store, base) as st:
        e = _one(st, entity, etype)
        _commit(st, file, Curation("rename", e.type, key=e.key, label=label.strip()))


@entity_app.command()
def split(
    entity: Annotated[str, typer.Argument(help="The entity holding the name: a name, key or company:KEY.")],
    name: Annotated[str, typer.Argument(help="The name (as written in articles) to take out.")],
    key: Annotated[str | None, typer.Option("--key", help="Key of the new entity (default: from NAME).")] = None,
    etype: TypeOpt = None,
    store: StoreOpt = DEFAULT_STORE,
    curations: CurationsOpt = None,
    base: BaseOpt = DEFAULT_BASE,
) -> None:
    """Take the mentions written NAME out of ENTITY into an entity of their own.

    When NAME's entity was merged into ENTITY by a curation, the merge is
    removed from the file instead (undo).
    """
    from techkg.curate import Curation
    from techkg.nlp.link import name_key

    file = _load(curations, store)
    with _open(store, base) as st:
        e = _one(st, entity, etype)
        new_key = key or name_key(name)
        if new_key == e.key:
            _fail(f"{name!r} already keys {e.type.lower()}:{e.key}; give the new entity --key KEY")
        c = Curation("split", e.type, key=e.key, name=name, into=new_key, label=name)
        undo = next((m for m in file if m.op == "merge" and (m.type, m.key, m.into) == (e.type, new_key, e.key)),
                    None)
        if undo is None:
            _commit(st, file, c)
            return
        where = file.line_of(undo)
        file.items.remove(undo)
        _commit(st, file, c, save=False)
        file.save()
        typer.echo(f"undid the merge at {where} (removed from the file)")


@entity_app.command("not")
def not_entity(
    name: Annotated[str, typer.Argument(help="The name, as written, that is not an entity here.")],
    etype: Annotated[
        EntityType | None,
        typer.Option("--type", case_sensitive=False, help="Only not a Company (or Product); default: neither."),
    ] = None,
    store: StoreOpt = DEFAULT_STORE,
    curations: CurationsOpt = None,
    base: BaseOpt = DEFAULT_BASE,
    article: Annotated[
        str | None, typer.Option("--article", help="Only in this article (id, URL or IRI).")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="Why, for reviewers.")] = None,
) -> None:
    """Say NAME is not an entity (or not of --type): its mentions are dropped, in every
    article or in --article only.

    A word that is a company only in some phrases (联想 in 容易联想) is better
    fixed for good with a lexicon ``not_in`` phrase (docs/lexicon.md).
    """
    from techkg.curate import Curation

    if not name.strip():
        _fail("the name is empty", 2)
    file = _load(curations, store)
    with _open(store, base) as st:
        article_id = None
        if article is not None:
            ids = st.find_articles(article)
            if len(ids) != 1:
                _fail(f"{article!r} names {len(ids)} articles in the store; give one article id")
            article_id = ids[0]
        _commit(st, file, Curation("not", _type(etype), name=name.strip(), article=article_id, note=note))


@entity_app.command()
def suggest(
    store: StoreOpt = DEFAULT_STORE,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Most pairs shown.")] = 50,
    base: BaseOpt = DEFAULT_BASE,
) -> None:
    """List likely duplicate entities for review (nothing is changed)."""
    from rich.console import Console
    from rich.table import Table

    from techkg.suggest import suggest_duplicates

    with _open(store, base, read_only=True) as st:
        pairs = suggest_duplicates(st)
    if not pairs:
        typer.echo("no likely duplicates")
        return
    table = Table("type", "merge", "into?", "why", title_justify="left")
    for p in pairs[:limit]:
        prefix = p.type.lower()
        table.add_row(p.type, f"{prefix}:{p.a.key}\n{p.a.label}, {p.a.articles} art.",
                      f"{prefix}:{p.b.key}\n{p.b.label}, {p.b.articles} art.", p.reason)
    Console().print(table)
    shown = f", first {limit} shown" if len(pairs) > limit else ""
    typer.echo(f"{len(pairs)} pair(s){shown}; merge one with: techkg entity merge MERGE INTO")
