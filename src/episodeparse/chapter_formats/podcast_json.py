"""Podcasting 2.0 JSON chapters (podcast namespace, chapters/jsonChapters.md, version 1.2).

Served as ``application/json+chapters``. Written::

    {
      "version": "1.2.0",
      "title": "<episode title, when known>",
      "podcastName": "<show, when known>",
      "chapters": [
        {"startTime": 72, "title": "Intro", "url": "<when known>", "endTime": <when known>}
      ]
    }

``startTime`` and ``endTime`` are numbers of seconds: an integer on a whole second, else a
decimal with up to three places. ``endTime`` is written where a chapter's end is known: the
source gave it, or it is the last chapter and the episode's duration is known. Ends that
follow from the next chapter's start are left to players, as in the specification's
examples.

Read: a JSON object with a ``version`` string and a ``chapters`` list. ``title``,
``podcastName`` and ``description`` describe the episode; each chapter's ``startTime``
(a number, or a string such as ``"01:12"``), ``title``, ``url`` and ``endTime`` are used.
What is left (``author``, ``img``, ``location``, unknown keys, a chapter without a usable
``startTime``, a silent ``toc: false`` chapter) is returned as ``Unread`` with its line;
``version`` and a chapter's ``id`` are labels, not content.
"""

from __future__ import annotations

import bisect
import json
import math
from typing import Any, Final

from episodeparse.chapter_formats.timeline import (
    ChapterFile,
    ChapterFormatError,
    ChapterList,
    Mark,
    Unread,
    check_order,
    parse_npt,
    seconds_to_ms,
)

__all__ = ["VERSION", "read", "write"]

VERSION: Final = "1.2.0"
_EPISODE_KEYS: Final = frozenset(("title", "podcastName", "description"))
_LABELS: Final = frozenset(("version",))
_CHAPTER_LABELS: Final = frozenset(("id",))


def _seconds(ms: int) -> int | float:
    """72000 -> 72, 72500 -> 72.5 (a float prints the fewest digits that read back)."""
    return ms // 1000 if ms % 1000 == 0 else ms / 1000


def write(chapters: ChapterList) -> str:
    """The chapters as a Podcasting 2.0 JSON chapters document."""
    marks = chapters.marks
    check_order(marks)
    data: dict[str, Any] = {"version": VERSION}
    if chapters.title:
        data["title"] = chapters.title
    if chapters.podcast:
        data["podcastName"] = chapters.podcast
    items: list[dict[str, Any]] = []
    for i, mark in enumerate(marks):
        item: dict[str, Any] = {"startTime": _seconds(mark.start_ms)}
        end = mark.end_ms
        if end is None and i == len(marks) - 1:
            end = chapters.duration_ms
        if end is not None and end > mark.start_ms:
            item["endTime"] = _seconds(end)
        item["title"] = mark.title
        if mark.url:
            item["url"] = mark.url
        items.append(item)
    data["chapters"] = items
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# Reading --------------------------------------------------------------------------------

_DECODER: Final = json.JSONDecoder()
_SPACE: Final = " \t\n\r"


class _Text:
    """The document with its line starts, to tell the line of an offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        pos = text.find("\n")
        while pos != -1:
            self.starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def skip(self, pos: int) -> int:
        text = self.text
        while pos < len(text) and text[pos] in _SPACE:
            pos += 1
        return pos

    def members(self, pos: int) -> list[tuple[str, Any, int, int]]:
        """(key, value, offset of the value, line of the key) of the object that opens at
        ``pos``, in written order. The text is known to be JSON: ``json.loads`` read it."""
        text = self.text
        out: list[tuple[str, Any, int, int]] = []
        pos = self.skip(pos + 1)  # past "{"
        while text[pos] != "}":
            line = self.line(pos)
            key, pos = _DECODER.raw_decode(text, pos)
            at = self.skip(self.skip(pos) + 1)  # past ":"
            value, pos = _DECODER.raw_decode(text, at)
            out.append((key, value, at, line))
            pos = self.skip(pos)
            if text[pos] == ",":
                pos = self.skip(pos + 1)
        return out

    def elements(self, pos: int) -> list[tuple[Any, int, int]]:
        """(value, offset, line) of the array that opens at ``pos``."""
        text = self.text
        out: list[tuple[Any, int, int]] = []
        pos = self.skip(pos + 1)  # past "["
        while text[pos] != "]":
            at = pos
            value, pos = _DECODER.raw_decode(text, pos)
            out.append((value, at, self.line(at)))
            pos = self.skip(pos)
            if text[pos] == ",":
                pos = self.skip(pos + 1)
        return out


def _member_text(key: str, value: Any) -> str:
    return f"{json.dumps(key, ensure_ascii=False)}: {json.dumps(value, ensure_ascii=False)}"


def _time(value: Any) -> int | None:
    """A ``startTime`` / ``endTime``: seconds as a number, or a time written as a string."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if not math.isfinite(value) or value < 0:
            return None
        return seconds_to_ms(value)
    if isinstance(value, str):
        return parse_npt(value)
    return None


def is_chapters_document(data: Any) -> bool:
    """A parsed JSON value that is a chapters document: ``version`` and a ``chapters`` list."""
    return (
        isinstance(data, dict)
        and isinstance(data.get("version"), str)
        and isinstance(data.get("chapters"), list)
    )


def read(text: str) -> ChapterFile | None:
    """The chapters of a Podcasting 2.0 JSON chapters document; None when ``text`` is not
    JSON at all. Raises ``ChapterFormatError`` for JSON that is not a chapters document.

    >>> found = read('{"version": "1.2.0", "chapters": [{"startTime": 1.5, "title": "A"}]}')
    >>> found.chapters.marks
    (Mark(start_ms=1500, title='A', url=None, end_ms=None),)
    """
    stripped = text.lstrip(_SPACE)
    if not stripped.startswith(("{", "[")):
        return None
    try:
        data = json.loads(stripped)
    except ValueError:
        return None  # braces, but not JSON: notes that happen to open with "{"
    except RecursionError:
        # Nested deeper than the decoder goes ("[" two thousand times): no chapters file
        # nests past three levels, so it is read as notes that open with brackets.
        return None
    if not is_chapters_document(data):
        raise ChapterFormatError(
            'a JSON document that is not a Podcasting 2.0 chapters file (one needs "version" '
            'and a "chapters" list)'
        )
    doc = _Text(text)
    unread: list[Unread] = []
    found: dict[str, str] = {}
    marks: list[Mark] = []
    for key, value, at, line in doc.members(doc.skip(0)):
        if key == "chapters" and "chapters" not in found:
            found["chapters"] = ""
            marks = _chapters(doc, at, unread)
        elif key in _EPISODE_KEYS and key not in found and isinstance(value, str):
            found[key] = value.strip()
        elif key in _LABELS and key not in found:
            found[key] = str(value)
        else:
            unread.append(Unread(line, _member_text(key, value)))
    chapters = ChapterList(
        marks=tuple(marks),
        title=found.get("title") or None,
        podcast=found.get("podcastName") or None,
        description=found.get("description") or None,
    )
    unread.sort(key=lambda u: u.line)
    return ChapterFile("podcast-json", chapters, tuple(unread))


def _chapters(doc: _Text, at: int, unread: list[Unread]) -> list[Mark]:
    marks: list[Mark] = []
    for value, offset, line in doc.elements(at):
        members = doc.members(offset) if isinstance(value, dict) else []
        first: dict[str, Any] = {}
        for key, member, _, _ in members:
            first.setdefault(key, member)
        start = _time(first.get("startTime"))
        if start is None or first.get("toc") is False:
            # Not a chapter object, no usable start, or a silent chapter players must not list.
            unread.append(Unread(line, json.dumps(value, ensure_ascii=False)))
            continue
        fields: dict[str, Any] = {}
        for key, member, _, member_line in members:
            if key in _CHAPTER_LABELS:
                continue
            # A repeated key: the first one counts, the others are unread.
            kept = None if key in fields else _chapter_value(key, member, start)
            if kept is None:
                unread.append(Unread(member_line, _member_text(key, member)))
            else:
                fields[key] = kept
        marks.append(
            Mark(
                start_ms=start,
                title=fields.get("title", ""),
                url=fields.get("url") or None,
                end_ms=fields.get("endTime"),
            )
        )
    return marks


def _chapter_value(key: str, value: Any, start: int) -> Any:
    """What a chapter keeps of one of its members; None when it keeps nothing."""
    if key == "startTime" or (key == "toc" and value is True):
        return value
    if key in ("title", "url") and isinstance(value, str):
        return value
    if key == "endTime":
        end = _time(value)
        return end if end is not None and end > start else None
    return None
