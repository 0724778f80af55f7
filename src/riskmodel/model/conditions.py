"""The condition language: a closed set of operators, never code.

A condition is a small tree. Its node kind is told by its key (``alle``, ``een_van``, ``niet``,
``geldig``, ``feit``, ``indicator``, ``niveau``), so YAML stays readable and every error can
name the key that was expected.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag, model_validator

from riskmodel.errors import custom_error, did_you_mean
from riskmodel.model.common import Ident, LevelIdent, Period, Strict

Scalar = bool | int | float | str | dt.date

# Operator key -> (meaning in docs, value shape)
FACT_OPERATORS: dict[str, str] = {
    "is": "gelijk aan de waarde",
    "is_niet": "bekend en niet gelijk aan de waarde",
    "in": "gelijk aan een van de waarden (lijst)",
    "niet_in": "bekend en gelijk aan geen van de waarden (lijst)",
    "minimaal": "groter dan of gelijk aan (getal of datum)",
    "maximaal": "kleiner dan of gelijk aan (getal of datum)",
    "groter_dan": "strikt groter dan (getal of datum)",
    "kleiner_dan": "strikt kleiner dan (getal of datum)",
    "bevat": "lijst-feit bevat de waarde",
    "bevat_een_van": "lijst-feit bevat minstens een van de waarden",
    "binnen_dagen": "datum-feit ligt in de N dagen tot en met de peildatum",
    "in_register": "waarde staat op de peildatum met de status in het register",
    "bekend": "true: het feit is bekend; false: het feit is onbekend (altijd beslist)",
}


class RegisterQuery(Strict):
    register_id: Ident = Field(alias="register")
    status: Ident


class FactTest(Strict):
    fact: Ident = Field(alias="feit")
    is_: Scalar | None = Field(default=None, alias="is")
    is_niet: Scalar | None = None
    in_: list[Scalar] | None = Field(default=None, alias="in", min_length=1)
    niet_in: list[Scalar] | None = Field(default=None, min_length=1)
    minimaal: int | float | dt.date | None = None
    maximaal: int | float | dt.date | None = None
    groter_dan: int | float | dt.date | None = None
    kleiner_dan: int | float | dt.date | None = None
    bevat: str | None = None
    bevat_een_van: list[str] | None = Field(default=None, min_length=1)
    binnen_dagen: Annotated[int, Field(ge=0, le=36500)] | None = None
    in_register: RegisterQuery | None = None
    bekend: bool | None = None

    @model_validator(mode="before")
    @classmethod
    def _one_operator(cls, data: Any) -> Any:
        if isinstance(data, dict):
            unknown = [k for k in data if k != "feit" and k not in FACT_OPERATORS]
            if unknown:
                hint = did_you_mean(str(unknown[0]), FACT_OPERATORS)
                raise custom_error("unknown-key", "condition.unknown_operator_key",
                                   key=str(unknown[0]), **({"suggestion": hint} if hint else {}))
            ops = [k for k in data if k in FACT_OPERATORS]
            if not ops:
                raise custom_error("missing-key", "condition.no_operator",
                                   operators=", ".join(FACT_OPERATORS))
            if len(ops) > 1:
                raise custom_error("inconsistent", "condition.many_operators",
                                   operators=", ".join(FACT_OPERATORS), found=", ".join(ops))
        return data

    @property
    def operator(self) -> str:
        for op in FACT_OPERATORS:
            attr = {"is": "is_", "in": "in_"}.get(op, op)
            if getattr(self, attr) is not None:
                return op
        raise AssertionError("validated to have one operator")

    @property
    def operand(self) -> Any:
        attr = {"is": "is_", "in": "in_"}.get(self.operator, self.operator)
        return getattr(self, attr)


class IndicatorTest(Strict):
    """True when the indicator is hit and its phenomenon's gate (definition) holds.

    The gate is part of the test on purpose: an OMG indicator such as 'acute rivalry' must
    never trigger an instrument for a regular motorclub (principle 7 of the domain notes).
    """

    indicator: Ident


class LevelTest(Strict):
    """True when the phenomenon's level is at least the given level."""

    phenomenon: Ident = Field(alias="niveau")
    at_least: LevelIdent = Field(alias="minimaal")


class AllOf(Strict):
    all_of: list[Condition] = Field(alias="alle", min_length=1)


class AnyOf(Strict):
    any_of: list[Condition] = Field(alias="een_van", min_length=1)


class NotOf(Strict):
    negated: Condition = Field(alias="niet")


class Dated(Strict):
    """A branch that only exists in a period: how a legal ground enters or leaves the law."""

    period: Period = Field(alias="geldig")
    condition: Condition = Field(alias="als")


CONDITION_KEYS = ("alle", "een_van", "niet", "geldig", "feit", "indicator", "niveau")


def _condition_kind(value: Any) -> str | None:
    if isinstance(value, dict):
        for key in CONDITION_KEYS:
            if key in value:
                return key
        return None
    for key in CONDITION_KEYS:
        if hasattr(value, key) and not (key == "alle" and isinstance(value, dict)):
            return key
    return None


Condition = Annotated[
    Annotated[AllOf, Tag("alle")]
    | Annotated[AnyOf, Tag("een_van")]
    | Annotated[NotOf, Tag("niet")]
    | Annotated[Dated, Tag("geldig")]
    | Annotated[FactTest, Tag("feit")]
    | Annotated[IndicatorTest, Tag("indicator")]
    | Annotated[LevelTest, Tag("niveau")],
    Discriminator(
        _condition_kind,
        custom_error_type="missing-key",
        custom_error_message="een conditie begint met een van: " + ", ".join(CONDITION_KEYS),
        custom_error_context={"msg": "diag.condition.kind", "keys": ", ".join(CONDITION_KEYS)},
    ),
]

AllOf.model_rebuild()
AnyOf.model_rebuild()
NotOf.model_rebuild()
Dated.model_rebuild()

ConditionNode = AllOf | AnyOf | NotOf | Dated | FactTest | IndicatorTest | LevelTest


def walk(cond: ConditionNode) -> list[ConditionNode]:
    """All nodes, parents first: used by reference checks and docs."""
    out: list[ConditionNode] = [cond]
    if isinstance(cond, AllOf):
        for c in cond.all_of:
            out.extend(walk(c))
    elif isinstance(cond, AnyOf):
        for c in cond.any_of:
            out.extend(walk(c))
    elif isinstance(cond, NotOf):
        out.extend(walk(cond.negated))
    elif isinstance(cond, Dated):
        out.extend(walk(cond.condition))
    return out


def walk_with_loc(
    cond: ConditionNode, loc: tuple[str | int, ...]
) -> list[tuple[ConditionNode, tuple[str | int, ...]]]:
    out: list[tuple[ConditionNode, tuple[str | int, ...]]] = [(cond, loc)]
    if isinstance(cond, AllOf):
        for i, c in enumerate(cond.all_of):
            out.extend(walk_with_loc(c, (*loc, "alle", i)))
    elif isinstance(cond, AnyOf):
        for i, c in enumerate(cond.any_of):
            out.extend(walk_with_loc(c, (*loc, "een_van", i)))
    elif isinstance(cond, NotOf):
        out.extend(walk_with_loc(cond.negated, (*loc, "niet")))
    elif isinstance(cond, Dated):
        out.extend(walk_with_loc(cond.condition, (*loc, "als")))
    return out


Operator = Literal[
    "is", "is_niet", "in", "niet_in", "minimaal", "maximaal", "groter_dan", "kleiner_dan",
    "bevat", "bevat_een_van", "binnen_dagen", "in_register", "bekend",
]
