"""Compiled regular expressions, kept across runs the way Python keeps ``.pyc`` files.

A parse needs about 170 patterns, and compiling them costs about 30 ms on every start,
twice Python's own start-up (``python -m benchmarks --imports`` shows it): the standard
library parses a pattern and builds its matcher code in pure Python. That code is a
list of integers, which ``_sre.compile`` turns back into a ``re.Pattern`` in a few
microseconds. So :func:`compile` keeps those lists for the patterns of this package in
one ``marshal`` file beside the package's ``.pyc`` files (about 170 KB), written at exit
when a run met a pattern the file lacked, and read on the next start (about 1 ms).

What comes out is what ``re.compile`` gives: an ``re.Pattern`` equal to it (the same
pattern, flags and matcher code). The file is only a cache:

- it belongs to one Python build (``sys.version``, ``_sre.MAGIC``, ``_sre.CODESIZE``)
  and one format; any other file is ignored, as a damaged or unreadable one is;
- ``_sre.compile`` checks the matcher code it is given and refuses code that is not
  well formed; such an entry, or one of the wrong shape, is compiled afresh. The file
  sits with the ``.pyc`` files and is trusted as they are: whoever can write there can
  change the code itself;
- it is not written when Python writes no bytecode (``-B``,
  ``PYTHONDONTWRITEBYTECODE``), nor where the package's folder is read-only; it is
  written to a temporary name and renamed, so runs side by side (``--jobs``) never read
  half a file;
- on a Python without ``_sre`` or with another compiler layout, every pattern is
  compiled by ``re.compile``, as without this module.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import re
import sys
from pathlib import Path
from typing import Any, AnyStr, cast

_sre: Any
_compiler: Any
_parser: Any
try:  # CPython's matcher engine and pattern compiler (3.11+ layout)
    import _sre  # type: ignore[import-not-found,no-redef]
    from re import _compiler, _parser  # type: ignore[attr-defined,no-redef]
except ImportError:  # pragma: no cover - another Python implementation
    _sre = None

__all__ = ["compile", "path"]

FORMAT = 1
MAX_ENTRIES = 2_000  # past this, the file keeps only what the last run used

# (pattern, flags) -> (flags, code, groups, groupindex, indexgroup): _sre.compile's arguments.
_Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_Key = tuple[str | bytes, int]

_stored: dict[_Key, _Entry] | None = None  # read from the file on first use
_used: dict[_Key, _Entry] = {}  # what this run compiled or took from the file
_dirty = False  # a pattern was compiled afresh: write the file at exit
_counts = {"hits": 0, "misses": 0}


def path() -> Path:
    """Where the cache lives: beside the package's ``.pyc`` files, named for this Python
    (under ``PYTHONPYCACHEPREFIX`` when that is set, as they are)."""
    here = Path(__file__).resolve().parent
    if sys.pycache_prefix:
        folder = Path(sys.pycache_prefix) / here.relative_to(here.anchor)
    else:
        folder = here / "__pycache__"
    return folder / f"episodeparse-regex.{sys.implementation.cache_tag or 'python'}.marshal"


def _stamp() -> tuple[Any, ...]:
    return (FORMAT, sys.version, getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None))


def compile(pattern: AnyStr, flags: int | re.RegexFlag = 0) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)``, from the cache when it holds the pattern."""
    global _dirty
    if _sre is None or not isinstance(pattern, str | bytes):
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    entry = _load().get(key)
    if entry is not None:
        try:
            groups, groupindex, indexgroup = entry[2], entry[3], entry[4]
            if len(indexgroup) != groups + 1 or any(
                not 0 < index <= groups for index in groupindex.values()
            ):
                raise ValueError("groups out of step")
            compiled = _sre.compile(pattern, *entry)
        except Exception:  # a damaged entry: compile afresh below
            pass
        else:
            _used[key] = entry
            _counts["hits"] += 1
            return cast("re.Pattern[AnyStr]", compiled)
    try:
        entry = _entry(pattern, int(flags))
    except Exception:  # not our layout after all: leave it to re (and its errors)
        return re.compile(pattern, flags)
    _counts["misses"] += 1
    _used[key] = entry
    _dirty = True
    return cast("re.Pattern[AnyStr]", _sre.compile(pattern, *entry))


def _entry(pattern: str | bytes, flags: int) -> _Entry:
    """What ``re._compiler.compile`` hands to ``_sre.compile``, in plain types."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = {str(name): int(index) for name, index in parsed.state.groupdict.items()}
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        int(flags | parsed.state.flags),
        code,
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _load() -> dict[_Key, _Entry]:
    global _stored
    if _stored is None:
        _stored = {}
        try:
            stamp, entries = marshal.loads(path().read_bytes())  # one read, not one per object
            if stamp == _stamp() and isinstance(entries, dict):
                _stored = entries
        except Exception:  # missing, unreadable, damaged or another version: start empty
            pass
    return _stored


def save() -> bool:
    """Write the cache if this run compiled a pattern it lacked; True if written."""
    global _dirty
    if not _dirty or sys.dont_write_bytecode:
        return False
    entries = dict(_load())
    if len(entries) + len(_used) > MAX_ENTRIES:
        entries = {}
    entries.update(_used)
    target = path()
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(marshal.dumps((_stamp(), entries)))
        temporary.replace(target)
    except OSError:  # a read-only install, a full disk: the next run compiles again
        with contextlib.suppress(OSError):
            temporary.unlink()
        return False
    _dirty = False
    return True


def counts() -> dict[str, int]:
    """Patterns taken from the cache (hits) and compiled afresh (misses) in this run."""
    return dict(_counts)


def _reset() -> None:
    """Forget what was read and used (for tests)."""
    global _stored, _dirty
    _stored = None
    _dirty = False
    _used.clear()
    _counts.update(hits=0, misses=0)


atexit.register(save)
