"""Corpus runs: geoparse or check every document of a JSON Lines file, in parallel, resumably.

A corpus is a JSON Lines file of ``{"id": ..., "text": ...}`` objects. :func:`run_corpus`
streams it, hands batches of documents to workers and writes one line per document to the
output, ``{"id": ..., "claims": [...], "places": [...]}`` for a claim check or
``{"id": ..., "places": [...]}`` for geoparsing.

Workers are local processes by default; given the address of a ``dask.distributed``
scheduler, the same batches run on that cluster instead (every worker needs ``routes``
installed). The output is written in input order whatever the backend, so the result of a
run is the same byte for byte on one process, on several, or on a cluster.

A run is resumable. Lines are appended to the output as batches finish; when the output
already holds results of the same kind (say after the run was killed), the documents whose
ids it holds are skipped and the rest appended, so a run killed halfway and started again
ends with the same file as one that was never interrupted. An incomplete last line (cut by
the kill) is dropped first. An output that is not a ``routes`` result file is never touched
without ``force=True``.

Examples
--------
>>> import json, tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> corpus = folder / "in.jsonl"
>>> with corpus.open("w") as fh:
...     print(json.dumps({"id": 1, "text": "A flight from Pyongyang to Vladivostok "
...                       "takes about an hour and a half."}), file=fh)
>>> report = run_corpus(corpus, folder / "out.jsonl", task=CorpusTask("check"), workers=1)
>>> report.written, report.verdicts["consistent"]
(1, 1)
>>> run_corpus(corpus, folder / "out.jsonl", task=CorpusTask("check"), workers=1).resumed
1

"""

from __future__ import annotations

import json
import os
import signal
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from routes.errors import CorpusError, FileAccessError, InputError
from routes.io.inputs import BatchItem, read_jsonl
from routes.io.outputs import OutputStream, check_output, open_results

__all__ = ["CorpusReport", "CorpusTask", "process_batch", "process_text", "run_corpus"]

#: Documents sent to a worker at a time: large enough that scheduling costs little, small
#: enough that an interrupted run loses little work.
BATCH_SIZE = 32

#: Documents per worker below which starting more local processes costs more than it saves.
DOCS_PER_WORKER = 400

#: How long to wait for a Dask scheduler to answer.
CONNECT_TIMEOUT = "10s"


@dataclass(frozen=True, slots=True)
class CorpusTask:
    """What to do with each document of a corpus.

    Parameters
    ----------
    kind
        ``"check"``: claims with verdicts and the places (as ``routes check``);
        ``"places"``: the places only (as ``routes places``).
    demonyms
        Whether geoparsing keeps demonyms such as "Russian" (``"places"`` only).

    """

    kind: Literal["check", "places"]
    demonyms: bool = True

    @property
    def key(self) -> str:
        """The field every output line of this task has besides ``id``."""
        return "claims" if self.kind == "check" else "places"


def process_text(task: CorpusTask, text: str) -> dict[str, Any]:
    """The JSON-ready result of ``task`` for one text (without its id).

    Examples
    --------
    >>> process_text(CorpusTask("places"), "From Tumen to Hunchun.")["places"][0]["name"]
    'Tumen'

    """
    if task.kind == "check":
        from routes.io.export import claims_to_dict
        from routes.verdicts import check_claims

        data = claims_to_dict(check_claims(text))
        return {"claims": data["claims"], "places": data["places"]}
    from routes.geo.geoparse import find_places

    return {"places": [{"start": m.start, "end": m.end, "name": m.place.name,
                        "lat": round(m.place.lat, 5), "lon": round(m.place.lon, 5),
                        "country": m.place.country, "kind": m.place.kind,
                        "confidence": m.confidence, "demonym": m.demonym}
                       for m in find_places(text, demonyms=task.demonyms)]}


def process_batch(task: CorpusTask, texts: Sequence[str]) -> tuple[list[str], dict[str, int]]:
    """The results of ``task`` for several texts, as JSON lines, with their verdict counts.

    Each line is one text's result without its id. This is the unit of work sent to a
    worker; the JSON is made there, so the parent only writes strings.
    """
    lines, verdicts = [], Counter[str]()
    for text in texts:
        result = process_text(task, text)
        verdicts.update(c["verdict"] for c in result.get("claims", ()))
        lines.append(json.dumps(result, ensure_ascii=False))
    return lines, dict(verdicts)


def warm_up(task: CorpusTask, settings: dict[str, Any] | None = None) -> None:
    """Prepare a worker: apply the parent's settings and load what ``task`` needs.

    Interrupts are left to the parent, which stops the run and keeps what was written.
    """
    from routes import settings as routes_settings

    if settings:
        for name, value in settings.items():
            setattr(routes_settings, name, value)
    process_text(task, "From Pyongyang to Vladivostok is 700 km.")


def _local_worker_init(task: CorpusTask, settings: dict[str, Any]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up(task, settings)


@dataclass(slots=True)
class CorpusReport:
    """What a corpus run did.

    Attributes
    ----------
    out
        The output file.
    written
        Documents processed and written by this run.
    resumed
        Documents skipped because the output already held their results.
    problems
        ``(line number, problem)`` of each input line that was skipped.
    verdicts
        Claim verdicts counted over the whole output (``"check"`` only).
    unknown_ids
        Results in the output whose ids are not in the input (a sign that the output
        belongs to another corpus).
    workers
        Worker processes used.
    backend
        ``"serial"``, ``"processes"`` or ``"dask"``.
    seconds
        Wall time of the run.

    """

    out: Path
    written: int = 0
    resumed: int = 0
    problems: list[tuple[int, str]] = field(default_factory=list)
    verdicts: Counter[str] = field(default_factory=Counter)
    unknown_ids: int = 0
    workers: int = 1
    backend: str = "serial"
    seconds: float = 0.0

    def summary(self) -> str:
        """One line for the user.

        Examples
        --------
        >>> CorpusReport(Path("out.jsonl"), written=1, problems=[(2, "not valid JSON")]).summary()
        '1 document written to out.jsonl; 1 line skipped'

        """
        where = "standard output" if str(self.out) == "-" else str(self.out)
        parts = [f"{_count(self.written, 'document')} written to {where}"]
        if self.resumed:
            parts.append(f"{self.resumed:,} already there (resumed)")
        if self.problems:
            parts.append(f"{_count(len(self.problems), 'line')} skipped")
        if self.unknown_ids:
            parts.append(f"warning: {self.unknown_ids:,} results in {self.out.name} have ids "
                         "that are not in the input")
        return "; ".join(parts)


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


_Result = tuple[list[str], dict[str, int]]


class _Submitter(Protocol):
    def submit(self, fn: Callable[..., _Result], /, *args: Any) -> Any: ...


@dataclass(slots=True)
class _Done:
    """What the output already holds: ids (as JSON, counted), verdicts, and its valid size."""

    ids: Counter[str]
    verdicts: Counter[str]
    size: int


def _read_done(out: Path, task: CorpusTask, name: str) -> _Done:
    """Read an existing output to resume it; refuse a file that is not one of ours."""
    ids: Counter[str] = Counter()
    verdicts: Counter[str] = Counter()
    size = 0
    try:
        fh = out.open("rb")
    except OSError as exc:
        raise FileAccessError.from_os_error(exc, name, action="read") from None
    with fh:
        for lineno, raw in enumerate(fh, start=1):
            if not raw.endswith(b"\n"):
                break  # cut by an interruption: dropped and redone
            try:
                item = json.loads(raw)
            except ValueError:
                item = None
            if not (isinstance(item, dict) and "id" in item
                    and isinstance(item.get(task.key), list)):
                msg = (f"{name} exists and line {lineno} is not a 'routes {task.kind}' result; "
                       "use --force to overwrite it, or choose another output")
                raise InputError(msg)
            ids[json.dumps(item["id"])] += 1
            if task.kind == "check":
                verdicts.update(c.get("verdict", "") for c in item["claims"]
                                if isinstance(c, dict))
            size += len(raw)
    return _Done(ids, verdicts, size)


def _pending(items: Iterator[BatchItem], done: _Done, report: CorpusReport,
             on_problem: Callable[[int, str], None] | None,
             stop: list[tuple[int, str]] | None = None) -> Iterator[BatchItem]:
    """The documents still to process, in order; reports and skips broken lines.

    With ``stop`` (strict mode), the first broken line is put there and ends the documents.
    """
    for item in items:
        if item.problem and stop is not None:
            stop.append((item.line, item.problem))
            return
        if item.problem:
            report.problems.append((item.line, item.problem))
            if on_problem is not None:
                on_problem(item.line, item.problem)
            continue
        key = json.dumps(item.id)
        if done.ids[key] > 0:
            done.ids[key] -= 1
            report.resumed += 1
            continue
        yield item


def _batches(items: Iterator[BatchItem], size: int) -> Iterator[list[BatchItem]]:
    batch: list[BatchItem] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _count_lines(path: Path) -> int:
    n = 0
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                n += chunk.count(b"\n")
    except OSError as exc:
        raise FileAccessError.from_os_error(exc, str(path), action="read") from None
    return n


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


@contextmanager
def _local(task: CorpusTask, workers: int) -> Iterator[_Submitter]:
    import multiprocessing

    from routes import settings

    snapshot = {"data_folder": settings.data_folder, "cache_folder": settings.cache_folder,
                "use_cache": settings.use_cache}
    pool = ProcessPoolExecutor(max_workers=workers,
                               mp_context=multiprocessing.get_context("spawn"),
                               initializer=_local_worker_init, initargs=(task, snapshot))
    try:
        yield pool
    except BaseException:
        # Interrupted, terminated or failed: the batches in flight are not wanted any more.
        # Stop the workers now rather than wait for them to finish their batches. The pool
        # then marks what was in flight as failed, and shuts down without waiting.
        _stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


#: Seconds a worker is given to end after SIGTERM before it is killed.
STOP_TIMEOUT = 5.0


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Terminate the pool's worker processes and wait until every one has ended.

    A worker stopped while it was sending a batch's results leaves half a message in the
    results pipe, and the pool's manager thread waits for the rest for ever: the pool keeps
    a writing end of that pipe open in this process, so it never reads an end of file, and
    the shutdown that joins the thread never returns. Once every worker has ended nobody
    writes to the pipe any more, so that end is closed: a half message then reads as a
    broken pool, which the pool knows how to shut down.
    """
    processes = list((pool._processes or {}).values())  # public only from Python 3.14
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(STOP_TIMEOUT)
        if process.is_alive():  # pragma: no cover - a worker that ignores SIGTERM
            process.kill()
            process.join()
    results = getattr(pool, "_result_queue", None)  # private: the workers' results pipe
    writer = getattr(results, "_writer", None)
    if writer is not None:
        writer.close()


@contextmanager
def _dask(task: CorpusTask, address: str) -> Iterator[tuple[_Submitter, int]]:
    try:
        from distributed import Client
    except ModuleNotFoundError:
        msg = "--dask-scheduler needs dask.distributed: pip install 'routes-factcheck[dask]'"
        raise InputError(msg) from None
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT,  # type: ignore[no-untyped-call]
                        set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        msg = (f"cannot reach the Dask scheduler at {address} ({exc}); start one with "
               "'dask scheduler' and give its address, e.g. tcp://127.0.0.1:8786")
        raise InputError(msg) from None
    try:
        workers = len(client.scheduler_info().get("workers", {}))
        if not workers:
            msg = f"the Dask scheduler at {address} has no workers; start some with 'dask worker'"
            raise InputError(msg)
        try:
            client.run(warm_up, task)
        except ModuleNotFoundError as exc:
            msg = f"the Dask workers cannot import {exc.name}: install routes on every worker"
            raise InputError(msg) from None

        class _DaskSubmitter:
            """Submit without hashing the arguments: each batch is its own task."""

            def submit(self, fn: Callable[..., _Result], /, *args: Any) -> Any:
                return client.submit(fn, *args, pure=False)

        yield _DaskSubmitter(), workers
    finally:
        client.close()  # type: ignore[no-untyped-call]


class _Serial:
    def submit(self, fn: Callable[..., _Result], /, *args: Any) -> Future[_Result]:
        f: Future[_Result] = Future()
        f.set_result(fn(*args))
        return f


def _write_in_order(submitter: _Submitter, batches: Iterator[list[BatchItem]], task: CorpusTask,
                    fh: OutputStream[bytes], window: int, report: CorpusReport,
                    progress: Callable[[int], None] | None) -> None:
    """Keep ``window`` batches in flight; write their results in input order."""
    inflight: deque[tuple[list[BatchItem], Any]] = deque()

    def drain_one() -> None:
        batch, future = inflight.popleft()
        try:
            lines, verdicts = future.result()
        except BrokenProcessPool:
            msg = ("a worker process died; when calling run_corpus from a script, put the "
                   "call under 'if __name__ == \"__main__\":' (workers start by importing it)")
            raise CorpusError(msg) from None
        fh.write("".join(f'{{"id": {json.dumps(item.id, ensure_ascii=False)}, {line[1:]}\n'
                         for item, line in zip(batch, lines, strict=True)).encode("utf-8"))
        fh.flush()
        report.verdicts.update(verdicts)
        report.written += len(batch)
        if progress is not None:
            progress(report.resumed + report.written)

    # What is still in flight when this stops early is the backend's to cancel: a local
    # pool stops its workers, a Dask client that closes releases its tasks. (Cancelling a
    # local pool's queued future here would race with the pool marking it failed.)
    for batch in batches:
        inflight.append((batch, submitter.submit(process_batch, task,
                                                 [item.text for item in batch])))
        if len(inflight) >= window:
            drain_one()
    while inflight:
        drain_one()


def run_corpus(source: str | Path, out: str | Path, *, task: CorpusTask,
               workers: int | None = None, scheduler: str | None = None, force: bool = False,
               strict: bool = False, batch_size: int = BATCH_SIZE,
               progress: Callable[[int, int], None] | None = None,
               on_problem: Callable[[int, str], None] | None = None) -> CorpusReport:
    """Process every document of the JSON Lines file ``source`` into ``out``.

    Parameters
    ----------
    source
        JSON Lines input, one ``{"id": ..., "text": ...}`` object per line.
    out
        JSON Lines output, or ``"-"`` for standard output. If it holds results of the same
        task, the run resumes it. The rules of :mod:`routes.io.outputs` apply: a symbolic
        link is written through, and anything but a regular file is refused.
    task
        What to do with each document.
    workers
        Local worker processes. ``None`` chooses from the corpus size and the usable cores;
        1 runs in this process. Ignored with ``scheduler``.
    scheduler
        Address of a ``dask.distributed`` scheduler (``tcp://host:8786``) to run on instead.
    force
        Start ``out`` afresh even if it exists.
    strict
        Stop at the first broken input line instead of skipping it; the documents before it
        are written, so the run resumes once the line is mended.
    batch_size
        Documents per unit of work.
    progress
        Called with (documents done, documents in the input) after each batch.
    on_problem
        Called with (line number, problem) for each input line that is skipped.

    Returns
    -------
    CorpusReport

    Raises
    ------
    InputError
        The input is missing, the output folder does not exist, the output is not a regular
        file or not a result file of this task (without ``force``), the scheduler cannot be
        reached, or (with ``strict``) an input line is broken.
    FileAccessError
        The input cannot be read or the output written (permission denied, disk full).

    """
    started = time.perf_counter()
    source = Path(source)
    if workers is not None and workers < 1:
        msg = f"--workers must be at least 1, not {workers}"
        raise InputError(msg)
    if batch_size < 1:
        msg = f"batch size must be at least 1, not {batch_size}"
        raise InputError(msg)
    output = check_output(out, force=force, resume=True)
    if output.path is not None and source.resolve() == output.path:
        msg = "the output must not be the input file"
        raise InputError(msg)
    if source.is_dir():
        msg = f"{source} is a directory; give a JSON Lines file"
        raise InputError(msg)
    if not source.is_file():
        msg = f"file not found: {source}"
        raise InputError(msg)
    total = _count_lines(source)
    resume = output.path is not None and output.exists and not force
    done = _Done(Counter(), Counter(), 0)
    if resume and output.path is not None:
        done = _read_done(output.path, task, output.name)
    report = CorpusReport(out=Path(out), verdicts=done.verdicts)
    stop: list[tuple[int, str]] = []
    items = _pending(read_jsonl(source), done, report, on_problem, stop if strict else None)
    batches = _batches(items, batch_size)
    tick = None if progress is None else (lambda n: progress(n, total))

    with ExitStack() as stack:
        # The backend first: if it cannot start, the output is left as it was.
        submitter: _Submitter
        if scheduler:
            submitter, n = stack.enter_context(_dask(task, scheduler))
            report.backend = "dask"
        else:
            n = workers or max(1, min(_cores(), total // DOCS_PER_WORKER))
            if n == 1:
                submitter = _Serial()
            else:
                submitter = stack.enter_context(_local(task, n))
                report.backend = "processes"
        report.workers = n
        fh = stack.enter_context(open_results(output, keep=done.size))
        _write_in_order(submitter, batches, task, fh, 4 * n if n > 1 else 1, report, tick)
    report.unknown_ids = sum(done.ids.values())
    report.seconds = time.perf_counter() - started
    if stop:
        line, problem = stop[0]
        msg = (f"{source}: line {line}: {problem}; stopped at this line (strict) with "
               f"{_count(report.resumed + report.written, 'document')} in {output.name}; "
               "mend it and run the same command again to resume")
        raise InputError(msg)
    return report
