"""The workbench in a real browser: the system Chromium driven by Playwright.

The page is served by uvicorn on 127.0.0.1 (a free port) in a thread, under the strict
Content-Security-Policy the server sends (script-src 'self', no inline styles), so a page that
needed an inline script or style would break here. Screenshots are kept in
build/test-artifacts/. Chromium is the Debian package `chromium` (Playwright never downloads a
browser here); without it these tests are skipped with the reason, except in CI (CI set),
where a missing browser is a failure.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the workbench needs the serve extra: pip install -e '.[serve]'")
pytest.importorskip("playwright", reason="browser tests need playwright: pip install -e '.[test]'")

import uvicorn
from fastapi import FastAPI
from playwright.sync_api import Browser, Page, expect, sync_playwright
from starlette.requests import Request
from starlette.responses import Response
from test_web_pages import OMG_DEFINITION, FakeStore, make_app

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "build" / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
#: what riskmodel serve sends; here so the page is tested under it
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

# a shared, busy CI machine: give every expectation time, never a fixed sleep
expect.set_options(timeout=20_000)

if CHROMIUM is None:
    if os.environ.get("CI"):
        raise RuntimeError("CI: the browser tests need the Debian package 'chromium' "
                           "(apt-get install -y chromium)")
    pytest.skip("no system Chromium (install the Debian package 'chromium' to run the "
                "browser tests)", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _with_csp(app: FastAPI) -> FastAPI:
    """What riskmodel serve's security layer does to the page: a strict CSP, no referrer,
    and POSTs refused unless their Origin is this server (a browser sends "Origin: null"
    under a no-referrer policy unless the page says otherwise)."""
    @app.middleware("http")
    async def csp(request: Request, call_next: Any) -> Response:
        if request.method == "POST":
            origin = request.headers.get("origin")
            if origin is not None and origin != f"http://{request.headers.get('host')}":
                return Response(f"cross-origin POST refused: {origin}", status_code=403)
        response: Response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    return app


def _store_app(tmp: Path) -> FastAPI:
    """`riskmodel serve`'s own app (its security layer and a SQLite case store) when this
    checkout has it; otherwise the page alone over an in-memory store, under the same rules."""
    if importlib.util.find_spec("riskmodel.serve.app") is None:
        return _with_csp(make_app(FakeStore()))
    from riskmodel.serve.app import create_app  # type: ignore[import-not-found,unused-ignore]
    from riskmodel.serve.settings import ServeSettings  # type: ignore[import-not-found,unused-ignore]

    app: FastAPI = create_app(ServeSettings(db=str(tmp / "zaken.db")))
    return app


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Two servers: one with a case store (the analyst's usual set-up), one without."""
    running: list[tuple[uvicorn.Server, threading.Thread]] = []
    urls: dict[str, str] = {}
    apps = {"store": _store_app(tmp_path_factory.mktemp("serve")),
            "plain": _with_csp(make_app(None))}
    for name, app in apps.items():
        port = _free_port()
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                               log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 30
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.started, "uvicorn did not start"
        running.append((server, thread))
        urls[name] = f"http://127.0.0.1:{port}"
    yield urls
    for server, thread in running:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def watch(page: Page) -> list[str]:
    """Console errors and CSP violations of a page (there should be none)."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400
            else None)
    return problems


def create_event_case(page: Page, base: str) -> None:
    page.goto(base + "/")
    page.get_by_label("evenement").check()
    page.get_by_label("Gemeente", exact=True).fill("Cuijk")
    page.get_by_label("Peildatum").fill("2013-08-01")
    page.get_by_role("button", name="Zaak aanmaken").click()
    page.wait_for_load_state()


def answer_yes(page: Page, fact: str) -> None:
    page.locator(f"#fact-{fact}").get_by_label("ja", exact=True).check()


def test_event_case_with_javascript(servers: dict[str, str], browser: Browser) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    problems = watch(page)
    page.goto(servers["store"] + "/")
    page.screenshot(path=str(ARTIFACTS / "01-start.png"))
    create_event_case(page, servers["store"])
    expect(page).to_have_url(re.compile(re.escape(servers["store"]) + r"/zaak/[0-9a-z]+$"))
    case_url = page.url
    expect(page.locator("h1")).to_contain_text("evenement, Cuijk")
    # nothing known: OMG is T0, the event-permit instruments are only 'possibly' relevant
    expect(page.locator("#ph-omg")).to_have_count(0)
    maybe = page.locator("#result details.maybe")
    expect(maybe.locator("#iv-evenement_voorschriften")).to_have_count(1)
    expect(maybe.locator("#iv-evenement_voorschriften")).to_have_attribute(
        "data-status", "onvoldoende_gegevens")
    page.screenshot(path=str(ARTIFACTS / "02-nieuwe-zaak-evenement.png"))

    # the OMG definition first (one answer by keyboard only), then the presence indicator
    page.locator(f"#f__{OMG_DEFINITION[0]}-ja").focus()
    page.keyboard.press("Space")
    for fact in OMG_DEFINITION[1:]:
        answer_yes(page, fact)
    answer_yes(page, "omg_waarnemingen")
    expect(page.locator("#ph-omg")).to_have_attribute("data-level", "T1")
    expect(page.locator("#live-status")).to_contain_text("nog niet opgeslagen")

    # the event: a permit is applied for and OMG participation is expected
    answer_yes(page, "evenement_vergunning_aangevraagd")
    answer_yes(page, "omg_deelname_evenement_verwacht")
    certain = page.locator("#result section > #iv-evenement_voorschriften")
    expect(certain).to_have_count(1)
    expect(page.locator("#result section > #iv-evenement_weigering")).to_have_count(1)
    page.locator("#iv-evenement_voorschriften").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "03-definitie-ingevuld-live.png"))

    # saving: POST, redirect, the saved version with the same result
    page.get_by_role("button", name="Opslaan en beoordelen").click()
    expect(page).to_have_url(case_url + "?opgeslagen=2")
    expect(page.get_by_role("status").first).to_contain_text("versie 2")
    expect(page.locator("#ph-omg")).to_have_attribute("data-level", "T1")
    status = page.locator("#iv-evenement_weigering").get_attribute("data-status")
    assert status in ("onvoldoende_gegevens", "juridisch_niet_mogelijk")

    # why: the refusal's reasoning down to the facts and the (partly unverified) sources
    page.locator("#iv-evenement_weigering .iv-why a").click()
    expect(page.locator("h1")).to_contain_text("Waarom")
    expect(page.locator(".node-feit").first).to_be_visible()
    expect(page.locator(".node-bron").first).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "04-waarom-weigering.png"), full_page=True)
    page.go_back()

    # the printable report
    with page.expect_download() as info:
        page.get_by_role("link", name="Rapport om te printen (HTML)").click()
    report = ARTIFACTS / "rapport.html"
    info.value.save_as(report)
    html = report.read_text(encoding="utf-8")
    assert "<svg" in html and "T1" in html and "Evenementenvergunning" in html
    view = context.new_page()
    view.goto(report.as_uri())
    view.screenshot(path=str(ARTIFACTS / "05-rapport.png"), full_page=True)
    assert problems == []
    context.close()


def test_event_case_without_javascript(servers: dict[str, str], browser: Browser) -> None:
    context = browser.new_context(java_script_enabled=False,
                                  viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    create_event_case(page, servers["plain"])
    expect(page).to_have_url(re.compile(r".*/concept/[A-Za-z0-9_-]+$"))
    for fact in [*OMG_DEFINITION, "omg_waarnemingen", "evenement_vergunning_aangevraagd",
                 "omg_deelname_evenement_verwacht"]:
        answer_yes(page, fact)
    # without the script nothing changes until the form is sent
    expect(page.locator("#ph-omg")).to_have_count(0)
    page.get_by_role("button", name="Beoordelen").click()
    expect(page.locator("#ph-omg")).to_have_attribute("data-level", "T1")
    expect(page.locator("#result section > #iv-evenement_voorschriften")).to_have_count(1)
    page.locator("#result").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "06-zonder-javascript.png"))
    page.locator("#ph-omg > td > a.why").click()
    expect(page.locator("h1")).to_contain_text("Outlaw motorcycle gangs")
    context.close()


def test_english_and_keyboard_focus_is_visible(servers: dict[str, str],
                                               browser: Browser) -> None:
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    page.goto(servers["plain"] + "/?lang=en")
    expect(page.get_by_role("heading", name="New case")).to_be_visible()
    page.keyboard.press("Tab")  # the skip link comes first
    expect(page.locator("a.skip")).to_be_focused()
    outline = page.locator("a.skip").evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline != "none"
    page.screenshot(path=str(ARTIFACTS / "07-english-start.png"))
    page.close()
