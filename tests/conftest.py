"""Shared fixtures; the paths they use are in model_copies.py (importable from any test).

The pytest plugins (pytester, the Gherkin steps, the scenario-file items) are registered in
the conftest.py at the repository root.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from model_copies import BUNDLED_RULES, EXAMPLE_PROFILE, MINI, MINI_SCENARIOS, REPO

from riskmodel import load_rules
from riskmodel.model.ruleset import RuleSet


@pytest.fixture(scope="session")
def rules() -> RuleSet:
    """The mini model (tests/models/mini), loaded once per run."""
    return load_rules(MINI)


@pytest.fixture(scope="session")
def bundled_rules() -> RuleSet:
    """The bundled model (rules/), loaded once per run."""
    return load_rules(BUNDLED_RULES)


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def mini_scenarios() -> Path:
    return MINI_SCENARIOS


@pytest.fixture(scope="session")
def example_profile() -> Path:
    return EXAMPLE_PROFILE
