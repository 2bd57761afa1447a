from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from routes import TripOptions, find_options, plan_trip
from routes import settings as routes_settings

# Hypothesis profiles: "routes" for the normal suite (a sample), "fuzz" for the dedicated run
# (make fuzz: pytest tests/test_fuzz.py --hypothesis-profile=fuzz).
settings.register_profile("routes", max_examples=60, deadline=None)
settings.register_profile("fuzz", max_examples=10_000, deadline=None)
settings.load_profile("routes")


@pytest.fixture(scope="session")
def pyongyang_vladivostok() -> TripOptions:
    return find_options(plan_trip("Pyongyang", "Vladivostok"))


@pytest.fixture(scope="session")
def tumen_hunchun_detour() -> TripOptions:
    return find_options(plan_trip("Pyongyang", "Vladivostok", via=["Tumen", "Hunchun"]))


@pytest.fixture
def data_folder_with(tmp_path: Path) -> Callable[[dict[str, str]], Path]:
    """Make a data folder like the shipped one (its files linked), but for some files.

    Called with a map of a file's path inside the folder ("lexicon/modes.toml") to its new
    text; every other file is a link to the shipped one.
    """
    return lambda replaced: _linked_folder(tmp_path / "data", replaced)


def _linked_folder(folder: Path, replaced: dict[str, str]) -> Path:
    wanted = {Path(name) for name in replaced}

    def link(inside: Path) -> None:
        (folder / inside).mkdir(parents=True)
        for entry in (routes_settings.data_folder / inside).iterdir():
            here = inside / entry.name
            if here in wanted:
                continue  # written below
            if entry.is_dir() and any(w.is_relative_to(here) for w in wanted):
                link(here)
            else:
                (folder / here).symlink_to(entry)

    link(Path())
    for name, text in replaced.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def bound_by_permissions() -> Callable[[], list[str]]:
    """Make a command prefix under which file modes apply, or skip the test.

    Root may read and write any file whatever its mode, so the prefix drops root's power to
    override them (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) with setpriv; [] for other users.
    Called only by the tests (or rows) that need it.
    """
    def prefix() -> list[str]:
        if os.geteuid() != 0:
            return []
        found = ["setpriv", "--inh-caps=-all",
                 "--bounding-set=-dac_override,-dac_read_search", "--"]
        if shutil.which("setpriv") is None or subprocess.run(
                [*found, "true"], capture_output=True, check=False).returncode != 0:
            pytest.skip("running as root, which may read and write any file, and setpriv "
                        "cannot take that power away here")
        return found
    return prefix
