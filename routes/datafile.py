"""Reading the project's data files: TOML tables and CSV rows, with one-line errors.

A missing file, a file that is not TOML, or a CSV file that cannot be decoded is a
:class:`~routes.errors.DataError` naming the file, never a traceback.

Examples
--------
>>> from routes import settings
>>> rows = read_csv(settings.data_folder / "sea" / "ferries.csv", what="ferries file")
>>> rows[0]["id"]
'dover-calais'
>>> read_toml(settings.data_folder / "nowhere.toml", what="sea model")
Traceback (most recent call last):
...
routes.errors.DataError: sea model not found: .../nowhere.toml

"""

from __future__ import annotations

import csv
import tomllib
from pathlib import Path
from typing import Any

from routes.errors import DataError

__all__ = ["read_csv", "read_toml"]


def read_toml(path: Path, *, what: str) -> dict[str, Any]:
    """The tables of a TOML file; ``what`` names the file in the error ("sea model")."""
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise DataError(f"{what} not found: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"{path.name}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise DataError(f"{path.name}: unreadable: {exc}") from None


def read_csv(path: Path, *, what: str) -> list[dict[str, str]]:
    """The rows of a CSV file with a header; ``what`` names the file in the error."""
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))
    except FileNotFoundError:
        raise DataError(f"{what} not found: {path}") from None
    except (UnicodeDecodeError, csv.Error, OSError) as exc:
        raise DataError(f"{path.name}: unreadable: {exc}") from None
