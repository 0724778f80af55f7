"""The committed model reference must be exactly what the current rules generate."""

from __future__ import annotations

from pathlib import Path

from model_copies import BUNDLED_RULES, DOCS, MINI

from riskmodel import load_rules
from riskmodel.docgen import generate, stale_files, write_docs


def test_generated_model_docs_are_up_to_date() -> None:
    pages = generate(load_rules(BUNDLED_RULES))
    stale = stale_files(pages, DOCS / "model")
    assert not stale, f"verouderd: {stale}; draai 'riskmodel docs' en commit docs/model/"


def test_stale_detection_can_fail(tmp_path: Path) -> None:
    pages = generate(load_rules(MINI))
    write_docs(pages, tmp_path)
    assert stale_files(pages, tmp_path) == []
    (tmp_path / "feiten.md").write_text("met de hand gewijzigd\n", encoding="utf-8")
    orphan = pages["index.md"].splitlines()[0] + "\n# oude pagina\n"
    (tmp_path / "oud.md").write_text(orphan, encoding="utf-8")
    (tmp_path / "eigen-notities.md").write_text("# handgeschreven\n", encoding="utf-8")
    assert stale_files(pages, tmp_path) == ["feiten.md", "oud.md"]
    # regenerating removes the generated orphan but never a hand-written page
    write_docs(pages, tmp_path)
    assert not (tmp_path / "oud.md").exists()
    assert (tmp_path / "eigen-notities.md").read_text(encoding="utf-8") == "# handgeschreven\n"


def test_every_intervention_page_cites_its_legal_basis() -> None:
    rules = load_rules(BUNDLED_RULES)
    text = (DOCS / "model" / "interventies.md").read_text(encoding="utf-8")
    for iv in rules.interventions.values():
        assert f"(`{iv.id}`)" in text
        for basis in iv.legal_basis:
            assert basis.cite() in text
