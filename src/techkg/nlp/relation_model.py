"""A linear classifier over candidate company pairs in a sentence: partnership or not.

The features are words and positions, not names: which marker groups of
:data:`techkg.nlp.terms.RELATION_MARKERS` (cooperation cues, denial, rumour,
talks, plans, acquisition, investment, supply, competition, dispute …) occur
before, between or after the pair; how the two names are joined (与 / 和 / 、 /
携手 / nothing); the character bigrams between them and at their edges; their
distance, the clause breaks and other names between them; whether they sit in
one list; their entity types.

The weights are trained by ``scripts/train_relation_model.py`` (logistic
regression on FinRE plus the project's gold) and shipped as JSON in
``src/techkg/data/models/relation_partnership.json``: a plain mapping from
feature to weight, read without executing anything.

>>> model = PartnershipModel.load()
>>> text = "华为与中国移动宣布,双方将在5G领域开展合作。"
>>> round(model.probability(text, (0, 2), (3, 7), []), 1) > 0.5
True
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from techkg.nlp import terms
from techkg.records import EntityType

MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "models"
DEFAULT_MODEL = MODEL_DIR / "relation_partnership.json"
FEATURE_VERSION = 1
MIN_WEIGHT = 1e-3  # smaller weights change no decision; dropped from the file

CLAUSE_BREAKS = ",，;；:："
SENTENCE_ENDS = "。！？!?\n"
EDGE_WINDOW = 8  # characters read before the first name and after the second
BETWEEN_BIGRAM_LIMIT = 16  # longer gaps give only their edges as bigrams
JOINERS = ("与", "和", "、", "及", "以及", "同", "跟", "并与", "将与", "已与", "正与", "还与", "也与")
DISTANCE_BUCKETS = (0, 1, 3, 7, 15, 30)
PARTNER_PREPOSITIONS = terms.PREPOSITIONS + terms.LEAD_PARTNER_TRIGGERS + ("向", "为", "对")


@dataclass(frozen=True)
class Pair:
    """Two mentions in a sentence, in text order, with their entity types."""

    first: tuple[int, int]
    second: tuple[int, int]
    first_type: str = EntityType.COMPANY.label
    second_type: str = EntityType.COMPANY.label


def _bucket(n: int) -> str:
    for b in DISTANCE_BUCKETS:
        if n <= b:
            return str(b)
    return f">{DISTANCE_BUCKETS[-1]}"


@lru_cache(maxsize=1)
def _marker_re() -> tuple[re.Pattern, dict[str, tuple[str, ...]]]:
    """One alternation over every marker word (longest first) and each word's groups."""
    groups: dict[str, list[str]] = {}
    for group, words in terms.RELATION_MARKERS.items():
        for w in words:
            groups.setdefault(w, []).append(group)
    pattern = re.compile("|".join(re.escape(w) for w in sorted(groups, key=len, reverse=True)))
    return pattern, {w: tuple(g) for w, g in groups.items()}


def _markers(text: str, region: str) -> list[str]:
    pattern, groups = _marker_re()
    out = []
    for m in pattern.finditer(text):
        for g in groups[m.group()]:
            out.append(f"{g}@{region}")
        if "partner" in groups[m.group()] or "release" in groups[m.group()]:
            out.append(f"cue={m.group()}@{region}")
    return out


def _bigrams(text: str, tag: str) -> list[str]:
    text = re.sub(r"\s+", "", text)
    return [f"{tag}={text[i:i + 2]}" for i in range(len(text) - 1)] or ([f"{tag}={text}"] if text else [])


def pair_features(text: str, pair: Pair, others: list[tuple[int, int]], sentence: tuple[int, int]) -> list[str]:
    """Feature names for a candidate pair.

    Args:
        text: folded text (half-width, Simplified).
        pair: the two mentions, ``first`` before ``second``.
        others: the other named mentions of the sentence (start, end).
        sentence: the sentence's (start, end) offsets.

    >>> feats = pair_features("A与B签署战略合作协议。", Pair((0, 1), (2, 3)), [], (0, 12))
    >>> "join=与" in feats and "partner@after" in feats
    True
    """
    s, e = sentence
    (a0, a1), (b0, b1) = pair.first, pair.second
    between = text[a1:b0]
    clause_start = max((i + 1 for i in range(s, a0) if text[i] in CLAUSE_BREAKS), default=s)
    clause_end = next((i for i in range(b1, e) if text[i] in CLAUSE_BREAKS), e)
    before = text[clause_start:a0]
    after = text[b1:clause_end]
    rest = text[clause_end:e]
    feats = [f"types={pair.first_type}-{pair.second_type}", f"dist={_bucket(len(between))}"]
    stripped = between.strip()
    if stripped in JOINERS:
        feats.append(f"join={stripped}")
    elif not stripped:
        feats.append("join=none")
    elif any(stripped.startswith(j) for j in ("与", "和", "同", "跟")):
        feats.append("join=prep+")
    breaks = sum(ch in CLAUSE_BREAKS for ch in between)
    feats.append(f"breaks={min(breaks, 2)}")
    inside = sum(1 for o0, o1 in others if a1 <= o0 and o1 <= b0)
    feats.append(f"others_between={min(inside, 2)}")
    lead = before.rstrip()
    prep = next((j for j in PARTNER_PREPOSITIONS if lead.endswith(j)), None)
    if prep:
        feats.append("prep_before_first")  # "与A、B合作": A and B are both the object
        if stripped in JOINERS:
            feats.append("co_objects")
    if not re.sub(r"[\s\"“”「」]", "", before) or terms.SUBJECT_LEAD_RE.fullmatch(before):
        feats.append("first_opens_clause")
    ahead = sum(1 for o0, o1 in others if clause_start <= o0 and o1 <= a0)
    feats.append(f"others_before={min(ahead, 2)}")
    listed = [o for o in others if terms.LIST_SEPARATORS.match(text[o[1]:a0]) or terms.LIST_SEPARATORS.match(
        text[b1:o[0]])]
    if listed:
        feats.append("in_longer_list")
    feats += _markers(before, "before")
    feats += _markers(between, "between")
    feats += _markers(after, "after")
    feats += [f.replace("@", "@later_") for f in _markers(rest, "") if not f.startswith("cue=")]
    feats += [f"sent_{f}" for f in _markers(text[s:clause_start], "earlier") if not f.startswith("cue=")]
    if len(between) <= BETWEEN_BIGRAM_LIMIT:
        feats += _bigrams(between, "bi")
    else:
        feats += _bigrams(between[:4], "bi_head") + _bigrams(between[-4:], "bi_tail")
    feats += _bigrams(text[max(s, a0 - 3):a0], "bb")
    feats += _bigrams(text[b1:min(e, b1 + EDGE_WINDOW)], "ab")
    if terms.ANAPHORIC_BEFORE_TRIGGER.search(text[max(s, b1):min(e, b1 + 6)]):
        feats.append("anaphor_after")
    return feats


class PartnershipModel:
    """Logistic regression weights over :func:`pair_features`.

    Args:
        weights: feature name → weight.
        bias: the intercept.
        meta: what the model was trained on (recipe, data, figures).
    """

    def __init__(self, weights: dict[str, float], bias: float, meta: dict | None = None) -> None:
        self.weights = weights
        self.bias = bias
        self.meta = meta or {}

    @classmethod
    def load(cls, path: Path | str = DEFAULT_MODEL) -> PartnershipModel:
        """Read a model file written by :meth:`save`.

        Raises:
            ValueError: the file is not a relation model of this feature version.
        """
        path = Path(path)
        data = json.loads(path.read_text("utf-8"))
        if data.get("feature_version") != FEATURE_VERSION:
            raise ValueError(
                f"{path}: relation model for feature version {data.get('feature_version')}, this code reads "
                f"version {FEATURE_VERSION}; retrain it with scripts/train_relation_model.py"
            )
        return cls({k: float(v) for k, v in data["weights"].items()}, float(data["bias"]), data.get("meta"))

    def save(self, path: Path | str) -> None:
        data = {"feature_version": FEATURE_VERSION, "bias": round(self.bias, 6),
                "weights": {k: round(v, 6) for k, v in sorted(self.weights.items()) if abs(v) >= MIN_WEIGHT},
                "meta": self.meta}
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n", "utf-8")

    def score(self, feats: list[str]) -> float:
        """Probability of a partnership given feature names."""
        z = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def probability(self, text: str, first: tuple[int, int], second: tuple[int, int],
                    others: list[tuple[int, int]], sentence: tuple[int, int] | None = None,
                    types: tuple[str, str] = (EntityType.COMPANY.label, EntityType.COMPANY.label)) -> float:
        """Probability that the sentence says the two mentions cooperate."""
        if sentence is None:
            sentence = (0, len(text))
        pair = Pair(first, second, *types) if first[0] <= second[0] else Pair(second, first, *types[::-1])
        return self.score(pair_features(text, pair, others, sentence))
