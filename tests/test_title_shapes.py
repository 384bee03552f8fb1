"""Title lines with a number in other places and a guest beside the title: "Title
(Episode 29)", "Episode 35 with Ann Lee: Title", "Title w/ Ann Lee | Ep. 36",
"Episode 28: Title | Ann Lee". The names are invented."""

from __future__ import annotations

import pytest

from episodeparse import parse


@pytest.mark.parametrize(
    ("line", "title", "episode", "guests"),
    [
        ("Mike Chen on Building Databases (Episode 29)", "Mike Chen on Building Databases", 29, []),
        ("Building Databases [Ep. 29]", "Building Databases", 29, []),
        ("Episode 35 with Sofia Rossi: Galaxies", "Galaxies", 35, ["Sofia Rossi"]),
        ("Galaxies w/ Sofia Rossi | Ep. 36", "Galaxies", 36, ["Sofia Rossi"]),
        ("Episode 28: Heat | Maya Singh", "Heat", 28, ["Maya Singh"]),
        ("Episode 27: Heat with Maya Singh", "Heat", 27, ["Maya Singh"]),
        ("#26 - Heat w/ Maya Singh", "Heat", 26, ["Maya Singh"]),
    ],
)
def test_a_numbered_title_line_gives_title_number_and_guests(
    line: str, title: str, episode: int, guests: list[str]
) -> None:
    record = parse(f"{line}\n\nWe discuss the sky and what it holds.\n")
    assert (record.title, record.episode, record.podcast) == (title, episode, None)
    assert [p.name for p in record.people if p.role == "guest"] == guests


@pytest.mark.parametrize(
    "welcome",
    [
        "Welcome to The Clock Show with your host Liam Brown!",
        "Welcome to The Clock Show, the podcast about time.",
        "Welcome to The Clock Show where we talk about time.",
        "Welcome to The Clock Show hosted by Liam Brown.",
    ],
)
def test_the_show_welcomed_to_ends_before_its_host(welcome: str) -> None:
    record = parse(f"Episode 58: Clocks\n\n{welcome} Today we talk about clocks.\n")
    assert record.podcast == "The Clock Show"


def test_a_title_line_cut_by_pipes_ending_with_the_show_and_its_number() -> None:
    record = parse(
        "Sleep, Memory and Dreams | Dr. Maya Chen | The Mind Show #212\n\n"
        "We talk about sleep with Maya Chen.\n"
    )
    assert (record.title, record.episode, record.series) == (
        "Sleep, Memory and Dreams",
        212,
        "The Mind Show",
    )
    assert [(p.name, p.role) for p in record.people] == [("Maya Chen", "guest")]


@pytest.mark.parametrize(
    ("line", "title", "episode", "guests"),
    [
        ("#478 – Ann Lee: The Future of Clocks", "The Future of Clocks", 478, ["Ann Lee"]),
        ("Ep. 12 | Ann Lee — The Future of Clocks", "The Future of Clocks", 12, ["Ann Lee"]),
        ("E12: The Future of Clocks (with Ann Lee)", "The Future of Clocks", 12, ["Ann Lee"]),
        ("Episode 12: The Future of Clocks ft. Ann Lee", "The Future of Clocks", 12, ["Ann Lee"]),
        ("Season 3, Episode 12: The Future of Clocks", "The Future of Clocks", 12, []),
    ],
)
def test_a_guest_written_around_a_numbered_title(
    line: str, title: str, episode: int, guests: list[str]
) -> None:
    record = parse(f"{line}\n\nThe workshop of Ann Lee is in Bern.\n")
    assert (record.title, record.episode, record.podcast) == (title, episode, None)
    assert [p.name for p in record.people if p.role == "guest"] == guests


def test_a_title_naming_a_topic_before_its_colon_keeps_it() -> None:
    # "Machine Learning" reads as a name, but the notes name no one so.
    record = parse("#12: Machine Learning: The Basics\n\nWe cover the basics of training.\n")
    assert record.title == "Machine Learning: The Basics"
    assert record.people == ()


@pytest.mark.parametrize(
    ("line", "title", "guest"),
    [
        (
            "Episodio 12: El futuro de los relojes, con Ana López",
            "El futuro de los relojes",
            "Ana López",
        ),
        ("Folge 12: Die Zukunft der Uhren mit Jan Berg", "Die Zukunft der Uhren", "Jan Berg"),
        (
            "Épisode 12 : Le futur des horloges avec Marie Dubois",
            "Le futur des horloges",
            "Marie Dubois",
        ),
        ("Episódio 12: O futuro dos relógios com Ana Souza", "O futuro dos relógios", "Ana Souza"),
    ],
)
def test_a_guest_decoration_in_the_notes_language(line: str, title: str, guest: str) -> None:
    record = parse(f"{line}\n\nTexto.\n")
    assert (record.title, record.episode) == (title, 12)
    assert [(p.name, p.role) for p in record.people] == [(guest, "guest")]


def test_an_html_page_opening_with_a_numbered_h3_and_a_with_line() -> None:
    page = (
        '<div><h3>#112 — The Quiet Web</h3><p><em>with</em> <a href="https://ann.example.com">'
        'Ann Lee</a> and <a href="https://bo.example.com">Bo Yu</a></p>'
        "<p>Ann and Bo join Sam to talk about slow websites.</p></div>"
    )
    record = parse(page)
    assert (record.title, record.episode) == ("The Quiet Web", 112)
    assert [(p.name, p.role) for p in record.people] == [("Ann Lee", "guest"), ("Bo Yu", "guest")]
    assert [link.person for link in record.links] == ["Ann Lee", "Bo Yu"]


def test_prose_under_the_title_heading_opens_the_notes() -> None:
    notes = (
        "# Episode 88: Soil Carbon\n\nPublished March 3, 2024\n\nThis week Dr. Priya Raman,"
        " soil scientist at the Rothwell Institute, joins host Ben Carter to talk about soil.\n"
    )
    record = parse(notes)
    assert [(p.name, p.role, p.affiliation) for p in record.people] == [
        ("Priya Raman", "guest", "soil scientist at the Rothwell Institute"),
        ("Ben Carter", "host", None),
    ]
