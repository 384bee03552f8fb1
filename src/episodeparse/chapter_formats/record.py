"""Between the episode record and chapter lists.

``from_episode`` gives the chapters of a record for the writers: each chapter starts at its
``seconds`` plus the milliseconds its ``time`` may write (``01:12.500``); its url is that of
the record's first link whose label is the chapter's title (so a chapters file's urls come
back out, and so does ``[Intro](https://...)`` in notes).

``to_episode`` builds the record of a chapters file, as ``convert`` prints it:

==========  ====================================================================
chapters    each chapter: ``time`` as ``MM:SS``, or ``HH:MM:SS`` for every chapter
            when any starts after the first hour, with ``.mmm`` where the file has
            milliseconds; ``seconds`` the whole seconds (milliseconds cut);
            ``title`` trimmed
title       the file's episode title (Podcasting 2.0 JSON ``title``, FFMETADATA's
            global ``title``), else null
podcast     Podcasting 2.0 JSON ``podcastName``, else null
abstract    Podcasting 2.0 JSON ``description``, else null
links       a chapter's url, labelled with the chapter's title, kind ``reference``
leftovers   what the reader could not use, with its line, ``unrecognized``
==========  ====================================================================

Every other field is null or empty: a chapters file says nothing about people or dates.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from episodeparse import recache
from episodeparse.chapter_formats.timeline import ChapterFile, ChapterList, Mark
from episodeparse.extractors.links import platform_of
from episodeparse.model import SCHEMA, Chapter, Episode, Leftover, Link, Source

__all__ = ["chapter_ms", "from_episode", "record_times", "to_episode"]

_FRACTION: Final = recache.compile(r"\.(\d{1,3})$")
_HOUR_MS: Final = 3_600_000


def chapter_ms(chapter: Chapter) -> int:
    """Where a chapter of a record starts, in milliseconds.

    >>> chapter_ms(Chapter("01:12", 72, "A")), chapter_ms(Chapter("00:01:12.5", 72, "B"))
    (72000, 72500)
    """
    m = _FRACTION.search(chapter.time)
    extra = int(m[1].ljust(3, "0")) if m else 0
    return chapter.seconds * 1000 + extra


def from_episode(episode: Episode, *, duration_ms: int | None = None) -> ChapterList:
    """The chapters of a record, with its title and show, for the writers."""
    urls: dict[str, str] = {}
    for link in episode.links:
        if link.url and link.text is not None:
            urls.setdefault(link.text, link.url)
    marks = tuple(Mark(chapter_ms(c), c.title, urls.get(c.title)) for c in episode.chapters)
    return ChapterList(marks, title=episode.title, podcast=episode.podcast, duration_ms=duration_ms)


def record_times(starts_ms: Sequence[int]) -> list[str]:
    """The ``time`` of each chapter of a chapters file, all in one form.

    >>> record_times([0, 72_500, 3_599_000])
    ['00:00', '01:12.500', '59:59']
    >>> record_times([0, 3_723_000])
    ['00:00:00', '01:02:03']
    """
    long = any(ms >= _HOUR_MS for ms in starts_ms)
    out: list[str] = []
    for ms in starts_ms:
        seconds, millis = divmod(ms, 1000)
        minutes, seconds = divmod(seconds, 60)
        hours, minutes = divmod(minutes, 60)
        text = (
            f"{hours:02d}:{minutes:02d}:{seconds:02d}" if long else f"{minutes:02d}:{seconds:02d}"
        )
        out.append(f"{text}.{millis:03d}" if millis else text)
    return out


def to_episode(found: ChapterFile, source: Source) -> Episode:
    """The record of a chapters file (see the module doc for each field)."""
    chapters = found.chapters
    marks = chapters.marks
    times = record_times([m.start_ms for m in marks])
    return Episode(
        schema=SCHEMA,
        source=source,
        feed=None,
        title=chapters.title,
        podcast=chapters.podcast,
        series=None,
        episode=None,
        date=None,
        people=(),
        summary=None,
        abstract=chapters.description,
        chapters=tuple(
            Chapter(time, m.start_ms // 1000, m.title.strip())
            for time, m in zip(times, marks, strict=True)
        ),
        links=tuple(
            Link(m.url, None, m.title.strip() or None, None, None, platform_of(m.url), "reference")
            for m in marks
            if m.url
        ),
        categories=(),
        sections=(),
        leftovers=tuple(Leftover(u.line, u.text, "unrecognized") for u in found.unread),
    )
