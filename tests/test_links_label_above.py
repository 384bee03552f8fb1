"""Links under a line "Connect with NAME:", "Where to find NAME:" are that person's,
where the notes name them (the name above may be the first name only). Invented names."""

from __future__ import annotations

import pytest

from episodeparse import parse

BIO = "Dr. Maya Chen is a neuroscientist at Stanford University who studies sleep."


@pytest.mark.parametrize("label", ["Connect with Maya:", "Where to find Maya Chen:", "Follow Maya"])
def test_the_links_under_a_connect_line_are_the_named_persons(label: str) -> None:
    notes = (
        f"Episode 1: Sleep\n\n{BIO}\n\n{label}\n"
        "https://twitter.com/mayachen\nhttps://chenlab.example.edu\n"
    )
    record = parse(notes)
    assert [link.person for link in record.links] == ["Maya Chen", "Maya Chen"]


def test_a_connect_line_naming_someone_the_notes_do_not_know_gives_no_person() -> None:
    notes = (
        f"Episode 1: Sleep\n\n{BIO}\n\nConnect with The Sleep Lab:\nhttps://twitter.com/sleeplab\n"
    )
    assert [link.person for link in parse(notes).links] == [None]
