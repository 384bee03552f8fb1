"""Where a guest is from, written right after their name: "Ann Lee of Acme", "Ann Lee from
Acme" (the organisation as written), whichever cue introduced them."""

from __future__ import annotations

import pytest

from episodeparse import parse


@pytest.mark.parametrize(
    "sentence",
    [
        "This week we talk with Ann Example of Acme Labs about rent.",
        "Our guest is Ann Example from Acme Labs.",
        "Ann Example from Acme Labs joins us to talk about rent.",
        "Joining us is Ann Example of Acme Labs, who talks about rent.",
    ],
)
def test_the_organisation_after_a_guests_name_is_their_affiliation(sentence: str) -> None:
    ep = parse("Some Title Here\n\n" + sentence + "\n")
    assert [(p.name, p.role, p.affiliation) for p in ep.people] == [
        ("Ann Example", "guest", "Acme Labs")
    ]


def test_a_job_apposition_still_wins() -> None:
    ep = parse("Some Title Here\n\nWe talk with Ann Example, CTO of Acme, about rent.\n")
    assert [(p.name, p.affiliation) for p in ep.people] == [("Ann Example", "CTO of Acme")]


@pytest.mark.parametrize(
    ("sentence", "affiliation"),
    [
        ("Our guest is Ann Example (Acme Labs), who talks about rent.", "Acme Labs"),
        ("Our guest is Ann Example (Twitter: @ann), who talks about rent.", None),
        ("Our guest is Ann Example (she/her), who talks about rent.", None),
    ],
)
def test_an_organisation_in_parentheses_after_the_name(
    sentence: str, affiliation: str | None
) -> None:
    ep = parse("Some Title Here\n\n" + sentence + "\n")
    assert [(p.name, p.affiliation) for p in ep.people] == [("Ann Example", affiliation)]


@pytest.mark.parametrize(
    ("sentence", "affiliation"),
    [
        (
            "Neste episódio, conversamos com Ana Souza, pesquisadora da Universidade Federal, "
            "sobre IA.",
            "pesquisadora da Universidade Federal",
        ),
        (
            "Dans cet épisode, nous recevons Claire Martin, ingénieure chez Orange, pour parler.",
            "ingénieure chez Orange",
        ),
        (
            "En este episodio hablamos con Ana López, investigadora en el CSIC, sobre el clima.",
            "investigadora en el CSIC",
        ),
    ],
)
def test_a_job_at_an_organisation_in_other_languages(sentence: str, affiliation: str) -> None:
    ep = parse("Un titre\n\n" + sentence + "\n")
    assert [(p.role, p.affiliation) for p in ep.people] == [("guest", affiliation)]


def test_the_article_before_a_job_is_not_part_of_it_in_any_language() -> None:
    ep = parse("Un títol\n\nAvui parlem amb Diego Example, el creador de la sèrie Venga, a HBO.\n")
    assert [(p.name, p.affiliation) for p in ep.people] == [
        ("Diego Example", "creador de la sèrie Venga")
    ]
