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


def test_a_bio_paragraph_opening_with_markup_around_the_name() -> None:
    for opening in ("**Ida Brandt** is", "[Ida Brandt](https://example.org/ida) is"):
        text = (
            "Title of the talk\n\nThis week we talk with Ida Brandt about teaching.\n\n"
            f"{opening} a teacher and speaker.\nShe works from home in Oslo.\n\nLinks:\n"
        )
        person = parse(text).people[0]
        assert person.name == "Ida Brandt", opening
        assert person.bio == "is a teacher and speaker.\nShe works from home in Oslo.", opening


def test_a_paragraph_opening_with_another_word_is_no_bio() -> None:
    text = (
        "Title of the talk\n\nThis week we talk with Ida Brandt about teaching.\n\n"
        "Idaho is a state, and Ida Brandt lives there.\n"
    )
    person = parse(text).people[0]
    assert person.name == "Ida Brandt"
    assert person.bio is None
