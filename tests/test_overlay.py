"""Overlays a region patches (issue 12): single fields by path, a pinned base, a readable
diff, `check --overlay-only`, and the national scenarios run against an overlay."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from model_copies import BUNDLED_RULES, REPO

from riskmodel import RuleError, load_rules
from riskmodel.check import check_model
from riskmodel.check.overlay_only import introduced
from riskmodel.errors import Diagnostic
from riskmodel.load.overlay import diff_models, format_changes
from riskmodel.model.ruleset import RuleSet
from riskmodel.scenarios.runner import run_scenarios

#: the shipped example: one threshold, one weight, one instrument
NOORD = REPO / "tests" / "models" / "regio_noord"
HEADER = ("model: regio\nversie: 1.0.0\nlabel: {nl: Regio, en: Region}\n")


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "riskmodel.cli", *args], capture_output=True,
                          text=True, timeout=600, cwd=REPO)


def overlay(tmp_path: Path, body: str, basis: str | None = None) -> Path:
    folder = tmp_path / "regio"
    folder.mkdir(parents=True, exist_ok=True)
    base = basis if basis is not None else str(BUNDLED_RULES)
    (folder / "model.yaml").write_text(HEADER + f"basis: {base}\n" + body, encoding="utf-8")
    return folder


def errors_of(folder: Path) -> list[Diagnostic]:
    with pytest.raises(RuleError) as info:
        load_rules(folder)
    return info.value.diagnostics


# ---- the done-when example ---------------------------------------------------------------

def test_the_example_is_three_lines_plus_its_header() -> None:
    lines = [ln for ln in (NOORD / "model.yaml").read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.lstrip().startswith("#")]
    header = [ln for ln in lines if ln.split(":")[0] in ("model", "versie", "label", "basis")]
    body = [ln for ln in lines if ln not in header]
    # the three changes, plus the 'wijzigen:' key that groups the two patches
    assert body == ["wijzigen:", "  fenomenen.omg.niveaus.T3.drempel: 45",
                    "  indicatoren.omg_clubhuis.punten: 20",
                    "verwijderen: {interventies: [keurmerk_buitengebied]}"]


def test_the_example_patches_only_what_it_names(bundled_rules: RuleSet) -> None:
    noord = load_rules(NOORD)
    omg = noord.phenomena["omg"]
    assert [lv.threshold for lv in omg.levels] == [0, 10, 25, 45, 85, 140]
    assert noord.indicators["omg_clubhuis"].points == 20
    assert "keurmerk_buitengebied" not in noord.interventions
    # everything else is the base's, untouched
    base_omg = bundled_rules.phenomena["omg"]
    assert omg.model_copy(update={"levels": base_omg.levels}) == base_omg
    assert noord.indicators["omg_clubhuis"].model_copy(update={"points": 15}) \
        == bundled_rules.indicators["omg_clubhuis"]
    assert set(noord.interventions) == set(bundled_rules.interventions) - {"keurmerk_buitengebied"}
    assert any(name.startswith("basis/") for name in noord.file_hashes)


def test_diff_is_three_readable_lines() -> None:
    r = cli("diff", str(NOORD))
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == [
        "~ fenomenen.omg.niveaus.T3.drempel: 50 -> 45",
        "~ indicatoren.omg_clubhuis.punten: 15 -> 20",
        "- interventies.keurmerk_buitengebied: verwijderd",
    ]
    j = cli("diff", str(NOORD), "--format", "json")
    assert j.returncode == 0, j.stderr
    data = json.loads(j.stdout)
    assert data[0] == {"path": "fenomenen.omg.niveaus.T3.drempel", "change": "changed",
                       "old": 50, "new": 45}
    assert data[2]["change"] == "removed" and data[2]["path"] == "interventies.keurmerk_buitengebied"
    assert data[2]["old"]["id"] == "keurmerk_buitengebied" and data[2]["new"] is None


def test_check_overlay_only_is_clean_and_hides_the_base_findings() -> None:
    r = cli("check", str(NOORD), "--overlay-only", "--format", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["diagnostics"] == []
    full = cli("check", str(NOORD), "--format", "json")
    assert json.loads(full.stdout)["diagnostics"], "the base has warnings to hide"
    text = cli("check", str(NOORD), "--overlay-only")
    assert "0 waarschuwing(en)" in text.stdout and "weggelaten" in text.stdout


def test_overlay_only_keeps_what_the_overlay_introduces(tmp_path: Path,
                                                         bundled_rules: RuleSet) -> None:
    rules = load_rules(overlay(tmp_path, (
        "wijzigen:\n  indicatoren.omg_clubhuis.als: {alle: [{feit: clubhuis_status, is: voornemen},"
        " {feit: clubhuis_status, is: in_gebruik}]}\n")))
    report, hidden = introduced(check_model(rules), rules, check_model(bundled_rules))
    assert hidden > 0
    assert [(d.code, d.text.key if d.text else "") for d in report.diagnostics] == \
        [("analysis", "diag.analysis.never_hit")]
    (d,) = report.diagnostics
    assert Path(d.file).name == "model.yaml" and d.line == 6, d.format()


def test_a_reference_error_of_a_patch_points_at_the_patch(tmp_path: Path) -> None:
    (d,) = errors_of(overlay(tmp_path, (
        "wijzigen:\n  indicatoren.omg_clubhuis.punten: 3\n"
        "  indicatoren.omg_clubhuis.als: {feit: clubhuis_status, is: gepland}\n")))
    assert d.code == "unknown-value" or d.code == "unknown-reference", d.format()
    assert Path(d.file).name == "model.yaml" and d.line == 7, d.format()
    assert d.path.startswith("indicatoren.omg_clubhuis.als"), d.path


def test_national_scenarios_run_against_the_example() -> None:
    report = run_scenarios(REPO / "scenarios", NOORD, engines=("compiled",))
    assert report.errors == 0 and report.exit_code == 1
    failed = {r.scenario: [m.render("nl") for m in r.mismatches]
              for r in report.results if r.outcome == "gefaald"}
    assert "buitengebied_leegstand_signaal" in failed
    assert failed["buitengebied_leegstand_signaal"] == [
        "interventie 'keurmerk_buitengebied': verwacht aanbevolen, kreeg verwijderd door de overlay"]
    english = [r for r in report.results if r.scenario == "buitengebied_leegstand_signaal"]
    assert "removed by the overlay" in english[0].details("en")[0]
    assert len(failed) < 10 and report.passed > 90


def test_a_removed_instrument_counts_as_not_suggested(tmp_path: Path) -> None:
    source = yaml.safe_load((REPO / "scenarios" / "buitengebied_leegstand_signaal.yaml")
                            .read_text(encoding="utf-8"))
    del source["verwacht"]["interventies"]
    source["verwacht"]["niet_voorgesteld"] = ["keurmerk_buitengebied"]
    folder = tmp_path / "sc"
    folder.mkdir()
    (folder / "niet.yaml").write_text(yaml.safe_dump(source, allow_unicode=True),
                                      encoding="utf-8")
    report = run_scenarios(folder, NOORD, engines=("compiled", "python"))
    assert report.exit_code == 0 and report.passed == 2
    # the CLI says the same: exit 0, not the exit 2 of an unknown instrument
    r = cli("scenarios", "run", str(folder), "--rules", str(NOORD), "--engine", "compiled")
    assert r.returncode == 0, r.stdout + r.stderr


# ---- patches ------------------------------------------------------------------------------

def test_patch_a_gate_condition_and_a_label(tmp_path: Path, bundled_rules: RuleSet) -> None:
    rules = load_rules(overlay(tmp_path, (
        "wijzigen:\n"
        "  interventies.verbod_2_20_bw.poorten.vereniging_herkenbaar.als: "
        "{feit: omg_waarnemingen, is: true}\n"
        "  indicatoren.omg_clubhuis.label.nl: Clubhuis (regio)\n")))
    gate = rules.interventions["verbod_2_20_bw"].legal_gates[0]
    assert gate.id == "vereniging_herkenbaar"
    assert gate.condition.model_dump(by_alias=True, exclude_none=True) == {
        "feit": "omg_waarnemingen", "is": True}
    assert rules.indicators["omg_clubhuis"].label.nl == "Clubhuis (regio)"
    assert rules.indicators["omg_clubhuis"].label.en == \
        bundled_rules.indicators["omg_clubhuis"].label.en
    lines = format_changes(diff_models(bundled_rules, rules), "nl")
    assert "~ indicatoren.omg_clubhuis.label.nl: \"Clubhuis in gebruik\" -> \"Clubhuis (regio)\"" \
        in lines or any(ln.startswith("~ indicatoren.omg_clubhuis.label.nl: ") for ln in lines)
    assert all(len(ln) < 400 for ln in lines) and not any("'" in ln.split(": ", 1)[1][:1]
                                                           for ln in lines)


def test_long_values_are_printed_whole_as_json(tmp_path: Path, bundled_rules: RuleSet) -> None:
    long = "x" * 200
    rules = load_rules(overlay(tmp_path, f"wijzigen:\n  indicatoren.omg_clubhuis.label.en: {long}\n"))
    (line,) = [ln for ln in format_changes(diff_models(bundled_rules, rules), "en")
               if "label.en" in ln]
    assert line.endswith(f'-> "{long}"') and "..." not in line


@pytest.mark.parametrize(("patch", "code", "suggestion", "text"), [
    ("indicatoren.omg_clubhuiss.punten: 20", "overlay", "omg_clubhuis", "omg_clubhuiss"),
    ("fenomenen.omg.niveaus.T9.drempel: 20", "overlay", None, "T9"),
    ("fenomenen.omg.nivaus.T3.drempel: 20", "overlay", "niveaus", "nivaus"),
    ("fenomenen.omg.niveaus.T3.drempel: 5", "inconsistent", None, "drempels"),
    ("fenomenen.omg.niveaus.T3.drempel: hoog", "type", None, "hoog"),
    ("indicatoren.omg_clubhuis.punte: 20", "unknown-key", "punten", "punte"),
    ("indicator.omg_clubhuis.punten: 20", "overlay", "indicatoren", "indicator"),
    ("indicatoren.omg_clubhuis: 20", "overlay", None, "omg_clubhuis"),
    ("interventies.keurmerk_buitengebied.ladder: 2", "overlay", None, "verwijderd"),
    ("indicatoren.omg_clubhuis.id: clubhuis", "overlay", None, "id"),
])
def test_a_bad_patch_is_a_located_error(tmp_path: Path, patch: str, code: str,
                                        suggestion: str | None, text: str) -> None:
    folder = overlay(tmp_path, f"wijzigen:\n  {patch}\n"
                               "verwijderen: {interventies: [keurmerk_buitengebied]}\n")
    (d,) = errors_of(folder)
    assert d.code == code, d.format()
    assert Path(d.file).name == "model.yaml" and d.line == 6, d.format()
    assert d.path.startswith("wijzigen." + patch.split(":")[0]), d.path
    if suggestion is not None:
        assert d.suggestion == suggestion, d.format()
    assert text in d.format(), d.format()


def test_a_typo_in_a_top_level_key_gets_a_suggestion(tmp_path: Path) -> None:
    (d,) = errors_of(overlay(tmp_path, "verwijderren: {interventies: [keurmerk_buitengebied]}\n"))
    assert d.code == "unknown-key" and d.suggestion == "verwijderen" and d.line == 5
    (d,) = errors_of(overlay(tmp_path / "b", "wijzgen: {indicatoren.omg_clubhuis.punten: 20}\n"))
    assert d.code == "unknown-key" and d.suggestion == "wijzigen"


def test_a_typo_in_a_removed_id_gets_a_suggestion(tmp_path: Path) -> None:
    (d,) = errors_of(overlay(tmp_path, "verwijderen: {interventies: [keurmerk_buitengbied]}\n"))
    assert d.code == "overlay" and d.suggestion == "keurmerk_buitengebied"
    assert d.path == "verwijderen.interventies[0]" and d.line == 5


def test_patches_need_a_base(tmp_path: Path) -> None:
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "model.yaml").write_text(HEADER + "wijzigen: {indicatoren.x.punten: 1}\n",
                                       encoding="utf-8")
    codes = {d.code for d in errors_of(folder)}
    assert codes == {"missing-key", "inconsistent"} or codes <= {"missing-key", "inconsistent"}


# ---- a pinned base ------------------------------------------------------------------------

def test_a_pinned_base_in_range_loads(tmp_path: Path) -> None:
    rules = load_rules(overlay(tmp_path, "", basis=(
        f'{{model: omg_ondermijning, versie: ">=1.0,<2", pad: "{BUNDLED_RULES}"}}')))
    assert rules.base is not None and rules.base.manifest.version == "1.0.0"


def test_a_base_outside_the_range_says_which_version_it_found(tmp_path: Path) -> None:
    (d,) = errors_of(overlay(tmp_path, "", basis='{model: omg_ondermijning, versie: ">=2.0,<3"}'))
    assert d.code == "overlay" and d.path == "basis.versie" and d.line == 4
    assert "1.0.0" in d.format() and ">=2.0,<3" in d.format()
    assert "1.0.0" in d.format("en") and "asks for" in d.format("en")


def test_a_base_of_another_model_is_refused(tmp_path: Path) -> None:
    (d,) = errors_of(overlay(tmp_path, "", basis="{model: omg_oost}"))
    assert d.code == "overlay" and d.path == "basis.model"
    assert "omg_ondermijning" in d.format() and "omg_oost" in d.format()


def test_a_bad_version_range_is_a_schema_error(tmp_path: Path) -> None:
    (d,) = errors_of(overlay(tmp_path, "", basis='{model: omg_ondermijning, versie: "ongeveer 1"}'))
    assert d.code == "pattern" and "ongeveer 1" in d.format()


def test_the_old_whole_item_form_still_works() -> None:
    r = cli("diff", str(REPO / "tests" / "models" / "regio_oost"))
    assert r.returncode == 0, r.stderr
    assert "~ indicatoren.omg_clubhuis.punten: 15 -> 20" in r.stdout
    assert "- interventies.keurmerk_buitengebied: verwijderd" in r.stdout
    assert "{'" not in r.stdout  # JSON, not a Python repr


def test_diff_against_any_model_with_basis_option(tmp_path: Path) -> None:
    r = cli("diff", str(NOORD), "--basis", str(REPO / "tests" / "models" / "regio_oost"))
    assert r.returncode == 0, r.stderr
    assert "~ indicatoren.omg_clubhuis.bron.0.titel:" in r.stdout
    assert "~ fenomenen.omg.niveaus.T3.drempel: 50 -> 45" in r.stdout
    r = cli("--lang", "en", "diff", str(BUNDLED_RULES))
    assert r.returncode == 2 and "not an overlay" in r.stderr


def test_a_huge_number_in_a_patch_is_refused(tmp_path: Path) -> None:
    (d,) = errors_of(overlay(tmp_path, "wijzigen:\n  fenomenen.omg.niveaus.T5.drempel: "
                                       "900719925474099300\n"))
    assert d.code == "range" and d.line == 6


def test_check_overlay_only_needs_an_overlay() -> None:
    r = cli("check", str(REPO / "tests" / "models" / "mini"), "--overlay-only")
    assert r.returncode == 2 and "geen overlay" in r.stderr and "Traceback" not in r.stderr


def test_the_manifest_schema_accepts_both_forms_of_basis() -> None:
    import jsonschema

    from riskmodel.schema import manifest_schema

    schema = manifest_schema()
    for model in (NOORD, REPO / "tests" / "models" / "regio_oost", BUNDLED_RULES):
        data = yaml.safe_load((model / "model.yaml").read_text(encoding="utf-8"))
        jsonschema.validate(data, schema)
