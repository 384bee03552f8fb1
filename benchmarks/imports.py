"""Where start-up goes: ``python -X importtime`` medians and module-level regex compiles.

    python -m benchmarks --imports

For ``convert --format json ONE_FILE``, ``validate ONE_FILE`` and ``--help``: the
modules imported, grouped by top-level package (the sum of their median self times),
and for episodeparse's own modules the median self time next to the time spent
compiling regular expressions while the module was imported (``re._compiler.compile``
timed, cache misses only). Bytecode caching is on, as in ``run.py``.
"""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
from collections import defaultdict
from collections.abc import Sequence

from benchmarks.run import ONE_FILE, _env

_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")

_REGEX_PROBE = """
import re, re._compiler as compiler, sys, time, json, runpy
spent = {}
original = compiler.compile
def timed(pattern, flags=0):
    start = time.perf_counter()
    result = original(pattern, flags)
    elapsed = time.perf_counter() - start
    frame = sys._getframe(1)
    while frame is not None and frame.f_globals.get("__name__") in ("re", "functools"):
        frame = frame.f_back
    name = frame.f_globals.get("__name__", "?") if frame is not None else "?"
    total, count = spent.get(name, (0.0, 0))
    spent[name] = (total + elapsed, count + 1)
    return result
compiler.compile = timed
sys.argv = ["episodeparse", *json.loads(sys.argv[1])]
try:
    runpy.run_module("episodeparse", run_name="__main__")
except SystemExit:
    pass
sys.stderr.write("REGEX " + json.dumps(spent) + "\\n")
"""


def importtime(args: Sequence[str], runs: int = 9) -> dict[str, tuple[float, float, int]]:
    """Module -> (median self ms, median cumulative ms, nesting depth) of ``python -X
    importtime ARGS``."""
    selfs: dict[str, list[int]] = defaultdict(list)
    cumulative: dict[str, list[int]] = defaultdict(list)
    depth: dict[str, int] = {}
    for _ in range(runs + 1):  # the first run writes the bytecode caches
        err = subprocess.run(
            [sys.executable, "-X", "importtime", *args],
            capture_output=True,
            text=True,
            env=_env(),
            check=False,
        ).stderr
        for line in err.splitlines():
            m = _LINE.match(line)
            if m:
                selfs[m[4]].append(int(m[1]))
                cumulative[m[4]].append(int(m[2]))
                depth[m[4]] = (len(m[3]) - 1) // 2  # 0: imported by the command itself
    return {
        name: (
            statistics.median(selfs[name][1:] or selfs[name]) / 1000,
            statistics.median(cumulative[name][1:] or cumulative[name]) / 1000,
            depth[name],
        )
        for name in selfs
    }


def regex_compiles(cli_args: Sequence[str], runs: int = 5) -> dict[str, tuple[float, int]]:
    """Module -> (median ms compiling regexes, patterns) while running the command."""
    spent: dict[str, list[float]] = defaultdict(list)
    counts: dict[str, int] = {}
    for _ in range(runs):
        err = subprocess.run(
            [sys.executable, "-c", _REGEX_PROBE, json.dumps(list(cli_args))],
            capture_output=True,
            text=True,
            env=_env(),
            check=False,
        ).stderr
        for line in err.splitlines():
            if line.startswith("REGEX "):
                for name, (seconds, count) in json.loads(line[6:]).items():
                    spent[name].append(seconds * 1000)
                    counts[name] = count
    return {name: (statistics.median(v), counts[name]) for name, v in spent.items()}


def report(title: str, cli_args: Sequence[str]) -> str:
    times = importtime(["-m", "episodeparse", *cli_args])
    regexes = regex_compiles(cli_args)
    packages: dict[str, float] = defaultdict(float)
    for name, (self_ms, _cumulative, _level) in times.items():
        packages[name.split(".")[0]] += self_ms
    lines = [f"## {title}", "", "| top-level package | ms (sum of self times) |", "|---|---:|"]
    for name, ms in sorted(packages.items(), key=lambda kv: -kv[1])[:15]:
        lines.append(f"| {name} | {ms:.1f} |")
    total = sum(packages.values())
    lines += [f"| (all imports) | {total:.1f} |", ""]
    own = sorted(
        (name for name in times if name.startswith("episodeparse")),
        key=lambda name: -times[name][0],
    )
    lines += [
        "| episodeparse module | self ms | regex compile ms | patterns compiled |",
        "|---|---:|---:|---:|",
    ]
    for name in own:
        compile_ms, count = regexes.get(name, (0.0, 0))
        lines.append(f"| {name} | {times[name][0]:.1f} | {compile_ms:.1f} | {count} |")
    others = sorted(
        ((ms, n) for n, (ms, c) in regexes.items() if not n.startswith("episodeparse")),
        reverse=True,
    )
    if others:
        shown = ", ".join(f"{n} {ms:.1f}" for ms, n in others[:6])
        lines += ["", f"Regex compiles outside episodeparse (ms): {shown}"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    del argv
    one = str(ONE_FILE)
    print(report(f"convert --format json {ONE_FILE.name}", ["convert", "--format", "json", one]))
    print(report(f"validate {ONE_FILE.name}", ["validate", one]))
    print(report("--help", ["--help"]))
    return 0
