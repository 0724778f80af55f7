"""Output never replaces an input (issue 9, item 5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from model_copies import example_profiles

from riskmodel.cli import main


def test_output_equal_to_the_input_is_refused(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    folder = example_profiles(tmp_path)
    before = (folder / "p0.yaml").read_bytes()
    assert main(["assess", str(folder / "p0.yaml"), "--output", str(folder / "p0.yaml"),
                 "--format", "json"]) == 2
    assert (folder / "p0.yaml").read_bytes() == before
    (line,) = capsys.readouterr().err.splitlines()
    assert json.loads(line)["code"] == "output"


def test_output_via_another_name_of_the_input_is_refused(tmp_path: Path) -> None:
    folder = example_profiles(tmp_path)
    (tmp_path / "link.yaml").symlink_to(folder / "p0.yaml")
    before = (folder / "p0.yaml").read_bytes()
    assert main(["assess", str(folder / "p0.yaml"), "--output", str(tmp_path / "link.yaml")]) == 2
    assert (folder / "p0.yaml").read_bytes() == before


def test_output_directory_that_would_replace_profiles_is_refused(tmp_path: Path) -> None:
    folder = example_profiles(tmp_path, 2)
    for i in range(2):  # profiles named <id>.json: the reports would replace them
        (folder / f"p{i}.yaml").rename(folder / f"p{i}.json")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert main(["assess", str(folder), "--output", str(folder), "--format", "json"]) == 2
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_output_directory_next_to_inputs_is_fine(tmp_path: Path) -> None:
    folder = example_profiles(tmp_path, 2)
    assert main(["assess", str(folder), "--output", str(folder), "--format", "markdown"]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["p0.md", "p0.yaml", "p1.md", "p1.yaml"]
