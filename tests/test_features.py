"""Dutch Gherkin features: the mini model's features, the real model's, and step failures."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from model_copies import MINI, MINI_FEATURES, MINI_SCENARIOS, REPO
from pytest_bdd import scenarios

from riskmodel import load_rules
from riskmodel.scenarios.gherkin_steps import parse_date, parse_fact_value

REAL_FEATURES = REPO / "scenarios" / "features"

# The mini features always exist; an empty glob here must fail loudly, not pass.
scenarios(str(MINI_FEATURES))

# The real model's features are written elsewhere; bind them as soon as there are any.
if REAL_FEATURES.is_dir() and any(REAL_FEATURES.rglob("*.feature")):
    scenarios(str(REAL_FEATURES))


# ---- value parsing -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("fact", "text", "value"),
    [
        ("motorclub_aanwezig", "ja", True),
        ("motorclub_aanwezig", "Nee", False),
        ("motorclub_aanwezig", "true", True),
        ("motorclub_aanwezig", "false", False),
        ("motorclub_aanwezig", "onbekend", None),
        ("aantal_incidenten", "12", 12),
        ("drugs_gram", "0,75", 0.75),
        ("drugs_gram", "3.5", 3.5),
        ("laatste_incident", "2022-01-31", dt.date(2022, 1, 31)),
        ("clubhuis_status", "gepland", "gepland"),
        ("aangetroffen", "wapens, drugs", ["drugs", "wapens"]),
        ("gelieerde_club", "club_a_alias", "club_a"),
    ],
)
def test_fact_values_are_parsed_by_type(fact: str, text: str, value: object) -> None:
    rules = load_rules(MINI)
    assert parse_fact_value(rules, fact, text) == value


@pytest.mark.parametrize(
    ("fact", "text", "message"),
    [
        ("motorclub_aanwezg", "ja", "onbekend feit 'motorclub_aanwezg'; bedoelde u "
                                    "'motorclub_aanwezig'?"),
        ("motorclub_aanwezig", "misschien", "verwacht: ja, nee of onbekend"),
        ("aantal_incidenten", "drie", "verwacht: een geheel getal"),
        ("aantal_incidenten", "-1", "minimaal 0"),
        ("drugs_gram", "veel", "verwacht: een getal"),
        ("laatste_incident", "gisteren", "verwacht: JJJJ-MM-DD"),
        ("clubhuis_status", "in_gebruk", "bedoelde u 'in_gebruik'?"),
        ("aangetroffen", "drugs, wapen", "ongeldige waarde 'wapen' in lijst-feit"),
    ],
)
def test_bad_fact_values_fail_with_dutch_message(fact: str, text: str, message: str) -> None:
    rules = load_rules(MINI)
    with pytest.raises(pytest.fail.Exception) as info:
        parse_fact_value(rules, fact, text)
    assert message in str(info.value)


def test_dates_accept_iso_and_dutch_order() -> None:
    assert parse_date("2023-05-01") == dt.date(2023, 5, 1)
    assert parse_date("1-5-2023") == dt.date(2023, 5, 1)
    with pytest.raises(pytest.fail.Exception, match="ongeldige peildatum '2023-13-01'"):
        parse_date("2023-13-01", "peildatum")


# ---- failing features, run in a separate pytest ------------------------------------------
FAILING_FEATURE = """\
# language: nl
Functionaliteit: Stappen die moeten falen

  Achtergrond:
    Gegeven het model in "{model}"

  Scenario: Verkeerd niveau
    Gegeven het scenario "mini_clubhuis_drugs"
    Als de beoordeling wordt uitgevoerd met engine "python"
    Dan is het niveau van "omg" "T3"

  Scenario: Verkeerd mogelijk niveau
    Gegeven het scenario "mini_clubhuis_drugs"
    Als de beoordeling wordt uitgevoerd met engine "python"
    Dan is het mogelijke niveau van "omg" "T1"

  Scenario: Verkeerde interventiestatus
    Gegeven het scenario "mini_clubhuis_drugs"
    Als de beoordeling wordt uitgevoerd met engine "python"
    Dan is de status van interventie "sluiting_13b" "te_overwegen"

  Scenario: Toch voorgesteld
    Gegeven het scenario "mini_clubhuis_drugs"
    Als de beoordeling wordt uitgevoerd met engine "python"
    Dan wordt interventie "stopgesprek" niet voorgesteld

  Scenario: Verkeerde indicator
    Gegeven het scenario "mini_clubhuis_drugs"
    Als de beoordeling wordt uitgevoerd met engine "python"
    Dan is indicator "omg_geweld" "geraakt"

  Scenario: Verkeerde poort
    Gegeven het scenario "mini_clubhuis_drugs"
    Als de beoordeling wordt uitgevoerd met engine "python"
    Dan is de poort van "omg" "niet_voldaan"

  Scenario: Feit ontbreekt niet
    Gegeven het scenario "mini_clubhuis_drugs"
    Als de beoordeling wordt uitgevoerd met engine "python"
    Dan ontbreekt het feit "drugs_gram" voor interventie "sluiting_13b"

  Scenario: Tikfout in feit
    Gegeven een profiel van gemeente "Almere" op peildatum "2023-05-01"
    En het feit "motorclub_aanwezg" is "ja"

  Scenario: Tikfout in status
    Gegeven het scenario "mini_clubhuis_drugs"
    Als de beoordeling wordt uitgevoerd met engine "python"
    Dan is indicator "omg_drugs" "geraaakt"

  Scenario: Onbekend niveau
    Gegeven het scenario "mini_clubhuis_drugs"
    Als de beoordeling wordt uitgevoerd met engine "python"
    Dan is het niveau van "omg" "T9"

  Scenario: Onbekend scenario
    Gegeven het scenario "mini_clubhuis_drug"

  Scenario: Geen beoordeling
    Gegeven het scenario "mini_geen_omg"
    Dan is het niveau van "omg" "T0"

  Scenario: Onbekende engine
    Gegeven het scenario "mini_geen_omg"
    Als de beoordeling wordt uitgevoerd met engine "pyton"

  Scenario: Geslaagd via scenario-id
    Gegeven het scenario "mini_geen_omg"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T0"
"""

EXPECTED_MESSAGES = {
    "verkeerd_niveau": "niveau van 'omg': verwacht T3, kreeg T2",
    "verkeerd_mogelijk_niveau": "mogelijke niveau van 'omg': verwacht T1, kreeg T2",
    "verkeerde_interventiestatus":
        "interventie 'sluiting_13b': verwacht te_overwegen, kreeg aanbevolen",
    "toch_voorgesteld": "interventie 'stopgesprek': verwacht niet voorgesteld, kreeg aanbevolen",
    "verkeerde_indicator": "indicator 'omg_geweld': verwacht geraakt, kreeg niet_geraakt",
    "verkeerde_poort": "poort van 'omg': verwacht niet_voldaan, kreeg voldaan",
    "feit_ontbreekt_niet": "feit 'drugs_gram' voor interventie 'sluiting_13b': verwacht "
                           "ontbreekt, kreeg ontbreekt niet",
    "tikfout_in_feit": "onbekend feit 'motorclub_aanwezg'; bedoelde u 'motorclub_aanwezig'?",
    "tikfout_in_status": "bedoelde u 'geraakt'?",
    "onbekend_niveau": "onbekend niveau 'T9' voor fenomeen 'omg' (verwacht: T0, T1, T2, T3)",
    "onbekend_scenario": "scenario 'mini_clubhuis_drug' niet gevonden",
    "geen_beoordeling": "er is nog geen beoordeling uitgevoerd",
    "onbekende_engine": "onbekende engine 'pyton'",
}


def test_failing_steps_report_expected_and_got_in_dutch(pytester: pytest.Pytester) -> None:
    scen_dir = pytester.path / "mijn_scenarios"
    shutil.copytree(MINI_SCENARIOS, scen_dir)
    pytester.makefile(".feature", fouten=FAILING_FEATURE.format(
        model=(MINI).as_posix()))
    pytester.makeconftest('pytest_plugins = ["riskmodel.scenarios.gherkin_steps"]\n')
    pytester.makepyfile(test_fouten='from pytest_bdd import scenarios\n\n'
                                    'scenarios("fouten.feature")\n')
    result = pytester.runpytest_subprocess(
        "-p", "no:cacheprovider", "-o", "bdd_features_base_dir=",
        f"--riskmodel-scenarios={scen_dir}", "-rA")
    result.assert_outcomes(passed=1, failed=len(EXPECTED_MESSAGES))
    out = result.stdout.str()
    for name, message in EXPECTED_MESSAGES.items():
        assert f"test_{name}" in out, name
        assert message in out, (name, message)
    assert "PASSED test_fouten.py::test_geslaagd_via_scenarioid" in out


def test_scenario_dir_from_environment(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RISKMODEL_SCENARIOS", str(MINI_SCENARIOS))
    monkeypatch.setenv("RISKMODEL_RULES", str(MINI))
    pytester.makefile(".feature", env="""\
# language: nl
Functionaliteit: Omgeving
  Scenario: Model en scenario's uit de omgeving
    Gegeven het scenario "mini_verboden_club"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T3"
    En is de status van interventie "kleurenverbod_apv" "aanbevolen"

  Scenario: Fout niveau uit de omgeving
    Gegeven het scenario "mini_verboden_club"
    Als de beoordeling wordt uitgevoerd
    Dan is het niveau van "omg" "T2"
""")
    pytester.makeconftest('pytest_plugins = ["riskmodel.scenarios.gherkin_steps"]\n')
    pytester.makepyfile(test_env='from pytest_bdd import scenarios\n\nscenarios("env.feature")\n')
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-o",
                                           "bdd_features_base_dir=")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*niveau van 'omg': verwacht T2, kreeg T3*"])
