"""WebVTT chapters (a ``<track kind="chapters">`` file).

Written::

    WEBVTT

    00:00:00.000 --> 00:01:12.000
    Intro

One cue per chapter, its title as the one payload line. A cue ends where the next starts;
the last needs its own end or the episode's duration (``DurationNeeded`` otherwise). A
title is made safe for a payload: line breaks become spaces (a blank line would end the
cue), and ``&``, ``<`` and ``>`` are written as character references, so ``-->`` becomes
``--&gt;`` and can never read as a timing line; NUL, which a WebVTT parser replaces, is
dropped.

Read: a file that opens with ``WEBVTT`` (then a space, a tab or a line break). Each cue's
start and end become a chapter's, its payload lines, joined by a space with tags removed
and character references decoded, the title. Cue identifiers are labels, not content;
header text, ``NOTE``, ``STYLE`` and ``REGION`` blocks and blocks without a timing line are
returned as ``Unread``.
"""

from __future__ import annotations

import re
from typing import Final

from episodeparse import recache
from episodeparse.chapter_formats.timeline import (
    ChapterFile,
    ChapterList,
    Mark,
    Unread,
    clock,
    ends,
    one_line,
)
from episodeparse.normalize import unescape

__all__ = ["cue_text", "read", "write"]

_ESCAPES: Final = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_TO_ESCAPE: Final = recache.compile("[&<>]")


def cue_text(title: str) -> str:
    """A title as one safe payload line.

    >>> cue_text("A --> B & <C>\\n\\nD")
    'A --&gt; B &amp; &lt;C&gt;  D'
    """
    return _TO_ESCAPE.sub(lambda m: _ESCAPES[m.group()], one_line(title.replace("\x00", "")))


def write(chapters: ChapterList) -> str:
    """The chapters as a WebVTT chapters track."""
    stops = ends(chapters, "webvtt")
    blocks = ["WEBVTT"]
    for mark, end in zip(chapters.marks, stops, strict=True):
        blocks.append(f"{clock(mark.start_ms)} --> {clock(end)}\n{cue_text(mark.title)}")
    return "\n\n".join(blocks) + "\n"


# Reading --------------------------------------------------------------------------------

_LINE_BREAK: Final = recache.compile(r"\r\n|\r|\n")
_TIMESTAMP: Final = r"(?:(\d{2,9}):)?(\d{2}):(\d{2})\.(\d{3})"
_TIMING: Final = recache.compile(
    rf"""^[ \t]*{_TIMESTAMP}         # start: [hh:]mm:ss.ttt
        [ \t]+-->[ \t]+
        {_TIMESTAMP}                  # end
        (?:[ \t].*)?$                 # cue settings""",
    re.VERBOSE,
)
_TAG: Final = recache.compile(r"<[^<>]*>")  # not [^>]*: linear on a line of lone "<"


def _ms(hours: str | None, minutes: str, seconds: str, millis: str) -> int | None:
    if int(minutes) >= 60 or int(seconds) >= 60:
        return None
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(millis)


def _blocks(lines: list[str]) -> list[tuple[int, list[str]]]:
    """(1-based line of the first line, lines) of each run of non-blank lines."""
    out: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if out and out[-1][0] + len(out[-1][1]) == number:
            out[-1][1].append(line)
        else:
            out.append((number, [line]))
    return out


def read(text: str) -> ChapterFile | None:
    """The chapters of a WebVTT file; None when ``text`` does not open with ``WEBVTT``.

    >>> read("WEBVTT\\n\\n00:01.000 --> 00:02.500\\n<b>Hi</b> &amp; bye").chapters.marks
    (Mark(start_ms=1000, title='Hi & bye', url=None, end_ms=2500),)
    """
    if not (text.startswith("WEBVTT") and text[6:7] in ("", " ", "\t", "\r", "\n")):
        return None
    blocks = _blocks(_LINE_BREAK.split(text))
    unread: list[Unread] = []
    marks: list[Mark] = []
    first_line, header = blocks[0]
    rest = " ".join([header[0][6:].strip(), *header[1:]]).strip()
    if rest:
        unread.append(Unread(first_line, rest))
    pending = list(reversed(blocks[1:]))
    while pending:
        number, lines = pending.pop()
        timing = _TIMING.match(lines[0])
        at = 0
        if timing is None and len(lines) > 1 and "-->" not in lines[0]:
            timing, at = _TIMING.match(lines[1]), 1  # the first line is a cue identifier
        start = _ms(*timing.groups()[:4]) if timing else None
        end = _ms(*timing.groups()[4:]) if timing else None
        if timing is None or start is None or end is None:
            unread.append(Unread(number, "\n".join(lines)))
            continue
        payload = lines[at + 1 :]
        for i, line in enumerate(payload):
            if "-->" in line:  # as a WebVTT parser does: the cue ends, a new one starts
                pending.append((number + at + 1 + i, payload[i:]))
                payload = payload[:i]
                break
        title = " ".join(unescape(_TAG.sub("", line)) for line in payload)
        marks.append(Mark(start, title.strip(), end_ms=end if end > start else None))
    return ChapterFile("webvtt", ChapterList(tuple(marks)), tuple(unread))
