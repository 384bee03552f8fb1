"""``episodeparse summary``: the table at fixed widths against reviewed goldens, the CSV,
JSON and Markdown read back, escaping, unreadable inputs, colour only on a terminal.

The goldens are what the command prints for the fixtures' notes and feed. After a
deliberate change, regenerate one from the repository root with::

    python -m episodeparse summary fixtures/*.txt fixtures/*.md fixtures/*.html \\
        fixtures/*.xml --width 80 > tests/golden/summary-80.txt

and read it before committing it.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner, Result

from episodeparse import summary
from episodeparse.cli import _print_summary_table, app
from episodeparse.progress import wanted
from tests.conftest import ROOT, fixture_notes

GOLDEN = ROOT / "tests" / "golden"
INPUTS = [f"fixtures/{p.name}" for p in fixture_notes()]
REGENERATE = (
    "python -m episodeparse summary fixtures/*.txt fixtures/*.md fixtures/*.html "
    "fixtures/*.xml --width {width} > tests/golden/summary-{width}.txt"
)

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
<channel><title>Night Sessions</title>
<item><title>Engines of Thought</title><itunes:episode>12</itunes:episode>
<itunes:duration>1:02:03</itunes:duration>
<description>[00:00] Intro [10:15] Notes</description></item>
<item><title>Poetical Science</title><itunes:episode>13</itunes:episode>
<description>[00:00] Intro [21:40] Outro</description></item>
</channel></rss>
"""


def invoke(*args: str, stdin: str | None = None) -> Result:
    result = CliRunner().invoke(app, ["summary", *args], input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def notes(tmp_path: Path, name: str, title_line: str) -> str:
    path = tmp_path / name
    path.write_text(f"{title_line}\n\n[00:00] Intro\n[02:30] Engine\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("width", [80, 160])
def test_table_matches_golden(width: int, in_root: Path) -> None:
    golden = GOLDEN / f"summary-{width}.txt"
    if not golden.exists():
        pytest.fail(
            f"no golden {golden.relative_to(ROOT)}: run `{REGENERATE.format(width=width)}` "
            "from the repository root and read it before committing"
        )
    result = invoke(*INPUTS, "--width", str(width))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == golden.read_text(encoding="utf-8"), (
        f"regenerate with `{REGENERATE.format(width=width)}` if the change is deliberate"
    )


@pytest.mark.parametrize("width", [40, 60, 80, 100, 160])
def test_table_fits_the_width_without_colour_off_a_terminal(width: int, in_root: Path) -> None:
    out = invoke(*INPUTS, "fixtures/validate", "--width", str(width)).stdout
    assert "\x1b" not in out
    lines = out.splitlines()
    assert len(lines) > len(INPUTS)
    caption = lines.index(next(line for line in lines if "episodes with errors" in line))
    # 40 columns cannot hold every column's minimum: rich then narrows them, still no wrap.
    assert all(cell_len(line) <= width for line in lines[:caption]), out
    assert all(line == line.rstrip() for line in lines)


def test_csv_reads_back_with_one_row_per_record(in_root: Path) -> None:
    result = invoke(*INPUTS, "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == list(summary.CSV_FIELDS)
    assert len(rows) == len(INPUTS) + 2  # tiny-feed.xml has three items
    coffee = next(r for r in rows if r["path"] == "fixtures/coffee-57.txt")
    assert coffee["episode"] == "57"
    assert coffee["guests"] == "Michael Del Balso; Erik Bernhardsson"
    assert (coffee["chapters"], coffee["length_source"], coffee["item"]) == (
        "18",
        "last-chapter",
        "",
    )
    assert [r["item"] for r in rows if r["path"] == "fixtures/tiny-feed.xml"] == ["2", "1", "0"]


def test_json_carries_the_rows_and_totals(in_root: Path) -> None:
    data: dict[str, Any] = json.loads(invoke(*INPUTS, "--format", "json").stdout)
    rows, totals = data["rows"], data["totals"]
    assert list(rows[0]) == list(summary.CSV_FIELDS)
    numbered = [r["episode"] for r in rows if r["episode"] is not None]
    assert numbered == sorted(numbered)
    assert totals["episodes"] == len(rows)
    assert totals["chapters"] == sum(r["chapters"] for r in rows)
    assert totals["links"] == sum(r["links"] for r in rows)
    assert totals["with_errors"] == sum(1 for r in rows if r["errors"])
    guests = {g.casefold() for r in rows for g in r["guests"]}
    assert totals["guests"] == len(guests)


def _markdown_cells(line: str) -> list[str]:
    """The cells of a Markdown table row, unescaped."""
    cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]
    return [re.sub(r"\\(.)", r"\1", c.strip()) for c in cells]


def test_markdown_table_reads_back_with_every_special_character(tmp_path: Path) -> None:
    title = r"Engines [bold]of[/bold] | *poetical* _science_ & <x> \ `y`"
    path = notes(tmp_path, "odd.txt", f"{title} // Ada Lovelace // Night Sessions #12")
    out = invoke(path, "--format", "markdown").stdout
    lines = out.splitlines()
    header, rule, row, total = (_markdown_cells(line) for line in lines[:4])
    assert header == [summary.HEADERS[c] for c in summary.COLUMNS]
    assert rule[0] == "---:" and rule[2] == "---"
    assert row[:4] == ["12", "", title, "Ada Lovelace"]
    assert row[-1] == path
    assert total[2:4] == ["**1 episode**", "**1 guest**"]
    assert lines[4:] == ["", "0 of 1 episode with errors."]


def test_markup_in_a_title_is_printed_as_written(tmp_path: Path) -> None:
    path = notes(tmp_path, "n.txt", "Engines [bold]of[/bold] Thought [x] // Ada Lovelace // S #1")
    out = invoke(path, "--width", "160").stdout
    assert "Engines [bold]of[/bold] Thought [x]" in out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_there_is_colour_and_markup_is_still_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = notes(tmp_path, "n.txt", "Engines [bold red]of[/] Thought // Ada Lovelace // S #1")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    for name in ("NO_COLOR", "TERM", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    rows = summary.summarise([path, path + ".missing"])
    _print_summary_table(rows, summary.totals(rows), 160)
    text = terminal.getvalue()
    assert "\x1b[" in text  # bold headers, red "cannot read"
    assert "Engines [bold red]of[/] Thought" in text


def test_an_unreadable_input_gets_a_row_and_exit_2(tmp_path: Path) -> None:
    good = notes(tmp_path, "good.txt", "Engines of Thought // Ada Lovelace // S #1")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02 binary")
    missing = str(tmp_path / "missing.txt")
    result = invoke(missing, good, str(tmp_path / "bad.txt"), "--width", "120")
    assert result.exit_code == 2
    assert result.stderr.count("episodeparse: ") == 2
    assert f"{missing}: no such file" in result.stderr
    out = result.stdout
    assert "cannot read: no such file" in out
    assert "Engines of Thought" in out
    assert "1 input could not be read" not in out and "2 inputs could not be read" in out
    data = json.loads(invoke(missing, good, "--format", "json").stdout)
    assert [r["unreadable"] for r in data["rows"]] == [None, "no such file"]
    assert data["totals"]["unreadable"] == 1


def test_standard_input_is_summarised() -> None:
    result = invoke("-", "--format", "json", stdin="Engines // Ada Lovelace // S #4\n")
    row = json.loads(result.stdout)["rows"][0]
    assert (row["episode"], row["title"], row["path"]) == (4, "Engines", None)


def test_a_feed_gives_its_duration_else_the_last_chapter(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(FEED, encoding="utf-8")
    rows = json.loads(invoke(str(feed), "--format", "json").stdout)["rows"]
    lengths = [(r["episode"], r["length_seconds"], r["length_source"]) for r in rows]
    assert lengths == [(12, 3723, "duration"), (13, 1300, "last-chapter")]
    out = invoke(str(feed), "--width", "100").stdout
    assert "1:02:03" in out and "≥21:40" in out
    assert "#0" in out
    assert "".join(f"#N is item N of {feed}.".split()) in "".join(out.split())  # wrapped


def test_a_feed_on_standard_input_gives_its_duration_too() -> None:
    # The length comes from the record's feed block: no second read of the feed is needed,
    # so a feed that can be read only once (a pipe) has its lengths as a file does.
    rows = json.loads(invoke("-", "--format", "json", stdin=FEED).stdout)["rows"]
    assert [(r["length_seconds"], r["length_source"]) for r in rows] == [
        (3723, "duration"),
        (1300, "last-chapter"),
    ]


def test_sort_and_reverse(in_root: Path) -> None:
    def order(*args: str) -> list[dict[str, Any]]:
        data: dict[str, list[dict[str, Any]]] = json.loads(
            invoke(*INPUTS, "--format", "json", *args).stdout
        )
        return data["rows"]

    by_links = [r["links"] for r in order("--sort", "links", "--reverse")]
    assert by_links == sorted(by_links, reverse=True)
    titles = [r["title"] for r in order("--sort", "title")]
    present = [t for t in titles if t]
    assert present == sorted(present, key=str.casefold)
    assert titles[len(present) :] == [None] * (len(titles) - len(present))
    episodes = [r["episode"] for r in order("--reverse")]
    assert episodes[0] == max(e for e in episodes if e is not None)
    assert episodes[-1] is None  # rows without a number stay last
    assert invoke(*INPUTS, "--sort", "nope").exit_code == 2


def test_sort_rows_keeps_missing_values_last_in_both_directions() -> None:
    def row(episode: int | None, path: str) -> summary.Row:
        return summary.Row(episode, None, None, (), 0, None, None, 0, 0, 0, path, None)

    rows = [row(None, "c"), row(2, "b"), row(1, "a"), row(None, "d")]
    assert [r.path for r in summary.sort_rows(rows)] == ["a", "b", "c", "d"]
    assert [r.path for r in summary.sort_rows(rows, reverse=True)] == ["b", "a", "d", "c"]
    with pytest.raises(ValueError, match="no column"):
        summary.sort_rows(rows, "colour")


@pytest.mark.parametrize("available", range(20, 140, 7))
def test_column_widths_fit_when_the_minimums_do(available: int) -> None:
    natural = [3, 10, 60, 40, 2, 8, 5, 3, 4, 45]
    widths = summary.column_widths(natural, available)
    assert all(w <= n for w, n in zip(widths, natural, strict=True))
    fixed = sum(n for c, n in zip(summary.COLUMNS, natural, strict=True) if c not in _FLEX)
    if available >= fixed + 12 + 8 + 12:
        assert sum(widths) <= available
        assert sum(widths) == min(available, sum(natural))
        # The title has the room first: it is cut only when guests and path are at their
        # minimum.
        assert widths[2] == 60 or (widths[3], widths[9]) == (8, 12)
    else:
        assert widths[2] == 12 and widths[3] == 8 and widths[9] == 12


_FLEX = {"title", "guests", "path"}


def test_progress_only_on_a_terminal_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert wanted(sys.stderr)
    monkeypatch.setenv("CI", "true")
    assert not wanted(sys.stderr)
    monkeypatch.setenv("CI", "false")
    assert wanted(sys.stderr)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert not wanted(sys.stderr)


def test_the_readme_example_is_what_the_command_prints(in_root: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("$ episodeparse summary ", 1)[1].split("```", 1)[0]
    command, *shown = block.splitlines()
    result = invoke(*command.split(), "--width", "80")
    errors = [line for line in shown if line.startswith("episodeparse: ")]
    assert result.stderr.splitlines() == errors
    assert result.stdout.splitlines() == [line for line in shown if line not in errors]


@pytest.mark.parametrize("start", ["=", "+", "@"])
def test_csv_titles_that_a_spreadsheet_would_run_as_a_formula_are_quoted(
    tmp_path: Path, start: str
) -> None:
    # A feed's title is somebody else's text: "=HYPERLINK(...)" must stay text in a sheet.
    title = f'{start}HYPERLINK("https://example.com","x")'
    path = tmp_path / "feed.xml"
    path.write_text(FEED.replace("Engines of Thought", title.replace('"', "&quot;")), "utf-8")
    rows = list(csv.DictReader(io.StringIO(invoke(str(path), "--format", "csv").stdout)))
    assert rows[0]["title"] == "'" + title
    assert rows[1]["title"] == "Poetical Science"  # other text as written
    assert rows[0]["episode"] == "12"


@pytest.mark.parametrize("name", ["-notes.txt", "\tnotes.txt", "\rnotes.txt", "=1+2.txt"])
def test_csv_paths_that_a_spreadsheet_would_run_as_a_formula_are_quoted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path(name).write_text("Engines // Ada Lovelace // Meetup #1\n", encoding="utf-8")
    Path("plain.txt").write_text("Engines // Ada Lovelace // Meetup #2\n", encoding="utf-8")
    out = invoke("--format", "csv", "--", name, "plain.txt").stdout
    rows = {r["episode"]: r for r in csv.DictReader(io.StringIO(out, newline=""))}
    assert (rows["1"]["path"], rows["2"]["path"]) == ("'" + name, "plain.txt")


# At 80 columns (issue 20, item 5) ---------------------------------------------------------


def _path_cells(stdout: str, count: int) -> list[str]:
    rows = stdout.splitlines()[2 : 2 + count]
    return [row.rsplit(" ", 1)[-1] for row in rows]


def test_paths_of_one_folder_stay_apart_at_80_columns(tmp_path: Path) -> None:
    folder = tmp_path / "a-long-folder-name" / "another-level"
    folder.mkdir(parents=True)
    names = [f"episode-00{i}-with-a-very-long-descriptive-name-TRUNCATED.html" for i in (1, 2, 3)]
    for i, name in enumerate(names, start=1):
        (folder / name).write_text(
            f"<p>Engines of Thought, part {i} // Ada Lovelace // Meetup #{i}</p>",
            encoding="utf-8",
        )
    other = notes(tmp_path, "other.txt", "Elsewhere // Grace Hopper // Meetup #9")
    result = invoke(str(folder.parent), other, "--width", "80")
    assert result.exit_code == 0, result.stderr
    shown = _path_cells(result.stdout, 4)
    assert len(set(shown)) == 4, shown  # every row's path reads differently
    for i, cell in enumerate(shown[:3], start=1):
        assert f"00{i}" in cell, cell  # the part where they differ shows
    assert all(len(line) <= 80 for line in result.stdout.splitlines())


def test_the_title_has_the_room_first() -> None:
    #          #  Date Title Guests Ch Len Links Err Warn Path
    natural = [3, 10, 40, 30, 2, 8, 5, 3, 4, 30]
    fixed = 3 + 10 + 2 + 8 + 5 + 3 + 4
    widths = summary.column_widths(natural, fixed + 40 + 8 + 12)
    assert widths[2] == 40  # the whole title
    assert (widths[3], widths[9]) == (8, 12)  # guests and path at their minimum
    widths = summary.column_widths(natural, fixed + 40 + 8 + 12 + 10)
    assert (widths[2], widths[3] + widths[9]) == (40, 30)  # what is left, to the others


def test_an_implausible_length_is_not_shown(tmp_path: Path) -> None:
    path = tmp_path / "typo.txt"
    path.write_text("Typo // Ada Lovelace\n\n[00:00] Intro\n[99:00:00] Outro\n", encoding="utf-8")
    table = invoke(str(path), "--width", "80")
    assert "99:00:00" not in table.stdout and "≥" not in table.stdout
    data = json.loads(invoke(str(path), "--format", "json").stdout)
    assert data["rows"][0]["length_seconds"] == 99 * 3600  # the value as read
