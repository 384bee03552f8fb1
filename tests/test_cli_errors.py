"""No traceback, ever (issue 20, item 3), and one wording per problem (item 7).

- Text that only starts like a sniffed format (JSON, a chapters-JSON document, WebVTT,
  XML, PSC, HTML) gives a record or one line naming the file, with a documented exit code,
  for every command that reads inputs, in a real process (its real recursion limit).
- An exception nothing expected (a bug) inside one input's reading or parsing is one line
  naming the input, saying it is an internal error, naming the exception's type and
  asking for a report; the other inputs are still converted; exit 3.
- The same problem reads the same in every command (``episodeparse.errors``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from episodeparse import cli, errors, pipeline
from tests.conftest import FIXTURES, ROOT

NOTES = FIXTURES / "coffee-57.txt"

# Inputs that open like a format the sniffer knows and then go wrong.
LOOKALIKES: dict[str, str] = {
    "brackets.txt": "[" * 2_000,
    "braces.txt": "{" * 2_000,
    "nested-json.json": "[" * 5_000 + "]" * 5_000,
    "chapters-json-then-brackets.json": '{"version": "1.2.0", "chapters": ' + "[" * 5_000,
    "chapters-json-deep-object.json": '{"version": "1.2.0", "chapters": ['
    + '{"a": ' * 5_000
    + "1"
    + "}" * 5_000
    + "]}",
    "webvtt-garbage.vtt": "WEBVTT\n" + "\x01 garbage --> \x7f\n" * 200 + "00:00.000 --> 99:99\n",
    "xml-nested.txt": '<?xml version="1.0"?>' + "<a>" * 100_000,
    "xml-nested.xml": '<?xml version="1.0"?>' + "<a>" * 100_000,
    "feed-nested.xml": '<?xml version="1.0"?><rss><channel><item><description>'
    + "<a>" * 100_000
    + "</a>" * 100_000
    + "</description></item></channel></rss>",
    "psc-nested.xml": '<?xml version="1.0"?>'
    '<psc:chapters xmlns:psc="http://podlove.org/simple-chapters">'
    + "<a>" * 100_000
    + "</a>" * 100_000
    + "</psc:chapters>",
    "html-nested.html": "<html>" + "<div>" * 100_000,
}

COMMANDS = [
    ["convert"],
    ["validate"],
    ["summary", "--format", "csv"],
    ["chapters", "--to", "mp4chaps"],
]


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "episodeparse", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def lookalikes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("lookalikes")
    paths = {}
    for name, text in LOOKALIKES.items():
        paths[name] = folder / name
        paths[name].write_text(text, encoding="utf-8")
    return paths


@pytest.mark.parametrize("name", sorted(LOOKALIKES))
def test_a_lookalike_gives_a_record_or_one_line(lookalikes: dict[str, Path], name: str) -> None:
    path = lookalikes[name]
    proc = run("convert", path)
    assert "Traceback" not in proc.stderr, proc.stderr[-500:]
    if proc.returncode == 0:
        record = json.loads(proc.stdout)
        assert record["source"]["path"] == str(path)
        assert proc.stderr == ""
    else:
        assert proc.returncode == errors.EXIT_INPUT, proc.stderr
        [line] = proc.stderr.splitlines()
        assert line.startswith(f"episodeparse: {path}: ")


def test_notes_that_open_with_a_run_of_brackets_keep_every_bracket(
    lookalikes: dict[str, Path],
) -> None:
    proc = run("convert", lookalikes["brackets.txt"])
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert "[" * 2_000 in json.dumps(record)  # nothing the user wrote vanishes


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_every_command_over_every_lookalike(
    lookalikes: dict[str, Path], command: list[str]
) -> None:
    paths = [lookalikes[name] for name in sorted(LOOKALIKES)]
    if command[0] == "chapters":
        for path in paths:
            proc = run(*command, path)
            assert "Traceback" not in proc.stderr, (path, proc.stderr[-500:])
            assert proc.returncode in (0, 2), (path, proc.stderr)
            assert len(proc.stderr.splitlines()) <= 1, (path, proc.stderr)
        return
    proc = run(*command, *paths)
    assert "Traceback" not in proc.stderr, proc.stderr[-500:]
    assert proc.returncode in (0, 1, 2), proc.stderr
    for line in proc.stderr.splitlines():
        assert any(line.startswith(f"episodeparse: {p}: ") for p in paths), line


# A bug inside one input ------------------------------------------------------------------


@pytest.fixture
def bug_in_second_title(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parsing any notes that mention "TRIGGER" raises, as a bug in an extractor would."""
    real = pipeline.parse_notes

    def parse_notes(text: str, *args: object, **kwargs: object) -> object:
        if "TRIGGER" in text:
            raise ZeroDivisionError("division by zero")
        return real(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("episodeparse.inputs.parse_notes", parse_notes)


@pytest.mark.parametrize("command", [["convert"], ["validate"], ["summary"]])
def test_an_internal_error_is_one_line_the_others_still_converted(
    tmp_path: Path, bug_in_second_title: None, command: list[str]
) -> None:
    good = tmp_path / "a.txt"
    good.write_bytes(NOTES.read_bytes())
    bad = tmp_path / "b.txt"
    bad.write_text("TRIGGER // Ada Lovelace\n", encoding="utf-8")
    result = CliRunner().invoke(cli.app, [*command, str(good), str(bad)])
    assert result.exit_code == errors.EXIT_INTERNAL, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    # One line for the failure (validate closes with its count of findings, another line).
    [line] = [x for x in result.stderr.splitlines() if x.startswith("episodeparse:")]
    assert line.startswith(f"episodeparse: {bad}: internal error (ZeroDivisionError")
    assert "bug" in line and "report" in line
    if command == ["convert"]:
        [record] = json.loads(result.stdout)
        assert record["source"]["path"] == str(good)


def test_an_internal_error_in_a_feed_item_ends_that_feed_only(
    tmp_path: Path, bug_in_second_title: None
) -> None:
    feed = (FIXTURES / "tiny-feed.xml").read_text(encoding="utf-8")
    start = feed.index("<item>", feed.index("<item>") + 1)  # the second item
    at = feed.index("<description>", start) + len("<description>")
    broken = tmp_path / "feed.xml"
    broken.write_text(feed[:at] + "TRIGGER " + feed[at:], encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["convert", str(broken), str(NOTES)])
    assert result.exit_code == errors.EXIT_INTERNAL
    records = json.loads(result.stdout)
    assert [r["source"]["item"] for r in records] == [0, None]  # item 0, then the notes
    [line] = result.stderr.splitlines()
    assert line.startswith(f"episodeparse: {broken}: internal error (ZeroDivisionError")


def test_an_exception_anywhere_is_one_line_and_exit_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken() -> dict[str, object]:
        raise KeyError("a bug")

    monkeypatch.setattr("episodeparse.schema.episode_schema", broken)
    monkeypatch.setattr(sys, "argv", ["episodeparse", "schema"])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == errors.EXIT_INTERNAL
    err = capsys.readouterr().err
    assert "Traceback" not in err
    [line] = err.splitlines()
    assert line.startswith("episodeparse: internal error (KeyError: 'a bug'); this is a bug")


def test_exit_3_is_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "| 3 | an internal error" in readme


# One wording per problem ------------------------------------------------------------------


@pytest.mark.parametrize(
    "command", [["convert"], ["validate"], ["summary"], ["chapters", "--to", "psc"]]
)
def test_a_missing_file_reads_the_same_in_every_command(tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "missing.txt"
    result = CliRunner().invoke(cli.app, [*command, str(missing)])
    assert result.exit_code == errors.EXIT_INPUT
    assert result.stderr.splitlines() == [
        f"episodeparse: {missing}: {errors.message('input/not-found')}"
    ]


def test_every_problem_of_the_catalogue_has_a_code_and_a_message() -> None:
    fields = {"reason": "Input/output error", "limit": 10, "kind": "E", "detail": "d"}
    for code, problem in errors.CATALOGUE.items():
        assert problem.code == code
        assert "/" in code or code == "internal"
        text = errors.message(code, version="0", **fields)
        assert text and "{" not in text and text == text.strip()
        assert problem.exit in errors.EXIT_CODES


# Sizes, usage, completion, colour ----------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "size"),
    [
        ("2000", 2000),
        ("1kB", 1000),
        ("1KiB", 1024),
        ("1MB", 10**6),
        ("1MiB", 2**20),
        ("1.5 MB", 1_500_000),
        ("2GiB", 2 * 2**30),
    ],
)
def test_max_bytes_takes_units(given: str, size: int) -> None:
    assert cli.parse_size(given) == size


@pytest.mark.parametrize("command", [["convert"], ["validate"], ["summary"]])
def test_max_bytes_with_a_unit_refuses_a_larger_input(tmp_path: Path, command: list[str]) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"Title // Ada Lovelace\n" + b"x" * 1_100)
    result = CliRunner().invoke(cli.app, [*command, str(big), "--max-bytes", "1kB"])
    assert result.exit_code == errors.EXIT_INPUT
    assert f"{big}: larger than --max-bytes (1000 bytes)" in result.stderr
    result = CliRunner().invoke(cli.app, ["convert", str(big), "--max-bytes", "2KiB"])
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("given", ["1XB", "MB", "-5", "1e3", "0", "1.2.3"])
def test_a_size_that_is_not_one_is_a_usage_error(given: str) -> None:
    result = CliRunner().invoke(cli.app, ["convert", str(NOTES), "--max-bytes", given])
    assert result.exit_code == errors.EXIT_INPUT
    assert "--max-bytes" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("command", "usage"),
    [
        ("convert", "Usage: episodeparse convert [OPTIONS] PATH..."),
        ("validate", "Usage: episodeparse validate [OPTIONS] PATH..."),
        ("summary", "Usage: episodeparse summary [OPTIONS] PATH..."),
        ("chapters", "Usage: episodeparse chapters [OPTIONS] PATH"),
    ],
)
def test_usage_names_the_arguments(command: str, usage: str) -> None:
    proc = run(command, "--help")  # python -m episodeparse: the program is named so
    assert proc.stdout.splitlines()[0] == usage.replace("episodeparse", "python -m episodeparse")


SCRIPT = Path(sys.executable).with_name("episodeparse")  # the installed command


def complete(words: str) -> list[str]:
    proc = subprocess.run(
        [str(SCRIPT)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={
            **os.environ,
            "_EPISODEPARSE_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split(" ")) - 1),
        },
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split()


@pytest.mark.skipif(not SCRIPT.exists(), reason="episodeparse is not installed beside python")
def test_shell_completion_completes_commands_options_and_values() -> None:
    assert complete("episodeparse con") == ["convert"]
    assert complete("episodeparse convert --fo") == ["--format"]
    assert complete("episodeparse convert --format ") == ["json", "yaml", "jsonl", "sqlite"]
    assert "--install-completion" in run("--help").stdout


@pytest.mark.parametrize(
    ("env", "coloured"),
    [({}, False), ({"FORCE_COLOR": "1"}, True), ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False)],
)
@pytest.mark.parametrize("command", [["validate"], ["summary"]])
def test_no_color_and_force_color(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], coloured: bool, command: list[str]
) -> None:
    for name in ("FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    proc = run(*command, NOTES)  # stdout is a pipe
    assert ("\x1b[" in proc.stdout) is coloured, proc.stdout[:200]


def test_the_command_line_words_an_overwrite_as_the_catalogue() -> None:
    assert errors.message("output/overwrite") == cli._OVERWRITE
