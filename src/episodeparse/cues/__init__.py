"""Cue words: the words that tell what a line holds, as data grouped by language.

Each kind of cue has one JSON file beside this module, ``<kind>.json``, mapping a
language code (ISO 639-1) to named groups of words or phrases::

    {"en": {"guest": ["guest", "guests"]}, "de": {"guest": ["Gast", "Gäste"]}}

Adding a language is adding its table to the files, not code. An extractor asks for a
group across every language (notes mix languages, and a line rarely says which one it
is in): :func:`words` gives the phrases, :func:`alternation` a regular-expression
alternation of them (escaped, longest first, a blank inside a phrase matching any run of
blanks), to be compiled into the extractor's own patterns.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

__all__ = ["alternation", "alternation_of", "languages", "table", "words"]

_HERE = Path(__file__).parent

Table = dict[str, dict[str, list[str]]]


@functools.cache
def table(kind: str) -> Table:
    """The whole table of one kind: language -> group -> phrases, as the file has it."""
    with (_HERE / f"{kind}.json").open(encoding="utf-8") as handle:
        data: Table = json.load(handle)
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
    'hosted[ \\t]+by|co\\-host|host'
    """
    ordered = sorted(phrases, key=lambda p: (-len(p), p))
    # A word of letters and digits is its own escape (re.escape reads every character
    # through a table: most of the cost of building a long alternation at import).
    return "|".join(
        r"[ \t]+".join(part if part.isalnum() else re.escape(part) for part in p.split())
        for p in ordered
    )
