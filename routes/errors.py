"""The errors routes raises.

Every error is a :class:`RoutesError`; each also derives from the built-in exception a
caller would expect (``LookupError`` for an unknown place, ``ValueError`` for bad input),
so ``except ValueError`` keeps working. Messages say what was wrong and what to do.
"""

from __future__ import annotations

import errno

__all__ = [
    "CorpusError",
    "DataError",
    "FileAccessError",
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


_REASONS = {
    errno.ENOSPC: ("no space left on device", "free some space or choose another output"),
    errno.EDQUOT: ("disk quota exceeded", "free some space or choose another output"),
    errno.EFBIG: ("file too large for its file system", "choose another output"),
    errno.EACCES: ("permission denied", "check its permissions and those of its folder"),
    errno.EPERM: ("operation not permitted", "check its permissions and those of its folder"),
    errno.EROFS: ("read-only file system", "choose another output"),
    errno.EIO: ("input/output error", "check the disk"),
}


class FileAccessError(RoutesError, OSError):
    """A file or a stream cannot be read or written: permission denied, disk full, read-only.

    Examples
    --------
    >>> import errno
    >>> print(FileAccessError.from_os_error(OSError(errno.EROFS, "Read-only file system"),
    ...                                     "map.html", action="write"))
    cannot write map.html: read-only file system; choose another output

    """

    @classmethod
    def from_os_error(cls, exc: OSError, name: str, *, action: str) -> FileAccessError:
        """The one-line error for ``exc``, raised while trying to ``action`` the file ``name``."""
        reason, hint = _REASONS.get(exc.errno or 0, (exc.strerror or type(exc).__name__, ""))
        if action == "read" and exc.errno in (errno.EACCES, errno.EPERM):
            hint = "check its permissions, or run as a user who may read it"
        error = cls(f"cannot {action} {name}: {reason}" + (f"; {hint}" if hint else ""))
        error.errno = exc.errno
        return error
