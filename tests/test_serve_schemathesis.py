"""schemathesis against the app's own OpenAPI description: every operation, bounded examples,
no response may be a server error."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings

from riskmodel.serve.app import ServeSettings, create_app

_DIR = tempfile.mkdtemp(prefix="riskmodel-st-")
atexit.register(shutil.rmtree, _DIR, True)
APP = create_app(ServeSettings(db=str(Path(_DIR) / "c.db")))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_operation_gives_a_server_error(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=[schemathesis.checks.not_a_server_error])
