"""Three-valued (Kleene) logic over the IR: the executable specification of 'unknown'."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from riskmodel.compile.ir import And, Atom, Const, IndRef, LevelRef, Node, Not, Or


class Tri(Enum):
    TRUE = "ja"
    FALSE = "nee"
    UNKNOWN = "onbekend"


@dataclass
class Derived:
    """Phase-1 results that phase-2 conditions may refer to."""

    indicators: dict[str, Tri] = field(default_factory=dict)
    levels: dict[str, tuple[int, int]] = field(default_factory=dict)  # (certain, possible)


def tri_and(a: Tri, b: Tri) -> Tri:
    if Tri.FALSE in (a, b):
        return Tri.FALSE
    return Tri.UNKNOWN if Tri.UNKNOWN in (a, b) else Tri.TRUE


def atom_holds(atom: Atom, value: int | str) -> bool:
    op, v = atom.op, atom.value
    if op == "eq":
        return value == v
    if op == "ne":
        return value != v
    if op == "in":
        assert isinstance(v, tuple)
        return value in v
    if op == "nin":
        assert isinstance(v, tuple)
        return value not in v
    assert isinstance(value, int) and isinstance(v, int)
    if op == "ge":
        return value >= v
    if op == "le":
        return value <= v
    if op == "gt":
        return value > v
    if op == "lt":
        return value < v
    raise AssertionError(op)


def evaluate(node: Node, env: dict[str, int | str], derived: Derived | None = None) -> Tri:
    if isinstance(node, Const):
        if node.value is None:
            return Tri.UNKNOWN
        return Tri.TRUE if node.value else Tri.FALSE
    if isinstance(node, Atom):
        if node.op == "known":
            return Tri.TRUE if node.attr in env else Tri.FALSE
        if node.attr not in env:
            return Tri.UNKNOWN
        return Tri.TRUE if atom_holds(node, env[node.attr]) else Tri.FALSE
    if isinstance(node, IndRef):
        assert derived is not None
        return derived.indicators.get(node.indicator, Tri.FALSE)
    if isinstance(node, LevelRef):
        assert derived is not None
        certain, possible = derived.levels[node.phenomenon]
        if certain >= node.rank:
            return Tri.TRUE
        return Tri.FALSE if possible < node.rank else Tri.UNKNOWN
    if isinstance(node, Not):
        inner = evaluate(node.child, env, derived)
        return {Tri.TRUE: Tri.FALSE, Tri.FALSE: Tri.TRUE}.get(inner, Tri.UNKNOWN)
    if isinstance(node, And):
        results = [evaluate(c, env, derived) for c in node.children]
        if Tri.FALSE in results:
            return Tri.FALSE
        return Tri.UNKNOWN if Tri.UNKNOWN in results else Tri.TRUE
    if isinstance(node, Or):
        results = [evaluate(c, env, derived) for c in node.children]
        if Tri.TRUE in results:
            return Tri.TRUE
        return Tri.UNKNOWN if Tri.UNKNOWN in results else Tri.FALSE
    raise AssertionError(node)
