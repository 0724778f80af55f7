"""Stale temp files are cleaned (item 11); a batch that cannot write says how far it got
(item 12)."""

from __future__ import annotations

import errno
import os
import shutil
import time
from pathlib import Path

import pytest
from model_copies import example_profiles

from riskmodel.cli import main
from riskmodel.errors import OutputError
from riskmodel.report import atomic


# ---- item 11 ----------------------------------------------------------------------------
def test_stale_temp_files_of_our_pattern_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    stale = tmp_path / ".r.json.abcd1234.tmp"
    fresh = tmp_path / ".r.json.efgh5678.tmp"
    other = tmp_path / ".r.json.notours.tmp"
    for p in (stale, fresh, other):
        p.write_text("half", encoding="utf-8")
    old = time.time() - 2 * atomic.STALE_AFTER
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    atomic.write_atomic(target, "{}\n")
    assert target.read_text(encoding="utf-8") == "{}\n"
    assert not stale.exists() and fresh.exists() and other.exists()
# ---- item 12 ----------------------------------------------------------------------------
def test_disk_full_reports_written_failed_and_not_attempted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    folder = example_profiles(tmp_path, 4)
    out = tmp_path / "out"
    real = atomic.write_atomic
    calls: list[Path] = []

    def full_after_two(path: Path, text: str, *, lang: str = "nl") -> None:
        calls.append(path)
        if len(calls) > 2:
            err = OutputError(path, "kan niet schrijven: No space left on device")
            err.errno = errno.ENOSPC
            raise err
        real(path, text, lang=lang)

    monkeypatch.setattr(atomic, "write_atomic", full_after_two)
    assert main(["assess", str(folder), "--output", str(out), "--format", "json"]) == 2
    err = capsys.readouterr().err
    assert "2 geschreven, 1 mislukt, 1 niet geprobeerd" in err, err
    assert len(list(out.iterdir())) == 2
    shutil.rmtree(out)
