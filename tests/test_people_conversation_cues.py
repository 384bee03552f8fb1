"""Guests introduced by the everyday wordings of a conversation: "we talk to", "we're
talking with", "this episode features", "with special guest", "an interview with",
"Interview: NAME", and a description written before the name ("we speak to Chinese
dissident and artist NAME"). The names are invented."""

from __future__ import annotations

import pytest

from episodeparse import parse


def _people(notes: str) -> list[tuple[str, str]]:
    return [(p.name, p.role) for p in parse(notes).people]


@pytest.mark.parametrize(
    "sentence",
    [
        "In this episode of Sky Talk, we talk to Anna Berg about clouds.",
        "We talked to Anna Berg, a woman who watches clouds.",
        "We're talking with Anna Berg about clouds.",
        "I’m chatting with Anna Berg about clouds.",
        "This episode features Anna Berg, meteorologist at the Weather Office.",
        "With special guest Dr. Anna Berg.",
        "This week, an exclusive interview with Rep. Anna Berg, who watches clouds.",
        "Our conversation with Anna Berg about polar clouds.",
        "This week on the podcast we welcome back Anna Berg.",
        "Anna Berg returns to the show to talk about clouds.",
        "I'm joined by Anna Berg to talk about clouds.",
        "In this episode, I sit down with Dr. Anna Berg, a meteorologist, to discuss clouds.",
        "We read your mail, plus special guest Anna Berg returns.",
    ],
)
def test_a_conversation_cue_introduces_the_guest(sentence: str) -> None:
    assert _people(f"Episode 20: Clouds\n\n{sentence}\n") == [("Anna Berg", "guest")]


def test_an_interview_label_names_the_guest() -> None:
    notes = "Episode 24: Storms\n\nInterview: Priya Natarajan, storm chaser and photographer.\n"
    assert _people(notes) == [("Priya Natarajan", "guest")]


def test_a_description_before_the_name_is_skipped_to_the_name_not_to_a_closing_title() -> None:
    notes = (
        "Episode 8: Flow\n\nWe speak to Chinese dissident and renowned artist Wei Lan about"
        " displaced people and his new documentary, Open Water.\n"
    )
    record = parse(notes)
    assert [(p.name, p.role, p.affiliation) for p in record.people] == [
        ("Wei Lan", "guest", "artist")
    ]


def test_a_cue_with_no_name_after_it_names_nobody() -> None:
    notes = "Episode 9: Mail\n\nWe talk to listeners about their letters, and read Open Water.\n"
    assert _people(notes) == []


def test_on_this_episode_a_host_sits_down_with_a_described_guest() -> None:
    notes = (
        "Episode 34: Planets\n\nOn today's episode, Kim Lee sits down with planetary scientist"
        " Raj Gupta to talk about moons.\n"
    )
    record = parse(notes)
    assert [(p.name, p.role, p.affiliation) for p in record.people] == [
        ("Kim Lee", "host", None),
        ("Raj Gupta", "guest", "scientist"),
    ]


def test_welcome_back_to_the_show_names_nobody() -> None:
    assert _people("Episode 58: Clocks\n\nWelcome back to the show! Today: clocks.\n") == []


@pytest.mark.parametrize(
    ("sentence", "job"),
    [
        ("Dams hold back more than water. Hydrologist Ana Ruiz tells us why.", "Hydrologist"),
        ("This week we speak to radical librarian Ana Ruiz about privacy.", "librarian"),
    ],
)
def test_a_profession_before_a_name_marks_the_guest(sentence: str, job: str) -> None:
    record = parse(f"Episode 72: Dams\n\n{sentence}\n")
    assert [(p.name, p.role, p.affiliation) for p in record.people] == [("Ana Ruiz", "guest", job)]


@pytest.mark.parametrize(
    "sentence",
    [
        "In this interview, Carlos Mendez, CTO of Acme, explains how clocks drift.",
        "Carlos Mendez, the CTO of Acme, explains how clocks drift.",
        "In this episode, Carlos Mendez, CTO of Acme, shares how clocks drift.",
    ],
)
def test_a_job_between_the_speaker_and_the_verb_is_their_affiliation(sentence: str) -> None:
    record = parse(f"Episode 51: Clocks\n\n{sentence}\n")
    assert [(p.name, p.role, p.affiliation) for p in record.people] == [
        ("Carlos Mendez", "guest", "CTO of Acme")
    ]


def test_a_list_of_names_is_no_apposition() -> None:
    record = parse("Episode 51: Clocks\n\nAnn Lee, Bo Yu and Cy Tan discuss clocks today.\n")
    assert [p.affiliation for p in record.people] == [None, None, None]


def test_a_former_title_before_the_name_is_not_part_of_it() -> None:
    notes = (
        "Episode 38: Trials\n\nFormer Senator Liz Harmon, head of the Ethics Committee,"
        " explains what went wrong.\n"
    )
    assert _people(notes) == [("Liz Harmon", "guest")]


def test_a_special_guest_after_the_host_on_one_line() -> None:
    notes = "Episode 50: Rivers\n\nHosted by Liam Brown. Special guest: Anna Berg, ecologist.\n"
    assert _people(notes) == [("Liam Brown", "host"), ("Anna Berg", "guest")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Ann talks to technologist Bo Yu about why the government is slow.",
            [("Ann", "host", None), ("Bo Yu", "guest", "technologist")],
        ),
        (
            "Ana Ruiz conversa con la periodista Marta Gil sobre el clima.",
            [("Ana Ruiz", "host", None), ("Marta Gil", "guest", "periodista")],
        ),
        (
            "Ann Lee talks with Bo Yu about trains.",
            [("Ann Lee", "host", None), ("Bo Yu", "guest", None)],
        ),
        ("Ann Lee has written a book with publisher Acme Books.", []),
    ],
)
def test_a_subject_conversing_with_a_full_name_hosts_them(
    sentence: str, expected: list[tuple[str, str, str | None]]
) -> None:
    record = parse(f"Episode 5: Talks\n\n{sentence}\n")
    assert [(p.name, p.role, p.affiliation) for p in record.people] == expected


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        (
            "Episode 5: Soil\n\nThis week we talk about soil carbon with Ann Lee, soil scientist"
            " at the Rothwell Institute.\n",
            [("Ann Lee", "guest", "soil scientist at the Rothwell Institute")],
        ),
        (
            "Puntata 5: Cucina\n\nIn questa puntata parliamo di cucina con Ana Ruiz.\n\n"
            "Ana Ruiz su Instagram: https://instagram.com/anaruiz\n",
            [("Ana Ruiz", "guest", None)],
        ),
        ("Episode 5: Tech\n\nWe discuss the dangers of working with Big Tech.\n", []),
        (
            "Episode 6: Books\n\nWe talk about dads, rivalries with Kew Gardens and novels.\n",
            [],
        ),
    ],
)
def test_a_topic_then_with_names_the_guest(
    notes: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert [(p.name, p.role, p.affiliation) for p in parse(notes).people] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Host Sarah Vale is joined by author and historian Ben Orly to discuss old maps.",
        "In this episode, host Sarah Vale is joined by author and historian Ben Orly to discuss"
        " the history of maps.",
        "In this episode, Sarah Vale talks with cartographer Ben Orly about old maps.",
    ],
)
def test_a_host_named_after_a_lead_or_a_host_word_converses_with_the_guest(sentence: str) -> None:
    record = parse(f"Episode 31: Maps\n\n{sentence}\n")
    people = [(p.name, p.role) for p in record.people]
    assert people == [("Sarah Vale", "host"), ("Ben Orly", "guest")]


def test_being_joined_by_someone_is_not_a_job() -> None:
    """ "NAME is joined by ...": the words after "is" say who joins, not what NAME does."""
    notes = (
        "Episode 31: Maps\n\nIn this episode, host Sarah Vale is joined by author and historian"
        " Ben Orly to discuss the history of maps.\n"
    )
    jobs = {p.name: p.affiliation for p in parse(notes).people}
    assert jobs.get("Sarah Vale") is None


@pytest.mark.parametrize(
    ("sentence", "guests"),
    [
        ("With guest Maeve Lorne.", ["Maeve Lorne"]),
        ("With guests Maeve Lorne and Colm Hardy.", ["Maeve Lorne", "Colm Hardy"]),
        ("We are back, with guests Maeve Lorne and Colm Hardy.", ["Maeve Lorne", "Colm Hardy"]),
    ],
)
def test_with_guest_opens_a_sentence_as_well_as_it_ends_one(
    sentence: str, guests: list[str]
) -> None:
    assert _people(f"Episode 4: Cold Water\n\n{sentence}\n") == [(g, "guest") for g in guests]
