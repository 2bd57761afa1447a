from __future__ import annotations

import pytest
from hypothesis import settings

from routes import TripOptions, find_options, plan_trip

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
