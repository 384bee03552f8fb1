"""``episodeparse chapters`` and ``convert`` of chapters files, as a user meets them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from episodeparse import chapter_formats
from episodeparse.cli import ChapterFormat, app
from tests.conftest import FIXTURES, ROOT
from tests.test_cli import one_line_error, run

NOTES = FIXTURES / "coffee-116.txt"  # first chapter at 00:00, 17 chapters
LATE_START = FIXTURES / "coffee-57.txt"  # first chapter at 01:12
FEED = FIXTURES / "tiny-feed.xml"  # three items


def test_the_cli_offers_exactly_the_library_formats() -> None:
    assert [f.value for f in ChapterFormat] == list(chapter_formats.FORMATS)


@pytest.mark.parametrize("fmt", list(chapter_formats.FORMATS))
def test_every_format_is_written_and_reads_back_through_convert(fmt: str, tmp_path: Path) -> None:
    proc = run("chapters", str(NOTES), "--to", fmt, "--duration", "55:00")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == b""
    exported = tmp_path / "exported"
    exported.write_bytes(proc.stdout)
    back = json.loads(run("convert", str(exported)).stdout)
    original = json.loads((FIXTURES / "coffee-116.json").read_text(encoding="utf-8"))
    assert [(c["seconds"], c["title"]) for c in back["chapters"]] == [
        (c["seconds"], c["title"]) for c in original["chapters"]
    ]


def test_a_missing_duration_is_one_line_naming_the_option() -> None:
    for fmt in ("ffmetadata", "webvtt"):
        proc = run("chapters", str(NOTES), "--to", fmt)
        assert proc.returncode == 2
        line = one_line_error(proc, str(NOTES))
        assert "needs the end of the last chapter" in line and "--duration" in line
        assert proc.stdout == b""


@pytest.mark.parametrize("duration", ["abc", "0", "-5", "1:75:00"])
def test_a_bad_duration_is_a_usage_error(duration: str) -> None:
    proc = run("chapters", str(NOTES), "--to", "webvtt", f"--duration={duration}")
    assert proc.returncode == 2
    assert "not a length" in one_line_error(proc, "--duration")


@pytest.mark.parametrize(
    ("duration", "end"),
    [
        ("3300", "00:55:00.000"),
        ("3300.5", "00:55:00.500"),
        ("55:00.500", "00:55:00.500"),
        ("0:55:00.5", "00:55:00.500"),
    ],
)
def test_duration_takes_seconds_and_clock_times(duration: str, end: str) -> None:
    proc = run("chapters", str(NOTES), "--to", "webvtt", "--duration", duration)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode().splitlines()[-2] == f"00:52:19.000 --> {end}"


def test_youtube_rules_exit_1_without_writing_unless_forced() -> None:
    proc = run("chapters", str(LATE_START), "--to", "youtube")
    assert proc.returncode == 1
    assert proc.stdout == b""
    err = proc.stderr.decode()
    assert "Traceback" not in err
    assert "YouTube needs the first chapter at 0:00" in err
    assert "--force" in err
    forced = run("chapters", str(LATE_START), "--to", "youtube", "--force")
    assert forced.returncode == 0
    assert forced.stdout.decode().splitlines()[0] == (
        "1:12 Introduction to Michael Del Balso and Erik Bernhardsson"
    )
    assert run("chapters", str(NOTES), "--to", "youtube").returncode == 0


def test_youtube_rules_count_the_last_chapter_when_the_duration_is_known() -> None:
    proc = run("chapters", str(NOTES), "--to", "youtube", "--duration", "52:25")
    assert proc.returncode == 1
    assert "'Lightning question' at 52:19 lasts 6 s" in proc.stderr.decode()


def test_a_feed_needs_item_when_it_has_several() -> None:
    proc = run("chapters", str(FEED), "--to", "mp4chaps")
    assert proc.returncode == 2
    assert "a feed of 3 items: choose one with --item N (0 to 2)" in one_line_error(proc, str(FEED))
    chosen = run("chapters", str(FEED), "--to", "mp4chaps", "--item", "2")
    assert chosen.returncode == 0, chosen.stderr
    records = json.loads((FIXTURES / "tiny-feed.json").read_text(encoding="utf-8"))
    expected = [c["title"] for c in records[2]["chapters"]]
    assert [line.split(" ", 1)[1] for line in chosen.stdout.decode().splitlines()] == expected
    missing = run("chapters", str(FEED), "--to", "mp4chaps", "--item", "7")
    assert missing.returncode == 2
    assert "no item 7: the input has 3" in one_line_error(missing, str(FEED))
    empty = run("chapters", str(FEED), "--to", "mp4chaps", "--item", "1")
    assert empty.returncode == 2
    assert "no chapters found" in one_line_error(empty, str(FEED))


def test_a_chapters_file_converts_directly_keeping_milliseconds_and_ends(tmp_path: Path) -> None:
    vtt = tmp_path / "chapters.vtt"
    vtt.write_text(
        "WEBVTT\n\n00:00.000 --> 00:10.250\nIntro\n\n00:10.250 --> 01:00.750\nMain\n",
        encoding="utf-8",
    )
    proc = run("chapters", str(vtt), "--to", "ffmetadata")
    assert proc.returncode == 0, proc.stderr
    assert "START=10250\nEND=60750\ntitle=Main\n" in proc.stdout.decode()
    item = run("chapters", str(vtt), "--to", "psc", "--item", "1")
    assert item.returncode == 2
    assert "a chapters file holds one episode" in one_line_error(item, str(vtt))


def test_stdin_and_output_file(tmp_path: Path) -> None:
    out = tmp_path / "chapters.json"
    proc = run("chapters", "-", "--to", "podcast-json", "-o", str(out), stdin=NOTES.read_bytes())
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == b""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["title"] == "Scaling Machine Learning with Data Mesh"
    assert len(data["chapters"]) == 17
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chapters.json"]


def test_the_input_is_never_overwritten(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_bytes(NOTES.read_bytes())
    proc = run("chapters", str(notes), "--to", "mp4chaps", "--output", str(notes))
    assert proc.returncode == 2
    assert "refusing to overwrite" in one_line_error(proc, str(notes))
    assert notes.read_bytes() == NOTES.read_bytes()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),  # as convert says it (errors.CATALOGUE)
        (b"Just prose, no chapters at all.\n", "no chapters found"),
        (b'{"version": "1.2.0"}', 'needs "version" and a "chapters" list'),
        (b"\x00\x01binary", "not text"),
    ],
)
def test_input_problems_are_one_line_and_exit_2(
    tmp_path: Path, content: bytes | None, expected: str
) -> None:
    bad = tmp_path / "bad.txt"
    if content is not None:
        bad.write_bytes(content)
    proc = run("chapters", str(bad), "--to", "psc")
    assert proc.returncode == 2
    assert expected in one_line_error(proc, str(bad))
    assert proc.stdout == b""


def test_a_directory_is_refused(tmp_path: Path) -> None:
    proc = run("chapters", str(tmp_path), "--to", "psc")
    assert proc.returncode == 2
    assert "is a directory" in one_line_error(proc, str(tmp_path))


def test_chapters_out_of_order_are_an_input_problem(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Episode\n\n[10:00] Later\n[05:00] Earlier\n", encoding="utf-8")
    proc = run("chapters", str(notes), "--to", "podcast-json")
    assert proc.returncode == 2
    assert "not in time order: 'Earlier' at 00:05:00.000" in one_line_error(proc, str(notes))


def test_convert_reads_every_kind_of_chapters_file(tmp_path: Path) -> None:
    for fmt in ("podcast-json", "psc", "ffmetadata", "webvtt", "mp4chaps"):
        exported = tmp_path / f"chapters.{fmt}"
        exported.write_bytes(run("chapters", str(NOTES), "--to", fmt, "-d", "3300").stdout)
        record = json.loads(run("convert", str(exported)).stdout)
        assert record["source"]["format"] == "text"
        assert len(record["chapters"]) == 17, fmt
        assert record["chapters"][1] == {"time": "00:43", "seconds": 43, "title": "Takeaways"}
        assert record["leftovers"] == [], fmt


def test_convert_refuses_json_that_is_not_a_chapters_file() -> None:
    golden = FIXTURES / "coffee-57.json"
    proc = run("convert", str(golden))
    assert proc.returncode == 2
    assert "not a Podcasting 2.0 chapters file" in one_line_error(proc, str(golden))


def test_help_lists_the_formats_and_examples() -> None:
    result = CliRunner().invoke(app, ["chapters", "--help"])
    assert result.exit_code == 0
    for fmt in chapter_formats.FORMATS:
        assert fmt in result.stdout
    assert "Examples" in result.stdout
    assert "--duration" in result.stdout and "--item" in result.stdout


def test_the_readme_shows_an_example_of_every_format() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### `episodeparse chapters", 1)[1].split("\n### ", 1)[0]
    for fmt in chapter_formats.FORMATS:
        assert f"--to {fmt}" in section, fmt
