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
import itertools
import re

from episodeparse import cues, recache
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
        [ \t]*(?:(?P<sep>[-–—:：|.~][ \t]*)|)
        (?P<title>\S.*)$""",
    re.VERBOSE,
)
_TIME_AT_END = recache.compile(rf"^(?P<title>\S.*?)[ \t]*[\[(]@?(?P<time>{_TIME})[ \t]?~?[\])]$")
_TIME_CELL = recache.compile(rf"^{_TIME}$")
# What opens a list item before a title whose time comes last: a bullet or "1." / "1)".
_ITEM_MARK = recache.compile(r"^(?:[-*•·>+]|\d{1,3}[.)])[ \t]+")
_BOLD_WRAP = recache.compile(r"^(\*\*|__)(?P<t>.+)\1$")
# What follows a clock time, not a chapter's time: "4:20 PM", "16:00 Uhr", "12:30 h".
_CLOCK_WORD = recache.compile(r"^(?:am|pm|AM|PM|a\.m\.|p\.m\.|Uhr|h)(?![\w-])")
_NOT_A_TITLE = recache.compile(r"^[/:]|^\d{1,2}[:/]\d")
# What a chapter line opens with: a blank or bullet, bold, a bracket, "@" or a digit
# (``_CHAPTER_LINE``), or "|" (a table row); and what a heading's time at its end closes
# with (``_TIME_AT_END``, whose "$" also matches before a final newline).
_CHAPTER_START = frozenset(" \t-*•·>+_[(@|")
_TIME_AT_END_CLOSE = (")", "]", ")\n", "]\n")
_END_CLOSE = frozenset(")]")
_TRAILING_SEP = frozenset(",;|•·")


def _clean(title: str) -> str:
    title = title.strip()
    m = _BOLD_WRAP.match(title) if title.startswith(("**", "__")) else None
    # A blank at either end is left by the bold alone: strip() took the others.
    blank_end = False
    if m:
        title = m.group("t")
        blank_end = title[:1] == " " or title[-1:] == " "
    # render_inline changes no text without "[", "*", "__" or "&", and collapse none whose
    # only blank is a single space between words (isprintable() is False for every other
    # blank str.split() cuts at): such a title is kept as it is, both spared.
    if (
        "  " in title
        or "[" in title
        or "*" in title
        or "_" in title
        or "&" in title
        or blank_end
        or not title.isprintable()
    ):
        title = collapse(render_inline(title))  # trimmed by collapse
    if title[:1] in "-–—|":
        title = title.strip(" -–—|").strip()
    return title


# The value of each part of one or two ASCII digits ("7", "07", "59"), looked up rather than
# read by int(), which costs several times more; a part of three digits, or of other
# digits that ``\d`` matches ("٠٧"), is read by int().
_PARTS: dict[str, int] = {str(n): n for n in range(10)} | {f"{n:02d}": n for n in range(100)}


def _seconds(time: str) -> int | None:
    """``time_to_seconds(time)`` for a ``time`` that ``_TIME`` matched (read here from its
    parts, not matched again): "mm:ss" or "h:mm:ss", milliseconds cut.

    >>> _seconds("00:07:04"), _seconds("75:10"), _seconds("1:02:03.500"), _seconds("100:00")
    (424, 4510, 3723, 6000)
    >>> _seconds("12:60"), _seconds("1:60:00")
    (None, None)
    """
    head = time.partition(".")[0] if "." in time else time
    parts = _PARTS
    # Each part but the first is of two digits: "ss" is the last two characters, "mm"
    # (with hours) the two before the colon before them.
    digits = head[-2:]
    seconds = parts.get(digits)
    if seconds is None:
        seconds = int(digits)
    if seconds >= 60:
        return None
    rest = head[:-3]  # "mm", or "h:mm"
    if ":" not in rest:
        minutes = parts.get(rest)
        return seconds + (int(rest) if minutes is None else minutes) * 60
    digits = rest[-2:]
    minutes = parts.get(digits)
    if minutes is None:
        minutes = int(digits)
    if minutes >= 60:  # minutes of 60 or more, with hours
        return None
    digits = rest[:-3]
    hours = parts.get(digits)
    return (int(digits) if hours is None else hours) * 3600 + minutes * 60 + seconds


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
        if raw.isdigit() and (m["sep"] or "").startswith(":"):
            return None  # "1:22:35" read as "1:22" and a title "35"
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

# The commonest chapter lines, read by a pattern of their own: an ASCII time alone, in
# parentheses or in brackets, then a blank, an optional "- " and a title of printable
# ASCII that opens with a letter, ends with no blank and holds none of "[", "*", "_" and
# "&" ("(00:08:07) - Intro", "[12:30] News", "07:15 Intro"). Such a title, without two
# spaces in a row (told by ``_plain_chapter``), is one ``_clean`` keeps as it is, and no
# range, anchor or bold can stand before it: what ``_match_chapter`` reads from the line,
# without its other forms tried. Each pattern opens with the line's first character; a
# line none of them matches is read by ``_match_chapter``.
_PLAIN_TIME = r"(?P<time>([0-9]{1,3}):([0-9][0-9])(?::([0-9][0-9])|))"
_PLAIN_TITLE = r" (?:- |)(?P<title>[A-Za-z](?:[ !-%'-)+-Z\\\]^`-~]*[!-%'-)+-Z\\\]^`-~]|))\Z"
_PLAIN_ROUND = recache.compile(r"\(" + _PLAIN_TIME + r"\)" + _PLAIN_TITLE)
_PLAIN_SQUARE = recache.compile(r"\[" + _PLAIN_TIME + r"\]" + _PLAIN_TITLE)
_PLAIN_BARE = recache.compile(_PLAIN_TIME + _PLAIN_TITLE)
_PLAIN_BY_FIRST: dict[str, re.Pattern[str]] = {"(": _PLAIN_ROUND, "[": _PLAIN_SQUARE}
_PLAIN_BY_FIRST.update(dict.fromkeys("0123456789", _PLAIN_BARE))


def _plain_chapter(text: str) -> tuple[str, str, bool, int] | None:
    """``_match_chapter(text, False)`` for a ``text`` that is a plain chapter line (see
    ``_PLAIN_ROUND``), else None (the line is then read by ``_match_chapter``).

    >>> _plain_chapter("(00:08:07) - Intro"), _plain_chapter("75:10 Outro")
    (('00:08:07', 'Intro', True, 487), ('75:10', 'Outro', False, 4510))
    >>> _plain_chapter("4:20 PM CT"), _plain_chapter("12:75 x"), _plain_chapter("0:00 [x](y)")
    (None, None, None)
    >>> _plain_chapter("0:00 A  B"), _plain_chapter("0:00 A "), _plain_chapter("0:00 - -A")
    (None, None, None)
    """
    pattern = _PLAIN_BY_FIRST.get(text[:1])
    m = pattern.match(text) if pattern is not None else None
    if m is None:
        return None
    time, high, mid, low, title = m.groups()
    if "  " in title:
        return None
    parts = _PARTS
    if low is None:  # "mm:ss": minutes of any number
        seconds = parts[mid]
        if seconds >= 60:
            return None
        minutes = parts.get(high)
        seconds += (int(high) if minutes is None else minutes) * 60
    else:  # "h:mm:ss"
        seconds = parts[low]
        minutes = parts[mid]
        if seconds >= 60 or minutes >= 60:
            return None
        hours = parts.get(high)
        seconds += (int(high) if hours is None else hours) * 3600 + minutes * 60
    bracketed = text[0] in "(["
    if not bracketed and title[0] in "apAPUh" and _CLOCK_WORD.match(title):
        return None
    return time, title, bracketed, seconds


_WIDE = str.maketrans("０１２３４５６７８９：", "0123456789:")


def _narrow(text: str) -> str:
    """Full-width digits and colons made ASCII ("０：００" -> "0:00"), one character for
    one, so that a time written in them reads as any other."""
    return text.translate(_WIDE)


def match_at_end(text: str) -> tuple[str, str, bool, int] | None:
    """(time, title, bracketed, seconds) for a line whose time comes after its title.

    >>> match_at_end("- Intro (0:00)")
    ('0:00', 'Intro', True, 0)
    >>> match_at_end("Packaging news - 1:02:15")
    ('1:02:15', 'Packaging news', False, 3735)
    >>> match_at_end("3. Q&A [12:30-20:00]")
    ('12:30', 'Q&A', True, 750)
    >>> match_at_end("Ratio 16:9") is None, match_at_end("Doors open at 7:30") is None
    (True, True)
    """
    found = _time_last(text)
    if found is None:
        return None
    start, time, bracketed = found
    seconds = _seconds(time)
    if seconds is None:
        return None
    head = text[:start].strip()
    item = _ITEM_MARK.match(head) if head[:1] in "-*•·>+" or head[:1].isdigit() else None
    if item:
        head = head[item.end() :]
    title = _clean(head) if head else ""
    if not title or not any(c.isalpha() for c in title):
        return None
    words = title.rsplit(None, 1)
    if words[-1].rstrip(":,").casefold() in _before_clock():
        return None  # "Doors open at 7:30", "Dauer: 3:01:30": a clock time or a length
    return time, title, bracketed, seconds


_TIME_CHARS = frozenset("0123456789:.")
_END_MARKS = frozenset("-–—|@~")


def _time_last(text: str) -> tuple[int, str, bool] | None:
    """Where the title ends, the time and whether it is bracketed, for a line that ends
    with a time (read backwards, without a pattern that a search would try at every
    blank): "Intro (0:00)", "Intro - 0:00", "Intro: 0:00", "Q&A [12:30-20:00]"."""
    end = len(text.rstrip())
    close = text[end - 1 : end]
    bracketed = close in (")", "]")
    if bracketed:
        end -= 1
        if text[end - 1 : end] == "~":
            end -= 1
    start = end
    while start > 0 and text[start - 1] in _TIME_CHARS:
        start -= 1
    time = text[start:end]
    if not _TIME_CELL.match(time):
        return None
    # A range: the time before "-" is the start ("12:30-20:00", "0:00 – 4:10").
    before = text[:start].rstrip(" \t")
    if before[-1:] in ("-", "–", "—", "~"):
        first_end = len(before[:-1].rstrip(" \t"))
        first = first_end
        while first > 0 and text[first - 1] in _TIME_CHARS:
            first -= 1
        if first < first_end and _TIME_CELL.match(text[first:first_end]):
            start, time = first, text[first:first_end]
    if text[start - 1 : start] == "@":
        start -= 1
    if bracketed:
        opener = "(" if close == ")" else "["
        if text[start - 1 : start] != opener:
            return None
        start -= 1
    # The separator: a mark after a blank ("Intro - 0:00"), a colon ("Intro: 0:00"), or
    # blanks alone ("Intro 0:00"); "Ratio16:9" has none.
    rest = text[:start]
    trimmed = rest.rstrip(" \t")
    mark = trimmed[-1:]
    if mark in (":", "：") or (mark in _END_MARKS and trimmed[-2:-1] in (" ", "\t")):
        trimmed = trimmed[:-1].rstrip(" \t")
    elif len(trimmed) == len(rest):
        return None
    return len(trimmed), time, bracketed


@functools.cache
def _before_clock() -> frozenset[str]:
    """Words that stand before a clock time or a length, not a chapter title."""
    return frozenset(w.casefold() for w in cues.words("chapter_times", "before_clock"))


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


def _run_together(title: str) -> str:
    """A title cut from a list run together on one line, without the separator that stood
    before the next time: "Intro," of "0:00 Intro, 2:15 News"."""
    if title[-1:] in _TRAILING_SEP or title[-2:] in (" -", " –", " —"):
        return title.rstrip(" ,;|•·-–—") or title
    return title


def _ascending(seconds: list[int]) -> bool:
    """Mostly ascending: at most one step back (a slip that validate reports), and no time
    written twice in a row."""
    back = sum(1 for a, b in itertools.pairwise(seconds) if b <= a)
    return back <= max(1, len(seconds) // 5) and back < len(seconds) - 1


# A list of times after titles opens near the start of the episode; one that opens later is
# a list of clock times ("9 October: Book signing (16:30)").
_FIRST_AT_MOST = 600


def _under_chapters(ctx: Context, seg: Segment) -> bool:
    return ctx.doc.section_of(seg).kind == "chapters"


def extract(ctx: Context) -> list[Chapter]:
    # Each chapter line and its (time, title, bracketed, seconds), kept as _chapter and
    # match_at_end give it (a pair: a tuple of the segment and the four is dearer to build).
    found: list[tuple[Segment, tuple[str, str, bool, int]]] = []
    # Lines whose time comes after the title ("Intro (0:00)"): chapters only as a list.
    at_end: list[tuple[Segment, tuple[str, str, bool, int]]] = []
    taken = ctx.taken  # ctx.is_taken(seg), without a call for each segment
    for seg in ctx.doc.segments:
        if seg.index in taken:
            continue
        heading = seg.heading
        text = heading if heading is not None else seg.text
        if not text.isascii() and ("：" in text or "０" <= text[:1] <= "９"):
            text = _narrow(text)
        if heading is not None:
            hit = _chapter(text, True)
            if hit and not hit[2] and ctx.doc.section_of(seg).heading is seg:
                # "### 0:00 Title": a heading that opens with a time is a chapter of its own.
                hit = (hit[0], hit[1], True, hit[3])
        else:
            # _chapter(text, False), its test of the first character made here: most
            # segments fail it.
            first = text[:1]
            if first not in _CHAPTER_START and not first.isdigit():
                hit = None
            elif (hit := _plain_chapter(text)) is not None:
                pass  # most chapter lines
            else:
                hit = _remembered(text, False) if len(text) <= 300 else _match_chapter(text, False)
        if hit:
            found.append((seg, hit))
        elif (last := text[-1:]) in _END_CLOSE or last.isdigit():
            end = match_at_end(text)
            if end:
                at_end.append((seg, end))
    bare_ok = len(found) >= 2
    if (
        len(at_end) >= 2
        and _ascending([hit[1][3] for hit in at_end])
        and (at_end[0][1][3] <= _FIRST_AT_MOST or _under_chapters(ctx, at_end[0][0]))
    ):
        found.extend(at_end)
        found.sort(key=lambda hit: hit[0].index)
        bare_ok = True
    elif at_end:
        # Else under a chapters heading only.
        found.extend(h for h in at_end if _under_chapters(ctx, h[0]))
        found.sort(key=lambda hit: hit[0].index)
    chapters: list[Chapter] = []
    segments = ctx.doc.segments
    count = len(segments)
    for seg, (time, title, bracketed, seconds) in found:
        if not bracketed and not bare_ok and ctx.doc.section_of(seg).kind != "chapters":
            continue
        after = seg.index + 1
        if after < count and segments[after].line == seg.line:
            title = _run_together(title)
        chapters.append(Chapter(time, seconds, title))
        taken.add(seg.index)  # ctx.take(seg), without a call for each chapter
    return chapters
