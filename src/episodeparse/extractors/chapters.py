"""Chapters: a time at the start of a line (or heading) and the title after it.

Contract: returns the chapters in the order written, each with ``time`` as written (no
brackets, parentheses or ``@``), ``seconds`` and ``title``. Forms read::

    [01:12] Intro            (00:00) - Intro           0:00 Intro
    [@02:57] Official        **[01:50](#t=01:50)** X   00:00 - 09:24 Intro   (a range)
    1:02:03 | Title          ### Title (4:30~)          - 12:30 – Title

A time inside prose is not a chapter ("at 12:30 we talk", "4:20 PM", "16:9"): the time
must open its line, and a line with a bare time (no brackets) counts only where the notes
have at least two chapter lines or stand under a chapters heading.
"""

from __future__ import annotations

import functools
import re

from episodeparse import recache
from episodeparse.document import Segment
from episodeparse.extractors import Context
from episodeparse.model import Chapter
from episodeparse.normalize import collapse, render_inline, time_to_seconds

__all__ = ["extract", "match_chapter"]

# "(?:X|)" is "(?:X)?" (X tried first, then nothing), matched without the repeat's
# bookkeeping "?" takes for an X longer than one character: about a third of a match.
_TIME = r"\d{1,3}:\d{2}(?::\d{2}|)(?:\.\d{1,3}|)"  # milliseconds: mp4chaps lines
_CHAPTER_LINE = recache.compile(
    rf"""^[ \t]*(?:[-*•·>+][ \t]+|)           # a bullet
        (?:\*\*|__|)                          # bold around the time
        (?P<open>[\[(]?)@?[ \t]?
        (?P<time>{_TIME})
        (?P<close>[\])]?)
        (?:\(\#[^)\s]{{0,40}}\)|)             # a Markdown anchor: [01:50](#t=01:50)
        (?:\*\*|__|)
        (?:[ \t]*[-–—~][ \t]*[\[(]?(?P<end>{_TIME})[\])]?|)  # a range: 00:00 - 09:24
        [ \t]*(?:(?P<sep>[-–—:|.~][ \t]*)|)
        (?P<title>\S.*)$""",
    re.VERBOSE,
)
_TIME_AT_END = recache.compile(rf"^(?P<title>\S.*?)[ \t]*[\[(]@?(?P<time>{_TIME})[ \t]?~?[\])]$")
_TIME_CELL = recache.compile(rf"^{_TIME}$")
_BOLD_WRAP = recache.compile(r"^(\*\*|__)(?P<t>.+)\1$")
# What follows a clock time, not a chapter's time: "4:20 PM", "16:00 Uhr", "12:30 h".
_CLOCK_WORD = recache.compile(r"^(?:am|pm|AM|PM|a\.m\.|p\.m\.|Uhr|h)(?![\w-])")
_NOT_A_TITLE = recache.compile(r"^[/:]|^\d{1,2}[:/]\d")
# What a chapter line opens with: a blank or bullet, bold, a bracket, "@" or a digit
# (``_CHAPTER_LINE``), or "|" (a table row); and what a heading's time at its end closes
# with (``_TIME_AT_END``, whose "$" also matches before a final newline).
_CHAPTER_START = frozenset(" \t-*•·>+_[(@|")
_TIME_AT_END_CLOSE = (")", "]", ")\n", "]\n")


def _clean(title: str) -> str:
    title = title.strip()
    m = _BOLD_WRAP.match(title) if title.startswith(("**", "__")) else None
    if m:
        title = m.group("t")
    # render_inline changes no text without "[", "*", "__" or "&", and collapse none whose
    # only blank is a single space between words (isprintable() is False for every other
    # blank str.split() cuts at): such a title is kept as it is, both spared.
    if (
        "  " in title
        or "[" in title
        or "*" in title
        or "_" in title
        or "&" in title
        or title[:1] == " "
        or title[-1:] == " "
        or not title.isprintable()
    ):
        title = collapse(render_inline(title))  # trimmed by collapse
    return title.strip(" -–—|").strip() if title[:1] in "-–—|" else title


def _seconds(time: str) -> int | None:
    """``time_to_seconds(time)`` for a ``time`` that ``_TIME`` matched (read here from its
    parts, not matched again)."""
    head, _, _ms = time.partition(".")
    parts = head.split(":")
    if len(parts) == 2:
        minutes, seconds = parts
        total = int(seconds)
        return total + int(minutes) * 60 if total < 60 else None
    hours, minutes, seconds = parts
    total = int(seconds)
    if total >= 60:
        return None
    total += int(minutes) * 60
    if total >= 3600:  # minutes of 60 or more, with hours
        return None
    return int(hours) * 3600 + total


def match_chapter(text: str, *, heading: bool = False) -> tuple[str, str, bool] | None:
    """(time, title, bracketed) when ``text`` is a chapter line, else None.

    >>> match_chapter("[01:12] Introduction")
    ('01:12', 'Introduction', True)
    >>> match_chapter("(1:14:31) - Fame")
    ('1:14:31', 'Fame', True)
    >>> match_chapter("00:00 - 09:24 Intro")
    ('00:00', 'Intro', False)
    >>> match_chapter("00:01:12.500 Next")
    ('00:01:12.500', 'Next', False)
    >>> match_chapter("| 02 | 00:38 | Sponsor: Fly.io | 02:41 |")
    ('00:38', 'Sponsor: Fly.io', False)
    >>> match_chapter("4:20 PM CT following") is None, match_chapter("12:75 x") is None
    (True, True)
    """
    hit = _chapter(text, heading)
    return hit[:3] if hit is not None else None


def _chapter(text: str, heading: bool) -> tuple[str, str, bool, int] | None:
    """``match_chapter``'s answer and the chapter's seconds."""
    first = text[:1]
    if (
        first not in _CHAPTER_START
        and not first.isdigit()
        and not (heading and text.endswith(_TIME_AT_END_CLOSE))
    ):
        return None  # most lines: none of the patterns below can match
    # Several extractors ask about the same segment: short lines are remembered (a long
    # one is no chapter line worth keeping alive in a cache).
    return _remembered(text, heading) if len(text) <= 300 else _match_chapter(text, heading)


def _match_chapter(text: str, heading: bool) -> tuple[str, str, bool, int] | None:
    if text.startswith("|"):
        return _table_row(text)
    m = _CHAPTER_LINE.match(text)
    if m:
        opened, closed, time, raw = m.group("open", "close", "time", "title")
        if bool(opened) != bool(closed):
            return None
        bracketed = bool(opened)
        title = _clean(raw)
    elif heading:
        m = _TIME_AT_END.match(text)
        if not m:
            return None
        title, time, bracketed = _clean(m["title"]), m["time"], True
    else:
        return None
    if not title:
        return None
    first = title[0]
    # _NOT_A_TITLE and _CLOCK_WORD are tried only where their first character stands.
    if first in "/:" or (first.isdigit() and _NOT_A_TITLE.match(title)):
        return None
    seconds = _seconds(time)
    if seconds is None:
        return None
    if not bracketed and first in "apAPUh" and _CLOCK_WORD.match(title):
        return None
    return time, title, bracketed, seconds


_remembered = functools.lru_cache(maxsize=4096)(_match_chapter)


def _table_row(text: str) -> tuple[str, str, bool, int] | None:
    """A Markdown table row whose first time cell is followed by a title cell:
    "| 01 | 00:00 | Let's talk! | 00:38 |" (a chapter number before it, a length after)."""
    cells = [c.strip() for c in text.strip().strip("|").split("|")]
    for i, cell in enumerate(cells[:-1]):
        seconds = time_to_seconds(cell) if _TIME_CELL.match(cell) else None
        if seconds is not None:
            title = _clean(cells[i + 1])
            if title and not _TIME_CELL.match(title):
                return cell, title, False, seconds
            return None
    return None


def extract(ctx: Context) -> list[Chapter]:
    found: list[tuple[Segment, str, str, bool, int]] = []
    taken = ctx.taken  # ctx.is_taken(seg), without a call for each segment
    for seg in ctx.doc.segments:
        if seg.index in taken:
            continue
        heading = seg.heading
        if heading is not None:
            hit = _chapter(heading, True)
        else:
            # _chapter(text, False), its test of the first character made here: most
            # segments fail it.
            text = seg.text
            first = text[:1]
            if first not in _CHAPTER_START and not first.isdigit():
                continue
            hit = _remembered(text, False) if len(text) <= 300 else _match_chapter(text, False)
        if hit:
            found.append((seg, *hit))
    chapters: list[Chapter] = []
    bare_ok = len(found) >= 2
    for seg, time, title, bracketed, seconds in found:
        if not bracketed and not bare_ok and ctx.doc.section_of(seg).kind != "chapters":
            continue
        chapters.append(Chapter(time, seconds, title))
        ctx.take(seg)
    return chapters
