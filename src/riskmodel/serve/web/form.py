"""Between the HTML form and a profile: field names, parsing, and the values to show.

Field names: `f__<fact>` the value (empty = unknown), `b__<fact>` the kind of source,
`bd__<fact>` the source reference, `d__<fact>` the date observed. The form never decides
whether a value is valid: it turns text into the profile's shapes and the library validates
the profile (vocabulary, ranges, personal data), so the page refuses exactly what
`riskmodel assess` refuses, with the same diagnostics.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from riskmodel.errors import Diagnostic
from riskmodel.model.profile import UNKNOWN
from riskmodel.model.rules import Fact
from riskmodel.model.ruleset import RuleSet

#: value of the 'none of these' box of a list fact: known, and empty
NONE_OF_THESE = "__geen__"
SITUATION_FIELDS = ("soort", "gemeente", "wijk", "peildatum", "omschrijving")


class FormData(Protocol):
    def get(self, key: str, default: Any = None) -> Any: ...

    def getlist(self, key: str) -> list[Any]: ...


def value_field(fid: str) -> str:
    return f"f__{fid}"


@dataclass
class Parsed:
    """A profile built from the form, and what could not even be read as its type."""

    profile: dict[str, Any]
    errors: dict[str, str] = field(default_factory=dict)


def _text(form: FormData, key: str) -> str:
    value = form.get(key)
    return value.strip() if isinstance(value, str) else ""


def _number(text: str, fact: Fact) -> int | float:
    text = text.replace(",", ".") if fact.type == "decimal" else text
    if fact.type == "int":
        return int(text)
    return float(text)


def fact_value(form: FormData, fact: Fact) -> Any:
    """The value of one fact from the form; None when unknown. Raises ValueError for text
    that is not a number where a number was asked."""
    name = value_field(fact.id)
    if fact.type == "enum_list":
        chosen = [v for v in form.getlist(name) if isinstance(v, str) and v]
        if not chosen:
            return None
        return [] if NONE_OF_THESE in chosen else sorted(set(chosen))
    text = _text(form, name)
    if not text or text == UNKNOWN:
        return None
    if fact.type == "bool":
        if text in ("ja", "nee"):
            return text == "ja"
        raise ValueError(text)
    if fact.type in ("int", "decimal"):
        return _number(text, fact)
    return text  # date (ISO text, checked by the library), enum (its id)


def situation_from_form(form: FormData, base: dict[str, Any]) -> dict[str, Any]:
    """The situation fields (soort, gemeente, wijk, peildatum, omschrijving) over `base`."""
    out = dict(base)
    for key in SITUATION_FIELDS:
        text = _text(form, key)
        if text:
            out[key] = text
        elif key in ("wijk", "omschrijving"):
            out.pop(key, None)
        else:
            out[key] = ""  # required: the library names the missing field
    return out


def profile_from_form(form: FormData, base: dict[str, Any], rules: RuleSet,
                      shown: Iterable[str]) -> Parsed:
    """`base` with the situation and the shown facts as the form says; facts the form did not
    show (another kind, or a model change) are kept as they were."""
    profile = situation_from_form(form, base)
    facts: dict[str, Any] = dict(base.get("feiten") or {})
    errors: dict[str, str] = {}
    for fid in shown:
        fact = rules.facts[fid]
        try:
            value = fact_value(form, fact)
        except ValueError:
            errors[fid] = _text(form, value_field(fid))
            continue
        if value is None:
            facts.pop(fid, None)
            continue
        entry: dict[str, Any] = {"waarde": value}
        for key, name in (("bron", "b__"), ("bron_detail", "bd__"), ("datum", "d__")):
            text = _text(form, name + fid)
            if text:
                entry[key] = text
        facts[fid] = entry
    profile["feiten"] = facts
    return Parsed(profile, errors)


def form_values(profile: dict[str, Any]) -> dict[str, Any]:
    """What each field shows for a profile: the inverse of `profile_from_form`."""
    out: dict[str, Any] = {}
    for key in SITUATION_FIELDS:
        value = profile.get(key)
        if value is not None:
            out[key] = value.isoformat() if isinstance(value, dt.date) else str(value)
    for fid, entry in (profile.get("feiten") or {}).items():
        e = entry if isinstance(entry, dict) else {"waarde": entry}
        value = e.get("waarde")
        if isinstance(value, bool):
            out[value_field(fid)] = "ja" if value else "nee"
        elif isinstance(value, list):
            out[value_field(fid)] = [str(v) for v in value] or [NONE_OF_THESE]
        elif isinstance(value, dt.date):
            out[value_field(fid)] = value.isoformat()
        elif value is not None and value != UNKNOWN:
            out[value_field(fid)] = str(value)
        for key, name in (("bron", "b__"), ("bron_detail", "bd__"), ("datum", "d__")):
            if e.get(key) is not None:
                v = e[key]
                out[name + fid] = v.isoformat() if isinstance(v, dt.date) else str(v)
    return out


_SLUG = re.compile(r"[^a-z0-9]+")


def new_profile_id(kind: str, municipality: str, peildatum: str) -> str:
    """A readable profile id from the situation (never a person: these fields are places)."""
    place = _SLUG.sub("-", municipality.lower()).strip("-")[:30] or "gemeente"
    day = peildatum if re.fullmatch(r"\d{4}-\d{2}-\d{2}", peildatum) else "zonder-datum"
    return f"{kind}-{place}-{day}"[:64]


def field_of(d: Diagnostic) -> str | None:
    """The form field a diagnostic of the library points at, when there is one."""
    loc = d.loc
    if len(loc) >= 2 and loc[0] == "feiten" and isinstance(loc[1], str):
        name = {"bron": "b__", "bron_detail": "bd__", "datum": "d__"}.get(
            str(loc[2]) if len(loc) > 2 else "", "f__")
        return name + loc[1]
    if loc and loc[0] in SITUATION_FIELDS:
        return str(loc[0])
    return None
