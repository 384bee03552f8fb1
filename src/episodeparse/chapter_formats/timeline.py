"""Chapters on a timeline in milliseconds: the one shape every chapter format is written
from and read into.

``Mark`` is one chapter (start, title, optional url and end); ``ChapterList`` the chapters of
one episode with what the files may say about it (title, show, description, duration);
``ChapterFile`` what a reader found in a file, with the lines it could not use (``Unread``).
Times are integer milliseconds, the finest unit any of the formats writes.

Writers need the chapters in time order; the formats that write an end for every chapter
(FFMETADATA, WebVTT) take it from the next chapter's start and, for the last one, from its
own end or the episode's duration, and raise ``DurationNeeded`` when there is neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from itertools import pairwise
from typing import Final, Literal

from episodeparse import recache

__all__ = [
    "ChapterFile",
    "ChapterFormatError",
    "ChapterList",
    "DurationNeeded",
    "FormatName",
    "Mark",
    "Unread",
    "check_order",
    "clock",
    "ends",
    "one_line",
    "parse_npt",
    "seconds_to_ms",
]

FormatName = Literal["podcast-json", "psc", "ffmetadata", "webvtt", "mp4chaps", "youtube"]


class ChapterFormatError(ValueError):
    """Chapters that cannot be written in a format, or a chapters file that cannot be read
    at all (not well-formed XML, a JSON document that is not a chapters file)."""


class DurationNeeded(ChapterFormatError):
    """The end of the last chapter is needed and neither it nor the duration is known."""


@dataclass(frozen=True, slots=True)
class Mark:
    """One chapter: where it starts (ms), its title, a related page, where it ends."""

    start_ms: int
    title: str
    url: str | None = None
    end_ms: int | None = None


@dataclass(frozen=True, slots=True)
class ChapterList:
    """The chapters of one episode and what a chapters file may say about the episode."""

    marks: tuple[Mark, ...]
    title: str | None = None
    podcast: str | None = None
    description: str | None = None
    duration_ms: int | None = None


@dataclass(frozen=True, slots=True)
class Unread:
    """Text of a chapters file that no field took, with its 1-based line."""

    line: int
    text: str


@dataclass(frozen=True, slots=True)
class ChapterFile:
    """What a reader found: the format, the chapters, and what it could not use."""

    format: FormatName
    chapters: ChapterList
    unread: tuple[Unread, ...] = ()


def clock(ms: int) -> str:
    """``HH:MM:SS.mmm`` (hours grow past two digits when they must).

    >>> clock(0), clock(72_500), clock(3_723_004), clock(360_000_000)
    ('00:00:00.000', '00:01:12.500', '01:02:03.004', '100:00:00.000')
    """
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def seconds_to_ms(value: Decimal | float | int) -> int:
    """Seconds (float precision) to whole milliseconds, rounding half to even.

    >>> seconds_to_ms(94), seconds_to_ms(72.5), seconds_to_ms(0.0015), seconds_to_ms(1.2345678)
    (94000, 72500, 2, 1235)
    """
    # A float through its repr: 72.1 is "72.1", not 72.099999999999994315658...
    exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    return int((exact * 1000).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


_NPT: Final = recache.compile(
    r"""^[ \t]*(?:npt:)?                     # the optional scheme of Media Fragments
        (?:(?:(?P<h>\d{1,6}):)?              # hours, only with minutes
           (?P<m>\d{1,4}):)?                 # minutes
        (?P<s>\d{1,9})                       # seconds (alone: any number of them)
        (?:\.(?P<f>\d{0,9}))?                # a fraction of a second
        [ \t]*$""",
    re.VERBOSE,
)


def parse_npt(text: str) -> int | None:
    """Normal Play Time (``37``, ``7:48``, ``35:12.250``, ``05:12:03.5``) to milliseconds.

    The time syntax of Podlove Simple Chapters. Seconds (and minutes under hours) must be
    below 60 wherever a larger unit is written.

    >>> parse_npt("0"), parse_npt("3:07"), parse_npt("8:26.250"), parse_npt("01:35:52")
    (0, 187000, 506250, 5752000)
    >>> parse_npt("npt:37.5"), parse_npt("1:75:00"), parse_npt("soon")
    (37500, None, None)
    """
    m = _NPT.match(text)
    if m is None:
        return None
    hours, minutes, seconds = (int(m[g]) if m[g] else 0 for g in ("h", "m", "s"))
    if (m["m"] is not None and seconds >= 60) or (m["h"] is not None and minutes >= 60):
        return None
    fraction = Decimal(f"0.{m['f']}") if m["f"] else Decimal(0)
    return seconds_to_ms((hours * 3600 + minutes * 60 + seconds) + fraction)


def check_order(marks: tuple[Mark, ...]) -> None:
    """Raise ``ChapterFormatError`` unless the chapters start in time order."""
    for before, after in pairwise(marks):
        if after.start_ms < before.start_ms:
            raise ChapterFormatError(
                f"chapters are not in time order: {after.title!r} at {clock(after.start_ms)} "
                f"comes after {before.title!r} at {clock(before.start_ms)}"
            )


def ends(chapters: ChapterList, fmt: FormatName) -> list[int]:
    """The end of every chapter, for formats that write one: its own end where the file
    said it, else the next chapter's start; for the last chapter, else the duration.

    Raises ``DurationNeeded`` when the last end is unknown, and ``ChapterFormatError`` when
    the chapters are out of order or a chapter would last no time at all (two chapters at
    one time: WebVTT requires a cue to end after it starts, and a zero-length chapter makes
    ffmpeg's Matroska muxer drop the chapter after it).
    """
    marks = chapters.marks
    check_order(marks)
    out: list[int] = []
    for i, mark in enumerate(marks):
        if i + 1 < len(marks):
            end = marks[i + 1].start_ms if mark.end_ms is None else mark.end_ms
        elif mark.end_ms is not None:
            end = mark.end_ms
        elif chapters.duration_ms is not None:
            end = chapters.duration_ms
            if end <= mark.start_ms:
                raise ChapterFormatError(
                    f"the duration ({clock(end)}) is not after the start of the last "
                    f"chapter ({clock(mark.start_ms)}, {mark.title!r})"
                )
        else:
            raise DurationNeeded(
                f"{fmt} needs the end of the last chapter ({mark.title!r} at "
                f"{clock(mark.start_ms)}): give the episode's duration"
            )
        if end <= mark.start_ms and mark.end_ms is None:
            raise ChapterFormatError(
                f"{fmt} cannot write two chapters that start at the same time, "
                f"{clock(mark.start_ms)}: {mark.title!r} would last no time before "
                f"{marks[i + 1].title!r}"
            )
        if end <= mark.start_ms:
            raise ChapterFormatError(
                f"{fmt} cannot write a chapter that lasts no time: {mark.title!r} "
                f"starts at {clock(mark.start_ms)} and ends at {clock(end)}"
            )
        out.append(end)
    return out


_LINE_BREAK: Final = recache.compile(r"\r\n|\r|\n")


def one_line(title: str) -> str:
    """A title for a format with one line per chapter: each line break becomes a space,
    surrounding whitespace goes.

    >>> one_line(" Intro\\r\\nand  more\\n")
    'Intro and  more'
    """
    return _LINE_BREAK.sub(" ", title).strip()
