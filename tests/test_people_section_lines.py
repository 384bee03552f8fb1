"""A "Guests" section that lists one person a line without bullets, each name opening
its line ("Ann Lee — clockmaker, Acme"). Names are invented."""

from __future__ import annotations

import pytest

from episodeparse import parse


@pytest.mark.parametrize(
    "block",
    [
        "Guests:\nHannah Wells — clockmaker, FogLab\nOmar Haddad — physicist, Atom Lab\n",
        "Guests\nHannah Wells\nOmar Haddad\n",
    ],
)
def test_each_line_of_a_guests_section_names_a_guest(block: str) -> None:
    record = parse(f"Episode 59: Clocks\n\n{block}")
    assert [(p.name, p.role) for p in record.people] == [
        ("Hannah Wells", "guest"),
        ("Omar Haddad", "guest"),
    ]


def test_a_job_line_under_the_name_ends_the_list() -> None:
    notes = (
        "Meetup #3\n\nClocks\n\nIn this episode\n\nAnn  Lee\n\nAnn Lee\n\n"
        "CEO, Lee Research\n\nDr. Ann Lee is a software engineer.\n"
    )
    assert [p.name for p in parse(notes).people] == ["Ann Lee"]


def test_a_paragraph_opening_with_the_name_is_their_bio_and_ends_the_list() -> None:
    notes = (
        "Episode 60: Clocks\n\nGuests:\nHannah Wells, who has built clocks in Bern for thirty"
        " years and now teaches the craft to apprentices.\nOmar Haddad\n"
    )
    people = parse(notes).people
    assert [p.name for p in people] == ["Hannah Wells"]
    assert people[0].bio is not None and people[0].bio.startswith("who has built clocks")
