"""episodeparse: podcast show notes to structured, validated episode records.

>>> import episodeparse
>>> record = episodeparse.parse("Hello // Ada Byron // Tea Talks #1")
>>> record.title, record.to_dict()["schema"]
('Hello', 'episodeparse.episode/1')

- :func:`parse` (text or bytes), :func:`parse_file` (a path) and :func:`parse_feed` (every
  item of a feed) give :class:`Episode` records; :func:`validate` gives the diagnostics of
  ``episodeparse validate``.
- The record's types (:class:`Episode`, :class:`Person`, :class:`Chapter`, :class:`Link`,
  :class:`Feed`, ...) are frozen dataclasses; ``Episode.to_dict()`` is the record of
  ``docs/record.md``, every key in order.
- Input that cannot be read raises :class:`InputError` or :class:`FeedError`, both
  ``ValueError``.

The public names are imported on first use (PEP 562), so that ``import episodeparse.cli``
for ``--help`` does not compile the parser's regular expressions.
"""

from __future__ import annotations

import typing
from importlib import import_module

if typing.TYPE_CHECKING:
    from episodeparse.api import parse, parse_feed, parse_file, validate
    from episodeparse.diagnostics import Diagnostic
    from episodeparse.document import InputError
    from episodeparse.feeds import FeedError
    from episodeparse.model import (
        SCHEMA,
        Channel,
        Chapter,
        ChaptersUrl,
        Enclosure,
        Episode,
        Feed,
        Leftover,
        Link,
        Person,
        Section,
        Source,
        Transcript,
    )

__version__ = "0.1.0"

__all__ = [
    "SCHEMA",
    "Channel",
    "Chapter",
    "ChaptersUrl",
    "Diagnostic",
    "Enclosure",
    "Episode",
    "Feed",
    "FeedError",
    "InputError",
    "Leftover",
    "Link",
    "Person",
    "Section",
    "Source",
    "Transcript",
    "__version__",
    "parse",
    "parse_feed",
    "parse_file",
    "validate",
]


def __getattr__(name: str) -> object:
    home = _homes().get(name)
    if home is None:
        raise AttributeError(f"module 'episodeparse' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def _homes() -> dict[str, str]:
    """Where each public name lives: the record's types in model, the rest as listed."""
    elsewhere = {
        "parse": "episodeparse.api",
        "parse_feed": "episodeparse.api",
        "parse_file": "episodeparse.api",
        "validate": "episodeparse.api",
        "Diagnostic": "episodeparse.diagnostics",
        "InputError": "episodeparse.document",
        "FeedError": "episodeparse.feeds",
    }
    return {n: elsewhere.get(n, "episodeparse.model") for n in __all__ if n != "__version__"}


def __dir__() -> list[str]:
    """``__all__`` and the module's own dunders: what a user may reach for."""
    dunders = (n for n in globals() if n.startswith("__") and n.endswith("__"))
    return sorted({*__all__, *dunders})
