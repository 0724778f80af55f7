"""`riskmodel serve` as a real process on a free 127.0.0.1 port: it starts, answers, stops,
and the cases it saved are there after a restart."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.serve_support import JSON, ROOT, example_profile, to_json
from tests.store_fixtures import free_port


@contextmanager
def running(db: Path, *extra: str) -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "riskmodel.cli", "serve", "--db", str(db), "--port", str(port),
         *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None, proc.communicate()[1][-2000:]
            try:
                if httpx.get(f"{base}/v1/health", timeout=2,
                             headers=_auth(extra)).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "server did not come up in 90 s"
            time.sleep(0.2)
        yield base
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:  # pragma: no cover - reported by the assert below
            proc.kill()
            proc.wait()
        assert proc.returncode == 0, proc.communicate()[1][-2000:]


def _auth(extra: tuple[str, ...]) -> dict[str, str]:
    if "--token" in extra:
        return {"Authorization": f"Bearer {extra[extra.index('--token') + 1]}"}
    return {}


def test_cases_survive_a_restart(tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    with running(db) as base:
        r = httpx.post(f"{base}/v1/cases", content=to_json(example_profile()), headers=JSON,
                       timeout=60)
        assert r.status_code == 201, r.text
        saved = r.json()
        r2 = httpx.post(f"{base}/v1/cases/{saved['case_id']}/versions",
                        content=to_json(example_profile()), headers=JSON, timeout=60)
        assert r2.status_code == 201
    with running(db) as base:
        case = httpx.get(f"{base}/v1/cases/{saved['case_id']}", timeout=30).json()
        assert [v["version"] for v in case["versions"]] == [1, 2]
        v1 = httpx.get(f"{base}/v1/cases/{saved['case_id']}/versions/1", timeout=30).json()
        assert v1["assessments"][0]["assessment"] == saved["assessment"]


def test_token_protected_server(tmp_path: Path) -> None:
    token = "a-token-of-sufficient-length"
    with running(tmp_path / "c.db", "--token", token) as base:
        assert httpx.get(f"{base}/v1/health", timeout=10).status_code == 401
        ok = httpx.get(f"{base}/v1/health", timeout=10,
                       headers={"Authorization": f"Bearer {token}"})
        assert ok.status_code == 200 and "server" not in ok.headers
