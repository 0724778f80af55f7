"""Encode profile values into the attribute space shared by both evaluators."""

from __future__ import annotations

import datetime as dt
from typing import Any

from riskmodel.model.common import DECIMAL_SCALE
from riskmodel.model.profile import Profile
from riskmodel.model.rules import Fact
from riskmodel.model.ruleset import RuleSet


def fact_attr(fact_id: str) -> str:
    return f"f_{fact_id}"


def age_attr(fact_id: str) -> str:
    """Days from a date fact to the peildatum: lets `binnen_dagen` compile without the date,
    so one compiled ruleset serves every peildatum on which the law is the same."""
    return f"d_{fact_id}"


def list_attr(fact_id: str, value: str) -> str:
    return f"f_{fact_id}__{value}"


def encode_scalar(fact: Fact, value: Any) -> int | str:
    if fact.type == "bool":
        return 1 if value else 0
    if fact.type == "int":
        return int(value)
    if fact.type == "decimal":
        return round(float(value) * DECIMAL_SCALE)
    if fact.type == "date":
        assert isinstance(value, dt.date)
        return value.toordinal()
    return str(value)


def encode_profile(profile: Profile, rules: RuleSet) -> dict[str, int | str]:
    """Known facts only: an unknown fact is an absent attribute, never a default."""
    env: dict[str, int | str] = {}
    for key, entry in profile.facts.items():
        if not entry.known:
            continue
        fact = rules.facts[key]
        if fact.type == "enum_list":
            present = set(entry.value)
            for v in fact.value_ids():
                env[list_attr(key, v)] = 1 if v in present else 0
        else:
            env[fact_attr(key)] = encode_scalar(fact, entry.value)
            if fact.type == "date":
                assert isinstance(entry.value, dt.date)
                env[age_attr(key)] = profile.peildatum.toordinal() - entry.value.toordinal()
    return env
