"""The analyst's web page of `riskmodel serve` (issue 11): new case, facts by phenomenon,
the assessment as it changes, what to find out next, why, downloads and upload.

`router` is a FastAPI APIRouter; its handlers read `request.app.state.ctx` (`.rules`,
`.settings.lang`, `.store` or None). The router also serves the page's stylesheet, optional
script and icon at /static from this package (never a CDN: municipal networks are often
closed), so `app.include_router(router)` is all an app needs.
"""

from __future__ import annotations

from riskmodel.serve.web.findout import FindOut, find_out
from riskmodel.serve.web.views import STATIC_DIR, router

__all__ = ["STATIC_DIR", "FindOut", "find_out", "router"]
