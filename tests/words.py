"""The words of show notes and of records: what "nothing vanishes" checks.

A word is a run of two or more letters or digits. Every word of the notes must be found
somewhere in the record (a field or a leftover), except the words the parser consumes on
purpose: those of structural headings and labels ("Abstract", "Timestamps", "Hosts:"),
and the words a field normalises rather than keeps (numbers, dates, "Ep. 12", "S2E10").
The notes' words are found as a reader sees them: character references decoded ("&amp;"
is "&"; for HTML, in the text it converts to, ``episodeparse.html.html_to_text``: tags,
scripts and styles are dropped on purpose), and without the target of a Markdown link that
is no address (an anchor "#t=01:50", a relative path "notes.md", a garbled
"h[ttps://..."), and without the keys of reference links ("[label][key]", "[key]: URL"):
markup a reader never sees. An address's words must stay (``links``).

Rendering glues words: "S[x](url)hip" reads "Sxhip", "**Ship**it" reads "Shipit". A word
of the notes counts as kept when the record holds it, or holds the word that rendering its
line made of it and its neighbours. A number glued to a word ("00:00Links", "8 0November")
counts as kept when the record holds the word: a field read the number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
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
# "](target)" of a Markdown link; an address is a clean URL, maybe after a stray "[".
_LINK_TARGET = re.compile(r"\]\(\(?([^()\s]*)")
_REF_KEY = re.compile(
    r"(?<=\])\[[^\[\]\n]{0,100}\]"  # "[label][key]"
    # "[key]: URL" opening a line, or a piece of a flattened one (after a run of blanks)
    r"|(?:^|(?<=[ \t]{2}))[ \t]{0,3}\[[^\[\]\n]{1,100}\]:(?=[ \t]*<?(?:https?://|www\.|mailto:))",
    re.MULTILINE | re.IGNORECASE,
)
_ADDRESS = re.compile(r"\[?(?:https?://|www\.|mailto:)[^\s<>\[\]]+", re.IGNORECASE)


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


def _unaddressed(m: re.Match[str]) -> str:
    return m.group(0) if _ADDRESS.fullmatch(m.group(1)) else "](#"  # still a link to render


def _reader_text(text: str, *, html: bool) -> str:
    if html:
        text = html_to_text(text)
    text = _LINK_TARGET.sub(_unaddressed, text) if "](" in text else text
    text = _REF_KEY.sub("", text) if "]" in text else text
    return unescape(text) if "&" in text else text


def words_of_notes(text: str, *, html: bool) -> set[str]:
    """The case-folded words of the notes as a reader sees them (see the module doc).

    >>> sorted(words_of_notes("AT&amp;T [a](#t=01) [b](/about) [c](https://x.org)", html=False))
    ['at', 'https', 'org']
    >>> sorted(words_of_notes("[Tim Lee][tim]\\n[tim]: https://t.org/x", html=False))
    ['https', 'lee', 'org', 'tim']
    >>> sorted(words_of_notes("[Ann][who]\\n[who]: https://t.org/x", html=False))
    ['ann', 'https', 'org']
    """
    return words(_reader_text(text, html=html))


def missing_words(text: str, record: dict[str, Any]) -> set[str]:
    """The words of ``text`` the record does not keep (see the module doc) and that no
    exemption covers. The record's ``source.format`` says whether the parser read the notes
    as HTML. A record's words are those of its strings as written or rendered (a leftover
    keeps Markdown as written).

    >>> record = {"source": {"format": "text"}, "title": "Shipit", "chapters": ["Links"]}
    >>> sorted(missing_words("**Ship**it\\n00:00Links\\n00:00S2E10\\nb12 gone", record))
    ['b12', 'gone']
    """
    have = words(record) | words([render_inline(text) for text in _strings(record)])
    missing: set[str] = set()
    for line in _reader_text(text, html=record["source"]["format"] == "html").split("\n"):
        lost = {w for w in words(line) if w not in have and not exempt(w)}
        if lost:
            # Rendering glued the word to its neighbours, into a word the record holds.
            glued = {g for g in words(render_inline(line)) if g in have}
            missing.update(w for w in lost if not any(w in g for g in glued))
    return {w for w in missing if not _number_glued(w, have)}


def _number_glued(word: str, have: set[str]) -> bool:
    """ "00:00Links" has the word "00links": a field read the number (a time, a date), and
    the record holds the rest."""
    digits = "0123456789"
    for rest in (word.lstrip(digits), word.rstrip(digits)):
        if rest != word and len(rest) >= 2 and (rest in have or exempt(rest)):
            return True
    return False
