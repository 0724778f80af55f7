"""Plugins for this repository's test run (only this project; nothing is installed globally).

At the rootdir so that a scenario item can be run by its node id, e.g.
``pytest "scenarios/hoorn_singa_19_2020.yaml::hoorn_singa_19_2020[durable]"``.
"""

from __future__ import annotations

import os
import tempfile

# The parse cache (load/parsecache.py) of a test run lives in a directory of its own, never in
# the user's ~/.cache; subprocesses started by tests inherit it.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="riskmodel-test-cache-")

pytest_plugins = [
    "pytester",
    "riskmodel.scenarios.gherkin_steps",
    "riskmodel.scenarios.pytest_plugin",
]
