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
