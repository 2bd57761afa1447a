"""Where routes writes: one set of rules for every output.

The command line writes maps (``routes map -o``), batch results (``--out``) and everything
else to standard output. Every output goes through this module, so the rules are the same
everywhere:

* ``-`` is standard output.
* A symbolic link is written through: the file it points to is written, and the link stays.
* Only a regular file is ever replaced, and only when asked (``force``). A directory, a device
  (``/dev/full``, ``/dev/null``), a FIFO or a socket is refused with an
  :class:`~routes.errors.InputError`, never replaced.
* A whole file is first written to a temporary file in the same folder, then renamed into
  place: a failed or interrupted write leaves the old file as it was. It keeps the old
  file's permissions.
* A failure to write (disk full, permission denied, read-only file system) is a
  :class:`~routes.errors.FileAccessError` that names the output. A closed pipe stays a
  ``BrokenPipeError``, which the command line ends quietly.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> out = check_output(folder / "map.html")
>>> out.exists, out.is_stdout
(False, False)
>>> write_output(out, "<p>a map</p>")
>>> check_output(folder / "map.html", force=True).exists
True
>>> try:
...     check_output("/dev/null", force=True)
... except InputError as exc:
...     print(exc)
/dev/null is a character device, not a regular file; give a file name, or - for standard output
>>> check_output("-").name
'standard output'

"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, AnyStr, BinaryIO, Generic, TextIO

from routes.errors import FileAccessError, InputError

__all__ = [
    "STDOUT",
    "Output",
    "OutputStream",
    "check_output",
    "discard_stdout",
    "open_results",
    "stdout_bytes",
    "stdout_text",
    "write_output",
]

#: The name that stands for standard output.
STDOUT = "-"

_KINDS = ((stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"),
          (stat.S_ISFIFO, "FIFO (named pipe)"), (stat.S_ISSOCK, "socket"))


@dataclass(frozen=True, slots=True)
class Output:
    """An output, checked: the name the user gave and the regular file that is written.

    Attributes
    ----------
    name
        The name to show in messages: the path as given, or "standard output".
    path
        The file that is written, with symbolic links followed; ``None`` for standard output.
    exists
        Whether ``path`` exists already (it is then a regular file).

    """

    name: str
    path: Path | None
    exists: bool

    @property
    def is_stdout(self) -> bool:
        """Whether this output is standard output."""
        return self.path is None


def check_output(path: str | Path, *, force: bool = False, resume: bool = False) -> Output:
    """Check that ``path`` may be written, before any work is done.

    Parameters
    ----------
    path
        The output as the user named it; ``"-"`` is standard output.
    force
        Whether an existing regular file may be replaced.
    resume
        Whether an existing regular file may be kept and appended to (batch results).

    Raises
    ------
    InputError
        The folder does not exist; the path is a directory, a device, a FIFO or a socket; or
        it exists and neither ``force`` nor ``resume`` is given.
    FileAccessError
        The path cannot be looked at (a folder on the way is not searchable).

    """
    name = str(path)
    if name == STDOUT:
        return Output("standard output", None, exists=False)
    given = Path(path)
    try:
        target = given.resolve()
    except (OSError, RuntimeError) as exc:  # a loop of symbolic links
        msg = f"{name} is a symbolic link that leads nowhere ({exc}); give a file name"
        raise InputError(msg) from None
    try:
        st = target.stat()
    except FileNotFoundError:
        folder = target.parent if given.is_symlink() else given.parent
        if not folder.is_dir():
            msg = f"folder {folder} does not exist; create it or choose another output"
            raise InputError(msg) from None
        return Output(name, target, exists=False)
    except OSError as exc:
        raise FileAccessError.from_os_error(exc, name, action="write") from None
    if stat.S_ISDIR(st.st_mode):
        msg = f"{name} is a directory; give a file name for the output"
        raise InputError(msg)
    for test, kind in _KINDS:
        if test(st.st_mode):
            msg = (f"{name} is a {kind}, not a regular file; give a file name, or - for "
                   "standard output")
            raise InputError(msg)
    if not stat.S_ISREG(st.st_mode):  # pragma: no cover - doors, whiteouts and the like
        msg = f"{name} is not a regular file; give a file name, or - for standard output"
        raise InputError(msg)
    if not (force or resume):
        msg = f"{name} exists; use --force to overwrite it"
        raise InputError(msg)
    return Output(name, target, exists=True)


class OutputStream(Generic[AnyStr]):
    """A stream whose write errors name the output: a ``FileAccessError``, or a closed pipe.

    Parameters
    ----------
    stream
        The text or binary stream to write to.
    name
        The output's name, for messages.
    on_error
        Called before any error is raised (standard output is then pointed at
        ``/dev/null``, so that the interpreter's last flush cannot fail again).

    """

    def __init__(self, stream: IO[AnyStr], name: str,
                 on_error: Callable[[], None] | None = None) -> None:
        self._stream: IO[AnyStr] = stream
        self._name = name
        self._on_error = on_error

    def write(self, data: AnyStr) -> int:
        """Write ``data``."""
        try:
            written: int = self._stream.write(data)
        except OSError as exc:
            raise self._error(exc) from None
        return written

    def flush(self) -> None:
        """Flush the stream."""
        try:
            self._stream.flush()
        except OSError as exc:
            raise self._error(exc) from None

    def _error(self, exc: OSError) -> OSError:
        if self._on_error is not None:
            self._on_error()
        if isinstance(exc, BrokenPipeError):
            return exc
        return FileAccessError.from_os_error(exc, self._name, action="write")


def discard_stdout() -> None:
    """Point standard output at ``/dev/null`` after it failed (a closed pipe, a full disk).

    What is left in its buffer then goes nowhere, instead of failing again when the
    interpreter exits (which would print a second message and change the exit status).
    Nothing is done when standard output has been replaced (as by a test's capture).
    """
    if sys.stdout is not sys.__stdout__ or sys.stdout is None:
        return
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError):  # pragma: no cover - no file descriptor
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def stdout_text() -> OutputStream[str]:
    """Standard output (text), with write errors as for any output."""
    stream: TextIO = sys.stdout
    return OutputStream(stream, "standard output", discard_stdout)


def stdout_bytes() -> OutputStream[bytes]:
    """Standard output (bytes), with write errors as for any output."""
    sys.stdout.flush()  # what was written as text goes first
    stream: BinaryIO = sys.stdout.buffer
    return OutputStream(stream, "standard output", discard_stdout)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_output(output: Output, data: str | bytes) -> None:
    """Write the whole of ``data`` (text as UTF-8) to ``output``, checked by :func:`check_output`.

    A file is written to a temporary file beside it and renamed into place, so it is either
    the old file or the whole new one, never a part.

    Raises
    ------
    FileAccessError
        The output cannot be written (disk full, permission denied, read-only).

    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if output.path is None:
        out = stdout_bytes()
        out.write(raw)
        out.flush()
        return
    path = output.path
    try:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise FileAccessError.from_os_error(exc, output.name, action="write") from None
    try:
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(raw)
                fh.flush()
                os.fsync(fh.fileno())
            tmp = Path(name)
            _copy_ownership(path, tmp)
            tmp.replace(path)
        except OSError as exc:
            raise FileAccessError.from_os_error(exc, output.name, action="write") from None
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def _copy_ownership(path: Path, tmp: Path) -> None:
    """Give ``tmp`` the permissions (and, where allowed, the owner) of the file it replaces."""
    try:
        st = path.stat()
    except FileNotFoundError:
        tmp.chmod(0o666 & ~_umask())
        return
    tmp.chmod(stat.S_IMODE(st.st_mode))
    if hasattr(os, "chown") and (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
        with contextlib.suppress(OSError):
            os.chown(tmp, st.st_uid, st.st_gid)


@contextlib.contextmanager
def open_results(output: Output, *, keep: int = 0) -> Iterator[OutputStream[bytes]]:
    """Open ``output`` to append results after its first ``keep`` bytes (batch runs).

    Batch results are appended as they are made, so that a stopped run can be resumed: the
    file is written in place, not renamed. An existing file is cut after ``keep`` bytes
    (0 starts it afresh). Standard output is written as a stream.

    Raises
    ------
    FileAccessError
        The output cannot be opened or written (disk full, permission denied, read-only).

    """
    if output.path is None:
        yield stdout_bytes()
        return
    try:
        fh = output.path.open("r+b" if output.exists else "wb")
    except OSError as exc:
        raise FileAccessError.from_os_error(exc, output.name, action="write") from None
    try:
        try:
            fh.seek(keep)
            fh.truncate()
        except OSError as exc:
            raise FileAccessError.from_os_error(exc, output.name, action="write") from None
        yield OutputStream(fh, output.name)
    except BaseException:
        with contextlib.suppress(OSError):
            fh.close()
        raise
    try:
        fh.close()
    except OSError as exc:
        raise FileAccessError.from_os_error(exc, output.name, action="write") from None
