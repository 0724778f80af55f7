"""Which facts the form asks for a kind of situation, grouped by phenomenon.

A fact is asked when (1) it applies to the kind (`Fact.kinds`, None = every kind) and (2) a
phenomenon or intervention that applies to the kind reads it: a phenomenon's definition and
indicators, an intervention's trigger, gates and flags (and the indicators a trigger names).
The facts a condition reads are its `FactTest` nodes, found with the same walk the reference
check uses (`model.conditions.walk`). Definition facts come first in their phenomenon's group:
without them no indicator of the phenomenon counts, which is exactly what went wrong when an
event linked to a club came out T0 (issue 11).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from riskmodel.model.conditions import ConditionNode, FactTest, IndicatorTest, walk
from riskmodel.model.ruleset import RuleSet

#: the group of facts that only interventions read
INTERVENTIONS_GROUP = "interventies"


@dataclass(frozen=True)
class FactGroup:
    """One fieldset of the form: a phenomenon (or the interventions) and its facts."""

    id: str
    phenomenon: str | None
    definition: tuple[str, ...]
    facts: tuple[str, ...]

    @property
    def all(self) -> tuple[str, ...]:
        return self.definition + self.facts


def condition_facts(cond: ConditionNode) -> list[str]:
    """The facts a condition tests, in the order written, each once."""
    out: list[str] = []
    for node in walk(cond):
        if isinstance(node, FactTest) and node.fact not in out:
            out.append(node.fact)
    return out


def condition_indicators(cond: ConditionNode) -> list[str]:
    return [n.indicator for n in walk(cond) if isinstance(n, IndicatorTest)]


def applies(kinds: Sequence[str] | None, kind: str) -> bool:
    return kinds is None or kind in kinds


def fact_groups(rules: RuleSet, kind: str) -> tuple[FactGroup, ...]:
    """The form's groups for `kind`, built once per rule set and kind."""
    key = f"web.fact_groups.{kind}"
    cached = rules.cache.get(key)
    if cached is None:
        cached = _build(rules, kind)
        rules.cache[key] = cached
    assert isinstance(cached, tuple)
    return cached


def _build(rules: RuleSet, kind: str) -> tuple[FactGroup, ...]:
    seen: set[str] = set()

    def take(ids: list[str]) -> tuple[str, ...]:
        out = []
        for fid in ids:
            fact = rules.facts.get(fid)
            if fid in seen or fact is None or not applies(fact.kinds, kind):
                continue
            seen.add(fid)
            out.append(fid)
        return tuple(out)

    groups: list[FactGroup] = []
    for ph in rules.phenomena.values():
        if not applies(ph.kinds, kind):
            continue
        definition = take(condition_facts(ph.definition.condition) if ph.definition else [])
        rest: list[str] = []
        for ind in rules.indicators_of(ph.id):
            rest += condition_facts(ind.condition)
        groups.append(FactGroup(ph.id, ph.id, definition, take(rest)))
    rest = []
    for iv in rules.interventions.values():
        if not applies(iv.kinds, kind):
            continue
        conditions = [iv.trigger, *(g.condition for g in iv.legal_gates),
                      *(f.condition for f in iv.flags)]
        for cond in conditions:
            rest += condition_facts(cond)
            for ind_id in condition_indicators(cond):
                named = rules.indicators.get(ind_id)
                if named is not None:
                    rest += condition_facts(named.condition)
    facts = take(rest)
    if facts:
        groups.append(FactGroup(INTERVENTIONS_GROUP, None, (), facts))
    return tuple(g for g in groups if g.all)


def asked_facts(rules: RuleSet, kind: str) -> set[str]:
    return {fid for g in fact_groups(rules, kind) for fid in g.all}
