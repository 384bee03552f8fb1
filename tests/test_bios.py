"""Bios: the paragraph that opens with a known person's name and a verb is their bio."""

from __future__ import annotations

from episodeparse import parse


def test_bio_under_about_our_guest_in_the_notes_body() -> None:
    text = (
        "Title of the talk\n\nEpisode Notes\n\nKey takeaways:\n\nAbout our guest:\n\n"
        "Ida Brandt is a teacher and speaker. She works from home in Oslo.\n\nLinks:\n"
    )
    person = parse(text).people[0]
    assert (person.name, person.role) == ("Ida Brandt", "guest")
    assert person.bio == "is a teacher and speaker. She works from home in Oslo."
