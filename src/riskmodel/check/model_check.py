"""`riskmodel check`: everything wrong with a model, before an analyst meets it in a report.

Beyond loading (schema, references, level gaps/overlaps): lint (check.lint), citations
(check.citations), engine limits on every date where the model changes (check.limits) and
static analysis (check.analysis).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from riskmodel.check.citations import citation_diagnostics
from riskmodel.check.grounds import ground_diagnostics
from riskmodel.check.kinds import kind_diagnostics
from riskmodel.check.limits import boundary_dates, engine_limits
from riskmodel.check.lint import lint
from riskmodel.errors import Diagnostic
from riskmodel.model.ruleset import RuleSet

__all__ = ["CheckReport", "boundary_dates", "check_model"]


@dataclass
class CheckReport:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    dates: list[dt.date] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)


def check_model(rules: RuleSet, today: dt.date | None = None) -> CheckReport:
    """Every check in one report: lint, citations, engine limits, static analysis."""
    from riskmodel.check.analysis import analyse

    today = today or dt.date.today()
    report = CheckReport()
    report.diagnostics.extend(lint(rules))
    grounds_found, victim_protection = ground_diagnostics(rules)
    report.diagnostics.extend(grounds_found)
    report.diagnostics.extend(kind_diagnostics(rules))
    citation_findings, citation_counts = citation_diagnostics(rules)
    report.diagnostics.extend(citation_findings)
    limits = engine_limits(rules, today)
    report.diagnostics.extend(limits.diagnostics)
    report.dates = limits.dates
    analysis = analyse(rules, today)
    report.diagnostics.extend(analysis.diagnostics)
    report.stats = {
        "feiten": len(rules.facts), "registers": len(rules.registers),
        "fenomenen": len(rules.phenomena), "indicatoren": len(rules.indicators),
        "interventies": len(rules.interventions), "peildata_gecontroleerd": len(report.dates),
        **{f"durable_{k}": v for k, v in limits.worst.items()},
        "analysevragen": analysis.questions,
        "analyse_overgeslagen": analysis.skipped,
        **citation_counts,
        "slachtofferbescherming": victim_protection,
    }
    return report
