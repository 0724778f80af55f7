"""Three-valued (Kleene) logic: the executable specification of 'unknown is not false'."""

from __future__ import annotations

import itertools

import pytest

from riskmodel.compile.ir import And, Atom, Const, IndRef, LevelRef, Node, Not, Or
from riskmodel.evaluate.kleene import Derived, Tri, atom_holds, evaluate

T, F, U = Tri.TRUE, Tri.FALSE, Tri.UNKNOWN
VALUES = (T, F, U)

#: strong Kleene tables, written out rather than computed
AND_TABLE = {
    (T, T): T, (T, F): F, (T, U): U,
    (F, T): F, (F, F): F, (F, U): F,
    (U, T): U, (U, F): F, (U, U): U,
}
OR_TABLE = {
    (T, T): T, (T, F): T, (T, U): T,
    (F, T): T, (F, F): F, (F, U): U,
    (U, T): T, (U, F): U, (U, U): U,
}
NOT_TABLE = {T: F, F: T, U: U}


def node_for(value: Tri, name: str) -> Node:
    """A node with the given truth value in ENV: a constant, or an atom on a missing fact."""
    if value is T:
        return Atom(f"f_{name}", name, "eq", 1)
    if value is F:
        return Atom(f"f_{name}", name, "eq", 0)
    return Atom(f"f_{name}_ontbreekt", name, "eq", 1)


ENV: dict[str, int | str] = {"f_x": 1, "f_y": 1, "f_z": 1}


@pytest.mark.parametrize("value", VALUES)
def test_leaves(value: Tri) -> None:
    assert evaluate(node_for(value, "x"), ENV) is value


@pytest.mark.parametrize(("a", "b"), list(itertools.product(VALUES, VALUES)))
def test_and_table(a: Tri, b: Tri) -> None:
    assert evaluate(And((node_for(a, "x"), node_for(b, "y"))), ENV) is AND_TABLE[(a, b)]


@pytest.mark.parametrize(("a", "b"), list(itertools.product(VALUES, VALUES)))
def test_or_table(a: Tri, b: Tri) -> None:
    assert evaluate(Or((node_for(a, "x"), node_for(b, "y"))), ENV) is OR_TABLE[(a, b)]


@pytest.mark.parametrize("a", VALUES)
def test_not_table(a: Tri) -> None:
    assert evaluate(Not(node_for(a, "x")), ENV) is NOT_TABLE[a]


@pytest.mark.parametrize(("a", "b", "c"), list(itertools.product(VALUES, repeat=3)))
def test_three_way_and_or_are_folds(a: Tri, b: Tri, c: Tri) -> None:
    nodes = (node_for(a, "x"), node_for(b, "y"), node_for(c, "z"))
    assert evaluate(And(nodes), ENV) is AND_TABLE[(AND_TABLE[(a, b)], c)]
    assert evaluate(Or(nodes), ENV) is OR_TABLE[(OR_TABLE[(a, b)], c)]


@pytest.mark.parametrize(("a", "b"), list(itertools.product(VALUES, VALUES)))
def test_de_morgan(a: Tri, b: Tri) -> None:
    x, y = node_for(a, "x"), node_for(b, "y")
    assert evaluate(Not(And((x, y))), ENV) is evaluate(Or((Not(x), Not(y))), ENV)
    assert evaluate(Not(Or((x, y))), ENV) is evaluate(And((Not(x), Not(y))), ENV)


def test_constants() -> None:
    assert evaluate(Const(True), {}) is T
    assert evaluate(Const(False), {}) is F


class TestMissingFacts:
    def test_every_comparison_on_a_missing_fact_is_unknown(self) -> None:
        for op, value in [("eq", 1), ("ne", 1), ("in", (1, 2)), ("nin", (1, 2)), ("ge", 1),
                          ("le", 1), ("gt", 1), ("lt", 1)]:
            atom = Atom("f_a", "a", op, value)  # type: ignore[arg-type]
            assert evaluate(atom, {}) is U, op
            assert evaluate(Not(atom), {}) is U, op

    def test_known_is_always_decided(self) -> None:
        atom = Atom("f_a", "a", "known")
        assert evaluate(atom, {}) is F
        assert evaluate(atom, {"f_a": 0}) is T
        assert evaluate(Not(atom), {}) is T

    def test_is_niet_needs_a_known_value(self) -> None:
        atom = Atom("f_a", "a", "ne", "x")
        assert evaluate(atom, {"f_a": "y"}) is T
        assert evaluate(atom, {"f_a": "x"}) is F
        assert evaluate(atom, {}) is U

    def test_unknown_or_true_is_true_unknown_and_false_is_false(self) -> None:
        missing = Atom("f_m", "m", "eq", 1)
        assert evaluate(Or((missing, Const(True))), {}) is T
        assert evaluate(And((missing, Const(False))), {}) is F


class TestAtoms:
    @pytest.mark.parametrize(
        ("op", "operand", "value", "holds"),
        [
            ("eq", 3, 3, True), ("eq", 3, 4, False), ("ne", 3, 4, True), ("ne", 3, 3, False),
            ("in", ("a", "b"), "a", True), ("in", ("a", "b"), "c", False),
            ("nin", ("a", "b"), "c", True), ("nin", ("a", "b"), "b", False),
            ("ge", 3, 3, True), ("ge", 3, 2, False), ("gt", 3, 3, False), ("gt", 3, 4, True),
            ("le", 3, 3, True), ("le", 3, 4, False), ("lt", 3, 3, False), ("lt", 3, 2, True),
        ],
    )
    def test_atom_holds(self, op: str, operand: object, value: int | str, holds: bool) -> None:
        assert atom_holds(Atom("f_a", "a", op, operand), value) is holds  # type: ignore[arg-type]


class TestDerived:
    def test_indicator_reference(self) -> None:
        derived = Derived(indicators={"i1": T, "i2": F, "i3": U})
        assert evaluate(IndRef("i1"), {}, derived) is T
        assert evaluate(IndRef("i2"), {}, derived) is F
        assert evaluate(IndRef("i3"), {}, derived) is U
        # an indicator not valid on the peildatum does not exist: not hit
        assert evaluate(IndRef("weg"), {}, derived) is F

    @pytest.mark.parametrize(
        ("certain", "possible", "rank", "expected"),
        [
            (2, 2, 2, T), (3, 3, 2, T), (2, 3, 3, U), (0, 3, 1, U),
            (1, 1, 2, F), (0, 0, 1, F), (0, 0, 0, T),
        ],
    )
    def test_level_reference(self, certain: int, possible: int, rank: int,
                             expected: Tri) -> None:
        derived = Derived(levels={"omg": (certain, possible)})
        assert evaluate(LevelRef("omg", rank, f"T{rank}"), {}, derived) is expected
