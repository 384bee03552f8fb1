"""mp4chaps: ``HH:MM:SS.mmm Title`` lines (the text format of mp4v2's ``mp4chaps`` tool,
also read by Auphonic, Podlove and Forecast).

Written: one line per chapter, the title on one line (line breaks become spaces,
surrounding whitespace goes).

Read back exactly when every non-blank line has that form (two-digit minutes and seconds,
three-digit milliseconds, a space, the title): nobody writes milliseconds in show notes by
hand, so such a file is a chapters file. Anything looser is show notes, for the notes
parser.
"""

from __future__ import annotations

import re
from typing import Final

from episodeparse import recache
from episodeparse.chapter_formats.timeline import (
    ChapterFile,
    ChapterList,
    Mark,
    check_order,
    clock,
    one_line,
)

__all__ = ["read", "write"]


def write(chapters: ChapterList) -> str:
    """The chapters as mp4chaps lines.

    >>> print(write(ChapterList((Mark(0, "Intro"), Mark(3_723_004, "Two\\nlines")))), end="")
    00:00:00.000 Intro
    01:02:03.004 Two lines
    """
    check_order(chapters.marks)
    lines = []
    for mark in chapters.marks:
        title = one_line(mark.title)
        lines.append(f"{clock(mark.start_ms)} {title}" if title else clock(mark.start_ms))
    return "\n".join(lines) + "\n"


_LINE: Final = recache.compile(
    r"""^(\d{2,9}):([0-5]\d):([0-5]\d)\.(\d{3})  # HH:MM:SS.mmm
        (?:[ \t]+(.*))?$                     # the title""",
    re.VERBOSE,
)
_LINE_BREAK: Final = recache.compile(r"\r\n|\r|\n")


def read(text: str) -> ChapterFile | None:
    """The chapters of an mp4chaps file; None unless every non-blank line is a chapter.

    >>> read("00:00:00.000 Intro\\n00:01:12.500 Next\\n").chapters.marks[1]
    Mark(start_ms=72500, title='Next', url=None, end_ms=None)
    >>> read("00:00 Intro") is None
    True
    """
    marks: list[Mark] = []
    for line in _LINE_BREAK.split(text):
        if not line.strip():
            continue
        m = _LINE.match(line)
        if m is None:
            return None
        hours, minutes, seconds, millis = (int(g) for g in m.groups()[:4])
        start = ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis
        marks.append(Mark(start, (m[5] or "").strip()))
    if not marks:
        return None
    return ChapterFile("mp4chaps", ChapterList(tuple(marks)))
