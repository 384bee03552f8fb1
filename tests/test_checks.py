"""The checks of validate, through the library: every check can fire, each reads the
notes where they are, and the real corpus runs through every profile."""

from __future__ import annotations

import re
import shlex
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from episodeparse.checks import CHECKS, PROFILES, Check, Options, Profile, codes, selected
from episodeparse.checks.links import _markdown_targets
from episodeparse.diagnostics import Diagnostic
from episodeparse.inputs import InputFailure
from episodeparse.validation import Report, iter_reports, validate_text
from tests.conftest import CORPUS, FIXTURES

VALIDATE = FIXTURES / "validate"
CLEAN = (VALIDATE / "people-no-bio.txt").read_text(encoding="utf-8")
BIO = (
    "// Bio\nAda Lovelace is a mathematician and writer who published the first algorithm "
    "meant for a machine.\n\n"
)


def clean_note() -> str:
    """The fixtures' base note, which no check reports on."""
    return CLEAN.replace("// Timestamps", BIO + "// Timestamps")


def options_from(args_file: Path) -> Options:
    """The options a fixture's ``.args`` file gives the command line."""
    words = shlex.split(args_file.read_text(encoding="utf-8")) if args_file.exists() else []
    values = dict(zip(words[::2], words[1::2], strict=True))
    profile: Profile | None = None
    for name in PROFILES:
        if values.get("--profile") == name:
            profile = name
    duration = values.get("--duration")
    seconds = None
    if duration is not None:
        m, s = duration.split(":")
        seconds = int(m) * 60 + int(s)
    return Options(int(values.get("--min-chapter", "10")), seconds, profile)


def check_codes(text: str, options: Options | None = None) -> list[str]:
    """The codes every check (the opt-in ones too) reports on ``text``."""
    return [d.code for d in validate_text(text, path="n.txt", options=options, checks=CHECKS)]


def test_codes_are_unique_and_namespaced_by_part() -> None:
    assert len(set(codes())) == len(codes())
    for item in CHECKS:
        assert re.fullmatch(r"[a-z0-9]+/[a-z0-9-]+", item.code), item.code
        assert item.severity in ("error", "warning", "info")
        assert item.summary


def test_profile_checks_belong_to_their_profile() -> None:
    for item in CHECKS:
        part = item.code.split("/")[0]
        assert (item.profile == part) == (part in PROFILES), item.code


def test_the_base_note_is_clean_under_every_profile() -> None:
    for profile in (None, *PROFILES):
        assert check_codes(clean_note(), Options(profile=profile)) == [], profile


@pytest.mark.parametrize("item", CHECKS, ids=[c.code for c in CHECKS])
def test_every_check_fires_on_its_fixture(item: Check) -> None:
    notes = VALIDATE / (item.code.replace("/", "-") + ".txt")
    assert notes.exists(), f"no fixture for {item.code}: write fixtures/validate/{notes.name}"
    options = options_from(notes.with_suffix(".args"))
    assert item.code in check_codes(notes.read_text(encoding="utf-8"), options)


def test_seed_notes_give_no_errors() -> None:
    for name in ("coffee-57.txt", "coffee-116.txt"):
        text = (FIXTURES / name).read_text(encoding="utf-8")
        for profile in (None, "podcasting2"):
            found = validate_text(text, path=name, options=Options(profile=profile))
            assert [d for d in found if d.severity == "error"] == [], (name, profile)


def test_ignore_takes_codes_and_parts() -> None:
    assert len(selected(("links",))) == len(CHECKS) - 4
    assert len(selected(("people/no-guest", "header"))) == len(CHECKS) - 2


def test_chapter_and_link_positions_are_where_they_are_written() -> None:
    text = clean_note().replace(
        "Follow us on Twitter: @nightsessions",
        "Twice: https://example.org/a\nAgain: https://example.org/a",
    )
    (dup,) = [d for d in validate_text(text) if d.code == "links/duplicate"]
    line = text.splitlines()[dup.line - 1]
    assert dup.column == line.rindex("https://example.org/a") + 1
    early = text.replace("[10:15] Notes", "[01:15] Notes")
    (order,) = [d for d in validate_text(early) if d.code == "chapters/out-of-order"]
    assert early.splitlines()[order.line - 1][order.column - 1 :].startswith("01:15] Notes")


def test_prose_times_labels_and_unknown_http_hosts_are_not_reported() -> None:
    text = clean_note().replace(
        "Follow us on Twitter: @nightsessions",
        "Live at 4:20 PM, see [https:/...](https://example.org/join) or http://example.org/old",
    )
    assert check_codes(text) == ["links/plain-http"]  # the opt-in info, not links/http


def test_a_feed_gives_one_report_per_item(tmp_path: Path) -> None:
    item = "<item><title>Episode {n}: Engines</title><description>{body}</description></item>"
    body = "[00:00] Intro&#10;[01:75] Broken"
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Night Sessions</title>'
        + item.format(n=1, body=body)
        + item.format(n=2, body="Fine notes.")
        + "</channel></rss>",
        encoding="utf-8",
    )
    reports = [r for r in iter_reports([str(feed)], Options()) if isinstance(r, Report)]
    assert [r.path for r in reports] == [f"{feed}#0", f"{feed}#1"]
    assert "chapters/bad-time" in [d.code for d in reports[0].diagnostics]
    assert "chapters/bad-time" not in [d.code for d in reports[1].diagnostics]
    assert "header/no-title" not in [d.code for d in reports[0].diagnostics]


def test_unreadable_inputs_are_failures_in_order(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(clean_note(), encoding="utf-8")
    results = list(iter_reports([str(tmp_path / "missing.txt"), str(good)], Options()))
    assert isinstance(results[0], InputFailure)
    assert isinstance(results[1], Report)
    assert results[1].diagnostics == []


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
@pytest.mark.parametrize("profile", [None, *PROFILES])
def test_the_corpus_runs_through_every_check(profile: Profile | None) -> None:
    known = set(codes())
    seen: list[Diagnostic] = []
    runs = iter_reports([str(CORPUS)], Options(profile=profile, duration=3600), checks=CHECKS)
    for result in runs:
        assert not isinstance(result, InputFailure), result
        for d in result.diagnostics:
            assert d.line >= 1
            assert d.column >= 1
            assert d.code in known
            assert d.message and "\n" not in d.message
        seen.extend(result.diagnostics)
    assert seen


def test_markdown_link_scan_is_linear_in_the_line() -> None:
    line = "[a](https://x.org/a b " * 20000  # 440 KB of links never closed
    started = time.perf_counter()
    found = list(_markdown_targets(line))
    assert len(found) == 20000
    assert time.perf_counter() - started < 2


NOTE_PIECES = [*"[]()#/:-*_ \n\t.@0123456789abcHhtps", "https://", "// Bio", "## ", "12:75", "```"]
NOTE_ALPHABET = st.sampled_from(NOTE_PIECES)


@settings(max_examples=200, deadline=None)
@given(st.lists(NOTE_ALPHABET, max_size=80).map("".join), st.sampled_from([None, *PROFILES]))
def test_any_text_gives_diagnostics_inside_it(text: str, profile: Profile | None) -> None:
    lines = max(1, len(text.splitlines()))
    for d in validate_text(text, options=Options(profile=profile, duration=600), checks=CHECKS):
        assert 1 <= d.line <= lines + 1
        assert d.column >= 1
        assert d.code in codes()


def test_spotify_counts_the_punctuation_a_listener_sees() -> None:
    chapters = (
        "* **[00:00](#t=00:00)** Welcome\n"
        "- [02:30] - [Noria](https://github.com/mit-pdos/noria)\n"
        "[10:15] -- Notes\n"
    )
    text = clean_note().replace("// Timestamps", chapters + "// Timestamps")
    found = validate_text(text, options=Options(profile="spotify"))
    lines = [text.splitlines()[d.line - 1] for d in found if d.code == "spotify/punctuation"]
    assert lines == ["[10:15] -- Notes"]


def test_notes_without_chapters_are_not_too_few_for_any_platform() -> None:
    text = re.sub(r"// Timestamps\n(\[.*\n)+", "", clean_note())
    assert "[00:00]" not in text
    for profile in PROFILES:
        assert check_codes(text, Options(profile=profile)) == [], profile


def test_a_chapter_the_parser_misread_is_not_reported_out_of_order() -> None:
    # "1:22:35  Title" (two spaces) is read as 1:22 by the parser; the notes are in order
    text = "# Engines\n\n### 0:00 Intro\n\n### 1:13:13 Engines\n\n### 1:22:35  Poems\n"
    assert "chapters/out-of-order" not in check_codes(text)
    wrong = text.replace("1:22:35", "1:02:35")
    assert "chapters/out-of-order" in check_codes(wrong)
