"""A link's owner in every language of the cue tables: "Suivez Claire sur LinkedIn",
"Sigue a Claire en LinkedIn", not only "Follow Claire on LinkedIn"."""

from __future__ import annotations

import pytest

from episodeparse import parse


@pytest.mark.parametrize(
    "line",
    [
        "Suivez Claire sur LinkedIn : https://www.linkedin.com/in/clairemartin",
        "Folgt Claire auf LinkedIn: https://www.linkedin.com/in/clairemartin",
        "Sigue a Claire en LinkedIn: https://www.linkedin.com/in/clairemartin",
        "Siga Claire no LinkedIn: https://www.linkedin.com/in/clairemartin",
    ],
)
def test_a_link_owner_in_any_language(line: str) -> None:
    ep = parse("Un titre\n\nNous recevons Claire Martin, ingénieure chez Orange.\n\n" + line + "\n")
    assert [(link.person, link.platform) for link in ep.links] == [("Claire Martin", "linkedin")]


@pytest.mark.parametrize(
    "line",
    [
        "Das Buch von Claire Martin: https://example.com/buch",
        "Site da Claire: https://example.com/site",
        "Le site de Claire Martin : https://example.com/site",
        "The website of Claire Martin: https://example.com/site",
    ],
)
def test_a_known_persons_link_by_of_in_any_language(line: str) -> None:
    ep = parse("Un titre\n\nNous recevons Claire Martin, ingénieure chez Orange.\n\n" + line + "\n")
    assert [link.person for link in ep.links] == ["Claire Martin"]


def test_of_an_unknown_name_names_nobody() -> None:
    ep = parse(
        "A Title Here\n\nWe talk about rent.\n\nThe history of New York: https://example.com\n"
    )
    assert [link.person for link in ep.links] == [None]
