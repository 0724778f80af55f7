"""CSRF protection for every form: a double-submit token.

Each browser gets a random token in a cookie (SameSite=Strict, HttpOnly) the first time it
loads a page; every form carries the same token in a hidden field. Another site can make a
browser send the cookie (SameSite aside) but cannot read it, so it cannot put the matching
value in the form: a POST whose field is missing or differs is refused with 403. No server
state is needed, so this works the same behind one process or several.
"""

from __future__ import annotations

import hmac
import secrets

from starlette.requests import Request
from starlette.responses import Response

COOKIE = "rm_csrf"
FIELD = "csrf"


def token_for(request: Request) -> tuple[str, bool]:
    """The browser's token, and whether it is new (and must be set as a cookie)."""
    current = request.cookies.get(COOKIE)
    if current and 20 <= len(current) <= 100 and current.isascii():
        return current, False
    return secrets.token_urlsafe(32), True


def set_cookie(response: Response, token: str) -> None:
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/")


def valid(request: Request, submitted: object) -> bool:
    cookie = request.cookies.get(COOKIE)
    if not cookie or not isinstance(submitted, str) or not submitted:
        return False
    return hmac.compare_digest(cookie.encode(), submitted.encode())
