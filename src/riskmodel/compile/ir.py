"""Engine-agnostic intermediate representation: typed conditions over encoded facts.

Values are encoded once (dates as ordinals, decimals as scaled integers, booleans as 0/1,
lists as one 0/1 attribute per allowed value) so that both evaluators see exactly the same
numbers, and durable-rules never meets a float exponent, a date string or a bool/string mix.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

AtomOp = Literal["eq", "ne", "in", "nin", "ge", "le", "gt", "lt", "known"]



@dataclass(frozen=True)
class Const:
    """A value fixed at compile time; None is 'undecided' (e.g. a register date not known)."""

    value: bool | None


@dataclass(frozen=True)
class Atom:
    """A test on one encoded attribute; `fact` is the vocabulary id it came from."""

    attr: str
    fact: str
    op: AtomOp
    value: int | str | tuple[int | str, ...] | None = None


@dataclass(frozen=True)
class IndRef:
    indicator: str


@dataclass(frozen=True)
class LevelRef:
    phenomenon: str
    rank: int
    level_id: str


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    child: Node


Node = Const | Atom | IndRef | LevelRef | And | Or | Not

TRUE = Const(True)
FALSE = Const(False)
UNDECIDED = Const(None)


T = TypeVar("T")


def junction(parts: Iterable[T], *, absorbing: T, neutral: T,
             members: Callable[[T], Sequence[T] | None], build: Callable[[list[T]], T]) -> T:
    """The one and/or simplifier: drop neutral parts, stop at an absorbing one, flatten
    nested junctions of the same kind, and unwrap a single part.

    Used for IR nodes and for durable-rules patterns alike (`and`: absorbing false, neutral
    true; `or`: the other way round).
    """
    out: list[T] = []
    for part in parts:
        if part == absorbing:
            return absorbing
        if part == neutral:
            continue
        nested = members(part)
        out.extend(nested if nested is not None else [part])
    if not out:
        return neutral
    return out[0] if len(out) == 1 else build(out)


def mk_and(children: Iterable[Node]) -> Node:
    return junction(children, absorbing=FALSE, neutral=TRUE,
                    members=lambda c: c.children if isinstance(c, And) else None,
                    build=lambda cs: And(tuple(cs)))


def mk_or(children: Iterable[Node]) -> Node:
    return junction(children, absorbing=TRUE, neutral=FALSE,
                    members=lambda c: c.children if isinstance(c, Or) else None,
                    build=lambda cs: Or(tuple(cs)))


def mk_not(child: Node) -> Node:
    if isinstance(child, Const):
        return child if child.value is None else Const(not child.value)
    if isinstance(child, Not):
        return child.child
    return Not(child)


def facts_in(node: Node) -> set[str]:
    if isinstance(node, Atom):
        return {node.fact}
    if isinstance(node, And | Or):
        out: set[str] = set()
        for c in node.children:
            out |= facts_in(c)
        return out
    if isinstance(node, Not):
        return facts_in(node.child)
    return set()


@dataclass(frozen=True)
class CompiledIndicator:
    id: str
    phenomenon: str
    points: int
    condition: Node


@dataclass(frozen=True)
class CompiledLevel:
    id: str
    rank: int
    threshold: int


@dataclass(frozen=True)
class CompiledOverride:
    indicator: str
    rank: int


@dataclass(frozen=True)
class CompiledPhenomenon:
    id: str
    gate: Node
    levels: tuple[CompiledLevel, ...]
    overrides: tuple[CompiledOverride, ...]
    indicators: tuple[str, ...]


@dataclass(frozen=True)
class CompiledCheck:
    id: str
    condition: Node


@dataclass(frozen=True)
class CompiledIntervention:
    id: str
    ladder: int
    available: bool
    trigger: Node
    gates: tuple[CompiledCheck, ...]
    flags: tuple[CompiledCheck, ...]


ConditionKey = tuple[str, ...]


@dataclass
class CompiledModel:
    """Everything an evaluator needs for one peildatum; metadata stays in the RuleSet."""

    peildatum_ordinal: int
    indicators: dict[str, CompiledIndicator] = field(default_factory=dict)
    phenomena: dict[str, CompiledPhenomenon] = field(default_factory=dict)
    interventions: dict[str, CompiledIntervention] = field(default_factory=dict)
    #: per-evaluator artefacts derived from this model (e.g. generated functions, durable
    #: plans), built once per compiled model instead of once per assessment
    cache: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def phase1_conditions(self) -> dict[ConditionKey, Node]:
        """Fact-only conditions: indicators and phenomenon gates."""
        out: dict[ConditionKey, Node] = {}
        for ind in self.indicators.values():
            out[("ind", ind.id)] = ind.condition
        for ph in self.phenomena.values():
            out[("gate", ph.id)] = ph.gate
        return out

    def phase2_conditions(self) -> dict[ConditionKey, Node]:
        """Conditions that may use indicator results and levels: interventions."""
        out: dict[ConditionKey, Node] = {}
        for iv in self.interventions.values():
            out[("trig", iv.id)] = iv.trigger
            if not iv.available:
                continue
            for g in iv.gates:
                out[("igate", iv.id, g.id)] = g.condition
            for f in iv.flags:
                out[("flag", iv.id, f.id)] = f.condition
        return out
