"""Translate IR conditions into durable-rules ruleset definitions.

durable-rules matches in two-valued logic. Each condition therefore becomes two rules: one
that fires when the condition is certainly true (T) and one when it is possibly true (P, i.e.
not certainly false). Negation is pushed down to the atoms with four forms per node
(T, F, P = not F, Q = not T); an unknown fact is an absent attribute, tested with $nex/$ex.
Every pattern carries a type discriminator, so a bare $nex can never match the session's
state fact.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Literal

from riskmodel.compile.ir import And, Atom, ConditionKey, Const, IndRef, LevelRef, Node, Not, Or

Mode = Literal["T", "F", "P", "Q"]
DExpr = bool | dict[str, Any]

#: more than 64 rules matching one fact fails in the C core (error 303)
MAX_RULES_PER_FACT = 64
#: a fact with more than 254 properties is refused (error 302, measured)
MAX_FACT_PROPERTIES = 254
#: 512 distinct conditions under one node makes ruleset creation loop forever
MAX_CONDITIONS_PER_NODE = 511
#: one slot per ruleset is taken by the sentinel rule (see SENTINEL_RULE)
RULES_PER_RULESET = 59
#: A rule that matches every asserted fact. Without it, an assert that matches nothing raises
#: MessageNotHandledException, and a later delete_state on that session crashes the C core
#: (segfault, measured with durable-rules 2.0.28). With it, every assert is handled.
SENTINEL_RULE = "sentinel"
#: Distinct leaf conditions per ruleset. Error 303 is raised when too many conditions match
#: one fact at once; the exact count the C core uses is not documented, and a 58-rule ruleset
#: with 146 distinct conditions failed on a real profile (measured). Capping the distinct
#: conditions of a ruleset at 64 makes it impossible for more than 64 to match, whatever
#: the profile, at the price of more (small) rulesets.
CONDITIONS_PER_RULESET = 64

TYPE_ATTR = "t"


def indicator_attr(indicator_id: str) -> str:
    return f"i__{indicator_id}"


def level_attrs(phenomenon_id: str) -> tuple[str, str]:
    return (f"nz__{phenomenon_id}", f"nm__{phenomenon_id}")


_NEG = {"eq": "ne", "ne": "eq", "ge": "lt", "le": "gt", "gt": "le", "lt": "ge", "in": "nin",
        "nin": "in"}
_DOP = {"ne": "$neq", "ge": "$gte", "le": "$lte", "gt": "$gt", "lt": "$lt"}


def _and(parts: list[DExpr]) -> DExpr:
    out: list[dict[str, Any]] = []
    for p in parts:
        if p is False:
            return False
        if p is True:
            continue
        assert isinstance(p, dict)
        out.append(p)
    if not out:
        return True
    return out[0] if len(out) == 1 else {"$and": out}


def _or(parts: list[DExpr]) -> DExpr:
    out: list[dict[str, Any]] = []
    for p in parts:
        if p is True:
            return True
        if p is False:
            continue
        assert isinstance(p, dict)
        out.append(p)
    if not out:
        return False
    return out[0] if len(out) == 1 else {"$or": out}


def _cmp(attr: str, op: str, value: Any) -> DExpr:
    if op == "eq":
        return {attr: value}
    if op == "in":
        return _or([{attr: v} for v in value])
    if op == "nin":
        return _and([{"$neq": {attr: v}} for v in value])
    return {_DOP[op]: {attr: value}}


def translate(node: Node, mode: Mode) -> DExpr:
    if isinstance(node, Const):
        if node.value is None:  # undecided: never certainly true or false, always possible
            return mode in ("P", "Q")
        return node.value if mode in ("T", "P") else not node.value
    if isinstance(node, Atom):
        ex, nex = {"$ex": {node.attr: 1}}, {"$nex": {node.attr: 1}}
        if node.op == "known":
            return ex if mode in ("T", "P") else nex
        holds = _cmp(node.attr, node.op, node.value)
        fails = _cmp(node.attr, _NEG[node.op], node.value)
        if mode == "T":
            return _and([ex, holds])
        if mode == "F":
            return _and([ex, fails])
        if mode == "P":
            return _or([nex, holds])
        return _or([nex, fails])
    if isinstance(node, IndRef):
        a = indicator_attr(node.indicator)
        forms: dict[str, DExpr] = {"T": {a: 2}, "F": {a: 0}, "P": {"$gte": {a: 1}},
                                   "Q": {"$lte": {a: 1}}}
        return forms[mode]
    if isinstance(node, LevelRef):
        nz, nm = level_attrs(node.phenomenon)
        r = node.rank
        level_forms: dict[str, DExpr] = {"T": {"$gte": {nz: r}}, "F": {"$lt": {nm: r}},
                                         "P": {"$gte": {nm: r}}, "Q": {"$lt": {nz: r}}}
        return level_forms[mode]
    if isinstance(node, Not):
        return translate(node.child, {"T": "F", "F": "T", "P": "Q", "Q": "P"}[mode])  # type: ignore[arg-type]
    if isinstance(node, And):
        parts = [translate(c, mode) for c in node.children]
        return _and(parts) if mode in ("T", "P") else _or(parts)
    if isinstance(node, Or):
        parts = [translate(c, mode) for c in node.children]
        return _or(parts) if mode in ("T", "P") else _and(parts)
    raise AssertionError(node)


@dataclass
class DurableRuleset:
    name: str
    definition: dict[str, Any]
    # rule name -> (condition key, "T" | "P")
    rules: dict[str, tuple[ConditionKey, str]] = field(default_factory=dict)
    #: attributes the patterns read; only these are asserted (the C core refuses a fact with
    #: more than 254 properties, error 302, and JSON time grows with every property)
    attributes: frozenset[str] = frozenset()


@dataclass
class DurablePlan:
    """All rulesets of one phase, plus the statistics `riskmodel check` reports on."""

    phase: str
    fact_type: str
    rulesets: list[DurableRuleset]

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


def plan_phase(
    phase: str,
    fact_type: str,
    conditions: dict[ConditionKey, Node],
    rules_per_ruleset: int = RULES_PER_RULESET,
    conditions_per_ruleset: int = CONDITIONS_PER_RULESET,
) -> DurablePlan:
    """Chunk T/P rules into small rulesets; names carry a content hash so identical
    compilations (e.g. two peildata with the same law) share registered rulesets."""
    pending: list[tuple[str, ConditionKey, str, dict[str, Any]]] = []
    modes: tuple[Mode, Mode] = ("T", "P")
    for idx, (key, node) in enumerate(sorted(conditions.items())):
        for mode in modes:
            expr = translate(node, mode)
            if expr is False:
                continue
            pattern: dict[str, Any] = {TYPE_ATTR: fact_type}
            if expr is not True:
                pattern = {"$and": [pattern, expr]}
            name = f"c{idx}_{mode}"
            pending.append((name, key, mode, {"all": [{"m": pattern}], "run": name}))
    chunks: list[list[tuple[str, ConditionKey, str, dict[str, Any]]]] = [[]]
    leaves: set[str] = set()
    for item in pending:
        own = leaf_conditions(item[3]["all"][0]["m"])
        if chunks[-1] and (len(chunks[-1]) >= rules_per_ruleset
                           or len(leaves | own) > conditions_per_ruleset):
            chunks.append([])
            leaves = set()
        chunks[-1].append(item)
        leaves |= own
    rulesets: list[DurableRuleset] = []
    for chunk in chunks:
        if not chunk:
            continue
        definition = {name: rule for name, _, _, rule in chunk}
        definition[SENTINEL_RULE] = {"all": [{"m": {TYPE_ATTR: fact_type}}], "run": SENTINEL_RULE}
        digest = hashlib.sha256(
            json.dumps(definition, sort_keys=True).encode()
        ).hexdigest()[:16]
        rs = DurableRuleset(name=f"rm_{phase}_{digest}", definition=definition)
        for name, key, rule_mode, _ in chunk:
            rs.rules[name] = (key, rule_mode)
        rs.attributes = frozenset(
            attr for rule in definition.values()
            for attr in pattern_attributes(rule["all"][0]["m"])
        ) - {TYPE_ATTR}
        rulesets.append(rs)
    return DurablePlan(phase=phase, fact_type=fact_type, rulesets=rulesets)


def check_plan(plan: DurablePlan) -> list[str]:
    """Problems that would make durable-rules fail or hang; empty when the plan is safe."""
    problems: list[str] = []
    for rs in plan.rulesets:
        n = len(rs.definition)
        if n > MAX_RULES_PER_FACT:
            problems.append(f"{rs.name}: {n} regels kunnen op een feit matchen "
                            f"(maximum {MAX_RULES_PER_FACT}, fout 303)")
        if len(rs.attributes) > MAX_FACT_PROPERTIES - 3:
            problems.append(f"{rs.name}: {len(rs.attributes)} attributen in een ruleset "
                            f"(een feit mag hoogstens {MAX_FACT_PROPERTIES} eigenschappen hebben, "
                            "fout 302)")
        distinct = distinct_conditions(rs.definition)
        if distinct > CONDITIONS_PER_RULESET:
            problems.append(f"{rs.name}: {distinct} verschillende condities in een ruleset "
                            f"(maximum {CONDITIONS_PER_RULESET}; meer kan tegelijk matchen en "
                            "geeft fout 303); splits de regel in kleinere delen")
        c = max_conditions(rs.definition)
        if c > MAX_CONDITIONS_PER_NODE:
            problems.append(f"{rs.name}: {c} condities onder een knoop "
                            f"(maximum {MAX_CONDITIONS_PER_NODE}; meer laat het aanmaken hangen)")
        for name, rule in rs.definition.items():
            pattern = rule["all"][0]["m"]
            if not _has_discriminator(pattern):
                problems.append(f"{rs.name}.{name}: patroon zonder typediscriminator")
    return problems


def _has_discriminator(pattern: dict[str, Any]) -> bool:
    if TYPE_ATTR in pattern:
        return True
    return any(isinstance(p, dict) and TYPE_ATTR in p for p in pattern.get("$and", []))
