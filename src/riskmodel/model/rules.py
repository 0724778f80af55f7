"""The rule language v1: what a model file may say, as pydantic models.

Metadata (labels, citations, reasons) lives here and never goes into the inference engine;
the compiler takes only the conditions.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Annotated, Literal

from pydantic import Field, model_validator

from riskmodel.model.common import Ident, Label, LevelIdent, Source, Strict, Validity
from riskmodel.model.conditions import Condition

FactType = Literal["bool", "int", "decimal", "date", "enum", "enum_list"]
SourceKind = Literal["politie", "riec", "gemeente", "om", "open_bron", "eigen_waarneming", "overig"]


class FactValue(Strict):
    id: Ident
    label: Label | None = None


class Fact(Strict):
    """One fact a profile may carry; profiles are validated against this vocabulary."""

    id: Ident
    type: FactType
    label: Label
    vraag: Label | None = None
    eenheid: str | None = None
    waarden: list[FactValue] | None = None
    register_id: Ident | None = Field(default=None, alias="register")
    minimum: float | None = None
    maximum: float | None = None
    gebruikelijke_bron: SourceKind | None = None
    toelichting: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _short_values(cls, data: object) -> object:
        # `waarden: [a, b]` is the common short form of `waarden: [{id: a}, {id: b}]`.
        if isinstance(data, dict) and isinstance(data.get("waarden"), list):
            data = dict(data)
            data["waarden"] = [{"id": v} if isinstance(v, str) else v for v in data["waarden"]]
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Fact:
        if self.type in ("enum", "enum_list"):
            if not self.waarden and not self.register_id:
                raise ValueError(f"een feit van type {self.type} heeft 'waarden' of 'register'")
            if self.waarden and self.register_id:
                raise ValueError("geef 'waarden' of 'register', niet beide")
            if self.register_id and self.type != "enum":
                raise ValueError("'register' kan alleen bij type enum")
        elif self.waarden or self.register_id:
            raise ValueError(f"'waarden' en 'register' horen niet bij type {self.type}")
        if self.type not in ("int", "decimal") and (
            self.minimum is not None or self.maximum is not None
        ):
            raise ValueError("'minimum'/'maximum' alleen bij int of decimal")
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValueError("minimum is groter dan maximum")
        if self.waarden:
            ids = [v.id for v in self.waarden]
            if len(set(ids)) != len(ids):
                raise ValueError("dubbele waarde in 'waarden'")
        return self

    def value_ids(self) -> list[str]:
        return [v.id for v in self.waarden or []]


class RegisterStatus(Strict):
    """A status from `vanaf`; certain only from `zeker_vanaf` when that is later or unknown.

    Between `vanaf` and `zeker_vanaf` the status may hold or not (e.g. a ban upheld on appeal
    whose date of becoming final is not known): rules testing it are then undecided.
    """

    status: Ident
    vanaf: dt.date
    zeker_vanaf: dt.date | Literal["onbekend"] | None = None
    tot: dt.date | None = None
    bron: Source

    @model_validator(mode="after")
    def _ordered(self) -> RegisterStatus:
        if self.tot and self.tot < self.vanaf:
            raise ValueError(f"tot ({self.tot}) ligt voor vanaf ({self.vanaf})")
        return self


class RegisterItem(Strict):
    id: Ident
    label: Label
    aliassen: list[Ident] = Field(default_factory=list)
    voortzetting_van: Ident | None = None
    statussen: list[RegisterStatus] = Field(default_factory=list)
    toelichting: str | None = None


class Register(Strict):
    """Dated reference data (e.g. art. 2:20 BW bans) that rules query as of the peildatum."""

    id: Ident
    label: Label
    statussen: list[Ident] = Field(min_length=1)
    bron: list[Source] = Field(min_length=1)
    items: list[RegisterItem] = Field(min_length=1)

    def canonical(self) -> dict[str, str]:
        """Every accepted name (id or alias) -> the item's id."""
        out: dict[str, str] = {}
        for item in self.items:
            out[item.id] = item.id
            for alias in item.aliassen:
                out[alias] = item.id
        return out


class Level(Strict):
    id: LevelIdent
    label: Label
    drempel: int = Field(ge=0)
    toelichting: Label | None = None


class Override(Strict):
    """An indicator that lifts the level to at least `minimaal_niveau` (e.g. acute threat)."""

    indicator: Ident
    minimaal_niveau: LevelIdent
    reden: Label


class Gate(Strict):
    label: Label
    als: Condition
    bron: list[Source] = Field(min_length=1)


class Phenomenon(Strict):
    id: Ident
    label: Label
    beschrijving: Label | None = None
    bron: list[Source] = Field(min_length=1)
    reconstructie: Label | None = None
    poort: Gate | None = None
    hitbeleid: Literal["prioriteit"] = "prioriteit"
    niveaus: list[Level] = Field(min_length=2)
    ophogingen: list[Override] = Field(default_factory=list)

    @model_validator(mode="after")
    def _levels(self) -> Phenomenon:
        ids = [lv.id for lv in self.niveaus]
        if len(set(ids)) != len(ids):
            raise ValueError("dubbel niveau-id")
        thresholds = [lv.drempel for lv in self.niveaus]
        if thresholds[0] != 0:
            raise ValueError("het laagste niveau heeft drempel 0 (anders blijft er een gat)")
        if any(b <= a for a, b in itertools.pairwise(thresholds)):
            raise ValueError(
                "drempels stijgen strikt van laag naar hoog (anders overlappen niveaus)"
            )
        known = set(ids)
        for ov in self.ophogingen:
            if ov.minimaal_niveau not in known:
                raise ValueError(f"ophoging naar onbekend niveau '{ov.minimaal_niveau}'")
        return self

    def rank(self, level_id: str) -> int:
        return [lv.id for lv in self.niveaus].index(level_id)


class Indicator(Validity):
    id: Ident
    fenomeen: Ident
    label: Label
    als: Condition
    punten: int = Field(ge=0, le=1000)
    bron: list[Source] = Field(min_length=1)
    toelichting: Label | None = None


class LegalBasis(Validity):
    soort: Literal["wet", "apv", "beleid", "convenant", "jurisprudentie", "informeel", "civiel"] = (
        "wet"
    )
    wet: str
    artikel: str | None = None
    lid: str | None = None
    onderdeel: str | None = None
    url: str | None = None
    #: Basiswettenbestand id of the statute (e.g. BWBR0005416 for the Gemeentewet)
    bwb_id: Annotated[str, Field(pattern=r"^BWB[RV]\d{7}$")] | None = None
    #: juriconnect reference, e.g. jci1.3:c:BWBR0005416&artikel=174&lid=2
    juriconnect: Annotated[
        str, Field(pattern=r"^jci1\.[0-9]+:[cv]:BWB[RV]\d{7}(&[a-z]+=[^&\s]+)*$")
    ] | None = None
    #: for soort jurisprudentie: the ruling that is the basis
    ecli: Annotated[str, Field(pattern=r"^ECLI:[A-Z]{2}:[A-Za-z0-9]+:\d{4}:[A-Za-z0-9.]+$")] | None = (
        None
    )
    geverifieerd: bool = True
    opmerking: str | None = None

    @model_validator(mode="after")
    def _url_for_laws(self) -> LegalBasis:
        if self.soort == "wet" and (not self.artikel or not self.url):
            raise ValueError("een wettelijke grondslag heeft 'artikel' en 'url'")
        return self

    def cite(self) -> str:
        if not self.artikel:
            return self.wet
        text = f"art. {self.artikel}"
        if self.lid:
            text += f" lid {self.lid}"
        if self.onderdeel:
            text += f" onder {self.onderdeel}"
        return f"{text} {self.wet}"


Authority = Literal[
    "burgemeester", "college", "gemeenteraad", "om", "politie", "riec", "convenantpartners",
    "rechter",
]


class InterventionGate(Validity):
    """A hard legal precondition; if it fails the instrument cannot be used."""

    id: Ident
    label: Label
    als: Condition
    reden_niet_voldaan: Label
    bron: list[Source] = Field(min_length=1)


class ProportionalityFlag(Validity):
    """A soft condition that must be weighed (art. 3:4 lid 2 Awb) before deciding."""

    id: Ident
    label: Label
    als: Condition
    bron: list[Source] = Field(default_factory=list)


class Intervention(Validity):
    id: Ident
    label: Label
    grondslag: list[LegalBasis] = Field(min_length=1)
    bevoegd_gezag: list[Authority] = Field(min_length=1)
    ladder: Annotated[int, Field(ge=0, le=1000)]
    fenomenen: list[Ident] = Field(default_factory=list)
    voorstellen_als: Condition
    poorten: list[InterventionGate] = Field(default_factory=list)
    afwegingen: list[ProportionalityFlag] = Field(default_factory=list)
    subsidiariteit: Label | None = None
    niet_beschikbaar_reden: Label | None = None
    bron: list[Source] = Field(default_factory=list)
    toelichting: Label | None = None


class RuleFile(Strict):
    """One YAML file of a model; a model spreads its content over several of these."""

    feiten: list[Fact] = Field(default_factory=list)
    registers: list[Register] = Field(default_factory=list)
    fenomenen: list[Phenomenon] = Field(default_factory=list)
    indicatoren: list[Indicator] = Field(default_factory=list)
    interventies: list[Intervention] = Field(default_factory=list)


class Manifest(Strict):
    """rules/model.yaml: names the model, its version and its files."""

    model: Ident
    versie: Annotated[str, Field(pattern=r"^\d+\.\d+\.\d+([-+][0-9A-Za-z.]+)?$")]
    label: Label
    beschrijving: Label | None = None
    reconstructie: Label | None = None
    bestanden: list[str] = Field(min_length=1)
    #: overlay: a relative path to a base model; items here replace base items with the same id
    basis: str | None = None
    #: overlay: ids to drop from the base, per section (e.g. an instrument a region lacks)
    verwijderen: dict[
        Literal["feiten", "registers", "fenomenen", "indicatoren", "interventies"], list[Ident]
    ] = Field(default_factory=dict)
