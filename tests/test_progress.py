"""Feedback on long runs (issue 20, item 4): a progress bar and a closing line on a
terminal (a pseudo-terminal here), neither when stderr is piped, with ``CI`` set or with
``--quiet``; the bar moves with the bytes read, so one big feed moves it too."""

from __future__ import annotations

import io
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from episodeparse import progress
from tests.conftest import FIXTURES, ROOT

FEED = FIXTURES / "tiny-feed.xml"
NOTES = FIXTURES / "coffee-57.txt"


def long_feed(path: Path, items: int) -> None:
    data = FEED.read_text(encoding="utf-8")
    start, end = data.index("    <item>"), data.rindex("</item>") + len("</item>\n")
    path.write_text(data[:start] + data[start:end] * items + data[end:], encoding="utf-8")


def catalogue(root: Path, notes: int = 3) -> Path:
    folder = root / "notes"
    folder.mkdir()
    for i in range(notes):
        (folder / f"{i:03d}.txt").write_bytes(NOTES.read_bytes())
    (folder / "README.md").write_text("# About these notes\n", encoding="utf-8")
    (folder / "LICENSE").write_text("MIT\n", encoding="utf-8")
    return folder


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["EPISODEPARSE_PROGRESS_DELAY"] = "0"  # the bar at once, not after a second
    env.update(extra)
    return env


def on_a_terminal(args: list[str | Path], env: dict[str, str]) -> tuple[int, str]:
    """Run the command with stderr on a pseudo-terminal: its exit code, and what the
    terminal showed."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "episodeparse", *map(str, args)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=slave,
        cwd=ROOT,
        env=env,
    )
    os.close(slave)
    shown = bytearray()
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the other end closed
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    return proc.wait(timeout=120), shown.decode("utf-8", "replace")


def drawings(shown: str) -> list[str]:
    """Each drawing of the bar (they overwrite each other on one line)."""
    return [part for part in shown.replace("\r\n", "\n").split("\r\x1b[2K") if "%" in part]


def test_convert_to_a_folder_shows_a_bar_and_a_closing_line(tmp_path: Path) -> None:
    notes = catalogue(tmp_path)
    out = tmp_path / "out"
    code, shown = on_a_terminal(["convert", notes, "--output-dir", out], environment())
    assert code == 0, shown
    bars = drawings(shown)
    assert bars and all(b.startswith("converting") for b in bars), shown
    assert re.search(r"\d+ records? \d+/s", bars[-1]), bars[-1]
    last = shown.replace("\r\n", "\n").rstrip("\n").split("\n")[-1]
    assert last.endswith(f"wrote 3 records to {out}/, 0 failed, 2 skipped: LICENSE, README.md")


def test_one_big_feed_moves_the_bar(tmp_path: Path) -> None:
    feed = tmp_path / "long.xml"
    long_feed(feed, 400)
    assert feed.stat().st_size > 4 * 65536
    code, shown = on_a_terminal(["convert", feed, "-o", tmp_path / "all.json"], environment())
    assert code == 0, shown
    shares = [int(m) for b in drawings(shown) for m in re.findall(r"(\d+)% \[", b)]
    assert any(0 < share < 100 for share in shares), shares  # it moved within the feed
    assert shares == sorted(shares)
    assert re.search(r"\d:\d\d left", shown)
    assert f"wrote 1,200 records to {tmp_path / 'all.json'}, 0 failed" in shown


@pytest.mark.parametrize("command", [["summary"], ["validate"]], ids=lambda c: c[0])
def test_summary_and_validate_show_a_bar(tmp_path: Path, command: list[str]) -> None:
    notes = catalogue(tmp_path)
    code, shown = on_a_terminal([*command, notes], environment())
    assert code in (0, 1), shown
    label = {"summary": "reading", "validate": "checking"}[command[0]]
    assert drawings(shown) and drawings(shown)[0].startswith(label)
    assert "wrote" not in shown  # no closing line: their output is the summary


@pytest.mark.parametrize(
    ("extra", "env"),
    [(["--quiet"], {}), ([], {"CI": "true"})],
    ids=["quiet", "CI"],
)
def test_no_bar_nor_closing_line_with_quiet_or_in_ci(
    tmp_path: Path, extra: list[str], env: dict[str, str]
) -> None:
    notes = catalogue(tmp_path)
    code, shown = on_a_terminal(
        ["convert", notes, "--output-dir", tmp_path / "out", *extra], environment(**env)
    )
    assert code == 0
    assert shown == ""


def test_no_bar_when_piped(tmp_path: Path) -> None:
    notes = catalogue(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "episodeparse", "convert", str(notes), "-o", str(tmp_path / "a")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environment(),
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0
    assert proc.stderr == ""


def test_an_error_line_is_not_written_over_the_bar(tmp_path: Path) -> None:
    notes = catalogue(tmp_path)
    (notes / "bad.txt").write_bytes(b"\x00binary")
    code, shown = on_a_terminal(["convert", notes, "--output-dir", tmp_path / "o"], environment())
    assert code == 2
    lines = shown.replace("\r\n", "\n").split("\n")
    [error] = [line for line in lines if "not text" in line]
    assert error.split("\r\x1b[2K")[-1].startswith(f"episodeparse: {notes / 'bad.txt'}: ")
    assert "1 failed" in shown


# The bar itself ----------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_bar_waits_a_second_then_shows_rate_and_time_left(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("EPISODEPARSE_PROGRESS_DELAY", raising=False)
    clock = Clock()
    screen = io.StringIO()
    bar = progress.Bar(screen, 4_000_000, "converting", clock=clock, columns=120)
    bar.read(1_000_000)
    clock.now += 0.5
    bar.record()
    assert screen.getvalue() == ""  # under a second: nothing shown
    for _ in range(98):
        bar.record()
    assert screen.getvalue() == ""
    clock.now += 1.5  # two seconds in all, a quarter read
    bar.record()
    assert screen.getvalue() == (
        "\r\x1b[2Kconverting  25% [####............] 1.0 MB/4.0 MB 100 records 50/s 0:06 left"
    )
    bar.close()
    assert screen.getvalue().endswith("\r\x1b[2K")


def test_closing_line_lists_what_was_skipped() -> None:
    line = progress.closing_line(2140, "out/", 0, ["README.md", "LICENSE"])
    assert line == "wrote 2,140 records to out/, 0 failed, 2 skipped: README.md, LICENSE"
