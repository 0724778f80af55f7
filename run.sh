#!/usr/bin/env bash
# One entry point for a fresh machine (Python 3.11+, gcc): sets up .venv itself, then runs.
#   ./run.sh demo   assess the bundled example profile with the bundled model
#   ./run.sh serve  start the workbench (web page and HTTP API) on http://127.0.0.1:8000/
#   ./run.sh test   lint, type-check, check the model and its docs, then pytest: the test suite
#                   and every scenario file with both engines
set -euo pipefail
cd "$(dirname "$0")"
PYTHON="${PYTHON:-python3}"
VENV="${VENV:-.venv}"
# the bundled model's mutation score may not drop below this (docs/scenarios.md)
MUTATION_FLOOR=0.90

setup() {
  if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
  fi
  local stamp="$VENV/.riskmodel-installed"
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e '.[test,serve,batch,dask]'
    touch "$stamp"
  fi
}

# Coverage-guided fuzzing of the loader with a fixed budget (docs/fuzzing.md). atheris ships
# wheels for Linux and macOS; where it cannot be installed this says so plainly, and in CI
# (CI set) that is a failure, since nothing may be skipped there.
fuzz() {
  local budget="${RISKMODEL_FUZZ_SECONDS:-60}"
  if "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "atheris>=2.3"; then
    local work
    work="$(mktemp -d)"
    "$VENV/bin/python" fuzz/fuzz_profile.py -max_total_time="$budget" -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 "$work" fuzz/corpus 2>&1 | tail -n 12
    local rc="${PIPESTATUS[0]}"
    rm -rf "$work"
    if [ "$rc" -ne 0 ]; then
      echo "fuzzing found a failure (see above); copy the crash file into tests/fuzz_corpus/" >&2
      return "$rc"
    fi
  else
    echo "NOT RUN: coverage-guided fuzzing (atheris could not be installed on this machine)" >&2
    if [ -n "${CI:-}" ]; then return 1; fi
  fi
}

case "${1:-}" in
  demo)
    setup
    "$VENV/bin/riskmodel" assess scenarios/profielen/voorbeeld.yaml --format text
    ;;
  serve)
    setup
    shift
    "$VENV/bin/riskmodel" serve "$@"
    ;;
  test)
    setup
    "$VENV/bin/ruff" check src tests benchmarks
    "$VENV/bin/mypy" src
    "$VENV/bin/riskmodel" check rules --quiet
    "$VENV/bin/riskmodel" docs --check
    # every scenario file is a pytest item per engine (riskmodel.scenarios.pytest_plugin)
    "$VENV/bin/python" -m pytest -q
    # mutation testing of the bundled model against its scenarios (docs/scenarios.md): the
    # score is printed; falling below the recorded floor fails the run
    mkdir -p build
    "$VENV/bin/riskmodel" scenarios mutate scenarios --minimum "$MUTATION_FLOOR" \
      --score-file build/mutation-score.json
    fuzz
    ;;
  *)
    echo "gebruik: ./run.sh demo | ./run.sh test | ./run.sh serve [opties]" >&2
    exit 2
    ;;
esac
