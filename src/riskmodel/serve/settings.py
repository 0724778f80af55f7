"""How one `riskmodel serve` runs: model, database, address, token, limits, language."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class ServeSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    #: a model directory; None = the bundled model
    rules_dir: Path | None = None
    #: a SQLite file path, or a postgresql:// URL for a shared store
    db: str = "riskmodel.db"
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)
    #: with a token, every request must carry it (header or login cookie)
    token: str | None = None
    #: larger request bodies are refused with 413 before they are parsed
    max_body_bytes: int = Field(default=1_000_000, ge=1)
    #: at most this many profiles in one POST /v1/assess/batch
    max_batch: int = Field(default=100, ge=1)
    #: language of problem texts and pages when the request names none
    lang: Literal["nl", "en"] = "nl"
