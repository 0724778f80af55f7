"""Situation profiles: facts about a place, premises, event or group as of a date."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import Field, field_validator, model_validator

from riskmodel.errors import custom_error
from riskmodel.model.common import Ident, Strict
from riskmodel.model.rules import SituationKind, SourceKind

ProfileKind = SituationKind
UNKNOWN = "onbekend"

FactScalar = bool | int | float | str | dt.date


class ObjectRef(Strict):
    """A premises is referenced without naming its occupants."""

    bag_id: Annotated[str, Field(pattern=r"^\d{16}$")] | None = None
    reference: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.:-]{3,64}$")] | None = Field(
        default=None, alias="referentie"
    )

    @model_validator(mode="after")
    def _one(self) -> ObjectRef:
        if bool(self.bag_id) == bool(self.reference):
            raise custom_error("inconsistent", "model.object_ref")
        return self


class FactEntry(Strict):
    # Any on purpose: the value is checked against the fact's own type by
    # load.profile.normalise_fact, which gives one precise message instead of one per union arm.
    value: Any = Field(default=None, alias="waarde")
    source: SourceKind | None = Field(default=None, alias="bron")
    source_detail: str | None = Field(alias="bron_detail", default=None, max_length=200)
    observed: dt.date | None = Field(default=None, alias="datum")

    @property
    def known(self) -> bool:
        return self.value is not None and self.value != UNKNOWN


#: a place name: letters (any script with accents), spaces and ' - . ( ) , digits for a wijk
#: ("Wijk 04 Centrum"); no @, /, :, no control characters, no long text
_PLACE = re.compile(r"'?[^\W\d_][\w '\-.(),]*", re.UNICODE)
MAX_MUNICIPALITY = 60
MAX_DISTRICT = 80


def _place(value: str, max_len: int, digits: bool) -> str:
    if len(value) > max_len:
        raise custom_error("range", "profile.place_too_long", max=max_len)
    if not _PLACE.fullmatch(value) or "_" in value or (not digits and any(
            c.isdigit() for c in value)):
        raise custom_error("pattern", "profile.place_chars_digits" if digits
                           else "profile.place_chars")
    return value


class Profile(Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=64)]
    kind: ProfileKind = Field(alias="soort")
    municipality: str = Field(alias="gemeente", min_length=1)
    peildatum: dt.date
    district: str | None = Field(default=None, alias="wijk")
    premises: ObjectRef | None = Field(default=None, alias="object")
    description: str | None = Field(alias="omschrijving", default=None, max_length=2000)
    facts: dict[Ident, FactEntry] = Field(alias="feiten", default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _short_facts(cls, data: Any) -> Any:
        # `feit: waarde` is shorthand for `feit: {waarde: ...}`; `onbekend` marks unknown.
        if isinstance(data, dict) and isinstance(data.get("feiten"), dict):
            data = dict(data)
            data["feiten"] = {
                k: v if isinstance(v, dict) else {"waarde": v} for k, v in data["feiten"].items()
            }
        return data

    @field_validator("municipality")
    @classmethod
    def _municipality(cls, value: str) -> str:
        return _place(value, MAX_MUNICIPALITY, digits=False)

    @field_validator("district")
    @classmethod
    def _district(cls, value: str | None) -> str | None:
        return None if value is None else _place(value, MAX_DISTRICT, digits=True)

    def known_values(self) -> dict[str, Any]:
        return {k: e.value for k, e in self.facts.items() if e.known}
