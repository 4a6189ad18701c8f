"""News furniture (datelines, bylines, credits) is not read as companies or as the subject of
the story: real articles from Chinese outlets carry it, the corpus's written articles rarely do."""

from __future__ import annotations

import pytest

from techkg.nlp.boilerplate import boilerplate_spans
from techkg.records import Article
from techkg.text import fold


def _spans(text: str) -> list[str]:
    folded = fold(text)
    return [text[a:b].strip() for a, b in boilerplate_spans(folded)]


# (article text, the furniture found in it, as written)
FURNITURE = [
    ("IT之家 3 月 12 日消息，快手今日发布可灵2.0。", ["IT之家 3 月 12 日消息，"]),
    ("财联社3月12日电，小米集团宣布推出小米15 Ultra。", ["财联社3月12日电，"]),
    ("新浪科技讯 北京时间3月12日上午消息，苹果公司今天发布了iPhone 16e。", ["新浪科技讯 北京时间3月12日上午消息，"]),
    ("鞭牛士报道，3月12日消息，字节跳动发布豆包1.5 Pro。", ["鞭牛士报道，3月12日消息，"]),
    ("36氪获悉，荣耀今日发布Magic7系列。", ["36氪获悉，"]),
    ("集微网消息，紫光展锐推出T820。", ["集微网消息，"]),
    ("C114讯 3月12日消息（水易）中兴通讯与中国联通联合发布新方案。", ["C114讯 3月12日消息（水易）"]),
    ("【TechWeb】3月12日消息，华为与中国移动签署战略合作协议。", ["【TechWeb】3月12日消息，"]),
    ("（中央社記者吳家豪台北12日電）華碩今天發表ROG Phone 9。", ["（中央社記者吳家豪台北12日電）"]),
    ("記者張家豪／台北報導 宏碁今天推出Swift 14 AI筆電。", ["記者張家豪／台北報導"]),
    ("〔記者王姵文／台北報導〕台積電今天公布財報。", ["〔記者王姵文／台北報導〕"]),
    ("經濟日報 記者李孟珊／台北即時報導 聯發科今天宣布與輝達合作。", ["經濟日報 記者李孟珊／台北即時報導"]),
    ("小米发布新机。\n图片来源：视觉中国\n责任编辑：陈晨 SF069", ["图片来源：视觉中国", "责任编辑：陈晨 SF069"]),
    ("小米发布新机。（本文首发于钛媒体APP，作者｜李娜，编辑｜赵婷）", ["（本文首发于钛媒体APP，作者｜李娜，编辑｜赵婷）"]),
    ("華為發表新機。\n▲ 圖／翻攝自官網\n延伸閱讀：AI伺服器需求續旺", ["▲ 圖／翻攝自官網", "延伸閱讀：AI伺服器需求續旺"]),
    ("正文。\nCopyright © 2024 Sina Corporation, All Rights Reserved.\n分享到：微博 微信 QQ空间",
     ["Copyright © 2024 Sina Corporation, All Rights Reserved.", "分享到：微博 微信 QQ空间"]),
    ("正文。\n【版權聲明】本文為經濟日報獨家內容，未經授權不得轉載。", ["【版權聲明】"]),
    # security codes and Hong Kong share-class marks beside a listed company's name
    ("小米集团（01810.HK）今日发布小米15 Ultra。", ["（01810.HK）"]),
    ("英伟达（NASDAQ: NVDA）推出新芯片。", ["（NASDAQ: NVDA）"]),
    ("中芯国际（股票代码：688981）公布财报。", ["（股票代码：688981）"]),
    ("鴻海(2317-TW)今日發表電動車。", ["(2317-TW)"]),
    ("阿里巴巴（09988.HK/BABA.N）公布业绩。", ["（09988.HK/BABA.N）"]),
    ("理想汽车-W（02015）发布理想i8。", ["-W（02015）"]),
    ("百度集團-SW今日公布季績。", ["-SW"]),
]

# Story sentences that look a little like furniture: nothing in them is furniture.
STORY = [
    "另一項讓台灣觀眾振奮的消息，是任天堂宣布Switch 2將在台上市。",
    "据路透社报道，苹果正在与阿里巴巴洽谈合作。",
    "记者从华为获悉，Mate 70系列将于本月发布。",
    "小米3月12日发布小米15 Ultra，起售价6499元。",
    "图像传感器来源于索尼，镜头由舜宇光学供应。",
    "文心一言：百度在发布会上宣布免费开放。",
    "更多厂商也在跟进，包括OPPO和vivo。",
    "编辑器方面，金山办公推出WPS AI。",
    "问界M9-S版本与华为（深圳）终端合作开发。",
    "英伟达（NVIDIA）与台积电（TSMC）合作。",
]


@pytest.mark.parametrize(("text", "expected"), FURNITURE)
def test_furniture_is_found(text, expected):
    assert _spans(text) == [e.strip() for e in expected]


@pytest.mark.parametrize("text", STORY)
def test_story_sentences_are_not_furniture(text):
    assert _spans(text) == []


# (article, companies the story names, the release or partnership it states)
READ_PAST_FURNITURE = [
    ("IT之家 3 月 12 日消息，快手今日发布视频生成模型可灵2.0。", {"kuaishou"}, ("release", "kuaishou")),
    ("新浪科技讯 北京时间3月12日上午消息，苹果公司今天发布了iPhone 16e。", {"apple"}, ("release", "apple")),
    ("（中央社記者吳家豪台北12日電）華碩今天發表ROG Phone 9。", {"asus"}, ("release", "asus")),
    ("財聯社3月12日電，小米集團宣布推出小米15 Ultra。", {"xiaomi"}, ("release", "xiaomi")),
    ("36氪获悉，荣耀与高通签署战略合作协议。\n图片来源：视觉中国", {"honor", "qualcomm"}, ("partnership", "honor")),
]


@pytest.mark.parametrize(("text", "companies", "relation"), READ_PAST_FURNITURE)
def test_outlets_in_furniture_are_no_companies_and_no_subjects(extractor, text, companies, relation):
    x = extractor.extract(Article(id="furniture", text=text))
    assert {e.key for e in x.entities if e.type.value == "Company"} == companies
    kind, company = relation
    assert any(r.type == kind and r.source == company or r.type == kind == "partnership" and company in
               (r.source, r.target) for r in x.relations), x.relations


def test_copyright_and_share_bars_make_no_products(extractor):
    text = ("荣耀今日发布Magic7系列。\n"
            "Copyright © 2024 Sina Corporation, All Rights Reserved.\n分享到：微博 微信 QQ空间\n责任编辑：陈晨 SF069")
    x = extractor.extract(Article(id="furniture", text=text))
    assert {e.label for e in x.entities} == {"Honor", "HONOR Magic7"}


# (article, the entities it names): a security code or share-class mark is no product, and the
# company keeps its name without the mark.
SECURITY_CODES = [
    ("英伟达（NASDAQ: NVDA）推出Blackwell Ultra芯片。", {"NVIDIA", "NVIDIA Blackwell Ultra"}),
    ("理想汽车-W（02015）发布理想i8。", {"Li Auto", "Li i8"}),
    ("小鵬汽車-W（09868）與大眾汽車簽署合作協議。", {"XPeng", "Volkswagen"}),
]


@pytest.mark.parametrize(("text", "labels"), SECURITY_CODES)
def test_security_codes_are_no_entities(extractor, text, labels):
    x = extractor.extract(Article(id="codes", text=text))
    assert {e.label for e in x.entities} == labels
