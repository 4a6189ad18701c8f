"""Companies and products as general news writes them (issue 15): where the rules undid the tagger.

Classes found on the tuning blocks of CLUENER (lines 8,749-9,748) and BosonNLP
(lines 1,201-1,600), never their test parts, where the whole pipeline lost a
company or product the tagger had right, or added a false one. Each class is
tested with sentences of our own, Simplified and Traditional, with a negative
that must stay as it was.
"""

from __future__ import annotations

import pytest

from techkg.records import Article


def _names(extractor, text, etype):
    entities = extractor.extract(Article(id="t", text=text)).entities
    return {m.text for e in entities if e.type == etype for m in e.mentions}


def _check(extractor, text, etype, found, not_found):
    """Every name of ``found`` is an ``etype`` mention of the text and none of ``not_found`` is."""
    names = _names(extractor, text, etype)
    assert found <= names and not names & not_found, names


# (text, companies that must be found, names that must not be companies) — a word after a
# name that begins like an event ending (日, 展, 节) but is a verb, an adverb, a place or a booth
# does not make the name an event: "海马汽车展出了", "北京联通日前", "索尼日本"; "鸿海科技日" is one
EVENT_LOOKALIKE_CASES = [
    ("在刚落幕的车展上，海马汽车展出了全新的概念车型。", {"海马汽车"}, set()),
    ("在剛落幕的車展上，海馬汽車展出了全新的概念車型。", {"海馬汽車"}, set()),
    ("网速问题引起网友关注。北京联通日前接受记者采访时回应。", {"北京联通"}, set()),
    ("網速問題引起網友關注。北京聯通日前接受記者採訪時回應。", {"北京聯通"}, set()),
    ("江苏舜天展台前人头攒动，华晨汽车展示了三款新车。", {"江苏舜天", "华晨汽车"}, set()),
    ("在这次活动中，光明乳业节省了大量成本。", {"光明乳业"}, set()),
    ("鸿海科技日在台北举行，恒生科技指数当天上涨。", set(), {"鸿海科技", "恒生科技"}),
]


@pytest.mark.parametrize(("text", "companies", "not_companies"), EVENT_LOOKALIKE_CASES)
def test_a_verb_after_a_name_is_no_event_ending(extractor, text, companies, not_companies):
    _check(extractor, text, "Company", companies, not_companies)


# (text, companies and products that must be found, names that must not be entities) — a headline in
# brackets opening a paragraph is part of the story, not a dateline; an outlet or credit in brackets is one
BRACKETED_HEADLINE_CASES = [
    ("【加码可穿戴？小米将推出新一代手环】3月2日消息，据媒体报道。", {"小米"}, set()),
    ("【加碼穿戴裝置？小米將推出新一代手環】3月2日消息，據媒體報導。", {"小米"}, set()),
    ("【诺基亚Lumia 920港行售价出炉月底开卖】据悉，该机将于月底上市。", {"Lumia 920"}, set()),
    ("【《原神》移动版8月1日开测决定】米哈游宣布了测试安排。", {"原神", "米哈游"}, set()),
    ("【TechWeb】3月12日消息，腾讯发布混元大模型。", {"腾讯", "混元大模型"}, {"TechWeb"}),
    ("【香港經濟日報】騰訊公布業績。", {"騰訊"}, {"香港經濟日報"}),
]


@pytest.mark.parametrize(("text", "entities", "not_entities"), BRACKETED_HEADLINE_CASES)
def test_a_bracketed_headline_is_no_dateline(extractor, text, entities, not_entities):
    names = _names(extractor, text, "Company") | _names(extractor, text, "Product")
    assert entities <= names and not names & not_entities, names


# (text, products that must be found, companies that must be found) — a Latin name before a cue of
# going on sale with no object, before a passive 发布于, or before a release written as a noun (的全球发布)
# is the product coming out, not a company bringing it; a company selling or releasing something stays one
RELEASED_THING_CASES = [
    ("Person Finder首次发布于2010年1月的海地地震。", {"Person Finder"}, set()),
    ("Galaxy Ring首次發布於2024年，三星隨後推出新款。", {"Galaxy Ring"}, {"三星"}),
    ("北美版BDBOX将于2013年8月27日发售。", {"BDBOX"}, set()),
    ("北美版BDBOX將於2013年8月27日發售。", {"BDBOX"}, set()),
    ("Nothing Phone将于7月开卖，Nothing发布了新耳机。", {"Nothing Phone"}, {"Nothing"}),
    ("MG6 DTi在广州车展上的全球发布标志着上汽的进步。", {"MG6 DTi"}, {"上汽"}),
    ("Sony将于下月发售PS5 Pro，Joby今日发布了新机型。", {"PS5 Pro"}, {"Sony", "Joby"}),
]


@pytest.mark.parametrize(("text", "products", "companies"), RELEASED_THING_CASES)
def test_what_goes_on_sale_is_the_product(extractor, text, products, companies):
    found_products, found_companies = _names(extractor, text, "Product"), _names(extractor, text, "Company")
    assert products <= found_products and companies <= found_companies and not products & found_companies, (
        found_products, found_companies)


# (text, companies that must be found, names that must not be companies) — a company name that begins
# right after a person's surname and runs past the person's name ("马云从回顾" is 马云 + 从) names no
# company; a company written after a whole name ("李斌蔚来日") or alone stays one
ACROSS_PERSON_NAME_CASES = [
    ("马云在大会上发表演讲，马云从回顾阿里巴巴走过的历程谈起。", {"阿里巴巴"}, {"云从"}),
    ("馬雲從阿里巴巴退休後，雲從科技上市。", {"阿里巴巴", "雲從科技"}, {"雲從"}),
    ("马云从阿里巴巴退休后，云从科技上市。", {"阿里巴巴", "云从科技"}, {"云从"}),
    ("李斌蔚来日活动上说，刘强东京东物流发布会也在今天。", {"蔚来", "京东物流"}, set()),
]


@pytest.mark.parametrize(("text", "companies", "not_companies"), ACROSS_PERSON_NAME_CASES)
def test_a_name_across_a_persons_name_is_no_company(extractor, text, companies, not_companies):
    _check(extractor, text, "Company", companies, not_companies)


# (text, companies that must be found, words that must not be companies) — an ordinary word LAC puts
# before 公司 or 集团 that the tagger reads no company in is no company's name ("原则公司将", "交流集团14报");
# a name the tagger reads stays one
WORD_BEFORE_COMPANY_CASES = [
    ("出于公平公开的原则公司将从实用性、稳定性进行评估。", set(), {"原则"}),
    ("出於公平公開的原則公司將從實用性進行評估。", set(), {"原則", "原则"}),
    ("华龙网在互联网上使用、发布、交流集团14报1刊的新闻信息。", set(), {"交流"}),
    ("華龍網在互聯網上使用、發佈、交流集團14報1刊的新聞信息。", set(), {"交流"}),
    ("据悉，宏达公司今年营收增长，北京宏远集团发布公告。", {"宏达公司", "北京宏远集团"}, set()),
]


@pytest.mark.parametrize(("text", "companies", "not_companies"), WORD_BEFORE_COMPANY_CASES)
def test_an_ordinary_word_before_gongsi_is_no_company(extractor, text, companies, not_companies):
    _check(extractor, text, "Company", companies, not_companies)


# (text, companies that must be found, words that must not be companies) — a company name that is also
# an ordinary word is that word where LAC reads it as a verb ("让人会联想这行为") or a cue of its ordinary
# sense stands in the sentence (a building's 绿色三星 rating); the company acting stays one
ORDINARY_WORD_CASES = [
    ("从截图看，这也不禁让人会联想这行为可能是为了打压苹果。", {"苹果"}, {"联想"}),
    ("從截圖看，這也不禁讓人會聯想這行為可能是為了打壓蘋果。", {"蘋果"}, {"聯想", "联想"}),
    ("我们都会联想，这很正常。", set(), {"联想"}),
    ("在全国共开发了75万平米的绿色三星住宅。", set(), {"三星"}),
    ("該項目獲得綠色建築三星標識。", set(), {"三星"}),
    ("联想发布了新款ThinkPad，三星发布Galaxy S25，获得五星好评。", {"联想", "三星"}, set()),
]


@pytest.mark.parametrize(("text", "companies", "not_companies"), ORDINARY_WORD_CASES)
def test_a_company_name_used_as_an_ordinary_word_is_no_company(extractor, text, companies, not_companies):
    _check(extractor, text, "Company", companies, not_companies)


# (text, products that must be found, names that must not be products) — a Latin acronym glued to a year
# with a contest or meeting noun after it in its clause is that event's edition, no product; a model
# number that looks like a year (RTX2080) or a product with its year stays one
YEAR_EDITION_CASES = [
    ("他带着队友参加了WCG2012的比赛，最终没能夺冠。", set(), {"WCG2012"}),
    ("他帶著隊友參加了WCG2012的比賽，最終沒能奪冠。", set(), {"WCG2012"}),
    ("7月12日晚，CPL2011线上选拔赛正式开打。", set(), {"CPL2011"}),
    ("ECL2010的四个赛季都以即时战略游戏为主。", set(), {"ECL2010"}),
    ("英伟达RTX2080显卡在大赛中被广泛使用，微软Office2019今日发布。", {"RTX2080", "Office2019"}, set()),
]


@pytest.mark.parametrize(("text", "products", "not_products"), YEAR_EDITION_CASES)
def test_an_events_yearly_edition_is_no_product(extractor, text, products, not_products):
    _check(extractor, text, "Product", products, not_products)


# (text, companies that must be found, names that must not be companies) — firms whose names end like an
# institution's: a trading firm's 工贸中心, a law or accounting firm's 事务所, a development company's 发展
# (no exhibition's 展), a state builder's numbered 局 and 招商局; a police bureau, an institute, a data
# centre and a bare 律师事务所 stay no companies
FIRM_LIKE_INSTITUTION_CASES = [
    ("据第九年销售贺岁金条的天津宝华工贸中心有关人士估计，金价仍会上涨。", {"天津宝华工贸中心"}, set()),
    ("成都泰和泰律师事务所律师李华回应称，身份证丢失后应及时挂失。", {"成都泰和泰律师事务所"}, set()),
    ("持卡费用最低的银行为建行、农行、光大、工行、深发展。", {"深发展", "建行"}, set()),
    ("資質達到中鐵五局要求的會員均可參與，招商局B股收盤價為25.2港元。", {"中鐵五局", "招商局"}, set()),
    ("北京市公安局和市研究所联合发布通知，数据中心开建，多家律师事务所参与。", set(),
     {"北京市公安局", "公安局", "市研究所", "数据中心", "律师事务所"}),
]


@pytest.mark.parametrize(("text", "companies", "not_companies"), FIRM_LIKE_INSTITUTION_CASES)
def test_firms_named_like_institutions_are_companies(extractor, text, companies, not_companies):
    _check(extractor, text, "Company", companies, not_companies)


# (text, companies that must be found, names that must not be companies) — a LAC guess running from a
# company's name into a count of its units ("花旗两家贷款子公司") is no company, but the name the tagger
# reads before the count still is; a kind of bank or lender, or a lab, stays none
NAME_BEFORE_UNITS_CASES = [
    ("10月7日，花旗两家贷款子公司获批，为外资银行开先例。", {"花旗"}, {"花旗两家贷款子公司"}),
    ("10月7日，花旗兩家貸款子公司獲批，為外資銀行開先例。", {"花旗"}, {"花旗兩家貸款子公司"}),
    ("不少村镇银行还处于困境中，首批10家小额贷款公司已开张。", set(), {"村镇银行", "小额贷款公司"}),
    ("斯坦福人工智能实验室主任公开批评了这一行为。", set(), {"斯坦福人工智能", "斯坦福人工智能实验室"}),
]


@pytest.mark.parametrize(("text", "companies", "not_companies"), NAME_BEFORE_UNITS_CASES)
def test_a_name_before_its_units_stays_a_company(extractor, text, companies, not_companies):
    _check(extractor, text, "Company", companies, not_companies)


# (text, companies that must be found, names that must not be companies) — a company's name before 号 or
# 级 in a sentence about warships names a ship or its class ("福特级航母首舰福特号"); 号称 is no ship, and
# a company giving a ship stays a company
VESSEL_CASES = [
    ("近日，美国已经完成了福特级航母首舰福特号的螺旋桨安装。", set(), {"福特"}),
    ("近日，美國已經完成了福特級航母首艦福特號的螺旋槳安裝。", set(), {"福特"}),
    ("专家认为，“福特”号航母采用的多种高新技术领先。", set(), {"福特"}),
    ("福特号称今年销量第一，福特汽车股价上涨。", {"福特", "福特汽车"}, set()),
    ("福特向美国海军捐赠了一艘训练舰。", {"福特"}, set()),
]


@pytest.mark.parametrize(("text", "companies", "not_companies"), VESSEL_CASES)
def test_a_ship_named_like_a_company_is_no_company(extractor, text, companies, not_companies):
    _check(extractor, text, "Company", companies, not_companies)


# (text, products that must be found, cut names that must not be products) — a model number's 系 names
# its series with it ("宝马5系", as 系列 does: "Mate 40系列") and a Roman numeral glyph after a Latin
# name is its generation ("GALAXY S Ⅱ"); 系统 after a model is no part of it
SERIES_AND_NUMERAL_CASES = [
    ("宝马5系今年销量大增。", {"宝马5系"}, {"宝马5"}),
    ("寶馬5系今年銷量大增。", {"寶馬5系"}, {"寶馬5"}),
    ("比如新上市的宝马3系长轴距版，由于货源紧张。", {"宝马3系"}, {"宝马3"}),
    ("三星GALAXY S Ⅱ的Verizon版非常值得关注。", {"GALAXY S Ⅱ"}, {"GALAXY S"}),
    ("新款X5系统升级，Mate 40系列热销。", {"X5", "Mate 40系列"}, {"X5系", "X5系统"}),
]


@pytest.mark.parametrize(("text", "products", "not_products"), SERIES_AND_NUMERAL_CASES)
def test_a_series_or_generation_mark_belongs_to_the_model(extractor, text, products, not_products):
    _check(extractor, text, "Product", products, not_products)


# (text, products that must be found, titles that must not be products) — a title a show, film, book or
# article noun follows is that work, whoever stands before it ("新华网《第一回应》栏目"); a game after its
# maker or before 手游 stays a product
TITLED_WORK_CASES = [
    ("北京联通日前接受新华网《第一回应》栏目记者采访时回应。", set(), {"第一回应"}),
    ("北京聯通日前接受新華網《第一回應》欄目記者採訪時回應。", set(), {"第一回應", "第一回应"}),
    ("央视《对话》栏目邀请了小米创始人。", set(), {"对话"}),
    ("腾讯《王者荣耀》手游今日更新，暴雪《守望先锋2》也上线。", {"王者荣耀", "守望先锋2"}, set()),
]


@pytest.mark.parametrize(("text", "products", "not_products"), TITLED_WORK_CASES)
def test_a_title_before_a_work_noun_is_no_product(extractor, text, products, not_products):
    _check(extractor, text, "Product", products, not_products)


# (text, products that must be found, quoted texts that must not be products) — a quoted theory or ranking
# ("“安全威胁论”", "“全球上市公司2000强”排行榜") names no product; a quoted name a release cue introduces stays one
QUOTED_THEORY_CASES = [
    ("美国参议院情报委员会发表“安全威胁论”，认为华为的产品可能威胁美国。", set(), {"安全威胁论"}),
    ("美國參議院情報委員會發表「安全威脅論」，認為華為的產品可能威脅美國。", set(), {"安全威脅論", "安全威胁论"}),
    ("美国《福布斯》杂志公布了最新“全球上市公司2000强”排行榜。", set(), {"全球上市公司2000强"}),
    ("阿里巴巴推出了名为“淘宝闪购”的新服务，華為推出名為「小藝」的助手。", {"淘宝闪购", "小藝"}, set()),
]


@pytest.mark.parametrize(("text", "products", "not_products"), QUOTED_THEORY_CASES)
def test_a_quoted_theory_or_ranking_is_no_product(extractor, text, products, not_products):
    _check(extractor, text, "Product", products, not_products)


# (text, products that must be found, names that must not be products) — "vs" glued to a team sets two sides
# against each other and a number before 胜/负/场 counts a team's results, before 楼/回 a floor or a chapter:
# no model ("拜仁vs科特布斯", "那不勒斯队16胜18平12负", "电子城3楼"); a brand's model number stays a product
MATCH_AND_RECORD_CASES = [
    ("8.拜仁vs科特布斯从目前的数据来看，主队占优。", set(), {"拜仁vs"}),
    ("03.沙尔克04vs曼城", set(), {"沙尔克04vs", "沙尔克04"}),
    ("两队历史上只交战过46场，那不勒斯队16胜18平12负占据优势。", set(), {"那不勒斯队16"}),
    ("兩隊歷史上只交戰過46場，那不勒斯隊16勝18平12負佔據優勢。", set(), {"那不勒斯隊16", "那不勒斯队16"}),
    ("华为Mate 60 Pro和小米14同场竞技，小米14场景模式丰富。", {"Mate 60 Pro", "小米14"}, set()),
    ("地址：大连市沙河口区长兴电子城3楼E区，另有评书封神演义200回全集。", set(), {"长兴电子城3", "封神演义200"}),
    ("地址：大連市沙河口區長興電子城3樓E區。", set(), {"長興電子城3", "长兴电子城3"}),
    ("小米14回归后销量大增，荣耀X50集成了新芯片。", {"小米14", "荣耀X50"}, set()),
]


@pytest.mark.parametrize(("text", "products", "not_products"), MATCH_AND_RECORD_CASES)
def test_a_match_or_a_teams_record_is_no_model(extractor, text, products, not_products):
    _check(extractor, text, "Product", products, not_products)


# (text, companies that must be found, names that must not be companies) — a ▲ before a long paragraph is
# a bullet of the story; only a short line after it is a caption ("▲ 圖／翻攝自蘋果官網")
BULLET_PARAGRAPH_CASES = [
    ("▲我实际还搜了其他好几个关键字，但是翻了好几页都还找不到答案。然而在Bing之前，五月Google就提出自己的"
     "语意搜寻功能，知识图谱会在搜寻结果的侧栏额外提供答案。", {"Google"}, set()),
    ("▲我實際還搜了其他好幾個關鍵字，但是翻了好幾頁都還找不到答案。然而在Bing之前，五月Google就提出自己的"
     "語意搜尋功能，會在搜尋結果的側欄額外提供答案。", {"Google"}, set()),
    ("華為發表新機。\n▲ 圖／翻攝自蘋果官網\n小米也推出新品。", {"華為", "小米"}, {"蘋果"}),
]


@pytest.mark.parametrize(("text", "companies", "not_companies"), BULLET_PARAGRAPH_CASES)
def test_a_bulleted_paragraph_is_story_and_a_caption_furniture(extractor, text, companies, not_companies):
    _check(extractor, text, "Company", companies, not_companies)


# (text, companies that must be found, names that must not be products) — a company's name glued to its
# name in the other script ("英伟达NVIDIA", "輝達NVIDIA") is that company twice, neither a product of
# its brand nor a joint venture; a brand before its model stays a brand, two parents a venture
OTHER_SCRIPT_NAME_CASES = [
    ("英伟达NVIDIA今天发布了新显卡。", {"英伟达", "NVIDIA"}, {"NVIDIA"}),
    ("輝達NVIDIA今天發表新顯卡。", {"輝達", "NVIDIA"}, {"NVIDIA"}),
    ("高通Qualcomm推出骁龙8 Gen 3。", {"高通", "Qualcomm"}, {"Qualcomm"}),
    ("广汽丰田表示，华为Mate 60 Pro和微软Surface Pro同台。", {"广汽丰田"}, {"Mate 60", "Surface"}),
    ("谷歌GCP与輝達NVIDIA合作。", {"輝達", "NVIDIA"}, {"NVIDIA", "輝達NVIDIA"}),
]


@pytest.mark.parametrize(("text", "companies", "not_products"), OTHER_SCRIPT_NAME_CASES)
def test_a_name_in_both_scripts_is_one_company(extractor, text, companies, not_products):
    found_companies, found_products = _names(extractor, text, "Company"), _names(extractor, text, "Product")
    assert companies <= found_companies and not found_products & not_products, (found_companies, found_products)


# (text, joint venture that must be found, names that must not be companies) — a carmaker the lexicon
# lists glued to a maker it does not list ("一汽马自达", "华晨宝马", "广汽菲克") is their joint venture, one
# company; a place before a carmaker ("上海通用汽车") or a service after a brand ("顺丰特快") is none
UNLISTED_PARTNER_VENTURE_CASES = [
    ("一汽马自达在数字营销方面投入很大。", {"一汽马自达"}, {"一汽"}),
    ("一汽馬自達在數字營銷方面投入很大。", {"一汽馬自達"}, {"一汽"}),
    ("东风本田发布新车，华晨宝马今年产量创新高。", {"东风本田", "华晨宝马"}, {"本田", "宝马"}),
    ("廣汽菲克宣布停產。", {"廣汽菲克"}, {"廣汽"}),
    ("顺丰特快和顺丰标快两项服务今日提价。", {"顺丰"}, {"顺丰特快", "顺丰标快"}),
]


@pytest.mark.parametrize(("text", "companies", "not_companies"), UNLISTED_PARTNER_VENTURE_CASES)
def test_a_carmaker_glued_to_an_unlisted_maker_is_their_venture(extractor, text, companies, not_companies):
    _check(extractor, text, "Company", companies, not_companies)


# (text, companies that must be found, names that must not be companies) — a weak company name (one that
# is also a word) followed by 的 and a company noun (员工, 创始人, 股价) is the company; the word alone stays none
WEAK_NAME_OWNER_CASES = [
    ("当时艺电的员工超过了9000名。", {"艺电"}, set()),
    ("當時藝電的員工超過了9000名。", {"藝電"}, set()),
    ("地平线的创始人余凯表示，公司将上市。", {"地平线"}, set()),
    ("远处的地平线的景色很美，新年吉利的说法很多。", set(), {"地平线", "吉利"}),
]


@pytest.mark.parametrize(("text", "companies", "not_companies"), WEAK_NAME_OWNER_CASES)
def test_a_weak_name_owning_staff_is_a_company(extractor, text, companies, not_companies):
    _check(extractor, text, "Company", companies, not_companies)


# (text, companies that must be found, names that must not be companies) — a building or site named after a
# company ("中国银行大厦", "百度新大厦", "央视新址") is a place, and its name used as a verb ("百度一下") a
# search: no mention of the company
BUILDING_CASES = [
    ("不懂就百度一下，或者谷歌一下。", set(), {"百度", "谷歌"}),
    ("不懂就百度一下，或者Google一下。", set(), {"百度", "Google"}),
    ("百度一下你就知道，百度今天发布财报。", {"百度"}, set()),
    ("钞票背面以澳门中国银行大厦为主景图案。", set(), {"中国银行"}),
    ("鈔票背面以澳門中國銀行大廈為主景圖案。", set(), {"中國銀行", "中国银行"}),
    ("游客还可以到百度新大厦，了解最新的搜索技术。", set(), {"百度"}),
    ("中国银行发布年报，百度大涨。", {"中国银行", "百度"}, set()),
]


@pytest.mark.parametrize(("text", "companies", "not_companies"), BUILDING_CASES)
def test_a_building_or_a_verb_named_after_a_company_is_no_mention(extractor, text, companies, not_companies):
    _check(extractor, text, "Company", companies, not_companies)
