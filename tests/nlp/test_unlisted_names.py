"""Names the lexicon does not list, read from what they do: a brand launching its own model, a partner.

A Chinese name that launches a model named after itself is the brand company.

"萤石推出萤石C8c", "小米今晚正式发布了小米15 Ultra": the subject and the model's prefix are one name, so
the name is a company (the release's subject) whether or not the lexicon lists it, and a number after
it ("小米15") does not make it a product series. Found by probing release sentences of our own without
the lexicon; sentences written for these tests, with negatives.
"""

from __future__ import annotations

import pytest

from techkg.records import Article


def _read(extractor, text):
    result = extractor.extract(Article(id="t", text=text))
    companies = {e.label for e in result.entities if e.type == "Company"}
    releases = {(r.source, r.target) for r in result.relations if r.type == "release"}
    return companies, releases


@pytest.mark.parametrize(("text", "brand"), [
    ("萤石推出萤石C8c摄像头。", "萤石"),
    ("倍思今日发布倍思Bowie MA10耳机。", "倍思"),
    ("小米今晚正式发布了小米15 Ultra，起售价6499元。", "小米"),
    ("荣耀發表榮耀Magic7 Pro。", "荣耀"),
    ("华为今天推出华为Mate 70系列。", "华为"),
])
def test_a_name_launching_its_own_model_is_the_brand(bare_extractor, text, brand):
    companies, releases = _read(bare_extractor, text)
    assert brand in companies
    assert any(source == brand for source, _product in releases)


@pytest.mark.parametrize(("text", "not_company"), [
    ("今天发布了今天X1。", "今天"),              # a time word opening the clause
    ("联发科发布天玑9400，天玑9400采用3nm工艺。", "天玑"),  # a series repeated, not launching itself
    ("公司发布了公司X1。", "公司"),              # a generic word
])
def test_no_brand_from_time_words_series_or_generic_words(bare_extractor, text, not_company):
    companies, _releases = _read(bare_extractor, text)
    assert not_company not in companies


def test_with_the_lexicon_a_listed_brand_is_unchanged(extractor):
    companies, releases = _read(extractor, "小米今晚正式发布了小米15 Ultra。")
    assert companies == {"Xiaomi"} and releases == {("xiaomi", "xiaomi-15-ultra")}


# A name LAC reads as a person, as the second party of a company's cooperation that only organisations
# enter (signing a strategic agreement, a joint venture, an alliance), is a company; a person met, or a
# labour contract signed, stays a person.
@pytest.mark.parametrize(("text", "partner"), [
    ("宁德时代与特斯拉签署战略合作协议。", "特斯拉"),
    ("寧德時代與特斯拉簽署戰略合作協議。", "特斯拉"),
    ("百度与卡特彼勒达成合作。", "卡特彼勒"),
])
def test_a_partner_only_an_organisation_can_be_is_a_company(bare_extractor, text, partner):
    companies, _releases = _read(bare_extractor, text)
    assert partner in companies


@pytest.mark.parametrize(("text", "person"), [
    ("小米与张一鸣见面。", "张一鸣"),
    ("华为与王小明签署了劳动合同。", "王小明"),
])
def test_a_person_met_or_hired_is_no_partner(bare_extractor, text, person):
    companies, _releases = _read(bare_extractor, text)
    assert person not in companies


# A device noun before an unlisted model is no part of its name, and a category is no product
# ("充电宝Prime 26K" is Prime 26K; "NAS私有云DXP4800 Plus" names DXP4800 Plus only).
@pytest.mark.parametrize(("text", "product", "not_products"), [
    ("安克创新发布充电宝Prime 26K。", "Prime 26K", {"充电宝Prime 26K"}),
    ("绿联推出NAS私有云DXP4800 Plus。", "DXP4800 Plus", {"NAS", "NAS私有云DXP4800 Plus"}),
    ("添可發表洗地機Floor One S9。", "Floor One S9", {"洗地機Floor One S9"}),
    ("小米推出智能门锁M20 Pro。", "M20 Pro", {"智能门锁M20 Pro"}),
])
def test_a_device_noun_before_an_unlisted_model_is_no_part_of_it(extractor, text, product, not_products):
    result = extractor.extract(Article(id="t", text=text))
    names = {m.text for e in result.entities if e.type == "Product" for m in e.mentions}
    assert product in names and not names & not_products
