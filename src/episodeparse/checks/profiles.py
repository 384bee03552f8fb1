"""Platform profiles: the chapter rules each platform publishes, under ``--profile``.

Each message names the platform and its rule. Sources:

- YouTube Help, "Add chapters to your videos": the first timestamp starts at 0:00, at
  least three timestamps in ascending order, each chapter at least 10 seconds long.
- Spotify for Creators, "Creating and managing chapters": the first timestamp starts at 0,
  a minimum of 3 chapters, each on its own line, one punctuation mark at most between the
  timestamp and the title, chronological order; titles under 40 characters recommended.
- Apple Podcasts for Creators, "Chapters on Apple Podcasts": in the episode description,
  start the first chapter at 00:00:00 and include at least three chapters.

Notes with no chapter at all ask for none, and are not held to "at least three".
- Podcasting 2.0 JSON chapters (podcast namespace, jsonChapters.md 1.2): each chapter needs
  ``startTime`` in seconds; chapters are read in ascending ``startTime`` order; ``title`` is
  optional, but an untitled chapter shows blank in the table of contents.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from episodeparse import recache
from episodeparse.checks.chapters import dropped_times
from episodeparse.checks.notes import ChapterSpot, Finding, Notes, check, quote
from episodeparse.normalize import render_inline

__all__ = [
    "apple_first_at_zero",
    "apple_too_few",
    "podcasting2_no_title",
    "podcasting2_not_ascending",
    "podcasting2_start_time",
    "spotify_first_at_zero",
    "spotify_long_title",
    "spotify_not_chronological",
    "spotify_punctuation",
    "spotify_same_line",
    "spotify_too_few",
    "youtube_first_at_zero",
    "youtube_not_ascending",
    "youtube_too_few",
    "youtube_too_short",
]

_MIN_CHAPTERS = 3
_YOUTUBE_MIN_SECONDS = 10
_SPOTIFY_TITLE = 40
_TIME_OPENING = recache.compile(
    r"^[ \t]*(?:[-*•·>+][ \t]+|\d{1,3}[.)][ \t]+)?(?:\*\*|__)?[\[(]?@?[ \t]?"
    r"\d{1,3}:\d{2}(?::\d{2})?[\])]?"
)
_ANCHOR = recache.compile(r"^\(\#[^)\s]{0,40}\)")  # [01:50](#t=01:50)


def _first_at_zero(notes: Notes, rule: str) -> Iterator[Finding]:
    spots = notes.chapter_spots
    if spots and spots[0].chapter.seconds != 0:
        first = spots[0]
        yield Finding(first.line, first.column, f"{rule}; the first is {first.chapter.time}")


def _too_few(notes: Notes, rule: str) -> Iterator[Finding]:
    """Notes with one or two chapters; notes with none do not ask for chapters."""
    spots = notes.chapter_spots
    if 0 < len(spots) < _MIN_CHAPTERS:
        yield Finding(spots[0].line, spots[0].column, f"{rule}; the notes have {len(spots)}")


def _not_ascending(notes: Notes, rule: str) -> Iterator[Finding]:
    spots = notes.chapter_spots
    for previous, spot in itertools.pairwise(spots):
        if spot.chapter.seconds <= previous.chapter.seconds:
            yield Finding(
                spot.line,
                spot.column,
                f"{rule}: {spot.chapter.time} does not come after {previous.chapter.time} "
                f"(line {previous.line})",
            )


# YouTube ------------------------------------------------------------------------------


@check("youtube/first-at-zero", "error", "YouTube: the first chapter at 0:00", profile="youtube")
def youtube_first_at_zero(notes: Notes) -> Iterator[Finding]:
    """Rule: YouTube Help, 'Add chapters to your videos': the first timestamp must be 0:00.

    Example::

        [00:30] Introduction

    Fix::

        [00:00] Introduction (--fix --unsafe-fixes adds one)
    """
    return _first_at_zero(notes, "YouTube requires the first chapter at 0:00")


@check("youtube/too-few", "error", "YouTube: at least 3 chapters", profile="youtube")
def youtube_too_few(notes: Notes) -> Iterator[Finding]:
    """Rule: YouTube Help: at least three timestamps.

    Example::

        two chapters

    Fix::

        three or more chapters
    """
    return _too_few(notes, "YouTube requires at least 3 chapters")


@check("youtube/not-ascending", "error", "YouTube: chapters in ascending order", profile="youtube")
def youtube_not_ascending(notes: Notes) -> Iterator[Finding]:
    """Rule: YouTube Help: timestamps in ascending order.

    Example::

        [10:15] then [02:30]

    Fix::

        [02:30] then [10:15]
    """
    return _not_ascending(notes, "YouTube requires chapters in ascending order")


@check("youtube/too-short", "error", "YouTube: each chapter at least 10 s", profile="youtube")
def youtube_too_short(notes: Notes) -> Iterator[Finding]:
    """Rule: YouTube Help: each chapter at least 10 seconds.

    Example::

        [02:30] then [02:35]

    Fix::

        [02:30] then [02:45]
    """
    spots = notes.chapter_spots
    ends: list[tuple[ChapterSpot, int]] = [
        (spot, nxt.chapter.seconds) for spot, nxt in itertools.pairwise(spots)
    ]
    if spots and notes.options.duration is not None:
        ends.append((spots[-1], notes.options.duration))
    for spot, end in ends:
        length = end - spot.chapter.seconds
        if 0 <= length < _YOUTUBE_MIN_SECONDS:
            yield Finding(
                spot.line,
                spot.column,
                f"YouTube requires each chapter to last at least {_YOUTUBE_MIN_SECONDS} s; "
                f"{spot.chapter.time} {quote(spot.chapter.title, 40)} lasts {length} s",
            )


# Spotify ------------------------------------------------------------------------------


@check("spotify/first-at-zero", "error", "Spotify: the first chapter at 0", profile="spotify")
def spotify_first_at_zero(notes: Notes) -> Iterator[Finding]:
    """Rule: Spotify for Creators, 'Creating and managing chapters': the first timestamp
    starts at 0.

    Example::

        [00:30] Introduction

    Fix::

        [00:00] Introduction
    """
    return _first_at_zero(notes, "Spotify requires the first chapter at 0 (00:00)")


@check("spotify/too-few", "error", "Spotify: at least 3 chapters", profile="spotify")
def spotify_too_few(notes: Notes) -> Iterator[Finding]:
    """Rule: Spotify for Creators: a minimum of 3 chapters.

    Example::

        two chapters

    Fix::

        three or more
    """
    return _too_few(notes, "Spotify requires a minimum of 3 chapters")


@check(
    "spotify/not-chronological",
    "error",
    "Spotify: chapters in chronological order",
    profile="spotify",
)
def spotify_not_chronological(notes: Notes) -> Iterator[Finding]:
    """Rule: Spotify for Creators: chapters in chronological order.

    Example::

        [10:15] then [02:30]

    Fix::

        [02:30] then [10:15]
    """
    return _not_ascending(notes, "Spotify requires chapters in chronological order")


@check("spotify/same-line", "error", "Spotify: each chapter on its own line", profile="spotify")
def spotify_same_line(notes: Notes) -> Iterator[Finding]:
    """Rule: Spotify for Creators: each chapter on its own line.

    Example::

        [00:00] Intro [02:30] Engine

    Fix::

        one chapter per line
    """
    by_line: dict[int, list[ChapterSpot]] = {}
    for spot in notes.chapter_spots:
        by_line.setdefault(spot.line, []).append(spot)
    for spots in by_line.values():
        if len(spots) > 1:
            yield Finding(
                spots[1].line,
                spots[1].column,
                f"Spotify requires each chapter on its own line; {len(spots)} chapters share "
                f"this line ({spots[0].chapter.time} to {spots[-1].chapter.time})",
            )


@check(
    "spotify/punctuation",
    "error",
    "Spotify: at most one punctuation mark between time and title",
    profile="spotify",
)
def spotify_punctuation(notes: Notes) -> Iterator[Finding]:
    """Rule: Spotify for Creators: one punctuation mark at most between the time and the
    title.

    Example::

        [02:30] -- The analytical engine

    Fix::

        [02:30] - The analytical engine
    """
    for spot in notes.chapter_spots:
        if spot.segment is None or spot.segment.heading is not None:
            continue
        text = spot.segment.text
        m = _TIME_OPENING.match(text)
        if m is None:
            continue
        # What a reader sees: no "(#t=..)" anchor, link markup or bold around the title.
        rest = render_inline(_ANCHOR.sub("", text[m.end() :], count=1))
        start = next((i for i, ch in enumerate(rest) if ch.isalnum()), len(rest))
        gap = rest[:start].replace("**", "").replace("__", "")
        marks = [ch for ch in gap if not ch.isspace()]
        if len(marks) > 1:
            yield Finding(
                spot.line,
                spot.column,
                "Spotify allows at most one punctuation mark between the time and the title; "
                f"{spot.chapter.time} has {len(marks)}: {quote(gap.strip())}",
            )


@check(
    "spotify/long-title",
    "warning",
    "Spotify: chapter titles under 40 characters",
    profile="spotify",
)
def spotify_long_title(notes: Notes) -> Iterator[Finding]:
    """Rule: Spotify for Creators recommends titles under 40 characters.

    Example::

        a chapter title of 40 characters or more

    Fix::

        a shorter title
    """
    for spot in notes.chapter_spots:
        length = len(spot.chapter.title)
        if length >= _SPOTIFY_TITLE:
            yield Finding(
                spot.line,
                spot.column,
                f"Spotify recommends chapter titles under {_SPOTIFY_TITLE} characters; "
                f"{spot.chapter.time} has {length}",
            )


# Apple Podcasts -----------------------------------------------------------------------


@check(
    "apple/first-at-zero",
    "error",
    "Apple Podcasts: the first chapter at 00:00:00",
    profile="apple",
)
def apple_first_at_zero(notes: Notes) -> Iterator[Finding]:
    """Rule: Apple Podcasts for Creators, 'Chapters on Apple Podcasts': start the first
    chapter at 00:00:00.

    Example::

        [00:30] Introduction

    Fix::

        [00:00] Introduction
    """
    return _first_at_zero(notes, "Apple Podcasts requires the first chapter at 00:00:00")


@check("apple/too-few", "error", "Apple Podcasts: at least 3 chapters", profile="apple")
def apple_too_few(notes: Notes) -> Iterator[Finding]:
    """Rule: Apple Podcasts for Creators: include at least three chapters.

    Example::

        two chapters

    Fix::

        three or more
    """
    return _too_few(notes, "Apple Podcasts requires at least three chapters")


# Podcasting 2.0 JSON chapters ----------------------------------------------------------


@check(
    "podcasting2/start-time",
    "error",
    "Podcasting 2.0: every chapter needs a numeric startTime",
    profile="podcasting2",
)
def podcasting2_start_time(notes: Notes) -> Iterator[Finding]:
    """Rule: Podcasting 2.0 JSON chapters 1.2: each chapter needs a startTime in seconds.

    Example::

        [10:61] Notes

    Fix::

        [11:01] Notes
    """
    for drop in dropped_times(notes):
        if drop.kind == "bad-time":
            yield Finding(
                drop.line,
                drop.column,
                "Podcasting 2.0 JSON chapters need a startTime in seconds; "
                f"{drop.time} is not a time ({drop.reason})",
            )


@check(
    "podcasting2/not-ascending",
    "error",
    "Podcasting 2.0: chapters in ascending startTime order",
    profile="podcasting2",
)
def podcasting2_not_ascending(notes: Notes) -> Iterator[Finding]:
    """Rule: Podcasting 2.0 JSON chapters 1.2: chapters are read in ascending startTime
    order.

    Example::

        [10:15] then [02:30]

    Fix::

        [02:30] then [10:15]
    """
    return _not_ascending(
        notes, "Podcasting 2.0 JSON chapters are read in ascending startTime order"
    )


@check(
    "podcasting2/no-title",
    "warning",
    "Podcasting 2.0: a chapter time with no title",
    profile="podcasting2",
)
def podcasting2_no_title(notes: Notes) -> Iterator[Finding]:
    """Rule: Podcasting 2.0 JSON chapters: an untitled chapter shows blank in the table of
    contents.

    Example::

        [10:15] with no title

    Fix::

        [10:15] Notes
    """
    for drop in dropped_times(notes):
        if drop.kind == "no-title":
            yield Finding(
                drop.line,
                drop.column,
                f"{drop.time} has no title: Podcasting 2.0 JSON chapters make the title "
                "optional, but an untitled chapter shows blank in the table of contents",
            )
