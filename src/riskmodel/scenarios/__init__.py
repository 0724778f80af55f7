"""Scenarios: known cases with the outcome an analyst expects, run against the model.

Two formats share one set of checks: YAML scenario files (:mod:`.model`, run by
:func:`run_scenarios`) and Dutch Gherkin features (the pytest-bdd steps in
:mod:`.gherkin_steps`). See docs/scenarios.md.
"""

from __future__ import annotations

from riskmodel.scenarios.model import (
    Expectations,
    LoadedScenario,
    Scenario,
    load_scenario,
    read_scenario,
)
from riskmodel.scenarios.runner import (
    Mismatch,
    ScenarioReport,
    ScenarioResult,
    check_expectations,
    engines_for,
    format_table,
    run_scenarios,
)

__all__ = [
    "Expectations",
    "LoadedScenario",
    "Mismatch",
    "Scenario",
    "ScenarioReport",
    "ScenarioResult",
    "check_expectations",
    "engines_for",
    "format_table",
    "load_scenario",
    "read_scenario",
    "run_scenarios",
]
