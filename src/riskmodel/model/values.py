"""One normaliser for fact values, shared by profile loading and the rule reference checks.

A value in a profile and a constant in a rule are checked by the same function, so a rule can
never compare a fact with a value no profile could carry (and the other way round).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from riskmodel.errors import DiagnosticCode, Msg, did_you_mean, msg
from riskmodel.model.common import DECIMAL_PLACES, DECIMAL_SCALE, too_precise
from riskmodel.model.rules import Fact

#: words people use for yes/no that are text, not booleans (YAML 1.2 and JSON alike)
BOOL_WORDS = {"yes": "true", "no": "false", "y": "true", "n": "false", "on": "true",
              "off": "false", "ja": "true", "nee": "false", "j": "true", "waar": "true",
              "onwaar": "false"}

#: durable-rules passes numbers through JSON and C doubles: beyond 2^53 integers lose precision
MAX_SAFE_INT = 2**53 - 1


@dataclass(frozen=True)
class ValueProblem:
    """Why a value does not fit its fact; the caller words the message for its context."""

    expected: Msg | str
    suggestion: str | None = None
    #: the diagnostic code: type, range or unknown-value
    code: DiagnosticCode = "type"
    #: the offending element of a list fact, when only one element is wrong
    item: str | None = None
    #: a timestamp where a date was expected
    datetime: dt.datetime | None = None


def normalise_value(
    fact: Fact,
    value: Any,
    allowed: Sequence[str] = (),
    canonical: dict[str, str] | None = None,
    *,
    rule_constant: bool = False,
) -> tuple[Any, ValueProblem | None]:
    """The canonical value of `value` for `fact`, or the problem with it.

    Profile values may write dates as ISO text and must lie within the fact's minimum and
    maximum; rule constants are compared as written (YAML dates), bounds are not applied.
    """
    t = fact.type
    if t == "bool":
        if isinstance(value, bool):
            return value, None
        expected = msg("exp.bool") if rule_constant else msg("exp.bool_or_unknown")
        word = value.strip().lower() if isinstance(value, str) else None
        if word in BOOL_WORDS:
            # YAML 1.2 (and JSON) read yes/no/ja/nee/on/off as text, everywhere the same:
            # refused, with the boolean it probably means as the suggestion, never guessed
            return value, ValueProblem(expected, suggestion=BOOL_WORDS[word])
        return value, ValueProblem(msg("exp.bool") if rule_constant
                                   else msg("exp.bool_or_unknown"))
    if t in ("int", "decimal"):
        return _number(fact, value, rule_constant)
    if t == "date":
        if isinstance(value, dt.datetime):
            return value, ValueProblem(msg("exp.date_no_time"), datetime=value)
        if isinstance(value, dt.date):
            return value, None
        if isinstance(value, str) and not rule_constant:
            try:
                return dt.date.fromisoformat(value), None
            except ValueError:
                pass
        return value, ValueProblem(msg("exp.date"))
    if t == "enum":
        if isinstance(value, bool):
            return value, ValueProblem(msg("exp.enum_yaml_bool", values=", ".join(allowed)))
        if not isinstance(value, str) or value not in allowed:
            return value, ValueProblem(", ".join(allowed), did_you_mean(str(value), allowed),
                                       code="unknown-value" if isinstance(value, str) else "type")
        return (canonical.get(value, value) if canonical else value), None
    # enum_list: a profile carries a list; a rule constant is one of its values
    if rule_constant:
        if not isinstance(value, str) or value not in allowed:
            return value, ValueProblem(", ".join(allowed), did_you_mean(str(value), allowed),
                                       code="unknown-value" if isinstance(value, str) else "type")
        return value, None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return value, ValueProblem(msg("exp.value_list", values=", ".join(allowed)))
    wrong = [v for v in value if v not in allowed]
    if wrong:
        return value, ValueProblem(", ".join(allowed), did_you_mean(wrong[0], allowed),
                                   item=wrong[0], code="unknown-value")
    return sorted(set(value)), None


def _number(fact: Fact, value: Any, rule_constant: bool) -> tuple[Any, ValueProblem | None]:
    t = fact.type
    if isinstance(value, str) and _looks_numeric(value):
        return value, ValueProblem(msg("exp.number_as_text"))
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value, ValueProblem(msg("exp.number") if rule_constant
                                   else msg("exp.number_or_unknown"))
    if t == "int" and isinstance(value, float):
        if not value.is_integer() or rule_constant:
            return value, ValueProblem(msg("exp.integer"))
        value = int(value)
    if abs(value) * (DECIMAL_SCALE if t == "decimal" else 1) > MAX_SAFE_INT:
        return value, ValueProblem(msg("exp.number_between", low=-MAX_SAFE_INT, high=MAX_SAFE_INT),
                                   code="range")
    if not rule_constant:
        if fact.minimum is not None and value < fact.minimum:
            return value, ValueProblem(msg("exp.at_least", n=f"{fact.minimum:g}"), code="range")
        if fact.maximum is not None and value > fact.maximum:
            return value, ValueProblem(msg("exp.at_most", n=f"{fact.maximum:g}"), code="range")
    if t == "decimal" and too_precise(value):
        return value, ValueProblem(msg("exp.decimals", places=DECIMAL_PLACES), code="range")
    return (float(value) if t == "decimal" and not rule_constant else value), None


def _looks_numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip().lower() not in ("nan", "inf", "-inf", "infinity", "-infinity")
