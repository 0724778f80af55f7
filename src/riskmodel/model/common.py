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


def check_order(start: dt.date | None, end: dt.date | None, message: str) -> None:
    """The one ordering check of every date range: the end may not lie before the start."""
    if start and end and end < start:
        raise custom_error("date-order", message, end=end.isoformat(), start=start.isoformat())


class Period(Strict):
    """The one period type: inclusive, an open end means 'always' on that side.

    In YAML it is written `geldig: {vanaf, tot}` in conditions; items with a validity carry
    it as `geldig_vanaf`/`geldig_tot` and register statuses as `vanaf`/`tot` (kept spellings of
    the rule language), and all of them expose it as `.period`.
    """

    start: dt.date | None = Field(default=None, alias="vanaf")
    end: dt.date | None = Field(default=None, alias="tot")

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        check_order(self.start, self.end, "model.period_order")
        return self

    def contains(self, day: dt.date) -> bool:
        if self.start and day < self.start:
            return False
        return not (self.end and day > self.end)

    def boundaries(self) -> list[dt.date]:
        """Days on which something valid in this period starts or stops being valid."""
        out = [self.start] if self.start else []
        if self.end:
            out += [self.end, self.end + dt.timedelta(days=1)] if self.end < dt.date.max else [
                self.end]
        return out


class Validity(Strict):
    """Items valid in a period: `geldig_vanaf` / `geldig_tot` in YAML."""

    valid_from: dt.date | None = Field(default=None, alias="geldig_vanaf")
    valid_to: dt.date | None = Field(default=None, alias="geldig_tot")

    @model_validator(mode="after")
    def _ordered(self) -> Validity:
        check_order(self.valid_from, self.valid_to, "model.validity_order")
        return self

    @property
    def period(self) -> Period:
        return Period(start=self.valid_from, end=self.valid_to)

    def valid_on(self, day: dt.date) -> bool:
        return self.period.contains(day)


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


