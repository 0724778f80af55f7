"""The default evaluator: one Python function generated per compiled model and phase.

Kleene logic as small integers (0 false, 1 unknown, 2 true): `and` is min, `or` is max, `not`
is 2 - x. Every distinct IR node becomes one local variable, computed once (shared
sub-expressions cost nothing twice), so the generated code is flat whatever the nesting.

Rules never execute code. The generated source contains no text from a rule file except
attribute names and constants, and both are written with `repr()` after a type check: an
attribute is a string matching ATTR_PATTERN, a constant an int or a string. Variable names are
our own (`v0`, `v1`, ...). The function runs with no builtins but `min` and `max`.
The Kleene interpreter (evaluate.kleene) stays the executable specification; the property
tests hold this evaluator, the interpreter and durable-rules to the same answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from riskmodel._version import __version__
from riskmodel.compile.encode import encode_profile
from riskmodel.compile.ir import (
    And,
    Atom,
    CompiledModel,
    ConditionKey,
    Const,
    IndRef,
    LevelRef,
    Node,
    Not,
    Or,
)
from riskmodel.evaluate.base import Evaluation, Evaluator
from riskmodel.evaluate.kleene import Derived, Tri
from riskmodel.evaluate.scoring import derive
from riskmodel.model.profile import Profile
from riskmodel.model.ruleset import RuleSet

ATTR_PATTERN = re.compile(r"^[A-Za-z0-9_]{1,200}$")
_TRI = (Tri.FALSE, Tri.UNKNOWN, Tri.TRUE)
_CODE = {Tri.FALSE: 0, Tri.UNKNOWN: 1, Tri.TRUE: 2}
_CMP = {"eq": "==", "ne": "!=", "ge": ">=", "le": "<=", "gt": ">", "lt": "<"}

PhaseFunction = Callable[[dict[str, int | str], dict[str, int], dict[str, tuple[int, int]]],
                         tuple[int, ...]]


def _const(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(f"constant of type {type(value).__name__} cannot be generated")
    return repr(value)


def _attr(name: str) -> str:
    if not ATTR_PATTERN.match(name):
        raise ValueError(f"attribute name {name!r} cannot be generated")
    return repr(name)


class _Generator:
    """Writes one function: a line per distinct node, the results as a tuple."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.names: dict[Node, str] = {}
        self.attrs: dict[str, str] = {}

    def value_of(self, attr: str) -> str:
        name = self.attrs.get(attr)
        if name is None:
            name = f"a{len(self.attrs)}"
            self.attrs[attr] = name
            self.lines.append(f"    {name} = g({_attr(attr)})")
        return name

    def emit(self, node: Node) -> str:
        known = self.names.get(node)
        if known is not None:
            return known
        expr = self.expression(node)
        if expr.isdigit():  # constants are not worth a variable
            return expr
        name = f"v{len(self.names)}"
        self.names[node] = name
        self.lines.append(f"    {name} = {expr}")
        return name

    def expression(self, node: Node) -> str:
        if isinstance(node, Const):
            return "1" if node.value is None else ("2" if node.value else "0")
        if isinstance(node, Atom):
            return self.atom(node)
        if isinstance(node, IndRef):
            return f"ind.get({_attr(node.indicator)}, 0)"
        if isinstance(node, LevelRef):
            lv = f"lv[{_attr(node.phenomenon)}]"
            r = _const(node.rank)
            return f"(2 if {lv}[0] >= {r} else (0 if {lv}[1] < {r} else 1))"
        if isinstance(node, Not):
            return f"2 - {self.emit(node.child)}"
        if isinstance(node, And | Or):
            parts = ", ".join(self.emit(c) for c in node.children)
            return f"{'min' if isinstance(node, And) else 'max'}({parts})"
        raise AssertionError(node)

    def atom(self, node: Atom) -> str:
        if node.op == "known":
            return f"(0 if {self.value_of(node.attr)} is None else 2)"
        x = self.value_of(node.attr)
        if node.op in ("in", "nin"):
            assert isinstance(node.value, tuple)
            members = ", ".join(_const(v) for v in node.value)
            test = f"{x} {'in' if node.op == 'in' else 'not in'} ({members},)"
        else:
            test = f"{x} {_CMP[node.op]} {_const(node.value)}"
        return f"(1 if {x} is None else (2 if {test} else 0))"

    def function(self, keys: list[ConditionKey], nodes: list[Node]) -> str:
        results = [self.emit(n) for n in nodes]
        body = "\n".join(self.lines)
        return ("def phase(env, ind, lv):\n    g = env.get\n" + (body + "\n" if body else "")
                + f"    return ({', '.join(results)}{',' if len(results) == 1 else ''})\n")


def generate(conditions: dict[ConditionKey, Node]) -> tuple[list[ConditionKey], str]:
    """The keys in order and the source of a function returning their codes in that order."""
    keys = sorted(conditions)
    return keys, _Generator().function(keys, [conditions[k] for k in keys])


def build(conditions: dict[ConditionKey, Node]) -> tuple[list[ConditionKey], PhaseFunction]:
    keys, source = generate(conditions)
    namespace: dict[str, Any] = {"__builtins__": {"min": min, "max": max}}
    exec(compile(source, "<riskmodel generated phase>", "exec"), namespace)
    fn: PhaseFunction = namespace["phase"]
    return keys, fn


class CompiledEvaluator(Evaluator):
    """Default engine: generated functions, cached on the compiled model they came from."""

    name = "compiled"

    def version(self) -> str:
        return __version__

    def _phases(self, compiled: CompiledModel) -> tuple[tuple[list[ConditionKey], PhaseFunction],
                                                        tuple[list[ConditionKey], PhaseFunction]]:
        cached = compiled.cache.get("generated")
        if cached is None:
            cached = (build(compiled.phase1_conditions()), build(compiled.phase2_conditions()))
            compiled.cache["generated"] = cached
        return cached

    def evaluate(self, rules: RuleSet, compiled: CompiledModel, profile: Profile) -> Evaluation:
        env = encode_profile(profile, rules)
        (keys1, fn1), (keys2, fn2) = self._phases(compiled)
        phase1 = dict(zip(keys1, map(_TRI.__getitem__, fn1(env, {}, {})), strict=True))
        derived = derive(compiled, phase1)
        ind = {k: _CODE[v] for k, v in derived.indicators.items()}
        phase2 = dict(zip(keys2, map(_TRI.__getitem__, fn2(env, ind, derived.levels)),
                          strict=True))
        return Evaluation(env, phase1, derived, phase2)

    def decide(self, phase: str, conditions: dict[ConditionKey, Node],
               env: dict[str, int | str], derived: Derived | None) -> dict[ConditionKey, Tri]:
        """For callers that pass conditions directly (tests, analysis): generated per call."""
        keys, fn = build(conditions)
        ind = {k: _CODE[v] for k, v in derived.indicators.items()} if derived else {}
        levels = derived.levels if derived else {}
        return dict(zip(keys, map(_TRI.__getitem__, fn(env, ind, levels)), strict=True))
