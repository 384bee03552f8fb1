"""YouTube chapters: ``M:SS Title`` (``H:MM:SS Title`` from the first hour on) lines for a
video description.

Written: one line per chapter, never in brackets, times in whole seconds (milliseconds are
cut, as a description cannot show them), the title on one line with whitespace runs
collapsed to one space (the notes parser, which reads these lines back, cuts a line at a
run of spaces).

YouTube makes chapters from such lines only when the first is at ``0:00``, there are at
least three, and each lasts at least ten seconds; ``problems()`` lists the rules a chapter
list breaks (the last chapter's length only when the duration is known). The writer writes
what it is given: refusing is the caller's choice.

There is no reader of its own: a description with these lines is show notes, and the notes
parser reads them.
"""

from __future__ import annotations

from typing import Final

from episodeparse.chapter_formats.timeline import ChapterList, check_order

__all__ = ["MIN_CHAPTERS", "MIN_SECONDS", "problems", "stamp", "title_line", "write"]

MIN_CHAPTERS: Final = 3
MIN_SECONDS: Final = 10


def stamp(ms: int) -> str:
    """``M:SS`` below an hour, else ``H:MM:SS``; milliseconds are cut.

    >>> stamp(0), stamp(72_999), stamp(600_000), stamp(3_723_000), stamp(36_000_000)
    ('0:00', '1:12', '10:00', '1:02:03', '10:00:00')
    """
    seconds = ms // 1000
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes}:{seconds:02d}"


def title_line(title: str) -> str:
    """A title as YouTube and the notes parser read it: one line, single spaces.

    >>> title_line("  Intro\\n to   it ")
    'Intro to it'
    """
    return " ".join(title.split())


def write(chapters: ChapterList) -> str:
    """The chapters as YouTube description lines."""
    check_order(chapters.marks)
    lines = [f"{stamp(m.start_ms)} {title_line(m.title)}".rstrip() for m in chapters.marks]
    return "\n".join(lines) + "\n"


def problems(chapters: ChapterList) -> list[str]:
    """The YouTube rules these chapters break, one sentence each (empty when none).

    >>> from episodeparse.chapter_formats.timeline import Mark
    >>> problems(ChapterList((Mark(5000, "A"), Mark(9000, "B"))))  # doctest: +NORMALIZE_WHITESPACE
    ['YouTube needs at least 3 chapters; there are 2',
     "YouTube needs the first chapter at 0:00; the first, 'A', is at 0:05",
     "YouTube needs chapters of at least 10 seconds; 'A' at 0:05 lasts 4 s"]
    """
    marks = chapters.marks
    found: list[str] = []
    if len(marks) < MIN_CHAPTERS:
        found.append(f"YouTube needs at least {MIN_CHAPTERS} chapters; there are {len(marks)}")
    if marks and marks[0].start_ms // 1000 != 0:
        first = marks[0]
        found.append(
            f"YouTube needs the first chapter at 0:00; the first, {first.title!r}, "
            f"is at {stamp(first.start_ms)}"
        )
    starts = [m.start_ms // 1000 for m in marks]
    last_end = marks[-1].end_ms if marks and marks[-1].end_ms else chapters.duration_ms
    if last_end is not None and marks:
        starts.append(last_end // 1000)
    for mark, start, end in zip(marks, starts, starts[1:], strict=False):
        if end - start < MIN_SECONDS:
            found.append(
                f"YouTube needs chapters of at least {MIN_SECONDS} seconds; {mark.title!r} at "
                f"{stamp(mark.start_ms)} lasts {end - start} s"
            )
    return found
