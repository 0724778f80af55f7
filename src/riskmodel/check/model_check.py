"""`riskmodel check`: everything wrong with a model, before an analyst meets it in a report.

Beyond loading (schema, references, level gaps/overlaps), the model is compiled on every
date where something in it changes, and each compilation is checked against the limits of
durable-rules' C core, so a region's overlay can never hang or crash the engine.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from riskmodel.check.citations import citation_diagnostics
from riskmodel.check.privacy import is_personal_key
from riskmodel.compile.compiler import compile_model
from riskmodel.compile.ir import ConditionKey
from riskmodel.errors import Diagnostic, DiagnosticCode, Msg, Severity, make_diagnostic, msg
from riskmodel.evaluate.durable.limits import located_problems
from riskmodel.evaluate.durable.plan import DurablePlan
from riskmodel.evaluate.durable.translate import plan_phase
from riskmodel.model.common import Period
from riskmodel.model.conditions import Dated, FactTest, walk
from riskmodel.model.ruleset import RuleSet


@dataclass
class CheckReport:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    dates: list[dt.date] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)


def boundary_dates(rules: RuleSet, today: dt.date) -> list[dt.date]:
    """Every date on which the compiled model can change, plus today."""
    periods: list[Period] = []
    conditions = []
    for ind in rules.indicators.values():
        periods.append(ind.period)
        conditions.append(ind.condition)
    for ph in rules.phenomena.values():
        if ph.definition:
            conditions.append(ph.definition.condition)
    for iv in rules.interventions.values():
        periods += [iv.period, *(b.period for b in iv.legal_basis)]
        conditions.append(iv.trigger)
        for gate in iv.legal_gates:
            periods.append(gate.period)
            conditions.append(gate.condition)
        for flag in iv.flags:
            periods.append(flag.period)
            conditions.append(flag.condition)
    for cond in conditions:
        periods += [node.period for node in walk(cond) if isinstance(node, Dated)]
    days: set[dt.date] = {today}
    for reg in rules.registers.values():
        for item in reg.items:
            for st in item.statuses:
                periods.append(st.period)
                if isinstance(st.certain_from, dt.date):  # possible -> certain
                    days.add(st.certain_from)
    for period in periods:
        days.update(period.boundaries())
    return sorted(d for d in days if dt.date(1900, 1, 1) <= d <= dt.date(2200, 1, 1))


_SECTIONS = {"ind": "indicatoren", "gate": "fenomenen", "trig": "interventies",
             "igate": "interventies", "flag": "interventies"}


def _origin_key(key: ConditionKey) -> tuple[str, str]:
    return (_SECTIONS.get(key[0], ""), key[1] if len(key) > 1 else "")


def check_model(rules: RuleSet, today: dt.date | None = None) -> CheckReport:
    report = CheckReport()
    today = today or dt.date.today()

    def warn(section: str, item_id: str, message: Msg, code: DiagnosticCode = "lint",
             severity: Severity = "warning") -> None:
        doc, loc = rules.origins[(section, item_id)]
        report.diagnostics.append(doc.diagnostic(loc, message, code=code, severity=severity))

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
    citation_findings, citation_counts = citation_diagnostics(rules)
    report.diagnostics.extend(citation_findings)

    report.dates = boundary_dates(rules, today)
    worst: dict[str, int] = {"rulesets": 0, "rules": 0, "max_rules_per_ruleset": 0,
                             "max_conditions_per_node": 0,
                             "max_distinct_conditions_per_ruleset": 0}
    seen_problems: set[str] = set()

    def engine_limit(day: dt.date, problem: str, keys: list[ConditionKey]) -> None:
        """An engine limit is a model error (exit 2), reported at the rule it concerns."""
        if problem in seen_problems:
            return
        seen_problems.add(problem)
        text = msg("check.engine_limit", day=day.isoformat(), problem=problem)
        origin = next((o for o in (rules.origins.get(_origin_key(k)) for k in keys) if o), None)
        if origin is not None:
            doc, loc = origin
            report.diagnostics.append(doc.diagnostic(loc, text, code="engine-limit"))
        else:
            report.diagnostics.append(make_diagnostic(str(rules.root), None, None, "", text,
                                                      code="engine-limit"))

    from riskmodel.evaluate.durable.evaluator import prove_plans

    for day in report.dates:
        compiled = compile_model(rules, day)
        plans: list[DurablePlan] = [
            plan_phase("feiten", "profiel", compiled.phase1_conditions()),
            plan_phase("interventies", "afgeleid", compiled.phase2_conditions()),
        ]
        for plan in plans:
            for key, value in plan.stats().items():
                worst[key] = max(worst[key], value)
            for problem, keys in located_problems(plan):
                engine_limit(day, problem, keys)
        # the proof: every ruleset of the day is registered in durable-rules itself (a
        # pattern it refuses, error 113, shows here); the alpha-node bound in check_plan
        # covers what can only fail when a fact is asserted (error 303)
        for problem, keys in prove_plans(plans):
            engine_limit(day, problem, keys)
    from riskmodel.check.analysis import analyse

    analysis = analyse(rules, today)
    report.diagnostics.extend(analysis.diagnostics)
    report.stats = {
        "feiten": len(rules.facts), "registers": len(rules.registers),
        "fenomenen": len(rules.phenomena), "indicatoren": len(rules.indicators),
        "interventies": len(rules.interventions), "peildata_gecontroleerd": len(report.dates),
        **{f"durable_{k}": v for k, v in worst.items()},
        "analysevragen": analysis.questions,
        "analyse_overgeslagen": analysis.skipped,
        **citation_counts,
    }
    return report
