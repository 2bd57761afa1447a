"""Reading user input: text files, standard input, and JSON Lines batches.

Every failure is an :class:`~routes.errors.InputError` that says what is wrong and what to
do: a missing file, a directory, a binary file, text that is not in the expected encoding;
or a :class:`~routes.errors.FileAccessError` when the file may not be read. UTF-8 (with or
without a byte-order mark) and UTF-16 with a byte-order mark are read as they are; other
encodings are read when named (``encoding="latin-1"``). JSON Lines files are UTF-8, with or
without a byte-order mark.

Examples
--------
>>> decode_text("Vladivostok".encode("utf-16"), source="example")
'Vladivostok'

"""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from routes.errors import FileAccessError, InputError

__all__ = ["BatchItem", "decode_text", "read_jsonl", "read_text"]


def decode_text(data: bytes, *, source: str, encoding: str | None = None) -> str:
    """Decode bytes as text, refusing binary data with a clear message."""
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            msg = f"unknown encoding {encoding!r}; use a Python codec name such as latin-1"
            raise InputError(msg) from None
        except UnicodeDecodeError as exc:
            msg = f"{source} is not valid {encoding} text (byte {exc.start})"
            raise InputError(msg) from None
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(name)
            except UnicodeDecodeError as exc:
                msg = f"{source} has a {name} byte-order mark but bad bytes at {exc.start}"
                raise InputError(msg) from None
    if b"\x00" in data[:8192]:
        msg = f"{source} looks like a binary file, not text"
        raise InputError(msg)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        msg = (f"{source} is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset "
               f"{exc.start}); give its encoding, e.g. --encoding latin-1")
        raise InputError(msg) from None


def read_text(path: str | Path, *, encoding: str | None = None) -> str:
    """Read a text file, or standard input when ``path`` is ``"-"``."""
    if str(path) == "-":
        return decode_text(sys.stdin.buffer.read(), source="standard input",
                           encoding=encoding)
    p = Path(path)
    if p.is_dir():
        msg = f"{p} is a directory; give a text file"
        raise InputError(msg)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        msg = f"file not found: {p}"
        raise InputError(msg) from None
    except OSError as exc:
        raise FileAccessError.from_os_error(exc, str(p), action="read") from None
    return decode_text(data, source=str(p), encoding=encoding)


@dataclass(frozen=True, slots=True)
class BatchItem:
    """One line of a JSON Lines batch: its line number, id and text, or why it was skipped."""

    line: int
    id: Any
    text: str
    problem: str = ""


def read_jsonl(path: str | Path) -> Iterator[BatchItem]:
    r"""Yield the documents of a JSON Lines file of ``{"id": ..., "text": ...}`` objects.

    Broken lines are yielded with ``problem`` set, so the caller can report them by line
    number and go on. A UTF-8 byte-order mark at the start of the file is skipped.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> path = Path(tempfile.mkdtemp()) / "in.jsonl"
    >>> _ = path.write_bytes(b'\xef\xbb\xbf{"id": 1, "text": "Khasan"}\n{"id": 2\n')
    >>> [(item.line, item.id, item.problem[:14]) for item in read_jsonl(path)]
    [(1, 1, ''), (2, None, 'not valid JSON')]

    """
    p = Path(path)
    if p.is_dir():
        msg = f"{p} is a directory; give a JSON Lines file"
        raise InputError(msg)
    try:
        fh = p.open("rb")
    except FileNotFoundError:
        msg = f"file not found: {p}"
        raise InputError(msg) from None
    except OSError as exc:
        raise FileAccessError.from_os_error(exc, str(p), action="read") from None
    with fh:
        for lineno, raw in enumerate(fh, start=1):
            if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            if not raw.strip():
                continue
            try:
                item = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                yield BatchItem(lineno, None, "", f"not valid JSON ({exc})")
                continue
            if not isinstance(item, dict) or "id" not in item or not isinstance(
                    item.get("text"), str):
                yield BatchItem(lineno, item.get("id") if isinstance(item, dict) else None, "",
                                'expected an object with "id" and a string "text"')
                continue
            yield BatchItem(lineno, item["id"], item["text"])
