"""The header: title line, series, number, show, people, teaser, dates."""

from __future__ import annotations

import pytest

from episodeparse import parse


@pytest.mark.parametrize(
    ("first_line", "title", "series", "episode"),
    [
        ("Scaling ML // Shawn Kyzer // Coffee Sessions #116", "Scaling ML", "Coffee Sessions", 116),
        ("# SSH 050: Perfect Plex Setup", "Perfect Plex Setup", None, 50),
        ("# #487: Minimum requirements", "Minimum requirements", None, 487),
        ("## Episode 53: Community", "Community", None, 53),
        ("Ep. 12 - Twelve", "Twelve", None, 12),
        ("S2E10: Cincinnatus", "Cincinnatus", None, 10),
        ('## No Agenda Episode 1393 - "Space Wake"', "Space Wake", None, 1393),
    ],
)
def test_title_lines(first_line: str, title: str, series: str | None, episode: int) -> None:
    ep = parse(first_line + "\n\nSome description.")
    assert (ep.title, ep.series, ep.episode) == (title, series, episode)


def test_prose_first_line_is_not_a_title() -> None:
    ep = parse("Joscha Bach is a cognitive scientist. Please support this podcast.")
    assert ep.title is None and ep.episode is None


def test_seed_header_people_and_teaser() -> None:
    ep = parse(
        "Scaling ML // Shawn Kyzer // Coffee Sessions #116\n\n"
        "MLOps Coffee Sessions #116 with Shawn Kyzer, Principal Data Engineer at Thoughtworks "
        "(Spain), Scaling ML co-hosted by Adam Sroka.\n"
        "MLOps.community - A podcast by Demetrios Brinkmann\n"
    )
    people = [(p.name, p.role, p.affiliation) for p in ep.people]
    assert people == [
        ("Shawn Kyzer", "guest", "Principal Data Engineer at Thoughtworks (Spain)"),
        ("Adam Sroka", "co-host", None),
        ("Demetrios Brinkmann", "host", None),
    ]
    assert ep.summary is not None and ep.summary.startswith("MLOps Coffee Sessions #116 with")
    assert ep.podcast == "MLOps.community"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("* Air Date: 2021-07-30", "2021-07-30"),
        ("Published: March 3, 2022", "2022-03-03"),
        ("Recorded on 1 October 2021", "2021-10-01"),
        ("Podcasting 2.0 for October 1st 2021 Episode 56: Rocket", "2021-10-01"),
        ("Date: November 1st", None),
        ("Date: 1:02:03", None),
        ("Date: " + "9" * 40, None),
    ],
)
def test_dates(text: str, date: str | None) -> None:
    assert parse(text).date == date


def test_people_styles() -> None:
    ep = parse(
        "Allen Wyma talks with Jon Gjengset, a software engineer at AWS, about his book.\n\n"
        "Host: Jon Crabtree\n"
    )
    assert [(p.name, p.role, p.affiliation) for p in ep.people] == [
        ("Allen Wyma", "host", None),
        ("Jon Gjengset", "guest", "software engineer at AWS"),
        ("Jon Crabtree", "host", None),
    ]


def test_bio_section_split_per_person_with_aliases() -> None:
    ep = parse(
        "T // Michael Del Balso - Erik Bernhardsson // Coffee Sessions #57\n"
        "// Bio Michael Del Balso Mike is the co-founder of Tecton. "
        "Erik Bernhardsson Erik is currently working on data."
    )
    (mike, erik) = ep.people
    assert mike.bio == "Mike is the co-founder of Tecton."
    assert erik.bio == "Erik is currently working on data."
    assert mike.aliases == ("Mike",) and erik.aliases == ("Erik",)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ('1393: "Space Wake"', ("Space Wake", 1393)),
        ("Cincinnatus | 10", ("Cincinnatus", 10)),
        ("2024: Year in review", ("2024: Year in review", None)),
        ("Big | Small", ("Big | Small", None)),
    ],
)
def test_feed_item_titles(title: str, expected: tuple[str, int | None]) -> None:
    from episodeparse.extractors.header import parse_title_line

    line = parse_title_line(title)
    assert (line.title, line.episode) == expected


def test_a_podcast_by_names_the_host_on_its_own() -> None:
    ep = parse("A podcast by Grace Hopper\n\nToday: compilers.")
    assert [(p.name, p.role) for p in ep.people] == [("Grace Hopper", "host")]
    assert ep.podcast is None


def test_abstract_skips_a_repeated_title_and_a_pseudo_heading() -> None:
    ep = parse('## No Agenda Episode 1393 - "Space Wake"\n\n"Space Wake"\n\nThe real description.')
    assert ep.abstract == "The real description."
    assert parse("# #487: Minimum requirements\n\nShow Intro\n\nSponsored by us!").abstract is None


def test_patterns_match_as_their_word_boundary_forms() -> None:
    """A "\\b" tested after a word's first letter ("E(?<!\\wE)") finds what "\\bE" finds, and
    "\\s(?<!\\s\\s)\\s*" what "(?<!\\s)\\s+" does."""
    import random
    import re

    from episodeparse import cues
    from episodeparse.extractors import header

    show = r"(?P<show>[A-Z][\w.-]*(?:[ \t][A-Z][\w.-]*){0,3})"
    cases = {
        "_NUMBERED": (
            r"(?:\b(?:"
            + "|".join(re.escape(w) for w in cues.words("header", "episode"))
            + r")\.?[ \t]*\#?|\#|第[ \t]?)(?P<num>\d{1,5})(?P<frac>\.\d{1,3})?"
            + "(?:(?<=\\d)["
            + "".join(cues.words("header", "episode_counter"))
            + r"])?(?!\w)[ \t]*(?:[:\-–—|.][ \t]*)?",
            [
                "Episode",
                "Ep",
                "EP",
                "Ep.",
                "Folge",
                "Épisode",
                "Odcinek",
                "Выпуск",
                "第",
                "回",
                "期",
                ".5",
                "#",
                "1",
                "23",
                "xE",
                "_",
                "é",
                " ",
                "\t",
                ":",
                "-",
                "a",
                "É",
                "E",
                "F",
            ],
        ),
        "_SEASON_EPISODE": (
            r"\bS(?P<season>\d{1,3})[ \t]?E(?P<num>\d{1,4})\b[ \t:\-–—|]*",
            ["S", "E", "1", "12", " ", "aS", "_", "é", "-", ":", "x"],
        ),
        "_SEPARATOR": (r"(?<!\s)\s+//\s+", [" ", "\t", "\n", "//", "/", "a", "\xa0", "  "]),
        "_SHOW_THE_PODCAST": (
            rf"\bthe[ \t]+{show}[ \t]+podcasts?['’]?s?[ \t]+\d+(?:st|nd|rd|th)[ \t]+episode\b",
            [
                "the",
                "xthe",
                "éthe",
                " ",
                "Big",
                "Show",
                "podcast",
                "podcasts",
                "'s",
                "’",
                "3",
                "rd",
                "episode",
                "\t",
                "_",
            ],
        ),
    }
    rng = random.Random(3)
    for name, (written, pieces) in cases.items():
        old, new = re.compile(written), getattr(header, name)
        for _ in range(3000):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
            found = [(m.span(), m.groups()) for m in new.finditer(text)]
            assert found == [(m.span(), m.groups()) for m in old.finditer(text)], (name, text)
            assert new.split(text) == old.split(text), (name, text)


@pytest.mark.parametrize(
    "text",
    ["Civic Code Podcast", "Civic Code Show\n", "Big Radio", "Civic Code Podcast.", "The Show x"],
)
def test_show_line_guard_lets_through_every_line_the_pattern_matches(text: str) -> None:
    from episodeparse.extractors.header import _SHOW_LINE, _SHOW_LINE_END

    assert _SHOW_LINE.match(text) is None or text.endswith(_SHOW_LINE_END)


@pytest.mark.parametrize(
    "text",
    [
        "A podcast by Alice Lovelace",
        "Show - an  podcast from Bob Smith",
        "Show | A\tpodcast\thosted\tby Carol",
        "a podcast  hosted by Dan Stone",
        "A PODCAſT BY Eve Li",
    ],
)
def test_podcast_by_guard_lets_through_every_line_the_pattern_matches(text: str) -> None:
    from episodeparse.extractors.header import _PODCAST_BY, _may_say_a_podcast_by

    folded = text.lower() if text.isascii() else text.casefold()
    assert _PODCAST_BY.match(text) is not None
    assert _may_say_a_podcast_by(text, folded)


def test_name_list_split_and_separator_guard_as_the_patterns_written_before() -> None:
    """``_NAME_LIST_SPLIT`` cuts where "(?<!\\s)\\s+(?:-|–|—|&|and|\\+)\\s+|,\\s*(?:and\\s+)?"
    does, and ``_blank_before_slashes`` lets through each line ``_SEPARATOR`` matches."""
    import random
    import re

    from episodeparse.extractors.header import (
        _NAME_LIST_SPLIT,
        _SEPARATOR,
        _blank_before_slashes,
    )

    old = re.compile(r"(?<!\s)\s+(?:-|–|—|&|and|\+)\s+|,\s*(?:and\s+)?")
    pieces = [" ", "  ", "\t", "\xa0", "-", "–", "&", "and", "+", ",", "a", "B", "//", "/", "\n"]
    rng = random.Random(9)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert _NAME_LIST_SPLIT.split(text) == old.split(text), text
        assert _SEPARATOR.search(text) is None or _blank_before_slashes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "In this episode of Big Show, we talk",
        "On  this\tepisode of The X.",
        "Big Show is a podcast about things",
        "A.B-c D is  a community\tproject",
    ],
)
def test_show_named_guards_let_through_lines_the_patterns_match(text: str) -> None:
    from episodeparse.extractors.header import _show_named

    assert _show_named(text) is not None


def test_a_chapter_after_a_number_line_is_not_the_title() -> None:
    ep = parse("Episode 487\n\n00:00 Intro\n02:15 Packaging news\n10:40 Extras\n")
    assert (ep.title, ep.episode) == (None, 487)


@pytest.mark.parametrize(
    ("first_line", "title", "episode"),
    [
        ("Seg124 Zankapfel-Honig", "Zankapfel-Honig", 124),  # a show code glued to the number
        ("# Ep. 63.5 Straying into the Fog", "Straying into the Fog", None),  # not an integer
        ("Odcinek 12: Nowe narzędzia", "Nowe narzędzia", 12),
        ("Выпуск 7 - Новые идеи", "Новые идеи", 7),
        ("第12回 新しいツール", "新しいツール", 12),
        ("Talent & Innovation | Ann Example | Episode 147", "Talent & Innovation", 147),
    ],
)
def test_numbered_title_forms(first_line: str, title: str, episode: int | None) -> None:
    ep = parse(first_line + "\n\nThe guest talks about tools and how they came to be.\n")
    assert (ep.title, ep.episode) == (title, episode)


def test_a_guest_after_a_bar_in_the_title_line_is_a_guest() -> None:
    ep = parse("Talent & Innovation | Ann Example | Episode 147\n\nA long talk about work.\n")
    assert [(p.name, p.role) for p in ep.people] == [("Ann Example", "guest")]


@pytest.mark.parametrize(
    ("first_line", "title"),
    [
        ("Choosing Media That Matters", "Choosing Media That Matters"),
        ("Los tres pilares de la IA generativa", "Los tres pilares de la IA generativa"),
        ("The One Where We Geek Out with Ann Example", "The One Where We Geek Out"),
        ("Dark Web Is Like a Bad Town (featuring Two Guests)", "Dark Web Is Like a Bad Town"),
        ("Some Show Podcast: Cosmic Queries – New Year", "Cosmic Queries – New Year"),
    ],
)
def test_a_short_first_line_of_its_own_is_the_title(first_line: str, title: str) -> None:
    ep = parse(first_line + "\n\nThe hosts answer questions from listeners for an hour.\n")
    assert ep.title == title
    kept = " ".join(lo.text for lo in ep.leftovers)
    for cut in ("(featuring Two Guests)", "Some Show Podcast:"):
        if cut in first_line:
            assert cut in kept  # a cut decoration is not lost


@pytest.mark.parametrize(
    "first_line",
    [
        "On this episode Ann has Bo Example",  # a sentence opener
        "Scott and Wes chat about burnout!",  # a sentence's end
        "The boys are back talking stew and taking calls",  # sentence case, English
        "Episode Summary",  # a heading
        "00:00 Intro",  # a chapter
        "June 28, 2020 9:00 pm",  # a date
        "CONTENT WARNING: frequent mentions of hard topics",
        "Follow Ann on Twitter - @ann",
    ],
)
def test_a_first_line_that_is_no_title(first_line: str) -> None:
    ep = parse(first_line + "\n\nThe hosts answer questions from listeners for an hour.\n")
    assert ep.title is None


def test_a_wrapped_first_line_is_no_title() -> None:
    ep = parse("Ann Example, Bo Example and Cy Example discuss their\nhighlights of the week.\n")
    assert ep.title is None


@pytest.mark.parametrize(
    ("text", "series", "episode"),
    [
        ("#300: Welcome to episode 300 of our show, another huge milestone this year.", None, 300),
        (
            "Memento #192. El cinema esteticista de un director no busca explicar res.",
            "Memento",
            192,
        ),
    ],
)
def test_a_number_opening_a_paragraph_at_the_top(
    text: str, series: str | None, episode: int
) -> None:
    ep = parse(f"{text}\n\nMore prose follows here.\n")
    assert (ep.series, ep.episode, ep.title) == (series, episode, None)


def test_a_list_number_is_no_episode() -> None:
    ep = parse("Things we liked:\n\n#1: Coffee\n#2: Tea\n")
    assert ep.episode is None


@pytest.mark.parametrize(
    ("sentence", "podcast"),
    [
        (
            "However, on this week’s episode of Night Owls Radio, the two hosts dig in.",
            "Night Owls Radio",
        ),
        ("We talk with her about her career in a special edition of Nightline.", "Nightline"),
        ("In dieser Folge von Zeitfunk, sprechen wir über Bienen.", "Zeitfunk"),
        ("En este episodio de Radio Ficción, hablamos de abejas.", "Radio Ficción"),
        ("In this episode of the series we talk.", None),  # no name after "of"
    ],
)
def test_the_show_named_in_this_episode_of(sentence: str, podcast: str | None) -> None:
    assert parse(f"Some prose first, a sentence.\n\n{sentence}\n").podcast == podcast


@pytest.mark.parametrize(
    "other",
    [
        "Recorded near the Hauptstraße.",  # "ß" is folded to "ss": lines are read one by one
        "Recorded near the main street.",
    ],
)
@pytest.mark.parametrize(
    ("sentence", "podcast"),
    [
        ("In dieser Folge von Zeitfunk, sprechen wir über Bienen.", "Zeitfunk"),
        ("IN THIS EPISODE OF Night Owls, we talk.", "Night Owls"),
        ("[00:00] Welcome to Night Owls, the show.", "Night Owls"),
        ("A podcast by Ann Example", None),
    ],
)
def test_the_show_is_named_on_any_line_whatever_the_others_hold(
    other: str, sentence: str, podcast: str | None
) -> None:
    notes = f"Some prose first, a sentence.\n\n{other}\n\n{sentence}\n"
    assert parse(notes).podcast == podcast
    assert parse(f"{sentence}\n\n{other}\n").podcast == podcast


def test_a_with_decoration_is_cut_and_its_name_is_a_guest() -> None:
    # A lower-case particle with a capital inside ("deExample", as in "deGrasse") is part
    # of a name since the name reader knows such particles: the decoration is not lost,
    # it is the guest.
    ep = parse("Cosmic Queries – New Year with Ann deExample Lee\n\nThe hosts answer questions.\n")
    assert ep.title == "Cosmic Queries – New Year"
    assert [(p.name, p.role) for p in ep.people] == [("Ann deExample Lee", "guest")]


def test_a_long_list_of_topics_parted_by_slashes_names_no_guest() -> None:
    """ "Title // Guest // Series #3" has a guest between its slashes; a run of a dozen
    topics in title case between slashes is a list of topics, not a title line."""
    topics = (
        "Big Cars // Boss Who Yelled // Binging Old Mysteries // Metal Picks // Fan Mail"
        " // Traveling Street Fighters // Outro Song"
    )
    assert parse(f"{topics}\n\nWe read your letters.\n").people == ()
    # Three parts: the guest stands between the title and the show's number.
    seed = parse("Clouds // Ann Lee // Sky Talk #3\n\nWe read your letters.\n")
    assert [(p.name, p.role) for p in seed.people] == [("Ann Lee", "guest")]


@pytest.mark.parametrize(
    ("sentence", "podcast"),
    [
        ("In this episode\tof Night Owls, we talk.", "Night Owls"),  # a tab between the words
        ("In this episode of\tNight Owls, we talk.", "Night Owls"),
        ("In this Episode 3 of Night Owls, we talk.", None),  # no phrase
        ("En el episodio de hoy de Radio Ficción, hablamos.", "Radio Ficción"),
    ],
)
def test_the_show_named_by_a_phrase_with_any_blanks(sentence: str, podcast: str | None) -> None:
    assert parse(f"Some prose first, a sentence.\n\n{sentence}\n").podcast == podcast


def test_each_phrase_of_this_episode_of_is_sought_by_a_cue_it_holds() -> None:
    """A line is read for "in this episode of NAME" only where it holds the tail of a
    phrase ("episode of ") of a cue it holds: each phrase holds a cue whose tails hold
    the phrase's own."""
    from episodeparse.extractors import header

    for phrase in header._THIS_EPISODE_OF:
        tail = " ".join(phrase.split()[-2:]) + " "
        assert any(
            cue in phrase and tail in header._CUE_TAILS[cue] for cue in header._SOUGHT_PIVOT_CUES
        ), phrase


@pytest.mark.parametrize(
    "text",
    [
        "Tea Talks #57 with Ann Example and Bo Sample, The Future",
        "EP. 12 WITH Ann Example",
        "Episode 3 With Ann Example",
        "We start with the basics, step by step.",
        "Deep dive #2",
    ],
)
def test_the_teaser_gate_finds_what_the_pattern_finds(text: str) -> None:
    from episodeparse.extractors import header

    found = header._teaser_in(text)
    expected = header._TEASER.search(text)
    assert (found and found.span()) == (expected and expected.span())
