r"""FFmpeg metadata (``;FFMETADATA1``), the file ``ffmpeg -i meta.txt -map_chapters 1`` reads.

Written::

    ;FFMETADATA1
    title=<episode title, when known>
    [CHAPTER]
    TIMEBASE=1/1000
    START=72000
    END=203000
    title=Intro

``END`` of a chapter is the next chapter's ``START``; the last one needs its own end or the
episode's duration (``DurationNeeded`` otherwise). In keys and values ``=``, ``;``, ``#``,
``\`` and line breaks are escaped with a backslash, as ffmpeg's own muxer does (a carriage
return too: ffmpeg's reader ends a line at either); NUL, which ends a value inside ffmpeg,
is dropped.

Read as ffmpeg's demuxer does: a backslash takes the next character literally (a line
break included), an unescaped CR or LF ends a line, empty lines and lines that open with
``;`` or ``#`` are comments, ``[CHAPTER]`` and ``[STREAM]`` open sections, a tag is
``key=value`` split at the first unescaped ``=``, keys compare case-insensitively. A
chapter without ``TIMEBASE`` counts in nanoseconds (ffmpeg's default). The global
``title`` is the episode's title; other tags (``artist``, ``encoder``, a stream's tags, ...)
and lines that are not tags are returned as ``Unread``.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Final

from episodeparse import recache
from episodeparse.chapter_formats.timeline import (
    ChapterFile,
    ChapterList,
    Mark,
    Unread,
    ends,
)

__all__ = ["HEADER", "escape", "read", "write"]

HEADER: Final = ";FFMETADATA1"
_SPECIAL: Final = recache.compile(r"[=;#\\\n\r]")


def escape(text: str) -> str:
    r"""A key or value with ffmpeg's specials escaped, NUL dropped, and a space after a
    final backslash.

    >>> print(escape("a=b;c#d\\e\nf"))
    a\=b\;c\#d\\e\
    f
    >>> escape("C:\\")
    'C:\\\\ '
    """
    text = text.replace("\x00", "")
    if text.endswith("\\"):
        text += " "
    return _SPECIAL.sub(lambda m: "\\" + m.group(), text)


def write(chapters: ChapterList) -> str:
    """The chapters as an FFMETADATA file (chapter times in milliseconds)."""
    stops = ends(chapters, "ffmetadata")
    lines = [HEADER]
    if chapters.title:
        lines.append(f"title={escape(chapters.title)}")
    for mark, end in zip(chapters.marks, stops, strict=True):
        lines += [
            "[CHAPTER]",
            "TIMEBASE=1/1000",
            f"START={mark.start_ms}",
            f"END={end}",
            f"title={escape(mark.title)}",
        ]
    return "\n".join(lines) + "\n"


# Reading --------------------------------------------------------------------------------


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(1-based line, raw line) with escapes kept; an escaped line break continues it."""
    line = 1
    start = 0
    start_line = 1
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == "\\":
            if i + 1 < n and text[i + 1] in "\r\n":
                line += 1
                if text[i + 1] == "\r" and text[i + 2 : i + 3] == "\n":
                    # ffmpeg keeps the CR escaped and ends the line at the LF; so do we.
                    yield start_line, text[start : i + 2]
                    i += 3
                    start, start_line = i, line
                    continue
            i += 2
            continue
        if c in "\r\n":
            yield start_line, text[start:i]
            i += 2 if c == "\r" and text[i + 1 : i + 2] == "\n" else 1
            line += 1
            start, start_line = i, line
            continue
        i += 1
    if start < n:
        yield start_line, text[start:]


def _unescape(raw: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(raw):
        if raw[i] == "\\" and i + 1 < len(raw):
            i += 1
        out.append(raw[i])
        i += 1
    return "".join(out)


def _split_tag(raw: str) -> tuple[str, str] | None:
    """``key=value`` split at the first unescaped ``=``, both unescaped."""
    i = 0
    while i < len(raw):
        if raw[i] == "\\":
            i += 2
            continue
        if raw[i] == "=":
            return _unescape(raw[:i]), _unescape(raw[i + 1 :])
        i += 1
    return None


_INTEGER: Final = recache.compile(r"[ \t]*[+-]?\d{1,30}")
_TIMEBASE: Final = recache.compile(r"[ \t]*(\d{1,18})[ \t]*/[ \t]*(\d{1,18})")


class _Chapter:
    def __init__(self, line: int) -> None:
        self.line = line
        self.timebase = Fraction(1, 10**9)
        self.start: int | None = None
        self.end: int | None = None
        self.title: str | None = None
        self.tags: list[Unread] = []

    def ms(self, value: int) -> int:
        return round(value * self.timebase * 1000)


def read(text: str) -> ChapterFile | None:
    r"""The chapters of an FFMETADATA file; None when ``text`` does not open with
    ``;FFMETADATA``.

    >>> found = read(";FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=1500\ntitle=a\\=b")
    >>> found.chapters.marks
    (Mark(start_ms=0, title='a=b', url=None, end_ms=1500),)
    """
    if not text.startswith(";FFMETADATA"):
        return None
    unread: list[Unread] = []
    title: str | None = None
    chapters: list[_Chapter] = []
    section = "global"
    for number, raw in _lines(text):
        if not raw or raw[0] in ";#":
            continue  # a comment, an empty line, or the header
        if raw.startswith("[CHAPTER]"):
            section = "chapter"
            chapters.append(_Chapter(number))
            continue
        if raw.startswith("[STREAM]"):
            section = "stream"
            continue
        tag = _split_tag(raw)
        if tag is None:
            unread.append(Unread(number, _unescape(raw)))
            continue
        key, value = tag
        name = key.casefold()
        if section == "global" and name == "title" and title is None:
            title = value.strip() or None
        elif section == "chapter" and _chapter_tag(chapters[-1], name, value):
            pass
        else:
            unread.append(Unread(number, f"{key}={value}"))
    marks: list[Mark] = []
    for chapter in chapters:
        unread += chapter.tags
        if chapter.start is None or chapter.start < 0:
            unread.append(
                Unread(chapter.line, f"[CHAPTER] without a START: title={chapter.title or ''}")
            )
            continue
        start = chapter.ms(chapter.start)
        end = chapter.ms(chapter.end) if chapter.end is not None else None
        marks.append(
            Mark(
                start,
                chapter.title if chapter.title is not None else "",
                end_ms=end if end is not None and end > start else None,
            )
        )
    unread.sort(key=lambda u: u.line)
    return ChapterFile("ffmetadata", ChapterList(tuple(marks), title=title), tuple(unread))


def _chapter_tag(chapter: _Chapter, name: str, value: str) -> bool:
    """Take a tag of a chapter section; False when it is not one the chapter uses."""
    if name == "timebase" and (m := _TIMEBASE.match(value)) and int(m[2]) > 0:
        chapter.timebase = Fraction(int(m[1]), int(m[2]))
    elif name in ("start", "end") and (m := _INTEGER.match(value)):
        setattr(chapter, name, int(m.group()))
    elif name == "title" and chapter.title is None:
        chapter.title = value
    else:
        return False
    return True
