"""validate's own scans stay linear on hostile notes: the HTML tag scan, the position map
back into the file, the fixes and the link checks (timed at two sizes ten times apart,
as ``test_hostile_scaling`` times the parse)."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from episodeparse.checks import CHECKS
from episodeparse.fix import fixed_text
from episodeparse.positions import LineMap
from episodeparse.validation import validate_text

SMALL = 4_000
RATIO_LIMIT = 30.0

HOSTILE: dict[str, Callable[[int], str]] = {
    "open tags, no >": lambda n: ("<a href=x " * n)[:n],
    "open tags": lambda n: ("<b>x<p>" * n)[:n],
    "comments never closed": lambda n: ("<p><!-- a " * n)[:n],
    "markdown targets": lambda n: ("[a](https://x.org/a b " * n)[:n],
    "doubled parens": lambda n: ("[a]((https://x.org " * n)[:n],
    "split hosts": lambda n: ("https://www.a b.com/x " * n)[:n],
    "http links": lambda n: ("http://a.dev/x http://b.org/y\n" * n)[:n],
    "bad schemes": lambda n: ("https//a.org http:/b.org " * n)[:n],
}


def _time(run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return max(best, 1e-4)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_fixes_and_checks_are_linear(name: str) -> None:
    build = HOSTILE[name]
    html = name.endswith(("tags", "no >", "closed"))

    def work(size: int) -> Callable[[], object]:
        text = build(size)
        path = "n.html" if html else "n.txt"
        return lambda: (fixed_text(text), validate_text(text, path=path, checks=CHECKS))

    ratio = _time(work(SMALL * 10)) / _time(work(SMALL))
    assert ratio < RATIO_LIMIT, f"{name}: x{ratio:.0f} for x10 input"


def test_the_position_map_is_linear_when_nothing_is_found() -> None:
    def work(size: int) -> Callable[[], object]:
        source = "<p>" + "x" * size
        text = "\n".join(f"word{i} unmatched" for i in range(size // 20))
        return lambda: LineMap(source, text).position(size // 40, 3)

    assert _time(work(SMALL * 100)) / _time(work(SMALL * 10)) < RATIO_LIMIT
