"""Chapters: the times and titles of the chapter list, and timestamp-like text the parser
did not take as a chapter.

- ``chapters/out-of-order`` (error): a chapter starts before the one above it.
- ``chapters/duplicate-time`` (error): two chapters start at the same time.
- ``chapters/bad-time`` (error): a chapter-like time with seconds (or, after hours,
  minutes) of 60 or more, such as ``[12:75] Title``, which the parser refused.
- ``chapters/too-short`` (warning): a chapter shorter than ``--min-chapter`` seconds (the
  last one only when ``--duration`` is given).
- ``chapters/after-end`` (error): a chapter that starts at or after ``--duration``.
- ``chapters/implausible-time`` (warning): without ``--duration``, chapters starting ten
  hours or more into the episode: usually ``MM:SS:FF`` frame times written as ``H:MM:SS``.
- ``chapters/not-taken`` (info): a time that opens a line, or a bracketed time inside a
  line, which is not a chapter in the record, with the reason.

A bare time inside a sentence ("at 3:20 I mention", "4:20 PM") is prose and not reported.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Literal, NamedTuple

from episodeparse import recache
from episodeparse.checks.notes import PARSER_GROUP, ChapterSpot, Finding, Notes, check, quote
from episodeparse.document import Segment
from episodeparse.extractors.chapters import match_chapter
from episodeparse.normalize import time_to_seconds

__all__ = [
    "Dropped",
    "after_end",
    "bad_time",
    "clock",
    "dropped_times",
    "duplicate_time",
    "implausible_time",
    "not_taken",
    "out_of_order",
    "too_short",
]

_TIME = r"\d{1,3}:\d{2}(?::\d{2})?(?![\d:])"
_AT_START = recache.compile(
    rf"""^[ \t]*(?:[-*•·>+][ \t]+|\d{{1,3}}[.)][ \t]+)?   # a bullet or a list number
        (?:\*\*|__)?                                      # bold around the time
        (?P<open>[\[(]?)@?[ \t]?                          # a bracket, "@"
        (?P<time>{_TIME})
        (?P<close>[\])]?)""",
    re.VERBOSE,
)
_BRACKETED = recache.compile(rf"[\[(]@?(?P<time>{_TIME})")
_SEPARATORS = recache.compile(r"^(?:\(\#[^)\s]{0,40}\)|\*\*|__|[ \t\-–—:|.~])*")
_CLOCK = recache.compile(r"^(?:[AaPp]\.?[Mm]\.?|Uhr|h)\b|^[/:]|^\d{1,2}[:/]\d")
_LONG = 10 * 3600

DropKind = Literal["bad-time", "no-title", "other"]


def clock(seconds: int) -> str:
    """Seconds as ``M:SS`` or ``H:MM:SS``.

    >>> clock(72), clock(3723)
    ('1:12', '1:02:03')
    """
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Dropped(NamedTuple):
    """Timestamp-like text that is not a chapter of the record, and why."""

    segment: Segment
    line: int
    column: int
    time: str
    kind: DropKind
    reason: str


def _not_a_time(time: str) -> str | None:
    """Why a written time is no time, or None when it is one."""
    if time_to_seconds(time) is not None:
        return None
    parts = [int(p) for p in time.split(":")]
    if parts[-1] >= 60:
        return "seconds must be below 60"
    return "minutes must be below 60 after the hours"


def _why_at_start(notes: Notes, seg: Segment, text: str, m: re.Match[str]) -> tuple[DropKind, str]:
    heading = seg.heading is not None
    if match_chapter(text, heading=heading) is None:
        if bool(m["open"]) != bool(m["close"]):
            return "other", "the bracket around the time is not closed"
        rest = _SEPARATORS.sub("", text[m.end() :], count=1)
        if not rest.strip():
            return "no-title", "no title after the time"
        if _CLOCK.match(rest):
            return "other", "it reads as a clock time or a date"
        return "other", "the line is not in a chapter form (a time, then a title)"
    if notes.context.is_taken(seg):
        return "other", "the line was read as the title line or teaser"
    if not m["open"]:
        return "other", (
            "a time without brackets opens a chapter only where the notes have two chapter "
            'lines or a "Timestamps" heading'
        )
    return "other", "not read as a chapter"


def dropped_times(notes: Notes) -> list[Dropped]:
    """Every time that opens a segment, and every bracketed time inside one, outside code
    and outside the record's chapters."""
    chapter_segments = {s.segment.index for s in notes.chapter_spots if s.segment is not None}
    out: list[Dropped] = []
    for seg in notes.document.segments:
        if seg.index in chapter_segments or seg.index in notes.fenced:
            continue
        text = seg.heading if seg.heading is not None else seg.text
        first = _AT_START.match(text)
        if first is not None:
            time = first["time"]
            why = _not_a_time(time)
            kind: DropKind
            kind, reason = ("bad-time", why) if why else _why_at_start(notes, seg, text, first)
            out.append(Dropped(seg, *notes.locate(seg, time), time, kind, reason))
        for m in _BRACKETED.finditer(text):
            if first is not None and m.start("time") == first.start("time"):
                continue
            time = m["time"]
            why = _not_a_time(time)
            if why:
                kind, reason = "bad-time", why
            else:
                before = text[: m.start()].strip() or text
                kind = "other"
                reason = (
                    f"it stands inside a line, after {quote(before, 30)}: a chapter's time "
                    "must open its line"
                )
            line, column = notes.locate(seg, time, m.start("time") if seg.heading is None else 0)
            out.append(Dropped(seg, line, column, time, kind, reason))
    return out


_WRITTEN_TIME = recache.compile(_TIME)


def _written(notes: Notes, spot: ChapterSpot) -> tuple[str, int]:
    """The chapter's time as the notes write it where it stands, and its seconds: the
    record's, unless the parser read it otherwise (``1:22:35  Title`` read as 1:22)."""
    chapter = spot.chapter
    if 1 <= spot.line <= len(notes.lines):
        written = _WRITTEN_TIME.match(notes.lines[spot.line - 1], spot.column - 1)
        if written is not None and written.group() != chapter.time:
            seconds = time_to_seconds(written.group())
            if seconds is not None:
                return written.group(), seconds
    return chapter.time, chapter.seconds


def _named(spot: ChapterSpot) -> str:
    return f"chapter {spot.chapter.time} {quote(spot.chapter.title, 40)}"


@check("chapters/out-of-order", "error", "a chapter starts before the one above it")
def out_of_order(notes: Notes) -> Iterator[Finding]:
    """Why: Players jump to the wrong place; YouTube, Spotify and Podcasting 2.0 refuse
    chapters that are not ascending.

    Example::

        [10:15] Notes
        [02:30] Engine

    Fix::

        [02:30] Engine
        [10:15] Notes
    """
    spots = notes.chapter_spots
    for previous, spot in itertools.pairwise(spots):
        (time, seconds), (before, before_seconds) = _written(notes, spot), _written(notes, previous)
        if seconds < before_seconds:
            yield Finding(
                spot.line,
                spot.column,
                f"chapter {time} {quote(spot.chapter.title, 40)} starts before the chapter "
                f"above it ({before}, line {previous.line})",
            )


@check("chapters/duplicate-time", "error", "two chapters start at the same time")
def duplicate_time(notes: Notes) -> Iterator[Finding]:
    """Why: Two chapters at one time: a player shows only one of them.

    Example::

        [02:30] Engine
        [02:30] Notes

    Fix::

        [02:30] Engine
        [10:15] Notes
    """
    seen: dict[int, ChapterSpot] = {}
    for spot in notes.chapter_spots:
        first = seen.setdefault(spot.chapter.seconds, spot)
        if first is not spot:
            yield Finding(
                spot.line,
                spot.column,
                f"{_named(spot)} starts at the same time as "
                f"{quote(first.chapter.title, 40)} (line {first.line})",
            )


@check("chapters/bad-time", "error", "a chapter time with minutes or seconds of 60 or more")
def bad_time(notes: Notes) -> Iterator[Finding]:
    """Why: A time with 60 or more seconds is a typo; no player reads it.

    Example::

        [12:75] Notes

    Fix::

        [12:57] Notes
    """
    for drop in dropped_times(notes):
        if drop.kind == "bad-time":
            yield Finding(
                drop.line,
                drop.column,
                f"{drop.time} is not a time ({drop.reason}): the line is not taken as a chapter",
            )


@check("chapters/too-short", "warning", "a chapter shorter than --min-chapter seconds")
def too_short(notes: Notes) -> Iterator[Finding]:
    """Why: A chapter of a few seconds is usually a typo in a time; YouTube requires 10 s.

    Example::

        [02:30] Engine
        [02:36] Notes

    Fix::

        [02:30] Engine
        [03:36] Notes
    """
    minimum = notes.options.min_chapter
    spots = notes.chapter_spots
    ends: list[tuple[ChapterSpot, int, str]] = [
        (spot, nxt.chapter.seconds, nxt.chapter.time) for spot, nxt in itertools.pairwise(spots)
    ]
    duration = notes.options.duration
    if spots and duration is not None:
        ends.append((spots[-1], duration, f"the end, {clock(duration)}"))
    for spot, end, until in ends:
        length = end - spot.chapter.seconds
        if 0 < length < minimum:
            yield Finding(
                spot.line,
                spot.column,
                f"{_named(spot)} lasts {length} s (to {until}): shorter than "
                f"--min-chapter {minimum} s",
            )


@check("chapters/after-end", "error", "a chapter starts after --duration")
def after_end(notes: Notes) -> Iterator[Finding]:
    """Why: A chapter after the end of the episode cannot be reached.

    Example::

        [21:40] Poetical science, with --duration 20:00

    Fix::

        [19:40] Poetical science
    """
    duration = notes.options.duration
    if duration is None:
        return
    for spot in notes.chapter_spots:
        if spot.chapter.seconds >= duration:
            yield Finding(
                spot.line,
                spot.column,
                f"{_named(spot)} starts at or after the end of the episode "
                f"(--duration {clock(duration)})",
            )


@check("chapters/implausible-time", "warning", "chapters starting ten hours or more in")
def implausible_time(notes: Notes) -> Iterator[Finding]:
    """Why: Times ten hours in are usually MM:SS:FF frame times from an editor.

    Example::

        [10:41:08] Notes

    Fix::

        [10:41] Notes
    """
    if notes.options.duration is not None:
        return  # chapters/after-end says it exactly
    late = [s for s in notes.chapter_spots if s.chapter.seconds >= _LONG]
    if late:
        first = late[0]
        more = f" and {len(late) - 1} more" if len(late) > 1 else ""
        yield Finding(
            first.line,
            first.column,
            f"{_named(first)}{more} start{'' if more else 's'} {clock(first.chapter.seconds)} "
            "into the episode: are these MM:SS:FF frame times? Write M:SS or H:MM:SS "
            "(or pass --duration)",
        )


@check(
    "chapters/not-taken", "info", "timestamp-like text that is not a chapter", group=PARSER_GROUP
)
def not_taken(notes: Notes) -> Iterator[Finding]:
    """Why: Timestamp-like text that is not a chapter. Opt-in: it reports what the parser
    did not read as a chapter, often on purpose.

    Example::

        [25:00] with no title

    Fix::

        [25:00] Questions
    """
    for drop in dropped_times(notes):
        if drop.kind != "bad-time":
            yield Finding(
                drop.line, drop.column, f"{drop.time} is not taken as a chapter: {drop.reason}"
            )
