"""Lint: what is legal in the rule language but probably a mistake, or a risk."""

from __future__ import annotations

from riskmodel.check.privacy import is_personal_key
from riskmodel.errors import Diagnostic, DiagnosticCode, Msg, Severity, msg
from riskmodel.model.conditions import FactTest, walk
from riskmodel.model.ruleset import RuleSet


def lint(rules: RuleSet) -> list[Diagnostic]:
    """Fact ids that ask for personal data, phenomena without indicators or with a top level
    no score can reach, unverified legal bases, facts no rule uses."""
    out: list[Diagnostic] = []

    def warn(section: str, item_id: str, message: Msg, code: DiagnosticCode = "lint",
             severity: Severity = "warning") -> None:
        doc, loc = rules.origins[(section, item_id)]
        out.append(doc.diagnostic(loc, message, code=code, severity=severity))

    for fact in rules.facts.values():
        if is_personal_key(fact.id):
            warn("feiten", fact.id, msg("check.personal_fact", id=fact.id),
                 code="personal-data", severity="error")
    used: set[str] = set()
    for ind in rules.indicators.values():
        used |= {n.fact for n in walk(ind.condition) if isinstance(n, FactTest)}
    for ph in rules.phenomena.values():
        if ph.definition:
            used |= {n.fact for n in walk(ph.definition.condition) if isinstance(n, FactTest)}
        if not rules.indicators_of(ph.id):
            warn("fenomenen", ph.id, msg("check.no_indicators", id=ph.id))
        top = ph.levels[-1].threshold
        total = sum(i.points for i in rules.indicators_of(ph.id))
        reachable = {o.min_level for o in ph.overrides}
        if total < top and ph.levels[-1].id not in reachable:
            warn("fenomenen", ph.id, msg("check.unreachable", id=ph.id, level=ph.levels[-1].id,
                                         threshold=top, total=total))
    for iv in rules.interventions.values():
        conds = [iv.trigger, *(g.condition for g in iv.legal_gates), *(f.condition for f in iv.flags)]
        for c in conds:
            used |= {n.fact for n in walk(c) if isinstance(n, FactTest)}
        for b in iv.legal_basis:
            if not b.verified:
                text = (msg("check.unverified_remark", id=iv.id, cite=b.cite(), remark=b.remark)
                        if b.remark else msg("check.unverified", id=iv.id, cite=b.cite()))
                warn("interventies", iv.id, text, code="unverified")
    for fact_id in sorted(set(rules.facts) - used):
        warn("feiten", fact_id, msg("check.unused_fact", id=fact_id))
    return out
