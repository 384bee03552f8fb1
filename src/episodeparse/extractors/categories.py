"""Categories and tags, where the notes list them.

Contract: the items of a "Categories" / "Tags" / "Keywords" section (one per line, Markdown
link labels, or comma-separated), or of a "Tags: a, b, c" line. Else nothing.
"""

from __future__ import annotations

import re

from episodeparse import recache
from episodeparse.document import paragraphs
from episodeparse.extractors import Context
from episodeparse.normalize import collapse, render_inline

__all__ = ["extract"]

_INLINE = recache.compile(
    r"^[ \t]*(?:Categories|Category|Tags|Keywords|Topics)[ \t]*:[ \t]*(?P<items>\S.*)$",
    re.IGNORECASE,
)
# Blanks are taken from the start of their run only: searching from inside it is quadratic.
# The first letters of _INLINE's labels, in lower case ("" too: a superset is enough).
_LABEL_FIRST = "ctk"
_ITEM_SPLIT = recache.compile(r"(?:(?<![ \t])[ \t]+)?(?:,|;|\||·|•)[ \t]*")
_BULLET = recache.compile(r"^[ \t]*(?:[-*•+]|\d{1,3}[.)])[ \t]+")


def _items(text: str) -> list[str]:
    text = collapse(render_inline(_BULLET.sub("", text)))
    return [item.strip().lstrip("#") for item in _ITEM_SPLIT.split(text) if item.strip(" #")]


def extract(ctx: Context) -> list[str]:
    categories: list[str] = []
    for block in ctx.doc.blocks("categories"):
        if block.heading is None or not block.segments:
            continue
        # The items are the first paragraph under the heading.
        free = [seg for seg in block.segments if not ctx.is_taken(seg)]
        if free:
            for seg in paragraphs(free)[0]:
                categories.extend(_items(seg.text))
                ctx.take(seg)
    for seg in ctx.doc.segments:
        text = seg.text
        # _INLINE opens with a label's first letter (in any case: "K" is also U+212A, whose
        # lower() is "k"): a line without one there is not matched, nor one without ":".
        m = (
            _INLINE.match(text)
            if text.lstrip(" \t")[:1].lower() in _LABEL_FIRST and ":" in text
            else None
        )
        if m and not ctx.is_taken(seg):
            categories.extend(_items(m["items"]))
            ctx.take(seg)
    return categories
