"""People: who the notes name in a role, in order of first mention, with the fullest name."""

from __future__ import annotations

import pytest

from episodeparse import parse
from episodeparse.extractors import read_name


def people(text: str) -> list[tuple[str, str]]:
    return [(p.name, p.role) for p in parse(text).people]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two hosts named by first name, anywhere in the sentence.
        (
            "In this episode of Syntax, Wes and Scott talk about CSS.",
            [("Wes", "host"), ("Scott", "host")],
        ),
        ("Scott and Wes Chat about burnout!", [("Scott", "host"), ("Wes", "host")]),
        # A panel of three.
        (
            "Tim McNamara, Sean Chen and Allen Wyma discuss the news.",
            [("Tim McNamara", "host"), ("Sean Chen", "host"), ("Allen Wyma", "host")],
        ),
        # Two full names: guests, unless the notes make one a host elsewhere.
        (
            "Willem Pienaar and Shreya Shankar discuss evaluation.",
            [("Willem Pienaar", "guest"), ("Shreya Shankar", "guest")],
        ),
        (
            "Mike Neumann and Dr. Tim Jurgensen discuss social media.\n\n-- Mike",
            [("Mike Neumann", "host"), ("Tim Jurgensen", "guest")],
        ),
        (
            "Bonus: co-executive producer Robert McCollum interviews the creators "
            "Steven Walters and Erik Archilla about the history.",
            [("Robert McCollum", "host"), ("Steven Walters", "guest"), ("Erik Archilla", "guest")],
        ),
        (
            "First time guest host, Allen Wyma talks with Daniel, the original author of cURL.",
            [("Allen Wyma", "host"), ("Daniel", "guest")],
        ),
        (
            "Paul van der Boor and Zulkuf Genc from Prosus join Demetrios to talk shop.",
            [("Paul van der Boor", "guest"), ("Zulkuf Genc", "guest"), ("Demetrios", "host")],
        ),
        (
            "Three interviews from RustConf: Jake Shadle on game engines, Yoshua Wuyts on "
            "async, and Stjepan Glavina on crossbeam.",
            [("Jake Shadle", "guest"), ("Yoshua Wuyts", "guest"), ("Stjepan Glavina", "guest")],
        ),
        (
            "An episode on passwords with Senior Rust Developer Andrew Burkhart, delving in.",
            [("Andrew Burkhart", "guest")],
        ),
        ("Graham Krizek - Founder of Voltage", [("Graham Krizek", "guest")]),
        (
            "In this episode, my guest is Dr. Maya Lindqvist, Ph.D., a professor at Northfield.",
            [("Maya Lindqvist", "guest")],
        ),
        (
            "In this episode, Alex Moreno, CTO of Vecstore, joins the show.\n\n"
            "Sean Falconer is the host of Software Engineering Daily.",
            [("Alex Moreno", "guest"), ("Sean Falconer", "host")],
        ),
        (
            "Jerod & Adam are joined by Sam Rivers to discuss YAML.",
            [("Jerod", "host"), ("Adam", "host"), ("Sam Rivers", "guest")],
        ),
        (
            "Adam & Dave discuss the week and we're joined by Sir Brian of London\n\n"
            "I'm Adam Curry in Texas. My friend: Dave Jones!",
            [("Adam Curry", "host"), ("Dave Jones", "host"), ("Sir Brian of London", "guest")],
        ),
    ],
)
def test_roles_from_prose(text: str, expected: list[tuple[str, str]]) -> None:
    assert people(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Starring James Black as Grant and featuring Jeremy Schwartz as Edwin Stanton.",
        "Rustacean Station is a community project run by volunteers.",
        "Three is a lucky number, and Barbie is a movie.",
        "The Rachel Incident by Caroline O'Donoghue is available everywhere now.",
    ],
)
def test_people_merely_mentioned_or_credited_are_not_people(text: str) -> None:
    assert people(text) == []


def test_affiliation_from_an_is_phrase_and_bio_over_paragraphs() -> None:
    ep = parse(
        "David Sankel is a software architect at Stellar Science, working on C++.\n\n"
        "David's research interests include functional programming.\n\n"
        "Links: https://example.org"
    )
    (david,) = ep.people
    assert david.affiliation == "software architect at Stellar Science"
    assert david.bio == (
        "is a software architect at Stellar Science, working on C++.\n"
        "David's research interests include functional programming."
    )
    assert david.aliases == ("David",)


def test_fullest_name_and_spelling_variants_merge() -> None:
    ep = parse(
        "Computers that Think // MLOps Podcast #355 with Zengy Qin, Founder of X\n\n"
        "Zengyi Qin is the Founder of the OpenAGI Foundation, working on models."
    )
    (person,) = ep.people
    assert person.name == "Zengyi Qin"
    assert person.affiliation == "Founder of the OpenAGI Foundation"


def test_affiliations_after_guest_cues_skip_degrees() -> None:
    ep = parse(
        "In this episode, my guest is Dr. Maya Lindqvist, Ph.D., a professor of biology at Yale."
    )
    assert [p.affiliation for p in ep.people] == ["professor of biology at Yale"]
    ep = parse("In this episode, Alex Moreno, CTO of Vecstore, joins the show.")
    assert [p.affiliation for p in ep.people] == ["CTO of Vecstore"]


# Lines inside a paragraph (not leading), each with what a cheap guard in _sentence must
# let through: odd casings that IGNORECASE matches (dotted "İ", dotless "ı", long "ſ",
# the Kelvin sign), non-ASCII text, dashes, nicknames, the shapes of each cue. What each
# finds is what the rules found before the guards were added.
_GUARDED = [
    ("Welcome to the show.\nAnn Lee and Bo Yu DİSCUSS the news.", []),
    (
        "Welcome to the show.\nToday, Ann Lee and Bo Yu diſcuss the news.",
        [("Ann Lee", "guest", None), ("Bo Yu", "guest", None)],
    ),
    (
        "Welcome to the show.\nToday, Ann Lee and Bo Yu dıve into it.",
        [("Ann Lee", "guest", None), ("Bo Yu", "guest", None)],
    ),
    ("Welcome to the show.\nAnn Lee is the HOST of Other Show.", [("Ann Lee", "host", None)]),
    ("Welcome to the show.\nAnn Lee is the hoſt of Other Show.", [("Ann Lee", "host", None)]),
    (
        "Welcome to the show.\nGraham Krizek – Founder of Voltage",
        [("Graham Krizek", "guest", "Founder of Voltage")],
    ),
    ("Welcome to the show.\nToday, Ann and Bo TALK about it.", []),
    ("Welcome to the show.\nAnn Lee joins the show.", [("Ann Lee", "guest", None)]),
    (
        "Welcome to the show.\nAnn Lee and Bo Yu from Acme join Cy to talk.",
        [("Ann Lee", "guest", "Acme"), ("Bo Yu", "guest", "Acme"), ("Cy", "host", None)],
    ),
    (
        "Welcome to the show.\nThis week we talk with Ann Lee, a baker at Kornhaus.",
        [("Ann Lee", "guest", "baker at Kornhaus")],
    ),
    ("Welcome to the show.\nAn episode with special guest Ann Lee.", [("Ann Lee", "guest", None)]),
    (
        "Welcome to the show.\nThree INTERVIEWS from RustFest: Ann Lee on x, Bo Yu on y.",
        [("Ann Lee", "guest", None), ("Bo Yu", "guest", None)],
    ),
    ("Welcome to the show.\nHi, I'm Ann Lee and this is it.", [("Ann Lee", "host", None)]),
    ("Welcome to the show.\nHi, I am Ann Lee and this is it.", [("Ann Lee", "host", None)]),
    ("Welcome to the show.\nSo: Jane Roe, Ann Lee and Bo Yu sit \tdown to chat.", []),
    (
        "Welcome to the show.\nJane Roe, Ann Lee and Bo Yu catch up.",
        [("Jane Roe", "host", None), ("Ann Lee", "host", None), ("Bo Yu", "host", None)],
    ),
    (
        "Welcome to the show.\nThe Ann Lee, Bo Yu & Cy Po explore it.",
        [("Bo Yu", "guest", None), ("Cy Po", "guest", None)],
    ),
    (
        "Welcome to the show.\nAnn Lee (@ann), Bo Yu (@bo) and Cy Po discuss it.",
        [("Ann Lee", "host", None), ("Bo Yu", "host", None), ("Cy Po", "host", None)],
    ),
    (
        'Welcome to the show.\nOluwaseun "Seun" Adebayo and Bo Yu discuss it.',
        [("Oluwaseun Adebayo", "guest", None), ("Bo Yu", "guest", None)],
    ),
    (
        "Welcome to the show.\nToday, Ann Lee and Bo Yu talK about ‘it’.",
        [("Ann Lee", "guest", None), ("Bo Yu", "guest", None)],
    ),
    (
        "Welcome to the show.\nToday, Ann Lee and Bo Yu discuss ‘it’.",
        [("Ann Lee", "guest", None), ("Bo Yu", "guest", None)],
    ),
    ("Welcome to the show.\nToday, Ann Lee and Bo Yu are ta lking.", []),
    # "Hoſt" is "Host" written with a long s: the label says host (it said guest before the
    # labels were read as words of the cues).
    ("Welcome to the show.\nHoſt: Ann Lee", [("Ann Lee", "host", None)]),
    # Full names parted by commas after a label are a list (it gave Ann Lee only before).
    (
        "Welcome to the show.\nGUESTS: Ann Lee, Bo Yu",
        [("Ann Lee", "guest", None), ("Bo Yu", "guest", None)],
    ),
    # "hosted by" within a line names the host (it named nobody before the cue phrases).
    ("Welcome to the show.\n- hosted by Ann Lee (@ann)", [("Ann Lee", "host", None)]),
    (
        "Welcome to the show.\nYour hosts: Ann Lee & Bo Yu",
        [("Ann Lee", "host", None), ("Bo Yu", "host", None)],
    ),
    (
        "Welcome to the show.\nça va, ann lee.\nAnn Lee and Bo Yu discuss it.",
        [("Ann Lee", "guest", None), ("Bo Yu", "guest", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), _GUARDED)
def test_cheap_guards_keep_every_rule(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert [(p.name, p.role, p.affiliation) for p in parse(text).people] == expected


# read_name reads a run of plain capitalised words in one step: where anything after the run
# may go on the name (a particle, a nickname, a word character), it reads word by word.
# What each gives is what the word-by-word reading gave before the step was added.
_NAMES_READ = [
    ("It’s New Year’s Eve", 4, ("It", 2)),
    ("ShowNotes Archive of links", 4, ("ShowNotes Archive", 17)),
    ("Ann Lee", 4, ("Ann Lee", 7)),
    ("Ann Lee talks", 4, ("Ann Lee", 7)),
    ("Ann talks", 4, ("Ann", 3)),
    ("Paul van der Boor and", 4, ("Paul van der Boor", 17)),
    ("Sir Brian of London joins", 4, ("Sir Brian of London", 19)),
    ("Lord Ann of", 4, ("Lord Ann", 8)),
    ('Ann Lee "Al" Smith', 4, ("Ann Lee Smith", 18)),
    ("Ann “Bo” Lee", 4, ("Ann Lee", 12)),
    ("Ann Lee, a baker", 4, ("Ann Lee", 7)),
    ("Ann The Great", 4, ("Ann", 3)),
    ("The Ann", 4, None),
    ("Mr Tim Jones", 4, ("Tim Jones", 12)),
    ("Journalist Grace Medford joins", 4, ("Grace Medford", 24)),
    ("Ann Lee-Smith", 4, ("Ann Lee-Smith", 13)),
    ("Ann Lee's book", 4, ("Ann Lee", 7)),
    ("Ann Lee. Then", 4, ("Ann Lee", 7)),
    ("Ann Lee  \tde la Torre", 4, ("Ann Lee de la Torre", 21)),
    ("Ann Bo Cy Di Ed", 4, None),
    ("Ann Lee_x", 4, ("Ann Lee_x", 9)),
    ("Ann Leé", 4, ("Ann Leé", 7)),
    ("Ann Lee2", 4, ("Ann Lee2", 8)),
    ("Ann Lee (host)", 4, ("Ann Lee", 7)),
    ("Ann deVries", 4, ("Ann", 3)),
    ("Ann vAn Lee", 4, ("Ann vAn Lee", 11)),
    ("Ann Lee\nBo", 4, ("Ann Lee", 7)),
    ("Ann Bo Cy Di", 3, None),
    ("Ann Bo Cy", 3, ("Ann Bo Cy", 9)),
]


@pytest.mark.parametrize(("text", "max_words", "expected"), _NAMES_READ)
def test_read_name_in_one_step_or_word_by_word(
    text: str, max_words: int, expected: tuple[str, int] | None
) -> None:
    assert read_name(text, max_words=max_words) == expected


def people_jobs(text: str) -> list[tuple[str, str, str | None]]:
    return [(p.name, p.role, p.affiliation) for p in parse(text).people]


# Cues many shows use, in many languages (issue 17). Names are invented.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A guest phrase, the guest after a long description closing the sentence.
        (
            "My guest this week is London based  Product Designer, Writer and Maker, "
            "Ines Varga.\n\nWe talk about work.",
            [("Ines Varga", "guest", None)],
        ),
        # "sat down with Dr. NAME, our JOB": the honorific dropped, the apposition a job.
        (
            "This week, I sat down with Dr. Omar Pell, our Director of Research, to discuss "
            "permits.",
            [("Omar Pell", "guest", "Director of Research")],
        ),
        # Other languages: the cue words are data.
        ("Hoy nos acompaña Lucía Ferro para hablar de cine.", [("Lucía Ferro", "guest", None)]),
        ("Unser Gast ist Jana Kluge, sie erzählt vom Imkern.", [("Jana Kluge", "guest", None)]),
        (
            "Il nostro ospite è Marco Bellini e parliamo di vino.",
            [("Marco Bellini", "guest", None)],
        ),
        ("Naszym gościem jest Anna Nowicka.", [("Anna Nowicka", "guest", None)]),
        ("Наш гость Иван Петров рассказывает о музыке.", [("Иван Петров", "guest", None)]),
        ("本期嘉宾：王小明", [("王小明", "guest", None)]),
        # A credit line naming a whole team, joined with the language's "and".
        (
            "Ein schönes Gespräch. Durch die Sendung führten Ada Lind, Bo Berg und Cem Akin.",
            [("Ada Lind", "host", None), ("Bo Berg", "host", None), ("Cem Akin", "host", None)],
        ),
        ("We answer the question. Hosted by Rafe K Dunmore.", [("Rafe K Dunmore", "host", None)]),
        # Who has whom on this episode.
        (
            "On this episode Brad has Ivo Stenner\n\nFollow Ivo on twitter - @ivo",
            [("Brad", "host", None), ("Ivo Stenner", "guest", None)],
        ),
        # "NAME and comic co-host NAME": the first hosts; a lower-case particle inside a name.
        (
            "Happy new year! On this episode, Ada deMarco Lane and comic co-host Bo Pike talk.",
            [("Ada deMarco Lane", "host", None), ("Bo Pike", "co-host", None)],
        ),
        # "Hi, this is NAME of ORG": the host and where they work.
        (
            "Hi, this is Ruth Obi of Obi & Carr in Leeds. We launched a podcast.",
            [("Ruth Obi", "host", "Obi & Carr")],
        ),
        # A job before a full name that a verb follows, in the opening prose: the guest.
        (
            "While psychologist and author Tom Rusk might not share his secrets, he talks.",
            [("Tom Rusk", "guest", "psychologist and author")],
        ),
        # ... but people merely listed after their jobs are not.
        ("Past guests include economist and writer Tom Rusk, and others.", []),
        # Two people described in one paragraph.
        (
            "Ann Mole is the creator of Pkgs, and Bo Lutz heads up data at Forge.",
            [("Ann Mole", "guest", "creator of Pkgs"), ("Bo Lutz", "guest", None)],
        ),
        # A label with nothing after it: the paragraph below opens with the name.
        (
            "Episode Notes\n\nAbout our guest:\n\nIda Brandt is a teacher and speaker.",
            [("Ida Brandt", "guest", "teacher and speaker")],
        ),
        # Japanese: names with an honorific are the guests, the writer (no honorific) hosts.
        (
            "あきさん、ゆきさん、okaで、道具について話しました。",
            [("あき", "guest", None), ("ゆき", "guest", None), ("oka", "host", None)],
        ),
    ],
)
def test_cues_of_any_show(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert people_jobs(text) == expected


def test_host_of_another_show_named_in_the_title_is_a_guest() -> None:
    text = "#7: Ivo Stenner\n\nIvo Stenner is the host of the Stenner Hour, where he reads."
    assert people(text) == [("Ivo Stenner", "guest")]


def test_label_listing_each_guest_after_their_job() -> None:
    text = (
        "Notes\n\nGuests: Ann Lee, Co-Founder of the Acme Project and Bolt, "
        "and Bo Yu, Special Agent at the Tax Office"
    )
    assert people(text) == [("Ann Lee", "guest"), ("Bo Yu", "guest")]


def test_an_organisation_is_not_a_person() -> None:
    assert people("A talk (featuring Tor Project + the IRS)\n\nWe talk shop.") == []
    assert people("Notes\n\nfeaturing Acme Labs and friends.") == []


def test_credits_and_people_of_the_news_are_not_guests() -> None:
    text = (
        "Trump's CIA director Ivo Lamb after the hearing.\n\n"
        "Thanks to our stage manager Ada Ruiz and sound engineer Bo Kent for it all."
    )
    assert people(text) == []


def test_short_forms_used_as_subject_are_aliases() -> None:
    text = (
        "This week, I sat down with Dr. Richmond Vale, our Head of Safety, to discuss it.\n\n"
        "Rich is the right person for this.\n\n"
        "Hana Lorimer is a legend in the world of radio. As a reporter, Lorimer broke stories."
    )
    found = {p.name: p.aliases for p in parse(text).people}
    assert found["Richmond Vale"] == ("Rich",)
    assert found["Hana Lorimer"] == ("Lorimer",)


def test_a_surname_as_subject_is_an_alias_wherever_a_blank_stands_before_it() -> None:
    # The surname is the longest word of any name here, after ", " or at a line's start.
    text = "Hana Lorimer is a legend in radio. As a reporter, Lorimer broke stories."
    assert {p.name: p.aliases for p in parse(text).people} == {"Hana Lorimer": ("Lorimer",)}
    text = "Hana Lorimer is a legend in radio.\nLorimer \t wrote it all."
    assert {p.name: p.aliases for p in parse(text).people} == {"Hana Lorimer": ("Lorimer",)}
    text = "Hana Lorimer is a legend in radio. As a reporter, Lorimer\twrote it."
    assert {p.name: p.aliases for p in parse(text).people} == {"Hana Lorimer": ("Lorimer",)}
    text = "Hana Lorimer is a legend in radio. As a reporter (Lorimer broke stories)."
    assert {p.name: p.aliases for p in parse(text).people} == {"Hana Lorimer": ()}
    text = "Hana Lorimer is a legend in radio. As a reporter, Lorimer  said so."
    assert {p.name: p.aliases for p in parse(text).people} == {"Hana Lorimer": ("Lorimer",)}
    text = "Hana Lorimer is a legend in radio. As a reporter, Ex-Lorimer said so."
    assert {p.name: p.aliases for p in parse(text).people} == {"Hana Lorimer": ()}


def test_a_surname_of_two_letters_as_subject_is_an_alias() -> None:
    text = "Hana Wu is a legend in radio. As a reporter, Wu broke stories."
    assert {p.name: p.aliases for p in parse(text).people} == {"Hana Wu": ("Wu",)}


def test_praise_is_not_an_affiliation() -> None:
    text = "Hana Lorimer is a legend in the world of radio.\n\nWe talk."
    assert people_jobs(text) == [("Hana Lorimer", "guest", None)]


def test_job_with_a_modifier_before_a_known_name() -> None:
    text = (
        "In this bonus, co-executive producer Warren Fitzhugh interviews Ada Lind.\n\n"
        "Warren Fitzhugh is our host."
    )
    assert people_jobs(text)[0] == ("Warren Fitzhugh", "host", "co-executive producer")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ivo lays out the history. Rep. Tala Gebre discusses the vote. "
            "Journalist Mira Wend and Ola Berg analyze the case.",
            [("Tala Gebre", "guest"), ("Mira Wend", "guest"), ("Ola Berg", "guest")],
        ),
        # A noun after a name in a list of topics is not a verb of the name.
        ("Topics\n\nRust news\n\nHot Namespace talk", []),
        # A verb of several words agrees with the names by its first word.
        (
            "In this episode, Tala Gebre, CISO at Harbor Health, walks us through the breach.",
            [("Tala Gebre", "guest")],
        ),
        ("How did it start? Mira Wend sits down to tell us.", [("Mira Wend", "guest")]),
    ],
)
def test_full_names_that_speak_in_the_episode(text: str, expected: list[tuple[str, str]]) -> None:
    assert people(text) == expected


def test_cue_patterns_open_only_at_a_word() -> None:
    """The patterns that open with a letter then test the word boundary before it find
    what "\\b" then the word finds: nothing inside a word."""
    from episodeparse.extractors import people as module

    assert module._ROLE_BEFORE.search("the ghost Ann Lee") is None
    assert module._ROLE_BEFORE.search("with co-host Ann Lee")["role"] == "co-host"  # type: ignore[index]
    assert module._SELF_INTRO.search("AI'm Ann Lee, AIM Bo") is None
    assert module._SELF_INTRO.search("Hi, I'm Ann Lee") is not None
    assert module._GUEST_CUES.search("newsfeaturing Ann Lee") is None
    found = module._GUEST_CUES.search("Hour. So our guest today is Ann Lee")
    assert found is not None and found.start() == 9


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hi, I'm Tala Gebre, and this is Rivers.", [("Tala Gebre", "host")]),
        ("I'm Tala Gebre. Welcome to Rivers!", [("Tala Gebre", "host")]),
        ("My name is Tala Gebre and I host Rivers.", [("Tala Gebre", "host")]),
        # A topic in a list, not a speaker: "I'm Gonna Throw Up" between two "//".
        (
            "Episode 12: Mail\n\nBig Cars // Boss Who Yelled // I'm Gonna Throw Up // Fan Mail",
            [],
        ),
    ],
)
def test_a_self_introduction_ends_where_the_name_does(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert people(text) == expected
