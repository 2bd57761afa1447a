"""The place finder's word lists are data (``data/lexicon/geoparse.toml``), each doing its job.

Every list is held to its purpose by a text written for it, read twice: with the list as
shipped, and with the one word the sentence turns on taken out of a copy of the data
folder. The reading must change, so each test fails if the word stops working or if the
code stops reading the list from data.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from routes import settings
from routes.errors import DataError
from routes.geo.geoparse import find_places, query_mentions

LEXICON = settings.data_folder / "lexicon" / "geoparse.toml"


def _found(text: str) -> list[tuple[str, str]]:
    """The places found, as (text, kind); a text of names only (``;``) is read as a query."""
    found = query_mentions(text) if ";" in text else find_places(text)
    return [(m.text, m.place.kind) for m in found]


def _folder_without(make: Callable[[dict[str, str]], Path], section: str, word: str) -> Path:
    """A data folder like the shipped one, but with ``word`` left out of ``[section]``."""
    lines = LEXICON.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(f"[{section}]\n")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("[")),
               len(lines))
    quoted = f'"{word}"'
    assert any(quoted in line for line in lines[start:end]), (section, word)
    for i in range(start, end):
        lines[i] = lines[i].replace(f"{quoted}, ", "").replace(f", {quoted}", "").replace(
            f"[{quoted}]", "[]")
    folder = make({f"lexicon/{LEXICON.name}": "".join(lines)})
    data = tomllib.loads("".join(lines))
    assert word not in data[section]["words"]
    return folder


CASES = [
    # (list, word, sentence, what is found with the word listed, what is found without it)
    ("connectors", "de", "The delegation flew on to Rio de Janeiro.",
     [("Rio de Janeiro", "city")], [("Rio", "city")]),
    ("org_tail", "airways", "KENYA AIRWAYS FLIES TO NAIROBI.",
     [("NAIROBI", "city")], [("KENYA", "country"), ("NAIROBI", "city")]),
    ("org_prefix", "Air", "Tickets on Air China sold out in Chengdu.",
     [("Chengdu", "city")], [("China", "country"), ("Chengdu", "city")]),
    ("org_head", "embassy", "Officials at the Embassy of Chile in Lima spoke.",
     [("Lima", "city")], [("Chile", "country"), ("Lima", "city")]),
    ("function_words", "to", "to Omsk; Tomsk",
     [("Omsk", "city"), ("Tomsk", "city")], [("to", "city"), ("Omsk", "city"),
                                              ("Tomsk", "city")]),
    ("calendar", "may", "In May the rains reached Dhaka.",
     [("Dhaka", "city")], [("May", "city"), ("Dhaka", "city")]),
    ("street_tail", "road", "The bus stops on Longyang Road before it reaches Pudong.",
     [("Pudong", "city")], [("Longyang", "city"), ("Pudong", "city")]),
    ("place_tail", "seafront", "Crowds walked along the Durban Seafront to the pier.",
     [("Durban", "city")], []),
    ("disease_tail", "virus", "Cases of Marburg virus were confirmed near Kampala.",
     [("Kampala", "city")], [("Marburg", "city"), ("Kampala", "city")]),
    ("speech", "said", "Dunn said the road to Raleigh was closed.",
     [("Raleigh", "city")], [("Dunn", "city"), ("Raleigh", "city")]),
    ("titles", "president", "President Jackson later travelled to Memphis.",
     [("Memphis", "city")], [("Jackson", "city"), ("Memphis", "city")]),
    ("locative", "in", "She grew up in Reading and studied at Bath.",
     [("Reading", "city"), ("Bath", "city")], [("Bath", "city")]),
    ("directions", "west", "Wildfires in West Texas spread.",
     [("Texas", "admin1")], [("West", "admin1"), ("Texas", "admin1")]),
    ("unit_nouns", "state", "Fires spread across Washington state and into Idaho.",
     [("Washington", "admin1"), ("Idaho", "admin1")],
     [("Washington", "city"), ("Idaho", "admin1")]),
    ("name_abbreviations", "St", "He flew to St. Louis yesterday.",
     [("St. Louis", "city")], []),
    ("list_gaps", "and", "Storms hit Washington, Pennsylvania and California.",
     [("Washington", "admin1"), ("Pennsylvania", "admin1"), ("California", "admin1")],
     [("Washington", "city"), ("Pennsylvania", "admin1"), ("California", "admin1")]),
    ("article_classes", "range", "Mendoza sits at the foot of the Andes, near Santiago.",
     [("Mendoza", "city"), ("Andes", "region"), ("Santiago", "city")],
     [("Mendoza", "city"), ("Andes", "city"), ("Santiago", "city")]),
    ("name_articles", "Las", "A bus crashed near the Las Manos crossing, east of Tegucigalpa.",
     [("Tegucigalpa", "city")], [("Manos", "city"), ("Tegucigalpa", "city")]),
]

@pytest.mark.parametrize(("section", "word", "text", "listed", "unlisted"), CASES,
                         ids=[c[0] for c in CASES])
def test_each_list_does_its_job_and_is_read_from_data(
        data_folder_with: Callable[[dict[str, str]], Path], monkeypatch: pytest.MonkeyPatch,
        section: str, word: str, text: str,
        listed: list[tuple[str, str]], unlisted: list[tuple[str, str]]) -> None:
    assert _found(text) == listed
    monkeypatch.setattr(settings, "data_folder", _folder_without(data_folder_with, section,
                                                                     word))
    assert _found(text) == unlisted


def test_border_nouns_keep_a_demonym_before_a_border_from_placing_the_towns(
        data_folder_with: Callable[[dict[str, str]], Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Herat is near the Iranian border."
    assert [(m.text, m.place.country) for m in find_places(text)] == [
        ("Herat", "AF"), ("Iranian", "IR")]
    monkeypatch.setattr(settings, "data_folder", _folder_without(data_folder_with,
                                                                 "border_nouns", "border"))
    assert [(m.text, m.place.country) for m in find_places(text)] == [
        ("Herat", "IR"), ("Iranian", "IR")]


def test_air_words_let_an_airport_code_be_read(
        data_folder_with: Callable[[dict[str, str]], Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The flight from LAX to JFK takes about five hours."
    assert [m.place.kind for m in find_places(text)] == ["airport", "airport"]
    monkeypatch.setattr(settings, "data_folder", _folder_without(data_folder_with,
                                                                 "air_words", "flight"))
    assert find_places(text) == []


def test_every_list_has_words_and_a_purpose() -> None:
    text = LEXICON.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    sections = [k for k, v in data.items() if isinstance(v, dict) and "words" in v]
    assert len(sections) == 24
    for name in sections:
        words = data[name]["words"]
        assert words and len(words) == len(set(words)), name
        assert all(isinstance(w, str) and w == w.strip() and w for w in words), name
        # each list is introduced by a comment saying what it is for
        before = text[:text.index(f"[{name}]")].rstrip().splitlines()[-1]
        assert before.startswith("#"), name
    assert data["sources"]


@pytest.mark.parametrize(("spoil", "message"), [
    ('words = ["Air"]', r"geoparse\.toml: \[org_prefix\] needs a list of words"),
    ("[speech]", r"geoparse\.toml: not valid TOML"),
])
def test_a_spoilt_list_is_a_one_line_data_error(data_folder_with: Callable[[dict[str, str]], Path],
                                                monkeypatch: pytest.MonkeyPatch,
                                                spoil: str, message: str) -> None:
    folder = _folder_without(data_folder_with, "org_tail", "fc")
    path = folder / "lexicon" / LEXICON.name
    text = path.read_text(encoding="utf-8")
    spoilt = 'words = "Air"' if spoil.startswith("words") else "[speech\n"
    path.write_text(text.replace(spoil, spoilt, 1), encoding="utf-8")
    monkeypatch.setattr(settings, "data_folder", folder)
    with pytest.raises(DataError, match=message):
        find_places("Trains leave Harbin at dawn.")
