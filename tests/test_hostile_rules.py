"""Register continuation cycles and unsafe integer constants are located errors (item 13)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from riskmodel import RuleError, load_rules


def mini(tmp_path: Path, repo: Path) -> Path:
    model = tmp_path / "m"
    shutil.copytree(repo / "tests" / "models" / "mini", model)
    return model


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_continuation_cycle_is_an_error(tmp_path: Path, repo: Path) -> None:
    model = mini(tmp_path, repo)
    edit(model / "registers.yaml", "        aliassen: [club_a_alias]\n",
         "        aliassen: [club_a_alias]\n        voortzetting_van: club_a_voortzetting\n")
    with pytest.raises(RuleError) as info:
        load_rules(model)
    found = [(d.code, d.path, d.line) for d in info.value.diagnostics]
    assert len(found) == 2 and all(code == "inconsistent" and line for code, _, line in found)
    assert all(path.endswith("voortzetting_van") for _, path, _ in found)


def test_self_continuation_is_an_error(tmp_path: Path, repo: Path) -> None:
    model = mini(tmp_path, repo)
    edit(model / "registers.yaml", "        voortzetting_van: club_a\n",
         "        voortzetting_van: club_a_voortzetting\n")
    with pytest.raises(RuleError) as info:
        load_rules(model)
    assert [d.code for d in info.value.diagnostics] == ["inconsistent"]


@pytest.mark.parametrize("number", [2**53, -(2**53), 10**30])
def test_integer_constants_beyond_2_53_are_errors(tmp_path: Path, repo: Path,
                                                   number: int) -> None:
    model = mini(tmp_path, repo)
    edit(model / "omg.yaml", "drempel: 20}", f"drempel: {number}}}")
    with pytest.raises(RuleError) as info:
        load_rules(model)
    (d,) = info.value.diagnostics
    assert d.code == "range" and d.file.endswith("omg.yaml") and d.line == 15
    assert d.path.endswith("drempel")


def test_largest_safe_integer_is_fine(tmp_path: Path, repo: Path) -> None:
    model = mini(tmp_path, repo)
    edit(model / "omg.yaml", "drempel: 40}", f"drempel: {2**53 - 1}}}")
    assert load_rules(model)
