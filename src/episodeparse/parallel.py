"""Records rendered by a pool of worker processes, in input order: ``convert --jobs N``.

``iter_rendered(paths, render, jobs=N)`` yields what ``inputs.iter_records(paths)`` yields,
in the same order, with every record already passed through ``render`` (a module-level
function such as ``emit.RENDERERS["jsonl"]``, so that the workers can do it and send back
text, which costs less to move between processes than a record):

- notes files go to the workers a few at a time; each worker reads and parses them with
  ``iter_records``, so an input that fails gives the same ``InputFailure`` as without a
  pool;
- a feed file is read item by item in this process (the XML is cheap next to the notes)
  and its items go to the workers a few at a time, so that one long feed also uses every
  core; standard input is read here, as without a pool;
- at most a few batches per worker are in flight, and results are yielded in input order
  as soon as they are next, so memory stays flat however many inputs there are.

With ``jobs=1`` no process is started: this is ``iter_records`` with ``render`` applied.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NamedTuple, TypeVar, cast

from episodeparse import sniff
from episodeparse.document import InputError
from episodeparse.inputs import (  # this module is the pool's half of inputs
    STDIN,
    InputFailure,
    _feed_record,
    _read_or_open_feed,
    expand,
    internal_failure,
    iter_records,
)
from episodeparse.model import Episode

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult, Pool

    from episodeparse import feeds

__all__ = ["available_cores", "iter_rendered"]

Render = Callable[[Episode], str]
Out = str | InputFailure
T = TypeVar("T")

FILES_PER_TASK = 8
ITEMS_PER_TASK = 8
TASKS_PER_WORKER = 4  # in flight, so no worker waits while the parent writes


def available_cores() -> int:
    """The cores this process may run on (``--jobs 0``)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


class _Feed(NamedTuple):
    """A worker's answer for a feed file: the parent streams its items instead."""

    path: str


class _Stdin(NamedTuple):
    """A worker's answer for ``-``: standard input is the parent's to read."""


def _convert_files(
    entries: list[str | InputFailure], render: Render, max_bytes: int, encoding: str | None
) -> list[Out | _Feed | _Stdin]:
    """Worker: the rendered records of a few notes files, or their failures."""
    out: list[Out | _Feed | _Stdin] = []
    for entry in entries:
        if isinstance(entry, InputFailure):
            out.append(entry)
        elif entry == STDIN:
            out.append(_Stdin())
        elif _is_feed(entry):
            out.append(_Feed(entry))
        else:
            for result in iter_records([entry], max_bytes=max_bytes, encoding=encoding):
                out.append(result if isinstance(result, InputFailure) else render(result))
    return out


def _is_feed(path: str) -> bool:
    """Whether the file starts as a feed does (what ``iter_records`` looks at first)."""
    try:
        with Path(path).open("rb") as handle:
            return sniff.looks_like_feed(handle.read(sniff.SNIFF_BYTES))
    except OSError:
        return False  # iter_records reports it


def _convert_items(items: list[feeds.FeedItem], path: str, render: Render) -> list[Out]:
    """Worker: the rendered records of a few items of a feed; an item that fails on a bug
    ends the list with its failure, as it ends the feed without a pool."""
    out: list[Out] = []
    for item in items:
        try:
            out.append(render(_feed_record(item, path)))
        except Exception as exc:
            out.append(internal_failure(path, exc))
            break
    return out


def _ignore_interrupts() -> None:
    """Worker start: Ctrl-C is the parent's to handle (it stops the pool), and SIGTERM,
    which the pool sends to stop a worker, ends it at once (a forked worker inherits the
    command's handler, which would unwind it with a traceback)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _batches(iterable: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


Task = tuple[Callable[..., list[T]], tuple[object, ...]]


def _in_order(pool: Pool, tasks: Iterator[Task[T]], window: int) -> Iterator[list[T]]:
    """Each task's result, in task order, with at most ``window`` tasks in flight."""
    pending: deque[AsyncResult[list[T]]] = deque()
    for function, args in tasks:
        pending.append(pool.apply_async(function, args))
        if len(pending) >= window:
            yield _result(pending.popleft())
    while pending:
        yield _result(pending.popleft())


def _result(task: AsyncResult[list[T]]) -> list[T]:
    """``task.get()``, waiting a tenth of a second at a time. A signal (SIGTERM) may reach
    one of the pool's threads rather than the main one; its handler runs only when the main
    thread next runs Python code, and a wait without a timeout would not end if the workers
    died of the same signal (SIGTERM to the process group): it hung."""
    while not task.ready():
        task.wait(0.1)
    return task.get()


class _Run:
    """One ``iter_rendered`` over a pool."""

    def __init__(
        self, pool: Pool, jobs: int, render: Render, max_bytes: int, encoding: str | None
    ) -> None:
        self.pool = pool
        self.window = jobs * TASKS_PER_WORKER
        self.render = render
        self.max_bytes = max_bytes
        self.encoding = encoding

    def inputs(self, paths: list[str]) -> Iterator[Out]:
        sent: deque[list[str | InputFailure]] = deque()

        def tasks() -> Iterator[Task[Out | _Feed | _Stdin]]:
            for batch in _batches(expand(paths), FILES_PER_TASK):
                sent.append(batch)
                yield _convert_files, (batch, self.render, self.max_bytes, self.encoding)

        for results in _in_order(self.pool, tasks(), self.window):
            _meter_read(sent.popleft(), results)
            for result in results:
                if isinstance(result, _Feed):
                    yield from self.feed(result.path)
                elif isinstance(result, _Stdin):
                    yield from self.here([STDIN])
                else:
                    yield result

    def feed(self, path: str) -> Iterator[Out]:
        """A feed's records: its items read here, their records made by the workers."""
        from episodeparse import feeds

        try:
            source = _read_or_open_feed(path, self.max_bytes, None)
        except InputError as exc:
            yield InputFailure(path, str(exc))
            return
        if isinstance(source, bytes):  # changed since the worker looked: read it as it is now
            yield from self.here([path])
            return
        failure: list[InputFailure] = []

        def tasks() -> Iterator[Task[Out]]:
            batch: list[feeds.FeedItem] = []
            try:
                # iter_items only ever calls read() on its stream.
                for item in feeds.iter_items(cast(BinaryIO, source)):
                    batch.append(item)
                    if len(batch) == ITEMS_PER_TASK:
                        yield _convert_items, (batch, path, self.render)
                        batch = []
            except (InputError, feeds.FeedError) as exc:
                failure.append(InputFailure(path, str(exc)))  # after the items read so far
            except Exception as exc:
                failure.append(internal_failure(path, exc))
            if batch:
                yield _convert_items, (batch, path, self.render)

        with closing(source):
            for results in _in_order(self.pool, tasks(), self.window):
                for result in results:
                    yield result
                    if isinstance(result, InputFailure):
                        return  # an item failed on a bug: the feed ends there, as with one job
        yield from failure

    def here(self, paths: list[str]) -> Iterator[Out]:
        """Inputs read in this process, as without a pool."""
        for result in iter_records(paths, max_bytes=self.max_bytes, encoding=self.encoding):
            yield result if isinstance(result, InputFailure) else self.render(result)


def _meter_read(batch: list[str | InputFailure], results: list[Out | _Feed | _Stdin]) -> None:
    """Tell ``inputs.read_meter`` of the notes files a worker read (what this process reads,
    a feed or standard input, it is told of as it reads)."""
    from episodeparse import inputs

    meter = inputs.read_meter
    if meter is None:
        return
    here = {r.path for r in results if isinstance(r, _Feed)}
    for entry in batch:
        if isinstance(entry, str) and entry != STDIN and entry not in here:
            try:
                meter(Path(entry).stat().st_size)
            except OSError:
                continue


def iter_rendered(
    paths: list[str],
    render: Render,
    *,
    jobs: int = 1,
    max_bytes: int,
    encoding: str | None = None,
) -> Iterator[Out]:
    """``iter_records(paths)`` with ``render`` applied to every record, in input order, on
    ``jobs`` processes (``0``: every available core)."""
    jobs = available_cores() if jobs == 0 else jobs
    if jobs <= 1:
        for result in iter_records(paths, max_bytes=max_bytes, encoding=encoding):
            yield result if isinstance(result, InputFailure) else render(result)
        return
    import multiprocessing  # here: a one-file convert should not pay for it

    pool = multiprocessing.get_context().Pool(jobs, initializer=_ignore_interrupts)
    try:
        yield from _Run(pool, jobs, render, max_bytes, encoding).inputs(paths)
    except BaseException:
        _stop_at_once(pool)
        raise
    pool.terminate()  # what leaving ``with Pool(...)`` does


def _stop_at_once(pool: Pool) -> None:
    """Kill the workers, and leave the pool's own terminate() undone.

    A run that stops early (Ctrl-C, SIGTERM, a reader gone away) may find workers already
    dead: SIGTERM sent to the whole process group (systemd, ``kill -- -PGID``) kills them
    too. An idle worker waits for its next task holding the task queue's lock, so once it
    is dead, ``terminate()``, which takes that lock to drain the queue, waits forever
    (at the ``with`` block's end, or at exit). So the pool's worker handler is stopped first
    (it would start new workers in place of dead ones), the workers are killed, and the
    pool's finalizer is cancelled: nothing of it is needed by a process about to end.
    These are the pool's private parts, each looked up with a default.
    """
    from multiprocessing.pool import TERMINATE

    handler = getattr(pool, "_worker_handler", None)
    if handler is not None:
        handler._state = TERMINATE
        handler.join(timeout=5)  # it looks at its state every 0.1 s
    import multiprocessing

    # The pool's workers, and any child it was starting as the signal came.
    for worker in {*getattr(pool, "_pool", []), *multiprocessing.active_children()}:
        if worker.is_alive():
            worker.kill()
        worker.join(timeout=5)
    finalizer = getattr(pool, "_terminate", None)
    if finalizer is not None:
        finalizer.cancel()
