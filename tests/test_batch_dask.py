"""riskmodel batch --dask: the chunks spread over a Dask LocalCluster of two worker processes
give output identical to the single-process run (same rows, same order, same errors), with
the vector engine (the default) as with the reference engine."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from test_batch import _varied_rows, _write

EXE = Path(sys.executable).parent / "riskmodel"


def test_dask_local_cluster_equals_local_run(tmp_path: Path) -> None:
    rows = _varied_rows(120, seed=23)
    rows[7]["soort"] = "huis"
    rows[77]["omg_motorcultuur_zichtbaar"] = "misschien"
    path = _write("parquet", tmp_path / "in.parquet", rows)
    local, spread = tmp_path / "lokaal.csv", tmp_path / "dask.csv"
    reference = tmp_path / "referentie.csv"
    common = ["--chunk-size", "15"]
    r1 = subprocess.run([str(EXE), "batch", str(path), "--output", str(local), *common],
                        capture_output=True, text=True, timeout=300)
    r2 = subprocess.run([str(EXE), "batch", str(path), "--output", str(spread), *common,
                         "--dask", "local", "--workers", "2"],
                        capture_output=True, text=True, timeout=300)
    r3 = subprocess.run([str(EXE), "batch", str(path), "--output", str(reference), *common,
                         "--engine", "reference"], capture_output=True, text=True, timeout=300)
    assert r1.returncode == r2.returncode == r3.returncode == 1, (r1.stderr, r2.stderr)
    assert spread.read_bytes() == local.read_bytes() == reference.read_bytes()
    assert (tmp_path / "dask.fouten.csv").read_text() == \
        (tmp_path / "lokaal.fouten.csv").read_text() == \
        (tmp_path / "referentie.fouten.csv").read_text()
    assert len(local.read_text().splitlines()) == 1 + 118


def test_dask_unreachable_scheduler_is_a_usage_error(tmp_path: Path) -> None:
    path = _write("csv", tmp_path / "in.csv", _varied_rows(3))
    r = subprocess.run([str(EXE), "batch", str(path), "--output", str(tmp_path / "u.csv"),
                        "--dask", "tcp://127.0.0.1:9"], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr


def test_a_worker_never_caches_compiled_code_on_the_rules_dask_holds(tmp_path: Path) -> None:
    """Dask may pickle the rules a worker holds to hand them to another worker; compiled
    code does not pickle, so a worker compiles into its own copy."""
    import pickle

    import riskmodel
    from riskmodel.batch.read import iter_chunks
    from riskmodel.batch.run import BatchOptions, portable_rules, process_chunk_on_worker

    shipped = portable_rules(riskmodel.load_rules())
    path = _write("csv", tmp_path / "in.csv", _varied_rows(5))
    chunk = next(iter(iter_chunks(path)))
    result = process_chunk_on_worker(chunk, shipped, BatchOptions("in.csv"))
    assert result.summary.height == 5
    assert shipped.compiled == {} and shipped.cache == {}
    pickle.dumps(shipped)
