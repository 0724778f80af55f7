"""Languages (issue 6): one catalogue, complete in every language, and `--lang en` gives
English everywhere a run prints. The scan takes the catalogue's own Dutch texts and asserts
that none of them turns up in the English output of the bundled model and example profile."""

from __future__ import annotations

import json
import os
import re
import stat
import string
import subprocess
import sys
from pathlib import Path

import pytest

from riskmodel.api import assess, load_rules
from riskmodel.errors import UserInputError, require_lang
from riskmodel.messages import CATALOGUE, LANGS, STATUS, status_text, t
from riskmodel.report.atomic import write_atomic
from riskmodel.report.render import render, render_explain
from riskmodel.scenarios.coverage import Coverage, format_coverage
from riskmodel.scenarios.runner import ScenarioReport, format_table

ROOT = Path(__file__).resolve().parents[1]
EXE = Path(sys.executable).parent / "riskmodel"
EXAMPLE = ROOT / "scenarios" / "profielen" / "voorbeeld.yaml"
#: an intervention and a phenomenon of the example profile to explain
EXPLAIN_TARGETS = ("handhaving_bestemmingsplan", "omg")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "RISKMODEL_LANG"}
    full_env.update(env or {})
    return subprocess.run([str(EXE), *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300, env=full_env)


# --- the catalogue -------------------------------------------------------------------------

def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("area", ["catalogue", "status"])
def test_every_entry_has_every_language(area: str) -> None:
    entries = CATALOGUE if area == "catalogue" else STATUS
    assert entries
    for key, texts in entries.items():
        assert set(texts) == set(LANGS), f"{key}: {sorted(texts)}"
        assert all(texts[lang].strip() for lang in LANGS), key
        # a placeholder in one language and not in the other would fail at run time
        assert len({frozenset(_placeholders(texts[lang])) for lang in LANGS}) == 1, key


def _dutch_fragments() -> set[str]:
    """The catalogue's Dutch texts that differ from their English text, split at their
    placeholders, keeping pieces of more than four characters."""
    out: set[str] = set()
    for texts in [*CATALOGUE.values(), *STATUS.values()]:
        nl, en = texts["nl"], texts["en"]
        if nl == en:
            continue
        for literal, *_ in string.Formatter().parse(nl):
            piece = literal.strip(" .,:;()'/")
            if len(piece) > 4 and piece not in en:
                out.add(piece)
    return out


DUTCH = _dutch_fragments()


def _model_texts() -> list[str]:
    """Texts in the English output that come from the model, not from the catalogue: its
    English labels and questions (which may use a Dutch term such as 'college'), and legal
    citations and source references, which exist only in Dutch (the law is cited as written)."""
    a = assess(str(EXAMPLE), texts=True)
    doc = json.loads(a.to_json())
    texts: set[str] = {c.text for c in a.citations.values()}

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                # a trace node of kind bron repeats a citation's text
                if k in ("citation", "text", "en") and isinstance(v, str):
                    texts.add(v)
                else:
                    walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(doc)
    return sorted(texts, key=len, reverse=True)


def dutch_in(output: str, model_texts: list[str]) -> list[str]:
    for text in model_texts:
        output = output.replace(text, "")
    return sorted(f for f in DUTCH
                  if re.search(r"(?<![\w-])" + re.escape(f) + r"(?![\w-])", output, re.I))


def test_the_scan_finds_dutch_in_dutch_output() -> None:
    """The scan would notice: the Dutch output is full of the catalogue's Dutch texts."""
    r = run("assess", str(EXAMPLE), "--format", "markdown")
    assert r.returncode == 0, r.stderr
    assert len(dutch_in(r.stdout, [])) > 10


ENGLISH_RUNS = [
    pytest.param(("--lang", "en", "assess", str(EXAMPLE)), id="assess-text-global"),
    pytest.param(("assess", str(EXAMPLE), "--lang", "en", "--format", "markdown"),
                 id="assess-markdown"),
    *[pytest.param(("--lang", "en", "assess", str(EXAMPLE), "--explain", target),
                   id=f"explain-{target}") for target in EXPLAIN_TARGETS],
    pytest.param(("--lang", "en", "check", "--quiet"), id="check"),
    pytest.param(("--lang", "en", "scenarios", "run", "scenarios", "--coverage"),
                 id="scenarios-coverage"),
]


@pytest.mark.parametrize("args", ENGLISH_RUNS)
def test_english_output_has_no_dutch_ui_strings(args: tuple[str, ...]) -> None:
    r = run(*args)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip()
    assert dutch_in(r.stdout + r.stderr, _model_texts()) == []


def test_environment_variable_sets_the_language() -> None:
    r = run("assess", str(EXAMPLE), "--format", "markdown", env={"RISKMODEL_LANG": "en"})
    assert r.returncode == 0, r.stderr
    assert "## Phenomena" in r.stdout and "| phenomenon | definition |" in r.stdout
    # the option wins over the environment
    r = run("--lang", "nl", "assess", str(EXAMPLE), env={"RISKMODEL_LANG": "en"})
    assert r.returncode == 0 and "Fenomenen:" in r.stdout


def test_lang_after_the_subcommand_wins_over_before() -> None:
    r = run("--lang", "nl", "check", "--quiet", "--lang", "en")
    assert r.returncode == 0 and "OK: 0 error(s)" in r.stdout


def test_english_level_labels_and_tree_kinds() -> None:
    r = run("--lang", "en", "assess", str(EXAMPLE), "--explain", "omg")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("phenomenon:omg = T3 (Clubhouse with legal non-compliance)\n")
    assert "├─ definition:omg = met" in r.stdout
    assert "fact:" in r.stdout and "feit:" not in r.stdout
    md = run("--lang", "en", "assess", str(EXAMPLE), "--format", "markdown").stdout
    omg = next(line for line in md.splitlines() if line.startswith("| Outlaw motorcycle"))
    assert "T3 (Clubhouse with legal non-compliance)" in omg


def test_explain_json_keeps_the_ids_in_any_language() -> None:
    r = run("--lang", "en", "assess", str(EXAMPLE), "--explain", "omg", "--format", "json")
    assert r.returncode == 0, r.stderr
    node = json.loads(r.stdout)
    assert node["kind"] == "fenomeen" and node["id"] == "omg"
    assert node == json.loads(run("assess", str(EXAMPLE), "--explain", "omg", "--format",
                                  "json").stdout)


# --- unknown languages ---------------------------------------------------------------------

@pytest.mark.parametrize("args, env", [
    (("--lang", "fr", "check"), {}),
    (("assess", str(EXAMPLE), "--lang", "fr"), {}),
    (("scenarios", "run", "scenarios", "--lang=de"), {}),
    (("check",), {"RISKMODEL_LANG": "fr"}),
])
def test_cli_rejects_an_unknown_language(args: tuple[str, ...], env: dict[str, str]) -> None:
    r = run(*args, env=env)
    assert r.returncode == 2
    assert "unknown language" in r.stderr and "nl, en" in r.stderr
    assert r.stderr.startswith("RISKMODEL_LANG: " if env else "--lang: ")
    assert "Traceback" not in r.stderr and r.stdout == ""


def test_library_rejects_an_unknown_language() -> None:
    a = assess(str(EXAMPLE), load_rules())
    calls = [lambda: render(a, "text", "fr"), lambda: render(a, "markdown", "fr"),
             lambda: render(a, "json", "fr"), lambda: render_explain(a, "omg", "text", "fr"),
             lambda: format_table(ScenarioReport(), "fr"),
             lambda: format_coverage(Coverage(), "fr"),
             lambda: require_lang("")]
    for call in calls:
        with pytest.raises(UserInputError) as info:
            call()
        (diag,) = info.value.diagnostics
        assert diag.code == "unknown-language"
    # the catalogue's own lookups are internal: a wrong language there is a programming error
    for internal in (lambda: t("title", "fr"), lambda: status_text("voldaan", "fr")):
        with pytest.raises(ValueError):
            internal()
        assert "nl, en" in (diag.expected or "")


# --- output files --------------------------------------------------------------------------

@pytest.fixture()
def umask_022() -> object:
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
@pytest.mark.usefixtures("umask_022")
def test_written_files_get_normal_permissions(tmp_path: Path) -> None:
    target = tmp_path / "rapport.md"
    write_atomic(target, "a\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    # replacing a file keeps its mode
    target.chmod(0o640)
    write_atomic(target, "b\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text() == "b\n"
    # a stricter umask is respected
    os.umask(0o077)
    other = tmp_path / "ander.md"
    write_atomic(other, "c\n")
    assert stat.S_IMODE(other.stat().st_mode) == 0o600
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_cli_output_file_is_readable_by_others(tmp_path: Path) -> None:
    out = tmp_path / "rapport.md"
    r = subprocess.run(["sh", "-c", f"umask 022 && exec '{EXE}' --lang en assess '{EXAMPLE}' "
                        f"--format markdown --output '{out}'"],
                       capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert r.returncode == 0, r.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert out.read_text(encoding="utf-8").startswith("# Assessment: ")


def test_write_errors_follow_the_language(tmp_path: Path) -> None:
    with pytest.raises(UserInputError) as info:
        write_atomic(tmp_path / "nope" / "x.md", "x", lang="en")
    assert "does not exist" in info.value.diagnostics[0].message


# --- the other commands --------------------------------------------------------------------

def test_diff_and_docs_speak_english(tmp_path: Path) -> None:
    overlay = ROOT / "tests" / "models" / "regio_oost"
    d = run("--lang", "en", "diff", str(overlay))
    assert d.returncode == 0, d.stderr
    assert "- interventies.keurmerk_buitengebied: removed" in d.stdout
    # the paths are the YAML's own (Dutch) keys; only the verdicts are words
    assert "verwijderd" not in d.stdout and "toegevoegd" not in d.stdout
    d = run("--lang", "en", "diff", str(ROOT / "rules"))
    assert d.returncode == 2 and "this model is not an overlay" in d.stderr
    docs = run("--lang", "en", "docs", "--output", str(tmp_path / "model"))
    assert docs.returncode == 0, docs.stderr
    assert "pages written to" in docs.stdout and dutch_in(docs.stdout, []) == []
    (tmp_path / "model" / "index.md").unlink()
    stale = run("docs", "--check", "--output", str(tmp_path / "model"), "--lang", "en")
    assert stale.returncode == 1 and "out of date or missing" in stale.stderr


def test_scenario_table_and_mismatches_in_english() -> None:
    from riskmodel.scenarios.runner import NOT_SUGGESTED, Mismatch, ScenarioResult

    m = Mismatch("interventie", "stopgesprek", "aanbevolen", NOT_SUGGESTED)
    assert m.render("en") == "intervention 'stopgesprek': expected recommended, got not suggested"
    assert m.render("nl") == "interventie 'stopgesprek': verwacht aanbevolen, kreeg niet voorgesteld"
    report = ScenarioReport(results=[
        ScenarioResult("a", "a.yaml", "durable", "gefaald", mismatches=[m]),
        ScenarioResult("b", "b.yaml", "python", "geslaagd", checked=3)])
    table = format_table(report, "en")
    assert "FAILED" in table and "3 expectations met" in table
    assert table.rstrip().endswith("1 passed, 1 failed, 0 errors")
    assert dutch_in(table, []) == []
    assert format_table(ScenarioReport(), "en").rstrip().endswith("no scenarios")


def test_check_text_output_in_english() -> None:
    r = run("--lang", "en", "check")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[-1].startswith("OK: 0 error(s), ") and "warning(s)" in lines[-1]
    assert "facts " in lines[-2] and "phenomena " in lines[-2]
