"""Products no lexicon lists, found by how they are named (issue 7, class 4).

Each table is a naming class with sentences of our own, Simplified and
Traditional (Taiwan and Hong Kong usage), and what a reader would list. The
held-out check in ``tests/data/heldout/`` (other sentences, never tuned on)
is scored by ``techkg eval``; these tests pin the classes.
"""

from __future__ import annotations

import json

import pytest

from techkg.nlp.candidates import only_words, _quoted_name_ok, _version_end


def products(nlp, text: str) -> set[str]:
    """The product spans the pipeline writes for ``text``."""
    return {e.text for e in nlp(text).ents if e.label_ == "PRODUCT"}


# (text, products that must be found, texts that must not be a product)
VERSION_CASES = [
    ("快手发布可灵1.6，画面质量明显提升。", {"可灵1.6"}, {"可灵"}),
    ("豆包1.5 Pro上線後，字節跳動又推出豆包1.5 Lite。", {"豆包1.5 Pro", "豆包1.5 Lite"}, set()),
    ("百度发布文心大模型4.0 Turbo。", {"文心大模型4.0 Turbo"}, set()),
    ("華為雲在大會上發表盤古3.0。", {"盤古3.0"}, {"盤古"}),
    ("阿里云推出通义千问2.5，性能追平GPT-4 Turbo。", {"通义千问2.5"}, {"通义千问"}),
    # a number that measures something is no version
    ("可灵1.5倍速生成视频的功能广受欢迎。", {"可灵"}, {"可灵1.5"}),
    ("可灵3个月内用户破千万。", {"可灵"}, {"可灵3"}),
    ("豆包2024年的用戶數成長了三倍。", {"豆包"}, {"豆包2024"}),
]

# a Chinese name no lexicon lists, with a version, after a release cue, a product noun or a company
VERSIONED_CASES = [
    ("快手推出图像生成大模型可图1.5。", {"可图1.5"}, set()),
    ("生數科技發表影片模型Vidu 2.0與文生圖模型星繪1.0。", {"星繪1.0"}, set()),
    ("美图发布奇想2.0 Pro，面向设计师。", {"奇想2.0 Pro"}, set()),
    # a model number after a Chinese series name
    ("东风发布猛士917，定位豪华越野。", {"猛士917"}, set()),
    ("長安推出啟源07，主打家用市場。", {"啟源07"}, set()),
    # a car maker's series and number, written with the brand
    ("奇瑞艾瑞泽8预售开启。", {"奇瑞艾瑞泽8"}, set()),
    ("奇瑞瑞虎9在香港開售。", {"瑞虎9"}, set()),  # a car series the lexicon knows, one digit
    ("奇瑞瑞虎3个月卖出十万辆。", {"瑞虎"}, {"瑞虎3"}),
    ("比亚迪海狮06在香港开售。", {"比亚迪海狮06"}, set()),
    ("比亞迪今年3月銷量創新高，比亞迪前10名車型佔了三席。", set(), {"比亞迪今年3", "比亞迪前10"}),
    ("比亚迪以25万辆的销量领先。", set(), {"比亚迪以25"}),
    # measures, dates and descriptions are no versions or model numbers
    ("小米今年营收15亿元，利润增长30%。", set(), {"营收15"}),
    ("蔚来发布2024年第四季度财报。", set(), {"发布2024"}),
    ("華為推出首款01號產品。", set(), {"首款01"}),
    ("比亚迪上市以来累计1000万辆。", set(), {"以来累计1000"}),
    ("宁德时代推出神行电池，充电10分钟可行驶400公里。", set(), {"充电10"}),
    ("聯電在新廠房切入12奈米製程。", set(), {"廠房切入12"}),
    ("寒武纪推出思元290，可用于麒麟970的替代方案。", {"麒麟970"}, {"用于麒麟970"}),
    ("芯片被华为用于麒麟970芯片。", set(), {"用于麒麟970"}),
    ("这款模型参数3.5倍于上一代。", set(), {"参数3.5"}),
    ("新车提供1.5L和2.0T两种动力。", set(), {"提供1.5"}),
    ("該系統支持7.1聲道環繞音響。", set(), {"支持7.1"}),
    ("新版模型售價2.5萬元。", set(), {"售價2.5"}),
    ("小米推出全新2.0版本系统。", set(), {"全新2.0"}),
    ("鸿蒙系统升级至5.0后，流畅度明显提升。", set(), {"升级至5.0"}),
    ("华为手机系统升级到5.0，新增多项功能。", set(), {"升级到5.0"}),
    ("中國移動向中國廣電有償提供2.6GHz網絡共享。", set(), {"有償提供2.6"}),
]

QUOTED_CASES = [
    # a one-character campaign word counts only right after the quote ("战胜" is no 战)
    ("美团推出“神抢手”战胜了对手的补贴。", {"神抢手"}, set()),
    # what a product can do, in quotes, is not its name
    ("Midjourney发布能“画手指”的V5版本。", set(), {"画手指"}),
    ("荣耀推出可以“一句话点咖啡”的YOYO智能体。", set(), {"一句话点咖啡"}),
    ("華為發表支援「隔空傳送」的新版系統。", set(), {"隔空傳送"}),
    ("美团推出“小象超市”，主打即时零售。", {"小象超市"}, set()),
    ("蝦皮宣布上線「蝦皮影音」服務，讓用戶邊看邊買。", {"蝦皮影音"}, set()),
    ("騰訊推出名為「混元助手」的新服務。", {"混元助手"}, set()),
    ("抖音上线了独立应用“抖音精选”。", {"抖音精选"}, set()),
    ("美团旗下的「袋鼠外卖」在深圳试点。", {"袋鼠外卖"}, set()),
    ("拼多多推出“多多买菜”和“多多视频”等服务。", {"多多买菜", "多多视频"}, set()),
    ("淘宝将“小时达”升级为“淘宝闪购”。", {"淘宝闪购"}, set()),
    ("港鐵推出「MTR Mobile」App新功能。", {"MTR Mobile"}, {"MTR Mobile」App"}),
    # a product noun right before the quote names it, without a cue
    ("商汤的对话模型“商量”已开放给企业用户。", {"商量"}, set()),
    ("不少工程師改用AI編程工具「通義靈碼」。", {"通義靈碼"}, set()),
    ("香港用戶可用電子錢包「拍住賞」付款。", {"拍住賞"}, set()),
    # campaigns, slogans, strategies, brands, nicknames: not products
    ("华为手机“遥遥领先”的说法在网上流传。", set(), {"遥遥领先"}),
    ("小米在发布会上展示了“澎湃”系列芯片的规划。", set(), {"澎湃"}),  # 发布会: a noun, no cue
    ("騰訊推出「新春紅包」玩法。", set(), {"新春紅包"}),
    ("大模型“价格战”愈演愈烈。", set(), {"价格战"}),
    ("京東推出「以舊換新」活動，最高補貼兩千元。", set(), {"以舊換新"}),
    ("美团提出“零售+科技”战略。", set(), {"零售+科技"}),
    ("华为发布了全新品牌“乾崑”。", set(), {"乾崑"}),
    ("網友稱黃仁勳為「皮衣刀客」。", set(), {"皮衣刀客"}),
    ("兩間公司宣布展開名為「Project Nova」的合作。", set(), {"Project Nova"}),
    ("一位名为“小鱼不吃鱼”的网友在微博上发文。", set(), {"小鱼不吃鱼"}),
    ("嫌疑人化名为“李明”在工地打工。", set(), {"李明"}),
    ("基金会推出“春蕾基金”资助女童。", set(), {"春蕾基金"}),
    ("主办方推出“科技之夜演唱会”。", set(), {"科技之夜演唱会"}),
    ("索尼发布了“怀旧感”任务。", set(), {"怀旧感"}),
    ("京东为生鲜频道上线做了“最好的准备”。", set(), {"最好的准备"}),
    ("双方启动了名为“星火燎原”的联合研究计划。", set(), {"星火燎原"}),
    ("这款耳机支持“降噪”和“通透”两种模式。", set(), {"降噪", "通透"}),
    ("理想把MEGA的上市当作一场“输了就全输”的战役。", set(), {"输了就全输"}),
]

SUFFIX_CASES = [
    ("百度推出文心智能体平台后，又上线了秒哒App。", {"秒哒App"}, set()),
    ("OPPO小布助手接入了DeepSeek-R1。", {"小布助手"}, {"OPPO"}),  # the brand is the maker, a company
    ("百度旗下的小度助手支持多輪對話。", {"小度助手"}, set()),
    ("螞蟻集團發表支小寶智能體，協助用戶理財。", {"支小寶智能體"}, set()),
    ("科大讯飞旗下的星火教育大模型已开放测试。", set(), {"教育大模型"}),
    ("商汤发布日日新大模型。", {"日日新大模型"}, set()),
    ("小红书推出点点App，主打AI搜索。", {"点点App"}, set()),
    # what kind of product, not which
    ("各家厂商都推出了折叠屏手机和AI手机。", set(), {"折叠屏", "折叠屏手机", "AI手机"}),
    ("百度的Robotaxi在武漢上路，無人車數量破千。", set(), {"Robotaxi", "無人車"}),
    ("各家手机厂商纷纷推出自家大模型。", set(), {"自家大模型"}),
    ("腾讯发布医疗大模型，面向医院场景。", set(), {"医疗大模型"}),
    ("華為推出手機助手，幫助用戶管理應用。", set(), {"手機助手"}),
    ("支付宝推出生活助手服务以来，用户增长很快。", set(), {"生活助手"}),
    ("字节跳动发布图像生成大模型，画质更细腻。", set(), {"图像生成大模型"}),
    # a lexicon name with its category noun stays the lexicon's product
    ("快手发布可灵视频生成大模型。", {"可灵"}, {"可灵视频生成大模型"}),
    ("百度宣布文心大模型免费。", set(), {"宣布文心大模型"}),
    ("字節跳動表示豆包助手將免費。", set(), {"表示豆包助手"}),
]


CAR_CASES = [
    ("腾势N9正式上市，定位大型SUV。", {"腾势N9"}, {"N9"}),
    ("領克Z20在香港開售。", {"領克Z20"}, {"Z20"}),
    ("智己LS7与阿维塔07同台亮相。", {"智己LS7"}, {"LS7"}),
    ("極氪7X於香港開放預訂。", {"極氪7X"}, set()),
    # not a car maker: the model is named by its own name
    ("索尼发布全新IMX900传感器，小米14搭载索尼 IMX800。", {"IMX800"}, {"索尼 IMX800"}),
]

# a short code glued to a company's Chinese name is its model, even where the code reads as a unit
BRAND_CODE_CASES = [
    ("寒武纪早期推出的寒武纪1A处理器被华为采用。", {"寒武纪1A"}, set()),
    ("寒武紀1H晶片曾用於多款手機。", {"寒武紀1H"}, set()),
    ("小米14T与小米14T Pro同场发布。", {"小米14T", "小米14T Pro"}, set()),
    # a technology generation, a rating, a date or an amount is no model
    ("华为5G基站出货量全球第一。", set(), {"华为5G"}),
    ("索尼4K電視在香港熱賣。", set(), {"索尼4K"}),
    ("小米100W快充已经普及。", set(), {"小米100W"}),
    ("寒武纪2016年成立，华为30亿元投入研发。", set(), {"寒武纪2016", "华为30"}),
    ("聯發科3D感測方案獲得採用。", set(), {"聯發科3D"}),
]

# a brand, a device noun and a model number: the device noun is part of the name
DEVICE_MODEL_CASES = [
    ("小米手環9今日在台開賣，售價新台幣1,195元。", {"小米手環9"}, {"小米手環"}),
    ("荣耀手表5正式上市，华为音箱2同日开售。", {"荣耀手表5", "华为音箱2"}, set()),
    ("OPPO发布OPPO手表X2与小米平板7 Pro对标。", {"OPPO手表X2", "小米平板7 Pro"}, {"X2"}),
    ("華為手錶GT 5在港開賣。", {"華為手錶GT 5"}, set()),
    # a size, a year or an amount after the device noun is no model
    ("小米电视65英寸售价3999元，华为平板2024年出货量增长。", set(), {"小米电视65", "华为平板2024"}),
    ("小米手环10万台首批售罄。", set(), {"小米手环10"}),
]

# an edition number after a Latin model name is part of that (other) product
EDITION_CASES = [
    ("微軟的Surface Pro第11版與Surface Laptop第7版同日開賣。", {"Surface Pro第11版", "Surface Laptop第7版"},
     {"Surface Pro", "Surface Laptop"}),
    ("微软推出Surface Laptop第7版，旧款Surface Pro降价。", {"Surface Laptop第7版", "Surface Pro"}, set()),
    ("联想发布ThinkPad X1 Carbon第12版。", {"ThinkPad X1 Carbon第12版"}, set()),
    # after a Chinese word it is a document's edition, not a name's
    ("白皮书第2版由华为发布。", set(), {"白皮书第2版", "第2版"}),
    ("小米公布了用户手册第3版和安全指南第2版。", set(), {"用户手册第3版", "安全指南第2版", "第3版", "第2版"}),
    ("台積電發表永續報告書第5版。", set(), {"永續報告書第5版", "報告書第5版", "第5版"}),
    ("微軟推出Surface Pro第11版。", {"Surface Pro第11版"}, set()),
    # a model number is never cut out of a decimal (a screen size): the listed name stays whole
    ("华为发布Mate X5和MatePad Pro 13.2英寸等机型。", {"MatePad Pro"}, {"MatePad Pro 13"}),
    ("華為MatePad Pro 11平板開賣。", {"MatePad Pro 11"}, set()),
]

# a brand + name before an event noun is an event; a release stage is no product's name
EVENT_AND_STAGE_CASES = [
    ("英特尔在凤凰城举行Intel Vision 2024大会，正式发布Gaudi 3。", {"Gaudi 3"}, {"Intel Vision 2024"}),
    ("在同一週舉行的Oracle CloudWorld大會上，甲骨文宣布新服務。", set(), {"Oracle CloudWorld"}),
    ("微軟在Microsoft Build 2024開發者大會上發表新功能。", set(), {"Microsoft Build 2024", "Build 2024"}),
    ("英特尔发布Intel Xeon 6处理器。", {"Intel Xeon 6"}, set()),
    ("HarmonyOS NEXT向开发者开放Beta版本。", {"HarmonyOS NEXT"}, {"Beta"}),
    ("蘋果開放Preview版給開發者測試。", set(), {"Preview"}),
    # benchmarks and data sets are no products; a product reviewed or scored stays one
    ("旗舰模型Opus在MMLU、GPQA、GSM8K等多项基准测试中领先。", {"Opus"}, {"MMLU", "GPQA", "GSM8K"}),
    ("GPT-4o在MMLU基準也很強，在HumanEval測試集上得分更高。", {"GPT-4o"}, {"MMLU", "HumanEval"}),
    ("媒体发布了iPhone 16评测，A18 Pro跑分领先。", {"iPhone 16", "A18 Pro"}, set()),
    ("Qwen3、DeepSeek-R1等模型在基准测试中表现优异。", {"Qwen3", "DeepSeek-R1"}, set()),
]

# Rockets, spacecraft and satellites named with a Chinese numeral and 号, and hardware named in quotes
# after its kind (found on c187-c210); lines, buildings, people and days are no products.
NUMBERED_AND_QUOTED_HARDWARE_CASES = [
    ("星河动力的谷神星一号遥五运载火箭成功发射。", {"谷神星一号"}, set()),
    ("神舟十八号载人飞船与天宫空间站完成对接。", {"神舟十八号"}, set()),
    ("天兵科技計劃明年首飛天龍三號。", {"天龍三號"}, set()),
    ("黑芝麻智能的华山二号A1000已量产。", {"华山二号A1000"}, {"华山二号"}),
    ("市民可搭乘地铁十一号线前往园区，公司二号人物随后发言。", set(), {"地铁十一号", "公司二号"}),
    ("国盾量子发布超导量子计算机“天衍504”。", {"天衍504"}, set()),
    ("長光衛星的衛星「吉林一號」傳回影像。", {"吉林一號"}, set()),
    ("芯片“卡脖子”问题仍未解决。", set(), {"卡脖子"}),
    ("北方华创此次发布的刻蚀设备“天枢”已进入客户验证。", {"天枢"}, set()),
    ("百度推出AI搜索产品“文小言”。", {"文小言"}, set()),
    # a series word after a space (IT之家 style) is still the series; a description LAC took for a name is none
    ("小米今晚发布 Redmi K80 系列，起售价 2499 元。", {"Redmi K80 系列"}, {"Redmi K80"}),
    ("华为强调不造车，智能汽车业务的合作模式分为三种。", set(), {"智能"}),
    # a memory configuration sold is no part of the model's name; an event day, a sub-flagship and a
    # quoted change of course name no product
    ("华为Mate 70 Pro 12GB+512GB售价6499元，小米14 Ultra 16GB+1TB版本售价6499元。",
     {"Mate 70 Pro", "小米14 Ultra"}, {"Mate 70 Pro 12GB", "小米14 Ultra 16GB+1TB"}),
    ("智谱在北京举办“GLM Connect伙伴日”，并发布了GLM-4.5。", {"GLM-4.5"}, {"GLM Connect"}),
    ("聯發科發表天璣8300，這款次旗艦晶片首度支援生成式AI。", {"天璣8300"}, {"次旗艦"}),
    ("盒马近期正在推进“折扣化”变革，永辉则在推动“胖东来模式”转型。", set(), {"折扣化", "胖东来模式"}),
    # found on c255-c274: a number and a lower-case letter end a model's name; a title glossed in Latin
    # with accents or a colon; batteries named in quotes, the name with its kind one product; a quoted
    # phrase with 得 or a role after it names nothing
    ("联想推出ThinkPad X1 Carbon，同场亮相的还有Yoga Slim 7i和Pixel 9a。", {"Yoga Slim 7i", "Pixel 9a"},
     {"Yoga Slim"}),
    ("《薩爾達傳說 王國之淚》（The Legend of Zelda: Tears of the Kingdom）今日正式發售。", {"薩爾達傳說 王國之淚"}, set()),
    ("比亚迪发布全固态电池“玄铁”，玄铁电池将于2027年装车。", {"玄铁"}, set()),
    ("工程师认为固态电池“讲得好故事”，宁德时代成为小米的电池“定点”供应商。", set(), {"讲得好故事", "定点"}),
    # found on c275-c294: a title that starts with a listed game names a new one; an edition after a space
    # or a screen size is a variant ("非公版", a board partner's card, is not); a quoted name after an AI
    # butler, robot or system noun; a name running into an accented letter is not cut there
    ("游戏科学公布《黑神话：钟馗》，腾讯发布《王者荣耀：世界》。", {"黑神话：钟馗", "王者荣耀：世界"},
     {"黑神话", "王者荣耀"}),
    ("同场发布的还有 Redmi K50 至尊版和小米平板 5 Pro 12.4 英寸版。",
     {"Redmi K50 至尊版", "小米平板 5 Pro 12.4 英寸版"}, {"Redmi K50", "小米平板 5 Pro"}),
    ("七彩虹的 RTX 4090 D 非公版今日开卖。", {"RTX 4090 D"}, {"RTX 4090 D 非公版"}),
    ("蚂蚁推出AI生活管家“支小宝”，优必选的人形机器人「Walker S」进厂实训。", {"支小宝", "Walker S"}, set()),
    ("比亚迪发布车载无人机系统“灵鸢”。", {"灵鸢"}, set()),
    ("苹果推出Apple Watch Hermès，雪铁龙发布Citroën ë-C3。", {"Apple Watch Hermès", "Citroën ë-C3"},
     {"Apple Watch Herm"}),
    # found on c305-c314: 负 of 负责 is no unit after a model number; variant words listed alone, a use before
    # a generic Latin word and an architecture name no product (a brand before one is: 苍穹GPT); a weight or
    # length after a number ends no model's name
    ("高通骁龙AR1负责拍摄，恒玄科技的BES2700负责音频。", {"骁龙AR1", "BES2700"}, {"骁龙", "AR1"}),
    ("ADS 4分为SE、Pro、Max和Ultra四个版本，其中ADS Ultra面向高速L3。", {"ADS 4", "ADS Ultra"},
     {"SE", "Pro", "Max", "Ultra"}),
    ("分析人士认为，货运eVTOL商业化更快，国产GPU也在追赶；用友和金蝶分别发布了大模型YonGPT和苍穹GPT。", {"苍穹GPT"},
     {"货运eVTOL", "国产GPU"}),
    ("豐翼科技推出可載重50公斤的方舟150，亿航推出翼展6米的EH216-S。", {"EH216-S"}, {"可載重50", "翼展6"}),
    # found on c295-c304: a listed model named with its kind is named without it (Go2机器狗 is Go2); a
    # group's apps and an enterprise-software category name no product; HK's 機械人 heads a quoted name
    ("宇树的Go2机器狗售价9997元，英伟达的RTX4090显卡缺货。", {"Go2", "RTX4090"}, {"Go2机器狗", "RTX4090显卡"}),
    ("淘宝、钉钉等多款阿里系App无法登录，华为的MetaERP替换了旧ERP系统。", {"淘宝", "钉钉", "MetaERP"},
     {"阿里系App", "ERP"}),
    ("公司另一款熊貓機械人「優悠」亦在台上。", {"優悠"}, set()),
    # found on c315-c324: a measure, a person after a title, a brand with a place and an event's Latin gloss
    # name no product
    ("新机内置6150mAh电池，支持120W快充；特斯拉首席执行官马斯克询问特斯拉中国。", set(),
     {"6150mAh", "120W", "首席执行官马斯克", "特斯拉中国"}),
    ("在中国国际半导体博览会（IC China 2025）上，长鑫存储展示了LPDDR5X。", set(), {"IC China 2025", "China 2025"}),
    # found on c335-c354: a shopping festival after its platform is a sales event; a kind of device before a
    # Latin name is no part of it
    ("新车将在京东11.11期间发布，天猫双11与京东618的销量也将公布。", set(), {"京东11.11", "天猫双11", "京东618"}),
    ("雙十一期間，華碩推出電競筆電ROG Strix G16。", {"ROG Strix G16"}, {"電競筆電ROG Strix G16"}),
    # found on c355-c374: display technologies name no product; a kind of device with a technology in it
    ("三星展出了透明Micro LED显示屏，TCL推出QD-Mini LED电视，海信则主打Mini LED。", set(),
     {"Micro LED", "QD-Mini", "QD-Mini LED电视", "Mini", "Mini LED"}),
    ("LG电子则发布了无线透明OLED电视Signature OLED T，大疆发布Mini 5 Pro。", {"Signature OLED T", "Mini 5 Pro"},
     {"无线透明OLED电视Signature OLED T"}),
]


@pytest.mark.parametrize(("text", "found", "not_found"),
                         NUMBERED_AND_QUOTED_HARDWARE_CASES + EVENT_AND_STAGE_CASES + EDITION_CASES + VERSION_CASES + VERSIONED_CASES + QUOTED_CASES + SUFFIX_CASES + CAR_CASES
                         + BRAND_CODE_CASES + DEVICE_MODEL_CASES)
def test_unlisted_product_classes(nlp, text, found, not_found):
    got = products(nlp, text)
    assert found <= got, f"{text}: missing {found - got}, got {got}"
    assert not (got & not_found), f"{text}: wrongly found {got & not_found}"


def test_version_end_stops_at_units_and_takes_variant_words():
    text = "文心4.5 Turbo和可灵2.0倍"
    assert text[: _version_end(text, 2)] == "文心4.5 Turbo"
    assert _version_end(text, 14) == 14  # "2.0倍" is a factor


def test_quoted_name_rejects_campaign_heads_and_numbers():
    assert _quoted_name_ok("神抢手", "等产品")
    assert not _quoted_name_ok("双11", "预售活动")
    assert not _quoted_name_ok("618", "")


def test_descriptor_only_names():
    words = ("医疗", "大", "自家")
    assert only_words("医疗", words) and only_words("自家医疗", words)
    assert not only_words("子曰", words)


# a model the lexicon does not list, of a series whose listed models share one key scheme
@pytest.mark.parametrize(("text", "surface", "key"), [
    ("华为麒麟970芯片率先集成NPU。", "华为麒麟970", "huawei-kirin-970"),
    ("寒武紀的IP曾用於麒麟970晶片。", "麒麟970", "huawei-kirin-970"),
    ("這款手機搭載天璣8300處理器。", "天璣8300", "mediatek-dimensity-8300"),
    ("小米Civi 4 Pro搭载骁龙778芯片。", "骁龙778", "qualcomm-snapdragon-778"),
])
def test_unlisted_model_of_a_listed_series_is_keyed_as_its_siblings(nlp, text, surface, key):
    assert (surface, key) in {(e.text, e.kb_id_) for e in nlp(text).ents if e.label_ == "PRODUCT"}


def test_series_scheme_needs_agreeing_listed_models(tmp_path):
    from techkg.nlp.lexicon import Lexicon

    lines = [
        {"key": "acme", "type": "Company", "label": "Acme"},
        {"key": "acme-falcon-100", "type": "Product", "label": "猎鹰100", "maker": "acme"},
        {"key": "acme-falcon-200", "type": "Product", "label": "猎鹰200", "maker": "acme"},
        {"key": "acme-owl-100", "type": "Product", "label": "猫头鹰100", "maker": "acme"},
        {"key": "owl-x", "type": "Product", "label": "猫头鹰200", "maker": "acme"},  # keyed otherwise
    ]
    path = tmp_path / "lex.jsonl"
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines), encoding="utf-8")
    lex = Lexicon.load([path], builtin=False)
    assert lex.series_model("猎鹰300") == ("acme-falcon-300", "acme")
    assert lex.series_model("獵鷹300") == ("acme-falcon-300", "acme")  # Traditional
    assert lex.series_model("猫头鹰300") is None  # one listed model shows the scheme: not enough
    assert lex.series_model("猎鹰") is None and lex.series_model("Falcon 300") is None


def test_a_product_named_with_its_kind_is_the_same_product(extractor):
    from techkg.records import Article

    result = extractor.extract(Article(id="t", text="国轩高科亮出全固态电池“金石”。按照官方介绍，金石电池采用硫化物电解质。"))
    products = [e for e in result.entities if e.type == "Product"]
    assert len(products) == 1 and {m.text for m in products[0].mentions} == {"金石", "金石电池"}
