"""Property-based fuzzing in the normal test suite (fixed budget): profiles, almost-valid
profiles and mangled YAML/JSON texts end in a profile or a UserInputError, never an internal
error; through the CLI the exit code is 0 or 2."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from riskmodel import UserInputError, assess
from riskmodel.check.profile import profile_from_data, profile_from_text
from riskmodel.model.ruleset import RuleSet

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))
from harness import MINI, check_one, rules

BUDGET = settings(max_examples=150, deadline=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

FACTS: dict[str, st.SearchStrategy[Any]] = {
    "motorclub_aanwezig": st.booleans(),
    "afgeschermd": st.booleans(),
    "kinderen_in_woning": st.booleans(),
    "clubhuis_status": st.sampled_from(["geen", "gepland", "in_gebruik"]),
    "aantal_incidenten": st.integers(0, 1000),
    "drugs_gram": st.decimals(0, 10_000, places=2).map(float),
    "laatste_incident": st.dates(dt.date(2000, 1, 1), dt.date(2023, 6, 1)).map(str),
    "aangetroffen": st.lists(st.sampled_from(["drugs", "wapens", "contant_geld"]), unique=True),
}
SAFE_TEXT = st.text(st.characters(codec="utf-8", categories=("L", "Zs")), min_size=1, max_size=30)

# any JSON-like value: what a mistaken or hostile application could hand over
JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40)
    | st.dates().map(str),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                                 max_size=4),
    max_leaves=12)


@st.composite
def profiles(draw: st.DrawFn) -> dict[str, Any]:
    names = draw(st.lists(st.sampled_from(sorted(FACTS)), unique=True))
    facts: dict[str, Any] = {}
    for name in names:
        value = draw(FACTS[name] | st.just("onbekend"))
        if draw(st.booleans()):
            facts[name] = value
        else:
            facts[name] = {"waarde": value,
                           "bron": draw(st.sampled_from(["politie", "gemeente", "riec"]))}
    return {"id": draw(st.from_regex(r"[a-z0-9][a-z0-9_.-]{0,20}", fullmatch=True)),
            "soort": draw(st.sampled_from(["gemeente", "wijk", "pand", "evenement", "groep"])),
            "gemeente": draw(SAFE_TEXT),
            "peildatum": str(draw(st.dates(dt.date(2023, 6, 1), dt.date(2030, 1, 1)))),
            "feiten": facts}


@st.composite
def almost_valid(draw: st.DrawFn) -> dict[str, Any]:
    profile = draw(profiles())
    where = draw(st.sampled_from(["top", "fact", "remove", "entry"]))
    if where == "top":
        profile[draw(st.sampled_from([*profile, "wijk", "object", "omschrijving", "x"]))] = \
            draw(JSONISH)
    elif where == "fact":
        profile["feiten"][draw(st.sampled_from([*FACTS, "onbekend_feit"]))] = draw(JSONISH)
    elif where == "remove":
        profile.pop(draw(st.sampled_from(sorted(profile))))
    else:
        profile["feiten"]["afgeschermd"] = {draw(st.sampled_from(
            ["waarde", "bron", "bron_detail", "datum", "x"])): draw(JSONISH)}
    return profile


def _only_user_errors(call: Any) -> None:
    try:
        call()
    except UserInputError as exc:
        assert exc.diagnostics
        assert all(d.code != "internal" for d in exc.diagnostics)


@BUDGET
@given(profiles())
def test_valid_profiles_assess(profile: dict[str, Any]) -> None:
    rs: RuleSet = rules()
    _only_user_errors(lambda: assess(profile_from_data(profile, rs), rs))


@BUDGET
@given(almost_valid())
def test_almost_valid_profiles_are_user_errors_at_worst(profile: dict[str, Any]) -> None:
    rs = rules()
    _only_user_errors(lambda: assess(profile_from_data(profile, rs), rs))


@BUDGET
@given(profiles(), st.integers(0, 10_000), st.text(max_size=12), st.integers(0, 20))
def test_mangled_yaml_and_json(profile: dict[str, Any], at: int, insert: str,
                               cut: int) -> None:
    for text in (yaml.safe_dump(profile, allow_unicode=True), json.dumps(profile)):
        pos = at % (len(text) + 1)
        check_one((text[:pos] + insert + text[pos + cut:]).encode("utf-8", "surrogatepass"))


@BUDGET
@given(st.binary(max_size=300))
def test_arbitrary_bytes(data: bytes) -> None:
    check_one(data)


@settings(max_examples=40, deadline=None)
@given(almost_valid())
def test_yaml_roundtrip_of_almost_valid(profile: dict[str, Any]) -> None:
    rs = rules()
    _only_user_errors(lambda: profile_from_text(yaml.safe_dump(profile), rs, "p.yaml"))


@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
@given(almost_valid(), st.sampled_from([".yaml", ".json"]))
def test_cli_exits_0_or_2(tmp_path_factory: Any, profile: dict[str, Any], suffix: str) -> None:
    path = tmp_path_factory.mktemp("cli") / f"p{suffix}"
    text = json.dumps(profile, default=str) if suffix == ".json" else yaml.safe_dump(profile)
    path.write_text(text, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "riskmodel.cli", "assess", str(path),
                          "--rules", str(MINI)], capture_output=True, text=True, timeout=120)
    assert run.returncode in (0, 2), run.stderr
    assert "Traceback" not in run.stderr
