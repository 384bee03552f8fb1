"""Chapter files: the formats players, editors and ffmpeg read, written and read back.

Contract
--------
``write(fmt, chapters)`` renders a ``ChapterList`` in one of ``FORMATS``; ``read(data)``
gives the ``ChapterFile`` in a file's bytes, or None when they are not a chapters file (show
notes, a feed); ``from_episode`` / ``to_episode`` go between chapter lists and the episode
record. One module per format, each with ``write`` (and ``read`` where the format has a
reader of its own):

============  ================================  ==========================================
format        written                           read when the file
============  ================================  ==========================================
podcast-json  Podcasting 2.0 JSON chapters      is JSON with ``version`` and a
              1.2.0, seconds as numbers         ``chapters`` list
psc           Podlove Simple Chapters 1.2 XML   is XML whose root is ``chapters`` in the
                                                PSC namespace
ffmetadata    ``;FFMETADATA1``, ms timebase     opens with ``;FFMETADATA``
webvtt        ``WEBVTT`` chapter cues           opens with ``WEBVTT``
mp4chaps      ``HH:MM:SS.mmm Title`` lines      has only such lines
youtube       ``M:SS Title`` lines              -- (show notes: the notes parser reads it)
============  ================================  ==========================================

What each format does to a title, so that what is written reads back the same:

- podcast-json: nothing. psc: drops the characters XML 1.0 cannot carry (control
  characters other than tab, line feed and carriage return). ffmetadata: drops NUL, puts a
  space after a final backslash (an ffmpeg quirk, see ``ffmetadata``).
- webvtt, mp4chaps: one line (line breaks become spaces, surrounding whitespace goes);
  webvtt also drops NUL.
- youtube: one line with single spaces, whole seconds; read back by the notes parser,
  which also takes a leading ``-``, ``:`` or ``|`` for a separator and renders Markdown.

Readers never raise on content: what they cannot use comes back as ``Unread`` lines.
``ChapterFormatError`` is raised for input that cannot be read at all (XML that is not
well-formed, a JSON document that is not a chapters file) and for chapters a format cannot
hold (out of time order; ``DurationNeeded`` when the last chapter's end is unknown).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, get_args

from episodeparse.chapter_formats import (
    ffmetadata,
    mp4chaps,
    podcast_json,
    psc,
    webvtt,
    youtube,
)
from episodeparse.chapter_formats.record import from_episode, to_episode
from episodeparse.chapter_formats.timeline import (
    ChapterFile,
    ChapterFormatError,
    ChapterList,
    DurationNeeded,
    FormatName,
    Mark,
    Unread,
    parse_npt,
)
from episodeparse.document import decode
from episodeparse.sniff import SNIFF_BYTES, looks_like_text_chapters

__all__ = [
    "FORMATS",
    "ChapterFile",
    "ChapterFormatError",
    "ChapterList",
    "DurationNeeded",
    "FormatName",
    "Mark",
    "Unread",
    "from_episode",
    "parse_npt",
    "read",
    "to_episode",
    "write",
]

WRITERS: Final[dict[str, Callable[[ChapterList], str]]] = {
    "podcast-json": podcast_json.write,
    "psc": psc.write,
    "ffmetadata": ffmetadata.write,
    "webvtt": webvtt.write,
    "mp4chaps": mp4chaps.write,
    "youtube": youtube.write,
}
FORMATS: Final[tuple[FormatName, ...]] = get_args(FormatName)
_TEXT_READERS: Final[tuple[Callable[[str], ChapterFile | None], ...]] = (
    podcast_json.read,
    webvtt.read,
    ffmetadata.read,
    mp4chaps.read,
)


def write(fmt: str, chapters: ChapterList) -> str:
    """The chapters in format ``fmt`` (one of ``FORMATS``; ``ValueError`` for another).

    >>> print(write("mp4chaps", ChapterList((Mark(0, "Intro"), Mark(72_500, "Next")))), end="")
    00:00:00.000 Intro
    00:01:12.500 Next
    """
    writer = WRITERS.get(fmt)
    if writer is None:
        raise ValueError(f"no chapter format {fmt!r}: one of {', '.join(FORMATS)}")
    return writer(chapters)


def read(data: bytes, encoding: str | None = None) -> ChapterFile | None:
    """The chapters file in ``data``, or None when it is not one.

    Raises ``ChapterFormatError`` for a chapters file that cannot be read at all, and the
    ``InputError`` of ``document.decode`` for text that cannot be decoded.

    >>> read(b"WEBVTT\\n\\n00:00.000 --> 00:05.000\\nIntro").chapters.marks[0].title
    'Intro'
    >>> read(b"Show notes\\n[00:00] Intro") is None
    True
    """
    if psc.looks_like_psc(data[:SNIFF_BYTES]):
        return psc.read(data)
    if not looks_like_text_chapters(data, encoding):
        return None
    text = decode(data, encoding)
    for reader in _TEXT_READERS:
        found = reader(text)
        if found is not None:
            return found
    return None
