"""Titles a show writes in sentence case, and a feed item's notes whose first line is not
the item's title: read as a producer wrote them, nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from episodeparse import parse, parse_feed

PROSE = "\n\nThe two of them invited me to their studio for a long talk about books.\n"


@pytest.mark.parametrize(
    "first_line",
    [
        "A conversation with Ann and Bo from the Example podcast",
        "An interview with the founder of a small bakery",
        "In conversation with two old friends",
        "Entrevista con una científica de datos",
        "Im Gespräch mit einer Bäckerin",
        "Rozmowa z autorką książki",
    ],
)
def test_a_title_that_opens_as_a_conversation_is_a_title_in_any_case(first_line: str) -> None:
    ep = parse(first_line + PROSE)
    assert ep.title == first_line
    assert ep.abstract is not None and first_line not in ep.abstract


def test_a_sentence_case_english_line_without_the_cue_is_still_no_title() -> None:
    assert parse("The boys are back talking stew and taking calls" + PROSE).title is None


FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Some Show</title>
<item><title>{title}</title><guid>g42</guid>
<description><![CDATA[{first}

We talk about the week's news and take your calls for an hour.
]]></description></item></channel></rss>
"""


def test_a_feed_items_first_line_that_is_not_its_title_is_not_lost(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(FEED.format(title="Episode Forty Two", first="Choosing Media That Matters"))
    (ep,) = parse_feed(feed)
    assert ep.title == "Episode Forty Two"
    kept = [ep.abstract or "", *(lo.text for lo in ep.leftovers)]
    assert any("Choosing Media That Matters" in text for text in kept)


def test_a_feed_items_first_line_that_repeats_its_title_is_the_title(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        FEED.format(title="Choosing Media That Matters", first="Choosing Media That Matters")
    )
    (ep,) = parse_feed(feed)
    assert ep.title == "Choosing Media That Matters"
    assert ep.abstract == "We talk about the week's news and take your calls for an hour."
    assert not ep.leftovers


def test_the_first_names_a_conversation_title_gives_are_the_guests_the_notes_name_in_full() -> None:
    ep = parse(
        "A conversation with Ann and Bo from the Example podcast\n\n"
        "Ann Example and Bo Sample invited me to their studio for a talk about books.\n"
    )
    assert [(p.name, p.role) for p in ep.people] == [
        ("Ann Example", "guest"),
        ("Bo Sample", "guest"),
    ]


def test_a_word_after_the_opener_that_the_notes_never_name_in_full_is_nobody() -> None:
    ep = parse("A conversation with Acquired\n\nWe talk about books for an hour.\n")
    assert ep.title == "A conversation with Acquired"
    assert ep.people == ()


def _item_people(tmp_path: Path, title: str, notes: str) -> list[tuple[str, str, str | None]]:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Some Show</title>'
        f"<item><title>{title}</title><description>{notes}</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    (ep,) = parse_feed(feed)
    assert ep.title is not None
    return [(p.name, p.role, p.affiliation) for p in ep.people]


@pytest.mark.parametrize(
    ("title", "guest", "affiliation"),
    [
        ("Mamma Mia with Ann Example (sponsored episode)", "Ann Example", None),
        ("Wild Garbage #2 (with Ann Example)", "Ann Example", None),
        ("Postcards with Ann Example (with audiobook extract!)", "Ann Example", None),
        ("Bad Calls with Ann Example of Example Radio", "Ann Example", "Example Radio"),
        ("The Truth About Rent With Ann Example Of Example Radio", "Ann Example", "Example Radio"),
        ("Street Talk With Ann Example", "Ann Example", None),
    ],
)
def test_a_feed_title_names_its_guest_in_the_forms_titles_take(
    tmp_path: Path, title: str, guest: str, affiliation: str | None
) -> None:
    notes = "Ann Example is back in the studio to take your calls."
    assert _item_people(tmp_path, title, notes) == [(guest, "guest", affiliation)]


@pytest.mark.parametrize(
    "title",
    ["Getting High With Radical Honesty", "Pregnant With A Nike Shoe Box", "Stand With Ann"],
)
def test_a_title_case_with_names_nobody_the_notes_do_not_name(tmp_path: Path, title: str) -> None:
    assert _item_people(tmp_path, title, "We take your calls for an hour.") == []


def test_the_guest_a_feed_title_names_stays_a_guest_when_the_notes_pair_first_names(
    tmp_path: Path,
) -> None:
    notes = (
        "Ann and Bo discuss vampires, witches and magic. Bo Sample is the star of a sitcom."
        " Ann Example would like you to buy her new book."
    )
    people = _item_people(tmp_path, "Vampires with Bo Sample", notes)
    assert ("Bo Sample", "guest", None) in people
    assert all(role != "host" for name, role, _ in people if name.startswith("Bo"))


def test_a_title_case_with_in_a_notes_title_names_a_guest_the_notes_name() -> None:
    ep = parse("Scaling Rust With Ann Example\n\nAnn Example joins us to talk about Rust.\n")
    assert ep.title == "Scaling Rust"
    assert [(p.name, p.role) for p in ep.people] == [("Ann Example", "guest")]


def test_a_title_case_with_in_a_notes_title_names_nobody_the_notes_do_not_name() -> None:
    ep = parse("Getting High With Radical Honesty\n\nWe talk about honesty for an hour.\n")
    assert ep.title == "Getting High With Radical Honesty"
    assert ep.people == ()
