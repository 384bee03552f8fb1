"""Our chapter files as the programs that consume them read them.

- FFMETADATA: ffmpeg muxes it into a short generated silent audio file; ffprobe reports
  the chapters (start in ms, title).
- WebVTT: webvtt-py reads the cues (it leaves character references as written; the
  WebVTT parsing rules decode them, so the comparison does).
- Podcasting 2.0 JSON: validates against a JSON Schema written here from the
  specification (podcast-namespace, chapters/jsonChapters.md, version 1.2).
- PSC: an XML parser finds ``chapters`` / ``chapter`` in the PSC namespace, with the starts
  and titles.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import jsonschema
import pytest
import webvtt
from hypothesis import HealthCheck, given, settings

from episodeparse import chapter_formats
from episodeparse.chapter_formats import ChapterFormatError, ChapterList, Mark, psc
from episodeparse.chapter_formats.record import chapter_ms
from episodeparse.chapter_formats.timeline import clock, one_line
from episodeparse.model import Episode
from tests.test_chapter_roundtrips import FIXTURE_RECORDS, NORMALISE, chapter_lists, same_start

FFMPEG = shutil.which("ffmpeg")
FFPROBE = shutil.which("ffprobe")
needs_ffmpeg = pytest.mark.skipif(
    FFMPEG is None or FFPROBE is None,
    reason="ffmpeg/ffprobe not installed (Debian package ffmpeg; .ci/run installs it)",
)

ADVERSARIAL = ChapterList(
    (
        Mark(0, "Intro = start; # not a comment"),
        Mark(1_500, "Back\\slash and C:\\"),
        Mark(2_250, "Two\nlines and a\r\ncarriage return"),
        Mark(4_000, "\"Quotes\" 'single' --> arrow"),
        Mark(5_125, "Ünïcödé 日本語 🎙 [CHAPTER]"),
        Mark(6_000, ";FFMETADATA1"),
    ),
    title="Episode = 1; #1",
    duration_ms=8_000,
)


def _with_chapters() -> list[tuple[str, ChapterList]]:
    cases = [("adversarial", ADVERSARIAL)]
    for name, record in FIXTURE_RECORDS:
        last = chapter_ms(record.chapters[-1])
        cases.append((name, chapter_formats.from_episode(record, duration_ms=last + 5_000)))
    return cases


CASES = _with_chapters()
IDS = [name for name, _ in CASES]


# ffmpeg ---------------------------------------------------------------------------------


def _ffprobe_chapters(ffmeta: Path, seconds: float, out: Path) -> list[dict[str, Any]]:
    assert FFMPEG is not None and FFPROBE is not None
    subprocess.run(
        [
            FFMPEG,
            "-v",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            "anullsrc=r=8000:cl=mono",
            "-i",
            str(ffmeta),
            "-map",
            "0:a",
            "-map_metadata",
            "1",
            "-map_chapters",
            "1",
            "-t",
            f"{seconds:.3f}",
            "-c:a",
            "flac",
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    probe = subprocess.run(
        [FFPROBE, "-v", "error", "-show_chapters", "-of", "json", str(out)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    chapters: list[dict[str, Any]] = json.loads(probe.stdout)["chapters"]
    return chapters


@needs_ffmpeg
@pytest.mark.parametrize(("name", "chapters"), CASES, ids=IDS)
def test_ffmpeg_muxes_our_ffmetadata_and_ffprobe_reads_the_same_chapters(
    name: str, chapters: ChapterList, tmp_path: Path
) -> None:
    if same_start(chapters):
        with pytest.raises(ChapterFormatError, match="start at the same time"):
            chapter_formats.write("ffmetadata", chapters)
        return
    ffmeta = tmp_path / "chapters.ffmeta"
    ffmeta.write_text(chapter_formats.write("ffmetadata", chapters), encoding="utf-8", newline="")
    assert chapters.duration_ms is not None
    found = _ffprobe_chapters(ffmeta, chapters.duration_ms / 1000, tmp_path / "out.mka")
    got = [
        (round(float(c["start_time"]) * 1000), round(float(c["end_time"]) * 1000), c["tags"])
        for c in found
    ]
    marks = chapters.marks
    ends = [*(m.start_ms for m in marks[1:]), chapters.duration_ms]
    assert got == [
        (m.start_ms, end, {"title": NORMALISE["ffmetadata"](m.title)})
        for m, end in zip(marks, ends, strict=True)
    ]


# WebVTT ---------------------------------------------------------------------------------


def _webvtt_py_cues(text: str) -> list[tuple[int, int, str]]:
    captions = webvtt.from_string(text).captions
    return [
        (
            c.start_time.in_milliseconds(),
            c.end_time.in_milliseconds(),
            html.unescape(c.text),
        )
        for c in captions
    ]


def _expected_cues(chapters: ChapterList) -> list[tuple[int, int, str]]:
    marks = chapters.marks
    assert chapters.duration_ms is not None
    ends = [*(m.start_ms for m in marks[1:]), chapters.duration_ms]
    return [(m.start_ms, end, one_line(m.title)) for m, end in zip(marks, ends, strict=True)]


@pytest.mark.parametrize(("name", "chapters"), CASES, ids=IDS)
def test_webvtt_py_reads_our_cues(name: str, chapters: ChapterList) -> None:
    if same_start(chapters):
        with pytest.raises(ChapterFormatError, match="start at the same time"):
            chapter_formats.write("webvtt", chapters)
        return
    text = chapter_formats.write("webvtt", chapters)
    assert _webvtt_py_cues(text) == _expected_cues(chapters)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(chapters=chapter_lists())
def test_webvtt_py_reads_random_cues(chapters: ChapterList) -> None:
    text = chapter_formats.write("webvtt", chapters)
    assert _webvtt_py_cues(text) == _expected_cues(chapters)


# Podcasting 2.0 JSON --------------------------------------------------------------------

_STRING = {"type": "string"}
_SECONDS = {"type": "number", "minimum": 0}
PODCAST_JSON_CHAPTERS_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Podcasting 2.0 JSON chapters, version 1.2 (podcast-namespace jsonChapters.md)",
    "type": "object",
    "required": ["version", "chapters"],
    "properties": {
        "version": _STRING,
        "chapters": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["startTime"],
                "properties": {
                    "startTime": _SECONDS,
                    "endTime": _SECONDS,
                    "title": _STRING,
                    "img": _STRING,
                    "url": _STRING,
                    "toc": {"type": "boolean"},
                    "location": {
                        "type": "object",
                        "required": ["name", "geo"],
                        "properties": {
                            "name": _STRING,
                            "geo": {"type": "string", "pattern": "^geo:"},
                            "osm": _STRING,
                        },
                    },
                },
                "additionalProperties": False,
            },
        },
        "author": _STRING,
        "title": _STRING,
        "podcastName": _STRING,
        "description": _STRING,
        "fileName": _STRING,
        "waypoints": {"type": "boolean"},
    },
    "additionalProperties": False,
}


def test_the_schema_rejects_what_the_specification_does_not_allow() -> None:
    validator = jsonschema.Draft202012Validator(PODCAST_JSON_CHAPTERS_SCHEMA)
    assert validator.is_valid({"version": "1.2.0", "chapters": [{"startTime": 94}]})
    bad_documents: list[dict[str, Any]] = [
        {"chapters": []},
        {"version": "1.2.0", "chapters": [{"title": "no start"}]},
        {"version": "1.2.0", "chapters": [{"startTime": "94"}]},
        {"version": "1.2.0", "chapters": [{"startTime": -1}]},
        {"version": "1.2.0", "chapters": [{"startTime": 1, "href": "x"}]},
        {"version": "1.2.0", "chapters": [], "podcast": "x"},
    ]
    for bad in bad_documents:
        assert not validator.is_valid(bad), bad


def _check_podcast_json(chapters: ChapterList) -> None:
    data = json.loads(chapter_formats.write("podcast-json", chapters))
    jsonschema.validate(data, PODCAST_JSON_CHAPTERS_SCHEMA)
    assert data["version"] == "1.2.0"
    items = data["chapters"]
    starts = [c["startTime"] for c in items]
    assert starts == sorted(starts)  # "assumed to be in ascending order"
    assert [round(s * 1000) for s in starts] == [m.start_ms for m in chapters.marks]
    assert [c["title"] for c in items] == [m.title for m in chapters.marks]
    assert all(c["endTime"] > c["startTime"] for c in items if "endTime" in c)
    assert data.get("title") == (chapters.title or None)


@pytest.mark.parametrize(("name", "chapters"), CASES, ids=IDS)
def test_podcast_json_validates_against_the_specification(name: str, chapters: ChapterList) -> None:
    _check_podcast_json(chapters)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(chapters=chapter_lists())
def test_random_podcast_json_validates(chapters: ChapterList) -> None:
    _check_podcast_json(chapters)


# PSC ------------------------------------------------------------------------------------

_CLOCK = re.compile(r"^\d{2,}:\d{2}:\d{2}\.\d{3}$")


def _check_psc(chapters: ChapterList) -> None:
    root = ElementTree.fromstring(chapter_formats.write("psc", chapters).encode("utf-8"))
    assert root.tag == f"{{{psc.NAMESPACE}}}chapters"
    assert root.get("version") == "1.2"
    children = list(root)
    assert all(c.tag == f"{{{psc.NAMESPACE}}}chapter" for c in children)
    assert all(_CLOCK.match(c.get("start", "")) for c in children)
    assert [(c.get("start"), c.get("title"), c.get("href")) for c in children] == [
        (clock(m.start_ms), psc.xml_safe(m.title), m.url) for m in chapters.marks
    ]


@pytest.mark.parametrize(("name", "chapters"), CASES, ids=IDS)
def test_psc_parses_as_xml_in_its_namespace(name: str, chapters: ChapterList) -> None:
    _check_psc(chapters)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(chapters=chapter_lists())
def test_random_psc_parses_as_xml(chapters: ChapterList) -> None:
    _check_psc(chapters)


def test_cases_cover_the_fixtures() -> None:
    assert len(CASES) == len(FIXTURE_RECORDS) + 1
    assert all(isinstance(r, Episode) for _, r in FIXTURE_RECORDS)
