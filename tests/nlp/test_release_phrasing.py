"""Release reading by phrasing class (eighth round): sentence → expected (company, product) releases.

Each table is one class of phrasing found in the misses and false positives of the newest dev
articles (c115-c138), written here with other companies and other wordings, in Simplified and
Traditional, with near-miss negatives: a table of ``(sentence, releases)`` that must be read
exactly, and a table of ``(sentence, pair)`` that must not be read. The sentences are written for
these tests, not taken from ``corpus/``.
"""

from __future__ import annotations

import pytest

from techkg.records import Article

# A company that helps: "A携手B推出P", "A与B合作推出P", "由A与B合作开发" are A's releases (B is a
# partner); a joint act right before the cue ("A和B联袂发布", "共同", "联合") still credits both.
HELPED_RELEASES = [
    ("腾讯联手英伟达推出混元大模型。", {("tencent", "tencent-hunyuan")}),
    ("騰訊攜手輝達推出混元大模型。", {("tencent", "tencent-hunyuan")}),
    ("小米聯袂徠卡發布小米15 Ultra。", {("xiaomi", "xiaomi-15-ultra")}),
    ("米哈游与索尼合作推出《原神》。", {("mihoyo", "mihoyo-genshin-impact")}),
    ("三星與Google合作推出Galaxy S25。", {("samsung", "samsung-galaxy-s25")}),
    ("《原神》由米哈游与索尼合作开发。", {("mihoyo", "mihoyo-genshin-impact")}),
    ("《原神》由米哈游與索尼合作開發。", {("mihoyo", "mihoyo-genshin-impact")}),
    # the partner described before its name ("由A与韩国游戏公司B合作推出")
    ("《原神》由米哈游與日本遊戲公司索尼合作推出。", {("mihoyo", "mihoyo-genshin-impact")}),
    ("《黑神话：悟空》由游戏科学与国内游戏公司腾讯合作开发。", {("game-science", "game-science-black-myth-wukong")}),
    # the partners follow in a later clause: the opener releases
    ("谷歌發表Gemini，並與三星、高通合作推出Android XR。",
     {("google", "google-gemini"), ("google", "google-android-xr")}),
    # a joint act right before the cue: both
    ("联想和英伟达联袂发布ThinkSystem服务器。", {("lenovo", "lenovo-thinksystem"), ("nvidia", "lenovo-thinksystem")}),
]
NOT_HELPED_RELEASES = [
    ("腾讯联手英伟达推出混元大模型。", ("nvidia", "tencent-hunyuan")),
    ("三星與Google合作推出Galaxy S25。", ("google", "samsung-galaxy-s25")),
    ("《原神》由米哈游与索尼合作开发。", ("sony", "mihoyo-genshin-impact")),
    ("《原神》由米哈游與日本遊戲公司索尼合作推出。", ("sony", "mihoyo-genshin-impact")),
    ("谷歌發表Gemini，並與三星、高通合作推出Android XR。", ("qualcomm", "google-android-xr")),
]

# The models of what was just launched, named in the clause after it: a model noun and a copula
# ("首批机型包括", "旗舰型号为", "首发车型为") or a count of models ("首批共3款型号") continue the list.
MODEL_LISTS = [
    ("华为今天正式推出鸿蒙电脑，首批机型包括MateBook Fold和MateBook Pro。",
     {("huawei", "huawei-harmonyos"), ("huawei", "huawei-matebook-fold"), ("huawei", "matebookpro")}),
    ("理想汽车推出纯电SUV系列，首批车型包括理想i8和理想i6。", {("li-auto", "li-auto-i8"), ("li-auto", "li-auto-i6")}),
    ("小米发布了新一代平板，旗舰型号为小米平板7 Pro。", {("xiaomi", "平板7pro")}),
    ("AMD發表Ryzen AI 300系列處理器，首批共3款型號，旗艦型號為Ryzen AI 9 HX 370。",
     {("amd", "amd-ryzen-ai-300"), ("amd", "amd-ryzen-ai-9hx370")}),
]
NOT_MODEL_LISTS = [
    ("小米发布了小米15，竞品包括iPhone 16和Galaxy S25。", ("xiaomi", "apple-iphone-16")),
    ("小米發表了小米15，對手機型包括iPhone 16與Galaxy S25。", ("xiaomi", "samsung-galaxy-s25")),
]

# A sentence in parts joined by semicolons: each part has a subject of its own, so a part whose
# speaker opens it ("；谷歌表示，去年发布的P") credits the speaker, not the company opening the sentence;
# and after 等 and a category, a joiner goes on to another kind of thing ("P等手机和Android系统").
SENTENCE_PARTS = [
    ("苹果推出iPhone 16；谷歌表示，去年发布的Pixel 8销量不错。",
     {("apple", "apple-iphone-16"), ("google", "google-pixel-8")}),
    ("華為推出Mate 70；小米則表示，上月發表的小米15銷量強勁。",
     {("huawei", "huawei-mate-70"), ("xiaomi", "xiaomi-15")}),
    ("三星推出Galaxy S25；华为则表示，今年推出的Mate 70供不应求。",
     {("samsung", "samsung-galaxy-s25"), ("huawei", "huawei-mate-70")}),
    ("小米发布了小米15；其推出的小米SU7也在热销。", {("xiaomi", "xiaomi-15"), ("xiaomi", "xiaomi-su7")}),
    ("蘋果發表iPhone 16；Google則指出，去年推出的Pixel 8等手機與Android平板同樣熱賣。",
     {("apple", "apple-iphone-16"), ("google", "google-pixel-8")}),
    ("谷歌去年发布的Pixel 8等手机和Android系统广受欢迎。", {("google", "google-pixel-8")}),
]
NOT_SENTENCE_PARTS = [
    ("苹果推出iPhone 16；谷歌表示，去年发布的Pixel 8销量不错。", ("apple", "google-pixel-8")),
    ("三星推出Galaxy S25；华为则表示，今年推出的Mate 70供不应求。", ("samsung", "huawei-mate-70")),
    ("谷歌去年发布的Pixel 8等手机和Android系统广受欢迎。", ("google", "google-android")),
]

# A launch still ahead: a time to come ("明年", "下个月", "下周") or 将 right before the cue, unless the
# company announced it ("宣布……将", read as a release); a plan in one clause leaves the next alone.
FUTURE_LAUNCHES = [
    ("小米宣布，小米SU7将在北京上市。", {("xiaomi", "xiaomi-su7")}),
    ("微軟宣布Azure將推出Copilot+ PC。", {("microsoft", "microsoft-copilot-plus-pc")}),
    ("华为今天正式发布Mate 70，将于下月开售。", {("huawei", "huawei-mate-70")}),
    ("小米去年发布了小米14，今年将推出小米15。", {("xiaomi", "xiaomi-14")}),
    ("三星上週發表Galaxy S25，下週將推出Galaxy Ring。", {("samsung", "samsung-galaxy-s25")}),
]
NOT_FUTURE_LAUNCHES = [
    ("蘋果下個月就將發表新款iPhone。", ("apple", "apple-iphone")),
    ("三星下周将推出Galaxy S25。", ("samsung", "samsung-galaxy-s25")),
    ("三星下週將推出Galaxy S25。", ("samsung", "samsung-galaxy-s25")),
    ("谷歌表示，将与三星合作推出Android XR。", ("google", "google-android-xr")),
    ("苹果明年推出iPhone 17。", ("apple", "apple-iphone-17")),
    ("華為將正式發表Mate 80。", ("huawei", "huawei-mate-80")),
    ("小米去年发布了小米14，今年将推出小米15。", ("xiaomi", "xiaomi-15")),
]

# A new predicate after a released product ends the list: what follows 把 / 将 / 被 / 也 / 取代 / 内置
# is held, replaced or compared, not released; "还有" still goes on with the list.
LIST_ENDS_AT_A_PREDICATE = [
    ("英伟达推出的GB200 NVL72把72颗Blackwell GPU整合成一个机柜。", {("nvidia", "nvidia-gb200-nvl72")}),
    ("輝達今年推出的GB200 NVL72把72顆Blackwell GPU整合成單一機櫃。", {("nvidia", "nvidia-gb200-nvl72")}),
    ("苹果2020年推出的HomePod mini也内置了Thread模块。", {("apple", "apple-homepod-mini")}),
    ("微軟推出的Surface Pro將驍龍X Elite帶進了輕薄筆電。", {("microsoft", "microsoft-surface-pro")}),
    ("华为发布的Mate 70取代了Mate 60成为主力机型。", {("huawei", "huawei-mate-70")}),
    ("华为发布Mate 70，还有MatePad Pro。", {("huawei", "huawei-mate-70"), ("huawei", "huawei-matepad-pro")}),
]
NOT_LIST_ENDS_AT_A_PREDICATE = [
    ("輝達今年推出的GB200 NVL72把72顆Blackwell GPU整合成單一機櫃。", ("nvidia", "nvidia-blackwell")),
    ("微軟推出的Surface Pro將驍龍X Elite帶進了輕薄筆電。", ("microsoft", "qualcomm-snapdragon-x-elite")),
    ("华为发布的Mate 70取代了Mate 60成为主力机型。", ("huawei", "huawei-mate-60")),
]

# A relative clause opening the sentence names the parents; its head, right after 的, is the subject
# that a later clause's cue refers to ("A与B合资成立的C，今天发布了P": C).
RELATIVE_CLAUSE_HEADS = [
    ("索尼与本田合资成立的索尼本田移动，今天正式发布首款量产电动车AFEELA 1。", {("sony-honda-mobility", "afeela1")}),
    ("索尼與本田合資成立的索尼本田移動（Sony Honda Mobility），今天正式發表首款電動車AFEELA 1。",
     {("sony-honda-mobility", "afeela1")}),
    ("上汽和阿里巴巴共同出资成立的智己汽车，昨日发布了智己LS6。", {("im-motors", "im-ls6")}),
    ("上汽與阿里巴巴共同出資成立的智己汽車，昨日發表了智己LS6。", {("im-motors", "im-ls6")}),
]
NOT_RELATIVE_CLAUSE_HEADS = [
    ("索尼与本田合资成立的索尼本田移动，今天正式发布首款量产电动车AFEELA 1。", ("sony", "afeela1")),
    ("上汽與阿里巴巴共同出資成立的智己汽車，昨日發表了智己LS6。", ("saic", "im-ls6")),
]

# Hong Kong and Taiwan launch wording with the product before the cue: "推出市場" / "推出市面", "登陸香港",
# and a manner word before the cue ("隆重登場", "高调亮相"); a promotion or an advert is no launch.
LAUNCH_WORDING = [
    ("三星Galaxy S25系列今日正式推出市場。", {("samsung", "samsung-galaxy-s25")}),
    ("三星Galaxy S25系列今日正式推出市场。", {("samsung", "samsung-galaxy-s25")}),
    ("蘋果iPhone 16今日在香港推出市面。", {("apple", "apple-iphone-16")}),
    ("小米15系列正式登陸香港。", {("xiaomi", "xiaomi-15")}),
    ("OPPO Find X8今日隆重登場。", {("oppo", "oppo-find-x8")}),
    ("小米15系列高调亮相。", {("xiaomi", "xiaomi-15")}),
]
NOT_LAUNCH_WORDING = [
    ("華為Mate 70推出市場推廣活動。", ("huawei", "huawei-mate-70")),
    ("小米15系列的廣告登陸香港地鐵。", ("xiaomi", "xiaomi-15")),
]

# A clause naming what was just launched ("发布了新模型，命名为P", "，并将其命名为P", "，這款產品被命名為P")
# continues the release; a name given to something else ("其竞品名为") or in a sentence about
# another company does not.
NAMING_CLAUSES = [
    ("DeepSeek公布了新模型，命名为DeepSeek-R1。", {("deepseek", "deepseek-r1")}),
    ("深度求索發布了新一代推理模型，定名為DeepSeek-R1。", {("deepseek", "deepseek-r1")}),
    ("小米正式发布旗下第二款车型，并将其命名为小米YU7。", {("xiaomi", "xiaomi-yu7")}),
    ("OpenAI推出新模型，名为o1。", {("openai", "openai-o1")}),
    ("华为发布新款折叠屏手机，取名为Mate XT。", {("huawei", "huawei-mate-xt")}),
    ("蘋果發表新一代頭戴裝置，這款產品被命名為Apple Vision Pro。", {("apple", "apple-vision-pro")}),
    ("理想汽车今天发布了全新纯电SUV。新车型正式定名为理想i8。", {("li-auto", "li-auto-i8")}),
]
NOT_NAMING_CLAUSES = [
    ("小米发布了小米15，其竞品名为iPhone 16。", ("xiaomi", "apple-iphone-16")),
    ("谷歌发布了新模型。OpenAI的新模型名为o1。", ("google", "openai-o1")),
]

# Products merely compared or offered: a comparison after the released product ends the list ("售价比
# P便宜", "对标P", "与P展开竞争"; a brand such as 比亚迪 in between is no 比), and a product before an
# offer noun is what a carrier's or seller's offer is about ("推出P合约机", "P月費計劃", "P以旧换新优惠").
COMPARED_AND_OFFERED = [
    ("小米推出的小米15售价比iPhone 16便宜。", {("xiaomi", "xiaomi-15")}),
    ("華為推出的Mate 70售價比iPhone 16低1000元。", {("huawei", "huawei-mate-70")}),
    ("比亚迪发布了海豹和比亚迪汉L。", {("byd", "byd-seal"), ("byd", "byd-han-l")}),
    ("小米推出小米15，与iPhone 16展开竞争。", {("xiaomi", "xiaomi-15")}),
]
NOT_COMPARED_AND_OFFERED = [
    ("小米推出的小米15售价比iPhone 16便宜。", ("xiaomi", "apple-iphone-16")),
    ("华为推出的Mate 70性能媲美iPhone 16。", ("huawei", "apple-iphone-16")),
    ("中国移动推出iPhone 16合约机。", ("china-mobile", "apple-iphone-16")),
    ("香港電訊推出iPhone 16月費計劃。", ("hkt", "apple-iphone-16")),
    ("京東推出華為Mate 70以舊換新優惠。", ("jd", "huawei-mate-70")),
]

# A product going live "在X平台" (an OS or a console platform, before a product-first cue) is released by
# its company; the platforms named there are where, not what. A model put up on a cloud ("在Amazon
# Bedrock中上线") stays hosting.
PLATFORM_VENUES = [
    ("米哈游的《原神》9月28日在iOS及Android平台上线。", {("mihoyo", "mihoyo-genshin-impact")}),
    ("網易《蛋仔派對》今日在PS5與Xbox平台推出。", {("netease", "netease-eggy-party")}),
    ("騰訊元寶10月在iOS和Android雙平台上線。", {("tencent", "tencent-yuanbao")}),
    ("苹果和谷歌表示，米哈游的《原神》已在iOS及Android平台上线。", {("mihoyo", "mihoyo-genshin-impact")}),
]
NOT_PLATFORM_VENUES = [
    ("苹果和谷歌表示，米哈游的《原神》已在iOS及Android平台上线。", ("apple", "apple-ios")),
    ("網易《蛋仔派對》今日在PS5與Xbox平台推出。", ("netease", "sony-playstation-5")),
    ("亚马逊云科技在Amazon Bedrock中上线了DeepSeek-R1。", ("aws", "deepseek-r1")),
]

# Across a sentence and its neighbour: a release cue with no product, and the next sentence opening with
# a demonstrative and its measure word before the product ("这辆小米YU7", "這部Mate 70", "这颗B200");
# not after a cue announcing no product ("发布了财报", "發佈公告").
NEXT_SENTENCE_DEMONSTRATIVES = [
    ("小米今天推出一款新车。这辆小米YU7搭载激光雷达。", {("xiaomi", "xiaomi-yu7")}),
    ("華為今天發表一款新手機。這部Mate 70搭載麒麟9020。", {("huawei", "huawei-mate-70")}),
    ("苹果推出了新一代头显。这台Apple Vision Pro售价3499美元。", {("apple", "apple-vision-pro")}),
    ("英伟达今天发布了新一代芯片。这颗B200采用台积电4NP工艺。", {("nvidia", "nvidia-b200")}),
]
NOT_NEXT_SENTENCE_DEMONSTRATIVES = [
    ("小米今天发布了第三季度财报。这辆小米SU7销量不错。", ("xiaomi", "xiaomi-su7")),
    ("華為今日發佈公告。這部Mate 70銷量不俗。", ("huawei", "huawei-mate-70")),
]

# A product of another maker, its brand written before it, after the released one is not released by
# this company ("小米发布的小米15与华为Mate 70正面竞争"); the same brand goes on with the list.
OTHER_MAKERS_PRODUCTS = [
    ("小米发布的小米15与华为Mate 70正面竞争。", {("xiaomi", "xiaomi-15")}),
    ("蘋果發表的iPhone 16與三星Galaxy S25同場較勁。", {("apple", "apple-iphone-16")}),
    ("华为推出Mate 70和华为MatePad Pro。", {("huawei", "huawei-mate-70"), ("huawei", "huawei-matepad-pro")}),
    ("華為推出Mate 70與華為MatePad Pro。", {("huawei", "huawei-mate-70"), ("huawei", "huawei-matepad-pro")}),
    # a product known to be another maker's, its brand inside its name; 首发 before a device noun names
    # the first device to carry what was launched, released by its own maker only
    ("联发科推出天玑9400和vivo X200。", {("mediatek", "mediatek-dimensity-9400")}),
    ("联发科推出新款旗舰芯片天玑9400，首发机型为vivo X200。", {("mediatek", "mediatek-dimensity-9400")}),
    ("高通發表驍龍8至尊版，首發機型為小米15。", {("qualcomm", "qualcomm-snapdragon-8-elite")}),
    ("蔚來推出全新品牌樂道，首發車型為樂道L60。", {("nio", "nio-onvo-l60")}),
]
NOT_OTHER_MAKERS_PRODUCTS = [
    ("小米发布的小米15与华为Mate 70正面竞争。", ("xiaomi", "huawei-mate-70")),
    ("蘋果發表的iPhone 16與三星Galaxy S25同場較勁。", ("apple", "samsung-galaxy-s25")),
    ("高通發表驍龍8至尊版，首發機型為小米15。", ("qualcomm", "xiaomi-15")),
    ("联发科推出新款旗舰芯片天玑9400，首发机型为vivo X200。", ("mediatek", "vivo-x200")),
]

# A seller's sale: a company going on sale with a product it does not make (its known maker is of another
# group) sells it, it does not release it ("中華電信今天宣布開賣iPhone 16"); a maker's own sale, or its
# subsidiary's ("小米汽车开售小米SU7"), is a release. A product named a platform is released ("發表Rubin平台").
SELLERS_AND_MAKERS = [
    ("小米汽车今日开售小米SU7。", {("xiaomi-auto", "xiaomi-su7")}),
    ("小米今日開賣小米15。", {("xiaomi", "xiaomi-15")}),
    ("蘋果今日開賣iPhone 16。", {("apple", "apple-iphone-16")}),
    ("輝達執行長黃仁勳在COMPUTEX發表Rubin平台。", {("nvidia", "nvidia-rubin")}),
    ("英伟达在GTC大会上发布Rubin平台。", {("nvidia", "nvidia-rubin")}),
]
NOT_SELLERS_AND_MAKERS = [
    ("中華電信今天宣布開賣iPhone 16。", ("chunghwa-telecom", "apple-iphone-16")),
    ("京东今日开售iPhone 16。", ("jd", "apple-iphone-16")),
    ("台灣大哥大推出iPhone 16資費方案。", ("taiwan-mobile", "apple-iphone-16")),
]

# Ninth round (c139-c162). A product coming back to a market ("重新在内地上架", "恢復上線") is no
# release; the same cue without the return word is.
RETURNS = [
    ("网易今日在海外上线《蛋仔派对》。", {("netease", "netease-eggy-party")}),
    ("網易旗下多款遊戲今日在內地上架，包括《逆水寒》和《蛋仔派對》。",
     {("netease", "netease-justice-mobile"), ("netease", "netease-eggy-party")}),
]
NOT_RETURNS = [
    ("網易宣佈，旗下多款遊戲將陸續重新在內地上架，包括《逆水寒》和《蛋仔派對》。", ("netease", "netease-eggy-party")),
    ("网易宣布，旗下多款游戏将陆续重新在内地上架，包括《逆水寒》和《蛋仔派对》。", ("netease", "netease-justice-mobile")),
    ("網易宣佈，《蛋仔派對》今日恢復上線。", ("netease", "netease-eggy-party")),
]
# A kind of product right before the quoted name of one ("第七代TPU「Ironwood」"): the name is released.
QUOTED_NAMES = [
    ("谷歌今年發表第七代TPU「Ironwood」。", {("google", "google-ironwood")}),
    ("谷歌今年发布第七代TPU“Ironwood”，并推出Gemini。", {("google", "google-ironwood"), ("google", "google-gemini")}),
    ("英偉達今日發表新一代GPU「Blackwell」。", {("nvidia", "nvidia-blackwell")}),
    # a list joiner between: both are released
    ("谷歌推出TPU和Gemini。", {("google", "google-tpu"), ("google", "google-gemini")}),
]
NOT_QUOTED_NAMES = [
    ("谷歌今年發表第七代TPU「Ironwood」。", ("google", "google-tpu")),
    ("谷歌今年发布第七代TPU“Ironwood”，并推出Gemini。", ("google", "google-tpu")),
]
# A date in brackets after the day word, as Hong Kong and Taiwan papers write it ("今日（26日）上線").
DATE_GLOSSES = [
    ("网易旗下新游《蛋仔派对》昨日（8日）在国内上线。", {("netease", "netease-eggy-party")}),
    ("米哈遊旗下新作《原神》今日（28日）正式上線。", {("mihoyo", "mihoyo-genshin-impact")}),
    ("小米SU7今日（3月28日）正式上市。", {("xiaomi", "xiaomi-su7")}),
]
NOT_DATE_GLOSSES = [
    ("米哈遊旗下新作《原神》今日（28日）將在PS5上線。", ("mihoyo", "mihoyo-genshin-impact")),
    ("网易旗下新游《蛋仔派对》昨日（8日）宣布延期上线。", ("netease", "netease-eggy-party")),
]
# A following sentence opening with 如今 / 如果 (or 即将) lists nothing: only 如 and 即 alone are "such as".
LIST_OPENERS = [
    ("小米昨日發布了多款新品。如小米15和小米15 Pro。", {("xiaomi", "xiaomi-15"), ("xiaomi", "xiaomi-15-pro")}),
]
NOT_LIST_OPENERS = [
    ("阿里巴巴宣布旗下菜鸟赴港上市。如今计划搁浅，淘宝与天猫照常运营。", ("alibaba", "alibaba-taobao")),
    ("阿里巴巴宣佈分拆菜鳥上市。如今計劃擱淺，淘寶將繼續與菜鳥合作。", ("cainiao", "alibaba-taobao")),
    ("小米宣布分拆小米汽车上市。如果成功，小米SU7的销量将更高。", ("xiaomi-auto", "xiaomi-su7")),
]
# A computing facility is built, not released: "由A打造" of a product named as one ("“飞桨”算力平台",
# "Taipei-1超級電腦") or referred back to as one ("该集群由腾讯打造") gives nothing.
FACILITIES = [
    ("飞桨平台由百度打造。", {("baidu", "baidu-paddlepaddle")}),
    ("混元大模型由腾讯打造。", {("tencent", "tencent-hunyuan")}),
]
NOT_FACILITIES = [
    ("混元大模型在“星脉”算力集群上训练，该集群由腾讯打造。", ("tencent", "tencent-hunyuan")),
    ("文心一言是在“飞桨”算力平台上訓練的，該平台由百度與浪潮共同打造。", ("baidu", "baidu-paddlepaddle")),
    ("文心一言是在“飞桨”算力平台上训练的，该平台由百度与浪潮共同打造。", ("inspur", "baidu-paddlepaddle")),
    ("“Taipei-1”超級電腦由輝達打造。", ("nvidia", "taipei-1")),
]
ROUND9 = RETURNS + QUOTED_NAMES + DATE_GLOSSES + LIST_OPENERS + FACILITIES
NOT_ROUND9 = NOT_RETURNS + NOT_QUOTED_NAMES + NOT_DATE_GLOSSES + NOT_LIST_OPENERS + NOT_FACILITIES

# Round 15 (c163-c186). A cue followed by a bare 后 is a time phrase ("P推出後預計會……"): the product
# before it is released, none after it; 后 starting a noun ("后续机型") still takes its object.
AFTER_LAUNCH = [
    ("小米15 发布后预计会带动小米14用户换机。", {("xiaomi", "xiaomi-15")}),
    ("華為Mate 70推出後銷量大增。", {("huawei", "huawei-mate-70")}),
    ("小米推出後續機型小米15。", {("xiaomi", "xiaomi-15")}),
]
NOT_AFTER_LAUNCH = [
    ("小米15 发布后预计会带动小米14用户换机。", ("xiaomi", "xiaomi-14")),
    ("華為Mate 70 推出後預計會吸引不少 Mate 60 用戶換機。", ("huawei", "huawei-mate-60")),
]
# A count and a category after two or more products released ("发布A和B两款手机：") sums up the list: the
# last product qualifies nothing, and the colon opens descriptions of the members, not more releases.
COUNTED_SUMMARIES = [
    ("小米今天发布小米15和小米15 Pro两款手机：小米15主打小屏，小米15 Pro续航更长。",
     {("xiaomi", "xiaomi-15"), ("xiaomi", "xiaomi-15-pro")}),
    ("華為今日發表Mate 70與Mate 70 Pro兩款新機：Mate 70 Pro主打影像。",
     {("huawei", "huawei-mate-70"), ("huawei", "huawei-mate-70-pro")}),
    # one product (a series) before the count: the count introduces its members after the colon
    ("小米发布Redmi K80系列两款新机：Redmi K80和Redmi K80 Pro。",
     {("xiaomi", "xiaomi-redmi-k80"), ("xiaomi", "xiaomi-redmi-k80-pro")}),
    ("華為發表Mate 70系列四款新機：Mate 70、Mate 70 Pro、Mate 70 Pro+和Mate 70 RS。",
     {("huawei", "huawei-mate-70"), ("huawei", "huawei-mate-70-pro"), ("huawei", "huawei-mate-70-pro-plus"),
      ("huawei", "huawei-mate-70-rs")}),
]
NOT_COUNTED_SUMMARIES = [
    ("小米發佈小米15與小米15 Pro兩款手機：小米15對標蘋果iPhone 16。", ("xiaomi", "apple-iphone-16")),
    ("华为发布Mate 70和Mate 70 Pro两款手机：Mate 70 Pro采用麒麟9020。", ("huawei", "huawei-kirin-9020")),
]
# The product a new one replaces or is set against, launched before ("接替去年推出的P", "相較前年發表的P"):
# a predecessor, not released in this story; a past launch said for itself is still read.
PREDECESSORS = [
    ("小米今天发布小米15，接替去年推出的小米14。", {("xiaomi", "xiaomi-15")}),
    ("華為發表Mate 70，相較前年發表的Mate 60，續航更長。", {("huawei", "huawei-mate-70")}),
    ("华为去年推出的Mate 60销量大增。", {("huawei", "huawei-mate-60")}),
]
NOT_PREDECESSORS = [
    ("小米今天发布小米15，接替去年推出的小米14。", ("xiaomi", "xiaomi-14")),
    ("華為發表Mate 70，相較前年發表的Mate 60，續航更長。", ("huawei", "huawei-mate-60")),
    ("蘋果iPhone 16接替去年推出的iPhone 15。", ("apple", "apple-iphone-15")),
]
# A joint act of making in a modifier before a product-first cue ("A与B联合打造的P正式上市"): both makers
# release; "合作打造" (with help), a plan or a rumour as before.
JOINT_MADE_MODIFIERS = [
    ("华为与赛力斯联合打造的问界M9今日正式上市。", {("huawei", "aito-m9"), ("seres", "aito-m9")}),
    ("華為與賽力斯聯合打造的問界M9今日正式上市。", {("huawei", "aito-m9"), ("seres", "aito-m9")}),
    ("小米與徠卡共同研發的小米15 Ultra今日開售。", {("xiaomi", "xiaomi-15-ultra"), ("leica", "xiaomi-15-ultra")}),
]
NOT_JOINT_MADE_MODIFIERS = [
    ("华为与赛力斯合作打造的问界M9今日上市。", ("seres", "aito-m9")),
    ("华为与赛力斯联合打造的问界M9将于明年上市。", ("huawei", "aito-m9")),
    ("據傳華為與賽力斯聯合打造的問界M9下月上市。", ("seres", "aito-m9")),
]
# What a launch unveils of a product, its specs and price ("揭曉P的完整規格與售價"), names the product; a
# product right before a device noun and the next name only qualifies it ("Android手机Pixel 9").
SPECS_AND_QUALIFIED_DEVICES = [
    ("谷歌今天揭晓了Android手机Pixel 9的售价。", {("google", "google-pixel-9")}),
    ("華碩正式揭曉Windows掌機ROG Ally X的完整規格與售價。", {("asus", "rogallyx")}),
    ("小米今天公布了小米15的售价。", {("xiaomi", "xiaomi-15")}),
]
NOT_SPECS_AND_QUALIFIED_DEVICES = [
    ("谷歌今天揭晓了Android手机Pixel 9的售价。", ("google", "google-android")),
    ("小米发布了小米15的竞品分析报告。", ("xiaomi", "xiaomi-15")),
    ("谷歌发布Pixel 9的保护壳Pixel Case。", ("google", "google-pixel-9")),
]
# A parent before 旗下 and a unit no name is found for ("A旗下的<unit>推出P"): the unit releases, not the
# parent; a generic unit noun ("旗下的天美工作室", "团队") is the parent's own.
OWNED_UNITS = [
    ("腾讯旗下的天美工作室推出了《王者荣耀》。", {("tencent", "tencent-honor-of-kings")}),
    ("騰訊旗下的光子工作室推出了《和平精英》。", {("tencent", "tencent-peacekeeper-elite")}),
    ("字节跳动旗下豆包今日发布耳机Ola Friend。", {("bytedance", "olafriend")}),
]
NOT_OWNED_UNITS = [
    ("宁德时代旗下的时代电服推出了“巧克力换电”品牌。", ("catl", "catl-choco-swap")),
    ("寧德時代旗下的時代電服今年推出了「巧克力換電」。", ("catl", "catl-choco-swap")),
]
# 揭晓 after the product, as 亮相 ("vivo X300系列昨晚揭晓"); a price, an award or a list revealed is none.
UNVEILED = [
    ("vivo X300系列昨晚揭晓，搭载天玑9500。", {("vivo", "vivo-x300")}),
    ("华为Mate 80系列今日正式揭晓。", {("huawei", "huawei-mate-80")}),
    ("OPPO Find X8 Ultra今日揭曉，主打影像。", {("oppo", "oppo-find-x8-ultra")}),
]
NOT_UNVEILED = [
    ("小米SU7价格揭晓，起售价21.59万元。", ("xiaomi", "xiaomi-su7")),
    ("年度手机大奖揭晓，小米15获得最佳影像奖。", ("xiaomi", "xiaomi-15")),
    ("华为Mate 70系列的售价今天揭晓。", ("huawei", "huawei-mate-70")),
]
# 由 and the maker with a description of its kind between (found on c211-c234): still made by it.
MADE_BY_DESCRIBED = [
    ("由上海游戏公司米哈游开发的游戏《崩坏：星穹铁道》今日正式上线。", {("mihoyo", "mihoyo-honkai-star-rail")}),
    ("这款由美国芯片公司英伟达打造的处理器Grace今天亮相。", {("nvidia", "nvidia-grace")}),
    ("由日本遊戲公司任天堂開發的遊戲《塞爾達傳說》今日發售。", {("nintendo", "塞尔达传说")}),
]
# A game's public launch ("正式公测"), its kind after the title ("《X》手游").
PUBLIC_LAUNCH = [
    ("网易的《永劫无间》手游今日正式公测。", {("netease", "netease-naraka")}),
    ("騰訊的《王者榮耀》今日正式公測。", {("tencent", "tencent-honor-of-kings")}),
]
# "开始销售" (goes on sale) and an announcer with a bare day before 宣布 ("佳能13日宣布，").
ON_SALE = [
    ("日本佳能（Canon）13 日宣布，奈米壓印微影設備 FPA-1200NZ2C 正式開始銷售。", {("canon", "fpa-1200nz2c")}),
    ("索尼宣布，新款相机 ZV-E10 II 正式开始销售。", {("sony", "zv-e10ii")}),
]
# 连发 ("launched in a row") before a counted list after a colon; a trade show after the company is no product.
IN_A_ROW = [
    ("小米一口气连发四款新品：小米15、小米15 Pro和Redmi K80。",
     {("xiaomi", "xiaomi-15"), ("xiaomi", "xiaomi-15-pro"), ("xiaomi", "xiaomi-redmi-k80")}),
    ("高通MWC 2024连发两款新品：骁龙X80 5G调制解调器与FastConnect 7900。",
     {("qualcomm", "qualcomm-snapdragon-x80"), ("qualcomm", "fastconnect7900")}),
]
NOT_MADE_BY_DESCRIBED = [
    ("由代工厂富士康组装的iPhone 16今日开售。", ("foxconn", "apple-iphone-16")),
    ("腾讯表示，《王者荣耀》新作预计明年正式公测。", ("tencent", "tencent-honor-of-kings")),  # planned
    ("苹果连发三道利空消息，iPhone 16销量下滑。", ("apple", "apple-iphone-16")),  # news, no launch
]
# Round 18 (classes from the c275-c294 misses): a bare 公布 before its object releases it unless a figure of
# the product follows ("公布iPhone 16销量"); a partner inside a modifier after the cue ("发布与X联合开发的P")
# leaves the subject releasing P; 代号 introduces the released name; a title that extends a listed game is a
# new one.
ANNOUNCED_AND_CO_MADE = [
    ("游戏科学今日公布《黑神话：钟馗》。", {("game-science", "黑神话:钟馗")}),
    ("網易今日公布《燕雲十六聲：江湖》。", {("netease", "燕云十六声:江湖")}),
    ("華碩今日公布ROG Phone 9，搭載驍龍8至尊版。", {("asus", "asus-rog-phone-9")}),
    ("vivo发布和蔡司联合研发的X100 Ultra。", {("vivo", "vivo-x100-ultra")}),
    ("鴻海今天發表與日本川崎重工共同開發的護理機器人Nurabot。", {("foxconn", "nurabot")}),
    ("AMD发布代号Strix Halo的锐龙AI Max处理器。", {("amd", "amd-ryzen-ai-max"), ("amd", "strixhalo")}),
]
# Found on c305-c314: products singled out by 其中 after a count of new products; a product launched "at the
# same event" (与P同场发布); the Latin gloss of a Chinese name no rule read; a Latin name after a sensor noun.
SINGLED_OUT_AND_SAME_STAGE = [
    ("華碩在CES展前記者會一口氣端出多款新品，其中最吸睛的是雙螢幕筆電Zenbook DUO。", {("asus", "asus-zenbook-duo")}),
    ("联想推出多款新品，其中包括ThinkPad X1 Carbon和Yoga Slim 7i。",
     {("lenovo", "lenovo-thinkpad-x1carbon"), ("lenovo", "yogaslim7i")}),
    ("小米推出首款AI眼镜，与小米YU7同场发布。", {("xiaomi", "xiaomi-yu7")}),
    ("華碩也發表ROG Phone 8系列，與Zenbook DUO同台亮相。", {("asus", "rogphone8"), ("asus", "asus-zenbook-duo")}),
    ("順豐旗下豐翼科技早前推出可載重50公斤的方舟150（ARK 150）。", {("phoenix-wings", "ark150")}),
    ("华为同步推出固态激光雷达、舱内激光视觉传感器Limera和分布式毫米波雷达。", {("huawei", "limera")}),
]
# Found on c295-c304: a manner word (公开, 全面) between a product and its cue; HK's 機械人 heads a name.
PUBLIC_DEBUT = [
    ("上市儀式上，優必選全新一代工業版人形機械人Walker S首度公開亮相。", {("ubtech", "ubtech-walker-s")}),
    ("小米的人形機械人CyberOne今日亮相。", {("xiaomi", "xiaomi-cyberone")}),
    ("宇树科技去年7月开售的Go2机器狗入门款仅售9997元。", {("unitree", "unitree-go2")}),
]
NOT_SINGLED_OUT_AND_SAME_STAGE = [
    ("商汤发布日日新5.0（SenseNova 5.0），苹果推出多款产品，其中iPhone 16最受关注。", ("apple", "apple-iphone-16")),
    ("滙豐在港推出「滙豐代幣化存款服務」（HSBC Tokenised Deposit Service）。", ("hsbc", "tokeniseddepositservice")),
]
NOT_ANNOUNCED_AND_CO_MADE = [
    ("苹果公布iPhone 16销量数据。", ("apple", "apple-iphone-16")),
    ("腾讯公布了微信的月活跃用户数。", ("tencent", "tencent-wechat")),
    ("華碩公布ROG Phone 9的出貨量。", ("asus", "asus-rog-phone-9")),
    ("华为推出与比亚迪竞争的问界M9。", ("byd", "aito-m9")),
]
# A count of models before a colon, then the list ("共有四款机型：A、B、C和D", "共兩款：A與B"; from c325-c334).
COUNTED_COLON_LISTS = [
    ("华为发布Pura 70系列，共有四款机型：Pura 70、Pura 70 Pro、Pura 70 Pro+和Pura 70 Ultra。",
     {("huawei", "huawei-pura-70"), ("huawei", "huawei-pura-70-pro"), ("huawei", "huawei-pura-70-pro-plus"),
      ("huawei", "huawei-pura-70-ultra")}),
    ("OPPO發表Find X8系列，共兩款：Find X8與Find X8 Pro。", {("oppo", "oppo-find-x8"), ("oppo", "oppo-find-x8-pro")}),
    ("荣耀今天推出Magic7系列，一共三款新机：Magic7、Magic7 Pro和Magic7 RSR。",
     {("honor", "honor-magic7"), ("honor", "honor-magic7-pro"), ("honor", "honor-magic7-rsr")}),
]
NOT_COUNTED_COLON_LISTS = [
    ("三星表示，市场上共有三款竞品：华为Mate X6、荣耀Magic V3和vivo X Fold3。", ("huawei", "huawei-mate-x6")),
]
# An event named with a product in it ("在鸿蒙生态春季沟通会上发布"; from c325-c334) is where, not a platform.
EVENT_VENUES_NAMED_FOR_PRODUCTS = [
    ("4月11日，联想在拯救者电竞生态沟通会上发布新款ThinkPad X1 Carbon。", {("lenovo", "lenovo-thinkpad-x1carbon")}),
    ("華為在鴻蒙生態大會上發表MatePad Pro 13.2。", {("huawei", "huawei-matepad-pro-13.2")}),
    ("小米在澎湃OS开发者大会上推出小米15。", {("xiaomi", "xiaomi-15")}),
]
NOT_EVENT_VENUES_NAMED_FOR_PRODUCTS = [
    ("DeepSeek-R1在Amazon Bedrock中上线。", ("amazon", "deepseek-r1")),
]
# A version word between the product and its cue ("DeepSeek-V3首个版本上线", "GLM-4.5預覽版正式上線"; from
# c335-c354); a kind of device before a Latin name is no part of it ("商務筆電Prestige 16 AI Evo").
VERSION_BEFORE_CUE = [
    ("深度求索（DeepSeek）26日晚间宣布，全新系列模型DeepSeek-V3首个版本上线并同步开源。", {("deepseek", "deepseek-v3")}),
    ("月之暗面宣布，Kimi K2的首个版本今日上线。", {("moonshot-ai", "moonshot-kimi-k2")}),
    ("智譜宣布GLM-4.5預覽版正式上線。", {("zhipu-ai", "zhipu-glm-4-5")}),
    ("腾讯表示，混元T1最新版本已上线。", {("tencent", "tencent-hunyuan-t1")}),
    ("微星也推出商務筆電Prestige 16 AI Evo。", {("msi", "prestige16aievo")}),
]
# A name LAC reads as an organisation right after 推出/发布 is what was launched ("联合推出易信"; from c335-c354).
LAUNCHED_ORG_NAMES = [
    ("2013年，中国电信与网易联合推出易信，同样未能撼动微信的地位。", {("china-telecom", "易信"), ("netease", "易信")}),
]
# A list member with a modifier naming a base and its kind ("以及基于Arm架构的通用处理器Azure Cobalt 100", "和基于Arm
# 架构的服务器CPU Cobalt 100"): the product after the kind is released too, the base's owner is no releaser (c355-c374).
MODIFIED_LIST_MEMBERS = [
    ("微软正式揭晓两款自研芯片：面向云端人工智能训练与推理的加速器Azure Maia 100，以及基于Arm架构的通用处理器Azure Cobalt 100。",
     {("microsoft", "microsoft-maia-100"), ("microsoft", "microsoft-cobalt-100")}),
    ("同一场大会上，微软还发布了两款自研芯片——AI加速器Maia 100和基于Arm架构的服务器CPU Cobalt 100。",
     {("microsoft", "microsoft-maia-100"), ("microsoft", "microsoft-cobalt-100")}),
    ("华为推出的Mate 40系列搭载5nm制程的麒麟9000。", {("huawei", "huawei-mate-40")}),
]
# 双方 in the modifier of a product-first cue after two companies announced it jointly: both release it; a product
# a new system is fitted into is not released ("将首先搭载于宝马全新iX3"; from c375-c394).
BOTH_MADE_AND_FITTED_INTO = [
    ("德国慕尼黑国际车展期间，高通（QCOM.O）与宝马集团联合宣布，双方历时三年共同开发的自动驾驶系统骁龙Ride Pilot正式推出，将首先搭载于宝马全新iX3。",
     {("bmw", "骁龙ridepilot"), ("qualcomm", "骁龙ridepilot")}),
    ("华为与赛力斯宣布，双方联合打造的问界M9正式上市。", {("huawei", "aito-m9"), ("seres", "aito-m9")}),
    ("该系统将应用于小米新款SU7。", set()),
]
# A count and a product named as the kind of what is counted, then the list ("推出兩款Copilot+ PC，分別為A及B"): the
# list's members are released, not the kind; a Latin name before 由, a maker described by its seat and a release verb
# is the maker's product ("Apollo由總部位於德州的Apptronik於去年8月推出"; from c395-c414).
KIND_BEFORE_LIST_AND_MADE_BY = [
    ("聯想集團周一推出兩款Copilot+ PC，分別為消費級的Yoga Slim 7x及商用的ThinkPad T14s Gen 6。",
     {("lenovo", "lenovo-yoga-slim-7x"), ("lenovo", "lenovo-thinkpad-t14sgen6")}),
    ("华为发布两款Mate 70：Mate 70 Pro和Mate 70 Pro+。",
     {("huawei", "huawei-mate-70-pro"), ("huawei", "huawei-mate-70-pro-plus")}),
    ("Apollo由總部位於美國德州奧斯汀的Apptronik於去年8月推出，身高約1.73米。", {("apptronik", "apollo")}),
    ("《黑神话：悟空》由来自杭州的游戏科学开发。", {("game-science", "game-science-black-myth-wukong")}),
]
# A count of devices before a product and a device noun ("多款Core Ultra筆電", "三款骁龙8至尊版手机"): the devices
# carry the product; a count of the product's own kind does not ("两款M4芯片").
COUNTED_DEVICES = [
    ("苹果发布两款M4芯片。", {("apple", "apple-m4")}),
    ("華碩同日發表Zenbook 14 OLED等多款Core Ultra筆電。", {("asus", "zenbook14oled")}),  # OLED: the screen variant
    ("华硕推出Vivobook S 15 OLED和Zenbook 14 OLED。", {("asus", "vivobooks15oled"), ("asus", "zenbook14oled")}),
]
NOT_COUNTED_DEVICES = [
    ("联想推出多款酷睿Ultra笔记本。", ("lenovo", "intel-core-ultra")),
    ("小米一口气发布三款骁龙8至尊版手机。", ("xiaomi", "qualcomm-snapdragon-8-elite")),
    ("華碩同日發表Zenbook 14 OLED等多款Core Ultra筆電。", ("asus", "intel-core-ultra")),
]
# Eleventh round (c415-c454): the one a release event singled out in the next sentence ("其中最吸睛的是P"); an
# edition as the object after the product ("Trae正式推出国内版"); a count of models before the list; a product
# referred back to ("发布了这一自研大模型", "“P”，这是A推出的……"); a platform launching its own ("蝦皮購物推出自家…P"
# is its owner's); a Latin name glossed as a product ("COUPE（…引擎）"). Not: a platform putting another maker's model
# online, a demonstrative with nothing before it.
ROUND19 = [
    ("華碩昨日舉行新品發表會，端出多款新機。其中最吸睛的是Zenbook DUO。", {("asus", "asus-zenbook-duo")}),
    ("小米召开新品发布会，带来三款新机。其中包括小米14 Ultra。", {("xiaomi", "xiaomi-14-ultra")}),
    ("3月3日，字节跳动旗下AI原生集成开发环境（IDE）Trae正式推出国内版，面向国内开发者开放下载。",
     {("bytedance", "bytedance-trae")}),
    ("阿里巴巴正式发布新一代通义千问模型Qwen3系列，共8款模型，包括2款MoE模型Qwen3-235B-A22B、Qwen3-30B-A3B。",
     {("alibaba", "alibaba-qwen"), ("alibaba", "alibaba-qwen3"), ("alibaba", "alibaba-qwen3-30b-a3b"),
      ("alibaba", "alibaba-qwen3-a22b")}),
    ("星海大模型并不是新面孔。2023年，海信在其技术大会上发布了这一自研大模型，此后陆续用于电视。", {("hisense", "星海")}),
    ("“超级小爱”，这是小米在发布会上推出的新一代AI助手。", {("xiaomi", "xiaomi-super-xiaoai")}),
    ("蝦皮購物先前已推出自家電子支付服務ShopeePay，PChome亦積極搶客。", {("shopee", "shopeepay")}),
    ("台積電今年4月在北美技術論壇揭曉COUPE（緊湊型通用光子引擎），預計2025年完成驗證。", {("tsmc", "coupe")}),
    # two cues next to each other are two ("发布会推出"); a brand inside another product's name is no releaser
    ("宁德时代通过线上发布会推出第三代CTP技术——麒麟电池。", {("catl", "catl-qilin-battery")}),
    ("Mavic 3 Cine支援Apple ProRes 422 HQ編碼，同捆新推出的DJI RC Pro帶屏遙控器。", {("dji", "rcpro")}),
    # a company named before 架构 in the object describes it; 首批包括 opens a list of the models (c475-c494)
    ("1月7日，华为在深圳发布了一款面向数据中心的ARM架构处理器——鲲鹏920（Kunpeng 920）。", {("huawei", "huawei-kunpeng-920")}),
    ("华为发布TaiShan服务器，首批包括均衡型TaiShan 2280、存储型TaiShan 5280和高密型TaiShan X6000三款机型。",
     {("huawei", "taishan"), ("huawei", "taishan2280"), ("huawei", "taishan5280"), ("huawei", "taishanx6000")}),
    ("国内方面，字节跳动本周开源了图形界面智能体模型UI-TARS。", {("bytedance", "bytedance-ui-tars")}),
    ("阿里云宣布将通义千问2.5上架百炼平台。", {("alibaba-cloud", "alibaba-qwen2-5")}),  # its own product
    ("华为正式发布Mate 60，同场还有MatePad Pro。", {("huawei", "huawei-mate-60"), ("huawei", "huawei-matepad-pro")}),
]
NOT_ROUND19 = [
    ("模型发布当天，阿里云旗下的魔搭社区（ModelScope）即上线了Baichuan 2全系列模型。", ("alibaba-cloud", "baichuan-2")),
    ("亞馬遜宣布將DeepSeek-R1上架雲端平台Amazon Bedrock。", ("amazon", "deepseek-r1")),
    ("中華電信開賣iPhone 16。", ("chunghwa-telecom", "apple-iphone-16")),
]
# Twelfth round: a game made by one company and published by another ("由A开发、B代理的《X》") is both
# companies' release; a market's server is an edition before a product-first cue ("《X》国服正式上线"); a title after a
# launch ("此前推出的《X》") or a company's 旗下 is its game.
ROUND20 = [
    ("由暴雪开发、网易代理的《炉石传说》今日正式上线。", {("blizzard-entertainment", "blizzard-hearthstone"),
                                             ("netease", "blizzard-hearthstone")}),
    ("由Nexon研發、騰訊獨家代理的《跑跑卡丁車》手遊今日正式上線。", {("nexon", "跑跑卡丁车"), ("tencent", "跑跑卡丁车")}),
    ("由拳头游戏研发、腾讯代理运营的《英雄联盟手游》国服正式开启公测。", {("riot-games", "riot-wild-rift"),
                                                   ("tencent", "riot-wild-rift")}),
    ("騰訊宣布，《英雄聯盟手遊》台服今日上線。", {("tencent", "riot-wild-rift")}),
    ("网易此前推出的《永劫无间》在海外颇受欢迎。", {("netease", "netease-naraka")}),
    ("Krafton此前推出的《絕地求生》及《新世界》在台表現亮眼。", {("krafton", "krafton-pubg"), ("krafton", "新世界")}),
    ("大宇資訊（6111）今日宣布，旗下遊戲續作《仙劍奇俠傳八》正式上線。", {("softstar", "仙剑奇侠传八")}),
    # products listed before a product-first cue, each after a brand of its own, are each brand's release; adverbs
    # of sequence or scope (相继, 都, 均) stand between; an edition after 的 is the product's release
    ("三星Galaxy Z Flip和华为Mate Xs今年初相继上市。", {("samsung", "galaxyzflip"), ("huawei", "matexs")}),
    ("極氪7X和蔚來旗下樂道L60都在本月上市。", {("zeekr", "zeekr-7x"), ("nio", "nio-onvo-l60")}),
    ("此前百度的文心一言、阿里巴巴的通义千问均已全面上线。", {("baidu", "baidu-ernie-bot"), ("alibaba", "alibaba-qwen")}),
    ("小米14和小米14 Pro今日均已开售。", {("xiaomi", "xiaomi-14"), ("xiaomi", "xiaomi-14-pro")}),
    ("Mistral AI还推出了对话助手Le Chat的测试版。", {("mistral-ai", "mistral-le-chat")}),
    ("智譜隨後推出了GLM-4的開源版。", {("zhipu-ai", "zhipu-glm-4")}),
    # a listed series glued to a model number is that model; a series' members after 共分/分为 and a count
    ("努比亞上週才發表紅魔6，主打165Hz螢幕。", {("nubia", "红魔6")}),
    ("華碩推出ROG Phone 5系列，共分ROG Phone 5、ROG Phone 5 Pro及ROG Phone 5 Ultimate三款。",
     {("asus", "rogphone5"), ("asus", "rogphone5pro"), ("asus", "rogphone5ultimate")}),
    ("小米发布小米15系列，分为小米15和小米15 Pro两款。", {("xiaomi", "xiaomi-15"), ("xiaomi", "xiaomi-15-pro")}),
    ("华为发布了云数据库GaussDB。", {("huawei", "huawei-gaussdb")}),
    # what is built on a released product, after a quoted name and 以及, is released with it; a version is its own product
    ("燧原科技发布训练芯片“邃思2.0”，以及基于该芯片打造的加速卡云燧T20。", {("enflame", "enflame-suisi-2"),
                                                           ("enflame", "enflame-yunsui-t20")}),
    # a model number a Latin brand names is no measure ("Xiaomi 14T"), nor is it dropped from the key ("14T Pro")
    ("小米昨晚推出Xiaomi 14T系列，包括Xiaomi 14T及Xiaomi 14T Pro兩款手機。", {("xiaomi", "14t"), ("xiaomi", "14tpro")}),
    # a product of an unnamed brand of the group the article names is the group's release (仰望 is BYD's)
    ("比亚迪召开发布会。当晚上市的是一款纯电超跑，名为仰望U9，售价168万元。", {("byd", "yangwang-u9")}),
    ("比亞迪舉行發表會。當晚發表的是純電超跑仰望U9。", {("byd", "yangwang-u9")}),
    # what appears at the same event as a joint release is both parties' release; a title sold the same day is a game
    ("华为与奇瑞联合发布新品牌智界，首款车型智界S7同时亮相。", {("chery", "luxeed-s7"), ("huawei", "luxeed-s7")}),
    ("同日發售的《薩爾達傳說 織夢島》由Grezzo開發、任天堂發行。", {("grezzo", "萨尔达传说织梦岛"),
                                                 ("nintendo", "萨尔达传说织梦岛")}),
]
NOT_ROUND20 = [
    ("由拳头游戏开发的《英雄联盟》端游在国内一直由腾讯代理。", ("tencent", "riot-league-of-legends")),
    ("据商务部《中国禁止出口限制出口技术目录》，字节跳动须申请许可。", ("bytedance", "中国禁止出口限制出口技术目录")),
    ("此前百度的文心一言、科大讯飞的讯飞星火均已面向部分用户开放测试。", ("baidu", "baidu-ernie-bot")),
    ("三星Galaxy Fold和华为Mate X去年相继上市。", ("samsung", "huawei-mate-x")),
    ("努比亚推出红魔2款新机。", ("nubia", "红魔2")),
    ("华为开源了openGauss。", ("huawei", "huawei-gaussdb")),
    ("小米发布了小米14，华为Mate 60同步亮相。", ("xiaomi", "huawei-mate-60")),
]
# Thirteenth round: open-sourcing after an adverb of order or time ("率先开源", "先后开源"); what was released
# along with the sentence before's product ("与之一同开源的，还有A", "同场亮相的还有B") is the earlier releaser's; a
# Latin name after a kind of software (套件, 框架) is a product; a byline's outlet releases nothing.
ROUND21 = [
    ("阿里云开源了Qwen-72B。与之一同开源的，还有小尺寸模型Qwen-1.8B以及音频理解大模型Qwen-Audio。",
     {("alibaba-cloud", "alibaba-qwen-72b"), ("alibaba-cloud", "alibaba-qwen-1.8b"), ("alibaba-cloud", "alibaba-qwen-audio")}),
    ("智谱今日正式开源GLM-4-9B。与此一同开源的，还有多模态模型GLM-4V-9B。",
     {("zhipu-ai", "zhipu-glm-4-9b"), ("zhipu-ai", "zhipu-glm-4v-9b")}),
    ("8月，阿里云率先开源70亿参数的Qwen-7B和视觉语言模型Qwen-VL。",
     {("alibaba-cloud", "alibaba-qwen-7b"), ("alibaba-cloud", "alibaba-qwen-vl")}),
    ("零一万物先后开源Yi-6B和Yi-34B。", {("01-ai", "01-ai-yi-6b"), ("01-ai", "01-ai-yi-34b")}),
    ("百度同步推出了开发套件ERNIEKit和大模型高效部署套件FastDeploy。", {("baidu", "erniekit"), ("baidu", "fastdeploy")}),
    ("澎湃新闻记者 秦川　11月6日，零一万物发布Yi-34B。公司同时放出了Yi-34B-200K。",
     {("01-ai", "01-ai-yi-34b"), ("01-ai", "01-ai-yi-34b-200k")}),
    # a series referred back to ("该系列包括") lists the members of the one just released
    ("vivo昨日發表X100系列。這個系列共分X100與X100 Pro兩款機型。", {("vivo", "vivo-x100"), ("vivo", "vivo-x100-pro")}),
    ("华为发布了Mate 60系列。该系列包括Mate 60和Mate 60 Pro两款机型。",
     {("huawei", "huawei-mate-60"), ("huawei", "huawei-mate-60-pro")}),
    ("座舱则预装小鹏10月在AI科技日上发布的AI天玑系统。", {("xpeng", "xpeng-ai-tianji")}),
    # the sole publisher 由 names, of a title launched in the same sentence; a dateline's outlet releases nothing
    ("5月21日，由腾讯游戏独家代理的手游《地下城与勇士：起源》正式上线。", {("tencent", "neople-dnf-mobile")}),
    ("由網易代理的《暗黑破壞神：永生不朽》手遊今日開放下載。", {("netease", "暗黑破坏神:永生不朽")}),
    ("中关村在线11月7日消息 今天下午，vivo与三星电子在北京联合举办发布会，共同推出芯片Exynos 980。",
     {("samsung", "samsung-exynos-980"), ("vivo", "samsung-exynos-980")}),
    # a joint act opening a clause of its own: the pair the sentence just read releases (a kind named in
    # descriptors and standards, "双模5G AI", is no product)
    ("vivo与三星电子在北京联合举办发布会，共同推出双模5G AI芯片Exynos 980。",
     {("samsung", "samsung-exynos-980"), ("vivo", "samsung-exynos-980")}),
    ("小米與徠卡簽署戰略合作協議，聯合推出影像旗艦小米12S Ultra。",
     {("leica", "xiaomi-12s-ultra"), ("xiaomi", "xiaomi-12s-ultra")}),
    # products listed with what kind each is around the joiner; a series' count before a colon and its members
    ("华为举办春季旗舰新品发布会。P60系列影像旗舰与新一代折叠屏手机Mate X3同台揭晓。P60系列共三款：P60、P60 Pro和P60 Art。",
     {("huawei", "huawei-mate-x3"), ("huawei", "huawei-p60"), ("huawei", "huawei-p60-pro"), ("huawei", "huawei-p60-art")}),
    ("小米14旗舰与平板小米Pad 6今日同步开售。", {("xiaomi", "xiaomi-14"), ("xiaomi", "pad6")}),
    # a sentence counting off the event's new products names the subject's release
    ("vivo举行春季新品发布会。第二款新品是7英寸大屏直板手机X Note，同样搭载骁龙8 Gen1。", {("vivo", "xnote")}),
    ("华为发布Mate 70。另一款新品则为MatePad Pro。", {("huawei", "huawei-mate-70"), ("huawei", "huawei-matepad-pro")}),
    # where a maker released something stands between it and its verb; a place the subject is at is no head;
    # a title a company developed itself (自研的) is its game
    ("蓝河操作系统由vivo在本月初举行的2023 vivo开发者大会上发布，系统框架采用Rust语言编写。", {("vivo", "vivo-blueos")}),
    ("電動車大廠特斯拉10日晚間在加州柏本克的華納兄弟片場舉行發表會，執行長馬斯克搭乘雙門車登場，正式發表自動駕駛計程車Cybercab。",
     {("tesla", "tesla-cybercab")}),
    ("今年1月，字节跳动自研的《航海王热血航线》正式上线。", {("bytedance", "航海王热血航线")}),
    # a product's edition for a platform ("X的iOS应用") launches the product, not the platform
    ("OpenAI宣布，ChatGPT的iOS应用正式上架苹果App Store，首批仅面向美国用户开放。", {("openai", "openai-chatgpt")}),
    ("微软宣布，Windows的Copilot应用今日上线。", {("microsoft", "microsoft-copilot")}),
    ("日本記憶體大廠鎧俠（Kioxia）與美國威騰電子（Western Digital）共同發表快閃記憶體技術BiCS8。",
     {("kioxia", "bics8"), ("western-digital", "bics8")}),
]
NOT_ROUND21 = [
    ("荣耀发布Magic7。同时亮相的还有OPPO的Find X8。", ("honor", "oppo-find-x8")),
    ("騰訊發表混元T1。同場亮相的還有DeepSeek的R1。", ("tencent", "deepseek-r1")),
    ("华为开源了openGauss。", ("huawei", "huawei-gaussdb")),
    ("小米上市了小米14。苹果的iPhone 15系列包括iPhone 15和iPhone 15 Pro两款。", ("xiaomi", "apple-iphone-15")),
    ("座舱则预装小鹏10月在AI科技日上发布的AI天玑系统。", ("xpeng", "mediatek-dimensity")),
    ("由腾讯代理的《英雄联盟》在国内拥有大量玩家。", ("tencent", "riot-league-of-legends")),
    ("今日，比亚迪秦PLUS荣耀版与驱逐舰05荣耀版同步上市。", ("honor", "秦plus荣耀版")),
    ("首款搭载骁龙X Elite的ThinkPad T14s亮相。", ("qualcomm", "qualcomm-snapdragon-x-elite")),
    ("vivo X100系列共两款：X100與X100 Pro。", ("vivo", "vivo-x100-pro")),
    ("小米发布小米15。第二款新品是苹果的iPhone 16。", ("xiaomi", "apple-iphone-16")),
    ("電動車大廠特斯拉10日晚間在加州柏本克的華納兄弟片場舉行發表會，正式發表自動駕駛計程車Cybercab。",
     ("warner-bros-discovery", "tesla-cybercab")),    ("OpenAI宣布，ChatGPT的iOS应用正式上架苹果App Store。", ("apple", "apple-ios")),
]
# Fourteenth round: a weekday or a bracketed day between a product and its cue; a licensor in a modifier
# before the product is no releaser.
ROUND22 = [
    ("網易旗下新作《逆水寒》手遊本週五全球上線。", {("netease", "netease-justice-mobile")}),
    ("華碩新機ROG Phone 8本週四（18日）在台開賣。", {("asus", "rogphone8")}),
    ("小米新款平板小米Pad 6星期五开售。", {("xiaomi", "pad6")}),
    ("网易本月初在Steam上线了获漫威授权开发的《漫威争锋》。", {("netease", "netease-marvel-rivals")}),
    ("網易推出獲漫威授權開發的《漫威爭鋒》。", {("netease", "netease-marvel-rivals")}),
    # a relative clause's own subject after 与 (compared with it), a past time between; a source after 从 is no releaser
    ("华为这款眼镜并不做显示，与谷歌早年推出的Google Glass走的是完全不同的路线。", {("google", "glass")}),
    ("小米这款手机与苹果去年发布的iPhone 15定位相近。", {("apple", "apple-iphone-15")}),
    ("目前，Meta与依视路陆逊梯卡推出的Ray-Ban Meta智能眼镜在海外销量不俗。", {("meta", "meta-ray-ban")}),
    ("榮耀從華為獨立後推出的首款旗艦V40今日開賣。", {("honor", "honor-v40")}),
    # a brand's series between the cue and the product says which line it is in
    ("华为正式推出HarmonyOS 3，并同场发布问界系列第二款车型问界M7。",
     {("huawei", "huawei-harmonyos-3"), ("huawei", "aito-m7")}),
    ("比亚迪发布王朝系列新车汉L。", {("byd", "byd-han-l")}),
    # the maker's brand and what kind between the cue and the product; a topic company before its new work
    ("小米正式发布小米首款车型SU7。", {("xiaomi", "xiaomi-su7")}),
    ("华为发布旗舰手机Mate 30。同场亮相的还有华为平板新品MatePad Pro。",
     {("huawei", "huawei-mate-30"), ("huawei", "huawei-matepad-pro")}),
    ("米哈游，新作《绝区零》今日全球上线。", {("mihoyo", "mihoyo-zenless-zone-zero")}),
    ("以恐怖遊戲《返校》打響名號的台灣遊戲團隊赤燭遊戲，新作《九日》今天在Steam平台正式上市。", {("red-candle", "九日")}),
    # whom a product is for ("专为……而设的") is no release; a generation after a model names another model
    ("高通周二舉行年度峰會，推出專為Windows手提電腦而設的Snapdragon X Elite處理器。",
     {("qualcomm", "qualcomm-snapdragon-x-elite")}),
    ("英伟达发布GR00T。与GR00T一同亮相的，还有专为机器人设计的计算平台Jetson Thor，以及机器人学习框架Isaac Lab。",
     {("nvidia", "nvidia-isaac-gr00t"), ("nvidia", "nvidia-jetson-thor"), ("nvidia", "nvidia-isaac-lab")}),
    ("三星本月發表Galaxy S10 5G，華為則推出摺疊手機Mate X。", {("samsung", "galaxys105g"), ("huawei", "matex")}),
    ("京东则在去年9月上线了社交电商平台京喜，并借助微信一级入口获取流量。", {("jd", "jd-jingxi")}),
    # members of a series released in the sentence, named after it with their price or sale
    ("輝達昨晚正式發表GeForce RTX 40系列顯示卡，旗艦款RTX 4090美國建議售價1,599美元，將於10月12日上市；"
     "RTX 4080則分為16GB與12GB兩種版本，11月開賣。",
     {("nvidia", "geforcertx40"), ("nvidia", "nvidia-geforce-rtx-4090"), ("nvidia", "nvidia-geforce-rtx-4080")}),
    ("华为发布Mate 70系列，Mate 70 Pro售价6499元起，苹果iPhone 16售价5999元。",
     {("huawei", "huawei-mate-70"), ("huawei", "huawei-mate-70-pro")}),
]
NOT_ROUND22 = [
    # an unnamed head after 推出的 is what is released, not what a linking verb names after it
    ("聯發科預計，年底推出的新一代旗艦行動晶片將針對Llama 2進行最佳化。", ("mediatek", "meta-llama-2")),
    ("联发科推出的新款芯片将针对Llama 2进行优化。", ("mediatek", "meta-llama-2")),
    ("华为这款眼镜并不做显示，与谷歌早年推出的Google Glass走的是完全不同的路线。", ("huawei", "glass")),
    ("榮耀從華為獨立後推出的首款旗艦V40今日開賣。", ("huawei", "honor-v40")),
    ("Azure的模型目录中也早已上架Meta的Llama 2等开源模型。", ("meta", "meta-llama-2")),
    ("小米发布小米15系列，小米15 Ultra则要等到明年。", ("xiaomi", "xiaomi-15-ultra")),
    ("輝達推出GeForce RTX 50系列顯示卡，華碩新筆電將搭載筆電版RTX 50系列GPU，預計第一季上市。", ("nvidia", "rtx50")),
    ("華碩去年推出的ROG Ally與聯想的Legion Go則採用超微晶片。", ("asus", "lenovo-legion-go")),
    ("華碩去年推出的ROG Ally與聯想的Legion Go則採用超微晶片。", ("lenovo", "lenovo-legion-go")),
    ("网易本月初在Steam上线了获漫威授权开发的《漫威争锋》。", ("marvel-entertainment", "netease-marvel-rivals")),
    ("網易推出獲漫威授權開發的《漫威爭鋒》。", ("marvel-entertainment", "netease-marvel-rivals")),
]
ROUND15 = (MADE_BY_DESCRIBED + PUBLIC_LAUNCH + ON_SALE + IN_A_ROW + AFTER_LAUNCH + COUNTED_SUMMARIES + PREDECESSORS + JOINT_MADE_MODIFIERS + SPECS_AND_QUALIFIED_DEVICES
           + OWNED_UNITS + UNVEILED + ANNOUNCED_AND_CO_MADE + SINGLED_OUT_AND_SAME_STAGE
           + PUBLIC_DEBUT + COUNTED_COLON_LISTS + EVENT_VENUES_NAMED_FOR_PRODUCTS + VERSION_BEFORE_CUE + COUNTED_DEVICES
           + LAUNCHED_ORG_NAMES + MODIFIED_LIST_MEMBERS + BOTH_MADE_AND_FITTED_INTO + KIND_BEFORE_LIST_AND_MADE_BY)
NOT_ROUND15 = (NOT_MADE_BY_DESCRIBED + NOT_AFTER_LAUNCH + NOT_COUNTED_SUMMARIES + NOT_PREDECESSORS + NOT_JOINT_MADE_MODIFIERS
               + NOT_SPECS_AND_QUALIFIED_DEVICES + NOT_OWNED_UNITS + NOT_UNVEILED + NOT_ANNOUNCED_AND_CO_MADE
               + NOT_SINGLED_OUT_AND_SAME_STAGE + NOT_COUNTED_COLON_LISTS + NOT_EVENT_VENUES_NAMED_FOR_PRODUCTS
               + NOT_COUNTED_DEVICES)


# Round 23: a launch event a company holds, named after the product
ROUND23 = [
    ("科大讯飞举行星火认知大模型V3.5升级发布会。", {("iflytek", "iflytek-spark-3-5")}),
    ("小米今晚在北京举行小米14系列发布会。", {("xiaomi", "xiaomi-14")}),
    ("華碩今天舉辦ROG Phone 8發表會。", {("asus", "rogphone8")}),
    ("华为召开了一场Mate 60发布会。", {("huawei", "huawei-mate-60")}),
    ("OPPO今天在深圳召开Find X8系列全球发布会。", {("oppo", "oppo-find-x8")}),
    # a clause opening on "与B" after an announcer: both made it; the first product of a line just released
    ("文远知行宣布，与联想联合打造的计算平台HPC 3.0正式发布。", {("weride", "hpc3.0"), ("lenovo", "hpc3.0")}),
    ("文遠知行宣布，與聯想聯合打造的運算平台HPC 3.0正式發表。", {("weride", "hpc3.0"), ("lenovo", "hpc3.0")}),
    ("楷登电子推出Millennium多物理场平台，首款产品为Millennium M1超级计算机。",
     {("cadence", "millennium"), ("cadence", "millenniumm1")}),
    # the start of mass production a maker announces
    ("三星电子今日宣布，已开始量产第九代V-NAND闪存。", {("samsung", "samsung-v-nand")}),
    ("三星電子宣布已開始量產第9代V-NAND。", {("samsung", "samsung-v-nand")}),
    # what came out besides, before a product-first cue; 亦 and 同场 before it; a list sharing one maker; 它 for the
    # product the sentence before named
    ("三星電子昨晚舉行發佈會，除了摺疊手機Galaxy Z Fold3及Z Flip3，全新智能手錶Galaxy Watch4亦同場推出。",
     {("samsung", "samsung-galaxy-z-fold3"), ("samsung", "samsung-galaxy-z-flip3"), ("samsung", "galaxywatch4")}),
    ("三星电子昨晚举行发布会，除了折叠手机Galaxy Z Fold3，全新智能手表Galaxy Watch4也同场推出。",
     {("samsung", "samsung-galaxy-z-fold3"), ("samsung", "galaxywatch4")}),
    ("联想旗下摩托罗拉今晚召开发布会。moto X30 Pro、moto razr 2022两款旗舰同晚亮相。",
     {("motorola", "motorola-razr-2022"), ("motorola", "motox30pro")}),
    ("一款名为Razer Edge的安卓游戏掌机正式亮相。它由游戏外设品牌雷蛇（Razer）推出。", {("razer", "edge")}),
    ("一款名為Razer Edge的掌機正式亮相。它由雷蛇推出。", {("razer", "edge")}),
    # games: the maker's unit publishing, 开服, an early-access edition, a title holding "！"; a venue abroad and
    # local time before a product-first cue; 对外开源; a family's model for one field
    ("由莉莉丝游戏开发、旗下Farlight Games发行的《剑与远征：启程》今日在全球上线。",
     {("farlightgames", "剑与远征:启程"), ("lilith-games", "剑与远征:启程")}),
    ("西山居旗下游戏《尘白禁区》今日正式开服。", {("seasun", "尘白禁区")}),
    ("Krafton旗下生活模擬遊戲《inZOI》於3月28日在Steam推出搶先體驗版。", {("krafton", "krafton-inzoi")}),
    ("任天堂Switch獨佔大作《集合啦！動物森友會》20日在全球同步發售。", {("nintendo", "nintendo-animal-crossing-new-horizons")}),
    ("谷歌（GOOGL.O）云游戏服务Stadia于当地时间19日在美国、英国、加拿大等14个国家正式上线。", {("google", "stadia")}),
    ("微众银行对外开源联邦学习框架FATE。", {("webank", "fate")}),
    ("华为发布盘古气象大模型。", {("huawei", "盘古气象")}),
    # an event's short name in brackets before 上: a venue, not a platform hosting the product
    ("联发科今日在天玑开发者大会（MDDC 2024）上发布芯片天玑9300+。", {("mediatek", "mediatek-dimensity-9300-plus")}),
    # a market as the cue's object: where the product named before goes
    ("華為昨日在杜拜舉行發佈會，將摺機Mate X6推出國際市場。", {("huawei", "huawei-mate-x6")}),
    ("华为昨日在迪拜举行发布会，将折叠机Mate X6推出海外市场。", {("huawei", "huawei-mate-x6")}),
    # 公司 with adverbs of time before the cue refers back to the company the story is about, not the products' brand
    ("賽力斯前身為重慶小康，2021年與華為合作推出問界品牌。公司至今已推出問界M5、問界M7及問界M9三款車型。",
     {("seres", "aito-m5"), ("seres", "aito-m7"), ("seres", "aito-m9")}),
    ("联影医疗今日登陆科创板。公司此前先后推出全景动态扫描PET-CT uEXPLORER及一体化放疗系统uRT-linac 506c。",
     {("united-imaging", "pet-ctuexplorer"), ("united-imaging", "urt-linac506c")}),
]
NOT_ROUND23 = [
    ("小米将于下周举行小米15发布会。", ("xiaomi", "xiaomi-15")),
    ("据传OPPO下月召开Find X8发布会。", ("oppo", "oppo-find-x8")),
    ("小米今天并未举行小米15发布会。", ("xiaomi", "xiaomi-15")),
    ("三星电子计划明年量产第十代V-NAND。", ("samsung", "samsung-v-nand")),
    ("小米发布澎湃OS，首款机型为小米14。", ("xiaomi", "xiaomi-14")),  # the first phone to carry it, no launch said
    ("一款名为Razer Edge的安卓游戏掌机正式亮相。它由游戏外设品牌雷蛇（Razer）推出。", ("razer", "google-android")),
    ("苹果今晚召开发布会。iPhone 15、Pixel 8同步开售。", ("apple", "google-pixel-8")),
    ("小米集团今日公布业绩。公司至今尚未推出小米16。", ("xiaomi", "xiaomi-16")),
]


def _releases(extractor, text: str) -> set[tuple[str, str]]:
    result = extractor.extract(Article(id="t", text=text))
    return {(r.source, r.target) for r in result.relations if r.type == "release"}


@pytest.mark.parametrize(("text", "releases"), HELPED_RELEASES + MODEL_LISTS + SENTENCE_PARTS + FUTURE_LAUNCHES
                                             + LIST_ENDS_AT_A_PREDICATE + RELATIVE_CLAUSE_HEADS
                                             + LAUNCH_WORDING + NAMING_CLAUSES + COMPARED_AND_OFFERED
                                             + PLATFORM_VENUES + NEXT_SENTENCE_DEMONSTRATIVES + OTHER_MAKERS_PRODUCTS
                                             + SELLERS_AND_MAKERS + ROUND9 + ROUND15 + ROUND19 + ROUND20 + ROUND21
                                             + ROUND22 + ROUND23)
def test_release_phrasing(extractor, text, releases):
    assert _releases(extractor, text) == releases


@pytest.mark.parametrize(("text", "pair"), NOT_HELPED_RELEASES + NOT_MODEL_LISTS + NOT_SENTENCE_PARTS + NOT_FUTURE_LAUNCHES
                                      + NOT_LIST_ENDS_AT_A_PREDICATE + NOT_RELATIVE_CLAUSE_HEADS
                                      + NOT_LAUNCH_WORDING + NOT_NAMING_CLAUSES + NOT_COMPARED_AND_OFFERED
                                      + NOT_PLATFORM_VENUES + NOT_NEXT_SENTENCE_DEMONSTRATIVES
                                      + NOT_OTHER_MAKERS_PRODUCTS + NOT_SELLERS_AND_MAKERS + NOT_ROUND9
                                      + NOT_ROUND15 + NOT_ROUND19 + NOT_ROUND20 + NOT_ROUND21 + NOT_ROUND22
                                      + NOT_ROUND23)
def test_not_a_release(extractor, text, pair):
    assert pair not in _releases(extractor, text)
