"""Case stores for tests: a SQLite file, and a real PostgreSQL server started for the session.

PostgreSQL is started from its own binaries (initdb, pg_ctl on PATH or in
/usr/lib/postgresql/*/bin) in a temporary directory, listening on 127.0.0.1 on a free port.
PostgreSQL refuses to run as root, so under root the server runs as user `postgres` (or
`nobody`) through runuser. Without PostgreSQL the tests that need it are skipped with the
reason said plainly, except in CI (CI set), where that is a failure.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest


def pg_bindir() -> Path | None:
    candidates = []
    found = shutil.which("initdb")
    if found:
        candidates.append(Path(os.path.realpath(found)).parent)
    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]
    for d in candidates:
        if (d / "initdb").is_file() and (d / "pg_ctl").is_file():
            return d
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run_as() -> tuple[list[str], str | None]:
    if os.geteuid() != 0:
        return [], None
    for user in ("postgres", "nobody"):
        try:
            pwd.getpwnam(user)
        except KeyError:
            continue
        if shutil.which("runuser"):
            return ["runuser", "-u", user, "--"], user
    return [], None


def unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is needed in CI: {reason} (apt-get install -y postgresql)")
    pytest.skip(f"PostgreSQL not available on this machine: {reason}")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A base URL (without database) of a PostgreSQL server that lives for the session."""
    bindir = pg_bindir()
    if bindir is None:
        unavailable("initdb/pg_ctl not found on PATH or in /usr/lib/postgresql/*/bin")
    assert bindir is not None
    prefix, user = _run_as()
    if os.geteuid() == 0 and user is None:
        unavailable("running as root without a 'postgres' or 'nobody' user and runuser")
    base = Path(tempfile.mkdtemp(prefix="riskmodel-pg-"))
    if user is not None:
        shutil.chown(base, user=user)
    data, log = base / "data", base / "server.log"
    port = free_port()
    init = subprocess.run([*prefix, str(bindir / "initdb"), "-D", str(data), "-A", "trust",
                           "-U", "riskmodel", "-E", "UTF8", "--no-sync"],
                          capture_output=True, text=True, check=False)
    if init.returncode != 0:
        shutil.rmtree(base, ignore_errors=True)
        unavailable(f"initdb failed: {init.stderr.strip()[-300:]}")
    start = subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log),
                            "-w", "-t", "60", "-o",
                            f"-c listen_addresses=127.0.0.1 -p {port} -k {base} -F",
                            "start"], capture_output=True, text=True, check=False)
    if start.returncode != 0:
        text = log.read_text(errors="replace")[-500:] if log.exists() else start.stderr
        shutil.rmtree(base, ignore_errors=True)
        unavailable(f"pg_ctl start failed: {text}")
    try:
        yield f"postgresql://riskmodel@127.0.0.1:{port}"
    finally:
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                        "-w", "stop"], capture_output=True, check=False)
        shutil.rmtree(base, ignore_errors=True)


def new_postgres_db(server: str) -> str:
    """A fresh, empty database on the session's server: one per test."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return f"{server}/{name}"
