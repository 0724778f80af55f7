"""A test client over the real ASGI app (FastAPI TestClient), with its own SQLite store."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "scenarios" / "profielen" / "voorbeeld.yaml"


def example_profile() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    return data


def to_json(data: Any) -> bytes:
    """JSON as an application would send it: dates as ISO strings."""
    def default(value: Any) -> str:
        if isinstance(value, dt.date):
            return value.isoformat()
        raise TypeError(type(value).__name__)
    return json.dumps(data, default=default).encode()


JSON = {"content-type": "application/json"}
