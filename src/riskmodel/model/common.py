"""Building blocks shared by every rule file: labels, citations, validity periods."""

from __future__ import annotations

import datetime as dt
import decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from riskmodel.errors import custom_error

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
Ident = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=80)]
LevelIdent = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_]*$", max_length=40)]


class Strict(BaseModel):
    """Unknown keys are errors everywhere: a typo must never silently disable a rule."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Label(Strict):
    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


class Source(Strict):
    """Where a rule, weight or value comes from. At least one way to find it again."""

    title: str | None = Field(default=None, alias="titel")
    url: str | None = None
    ecli: Annotated[str, Field(pattern=r"^ECLI:[A-Z]{2}:[A-Za-z0-9]+:\d{4}:[A-Za-z0-9.]+$")] | None = (
        None
    )
    note: str | None = Field(default=None, alias="toelichting")
    #: false when nobody has read the ruling or text itself; every output then says so
    verified: bool = Field(default=True, alias="geverifieerd")
    remark: str | None = Field(default=None, alias="opmerking")

    @model_validator(mode="after")
    def _has_reference(self) -> Source:
        if not (self.title or self.url or self.ecli):
            raise custom_error("missing-key", "model.source_reference")
        return self

    def cite(self) -> str:
        parts = [p for p in (self.title, self.ecli, self.url) if p]
        return ", ".join(parts)


class Validity(Strict):
    """Inclusive validity period; open ends mean 'always' on that side."""

    valid_from: dt.date | None = Field(default=None, alias="geldig_vanaf")
    valid_to: dt.date | None = Field(default=None, alias="geldig_tot")

    @model_validator(mode="after")
    def _ordered(self) -> Validity:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise custom_error("date-order", "model.validity_order",
                               end=self.valid_to.isoformat(), start=self.valid_from.isoformat())
        return self

    def valid_on(self, day: dt.date) -> bool:
        if self.valid_from and day < self.valid_from:
            return False
        return not (self.valid_to and day > self.valid_to)


def period_text(vanaf: dt.date | None, tot: dt.date | None) -> str:
    if vanaf and tot:
        return f"{vanaf.isoformat()} t/m {tot.isoformat()}"
    if vanaf:
        return f"vanaf {vanaf.isoformat()}"
    if tot:
        return f"t/m {tot.isoformat()}"
    return "onbeperkt"


#: decimals are compared as integers scaled by 10**DECIMAL_PLACES (so durable-rules never sees a
#: float); a value with more places would be rounded silently, so it is refused instead.
DECIMAL_PLACES = 4
DECIMAL_SCALE: int = 10**DECIMAL_PLACES


def too_precise(value: float) -> bool:
    exponent = decimal.Decimal(str(value)).as_tuple().exponent
    return isinstance(exponent, int) and exponent < -DECIMAL_PLACES


