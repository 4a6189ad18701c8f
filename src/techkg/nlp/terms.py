"""Word lists the extraction rules share: cue words, generic terms, suffixes.

They are knowledge of how Chinese tech news is written, not of any one
article. All entries are in folded form (half-width, Simplified).
"""

from __future__ import annotations

import re

# Generic categories and technologies: never a product or company on their own. With media formats
# ("MP3", "RMVB", "EPUB"), business models ("B2B", "P2P", "SNS"), gearbox kinds ("CVT") and core counts
# ("四核"), which general news names beside products; share classes and market words ("H股", "ST", "IPO");
# languages ("支持简体中文", "中文大模型"); battery chemistries ("三元", "磷酸铁锂"), cell-to-pack and cell-to-body
# designs ("CTP", "CTB") and range cycles ("CLTC"); the TMT sector ("券商TMT分析师").
GENERIC_TERMS = frozenset(
    """
    ai ic odm oem jdm obm idm gpu cpu npu dpu qpu apu ipu xpu soc asic fpga llm aigc agi api sdk saas paas iaas app apps bg bu 次旗舰
    5g 4g 6g 5g-a wifi wi-fi 3d 2d 4k 8k ar vr mr xr iot ev suv mpv ip pc os ui
    dram nand hbm pcie usb ddr lpddr ssd oled lcd led cmos eda gpt logo cbd lte td-lte td-scdma wcdma cdma gsm
    芯片 大模型 模型 手机 智能手机 平板 电脑 服务器 云 云服务 操作系统 系统 平台 汽车 电动车 新能源汽车
    电池 动力电池 固态电池 处理器 显卡 算力 人工智能 生成式ai 机器人 聊天机器人 数据中心 超级计算机
    软件 硬件 应用 产品 技术 方案 解决方案 引擎 助手 智能助手 ai芯片 ai助手 gpu芯片 超级芯片
    笔电 笔记本 掌机 旗舰 旗舰机 新品 系列 加速器 集成 公司 集团 企业 厂商 品牌 车型 模型家族
    折叠屏 折叠屏手机 折叠机 三折屏 三折叠 三折叠屏 云服务器 超商 便利店 便利商店 ai手机 ai电脑 aipc ai眼镜 智能手表 智能眼镜 智能汽车 智能座舱 智驾系统 座舱系统
    无人车 robotaxi 人形机器人 机械人 人形机械人 穿戴设备 可穿戴设备 电动汽车 纯电车型 增程车型 混动车型 机器狗 四足机器人 机械狗
    chiplet 小芯片 oam 调制解调器 基带 射频 基带芯片
    相机 运动相机 全景相机 无人机 扫地机器人 耳机 手表 手环 电视 路由器 投影仪 显示器 游戏机 主机
    扫拖机器人 洗地机 吸尘器 充电宝 移动电源 充电器 智能门锁 门锁 音箱 智能音箱 摄像头 键盘 鼠标 nas 私有云 ar眼镜 vr头显 头显
    光刻 光刻机 beta alpha preview web3 web3.0 元宇宙 区块链 稳定币
    大数据 云计算 边缘计算 分布式存储 高性能计算 物联网 机器学习 深度学习 自动驾驶 智能驾驶 resnet resnet-50
    纯电车 纯电动车 轿车 跑车 超跑 越野车 离岸风电 海上风电 风电 光伏 储能 氢能
    mmlu mmlu-pro gpqa gsm8k humaneval math-500 aime swe-bench livecodebench c-eval cmmlu arc-agi hellaswag
    mt-bench arena-hard big-bench aime24 aime25 mlperf
    int4 int8 fp4 fp8 fp16 bf16 fp32 tf32 erc-20 ai-ran o-ran ran gmv arpu dau mau ebitda 卫星通信 卫星通讯 卫星互联网
    transformer transformers diffusion dit u-vit u-net moe mamba cnn rnn lstm gan vae evtol 扩散模型 ai-pc
    erp crm mes plm scm hrm oa bi cfd cae gdpr ccpa isp
    mp3 mp4 mp5 cd vcd dvd rm rmvb avi mkv flac aac ogg wma wav ac3 mpeg mpeg1 mpeg2 mpeg4 epub mobi chm fb2 txt pdf
    b2b b2c c2c c2b o2o p2p sns gps it cvt dct amt 单核 双核 四核 六核 八核 十核
    a股 b股 h股 n股 st *st ipo otc etf
    中文 英文 简体中文 繁体中文 汉语 英语 日语 韩语 日文 韩文 多语言
    vlog 关联公司 a类股份 b类股份 a类股 b类股 sa nsa 先买后付 bnpl vla vlm vla+vlm mcu bom ctp ctb ctc tmt
    三元 三元锂 三元锂电池 磷酸铁锂 磷酸铁锂电池 半固态电池 cltc wltp nedc nfc wintel
    毫米波 折叠 曲面 双模 tws aiot 微服务
    """.split()
) | {"tier 1", "tier 2", "tier 0.5",  # a supplier's rank ("一級（Tier 1）製造商")
     "apache 2.0", "spec cpu2006", "spec cpu2017"}  # a licence, benchmark suites

# Display technologies ("Mini LED", "QD-Mini LED", "Micro LED", "QLED"): no product, nor the start of one.
DISPLAY_TECH = r"(?:RGB-|QD-)?(?:Mini|Micro)[- ]?LED|QLED|QD-OLED|AMOLED"
DISPLAY_TECH_RE = re.compile(DISPLAY_TECH, re.IGNORECASE)

# Technology and standard names that look like model numbers but are not products; measures, also
# with a decimal ("1.2GHz", an engine's "1.6L", "2.0T").
# Interfaces, codecs and bands, with their versions ("DisplayPort 2.1 UHBR20", "H.266", "Sub-6GHz"): no product.
INTERFACE_STANDARDS = (r"HDMI(?:\s?\d(?:\.\d)?)?|DisplayPort(?:\s?\d(?:\.\d)?)?(?:\s?UHBR\d+)?|H\.26[456]|HEVC|AV1"
                       r"|Sub-6(?:\s?GHz)?")
INTERFACE_STANDARD_RE = re.compile(rf"(?:{INTERFACE_STANDARDS})", re.IGNORECASE)
STANDARD_RE = re.compile(
    r"^(?:[2-8](?:\.5)?G(?:-A)?|[2-4]D|[48]K|HBM\d\w*|G?DDR\d\w*|LPDDR\d\w*|PCIe(?:\s?\d(?:\.\d)?)?|USB\s?\d?"
    r"|Wi-?Fi\s?\d\w*|Q[1-4]|H[12]|[1-9]\d{0,2}(?:\.\d{1,2})?(?:nm|mm|GB|TB|MB|W|MW|KW|kW|GW|GWh|kWh|mAh|Hz|GHz|"
    r"MHz|fps|K|B|T|P|L|bit|TOPS|TFLOPS|PFLOPS|EFLOPS|km|Wh|V|A)(?:/s)?|[1-9]\d{3,4}(?:mAh|Wh|kWh)|NVLink|NVLINK|TOPS|FP\d+|INT\d+"
    r"|CUDA|ARM|x86|RISC-V|IPO|CEO|CTO|CFO|COO|GPU|CPU|NPU|AI|AIGC|AGI|LLM|SoC|EUV|DUV|OLED|LTPO|RLHF|RAG|"
    r"5G-Advanced|MoE|API|SDK|High-NA|" + DISPLAY_TECH + "|"
    r"V2X|L[2-5]\+?|TOP\d+|No\.?\d+|NO\.?\d+|IP[5-6X][0-9X]|(?-i:\d{1,2}C)|\d+GB\s?\+\s?\d+(?:GB|TB)|"
    + INTERFACE_STANDARDS + r"|(?-i:[1-4]\d{3}R)|TWS|AIoT)$",
    re.IGNORECASE,
)

# Nouns that, right after a name, say it is a product ("Grace Hopper超级芯片", "Bard聊天机器人").
PRODUCT_HEADS = (
    "超级芯片", "芯片", "处理器", "显卡", "加速卡", "加速器", "大模型", "模型", "手机", "旗舰机", "折叠屏", "平板",
    "笔记本", "电脑", "服务器", "操作系统", "系统", "平台", "云服务", "汽车", "车型", "轿车", "电池",
    "休旅车", "跑车", "房车", "掀背车", "新车", "电动车",
    "助手", "聊天机器人", "机器人", "机械人", "版本", "系列", "耳机", "手表", "眼镜", "头显", "应用", "APP", "App",
    "GPU", "CPU", "Tensor Core GPU", "SoC", "智驾系统", "浏览器", "搜索引擎", "传感器", "激光雷达", "无人机",
)
# The Chinese ones among them (the Latin ones, "GPU", "App", need word edges).
HAN_PRODUCT_HEADS = tuple(h for h in PRODUCT_HEADS if "\u4e00" <= h[0] <= "\u9fff")
# The heads among them that name a device or model, never a kind of company: a Latin name right after one is
# the product, whatever verb follows ("四足机器人CyberDog亮相"; not "电商平台Shopee发布", a company).
DEVICE_HEADS = ("芯片", "处理器", "显卡", "加速卡", "加速器", "大模型", "手机", "旗舰机", "折叠屏", "平板", "笔记本", "笔电",
                "电脑", "服务器", "车型", "轿车", "休旅车", "跑车", "新车", "电动车", "机器人", "机械人", "耳机", "手表", "眼镜",
                "头显", "相机", "掌机", "游戏机", "传感器", "激光雷达", "无人机", "电视")

# Category words kept in a code name that has no model number ("Vera CPU", "Rubin GPU"): without
# them the name is cut short; a model number carries its own identity ("H100 GPU" is H100).
CODE_NAME_CATEGORIES = frozenset("cpu gpu npu dpu tpu soc superchip os".split())

# Words after a product's own name that make it another product (a variant): "Find X7 Ultra",
# "Qwen 2.5 Max", "Mate 60 Pro". Lower case.
VARIANT_WORDS = frozenset("pro max ultra plus mini lite turbo nano flash flip fold air se".split())
# A trim or configuration alone: variant words with a drive or range word and 版 ("后驱Pro版", "四驱Max智驾版", "Pro"),
# no product of its own where no model name stands in it.
TRIM_ONLY_RE = re.compile(r"(?:后驱|四驱|两驱|前驱|全驱|双电机|单电机|(?:超)?长续航|标准|高性能|性能|顶配|高配|低配)?\s?"
                          r"(?:(?:Pro|Max|Ultra|Plus|Air|SE|Lite|mini|\+)\s?)+(?:智驾|长续航|高性能|性能)?(?:版|版本)?",
                          re.IGNORECASE)
# OLED after a product's name is its screen variant ("Steam Deck OLED", "Switch OLED"), unless a display noun
# or another word follows ("OLED屏幕", "OLED 面板", "OLED panel": the screen itself).
OLED_VARIANT_RE = re.compile(r" ?OLED(?![A-Za-z0-9])(?!\s?(?:屏|面板|萤幕|荧幕|显示|技术|材料|电视|[A-Za-z]))")
# A plus sign glued to a model number is the plus variant ("骁龙888+", "天璣9000+處理器"), unless a
# Latin name or a number follows it ("骁龙888+5G基带", "Mate 60+Mate 60 Pro" join two things).
PLUS_VARIANT_RE = re.compile(r"\+(?![A-Za-z0-9+])")

# Device nouns (or a clause end) before which a trailing "AI" belongs to the model's name
# ("Swift 14 AI笔电", "Zenbook S 14 AI筆電"); elsewhere it is a feature ("Mate 70 AI功能").
AI_NAMED_DEVICES = ("笔记本", "笔电", "电脑", "PC", "手机", "掌机", "平板", "主机", "。", "，", ",", "、", "；")
# A version number in brackets right after a Latin product name is part of it ("Nothing Phone (3)",
# "Phone (2a)"); the rest of a bracket a name was cut inside ("Nothing Phone (3").
BRACKETED_VERSION_RE = re.compile(r" ?\(\d[A-Za-z0-9]{0,3}\)")
BRACKET_REST_RE = re.compile(r"[A-Za-z0-9 ]{0,4}\)")
# Words that extend a model name: "H100 NVL", "Mate 60 Pro", "骁龙8 Gen 3".
MODEL_SUFFIX_WORDS = VARIANT_WORDS | frozenset(
    "nvl gen neo x xl s e edge ti super sonnet opus haiku".split()
)

# A short code glued to a company's Chinese name reads as its model ("寒武纪1A", "小米14T"), not
# as a measure, even where STANDARD_RE would read a unit ("1A" amperes). Not a technology
# generation ("华为5G", "索尼4K", "3D"), a power rating ("华为100W快充") nor a charging rate ("5C").
BRAND_MODEL_CODE_RE = re.compile(r"^(?![2-8]G$|[2-4]D$|[48]K$)\d{1,3}[ABD-UX-Z]$")

# An edition number written after a model name belongs to it: "Surface Pro第11版",
# "Surface Laptop第7版". Only right after a Latin name (see candidates._edition_end).
EDITION_RE = re.compile(r"第\s?\d{1,2}\s?版")
# A screen size naming a variant: "小米平板 5 Pro 12.4 英寸版", "iPad Pro 13英寸版".
SIZE_EDITION_RE = re.compile(r"\s?\d{1,2}(?:\.\d)?\s?(?:英寸|吋|寸)版")
# A variant named in Chinese right after a Latin model ("Mavic 3多光谱版", "Model Y长续航版"): part of its name,
# unless it only says where or how it is sold or run (SALES_EDITION_WORDS: "国行版", "测试版", "网页版").
VARIANT_EDITION_RE = re.compile(r"((?:(?!系|[的和与及套])[\u4e00-\u9fff]){1,4}?)版(?![本权税面块图])")  # not a bundle (套装版)
SALES_EDITION_WORDS = frozenset(
    "国行 港行 港 国际 中国 海外 美 日 欧 台 陆 全球 国内 行货 水货 新 旧 正式 测试 公测 内测 体验 预览 免费 付费 网页 手机 "
    "电脑 桌面 移动 客户端 社区 企业 教育 个人 家庭 专业 开源 商业 简体 繁体 中文 英文 首发 限定 纪念 定制 同 "
    "标准 满血 基础 入门 普通 完整 精简 高配 低配 顶配 升级 智驾 公 非公".split())

# English function words: a Latin run holding several of them is a sentence, not a name.
# A run of English words opening with one of these and a lower-case verb is a sentence ("We build
# AI products"), whatever its length.
ENGLISH_SUBJECT_PRONOUNS = frozenset("i we you they he she it this there".split())
ENGLISH_FUNCTION_WORDS = frozenset(
    "a an the is are was were be been it its this that these those we our you your they their "
    "of for to in on at by with from and or but not as has have had will can do does which who".split()
)

# English words inside a product's name, between two capitalised words: "Windows on Arm",
# "Office for Mac", "Copilot for Microsoft 365".
NAME_CONNECTORS = frozenset(("on", "for"))
# Nouns after a name that say it is NOT a product ("Blackwell架构", "4NP工艺").
NON_PRODUCT_HEADS = ("架构", "工艺", "制程", "技术", "标准", "协议", "指令集", "大会", "峰会", "开发者大会",
                     "发布会", "项目", "计划", "基金", "实验室", "团队", "工作室", "主题演讲", "演讲", "展会", "品牌",
                     "伙伴日", "科技日", "创新日", "开发者日", "用户日", "品牌日", "伙伴大会",  # "MiniMax Link伙伴日"
                     "工厂", "基地")  # "特斯拉上海超级工厂": a plant

# Nouns after Latin names that make them benchmarks or data sets, no products: "在MMLU、GPQA、GSM8K
# 等多项基准测试中", "GSM8K測試集" (folded, Simplified text); words between: BENCHMARK_FILLERS. Not
# 评测/跑分/榜单: "iPhone 16评测", "骁龙8 Gen 3跑分" review or rank a product.
BENCHMARK_HEADS = ("基准测试", "基准", "测试集", "数据集")
BENCHMARK_FILLERS = ("等", "多项", "多个", "各项", "主流", "权威", r"[两二三四五六七八九十\d]+[项个大]")
# What a benchmark tests, between its count and its head ("两项数学基准", "视觉推理基准MMMU"); a head and
# a domain also come before the names ("视觉推理基准MMMU与MathVista", "评测基准SuperCLUE").
BENCHMARK_DOMAINS = ("数学", "代码", "编程", "推理", "视觉", "视觉推理", "数学推理", "多模态", "知识", "中文", "英文",
                     "长文本", "评测", "测评", "综合", "通用")

# ---- Products named without a lexicon entry (candidates.py) --------------------------------
# Units and counters after a number: it measures or counts, it is no model or version number
# ("3个月", "1.5倍", "2.6GHz", "6.8英寸").
# A list or range of numbers shares the unit after the last ("28/22奈米", "3~5年", "16/12nm").
UNIT_AFTER_NUMBER_RE = re.compile(
    r"(?:\s?[/~～]\s?\d+(?:\.\d+)?)*"
    r"\s?(?:年|月|日|亿|万|倍|%|个|家|款|台|块|辆|次|人|名|小时|分钟|分|秒|公里|英寸|寸|吋|纳米|奈米|美元|元|nm|GB|TB|MW|W|GHz|MHz|Hz|mAh|kWh|kW|km"
    r"|公斤|千克|吨|kg|公尺|平方米|厘米|毫米|米(?!色)|升(?![级至到])"  # "可载重50公斤", "翼展6米": a measure
    r"|胜(?![任出利诉过])|负(?![责债面担])|场(?!景)|球|届|轮"  # a team's record: "那不勒斯队16胜18平12负"
    r"|楼(?![盘市宇])|层(?![出次级面])|集(?![团成群中])|章|回(?![归应收购馈复顾报答忆升落暖]))"  # "电子城3楼", "演义200回"
    r"|(?:L|T)(?![A-Za-z0-9])"  # "1.5L", "2.0T": an engine's displacement
    r"|,\d{3}(?!\d)")  # "港幣14,999元": a figure written with digit groups
# "vs" glued to a name sets two sides against each other ("拜仁vs科特布斯", "沙尔克04vs曼城"): no model.
VERSUS_END_RE = re.compile(r"(?i)v\.?s\.?$")
# A model number after a Chinese series name ("猛士917", "海狮05"): two to four digits, not a year.
MODEL_NUMBER_RE = re.compile(r"(?!(?:19|20)\d\d(?!\d))(\d{2,4})(?![\d.])")
# Other countries, as written before a foreign company's name ("日本SBI控股", "印度塔塔集团").
FOREIGN_COUNTRIES = ("日本", "印度", "美国", "韩国", "南韩", "德国", "法国", "英国", "荷兰", "瑞士", "瑞典", "芬兰",
                     "挪威", "丹麦", "以色列", "新加坡", "加拿大", "澳洲", "澳大利亚", "意大利", "西班牙", "俄罗斯",
                     "越南", "泰国", "印尼", "马来西亚", "菲律宾", "巴西", "沙特", "阿联酋", "墨西哥")
# Endings of a place's name: a plant named after one is no company ("伊利诺伊州工厂").
PLACE_SUFFIXES = ("州", "省", "市", "县", "区", "镇")
# A Chinese numeral and 号 after a name: a rocket, spacecraft or satellite ("朱雀二号", "长征六号甲"); not
# a line, a building, a gate, a decree, a seat, a person, a tomb ("二号线", "三号楼", "一号位", "二号人物").
HAN_NUMBERED_NAME_RE = re.compile(r"(?P<num>[一二三四五六七八九十]{1,3})号(?:[甲乙丙丁])?(?![线楼院门位令店馆字房机站厅仓库桥路街人男女墓考选种球码包厂车])")
# LAC tags of the word a name before such a number would start in that make it no name: a verb, an adverb,
# a preposition, a pronoun ("采购九号的车型": 九号 is a company).
HAN_NUMBERED_NOT_NAME_TAGS = ("v", "d", "p", "c", "u", "r", "m", "q", "f", "TIME")
# Endings of the two characters before such a number that make it a date or a count ("本月三号", "下周二号").
HAN_NUMBERED_NOT_NAME_ENDINGS = ("月", "年", "周", "期", "第", "日", "的")
# A memory configuration after a model ("X Fold3 12GB+256GB"): a version sold, no part of the name.
MEMORY_SIZE_RE = re.compile(r"\d+(?:\.\d+)?\s?(?:GB|TB|MB|G|T)(?:\+\d+(?:GB|TB|G|T))?", re.IGNORECASE)
# A version number after a known product makes a variant ("可灵2.0", "文心4.5", "盘古5.5"): one or
# two digits, a dot, one or two digits. Whole numbers are model numbers (the family pattern).
# A version number after a name, with or without its V ("可灵2.1", "讯飞星火V4.0").
VERSION_NUMBER_RE = re.compile(r" ?[Vv]?(\d{1,2}\.\d{1,2})(?![\d.])")
# A version on its own ("接入V4.0的能力", "v2.5"): which product it versions the text says elsewhere, no
# name ("V30" without a point may be vivo's phone).
BARE_VERSION_RE = re.compile(r"[Vv]\d{1,2}\.\d{1,2}")
# Quotation marks around a name (folded text keeps the Chinese and Japanese-style forms).
# Quotation marks, opening and closing (folded text: straight quotes are half-width), and every mark
# that sets off a title or a quoted name.
OPEN_QUOTES, CLOSE_QUOTES = "“「『\"", "”」』\""
QUOTE_MARKS = "“”\"《》「」『』"  # not ' : "Baldur's Gate 3" is one name
QUOTED_NAME_RE = re.compile(rf"[{OPEN_QUOTES}]([^{CLOSE_QUOTES}，。！？；、,\n]{{2,32}})[{CLOSE_QUOTES}]")
# A title in 《》 names a product (a game, an app, a program) when one of these nouns stands right before
# it ("射击游戏《三角洲行动》", "手遊《勝利女神：妮姬》", "应用《X》"), when a company stands right before it
# ("暴雪《守望先锋2》"), or when a Latin gloss follows it ("《漫威争锋》（Marvel Rivals）"); books, films,
# laws, reports and newspapers are titled so too, and stay no entity.
TITLE_PRODUCT_HEADS = ("游戏", "手游", "网游", "端游", "页游", "新游", "游戏新作", "应用", "软件", "App", "APP", "小程序")
# Before a title, words that make it a product too: a work of a game series ("系列最新作《仙剑奇侠传七》",
# "续作《X》"), what a company launched, made or runs ("此前推出的《天堂M》", "由A代理的《X》", "旗下的《X》").
TITLE_MADE_BEFORE_RE = re.compile(r"(?:新作|续作|前作|旗下的?|(?:推出|发布|发表|上线|开发|研发|自研|代理|运营|发行|发售|开售|开卖|公测)了?的?)\s?$")
# Titles that name a law, a report or a publication, whatever stands before them ("《芯片法案》").
TITLE_NOT_PRODUCT_ENDINGS = ("法", "法案", "条例", "规定", "办法", "报告", "白皮书", "报", "新闻", "杂志", "周刊",
                             "日报", "晚报", "时报", "指引", "指南", "意见", "通知", "纲要", "规划", "目录", "清单", "名单")
# Nouns right after a title that make it a show, a film, a book or an article, whoever stands before it
# ("新华网《第一回应》栏目", "《异形》电影三部曲", "《华为的冬天》一文").
TITLE_WORK_NOUNS = ("栏目", "节目", "专栏", "频道", "电影", "影片", "电视剧", "纪录片", "综艺", "小说", "一书",
                    "一文", "文章", "杂志", "专访")
# Words before a quoted name that introduce a product: release cues (RELEASE_TRIGGERS), naming
# ("名为“X”的新服务") and renaming ("升级为“淘宝闪购”"), ownership ("旗下的「X」"). No 代号为: a code
# name is a project's.
QUOTED_NAME_CUES = ("名为", "命名为", "定名为", "取名为", "名叫", "叫做", "升级为", "更名为", "改名为", "旗下")
# Product nouns right before a quoted name that make it a product's name, cue or not ("对话模型“商量
# SenseChat”", "AI编程工具「Trae」"). Not 手机 or 芯片: "华为手机“遥遥领先”" is a slogan.
QUOTED_NAME_HEADS = ("大模型", "模型", "应用", "App", "APP", "助手", "助理", "智能体", "小程序", "工具", "平台",
                     "服务", "电子钱包", "浏览器", "搜索引擎", "操作系统",
                     "板卡", "加速卡", "模组",  # boards and modules named in quotes: "PCIe板卡“壁砺104”"; not 服务器
                     "计算机", "芯片", "卫星", "火箭", "探测器", "无人机",  # "量子计算机“本源悟空”", "运载火箭“朱雀”"
                     "设备", "产品", "电池",  # "刻蚀设备“武夷山”", "AI对话产品“豆包”", "全固态电池“金石”"
                     "管家", "机器人", "机械人", "系统")  # "AI生活管家“支小宝”", "人形机器人“天工”", "无人机系统“灵鸢”"
# Words right after a quoted name (or ending it) that make it no entity at all: a campaign, a strategy,
# a slogan, a channel, a report, a named cooperation ("推出“以旧换新”活动",
# "「百億補貼」頻道", "宣布展開名為「X」的合作").
QUOTED_NO_ENTITY_WORDS = (
    "活动", "战略", "策略", "口号", "标语", "计划", "频道", "节", "政策", "补贴", "理念", "概念", "称号",
    "奖", "项目", "行动", "模式", "报告", "白皮书", "大会", "峰会", "发布会", "论坛", "赛",
    "时代", "能力", "方法", "架构", "降价", "专区", "会员日", "季", "合作", "联盟", "研究", "实验", "战", "潮", "玩法",
    "任务", "角色", "基金", "风险", "网友", "女子", "男子", "女士", "先生", "排行榜", "榜单", "排名",
    "传闻", "传言", "说法", "质疑",  # "惹来「取消」傳聞": what was said, no name
    "问题", "难题", "困境", "现象", "局面", "危机",  # "芯片“卡脖子”问题": a predicament
    "变革", "改革", "转型",  # "推进“折扣化”变革": a change of course
    "配色", "颜色", "色调",  # "推出“万岁洋红”配色": a colour
)
# Endings of a quoted text that make it an event, a fund, a group of people, a theory or a ranking ("“X演唱会”",
# "“木兰基金”", "“森林系女孩”", "“安全威胁论”", "“全球上市公司2000强”"); only as an ending ("「WOW」會員" is a product).
QUOTED_NO_ENTITY_ENDINGS = ("会", "基金", "女孩", "男孩", "族", "论", "强", "系",  # "「通達系」": a camp of firms
                            "的成果", "的结晶", "的里程碑")  # "「十年努力的成果」": a phrase said
# A count with its unit inside a quote: a record or a figure said, no name ("3分钟大定20万台", "24小时售出10万部").
QUOTED_COUNT_RE = re.compile(r"\d+(?:\.\d+)?\s*(?:万|亿|千)?\s*(?:台|辆|部|件|单|次|人|分钟|小时|秒)")
# Roles right after a quoted text: it qualifies a company, names no product ("电池“定点”供应商").
QUOTED_ROLE_NOUNS = ("供应商", "客户", "伙伴", "合作伙伴", "厂商")
# ... and a brand's name, which may be a company's ("全新品牌“乾崑”", "「1O1O」品牌").
QUOTED_NON_PRODUCT_WORDS = (*QUOTED_NO_ENTITY_WORDS, "品牌", "商标")
# Words between a cue and a quoted text that make the quote a capability, not a name
# ("发布能“画手指”的V5版本", "推出可以“一句话点咖啡”的智能体").
QUOTED_ABILITY_WORDS = ("能", "可以", "可", "会", "支持", "支援", "具备", "具有", "实现")
# Most characters between a cue and the quoted name it introduces ("推出独立音乐应用“汽水音乐”").
QUOTED_NAME_MAX_GAP = 10
# Verbs before a number that say what changes to it, not which product it names
# ("系统升级至5.0", "提供7.1声道").
NOT_SERIES_VERBS = ("提供", "升级", "更新", "提升", "迭代", "进化", "增至", "降至", "达到", "上调", "下调", "跃升")
# Words that make a number after them a measure, not a version ("参数3.5", "售价2.5"): a Chinese
# name before a version must hold none of them.
MEASURE_WORDS = ("参数", "得分", "评分", "分数", "价", "成本", "速度", "性能", "版本", "增长", "提升", "下降", "营收",
                 "收入", "利润", "市值", "估值", "融资", "排名", "份额", "额", "约", "达", "仅", "超", "近", "共", "总",
                 "均", "第", "率", "量", "值", "比", "数", "年", "月", "周", "天", "季", "以来", "累计",
                 "扭矩", "功率", "转速", "重量", "电压", "电流", "续航", "时速")  # "最大扭矩32N·m"
# Suffixes that make the name before them a product ("秒哒App", "小艺助手", "小布智能体", "子曰大模型").
NAMED_PRODUCT_SUFFIXES = ("App", "APP", "app", "智能助手", "智能体", "助手", "助理", "大模型")
# Words that only say what kind of product: a name made of them is a category ("医疗大模型",
# "自家大模型", "AI编程助手"), not a product.
# A few Chinese characters, then a Latin word: a description before a generic Latin name when the characters
# are descriptor words ("货运eVTOL", "国产GPU"; not the brand of "苍穹GPT"). Lower-cased text.
HAN_THEN_LATIN_WORD_RE = re.compile(r"([\u4e00-\u9fff]{1,4})([a-z][a-z0-9\-]*)")
# A group's apps or products as a whole ("阿里系App"), no one product. Lower-cased text.
GROUP_PRODUCTS_RE = re.compile(r"系(?:app|应用|产品|平台)$")
# Uses that describe a kind of vehicle or machine before its generic Latin name ("货运eVTOL", "载人eVTOL").
USE_DESCRIPTOR_WORDS = ("货运", "载人", "物流", "农业", "工业级", "消费级", "民用", "军用", "家用", "商用")
PRODUCT_DESCRIPTOR_WORDS = (
    "自家", "自研", "国产", "全新", "新款", "最新", "新一代", "下一代", "上一代", "首款", "首个", "一款", "多款", "新", "大", "小型",
    "通用", "行业", "垂直", "多模态", "开源", "推理", "语言", "视觉", "视频", "图像", "语音", "编程", "代码",
    "教育", "医疗", "金融", "法律", "政务", "工业", "汽车", "车载", "手机", "端侧", "云端", "智能", "个人",
    "办公", "写作", "翻译", "搜索", "购物", "客服", "营销", "数字", "虚拟", "生成式", "对话", "聊天", "基础",
    "原生", "专属", "企业", "官方", "独立", "同名", "移动", "桌面", "网页", "健康", "出行", "外卖", "电商", "生活",
    "支付", "音乐", "游戏", "社交", "旗舰", "科学", "数学", "安全", "文本", "创作", "设计", "学习", "深度", "生成", "理解",
    # what a product is for or does inside a device ("股票交易App", "主控芯片", "新一代AI助手")
    "股票", "证券", "交易", "理财", "投资", "主控", "存储", "射频", "基带", "AI", "双模", "单模", "多模", "旅游", "万用",
    "插件式", "插件", "一体式", "便携式", "嵌入式", "穿戴式", "折叠式",
    "操作", "作业", "驾驶", "自动", "辅助", "管理", "控制", "运营", "交互", "推荐", "企业级", "消费级", "工业级",  # "作業系統" (Taiwan: an OS), "自动驾驶系统"
)

# Lexicon sectors of car makers: their Chinese brand stays in a model code's name ("腾势N9",
# "领克Z10", "納智捷n7"), as car models are written and listed; a phone or chip keeps its own
# name ("索尼 IMX800" → IMX800).
VEHICLE_MAKER_KINDS = frozenset({"ev", "auto"})
# A car model code: one or two letters, one to three digits, up to two letters ("N8L", "LS6", "i8").
# The model after a product family the lexicon lists: "麒麟9000S", "昇腾 910", "Find X7", and the
# processor forms "酷睿i9-14900K", "锐龙7 7840HS", "Core Ultra 9 288V" (tier, then a lettered code); a
# generation and its lower-case letter ("Pixel 9a"); AMD's stacked-cache models end in 3D ("锐龙7 7800X3D").
FAMILY_MODEL_RE = re.compile(
    r" ?([A-Za-z]{1,2}\d-\d{3,5}[A-Za-z]{0,3}|\d \d{3,5}[A-Za-z]{1,3}(?:3D)?|\d{2,5}[A-Za-z]{0,3}(?:3D)?"
    r"|[A-Za-z]{1,3}\d{1,4}[A-Za-z]?|\d[a-z])"
    r"(?![A-Za-z0-9]|\.\d)")
# A device noun and a model right after a brand: "小米手环9", "荣耀手表5", "OPPO手表X2", "华为手表GT 5"
# (a number of one to three digits, or a short code; not a size or a year: see UNIT_AFTER_NUMBER_RE).
DEVICE_MODEL_RE = re.compile(
    r"(?:手环|手表|平板|音箱|电视|耳机|路由器|智慧屏|眼镜|学习机|投影仪)\s?"
    r"(?:\d{1,3}|[A-Za-z]{1,3} ?\d{1,3})[A-Za-z]?(?![A-Za-z0-9]|[.,]\d)")
CAR_MODEL_CODE_RE = re.compile(r"[A-Za-z]{1,2}\d{1,3}[A-Za-z]{0,2}|[A-Z]{1,3}级")

# Strong descriptors: a Chinese name right after one is a company ("光刻机制造商阿斯麦").
STRONG_COMPANY_DESCRIPTORS = (
    "巨头", "制造商", "供应商", "厂商", "服务商", "运营商", "初创公司", "创企", "独角兽", "芯片商",
    "代工厂", "龙头", "车企", "设计商", "开发商", "大厂", "封测厂", "券商",
)

# Ends of a descriptor glued before a company name in one token ("AI软件公司Nod.ai", "品牌纳智捷",
# "科创板公司上纬新材"): cut there when what precedes is only a description.
GLUED_DESCRIPTOR_ENDS = ("公司", "品牌", "企业", "集团")
# Ends of a kind of firm LAC reads as a word of its own before a name the tagger runs on ("虚拟银行天星银行").
KIND_OF_FIRM_ENDS = (*GLUED_DESCRIPTOR_ENDS, "银行")
# A Latin name right after such a kind of company, as Hong Kong writes an apposition with a space
# ("眼鏡集團 EssilorLuxottica", "晶片公司 Arm"): the Chinese words say what kind, the Latin name which.
# A capitalised word with a lower-case letter, so no title ("集团 CEO").
APPOSED_LATIN_NAME_RE = re.compile(r" ?[A-Z][A-Za-z]*[a-z][A-Za-z]*(?![A-Za-z0-9])")
# ... or a Chinese name glossed in Latin ("私募股权公司银湖（Silver Lake）"); not a second party after a joiner
# ("软银集团与甲骨文（Oracle）": a company and its partner, no kind).
APPOSED_GLOSSED_NAME_RE = re.compile(r"(?![与和及同跟、])[\u4e00-\u9fff]{2,5}\s?\(\s?[A-Z][A-Za-z0-9&.\- ]*\)")
# Words that say what trade a firm is in: a firm noun after nothing but these names no firm ("生活服务公司",
# "私募股权公司", "半导体厂商").
FIRM_TRADE_WORDS = ("本地", "生活", "服务", "科技", "金融", "互联网", "网络", "电商", "物流", "能源", "新能源", "半导体",
                    "芯片", "软件", "信息", "技术", "投资", "资产管理", "私募", "股权", "创投", "风投", "电子", "通信",
                    "电信", "零售", "外卖", "出行", "支付", "医疗", "游戏", "传媒", "咨询", "设计", "制造", "卫星", "通讯",
                    "中概", "美股", "港股")
FIRM_NOUNS = ("公司", "企业", "集团", "厂商", "大厂", "厂")
# The last characters of those nouns: a name may start right after one ("晶片廠納微半導體").
FIRM_NOUN_LAST_CHARS = "".join(sorted({noun[-1] for noun in FIRM_NOUNS}))
# A brand written as a short acronym before a product's own name ("MSI Claw", "HP Spectre").
BRAND_ACRONYM_RE = re.compile(r"[A-Z]{2,5}")
# The ends of a kind of company before such a name ("眼镜集团", "加拿大氮化镓厂").
APPOSED_KIND_ENDS = (*GLUED_DESCRIPTOR_ENDS, "厂", "厂商")

# Last words of a Latin company name ("Joby Aviation", "Sony Honda Mobility", "Animoca Brands",
# "GlobalWafers America"): a Latin run of two or more words ending in one names a company, never a
# product. Lower case. Not "Cloud", "Intelligence", "Automotive": "DGX Cloud", "Apple Intelligence"
# and "Pangu Automotive" are products.
LATIN_COMPANY_TAILS = frozenset(
    """
    inc inc. corp corp. corporation co. ltd ltd. llc plc ag gmbh group holdings holding technologies
    aviation airlines airways mobility motors robotics semiconductor semiconductors electronics
    entertainment interactive games studios labs networks capital ventures bank financial brands
    therapeutics telecom communications instruments industries dynamics microsystems systems partners
    america americas europe japan korea taiwan international
    """.split()
)
# Words glued before a company's name that only say how the article relates it to another company
# ("德國同業世創": a peer; "美國對手艾克爾": a rival): cut off like a descriptor.
RELATION_DESCRIPTORS = ("同业", "同行", "对手", "竞争对手", "竞品", "友商")
# A company's foundry unit named by the trade right after it, before an act of its own ("与英特尔代工展开合作",
# "與三星晶圓代工簽署協議"): Intel Foundry or Samsung Foundry as a party, no supply deal.
FOUNDRY_UNIT_AFTER_RE = re.compile(r"(?:晶圆)?代工(?:服务|部门|事业部|业务)?(?=\s*(?:展开|达成|签署|签订|合作|携手|联手|共同|宣布))")
# A Latin acronym's spelled-out gloss in brackets ("SAFE（三星先进晶圆代工生态系统）伙伴"): a name's meaning, no deal.
ACRONYM_GLOSS_RE = re.compile(r"(?<=[A-Za-z0-9])\s?[（(][^（()）]{2,24}[)）]")
# A trade of supply closed by a kind of firm right before a name only says what the firm does ("晶圆代工龙头台积电",
# "代工厂富士康", "封测大厂日月光"): a description, no supply deal in the clause.
SUPPLY_KIND_BEFORE_RE = re.compile(r"(?:代工|供货|供应|封测)(?:龙头|大厂|厂商|厂|巨头|企业|公司|业者)\s?$")
# A shareholder's role right before a name ("控股股东江汽控股", "第一大股东"): LAC may glue its 东 to the name.
# Not 入股 ("入股东风": 东风 is the name).
SHAREHOLDER_BEFORE_RE = re.compile(r"(?:控股|第一大|第二大|大|主要|原)股$")

# A description of a company's kind closed by one of these right before a listed company ("深圳影像品牌影石",
# "德国光学品牌徕卡", "美国芯片巨头英伟达"): the words before the head describe, they name no company.
DESCRIPTOR_HEAD_BEFORE_NAME_RE = re.compile(r"\s?(?:品牌|厂商|企业|大厂|巨头|公司|集团)\s?")

# Words before a name that say it is a company ("供应商Runway", "调研机构TrendForce").
COMPANY_DESCRIPTORS = (
    "公司", "企业", "厂商", "巨头", "机构", "供应商", "制造商", "服务商", "运营商", "初创公司", "创企",
    "独角兽", "集团", "龙头", "厂", "品牌", "车企", "芯片商", "设计商", "代工厂", "合作伙伴", "伙伴",
    "研究机构", "调研机构", "咨询机构", "媒体",
)

# A trade word and 商 right before a Latin name say it is a company, whatever the trade ("光網絡設備商Infinera",
# "設計軟體商Altium", "零售商Best Buy", "通路商"): an open class, so a pattern; not 协商, 磋商, 招商, 会商, 智商,
# 工商, 通商, 经商, whose 商 is no trader. A startup named by its field ("邊緣AI軟體新創Reality AI") too.
TRADER_DESCRIPTOR_RE = re.compile(r"(?:[\u4e00-\u9fffA-Za-z](?<![协磋招会智情工通经从])商|新创|新创公司|初创|新创企业)\s?$")

# A firm's word glued right after a Latin name makes one company name with it ("IDG资本", "KKR集团",
# "GGV创投", "SBI控股"): investment and holding firms are named so. Not 投资 or 控股 used as a verb
# ("向Northvolt投资约9亿欧元", "Arm控股了"), nor 基金 (a fund).
LATIN_NAME_FIRM_TAIL_RE = re.compile(r"资本|创投|集团|证券|控股(?![了权股])")
# ... but "由X控股" says who controls something: there 控股 is the verb ("由荷兰科技投资集团Prosus控股").
HELD_BY_BEFORE_RE = re.compile(r"由[^，,。；;：:]{0,14}$")

# Words after a name that say it is a company ("X公司", "X旗下", "X首席执行官").
COMPANY_FOLLOWERS = (
    "公司", "集团", "旗下", "创始人", "首席执行官", "CEO", "董事长", "总裁", "股价", "市值", "财报",
    "营收", "官方", "团队", "方面", "高管", "成立于", "创立于", "创办于", "联合创始人",
)

# Words after a product's name that make it a firm in the article ("抖音CEO", "TikTok执行长", "飞书总裁").
PLATFORM_AS_FIRM_RE = re.compile(r"\s?(?:首席执行官|执行长|CEO|董事长|总裁|总经理|高管|股价|市值)")
# A number with at most one unit character ("360", "360度", "7.4吋"): a name made only of these and
# standards ("8K 30fps 360度") is a list of measures, no product.
MEASURE_WORD_RE = re.compile(r"\d+(?:\.\d+)?[\u4e00-\u9fff]?")
# A place's name glossed in Latin after it ("纽约州奥尔巴尼（Albany）", "德累斯顿（Dresden）"): the gloss names
# the place too, no company.
PLACE_GLOSS_RE = re.compile(r"\s?\(([A-Z][A-Za-z.\-]*(?: [A-Z][A-Za-z.\-]*){0,3})\)")
# Words a name is written with differently on the mainland and in Taiwan, as folded text has them
# (Simplified characters, the words unchanged): 百度智能云 / 百度智慧雲, 金山软件 / 金山軟體, 浪潮信息 /
# 浪潮資訊, 硅基流动 / 矽基流動, 长鑫存储 / 長鑫儲存. The lexicon knows each name in both forms.
REGIONAL_NAME_WORDS = (
    ("智能", "智慧"), ("软件", "软体"), ("信息", "资讯"), ("存储", "储存"), ("硅", "矽"), ("网络", "网路"),
    ("数据", "资料"), ("芯片", "晶片"), ("内存", "记忆体"), ("服务器", "伺服器"), ("视频", "视讯"),
)

# What a company does, when "X公司" names a kind of company rather than one.
# A firm's plant, never its name ("斯帕坦堡工厂"). Not a bank's branch: CLUENER's gold names branches as companies
# ("中国银行北京分行"), and its tuning block lost 0.016 company F1 when 分行 was here.
SITE_ENDINGS = ("工厂", "厂区")
GENERIC_COMPANY_HEADS = (
    "软件", "芯片", "电商", "投资", "量化投资", "大模型", "科技", "互联网", "汽车", "手机", "通信", "半导体",
    "AI", "ai", "云", "游戏", "能源", "电池", "新能源", "代工", "咨询", "研究", "初创", "上市", "国有", "外资",
    "美国", "中国", "日本", "韩国", "欧洲", "本土", "头部", "龙头", "多家", "两家", "三家", "这家", "该",
    "设计", "IC", "车", "车厂", "新创", "创业", "新势力", "晶圆", "封测", "面板", "家电", "电动车", "造车", "整车", "零部件",
    "服务器", "存储", "光模块", "模块", "显示", "材料", "设备", "传统", "国际", "海外", "大型", "小型", "知名",
    "广告", "全球",
    # Taiwan and Hong Kong usage (folded to Simplified characters, not words): 記憶體廠, 南韓大廠, 陸系品牌
    "记忆体", "晶片", "伺服器", "网通", "软体", "硬体", "云端", "装置", "模组", "商业", "南韩", "台湾", "台系", "陆系",
    "美系", "日系", "韩系", "陆资", "中资", "港资", "台资", "多间", "两间", "这间", "该间",
    "科创板", "创业板", "港股", "美股", "A股",
    # general news: kinds of firm by trade or standing ("小额贷款公司", "硬木家具公司", "主流公司", "网络数据公司")
    "贷款", "小额贷款", "家具", "集邮", "博彩", "媒体", "主流", "中介", "数据", "电子商务", "网络",
    # parts and the firms or plants that make them ("碳化硅功率器件公司", "合资工厂"; 模块, 模组 above)
    "器件", "元件", "合资",
)
# An issue of shares ("认购公司非公开发行股份", "定向发行股票"): no company, though it ends like one (德邦股份).
SHARE_ISSUE_RE = re.compile(r"(?:非公开|公开|定向)发行|发行(?:股份|股票|新股|A股|H股)")
# What kind of bank, when "X银行" names a kind rather than one bank ("村镇银行", "代理银行", "合作银行",
# "外汇专业银行", "虛擬銀行"). No countries or cities: 中国银行, 美国银行 and 南京银行 are banks.
BANK_KIND_WORDS = (
    "村镇", "农村", "农商", "城商", "城市", "代理", "合作", "中资", "外资", "港资", "台资", "陆资", "商业", "国有",
    "股份制", "民营", "互联网", "数字", "虚拟", "纯网络", "外汇", "专业", "投资", "储蓄", "政策性", "开发性",
    "托管", "存管", "发卡", "收单", "贷款", "放款", "往来", "中小", "地方", "大型", "大", "小", "各", "各大", "多家",
    "两家", "三家", "四大", "五大", "六大", "这家", "该", "本地", "传统", "主要", "其他", "其它", "部分", "相关",
)

# Company names that are also ordinary words, and the words that show the ordinary sense in
# the same sentence ("今年苹果价格上涨，果农收入增加" is fruit; "智能化浪潮" is a wave).
COMMON_WORD_CUES = {
    "苹果": ("果农", "水果", "果园", "果树", "种植", "产区", "丰收", "斤", "香蕉", "梨", "橙", "果品", "果汁",
             "蔬菜", "农产品", "采摘", "红富士", "吃"),
    "小米": ("小米粥", "杂粮", "大米", "粮食", "种植", "斤", "小麦", "玉米", "谷子", "农产品", "煮"),
    "暴雪": ("天气", "降雪", "大雪", "寒潮", "气象", "预警", "积雪", "结冰", "降温", "雪灾", "暴雨", "大风", "封路",
             "航班", "停课", "气温", "冷空气"),
    "浪潮": ("化浪潮", "的浪潮", "新浪潮", "一波", "浪潮中", "浪潮下", "浪潮之", "时代浪潮", "浪潮席卷", "热潮"),
    "联想": ("让人联想", "使人联想", "不禁联想", "产生联想", "联想起", "联想到"),
    "三星": ("三星级", "星级", "绿色三星", "三星住宅", "三星认证", "三星标识"),  # a rating ("绿色建筑三星标识")
}

# A bracketed note after a product that names its edition or sales channel, not the product in the other
# script: "K330（飚速版）", "渴望S（行货）", "Mate 60（國行）".
EDITION_NOTE_RE = re.compile(r"(?:版|型|款|版本|行货|水货|国行|港行|陆版|美版|日版)$")

# A company named after its country, written before 业, is that country's industry: "中国银行业协会",
# "中国银行业实施新规", "美国银行业"; not the company's business or results ("中国银行业务", "业绩").
INDUSTRY_AFTER_NAME_RE = re.compile(r"业(?!务|绩)")
# A named branch: a company's name, a place, then a branch word ("工行北京分行", "农业银行蒙城支行",
# "一汽-大众青岛分公司") is a company; a place's branch alone ("新加坡子公司") is not.
NAMED_BRANCH_RE = re.compile(r"-?[\u4e00-\u9fff]{2,6}(?:分行|支行|分公司|分部|营业部)")

# Product names that are also ordinary nouns, and what stands before them in that sense: a post on
# 微博 is a 微博 too, counted ("两条微博", "一条促销微博"), written or deleted ("发微博", "新发的微博",
# "删除微博") or pointed at ("该微博"); "在微博上", "微博用户" stay the platform.
COMMON_NOUN_PRODUCTS = {
    "微博": re.compile(r"(?:[条篇则][^，。！？；、,!?;\s]{0,10}|(?:发|开|删|删除|转发|转载)(?:了|的|过)?|该|此|这|那)\s*$"),
}

# Modifiers that make "X科技" a field of technology rather than a company name.
GENERIC_MODIFIERS = frozenset(
    "前沿 先进 新兴 高新 尖端 核心 关键 硬 黑 未来 数字 智能 信息 金融 生物 医疗 绿色 低碳 量子 "
    "航天 军事 农业 教育 新 高 云 互联网 人工智能 半导体 芯片 汽车 能源 创新".split()
)

# Suffixes of organisation names that are not companies.
NON_COMPANY_SUFFIXES = (
    "行业", "产业", "领域", "板块", "赛道", "阵营", "市场", "一代", "大学", "学院", "学校", "中学", "研究院", "研究所", "科学院", "实验室", "部", "局", "委", "委员会",
    "厅", "署", "办", "办公室", "政府", "法院", "检察院", "协会", "学会", "联盟", "联合会", "基金会",
    "大会", "峰会", "论坛", "展", "展会", "博览会", "发布会", "开发者大会", "研讨会", "会议", "组织",
    "议会", "国会", "监管机构", "中心", "所", "板", "园区", "科学园", "工业园", "业者", "博物馆", "美术馆",
    "图书馆", "医院", "工作室",  # "Everstone工作室": a team inside a company
    # parties, armed forces, religious schools, chambers and legislatures ("国民党", "解放军", "海军陆战队",
    # "逊尼派", "住宅产业商会", "全国人大常委会"), think tanks
    "党", "军", "部队", "陆战队", "教派", "宗派", "商会", "常委会", "人大", "智库",
)
# Which market's edition of a product ("国行Switch", "港行iPhone 15", "國行版主機"): no company, and no part of
# the product's name when written before it.
EDITION_WORDS = frozenset("国行 港行 行货 水货 国服 港服 港版 陆版 美版 日版 台版 国际版 国行版 港行版 行货版 水货版".split())
# A market's edition written after a product's name ("iPhone 12美國版", "小米14国际版"): the same product.
MARKET_EDITION_END_RE = re.compile(r"\s?(?:美国|中国|国际|国行|港行|香港|台湾|日本|欧洲|全球|海外|港|美|日|台|陆)版$")
# Firms whose names end like an institution's: a trading or service firm's 中心 and 事务所 ("天津宝华工贸中心",
# "泰和泰律师事务所"), a development company ("深发展", not an exhibition's 展), a state builder's 局
# ("中铁五局", "中建三局", "中交第二航务工程局") and 招商局.
FIRM_NAME_END_RE = re.compile(
    r"[\u4e00-\u9fff]{2}(?:工贸|商贸|贸易)中心$|[\u4e00-\u9fff]{2}(?:律师|会计师|税务师|评估师)事务所$"
    r"|(?<!经济)(?<!社会)(?<!共同)(?<!科学)(?<!持续)发展$"
    r"|^(?:中铁|中建|中交|中冶|中水|中电建|中铁建)?[一二三四五六七八九十]+局$|工程局$|^招商局$")
# A ship or its class named like a company ("福特级航母首舰福特号", "“福特”号航母"): 号 or 级 right after
# the name, in a sentence about warships.
VESSEL_AFTER_NAME_RE = re.compile(r"[”\"」』]?(?:号(?![称召码段令])|级)")
VESSEL_WORDS = ("航母", "航空母舰", "舰", "潜艇", "战列")
# What may follow a product's name as part of it: 系列 (a series: "Mate 40系列"), 系 after a model number
# ("宝马5系", not 系统 or 系数) or a Roman numeral glyph for its generation ("GALAXY S Ⅱ").
SERIES_AFTER_NAME_RE = re.compile(r"\s?系列|系(?![统数])|\s?[\u2160-\u216b](?![A-Za-z0-9])")  # "Mate 70 系列": spaced too
# Lexicon kinds whose companies name joint ventures after both parents, glued ("一汽马自达", "华晨宝马"):
# a tagger's company made of one such listed maker and a short unlisted name is that venture.
JOINT_VENTURE_KINDS = frozenset(("auto",))
# A company's name used as a verb ("百度一下", "谷歌一下"): searching, no mention of the company.
VERB_AFTER_NAME = ("一下",)
# A building or site named after a company ("中国银行大厦", "央视新址", "百度新大厦"): a place, no mention of it.
BUILDING_AFTER_NAME_RE = re.compile(r"新?(?:大厦|大楼|总部大楼|新址|旧址|老址)")
# A count of a company's units or what it owns, right after its name ("花旗两家贷款子公司", "旗下三家银行").
UNITS_AFTER_NAME_RE = re.compile(r"(?:旗下)?[两二三四五六七八九十几多数\d]+家")
# A count of firms opening a name ("八家虚拟银行", "多家车企") and a firm named only by its tie to another
# ("雷朋母公司", "腾讯子公司"): no company's name.
COUNTED_FIRMS_RE = re.compile(r"(?:[两二三四五六七八九十几多数\d]+|各|这|该|此)\s*[家间]")
RELATIVE_FIRM_HEADS = ("母公司", "子公司", "孙公司", "附属公司", "联营公司")  # also "工商银行全资附属公司"
NON_COMPANY_NAMES = frozenset(
    """
    marketing sales operations engineering strategy finance 国发会 国发 美息 港息 港元股份 美元股份 人民币股份
    fdic 中国人民银行 人民银行 央行 美联储 欧洲央行 金管局 香港金融管理局 香港金管局 金融监管总局 国家金融监督管理总局
    工信部 发改委 国务院 商务部 科技部 财政部 网信办 证监会 银保监会 国资委 市场监管总局 欧盟 联合国 美国商务部
    白宫 国会 世界卫生组织 国际电信联盟 3gpp ieee w3c 中国信通院 信通院 中科院 工业和信息化部
    上交所 深交所 北交所 港交所 联交所 纽交所 纳斯达克 科创板 创业板 主板
    新一代 下一代 上一代 前代 前一代 首代 旗下 友商 同行 业界 业内 新创 新创车厂 新势力
    本港 本澳 本地 本土 本市 全港 香港本地
    """.split()
) | EDITION_WORDS  # 国行, 港行, 水货 ...

# ---- Relation cues (partnership and release readers, the relation model) -------------------
# Partnership cues. Longer first, so "战略合作" wins over "合作". Traditional input is folded to
# Simplified before matching, so "攜手" / "合作夥伴" / "結盟" / "簽署" are covered by these forms.
PARTNER_TRIGGERS = (
    "战略合作", "深度合作", "战略联盟", "策略联盟", "达成合作", "开展合作", "展开合作", "签署合作", "确立合作", "建立合作", "合作协议",
    "合作关系", "合作伙伴", "伙伴关系", "战略伙伴", "策略伙伴", "合作",
    "携手", "携同", "联手", "联袂", "联名", "牵手", "伙拍", "合组", "联合开发", "联合推出", "联合发布", "联合打造", "共同开发", "共同打造",
    "共同推出", "共同研发", "共同发布", "共同宣布", "共同成立", "共建", "结盟", "联姻", "签约", "谅解备忘录", "合作备忘录",
    "签署备忘录", "MOU", "互联互通协议", "合资成立", "联合成立", "联合组建", "共同组建", "合资", "联合首发", "联合宣布", "联合研发", "联合",
    "共同出资成立", "共同出资设立", "合资设立", "共同设立", "联合设立",
    # Hong Kong and Taiwan wording: a joint venture (合營公司), an alliance formed, a joint launch
    "合营", "组成联盟", "结成联盟", "组建联盟", "合推", "合体",
    # partners made ("与Waymo结为伙伴", "结成战略伙伴"); founders of one venture ("由A、B、C共同发起的平台")
    "结为伙伴", "结成伙伴", "结为合作伙伴", "结为战略伙伴", "结成战略伙伴", "共同发起", "共同研究", "联合研究", "共同参与",
)
# Two companies said to be partners with a copula and bare 伙伴 ("微軟與OpenAI一直是非常緊密的夥伴"): the cue is
# that 伙伴; not a supply-chain, channel or customer partner ("是宝马的供应链伙伴").
COPULA_PARTNER_RE = re.compile(r"(?:与|和|同)[^，,。；;]{1,20}?是(?P<gap>[^，,。；;]{0,10}?)(?P<cue>伙伴)(?!关系|计划)")
SUPPLY_PARTNER_WORDS = ("供应", "代工", "客户", "渠道", "经销", "销售")
# "鴻海攜輝達打造AI工廠", "比亚迪携华为推出智驾方案": 携 alone before a company and a verb of joint work
# (not 携手 / 携同, cues already, nor 携带 or the name 携程); the company after it is the partner.
# Hong Kong's 聯同 ("together with") reads the same way: "由Meta聯同EssilorLuxottica打造", "渣打聯同電訊盈科推出".
WITH_PARTNER_RE = re.compile(r"携(?![手同带程])|联同")
WITH_PARTNER_VERBS = ("打造", "推出", "发布", "发表", "开发", "研发", "亮相", "展出", "参展", "合作", "共同", "联合",
                      "进军", "布局", "探索", "落地")
# "此次与英特尔共同针对游戏进行驱动程序调校": 共同 before a verb of joint work later in the clause;
# 一起 / 一同 only right before a verb of making or running something together ("与丰田一起打造").
JOINT_WORK_RE = re.compile(
    r"共同(?=[^，。；;,]{0,16}?(?:调校|调教|调优|优化|测试|验证|推动|推进|探索|部署|推广|制定|攻关|开源|开展|研究|完成))"
    r"|(?:一起|一同)(?=(?:打造|开发|研发|研制|推出|推进|开展|建设|运营))")
# An agreement that names what it is about: "与乐视就二创授权签下协议", "签署技术授权协议". A bare
# "签署协议" may be a sale or a settlement ("與Google簽署協議，Google將支付……") and is no cue.
AGREEMENT_RE = re.compile(
    r"就[^，。；;,]{1,24}?(?:签署|签订|签下|订立|达成)(?:了)?[^，。；;,]{0,8}?协议"
    r"|(?:签署|签订|签下|订立|达成)(?:了)?[^，。；;,的]{0,8}?(?:授权|许可|框架|战略|技术|联合开发|共同开发|联营)协议")
# ... unless it settles a dispute or sells something ("就专利纠纷达成和解协议", "就出售资产签署协议").
AGREEMENT_NOT_WORDS = ("和解", "纠纷", "侵权", "赔偿", "出售", "转让", "补助", "补贴", "停战", "撤诉")
# A cue opening a modifier ("由台积电与索尼合资成立的JASM代工", "与华为合作开发的芯片"): what the
# clause says after it (a supply deal, contract work) is about the head, not the partners.
CUE_AS_MODIFIER_RE = re.compile(r"\s*(?:[\u4e00-\u9fff]{1,2})?的")
# Every named party takes part, so the partners pair with each other too: a party count
# ("A与B、C三方合作") or a joint act of a list of subjects ("A、B与C共同成立D"). Objects of 与 alone
# ("A与B、C三家车企合作") each partner the subject only.
PARTY_COUNT_RE = re.compile(r"三方|四方|五方|多方")
JOINT_ACT_RE = re.compile(r"共同|联合|一起|一同|合资|合组|联手|携手|联袂|携同|合力")
# ... and so does every founder of a new firm, objects of 与 too, when a joint founding follows the list at
# once ("A已与B、C共同组建电池企业ACC", "A已与B、C联合打造高端品牌X"): each holds a share of the same firm or brand. Not a bare 合资成立 after
# the list ("渣打聯同B及C合資成立Mox": the subject's partners, as the dev gold reads it).
JOINT_FOUNDING_RE = re.compile(r"\s*(?:(?:共同|联合|联手|携手)\s*(?:组建|成立|创立|设立|创办|出资成立|出资设立|打造)|合资|合组)")
# "A、B及C都是D的合作伙伴": the last company before the partner noun is everyone's partner.
PARTNER_OF_RE = re.compile(r"\s*的\s*(?:重要|主要|核心|长期|战略|策略|首批|全球)?\s*$")
# "在麦当劳、星巴克等约200家合作商户消费": companies given as examples of someone's partners (a list
# ending in 等 and a count, before 合作 used as a modifier of a partner noun, or before 合作伙伴) are
# not partners of each other; the last may carry a short category noun ("OK便利店等").
EXAMPLES_END_RE = re.compile(r"[\u4e00-\u9fff]{0,4}\s*等\s*(?:约|逾|超过|近|共)?\s*(?:(?:\d+|[一二两三四五六七八九十百几多数]+)\s*[余多]?\s*[家间个位])?\s*$")
# The end of a list of examples with their kind, before the list's verb: "美的、九阳等家电企业已宣布与华为……".
EXAMPLES_KIND_RE = re.compile(r"\s*等[^，。；;,、与和同跟\s]{1,10}\s*")
# Words after a company's name that make it a technology's name ("ARM架构", "x86指令集").
TECHNOLOGY_AFTER_NAME = ("架构", "指令集", "生态")
# Many firms founding or joining an alliance or standards body ("英特爾、超微、Arm、高通等業者共同成立……標準聯盟UCIe"): members
# of one body, no partners of each other. The list closes with 等; the body is named after the cue.
ALLIANCE_FOUNDING_RE = re.compile(r"等\s*(?:[\u4e00-\u9fff]{0,4}(?:业者|厂商|企业|公司|巨头|大厂|成员))?\s*"
                                  r"(?:共同|联合|一同|一起)?\s*(?:成立|组建|发起|创立|创办|加入)"
                                  r"[^，。；,;]{0,14}?(?:联盟|协会|标准组织|委员会|基金会)")
# "A、B與C四家合作夥伴", "华硕、技嘉和微星等合作伙伴": a list closed by 等 or a count before a partner noun
# (someone's partners, listed).
COUNTED_LIST_END_RE = re.compile(
    r"\s*(?:等\s*(?:约|逾|超过|近|共)?\s*(?:(?:\d+|[一二两三四五六七八九十百几多数]+)\s*[余多]?\s*[家间个位])?"
    r"|(?:\d+|[一二两三四五六七八九十]+)\s*[家间个位])\s*(?:重要|主要|核心|长期|战略|策略|首批|全球)?"
    r"\s*(?:[\u4e00-\u9fff]{1,3}?)?\s*(?:合作)?\s*$")  # "等板卡合作伙伴": a kind of partner between
# "上汽大众与一汽丰田等合资车企": the car-news category of joint-venture makers, after such a list, says
# nothing about the listed companies' partners.
JV_CATEGORY_RE = re.compile(r"合资(?:品牌|车企|车厂|厂商|企业)")
PARTNER_NOUNS_AFTER = ("商户", "商家", "门店", "店铺", "银行", "品牌", "厂商", "机构", "企业", "公司", "方", "单位",
                       "平台", "媒体", "伙伴", "车企", "院校")
# Words joining the partners ("A与B合作").
PREPOSITIONS = ("与", "和", "同", "跟")
# A clause opening on "与B" after an announcing company ("文远知行宣布，与联想联合打造的HPC 3.0正式发布"): the
# announcer is the omitted first party.
WITH_OPENER_RE = re.compile(r"\s*(?:其|并|还|此次)?\s*(?:与|和|同|跟)\s*")
# A joiner inside a guessed name that holds a listed one, never its first letter ("和记黄埔" is one name).
JOINER_INSIDE_NAME_RE = re.compile(r"(?<=.)(?:与|及|、|以及)")
# Those letters opening a word of their own, no preposition: "同属吉利系的", "同时", "同比", "与此同时", "与会".
PREPOSITION_IN_WORD_RE = re.compile(r"同[属时样期比步一类行日场年月天级等款台业]|与(?:此同时|会)")
# A rival named by a copula before the clause's companies ("主要对手是Meta与依视路合作推出的Ray-Ban Meta"): the
# competition is with what follows, not between the companies that cooperate in it.
RIVAL_COPULA_RE = re.compile(r"(?:竞争)?对手(?:则|主要)?(?:是|为|包括)|竞品(?:是|为|包括)")
# A sentence that refers back to its subject before naming anyone ("该公司已与Waymo……", "其此前与……"), or names no
# one before a preposition ("今年1月又与吉利签约……"): the first company it names is an object, not the sentence's
# opener (matched from the sentence's or part's start).
OBJECT_OPENER_RE = re.compile(r"[^，。；,;]{0,12}?(?:(?:该公司|这家公司|此公司|该集团|其)[^，。；,;]{0,8}?)?(?:与|和|同|跟)\s*$")
# Cues with the partner after them ("A携手B").
LEAD_PARTNER_TRIGGERS = ("携手", "携同", "联手", "联袂", "牵手", "伙拍", "联合", "联姻", "结盟")  # 携同: Hong Kong usage
# Lead cues no company name holds: a LAC or tagger company span across one is two names and the cue
# ("雪松控股结盟浦发银行", "浙江卫视联手"). Not 联合 (联合利华, 联合汽车电子).
# Cantonese particles and pronouns (folded): speech around a name, never in one ("Xiaomi 亦喺 2月",
# "呢部 77 吋 4K 電視", "嘅", "咗", "啲", "唔", "冇", "佢", "嗰", "咁", "嚟").
SPOKEN_PARTICLE_RE = re.compile("[嘅喺咗啲唔冇佢嗰\U00020BB6咁嚟呢]")
# A conjunction set off by a space after a Latin name ("Sony 同蔡司", "Apple 和三星"): two names, never one.
SPACED_CONJUNCTION_RE = re.compile(r"(?<=[A-Za-z0-9])\s+(?:与|和|同|跟|及)\s*")
NAME_SPLITTING_CUES = ("携手", "携同", "联同", "连同", "伙同", "联手", "牵手", "伙拍", "联姻", "结盟", "合组", "合资成立")  # 联同, 连同: HK, TW "together with"
# A partner cue LAC may glue before a listed name ("联合广汽集团"): cut only there, since names hold it too
# (联合利华, 联合汽车电子).
GLUED_LEAD_CUES = ("联合",)
# A preposition or lead cue opening a partner list ("与A、B合作"), a description of its first member allowed between
# ("與韓國眼鏡品牌A、美國B合作"): the list's members partner the subject, not each other (matched at the list's start).
PARTNER_LIST_LEAD_RE = re.compile("(?:" + "|".join(PREPOSITIONS + LEAD_PARTNER_TRIGGERS + ("陆续与", "分别与"))
                                  + r")[^，。；,;、与和]{0,10}$")
# "与3家厂商合作": partners counted, named in a following list.
COUNT_NOUN_RE = re.compile(r"(?:\d+|[一二两三四五六七八九十几多数]+)\s*(?:家|个|位)")
# Heads of a "X的Y" phrase before 与 that name a party ("腾讯的子公司与……"); other heads make it a
# topic ("图片的生成式编辑则与美图合作完成": the subject works with 美图 on it).
PARTY_HEADS = ("公司", "集团", "企业", "厂商", "运营方", "运营商", "团队", "部门", "伙伴", "股东", "机构", "对手",
               "供应商", "制造商", "开发商", "银行", "工厂", "厂")
# An adverbial opening the clause of 与 ("通过与华为合作，赛力斯……", "借助与百度的合作，吉利……",
# "與輝達合作後，鴻海……"): the other side is the subject of the main clause after it.
ADVERBIAL_LEAD_RE = re.compile(r"\s*(?:通过|透过|借助|借由|藉由|藉助|凭借|凭着|得益于|受益于|随着|基于|依托|经由|在)?\s*")
# Adverbs that do not name anyone ("目前已经与……").
ADVERBS_RE = re.compile(r"目前|已经|正在|曾经|此前|同时|再次|刚刚|首次|率先|随即|宣布|表示|计划|转而|改而|改为|将|已|还|也|正|曾|则|又|称")
# A demonstrative opens a reference back, never a name ("发布了这一自研大模型", "该平台").
DEMONSTRATIVES = ("这", "那", "该", "此", "其")
# "在Amazon Bedrock中上线": hosted on a platform, not released.
HOSTING_RE = re.compile(r"在[^，。在]{1,30}?(?:中|上|平台)\s*$")
# A hosting phrase that names an event ("在鸿蒙生态春季沟通会上发布", "在骁龙技术峰会期间上"): where, not a
# platform, even with a product in the event's name; its short name in brackets may follow ("在天玑开发者大会（MDDC
# 2024）上发布").
EVENT_VENUE_END_RE = re.compile(r"(?:大会|发布会|沟通会|峰会|论坛|博览会|展会|年会|品鉴会|活动|仪式|典礼|晚会|盛典|"
                                r"嘉年华|会议|开幕式|展|节)\s*(?:[(（][^()（）]{1,24}[)）])?\s*(?:现场|期间)?\s*(?:中|上)\s*$")
# "華碩今年1月在CES推出", "小米在高通的峰会上发布": a company after 在 (a short time phrase may stand
# before it) is where the subject launched something, not the launcher.
VENUE_BEFORE_RE = re.compile(r"在\s*$")
# Adverbials before a sentence's subject ("此外，", "3月28日晚，").
SUBJECT_LEAD_RE = re.compile(
    r"\s*(?:(?:此外|另外|同时|目前|事实上|据悉|据了解|而|但|不过|然而|其中|今天|今日|近日|日前|随后|最终|"
    r"当天|此前|去年|今年|\d{4}年|\d{1,2}月\d{1,2}日|\d{1,2}月|[昨今明]\s*[（(]\d{1,2}[)）]\s*日"
    r"|(?:同年|当年|次年|翌年|同月|当月|去年|今年|明年)?(?:底|初|年底|年初|年中|上半年|下半年|稍后|晚些时候)?)"
    r"\s*[,，、]?\s*)*"  # "同年底也与恩智浦宣布合作": a time, then the subject carried over
)
# Release cues.
RELEASE_TRIGGERS = (
    "正式发布", "发布了", "发布", "发表了", "发表", "推出了", "推出", "上线了", "上线", "正式亮相", "亮相",
    "发售", "开售", "开卖", "上架", "上市", "首发", "面世", "问世", "开源了", "正式开源", "宣布开源", "全面开源",
    "揭晓", "揭幕", "首秀", "对外开源", "正式开服", "开服", "同步开源", "同时开源", "一并开源", "一同开源", "率先开源", "首次开源", "再次开源", "陆续开源", "相继开源", "先后开源", "同步开放", "同时开放", "登场", "带来了", "带来", "亮出", "开启预售", "开放预购", "开放预订", "开启预订",
    "开始预购", "预售", "公布了", "公布", "正式公布", "开放了", "正式商用", "投入商用", "开启公测", "开放公测", "开启内测",
    "开启预约", "开放预约", "开始预约", "正式公测", "全面公测", "开始销售", "正式销售", "开始发售",
    # news verbs of launching: mainland (放出, 甩出, 推新, 连发 "launched in a row") and Taiwan (端出, 秀出, 祭出); not 官宣, which
    # as often announces a date ("官宣Find X8系列将于10月24日发布")
    "放出", "甩出", "推新", "端出", "秀出", "祭出", "揭开面纱", "揭开神秘面纱", "连发", "齐发",
    # Taiwan's word for releasing software, models and updates ("Google釋出Android 15"), also used of
    # launches; not of shares or goodwill, which name no product
    "正式释出", "释出",
    # the start of mass production a maker announces ("美光宣布已开始量产HBM3E"); not a plan ("2027年开始量产")
    "已开始量产", "宣布量产", "宣布开始量产", "正式量产",
)
# What kind each of two products listed before a cue is, around the joiner ("P60系列影像旗舰与新一代折叠屏手机
# Mate X3同台揭晓"): the list goes on over them.
_KIND_END = r"(?:旗舰|旗舰机|手机|新机|机型|车型|新车|平板|笔记本|电脑|手表|耳机|眼镜|芯片|处理器|显卡)"
KINDS_AROUND_JOINER_RE = re.compile(rf"\s*(?:[\u4e00-\u9fff]{{0,4}}{_KIND_END})?\s*(?:、|和|与|及|以及)\s*"
                                    rf"(?:[\u4e00-\u9fff]{{0,8}}{_KIND_END})?\s*")
# Where a release took place, between the maker 由 names and its verb ("由vivo在本月初举行的开发者大会上发布").
VENUE_PHRASE_RE = re.compile(r"在[^，,。；;]{1,24}?(?:上|期间|现场)")
# Names a company's 旗下 lists before 等 and a kind of product ("五菱旗下的缤果、星光等车型"): its products.
OWNED_LIST_BEFORE_KIND_RE = re.compile(
    r"旗下的?(?P<items>[\u4e00-\u9fffA-Za-z0-9 ]{2,8}(?:、[\u4e00-\u9fffA-Za-z0-9 ]{2,8}){1,6})等(?:热门|主力|多款|畅销)?"
    r"(?:车型|机型|产品|游戏|手游|应用|App|APP|芯片|手机|电动车|新车)(?![厂商企业公司品牌])")
# A clause opening with a release made along with the one told in the sentence before ("与之一同开源的，还有A",
# "同场亮相的还有B"): the releaser is the earlier one's.
RELEASED_ALONG_RE = re.compile(r"\s*(?:与之|与此)?(?:一同|一并|一起|同时|同场|同步|同期)\s*[^\s,，。]{2,4}?了?的\s*[,，]?\s*"
                               r"(?:还有|也有|另有)")
# Joint open-sourcing ("宣布与吉利联合开源两款模型：A和B"): read by the release rules only, kept out of
# RELATION_MARKERS because the partnership model was trained with "联合" as the cue of such sentences.
JOINT_RELEASE_TRIGGERS = ("联合开源", "共同开源")
# Release cues that take the product before them ("小米SU7正式上市", "……由小米推出",
# "Mate 70系列于11月26日发布").
PRODUCT_SUBJECT_TRIGGERS = ("正式上市", "上市", "开售", "开卖", "发售", "正式亮相", "亮相", "上线", "上架", "揭开面纱",
                            "揭开神秘面纱", "揭晓",
                            "面世", "问世", "首发", "首秀", "登场", "开启预售", "开放预购", "开放预订",
                            "开启预订", "开始预购", "预售", "正式发布", "发布", "推出", "发表", "释出", "正式商用", "投入商用",
                            "开启公测", "开放公测", "开启内测", "开启预约", "开放预约", "开始预约",
                            "正式公测", "全面公测", "正式开服", "开服",  # "《逆水寒》手游今日正式公测": a game's public launch
                            "开始销售", "正式销售", "开始发售")  # "设备FPA-1200NZ2C正式开始销售"
# Cues that take an object: a product before one is released only when no object follows it in the
# clause ("Mate 70系列于11月26日发布", "P在北京推出了"), not in "高德宣布将推出到店补贴" (高德 is the
# subject, the subsidy the object).
OBJECT_TAKING_CUES = ("正式发布", "发布", "推出", "发表", "释出", "揭晓")
# Cues of going on sale or coming out: with no object after them in the clause the name before is the
# product ("BDBOX将于8月27日发售", "新机下月开卖"), not a company ("索尼下月发售PS5" sells one).
SALE_CUES = ("发售", "开售", "开卖", "面世", "问世")
# A market as the object of a cue after its product ("将折叠机Mate X6推出国际市场", "把新车推向海外市场"): where the
# product goes, no other object.
MARKET_OBJECT_RE = re.compile(r"\s*(?:至|到)?\s*(?:国际|海外|全球|欧洲|北美|东南亚|中东|中国|内地|本地|香港|台湾|日本|韩国|美国)?市场"
                              r"(?![\u4e00-\u9fff])")  # not "推出市场推广活动"
NO_OBJECT_AFTER_RE = re.compile(r"^\s*(?:了)?\s*(?:(?:于|在)[^，。；;,！？!?]*)?[。！？!?”’」』)）]*\s*$")
# An edition as the object of a release cue after its product: the product itself comes out in it ("Trae正式推出
#国内版", "豆包上线网页版").
EDITION_OBJECT_RE = re.compile(r"\s*了?\s*(?:其)?(?:国内版|国际版|海外版|中文版|全球版|正式版|公测版|测试版|网页版|桌面版|抢先体验版|抢先版|"
                               r"移动版|手机版|电脑版|[A-Za-z]{2,8}\s?版)(?![\u4e00-\u9fff]{0,2}(?:的|之))")
# Release cues read only with the product before them: what follows is an audience, a market or
# nothing ("DeepSeek-R1正式对外开放", "文心一言面向所有用户开放", "海豹登陆日本市场", "X200正式登陸香港",
# "小米15 Ultra今日登台", "Galaxy S25系列今日正式推出市場", "ET9启动量产交付",
# "豆包大模型全量上线"; not "向部分用户开放测试", a test). Traditional 登陸 / 對外開放 fold to these forms.
PRODUCT_FIRST_RELEASE_RE = re.compile(
    r"对外开放|开放下载|开放使用|开放体验|面向[^，。；;,]{1,16}?开放(?!测试)|登陆[^，。；;,股]{1,10}?市场"
    r"|登陆(?:中国)?(?:香港|港澳|台湾|澳门|内地|大陆|国内|日本|韩国|欧洲|北美|美国|东南亚|新加坡|海外|全球)"
    r"(?![^，。；;,]{0,6}?(?:股|交易所))"
    r"|登台(?![演致表讲献发])"  # a phone "登台" (reaches Taiwan's shops), not a person taking the stage
    r"|向[^，。；;,]{0,8}?(?:用户|公众|开发者|市民|消费者)[^，。；;,]{0,6}?开放(?!测试)"  # not "向所有大模型厂商开放", "开放测试"
    r"|(?:启动|开启|开始|正式)?量产交付|(?:启动|开启)交付|全量上线|全面上线|全量开放|全量推送"
    r"|(?:开启|开放|启动)[^，。；;,的]{1,6}?(?:公测|内测|不删档测试)"  # "开启PC端公测": a public beta
    r"|(?:开始|正式|陆续)(?:向[^，。；;,]{1,12}?)?推送"  # "澎湃OS 2开始推送": an update goes out
    r"|[与和跟同][^，。；;,]{0,6}?(?:消费者|用户|大家|公众|车主|玩家|市场)见面"  # "正式与消费者见面"
    r"|推出(?:市场|市面)(?!推广|营销|活动|调查|份额|策略|部)")  # Hong Kong's "Galaxy S25系列今日正式推出市場"
# A Chinese name that launches a model named after itself ("追觅今天发布了追觅X50 Ultra", "萤石推出萤石C8c"):
# the name is the brand company, whether or not the lexicon lists it. The name opens its clause; the
# model after the repeated name starts with a Latin letter or a digit.
REPEATED_BRAND_RE = re.compile(
    r"(?:^|(?<=[。！？!?，,；;：:\s」”)）]))(?P<name>[\u4e00-\u9fff]{2,4}?)"
    r"[^，,。！？!?；;、]{0,10}?(?:" + "|".join(map(re.escape, sorted(RELEASE_TRIGGERS, key=len, reverse=True))) + r")"
    r"了?\s*(?:全新|新款|新一代|最新)?(?:的)?(?P=name)(?=\s?[A-Za-z0-9])")
# Cues of going on sale: a company named before one sells what it makes, or what another makes
# ("中華電信今天宣布開賣iPhone 16", "京东今日开售iPhone 16": a seller, not the maker, so no release).
SALE_TRIGGERS = ("开售", "开卖", "发售", "上架", "预售", "开启预售", "开放预购", "开放预订", "开启预订", "开始预购",
                 "开启预约", "开放预约", "开始预约")
# Verbs of making after "由A" ("小米SU7由小米汽车打造", "盘古大模型由华为云研发"): the product named
# before 由 is A's release. Contract work (代工, 组装, 生产) is not making it one's own product.
# 由 before the maker, a description of its kind allowed between ("由上海游戏公司米哈游开发", "由初创团队X打造").
BY_MAKER_BEFORE_RE = re.compile(r"由(?:(?:总部)?(?:位于|设在)[^，。；的]{1,12}的|来自[^，。；的]{1,8}的)?"
                                r"(?:[\u4e00-\u9fffA-Za-z]{0,8}?(?:公司|企业|厂商|厂|集团|团队|工作室|巨头|开发商|制造商|品牌))?\s*$")
MADE_BY_VERBS = ("打造", "研发", "开发", "研制", "设计", "推出", "发布", "发表", "出品", "首发", "带来")
# A made-by verb right after a name that 由 introduces, adverbs allowed ("由Game Freak开发", "由X负责研发").
MADE_BY_AFTER_RE = re.compile(r"\s*(?:独立|自主|负责|共同|联合|一手)?(?:" + "|".join(MADE_BY_VERBS) + ")")
# Computing facilities are built, not released: a product named as one ("“飞星一号”算力平台", "Project
# Ceiba超级计算机") or referred back to as one ("该集群由腾讯打造") is no release of "由A打造".
FACILITY_NOUNS = ("算力平台", "算力集群", "计算集群", "智算中心", "超算中心", "计算中心", "数据中心", "超级计算机",
                  "超级电脑", "AI工厂")
FACILITY_ANAPHOR_RE = re.compile(r"(?:该|这个|这座|这一|此)\s*(?:算力|计算)?(?:集群|中心|超算|超级计算机|超级电脑|工厂)\s*$")
# Where products are sold, not products: "上架华为商城", "登陆App Store".
STOREFRONT_NOUNS = ("商城", "商店", "应用市场", "官网", "旗舰店", "App Store", "Google Play")
# Cues whose object must be the product itself: "公布了参数量的GPT-3" announces a figure, "开放了
# API的访问" opens access; only "公布了小米澎湃OS" is a release.
DIRECT_OBJECT_TRIGGERS = ("公布了", "公布", "正式公布", "开放了", "带来了", "带来")
# ... nor of a figure the product's name only qualifies ("公布iPhone 16销量", "公布了微信的月活跃用户数").
FIGURE_AFTER_RE = re.compile(r"\s*的?\s*(?:全球|国内|首周|首日|季度|年度|累计)?\s*(?:销量|销售额|出货量|营收|收入|业绩|"
                             r"用户数|用户规模|月活|日活|下载量|市占率|份额|数据|财报)")
# Descriptions with 的 that still leave the product as the object ("带来了全新的Galaxy Ring").
OWN_PRODUCT_DE_RE = re.compile(r"(?:全新|最新|新款|新一代|自家|旗下|自研)的")
# A description of the product itself between 公布了/带来 and its name: a verb of what it is built on,
# carries or is made for, then 的 ("公布了基于Blackwell架构的新一代GPU", "带来了搭载M4芯片的", "專為AI打造的").
DESCRIBED_OBJECT_RE = re.compile(r"^\s*(?:首款|全新|新一代|新款)?\s*(?:基于|搭载|采用|配备|支持|集成|专为|面向)"
                                 r"[^，。；的]{1,20}的[^的，。；]{0,10}$")
# "带来": a release only when a company brings the product itself, not "为iPhone带来新功能".
BENEFICIARY_RE = re.compile(r"(?:为|给|替)[^，。]{0,20}$")
# "推出搭载M4芯片的全新MacBook Pro": a product inside such a modifier is a part, not the release.
PART_MODIFIER_RE = re.compile(r"[^，。、；;,:：！？!?和与]{0,12}?的")
# What may open a modifier before a released product ("，以及基于该架构的B200"): the previous
# product's category noun ("处理器，以及基于……的", "Zen 5架构，以及基于该架构的"), then list joiners only.
MODIFIER_OPENER_RE = re.compile(
    "(?:" + "|".join(map(re.escape, sorted((*PRODUCT_HEADS, "架构", "工艺", "制程"), key=len, reverse=True))) + r")?"
    r"[\s，,、；;：:”」』\"》]*(?:以及|及|和|与|还有|并|同时)?\s*")  # "“邃思2.0”，以及基于该芯片打造的"
# A purpose modifier open before a product ("推出专为Windows手提电脑而设的X"): the product inside names whom X is for.
PURPOSE_OPEN_RE = re.compile(r"专为[^，。；;的]*$")
# A release only planned or hoped for, in the cue's clause ("计划明年推出", "将于10月24日发布"), or at a
# time still ahead ("苹果明年推出", "下个月就将发表") ...
PLANNED_RELEASE_RE = re.compile(
    r"将于|即将|计划|(?<![模虚])拟|有望|或将|或于|打算|准备|考虑|预计|预期|希望|明年|后年|下个?月|下周|下星期|下季度?")
# ... or 将 right before the cue ("华为将正式发布", "将与三星合作推出", "P将在北京上市"), unless the company
# announced it (ANNOUNCED_RE before it in the sentence: "微软宣布Azure将推出P" is read as a release) ...
WILL_RELEASE_RE = re.compile(
    r"将\s*(?:会|要)?\s*(?:在[^，。；;,]{1,16}?)?(?:正式|首次|再次|陆续|同步|同时|率先|全面)?\s*$"
    r"|将\s*(?:会|要)?\s*(?:与|和|同|跟|携手|联手|联合)[^，。；;,]{1,20}?(?:合作|共同|联合|一起|携手)?\s*$")
ANNOUNCED_RE = re.compile(r"宣布|官宣")
# A product coming back ("多款游戏将陆续重新在内地上架", "恢复上线", "重新開賣"): a return to a market
# after a pause, no release (a venue with 在 may stand between).
RETURN_BEFORE_CUE_RE = re.compile(r"(?:重新|恢复)\s*(?:在[^，。；;,]{1,16}?)?\s*$")
# The product a new one replaces or is set against, launched before it: "EOS R5 Mark II接替2020年推出的EOS R5",
# "小米15取代去年发布的小米14", "相較前年推出的X" (the cue then opens a relative clause, 的 / 嘅 after it):
# a predecessor named in the story of another launch, not released in this one.
PREDECESSOR_BEFORE_CUE_RE = re.compile(r"(?:接替|取代|替代|替换|接棒|接班|相比|相较|对比|比起|升级自)\s*(?:了)?"
                                       r"[^，。；;,]{0,12}$")
RELATIVE_AFTER_CUE_RE = re.compile(r"\s*(?:了)?\s*(?:的|嘅|之)")
# ... or rumoured anywhere before it in the sentence ("据传苹果将……推出", "傳出……將推出").
RUMOURED_RELEASE_RE = re.compile(r"传闻|传言|据传|网传|传出|爆料|曝光")
# Deals in the clause before a release cue that make it no release ("收购了推出X的公司"); the
# core of ACQUISITION_CUES and INVESTMENT_CUES, narrow on purpose (控股, 股东 say nothing here).
DEAL_BEFORE_RELEASE_CUES = ("收购", "投资", "入股")
# One character after a release verb that makes the verb part of a time phrase or a noun
# ("发布当天", "发布会", "上市后", "发布时"): the name before it is not the verb's subject.
CUE_AS_NOUN_AFTER = ("当", "会", "后", "前", "时", "日", "的")
# Words after a release cue that make it a time phrase ("上市後在PlayStation Store奪冠", "发布以来"):
# what follows is not released; a product before the cue still is ("P上线以来").
# A bare 后 is the time word ("X4推出後預計會吸引X2用家升級", "小米15发布后销量大增") unless it starts
# a noun with what follows ("推出后續機型", "后置摄像头", "后驱版" release what they name).
RELEASE_AS_TIME_RE = re.compile(r"之后|以后|以来|之前|前夕|首日|首周|当天|当日"
                                r"|后(?![续台盖置摄排驱视端备门座轮舱勤援缀代辈方卫面])")
# A product followed by these is the platform something ships on, not the release:
# "推出PS5獨佔遊戲《劍星》", "发布Switch平台版本", "推出iOS游戏《X》"; not a product named a platform
# ("發表Rubin平台": 平台 with nothing of a port after it).
PLATFORM_AFTER_RE = re.compile(r"\s*(?:独占|独家|专属|平台(?:版|上|游戏|独占|专属)|(?:版|端)?(?:游戏|手游|应用|小程序)\s*[《「“\"])")
# Words after a release cue that make it a noun ("首发阵容", "发布时间"), not a release.
RELEASE_NOMINAL_AFTER = ("阵容", "价", "时间", "日期", "仪式", "活动", "节奏", "计划", "会")  # 会: "发布会上"
# "首发搭载骁龙8至尊版": the phone is the first to ship with a part, which is not its release.
FIRST_TO_SHIP_RE = re.compile(r"\s*(?:了)?\s*(?:搭载|采用|配备|配置|装载|预装)")
# "推出天玑9400，首发机型为vivo X200": 首发 before a device noun names the first device to carry what was
# launched, released by its own maker only ("首发车型为乐道L60" after "蔚来推出全新品牌乐道" is NIO's).
FIRST_DEVICE_RE = re.compile(r"\s*(?:机型|车型|手机|新机|设备|终端|产品|笔电|电脑)\s*(?:为|是|有|包括)")
# "旗舰机首发骁龙8至尊版": a device noun right before 首发, so the product after it is a part.
DEVICE_BEFORE_FIRST_RE = re.compile(r"(?:旗舰机|旗舰|新机|手机|机型|车型|新车|笔电|电脑)\s*$")
# "推出Samsung Pay版本的八达通": a product before these only names an edition of what follows.
EDITION_OF = ("版本的", "版的")
# An edition word glued to a product in a list ("秦PLUS智驾版、海豹智驾版").
EDITION_SUFFIX_RE = re.compile(r"[\u4e00-\u9fff]{1,3}版")
# "秦PLUS智驾版、海豹智驾版等新款车型同步开售": an edition word and a category after a list of
# products before the cue.
LISTED_CATEGORY_RE = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,3}版(?!本))?(?:等\s*(?:\d+|[一二两三四五六七八九十多]+)?\s*(?:款|个|台|部)?\s*(?:新款|全新|新)?\s*"
    r"(?:车型|车款|新车|机型|手机|新品|产品|型号|大模型|模型|芯片|游戏|应用|设备)?"
    # "A、B两款旗舰同晚亮相": a count and a kind sum the list up
    r"|(?:\d+|[两二三四五六七八九十]+)\s*(?:款|个|台|部)\s*(?:新款|全新|新)?\s*"
    r"(?:旗舰|旗舰机|车型|车款|新车|机型|手机|新品|产品|型号|大模型|模型|芯片|游戏|应用|设备))?")
# "英伟达推出了购买RTX 4090赠送游戏的活动": a product after these verbs is what the offer is about.
OFFER_VERBS = ("购买", "购入", "买", "赠送", "兑换", "预订")
# A product followed by one of these is what a seller's or a carrier's offer is about, not what is
# released ("中国移动推出iPhone 16合约机", "香港電訊推出iPhone 16月費計劃", "台灣大哥大推出iPhone 16資費方案",
# "推出Mate 70以旧换新优惠").
OFFER_AFTER_RE = re.compile(r"\s*(?:合约机|合约计划|月费计划|上台计划|上台优惠|资费|套餐|优惠|折扣|补贴|以旧换新|回收|租赁|"
                            r"分期|延保|保险|维修|换购|特惠|促销|团购|秒杀)")
# A product named before a noun that a colon or an opening quote then names: it only qualifies it
# ("兩代Windows掌機：2023年的ROG Ally", "Windows AI電腦規格「Copilot+ PC」"); no list joiner between.
# (One run of characters, spaces allowed, then the mark: linear to match, no nested repeats.)
QUALIFIER_GAP_RE = re.compile(r"^\s*[^\s，,、；;和与及：:「“\"][^，,、；;和与及：:「“\"]*[：:「“\"][^，,、；;和与及]{0,8}$")
# A count and a category right after a list of products ("發佈 A 及 B 兩部全片幅相機：", "发布A和B两款手机："):
# it sums up the list just named, so it qualifies nothing, and the colon after it opens descriptions of
# the members ("A 主打……"), not more products released.
COUNTED_SUMMARY_RE = re.compile(r"\s*(?:[两二三四五六七八九十]|\d+)\s*(?:款|部|台|个|颗|枚|种|支|辆|项)"
                                r"[^，,、；;：:和与及]{0,12}\s*[：:]?\s*")
# A product right before a device noun that the next product's name follows with no mark between: it only
# qualifies that device ("首款Windows掌上型遊戲機ROG Ally", "Android手机Pixel 9", "鸿蒙手表Watch 5").
QUALIFIED_DEVICE_GAP_RE = re.compile(
    r"\s*[^\s，,、；;和与及：:的「“\"]{0,8}?(?:游戏机|掌机|手机|平板|电脑|笔电|笔记本|手表|耳机|眼镜|头显|相机|电视)\s*")
# What a launch unveils of a product: its specifications and price ("揭曉ROG Ally的完整規格與售價",
# "公布了小米15的售价"); the product is the object, not a qualifier of the noun after 的.
SPECS_AFTER_RE = re.compile(r"的\s*(?:完整|全部|详细|具体|正式|官方|最终)?\s*(?:规格|售价|价格|定价|上市时间|发售日期|上市日期)")
# The same with no noun between: a kind of product right before the quoted name of one ("第六代TPU「Trillium」",
# "新一代GPU“Blackwell”"): the name is what is meant, the kind only qualifies it.
NAME_QUOTE_OPENERS = ("「", "“", "『", "\"")
# Cues after which a product is the platform something goes live on when a product stands before
# the cue too ("GPT-4o上线了Azure"): nothing after them is released.
HOSTING_TRIGGERS = ("上线", "上线了", "上架", "登陆", "入驻")
# "处理器品牌至强6": a product line named as a brand is released ("品牌乐道", a car brand, is not).
PRODUCT_LINE_BRAND_RE = re.compile(r"(?:处理器|芯片|晶片|显卡|加速器|GPU|CPU|操作系统|大模型|模型)品牌\s*$")
# Between a released product and the next one, a word that starts a new predicate ends the list: the
# product after it is what the released one holds, does something with or is compared with ("推出的
# GB200 NVL72把72颗Blackwell GPU整合", "推出的HomePod mini也内置了Thread", "推出的小米15售价比iPhone 16便宜";
# read with the brands in the gap blanked out, so 比亚迪 is no 比). No 令, 使, 都, 则: they stand inside nouns
# ("指令微调版", "首都", "规则").
OBJECT_LIST_BREAK_RE = re.compile(r"把|将|被|也|还(?!有)|内置|预装|整合|接入|调用|取代|替换"
                                 r"|比|对标|相比|相较|较|不如|超过|超越|媲美|竞争")  # "售价比iPhone 16便宜"
# Semicolons part a sentence into parts with subjects of their own ("A推出X；B表示，去年发布的Y": B's).
SENTENCE_PART_BREAK_RE = re.compile(r"[；;]")
# "去年发布的第二代Nest Hub等Nest设备和安卓手机": after 等 and a category, a joiner goes on to another
# kind of thing, not another release.
CATEGORY_THEN_JOINER_RE = re.compile(r"^\s*等[^，,；;、]{1,10}?(?:和|与|及|以及)\s*$")
# A joint act right before the release cue: "与华硕共同发表", "聯想與NVIDIA攜手推出", "双方联合推出".
# Not 合作: "A与B合作推出P" is A's release with B's help (ASSISTED_RELEASE_RE).
JOINT_RELEASE_RE = re.compile(r"(?:共同|联合|携手|携同|联手|联袂|联名|一同|一起)\s*$")
# A parent before 旗下 and a unit no name is found for ("宁德时代旗下的时代电服推出了P", "騰訊旗下某新創推出P"):
# the unit releases, so the parent does not; a generic unit noun is the parent's own ("腾讯旗下的游戏工作室推出").
GENERIC_UNITS = ("团队", "工作室", "实验室", "部门", "事业部", "事业群", "子公司", "公司", "品牌", "业务", "研究院",
                 "研究所", "平台", "工厂")
# ... while products counted or named by their kind are what it releases ("网易旗下多款游戏今日上架").
OWNED_PRODUCTS_RE = re.compile(r"[款个些项部台]|(?:游戏|产品|新品|服务|" + "|".join(PRODUCT_HEADS) + r")$")
# Where the unit's name ends before the cue: a place or a time ("紅魔品牌在本月稍早推出").
UNIT_NAME_END_RE = re.compile(r"在|于|今|昨|明|近日|日前|稍早|早前|本月|本周|上月|上周|\d")
# A joint act of making in a modifier before a product ("华为与奇瑞联合打造的智界S7正式上市", "索尼、本田共同
#開發的AFEELA今日開賣"): every maker listed before it releases the product (合作 alone: the first, with help).
JOINT_MADE_MODIFIER_RE = re.compile(r"\s*(?:共同|联合|联手|携手|联袂|合力|一同|一起)\s*"
                                    r"(?:打造|研发|开发|研制|设计|推出|发布|发表|出品)\s*(?:的|嘅)")
# After a release cue, a partner inside such a modifier ("推出与爱马仕合作设计的Apple Watch Hermès", "發表與日本
# 川崎重工共同開發的Nurabot"): the subject releases what follows; 合作 or no adverb at all is enough here.
CO_MADE_PARTNER_BEFORE_RE = re.compile(r"(?:与|和|跟|同|联合|携手)\s*(?:" + "|".join(FOREIGN_COUNTRIES) + r")?\s*$")
CO_MADE_AFTER_RE = re.compile(r"\s*(?:共同|联合|合作|一起|一同)?\s*(?:开发|研发|打造|设计|研制|推出|定制|制造|生产)(?:出)?(?:的|嘅)")
# ... and a licensor in one ("上线了获漫威授权开发的《漫威争锋》", "推出經寶可夢官方授權的P"): the subject releases.
LICENSOR_BEFORE_RE = re.compile(r"(?:获|获得|取得|经|经过|得到)\s*$")
LICENSOR_AFTER_RE = re.compile(r"\s*(?:正式|官方|独家)?授权(?:开发|推出|制作|改编|打造|发行)?(?:的|嘅)")
# A company right after one of these before a release cue helps the subject: "新思科技携手微软推出P",
# "寶可夢公司與Niantic合作推出P", "并与三星合作推出P" (the subject, or the sentence's opener, releases).
PARTNER_BEFORE_RE = re.compile("(?:" + "|".join(PREPOSITIONS + LEAD_PARTNER_TRIGGERS) + r")\s*$")
# "由网易与漫威游戏合作开发的P", "由騰訊與韓國遊戲公司Nexon合作推出" (read with the partner's name taken
# out): the first maker releases, the others cooperate (共同 / 联合 credit all).
# A publisher after the maker in "由A开发、B代理的《X》" (a game licensed for a market): it releases X there too.
PUBLISHING_VERB_RE = re.compile(r"(?:独家|联合)?(?:代理运营|代理发行|代理|发行|运营)")
ASSISTED_RELEASE_RE = re.compile(r"^\s*(?:(?:与|和|同|跟|携手|联手)[^，。；;,]{0,12}?)?合作\s*$")
# Adverbs of scope or sequence over a list before a product-first cue, wherever they stand among the fillers:
# "A和B都在本月上市", "A和B去年相继上市", "A和B今日均已开售".
SCOPE_BEFORE_CUE_RE = re.compile(r"都|均|相继|分别")
# Between a brand and its product: nothing, a space, 的 or 旗下(的) ("华为Mate X", "蔚来旗下乐道L60").
BRAND_TO_PRODUCT_RE = re.compile(r"\s?(?:的|旗下的?)?\s?")
# An edition of the product named before it, after 的: "推出了对话助手Le Chat的测试版" releases Le Chat.
EDITION_AFTER_RE = re.compile(r"的(?:公测版|内测版|测试版|预览版|[Bb]eta版|正式版|国际版|开源版|升级版|手机版|移动版|网页版|桌面版)")
# "同步亮相", "同时上市": a product-first cue at the same event as a release told before it in the sentence.
SAME_STAGE_BEFORE_CUE_RE = re.compile(r"(?:同步|同时|一同|一并|同场)\s*$")
# Words before a product-first cue that name its edition or the day, not another thing:
# "千问APP公测版同日在各大应用商店上线", a game's server for a market ("《无畏契约》国服正式上线").
EDITION_BEFORE_CUE_RE = re.compile(r"^(?:公测版|内测版|测试版|正式版|完整版|体验版|国行版|国际版|标准版|满血版|预览版|开源版|"
                                   r"(?:国|国际|全球|台|港|澳|美|日|韩|亚)服|"
                                   r"(?:的)?(?:首个|第一个|最新|全新)版本|首版)?"
                                   r"\s*(?:同日|当日|同天|同一天|(?:今日|今天|即日|\d{1,2}月\d{1,2}日)起)?\s*")
# Where a product goes live, between it and a product-first cue: "《原神》9月28日在iOS及Android平台上线",
# "元寶在iOS和Android雙平台上線" (the platforms named there are not released).
PLATFORM_VENUE_RE = re.compile(r"(?:在|于)[^，。；;,在于]{1,30}?(?:平台|端)\s*(?:上|中)?"
                               r"\s*(?:同步|同时|正式|全球|率先|首发)*\s*$")
# A product's edition for a platform named after it ("ChatGPT的iOS应用", "微信的鸿蒙版"): 的 before the platform's
# name, an edition noun after it.
PLATFORM_EDITION_RE = re.compile(r"\s*的\s*")
PLATFORM_NAMES = frozenset("ios android 安卓 鸿蒙 harmonyos windows macos mac ipados linux web".split())
EDITION_NOUN_RE = re.compile(r"\s*(?:应用|App|APP|app|版|客户端|版本)")
# A manner word right before a cue ("Find X8今日隆重登場", "小米15系列高调亮相"): the product is still its subject.
MANNER_BEFORE_CUE_RE = re.compile(r"(?:隆重|盛大|高调|重磅|强势|震撼|火速|同场|同台|一同|一并|公开|全面)\s*$")
# A time phrase between a product and its cue: "《三角洲行動》9月底上線", "P自2024年12月6日全球上线以来",
# "P今年3月正式上市" (a date with 于/在 is a SUBJECT_FILLERS word already).
TIME_BEFORE_CUE_RE = re.compile(
    r"^(?:自|从|现已|已于|已)?\s*(?:(?:今年|去年|本月|上月|\d{4}\s*年)\s*)?(?:\d{1,2}\s*月)?(?:\d{1,2}\s*日)?"
    r"(?:底|初|中旬|上旬|下旬|中|起|晚|前后)?\s*")
# A time phrase, which names no one ("早於2020年已與大華股份聯合研發", "去年3月起与……").
# A frame of a process, period or field before 与 ("在开发过程中", "研发期间", "在AI领域方面"): where or when, no one.
FRAME_PHRASE_RE = re.compile(r"(?:在|于)?[^，。；;,]{0,10}?(?:过程中|期间|之际|当中|领域|方面)")
TIME_PHRASE_RE = re.compile(
    r"(?:早于|早在|早前|于|在|自|从)?\s*(?:今年|去年|前年|近年|本月|上月|\d{4}\s*年)\s*(?:\d{1,2}\s*月)?(?:\d{1,2}\s*日)?"
    r"(?:底|初|中旬|上旬|下旬|中|起|时|以来|开始)?")
# How long something has gone on ("长年与英伟达合作", "多年来一直与……"): no one's name.
DURATION_RE = re.compile(r"长年|长期|多年来|多年|一直|历来|向来|长久以来|近年来|近年|早年|持续")
# The date in brackets after a relative day, as Hong Kong and Taiwan papers write it ("今日（26日）正式上線",
# "昨日（10日）開賣"): read as the day word alone.
DATE_GLOSS_RE = re.compile(r"[（(]\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日\s*[)）]")
# "由游戏科学开发的国产游戏《黑神话：悟空》": the product after "由A开发的" (a modifier of this length at most).
MADE_BY_MODIFIER_RE = re.compile(r"的[^，。；;,、和与及]{0,16}?$")
# A company referred back to right before a release cue ("该公司发布了", "這家公司推出的", "其推出的",
# "自家推出的"): the company last named as a subject, not the product's known maker.
# A modifier describing the company that opens a sentence ("成立于2023年的智元机器人是……",
# "總部位於台北的華碩"): the company after it is still the sentence's subject.
SUBJECT_MODIFIER_RE = re.compile(r"(?:成立于|创立于|创办于|总部位于|总部设在|诞生于)[^，。；,;的]{1,12}的\s*")
COMPANY_ANAPHORA_RE = re.compile(r"\s*(?:该公司|这家公司|此公司|该集团|这家企业|该企业|公司|其|自家)\s*"
                                 r"(?:还|也|亦|又|则|已|已经|正式|同时|随后|今天|今日|近日|再次|最新|至今|迄今|目前|此前|先后|陆续|"
                                 r"累计)*\s*")  # "公司至今已推出A、B四款车型", "公司此前先后推出"
# Bodies that are not companies, named before a release cue with no company: the release is theirs,
# not the company the article is about ("香港科技大學牽頭的研發中心發表", "清华大学实验室发布").
NON_COMPANY_BODY_RE = re.compile(r"大学|学院|研究院|研究所|研究中心|研发中心|实验室|科学院|政府|委员会|管理局|协会")
# A Latin gloss in brackets after such a body's name (or a research base's, a foundation's) names the body
# ("人文智能实验室（hi lab）", "联发创新基地（MediaTek Research）"): no company or product.
BODY_GLOSS_RE = re.compile(rf"(?:{NON_COMPANY_BODY_RE.pattern}|创新基地|研究单位|基金会)\s?[(（]"
                           r"(?P<gloss>[A-Za-z][^()（）]{1,40})[)）]")
OWNED_BODY_RE = re.compile(r"旗下|自家|自有|公司的|集团的")
# Verbs of founding a firm (one home: FOUNDED_QUOTED_NAME_RE, NEW_FIRM_BEFORE_RE) ...
FOUNDING_VERBS = r"(?:成立|组建|设立|创立|创办)"
# ... and those that never stand inside a firm's own name: a stretch across one is a clause ("长安成立新公司").
FOUNDING_VERB_RE = re.compile(r"成立|组建|设立")
# A quoted name right after a verb of founding (and what kind of firm) names the new firm: "合资成立「简单能源」";
# not a unit, team or programme, by its last word or the word after it ("组建“煤矿军团”", "成立“混元”大模型团队").
FOUNDED_NOT_FIRM_WORDS = ("大模型", "模型", "团队", "军团", "项目", "实验室", "中心", "部门", "事业部", "事业群",
                          "工作室", "平台", "计划", "品牌", "基金", "联盟")
FOUNDED_QUOTED_NAME_RE = re.compile(rf"{FOUNDING_VERBS}了?\s?(?:一家|新的)?\s?(?:合资公司|新公司|子公司|公司)?"
                                    rf"\s?[{OPEN_QUOTES}](?P<name>[^{CLOSE_QUOTES}，。！？；、,\n]{{2,16}})[{CLOSE_QUOTES}]"
                                    rf"(?!\s?(?:{'|'.join(FOUNDED_NOT_FIRM_WORDS)}))")
# A product named as what another carries ("搭载的5C麒麟电池", "採用的晶片"): a part (a short
# modifier such as a rating may stand between).
PART_BEFORE_RE = re.compile(r"(?:搭载|采用|配备|使用|内置|集成)(?:了)?的[^，。；;,、的\s]{0,6}\s*$")
# A gloss in brackets after a name ("深圳市游科互动科技有限公司（游戏科学）"): the same party.
BRACKETED_GLOSS_RE = re.compile(r"\s*[（(][^（()）]{1,30}[）)]\s*")
# "vivo X100系列包括X100与X100 Pro两款机型": the members of a series just released.
SERIES_MEMBERS_RE = re.compile(
    r"(?:包括|包含|涵盖|由|共分|分为|分成)(.{2,80}?)(?:[两三四五六七八九十\d]+)(?:款|个版本|个型号|种型号|种版本|个尺寸)"
    r"|(?:共|共有|一共)[两三四五六七八九十\d]+(?:款|个版本|个型号)\s*[：:]\s*([^，,。；;]{2,80})")  # "P60系列共三款：A、B和C"
# The series just released, referred back to at a clause's start ("该系列包括A和B两款机型", "這個系列共分").
# A sentence opening on a pronoun for the product the sentence before named ("……Razer Edge正式亮相。它由雷蛇推出"):
# the made-by frame's product is that one.
PRODUCT_PRONOUN_LEAD_RE = re.compile(r"\s*(?:它|这款产品|该产品|这款|该款)\s*(?:是|则|也)?\s*由")
# A clause opening on a product named just before ("华硕ROG Phone 5系列也于日前发表，该系列在国内继续与腾讯游戏合作"):
# its maker is the party.
PRODUCT_ANAPHOR_LEAD_RE = re.compile(r"\s*(?:该|此|这一|这个|这款|该款|此款)\s*(?:系列|机型|车型|手机|新机|新车|产品|游戏|平台|芯片|机|车)"
                                     r"\s*(?:在[^，,。；;与和]{1,8}?)?(?:也|亦|还|则|将|已|继续|同样)*\s*(?=与|和|同|跟)")
SERIES_ANAPHORA_RE = re.compile(r"\s*(?:该|此|这一|这个|本|新)\s*系列(?:产品|新品|机型|手机)?\s*(?:共|则|一共|主要)?\s*")
# A company's new product that another product is built on or carries ("基于阿里最新的Qwen3",
# "採用輝達最新的Blackwell架構"): a part or a base, not a release.
BASE_BEFORE_COMPANY_RE = re.compile(r"(?:基于|采用|搭载|使用|配备|接入|集成|运行)\s*$")
# ... and a product a new system goes into ("将首先搭载于宝马全新iX3", "应用于小米新款SU7"): the vehicle or device it is
# fitted to, not released here.
# A verb fitting a part into a device at the start of a span ("内建4300mAh电池", "配备120W快充"): no name's part.
FITTED_PART_LEAD_RE = re.compile(r"^(?:内建|内置|配备|配置|搭载|标配|采用|支持)")
FITTED_INTO_BEFORE_RE = re.compile(r"(?:搭载|安装|装配|应用|用|部署|导入)(?:在|于|到)\s*$")
# "苹果的新款iPhone 16 Pro", "荣耀全新Magic7": a new product named with its company, no verb.
NEW_PRODUCT_RE = re.compile(r"^\s*(?:的|此次|这次|本次|今年|最新)?\s*(?:最新款|新款|全新|最新一代|新一代|最新|新机|新品|新车)的?\s*"
                            r"(?:旗舰|旗舰机|手机|车型|新车|芯片|处理器|笔记本|笔电|平板|模型|大模型)?\s*$")
# A launch event a company holds for a product named in it: "科大讯飞举行星火认知大模型V3.5升级发布会",
# "小米在北京召开小米14系列发布会". The verb of holding, in the company's clause, before the product ...
HELD_EVENT_BEFORE_RE = re.compile(r"^[^，,。；;]{0,16}?(?:举行|召开|举办)了?\s*(?:一场|首场|年度|[^，,。；;]{0,6}?的)?\s*$")
# ... and the event right after it (its kind, a season or "upgrade" between).
LAUNCH_EVENT_AFTER_RE = re.compile(r"\s*(?:系列|全系列)?\s*(?:(?:升级|新品|全球|线上|全场景|秋季|春季|冬季|夏季)\s*)*"
                                   r"(?:发布会|发表会|发布盛典)")
# A company's announcement of what the next clause says: "納智捷今（10）日宣布，n7正式上市" (folded text).
# A company ending its clause (a gloss may follow) before a clause that opens on its new work:
# "……的台灣遊戲團隊赤燭遊戲，新作《九日》今天正式上市".
TOPIC_COMPANY_END_RE = re.compile(r"\s*(?:[（(][^（()）]{1,20}[)）])?\s*[，,]\s*$")
OWN_WORK_OPENER_RE = re.compile(r"\s*(?:旗下)?(?:的)?(?:最新|全新)?(?:新作|新品|新机|新车|新游戏|新游|作品)")
ANNOUNCING_RE = re.compile(
    r"\s*(?:[（(][^（()）]{1,20}[)）]|[)）])?"  # a gloss: "納智捷（Luxgen）", or its end after the gloss's name
    r"\s*(?:也|亦|再次|正式|今天|今日|昨天|昨日|日前|近日|当天|[昨今]\s*[（(]\d{1,2}[)）]\s*日|\d{1,2}月\d{1,2}日|\s?\d{1,2}\s?日)*\s*"
    r"(?:宣布|发布消息|公布|表示|称|指出|透露)\s*[，,：:]\s*$"
)
# A count of devices right before a product and a device noun after it ("发表多款Core Ultra笔电",
# "推出三款骁龙8至尊版手机"): the product is what the devices carry, not what is released.
COUNTED_DEVICES_BEFORE_RE = re.compile(r"(?:多|数|几|[两三四五六七八九十\d]+)\s*(?:款|台|部|个型号)\s*(?:搭载|采用|配备)?\s*$")
# A name followed by who made or launched it ("Apollo由总部位于德州的Apptronik于去年8月推出"): the name is the product.
MADE_BY_AFTER_NAME_RE = re.compile(r"\s*(?:则|是|将|亦|也)?\s*由[^，。；,;：:]{1,30}?(?:推出|开发|研发|打造|发布|发表|设计)")
# The words after the last 的 before a product, and a Latin kind of chip ending them ("基于Arm架构的通用处理器Cobalt
# 100", "的服务器CPU Cobalt 100"): a kind named before the product, not its object.
KIND_AFTER_DE_RE = re.compile(r"的([^的，。；,;]{1,10})$")
LATIN_KIND_END_RE = re.compile(r"(?:CPU|GPU|NPU|SoC|ASIC)$", re.IGNORECASE)
# A count, a product named as the kind of what is counted, then the list ("推出兩款Copilot+ PC，分別為A及B"): the
# kind is no release, the list's members are.
COUNT_BEFORE_KIND_RE = re.compile(r"(?:[两二三四五六七八九十\d]+|多|数|几)\s*(?:款|个|台|部|种)\s*$")
KIND_LIST_AFTER_RE = re.compile(r"\s*(?:[，,]\s*(?:分别为|分别是|包括|包含|即)|[：:])")
CARRYING_DEVICES = ("笔记本", "笔电", "电脑", "手机", "平板", "服务器", "车型", "新车", "机型", "PC", "主机", "掌机")
# Words that make a colon introduce speech, not a list of products ("发布公告称：").
SPEECH_CUES = ("称", "表示", "说", "指出", "写道", "介绍", "强调", "公告", "声明", "透露", "认为")
# The models of what was just launched, named in the clause after it ("推出鸿蒙电脑，首批机型包括A和B",
# "推出……处理器，首批共9款型号，旗舰型号为X"): a model noun and a copula, or a count of models. Not 首发:
# "推出天玑9400，首发机型为vivo X200" names the first phone to carry the chip.
MODEL_LIST_OPENER = (r"(?:(?:其中|首批|旗舰|入门|顶配|高配|主打)?\s*(?:机型|车型|型号|新机|新车|产品|新品)|首批)"
                     r"\s*(?:包括|包含|涵盖|有|为|是|分别为|分别是)")
MODEL_COUNT_CLAUSE = (r"(?:首批)?\s*(?:共有|一共|共)?\s*(?:\d+|[两三四五六七八九十]+)\s*(?:款|个|种)\s*"
                      r"(?:(?:型号|机型|车型|版本|配置|新机|新品|产品|模型)(?=\s*[，,：:])|(?=\s*[：:]))")
# Words that introduce a product's name ("名为Project DIGITS的超级电脑").
NAME_INTRODUCERS = ("名为", "命名为", "定名为", "取名为", "名叫", "叫做", "代号为", "代号")
# A Latin name a naming word introduces is a product ("这款名为CyberDog的仿生四足机器人", "代号为Strix Halo的"),
# unless what follows says it is a firm ("一家名为Xcorp的公司").
NAMED_FIRM_AFTER_RE = re.compile(r"\s?的?[^，。；,;]{0,8}?(?:公司|企业|集团|机构|团队|品牌|工作室|基金)")
# A Chinese name right after a device noun, closed by a list mark or the clause's end ("AI推理芯片紫霄、视频转码芯片沧海和
# 智能网卡芯片玄灵"); read as names only in a list of two or more such members.
HEAD_THEN_HAN_NAME_RE = re.compile(r"(?:" + "|".join(DEVICE_HEADS) + r")(?P<name>[\u4e00-\u9fff]{2,4}?)(?=[、和及与，,。；;]|$)")
# Between two such members: the next member's description and one list mark.
HEAD_NAME_LIST_GAP_RE = re.compile(r"\s*[、和及与]\s*[\u4e00-\u9fffA-Za-z0-9 ]{0,8}\s*")
# A Latin name after a kind word, right after a Chinese name and its suffix: the Chinese words describe it
# ("图形界面智能体模型UI-TARS").
NAME_AFTER_KIND_RE = re.compile(r"(?:大模型|模型|芯片|平台|系统|应用|框架)?\s?[A-Za-z][A-Za-z0-9]")
# ... and a kind word right after a quoted text, then a name (Latin, or a short Chinese word before Latin):
# the quote says what kind ("「快思考」模型混元Turbo S"), not "“天工”大模型3.0" (a version of the quoted name).
KIND_THEN_NAME_RE = re.compile(r"(?:大模型|模型|芯片|平台|系统|应用|框架)\s?(?:[A-Za-z]|[\u4e00-\u9fff]{1,4}[A-Za-z])")
# A Chinese gloss in brackets after a Latin name that says what product it is ("COUPE（緊湊型通用光子引擎）").
PRODUCT_GLOSS_RE = re.compile(
    r"\s?\(\s?[^()]{0,16}?(?:" + "|".join(HAN_PRODUCT_HEADS)
    + r"|引擎|软件|工具|服务)\s?\)")
# A Chinese name a product noun and a naming word introduce, up to the clause's end or 的 ("交易平台名为富途牛牛，",
# "這款App取名為小紅卡的").
NAMED_HAN_PRODUCT_RE = re.compile(
    r"(?:" + "|".join(HAN_PRODUCT_HEADS) + r"|产品|服务|品牌|App|APP)"
    r"(?:被)?(?:名为|命名为|定名为|取名为|名叫|叫做)\s*(?P<name>[\u4e00-\u9fff]{2,6})(?=[，。；、,;！？!?]|的|$)")
# A Chinese name with its product noun that a company's relative clause describes ("由完美世界运营的蒸汽平台",
# "腾讯推出的元宝App"): the name and the noun are the product.
MADE_BY_HEAD_RE = re.compile(r"(?:运营|开发|打造|推出|研发|出品|发行|上线)的\s*(?P<name>(?P<core>[\u4e00-\u9fff]{2,4}?)"
                             r"(?:平台|App|APP|应用|软件|系统|小程序))(?![化型商])")
# A clause naming what was just launched ("公布新模型，命名为DeepSeek-R1", "，并将其命名为小米YU7",
# "，這款產品被命名為P"); not a code name (代号为: a project's).
NAMING_CLAUSE = (r"(?:(?:这款|该款|该|新)[^，,。；;]{0,4}?)?(?:并|已|正式|将其|被)*\s*"
                 r"(?:命名为|定名为|取名为|名为|名叫|叫做)")
# "：" or "，包括" after a release cue: the products follow in a list ("发布三款模型：X、Y和Z"); so do the
# ones singled out by 其中 ("端出多款新品，其中最吸睛的是Zenbook DUO", "，其中包括A和B").
RELEASE_LIST_RE = re.compile(r"[，,；;]\s*(?:以及|及|和|(?:同场|同台|同时|另外)?还有|另有|并推出|并发布|、|包括|包含|涵盖|分别是|分别为)|[：:]"
                             r"|[，,]\s*其中(?:包括|[^，,。；;]{0,10}?(?:是|为))"
                             rf"|[，,]\s*(?:{MODEL_LIST_OPENER}|{MODEL_COUNT_CLAUSE}|{NAMING_CLAUSE})")
# A sentence counting off an event's new products ("第二款新品是……X Note", "另一款新品则为P"), a short
# description allowed before the name.
ORDINAL_PRODUCT_LEAD_RE = re.compile(r"\s*(?:第[二三四五六七八九十\d]+款|另一款|最后一款)(?:新品|新机|产品|机型|新车)"
                                     r"(?:则)?(?:是|为)\s*[^，,。；;]{0,14}?(?=[A-Za-z\u4e00-\u9fff])")
# A clause naming the first product of a platform or line just released in the sentence ("推出Millennium平台，
# 首款产品为Millennium M1"): the same company's release.
FIRST_OF_LINE_RE = re.compile(r"[，,；;]\s*(?:其)?首款(?:产品|车型|新品|型号)(?:则)?(?:是|为)\s*"
                              r"[^，,。；;]{0,10}?(?=[A-Za-z\u4e00-\u9fff])")
# Words saying a release event took place without naming the product ("召开发布会", "举行发布会"):
# the product may be named in the next sentence.
RELEASE_EVENT_CUES = ("发布会", "发表会", "新品发布", "新品会", "品鉴会", "开发者大会")
# Words that introduce a product in the sentence after a release event ("新机小米15 Ultra……").
NEXT_PRODUCT_INTRODUCERS = ("新机", "新品", "新车", "新款", "这款", "该款", "新一代", "全新", "首款", "新车型",
                            "新模型", "新芯片", *NAME_INTRODUCERS,
                            # a demonstrative with its measure word: "这辆小米YU7", "這部Mate 70", "这颗B200"
                            "这辆", "这部", "这台", "这颗", "这枚", "这张", "这套", "这支", "此款", "该车", "该机")
# A product referred back to as the object of a release cue ("海信发布了这一自研大模型": the product the sentence
# before opened with) and a clause that says what a product just named is ("“超级小爱”，这是小米推出的……").
REFERRED_OBJECT_RE = re.compile(r"\s*了?\s*(?:这一|这款|这个|该款|此款|该)")
IS_WHAT_CLAUSE_RE = re.compile(r"\s*(?:这|它|此)\s*(?:就)?(?:是|为)")
# An object a release cue says is the subject's own ("推出自家支付服务P", "上线旗下的P"): a platform subject acts for
# its owner.
OWN_OBJECT_RE = re.compile(r"\s*了?\s*(?:自家|自有|自研|旗下)")
# The one a release event singled out, opening the next sentence ("……召开新品发布会，带来三款机器人。其中最受关注的是
# 地宝X2系列").
SINGLED_OUT_LEAD_RE = re.compile(r"其中(?:包括|[^，,。；;]{0,10}?(?:是|为|包括))")
# What a release cue announces that is no product, so no product of the next sentence is its object
# ("发布了第三季度财报。这辆小米SU7……", "發佈公告。").
ANNOUNCED_NOT_PRODUCT = ("财报", "业绩", "公告", "报告", "数据", "声明", "消息", "白皮书", "榜单", "指引", "预告")
# "分为A、B和C三款": the variants of what was just released.
VARIANT_LIST_RE = re.compile(
    r"(?:分为|分成|共有|提供)(.{2,80}?)(?:[两三四五六七八九十\d]+)(?:款|个版本|个型号|种型号|种版本|个尺寸)")

# Markers the relation model reads by group and position (before / between / after the pair).
# Negation and denial.
DENIAL_CUES = (
    "否认", "并未", "没有", "未能", "未曾", "尚未", "并非", "不会", "不是", "无意", "拒绝", "不存在", "从未",
    "均未", "未回应", "否定", "仍未", "未宣布", "未达成", "辟谣", "澄清", "不实", "并无", "毫无", "无任何", "已无", "再无",
)
# A cooperation ended or suspended.
ENDED_CUES = ("终止", "中止", "暂停", "结束", "取消", "解除", "退出", "分手", "分家",
              "破裂", "告吹", "搁浅", "生变", "分道扬镳", "散伙", "决裂", "闹翻", "叫停", "不再")
# Rumour and hearsay.
RUMOUR_CUES = ("传闻", "传言", "据传", "网传", "有消息称", "传出", "报道称", "据报道", "消息人士", "知情人士",
               "猜测", "揣测", "盛传", "风传", "被曝", "曝出")
# Talks and proposals: not (yet) a cooperation.
TALKS_CUES = ("提议", "洽谈", "磋商", "谈判", "商谈", "接洽", "会谈")
# Plans and hopes: "拟与……合作", "有望牵手".
PLANNED_CUES = ("拟", "有望", "计划", "考虑", "或将", "可能", "寻求", "希望", "意向", "打算", "准备")
# "拟与X合作", "有望牵手": a cooperation planned or hoped for, not (yet) agreed ...
PLANNED_PARTNER_RE = re.compile(r"(?:拟|有望|计划|考虑|打算|寻求|希望|或将|或与|有意|可能|不排除|评估|是否|能否)\s*"
                                r"(?:与|和|同|跟|携手|联手|牵手|合作|联合|在)")
# Right after the cue: a cooperation only possible or rumoured ("合作的可能性较低", "合作与否", "合作的传闻").
HEDGED_AFTER_CUE_RE = re.compile(r"\s*(?:的)?\s*(?:可能性|可能|与否|传闻|传言)")
# ... unless the sentence reports an act that made it real ("签署谅解备忘录，计划合作开发").
AGREED_CUES = ("签署", "签订", "签约", "达成", "建立", "确立", "备忘录", "协议")
# Plans that keep the model from adding a partnership the rules did not read ("拟与……合作").
MODEL_BLOCKING_PLANS = ("拟", "有望", "计划", "考虑", "或将", "可能", "寻求", "希望", "意向", "打算", "不排除", "是否",
                        "能否")
# Looking for a partner, right before the partner noun: no partner yet ("另覓策略夥伴出售",
# "正在寻找合作伙伴", "物色新的战略伙伴").
SEEKING_PARTNER_RE = re.compile(
    r"(?:另觅|另找|寻找|寻觅|找寻|物色|寻求|征求|招募|征集)(?:新的|其他|更多|一家|一个|合适的)?\s*(?:合作|战略|策略)?伙伴")
# Words that cancel or weaken a relation in the same clause (the rule layer's negation set).
NEGATION_CUES = DENIAL_CUES + ENDED_CUES + RUMOUR_CUES + TALKS_CUES
# A clause opening on a new course: an earlier clause's ending or denial is not its own ("终止了与高通的合作，
# 转而与博通合作", "放弃自研，改与英伟达合作").
NEW_COURSE_RE = re.compile(r"\s*(?:转而|改而|改为|改与|转投|转向)")
# A clause opening on another act of the same subject: an earlier clause's deal (buying, investing) is not this
# one's ("宣佈收購Ampere，又夥拍OpenAI成立合資公司").
ANOTHER_ACT_RE = re.compile(r"\s*(?:又|另外|此外|另)")
# Negations strong enough to cancel a cooperation named anywhere in the sentence.
SENTENCE_NEGATIONS = ("否认", "辟谣", "从未", "均未", "并未证实", "未证实", "不实")
# A negation word that affirms: "not the first time", "not only" ("抖音并非第一次与长视频平台握手",
# "丰田并非只押注这一条线：……由丰田与比亚迪合资成立的……", "不再只是供应商"). Blanked before the
# negation cues are sought. So is a denied ending ("Google並未與博通終止合作", "没有中断与三星的合作",
# "不会结束与台积电的合作关系"): the cooperation goes on.
AFFIRMING_NEGATION_RE = re.compile(r"(?:并非|不是|不再)(?:只|仅|单单|首次|第一次|初次|头一次|头一回|第一回)"
                                   r"|(?:并未|并没有|没有|不会)[^，。；;,]{0,14}?(?:终止|中止|结束|中断|解除)")
# Between a partner's parent and the partner ("与华为旗下公司海思", "與PIF旗下的Alat", a gloss in
# brackets allowed): the parent is no party.
# 旗下 right before a name: the name is a unit of the company before it, whatever names it holds ("隆基旗下西安隆基乐叶").
UNIT_AFTER_OWNER_RE = re.compile(r"旗下的?\s*$")
PARENT_OF_NEXT_RE = re.compile(r"\s*(?:[（(][^（()）]{1,20}[)）])?\s*旗下(?:的|公司|子公司|企业)?\s*")
# A company named only to say which the next one is, in a partner's place: its parent before 旗下 and a kind of
# firm ("Alphabet旗下的无人机配送公司Wing", "騰訊旗下發行品牌Level Infinite"), its unit before 母公司 ("谷歌母公司Alphabet").
IDENTIFIES_NEXT_RE = re.compile(r"\s*(?:[（(][^（()）]{1,20}[)）])?\s*(?:旗下的?(?:[\u4e00-\u9fff]{0,8}?(?:子公司|公司|企业|品牌))?"
                                r"|的?(?:全资)?(?:母公司|子公司|附属公司|母企))\s*")  # "工商银行全资附属公司工银亚洲"
# The same before a unit described by its kind ("大眾汽車集團（Volkswagen Group）旗下軟件公司CARIAD").
PARENT_BEFORE_UNIT_RE = re.compile(r"\s*(?:[（(][^（()）]{1,30}[)）])?\s*旗下")
# A joint announcement is a cooperation only by what it announces, said in the rest of the sentence: not an
# ending, a denial, a takeover or a settled dispute ("輝達與軟銀共同宣布，雙方同意終止輝達收購安謀的交易",
# "联合宣布，A将收购B", "发表联合声明，宣布终止……", "聯合宣布，雙方已就專利糾紛達成和解").
JOINT_ANNOUNCEMENT_RE = re.compile(r"(?:共同|联合)(?:宣布|公布|声明|公告)")
# "这次合作", "双方的合作": a cooperation already named, not a new one.
ANAPHORIC_BEFORE_TRIGGER = re.compile(r"(?:这次|此次|这项|该项|本次|这一|双方的|两家的)\s*$")
# "三菱汽车也加入了这项合作": a company joining the cooperation just named.
JOINS_COOPERATION_RE = re.compile(r"加入(?:了)?(?:这项|这一|该项|此项|这个|该|此|上述)\s*(?:合作|联盟|合作框架|合作计划)")
# "此次合作結合Arm的Neoverse CSS與英特爾的先進製程": the cooperation just named combines what the
# companies after it (each before 的) bring; they are the subject's partners.
COMBINING_COOPERATION_RE = re.compile(
    r"(?:这次|此次|本次|这项|该项|此项|该)\s*合作\s*(?:将|主要|进一步|充分)?\s*(?:结合|整合|融合|汇聚|集合|汇集)(?:了)?")
# A sentence opening with a studio, team or division's name ("光子工作室群此前打造了……"): its subject is that unit.
UNIT_OPENING_RE = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,10}?(?:工作室群|工作室|团队|事业部|事业群|实验室)(?![\u4e00-\u9fff]{0,2}的)")
# The end of one group in a list of partners by kind ("美光、三星等记忆体伙伴，日月光、艾克尔等封测业者，以及……"):
# 等, what kind of firm, a comma, and a joiner before the next group.
PARTNER_GROUP_END_RE = re.compile(r"\s*等[^，,。；;]{0,16}?(?:伙伴|业者|企业|公司|品牌|商)\s*[，,、]?\s*(?:以及|及|还有|和)?\s*")
PARTNER_GROUP_BEFORE_RE = re.compile(PARTNER_GROUP_END_RE.pattern + "$")  # a later group's members, listed
# Pairs listed before a cue ("小米与徕卡、vivo与蔡司、OPPO与哈苏的合作"): one word joins each pair, 、 or a comma
# separates the pairs, the tail ends at the cue.
PAIR_JOINER_RE = re.compile(r"\s*[与同跟]\s*")
PAIR_SEPARATOR_RE = re.compile(r"\s*[、,，]\s*")
PAIRED_LIST_TAIL_RE = re.compile(r"\s*(?:之间)?的?\s*(?:长期|深度|战略|影像|技术)?\s*")
# "除X外，亦與Y合作", "除与X合作外，还与Y……": X and Y are each the subject's partner, not each other's.
BESIDES_CLAUSE_RE = re.compile(r"除(?:了)?\s*(?:与|和|同|跟)?[^，,。；;]{1,30}?(?:之|以)?外")
# ... and before products a product-first cue names, what else came out, 外 optional ("除了折叠手机A及B，全新手表C亦同场
# 推出"): those are released too.
ALSO_RELEASED_BEFORE_RE = re.compile(r"(?:除了|除)[^，,。；;]{2,60}?(?:之外|以外|外)?\s*[，,][^，,。；;]*$")
# "双方宣布建立战略合作关系": the two companies just named.
# A clause opening with a count of companies ("四家公司共同宣布合资设厂", "三間公司聯合"): the last that
# many companies named before it in the sentence (three or more; two are BOTH_PARTIES); "四方" (four parties) too.
CHINESE_DIGITS = "一二三四五六七八九十"
# A firm the parties set up, named after its noun or a verb of founding: no party ("合組的合資公司Anchorpoint
# Financial", "雙方將合資成立「簡單能源」").
NEW_FIRM_BEFORE_RE = re.compile(rf"(?:合资公司|合营公司|新公司|合资企业|{FOUNDING_VERBS}了?\s?(?:一家)?"
                                r"(?:[\u4e00-\u9fff]{0,8}?(?:公司|企业))?)\s*"  # "携手组建智能汽车公司集度"
                                rf"[{OPEN_QUOTES}]?\s*$")
COUNTED_PARTIES_RE = re.compile(r"\s*(?:[这該该此上述]+)?\s*([三四五六七八九十]|[3-9])\s*(?:(?:家|间)\s*(?:公司|企业|厂商|车企|集团)?|方(?![面式法向案]))")
BOTH_PARTIES = re.compile(r"(?:双方|两家公司|两家企业|两间公司|两家|两间|二者|两者)")  # 两间: Hong Kong usage
# 由 naming who acts, not "由于" (because) or a word ending in 由 ("自由", "理由"): "X由A与B合资成立".
MADE_BY_RE = re.compile(r"(?<![自理缘事])由(?!于)")
# Words a cue word is only part of ("混合推理": inference, not 合推 "launched together"; "联合发表声明": a statement
# signed together, no cooperation).
CUE_INSIDE_WORD_RE = re.compile(r"混合推理|合推理|(?:联合|共同)(?:发表|发布)?声明")
# The kind of an investor right before its name, a description and no investment ("阿联酋投资机构MGX").
INVESTOR_KIND_BEFORE_RE = re.compile(r"(?:投资机构|投资公司|投资集团|投资基金|主权基金|基金公司|私募股权公司|创投公司|投资方)\s*$")
# One party speaking of both ("小米表示双方已合作超过十年", "vivo称两家公司合作已久", by a title and a name too: "百度杰出
#系统架构师欧阳剑表示，双方……"): the speaker is one of the two.
SPEAKER_OF_BOTH_RE = re.compile(r"\s*(?:方面)?[^，,。；;“”\"]{0,16}?\s*(?:" + "|".join(SPEECH_CUES) + r")\s*[，,：:]?\s*"
                                + BOTH_PARTIES.pattern)
# Two names joined by 与/和 (a ticker or gloss in brackets may follow the first): one pair of parties.
JOINED_PAIR_RE = re.compile(r"\s*(?:[（(][^（()）]{1,30}[)）])?\s*(?:与|和|同|跟|及)\s*")
# A unit or platform the subject acts through, right before the party named with 与 ("华为主要通过鸿蒙智行与赛力斯
# ……联合打造", "透過旗下子公司與……合作"): the subject is the party.
INSTRUMENT_BEFORE_RE = re.compile(r"(?:通过|借助|经由|依托|透过|藉由)\s*(?:旗下|其|旗下的|自家)?\s*$")
# A clause opening with them, connectives allowed ("，同時雙方確立……合作關係" after "友邦將收購……"): its own
# cooperation, not the earlier clause's deal.
BOTH_PARTIES_OPENING_RE = re.compile(r"\s*(?:同时|此外|另外|并且|并|且|而|亦|也|还|更)*\s*" + BOTH_PARTIES.pattern)
# Two subjects acting each on their own ("A与B先后与C合作"): they are not partners of each other.
SEPARATELY_AFTER_RE = re.compile(r"[\s)）」』”]*(?:也|亦|都|均)?\s*(?:先后|相继|分别|各自)")
# "A与B分别与C合作", "A、B和C均与D合作", "NTT与SKY Perfect JSAT也与亚马逊签署": this 与 is the preposition, each
# subject acting on its own.
SEPARATELY_BEFORE_RE = re.compile(r"(?:先后|相继|分别|各自|均|都|皆|也|亦)\s*$")
# ... and a list of subjects said to act each on its own later in the clause ("苹果、谷歌都与Zigbee联盟合作",
# "三星、LG與Zigbee聯盟分別合作", "A与B也与C签署"): the listed subjects are no partners of each other.
SEPARATELY_LATER_RE = re.compile(r"[^，。；,;！？!?]{0,16}?(?:先后|相继|分别|各自|(?<![首京成古])都|均|皆|[也亦]\s*(?:与|和|同|跟))")
# A parent and its subsidiary ("Alphabet旗下的Waymo") are not partners.
SUBSIDIARY_CUES = ("旗下", "子公司", "母公司", "附属")
# ---- News furniture around the story (boilerplate.py; folded text: half-width, Simplified) -------
# Datelines, bylines, credits, copyright lines, share bars and reading lists name outlets,
# editors and photographers, not companies acting in the story: no entity is read inside them.
_CLOCK = r"(?:凌晨|早间|早上|上午|中午|午间|下午|晚间|晚上|晚)"
_NEWS_DATE = (r"(?:(?:北京|美国|美东|当地|台北|香港)?时间)?\s*(?:\d{4}\s*年\s*)?(?:\d{1,2}\s*月\s*)?"
              rf"\d{{1,2}}\s*日(?:\s*{_CLOCK})?")
# The outlet of a dateline: a short name, no function word ("另一项令人振奋的消息," is no dateline).
_OUTLET = r"(?:在线|(?![的是在了和与及并也就都而从对为将据])[A-Za-z0-9\u4e00-\u9fff·&]){2,12}?"  # 在线: "中关村在线"
# 界面新闻 3 月 12 日消息 / 财联社3月12日电 / 新浪科技讯 北京时间3月12日上午消息 / 鞭牛士报道,3月12日消息
DATELINE_DATED_RE = re.compile(rf"{_OUTLET}\s*(?:讯|报道|报导)?\s*,?\s*{_NEWS_DATE}\s*(?:消息|讯息|电|讯|报道|报导)")
# 36氪获悉 / C114讯 / 集微网消息 (Taiwan: 集微網訊息) / IT之家了解到: no date, but a cue no story sentence starts with.
# 讯 ending a word is a name's, not the cue ("大宇资讯(6111)", "某某通讯", "腾讯").
DATELINE_UNDATED_RE = re.compile(
    rf"{_OUTLET}(?:(?<![资通电视腾])讯(?!息)|获悉|(?<=[网社报闻经家氪])(?:消息|讯息|报道|报导|了解到))(?=[\s,:(])")
# 【TechWeb】 / 【记者/台北报导】 / 〔记者王姵文/台北报导〕 opening a paragraph: an outlet or a credit, short
# or with a credit word, never with a sentence's punctuation or a title. A headline in brackets
# (【加强安卓营收?谷歌将升级Play商城】, 【诺基亚Lumia720港行售价出炉月底开卖】) is part of the story.
DATELINE_BRACKET_RE = re.compile(
    r"[【〔\[](?=[^】〕\]\n]{1,30}[】〕\]])(?![^】〕\]\n]*[?!,。、;《“\"])"
    r"(?:[^】〕\]\n]{1,16}|[^】〕\]\n]*?(?:记者|报道|报导|讯|日电|消息|讯息|编译|综合|来源|作者|通讯员)[^】〕\]\n]*)"
    r"[】〕\]]")
# 记者张家豪/台北报导 / 经济日报 记者李孟珊/台北即时报导 / 本报记者 王磊 报道; a reporter's name alone before a
# space and the story's date or first words ("澎湃新闻记者 秦川 11月6日,", "记者 张三、李四 近日").
DATELINE_REPORTER_RE = re.compile(r"(?:\S{1,8}\s*)?记者(?:[^\n,。]{0,20}?(?:报导|报道)"
                                  r"|\s*[\u4e00-\u9fff]{2,3}(?:\s?、\s?[\u4e00-\u9fff]{2,3})*(?=\s))")
# What may follow a dateline: another date and cue, an author in brackets, a comma.
DATELINE_TAIL_RE = re.compile(rf"(?:\s*,?\s*{_NEWS_DATE}\s*(?:消息|讯息|电|讯))?(?:\s*\([^()\n]{{1,8}}\))?\s*[,:]?")
# A whole line of furniture: credits, editors, sources, disclaimers, share bars, reading lists, and a
# caption after a ▲ mark, which is short ("▲ 图/翻摄自官网"); a long paragraph a ▲ opens is story.
BOILERPLATE_LINE_RE = re.compile(
    r"(?:(?:图片|封面|头图|题图)?来源|图源|图片|图|摄影|摄|责任编辑|责编|编辑|作者|撰文|文|原标题|出品|策划|审核|校对|监制)"
    r"\s*[:|/]\s*[^\n]{0,60}$"
    r"|[▲△※][^\n]{0,60}$"
    r"|[^\s\n]{2,12}\s+\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*$"  # a line of outlet and date: "科技新報 2024-01-09"
    r"|(?:本文(?:来自|来源|首发|系|转载|经授权)|(?:免责)?声明\s*:|版权(?:声明|所有)|copyright|©|分享(?:到|至)\s*:"
    r"|(?:相关|延伸|推荐|扩展)阅读|更多(?:精彩|资讯)|(?:点击|扫码|长按)(?:关注|阅读|下载|订阅)"
    r"|关注(?:公众号|我们)|举报\s*/?\s*反馈)[^\n]*$", re.IGNORECASE | re.MULTILINE)
# A credit in brackets inside a paragraph: (图片来源:视觉中国) / (本文首发于钛媒体APP,作者|李娜) /
# (中央社记者吴家豪台北12日电) / (记者 王磊) / (完)
BOILERPLATE_INLINE_RE = re.compile(
    r"\((?:(?:图片|封面)?来源|图源|图|摄影|摄|编辑|责编|作者|文)\s*[:|/][^()\n]{0,60}\)"
    r"|\(本文(?:来自|来源|首发|系|转载|经)[^()\n]{0,80}\)"
    r"|\([^()\n]{0,12}记者[^()\n]{0,24}\)"
    r"|\(完\)"
    r"|\(\s*微博\s*\)")  # a portal's link to the named account: "腾讯汽车 (微博)"
# Web addresses, e-mail addresses and social-media handles: "http://t.cn/zj4rfn1", "www.example.com.cn/x",
# "@珠海为伍网", "press@example.com". What they hold (sina, t.cn, a user name) names nobody acting in the story.
WEB_ADDRESS_RE = re.compile(
    r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+"
    r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
    r"|(?<![A-Za-z0-9])@(?:[A-Za-z0-9_\-]{1,30}(?![A-Za-z0-9_\-\u4e00-\u9fff])"
    r"|[A-Za-z0-9_\-\u4e00-\u9fff]{1,10}(?=[\s:#@,.)，。：）]|$))")  # a Chinese handle ends at a mark
# A listed company's security code after its name: (01810.HK) / (NASDAQ: NVDA) / (股票代码:688981) /
# (2317-TW) / (09988.HK/BABA.N); and the Hong Kong share-class mark glued to it (理想汽车-W, 百度集团-SW).
_TICKER = r"(?:\d{4,6}(?:\.(?:HK|SH|SZ|BJ|TW|TWO|T|KS))?|\d{4}-TW|[A-Z]{1,5}\.(?:N|O|US|DE|PA|AS|SW|NYSE|NASDAQ))"
_BRACKETED_CODE = (
    rf"\((?:(?:NASDAQ|NYSE|HKEX|SEHK|TWSE|TSE|KOSPI|OTC|纳斯达克|纽交所|港交所|上交所|深交所|(?:股票|证券)代[码号])"
    rf"\s*[:：]?\s*[A-Za-z0-9.\-]{{1,12}}|{_TICKER}(?:\s*[/,、;；]\s*{_TICKER})*)\)")
# A security code alone ("09868.HK", "XPEV.US"): a listing, never a company's or product's name.
TICKER_RE = re.compile(_TICKER)
SECURITY_CODE_RE = re.compile(_BRACKETED_CODE + r"|(?<=[\u4e00-\u9fff])-(?:SW|W|S|B|U)(?![A-Za-z0-9])")
# ... and one ending where a text ends (the name before it is a listed company's).
SECURITY_CODE_BEFORE_RE = re.compile(r"\s?" + _BRACKETED_CODE + r"\s?$")
# A security code in brackets right after a name: the name is a listed company ("嘉里物流（00636.HK）").
SECURITY_CODE_AFTER_NAME_RE = re.compile(r"\s?" + _BRACKETED_CODE)
# A class of shares: one capital letter before 股 ("母公司H股挂牌", "公司A股复牌", "發行B股").
SHARE_CLASS_RE = re.compile(r"[ABHNS]\s?股")
# A listed company's share line, no product: a Chinese name and its share class ("万科A", "京东方A",
# "三一重工H", "ST凯马B"), or a stock name with its risk mark ("*ST凯马"). "H股" alone: GENERIC_TERMS.
SHARE_NAME_RE = re.compile(r"^(?:\*?ST\s?)?[\u4e00-\u9fff]{2,}[ABH]$|^\*?ST\s?[\u4e00-\u9fff]")
# ---- Places: one list each, the rules below combine them (folded text: Simplified only) -----------
# Where Chinese-language tech news is written from.
HOME_REGIONS = ("中国", "台湾", "香港", "澳门")
# Cities that start registered names or stand before a company's name ("深圳华强", "杭州宇树科技").
CITIES = ("北京", "上海", "天津", "重庆", "深圳", "广州", "杭州", "台北")
# An acquisition's object: a Latin name after the verb, a country between allowed ("買下美國Intersil",
# "收购了英国Dialog"), is a company.
ACQUIRED_NAME_BEFORE_RE = re.compile(
    r"(?:收购|并购|买下|入股|注资)(?:了)?\s?(?:" + "|".join(FOREIGN_COUNTRIES) + r")?\s?$")
# Wider areas and words of place.
AREAS = ("欧洲", "欧盟", "亚洲", "北美", "南美", "东南亚", "中东", "全球", "国内", "海外", "加州", "硅谷", "亚利桑那州")
# Places LAC sometimes tags as organisations, and that LAC glues before a name ("德国光学大厂蔡司").
PLACES = frozenset(HOME_REGIONS + CITIES + FOREIGN_COUNTRIES + AREAS)
# More cities where tech news places plants and offices ("将在高雄兴建"): one alone names no company.
# They are not cut from the front of names, which many companies hold (南京银行, 台中精机).
OTHER_CITIES = frozenset((
    "高雄", "台中", "台南", "新竹", "桃园", "基隆", "嘉义", "彰化", "苗栗", "屏东", "宜兰", "花莲", "南投", "云林",
    "九龙", "新界", "南京", "武汉", "成都", "西安", "苏州", "合肥", "长沙", "郑州", "青岛", "厦门", "宁波",
    "无锡", "东莞", "佛山", "珠海", "济南", "福州", "昆明", "大连", "沈阳", "哈尔滨", "长春", "南昌", "贵阳",
    "南宁", "太原", "石家庄", "兰州", "海口", "常州", "南通", "温州", "绍兴", "嘉兴", "芜湖", "亦庄",
    # abroad: where plants, cloud regions and launches are placed ("甲骨文已在吉达开设云区域")
    "利雅得", "吉达", "迪拜", "阿布扎比", "多哈", "东京", "大阪", "首尔", "釜山", "慕尼黑", "柏林", "巴黎", "伦敦",
    "纽约", "旧金山", "洛杉矶", "西雅图", "奥斯汀", "拉斯维加斯", "圣何塞", "班加罗尔", "孟买", "雅加达", "曼谷",
    "吉隆坡", "胡志明市", "河内", "圣保罗", "墨西哥城",
))
# Countries and regions a company's name may start with and its short form drop: 中国广电 → 广电.
REGION_PREFIXES = frozenset(HOME_REGIONS + FOREIGN_COUNTRIES)
# The place a registered name starts with, dropped for its short name: a province or city, or
# 香港/台湾 (not 中国: 中国移动's short name is not 移动).
COMPANY_PLACE_HEAD_RE = re.compile(r"^(?:[\u4e00-\u9fff]{2,3}(?:省|市)|" + "|".join(CITIES + ("香港", "台湾")) + ")")

# A company name's legal form at its end ("华为技术有限公司", "NVIDIA Corporation"): dropped for its
# key (``link.company_core``) and, with the trade words below, for its short name
# ("群联电子股份有限公司" → "群联"; never a SUBSIDIARY_NAME_TAILS word). Simplified only.
COMPANY_LEGAL_FORM_RE = re.compile(
    r"(?:[(（](?:中国|集团|控股|香港|[\u4e00-\u9fff]{2,3})[)）])?(?:股份有限公司|有限责任公司|技术有限公司|科技有限公司|有限公司|"
    r"集团有限公司|控股有限公司|股份公司|集团公司|集团|控股|公司|Inc\.?|Ltd\.?|Corp\.?|Corporation|Co\.,? Ltd\.?)$"
)
# The full legal forms of a registered name, longest first.
REGISTERED_LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "股份公司")
_REGISTERED_FORM = "(?:" + "|".join(REGISTERED_LEGAL_FORMS) + ")"
# A registered name: it ends in a full legal form ("上海傅利叶智能科技有限公司"), so it is one name even
# where it holds a shorter company name.
REGISTERED_NAME_RE = re.compile(_REGISTERED_FORM + "$")
# A name that announces something is a company's (for a weak alias): "国航今日宣布", "东航公告称".
ANNOUNCER_AFTER_RE = re.compile(r"(?P<lead>[^，,。；;]{0,8}?)(?:宣布|公告(?![栏牌板])|官宣|发布公告|发布声明)")
# A legal form right after a listed company's name is part of the same mention ("中国邮政集团公司").
NAME_LEGAL_TAIL_RE = re.compile("|".join(sorted(REGISTERED_LEGAL_FORMS + ("集团有限公司", "集团公司", "总公司", "公司"),
                                               key=len, reverse=True)))
# Characters that start the next word after a unit's business word (a verb, a preposition, a particle): the unit's
# name ends there ("腾讯健康则", "顺丰航空的"), not inside a longer noun ("腾讯健康码", "小米游戏本").
WORD_AFTER_UNIT_STARTS = "在则与和的及也将已于从对为是等称表宣今昨旗"
# A company's games business named with it ("腾讯游戏代理的", "网易游戏宣布"): the company itself, as the
# news uses it, where a word ends (not "小米游戏本", "腾讯游戏业务"); a verb of publishing may follow too.
GAMES_ARM_AFTER_NAME_RE = re.compile(r"游戏(?=[^\u4e00-\u9fff]|[" + WORD_AFTER_UNIT_STARTS + r"代发运推独]|$)")
# A registered name with its seat in brackets before the legal form ("芯和半导体科技（上海）股份有限公司",
# "华为技术（深圳）有限公司"): the bracket and the form, after the name.
SEATED_LEGAL_FORM_RE = re.compile(r"[(（][\u4e00-\u9fff]{2,3}[)）]" + _REGISTERED_FORM)
# LAC tags of a word that cannot be part of such a name: where the name starts after the last of them.
NOT_IN_REGISTERED_NAME_TAGS = ("v", "p", "d", "u", "w", "r", "m", "q", "f", "TIME", "vn", "ad", "xc")
# What a listed holding's registered name adds before its legal form ("黑芝麻智能国际控股有限公司"):
# dropped, with the trade words, when the linker looks for the company it holds.
HOLDING_TAIL_RE = re.compile(r"(?:国际|控股|集团)$")
# A line of business after a parent's name that makes a unit of its own ("顺丰航空", "京东健康", "三星重工"), unlike the trade words
# that only complete the parent's own name ("小米科技").
UNIT_BUSINESS_WORDS = frozenset("航空 物流 快递 货运 金融 数科 健康 医疗 银行 保险 证券 支付 地产 能源 重工 物产".split())
# ... such a word right after a listed company's name, where a word ends: the unit is named ("腾讯健康则提供",
# "顺丰航空的波音767"), not "腾讯健康码".
UNIT_AFTER_PARENT_RE = re.compile(r"(?:" + "|".join(sorted(UNIT_BUSINESS_WORDS, key=len, reverse=True))
                                  + r")(?=[^\u4e00-\u9fff]|[" + WORD_AFTER_UNIT_STARTS + r"]|$)")
COMPANY_TRADE_TAIL_RE = re.compile(
    r"(?:科技|电子|软件|电信|通讯|通信|集团|控股|股份|汽车|存储|半导体|微电子|智能|网络|信息|技术|数据|传媒|"
    r"电气|电器|光电|精密|工业|实业|动力|机器人|新能源|生物|医药|电商|互动|资讯|系统|设备|装备|仪器|材料)$"
)
# Short names that are also ordinary words: never read as a company on their own.
COMMON_SHORT_NAMES = frozenset(("未来", "东方", "中华", "国际", "世纪", "时代", "天下", "创新", "全球", "第一",
                                "华夏", "未来智能", "新一代", "领先", "先进", "联合", "合作", "数字", "智慧"))
# A foreign country before a company's name is not part of it when a Latin or group name follows,
# unless a trade follows (national firms named so: 德国电信, 日本电气, 新加坡航空).
GROUP_ENDINGS = ("集团", "控股", "公司")  # "印度塔塔集团": a group named after its country-less name
# Longest all-capital Latin lexicon name that must be written in capitals to count ("NEC", "AMD").
ACRONYM_MAX_LEN = 4
COUNTRY_NAMED_TRADES = ("电信", "电气", "电力", "航空", "邮政", "铁路", "钢铁", "烟草", "电报", "石油", "银行",
                        "保险", "电网", "移动", "联通", "国家", "政府", "央行", "国会", "总统")
# A country and a trade before a kind of firm ("美国电信运营商AT&T", "瑞典电信设备商爱立信"): what kind, no name
# (德国电信 alone is Deutsche Telekom).
COUNTRY_TRADE_RE = re.compile("(?:" + "|".join(FOREIGN_COUNTRIES) + r")(?:电信|通信|航空|汽车|半导体|芯片)")
FIRM_KIND_AFTER_RE = re.compile(r"运营商|设备商|设备制造商|巨头|业者|厂商|大厂")
# What a longer company name adds to a shorter one when it names a subsidiary or another
# business of the group, not the same company: 阿里 / 阿里云, 京东 / 京东物流, 零跑 / 零跑国际.
SUBSIDIARY_NAME_TAILS = ("云", "智能云", "物流", "国际", "金融", "支付", "资本", "投资", "创投", "基金",
                         "银行", "证券", "保险", "研究院", "实验室", "大学", "学院", "医院", "基金会", "音乐",
                         "影业", "娱乐", "游戏", "健康", "医疗", "能源", "地产", "置业", "控股子公司", "子公司",
                         "分公司", "办事处", "工会", "员工")
# Between a maker's brand and its product after a release cue: what kind it is ("小米首款车型小米SU7").
BRAND_KIND_GAP_RE = re.compile(r"的?(?!的)[\u4e00-\u9fff]{1,8}")
# A price or a sale in a clause ("售价1,599美元", "10月12日上市", "11月开卖"): a member of a series on offer.
PRICE_OR_SALE_RE = re.compile(r"售价|定价|起售|建议售价|[\d,.]+\s?(?:元|美元|欧元|港元|日元|英镑)|上市|开卖|开售|发售|预售")
# A past time before a cue in a relative clause ("谷歌早年推出的", "索尼2019年发布的").
PAST_TIME_RE = re.compile(r"早年|当年|去年|前年|多年前|(?:19|20)\d\d年(?:\d{1,2}月)?")
# Verbs linking two products ("Mate 40搭载麒麟9000"): the second is not released.
PRODUCT_LINK_VERBS = ("搭载", "采用", "使用", "支持", "配备", "集成", "运行", "基于", "对标", "超过", "击败",
                      "相比", "取代", "替代", "兼容", "针对", "适配", "接入")
# Words after a name that make it an index or a sector, not a company ("恒生科技指数").
INDEX_FOLLOWERS = ("指数", "板块", "概念股")
# A quoted or titled name that a document noun follows names that document, no product: "名为《AI
# Index》的年度报告", "《了解当代玩家》(Understanding the Modern Gamer)的研究报告". The closing mark is
# required: "iPhone 16的销量报告" is a report about a product.
DOCUMENT_AFTER_RE = re.compile(
    r"\s*[》」”\"』)）]+\s*(?:[(（][^()（）]{1,40}[)）])?\s*的?[^，。；;,、]{0,4}?"
    r"(?:研究报告|报告书|报告|白皮书|蓝皮书|调查|榜单|指南|论文)")
# Endings that make a name a company's, a share's or a market's, never a product's ("云达科技",
# "芯源微股票", "美國納斯達克交易所").
NON_PRODUCT_ENDINGS = ("公司", "集团", "科技", "控股", "股份", "股票", "股价", "A股", "B股", "H股", "银行", "交易所", "证交所",
                       "联交所")
# Event names end like this: "鸿海科技日", "GTC大会".
EVENT_FOLLOWERS = ("日", "大会", "峰会", "节", "论坛", "展", "发布会")
# Words that begin like an event ending but are a verb, an adverb or a place after the name: "海马汽车展出了",
# "北京联通日前回应", "索尼日本", "小米展台", "华为节省了".
NOT_EVENT_AFTER_NAME = ("日前", "日益", "日内", "日渐", "日趋", "日后", "日常", "日均", "日本", "展出", "展示",
                        "展开", "展现", "展望", "展露", "展台", "展区", "展位", "展馆", "节省", "节约", "节能")
#: An event ending right after a name (match at the name's end): "鸿海科技日", "GTC大会", not "华为日前".
EVENT_AFTER_NAME_RE = re.compile(
    "(?!" + "|".join(NOT_EVENT_AFTER_NAME) + ")(?:" + "|".join(EVENT_FOLLOWERS) + ")")
# Trade shows and developer conferences, named without 大会 ("在CES 2025上发布", "WWDC 2024"): events,
# no products. Names that are also ordinary words (Build, Ignite, E3) count only with their year.
TECH_EVENTS = ("CES", "MWC", "WWDC", "GTC", "Computex", "IFA", "Google I/O", "I/O", "re:Invent", "GDC",
               "ChinaJoy", "WAIC", "Hot Chips", "ISSCC", "IEDM", "SEMICON West", "SEMICON China", "SEMICON Taiwan",
               "Gamescom", "SIGGRAPH", "NeurIPS", "Galaxy Unpacked", "Dreamforce", "Snapdragon Summit",
               "Meta Connect")
# A Latin gloss in brackets right after a Chinese event's name names the event ("中国国际半导体博览会（IC China 2025）").
EVENT_GLOSS_RE = re.compile(r"(?:博览会|展览会|交易会|大会|峰会|论坛|展会|开幕夜|[^发]展)\s?(?:(?:19|20)\d\d年?)?\s?"
                            r"[(（](?P<gloss>[A-Za-z][^()（）]{1,40})[)）]")
# ... and a Latin name with a year right after a meeting's noun ("年度大會VIVECON 2021", "开发者大会HDC 2024"): the event.
# A meeting named after a product line ("天玑开发者大会", "骁龙峰会", "鸿蒙生态大会"): the name there is the event's,
# no mention of the product (a launch event, "Mate 70发布会", is the product's).
EVENT_AFTER_PRODUCT_RE = re.compile(r"\s?(?:技术|生态|开发者|创新)?(?:开发者大会|大会|峰会|开发者日|技术日)")
EVENT_NAME_AFTER_NOUN_RE = re.compile(r"(?:大会|峰会|博览会|展会|论坛|年会)\s?"
                                      r"(?P<gloss>[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)?\s?(?:19|20)\d\d)(?![\dA-Za-z])")
# Words that go on naming a show's own session or edition after its name ("Gamescom Opening Night Live",
# "WWDC Keynote", "Computex Asia"): the veto covers them too.
EVENT_TAIL_RE = re.compile(r"(?: (?:Opening|Night|Live|Keynote|Showcase|Direct|Expo|Summit|Day|Asia|Europe|China|Global))+"
                           r"(?![A-Za-z])")
TECH_EVENTS_WITH_YEAR = ("Build", "Ignite", "E3", "Connect", "Unpacked", "SEMICON")
_YEAR = r"(?:19|20)\d{2}"
TECH_EVENT_RE = re.compile(
    r"(?<![A-Za-z0-9])(?:(?:" + "|".join(re.escape(n) for n in sorted(TECH_EVENTS, key=len, reverse=True))
    + rf")(?:\s?{_YEAR})?|(?:" + "|".join(TECH_EVENTS_WITH_YEAR) + rf")\s?{_YEAR})(?![A-Za-z0-9])",
    re.IGNORECASE)
# A person's title right before a Latin name of two or more capitalised words makes it a person
# ("首席执行官Jean-Marc Chery", "執行長Simon Segars", "總裁 Rene Haas"): no company or product, not even a
# lexicon name inside it (Chery). Several titles may be joined by 兼. Folded text: Simplified titles.
PERSON_TITLES = ("首席执行官", "执行长", "行政总裁", "总裁", "副总裁", "董事长", "主席", "创始人", "创办人", "首席技术官",
                 "技术长", "首席财务官", "财务长", "首席运营官", "营运长", "总经理", "总监", "分析师", "发言人", "负责人",
                 "律师", "工程师", "研究员", "经济学家", "教授", "顾问", "合伙人", "经理", "主管", "记者", "主编",
                 "高管", "高层", "CEO", "CTO", "CFO", "COO")
_TITLE = "(?:" + "|".join(sorted(PERSON_TITLES, key=len, reverse=True)) + ")"
_PERSON_WORD = r"[A-Z][A-Za-z]*[a-z]"
_NAME_PARTICLE = r"(?:(?:de|van|von|der|den|da|di|du|la|le|del|dos|bin|al)\s)?"  # "Luca de Meo"
TITLED_PERSON_RE = re.compile(  # a portfolio in brackets may follow the title: "总经理（汽车及物联网）Nakul Duggal"
    rf"{_TITLE}(?:\s?兼\s?{_TITLE})*(?:\s?[(（][^()（）\n]{{1,24}}[)）])?\s?"
    rf"(?P<name>{_PERSON_WORD}(?:[- ]{_NAME_PARTICLE}{_PERSON_WORD}){{1,3}})(?![A-Za-z0-9])")
# Founders named before 共同创办/创立 ("由Naveen Rao和Hanlin Tang共同创办"): Latin names of two to four words there are
# people (a firm's Latin name ends in a company word and is read as one first).
FOUNDER_PEOPLE_RE = re.compile(
    rf"由\s?(?P<people>{_PERSON_WORD}(?: {_PERSON_WORD}){{1,3}}(?:\s?[、和与及]\s?{_PERSON_WORD}(?: {_PERSON_WORD}){{1,3}})*)"
    r"\s?(?:共同|联合|一起)?\s?(?:创办|创立|创建|成立)")
# Words that make a stretch of text a clause, never a name: degree adverbs ("腾讯更看重大模型", "很适合",
# "较早推出", "非常适合用于构建智能工厂"), modal verbs, conditionals and negations ("台智云若能把大模型", "特斯拉并不在列").
CLAUSE_WORD_RE = re.compile(r"[更很较]|非常|十分|相当|能够|可以|适合|用于|若能|若要|如果|假如|正在|尚未|已经|并不|并非|并未")
# The middle dots of a transliterated person's name ("迈克尔·戴尔"; folded "．" is ".").
NAME_DOTS = "·•・."
# A transliterated name (with its middle dot) glossed in Latin letters: a person ("亚当·塞利普斯基(Adam Selipsky)").
# So is a short surname-only transliteration glossed right after a title ("行政總裁布魯默（Oliver Blume）").
GLOSSED_PERSON_RE = re.compile(
    rf"(?:[\u4e00-\u9fff]{{1,6}}[·•・][\u4e00-\u9fff·•・]{{1,12}}|{_TITLE}[\u4e00-\u9fff]{{2,4}})"
    rf"\s?\(\s?(?P<name>{_PERSON_WORD}(?:[- .]+{_NAME_PARTICLE}{_PERSON_WORD}){{1,3}})\s?\)")
# A Latin acronym glued to a year, a contest or meeting noun following in its clause, names an edition of
# that event, no product: "参加了WCG2012的比赛", "CPL2011线上选拔赛", "ECL2010的四个赛季".
# A Latin name right before a show's or meeting's noun ("在Touch Taiwan展推出", "Hot Chips大会"): the event, no
# company and no product (a launch event, 发布会, is named after its product and stays out).
LATIN_EVENT_RE = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z]+(?: [A-Z][A-Za-z0-9]*){0,3}(?=\s?"
                            r"(?:国际|智慧|显示|电子|电脑|科技|消费|半导体|人工智能|开发者|年度|技术)*"
                            r"(?:展览会|展(?![出示开现望露台区位馆])|大会|峰会|博览会|论坛))")
# A Latin acronym with its year where something happens ("在ISC 2023上发布", "於CES 2024期間"): the event.
VENUE_YEAR_EVENT_RE = re.compile(r"(?<=在)\s?[A-Z][A-Za-z]{1,10}\s?(?:19|20)\d\d(?=\s?(?:上|期间|现场|大会))")
# A company's own yearly day ("NIO Day 2023", "Tesla AI Day", "Investor Day"): an event, no product.
LATIN_DAY_EVENT_RE = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)? (?:Day|DAY)(?: \d{4})?(?![A-Za-z0-9])")
# Shopping festivals named by their date, alone or after a platform ("京东11.11", "天猫双11", "京东618",
# "雙十一"): a sales event, no product's model number.
SHOPPING_FESTIVAL_RE = re.compile(r"(?<![\d.])(?:双\s?11|双\s?12|双十一|双十二|11\.11|12\.12|618)(?![\d.]|\s?[A-Za-z])")
YEAR_EDITION_EVENT_RE = re.compile(
    rf"(?<![A-Za-z0-9])[A-Za-z]{{2,6}}\s?{_YEAR}(?![A-Za-z0-9])"
    r"(?=[^,，。;；!?！？\n]{0,12}?(?:比赛|大赛|总决赛|决赛|选拔赛|预选赛|邀请赛|联赛|锦标赛|赛季|赛区|赛事|峰会|大会))")
# A code after a noun saying it identifies something (a batch, a registration, a licence plate, an
# order or an account) is that identifier, no model: "批号为AL0225", "注册编号：HKP-03671",
# "车牌照为冀JJC065" (a province's one-character mark may open a plate). Not 型号: a model number names
# a product.
IDENTIFIER_CODE_RE = re.compile(
    r"(?:批号|编号|牌照|车牌|车牌号|单号|账号|帐号|序列号|证号|登记号|注册号|代码)\s*(?:为|是|:)?\s*[\u4e00-\u9fff]?"
    r"(?P<code>[A-Za-z0-9][A-Za-z0-9\-]*)")
# A possessive between Latin names: the name after it is the product, the one before its owner ("Bose 的
# QuietComfort Ultra", "Apple的AirPods Max"); 的 inside a Chinese name stays ("我的世界").
# Hong Kong writes the possessive 嘅 ("ASUS 嘅 ROG Ally").
LATIN_POSSESSIVE_RE = re.compile(r"(?<=[A-Za-z0-9])\s?[的嘅]\s?(?=[A-Za-z0-9])")
# A time phrase after a Latin name, as Hong Kong and Taiwan outlets write it with spaces ("Valve 今日凌晨发布",
# "Apple 今年 6 月发布的", "ROG Ally 6 月开卖"): no name goes on into it. Only after a Latin letter or digit,
# so a Chinese name opening with such a word stays whole ("今日头条").
TIME_AFTER_LATIN_RE = re.compile(
    r"(?<=[A-Za-z0-9])\s?(?:今日|今天|今年|明年|去年|前年|昨日|昨天|今晨|今晚|凌晨|本月|上月|下月|本周|上周|下周|"
    r"近日|日前|早前|稍早|同日|当日|\d{1,2}\s?月(?!份?\d))")
# A funding round's letter is no model: "A1轮融资", "Pre-A轮", "B+轮", "C輪融資" (folded: 轮).
FUNDING_ROUND_RE = re.compile(r"(?<![A-Za-z0-9])(?P<code>(?:Pre-?)?[A-Ha-h]\d?\+{0,2})\s?轮")
# A code in brackets after a process, architecture or standard names that, no product: "第二代3奈米製程
# （N3E）", "全新架构(Zen 5)" is Zen 5 the architecture. The heads are those of NON_PRODUCT_HEADS that name a
# technology.
TECHNOLOGY_GLOSS_RE = re.compile(
    r"(?:架构|工艺|制程|技术|标准|协议|指令集)\s?\((?P<code>[A-Za-z0-9][A-Za-z0-9+\-. ]{0,15})\)")
# Relations that are not partnerships, by kind.
ACQUISITION_CUES = ("收购", "并购", "吞并", "合并", "买下", "控股")
INVESTMENT_CUES = ("投资", "入股", "注资", "领投", "跟投", "持股", "增持", "减持", "股东", "资本合作", "融资")
SUPPLY_CUES = ("供货", "供应", "采购", "订单", "下单", "代工", "客户", "供应商", "出货")
COMPETITION_CUES = ("竞争", "对手", "抗衡", "对标", "相比", "比较", "超过", "超越", "领先", "落后", "击败", "挑战")
DISPUTE_CUES = ("诉讼", "起诉", "纠纷", "侵权", "索赔", "仲裁", "指控")
NOT_PARTNER_CUES = (
    "收购", "并购", "投资", "入股", "注资", "领投", "竞争", "对手", "抗衡", "对标", "相比", "比较",
    "超过", "超越", "领先", "供货", "供应", "采购", "订单", "下单", "代工", "诉讼", "起诉", "纠纷", "和解", "资本合作",
    # a stake changed, also in a joint venture named as what it is held in ("将其在合资公司江淮大众中的持股
    # 比例提升至75%", "增持合营公司股份"): an investment, no new cooperation
    "持股比例", "股权比例", "股比", "增持", "减持", "融资",
    # the promoters of a company are its founding shareholders ("由A、B和C三方共同发起设立"), unlike a platform
    # a few firms start together ("共同发起的出行平台")
    "发起设立", "发起成立",
)
# Words holding a not-a-partnership cue that say something else: a field ("供应链"), a quality
# ("竞争力", "全球领先的"), people ("投资者"), a kind of bank ("投资银行高盛"). Blanked before the cues are sought: "与全球领先的芯片
# 公司英伟达合作", "在供应链领域展开合作" are cooperations.
NOT_PARTNER_LOOKALIKES_RE = re.compile(r"供应链|竞争力|投资者|投资人|投资银行|投行|(?:全球|行业|业界|世界|国际|国内|业内)领先|领先的")
# A business and capital tie-up ("業務及資本合作", "业务资本合作") is a partnership; capital alone
# ("资本合作") is an investment.
BUSINESS_AND_CAPITAL_RE = re.compile(r"业务\s*(?:及|与|和|、|暨|以及)?\s*资本合作")
# A quantity after a comparison word makes it a measure ("合作超过十年"), not a comparison.
QUANTITY_AFTER_RE = re.compile(r"\s*(?:\d|[一二两三四五六七八九十百千几数半])")
# Marker groups the relation model sees (name → cue words).
RELATION_MARKERS = {
    "partner": PARTNER_TRIGGERS,
    "denial": DENIAL_CUES,
    "ended": ENDED_CUES,
    "rumour": RUMOUR_CUES,
    "talks": TALKS_CUES,
    "planned": PLANNED_CUES,
    "acquisition": ACQUISITION_CUES,
    "investment": INVESTMENT_CUES,
    "supply": SUPPLY_CUES,
    "competition": COMPETITION_CUES,
    "dispute": DISPUTE_CUES,
    "release": RELEASE_TRIGGERS,
    "future": ("将", "将会", "即将", "未来", "明年"),
    "past": ("已", "已经", "曾", "此前", "多年", "以来", "超过十年", "数十年"),
    "both": ("双方", "两家", "二者", "两者"),
}
# Words that introduce a list of examples for a preceding count noun ("3家厂商……。包括A、B和C"),
# not words merely starting with 即 or 如 ("如今计划搁浅", "如果", "即将": no list follows).
LIST_INTRODUCER_RE = re.compile(r"包括|分别是|分别为|其中包括|即(?![将使便可时日刻])|如(?![今果何此同期若需实下上前所])")
# A partner list right after the cue, in the same sentence: "与多家厂商合作，包括A、B和C",
# "英伟达的合作伙伴包括A、B和C", "首批合作伙伴：A、B和C".
PARTNER_LIST_AFTER_RE = re.compile(r"\s*(?:[，,]\s*)?(?:其中包括|包括|包含|涵盖|分别是|分别为)\s*|\s*[：:]\s*")
# After a partner noun a copula also gives the list: "合作伙伴有A和B", "首批伙伴为A、B".
PARTNER_NOUN_COPULA_RE = re.compile(r"\s*(?:有|为|是)\s*")
# "与上述厂商合作", "與以上企業合作": the partners are the list of companies just given.
LIST_BACK_REFERENCE_RE = re.compile(
    r"(?:上述|以上|前述|上面|这些|这几|这\d+|这[两三四五六七八九十几]+)\s*(?:家|个|间)?\s*"
    r"(?:合作伙伴|伙伴企业|伙伴|厂商|企业|公司|车企|品牌)")
# Conjunctions between list items.
# What joins a weak company name to a confirmed one in a list ("长安、吉利、零跑等"): stricter than
# LIST_SEPARATORS, no comma ("表现理想，小米亦…" lists nothing).
# A name opening a cooperation frame, an adverb allowed before the preposition ("吉利将与百度……合作",
# "理想已与地平线达成合作", "長安也與華為簽署").
PARTNER_FRAME_OPENING_RE = re.compile(
    r"(?:此前|早前|先前|日前|近日|近期|目前)?\s*"  # "菜鸟此前与列日机场合作"
    r"(?:将|已|已经|也|还|亦|正|正在|再次|率先|首次|正式|同时|曾|均|都|又|早已|即将)?\s*(?:与|和|同|跟|携手|联手|牵手|联姻|伙拍|结盟)")
# What only organisations do together, right after the second party of "A与X": sign an agreement, reach
# or deepen a strategic cooperation, form a joint venture or an alliance ("宁德时代与特斯拉签署战略合作协议",
# "百度与卡特彼勒达成合作"): X is a company even where LAC reads a transliterated name as a person.
ORG_ONLY_PARTNER_AFTER_RE = re.compile(
    r"\s*(?:宣布|正式|已|已经|再次|将)?\s*(?:签署|签订|达成|深化|建立|确立|成立|组建)?[^，,。；;]{0,6}?"
    r"(?:战略合作|合作协议|合作关系|达成合作|合资|结盟|战略联盟)")
WEAK_NAME_LIST_JOINER_RE = re.compile(r"、|和|与|及|以及")
# A list of short names closed by 等 and a noun for companies ("吉利、东风、长城等多家自主品牌", "理想、小鹏等车企"):
# every item is a company, weak names too. Items are two to six characters, joined by 、.
FIRM_LIST_RE = re.compile(r"(?P<items>(?:[\u4e00-\u9fffA-Za-z]{2,6}、){1,8}[\u4e00-\u9fffA-Za-z]{2,6})等"
                          r"(?:[多几数\d一二三四五六七八九十]+家)?[^，,。；;、]{0,4}?(?:品牌|车企|厂商|厂家|公司|企业)")
LIST_SEPARATORS = re.compile(r"^\s*(?:、|,|，|和|与|及|以及|、以及|，以及|,以及|还有|跟|同|&|and)\s*"
                             r"(?:" + "|".join(FOREIGN_COUNTRIES) + r")?\s*$")  # "A、美國B": a country may open a member
