#!/usr/bin/env bash
# One entry point for a fresh machine (Python 3.11+, gcc): sets up .venv itself, then runs.
#   ./run.sh demo   assess the bundled example profile with the bundled model
#   ./run.sh test   lint, type-check, check the model and its docs, then pytest: the test suite
#                   and every scenario file with both engines
set -euo pipefail
cd "$(dirname "$0")"
PYTHON="${PYTHON:-python3}"
VENV="${VENV:-.venv}"

setup() {
  if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
  fi
  local stamp="$VENV/.riskmodel-installed"
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e '.[test]'
    touch "$stamp"
  fi
}

case "${1:-}" in
  demo)
    setup
    "$VENV/bin/riskmodel" assess scenarios/profielen/voorbeeld.yaml --format text
    ;;
  test)
    setup
    "$VENV/bin/ruff" check src tests benchmarks
    "$VENV/bin/mypy" src
    "$VENV/bin/riskmodel" check rules --quiet
    "$VENV/bin/riskmodel" docs --check
    # every scenario file is a pytest item per engine (riskmodel.scenarios.pytest_plugin)
    "$VENV/bin/python" -m pytest -q
    ;;
  *)
    echo "gebruik: ./run.sh demo | ./run.sh test" >&2
    exit 2
    ;;
esac
