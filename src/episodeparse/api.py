"""The library's entry points: one episode's notes, a file, a feed, and their checks.

Each function is what the matching command does for one input, without printing:

- :func:`parse` reads notes given as text or bytes;
- :func:`parse_file` reads a notes (or chapters) file from disk;
- :func:`parse_feed` yields the record of every item of an RSS, RSS 1.0 or Atom feed;
- :func:`validate` gives the diagnostics ``episodeparse validate`` prints for notes.

Content never raises: what the parser does not understand goes to ``leftovers``. Input that
cannot be read as asked raises ``InputError`` (a ``ValueError``): bytes that are not text,
a feed given where notes are expected (the message names :func:`parse_feed`), notes given
to :func:`parse_feed`; a feed that is not well-formed or safe XML raises ``FeedError``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from episodeparse import sniff
from episodeparse.document import InputError
from episodeparse.inputs import DEFAULT_MAX_BYTES, read_input, records_from_bytes
from episodeparse.model import Episode

if TYPE_CHECKING:
    from episodeparse.checks import Options
    from episodeparse.diagnostics import Diagnostic

__all__ = ["parse", "parse_feed", "parse_file", "validate"]

_FEED_GIVEN = (
    "this is a feed, not one episode's notes: read its items with episodeparse.parse_feed()"
)
_NOT_A_FEED = "not a feed: no <rss>, <feed> or <rdf:RDF> at its start"


def _is_feed(text: str | bytes) -> bool:
    head = text[:4096]
    return sniff.looks_like_feed(head.encode("utf-8", "replace") if isinstance(head, str) else head)


def parse(notes: str | bytes, *, path: str | None = None, encoding: str | None = None) -> Episode:
    """The record of one episode's notes, given as text or as the bytes of a file.

    Bytes are decoded as the command line decodes a file (UTF-8 or UTF-16 with a byte
    order mark, else ``encoding``); ``path`` is what ``source.path`` says (and, by its
    suffix, may tell HTML or Markdown). A feed raises ``InputError`` naming
    :func:`parse_feed`.

    >>> import episodeparse
    >>> record = episodeparse.parse("Engines of Thought // Ada Byron // Coffee Talks #12")
    >>> record.title, record.series, record.episode, [p.name for p in record.people]
    ('Engines of Thought', 'Coffee Talks', 12, ['Ada Byron'])
    >>> episodeparse.parse(b"[00:00] Hello\\n[01:30] Goodbye").chapters[1].seconds
    90
    >>> episodeparse.parse('<rss version="2.0"><channel></channel></rss>')  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    episodeparse.document.InputError: this is a feed, ... with episodeparse.parse_feed()
    """
    if _is_feed(notes):
        raise InputError(_FEED_GIVEN)
    if isinstance(notes, str):
        from episodeparse.pipeline import parse as parse_text

        return parse_text(notes, path=path)
    return _one(records_from_bytes(notes, path, encoding=encoding))


def _one(records: Iterator[Episode]) -> Episode:
    return next(records)


def parse_file(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Episode:
    """The record of one notes file (``.txt``, ``.md``, ``.html``) or chapters file
    (Podcasting 2.0 JSON, PSC, WebVTT, FFMETADATA, mp4chaps), as ``convert FILE`` gives it.

    Raises ``InputError`` for a file that cannot be read (missing, larger than
    ``max_bytes``, not text) and for a feed, whose message names :func:`parse_feed`.

    >>> import episodeparse, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "ep.md").write_text("# Hello\\n\\n[00:10] Intro\\n", encoding="utf-8")
    >>> record = episodeparse.parse_file(folder / "ep.md")
    >>> record.source.format, record.chapters[0].title
    ('markdown', 'Intro')
    """
    name = os.fspath(path)
    data = read_input(name, max_bytes)
    if _is_feed(data):
        raise InputError(f"{name}: {_FEED_GIVEN}")
    return _one(records_from_bytes(data, name, encoding=encoding))


def parse_feed(
    source: str | os.PathLike[str] | bytes | BinaryIO,
    *,
    path: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Episode]:
    """The record of every item of a feed, in feed order, read item by item (a long feed
    never sits in memory whole). ``source`` is a path, the feed's bytes, or a binary
    stream; ``path`` names it in ``source.path`` when it is not a path itself.

    Raises ``FeedError`` (a ``ValueError``) when the feed is not well-formed or safe XML,
    possibly after some items were yielded; ``InputError`` when it is not a feed at all.

    >>> import episodeparse
    >>> feed = b'''<rss version="2.0"><channel><title>Tea Time</title>
    ... <item><title>Two for Tea</title><guid>tea-2</guid>
    ... <description>[00:00] Kettle on</description></item></channel></rss>'''
    >>> [(r.title, r.chapters[0].title) for r in episodeparse.parse_feed(feed)]
    [('Two for Tea', 'Kettle on')]
    """
    from episodeparse import feeds
    from episodeparse.inputs import _feed_record

    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        try:
            stream = Path(name).open("rb")  # noqa: SIM115 - closed below, also on error
        except OSError as exc:
            raise InputError(f"{name}: {exc.strerror or exc}") from None
        with stream:
            if not sniff.looks_like_feed(stream.read(4096)):
                raise InputError(f"{name}: {_NOT_A_FEED}")
            stream.seek(0)
            for item in feeds.iter_items(stream, limit_bytes=max_bytes):
                yield _feed_record(item, path or name)
        return
    if isinstance(source, bytes) and not sniff.looks_like_feed(source[:4096]):
        raise InputError(_NOT_A_FEED)
    for item in feeds.iter_items(source, limit_bytes=max_bytes):
        yield _feed_record(item, path)


def validate(
    notes: str | bytes,
    *,
    path: str | None = None,
    options: Options | None = None,
) -> list[Diagnostic]:
    """The diagnostics ``episodeparse validate`` finds in one episode's notes (text, or
    bytes as :func:`parse` reads them), sorted by line; ``options`` as the command's.

    >>> import episodeparse
    >>> found = episodeparse.validate("[01:12] Intro\\n[00:30] Hello", path="ep.txt")
    >>> [(d.line, d.code) for d in found if d.severity == "error"]
    [(2, 'chapters/out-of-order')]
    """
    from episodeparse.document import decode
    from episodeparse.validation import validate_text

    if _is_feed(notes):
        raise InputError(_FEED_GIVEN)
    text = notes if isinstance(notes, str) else decode(notes)
    return validate_text(text.removeprefix("\ufeff"), path=path, options=options)
