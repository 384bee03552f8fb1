"""A job stated later in the notes, under the name the notes then use: "Lee is now a
senior correspondent at The Example" gives Ann Lee's affiliation."""

from __future__ import annotations

import pytest

from episodeparse import parse

OPENING = "Ann Example is a legend in the world of investigative journalism. "


@pytest.mark.parametrize(
    ("later", "affiliation"),
    [
        (
            "Example is now a senior correspondent at The Paper.",
            "senior correspondent at The Paper",
        ),
        ("Ann is the head of research at Acme Labs.", "head of research at Acme Labs"),
        ("Example is a legend in the world of rent.", None),  # praise, no job
        ("Example was a reporter at The Paper.", None),  # a job left
    ],
)
def test_a_job_stated_under_the_surname_or_first_name(later: str, affiliation: str | None) -> None:
    ep = parse("Some Title Here\n\n" + OPENING + later + " We talk with her.\n")
    assert [(p.name, p.affiliation) for p in ep.people] == [("Ann Example", affiliation)]


@pytest.mark.parametrize("blanks", [" ", "  ", "\t", " \t"])
def test_the_first_statement_wins_whatever_blanks_stand_before_is(blanks: str) -> None:
    later = (
        f"Example{blanks}is now a senior correspondent at The Paper. "
        f"Ann{blanks}is the head of research at Acme Labs."
    )
    ep = parse("Some Title Here\n\n" + OPENING + later + " We talk with her.\n")
    assert [p.affiliation for p in ep.people] == ["senior correspondent at The Paper"]


def test_a_name_ending_in_another_word_is_not_the_name() -> None:
    # "Rexample" ends in the surname's letters: it is another word, not "Example".
    later = "Rexample is the head of research at Acme Labs."
    ep = parse("Some Title Here\n\n" + OPENING + later + " We talk with her.\n")
    assert [p.affiliation for p in ep.people] == [None]
