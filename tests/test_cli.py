"""The command line as a user meets it: exit codes, one-line errors, outputs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from episodeparse.cli import app
from tests.conftest import FIXTURES, ROOT

SEED = FIXTURES / "coffee-57.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """The real command, in a subprocess, as a shell would run it."""
    return subprocess.run(
        [sys.executable, "-m", "episodeparse", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def one_line_error(proc: subprocess.CompletedProcess[bytes], name: str) -> str:
    err = proc.stderr.decode()
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if name in line]
    assert len(lines) == 1, err
    return lines[0]


def test_convert_one_file_gives_one_object() -> None:
    proc = run("convert", str(SEED))
    assert proc.returncode == 0
    record = json.loads(proc.stdout)
    assert record["title"] == "The Future of ML and Data Platforms"
    assert record["source"]["path"] == str(SEED)


def test_convert_directory_gives_array_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second // Ada Lovelace // Meetup #2\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("# Ep. 1: First\n", encoding="utf-8")
    (tmp_path / "ignored.json").write_text("{}", encoding="utf-8")
    proc = run("convert", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    records = json.loads(proc.stdout)
    assert [r["title"] for r in records] == ["First", "Second"]


def test_stdin_is_read_with_a_null_path() -> None:
    proc = run("convert", "-", stdin=SEED.read_bytes())
    assert proc.returncode == 0
    record = json.loads(proc.stdout)
    assert record["source"]["path"] is None
    assert record["episode"] == 57


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        (b"\x00\x01\x02binary\x00", "not text"),
        (b"Title line\n\xff\xfe broken", "invalid UTF-8 at byte 11"),
    ],
)
def test_bad_inputs_give_one_line_and_exit_2(
    tmp_path: Path, content: bytes | None, expected: str
) -> None:
    bad = tmp_path / "bad.txt"
    if content is not None:
        bad.write_bytes(content)
    proc = run("convert", str(bad))
    assert proc.returncode == 2
    assert expected in one_line_error(proc, str(bad))
    assert proc.stdout == b""


def test_empty_directory_is_an_error(tmp_path: Path) -> None:
    proc = run("convert", str(tmp_path))
    assert proc.returncode == 2
    assert "no notes files" in one_line_error(proc, str(tmp_path))


def test_good_file_beside_bad_one_is_still_converted(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    proc = run("convert", str(SEED), str(missing))
    assert proc.returncode == 2
    records = json.loads(proc.stdout)
    assert [r["episode"] for r in records] == [57]
    one_line_error(proc, str(missing))


def test_utf16_with_bom_and_crlf_are_read(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8").replace("\n", "\r\n")
    notes = tmp_path / "utf16.txt"
    notes.write_bytes(text.encode("utf-16"))
    proc = run("convert", str(notes))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["episode"] == 57


def test_yaml_and_jsonl_carry_the_same_records(tmp_path: Path) -> None:
    as_json = json.loads(run("convert", str(SEED), str(SEED)).stdout)
    as_yaml = list(yaml.safe_load_all(run("convert", "-f", "yaml", str(SEED), str(SEED)).stdout))
    lines = run("convert", "--format", "jsonl", str(SEED), str(SEED)).stdout.splitlines()
    assert as_yaml == as_json
    assert [json.loads(line) for line in lines] == as_json


def test_output_file_is_written_and_inputs_are_never_overwritten(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_bytes(SEED.read_bytes())
    out = tmp_path / "out.json"
    assert run("convert", str(notes), "--output", str(out)).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["episode"] == 57
    before = notes.read_bytes()
    proc = run("convert", str(notes), "--output", str(notes))
    assert proc.returncode == 2
    assert "refusing to overwrite" in one_line_error(proc, str(notes))
    assert notes.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "out.json"]


def test_version_and_help() -> None:
    runner = CliRunner()
    assert "episodeparse 0." in runner.invoke(app, ["--version"]).stdout
    for command in ("convert", "schema"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0
        assert "Usage" in result.stdout
    assert "Examples" in runner.invoke(app, ["convert", "--help"]).stdout


def test_schema_command_prints_a_json_schema() -> None:
    proc = run("schema")
    schema = json.loads(proc.stdout)
    assert schema["$schema"].endswith("2020-12/schema")
    assert list(schema["properties"])[:3] == ["schema", "source", "feed"]


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [
        c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands
    ]
    assert commands
    for name in commands:
        assert f"episodeparse {name}" in readme, name


def test_directory_walk_skips_a_repositorys_own_documents(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# My podcast notes\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x\n", encoding="utf-8")
    (tmp_path / "ep1.md").write_text("# Ep. 1: First\n", encoding="utf-8")
    proc = run("convert", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert [r["title"] for r in json.loads(proc.stdout)] == ["First"]
    # Named on the command line, a README is read like any file.
    assert run("convert", str(tmp_path / "README.md")).returncode == 0
