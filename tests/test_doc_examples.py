"""Every YAML, JSON, shell, Python and Gherkin example in README.md and docs/*.md runs.

Examples are checked against the bundled model, so a fact, level or intervention in the docs
is one the model really has. A fenced block says what it is with an HTML comment on the line
before it (blank lines in between are allowed)::

    <!-- example: profile -->
    ```yaml
    ...

Kinds:

``manifest``           a model.yaml: valid, and every listed file is a file of rules/
``overlay``            a model.yaml with ``basis: ../rules``: loaded with the bundled model
                       as ../rules (listed files it does not have are empty rule files)
``rules``              a rule-file fragment: added to the bundled model as an overlay file
                       (same id replaces, new id adds) and the whole model must load
``indicator-part``     keys of one indicator (label, bron, geldig_*, als, ...)
``intervention-part``  keys of one intervention (voorstellen_als, poorten, ...)
``conditions``         a list of conditions, used as ``voorstellen_als: {een_van: [...]}``
``profile``            a profile (YAML or JSON): loaded and assessed with both engines
``scenario``           a scenario file: its expectations hold with both engines
``file PATH``          the same YAML data as the repository file PATH
``sh``                 (the default for sh blocks) each line runs in a copy of the repository's
                       example files and exits 0; ``sh exit=N`` for another exit code,
                       ``sh in-repo`` to run read-only commands (pytest) in the repository
``output: COMMAND``    a plain block: every line appears in COMMAND's output
``not-run: REASON``    documented but not run; only for what cannot run inside pytest
``python`` / ``feature``  the default for python and gherkin blocks: run as is

A yaml, json, python, sh or gherkin block without a kind that can be told fails the test
with the file and line, so a new example cannot go unchecked.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from model_copies import BUNDLED_RULES, DOCS, REPO

from riskmodel import ProfileError, RuleError, assess, load_profile, load_rules
from riskmodel.model.rules import Manifest
from riskmodel.model.ruleset import RuleSet
from riskmodel.scenarios.model import load_scenario
from riskmodel.scenarios.runner import ENGINES, run_one

PAGES = [REPO / "README.md", *sorted(DOCS.glob("*.md"))]
CHECKED_LANGS = {"yaml", "yml", "json", "sh", "bash", "shell", "python", "gherkin"}
DEFAULT_KIND = {"sh": "sh", "bash": "sh", "shell": "sh", "python": "python",
                "gherkin": "feature"}
MARKER = re.compile(r"<!--\s*example:\s*(.*?)\s*-->")
FENCE = re.compile(r"^```([A-Za-z]*)\s*$")
BIN = Path(sys.executable).parent
#: what a sandbox holds: the files the examples name
SANDBOX_COPY = ("rules", "scenarios", "tests/models", "tests/scenarios_mini", "docs")
TEMPLATE_INDICATOR: dict[str, Any] = {
    "id": "doc_voorbeeld", "fenomeen": "omg", "label": {"nl": "Voorbeeld", "en": "Example"},
    "als": {"feit": "omg_waarnemingen", "is": True}, "punten": 0,
    "bron": [{"titel": "docs"}],
}
TEMPLATE_INTERVENTION: dict[str, Any] = {
    "id": "doc_voorbeeld", "label": {"nl": "Voorbeeld", "en": "Example"},
    "grondslag": [{"soort": "informeel", "wet": "docs"}], "bevoegd_gezag": ["burgemeester"],
    "ladder": 1, "voorstellen_als": {"feit": "omg_waarnemingen", "is": True},
}


@dataclass(frozen=True)
class Example:
    page: Path
    line: int  # of the opening fence
    lang: str
    kind: str
    text: str

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(REPO)}:{self.line}"


def examples(page: Path) -> Iterator[Example]:
    lines = page.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        start, lang = i, m.group(1).lower()
        j = i + 1
        while j < len(lines) and lines[j].strip() != "```":
            j += 1
        body = "\n".join(lines[start + 1:j]) + "\n"
        k = start - 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        marker = MARKER.fullmatch(lines[k].strip()) if k >= 0 else None
        kind = marker.group(1) if marker else DEFAULT_KIND.get(lang, "")
        if lang in CHECKED_LANGS or marker:
            yield Example(page, start + 1, lang, kind, body)
        i = j + 1


ALL = [ex for page in PAGES for ex in examples(page)]


def test_every_page_is_read_and_examples_are_found() -> None:
    assert {p.name for p in PAGES} >= {"README.md", "rule-language.md", "scenarios.md",
                                        "regio-aanpassen.md"}
    assert len(ALL) >= 25
    unmarked = [ex.where for ex in ALL if not ex.kind]
    assert not unmarked, f"voorbeelden zonder '<!-- example: soort -->': {unmarked}"


# ---- sandbox -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory with the repository's example files, where shell examples may write."""
    root = tmp_path_factory.mktemp("docs-sandbox")
    for rel in SANDBOX_COPY:
        shutil.copytree(REPO / rel, root / rel)
    return root


def sh(command: str, cwd: Path, scratch: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    # an inner pytest (sh in-repo) writes no cache into the repository and keeps its
    # temporary files apart, so it never cleans up this run's directories
    env["PYTEST_ADDOPTS"] = f"-p no:cacheprovider --basetemp={scratch / 'inner-pytest'}"
    env.pop("RISKMODEL_RULES", None)
    env.pop("RISKMODEL_SCENARIOS", None)
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600, check=False)


def overlay_with(tmp_path: Path, fragment: dict[str, Any]) -> RuleSet:
    """The bundled model plus one rule file, loaded as an overlay (all checks apply)."""
    (tmp_path / "rules").symlink_to(BUNDLED_RULES, target_is_directory=True)
    model = tmp_path / "doc"
    model.mkdir()
    (model / "model.yaml").write_text(yaml.safe_dump({
        "model": "doc_voorbeeld", "versie": "0.0.1",
        "label": {"nl": "Voorbeeld", "en": "Example"},
        "basis": "../rules", "bestanden": ["voorbeeld.yaml"]}), encoding="utf-8")
    (model / "voorbeeld.yaml").write_text(
        yaml.safe_dump(fragment, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_rules(model)


# ---- one test per example ------------------------------------------------------------------
def run_example(ex: Example, tmp_path: Path, sandbox: Path, pytester: pytest.Pytester,
                bundled_rules: RuleSet) -> None:
    kind, _, arg = ex.kind.partition(" ")
    kind = kind.rstrip(":")
    data: Any = None
    if ex.lang in ("yaml", "yml"):
        data = yaml.safe_load(ex.text)
    elif ex.lang == "json":
        data = json.loads(ex.text)

    if kind == "manifest":
        manifest = Manifest.model_validate(data)
        for name in manifest.files:
            assert (BUNDLED_RULES / name).is_file(), name
    elif kind == "overlay":
        (tmp_path / "rules").symlink_to(BUNDLED_RULES, target_is_directory=True)
        folder = tmp_path / "regio"
        folder.mkdir()
        (folder / "model.yaml").write_text(ex.text, encoding="utf-8")
        for name in data["bestanden"]:
            (folder / name).write_text("indicatoren: []\n", encoding="utf-8")
        load_rules(folder)
    elif kind == "rules":
        overlay_with(tmp_path, data)
    elif kind == "indicator-part":
        overlay_with(tmp_path, {"indicatoren": [{**TEMPLATE_INDICATOR, **data}]})
    elif kind == "intervention-part":
        overlay_with(tmp_path, {"interventies": [{**TEMPLATE_INTERVENTION, **data}]})
    elif kind == "conditions":
        assert isinstance(data, list)
        overlay_with(tmp_path, {"interventies": [
            {**TEMPLATE_INTERVENTION, "voorstellen_als": {"een_van": data}}]})
    elif kind == "profile":
        path = tmp_path / f"profiel.{'json' if ex.lang == 'json' else 'yaml'}"
        path.write_text(ex.text, encoding="utf-8")
        profile = load_profile(path, bundled_rules)
        levels = {engine: [(ph.id, ph.level.id, ph.possible_level.id)
                           for ph in assess(profile, bundled_rules, engine=engine).phenomena]
                  for engine in ENGINES}
        assert levels["durable"] == levels["python"]
    elif kind == "scenario":
        path = tmp_path / "scenario.yaml"
        path.write_text(ex.text, encoding="utf-8")
        sc = load_scenario(path, bundled_rules)
        for engine in ENGINES:
            row = run_one(sc, bundled_rules, engine)
            assert row.outcome == "geslaagd", (engine, row.details())
    elif kind == "file":
        assert data == yaml.safe_load((REPO / arg).read_text(encoding="utf-8")), arg
    elif kind == "sh":
        options = arg.split()
        expected = next((int(o.removeprefix("exit=")) for o in options if o.startswith("exit=")), 0)
        cwd = REPO if "in-repo" in options else sandbox
        for line in ex.text.splitlines():
            command = line.split(" #", 1)[0].strip()
            if not command or command.startswith("#"):
                continue
            r = sh(command, cwd, tmp_path)
            assert r.returncode == expected, (
                f"{ex.where}: '{command}' gaf exitcode {r.returncode}, verwacht {expected}\n"
                f"{r.stdout[-2000:]}\n{r.stderr[-2000:]}")
    elif kind == "output":
        r = sh(arg, sandbox, tmp_path)
        for line in ex.text.splitlines():
            if line.strip():
                assert line.strip() in r.stdout, (line, r.stdout)
    elif kind == "python":
        r = subprocess.run([sys.executable, "-c", ex.text], cwd=sandbox, capture_output=True,
                           text=True, timeout=600, check=False)
        assert r.returncode == 0, f"{ex.where}\n{r.stdout}\n{r.stderr}"
    elif kind == "feature":
        pytester.makefile(".feature", voorbeeld=ex.text)
        pytester.makeconftest('pytest_plugins = ["riskmodel.scenarios.gherkin_steps"]\n')
        pytester.makepyfile(test_voorbeeld='from pytest_bdd import scenarios\n\n'
                                           'scenarios("voorbeeld.feature")\n')
        result = pytester.runpytest("-p", "no:cacheprovider", "-o", "bdd_features_base_dir=",
                                    f"--riskmodel-scenarios={REPO / 'scenarios'}")
        outcomes = result.parseoutcomes()
        assert outcomes.get("passed", 0) >= 1 and not outcomes.get("failed"), \
            result.stdout.str()[-3000:]
    elif kind == "diagnostic":
        from riskmodel.errors import CODES, Diagnostic

        shape = Diagnostic("f", 1, 1, "p", "m", code="type").to_dict()
        assert set(data) == set(shape) and data["code"] in CODES, data
    elif kind == "not-run":
        assert arg, f"{ex.where}: 'not-run:' needs a reason"
    else:
        pytest.fail(f"{ex.where}: onbekende soort voorbeeld '{ex.kind}'")


@pytest.mark.parametrize("ex", ALL, ids=[f"{ex.where}:{ex.kind.split(' ')[0]}" for ex in ALL])
def test_doc_example(ex: Example, tmp_path: Path, sandbox: Path, pytester: pytest.Pytester,
                     bundled_rules: RuleSet) -> None:
    run_example(ex, tmp_path, sandbox, pytester, bundled_rules)


def test_only_the_self_running_block_is_not_run() -> None:
    not_run = [ex.where for ex in ALL if ex.kind.startswith("not-run")]
    assert not_run == ["README.md:4"], not_run


# ---- the checker itself fails on wrong examples -------------------------------------------
def _fake(kind: str, lang: str, text: str) -> Example:
    return Example(REPO / "README.md", 1, lang, kind, text)


@pytest.mark.parametrize(
    ("kind", "lang", "text", "error"),
    [
        ("conditions", "yaml", "- {feit: motorclub_aanwezig, is: true}\n", RuleError),
        ("rules", "yaml", "indicatoren:\n  - {id: x, fenomeen: omg, label: {nl: X, en: X},\n"
                          "     als: {feit: drugs_gram, groter_dan: 1}, punten: 1,\n"
                          "     bron: [{titel: t}]}\n", RuleError),
        ("profile", "yaml", "id: p\nsoort: pand\ngemeente: X\npeildatum: 2024-01-01\n"
                            "feiten: {motorclub_aanwezig: true}\n", ProfileError),
        ("scenario", "yaml", (REPO / "scenarios" / "hoorn_singa_19_2020.yaml").read_text(
            encoding="utf-8").replace("verwacht:\n", "verwacht:\n  niet_voorgesteld: [stopgesprek]\n"),
         AssertionError),
        ("sh", "sh", "riskmodel assess bestaat-niet.yaml\n", AssertionError),
        ("output: riskmodel --version", "", "riskmodel 9.9.9\n", AssertionError),
        ("file tests/models/regio_oost/weging.yaml", "yaml", "indicatoren: []\n",
         AssertionError),
        ("onzin", "yaml", "a: 1\n", pytest.fail.Exception),
    ],
    ids=["unknown-fact-in-condition", "unknown-fact-in-rules", "unknown-fact-in-profile",
         "failing-scenario", "failing-command", "wrong-output", "file-differs",
         "unknown-kind"],
)
def test_a_wrong_example_fails(kind: str, lang: str, text: str, error: type[BaseException],
                               tmp_path: Path, sandbox: Path, pytester: pytest.Pytester,
                               bundled_rules: RuleSet) -> None:
    with pytest.raises(error):
        run_example(_fake(kind, lang, text), tmp_path, sandbox, pytester, bundled_rules)


def test_an_unmarked_yaml_block_is_found_without_kind(tmp_path: Path) -> None:
    page = tmp_path / "p.md"
    page.write_text("# t\n\n```yaml\na: 1\n```\n\n<!-- example: profile -->\n\n```json\n{}\n```\n"
                    "\n```\nuitvoer\n```\n\n```sh\nriskmodel --version\n```\n", encoding="utf-8")
    found = [(ex.line, ex.lang, ex.kind) for ex in examples(page)]
    assert found == [(3, "yaml", ""), (9, "json", "profile"), (17, "sh", "sh")]
