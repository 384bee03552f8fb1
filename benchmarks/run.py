"""Every figure of issue 8, each as a median of several runs and as a ratio against a
reference measured in the same run (so the numbers mean something on a noisy machine).

    python -m benchmarks            # quick sizes: a few minutes on 2 cores
    python -m benchmarks --full     # the issue's sizes (10,000 notes, 100,000 for memory)
    python -m benchmarks --imports  # where start-up goes: import times and regex compiles

Inputs come from ``benchmarks/generate.py`` (seeded, written to a temporary folder) and
from ../shared/corpus/feeds. Commands run the installed ``episodeparse`` script in a
subprocess with bytecode caching on (``PYTHONDONTWRITEBYTECODE`` is dropped for them, as
an installed package has its ``.pyc`` files), after one warm-up run. Runs of a figure and
of its reference alternate, so load from other processes hits both alike.

Peak memory is the command's ``ru_maxrss`` (``os.wait4`` in a small launcher process), so
Linux or macOS only.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks import generate

ROOT = Path(__file__).resolve().parent.parent
FEEDS = ROOT.parent / "shared" / "corpus" / "feeds"
ONE_FILE = ROOT / "fixtures" / "coffee-57.txt"


@dataclass(frozen=True)
class Sizes:
    notes: int  # throughput
    memory: tuple[int, ...]  # directories for peak memory; the first is the reference
    feed_items: int
    runs: int  # runs of each throughput figure
    startup_runs: int


QUICK = Sizes(notes=2_000, memory=(1_000, 10_000), feed_items=2_000, runs=3, startup_runs=15)
FULL = Sizes(
    notes=10_000, memory=(1_000, 10_000, 100_000), feed_items=10_000, runs=3, startup_runs=21
)


@dataclass(frozen=True)
class Row:
    figure: str
    value: float | None
    unit: str
    reference: str
    reference_value: float | None
    ratio: float | None
    target: str
    met: bool | None
    note: str = ""


def _say(message: str) -> None:
    print(f"  .. {message}", file=sys.stderr, flush=True)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _command() -> list[str]:
    script = Path(sys.executable).parent / "episodeparse"
    if script.exists():
        return [str(script)]
    found = shutil.which("episodeparse")
    return [found] if found else [sys.executable, "-m", "episodeparse"]


def _cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(cmd: Sequence[str]) -> tuple[float, float]:
    """Wall time and CPU time (with its worker processes) of one run, output discarded;
    raises on failure."""
    cpu = _cpu_of_children()
    start = time.perf_counter()
    proc = subprocess.run(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_env(), check=False
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr[-500:]!r}")
    return elapsed, _cpu_of_children() - cpu


def alternate(
    cmds: dict[str, Sequence[str]],
    runs: int,
    *,
    warm_up: bool = True,
    cpu: dict[str, float] | None = None,
) -> dict[str, float]:
    """Median wall time of each command, runs interleaved, after one warm-up run each
    (which also writes the bytecode caches); their median CPU times go to ``cpu``."""
    if warm_up:
        for cmd in cmds.values():
            _run(cmd)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            times[name].append(_run(cmd))
    if cpu is not None:
        cpu.update({name: statistics.median(c for _w, c in found) for name, found in times.items()})
    return {name: statistics.median(w for w, _c in found) for name, found in times.items()}


# Linux counts the memory a process had before exec() in its peak (ru_maxrss), so the
# command is started by a small launcher rather than by this process, which holds records.
_LAUNCHER = """
import os, sys
quiet = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)]
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ, file_actions=quiet)
_pid, status, usage = os.wait4(pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)
"""


def peak_rss(cmd: Sequence[str]) -> float:
    """Peak resident memory of ``cmd`` (MB), read from the kernel's accounting."""
    program = shutil.which(cmd[0]) or cmd[0]
    proc = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, program, *cmd[1:]],
        capture_output=True,
        env=_env(),
        check=False,
        text=True,
    )
    code, maxrss = proc.stdout.split()
    if proc.returncode != 0 or code != "0":
        raise RuntimeError(f"{' '.join(cmd)} exited {code}: {proc.stderr[-500:]!r}")
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    return int(maxrss) * scale / 1e6


def _skipped(figure: str, unit: str, reference: str, target: str, why: str) -> Row:
    return Row(figure, None, unit, reference, None, None, target, None, why)


def _row(
    figure: str,
    value: float | None,
    unit: str,
    reference: str,
    reference_value: float | None,
    target: str,
    met: Callable[[float], bool] | None,
    note: str = "",
    *,
    invert: bool = False,
) -> Row:
    ratio = None
    if value is not None and reference_value:
        ratio = reference_value / value if invert else value / reference_value
    ok = None if ratio is None or met is None else met(ratio)
    return Row(figure, value, unit, reference, reference_value, ratio, target, ok, note)


# Start-up ------------------------------------------------------------------------------


def startup(runs: int) -> list[Row]:
    _say(f"start-up: {runs} runs of each command")
    tool = _command()
    cmds: dict[str, Sequence[str]] = {
        "pass": [sys.executable, "-c", "pass"],
        "convert": [*tool, "convert", "--format", "json", str(ONE_FILE)],
        "help": [*tool, "--help"],
    }
    has_validate = (
        subprocess.run([*tool, "validate", "--help"], capture_output=True, check=False).returncode
        == 0
    )
    if has_validate:
        cmds["validate"] = [*tool, "validate", str(ONE_FILE)]
    medians = alternate(cmds, runs)
    base = medians["pass"]
    ms = 1000.0
    rows = [
        _row(
            "start-up: convert --format json ONE_FILE",
            medians["convert"] * ms,
            "ms",
            "python -c pass",
            base * ms,
            "<= 8x",
            lambda r: r <= 8,
        )
    ]
    if has_validate:
        rows.append(
            _row(
                "start-up: validate ONE_FILE",
                medians["validate"] * ms,
                "ms",
                "python -c pass",
                base * ms,
                "<= 8x",
                lambda r: r <= 8,
            )
        )
    else:
        rows.append(
            _skipped(
                "start-up: validate ONE_FILE",
                "ms",
                "python -c pass",
                "<= 8x",
                "no validate command",
            )
        )
    rows.append(
        _row(
            "start-up: --help",
            medians["help"] * ms,
            "ms",
            "python -c pass",
            base * ms,
            "<= 7x",
            lambda r: r <= 7,
        )
    )
    return rows


# Throughput ----------------------------------------------------------------------------

_FLOOR = """
import hashlib, json, sys
from pathlib import Path
SUFFIXES = {".txt", ".md", ".html"}
out = sys.stdout
for p in sorted(p for p in Path(sys.argv[1]).rglob("*") if p.suffix in SUFFIXES):
    data = p.read_bytes()
    text = data.decode("utf-8")
    out.write(json.dumps({"path": str(p), "sha256": hashlib.sha256(data).hexdigest(),
                          "chars": len(text)}) + "\\n")
"""


def throughput(notes: Path, count: int, runs: int) -> list[Row]:
    _say(f"throughput: {count} notes, {runs} runs of 1 and 2 jobs")
    tool = _command()
    cmds: dict[str, Sequence[str]] = {
        "floor": [sys.executable, "-c", _FLOOR, str(notes)],
        "one": [*tool, "convert", "--format", "jsonl", str(notes)],
        "two": [*tool, "convert", "--format", "jsonl", "--jobs", "2", str(notes)],
    }
    _run(cmds["floor"])  # the file system's cache, warm for every command alike
    cpu: dict[str, float] = {}
    medians = alternate(cmds, runs, warm_up=False, cpu=cpu)
    rate = {name: count / seconds for name, seconds in medians.items()}
    # On a shared machine --jobs 2 can only be as fast as the free cores allow; the CPU
    # time shows whether the pool itself costs anything.
    note = (
        f"CPU time a run: {cpu['one']:.1f} s on 1 core, {cpu['two']:.1f} s with --jobs 2 "
        f"(workers included); wall {medians['one']:.1f} s and {medians['two']:.1f} s"
    )
    return [
        Row(
            f"JSONL, 1 core, {count:,} notes of ~3 KB",
            rate["one"],
            "episodes/s",
            "read+hash+dump floor",
            rate["floor"],
            rate["one"] / rate["floor"],
            ">= 4,000/s",
            rate["one"] >= 4000,
        ),
        _row(
            f"JSONL, --jobs 2, {count:,} notes",
            rate["two"],
            "episodes/s",
            "1 core",
            rate["one"],
            ">= 1.7x",
            lambda r: r >= 1.7,
            note,
        ),
    ]


# YAML ----------------------------------------------------------------------------------


def yaml_dumpers(notes: Path, runs: int, count: int = 200) -> list[Row]:
    _say(f"YAML: CSafeDumper vs SafeDumper on {count} records, {runs} runs")
    import yaml

    from episodeparse import emit
    from episodeparse.inputs import iter_records
    from episodeparse.model import Episode

    paths = sorted(str(p) for p in notes.rglob("*") if p.is_file())[:count]
    records = [r for r in iter_records(paths) if isinstance(r, Episode)]
    if not getattr(yaml, "__with_libyaml__", False):
        return [
            _skipped(
                "YAML per record, CSafeDumper",
                "ms",
                "pure SafeDumper",
                "< 1x, same output",
                "PyYAML built without libyaml",
            )
        ]
    fast = emit.to_yaml_documents(records)
    pure = emit.to_yaml_documents(records, libyaml=False)
    same = fast == pure
    timings: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(runs):
        for libyaml in (True, False):
            start = time.perf_counter()
            emit.to_yaml_documents(records, libyaml=libyaml)
            timings[libyaml].append((time.perf_counter() - start) / len(records) * 1000)
    c_ms, py_ms = statistics.median(timings[True]), statistics.median(timings[False])
    return [
        Row(
            "YAML per record, CSafeDumper",
            c_ms,
            "ms",
            "pure SafeDumper",
            py_ms,
            c_ms / py_ms,
            "< 1x, same output",
            same and c_ms < py_ms,
            "same output" if same else "OUTPUT DIFFERS",
        )
    ]


# Feeds ---------------------------------------------------------------------------------


def feeds_vs_feedparser(runs: int) -> list[Row]:
    paths = sorted(FEEDS.glob("*.xml"))
    figure = f"{len(paths)} corpus feeds, full records"
    try:
        import feedparser
    except ImportError:
        return [
            _skipped(
                figure,
                "ms",
                "feedparser.parse",
                "<= 0.5x",
                "no feedparser: pip install -e '.[bench]'",
            )
        ]
    if not paths:
        return [_skipped(figure, "ms", "feedparser.parse", "<= 0.5x", f"no feeds in {FEEDS}")]
    _say(f"feeds: {len(paths)} feeds, {runs} runs against feedparser")
    from episodeparse.emit import to_jsonl_line
    from episodeparse.inputs import InputFailure, iter_records

    def ours() -> tuple[int, int]:
        records = failures = 0
        for result in iter_records([str(p) for p in paths]):
            if isinstance(result, InputFailure):
                failures += 1
            else:
                to_jsonl_line(result)
                records += 1
        return records, failures

    def theirs() -> int:
        return sum(len(feedparser.parse(str(p)).entries) for p in paths)

    timings: dict[str, list[float]] = {"ours": [], "theirs": []}
    records, failures = ours()
    entries = theirs()
    for _ in range(runs):
        start = time.perf_counter()
        ours()
        timings["ours"].append(time.perf_counter() - start)
        start = time.perf_counter()
        theirs()
        timings["theirs"].append(time.perf_counter() - start)
    ms = 1000.0
    note = f"{records} records, {failures} failed feeds; feedparser saw {entries} entries"
    return [
        _row(
            figure,
            statistics.median(timings["ours"]) * ms,
            "ms",
            "feedparser.parse",
            statistics.median(timings["theirs"]) * ms,
            "<= 0.5x",
            lambda r: r <= 0.5 and failures == 0,
            note,
        )
    ]


# Memory --------------------------------------------------------------------------------


def memory(folders: dict[int, Path], feed: Path, feed_items: int) -> list[Row]:
    tool = _command()
    peaks: dict[int, float] = {}
    for count, folder in folders.items():
        _say(f"memory: JSONL over {count:,} notes")
        peaks[count] = peak_rss([*tool, "convert", "--format", "jsonl", str(folder)])
    _say(f"memory: JSONL over a feed of {feed_items:,} items")
    feed_peak = peak_rss([*tool, "convert", "--format", "jsonl", str(feed)])
    array_size = sorted(folders)[1] if len(folders) > 1 else max(folders)
    _say(f"memory: JSON array over {array_size:,} notes")
    json_peak = peak_rss([*tool, "convert", "--format", "json", str(folders[array_size])])
    smallest = min(folders)
    base = peaks[smallest]
    rows = [
        _row(
            f"peak RSS, JSONL, {count:,} notes",
            peak,
            "MB",
            f"{smallest:,} notes",
            base,
            "<= 1.2x",
            lambda r: r <= 1.2,
        )
        for count, peak in peaks.items()
        if count != smallest
    ]
    first = Row(f"peak RSS, JSONL, {smallest:,} notes", base, "MB", "", None, None, "", None)
    rows.insert(0, first)
    rows.append(
        _row(
            f"peak RSS, JSONL, feed of {feed_items:,} items",
            feed_peak,
            "MB",
            f"{smallest:,} notes",
            base,
            "<= 1.2x",
            lambda r: r <= 1.2,
        )
    )
    rows.append(
        _row(
            f"peak RSS, JSON array, {array_size:,} notes",
            json_peak,
            "MB",
            f"{smallest:,} notes",
            base,
            "<= 1.2x",
            lambda r: r <= 1.2,
        )
    )
    return rows


# Inputs --------------------------------------------------------------------------------


def _link_subset(source: Path, target: Path, count: int) -> Path:
    """The first ``count`` notes of ``source`` (generation is deterministic and in order)
    under ``target``, as hard links where the file system allows."""
    files = sorted(p for p in source.rglob("*") if p.is_file())[:count]
    for path in files:
        dest = target / path.relative_to(source)
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, dest)
        except OSError:
            shutil.copyfile(path, dest)
    return target


def prepare(work: Path, sizes: Sizes, seed: int, only: set[str]) -> tuple[Path, dict[int, Path]]:
    """The generated notes the chosen figures need: (throughput folder, memory folders)."""
    wanted = set()
    if only & {"throughput", "yaml"}:
        wanted.add(sizes.notes)
    if "memory" in only:
        wanted.update(sizes.memory)
    if not wanted:
        return work, {}
    largest = max(wanted)
    _say(f"generating {largest:,} notes (seed {seed})")
    every = generate.write_notes(work / f"notes-{largest}", largest, seed=seed)
    folders = {
        n: every if n == largest else _link_subset(every, work / f"notes-{n}", n)
        for n in sorted(wanted)
    }
    return folders.get(sizes.notes, every), {n: folders[n] for n in sizes.memory if n in folders}


# Output --------------------------------------------------------------------------------


def _number(value: float | None) -> str:
    if value is None:
        return "-"
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.2f}" if value < 10 else f"{value:.1f}"


def table(rows: list[Row]) -> str:
    header = ("figure", "median", "unit", "reference", "ref. median", "ratio", "target", "met?")
    body = [
        (
            r.figure,
            _number(r.value),
            r.unit,
            r.reference,
            _number(r.reference_value),
            "-" if r.ratio is None else f"{r.ratio:.2f}x",
            r.target,
            "-" if r.met is None else ("yes" if r.met else "NO"),
        )
        for r in rows
    ]
    widths = [max(len(line[i]) for line in (header, *body)) for i in range(len(header))]
    numeric = {1, 4, 5}

    def fmt(line: Sequence[str]) -> str:
        cells = [
            c.rjust(w) if i in numeric else c.ljust(w)
            for i, (c, w) in enumerate(zip(line, widths, strict=True))
        ]
        return "| " + " | ".join(cells) + " |"

    lines = [fmt(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += [fmt(line) for line in body]
    notes = [f"- {r.figure}: {r.note}" for r in rows if r.note]
    return "\n".join(lines + (["", *notes] if notes else []))


def _load() -> float | None:
    """The one-minute load average, where the system tells it."""
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else None


BUSY = 0.5  # a one-minute load average from which another process shares the cores


def load_note(before: float | None, cores: int) -> str:
    """What the load before the run says of the figures: measured before the first
    figure, since by the end the load is mostly the benchmark's own."""
    if before is None:
        return "load average unknown"
    if before < BUSY:
        return f"load average {before:.1f} before the run: the cores were idle"
    share = "all the cores" if before >= cores else "part of the cores"
    return (
        f"load average {before:.1f} before the run: other processes used {share}, "
        "so the figures are noisy and the --jobs ones understated"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n\n", 1)[0]
    )
    parser.add_argument("--full", action="store_true", help="the issue's sizes (slow)")
    parser.add_argument("--imports", action="store_true", help="import-time breakdown only")
    parser.add_argument("--seed", type=int, default=8, help="generator seed (default 8)")
    parser.add_argument("--json", type=Path, help="also write the rows to this JSON file")
    parser.add_argument(
        "--only",
        choices=("startup", "throughput", "yaml", "feeds", "memory", "dask"),
        action="append",
        help="run only these figures (repeatable); dask (Dask's local cluster beside"
        " --jobs 2, 100,000 notes with --full) runs only when named",
    )
    args = parser.parse_args(argv)
    if args.imports:
        from benchmarks import imports

        return imports.main([])
    sizes = FULL if args.full else QUICK
    only = set(args.only or ("startup", "throughput", "yaml", "feeds", "memory"))
    started = time.perf_counter()
    load_before = _load()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="episodeparse-bench-") as tmp:
        notes, folders = prepare(Path(tmp), sizes, args.seed, only)
        if "startup" in only:
            rows += startup(sizes.startup_runs)
        if "throughput" in only:
            rows += throughput(notes, sizes.notes, sizes.runs)
        if "yaml" in only:
            rows += yaml_dumpers(notes, 5)
        if "feeds" in only:
            rows += feeds_vs_feedparser(5)
        if "memory" in only:
            _say(f"generating a feed of {sizes.feed_items:,} items")
            feed = generate.write_feed(Path(tmp) / "feed.xml", sizes.feed_items, seed=args.seed)
            rows += memory(folders, feed, sizes.feed_items)
        if "dask" in only:
            from benchmarks import dask_bench

            count = 100_000 if args.full else sizes.notes
            for r in dask_bench.run(Path(tmp), count, 1, args.seed):
                rows.append(
                    _row(
                        r["figure"],
                        r["seconds"],
                        "s",
                        r["reference"],
                        r["reference_seconds"],
                        "-",
                        None,
                        r.get("note", ""),
                    )
                )
    mode = "--full" if args.full else "quick"
    print(
        f"episodeparse benchmarks ({mode}, seed {args.seed}, {os.cpu_count()} cores, "
        f"Python {sys.version.split()[0]}, {time.perf_counter() - started:.0f} s; "
        f"{load_note(load_before, os.cpu_count() or 1)})\n"
    )
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps([r.__dict__ for r in rows], indent=2) + "\n")
    return 0
