"""The rule language v1: what a model file may say, as pydantic models.

Metadata (labels, citations, reasons) lives here and never goes into the inference engine;
the compiler takes only the conditions.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator, model_validator

from riskmodel.errors import custom_error
from riskmodel.model.common import (
    Ident,
    Label,
    LevelIdent,
    Period,
    Source,
    Strict,
    Validity,
    check_order,
)
from riskmodel.model.conditions import Condition

FactType = Literal["bool", "int", "decimal", "date", "enum", "enum_list"]
SourceKind = Literal["politie", "riec", "gemeente", "om", "open_bron", "eigen_waarneming", "overig"]
#: the kinds of situation a profile describes; facts, phenomena and interventions may say to
#: which kinds they apply (`soorten`; absent = all kinds)
SituationKind = Literal["gemeente", "wijk", "pand", "evenement", "groep"]


class VictimProtection(Strict):
    """Why a fact, value or indicator that touches a protected ground (nationality, origin,
    religion, ...) is in the model anyway: to protect victims (e.g. of labour exploitation),
    never to select people. `riskmodel check` refuses such an item without this marker."""

    note: str = Field(alias="toelichting", min_length=20, max_length=2000)
    sources: list[Source] = Field(alias="bron", default_factory=list)


class FactValue(Strict):
    id: Ident
    label: Label | None = None
    victim_protection: VictimProtection | None = Field(default=None,
                                                       alias="slachtofferbescherming")


class Fact(Strict):
    """One fact a profile may carry; profiles are validated against this vocabulary."""

    id: Ident
    type: FactType
    label: Label
    question: Label | None = Field(default=None, alias="vraag")
    unit: str | None = Field(default=None, alias="eenheid")
    allowed_values: list[FactValue] | None = Field(default=None, alias="waarden")
    register_id: Ident | None = Field(default=None, alias="register")
    minimum: float | None = None
    maximum: float | None = None
    usual_source: SourceKind | None = Field(default=None, alias="gebruikelijke_bron")
    note: str | None = Field(default=None, alias="toelichting")
    kinds: list[SituationKind] | None = Field(default=None, alias="soorten")
    victim_protection: VictimProtection | None = Field(default=None,
                                                       alias="slachtofferbescherming")

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
            if not self.allowed_values and not self.register_id:
                raise custom_error("missing-key", "model.enum_needs_values", type=self.type)
            if self.allowed_values and self.register_id:
                raise custom_error("inconsistent", "model.values_or_register")
            if self.register_id and self.type != "enum":
                raise custom_error("inconsistent", "model.register_only_enum")
        elif self.allowed_values or self.register_id:
            raise custom_error("inconsistent", "model.values_not_for_type", type=self.type)
        if self.type not in ("int", "decimal") and (
            self.minimum is not None or self.maximum is not None
        ):
            raise custom_error("inconsistent", "model.bounds_only_numbers")
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise custom_error("inconsistent", "model.min_above_max")
        if self.allowed_values:
            ids = [v.id for v in self.allowed_values]
            if len(set(ids)) != len(ids):
                raise custom_error("duplicate-id", "model.duplicate_value")
        return self

    def value_ids(self) -> list[str]:
        return [v.id for v in self.allowed_values or []]


class RegisterStatus(Strict):
    """A status from `vanaf`; certain only from `zeker_vanaf` when that is later or unknown.

    Between `vanaf` and `zeker_vanaf` the status may hold or not (e.g. a ban upheld on appeal
    whose date of becoming final is not known): rules testing it are then undecided.
    """

    status: Ident
    valid_from: dt.date = Field(alias="vanaf")
    certain_from: dt.date | Literal["onbekend"] | None = Field(default=None, alias="zeker_vanaf")
    valid_to: dt.date | None = Field(default=None, alias="tot")
    source: Source = Field(alias="bron")

    @model_validator(mode="after")
    def _ordered(self) -> RegisterStatus:
        check_order(self.valid_from, self.valid_to, "model.period_order")
        return self

    @property
    def period(self) -> Period:
        return Period(start=self.valid_from, end=self.valid_to)


class RegisterItem(Strict):
    id: Ident
    label: Label
    aliases: list[Ident] = Field(alias="aliassen", default_factory=list)
    continues: Ident | None = Field(default=None, alias="voortzetting_van")
    statuses: list[RegisterStatus] = Field(alias="statussen", default_factory=list)
    note: str | None = Field(default=None, alias="toelichting")


class Register(Strict):
    """Dated reference data (e.g. art. 2:20 BW bans) that rules query as of the peildatum."""

    id: Ident
    label: Label
    statuses: list[Ident] = Field(alias="statussen", min_length=1)
    sources: list[Source] = Field(alias="bron", min_length=1)
    items: list[RegisterItem] = Field(min_length=1)

    def canonical(self) -> dict[str, str]:
        """Every accepted name (id or alias) -> the item's id."""
        out: dict[str, str] = {}
        for item in self.items:
            out[item.id] = item.id
            for alias in item.aliases:
                out[alias] = item.id
        return out


class Level(Strict):
    id: LevelIdent
    label: Label
    threshold: int = Field(alias="drempel", ge=0)
    note: Label | None = Field(default=None, alias="toelichting")


class Override(Strict):
    """An indicator that lifts the level to at least `minimaal_niveau` (e.g. acute threat)."""

    indicator: Ident
    min_level: LevelIdent = Field(alias="minimaal_niveau")
    reason: Label = Field(alias="reden")


class Gate(Strict):
    label: Label
    condition: Condition = Field(alias="als")
    sources: list[Source] = Field(alias="bron", min_length=1)


class Phenomenon(Strict):
    id: Ident
    label: Label
    description: Label | None = Field(default=None, alias="beschrijving")
    sources: list[Source] = Field(alias="bron", min_length=1)
    reconstruction: Label | None = Field(default=None, alias="reconstructie")
    kinds: list[SituationKind] | None = Field(default=None, alias="soorten")
    definition: Gate | None = Field(default=None, alias="poort")
    hit_policy: Literal["prioriteit"] = Field(default="prioriteit", alias="hitbeleid")
    levels: list[Level] = Field(alias="niveaus", min_length=2)
    overrides: list[Override] = Field(alias="ophogingen", default_factory=list)

    @model_validator(mode="after")
    def _levels(self) -> Phenomenon:
        ids = [lv.id for lv in self.levels]
        if len(set(ids)) != len(ids):
            raise custom_error("duplicate-id", "model.duplicate_level")
        thresholds = [lv.threshold for lv in self.levels]
        if thresholds[0] != 0:
            raise custom_error("inconsistent", "model.lowest_threshold")
        if any(b <= a for a, b in itertools.pairwise(thresholds)):
            raise custom_error("inconsistent", "model.thresholds_rise")
        known = set(ids)
        for ov in self.overrides:
            if ov.min_level not in known:
                raise custom_error("unknown-reference", "model.override_level",
                                   level=ov.min_level)
        return self

    def rank(self, level_id: str) -> int:
        return [lv.id for lv in self.levels].index(level_id)


class Indicator(Validity):
    id: Ident
    phenomenon: Ident = Field(alias="fenomeen")
    label: Label
    condition: Condition = Field(alias="als")
    points: int = Field(alias="punten", ge=0, le=1000)
    sources: list[Source] = Field(alias="bron", min_length=1)
    note: Label | None = Field(default=None, alias="toelichting")
    victim_protection: VictimProtection | None = Field(default=None,
                                                       alias="slachtofferbescherming")


class LegalBasis(Validity):
    kind: Literal["wet", "apv", "beleid", "convenant", "jurisprudentie", "informeel", "civiel"] = (
        Field(default="wet", alias="soort")
    )
    law: str = Field(alias="wet")
    article: str | None = Field(default=None, alias="artikel")
    paragraph: str | None = Field(default=None, alias="lid")
    item: str | None = Field(default=None, alias="onderdeel")
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
    verified: bool = Field(default=True, alias="geverifieerd")
    remark: str | None = Field(default=None, alias="opmerking")
    #: held non-binding (onverbindend) by a court: never valid law, on no date at all
    never_valid: bool = Field(default=False, alias="nooit_geldig")

    def valid_on(self, day: dt.date) -> bool:
        return not self.never_valid and super().valid_on(day)

    @model_validator(mode="after")
    def _url_for_laws(self) -> LegalBasis:
        if self.kind == "wet" and (not self.article or not self.url):
            raise custom_error("missing-key", "model.law_needs_article")
        return self

    def cite(self) -> str:
        if not self.article:
            return self.law
        text = f"art. {self.article}"
        if self.paragraph:
            text += f" lid {self.paragraph}"
        if self.item:
            text += f" onder {self.item}"
        return f"{text} {self.law}"


Authority = Literal[
    "burgemeester", "college", "gemeenteraad", "om", "politie", "riec", "convenantpartners",
    "rechter",
]


class InterventionGate(Validity):
    """A hard legal precondition; if it fails the instrument cannot be used."""

    id: Ident
    label: Label
    condition: Condition = Field(alias="als")
    reason_not_met: Label = Field(alias="reden_niet_voldaan")
    sources: list[Source] = Field(alias="bron", min_length=1)


class ProportionalityFlag(Validity):
    """A soft condition that must be weighed (art. 3:4 lid 2 Awb) before deciding."""

    id: Ident
    label: Label
    condition: Condition = Field(alias="als")
    sources: list[Source] = Field(alias="bron", default_factory=list)


class Intervention(Validity):
    id: Ident
    label: Label
    legal_basis: list[LegalBasis] = Field(alias="grondslag", min_length=1)
    authority: list[Authority] = Field(alias="bevoegd_gezag", min_length=1)
    ladder: Annotated[int, Field(ge=0, le=1000)]
    phenomena: list[Ident] = Field(alias="fenomenen", default_factory=list)
    kinds: list[SituationKind] | None = Field(default=None, alias="soorten")
    trigger: Condition = Field(alias="voorstellen_als")
    legal_gates: list[InterventionGate] = Field(alias="poorten", default_factory=list)
    flags: list[ProportionalityFlag] = Field(alias="afwegingen", default_factory=list)
    subsidiarity: Label | None = Field(default=None, alias="subsidiariteit")
    unavailable_reason: Label | None = Field(default=None, alias="niet_beschikbaar_reden")
    sources: list[Source] = Field(alias="bron", default_factory=list)
    note: Label | None = Field(default=None, alias="toelichting")


class RuleFile(Strict):
    """One YAML file of a model; a model spreads its content over several of these."""

    facts: list[Fact] = Field(alias="feiten", default_factory=list)
    registers: list[Register] = Field(default_factory=list)
    phenomena: list[Phenomenon] = Field(alias="fenomenen", default_factory=list)
    indicators: list[Indicator] = Field(alias="indicatoren", default_factory=list)
    interventions: list[Intervention] = Field(alias="interventies", default_factory=list)


#: the rule language this library reads; a model written for a newer major version is refused
RULE_LANGUAGE_VERSION = "1.0"

#: what `basis:` may name besides a directory: the bundled model
BUNDLED_BASE = ("standaard", "bundled")


class BaseRef(Strict):
    """A pinned base: `basis: {model: omg_ondermijning, versie: ">=1.0,<2", pad: standaard}`.

    A region's overlay is written against one version of a base; when the base moves past the
    range, loading stops with the version found instead of silently merging stale patches."""

    model: Ident | None = None
    #: PEP 440 version range, e.g. ">=1.0,<2" (packaging.specifiers)
    version: str | None = Field(default=None, alias="versie", max_length=200)
    #: `standaard` (the bundled model) or a directory with a model.yaml, relative to the overlay
    path: str = Field(default="standaard", alias="pad", min_length=1, max_length=1000)

    @model_validator(mode="after")
    def _range(self) -> BaseRef:
        if self.version is not None:
            from packaging.specifiers import InvalidSpecifier, SpecifierSet

            try:
                SpecifierSet(self.version)
            except InvalidSpecifier:
                raise custom_error("pattern", "model.bad_version_range",
                                   value=self.version[:80]) from None
        return self


#: manifest sections a patch path (`wijzigen:`) or `verwijderen` may name
OverlaySection = Literal["feiten", "registers", "fenomenen", "indicatoren", "interventies"]


class ImpactAssessment(Strict):
    """An impact assessment done for the model (IAMA, DPIA, ...): the register's Impacttoets."""

    name: str = Field(alias="naam", min_length=1, max_length=200)
    url: str | None = Field(default=None, alias="link", max_length=1000)
    note: str | None = Field(default=None, alias="toelichting", max_length=4000)


class Publication(Strict):
    """What the Dutch Algorithm Register (Algoritmeregister Publicatiestandaard 1.0.10) asks
    that only people can say (organisation, contact, human intervention, ...). `riskmodel
    modelkaart` fills the rest from the model itself and lists what is missing; `ontbreekt`
    records why a field is knowingly empty (e.g. a reconstruction has no operating party)."""

    name: str | None = Field(default=None, alias="naam", max_length=100)
    summary: str | None = Field(default=None, alias="korte_omschrijving", max_length=350)
    organisation: str | None = Field(default=None, alias="organisatie", max_length=100)
    themes: list[str] = Field(default_factory=list, alias="thema")
    status: Literal["in_ontwikkeling", "in_gebruik", "buiten_gebruik"] | None = None
    start: Annotated[str, Field(pattern=r"^\d{4}-\d{2}$")] | None = Field(
        default=None, alias="begindatum")
    end: Annotated[str, Field(pattern=r"^\d{4}-\d{2}$")] | None = Field(
        default=None, alias="einddatum")
    contact: str | None = Field(default=None, alias="contactgegevens", max_length=300)
    public_page: str | None = Field(default=None, alias="publiekspagina", max_length=1000)
    category: Literal["hoog_risico_ai", "impactvol", "overig"] | None = Field(
        default=None, alias="publicatiecategorie")
    source_registration: str | None = Field(default=None, alias="bronregistratie",
                                            max_length=1000)
    purpose_and_impact: str | None = Field(default=None, alias="doel_en_impact",
                                           max_length=2500)
    considerations: str | None = Field(default=None, alias="afwegingen", max_length=2500)
    human_intervention: str | None = Field(default=None, alias="menselijke_tussenkomst",
                                           max_length=2500)
    risk_management: str | None = Field(default=None, alias="risicobeheer", max_length=2500)
    legal_basis: str | None = Field(default=None, alias="wettelijke_basis", max_length=2500)
    legal_basis_url: str | None = Field(default=None, alias="link_wettelijke_basis",
                                        max_length=1000)
    processing_register: str | None = Field(default=None, alias="verwerkingsregister",
                                            max_length=1000)
    impact_assessments: list[ImpactAssessment] = Field(default_factory=list,
                                                       alias="impacttoetsen")
    data: str | None = Field(default=None, alias="gegevens", max_length=5000)
    technical_operation: str | None = Field(default=None, alias="technische_werking",
                                            max_length=5000)
    supplier: str | None = Field(default=None, alias="leverancier", max_length=300)
    source_code: str | None = Field(default=None, alias="broncode", max_length=1000)
    #: register field (its Dutch key here) -> why it is knowingly empty
    missing_because: dict[str, str] = Field(default_factory=dict, alias="ontbreekt")


class Manifest(Strict):
    """rules/model.yaml: names the model, its version, its rule-language version and files."""

    rule_language: Annotated[str, Field(pattern=r"^\d+\.\d+$")] = Field(
        default=RULE_LANGUAGE_VERSION, alias="regeltaal")
    model: Ident
    version: Annotated[str, Field(pattern=r"^\d+\.\d+\.\d+([-+][0-9A-Za-z.]+)?$")] = Field(alias="versie")
    label: Label
    description: Label | None = Field(default=None, alias="beschrijving")
    reconstruction: Label | None = Field(default=None, alias="reconstructie")
    #: rule files; an overlay that only patches and removes needs none
    files: list[str] = Field(alias="bestanden", default_factory=list)
    #: overlay: the base model (a path, `standaard`, or a pinned {model, versie, pad})
    base: BaseRef | None = Field(default=None, alias="basis")
    #: overlay: ids to drop from the base, per section (e.g. an instrument a region lacks)
    remove: dict[OverlaySection, list[Ident]] = Field(alias="verwijderen", default_factory=dict)
    #: overlay: single fields of base items, by path (`fenomenen.omg.niveaus.T3.drempel: 45`)
    patches: dict[str, Any] = Field(alias="wijzigen", default_factory=dict)
    #: extra terms for the non-discrimination lint, per ground (check/data/beschermde_gronden)
    protected_grounds: dict[Ident, list[Annotated[str, Field(min_length=2, max_length=80)]]] = (
        Field(alias="beschermde_gronden", default_factory=dict))
    #: what the Algorithm Register asks that the rules cannot say (see `riskmodel modelkaart`)
    publication: Publication | None = Field(default=None, alias="algoritmeregister")

    @field_validator("base", mode="before", json_schema_input_type=str | BaseRef | None)
    @classmethod
    def _base_path_only(cls, value: object) -> object:
        # `basis: ../rules` (a path or `standaard`) is short for `basis: {pad: ../rules}`
        return {"pad": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _language_supported(self) -> Manifest:
        major = int(self.rule_language.split(".")[0])
        if major > int(RULE_LANGUAGE_VERSION.split(".")[0]):
            raise ValueError(
                f"dit model is geschreven in regeltaal {self.rule_language}; deze versie van "
                f"riskmodel leest regeltaal {RULE_LANGUAGE_VERSION} (werk riskmodel bij)")
        if not self.files and self.base is None:
            raise custom_error("missing-key", "model.files_needed")
        if self.base is None and (self.remove or self.patches):
            raise custom_error("inconsistent", "model.overlay_keys_need_base")
        return self

    @property
    def base_location(self) -> str | None:
        """Where the base is: a path relative to the overlay, or `standaard`."""
        return self.base.path if self.base is not None else None
