"""Build a situation profile from a parsed document and the model's fact vocabulary.

Personal-data refusal runs before this (check.profile), so no value that identifies a person
is ever echoed in a validation message.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import ValidationError

from riskmodel.errors import Diagnostic, DiagnosticList, ProfileError, clip, did_you_mean, msg
from riskmodel.load.diagnostics import from_validation_error
from riskmodel.model.profile import UNKNOWN, FactEntry, Profile
from riskmodel.model.ruleset import RuleSet
from riskmodel.model.values import MAX_SAFE_INT, normalise_value
from riskmodel.source import SourceDoc

__all__ = ["MAX_SAFE_INT", "build_profile", "normalise_fact"]


def build_profile(doc: SourceDoc, rules: RuleSet, base: tuple[str | int, ...] = (),
                  peildatum: dt.date | None = None) -> Profile:
    """`peildatum` overrides the profile's own date *before* validation, so observations
    dated after the assessment date are refused for that date too."""
    diags = DiagnosticList()
    data = doc.data
    for node in base:
        data = data[node]
    if not isinstance(data, dict):
        raise ProfileError([doc.diagnostic(base, msg("profile.not_mapping"), code="type")])
    try:
        profile = Profile.model_validate(data)
        if peildatum is not None:
            profile = profile.model_copy(update={"peildatum": peildatum})
    except ValidationError as exc:
        raise ProfileError(from_validation_error(exc, doc, Profile, base)) from None
    normalised: dict[str, FactEntry] = {}
    for key, entry in profile.facts.items():
        loc = (*base, "feiten", key)
        value, problems = normalise_fact(rules, key, entry.value, doc, loc)
        diags.extend(problems)
        if entry.observed and entry.observed > profile.peildatum:
            diags.add(doc.diagnostic(
                (*loc, "datum"),
                msg("profile.observed_after", observed=entry.observed.isoformat(),
                    peildatum=profile.peildatum.isoformat()),
                code="future-observation", expected=msg("exp.on_or_before_peildatum")))
        normalised[key] = entry.model_copy(update={"value": value})
    diags.raise_if_any(ProfileError)
    return profile.model_copy(update={"facts": dict(sorted(normalised.items()))})


def normalise_fact(
    rules: RuleSet, key: str, value: Any, doc: SourceDoc, loc: tuple[str | int, ...]
) -> tuple[Any, list[Diagnostic]]:
    """Check one value against its fact definition; return the canonical value."""
    fact = rules.facts.get(key)
    if fact is None:
        return value, [doc.diagnostic(loc, msg("fact.unknown", fact=key), code="unknown-fact",
                                      suggestion=did_you_mean(key, rules.facts))]
    if value is None or value == UNKNOWN:
        return None, []
    vloc = (*loc, "waarde") if (*loc, "waarde") in doc.positions else loc
    canonical, problem = normalise_value(fact, value, rules.enum_values(fact),
                                         rules.canonical_values(fact))
    if problem is None:
        return canonical, []
    if problem.datetime is not None:
        message = msg("fact.datetime", fact=key, value=problem.datetime.isoformat())
    elif problem.item is not None:
        message = msg("fact.bad_item", fact=key, value=clip(problem.item))
    else:
        message = msg("fact.bad_value", fact=key, value=clip(value))
    return value, [doc.diagnostic(vloc, message, code=problem.code, expected=problem.expected,
                                  suggestion=problem.suggestion)]
