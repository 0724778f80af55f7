"""Load a situation profile and validate its facts against a model's fact vocabulary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from riskmodel.check.privacy import find_personal_data
from riskmodel.check.references import enum_values
from riskmodel.errors import Diagnostic, DiagnosticList, ProfileError, did_you_mean
from riskmodel.load.diagnostics import from_validation_error
from riskmodel.load.yamlsource import YamlSyntaxError, parse_text, read_source
from riskmodel.model.common import DECIMAL_PLACES, DECIMAL_SCALE, too_precise
from riskmodel.model.profile import UNKNOWN, FactEntry, Profile
from riskmodel.model.ruleset import RuleSet
from riskmodel.source import SourceDoc

MAX_SAFE_INT = 2**53 - 1


def load_profile(path: Path | str, rules: RuleSet, peildatum: dt.date | None = None) -> Profile:
    """Read, privacy-check and validate a profile file; raises ProfileError with all problems."""
    try:
        doc = read_source(Path(path))
    except YamlSyntaxError as exc:
        raise ProfileError(exc.diagnostics) from None
    return profile_from_doc(doc, rules, peildatum=peildatum)


def profile_from_data(data: Any, rules: RuleSet, name: str = "<profiel>",
                      peildatum: dt.date | None = None) -> Profile:
    """Validate an in-memory profile (e.g. from an application) the same way as a file."""
    return profile_from_doc(SourceDoc(name, data), rules, peildatum=peildatum)


def profile_from_text(text: str, rules: RuleSet, name: str = "<profiel>") -> Profile:
    try:
        doc = parse_text(text, name)
    except YamlSyntaxError as exc:
        raise ProfileError(exc.diagnostics) from None
    return profile_from_doc(doc, rules)


def profile_from_doc(doc: SourceDoc, rules: RuleSet, base: tuple[str | int, ...] = (),
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
    for loc, reason in find_personal_data(data):
        diags.add(doc.diagnostic((*base, *loc), reason))
    diags.raise_if_any(ProfileError)
    try:
        profile = Profile.model_validate(data)
        if peildatum is not None:
            profile = profile.model_copy(update={"peildatum": peildatum})
    except ValidationError as exc:
        raise ProfileError(from_validation_error(exc, doc, Profile, base)) from None
    normalised: dict[str, FactEntry] = {}
    for key, entry in profile.feiten.items():
        loc = (*base, "feiten", key)
        value, problems = normalise_fact(rules, key, entry.waarde, doc, loc)
        diags.extend(problems)
        if entry.datum and entry.datum > profile.peildatum:
            diags.add(doc.diagnostic((*loc, "datum"),
                                     f"waarneming op {entry.datum} ligt na de peildatum "
                                     f"{profile.peildatum}", expected="datum op of voor de peildatum"))
        normalised[key] = entry.model_copy(update={"waarde": value})
    diags.raise_if_any(ProfileError)
    return profile.model_copy(update={"feiten": dict(sorted(normalised.items()))})


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
    vloc = (*loc, "waarde") if _has_waarde(doc, loc) else loc
    t = fact.type

    def bad(expected: str, hint: str | None = None) -> tuple[Any, list[Diagnostic]]:
        return value, [doc.diagnostic(vloc, f"ongeldige waarde {value!r} voor feit '{key}'",
                                      expected=expected, suggestion=hint)]

    if t == "bool":
        return (value, []) if isinstance(value, bool) else bad("true, false of onbekend")
    if t in ("int", "decimal"):
        if isinstance(value, str) and _looks_numeric(value):
            return bad("een getal; YAML leest deze schrijfwijze als tekst: schrijf het getal "
                       "zonder exponent, bv. 0.0001")
        if isinstance(value, bool) or not isinstance(value, int | float):
            return bad("een getal of onbekend")
        if t == "int" and isinstance(value, float):
            if not value.is_integer():
                return bad("een geheel getal")
            value = int(value)
        if abs(value) * (DECIMAL_SCALE if t == "decimal" else 1) > MAX_SAFE_INT:
            return bad(f"een getal tussen -{MAX_SAFE_INT} en {MAX_SAFE_INT}")
        if fact.minimum is not None and value < fact.minimum:
            return bad(f"minimaal {fact.minimum:g}")
        if fact.maximum is not None and value > fact.maximum:
            return bad(f"maximaal {fact.maximum:g}")
        if t == "decimal" and too_precise(value):
            return bad(f"een getal met hoogstens {DECIMAL_PLACES} decimalen")
        return (float(value) if t == "decimal" else value), []
    if t == "date":
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            if isinstance(value, str):
                try:
                    return dt.date.fromisoformat(value), []
                except ValueError:
                    pass
            if isinstance(value, dt.datetime):
                return value, [doc.diagnostic(vloc, f"feit '{key}' is een datum, geen tijdstip: "
                                              f"{value.isoformat()}",
                                              expected="een datum JJJJ-MM-DD zonder tijd")]
            return bad("een datum JJJJ-MM-DD")
        return value, []
    allowed = enum_values(rules, fact)
    canonical = rules.registers[fact.register_id].canonical() if fact.register_id else None
    if t == "enum":
        if isinstance(value, bool):
            return bad(", ".join(allowed) + " (YAML leest no/yes/on/off als false/true: zet de "
                       "waarde tussen aanhalingstekens)")
        if not isinstance(value, str) or value not in allowed:
            return bad(", ".join(allowed), did_you_mean(str(value), allowed))
        return (canonical[value] if canonical else value), []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return bad("een lijst met waarden uit: " + ", ".join(allowed))
    wrong = [v for v in value if v not in allowed]
    if wrong:
        return value, [doc.diagnostic(vloc, f"ongeldige waarde {wrong[0]!r} in lijst-feit '{key}'",
                                      expected=", ".join(allowed),
                                      suggestion=did_you_mean(wrong[0], allowed))]
    return sorted(set(value)), []


def _looks_numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip().lower() not in ("nan", "inf", "-inf", "infinity", "-infinity")


def _has_waarde(doc: SourceDoc, loc: tuple[str | int, ...]) -> bool:
    return (*loc, "waarde") in doc.positions
