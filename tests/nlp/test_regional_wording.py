"""Taiwan wording, beyond Traditional characters: the same article in mainland and Taiwan words reads alike.

Folding turns Traditional characters into Simplified ones (輝達 → 辉达) but leaves the words: a Taiwan
outlet writes 釋出 where a mainland one writes 发布, 百度智慧雲 for 百度智能云, 軟體 for 软件, 訊息 for
消息, 模組 for 模块. The check that found these (the Simplified dev articles put through OpenCC's
Taiwan-phrase conversion, scored with their own gold) is in ``bench/regional_wording.py``; these
sentences are written for the tests, one class a table, with negatives.
"""

from __future__ import annotations

import pytest

from techkg.nlp.lexicon import regional_variants
from techkg.records import Article


def _extract(extractor, text):
    return extractor.extract(Article(id="t", text=text))


def _releases(extractor, text):
    return {(r.source, r.target) for r in _extract(extractor, text).relations if r.type == "release"}


def _companies(extractor, text):
    return {e.label for e in _extract(extractor, text).entities if e.type == "Company"}


# 釋出: Taiwan's word for releasing software, models and updates, also used of launches; with the
# product before it as with 发布. Goodwill, shares and capacity released name no product.
RELEASED = [
    ("Google今天釋出Android 15正式版。", {("google", "google-android-15")}),
    ("蘋果凌晨正式釋出iOS 18.2，加入更多AI功能。", {("apple", "apple-ios-18.2")}),
    ("騰訊在上海釋出了國行版任天堂Switch。", {("tencent", "nintendo-switch")}),
    ("Gemini 2.0由Google於12月釋出。", {("google", "google-gemini-2-0")}),
]
NOT_RELEASED = [
    ("鴻海釋出善意，盼與夏普重啟談判。", set()),
    ("台積電釋出部分7奈米產能給聯發科。", set()),
    ("三星釋出Galaxy S24的銷售數據。", {("samsung", "samsung-galaxy-s24")}),
]


@pytest.mark.parametrize(("text", "releases"), RELEASED)
def test_shichu_releases_a_product(extractor, text, releases):
    assert _releases(extractor, text) == releases


@pytest.mark.parametrize(("text", "not_releases"), NOT_RELEASED)
def test_shichu_of_no_product_releases_nothing(extractor, text, not_releases):
    assert not _releases(extractor, text) & not_releases if not_releases else not _releases(extractor, text)


# Names written with the other region's word: the lexicon knows both forms.
@pytest.mark.parametrize(("name", "key"), [
    ("百度智慧雲", "baidu-ai-cloud"),   # 智能 / 智慧
    ("面壁智慧", "modelbest"),
    ("金山軟體", "kingsoft"),          # 软件 / 軟體
    ("長鑫儲存", "cxmt"),              # 存储 / 儲存
    ("塗鴉智慧", "tuya"),
    ("百度智能云", "baidu-ai-cloud"),   # the mainland form still
])
def test_lexicon_knows_a_name_in_either_regions_words(name, key):
    from techkg.nlp.lexicon import default_lexicon

    assert [e.key for e in default_lexicon().lookup(name)][:1] == [key]


def test_a_regional_variant_never_takes_another_entrys_name():
    # 浪潮 is Inspur's own (weak) name; a variant of some other name must not claim a name an entry has
    from techkg.nlp.lexicon import default_lexicon

    lexicon = default_lexicon()
    for entry in lexicon:
        for name in entry.names:
            owners = {e.key for e in lexicon.lookup(name)}
            assert entry.key in owners, (name, entry.key, owners)
    assert regional_variants("智能") == ()  # too short to be a name of its own


@pytest.mark.parametrize(("text", "company"), [
    ("百度智慧雲與三星宣布攜手，在Galaxy手機導入文心大模型。", "Baidu AI Cloud"),
    ("金山軟體旗下WPS推出AI助手。", "Kingsoft"),
])
def test_a_taiwan_worded_name_is_found_in_text(extractor, text, company):
    assert company in _companies(extractor, text)


# A dateline with 訊息 (Taiwan's 消息) names the outlet, which is no party to the story.
@pytest.mark.parametrize(("text", "outlet"), [
    ("集微網訊息，三安光電與意法半導體簽署協議，雙方將在重慶合資設廠。", "集微"),
    ("IT之家12月4日訊息，騰訊與任天堂宣布合作。", "IT之家"),
])
def test_a_xunxi_dateline_names_no_partner(extractor, text, outlet):
    result = _extract(extractor, text)
    outlets = {e.key for e in result.entities if outlet.lower() in (e.label + "".join(e.aliases)).lower()}
    pairs = [{r.source, r.target} for r in result.relations if r.type == "partnership"]
    assert pairs and not any(p & outlets for p in pairs)


# A product kind before 公司 in Taiwan words (模組, 裝置) is a kind of firm, as 模块 and 设备 are;
# 國行 (a licensed mainland version) is no company.
@pytest.mark.parametrize(("text", "not_company"), [
    ("三安光電已與理想汽車合資成立了碳化矽功率模組公司。", "模組"),
    ("兩家裝置公司今年營收均創新高。", "裝置"),
    ("國行Switch售價2099元，將於12月10日開售。", "國行"),
])
def test_a_kind_in_taiwan_words_is_no_company(extractor, text, not_company):
    assert not any(not_company in c for c in _companies(extractor, text))


# Hong Kong's spoken written Cantonese: particles and pronouns (嘅, 喺, 咗, 呢, 佢 ...) stand around names,
# never in one, and 同 after a spaced Latin name is "and" ("Video Pro 同 Cinema Pro": two apps).
@pytest.mark.parametrize(("text", "products", "not_products"), [
    ("華為喺 3 月發佈咗 Mate X6，呢部 7.9 吋摺機賣 15,999 港元。", {"Mate X6"}, {"呢部 7.9 吋摺機"}),
    ("Apple 今年嘅 Final Cut Pro 同 Logic Pro 都會加入 AI 功能。", {"Final Cut Pro", "Logic Pro"}, set()),
    ("OPPO 亦喺 5 月推出 Find X8 Ultra，佢嘅長焦表現好突出。", {"Find X8 Ultra"}, {"OPPO 亦喺 5"}),
])
def test_cantonese_speech_stays_out_of_product_names(extractor, text, products, not_products):
    found = {m.text for e in _extract(extractor, text).entities if e.type == "Product" for m in e.mentions}
    assert products <= found and not (found & not_products)


@pytest.mark.parametrize(("text", "company", "not_company"), [
    ("京东方拟收购乐金显示（南京）有限公司全部股权。", "LG Display", "南京）有限公司"),
    ("美光宣布出售其西安封測廠予力成科技（西安）有限公司。", "Powertech", "西安）有限公司"),
])
def test_a_name_begun_inside_a_bracket_is_no_company(extractor, text, company, not_company):
    labels = _companies(extractor, text)
    assert not_company not in labels and any(company in label for label in labels)
