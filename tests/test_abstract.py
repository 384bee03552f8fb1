"""The abstract: the descriptive prose at the start, or under a description heading, and
where it ends (sponsor reads, credits, calls to action, link lists, disclaimers)."""

from __future__ import annotations

import pytest

from episodeparse import parse

DESCRIPTION = (
    "Ada and Grace talk about compilers, and why the first one took so long to build. "
    "They trace the idea from punched cards to modern languages."
)


def abstract(text: str) -> str | None:
    return parse(text).abstract


def test_prose_at_the_start_with_no_heading() -> None:
    assert abstract(f"{DESCRIPTION}\n\nLinks:\n- https://a.test\n") == DESCRIPTION


@pytest.mark.parametrize(
    "preface",
    [
        "Podcast: Play in new window | Download | Embed",
        "Subscribe: Apple Podcasts | Android | RSS",
        "Originally published at: Compilers -",
        "Episodio patrocinado por la Academia de Ejemplo.",
        "This episode is sponsored by Example Corp.",
    ],
)
def test_lines_before_the_description_are_passed_over(preface: str) -> None:
    assert abstract(f"{preface}\n\n{DESCRIPTION}\n") == DESCRIPTION


def test_a_label_that_opens_a_list_is_not_passed_over() -> None:
    text = "Executive Producers:\n\nSir Example of Nowhere\n\nDame Sample\n"
    assert abstract(text) is None


@pytest.mark.parametrize(
    "after",
    [
        "Check out our sponsors at https://sponsor.test",
        "Thanks to our Patrons Alice Example, Bob Sample",
        "Questions? Comments? Discuss this episode on the forum.",
        "ALL MATERIALS IN THIS PODCAST ARE PROVIDED SOLELY FOR INFORMATIONAL PURPOSES.",
        "Suscríbete a nuestro canal de vídeo: Ejemplo en vídeo",
        "Abonnez-vous au podcast sur votre application préférée.",
        "Produced by Example Studios. Music by Sample Sounds.",
        "Her newsletter, [Heated](https://heated.test/)",
        "Become a maestro of compilers with our course. To find out more, click here.",
        "—",
    ],
)
def test_the_description_ends_before(after: str) -> None:
    assert abstract(f"{DESCRIPTION}\n\n{after}\n\nMore words that follow.\n") == DESCRIPTION


def test_a_sentence_that_ends_with_a_link_stays_in_the_description() -> None:
    line = (
        "Ada and Grace discuss the week's news with a full explanation of [pings](https://p.test/)"
    )
    assert abstract(f"{DESCRIPTION}\n\n{line}\n") == f"{DESCRIPTION}\n{line[:-24]}pings"


def test_a_label_heading_keeps_its_paragraphs() -> None:
    text = (
        f"Episode description\n\n{DESCRIPTION}\n\nA second paragraph of it.\n\nConnect with Ada\n"
    )
    assert abstract(text) == f"{DESCRIPTION}\nA second paragraph of it."


@pytest.mark.parametrize(
    "heading", ["Descripción", "Zusammenfassung", "Résumé :", "Opis", "Описание"]
)
def test_description_headings_of_other_languages(heading: str) -> None:
    text = f"# A title\n\nSomething else first.\n\n## {heading}\n\n{DESCRIPTION}\n"
    assert abstract(text) == DESCRIPTION


def test_a_line_cut_at_a_wide_gap_is_read_whole() -> None:
    text = f"My guest this week is  Ada Example, our director.\n\n{DESCRIPTION}\n"
    assert abstract(text) == f"My guest this week is Ada Example, our director.\n{DESCRIPTION}"
