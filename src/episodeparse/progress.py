"""Feedback on long runs: a progress bar on a terminal, and the closing line.

The bar is estimated from bytes read, not from inputs done, so that one big feed moves
it too: ``inputs.read_meter`` is told of every read (a notes file, a feed's chunk), and
the total is the inputs' sizes, found before the run (``inputs.survey``). It shows only on
a terminal's stderr, never with ``CI`` set, and only once the run has taken a second; it
redraws at most ten times a second, and is wiped when the run ends::

    converting  42% [######..........] 3.1 MB/7.4 MB 812 records 160/s 0:05 left

The closing line (``closing_line``) says what a run wrote, failed and skipped.
"""

from __future__ import annotations

import os
import time
from typing import Final, TextIO

__all__ = ["Bar", "closing_line", "human_bytes", "wanted"]

DELAY: Final = 1.0  # seconds of work before a bar is shown
REDRAW: Final = 0.1  # seconds between two drawings
WIDTH: Final = 16  # cells of the bar itself


def wanted(stream: TextIO) -> bool:
    """A bar on ``stream``: a terminal, and not in CI (``CI`` set to anything but 0/false)."""
    in_ci = os.environ.get("CI", "").lower() not in ("", "0", "false")
    try:
        return stream.isatty() and not in_ci
    except (AttributeError, ValueError):  # no stream, or a closed one
        return False


def human_bytes(count: int) -> str:
    """Bytes in the unit that reads best, in SI units as ``--max-bytes`` reads them.

    >>> human_bytes(999), human_bytes(1_234_567), human_bytes(12_300_000_000)
    ('999 B', '1.2 MB', '12.3 GB')
    """
    size = float(count)
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{count} B" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    raise AssertionError("unreachable")


def _clock(seconds: float) -> str:
    """``M:SS`` or ``H:MM:SS``, to the nearest second.

    >>> _clock(65), _clock(3725)
    ('1:05', '1:02:05')
    """
    whole = int(seconds + 0.5)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Bar:
    """A progress bar on ``stream`` for ``total`` bytes (None: unknown, as for stdin).

    ``read(n)`` counts bytes read, ``record()`` a record done; ``close()`` wipes the bar.
    ``clock`` is for tests.
    """

    def __init__(
        self,
        stream: TextIO,
        total: int | None,
        label: str,
        *,
        clock: object = time.monotonic,
        columns: int | None = None,
    ) -> None:
        self.stream = stream
        self.total = total or None
        self.label = label
        self.clock = clock if callable(clock) else time.monotonic
        self.start: float = self.clock()
        self.next_draw = self.start + _delay()
        self.done = 0
        self.records = 0
        self.shown = False
        self.columns = columns

    def read(self, count: int) -> None:
        self.done += count
        self._maybe_draw()

    def record(self) -> None:
        self.records += 1
        self._maybe_draw()

    def _maybe_draw(self) -> None:
        now = self.clock()
        if now >= self.next_draw:
            self.next_draw = now + REDRAW
            self.draw(now)

    def line(self, now: float, *, bar: bool = True) -> str:
        """The bar's text at time ``now`` (``bar``: with the row of ``#``)."""
        elapsed = max(now - self.start, 1e-9)
        parts = [self.label]
        total = self.total
        if total is not None:
            share = min(self.done / total, 1.0)
            parts.append(f"{share * 100:3.0f}%")
            if bar:
                filled = int(share * WIDTH)
                parts.append(f"[{'#' * filled}{'.' * (WIDTH - filled)}]")
            parts.append(f"{human_bytes(self.done)}/{human_bytes(total)}")
        else:
            parts.append(human_bytes(self.done))
        parts.append(f"{self.records:,} records" if self.records != 1 else "1 record")
        parts.append(f"{self.records / elapsed:,.0f}/s")
        if total is not None and self.done:
            left = elapsed * (total - self.done) / self.done
            parts.append(f"{_clock(max(left, 0.0))} left")
        return " ".join(parts)

    def draw(self, now: float) -> None:
        columns = self.columns or _terminal_columns(self.stream)
        text = self.line(now)
        if len(text) >= columns:
            text = self.line(now, bar=False)  # a narrow terminal: the figures first
        self.stream.write("\r\x1b[2K" + text[: max(columns - 1, 10)])
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        """Wipe the bar, if it was drawn: what follows starts on a clean line."""
        if self.shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self.shown = False


def _delay() -> float:
    """``DELAY``, or ``EPISODEPARSE_PROGRESS_DELAY`` seconds (the tests' 0)."""
    try:
        return max(0.0, float(os.environ.get("EPISODEPARSE_PROGRESS_DELAY", DELAY)))
    except ValueError:
        return DELAY


def _terminal_columns(stream: TextIO) -> int:
    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return 80
    return columns or 80  # a terminal that tells no size (a fresh pseudo-terminal) says 0


def closing_line(
    wrote: int, where: str, failed: int, skipped: list[str], *, verb: str = "wrote"
) -> str:
    """What a run did, in one line.

    >>> closing_line(2140, "out/", 0, ["README.md", "LICENSE"])
    'wrote 2,140 records to out/, 0 failed, 2 skipped: README.md, LICENSE'
    >>> closing_line(1, "all.json", 1, [])
    'wrote 1 record to all.json, 1 failed'
    """
    records = "1 record" if wrote == 1 else f"{wrote:,} records"
    line = f"{verb} {records} to {where}, {failed:,} failed"
    if skipped:
        shown = ", ".join(skipped[:5]) + (
            f", ... ({len(skipped) - 5} more)" if len(skipped) > 5 else ""
        )
        line += f", {len(skipped):,} skipped: {shown}"
    return line
