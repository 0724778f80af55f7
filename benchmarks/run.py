"""riskmodel benchmarks, printed as Markdown tables (never a timed test).

Run: .venv/bin/python benchmarks/run.py [--quick] [--only single,cli,scaling,peers] [--output FILE]

1. single: one assessment in process, warm, with full explanation and JSON (`assess` +
   `to_json`, and `assess_json`: the same bytes without the objects), per engine, on the
   example profile and on every scenario profile; p50 and p99; also `assess` without JSON
   and the engine's evaluation step alone.
2. cli: `riskmodel assess scenarios/profielen/voorbeeld.yaml --format json` as a whole process.
3. scaling: the bundled model copied 2x, 4x, 8x (benchmarks/scale_model.py).
4. peers: the OMG phenomenon in GoRules zen-engine and rule-engine, every tier checked equal
   to riskmodel's, and evaluations per second (benchmarks/peers/).

Only time.perf_counter and statistics; absolute times depend on the machine, ratios less so.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml

import riskmodel
from riskmodel.api import compiled_for, get_evaluator
from riskmodel.scenarios.model import load_scenario

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_model import scale_model, scale_profile

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "scenarios/profielen/voorbeeld.yaml"
ENGINES = ("compiled", "durable", "python")
DEFAULT_ENGINE = "compiled"
GOAL_P50_MS, GOAL_P99_MS, GOAL_CLI_S = 1.0, 5.0, 0.3


# --- measuring ---------------------------------------------------------------------------

def timings(fn: Callable[[Any], object], items: Sequence[Any], rounds: int,
            cpu: list[float] | None = None) -> list[float]:
    """Seconds per call of fn(item), for every item, `rounds` times, after one warm-up pass.

    With `cpu`, the CPU seconds of each call (time.thread_time) are appended to it: on a
    shared machine the wall time includes waiting for a core, the CPU time does not."""
    for item in items:
        fn(item)
    out = []
    for _ in range(rounds):
        for item in items:
            start_cpu = time.thread_time()
            start = time.perf_counter()
            fn(item)
            out.append(time.perf_counter() - start)
            if cpu is not None:
                cpu.append(time.thread_time() - start_cpu)
    return out


def p50(xs: Sequence[float]) -> float:
    return statistics.median(xs)


def p99(xs: Sequence[float]) -> float:
    return statistics.quantiles(xs, n=100, method="inclusive")[98] if len(xs) > 1 else xs[0]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f}"


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def met(ok: bool) -> str:
    return "gehaald / met" if ok else "NIET gehaald / NOT met"


# --- 1. single assessment ----------------------------------------------------------------

def scenario_profiles(rules: riskmodel.RuleSet) -> list[riskmodel.Profile]:
    return [load_scenario(path, rules).profile for path in sorted((ROOT / "scenarios").glob("*.yaml"))]


def bench_single(quick: bool, out: list[str]) -> None:
    rules = riskmodel.load_rules()
    example = [riskmodel.load_profile(EXAMPLE, rules)]
    scenarios = scenario_profiles(rules)
    # as a long-running application does after loading (the CLI and `riskmodel serve` do):
    # the model's objects leave the collector's generations, so full collections stay short
    gc.collect()
    gc.freeze()
    sets = [("voorbeeld.yaml", example, 30 if quick else 300),
            (f"{len(scenarios)} scenario's", scenarios, 1 if quick else 5)]
    rows: list[list[object]] = []
    goal: list[str] = []
    for engine in ENGINES:
        evaluator = get_evaluator(engine)  # type: ignore[arg-type]
        for label, profiles, rounds in sets:
            steps: list[tuple[str, Callable[[Any], object], str]] = [
                ("evaluate", lambda p, ev=evaluator: ev.evaluate(rules, compiled_for(rules, p.peildatum), p),
                 "profiles"),
                ("assess", lambda p, ev=evaluator: riskmodel.assess(p, rules, engine=ev), "profiles"),
                ("to_json", lambda a: a.to_json(), "assessments"),
                ("assess + to_json", lambda p, ev=evaluator: riskmodel.assess(p, rules, engine=ev).to_json(),
                 "profiles"),
                # the same document without the objects (what the HTTP API serves)
                ("assess_json", lambda p, ev=evaluator: riskmodel.assess_json(p, rules, engine=ev),
                 "profiles"),
            ]
            for step, fn, on in steps:
                try:
                    if on == "assessments":
                        items = [riskmodel.assess(p, rules, engine=evaluator) for p in profiles]
                    else:
                        items = list(profiles)
                    cpu: list[float] = []
                    xs = timings(fn, items, rounds, cpu)
                except Exception as exc:  # an engine failure is a result, not a crash
                    rows.append([engine, label, step, 0, "fout: " + _short(exc), "", "", "", "",
                                 ""])
                    continue
                rows.append([engine, label, step, len(xs), ms(min(xs)), ms(p50(xs)), ms(p99(xs)),
                             ms(p50(cpu)), ms(p99(cpu)), f"{len(xs) / sum(xs):.0f}"])
                if engine == DEFAULT_ENGINE and step in ("assess + to_json", "assess_json"):
                    ok = p50(xs) * 1000 <= GOAL_P50_MS and p99(xs) * 1000 <= GOAL_P99_MS
                    goal.append(f"- {engine}, {label}, {step}: p50 {ms(p50(xs))} ms, p99 {ms(p99(xs))} ms "
                                f"against p50 <= {GOAL_P50_MS:g} ms, p99 <= {GOAL_P99_MS:g} ms: {met(ok)} "
                                f"(CPU time: p50 {ms(p50(cpu))} ms, p99 {ms(p99(cpu))} ms)")
    out.append("## 1. Single assessment in process (warm)\n")
    out.append(table(["engine", "profiles", "step", "n", "min ms", "p50 ms", "p99 ms", "cpu p50 ms",
                      "cpu p99 ms", "per s"], rows))
    out.append("\nGoal for the default engine (the full assessment as JSON; `assess_json` gives "
               "the bytes of `assess(...).to_json()` without building the objects):\n")
    out.extend(goal)
    out.append("")


# --- 2. the CLI as a whole process -------------------------------------------------------

_PHASES = """
import sys, time
t0 = time.perf_counter()
import riskmodel
t1 = time.perf_counter()
rules = riskmodel.load_rules()
t2 = time.perf_counter()
profile = riskmodel.load_profile(sys.argv[1], rules)
t3 = time.perf_counter()
assessment = riskmodel.assess(profile, rules)
t4 = time.perf_counter()
assessment.to_json()
t5 = time.perf_counter()
print("import riskmodel", t1 - t0)
print("load_rules (bundled model)", t2 - t1)
print("load_profile", t3 - t2)
print("first assess (compiles the model)", t4 - t3)
print("to_json", t5 - t4)
"""


def _run_timed(cmd: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU (user + system of the child) seconds of one run of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bench_cli(quick: bool, out: list[str]) -> None:
    runs = 3 if quick else 10
    exe = Path(sys.executable).parent / "riskmodel"
    assess_cmd = [str(exe), "assess", str(EXAMPLE), "--format", "json"]
    no_cache = {**os.environ, "RISKMODEL_NO_CACHE": "1"}
    commands: list[tuple[str, list[str], dict[str, str] | None]] = [
        ("riskmodel assess voorbeeld.yaml --format json", assess_cmd, None),
        ("  the same, RISKMODEL_NO_CACHE=1 (rule files parsed every run)", assess_cmd, no_cache),
        ("python -c 'import riskmodel' (start-up and import only)",
         [sys.executable, "-c", "import riskmodel"], None),
        ("python -c 'pass' (interpreter start-up)", [sys.executable, "-c", "pass"], None),
    ]
    # pip compiles a wheel's modules to .pyc when it installs them; an editable install under
    # PYTHONDONTWRITEBYTECODE never writes them, and every process would compile the sources
    # again (about 0.1 s). Time the installed state.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(riskmodel.__file__).parent)],
                   check=True, capture_output=True)
    rows = []
    goal = ""
    for label, cmd, env in commands:
        subprocess.run(cmd, check=True, capture_output=True, env=env)  # file cache, parse cache
        walls, cpus = zip(*(_run_timed(cmd, env) for _ in range(runs)), strict=True)
        rows.append([label, runs, f"{min(walls):.3f}", f"{statistics.median(walls):.3f}",
                     f"{statistics.median(cpus):.3f}"])
        if not goal:
            goal = (f"- median {statistics.median(walls):.3f} s wall (CPU {statistics.median(cpus):.3f} s) "
                    f"against <= {GOAL_CLI_S} s: {met(statistics.median(walls) <= GOAL_CLI_S)}")
    # Where the time goes inside one fresh process (same work as the CLI, through the API).
    phases: dict[str, list[float]] = {}
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", _PHASES, str(EXAMPLE)], check=True,
                              capture_output=True, text=True)
        for line in done.stdout.splitlines():
            name, value = line.rsplit(" ", 1)
            phases.setdefault(name, []).append(float(value))
    rows += [[f"  in a fresh process: {name}", runs, f"{min(xs):.3f}", f"{statistics.median(xs):.3f}", ""]
             for name, xs in phases.items()]
    out.append("## 2. `riskmodel assess` as a whole process (wall time)\n")
    out.append(table(["command", "runs", "min s", "median s", "median cpu s"], rows))
    out.append("\nGoal:\n")
    out.append(goal)
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        out.append("\nNote: PYTHONDONTWRITEBYTECODE is set here; the harness compiled riskmodel's "
                   "modules to .pyc first (`python -m compileall`), as pip does when it installs "
                   "a wheel, so the sources are not compiled again in every process.")
    out.append("")


# --- 3. scaling with model size ----------------------------------------------------------

def bench_scaling(quick: bool, out: list[str]) -> None:
    factors = (1, 2, 4, 8)
    n = 10 if quick else 50
    example = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    rows: list[list[object]] = []
    base: dict[tuple[str, str], float] = {}
    errors: list[str] = []
    for k in factors:
        with tempfile.TemporaryDirectory(prefix=f"riskmodel-x{k}-") as tmp:
            start = time.perf_counter()
            rules = riskmodel.load_rules(scale_model(k, Path(tmp)))
            load_s = time.perf_counter() - start
        size = (f"{len(rules.facts)} feiten, {len(rules.indicators)} indicatoren, "
                f"{len(rules.interventions)} interventies")
        profile = riskmodel.load_profile(scale_profile(example, k), rules)
        for engine in ENGINES:
            evaluator = get_evaluator(engine)  # type: ignore[arg-type]
            try:
                start = time.perf_counter()
                riskmodel.assess(profile, rules, engine=evaluator).to_json()
                first = time.perf_counter() - start
                compiled = compiled_for(rules, profile.peildatum)
                ev = timings(lambda p, e=evaluator, r=rules, c=compiled: e.evaluate(r, c, p), [profile], n)
                full = timings(lambda p, e=evaluator, r=rules: riskmodel.assess(p, r, engine=e).to_json(),
                               [profile], n)
            except Exception as exc:
                rows.append([f"{k}x", size, engine, f"{load_s:.2f}", "fout", "", "", "", "", "", ""])
                errors.append(f"- {k}x, {engine}: {_short(exc, 400)}")
                continue
            for step, xs in (("evaluate", ev), ("assess + to_json", full)):
                base.setdefault((engine, step), min(xs))
            rows.append([f"{k}x", size, engine, f"{load_s:.2f}", f"{first:.3f}",
                         ms(min(ev)), ms(p50(ev)), f"{min(ev) / base[(engine, 'evaluate')]:.1f}",
                         ms(min(full)), ms(p50(full)),
                         f"{min(full) / base[(engine, 'assess + to_json')]:.1f}"])
    out.append("## 3. Scaling with model size (example profile, scaled)\n")
    out.append(table(["model", "size", "engine", "load s", "first assess s", "evaluate min ms",
                      "p50 ms", "x 1x (min)", "assess + to_json min ms", "p50 ms", "x 1x (min)"], rows))
    if errors:
        out.append("\nErrors (caught, as raised):\n")
        out.extend(errors)
    out.append("")


# --- 4. peers ----------------------------------------------------------------------------

def bench_peers(quick: bool, out: list[str]) -> None:
    from peers import harness

    try:
        import rule_engine  # noqa: F401
        import zen  # noqa: F401
    except ImportError as exc:
        out.append(f"## 4. Peers\n\nskipped: {exc} (pip install -e '.[bench]')\n")
        return
    rules = riskmodel.load_rules()
    res = harness.run(n_random=300 if quick else 2000, min_time=0.5 if quick else 2.0,
                      scenario_profiles=scenario_profiles(rules))
    rows = sorted(res.rows, key=lambda r: -r[1])
    fastest = rows[0][1]
    out.append("## 4. The OMG phenomenon side by side with peers\n")
    out.append(table(["engine", "evaluations/s", "us per evaluation", "x slower than fastest"],
                     [[name, f"{rate:.0f}", f"{1e6 / rate:.0f}", f"{fastest / rate:.1f}"]
                      for name, rate in rows]))
    out.append(
        f"\nChecked equal before timing: {res.checked} profiles ({res.random_profiles} random "
        f"complete profiles, seed {harness.SEED}, peildatum {harness.PEILDATUM}; "
        f"{res.scenario_complete} of {res.scenario_total} scenario profiles have every OMG fact "
        f"known), tier of every riskmodel engine == zen-engine == rule-engine. "
        f"{res.skipped_undecided} complete profiles skipped because riskmodel's tier is "
        f"undecided (register status only possible). The peers have no three-valued logic, so "
        f"only complete profiles are compared, and the names only possibly banned on the peildatum "
        f"({', '.join(res.possibly_banned) or 'none'}) are left out of the random profiles. "
        f"Tiers among the checked: "
        + ", ".join(f"{t} {c}" for t, c in sorted(res.tiers.items())) + ".")
    out.append("")


def _short(exc: BaseException, limit: int = 160) -> str:
    text = f"{type(exc).__name__}: {exc}".replace("\n", " ").replace("|", "/")
    return text if len(text) <= limit else text[:limit] + "..."


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def machine() -> str:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{platform.system()} {platform.machine()}, {cpu}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, riskmodel {riskmodel.__version__}")


SECTIONS = {"single": bench_single, "cli": bench_cli, "scaling": bench_scaling, "peers": bench_peers}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer repetitions (about a minute)")
    ap.add_argument("--only", default=",".join(SECTIONS), help="comma-separated: " + ", ".join(SECTIONS))
    ap.add_argument("--output", type=Path, help="also write the tables to this file")
    args = ap.parse_args(argv)
    out = [f"# riskmodel benchmarks{' (--quick)' if args.quick else ''}\n", f"Machine: {machine()}\n",
           f"Load average at start: {_load()}\n"]
    status = 0
    for name in args.only.split(","):
        start = time.perf_counter()
        try:
            SECTIONS[name](args.quick, out)
        except Exception:
            out.append(f"## {name}: FAILED\n\n```\n{traceback.format_exc()}```\n")
            status = 1
        print(f"[{name}: {time.perf_counter() - start:.0f} s]", file=sys.stderr)
    out.append(f"Load average at end: {_load()} (other processes on the machine inflate absolute "
               "times; compare ratios from the same run)")
    text = "\n".join(out)
    print(text)
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
