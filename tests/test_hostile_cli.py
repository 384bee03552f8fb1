"""Hostile and broken input at the command line (issue #7): never crash, never hang,
never lose or overwrite data.

- ``convert --output-dir`` on the local engine: one file per input, atomic, never over an
  input, no silent overwrite between inputs of the same name;
- interrupted output (an exception in the record stream, or SIGINT) leaves no partial or
  temporary file, and an earlier output as it was;
- size: memory and CPU grow in proportion to a single-line input; ``--max-bytes`` refuses;
- bad bytes, hostile feeds and hostile HTML, for every command that reads inputs, with no
  network access;
- JSON and YAML (both dumpers) give back every string exactly;
- dates: dateutil never sees a bare time or a long digit run;
- a matrix of every command and format over every hostile input: exit 0, 1 or 2, one
  line per failing input naming it, no traceback, no output over an input.

The 50 MB single-line measurement is ``python -m benchmarks.big_line`` (not a test).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from benchmarks.big_line import one_line
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from episodeparse import cli, parse
from episodeparse.emit import to_json, to_jsonl_line, to_yaml, to_yaml_documents
from episodeparse.model import Episode
from episodeparse.normalize import parse_date
from tests.conftest import FIXTURES, ROOT

FEED = FIXTURES / "tiny-feed.xml"
NOTES = FIXTURES / "coffee-57.txt"

CHAPTER_NOTES = (
    "Engines of Thought // Ada Lovelace // Meetup #12\n\n"
    "[00:00] Introduction\n[02:30] The analytical engine\n[10:15] Poetical science\n"
)


def invoke(*args: str | Path) -> Result:
    """The command in this process (typer's runner: stdout and stderr apart)."""
    return CliRunner().invoke(cli.app, [str(a) for a in args])


def stderr_lines(result: Result) -> list[str]:
    return result.stderr.splitlines()


def no_temporary_files(folder: Path) -> bool:
    return not [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


# Network: every test here fails loudly on any attempt --------------------------------


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Any connection attempt in this process is recorded and refused."""
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object, *args: object) -> None:
        attempts.append(address)
        raise AssertionError(f"network access attempted: {address!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


# 1. convert --output-dir on the local engine ------------------------------------------


def _catalogue(root: Path) -> Path:
    notes = root / "notes"
    (notes / "2021").mkdir(parents=True)
    (notes / "2022").mkdir()
    (notes / "2021" / "001.txt").write_text(CHAPTER_NOTES, encoding="utf-8")
    (notes / "2022" / "001.txt").write_text("Second // Grace Hopper\n", encoding="utf-8")
    (notes / "2022" / "001.md").write_text("# Ep. 3: Third\n", encoding="utf-8")
    (notes / "feed.xml").write_bytes(FEED.read_bytes())
    return notes


@pytest.mark.parametrize(("fmt", "suffix"), [("json", ".json"), ("yaml", ".yaml")])
def test_output_dir_writes_one_file_per_input(tmp_path: Path, fmt: str, suffix: str) -> None:
    notes = _catalogue(tmp_path)
    out = tmp_path / "records"
    result = invoke("convert", notes, "--output-dir", out, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    names = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert names == sorted(f"{n}{suffix}" for n in ("2021/001", "2022/001", "2022/001-2", "feed"))

    def load(name: str) -> Any:
        text = (out / f"{name}{suffix}").read_text(encoding="utf-8")
        return json.loads(text) if fmt == "json" else list(yaml.safe_load_all(text))

    one = load("2021/001")
    record = one if fmt == "json" else one[0]
    assert record["title"] == "Engines of Thought"
    assert record["source"]["path"] == str(notes / "2021" / "001.txt")
    # The same stem twice in one folder: neither silently overwritten, in input order.
    paths = {
        (load(n) if fmt == "json" else load(n)[0])["source"]["path"]
        for n in ("2022/001", "2022/001-2")
    }
    assert paths == {str(notes / "2022" / "001.md"), str(notes / "2022" / "001.txt")}
    # A feed is one file holding its records, always a list.
    feed = load("feed")
    assert [r["source"]["item"] for r in feed] == [0, 1, 2]
    # The records are those convert prints for the same inputs, split by input.
    whole = invoke("convert", notes, "--format", fmt).stdout
    printed = json.loads(whole) if fmt == "json" else list(yaml.safe_load_all(whole))
    written = [
        record,
        *(load(n) if fmt == "json" else load(n)[0] for n in ("2022/001", "2022/001-2")),
        *feed,
    ]
    assert sorted(map(json.dumps, written)) == sorted(map(json.dumps, printed))


def test_output_dir_jsonl_files_concatenate_to_the_stream(tmp_path: Path) -> None:
    notes = _catalogue(tmp_path)
    out = tmp_path / "records"
    result = invoke("convert", notes, "--output-dir", out, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    stream = invoke("convert", notes, "--format", "jsonl").stdout
    files = [out / n for n in ("2021/001.jsonl", "2022/001.jsonl", "2022/001-2.jsonl")]
    files.append(out / "feed.jsonl")
    by_path = {
        json.loads(line)["source"]["path"] + str(json.loads(line)["source"]["item"]): line
        for f in files
        for line in f.read_text(encoding="utf-8").splitlines(keepends=True)
    }
    assert sorted(by_path.values()) == sorted(stream.splitlines(keepends=True))


def test_output_dir_same_stem_in_different_folders_named_on_the_command_line(
    tmp_path: Path,
) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "ep.txt").write_text(f"Title {folder}\n", encoding="utf-8")
    out = tmp_path / "out"
    result = invoke(
        "convert", tmp_path / "a" / "ep.txt", tmp_path / "b" / "ep.txt", "--output-dir", out
    )
    assert result.exit_code == 0, result.stderr
    sources = [
        json.loads((out / n).read_text(encoding="utf-8"))["source"]["path"]
        for n in ("ep.json", "ep-2.json")
    ]
    assert sources == [str(tmp_path / "a" / "ep.txt"), str(tmp_path / "b" / "ep.txt")]
    # A second run gives the same names again, replacing the first run's files.
    again = invoke(
        "convert", tmp_path / "a" / "ep.txt", tmp_path / "b" / "ep.txt", "--output-dir", out
    )
    assert again.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["ep-2.json", "ep.json"]


def test_output_dir_in_the_inputs_folder_refuses_only_the_file_over_an_input(
    tmp_path: Path,
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text(CHAPTER_NOTES, encoding="utf-8")
    chapters = tmp_path / "chapters.json"
    assert invoke("chapters", notes, "--to", "podcast-json", "--output", chapters).exit_code == 0
    before = chapters.read_bytes()
    result = invoke("convert", chapters, notes, "--output-dir", tmp_path)
    assert result.exit_code == 2
    [line] = stderr_lines(result)
    assert str(chapters) in line and "refusing to overwrite an input file" in line
    assert chapters.read_bytes() == before
    record = json.loads((tmp_path / "notes.json").read_text(encoding="utf-8"))
    assert record["title"] == "Engines of Thought"  # the other input is still written
    assert no_temporary_files(tmp_path)


def test_output_dir_failures_are_one_line_each_and_give_no_file(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(CHAPTER_NOTES, encoding="utf-8")
    broken = tmp_path / "broken.xml"
    data = FEED.read_bytes()
    broken.write_bytes(data[: data.index(b"<item>", data.index(b"</item>"))] + b"<item><title>x")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"abc\x00def")
    out = tmp_path / "out"
    result = invoke("convert", broken, binary, tmp_path / "missing.txt", good, "--output-dir", out)
    assert result.exit_code == 2
    lines = stderr_lines(result)
    assert len(lines) == 3
    for line, name in zip(lines, ("broken.xml", "binary.txt", "missing.txt"), strict=True):
        assert line.startswith("episodeparse: ") and name in line
    # A feed broken after its first item gives no file: a file is all of an input.
    assert sorted(p.name for p in out.iterdir()) == ["good.json"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--output", "{tmp}/x.json"], "give one of them"),
        (["-"], "standard input"),
    ],
)
def test_output_dir_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = invoke("convert", NOTES, *argv, "--output-dir", tmp_path / "out")
    assert result.exit_code == 2
    [line] = stderr_lines(result)
    assert message in line
    assert list(tmp_path.iterdir()) == []


def test_output_dir_that_is_a_file_is_refused(tmp_path: Path) -> None:
    taken = tmp_path / "records"
    taken.write_text("not a folder\n", encoding="utf-8")
    result = invoke("convert", NOTES, "--output-dir", taken)
    assert result.exit_code == 2
    assert stderr_lines(result) == [f"episodeparse: {taken}: not a directory (--output-dir)"]
    assert taken.read_text(encoding="utf-8") == "not a folder\n"


def test_output_dir_feed_without_items_gives_no_file(tmp_path: Path) -> None:
    feed = tmp_path / "empty.xml"
    feed.write_text('<rss version="2.0"><channel><title>T</title></channel></rss>\n')
    out = tmp_path / "out"
    result = invoke("convert", feed, NOTES, "--output-dir", out)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["coffee-57.json"]


def test_output_dir_is_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "--output-dir DIR" in readme.split("### `episodeparse convert --engine dask")[0]
    help_text = invoke("convert", "--help").stdout
    assert "--output-dir" in help_text and "one file per input" in help_text


def test_output_dir_with_jobs_gives_the_same_files(tmp_path: Path) -> None:
    notes = _catalogue(tmp_path)
    one, two = tmp_path / "one", tmp_path / "two"
    assert invoke("convert", notes, "--output-dir", one).exit_code == 0
    assert invoke("convert", notes, "--output-dir", two, "--jobs", "2").exit_code == 0
    files = sorted(p.relative_to(one) for p in one.rglob("*.json"))
    assert files == sorted(p.relative_to(two) for p in two.rglob("*.json"))
    assert all((one / f).read_bytes() == (two / f).read_bytes() for f in files)


# 2. Interrupted output leaves no partial file -----------------------------------------


def _interrupting(after: int, exc: BaseException) -> Callable[..., Iterator[object]]:
    """``parallel.iter_rendered`` that raises ``exc`` after ``after`` results."""
    from episodeparse import parallel

    real = parallel.iter_rendered

    def iter_rendered(*args: Any, **kwargs: Any) -> Iterator[object]:
        for n, result in enumerate(real(*args, **kwargs)):
            if n == after:
                raise exc
            yield result

    return iter_rendered


def _run_main(monkeypatch: pytest.MonkeyPatch, *args: str | Path) -> int:
    monkeypatch.setattr(sys, "argv", ["episodeparse", *map(str, args)])
    with pytest.raises(SystemExit) as exited:
        cli.main()
    code = exited.value.code
    assert isinstance(code, int)
    return code


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize(
    "command",
    [
        ["convert"],
        ["convert", "--format", "jsonl"],
        ["convert", "--format", "yaml"],
        ["validate"],
        ["summary"],
        ["summary", "--format", "csv"],
        ["chapters", "--to", "webvtt", "--duration", "1:00:00"],
    ],
)
def test_a_full_disk_on_stdout_is_one_line_and_exit_2(command: list[str]) -> None:
    # These ended in a traceback (OSError: [Errno 28]) and exit 1: output lost, in a run
    # that looked like a crash.
    with Path("/dev/full").open("w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "episodeparse", *command, str(FIXTURES / "coffee-57.txt")],
            stdout=full,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            timeout=120,
            check=False,
        )
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert err.splitlines() == [
        "episodeparse: cannot write to standard output: No space left on device"
    ]


def _run_with_closed(fd: int, *args: str) -> subprocess.CompletedProcess[bytes]:
    """The command run by a shell with file descriptor ``fd`` closed (``0<&-``, ``1>&-``,
    ``2>&-``), the others captured."""
    close = {0: "0<&-", 1: "1>&-", 2: "2>&-"}[fd]
    line = " ".join([sys.executable, "-m", "episodeparse", *args, close])
    return subprocess.run(
        ["sh", "-c", line],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_a_closed_stderr_keeps_messages_off_stdout(tmp_path: Path) -> None:
    # print(file=None) writes to stdout: an error message would have landed in the records.
    proc = _run_with_closed(2, "convert", "--format", "jsonl", str(FIXTURES), "missing.txt")
    assert proc.returncode == 2
    lines = proc.stdout.decode().splitlines()
    assert lines and all(json.loads(line)["schema"] for line in lines)


@pytest.mark.parametrize("command", [["convert"], ["validate"], ["summary"]])
def test_a_closed_stdout_is_one_line_and_exit_2(command: list[str]) -> None:
    # sys.stdout is None then: each command crashed on it (AttributeError).
    proc = _run_with_closed(1, *command, str(FIXTURES / "coffee-57.txt"))
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert err.splitlines() == ["episodeparse: cannot write to standard output: it is closed"]


def test_convert_to_a_file_needs_no_stdout(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    proc = _run_with_closed(1, "convert", str(FIXTURES / "coffee-57.txt"), "-o", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(out.read_text(encoding="utf-8"))["episode"] == 57


@pytest.mark.parametrize(
    "command", [["convert"], ["validate"], ["summary"], ["chapters", "--to", "psc"]]
)
def test_reading_a_closed_stdin_is_one_line_and_exit_2(command: list[str]) -> None:
    proc = _run_with_closed(0, *command, "-")
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert err.splitlines() == ["episodeparse: -: standard input is closed"]


def test_output_into_a_fifo_writes_into_it_and_leaves_it_a_fifo(tmp_path: Path) -> None:
    # The atomic write renamed its temporary file over the FIFO: the reader got nothing and
    # the FIFO became a regular file (as root, "-o /dev/null" replaced /dev/null itself).
    import stat
    import threading

    fifo = tmp_path / "records.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = invoke("convert", FIXTURES / "coffee-57.txt", "-o", fifo)
    reader.join(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert got and json.loads(got[0])["episode"] == 57
    assert sorted(p.name for p in tmp_path.iterdir()) == ["records.fifo"]


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="no /dev/stdout here")
def test_output_to_dev_stdout_goes_where_stdout_goes(tmp_path: Path) -> None:
    # Through a pipe, "-o /dev/stdout" failed ("No such file or directory": the link led to
    # "pipe:[N]"); through ">> log" it replaced the log instead of appending to it.
    notes = str(FIXTURES / "coffee-57.txt")
    command = [sys.executable, "-m", "episodeparse", "convert", notes, "-o", "/dev/stdout"]
    piped = subprocess.run(command, capture_output=True, cwd=ROOT, timeout=120, check=False)
    assert piped.returncode == 0, piped.stderr.decode()
    assert json.loads(piped.stdout)["episode"] == 57
    log = tmp_path / "log.txt"
    log.write_text("earlier line\n", encoding="utf-8")
    line = " ".join([*command, ">>", str(log)])
    appended = subprocess.run(["sh", "-c", line], cwd=ROOT, timeout=120, check=False)
    assert appended.returncode == 0
    earlier, record = log.read_text(encoding="utf-8").split("\n", 1)
    assert earlier == "earlier line" and json.loads(record)["episode"] == 57
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.txt"]


def test_output_through_a_symlink_replaces_its_target(tmp_path: Path) -> None:
    (tmp_path / "records").mkdir()
    target = tmp_path / "records" / "2024.json"
    target.write_text("earlier\n", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    result = invoke("convert", FIXTURES / "coffee-57.txt", "-o", link)
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()
    assert json.loads(target.read_text(encoding="utf-8"))["episode"] == 57
    assert sorted(p.name for p in (tmp_path / "records").iterdir()) == ["2024.json"]


@pytest.mark.parametrize("exc", [KeyboardInterrupt(), RuntimeError("boom")])
def test_interrupted_output_file_is_left_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exc: BaseException
) -> None:
    from episodeparse import parallel

    output = tmp_path / "out.json"
    output.write_text("earlier\n", encoding="utf-8")
    monkeypatch.setattr(parallel, "iter_rendered", _interrupting(2, exc))
    if isinstance(exc, KeyboardInterrupt):
        assert _run_main(monkeypatch, "convert", FEED, NOTES, "--output", output) == 130
    else:
        with pytest.raises(RuntimeError):
            cli.app(
                ["convert", str(FEED), str(NOTES), "--output", str(output)], standalone_mode=False
            )
    assert output.read_text(encoding="utf-8") == "earlier\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_interrupted_output_dir_keeps_finished_files_and_the_earlier_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from episodeparse import parallel

    out = tmp_path / "out"
    out.mkdir()
    (out / "tiny-feed.json").write_text("earlier\n", encoding="utf-8")
    # coffee-57 (1 record), then the feed's first two items, then Ctrl-C.
    monkeypatch.setattr(parallel, "iter_rendered", _interrupting(3, KeyboardInterrupt()))
    assert _run_main(monkeypatch, "convert", NOTES, FEED, "--output-dir", out) == 130
    assert (out / "tiny-feed.json").read_text(encoding="utf-8") == "earlier\n"
    assert json.loads((out / "coffee-57.json").read_text(encoding="utf-8"))["episode"] == 57
    assert sorted(p.name for p in out.iterdir()) == ["coffee-57.json", "tiny-feed.json"]


def _long_feed(path: Path, items: int) -> None:
    data = FEED.read_text(encoding="utf-8")
    start, end = data.index("    <item>"), data.rindex("</item>") + len("</item>\n")
    path.write_text(data[:start] + data[start:end] * items + data[end:], encoding="utf-8")


def _wait_for_a_temporary_file(proc: subprocess.Popen[bytes], out: Path) -> None:
    """Until the running ``proc`` has begun writing its output in ``out``."""
    deadline = time.monotonic() + 120
    while not [p for p in out.iterdir() if p.name.endswith(".tmp")]:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.01)


@pytest.mark.parametrize(
    ("sent", "code", "said"),
    [
        (signal.SIGINT, 130, "interrupted"),  # Ctrl-C
        # what `timeout`, systemd and a cancelled CI job send: it left the temporary file
        (signal.SIGTERM, 143, "terminated"),
    ],
    ids=["SIGINT", "SIGTERM"],
)
@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("where", ["--output", "--output-dir"])
def test_a_signal_during_a_long_conversion_leaves_no_partial_file(
    tmp_path: Path, where: str, jobs: str, sent: signal.Signals, code: int, said: str
) -> None:
    feed = tmp_path / "long.xml"
    _long_feed(feed, 3000)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "long.json"
    target.write_text("earlier\n", encoding="utf-8")
    dest = target if where == "--output" else out
    proc = subprocess.Popen(
        [sys.executable, "-m", "episodeparse", "convert", str(feed), where, str(dest), "-j", jobs],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    try:
        _wait_for_a_temporary_file(proc, out)
        proc.send_signal(sent)
        stdout, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == code, stderr.decode()
    assert stderr.decode() == f"episodeparse: {said}\n"
    assert stdout == b""
    assert sorted(p.name for p in out.iterdir()) == ["long.json"]
    assert target.read_text(encoding="utf-8") == "earlier\n"


def test_sigterm_to_the_whole_process_group_with_jobs_ends_the_run(tmp_path: Path) -> None:
    # systemd (KillMode=control-group), `kill -- -PGID` and CI runners signal every process:
    # the workers died holding a queue lock, and the pool's terminate() then waited on it
    # forever (found by review; it hung in 5 of 12 runs).
    feed = tmp_path / "long.xml"
    _long_feed(feed, 3000)
    out = tmp_path / "out"
    out.mkdir()
    for attempt in range(6):
        target = out / "long.jsonl"
        proc = subprocess.Popen(
            [
                *(sys.executable, "-m", "episodeparse", "convert", str(feed), "-f", "jsonl"),
                *("-o", str(target), "-j", "2"),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            start_new_session=True,
        )
        try:
            _wait_for_a_temporary_file(proc, out)
            time.sleep(0.05 * attempt)  # at a few moments of the run
            os.killpg(proc.pid, signal.SIGTERM)
            _, stderr = proc.communicate(timeout=30)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        assert proc.returncode == 143, (attempt, stderr.decode())
        assert stderr.decode() == "episodeparse: terminated\n", stderr.decode()
        assert list(out.iterdir()) == [], attempt


# 3. Size ------------------------------------------------------------------------------

_MEASURE = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
    "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(u.ru_maxrss, u.ru_utime + u.ru_stime)\n"
)


def measure(path: Path) -> tuple[int, float]:
    """Peak RSS (KiB) and CPU seconds of ``episodeparse convert PATH`` alone."""
    command = [sys.executable, "-m", "episodeparse", "convert", "-f", "jsonl", str(path)]
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], capture_output=True, check=True, cwd=ROOT
    )
    rss, cpu = proc.stdout.split()
    return int(rss), float(cpu)


def test_a_long_single_line_costs_memory_and_time_in_proportion(tmp_path: Path) -> None:
    empty, small, large = tmp_path / "empty.txt", tmp_path / "small.txt", tmp_path / "large.txt"
    empty.write_bytes(b"Title\n")
    small.write_bytes(one_line(400_000))
    large.write_bytes(one_line(1_600_000))  # 4 times as long
    base_rss, base_cpu = measure(empty)
    small_rss, small_cpu = measure(small)
    large_rss, large_cpu = measure(large)
    # Linear: 4x; quadratic would be 16x. Allow for noise and a shared machine.
    assert large_rss - base_rss <= 6 * (small_rss - base_rss), (base_rss, small_rss, large_rss)
    assert large_cpu - base_cpu <= 8 * (small_cpu - base_cpu), (base_cpu, small_cpu, large_cpu)


@pytest.mark.parametrize(
    "command",
    [["convert"], ["validate"], ["summary"], ["chapters", "--to", "youtube"]],
)
def test_max_bytes_refuses_a_large_input_for_every_command(
    tmp_path: Path, command: list[str]
) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 2_000_001)  # 10,000,005 bytes
    result = invoke(*command, big, "--max-bytes", "10000000")
    assert result.exit_code == 2
    assert stderr_lines(result) == [
        f"episodeparse: {big}: larger than --max-bytes (10000000 bytes)"
    ]


def test_max_bytes_default_is_64_mib() -> None:
    from episodeparse.inputs import DEFAULT_MAX_BYTES

    assert cli.DEFAULT_MAX_BYTES == DEFAULT_MAX_BYTES == 64 * 1024 * 1024


# 4. Bad bytes, every command ------------------------------------------------------------

READERS = [["convert"], ["validate"], ["summary"], ["chapters", "--to", "mp4chaps"]]


@pytest.mark.parametrize("command", READERS)
def test_binary_file_is_not_text(tmp_path: Path, command: list[str]) -> None:
    binary = tmp_path / "episode.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = invoke(*command, binary)
    assert result.exit_code == 2
    [line] = stderr_lines(result)
    assert line == f"episodeparse: {binary}: not text: NUL byte at offset 8 (binary file?)"


@pytest.mark.parametrize("command", READERS)
def test_invalid_utf8_names_the_file_and_the_byte(tmp_path: Path, command: list[str]) -> None:
    notes = tmp_path / "latin.txt"
    notes.write_bytes(CHAPTER_NOTES.replace("Poetical", "Po\xe9tical").encode("latin-1"))
    offset = CHAPTER_NOTES.index("Poetical") + 2
    result = invoke(*command, notes)
    assert result.exit_code == 2
    [line] = stderr_lines(result)
    assert line == (
        f"episodeparse: {notes}: invalid UTF-8 at byte {offset} (use --encoding to override)"
    )
    fixed = invoke(*command, notes, "--encoding", "latin-1")
    assert fixed.exit_code == 0, fixed.stderr
    if command[0] in ("convert", "chapters"):
        assert "Poétical" in fixed.stdout


@pytest.mark.parametrize("command", READERS)
@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("no-such-codec", "unknown encoding: no-such-codec"),
        ("rot13", "'rot13' is not a text encoding"),  # a codec, but of str to str
        ("idna", "idna cannot read every byte as text"),  # crashed: a UnicodeError
        ("punycode", "punycode cannot read every byte as text"),
    ],
)
def test_an_encoding_that_reads_no_text_is_a_usage_error(
    tmp_path: Path, command: list[str], name: str, why: str
) -> None:
    # These crashed with a traceback (LookupError, UnicodeError) where the input was sniffed.
    notes = tmp_path / "notes.txt"
    notes.write_text(CHAPTER_NOTES, encoding="utf-8")
    result = invoke(*command, notes, "--encoding", name)
    assert result.exit_code == 2, (result.stderr, result.exception)
    assert isinstance(result.exception, SystemExit)
    assert f"Invalid value for '--encoding': {why}" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", READERS)
@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_utf16_with_a_bom_is_read(tmp_path: Path, command: list[str], codec: str) -> None:
    notes = tmp_path / "wide.txt"
    bom = "\ufeff" if codec == "utf-16-be" else ""
    notes.write_bytes((bom + CHAPTER_NOTES).encode(codec))
    result = invoke(*command, notes)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    if command[0] == "convert":
        assert json.loads(result.stdout)["title"] == "Engines of Thought"
    if command[0] == "chapters":
        assert "00:02:30.000 The analytical engine" in result.stdout


# 5. Hostile feeds, every command --------------------------------------------------------

_LAUGHS = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
HOSTILE_FEEDS: dict[str, bytes] = {
    "laughs.xml": (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY lol0 "lol">' + _LAUGHS + "]>\n"
        '<rss version="2.0"><channel><title>&lol9;</title>'
        "<item><title>&lol9;</title></item></channel></rss>\n"
    ).encode(),
    "xxe-file.xml": (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        b'<rss version="2.0"><channel><title>T</title><item><title>&x;</title>'
        b"<description>&x;</description></item></channel></rss>\n"
    ),
    "xxe-http.xml": (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM "http://{host}/x">]>\n'
        b'<rss version="2.0"><channel><title>T</title><item><title>&x;</title>'
        b"</item></channel></rss>\n"
    ),
    "dtd-url.xml": (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "http://{host}/rss.dtd">\n'
        b'<rss version="2.0"><channel><title>T</title><item><title>x</title>'
        b"</item></channel></rss>\n"
    ),
    "parameter-entity.xml": (
        b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY % p SYSTEM "http://{host}/p.dtd"> %p;]>\n'
        b'<rss version="2.0"><channel><item><title>x</title></item></channel></rss>\n'
    ),
    "not-xml.xml": b"404 Not Found: the feed has moved\n",
    "html-page.rss": b"<!DOCTYPE html><html><body><h1>Moved</h1></body></html>\n",
    "truncated.xml": FEED.read_bytes()[:900],
    # Python knows these codecs, yet they read no bytes as text: they crashed with a UnicodeError.
    "idna.xml": b'<?xml version="1.0" encoding="idna"?><rss><channel><item/></channel></rss>',
    "punycode.xml": b'<?xml version="1.0" encoding="punycode"?><rss><channel/></rss>',
    # A multi-byte encoding that expat does not read: decoded by episodeparse, bad bytes named.
    "bad-shift-jis.xml": (
        b'<?xml version="1.0" encoding="Shift_JIS"?><rss><channel><item><title>\x82</title>'
        b"</item></channel></rss>"
    ),
}
HOSTILE_FEED_ERRORS = {
    "laughs.xml": "feed refused",
    "xxe-file.xml": "feed refused",
    "xxe-http.xml": "feed refused",
    "parameter-entity.xml": "feed refused",
    "not-xml.xml": "not a feed",
    "html-page.rss": "not a feed",
    "truncated.xml": "not well-formed XML",
    "idna.xml": "feed is not readable: its encoding idna decodes no text",
    "punycode.xml": "feed is not readable: its encoding punycode decodes no text",
    "bad-shift-jis.xml": "feed is not valid Shift_JIS at byte 69",
}


def write_hostile_feeds(folder: Path, host: str = "127.0.0.1:9") -> dict[str, Path]:
    paths = {}
    for name, data in HOSTILE_FEEDS.items():
        paths[name] = folder / name
        paths[name].write_bytes(data.replace(b"{host}", host.encode()))
    return paths


@pytest.mark.parametrize("command", [*READERS, ["chapters", "--to", "psc"]])
@pytest.mark.parametrize("name", sorted(HOSTILE_FEED_ERRORS))
def test_hostile_feed_is_one_line_exit_2_for_every_command(
    tmp_path: Path, command: list[str], name: str, no_network: list[object]
) -> None:
    path = write_hostile_feeds(tmp_path)[name]
    result = invoke(*command, path)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    [line] = stderr_lines(result)
    assert line.startswith(f"episodeparse: {path}: ") and HOSTILE_FEED_ERRORS[name] in line
    assert "passwd" not in result.stdout and "root:" not in result.stdout
    assert no_network == []


@pytest.mark.parametrize("command", READERS[:3])
def test_a_doctype_naming_a_dtd_by_url_is_read_and_the_dtd_never_fetched(
    tmp_path: Path, command: list[str], no_network: list[object]
) -> None:
    # RSS 0.91 feeds name the Netscape DTD: the feed is read, the DTD is not.
    path = write_hostile_feeds(tmp_path)["dtd-url.xml"]
    result = invoke(*command, path)
    assert result.exit_code in (0, 1), (result.stdout, result.stderr)
    assert "refused" not in result.stderr
    assert no_network == []


def test_hostile_feeds_connect_to_nothing_in_a_real_process(tmp_path: Path) -> None:
    """The commands as a user runs them, with a listener where the feeds point."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.setblocking(False)
    host = f"127.0.0.1:{listener.getsockname()[1]}"
    try:
        paths = [str(p) for p in write_hostile_feeds(tmp_path, host).values()]
        for command in (["convert"], ["validate"], ["summary"]):
            proc = subprocess.run(
                [sys.executable, "-m", "episodeparse", *command, *paths],
                capture_output=True,
                cwd=ROOT,
                timeout=120,
                check=False,
            )
            assert proc.returncode == 2
            err = proc.stderr.decode()
            assert len(
                [line for line in err.splitlines() if ".xml" in line or ".rss" in line]
            ) == len(HOSTILE_FEED_ERRORS), err  # dtd-url.xml is read (its DTD is not)
            assert "Traceback" not in err
        with pytest.raises(BlockingIOError):
            listener.accept()  # nobody connected
    finally:
        listener.close()


# 6. HTML: scripts never reach the record; javascript: and data: are not links ---------

HOSTILE_HTML = """<html><head><title>T</title>
<style>.x { content: "STYLEMARK" }</style>
<script type="text/javascript">var a = "<a href='https://evil.example/'>SCRIPTMARK</a>";</script>
</head><body><h1>Engines of Thought</h1>
<p>Intro <a href="javascript:alert(1)">Upper label</a>, <a href=" JavaScript:alert(2)">Spaced
label</a>, <a href="data:text/html;base64,PHNjcmlwdD4=">Data label</a>,
<a href="https://ok.example/">Good label</a></p>
<iframe src="https://evil.example/frame">IFRAMEMARK</iframe>
<SCRIPT>SCRIPTMARK2</SCRIPT><script>/* <!-- */ SCRIPTMARK3 </script>
<svg><script>SCRIPTMARK4</script></svg>
</body></html>
"""


def _all_text(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


@pytest.mark.parametrize("where", ["file", "feed"])
def test_html_scripts_and_unsafe_addresses(tmp_path: Path, where: str) -> None:
    if where == "file":
        path = tmp_path / "page.html"
        path.write_text(HOSTILE_HTML, encoding="utf-8")
    else:
        path = tmp_path / "feed.xml"
        body = HOSTILE_HTML.replace("]]>", "")
        path.write_text(
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Show</title><item>'
            f"<title>Engines of Thought</title><description><![CDATA[{body}]]></description>"
            "</item></channel></rss>",
            encoding="utf-8",
        )
    result = invoke("convert", path)
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    text = _all_text(record)
    for mark in ("STYLEMARK", "SCRIPTMARK", "IFRAMEMARK", "evil.example"):
        assert mark not in text
    urls = [link["url"] for link in record["links"]]
    assert urls == ["https://ok.example/"]
    assert "javascript" not in text.lower() and "data:text" not in text
    for label in ("Upper label", "Spaced label", "Data label", "Good label"):
        assert label in " ".join(text.split()), label  # the words the user wrote are kept


# 7. Output fidelity: JSON and YAML (both dumpers) give back every string ----------------

AWKWARD = [
    "no",
    "yes",
    "No",
    "ON",
    "~",
    "0123",
    "0x1F",
    "1e3",
    "+1",
    "1:02:03",
    "01:12",
    "2023-01-01",
    "2023-01-01T10:00:00",
    "null",
    "Null",
    ".inf",
    "-.inf",
    ".NaN",
    "\x85",
    "\u2028",
    "\u2029",
    " leading",
    "trailing ",
    "  ",
    "- x",
    ": x",
    "#x",
    "a # b",
    "a: b",
    "? x",
    "!x",
    "!!python/object/apply:os.system",
    "&anchor",
    "*alias",
    "|",
    ">",
    "%YAML",
    "---",
    "...",
    "'",
    '"',
    "\\",
    "tab\there",
    "\t",
    "nul\x00byte",
    "\x00",
    "\x1b[31m",
    "\x7f",
    "\ufeff",
    "\ufffe",
    "\U0001f600",
    "line\nbreak",
    "line\r\nbreak",
    "\r",
    "\n",
    " indented\n  lines",
    "ends with newline\n",
    "",
    "=",
    "<<",
]


def _with_strings(record: Episode, value: str) -> Episode:
    chapter = dataclasses.replace(record.chapters[0], title=value, time=value)
    return dataclasses.replace(
        record,
        title=value,
        podcast=value + "\n" + value,
        summary=value,
        categories=(value, value + " "),
        chapters=(chapter,),
    )


def _base() -> Episode:
    return parse(CHAPTER_NOTES, path="notes.txt")


def _check_round_trip(record: Episode) -> None:
    expected = record.to_dict()
    assert json.loads(to_json(record)) == expected
    assert json.loads(to_jsonl_line(record)) == expected
    for libyaml in (True, False):
        text = to_yaml(record, libyaml=libyaml)
        # safe_load refuses python tags: the text holds plain YAML only.
        assert yaml.safe_load(text) == expected, text
        assert "!!python" not in text.replace("!!python/object/apply:os.system", "")
        docs = to_yaml_documents([record, record], libyaml=libyaml)
        assert list(yaml.safe_load_all(docs)) == [expected, expected]


@pytest.mark.parametrize("value", AWKWARD)
def test_awkward_strings_round_trip(value: str) -> None:
    _check_round_trip(_with_strings(_base(), value))


def test_libyaml_is_the_default_dumper_here() -> None:
    """The test above compares both dumpers only when libyaml is installed."""
    assert hasattr(yaml, "CSafeDumper")


def test_the_dumpers_differ_only_in_how_they_write_emoji() -> None:
    plain = _with_strings(_base(), "Engines, 1:02:03, no")
    assert to_yaml(plain, libyaml=True) == to_yaml(plain, libyaml=False)
    emoji = _with_strings(_base(), "Engines \U0001f680")
    assert "\\U0001F680" in to_yaml(emoji, libyaml=True)
    assert "\U0001f680" in to_yaml(emoji, libyaml=False)


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(codec="utf-8"), max_size=40))
def test_arbitrary_strings_round_trip(value: str) -> None:
    _check_round_trip(_with_strings(_base(), value))


# 8. Dates: dateutil only on bounded strings, never on a bare time --------------------


@pytest.mark.parametrize(
    "line",
    [
        "Date: 1:02:03",
        "Date: 12:30",
        "Date: 1:02:03 pm",
        "Date: " + "9" * 10_000,
        "Date: 3 March " + "9" * 30,
        "Date: " + "1" * 21 + " 2021",
    ],
)
def test_a_time_or_a_digit_run_is_never_a_date(line: str) -> None:
    record = parse(f"Engines of Thought\n\n{line}\n", path="notes.txt")
    assert record.date is None
    kept = " ".join([lo.text for lo in record.leftovers] + [record.abstract or ""])
    assert line.split(": ", 1)[1][:50] in kept  # not a date, but not lost either


@pytest.mark.parametrize(
    "text",
    [
        "1:02:03",
        "12:30",
        "01:02:03.500",
        "1:02:03 PM",
        "9" * 10_000,
        "March " + "9" * 25,
        "20200101" + "0" * 15,
        "2021 " + "1" * 40,
        "x" * 100_000,
    ],
)
def test_parse_date_refuses_times_and_long_digits(text: str) -> None:
    assert parse_date(text) is None


def test_parse_date_never_calls_dateutil_on_unbounded_text(monkeypatch: pytest.MonkeyPatch) -> None:
    from dateutil import parser as dateparser

    seen: list[str] = []
    real = dateparser.parse

    def spy(text: str, *args: Any, **kwargs: Any) -> Any:
        seen.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(dateparser, "parse", spy)
    for text in ("1:02:03", "9" * 10_000, "October 1st 2021 " + "9" * 20, "z" * 500):
        parse_date(text)
    # a form normalize.find_date does not read, so that dateutil is asked
    assert parse_date("October the 1st, 2021") == "2021-10-01"
    assert seen and all(len(s) <= 80 and ":" not in s for s in seen)


# 9. Every command, every format, every hostile input -----------------------------------

COMMANDS: list[list[str]] = [
    *(["convert", "--format", f] for f in ("json", "yaml", "jsonl")),
    *(["validate", "--format", f] for f in ("text", "json", "github")),
    *(["summary", "--format", f] for f in ("table", "csv", "json", "markdown")),
    *(
        ["chapters", "--to", t, "--duration", "20:00"]
        for t in ("podcast-json", "psc", "ffmetadata", "webvtt", "mp4chaps", "youtube")
    ),
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    inputs = write_hostile_feeds(folder)
    files: dict[str, bytes] = {
        "binary.txt": b"abc\x00\x01\x02",
        "latin1.txt": CHAPTER_NOTES.replace("Poetical", "Po\xe9tical").encode("latin-1"),
        "utf16.txt": CHAPTER_NOTES.encode("utf-16"),
        "empty.txt": b"",
        "one-line.txt": (b"lorem ipsum dolor sit amet " * 40_000)[:1_000_000],
        "script.html": HOSTILE_HTML.encode(),
        "not-chapters.json": b'{"version": "1.2.0", "items": []}',
        "chapters.json": b"",  # written below: a real chapters file
        "control.txt": "Title\x1b[2J\x07 \u2028 \x85\r\r\n[00:00] x\x0b\x0c".encode(),
    }
    for name, data in files.items():
        inputs[name] = folder / name
        inputs[name].write_bytes(data)
    notes = folder / "chapter-notes.md"
    notes.write_text(CHAPTER_NOTES, encoding="utf-8")
    assert (
        invoke("chapters", notes, "--to", "podcast-json", "-o", inputs["chapters.json"]).exit_code
        == 0
    )
    notes.unlink()
    inputs["missing.txt"] = folder / "missing.txt"
    inputs["empty-dir"] = folder / "empty-dir"
    inputs["empty-dir"].mkdir()
    inputs["dir"] = folder / "dir"
    inputs["dir"].mkdir()
    (inputs["dir"] / "good.txt").write_text(CHAPTER_NOTES, encoding="utf-8")
    (inputs["dir"] / "bad.txt").write_bytes(b"\xff\xfe\x00")  # UTF-16 BOM, odd length
    return inputs


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c[:3]))
def test_every_command_on_every_hostile_input(
    hostile: dict[str, Path], command: list[str], no_network: list[object]
) -> None:
    folder = next(iter(hostile.values())).parent
    before = _snapshot(folder)
    for name, path in hostile.items():
        result = invoke(*command, path)
        where = f"{' '.join(command)} {name}"
        assert result.exit_code in (0, 1, 2), (where, result.exception)
        assert result.exception is None or isinstance(result.exception, SystemExit), where
        assert "Traceback" not in result.stdout + result.stderr, where
        lines = stderr_lines(result)
        if result.exit_code == 2:
            assert len(lines) == 1, (where, lines)
            assert lines[0].startswith("episodeparse: "), (where, lines)
            shown = path / "bad.txt" if name == "dir" and command[0] != "chapters" else path
            assert str(shown) in lines[0], (where, lines)
        if name in HOSTILE_FEED_ERRORS or name in ("binary.txt", "latin1.txt", "missing.txt"):
            assert result.exit_code == 2, where
    assert _snapshot(folder) == before  # nothing written over (or beside) an input
    assert no_network == []


@pytest.mark.parametrize("fmt", ["json", "yaml", "jsonl"])
def test_convert_output_dir_over_the_hostile_inputs_folder(
    hostile: dict[str, Path], fmt: str, tmp_path: Path
) -> None:
    folder = next(iter(hostile.values())).parent
    inputs = [p for p in hostile.values() if p.exists() and p.is_file()]
    before = _snapshot(folder)
    out = tmp_path / "out"
    result = invoke("convert", *inputs, hostile["dir"], "--output-dir", out, "--format", fmt)
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    failing = {line.split(": ")[1] for line in stderr_lines(result)}
    written = {p.stem for p in out.iterdir()}
    # Every input is either written or named on stderr once.
    assert len(stderr_lines(result)) == len(failing)
    for path in [*inputs, hostile["dir"] / "good.txt", hostile["dir"] / "bad.txt"]:
        assert (str(path) in failing) != (path.stem in written), path
    assert _snapshot(folder) == before
    # The same into the inputs' own folder: chapters.json would be an input, refused.
    if fmt == "json":
        again = invoke(
            "convert", hostile["chapters.json"], hostile["utf16.txt"], "--output-dir", folder
        )
        assert again.exit_code == 2
        [line] = stderr_lines(again)
        assert "refusing to overwrite an input file" in line and "chapters.json" in line
        assert _snapshot(folder).items() >= before.items()
        (folder / "utf16.json").unlink()
        assert _snapshot(folder) == before


# Exits a user sees: Ctrl-C, a reader that goes away, file modes ------------------------


def test_a_reader_that_goes_away_is_not_an_error(tmp_path: Path) -> None:
    feed = tmp_path / "long.xml"
    _long_feed(feed, 300)
    proc = subprocess.Popen(
        [sys.executable, "-m", "episodeparse", "convert", "-f", "jsonl", str(feed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)  # `| head -c 100`
    proc.stdout.close()
    stderr = proc.stderr.read()
    assert proc.wait(timeout=120) == 0, stderr.decode()
    assert stderr == b""


@pytest.mark.parametrize("existing", [None, 0o640])
def test_output_files_get_the_usual_mode(tmp_path: Path, existing: int | None) -> None:
    """An atomic write must not leave mkstemp's private 0600 behind."""
    umask = os.umask(0o022)
    try:
        output = tmp_path / "out.json"
        if existing is not None:
            output.write_text("earlier\n", encoding="utf-8")
            output.chmod(existing)
        assert invoke("convert", NOTES, "--output", output).exit_code == 0
        assert invoke("convert", NOTES, "--output-dir", tmp_path / "dir").exit_code == 0
        assert (
            invoke("chapters", NOTES, "--to", "mp4chaps", "-o", tmp_path / "c.txt").exit_code == 0
        )
    finally:
        os.umask(umask)
    assert output.stat().st_mode & 0o777 == (existing or 0o644)
    assert (tmp_path / "dir" / "coffee-57.json").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "c.txt").stat().st_mode & 0o777 == 0o644
