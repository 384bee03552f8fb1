"""What makes convert fast without changing what it prints: lazy imports, streaming
writers, ``--jobs``. Nothing here is timed: the figures live in ``python -m benchmarks``."""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from benchmarks import generate

from episodeparse import cli, emit, inputs
from episodeparse.inputs import InputFailure, iter_records
from episodeparse.model import Episode
from episodeparse.parallel import iter_rendered
from tests.conftest import FIXTURES, ROOT, fixture_notes

SEED = FIXTURES / "coffee-57.txt"
FEED = FIXTURES / "tiny-feed.xml"
MAX = inputs.DEFAULT_MAX_BYTES


def modules_after(*args: str) -> set[str]:
    """The modules loaded by the command line run in a fresh interpreter."""
    code = (
        "import io, json, sys, contextlib\n"
        "from episodeparse.cli import main\n"
        f"sys.argv = ['episodeparse', *{list(args)!r}]\n"
        "out = io.StringIO()\n"
        "try:\n"
        "    with contextlib.redirect_stdout(out):\n"
        "        main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stderr.write(json.dumps(sorted(sys.modules)))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return set(json.loads(proc.stderr.splitlines()[-1]))


def top_level(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def test_convert_to_json_loads_no_rich_yaml_or_dateutil() -> None:
    loaded = top_level(modules_after("convert", "--format", "json", str(SEED)))
    assert "episodeparse" in loaded
    assert not loaded & {"rich", "yaml", "dateutil", "multiprocessing"}


def test_validate_loads_no_rich_yaml_or_dateutil_when_not_on_a_terminal() -> None:
    loaded = top_level(modules_after("validate", str(SEED)))
    assert not loaded & {"rich", "yaml", "dateutil"}


@pytest.mark.parametrize("command", [["convert", "--format", "json"], ["validate"]])
def test_a_note_without_references_loads_neither_openssl_nor_the_entity_table(
    command: list[str], tmp_path: Path
) -> None:
    # hashlib loads OpenSSL, html its 2,231 entities: about 4 ms of a one-file start.
    note = tmp_path / "note.txt"
    note.write_text(SEED.read_text(encoding="utf-8").replace("&", "and"), encoding="utf-8")
    loaded = modules_after(*command, str(note))
    assert "episodeparse.pipeline" in loaded
    assert not loaded & {"_hashlib", "html", "html.entities"}


def test_help_loads_no_parser() -> None:
    loaded = modules_after("--help")
    assert "episodeparse.pipeline" not in loaded
    assert not top_level(loaded) & {"rich", "yaml", "dateutil"}


# What only some inputs need: chapters files, feeds (the XML parser), HTML notes, --output's
# atomic file.
READERS = {
    "episodeparse.chapter_formats",
    "episodeparse.feeds",
    "episodeparse.html",
    "episodeparse.output_dir",
    "xml.etree.ElementTree",
    "defusedxml",
    "decimal",
    "fractions",
}


def test_convert_and_validate_of_notes_load_no_feed_or_chapters_reader() -> None:
    for args in (["convert", "--format", "json", str(SEED)], ["validate", str(SEED)]):
        assert not modules_after(*args) & READERS, args


def test_a_feed_loads_the_feed_reader_and_a_chapters_file_the_chapters_one(
    tmp_path: Path,
) -> None:
    loaded = modules_after("convert", str(FEED))
    assert "episodeparse.feeds" in loaded
    assert "episodeparse.chapter_formats" not in loaded
    chapters = tmp_path / "chapters.vtt"
    chapters.write_text("WEBVTT\n\n00:00.000 --> 00:05.000\nIntro\n", encoding="utf-8")
    loaded = modules_after("convert", str(chapters))
    assert "episodeparse.chapter_formats" in loaded
    assert "episodeparse.feeds" not in loaded


def test_help_loads_only_the_cli() -> None:
    own = {m for m in modules_after("--help") if m.split(".")[0] == "episodeparse"}
    assert own == {"episodeparse", "episodeparse.cli"}


ALL = -1  # every command of the app (stand-ins for the list of commands)


@pytest.mark.parametrize(
    ("args", "held"),
    [
        ([], ALL),
        (["--help"], ALL),
        (["-h"], ALL),
        (["--version"], ALL),
        (["bogus"], ALL),
        (["convert"], 1),
        (["convert", "--help"], 1),
        (["validate", "-h"], 1),
        (["convert", "--format", "bogus", str(SEED)], 1),
        (["validate", "--select", "links/nope", str(SEED)], 1),
        (["chapters", "--help"], 1),
        (["summary", "--help"], 1),
        (["rule", "--help"], 1),
        (["schema", "--help"], 1),
    ],
)
def test_main_builds_only_what_it_runs_and_prints_what_the_whole_app_prints(
    args: list[str],
    held: int,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``main`` gives typer the one command it runs, or for the list of commands stand-ins
    without options (cli._app_for): the output and exit code are the whole app's."""
    app_for_args = cli._app_for
    outcomes = []
    for app_for in (app_for_args, lambda _args: cli.app):
        monkeypatch.setattr(cli, "_app_for", app_for)
        monkeypatch.setattr(sys, "argv", ["episodeparse", *args])
        with pytest.raises(SystemExit) as stopped:
            cli.main()
        outcomes.append((stopped.value.code, capsys.readouterr()))
    assert outcomes[0] == outcomes[1]
    expected = len(cli.app.registered_commands) if held == ALL else held
    assert len(app_for_args(args).registered_commands) == expected
    # the whole app's commands keep their annotations as written: the one command run
    # is given typer with them evaluated, on a copy (cli._evaluated)
    for info in cli.app.registered_commands:
        assert info.callback is not None
        assert all(isinstance(a, str) for a in info.callback.__annotations__.values())


def test_typer_formats_a_usage_error_without_rich() -> None:
    # typer imports rich for errors and help unless rich_markup_mode is None (cli.py).
    loaded = top_level(modules_after("convert", "--format", "bogus", str(SEED)))
    assert not loaded & {"rich", "pydantic"}


def test_cli_default_max_bytes_is_the_library_one() -> None:
    assert cli.DEFAULT_MAX_BYTES == inputs.DEFAULT_MAX_BYTES


def records(paths: list[Path]) -> list[Episode]:
    found = [r for r in iter_records([str(p) for p in paths]) if isinstance(r, Episode)]
    assert found
    return found


def write(fmt: str, rendered: list[str], *, bare_single: bool) -> str:
    out = io.StringIO()
    writer = emit.RecordWriter(out, fmt, bare_single=bare_single)
    for text in rendered:
        writer.add(text)
    writer.close()
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["json", "yaml", "jsonl"])
def test_streamed_output_is_byte_for_byte_the_whole_list(fmt: str) -> None:
    found = records(fixture_notes())
    rendered = [emit.RENDERERS[fmt](r) for r in found]
    whole = {
        "json": lambda: emit.to_json(found),
        "yaml": lambda: emit.to_yaml_documents(found),
        "jsonl": lambda: "".join(emit.to_jsonl_line(r) for r in found),
    }[fmt]()
    assert write(fmt, rendered, bare_single=False) == whole
    assert write(fmt, rendered, bare_single=True) == whole  # two or more: still a list


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_a_lone_record_of_one_input_is_written_bare(fmt: str) -> None:
    (record,) = records([SEED])
    rendered = emit.RENDERERS[fmt](record)
    bare = emit.to_json(record) if fmt == "json" else emit.to_yaml(record)
    assert write(fmt, [rendered], bare_single=True) == bare
    listed = emit.to_json([record]) if fmt == "json" else emit.to_yaml_documents([record])
    assert write(fmt, [rendered], bare_single=False) == listed
    assert write(fmt, [], bare_single=True) == write(fmt, [], bare_single=False) == ""


def test_libyaml_and_pure_dumper_write_the_same_yaml() -> None:
    if not getattr(yaml, "__with_libyaml__", False):
        pytest.skip("PyYAML without libyaml")
    found = records(fixture_notes())
    assert emit.to_yaml_documents(found) == emit.to_yaml_documents(found, libyaml=False)


def rendered(paths: list[str], jobs: int, fmt: str = "jsonl") -> list[str | InputFailure]:
    return list(iter_rendered(paths, emit.RENDERERS[fmt], jobs=jobs, max_bytes=MAX))


def test_jobs_keep_order_and_failures_in_place(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text(
        "<rss><channel><item><title>A</title><description>Intro</description></item>"
        "<item><title>B</title><broken></channel>",
        encoding="utf-8",
    )
    paths = [str(SEED), str(tmp_path / "missing.txt"), str(broken), str(FIXTURES), str(FEED)]
    serial = rendered(paths, 1)
    assert rendered(paths, 2) == serial
    failures = [r for r in serial if isinstance(r, InputFailure)]
    assert [f.path for f in failures] == [str(tmp_path / "missing.txt"), str(broken)]
    # The broken feed's first item is converted before its failure is reported.
    at = serial.index(failures[1])
    source = json.loads(str(serial[at - 1]))["source"]
    assert (source["path"], source["format"], source["item"]) == (str(broken), "rss", 0)


def test_a_long_feed_goes_through_the_workers_in_order(tmp_path: Path) -> None:
    feed = generate.write_feed(tmp_path / "feed.xml", 40, seed=3)
    serial = rendered([str(feed)], 1)
    assert len(serial) == 40
    assert rendered([str(feed)], 2) == serial


def test_a_feed_over_max_bytes_fails_as_a_whole_read_would() -> None:
    (failure,) = list(iter_records([str(FEED)], max_bytes=100))
    assert isinstance(failure, InputFailure)
    assert failure.message == "larger than --max-bytes (100 bytes)"
    assert list(iter_rendered([str(FEED)], emit.to_jsonl_line, jobs=2, max_bytes=100)) == [failure]


def run_cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "episodeparse", *args], capture_output=True, cwd=ROOT, check=False
    )


@pytest.mark.parametrize(
    ("fmt", "path"), [("json", "fixtures"), ("yaml", "fixtures"), ("jsonl", str(FEED))]
)
def test_jobs_2_prints_what_jobs_1_prints(fmt: str, path: str) -> None:
    one = run_cli("convert", "--format", fmt, path)
    two = run_cli("convert", "--format", fmt, "--jobs", "2", path)
    assert one.returncode == two.returncode == 0, two.stderr
    assert two.stdout == one.stdout
    assert two.stderr == one.stderr


def test_generator_is_deterministic_and_about_3_kb() -> None:
    assert generate.feed(3, seed=5) == generate.feed(3, seed=5)
    rng_a, rng_b = random.Random(8), random.Random(8)
    notes = [generate.note(rng_a, i) for i in range(60)]
    assert notes == [generate.note(rng_b, i) for i in range(60)]
    assert {style for style, _suffix, _text in notes} == set(generate.STYLES)
    sizes = sorted(len(text.encode()) for _style, _suffix, text in notes)
    assert 2400 < sizes[len(sizes) // 2] < 3600


def test_directory_walk_keeps_the_order_of_sorted_paths(tmp_path: Path) -> None:
    for name in ("a.txt", "a b.txt", "A.txt", ".txt", "x.TXT", "a/b/c.md", "a/z.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Notes\n", encoding="utf-8")
    for name in ("a.d/q.xml", "x.txt/in.md", "z/.hidden.md", "a/b/é.txt", "n.gold.json"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Notes\n", encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "z", target_is_directory=True)
    (tmp_path / "lnk.md").symlink_to(tmp_path / "a.txt")
    expected = sorted(
        p
        for p in tmp_path.rglob("*")
        if p.suffix.lower() in inputs.NOTE_SUFFIXES
        and p.is_file()
        and not p.name.startswith(".")  # hidden files are not notes
    )
    assert list(inputs.expand([str(tmp_path)])) == [str(p) for p in expected]
    assert str(tmp_path / "a" / "b" / "c.md") in list(inputs.expand([str(tmp_path)]))
