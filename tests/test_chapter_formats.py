"""Each chapter format: exact output, readers on hand-written files, the errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from episodeparse import chapter_formats
from episodeparse.chapter_formats import (
    ChapterFormatError,
    ChapterList,
    DurationNeeded,
    Mark,
    ffmetadata,
    mp4chaps,
    podcast_json,
    psc,
    webvtt,
    youtube,
)
from episodeparse.chapter_formats.timeline import Unread
from episodeparse.inputs import records_from_bytes
from episodeparse.model import Chapter, Link
from episodeparse.pipeline import parse

THREE = ChapterList(
    (
        Mark(0, "Intro"),
        Mark(72_500, 'Say "hi" & <go> = ; # \\', url="https://example.com/?a=1&b=2"),
        Mark(3_723_004, "Outro"),
    ),
    title="Episode 7",
    podcast="The Show",
    duration_ms=3_800_000,
)


def test_every_format_has_a_writer_and_the_registry_is_complete() -> None:
    assert set(chapter_formats.WRITERS) == set(chapter_formats.FORMATS)
    assert len(chapter_formats.FORMATS) == 6


def test_podcast_json_output() -> None:
    data = json.loads(chapter_formats.write("podcast-json", THREE))
    assert data == {
        "version": "1.2.0",
        "title": "Episode 7",
        "podcastName": "The Show",
        "chapters": [
            {"startTime": 0, "title": "Intro"},
            {
                "startTime": 72.5,
                "title": 'Say "hi" & <go> = ; # \\',
                "url": "https://example.com/?a=1&b=2",
            },
            {"startTime": 3723.004, "endTime": 3800, "title": "Outro"},
        ],
    }
    assert isinstance(data["chapters"][0]["startTime"], int)


def test_podcast_json_without_duration_writes_no_end_and_no_unknown_episode_fields() -> None:
    data = json.loads(podcast_json.write(ChapterList((Mark(0, "A"), Mark(5000, "B")))))
    assert list(data) == ["version", "chapters"]
    assert all("endTime" not in c for c in data["chapters"])


def test_psc_output() -> None:
    assert chapter_formats.write("psc", THREE) == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<psc:chapters version="1.2" xmlns:psc="http://podlove.org/simple-chapters">\n'
        '  <psc:chapter start="00:00:00.000" title="Intro"/>\n'
        '  <psc:chapter start="00:01:12.500" title="Say &quot;hi&quot; &amp; &lt;go&gt; = ; # \\"'
        ' href="https://example.com/?a=1&amp;b=2"/>\n'
        '  <psc:chapter start="01:02:03.004" title="Outro"/>\n'
        "</psc:chapters>\n"
    )


def test_psc_keeps_line_breaks_and_drops_what_xml_cannot_carry() -> None:
    text = psc.write(ChapterList((Mark(0, "a\nb\tc\rd\x00e\x1bf\ufffeg"),)))
    assert 'title="a&#10;b&#9;c&#13;defg"' in text
    found = chapter_formats.read(text.encode())
    assert found is not None
    assert found.chapters.marks[0].title == "a\nb\tc\rdefg"


def test_ffmetadata_output_escapes_and_ends() -> None:
    assert chapter_formats.write("ffmetadata", THREE) == (
        ";FFMETADATA1\n"
        "title=Episode 7\n"
        "[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=72500\ntitle=Intro\n"
        "[CHAPTER]\nTIMEBASE=1/1000\nSTART=72500\nEND=3723004\n"
        'title=Say "hi" & <go> \\= \\; \\# \\\\ \n'
        "[CHAPTER]\nTIMEBASE=1/1000\nSTART=3723004\nEND=3800000\ntitle=Outro\n"
    )


def test_ffmetadata_escapes_line_breaks_and_reads_them_back() -> None:
    text = ffmetadata.write(ChapterList((Mark(0, "one\ntwo\r\nthree;#"),), duration_ms=1000))
    assert "title=one\\\ntwo\\\r\\\nthree\\;\\#\n" in text
    found = chapter_formats.read(text.encode())
    assert found is not None
    assert found.chapters.marks[0].title == "one\ntwo\r\nthree;#"


def test_a_final_backslash_gets_a_space_so_ffmpeg_does_not_swallow_the_next_line() -> None:
    assert ffmetadata.escape("C:\\") == "C:\\\\ "
    assert ffmetadata.escape("a\\b") == "a\\\\b"


@pytest.mark.parametrize("fmt", ["ffmetadata", "webvtt"])
def test_formats_with_ends_need_the_duration(fmt: str) -> None:
    chapters = ChapterList((Mark(0, "A"), Mark(5000, "Last")))
    with pytest.raises(DurationNeeded, match=r"end of the last chapter \('Last' at 00:00:05.000\)"):
        chapter_formats.write(fmt, chapters)
    with pytest.raises(ChapterFormatError, match="not after the start of the last chapter"):
        chapter_formats.write(fmt, ChapterList(chapters.marks, duration_ms=5000))
    same_time = ChapterList((Mark(0, "A"), Mark(0, "B")), duration_ms=9000)
    with pytest.raises(ChapterFormatError, match=r"start at the same time, 00:00:00\.000: 'A'"):
        chapter_formats.write(fmt, same_time)
    overlapping = ChapterList((Mark(0, "A", end_ms=5000), Mark(0, "B")), duration_ms=9000)
    assert chapter_formats.write(fmt, overlapping)  # its own end: A lasts 5 s, B 9 s


def test_a_known_end_of_the_last_chapter_stands_in_for_the_duration() -> None:
    chapters = ChapterList((Mark(0, "A"), Mark(5000, "B", end_ms=8000)))
    assert "END=8000" in ffmetadata.write(chapters)
    assert "00:00:05.000 --> 00:00:08.000" in webvtt.write(chapters)


@pytest.mark.parametrize("fmt", sorted(chapter_formats.FORMATS))
def test_every_writer_refuses_chapters_out_of_time_order(fmt: str) -> None:
    chapters = ChapterList((Mark(60_000, "Late"), Mark(1000, "Early")), duration_ms=90_000)
    with pytest.raises(ChapterFormatError, match=r"not in time order: 'Early' at 00:00:01\.000"):
        chapter_formats.write(fmt, chapters)


def test_webvtt_output_makes_titles_safe_payloads() -> None:
    chapters = ChapterList((Mark(0, "A --> B\n\nC & <b>"), Mark(1500, "D")), duration_ms=2000)
    assert webvtt.write(chapters) == (
        "WEBVTT\n\n"
        "00:00:00.000 --> 00:00:01.500\nA --&gt; B  C &amp; &lt;b&gt;\n\n"
        "00:00:01.500 --> 00:00:02.000\nD\n"
    )


def test_mp4chaps_and_youtube_output() -> None:
    assert mp4chaps.write(THREE).splitlines() == [
        "00:00:00.000 Intro",
        '00:01:12.500 Say "hi" & <go> = ; # \\',
        "01:02:03.004 Outro",
    ]
    assert youtube.write(THREE).splitlines() == [
        "0:00 Intro",
        '1:12 Say "hi" & <go> = ; # \\',
        "1:02:03 Outro",
    ]


def test_youtube_rules() -> None:
    assert youtube.problems(THREE) == []
    short_last = ChapterList(THREE.marks, duration_ms=3_723_004 + 9_000)
    assert youtube.problems(short_last) == [
        "YouTube needs chapters of at least 10 seconds; 'Outro' at 1:02:03 lasts 9 s"
    ]
    late = ChapterList((Mark(1000, "A"), Mark(20_000, "B"), Mark(30_000, "C")))
    assert youtube.problems(late) == [
        "YouTube needs the first chapter at 0:00; the first, 'A', is at 0:01"
    ]
    # Under a second is 0:00 as written: YouTube reads what the line says.
    assert youtube.problems(ChapterList((Mark(999, "A"), *late.marks[1:]))) == []


# Readers --------------------------------------------------------------------------------

SPEC_LIKE_JSON = """{
  "version": "1.2.0",
  "author": "Jo Host",
  "title": "Episode 9 - Progress",
  "podcastName": "Jo's Show",
  "description": "What we did.",
  "chapters": [
    {"startTime": 0, "title": "Intro", "id": "ch1"},
    {"startTime": 168.25, "title": "Hearing aids", "img": "https://example.com/h.jpg"},
    {"startTime": 410, "title": "Namespace", "url": "https://github.com/x", "endTime": 500},
    {"startTime": 4826, "toc": false, "img": "https://example.com/paris.jpg"},
    {"title": "No start"},
    {"startTime": "1:40:00", "title": "As a string", "custom": {"a": 1}}
  ]
}
"""


def test_podcast_json_reader() -> None:
    found = podcast_json.read(SPEC_LIKE_JSON)
    assert found is not None
    chapters = found.chapters
    assert (chapters.title, chapters.podcast, chapters.description) == (
        "Episode 9 - Progress",
        "Jo's Show",
        "What we did.",
    )
    assert chapters.marks == (
        Mark(0, "Intro"),
        Mark(168_250, "Hearing aids"),
        Mark(410_000, "Namespace", "https://github.com/x", 500_000),
        Mark(6_000_000, "As a string"),
    )
    assert found.unread == (
        Unread(3, '"author": "Jo Host"'),
        Unread(9, '"img": "https://example.com/h.jpg"'),
        Unread(11, '{"startTime": 4826, "toc": false, "img": "https://example.com/paris.jpg"}'),
        Unread(12, '{"title": "No start"}'),
        Unread(13, '"custom": {"a": 1}'),
    )


def test_json_that_is_not_a_chapters_file_is_an_error_and_braces_alone_are_notes() -> None:
    with pytest.raises(ChapterFormatError, match='needs "version" and a "chapters" list'):
        chapter_formats.read(b'{"chapters": []}')
    with pytest.raises(ChapterFormatError):
        chapter_formats.read(b"[1, 2]")
    assert chapter_formats.read(b"{Draft} My episode\n[00:10] Intro") is None


def test_a_chapters_file_becomes_a_record() -> None:
    (record,) = records_from_bytes(SPEC_LIKE_JSON.encode(), "ch.json")
    assert record.source.format == "text"
    assert (record.title, record.podcast, record.abstract) == (
        "Episode 9 - Progress",
        "Jo's Show",
        "What we did.",
    )
    assert record.chapters == (
        Chapter("00:00:00", 0, "Intro"),
        Chapter("00:02:48.250", 168, "Hearing aids"),
        Chapter("00:06:50", 410, "Namespace"),
        Chapter("01:40:00", 6000, "As a string"),
    )
    assert record.links == (
        Link("https://github.com/x", None, "Namespace", None, None, "github", "reference"),
    )
    assert [(x.line, x.reason) for x in record.leftovers] == [
        (n, "unrecognized") for n in (3, 9, 11, 12, 13)
    ]


def test_psc_reader_reads_normal_play_time_and_resorts() -> None:
    text = f"""<?xml version="1.0" encoding="utf-8"?>
<!-- chapters of episode 1 -->
<psc:chapters version="1.2" xmlns:psc="{psc.NAMESPACE}" xmlns:x="urn:x">
  <psc:chapter start="3:07" title="Second" href="http://podlove.org/" />
  <psc:chapter start="0" title="First" image="http://example.com/i.png" />
  <psc:chapter start="8:26.250" title="R&#233;sum&#xE9;e &amp; more" />
  <psc:chapter start="01:35:52" title="Late"/>
  <psc:chapter start="soon" title="Broken"/>
  <x:note>kept</x:note>
</psc:chapters>
"""
    found = chapter_formats.read(text.encode())
    assert found is not None and found.format == "psc"
    assert found.chapters.marks == (
        Mark(0, "First"),
        Mark(187_000, "Second", "http://podlove.org/"),
        Mark(506_250, "Résumée & more"),
        Mark(5_752_000, "Late"),
    )
    assert found.unread == (
        Unread(5, 'image="http://example.com/i.png"'),
        Unread(8, '<chapter start="soon" title="Broken">'),
        Unread(9, "<note> kept"),
    )


def test_psc_reader_is_safe_and_strict_about_xml() -> None:
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
        f'<psc:chapters xmlns:psc="{psc.NAMESPACE}"><psc:chapter start="0" title="&a;"/>'
        "</psc:chapters>"
    ).encode()
    with pytest.raises(ChapterFormatError, match="refused"):
        chapter_formats.read(bomb)
    with pytest.raises(ChapterFormatError, match="not well-formed"):
        chapter_formats.read(f'<psc:chapters xmlns:psc="{psc.NAMESPACE}"><oops>'.encode())


def test_webvtt_reader() -> None:
    text = (
        "WEBVTT - chapters of episode 3\r\n"
        "Kind: chapters\r\n\r\n"
        "NOTE made by hand\r\n\r\n"
        "STYLE\r\n::cue { color: red }\r\n\r\n"
        "intro\r\n"
        "00:00.000 --> 00:01:12.500 line:0\r\n"
        "<v Host><b>Intro</b></v> &amp; &lt;hello&gt;\r\n"
        "second line\r\n\r\n"
        "01:00:00.000 --> 01:30:00.000\r\n"
        "Late\r\n\r\n"
        "not a cue\r\n"
    )
    found = webvtt.read(text)
    assert found is not None
    assert found.chapters.marks == (
        Mark(0, "Intro & <hello> second line", end_ms=72_500),
        Mark(3_600_000, "Late", end_ms=5_400_000),
    )
    assert found.unread == (
        Unread(1, "- chapters of episode 3 Kind: chapters"),
        Unread(4, "NOTE made by hand"),
        Unread(6, "STYLE\n::cue { color: red }"),
        Unread(17, "not a cue"),
    )
    assert webvtt.read("WEBVTTX\n") is None


def test_ffmetadata_reader_reads_as_ffmpeg_does() -> None:
    text = (
        ";FFMETADATA1\n"
        "title=bike\\\\shed\n"
        ";a comment\n"
        "artist=Somebody\n"
        "[CHAPTER]\n"
        "TIMEBASE=1/1000\n"
        "START=0\n"
        "#ends at one minute\n"
        "END=60000\n"
        "title=chapter \\#1\n"
        "[CHAPTER]\n"
        "START=60000000000\n"
        "END=90000000000\n"
        "TITLE=in nanoseconds\n"
        "comment=x\n"
        "[STREAM]\n"
        "title=multi\\\n"
        "line\n"
        "a line without a tag\n"
    )
    found = ffmetadata.read(text)
    assert found is not None
    assert found.chapters.title == "bike\\shed"
    assert found.chapters.marks == (
        Mark(0, "chapter #1", end_ms=60_000),
        Mark(60_000, "in nanoseconds", end_ms=90_000),
    )
    assert found.unread == (
        Unread(4, "artist=Somebody"),
        Unread(15, "comment=x"),
        Unread(17, "title=multi\nline"),
        Unread(19, "a line without a tag"),
    )


def test_mp4chaps_reader_takes_only_whole_files_of_chapter_lines() -> None:
    found = mp4chaps.read("00:00:00.000 Intro\n\n01:02:03.004 Podlove <http://podlove.org/>\n")
    assert found is not None
    assert found.chapters.marks == (
        Mark(0, "Intro"),
        Mark(3_723_004, "Podlove <http://podlove.org/>"),
    )
    assert mp4chaps.read("00:00:00.000 Intro\nSome prose\n") is None


def test_notes_with_mp4chaps_lines_keep_their_milliseconds() -> None:
    """mp4chaps lines pasted into notes: the time as written, seconds cut, the title whole."""
    record = parse("My episode\n\nChapters:\n00:00:00.000 Intro\n00:01:12.500 Next\n")
    assert record.chapters == (
        Chapter("00:00:00.000", 0, "Intro"),
        Chapter("00:01:12.500", 72, "Next"),
    )
    marks = chapter_formats.from_episode(record).marks
    assert [m.start_ms for m in marks] == [0, 72_500]


def test_from_episode_takes_a_chapters_url_from_the_link_labelled_with_its_title() -> None:
    record = parse("Notes\n\n[00:00] Intro\n[01:00] [Tokio](https://tokio.rs/)\n[02:00] Outro\n")
    chapters = chapter_formats.from_episode(record, duration_ms=200_000)
    assert [(m.title, m.url) for m in chapters.marks] == [
        ("Intro", None),
        ("Tokio", "https://tokio.rs/"),
        ("Outro", None),
    ]
    assert chapters.duration_ms == 200_000


def test_sniffing_and_reading_stay_linear_on_hostile_input() -> None:
    """Every input goes through the PSC sniff: a prolog pattern that backtracks took 38 s
    on notes opening with 28 spaces. Run where a hang fails instead of stalling the suite."""
    code = (
        "from episodeparse.chapter_formats import psc, webvtt\n"
        "for head in (b' ' * 4096 + b'x', b'<!---->' * 580 + b'x', b'<!DOCTYPE[]>' * 340):\n"
        "    assert not psc.looks_like_psc(head)\n"
        "webvtt.read('WEBVTT\\n\\n00:00.000 --> 00:01.000\\n' + '<' * 200_000)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=20)
