"""The errors routes raises.

Every error is a :class:`RoutesError`; each also derives from the built-in exception a
caller would expect (``LookupError`` for an unknown place, ``ValueError`` for bad input),
so ``except ValueError`` keeps working. Messages say what was wrong and what to do.
"""

from __future__ import annotations

__all__ = [
    "CorpusError",
    "DataError",
    "InputError",
    "NoRouteError",
    "PlaceNotFoundError",
    "RoutesError",
]


class RoutesError(Exception):
    """Base class of every error raised by routes."""


class InputError(RoutesError, ValueError):
    """An argument or an input file is not usable (empty, malformed, contradictory)."""


class PlaceNotFoundError(RoutesError, LookupError):
    """A place name is not in the gazetteer.

    Parameters
    ----------
    name
        The name that was looked up.
    suggestions
        Close matches, best first, to show the user.

    """

    def __init__(self, name: str, suggestions: tuple[str, ...] = ()) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = f"; did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        super().__init__(f"unknown place {name!r}{hint}")


class NoRouteError(RoutesError, ValueError):
    """No route satisfies the trip's constraints (modes, via, avoid)."""


class DataError(RoutesError, ValueError):
    """A data file is missing, malformed or inconsistent; the message names file and record."""


class CorpusError(RoutesError, RuntimeError):
    """A corpus run could not go on (a worker died); what was already written is kept."""
