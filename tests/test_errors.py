"""Every row of the README's error table, run as written: its exit status and its message."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from routes import settings
from routes.cli import main

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


@dataclass(frozen=True)
class Row:
    situation: str
    env: dict[str, str]
    argv: list[str]
    how: str  # what the command cell says besides the command: a fault, an interrupt
    status: int
    message: str


def readme_rows() -> list[Row]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("<!-- errors -->")[1].split("<!-- /errors -->")[0]
    rows = []
    for line in table.strip().splitlines()[2:]:
        situation, command, status, message = (c.strip() for c in line.strip("| ").split(" | "))
        words = shlex.split(command.split("`")[1])
        env = {}
        while "=" in words[0]:
            name, value = words.pop(0).split("=", 1)
            env[name] = value
        assert words.pop(0) == "routes", command
        rows.append(Row(situation, env, words, command.rsplit("`", 1)[1].strip(" ,"),
                        int(status), message.strip("`")))
    return rows


ROWS = readme_rows()


def test_the_table_covers_every_exit_status() -> None:
    assert {r.status for r in ROWS} == {0, 1, 2, 3, 4, 5, 70, 74, 130, 141, 143}
    assert len(ROWS) >= 35


def _spoilt_copy(root: Path, name: str, path: str, spoil: str | None) -> None:
    """``root/name``: a copy of data/ (linked) whose ``path`` is replaced by ``spoil``."""
    folder = root / name
    shutil.copytree(DATA, folder, symlinks=True, copy_function=os.symlink)
    target = folder / path
    if target.is_dir():
        shutil.rmtree(target)
    else:
        target.unlink()
    if spoil is not None:
        target.write_text(spoil, encoding="utf-8")


def workspace(root: Path) -> None:
    """The files the table's commands name."""
    (root / "story.txt").write_bytes((DATA / "examples" / "kim-vladivostok.txt").read_bytes())
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_text("  \n\t\n", encoding="utf-8")
    (root / "binary.bin").write_bytes(b"\x00\x01\x02binary\x00")
    (root / "latin1.txt").write_bytes("Café in Montréal".encode("latin-1"))
    (root / "utf16.txt").write_bytes(
        "The train from Khasan to Vladivostok takes six hours.".encode("utf-16"))
    (root / "folder").mkdir()
    (root / "exists.html").write_text("<p>my page</p>", encoding="utf-8")
    (root / "in.jsonl").write_text('{"id": 1, "text": "From Tumen to Hunchun."}\n{"id": 2, \n'
                                   '{"id": 3, "text": "Khasan"}\n', encoding="utf-8")
    (root / "bom.jsonl").write_bytes(b'\xef\xbb\xbf{"id": 1, "text": "From Tumen to Hunchun."}\n'
                                     b'{"id": 2, "text": "Khasan"}\n')
    (root / "big.txt").write_text((root / "story.txt").read_text(encoding="utf-8") * 100,
                                  encoding="utf-8")
    os.mkfifo(root / "fifo")
    (root / "unreadable.txt").write_text("From Tumen to Hunchun.", encoding="utf-8")
    (root / "unreadable.txt").chmod(0)
    (root / "readonly").mkdir(mode=0o555)
    (root / "notes.jsonl").write_text('{"id": 1, "note": "mine"}\n', encoding="utf-8")
    (root / "unknown-key.toml").write_text('title = "x"\n', encoding="utf-8")
    (root / "not-toml.toml").write_text("not = toml = at all\n", encoding="utf-8")
    facts = (DATA / "facts.toml").read_text(encoding="utf-8")
    spoilt, n = re.subn(r"(\[speed\.kp_mainline\][^\[]*?\nkmh = )\[[^\]]*\]", r'\1"fast"', facts)
    assert n == 1
    places = (DATA / "places.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    places[4] = re.sub(r",-?\d+\.\d+,", ",north,", places[4], count=1)
    _spoilt_copy(root, "broken-rail", "network/rail.json", '{"nodes": [')
    _spoilt_copy(root, "broken-network", "network", None)
    _spoilt_copy(root, "broken-facts", "facts.toml", spoilt)
    _spoilt_copy(root, "broken-places", "places.csv", "".join(places))


def _matches(message: str, output: str) -> bool:
    pattern = ".*?".join(re.escape(part) for part in message.split("…"))
    return re.search(pattern, output, re.DOTALL) is not None


def _run_in_a_process(row: Row, root: Path, unprivileged: Callable[[], list[str]]
                      ) -> tuple[int, str]:
    """Run the row's command as a shell would: environment, ``> FILE``, ``| head -N``."""
    env = {**os.environ, **row.env}
    argv, redirect, consumer = list(row.argv), None, None
    if ">" in argv:
        redirect = argv[argv.index(">") + 1]
        argv = argv[:argv.index(">")]
    if "|" in argv:
        consumer = argv[argv.index("|") + 1:]
        argv = argv[:argv.index("|")]
    prefix = unprivileged() if row.how.startswith("as a user who may not") else []
    command = [*prefix, sys.executable, "-m", "routes", *argv]
    if consumer is not None:
        assert consumer[0] == "head", consumer
        proc = subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        head = subprocess.run(consumer, stdin=proc.stdout, capture_output=True, check=True)
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()  # only head reads it now; once head has gone, the pipe is closed
        with proc.stderr:
            stderr = proc.stderr.read().decode("utf-8")
        proc.wait(timeout=120)
        assert stderr == "", "a closed pipe ends quietly"
        return proc.returncode, head.stdout.decode("utf-8")
    with contextlib.ExitStack() as stack:
        stdout = stack.enter_context((root / redirect).open("w")) if redirect else \
            subprocess.PIPE
        done = subprocess.run(command, cwd=root, env=env, stdout=stdout,
                              stderr=subprocess.PIPE, text=True, timeout=120, check=False)
    if done.returncode > 1:
        assert done.stderr.count("\n") == 1, "an error is one line"
        assert "Traceback" not in done.stderr
    return done.returncode, (done.stdout or "") + done.stderr


def _interrupted(row: Row, root: Path) -> tuple[int, str]:
    """Run a batch, and interrupt (SIGINT) or terminate (SIGTERM) it once it has written."""
    text = (root / "story.txt").read_text(encoding="utf-8")
    with (root / "big.jsonl").open("w", encoding="utf-8") as fh:
        for i in range(5000):
            fh.write(json.dumps({"id": i, "text": text}) + "\n")
    proc = subprocess.Popen([sys.executable, "-m", "routes", *row.argv], cwd=root,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out = root / "out.jsonl"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.stat().st_size:
            break
        time.sleep(0.01)
    proc.send_signal(signal.SIGINT if row.how == "interrupted" else signal.SIGTERM)
    stdout, stderr = proc.communicate(timeout=60)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert 0 < len(lines) < 5000
    assert all(json.loads(x)["id"] == i for i, x in enumerate(lines))  # whole lines, in order
    assert stderr.count("\n") == 1, "one line"
    return proc.returncode, stdout + stderr


def _marks(row: Row) -> list[pytest.MarkDecorator]:
    return [pytest.mark.allow_hosts(["127.0.0.1"])] if "--dask-scheduler" in row.argv else []


@pytest.mark.parametrize("row", [pytest.param(r, id=r.situation, marks=_marks(r))
                                 for r in ROWS])
def test_readme_error_row(row: Row, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                          capsys: pytest.CaptureFixture[str],
                          bound_by_permissions: Callable[[], list[str]]) -> None:
    workspace(tmp_path)
    monkeypatch.chdir(tmp_path)
    if row.how in ("interrupted", "terminated"):
        status, output = _interrupted(row, tmp_path)
    elif row.env or row.how.startswith("as a user") or {">", "|"} & set(row.argv):
        status, output = _run_in_a_process(row, tmp_path, bound_by_permissions)
    else:
        if row.how == "with a fault injected":
            import routes.cli

            def fault(*_: object) -> str:
                raise RuntimeError("injected fault")

            monkeypatch.setattr(routes.cli, "_compare", fault)
        else:
            assert not row.how, f"the test does not know how to run {row.how!r}"
        monkeypatch.setattr("routes.io.corpus.CONNECT_TIMEOUT", "1s")
        monkeypatch.setattr(settings, "assets_folder", settings.assets_folder)
        try:
            status = main(row.argv)
        except SystemExit as exc:  # argparse usage errors
            status = int(exc.code or 0)
        out, err = capsys.readouterr()
        output = out + err
        if status > 1:
            assert err.count("\n") == 1, "an error is one line"
            assert "Traceback" not in err
    assert status == row.status, output
    assert _matches(row.message, output), output
