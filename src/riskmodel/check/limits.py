"""Engine limits: the model compiled on every date where it changes, each plan checked
against durable-rules' measured limits and registered in the engine itself, so a region's
overlay can never hang or crash it. A limit reached is a model error at the rule concerned."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from riskmodel.compile.compiler import compile_model
from riskmodel.compile.ir import ConditionKey
from riskmodel.errors import Diagnostic, make_diagnostic, msg
from riskmodel.evaluate.durable.limits import located_problems
from riskmodel.evaluate.durable.plan import DurablePlan
from riskmodel.evaluate.durable.translate import plan_phase
from riskmodel.model.common import Period
from riskmodel.model.conditions import Dated, walk
from riskmodel.model.ruleset import RuleSet


@dataclass
class LimitReport:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    dates: list[dt.date] = field(default_factory=list)
    worst: dict[str, int] = field(default_factory=dict)


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


def engine_limits(rules: RuleSet, today: dt.date) -> LimitReport:
    report = LimitReport()
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
    report.worst = worst
    return report
