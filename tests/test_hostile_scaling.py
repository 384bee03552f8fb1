"""``parse`` as a whole stays linear on hostile documents, and never raises on them.

The regex tests (``test_hostile_regex.py``) time each pattern alone; this one times the
whole pipeline, where a Python loop can be quadratic although every pattern is linear
(names read again at every cue of a line, a list kept for every person). Every hostile
family of ``tests/hostile_inputs.py`` and every whole document (many different guests,
links, chapters, headings) is parsed at two sizes ten times apart; linear time gives a
ratio near 10 and the test fails at 30, re-measured before failing. A document that takes
more than a second at the small size fails at once, before the large size can hang.
"""

from __future__ import annotations

import time

import pytest

import episodeparse
from tests.hostile_inputs import DOCUMENTS, Build, families

SMALL = 2_000  # characters; the large size is ten times this
RATIO_LIMIT = 30.0
BUDGET = 1.0  # seconds at the small size: fifty times a linear parse of 2,000 characters

INPUTS: dict[str, Build] = {**families(), **DOCUMENTS}


def _best(text: str, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        episodeparse.parse(text)
        best = min(best, time.perf_counter() - start)
    return max(best, 1e-6)


def _ratio(build: Build, small: int) -> tuple[float, float]:
    small_time = _best(build(small), 3)
    if small_time > BUDGET:
        return small_time, float("inf")
    return small_time, _best(build(small * 10), 2)


@pytest.mark.parametrize("name", list(INPUTS), ids=list(INPUTS))
def test_parse_time_grows_linearly(name: str) -> None:
    build = INPUTS[name]
    small_time, large_time = _ratio(build, SMALL)
    for _ in range(2):  # a pause of the machine must not fail a document
        if large_time / small_time < RATIO_LIMIT:
            break
        again = _ratio(build, SMALL)
        if again[1] / again[0] < large_time / small_time:
            small_time, large_time = again
    assert large_time / small_time < RATIO_LIMIT, (
        f"parse on {name!r}: {small_time * 1e3:.1f} ms at {SMALL} characters, "
        f"{large_time * 1e3:.1f} ms at {SMALL * 10} (x{large_time / small_time:.0f})"
    )


def test_a_long_list_of_names_is_read_once() -> None:
    """'Aa, Aa, Aa, ...': every cue of the line used to read the whole list again."""
    text = "Aa, " * 5_000
    start = time.perf_counter()
    episodeparse.parse(text)
    one = time.perf_counter() - start
    start = time.perf_counter()
    episodeparse.parse(text[: len(text) // 10])
    tenth = time.perf_counter() - start
    assert one < 30 * max(tenth, 1e-3)


@pytest.mark.parametrize(
    "text",
    [
        "&#" + "1" * 20_000,  # int() refuses over 4,300 digits: html.unescape raised
        "&#x" + "f" * 20_000 + ";",
        "Notes &#" + "9" * 5_000 + "; and [a](https://x.test/&#" + "1" * 5_000 + ")",
    ],
    ids=["decimal", "hex", "in a link"],
)
def test_a_character_reference_of_any_length_is_kept_as_text(text: str) -> None:
    record = episodeparse.parse(text).to_dict()
    assert "1" * 4_000 in str(record) or "f" * 4_000 in str(record) or "9" * 4_000 in str(record)
