"""The claim finder's words are data (``data/lexicon/claims.toml`` and ``modes.toml``).

Their behaviour is held by the claim tests (tests/test_claims.py), sentence by sentence;
here, the files themselves: every list says what it is for, named services carry their
source, and the words are read from the data folder in use.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from routes import settings
from routes.errors import DataError
from routes.text.lexicon import MODES, load_lexicon

FOLDER = settings.data_folder / "lexicon"


def _toml(name: str) -> tuple[str, dict[str, object]]:
    text = (FOLDER / name).read_text(encoding="utf-8")
    return text, tomllib.loads(text)


def test_every_word_list_of_the_claim_words_says_what_it_is_for() -> None:
    text, data = _toml("claims.toml")
    lists = [k for k, v in data.items() if isinstance(v, dict) and "words" in v]
    assert {"travel", "relation", "apart", "not_travel", "freight", "negation"} <= set(lists)
    for name in lists:
        table = data[name]
        assert isinstance(table, dict)
        words = table["words"]
        assert words and len({w.casefold() for w in words}) == len(words), name
        before = text[:text.index(f"[{name}]")].rstrip().splitlines()[-1]
        assert before.startswith("#"), f"[{name}] has no comment saying what it is for"


def test_named_services_carry_a_source_and_unsourced_cues_say_so() -> None:
    _, data = _toml("modes.toml")
    cues = data["cue"]
    assert isinstance(cues, list) and len(cues) > 100
    for cue in cues:
        assert cue["mode"] in MODES and cue["strength"] in ("strong", "weak"), cue["text"]
        if cue.get("kind") == "service":
            assert cue.get("source"), f"named service {cue['text']!r} has no source"
        if not cue.get("source"):
            assert cue.get("confidence") == "low", cue["text"]
    effects = {"rate", "wait", "not_trip", "frequency", "both_ways", "either_way", "size",
               "hypothetical", "caution", "disambiguation"}
    negatives = data["negative"]
    assert isinstance(negatives, list)
    assert {n["effect"] for n in negatives} <= effects


def test_a_qualified_cue_is_a_weak_word_that_a_figure_makes_sure(
        data_folder_with: Callable[[dict[str, str]], Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    def qualified(word: str) -> bool:
        return all(c.qualified for _, _, c in load_lexicon().cues(word))

    assert qualified("drive") and qualified("crossing") and qualified("walk")
    assert not qualified("run")  # "the 192 km run" is a train's
    _spoilt_cue(data_folder_with, monkeypatch,
                'text = "zeppelin"\nmode = "air"\nkind = "vehicle"\nstrength = "strong"\n'
                'qualified = true', "only on a weak cue")


def test_a_stopping_service_is_a_high_speed_one(
        data_folder_with: Callable[[dict[str, str]], Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    kodama = load_lexicon().service("Kodama")
    assert kodama is not None and kodama.high_speed and kodama.stopping
    nozomi = load_lexicon().service("Nozomi")
    assert nozomi is not None and not nozomi.stopping
    assert load_lexicon().service("Kyoto") is None
    _spoilt_cue(data_folder_with, monkeypatch,
                'text = "Slowcoach"\nmode = "rail"\nkind = "service"\nstrength = "strong"\n'
                'stopping = true', "only on a high-speed cue")


def _spoilt_cue(data_folder_with: Callable[[dict[str, str]], Path],
                monkeypatch: pytest.MonkeyPatch, fields: str, message: str) -> None:
    """A cue with ``fields`` added to modes.toml makes loading the lexicon a data error."""
    text = (FOLDER / "modes.toml").read_text(encoding="utf-8")
    text += f'\n[[cue]]\n{fields}\nconfidence = "low"\n'
    monkeypatch.setattr(settings, "data_folder",
                        data_folder_with({"lexicon/modes.toml": text}))
    with pytest.raises(DataError, match=message):
        load_lexicon()


def test_the_mode_words_follow_the_data_folder(
        data_folder_with: Callable[[dict[str, str]], Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = (FOLDER / "modes.toml").read_text(encoding="utf-8")
    text += ('\n[[cue]]\ntext = "zeppelin"\nmode = "air"\nkind = "vehicle"\n'
             'strength = "strong"\nconfidence = "low"\n')
    folder = data_folder_with({"lexicon/modes.toml": text})
    sentence = "They crossed the Alps by zeppelin."
    assert [c.mode for _, _, c in load_lexicon().cues(sentence)] == []
    monkeypatch.setattr(settings, "data_folder", folder)
    assert [c.mode for _, _, c in load_lexicon().cues(sentence)] == ["air"]
