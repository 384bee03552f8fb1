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
