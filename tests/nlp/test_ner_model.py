"""The company/product tagger on sentences of our own, and how its spans reach the pipeline.

Every sentence here was written for these tests (real companies and products,
our own wording), in Simplified, Traditional, mixed script and full-width
forms. The tagger runs without the lexicon flags, as the pipeline runs it.
"""

from __future__ import annotations

import pytest

from techkg.nlp.candidates import Candidate
from techkg.nlp.company_model import CompanyTagger
from techkg.nlp.candidates import without_generic_tail
from techkg.nlp.model_candidates import company_finder_spans, product_candidates
from techkg.nlp.ner_data import bench_part, boson_org_class, boson_product_kind, mention_spans


@pytest.fixture(scope="module")
def tagger() -> CompanyTagger:
    return CompanyTagger.load()


def labelled(tagger: CompanyTagger, text: str) -> dict[str, str]:
    """The tagger's spans by name; a product's trailing category noun ("…手机", "…處理器") is not part of
    the name (the pipeline's resolver drops it; Boson's annotation often includes it)."""
    return {without_generic_tail(text[s:e]) if label == "product" else text[s:e]: label
            for s, e, label in tagger.tag(text)}


# (sentence, name, class the tagger must give it)
FOUND = [
    # products with Latin model names, Simplified, Traditional and full-width
    ("小米今天发布了小米14 Pro手机，售价4999元。", "小米14 Pro", "product"),
    ("蘋果在發表會上推出了iPhone 15 Pro Max。", "iPhone 15 Pro Max", "product"),
    ("华为今天发布了Ｍａｔｅ　６０　Ｐｒｏ手机。", "Ｍａｔｅ　６０　Ｐｒｏ", "product"),
    ("OPPO发布了Find X7 Ultra。", "Find X7 Ultra", "product"),
    ("華為發表了麒麟9000S處理器。", "麒麟9000S", "product"),
    # products with purely Chinese names: models and services
    ("阿里云发布了通义千问大模型。", "通义千问", "product"),
    ("京东上线了京东外卖。", "京东外卖", "product"),
    ("蔚来推出了乐道L60，理想汽车则发布了理想MEGA。", "乐道L60", "product"),
    # companies that the lexicon does not list
    ("浙江晶科能源有限公司与蜜雪冰城股份有限公司签署合作协议。", "浙江晶科能源有限公司", "company"),
    ("浙江晶科能源有限公司与蜜雪冰城股份有限公司签署合作协议。", "蜜雪冰城股份有限公司", "company"),
    ("泡泡瑪特國際集團今天公佈了年度業績。", "泡泡瑪特國際集團", "company"),
]
# Known misses of the model alone (docs/models.md): 极越01, 腾势D9, 理想MEGA, 樂道L60 in
# Traditional script; the lexicon and the patterns find them in the pipeline.


@pytest.mark.parametrize(("text", "name", "label"), FOUND)
def test_finds_companies_and_products(tagger, text, name, label):
    assert labelled(tagger, text).get(name) == label


# (sentence, name that must not be a company or a product)
NEITHER = [
    ("教育部与北京大学联合发布了一份报告。", "教育部"),
    ("教育部与北京大学联合发布了一份报告。", "北京大学"),
    ("國家發展改革委表示將支持民營企業。", "國家發展改革委"),
    ("雷军在发布会上表示，小米将继续投入研发。", "雷军"),
    ("據《人民日報》報道，深圳市政府出台了新政策。", "深圳市政府"),
]


@pytest.mark.parametrize(("text", "name"), NEITHER)
def test_government_universities_people_are_neither(tagger, text, name):
    assert labelled(tagger, text).get(name) not in ("company", "product")


def test_work_titles_are_not_products(tagger):
    text = "央视热播剧《繁花》与上海本地报纸《新民晚报》都提到了这家店。"
    found = labelled(tagger, text)
    assert "product" not in {found.get("繁花"), found.get("《繁花》"), found.get("新民晚报")}


# -- from tagger spans to candidates ------------------------------------------------------


@pytest.fixture(scope="module")
def full():
    from techkg.nlp import load_pipeline

    return load_pipeline()


@pytest.mark.parametrize(("text", "name", "is_company"), [
    ("祝大家新年吉利，万事如意。", "吉利", False),  # a weak alias nothing confirms
    ("祝大家新年吉利、萬事如意。", "吉利", False),
    ("吉利汽车发布了新车，吉利的销量随之上涨。", "吉利", True),  # confirmed by the article
])
def test_model_does_not_revive_unconfirmed_weak_aliases(full, text, name, is_company):
    assert ((name, "COMPANY") in ents(full, text)) is is_company


def test_a_product_does_not_veto_its_brand():
    spans = [(0, 6, "product"), (7, 9, "product"), (10, 13, "government")]
    assert company_finder_spans(spans, [(0, 2)]) == [(7, 9, "product"), (10, 13, "government")]


def test_model_products_leave_precise_rules_alone():
    text = "华为发布问界M9和H100 NVL"
    pattern = Candidate(9, 17, "Product", "pattern", 0.7)
    brand = Candidate(0, 2, "Company", "lexicon", 0.95, key="huawei")
    spans = [(4, 8, "product"), (9, 13, "product"), (0, 2, "product")]
    got = [(c.start, c.end, c.finder) for c in product_candidates(spans, text, [pattern, brand])]
    # 问界M9 is new; H100 is cut otherwise by a pattern; 华为 is a lexicon company
    assert got == [(4, 8, "model")]


def test_model_puts_a_chinese_series_name_before_a_pattern_model_number():
    text = "蔚来推出了乐道L60，华为发布Mate 60"
    patterns = [Candidate(7, 10, "Product", "pattern", 0.7), Candidate(15, 22, "Product", "pattern", 0.7)]
    spans = [(5, 10, "product"), (13, 22, "product")]  # 乐道L60; 发布Mate 60: 发布 is no series name
    got = [(c.start, c.end) for c in product_candidates(spans, text, patterns)]
    assert got == [(5, 10)]


@pytest.mark.parametrize("name", ["AI", "5G", "2024", "X", "GPU", "芯片"])
def test_model_products_are_never_generic(name):
    text = f"发布{name}。"
    assert product_candidates([(2, 2 + len(name), "product")], text, []) == []


@pytest.mark.parametrize(("text", "name"), [
    ("英伟达设立了NVIDIA AI基金。", "NVIDIA AI基金"),
    ("英伟达展示了NVIDIA AI。", "NVIDIA AI"),
    ("公司推出了GPT大模型。", "GPT大模型"),
    ("系統整合了LLM資料庫。", "LLM資料庫"),
    ("眾多廠商推出AI眼鏡。", "AI眼鏡"),
])
def test_model_products_are_not_funds_or_generic_phrases(text, name):
    from techkg.text import fold

    folded = fold(text)
    start = folded.index(fold(name))
    brand = [Candidate(start, start + 6, "Company", "lexicon", 0.95)] if name.startswith("NVIDIA") else []
    assert product_candidates([(start, start + len(name), "product")], folded, brand) == []


@pytest.mark.parametrize(("text", "name"), [("英伟达发布Blackwell架构", "Blackwell"),
                                           ("台積電的N2製程", "N2"), ("华为鸿蒙开发者大会", "鸿蒙")])
def test_model_products_are_not_architectures_processes_or_events(text, name):
    from techkg.text import fold

    folded = fold(text)
    start = folded.index(fold(name))
    assert product_candidates([(start, start + len(name), "product")], folded, []) == []


# -- data mapping ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("surface", "kind"),
    [("英菲尼迪Q50 2.0T", "product"), ("iPad", "product"), ("奇瑞旗云", "product"), ("淘宝商城", "product"),
     ("《南方都市报》", "work"), ("北京晚报", "work"), ("《征信业管理条例》", "work"), ("中秋赏月险", "work"),
     ("http://t.cn/8s97sj8", "work"), ("腾讯汽车", "work"), ("华润橡树湾", "work"), ("歼-20战机", "work")],
)
def test_boson_product_kinds(surface, kind):
    assert boson_product_kind(surface) == kind


def test_boson_org_classes():
    assert boson_org_class("杭州江干区公安分局") == "government"
    assert boson_org_class("国家发改委") == "government"
    assert boson_org_class("清华大学") == "organization"


def test_bench_parts_are_the_fixed_test_parts_and_tuning_blocks():
    from techkg.nlp.company_model import Sentence

    cluener = [Sentence(text="x", spans=(), line=n) for n in range(1, 10749)]
    boson = cluener[:2000]
    spans = {(source, part): (p[0].line, p[-1].line, len(p))
             for source, lines in (("cluener", cluener), ("boson", boson)) for part in ("test", "tune")
             for p in [bench_part(lines, source, part)]}
    assert spans == {("cluener", "test"): (9749, 10748, 1000), ("cluener", "tune"): (8749, 9748, 1000),
                     ("boson", "test"): (1601, 2000, 400), ("boson", "tune"): (1201, 1600, 400)}
    with pytest.raises(ValueError):
        bench_part(boson, "boson", "train")


def test_gold_mentions_become_spans_longest_first_on_word_edges():
    mentions = {"AMD": "company", "MI300X": "product", "MI300": "product", "超威": "company"}
    text = "AMD发布MI300X，AMDX不是公司；超威的MI300也在列。"
    assert mention_spans(text, mentions) == [
        (0, 3, "company"), (5, 11, "product"), (21, 23, "company"), (24, 29, "product"),
    ]


# -- the pipeline -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bare():
    from techkg.nlp import load_pipeline

    return load_pipeline(lexicon=False)


@pytest.fixture(scope="module")
def bare_no_model():
    from techkg.nlp import load_pipeline

    return load_pipeline(lexicon=False, use_model=False)


def ents(nlp, text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in nlp(text).ents}


@pytest.mark.parametrize(("text", "name"), [
    ("京东上线了京东外卖。", "京东外卖"),
    ("蔚来推出了乐道L60，理想汽车则发布了理想MEGA。", "乐道L60"),
])
def test_pipeline_without_lexicon_finds_model_products(bare, bare_no_model, text, name):
    assert (name, "PRODUCT") in ents(bare, text)
    assert (name, "PRODUCT") not in ents(bare_no_model, text)  # --no-model switches it off


def test_pipeline_without_lexicon_finds_unlisted_companies(bare):
    text = "浙江晶科能源有限公司與蜜雪冰城股份有限公司簽署合作協議。"
    found = ents(bare, text)
    assert {("浙江晶科能源有限公司", "COMPANY"), ("蜜雪冰城股份有限公司", "COMPANY")} <= found


def test_pipeline_keeps_government_and_people_out(bare):
    text = "工信部与清华大学的专家雷军座谈。"
    assert not {name for name, _ in ents(bare, text)} & {"工信部", "清华大学", "雷军"}
