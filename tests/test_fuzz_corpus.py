"""Every input the fuzzers (and the hostile-input review, issue 9) found stays a regression
test: each file in tests/fuzz_corpus/ is read as a YAML and as a JSON profile and must end in
a profile or a located UserInputError, never in an internal error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parents[1] / "fuzz"
CORPUS = Path(__file__).resolve().parent / "fuzz_corpus"
sys.path.insert(0, str(FUZZ))

from harness import MINI, check_one  # noqa: E402

FILES = sorted(p for p in CORPUS.iterdir() if p.is_file() and not p.name.startswith("."))


def test_the_corpus_is_not_empty() -> None:
    assert len(FILES) >= 30


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_corpus_file(path: Path) -> None:
    check_one(path.read_bytes())


@pytest.mark.parametrize("name", ["deep_flow.yaml", "escape_in_gemeente.yaml", "date_max.yaml",
                                  "huge_float.json", "surrogate_escape.json"])
def test_corpus_through_the_cli(name: str) -> None:
    run = subprocess.run([sys.executable, "-m", "riskmodel.cli", "assess", str(CORPUS / name),
                          "--rules", str(MINI)], capture_output=True, text=True, timeout=120)
    assert run.returncode in (0, 2), run.stderr
    assert "Traceback" not in run.stderr and "interne fout" not in run.stderr
