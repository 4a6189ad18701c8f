"""Hand-made extractions of short Chinese tech-news items for the browser-side tests.

Simplified, Traditional and full-width text, English aliases, and one hostile
article whose title, URL, evidence sentence and alias carry HTML and script,
to prove every page escapes article text. Offsets are computed from the text,
so ``article.text[m.start:m.end] == m.text`` always holds.
"""

from __future__ import annotations

from techkg.records import Article, Entity, Extraction, Mention, Relation

# key → (type, canonical label, language labels, maker key)
ENTITIES: dict[str, tuple[str, str, dict[str, str], str | None]] = {
    "nvidia": ("Company", "NVIDIA", {"en": "NVIDIA", "zh-Hans": "英伟达", "zh-Hant": "輝達"}, None),
    "tsmc": ("Company", "TSMC", {"en": "TSMC", "zh-Hans": "台积电", "zh-Hant": "台積電"}, None),
    "mediatek": ("Company", "MediaTek", {"en": "MediaTek", "zh-Hans": "联发科", "zh-Hant": "聯發科"}, None),
    "huawei": ("Company", "Huawei", {"en": "Huawei", "zh-Hans": "华为", "zh-Hant": "華為"}, None),
    "baidu": ("Company", "Baidu", {"en": "Baidu", "zh-Hans": "百度"}, None),
    "microsoft": ("Company", "Microsoft", {"en": "Microsoft", "zh-Hans": "微软", "zh-Hant": "微軟"}, None),
    "openai": ("Company", "OpenAI", {"en": "OpenAI"}, None),
    "xiaomi": ("Company", "Xiaomi", {"en": "Xiaomi", "zh-Hans": "小米"}, None),
    "catl": ("Company", "CATL", {"en": "CATL", "zh-Hans": "宁德时代"}, None),
    "nvidia-h100-nvl": ("Product", "H100 NVL", {}, "nvidia"),
    "mate 60 pro": ("Product", "Mate 60 Pro", {}, "huawei"),
    "ernie-bot": ("Product", "文心一言", {"zh-Hans": "文心一言", "en": "ERNIE Bot"}, "baidu"),
    "microsoft 365 copilot": ("Product", "Microsoft 365 Copilot", {}, "microsoft"),
}

XSS_TITLE = "<script>window.__pwned=1</script>小米电池新闻"
XSS_SENTENCE = "小米与<script>window.__pwned=2</script>宁德时代合作开发电池。"
XSS_ALIAS = '<img src=x onerror="window.__pwned=4">'

# (id, title, date, url, text, {key: surfaces}, [(type, source, target, trigger, confidence)])
ARTICLES: list[tuple] = [
    (
        "nv-tsmc-litho", "英伟达与台积电合作推进计算光刻", "2023-03-21",
        "https://news.example.cn/2023/nv-tsmc",
        "英伟达（NVIDIA）宣布与台积电合作，将cuLitho计算光刻库导入2纳米制程。"
        "英伟达同时发布了H100 NVL显卡。",
        {"nvidia": ["英伟达", "NVIDIA"], "tsmc": ["台积电"], "nvidia-h100-nvl": ["H100 NVL"]},
        [("partnership", "nvidia", "tsmc", "合作", 0.91),
         ("release", "nvidia", "nvidia-h100-nvl", "发布", 0.88)],
    ),
    (
        "tw-nvidia-tsmc", "輝達與台積電攜手推進先進封裝", "2023-04-02",
        "https://news.example.com.tw/nvidia-tsmc",
        "輝達與台積電宣布攜手合作，共同開發先進封裝技術。聯發科也表示將與輝達合作開發車用晶片。",
        {"nvidia": ["輝達"], "tsmc": ["台積電"], "mediatek": ["聯發科"]},
        [("partnership", "nvidia", "tsmc", "合作", 0.9),
         ("partnership", "mediatek", "nvidia", "合作", 0.86)],
    ),
    (
        "huawei-mate", "华为发布Mate 60 Pro", "2023-08-29",
        "https://news.example.cn/2023/mate60",
        "华为发布Mate 60 Pro，搭载麒麟芯片。华为与百度合作，在鸿蒙系统中接入文心一言。",
        {"huawei": ["华为"], "mate 60 pro": ["Mate 60 Pro"], "baidu": ["百度"],
         "ernie-bot": ["文心一言"]},
        [("release", "huawei", "mate 60 pro", "发布", 0.93),
         ("partnership", "baidu", "huawei", "合作", 0.82)],
    ),
    (
        "ms-copilot", "微软发布Ｍｉｃｒｏｓｏｆｔ ３６５ Ｃｏｐｉｌｏｔ", "2023-03-16",
        "https://news.example.cn/2023/copilot",
        "微软（Ｍｉｃｒｏｓｏｆｔ）发布Ｍｉｃｒｏｓｏｆｔ ３６５ Ｃｏｐｉｌｏｔ。微软与OpenAI扩大合作。",
        {"microsoft": ["微软", "Ｍｉｃｒｏｓｏｆｔ"],
         "microsoft 365 copilot": ["Ｍｉｃｒｏｓｏｆｔ ３６５ Ｃｏｐｉｌｏｔ"], "openai": ["OpenAI"]},
        [("release", "microsoft", "microsoft 365 copilot", "发布", 0.9),
         ("partnership", "microsoft", "openai", "合作", 0.87)],
    ),
    (
        "xss-battery", XSS_TITLE, "2023-05-01", "javascript:window.__pwned=3",
        XSS_SENTENCE + XSS_ALIAS + "宁德时代回应称消息属实。",
        {"xiaomi": ["小米"], "catl": ["宁德时代", XSS_ALIAS]},
        [("partnership", "catl", "xiaomi", "合作", 0.8)],
    ),
]


def _sentence(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(ch, 0, pos) for ch in "。！？") + 1
    ends = [i for i in (text.find(ch, pos) for ch in "。！？") if i >= 0]
    return start, (min(ends) + 1 if ends else len(text))


def build(spec: tuple) -> Extraction:
    """One :class:`Extraction` from an ``ARTICLES`` row."""
    aid, title, date, url, text, surfaces, rels = spec
    entities = []
    for key, forms in surfaces.items():
        type_, label, labels, maker = ENTITIES[key]
        mentions = []
        for form in forms:
            at = text.find(form)
            assert at >= 0, (aid, form)
            while at >= 0:
                mentions.append(Mention(form, at, at + len(form)))
                at = text.find(form, at + len(form))
        mentions.sort(key=lambda m: m.start)
        entities.append(Entity(key, type_, label, tuple(mentions), labels=labels, maker=maker))
    relations = []
    for type_, src, dst, trigger, conf in rels:
        first = min(m.start for e in entities if e.key == src for m in e.mentions)
        pos = text.find(trigger, first)
        start, end = _sentence(text, pos if pos >= 0 else first)
        relations.append(Relation(type_, src, dst, text[start:end], start, end, conf, trigger))
    article = Article(id=aid, text=text, title=title, date=date, url=url, publisher="测试新闻")
    return Extraction(article, tuple(entities), tuple(relations))


def extractions() -> list[Extraction]:
    """Every sample article, built."""
    return [build(spec) for spec in ARTICLES]


NVIDIA = "https://w3id.org/techkg/id/company/nvidia"
TSMC = "https://w3id.org/techkg/id/company/tsmc"
CATL = "https://w3id.org/techkg/id/company/catl"
XIAOMI = "https://w3id.org/techkg/id/company/xiaomi"
