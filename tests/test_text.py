"""One matching key for names: the lexicon, the graph, search and query parameters agree."""

from __future__ import annotations

import pytest

from techkg.records import Article
from techkg.sparql import bind, find_query_file, parse_query_text, read_query_file
from techkg.store import GraphStore
from techkg.text import fold, match_form, match_key, name_form, plain_key
from techkg.web.projection import Projection

NVIDIA = "https://w3id.org/techkg/id/company/nvidia"
GPT4 = "https://w3id.org/techkg/id/product/openai-gpt-4"

TEXT = "OpenAI今日發布GPT-4，輝達（NVIDIA）與微軟宣布合作，將在Azure上提供GPT-4服務。"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("GPT-4", "GPT4"),
        ("GPT-4", "ＧＰＴ－４"),
        ("GPT 4", "gpt_4"),
        ("DALL·E", "DALL-E"),
        ("英偉達公司", "英伟达"),
        ("輝達", "辉达"),
        ("華為技術有限公司", "华为"),
        ("阿里巴巴集團", "阿里巴巴"),
        ("Apple Inc.", "apple"),
        ("NVIDIA Corporation", "ｎｖｉｄｉａ"),
        ("聯想（中國）有限公司", "联想"),
    ],
)
def test_names_that_are_one_name_share_a_key(a: str, b: str) -> None:
    assert match_key(a) == match_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("GPT-4", "GPT-4o"),
        ("电信", "中国电信"),
        ("U.S. Bancorp", "U.S. Ban"),  # a Latin legal form needs a space before it
        ("公司", ""),  # nothing would be left: kept
    ],
)
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert match_key(a) != match_key(b)


def test_name_form_keeps_legal_forms_for_the_matchers() -> None:
    # In running text 电信集团 is China Telecom and 电信 is a word: the matchers keep the difference.
    assert name_form("電信集團") == "电信集团"
    assert name_form("ＧＰＴ－４") == "gpt4"


def test_match_form_keeps_offsets() -> None:
    text = "ＮＶＩＤＩＡ與輝達İ"
    assert len(match_form(text)) == len(text) == len(fold(text))
    assert match_form(text).startswith("nvidia与辉达")


def test_plain_key_is_the_old_key_of_unlisted_names() -> None:
    # IRIs of entities no lexicon lists are minted from it: it must not move.
    assert plain_key("Wi-Fi 7") == "wi-fi7"
    assert plain_key("輝達 公司") == "辉达公司"


@pytest.fixture(scope="module")
def store(extractor):
    st = GraphStore.open(None)
    st.put(extractor.extract(Article(id="gpt4-tw", text=TEXT, date="2024-03-01")))
    yield st
    st.close()


@pytest.mark.parametrize("query", ["英偉達公司", "輝達", "英伟达", "NVIDIA", "ｎｖｉｄｉａ"])
def test_search_finds_nvidia_by_any_name(store, query: str) -> None:
    hits = Projection.build(store).search(query)
    assert hits and hits[0]["id"] == NVIDIA


@pytest.mark.parametrize("query", ["GPT4", "ＧＰＴ－４", "gpt 4", "GPT-4"])
def test_search_finds_gpt4_with_or_without_separators(store, query: str) -> None:
    hits = Projection.build(store).search(query)
    assert hits and hits[0]["id"] == GPT4


@pytest.mark.parametrize("name", ["英偉達公司", "輝達", "英伟达", "NVIDIA"])
def test_query_parameter_finds_the_company_by_any_name(store, name: str) -> None:
    q = read_query_file(find_query_file("partners"))
    rows = store.select(bind(q.text, {"company": name}, q.params))
    assert {r["partner"] for r in rows} == {"https://w3id.org/techkg/id/company/microsoft"}


PRODUCT_QUERY = """# Products by name.
# @param product name GPT-4 -- any name of the product
SELECT DISTINCT ?p WHERE { ?p tk:matchKey ?product ; a tk:Product }
"""


@pytest.mark.parametrize("name", ["GPT4", "ＧＰＴ－４", "GPT-4"])
def test_query_parameter_finds_the_product_by_any_spelling(store, name: str) -> None:
    q = parse_query_text(PRODUCT_QUERY)
    rows = store.select(bind(q.text, {"product": name}, q.params))
    assert [r["p"] for r in rows] == [GPT4]
