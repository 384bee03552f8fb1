"""Cues that hold in every language of the cue tables, not only in English: role labels
("Moderation:", "Gast:", "Ospite:"), not only "Host:" and "Guest:"."""

from __future__ import annotations

import pytest

from episodeparse import parse


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("Moderation", "host"),
        ("Moderator", "host"),
        ("Gast", "guest"),
        ("Gäste", "guest"),
        ("Ospite", "guest"),
        ("Presentador", "host"),
    ],
)
def test_a_role_label_in_any_language(label: str, role: str) -> None:
    ep = parse(f"Ein Titel der Folge\n\nEine Folge über Computer.\n\n{label}: Paul Durand\n")
    assert [(p.name, p.role) for p in ep.people] == [("Paul Durand", role)]
    assert not ep.leftovers[1:]


@pytest.mark.parametrize(
    ("line", "people"),
    [
        ("Guests: Maeve Lorne, Colm Hardy", ["Maeve Lorne", "Colm Hardy"]),
        ("Guests: Maeve Lorne, Colm Hardy, Ana Ruiz.", ["Maeve Lorne", "Colm Hardy", "Ana Ruiz"]),
        ("Our guests: Maeve Lorne, Colm Hardy", ["Maeve Lorne", "Colm Hardy"]),
        ("Panelists: Maeve Lorne, Colm Hardy", ["Maeve Lorne", "Colm Hardy"]),
        ("Invitados: Ana Ruiz, Pablo Gil", ["Ana Ruiz", "Pablo Gil"]),
    ],
)
def test_a_role_label_before_names_parted_by_commas_lists_them_all(
    line: str, people: list[str]
) -> None:
    record = parse(f"Episode 4: Cold Water\n\n{line}\n")
    assert [(p.name, p.role) for p in record.people] == [(n, "guest") for n in people]


@pytest.mark.parametrize(
    "line",
    [
        "Guest: Maeve Lorne, Principal Engineer",
        "Guest: Maeve Lorne, Chief Scientist at Seaworks",
        "Guest: Maeve Lorne, Managing Director, Colm Hardy Ltd",
    ],
)
def test_a_job_after_the_comma_is_not_another_guest(line: str) -> None:
    record = parse(f"Episode 4: Cold Water\n\n{line}\n")
    assert [p.name for p in record.people] == ["Maeve Lorne"]
