"""Tests for techkg.read: every input format, encoding and bad input."""

from __future__ import annotations

import io
import json
import logging
import os
import sys
import tracemalloc
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from techkg.errors import CorpusError, UsageError
from techkg.read import (
    ID_MAX,
    TITLE_MAX,
    article_from_dict,
    content_id,
    decode_bytes,
    id_from_url,
    normalize_date,
    read_articles,
    sanitize_id,
)
from techkg.records import Article

DATA = Path(__file__).resolve().parent / "data" / "read"

# Dates as people write them → ISO.
DATES = [
    ("2023-03-21", "2023-03-21"),
    ("2023/3/21", "2023-03-21"),
    ("2023.03.21", "2023-03-21"),
    ("2023年3月21日", "2023-03-21"),
    ("2023年03月21号 星期二", "2023-03-21"),
    ("２０２３年３月２１日", "2023-03-21"),
    ("２０２３－０３－２１", "2023-03-21"),
    ("二〇二三年三月二十一日", "2023-03-21"),
    ("二〇二三年十二月十日", "2023-12-10"),
    ("2023-03-21T23:00:00+08:00", "2023-03-21"),
    ("2023-03-21 09:30:00", "2023-03-21"),
    ("20230321", "2023-03-21"),
    ("Tue, 21 Mar 2023 10:00:00 +0800", "2023-03-21"),
    ("March 21, 2023", "2023-03-21"),
    ("  2024/2/29 ", "2024-02-29"),
    ("2023/2/29", None),  # not a leap year
    ("2023-13-01", None),
    ("上周三", None),
    ("昨天下午", None),
    ("", None),
    ("3/21", None),
]

# Raw ids → safe ids.
IDS = [
    ("c07_huawei", "c07_huawei"),
    ("000_b6441017667c1a8e", "000_b6441017667c1a8e"),
    ("英伟达-GTC.2023", "英伟达-GTC.2023"),
    ("輝達 新聞/2023", "輝達_新聞_2023"),
    ("ｃ０７＿ＨＵＡＷＥＩ", "c07_HUAWEI"),
    ("a/../../etc/passwd", "a_.._.._etc_passwd"),
    ("../secret", "secret"),
    ("id with  spaces\t", "id_with_spaces"),
]


def read_all(*paths: str | Path, **kwargs) -> list[Article | CorpusError]:
    return list(read_articles([str(p) for p in paths], **kwargs))


def articles(items: list[Article | CorpusError]) -> list[Article]:
    return [a for a in items if isinstance(a, Article)]


def errors(items: list[Article | CorpusError]) -> list[CorpusError]:
    return [e for e in items if isinstance(e, CorpusError)]


def only_article(*paths: str | Path, **kwargs) -> Article:
    items = read_all(*paths, **kwargs)
    assert errors(items) == [], errors(items)
    (article,) = items
    return article


def only_error(*paths: str | Path, **kwargs) -> CorpusError:
    items = read_all(*paths, **kwargs)
    assert articles(items) == [], articles(items)
    (error,) = items
    return error


def write(path: Path, content: str | bytes, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


# --------------------------------------------------------------------------- dates and ids


@pytest.mark.parametrize(("raw", "expected"), DATES)
def test_normalize_date(raw: str, expected: str | None) -> None:
    assert normalize_date(raw) == expected


def test_normalize_date_objects_and_none() -> None:
    assert normalize_date(None) is None
    assert normalize_date(date(2023, 3, 21)) == "2023-03-21"
    assert normalize_date(20230321) == "2023-03-21"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)), st.integers(0, 4))
def test_normalize_date_round_trips_every_style(day: date, style: int) -> None:
    written = [
        day.isoformat(),
        f"{day.year}/{day.month}/{day.day}",
        f"{day.year}年{day.month}月{day.day}日",
        f"{day.isoformat()}T08:15:00Z",
        f"{day.year}.{day.month:02d}.{day.day:02d}",
    ][style]
    assert normalize_date(written) == day.isoformat()


@given(st.text(max_size=40))
def test_normalize_date_never_raises(raw: str) -> None:
    result = normalize_date(raw)
    assert result is None or date.fromisoformat(result)


@pytest.mark.parametrize(("raw", "expected"), IDS)
def test_sanitize_id(raw: str, expected: str) -> None:
    assert sanitize_id(raw) == expected


@given(st.text(max_size=300))
def test_sanitize_id_is_safe_idempotent_and_nonempty(raw: str) -> None:
    clean = sanitize_id(raw)
    assert clean
    assert len(clean) <= ID_MAX
    assert all(ch.isalnum() or ch in "-_." for ch in clean), clean
    assert not clean.startswith(".")
    assert sanitize_id(clean) == clean


def test_sanitize_id_keeps_long_ids_distinct() -> None:
    a, b = sanitize_id("新闻" * 100 + "a"), sanitize_id("新闻" * 100 + "b")
    assert a != b and len(a) <= ID_MAX and len(b) <= ID_MAX


def test_id_from_url_normalises() -> None:
    same = [
        "https://www.example.com/news/英伟达?b=2&a=1",
        "http://example.com/news/%E8%8B%B1%E4%BC%9F%E8%BE%BE/?a=1&b=2&utm_source=weibo",
        "HTTPS://EXAMPLE.COM:443/news/英伟达?a=1&b=2#comments",
        "  https://example.com/news/英伟达?spm=a2c4&a=1&b=2  ",
    ]
    ids = {id_from_url(u) for u in same}
    assert len(ids) == 1
    (one,) = ids
    assert one.startswith("u") and len(one) == 17
    assert id_from_url("https://example.com/news/英伟达?a=1&b=3") != one
    assert id_from_url("https://example.com/news/辉达?a=1&b=2") != one


# --------------------------------------------------------------------------- text and Markdown


def test_markdown_with_front_matter() -> None:
    a = only_article(DATA / "c07_huawei.md")
    assert a.id == "c07_huawei"
    assert a.title == "华为发布Mate 60 Pro：搭载麒麟9000S"
    assert a.date == "2023-08-29"
    assert a.publisher == "新浪科技"  # trailing comment cut
    assert a.url is None
    # The heading repeating the front-matter title is not part of the text;
    # the full-width indent and digits are kept exactly.
    assert a.text.startswith("8月29日，华为（HUAWEI）")
    assert "　　此前，华为与中国移动宣布合作，共同推出５Ｇ-Ａ网络服务。" in a.text
    raw = (DATA / "c07_huawei.md").read_text(encoding="utf-8")
    assert raw.rstrip().endswith(a.text)
    assert a.path == str(DATA / "c07_huawei.md")


def test_traditional_text_with_title_line() -> None:
    a = only_article(DATA / "tw_tsmc.txt")
    assert a.id == "tw_tsmc"
    assert a.title == "台積電與輝達擴大合作"
    assert a.text.startswith("　　輝達（NVIDIA）執行長黃仁勳")
    assert a.text.endswith("聯發科也發表了天璣9300晶片。")
    raw = (DATA / "tw_tsmc.txt").read_text(encoding="utf-8")
    start = raw.index(a.text)
    assert raw[start : start + len(a.text)] == a.text  # offsets into the file body hold


def test_front_matter_fields_quotes_and_explicit_id(tmp_path: Path) -> None:
    page = write(
        tmp_path / "draft.md",
        "---\n"
        "id: 'c08 xiaomi''s news'\n"
        'title: "小米与徕卡合作 \\"影像\\""\n'
        "date：2023/4/18\n"
        "url: https://www.example.com/xiaomi#top\n"
        "source: 'IT之家'\n"
        "author: 张三\n"
        "---\n"
        "小米宣布与徕卡（Leica）深化合作。\n",
    )
    a = only_article(page)
    assert a.id == "c08_xiaomi_s_news"  # explicit id wins over url and file name
    assert a.title == '小米与徕卡合作 "影像"'
    assert a.date == "2023-04-18"
    assert a.url == "https://www.example.com/xiaomi#top"
    assert a.publisher == "IT之家"
    assert a.text == "小米宣布与徕卡（Leica）深化合作。"


def test_id_from_url_when_no_explicit_id(tmp_path: Path) -> None:
    page = write(
        tmp_path / "a.txt",
        "---\nurl: https://example.com/huawei\n---\n华为发布鸿蒙系统\n\n华为今天发布了鸿蒙4。\n",
    )
    a = only_article(page)
    assert a.id == id_from_url("https://example.com/huawei")
    assert a.title == "华为发布鸿蒙系统"


def test_front_matter_errors_are_located(tmp_path: Path) -> None:
    unclosed = write(tmp_path / "unclosed.md", "---\ntitle: 英伟达\ndate: 2023-03-21\n")
    bad_line = write(tmp_path / "bad.md", "---\ntitle: 英伟达\n这一行不是键值\n---\n正文\n")
    no_body = write(tmp_path / "nobody.md", "---\ntitle: 只有标题\n---\n\n  \n")
    multi = write(tmp_path / "multi.md", "---\ntitle:\n  英伟达\n---\n正文\n")
    e = only_error(unclosed)
    assert (e.where, e.line) == (str(unclosed), 1) and "never closed" in str(e)
    e = only_error(bad_line)
    assert (e.where, e.line) == (str(bad_line), 3) and "key: value" in str(e)
    e = only_error(no_body)
    assert "no article text after the front matter" in str(e)
    e = only_error(multi)
    assert e.line == 3 and "'title'" in str(e)


def test_markdown_rule_at_top_is_not_front_matter(tmp_path: Path) -> None:
    page = write(tmp_path / "rule.md", "---\n\n英伟达与台积电合作\n\n两家公司宣布合作。\n")
    a = only_article(page)
    assert a.title == "---"
    assert a.text == "英伟达与台积电合作\n\n两家公司宣布合作。"


@pytest.mark.parametrize(
    ("content", "title", "text"),
    [
        ("# 百度发布文心一言\n\n百度发布了文心一言。", "百度发布文心一言", "百度发布了文心一言。"),
        ("腾讯发布混元\n=====\n腾讯发布了混元大模型。", "腾讯发布混元", "腾讯发布了混元大模型。"),
        ("\n\n  英伟达\n\n\n正文。\n\n\n", "英伟达", "正文。"),
        ("英伟达与台积电合作。", "", "英伟达与台积电合作。"),  # one line: all text
        ("C# 12 发布 #\n微软发布C# 12。", "C# 12 发布 #", "微软发布C# 12。"),
    ],
)
def test_title_line_rules(tmp_path: Path, content: str, title: str, text: str) -> None:
    a = only_article(write(tmp_path / "t.md", content))
    assert (a.title, a.text) == (title, text)


def test_long_first_line_is_body(tmp_path: Path) -> None:
    first = "英伟达" * 40  # 120 characters, not repeated below
    a = only_article(write(tmp_path / "long.txt", f"{first}\n第二段：台积电。\n"))
    assert a.title == ""
    assert a.text == f"{first}\n第二段：台积电。"


def test_title_of_exactly_title_max_characters(tmp_path: Path) -> None:
    title = "华" * TITLE_MAX
    a = only_article(write(tmp_path / "t.txt", f"{title}\n正文。"))
    assert a.title == title


def test_scraped_lead_copy_is_dropped(tmp_path: Path) -> None:
    body = (
        "出品|科技组“切勿错过AI的决定性时刻”这是英伟达2023年GTC大会的广告语。不知英伟达所说的时刻是指什么"
        * 3
    )
    lead = body[:100]
    a = only_article(write(tmp_path / "lead.txt", f"{lead}\n{body}\n"))
    assert a.text == body
    assert a.title == "出品|科技组“切勿错过AI的决定性时刻”这是英伟达2023年GTC大会的广告语。"


def test_seed_article(shared_dir: Path) -> None:
    path = shared_dir / "seeds" / "000_b6441017667c1a8e.txt"
    a = only_article(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    assert a.id == "000_b6441017667c1a8e"
    assert a.text == "\n".join(lines[1:]).rstrip()  # the real body, not the truncated lead
    assert a.text.startswith(lines[0])
    assert 0 < len(a.title) <= TITLE_MAX and a.title.endswith("广告语。")
    assert a.date is None


def test_crlf_text_keeps_characters(tmp_path: Path) -> None:
    a = only_article(write(tmp_path / "win.txt", "标题\r\n\r\n第一段。\r\n第二段。\r\n"))
    assert a.title == "标题"
    assert a.text == "第一段。\r\n第二段。"


# --------------------------------------------------------------------------- encodings

GBK_TEXT = "英伟达与台积电合作\n\n华为发布鸿蒙系统，并与中国移动合作推出５Ｇ服务。小米发布小米13。"
BIG5_TEXT = "輝達與台積電合作\n\n聯發科發表天璣晶片，蘋果公司也推出新款iPhone。"


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("gbk", GBK_TEXT),
        ("gb18030", GBK_TEXT),
        ("big5", BIG5_TEXT),
        ("utf-8-sig", BIG5_TEXT),
        ("utf-16", GBK_TEXT),  # with BOM
        ("utf-16-be", None),
    ],
)
def test_encodings(tmp_path: Path, encoding: str, text: str | None) -> None:
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + BIG5_TEXT.encode("utf-16-be")
        text = BIG5_TEXT
    else:
        data = text.encode(encoding)
    a = only_article(write(tmp_path / "enc.txt", data))
    title, _, body = text.partition("\n\n")
    assert (a.title, a.text) == (title, body)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("英伟达", "gbk"),
        ("华为发布鸿蒙系统", "gbk"),
        ("中芯国际", "gbk"),
        ("台積電與聯發科合作", "big5"),
        ("輝達", "big5"),
        ("蘋果發表新款筆電", "big5"),
    ],
)
def test_short_legacy_texts_decode(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding), "x.txt") == text


def test_html_declared_charset(tmp_path: Path) -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        "<title>华为发布Mate 60</title></head><body><article><p>华为今天在深圳发布了"
        "Mate 60系列手机，搭载麒麟9000S芯片，并与中国移动合作推出5G套餐服务。</p>"
        "</article></body></html>"
    )
    a = only_article(write(tmp_path / "gb.html", html, "gbk"))
    assert a.title == "华为发布Mate 60"
    assert a.text.startswith("华为今天在深圳发布了Mate 60系列手机")


def test_binary_files_are_rejected(tmp_path: Path) -> None:
    png = write(tmp_path / "logo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    junk = write(tmp_path / "junk.md", bytes([0x80, 0xFF, 0xFE, 0x81, 0x30, 0xC0]) * 50)
    for path in (png, junk):
        e = only_error(path)
        assert e.where == str(path)
        assert "looks binary" in str(e) and ".txt, .md, .html, .jsonl" in str(e)


# --------------------------------------------------------------------------- HTML


def test_html_article() -> None:
    a = only_article(DATA / "nvidia_gtc.html")
    assert a.title == "英伟达发布H100 NVL"
    assert a.url == "https://news.example.com/2023/03/21/nvidia-gtc.html"
    assert a.id == id_from_url(a.url)
    assert a.publisher == "科技日报"
    assert a.date == "2023-03-21"
    assert a.text.startswith("北京时间3月21日晚，英伟达在GTC大会上发布了")
    assert "cuLitho" in a.text
    assert "首页" not in a.text and "版权所有" not in a.text


def test_html_without_text(tmp_path: Path) -> None:
    page = write(
        tmp_path / "app.html",
        "<html><head><title>登录</title><script>var x = 1;</script></head><body></body></html>",
    )
    e = only_error(page)
    assert e.where == str(page)
    assert "no article text found in the HTML" in str(e)


def test_html_file_id_from_stem(tmp_path: Path) -> None:
    page = write(
        tmp_path / "c09_tencent.htm",
        "<html><body><article><p>腾讯发布混元大模型，并与招商银行合作。</p></article></body></html>",
    )
    a = only_article(page)
    assert a.id == "c09_tencent" and a.url is None
    assert a.text == "腾讯发布混元大模型，并与招商银行合作。"


# --------------------------------------------------------------------------- JSON Lines and JSON


def test_jsonl_broken_line_in_the_middle() -> None:
    path = DATA / "news.jsonl"
    items = read_all(path)
    good, bad = articles(items), errors(items)
    assert [a.id for a in good] == [
        "baidu-ernie",
        "news-3",
        id_from_url("https://example.com/news/gpt4"),
    ]
    assert [a.path for a in good] == [f"{path}:1", f"{path}:3", f"{path}:6"]
    assert good[0].date == "2023-03-16" and good[0].title == "百度发布文心一言"
    assert good[1].publisher == "數位時代" and good[1].text.startswith("微軟（Microsoft）")
    assert good[2].date == "2023-03-15"
    assert good[2].url == "https://www.example.com/news/gpt4?utm_source=feed"
    assert [(e.where, e.line) for e in bad] == [(str(path), 2), (str(path), 4)]
    assert "broken JSON" in str(bad[0]) and f"{path}:2:" in str(bad[0])
    assert '"text"' in str(bad[1]) and '"content"' in str(bad[1])
    # Errors come in file order, between the articles.
    assert [type(i).__name__ for i in items] == [
        "Article",
        "CorpusError",
        "Article",
        "CorpusError",
        "Article",
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('["英伟达"]', "expected a JSON object"),
        ('{"text": 42}', '"text" must be a string'),
        ('{"text": "   \\n  "}', '"text" is empty'),
        ('{"text": null}', 'missing the "text" field'),
        ('{"text": "华为", "title": ["a"]}', '"title" must be a string'),
        ('{"text": "华为", "id": true}', '"id" must be a string'),
    ],
)
def test_jsonl_line_errors(tmp_path: Path, line: str, message: str) -> None:
    path = write(tmp_path / "x.jsonl", '{"text": "第一篇"}\n' + line + "\n")
    items = read_all(path)
    assert [a.text for a in articles(items)] == ["第一篇"]
    (e,) = errors(items)
    assert e.line == 2 and message in str(e)


def test_jsonl_ids_are_stable_and_numeric_ids_allowed(tmp_path: Path) -> None:
    path = write(
        tmp_path / "feed.jsonl",
        '\ufeff{"id": 42, "text": "阿里巴巴发布通义千问"}\n{"text": "字节跳动发布豆包"}\n',
    )
    first = [a.id for a in articles(read_all(path))]
    assert first == ["42", "feed-2"]
    assert [a.id for a in articles(read_all(path))] == first


def test_jsonl_encodings(tmp_path: Path) -> None:
    lines = ['{"text": "輝達與台積電合作，聯發科發表新晶片。"}', '{"text": "英伟达发布H100。"}']
    utf16 = write(tmp_path / "u16.jsonl", "\n".join(lines) + "\n", "utf-16")
    big5 = write(tmp_path / "b5.jsonl", (lines[0] + "\n").encode("big5") + b'{"text": "ok"}\n')
    assert [a.text for a in articles(read_all(utf16))] == [
        "輝達與台積電合作，聯發科發表新晶片。",
        "英伟达发布H100。",
    ]
    assert [a.text for a in articles(read_all(big5))] == [
        "輝達與台積電合作，聯發科發表新晶片。",
        "ok",
    ]


def test_jsonl_line_over_the_limit(tmp_path: Path) -> None:
    big = json.dumps({"text": "英伟达" * 2000}, ensure_ascii=False)
    path = write(tmp_path / "mix.jsonl", f'{{"text": "第一篇"}}\n{big}\n{{"text": "第三篇"}}\n')
    items = read_all(path, max_bytes=1000)
    assert [a.text for a in articles(items)] == ["第一篇", "第三篇"]
    (e,) = errors(items)
    assert e.line == 2
    assert "line is 18.0 kB, above the 1 kB limit" in str(e) and "--max-bytes" in str(e)


def test_binary_jsonl(tmp_path: Path) -> None:
    e = only_error(write(tmp_path / "data.jsonl", b"\x00\x01\x02" * 100))
    assert "looks binary" in str(e)


def test_json_object_and_list() -> None:
    items = read_all(DATA / "list.json")
    assert [a.id for a in items] == ["xiaomi-13", "list-2"]
    assert items[1].date == "2023-04-07"
    assert items[1].path == f"{DATA / 'list.json'}#2"


def test_json_errors(tmp_path: Path) -> None:
    one = only_article(
        write(tmp_path / "c10_oppo.json", '{"text": "OPPO发布Find X6", "title": "OPPO"}')
    )
    assert (one.id, one.title) == ("c10_oppo", "OPPO")
    broken = write(tmp_path / "b.json", '[\n  {"text": "ok"},\n  {"text": "坏"\n]\n')
    e = only_error(broken)
    assert e.line == 4 and "broken JSON" in str(e)
    items = read_all(write(tmp_path / "l.json", '[{"text": "好"}, {"title": "无正文"}, 3]'))
    assert [a.text for a in articles(items)] == ["好"]
    assert [str(e).split(": ", 1)[1][:7] for e in errors(items)] == ["item 2:", "item 3:"]
    assert "empty" in str(only_error(write(tmp_path / "e.json", "[]")))
    assert "expected a JSON object" in str(only_error(write(tmp_path / "s.json", '"英伟达"')))


def test_json_file_holding_json_lines(tmp_path: Path) -> None:
    path = write(tmp_path / "lines.json", '{"text": "第一篇"}\n{"text": "第二篇"}\n')
    assert [(a.id, a.text) for a in read_all(path)] == [
        ("lines-1", "第一篇"),
        ("lines-2", "第二篇"),
    ]


def test_jsonl_streams_in_flat_memory(tmp_path: Path) -> None:
    line = json.dumps(
        {"title": "英伟达发布H100", "text": "英伟达在GTC大会上发布了H100，并与微软合作。" * 4},
        ensure_ascii=False,
    )
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(20_000):
            fh.write(line.replace("H100", f"H{i}") + "\n")
    size = path.stat().st_size
    tracemalloc.start()
    try:
        count = sum(isinstance(a, Article) for a in read_articles([path], max_bytes=10_000))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 20_000
    assert size > 5_000_000
    assert peak < 1_000_000, f"peak {peak} bytes while streaming a {size}-byte file"


# --------------------------------------------------------------------------- bad input


def test_missing_path_and_unsupported_type(tmp_path: Path) -> None:
    e = only_error(tmp_path / "nope.md")
    assert e.where == str(tmp_path / "nope.md")
    assert "no such file or folder; check the path" in str(e)
    pdf = write(tmp_path / "report.pdf", b"%PDF-1.4")
    e = only_error(pdf)
    assert "'.pdf'" in str(e) and ".txt, .md, .html, .htm, .jsonl, .json" in str(e)
    e = only_error(write(tmp_path / "README", "英伟达"))
    assert "(none)" in str(e)


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "file is empty"), (" \n\t\r\n\u3000\n".encode(), "only white space")],
)
def test_empty_files(tmp_path: Path, content: bytes, message: str) -> None:
    for name in ("a.txt", "a.md", "a.html", "a.json", "a.jsonl"):
        e = only_error(write(tmp_path / name, content))
        assert e.where == str(tmp_path / name) and e.line is None
        assert message in str(e)


def test_file_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(52_400_000)  # sparse: the size check must not read it
    e = only_error(path)
    assert str(e) == (
        f"{path}: file is 52.4 MB, above the 20 MB limit; split it into smaller files "
        "or pass --max-bytes"
    )
    small = write(tmp_path / "ok.txt", "英伟达发布H100")
    assert "above the 10 bytes limit" in str(only_error(small, max_bytes=10))


def test_invalid_max_bytes() -> None:
    with pytest.raises(UsageError, match="--max-bytes must be a positive"):
        read_all(DATA / "tw_tsmc.txt", max_bytes=0)


def test_unparseable_date_keeps_article_and_warns(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write(tmp_path / "d.md", "---\ntitle: 字节跳动发布豆包\ndate: 上周三\n---\n正文。\n")
    with caplog.at_level(logging.WARNING, logger="techkg.read"):
        items = read_all(path)
    (a,) = items
    assert isinstance(a, Article) and a.date is None and a.title == "字节跳动发布豆包"
    assert any("上周三" in r.getMessage() and str(path) in r.getMessage() for r in caplog.records)


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "英伟达与台积电合作\n\n正文一。")
    write(tmp_path / "b.txt", b"\x00\x00binary")
    write(tmp_path / "c.txt", "")
    write(tmp_path / "d.txt", "华为发布鸿蒙\n\n正文二。")
    items = read_all(tmp_path)
    assert [type(i).__name__ for i in items] == ["Article", "CorpusError", "CorpusError", "Article"]
    assert [e.where for e in errors(items)] == [str(tmp_path / "b.txt"), str(tmp_path / "c.txt")]


# --------------------------------------------------------------------------- folders and globs


def test_folder_is_recursive_sorted_and_skips_hidden() -> None:
    items = read_all(DATA)
    paths = [i.path if isinstance(i, Article) else f"{i.where}:{i.line}" for i in items]
    rel = [os.path.relpath(p.split(":")[0].split("#")[0], DATA) for p in paths]
    assert rel == [
        "c07_huawei.md",
        "list.json",
        "list.json",
        "nested/sub/deep.md",
        "news.jsonl",
        "news.jsonl",
        "news.jsonl",
        "news.jsonl",
        "news.jsonl",
        "nvidia_gtc.html",
        "tw_tsmc.txt",
    ]
    assert not any("隐藏" in a.text for a in articles(items))
    assert len(errors(items)) == 2  # the two bad JSONL lines


def test_empty_folders(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    e = only_error(empty)
    assert e.where == str(empty) and "folder has no readable files" in str(e)
    write(tmp_path / "other" / "a.pdf", b"%PDF")
    write(tmp_path / "other" / ".hidden.txt", "隐藏")
    e = only_error(tmp_path / "other")
    assert "1 other file(s) skipped" in str(e) and ".txt" in str(e)


def test_same_file_is_read_once(tmp_path: Path) -> None:
    page = write(tmp_path / "a.txt", "英伟达\n\n正文。")
    items = read_all(tmp_path, page, tmp_path / "." / "a.txt", tmp_path / "*.txt")
    assert [a.id for a in items] == ["a"]


def test_globs(tmp_path: Path) -> None:
    write(tmp_path / "c01.md", "百度\n\n百度发布文心一言。")
    write(tmp_path / "c02.txt", "阿里\n\n阿里发布通义千问。")
    write(tmp_path / "sub" / "c03.md", "腾讯\n\n腾讯发布混元。")
    write(tmp_path / "sub" / "notes.pdf", b"%PDF")
    assert [a.id for a in read_all(tmp_path / "*.md")] == ["c01"]
    # ids are paths relative to the pattern's fixed folder: sub/c03.md → sub_c03
    assert [a.id for a in read_all(tmp_path / "**" / "*.md")] == ["c01", "sub_c03"]
    assert [a.id for a in read_all(tmp_path / "**")] == ["c01", "c02", "sub_c03"]
    e = only_error(tmp_path / "*.docx")
    assert "no files match" in str(e)
    e = only_error(tmp_path / "sub" / "*.pdf")
    assert "no readable file" in str(e)


def test_ids_are_stable_across_reads_and_moves(tmp_path: Path) -> None:
    content = "---\ndate: 2023-03-21\n---\n英伟达发布H100\n\n英伟达今天发布了H100 NVL。\n"
    first = only_article(write(tmp_path / "a" / "c07_nvidia.md", content))
    moved = only_article(write(tmp_path / "b" / "c07_nvidia.md", content))
    again = only_article(tmp_path / "a" / "c07_nvidia.md")
    assert first.id == moved.id == again.id == "c07_nvidia"
    assert first.content_hash == moved.content_hash == again.content_hash


# --------------------------------------------------------------------------- stdin


def test_stdin_text_and_bytes() -> None:
    a = only_article("-", stdin=io.StringIO("\n\n輝達發表H100\n\n輝達（NVIDIA）今天發表H100。\n"))
    assert (a.id, a.title, a.text, a.path) == (
        content_id("輝達（NVIDIA）今天發表H100。"),
        "輝達發表H100",
        "輝達（NVIDIA）今天發表H100。",
        "<stdin>",
    )
    b = only_article("-", stdin=io.BytesIO(GBK_TEXT.encode("gbk")))
    assert b.text == GBK_TEXT.partition("\n\n")[2]


def test_stdin_jsonl_is_streamed() -> None:
    lines = ['{"text": "英伟达与台积电合作"}', "not json", '  {"id": "x", "text": "华为"}']
    items = read_all("-", stdin=io.StringIO("\n".join(lines) + "\n"))
    assert [i.id if isinstance(i, Article) else ("error", i.where, i.line) for i in items] == [
        content_id("英伟达与台积电合作"),
        ("error", "<stdin>", 2),
        "x",
    ]
    assert items[0].path == "<stdin>:1"


def test_stdin_html_and_default_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    html = (DATA / "nvidia_gtc.html").read_bytes()
    fake = io.TextIOWrapper(io.BytesIO(b"  \n" + html), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", fake)
    a = only_article("-")
    assert a.title == "英伟达发布H100 NVL" and a.publisher == "科技日报"


def test_stdin_utf16_jsonl_and_limit() -> None:
    data = '{"text": "輝達"}\n{"text": "台積電"}\n'.encode("utf-16")
    assert [a.text for a in read_all("-", stdin=io.BytesIO(data))] == ["輝達", "台積電"]
    e = only_error("-", stdin=io.StringIO("英伟达" * 100), max_bytes=50)
    assert e.where == "<stdin>" and "above the 50 bytes limit" in str(e)
    assert "only white space" in str(only_error("-", stdin=io.StringIO(" \n ")))


# --------------------------------------------------------------------------- article_from_dict


def test_article_from_dict() -> None:
    a = article_from_dict(
        {"text": "\n英伟达与台积电合作。\n", "title": " 合作 ", "date": "2023年3月21日"},
        where="api",
    )
    assert (a.text, a.title, a.date, a.path) == (
        "英伟达与台积电合作。",
        "合作",
        "2023-03-21",
        "api",
    )
    again = article_from_dict({"text": "英伟达与台积电合作。"}, where="api")
    assert a.id == again.id and a.id.startswith("h")
    other = article_from_dict({"text": "英伟达与台积电合作！"}, where="api")
    assert other.id != a.id
    assert article_from_dict({"text": "x", "id": "my id"}, where="api").id == "my_id"
    by_url = article_from_dict({"text": "x", "url": "https://example.com/a"}, where="api")
    assert by_url.id == id_from_url("https://example.com/a")


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({}, 'missing the "text" field'),
        ({"text": ""}, '"text" is empty'),
        ({"text": "　\n"}, '"text" is empty'),
        ({"text": ["a"]}, '"text" must be a string'),
        ({"text": "a", "url": 3}, '"url" must be a string'),
        (["text"], "expected a JSON object"),
    ],
)
def test_article_from_dict_errors(payload: object, message: str) -> None:
    with pytest.raises(CorpusError, match=message) as info:
        article_from_dict(payload, where="POST /articles")  # type: ignore[arg-type]
    assert info.value.where == "POST /articles"


def test_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    write(tmp_path / "corpus" / "a.txt", "英伟达\n\n英伟达发布H100。")
    (tmp_path / "corpus" / "loop").symlink_to(tmp_path / "corpus", target_is_directory=True)
    assert [a.id for a in read_all(tmp_path / "corpus")] == ["a"]


def test_folder_is_read_lazily(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "百度\n\n百度发布文心一言。")
    later = write(tmp_path / "b.txt", "阿里\n\n阿里发布通义千问。")
    items = read_articles([tmp_path])
    first = next(items)
    assert isinstance(first, Article) and first.id == "a"
    later.unlink()  # not read yet: its loss is reported when the walk reaches it
    (e,) = list(items)
    assert e.where == str(later) and "cannot read the file" in str(e)


# --------------------------------------------------------------------------- ids of distinct inputs


def test_same_file_name_in_two_folders_gives_two_ids(tmp_path: Path) -> None:
    jan = write(tmp_path / "news" / "2024-01" / "article.txt", "英伟达发布H100\n\n英伟达今天发布了H100。")
    feb = write(tmp_path / "news" / "2024-02" / "article.txt", "華為發表Mate 60\n\n華為今天發表Mate 60。")
    by_folder = [a.id for a in read_all(tmp_path / "news")]
    assert by_folder == ["2024-01_article", "2024-02_article"]
    # named one by one, or as two folders: still two ids, each stable across runs
    for run in [(jan, feb), (jan.parent, feb.parent), (tmp_path / "news" / "*" / "article.txt",)]:
        ids = [a.id for a in read_all(*run)]
        assert len(set(ids)) == 2 and ids == [a.id for a in read_all(*run)], run
    # a file named on its own, or directly inside the named folder, keeps its stem
    assert only_article(jan).id == "article"
    assert [a.id for a in read_all(jan.parent)] == ["article"]


def test_origin_is_the_absolute_file(tmp_path: Path) -> None:
    page = write(tmp_path / "a.md", "英伟达\n\n英伟达发布H100。")
    lines = write(tmp_path / "feed.jsonl", '{"text": "华为发布Mate 60。"}\n')
    assert only_article(page).origin == str(page.resolve())
    assert only_article(lines).origin == str(lines.resolve())
    assert only_article("-", stdin=io.StringIO("华为发布Mate 60。")).origin is None


def test_two_stdin_texts_get_two_ids() -> None:
    one = only_article("-", stdin=io.StringIO("英伟达发布H100\n\n英伟达今天发布了H100。"))
    two = only_article("-", stdin=io.StringIO("華為發表Mate 60\n\n華為今天發表Mate 60。"))
    again = only_article("-", stdin=io.StringIO("英伟达发布H100\n\n英伟达今天发布了H100。"))
    assert one.id != two.id and one.id == again.id and one.id.startswith("h")
    lines = [a.id for a in read_all("-", stdin=io.StringIO('{"text": "百度"}\n{"text": "阿里"}\n'))]
    others = [a.id for a in read_all("-", stdin=io.StringIO('{"text": "腾讯"}\n{"text": "小米"}\n'))]
    assert len(set(lines + others)) == 4


# --------------------------------------------------------------------------- smaller trust items


@pytest.mark.parametrize("label", ["Home", "首页", "返回首頁"])
def test_html_with_only_a_navigation_link_is_no_article(tmp_path: Path, label: str) -> None:
    page = write(
        tmp_path / "nav.html",
        f"<html><head><title>科技</title></head><body><nav><a href='/'>{label}</a></nav></body></html>",
    )
    e = only_error(page)
    assert "no article text found in the HTML" in str(e)


def test_html_short_news_item_with_links_is_kept(tmp_path: Path) -> None:
    page = write(
        tmp_path / "item.html",
        "<html><body><nav><a href='/'>首页</a></nav><article><p>百度今天在北京正式发布了"
        "<a href='/ernie'>文心一言</a>，面向企业开放测试。</p></article></body></html>",
    )
    text = only_article(page).text
    assert "百度今天在北京正式发布了" in text and "面向企业开放测试" in text


def test_symlink_loop_and_broken_link_are_named(tmp_path: Path) -> None:
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    e = only_error(loop)
    assert "symbolic link loop" in str(e) and "no such file" not in str(e)
    broken = tmp_path / "gone.md"
    broken.symlink_to(tmp_path / "missing.md")
    e = only_error(broken)
    assert "broken symbolic link" in str(e) and "missing.md" in str(e)


def test_one_bad_byte_in_utf8_is_located(tmp_path: Path) -> None:
    good = "英伟达发布H100\n\n英伟达今天发布了H100。\n台积电代工。\n"
    data = good.encode("utf-8")
    at = data.index("台".encode())
    path = write(tmp_path / "a.txt", data[:at] + b"\xff" + data[at:])
    e = only_error(path)
    assert f"byte 0xff at offset {at} (line 4)" in str(e) and "looks binary" not in str(e)


def test_one_bad_byte_in_a_jsonl_line_is_located(tmp_path: Path) -> None:
    line = '{"text": "英伟达发布H100"}'.encode()
    at = line.index("发".encode())
    path = write(tmp_path / "feed.jsonl", b'{"text": "ok"}\n' + line[:at] + b"\xff" + line[at:] + b"\n")
    items = read_all(path)
    (e,) = errors(items)
    assert e.line == 2 and f"byte 0xff at byte {at + 1} of the line" in str(e)
    assert [a.text for a in articles(items)] == ["ok"]


def test_broken_html_stack_fails_the_html_files_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A trafilatura that does not import (here: lxml_html_clean missing, as after an
    lxml upgrade) is a located error per HTML file; text files still read."""
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # "import trafilatura" raises ImportError
    page = write(tmp_path / "a.html", "<html><body><article><p>華為今天發佈了鴻蒙系統。</p></article></body></html>")
    write(tmp_path / "b.md", "小米发布小米14\n\n小米今天发布了小米14手机。")
    items = list(read_articles([str(tmp_path)]))
    errors = [i for i in items if isinstance(i, CorpusError)]
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.title for a in articles] == ["小米发布小米14"]
    assert len(errors) == 1 and errors[0].where == str(page)
    assert "HTML reader (trafilatura) does not import" in str(errors[0]) and "reinstall" in str(errors[0])
