"""Fuzzing: generated texts and spoilt files never crash the parsers and loaders.

The normal suite runs a small sample. The dedicated run, ``make fuzz``, loads the ``fuzz``
profile (``tests/conftest.py``): 10,000 texts for each text property, and a twentieth of that
for each data loader, whose examples cost a file each.

Properties: no exception other than :class:`routes.errors.RoutesError` (and, for texts, none
at all); offsets index the input and the surface is the input's own text; the same input
gives the same result.
"""

from __future__ import annotations

import copy
import json
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from routes.errors import RoutesError
from routes.facts import read_facts
from routes.geo.geoparse import find_places
from routes.geo.places import read_places
from routes.io.inputs import decode_text, read_jsonl
from routes.network.graph import read_network
from routes.scenarios import load_scenario, run_scenario
from routes.verdicts import check_claims

DATA = Path(__file__).resolve().parents[1] / "data"
TEXTS = settings.default.max_examples if settings.default else 100
FILES = max(25, TEXTS // 20)
FILE_SETTINGS = settings(max_examples=FILES, deadline=None,
                         suppress_health_check=[HealthCheck.too_slow])

# Pieces of news copy: places, figures, units, hedges, markup and hostile strings.
FRAGMENTS = [
    "Pyongyang", "Vladivostok", "Tumen", "Hunchun", "Moscow", "Paris, Texas", "Khasan",
    "North Korean", "the Russian Far East", "Kim", "Reading", "Mobile", "Of", "MOSCOW'S",
    "Rostov-on-Don", "from", "to", "between", "and", "via", "north of", "by train", "flight",
    "drive", "about", "nearly", "more than", "up to", "only", "some", "700", "1,190", "10,000",
    "0.5", "1h30", "90-minute", "an hour and a half", "two and a half hours", "a dozen",
    "700-kilometer", "(435-mile)", "8 to 10 hours", "km", "kilometres", "miles", "km/h", "mph",
    "knots", "nautical miles", "km²", "hours", "minutes", "days", "April 26 to 27", "2019",
    "%", "$5", "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)", "`${x}`", "\\", "\n\n", ".", ",", "–", "—", "…", "’s", "\u200b",
    "\ufeff", "東京", "Пхеньян", "평양", "🚆",
]
news = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)),
                max_size=40).map(" ".join)
texts = st.one_of(news, st.text(max_size=300))


def error_of(load: Callable[..., object], *args: object) -> str | None:
    """The message of the RoutesError ``load`` raises; None if it reads the file."""
    try:
        load(*args)
    except RoutesError as exc:
        return str(exc)
    return None


@given(texts)
@settings(deadline=None)
def test_geoparsing_any_text(text: str) -> None:
    mentions = find_places(text)
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert 0.0 <= m.confidence <= 1.0
    assert find_places(text) == mentions


@given(texts)
@settings(deadline=None)
def test_checking_claims_in_any_text(text: str) -> None:
    report = check_claims(text)
    for c in report.claims:
        q = c.claim.quantity
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.surface
        assert c.verdict in {"consistent", "understated", "overstated", "unverifiable"}
    again = check_claims(text)
    assert [(c.claim.quantity, c.verdict, c.estimate) for c in again.claims] == [
        (c.claim.quantity, c.verdict, c.estimate) for c in report.claims]


@given(st.binary(max_size=400))
@settings(deadline=None)
def test_decoding_any_bytes(data: bytes) -> None:
    try:
        text = decode_text(data, source="input")
    except RoutesError:
        return
    assert isinstance(text, str)


@given(st.lists(st.one_of(st.binary(max_size=60), st.sampled_from([
    b'{"id": 1, "text": "Tumen"}', b'{"id": null, "text": ""}', b'{"text": "x"}', b"[]",
    b'{"id": {"a": 1}, "text": "Khasan"}', b"\xff\xfe", b'"id"'])), max_size=8))
@FILE_SETTINGS
def test_reading_any_jsonl(lines: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.jsonl"
        path.write_bytes(b"\n".join(lines))
        for item in read_jsonl(path):
            assert item.problem or isinstance(item.text, str)


# Values a careless edit or a broken download leaves in a data file.
BAD_VALUES = ['""', '"x"', "-1", "0", "1e309", "-1e309", "[]", "{}", "nan", "true", "[1, 2",
              '"Pyongyang"', "[-5.0, 0.0, 5.0]", "[3.0, 2.0, 1.0]", "999999", '["a", "b"]']


def _spoil_toml(text: str, data: st.DataObject) -> str:
    lines = text.splitlines()
    assignments = [i for i, line in enumerate(lines) if re.match(r"^\w+ = ", line)]
    for _ in range(data.draw(st.integers(1, 3))):
        i = data.draw(st.sampled_from(assignments))
        key = lines[i].split(" = ", 1)[0]
        lines[i] = f"{key} = {data.draw(st.sampled_from(BAD_VALUES))}"
    return "\n".join(lines) + "\n"


FACTS = (DATA / "facts.toml").read_text(encoding="utf-8")


@given(st.data())
@FILE_SETTINGS
def test_reading_a_spoilt_facts_file(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "facts.toml"
        path.write_text(_spoil_toml(FACTS, data), encoding="utf-8")
        error = error_of(read_facts, path)
        assert error is None or "facts.toml" in error


PLACES = (DATA / "places.csv").read_text(encoding="utf-8").splitlines()


@given(st.data())
@FILE_SETTINGS
def test_reading_a_spoilt_places_file(data: st.DataObject) -> None:
    lines = list(PLACES)
    for _ in range(data.draw(st.integers(1, 3))):
        i = data.draw(st.integers(1, len(lines) - 1))
        fields = lines[i].split(",")
        j = data.draw(st.integers(0, len(fields) - 1))
        fields[j] = data.draw(st.one_of(st.sampled_from(["", "x", "-999", "nan", "1e309", '"']),
                                        st.text(max_size=8)))
        lines[i] = ",".join(fields) if data.draw(st.booleans()) else ",".join(fields[:j])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "places.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        error = error_of(read_places, path)
        assert error is None or "places.csv" in error


RAIL = json.loads((DATA / "network" / "rail.json").read_text(encoding="utf-8"))
RAIL_NPZ = dict(np.load(DATA / "network" / "rail.npz"))
JSON_VALUES = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=5),
                        st.just([]), st.just({}))


@given(st.data())
@FILE_SETTINGS
def test_reading_a_spoilt_network(data: st.DataObject) -> None:
    rail: dict[str, Any] = copy.deepcopy(RAIL)
    arrays = dict(RAIL_NPZ)
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from(["named", "strings", "array"]))
        if where == "named":
            items = rail["named"]
            k = data.draw(st.integers(0, len(items) - 1))
            if data.draw(st.booleans()):
                field = data.draw(st.sampled_from(sorted(items[k])))
                items[k][field] = data.draw(JSON_VALUES)
            else:
                del items[k]
        elif where == "strings":
            table = data.draw(st.sampled_from(sorted(rail["strings"])))
            values = rail["strings"][table]
            if values:
                del values[data.draw(st.integers(0, len(values) - 1))]
        else:
            name = data.draw(st.sampled_from(sorted(arrays)))
            cut = data.draw(st.integers(0, max(len(arrays[name]) - 1, 0)))
            arrays[name] = arrays[name][:cut]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "rail.json").write_text(json.dumps(rail), encoding="utf-8")
        np.savez(folder / "rail.npz", **arrays)
        error = error_of(read_network, folder, read_facts(DATA / "facts.toml"))
        assert error is None or "rail.json" in error or "rail.npz" in error or "network" in error


SCENARIO = (DATA / "scenarios" / "leader_slow.toml").read_text(encoding="utf-8")


@given(st.data())
@FILE_SETTINGS
def test_loading_and_running_a_spoilt_scenario(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scenario.toml"
        path.write_text(_spoil_toml(SCENARIO, data), encoding="utf-8")
        try:
            option = run_scenario(load_scenario(path))
        except RoutesError:
            return
        assert option.duration_h.low <= option.duration_h.central <= option.duration_h.high
