"""routes: read a news story, estimate every realistic rail and air route, check its claims.

The public API, in the order data flows::

    trip = plan_trip("Pyongyang", "Vladivostok", via=["Tumen", "Hunchun"])
    result = find_options(trip)          # TripOptions: RouteOption -> Leg -> Stop
    options_to_json(result)              # or options_to_rows / options_to_geojson

Every number comes with a low / central / high range (:class:`Estimate`) and the sources
behind it (``data/facts.toml``).
"""

from __future__ import annotations

from routes.errors import DataError, InputError, NoRouteError, PlaceNotFoundError, RoutesError
from routes.estimate import Estimate
from routes.export import (
    format_table,
    options_to_csv,
    options_to_dict,
    options_to_geojson,
    options_to_json,
    options_to_rows,
)
from routes.itinerary import Leg, RouteOption, Stop
from routes.network import Network, load_network
from routes.options import TripOptions, find_options
from routes.places import Place, find_place
from routes.trip import Trip, plan_trip

__version__ = "0.1.0"

__all__ = [
    "DataError",
    "Estimate",
    "InputError",
    "Leg",
    "Network",
    "NoRouteError",
    "Place",
    "PlaceNotFoundError",
    "RouteOption",
    "RoutesError",
    "Stop",
    "Trip",
    "TripOptions",
    "__version__",
    "find_options",
    "find_place",
    "format_table",
    "load_network",
    "options_to_csv",
    "options_to_dict",
    "options_to_geojson",
    "options_to_json",
    "options_to_rows",
    "plan_trip",
]
