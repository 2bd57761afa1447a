"""Ways to travel: one module per mode behind one small protocol, and their registry.

Each mode turns a :class:`~routes.trip.Trip` into route options:

* ``rail``: paths through the rail network (:mod:`routes.modes.rail`);
* ``road``: the road model, with bridges, tunnels and car ferries over water
  (:mod:`routes.modes.road`);
* ``air``: flights between the airports that serve the two places (:mod:`routes.modes.air`);
* ``sea``: the listed ferries between ports near the two places (:mod:`routes.modes.sea`).

The registry maps a mode's name to its implementation, which is imported on first use, so
naming the modes costs nothing.

Examples
--------
>>> MODE_NAMES
('rail', 'road', 'air', 'sea')
>>> get_mode("air").name
'air'

"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from routes.itinerary import RouteOption
    from routes.network.graph import Network
    from routes.trip import Trip

__all__ = ["MODE_NAMES", "Mode", "get_mode"]

#: The modes, in the order their options are listed.
MODE_NAMES = ("rail", "road", "air", "sea")


class Mode(Protocol):
    """A way to travel: its name, and the options it offers for a trip."""

    name: str

    def options(self, trip: Trip, network: Network) -> list[RouteOption]:
        """Route options for ``trip``; ``NoRouteError`` says why there are none."""
        ...


def get_mode(name: str) -> Mode:
    """The implementation of mode ``name`` (``KeyError`` for an unknown one)."""
    if name not in MODE_NAMES:
        raise KeyError(name)
    module = importlib.import_module(f"routes.modes.{name}")
    mode: Mode = module.MODE
    return mode
