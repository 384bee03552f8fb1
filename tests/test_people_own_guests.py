""" "A talks with his guests B and C": the one whose guests they are hosts, in the languages
of the cue table (people.json, group own_guests)."""

from __future__ import annotations

import pytest

from episodeparse import parse


@pytest.mark.parametrize(
    "sentence",
    [
        "Darüber unterhält sich Ann Example mit ihren Gästen Bo Beispiel und Cy Muster.",
        "This week Ann Example talks with her guests Bo Beispiel and Cy Muster about rent.",
        "Ann Example conversa com seus convidados Bo Beispiel e Cy Muster sobre aluguel.",
        "Ann Example habla con sus invitados Bo Beispiel y Cy Muster.",
    ],
)
def test_the_guests_owner_hosts(sentence: str) -> None:
    ep = parse("Ein Titel der Folge\n\n" + sentence + "\n")
    assert [(p.name, p.role) for p in ep.people] == [
        ("Ann Example", "host"),
        ("Bo Beispiel", "guest"),
        ("Cy Muster", "guest"),
    ]


def test_without_a_name_before_the_guests_are_still_guests() -> None:
    ep = parse("A title of the episode\n\nWe speak with our guests Bo Beispiel and Cy Muster.\n")
    assert [(p.name, p.role) for p in ep.people] == [
        ("Bo Beispiel", "guest"),
        ("Cy Muster", "guest"),
    ]
