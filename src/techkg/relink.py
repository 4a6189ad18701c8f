"""Apply a curation to the store now: re-map the records of the affected articles only.

The store keeps no article text, so an article cannot be extracted again from
it. What it keeps is enough to rebuild the article's records exactly:
:func:`stored_extraction` reads one article's named graph back into an
:class:`~techkg.records.Extraction` whose graph is the stored one, triple for
triple (mentions come back as their surface strings, without offsets). A
curation is applied to those records with :func:`techkg.curate.apply_one`,
the function every ingest applies to fresh extractions, and the changed
articles are written back through :meth:`GraphStore.put_many` (one
transaction, the same per-article replace an updated article gets). Articles
the curation does not change are not written.

>>> from techkg.records import Article, Entity, Extraction, Mention
>>> from techkg.store import GraphStore
>>> from techkg.curate import Curation
>>> store = GraphStore.open(None)
>>> a = Article(id="a1", text="辉达发布新芯片。")
>>> _ = store.put(Extraction(a, (Entity("辉达", "Company", "辉达", (Mention("辉达", 0, 2),)),), ()))
>>> relink(store, Curation("merge", "Company", key="辉达", into="nvidia", label="NVIDIA"))
['a1']
>>> [e.key for e in stored_extraction(store, "a1").entities]
['nvidia']
>>> store.content_hash("a1") == a.content_hash
True
"""

from __future__ import annotations

from dataclasses import dataclass

from techkg.curate import Curation, apply_one
from techkg.errors import CurationError
from techkg.records import Article, Entity, EntityType, Extraction, Mention, Relation
from techkg.store import GraphStore
from techkg.text import match_key, name_form

_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_TYPES = {EntityType.COMPANY: "tk:Company", EntityType.PRODUCT: "tk:Product"}
#: Articles written per transaction while re-linking (each article stays whole or absent).
BATCH = 200
_EVENT_TYPES = {"Partnership": "partnership", "ProductRelease": "release", "Manufacture": "maker"}


@dataclass(frozen=True)
class StoredArticle(Article):
    """An article as the store holds it: no text, but its content hash.

    Keeping the hash means a re-linked article is still "unchanged" for the
    next ingest of the same file (the curation is applied there anyway).
    """

    stored_hash: str = ""

    @property
    def content_hash(self) -> str:  # type: ignore[override]
        """The hash stored with the article."""
        return self.stored_hash


def _lit(value: str) -> str:
    import pyoxigraph as ox

    return str(ox.Literal(value))


def stored_extraction(store: GraphStore, article_id: str) -> Extraction:
    """One article's records, rebuilt from its named graph.

    Raises:
        CurationError: the article is not in the store.
    """
    g = store.ids.graph(article_id)
    art = store.select(f"""SELECT ?a ?title ?date ?url ?source ?origin ?hash WHERE {{ GRAPH <{g}> {{
        ?a tk:articleId {_lit(article_id)} ; tk:contentHash ?hash .
        OPTIONAL {{ ?a schema:headline ?title }} OPTIONAL {{ ?a schema:datePublished ?date }}
        OPTIONAL {{ ?a schema:url ?url }} OPTIONAL {{ ?a tk:source ?source }}
        OPTIONAL {{ ?a tk:origin ?origin }} }} }}""")
    if not art:
        raise CurationError(f"article {article_id!r} is not in the store")
    row = art[0]
    article = StoredArticle(
        id=article_id, text="", title=row["title"] or "", date=_str(row["date"]), url=row["url"],
        publisher=row["source"], origin=row["origin"], stored_hash=row["hash"],
    )
    facts: dict[str, dict] = {}
    for r in store.select(f"""SELECT ?e ?type ?key ?p ?o ?lang ?maker WHERE {{ GRAPH <{g}> {{
        <{store.ids.article(article_id)}> schema:mentions ?e .
        ?e a ?type ; tk:key ?key . FILTER(?type IN (tk:Company, tk:Product))
        OPTIONAL {{ ?e ?p ?o FILTER(?p IN (rdfs:label, skos:altLabel)) BIND(LANG(?o) AS ?lang) }}
        OPTIONAL {{ ?e schema:manufacturer/tk:key ?maker }} }} }}"""):
        f = facts.setdefault(r["e"], {"type": r["type"].rsplit("#", 1)[-1].rsplit("/", 1)[-1],
                                      "key": r["key"], "label": None, "labels": {}, "aliases": set(),
                                      "maker": None})
        if r["p"] == _RDFS_LABEL:
            if r["lang"]:
                f["labels"][r["lang"]] = r["o"]
            else:
                f["label"] = r["o"]
        elif r["p"] is not None:
            f["aliases"].add(r["o"])
        if r["maker"] and (f["maker"] is None or r["maker"] < f["maker"]):
            f["maker"] = r["maker"]
    entities = tuple(
        Entity(key=f["key"], type=f["type"], label=f["label"] or f["key"],
               mentions=tuple(Mention(a, 0, 0) for a in sorted(f["aliases"])),
               labels=f["labels"], maker=f["maker"] if f["type"] == EntityType.PRODUCT else None)
        for f in sorted(facts.values(), key=lambda f: (f["type"], f["key"]))
    )
    return Extraction(article, entities, _stored_relations(store, g))


def _str(value: object) -> str | None:
    return None if value is None else str(value)


def _stored_relations(store: GraphStore, g: object) -> tuple[Relation, ...]:
    events: dict[str, dict] = {}
    for r in store.select(f"""SELECT ?ev ?cls ?role ?key ?evidence ?s ?e ?conf ?trigger WHERE {{
        GRAPH <{g}> {{
          ?ev a tk:Event , ?cls ; tk:evidence ?evidence ; tk:startOffset ?s ; tk:endOffset ?e ;
              tk:confidence ?conf ; ?role ?x . ?x tk:key ?key .
          FILTER(?cls IN (tk:Partnership, tk:ProductRelease, tk:Manufacture))
          FILTER(?role IN (tk:participant, tk:company, tk:product))
          OPTIONAL {{ ?ev tk:trigger ?trigger }} }} }}"""):
        ev = events.setdefault(r["ev"], {"type": _EVENT_TYPES[r["cls"].rsplit("#", 1)[-1].rsplit("/", 1)[-1]],
                                         "ends": {}, "row": r})
        ev["ends"].setdefault(r["role"].rsplit("#", 1)[-1].rsplit("/", 1)[-1], set()).add(r["key"])
    out = []
    for ev in events.values():
        r, ends = ev["row"], ev["ends"]
        if ev["type"] == "partnership":
            pair = sorted(ends.get("participant", ()))
            if len(pair) != 2:
                continue
            src, dst = pair
        else:
            src, dst = min(ends.get("company", {""})), min(ends.get("product", {""}))
        out.append(Relation(ev["type"], src, dst, r["evidence"], int(r["s"]), int(r["e"]),
                            float(r["conf"]), trigger=r["trigger"] or ""))
    return tuple(sorted(out, key=lambda x: (x.start, x.end, x.type, x.source, x.target)))


def affected_articles(store: GraphStore, c: Curation) -> list[str]:
    """Ids of the articles whose graph holds what the curation is about."""
    if c.op == "not":
        types = [c.type] if c.type else list(_TYPES)
        values = " ".join(_TYPES[t] for t in types)
        rows = store.select(f"""SELECT DISTINCT ?id ?alias WHERE {{ GRAPH ?g {{
            ?e tk:matchKey {_lit(match_key(c.name or ''))} ; a ?t ; skos:altLabel ?alias .
            VALUES ?t {{ {values} }} ?a tk:articleId ?id }} }}""")
        form = name_form(c.name or "")
        return sorted({r["id"] for r in rows
                       if name_form(r["alias"]) == form and c.article in (None, r["id"])})
    iri = store.ids.entity(c.type or EntityType.COMPANY, c.key or "")
    rows = store.select(
        f"SELECT DISTINCT ?id WHERE {{ GRAPH ?g {{ <{iri}> tk:key ?k . ?a tk:articleId ?id }} }}"
    )
    return sorted(r["id"] for r in rows)


def relink(store: GraphStore, c: Curation) -> list[str]:
    """Apply one curation to the stored records of the affected articles.

    Returns:
        The ids of the articles rewritten (those the curation changed), in
        batches of :data:`BATCH` per transaction.
    """
    written: list[str] = []
    batch: list[Extraction] = []
    for article_id in affected_articles(store, c):
        before = stored_extraction(store, article_id)
        after = apply_one(c, before)
        if after is not before:
            batch.append(after)
        if len(batch) >= BATCH:
            store.put_many(batch, force=True)
            written += [ex.article.id for ex in batch]
            batch = []
    store.put_many(batch, force=True)
    return written + [ex.article.id for ex in batch]


@dataclass(frozen=True)
class StoredEntity:
    """An entity of the store, as the ``entity`` commands name it."""

    type: str
    key: str
    label: str
    labels: dict[str, str]
    articles: int


def find_entities(store: GraphStore, ref: str, etype: str | None = None) -> list[StoredEntity]:
    """Entities a user's reference names: an IRI, ``company:KEY``, a key, or any name.

    A key or IRI that exists wins; otherwise every entity with the name's
    :func:`~techkg.text.match_key` is returned.
    """
    ref = ref.strip()
    types = [etype] if etype else list(_TYPES)
    values = " ".join(_TYPES[t] for t in types)
    prefix, _, rest = ref.partition(":")
    if rest and prefix in ("company", "product") and not ref.startswith("http"):
        types = [EntityType.COMPANY if prefix == "company" else EntityType.PRODUCT]
        values, ref = _TYPES[types[0]], rest
    iris = " ".join(f"<{store.ids.entity(t, ref)}>" for t in types)
    where = f"{{ VALUES ?e {{ {iris} }} ?e tk:key ?key }}"
    if ref.startswith(("http://", "https://")):
        where = f"{{ VALUES ?e {{ <{ref}> }} ?e tk:key ?key }}"
    found = _entities(store, where, values)
    if not found:
        found = _entities(store, f"{{ ?e tk:matchKey {_lit(match_key(ref))} ; tk:key ?key }}", values)
    return found


def _entities(store: GraphStore, pattern: str, values: str) -> list[StoredEntity]:
    rows = store.select(f"""SELECT ?e ?t ?key ?label ?l ?lang (COUNT(DISTINCT ?g) AS ?n) WHERE {{
        {pattern} ?e a ?t . VALUES ?t {{ {values} }}
        OPTIONAL {{ ?e rdfs:label ?label FILTER(LANG(?label) = "") }}
        OPTIONAL {{ ?e rdfs:label ?l FILTER(LANG(?l) != "") BIND(LANG(?l) AS ?lang) }}
        OPTIONAL {{ GRAPH ?g {{ ?art schema:mentions ?e }} }}
      }} GROUP BY ?e ?t ?key ?label ?l ?lang""")
    out: dict[tuple[str, str], dict] = {}
    for r in rows:
        etype = r["t"].rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        f = out.setdefault((etype, r["key"]), {"label": r["label"] or r["key"], "labels": {}, "n": 0})
        if r["label"] and (f["label"] == r["key"] or r["label"] < f["label"]):
            f["label"] = r["label"]  # several articles may label it: one stable choice
        if r["lang"]:
            f["labels"][r["lang"]] = r["l"]
        f["n"] = max(f["n"], r["n"])
    return [StoredEntity(t, k, f["label"], f["labels"], f["n"]) for (t, k), f in sorted(out.items())]
