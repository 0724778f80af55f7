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
from riskmodel.load.rules import gc_paused
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


def generate_phase1(compiled: CompiledModel) -> tuple[list[ConditionKey], list[str], list[str], str]:
    """Phase 1 and the scoring between the phases as one function.

    Returns the condition codes (keys in order), every indicator's code as later phases
    see it (hit and its definition holds: Kleene and, so min), and per phenomenon
    (certain, possible) level ranks: evaluate.scoring.derive, statement by statement (its
    score range, `rank_for` in level order, the overrides), on integers instead of Tri.
    The property tests hold it to derive through the other engines.
    """
    gen = _Generator()
    conditions = compiled.phase1_conditions()
    keys = sorted(conditions)
    results = dict(zip(keys, (gen.emit(conditions[k]) for k in keys), strict=True))
    lines = gen.lines
    ind_ids = list(compiled.indicators)
    derived = []
    for n, (ind_id, ind) in enumerate(compiled.indicators.items()):
        name = f"d{n}"
        lines.append(f"    {name} = min({results[('gate', ind.phenomenon)]}, {results[('ind', ind_id)]})")
        derived.append(name)
    ph_ids = list(compiled.phenomena)
    levels = []
    for n, ph in enumerate(compiled.phenomena.values()):
        gate = results[("gate", ph.id)]
        points = [(results[("ind", i)], _const(compiled.indicators[i].points)) for i in ph.indicators]
        certain = " + ".join(f"({p} if {r} == 2 else 0)" for r, p in points) or "0"
        possible = " + ".join(f"({p} if {r} else 0)" for r, p in points) or "0"
        cs, ps, c, p = f"cs{n}", f"ps{n}", f"c{n}", f"p{n}"
        lines.append(f"    {cs} = 0 if {gate} != 2 else {certain}")
        lines.append(f"    {ps} = 0 if {gate} == 0 else {possible}")
        for score, rank in ((cs, c), (ps, p)):
            lines.append(f"    {rank} = 0")
            for lv in ph.levels:
                lines.append(f"    if {score} >= {_const(lv.threshold)}: {rank} = {_const(lv.rank)}")
        for ov in ph.overrides:
            r = results[("ind", ov.indicator)]
            rank = _const(ov.rank)
            lines.append(f"    if {gate} != 0 and {r} != 0:")
            lines.append(f"        if {r} == 2 and {gate} == 2: {c} = max({c}, {rank})")
            lines.append(f"        {p} = max({p}, {rank})")
        levels.append(f"({c}, max({c}, {p}))")
    body = "\n".join(lines)
    source = ("def phase(env):\n    g = env.get\n" + (body + "\n" if body else "")
              + f"    return ({''.join(results[k] + ', ' for k in keys)}), "
              + f"({''.join(d + ', ' for d in derived)}), ({''.join(lv + ', ' for lv in levels)})\n")
    return keys, ind_ids, ph_ids, source


Phase1Function = Callable[[dict[str, int | str]],
                          tuple[tuple[int, ...], tuple[int, ...], tuple[tuple[int, int], ...]]]


def build_phase1(compiled: CompiledModel) -> tuple[list[ConditionKey], list[str], list[str],
                                                   Phase1Function]:
    keys, ind_ids, ph_ids, source = generate_phase1(compiled)
    namespace: dict[str, Any] = {"__builtins__": {"min": min, "max": max}}
    exec(compile(source, "<riskmodel generated phase 1>", "exec"), namespace)
    fn: Phase1Function = namespace["phase"]
    return keys, ind_ids, ph_ids, fn


class _UndecidedGenerator(_Generator):
    """Also writes, per node, the set of unknown facts in its undecided part.

    A node that is decided has none (`E`); an unknown fact test has its fact; an undecided
    and/or has the union of its children's; `not` passes its child's on. An undecided
    indicator reference has those of the indicator's condition and its phenomenon's
    definition; an undecided level reference those of the whole phenomenon. The same rules
    as explain.assemble's reference walk (`Assembler.undecided_facts`), flattened like the
    phase functions, so an assessment pays one call instead of a recursive walk.
    """

    def __init__(self, compiled: CompiledModel) -> None:
        super().__init__()
        self.compiled = compiled
        self.sets: dict[Node, str] = {}
        #: constants of the generated function: one frozenset per fact, and the empty set
        self.constants: dict[str, frozenset[str]] = {"E": frozenset()}
        self.fact_names: dict[str, str] = {}
        self.missing_names: dict[str, str] = {}

    def fact_set(self, fact: str) -> str:
        name = self.fact_names.get(fact)
        if name is None:
            name = f"F{len(self.fact_names)}"
            self.fact_names[fact] = name
            self.constants[name] = frozenset((fact,))
        return name

    def undecided(self, node: Node) -> str:
        known = self.sets.get(node)
        if known is not None:
            return known
        value = self.emit(node)
        if value.isdigit():  # a constant: decided, or undecided without facts to ask for
            return "E"
        if isinstance(node, Not):
            return self.undecided(node.child)  # undecided exactly when its child is
        if isinstance(node, Atom):
            parts = [self.fact_set(node.fact)]
        elif isinstance(node, And | Or):
            parts = [u for u in (self.undecided(c) for c in node.children) if u != "E"]
        elif isinstance(node, IndRef):
            ind = self.compiled.indicators.get(node.indicator)
            parts = [] if ind is None else [
                u for u in (self.undecided(ind.condition),
                            self.undecided(self.compiled.phenomena[ind.phenomenon].gate))
                if u != "E"]
        elif isinstance(node, LevelRef):
            parts = [self.phenomenon_missing(node.phenomenon)]
        else:
            raise AssertionError(node)
        if not parts:
            return "E"
        name = f"u{len(self.sets)}"
        self.sets[node] = name
        self.lines.append(f"    {name} = E if {value} != 1 else {' | '.join(parts)}")
        return name

    def phenomenon_missing(self, ph_id: str) -> str:
        """Open facts of a phenomenon: its definition's and every indicator's."""
        name = self.missing_names.get(ph_id)
        if name is None:
            ph = self.compiled.phenomena[ph_id]
            parts = [self.undecided(ph.gate)]
            parts += [self.undecided(self.compiled.indicators[i].condition) for i in ph.indicators]
            parts = [p for p in parts if p != "E"]
            name = f"m{len(self.missing_names)}"
            self.missing_names[ph_id] = name
            self.lines.append(f"    {name} = {' | '.join(parts) if parts else 'E'}")
        return name


UndecidedFunction = Callable[[dict[str, int | str], dict[str, int], dict[str, tuple[int, int]]],
                             tuple[frozenset[str], ...]]


def build_undecided(compiled: CompiledModel) -> tuple[list[ConditionKey], list[str],
                                                      UndecidedFunction]:
    """A function giving the open facts of every condition (phase 1 and 2 keys, in order)
    and then of every phenomenon (ids in order), from the encoded facts and the derived
    indicator codes and levels of one evaluation."""
    gen = _UndecidedGenerator(compiled)
    conditions = {**compiled.phase1_conditions(), **compiled.phase2_conditions()}
    keys = sorted(conditions)
    phenomena = sorted(compiled.phenomena)
    results = [gen.undecided(conditions[k]) for k in keys]
    results += [gen.phenomenon_missing(p) for p in phenomena]
    source = ("def undecided(env, ind, lv):\n    g = env.get\n" + "\n".join(gen.lines)
              + f"\n    return ({''.join(r + ', ' for r in results)})\n")
    namespace: dict[str, Any] = {"__builtins__": {"min": min, "max": max}, **gen.constants}
    exec(compile(source, "<riskmodel generated undecided facts>", "exec"), namespace)
    fn: UndecidedFunction = namespace["undecided"]
    return keys, phenomena, fn


def undecided_for(compiled: CompiledModel) -> tuple[list[ConditionKey], list[str],
                                                    UndecidedFunction]:
    """build_undecided, once per compiled model."""
    cached = compiled.cache.get("undecided")
    if cached is None:
        with gc_paused():
            cached = compiled.cache["undecided"] = build_undecided(compiled)
    return cached


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

    def _phases(self, compiled: CompiledModel) -> tuple[
            tuple[list[ConditionKey], list[str], list[str], Phase1Function],
            tuple[list[ConditionKey], PhaseFunction]]:
        cached = compiled.cache.get("generated")
        if cached is None:
            with gc_paused():  # long-lived objects only (see load.rules.gc_paused)
                cached = (build_phase1(compiled), build(compiled.phase2_conditions()))
            compiled.cache["generated"] = cached
        return cached

    def evaluate(self, rules: RuleSet, compiled: CompiledModel, profile: Profile) -> Evaluation:
        env = encode_profile(profile, rules)
        (keys1, ind_ids, ph_ids, fn1), (keys2, fn2) = self._phases(compiled)
        codes, ind_codes, levels = fn1(env)
        tri = _TRI.__getitem__
        phase1 = dict(zip(keys1, map(tri, codes), strict=True))
        derived = Derived(dict(zip(ind_ids, map(tri, ind_codes), strict=True)),
                          dict(zip(ph_ids, levels, strict=True)))
        phase2 = dict(zip(keys2, map(tri, fn2(env, dict(zip(ind_ids, ind_codes, strict=True)),
                                               derived.levels)), strict=True))
        return Evaluation(env, phase1, derived, phase2)

    def decide(self, phase: str, conditions: dict[ConditionKey, Node],
               env: dict[str, int | str], derived: Derived | None) -> dict[ConditionKey, Tri]:
        """For callers that pass conditions directly (tests, analysis): generated per call."""
        keys, fn = build(conditions)
        ind = {k: _CODE[v] for k, v in derived.indicators.items()} if derived else {}
        levels = derived.levels if derived else {}
        return dict(zip(keys, map(_TRI.__getitem__, fn(env, ind, levels)), strict=True))
