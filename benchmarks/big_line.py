"""One huge single-line input (issue #7): peak memory and wall time of ``convert``.

    python -m benchmarks.big_line                    # 50 MB, as the issue asks: ~4 min
    python -m benchmarks.big_line --mb 5             # a quick look

A file of one line (no line break but the last) mixing words, addresses, handles, chapter
times and ``//`` headings, the parser's most expensive text, the same for every run. Each
command runs alone in a fresh process that only waits for it, so the peak RSS
(``getrusage(RUSAGE_CHILDREN).ru_maxrss``) is the command's own:

- ``convert -f jsonl FILE`` with the default ``--max-bytes`` (64 MiB): parsed;
- ``convert --max-bytes 10000000 FILE``: refused (exit 2, one line on stderr);
- ``convert`` of a one-line note: the start-up, subtracted in the per-MB figures.

The per-MB figures are what the unit test in tests/test_hostile_cli.py checks as ratios
(memory and CPU in proportion to the input, on a smaller line).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = [
    "the",
    "engine",
    "of",
    "thought",
    "analytical",
    "poetical",
    "science",
    "notes",
    "with",
    "Ada",
    "Lovelace",
    "and",
    "https://example.org/x",
    "@handle",
    "[02:30]",
    "Intro",
    "-",
    "//",
    "Links",
]

_MEASURE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "proc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "wall = time.perf_counter() - start\n"
    "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "sys.stderr.buffer.write(proc.stderr)\n"
    "print(proc.returncode, u.ru_maxrss, wall, u.ru_utime + u.ru_stime)\n"
)


def one_line(size: int) -> bytes:
    """``size`` bytes on one line, then a line break; the same every time."""
    out: list[str] = []
    total = 0
    n = 0
    while total < size:
        word = WORDS[(n * 7919) % len(WORDS)]
        out.append(word)
        total += len(word) + 1
        n += 1
    return " ".join(out).encode("utf-8")[:size] + b"\n"


def measure(args: Sequence[str]) -> tuple[int, int, float, float, str]:
    """Exit code, peak RSS (KiB), wall and CPU seconds, stderr of ``episodeparse ARGS``."""
    command = [sys.executable, "-m", "episodeparse", *args]
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command],
        capture_output=True,
        cwd=ROOT,
        check=True,
        text=True,
    )
    code, rss, wall, cpu = proc.stdout.split()
    return int(code), int(rss), float(wall), float(cpu), proc.stderr.strip()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50, help="size of the line, in MB")
    options = parser.parse_args(argv)
    size = int(options.mb * 1_000_000)
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "small.txt"
        small.write_bytes(b"Engines of Thought\n")
        big = Path(tmp) / "line.txt"
        big.write_bytes(one_line(size))
        base = measure(["convert", "-f", "jsonl", str(small)])
        parsed = measure(["convert", "-f", "jsonl", str(big)])
        refused = measure(["convert", "--max-bytes", "10000000", str(big)])
    mb = size / 1_000_000
    print(f"one line of {mb:g} MB")
    print(f"{'run':<34} {'exit':>4} {'peak RSS':>10} {'wall':>8} {'CPU':>8}")
    for name, (code, rss, wall, cpu, _) in (
        ("start-up (a one-line note)", base),
        ("convert (default --max-bytes)", parsed),
        ("convert --max-bytes 10000000", refused),
    ):
        print(f"{name:<34} {code:>4} {rss / 1024:>7.0f} MiB {wall:>7.1f}s {cpu:>7.1f}s")
    per_mb_rss = (parsed[1] - base[1]) / 1024 / mb
    per_mb_cpu = (parsed[3] - base[3]) / mb
    print(f"per MB of input: {per_mb_rss:.1f} MiB of memory, {per_mb_cpu:.2f} s of CPU")
    print(f"refusal: {refused[4] or 'none (the line is under 10,000,000 bytes)'}")
    return 0 if parsed[0] == 0 and refused[0] == (2 if size > 10_000_000 else 0) else 1


if __name__ == "__main__":
    sys.exit(main())
