"""Build a situation profile from a parsed document and the model's fact vocabulary.

Personal-data refusal runs before this (check.profile), so no value that identifies a person
is ever echoed in a validation message.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import ValidationError

from riskmodel.errors import Diagnostic, DiagnosticList, ProfileError, did_you_mean
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
        raise ProfileError([doc.diagnostic(base, "een profiel is een mapping met id, soort, "
                                           "gemeente, peildatum en feiten")])
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
            diags.add(doc.diagnostic((*loc, "datum"),
                                     f"waarneming op {entry.observed} ligt na de peildatum "
                                     f"{profile.peildatum}", expected="datum op of voor de peildatum"))
        normalised[key] = entry.model_copy(update={"value": value})
    diags.raise_if_any(ProfileError)
    return profile.model_copy(update={"facts": dict(sorted(normalised.items()))})


def normalise_fact(
    rules: RuleSet, key: str, value: Any, doc: SourceDoc, loc: tuple[str | int, ...]
) -> tuple[Any, list[Diagnostic]]:
    """Check one value against its fact definition; return the canonical value."""
    fact = rules.facts.get(key)
    if fact is None:
        return value, [doc.diagnostic(loc, f"onbekend feit '{key}'",
                                      suggestion=did_you_mean(key, rules.facts))]
    if value is None or value == UNKNOWN:
        return None, []
    vloc = (*loc, "waarde") if (*loc, "waarde") in doc.positions else loc
    canonical, problem = normalise_value(fact, value, rules.enum_values(fact),
                                         rules.canonical_values(fact))
    if problem is None:
        return canonical, []
    if problem.datetime is not None:
        message = f"feit '{key}' is een datum, geen tijdstip: {problem.datetime.isoformat()}"
    elif problem.item is not None:
        message = f"ongeldige waarde {problem.item!r} in lijst-feit '{key}'"
    else:
        message = f"ongeldige waarde {value!r} voor feit '{key}'"
    return value, [doc.diagnostic(vloc, message, expected=problem.expected,
                                  suggestion=problem.suggestion)]
