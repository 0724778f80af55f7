"""The parse cache of rule files (load.parsecache): same result as parsing, never stale,
rebuilt when corrupt, off with RISKMODEL_NO_CACHE."""

from __future__ import annotations

import datetime as dt
import math
import shutil
from pathlib import Path

import orjson
import pytest
from model_copies import BUNDLED_RULES, MINI

import riskmodel
from riskmodel.load import parsecache
from riskmodel.load import rules as rules_module
from riskmodel.load.yamlsource import read_source


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv(parsecache.DISABLE_ENV, raising=False)
    return tmp_path / "xdg" / "riskmodel"


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json")) if folder.exists() else []


def test_cached_parse_equals_fresh_parse(cache: Path) -> None:
    files = sorted(BUNDLED_RULES.glob("*.yaml"))
    for path in files:
        fresh = read_source(path)
        assert parsecache.load(path) is None  # nothing cached yet
        parsecache.store(fresh)
        cached = parsecache.load(path)
        assert cached is not None
        assert (cached.file, cached.raw, cached.positions) == (fresh.file, fresh.raw, fresh.positions)
        assert cached.data == fresh.data
        assert orjson.dumps(cached.data, default=str) == orjson.dumps(fresh.data, default=str)
    assert len(_entries(cache)) == len(files)


def test_load_rules_fills_and_uses_the_cache(cache: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    first = riskmodel.load_rules(MINI)
    written = _entries(cache)
    assert written

    def no_parsing(path: Path) -> None:
        raise AssertionError(f"parsed {path} although it is cached")

    monkeypatch.setattr(rules_module, "read_source", no_parsing)
    second = riskmodel.load_rules(MINI)
    assert second.file_hashes == first.file_hashes
    assert second.indicators == first.indicators and second.interventions == first.interventions
    assert _entries(cache) == written


def test_changed_file_gets_a_new_entry_never_the_old_one(cache: Path, tmp_path: Path) -> None:
    model = tmp_path / "model"
    shutil.copytree(MINI, model)
    riskmodel.load_rules(model)
    before = set(_entries(cache))
    target = next(p for p in sorted(model.glob("*.yaml")) if p.name != "model.yaml")
    target.write_text(target.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    riskmodel.load_rules(model)
    assert len(set(_entries(cache)) - before) == 1
    assert parsecache.load(target).raw == target.read_bytes()  # type: ignore[union-attr]


@pytest.mark.parametrize("damage", ["garbage", "truncated", "other key", "wrong data"])
def test_corrupt_or_foreign_entry_is_ignored_and_rebuilt(cache: Path, tmp_path: Path,
                                                          damage: str) -> None:
    model = tmp_path / "model"
    shutil.copytree(MINI, model)
    expected = riskmodel.load_rules(model)
    for entry in _entries(cache):
        blob = entry.read_bytes()
        if damage == "garbage":
            entry.write_bytes(b"\x00\xffnot json")
        elif damage == "truncated":
            entry.write_bytes(blob[: len(blob) // 2])
        elif damage == "other key":
            data = orjson.loads(blob)
            data["key"] = "0" * 64
            entry.write_bytes(orjson.dumps(data))
        else:
            data = orjson.loads(blob)
            data["data"] = {"\x00date": "not a date"}
            entry.write_bytes(orjson.dumps(data))
    again = riskmodel.load_rules(model)
    assert again.indicators == expected.indicators
    assert again.facts == expected.facts
    for entry in _entries(cache):  # rewritten: loadable again
        assert orjson.loads(entry.read_bytes())["format"] == parsecache.FORMAT
    for path in sorted(model.glob("*.yaml")):
        assert parsecache.load(path) is not None


def test_other_version_or_limits_is_another_key(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = b"a: 1\n"
    key = parsecache.entry_key(raw)
    monkeypatch.setattr(parsecache, "__version__", "0.0.0-other")
    assert parsecache.entry_key(raw) != key


def test_disabled_by_environment(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(parsecache.DISABLE_ENV, "1")
    riskmodel.load_rules(MINI)
    assert _entries(cache) == []


def test_unwritable_cache_directory_does_not_fail(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.delenv(parsecache.DISABLE_ENV, raising=False)
    assert riskmodel.load_rules(MINI).indicators


def test_values_json_cannot_carry_round_trip() -> None:
    value = {"d": dt.date(2024, 2, 29), "t": dt.datetime(2024, 1, 1, 12, 30),
             "inf": math.inf, 1: "int key", "\x00date": "a key that looks like a tag",
             "nested": [{True: None}, [1.5, -2, "x"]]}
    decoded = parsecache._decode(orjson.loads(orjson.dumps(parsecache._encode(value))))
    assert decoded == value
    assert type(decoded["d"]) is dt.date and type(decoded["t"]) is dt.datetime
    nan = parsecache._decode(orjson.loads(orjson.dumps(parsecache._encode(math.nan))))
    assert math.isnan(nan)
    with pytest.raises(parsecache._Uncacheable):
        parsecache._encode({1, 2})
    with pytest.raises(parsecache._Uncacheable):
        parsecache._encode(2**70)
