"""Where ``convert`` writes: one file atomically (``--output``), or one file per input in a
folder (``--output-dir``).

``AtomicFile`` is a file written through a temporary file in its folder and renamed into
place by ``commit``: a reader never sees a partial file, an interrupted run leaves none
behind, and an earlier file of that name stays as it was until the new one is whole.

``OutputDir`` writes one file per input into a folder, as records come (in input order,
from ``parallel.iter_rendered`` with ``tagged`` renderers):

- a notes file, or a chapters file, gives ``DIR/<stem>.json`` (``.yaml``, ``.jsonl``): the
  record, as ``convert FILE`` prints it;
- a feed gives ``DIR/<stem>.json`` holding all its items' records, always as a list (a
  JSON array, a stream of ``---`` YAML documents, JSONL lines), even for one item;
- the files of a directory keep their folders below it: ``notes/2021/001.txt`` gives
  ``DIR/2021/001.json``;
- two inputs that would give the same name (``ep.txt`` and ``ep.md``, or ``a/ep.txt`` and
  ``b/ep.txt`` named on the command line) do not overwrite each other: the later gets
  ``ep-2.json`` (then ``-3``, ...), in input order, so a run gives the same names again;
  each record's ``source.path`` names its input;
- a file that would replace one of the inputs named on the command line is not written
  (``refused``), nor is the file of an input that fails (a feed broken after some items
  gives no file: a file is all of an input, or nothing); a feed without items gives none.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import TextIO

from episodeparse.emit import RecordWriter
from episodeparse.model import Episode

__all__ = ["SUFFIXES", "AtomicFile", "OutputDir", "Refused", "Tagged", "tagged", "untag"]

SUFFIXES = {"json": ".json", "yaml": ".yaml", "jsonl": ".jsonl"}


class AtomicFile:
    """A file written through a temporary file in the same folder, renamed into place by
    ``commit``, so a reader never sees a partial file and an interrupted run leaves none
    behind. The temporary file is made at the first write: no writes, no file.

    A symbolic link is written through (its target is replaced, the link stays). What is
    not a regular file (``/dev/null``, a FIFO, a pipe, a terminal), and a descriptor's
    name (``/dev/stdout``, ``/dev/fd/3``, ``/proc/self/fd/1``: the file the shell opened,
    perhaps for ``>>``), is written into directly, appending: renaming over it would
    replace it."""

    def __init__(self, output: Path) -> None:
        self.direct = _write_into(output)
        if not self.direct and output.is_symlink():
            output = Path(os.path.realpath(output))
        self.output = output
        self.handle: TextIO | None = None
        self.tmp: Path | None = None

    def write(self, text: str) -> int:
        if self.handle is None and self.direct:
            self.handle = self.output.open("a", encoding="utf-8", newline="")
        if self.handle is None:
            import secrets  # here: a convert to stdout should not pay for it

            folder = self.output.parent if str(self.output.parent) else Path()
            # The name is kept before the file is made, so that Ctrl-C between the two
            # (mkstemp's name only comes back once its file exists) leaves nothing behind.
            while True:
                self.tmp = folder / f".{self.output.name}.{secrets.token_hex(4)}.tmp"
                try:
                    fd = os.open(self.tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                    break
                except FileExistsError:
                    continue
            self.handle = os.fdopen(fd, "w", encoding="utf-8", newline="")
        return self.handle.write(text)

    def commit(self) -> None:
        if self.handle is not None and self.tmp is None:  # a device or FIFO
            self.handle.close()
            self.handle = None
        if self.handle is not None and self.tmp is not None:
            self.handle.close()
            self.tmp.chmod(_mode_for(self.output))  # not mkstemp's private 0600
            self.tmp.replace(self.output)
            self.handle = self.tmp = None

    def discard(self) -> None:
        if self.handle is not None:
            self.handle.close()
        if self.tmp is not None:
            self.tmp.unlink(missing_ok=True)
        self.handle = self.tmp = None


def _write_into(path: Path) -> bool:
    """Whether ``path`` is to be written into rather than replaced: it is there and is no
    regular file, links followed (a device, a FIFO, a pipe), or it stands in ``/dev`` or
    ``/proc`` (``/dev/stdout`` names whatever the shell opened as standard output)."""
    import stat

    try:
        mode = path.stat().st_mode
    except OSError:
        return False  # not there yet (or a dangling link): made by the rename
    if not stat.S_ISREG(mode):
        return True
    folder = os.path.realpath(path.parent)
    return folder in ("/dev", "/proc") or folder.startswith(("/dev/", "/proc/"))


def _mode_for(output: Path) -> int:
    """The mode ``open(output, "w")`` would leave: the file's own if it exists, else what
    the umask allows of 0666."""
    try:
        return output.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


# Records tagged with their input ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tagged:
    """A rendered record and the input it came from (``item``: its index in a feed)."""

    path: str | None
    item: int | None
    text: str


def tagged(render: Callable[[Episode], str], record: Episode) -> str:
    """``render(record)`` behind a first line naming the record's input, so that worker
    processes can send it back as text (``functools.partial(tagged, render)`` pickles)."""
    source = record.source
    return json.dumps([source.path, source.item]) + "\n" + render(record)


def untag(text: str) -> Tagged:
    """What ``tagged`` wrote, taken apart again."""
    head, _, body = text.partition("\n")
    path, item = json.loads(head)
    return Tagged(path, item, body)


# One file per input ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Refused:
    """A file not written, and why (one line for stderr)."""

    target: Path
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.target}: {self.reason} ({self.path})"


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


@dataclass
class _Open:
    path: str
    feed: bool
    target: Path | None  # None: refused, its records are dropped
    file: AtomicFile | None
    writer: RecordWriter | None


@dataclass
class OutputDir:
    """``convert --output-dir``: see the module docstring. ``add`` each tagged record and
    ``fail`` each input failure in input order, then ``close``; on an exception,
    ``discard`` (the files already finished stay)."""

    folder: Path
    fmt: str
    inputs: list[str]
    written: list[Path] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
    _claimed: set[Path] = field(default_factory=set)
    _protected: set[Path] = field(default_factory=set)
    _dirs: dict[str, bool] = field(default_factory=dict)
    _argument: int = 0
    _open: _Open | None = None

    def __post_init__(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        for raw in self.inputs:
            if raw != "-" and not Path(raw).is_dir():
                self._protected.add(_resolved(Path(raw)))

    def _is_dir(self, raw: str) -> bool:
        if raw not in self._dirs:
            self._dirs[raw] = Path(raw).is_dir()
        return self._dirs[raw]

    def _relative(self, path: str) -> PurePath:
        """The name below the folder, without suffix: the file's stem, or its path below
        the directory argument it was found in (arguments are met in order)."""
        while self._argument < len(self.inputs):
            raw = self.inputs[self._argument]
            if path == raw:
                return PurePath(PurePath(path).stem)
            if self._is_dir(raw):
                try:
                    below = PurePath(path).relative_to(PurePath(raw))
                except ValueError:
                    pass
                else:
                    return below.with_suffix("") if below.suffix else below
            self._argument += 1
        return PurePath(PurePath(path).stem)

    def _target(self, path: str) -> Path:
        relative = self._relative(path)
        suffix = SUFFIXES[self.fmt]
        stem = relative.name or "record"
        candidate = self.folder / relative.parent / f"{stem}{suffix}"
        n = 2
        while _resolved(candidate) in self._claimed:
            candidate = self.folder / relative.parent / f"{stem}-{n}{suffix}"
            n += 1
        self._claimed.add(_resolved(candidate))
        return candidate

    def _start(self, path: str, feed: bool) -> _Open:
        target = self._target(path)
        if _resolved(target) in self._protected or (target.exists() and _same(target, path)):
            self.refused.append(Refused(target, path, "refusing to overwrite an input file"))
            return _Open(path, feed, None, None, None)
        target.parent.mkdir(parents=True, exist_ok=True)
        file = AtomicFile(target)
        return _Open(path, feed, target, file, RecordWriter(file, self.fmt, bare_single=not feed))

    def _finish(self) -> None:
        current = self._open
        if current is None or current.writer is None or current.file is None:
            self._open = None
            return
        current.writer.close()
        current.file.commit()
        self._open = None  # only now: until the rename, ``discard`` must still find it
        assert current.target is not None
        self.written.append(current.target)

    def add(self, record: Tagged) -> Refused | None:
        """Write one record; a new input's first record finishes the file before it.
        Returns the refusal when this record starts a file that is not written."""
        path = record.path if record.path is not None else "-"
        current = self._open
        if current is None or record.item is None or record.item == 0 or current.path != path:
            self._finish()
            current = self._open = self._start(path, feed=record.item is not None)
            if current.writer is None:
                return self.refused[-1]
        if current.writer is not None:
            current.writer.add(record.text)
        return None

    def fail(self, path: str) -> None:
        """An input failed: a feed broken after some items gives no file at all."""
        if self._open is not None and self._open.feed and self._open.path == path:
            current, self._open = self._open, None
            if current.file is not None:
                current.file.discard()
            return
        self._finish()

    def close(self) -> None:
        """Finish the last file."""
        self._finish()

    def discard(self) -> None:
        """Stop: the file being written is dropped, its temporary file removed."""
        current, self._open = self._open, None
        if current is not None and current.file is not None:
            current.file.discard()


def _same(target: Path, path: str) -> bool:
    try:
        return target.samefile(path)
    except OSError:
        return False
