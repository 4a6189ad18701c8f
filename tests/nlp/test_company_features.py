"""The tagger's CRF features stay exactly those the shipped model was trained with.

A CRFsuite model only knows feature strings; the same text must give the same
strings, in the same order, whatever is done to compute them faster. The
snapshot (``tests/data/company_features.json``, written by
``scripts/snapshot_company_features.py`` with the feature code that trained
the version-4 model) holds real sentences (Simplified and Traditional, folded
as the tagger folds them) and hard cases, with their LAC tokens and gazetteer
matches, and the SHA-256 of their features.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from techkg.nlp.company_model import FEATURE_VERSION, char_features

SNAPSHOT = Path(__file__).resolve().parents[1] / "data" / "company_features.json"
CASES = json.loads(SNAPSHOT.read_text(encoding="utf-8"))["cases"]


def digest(features: list[tuple[str, ...]]) -> str:
    return hashlib.sha256(json.dumps(features, ensure_ascii=False).encode("utf-8")).hexdigest()


def located(case: dict) -> list[tuple[int, int, str]]:
    return [(s, e, tag) for s, e, tag in case["located"]]


def gazetteers(case: dict) -> dict[str, list[tuple[int, int]]]:
    return {name: [(s, e) for s, e in spans] for name, spans in case["gazetteers"].items()}


def test_snapshot_is_of_this_feature_version():
    assert f"FEATURE_VERSION {FEATURE_VERSION};" in SNAPSHOT.read_text(encoding="utf-8")
    assert len(CASES) >= 15
    assert any("Mate 60" in c["text"] for c in CASES)  # mixed scripts (texts are folded: Simplified, half-width)
    assert sum(1 for c in CASES if any(c["gazetteers"].values())) >= 5


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:12] for c in CASES])
def test_features_equal_the_snapshot(case):
    text = case["text"]
    assert digest(char_features(text, located(case), gazetteers(case))) == case["sha256"], text
    assert digest(char_features(text, located(case))) == case["sha256_plain"], text
    assert digest(char_features(text, None)) == case["sha256_no_lac"], text


def test_a_changed_feature_changes_the_digest():
    """The check can fail: one character's feature more or less gives another digest."""
    case = CASES[0]
    feats = char_features(case["text"], located(case), gazetteers(case))
    assert digest(feats) == case["sha256"]
    assert digest([*feats[:-1], (*feats[-1], "x=1")]) != case["sha256"]
    assert digest([feats[1], feats[0], *feats[2:]]) != case["sha256"]  # order counts too
