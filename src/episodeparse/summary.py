"""``summary``: many episodes at a glance, one row per record.

Contract
--------
``summarise(paths)`` reads inputs as ``validate`` does (files, directories, standard input,
feeds; ``validate.iter_reports``) and gives one ``Row`` per record, or per input that
could not be read (its ``unreadable`` message set, its counts None). ``summarise_input``
does the same for one entry of ``list_inputs(paths)``, so that a caller can show progress.
Output schema of a row (``Row.to_dict``, and the CSV columns in this order):

===============  =================  ========================================================
field            type               meaning
===============  =================  ========================================================
episode          int or None        the record's ``episode``
date             str or None        the record's ``date`` (``YYYY-MM-DD``)
title            str or None        the record's ``title``
guests           [str]              the ``name`` of every person whose role is ``guest``
chapters         int or None        how many chapters
length_seconds   int or None        the feed item's ``itunes:duration`` where it has one,
                                    else the start of the latest chapter (a lower bound),
                                    else None (also for a single chapter at 0:00)
length_source    str or None        ``duration`` or ``last-chapter``: where the length
                                    comes from
links            int or None        how many links
errors           int or None        ``validate`` findings of level error (default options)
warnings         int or None        ``validate`` findings of level warning
path             str or None        the input's path, None for standard input
item             int or None        the item's index in a feed (``source.item``)
id               str or None        the feed item's stable ``feed.id`` (its guid, ...), so
                                    that rows join with a ``convert --format sqlite``
                                    catalogue's ``episodes.key``; None for notes
unreadable       str or None        why the input gave no record, else None
===============  =================  ========================================================

A feed item's length is its record's ``feed.duration`` (its ``itunes:duration``).

``sort_rows`` orders rows by episode number, then date, then path (``by`` another column
first, where given); rows without a value in the sorted column come last, whichever the
direction. ``totals`` counts episodes, distinct guests, chapters, links, findings,
episodes with errors and unreadable inputs.

Renderers: ``to_csv`` (rows only, no totals, one guest list as ``A; B``), ``to_json``
(``{"rows": [...], "totals": {...}}``) and ``to_markdown`` (the table's cells, every
Markdown special character escaped, a bold totals row, then ``totals_line``). ``cells``,
``total_cells`` and ``totals_line`` are the text of the terminal table too, which
``cli.py`` draws with rich (this module never imports it); ``column_widths`` fits that
table to a width.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from episodeparse import recache
from episodeparse.checks import Options
from episodeparse.inputs import DEFAULT_MAX_BYTES, STDIN, InputFailure, expand
from episodeparse.validation import Report, iter_reports

__all__ = [
    "COLUMNS",
    "HEADERS",
    "Row",
    "Totals",
    "cells",
    "column_widths",
    "fit_widths",
    "format_length",
    "list_inputs",
    "path_base",
    "path_note",
    "sort_rows",
    "summarise",
    "summarise_input",
    "to_csv",
    "to_json",
    "to_markdown",
    "total_cells",
    "totals",
    "totals_line",
]

LengthSource = Literal["duration", "last-chapter"]

COLUMNS: tuple[str, ...] = (
    "episode",
    "date",
    "title",
    "guests",
    "chapters",
    "length",
    "links",
    "errors",
    "warnings",
    "path",
)
"""The table's columns, in order; also the names ``sort_rows`` takes."""

HEADERS: dict[str, str] = {
    "episode": "#",
    "date": "Date",
    "title": "Title",
    "guests": "Guests",
    "chapters": "Ch",
    "length": "Length",
    "links": "Links",
    "errors": "Err",
    "warnings": "Warn",
    "path": "Path",
}

NUMERIC: frozenset[str] = frozenset(
    ("episode", "chapters", "length", "links", "errors", "warnings")
)
"""Columns whose cells are right-aligned."""

# How the table's text columns share a narrow width: the rest keep their natural width.
# The title has the room first; guests and path share what is left, down to their minimum.
_WEIGHTS = {"guests": 1, "path": 1}
_MINIMUMS = {"title": 12, "guests": 8, "path": 12}

PLAUSIBLE_SECONDS = 24 * 3600
"""The longest length the table shows: beyond a day, a chapter time or a duration is a
typo (``99:00:00``), not an episode's length (the CSV and JSON keep the value as read)."""


@dataclass(frozen=True, slots=True)
class Row:
    """One episode of the summary, or one input that could not be read."""

    episode: int | None
    date: str | None
    title: str | None
    guests: tuple[str, ...]
    chapters: int | None
    length_seconds: int | None
    length_source: LengthSource | None
    links: int | None
    errors: int | None
    warnings: int | None
    path: str | None
    item: int | None
    unreadable: str | None = None
    id: str | None = None

    @property
    def shown(self) -> str:
        """The input as ``validate`` names it: ``path``, ``-``, or ``feed.xml#3``."""
        path = "-" if self.path is None else self.path
        return path if self.item is None else f"{path}#{self.item}"

    def to_dict(self) -> dict[str, object]:
        """The fields in ``CSV_FIELDS`` order (``id`` after ``item``)."""
        data = asdict(self)
        data["guests"] = list(self.guests)
        return {name: data[name] for name in CSV_FIELDS}


@dataclass(frozen=True, slots=True)
class Totals:
    """What the rows add up to; ``guests`` counts distinct names (case and spacing aside)."""

    episodes: int
    guests: int
    chapters: int
    links: int
    errors: int
    warnings: int
    with_errors: int
    unreadable: int


# Reading --------------------------------------------------------------------------------


def list_inputs(paths: list[str]) -> list[str | InputFailure]:
    """The inputs ``paths`` name (a directory as its notes files, sorted), or the failure of
    a path that names none; ``summarise_input`` takes each."""
    return list(expand(paths))


def _row(report: Report) -> Row:
    record = report.record
    length: int | None = None
    source: LengthSource | None = None
    duration = None if record.feed is None else record.feed.duration
    if duration:
        length, source = duration, "duration"
    elif record.chapters and max(c.seconds for c in record.chapters) > 0:
        length, source = max(c.seconds for c in record.chapters), "last-chapter"
    severities = [d.severity for d in report.diagnostics]
    return Row(
        episode=record.episode,
        date=record.date,
        title=record.title,
        guests=tuple(p.name for p in record.people if p.role == "guest"),
        chapters=len(record.chapters),
        length_seconds=length,
        length_source=source,
        links=len(record.links),
        errors=severities.count("error"),
        warnings=severities.count("warning"),
        path=record.source.path,
        item=record.source.item,
        id=None if record.feed is None else record.feed.id,
    )


def _failure_row(failure: InputFailure) -> Row:
    path = None if failure.path == STDIN else failure.path
    return Row(
        None, None, None, (), None, None, None, None, None, None, path, None, failure.message
    )


def summarise_input(
    entry: str | InputFailure,
    *,
    options: Options | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: str | None = None,
    stdin: BinaryIO | None = None,
) -> list[Row]:
    """The rows of one input of ``list_inputs``: one per record, one for a failure."""
    if isinstance(entry, InputFailure):
        return [_failure_row(entry)]
    results = list(
        iter_reports(
            [entry], options or Options(), max_bytes=max_bytes, encoding=encoding, stdin=stdin
        )
    )
    return [_failure_row(r) if isinstance(r, InputFailure) else _row(r) for r in results]


def summarise(
    paths: list[str],
    *,
    options: Options | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: str | None = None,
    stdin: BinaryIO | None = None,
) -> list[Row]:
    """Every row of ``paths``, in input order (``sort_rows`` orders them)."""
    return [
        row
        for entry in list_inputs(paths)
        for row in summarise_input(
            entry, options=options, max_bytes=max_bytes, encoding=encoding, stdin=stdin
        )
    ]


# Order and totals -----------------------------------------------------------------------

_Key = tuple[int | str, ...]


def _default_key(row: Row) -> _Key:
    return (
        row.episode is None,
        row.episode or 0,
        row.date is None,
        row.date or "",
        "-" if row.path is None else row.path,
        -1 if row.item is None else row.item,
    )


def _number(value: int | None) -> _Key | None:
    return None if value is None else (value,)


def _text(value: str | None) -> _Key | None:
    return (value.casefold(),) if value else None


_VALUES: dict[str, Callable[[Row], _Key | None]] = {
    "episode": lambda r: _number(r.episode),
    "date": lambda r: _text(r.date),
    "title": lambda r: _text(r.title),
    "guests": lambda r: _text(", ".join(r.guests)),
    "chapters": lambda r: _number(r.chapters),
    "length": lambda r: _number(r.length_seconds),
    "links": lambda r: _number(r.links),
    "errors": lambda r: _number(r.errors),
    "warnings": lambda r: _number(r.warnings),
    "path": lambda r: _default_key(r)[4:],
}


def sort_rows(rows: Iterable[Row], by: str = "episode", *, reverse: bool = False) -> list[Row]:
    """``rows`` by ``by`` (one of ``COLUMNS``), then episode number, date and path; rows
    without a value in ``by`` last, in either direction.

    >>> a = Row(2, None, "B", (), 0, None, None, 0, 0, 0, "b.txt", None)
    >>> b = Row(None, "2024-01-02", "a", (), 3, 60, "last-chapter", 1, 0, 1, "a.txt", None)
    >>> c = Row(1, None, None, (), 1, None, None, 0, 1, 0, "c.txt", None)
    >>> [r.path for r in sort_rows([a, b, c])]
    ['c.txt', 'b.txt', 'a.txt']
    >>> [r.path for r in sort_rows([a, b, c], "title", reverse=True)]
    ['b.txt', 'a.txt', 'c.txt']
    """
    if by not in _VALUES:
        raise ValueError(f"no column {by!r}: choose one of {', '.join(COLUMNS)}")
    value = _VALUES[by]
    present: list[Row] = []
    missing: list[Row] = []
    for row in rows:
        (missing if value(row) is None else present).append(row)
    present.sort(key=lambda r: (value(r) or (), _default_key(r)), reverse=reverse)
    missing.sort(key=_default_key, reverse=reverse)
    return present + missing


def _person_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def totals(rows: Sequence[Row]) -> Totals:
    """What ``rows`` add up to.

    >>> a = Row(1, None, None, ("Ada Lovelace",), 2, None, None, 3, 1, 0, "a.txt", None)
    >>> b = Row(2, None, None, ("ada  lovelace", "Mary"), 1, None, None, 1, 0, 2, "b.txt", None)
    >>> c = _failure_row(InputFailure("c.txt", "no such file"))
    >>> totals([a, b, c])  # doctest: +NORMALIZE_WHITESPACE
    Totals(episodes=2, guests=2, chapters=3, links=4, errors=1, warnings=2, with_errors=1,
           unreadable=1)
    """
    read = [r for r in rows if r.unreadable is None]
    return Totals(
        episodes=len(read),
        guests=len({_person_key(g) for r in read for g in r.guests}),
        chapters=sum(r.chapters or 0 for r in read),
        links=sum(r.links or 0 for r in read),
        errors=sum(r.errors or 0 for r in read),
        warnings=sum(r.warnings or 0 for r in read),
        with_errors=sum(1 for r in read if r.errors),
        unreadable=len(rows) - len(read),
    )


# Cells ----------------------------------------------------------------------------------

# Control characters (a terminal would obey them) and the bidirectional overrides (they
# reorder what follows them on the line) never reach a cell.
_UNPRINTABLE = recache.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _clean(text: str) -> str:
    r"""One line of printable text.

    >>> _clean("  Two\nlines \x1b[31mred ")
    'Two lines \ufffd[31mred'
    """
    return _UNPRINTABLE.sub("\ufffd", " ".join(text.split()))


def format_length(seconds: int | None, source: LengthSource | None = "duration") -> str:
    """``M:SS`` or ``H:MM:SS``; ``≥`` before a length known only from the chapters.

    >>> format_length(3723), format_length(615, "last-chapter"), format_length(None)
    ('1:02:03', '≥10:15', '')
    """
    if seconds is None:
        return ""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
    return f"≥{text}" if source == "last-chapter" else text


def plausible_length(seconds: int | None) -> bool:
    """Whether a length is worth showing: more than nothing, at most a day.

    >>> plausible_length(3723), plausible_length(99 * 3600), plausible_length(0)
    (True, False, False)
    """
    return seconds is not None and 0 < seconds <= PLAUSIBLE_SECONDS


def _count(value: int | None) -> str:
    return "" if value is None else str(value)


def path_base(rows: Sequence[Row]) -> str:
    """What every row's path starts with, in whole components: the feed file when every
    row comes from that one file, else their common folder; "" when they share nothing
    (or one is standard input). The table shows paths after it (``cells``).

    >>> a = Row(1, None, None, (), 0, None, None, 0, 0, 0, "shows/a/1.txt", None)
    >>> b = Row(1, None, None, (), 0, None, None, 0, 0, 0, "shows/b.xml", 3)
    >>> path_base([a, b]) == "shows" + os.sep, path_base([b]), path_base([a]) == "shows/a/"
    (True, 'shows/b.xml', True)
    """
    paths = {row.path for row in rows}
    if not paths or None in paths:
        return ""
    names = sorted(p for p in paths if p is not None)
    if len(names) == 1 and all(row.item is not None for row in rows):
        return names[0]
    try:
        common = os.path.commonpath([Path(p).parent for p in names])
    except ValueError:  # absolute and relative paths, or paths on two drives
        return ""
    return "" if common in ("", ".") else common.rstrip(os.sep) + os.sep


def path_note(base: str) -> str:
    """What ``base`` (from ``path_base``) means under the table: "" for none.

    >>> path_note("feed.xml"), path_note("notes" + os.sep) == f"Paths under notes{os.sep}."
    ('#N is item N of feed.xml.', True)
    """
    if not base:
        return ""
    if base.endswith(os.sep):
        return f"Paths under {_clean(base)}."
    return f"#N is item N of {_clean(base)}."


def _shown(row: Row, base: str) -> str:
    if not base or row.path is None or not row.path.startswith(base):
        return row.shown
    if base.endswith(os.sep):
        return row.shown[len(base) :]
    return Path(base).name if row.item is None else f"#{row.item}"


def cells(row: Row, base: str = "") -> tuple[str, ...]:
    """The text of ``row`` in each of ``COLUMNS``, one line each (an unreadable input says
    why in the title cell); its path after ``base`` (``path_base``) where given.

    >>> cells(Row(57, None, "Hi", ("Ada", "Mary"), 2, 615, "last-chapter", 3, 0, 1, "a.txt", None))
    ('57', '', 'Hi', 'Ada, Mary', '2', '≥10:15', '3', '0', '1', 'a.txt')
    """
    path = _clean(_shown(row, base))
    if row.unreadable is not None:
        title = f"cannot read: {_clean(row.unreadable)}"
        return ("", "", title, "", "", "", "", "", "", path)
    return (
        _count(row.episode),
        row.date or "",
        _clean(row.title or ""),
        _clean(", ".join(row.guests)),
        _count(row.chapters),
        format_length(row.length_seconds, row.length_source)
        if plausible_length(row.length_seconds)
        else "",
        _count(row.links),
        _count(row.errors),
        _count(row.warnings),
        path,
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def total_cells(total: Totals) -> tuple[str, ...]:
    """The totals row's text in each of ``COLUMNS`` (``totals_line`` says the rest).

    >>> total_cells(Totals(3, 1, 4, 5, 2, 0, 1, 1))[2:]
    ('3 episodes', '1 guest', '4', '', '5', '2', '0', '')
    """
    return (
        "",
        "",
        _plural(total.episodes, "episode"),
        _plural(total.guests, "guest"),
        str(total.chapters),
        "",
        str(total.links),
        str(total.errors),
        str(total.warnings),
        "",
    )


def totals_line(total: Totals) -> str:
    """The totals that are not a column's: episodes with errors, unreadable inputs.

    >>> totals_line(Totals(3, 1, 4, 5, 2, 0, 1, 0))
    '1 of 3 episodes with errors.'
    >>> totals_line(Totals(1, 1, 4, 5, 0, 0, 0, 2))
    '0 of 1 episode with errors; 2 inputs could not be read.'
    """
    line = f"{total.with_errors} of {_plural(total.episodes, 'episode')} with errors"
    if total.unreadable:
        line += f"; {_plural(total.unreadable, 'input')} could not be read"
    return line + "."


def fit_widths(
    natural: Sequence[int], minimum: Sequence[int], weight: Sequence[int], available: int
) -> list[int]:
    """Column widths that fit ``available`` cells: a column of weight 0 keeps its natural
    width; the others keep theirs when all fit, else share what is left by weight, a
    column needing less than its share keeping its natural width and giving the rest
    away, none going below its minimum or its natural width, whichever is less (the
    total may then exceed ``available``).

    >>> fit_widths([4, 50, 30, 10], [4, 12, 8, 12], [0, 2, 1, 1], 100)
    [4, 50, 30, 10]
    >>> fit_widths([4, 50, 30, 10], [4, 12, 8, 12], [0, 2, 1, 1], 60)
    [4, 31, 15, 10]
    >>> fit_widths([4, 50, 30, 10], [4, 12, 8, 12], [0, 2, 1, 1], 34)
    [4, 12, 8, 10]
    >>> fit_widths([4, 50, 30, 10], [4, 12, 8, 12], [0, 2, 1, 1], 20)
    [4, 12, 8, 10]
    """
    widths = list(natural)
    flexible = [i for i, w in enumerate(weight) if w > 0]
    budget = available - sum(natural[i] for i, w in enumerate(weight) if w <= 0)
    if sum(natural[i] for i in flexible) <= budget:
        return widths
    floor = [min(m, n) for m, n in zip(minimum, natural, strict=True)]
    sharing = list(flexible)
    while sharing:
        # A column whose share is below its minimum gets the minimum, first (what it takes
        # changes the others' shares); then one whose share is at least its natural width
        # keeps that width; the others share what is left.
        total_weight = sum(weight[i] for i in sharing)
        settled = {
            i: floor[i] for i in sharing if floor[i] * total_weight > budget * weight[i]
        } or {i: natural[i] for i in sharing if natural[i] * total_weight <= budget * weight[i]}
        if not settled:
            break
        for i, width in settled.items():
            widths[i] = width
            budget -= width
            sharing.remove(i)
    if sharing:
        total_weight = sum(weight[i] for i in sharing)
        shares = {i: budget * weight[i] // total_weight for i in sharing}
        spare = budget - sum(shares.values())
        for i in sharing:  # the cells lost to rounding, to the first columns
            extra = 1 if spare > 0 else 0
            spare -= extra
            widths[i] = shares[i] + extra
    return widths


def column_widths(natural: Sequence[int], available: int) -> list[int]:
    """Widths for the columns of ``COLUMNS`` in ``available`` cells: numbers and dates keep
    theirs; the title has the room first, all it needs but the minimums of guests and path;
    those two share the rest (``fit_widths``).

    >>> column_widths([2, 0, 60, 20, 2, 8, 2, 1, 1, 40], 80)
    [2, 0, 44, 8, 2, 8, 2, 1, 1, 12]
    """
    title = COLUMNS.index("title")
    fixed = sum(n for c, n in zip(COLUMNS, natural, strict=True) if c not in _MINIMUMS)
    others = sum(
        min(_MINIMUMS[c], n) for c, n in zip(COLUMNS, natural, strict=True) if c in _WEIGHTS
    )
    room = max(available - fixed - others, min(_MINIMUMS["title"], natural[title]))
    widths = list(natural)
    widths[title] = min(natural[title], room)
    weight = [_WEIGHTS.get(c, 0) for c in COLUMNS]
    minimum = [_MINIMUMS.get(c, n) for c, n in zip(COLUMNS, widths, strict=True)]
    return fit_widths(widths, minimum, weight, available)


def _cell_len(text: str) -> int:
    """Terminal cells: two for a wide character (CJK, most emoji), else one."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _middle(text: str, width: int) -> str:
    """``text`` in ``width`` cells, its middle replaced by ``…``: start and end show."""
    if _cell_len(text) <= width:
        return text
    head_cells = (width - 1) * 2 // 5
    head = ""
    for c in text:
        if _cell_len(head + c) > head_cells:
            break
        head += c
    tail = ""
    for c in reversed(text[len(head) :]):
        if _cell_len(head + tail + c) > width - 1:
            break
        tail = c + tail
    return head + "…" + tail


def _cut(text: str, width: int, keep_from: int | None = None) -> str:
    """``text`` in ``width`` cells. A path loses its folders first (``…ep-01.txt``), and a
    name too long for the cells its middle (``…ep-0…ATED.html``), so that the end of the
    name and its start both show; with ``keep_from``, what follows that offset (where it
    differs from another path) shows instead."""
    if _cell_len(text) <= width:
        return text
    if keep_from is not None:
        start = max(0, keep_from - 2)
        return _middle(("…" if start else "") + text[start:], width)
    name = text[max(text.rfind("/"), text.rfind(os.sep)) + 1 :]
    if _cell_len(name) + 1 >= width:
        return "…" + _middle(name, width - 1)
    tail = ""
    for c in reversed(text):
        if _cell_len(tail + c) > width - 1:
            break
        tail = c + tail
    return "…" + tail


def _common_start(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` start with in common."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def fit_paths(paths: Sequence[str], width: int) -> list[str]:
    """Each path in ``width`` cells, cut in the middle; where two different paths would
    read the same, each keeps the part where it differs from the others.

    >>> fit_paths(["notes/episode-001-TRUNCATED.html", "notes/episode-002-TRUNCATED.html"], 16)
    ['…001-T…ATED.html', '…002-T…ATED.html']
    >>> fit_paths(["a.txt", "shows/2021/some-long-name.md"], 16)
    ['a.txt', '…some-…g-name.md']
    """
    shown = [_cut(p, width) for p in paths]
    readers: dict[str, set[str]] = {}
    for path, cut in zip(paths, shown, strict=True):
        readers.setdefault(cut, set()).add(path)
    for i, path in enumerate(paths):
        same = readers[shown[i]] - {path}
        if same:
            differs = min(_common_start(path, other) for other in same)
            shown[i] = _cut(path, width, differs)
    return shown


# Renderers ------------------------------------------------------------------------------

CSV_FIELDS: tuple[str, ...] = (
    "episode",
    "date",
    "title",
    "guests",
    "chapters",
    "length_seconds",
    "length_source",
    "links",
    "errors",
    "warnings",
    "path",
    "item",
    "id",
    "unreadable",
)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    """A CSV cell that a spreadsheet shows as written: text that it would run as a formula
    ("=HYPERLINK(...)" in a feed's title, a file named "-x.txt") gets a leading ``'``, as
    OWASP advises; numbers, and None (an empty cell), as they are.

    >>> _cell("=1+2"), _cell("Poetical Science"), _cell(12), _cell(None)
    ("'=1+2", 'Poetical Science', 12, '')
    """
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(rows: Iterable[Row]) -> str:
    """One header line, then one line per row (RFC 4180 quoting, ``\\n`` line ends); guests
    joined by ``; ``, an empty cell for None, text that would be a formula after a ``'``."""
    # The csv module quotes a field that holds a character of the line terminator: with
    # "\n" alone, a "\r" in a file name went out unquoted and split the row for a reader.
    # So each row is written with "\r\n", and its own terminator is then cut to "\n".
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    lines: list[str] = []

    def write(cells: Iterable[object]) -> None:
        writer.writerow(cells)
        lines.append(out.getvalue().removesuffix("\r\n") + "\n")
        out.seek(0)
        out.truncate()

    write(CSV_FIELDS)
    for row in rows:
        data = row.to_dict()
        data["guests"] = "; ".join(row.guests)
        write(_cell(data[f]) for f in CSV_FIELDS)
    return "".join(lines)


def to_json(rows: Iterable[Row], total: Totals) -> str:
    """``{"rows": [...], "totals": {...}}``, indented by 2, UTF-8 (not ASCII-escaped)."""
    data = {"rows": [r.to_dict() for r in rows], "totals": asdict(total)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_MARKDOWN_SPECIAL = recache.compile(r"([\\`*_\[\]<>|~&])")


def _markdown(text: str) -> str:
    r"""Text that Markdown shows as written, inside a table cell.

    >>> _markdown("[bold] a|b *c*")
    '\\[bold\\] a\\|b \\*c\\*'
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def to_markdown(rows: Iterable[Row], total: Totals) -> str:
    """A GitHub-flavoured Markdown table with the terminal table's cells, never truncated,
    the totals in bold as its last row, then ``totals_line`` as a paragraph."""
    lines = [
        "| " + " | ".join(HEADERS[c] for c in COLUMNS) + " |",
        "|" + "|".join("---:" if c in NUMERIC else "---" for c in COLUMNS) + "|",
    ]
    for row in rows:
        lines.append("| " + " | ".join(_markdown(c) for c in cells(row)) + " |")
    foot = [f"**{_markdown(c)}**" if c else "" for c in total_cells(total)]
    lines.append("| " + " | ".join(foot) + " |")
    lines += ["", _markdown(totals_line(total))]
    return "\n".join(lines) + "\n"
