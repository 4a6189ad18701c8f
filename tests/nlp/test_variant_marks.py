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
