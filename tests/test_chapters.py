"""Chapter lines in every form the issue names, and times that are not chapters."""

from __future__ import annotations

import pytest

from episodeparse import parse


def chapters(text: str) -> list[tuple[str, int, str]]:
    return [(c.time, c.seconds, c.title) for c in parse(text).chapters]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("[01:12] Intro", ("01:12", 72, "Intro")),
        ("(01:12) Intro", ("01:12", 72, "Intro")),
        ("01:12 Intro", ("01:12", 72, "Intro")),
        ("1:02:03 Deep dive", ("1:02:03", 3723, "Deep dive")),
        ("01:02:03 - Deep dive", ("01:02:03", 3723, "Deep dive")),
        ("[00:10] - Intro", ("00:10", 10, "Intro")),
        ("[00:10] – Intro", ("00:10", 10, "Intro")),
        ("[00:10] — Intro", ("00:10", 10, "Intro")),
        ("00:10: Intro", ("00:10", 10, "Intro")),
        ("00:10 | Intro", ("00:10", 10, "Intro")),
        ("00:00 - 09:24 Intro", ("00:00", 0, "Intro")),
        ("[@02:57] Official updates", ("02:57", 177, "Official updates")),
        ("**[01:50](#t=01:50)** Topic", ("01:50", 110, "Topic")),
        ("- [00:10] [Noria](https://x.test/noria)", ("00:10", 10, "Noria")),
        (
            '[16:05] "Platform is value." - Bill Gates',
            ("16:05", 965, '"Platform is value." - Bill Gates'),
        ),
        ("[03:00] Data (and more) [part 2]", ("03:00", 180, "Data (and more) [part 2]")),
    ],
)
def test_chapter_forms(line: str, expected: tuple[str, int, str]) -> None:
    # Two lines, so that bare times count as a chapter list.
    assert chapters(f"{line}\n[59:00] End")[0] == expected


def test_chapters_run_together_on_one_line() -> None:
    text = "Timestamps: [01:12] Intro [03:23] Next thing [1:05:00] Last (really)"
    assert chapters(text) == [
        ("01:12", 72, "Intro"),
        ("03:23", 203, "Next thing"),
        ("1:05:00", 3900, "Last (really)"),
    ]


def test_time_inside_a_heading() -> None:
    assert chapters("### Opening (0:00~)\ntext\n### Getting started (4:30~)\nmore") == [
        ("0:00", 0, "Opening"),
        ("4:30", 270, "Getting started"),
    ]


def test_chapters_keep_written_order_and_mixed_padding() -> None:
    assert [c[1] for c in chapters("0:00 Intro\n01:45 Second\n01:00 Earlier")] == [0, 105, 60]


@pytest.mark.parametrize(
    "text",
    [
        "We meet at 12:30 we talk about things.\nAnd at 13:00 we stop.",
        "Shot in 16:9 on a phone.",
        "4:20 PM CT following the show\n5:00 PM the after party",
        "[12:75] Not a time\n[99:99] Nor this",
        "1:75:00 Bad minutes",
    ],
)
def test_times_that_are_not_chapters(text: str) -> None:
    assert chapters(text) == []


def test_one_bare_time_in_prose_is_not_a_chapter() -> None:
    assert chapters("Intro line\n10:00 is when it starts, says the host.") == []


def test_markdown_table_of_chapters() -> None:
    text = (
        "| Ch | Start | Title | Runs |\n|----|-------|-------|------|\n"
        "| 01 | 00:00 | Let's talk! | 00:38 |\n| 02 | 00:38 | Sponsor: Fly.io | 02:41 |\n"
    )
    assert chapters(text) == [("00:00", 0, "Let's talk!"), ("00:38", 38, "Sponsor: Fly.io")]


@pytest.mark.parametrize(
    "title", ["Am I a data scientist?", "h-index and you", "PM tools", "AM radio days"]
)
def test_bracketed_titles_that_start_like_clock_words(title: str) -> None:
    assert chapters(f"[02:00] {title}\n[05:00] Next")[0] == ("02:00", 120, title)


def _clean_in_full(title: str) -> str:
    """What ``chapters._clean`` gives, with markup rendered and blanks collapsed always."""
    from episodeparse.extractors.chapters import _BOLD_WRAP
    from episodeparse.normalize import collapse, render_inline

    title = title.strip()
    m = _BOLD_WRAP.match(title) if title.startswith(("**", "__")) else None
    if m:
        title = m.group("t")
    title = collapse(render_inline(title))
    return title.strip(" -–—|").strip() if title[:1] in "-–—|" else title


@pytest.mark.parametrize(
    "title",
    [
        "Intro",
        "Plain words here",
        "two  spaces",
        "tab\there",
        "no\u00a0break",
        "ideographic\u3000space",
        "line\u2028sep",
        "** spaced bold**",
        "**bold **",
        "__under__",
        "snake_case",
        "[Noria](https://x.test/noria)",
        "Q&amp;A",
        "a*b",
        "- Intro",
        "| Intro |",
        "",
    ],
)
def test_clean_keeps_plain_titles_as_the_full_rendering_would(title: str) -> None:
    from episodeparse.extractors.chapters import _clean

    assert _clean(title) == _clean_in_full(title)


@pytest.mark.parametrize(
    "time",
    ["0:00", "01:12", "75:10", "12:60", "1:02:03", "1:75:00", "100:59:59", "00:01:12.999", "٠١:١٢"],
)
def test_seconds_agree_with_time_to_seconds(time: str) -> None:
    from episodeparse.extractors.chapters import _seconds
    from episodeparse.normalize import time_to_seconds

    assert _seconds(time) == time_to_seconds(time)


def test_chapter_patterns_match_as_their_optional_group_forms() -> None:
    """``(?:X|)`` in the chapter patterns is ``(?:X)?``: the same matches, the same groups."""
    import random
    import re

    from episodeparse.extractors.chapters import _CHAPTER_LINE, _TIME_AT_END, _TIME_CELL

    t = r"\d{1,3}:\d{2}(?::\d{2})?(?:\.\d{1,3})?"
    line = re.compile(
        rf"^[ \t]*(?:[-*•·>+][ \t]+)?(?:\*\*|__)?(?P<open>[\[(]?)@?[ \t]?(?P<time>{t})"
        rf"(?P<close>[\])]?)(?:\(\#[^)\s]{{0,40}}\))?(?:\*\*|__)?"
        rf"(?:[ \t]*[-–—~][ \t]*[\[(]?(?P<end>{t})[\])]?)?[ \t]*(?P<sep>[-–—:|.~][ \t]*)?"
        r"(?P<title>\S.*)$"
    )
    at_end = re.compile(rf"^(?P<title>\S.*?)[ \t]*[\[(]@?(?P<time>{t})[ \t]?~?[\])]$")
    cell = re.compile(rf"^{t}$")
    pieces = [*"0123456789:. \t-–—~|*_[]()@#•>+x\n", "**", "__", "12:34", "1:02:03", "(#t=1)"]
    rng = random.Random(7)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))) for _ in range(20000)]
    for text in texts:
        for old, new in ((line, _CHAPTER_LINE), (at_end, _TIME_AT_END), (cell, _TIME_CELL)):
            a, b = old.match(text), new.match(text)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), text


@pytest.mark.parametrize(
    "lines",
    [
        ["Intro (0:00)", "Packaging news (2:15)", "Extras (1:10:40)"],
        ["- Intro (0:00)", "- Packaging news (2:15)", "- Extras (1:10:40)"],
        ["Intro - 0:00", "Packaging news - 2:15", "Extras - 1:10:40"],
        ["Intro — 0:00", "Packaging news — 2:15", "Extras — 1:10:40"],
        ["1. Intro [0:00]", "2. Packaging news [2:15]", "3. Extras [1:10:40]"],
        ["Intro: 0:00", "Packaging news: 2:15", "Extras: 1:10:40"],
        ["0:00 Intro, 2:15 Packaging news, 1:10:40 Extras"],
        ["0:00 Intro | 2:15 Packaging news | 1:10:40 Extras"],
        ["Timestamps: 0:00 Intro 2:15 Packaging news 1:10:40 Extras"],
        ["### 0:00 Intro", "text", "### 2:15 Packaging news", "### 1:10:40 Extras"],
        ["０：００ Intro", "２：１５ Packaging news", "１：１０：４０ Extras"],
        ["0:00：Intro", "2:15：Packaging news", "1:10:40：Extras"],
        ["0:00   Intro", "2:15   Packaging news", "1:10:40   Extras"],
    ],
)
def test_chapter_list_layouts(lines: list[str]) -> None:
    text = "A talk about packaging.\n\n" + "\n".join(lines) + "\n"
    assert [(s, t) for _, s, t in chapters(text)] == [
        (0, "Intro"),
        (135, "Packaging news"),
        (4240, "Extras"),
    ]


def test_non_latin_titles_in_headings() -> None:
    text = "# Ep. 9 Gadgets\n\n### 0:00 思い出ガジェット\n\n### 1:22:35  スマホ歴\n"
    assert chapters(text) == [("0:00", 0, "思い出ガジェット"), ("1:22:35", 4955, "スマホ歴")]


def test_one_heading_that_opens_with_a_time_is_a_chapter() -> None:
    assert chapters("# Title\n\nWe talk.\n\n### 0:00 Neutrinos\n\n- [a](https://a.test)\n") == [
        ("0:00", 0, "Neutrinos")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "We met at 10:30\nand left at 12:00\n",
        "Doors open at 18:00\nTalks start at 19:00\n",
        "9 October: Book signing (16:30)\n10 October: Reading (17:00)\n",
        "We met at 10:30, 11:00 and 12:00 today\n",
        "Dauer: 3:01:30\nLänge: 3:01:30\n",
        "One aside (12:30) in prose.\nA line that ends in a time (4:10)\n",
    ],
)
def test_times_after_words_that_are_not_chapters(text: str) -> None:
    assert chapters(text) == []


def test_one_time_after_a_title_counts_under_a_chapters_heading_only() -> None:
    assert chapters("Chapters\nIntro (0:00)\n") == [("0:00", 0, "Intro")]
    assert chapters("Some words\nIntro (0:00)\n") == []


def test_a_list_with_one_time_out_of_order_keeps_it() -> None:
    text = "Intro (0:00)\nNews (5:00)\nOops (3:00)\nMore (9:00)\nEnd (12:00)\n"
    assert [s for _, s, _ in chapters(text)] == [0, 300, 180, 540, 720]


def test_seconds_read_from_parts_agree_with_time_to_seconds() -> None:
    """_seconds looks its parts up where time_to_seconds reads them: the same value, or
    None, for every shape a chapter time has (other digits than ASCII ones too)."""
    import itertools

    from episodeparse.extractors.chapters import _TIME_CELL, _seconds
    from episodeparse.normalize import time_to_seconds

    for size in (1, 2, 3):
        for first in itertools.product("0159٠", repeat=size):
            for minutes, seconds, ms in itertools.product(
                ("00", "07", "59", "60", "99", "٠٧"), ("00", "59", "60", "٥٥"), ("", ".5")
            ):
                for time in (
                    "".join(first) + f":{minutes}:{seconds}{ms}",
                    "".join(first) + f":{seconds}{ms}",
                ):
                    if _TIME_CELL.match(time):
                        assert _seconds(time) == time_to_seconds(time), time


def test_plain_lines_read_as_the_general_pattern_reads_them() -> None:
    """_plain_chapter, the shortcut for the commonest lines, answers what _match_chapter
    does for every line it answers (and leaves every other line to it)."""
    import itertools

    from episodeparse.extractors.chapters import _match_chapter, _plain_chapter

    opens = ("(", "[", "", "(@", "[ ", "- ", "**[")
    closes = (")", "]", "", ")**")
    times = ("0:00", "00:07", "9:59", "12:60", "100:00", "1:02:03", "01:60:00", "1:02:03.5", "٠:٠٧")
    seps = (" ", " - ", "  ", " -", ": ", " | ", "\t", " – ", "")
    titles = (
        "Intro",
        "Q&A",
        "am I right",
        "PM notes",
        "h",
        "Uhr",
        "A  B",
        "A ",
        "-A",
        "[A](u)",
        "*A*",
        "snake_case",
        "35",
        "4:20 x",
        "Café",
        "A\tB",
        "A\x0bB",
        "(A) [b]",
        "x\u00a0y",
    )
    answered = 0
    for parts in itertools.product(opens, times, closes, seps, titles):
        line = "".join(parts)
        plain = _plain_chapter(line)
        if plain is not None:
            answered += 1
            assert plain == _match_chapter(line, False), line
    assert answered > 100
