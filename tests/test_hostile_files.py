"""Hostile files and paths are user errors with a location, in bounded time (issue 9, items 6-8)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from riskmodel import ProfileError, RuleError, load_profile, load_rules
from riskmodel.api import assess_many
from riskmodel.errors import MAX_SHOWN, did_you_mean
from riskmodel.load.limits import LIMITS_ENV, Limits, current_limits, use_limits
from riskmodel.load.yamlsource import YamlSyntaxError, parse_text, read_source
from riskmodel.model.ruleset import RuleSet

HEAD = "id: p1\nsoort: pand\ngemeente: Almere\npeildatum: 2023-06-01\n"


def codes(exc: pytest.ExceptionInfo[Exception]) -> list[str]:
    return [d.code for d in exc.value.diagnostics]  # type: ignore[attr-defined]


# ---- item 6: limits ---------------------------------------------------------------------
def test_deep_nesting_is_a_located_user_error() -> None:
    with pytest.raises(YamlSyntaxError) as info:
        parse_text("a: " + "[" * 500 + "]" * 500, "x.yaml")
    (d,) = info.value.diagnostics
    assert d.code == "too-large" and d.line == 1 and "depth" in (d.expected or "")


def test_deep_json_is_a_user_error() -> None:
    with pytest.raises(YamlSyntaxError) as info:
        parse_text("[" * 100_000 + "]" * 100_000, "x.json")
    assert codes(info) == ["too-large"]


def test_big_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as fh:  # sparse: no disk used
        fh.truncate(200 * 1024 * 1024)
    start = time.perf_counter()
    with pytest.raises(YamlSyntaxError) as info:
        read_source(big)
    assert codes(info) == ["too-large"] and time.perf_counter() - start < 1


def test_long_value_is_refused_and_not_echoed() -> None:
    text = "omschrijving: '" + "x" * 10_000_000 + "'\n"
    start = time.perf_counter()
    with pytest.raises(YamlSyntaxError) as info:
        parse_text(text, "x.yaml")
    (d,) = info.value.diagnostics
    assert d.code == "too-large" and len(d.format()) < 400
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize(("text", "what"), [("[" + "1," * 20 + "1]", "list_items"),
                                             ("{" + ",".join(f"k{i}: 1" for i in range(20)) + "}",
                                              "mapping_keys")])
def test_list_and_key_counts_are_limited(text: str, what: str) -> None:
    with use_limits(Limits(list_items=10, mapping_keys=10)), pytest.raises(YamlSyntaxError) as info:
        parse_text(text, "x.yaml")
    assert codes(info) == ["too-large"] and what in (info.value.diagnostics[0].expected or "")


def test_limits_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LIMITS_ENV, "depth=3, file_bytes=100")
    assert current_limits() == Limits(depth=3, file_bytes=100)
    with pytest.raises(YamlSyntaxError):
        parse_text("a: [[[[1]]]]", "x.yaml")
    monkeypatch.setenv(LIMITS_ENV, "diepte=3")
    with pytest.raises(Exception) as info:
        current_limits()
    assert codes(info) == ["too-large"]


def test_messages_echo_at_most_80_characters_of_a_value(rules: RuleSet) -> None:
    long = "y" * 5000
    with pytest.raises(ProfileError) as info:
        load_profile({"id": "p1", "soort": long, "gemeente": "Almere",
                      "peildatum": "2023-06-01"}, rules)
    for d in info.value.diagnostics:
        assert "y" * (MAX_SHOWN + 1) not in d.format()
    start = time.perf_counter()
    assert did_you_mean("z" * 10_000_000, ["zz", "zzz"]) is None
    assert time.perf_counter() - start < 1


# ---- item 7: internal errors for user mistakes ------------------------------------------
def test_nul_byte_in_a_path(rules: RuleSet) -> None:
    with pytest.raises(ProfileError) as info:
        load_profile("a\x00b.yaml", rules)
    assert codes(info) == ["unreadable"]
    (outcome,) = assess_many(["a\x00b.yaml"], rules)
    assert not outcome.ok and outcome.diagnostics


def test_symlink_loop(tmp_path: Path, rules: RuleSet) -> None:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    with pytest.raises(ProfileError) as info:
        load_profile(tmp_path / "a.yaml", rules)
    assert codes(info) == ["unreadable"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_is_not_a_file(rules: RuleSet) -> None:
    with pytest.raises(ProfileError) as info:
        load_profile("/dev/zero", rules)
    assert codes(info) == ["not-a-file"]


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="no /proc")
def test_proc_environ(rules: RuleSet) -> None:
    with pytest.raises(ProfileError) as info:
        load_profile("/proc/self/environ", rules)
    assert info.value.diagnostics


def test_far_date_in_rules_is_a_located_error(tmp_path: Path, repo: Path) -> None:
    import shutil

    model = tmp_path / "m"
    shutil.copytree(repo / "tests" / "models" / "mini", model)
    path = model / "interventies.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("geldig_tot: 2021-12-23",
                                                              "geldig_tot: 9999-12-31"),
                    encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rules(model)
    (d,) = info.value.diagnostics
    assert d.code == "range" and d.file.endswith("interventies.yaml") and d.line


@pytest.mark.parametrize("args", [["assess", "/dev/zero"], ["check", "/dev/zero"],
                                  ["assess", "/proc/self/environ"]])
def test_cli_exit_2(args: list[str]) -> None:
    run = subprocess.run([sys.executable, "-m", "riskmodel.cli", *args], capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr


# ---- item 8: FIFOs and what a directory holds -------------------------------------------
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_fifo_is_refused_without_hanging(tmp_path: Path, rules: RuleSet) -> None:
    fifo = tmp_path / "p.yaml"
    os.mkfifo(fifo)
    with pytest.raises(ProfileError) as info:
        load_profile(fifo, rules)
    assert codes(info) == ["not-a-file"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_directory_scan_reports_what_it_cannot_read(tmp_path: Path, rules: RuleSet) -> None:
    (tmp_path / "ok.yaml").write_text(HEAD, encoding="utf-8")
    os.mkfifo(tmp_path / "fifo.yaml")
    (tmp_path / "l1.yaml").symlink_to(tmp_path / "l2.yaml")
    (tmp_path / "l2.yaml").symlink_to(tmp_path / "l1.yaml")
    (tmp_path / "sub.yaml").symlink_to(tmp_path.parent)
    outcomes = assess_many([tmp_path], rules)
    by_name = {Path(o.source).name: o for o in outcomes}
    assert by_name["ok.yaml"].ok
    assert [d.code for d in by_name["fifo.yaml"].diagnostics] == ["not-a-file"]
    assert [d.code for d in by_name["l1.yaml"].diagnostics] == ["unreadable"]
    assert [d.code for d in by_name["sub.yaml"].diagnostics] == ["not-a-file"]


def test_source_text_read_errors_are_yaml_errors(tmp_path: Path) -> None:
    with pytest.raises(YamlSyntaxError):
        read_source(tmp_path)


def test_in_memory_profiles_are_held_to_the_same_limits(rules: RuleSet) -> None:
    deep: dict[str, object] = {}
    node = deep
    for _ in range(5000):  # past Python's recursion limit
        node["a"] = {}
        node = node["a"]  # type: ignore[assignment]
    base = {"id": "p1", "soort": "pand", "gemeente": "Almere", "peildatum": "2023-06-01"}
    for extra in ({"feiten": deep}, {"omschrijving": "x" * 10_000_000},
                  {"feiten": {f"f{i}": True for i in range(20_000)}}):
        with pytest.raises(ProfileError) as info:
            load_profile({**base, **extra}, rules)
        assert codes(info) == ["too-large"]
        assert len(info.value.diagnostics[0].format()) < 600
    (outcome,) = assess_many([{**base, "feiten": deep}], rules)
    assert [d.code for d in outcome.diagnostics] == ["too-large"]
