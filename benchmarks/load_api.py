"""Load on the HTTP API: N POST /v1/assess with C concurrent clients, against 127.0.0.1 only.

Run: .venv/bin/python benchmarks/load_api.py [--n 1000] [--concurrency 8] [--engine compiled]
Starts `riskmodel serve` as a subprocess on a free loopback port (with a throw-away SQLite
store), waits for /v1/health, sends the example profile N times from C async clients (each
request bounded by a timeout), checks every answer is the same 200 assessment, stops the
server and prints count, failures, latency percentiles and assessments per second.
Never asserts on time: the figures go into docs/serve.md and the closing note.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import yaml

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _body() -> bytes:
    profile = yaml.safe_load((ROOT / "scenarios/profielen/voorbeeld.yaml").read_text("utf-8"))

    def default(value: Any) -> str:
        if isinstance(value, dt.date):
            return value.isoformat()
        raise TypeError(type(value).__name__)
    return json.dumps(profile, default=default).encode()


async def _load(base: str, n: int, concurrency: int, engine: str,
                ) -> tuple[list[float], int, set[bytes], float]:
    body = _body()
    latencies: list[float] = []
    failures = 0
    answers: set[bytes] = set()
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(n):
        queue.put_nowait(i)

    async def client() -> None:
        nonlocal failures
        async with httpx.AsyncClient(base_url=base, timeout=30) as http:
            while True:
                try:
                    queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                start = time.perf_counter()
                try:
                    r = await http.post(f"/v1/assess?engine={engine}", content=body,
                                        headers={"content-type": "application/json"})
                    ok = r.status_code == 200
                    if ok:
                        answers.add(r.content)
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - start)
                failures += not ok

    start = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    return latencies, failures, answers, time.perf_counter() - start


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--engine", default="compiled", choices=("compiled", "durable", "python"))
    args = ap.parse_args()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.Popen(
            [sys.executable, "-m", "riskmodel.cli", "serve", "--db", str(Path(tmp) / "c.db"),
             "--host", "127.0.0.1", "--port", str(port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        try:
            deadline = time.monotonic() + 90
            while True:
                if proc.poll() is not None:
                    print(proc.communicate()[1], file=sys.stderr)
                    return 1
                try:
                    if httpx.get(f"{base}/v1/health", timeout=2).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    print("server did not start within 90 s", file=sys.stderr)
                    return 1
                time.sleep(0.2)
            # warm-up: compile the model for the profile's peildatum once
            httpx.post(f"{base}/v1/assess?engine={args.engine}", content=_body(),
                       headers={"content-type": "application/json"}, timeout=60)
            latencies, failures, answers, wall = asyncio.run(
                _load(base, args.n, args.concurrency, args.engine))
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
    ms = [x * 1000 for x in latencies]
    print(f"POST /v1/assess, engine {args.engine}, {args.concurrency} concurrent clients, "
          f"127.0.0.1, {os.cpu_count()} CPUs")
    print(f"count        {len(ms)}")
    print(f"failures     {failures}")
    print(f"distinct 200 bodies {len(answers)} (1 = every answer identical)")
    print(f"p50          {_pct(ms, 50):.1f} ms")
    print(f"p95          {_pct(ms, 95):.1f} ms")
    print(f"p99          {_pct(ms, 99):.1f} ms")
    print(f"mean         {statistics.fmean(ms):.1f} ms")
    print(f"throughput   {len(ms) / wall:.1f} assessments/s (wall {wall:.1f} s)")
    return 1 if failures or len(answers) != 1 else 0


if __name__ == "__main__":
    sys.exit(main())
