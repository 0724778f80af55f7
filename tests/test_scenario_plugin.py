"""The pytest plugin that makes each scenario file an item per engine, run in a child pytest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from model_copies import MINI, MINI_SCENARIOS, REPO

from riskmodel.scenarios.pytest_plugin import ScenarioDir, parse_dirs

GOOD = MINI_SCENARIOS / "mini_clubhuis_drugs.yaml"
CONFTEST = 'pytest_plugins = ["riskmodel.scenarios.pytest_plugin"]\n'


def scenario_project(pytester: pytest.Pytester, *files: tuple[str, str]) -> Path:
    """A pytest project with a 'sc' scenario directory for the mini model and these files."""
    folder = pytester.path / "sc"
    folder.mkdir()
    for name, text in files:
        (folder / name).write_text(text, encoding="utf-8")
    pytester.makeini(f"[pytest]\nriskmodel_scenario_dirs =\n    sc --rules {MINI.as_posix()}\n")
    pytester.makeconftest(CONFTEST)
    return folder


def good_text(sid: str = "mini_clubhuis_drugs", *edits: tuple[str, str]) -> str:
    text = GOOD.read_text(encoding="utf-8").replace(
        "scenario: mini_clubhuis_drugs", f"scenario: {sid}", 1)
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def test_failing_scenario_fails_per_engine_with_the_runner_table(
    pytester: pytest.Pytester,
) -> None:
    scenario_project(
        pytester,
        ("goed.yaml", good_text()),
        ("faal.yaml", good_text("faal", ("niveaus: {omg: T2}", "niveaus: {omg: T3}"),
                                ("stopgesprek: aanbevolen", "stopgesprek: te_overwegen"))),
    )
    result = pytester.runpytest("-p", "no:cacheprovider", "-rA")
    result.assert_outcomes(passed=3, failed=3)
    out = result.stdout.str()
    for engine in ("durable", "python"):
        assert f"PASSED sc/goed.yaml::mini_clubhuis_drugs[{engine}]" in out
        assert f"FAILED sc/faal.yaml::faal[{engine}]" in out
    # the report reads like 'riskmodel scenarios run': which expectation, expected vs got
    result.stdout.fnmatch_lines([
        "sc/faal.yaml: niveau van 'omg': verwacht T3, kreeg T2",
        "",
        "Scenario*Engine*Resultaat*Details",
        "faal*durable*GEFAALD*niveau van 'omg': verwacht T3, kreeg T2",
        "*interventie 'stopgesprek': verwacht te_overwegen, kreeg aanbevolen",
        "0 geslaagd, 1 gefaald, 0 fouten",
    ])
    result.stdout.fnmatch_lines([
        "FAILED sc/faal.yaml::faal?durable? - sc/faal.yaml: niveau van 'omg'*",
    ])
    assert "Traceback" not in out and "ScenarioFailed" not in out


def test_report_in_english_and_one_engine(pytester: pytest.Pytester) -> None:
    scenario_project(pytester, ("faal.yaml", good_text("faal", ("niveaus: {omg: T2}",
                                                                "niveaus: {omg: T3}"))))
    result = pytester.runpytest("-p", "no:cacheprovider", "--riskmodel-engine", "python",
                                "--riskmodel-lang", "en")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*faal*python*FAILED*level of 'omg': expected T3, got T2"])


def test_invalid_file_is_one_failing_item_with_located_diagnostics(
    pytester: pytest.Pytester,
) -> None:
    folder = scenario_project(
        pytester,
        ("goed.yaml", good_text()),
        ("stuk.yaml", good_text("stuk", ("omg_drugs: geraakt", "omg_drugz: geraakt"))),
    )
    result = pytester.runpytest("-p", "no:cacheprovider", "-rA")
    result.assert_outcomes(passed=3, failed=1)
    line = next(i for i, text in enumerate(
        (folder / "stuk.yaml").read_text(encoding="utf-8").splitlines(), start=1)
        if "omg_drugz" in text)
    result.stdout.fnmatch_lines([
        f"*stuk*FOUT*sc/stuk.yaml:{line}:*onbekende indicator 'omg_drugz'*bedoelde u 'omg_drugs'?",
        "0 geslaagd, 0 gefaald, 1 fouten",
        "FAILED sc/stuk.yaml::stuk - sc/stuk.yaml:*:*",
    ])


def test_duplicate_scenario_id_fails_the_second_file(pytester: pytest.Pytester) -> None:
    scenario_project(pytester, ("a.yaml", good_text()), ("b.yaml", good_text()))
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=3, failed=1)
    result.stdout.fnmatch_lines(["*scenario-id 'mini_clubhuis_drugs' komt al voor in *a.yaml*"])


def test_keyword_selects_one_scenario_with_every_engine(pytester: pytest.Pytester) -> None:
    folder = pytester.path / "sc"
    shutil.copytree(MINI_SCENARIOS, folder)
    pytester.makeini(f"[pytest]\nriskmodel_scenario_dirs =\n    sc --rules {MINI.as_posix()}\n")
    pytester.makeconftest(CONFTEST)
    result = pytester.runpytest("-p", "no:cacheprovider", "--collect-only", "-q",
                                "-k", "verboden")
    result.stdout.fnmatch_lines([
        "sc/mini_verboden_club.yaml::mini_verboden_club[compiled]",
        "sc/mini_verboden_club.yaml::mini_verboden_club[durable]",
        "sc/mini_verboden_club.yaml::mini_verboden_club[python]",
        "3/9 tests collected (6 deselected)*",
    ])


def test_yaml_outside_the_configured_directories_is_not_collected(
    pytester: pytest.Pytester,
) -> None:
    scenario_project(pytester, ("goed.yaml", good_text()))
    (pytester.path / "ander").mkdir()
    (pytester.path / "ander" / "goed.yaml").write_text(good_text(), encoding="utf-8")
    (pytester.path / "sc" / "sub").mkdir()
    (pytester.path / "sc" / "sub" / "goed.yaml").write_text(good_text(), encoding="utf-8")
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=3)


def test_ini_lines_are_parsed_strictly(tmp_path: Path) -> None:
    assert parse_dirs(["scenarios", "", "mini --rules models/mini"], tmp_path) == [
        ScenarioDir((tmp_path / "scenarios").resolve(), None),
        ScenarioDir((tmp_path / "mini").resolve(), (tmp_path / "models/mini").resolve()),
    ]
    with pytest.raises(pytest.UsageError, match="verwacht '<map>' of"):
        parse_dirs(["mini --model models/mini"], tmp_path)


def test_this_repository_collects_every_bundled_scenario_per_engine(
    pytestconfig: pytest.Config,
) -> None:
    dirs = parse_dirs(list(pytestconfig.getini("riskmodel_scenario_dirs")), REPO)
    assert ScenarioDir((REPO / "scenarios").resolve(), None) in dirs
    assert ScenarioDir(MINI_SCENARIOS.resolve(), MINI.resolve()) in dirs
