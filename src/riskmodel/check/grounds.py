"""Non-discrimination: no fact, value or indicator may be about a protected ground.

A risk model that weighs nationality, origin, religion or where someone's community lives
selects people for what they are, not for what happens in a situation (the Dutch childcare
benefits scandal). The grounds and their words are data (check/data/beschermde_gronden.yaml,
docs/non-discriminatie.md), a region adds words in its model.yaml (`beschermde_gronden:`),
and an item that must name such a ground to protect victims (e.g. labour migrants in
labour exploitation) says so with `slachtofferbescherming: {toelichting: ...}`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from riskmodel.errors import Diagnostic, msg
from riskmodel.load.yamlsource import read_source
from riskmodel.model.common import Label
from riskmodel.model.ruleset import RuleSet

GROUNDS_FILE = "beschermde_gronden.yaml"
_WORDS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Term:
    """One term: its words, each possibly open at the start (`*migranten`) or end
    (`nationalit*`), matched against consecutive words of an id or label."""

    text: str
    words: tuple[tuple[str, bool, bool], ...]  # (word, open start, open end)

    @classmethod
    def parse(cls, text: str) -> Term:
        words = []
        for raw in text.lower().split():
            words.append((raw.strip("*"), raw.startswith("*"), raw.endswith("*")))
        return cls(text, tuple(words))

    def matches(self, words: list[str]) -> bool:
        n = len(self.words)
        for i in range(len(words) - n + 1):
            if all(_word_matches(words[i + k], *self.words[k]) for k in range(n)):
                return True
        return False


def _word_matches(word: str, term: str, open_start: bool, open_end: bool) -> bool:
    if open_start and open_end:
        return term in word
    if open_start:
        return word.endswith(term)
    if open_end:
        return word.startswith(term)
    return word == term


@dataclass(frozen=True)
class Ground:
    id: str
    label: Label | None
    terms: tuple[Term, ...]


def _data_path() -> Path:
    return Path(str(resources.files("riskmodel.check") / "data" / GROUNDS_FILE))


def bundled_grounds() -> dict[str, Ground]:
    """The grounds shipped with riskmodel (read with the safe YAML loader)."""
    doc = read_source(_data_path())
    out: dict[str, Ground] = {}
    for ground_id, entry in (doc.data or {}).get("gronden", {}).items():
        terms = [t for lang in ("nl", "en") for t in entry.get("termen", {}).get(lang, [])]
        label = Label.model_validate(entry["label"]) if "label" in entry else None
        out[ground_id] = Ground(ground_id, label, tuple(Term.parse(t) for t in terms))
    return out


def model_grounds(rules: RuleSet) -> dict[str, Ground]:
    """The bundled grounds plus the terms the model and each of its bases add."""
    grounds = bundled_grounds()
    model: RuleSet | None = rules
    while model is not None:
        for ground_id, extra in model.manifest.protected_grounds.items():
            known = grounds.get(ground_id)
            terms = (*(known.terms if known else ()), *(Term.parse(t) for t in extra))
            grounds[ground_id] = Ground(ground_id, known.label if known else None, terms)
        model = model.base
    return grounds


def words_of(*texts: str | Label | None) -> list[list[str]]:
    """Each text (an id, a label in each language) as its lower-case words."""
    out: list[list[str]] = []
    for text in texts:
        if isinstance(text, Label):
            out += [_WORDS.findall(text.nl.lower()), _WORDS.findall(text.en.lower())]
        elif text:
            out.append(_WORDS.findall(text.lower()))
    return out


def find_ground(grounds: Iterable[Ground], texts: list[list[str]]) -> tuple[str, str] | None:
    """The first (ground, term) any of the texts touches."""
    for ground in grounds:
        for term in ground.terms:
            if any(term.matches(words) for words in texts):
                return ground.id, term.text
    return None


@dataclass(frozen=True)
class Finding:
    section: str
    item_id: str
    what: str  # fact | value | indicator
    subject: str
    sub: tuple[str | int, ...]
    ground: str
    term: str
    justified: bool


def findings(rules: RuleSet) -> Iterator[Finding]:
    """Every item that touches a protected ground, justified or not."""
    grounds = list(model_grounds(rules).values())
    for fact in rules.facts.values():
        fact_ok = fact.victim_protection is not None
        hit = find_ground(grounds, words_of(fact.id, fact.label))
        if hit:
            yield Finding("feiten", fact.id, "fact", fact.id, (), *hit, fact_ok)
        for i, value in enumerate(fact.allowed_values or []):
            hit = find_ground(grounds, words_of(value.id, value.label))
            if hit:
                yield Finding("feiten", fact.id, "value", f"{fact.id}.{value.id}",
                              ("waarden", i), *hit,
                              fact_ok or value.victim_protection is not None)
    for ind in rules.indicators.values():
        hit = find_ground(grounds, words_of(ind.id, ind.label))
        if hit:
            yield Finding("indicatoren", ind.id, "indicator", ind.id, (), *hit,
                          ind.victim_protection is not None)


def ground_diagnostics(rules: RuleSet) -> tuple[list[Diagnostic], int]:
    """Errors for unjustified items; the number of justified (victim-protection) ones."""
    out: list[Diagnostic] = []
    justified = 0
    for f in findings(rules):
        if f.justified:
            justified += 1
            continue
        doc, loc = rules.origins[(f.section, f.item_id)]
        out.append(doc.diagnostic(
            (*loc, *f.sub),
            msg("check.protected_ground", what=msg(f"check.ground_what.{f.what}"), id=f.subject,
                ground=f.ground, term=f.term),
            code="protected-ground", expected=msg("exp.victim_protection")))
    return out, justified
