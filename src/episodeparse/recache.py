"""Compiled regular expressions, kept across runs the way Python keeps ``.pyc`` files.

A parse needs about 170 patterns, and compiling them costs about 30 ms on every start,
twice Python's own start-up (``python -m benchmarks --imports`` shows it): the standard
library parses a pattern and builds its matcher code in pure Python. That code is a
list of integers, which ``_sre.compile`` turns back into a ``re.Pattern`` in a few
microseconds. So :func:`compile` keeps those lists for the patterns of this package in
one ``marshal`` file beside the package's ``.pyc`` files, written at exit when a run met
a pattern the file lacked, and read on the next start. Each list is kept as the bytes of
its machine words, which ``marshal`` reads in one copy: the integers are made when a
pattern is compiled, not for every pattern of the file (a third less work than reading
them as integers, where a ``validate`` uses some 230 patterns and 100,000 words).

What comes out is what ``re.compile`` gives: an ``re.Pattern`` equal to it (the same
pattern, flags and matcher code). The file is only a cache:

- it belongs to one Python build (``sys.version``, ``_sre.MAGIC``, ``_sre.CODESIZE``,
  the byte order) and one format; any other file is ignored, as a damaged or unreadable
  one is;
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
from typing import Any, AnyStr, Literal, cast

_sre: Any
_compiler: Any
_parser: Any
try:  # CPython's matcher engine and pattern compiler (3.11+ layout)
    import _sre  # type: ignore[import-not-found,no-redef]
    from re import _compiler, _parser  # type: ignore[attr-defined,no-redef]
except ImportError:  # pragma: no cover - another Python implementation
    _sre = None

__all__ = ["code_bytes", "compile", "path"]

FORMAT = 2  # 2: the matcher code as bytes
MAX_ENTRIES = 2_000  # past this, the file keeps only what the last run used

# (pattern, flags) -> (flags, code, groups, groupindex, indexgroup): _sre.compile's arguments,
# but the code (a list of words) as bytes.
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
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
    return (
        FORMAT,
        sys.version,
        getattr(_sre, "MAGIC", None),
        getattr(_sre, "CODESIZE", None),
        sys.byteorder,
    )


_WordFormat = Literal["I", "H", "L", "Q"]
_WORD_FORMATS: tuple[_WordFormat, ...] = ("I", "H", "L", "Q")


def _word_format() -> _WordFormat:
    """The ``memoryview`` format of one word of matcher code (``_sre.CODESIZE`` bytes)."""
    size = getattr(_sre, "CODESIZE", 4)
    return next((f for f in _WORD_FORMATS if memoryview(bytes(8)).cast(f).itemsize == size), "I")


def code_bytes(code: list[int]) -> bytes:
    """Matcher code as the file keeps it: its words' bytes, in this machine's order.

    >>> memoryview(code_bytes([1, 65535])).cast(_word_format()).tolist()
    [1, 65535]
    """
    size = getattr(_sre, "CODESIZE", 4)
    return b"".join(word.to_bytes(size, sys.byteorder) for word in code)


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
            code = memoryview(entry[1]).cast(_WORD).tolist()  # a bad length: TypeError
            compiled = _sre.compile(pattern, entry[0], code, groups, groupindex, indexgroup)
        except Exception:  # a damaged entry: compile afresh below
            pass
        else:
            _used[key] = entry
            _counts["hits"] += 1
            return cast("re.Pattern[AnyStr]", compiled)
    try:
        entry, code = _entry(pattern, int(flags))
    except Exception:  # not our layout after all: leave it to re (and its errors)
        return re.compile(pattern, flags)
    _counts["misses"] += 1
    _used[key] = entry
    _dirty = True
    return cast("re.Pattern[AnyStr]", _sre.compile(pattern, entry[0], code, *entry[2:]))


def _entry(pattern: str | bytes, flags: int) -> tuple[_Entry, list[int]]:
    """What ``re._compiler.compile`` hands to ``_sre.compile``, in plain types, and the
    code as a list."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = {str(name): int(index) for name, index in parsed.state.groupdict.items()}
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    entry = (
        int(flags | parsed.state.flags),
        code_bytes(code),
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )
    return entry, code


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


_WORD = _word_format() if _sre is not None else "I"

atexit.register(save)
