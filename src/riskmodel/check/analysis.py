"""Static analysis of a compiled model, in the spirit of Catala and DMN table analysis.

Questions a reviewer would ask of the rules, answered by exhaustive search over the values
that matter (every constant a condition compares with, one step either side, and 'unknown'):
- can this indicator ever be hit, and can it ever be not hit?
- can this instrument ever come up (its trigger ever be true or undecided)?
- can this legal gate ever fail while the instrument is on the table? If it cannot, the trigger
  already demands what the gate tests, and its legal reason is never shown to anyone.
Indicator and level references are free variables here (an over-approximation), so a warning
means "impossible for every combination", never a guess.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from riskmodel.compile.compiler import compile_model
from riskmodel.compile.ir import And, Atom, IndRef, LevelRef, Node, Not, Or
from riskmodel.errors import Diagnostic, msg
from riskmodel.evaluate.kleene import Derived, Tri, evaluate
from riskmodel.model.ruleset import RuleSet

#: beyond this many combinations a question is skipped (and counted as not analysed)
MAX_COMBINATIONS = 20_000
_ABSENT = object()
_OTHER = "\x00anders"


@dataclass
class AnalysisResult:
    diagnostics: list[Diagnostic]
    questions: int
    skipped: int


def _nodes(node: Node) -> Iterator[Node]:
    yield node
    if isinstance(node, And | Or):
        for c in node.children:
            yield from _nodes(c)
    elif isinstance(node, Not):
        yield from _nodes(node.child)


def _domains(nodes: list[Node], levels: dict[str, int]) -> list[tuple[str, list[object]]]:
    consts: dict[str, set[object]] = {}
    inds: set[str] = set()
    lvls: dict[str, set[int]] = {}
    for root in nodes:
        for n in _nodes(root):
            if isinstance(n, Atom):
                vals = consts.setdefault(n.attr, set())
                if n.op == "known":
                    vals.add(1)
                elif isinstance(n.value, tuple):
                    vals.update(n.value)
                elif n.value is not None:
                    vals.add(n.value)
            elif isinstance(n, IndRef):
                inds.add(n.indicator)
            elif isinstance(n, LevelRef):
                lvls.setdefault(n.phenomenon, set()).add(n.rank)
    out: list[tuple[str, list[object]]] = []
    for attr, vals in sorted(consts.items()):
        cand: set[object] = set()
        for v in vals:
            if isinstance(v, int) and not isinstance(v, bool):
                cand.update({v - 1, v, v + 1})
            else:
                cand.add(v)
        if all(isinstance(v, str) for v in vals):
            cand.add(_OTHER)
        out.append((attr, [*sorted(cand, key=repr), _ABSENT]))
    for ind in sorted(inds):
        out.append((f"ind:{ind}", [Tri.TRUE, Tri.FALSE, Tri.UNKNOWN]))
    for ph, ranks in sorted(lvls.items()):
        points = sorted({max(0, r - 1) for r in ranks} | ranks | {0, levels[ph] - 1})
        pairs = [(c, p) for c in points for p in points if c <= p]
        out.append((f"lvl:{ph}", list(pairs)))
    return out


def _assignments(domains: list[tuple[str, list[object]]]) -> Iterator[tuple[dict[str, int | str],
                                                                            Derived]]:
    names = [n for n, _ in domains]
    for combo in itertools.product(*(vals for _, vals in domains)):
        env: dict[str, int | str] = {}
        derived = Derived()
        for name, value in zip(names, combo, strict=True):
            if name.startswith("ind:"):
                assert isinstance(value, Tri)
                derived.indicators[name[4:]] = value
            elif name.startswith("lvl:"):
                assert isinstance(value, tuple)
                derived.levels[name[4:]] = value
            elif value is not _ABSENT:
                env[name] = value  # type: ignore[assignment]
        yield env, derived


def _size(domains: list[tuple[str, list[object]]]) -> int:
    total = 1
    for _, vals in domains:
        total *= len(vals)
    return total


def analyse(rules: RuleSet, day: dt.date) -> AnalysisResult:
    compiled = compile_model(rules, day)
    levels = {p.id: len(p.levels) for p in compiled.phenomena.values()}
    diags: list[Diagnostic] = []
    questions = skipped = 0

    def warn(section: str, item_id: str, key: str, **params: Any) -> None:
        doc, loc = rules.origins[(section, item_id)]
        diags.append(doc.diagnostic(loc, msg(key, id=item_id, day=day.isoformat(), **params),
                                    code="analysis", severity="warning"))

    def search(nodes: list[Node], want: list[set[Tri]]) -> bool | None:
        """True if some assignment gives each node a truth value in its wanted set."""
        domains = _domains(nodes, levels)
        if _size(domains) > MAX_COMBINATIONS:
            return None
        for env, derived in _assignments(domains):
            if all(evaluate(n, env, derived) in w for n, w in zip(nodes, want, strict=True)):
                return True
        return False

    for ind in compiled.indicators.values():
        for target, text in ((Tri.TRUE, "analysis.never_hit"),
                             (Tri.FALSE, "analysis.always_hit")):
            questions += 1
            found = search([ind.condition], [{target}])
            if found is None:
                skipped += 1
            elif not found:
                warn("indicatoren", ind.id, text)
    for iv in compiled.interventions.values():
        if not iv.available:
            continue
        possible = {Tri.TRUE, Tri.UNKNOWN}
        questions += 1
        found = search([iv.trigger], [possible])
        if found is None:
            skipped += 1
        elif not found:
            warn("interventies", iv.id, "analysis.trigger_never")
            continue
        for gate in iv.gates:
            questions += 1
            found = search([iv.trigger, gate.condition], [possible, {Tri.FALSE}])
            if found is None:
                skipped += 1
            elif not found:
                warn("interventies", iv.id, "analysis.gate_never_fails", gate=gate.id)
    return AnalysisResult(diags, questions, skipped)
