"""HTML notes: markup a browser reads differently from what the author meant.

``html/unclosed`` (error): an ``<a>``, ``<b>``, ``<strong>``, ``<i>``, ``<em>`` or ``<u>``
that is never closed, with a paragraph, line break or list item after it. A browser
carries an open formatting element on into the following paragraphs (the HTML parser
reconstructs it), so the rest of the notes turns bold, or into one long link; an ``<a>``
opened inside another closes the first one there. Lines and columns are those of the
HTML file. Comments and the content of ``<script>`` and ``<style>`` are skipped; a tag
cut before its ``>`` makes no element. Only HTML notes files are read this way, not a
feed item's HTML.
"""

from __future__ import annotations

from collections.abc import Iterator

from episodeparse import recache
from episodeparse.checks.notes import Finding, Notes, check

__all__ = ["unclosed"]

_TAG = recache.compile(r"<(?P<end>/?)(?P<name>[A-Za-z][A-Za-z0-9]{0,15})(?=[\s/>])")
_INLINE = frozenset(("a", "b", "strong", "i", "em", "u"))
_BLOCKS = frozenset(
    ("p", "br", "li", "ul", "ol", "div", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "hr")
)
_SKIPPED = {"script": "</script", "style": "</style"}


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    import bisect

    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


@check("html/unclosed", "error", "an <a> or <b> (or <i>, <em>, ...) never closed", on_source=True)
def unclosed(notes: Notes) -> Iterator[Finding]:
    """Why: a browser carries an open ``<b>`` or ``<a>`` on to the end of the notes: the
    rest of them turns bold, or into one long link.

    Example::

        <p>Read <a href="https://x.org/engines">the engines post</p>
        <p>Thanks for listening.</p>

    Fix::

        <p>Read <a href="https://x.org/engines">the engines post</a></p>
    """
    source = notes.source
    if source is None or "<" not in source:
        return
    from episodeparse.positions import line_starts

    lowered = source.lower()
    open_at: dict[str, list[int]] = {}
    problems: list[tuple[int, str]] = []
    spilled: set[int] = set()  # open elements a paragraph or line break came after
    pos = 0
    gt = -1  # the next ">" at or after pos, found once per stretch (linear in all)
    while True:
        lt = source.find("<", pos)
        if lt < 0:
            break
        if source.startswith("<!--", lt):
            end = source.find("-->", lt + 4)
            pos = len(source) if end < 0 else end + 3
            continue
        m = _TAG.match(source, lt)
        if m is None:
            pos = lt + 1
            continue
        name = m["name"].lower()
        pos = m.end()
        if gt < pos:
            gt = source.find(">", pos)
            if gt < 0:
                gt = len(source)
        following = source.find("<", pos, gt)
        if gt >= len(source) or following >= 0:
            continue  # "<a href=... cut": no tag, a browser makes no element of it
        pos = gt + 1
        if name in _SKIPPED and not m["end"]:
            end = lowered.find(_SKIPPED[name], pos)
            pos = len(source) if end < 0 else end
            continue
        if name in _BLOCKS:
            for stack in open_at.values():
                spilled.update(stack)
            continue
        if name not in _INLINE:
            continue
        stack = open_at.setdefault(name, [])
        if m["end"]:
            if stack:
                stack.pop()
        else:
            if name == "a" and stack:
                problems.append((stack.pop(), name))
            stack.append(lt)
    for name, stack in open_at.items():
        # one left open at the very end, inside its own paragraph, changes nothing shown
        problems.extend((at, name) for at in stack if at in spilled)
    if not problems:
        return
    starts = line_starts(source)
    for at, name in sorted(problems):
        line, column = _position(starts, at)
        yield Finding(
            line,
            column,
            f"<{name}> is never closed: the notes after it "
            + ("become part of the link" if name == "a" else "are shown in its style")
            + f'; close it with "</{name}>"',
        )
