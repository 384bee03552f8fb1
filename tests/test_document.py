"""Reading and cutting notes: encodings, line ends, segments and headings."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from episodeparse.document import Document, InputError, decode, heading_kind, is_boilerplate


@pytest.mark.parametrize(
    "data",
    [
        b"Title\nLine",
        codecs.BOM_UTF8 + b"Title\nLine",
        "Title\nLine".encode("utf-16"),
        "Title\nLine".encode("utf-16-be").join([codecs.BOM_UTF16_BE, b""]),
    ],
)
def test_decode_accepts_utf8_bom_and_utf16(data: bytes) -> None:
    assert decode(data) == "Title\nLine"


def test_decode_names_the_byte_offset_of_bad_utf8() -> None:
    with pytest.raises(InputError, match="byte 3"):
        decode(b"abc\xffdef")


def test_decode_refuses_binary() -> None:
    with pytest.raises(InputError, match="not text"):
        decode(b"PK\x03\x04\x00\x00")


def test_decode_with_an_explicit_encoding() -> None:
    assert decode("café".encode("latin-1"), "latin-1") == "café"


@pytest.mark.parametrize("name", ["idna", "punycode", "rot13", "no-such-codec"])
def test_decode_with_an_encoding_that_reads_no_text_raises_input_error(name: str) -> None:
    # "idna" raised a bare UnicodeError through the library, "punycode" too.
    with pytest.raises(InputError, match=f"^cannot decode as {name}: "):
        decode("café".encode(), name)


def test_records_with_an_encoding_that_reads_no_text_fail_per_input(tmp_path: Path) -> None:
    from episodeparse.inputs import InputFailure, iter_records

    notes = tmp_path / "notes.txt"
    notes.write_text("[00:00] Caf\u00e9\n[01:00] Next\n", encoding="utf-8")
    for name in ("rot13", "idna"):
        (failure,) = iter_records([str(notes)], encoding=name)
        assert isinstance(failure, InputFailure)
        assert failure.message.startswith(f"cannot decode as {name}: ")


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_numbers_are_the_same_for_every_line_end(newline: str) -> None:
    doc = Document(newline.join(["Title", "", "// Abstract", "Text here"]))
    assert [(s.line, s.text) for s in doc.segments] == [
        (1, "Title"),
        (3, "// Abstract"),
        (4, "Text here"),
    ]


def test_unicode_line_separators_do_not_split_lines() -> None:
    doc = Document("one\x85two\u2028three\nfour")
    assert [s.line for s in doc.segments] == [1, 2]


def test_flattened_line_is_cut_at_headings_rules_times_and_links() -> None:
    line = (
        "Series #1 with Ada Lovelace. // Abstract Prose here. // Bio Ada is a mathematician."
        " --------------- ✌️Connect With Us ✌️ ------------- Join our slack: https://x.test/s"
        " Follow us on Twitter: @show Timestamps: [00:10] Intro [01:12] Next"
    )
    doc = Document(line)
    texts = [s.text for s in doc.segments]
    assert texts == [
        "Series #1 with Ada Lovelace.",
        "// Abstract",
        "Prose here.",
        "// Bio",
        "Ada is a mathematician.",
        "--------------- ✌️Connect With Us ✌️ -------------",
        "Join our slack: https://x.test/s",
        "Follow us on Twitter: @show",
        "Timestamps:",
        "[00:10] Intro",
        "[01:12] Next",
    ]
    assert {s.line for s in doc.segments} == {1}
    assert [s.heading for s in doc.segments if s.heading] == [
        "Abstract",
        "Bio",
        "Connect With Us",
        "Timestamps",
    ]


def test_title_line_with_slashes_is_not_cut() -> None:
    doc = Document("The Future // Michael Del Balso - Erik Bernhardsson // Coffee Sessions #57")
    assert len(doc.segments) == 1
    assert doc.segments[0].heading is None


def test_segments_of_one_line_join_back_with_spaces() -> None:
    doc = Document("First sentence.    Second sentence.\nNext line.")
    assert Document.join(doc.segments) == "First sentence. Second sentence.\nNext line."


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("12) item, a\ncontinuation", [(1, "12) item, a continuation")]),
        ("3. item\nmore", [(1, "3. item more")]),
        ("00:00 Intro\nSome prose", [(1, "00:00 Intro"), (2, "Some prose")]),
        ("1234. Not an item\nSome prose", [(1, "1234. Not an item"), (2, "Some prose")]),
    ],
)
def test_a_numbered_item_is_joined_and_a_chapter_line_is_not(
    text: str, lines: list[tuple[int, str]]
) -> None:
    assert [(s.line, s.text) for s in Document(text).segments] == lines


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("// Abstract", "abstract"),
        ("//Bio", "bio"),
        ("Timestamps:", "chapters"),
        ("OUTLINE:", "chapters"),
        ("## Links", "links"),
        ("EPISODE LINKS:", "links"),
        ("### Sponsor ###", "sponsors"),
        ("## Freshbooks - Sponsor", "sponsors"),
        ("## Your hosts", "people"),
        ("// Takeaways", "other"),
    ],
)
def test_headings_are_recognised(heading: str, kind: str) -> None:
    (seg,) = Document(heading).segments
    assert seg.heading is not None
    assert heading_kind(seg.heading) == kind


@pytest.mark.parametrize(
    "line",
    ["Jon's Swan Force link:", "He said: this is fine", "Just a sentence."],
)
def test_ordinary_lines_are_not_headings(line: str) -> None:
    (seg,) = Document(line).segments
    assert seg.heading is None


def test_wrapped_markdown_link_is_joined_onto_its_first_line() -> None:
    doc = Document("- [@10:15] [Kani Rust Verifier\n  Project](https://x.test/k) announcement")
    assert [(s.line, s.text) for s in doc.segments] == [
        (1, "- [@10:15] [Kani Rust Verifier Project](https://x.test/k) announcement")
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Visit the podcast's native language site",
        "Hosted on Acast. See acast.com/privacy for more information.",
        "Learn more about your ad choices. Visit megaphone.fm/adchoices",
        "Learn more about sponsor message choices: podcastchoices.com/adchoices",
        "See omnystudio.com/listener for privacy information.",
        "Get full access to Field Notes at fieldnotes.substack.com/subscribe",
    ],
)
def test_aggregator_and_host_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line", ["Visit our site for the archive.", "Learn more about Rust at rust-lang.org"]
)
def test_ordinary_lines_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    "heading",
    ["Thank you to our sponsors", "Today's sponsors:", "This episode is brought to you by:"],
)
def test_sponsor_headings(heading: str) -> None:
    (seg,) = Document(heading).segments
    assert seg.heading is not None and heading_kind(seg.heading) == "sponsors"


def test_an_unclosed_bracket_does_not_swallow_the_next_lines() -> None:
    doc = Document("[10:15 Notes on the first program\n[25:00] The demo\nstarts at noon")
    assert [s.line for s in doc.segments] == [1, 2, 3]


def test_a_chapter_line_is_not_a_bare_heading() -> None:
    (seg,) = Document("0:00 SPONSOR =").segments
    assert seg.heading is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("(00:43) Sponsor", "sponsors"),  # a time first, but "sponsor" ends the key
        ("[1:00] Our SPONSORS", "sponsors"),
        ("[00:43] Takeaways", None),
        ("(0:00) Links:", None),
        ("+ Links", None),
        ("Timestamps", "chapters"),
        ("EPISODE LINKS:", "links"),
    ],
)
def test_heading_guards_let_through_what_may_head(text: str, kind: str | None) -> None:
    doc = Document(text)
    assert [b.kind for b in doc.sections[1:]] == ([kind] if kind else [])


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("a\tb  c", ["a\tb", "c"]),
        ("x\u00a0\u00a0y", ["x", "y"]),
        ("x [00:10] A [01:12] B", ["x", "[00:10] A", "[01:12] B"]),
        ("x (00:10) A (01:12) B", ["x", "(00:10) A", "(01:12) B"]),
        ("x [00:10] A (01:12) B", ["x", "[00:10] A", "(01:12) B"]),
        (
            "see https://a.test/x Follow https://b.test/y",
            ["see https://a.test/x", "Follow https://b.test/y"],
        ),
        ("see www.a.test Follow @b", ["see www.a.test", "Follow @b"]),
        ("Intro // Links", ["Intro", "// Links"]),
        ("A ---- Links ---- B", ["A", "---- Links ----", "B"]),
        ("(00:10) Intro", ["(00:10) Intro"]),
        # Times run together: cut after a label or a bullet, not in a sentence that holds times.
        (
            "Timestamps: 0:00 Intro 2:15 News 10:40 Extras",
            ["Timestamps:", "0:00 Intro", "2:15 News", "10:40 Extras"],
        ),
        (
            "- 0:00 Intro 01:02:03 News 1:10:40 Extras",
            ["-", "0:00 Intro", "01:02:03 News", "1:10:40 Extras"],
        ),
        (
            "We met at 12:30, left at 13:45 and ate at 14:50 with friends",
            ["We met at 12:30, left at 13:45 and ate at 14:50 with friends"],
        ),
    ],
)
def test_line_guards_let_through_what_may_cut(text: str, pieces: list[str]) -> None:
    assert [s.text for s in Document(text).segments] == pieces


def test_a_wrapped_label_and_a_lazy_list_item_are_joined() -> None:
    doc = Document("[label\ncontinued](https://a.test)\n- item, a\ncontinuation\nnext")
    assert [(s.line, s.text) for s in doc.segments][:2] == [
        (1, "[label continued](https://a.test)"),
        (3, "- item, a continuation next"),
    ]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Zusammenfassung", "abstract"),
        ("## Kapitel", "chapters"),
        ("Capítulos:", "chapters"),
        ("Descripción", "abstract"),
        ("Chapitres", "chapters"),
        ("Sommaire :", "chapters"),
        ("Capitoli", "chapters"),
        ("Rozdziały", "chapters"),
        ("Главы", "chapters"),
        ("Таймкоды:", "chapters"),
        ("目次", "chapters"),
        ("章节", "chapters"),
        ("Enlaces", "links"),
        ("Ссылки", "links"),
        ("About our guest:", "bio"),
    ],
)
def test_heading_words_of_many_languages(heading: str, kind: str) -> None:
    assert heading_kind(heading) == kind


def test_a_heading_word_has_one_kind_in_every_language() -> None:
    from episodeparse import cues
    from episodeparse.document import _KINDS, _heading_key

    kinds: dict[str, set[str]] = {}
    for groups in cues.table("sections").values():
        for kind, words in groups.items():
            for word in words if kind in _KINDS else ():
                kinds.setdefault(_heading_key(word), set()).add(kind)
    clashes = {word: sorted(k) for word, k in kinds.items() if len(k) > 1}
    assert not clashes


@pytest.mark.parametrize("text", ["Kapitel\n0:00 Intro\n", "Главы:\n0:00 Вступление\n"])
def test_a_heading_of_another_language_opens_its_section(text: str) -> None:
    doc = Document(text)
    assert [b.kind for b in doc.sections if b.heading is not None] == ["chapters"]


def test_inline_heading_gate_never_hides_a_heading() -> None:
    """The cheap test before the inline-heading search says no only where the search
    finds nothing: every heading word, in any case, after "//" with or without a blank,
    whole, cut short or run on, in ASCII text and not."""
    import random

    from episodeparse import document

    rng = random.Random(17)
    words = document._INLINE_HEADING_WORDS
    for _ in range(20000):
        word = rng.choice(words)
        cased = "".join(c.upper() if rng.random() < 0.5 else c for c in word)
        body = rng.choice([cased, cased[: rng.randint(1, len(cased))], "Ann Example", cased + "x"])
        text = (
            rng.choice(["", " ", "Title ", "\t", "/", "é "])
            + rng.choice(["//", "// ", "//\t", "//  ", "://", "///"])
            + body
            + rng.choice(["", ":", " x", "s", "1"])
            + rng.choice(["", " // " + rng.choice(words), " // Zed"])
        )
        if document._INLINE_HEADING.search(text) is not None:
            assert document._may_hold_inline_heading(text), text
        whole = document._INLINE_HEADING.match(text)
        if whole is not None and whole.end() == len(text):
            assert document._inline_heading(text) is not None, text


def test_title_line_with_inline_heading_words_after_slashes_is_still_cut() -> None:
    doc = Document("Intro text // ABOUT THIS EPISODE: more words // Ann Example")
    assert [s.text for s in doc.segments][:2] == ["Intro text", "// ABOUT THIS EPISODE:"]


def test_address_ends_are_those_the_search_finds() -> None:
    """_address_ends matches only at "http", "www." and "@": the same ends as a search of
    the whole line, whose matches may hold another opener ("https://x/@b")."""
    import random

    from episodeparse.document import _ADDRESS_END, _address_ends

    pieces = ["http", "s", "://", "www.", "@", "a", "B", " ", ".", "/", "\t", "<", "x@", "é", "_"]
    pieces += ["1", "ww", "htt", "\n"]
    rng = random.Random(3)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        assert _address_ends(text) == [m.end() for m in _ADDRESS_END.finditer(text)], text


def test_run_together_times_after_a_label_of_forty_characters_at_most() -> None:
    """A chapter list run together on one line may follow a label of up to 40 characters
    (its ":" counted); words longer than that before the first time are prose."""
    from episodeparse.document import _run_together_times

    times = "0:00 Intro 2:15 News 10:40 Extras"
    assert _run_together_times("T" * 39 + ": " + times) == [41, 52, 62]
    assert _run_together_times("  " + "T" * 39 + ":   " + times) == [45, 56, 66]
    assert _run_together_times("T" * 40 + ": " + times) == []
    assert _run_together_times("T" * 60 + " " + times) == []
