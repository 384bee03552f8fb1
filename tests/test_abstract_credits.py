"""A host's credit after the description ends it, in every language of the cue tables:
"Hosted by NAME.", "Animé par NAME.", "Moderiert von NAME."."""

from __future__ import annotations

import pytest

from episodeparse import parse


@pytest.mark.parametrize(
    "credit",
    ["Hosted by Paul Durand.", "Animé par Paul Durand.", "Moderiert von Paul Durand."],
)
def test_a_credit_after_the_description_is_not_part_of_it(credit: str) -> None:
    description = "In this episode we talk with Claire Martin about computing and rent."
    ep = parse(f"A Title Of The Show\n\n{description}\n\n{credit}\n")
    assert ep.abstract == description
    assert ("Paul Durand", "host") in [(p.name, p.role) for p in ep.people]
