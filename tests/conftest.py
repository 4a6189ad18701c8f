"""Shared fixtures: paths to the repository's data and one loaded pipeline per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "corpus"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def nlp():
    """The techkg spaCy pipeline, loaded once for the whole session."""
    from techkg.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def extractor(nlp):
    """An :class:`techkg.extract.Extractor` sharing the session pipeline."""
    from techkg.extract import Extractor

    return Extractor(nlp=nlp)


@pytest.fixture(scope="session")
def bare_extractor():
    """An extractor without the curated lexicon: names must come from the text (``--no-lexicon``)."""
    from techkg.extract import Extractor

    return Extractor(lexicon=False)


def pytest_sessionfinish(session, exitstatus):
    """Stop any child process a test left running (worker pools, clusters), so the run ends.

    Python joins non-daemon children at exit: one forgotten pool would hang CI after the
    summary. Leftovers are named on stderr so the leak can be found and fixed.
    """
    import multiprocessing
    import sys

    left = multiprocessing.active_children()
    if left:
        print(f"\nconftest: stopping {len(left)} child process(es) left running by tests: "
              f"{', '.join(sorted({p.name for p in left}))}", file=sys.stderr)
    for p in left:
        p.terminate()
    for p in left:
        p.join(timeout=5)
        if p.is_alive():
            p.kill()
