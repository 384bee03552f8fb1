"""Whole catalogues on Dask: the same ``parse``, on a laptop's cores or on a cluster.

Needs the ``dask`` extra (``pip install 'episodeparse[dask]'``: dask and distributed);
nothing else in episodeparse imports this module, so a plain install never loads dask.

Contract
--------
``records(paths_or_globs, *, blocksize=None, max_bytes=..., encoding=None)`` returns a
``dask.bag.Bag``. Each element is either

- a record: exactly ``Episode.to_dict()`` (SPEC.md), one per notes file and one per feed
  item, the same records ``episodeparse convert`` gives for the same inputs; or
- an error record, ``{"error": {"path": str, "message": str}}``, for every input that gave
  no record: the path and message of the ``InputFailure`` that
  ``episodeparse.inputs.iter_records`` yields locally (a missing file, bad bytes, a broken
  feed). ``is_error(element)`` tells them apart; a record never has an ``"error"`` key.

Inputs are listed where ``records`` is called (globs expanded, directories walked in sorted
order, sizes read); reading and parsing happen on the workers. Consecutive inputs are
grouped into partitions of about ``blocksize`` bytes of input (by default 4 MiB, or less
so that a small catalogue still makes 32 partitions for the workers to share); a feed is
never split, so a feed larger than a block is a partition of its own. Elements keep the
order of the inputs, so the partitions read one after the other are what ``convert
--format jsonl`` prints. A parser bug that raises on one file becomes that file's error
record (``internal error: ...``) instead of failing the partition: one file never costs
the others' output.

``write_jsonl(bag, output_dir)`` writes partition ``i`` of any bag of records to
``output_dir/part-{i:05d}.jsonl``, one compact JSON record per line, and returns a
``Written``: the part files, the number of records, and the error records (as
``InputFailure``), which are not written. Each worker writes a hidden temporary file in
``output_dir``; only when every partition has succeeded are they renamed into place (and
``part-*.jsonl`` files of an earlier, larger run removed). If a partition fails, its
error is raised after the temporary files are removed: a failed run adds no part file and
leaves those of an earlier run as they were.

It runs on the ``client`` given, else the current ``distributed.Client`` (as set by
``connect()``), else dask's default scheduler for bags. ``read_jsonl(output_dir)`` reads
the records of the part files back, in order. Paths are made absolute where ``records``
and ``write_jsonl`` are called; on a cluster they must name the same files on every
machine (shared storage mounted at the same place), while records keep the path as given.

``connect(scheduler=None)`` yields a ``distributed.Client``: connected to a running
``dask scheduler`` at an address, or to a new local cluster of one single-threaded worker
process per core, listening on loopback only.
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from glob import glob, has_magic
from pathlib import Path
from typing import TYPE_CHECKING, Any

import dask.bag
from dask.delayed import delayed
from dask.utils import parse_bytes

from episodeparse import recache
from episodeparse.inputs import DEFAULT_MAX_BYTES, STDIN, InputFailure, expand, iter_records

if TYPE_CHECKING:
    from distributed import Client

__all__ = [
    "DEFAULT_BLOCKSIZE",
    "ERROR",
    "MIN_PARTITIONS",
    "Written",
    "connect",
    "is_error",
    "read_jsonl",
    "records",
    "write_jsonl",
]

# About 1,000 notes, 5 to 10 s of parsing on one core: long enough that scheduling costs
# nothing, short enough that two workers share a small catalogue and the bar moves.
DEFAULT_BLOCKSIZE = "4 MiB"
MIN_PARTITIONS = 32  # with the default blocksize: 2,000 notes are not 2 tasks on 2 workers
ERROR = "error"
PART = "part-{:05d}.jsonl"
_PART_NAME = recache.compile(r"part-(\d{5,})\.jsonl")

Record = dict[str, Any]
"""A record (``Episode.to_dict()``) or an error record (``{"error": {...}}``)."""


def is_error(element: Record) -> bool:
    """True for an error record, false for an episode record.

    >>> is_error({"error": {"path": "a.txt", "message": "no such file"}})
    True
    """
    return ERROR in element


def _error_record(failure: InputFailure) -> Record:
    return {ERROR: {"path": failure.path, "message": failure.message}}


# Listing, on the client ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Input:
    """One file to read: where a worker opens it, how records name it, and its size."""

    read: str
    shown: str
    size: int


def _listed(paths_or_globs: Sequence[str]) -> Iterator[_Input | InputFailure]:
    for raw in paths_or_globs:
        if raw == STDIN:
            raise ValueError("standard input (-) cannot be read on a cluster: name files")
        if has_magic(raw) and not Path(raw).exists():
            # Path.glob takes no absolute pattern; glob.glob takes both.
            matches = sorted(glob(raw, recursive=True))  # noqa: PTH207
            if not matches:
                yield InputFailure(raw, "no files match this pattern")
                continue
        else:
            matches = [raw]
        for entry in expand(matches):
            if isinstance(entry, InputFailure):
                yield entry
                continue
            path = Path(entry)
            try:
                size = path.stat().st_size
            except OSError:
                size = 0  # the worker reports why it cannot be read
            yield _Input(str(path.absolute()), entry, size)


def _grouped(
    entries: Iterable[_Input | InputFailure], blocksize: int
) -> list[list[_Input | InputFailure]]:
    """Consecutive entries in groups of at least ``blocksize`` bytes (the last may be less).

    >>> sizes = [_Input(n, n, s) for n, s in (("a", 5), ("b", 6), ("c", 20), ("d", 1))]
    >>> [[e.shown for e in g] for g in _grouped(sizes, 10)]
    [['a', 'b'], ['c'], ['d']]
    """
    groups: list[list[_Input | InputFailure]] = []
    current: list[_Input | InputFailure] = []
    filled = 0
    for entry in entries:
        current.append(entry)
        filled += entry.size if isinstance(entry, _Input) else 0
        if filled >= blocksize:
            groups.append(current)
            current, filled = [], 0
    if current or not groups:
        groups.append(current)
    return groups


# Parsing, on the workers --------------------------------------------------------------


def _records_of(entry: _Input, max_bytes: int, encoding: str | None) -> Iterator[Record]:
    try:
        for result in iter_records([entry.read], max_bytes=max_bytes, encoding=encoding):
            if isinstance(result, InputFailure):
                yield _error_record(InputFailure(entry.shown, result.message))
            else:
                record = result.to_dict()
                record["source"]["path"] = entry.shown
                yield record
    except Exception as exc:  # a parser bug: one file's error, not the partition's
        message = f"internal error (please report it): {type(exc).__name__}: {exc}"
        yield _error_record(InputFailure(entry.shown, message))


def _parse_partition(
    partition: Iterable[list[_Input | InputFailure]], max_bytes: int, encoding: str | None
) -> list[Record]:
    # A list, not a generator: a partition may travel between workers, and a generator
    # cannot be pickled. Its size is bounded by ``blocksize``.
    out: list[Record] = []
    for group in partition:
        for entry in group:
            if isinstance(entry, InputFailure):
                out.append(_error_record(entry))
            else:
                out.extend(_records_of(entry, max_bytes, encoding))
    return out


def records(
    paths_or_globs: str | Sequence[str],
    *,
    blocksize: int | str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: str | None = None,
) -> dask.bag.Bag:
    """A bag of the records of notes files, feeds, directories and globs (``**`` too).

    ``blocksize`` is the input bytes per partition (an int, or a string such as
    ``"64 MiB"``; by default ``DEFAULT_BLOCKSIZE``, or less so that there are
    ``MIN_PARTITIONS``); ``max_bytes`` and ``encoding`` are ``convert``'s ``--max-bytes`` and
    ``--encoding``. Raises ``ValueError`` for no inputs or ``-`` (standard input).
    """
    paths = [paths_or_globs] if isinstance(paths_or_globs, str) else list(paths_or_globs)
    if not paths:
        raise ValueError("no inputs")
    listed = list(_listed(paths))
    if blocksize is None:
        total = sum(entry.size for entry in listed if isinstance(entry, _Input))
        size = max(1, min(parse_bytes(DEFAULT_BLOCKSIZE), total // MIN_PARTITIONS))
    else:
        size = parse_bytes(blocksize)
        if size < 1:
            raise ValueError(f"blocksize must be positive, not {blocksize!r}")
    groups = _grouped(listed, size)
    bag = dask.bag.from_sequence(groups, partition_size=1)
    result: dask.bag.Bag = bag.map_partitions(
        _parse_partition, max_bytes=max_bytes, encoding=encoding
    )
    return result


# Writing ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Part:
    """What a worker wrote for one partition: its temporary file, not yet in place."""

    index: int
    temporary: str
    records: int
    failures: tuple[InputFailure, ...]


@dataclass(frozen=True, slots=True)
class Written:
    """The outcome of ``write_jsonl``: part files in partition order, how many records
    they hold, and the inputs that gave no record (error records, not written)."""

    parts: tuple[Path, ...]
    records: int
    failures: tuple[InputFailure, ...]


def _temporary_prefix(index: int, run: str) -> str:
    return f".{PART.format(index)}.{run}."


def _write_part(partition: Iterable[Record], number: int, folder: str, run: str) -> _Part:
    from episodeparse.emit import to_jsonl_line

    fd, temporary = tempfile.mkstemp(
        prefix=_temporary_prefix(number, run), suffix=".tmp", dir=folder
    )
    failures: list[InputFailure] = []
    count = 0
    try:
        os.fchmod(fd, 0o644)  # mkstemp's 0600 is for secrets; a part file is a data file
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            for element in partition:
                if is_error(element):
                    failures.append(InputFailure(**element[ERROR]))
                else:
                    handle.write(to_jsonl_line(element))
                    count += 1
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return _Part(number, temporary, count, tuple(failures))


def _remove_temporaries(folder: Path, run: str) -> None:
    for leftover in folder.glob(f".part-*.jsonl.{run}.*.tmp"):
        leftover.unlink(missing_ok=True)


def _active_client() -> Client | None:
    from distributed import default_client

    try:
        client: Client = default_client()
    except ValueError:  # no client: dask's own scheduler runs the graph
        return None
    return client


def _compute_on_client(
    client: Client, tasks: list[Any], progress: Callable[[int, int], None] | None
) -> list[_Part]:
    from distributed import as_completed, wait

    with client.as_current():  # as_completed and wait use the current client
        futures = client.compute(tasks)
        try:
            for done, future in enumerate(as_completed(futures), 1):
                future.result()  # raises the partition's error at once
                if progress is not None:
                    progress(done, len(futures))
        except Exception:
            wait(futures)  # let every running partition finish before its file is removed
            raise
        except BaseException:
            client.cancel(futures)
            raise
        parts: list[_Part] = client.gather(futures)
    return parts


def _compute_here(
    tasks: list[Any], prefix: str, progress: Callable[[int, int], None] | None
) -> list[_Part]:
    from dask.base import compute
    from dask.callbacks import Callback

    done = 0

    def finished(key: object, *_: object) -> None:
        nonlocal done
        if progress is not None and isinstance(key, str) and key.startswith(prefix):
            done += 1
            progress(done, len(tasks))

    with Callback(posttask=finished):
        parts: tuple[_Part, ...] = compute(*tasks)
    return list(parts)


def write_jsonl(
    bag: dask.bag.Bag,
    output_dir: str | os.PathLike[str],
    *,
    client: Client | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Written:
    """Write partition ``i`` of ``bag`` to ``output_dir/part-{i:05d}.jsonl``, atomically.

    It runs on ``client``, else on the current ``distributed`` client if there is one,
    else on dask's default scheduler. ``progress(done, total)`` is called as partitions
    finish. Error records are returned
    in ``Written.failures``, not written. An exception in a partition is raised after its
    and the other partitions' temporary files are removed; no part file is changed.
    """
    folder = Path(output_dir).absolute()
    folder.mkdir(parents=True, exist_ok=True)
    run = secrets.token_hex(8)
    prefix = f"write-jsonl-{run}-"
    write = delayed(_write_part, pure=True)
    tasks: list[Any] = [
        write(partition, number, str(folder), run, dask_key_name=f"{prefix}{number}")
        for number, partition in enumerate(bag.to_delayed())
    ]
    count = len(tasks)
    try:
        client = client or _active_client()
        if client is not None:
            parts = _compute_on_client(client, tasks, progress)
        else:
            parts = _compute_here(tasks, prefix, progress)
    except BaseException:
        _remove_temporaries(folder, run)
        raise
    parts.sort(key=lambda part: part.index)
    finals: list[Path] = []
    for part in parts:
        final = folder / PART.format(part.index)
        Path(part.temporary).replace(final)
        finals.append(final)
    _remove_temporaries(folder, run)  # copies of a partition that a worker ran twice
    for stale in folder.glob("part-*.jsonl"):
        match = _PART_NAME.fullmatch(stale.name)
        if match and int(match.group(1)) >= count:
            stale.unlink(missing_ok=True)
    return Written(
        parts=tuple(finals),
        records=sum(part.records for part in parts),
        failures=tuple(f for part in parts for f in part.failures),
    )


def read_jsonl(output_dir: str | os.PathLike[str]) -> Iterator[Record]:
    """The records of ``output_dir``'s part files, in partition order."""
    folder = Path(output_dir)
    names = sorted(
        (int(m.group(1)), p)
        for p in folder.iterdir()
        if (m := _PART_NAME.fullmatch(p.name)) is not None
    )
    for _, path in names:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                yield json.loads(line)


# Clusters -----------------------------------------------------------------------------


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@contextmanager
def connect(
    scheduler: str | None = None, *, workers: int | None = None, timeout: str = "10s"
) -> Iterator[Client]:
    """A ``distributed.Client`` for the ``with`` block, set as dask's scheduler.

    With ``scheduler`` (an address such as ``tcp://10.0.0.5:8786``) it connects to a
    running ``dask scheduler``. Without, it starts a local cluster of ``workers`` processes
    (default: one per core), one thread each since parsing is pure Python, on 127.0.0.1
    and without a dashboard; the cluster stops with the block. Raises ``OSError`` (a
    ``TimeoutError``) when no scheduler answers within ``timeout``.
    """
    from distributed import Client, LocalCluster

    if scheduler is not None:
        with Client(scheduler, timeout=timeout) as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers or _cores(),
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            # No dashboard, but the scheduler still serves /health: on a free port, not on
            # 8787, which another cluster may hold (a warning on stderr, every run).
            scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client
