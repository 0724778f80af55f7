"""The printable HTML report: `riskmodel assess --format html` and `render(a, "html")`."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest

import riskmodel
from riskmodel.report.book import Book
from riskmodel.report.html import levels_svg, phenomenon_view

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "scenarios" / "profielen" / "voorbeeld.yaml"
EXE = Path(sys.executable).parent / "riskmodel"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "RISKMODEL_LANG"}
    return subprocess.run([str(EXE), *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300, env=env)


class Strict(HTMLParser):
    """Collects tags; fails on a tag closed that was never opened (a broken document)."""

    VOID: ClassVar[set[str]] = {"meta", "link", "br", "img", "input", "rect", "path"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()


def test_html_report_is_one_self_contained_printable_file() -> None:
    a = riskmodel.assess(str(EXAMPLE))
    html = riskmodel.render(a, "html")
    p = Strict()
    p.feed(html)
    assert p.stack == []
    tags = {t for t, _ in p.tags}
    assert "svg" in tags and "table" in tags
    assert not tags & {"script", "link", "img", "iframe"}  # nothing to load, nothing to run
    assert all(not v or not v.startswith("http") for _, attrs in p.tags
               for k, v in attrs.items() if k in ("src",))
    for ph in a.phenomena:
        assert f"<th scope=\"row\">{riskmodel.load_rules().phenomena[ph.id].label.nl}" in \
            html.replace("&#x27;", "'").replace("&#39;", "'")
    assert "niet geverifieerd" in html  # the example cites unverified sources
    assert a.receipt.rules_sha256 in html and a.receipt.profile_sha256 in html


def test_chart_draws_certain_and_possible_levels_per_phenomenon() -> None:
    a = riskmodel.assess(str(EXAMPLE))
    rules = riskmodel.load_rules()
    book = Book(a, rules)
    views = [phenomenon_view(ph, book, "nl") for ph in a.phenomena]
    svg = levels_svg(views, "nl")
    assert svg.count("<rect") == 3 * len(views)
    omg = next(v for v in views if v.id == "omg")
    assert (omg.level, omg.possible) == ("T3", "T5")
    # T3 of T0..T5: the dark bar is 3/5 of the track
    widths = [float(w) for w in re.findall(r'width="([\d.]+)" height="18" fill="#1d4f7c"', svg)]
    track = float(re.search(r'width="([\d.]+)" height="18" fill="#eef1f4"', svg).group(1))
    assert widths[[v.id for v in views].index("omg")] == pytest.approx(track * 3 / 5, abs=0.1)
    assert "style=" not in svg  # allowed inline under the page's CSP


def test_text_is_escaped() -> None:
    profile = {"id": "esc", "soort": "gemeente", "gemeente": "'s-Hertogenbosch",
               "peildatum": "2024-01-01", "omschrijving": "<b>niet vet</b>"}
    html = riskmodel.render(riskmodel.assess(profile), "html")
    assert "'s-Hertogenbosch" not in html and "&#x27;s-Hertogenbosch" in html


def test_english_report() -> None:
    html = riskmodel.render(riskmodel.assess(str(EXAMPLE)), "html", lang="en")
    assert '<html lang="en">' in html and "Interventions (least intrusive first)" in html


def test_cli_writes_the_html_report(tmp_path: Path) -> None:
    out = tmp_path / "rapport.html"
    r = run("assess", str(EXAMPLE), "--format", "html", "--output", str(out))
    assert r.returncode == 0, r.stderr
    assert out.read_text(encoding="utf-8") == riskmodel.render(riskmodel.assess(str(EXAMPLE)),
                                                                "html")
    # several profiles into a directory: one .html file each
    inputs = tmp_path / "in"
    inputs.mkdir()
    text = EXAMPLE.read_text(encoding="utf-8")
    (inputs / "a.yaml").write_text(text, encoding="utf-8")
    (inputs / "b.yaml").write_text(text.replace("id: voorbeeld-clubhuis-bedrijventerrein",
                                                "id: tweede"), encoding="utf-8")
    r = run("assess", str(inputs), "--format", "html", "--output", str(tmp_path / "uit"))
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in (tmp_path / "uit").iterdir()) == [
        "tweede.html", "voorbeeld-clubhuis-bedrijventerrein.html"]


def test_cli_explain_as_html() -> None:
    r = run("assess", str(EXAMPLE), "--explain", "handhaving_bestemmingsplan", "--format", "html")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("<!DOCTYPE html>") and 'class="node node-feit' in r.stdout
