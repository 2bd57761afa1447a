"""Prepared indexes and caches: written whole, checked on load, rebuilt when not to be trusted."""

from __future__ import annotations

import hashlib
import json
import marshal
import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest

import routes.geo.gazetteer as gazetteer
from routes import settings


@pytest.fixture
def index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """A private cache folder holding a good index; counts the rebuilds."""
    gazetteer.load_gazetteer()  # the real index, in the user's cache
    data = marshal.loads(gazetteer._cache_path(settings.data_folder).read_bytes()[32:])
    monkeypatch.setattr(settings, "cache_folder", tmp_path)
    builds: list[Path] = []

    def build(folder: Path | None = None) -> dict[str, Any]:
        builds.append(Path(folder or settings.data_folder))
        return dict(data)

    monkeypatch.setattr(gazetteer, "build_gazetteer", build)
    gazetteer._load.cache_clear()
    gazetteer.load_gazetteer()  # writes the cache file
    gazetteer._load.cache_clear()
    assert builds == [settings.data_folder]
    builds.clear()
    return {"path": gazetteer._cache_path(settings.data_folder), "builds": builds,
            "data": data}


def _load_again() -> gazetteer.Gazetteer:
    gazetteer._load.cache_clear()
    return gazetteer.load_gazetteer()


def test_a_fresh_cache_is_loaded_without_a_rebuild(index: dict[str, Any]) -> None:
    gaz = _load_again()
    assert index["builds"] == []
    assert gaz.candidates("vladivostok")
    mode = stat.S_IMODE(index["path"].stat().st_mode)
    assert mode & (stat.S_IWGRP | stat.S_IWOTH) == 0
    assert not list(index["path"].parent.glob("*.tmp"))


@pytest.mark.parametrize("spoil", ["flip a byte", "truncate", "empty", "not marshal",
                                   "old version"])
def test_a_corrupt_cache_is_detected_and_rebuilt(index: dict[str, Any], spoil: str) -> None:
    path: Path = index["path"]
    blob = path.read_bytes()
    if spoil == "flip a byte":
        blob = blob[:1000] + bytes([blob[1000] ^ 0xFF]) + blob[1001:]
    elif spoil == "truncate":
        blob = blob[: len(blob) // 2]
    elif spoil == "empty":
        blob = b""
    elif spoil == "not marshal":
        body = b"\xff" * 64
        blob = hashlib.sha256(body).digest() + body
    else:
        body = marshal.dumps({**index["data"], "version": -1})
        blob = hashlib.sha256(body).digest() + body
    path.write_bytes(blob)
    gaz = _load_again()
    assert len(index["builds"]) == 1
    assert gaz.candidates("vladivostok")
    blob = path.read_bytes()  # rewritten whole, with its checksum
    assert hashlib.sha256(blob[32:]).digest() == blob[:32]
    assert marshal.loads(blob[32:]) == index["data"]
    _load_again()
    assert len(index["builds"]) == 1  # and trusted from then on


def test_a_cache_others_can_write_is_never_loaded(index: dict[str, Any]) -> None:
    path: Path = index["path"]
    forged = {**index["data"], "lats": bytes(len(index["data"]["lats"]))}  # all at 0°
    body = marshal.dumps(forged)
    path.write_bytes(hashlib.sha256(body).digest() + body)  # with a valid checksum
    path.chmod(0o666)
    gaz = _load_again()
    assert len(index["builds"]) == 1  # rebuilt, not trusted
    assert gaz.point(gaz.candidates("vladivostok")[0])[0] == pytest.approx(43.1, abs=0.2)
    assert stat.S_IMODE(path.stat().st_mode) & stat.S_IWOTH == 0  # replaced by our own


def test_the_cache_name_changes_with_its_inputs(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    (folder / "gazetteer").mkdir(parents=True)
    for source in gazetteer._inputs(settings.data_folder):
        target = folder / source.relative_to(settings.data_folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
    before = gazetteer._fingerprint(folder)
    places = folder / "places.csv"
    places.write_text(places.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert gazetteer._fingerprint(folder) != before  # a stale index is never read


@pytest.mark.allow_hosts(["127.0.0.1"])
def test_a_corrupt_geocoder_cache_is_set_aside_and_started_afresh(tmp_path: Path) -> None:
    from routes.geo.geocoders import CachedNominatim

    path = tmp_path / "nominatim.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    geocoder = CachedNominatim(user_agent="routes-tests", domain="127.0.0.1:9", scheme="http",
                               cache_path=path)
    assert geocoder._cached("Vladivostok") == (False, None)
    assert (tmp_path / "nominatim.sqlite.corrupt").read_bytes().startswith(b"this is not")
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO answers VALUES (?, ?, ?)",
                   (geocoder._key, "Khasan", "{not json"))
    assert geocoder._cached("Khasan") == (False, None)  # a bad answer is a miss
    geocoder._store("Khasan", {"address": "Khasan", "lat": 42.43, "lon": 130.64, "raw": {}})
    assert geocoder._cached("Khasan")[1]["lat"] == 42.43
    assert json.loads(json.dumps(geocoder._cached("Khasan")[1]))["address"] == "Khasan"


# --------------------------------------------------------------------------------------
# The cache of parsed data files (routes.cache): facts and lexicons
# --------------------------------------------------------------------------------------


def test_a_parsed_file_is_kept_and_made_again_when_the_file_changes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from routes.cache import cached

    monkeypatch.setattr(settings, "cache_folder", tmp_path / "cache")
    source = tmp_path / "table.toml"
    source.write_text("a = 1\n", encoding="utf-8")
    made: list[str] = []

    def make() -> dict[str, Any]:
        made.append(source.read_text(encoding="utf-8"))
        return {"text": made[-1]}

    assert cached("toml", [source], make) == {"text": "a = 1\n"}
    assert cached("toml", [source], make) == {"text": "a = 1\n"}
    assert len(made) == 1
    source.write_text("a = 2\n", encoding="utf-8")
    assert cached("toml", [source], make) == {"text": "a = 2\n"}
    assert len(made) == 2
    entries = list((tmp_path / "cache").glob("toml-*.pickle"))
    assert entries and all(stat.S_IMODE(e.stat().st_mode) & stat.S_IWOTH == 0 for e in entries)


@pytest.mark.parametrize("spoil", ["flip a byte", "truncate", "empty"])
def test_a_damaged_parsed_copy_is_made_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             spoil: str) -> None:
    from routes.cache import cached

    monkeypatch.setattr(settings, "cache_folder", tmp_path / "cache")
    source = tmp_path / "table.toml"
    source.write_text("a = 1\n", encoding="utf-8")
    made: list[int] = []

    def make() -> list[float]:
        made.append(1)
        return [1.5, 2.5, 3.5]

    cached("toml", [source], make)
    entry = next((tmp_path / "cache").glob("toml-*.pickle"))
    blob = entry.read_bytes()
    blob = {"flip a byte": blob[:-3] + bytes([blob[-3] ^ 0x01]) + blob[-2:],
            "truncate": blob[: len(blob) // 2], "empty": b""}[spoil]
    entry.write_bytes(blob)
    assert cached("toml", [source], make) == [1.5, 2.5, 3.5]
    assert len(made) == 2


def test_facts_come_from_the_cache_only_while_their_files_are_unchanged(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    import routes.facts as facts_module

    data = tmp_path / "data"
    shutil.copytree(settings.data_folder / "rail", data / "rail")
    shutil.copy(settings.data_folder / "facts.toml", data / "facts.toml")
    monkeypatch.setattr(settings, "cache_folder", tmp_path / "cache")
    path = data / "facts.toml"
    facts_module._load.cache_clear()
    first = facts_module._load(path)
    facts_module._load.cache_clear()
    again = facts_module._load(path)
    assert again.claims.plain_tolerance == first.claims.plain_tolerance
    text = path.read_text(encoding="utf-8").replace("plain_tolerance = 0.10",
                                                   "plain_tolerance = 0.12")
    path.write_text(text, encoding="utf-8")
    facts_module._load.cache_clear()
    assert facts_module._load(path).claims.plain_tolerance == 0.12
    facts_module._load.cache_clear()


def test_a_copy_of_the_data_elsewhere_has_its_own_entry(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A result that names its file (facts keep their path) is never served to a copy."""
    import shutil

    import routes.facts as facts_module

    monkeypatch.setattr(settings, "cache_folder", tmp_path / "cache")
    paths = []
    for name in ("one", "two"):
        data = tmp_path / name
        shutil.copytree(settings.data_folder / "rail", data / "rail")
        shutil.copy(settings.data_folder / "facts.toml", data / "facts.toml")
        paths.append(data / "facts.toml")
    facts_module._load.cache_clear()
    assert facts_module._load(paths[0]).path == paths[0]
    facts_module._load.cache_clear()
    assert facts_module._load(paths[1]).path == paths[1]
    facts_module._load.cache_clear()
