"""Situation profiles: facts about a place, premises, event or group as of a date."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from riskmodel.model.common import Ident, Strict
from riskmodel.model.rules import SourceKind

ProfileKind = Literal["gemeente", "wijk", "pand", "evenement", "groep"]
UNKNOWN = "onbekend"

FactScalar = bool | int | float | str | dt.date


class ObjectRef(Strict):
    """A premises is referenced without naming its occupants."""

    bag_id: Annotated[str, Field(pattern=r"^\d{16}$")] | None = None
    referentie: Annotated[str, Field(pattern=r"^[A-Za-z0-9_.:-]{3,64}$")] | None = None

    @model_validator(mode="after")
    def _one(self) -> ObjectRef:
        if bool(self.bag_id) == bool(self.referentie):
            raise ValueError("geef precies een van 'bag_id' (16 cijfers) of 'referentie'")
        return self


class FactEntry(Strict):
    # Any on purpose: the value is checked against the fact's own type by
    # load.profile.normalise_fact, which gives one precise message instead of one per union arm.
    waarde: Any = None
    bron: SourceKind | None = None
    bron_detail: str | None = Field(default=None, max_length=200)
    datum: dt.date | None = None

    @property
    def known(self) -> bool:
        return self.waarde is not None and self.waarde != UNKNOWN


class Profile(Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=120)]
    soort: ProfileKind
    gemeente: str = Field(min_length=1)
    peildatum: dt.date
    wijk: str | None = None
    object: ObjectRef | None = None
    omschrijving: str | None = Field(default=None, max_length=2000)
    feiten: dict[Ident, FactEntry] = Field(default_factory=dict)

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

    def known_values(self) -> dict[str, Any]:
        return {k: e.waarde for k, e in self.feiten.items() if e.known}
