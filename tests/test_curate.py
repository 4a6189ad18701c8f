"""Curations: the file, the one apply step, re-linking a real store, the entity commands."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from techkg.cli import app
from techkg.curate import Curation, CuratedExtractor, Curations, apply, apply_one
from techkg.errors import CurationError
from techkg.triples import article_triples
from techkg.ingest import ingest_articles
from techkg.records import Article, Entity, Extraction, Mention, Relation
from techkg.relink import affected_articles, relink, stored_extraction
from techkg.store import GraphStore
from techkg.suggest import suggest_duplicates

RUNNER = CliRunner()

# Articles written for these tests: one company in two scripts, a false hit, a real Lenovo.
TW = Article(id="tw-nvidia-tsmc", text="輝達與台積電宣布深化合作，共同開發矽光子技術。", date="2024-06-03")
CN = Article(id="cn-nvidia-tsmc", text="英伟达与台积电宣布合作，双方将共同开发新一代芯片。", date="2024-06-04")
MI = Article(id="xiaomi-lenovo", text="小米与联想宣布合作开发新款笔记本。", date="2024-06-05")
VERB = Article(id="verb-lianxiang", text="用户很容易联想华为与小米的合作。", date="2024-06-06")
LATER = Article(id="tw-nvidia-mediatek", text="輝達與聯發科宣布合作開發車用晶片。", date="2024-06-07")


# -- the file ---------------------------------------------------------------------------


def test_file_round_trip_keeps_comments(tmp_path) -> None:
    path = tmp_path / "curations.jsonl"
    path.write_text(
        "# reviewed by the desk\n\n"
        '{"op": "merge", "type": "Company", "key": "辉达", "into": "英伟达", "label": "英伟达"}\n'
        '# a verb, not Lenovo\n{"op": "not", "name": "联想", "type": "Company", "article": "verb-lianxiang"}\n',
        encoding="utf-8",
    )
    file = Curations.load(path)
    assert [c.op for c in file] == ["merge", "not"]
    assert file.items[1].where == f"{path}:5"
    file.items.append(Curation("rename", "Company", key="英伟达", label="NVIDIA"))
    file.save()
    again = Curations.load(path)
    assert again.items == file.items
    assert path.read_text(encoding="utf-8").startswith("# reviewed by the desk\n")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"op": "merge", "type": "Company", "key": "辉达"', "bad JSON"),
        ('{"op": "merge", "key": "辉达", "into": "英伟达"}', "merge needs 'type', 'label'"),
        ('{"op": "join", "key": "辉达"}', "unknown op 'join'"),
        ('{"op": "not", "name": "联想", "type": "Compnay"}', "unknown type 'Compnay'"),
        ('{"op": "not", "name": "联想", "into": "x"}', "unknown field 'into' for not"),
        ('{"op": "merge", "type": "Company", "key": "a", "into": "a", "label": "A"}', "into itself"),
        ('["op", "not"]', "expected a JSON object"),
    ],
)
def test_bad_lines_name_file_and_line(tmp_path, line: str, message: str) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text('{"op": "not", "name": "三星堆"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(CurationError) as err:
        Curations.load(path)
    assert str(err.value).startswith(f"{path}:2: ")
    assert message in str(err.value)


def test_missing_file_is_empty_and_bad_bytes_are_located(tmp_path) -> None:
    assert len(Curations.load(tmp_path / "none.jsonl")) == 0
    path = tmp_path / "gbk.jsonl"
    path.write_bytes('{"op": "not", "name": "三星"}\n'.encode() + '{"name": "联想"}'.encode("gbk"))
    with pytest.raises(CurationError, match=r"gbk.jsonl:2: not UTF-8"):
        Curations.load(path)


# -- applying to records ----------------------------------------------------------------


def _ex(article: Article, entities: list[tuple[str, str, str, list[str]]], relations=()) -> Extraction:
    text = article.text
    ents = []
    for key, etype, label, names in entities:
        mentions = tuple(Mention(n, text.index(n), text.index(n) + len(n)) for n in names)
        ents.append(Entity(key, etype, label, mentions))
    return Extraction(article, tuple(ents), tuple(relations))


def test_merge_moves_mentions_and_relations_into_the_present_target() -> None:
    a = Article(id="a", text="輝達與台積電合作，英伟达股价上涨。")
    ex = _ex(a, [("辉达", "Company", "輝達", ["輝達"]), ("tsmc", "Company", "TSMC", ["台積電"]),
                 ("英伟达", "Company", "英伟达", ["英伟达"])],
             [Relation("partnership", "tsmc", "辉达", "輝達與台積電合作", 0, 8, 0.9)])
    out = apply_one(Curation("merge", "Company", key="辉达", into="英伟达", label="英伟达"), ex)
    assert [(e.key, e.aliases) for e in out.entities] == [("tsmc", ("台積電",)), ("英伟达", ("輝達", "英伟达"))]
    assert [(r.source, r.target) for r in out.relations] == [("tsmc", "英伟达")]


def test_merge_drops_a_partnership_that_becomes_a_self_loop() -> None:
    a = Article(id="a", text="輝達與英伟达合作")
    ex = _ex(a, [("辉达", "Company", "輝達", ["輝達"]), ("英伟达", "Company", "英伟达", ["英伟达"])],
             [Relation("partnership", "辉达", "英伟达", a.text, 0, 8, 0.9)])
    out = apply_one(Curation("merge", "Company", key="辉达", into="英伟达", label="英伟达"), ex)
    assert out.relations == ()


def test_curations_that_do_not_apply_return_the_same_object() -> None:
    ex = _ex(MI, [("xiaomi", "Company", "Xiaomi", ["小米"]), ("lenovo", "Company", "Lenovo", ["联想"])])
    for c in (
        Curation("merge", "Company", key="辉达", into="nvidia", label="NVIDIA"),
        Curation("rename", "Product", key="xiaomi", label="小米手机"),
        Curation("not", "Company", name="联想", article="another-article"),
        Curation("not", "Product", name="联想"),
        Curation("split", "Company", key="xiaomi", name="小米汽车", into="小米汽车"),
    ):
        assert apply_one(c, ex) is ex, c


def test_not_drops_the_name_but_not_longer_names() -> None:
    a = Article(id="a", text="联想集团与小米合作。用户很容易联想华为。")
    ex = Extraction(a, (
        Entity("lenovo", "Company", "Lenovo", (Mention("联想集团", 0, 4), Mention("联想", 15, 17))),
        Entity("xiaomi", "Company", "Xiaomi", (Mention("小米", 5, 7),)),
    ), (Relation("partnership", "lenovo", "xiaomi", "联想集团与小米合作。", 0, 10, 0.9),))
    out = apply_one(Curation("not", "Company", name="聯想"), ex)  # Traditional: the same name
    lenovo = out.entity("lenovo")
    assert lenovo is not None and lenovo.aliases == ("联想集团",)
    assert len(out.relations) == 1


def test_not_removes_an_entity_left_without_mentions_and_its_relations() -> None:
    ex = _ex(VERB, [("lenovo", "Company", "Lenovo", ["联想"]), ("huawei", "Company", "Huawei", ["华为"]),
                    ("xiaomi", "Company", "Xiaomi", ["小米"])],
             [Relation("partnership", "huawei", "lenovo", VERB.text, 0, 16, 0.6),
              Relation("partnership", "huawei", "xiaomi", VERB.text, 0, 16, 0.9)])
    out = apply_one(Curation("not", "Company", name="联想", article=VERB.id), ex)
    assert sorted(e.key for e in out.entities) == ["huawei", "xiaomi"]
    assert [(r.source, r.target) for r in out.relations] == [("huawei", "xiaomi")]


def test_split_moves_only_the_relations_whose_evidence_names_only_the_split_name() -> None:
    a = Article(id="a", text="輝達與台積電合作。NVIDIA與聯發科合作。")
    ex = _ex(a, [("nvidia", "Company", "NVIDIA", ["輝達", "NVIDIA"]), ("tsmc", "Company", "TSMC", ["台積電"]),
                 ("mediatek", "Company", "MediaTek", ["聯發科"])],
             [Relation("partnership", "nvidia", "tsmc", "輝達與台積電合作。", 0, 9, 0.9),
              Relation("partnership", "mediatek", "nvidia", "NVIDIA與聯發科合作。", 9, 22, 0.9)])
    out = apply_one(Curation("split", "Company", key="nvidia", name="辉达", into="辉达", label="輝達"), ex)
    assert out.entity("nvidia").aliases == ("NVIDIA",)
    assert out.entity("辉达").aliases == ("輝達",)
    assert sorted((r.source, r.target) for r in out.relations) == [("mediatek", "nvidia"), ("tsmc", "辉达")]


def test_apply_runs_in_file_order() -> None:
    ex = _ex(TW, [("辉达", "Company", "輝達", ["輝達"])])
    merge = Curation("merge", "Company", key="辉达", into="英伟达", label="英伟达")
    rename = Curation("rename", "Company", key="英伟达", label="NVIDIA")
    assert apply([merge, rename], ex).entities[0].label == "NVIDIA"
    assert apply([rename, merge], ex).entities[0].label == "英伟达"


# -- a real store -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def plain_extractor():
    """The extractor without the lexicon: 輝達 and 英伟达 come out as two companies."""
    from techkg.extract import Extractor

    return Extractor(lexicon=False)


def _graph(store: GraphStore, article_id: str) -> set:
    g = store.ids.graph(article_id)
    return {(str(q.subject), str(q.predicate), str(q.object))
            for q in store.oxigraph.quads_for_pattern(None, None, None, _named(g))}


def _named(iri):
    import pyoxigraph as ox

    return ox.NamedNode(str(iri))


def test_stored_records_rebuild_the_stored_graph_exactly(extractor, corpus_dir) -> None:
    from techkg.read import read_articles

    articles = [a for a in read_articles([str(corpus_dir)]) if isinstance(a, Article)][:12]
    store = GraphStore.open(None)
    extractions = list(extractor.pipe(articles))
    store.put_many(extractions)
    for ex in extractions:
        back = stored_extraction(store, ex.article.id)
        assert set(article_triples(back, store.ids)) == set(article_triples(ex, store.ids)), ex.article.id
        assert back.article.content_hash == ex.article.content_hash


def test_merge_relinks_only_affected_articles_and_later_ingest_applies_it(plain_extractor, tmp_path) -> None:
    store = GraphStore.open(tmp_path / "store")
    ingest_articles([TW, CN, MI], store, extractor=plain_extractor)
    untouched = _graph(store, MI.id), _graph(store, CN.id)
    hashes = {a.id: store.content_hash(a.id) for a in (TW, CN, MI)}

    c = Curation("merge", "Company", key="辉达", into="英伟达", label="英伟达")
    assert affected_articles(store, c) == [TW.id]
    assert relink(store, c) == [TW.id]
    assert (_graph(store, MI.id), _graph(store, CN.id)) == untouched
    assert {a.id: store.content_hash(a.id) for a in (TW, CN, MI)} == hashes
    assert [e.key for e in stored_extraction(store, TW.id).entities if e.type == "Company"] == ["台积电", "英伟达"]
    assert not store.query("ASK { company:辉达 ?p ?o }")
    assert store.check() == []

    # a later ingest of a new article applies the same curation
    file = Curations(None, [c])
    summary = ingest_articles([LATER], store, extractor=CuratedExtractor(plain_extractor, file))
    assert summary.new == 1
    keys = {e.key for e in stored_extraction(store, LATER.id).entities}
    assert "英伟达" in keys and "辉达" not in keys
    store.close()


# -- the commands -----------------------------------------------------------------------


def _run(*args: str):
    result = RUNNER.invoke(app, list(args))
    return result.exit_code, result.output


@pytest.fixture()
def store_dir(plain_extractor, tmp_path):
    path = tmp_path / "kg" / "store"
    with GraphStore.open(path) as store:
        ingest_articles([TW, CN, MI], store, extractor=plain_extractor)
    return path


def _partners(store_path, company: str) -> set[str]:
    code, out = _run("query", "-f", "partners", "-p", f"company={company}", "--format", "csv",
                     "--store", str(store_path))
    assert code == 0, out
    return {line.split(",")[1] for line in out.splitlines()[1:] if line.count(",") > 2}


def test_entity_commands_round_trip(store_dir, root, monkeypatch) -> None:
    monkeypatch.chdir(root)
    store = str(store_dir)
    file = store_dir.parent / "curations.jsonl"
    assert _partners(store_dir, "英伟达") == {"台积电"}

    code, out = _run("entity", "merge", "輝達", "英伟达", "--store", store)
    assert code == 0, out
    assert "merge Company '辉达' into '英伟达'" in out
    assert f"re-linked 1 article(s): {TW.id}" in out
    assert f"curation saved: {file}:2" in out
    assert '"op": "merge"' in file.read_text(encoding="utf-8")
    # 輝達 is now a name of 英伟达's entity: both articles' partnerships count
    code, out = _run("query", "-f", "partnership-ranking.rq", "--format", "csv", "--store", store)
    assert "英伟达" in out

    code, out = _run("entity", "rename", "英伟达", "NVIDIA 英伟达", "--store", store)
    assert code == 0, out
    assert "re-linked 2 article(s)" in out
    with GraphStore.open(store_dir, read_only=True) as st:
        labels = {r["l"] for r in st.select('SELECT ?l WHERE { company:英伟达 rdfs:label ?l FILTER(LANG(?l) = "") }')}
    assert labels == {"NVIDIA 英伟达"}

    code, out = _run("entity", "split", "英伟达", "輝達", "--store", store)
    assert code == 0, out
    assert f"re-linked 1 article(s): {TW.id}" in out
    assert "undid the merge" in out
    assert '"op": "merge"' not in file.read_text(encoding="utf-8")
    with GraphStore.open(store_dir, read_only=True) as st:
        assert {e.key for e in stored_extraction(st, TW.id).entities} == {"辉达", "台积电"}


def test_entity_commands_report_unknown_and_ambiguous_names(store_dir) -> None:
    code, out = _run("entity", "merge", "三星", "英伟达", "--store", str(store_dir))
    assert code == 1 and "no entity named '三星'" in out
    code, out = _run("entity", "rename", "英伟达", " ", "--store", str(store_dir))
    assert code == 2 and "empty" in out
    bad = store_dir.parent / "curations.jsonl"
    bad.write_text('{"op": "nope"}\n', encoding="utf-8")
    code, out = _run("entity", "not", "联想", "--store", str(store_dir))
    assert code == 1 and f"{bad}:1: unknown op 'nope'" in out


def test_not_for_a_verb_in_one_article_and_the_ingest_after(extractor, tmp_path, root, monkeypatch) -> None:
    monkeypatch.chdir(root)
    path = tmp_path / "store"
    with GraphStore.open(path) as st:
        ingest_articles([MI, VERB], st, extractor=extractor)
        assert "lenovo" in {e.key for e in stored_extraction(st, VERB.id).entities}
        before = _graph(st, MI.id)

    code, out = _run("entity", "not", "联想", "--type", "Company", "--article", VERB.id, "--store", str(path),
                     "--note", "容易联想: a verb")
    assert code == 0, out
    assert f"'联想' is not a Company in article '{VERB.id}'" in out
    assert f"re-linked 1 article(s): {VERB.id}" in out
    with GraphStore.open(path) as st:
        assert "lenovo" not in {e.key for e in stored_extraction(st, VERB.id).entities}
        assert _graph(st, MI.id) == before  # the real Lenovo stays
        # re-extracting the article applies the file again
        file = Curations.load(tmp_path / "curations.jsonl")
        ingest_articles([VERB], st, extractor=CuratedExtractor(extractor, file), force=True)
        assert "lenovo" not in {e.key for e in stored_extraction(st, VERB.id).entities}


def test_ingest_command_applies_the_curation_file(tmp_path, root, monkeypatch) -> None:
    monkeypatch.chdir(root)
    article = tmp_path / "verb.md"
    article.write_text("---\ntitle: 联想与小米\n---\n" + VERB.text + "\n", encoding="utf-8")
    curations = tmp_path / "mine.jsonl"
    curations.write_text('{"op": "not", "name": "联想", "type": "Company"}\n', encoding="utf-8")
    store = tmp_path / "store"
    code, out = _run("ingest", str(article), "--store", str(store), "--no-progress",
                     "--curations", str(curations))
    assert code == 0, out
    with GraphStore.open(store, read_only=True) as st:
        keys = {r["k"] for r in st.select("SELECT ?k WHERE { ?e a tk:Company ; tk:key ?k }")}
    assert "lenovo" not in keys and "huawei" in keys


def test_suggest_lists_the_same_company_in_two_scripts(store_dir) -> None:
    with GraphStore.open(store_dir, read_only=True) as st:
        pairs = suggest_duplicates(st)
    assert not any({p.a.key, p.b.key} == {"辉达", "英伟达"} for p in pairs)  # two different names
    with GraphStore.open(store_dir) as st:
        st.put(Extraction(Article(id="x", text="英偉達公司發布新品。"),
                          (Entity("英伟达公司", "Company", "英偉達公司", (Mention("英偉達公司", 0, 5),)),), ()))
        pairs = suggest_duplicates(st)
    found = [p for p in pairs if {p.a.key, p.b.key} == {"英伟达公司", "英伟达"}]
    assert found and found[0].reason == "same name key '英伟达'"
    assert (found[0].a.key, found[0].b.key) == ("英伟达公司", "英伟达")  # the less mentioned merges away
    code, out = _run("entity", "suggest", "--store", str(store_dir))
    assert code == 0 and "company:英伟达公司" in out


def test_ingest_serve_and_build_share_one_project_extractor(tmp_path) -> None:
    from techkg.cli.graph_cmds import project_extractor
    from techkg.extract import Extractor

    store = tmp_path / "kg" / "store"
    assert isinstance(project_extractor(True, None, None, store), Extractor)  # no curations yet
    store.parent.mkdir()
    (tmp_path / "kg" / "curations.jsonl").write_text('{"op": "not", "name": "三星堆"}\n', encoding="utf-8")
    curated = project_extractor(True, None, None, store)
    assert isinstance(curated, CuratedExtractor) and len(curated.curations) == 1


def test_relink_writes_in_batches_and_only_changed_articles(monkeypatch) -> None:
    import techkg.relink as relink_module

    monkeypatch.setattr(relink_module, "BATCH", 1)
    store = GraphStore.open(None)
    store.put_many([
        _ex(TW, [("辉达", "Company", "輝達", ["輝達"]), ("台积电", "Company", "台積電", ["台積電"])]),
        _ex(LATER, [("辉达", "Company", "輝達", ["輝達"]), ("联发科", "Company", "聯發科", ["聯發科"])]),
        _ex(MI, [("xiaomi", "Company", "Xiaomi", ["小米"])]),
    ])
    c = Curation("rename", "Company", key="辉达", label="輝達 NVIDIA")
    assert relink(store, c) == [LATER.id, TW.id]
    assert relink(store, c) == []  # already so: nothing rewritten
    assert store.check() == []
