"""The explorer's in-memory projection of the store, kept up to date per article.

Entity pages, the explorer, ``/api/graph`` and search read this instead of
querying the store per request, so a hub's page costs what its page shows,
not what the hub has. The projection is derived from the store only: it is
built once from every article graph, and re-reads an article graph when
that article is written (:meth:`Projection.update`) or when another process
changed the store (:meth:`Projection.sync`, by content hash). Each article's
contribution is kept, so a replaced or removed article is taken out exactly.

Node and edge attributes follow :func:`techkg.network.to_networkx` (the
projection contract); :meth:`Projection.graph` with no cap gives the same
graph (a test holds them equal).

>>> from techkg.store import GraphStore
>>> from techkg.records import Article, Entity, Extraction, Mention, Relation
>>> store = GraphStore.open(None)
>>> p = Projection.build(store)
>>> _ = store.put(Extraction(Article(id="a1", text="英伟达与台积电合作。", date="2024-05-01"),
...     (Entity("nvidia", "Company", "NVIDIA", (Mention("英伟达", 0, 3),)),
...      Entity("tsmc", "Company", "TSMC", (Mention("台积电", 4, 7),))),
...     (Relation("partnership", "nvidia", "tsmc", "英伟达与台积电合作。", 0, 10, 0.9, "合作"),)))
>>> sorted(e.rsplit("/", 1)[-1] for e in p.update(store, [str(store.ids.graph("a1"))]))
['nvidia', 'tsmc']
>>> [h["label"] for h in p.search("輝達")], [h["label"] for h in p.search("tsmc")]
([], ['TSMC'])
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SDO, SKOS

from techkg.records import EntityType
from techkg.text import match_key
from techkg.vocab import TK

if TYPE_CHECKING:
    import networkx as nx

    from techkg.store import GraphStore

_TYPE, _LABEL, _ALT, _MANUFACTURER = str(RDF.type), str(RDFS.label), str(SKOS.altLabel), str(SDO.manufacturer)
_ENTITY_TYPES = {str(TK.Company): EntityType.COMPANY, str(TK.Product): EntityType.PRODUCT}
_EVENT_TYPES = {str(TK.Partnership): "partnership", str(TK.ProductRelease): "release",
                str(TK.Manufacture): "maker"}
_NEWS = str(SDO.NewsArticle)

Link = tuple[str, str, str]
"""An edge of the projection: ``(u, v, type)``, partnerships with ``u < v``,
releases and makers company → product (as in :func:`techkg.network.to_networkx`)."""


@dataclass
class _Article:
    """What one article graph adds to the projection (kept to take it out again)."""

    graph: str
    content_hash: str = ""
    article: str = ""
    date: str | None = None
    title: str = ""
    url: str | None = None
    mentions: list[str] = field(default_factory=list)
    types: list[tuple[str, str]] = field(default_factory=list)  # (entity, "Company"/"Product")
    keys: list[tuple[str, str]] = field(default_factory=list)
    labels: list[tuple[str, tuple[str, str]]] = field(default_factory=list)  # (entity, (text, lang))
    aliases: list[tuple[str, str]] = field(default_factory=list)
    match_keys: list[tuple[str, str]] = field(default_factory=list)
    makers: list[tuple[str, str]] = field(default_factory=list)  # (product, company)
    events: list[tuple[Link, str, dict[str, Any]]] = field(default_factory=list)  # (link, event, evidence)

    def entities(self) -> set[str]:
        """Every entity this article says something about."""
        out = {e for e, _ in self.types} | set(self.mentions)
        out.update(p for pair in self.makers for p in pair)
        out.update(x for link, _, _ in self.events for x in link[:2])
        return out


def _value(term: Any) -> str:
    return term.value


def _number(term: Any) -> float | None:
    try:
        return float(term.value)
    except (AttributeError, ValueError):
        return None


def read_article(graph: str, quads: Iterable[Any]) -> _Article:
    """One article graph's contribution, from its quads (pyoxigraph terms)."""
    by_subject: dict[str, list[tuple[str, Any]]] = {}
    for q in quads:
        by_subject.setdefault(q.subject.value, []).append((q.predicate.value, q.object))
    out = _Article(graph)
    events: list[tuple[str, list[tuple[str, Any]]]] = []
    for s, props in by_subject.items():
        kinds = {o.value for p, o in props if p == _TYPE}
        if _NEWS in kinds:
            out.article = s
            for p, o in props:
                if p == str(SDO.mentions):
                    out.mentions.append(o.value)
                elif p == str(SDO.datePublished):
                    out.date = o.value
                elif p == str(SDO.headline):
                    out.title = out.title or o.value
                elif p == str(SDO.url):
                    out.url = out.url or o.value
                elif p == str(TK.contentHash):
                    out.content_hash = o.value
        out.types += [(s, _ENTITY_TYPES[k]) for k in sorted(kinds) if k in _ENTITY_TYPES]
        if any(k in _EVENT_TYPES for k in kinds):
            events.append((s, props))
        for p, o in props:
            if p == str(TK.key):
                out.keys.append((s, o.value))
            elif p == _LABEL:
                out.labels.append((s, (o.value, (o.language or "").lower())))
            elif p == _ALT:
                out.aliases.append((s, o.value))
            elif p == str(TK.matchKey):
                out.match_keys.append((s, o.value))
            elif p == _MANUFACTURER:
                out.makers.append((s, o.value))
    for ev, props in events:
        kind = next(_EVENT_TYPES[o.value] for p, o in props if p == _TYPE and o.value in _EVENT_TYPES)
        get = {p: o for p, o in props}
        if kind == "partnership":
            ends = sorted({o.value for p, o in props if p == str(TK.participant)})
            if len(ends) != 2:
                continue
            link = (ends[0], ends[1], kind)
        else:
            if str(TK.company) not in get or str(TK.product) not in get:
                continue
            link = (get[str(TK.company)].value, get[str(TK.product)].value, kind)
        art = get.get(str(PROV.wasDerivedFrom))
        evidence = {
            "text": get[str(TK.evidence)].value if str(TK.evidence) in get else "",
            "article": art.value if art is not None else None,
            "title": "", "date": get[str(DCTERMS.date)].value if str(DCTERMS.date) in get else None,
            "url": None,
            "confidence": _number(get.get(str(TK.confidence))),
        }
        out.events.append((link, ev, evidence))
    for _, _, evidence in out.events:  # headline and URL of the article the event was read from
        if evidence["article"] == out.article:
            evidence["title"], evidence["url"] = out.title, out.url
    return out


class Projection:
    """Per-entity counts, neighbours with event counts, first/last seen and evidence, in memory.

    Thread-safe: writes and reads take one lock; reads return fresh
    containers (evidence dicts are shared and never changed).
    """

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._articles: dict[str, _Article] = {}
        self._types: dict[str, Counter[str]] = {}
        self._keys: dict[str, Counter[str]] = {}
        self._labels: dict[str, Counter[tuple[str, str]]] = {}
        self._aliases: dict[str, Counter[str]] = {}
        self._match: dict[str, Counter[str]] = {}
        self._makers: dict[str, Counter[str]] = {}  # product → company → article graphs
        self._mentions: dict[str, dict[str, str | None]] = {}  # entity → article → date
        self._events: dict[Link, dict[str, dict[str, Any]]] = {}
        self._links_of: dict[str, set[Link]] = {}
        self._sorted: dict[Link, list[dict[str, Any]]] = {}  # evidence in order, built on demand

    # ------------------------------------------------------------ building and updating

    @classmethod
    def build(cls, store: GraphStore) -> Projection:
        """The projection of every article graph of ``store``."""
        out = cls()
        for g in _named_graphs(store):
            out._add(read_article(g, _graph_quads(store, g)))
        return out

    def update(self, store: GraphStore, graphs: Iterable[str]) -> set[str]:
        """Re-read these article graphs (written, replaced or removed); the entities touched."""
        touched: set[str] = set()
        for g in dict.fromkeys(graphs):
            art = read_article(g, _graph_quads(store, g))
            with self._lock:
                old = self._articles.get(g)
                if old is not None:
                    touched |= old.entities()
                    self._remove(old)
                if art.article:
                    touched |= art.entities()
                    self._add(art)
        return touched

    def sync(self, store: GraphStore) -> set[str]:
        """Catch up with articles another process wrote, replaced or removed (by content hash)."""
        rows = store.select("SELECT ?g ?h WHERE { GRAPH ?g { ?a a schema:NewsArticle ; tk:contentHash ?h } }")
        now = {r["g"]: r["h"] for r in rows}
        with self._lock:
            known = {g: a.content_hash for g, a in self._articles.items()}
        changed = [g for g, h in now.items() if known.get(g) != h] + [g for g in known if g not in now]
        return self.update(store, changed)

    def _add(self, a: _Article) -> None:
        with self._lock:
            self._articles[a.graph] = a
            self._count(a, 1)

    def _remove(self, a: _Article) -> None:
        del self._articles[a.graph]
        self._count(a, -1)

    def _count(self, a: _Article, sign: int) -> None:
        for table, pairs in ((self._types, a.types), (self._keys, a.keys), (self._labels, a.labels),
                             (self._aliases, a.aliases), (self._match, a.match_keys),
                             (self._makers, a.makers)):
            for e, v in pairs:
                c = table.setdefault(e, Counter())
                c[v] += sign
                if c[v] <= 0:
                    del c[v]
                    if not c:
                        del table[e]
        for e in dict.fromkeys(a.mentions):
            seen = self._mentions.setdefault(e, {})
            if sign > 0:
                seen[a.article] = a.date
            else:
                seen.pop(a.article, None)
                if not seen:
                    del self._mentions[e]
        for p, c in a.makers:
            self._link_changed((c, p, "maker"))
        for link, ev, evidence in a.events:
            evs = self._events.setdefault(link, {})
            if sign > 0:
                evs[ev] = evidence
            else:
                evs.pop(ev, None)
            self._link_changed(link)

    def _link_changed(self, link: Link) -> None:
        self._sorted.pop(link, None)
        u, v, kind = link
        alive = bool(self._events.get(link)) or (kind == "maker" and bool(self._makers.get(v, {}).get(u)))
        if not self._events.get(link):
            self._events.pop(link, None)
        for end in (u, v):
            links = self._links_of.setdefault(end, set())
            if alive:
                links.add(link)
            else:
                links.discard(link)
                if not links:
                    del self._links_of[end]

    # ------------------------------------------------------------ entities

    def __contains__(self, iri: object) -> bool:
        return iri in self._types

    def __len__(self) -> int:
        """Number of companies and products."""
        return len(self._types)

    def node(self, iri: str) -> dict[str, Any]:
        """Node attributes of an entity, as :func:`techkg.network.to_networkx` sets them."""
        from techkg.network import pick_labels
        from techkg.text import is_han

        with self._lock:
            types = self._types.get(iri)
            if not types:  # an event's end that no article types (to_networkx's placeholder)
                kinds = {k for link in self._links_of.get(iri, ()) for k in
                         ([EntityType.COMPANY] if link[0] == iri or link[2] == "partnership" else [EntityType.PRODUCT])}
                return {"label": iri.rsplit("/", 1)[-1], "label_zh": "", "type": str(min(kinds or {EntityType.COMPANY})),
                        "key": "", "aliases": [], "articles": 0, "first_seen": None,
                        "last_seen": None, "maker": None}
            rows = [{"l": t, "lang": lang, "n": n} for (t, lang), n in self._labels.get(iri, {}).items()]
            label, label_zh = pick_labels(rows)
            aliases = sorted(self._aliases.get(iri, ()))
            if not label_zh:
                label_zh = next((a for a in aliases if any(is_han(c) for c in a)), "")
            keys = sorted(self._keys.get(iri, ()))
            makers = self._makers.get(iri)
            seen = self._mentions.get(iri, {})
            dates = [d for d in seen.values() if d]
            return {
                "label": label or (keys[0] if keys else None) or iri.rsplit("/", 1)[-1],
                "label_zh": label_zh,
                "type": min(types),
                "key": keys[0] if keys else "",
                "aliases": aliases,
                "articles": len(seen),
                "first_seen": min(dates) if dates else None,
                "last_seen": max(dates) if dates else None,
                "maker": min(makers.items(), key=lambda kv: (-kv[1], kv[0]))[0] if makers else None,
            }

    def labels(self, iri: str) -> list[tuple[str, str]]:
        """``(language or "", label)`` pairs of an entity, sorted."""
        with self._lock:
            return sorted((lang, text) for text, lang in self._labels.get(iri, ()))

    def facts(self, iri: str) -> dict[str, Any]:
        """Label, type, aliases and link count, as search results show them."""
        with self._lock:
            pairs = list(self._labels.get(iri, ()))
            zh = sorted(t for t, lang in pairs if lang == "zh" or lang.startswith("zh-"))
            plain = sorted(t for t, lang in pairs if not lang)
            return {"id": iri, "label": (zh or plain or [iri.rsplit("/", 1)[-1]])[0],
                    "type": str(min(self._types.get(iri) or {EntityType.COMPANY})),
                    "aliases": sorted(self._aliases.get(iri, ())), "links": self.link_count(iri),
                    "name_en": plain[0] if plain else ""}

    def search(self, query: str, *, limit: int = 12) -> list[dict[str, Any]]:
        """Entities whose names match ``query`` in any script, width or case.

        Compares ``tk:matchKey`` values (see :func:`techkg.text.match_key`):
        exact matches first, then prefixes, then substrings; the most linked
        first within each group, then by IRI.
        """
        key = match_key(query)
        if not key:
            return []
        with self._lock:
            if query.startswith(("http://", "https://")) and query in self._types:
                return [self.facts(query)]
            ranks: dict[str, int] = {}
            for e, keys in self._match.items():
                if e not in self._types:
                    continue
                best = min((0 if k == key else 1 if k.startswith(key) else 2
                            for k in keys if key in k), default=None)
                if best is not None:
                    ranks[e] = best
            hits = sorted(ranks, key=lambda e: (ranks[e], -self.link_count(e), e))[:limit]
            return [self.facts(e) for e in hits]

    # ------------------------------------------------------------ links

    def neighbours(self, iri: str) -> set[str]:
        """The entities linked to ``iri`` (partners, products, makers)."""
        with self._lock:
            return {link[1] if link[0] == iri else link[0] for link in self._links_of.get(iri, ())}

    def link_count(self, iri: str) -> int:
        """Number of distinct linked entities."""
        return len(self.neighbours(iri))

    def weight(self, link: Link) -> int:
        """Events behind a link (a maker link counts the articles stating it too)."""
        with self._lock:
            n = len(self._events.get(link, ()))
            if link[2] == "maker":
                n = max(n, self._makers.get(link[1], {}).get(link[0], 0))
            return n

    def links(self, iri: str) -> list[Link]:
        """Every link of an entity, in a stable order (sorted)."""
        with self._lock:
            return sorted(self._links_of.get(iri, ()))

    def evidence(self, link: Link) -> list[dict[str, Any]]:
        """The events of a link, ordered by date, article and sentence (shared: do not change)."""
        with self._lock:
            out = self._sorted.get(link)
            if out is None:
                out = self._sorted[link] = sorted(
                    self._events.get(link, {}).values(),
                    key=lambda e: (e["date"] or "9999", e["article"] or "", e["text"]))
            return out

    def edge(self, link: Link, *, max_events: int | None = None) -> dict[str, Any]:
        """Edge attributes as :func:`techkg.network.to_networkx` sets them (evidence capped)."""
        evidence = self.evidence(link)
        dates = [e["date"] for e in evidence if e["date"]]
        confs = [e["confidence"] for e in evidence if e["confidence"] is not None]
        return {"type": link[2], "weight": self.weight(link),
                "confidence": max(confs) if confs else None,
                "first_date": min(dates) if dates else None, "last_date": max(dates) if dates else None,
                "evidence": list(evidence if max_events is None else evidence[:max_events])}

    def overview(self, *, limit: int = 150) -> list[str]:
        """The most linked entities (what the explorer shows before any search)."""
        with self._lock:
            counts = {e: self.link_count(e) for e in self._types if e in self._links_of}
        return sorted(counts, key=lambda e: (-counts[e], e))[:limit]

    def expand(self, seeds: Sequence[str], hops: int, *, max_nodes: int = 400) -> tuple[list[str], bool]:
        """Entities within ``hops`` links of the seeds, at most ``max_nodes`` of them.

        When a ring of neighbours does not fit, those with most links into the
        previous ring come first (then by IRI).

        Returns:
            ``(iris, cut)``: seeds first, then by distance; ``cut`` when the cap dropped entities.
        """
        kept: list[str] = list(dict.fromkeys(seeds))
        seen = set(kept)
        frontier = list(kept)
        cut = False
        for _ in range(max(hops, 0)):
            if not frontier or len(kept) >= max_nodes:
                cut = cut or bool(frontier)
                break
            into: Counter[str] = Counter()
            for s in frontier:
                into.update(n for n in self.neighbours(s) if n not in seen)
            new = sorted(into, key=lambda n: (-into[n], n))
            room = max_nodes - len(kept)
            if len(new) > room:
                cut, new = True, new[:room]
            kept += new
            seen.update(new)
            frontier = new
        return kept, cut

    def graph(self, iris: Iterable[str] | None = None, *,
              max_events: int | None = None) -> nx.MultiDiGraph:
        """The NetworkX projection of ``iris`` (default: everything) and the links among them.

        With ``max_events``, at most that many evidence sentences per link
        (the first by date); weights still count every event.
        """
        import networkx as nx

        with self._lock:
            if iris is None:
                iris = set(self._types) | set(self._links_of)
            inside = set(iris)
            G = nx.MultiDiGraph()
            for n in sorted(inside):
                G.add_node(n, **self.node(n))
            links = sorted({link for n in inside for link in self._links_of.get(n, ())
                            if link[0] in inside and link[1] in inside})
            for link in links:
                G.add_edge(link[0], link[1], key=link[2], **self.edge(link, max_events=max_events))
        return G


def _named_graphs(store: GraphStore) -> list[str]:
    return sorted(g.value for g in store.oxigraph.named_graphs())


def _graph_quads(store: GraphStore, graph: str) -> list[Any]:
    import pyoxigraph as ox

    return list(store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
