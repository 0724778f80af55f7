"""Ctrl-C during durable evaluation exits 130 quietly (issue 9 item 14).

durable-rules catches BaseException around actions: a SIGINT landing there became a
swallowed session exception (so an engine error, not 130) and its logger printed the
traceback ('base exception type <class 'KeyboardInterrupt'>...')."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROFILE = ('{"id": "p1", "soort": "pand", "gemeente": "Almere", "peildatum": "2023-06-01", '
           '"feiten": {"pand_soort": "woning", "drugshandel_vastgesteld": true, '
           '"woonduur_jaren": 12}}')

_SCRIPT = """
import os, signal, sys
from riskmodel.cli import main
from riskmodel.evaluate.durable import evaluator
mode = sys.argv[1]
if mode == "in_action":
    # the signal arrives while durable-rules runs our action: deterministic
    original = evaluator._Engine._record
    calls = [0]
    def record(self, name):
        act = original(self, name)
        def action(c):
            calls[0] += 1
            if calls[0] == 40:
                os.kill(os.getpid(), signal.SIGINT)
            act(c)
        return action
    evaluator._Engine._record = record
print("started", flush=True)
while True:
    rc = main(["assess", "--engine", "durable", "--format", "json", sys.argv[2]])
    if rc:
        sys.exit(rc)
"""


def _run(tmp_path: Path, mode: str, delay: float | None) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profiel.json"
    profile.write_text(PROFILE, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-c", _SCRIPT, mode, str(profile)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    proc.stdout.readline()
    if delay is not None:
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def test_sigint_inside_a_durable_action_exits_130_quietly(tmp_path: Path) -> None:
    result = _run(tmp_path, "in_action", None)
    assert result.returncode == 130, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert "exception" not in result.stderr


def test_sigint_while_assessing_in_a_loop_exits_130_quietly(tmp_path: Path) -> None:
    for delay in (1.5, 2.2):
        result = _run(tmp_path, "loop", delay)
        assert result.returncode == 130, result.stderr[-2000:]
        assert "Traceback" not in result.stderr
        assert "exception" not in result.stderr
