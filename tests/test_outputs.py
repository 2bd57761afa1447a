"""Every output follows the same rules: never destroy what is not ours, fail in one line."""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from routes.cli import main
from routes.errors import FileAccessError, InputError
from routes.io.outputs import check_output, write_output

ROOT = Path(__file__).resolve().parents[1]
STORY = ROOT / "data" / "examples" / "kim-vladivostok.txt"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def corpus(folder: Path) -> Path:
    src = folder / "in.jsonl"
    src.write_text('{"id": 1, "text": "From Tumen to Hunchun."}\n'
                   '{"id": 2, "text": "From Khasan to Vladivostok."}\n', encoding="utf-8")
    return src


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("command", [
    ["map", str(STORY), "-o", "/dev/full", "--force"],
    ["places", "--jsonl", "IN", "--out", "/dev/full", "--force"],
    ["check", "--jsonl", "IN", "--out", "/dev/full"],
])
def test_a_device_is_refused_and_stays_a_device(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path, command: list[str]) -> None:
    argv = [str(corpus(tmp_path)) if x == "IN" else x for x in command]
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert err == ("routes: error: /dev/full is a character device, not a regular file; give "
                   "a file name, or - for standard output\n")
    assert "written" not in out
    assert stat.S_ISCHR(Path("/dev/full").stat().st_mode)


@pytest.mark.parametrize("command", [
    ["map", str(STORY), "-o", "OUT", "--force"],
    ["places", "--jsonl", "IN", "--out", "OUT"],
])
def test_a_fifo_is_refused_without_blocking(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                            command: list[str]) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    argv = [str(fifo) if x == "OUT" else str(corpus(tmp_path)) if x == "IN" else x
            for x in command]
    status, _, err = run(capsys, *argv)
    assert status == 2
    assert "is a FIFO (named pipe), not a regular file" in err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory; give a file name"):
        check_output(tmp_path, force=True)


def test_a_symlink_is_written_through_and_stays_a_link(capsys: pytest.CaptureFixture[str],
                                                       tmp_path: Path) -> None:
    target = tmp_path / "target.html"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.html"
    link.symlink_to(target.name)
    status, out, _ = run(capsys, "map", "--from", "Khasan", "--to", "Vladivostok", "-o",
                         str(link), "--force")
    assert status == 0 and "written to" in out
    assert link.is_symlink() and link.readlink() == Path("target.html")
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.jsonl"
    link.symlink_to("results.jsonl")
    output = check_output(link)
    assert output.path == tmp_path.resolve() / "results.jsonl" and not output.exists


def test_a_symlink_loop_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    with pytest.raises(InputError, match="symbolic link that leads nowhere"):
        check_output(tmp_path / "a", force=True)


def test_batch_results_go_through_a_symlink_and_resume_there(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    src = corpus(tmp_path)
    target = tmp_path / "results.jsonl"
    link = tmp_path / "link.jsonl"
    link.symlink_to(target.name)
    assert run(capsys, "places", "--jsonl", str(src), "--out", str(link))[0] == 0
    assert link.is_symlink()
    first = target.read_bytes()
    assert first.count(b"\n") == 2
    status, out, _ = run(capsys, "places", "--jsonl", str(src), "--out", str(link))
    assert status == 0 and "2 already there (resumed)" in out
    assert target.read_bytes() == first


def test_dash_is_standard_output(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, "map", "--from", "Khasan", "--to", "Vladivostok", "-o", "-")
    assert status == 0
    assert out.startswith("<!DOCTYPE html>")
    assert "written to standard output" in err
    status, out, err = run(capsys, "places", "--jsonl", str(corpus(tmp_path)), "--out", "-")
    assert status == 0
    assert [json.loads(x)["id"] for x in out.splitlines()] == [1, 2]
    assert "2 documents written to standard output" in err
    assert not (tmp_path / "-").exists()


def test_a_file_is_replaced_whole_and_keeps_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "map.html"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    inode = path.stat().st_ino
    write_output(check_output(path, force=True), "new")
    assert path.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.stat().st_ino != inode  # renamed into place, not rewritten
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.html"]


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    mask = os.umask(0o027)
    try:
        write_output(check_output(tmp_path / "map.html"), "new")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "map.html").stat().st_mode) == 0o640


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "map.html"
    path.write_text("old", encoding="utf-8")

    def full(_: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(FileAccessError, match=r"cannot write .*map.html: no space left"):
        write_output(check_output(path, force=True), "new")
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.html"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("argv", [
    ["check", str(STORY)],
    ["check", str(STORY), "--format", "json"],
    ["places", str(STORY)],
    ["compare", "Khasan", "Vladivostok"],
])
def test_a_full_disk_on_standard_output_is_one_line_and_status_74(argv: list[str]) -> None:
    with Path("/dev/full").open("w") as full:
        done = subprocess.run([sys.executable, "-m", "routes", *argv], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=120, check=False)
    assert done.returncode == 74
    assert done.stderr == ("routes: error: cannot write standard output: no space left on "
                           "device; free some space or choose another output\n")


def test_a_closed_pipe_ends_quietly_with_status_141(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(STORY.read_text(encoding="utf-8") * 100, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "routes", "places", str(big)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()
    with proc.stderr:
        err = proc.stderr.read()
    assert proc.wait(timeout=120) == 141
    assert first.split()[:2] == [b"start-end", b"text"]
    assert err == b""


@pytest.mark.parametrize(("argv", "message"), [
    (["check", "story.txt"], "cannot read story.txt: permission denied"),
    (["places", "--jsonl", "in.jsonl", "--out", "out.jsonl"],
     "cannot read in.jsonl: permission denied"),
    (["places", "--jsonl", "ok.jsonl", "--out", "locked/out.jsonl"],
     "cannot write locked/out.jsonl: permission denied"),
    (["map", "--from", "Khasan", "--to", "Vladivostok", "-o", "locked/map.html"],
     "cannot write locked/map.html: permission denied"),
])
def test_permission_denied_is_one_line_and_status_74(
        tmp_path: Path, argv: list[str], message: str,
        bound_by_permissions: Callable[[], list[str]]) -> None:
    prefix = bound_by_permissions()
    corpus(tmp_path).rename(tmp_path / "ok.jsonl")
    for name in ("story.txt", "in.jsonl"):
        (tmp_path / name).write_text('{"id": 1, "text": "From Tumen to Hunchun."}\n',
                                     encoding="utf-8")
        (tmp_path / name).chmod(0)
    (tmp_path / "locked").mkdir(mode=0o555)
    done = subprocess.run([*prefix, sys.executable, "-m", "routes", *argv], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 74, done.stderr
    assert done.stderr.startswith(f"routes: error: {message}; check its permissions")
    assert done.stderr.count("\n") == 1
    assert not (tmp_path / "out.jsonl").exists()
    assert list((tmp_path / "locked").iterdir()) == []


def test_another_full_disk_error_is_status_74_not_an_internal_error(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import routes.cli

    def full(*_: object) -> str:
        raise OSError(errno.ENOSPC, "No space left on device", "/tmp/spool")

    monkeypatch.setattr(routes.cli, "_compare", full)
    status, _, err = run(capsys, "compare", "Khasan", "Vladivostok")
    assert status == 74
    assert err == ("routes: error: cannot access /tmp/spool: no space left on device; free "
                   "some space or choose another output\n")
