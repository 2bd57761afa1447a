"""routes: read a story, estimate every rail, road, air and sea route, check its claims.

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
    "format_table": "routes.io.export", "options_to_csv": "routes.io.export",
    "options_to_dict": "routes.io.export", "options_to_geojson": "routes.io.export",
    "options_to_json": "routes.io.export", "options_to_rows": "routes.io.export",
    "claims_to_dict": "routes.io.export", "Leg": "routes.itinerary",
    "RouteOption": "routes.itinerary", "Stop": "routes.itinerary",
    "Network": "routes.network.graph", "load_network": "routes.network.graph",
    "TripOptions": "routes.options", "find_options": "routes.options",
    "Place": "routes.geo.places", "find_place": "routes.geo.places", "Trip": "routes.trip",
    "plan_trip": "routes.trip", "Mention": "routes.geo.geoparse",
    "find_places": "routes.geo.geoparse", "iter_places": "routes.geo.geoparse",
    "OfflineGeocoder": "routes.geo.geocoders", "CheckedClaim": "routes.verdicts",
    "ClaimReport": "routes.verdicts", "check_claims": "routes.verdicts",
    "find_quantities": "routes.text.quantities", "Story": "routes.io.maps",
    "read_story": "routes.io.maps", "render_map": "routes.io.maps", "write_map": "routes.io.maps",
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
    from routes.errors import DataError, InputError, NoRouteError, PlaceNotFoundError, RoutesError
    from routes.estimate import Estimate
    from routes.geo.geocoders import OfflineGeocoder
    from routes.geo.geoparse import Mention, find_places, iter_places
    from routes.geo.places import Place, find_place
    from routes.io.export import (
        claims_to_dict,
        format_table,
        options_to_csv,
        options_to_dict,
        options_to_geojson,
        options_to_json,
        options_to_rows,
    )
    from routes.io.maps import Story, read_story, render_map, write_map
    from routes.itinerary import Leg, RouteOption, Stop
    from routes.network.graph import Network, load_network
    from routes.options import TripOptions, find_options
    from routes.scenarios import compare, load_scenario, sensitivity
    from routes.text.quantities import find_quantities
    from routes.trip import Trip, plan_trip
    from routes.verdicts import CheckedClaim, ClaimReport, check_claims
