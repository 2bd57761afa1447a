"""routes: read a news story, estimate every realistic rail and air route, check its claims.

The public API, in the order data flows::

    places = find_places(text)                    # Mention -> Place, offline
    trip = plan_trip("Pyongyang", "Vladivostok", via=["Tumen", "Hunchun"])
    result = find_options(trip)                   # TripOptions: RouteOption -> Leg -> Stop
    report = check_claims(text)                   # ClaimReport: CheckedClaim -> Claim
    fmap = render_map(read_story(text))           # folium.Map of options, places, claims

Every number comes with a low / central / high range (:class:`Estimate`) and the sources
behind it (``data/facts.toml``). Names are imported on first use, so ``import routes`` is
quick.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "DataError": "routes.errors", "InputError": "routes.errors",
    "NoRouteError": "routes.errors", "PlaceNotFoundError": "routes.errors",
    "RoutesError": "routes.errors", "Estimate": "routes.estimate",
    "format_table": "routes.export", "options_to_csv": "routes.export",
    "options_to_dict": "routes.export", "options_to_geojson": "routes.export",
    "options_to_json": "routes.export", "options_to_rows": "routes.export",
    "claims_to_dict": "routes.export", "Leg": "routes.itinerary",
    "RouteOption": "routes.itinerary", "Stop": "routes.itinerary",
    "Network": "routes.network", "load_network": "routes.network",
    "TripOptions": "routes.options", "find_options": "routes.options",
    "Place": "routes.places", "find_place": "routes.places", "Trip": "routes.trip",
    "plan_trip": "routes.trip", "Mention": "routes.geoparse",
    "find_places": "routes.geoparse", "iter_places": "routes.geoparse",
    "OfflineGeocoder": "routes.geocoders", "CheckedClaim": "routes.claims",
    "ClaimReport": "routes.claims", "check_claims": "routes.claims",
    "find_quantities": "routes.quantities", "Story": "routes.maps",
    "read_story": "routes.maps", "render_map": "routes.maps", "write_map": "routes.maps",
    "compare": "routes.scenarios", "load_scenario": "routes.scenarios",
    "sensitivity": "routes.scenarios",
}

__all__ = [
    "CheckedClaim", "ClaimReport", "DataError", "Estimate", "InputError", "Leg", "Mention",
    "Network", "NoRouteError", "OfflineGeocoder", "Place", "PlaceNotFoundError",
    "RouteOption", "RoutesError", "Stop", "Story", "Trip", "TripOptions", "__version__",
    "check_claims", "claims_to_dict", "compare", "find_options", "find_place", "find_places",
    "find_quantities", "format_table", "iter_places", "load_network", "load_scenario",
    "options_to_csv",
    "options_to_dict", "options_to_geojson", "options_to_json", "options_to_rows",
    "plan_trip", "read_story", "render_map", "sensitivity", "write_map",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        msg = f"module 'routes' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from routes.claims import CheckedClaim, ClaimReport, check_claims
    from routes.errors import DataError, InputError, NoRouteError, PlaceNotFoundError, RoutesError
    from routes.estimate import Estimate
    from routes.export import (
        claims_to_dict,
        format_table,
        options_to_csv,
        options_to_dict,
        options_to_geojson,
        options_to_json,
        options_to_rows,
    )
    from routes.geocoders import OfflineGeocoder
    from routes.geoparse import Mention, find_places, iter_places
    from routes.itinerary import Leg, RouteOption, Stop
    from routes.maps import Story, read_story, render_map, write_map
    from routes.network import Network, load_network
    from routes.options import TripOptions, find_options
    from routes.places import Place, find_place
    from routes.quantities import find_quantities
    from routes.scenarios import compare, load_scenario, sensitivity
    from routes.trip import Trip, plan_trip
