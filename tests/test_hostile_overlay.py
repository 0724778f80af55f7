"""An overlay's `basis:` is the bundled model or a model directory, never any file (item 2)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from riskmodel import RuleError, load_rules
from riskmodel.load.rules import base_path, default_rules_path

SECRET = "root:$6$geheim-wachtwoord-hash:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n"


def overlay(tmp_path: Path, base: str) -> Path:
    folder = tmp_path / "regio"
    folder.mkdir()
    (folder / "model.yaml").write_text(
        "model: regio\nversie: 1.0.0\nlabel: {nl: Regio, en: Region}\n"
        f"basis: {base}\nbestanden: [extra.yaml]\n", encoding="utf-8")
    (folder / "extra.yaml").write_text("feiten: []\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("base", ["../geheim.txt", "../../../../../../{tmp}/geheim.txt",
                                  "..", "../leeg"])
def test_a_base_that_is_not_a_model_is_never_read(tmp_path: Path, base: str) -> None:
    (tmp_path / "geheim.txt").write_text(SECRET, encoding="utf-8")
    (tmp_path / "leeg").mkdir()
    folder = overlay(tmp_path, base.replace("{tmp}", str(tmp_path).lstrip("/")))
    with pytest.raises(RuleError) as info:
        load_rules(folder)
    (d,) = info.value.diagnostics
    assert d.code == "overlay" and d.path == "basis" and d.line == 4
    assert "geheim" not in d.format() or "geheim.txt" in d.format()
    assert "wachtwoord" not in d.format() and "daemon" not in d.format()


def test_cli_does_not_echo_a_secret_file(tmp_path: Path) -> None:
    (tmp_path / "geheim.txt").write_text(SECRET, encoding="utf-8")
    folder = overlay(tmp_path, "../geheim.txt")
    run = subprocess.run([sys.executable, "-m", "riskmodel.cli", "check", str(folder)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert "wachtwoord" not in run.stderr + run.stdout and "daemon" not in run.stderr


def test_standaard_means_the_bundled_model(tmp_path: Path) -> None:
    folder = overlay(tmp_path, "standaard")
    assert base_path(folder, "standaard") == default_rules_path()
    rules = load_rules(folder)
    assert any(name.startswith("basis/") for name in rules.file_hashes)


def test_a_model_directory_is_still_a_base(tmp_path: Path, repo: Path) -> None:
    shutil.copytree(repo / "tests" / "models" / "mini", tmp_path / "mini")
    folder = overlay(tmp_path, "../mini")
    assert load_rules(folder).facts
