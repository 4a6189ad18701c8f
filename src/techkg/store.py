"""The embedded graph store: Oxigraph (pyoxigraph) on disk, one named graph per article.

Every article's triples live in the named graph ``{base}graph/{id}``. The
default graph holds the union of all article graphs, kept up to date in the
same transaction as every write (an RDF merge: each triple once, however
many articles state it), so queries see one clean graph and aggregates need
no DISTINCT against repeated statements. ``GRAPH ?g { ... }`` still reaches
the per-article statements.

Writing an article is ONE Oxigraph transaction (an ``extend`` for new
articles, one SPARQL update that removes and re-inserts for changed ones): a
process killed half-way (even ``kill -9``) leaves each article in completely
or not at all. The techkg prefixes (``tk:``, ``schema:``, ``prov:``,
``skos:``, ``company:``, ...) are pre-declared in queries.

>>> from techkg.records import Article, Extraction
>>> with GraphStore.open(None) as store:  # None: in memory
...     ex = Extraction(Article(id="a1", text="台积电与英伟达合作。"), (), ())
...     store.put(ex), store.put(ex)
('new', 'unchanged')
"""

from __future__ import annotations

import functools
import os
import re
import weakref
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Self

from techkg.errors import QueryError, QuerySyntaxError, StoreError
from techkg.records import Article, Extraction
from techkg.vocab import DEFAULT_BASE, Ids, prefixes

if TYPE_CHECKING:
    import pyoxigraph

    from techkg.sparql.worker import WorkerPool

DEFAULT_STORE = Path("output/store")
Status = Literal["new", "updated", "unchanged"]
FLUSH_EVERY = 200_000
"""Flush an on-disk store after this many written quads: RocksDB's memtables otherwise
grow with the store (measured: +0.3 MB per article), and memory must stay flat."""

_POS_RE = re.compile(r"error at (\d+):(\d+)(?:-\d+:\d+)?:?\s*(.*)", re.DOTALL)


_TERMS: dict[Any, Any] = {}  # rdflib term → pyoxigraph term (IRIs and literals repeat a lot)


def _ox(term: Any) -> Any:
    """One rdflib IRI or literal as a pyoxigraph term, validated (cached)."""
    hit = _TERMS.get(term)
    if hit is not None and type(term) is type(hit[0]):
        return hit[1]
    import pyoxigraph as ox
    from rdflib import Literal as RLiteral
    from rdflib import URIRef

    try:
        if isinstance(term, URIRef):
            out = ox.NamedNode(str(term))
        elif isinstance(term, RLiteral):
            if term.language:
                out = ox.Literal(str(term), language=term.language)
            elif term.datatype:
                out = ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
            else:
                out = ox.Literal(str(term))
        else:
            raise StoreError(
                f"cannot store term {term!r}: only IRIs and literals are stored (no blank nodes)"
            )
    except ValueError as e:
        raise StoreError(f"cannot store term {term!r}: {e}") from e
    if len(_TERMS) > 50_000:
        _TERMS.clear()
    _TERMS[term] = (term, out)
    return out


def _nt(term: Any) -> str:
    """One rdflib term in N-Triples syntax, validated and escaped by pyoxigraph."""
    return str(_ox(term))


def syntax_error(query: str, err: Exception) -> QuerySyntaxError:
    """A :class:`QueryError` naming the line and column of a SPARQL syntax error, with a caret.

    >>> str(syntax_error("SELECT ?x WHERE {\\n ?x ?y\\n}", SyntaxError("error at 3:1: expected x")))
    'SPARQL syntax error at line 3, column 1: expected x\\n    }\\n    ^'
    """
    msg = str(err)
    m = _POS_RE.search(msg)
    if not m:
        return QuerySyntaxError(f"SPARQL syntax error: {msg}")
    line, col, what = int(m[1]), int(m[2]), m[3].strip()
    if "Prefix not found" in what:
        known = ", ".join(f"{p}:" for p in prefixes())
        what = f"unknown prefix; declare it with PREFIX, or use a pre-declared one ({known})"
    elif len(what) > 160:
        what = what[:157].rstrip() + "..."
    lines = query.splitlines() or [""]
    src = lines[line - 1] if 0 < line <= len(lines) else ""
    caret = " " * max(col - 1, 0) + "^"
    return QuerySyntaxError(
        f"SPARQL syntax error at line {line}, column {col}: {what}\n    {src}\n    {caret}"
    )


def _retract(graph: str) -> list[str]:
    """SPARQL operations taking one article graph out, union (default graph) included.

    A triple leaves the default graph only when no other article graph states it.
    """
    return [
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER(?h != <{graph}>) }} }}",
        f"DROP SILENT GRAPH <{graph}>",
    ]


@dataclass(frozen=True)
class ArticleInfo:
    """What the store knows about one ingested article."""

    id: str
    iri: str
    graph: str
    title: str
    date: str | None
    url: str | None
    content_hash: str


def _disk_state(path: Path | None) -> frozenset[tuple[str, int, int]]:
    """Name, size and modification time of every file of a store directory."""
    try:
        with os.scandir(path) as entries:
            return frozenset((e.name, (st := e.stat()).st_size, st.st_mtime_ns)
                             for e in entries if e.is_file())
    except OSError:
        return frozenset()


def _dump_quads(ox_store: pyoxigraph.Store) -> bytes:
    """An in-memory store's quads as N-Quads, for the query workers to load."""
    import pyoxigraph as ox

    return ox_store.dump(format=ox.RdfFormat.N_QUADS)


def _close_pools(pools: dict[bool, WorkerPool]) -> None:
    """Stop a store's query worker pools (its finalizer: on close, or when it is dropped)."""
    for pool in pools.values():
        pool.close()
    pools.clear()


class GraphStore:
    """An Oxigraph store holding one named graph per article.

    Use :meth:`open` rather than the constructor.

    Attributes:
        path: the store directory, or None for an in-memory store.
        read_only: True when opened read-only (no writes allowed).
        ids: the IRI minter (data base IRI).
    """

    def __init__(self, ox: pyoxigraph.Store, path: Path | None, *, read_only: bool, base: str) -> None:
        self._ox: pyoxigraph.Store | None = ox
        self.path = path
        self.read_only = read_only
        self.ids = Ids(base)
        self._prefixes = prefixes(base)
        self._unflushed = 0
        self._generation = 0  # bumped on every write; query workers reopen when it moves
        self._pools: dict[bool, WorkerPool] = {}
        # Workers stop on close(), or when the store is dropped without it (the finalizer
        # holds the pools, not the store, so dropping the store can trigger it).
        self._stop_workers = weakref.finalize(self, _close_pools, self._pools)
        self._on_disk = _disk_state(path) if read_only and path is not None else None

    # ------------------------------------------------------------ lifecycle

    @classmethod
    def open(
        cls,
        path: str | Path | None = DEFAULT_STORE,
        *,
        read_only: bool = False,
        base: str = DEFAULT_BASE,
    ) -> GraphStore:
        """Open (creating if needed) the store at ``path``; ``None`` means in memory.

        Args:
            path: store directory (default ``output/store``), None, or the
                http(s) URL of a SPARQL 1.1 server (a
                :class:`techkg.remote_store.RemoteStore`).
            read_only: open an existing store for reading only.
            base: data base IRI.

        Raises:
            StoreError: the directory is in use by another process, is not a
                store, or (read-only) does not exist.

        >>> GraphStore.open(None).path is None
        True
        """
        from techkg.remote_store import RemoteStore, is_remote

        if is_remote(path):  # a SPARQL 1.1 server: see techkg.remote_store
            return RemoteStore.open(str(path), read_only=read_only, base=base)
        import pyoxigraph as ox

        if path is None:
            if read_only:
                raise StoreError("an in-memory store cannot be opened read-only; give a --store PATH")
            return cls(ox.Store(), None, read_only=False, base=base)
        p = Path(path)
        if p.exists() and not p.is_dir():
            raise StoreError(f"{p}: is a file, not a store directory; choose another --store PATH")
        try:
            if read_only:
                if not (p / "CURRENT").exists():
                    raise StoreError(
                        f"{p}: no store here yet; run 'techkg ingest PATH --store {p}' first"
                    )
                store = ox.Store.read_only(str(p))
            else:
                p.parent.mkdir(parents=True, exist_ok=True)
                store = ox.Store(str(p))
        except OSError as e:
            text = str(e)
            if "lock" in text.lower():
                raise StoreError(
                    f"{p}: the store is open in another process (a running 'techkg serve' or "
                    f"'techkg ingest'?); stop it, or use --store to pick another directory ({text})"
                ) from e
            raise StoreError(f"{p}: cannot open the store: {text}") from e
        return cls(store, p, read_only=read_only, base=base)

    def refresh(self) -> bool:
        """See what another process wrote since this read-only store was opened.

        A read-only view is a snapshot of the files as they were when it was
        opened; when they changed since (another process ingested), the view is
        opened again. Cheap when nothing changed (one directory listing).

        Returns:
            True when the view was reopened (callers drop what they cached).
        """
        if self._on_disk is None or self._ox is None:
            return False
        now = _disk_state(self.path)
        if now == self._on_disk:
            return False
        import pyoxigraph as ox

        try:
            self._ox = ox.Store.read_only(str(self.path))
        except OSError:  # caught in the middle of a compaction: try again next time
            return False
        self._on_disk = now
        self._generation += 1
        return True

    @property
    def oxigraph(self) -> pyoxigraph.Store:
        """The underlying ``pyoxigraph.Store`` (for bulk loads and dumps)."""
        if self._ox is None:
            raise StoreError("the store is closed; open it again with GraphStore.open()")
        return self._ox

    def close(self) -> None:
        """Flush pending writes, stop query workers and release the store (and its lock)."""
        self._stop_workers()
        if self._ox is not None and not self.read_only and self.path is not None:
            try:
                self._ox.flush()
            except OSError as e:  # pragma: no cover - disk errors only
                raise StoreError(f"{self.path}: flushing the store failed: {e}") from e
        self._ox = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        """Number of quads in the store."""
        return len(self.oxigraph)

    def __repr__(self) -> str:
        where = str(self.path) if self.path else "memory"
        return f"GraphStore({where!r}{', read_only' if self.read_only else ''})"

    # ------------------------------------------------------------ reading

    def query(
        self,
        sparql: str,
        *,
        timeout_s: float | None = None,
        max_rows: int | None = None,
        default_graphs: Sequence[str] = (),
        named_graphs: Sequence[str] = (),
        network: bool = True,
    ) -> pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean | pyoxigraph.QueryTriples:
        """Run a SPARQL 1.1 query; the default graph is the union of the named graphs.

        Nesting deeper than :data:`techkg.sparql.guard.MAX_NESTING` is refused
        before the parser sees it (deep nesting overflows its stack).

        With a ``timeout_s`` the query runs in a worker process
        (:mod:`techkg.sparql.worker`) that is killed when the time passes, so the
        caller gets its thread back and nothing keeps running; such results
        come back fully evaluated. (An in-memory store's workers get a copy of
        its quads: fine for tests, slow for big stores.) Without a timeout the
        query runs here, lazily: for techkg's own bounded queries. A remote
        store (:mod:`techkg.remote_store`) sends every query to its server;
        there ``timeout_s`` bounds the HTTP request (the same
        :class:`QueryTimeout` when it passes; the server may go on evaluating
        until its own limit).

        Args:
            sparql: the query (techkg prefixes are pre-declared).
            timeout_s: stop the query after this many seconds.
            max_rows: refuse results with more rows (or triples) than this
                (worker path; callers iterating in-process count themselves).
            default_graphs: graphs forming the default graph (protocol
                ``default-graph-uri``); default: the union.
            named_graphs: graphs ``GRAPH ?g`` may reach (``named-graph-uri``); default: all.
            network: let ``SERVICE`` open connections; False runs the worker
                without network access.

        Returns:
            Solutions for SELECT, a boolean for ASK, triples for CONSTRUCT/DESCRIBE.

        Raises:
            QuerySyntaxError: the text does not parse (with line and column).
            QueryRefused: nested too deeply.
            QueryTimeout: the time limit passed.
            QueryTooLarge: more than ``max_rows`` results (worker path).
            QueryError: any other evaluation error.

        >>> store = GraphStore.open(None)
        >>> bool(store.query("ASK { ?s a tk:Company }"))
        False
        """
        import pyoxigraph as ox

        from techkg.sparql.guard import check_nesting
        from techkg.sparql.worker import Job

        check_nesting(sparql)
        ox_store = self.oxigraph
        if timeout_s is not None and isinstance(ox_store, ox.Store):
            # in memory, outside writes (oxigraph.extend) change the size: part of the generation
            generation = self._generation if self.path else (self._generation, len(ox_store))
            job = Job(sparql, self._prefixes, max_rows, tuple(default_graphs), tuple(named_graphs),
                      generation)
            try:
                kind, data = self._pool(network).run(job, timeout_s)
            except SyntaxError as e:
                raise syntax_error(sparql, e) from None
            if kind == "boolean":
                return _Boolean(data)
            if kind == "solutions":
                return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
            return _TripleList(list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES)))
        kwargs: dict[str, Any] = {"prefixes": self._prefixes}
        if timeout_s is not None:  # a remote store's client: the limit bounds its HTTP request
            kwargs["timeout_s"] = timeout_s
        try:
            if default_graphs:
                kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
            if named_graphs:
                kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        except ValueError as e:
            raise QueryError(f"bad default-graph-uri or named-graph-uri: {e}") from None
        try:
            return ox_store.query(sparql, **kwargs)
        except SyntaxError as e:
            raise syntax_error(sparql, e) from None
        except (OSError, RuntimeError, ValueError) as e:
            raise QueryError(f"SPARQL query failed: {e}") from e

    def _pool(self, network: bool) -> WorkerPool:
        from techkg.sparql.worker import WorkerPool

        pool = self._pools.get(network)
        if pool is None:
            dump = functools.partial(_dump_quads, self.oxigraph) if self.path is None else None
            pool = self._pools[network] = WorkerPool(self.path, dump=dump, network=network)
        return pool

    def recycle_workers(self, idle_s: float) -> int:
        """Restart used query workers once queries paused for ``idle_s`` seconds (see
        :meth:`techkg.sparql.worker.WorkerPool.recycle`); how many were restarted."""
        return sum(pool.recycle(idle_s) for pool in list(self._pools.values()))

    def warm_workers(self, *, network: bool = False) -> None:
        """Start the query worker processes now (servers call this at start-up)."""
        import pyoxigraph as ox

        if isinstance(self._ox, ox.Store):  # a remote store's server runs its own queries
            self._pool(network).warm()

    def select(self, sparql: str) -> list[dict[str, Any]]:
        """Rows of a SELECT query as dicts of plain Python values (str/int/float/None).

        >>> GraphStore.open(None).select("SELECT (1 + 1 AS ?two) {}")
        [{'two': 2}]
        """
        from techkg.vocab import term_value

        res = self.query(sparql)
        names = [v.value for v in res.variables]
        return [{n: term_value(sol[n]) for n in names} for sol in res]

    def content_hash(self, article_id: str) -> str | None:
        """The stored content hash of an article, or None when it is not in the store."""
        g, a = self.ids.graph(article_id), self.ids.article(article_id)
        rows = self.select(f"SELECT ?h WHERE {{ GRAPH <{g}> {{ <{a}> tk:contentHash ?h }} }}")
        return rows[0]["h"] if rows else None

    def status(self, article: Article) -> Status:
        """What :meth:`put` would report for this article, without extracting or writing.

        >>> GraphStore.open(None).status(Article(id="a1", text="华为发布Mate 60。"))
        'new'
        """
        stored = self.content_hash(article.id)
        if stored is None:
            return "new"
        return "unchanged" if stored == article.content_hash else "updated"

    def articles(self) -> list[ArticleInfo]:
        """Every article in the store, ordered by date then id."""
        rows = self.select(
            """SELECT ?g ?a ?id ?title ?date ?url ?hash WHERE { GRAPH ?g {
                 ?a a schema:NewsArticle ; tk:articleId ?id ; tk:contentHash ?hash .
                 OPTIONAL { ?a schema:headline ?title } OPTIONAL { ?a schema:datePublished ?date }
                 OPTIONAL { ?a schema:url ?url } } }"""
        )
        out = [
            ArticleInfo(
                id=r["id"], iri=r["a"], graph=r["g"], title=r["title"] or "",
                date=r["date"], url=r["url"], content_hash=r["hash"],
            )
            for r in rows
        ]
        return sorted(out, key=lambda a: (a.date or "", a.id))

    def origin(self, article_id: str) -> str | None:
        """The file a stored article was read from (``tk:origin``), or None."""
        g, a = self.ids.graph(article_id), self.ids.article(article_id)
        rows = self.select(f"SELECT ?o WHERE {{ GRAPH <{g}> {{ <{a}> tk:origin ?o }} }}")
        return rows[0]["o"] if rows else None

    def ids_with_content(self, origin: str, content_hash: str) -> list[str]:
        """Ids of stored articles read from the file ``origin`` with this content hash."""
        import pyoxigraph as ox

        rows = self.select(
            f"SELECT DISTINCT ?id WHERE {{ GRAPH ?g {{ ?a tk:contentHash {ox.Literal(content_hash)} ; "
            f"tk:origin {ox.Literal(origin)} ; tk:articleId ?id }} }}"
        )
        return sorted(r["id"] for r in rows)

    def ids_with_url(self, url: str) -> list[str]:
        """Ids of stored articles whose URL is ``url`` as written or in its normal form.

        >>> from techkg.records import Article, Extraction
        >>> s = GraphStore.open(None)
        >>> _ = s.put(Extraction(Article(id="a", text="小米", url="https://example.com/1"), (), ()))
        >>> s.ids_with_url("https://example.com/1?utm_source=feed")
        ['a']
        """
        import pyoxigraph as ox

        from techkg.read.fields import normalize_url

        xsd_any = ox.NamedNode("http://www.w3.org/2001/XMLSchema#anyURI")
        forms = {url, normalize_url(url)}
        values = " ".join(str(ox.Literal(u, datatype=xsd_any)) for u in sorted(forms))
        rows = self.select(
            f"SELECT DISTINCT ?id WHERE {{ VALUES ?url {{ {values} }} "
            f"GRAPH ?g {{ ?a schema:url ?url ; tk:articleId ?id }} }}"
        )
        return sorted(r["id"] for r in rows)

    def find_articles(self, id_or_url: str) -> list[str]:
        """Article ids matching an id, a URL, an article IRI or the file an article was read from.

        URLs match after normalisation (tracking parameters, ``www.``, ``http``
        and a trailing slash do not matter); a path matches the articles whose
        ``tk:origin`` is that file (every line of a JSON Lines file).
        """
        import os

        import pyoxigraph as ox

        from techkg.read.fields import normalize_url
        from techkg.vocab import term_value

        needle = id_or_url.strip()
        prefix = f"{self.ids.base}article/"
        if needle.startswith(prefix):
            from techkg.vocab import segment_key

            needle = segment_key(needle[len(prefix) :])
        found: set[str] = set()
        res = self.oxigraph.query(
            """SELECT DISTINCT ?id WHERE { GRAPH ?g { ?a tk:articleId ?id .
                 OPTIONAL { ?a tk:origin ?origin } }
               FILTER(?id = ?needle || STR(?origin) = ?file) }""".replace(
                "?needle", str(ox.Literal(needle))
            ).replace("?file", str(ox.Literal(os.path.realpath(os.path.expanduser(needle))))),
            prefixes=self._prefixes,
        )
        found.update(term_value(s["id"]) for s in res)
        if "." in needle or "/" in needle:  # could be a URL: compare normal forms
            want = normalize_url(needle)
            rows = self.oxigraph.query(
                "SELECT ?id ?url WHERE { GRAPH ?g { ?a tk:articleId ?id ; schema:url ?url } }",
                prefixes=self._prefixes,
            )
            found.update(term_value(r["id"]) for r in rows if normalize_url(term_value(r["url"])) == want)
        return sorted(found)

    def check(self) -> list[str]:
        """Consistency problems; an empty list means the store is sound.

        Checks that every article graph holds exactly ``tk:statementCount``
        triples, and that the default graph is exactly the union of the
        article graphs.

        >>> GraphStore.open(None).check()
        []
        """
        rows = self.select(
            """SELECT ?g (COUNT(*) AS ?n) (SAMPLE(?want) AS ?expected) WHERE {
                 GRAPH ?g { ?s ?p ?o OPTIONAL { ?a tk:statementCount ?want } } } GROUP BY ?g"""
        )
        problems = []
        for r in rows:
            if r["expected"] is None:
                problems.append(f"{r['g']}: no tk:statementCount (not written by techkg?)")
            elif r["expected"] != r["n"]:
                problems.append(f"{r['g']}: {r['n']} triples, expected {r['expected']}")
        missing = self.select(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }"
        )[0]["n"]
        if missing:
            problems.append(f"default graph: {missing} article triple(s) missing from the union")
        stale = self.select(
            "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }"
        )[0]["n"]
        if stale:
            problems.append(f"default graph: {stale} triple(s) that no article states any more")
        return problems

    # ------------------------------------------------------------ writing

    def _writable(self) -> pyoxigraph.Store:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only; open it without read_only to write")
        return self.oxigraph

    def put(self, extraction: Extraction, *, force: bool = False) -> Status:
        """Write one article's graph atomically: ``"new"``, ``"updated"`` or ``"unchanged"``.

        Same content hash as stored → nothing is written (unless ``force``).
        Only the article with the same id is replaced: another article with the
        same URL but a different id is a different article (see
        :meth:`ids_with_url` to find such collisions).

        >>> from techkg.records import Article, Extraction
        >>> s = GraphStore.open(None)
        >>> s.put(Extraction(Article(id="a", text="小米"), (), ()))
        'new'
        >>> s.put(Extraction(Article(id="a", text="小米汽车"), (), ()))
        'updated'
        """
        return self.put_many([extraction], force=force)[0]

    def put_many(self, extractions: Sequence[Extraction], *, force: bool = False) -> list[Status]:
        """Write several articles in ONE transaction (each still whole or absent).

        Args:
            extractions: articles with what was extracted from them.
            force: rewrite articles whose content hash did not change.

        Returns:
            One status per extraction, in order.
        """
        store = self._writable()
        if not extractions:
            return []
        statuses, drops, inserts = self._plan(extractions, force)
        if not inserts and not drops:
            return statuses
        try:
            written = self._replace(store, drops, inserts) if drops else self._insert_new(store, inserts)
        except (OSError, SyntaxError, ValueError, RuntimeError) as e:
            ids = ", ".join(e.article.id for e in extractions)
            raise StoreError(f"{self.path or 'memory'}: writing article(s) {ids} failed: {e}") from e
        self._written(written)
        return statuses

    def _plan(
        self, extractions: Sequence[Extraction], force: bool
    ) -> tuple[list[Status], dict[str, None], dict[str, Extraction]]:
        """What to write: a status per extraction, the graph IRIs to replace, the articles to insert
        (the last of one id wins)."""
        known = self._stored_hashes([e.article.id for e in extractions])
        statuses: list[Status] = []
        drops: dict[str, None] = {}  # graph IRIs to replace
        inserts: dict[str, Extraction] = {}
        for ex in extractions:
            a = ex.article
            old = known.get(a.id)
            if old == a.content_hash and not force:
                statuses.append("unchanged")
                continue
            statuses.append("new" if old is None else "updated")
            if old is not None:
                drops[str(self.ids.graph(a.id))] = None
            inserts.pop(a.id, None)
            known[a.id] = a.content_hash
            inserts[a.id] = ex
        return statuses, drops, inserts

    def _replace(self, store: Any, drops: dict[str, None], inserts: dict[str, Extraction]) -> int:
        """Retract, drop and insert in ONE SPARQL update (one transaction); quads written, roughly."""
        from techkg.triples import article_triples

        blocks = []
        for aid, ex in inserts.items():
            body = " .\n".join(
                f"{_nt(s)} {_nt(p)} {_nt(o)}" for s, p, o in article_triples(ex, self.ids)
            )
            blocks.append(f"GRAPH <{self.ids.graph(aid)}> {{\n{body} .\n}}\n{body} .")
        ops = [op for g in drops for op in _retract(g)]
        if blocks:
            ops.append("INSERT DATA {\n" + "\n".join(blocks) + "\n}")
        store.update(" ;\n".join(ops))
        return sum(2 * b.count(" .\n") for b in blocks) + 1000 * len(drops)

    def _insert_new(self, store: Any, inserts: dict[str, Extraction]) -> int:
        """Only new graphs: one atomic extend (no SPARQL text to parse); quads written."""
        import pyoxigraph as ox

        from techkg.triples import article_triples

        default = ox.DefaultGraph()
        quads = []
        for aid, ex in inserts.items():
            g = _ox(self.ids.graph(aid))
            for s, p, o in article_triples(ex, self.ids):
                t = (_ox(s), _ox(p), _ox(o))
                quads.append(ox.Quad(*t, g))
                quads.append(ox.Quad(*t, default))
        store.extend(quads)
        return len(quads)

    def flush(self) -> None:
        """Move written articles out of RocksDB's in-memory tables to disk (no-op when none).

        Servers call it every few seconds, so the memory a burst of articles
        took comes back instead of waiting for :data:`FLUSH_EVERY` quads.
        """
        if self._unflushed and self.path is not None and not self.read_only:
            try:
                self.oxigraph.flush()
            except OSError as e:  # pragma: no cover - disk errors only
                raise StoreError(f"{self.path}: flushing the store failed: {e}") from e
            self._unflushed = 0

    def _written(self, quads: int) -> None:
        """Flush an on-disk store every :data:`FLUSH_EVERY` quads (keeps memory flat)."""
        self._generation += 1
        self._unflushed += quads
        if self._unflushed >= FLUSH_EVERY:
            self.flush()

    def _stored_hashes(self, article_ids: Iterable[str]) -> dict[str, str]:
        values = " ".join(f"(<{self.ids.graph(i)}> <{self.ids.article(i)}>)" for i in set(article_ids))
        rows = self.select(
            f"SELECT ?id ?h WHERE {{ VALUES (?g ?a) {{ {values} }} "
            f"GRAPH ?g {{ ?a tk:contentHash ?h ; tk:articleId ?id }} }}"
        )
        return {r["id"]: r["h"] for r in rows}

    def remove(self, id_or_url: str) -> bool:
        """Take articles (by id, URL, article IRI or file) out of the store. True if one was removed.

        >>> from techkg.records import Article, Extraction
        >>> s = GraphStore.open(None)
        >>> _ = s.put(Extraction(Article(id="a", text="小米", url="https://example.com/1"), (), ()))
        >>> s.remove("https://example.com/1"), len(s)
        (True, 0)
        """
        store = self._writable()
        found = self.find_articles(id_or_url)
        if not found:
            return False
        store.update(" ;\n".join(op for i in found for op in _retract(str(self.ids.graph(i)))))
        self._generation += 1
        return True

    def named_quads(self) -> Iterator[Any]:
        """Every quad of the article graphs (not the derived default graph)."""
        import pyoxigraph as ox

        for q in self.oxigraph.quads_for_pattern(None, None, None, None):
            if not isinstance(q.graph_name, ox.DefaultGraph):
                yield q

    def load(self, data: bytes | str | Path, *, format: str | None = None) -> int:
        """Load a dataset (N-Quads, TriG, JSON-LD) exported by techkg, in one transaction.

        The union (default graph) is rebuilt from the loaded graphs in the same
        transaction. Returns the number of article graphs loaded.

        Raises:
            StoreError: unknown format, syntax error, triples outside a named
                graph, or a graph that is already in the store.
        """
        import pyoxigraph as ox

        store = self._writable()
        where = str(data) if isinstance(data, Path) else "<data>"
        fmt = None
        if format:
            fmt = ox.RdfFormat.from_extension(format) or ox.RdfFormat.from_media_type(format)
            if fmt is None:
                raise StoreError(f"unknown RDF format {format!r}; valid: nq, trig, jsonld")
        elif isinstance(data, Path):
            fmt = ox.RdfFormat.from_extension(data.suffix.lstrip("."))
        if fmt is None:
            raise StoreError(f"{where}: cannot tell the RDF format; pass format='nq', 'trig' or 'jsonld'")
        try:
            if isinstance(data, Path):
                quads = list(ox.parse(path=str(data), format=fmt))
            else:
                quads = list(ox.parse(data, format=fmt))
        except (SyntaxError, ValueError, OSError) as e:
            raise StoreError(f"{where}: cannot load: {e}") from e
        default = ox.DefaultGraph()
        graphs = {q.graph_name for q in quads}
        if default in graphs:
            raise StoreError(
                f"{where}: has triples outside named graphs; techkg loads datasets written by "
                f"'techkg export --format nq' (or trig, jsonld)"
            )
        clash = sorted(g.value for g in graphs if store.contains_named_graph(g))
        if clash:
            raise StoreError(
                f"{where}: {len(clash)} graph(s) already in the store (first: {clash[0]}); "
                f"remove those articles first or load into an empty --store"
            )
        union = [ox.Quad(q.subject, q.predicate, q.object, default) for q in quads]
        try:
            store.extend(quads + union)
        except OSError as e:
            raise StoreError(f"{where}: cannot load: {e}") from e
        self._generation += 1
        return len(graphs)


class _Boolean:
    """An ASK answer evaluated in a worker (behaves like ``pyoxigraph.QueryBoolean``)."""

    def __init__(self, value: bool) -> None:
        self._value = bool(value)

    def __bool__(self) -> bool:
        return self._value


class _TripleList:
    """Triples of a CONSTRUCT/DESCRIBE evaluated under a timeout (iterable, serialisable)."""

    def __init__(self, triples: list[Any]) -> None:
        self._triples = triples

    def __iter__(self) -> Iterator[Any]:
        return iter(self._triples)

    def serialize(self, output: Any = None, format: Any = None) -> bytes | None:
        import pyoxigraph as ox

        return ox.serialize(self._triples, output, format or ox.RdfFormat.N_TRIPLES)
