"""Tests for episodeparse.pipeline: what parse() keeps and where. Several were found by the
properties of tests/test_hostile_parse.py and pin the minimal input that broke them."""

from __future__ import annotations

from episodeparse import parse


def test_a_heading_with_nothing_of_its_own_is_left_over() -> None:
    """A heading nobody knows, whose section is empty or was taken by another field, is
    kept as a leftover rather than dropped ("//0A" once vanished)."""
    record = parse("Some prose about things.\n\n## Takeaways and Surprises\n", path="x.md")
    assert [(x.line, x.text) for x in record.leftovers] == [(3, "## Takeaways and Surprises")]
    assert [x.text for x in parse("//0A").leftovers] == ["//0A"]
    chapters = parse("Intro.\n\n## Welcome\n\n- [00:12] Introductions\n", path="x.md")
    assert [x.text for x in chapters.leftovers] == ["## Welcome"]
    assert [c.title for c in chapters.chapters] == ["Introductions"]


def test_a_known_heading_with_nothing_under_it_is_structure() -> None:
    record = parse("Some prose about things.\n\n## Transcript\n", path="x.md")
    assert record.leftovers == ()
    assert record.sections == ()


def test_every_part_of_a_title_line_is_kept() -> None:
    """A part of a "//" title line that is neither the title, a list of names nor the
    series and number is a leftover ("0 // A0" lost "A0"; a typo in a guest's name lost
    the guests)."""
    record = parse("Title // Live from Berlin // Meetup #3: Part two\n\nProse here.")
    assert (record.title, record.series, record.episode) == ("Title", "Meetup", 3)
    assert [(x.line, x.text) for x in record.leftovers] == [
        (1, "Live from Berlin"),
        (1, "Part two"),
    ]
    assert [x.text for x in parse("0 // A0").leftovers] == ["A0"]
    typo = parse("The Future // Michael D[el Balso - Erik Bernhardsson // Coffee Sessions #57")
    assert [x.text for x in typo.leftovers] == ["Michael D[el Balso - Erik Bernhardsson"]


def test_a_bio_opens_with_a_name_only_at_a_word_boundary() -> None:
    """HTML glues "<em>Hana Kobayashi</em>Join": the bio does not start at "Join" (the
    glued word once vanished)."""
    record = parse(
        "<p>Feature Stores // Podcast #73 with Hana Kobayashi, Engineer at Lumenfold.</p>"
        "<p>// Bio</p><p><em>Hana Kobayashi</em>Join the Community today.</p>",
        path="notes.html",
    )
    assert [p.bio for p in record.people] == ["Hana KobayashiJoin the Community today."]


def test_text_after_a_guests_affiliation_is_kept() -> None:
    """A list item that runs on after the name and affiliation keeps the rest as a leftover
    ("Links:- Annelise Voss, ..." joined onto the item above once vanished)."""
    record = parse(
        "Guests:\n- Malik Durant, psychologist at Kestrel University. Links:- Annelise Voss\n"
        "\nTwo years ago.\n"
    )
    assert [(p.name, p.affiliation) for p in record.people] == [
        ("Malik Durant", "psychologist at Kestrel University")
    ]
    assert [(x.line, x.text) for x in record.leftovers[:1]] == [(2, "Links:- Annelise Voss")]
    labelled = parse("Guest: Ann Lee, CEO of Fernhill. She also bakes bread.\n\nMore prose here.")
    assert labelled.people[0].affiliation == "CEO of Fernhill"
    assert [x.text for x in labelled.leftovers[:1]] == ["She also bakes bread"]


def test_a_shows_abbreviation_before_the_number_is_kept() -> None:
    """In "SSH 050: Title" the abbreviation is no field's, so it is a leftover as written,
    with its number ("AA0:0" lost "AA0")."""
    record = parse("# SSH 050: Perfect Plex Setup\n\nWe set up Plex.\n", path="x.md")
    assert (record.title, record.episode) == ("Perfect Plex Setup", 50)
    assert [(x.line, x.text) for x in record.leftovers] == [(1, "SSH 050")]
    assert [x.text for x in parse("AA0:0").leftovers] == ["AA0"]


def test_a_markdown_link_with_a_target_written_wrong_keeps_its_address() -> None:
    """In "[x]([https://...)" and "[x](example.org)" the address is in the target, not the
    label (the chapter title reads "Starship and friends"; the address once vanished)."""
    record = parse("- [@12:05] [Starship]([https://starship.example.rs) and friends", path="x.md")
    assert [(x.url, x.text) for x in record.links] == [("https://starship.example.rs", "Starship")]
    assert [c.title for c in record.chapters] == ["Starship and friends"]
    bare = parse("See [the site](example.org) now.", path="x.md")
    assert [(x.url, x.text) for x in bare.links] == [("example.org", "the site")]
    assert parse("Jump [here](#t=01:50).", path="x.md").links == ()


def test_a_heading_the_sponsor_rule_guessed_keeps_its_other_words() -> None:
    """Both "A0:SPONSOR" and "Where to find Owen:" are headings by a rule, not by known
    words: with nothing under them they are left over ("A0:SPONSOR" once vanished)."""
    assert [x.text for x in parse("A0:SPONSOR").leftovers] == ["A0:SPONSOR"]
    record = parse("Some prose about things.\n\nWhere to find Owen:\n")
    assert [x.text for x in record.leftovers] == ["Where to find Owen:"]
    assert parse("Some prose about things.\n\nToday's Sponsors\n").leftovers == ()


def test_a_date_with_a_control_character_in_it_is_not_read() -> None:
    """dateutil reads "14 M\\x00ay 2023" as 14 May: the date is not as written, and "ay"
    vanished with the taken line."""
    record = parse("Published: 14 M\x00ay 2023\n\nProse about bees.")
    assert record.date is None
    assert [x.text for x in record.leftovers] == ["Published: 14 M\x00ay 2023"]
    assert parse("Published: 14 May 2023\n\nProse about bees.").date == "2023-05-14"


def test_a_second_bio_section_adds_to_the_bio() -> None:
    """Two "// Bio" sections about the only guest: the second no longer replaces the first
    (whose words vanished)."""
    record = parse(
        "Scaling // Shawn Kyzer // Coffee Sessions #116\n// Bio\nYou cannot just buy tools.\n"
        "// Abstract\n// Bio\nShawn is passionate about data.\n"
    )
    assert [p.bio for p in record.people] == [
        "You cannot just buy tools.\nShawn is passionate about data."
    ]


def test_brackets_html_writes_as_text_are_not_markdown_links() -> None:
    """An HTML link whose text holds "[x](url)" is written "[... \\[x\\](url) ...](href)":
    the inner address is text a reader sees, not a link to drop (it once vanished)."""
    record = parse(
        "<p>Intro text about things.</p><p><a href='https://x.org/a'>See [Dev pick]"
        "(https://x.org/stubby) here</a> and more words.</p>",
        path="notes.html",
    )
    assert record.abstract == (
        "Intro text about things.\nSee [Dev pick](https://x.org/stubby) here and more words."
    )


def test_a_second_podcast_line_or_affiliation_that_differs_is_kept() -> None:
    """The first show name and the first affiliation stand; a different second one is a
    leftover instead of vanishing with its line ("M[LOps.community" and "Fernhill S[oftware"
    were lost beside the lines they were copied from)."""
    record = parse(
        "Intro text here.\n\nMLOps.community - A podcast by Demetrios Brinkmann\n"
        "Data Talks - A podcast by Demetrios Brinkmann\n"
    )
    assert record.podcast == "MLOps.community"
    assert [(x.line, x.text) for x in record.leftovers] == [(4, "Data Talks")]
    guests = parse(
        "Guests:\n- Annelise Voss, COO of Fernhill Software\n- Annelise Voss, CTO of Quarry Labs\n"
        "\nTwo years ago.\n"
    )
    assert [(p.name, p.affiliation) for p in guests.people] == [
        ("Annelise Voss", "COO of Fernhill Software")
    ]
    assert [(x.line, x.text) for x in guests.leftovers[:1]] == [(3, "CTO of Quarry Labs")]


def test_a_dated_line_with_other_words_keeps_them() -> None:
    """dateutil reads a date out of "March 3, 2022 0A" and "2022-07-30 in Berlin": the date
    is read, and the line, which holds more than a date, is a leftover ("0A" vanished)."""
    record = parse("Published: March 3, 2022 0A\n\nProse about bees.")
    assert record.date == "2022-03-03"
    assert [x.text for x in record.leftovers] == ["Published: March 3, 2022 0A"]
    berlin = parse("Recorded: 2022-07-30 in Berlin\n\nProse about bees.")
    assert (berlin.date, [x.text for x in berlin.leftovers]) == (
        "2022-07-30",
        ["Recorded: 2022-07-30 in Berlin"],
    )
    plain = parse("Published: Friday, March 3rd, 2022\n\nProse about bees.")
    assert (plain.date, plain.leftovers) == ("2022-03-03", ())


def test_a_bracketed_part_before_the_number_is_kept() -> None:
    """The "[...]" cut out of a series or show name before the number is a leftover
    ("[0A]#0" lost "0A")."""
    record = parse(
        "Agents in Production [Podcast Limited Series] Episode Nine – Training LLMs\n\nProse."
    )
    assert (record.title, record.series) == ("Training LLMs", "Agents in Production")
    assert [x.text for x in record.leftovers] == ["Podcast Limited Series"]
    assert [x.text for x in parse("[0A]#0").leftovers] == ["0A"]


def test_an_aside_beside_a_name_on_a_people_line_is_kept() -> None:
    """Parentheses beside a name hold a handle (a link) or words of their own: those are a
    leftover ("(<![CDATA[@ines_codes)" lost "CDATA"; "(she/her)" lost its words)."""
    record = parse("Hosts: Ann Lee (@annlee) and Bo Yu (she/her)\n\nProse about bees.")
    assert [p.name for p in record.people] == ["Ann Lee", "Bo Yu"]
    assert [x.text for x in record.leftovers] == ["she/her"]
    guest = parse("Guest: Ann Lee, CEO of Fernhill. (she/her)\n\nProse about bees.")
    assert guest.people[0].affiliation == "CEO of Fernhill"
    assert [x.text for x in guest.leftovers] == ["she/her"]


def test_a_second_numbered_part_keeps_its_series_name() -> None:
    """In "Meetup #3 // Live Series #4" the first series stands, the second is a leftover
    ("0#0 // 0A#0" lost "0A")."""
    record = parse("Title // Meetup #3 // Live Series #4\n\nProse about bees.")
    assert (record.title, record.series) == ("Title", "Meetup")
    assert [x.text for x in record.leftovers] == ["Live Series"]
    assert [x.text for x in parse("0#0 // 0A#0").leftovers] == ["0A"]


def test_a_first_name_is_an_alias_only_where_it_stands_outside_the_full_name() -> None:
    from episodeparse.document import Document
    from episodeparse.extractors import Context, PersonDraft
    from episodeparse.pipeline import _first_name_aliases

    def aliases(text: str) -> list[str]:
        ctx = Context(Document(text))
        person = PersonDraft("Ada Lovelace", "guest")
        _first_name_aliases(ctx, [person])
        return list(person.aliases)

    assert aliases("Ada Lovelace and Ada Lovelace again.") == []
    assert aliases("Ada Lovelace, then Ada alone.") == ["Ada"]
    assert aliases("Ada alone, then Ada Lovelace.") == ["Ada"]
    assert aliases("Ada LovelaceAda Lovelace Ada-Lee Ada.") == ["Ada"]
    assert aliases("Ada Lovelace Ada-Lee.") == []


def test_a_line_of_links_ends_the_abstract_and_a_line_with_a_link_does_not() -> None:
    links = "Prose about a thing here.\nMore prose goes on.\n[A](https://a.test) | [B](https://b.test)\n"
    assert parse(links).abstract == "Prose about a thing here.\nMore prose goes on."
    prose = "Prose about a thing here.\nSee [the docs](https://a.test) for more.\n"
    assert parse(prose).abstract == "Prose about a thing here.\nSee the docs for more."
    assert parse("Prose about a thing here.\nhttps://a.test/x\n").abstract == (
        "Prose about a thing here."
    )
