"""Variant marks after a listed family's model: a glued plus sign and AMD's 3D are other products.

A variant is a product of its own (``docs/extraction.md``, product identity): 骁龙888+ is not
骁龙888, and 锐龙7 7800X3D is neither 锐龙 nor 锐龙7 7800X. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from techkg.records import Article


def _products(extractor, text):
    return {m.text for e in extractor.extract(Article(id="t", text=text)).entities if e.type == "Product"
            for m in e.mentions}


@pytest.mark.parametrize(("text", "product", "not_product"), [
    ("高通今天发布骁龙888+，主频提升至3.0GHz。", "骁龙888+", "骁龙888"),
    ("聯發科推出天璣9000+旗艦晶片。", "天璣9000+", "天璣9000"),
    ("骁龙888和骁龙888+均由三星代工。", "骁龙888+", None),
    ("AMD发布锐龙7 7800X3D游戏处理器。", "锐龙7 7800X3D", "锐龙"),
    ("AMD發表Ryzen 9 7950X3D處理器。", "Ryzen 9 7950X3D", "Ryzen"),
])
def test_a_variant_mark_makes_another_product(extractor, text, product, not_product):
    found = _products(extractor, text)
    assert product in found
    if not_product:
        assert not_product not in found


@pytest.mark.parametrize(("text", "not_product"), [
    ("微信+支付宝双双上线新功能。", "微信+"),      # a plus between two names joins them
    ("骁龙888+5G基带的组合仍是主流。", "骁龙888+"),  # a number after the plus: two things
])
def test_a_plus_between_two_things_is_no_variant(extractor, text, not_product):
    assert not_product not in _products(extractor, text)


# A variant named in Chinese after a Latin model is another product; where or how it is sold is not
# (国行版, 标准版, 网页版, a bundle's 套装版). Found on c187-c210 (Mavic 3多光谱版).
@pytest.mark.parametrize(("text", "product", "not_product"), [
    ("特斯拉推出Model Y长续航版，售价29.99万元。", "Model Y长续航版", "Model Y"),
    ("大疆發表Mavic 3行業版，主打測繪。", "Mavic 3行業版", "Mavic 3"),
    ("小米SU7标准版售价21.59万元，iPhone 16国行版本月开售。", "SU7", "SU7标准版"),
    ("大疆推出Mini 4 Pro畅飞套装版。", "Mini 4 Pro", "Mini 4 Pro畅飞套装版"),
    ("三星Galaxy S24系列国行版今日开售。", None, "Galaxy S24系列国行版"),
])
def test_a_chinese_variant_word_makes_another_product(extractor, text, product, not_product):
    found = _products(extractor, text)
    assert product is None or product in found, found
    assert not_product not in found, found
