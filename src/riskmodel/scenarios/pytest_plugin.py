"""Scenario files as pytest items: one item per scenario and engine.

In the spirit of OpenFisca's YAML tests: every ``*.yaml`` scenario file directly inside a
configured directory becomes a collector, and each engine an item, so::

    pytest -k hoorn                       # the Hoorn scenario, with both engines
    pytest "scenarios/hoorn_singa_19_2020.yaml::hoorn_singa_19_2020[python]"

Nothing is reimplemented: files are loaded with :func:`riskmodel.scenarios.runner.load_all`
and run with :func:`riskmodel.scenarios.runner.run_one` (which uses ``check_expectations``),
and a failure is reported as the scenario runner's table (which expectation, expected vs
got). A file that cannot be loaded becomes one failing item with the located diagnostics;
the other files still run.

Enable it with ``pytest_plugins = ["riskmodel.scenarios.pytest_plugin"]`` in a conftest.py
and list the directories in the ini option ``riskmodel_scenario_dirs``, one per line,
optionally with the model they are written for (default: the bundled model)::

    [tool.pytest.ini_options]
    riskmodel_scenario_dirs = [
        "scenarios",
        "tests/scenarios_mini --rules tests/models/mini",
    ]

Relative paths are taken from the pytest rootdir. ``--riskmodel-engine`` (durable, python
or both; default both) and ``--riskmodel-lang`` (nl or en) tune the run.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from riskmodel.api import load_rules
from riskmodel.errors import UserInputError
from riskmodel.model.ruleset import RuleSet
from riskmodel.scenarios.model import LoadedScenario
from riskmodel.scenarios.runner import (
    SCENARIO_SUFFIXES,
    ScenarioReport,
    ScenarioResult,
    engines_for,
    format_table,
    load_all,
    run_one,
)

INI_DIRS = "riskmodel_scenario_dirs"


@dataclass(frozen=True)
class ScenarioDir:
    """A configured directory and the model its scenarios are written for (None: bundled)."""

    path: Path
    rules: Path | None


class ScenarioFailed(Exception):
    """Raised by an item whose scenario row did not pass; carries the row for the report."""

    def __init__(self, row: ScenarioResult) -> None:
        super().__init__(row.scenario)
        self.row = row


_DIRS = pytest.StashKey[list[ScenarioDir]]()
_RULES = pytest.StashKey[dict[Path | None, RuleSet]]()
_SEEN = pytest.StashKey[dict[str, str]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("riskmodel-scenarios", "riskmodel scenario files")
    group.addoption("--riskmodel-engine", default="both",
                    help="engine(s) for scenario items: durable, python or both (default)")
    group.addoption("--riskmodel-lang", default="nl", choices=("nl", "en"),
                    help="language of scenario failure reports (default nl)")
    parser.addini(INI_DIRS, "directories with scenario YAML, one per line: "
                  "'<dir>' or '<dir> --rules <model dir>'", type="linelist", default=[])


def parse_dirs(lines: list[str], rootdir: Path) -> list[ScenarioDir]:
    """Parse the ini lines; a malformed line is a usage error, not silently skipped."""
    out: list[ScenarioDir] = []
    for line in lines:
        words = shlex.split(line)
        if not words:
            continue
        rules: Path | None = None
        if len(words) == 3 and words[1] == "--rules":
            rules = (rootdir / words[2]).resolve()
        elif len(words) != 1:
            raise pytest.UsageError(
                f"{INI_DIRS}: '{line}' verwacht '<map>' of '<map> --rules <modelmap>'")
        out.append(ScenarioDir((rootdir / words[0]).resolve(), rules))
    return out


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_DIRS] = parse_dirs(list(config.getini(INI_DIRS)), config.rootpath)
    config.stash[_RULES] = {}
    config.stash[_SEEN] = {}
    engines_for(config.getoption("riskmodel_engine"))  # fail early on a bad engine name


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> ScenarioFile | None:
    if file_path.suffix not in SCENARIO_SUFFIXES or file_path.name.startswith("."):
        return None
    folder = file_path.parent.resolve()
    for entry in parent.config.stash[_DIRS]:
        if entry.path == folder:
            item: ScenarioFile = ScenarioFile.from_parent(parent, path=file_path)
            item.rules_dir = entry.rules
            return item
    return None


def rules_for(config: pytest.Config, rules_dir: Path | None) -> RuleSet:
    cache = config.stash[_RULES]
    if rules_dir not in cache:
        cache[rules_dir] = load_rules(rules_dir)
    return cache[rules_dir]


class ScenarioFile(pytest.File):
    """One scenario file; yields an item per engine, or one failing item if it is invalid."""

    rules_dir: Path | None = None

    def collect(self) -> Iterator[pytest.Item]:
        try:
            rules = rules_for(self.config, self.rules_dir)
        except UserInputError as exc:
            yield ScenarioItem.from_parent(self, name=self.path.stem, scenario=None,
                                           problem=_error_row(self.path.stem, str(self.path),
                                                              exc))
            return
        loaded, problems = load_all([self.path], rules)
        if problems:
            row = problems[0]
            yield ScenarioItem.from_parent(self, name=row.scenario or self.path.stem,
                                           scenario=None, problem=row)
            return
        [scenario] = loaded
        seen = self.config.stash[_SEEN]
        earlier = seen.setdefault(scenario.id, scenario.file)
        if earlier != scenario.file:
            row = ScenarioResult(scenario=scenario.id, file=scenario.file, engine=None,
                                 outcome="fout",
                                 message=f"scenario-id '{scenario.id}' komt al voor in {earlier}")
            yield ScenarioItem.from_parent(self, name=scenario.id, scenario=None, problem=row)
            return
        for engine in engines_for(self.config.getoption("riskmodel_engine")):
            yield ScenarioItem.from_parent(self, name=f"{scenario.id}[{engine}]",
                                           scenario=scenario, engine=engine, rules=rules)


def _error_row(name: str, file: str, exc: UserInputError) -> ScenarioResult:
    return ScenarioResult(scenario=name, file=file, engine=None, outcome="fout",
                          diagnostics=list(exc.diagnostics))


class ScenarioItem(pytest.Item):
    """A scenario with one engine (or an unusable file, which always fails)."""

    def __init__(
        self,
        *,
        scenario: LoadedScenario | None,
        engine: str | None = None,
        rules: RuleSet | None = None,
        problem: ScenarioResult | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.scenario = scenario
        self.engine = engine
        self.rules = rules
        self.problem = problem

    def runtest(self) -> None:
        if self.problem is not None:
            raise ScenarioFailed(self.problem)
        assert self.scenario is not None and self.rules is not None and self.engine
        row = run_one(self.scenario, self.rules, self.engine)
        if row.outcome != "geslaagd":
            raise ScenarioFailed(row)

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: Any = None,
    ) -> str:
        if isinstance(excinfo.value, ScenarioFailed):
            row = excinfo.value.row
            lang = str(self.config.getoption("riskmodel_lang"))
            # The first line is what -r's short summary shows; then the runner's table.
            details = row.details(lang)
            head = details[0] if details else row.file
            if not head.startswith(row.file):
                head = f"{row.file}: {head}"
            return f"{head}\n\n" + format_table(ScenarioReport(results=[row]), lang)
        return str(super().repr_failure(excinfo, style))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, 0, f"scenario {self.name}"


__all__ = [
    "INI_DIRS",
    "ScenarioDir",
    "ScenarioFailed",
    "ScenarioFile",
    "ScenarioItem",
    "parse_dirs",
    "pytest_addoption",
    "pytest_collect_file",
    "pytest_configure",
]
