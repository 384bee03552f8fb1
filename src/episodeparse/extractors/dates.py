"""Dates: the publication or recording date the notes state, as ``YYYY-MM-DD``.

Contract: reads, in this order,

1. a line that opens with a date label ("Air Date: 2021-07-30", "Published: March 3, 2022",
   "Recorded on 1 October 2021", "Publicado: 31 mayo 2024", "Originally aired May 4, 2020");
2. a recording, publication or air label inside a line, right before its date ("... Aufnahme
   vom 03.06.2021 – Dauer: 3:01:30"), or a Japanese or Chinese one right after it
   ("(2024/07/13 収録)");
3. a line near the top that is a date and nothing else but a time or a duration, as a
   podcast page prints it ("June 28, 2020 9:00 pm", "Jul 20, 202234 min").

The label words are data by language (``cues/dates.json``: groups ``recorded``,
``published``, ``aired`` and ``date``; ``recorded_after`` and ``published_after`` for the
labels written after the date; ``year_word`` for a word after the year, "2024 г."). A date
without a year is not guessed; a date in prose without a label is not this episode's date.
"""

from __future__ import annotations

import re

from episodeparse import cues, recache
from episodeparse.extractors import Context
from episodeparse.normalize import find_date, parse_date

__all__ = ["extract"]

_EVENT_LABEL = "|".join(
    cues.alternation("dates", group) for group in ("recorded", "published", "aired")
)
_LABEL = _EVENT_LABEL + "|" + cues.alternation("dates", "date")
# The word a label may be followed by before its date: "Recorded on", "Aufnahme am",
# "Publié le", "Publicado el", "Gravado em", "Registrato il", "Opgenomen op".
_ON = r"on|am|vom|le|el|em|il|op|in"

_LABELLED = recache.compile(
    rf"""^[ \t]*+(?:[-*•][ \t]++)?(?:\*\*|__)?                      # a bullet, bold
        (?P<label>{_LABEL})
        (?:\*\*|__)?                                              # end of bold
        (?:[ \t]*[:：\-–]|[ \t](?:[ \t]*(?:{_ON})[ \t])?)            # ":", "on" or a blank
        (?:\*\*|__)?[ \t]*(?P<date>[^\n]{{4,60}}?)[ \t]*(?:\*\*|__)?[ \t]*$""",
    re.VERBOSE | re.IGNORECASE,
)
# A label inside a line, right before its date ("Aufnahme vom ", "recorded on "): matched
# at the word starts of the few characters before a date, to their end.
_INLINE_LABEL = recache.compile(
    rf"""(?:{_EVENT_LABEL})(?:[ \t]*:)?[ \t]{{0,3}}(?:(?:{_ON})[ \t]{{0,3}})?\Z""",
    re.VERBOSE | re.IGNORECASE,
)
# A year: where a date may end. Opens with its first digit, not part of a longer number.
_YEAR = recache.compile(r"1(?<!\d1)[89]\d\d(?!\d)|2(?<!\d2)[01]\d\d(?!\d)")
# A label written after its date: "2024/07/13 収録".
_LABEL_AFTER = recache.compile(
    r"[ \t]{0,3}(?:"
    + "|".join(cues.alternation("dates", g) for g in ("recorded_after", "published_after"))
    + ")"
)
# What may follow a date on a line of its own at the top: a time or a duration, glued
# to the year or not ("9:00 pm", "· 34 min", "202234 min").
_DATE_LINE_TAIL = recache.compile(
    r"""[ \t]*+(?:[·•|,–-][ \t]*+)?
        (?:\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[ap]\.?m\.?)?(?:[ \t]?[A-Z]{2,4})?  # 9:00 pm
          |\d{1,3}[ \t]?(?:min|mins|minutes|minutos|minuti|Minuten|hr|hrs|h)\.?  # 34 min
          |\d{1,2}[ \t]?h[ \t]?\d{1,2}[ \t]?(?:min|m)?\.?)?                 # 1 h 5 min
        [ \t]*+$""",
    re.VERBOSE | re.IGNORECASE,
)
_TOP_SEGMENTS = 4
_DATE_SPAN = 40  # characters a written date takes before its year, at most
_LABEL_SPAN = 50  # characters a label takes before its date, at most
_AFTER_SPAN = 20  # characters a date and a label after it take after the year, at most

_FILLERS = frozenset(
    ("of", "the", "at", "am", "pm", "utc", "gmt", "um", "le", "der", "den", "de", "del", "d")
)
_DAY_PARTS = frozenset("年月日년월일")


def _date_words() -> frozenset[str]:
    words = {w.casefold() for m in range(1, 13) for w in cues.words("dates", f"m{m:02d}")}
    words.update(w.casefold() for w in cues.words("dates", "weekday"))
    words.update(w.casefold() for w in cues.words("dates", "year_word"))  # 2024 г., roku
    return frozenset(words | _FILLERS)


_DATE_WORDS = _date_words()
_ORDINAL = recache.compile(r"\d{1,4}(?:st|nd|rd|th|er|e|º|°|г)?")


def _only_date_words(text: str) -> bool:
    """
    >>> _only_date_words("Friday, March 3rd, 2022 at 10 am"), _only_date_words("2022 in Berlin")
    (True, False)
    >>> _only_date_words("31 de mayo de 2024"), _only_date_words("2024年5月31日")
    (True, True)
    """
    for word in re.findall(r"[^\W_]+", text):
        if word.casefold() in _DATE_WORDS or _ORDINAL.fullmatch(word):
            continue
        if not set(re.sub(r"\d", "", word)) <= _DAY_PARTS:
            return False
    return True


def _inline(text: str) -> str | None:
    """The date a label inside ``text`` stands before (or, "収録", after). Only the few
    characters before each year are read for a date, and before the date for a label."""
    for year in _YEAR.finditer(text):
        near = text[max(0, year.start() - _DATE_SPAN - _LABEL_SPAN) : year.end() + _AFTER_SPAN]
        if not _LABEL_HINT.search(near.lower()):
            continue  # no label near this year
        start = max(0, year.start() - _DATE_SPAN)
        found = find_date(text[start : year.end()])  # 31 mayo 2024
        if found is not None and start + found[2] == year.end():
            at, end = start + found[1], year.end()
        else:  # 2024/07/13, 2024年5月31日
            start = year.start()
            found = find_date(text[start : start + _DATE_SPAN])
            if found is None or found[1] != 0:
                continue
            at, end = start, start + found[2]
        before = text[max(0, at - _LABEL_SPAN) : at]
        if any(
            _INLINE_LABEL.match(before, i)
            for i in range(len(before))
            if before[i].isalpha() and (i == 0 or not before[i - 1].isalnum())
        ):
            return found[0]
        if _LABEL_AFTER.match(text, end):
            return found[0]
    return None


def _date_line(text: str) -> str | None:
    """The date of a line that is a date, with at most a time or a duration after it."""
    found = find_date(text)
    if found is None or not _only_date_words(text[: found[1]]):
        return None
    if not _DATE_LINE_TAIL.match(text, found[2]):
        return None
    return found[0]


# The first word of each label, case-folded: a line whose first word (after a bullet or
# bold) is none of them is not matched against ``_LABELLED``. And the labels in lower
# case, sought in the lower case of the few characters around a year: a year without
# one near it is not read for a date.
_LABEL_FIRST_WORDS = frozenset(
    p.split()[0].casefold().rstrip(":")
    for g in ("recorded", "published", "aired", "date")
    for p in cues.words("dates", g)
)
_LABEL_HINT = recache.compile(
    cues.alternation_of(
        tuple(
            p.lower()
            for g in ("recorded", "published", "aired", "recorded_after", "published_after")
            for p in cues.words("dates", g)
        )
    )
)
# What a line's first word may open with (after a bullet or bold) where it is a label's,
# among ASCII characters: a first letter of a label, in either case, or a blank (a word
# after it is read). A line that opens with another ASCII character ("(00:12) Intro",
# "[Link](...)", "Hosted by") is not split into words: its first word is no label's.
_LABEL_FIRST_ASCII = frozenset(
    {w[:1] for w in _LABEL_FIRST_WORDS if w[:1].isascii()}
    | {w[:1].upper() for w in _LABEL_FIRST_WORDS if w[:1].isascii()}
    | {chr(c) for c in range(128) if chr(c).isspace()}
)
_LEAD = " \t-*•_"  # what may stand before a label at a line's start
_WORD_END = ":*_-–"  # what may stand after a label's first word


# Dates of numbers only that either order reads ("03/02/2025"): their order is the
# label's language's ("Gravado em": day first), or, for a label of a month-first
# language ("Date", English and French), the notes' language's, told by their commonest
# words (``numeric_order`` and ``notes_words`` in cues/dates.json).
_EITHER_ORDER = recache.compile(r"(?<!\d)(?:0?[1-9]|1[0-2])[/-](?:0?[1-9]|1[0-2])[/-]\d{2,4}")


def _writes_day_first(groups: dict[str, list[str]]) -> bool:
    return groups.get("numeric_order", [""])[0].startswith("day")


def _label_languages() -> dict[str, tuple[bool, ...]]:
    """A label (case-folded, blanks single) -> for each language it is a label of, whether
    that language writes a date's day first."""
    found: dict[str, list[bool]] = {}
    for groups in cues.table("dates").values():
        day_first = _writes_day_first(groups)
        for group in ("recorded", "published", "aired", "date"):
            for phrase in groups.get(group, ()):
                found.setdefault(" ".join(phrase.casefold().split()), []).append(day_first)
    return {label: tuple(orders) for label, orders in found.items()}


_LABEL_LANGUAGES = _label_languages()
_NOTES_WORDS = tuple(
    (frozenset(w.casefold() for w in groups["notes_words"]), _writes_day_first(groups))
    for groups in cues.table("dates").values()
    if "notes_words" in groups
)
_NOTES_SPAN = 2000  # characters of the notes read for their language, at most


def _notes_day_first(ctx: Context) -> bool:
    """Whether the language the notes' commonest words are most in writes its day first."""
    text = " ".join(seg.text for seg in ctx.doc.segments)[:_NOTES_SPAN].casefold()
    words = re.findall(r"[^\W\d_]+", text)
    best, day_first = 0, False
    for common, first in _NOTES_WORDS:
        hits = sum(1 for w in words if w in common)
        if hits > best:
            best, day_first = hits, first
        elif hits == best and not first:
            day_first = False  # a tie with a month-first language: as before
    return day_first


def _day_first(label: str, date_text: str, ctx: Context) -> bool:
    """Whether ``date_text``, after ``label``, puts its day first."""
    if not _EITHER_ORDER.search(date_text):
        return False  # the order makes no difference
    orders = _LABEL_LANGUAGES.get(" ".join(label.casefold().split()), ())
    if orders and all(orders):
        return True
    return _notes_day_first(ctx)


def extract(ctx: Context) -> str | None:
    segments = ctx.doc.segments
    for seg in segments:
        text = seg.text
        head = text[:1]
        if head in _LEAD:
            text = text.lstrip(_LEAD)
            head = text[:1]
        if head not in _LABEL_FIRST_ASCII and head.isascii():
            continue  # casefold() of an ASCII character is its lower case: no label's
        first = text.split(None, 1)[0].partition(":")[0].partition("：")[0] if text else ""
        if first.rstrip(_WORD_END).casefold() not in _LABEL_FIRST_WORDS:
            continue
        m = _LABELLED.match(seg.text)
        if m:
            found = parse_date(m["date"], day_first=_day_first(m["label"], m["date"], ctx))
            if found:
                if _only_date_words(m["date"]):
                    ctx.take(seg)
                return found
    for seg in segments:
        text = seg.text
        # A date holds a year: "19" or "20" (found faster than any pattern).
        if ("20" in text or "19" in text) and (found := _inline(text)):
            return found
    for seg in segments[:_TOP_SEGMENTS]:
        text = seg.text
        if ("20" in text or "19" in text) and not ctx.is_taken(seg) and (found := _date_line(text)):
            ctx.take(seg)
            return found
    return None
