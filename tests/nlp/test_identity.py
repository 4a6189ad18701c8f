"""Entity boundaries, identity and canonical labels (issue 7, classes 3, 5, 6, 7 and 8).

Each table lists sentences of our own, Simplified and Traditional, with
full-width and mixed script, and what a reader would list: which entities,
under which key and label, and what must not be found.
"""

from __future__ import annotations

import json
import re

import pytest

from techkg.nlp.link import maker_scoped_key, product_rekeys
from techkg.nlp import terms
from techkg.nlp.candidates import common_word_reading, is_non_company, is_sentence
from techkg.nlp.lexicon import builtin_path
from techkg.nlp.resolve import Cover, _holds_shorter, can_name_product
from techkg.records import Article

# --- tables ------------------------------------------------------------------------------------

# (text, {(type, key): label}) — every listed entity is found with that key and label.
IDENTITY_CASES = [
    # the same product under several labels: one entity, one label
    ("英伟达H100供不应求，NVIDIA H100价格上涨，H100成为抢手货。", {("Product", "nvidia-h100"): "NVIDIA H100"}),
    ("輝達H200開始出貨，H200的記憶體更大。", {("Product", "nvidia-h200"): "NVIDIA H200"}),
    # variants are different products
    ("xAI发布Grok 3后，又推出了Grok 4。",
     {("Product", "xai-grok-3"): "Grok 3", ("Product", "xai-grok-4"): "Grok 4"}),
    ("ｘＡＩ發布Ｇｒｏｋ　３，隨後推出Ｇｒｏｋ　４。",
     {("Product", "xai-grok-3"): "Grok 3", ("Product", "xai-grok-4"): "Grok 4"}),
    ("OPPO发布Find X7和Find X7 Ultra两款手机。",
     {("Product", "oppo-find-x7"): "OPPO Find X7", ("Product", "oppo-find-x7-ultra"): "OPPO Find X7 Ultra"}),
    ("OPPO發表Find X8與Find X8 Pro兩款旗艦機。",
     {("Product", "oppo-find-x8"): "OPPO Find X8", ("Product", "oppo-find-x8-pro"): "OPPO Find X8 Pro"}),
    ("阿里云发布Qwen2.5，之后又推出Qwen2.5-Max。",
     {("Product", "alibaba-qwen2-5"): "Qwen2.5", ("Product", "alibaba-qwen2-5-max"): "Qwen2.5-Max"}),
    ("小米發布小米15，小米15 Pro隨後開賣。",
     {("Product", "xiaomi-15"): "Xiaomi 15", ("Product", "xiaomi-15-pro"): "Xiaomi 15 Pro"}),
    ("三星发布Galaxy S25和Galaxy S25 Ultra。",
     {("Product", "samsung-galaxy-s25"): "Galaxy S25", ("Product", "samsung-galaxy-s25-ultra"): "Galaxy S25 Ultra"}),
    ("吉利发布银河E8，随后推出银河L7。",
     {("Product", "geely-galaxy-e8"): "Geely Galaxy E8", ("Product", "geely-galaxy-l7"): "Geely Galaxy L7"}),
    # a bare model number is keyed within its maker
    ("DeepSeek发布DeepSeek-V3模型。vivo推出自研V3影像芯片。",
     {("Product", "deepseek-v3"): "DeepSeek-V3", ("Product", "vivo-v3"): "vivo V3"}),
    ("領克發表全新Z20，Z20主打年輕族群。", {("Product", "lynk-co-z20"): "Lynk & Co Z20"}),  # not a bare "Z20"
    # a weak lexicon name (R1) the article does not confirm is not that entry (DeepSeek-R1)
    ("宇树发布新款人形机器人R1，售价3.99万元。", {("Product", "unitree-r1"): "Unitree Robotics R1"}),
    ("DeepSeek發布R1推理模型，R1在數學測試中表現出色。", {("Product", "deepseek-r1"): "DeepSeek-R1"}),
    # a Latin product name glued to its maker's Chinese name is named without it
    ("小米14搭载索尼 IMX800传感器，索尼将继续供货。",
     {("Product", "imx800"): "IMX800", ("Company", "sony"): "Sony"}),
    ("索尼发布全新IMX900传感器。", {("Product", "imx900"): "IMX900", ("Company", "sony"): "Sony"}),
    ("传感器来自索尼 IMX989", {("Product", "imx989"): "IMX989", ("Company", "sony"): "Sony"}),  # at the very end
    ("華碩ROG Ally X正式開賣。", {("Product", "rogallyx"): "ROG Ally X", ("Company", "asus"): "ASUS"}),
    # a series is named as its product; a category noun before a Latin name is no part of it
    ("微星Claw 8 AI+搭載英特爾Core Ultra 200V系列處理器。", {("Product", "intel-core-ultra-200v"): "Core Ultra 200V"}),
    # an unlisted model of a listed family: one key whichever script names the family
    ("英特尔发布酷睿Ultra 200V系列处理器。Core Ultra 200V将用于联想的笔记本。",
     {("Product", "intel-core-ultra-200v"): "Core Ultra 200V"}),
    ("英特爾推出Core Ultra 200V處理器，酷睿Ultra 200V採用台積電3奈米製程。",
     {("Product", "intel-core-ultra-200v"): "Core Ultra 200V"}),
    ("ＡＭＤ發表銳龍AI 300系列，Ryzen AI 300主打輕薄筆電。", {("Product", "amd-ryzen-ai-300"): "Ryzen AI 300"}),
    # processor model forms after a listed family: tier and lettered code are part of the name
    ("旗舰型号为酷睿Ultra 9 288V，AMD则推出锐龙7 7840HS。",
     {("Product", "intel-core-ultra-9288v"): "酷睿Ultra 9 288V", ("Product", "amd-ryzen-77840hs"): "锐龙7 7840HS"}),
    ("英特爾發表酷睿i9-14900K，售價589美元。", {("Product", "intel-core-i9-14900k"): "酷睿i9-14900K"}),
    ("去年面世的运动相机Ace Pro 2由影石与徕卡联合研发。", {("Product", "acepro2"): "Ace Pro 2"}),
    ("东京电子推出CLEAN TRACK LITHIUS Pro Z系列涂胶显影设备。",
     {("Product", "cleantracklithiusproz"): "CLEAN TRACK LITHIUS Pro Z"}),
    # a trailing AI before a device noun or a clause end is part of the model's name, not before 功能
    ("宏碁今日发布Swift 14 AI笔记本。", {("Product", "swift14ai"): "Swift 14 AI"}),
    ("華碩發表Zenbook S 14 AI筆電。", {("Product", "zenbooks14ai"): "Zenbook S 14 AI"}),
    ("宏碁發表首款搭載Intel Lunar Lake處理器的Swift 14 AI。", {("Product", "swift14ai"): "Swift 14 AI"}),
    ("华为Mate 70 AI功能全面升级。", {("Product", "huawei-mate-70"): "HUAWEI Mate 70"}),
    # a version number in brackets is part of the name; no name ends inside a bracket
    ("英國手機品牌Nothing昨晚推出旗艦Nothing Phone (3)。", {("Product", "phone(3)"): "Nothing Phone (3)"}),
    ("Nothing发布了Phone (2a)和CMF Phone 1。", {("Product", "phone(2a)"): "Phone (2a)"}),
    # a connector inside an English name keeps the name whole
    ("聯發科也將與微軟合作推出Windows on Arm晶片。", {("Product", "windowsonarm"): "Windows on Arm"}),
    # a code name keeps its category word; a lexicon name extends over its own name words
    ("輝達在GTC上展示Vera CPU與Rubin GPU。", {("Product", "vera"): "Vera CPU"}),
    ("整合将随iOS 18和macOS Mojave推出。", {("Product", "macosmojave"): "macOS Mojave"}),
    ("華碩推出ROG Xbox Ally掌機。定位較高的ROG Xbox Ally X搭載新處理器。",
     {("Product", "rogxboxally"): "ROG Xbox Ally", ("Product", "rogxboxallyx"): "ROG Xbox Ally X"}),
]

# (text, key, mentions) — a short form later in the article is the product it abbreviates
SHORT_FORM_CASES = [
    ("百度发布文心大模型X1，X1在推理任务上表现出色。", "baidu-ernie-x1", ["文心大模型X1", "X1"]),
    ("乐道L60正式上市，L60起售价20.69万元。", "nio-onvo-l60", ["乐道L60", "L60"]),
    ("樂道L60正式上市，L60起售價20.69萬元。", "nio-onvo-l60", ["樂道L60", "L60"]),
    ("英伟达H100供不应求，NVIDIA H100价格上涨，H100成为抢手货。", "nvidia-h100", ["H100", "NVIDIA H100", "H100"]),
]

# (text, [the company's names in the article], the partners read) — a company written in full once and
# shortened afterwards is one company; a subsidiary named by a longer name is another
COMPANY_SHORT_FORM_CASES = [
    ("星河智联科技今日宣布与华为合作，星河智联将提供座舱软件。", ["星河智联科技", "星河智联"], [{"星河智联科技", "华为"}]),
    ("遠傳電信與亞太電信完成合併，遠傳表示用戶權益不變。", ["遠傳電信", "遠傳"], None),
    ("群聯電子今（5）日宣布與鎧俠深化合作，群聯表示將共同開發新一代控制晶片。", ["群聯電子", "群聯"], [{"群聯電子", "鎧俠"}]),
    # a company the lexicon does not list (the lexicon lists 云深处 since lex8: its mention is then 云深处科技)
    ("杭州宇泛智能科技有限公司发布新款门禁终端，宇泛称已与国家电网合作。",
     ["杭州宇泛智能科技有限公司", "宇泛"], None),
    ("智邦科技與思科簽署合作協議，智邦指出雙方將合作開發交換器。", ["智邦科技", "智邦"], [{"智邦科技", "思科"}]),
    ("安徽省云海数据股份有限公司（以下简称“云海数据”）与中兴通讯签署战略合作协议，云海数据将负责运维。",
     ["安徽省云海数据股份有限公司", "云海数据"], None),
    ("深圳市游科互动科技有限公司（游戏科学）发布新作，游戏科学与英伟达合作优化画面。",
     ["深圳市游科互动科技有限公司", "游戏科学"], None),
    ("英國的Deliveroo（戶戶送）宣布撤出香港，戶戶送表示將協助商戶轉移。", ["Deliveroo", "戶戶送"], None),
    # a Latin company name without its trade word (c355-c374; also c124 Mox, c244 Cellnex, c320 SPARC)
    ("Uber Eats与配送机器人公司Serve Robotics宣布扩大合作，Serve将投放最多2000台机器人。", ["Serve Robotics", "Serve"], None),
    ("Joby Aviation與豐田簽署合作協議，Joby計劃2025年在杜拜商業化。", ["Joby Aviation", "Joby"], [{"Joby Aviation", "豐田"}]),
    ("中国广播电视网络集团有限公司（简称中国广电）正式商用5G，广电用户突破千万。",
     ["中国广播电视网络集团有限公司", "中国广电", "广电"], None),
]

# (text, the company as named, a longer stretch that is not its name) — a description glued before
# a name in one word is not part of it; a legal name keeps what it holds
DESCRIPTOR_GLUED_CASES = [
    ("美国AI软件公司Nod.ai被AMD收购，团队并入AMD。", "Nod.ai", "AI软件公司Nod.ai"),
    ("科创板公司上纬新材发布公告，控股股东将变更。", "上纬新材", "科创板公司上纬新材"),
    ("裕隆集團旗下品牌納智捷與鴻海合作開發電動車。", "納智捷", "品牌納智捷"),
    ("美国芯片公司Ampere与甲骨文合作。", "Ampere", "芯片公司Ampere"),
    # a foreign country before a name is no part of it, unless a trade follows (德国电信)
    ("力積電與日本SBI控股曾計畫合作建廠。", "SBI控股", "日本SBI控股"),
    ("鴻海退出與印度韋丹塔集團的合資案。", "韋丹塔集團", "印度韋丹塔集團"),
    ("德国电信与华为合作建设5G网络。", "德国电信", "电信"),
]

# (text, two names that stay two companies)
BRACKETED_PARENT_CASES = [
    ("海思（华为）发布新芯片。", ("海思", "华为")),
    ("云鲸智能（小米）推出扫地机器人。", ("云鲸智能", "小米")),
]
# (text, two names that stay two companies)
COMPANY_NOT_SHORT_FORM_CASES = [
    ("京东与京东物流同日发布财报。", ("京东", "京东物流")),
    ("阿里巴巴旗下的阿里云与零跑合作，零跑国际负责海外销售。", ("零跑", "零跑国际")),
    ("百度与百度智能云分别公布了业绩。", ("百度", "百度智能云")),
    ("台灣大哥大與台灣之星完成合併。", ("台灣大哥大", "台灣之星")),
]

# (text, companies that must be found) — Latin names with digits are companies where the text says so
LATIN_DIGIT_COMPANY_CASES = [
    ("微软宣布与G42合作开发AI。", {"g42", "microsoft"}),
    ("新华三（H3C）与英特尔合作推出新一代服务器。", {"intel"}),
]

# (text, companies that must be found) — a weak name listed with companies the article confirms is one
LISTED_WEAK_CASES = [
    ("比亚迪此举将对长安、吉利、零跑等同价位品牌形成压力。", {"changan", "geely", "leapmotor"}),
    ("日產與本田、三菱汽車宣布將共同研究合併。", {"nissan", "honda"}),
    ("伺服器訂單由廣達、和碩及緯創分食。", {"quanta", "pegatron", "wistron"}),
    # a weak name opening a cooperation frame, an adverb before the preposition
    ("吉利将与百度在智能驾驶领域展开深度合作。", {"geely", "baidu"}),
    ("理想已与地平线达成合作。", {"li-auto", "horizon-robotics"}),
    ("長安也與華為簽署了合作協議。", {"changan", "huawei"}),
]

# (text, {(type, key)}) — well-known companies named inside or before a product name are companies
COMPANY_CASES = [
    ("百度文心一言用户数突破3亿。", {("Company", "baidu"), ("Product", "baidu-ernie-bot")}),
    ("阿里巴巴通義千問發布新版本。", {("Company", "alibaba"), ("Product", "alibaba-qwen")}),
    ("华为Mate 60 Pro销量火爆。", {("Company", "huawei"), ("Product", "huawei-mate-60-pro")}),
    ("字节跳动豆包大模型日活超过1亿。", {("Company", "bytedance"), ("Product", "bytedance-doubao")}),
    ("谷歌TPU v5p已向云客户开放。", {("Company", "google"), ("Product", "google-tpu-v5p")}),
    ("理想发布L9 Pro。", {("Company", "li-auto")}),
    ("地平线发布征程6芯片，长安与华为合作开发新车。", {("Company", "horizon-robotics"), ("Company", "changan")}),
    ("苹果发布iPhone 16。", {("Company", "apple"), ("Product", "apple-iphone-16")}),
    # short names of listed firms in a list, and the firms whose names hold them stay apart
    ("菜鸟由阿里巴巴联合顺丰、申通、中通、韵达等快递企业共同发起。",
     {("Company", "sto-express"), ("Company", "zto"), ("Company", "yunda"), ("Company", "sf-express")}),
    ("中通客車發布新款大巴，中通服則中標中國移動的項目。", {("Company", "zhongtong-bus"), ("Company", "china-comservice")}),
    ("陸金所與中國平安、眾安在線同日公布業績。", {("Company", "lufax"), ("Company", "ping-an"), ("Company", "zhongan-online")}),
    # a report about a product leaves the product (no title mark closes before the document noun)
    ("Counterpoint发布iPhone 16的销量报告。", {("Product", "apple-iphone-16")}),
    # banks and payment firms act in fintech news; a short name that only ever means the bank
    ("Mox由渣打聯同香港電訊、電訊盈科及攜程合資成立。", {("Company", "standard-chartered"), ("Company", "hkt")}),
    ("滙豐PayMe推出商戶收款功能，恒生銀行亦跟進。", {("Company", "hsbc"), ("Product", "hsbc-payme"), ("Company", "hang-seng-bank")}),
    ("中国银行与华为签署战略合作协议，招商银行则联合腾讯推出理财助手。",
     {("Company", "bank-of-china"), ("Company", "china-merchants-bank")}),
    ("livi bank由中銀香港、京東數科與怡和合資成立。", {("Company", "boc-hong-kong"), ("Company", "jd-technology")}),
    ("九号公司、雅迪和爱玛的电动两轮车销量均有增长，哈啰也推出新车。",
     {("Company", "segway-ninebot"), ("Company", "yadea"), ("Company", "aima"), ("Company", "hello-inc")}),
    ("联想发布新款ThinkPad。", {("Company", "lenovo")}),
]

# (text, surfaces that must not be an entity of the given type)
NOT_ENTITY_CASES = [
    # prices written with digit groups, stock markets: no products
    ("OPPO Find N5今日在港上市，定價港幣14,999元。", "Product", {"港幣14", "港幣14,999"}),
    ("新机售价人民币5,999元起，港版定价港币6,499元。", "Product", {"人民币5", "港币6"}),
    ("小馬智行正式登陸美國納斯達克交易所。", "Product", {"美國納斯達克交易所", "納斯達克交易所"}),
    ("文远知行登陆纳斯达克，成为自动驾驶第一股。", "Product", {"纳斯达克"}),
    # a titled or quoted name a document noun follows names a document
    ("谷歌发布了名为《AI Index》的年度报告。", "Product", {"AI Index", "Index"}),
    ("Google發布了一份名為《了解當代玩家》(Understanding the Modern Gamer)的研究報告。", "Product",
     {"了解當代玩家", "Understanding the Modern Gamer"}),
    ("腾讯研究院发布名为“AI for Science”的白皮书。", "Product", {"AI for Science", "Science"}),
    # share lines and market words of finance news: no products
    ("万科A今日涨停，京东方A与深振业A跟涨。", "Product", {"万科A", "京东方A", "深振业A"}),
    ("工行H股与平安H股下跌，三一重工H也走低。", "Product", {"H股", "平安H股", "三一重工H"}),
    ("ST凯马B停牌，非公开发行A股的申请获批。", "Product", {"ST凯马B", "A股"}),
    ("联想到过去十年的发展，行业人士感慨万千。", "Company", {"联想"}),
    ("聯想到2030年的規劃，公司將持續投入。", "Company", {"聯想"}),
    ("今年苹果价格上涨，果农收入增加。", "Company", {"苹果"}),
    ("今年蘋果價格上漲，果農收入增加。", "Company", {"蘋果"}),
    ("冬天喝小米粥养胃，小米的营养价值很高，种植面积扩大。", "Company", {"小米"}),
    ("汽车行业迎来新一代智能化浪潮。", "Company", {"汽车行业", "新一代", "浪潮"}),
    ("多家新創車廠推出新一代車型。", "Company", {"新創車廠", "新創車", "新一代"}),
    ("IC設計大廠聯詠與晶圓代工廠力積電合作。", "Company", {"IC設計大廠", "IC設計"}),
    ("据报道，该公司 will launch the new model next year 以应对竞争。", "Company",
     {"will launch the new model next year"}),
    ("我们认为 This is the best phone we have ever made 是苹果的宣传语。", "Product",
     {"This is the best phone we have ever made"}),
    ("X平台的用户增长放缓，X的广告收入下降。", "Product", {"X"}),
    ("吉利发布银河E8，随后推出银河L7。", "Company", {"银河"}),  # a series, not a company
    ("站在新的地平线上，我们充满希望。", "Company", {"地平线"}),  # weak names need a company cue
    ("祝大家新年吉利，万事如意。", "Company", {"吉利"}),
    ("小米15系列在內地高端市場表現理想，小米亦與高通深化合作。", "Company", {"理想"}),  # a comma lists nothing
    # a newspaper's title in 《》 and a capitals-only name written in lower case are no company
    ("经济学家在接受《每日经济新闻》采访时表示，楼市将回暖。", "Company", {"每日经济新闻"}),
    ("布鲁日vs圣埃蒂安、nec奈梅亨vs热刺。", "Company", {"nec"}),
    # a Chinese name may hold its country (法国巴黎银行 is BNP Paribas' name)
    ("法国巴黎银行净利锐减过半。", "Company", {"巴黎银行"}),
    # benchmarks, charging rates, memory configurations, release stages: no product
    ("Claude 3 Opus在GPQA和GSM8K上的得分領先。", "Product", {"GPQA", "GSM8K"}),
    ("新车支持5C超充，电池由宁德时代供应。", "Product", {"5C"}),
    ("苹果曾推出iPhone 5c，定位入门市场。", "Product", {"iPhone"}),  # the name is iPhone 5c
    ("Mate XT的16GB+256GB版本售价19999元。", "Product", {"16GB+256GB"}),
    ("盘古大模型5.0已开放Beta测试。", "Product", {"Beta"}),
    # an index, a share, a legal form alone, a rating: no company or product
    ("小米股價高開，帶動恒生科技指數向上。", "Company", {"恒生科技"}),
    ("恒生科技指数收涨2%，创业板指数下跌。", "Company", {"恒生科技", "创业板"}),
    ("芯源微股票自周一起复牌。", "Product", {"芯源微股票"}),
    ("摩尔线程智能科技（北京）股份有限公司今日上市。", "Company", {"股份有限公司"}),
    ("新機具備IP68防塵防水等級。", "Product", {"IP68"}),
    ("香港電訊宣布與華為合作推出5.5G網絡服務。", "Product", {"5.5G"}),  # a network generation
    # trade shows and developer conferences are events
    ("英伟达在CES 2025上发布RTX 5090显卡。", "Product", {"CES 2025", "CES"}),
    ("苹果在WWDC 2024上宣布推出Apple Intelligence。", "Product", {"WWDC 2024"}),
    ("谷歌在I/O 2024上发布Gemini 1.5 Pro。", "Product", {"O 2024", "I/O 2024"}),
    ("AMD在Computex上發表Ryzen AI 300系列處理器。", "Product", {"Computex"}),
    ("微软在Build 2024上推出Copilot+ PC。", "Product", {"Build 2024"}),
    ("中国移动宣布5.5G商用，首批覆盖300个城市。", "Product", {"5.5G"}),
    ("廣達旗下雲達科技（QCT）推出新伺服器。", "Product", {"雲達科技"}),
    # a company's short name counts only as a word of its own
    ("人民网络科技有限公司发布新品。人民群众很满意。", "Company", {"人民"}),
    # a model number before a release verb is the product, not a company (a partner G42 is one)
    ("納智捷宣布，純電休旅車n7正式上市。", "Company", {"n7"}),
    ("小米YU7今日开售，首批现车已到店。", "Company", {"YU7"}),
    ("新款X5正式上市，起售价20万元。", "Company", {"X5"}),
    # Taiwan and Hong Kong descriptors: what kind of company, not which
    ("南韓記憶體大廠與台系IC設計廠商都在爭取訂單。", "Company", {"南韓記憶體大廠", "台系IC設計廠商", "南韓記憶體"}),
    ("香港多間銀行及保險公司已試用該模型，創新科技及工業局表示歡迎。", "Company", {"多間", "創新科技", "多間銀行"}),
    ("新廠位於新竹科學園區，鄰近多家記憶體廠。", "Company", {"新竹科學園區", "記憶體廠", "科學園區"}),
    # a city alone, where a plant or office is built, is no company
    ("鴻海與輝達宣布擴大合作，將在高雄興建超級電腦中心。", "Company", {"高雄"}),
    ("台積電將在台南擴建先進封裝廠。", "Company", {"台南"}),
    ("比亚迪宣布将在合肥新建生产基地。", "Company", {"合肥"}),
]


# --- the pipeline on the tables ----------------------------------------------------------------


def _entities(extractor, text):
    return extractor.extract(Article(id="t", text=text)).entities


@pytest.mark.parametrize(("text", "expected"), IDENTITY_CASES)
def test_identity_keys_and_labels(extractor, text, expected):
    found = {(e.type, e.key): e for e in _entities(extractor, text)}
    for (etype, key), label in expected.items():
        assert (etype, key) in found, f"{key} not found in {sorted(found)}"
        assert found[(etype, key)].label == label


@pytest.mark.parametrize(("text", "key", "mentions"), SHORT_FORM_CASES)
def test_short_forms_join_their_product(extractor, text, key, mentions):
    found = {e.key: e for e in _entities(extractor, text)}
    assert [m.text for m in found[key].mentions] == mentions


@pytest.mark.parametrize(("text", "names", "partners"), COMPANY_SHORT_FORM_CASES)
def test_company_short_forms_are_one_company(extractor, text, names, partners):
    extraction = extractor.extract(Article(id="t", text=text))
    companies = [e for e in extraction.entities if e.type == "Company"]
    holder = [e for e in companies if names[0] in {m.text for m in e.mentions}]
    assert holder, f"{names[0]} not found among {[e.label for e in companies]}"
    assert set(names) <= {m.text for m in holder[0].mentions}
    if partners is not None:
        key_of = {m.text: e.key for e in companies for m in e.mentions}
        read = [{r.source, r.target} for r in extraction.relations if r.type == "partnership"]
        assert all({key_of.get(name) for name in pair} in read for pair in partners), read


@pytest.mark.parametrize(("text", "keys"), LISTED_WEAK_CASES + LATIN_DIGIT_COMPANY_CASES)
def test_weak_names_listed_with_companies_are_companies(extractor, text, keys):
    assert keys <= {e.key for e in _entities(extractor, text) if e.type == "Company"}


@pytest.mark.parametrize(("text", "name", "not_name"), DESCRIPTOR_GLUED_CASES)
def test_descriptors_glued_before_a_name_are_cut_off(extractor, text, name, not_name):
    names = {m.text for e in _entities(extractor, text) if e.type == "Company" for m in e.mentions}
    assert name in names and not_name not in names, names


@pytest.mark.parametrize(("text", "names"), COMPANY_NOT_SHORT_FORM_CASES + BRACKETED_PARENT_CASES)
def test_subsidiaries_and_rivals_stay_apart(extractor, text, names):
    key_of = {m.text: e.key for e in _entities(extractor, text) if e.type == "Company" for m in e.mentions}
    assert key_of.get(names[0]) is None or key_of.get(names[0]) != key_of.get(names[1])


@pytest.mark.parametrize(("surfaces", "makers", "expected"), [
    ({"deepseek-v3": ["DeepSeek-V3"], "v3": ["V3"]}, {}, {"v3": "deepseek-v3"}),
    ({"deepseek-v3": ["DeepSeek-V3"], "v3": ["V3"]}, {"deepseek-v3": "deepseek", "v3": "vivo"}, {"v3": "vivo-v3"}),
    ({"claude3opus": ["Claude 3 Opus"], "opus": ["Opus"]}, {}, {"opus": "claude3opus"}),
    ({"findx7": ["Find X7"], "findx7ultra": ["Find X7 Ultra"], "ultra": ["Ultra"]}, {}, {}),
    ({"gemini1.5pro": ["Gemini 1.5 Pro"], "gemini1.0pro": ["Gemini 1.0 Pro"], "pro": ["Pro"]}, {}, {}),
    ({"a-x1": ["Alpha X1"], "b-x1": ["Beta X1"], "x1": ["X1"]}, {}, {}),  # two owners: no guess
])
def test_product_rekeys(surfaces, makers, expected):
    assert product_rekeys(surfaces, makers, {k for k in surfaces if "-" in k}) == expected


@pytest.mark.parametrize(("text", "expected"), COMPANY_CASES)
def test_brands_are_companies(extractor, text, expected):
    assert expected <= {(e.type, e.key) for e in _entities(extractor, text)}


@pytest.mark.parametrize(("text", "etype", "surfaces"), NOT_ENTITY_CASES)
def test_not_entities(extractor, text, etype, surfaces):
    found = {m.text for e in _entities(extractor, text) if e.type == etype for m in e.mentions}
    assert not found & surfaces


def test_one_product_one_label_in_every_mention_order(extractor):
    text = "H100供不应求。英伟达H100价格上涨。NVIDIA H100仍是主力。"
    products = [e for e in _entities(extractor, text) if e.type == "Product"]
    assert [(e.key, e.label, e.maker) for e in products] == [("nvidia-h100", "NVIDIA H100", "nvidia")]


@pytest.mark.parametrize(("text", "key", "names"), [
    ("小米今天晚上发布小米MIX 4，售价4999元起。", "mix4", {"MIX 4", "小米MIX 4"}),
    ("受出口管制影响，英伟达H800在国内市场一卡难求。", "nvidia-h800", {"H800", "英伟达H800"}),
    ("輝達H800在中國市場供不應求，華碩也在等貨。", "nvidia-h800", {"H800", "輝達H800"}),
    ("华为正式发布华为Mate 60 Pro，首批现货售罄。", "huawei-mate-60-pro", {"Mate 60 Pro", "华为Mate 60 Pro"}),
    ("理想汽车推出理想L6，定价24.98万元。", "li-auto-l6", {"理想L6", "L6"}),
    ("小米13于12月开售，起售价3999元。", "xiaomi-13", {"小米13"}),  # a bare number is no name
    ("三星電子推出三星Galaxy S24系列，主打AI功能。", "samsung-galaxy-s24",
     {"Galaxy S24系列", "Galaxy S24", "三星Galaxy S24系列", "三星Galaxy S24"}),  # and without 系列
    ("英伟达当天发布了Blackwell架构及B200 GPU。", "nvidia-b200", {"B200 GPU", "B200"}),  # or a kind
    ("英伟达当天发布了Blackwell架构及B200 GPU。", "nvidia-blackwell", {"Blackwell架构", "Blackwell"}),
    ("高通发布第一代骁龙7+移动平台。", "qualcomm-snapdragon-7+", {"骁龙7+", "第一代骁龙7+"}),  # its generation
    ("小米13T Pro搭載聯發科天璣9200+。", "mediatek-dimensity-9200+", {"聯發科天璣9200+", "天璣9200+"}),
    ("腾讯推出腾讯会议。", "tencent-meeting", {"腾讯会议"}),  # no "会议": what is left is a word
    ("蘋果的iPhone 12美國版已支援毫米波。", "iphone12美国版", {"iPhone 12美國版", "iPhone 12"}),  # a market edition
    ("英伟达同时更新了Isaac机器人平台，并以NIM微服务强化资安。", "nvidia-isaac", {"Isaac机器人平台", "Isaac"}),
    ("英伟达同时更新了Isaac机器人平台，并以NIM微服务强化资安。", "nvidia-nim", {"NIM微服务", "NIM"}),
    ("上个月，网易有道发布了教育大模型“子曰”。", "youdao", {"有道", "网易有道"}),  # a unit after its parent
    ("華為海思今日發表新款晶片。", "hisilicon", {"海思", "華為海思"}),
])
def test_products_are_named_with_and_without_their_maker(extractor, text, key, names):
    found = {e.key: e for e in _entities(extractor, text)}
    assert set(found[key].aliases) == names


def test_labels_are_never_lower_case_keys(extractor, corpus_dir):
    text = (corpus_dir / "c04_huawei_ascend910.md").read_text(encoding="utf-8")
    for e in extractor.extract(Article(id="c04", text=text)).entities:
        assert e.label != e.key or not e.key.islower() or not e.key.isascii(), e


def test_placeholder_maker_takes_its_lexicon_label():
    """A maker the article does not name (H100's NVIDIA) is labelled NVIDIA, not nvidia."""
    from rdflib import RDFS

    from techkg.triples import article_triples
    from techkg.records import Entity, Extraction, Mention
    from techkg.vocab import Ids

    product = Entity("nvidia-h100", "Product", "NVIDIA H100", (Mention("H100", 0, 4),), maker="nvidia")
    triples = article_triples(Extraction(Article(id="a", text="H100供不应求"), (product,), ()))
    labels = {str(o) for s, p, o in triples if s == Ids().company("nvidia") and p == RDFS.label}
    assert labels == {"NVIDIA"}


def test_without_lexicon_the_maker_prefix_still_gives_one_product():
    from techkg.extract import Extractor

    ex = Extractor(lexicon=False, use_model=False)
    text = "英伟达H100供不应求，H100成为抢手货。索尼 IMX800传感器也缺货。"
    entities = ex.extract(Article(id="t", text=text)).entities
    products = {e.key: e for e in entities if e.type == "Product"}
    assert {e.key for e in entities if e.type == "Company"} >= {"英伟达", "索尼"}
    assert products["英伟达-h100"].label == "英伟达H100"  # a bare model number, keyed and named with its maker
    assert [m.text for m in products["英伟达-h100"].mentions] == ["H100", "H100"]
    assert (products["imx800"].label, products["imx800"].maker) == ("IMX800", "索尼")


# --- the rules one by one ----------------------------------------------------------------------


@pytest.mark.parametrize(("key", "maker", "expected"), [
    ("v3", "vivo", "vivo-v3"), ("v3", "deepseek", "deepseek-v3"), ("v3", None, "v3"),
    ("x1", "baidu", "baidu-x1"), ("l60", "onvo", "onvo-l60"), ("vivo-v3", "vivo", "vivo-v3"),
    ("dgxquantum", "nvidia", "dgxquantum"), ("文心一言", "baidu", "文心一言"),
])
def test_bare_model_numbers_are_keyed_within_their_maker(key, maker, expected):
    assert maker_scoped_key(key, maker) == expected


@pytest.mark.parametrize(("surface", "ok"), [
    ("X", False), ("14", False), ("2.5", False), ("GPU", False), ("芯片", False), ("It is not for you", False),
    ("Find X7", True), ("V3", True), ("IMX800", True), ("文心一言", True), ("Apple Intelligence", True),
])
def test_what_can_name_a_product(surface, ok):
    assert can_name_product(surface) is ok


@pytest.mark.parametrize(("words", "sentence"), [
    ("This is the best phone we have ever made", True), ("will launch the new model next year", True),
    ("Apple Intelligence", False), ("Microsoft 365 Copilot", False), ("Claude 3 Opus", False),
    ("Grace Hopper Superchip", False), ("Oracle Cloud Infrastructure", False),
    ("We build AI products", True), ("It just works", True), ("They said yes", True),
    ("It Takes Two", False),
])
def test_sentences_are_not_names(words, sentence):
    assert is_sentence(words.split()) is sentence


@pytest.mark.parametrize(("name", "non_company"), [
    ("新创车厂", True), ("新创车", True), ("IC设计大厂", True), ("IC设计", True), ("汽车行业", True),
    ("新一代", True), ("前代", True), ("半导体产业", True), ("台积电", False), ("华为云", False), ("蔚来", False),
])
def test_descriptors_are_not_companies(name, non_company):
    assert is_non_company(name) is non_company


@pytest.mark.parametrize(("text", "name", "ordinary"), [
    ("今年苹果价格上涨，果农收入增加。", "苹果", True),
    ("苹果价格上涨后，iPhone 16销量仍然强劲。", "苹果", False),
    ("苹果公司股价上涨。", "苹果", False),
    ("冬天喝小米粥养胃。", "小米", True),
    ("小米宣布SU7交付量突破10万台。", "小米", False),
    ("在人工智能浪潮中，浪潮信息发布新服务器。", "浪潮", True),
    ("浪潮与英伟达合作。", "浪潮", False),
])
def test_ordinary_word_readings(text, name, ordinary):
    start = text.index(name)
    assert common_word_reading(text, start, start + len(name)) is ordinary


def test_cover_and_shorter_inside_match_brute_force():
    import random

    rng = random.Random(7)
    spans = [(s, s + rng.randint(1, 9)) for s in (rng.randint(0, 60) for _ in range(40))]
    cover, inside = Cover(spans), _holds_shorter(spans)
    for start in range(0, 70):
        for end in range(start + 1, start + 12):
            assert cover.covers(start, end) == any(s <= start and end <= e for s, e in spans)
            assert inside(start, end) == any(
                s >= start and e <= end and e - s < end - start for s, e in spans)


# --- the lexicon -------------------------------------------------------------------------------


def _words(name: str) -> set[str]:
    name = re.sub(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])|(?<=[^\x00-\x7f])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[^\x00-\x7f])",
                  " ", name)
    return {w for w in re.split(r"[\s\-_.:]+", name.lower()) if w}


def test_lexicon_variants_are_their_own_entries():
    """No product alias adds a variant word (Pro, Ultra, Max, ...) its entry's own names lack,
    and no Latin alias drops one its label has ("Gemini 2.5" is not "Gemini 2.5 Pro")."""
    offenders = []
    for line in builtin_path().read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if entry.get("type") != "Product":
            continue
        own = _words(entry["label"]).union(*(_words(v) for v in entry.get("labels", {}).values()))
        for alias in entry.get("aliases", []) + entry.get("weak_aliases", []):
            extra = (_words(alias) - own) & terms.VARIANT_WORDS
            if extra:
                offenders.append((entry["key"], alias, sorted(extra)))
            missing = (_words(entry["label"]) - _words(alias)) & terms.VARIANT_WORDS
            if missing and alias.isascii() and alias in entry.get("aliases", []):
                offenders.append((entry["key"], alias, sorted(missing)))
    assert not offenders


def test_the_taggers_company_name_is_not_propagated_onto_a_person():
    """A name the tagger read as a company once (a headline) reaches its other mentions, unless LAC reads it as
    a person somewhere: "周鸿祎发布……" in a title, "创始人周鸿祎宣布" in the body (c415-c434)."""
    from techkg.nlp.candidates import COMPANY, Candidate, propagate

    text = "周鸿祎发布新模型。会上，创始人周鸿祎宣布推出。博时国际三家基金公司中，博时国际夥拍HashKey。"
    tagged = [Candidate(0, 3, COMPANY, "model", 0.55), Candidate(23, 27, COMPANY, "model", 0.55)]
    words = {(0, 3), (15, 18), (23, 27), (35, 39)}
    found = {(c.start, c.end) for c in propagate(tagged, text, words, persons={"周鸿祎"})}
    assert (15, 18) not in found and (35, 39) in found
    assert (15, 18) in {(c.start, c.end) for c in propagate(tagged, text, words)}  # without the person reading
