"""Pure converters from strings to values. Each is specified by its doctests."""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache

from episodeparse import cues, recache

__all__ = [
    "clean_prose",
    "collapse",
    "find_date",
    "parse_date",
    "render_inline",
    "rendered",
    "time_to_seconds",
]

_TIME = recache.compile(r"^(?:(\d{1,3}):)?(\d{1,3}):(\d{2})(?:\.\d{1,3})?$")


def time_to_seconds(text: str) -> int | None:
    """``mm:ss``, ``h:mm:ss`` or ``hh:mm:ss`` to seconds; None when it is not a time.
    Milliseconds (``00:01:12.500``, as mp4chaps writes) are cut: whole seconds.

    Minutes or seconds of 60 or more are not a time (with hours, minutes stay below 60;
    without, minutes may run long as in ``75:10``).

    >>> time_to_seconds("01:12"), time_to_seconds("1:02:03"), time_to_seconds("75:10")
    (72, 3723, 4510)
    >>> time_to_seconds("00:01:12.999")
    72
    >>> time_to_seconds("12:60") is None, time_to_seconds("1:75:00") is None
    (True, True)
    """
    m = _TIME.match(text.strip())
    if not m:
        return None
    hours, minutes, seconds = m.groups()
    total = int(seconds)
    if total >= 60:
        return None
    total += int(minutes) * 60
    if hours is None:
        return total
    if total >= 3600:  # minutes of 60 or more, with hours
        return None
    return int(hours) * 3600 + total


def collapse(text: str) -> str:
    """Whitespace runs to one space, trimmed.

    >>> collapse("  a \\n b\\t c ")
    'a b c'
    """
    return " ".join(text.split())


# "[label](url)"; "[label]((url))" as some notes write it, but "([a](url))" keeps its ")".
# An escaped "\[" or "\]" (html_to_text's literal brackets) opens or closes no link, and
# may stand in a label: "[See \[x\](url) here](url)". The "[" comes first and the test for
# a backslash before it after: a pattern that opens with a literal is sought at C speed, one
# that opens with a lookbehind is tried at every position.
_MD_LINK = recache.compile(
    r"\[(?<!\\\[)((?:\\.|[^\\\[\]\n]){0,500})\]\((\()?([^()\s]{1,2000})\)(?(2)\)?)"
)
_MD_REF_LINK = recache.compile(r"\[([^\[\]\n]{1,500})\]\[([^\[\]\n]{0,100})\]")
_EMPHASIS = recache.compile(r"(\*\*|__)(?=\S)([^*_\n]{1,500}?)(?<=\S)\1")
# What each of them is replaced with: a group that takes part in every match, read by a
# C function (a template such as r"\1" is expanded by Python code at every match).
_FIRST_GROUP = operator.itemgetter(1)
_SECOND_GROUP = operator.itemgetter(2)


# html.unescape reads a numeric reference of any length, and int() refuses one of over 4,300
# digits (ValueError). A reference is decoded only when it is of a length a code point can
# have; a longer run of digits stays as written. The named form is the standard library's.
_CHARREF = recache.compile(
    r"&(?:\#0*[0-9]{1,7}(?![0-9]);?"  # &#8211;
    r"|\#[xX]0*[0-9a-fA-F]{1,6}(?![0-9a-fA-F]);?"  # &#x1F399;
    r"|[^\t\n\f <&\#;]{1,32};?)"  # &amp; &notin
)


def unescape(text: str) -> str:
    """HTML character references decoded, as ``html.unescape`` does, on text of any length.

    >>> unescape("Q&amp;A &#8211; &#x1F399; &notin;")
    'Q&A – 🎙 ∉'
    >>> unescape("&#" + "1" * 5000) == "&#" + "1" * 5000
    True
    """
    if "&" not in text:
        return text
    return _CHARREF.sub(_unescape_one, text)


def _unescape_one(m: re.Match[str]) -> str:
    return _html_unescape()(m.group(0))


@lru_cache(maxsize=1)
def _html_unescape() -> Callable[[str], str]:
    """``html.unescape``, imported on first use: html loads its table of 2,231 entities
    (about 1.5 ms of a start), and most notes hold no reference at all. Kept once
    imported: an import statement run at every reference costs more than the decoding."""
    from html import unescape

    return unescape


def render_inline(text: str) -> str:
    """Markdown inline markup to the text a reader sees; HTML entities decoded.

    >>> render_inline("**[Tokio](https://tokio.rs/)** as the runtime &amp; more")
    'Tokio as the runtime & more'
    >>> render_inline("Ines ([@ines](https://x.test/ines)) and [b]((https://x.test/b))")
    'Ines (@ines) and b'
    >>> render_inline(r"\\[Dev's pick\\](https://x.test/s), as HTML's text wrote it")
    "[Dev's pick](https://x.test/s), as HTML's text wrote it"
    >>> render_inline(r"[See \\[Dev's pick\\](https://x.test/s) here](https://x.test/a)")
    "See [Dev's pick](https://x.test/s) here"
    >>> render_inline("[Tom McAllister][tim] and `dust`")
    'Tom McAllister and `dust`'
    """
    if "[" in text:
        text = _MD_LINK.sub(_FIRST_GROUP, text)
        text = _MD_REF_LINK.sub(_FIRST_GROUP, text)
        text = text.replace("\\[", "[").replace("\\]", "]")
    if "*" in text or "__" in text:
        text = _EMPHASIS.sub(_SECOND_GROUP, text)
    return unescape(text)


# Lines repeat across a catalogue's episodes (a show's links, sponsors, sign-off: 54-97% of
# the lines of real feeds): a line's rendering is remembered; a long one is not, and 1,024
# of them at most, so that the cache stays small.
_RENDERED_MAX = 1000


@lru_cache(maxsize=1024)
def _rendered(line: str) -> str:
    return collapse(render_inline(line))


def rendered(line: str) -> str:
    """``collapse(render_inline(line))``, remembered (a pure function of the line).

    >>> rendered("  **[Tokio](https://tokio.rs/)**  rocks ")
    'Tokio rocks'
    """
    return _rendered(line) if len(line) <= _RENDERED_MAX else collapse(render_inline(line))


def clean_prose(text: str) -> str:
    """Prose as written, markup rendered, each line trimmed, no blank runs.

    >>> clean_prose("  One [two](http://x)  \\n\\n three ")
    'One two\\nthree'
    """
    lines = (rendered(line) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


# Dates ---------------------------------------------------------------------------------

_ISO_DATE = recache.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _month_numbers() -> dict[str, int]:
    """Month name (case-folded, in every language of ``cues/dates.json``) -> number."""
    numbers: dict[str, int] = {}
    for month in range(1, 13):
        for name in cues.words("dates", f"m{month:02d}"):
            numbers.setdefault(name.casefold(), month)
    return numbers


_MONTH_NUMBERS = _month_numbers()
_MONTH = cues.alternation_of(tuple(_MONTH_NUMBERS))
# A written date, by shape; month names are data (cues/dates.json). Each form gives its
# day, month and year groups; a year is four digits, and what stands after it is the
# caller's to judge ("Jul 20, 202234 min": a date glued to a duration). Every repeat is
# bounded, and each alternative opens with a digit or a month name's letter.
_NATIVE_DATE = recache.compile(
    rf"""(?P<d1>\d{{1,2}})(?<!\d\d\d)(?!\d)(?:st|nd|rd|th|er|º|°|\.)?[ \t]{{0,3}}
           (?:de[ \t]{{1,3}}|d['’][ \t]{{0,3}}|of[ \t]{{1,3}}|the[ \t]{{1,3}})?   # 3 de, 7 d'
           (?P<m1>{_MONTH})(?!\w)\.?,?[ \t]{{0,3}}(?:de[ \t]{{1,3}}|del[ \t]{{1,3}})?
           (?P<y1>\d{{4}})                                       # 31 mayo 2024
        |(?P<m2>{_MONTH})(?!\w)\.?[ \t]{{1,3}}(?P<d2>\d{{1,2}})(?!\d)
           (?:st|nd|rd|th)?,?[ \t]{{0,3}}(?P<y2>\d{{4}})            # Jul 20, 2022
        |(?P<d3>\d{{1,2}})(?<!\d\d\d)\.[ \t]?(?P<m3>\d{{1,2}})\.[ \t]?(?P<y3>\d{{4}})  # 03.06.2021
        |(?P<y4>\d{{4}})(?<!\d\d\d\d\d)[-/.](?P<m4>\d{{1,2}})[-/.]
           (?P<d4>\d{{1,2}})(?!\d)                                    # 2024/07/13
        |(?P<y5>\d{{4}})[ \t]?[年년][ \t]?(?P<m5>\d{{1,2}})[ \t]?[月월][ \t]?
           (?P<d5>\d{{1,2}})[ \t]?[日일]?                           # 2024年5月31日
    """,
    re.VERBOSE | re.IGNORECASE,
)


# Where a year may stand: four digits not preceded by a digit (followed by one, when a
# page glued the duration to the date: "Jul 20, 202234 min").
_YEAR_START = recache.compile(r"1(?<!\d1)[89]\d\d|2(?<!\d2)[01]\d\d")
_DATE_SPAN = 40  # characters a written date takes before its year, at most


def _native_date(m: re.Match[str]) -> str | None:
    for form in "12345":
        year = m.group("y" + form)
        if year is None:
            continue
        month_text = m.group("m" + form)
        month = _MONTH_NUMBERS.get(month_text.casefold()) if form in "12" else int(month_text)
        if month is None or not 1800 <= int(year) <= 2199:
            return None
        try:
            return date(int(year), month, int(m.group("d" + form))).isoformat()
        except ValueError:
            return None
    return None


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first written date in ``text`` of a shape that needs no guessing (a day, a
    month by name in any language of ``cues/dates.json`` or by number in a day-first or
    year-first form, a four-digit year), as ``(YYYY-MM-DD, start, end)``.

    >>> find_date("Publicado: 31 mayo 2024")
    ('2024-05-31', 11, 23)
    >>> find_date("(2024/07/13 収録)"), find_date("March 2022")
    (('2024-07-13', 1, 11), None)
    """
    # Matched, not searched: at the word starts of the few characters before each year
    # (a date ends with its year, or opens with it), so that long text costs little.
    for year in _YEAR_START.finditer(text):
        begin = max(0, year.start() - _DATE_SPAN)
        for at in range(begin, year.start() + 1):
            if not text[at].isalnum() or (at > begin and text[at - 1].isalnum()):
                continue
            if at == begin and at and text[at - 1].isalnum():
                continue
            m = _NATIVE_DATE.match(text, at)
            if m is not None and m.end() >= year.end():
                found = _native_date(m)
                if found is not None:
                    return found, m.start(), m.end()
    return None


_DIGIT_RUN = recache.compile(r"\d{9,}")
_BARE_TIME = recache.compile(r"^\s*\d{1,2}(?::\d{2}){1,2}\s*(?:[ap]\.?m\.?)?\s*$", re.IGNORECASE)
_YEAR = recache.compile(r"\b(1[89]\d\d|2\d\d\d)\b")
_MAX_DATE_TEXT = 80


def parse_date(text: str, *, day_first: bool = False) -> str | None:
    """A written date to ``YYYY-MM-DD``; None when there is no full date with a year.
    ``day_first``: a date of numbers only that either order reads ("03/02/2025") puts
    its day first (else its month, as American notes write it).

    ISO and RFC 2822 dates never reach dateutil; a date without a year is not guessed,
    a bare time is not a date, and over-long text is refused before dateutil sees it.

    >>> parse_date("2021-07-30"), parse_date("Fri, 30 Jul 2021 10:00:00 -0000")
    ('2021-07-30', '2021-07-30')
    >>> parse_date("October 1st 2021"), parse_date("1 October, 2021")
    ('2021-10-01', '2021-10-01')
    >>> parse_date("November 1st") is None, parse_date("1:02:03") is None
    (True, True)
    >>> parse_date("14 M\\x00ay 2023") is None  # dateutil drops the NUL: not as written
    True
    >>> parse_date("03/02/2025"), parse_date("03/02/2025", day_first=True)
    ('2025-03-02', '2025-02-03')
    """
    text = text.strip()
    if not text or len(text) > _MAX_DATE_TEXT or _BARE_TIME.match(text):
        return None
    if any(unicodedata.category(ch) in ("Cc", "Cf") for ch in text):
        return None
    m = _ISO_DATE.search(text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    native = find_date(text)
    if native is not None:
        return native[0]
    if "," in text and ":" in text:
        from email.utils import parsedate_to_datetime  # not at the top: email costs start-up

        try:
            return parsedate_to_datetime(text).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
    if not _YEAR.search(text) or _DIGIT_RUN.search(text):
        return None
    from dateutil import parser as dateparser  # costly import: only for free-form dates

    found: list[date] = []
    for default in (datetime(2000, 1, 1), datetime(2001, 2, 2)):
        try:
            parsed = dateparser.parse(text, default=default, fuzzy=True, dayfirst=day_first)
        except (ValueError, OverflowError):
            return None
        found.append(parsed.date())
    # Parts filled from the default differ between the two runs: the text lacked them.
    if found[0] != found[1]:
        return None
    return found[0].isoformat()
