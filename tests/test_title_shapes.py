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
