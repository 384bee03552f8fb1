"""Dates: the episode's date in the forms and languages notes write it."""

from __future__ import annotations

import pytest

from episodeparse import parse
from episodeparse.normalize import find_date, parse_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("31 mayo 2024", "2024-05-31"),
        ("3 de junio de 2024", "2024-06-03"),
        ("1er mars 2023", "2023-03-01"),
        ("31. Mai 2024", "2024-05-31"),
        ("12 października 2022", "2022-10-12"),
        ("5 мая 2021 г.", "2021-05-05"),
        ("14 березня 2020", "2020-03-14"),
        ("7 d'abril de 2021", "2021-04-07"),
        ("20 febbraio 2019", "2019-02-20"),
        ("9 de setembro de 2020", "2020-09-09"),
        ("31 במאי 2024", "2024-05-31"),
        ("03.06.2021", "2021-06-03"),
        ("2024/07/13", "2024-07-13"),
        ("2024年5月31日", "2024-05-31"),
        ("2024년 5월 31일", "2024-05-31"),
        ("Jul 20, 2022", "2022-07-20"),
        ("Freitag, 4. Juni 2021", "2021-06-04"),
    ],
)
def test_written_dates_in_many_languages(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    "text", ["31 mayo", "mayo 2024", "31.13.2021", "30 février 2021", "2024年5月", "1:02:03"]
)
def test_no_date_without_a_whole_valid_day(text: str) -> None:
    assert parse_date(text) is None


def test_find_date_gives_where_the_date_stands() -> None:
    assert find_date("Jul 20, 202234 min") == ("2022-07-20", 0, 12)
    assert find_date("Aufnahme vom 03.06.2021 – Dauer") == ("2021-06-03", 13, 23)
    assert find_date("no date here, 2021") is None


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Publicado: 31 mayo 2024", "2024-05-31"),
        ("Originally aired May 4, 2020", "2020-05-04"),
        ("Veröffentlicht am 4. Juni 2021", "2021-06-04"),
        ("Pubblicato il 20 febbraio 2019", "2019-02-20"),
        ("Opublikowano: 12 października 2022", "2022-10-12"),
    ],
)
def test_labelled_dates_in_many_languages(line: str, iso: str) -> None:
    ep = parse(f"A Title Line\n\nSome description of the episode.\n\n{line}\n")
    assert ep.date == iso
    assert line not in [lo.text for lo in ep.leftovers]  # all date: taken whole


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        # a recording label inside a credits sentence
        (
            "We talk about bees. Aufnahme vom 03.06.2021 – Dauer: 3:01:30 Mit dabei: Ann.",
            "2021-06-03",
        ),
        ("話しました。 (2024/07/13 収録)", "2024-07-13"),
        ("A long talk, recorded on 2 March 2023 in a small studio.", "2023-03-02"),
    ],
)
def test_a_label_inside_a_line(text: str, iso: str) -> None:
    ep = parse(f"Some Title\n\n{text}\n")
    assert ep.date == iso
    assert text.split()[-1] in (ep.abstract or "") + " ".join(lo.text for lo in ep.leftovers)


@pytest.mark.parametrize(
    ("top", "iso"),
    [
        ("Jul 20, 202234 min", "2022-07-20"),  # a player's date glued to the duration
        ("June 28, 2020 9:00 pm", "2020-06-28"),
        ("31 mayo 2024", "2024-05-31"),
    ],
)
def test_a_date_line_at_the_top(top: str, iso: str) -> None:
    ep = parse(f"{top}\n\nA guest talks about magic and public speaking at length.\n")
    assert ep.date == iso


@pytest.mark.parametrize(
    "text",
    [
        "In 2005 we first covered this. On 30 April 2024 the court ruled again.",
        "The book came out on May 4, 2020 and sold well.",
        "This episode originally aired in January, 2016.",
        "Happy 2021! We look at the year ahead.",
    ],
)
def test_a_date_in_prose_without_a_label_is_not_the_episodes(text: str) -> None:
    ep = parse(f"Some Title\n\n{text}\n")
    assert ep.date is None


@pytest.mark.parametrize(
    "line",
    [
        "PUBLISHED: March 3, 2022",  # a label's first letter in upper case
        "-\u00a0Published: March 3, 2022",  # a blank after the bullet that is not " " or a tab
        "**Recorded on** March 3, 2022",
    ],
)
def test_a_labelled_line_is_read_whatever_its_first_character(line: str) -> None:
    """Lines are told from their first character before their first word is read: a label
    after any blank, in any case, is still read."""
    assert parse("Intro\n" + line).date == "2022-03-03"
