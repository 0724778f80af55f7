"""Dutch Gherkin steps for pytest-bdd, so analysts can write features without Python.

Use as a pytest plugin (``pytest_plugins = ["riskmodel.scenarios.gherkin_steps"]``) and
bind feature files with ``pytest_bdd.scenarios(...)``. A feature looks like::

    # language: nl
    Functionaliteit: Clubhuis met drugs
      Scenario: Drugs in het clubhuis
        Gegeven een profiel van gemeente "Almere" op peildatum "2023-05-01"
        En het feit "motorclub_aanwezig" is "ja"
        Als de beoordeling wordt uitgevoerd
        Dan is het niveau van "omg" "T2"
        En wordt interventie "kleurenverbod_apv" niet voorgesteld

In pytest-bdd the keyword (Gegeven/Als/Dan/En/Maar) is not part of the step text; an
"En" step takes the type of the step before it. Every check reuses the YAML scenario
checks, so a failure reads the same in both formats: ``verwacht X, kreeg Y``.

Where things are found (first match wins):

* the model: ``Gegeven het model in "<map>"``, ``--riskmodel-rules``, ``$RISKMODEL_RULES``,
  ini ``riskmodel_rules``, else the bundled model;
* scenario files: ``--riskmodel-scenarios``, ``$RISKMODEL_SCENARIOS``, ini
  ``riskmodel_scenarios``, else ``scenarios/`` under the pytest rootdir.

Relative paths are taken from the pytest rootdir (then the working directory).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn, get_args

import pytest
from pydantic import ValidationError
from pytest_bdd import given, parsers, then, when

from riskmodel.api import assess, load_rules
from riskmodel.errors import Diagnostic, UserInputError, did_you_mean
from riskmodel.load.diagnostics import from_validation_error
from riskmodel.load.profile import normalise_fact
from riskmodel.load.yamlsource import read_source
from riskmodel.model.assessment import Assessment
from riskmodel.model.profile import UNKNOWN, ProfileKind
from riskmodel.model.ruleset import RuleSet
from riskmodel.scenarios.model import Expectations, load_scenario, reference_problems
from riskmodel.scenarios.runner import ENGINES, SCENARIO_SUFFIXES, check_expectations
from riskmodel.source import SourceDoc

RULES_ENV = "RISKMODEL_RULES"
SCENARIOS_ENV = "RISKMODEL_SCENARIOS"
STEP_SOURCE = "<stap>"

_RULES_CACHE: dict[str, RuleSet] = {}
_TRUE = {"ja", "true", "waar", "j"}
_FALSE = {"nee", "false", "onwaar", "n"}


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("riskmodel", "riskmodel Gherkin-stappen")
    group.addoption("--riskmodel-rules", default=None,
                    help="modelmap voor de Gherkin-stappen (anders $RISKMODEL_RULES)")
    group.addoption("--riskmodel-scenarios", default=None,
                    help="map met scenario-YAML voor 'Gegeven het scenario' "
                         "(anders $RISKMODEL_SCENARIOS, standaard scenarios/)")
    parser.addini("riskmodel_rules", "modelmap voor de Gherkin-stappen", default="")
    parser.addini("riskmodel_scenarios", "map met scenario-YAML", default="")


@dataclass
class BddContext:
    """State of one Gherkin scenario: model, profile being built, and the assessment."""

    rootdir: Path
    scenario_dir: Path
    rules_path: Path | None
    profile: dict[str, Any] | None = None
    origin: str | None = None
    engine: str = "compiled"
    assessment: Assessment | None = None
    facts_set: list[str] = field(default_factory=list)

    @property
    def rules(self) -> RuleSet:
        return _rules_for(self.rules_path)

    def require_profile(self) -> dict[str, Any]:
        if self.profile is None:
            fail("er is nog geen profiel; begin met 'Gegeven het scenario \"...\"' of "
                 "'Gegeven een profiel van gemeente \"...\" op peildatum \"JJJJ-MM-DD\"'")
        return self.profile

    def require_assessment(self) -> Assessment:
        if self.assessment is None:
            fail("er is nog geen beoordeling uitgevoerd; voeg 'Als de beoordeling wordt "
                 "uitgevoerd' toe vóór de Dan-stappen")
        return self.assessment

    def changed(self) -> None:
        # A Given after a When would otherwise be checked against a stale assessment.
        self.assessment = None


def fail(message: str) -> NoReturn:
    pytest.fail(message, pytrace=False)


def _setting(config: pytest.Config, option: str, env: str, ini: str) -> str | None:
    value = config.getoption(option, default=None)
    if value:
        return str(value)
    if os.environ.get(env):
        return os.environ[env]
    try:
        ini_value = config.getini(ini)
    except ValueError:
        ini_value = ""
    return str(ini_value) if ini_value else None


def resolve_path(text: str, rootdir: Path) -> Path:
    path = Path(text).expanduser()
    if path.is_absolute():
        return path
    candidate = rootdir / path
    if candidate.exists() or not (Path.cwd() / path).exists():
        return candidate
    return Path.cwd() / path


def _rules_for(path: Path | None) -> RuleSet:
    key = str(path.resolve()) if path is not None else ""
    cached = _RULES_CACHE.get(key)
    if cached is None:
        try:
            cached = load_rules(path)
        except UserInputError as exc:
            fail(f"het model kan niet worden geladen:\n{exc}")
        _RULES_CACHE[key] = cached
    return cached


@pytest.fixture
def riskmodel_bdd(request: pytest.FixtureRequest) -> BddContext:
    """The state the Dutch steps share within one Gherkin scenario."""
    config = request.config
    rootdir = Path(config.rootpath)
    rules = _setting(config, "riskmodel_rules", RULES_ENV, "riskmodel_rules")
    scen = _setting(config, "riskmodel_scenarios", SCENARIOS_ENV, "riskmodel_scenarios")
    return BddContext(
        rootdir=rootdir,
        scenario_dir=resolve_path(scen or "scenarios", rootdir),
        rules_path=resolve_path(rules, rootdir) if rules else None,
    )


def _q(name: str) -> str:
    return f'"(?P<{name}>[^"]*)"'


# ---- parsing helpers ---------------------------------------------------------------------
def parse_date(text: str, what: str = "datum") -> dt.date:
    text = text.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    m = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", text)
    if m:
        try:
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            pass
    fail(f"ongeldige {what} '{text}' (verwacht: JJJJ-MM-DD, bijvoorbeeld 2023-05-01)")


def _diag_text(d: Diagnostic) -> str:
    text = d.message
    if d.expected:
        text += f" (verwacht: {d.expected})"
    if d.suggestion:
        text += f"; bedoelde u '{d.suggestion}'?"
    return text


def parse_fact_value(rules: RuleSet, fact_id: str, text: str) -> Any:
    """The step's text as a value of the fact's type; 'onbekend' means unknown (None)."""
    fact = rules.facts.get(fact_id)
    if fact is None:
        hint = did_you_mean(fact_id, rules.facts)
        fail(f"onbekend feit '{fact_id}'" + (f"; bedoelde u '{hint}'?" if hint else "")
             + f" (het model '{rules.manifest.model}' kent {len(rules.facts)} feiten)")
    raw = text.strip()
    if raw.lower() == UNKNOWN:
        return None
    value: Any = raw
    t = fact.type
    if t == "bool":
        if raw.lower() in _TRUE:
            value = True
        elif raw.lower() in _FALSE:
            value = False
        else:
            fail(f"ongeldige waarde '{raw}' voor feit '{fact_id}' (verwacht: ja, nee of onbekend)")
    elif t == "int":
        try:
            value = int(raw.replace("_", ""))
        except ValueError:
            fail(f"ongeldige waarde '{raw}' voor feit '{fact_id}' (verwacht: een geheel getal)")
    elif t == "decimal":
        try:
            value = float(raw.replace(",", "."))
        except ValueError:
            fail(f"ongeldige waarde '{raw}' voor feit '{fact_id}' "
                 "(verwacht: een getal, bijvoorbeeld 0,5 of 12)")
    elif t == "date":
        value = parse_date(raw, f"datum voor feit '{fact_id}'")
    elif t == "enum_list":
        value = [v.strip() for v in raw.split(",") if v.strip()]
    canonical, problems = normalise_fact(rules, fact_id, value, SourceDoc(STEP_SOURCE, None),
                                         ("feiten", fact_id))
    if problems:
        fail("; ".join(_diag_text(d) for d in problems))
    return canonical


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "profiel"


def _new_profile(ctx: BddContext, soort: str, gemeente: str, datum: str) -> None:
    kinds = list(get_args(ProfileKind))
    if soort not in kinds:
        hint = did_you_mean(soort, kinds)
        fail(f"onbekende soort profiel '{soort}' (verwacht: {', '.join(kinds)})"
             + (f"; bedoelde u '{hint}'?" if hint else ""))
    if not gemeente.strip():
        fail("de gemeente mag niet leeg zijn")
    day = parse_date(datum, "peildatum")
    ctx.profile = {
        "id": f"{_slug(gemeente)}-{soort}-{day.isoformat()}",
        "soort": soort,
        "gemeente": gemeente.strip(),
        "peildatum": day,
        "feiten": {},
    }
    ctx.origin = f"profiel van {soort} in {gemeente}"
    ctx.facts_set.clear()
    ctx.changed()


def find_scenario_file(ref: str, ctx: BddContext) -> Path:
    """A path (contains / or ends in .yaml) or a scenario id looked up in the scenario dir."""
    if "/" in ref or ref.endswith(SCENARIO_SUFFIXES):
        path = resolve_path(ref, ctx.rootdir)
        if not path.is_file():
            fail(f"scenariobestand '{ref}' niet gevonden (gezocht: {path})")
        return path
    folder = ctx.scenario_dir
    if not folder.is_dir():
        fail(f"scenariomap '{folder}' bestaat niet; stel ${SCENARIOS_ENV} of "
             "--riskmodel-scenarios in")
    for suffix in SCENARIO_SUFFIXES:
        direct = folder / f"{ref}{suffix}"
        if direct.is_file():
            return direct
    matches: list[Path] = []
    known: list[str] = []
    for path in sorted(folder.rglob("*")):
        if path.suffix not in SCENARIO_SUFFIXES or not path.is_file():
            continue
        try:
            data = read_source(path).data
        except Exception:  # unreadable files cannot be the one asked for; skip them
            continue
        sid = data.get("scenario") if isinstance(data, dict) else None
        if isinstance(sid, str):
            known.append(sid)
            if sid == ref:
                matches.append(path)
    if len(matches) > 1:
        fail(f"scenario-id '{ref}' komt in meer dan een bestand voor: "
             + ", ".join(str(p) for p in matches))
    if not matches:
        hint = did_you_mean(ref, known)
        fail(f"scenario '{ref}' niet gevonden in {folder}"
             + (f"; bedoelde u '{hint}'?" if hint else ""))
    return matches[0]


def _expect(ctx: BddContext, data: dict[str, Any]) -> None:
    """Check one expectation with the same code as the YAML scenarios."""
    doc = SourceDoc(STEP_SOURCE, data)
    try:
        exp = Expectations.model_validate(data)
    except ValidationError as exc:
        fail("; ".join(_diag_text(d) for d in from_validation_error(exc, doc, Expectations)))
    problems = reference_problems(exp, ctx.rules, doc)
    if problems:
        fail("; ".join(_diag_text(d) for d in problems))
    mismatches = check_expectations(exp, ctx.require_assessment(), ctx.rules.removed)
    if mismatches:
        raise AssertionError("\n".join(m.render("nl") for m in mismatches))


# ---- Gegeven -----------------------------------------------------------------------------
@given(parsers.re(f"het model in {_q('pad')}"))
def model_in(riskmodel_bdd: BddContext, pad: str) -> None:
    ctx = riskmodel_bdd
    if ctx.profile is not None:
        fail("zet 'Gegeven het model in \"...\"' vóór het profiel of scenario: het profiel "
             "wordt tegen het model gecontroleerd")
    path = resolve_path(pad, ctx.rootdir)
    if not path.exists():
        fail(f"modelmap '{pad}' niet gevonden (gezocht: {path})")
    ctx.rules_path = path
    _ = ctx.rules  # load now, so a broken model fails on this step


@given(parsers.re(f"het scenario {_q('ref')}"))
def het_scenario(riskmodel_bdd: BddContext, ref: str) -> None:
    ctx = riskmodel_bdd
    path = find_scenario_file(ref, ctx)
    try:
        loaded = load_scenario(path, ctx.rules)
    except UserInputError as exc:
        fail(f"scenario '{ref}' is ongeldig:\n{exc}")
    except Exception as exc:
        fail(f"scenario '{ref}' ({path}) kan niet worden gelezen: {type(exc).__name__}: {exc}")
    ctx.profile = loaded.profile.model_dump(by_alias=True, exclude_none=True)
    ctx.origin = f"scenario {loaded.id} ({loaded.file})"
    ctx.facts_set.clear()
    ctx.changed()


@given(parsers.re(f"een profiel van gemeente {_q('gemeente')} op peildatum {_q('datum')}"))
def profiel_gemeente(riskmodel_bdd: BddContext, gemeente: str, datum: str) -> None:
    _new_profile(riskmodel_bdd, "gemeente", gemeente, datum)


@given(parsers.re(
    f"een profiel van soort {_q('soort')} in gemeente {_q('gemeente')} op peildatum {_q('datum')}"))
def profiel_soort(riskmodel_bdd: BddContext, soort: str, gemeente: str, datum: str) -> None:
    _new_profile(riskmodel_bdd, soort, gemeente, datum)


@given(parsers.re(f"het feit {_q('feit')} is {_q('waarde')}"))
def het_feit(riskmodel_bdd: BddContext, feit: str, waarde: str) -> None:
    ctx = riskmodel_bdd
    profile = ctx.require_profile()
    value = parse_fact_value(ctx.rules, feit.strip(), waarde)
    facts: dict[str, Any] = profile.setdefault("feiten", {})
    entry = facts.get(feit)
    if isinstance(entry, dict):
        facts[feit] = {**entry, "waarde": value}
    else:
        facts[feit] = {"waarde": value}
    ctx.facts_set.append(feit)
    ctx.changed()


@given(parsers.re(f"de peildatum is {_q('datum')}"))
def de_peildatum(riskmodel_bdd: BddContext, datum: str) -> None:
    ctx = riskmodel_bdd
    profile = ctx.require_profile()
    profile["peildatum"] = parse_date(datum, "peildatum")
    ctx.changed()


# ---- Als ---------------------------------------------------------------------------------
def _run(ctx: BddContext, engine: str) -> None:
    if engine not in ENGINES:
        hint = did_you_mean(engine, ENGINES)
        fail(f"onbekende engine '{engine}' (verwacht: {', '.join(ENGINES)})"
             + (f"; bedoelde u '{hint}'?" if hint else ""))
    profile = ctx.require_profile()
    ctx.engine = engine
    try:
        ctx.assessment = assess(dict(profile), ctx.rules, engine=engine)  # type: ignore[arg-type]
    except UserInputError as exc:
        fail(f"het profiel ({ctx.origin}) is ongeldig:\n{exc}")


@when("de beoordeling wordt uitgevoerd")
def beoordeling(riskmodel_bdd: BddContext) -> None:
    _run(riskmodel_bdd, "compiled")


@when(parsers.re(f"de beoordeling wordt uitgevoerd met engine {_q('engine')}"))
def beoordeling_engine(riskmodel_bdd: BddContext, engine: str) -> None:
    _run(riskmodel_bdd, engine.strip())


# ---- Dan ---------------------------------------------------------------------------------
@then(parsers.re(f"is het niveau van {_q('fenomeen')} {_q('niveau')}"))
def niveau(riskmodel_bdd: BddContext, fenomeen: str, niveau: str) -> None:
    _expect(riskmodel_bdd, {"niveaus": {fenomeen: niveau}})


@then(parsers.re(f"is het mogelijke niveau van {_q('fenomeen')} {_q('niveau')}"))
def mogelijk_niveau(riskmodel_bdd: BddContext, fenomeen: str, niveau: str) -> None:
    _expect(riskmodel_bdd, {"mogelijke_niveaus": {fenomeen: niveau}})


@then(parsers.re(f"is de status van interventie {_q('interventie')} {_q('status')}"))
def interventie_status(riskmodel_bdd: BddContext, interventie: str, status: str) -> None:
    _expect(riskmodel_bdd, {"interventies": {interventie: status}})


@then(parsers.re(f"wordt interventie {_q('interventie')} niet voorgesteld"))
def niet_voorgesteld(riskmodel_bdd: BddContext, interventie: str) -> None:
    _expect(riskmodel_bdd, {"niet_voorgesteld": [interventie]})


@then(parsers.re(f"is indicator {_q('indicator')} {_q('status')}"))
def indicator_status(riskmodel_bdd: BddContext, indicator: str, status: str) -> None:
    _expect(riskmodel_bdd, {"indicatoren": {indicator: status}})


@then(parsers.re(f"is de poort van {_q('fenomeen')} {_q('status')}"))
def poort(riskmodel_bdd: BddContext, fenomeen: str, status: str) -> None:
    _expect(riskmodel_bdd, {"poorten": {fenomeen: status}})


@then(parsers.re(f"ontbreekt het feit {_q('feit')} voor interventie {_q('interventie')}"))
def ontbreekt(riskmodel_bdd: BddContext, feit: str, interventie: str) -> None:
    _expect(riskmodel_bdd, {"ontbrekende_feiten": {interventie: [feit]}})


__all__ = [
    "BddContext",
    "find_scenario_file",
    "parse_date",
    "parse_fact_value",
    "pytest_addoption",
    "riskmodel_bdd",
]
