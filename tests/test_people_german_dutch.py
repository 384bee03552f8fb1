"""German and Dutch put the verb before its subject ("In dieser Folge spricht Jan Berg mit
der Uhrmacherin Eva Klein"), and guest cues may have an adverb between them and the name
("Zu Gast ist diesmal NAME", "Mein Gast heute: NAME"). Invented names."""

from __future__ import annotations

import pytest

from episodeparse import parse


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "In dieser Folge spricht Jan Berg mit der Uhrmacherin Eva Klein über Uhren.",
            [("Jan Berg", "host", None), ("Eva Klein", "guest", "Uhrmacherin")],
        ),
        (
            "Heute unterhält sich Jan Berg mit Eva Klein über Uhren.",
            [("Jan Berg", "host", None), ("Eva Klein", "guest", None)],
        ),
        (
            "In deze aflevering praat Jan de Vries met Eva Klein over klokken.",
            [("Jan de Vries", "host", None), ("Eva Klein", "guest", None)],
        ),
    ],
)
def test_the_verb_before_its_subject(
    sentence: str, expected: list[tuple[str, str, str | None]]
) -> None:
    record = parse(f"Folge 42: Uhren\n\n{sentence}\n")
    assert [(p.name, p.role, p.affiliation) for p in record.people] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Zu Gast ist diesmal Eva Klein, Uhrmacherin aus Bern.",
        "Mein Gast heute: Eva Klein. Sie baut Uhren.",
        "Our guest this time: Eva Klein, who builds clocks.",
    ],
)
def test_an_adverb_between_the_guest_cue_and_the_name(sentence: str) -> None:
    record = parse(f"Folge 42: Uhren\n\n{sentence}\n")
    assert [(p.name, p.role) for p in record.people] == [("Eva Klein", "guest")]


def test_a_description_after_the_cue_is_no_adverb() -> None:
    notes = "Ep 4: Books\n\nThis week we're talking to author of Louis and Ann Example Cohen.\n"
    assert "Louis and Ann Example Cohen" not in [p.name for p in parse(notes).people]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Mein Gast heute: Eva Klein. Moderation: Jan Berg",
            [("Eva Klein", "guest"), ("Jan Berg", "host")],
        ),
        (
            "We talk clocks. Host: Jan Berg. Guest: Eva Klein",
            [("Jan Berg", "host"), ("Eva Klein", "guest")],
        ),
        ("We read this in class. Note: Eva Klein wrote it.", []),
    ],
)
def test_a_role_label_opening_a_sentence_inside_a_line(
    line: str, expected: list[tuple[str, str]]
) -> None:
    record = parse(f"Folge 42: Uhren\n\n{line}\n")
    assert [(p.name, p.role) for p in record.people] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Darüber unterhält sich Jan Berg mit seinen Gästen Eva Klein, nibbler und Omar Said.",
        "Our guests are Eva Klein, nibbler and Omar Said.",
    ],
)
def test_a_guest_list_goes_on_past_a_nickname_in_lower_case(sentence: str) -> None:
    record = parse(f"Folge 42: Uhren\n\n{sentence}\n")
    guests = [p.name for p in record.people if p.role == "guest"]
    assert guests == ["Eva Klein", "nibbler", "Omar Said"]


def test_a_lower_case_word_ending_the_list_is_no_nickname() -> None:
    record = parse("Folge 42: Uhren\n\nOur guests are Eva Klein and friends.\n")
    assert [p.name for p in record.people] == ["Eva Klein"]
