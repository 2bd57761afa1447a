"""The on-disk cache of prepared data: parsed once, read fast by every later process.

Each entry is named by a hash of the files it was made from (and of the code that made
it), so a changed file is simply parsed again; nothing is ever served stale. An entry
starts with the SHA-256 of its body: a damaged entry is made again, never trusted. The folder is
:data:`routes.settings.cache_folder`; with :data:`routes.settings.use_cache` off, or a
folder that cannot be written, everything is parsed every time.

Examples
--------
>>> import tomllib
>>> from routes import settings
>>> path = settings.data_folder / "lexicon" / "claims.toml"
>>> data = cached("toml", [path], lambda: tomllib.loads(path.read_text(encoding="utf-8")))
>>> "travel" in data
True

"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from routes import settings

__all__ = ["cached", "fingerprint"]

T = TypeVar("T")


def fingerprint(paths: Sequence[Path], *extra: str) -> str:
    """A short hash of the files' paths and contents, and of ``extra`` strings."""
    h = hashlib.sha256()
    for value in extra:
        h.update(value.encode())
    for path in paths:
        # The full path too: a result may name its files (facts keep their path), and a
        # copy of the data elsewhere is another data set.
        h.update(str(path.resolve()).encode())
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"missing")
    return h.hexdigest()[:16]


def cached(kind: str, paths: Sequence[Path], make: Callable[[], T], *,
           code: Path | None = None, extra: Sequence[str] = ()) -> T:
    """``make()``, or the copy of its result kept for these exact ``paths``.

    Parameters
    ----------
    kind
        A name for the entry ("facts", "toml").
    paths
        The files the result is made from.
    make
        Makes the result from the files; its errors are raised as they are.
    code
        The module that makes it, when a change of code must make a new entry.
    extra
        Other things the result depends on (another cache's fingerprint, a version).

    """
    if not settings.use_cache:
        return make()
    sources = [*paths, code] if code is not None else list(paths)
    entry = settings.cache_folder / f"{kind}-{fingerprint(sources, kind, *extra)}.pickle"
    try:
        blob = entry.read_bytes()
        body = blob[32:]
        if hashlib.sha256(body).digest() == blob[:32]:
            return pickle.loads(body)  # type: ignore[no-any-return]
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
            IndexError, TypeError, ValueError):
        pass
    result = make()
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        body = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        tmp = entry.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(hashlib.sha256(body).digest() + body)
        tmp.chmod(0o644)
        tmp.replace(entry)
    except OSError:
        pass  # a cache folder that cannot be written only costs the parse
    return result
