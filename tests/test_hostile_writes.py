"""Stale temp files are cleaned (item 11); a batch that cannot write says how far it got
(item 12)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from model_copies import EXAMPLE_PROFILE

from riskmodel.report import atomic


def _profiles(tmp_path: Path, n: int = 1) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    text = EXAMPLE_PROFILE.read_text(encoding="utf-8")
    old_id = next(line for line in text.splitlines() if line.startswith("id:")).split()[1]
    for i in range(n):
        (folder / f"p{i}.yaml").write_text(text.replace(old_id, f"p{i}"), encoding="utf-8")
    return folder


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
