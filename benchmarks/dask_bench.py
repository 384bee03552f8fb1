"""Dask's local cluster beside ``convert --jobs 2``: generated notes, overhead as a ratio.

    python -m benchmarks.dask_bench                  # 100,000 notes: ~30 min on 2 cores
    python -m benchmarks.dask_bench --notes 5000     # a quick look
    python -m benchmarks --only dask [--full]        # 2,000 notes (100,000), in the table

Both commands run the installed ``episodeparse`` in a subprocess on the same notes
(``benchmarks/generate.py``, seeded) and write to the same disk:

- ``convert --format jsonl --jobs 2 --output FILE``: the local engine on two processes;
- ``convert --engine dask --output-dir DIR``: a local Dask cluster of one worker process
  per core (two here), started and stopped inside the timed run, as a user would run it.

Runs alternate, after a warm-up on one note, so load from other processes hits both alike.
The ratios are Dask's median wall time and CPU time over ``--jobs 2``'s: 1.00 would be
no overhead. On a machine that other processes share, the wall ratio moves with their
load; the CPU time (every process of the run, workers included) hardly does. A
third row times the Dask engine on one small file: the cost of starting and stopping the
cluster, which does not grow with the catalogue (its ratio: its share of the Dask run).
The run checks that the part files, read one after the other, are byte for byte the
``--jobs 2`` output.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks import generate

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "fixtures" / "coffee-57.txt"


def _command() -> list[str]:
    script = Path(sys.executable).parent / "episodeparse"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "episodeparse"]


def _cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(cmd: Sequence[str]) -> tuple[float, float]:
    """Wall time and CPU time of one run; the CPU time counts every process the run
    started and waited for (the --jobs pool, the Dask scheduler's and workers' processes),
    and hardly depends on what else the machine is doing."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its .pyc files
    cpu = _cpu_of_children()
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr[-500:]!r}")
    return elapsed, _cpu_of_children() - cpu


def _same_output(jsonl: Path, parts: Path) -> bool:
    with jsonl.open("rb") as expected:
        for part in sorted(parts.glob("part-*.jsonl")):
            with part.open("rb") as got:
                while chunk := got.read(1 << 20):
                    if expected.read(len(chunk)) != chunk:
                        return False
        return expected.read(1) == b""


def measure(notes: Path, count: int, runs: int, work: Path) -> list[dict[str, Any]]:
    """The rows: ``--jobs 2``, the Dask engine and its ratio, the cluster's fixed cost."""
    tool = _command()
    jsonl, parts, small = work / "jobs2.jsonl", work / "parts", work / "small"
    cmds = {
        "jobs2": [*tool, "convert", "--format", "jsonl", "--jobs", "2", "-o", str(jsonl)],
        "dask": [*tool, "convert", "--engine", "dask", "--output-dir", str(parts)],
        "start": [*tool, "convert", "--engine", "dask", "--output-dir", str(small), str(SMALL)],
    }
    cmds["jobs2"].append(str(notes))
    cmds["dask"].append(str(notes))
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in cmds}
    # Warm-up on one note (bytecode caches; the notes were just written, so they are in
    # the file system's cache): a warm-up of the whole catalogue would double the time.
    _timed([*cmds["jobs2"][:-1], str(SMALL)])
    _timed(cmds["start"])
    for run in range(runs):
        for name, cmd in cmds.items():
            print(f"  .. run {run + 1}/{runs}: {name}", file=sys.stderr, flush=True)
            times[name].append(_timed(cmd))
    same = _same_output(jsonl, parts)
    median = {name: statistics.median(w for w, _ in found) for name, found in times.items()}
    cpu = {name: statistics.median(c for _, c in found) for name, found in times.items()}
    cores = os.cpu_count()
    return [
        {
            "figure": f"convert --jobs 2, {count:,} notes",
            "seconds": median["jobs2"],
            "rate": count / median["jobs2"],
            "reference": "-",
            "reference_seconds": None,
            "ratio": None,
            "cpu": cpu["jobs2"],
            "cpu_ratio": None,
        },
        {
            "figure": f"convert --engine dask, local cluster ({cores} workers), {count:,} notes",
            "seconds": median["dask"],
            "rate": count / median["dask"],
            "reference": "--jobs 2",
            "reference_seconds": median["jobs2"],
            "ratio": median["dask"] / median["jobs2"],
            "cpu": cpu["dask"],
            "cpu_ratio": cpu["dask"] / cpu["jobs2"],
            "note": "same records, byte for byte" if same else "OUTPUT DIFFERS from --jobs 2",
        },
        {
            "figure": "convert --engine dask, 1 note (cluster start and stop)",
            "seconds": median["start"],
            "rate": None,
            "reference": "the Dask run",
            "reference_seconds": median["dask"],
            "ratio": median["start"] / median["dask"],
            "cpu": cpu["start"],
            "cpu_ratio": cpu["start"] / cpu["dask"],
        },
    ]


def run(work: Path, count: int, runs: int, seed: int) -> list[dict[str, Any]]:
    """Generate ``count`` notes under ``work`` and measure them (``python -m benchmarks
    --only dask`` calls this)."""
    print(f"  .. generating {count:,} notes (seed {seed})", file=sys.stderr, flush=True)
    notes = generate.write_notes(work / "dask-notes", count, seed=seed)
    try:
        return measure(notes, count, runs, work)
    finally:
        shutil.rmtree(notes)


def table(rows: list[dict[str, Any]]) -> str:
    header = ("figure", "wall s", "episodes/s", "reference", "wall ratio", "CPU s", "CPU ratio")
    body = [
        (
            r["figure"],
            f"{r['seconds']:.1f}",
            "-" if r["rate"] is None else f"{r['rate']:,.0f}",
            r["reference"],
            "-" if r["ratio"] is None else f"{r['ratio']:.2f}x",
            f"{r['cpu']:.1f}",
            "-" if r["cpu_ratio"] is None else f"{r['cpu_ratio']:.2f}x",
        )
        for r in rows
    ]
    widths = [max(len(line[i]) for line in (header, *body)) for i in range(len(header))]

    def fmt(line: Sequence[str]) -> str:
        cells = [
            c.ljust(w) if i in (0, 3) else c.rjust(w)
            for i, (c, w) in enumerate(zip(line, widths, strict=True))
        ]
        return "| " + " | ".join(cells) + " |"

    lines = [fmt(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += [fmt(line) for line in body]
    lines += [f"- {r['figure']}: {r['note']}" for r in rows if r.get("note")]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.dask_bench", description=__doc__.split("\n\n", 1)[0]
    )
    parser.add_argument("--notes", type=int, default=100_000, help="how many (100,000)")
    parser.add_argument("--runs", type=int, default=1, help="timed runs of each (1)")
    parser.add_argument("--seed", type=int, default=8, help="generator seed (8)")
    args = parser.parse_args(argv)
    try:
        import distributed  # noqa: F401  (only to say what is missing)
    except ImportError:
        print("needs the dask extra: pip install -e '.[dask]'", file=sys.stderr)
        return 2
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="episodeparse-dask-bench-") as tmp:
        rows = run(Path(tmp), args.notes, args.runs, args.seed)
    print(
        f"episodeparse on Dask ({args.notes:,} notes, seed {args.seed}, {args.runs} run(s), "
        f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, "
        f"{time.perf_counter() - started:.0f} s)\n"
    )
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
