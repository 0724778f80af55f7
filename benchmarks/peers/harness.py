"""The OMG phenomenon side by side: riskmodel's three engines and two peers on the same profiles.

Every peer output (the tier of each profile) is checked equal to riskmodel's before anything
is timed; a difference stops the benchmark. The riskmodel engines run on a model that holds
only the OMG phenomenon (rules/feiten.yaml, registers.yaml, omg.yaml), so all do the same work.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

import riskmodel
from riskmodel.api import compiled_for, get_evaluator

from .omg import OMG_FACTS, peer_input, rule_engine_evaluator, zen_evaluator

ROOT = Path(__file__).resolve().parents[2]
ENGINES = ("compiled", "durable", "python")
PEILDATUM = dt.date(2026, 11, 1)
SEED = 20261101
AANGETROFFEN = ("harddrugs", "softdrugs", "hennepkwekerij", "productiemiddelen_synthetisch",
                "productiemiddelen_hennep", "wapens", "explosieven", "grote_contante_bedragen")


def omg_only_model(target: Path, rules_dir: Path = ROOT / "rules") -> Path:
    """A model directory with the vocabulary, the register and the OMG phenomenon only."""
    files = ["feiten.yaml", "registers.yaml", "omg.yaml"]
    for name in files:
        shutil.copy(rules_dir / name, target / name)
    manifest = yaml.safe_load((rules_dir / "model.yaml").read_text(encoding="utf-8"))
    manifest["bestanden"] = files
    manifest["model"] = f"{manifest['model']}_alleen_omg"
    (target / "model.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True),
                                       encoding="utf-8")
    return target


def register_names(rules: riskmodel.RuleSet) -> list[str]:
    names: list[str] = []
    for item in rules.registers["verboden_organisaties"].items:
        names.append(item.id)
        names.extend(item.aliases)
    return names


def banned_on(rules: riskmodel.RuleSet, day: dt.date) -> tuple[list[str], list[str]]:
    """(certainly banned, possibly banned) register names on `day`, asked through the public
    API: a probe profile that meets the definition and names one club."""
    certain, possible = [], []
    for name in register_names(rules):
        probe = {"id": "probe", "soort": "groep", "gemeente": "Probe", "peildatum": day.isoformat(),
                 "feiten": {"omg_motorcultuur_zichtbaar": True, "omg_groepssymbolen": True,
                            "omg_niet_vrij_toegankelijk": True, "omg_leden_normoverschrijdend": True,
                            "gelieerde_club": name}}
        ind = riskmodel.assess(probe, rules, engine="python").indicator("omg_link_verboden_club")
        status = ind.status if ind is not None else "niet_geraakt"
        if status == "geraakt":
            certain.append(name)
        elif status == "onbepaald":
            possible.append(name)
    return certain, possible


def random_profiles(n: int, seed: int, day: dt.date, clubs: Sequence[str]) -> list[dict[str, Any]]:
    """`n` complete OMG profiles (every fact known); `clubs` holds no possibly-banned name."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        facts: dict[str, Any] = {}
        p_true = rnd.choice([0.02, 0.05, 0.1, 0.2, 0.35, 0.5])  # spread the tiers
        for key in OMG_FACTS[:4]:
            facts[key] = rnd.random() < 0.9
        for key in OMG_FACTS[4:]:
            facts[key] = rnd.random() < p_true
        facts["clubhuis_status"] = rnd.choice(["geen", "geen", "voornemen", "ontmoetingsplek", "in_gebruik"])
        facts["aangetroffen"] = sorted(rnd.sample(AANGETROFFEN, rnd.choice([0, 0, 0, 1, 2])))
        for key in ("gelieerde_club", "voortzetting_verboden_organisatie"):
            facts[key] = rnd.choice(clubs) if rnd.random() < p_true else "niet_verboden_club"
        facts["geweldsincidenten_12m"] = rnd.choice([0, 0, 0, 1, 3])
        facts["aandeel_leden_antecedenten"] = rnd.randint(0, 100)
        facts["ernstig_geweld_datum"] = (day - dt.timedelta(days=rnd.randint(0, 400))).isoformat()
        out.append({"id": f"omg-random-{i}", "soort": "pand", "gemeente": "Benchstad",
                    "peildatum": day.isoformat(), "feiten": facts})
    return out


def complete_omg_values(profile: riskmodel.Profile) -> dict[str, Any] | None:
    """The values of the OMG facts when every one is known, else None."""
    values = {}
    for key in OMG_FACTS:
        entry = profile.facts.get(key)
        if entry is None or not entry.known:
            return None
        values[key] = entry.value
    return values


@dataclass
class PeerResult:
    rows: list[tuple[str, float]] = field(default_factory=list)  # (engine, evaluations/s)
    checked: int = 0            # profiles whose tier every engine and peer agreed on
    random_profiles: int = 0
    scenario_complete: int = 0  # scenario profiles with every OMG fact known
    scenario_total: int = 0
    skipped_undecided: int = 0  # complete, but riskmodel's tier undecided (register 'possible')
    tiers: Counter[str] = field(default_factory=Counter)
    possibly_banned: list[str] = field(default_factory=list)  # left out of the random profiles


def _rate(fn: Callable[[Any], object], items: Sequence[Any], min_time: float) -> float:
    for item in items[:20]:
        fn(item)  # warm-up
    done, start = 0, time.perf_counter()
    while True:
        for item in items:
            fn(item)
        done += len(items)
        elapsed = time.perf_counter() - start
        if elapsed >= min_time:
            return done / elapsed


def run(n_random: int = 2000, seed: int = SEED, min_time: float = 1.0,
        scenario_profiles: Sequence[riskmodel.Profile] = ()) -> PeerResult:
    result = PeerResult(scenario_total=len(scenario_profiles))
    with tempfile.TemporaryDirectory(prefix="riskmodel-omg-") as tmp:
        rules = riskmodel.load_rules(omg_only_model(Path(tmp)))
    certain, possible = banned_on(rules, PEILDATUM)
    result.possibly_banned = possible
    clubs = [name for name in register_names(rules) if name not in possible]
    data = random_profiles(n_random, seed, PEILDATUM, clubs)
    profiles = [riskmodel.load_profile(d, rules) for d in data]
    result.random_profiles = len(profiles)
    # Scenario profiles whose OMG facts are all known, loaded again against the OMG-only model.
    for sp in scenario_profiles:
        if complete_omg_values(sp) is not None:
            result.scenario_complete += 1
            profiles.append(riskmodel.load_profile(sp.model_dump(by_alias=True, mode="json"), rules))

    # Reference: riskmodel's tier, from the assessment, for all three engines.
    cases: list[tuple[riskmodel.Profile, dict[str, Any], dt.date]] = []
    banned: dict[dt.date, list[str]] = {PEILDATUM: certain}
    for profile in profiles:
        tiers = set()
        decided = True
        for engine in ENGINES:
            ph = riskmodel.assess(profile, rules, engine=engine).phenomenon("omg")
            assert ph is not None
            tiers.add(ph.level.id)
            decided = decided and ph.level.id == ph.possible_level.id
        if len(tiers) != 1:
            raise AssertionError(f"{profile.id}: engines disagree on the tier: {sorted(tiers)}")
        if not decided:
            result.skipped_undecided += 1
            continue
        values = complete_omg_values(profile)
        assert values is not None
        day = profile.peildatum
        if day not in banned:
            banned[day] = banned_on(rules, day)[0]
        case = (profile, peer_input(values, day), day)
        cases.append(case)
        expected = tiers.pop()
        for name in ("zen-engine", "rule-engine"):
            got = _peer(name, banned[day])(case[1])
            if got != expected:
                raise AssertionError(f"{profile.id}: {name} says {got}, riskmodel {expected}")
        result.checked += 1
        result.tiers[expected] += 1

    # Timing on the random profiles (one peildatum, so one peer decision each).
    timed = [c for c in cases if c[2] == PEILDATUM]
    compiled = compiled_for(rules, PEILDATUM)
    for engine in ENGINES:
        evaluator = get_evaluator(engine)  # type: ignore[arg-type]
        result.rows.append((f"riskmodel {engine}: evaluate",
                            _rate(lambda c, ev=evaluator: ev.evaluate(rules, compiled, c[0]),
                                  timed, min_time)))
    result.rows.append(("riskmodel compiled: assess + to_json",
                        _rate(lambda c: riskmodel.assess(c[0], rules).to_json(), timed, min_time)))
    for name in ("zen-engine", "rule-engine"):
        peer = _peer(name, certain)
        result.rows.append((name, _rate(lambda c, p=peer: p(c[1]), timed, min_time)))
    return result


_PEERS: dict[tuple[str, tuple[str, ...]], Callable[[dict[str, Any]], str]] = {}


def _peer(name: str, banned: Sequence[str]) -> Callable[[dict[str, Any]], str]:
    key = (name, tuple(sorted(banned)))
    if key not in _PEERS:
        _PEERS[key] = (zen_evaluator if name == "zen-engine" else rule_engine_evaluator)(banned)
    return _PEERS[key]
