"""Company names as real news writes them, and titles in 《》 (issue 7, round 11).

Sentences of our own, Simplified and Traditional, most with companies the
lexicon does not list, so the rules are tested and not the lexicon: a Latin
name told by its last word, a name glossed in the other script, a registered
name and the short form it defines, a guessed name that cuts a known one,
words for a plant, a subsidiary or a peer, and games and apps titled in 《》.
"""

from __future__ import annotations

import pytest

from techkg.nlp.candidates import latin_company_name
from techkg.nlp.link import registered_name_cores
from techkg.records import Article

# (text, Latin names that are companies, not products)
LATIN_COMPANY_CASES = [
    ("美国的Wisk Aero、Beta Technologies与Vertical Aerospace都在争取认证。", {"Beta Technologies"}),
    ("與Lilium Aviation相比，Eve Air Mobility的機隊規模更大。", {"Lilium Aviation", "Eve Air Mobility"}),
    ("Quantum Leap Robotics与丰田合作开发仓储机器人。", {"Quantum Leap Robotics"}),
    ("Krafton旗下的Striking Distance Studios宣布裁員。", {"Striking Distance Studios"}),
    ("由Harbour Capital领投，Nova Brands跟投。", {"Harbour Capital", "Nova Brands"}),
    ("北美子公司Acme Wafers America在德州設廠。", {"Acme Wafers America"}),
    # round 12: Systems and Partners end company names too
    ("超微宣布收購伺服器業者Orion Rack Systems，交易明年完成。", {"Orion Rack Systems"}),
    ("该部门将出售给私募基金Harbor Lane Partners。", {"Harbor Lane Partners"}),
    ("新思科技去年收购了Delta Mesh Systems，并由Northgate Partners接手其EDA业务。",
     {"Delta Mesh Systems", "Northgate Partners"}),
]
# (text, Latin names that stay products)
LATIN_PRODUCT_CASES = [
    ("英伟达推出DGX Cloud服务，企业可按月租用。", {"DGX Cloud"}),
    ("苹果发布Apple Intelligence，首批支持英文。", {"Apple Intelligence"}),
]

# (text, the names of one company) — a name glossed in brackets in the other script is the same company
GLOSS_CASES = [
    ("由星海集團（Starsea Holdings）牽頭的財團提交申請，星海集團表示會盡快完成。", {"星海集團", "Starsea Holdings"}),
    ("丰田与日产合资成立的丰日移动（Toyota Nissan Mobility）今日发布首款车型。",
     {"丰日移动", "Toyota Nissan Mobility"}),
    ("索尼與本田合資的索尼本田移動（Sony Honda Mobility）公布新車。", {"索尼本田移動", "Sony Honda Mobility"}),
]

# (text, the company's names) — an abbreviation in brackets also keys the brand before a product
BRAND_ABBREVIATION_CASES = [
    ("星弧科技（ARCX）今日發表新掌機，初代ARCX Nova因續航飽受批評。", {"星弧科技", "ARCX"}),
    ("云杉智能（YSAI）发布新品，此前的YSAI Pad销量平平。", {"云杉智能", "YSAI"}),
]

# (text, the company's key, names that must be its mentions) — a registered name holding a lexicon
# name is that company; the short form it defines (下称/以下简称) names it wherever written
REGISTERED_CASES = [
    ("上海傅利叶智能科技有限公司（下称“傅利叶”）发布新机器人。傅利叶表示将扩产。", "fourier",
     {"上海傅利叶智能科技有限公司", "傅利叶"}),
    ("杭州宇樹科技股份有限公司（以下簡稱「宇樹」）今日公布新品，宇樹稱訂單充足。", "unitree",
     {"杭州宇樹科技股份有限公司", "宇樹"}),
]
# (text, the defined short name, the company's other mention) — no lexicon entry: the mechanism alone
DEFINED_SHORT_CASES = [
    ("深圳市蓝鲸数智科技有限公司（下称“蓝鲸数智”）与华为签约。蓝鲸数智称项目明年投产。",
     "蓝鲸数智", "深圳市蓝鲸数智科技有限公司"),
    ("台北市星辰半導體股份有限公司（以下簡稱「星辰」）宣布擴廠，星辰指出產能將倍增。",
     "星辰", "台北市星辰半導體股份有限公司"),
]

# (text, company that must be found, names that must not be companies)
NOT_COMPANY_CASES = [
    ("業界預期台積電亞利桑那廠將成為主要客戶。", "台積電", {"積電亞利桑那廠", "台積電亞利桑那廠"}),
    ("英飛凌將把菲律賓廠出售，菲律賓廠以封裝為主。", "英飛凌", {"菲律賓廠"}),
    ("腾讯通过新加坡子公司持有该公司股权。", "腾讯", {"新加坡子公司"}),
    ("网易旗下Everstone工作室开发的新作公测，工作室人数过百。", "网易", {"工作室", "Everstone工作室"}),
    ("環球晶曾收購德國同業世創未果。", "世創", {"德國同業世創", "同業世創"}),
    ("宁德时代的竞争对手亿纬锂能扩产。", "亿纬锂能", {"竞争对手亿纬锂能"}),
]

# (text, company that must be found, ordinary words LAC tags ORG that must not be companies) — a short
# LAC guess the tagger does not share is no company (it may still be a brand before a product)
ORDINARY_WORD_CASES = [
    ("騰訊的長青遊戲《王者榮耀》收入穩定。", "騰訊", {"長青"}),
    ("石頭科技逐步把重心轉向自有品牌，自有品牌收入已佔大部分。", "石頭科技", {"自有"}),
    ("特斯拉在续航与品牌认知上都具优势。", "特斯拉", {"认知"}),
    ("今天北方多地出现暴雪，气象台发布寒潮预警。", None, {"暴雪"}),  # a company name used as an ordinary word
]
# (text, the subsidiary, its parent) — a company named after its parent is another company
OWN_NAME_CASES = [
    ("京東集團旗下的京東幣鏈科技計劃推出穩定幣。", "京東幣鏈科技", "京東集團"),
    ("小米集团旗下的小米星链科技宣布融资。", "小米星链科技", "小米集团"),
]
# (text, the registered name, the lexicon key it holds) — a listed holding's registered name
HOLDING_CASES = [
    ("黑芝麻智能國際控股有限公司今日在港交所掛牌。", "黑芝麻智能國際控股有限公司", "black-sesame"),
]

# (text, products titled in 《》) — games and apps a product noun, a company or a Latin gloss marks
TITLE_CASES = [
    ("米哈游的开放世界游戏《星穹列车》全球上线。", {"星穹列车"}),
    ("騰訊旗下射擊遊戲《暗區突圍》9月上線。", {"暗區突圍"}),
    ("暴雪《守望先锋2》推出新赛季。", {"守望先锋2"}),
    ("網易的《漫威爭鋒》（Marvel Rivals）登上Steam熱銷榜。", {"漫威爭鋒", "Marvel Rivals"}),
    ("5月推出的《地下城與勇士：起源》手遊表現亮眼。", {"地下城與勇士：起源"}),
    ("字节跳动推出新应用《剪影日记》，主打短视频记录。", {"剪影日记"}),
]
# (text, names that are no product: technologies joined, a letter with a series word, a studio)
NOT_PRODUCT_CASES = [
    ("Rokid发布新一代AI+AR眼镜。", {"AI+AR"}),
    ("禾赛推出L系列激光雷达。", {"L系列", "L"}),
    ("网易旗下Everstone工作室开发的新作上线。", {"Everstone", "网易旗下Everstone"}),
]

# (text, titles that are no product) — books, films, laws, reports, newspapers
NOT_TITLE_CASES = [
    ("美國《晶片法案》補助申請截止。", {"晶片法案"}),
    ("电影《流浪地球3》定档春节。", {"流浪地球3"}),
    ("腾讯发布《2024年可持续发展报告》。", {"2024年可持续发展报告"}),
    ("他在接受《經濟日報》採訪時表示看好。", {"經濟日報"}),
]


def _entities(extractor, text):
    return extractor.extract(Article(id="t", text=text)).entities


def _names(extractor, text, etype):
    return {m.text for e in _entities(extractor, text) if e.type == etype for m in e.mentions}


@pytest.mark.parametrize(("text", "names"), LATIN_COMPANY_CASES)
def test_latin_names_ending_in_a_company_word_are_companies(extractor, text, names):
    assert names <= _names(extractor, text, "Company")
    assert not names & _names(extractor, text, "Product")


@pytest.mark.parametrize(("text", "names"), LATIN_PRODUCT_CASES)
def test_latin_product_names_stay_products(extractor, text, names):
    assert names <= _names(extractor, text, "Product")


@pytest.mark.parametrize(("name", "length"), [
    ("Joby Aviation", 13), ("GlobalWafers America", 20), ("Animoca Brands", 14), ("DGX Cloud", None),
    ("Apple Intelligence", None), ("Mobility", None), ("the Bank of the World", None),
])
def test_latin_company_name(name, length):
    assert latin_company_name(name) == length


@pytest.mark.parametrize(("text", "names"), GLOSS_CASES)
def test_a_gloss_in_the_other_script_is_the_same_company(extractor, text, names):
    holders = [e for e in _entities(extractor, text) if names & {m.text for m in e.mentions}]
    assert len(holders) == 1, [(e.type, e.label, [m.text for m in e.mentions]) for e in holders]
    assert holders[0].type == "Company" and names <= {m.text for m in holders[0].mentions}


@pytest.mark.parametrize(("text", "key", "names"), REGISTERED_CASES)
def test_registered_names_keep_the_company_they_hold(extractor, text, key, names):
    found = {e.key: e for e in _entities(extractor, text) if e.type == "Company"}
    assert key in found, sorted(found)
    assert names <= {m.text for m in found[key].mentions}


@pytest.mark.parametrize(("text", "short", "full"), DEFINED_SHORT_CASES)
def test_a_defined_short_name_names_its_company_everywhere(extractor, text, short, full):
    holders = [e for e in _entities(extractor, text) if e.type == "Company" and full in {m.text for m in e.mentions}]
    assert holders and [m.text for m in holders[0].mentions].count(short) >= 2


@pytest.mark.parametrize(("name", "cores"), [
    ("上海傅利叶智能科技有限公司", ["上海傅利叶智能", "傅利叶智能", "傅利叶"]),
    ("北京石头世纪科技股份有限公司", ["北京石头世纪科技", "石头世纪科技", "石头世纪"]),
    ("傅利叶智能", []),  # no legal form: not a registered name
])
def test_registered_name_cores(name, cores):
    assert registered_name_cores(name) == cores


@pytest.mark.parametrize(("text", "company", "not_companies"), NOT_COMPANY_CASES)
def test_plants_subsidiaries_studios_and_peers_are_no_companies(extractor, text, company, not_companies):
    names = _names(extractor, text, "Company")
    assert company in names and not names & not_companies, names


@pytest.mark.parametrize(("text", "titles"), TITLE_CASES)
def test_game_and_app_titles_are_products(extractor, text, titles):
    assert titles <= _names(extractor, text, "Product")


@pytest.mark.parametrize(("text", "titles"), NOT_TITLE_CASES)
def test_other_titles_are_no_products(extractor, text, titles):
    assert not titles & _names(extractor, text, "Product")


@pytest.mark.parametrize(("text", "company", "words"), ORDINARY_WORD_CASES)
def test_ordinary_words_tagged_org_are_no_companies(extractor, text, company, words):
    names = _names(extractor, text, "Company")
    assert (company is None or company in names) and not names & words, names


@pytest.mark.parametrize(("text", "child", "parent"), OWN_NAME_CASES)
def test_a_company_named_after_its_parent_is_another_company(extractor, text, child, parent):
    key_of = {m.text: e.key for e in _entities(extractor, text) if e.type == "Company" for m in e.mentions}
    assert child in key_of and parent in key_of and key_of[child] != key_of[parent], key_of


@pytest.mark.parametrize(("text", "name", "key"), HOLDING_CASES)
def test_a_holdings_registered_name_is_the_company_it_holds(extractor, text, name, key):
    key_of = {m.text: e.key for e in _entities(extractor, text) if e.type == "Company" for m in e.mentions}
    assert key_of.get(name) == key, key_of


@pytest.mark.parametrize(("text", "names"), NOT_PRODUCT_CASES)
def test_not_products(extractor, text, names):
    assert not names & _names(extractor, text, "Product")


@pytest.mark.parametrize(("text", "names"), BRAND_ABBREVIATION_CASES)
def test_an_abbreviation_keys_the_brand_before_a_product(extractor, text, names):
    holders = [e for e in _entities(extractor, text) if e.type == "Company" and names & {m.text for m in e.mentions}]
    assert len(holders) == 1 and names <= {m.text for m in holders[0].mentions}, [e.label for e in holders]
