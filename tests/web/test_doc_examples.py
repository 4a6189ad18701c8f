"""The ``>>>`` examples of the SPARQL package, the web app and the renderer run."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["techkg.sparql", "techkg.sparql.params", "techkg.sparql.guard", "techkg.sparql.run",
           "techkg.sparql.formats", "techkg.web.app", "techkg.web.projection", "techkg.render"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no >>> examples"
    assert result.failed == 0
