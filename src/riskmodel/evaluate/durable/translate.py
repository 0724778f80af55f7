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
from typing import Any, Literal

from riskmodel.compile.ir import And, Atom, ConditionKey, Const, IndRef, LevelRef, Node, Not, Or, junction
from riskmodel.evaluate.durable.limits import (
    CONDITIONS_PER_RULESET,
    RULES_PER_RULESET,
    SENTINEL_RULE,
    TYPE_ATTR,
)
from riskmodel.evaluate.durable.plan import (
    DurablePlan,
    DurableRuleset,
    leaf_conditions,
    pattern_attributes,
)

Mode = Literal["T", "F", "P", "Q"]
DExpr = bool | dict[str, Any]



def indicator_attr(indicator_id: str) -> str:
    return f"i__{indicator_id}"


def level_attrs(phenomenon_id: str) -> tuple[str, str]:
    return (f"nz__{phenomenon_id}", f"nm__{phenomenon_id}")


_NEG = {"eq": "ne", "ne": "eq", "ge": "lt", "le": "gt", "gt": "le", "lt": "ge", "in": "nin",
        "nin": "in"}
_DOP = {"ne": "$neq", "ge": "$gte", "le": "$lte", "gt": "$gt", "lt": "$lt"}


def _and(parts: list[DExpr]) -> DExpr:
    return junction(parts, absorbing=False, neutral=True, members=lambda p: None,
                    build=lambda ps: {"$and": ps})


def _or(parts: list[DExpr]) -> DExpr:
    return junction(parts, absorbing=True, neutral=False, members=lambda p: None,
                    build=lambda ps: {"$or": ps})


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


