from __future__ import annotations

import pytest

from routes import TripOptions, find_options, plan_trip


@pytest.fixture(scope="session")
def pyongyang_vladivostok() -> TripOptions:
    return find_options(plan_trip("Pyongyang", "Vladivostok"))


@pytest.fixture(scope="session")
def tumen_hunchun_detour() -> TripOptions:
    return find_options(plan_trip("Pyongyang", "Vladivostok", via=["Tumen", "Hunchun"]))
