"""The gazetteer's added data: named features, generic words, airports, names in other scripts."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from routes import settings
from routes.errors import DataError
from routes.geo.gazetteer import _FEATURE_KIND, _feature_words, load_gazetteer
from routes.geo.geodesy import distance_km
from routes.geo.places import normalize_name

DATA = Path(__file__).resolve().parents[1] / "data" / "gazetteer"


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def test_features_file_is_small_and_well_formed() -> None:
    rows = _rows("features.csv")
    assert list(rows[0]) == ["name", "kind", "country", "lat", "lon", "rank"]
    assert len(rows) > 5_000
    assert (DATA / "features.csv").stat().st_size < 1_000_000
    for row in rows:
        assert row["kind"] in _FEATURE_KIND, row
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row
        assert 0 <= int(row["rank"]) <= 12, row
        assert row["country"] == "" or len(row["country"]) == 2, row
        assert row["name"] == row["name"].strip() and "  " not in row["name"], row


def test_feature_words_name_known_classes() -> None:
    words = _feature_words(DATA / "feature_words.csv")
    assert ("volcano", "after", "volcano;mountain", True) in words
    assert any(w == "railway station" and where == "after" for w, where, _, _ in words)


def test_feature_words_with_an_unknown_class_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "feature_words.csv"
    path.write_text("word,where,classes,strip\nvolcano,after,volcanoes,no\n", encoding="utf-8")
    with pytest.raises(DataError, match="volcanoes"):
        _feature_words(path)


def test_a_volcano_is_found_by_its_short_name_and_keeps_its_class() -> None:
    gaz = load_gazetteer()
    semeru = gaz.candidates("semeru")
    assert [gaz.feature_class(e) for e in semeru] == ["volcano"]
    assert gaz.kind(semeru[0]) == "landmark"
    assert distance_km(gaz.point(semeru[0]), (-8.11, 112.92)) < 10


def test_lakes_and_rivers_only_under_names_that_say_so() -> None:
    gaz = load_gazetteer()
    assert any(gaz.feature_class(e) == "lake" for e in gaz.candidates("lake victoria"))
    assert not any(gaz.feature_class(e) == "lake" for e in gaz.candidates("victoria"))


def test_a_feature_already_a_unit_is_not_indexed_twice() -> None:
    gaz = load_gazetteer()
    assert [gaz.kind(e) for e in gaz.candidates("tasmania")].count("island") == 1  # curated
    assert all(gaz.feature_class(e) != "region" for e in gaz.candidates("alaska")
               if gaz.country_of(e) == "US")


def test_airports_by_full_and_short_names() -> None:
    gaz = load_gazetteer()
    for key in ("london heathrow airport", "heathrow airport", "heathrow"):
        first = gaz.candidates(key)[0]
        assert (gaz.kind(first), gaz.country_of(first)) == ("airport", "GB"), key


def test_an_airport_whose_town_names_its_district_has_its_short_name() -> None:
    # OurAirports gives Pudong's town as "Shanghai (Pudong)": the town is Shanghai.
    gaz = load_gazetteer()
    first = gaz.candidates("pudong airport")[0]
    assert (gaz.kind(first), gaz.name(first)) == ("airport",
                                                  "Shanghai Pudong International Airport")


def test_big_towns_have_their_names_in_other_scripts() -> None:
    gaz = load_gazetteer()
    assert gaz.name(gaz.candidates("владивосток")[0]) == "Vladivostok"
    assert gaz.name(gaz.candidates("平壤")[0]) == "Pyongyang"


@pytest.mark.parametrize(("name", "iso"), [
    ("китай", "CN"), ("中国", "CN"), ("中國", "CN"), ("кндр", "KP"), ("북한", "KP"),
    ("россия", "RU"), ("俄罗斯", "RU"), ("северная корея", "KP"),
])
def test_countries_have_their_names_in_other_scripts(name: str, iso: str) -> None:
    gaz = load_gazetteer()
    first = gaz.candidates(normalize_name(name))[0]
    assert (gaz.kind(first), gaz.country_of(first)) == ("country", iso)


def test_a_town_known_only_through_its_airport_is_found() -> None:
    from routes.geo.geoparse import find_places

    lukla = {m.text: m.place for m in find_places("Flights to Lukla in Nepal were cancelled.")}
    assert (lukla["Lukla"].kind, lukla["Lukla"].country) == ("airport", "NP")
    gaz = load_gazetteer()
    assert all(gaz.kind(e) != "airport" for e in gaz.candidates("london"))


def test_airfield_towns_file_is_well_formed() -> None:
    rows = _rows("airfield_towns.csv")
    assert list(rows[0]) == ["name", "country", "lat", "lon", "airfields", "spread_km"]
    assert len(rows) > 5_000
    for row in rows:
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180
        assert len(row["country"]) == 2 and row["name"][0].isalpha()
        assert float(row["spread_km"]) <= 30.0 and int(row["airfields"]) >= 1


def test_a_village_known_only_through_its_airstrip_is_found_where_it_lies() -> None:
    from routes.geo.geoparse import find_places

    found = {m.text: m.place for m in find_places(
        "Residents of Yellow Pine were led out over a closed road to McCall, Idaho. In the "
        "highlands, villagers walked from Kandep to the nearest market.")}
    # Yellow Pine, Idaho (44.96 N, 115.50 W); Kandep, Enga, Papua New Guinea (5.84 S, 143.51 E)
    assert (found["Yellow Pine"].country, found["Yellow Pine"].source) == ("US", "OurAirports")
    assert distance_km(found["Yellow Pine"].point, (44.96, -115.50)) < 30
    assert distance_km(found["Kandep"].point, (-5.84, 143.51)) < 10
    # the village stands for the district of its name around it, which keeps its full name
    district, = find_places("Fighting was reported in Kandep district.")
    assert (district.text, district.place.kind, district.place.country) == (
        "Kandep district", "admin2", "PG")


def test_an_airstrip_town_gives_way_to_any_other_place_of_its_name() -> None:
    gaz = load_gazetteer()
    towns = {normalize_name(r["name"]) for r in _rows("airfield_towns.csv")}
    assert "natashquan" in towns  # a small airfield names it; the world's airports have it
    assert gaz.kind(gaz.candidates("natashquan")[0]) == "airport"
    assert all(not gaz.entry_id(e).startswith("airfield:")
               for e in gaz.candidates("natashquan"))


def test_an_airstrip_town_named_like_a_person_needs_evidence() -> None:
    from routes.geo.geoparse import find_places

    def names(text: str) -> set[str]:
        return {m.text for m in find_places(text)}

    # "Bernard" is a place only an airfield gives (Bernard, Iowa): without "in" or "of" it
    # is a first name, and it still tells that the surname after it is a person's
    assert "Bernard" in names("The strip at Bernard was closed.")
    assert names("Bernard Matthews said the farm in Suffolk was sealed off.") == {"Suffolk"}
    assert names("Bernard spoke to reporters in Suffolk.") == {"Suffolk"}


def test_an_airport_short_name_yields_to_a_town_of_that_name() -> None:
    gaz = load_gazetteer()
    assert gaz.kind(gaz.candidates("hollywood")[0]) == "city"  # not Fort Lauderdale's airport
    assert gaz.kind(gaz.candidates("heathrow")[0]) == "airport"  # a village in Florida


def test_a_ferry_port_no_place_names_is_found_under_its_names() -> None:
    from routes.geo.geoparse import find_places

    found = {m.text: m.place for m in find_places(
        "The boat from Tsawwassen docks at Swartz Bay; the Waiheke Island ferry too.")}
    # Before, "Swartz Bay" was read as Swartz, Louisiana.
    assert (found["Swartz Bay"].country, found["Swartz Bay"].kind) == ("CA", "landmark")
    assert found["Waiheke Island"].country == "NZ"
    gaz = load_gazetteer()
    # A port named like its town is the town: no second Dover.
    assert all(gaz.feature_class(e) != "port" for e in gaz.candidates("dover"))
    assert any(gaz.feature_class(e) == "port" for e in gaz.candidates("matiatia"))


def test_ferry_ports_come_from_the_ferry_list(data_folder_with: Callable[[dict[str, str]], Path],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    ferries = (settings.data_folder / "sea" / "ferries.csv").read_text(encoding="utf-8")
    kept = "\n".join(line for line in ferries.splitlines() if "Swartz Bay" not in line)
    monkeypatch.setattr(settings, "data_folder", data_folder_with({"sea/ferries.csv": kept + "\n"}))
    gaz = load_gazetteer()
    assert all(gaz.feature_class(e) != "port" for e in gaz.candidates("swartz bay"))


def test_english_counties_in_an_english_story() -> None:
    from routes.geo.geoparse import find_places

    found = {m.text: m.place for m in find_places(
        "Cases rose in Norwich and across Norfolk and Suffolk, England.", demonyms=False)}
    assert found["Norfolk"].country == "GB" and found["Suffolk"].country == "GB"


def test_a_province_named_after_its_big_town_is_the_town() -> None:
    from routes.geo.geoparse import find_places

    found = find_places("The high-speed line from Barcelona to Madrid opened in 2008.")
    assert [(m.text, m.place.kind) for m in found] == [("Barcelona", "city"),
                                                       ("Madrid", "city")]


def test_admin2_file_is_small_and_well_formed() -> None:
    rows = _rows("admin2.csv")
    assert list(rows[0]) == ["code", "name", "country", "admin1", "lat", "lon", "towns",
                             "population", "wof_id", "aliases"]
    assert len(rows) > 20_000
    assert (DATA / "admin2.csv").stat().st_size < 5_000_000
    assert not any(row["country"] == "US" for row in rows)  # us_counties.csv has them
    for row in rows:
        assert row["code"].startswith(f"{row['country']}.{row['admin1']}."), row
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row
        assert int(row["population"]) >= 0, row
        # placed by its towns, or else by Who's On First (and then only then other names)
        assert (int(row["towns"]) >= 1) != row["wof_id"].isdigit(), row
        assert row["wof_id"] or not row["aliases"], row
    # every Who's On First repository read is recorded with its commit
    repos = _rows("wof_repos.csv")
    assert len(repos) > 100
    assert all(r["repository"].startswith("whosonfirst-data/whosonfirst-data-admin-")
               and len(r["commit"]) == 40 for r in repos)


def test_a_district_geonames_has_no_town_in_takes_its_point_from_whos_on_first() -> None:
    from routes.geo.geoparse import find_places

    found = {m.text: m.place for m in find_places(
        "Relief convoys left for Jajarkot district, and fighting was reported in Nerkh "
        "district.")}
    jajarkot, nerkh = found["Jajarkot district"], found["Nerkh district"]
    assert (jajarkot.kind, jajarkot.country) == ("admin2", "NP")
    assert distance_km((jajarkot.lat, jajarkot.lon), (28.75, 82.2)) < 30  # western Nepal
    assert jajarkot.source == "GeoNames; point: Who's On First"
    # found under Who's On First's other spelling of GeoNames' "Nirkh"
    assert (nerkh.name, nerkh.country, nerkh.kind) == ("Nirkh", "AF", "admin2")
    assert distance_km((nerkh.lat, nerkh.lon), (34.5, 69.2)) < 60  # west of Kabul


def test_a_districts_other_name_never_takes_a_name_another_place_has() -> None:
    from routes.geo.geoparse import find_places

    # Who's On First also calls Botene district, in the south, "Boten": the name stays the
    # border station's, 400 km north
    gaz = load_gazetteer()
    assert [gaz.kind(e) for e in gaz.candidates("boten")] == ["station"]
    assert any(gaz.kind(e) == "admin2" for e in gaz.candidates("botene"))
    found = {m.text: m.place for m in find_places(
        "The railway runs 422 km from Vientiane to Boten, on the Chinese border.")}
    assert found["Boten"].kind == "station" and found["Boten"].lat > 21


def test_a_district_named_with_district_after_it_is_the_district() -> None:
    from routes.geo.geoparse import find_places

    found = {m.text: m.place for m in find_places(
        "Fighting spread to Garmsir district in Helmand province overnight.")}
    district = found["Garmsir district"]
    assert (district.kind, district.country, district.source) == ("admin2", "AF", "GeoNames")
    assert distance_km((district.lat, district.lon), (30.9, 64.1)) < 100  # lower Helmand


def test_a_town_beats_its_namesake_district() -> None:
    gaz = load_gazetteer()
    ranked = [gaz.kind(e) for e in gaz.candidates("gulistan")]
    assert "admin2" in ranked and ranked[0] == "city"  # Gulistan, Uzbekistan
    assert max(gaz.prior(e) for e in gaz.candidates("gulistan") if gaz.kind(e) == "admin2"
               ) < min(gaz.prior(e) for e in gaz.candidates("gulistan") if gaz.kind(e) == "city")


def test_a_district_named_like_a_word_stays_out_of_ordinary_text() -> None:
    from routes.geo.geoparse import find_places

    gaz = load_gazetteer()
    for word in ("light", "federation", "village"):  # districts of Australia, Saint Lucia
        assert any(gaz.kind(e) == "admin2" for e in gaz.candidates(word)), word
        assert word in gaz.common_words, word  # taken only with evidence
    for text in ("Light rain fell as Federation officials toured the Village.",
                 "Federation officials toured Brisbane and Light yesterday."):
        assert all(m.place.kind != "admin2" for m in find_places(text)), text
    found = {m.text: m.place for m in find_places("Floods hit Karo district in North Sumatra.")}
    assert (found["Karo district"].kind, found["Karo district"].country) == ("admin2", "ID")


def test_a_name_only_districts_have_needs_evidence() -> None:
    from routes.geo.geoparse import find_places

    assert not find_places("Ayala described how she found the ring.")  # a surname
    found = {m.text: m.place for m in find_places("They drove on to Ayala, in Morelos.")}
    assert (found["Ayala"].kind, found["Ayala"].country) == ("admin2", "MX")


def test_vietnamese_names_are_found_written_as_one_word() -> None:
    from routes.geo.geoparse import find_places

    found = {m.text: m.place for m in find_places(
        "From Hanoi the night bus climbs to Sapa, and boats leave Halong for the bay.")}
    assert (found["Sapa"].name, found["Sapa"].country) == ("Sa Pa", "VN")
    assert found["Halong"].country == "VN"


def test_a_town_is_found_without_the_hyphenated_arabic_article_of_its_other_name() -> None:
    # GeoNames lists "El-Hodeidah" among Al Ḩudaydah's names; the news writes "Hodeidah".
    from routes.geo.geoparse import find_places

    assert [m.place.country for m in find_places("The port of Hodeidah was shelled.")] == ["YE"]
    assert [m.place.country for m in find_places("Clashes in Qamishli went on.")] == ["SY"]
