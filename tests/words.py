"""The words of show notes and of records: what "nothing vanishes" checks.

A word is a run of two or more letters or digits. Every word of the notes must be found
somewhere in the record (a field or a leftover), except the words the parser consumes on
purpose: those of structural headings and labels ("Abstract", "Timestamps", "Hosts:"),
and the words a field normalises rather than keeps (numbers, dates, "Ep. 12", "S2E10").
The notes' words are those a reader sees, as the parser renders them: character
references decoded ("&amp;" is "&"), Markdown links and emphasis rendered to their text
("S[x](url)hip" reads "Sxhip"), plus the words of the links' addresses, which rendering
drops and ``links`` must keep. A target that is no address (an anchor "#t=01:50", a
relative path "notes.md", a garbled "h[ttps://...") is markup a reader never sees. For
HTML the words are those of the text the HTML converts to
(``episodeparse.html.html_to_text``): tags, scripts and styles are dropped on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from episodeparse.document import HEADING_WORDS
from episodeparse.html import html_to_text
from episodeparse.normalize import render_inline

__all__ = ["NORMALISED", "WORD", "exempt", "missing_words", "words", "words_of_notes"]

WORD = re.compile(r"[^\W_]{2,}")
# Words a field normalises rather than keeps: numbers (times, episode numbers, dates), the
# decorations of a title line ("Ep. 12", "S2E10") and the words of a date ("Published:
# March 3, 2022" is "2022-03-03").
NORMALISED = frozenset(
    (
        "ep",
        "episode",
        "season",
        "part",
        "series",
        "published",
        "recorded",
        "air",
        "aired",
        "released",
        "date",
        "on",
        "st",
        "nd",
        "rd",
        "th",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    )
)
_SEASON_EPISODE = re.compile(r"s\d+e\d+")
_LINK_TARGET = re.compile(r"\]\(\(?([^()\s]+)")  # the target of "[label](target)"
_ADDRESS = re.compile(r"\[?(?:https?://|www\.|mailto:)", re.IGNORECASE)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def words(value: Any) -> set[str]:
    """The case-folded words of every string in ``value`` (a record's ``to_dict()``)."""
    return {w.casefold() for text in _strings(value) for w in WORD.findall(text)}


def exempt(word: str) -> bool:
    """A word the parser may consume: a heading word, or one a field normalises."""
    return (
        word in HEADING_WORDS
        or word in NORMALISED
        or word.isdigit()
        or _SEASON_EPISODE.fullmatch(word) is not None
    )


def words_of_notes(text: str, *, html: bool) -> set[str]:
    """The case-folded words of the notes as a reader sees them (see the module doc).

    >>> sorted(words_of_notes("**Ship**it &amp; [read](https://x.org/a)more", html=False))
    ['https', 'org', 'readmore', 'shipit']
    """
    if html:
        text = html_to_text(text)
    rendered = "\n".join(render_inline(line) for line in text.split("\n"))
    addresses = [t for t in _LINK_TARGET.findall(text) if _ADDRESS.match(t)]
    return words(rendered) | words(" ".join(addresses))


def missing_words(text: str, record: dict[str, Any]) -> set[str]:
    """The words of ``text`` found nowhere in ``record``, that no exemption covers. The
    record's ``source.format`` says whether the parser read the notes as HTML. A record
    word counts as written or as a reader sees it: a leftover keeps markup as written."""
    have = words(record) | words([render_inline(text) for text in _strings(record)])
    notes = words_of_notes(text, html=record["source"]["format"] == "html")
    return {w for w in notes if w not in have and not exempt(w)}
