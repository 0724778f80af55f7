"""Shared test helpers: broken copies of the mini model, and the errors they raise."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from riskmodel import RuleError, load_rules
from riskmodel.errors import Diagnostic

MINI = Path(__file__).resolve().parent / "models" / "mini"


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
