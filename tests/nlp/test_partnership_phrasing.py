"""Partnership phrasing classes found on unseen news (dev articles c115-c138), one table each.

Each table holds sentences written for these tests (Simplified and Traditional, other companies
and wordings than the articles), sentence → the partnership pairs expected (company keys); each
class has near misses too: a pair that must not be read (supplier, investment, acquisition,
rumour, plan, competition, denial).
"""

from __future__ import annotations

import pytest

from techkg.records import Article


def _partnerships(extractor, text: str) -> set[tuple[str, str]]:
    result = extractor.extract(Article(id="t", text=text))
    return {(r.source, r.target) for r in result.relations if r.type == "partnership"}


# Class 1: a negation word that affirms ("not the first time", "not only") negates nothing.
AFFIRMING_NEGATION = [
    ("小米并非第一次与徕卡合作，双方此前已共同调校影像系统。", {("leica", "xiaomi")}),
    ("华为并非首次携手长安汽车，两家公司早在2018年就签署了合作协议。", {("changan", "huawei")}),
    ("鴻海並非首次與輝達合作。", {("foxconn", "nvidia")}),
    ("丰田不是只押注一家：由丰田与宁德时代合资成立的公司已经投产。", {("catl", "toyota")}),
    ("台積電並非只押注蘋果：由台積電與索尼合資成立的JASM已在熊本量產。", {("sony", "tsmc")}),
]
# ... while a denial, a rumour or a plain "not" still cancels the cooperation.
AFFIRMING_NEGATION_NOT = [
    ("小米并非与徕卡合作，而是自研影像系统。", ("leica", "xiaomi")),
    ("英特尔并非首次否认与三星合作。", ("intel", "samsung")),
    ("蘋果並不是第一次傳出與百度合作的消息。", ("apple", "baidu")),
]

READ = AFFIRMING_NEGATION
NOT_READ = AFFIRMING_NEGATION_NOT


@pytest.mark.parametrize(("text", "pairs"), READ)
def test_partnership_phrasing(extractor, text, pairs):
    assert _partnerships(extractor, text) == pairs


@pytest.mark.parametrize(("text", "pair"), NOT_READ)
def test_near_miss_is_no_partnership(extractor, text, pair):
    assert pair not in _partnerships(extractor, text)
