"""Hand-built extractions of real Chinese tech-news sentences (Simplified, Traditional, mixed).

They exercise the graph side without the NLP model: offsets are computed from
the text, so ``article.text[m.start:m.end] == m.text`` always holds. The
sentences are taken or adapted from the seed article (NVIDIA GTC 2023) and
common news of the period.
"""

from __future__ import annotations

from techkg.records import Article, Entity, Extraction, Mention, Relation

# key → (type, canonical label, {lang: label}, maker)
LEXICON: dict[str, tuple[str, str, dict[str, str], str | None]] = {
    "nvidia": ("Company", "NVIDIA", {"en": "NVIDIA", "zh-Hans": "英伟达", "zh-Hant": "輝達"}, None),
    "tsmc": ("Company", "TSMC", {"en": "TSMC", "zh-Hans": "台积电", "zh-Hant": "台積電"}, None),
    "asml": ("Company", "ASML", {"en": "ASML", "zh-Hans": "阿斯麦"}, None),
    "synopsys": ("Company", "Synopsys", {"en": "Synopsys", "zh-Hans": "新思科技"}, None),
    "oracle": ("Company", "Oracle", {"en": "Oracle", "zh-Hans": "甲骨文"}, None),
    "microsoft": ("Company", "Microsoft", {"en": "Microsoft", "zh-Hans": "微软"}, None),
    "baidu": ("Company", "百度", {"en": "Baidu", "zh-Hans": "百度"}, None),
    "openai": ("Company", "OpenAI", {"en": "OpenAI"}, None),
    "adobe": ("Company", "Adobe", {"en": "Adobe"}, None),
    "shutterstock": ("Company", "Shutterstock", {"en": "Shutterstock"}, None),
    "quantum machines": ("Company", "Quantum Machines", {"en": "Quantum Machines"}, None),
    "mediatek": ("Company", "MediaTek", {"en": "MediaTek", "zh-Hans": "联发科", "zh-Hant": "聯發科"}, None),
    "huawei": ("Company", "华为", {"en": "Huawei", "zh-Hans": "华为", "zh-Hant": "華為"}, None),
    "nvidia-h100-nvl": ("Product", "H100 NVL", {}, "nvidia"),
    "nvidia-culitho": ("Product", "cuLitho", {}, "nvidia"),
    "nvidia-dgx-cloud": ("Product", "DGX Cloud", {}, "nvidia"),
    "nvidia-dgx-quantum": ("Product", "NVIDIA DGX Quantum", {}, "nvidia"),
    "gpt-4": ("Product", "GPT-4", {}, "openai"),
    "ernie-bot": ("Product", "文心一言", {"zh-Hans": "文心一言", "en": "ERNIE Bot"}, "baidu"),
    "microsoft 365 copilot": ("Product", "Microsoft 365 Copilot", {}, "microsoft"),
    "mate 60 pro": ("Product", "Mate 60 Pro", {}, "huawei"),
    "dimensity-9300": (
        "Product", "天玑9300", {"zh-Hans": "天玑9300", "zh-Hant": "天璣9300", "en": "Dimensity 9300"}, "mediatek"
    ),
}

# (id, title, date, url, source, text, {key: [surface forms]}, [(type, src, dst, trigger, conf)])
ARTICLES = [
    (
        "gtc-culitho",
        "英伟达发布cuLitho计算光刻库",
        "2023-03-21",
        "https://example.com/news/gtc-culitho",
        "虎嗅",
        ("北京时间3月21日晚，英伟达在GTC大会上发布了NVIDIA cuLitho计算光刻库。"
         "英伟达的计算光刻库在研发过程中，已经与台积电、阿斯麦以及新思科技开展了长达4年的合作。"),
        {
            "nvidia": ["英伟达", "NVIDIA"],
            "nvidia-culitho": ["cuLitho"],
            "tsmc": ["台积电"],
            "asml": ["阿斯麦"],
            "synopsys": ["新思科技"],
        },
        [
            ("release", "nvidia", "nvidia-culitho", "发布", 0.92),
            ("partnership", "nvidia", "tsmc", "合作", 0.85),
            ("partnership", "asml", "nvidia", "合作", 0.8),
            ("partnership", "nvidia", "synopsys", "合作", 0.8),
        ],
    ),
    (
        "gtc-cloud",
        "DGX Cloud 与 Oracle 合作上线",
        "2023-03-22",
        "https://example.com/news/gtc-cloud",
        "虎嗅",
        ("英伟达发布的DGX Cloud云服务，提供了专用的超级计算集群。"
         "目前，英伟达开放的首个DGX Cloud，是与甲骨文合作的云服务。"
         "本次GTC上宣布的第一个全新产品就是与Quantum Machines合作的NVIDIA DGX Quantum。"),
        {
            "nvidia": ["英伟达", "NVIDIA"],
            "nvidia-dgx-cloud": ["DGX Cloud"],
            "oracle": ["甲骨文"],
            "quantum machines": ["Quantum Machines"],
            "nvidia-dgx-quantum": ["NVIDIA DGX Quantum"],
        },
        [
            ("release", "nvidia", "nvidia-dgx-cloud", "发布", 0.9),
            ("partnership", "nvidia", "oracle", "合作", 0.88),
            ("partnership", "nvidia", "quantum machines", "合作", 0.83),
            ("release", "nvidia", "nvidia-dgx-quantum", "宣布", 0.7),
        ],
    ),
    (
        "tw-nvidia-tsmc",
        "輝達與台積電攜手推進先進製程",
        "2023-04-02",
        "https://example.com.tw/news/nvidia-tsmc",
        "科技新報",
        ("輝達與台積電宣佈攜手合作，將ＧＰＵ加速的計算光刻導入２奈米製程。"
         "聯發科也表示將與輝達合作開發車用晶片。"),
        {"nvidia": ["輝達"], "tsmc": ["台積電"], "mediatek": ["聯發科"]},
        [
            ("partnership", "nvidia", "tsmc", "攜手合作", 0.9),
            ("partnership", "mediatek", "nvidia", "合作", 0.86),
        ],
    ),
    (
        "ai-race",
        "从GPT-4到文心一言：AI的决定性时刻",
        "2023-03-17",
        "https://example.com/news/ai-race",
        "虎嗅",
        ("从OpenAI发布GPT-4，到百度发布文心一言，再到微软发布Office的AI助手Microsoft 365 Copilot，"
         "一系列最前沿AI技术接二连三地刷爆科技新闻版面。此外，英伟达还与Adobe合作，"
         "将生成式AI融入营销人员和创意人士的日常工作流。目前英伟达已经与Shutterstock合作。"),
        {
            "openai": ["OpenAI"],
            "gpt-4": ["GPT-4"],
            "baidu": ["百度"],
            "ernie-bot": ["文心一言"],
            "microsoft": ["微软"],
            "microsoft 365 copilot": ["Microsoft 365 Copilot"],
            "nvidia": ["英伟达"],
            "adobe": ["Adobe"],
            "shutterstock": ["Shutterstock"],
        },
        [
            ("release", "openai", "gpt-4", "发布", 0.95),
            ("release", "baidu", "ernie-bot", "发布", 0.95),
            ("release", "microsoft", "microsoft 365 copilot", "发布", 0.9),
            ("partnership", "adobe", "nvidia", "合作", 0.87),
            ("partnership", "nvidia", "shutterstock", "合作", 0.84),
        ],
    ),
    (
        "huawei-mate",
        "华为Mate 60 Pro开售",
        "2023-08-29",
        None,
        "36氪",
        "华为于8月29日上线Mate 60 Pro，华为与台积电此前的合作已经中断。",
        {"huawei": ["华为"], "mate 60 pro": ["Mate 60 Pro"], "tsmc": ["台积电"]},
        [
            ("release", "huawei", "mate 60 pro", "上线", 0.8),
            ("partnership", "huawei", "tsmc", "合作", 0.4),
        ],
    ),
    (
        "mediatek-dimensity",
        "联发科发布天玑9300",
        "2023-11-06",
        "https://example.com/news/dimensity-9300",
        "IT之家",
        ("联发科于11月6日正式发布天玑9300旗舰芯片。联发科表示，天玑9300采用台积电第三代3纳米制程，"
         "双方的合作已超过十年。"),
        {"mediatek": ["联发科"], "dimensity-9300": ["天玑9300"], "tsmc": ["台积电"]},
        [
            ("release", "mediatek", "dimensity-9300", "发布", 0.93),
            ("partnership", "mediatek", "tsmc", "合作", 0.78),
        ],
    ),
]


def _sentence(text: str, pos: int) -> tuple[int, int]:
    """Bounds of the sentence around ``pos`` (split on 。！？)."""
    start = max(text.rfind(p, 0, pos) for p in "。！？") + 1
    ends = [i for i in (text.find(p, pos) for p in "。！？") if i >= 0]
    end = (min(ends) + 1) if ends else len(text)
    return start, end


def build(spec: tuple) -> Extraction:
    """One Extraction from an ARTICLES row; mentions are every occurrence of each surface form."""
    aid, title, date, url, source, text, ents, rels = spec
    article = Article(id=aid, text=text, title=title, date=date, url=url, publisher=source, path=f"{aid}.md")
    entities = []
    for key, forms in ents.items():
        type_, label, labels, maker = LEXICON[key]
        mentions = []
        for form in forms:
            i = text.find(form)
            while i >= 0:
                mentions.append(Mention(form, i, i + len(form)))
                i = text.find(form, i + len(form))
        assert mentions, f"{form!r} not in {aid}"
        mentions.sort(key=lambda m: m.start)
        entities.append(Entity(key, type_, label, tuple(mentions), labels=dict(labels), maker=maker))
    relations = []
    for type_, src, dst, trigger, conf in rels:
        # the occurrence of the trigger closest to where the later of the two names first appears
        anchor = max(min(m.start for m in ent.mentions) for ent in entities if ent.key in (src, dst))
        hits = [i for i in range(len(text)) if text.startswith(trigger, i)]
        assert hits, f"{trigger!r} not in {aid}"
        pos = min(hits, key=lambda i: abs(i - anchor))
        s, e = _sentence(text, pos)
        relations.append(Relation(type_, src, dst, text[s:e], s, e, conf, trigger))
    return Extraction(article, tuple(entities), tuple(relations))


def extractions() -> list[Extraction]:
    """All sample extractions."""
    return [build(spec) for spec in ARTICLES]
