"""Every check of a model or profile: references, personal data, citations, lint, static
analysis and the limits of the durable-rules engine. `check_model` runs them all for
`riskmodel check`; it is imported on first use, so loading a profile does not pay for the
static analysis and the engine translation."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from riskmodel.check.model_check import CheckReport
    from riskmodel.model.ruleset import RuleSet


def check_model(rules: RuleSet, today: dt.date | None = None) -> CheckReport:
    from riskmodel.check.model_check import check_model as run

    return run(rules, today)


__all__ = ["check_model"]
