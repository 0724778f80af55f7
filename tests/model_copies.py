"""Shared test helpers: where the test models and examples are, broken copies of the mini
model, and the errors they raise. The fixtures built on these live in conftest.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from riskmodel import Profile, RuleError, RuleSet, load_rules
from riskmodel.errors import Diagnostic

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
#: the bundled model, as shipped in the wheel
BUNDLED_RULES = REPO / "rules"
#: the small model most unit tests use, with its scenarios and features
MINI = TESTS / "models" / "mini"
MINI_SCENARIOS = TESTS / "scenarios_mini"
MINI_FEATURES = TESTS / "features_mini"
#: the example profile of README and ./run.sh demo
EXAMPLE_PROFILE = REPO / "scenarios" / "profielen" / "voorbeeld.yaml"
DOCS = REPO / "docs"


def mutated_model(tmp_path: Path, file: str, old: str, new: str) -> Path:
    """A copy of the mini model with one textual change (repeat calls change the same copy)."""
    target = tmp_path / "model"
    if not target.exists():
        shutil.copytree(MINI, target)
    path = target / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def rule_errors(model_dir: Path) -> list[Diagnostic]:
    with pytest.raises(RuleError) as info:
        load_rules(model_dir)
    return info.value.diagnostics


def example_profiles(tmp_path: Path, n: int = 1) -> Path:
    """A folder `in/` with n copies of the example profile, ids p0, p1, ..."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = EXAMPLE_PROFILE.read_text(encoding="utf-8")
    old_id = next(line for line in text.splitlines() if line.startswith("id:")).split()[1]
    for i in range(n):
        (folder / f"p{i}.yaml").write_text(text.replace(old_id, f"p{i}"), encoding="utf-8")
    return folder


def scenario_profiles(rules: RuleSet, folder: Path) -> list[Profile]:
    """The profile of every scenario file in a folder, in file order."""
    from riskmodel.scenarios.model import load_scenario

    return [load_scenario(p, rules).profile for p in sorted(folder.glob("*.yaml"))]
