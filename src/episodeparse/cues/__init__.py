"""Cue words: the words that tell what a line holds, as data grouped by language.

Each kind of cue has one JSON file beside this module, ``<kind>.json``, mapping a
language code (ISO 639-1) to named groups of words or phrases::

    {"en": {"guest": ["guest", "guests"]}, "de": {"guest": ["Gast", "Gäste"]}}

Adding a language is adding its table to the files, not code. An extractor asks for a
group across every language (notes mix languages, and a line rarely says which one it
is in): :func:`words` gives the phrases, :func:`alternation` a regular-expression
alternation of them (escaped, longest first, a blank inside a phrase matching any run of
blanks), to be compiled into the extractor's own patterns.

Reading the files and building the alternations costs some 3 ms of every start (with
the ``json`` module), so what a run read and built is kept, as ``recache`` keeps
compiled patterns: in one ``marshal`` file beside the package's ``.pyc`` files, written
at exit when a run built something the file lacked. The file holds the tables only for
the JSON files (and this module) as they were, by size and modification time, as a
``.pyc`` holds for its source; any other, damaged or unreadable file is ignored, and
none is written where Python writes no bytecode.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import marshal
import os
import re
import sys
from pathlib import Path
from typing import Any

from episodeparse import recache

__all__ = ["alternation", "alternation_of", "languages", "table", "words"]

_HERE = Path(__file__).parent

Table = dict[str, dict[str, list[str]]]

_FORMAT = 2  # 2: phrases that share a first character share it in the pattern
_MAX_ALTERNATIONS = 500  # past this, the file keeps only what the last run built

_memo: dict[str, Any] | None = None  # {"tables": {kind: Table}, "alternations": {...}}
_dirty = False  # something was read or built afresh: write the file at exit


def _cache_path() -> Path:
    """Beside ``recache``'s file, named for this Python."""
    tag = sys.implementation.cache_tag or "python"
    return recache.path().with_name(f"episodeparse-cues.{tag}.marshal")


def _stamp() -> tuple[Any, ...]:
    """What the kept tables were read from: each JSON file and this module, by name,
    size and modification time."""
    found: list[tuple[str, int, int]] = []
    with os.scandir(_HERE) as entries:
        for entry in entries:
            if entry.name.endswith((".json", ".py")):
                info = entry.stat()
                found.append((entry.name, info.st_size, info.st_mtime_ns))
    return (_FORMAT, sys.version, tuple(sorted(found)))


def _kept() -> dict[str, Any]:
    global _memo
    if _memo is None:
        _memo = {"tables": {}, "alternations": {}, "stamp": None}
        try:
            stamp = _stamp()
            _memo["stamp"] = stamp
            kept_stamp, tables, alternations = marshal.loads(_cache_path().read_bytes())
            if kept_stamp == stamp and isinstance(tables, dict) and isinstance(alternations, dict):
                _memo["tables"], _memo["alternations"] = tables, alternations
        except Exception:  # missing, unreadable, damaged or another version: start empty
            pass
    return _memo


def _save() -> bool:
    """Write the file if this run read or built what it lacked; True if written."""
    global _dirty
    if not _dirty or sys.dont_write_bytecode or _memo is None or _memo["stamp"] is None:
        return False
    alternations = _memo["alternations"]
    if len(alternations) > _MAX_ALTERNATIONS:
        alternations = {k: v for k, v in alternations.items() if k in _built}
    target = _cache_path()
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(marshal.dumps((_memo["stamp"], _memo["tables"], alternations)))
        temporary.replace(target)
    except (OSError, ValueError):  # read-only, a full disk: the next run reads again
        with contextlib.suppress(OSError):
            temporary.unlink()
        return False
    _dirty = False
    return True


_built: set[tuple[str, ...]] = set()  # the alternations this run asked for


@functools.cache
def table(kind: str) -> Table:
    """The whole table of one kind: language -> group -> phrases, as the file has it."""
    global _dirty
    tables = _kept()["tables"]
    data: Table | None = tables.get(kind)
    if data is None:
        import json  # here: a run that finds the tables kept loads none of it

        with (_HERE / f"{kind}.json").open(encoding="utf-8") as handle:
            data = json.load(handle)
        tables[kind] = data
        _dirty = True
    return data


def languages(kind: str) -> tuple[str, ...]:
    """The languages one kind has words for, in the file's order."""
    return tuple(table(kind))


@functools.cache
def words(kind: str, group: str) -> tuple[str, ...]:
    """The phrases of ``group`` in every language of ``kind``, each once, in file order."""
    seen: dict[str, None] = {}
    for groups in table(kind).values():
        for phrase in groups.get(group, ()):
            seen.setdefault(phrase, None)
    return tuple(seen)


@functools.cache
def alternation(kind: str, group: str) -> str:
    """``words(kind, group)`` as a regex alternation (see :func:`alternation_of`)."""
    return alternation_of(words(kind, group))


def alternation_of(phrases: tuple[str, ...]) -> str:
    r"""Phrases as ``a|b|c`` for a regex: escaped, longest first (so that "co-host" is
    tried before "host"), each blank inside a phrase read as a run of blanks.

    >>> alternation_of(("host", "co-host", "hosted by"))
    'h(?:osted[ \\t]+by|ost)|co\\-host'
    """
    global _dirty
    key = tuple(phrases)
    _built.add(key)
    alternations = _kept()["alternations"]
    found: str | None = alternations.get(key)
    if found is None:
        found = _alternation_of(key)
        alternations[key] = found
        _dirty = True
    return found


def _alternation_of(phrases: tuple[str, ...]) -> str:
    ordered = sorted(phrases, key=lambda p: (-len(p), p))
    # Phrases that open with the same character share it: "h(?:osted[ \t]+by|ost)". The
    # regex engine then tries one branch per first character, not one per phrase, at each
    # position. Phrases whose first characters differ in case only stay apart (the pattern
    # may or may not ignore case), in their order, within their group; two groups never
    # match at one position, so the first match is the one of the flat alternation.
    groups: dict[str, list[str]] = {}
    for phrase in ordered:
        groups.setdefault(phrase[:1].casefold(), []).append(phrase)
    out: list[str] = []
    for members in groups.values():
        head = members[0][:1]
        if len(members) > 1 and head.strip() and all(m[:1] == head for m in members):
            tails = "|".join(_phrase(m[1:]) for m in members)
            out.append(f"{_escaped(head)}(?:{tails})")
        else:
            out.extend(_phrase(m) for m in members)
    return "|".join(out)


def _escaped(part: str) -> str:
    # A word of letters and digits is its own escape (re.escape reads every character
    # through a table: most of the cost of building a long alternation at import).
    return part if part.isalnum() else re.escape(part)


def _phrase(text: str) -> str:
    """A phrase (or the rest of one) as a pattern: each run of blanks in it matches any."""
    blank = r"[ \t]+" if text[:1].isspace() else ""
    return blank + r"[ \t]+".join(_escaped(part) for part in text.split())


atexit.register(_save)
