"""Tests for the curated lexicon (``techkg/data/lexicon.jsonl``) and its matcher."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from techkg.errors import LexiconError
from techkg.nlp.lexicon import (
    Lexicon,
    LexiconEntry,
    builtin_path,
    default_lexicon,
)
from techkg.records import ENTITY_TYPES
from techkg.text import fold, name_form

# Every way Chinese and English media write one company -> its key.
ALIASES = [
    ("英伟达发布新品", "英伟达", "nvidia"),
    ("輝達今日宣布", "輝達", "nvidia"),
    ("英偉達股價大漲", "英偉達", "nvidia"),
    ("NVIDIA GTC大会", "NVIDIA", "nvidia"),
    ("Nvidia CEO黄仁勋", "Nvidia", "nvidia"),
    ("ＮＶＩＤＩＡ（全角）", "ＮＶＩＤＩＡ", "nvidia"),
    ("nvidia的财报", "nvidia", "nvidia"),
    ("台積電先進製程", "台積電", "tsmc"),
    ("台积电3纳米", "台积电", "tsmc"),
    ("ＴＳＭＣ擴產", "ＴＳＭＣ", "tsmc"),
    ("聯發科天璣", "聯發科", "mediatek"),
    ("鴻海與輝達", "鴻海", "foxconn"),
    ("超微推出新品", "超微", "amd"),
    ("微軟與OpenAI", "微軟", "microsoft"),
    ("华为发布会", "华为", "huawei"),
    ("華為手機", "華為", "huawei"),
    ("脸书改名", "脸书", "meta"),
    ("字節跳動旗下", "字節跳動", "bytedance"),
    # Taiwan and Hong Kong names, in both scripts and English
    ("遠傳電信宣布", "遠傳電信", "far-eastone"),
    ("远传电信宣布", "远传电信", "far-eastone"),
    ("Far EasTone 5G", "Far EasTone", "far-eastone"),
    ("台灣大哥大與台灣之星", "台灣大哥大", "taiwan-mobile"),
    ("台哥大資費", "台哥大", "taiwan-mobile"),
    ("台達電擴產", "台達電", "delta-electronics"),
    ("台达电子在泰国", "台达电子", "delta-electronics"),
    ("大立光財報", "大立光", "largan"),
    ("電訊盈科業績", "電訊盈科", "pccw"),
    ("PCCW results", "PCCW", "pccw"),
    ("數碼通推出", "數碼通", "smartone"),
    ("八達通宣布", "八達通", "octopus-cards"),
    ("东风柳汽与优必选", "东风柳汽", "dongfeng-liuzhou"),
    ("蝦皮購物免運", "蝦皮購物", "shopee-app"),
    ("美团外卖骑手", "美团外卖", "meituan-waimai"),
    ("淘寶閃購補貼", "淘寶閃購", "alibaba-taobao-shangou"),
]

# text, expected [(surface, key)] in order: word boundaries and longest match.
SPANS = [
    ("Farm subsidies rose", []),
    ("Arm架构授权", [("Arm", "arm")]),
    ("ARM公司与高通", [("ARM公司", "arm"), ("高通", "qualcomm")]),
    ("英伟达H100芯片", [("英伟达", "nvidia"), ("H100", "nvidia-h100")]),
    ("H100 NVL面向大模型推理", [("H100 NVL", "nvidia-h100-nvl")]),
    ("H100NVL", [("H100NVL", "nvidia-h100-nvl")]),
    ("H1000", []),
    ("L40 与 L4", [("L40", "nvidia-l40"), ("L4", "nvidia-l4")]),
    ("GPT4和GPT-4o", [("GPT4", "openai-gpt-4"), ("GPT-4o", "openai-gpt-4o")]),
    ("Microsoft 365 Copilot上线", [("Microsoft 365 Copilot", "microsoft-365-copilot")]),
    ("Microsoft与Copilot", [("Microsoft", "microsoft"), ("Copilot", "microsoft-copilot")]),
    (
        "骁龙 8 Gen 3与骁龙8Gen3",
        [
            ("骁龙 8 Gen 3", "qualcomm-snapdragon-8-gen-3"),
            ("骁龙8Gen3", "qualcomm-snapdragon-8-gen-3"),
        ],
    ),
    ("鸿蒙NEXT与鸿蒙", [("鸿蒙NEXT", "huawei-harmonyos-next"), ("鸿蒙", "huawei-harmonyos")]),
    ("华为云与华为", [("华为云", "huawei-cloud"), ("华为", "huawei")]),
]

# Phrases where a name is a common word, not the company (blocked by not_in or weak).
NOT_NAMES = [
    "这让人联想到过去",
    "三星堆遗址出土文物",
    "寒武纪大爆发时期",
    "在上海南京东路和平饭店门口",
    "在北京东方君悦大酒店举行",
    "去亚马逊雨林探访",
    "中国日产粗钢量再创新高",
    "店铺开在saint-honoré路",
    "计算能力与创新思维",
    "学士和硕士都可申请",
    "我们应该用友好的态度",
    "可灵活调整的高通量测序",
    # common words inside which a name of a newer entry sits
    "遥远传来的消息",
    "台灣大學研究團隊",
    "她爱吃红豆包",
    "一锭金元宝",
    "他和记者交谈",
    "发电装机容量创新高",
    "21世纪互联网产业",
    "积极越来越多的企业",
    "白云深处有人家",
    "描绘美好未来",
    "比亚迪元旦促销",
    "数码通信技术",
    "相信越来越多的人",
    "雷诺阿的油画",
]

# A small stop list: categories and common words that must never be a name.
_GENERIC_WORDS = """
gpu cpu ai app pro max ultra plus mini cloud phone chip 5g 4g 芯片 大模型 手机 云 云计算 人工智能
汽车 电动车 新能源汽车 电池 操作系统 服务器 数据中心 半导体 智能手机 平板 笔记本 公司 集团 科技
智能 模型 机器人 无人机 电脑 显卡 处理器 光刻机 存储 内存 闪存 自动驾驶 智能驾驶 搜索 社交 电商
"""
GENERIC = frozenset(_GENERIC_WORDS.split())


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load()


def hits_of(lex: Lexicon, text: str) -> list[tuple[str, str]]:
    return [(text[h.start : h.end], h.entry.key) for h in lex.find(text)]


# -- matching ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "surface", "key"), ALIASES)
def test_every_alias_maps_to_one_key(lex: Lexicon, text: str, surface: str, key: str) -> None:
    hits = lex.find(text)
    assert hits, text
    h = hits[0]
    assert (text[h.start : h.end], h.entry.key, h.weak) == (surface, key, False)


@pytest.mark.parametrize(("text", "expected"), SPANS)
def test_boundaries_and_longest_match(lex: Lexicon, text: str, expected: list) -> None:
    assert hits_of(lex, text) == expected


@pytest.mark.parametrize("text", NOT_NAMES)
def test_common_words_are_not_names(lex: Lexicon, text: str) -> None:
    assert lex.confirm(lex.find(text)) == []


def test_not_in_leaves_real_mentions(lex: Lexicon) -> None:
    text = "联想到新品时，联想集团与三星都在场"
    assert hits_of(lex, text) == [("联想集团", "lenovo"), ("三星", "samsung")]
    # 荣耀 (Honor) inside the game's name is the game, not the phone maker
    assert hits_of(lex, "他每天玩王者荣耀，也用荣耀手机") == [
        ("王者荣耀", "tencent-honor-of-kings"),
        ("荣耀", "honor"),
    ]


def test_maker_prefix_gives_company_and_product(lex: Lexicon) -> None:
    assert hits_of(lex, "联发科天玑9300与NVIDIA H100 NVL") == [
        ("联发科", "mediatek"),
        ("天玑9300", "mediatek-dimensity-9300"),
        ("NVIDIA", "nvidia"),
        ("H100 NVL", "nvidia-h100-nvl"),
    ]
    # the maker's parent counts too
    assert hits_of(lex, "华为麒麟9000S") == [
        ("华为", "huawei"),
        ("麒麟9000S", "huawei-kirin-9000s"),
    ]
    # a weak model number after its maker is split off and confirmed by it
    p7 = lex.confirm(lex.find("小鹏P7"))
    assert [(h.entry.key, h.weak) for h in p7] == [("xpeng", False), ("xpeng-p7", True)]
    # after a weak maker name the product keeps its whole name
    assert hits_of(lex, "理想L9") == [("理想L9", "li-auto-l9")]
    assert hits_of(lex, "Microsoft 365 Copilot") == [
        ("Microsoft 365 Copilot", "microsoft-365-copilot")
    ]


def test_company_and_product_share_a_name(lex: Lexicon) -> None:
    (hit,) = lex.find("Facebook用户数")
    assert hit.entry.key == "meta-facebook"
    assert [e.key for e in hit.alternatives] == ["meta"]
    (old_name,) = lex.find("脸书改名")
    assert (old_name.entry.key, old_name.alternatives) == ("meta", ())


def test_offsets_refer_to_original_text(lex: Lexicon) -> None:
    text = "　據報導，ＮＶＩＤＩＡ（輝達）與台積電合作。"
    found = lex.find(text)
    assert [text[h.start : h.end] for h in found] == ["ＮＶＩＤＩＡ", "輝達", "台積電"]
    assert lex.find(text, folded=fold(text)) == found


def test_weak_hits_need_confirmation(lex: Lexicon) -> None:
    alone = lex.find("A100 与 T4 供不应求")
    assert [(h.entry.key, h.weak) for h in alone] == [("nvidia-a100", True), ("nvidia-t4", True)]
    assert lex.confirm(alone) == []
    with_maker = lex.confirm(lex.find("輝達 A100 与 T4 供不应求"))
    assert [h.entry.key for h in with_maker] == ["nvidia", "nvidia-a100", "nvidia-t4"]
    # a strong name of the same entry confirms its weak name
    same = lex.confirm(lex.find("A100 Tensor Core GPU 比 A100 PCIe 版更快"))
    assert [h.entry.key for h in same] == ["nvidia-a100", "nvidia-a100"]
    # a company's weak name is confirmed by one of its products
    ok = lex.confirm(lex.find("地平线发布征程6，地平线机器人股价上涨"))
    assert "horizon-robotics" in [h.entry.key for h in ok]
    assert lex.confirm(lex.find("太阳从地平线升起")) == []


def test_weak_short_names_of_newer_entries(lex: Lexicon) -> None:
    """台灣大, 光陽, 千问 and 长城 count only next to a strong name of their entry or maker."""
    alone = lex.confirm(lex.find("台灣大與遠傳搶用戶"))
    assert [(h.entry.key, h.weak) for h in alone] == [("far-eastone", False)]
    both = lex.confirm(lex.find("台灣大哥大合併台灣之星後，台灣大用戶數大增"))
    assert [(h.entry.key, h.weak) for h in both] == [
        ("taiwan-mobile", False),
        ("taiwan-star", False),
        ("taiwan-mobile", True),
    ]
    assert lex.confirm(lex.find("光陽表示")) == []
    assert [h.entry.key for h in lex.confirm(lex.find("光陽機車推出Ionex，光陽表示"))] == [
        "kymco",
        "kymco-ionex",
        "kymco",
    ]
    assert lex.confirm(lex.find("千问一下")) == []
    assert [h.entry.key for h in lex.confirm(lex.find("阿里巴巴的千问"))] == ["alibaba", "alibaba-qwen"]
    assert lex.confirm(lex.find("登上长城")) == []
    assert [h.entry.key for h in lex.confirm(lex.find("長城汽車表示，長城今年"))] == [
        "great-wall-motor",
        "great-wall-motor",
    ]


def test_newer_variants_are_their_own_products(lex: Lexicon) -> None:
    assert hits_of(lex, "小米17 Pro Max與小米17 Pro、小米17") == [
        ("小米17 Pro Max", "xiaomi-17-pro-max"),
        ("小米17 Pro", "xiaomi-17-pro"),
        ("小米17", "xiaomi-17"),
    ]
    assert hits_of(lex, "Mate 80 Pro Max和Mate 80") == [
        ("Mate 80 Pro Max", "huawei-mate-80-pro-max"),
        ("Mate 80", "huawei-mate-80"),
    ]
    # a company's name right before its service stays the company, the service its own product
    assert hits_of(lex, "八達通App與八達通卡") == [("八達通App", "octopus-app"), ("八達通卡", "octopus-card")]


def test_lookup_products_and_default(lex: Lexicon) -> None:
    assert [e.key for e in lex.lookup("輝達")] == ["nvidia"]
    assert [e.key for e in lex.lookup("h100 nvl")] == ["nvidia-h100-nvl"]
    assert lex.lookup("不存在的公司") == ()
    assert {"nvidia-h100", "nvidia-dgx-cloud"} <= {p.key for p in lex.products_of("nvidia")}
    assert default_lexicon() is default_lexicon()
    assert "nvidia" in lex and lex.get("nope") is None


# -- user files -------------------------------------------------------------------------


def write(tmp_path: Path, name: str, *lines: object) -> Path:
    path = tmp_path / name
    body = [x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines]
    path.write_text("\n".join(body) + "\n", encoding="utf-8")
    return path


def test_user_file_extends_and_adds(tmp_path: Path) -> None:
    user = write(
        tmp_path,
        "mine.jsonl",
        "# my additions",
        {"key": "nvidia", "aliases": ["老黄家"]},
        {
            "key": "acme-robotics",
            "type": "Company",
            "label": "Acme Robotics",
            "labels": {"zh-Hans": "艾克米机器人"},
            "kind": "robotics",
        },
        {
            "key": "acme-walker-x2",
            "type": "Product",
            "label": "Walker X2",
            "maker": "acme-robotics",
            "weak_aliases": ["X2"],
        },
    )
    lex = Lexicon.load([user])
    assert lex.get("nvidia").label == "NVIDIA"  # extended, not replaced
    assert "老黄家" in lex.get("nvidia").aliases
    text = "老黄家与艾克米机器人合作，Walker X2 和 X2 同台"
    assert hits_of(lex, text) == [
        ("老黄家", "nvidia"),
        ("艾克米机器人", "acme-robotics"),
        ("Walker X2", "acme-walker-x2"),
        ("X2", "acme-walker-x2"),
    ]


def test_user_file_without_builtin_cannot_extend(tmp_path: Path) -> None:
    user = write(tmp_path, "ext.jsonl", {"key": "nvidia", "aliases": ["老黄家"]})
    with pytest.raises(LexiconError, match=r"ext\.jsonl:1: missing field 'type'"):
        Lexicon.load([user], builtin=False)


def test_user_file_overrides_entry(tmp_path: Path) -> None:
    user = write(
        tmp_path,
        "override.jsonl",
        {
            "key": "tsmc",
            "type": "Company",
            "label": "台积电",
            "labels": {"en": "TSMC"},
            "aliases": ["台积"],
            "kind": "foundry",
        },
    )
    lex = Lexicon.load([user])
    tsmc = lex.get("tsmc")
    assert (tsmc.label, tsmc.kind, tsmc.aliases) == ("台积电", "foundry", ("台积",))
    assert tsmc.where.endswith("override.jsonl:1")
    assert hits_of(lex, "台積與TSMC") == [("台積", "tsmc"), ("TSMC", "tsmc")]
    # the replaced entry's old aliases are gone
    assert lex.lookup("台湾积体电路制造") == ()


def test_user_file_demotes_and_removes_names(tmp_path: Path) -> None:
    user = write(
        tmp_path,
        "tune.jsonl",
        {"key": "microsoft-copilot", "weak_aliases": ["Copilot"]},
        {"key": "alibaba", "remove_aliases": ["阿里"]},
    )
    lex = Lexicon.load([user])
    assert [(h.entry.key, h.weak) for h in lex.find("Copilot")] == [("microsoft-copilot", True)]
    assert lex.find("阿里") == []
    assert hits_of(lex, "阿里巴巴") == [("阿里巴巴", "alibaba")]


def test_later_file_wins_a_shared_name(tmp_path: Path) -> None:
    user = write(
        tmp_path,
        "claim.jsonl",
        {"key": "acme", "type": "Company", "label": "Acme", "aliases": ["高通"]},
    )
    lex = Lexicon.load([user])
    assert hits_of(lex, "高通") == [("高通", "acme")]
    assert any("'高通'" in w and "'acme'" in w for w in lex.warnings)


def test_same_name_on_company_and_product_gives_alternatives(tmp_path: Path) -> None:
    user = write(
        tmp_path,
        "fb.jsonl",
        {"key": "acme", "type": "Company", "label": "Acme Corp", "aliases": ["Acme One"]},
        {"key": "acme-one", "type": "Product", "label": "Acme One", "maker": "acme"},
    )
    (hit,) = Lexicon.load([user], builtin=False).find("Acme One 发布")
    assert hit.entry.key == "acme-one"  # its label beats the company's alias
    assert [e.key for e in hit.alternatives] == ["acme"]


# Malformed line -> fragment the error must contain (after "file:line: ").
BAD_LINES = [
    ('{"key": "acme", "type": "Company", "label": "Acme",}', "bad JSON"),
    ('["acme"]', "expected a JSON object"),
    ('{"type": "Company", "label": "Acme"}', "missing field 'key'"),
    ('{"key": "acme", "label": "Acme"}', "missing field 'type'"),
    ('{"key": "acme", "type": "Company"}', "missing field 'label'"),
    ('{"key": "acme", "type": "Compnay", "label": "Acme"}', "valid: Company, Product"),
    ('{"key": "Acme Inc", "type": "Company", "label": "Acme"}', "lower-case ASCII slug"),
    (
        '{"key": "acme", "type": "Company", "label": "Acme", "alias": ["A"]}',
        "unknown field 'alias'",
    ),
    ('{"key": "acme", "type": "Company", "label": "Acme", "aliases": "艾克米"}', "list of strings"),
    (
        '{"key": "acme-x", "type": "Product", "label": "Acme X", "maker": "acmee"}',
        "maker 'acmee' of 'acme-x' is not the key of a Company entry",
    ),
    ('{"key": "acme-x", "type": "Product", "label": "比亚迪汉", "aliases": ["汉"]}', "too short"),
    ('{"key": "acme", "type": "Company", "label": "Acme", "not_in": ["联想到"]}', "not_in phrase"),
    (
        '{"key": "acme", "type": "Company", "label": "Acme", "labels": {"chinese": "艾"}}',
        "bad language tag",
    ),
]


@pytest.mark.parametrize(("line", "fragment"), BAD_LINES)
def test_malformed_user_file_names_file_and_line(tmp_path: Path, line: str, fragment: str) -> None:
    good = {"key": "acme", "type": "Company", "label": "Acme Corp"}
    if '"key": "acme"' in line:
        good = {"key": "acme-parent", "type": "Company", "label": "Acme Parent"}
    user = write(tmp_path, "bad.jsonl", good, line)
    with pytest.raises(LexiconError) as info:
        Lexicon.load([user])
    message = str(info.value)
    assert f"{user}:2: " in message
    assert fragment in message


def test_duplicate_name_in_one_file_names_both_keys(tmp_path: Path) -> None:
    user = write(
        tmp_path,
        "dup.jsonl",
        {"key": "acme", "type": "Company", "label": "Acme", "aliases": ["艾克米"]},
        {"key": "acme-china", "type": "Company", "label": "Acme China", "aliases": ["艾克米"]},
    )
    with pytest.raises(LexiconError, match=r"dup\.jsonl:2: .*'acme'.*'acme-china'"):
        Lexicon.load([user], builtin=False)


def test_duplicate_key_in_one_file(tmp_path: Path) -> None:
    entry = {"key": "acme", "type": "Company", "label": "Acme"}
    user = write(tmp_path, "twice.jsonl", entry, "", entry)
    with pytest.raises(
        LexiconError, match=r"twice\.jsonl:3: duplicate key 'acme' \(first at line 1\)"
    ):
        Lexicon.load([user], builtin=False)


def test_missing_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="not found"):
        Lexicon.load([tmp_path / "nope.jsonl"])
    gbk = tmp_path / "gbk.jsonl"
    gbk.write_bytes(
        b'{"key": "a", "type": "Company", "label": "Acme"}\n'
        + '{"key": "b", "type": "Company", "label": "华为"}\n'.encode("gbk")
    )
    with pytest.raises(LexiconError, match=r"gbk\.jsonl:2: not UTF-8"):
        Lexicon.load([gbk], builtin=False)


# -- the shipped data file ----------------------------------------------------------------


@pytest.fixture(scope="module")
def raw_lines() -> list[dict]:
    text = builtin_path().read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def test_data_file_sorted_unique_and_complete(raw_lines: list[dict], lex: Lexicon) -> None:
    keys = [(e["type"], e["key"]) for e in raw_lines]
    assert keys == sorted(keys, key=lambda k: (ENTITY_TYPES.index(k[0]), k[1]))
    assert len({e["key"] for e in raw_lines}) == len(raw_lines) == len(lex)
    companies = {e.key for e in lex if e.type == "Company"}
    for e in lex:
        assert e.label and e.labels.get("en"), e.key
        if e.type == "Product":
            assert e.maker in companies, e.key
        if e.parent:
            assert e.parent in companies, e.key
        hans, hant = e.labels.get("zh-Hans"), e.labels.get("zh-Hant")
        assert hant is None or hant != hans, e.key


def test_data_file_is_broad(lex: Lexicon) -> None:
    counts = {t: sum(e.type == t for e in lex) for t in ENTITY_TYPES}
    assert counts["Company"] >= 350 and counts["Product"] >= 500, counts
    media = {e.key for e in lex if e.kind == "media"}
    assert {"36kr", "huxiu", "trendforce", "idc", "counterpoint", "canalys"} <= media


def test_data_file_has_no_generic_names(lex: Lexicon) -> None:
    for e in lex:
        for name in (*e.names, *e.weak_aliases):
            assert name_form(name) not in GENERIC, (e.key, name)


def test_data_file_names_find_their_entry(lex: Lexicon) -> None:
    """Every strong name, standing alone, is found as one hit of its own entry."""
    for e in lex:
        for name in e.names:
            hits = lex.find(name)
            assert hits and hits[0].start == 0 and hits[-1].end == len(name), (e.key, name)
            own = hits[-1]
            assert e.key in {own.entry.key, *(a.key for a in own.alternatives)}, (e.key, name)
            if len(hits) == 2:  # "NVIDIA H100": the maker, then the product; "亚马逊AWS": the parent, then the unit
                maker = lex.get(e.maker or e.parent or "")
                assert maker and hits[0].entry.key in {maker.key, maker.parent}, (e.key, name)
            else:
                assert len(hits) == 1, (e.key, name, hits)


# -- properties ---------------------------------------------------------------------------

NAMES = ["英伟达", "輝達", "NVIDIA", "H100", "H100 NVL", "台積電", "Arm", "L4", "Copilot", "联想"]
NOISE = ["的", "与", "，", " ", "Farm", "GPT", "0", "x", "４", "　", "-", "到", "集团", "。"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(NAMES + NOISE) | st.text(max_size=3), max_size=12))
def test_hits_are_sorted_disjoint_and_spell_their_alias(parts: list[str]) -> None:
    lex = default_lexicon()
    text = "".join(parts)
    hits = lex.find(text)
    end = 0
    for h in hits:
        assert end <= h.start < h.end <= len(text)
        end = h.end
        assert name_form(text[h.start : h.end]) == name_form(h.alias)
        assert isinstance(h.entry, LexiconEntry)


@settings(max_examples=100, deadline=None)
@given(
    st.text(alphabet="的了与和在是。，", max_size=6),
    st.text(alphabet="的了与和在是。，", max_size=6),
)
def test_chinese_names_match_anywhere(left: str, right: str) -> None:
    text = f"{left}輝達{right}"
    assert hits_of(default_lexicon(), text) == [("輝達", "nvidia")]
