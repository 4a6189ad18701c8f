"""The techkg spaCy pipeline and the Extractor on real Chinese inputs.

Expectations sit in tables at the top: (text, expected) pairs read as a
reader of the sentence would list them.
"""

from __future__ import annotations

import pytest

from techkg.records import Article

# (text, entity keys that must be found)
ENTITY_CASES = [
    ("輝達與台積電宣布深化合作，共同開發先進封裝技術。", {"nvidia", "tsmc"}),
    ("ＯｐｅｎＡＩ于２０２３年３月发布ＧＰＴ－４。", {"openai", "openai-gpt-4"}),
    ("华为在发布会上推出Mate 60 Pro，搭载麒麟9000S芯片。", {"huawei", "huawei-mate-60-pro", "huawei-kirin-9000s"}),
    ("比亚迪携手宁德时代、国轩高科和亿纬锂能，共同推进固态电池研发。", {"byd", "catl"}),
]

# (text, expected partnership pairs, as sorted key tuples)
PARTNER_CASES = [
    ("英伟达与台积电、ASML和新思科技开展合作。", {("nvidia", "tsmc"), ("asml", "nvidia"), ("nvidia", "synopsys")}),
    ("輝達與台積電宣布深化合作，共同開發先進封裝技術。", {("nvidia", "tsmc")}),
    ("百度发布了文心一言。同时，该公司还与三星达成合作。", {("baidu", "samsung")}),
    ("华为否认与小米合作开发芯片。", set()),
    ("小米与华为在高端手机市场展开竞争。", set()),
    ("腾讯投资了智谱。", set()),
]

# (text, expected (company, product) releases)
RELEASE_CASES = [
    ("ＯｐｅｎＡＩ于２０２３年３月发布ＧＰＴ－４。", {("openai", "openai-gpt-4")}),
    ("华为在发布会上推出Mate 60 Pro，搭载麒麟9000S芯片。", {("huawei", "huawei-mate-60-pro")}),
    ("从OpenAI发布GPT-4，到百度发布文心一言，再到微软发布Office的AI助手Microsoft 365 Copilot。",
     {("openai", "openai-gpt-4"), ("baidu", "baidu-ernie-bot"), ("microsoft", "microsoft-365-copilot")}),
]

NOT_ENTITIES = ["目前，GPU和大模型是热点，AI芯片供不应求。", "工信部与清华大学联合举办了会议。"]


def _extract(extractor, text):
    return extractor.extract(Article(id="t", text=text))


def test_pipeline_is_spacy_with_versioned_components(nlp):
    assert nlp.lang == "zh"
    assert nlp.pipe_names == ["techkg_lexicon", "techkg_companies", "techkg_products",
                              "techkg_resolver", "techkg_linker", "techkg_relations"]
    doc = nlp("英伟达与台积电合作。")
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [
        ("英伟达", "COMPANY", "nvidia"), ("台积电", "COMPANY", "tsmc")]
    assert doc[0].tag_ == "ORG"  # LAC's tag kept on the token


@pytest.mark.parametrize(("text", "keys"), ENTITY_CASES)
def test_entities(extractor, text, keys):
    found = {e.key for e in _extract(extractor, text).entities}
    assert keys <= found


@pytest.mark.parametrize(("text", "pairs"), PARTNER_CASES)
def test_partnerships(extractor, text, pairs):
    found = {(r.source, r.target) for r in _extract(extractor, text).relations if r.type == "partnership"}
    assert found == pairs


@pytest.mark.parametrize(("text", "releases"), RELEASE_CASES)
def test_releases(extractor, text, releases):
    found = {(r.source, r.target) for r in _extract(extractor, text).relations if r.type == "release"}
    assert found == releases


@pytest.mark.parametrize("text", NOT_ENTITIES)
def test_generic_terms_government_and_universities_are_not_entities(extractor, text):
    assert _extract(extractor, text).entities == ()


def test_aliases_in_three_scripts_are_one_entity_with_surfaces_as_written(extractor):
    text = "英伟达（NVIDIA）今天发布财报。輝達的股价上涨，Nvidia的市值突破万亿美元。"
    result = _extract(extractor, text)
    [nvidia] = [e for e in result.entities if e.key == "nvidia"]
    assert nvidia.aliases == ("英伟达", "NVIDIA", "輝達", "Nvidia")
    assert nvidia.labels.get("zh-Hant") == "輝達"
    for m in nvidia.mentions:
        assert text[m.start : m.end] == m.text


def test_same_key_across_articles(extractor):
    a = _extract(extractor, "輝達發表新款晶片。")
    b = _extract(extractor, "英伟达发布了新的GPU。")
    assert {e.key for e in a.entities} & {e.key for e in b.entities} == {"nvidia"}


def test_relation_evidence_and_offsets(extractor):
    text = "市场回暖。英伟达已经与Quantum Machines合作，推出DGX Quantum。"
    result = _extract(extractor, text)
    [rel] = [r for r in result.relations if r.type == "partnership"]
    assert text[rel.start : rel.end].strip() == rel.evidence
    assert rel.evidence.startswith("英伟达已经与Quantum Machines合作")
    assert 0.0 < rel.confidence <= 1.0


def test_names_without_lexicon(nlp):
    from techkg.extract import Extractor

    bare = Extractor(lexicon=False, use_model=False)
    result = bare.extract(Article(id="t", text="英伟达已经与Shutterstock合作，开发了Edify-3D生成式AI模型。"))
    kinds = {(e.type, e.label) for e in result.entities}
    assert ("Company", "Shutterstock") in kinds
    assert ("Product", "Edify-3D") in kinds
    assert any(r.type == "partnership" for r in result.relations)


def test_empty_and_whitespace_text(extractor):
    for text in ("", "   ", "\n\n"):
        result = _extract(extractor, text)
        assert result.entities == () and result.relations == ()


def test_very_long_text_keeps_offsets(extractor):
    unit = "英伟达与台积电合作开发计算光刻技术，华为推出Mate 60 Pro。" * 40
    text = ("这是一段很长的报道。" * 2000) + unit + "没有标点的长句" * 3000
    result = _extract(extractor, text)
    assert {"nvidia", "tsmc", "huawei"} <= {e.key for e in result.entities}
    for e in result.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
    assert any(r.type == "partnership" for r in result.relations)


def test_pipe_streams_in_order(extractor):
    arts = [Article(id=str(i), text=t) for i, (t, _) in enumerate(ENTITY_CASES)]
    assert [x.article.id for x in extractor.pipe(arts, batch_size=2)] == ["0", "1", "2", "3"]


def test_user_lexicon_extends_builtin(tmp_path):
    from techkg.extract import Extractor

    extra = tmp_path / "mine.jsonl"
    extra.write_text(
        '{"key": "acme-robotics", "type": "Company", "label": "Acme Robotics", '
        '"labels": {"zh-Hans": "极客机器人"}}\n', encoding="utf-8")
    ex = Extractor(user_lexicons=[extra], use_model=False)
    result = ex.extract(Article(id="t", text="极客机器人与英伟达签署合作协议。"))
    assert {"acme-robotics", "nvidia"} <= {e.key for e in result.entities}


def test_saved_pipeline_loads_with_spacy_load_in_a_new_process(nlp, tmp_path):
    import subprocess
    import sys

    nlp.to_disk(tmp_path / "pipeline")
    code = ("import spacy; n = spacy.load(r'%s'); "
            "print([(e.text, e.kb_id_) for e in n('輝達與台積電合作').ents])") % (tmp_path / "pipeline")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[('輝達', 'nvidia'), ('台積電', 'tsmc')]"


def test_lac_runs_on_one_thread_without_spinning():
    """Extra ONNX Runtime threads only spin on sentence-sized inputs; workers need the cores."""
    from techkg.nlp.tokenizer import load_lac

    lac = load_lac()
    options = lac._session.get_session_options()  # noqa: SLF001 - the session techkg rebuilt
    assert options.intra_op_num_threads == 1
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"
    text = "英伟达与台积电宣布合作。"
    assert "".join(w for w, _ in lac.run(text)) == text  # the rebuilt session still segments


def test_tokenizer_token_table_is_what_the_doc_says(nlp, corpus_dir):
    """The token table the tokenizer writes equals the one read back from spaCy's tokens."""
    from techkg.nlp.candidates import Tok

    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus_dir.glob("*.md"))[::5]]
    texts += ["ＮＶＩＤＩＡ（輝達）  與台積電\n\n合作 GB300 ， 　全形空白", " a ", "。"]
    seen = []
    for text in texts:
        doc = nlp.make_doc(text)
        from_doc = [Tok(t.idx, t.text, t.tag_, t.whitespace_, t.norm_, t.is_punct) for t in doc]
        assert doc._.token_table == from_doc, text[:20]
        seen += from_doc
    assert any(t.is_punct for t in seen) and any(t.whitespace_ for t in seen)  # the columns that can differ
    assert any(t.norm_ != t.text for t in seen)  # folded norms (輝達 -> 辉达)
