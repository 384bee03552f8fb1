"""Export, then import: the same chapters come back, in every format.

On every fixture with chapters (found by glob, so a new fixture is covered), through the
record as ``convert`` reads it; and, with hypothesis, on random chapter lists whose titles
hold what each format must escape. What a format does to a title (see
``episodeparse.chapter_formats``) is applied to the expected side, nothing else:

- podcast-json: nothing; psc: drops what XML 1.0 cannot carry; ffmetadata: a space after a
  final backslash (an ffmpeg quirk).
- webvtt, mp4chaps: one line (line breaks become spaces, the ends trimmed).
- youtube: one line, single spaces, whole seconds; read back by the notes parser.

Times compare in milliseconds where the format writes them (all but youtube); through
the record, whole seconds (the record's ``seconds``) and the milliseconds its ``time``
keeps.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from episodeparse import chapter_formats
from episodeparse.chapter_formats import ChapterFormatError, ChapterList, Mark, psc, youtube
from episodeparse.chapter_formats.record import chapter_ms
from episodeparse.chapter_formats.timeline import one_line
from episodeparse.inputs import iter_records, records_from_bytes
from episodeparse.model import Episode
from episodeparse.schema import episode_schema
from tests.conftest import fixture_notes

FORMATS = sorted(chapter_formats.FORMATS)
EXACT = [f for f in FORMATS if f != "youtube"]  # formats with a reader of their own
WITH_URLS = {"podcast-json", "psc"}
WITH_ENDS = {"podcast-json", "ffmetadata", "webvtt"}


def _ffmetadata_title(title: str) -> str:
    title = title.replace("\x00", "")
    return title + " " if title.endswith("\\") else title


NORMALISE: dict[str, Callable[[str], str]] = {
    "podcast-json": lambda t: t,
    "psc": psc.xml_safe,
    "ffmetadata": _ffmetadata_title,
    "webvtt": lambda t: one_line(t.replace("\x00", "")),
    "mp4chaps": one_line,
    "youtube": youtube.title_line,
}


def _fixture_records() -> list[tuple[str, Episode]]:
    out: list[tuple[str, Episode]] = []
    for path in fixture_notes():
        for record in iter_records([str(path)]):
            if isinstance(record, Episode) and record.chapters:
                item = "" if record.source.item is None else f"#{record.source.item}"
                out.append((f"{path.name}{item}", record))
    return out


FIXTURE_RECORDS = _fixture_records()


def test_there_are_fixtures_with_chapters() -> None:
    assert len(FIXTURE_RECORDS) >= 10
    assert any(r.source.item is not None for _, r in FIXTURE_RECORDS)  # a feed among them


def _read_back(text: str) -> Episode:
    records = list(records_from_bytes(text.encode("utf-8"), "exported"))
    assert len(records) == 1
    return records[0]


def same_start(chapters: ChapterList) -> bool:
    """Two chapters at one time: the formats that write ends refuse them."""
    starts = [m.start_ms for m in chapters.marks]
    return len(set(starts)) < len(starts)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("name", "record"), FIXTURE_RECORDS, ids=[n for n, _ in FIXTURE_RECORDS])
def test_fixture_chapters_survive_every_format(name: str, record: Episode, fmt: str) -> None:
    last = chapter_ms(record.chapters[-1])
    chapters = chapter_formats.from_episode(record, duration_ms=last + 60_000)
    if fmt in ("ffmetadata", "webvtt") and same_start(chapters):
        with pytest.raises(ChapterFormatError, match="two chapters that start at the same time"):
            chapter_formats.write(fmt, chapters)
        return
    back = _read_back(chapter_formats.write(fmt, chapters))
    normalise = NORMALISE[fmt]
    assert [(c.seconds, c.title) for c in back.chapters] == [
        (c.seconds, normalise(c.title)) for c in record.chapters
    ]
    if fmt != "youtube":
        assert [chapter_ms(c) for c in back.chapters] == [m.start_ms for m in chapters.marks]
    if fmt in ("podcast-json", "ffmetadata"):
        assert (back.title, back.podcast if fmt == "podcast-json" else record.podcast) == (
            record.title,
            record.podcast,
        )
    jsonschema.validate(back.to_dict(), episode_schema())


def test_a_chapters_files_url_comes_back_out() -> None:
    chapters = ChapterList(
        (Mark(0, "Intro"), Mark(5000, "Tokio", url="https://tokio.rs/"), Mark(9000, "End"))
    )
    for fmt in sorted(WITH_URLS):
        record = _read_back(chapter_formats.write(fmt, chapters))
        again = chapter_formats.from_episode(record)
        assert [m.url for m in again.marks] == [None, "https://tokio.rs/", None], fmt


# Property tests -------------------------------------------------------------------------

SPECIALS = [
    "=",
    ";",
    "#",
    "\\",
    "\n",
    "\r\n",
    "\r",
    '"',
    "'",
    "-->",
    "&",
    "&amp;",
    "<b>",
    ">",
    "\t",
    "  ",
    "é",
    "日本語",
    "🎙",
    "\u2028",
    "\x85",
    "\xa0",
    "NOTE",
    "[CHAPTER]",
    "00:00:01.000 --> 00:00:02.000",
]
_CHARACTERS = st.characters(blacklist_categories=("Cs", "Cc"))
TITLES = (
    st.lists(
        st.one_of(st.text(_CHARACTERS, min_size=1, max_size=6), st.sampled_from(SPECIALS)),
        min_size=1,
        max_size=8,
    )
    .map("".join)
    .filter(lambda t: bool(t.strip()))
)
URLS = st.none() | st.sampled_from(
    ["https://example.com/", 'https://example.com/?a=1&b="2"', "https://例え.jp/パス"]
)


@st.composite
def chapter_lists(
    draw: st.DrawFn, titles: st.SearchStrategy[str] = TITLES, least: int = 1
) -> ChapterList:
    count = draw(st.integers(least, 10))
    start = draw(st.integers(0, 5_000))
    gaps = draw(st.lists(st.integers(1, 2_000_000), min_size=count - 1, max_size=count - 1))
    starts = [start]
    for gap in gaps:
        starts.append(starts[-1] + gap)
    marks = tuple(Mark(s, draw(titles), draw(URLS)) for s in starts)
    duration = starts[-1] + draw(st.integers(1, 3_600_000))
    return ChapterList(
        marks,
        title=draw(st.none() | TITLES),
        podcast=draw(st.none() | TITLES),
        duration_ms=duration,
    )


def _expected_ends(chapters: ChapterList) -> list[int]:
    starts = [m.start_ms for m in chapters.marks]
    assert chapters.duration_ms is not None
    return [*starts[1:], chapters.duration_ms]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(chapters=chapter_lists(), fmt=st.sampled_from(EXACT))
def test_random_chapters_survive_every_format_with_a_reader(
    chapters: ChapterList, fmt: str
) -> None:
    text = chapter_formats.write(fmt, chapters)
    found = chapter_formats.read(text.encode("utf-8"))
    assert found is not None and found.format == fmt
    assert found.unread == ()
    normalise = NORMALISE[fmt]
    marks = found.chapters.marks
    assert [(m.start_ms, m.title) for m in marks] == [
        (m.start_ms, normalise(m.title)) for m in chapters.marks
    ]
    if fmt in WITH_URLS:
        assert [m.url for m in marks] == [m.url for m in chapters.marks]
    if fmt in ("ffmetadata", "webvtt"):
        assert [m.end_ms for m in marks] == _expected_ends(chapters)
    if fmt == "podcast-json":
        assert marks[-1].end_ms == chapters.duration_ms
        assert (found.chapters.title, found.chapters.podcast) == (
            (chapters.title or "").strip() or None,
            (chapters.podcast or "").strip() or None,
        )
    # Through the record, as convert reads it: whole seconds, trimmed titles.
    record = _read_back(text)
    assert [(c.seconds, c.title) for c in record.chapters] == [
        (m.start_ms // 1000, normalise(m.title).strip()) for m in chapters.marks
    ]
    assert [chapter_ms(c) for c in record.chapters] == [m.start_ms for m in chapters.marks]


# YouTube lines are show notes, read by the notes parser: a title keeps what notes mean as
# text. Left out of its titles: Markdown and HTML ([ ] * _ < &), which the parser renders;
# ":" and "/", which make times and links; and a first word that reads as a clock ("am",
# "PM", "h", "Uhr": "4:20 pm" is not a chapter). A leading "-", which the parser takes for
# the separator, cannot come first because every title starts with a word. A lone line
# with a bare time is prose to the parser ("at 12:30 ..."), so two chapters at least.
_WORD = st.text(
    st.characters(whitelist_categories=("L", "N"), blacklist_characters="_"),
    min_size=1,
    max_size=8,
)
_CLOCK_WORD = re.compile(r"^(?:[ap]\.?m\.?|uhr|h)$", re.IGNORECASE)
_YOUTUBE_SPECIALS = ["=", ";", "#", "\\", "\n", '"', "'", "-->", "!", "?", ",", "é", "日本語"]
YOUTUBE_TITLES = st.builds(
    lambda first, rest: " ".join([first, *rest]),
    _WORD.filter(lambda w: not _CLOCK_WORD.match(w)),
    st.lists(st.one_of(_WORD, st.sampled_from(_YOUTUBE_SPECIALS)), max_size=6),
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(chapters=chapter_lists(YOUTUBE_TITLES, least=2))
def test_random_chapters_survive_youtube_lines(chapters: ChapterList) -> None:
    text = chapter_formats.write("youtube", chapters)
    assert len(text.splitlines()) == len(chapters.marks)
    assert not re.search(r"[\[\]()]", "".join(line.split(" ", 1)[0] for line in text.splitlines()))
    record = _read_back(text)
    assert [(c.seconds, c.title) for c in record.chapters] == [
        (m.start_ms // 1000, youtube.title_line(m.title)) for m in chapters.marks
    ]


def test_property_tests_cover_every_format() -> None:
    assert set(EXACT) | {"youtube"} == set(chapter_formats.FORMATS)
    assert set(NORMALISE) == set(chapter_formats.FORMATS)
