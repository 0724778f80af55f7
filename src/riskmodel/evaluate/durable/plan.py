"""The shape of a durable-rules plan: rulesets of T/P rules, and what their patterns test.

Kept apart from the translation and the limits so both can read a plan without importing
each other.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from riskmodel.compile.ir import ConditionKey


def count_conditions(expr: Any) -> int:
    """Leaf tests in one pattern: what the C core builds alpha nodes from."""
    if isinstance(expr, dict):
        total = 0
        for k, v in expr.items():
            if k in ("$and", "$or"):
                total += sum(count_conditions(x) for x in v)
            else:
                total += 1
        return total
    return 0


def leaf_conditions(expr: Any, out: set[str] | None = None) -> set[str]:
    """Distinct leaf tests of a pattern, as canonical JSON."""
    out = out if out is not None else set()
    if isinstance(expr, dict):
        for k, v in expr.items():
            if k in ("$and", "$or"):
                for x in v:
                    leaf_conditions(x, out)
            else:
                out.add(json.dumps({k: v}, sort_keys=True))
    return out


def pattern_attributes(expr: Any) -> set[str]:
    """Attribute names a pattern tests."""
    out: set[str] = set()
    for leaf in leaf_conditions(expr):
        (key, value), = json.loads(leaf).items()
        if key.startswith("$"):
            out.update(value)
        else:
            out.add(key)
    return out


def distinct_conditions(definition: dict[str, Any]) -> int:
    found: set[str] = set()
    for rule in definition.values():
        leaf_conditions(rule["all"][0]["m"], found)
    return len(found)


def max_conditions(definition: dict[str, Any]) -> int:
    return sum(count_conditions(rule["all"][0]["m"]) for rule in definition.values())


@dataclass
class DurableRuleset:
    name: str
    definition: dict[str, Any]
    # rule name -> (condition key, "T" | "P")
    rules: dict[str, tuple[ConditionKey, str]] = field(default_factory=dict)
    #: attributes the patterns read; only these are asserted (the C core refuses a fact with
    #: more than 254 properties, error 302, and JSON time grows with every property)
    attributes: frozenset[str] = frozenset()
    #: stage 0 reads the fact; stage n also reads the auxiliary results of stages < n
    stage: int = 0


@dataclass
class DurablePlan:
    """All rulesets of one phase, plus the statistics `riskmodel check` reports on."""

    phase: str
    fact_type: str
    rulesets: list[DurableRuleset]
    #: auxiliary condition -> a model condition it was split from (for error locations)
    owners: dict[ConditionKey, ConditionKey] = field(default_factory=dict)

    def conditions_of(self, rs: DurableRuleset) -> list[ConditionKey]:
        """The model conditions (not auxiliary ones) a ruleset decides or helps decide."""
        keys = {self.owners.get(key, key) for key, _ in rs.rules.values()}
        return sorted(keys)

    def stats(self) -> dict[str, int]:
        return {
            "rulesets": len(self.rulesets),
            "rules": sum(len(r.definition) for r in self.rulesets),
            "max_rules_per_ruleset": max((len(r.definition) for r in self.rulesets), default=0),
            "max_conditions_per_node": max(
                (max_conditions(r.definition) for r in self.rulesets), default=0
            ),
            "max_distinct_conditions_per_ruleset": max(
                (distinct_conditions(r.definition) for r in self.rulesets), default=0
            ),
        }
