"""Extraction entry point: long texts in sentence-bounded chunks, limits, exact evidence offsets."""

from __future__ import annotations

import itertools

import pytest

from techkg.errors import CorpusError
from techkg.extract import Extractor, chunk_bounds
from techkg.ingest import ingest_articles
from techkg.records import Article
from techkg.store import GraphStore

# Real news sentences, Simplified and Traditional, with the paragraph indent of Chinese articles.
SENTENCES = [
    "　　英伟达宣布与台积电、新思科技合作，将cuLitho计算光刻库引入2纳米芯片制造。\n",
    "　　百度于3月16日正式发布了大语言模型文心一言。\n",
    "　　輝達（NVIDIA）與聯發科宣布攜手合作，共同開發車用晶片。\n",
    "　　华为与赛力斯宣布深化合作，双方联合打造的问界M9正式上市。\n",
    "　　小米发布小米14手机，搭载第三代骁龙8。\n",
]


def long_text(n_chars: int) -> str:
    out, i = [], 0
    while sum(map(len, out)) < n_chars:
        out.append(SENTENCES[i % len(SENTENCES)])
        i += 1
    return "".join(out).rstrip()


def assert_offsets_exact(ex) -> None:
    text = ex.article.text
    for e in ex.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text, (e.key, m)
    for r in ex.relations:
        assert text[r.start : r.end] == r.evidence, r
        assert r.evidence == r.evidence.strip(), r


def test_chunk_bounds_cover_the_text_at_sentence_ends():
    text = long_text(3000)
    bounds = chunk_bounds(text, 500)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))  # contiguous, nothing lost
    assert all(0 < e - s <= 500 for s, e in bounds)
    assert all(text[e - 1] in "。\n" for _, e in bounds[:-1])  # each chunk ends a sentence
    # no sentence end at all (CJK without punctuation): cut at the size, still covering everything
    flat = "英伟达台积电合作" * 200
    assert chunk_bounds(flat, 500) == [(i, min(i + 500, len(flat))) for i in range(0, len(flat), 500)]
    assert chunk_bounds("短文。", 500) == [(0, 3)]


def test_a_long_article_in_chunks_gives_the_same_graph(nlp):
    article = Article(id="long", text=long_text(4000))
    whole = Extractor(nlp=nlp).extract(article)
    chunked = Extractor(nlp=nlp, chunk_chars=300).extract(article)
    assert_offsets_exact(whole)
    assert_offsets_exact(chunked)
    # one entity per name across chunks, with every mention of the whole text
    assert {(e.type, e.key) for e in chunked.entities} == {(e.type, e.key) for e in whole.entities}
    count = {e.key: len(e.mentions) for e in whole.entities}
    assert {e.key: len(e.mentions) for e in chunked.entities} == count
    assert count["nvidia"] > 10  # mentions from every chunk were merged into one entity
    surfaces = [m.text for e in chunked.entities for m in e.mentions]
    owners = {m.text: e.key for e in chunked.entities for m in e.mentions}
    assert len({(s, owners[s]) for s in surfaces}) == len(set(surfaces))  # a name, one entity
    # relations stay within chunks, at article offsets
    assert {(r.type, r.source, r.target) for r in chunked.relations} == {
        (r.type, r.source, r.target) for r in whole.relations
    }


def test_text_above_spacy_max_length_is_extracted(nlp):
    saved = nlp.max_length
    nlp.max_length = 5000  # stands for spaCy's 1,000,000: the limit a chunk never reaches
    try:
        ex = Extractor(nlp=nlp).extract(Article(id="big", text=long_text(12_000)))
    finally:
        nlp.max_length = saved
    assert_offsets_exact(ex)
    assert any(e.key == "tsmc" for e in ex.entities)


def test_the_length_limit_is_a_clear_error_and_stays_local(nlp):
    small = Extractor(nlp=nlp, max_chars=2000)
    big = Article(id="big", text=long_text(3000), path="feed.jsonl:7")
    with pytest.raises(CorpusError, match=r"feed.jsonl:7: text is 3,0\d\d characters, above the 2,000"):
        small.extract(big)
    good = Article(id="good", text=SENTENCES[1].strip(), path="feed.jsonl:8")
    s = ingest_articles([big, good], GraphStore.open(None), extractor=small)
    assert (s.new, s.failed) == (1, 1)
    assert s.errors[0].startswith("feed.jsonl:7: text is") and "split" in s.errors[0]
    assert "report it" not in s.errors[0]


def test_evidence_is_the_exact_slice_of_its_offsets(extractor):
    text = "".join(SENTENCES)
    ex = extractor.extract(Article(id="ws", text=text))
    assert ex.relations
    assert_offsets_exact(ex)


def test_cli_extract_goes_on_past_a_failing_article(tmp_path, monkeypatch):
    import json

    from typer.testing import CliRunner

    from techkg.cli import app
    from techkg.extract import Extractor as Real

    feed = tmp_path / "feed.jsonl"
    rows = [{"id": "a", "text": "百度发布文心一言。"}, {"id": "bad", "text": "英伟达\\ud800发布。"},
            {"id": "c", "text": "輝達與鴻海合作建設AI工廠。"}, {"id": "d", "text": long_text(3000)}]
    feed.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows).replace("\\\\ud800", "\\ud800"),
                    "utf-8")
    original = Real.pipe

    def pipe(self, articles, batch_size=32):  # the pipeline crashes on article "c"
        for a in articles:
            if a.id == "c":
                raise RuntimeError("simulated crash in OpenCC")
            yield from original(self, [a], batch_size=1)

    monkeypatch.setattr(Real, "pipe", pipe)
    r = CliRunner().invoke(app, ["extract", "--json", "--no-model", str(feed)])
    assert r.exit_code == 1
    assert [json.loads(line)["id"] for line in r.stdout.splitlines()] == ["a", "d"]
    assert f"{feed}:2: " in r.stderr and "surrogate" in r.stderr
    assert f"{feed}:3: extraction failed (RuntimeError: simulated crash in OpenCC)" in r.stderr


# (text, the brand company, its mention, the release read): a company named only as the brand
# inside its product's name is a company of the article, so its release has both ends.
BRAND_INSIDE_PRODUCT = [
    ("一加13今日正式开售，首销当天销量破纪录。", "OnePlus", "一加", True),
    ("極氪001 FR正式上市，售價76.9萬元。", "Zeekr", "極氪", True),
    ("小米15今日正式开售。", "Xiaomi", "小米", True),
    ("問界M9今天正式上市。", "AITO", "問界", True),
    ("OnePlus 13 goes on sale in India today; 一加13将于下月在国内开售。", "OnePlus", "OnePlus", False),
]


@pytest.mark.parametrize(("text", "company", "mention", "released"), BRAND_INSIDE_PRODUCT)
def test_a_brand_inside_a_product_name_is_its_company(extractor, text, company, mention, released):
    x = extractor.extract(Article(id="brand", text=text))
    companies = {e.label: e for e in x.entities if e.type.value == "Company"}
    assert company in companies, x.entities
    assert [m.text for m in companies[company].mentions][0] == mention
    key = companies[company].key
    assert any(r.type == "release" and r.source == key for r in x.relations) == released


def test_a_product_whose_name_holds_no_maker_name_adds_no_company(extractor):
    x = extractor.extract(Article(id="brand", text="iPhone 16e今日在中国大陆正式开售。"))
    assert {e.label for e in x.entities if e.type.value == "Company"} == set()
