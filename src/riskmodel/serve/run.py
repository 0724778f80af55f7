"""Starting the server from the command line: refuse unsafe binds, then run uvicorn."""

from __future__ import annotations

import sys
from pathlib import Path

from riskmodel.messages import t
from riskmodel.serve.app import create_app
from riskmodel.serve.security import check_bind, read_token_file
from riskmodel.serve.settings import ServeSettings


def serve(settings: ServeSettings) -> None:
    """Blocks until stopped (Ctrl+C or SIGTERM)."""
    import uvicorn

    check_bind(settings.host, settings.token)
    app = create_app(settings)
    print(t("serve.started", settings.lang, host=settings.host, port=settings.port),
          file=sys.stderr, flush=True)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning",
                server_header=False, proxy_headers=False)


def serve_settings(*, rules: Path | None, db: str, host: str, port: int, token: str | None,
                   token_file: Path | None, lang: str) -> ServeSettings:
    """Settings from the command line; a token file is read here, once."""
    if token_file is not None:
        token = read_token_file(token_file)
    check_bind(host, token)
    return ServeSettings(rules_dir=rules, db=db, host=host, port=port, token=token, lang=lang)
