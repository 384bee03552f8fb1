"""What a check is and what it reads.

A check is a function from ``Notes`` (one episode's record, the ``Document`` it was read
from, which segments a field took, and the options) to ``Finding``s (line, column,
message), wrapped by ``@check(code, severity, summary)`` into a ``Check``. The wrapper
carries the code and the severity, so a check cannot report under another's name; the
registry in ``checks/__init__.py`` lists every ``Check`` explicitly.

``Notes`` also says where things stand in the text, since the record carries no line
numbers (SPEC is a contract): the line and column of each chapter and link, found the way
the extractors found them. Lines are those of the text the parser read: for HTML notes and
feed items, the notes converted to text (the leftovers too: validate hands the checks the
record's leftovers at those lines, where the record counts lines of the file as written).
"""

# No ``from __future__ import annotations`` here: typing.NamedTuple compiles each field's
# annotation when it is a string, some 1M instructions of every validate's start for the
# five classes below.

import re
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import Literal, NamedTuple

from episodeparse import recache
from episodeparse.diagnostics import Severity
from episodeparse.document import Document, Segment
from episodeparse.extractors import Context
from episodeparse.extractors.chapters import match_chapter
from episodeparse.model import Chapter, Episode, Link

__all__ = [
    "PARSER_GROUP",
    "PROFILES",
    "ChapterSpot",
    "Check",
    "Finding",
    "LinkSpot",
    "Notes",
    "Options",
    "Profile",
    "check",
    "quote",
]

Profile = Literal["youtube", "spotify", "apple", "podcasting2"]
PROFILES: tuple[Profile, ...] = ("youtube", "spotify", "apple", "podcasting2")

_BREAK = recache.compile(r"\r\n|\r|\n")  # as document.py splits lines


class Options(NamedTuple):
    """``min_chapter``: shortest chapter in seconds; ``duration``: the episode's length in
    seconds, where known; ``profile`` and ``profiles``: platforms whose chapter rules apply
    too (``profile`` is one, ``profiles`` any number; both count)."""

    min_chapter: int = 10
    duration: int | None = None
    profile: Profile | None = None
    profiles: tuple[Profile, ...] = ()

    def applies(self, profile: Profile | None) -> bool:
        """Whether a check of ``profile`` (None: no platform's) runs under these options.

        >>> Options(profiles=("apple", "spotify")).applies("spotify"), Options().applies("apple")
        (True, False)
        """
        return profile is None or profile == self.profile or profile in self.profiles


class Finding(NamedTuple):
    line: int
    column: int
    message: str


CheckFunction = Callable[["Notes"], Iterable[Finding]]


PARSER_GROUP = "parser"
"""The opt-in group of checks that report what the parser did not find (no title, no
guest, text not understood): the parser's uncertainty more often than the author's
mistake, so they run only when selected (``--select parser``, ``--select ALL``)."""


class Check(NamedTuple):
    """A check with its code, severity, one-line summary, for a platform's rules the
    profile it belongs to (it runs only under ``--profile`` of that name), and its opt-in
    group (None: on by default). ``run.__doc__`` explains it (``episodeparse rule CODE``)."""

    code: str
    severity: Severity
    summary: str
    run: CheckFunction
    profile: Profile | None = None
    group: str | None = None
    on_source: bool = False  # its findings are lines of ``Notes.source``, the file as written

    @property
    def default(self) -> bool:
        """Whether the check runs when no ``select`` names it."""
        return self.group is None


def check(
    code: str,
    severity: Severity,
    summary: str,
    *,
    profile: Profile | None = None,
    group: str | None = None,
    on_source: bool = False,
) -> Callable[[CheckFunction], Check]:
    """Decorator: make a function a ``Check`` under ``code``."""

    def wrap(function: CheckFunction) -> Check:
        return Check(code, severity, summary, function, profile, group, on_source)

    return wrap


def quote(text: str, limit: int = 60) -> str:
    """User text for a message: one line, shortened, in double quotes.

    >>> quote("a  very\\nlong line", limit=10)
    '"a very lo…"'
    """
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f'"{text}"'


class ChapterSpot(NamedTuple):
    chapter: Chapter
    segment: Segment | None
    line: int
    column: int


class LinkSpot(NamedTuple):
    link: Link
    segment: Segment | None
    line: int
    column: int


class Notes:
    """One episode as the checks read it."""

    def __init__(
        self,
        episode: Episode,
        document: Document,
        context: Context,
        options: Options,
        source: str | None = None,
    ) -> None:
        self.episode = episode
        self.document = document
        self.context = context
        self.options = options
        self.source = source  # HTML notes as written (the document is their text)

    # Text positions --------------------------------------------------------------------

    @cached_property
    def lines(self) -> list[str]:
        """The physical lines of the text the parser read."""
        return _BREAK.split(self.document.text)

    def column(self, line: int, needle: str, start: int = 0) -> int:
        """1-based column of ``needle`` in ``line`` (from offset ``start``), else 1."""
        if not 1 <= line <= len(self.lines):
            return 1
        found = self.lines[line - 1].find(needle, start) if needle else -1
        return found + 1 if found >= 0 else 1

    def locate(self, segment: Segment, needle: str, skip: int = 0) -> tuple[int, int]:
        """(line, column) of ``needle`` inside ``segment`` (from its offset ``skip``): on its
        own line, or on one of the lines a wrapped Markdown link joined onto it."""
        for offset in range(4):
            number = segment.line + offset
            if number > len(self.lines):
                break
            raw = self.lines[number - 1]
            base = max(raw.find(segment.text[:30]), 0) + skip if offset == 0 else 0
            found = raw.find(needle, base) if needle else -1
            if found >= 0:
                return number, found + 1
        return segment.line, self.column(segment.line, segment.text[:30])

    def first_line(self, needle: str) -> int | None:
        """The line on which ``needle`` first occurs as a whole word, else None."""
        m = re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", self.document.text)
        if m is None:
            return None
        return len(_BREAK.findall(self.document.text, 0, m.start())) + 1

    @cached_property
    def fenced(self) -> frozenset[int]:
        """Indexes of segments inside ``` code fences (and of the fence lines)."""
        inside: set[int] = set()
        open_fence = False
        for seg in self.document.segments:
            if seg.text.startswith("```"):
                open_fence = not open_fence
                inside.add(seg.index)
            elif open_fence:
                inside.add(seg.index)
        return frozenset(inside)

    # Where the record's parts came from --------------------------------------------------

    @cached_property
    def chapter_spots(self) -> list[ChapterSpot]:
        """Each chapter of the record with the segment it was read from, found as the
        chapters extractor finds them: the segments whose chapter reading is the chapter's
        (time, title), in order."""
        chapters = self.episode.chapters
        spots: list[ChapterSpot] = []
        i = 0
        for seg in self.document.segments:
            if i >= len(chapters):
                break
            text = seg.heading if seg.heading is not None else seg.text
            hit = match_chapter(text, heading=seg.heading is not None)
            if hit is None or (hit[0], hit[1]) != (chapters[i].time, chapters[i].title):
                continue
            line, column = self.locate(seg, chapters[i].time)
            spots.append(ChapterSpot(chapters[i], seg, line, column))
            i += 1
        for chapter in chapters[i:]:  # not found: where its time is first written
            line = self.first_line(chapter.time) or 1
            spots.append(ChapterSpot(chapter, None, line, self.column(line, chapter.time)))
        return spots

    @cached_property
    def link_spots(self) -> list[LinkSpot]:
        """Each link of the record with where its address (or handle) is written: the next
        place after the previous link's that holds it, in reading order."""
        segments = self.document.segments
        spots: list[LinkSpot] = []
        at, skip = 0, 0  # the previous link's segment and the offset after it
        for link in self.episode.links:
            needle = link.url or link.handle or ""
            if needle.startswith("mailto:"):
                needle = needle[len("mailto:") :]
            found: tuple[Segment, int] | None = None
            order = [*range(at, len(segments)), *range(at)] if needle else []
            for index in order:
                pos = segments[index].text.find(needle, skip if index == at else 0)
                if pos >= 0:
                    found = (segments[index], pos)
                    break
            if found is None:
                spots.append(LinkSpot(link, None, 1, 1))
                continue
            seg, pos = found
            at, skip = seg.index, pos + len(needle)
            line, column = self.locate(seg, needle, pos)
            spots.append(LinkSpot(link, seg, line, column))
        return spots
