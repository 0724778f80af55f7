"""Who may talk to the server, and what every response says about itself.

* Binds to loopback by default; any other address needs a token (`check_bind`), since the
  store holds case data that must not be reachable from the network unauthenticated.
* With a token, every request carries it: `Authorization: Bearer <token>` (programs) or the
  cookie the login form sets (browsers). Compared in constant time.
* Unsafe methods from another origin are refused (CSRF); the cookie is also SameSite=Strict.
* A strict Content-Security-Policy and friends on every response; no CORS headers at all, so
  browsers keep other sites' scripts out.
* Request bodies are bounded before anything parses them (413).
"""

from __future__ import annotations

import hashlib
import hmac
import html
import ipaddress
import logging
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from riskmodel.errors import UserInputError, msg
from riskmodel.messages import LANGS, t
from riskmodel.serve.problems import diagnostic, problem_response
from riskmodel.serve.settings import ServeSettings

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),  # no-referrer makes browsers send Origin: null on own forms
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
COOKIE = "riskmodel_sessie"
MIN_TOKEN_LENGTH = 16
LOGIN_PATH = "/login"
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_LOG = logging.getLogger("riskmodel.serve")


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "ip6-localhost", "ip6-loopback"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse to start reachable from the network without a token (or with a guessable one)."""
    if token is not None and len(token) < MIN_TOKEN_LENGTH:
        raise UserInputError([diagnostic("token", msg("serve.token_short", n=len(token),
                                                      min=MIN_TOKEN_LENGTH),
                                         code="range", file="<argument>")])
    if token is None and not is_loopback(host):
        raise UserInputError([diagnostic("host", msg("serve.bind_needs_token", host=host),
                                         code="inconsistent", file="<argument>")])


def read_token_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise UserInputError([diagnostic("token_file", msg("serve.token_file",
                                                           error=type(exc).__name__),
                                         code="unreadable", file=str(path))]) from None


def session_value(token: str) -> str:
    """The login cookie: derived from the token, so the token itself never sits in a cookie."""
    return hmac.new(token.encode(), b"riskmodel-session-v1", hashlib.sha256).hexdigest()


def token_ok(token: str, headers: dict[str, str]) -> bool:
    auth = headers.get("authorization", "")
    if auth[:7].lower() == "bearer " and hmac.compare_digest(auth[7:].strip().encode(),
                                                              token.encode()):
        return True
    cookie = _cookies(headers.get("cookie", "")).get(COOKIE)
    return cookie is not None and hmac.compare_digest(cookie.encode(),
                                                      session_value(token).encode())


def _cookies(header: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in header.split(";"):
        name, _, value = part.strip().partition("=")
        if name:
            out[name] = value
    return out


def request_lang(scope: Scope, default: str) -> str:
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    lang = (query.get("lang") or [default])[0]
    return lang if lang in LANGS else default


class _TooLarge(Exception):
    pass


class SecurityMiddleware:
    """Headers, token, same-origin and body size, before any route sees the request."""

    def __init__(self, app: ASGIApp, settings: ServeSettings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = False

        async def send_secure(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.lower() not in _OWN_HEADERS]
                message = {**message, "headers": headers + SECURITY_HEADERS}
            await send(message)

        lang = request_lang(scope, self.settings.lang)
        try:
            await self._guarded(scope, receive, send_secure, lang)
        except Exception:
            # an internal failure: logged here with its traceback, answered as a problem with
            # no details (and with the security headers, which an outer handler would lack)
            _LOG.exception("internal error on %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            await problem_response(500, [diagnostic("request", msg("serve.internal"),
                                                    code="internal")], lang)(
                scope, receive, send_secure)

    async def _guarded(self, scope: Scope, receive: Receive, send_secure: Send,
                       lang: str) -> None:
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])}
        refusal = self._refusal(scope, headers, lang)
        if refusal is not None:
            await refusal(scope, receive, send_secure)
            return
        if scope["method"] in _SAFE_METHODS:
            await self.app(scope, receive, send_secure)
            return
        limit = self.settings.max_body_bytes
        too_large = problem_response(413, [diagnostic("body", msg("serve.body_too_large",
                                                                  max=limit), code="too-large")],
                                     lang)
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > limit:
            await too_large(scope, receive, send_secure)
            return
        try:
            body = await _read_body(receive, limit)
        except _TooLarge:
            await too_large(scope, receive, send_secure)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send_secure)

    def _refusal(self, scope: Scope, headers: dict[str, str], lang: str) -> ASGIApp | None:
        token = self.settings.token
        path = scope.get("path", "")
        if token is not None and path != LOGIN_PATH and not token_ok(token, headers):
            if scope["method"] == "GET" and "text/html" in headers.get("accept", ""):
                return RedirectResponse(LOGIN_PATH, status_code=303)
            return problem_response(401, [diagnostic("authorization",
                                                     msg("serve.unauthorized"),
                                                     code="invalid")], lang,
                                    headers={"WWW-Authenticate": "Bearer"})
        if scope["method"] not in _SAFE_METHODS:
            origin = headers.get("origin")
            cross = headers.get("sec-fetch-site") == "cross-site"
            if cross or (origin is not None and not _same_origin(origin, headers.get("host"))):
                return problem_response(403, [diagnostic(
                    "origin", msg("serve.cross_origin", origin=(origin or "?")[:80]),
                    code="invalid")], lang)
        return None


_OWN_HEADERS = frozenset(name for name, _ in SECURITY_HEADERS)


def _same_origin(origin: str, host: str | None) -> bool:
    if origin == "null" or host is None:
        return False
    return urlsplit(origin).netloc.lower() == host.lower()


async def _read_body(receive: Receive, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise _TooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


# ---- the login form: a browser's way to present the token --------------------------------

login_router = APIRouter(include_in_schema=False)


def _login_page(lang: str, wrong: bool) -> str:
    error = f'<p role="alert">{html.escape(t("serve.login.wrong", lang))}</p>' if wrong else ""
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<title>{html.escape(t("serve.login.title", lang))} - riskmodel</title></head>'
            f'<body><main><h1>{html.escape(t("serve.login.title", lang))}</h1>{error}'
            f'<form method="post" action="{LOGIN_PATH}?lang={lang}">'
            f'<label for="token">{html.escape(t("serve.login.token", lang))}</label> '
            '<input id="token" name="token" type="password" autocomplete="current-password" '
            'required> '
            f'<button type="submit">{html.escape(t("serve.login.submit", lang))}</button>'
            '</form></main></body></html>')


@login_router.get(LOGIN_PATH)
async def login_form(request: Request) -> Response:
    lang = request_lang(request.scope, _settings(request).lang)
    return HTMLResponse(_login_page(lang, wrong=False))


@login_router.post(LOGIN_PATH)
async def login(request: Request) -> Response:
    settings = _settings(request)
    lang = request_lang(request.scope, settings.lang)
    if settings.token is None:
        return RedirectResponse("/", status_code=303)
    form = parse_qs((await request.body()).decode("utf-8", "replace"))
    given = (form.get("token") or [""])[0]
    if not hmac.compare_digest(given.encode(), settings.token.encode()):
        return HTMLResponse(_login_page(lang, wrong=True), status_code=401)
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(COOKIE, session_value(settings.token), httponly=True,
                        samesite="strict", path="/")
    return response


def _settings(request: Request) -> ServeSettings:
    ctx: Any = request.app.state.ctx
    settings: ServeSettings = ctx.settings
    return settings
