"""Shared test setup: the Dutch Gherkin step library and pytester (for failing-feature tests)."""

from __future__ import annotations

pytest_plugins = ["pytester", "riskmodel.scenarios.gherkin_steps"]
