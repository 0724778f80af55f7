"""The analyst's web page of `riskmodel serve` (issue 11): new case, facts by phenomenon,
the assessment as it changes, what to find out next, why, downloads and upload.

`router` is a FastAPI APIRouter; its handlers read `request.app.state.ctx` (`.rules`,
`.settings.lang`, `.store` or None). `mount_static(app)` serves the stylesheet and the
optional script from this package (never a CDN: municipal networks are often closed).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from starlette.staticfiles import StaticFiles

from riskmodel.serve.web.findout import FindOut, find_out
from riskmodel.serve.web.views import router

STATIC_DIR = Path(__file__).parent / "static"
#: where the page expects its stylesheet and script
STATIC_PATH = "/static"


def mount_static(app: FastAPI) -> None:
    """Serve the page's CSS and script at /static from the installed package."""
    app.mount(STATIC_PATH, StaticFiles(directory=STATIC_DIR), name="web-static")


__all__ = ["STATIC_DIR", "STATIC_PATH", "FindOut", "find_out", "mount_static", "router"]
