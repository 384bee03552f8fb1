"""Where a line of the text the parser read stands in the file as written.

HTML notes and feed items are converted to text before they are parsed, so a diagnostic's
line and column count in that text. ``LineMap`` carries them back to the file: for HTML
notes, the HTML file; for a feed item, the ``.xml`` file, where the item's text is (inside
CDATA or escaped HTML alike, as its words are written there).

The map is found by alignment, not by instrumenting the converter: for each line of the
converted text, in order, its first word of three or more letters (else its first run of
three or more letters, digits, ``:`` or ``.``, as in ``25:00``) is looked for in the
source from where the previous line was found, a bounded distance ahead. Text written in
an order the converter changes (rare) or spelled with entities is not found; such a line
takes the position of the line before it. Columns are those of the word looked for in the
source line when it is found there (approximate inside CDATA), else 1. The work is linear
in the size of the source: every search is bounded, and the start only moves forward.
"""

from __future__ import annotations

import bisect
from itertools import accumulate
from typing import Final, NamedTuple

from episodeparse import recache

__all__ = ["LineMap", "Written", "line_starts"]

_WORD: Final = recache.compile(r"[^\W\d_]{3,40}")
_TOKEN: Final = recache.compile(r"[\w:.]{3,40}")  # a line with no word: "[25:00]" gives 25:00
_WINDOW: Final = 20_000  # characters searched ahead for a line's first word
_BREAK: Final = recache.compile(r"\r\n|\r|\n")


def line_starts(source: str) -> list[int]:
    """The offset at which each line of ``source`` starts.

    >>> line_starts("a\\nbc\\r\\nd")
    [0, 2, 6]
    """
    if "\r" in source:
        return [0, *(m.end() for m in _BREAK.finditer(source))]
    return [0, *accumulate(len(part) + 1 for part in source.split("\n")[:-1])]


class LineMap:
    """Maps (line, column) of ``text`` (converted from ``source``) to (line, column) of the
    file: ``source`` starts at line ``first_line`` of the file, ``source[start:end]`` is
    where ``text`` was read from.

    >>> html = "<p>\\n  Hello <b>world</b>\\n</p>\\n<ul>\\n<li>Engines</li>\\n</ul>"
    >>> m = LineMap(html, "Hello world\\n\\n- Engines")
    >>> m.position(1, 7), m.position(3, 3)
    ((2, 12), (5, 5))
    """

    def __init__(
        self, source: str, text: str, *, first_line: int = 1, start: int = 0, end: int | None = None
    ) -> None:
        self.source = source
        self.starts = line_starts(source)
        self.first_line = first_line
        stop = len(source) if end is None else end
        self.found: list[int] = []  # per text line: source offset of its first word
        self.lines = _BREAK.split(text)
        cursor = last = start
        found, find, word_in, token_in = self.found, source.find, _WORD.search, _TOKEN.search
        for line in self.lines:
            word = (word_in(line) or token_in(line)) if line else None
            if word is not None:
                piece = word.group()
                at = find(piece, cursor, min(stop, cursor + _WINDOW))
                if at >= 0:
                    # the offset of the line's start, as far as the word is into the line
                    last, cursor = at, at + len(piece)
            found.append(last)  # a line not found: where the line before it was

    def _line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def line(self, line: int) -> int:
        """The file's line of line ``line`` of the converted text (``position``'s line).

        >>> LineMap("<p>a</p>\\n\\n<h2>Crumbs</h2>", "a\\n\\n## Crumbs", first_line=40).line(3)
        42
        """
        if not 1 <= line <= len(self.found):
            return self.first_line
        return self.first_line + self._line_of(self.found[line - 1]) - 1

    def position(self, line: int, column: int) -> tuple[int, int]:
        """The file's (line, column) of ``(line, column)`` of the converted text."""
        if not 1 <= line <= len(self.found):
            return self.first_line, 1
        offset = self.found[line - 1]
        number = self._line_of(offset)
        text_line = self.lines[line - 1]
        found_column = offset - self.starts[number - 1] + 1
        # the word at the column, on the source line where the text line was found
        piece = _WORD.search(text_line, max(column - 1, 0)) or _TOKEN.search(
            text_line, max(column - 1, 0)
        )
        if piece is not None and piece.start() - (column - 1) < 8:
            source_line_end = self.starts[number] if number < len(self.starts) else len(self.source)
            at = self.source.find(piece.group(), offset, source_line_end)
            if at >= 0:
                found_column = at - self.starts[number - 1] + 1
        return self.first_line + number - 1, max(found_column, 1)


class Written(NamedTuple):
    """Where the text the parser read is written: ``data`` is the input as written (the
    HTML notes, or a feed item's bytes in the feed's ``encoding``, None for UTF-8), which
    starts on line ``first_line`` of its file.

    >>> item = Written("<item>\\n<description>Hello\\nworld</description>".encode(), 7)
    >>> item.line_map("Hello\\nworld").line(2)
    9
    """

    data: str | bytes
    first_line: int = 1
    encoding: str | None = None

    def text(self) -> str:
        """``data`` as text: in its encoding, else UTF-8, else Latin-1 (any byte)."""
        if isinstance(self.data, str):
            return self.data
        if self.encoding is not None:
            try:
                return self.data.decode(self.encoding, "replace")
            except LookupError:
                pass
        try:
            return self.data.decode("utf-8")
        except UnicodeDecodeError:
            return self.data.decode("latin-1")

    def line_map(self, text: str) -> LineMap:
        """The map of ``text``, converted from ``data``, into the file."""
        return LineMap(self.text(), text, first_line=self.first_line)
