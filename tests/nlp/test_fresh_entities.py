"""Companies and products as general news writes them (issue 7, round 12).

Classes found on the tuning blocks of CLUENER and BosonNLP (never their test
parts) and in the c115-c138 dev articles, each tested with sentences of our
own, Simplified and Traditional, mixed scripts and full-width characters:
kinds of bank and firm named by their trade, which are no company; parties,
armed forces, religious schools, chambers and legislatures, which are no
company either; media formats, business models, gearbox kinds, core counts
and measures with a decimal (an engine's "1.6L"), which are no products; web
addresses, e-mail addresses and handles, whose pieces name nobody; an amount,
a year or a count written right after a company's name, which is no model; a
joint venture named by its two parents glued together, which is one company;
LAC's ORG guesses across words that the tagger does not share; a product name
that is also an ordinary noun (a post on 微博 is a 微博) used as that noun; an
edition or sales channel in brackets after a product, which is no gloss; a code
a noun says identifies something (a batch, a registration, a licence plate); a
country's industry written as a company's name and 业 (中国银行业); a named branch.

Round 16 (classes from the c163-c186 misses, Hong Kong and Taiwan writing among them): a time phrase
after a Latin name and Hong Kong's possessive 嘅; a Latin name after a person's title; traders, startups
and acquired names as companies; a bare number keyed within its maker; names only the tagger read,
listed with companies; kinds of company before an apposed Latin name, plants, share issues and market
editions as no names; a Latin name with a firm's word; a plus sign as a model's variant.
"""

from __future__ import annotations

import re

import pytest

from techkg.nlp.candidates import is_non_company
from techkg.records import Article

# (text, company that must be found or None, names that must not be companies) — a kind of bank or
# firm named by its trade or standing is no company; a bank named after its country or city is one
KIND_OF_FIRM_CASES = [
    ("不少村镇银行还处于生存困境中，招商银行则在扩张。", "招商银行", {"村镇银行"}),
    ("這類貸款絕大部分由合作銀行出資，螞蟻自身出資比例很低。", None, {"合作銀行"}),
    ("在中资银行普遍下调利率后，外资银行也跟进。", None, {"中资银行", "外资银行"}),
    ("首批10家小额贷款公司已开张，另有一家硬木家具公司申请。", None, {"小额贷款公司", "小额贷款", "硬木家具公司"}),
    ("主流公司纷纷看好主队，據網絡數據公司統計，投注量大增。", None, {"主流", "数据", "數據", "主流公司"}),
    ("虛擬銀行與傳統銀行競爭，中國銀行表示歡迎。", "中國銀行", {"虛擬銀行", "傳統銀行"}),
]

# (text, company that must be found or None, organisations that must not be companies)
NOT_A_FIRM_CASES = [
    ("國民黨官員當天與台積電高層會面。", "台積電", {"國民黨"}),
    ("共和党候选人批评苹果的定价。", "苹果", {"共和党"}),
    ("满载中央军的汽车驶入大海，解放军随后赶到。", None, {"中央军", "解放军"}),
    ("陆军和海军陆战队的账户将在8月见底，洛克希德·马丁公司表示关注。", None, {"海军陆战队"}),
    ("中国住宅产业商会秘书长表示，万科的新盘去化良好。", "万科", {"中国住宅产业商会", "住宅产业商会"}),
    ("全國人大常委會副委員長視察了比亞迪。", "比亞迪", {"全國人大常委會", "全国人大常委会"}),
]

# (text, product that must be found or None, words that must not be products)
NOT_A_PRODUCT_WORD_CASES = [
    ("这款车机支持RMVB、MPEG4、MP3等格式，另可阅读EPUB与CHM文本。", None, {"RMVB", "MPEG4", "MP3", "EPUB", "CHM"}),
    ("華為從B2B企業轉向消費品牌，P2P信貸與SNS產品也在其中。", None, {"B2B", "P2P", "SNS"}),
    ("新增1.4T手动车型，另一款搭载1.6L发动机与CVT变速箱的腾翼C50明年上市。", "腾翼C50", {"1.4T", "1.6L", "CVT"}),
    ("天語S5四核手機內置高通驍龍MSM8225Q四核１.２GHz處理器。", "驍龍MSM8225Q", {"四核", "１.２GHz", "1.2GHz"}),
    ("2.0T車型採用了紅色標誌，2.4L車型則採用鍍鉻設計。", None, {"2.0T", "2.4L"}),
]
# (text, entity that must be found or None, pieces of addresses and handles that must not be entities)
WEB_ADDRESS_CASES = [
    ("直播地址：http://kan.sina.com.cn/we/sc2.html，百度同日发布文心一言。", "文心一言", {"sina", "sc2"}),
    ("詳情見 https://t.cn/A6xY3Kp9 ，小米也在官網公布了價格。", "小米", {"A6xY3Kp9", "t.cn"}),
    ("要是四点下班该多么美好@MinJieGao @Viviana王骞 http://t.cn/8kLmQ2", None, {"MinJieGao", "Viviana"}),
    ("媒體查詢請寄 press@nvidia.com，輝達並未回應。", "輝達", {"nvidia.com", "press"}),
    ("包括腾讯汽车（微博）在内的媒体采访了华为。", "华为", {"微博"}),
    ("留學資訊：ｗｗｗ．ｌｉｕｘｕｅ３６０．ｃｏｍ／ｆｒ，蘋果今日發表ｉＰｈｏｎｅ １６。", "ｉＰｈｏｎｅ １６",
     {"ｌｉｕｘｕｅ３６０", "liuxue360"}),
    ("甲骨文與微軟推出Oracle Database@Azure，客戶可直接使用。", "Oracle Database@Azure", set()),
    ("网友@我是小南在新浪微博上写道：淘宝商城改名了。", "新浪微博", {"我是小南"}),  # a handle with no end mark
]
# (text, company that must be found, names that must not be products)
NUMBER_AFTER_NAME_CASES = [
    ("汇润投资归还深航11.7亿元，深航随即报案。", "深航", {"深航11.7", "深航11"}),
    ("鸿海去年营收6.16兆元，創下新高。", "鸿海", {"鸿海6.16", "鸿海6"}),
    ("給力洛可可2014春新款通勤包上架。", "洛可可", {"洛可可2014"}),
    ("附：重庆日报报业集团14报1刊的名单。", "重庆日报报业集团", {"重庆日报报业集团14"}),
    ("寧德時代2024年營收創新高。", "寧德時代", {"寧德時代2024"}),
]
# (text, the joint venture's name, its parents written alone elsewhere in the text or None)
JOINT_VENTURE_CASES = [
    ("广汽丰田表示，新车的研发大多在中国完成，丰田则负责电池。", "广汽丰田", "丰田"),
    ("此前一汽丰田推出的bZ3，由丰田与比亚迪共同开发。", "一汽丰田", "比亚迪"),
    ("廣汽本田今日公布銷量，本田全球銷量同步下滑。", "廣汽本田", "本田"),
    ("一汽 丰田 领导出席发布会。", "一汽 丰田", None),
    ("索尼爱立信在伦敦发布新机，爱立信随后退出。", "索尼爱立信", "爱立信"),
]
# (text, company that must be found, LAC ORG guesses across words that must not be companies)
LAC_GUESS_CASES = [
    ("这家老书店在网络售书中大振声威，京东随后也加入了竞争。", "京东", {"中大振"}),
    ("我國在聯合國任常任理事國已逾五十年，華為則持續在海外擴張。", "華為", {"聯合國任"}),
    ("海南一信用社員工挪用公款，建設銀行隨即報警。", "建設銀行", {"海南一"}),
    ("2014新款神马丽天妮女包今日上架淘宝，阿里表示销量不错。", "阿里", {"神马丽天妮"}),
    ("台中文化周昨日在松山文創園區開幕，宏碁到場支持。", "宏碁", {"文化周", "台中文化周"}),
]
# (text, how many of its 微博 mentions name the platform)
POST_CASES = [
    ("他昨晚连发三条微博道歉，微博上的讨论随即升温。", 1),
    ("該微博已被轉發超過百萬次，微博官方隨後介入。", 1),
    ("余承東說：「我發微博只為宣傳產品。」他在微博上相當活躍。", 1),
    ("副镇长开微博求助，这条促销微博两天卖光了苹果。", 0),
    ("冯骥在微博上感谢玩家，微博用户纷纷留言。", 2),
]
# (text, product that must be found, bracketed notes that must not be products)
EDITION_NOTE_CASES = [
    ("联想K330（飚速版）在市场中价格已经跌至4998元。", "K330", {"飚速版"}),
    ("HTC 渴望S（行貨）在網上商城促銷。", "渴望S", {"行貨", "行货"}),
    ("华为Mate 60（国行）今日开售，海外版稍后上市。", "Mate 60", {"国行"}),
    ("Galaxy Z Fold7（陸版）售價公布。", "Galaxy Z Fold7", {"陸版"}),
]
# (text, product that must be found or None, identifiers that must not be products)
IDENTIFIER_CASES = [
    ("药监局要求回收批号为BX2207的感冒胶囊，涉事批次已下架。", None, {"BX2207"}),
    ("該產品（註冊編號：HKP-05528）已停售，蘋果的iPhone 16不受影響。", "iPhone 16", {"HKP-05528"}),
    ("肇事面包车车牌照为冀JA6C32，车主已到案。", None, {"JA6C32"}),
    ("订单号：TX20240812A的买家收到了小米14。", "小米14", {"TX20240812A"}),
    ("新机型号为A3293，即苹果的iPhone 16。", "iPhone 16", set()),
]
# (text, companies that must be found, names that must not be companies)
INDUSTRY_AND_BRANCH_CASES = [
    ("中国银行业协会今日发布报告，建行表示认同。", {"建行"}, {"中国银行"}),
    ("香港銀行業正面對虛擬銀行的競爭，匯豐則加快轉型。", {"匯豐"}, {"香港銀行"}),
    ("中国银行业务增长迅速，中国银行行长对此表示满意。", {"中国银行"}, set()),
    ("工行北京分行与首创股份签署并购贷款合作意向书。", {"工行北京分行"}, {"工行"}),
    ("但農業銀行蒙城支行方面卻稱，存單是當年開出的。", {"農業銀行蒙城支行"}, {"農業銀行"}),
]

# Round 13 (c139-c162). (text, companies that must be found, names that must not be products) — a name
# right before its security code in brackets is a listed company, whatever else it looks like
LISTED_NAME_CASES = [
    ("即时配送平台顺丰同城（09699.HK）与嘉里物流（00636.HK）均已在港上市。", {"嘉里物流"}, {"顺丰同城", "嘉里物流", "同城"}),
    ("即時配送平台達達集團（NASDAQ: DADA）與物流商嘉里物流（00636.HK）簽約。", {"達達集團", "嘉里物流"}, {"嘉里物流"}),
    ("嘉里物流 (00636.HK) 股價上漲，京东物流（02618.HK）持平。", {"嘉里物流", "京东物流"}, {"嘉里物流"}),
    ("京东旗下的京东物流（02618.HK）与京东健康（06618.HK）均已上市。", {"京东物流", "京东健康"}, set()),
]

# (text, companies that must be found, letters that must not be companies) — one capital letter before 股
# is a class of shares, also after 公司; a letter company before 公司 stays one
SHARE_CLASS_CASES = [
    ("此后母公司H股挂牌，顺丰H股较其A股股价存在折价。", {"顺丰"}, {"H", "A"}),
    ("公司A股自9月1日起停牌，H股照常交易。", set(), {"A", "H"}),
    ("發行Ｈ股後，中芯國際Ａ股仍在上交所交易。", {"中芯國際"}, {"H", "A", "Ｈ", "Ａ"}),
    ("X公司没有发行B股，母公司B 股则在深交所。", {"X公司"}, {"B"}),
]

# (text, product that must be found or None, names that must not be products) — names a benchmark noun
# follows after a count and a domain, or precedes, are tests; a language is no product
BENCHMARK_AND_LANGUAGE_CASES = [
    ("评测数据显示，R1V在MATH500和AIME两项数学基准上分别取得94.0分，在视觉推理基准MMMU与MathVista上取得69.0分。",
     "R1V", {"MATH500", "AIME", "MMMU", "MathVista"}),
    ("評測顯示，Qwen3在LiveBench與BFCL兩項基準上領先，在多模態基準MMBench上也超過GPT-4o。", "Qwen3",
     {"LiveBench", "BFCL", "MMBench"}),
    ("在中文大模型测评基准SuperCLUE的最新榜单中，百川智能的Baichuan 4位列第一。", "Baichuan 4", {"中文", "SuperCLUE"}),
    ("遊戲支援繁體中文介面，Ａｐｐｌｅ Intelligence將支援簡體中文與日文。", None, {"繁體中文", "繁体中文", "簡體中文", "日文"}),
    ("Gemini 2.5 Pro在多项基准测试中领先。", "Gemini 2.5 Pro", set()),
]

# (text, versioned products as one entity's mentions, bare versions that must not be products) — a
# family with a V and a version is that family's version, whichever alias names it; a bare V4.0 is no name
VERSION_CASES = [
    ("科大讯飞召开讯飞星火大模型V4.0发布会，正式推出讯飞星火V4.0，此后星火V4.0将接入办公本。",
     {"星火大模型V4.0", "星火V4.0"}, {"V4.0"}),
    ("科大訊飛推出訊飛星火V4.0，學習機將陸續接入V4.0的能力。", {"星火V4.0"}, {"V4.0"}),
    ("快手发布可灵V2.1，可灵2.1支持1080p，旧版用户可升级到v2.1。", {"可灵V2.1", "可灵2.1"}, {"v2.1", "V2.1"}),
    # a generation's lower-case letter belongs to the model: "Pixel 9a" is no "Pixel"
    ("谷歌同时推出Pixel 9a与Pixel Watch 4。", {"Pixel 9a"}, {"Pixel"}),
    ("Google於台灣推出Ｐｉｘｅｌ 8a，售價新台幣15,990元。", {"Ｐｉｘｅｌ 8a"}, {"Pixel", "Ｐｉｘｅｌ"}),
    ("ｖｉｖｏ发布V60，售价2499元起。", {"V60"}, set()),
]

# (text, product that must be found or None, names that must not be products) — a list or range of
# numbers before a unit measures ("28/22奈米"); a code in brackets after a process or architecture names it
MEASURE_AND_PROCESS_CASES = [
    ("依規劃，ESMC將採用台積電28/22奈米平面製程，以及16/12奈米FinFET製程。", None, {"台積電28", "台积电28", "16"}),
    ("中芯国际14/12nm工艺良率提升，小米14同日发布。", "小米14", {"中芯国际14", "中芯國際14"}),
    ("Tensor G5採用台積電第二代3奈米製程（N3E），同場也發表了Pixel Watch 4。", "Pixel Watch 4", {"N3E"}),
    ("三星发布Exynos 2500，采用3纳米GAA工艺(SF3)。", "Exynos 2500", {"SF3"}),
    ("华为3~5年内推出Mate 80，采用全新架构（X9）。", None, {"华为3", "X9"}),
    # a funding round's letter is no model either
    ("百川智能去年10月完成3亿美元A1轮融资，阿里巴巴参与了投资。", None, {"A1"}),
    ("智谱完成C1轮融资后发布GLM-4.5，B1輪投資方包括騰訊。", "GLM-4.5", {"C1", "B1"}),
    ("該公司完成Pre-A輪及B+輪融資，推出新品K1。", "K1", {"Pre-A", "B+", "B"}),
]

# (text, products that must be found) — 的 between Latin names ends the owner: the product is the name
# after it; 的 inside a Chinese name stays
POSSESSIVE_CASES = [
    ("高階降噪耳機市場競爭激烈，Bose 的 QuietComfort Ultra 及 Apple 的 AirPods Max 都是對手。",
     {"QuietComfort Ultra", "AirPods Max"}),
    ("索尼的WH-1000XM6对标Bose的QuietComfort Ultra。", {"WH-1000XM6", "QuietComfort Ultra"}),
    ("Ｓｏｎｙ 的 WH-1000XM6 今日開賣。", {"WH-1000XM6"}),
    ("网易代理的我的世界手游与Mojang的Minecraft Legends同步更新。", {"Minecraft Legends"}),
]

# (text, titles that must be products, titles one entity must hold or None, titles that must not be
# products) — a title listed with a known product is one more; a name another market gives in brackets
# is the same entity; a list of books stays none
TITLE_LIST_CASES = [
    ("暴雪遊戲陸續重新在內地上架，包括《魔獸世界》、《鬥陣特攻》（內地稱《守望先鋒》）、《暗黑破壞神》及《星海爭霸》系列等。",
     {"魔獸世界", "鬥陣特攻", "暗黑破壞神", "星海爭霸"}, {"鬥陣特攻", "守望先鋒"}, set()),
    ("网易重新代理《魔兽世界》和《星际争霸》，另有《炉石传说》。", {"魔兽世界", "星际争霸", "炉石传说"}, None, set()),
    ("米哈遊過去憑《崩壞3rd》及《原神》在全球手遊市場站穩陣腳。", {"崩壞3rd", "原神"}, None, set()),
    ("他推荐了《三体》、《流浪地球》和《球状闪电》三本小说。", set(), None, {"三体", "流浪地球", "球状闪电"}),
]

# (text, companies the lexicon must name) — firms the news names often, by each script's name
COVERAGE_CASES = [
    ("创始人李浩乾曾在Bose任职多年，Ｂｏｓｅ的耳机也在对比之列。", {"Bose", "Ｂｏｓｅ"}),
    ("開利此前已向漢威聯合收購安防業務，霍尼韦尔则专注自动化。", {"漢威聯合", "霍尼韦尔"}),
    ("連同早前與股東TPG及MBK訂立的購股協議，德太投资已退出。", {"TPG", "德太投资"}),
    # round 16
    ("美國零售商百思買（Best Buy）獨家販售，沙特阿美參與認購。", {"百思買", "Best Buy", "沙特阿美"}),
    ("美的收购德国机器人企业库卡，海信家电早已在港上市，跨越速运并入京东物流。", {"库卡", "海信家电", "跨越速运"}),
    ("群聯、慧榮等台系控制晶片廠，與威騰（WD）及東芝記憶體競爭。", {"群聯", "慧榮", "威騰", "東芝記憶體"}),
    ("大众汽车宣布增持合资公司江淮大众，大众表示将推出新车。", {"大众汽车", "江淮大众", "大众"}),
]

# (text, products that must be found, names that must not be companies) — a product the lexicon lists is
# no brand before a longer product, wherever the text calls it
LISTED_PRODUCT_NOT_BRAND_CASES = [
    ("按照官方安排，Pura 70 Pro+ 与标准版 Pura 70 将于 4 月 22 日开售。", {"Pura 70 Pro+", "Pura 70"}, {"Pura 70"}),
    ("按照官方安排，Pura 70 Pro+ 與標準版 Pura 70 將於 4 月 22 日開售。", {"Pura 70 Pro+", "Pura 70"}, {"Pura 70"}),
    ("Ｍａｔｅ 70 Pro 与 Mate 70 将于本月开售，华为同时推出nova 13。", {"Mate 70"}, {"Mate 70", "Ｍａｔｅ 70"}),
    ("华为Pura 70 Ultra与小米14 Ultra竞争。", {"Pura 70 Ultra"}, {"Pura 70", "华为Pura 70"}),
]


# Round 16 (c163-c186). (text, products that must be found, names that must not be products) — Hong Kong and
# Taiwan outlets write a space between a Latin name and the Chinese after it: a time phrase or a date there is
# no part of the name, nor the owner before 嘅 (Hong Kong's possessive)
TIME_AFTER_LATIN_CASES = [
    ("Sony 今日凌晨宣布，PS5 Pro 將於下月開賣。", {"PS5 Pro"}, {"Sony 今日凌晨", "Sony 今日"}),
    ("Google 今年 5 月發佈嘅 Pixel 8a 銷情理想。", {"Pixel 8a"}, {"Google 今年 5", "Google 今年"}),
    ("Lenovo 嘅 Legion Go 10 月已經開賣，售價 5,999 港元。", {"Legion Go"}, {"Legion Go 10", "Lenovo 嘅 Legion Go"}),
    ("三星Galaxy S24 3 月在港开售，Galaxy S24 Ultra同步推出。", {"Galaxy S24", "Galaxy S24 Ultra"}, {"Galaxy S24 3"}),
    ("字节跳动旗下的今日头条今年改版。", {"今日头条"}, set()),  # a name opening with a time word stays whole
]

# (text, people named after a title, names that must be companies) — a Latin name after a person's title is a
# person: no company or product, not even a lexicon name inside it
TITLED_PERSON_CASES = [
    ("意法半导体总裁兼首席执行官Jean-Marc Chery表示，将扩大在华产能。", {"Chery", "Jean-Marc Chery"}, {"意法半导体"}),
    ("安謀執行長Simon Segars卸任，由總裁Rene Haas接任。", {"Segars", "Simon Segars", "Rene Haas"}, {"安謀"}),
    ("诺基亚行政总裁 Pekka Lundmark 称，收购将扩大光网络业务。", {"Pekka Lundmark"}, {"诺基亚"}),
    ("奇瑞与Chery International的负责人会面。", set(), {"奇瑞"}),  # no title before it: the name stands
]

# (text, companies that must be found, names that must not be products) — a trade word and 商, or a startup's
# field, right before a Latin name; the object of an acquisition (a country between allowed), and names listed
# with it, are companies
TRADER_AND_ACQUIRED_CASES = [
    ("芬蘭電信設備商Nokia宣布收購美國光網絡設備商Infinera。", {"Infinera"}, {"Infinera"}),
    ("瑞萨将收购澳洲电路板设计软件商Altium，交易预计年内完成。", {"Altium"}, {"Altium"}),
    ("零售商Bestore与物流商Flexport签约。", {"Bestore", "Flexport"}, {"Bestore", "Flexport"}),
    ("該公司去年收購了邊緣AI軟體新創Edgeless Labs。", {"Edgeless Labs"}, {"Edgeless Labs"}),
    ("英飛凌2019年起陸續買下美國Cypress、GaN Systems及英國Zenith Micro。", {"Cypress", "GaN Systems", "Zenith Micro"},
     {"Cypress", "Zenith Micro"}),
    ("博通此前并购了美国VMware，随后推出VMware Cloud Foundation。", {"VMware"}, {"VMware"}),
    ("双方经过协商Windows授权费用，最终达成一致。", set(), set()),  # 协商 is no trader: nothing to find
]

# (text, the key a product keeps) — a number left after its brand names nothing alone: it is keyed within
# its maker, so two makers' "365" are two products
BARE_NUMBER_KEY_CASES = [
    ("收购设计软件商Altium后，Altium 365将接入瑞萨的元件库。", "altium-365"),
    ("視訊會議商Zoom推出Zoom 365訂閱方案。", "zoom-365"),
]


# (text, companies that must be found, names that must not be companies or products) — a name only the tagger
# read is a company when listed with a company the rules found; a kind of company before an apposed Latin name, a
# closing bracket, a plant, a part's maker named by the part, an issue of shares and a market's edition name
# nobody; a shareholder's role is no part of the name after it; a Latin name with a firm's word is one company
COMPANY_SHAPE_CASES = [
    ("光傳輸設備領域，中興與Ciena及諾基亞競爭激烈。", {"Ciena", "中興"}, set()),
    ("本次IPO的联席保荐人为中金公司及瑞银。", {"中金公司", "瑞银"}, set()),
    ("由Google聯同晶片公司 Broadcom 設計，Meta連同眼鏡品牌 Oakley 推出新品。", {"Broadcom", "Oakley"},
     {"聯同晶片公司", "晶片公司", "連同眼鏡品牌", "眼鏡品牌"}),
    ("北電網絡（Nortel Networks）於2009年破產。", {"北電網絡"}, {"Nortel Networks）", "Nortel Networks)"}),
    ("英特尔出售大连厂后，新工厂将于明年投产，另与理想合资成立功率模块公司。", {"英特尔"},
     {"大连厂", "新工厂", "模块", "功率模块公司"}),
    ("英特爾出售大連廠後，新工廠將於明年投產。", {"英特爾"}, {"大連廠", "新工廠"}),
    ("认购公司非公开发行股份后，国行版Switch与港行iPhone 15同日开售。", set(),
     {"非公开发行股份", "非公开发行", "国行版Switch", "国行版", "港行"}),
    ("其控股股东华章控股质押股份，第一大股东东方资产未减持。", {"华章控股"}, {"东华章控股"}),
    ("红杉中国与GGV创投、KKR集团领投，大众汽车也向Northvolt投资，Arm控股了该公司。",
     {"GGV创投", "KKR集团", "Northvolt", "Arm"}, {"Northvolt投资", "Arm控股"}),
    ("紅杉與GGV創投、KKR集團領投。", {"GGV創投", "KKR集團"}, set()),
]

# (text, products that must be found, names that must not be products) — a plus sign right after a model is its
# variant; a sum or a pair of names is not
PLUS_VARIANT_CASES = [
    ("驍龍888+與天璣9200+同場較量。", {"驍龍888+", "天璣9200+"}, {"驍龍888", "天璣9200"}),
    ("这款手机搭载骁龙888+处理器，售价3999元。", {"骁龙888+"}, {"骁龙888"}),
    ("套装含iPhone 16+AirPods，内存8+256GB。", {"iPhone 16", "AirPods"}, {"iPhone 16+"}),
]

# (text, products that must be found, names that must not be companies, names that must not be products) — a
# Latin name a naming word introduces, or right after a device noun, is a product wherever the article writes it
# (unless a firm's word follows); measures, technologies, form factors, a generic robot and a place glossed in
# Latin name nothing; OLED after a product's name is its screen variant, not before a display noun
PRODUCT_READING_CASES = [
    ("小米发布了一款名为CyberCat的四足机器人。CyberCat由小米自研电机驱动，CyberCat售价9999元。", {"CyberCat"},
     {"CyberCat"}, set()),
    ("這款名為Nova X的手表今日開賣，Nova X支援血氧偵測。", {"Nova X"}, {"Nova X"}, set()),
    ("一家名为Xcorp的初创公司获得融资。", set(), set(), {"Xcorp"}),
    ("该机器狗最大扭矩32N·m，续航120分钟，支持8K 30fps 360度录影。", set(), set(),
     {"机器狗", "扭矩32N", "8K 30fps 360", "8K 30fps 360度"}),
    ("壁仞采用Chiplet设计，配套OAM模组。", set(), set(), {"Chiplet", "OAM"}),
    ("Rapidus在美国纽约州奥尔巴尼（Albany）设研发据点，三星在韓國天安（Cheonan）設廠。", set(), {"Albany", "Cheonan"},
     {"Albany", "Cheonan"}),
    ("任天堂推出Switch OLED，配备7吋OLED屏幕。", {"Switch OLED"}, set(), {"OLED"}),
    # a board or module noun before a quoted name names it (a server's slogan stays none); a game noun with a
    # copula before a title, and titles written back to back, name games (books stay none)
    ("该公司推出PCIe板卡“星河200”与加速卡「天枢」，服务器“卡脖子”问题仍在。", {"星河200", "天枢"}, set(), {"卡脖子"}),
    ("首發遊戲包括《薩爾達傳說：王國之淚》，另有電影《流浪地球》上映。", {"薩爾達傳說：王國之淚"}, set(), {"流浪地球"}),
    ("腾讯宣布国行主机首发游戏为《超级马里奥派对》。", {"超级马里奥派对"}, set(), set()),
    ("米哈遊的手遊《星穹遠征》《幻海之歌》同步更新。", {"星穹遠征", "幻海之歌"}, set(), set()),
    ("他推荐了《三体》《球状闪电》两本书。", set(), set(), {"三体", "球状闪电"}),
    ("Valve 發佈 Steam Deck OLED，舊款 Steam Deck 減價。", {"Steam Deck OLED", "Steam Deck"}, set(), set()),
]


def _entities(extractor, text):
    return extractor.extract(Article(id="t", text=text)).entities


def _names(extractor, text, etype):
    return {m.text for e in _entities(extractor, text) if e.type == etype for m in e.mentions}


@pytest.mark.parametrize(("text", "company", "not_companies"), KIND_OF_FIRM_CASES)
def test_a_kind_of_bank_or_firm_is_no_company(extractor, text, company, not_companies):
    names = _names(extractor, text, "Company")
    assert (company is None or company in names) and not names & not_companies, names


@pytest.mark.parametrize(("text", "company", "not_companies"), NOT_A_FIRM_CASES)
def test_parties_forces_and_chambers_are_no_companies(extractor, text, company, not_companies):
    names = _names(extractor, text, "Company")
    assert (company is None or company in names) and not names & not_companies, names


@pytest.mark.parametrize(("text", "product", "not_products"), NOT_A_PRODUCT_WORD_CASES)
def test_formats_business_models_and_measures_are_no_products(extractor, text, product, not_products):
    names = _names(extractor, text, "Product")
    assert (product is None or product in names) and not names & not_products, names


@pytest.mark.parametrize(("text", "entity", "pieces"), WEB_ADDRESS_CASES)
def test_web_addresses_and_handles_name_nobody(extractor, text, entity, pieces):
    names = {m.text for e in _entities(extractor, text) for m in e.mentions}
    assert (entity is None or entity in names) and not names & pieces, names


@pytest.mark.parametrize(("text", "company", "not_products"), NUMBER_AFTER_NAME_CASES)
def test_an_amount_or_a_year_after_a_name_is_no_model(extractor, text, company, not_products):
    assert company in _names(extractor, text, "Company")
    assert not _names(extractor, text, "Product") & not_products


@pytest.mark.parametrize(("text", "venture", "parent"), JOINT_VENTURE_CASES)
def test_a_joint_venture_named_by_its_parents_is_one_company(extractor, text, venture, parent):
    key_of = {m.text: e.key for e in _entities(extractor, text) if e.type == "Company" for m in e.mentions}
    assert venture in key_of, key_of
    assert parent is None or (parent in key_of and key_of[parent] != key_of[venture]), key_of


@pytest.mark.parametrize(("text", "company", "guesses"), LAC_GUESS_CASES)
def test_lac_guesses_the_tagger_does_not_share_are_no_companies(extractor, text, company, guesses):
    names = _names(extractor, text, "Company")
    assert company in names and not names & guesses, names


@pytest.mark.parametrize(("text", "platform"), POST_CASES)
def test_a_post_on_weibo_is_no_product(extractor, text, platform):
    mentions = [m.text for e in _entities(extractor, text) if e.type == "Product" for m in e.mentions]
    assert sum(m.endswith("微博") for m in mentions) == platform, mentions


@pytest.mark.parametrize(("text", "product", "notes"), EDITION_NOTE_CASES)
def test_an_edition_in_brackets_is_no_gloss(extractor, text, product, notes):
    names = _names(extractor, text, "Product")
    assert any(n.endswith(product) for n in names) and not names & notes, names


@pytest.mark.parametrize(("text", "product", "codes"), IDENTIFIER_CASES)
def test_identifiers_are_no_products(extractor, text, product, codes):
    names = _names(extractor, text, "Product")
    assert (product is None or product in names) and not names & codes, names


@pytest.mark.parametrize(("text", "companies", "not_companies"), INDUSTRY_AND_BRANCH_CASES)
def test_an_industry_is_no_company_and_a_named_branch_is_one(extractor, text, companies, not_companies):
    names = _names(extractor, text, "Company")
    assert companies <= names and not names & not_companies, names


@pytest.mark.parametrize(("text", "companies", "not_products"), LISTED_NAME_CASES)
def test_a_name_before_its_security_code_is_a_listed_company(extractor, text, companies, not_products):
    assert companies <= _names(extractor, text, "Company")
    assert not _names(extractor, text, "Product") & not_products


@pytest.mark.parametrize(("text", "companies", "letters"), SHARE_CLASS_CASES)
def test_a_letter_before_gu_is_a_class_of_shares(extractor, text, companies, letters):
    names = _names(extractor, text, "Company")
    assert companies <= names and not names & letters, names


@pytest.mark.parametrize(("text", "product", "not_products"), BENCHMARK_AND_LANGUAGE_CASES)
def test_benchmarks_and_languages_are_no_products(extractor, text, product, not_products):
    names = _names(extractor, text, "Product")
    assert (product is None or product in names) and not names & not_products, names


@pytest.mark.parametrize(("text", "versions", "bare"), VERSION_CASES)
def test_a_version_names_its_family_and_a_bare_version_nothing(extractor, text, versions, bare):
    products = [{m.text for m in e.mentions} for e in _entities(extractor, text) if e.type == "Product"]
    assert any(versions <= mentions for mentions in products), products
    assert not set().union(*products) & bare, products


@pytest.mark.parametrize(("text", "product", "not_products"), MEASURE_AND_PROCESS_CASES)
def test_measures_and_process_codes_are_no_products(extractor, text, product, not_products):
    names = _names(extractor, text, "Product")
    assert (product is None or product in names) and not names & not_products, names


@pytest.mark.parametrize(("text", "products"), POSSESSIVE_CASES)
def test_a_possessive_between_latin_names_ends_the_owner(extractor, text, products):
    names = _names(extractor, text, "Product")
    assert products <= names and not any(re.search(r"[A-Za-z0-9] ?的 ?[A-Za-z0-9]", n) for n in names), names


@pytest.mark.parametrize(("text", "products", "one_entity", "not_products"), TITLE_LIST_CASES)
def test_a_title_listed_with_a_product_is_one(extractor, text, products, one_entity, not_products):
    mentions = [{m.text for m in e.mentions} for e in _entities(extractor, text) if e.type == "Product"]
    names = set().union(*mentions)
    assert products <= names and not names & not_products, mentions
    assert one_entity is None or any(one_entity <= m for m in mentions), mentions


@pytest.mark.parametrize(("text", "companies"), COVERAGE_CASES)
def test_lexicon_names_firms_the_news_names(extractor, text, companies):
    names = _names(extractor, text, "Company")
    assert companies <= names, names


@pytest.mark.parametrize(("text", "products", "not_companies"), LISTED_PRODUCT_NOT_BRAND_CASES)
def test_a_listed_product_is_no_brand(extractor, text, products, not_companies):
    products_found = {n.replace("HUAWEI ", "") for n in _names(extractor, text, "Product")}
    assert all(any(p in n for n in products_found) for p in products), products_found
    assert not _names(extractor, text, "Company") & not_companies


@pytest.mark.parametrize(("name", "expected"), [
    ("村镇银行", True), ("外汇专业银行", True), ("虚拟银行", True), ("中国银行", False), ("美国银行", False),
    ("南京银行", False), ("招商银行", False), ("小额贷款公司", True),
])
def test_is_non_company_on_banks(name, expected):
    assert is_non_company(name) is expected


@pytest.mark.parametrize(("text", "products", "not_products"), TIME_AFTER_LATIN_CASES + PLUS_VARIANT_CASES)
def test_where_a_product_name_ends(extractor, text, products, not_products):
    names = _names(extractor, text, "Product")
    assert products <= names and not names & not_products, names


@pytest.mark.parametrize(("text", "people", "companies"), TITLED_PERSON_CASES)
def test_a_latin_name_after_a_title_is_a_person(extractor, text, people, companies):
    names = {m.text for e in _entities(extractor, text) for m in e.mentions}
    assert companies <= _names(extractor, text, "Company") and not names & people, names


@pytest.mark.parametrize(("text", "companies", "not_products"), TRADER_AND_ACQUIRED_CASES)
def test_traders_startups_and_acquired_names_are_companies(extractor, text, companies, not_products):
    assert companies <= _names(extractor, text, "Company"), _names(extractor, text, "Company")
    assert not _names(extractor, text, "Product") & not_products


@pytest.mark.parametrize(("text", "key"), BARE_NUMBER_KEY_CASES)
def test_a_bare_number_after_its_brand_is_keyed_within_it(extractor, text, key):
    keys = {e.key for e in _entities(extractor, text) if e.type == "Product"}
    assert key in keys, keys


@pytest.mark.parametrize(("text", "companies", "not_names"), COMPANY_SHAPE_CASES)
def test_company_names_by_their_shape_in_the_sentence(extractor, text, companies, not_names):
    names = {m.text for e in _entities(extractor, text) for m in e.mentions}
    assert companies <= _names(extractor, text, "Company") and not names & not_names, names


@pytest.mark.parametrize(("text", "products", "not_companies", "not_products"), PRODUCT_READING_CASES)
def test_what_names_a_product_and_what_names_nothing(extractor, text, products, not_companies, not_products):
    found = _names(extractor, text, "Product")
    assert products <= found and not found & not_products, found
    assert not _names(extractor, text, "Company") & not_companies


# Round 17 (classes from the c187-c234 misses): security codes listed with a semicolon and the part of a
# name after its group word are no companies; 方面 ("side") after a name is no part of it (京东方面 is JD's
# side, 京东方面板 BOE's panel); a business group's "BG" is a unit; a Latin name after a person's title or
# glossing a transliterated name is a person; "X for Y" is a product's name; a kind of company before a
# name ("全球咨询集团Accenture", "上海游戏公司米哈游") describes it; Hong Kong's 本港 is the city.
ROUND17_CASES = [
    ("蔚来（NIO.US；09866.HK）今日宣布与长安汽车签署合作协议。", {"蔚来", "长安汽车"}, {"09866.HK", "NIO.US"}),
    ("该项目由一汽集团（中国）牵头推进。", {"一汽集团"}, {"（中国）", "(中国)"}),
    ("腾讯方面表示，新功能将于下月上线。", {"腾讯"}, {"腾讯方面"}),
    ("京东方面表示不予置评。", {"京东"}, {"京东方"}),
    ("京东方面板价格连续三个月上涨。", {"京东方"}, set()),
    ("小米集团总裁、手机部 BG 负责人卢伟冰表示。", {"小米集团"}, {"BG"}),
    ("特斯拉律师Alex Spiro表示将上诉。", {"特斯拉"}, {"Alex Spiro"}),
    ("微软首席执行官萨提亚·纳德拉（Satya Nadella）宣布推出Copilot。", {"微软"}, {"Satya Nadella"}),
    ("阿里巴巴宣布与全球咨询集团Accenture合作。", {"阿里巴巴", "Accenture"}, {"全球咨询集团"}),
    ("由日本游戏公司任天堂开发的游戏《塞尔达传说》今日发售。", {"任天堂"}, {"日本游戏", "游戏"}),
    ("本港一间初创公司今日推出新App，本港用户可免费下载。", set(), {"本港"}),
]


@pytest.mark.parametrize(("text", "companies", "not_names"), ROUND17_CASES)
def test_round17_company_readings(extractor, text, companies, not_names):
    names = {m.text for e in _entities(extractor, text) for m in e.mentions}
    assert companies <= _names(extractor, text, "Company") and not names & not_names, names


def test_a_name_joined_by_for_is_a_product_not_a_company(extractor):
    text = "英伟达推出Omniverse for Developers平台，輝達也推出ACE for Games。"
    assert {"Omniverse for Developers", "ACE for Games"} <= _names(extractor, text, "Product")
    assert not _names(extractor, text, "Company") & {"Omniverse for Developers", "ACE for Games"}


@pytest.mark.parametrize(("text", "companies", "not_names"), [
    ("新作由Game Freak開發，任天堂與The Pokémon Company發行。", {"Game Freak", "The Pokémon Company"},
     {"he Pokémon Company"}),  # the tagger's span on whole Latin words; the maker after 由 and before 开发
    ("这款芯片由Arm设计，由台积电代工。", {"Arm", "台积电"}, set()),
    ("特斯拉德州工厂本周停产，国轩高科伊利诺伊州工厂进展受阻。", {"特斯拉", "国轩高科"}, {"德州工厂", "伊利诺伊州工厂"}),
    ("索尼宣布，新款相机 ZV-E10 II 正式开始销售。", {"索尼"}, set()),
])
def test_round17b_company_readings(extractor, text, companies, not_names):
    names = {m.text for e in _entities(extractor, text) for m in e.mentions}
    assert companies <= _names(extractor, text, "Company") and not names & not_names, names
    assert "ZV-E10 II" not in _names(extractor, text, "Company")


# Round 18 (classes from the c275-c294 misses): a kind of firm between a country and a Latin name describes it
# ("荷兰科技投资集团Prosus"); "由X控股" says who controls something, 控股 is no part of X's name; a show's
# session after its name is the show ("Gamescom Opening Night Live"), no company.
@pytest.mark.parametrize(("text", "companies", "not_names"), [
    ("iFood由荷蘭科技投資集團Prosus控股。", {"Prosus"}, {"科技投資集團Prosus", "Prosus控股"}),
    ("该银行由日本金融集团SBI控股，美国AI软件公司Nod.ai则被AMD收购。", {"SBI", "Nod.ai", "AMD"},
     {"SBI控股", "AI软件公司Nod.ai"}),
    ("日本SBI控股宣布与蚂蚁集团合作。", {"SBI控股", "蚂蚁集团"}, {"SBI"}),
    ("在科隆游戏展开幕夜（Gamescom Opening Night Live）上，游戏科学公布了新作。", {"游戏科学"},
     {"Gamescom Opening Night Live", "Opening Night Live"}),
    # an architecture is no company (c305-c314)
    ("生数科技的Vidu把扩散模型与Transformer融合在一起。", {"生数科技"}, {"Transformer"}),
    # a registered name with its seat in brackets is one company; a kind of firm before a listed name
    # describes it (c295-c304)
    ("华大九天正在筹划购买芯和半导体科技（上海）股份有限公司的控制权。", {"华大九天", "芯和半导体科技（上海）股份有限公司"},
     {"上海）股份有限公司"}),
    ("【香港01】深圳機械人企業優必選（9880）今日在港交所主板上市。", {"優必選"}, {"深圳機械人企業優必選"}),
    # weak names in a list closed by 等 and a company noun are companies; IC of IC設計 is none; a surname-only
    # transliteration glossed after a title is a person (c315-c324)
    ("吉利、东风、长城等多家自主品牌纷纷宣布接入DeepSeek。", {"吉利", "长城"}, set()),
    ("聯發科是全球前幾大的無晶圓廠IC設計公司。", {"聯發科"}, {"IC"}),
    ("大眾集團行政總裁布魯默（Oliver Blume）在聲明中指，中國是最大的電動車市場。", {"大眾集團"}, {"Oliver Blume"}),
    # a place and a trade before a kind of firm and a listed name describe it; firms before a count of
    # them are named without the count (c325-c334)
    ("【香港01】深圳影像品牌影石Insta360昨日發佈新一代運動相機。", {"影石"}, {"深圳影像", "影像"}),
    ("杭州家电品牌老板电器与华为签约。", {"华为"}, {"杭州家电"}),
    ("嘉實國際及博時國際三家基金公司各推出一隻比特幣現貨ETF。", {"嘉實國際", "博時國際"}, {"博時國際三家基金公司"}),
    # a kind of firm LAC reads before the name, a count of firms, a firm named by its tie to another (c335-c354)
    ("小米夥拍尚乘集團成立的虛擬銀行天星銀行（Airstar Bank）昨日開業。", {"尚乘集團"}, {"虛擬銀行天星銀行（Airstar Bank）"}),
    ("分析指八家虛擬銀行首幾年錄得虧損。", set(), {"八家虛擬銀行"}),
    ("Ray-Ban Meta由Meta與雷朋母公司依視路陸遜梯卡合作推出。", {"Meta", "依視路陸遜梯卡"}, {"雷朋母公司"}),
    ("多家车企与华为签约，传统银行也在观望。", {"华为"}, {"多家车企", "银行"}),
    # a weak name right after its listed parent and 旗下 is that company (c355-c374)
    ("Uber上月宣布夥拍通用汽車旗下Cruise。", {"Uber", "通用汽車", "Cruise"}, set()),
    ("這艘郵輪的Cruise行程很受歡迎。", set(), {"Cruise"}),
    # a Latin name before a show's noun is the show; a display technology's first word is no company (c375-c394)
    ("友達（2409）19日在Touch Taiwan智慧顯示展覽會推出多款顯示器。", {"友達"}, {"Touch Taiwan"}),
    ("市場傳出蘋果將在未來的Apple Watch導入Micro LED螢幕。", {"蘋果"}, {"Micro", "Micro LED"}),
    ("微软在Build开发者大会上推出新功能，Joby Aviation则与丰田签约。", {"微软", "Joby Aviation"}, {"Build"}),
])
def test_round18_company_readings(extractor, text, companies, not_names):
    names = {m.text for e in _entities(extractor, text) for m in e.mentions}
    assert companies <= _names(extractor, text, "Company") and not names & not_names, names


def test_an_unlisted_product_never_takes_a_listed_companys_key_or_label(extractor):
    # RTX Corporation is listed as a company (key "rtx"); NVIDIA's RTX named bare is another thing.
    entities = _entities(extractor, "英伟达发布RTX显卡，雙方將攜手開發整合RTX繪圖晶片的處理器。")
    rtx = [e for e in entities if any(m.text == "RTX" for m in e.mentions)]
    assert rtx and all(e.type == "Product" and e.label == "RTX" and e.key != "rtx" for e in rtx), rtx


def test_a_seated_registered_name_links_to_the_listed_company(extractor):
    entities = _entities(extractor, "亿航智能设备（广州）有限公司今日宣布，億航智能的EH216-S获得运营合格证。")
    ehang = [e for e in entities if e.key == "ehang"]
    assert len(ehang) == 1 and {"亿航智能设备（广州）有限公司", "億航智能"} <= {m.text for m in ehang[0].mentions}


@pytest.mark.parametrize("text", ["长城、故宫等景点游客爆满。", "吉利、长城和长安都发布了新车。"])
def test_weak_names_need_a_company_noun_to_close_their_list(extractor, text):
    assert not _names(extractor, text, "Company") & {"吉利", "长城", "长安"}


# Found on CLUENER's training lines after the lex20 round made 国航, 东航 and 南航 weak (an open set of 某国航):
# a weak name that announces something is the company; a listed name with its legal form is one mention.
@pytest.mark.parametrize(("text", "key", "mention"), [
    ("国航今日宣布开通新航线。", "air-china", "国航"),
    ("东航公告称，上半年亏损收窄。", "china-eastern", "东航"),
    ("吉利宣布收购宝腾。", "geely", "吉利"),
    ("中国邮政集团公司今日宣布开通无人机邮路。", "china-post", "中国邮政集团公司"),
    ("华为技术有限公司与中国移动签署协议。", "huawei", "华为技术有限公司"),
])
def test_announcers_and_legal_forms_of_listed_companies(extractor, text, key, mention):
    entity = next(e for e in _entities(extractor, text) if e.key == key)
    assert mention in {m.text for m in entity.mentions}


@pytest.mark.parametrize("text", ["新年吉利，万事如意。", "他的理想宣布破灭。", "金斯顿大学通过网上公告栏提供兼职机会，南航公告栏已撤下。"])
def test_no_announcer_where_the_word_is_ordinary(extractor, text):
    assert not _names(extractor, text, "Company") & {"吉利", "理想", "南航"}


# 国航 and 东航 are Air China's and China Eastern's names wherever no country or region runs into them: the
# open set of 某国航 (中国航天, 美国航母) and 山东航空, 中东航线 are not_in phrases, not a weakness that
# would also stop the tagger's readings ("东航与国航").
@pytest.mark.parametrize(("text", "keys"), [
    ("东航与国航今年的客座率均有提升。", {"china-eastern", "air-china"}),
    ("国航与汉莎航空签署联营协议。", {"air-china", "lufthansa"}),
    ("中国航天科技集团发射卫星，美国航母抵达，山东航空开通中东航线。", set()),
    # 中行 likewise (Bank of China), not in 海中行驶 or 集中行动
    ("工行、农行、中行均上调了手续费，中行信用卡年费40元。", {"bank-of-china"}),
    ("汽车在茫茫大海中行驶，警方开展集中行动。", set()),
])
def test_short_names_with_not_in_lookalikes(extractor, text, keys):
    found = {e.key for e in _entities(extractor, text)} & {"china-eastern", "air-china", "lufthansa", "bank-of-china"}
    assert found == keys


# Eleventh round (c415-c454): a demonstrative, an adverb, a trade or a function inside a device never opens a
# product's name; a weak name listed with its security code is that company throughout; a unit named after its
# parent is two companies; a code name with its chip kind is a chip; a capacity and a business model are no
# products; a kind of firm before a name glossed in Latin describes it; a Chinese name before a Latin company name
# in brackets is that company, and so is its short name; a surname after a middle dot is a person's; a car
# maker's class keeps 级; a product that came out on a date is no company.
# Twelfth round: a title marked 《》 after a work of a series, a launch or a maker is a game ("最新作《X》",
# "此前推出的《X》", "旗下的《X》", "网元圣唐的《X》"), a catalogue is none; a company ending in 资讯 before its
# security code is no dateline; a company's games business is the company ("腾讯游戏代理的").
@pytest.mark.parametrize("text,companies,products,not_names", [
    ("大宇資訊（6111）今日宣布，旗下角色扮演遊戲系列最新作《仙劍奇俠傳八》正式上線。", {"大宇資訊"}, {"仙劍奇俠傳八"}, set()),
    ("精誠資訊（6214）宣布與微軟合作。", {"精誠資訊", "微軟"}, set(), set()),
    ("Krafton此前推出的《絕地求生》及《新世界》在台表現亮眼。", {"Krafton"}, {"絕地求生", "新世界"}, set()),
    ("网易此前推出的《永劫无间》在海外颇受欢迎。", {"网易"}, {"永劫无间"}, set()),
    ("育碧旗下的《刺客信条：幻景》今日全球发售。", {"育碧"}, {"刺客信条：幻景"}, set()),
    ("业内人士认为，西山居的《剑网3》仍有稳定玩家。", set(), {"剑网3"}, set()),
    ("据商务部《中国禁止出口限制出口技术目录》，相关算法须申请许可。", set(), set(), {"中国禁止出口限制出口技术目录"}),
    ("由拳头游戏开发、腾讯游戏代理的《无畏契约》国服正式上线。", {"拳头游戏", "腾讯游戏"}, {"无畏契约"}, set()),
    ("網易遊戲今日宣布推出新作。", {"網易遊戲"}, set(), set()),
    ("小米游戏本今日正式发布。腾讯游戏业务收入增长。", {"小米", "腾讯"}, set(), {"腾讯游戏", "小米游戏本"}),
    # a guessed brand does not cut a listed product; a tagged name stops before a title it ran into; people glossed
    # or titled in Latin (with a particle: "Luca de Meo"); kinds of firm by their trade (卫星通讯, 中概)
    ("甲骨文云（OCI）表示将部署AMD芯片。", {"AMD"}, {"甲骨文云", "OCI"}, {"甲骨"}),
    ("雷諾行政總裁盧卡·德梅奧（Luca de Meo）表示，新公司將獨立運作。", {"雷諾"}, set(), {"雷諾行政", "Luca de Meo"}),
    ("新公司行政總裁由福特前高層Jim Farley出任。", {"福特"}, set(), {"Jim Farley", "Jim"}),
    ("Verizon承諾向衛星通訊公司AST SpaceMobile投資1億美元。", {"Verizon", "AST SpaceMobile"}, set(), {"衛星通訊公司"}),
    ("涂鸦智能成為又一家在港上市的美股中概公司。", {"涂鸦智能"}, set(), {"中概公司"}),
    # benchmarks, number formats, network architectures, token standards and metrics name nothing; a subsidiary
    # named by its parent's relation is no name; a tagged product across 、 is a list
    ("英特尔Gaudi2在MLPerf测试中表现亮眼，该模型在AIME24测试中得分79.5。", {"英特尔"}, {"Gaudi2"}, {"MLPerf", "AIME24"}),
    ("ChatGLM-6B支持INT4量化；諾基亞與輝達聯手開發AI-RAN；抖音电商GMV增长。", set(), set(),
     {"INT4", "AI-RAN", "RAN", "GMV"}),
    ("PYUSD以ERC-20代幣形式建構於以太坊之上。", set(), set(), {"ERC-20"}),
    ("融合銀行由騰訊、中國工商銀行全資附屬公司工銀亞洲、高瓴及香港寬頻合組。", {"騰訊", "中國工商銀行", "工銀亞洲"}, set(),
     {"中國工商銀行全資附屬公司"}),
    ("除了乘用車，Nuro、Plus等自駕公司也表態將採用Thor。", set(), set(), {"Nuro、Plus"}),
    # a trim or configuration alone is no product: variant words with a drive word and 版, a bare variant line
    ("这款SUV推出后驱Pro版和四驱Max智驾版等多个配置，售价24.98万元起。", set(), set(), {"Pro", "四驱Max智驾版"}),
    ("享界S9共推出Pro和Max两个版本；Pro系列改用鈦金屬機身。", set(), {"享界S9"}, {"Pro", "Max"}),
])
def test_round20_entity_readings(extractor, text, companies, products, not_names):
    names = {m.text for e in _entities(extractor, text) for m in e.mentions}
    assert companies <= _names(extractor, text, "Company") and products <= _names(extractor, text, "Product"), names
    assert not names & not_names, names


# Thirteenth round: a quoted clause is said, not named ("这款产品“非常适合……”"), and a tagged stretch with a
# modal verb or conditional is a clause ("台智雲若能把大模型"); a Latin gloss after a lab, an institute or a research
# base names that body; a quoted Latin name before 活动 is an event; a category noun with its descriptors before
# App names no app; a quoted name after a verb of founding is a firm; a weak name owning a Latin model is its
# maker; a reporter's byline is furniture.
@pytest.mark.parametrize("text,companies,products,not_names", [
    ("黄仁勋称，这款产品“非常适合用于构建智能工厂”。", set(), set(), {"非常适合用于构建智能工厂"}),
    ("雷军表示，这款产品“可以满足绝大多数家庭的出行需要”。", set(), set(), {"可以满足绝大多数家庭的出行需要"}),
    ("該公司說，這款產品「十分適合中小企業部署私有雲」。", set(), set(), {"十分適合中小企業部署私有雲"}),
    ("法人認為，台智雲若能把大模型與算力服務打包銷售，有助提升營收。", set(), set(), {"台智雲若能把大模型"}),
    ("小红书旗下人文智能实验室（hi lab）近日开源了其首个自研文本大模型dots.llm1。", {"小红书"}, {"dots.llm1"}, {"hi lab"}),
    ("北京智源人工智能研究院（BAAI）今日发布悟道3.0大模型。", set(), {"悟道3.0"}, {"BAAI"}),
    ("聯發科旗下研究單位聯發創新基地（MediaTek Research）宣布開源語言模型Breeze-7B。", {"聯發科"}, {"Breeze-7B"},
     {"MediaTek Research"}),
    ("AMD当地时间10日在美国旧金山举行“Advancing AI 2024”活动。", {"AMD"}, set(), {"Advancing AI 2024"}),
    ("微軟舉辦「Microsoft Build Taiwan 2025」活動，發表Copilot新功能。", {"微軟"}, {"Copilot"},
     {"Microsoft Build Taiwan 2025"}),
    ("市场上有关小红书将推出独立大模型App的说法，公司方面未予置评。", {"小红书"}, set(), {"独立大模型App"}),
    ("传闻称百度将上线自研大模型App。字节跳动推出独立AI应用豆包。", {"百度", "字节跳动"}, {"豆包"}, {"自研大模型App"}),
    ("合資公司將負責在日本推廣企業AI系統「Cristal intelligence」。", set(), {"Cristal intelligence"}, set()),
    # a quoted name right after a verb of founding is the new firm, not a unit, team or centre
    ("Gogoro宣布與吉利科技集團合作，雙方將合資成立「簡單能源」，在杭州營運換電網路。", {"Gogoro", "簡單能源"}, set(), set()),
    ("华为与长安共同组建新公司“引望智能”。", {"华为", "引望智能"}, set(), set()),
    ("华为去年组建“煤矿军团”，并成立“具身智能创新中心”。", {"华为"}, set(), {"煤矿军团", "具身智能创新中心"}),
    ("华为携手长安成立新公司引望。", {"华为"}, set(), {"长安成立新公司", "长安成立新"}),
    ("Gogoro與中國吉利科技集團建立策略合作關係。", {"Gogoro", "吉利科技集團"}, set(), set()),
    # a kind in descriptor words, generic terms and standards names no product; nor does an edition word
    ("vivo推出双模5G AI芯片Exynos 980。英特尔的x86 PC處理器需求回升。", {"vivo"}, {"Exynos 980"},
     {"双模5G AI", "双模", "x86 PC處理器"}),
    ("今日，比亚迪秦PLUS荣耀版与驱逐舰05荣耀版同步上市。", {"比亚迪"}, {"秦PLUS荣耀版", "驱逐舰05荣耀版"}, {"荣耀"}),
    ("联发科也表示其首款5G SoC将在本月底正式亮相。芯片支持SA与NSA两种组网方式。", {"联发科"}, set(),
     {"5G SoC", "SA", "NSA"}),
    ("由王儲穆罕默德（Mohammed bin Salman）親自對外公布。", set(), set(), {"Mohammed bin Salman"}),
    ("延期發佈一度惹來「取消」傳聞的三星Exynos 2200今日終於推出。网上流传“停产”说法。", {"三星"}, {"Exynos 2200"},
     {"取消", "停产"}),
    ("帳戶由高盛開立並受美國聯邦存款保險公司（FDIC）保障，並支援先買後付。携程发布旅游行业垂直大模型。X計畫打造萬用App。",
     {"高盛"}, set(), {"FDIC", "先買後付", "旅游行业垂直大模型", "萬用App"}),
    ("小米YU7公布“3分钟大定20万台”。Ultra版本首发本地运行的VLA+VLM大模型。网传“24小时售出10万部”。", set(), {"YU7"},
     {"3分钟大定20万台", "VLA+VLM", "24小时售出10万部"}),
    ("豐田又與內地的小馬智行合組公司，在中國推進Robotaxi量產。兆易创新是国内MCU龙头，采用CTP技术以降低BOM成本。",
     {"豐田", "小馬智行", "兆易创新"}, set(), {"小馬智行合組公司", "MCU", "CTP", "BOM"}),
    # a foreign country before a listed name tagged with it is no part of it; names a company lists before 等 and a
    # kind of product are its products
    ("（信報）南韓三星電子（005930）周二宣布開發新晶片。中国移动与华为签署协议。", {"三星電子", "中国移动", "华为"}, set(),
     {"南韓三星電子"}),
    ("随后几天，五菱旗下的缤果、星光等车型推出限时优惠。", {"五菱"}, {"缤果", "星光"}, set()),
    ("全場焦點則是AR眼鏡原型Orion。经销商称旗下车型“正在评估价格调整”。", set(), {"Orion"}, {"正在评估价格调整"}),
    ("由任天堂夥拍照明娛樂（Illumination）製作。玩家在海拉魯大地冒險。", {"任天堂", "照明娛樂"}, set(), {"海拉"}),
    ("腾讯宣布成立“混元”大模型团队。", {"腾讯"}, set(), {"混元大模型团队"}),
    # a weak name before 的 and a Latin model is the maker, not before an acronym; a byline names no firm
    ("小型電動車中，上汽通用五菱的五菱繽果、長安的Lumin價格均在6萬元左右。", {"長安", "上汽通用五菱"}, {"Lumin"}, set()),
    ("西安古称长安的GDP在唐代冠绝全球。", set(), set(), {"长安"}),
    ("澎湃新闻记者 秦川　11月6日，零一万物发布Yi-34B。", {"零一万物"}, {"Yi-34B"}, {"澎湃新闻"}),
    # lexicon: a group-buying pair, a gaming-phone maker, a venture firm, a parts maker listed among stocks, two OSes
    ("社区团购方面，兴盛优选、十荟团已深耕多年。", {"兴盛优选", "十荟团"}, set(), set()),
    ("小米投資的黑鯊、努比亞旗下紅魔都已推出新機。由创新工场董事长李开复创办。", {"黑鯊", "努比亞", "创新工场"}, set(),
     set()),
    ("台達電、和大、貿聯-KY等電動車概念股今天走勢分歧。我和大家一起看。", {"台達電", "和大"}, set(), set()),
    ("一加海外机型运行氧OS（OxygenOS），国内机型则搭载氢OS。", {"一加"}, {"氧OS", "OxygenOS", "氢OS"}, set()),
])
def test_round21_entity_readings(extractor, text, companies, products, not_names):
    names = {m.text for e in _entities(extractor, text) for m in e.mentions}
    assert companies <= _names(extractor, text, "Company") and products <= _names(extractor, text, "Product"), names
    assert not names & not_names, names


@pytest.mark.parametrize("text,companies,products,not_names", [
    # a meeting's Latin name with its year, glossed or right after the meeting's noun, is the event
    ("今日，华为开发者大会2024（HDC 2024）在东莞开幕，华为发布HarmonyOS NEXT。", {"华为"}, {"HarmonyOS NEXT"}, {"HDC 2024"}),
    ("宏達電昨日舉行線上年度大會VIVECON 2021，一口氣發表VIVE Focus 3。", {"宏達電"}, {"VIVE Focus 3"}, {"VIVECON 2021"}),
    # battery chemistries, range cycles, a licence and a benchmark suite are no products
    ("这款电池包采用磷酸铁锂与三元混合方案，CLTC续航达到700公里。", set(), set(), {"磷酸铁锂", "三元", "CLTC"}),
    ("該晶片以Apache 2.0授權開源，SPEC CPU2006跑分接近英特爾。", {"英特爾"}, set(), {"Apache 2.0", "SPEC CPU2006"}),
    # a kind of technology glued before a Latin name says what kind; a central bank is no company
    ("英特爾同步推出升頻技術XeSS 2，以因應玩家需求。", {"英特爾"}, {"XeSS 2"}, {"升頻技術XeSS 2"}),
    ("英伟达推出插帧技术DLSS 4。", {"英伟达"}, {"DLSS 4"}, {"插帧技术DLSS 4"}),
    ("中国人民银行也多次表态，要推动条码支付互联互通。", set(), set(), {"中国人民银行"}),
    ("金管局表示，支付宝香港已完成升级。", set(), set(), {"金管局"}),
    # a Latin name ending in a number before a release verb is the product, adverbs between
    ("外接散熱風扇AeroActive Cooler 7也同步推出。", set(), {"AeroActive Cooler 7"}, set()),
    # a platform whose chief or share price the article names acts as a firm there; its group is another firm
    ("飞书CEO谢欣表示，飞书与钉钉的竞争将更加激烈。", {"飞书"}, {"钉钉"}, set()),
    ("TikTok執行長周受資宣布，TikTok與印尼GoTo集團達成戰略合作。", {"TikTok", "GoTo集團"}, set(), set()),
    ("抖音发布新版本，抖音创始人团队早已离开。", set(), {"抖音"}, set()),
    ("爱奇艺与抖音集团宣布达成合作，抖音用户可对爱奇艺长视频进行二次创作。", {"爱奇艺", "抖音集团"}, {"抖音"}, set()),
    # interfaces, codecs, bands, curvatures and kinds of device are no names; nor a negated clause
    ("戴尔推出1700R曲率的显示器，接口为DisplayPort 2.1 UHBR20，并支持HDMI 2.1。", {"戴尔"}, set(),
     {"1700R", "DisplayPort 2.1 UHBR20", "DisplayPort", "HDMI 2.1"}),
    ("聯發科M80同時支援毫米波與Sub-6GHz頻段，並支援H.266解碼。", {"聯發科"}, {"M80"}, {"毫米波", "Sub-6GHz", "H.266"}),
    ("OPPO与丹拿联合调校的TWS耳机Enco X正式发布，丹拿是TWS领域的新玩家。", {"OPPO"}, {"Enco X"}, {"TWS"}),
    ("值得注意的是，特斯拉并不在列，其Optimus由自家团队开发。", {"特斯拉"}, {"Optimus"}, {"特斯拉并不在列"}),
    # a European security code in brackets is a listing, not another company's abbreviation
    ("德国工业巨头西门子（SIE.DE）与微软联合推出工业Copilot。", {"西门子", "微软"}, set(), {"SIE"}),
    ("好未来（TAL.NYSE）收跌70%，新东方（EDU.NYSE）同样重挫。", {"好未来", "新东方"}, set(), {"TAL.NYSE", "EDU.NYSE"}),
    # a quoted kind of product is no name (a short brand made of such words is: see _quoted_name_ok)
    ("DeepSeek发布V3.1并提及“下一代国产芯片”，芯片板块随之走高。", {"DeepSeek"}, set(), {"下一代国产芯片"}),
    # a country and a trade before a kind of firm say what kind; a Latin acronym and year where something happens
    ("美国电信运营商AT&T与微软达成协议，瑞典电信设备商爱立信也在列。", {"AT&T", "微软", "爱立信"}, set(),
     {"美国电信", "瑞典电信"}),
    ("芬蘭電信設備商諾基亞與輝達合作。德国电信与华为合作。", {"諾基亞", "輝達", "德国电信"}, set(), {"芬蘭電信"}),
    ("三六零在ISC 2023上发布了360安全大模型。", {"三六零"}, {"360安全大模型"}, {"ISC 2023"}),
    ("小米在MWC 2024期间发布小米14 Ultra国际版。", {"小米"}, set(), {"MWC 2024"}),
    # a plant is no firm
    ("GXO位於斯帕坦堡工厂的仓库已开始使用Digit。", {"GXO"}, set(), {"斯帕坦堡工厂"}),
    # firms and services the fresh batches named without a lexicon entry; an idiom is no firm
    ("日本大金、美國開利與美的競爭熱泵市場，物美則收購麥德龍中國。", {"大金", "開利", "美的", "物美", "麥德龍中國"}, set(), set()),
    ("这家店的商品物美价廉，加大金融支持后客流回升。", set(), set(), {"物美", "大金"}),
    ("Max之前，Disney+與HBO GO已在台上架，本地對手有friDay影音、myVideo與KKTV。", set(),
     {"Disney+", "HBO GO", "friDay影音", "myVideo", "KKTV"}, set()),
])
def test_round22_entity_readings(extractor, text, companies, products, not_names):
    names = {m.text for e in _entities(extractor, text) for m in e.mentions}
    assert companies <= _names(extractor, text, "Company") and products <= _names(extractor, text, "Product"), names
    assert not names & not_names, names
    assert not _names(extractor, text, "Company") & products, names


@pytest.mark.parametrize(("text", "companies", "products", "not_names"), [
    # the tagger's span ran into a Latin gloss: the name before the bracket, the gloss its other name
    ("该工作室此后与美国游戏公司动视（Activision）合作近10年。", {"动视", "Activision"}, set(), {"动视（Activision）"}),
    ("該工作室此後與美國遊戲公司動視（Activision）合作近10年。", {"動視", "Activision"}, set(), {"動視（Activision）"}),
    # a measure with the part it measures and the verb fitting it; a colour; cell-to-body designs; a sector
    ("華碩Zenfone 9內建4300mAh電池。", {"華碩"}, {"Zenfone 9"}, {"內建4300mAh電池", "4300mAh電池"}),
    ("摩托罗拉razr 40 Ultra推出“万岁洋红”配色。", {"摩托罗拉"}, {"razr 40 Ultra"}, {"万岁洋红"}),
    ("一位券商TMT分析師表示，海豹是首款應用CTB電池車身一體化技術的車型。", set(), set(), {"TMT", "CTB"}),
    # 升 before 级 is an upgrade, no litre after a version
    ("百度文心一言3.5升级后表现更好。", {"百度"}, {"文心一言3.5"}, {"文心一言"}),
    # a phrase quoted as said; a simulation technique after a model name
    ("馬斯克形容，今次推出是團隊「十年努力的成果」。", set(), set(), {"十年努力的成果"}),
    ("楷登电子推出首款产品Millennium M1 CFD超级计算机。", {"楷登电子"}, {"Millennium M1"}, {"Millennium M1 CFD"}),
    # a sum is no Latin name; a broker's trade before a name; a city abroad; a tri-fold and a convenience store
    ("網上券商富途控股宣布，已完成向天星銀行的母公司注資4.4億港元。", {"富途控股"}, set(), {"4.4"}),
    ("天星银行由小米集团与亚洲券商尚乘集团共同成立。", {"小米集团", "尚乘集团"}, set(), {"亚洲券商尚乘集团"}),
    ("美国方面，甲骨文已在吉达开设云区域。", {"甲骨文"}, set(), {"吉达"}),
    ("華為三摺屏手機Mate XT在吉隆坡發佈。", {"華為"}, {"Mate XT"}, {"三摺屏", "吉隆坡"}),
    ("全家是國內第一個擁有自有支付工具的超商。", set(), set(), {"超商"}),
    ("可灵由快手大模型团队自研。", {"快手"}, {"可灵"}, {"可灵由快手大模型"}),
    # a meeting named after a product line names no product; a trade's plant word before a name
    ("高通在骁龙峰会上发布骁龙8 Gen 3。", {"高通"}, {"骁龙8 Gen 3"}, {"骁龙"}),
    ("鴻蒙生態大會上，華為發布HarmonyOS NEXT。", {"華為"}, {"HarmonyOS NEXT"}, {"鴻蒙"}),
    ("被動元件大廠國巨今天宣布，將對東京證券交易所上市的熱敏電阻廠芝浦電子發動公開收購。", {"國巨", "芝浦電子"}, set(),
     {"熱敏電阻廠"}),
    # a weak name opening a cooperation frame after an adverb of time is a company
    ("菜鸟此前与列日机场合作建设eHub。", {"菜鸟"}, set(), set()),
    ("菜鳥早前與列日機場合作建設eHub。", {"菜鳥"}, set(), set()),
    # a three-character firm holding a product family's name; an image signal processor is a kind
    ("大众汽车与地平线成立合资公司酷睿程开发智驾方案。", {"大众汽车", "地平线", "酷睿程"}, set(), {"酷睿"}),
    ("今年9月，vivo X70系列搭载了自研ISP芯片V1。", {"vivo"}, set(), {"ISP", "ISP芯片"}),
])
def test_round23_entity_readings(extractor, text, companies, products, not_names):
    names = {m.text for e in _entities(extractor, text) for m in e.mentions}
    assert companies <= _names(extractor, text, "Company") and products <= _names(extractor, text, "Product"), names
    assert not names & not_names, names


def test_a_games_business_named_with_its_company_is_the_company(extractor):
    (tencent,) = [e for e in _entities(extractor, "由拳头游戏开发、腾讯游戏代理的《无畏契约》国服正式上线。")
                  if "腾讯游戏" in {m.text for m in e.mentions}]
    assert (tencent.type, tencent.key) == ("Company", "tencent")


@pytest.mark.parametrize(("text", "companies", "products", "not_names"), [
    ("2023年，海信在其技术大会上发布了这一自研大模型。", {"海信"}, set(), {"这一自研大模型", "这一自研"}),
    ("百川刚刚通过大模型备案，其对话产品“百川大模型”向公众开放。", set(), {"百川大模型"}, {"刚刚通过大模型"}),
    ("“超级小爱”，这是小米推出的新一代AI助手。", {"小米"}, {"超级小爱"}, {"新一代AI助手"}),
    ("一款此前已在美国上线的股票交易App，日前在新加坡正式上线。", set(), set(), {"股票交易App"}),
    ("全志科技是多家扫地机器人厂商的主控芯片供应商。", {"全志科技"}, set(), {"主控"}),
    ("與此前字節推出的插件式編程助手豆包MarsCode不同。", {"字節"}, {"豆包MarsCode"}, {"插件式編程助手"}),
    ("完美世界（002624）表示。完美世界在内地与Valve合作运营“蒸汽平台”。", {"完美世界", "Valve"}, set(), set()),
    ("亚马逊AWS和谷歌云仍是全球公有云前三。", {"亚马逊", "AWS", "谷歌云"}, set(), {"亚马逊AWS"}),
    ("亞馬遜AWS隨後也開放客戶使用。", {"亞馬遜", "AWS"}, set(), set()),
    ("高通将把Alphawave的技术与高通自研的Oryon CPU和Hexagon NPU结合。", {"高通", "Alphawave"},
     {"Oryon CPU", "Hexagon NPU"}, set()),
    ("新机内置5820mAh硅碳负极电池。", set(), set(), {"5820mAh硅碳负极电池"}),
    ("闻泰科技已将手机ODM业务出售给立讯精密。", {"闻泰科技", "立讯精密"}, set(), {"ODM"}),
    ("英特爾將Altera的51%股權出售給私募股權公司銀湖（Silver Lake）。", {"英特爾", "Altera", "銀湖", "Silver Lake"}, set(),
     {"私募股權公司"}),
    ("英飛凌2023年收購加拿大氮化鎵廠GaN Systems。", {"英飛凌", "GaN Systems"}, set(), {"加拿大氮化鎵廠"}),
    ("消息最早由美國功率晶片廠納微半導體（Navitas Semiconductor）揭露。納微同日宣布與力積電建立策略夥伴關係。",
     {"納微半導體", "納微", "Navitas Semiconductor", "力積電"}, set(), set()),
    ("銀湖2013年曾與創辦人麥克．戴爾聯手完成交易。", set(), set(), {"戴爾"}),
    ("仰望U8瞄准的是奔驰G级、路虎卫士等传统豪华越野车。", set(), {"仰望U8", "奔驰G级"}, {"奔驰G"}),
    ("饿了么是阿里巴巴本地生活服务公司旗下平台。", {"阿里巴巴"}, set(), {"生活服务公司"}),
    ("其他大型零售集團正研究合併旗下會員計劃。", set(), set(), {"零售集團", "零售"}),
    ("Humane表示，AI Pin于2023年11月正式发布，售价699美元。", set(), {"AI Pin"}, set()),
    # a Chinese name a product noun and 名为 introduce; a Latin name after a service noun or glossed as a product;
    # a product named with its kind is that product without it
    ("在香港，富途的交易平台名为富途牛牛，moomoo则是其面向海外用户的品牌。", {"富途"}, {"富途牛牛"}, set()),
    ("這款App取名為小紅卡的服務已上線。", set(), {"小紅卡"}, set()),
    ("蝦皮購物先前已推出自家電子支付服務ShopeePay。", set(), {"ShopeePay"}, set()),
    ("台積電今年4月揭曉COUPE（緊湊型通用光子引擎）。", {"台積電"}, {"COUPE"}, set()),
    ("海信发布星海大模型。此次由星海负责意图理解，复杂问题再交给DeepSeek处理。", {"海信", "DeepSeek"}, {"星海大模型", "星海"},
     set()),
    # a name with its product noun after a maker's relative clause; a quoted camp of firms (…系) is no product; a unit
    # named by its parent and its line of business; two abbreviations in one bracket
    ("今天，由完美世界运营的蒸汽平台正式上线。", set(), {"蒸汽平台"}, set()),
    ("中通快遞（02057）等「通達系」以低價搶佔電商件市場。", {"中通快遞"}, set(), {"通達系"}),
    ("当天，顺丰航空的波音767全货机执飞。京东物流旗下的京东航空正在筹备首航。", {"顺丰航空", "京东物流", "京东航空"}, set(),
     {"顺丰", "京东"}),
    ("腾讯健康则提供大模型训练能力。", {"腾讯健康"}, set(), {"健康则提供大模型"}),
    ("腾讯健康码上线。", {"腾讯"}, set(), {"腾讯健康"}),
    # fields of technology listed with a company are no companies; a department before a title is none; names after
    # device nouns in a list of two or more; variant words alone; founders in Latin; a firm founded in a year
    ("主要面向大数据、分布式存储和ARM原生应用等场景。", set(), set(), {"分布式存储", "大数据"}),
    ("华为董事、战略Marketing总裁徐文伟在发布会上称。", {"华为"}, set(), {"Marketing"}),
    ("腾讯宣布了在芯片领域的最新进展：AI推理芯片紫霄、视频转码芯片沧海和智能网卡芯片玄灵。", {"腾讯"},
     {"紫霄", "沧海", "玄灵"}, set()),
    ("行業人士指，芯片短缺。", set(), set(), {"短缺"}),
    ("首個版本Gemini 1.0依規模分為Ultra、Pro與Nano三種。", set(), {"Gemini 1.0"}, {"Pro", "Nano", "Ultra"}),
    ("MosaicML成立于2021年，由Naveen Rao和Hanlin Tang共同创办。", {"MosaicML"}, set(), {"Naveen Rao", "Hanlin Tang"}),
    ("國發會官員受訪時指出，台灣新創赴海外上市有助提升國際能見度。", set(), set(), {"國發"}),
    ("2025年或将看到首批AI智能体“加入劳动力队伍”。", set(), set(), {"加入劳动力队伍"}),
    ("生成式AI熱潮下，公司今年較早前推出企業級大模型產品「式說」。", set(), {"式說"}, {"企業級大模型"}),
    ("科技新報 2024-01-09\n微星發表首款遊戲掌機MSI Claw。", {"微星"}, {"MSI Claw"}, {"科技新報 2024-01-09"}),
    ("现有车型包括小型纯电车T03和中型SUV C11。", set(), {"T03", "C11"}, {"纯电车T03"}),
    ("有分析師指，美息急升令港股氣氛疲弱。", set(), set(), {"美息"}),
    ("是次招股引入逾20名基石投資者，合共認購約203.7億港元股份。", set(), set(), {"港元股份"}),
    ("離岸風電開發商沃旭能源今天宣布。", {"沃旭能源"}, set(), {"離岸風電"}),
])
def test_round19_entity_readings(extractor, text, companies, products, not_names):
    names = {m.text for e in _entities(extractor, text) for m in e.mentions}
    assert companies <= _names(extractor, text, "Company") and products <= _names(extractor, text, "Product"), names
    assert not names & not_names, names


def test_a_brand_before_a_category_word_keys_the_product_by_its_brand(extractor):
    # "百川大模型": the brand is all the name there is; the key is not the category word 大模型
    text = "百川智能与火山引擎合作。其对话产品“百川大模型”向公众开放。"
    product = next(e for e in _entities(extractor, text) if e.type == "Product")
    assert product.key == "百川", product.key


def test_two_abbreviations_in_one_bracket_name_one_company(extractor):
    text = "华为数字能源与中国电建集团山东电力建设第三工程有限公司（山东电建三公司，SEPCOIII）签约。"
    sepco = next(e for e in _entities(extractor, text) if "SEPCOIII" in {m.text for m in e.mentions})
    assert {"山东电建三公司", "中国电建集团山东电力建设第三工程有限公司"} <= {m.text for m in sepco.mentions}
