"""``episodeparse validate`` as a producer meets it: goldens, exit codes, formats.

Golden files: ``fixtures/validate/NAME.txt`` (with the options in ``NAME.args``, if any)
and ``NAME.diagnostics``, the exact text the command prints. A golden is reviewed by
reading it; to regenerate one after a deliberate change, run from the repository root::

    python -m episodeparse validate $(cat fixtures/validate/NAME.args 2>/dev/null) \\
        fixtures/validate/NAME.txt > fixtures/validate/NAME.diagnostics

and read the diff before committing it.
"""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from episodeparse.cli import _print_coloured, app
from episodeparse.diagnostics import Diagnostic
from tests.conftest import CORPUS, FIXTURES
from tests.test_cli import one_line_error, run

VALIDATE = FIXTURES / "validate"
NOTES = sorted(VALIDATE.glob("*.txt"))


def validate(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["validate", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout


def args_of(notes: Path) -> list[str]:
    args = notes.with_suffix(".args")
    return shlex.split(args.read_text(encoding="utf-8")) if args.exists() else []


@pytest.mark.parametrize("notes", NOTES, ids=[p.stem for p in NOTES])
def test_validate_matches_golden(notes: Path, in_root: Path) -> None:
    golden = notes.with_suffix(".diagnostics")
    shown = f"fixtures/validate/{notes.name}"
    if not golden.exists():
        pytest.fail(
            f"no golden for {notes.name}: run `python -m episodeparse validate "
            f"{' '.join([*args_of(notes), shown])} > fixtures/validate/{golden.name}` "
            "and read it before committing"
        )
    code, out = validate(*args_of(notes), shown)
    expected = golden.read_text(encoding="utf-8")
    assert out == expected
    assert code == (1 if ": error: " in expected else 0)


def test_every_golden_has_its_notes() -> None:
    for golden in VALIDATE.glob("*.diagnostics"):
        assert golden.with_suffix(".txt").exists(), golden.name


def test_seed_notes_exit_0(in_root: Path) -> None:
    code, out = validate("fixtures/coffee-57.txt", "fixtures/coffee-116.txt")
    assert code == 0
    assert ": error: " not in out


def test_strict_turns_warnings_into_exit_1(in_root: Path) -> None:
    notes = "fixtures/validate/links-duplicate.txt"
    code, out = validate(notes)
    assert (code, ": warning: " in out, ": error: " in out) == (0, True, False)
    assert validate("--strict", notes)[0] == 1
    info_only = "fixtures/validate/chapters-not-taken.txt"
    code, out = validate("--strict", "--extend-select", "chapters/not-taken", info_only)
    assert (code, ": info: " in out) == (0, True)


def test_missing_file_is_one_line_exit_2_and_others_still_checked() -> None:
    proc = run(
        "validate", "fixtures/validate/no-such-notes.txt", "fixtures/validate/abstract-empty.txt"
    )
    assert proc.returncode == 2
    assert "no such file" in one_line_error(proc, "no-such-notes.txt")
    assert b"[abstract/empty]" in proc.stdout


def test_bad_options_exit_2_with_one_line() -> None:
    for args, name in (
        (["--ignore", "nope"], "--ignore nope"),
        (["--select", "links,nope"], "--select nope"),
        (["--duration", "12:99"], "--duration 12:99"),
    ):
        proc = run("validate", *args, "fixtures/coffee-57.txt")
        assert proc.returncode == 2
        one_line_error(proc, name)


def test_ignore_skips_a_check_or_a_part(in_root: Path) -> None:
    notes = "fixtures/validate/people-bio-without-person.txt"
    _, out = validate("--select", "ALL", notes)
    assert "[people/no-bio]" in out
    _, out = validate("--select", "ALL", "--ignore", "people/no-bio", notes)
    assert "[people/no-bio]" not in out
    assert "[people/bio-without-person]" in out
    assert validate("--select", "people", "--ignore", "people", notes)[1] == ""


def test_duration_takes_seconds_or_clock_time(in_root: Path) -> None:
    notes = "fixtures/validate/chapters-after-end.txt"
    assert validate("--duration", "1200", notes) == validate("--duration", "20:00", notes)
    assert validate("--duration", "1:00:00", notes)[0] == 0


def test_json_format_is_one_list_over_all_inputs(in_root: Path) -> None:
    code, out = validate(
        "--format",
        "json",
        "fixtures/validate/abstract-empty.txt",
        "fixtures/validate/links-http.txt",
    )
    found = json.loads(out)
    assert code == 0
    assert [d["code"] for d in found] == ["abstract/empty", "links/http", "links/http"]
    # id: the feed item's feed.id, null for notes files (it joins with the catalogue)
    assert list(found[0]) == ["path", "id", "line", "column", "code", "severity", "message"]
    assert {d["id"] for d in found} == {None}


def test_github_format_annotates_each_finding(in_root: Path) -> None:
    code, out = validate("--format", "github", "fixtures/validate/links-malformed.txt")
    lines = out.splitlines()
    assert code == 1
    assert len(lines) == 6
    assert lines[0] == (
        "::error file=fixtures/validate/links-malformed.txt,line=18,col=14,"
        'title=links/malformed::https//... is not an address: write "https://"'
    )


def test_colour_output_never_reads_user_text_as_markup(capsys: pytest.CaptureFixture[str]) -> None:
    d = Diagnostic("n.txt", 1, 2, "leftovers/unrecognized", "warning", 'kept: "[red]x[/red]"')
    _print_coloured([d])
    assert capsys.readouterr().out == (
        'n.txt:1:2: warning: kept: "[red]x[/red]" [leftovers/unrecognized]\n'
    )


def test_help_lists_every_option() -> None:
    out = CliRunner().invoke(app, ["validate", "--help"]).stdout
    for option in ("--format", "--profile", "--min-chapter", "--duration", "--strict", "--ignore"):
        assert option in out


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
def test_every_corpus_file_validates_with_exit_0_or_1() -> None:
    proc = run("validate", "--quiet", "--select", "ALL", str(CORPUS))
    assert proc.returncode in (0, 1), proc.stderr.decode()
    assert proc.stderr == b""
    lines = proc.stdout.decode().splitlines()
    # a feed item's finding names the feed file (at the item's line) and the item
    assert any(line.split(":", 1)[0].endswith(".xml") and "(item " in line for line in lines)


# Control characters in names and notes: one diagnostic, one line, nothing for the terminal


def _controls(text: str) -> list[str]:
    """The control characters of ``text`` other than the line ends between diagnostics."""
    return [c for c in text if (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F]


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("bad\nname.txt", '"bad\\nname.txt"'),
        ("cr\rname.txt", '"cr\\rname.txt"'),
        ("esc\x1b[31mred.txt", '"esc\\x1b[31mred.txt"'),
        ('quote"and\\\x07.txt', '"quote\\"and\\\\\\x07.txt"'),
        ("sep\u2028rlo\u202e.txt", '"sep\\u2028rlo\\u202e.txt"'),
        ("sur\udc9brogate.txt", '"sur\\udc9brogate.txt"'),  # a byte that is not UTF-8
        ('"q\\nb.txt"', '"\\"q\\\\nb.txt\\""'),  # opens with a quote: quoted
    ],
)
def test_a_name_with_control_characters_is_quoted_and_each_diagnostic_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, shown: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path(name).write_text("Hello\n[00:10] a\n[00:05] b\n", encoding="utf-8")
    code, out = validate("--select", "ALL", name)
    assert code == 1  # the chapters are out of order
    lines = out.removesuffix("\n").split("\n")
    assert len(lines) == 5, out  # four warnings and the error, each on its own line
    assert all(line.startswith(shown + ":") for line in lines), out
    assert _controls(out) == []


def test_a_plain_name_is_shown_as_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path('ep 1 "draft" \\ é.txt').write_text("Hello\n", encoding="utf-8")
    _, out = validate("--select", "ALL", 'ep 1 "draft" \\ é.txt')
    assert out.startswith('ep 1 "draft" \\ é.txt:1:1: ')


def test_control_characters_in_the_notes_are_escaped_in_messages(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Hello\x1b[2J world\u2028again \x9b1m\n", encoding="utf-8")
    _, out = validate("--select", "ALL", str(path))
    assert _controls(out) == [] and "\u2028" not in out
    # (the notes' own reading makes a line separator a space)
    assert '"Hello\\x1b[2J world again \\x9b1m"' in out, out


def test_an_error_naming_a_file_with_a_newline_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["validate", "--quiet", str(tmp_path / "no\nsuch.txt")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert "no\\nsuch.txt" in result.stderr


def test_the_coloured_form_quotes_names_too(capsys: pytest.CaptureFixture[str]) -> None:
    _print_coloured([Diagnostic("a\nb.txt", 1, 1, "header/no-title", "warning", "x\x1by")])
    out = capsys.readouterr().out
    assert out.startswith('"a\\nb.txt":1:1: warning: x\\x1by ') and _controls(out) == []
