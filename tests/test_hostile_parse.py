"""Hostile input, by property (issue #7): ``parse`` never raises, its record always
validates against the JSON schema, and no word of the notes vanishes (tests/words.py says
which words the parser may consume on purpose).

Inputs are arbitrary text (a broad alphabet with control characters, NUL, U+0085, U+2028,
and fragments the extractors read: brackets, colons, times, addresses, handles, headings,
HTML tags) and random mutations of every fixture: lines deleted, duplicated, swapped,
flattened onto one line, and fragments inserted. HTML notes are mutated tag by tag.

Example counts, in the default "ci" profile (``examples()`` in conftest.py; twenty times
as many with ``--hypothesis-profile=long``):

- arbitrary text: 1,000; arbitrary text read as HTML: 500;
- each fixture's notes, mutated: 150, for 15 notes and the 3 items of
  fixtures/tiny-feed.xml today (2,700);
- the feed itself, mutated: 100;

- text that only starts like a sniffed format (JSON, WebVTT, XML, PSC, HTML): 300;

4,600 in all, about 50 s on two cores.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema.protocols import Validator

from episodeparse import feeds, parse
from episodeparse.chapter_formats import ChapterFormatError
from episodeparse.document import InputError
from episodeparse.inputs import records_from_bytes
from tests.conftest import FIXTURES, examples, fixture_notes
from tests.words import missing_words

TEXT_EXAMPLES = examples(1000)
HTML_EXAMPLES = examples(500)
FIXTURE_EXAMPLES = examples(150)
FEED_EXAMPLES = examples(100)

FEED = FIXTURES / "tiny-feed.xml"
NOTES = [p for p in fixture_notes() if p.suffix != ".xml"]
FEED_ITEMS = [item.notes for item in feeds.iter_items(FEED.read_bytes())]

# Characters that separate, or look as if they might: line breaks of every kind, NUL and
# other controls, wide and zero-width spaces, a byte-order mark, a lone combining mark.
CONTROLS = [
    "\x00",
    "\x01",
    "\x07",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\r",
    "\r\n",
    "\n",
    "\n\n",
    "\t",
    "  ",
    "\u00a0",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\u0301",
]
# What the extractors look for, and what breaks a pattern halfway.
FRAGMENTS = [
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    ":",
    "::",
    "//",
    " // ",
    "#",
    "## ",
    "@",
    "-",
    " - ",
    "*",
    "**",
    "__",
    "---",
    "===",
    "|",
    "•",
    "—",
    "’s",
    "'s",
    "0",
    "7",
    "12",
    "57",
    "2022",
    "00:00",
    "01:12",
    "1:02:03",
    "99:99",
    "[01:12]",
    "(1:02:03)",
    "[@02:57]",
    "(4:30~)",
    "#57",
    "Ep. 12",
    "Episode 3:",
    "S2E10",
    "Published: March 3, 2022",
    "https://",
    "https://example.com/a?b=c&d=e",
    "http://x.org/(paren)",
    "www.example.org",
    "example.net",
    "mailto:a@b.org",
    "a@b.org",
    "@handle",
    "@user@social.example",
    "#t=01:50",
    "[label](https://x.org/l)",
    "[label](",
    "](https://x.org)",
    "<https://x.org>",
    "Abstract",
    "// Abstract",
    "// Bio",
    "Links:",
    "## Links",
    "Timestamps",
    "Chapters:",
    "Guest:",
    "Hosts:",
    "Categories:",
    "Sponsors",
    "---- Connect With Us ----",
    "Connect with Ada on LinkedIn",
    "Follow us on Twitter:",
    "Ada Lovelace",
    "Alan Turing, Staff Engineer at Example",
    "A podcast by ",
    "with ",
    "Coffee Sessions",
    "<p>",
    "</p>",
    "<br>",
    "<br/>",
    "<h2>",
    "</h2>",
    "<li>",
    "<ul>",
    "</ul>",
    '<a href="https://x.org/a">',
    "<a href='/rel'>",
    "<a href=",
    "</a>",
    "<b>",
    "</b>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<",
    ">",
    "&amp;",
    "&nbsp;",
    "&#0;",
    "&#x110000;",
    "&#99999999999;",
    "&bogus;",
    "&",
]

# Surrogates cannot be encoded: notes are always decoded text.
_CHARACTERS = st.characters(exclude_categories=["Cs"])
_PIECE = st.one_of(
    st.text(_CHARACTERS, max_size=12),
    st.sampled_from(CONTROLS),
    st.sampled_from(FRAGMENTS),
    st.sampled_from(FRAGMENTS).map(lambda f: f + " "),
    st.text("abcdefghij XYZ", min_size=1, max_size=12),
)
hostile_text = st.lists(_PIECE, max_size=40).map("".join)


@cache
def _validator() -> Validator:
    """The validator ``jsonschema.validate`` would build, built once."""
    from episodeparse.schema import episode_schema

    schema = episode_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _check(text: str, path: str | None) -> dict[str, Any]:
    """The three properties: parses, validates, loses no word."""
    record = parse(text, path=path).to_dict()
    _validator().validate(record)
    missing = missing_words(text, record)
    assert not missing, f"words lost: {sorted(missing)[:20]}"
    return record


# -- mutations ------------------------------------------------------------------------


def _units(text: str, *, html: bool) -> tuple[list[str], str]:
    """What a mutation moves: lines of notes, or the tags and text runs of HTML."""
    if html:
        return [u for u in text.replace(">", ">\x1f").split("\x1f") if u], ""
    return text.split("\n"), "\n"


@st.composite
def mutated(draw: st.DrawFn, text: str, html: bool) -> str:
    """``text`` after one to six random edits."""
    units, glue = _units(text, html=html)
    for _ in range(draw(st.integers(1, 6))):
        if not units:
            units = [""]
        i = draw(st.integers(0, len(units) - 1))
        op = draw(st.sampled_from(("delete", "duplicate", "swap", "flatten", "insert")))
        if op == "delete":
            del units[i]
        elif op == "duplicate":
            units.insert(i, units[i])
        elif op == "swap":
            j = draw(st.integers(0, len(units) - 1))
            units[i], units[j] = units[j], units[i]
        elif op == "flatten" and not html:
            # Newlines become runs of spaces, as a mirror or a feed leaves them.
            j = draw(st.integers(i, len(units) - 1))
            gap = " " * draw(st.integers(1, 4))
            units[i : j + 1] = [gap.join(units[i : j + 1])]
        else:
            unit = units[i]
            at = draw(st.integers(0, len(unit)))
            piece = draw(st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(CONTROLS)))
            units[i] = unit[:at] + piece + unit[at:]
    return glue.join(units)


# -- arbitrary text ---------------------------------------------------------------------


@settings(max_examples=TEXT_EXAMPLES)
@given(hostile_text)
def test_arbitrary_text(text: str) -> None:
    _check(text, None)


@settings(max_examples=HTML_EXAMPLES)
@given(hostile_text)
def test_arbitrary_text_read_as_html(text: str) -> None:
    assert _check(text, "notes.html")["source"]["format"] == "html"


# -- mutated fixtures -------------------------------------------------------------------


@pytest.mark.parametrize("notes", NOTES, ids=[p.name for p in NOTES])
@settings(max_examples=FIXTURE_EXAMPLES)
@given(data=st.data())
def test_mutated_fixture(notes: Path, data: st.DataObject) -> None:
    html = notes.suffix == ".html"
    text = data.draw(mutated(notes.read_text(encoding="utf-8"), html), label="notes")
    _check(text, notes.name)


@pytest.mark.parametrize("index", range(len(FEED_ITEMS)), ids=lambda i: f"item{i}")
@settings(max_examples=FIXTURE_EXAMPLES)
@given(data=st.data())
def test_mutated_feed_item_notes(index: int, data: st.DataObject) -> None:
    text = data.draw(mutated(FEED_ITEMS[index], html=True), label="notes")
    _check(text, "item.html")


@settings(max_examples=FEED_EXAMPLES)
@given(data=st.data())
def test_mutated_feed(data: st.DataObject) -> None:
    """A broken feed is one documented error, never a crash; what it yields validates."""
    text = data.draw(mutated(FEED.read_text(encoding="utf-8"), html=False), label="feed")
    try:
        for record in records_from_bytes(text.encode("utf-8"), "feed.xml"):
            _validator().validate(record.to_dict())
    except (InputError, feeds.FeedError, ChapterFormatError):
        pass


# -- text that only starts like a sniffed format ------------------------------------------

LOOKALIKE_EXAMPLES = examples(300)

# Openings the sniffer reads as another format (JSON, a chapters-JSON document, WebVTT,
# FFMETADATA, mp4chaps, XML, a feed, PSC, HTML), some followed by a deep run of brackets
# or tags (issue 20: 2,000 "[" ended convert with a RecursionError).
LOOKALIKE_PREFIXES = [
    "[",
    "{",
    "[" * 2_000,
    "{" * 2_000,
    '{"version": "1.2.0", "chapters": ',
    '{"version": "1.2.0", "chapters": ' + "[" * 5_000,
    '{"version": "1.2.0", "chapters": [' + '{"a": ' * 3_000,
    "WEBVTT\n",
    "WEBVTT\n\n00:00.000 --> ",
    ";FFMETADATA1\n[CHAPTER]\n",
    "00:00:00.000 ",
    '<?xml version="1.0"?>',
    '<?xml version="1.0"?>' + "<a>" * 5_000,
    '<?xml version="1.0"?><rss version="2.0"><channel><item><description>',
    '<?xml version="1.0"?><psc:chapters xmlns:psc="http://podlove.org/simple-chapters">',
    "<html>" + "<div>" * 5_000,
]


@settings(max_examples=LOOKALIKE_EXAMPLES)
@given(st.sampled_from(LOOKALIKE_PREFIXES), hostile_text, st.sampled_from(["notes.txt", None]))
def test_text_that_only_starts_like_a_format(prefix: str, text: str, path: str | None) -> None:
    """A record that validates, or one of the documented errors: never another exception."""
    try:
        records = list(records_from_bytes((prefix + text).encode("utf-8"), path))
    except (InputError, feeds.FeedError, ChapterFormatError):
        return
    for record in records:
        _validator().validate(record.to_dict())
