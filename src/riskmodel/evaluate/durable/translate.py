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
from dataclasses import dataclass
from typing import Any, Literal

from riskmodel.compile.ir import And, Atom, ConditionKey, Const, IndRef, LevelRef, Node, Not, Or, junction
from riskmodel.evaluate.durable.limits import (
    CONDITIONS_PER_RULESET,
    MAX_ALPHA_NODES,
    MAX_JUNCTIONS_PER_PATTERN,
    RULES_PER_RULESET,
    SENTINEL_RULE,
    TYPE_ATTR,
    junctions,
)
from riskmodel.evaluate.durable.plan import (
    DurablePlan,
    DurableRuleset,
    count_conditions,
    leaf_conditions,
    pattern_attributes,
)

Mode = Literal["T", "F", "P", "Q"]
DExpr = bool | dict[str, Any]



@dataclass(frozen=True)
class AuxRef:
    """The Kleene value (0/1/2) of an auxiliary sub-condition, decided by an earlier stage of
    rulesets and asserted as an attribute to the next (like indicator results in phase 2)."""

    aux: str


AUX = "aux"


def aux_attr(aux_id: str) -> str:
    return f"x__{aux_id}"


def indicator_attr(indicator_id: str) -> str:
    return f"i__{indicator_id}"


def level_attrs(phenomenon_id: str) -> tuple[str, str]:
    return (f"nz__{phenomenon_id}", f"nm__{phenomenon_id}")


_NEG = {"eq": "ne", "ne": "eq", "ge": "lt", "le": "gt", "gt": "le", "lt": "ge", "in": "nin",
        "nin": "in"}
_DOP = {"ne": "$neq", "ge": "$gte", "le": "$lte", "gt": "$gt", "lt": "$lt"}


def _members(kind: str) -> Any:
    def members(p: DExpr) -> list[DExpr] | None:
        if isinstance(p, dict) and len(p) == 1 and kind in p:
            return list(p[kind])
        return None

    return members


def _and(parts: list[DExpr]) -> DExpr:
    """Nested $and are flattened: every junction costs two of the 32 expression slots of a
    pattern (error 113), so an `alle` of atoms is one junction, not one per atom."""
    return junction(parts, absorbing=False, neutral=True, members=_members("$and"),
                    build=lambda ps: {"$and": ps})


def _or(parts: list[DExpr]) -> DExpr:
    return junction(parts, absorbing=True, neutral=False, members=_members("$or"),
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
    if isinstance(node, (IndRef, AuxRef)):
        a = indicator_attr(node.indicator) if isinstance(node, IndRef) else aux_attr(node.aux)
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


def _pattern(fact_type: str, expr: DExpr) -> dict[str, Any] | None:
    if expr is False:
        return None
    if expr is True:
        return {TYPE_ATTR: fact_type}
    return _and([{TYPE_ATTR: fact_type}, expr])  # type: ignore[return-value]


#: leaf tests one rule may have: itself and the sentinel (one test, one rule) take three
_RULE_LEAVES = MAX_ALPHA_NODES - 3
#: `in` / `niet_in` atoms with more values are spelt out as een_van / alle of single tests,
#: so that the splitting below can divide them
_MAX_IN_VALUES = 8


def fits(node: Node, fact_type: str = "profiel") -> bool:
    """Whether all four forms of a condition are patterns the C core accepts."""
    for mode in ("T", "F", "P", "Q"):
        p = _pattern(fact_type, translate(node, mode))
        if p is None:
            continue
        if junctions(p) > MAX_JUNCTIONS_PER_PATTERN or count_conditions(p) > _RULE_LEAVES:
            return False
    return True


def _size(node: Node) -> int:
    p = translate(node, "P")
    return junctions(p) * 8 + count_conditions(p) if isinstance(p, dict) else 0


class _Splitter:
    """Rewrites a condition that is too wide for one pattern (issue 9 item 3): the biggest
    sub-conditions, or groups of an `alle`/`een_van`'s children, become auxiliary conditions
    decided in an earlier stage; their results feed the next stage as attributes. Kleene
    values compose, so the result is exactly the original condition's."""

    def __init__(self, fact_type: str) -> None:
        self.fact_type = fact_type
        self.aux: dict[str, Node] = {}

    def hoist(self, node: Any) -> AuxRef:
        aux_id = hashlib.sha256(repr(node).encode()).hexdigest()[:12]
        self.aux.setdefault(aux_id, node)  # shared: the same sub-condition is decided once
        return AuxRef(aux_id)

    def fit(self, node: Node) -> Node:
        if isinstance(node, Atom) and node.op in ("in", "nin") and isinstance(node.value, tuple) \
                and len(node.value) > _MAX_IN_VALUES:
            single = "eq" if node.op == "in" else "ne"
            parts = tuple(Atom(node.attr, node.fact, single, v) for v in node.value)  # type: ignore[arg-type]
            node = Or(parts) if node.op == "in" else And(parts)
        if fits(node, self.fact_type):
            return node
        if isinstance(node, Not):
            return Not(self.fit(node.child))
        if not isinstance(node, (And, Or)):
            return node  # pragma: no cover - a single test always fits
        kind = type(node)
        children: list[Any] = [self.fit(c) for c in node.children]
        while not fits(kind(tuple(children)), self.fact_type):
            compound = [i for i, c in enumerate(children) if _size(c) > 1 and not
                        isinstance(c, AuxRef)]
            if compound:
                big = max(compound, key=lambda i: _size(children[i]))
                children[big] = self.hoist(children[big])
                continue
            # only single tests left: group them, each group a sub-condition of its own
            groups: list[list[Any]] = [[]]
            for c in children:
                if groups[-1] and not fits(kind(tuple(groups[-1] + [c])), self.fact_type):
                    groups.append([])
                groups[-1].append(c)
            if len(groups) == 1 or all(len(g) == 1 for g in groups):
                # pragma: no cover - cannot happen: two tests always fit
                raise AssertionError(node)
            children = [self.hoist(kind(tuple(g))) if len(g) > 1 else g[0] for g in groups]
        return kind(tuple(children))


def _aux_refs(node: Node) -> set[str]:
    if isinstance(node, AuxRef):
        return {node.aux}
    if isinstance(node, Not):
        return _aux_refs(node.child)
    if isinstance(node, (And, Or)):
        out: set[str] = set()
        for c in node.children:
            out |= _aux_refs(c)
        return out
    return set()


def plan_phase(
    phase: str,
    fact_type: str,
    conditions: dict[ConditionKey, Node],
    rules_per_ruleset: int = RULES_PER_RULESET,
    conditions_per_ruleset: int = CONDITIONS_PER_RULESET,
) -> DurablePlan:
    """Split conditions that are too wide into staged auxiliary conditions, then chunk the T/P
    rules of each stage into small rulesets; names carry a content hash so identical
    compilations (e.g. two peildata with the same law) share registered rulesets."""
    splitter = _Splitter(fact_type)
    fitted: dict[ConditionKey, Node] = {key: splitter.fit(node) for key, node in conditions.items()}
    # fitting an auxiliary condition's own children was done before it was hoisted
    stage_of: dict[str, int] = {}

    def stage(aux_id: str) -> int:
        if aux_id not in stage_of:
            stage_of[aux_id] = 1 + max((stage(r) for r in _aux_refs(splitter.aux[aux_id])),
                                       default=-1)
        return stage_of[aux_id]

    staged: dict[ConditionKey, tuple[int, Node]] = {}
    for aux_id, node in splitter.aux.items():
        staged[(AUX, aux_id)] = (stage(aux_id), node)
    for key, node in fitted.items():
        staged[key] = (1 + max((stage(r) for r in _aux_refs(node)), default=-1), node)
    owners: dict[ConditionKey, ConditionKey] = {}

    def own(node: Node, owner: ConditionKey) -> None:
        for ref in _aux_refs(node):
            if (AUX, ref) not in owners:
                owners[(AUX, ref)] = owner
                own(splitter.aux[ref], owner)

    for key in sorted(fitted):
        own(fitted[key], key)
    rulesets: list[DurableRuleset] = []
    for level in sorted({s for s, _ in staged.values()}):
        items = {k: n for k, (s, n) in staged.items() if s == level}
        rulesets += _chunk(phase, fact_type, items, level, rules_per_ruleset,
                           conditions_per_ruleset)
    return DurablePlan(phase=phase, fact_type=fact_type, rulesets=rulesets, owners=owners)


def _chunk(phase: str, fact_type: str, conditions: dict[ConditionKey, Node], level: int,
           rules_per_ruleset: int, conditions_per_ruleset: int) -> list[DurableRuleset]:
    pending: list[tuple[str, ConditionKey, str, dict[str, Any]]] = []
    modes: tuple[Mode, Mode] = ("T", "P")
    for idx, (key, node) in enumerate(sorted(conditions.items())):
        for mode in modes:
            pattern = _pattern(fact_type, translate(node, mode))
            if pattern is None:
                continue
            name = f"s{level}c{idx}_{mode}"
            pending.append((name, key, mode, {"all": [{"m": pattern}], "run": name}))
    chunks: list[list[tuple[str, ConditionKey, str, dict[str, Any]]]] = [[]]
    leaves: set[str] = set()
    alpha = 2  # the sentinel: one test, one rule
    for item in pending:
        own = leaf_conditions(item[3]["all"][0]["m"])
        cost = count_conditions(item[3]["all"][0]["m"]) + 1
        if chunks[-1] and (len(chunks[-1]) >= rules_per_ruleset
                           or len(leaves | own) > conditions_per_ruleset
                           or alpha + cost > MAX_ALPHA_NODES):
            chunks.append([])
            leaves = set()
            alpha = 2
        chunks[-1].append(item)
        leaves |= own
        alpha += cost
    rulesets: list[DurableRuleset] = []
    for chunk in chunks:
        if not chunk:
            continue
        definition = {name: rule for name, _, _, rule in chunk}
        definition[SENTINEL_RULE] = {"all": [{"m": {TYPE_ATTR: fact_type}}], "run": SENTINEL_RULE}
        digest = hashlib.sha256(
            json.dumps(definition, sort_keys=True).encode()
        ).hexdigest()[:16]
        rs = DurableRuleset(name=f"rm_{phase}_{digest}", definition=definition, stage=level)
        for name, key, rule_mode, _ in chunk:
            rs.rules[name] = (key, rule_mode)
        rs.attributes = frozenset(
            attr for rule in definition.values()
            for attr in pattern_attributes(rule["all"][0]["m"])
        ) - {TYPE_ATTR}
        rulesets.append(rs)
    return rulesets
