"""The YAML scenario runner: passing runs, failing expectations, bad files as error rows."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from model_copies import MINI, MINI_SCENARIOS

from riskmodel.errors import ScenarioError, UserInputError
from riskmodel.model.ruleset import RuleSet
from riskmodel.scenarios import (
    ScenarioReport,
    ScenarioResult,
    engines_for,
    format_table,
    load_scenario,
    read_scenario,
    run_scenarios,
)

GOOD = MINI_SCENARIOS / "mini_clubhuis_drugs.yaml"


def line_of(path: Path, needle: str) -> int:
    """1-based line of the first line containing `needle`: expected diagnostic locations."""
    for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in text:
            return i
    raise AssertionError(f"{needle!r} not in {path}")


def variant(tmp_path: Path, name: str, *replacements: tuple[str, str]) -> Path:
    """A copy of the good scenario with textual edits (each edit must apply)."""
    text = GOOD.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def rows(report: ScenarioReport, scenario: str) -> list[ScenarioResult]:
    return [r for r in report.results if r.scenario == scenario]


# ---- passing -----------------------------------------------------------------------------
def test_mini_scenarios_pass_with_every_engine(rules: RuleSet) -> None:
    report = run_scenarios(MINI_SCENARIOS, rules)
    ids = sorted(p.stem for p in MINI_SCENARIOS.glob("*.yaml"))
    assert sorted({r.scenario for r in report.results}) == ids
    assert [(r.outcome, r.mismatches, r.diagnostics) for r in report.results] == [
        ("geslaagd", [], [])] * (3 * len(ids))
    assert {(r.scenario, r.engine) for r in report.results} == {
        (i, e) for i in ids for e in ("compiled", "durable", "python")}
    assert report.ok and report.exit_code == 0
    assert (report.passed, report.failed, report.errors) == (3 * len(ids), 0, 0)
    table = format_table(report, "nl")
    for i in ids:
        assert i in table
    assert f"{3 * len(ids)} geslaagd, 0 gefaald, 0 fouten" in table


def test_rules_given_as_path_and_single_engine() -> None:
    report = run_scenarios([GOOD], MINI, engines=("python",))
    assert [(r.scenario, r.engine, r.outcome) for r in report.results] == [
        ("mini_clubhuis_drugs", "python", "geslaagd")]
    assert report.results[0].checked == 9


def test_engines_for_cli_option() -> None:
    assert engines_for("all") == engines_for("both") == ("compiled", "durable", "python")
    assert engines_for("python") == ("python",)
    with pytest.raises(UserInputError, match="onbekende engine 'jess'"):
        engines_for("jess")
    with pytest.raises(UserInputError):
        run_scenarios(MINI_SCENARIOS, MINI, engines=("drools",))


def test_loaded_scenario_exposes_profile_and_expectations(rules: RuleSet) -> None:
    sc = load_scenario(GOOD, rules)
    assert sc.id == "mini_clubhuis_drugs"
    assert sc.profile.municipality == "Almere"
    assert sc.expected.levels == {"omg": "T2"}
    assert sc.scenario.display_title("en") == "Clubhouse with drugs (fictional)"
    plain = load_scenario(MINI_SCENARIOS / "mini_verboden_club.yaml", rules)
    assert plain.scenario.display_title("en") == plain.scenario.title
    assert plain.scenario.sources[0].ecli == "ECLI:NL:RBMNE:2019:2302"
    # an alias in a register-backed enum is canonicalised in the validated profile
    assert plain.profile.facts["gelieerde_club"].value == "club_a"


# ---- failing expectations ----------------------------------------------------------------
def test_failing_level_is_reported_per_engine(tmp_path: Path, rules: RuleSet) -> None:
    path = variant(tmp_path, "faal", ("scenario: mini_clubhuis_drugs", "scenario: faal"),
                   ("niveaus: {omg: T2}", "niveaus: {omg: T3}"))
    report = run_scenarios(path, rules)
    assert [(r.engine, r.outcome) for r in report.results] == [
        ("compiled", "gefaald"), ("durable", "gefaald"), ("python", "gefaald")]
    for r in report.results:
        assert [m.render("nl") for m in r.mismatches] == [
            "niveau van 'omg': verwacht T3, kreeg T2"]
    assert report.exit_code == 1 and not report.ok
    table = format_table(report, "nl")
    assert "GEFAALD" in table and "verwacht T3, kreeg T2" in table
    assert "0 geslaagd, 3 gefaald, 0 fouten" in table
    en = format_table(report, "en")
    assert "FAILED" in en and "level of 'omg': expected T3, got T2" in en


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("omg_drugs: geraakt", "omg_drugs: niet_geraakt",
         "indicator 'omg_drugs': verwacht niet_geraakt, kreeg geraakt"),
        ("poorten: {omg: voldaan}", "poorten: {omg: onbepaald}",
         "poort van 'omg': verwacht onbepaald, kreeg voldaan"),
        ("mogelijke_niveaus: {omg: T2}", "mogelijke_niveaus: {omg: T1}",
         "mogelijke niveau van 'omg': verwacht T1, kreeg T2"),
        ("sluiting_13b: aanbevolen", "sluiting_13b: te_overwegen",
         "interventie 'sluiting_13b': verwacht te_overwegen, kreeg aanbevolen"),
        ("  interventies:\n    stopgesprek: aanbevolen\n",
         "  niet_voorgesteld: [stopgesprek]\n  interventies:\n",
         "interventie 'stopgesprek': verwacht niet voorgesteld, kreeg aanbevolen"),
        ("kleurenverbod_apv: niet_beschikbaar\n", "kleurenverbod_apv: niet_beschikbaar\n"
         "  ontbrekende_feiten: {sluiting_13b: [drugs_gram]}\n",
         "feit 'drugs_gram' voor interventie 'sluiting_13b': verwacht ontbreekt, "
         "kreeg ontbreekt niet (ontbrekend: geen)"),
    ],
)
def test_each_expectation_kind_can_fail(
    tmp_path: Path, rules: RuleSet, old: str, new: str, message: str
) -> None:
    path = variant(tmp_path, "x", (old, new))
    report = run_scenarios(path, rules, engines=("python",))
    (row,) = report.results
    assert row.outcome == "gefaald"
    assert [m.render("nl") for m in row.mismatches] == [message]


def test_expected_intervention_that_is_not_suggested(tmp_path: Path, rules: RuleSet) -> None:
    path = variant(tmp_path, "geen",
                   ("motorclub_aanwezig: true", "motorclub_aanwezig: false"))
    report = run_scenarios(path, rules, engines=("durable",))
    (row,) = report.results
    rendered = [m.render("nl") for m in row.mismatches]
    assert "interventie 'stopgesprek': verwacht aanbevolen, kreeg niet voorgesteld" in rendered
    assert "poort van 'omg': verwacht voldaan, kreeg niet_voldaan" in rendered
    assert ("intervention 'stopgesprek': expected recommended, got not suggested"
            in [m.render("en") for m in row.mismatches])


# ---- bad input ---------------------------------------------------------------------------
def test_bad_file_is_an_error_row_with_location_and_others_still_run(
    tmp_path: Path, rules: RuleSet
) -> None:
    shutil.copy(GOOD, tmp_path / "goed.yaml")
    bad = variant(tmp_path, "kapot", ("scenario: mini_clubhuis_drugs", "scenario: kapot"),
                  ("verwacht:", "verwach:"))
    report = run_scenarios(tmp_path, rules)
    assert [(r.scenario, r.engine, r.outcome) for r in report.results] == [
        ("kapot", None, "fout"),
        ("mini_clubhuis_drugs", "compiled", "geslaagd"),
        ("mini_clubhuis_drugs", "durable", "geslaagd"),
        ("mini_clubhuis_drugs", "python", "geslaagd"),
    ]
    err = report.results[0]
    typo = [d for d in err.diagnostics if d.code == "unknown-key"]
    assert len(typo) == 1
    assert typo[0].file.endswith("kapot.yaml")
    assert typo[0].line == line_of(bad, "verwach:")
    assert typo[0].suggestion == "verwacht"
    assert any(d.code == "missing-key" for d in err.diagnostics)
    assert report.exit_code == 2
    table = format_table(report)
    assert f"kapot.yaml:{line_of(bad, 'verwach:')}:1: fout: verwach: onbekende sleutel" in table
    assert "bedoelde u 'verwacht'?" in table
    assert "3 geslaagd, 0 gefaald, 1 fouten" in table


def test_yaml_syntax_error_is_located(tmp_path: Path, rules: RuleSet) -> None:
    (tmp_path / "syntax.yaml").write_text("scenario: x\nprofiel: [\n", encoding="utf-8")
    report = run_scenarios(tmp_path, rules)
    (row,) = report.results
    assert row.outcome == "fout"
    (diag,) = row.diagnostics
    assert (diag.line, diag.code) == (3, "yaml-syntax")


def test_impossible_date_is_an_error_row_not_a_crash(tmp_path: Path, rules: RuleSet) -> None:
    shutil.copy(GOOD, tmp_path / "goed.yaml")
    variant(tmp_path, "datum", ("scenario: mini_clubhuis_drugs", "scenario: datum"),
            ("peildatum: 2023-05-01", "peildatum: 2023-13-01"))
    report = run_scenarios(tmp_path, rules, engines=("python",))
    assert [(r.file.endswith("datum.yaml"), r.outcome) for r in report.results] == [
        (True, "fout"), (False, "geslaagd")]
    assert report.results[0].diagnostics and report.exit_code == 2


def test_unknown_references_in_expectations_and_profile_are_located(
    tmp_path: Path, rules: RuleSet
) -> None:
    path = variant(
        tmp_path, "refs",
        ("niveaus: {omg: T2}", "niveaus: {omg: T9}"),
        ("omg_drugs: geraakt", "omg_drug: geraakt"),
        ("clubhuis_status: in_gebruik", "clubhuis_stat: in_gebruik"),
        ("stopgesprek: aanbevolen", "stopgesprekk: aanbevolen"),
        ("poorten: {omg: voldaan}", "poorten: {omgg: voldaan}"),
    )
    with pytest.raises(ScenarioError) as info:
        load_scenario(path, rules)
    found = {(d.line, d.path, d.suggestion) for d in info.value.diagnostics}
    assert found == {
        (line_of(path, "{omg: T9}"), "verwacht.niveaus.omg", None),
        (line_of(path, "omg_drug:"), "verwacht.indicatoren.omg_drug", "omg_drugs"),
        (line_of(path, "clubhuis_stat:"), "profiel.feiten.clubhuis_stat", "clubhuis_status"),
        (line_of(path, "stopgesprekk:"), "verwacht.interventies.stopgesprekk", "stopgesprek"),
        (line_of(path, "{omgg: voldaan}"), "verwacht.poorten.omgg", "omg"),
    }
    assert "ECLI" not in str(info.value)  # sanity: message is about this file only
    assert str(path.name) in str(info.value)


def test_invalid_status_gets_did_you_mean(tmp_path: Path) -> None:
    path = variant(tmp_path, "status", ("sluiting_13b: aanbevolen", "sluiting_13b: aanbevole"))
    with pytest.raises(ScenarioError) as info:
        read_scenario(path)
    (diag,) = info.value.diagnostics
    assert diag.line == line_of(path, "sluiting_13b: aanbevole")
    assert diag.suggestion == "aanbevolen"


def test_scenario_without_expectations_is_refused(tmp_path: Path) -> None:
    text = GOOD.read_text(encoding="utf-8").split("verwacht:")[0] + "verwacht: {}\n"
    path = tmp_path / "leeg.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError, match="geen enkele verwachting"):
        read_scenario(path)


def test_duplicate_scenario_ids_are_an_error(tmp_path: Path, rules: RuleSet) -> None:
    shutil.copy(GOOD, tmp_path / "a.yaml")
    shutil.copy(GOOD, tmp_path / "b.yaml")
    report = run_scenarios(tmp_path, rules, engines=("python",))
    errors = [r for r in report.results if r.outcome == "fout"]
    assert len(errors) == 1
    (diag,) = errors[0].diagnostics
    assert diag.file.endswith("b.yaml")
    assert diag.code == "duplicate-id" and "a.yaml:" in diag.message
    assert [r.outcome for r in report.results if r.outcome != "fout"] == ["geslaagd"]
    assert report.exit_code == 2


def test_missing_path_and_empty_dir_are_errors(tmp_path: Path, rules: RuleSet) -> None:
    empty = tmp_path / "leeg"
    empty.mkdir()
    report = run_scenarios([tmp_path / "bestaat_niet", empty, GOOD], rules, engines=("python",))
    codes = sorted(d.code for r in report.results for d in r.diagnostics)
    assert codes == ["no-input", "not-found"]
    assert report.passed == 1 and report.exit_code == 2


def test_empty_report_is_not_ok() -> None:
    report = ScenarioReport()
    assert not report.ok and report.exit_code == 2
    assert "geen scenario's" in format_table(report)
