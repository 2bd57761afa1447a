from __future__ import annotations

from pathlib import Path

import pytest

from routes import DataError, PlaceNotFoundError, find_place
from routes.geo.places import load_places, read_places


@pytest.mark.parametrize(("name", "expected"), [
    ("Pyongyang", "pyongyang"),
    ("P'yŏngyang", "pyongyang"),
    ("PYONGYANG", "pyongyang"),
    ("Rason", "rajin"),
    ("Tumangang", "tumangang_station"),
    ("Хасан", "khasan_station"),
    ("ulan ude", "ulan_ude"),
])
def test_curated_names_and_spellings_resolve(name: str, expected: str) -> None:
    assert find_place(name).id == expected


def test_a_city_names_its_station_and_airports() -> None:
    pyongyang = find_place("Pyongyang")
    assert pyongyang.station == "pyongyang_station"
    assert pyongyang.airports == ("FNJ",)
    assert find_place("Moscow").airports == ("SVO", "DME", "VKO")


def test_uncurated_names_fall_back_to_the_most_populous_geonames_city() -> None:
    place = find_place("Qiqihar")
    assert place.id.startswith("geonames:")
    assert place.country == "CN"


def test_unknown_names_suggest_close_matches() -> None:
    with pytest.raises(PlaceNotFoundError) as info:
        find_place("Vladivostock")
    assert "Vladivostok" in info.value.suggestions
    assert "did you mean" in str(info.value)


def test_every_curated_place_has_a_source_and_plausible_coordinates() -> None:
    for place in load_places().values():
        assert place.source
        assert 25 <= place.lat <= 62 and 30 <= place.lon <= 140, place.id


def test_a_malformed_places_file_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "places.csv"
    bad.write_text("id,name,kind,country,lat,lon,aliases,station,airports,source,confidence\n"
                   "x,X,city,KP,north,125,,,,here,low\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"line 2 .*lat/lon are not numbers"):
        read_places(bad)


@pytest.mark.parametrize(("name", "place_id", "kind"), [
    ("Jeju", "geonames:1846266", "city"),  # Jeju City
    ("Jeju City", "geonames:1846266", "city"),
    ("Jeju Island", "jeju_island", "island"),  # the island, not an airport on it
])
def test_jeju_resolves_to_the_city_or_the_island(name: str, place_id: str, kind: str) -> None:
    place = find_place(name)
    assert (place.id, place.kind, place.country) == (place_id, kind, "KR")


@pytest.mark.parametrize(("name", "expected"), [
    ("Пхеньян", "Pyongyang"), ("平壤", "Pyongyang"), ("上海", "Shanghai"),
    ("Иркутск", "Irkutsk"), ("Владивостока", "Vladivostok"),
])
def test_names_in_other_scripts_resolve(name: str, expected: str) -> None:
    assert find_place(name).name == expected


def test_a_name_that_may_mean_another_place_says_which_and_how_to_choose() -> None:
    from routes.geo.resolve import read_places, resolve_place

    read = read_places(["Hyderabad", "Delhi"])
    assert [p.country for p in read.places] == ["IN", "IN"]
    assert len(read.notes) == 1
    note = read.notes[0]
    assert note.startswith("“Hyderabad” is read as Hyderabad (IN")
    assert "Hyderabad (PK" in note
    # the way of choosing it offers works
    suggested = note.split("(“")[1].split("”)")[0]
    assert suggested == "Hyderabad, Pakistan"
    assert resolve_place(suggested).country == "PK"


def test_sure_names_carry_no_note() -> None:
    from routes.geo.resolve import read_places

    assert read_places(["Pyongyang", "Vladivostok"]).notes == ()


def test_compare_shows_how_an_unsure_name_was_read() -> None:
    from routes import find_options, plan_trip

    # Victoria, British Columbia beside Seattle; the Australian state is named as the rival.
    result = find_options(plan_trip("Seattle", "Victoria", mode="air"))
    assert any(n.startswith("“Victoria” is read as Victoria (CA") and "(AU," in n
               for n in result.notes)


def test_the_region_around_a_town_of_its_name_is_no_rival() -> None:
    from routes.geo.resolve import read_places

    assert read_places(["New York", "London"]).notes == ()


def test_a_much_bigger_town_of_the_name_passed_over_is_always_named() -> None:
    from routes.geo.resolve import read_places

    read = read_places(["Seattle", "Vancouver"])
    assert read.places[1].country == "US"  # the context reads Vancouver, Washington
    assert any("Vancouver (CA" in n and "“Vancouver, Canada”" in n for n in read.notes)
