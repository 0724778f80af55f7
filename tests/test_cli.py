"""The real entry point, through a subprocess: exit codes, no tracebacks, atomic output."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from model_copies import DOCS, MINI, REPO

EXE = Path(sys.executable).parent / "riskmodel"

PROFILE = """\
id: cli-test
soort: pand
gemeente: Teststad
peildatum: 2024-03-01
object: {referentie: cli-pand-1}
feiten:
  motorclub_aanwezig: true
  afgeschermd: {waarde: true, bron: politie, datum: 2024-01-10}
  clubhuis_status: in_gebruik
  aangetroffen: [drugs]
  gelieerde_club: club_a_alias
"""


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(EXE), *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def json_lines(stderr: str) -> list[dict[str, object]]:
    """Diagnostics printed with --format json: one JSON object per stderr line."""
    return [json.loads(line) for line in stderr.splitlines()]


def codes_of(r: subprocess.CompletedProcess[str]) -> list[object]:
    return [d["code"] for d in json_lines(r.stderr)]


@pytest.fixture()
def profile(tmp_path: Path) -> Path:
    p = tmp_path / "profiel.yaml"
    p.write_text(PROFILE, encoding="utf-8")
    return p


def test_assess_json_has_the_documented_shape(profile: Path) -> None:
    r = run("assess", str(profile), "--rules", str(MINI), "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert set(data) == {"schema_version", "receipt", "indicators", "phenomena", "interventions",
                         "citations"}
    assert data["receipt"]["engine"] == "compiled"
    asked = run("assess", str(profile), "--rules", str(MINI), "--format", "json", "--find-out")
    assert "find_out" in json.loads(asked.stdout)
    example = str(REPO / "scenarios" / "profielen" / "voorbeeld.yaml")
    assert "Eerst uitzoeken" in run("assess", example).stdout  # people get the ranking
    assert "Eerst uitzoeken" not in run("assess", example, "--no-find-out").stdout
    assert data["phenomena"][0]["level"]["id"] == "T3"
    statuses = {i["id"]: i["status"] for i in data["interventions"]}
    assert statuses["kleurenverbod_apv"] == "niet_beschikbaar"


def test_both_engines_agree_through_the_cli(profile: Path) -> None:
    outs = []
    for engine in ("durable", "python"):
        r = run("assess", str(profile), "--rules", str(MINI), "--format", "json", "--engine", engine)
        assert r.returncode == 0, r.stderr
        data = json.loads(r.stdout)
        data["receipt"].pop("engine")
        data["receipt"].pop("engine_version")
        outs.append(data)
    assert outs[0] == outs[1]


def test_text_is_dutch_by_default_and_english_on_request(profile: Path) -> None:
    nl = run("assess", str(profile), "--rules", str(MINI))
    en = run("assess", str(profile), "--rules", str(MINI), "--lang", "en")
    assert nl.returncode == 0 and en.returncode == 0
    assert "Interventies" in nl.stdout and "peildatum" in nl.stdout
    assert "Interventions" in en.stdout and "as of" in en.stdout


def test_peildatum_option_changes_the_law_applied(tmp_path: Path) -> None:
    p = tmp_path / "p.yaml"
    p.write_text(PROFILE.replace("datum: 2024-01-10", "datum: 2021-01-10"), encoding="utf-8")
    r = run("assess", str(p), "--rules", str(MINI), "--format", "json",
            "--peildatum", "2021-06-01")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    statuses = {i["id"]: i["status"] for i in data["interventions"]}
    assert statuses["kleurenverbod_apv"] != "niet_beschikbaar"
    assert data["receipt"]["peildatum"] == "2021-06-01"


def test_peildatum_option_refuses_later_observations(profile: Path) -> None:
    r = run("assess", str(profile), "--rules", str(MINI), "--peildatum", "2021-06-01")
    assert r.returncode == 2
    assert "2024-01-10 ligt na de peildatum 2021-06-01" in r.stderr


def test_output_file_is_written(profile: Path, tmp_path: Path) -> None:
    out = tmp_path / "uit.md"
    r = run("assess", str(profile), "--rules", str(MINI), "--format", "markdown",
            "--output", str(out))
    assert r.returncode == 0, r.stderr
    assert out.read_text(encoding="utf-8").startswith("# Beoordeling")
    assert not list(tmp_path.glob(".uit.md.*"))


def test_bad_profile_exits_2_with_location_and_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(PROFILE.replace("clubhuis_status: in_gebruik", "clubhuis_staus: in_gebruik"),
                   encoding="utf-8")
    r = run("assess", str(bad), "--rules", str(MINI))
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert "bad.yaml:9:" in r.stderr
    assert "clubhuis_status" in r.stderr  # did you mean


def test_personal_data_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "pd.yaml"
    bad.write_text(PROFILE + "naam: Jan Jansen\n", encoding="utf-8")
    r = run("assess", str(bad), "--rules", str(MINI))
    assert r.returncode == 2
    assert "persoonsgegevens" in r.stderr and "pd.yaml:12:" in r.stderr


def test_batch_assesses_good_profiles_and_reports_the_bad_one(profile: Path,
                                                              tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(profile, batch / "a.yaml")
    (batch / "b.yaml").write_text(PROFILE.replace("cli-test", "cli-test-2"), encoding="utf-8")
    (batch / "c.yaml").write_text("id: [kapot\n", encoding="utf-8")
    out = tmp_path / "out"
    r = run("assess", str(batch), "--rules", str(MINI), "--format", "json", "--output", str(out))
    assert r.returncode == 2
    [d] = json_lines(r.stderr)
    assert (Path(str(d["file"])).name, d["code"], d["line"]) == ("c.yaml", "yaml-syntax", 2)
    assert sorted(p.name for p in out.iterdir()) == ["cli-test-2.json", "cli-test.json"]


def test_bad_option_exits_2() -> None:
    r = run("assess", "x.yaml", "--engine", "drools")
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    r = run("assess", "x.yaml", "--peildatum", "24-11-2026")
    assert r.returncode == 2 and "JJJJ-MM-DD" in r.stderr


def test_missing_file_exits_2(tmp_path: Path) -> None:
    r = run("assess", str(tmp_path / "bestaat-niet.yaml"), "--rules", str(MINI))
    assert r.returncode == 2 and "bestaat-niet.yaml" in r.stderr
    assert codes_of(run("assess", str(tmp_path / "bestaat-niet.yaml"), "--rules", str(MINI),
                        "--format", "json")) == ["not-found"]


def test_check_passes_on_a_good_model_and_fails_on_a_broken_copy(tmp_path: Path) -> None:
    r = run("check", str(MINI))
    assert r.returncode == 0, r.stderr
    assert "OK" in r.stdout
    broken = tmp_path / "mini"
    shutil.copytree(MINI, broken)
    text = (broken / "omg.yaml").read_text(encoding="utf-8")
    (broken / "omg.yaml").write_text(text.replace("feit: aantal_incidenten", "feit: aantal_incident"),
                                     encoding="utf-8")
    r = run("check", str(broken))
    assert r.returncode == 2
    assert "aantal_incident" in r.stderr
    assert "Traceback" not in r.stderr
    r = run("check", str(broken), "--format", "json")
    assert r.returncode == 2
    [d] = json_lines(r.stderr)
    assert (d["code"], d["suggestion"]) == ("unknown-fact", "aantal_incidenten")


def test_check_reports_engine_limits(tmp_path: Path) -> None:
    broken = tmp_path / "mini"
    shutil.copytree(MINI, broken)
    extra = ["indicatoren:"]
    for i in range(40):
        extra += [f"  - id: extra_{i}", "    fenomeen: omg",
                  f"    label: {{nl: Extra {i}, en: Extra {i}}}",
                  f"    als: {{feit: aantal_incidenten, minimaal: {i}}}",
                  "    punten: 1", "    bron: [{titel: test}]"]
    (broken / "extra.yaml").write_text("\n".join(extra) + "\n", encoding="utf-8")
    manifest = (broken / "model.yaml").read_text(encoding="utf-8")
    (broken / "model.yaml").write_text(
        manifest.replace("interventies.yaml]", "interventies.yaml, extra.yaml]"), encoding="utf-8")
    r = run("check", str(broken), "--format", "json")
    assert r.returncode == 0, r.stdout + r.stderr
    stats = json.loads(r.stdout)["stats"]
    # 45 indicators + 1 gate = 92 T/P rules: chunked so no ruleset passes the C core's 64
    assert stats["durable_rules"] >= 92
    assert stats["durable_max_rules_per_ruleset"] <= 64
    assert stats["durable_rulesets"] >= 2


def test_schema_for_profiles_includes_the_vocabulary(tmp_path: Path) -> None:
    out = tmp_path / "profile.schema.json"
    r = run("schema", "--kind", "profile", "--rules", str(MINI), "--output", str(out))
    assert r.returncode == 0, r.stderr
    schema = json.loads(out.read_text(encoding="utf-8"))
    assert "clubhuis_status" in schema["properties"]["feiten"]["properties"]
    r = run("schema", "--kind", "rules")
    assert r.returncode == 0 and "interventies" in json.loads(r.stdout)["properties"]


def test_docs_check_detects_stale_docs(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    assert run("docs", "--rules", str(MINI), "--output", str(out)).returncode == 0
    assert run("docs", "--rules", str(MINI), "--output", str(out), "--check").returncode == 0
    (out / "interventies.md").write_text("oud\n", encoding="utf-8")
    r = run("docs", "--rules", str(MINI), "--output", str(out), "--check")
    assert r.returncode == 1 and "interventies.md" in r.stderr


def test_overlay_changes_weights_and_drops_instruments(profile: Path) -> None:
    overlay = REPO / "tests" / "models" / "overlay_regio"
    r = run("assess", str(profile), "--rules", str(overlay), "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert {i["id"] for i in data["interventions"]} == {"stopgesprek", "sluiting_13b"}
    assert data["phenomena"][0]["score"] == {"certain": 50, "possible": 65}
    assert any(name.startswith("basis/") for name in data["receipt"]["rule_files"])
    d = run("diff", str(overlay))
    assert d.returncode == 0, d.stderr
    assert "~ indicatoren.omg_clubhuis.punten: 10 -> 25" in d.stdout
    assert "- interventies.kleurenverbod_apv: verwijderd" in d.stdout
    assert run("diff", str(MINI)).returncode == 2


def test_yaml_aliases_are_refused_quickly(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 8)]
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = run("assess", str(bomb), "--rules", str(MINI), "--format", "json")
    assert r.returncode == 2 and codes_of(r) == ["unsafe-yaml"]


def test_unwritable_output_is_a_user_error(profile: Path, tmp_path: Path) -> None:
    r = run("assess", str(profile), "--rules", str(MINI), "--output",
            str(tmp_path / "bestaat-niet" / "x.txt"))
    assert r.returncode == 2 and "bestaat niet" in r.stderr and "Traceback" not in r.stderr
    f = tmp_path / "een-bestand"
    f.write_text("x", encoding="utf-8")
    r = run("docs", "--rules", str(MINI), "--output", str(f))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    r = run("schema", "--output", str(tmp_path))
    assert r.returncode == 2 and "is een map" in r.stderr


def test_single_profile_into_an_existing_directory(profile: Path, tmp_path: Path) -> None:
    out = tmp_path / "uit"
    out.mkdir()
    r = run("assess", str(profile), "--rules", str(MINI), "--format", "json", "--output", str(out))
    assert r.returncode == 0, r.stderr
    assert [p.name for p in out.iterdir()] == ["cli-test.json"]


def test_batch_json_to_stdout_is_one_array_and_duplicate_ids_are_refused(
        profile: Path, tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(profile, batch / "a.yaml")
    (batch / "b.yaml").write_text(PROFILE.replace("cli-test", "cli-test-2"), encoding="utf-8")
    r = run("assess", str(batch), "--rules", str(MINI), "--format", "json")
    assert r.returncode == 0, r.stderr
    assert [a["receipt"]["profile_id"] for a in json.loads(r.stdout)] == ["cli-test", "cli-test-2"]
    shutil.copy(profile, batch / "c.yaml")  # same id as a.yaml
    r = run("assess", str(batch), "--rules", str(MINI), "--format", "json")
    assert r.returncode == 2 and codes_of(r) == ["duplicate-id"]


def test_json_profiles_read_numbers_as_json(tmp_path: Path) -> None:
    p = tmp_path / "p.json"
    p.write_text(json.dumps({"id": "json-1", "soort": "pand", "gemeente": "T",
                             "peildatum": "2024-03-01", "feiten": {"drugs_gram": 1e-4}})
                 .replace("0.0001", "1e-4"), encoding="utf-8")
    assert "1e-4" in p.read_text(encoding="utf-8")
    r = run("assess", str(p), "--rules", str(MINI), "--format", "json")
    assert r.returncode == 0, r.stderr


def test_overlay_cycle_is_reported(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    for me, other in ((a, "b"), (b, "a")):
        me.mkdir()
        (me / "model.yaml").write_text(
            f"model: {me.name}\nversie: 1.0.0\nlabel: {{nl: x, en: x}}\nbasis: ../{other}\n"
            "bestanden: [leeg.yaml]\n", encoding="utf-8")
        (me / "leeg.yaml").write_text("feiten: []\n", encoding="utf-8")
    r = run("check", str(a))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "overlay" in codes_of(run("check", str(a), "--format", "json"))


def test_documented_regional_overlay_is_valid() -> None:
    overlay = REPO / "tests" / "models" / "regio_oost"
    assert run("check", str(overlay), "--quiet").returncode == 0
    d = run("diff", str(overlay))
    assert d.returncode == 0
    assert "~ indicatoren.omg_clubhuis.punten: 15 -> 20" in d.stdout
    assert "- interventies.keurmerk_buitengebied: verwijderd" in d.stdout
    doc = (DOCS / "regio-aanpassen.md").read_text(encoding="utf-8")
    for name in ("model.yaml", "weging.yaml"):
        body = (overlay / name).read_text(encoding="utf-8")
        for line in body.splitlines():
            if line.strip() and not line.startswith("#") and "basis:" not in line \
                    and "verwijderen:" not in line:
                assert line.split("#")[0].rstrip() in doc, line


def test_explain_prints_the_tree_down_to_facts_and_sources(profile: Path) -> None:
    r = run("assess", str(profile), "--rules", str(MINI), "--explain", "sluiting_13b")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "interventie:sluiting_13b = te overwegen"
    assert any("poort:drugs_voor_handel = voldaan" in line for line in lines)
    assert any("afweging:kinderen = onbepaald" in line for line in lines)
    assert any("feit:kinderen_in_woning = onbekend" in line for line in lines)
    r = run("assess", str(profile), "--rules", str(MINI), "--explain", "omg")
    assert r.returncode == 0
    omg = r.stdout.splitlines()
    gate = omg.index("├─ definitie:omg = voldaan")
    assert "feit:afgeschermd = ja (bron: politie, 2024-01-10)" in "".join(omg[gate + 1:gate + 3])
    r = run("assess", str(profile), "--rules", str(MINI), "--explain", "sluiting_13c")
    assert r.returncode == 2 and "sluiting_13b" in r.stderr and "Traceback" not in r.stderr


# ---- errors a program can read ----------------------------------------------------------------

DIAGNOSTIC_KEYS = {"code", "severity", "file", "line", "column", "loc", "path", "message",
                   "expected", "suggestion"}


def test_check_format_json_lists_diagnostics_in_machine_form(tmp_path: Path) -> None:
    model = tmp_path / "mini"
    shutil.copytree(MINI, model)
    facts = model / "feiten.yaml"
    facts.write_text(facts.read_text(encoding="utf-8")
                     + "  - id: ongebruikt\n    type: bool\n    label: {nl: x, en: y}\n",
                     encoding="utf-8")
    r = run("check", str(model), "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert set(data) == {"ok", "stats", "dates", "diagnostics"}
    assert data["ok"] is True
    [d] = [d for d in data["diagnostics"] if d["code"] == "lint" and "ongebruikt" in d["message"]]
    assert set(d) == DIAGNOSTIC_KEYS
    assert d["severity"] == "warning"
    assert d["file"].endswith("feiten.yaml") and isinstance(d["line"], int)
    assert d["loc"][0] == "feiten" and isinstance(d["loc"][1], int)
    assert "ongebruikt" in d["message"]


def test_assess_format_json_prints_user_errors_as_json_lines(profile: Path,
                                                            tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(PROFILE.replace("cli-test", "cli-bad").replace(
        "clubhuis_status: in_gebruik", "clubhuis_staus: in_gebruik"), encoding="utf-8")
    r = run("assess", str(profile), str(bad), "--rules", str(MINI), "--format", "json",
            "--lang", "en")
    assert r.returncode == 2
    assert json.loads(r.stdout)[0]["receipt"]["profile_id"] == "cli-test"  # the good one ran
    [d] = json_lines(r.stderr)  # nothing but JSON Lines on stderr
    assert set(d) == DIAGNOSTIC_KEYS
    assert (d["code"], d["line"], d["loc"], d["suggestion"]) == (
        "unknown-fact", 9, ["feiten", "clubhuis_staus"], "clubhuis_status")
    assert d["message"] == "unknown fact 'clubhuis_staus'"
    r = run("assess", str(bad), "--rules", str(MINI))  # text stays the default
    assert r.returncode == 2 and "bad.yaml:9:" in r.stderr and not r.stderr.startswith("{")


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"\x00\x01\x02\x03\xff\xfe binary", "encoding"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "encoding"),
        (b"\x00\x01\x02\x03 nul bytes but valid UTF-8", "encoding"),
        ("id: caf\xe9\n".encode("latin-1"), "encoding"),
    ],
    ids=["binary", "png", "nul-utf8", "latin1"],
)
def test_a_file_that_is_not_text_is_a_user_error(tmp_path: Path, content: bytes,
                                                 code: str) -> None:
    # Regression: a NUL-containing profile used to crash the YAML reader (exit 1).
    path = tmp_path / "profiel.yaml"
    path.write_bytes(content)
    r = run("assess", str(path), "--rules", str(MINI))
    assert r.returncode == 2, r.stderr
    assert "interne fout" not in r.stderr and "Traceback" not in r.stderr
    assert "profiel.yaml" in r.stderr
    r = run("assess", str(path), "--rules", str(MINI), "--format", "json")
    assert r.returncode == 2 and codes_of(r) == [code]


def test_path_problems_exit_2_with_a_code(tmp_path: Path) -> None:
    empty = tmp_path / "leeg"
    empty.mkdir()
    r = run("assess", str(empty), "--rules", str(MINI), "--format", "json")
    assert r.returncode == 2 and codes_of(r) == ["no-input"]
    r = run("assess", str(tmp_path / "weg.yaml"), "--rules", str(MINI), "--format", "json")
    assert r.returncode == 2 and codes_of(r) == ["not-found"]
    r = run("check", str(tmp_path / "weg"), "--format", "json")
    assert r.returncode == 2 and codes_of(r) == ["not-found"]
    r = run("assess", str(tmp_path), "--rules", str(empty), "--format", "json")
    assert r.returncode == 2 and codes_of(r) == ["not-found"]  # leeg/model.yaml
