"""The ASGI application: API, login, offline docs and (when present) the web pages.

`create_app` loads and checks the model and opens the case store once; every handler reads
them from `request.app.state.ctx`. Errors of any kind leave as problem+json.
"""

from __future__ import annotations

import gc
import html
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import HTMLResponse, Response

from riskmodel._version import __version__
from riskmodel.api import load_rules
from riskmodel.errors import UserInputError, msg
from riskmodel.messages import t
from riskmodel.serve.api_v1 import router as api_router
from riskmodel.serve.context import ServeContext
from riskmodel.serve.problems import Problem, diagnostic, problem_response
from riskmodel.serve.security import SecurityMiddleware, login_router, request_lang
from riskmodel.serve.settings import ServeSettings
from riskmodel.serve.web import router as web_router
from riskmodel.store import CaseStore, StoreError

__all__ = ["ServeSettings", "create_app"]


def open_context(settings: ServeSettings) -> ServeContext:
    rules = load_rules(settings.rules_dir)
    try:
        store = CaseStore(settings.db)
    except StoreError as exc:
        raise UserInputError([diagnostic("db", msg("serve.store", error=str(exc)[:200]),
                                         code="unreadable", file="<argument>")]) from None
    return ServeContext(settings, rules, store)


def create_app(settings: ServeSettings) -> FastAPI:
    ctx = open_context(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # A long-running process, like the CLI after loading: the model's objects leave the
        # collector's generations, so full collections do not walk them again (the p99).
        gc.collect()
        gc.freeze()
        yield
        ctx.store.close()

    app = FastAPI(title="riskmodel", version=__version__, lifespan=lifespan,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json",
                  description="The OMG risk model and ondermijning indicators over HTTP: "
                              "assess profiles, explain outcomes, keep cases. Errors are "
                              "application/problem+json (RFC 9457) with riskmodel diagnostics.")
    app.state.ctx = ctx
    app.add_middleware(SecurityMiddleware, settings=settings)
    _problem_handlers(app, settings)
    app.include_router(api_router)
    app.include_router(login_router)

    @app.get("/docs", include_in_schema=False)
    async def docs(request: Request) -> Response:
        return HTMLResponse(docs_page(app.openapi(), request_lang(request.scope,
                                                                  settings.lang)))

    app.include_router(web_router)
    return app


def docs_page(openapi: dict[str, Any], lang: str) -> str:
    """The API reference without Swagger UI: Swagger loads from a CDN, and municipal networks
    are often closed. A plain list of endpoints, and the OpenAPI JSON for tools."""
    rows = []
    for path, ops in sorted(openapi.get("paths", {}).items()):
        for method, op in ops.items():
            params = ", ".join(p["name"] for p in op.get("parameters", [])
                               if p.get("in") == "query")
            rows.append(f"<tr><td><code>{method.upper()}</code></td><td><code>"
                        f"{html.escape(path)}</code></td><td>{html.escape(op.get('summary', ''))}"
                        f"</td><td>{html.escape(params)}</td></tr>")
    title = html.escape(t("serve.docs.title", lang))
    intro = t("serve.docs.intro", lang, link='<a href="/openapi.json">/openapi.json</a>')
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{title}</title></head><body><main><h1>{title}</h1><p>{intro}</p>"
            "<table><thead><tr><th>method</th><th>path</th><th></th><th>query</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></main></body></html>")


def _problem_handlers(app: FastAPI, settings: ServeSettings) -> None:
    def lang_of(request: Request) -> str:
        return request_lang(request.scope, settings.lang)

    async def on_problem(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Problem)
        return problem_response(exc.status, exc.diagnostics, lang_of(request), exc.headers)

    async def on_user_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, UserInputError)
        return problem_response(422, exc.diagnostics, lang_of(request))

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        if exc.status_code == 404:
            d = diagnostic("path", msg("serve.not_found"), code="not-found")
        elif exc.status_code == 405:
            d = diagnostic("method", msg("serve.method", method=request.method[:10]), code="invalid")
        else:
            d = diagnostic("request", msg("serve.bad_param", name="request",
                                          value=str(exc.detail)[:80]), code="invalid")
        return problem_response(exc.status_code, [d], lang_of(request),
                                dict(exc.headers or {}))

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        diags = [diagnostic("/".join(str(p) for p in e.get("loc", ())),
                            msg("serve.bad_param",
                                name="/".join(str(p) for p in e.get("loc", ()))[:60],
                                value=str(e.get("msg", ""))[:80]), code="type")
                 for e in exc.errors()[:20]]
        return problem_response(422, diags, lang_of(request))

    app.add_exception_handler(Problem, on_problem)
    app.add_exception_handler(UserInputError, on_user_error)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    # anything else is answered (and logged) by SecurityMiddleware as a 500 problem
