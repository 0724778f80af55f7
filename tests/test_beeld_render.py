"""The picture as HTML, Markdown and JSON: self-contained, escaped, bilingual; and the HTML
rendered in headless Chromium (the charts and tables are there and visible, a screenshot is
kept as a test artifact)."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from beeld_support import D1, iv, pair
from model_copies import REPO

from riskmodel.beeld import collect, parse_neighbours, render_beeld
from riskmodel.model.ruleset import RuleSet

CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
#: where the browser test keeps its screenshot (gitignored build/)
ARTIFACTS = Path(os.environ.get("RISKMODEL_ARTIFACTS", REPO / "build" / "test-artifacts"))
EXTERNAL = re.compile(r"""(?:src|href|xlink:href)\s*=\s*["']?\s*(?:https?:)?//""", re.I)


def _region(r: RuleSet) -> list:  # type: ignore[type-arg]
    import datetime as dt

    later = D1 + dt.timedelta(days=90)
    pairs = []
    towns = {"Enschede": 14, "Hengelo": 9, "Almelo": 6, "Borne": 3}
    omg = ["T0", "T0", "T1", "T2", "T4", "T5", "T0"]
    for town, n in towns.items():
        for i in range(n):
            pairs.append(pair(
                r, f"{town.lower()}-{i}", town, district="Centrum" if i % 2 else None,
                levels={"omg": omg[i % len(omg)], "hennep_drugs": ["geen", "hoog"][i % 2]},
                interventions=[iv("sluiting_13b", ["aanbevolen", "juridisch_niet_mogelijk"][i % 2],
                                  {"woning_lokaal_of_erf": "niet_voldaan"} if i % 2 else {}),
                               iv("stopgesprek", "onvoldoende_gegevens",
                                  trigger="mogelijk", missing=["omg_groepssymbolen"])],
                missing={"omg": ["omg_groepssymbolen", "aangetroffen"]}))
    for i in range(6):  # Hengelo premises seen again later, higher
        pairs.append(pair(r, f"hengelo-{i}", "Hengelo", day=later,
                          levels={"omg": "T3", "hennep_drugs": "hoog"}))
    return pairs


def _render(r: RuleSet, fmt: str = "html", lang: str = "nl") -> str:
    neighbours = parse_neighbours("gemeente_a,gemeente_b\nEnschede,Hengelo\n")
    return render_beeld(collect(_region(r), r, neighbours=neighbours), fmt, lang, r)  # type: ignore[arg-type]


def test_html_has_no_external_reference_at_all(bundled_rules: RuleSet) -> None:
    html = _render(bundled_rules)
    assert not EXTERNAL.search(html)
    assert "http://" not in html and "https://" not in html
    assert "@import" not in html and "<script" not in html.lower() and "<link" not in html
    assert "<svg" in html and "<style>" in html and "@media print" in html


def test_html_escapes_names_and_ids(bundled_rules: RuleSet) -> None:
    r = bundled_rules
    evil = '<script>alert("x")</script> & \'Co\''
    pairs = [pair(r, f"p{i}", evil, levels={"omg": "T4"}) for i in range(6)]
    pairs += [pair(r, "p0", evil, day=D1.replace(year=2027), levels={"omg": "T5"})]
    html = render_beeld(collect(pairs, r), "html", "nl", r)
    assert "<script" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;Co&#x27;" in html
    md = render_beeld(collect(pairs, r), "markdown", "nl", r)
    assert evil.replace("|", "\\|") in md  # Markdown keeps text, tables stay intact


def test_markdown_and_json_hold_the_same_sections(bundled_rules: RuleSet) -> None:
    md = _render(bundled_rules, "markdown", "en")
    for title in ("# Regional undermining picture", "## Highest levels per municipality",
                  "## Levels per phenomenon", "## Instruments", "## Find out first",
                  "## Change between two dates", "## Waterbed signals", "Small numbers"):
        assert title in md
    data = json.loads(_render(bundled_rules, "json"))
    assert {"phenomena", "instruments", "missing_facts", "change", "waterbed",
            "suppression", "k"} <= set(data)
    # 32 profiles now; the 6 seen again later have no missing facts; ties go by id
    assert data["missing_facts"] == [{"id": "aangetroffen", "profiles": 26},
                                     {"id": "omg_groepssymbolen", "profiles": 26}]


def test_dutch_and_english_texts(bundled_rules: RuleSet) -> None:
    nl, en = _render(bundled_rules, "html", "nl"), _render(bundled_rules, "html", "en")
    assert "Regionaal ondermijningsbeeld" in nl and 'lang="nl"' in nl
    assert "Regional undermining picture" in en and 'lang="en"' in en
    assert "Kleine aantallen" not in en


def _browser_or_skip() -> str:
    """The chromium executable, or: fail under CI, say NOT RUN (skip with reason) elsewhere."""
    reason = None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        reason = "NOT RUN: python package playwright missing (pip install -e '.[test]')"
    exe = shutil.which("chromium")
    if reason is None and exe is None:
        reason = "NOT RUN: no chromium on PATH (Debian: apt-get install -y chromium)"
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(reason.replace("NOT RUN", "CI needs the browser test"))
        pytest.skip(reason)
    assert exe is not None
    return exe


def test_html_renders_in_headless_chromium(bundled_rules: RuleSet, tmp_path: Path) -> None:
    exe = _browser_or_skip()
    from playwright.sync_api import sync_playwright

    page_file = tmp_path / "beeld.html"
    page_file.write_text(_render(bundled_rules), encoding="utf-8")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "beeld.png"
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("request", lambda req: requests.append(req.url))
            page.goto(page_file.as_uri())
            heat = page.locator("svg.heatmap")
            assert heat.count() == 1 and heat.is_visible()
            box = heat.bounding_box()
            assert box is not None and box["width"] > 300 and box["height"] > 150
            assert page.locator("svg.heatmap rect.cell").count() >= 4 * 2
            assert page.locator("svg.bars").count() >= 2
            assert page.locator("svg.bars").first.is_visible()
            tables = page.locator("table")
            assert tables.count() >= 5 and tables.first.is_visible()
            assert page.locator("section#waterbed table").is_visible()
            assert "< 5" in page.locator("body").inner_text()
            page.screenshot(path=str(shot), full_page=True)
            page.emulate_media(media="print")
            assert not page.locator("nav").is_visible()  # the print layout hides navigation
        finally:
            browser.close()
    assert [u for u in requests if not u.startswith("file://")] == []
    assert shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")


def test_a_missing_browser_fails_under_ci_and_is_reported_not_run_elsewhere(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setenv("CI", "1")
    with pytest.raises(pytest.fail.Exception, match="CI needs the browser test"):
        _browser_or_skip()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="NOT RUN: no chromium on PATH"):
        _browser_or_skip()
