"""Corpus runs: the same output on every backend, resumable, and careful with files."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from routes.errors import InputError
from routes.io.corpus import CorpusTask, run_corpus

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "kim-vladivostok.txt"

# Our own sentences, with claims of every verdict and places that need context.
SENTENCES = [
    "The overnight train from Khasan to Vladivostok takes about six hours.",
    "A flight from Beijing to Pyongyang takes around two hours.",
    "Moscow is about 9,300 km from Vladivostok by the Trans-Siberian railway.",
    "The 35-mile drive from Tumen to Hunchun crosses the Tumen River valley.",
    "Officials said the rail journey from Pyongyang to Dandong lasts only three hours.",
    "No places and no claims here: 10,000 workers met on April 26.",
    "Sinuiju lies on the Yalu River, across from the Chinese city of Dandong.",
    "The train from Moscow to Vladivostok takes nearly a week.",
]


def write_corpus(path: Path, n: int) -> list[str]:
    """``n`` documents made of the example story's paragraphs and our sentences."""
    paragraphs = [p for p in EXAMPLE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    texts = [*paragraphs, *SENTENCES]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = texts[i % len(texts)]
            fh.write(json.dumps({"id": f"doc-{i}", "text": text}) + "\n")
    return texts


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "in.jsonl"
    write_corpus(path, 60)
    return path


@pytest.fixture(scope="module")
def reference(corpus: Path) -> bytes:
    """The output of an uninterrupted run in this process."""
    out = corpus.with_name("reference.jsonl")
    report = run_corpus(corpus, out, task=CorpusTask("check"), workers=1)
    assert report.written == 60 and report.backend == "serial"
    return out.read_bytes()


def test_output_is_one_line_per_document_in_input_order(reference: bytes) -> None:
    lines = [json.loads(x) for x in reference.decode("utf-8").splitlines()]
    assert [x["id"] for x in lines] == [f"doc-{i}" for i in range(60)]
    assert all(set(x) == {"id", "claims", "places"} for x in lines)
    verdicts = {c["verdict"] for x in lines for c in x["claims"]}
    assert {"consistent", "understated"} <= verdicts


def test_local_processes_write_the_same_bytes(corpus: Path, reference: bytes,
                                              tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    report = run_corpus(corpus, out, task=CorpusTask("check"), workers=2, batch_size=4)
    assert report.backend == "processes" and report.workers == 2
    assert out.read_bytes() == reference


@pytest.mark.allow_hosts(["127.0.0.1"])
def test_a_dask_cluster_writes_the_same_bytes(corpus: Path, reference: bytes,
                                              tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, host="127.0.0.1") as cluster:
        out = tmp_path / "out.jsonl"
        report = run_corpus(corpus, out, task=CorpusTask("check"),
                            scheduler=cluster.scheduler_address, batch_size=4)
    assert report.backend == "dask" and report.workers == 2
    assert out.read_bytes() == reference


def test_resuming_after_a_cut_line_gives_the_same_output(corpus: Path, reference: bytes,
                                                         tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    lines = reference.splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:17]) + lines[17][:25])  # killed while writing line 18
    report = run_corpus(corpus, out, task=CorpusTask("check"), workers=1)
    assert (report.resumed, report.written) == (17, 43)
    assert out.read_bytes() == reference


def test_a_killed_run_started_again_ends_as_an_uninterrupted_one(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    write_corpus(src, 400)
    expected = tmp_path / "expected.jsonl"
    run_corpus(src, expected, task=CorpusTask("check"), workers=1)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "routes", "check", "--jsonl", str(src), "--out", str(out),
               "--workers", "1"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.stat().st_size > 0:
            break
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = out.read_bytes().count(b"\n")
    assert 0 < partial < 400, "the run was not caught halfway"
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert f"{partial:,} already there (resumed)" in done.stdout
    assert out.read_bytes() == expected.read_bytes()


def test_repeated_ids_are_neither_lost_nor_duplicated(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 7, "text": "From Tumen to Hunchun."}\n'
                   '{"id": 7, "text": "From Khasan to Vladivostok."}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run_corpus(src, out, task=CorpusTask("places"), workers=1)
    full = out.read_bytes()
    out.write_bytes(full.splitlines(keepends=True)[0])
    report = run_corpus(src, out, task=CorpusTask("places"), workers=1)
    assert (report.resumed, report.written) == (1, 1)
    assert out.read_bytes() == full


def test_broken_lines_are_reported_by_number_and_skipped(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 1, "text": "Pyongyang"}\n{"id": 2, "text": \n\n[1, 2]\n'
                   '{"id": 3, "text": "Vladivostok"}\n', encoding="utf-8")
    seen: list[int] = []
    report = run_corpus(src, tmp_path / "out.jsonl", task=CorpusTask("places"), workers=1,
                        on_problem=lambda line, _: seen.append(line))
    assert seen == [2, 4]
    assert report.written == 2
    assert [line for line, _ in report.problems] == [2, 4]


def test_an_output_from_another_corpus_is_flagged(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "elsewhere", "places": []}\n', encoding="utf-8")
    report = run_corpus(corpus, out, task=CorpusTask("places"), workers=1)
    assert report.unknown_ids == 1
    assert "ids that are not in the input" in report.summary()


def test_an_output_of_the_other_task_is_not_resumed(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "doc-0", "places": []}\n', encoding="utf-8")
    with pytest.raises(InputError, match="not a 'routes check' result"):
        run_corpus(corpus, out, task=CorpusTask("check"), workers=1)
    assert out.read_text(encoding="utf-8") == '{"id": "doc-0", "places": []}\n'


@pytest.mark.allow_hosts(["127.0.0.1"])
def test_an_unreachable_scheduler_is_a_clear_error_and_leaves_the_output(
        corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    import routes.io.corpus

    pytest.importorskip("distributed")
    monkeypatch.setattr(routes.io.corpus, "CONNECT_TIMEOUT", "1s")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"")
    with pytest.raises(InputError, match="cannot reach the Dask scheduler"):
        run_corpus(corpus, out, task=CorpusTask("check"), scheduler=f"tcp://127.0.0.1:{port}",
                   force=True)
    assert out.read_bytes() == b""


def test_cli_corpus_options_are_checked(capsys: pytest.CaptureFixture[str],
                                        tmp_path: Path) -> None:
    from routes.cli import main

    status = main(["check", "--jsonl", str(tmp_path / "missing.jsonl"), "--out",
                   str(tmp_path / "out.jsonl")])
    assert status == 2
    assert "file not found" in capsys.readouterr().err
    assert not (tmp_path / "out.jsonl").exists()
    with pytest.raises(SystemExit) as exc:
        main(["check", "--jsonl", "in.jsonl", "--out", "out.jsonl", "--workers", "0"])
    assert exc.value.code == 2
    assert "at least 1" in capsys.readouterr().err


def test_cli_fail_on_counts_the_whole_output(capsys: pytest.CaptureFixture[str],
                                             corpus: Path, tmp_path: Path) -> None:
    from routes.cli import main

    out = tmp_path / "out.jsonl"
    argv = ["check", "--jsonl", str(corpus), "--out", str(out), "--workers", "1",
            "--fail-on", "understated"]
    assert main(argv) == 1
    assert main(argv) == 1  # resumed: nothing new, but the understated claims are in OUT
    assert "60 already there" in capsys.readouterr().out


def test_a_byte_order_mark_does_not_cost_the_first_document(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'\xef\xbb\xbf{"id": 1, "text": "From Tumen to Hunchun."}\n'
                    b'{"id": 2, "text": "Khasan"}\n')
    report = run_corpus(src, tmp_path / "out.jsonl", task=CorpusTask("places"), workers=1)
    assert (report.written, report.problems) == (2, [])
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["id"] for x in lines] == [1, 2]


BROKEN = [  # 11 lines: 5 good, 6 broken in six ways
    '{"id": 1, "text": "From Tumen to Hunchun."}',
    '{"id": 2, "text": ',
    '{"id": 3, "text": "Khasan"}',
    "[1, 2]",
    '{"id": 4}',
    '{"id": 5, "text": 5}',
    "not json",
    '{"id": 6, "text": "The train from Khasan to Vladivostok takes six hours."}',
    '"a string"',
    '{"id": 7, "text": "Vladivostok"}',
    '{"id": 8, "text": "Moscow, Idaho"}',
]


def test_every_skipped_line_is_counted_and_the_status_says_so(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from routes.cli import main

    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(BROKEN) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["places", "--jsonl", str(src), "--out", str(out)]) == 5
    summary, err = capsys.readouterr()
    assert summary == f"5 documents written to {out}; 6 lines skipped\n"
    assert [line.split(":")[2] for line in err.splitlines()] == [
        " line 2", " line 4", " line 5", " line 6", " line 7", " line 9"]
    assert main(["check", "--jsonl", str(src), "--out", str(tmp_path / "c.jsonl"),
                 "--fail-on", "consistent,understated,overstated,unverifiable"]) == 1
    assert "6 lines skipped" in capsys.readouterr().out  # --fail-on (1) wins over 5


def test_strict_stops_at_the_first_broken_line_and_resumes_once_it_is_mended(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from routes.cli import main

    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(BROKEN) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    argv = ["places", "--jsonl", str(src), "--out", str(out), "--strict"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"routes: error: {src}: line 2: not valid JSON (")
    assert err.endswith(f"; stopped at this line (strict) with 1 document in {out}; mend it "
                        "and run the same command again to resume\n")
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == [1]
    good = [x for x in BROKEN if x.endswith("}") and '"text": "' in x]
    src.write_text("\n".join(good) + "\n", encoding="utf-8")
    assert main(argv) == 0
    assert "4 documents written" in capsys.readouterr().out
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == [
        1, 3, 6, 7, 8]


def test_strict_writes_every_document_before_the_broken_line(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    write_corpus(src, 70)
    with src.open("a", encoding="utf-8") as fh:
        fh.write("not json\n")
    out = tmp_path / "out.jsonl"
    with pytest.raises(InputError, match="line 71: not valid JSON"):
        run_corpus(src, out, task=CorpusTask("places"), workers=1, batch_size=32, strict=True)
    assert out.read_bytes().count(b"\n") == 70


def _children(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    found = set()
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.add(int(stat_file.parent.name))
    return found


def _running(pid: int) -> bool:
    """Whether ``pid`` is a live process (a zombie has ended; it waits to be reaped)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")
@pytest.mark.parametrize(("signum", "status", "word"), [
    (signal.SIGTERM, 143, "terminated"),
    (signal.SIGINT, 130, "interrupted"),
])
def test_a_signal_stops_every_worker_and_leaves_a_resumable_output(
        tmp_path: Path, signum: int, status: int, word: str) -> None:
    src = tmp_path / "in.jsonl"
    write_corpus(src, 3000)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "routes", "check", "--jsonl", str(src), "--out", str(out),
               "--workers", "2"]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.stat().st_size > 0:
            break
        time.sleep(0.01)
    children = _children(proc.pid)
    assert len(children) >= 3, "two workers and the resource tracker"
    started = time.monotonic()
    proc.send_signal(signum)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == status
    assert time.monotonic() - started < 15, "the workers were stopped, not waited for"
    written = len(out.read_bytes().splitlines())
    assert stderr == (f"routes: {word} with {written:,} documents in {out}; run the same "
                      "command again to resume\n")
    assert stdout == ""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_running(pid) for pid in children):
        time.sleep(0.1)
    assert not [pid for pid in children if _running(pid)], "a child process survived"
    lines = out.read_bytes().splitlines(keepends=True)
    assert 0 < len(lines) < 3000 and all(line.endswith(b"\n") for line in lines)
    assert [json.loads(x)["id"] for x in lines] == [f"doc-{i}" for i in range(len(lines))]


def test_a_worker_stopped_halfway_through_sending_its_results_does_not_hang_the_stop() -> None:
    """Half a message in the results pipe reads as a broken pool once the workers are gone."""
    import multiprocessing
    import struct
    import threading
    from concurrent.futures import ProcessPoolExecutor

    from routes.io.corpus import _stop_workers

    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    assert pool.submit(os.getpid).result(timeout=60) > 0  # a worker is up
    # What a worker killed mid-send leaves: a header announcing 1,000 bytes, and 10 of them.
    writer = pool._result_queue._writer  # type: ignore[attr-defined]
    os.write(writer.fileno(), struct.pack("!i", 1000) + b"x" * 10)

    def stop_the_pool() -> None:
        _stop_workers(pool)
        pool.shutdown(wait=True, cancel_futures=True)

    stop = threading.Thread(target=stop_the_pool, daemon=True)
    stop.start()
    stop.join(30)
    hung = stop.is_alive()
    if hung:  # let the pool's thread end all the same, so that the test run can exit
        writer.close()
    assert not hung, "the pool waited for ever for the rest of the message"
