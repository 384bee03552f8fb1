"""Dates: the publication or recording date the notes state, as ``YYYY-MM-DD``.

Contract: reads labelled dates ("Air Date: 2021-07-30", "Published: March 3, 2022",
"Recorded on 1 October 2021", "Date: ..."). A date without a year is not guessed; a date in
prose without a label is not this episode's date.
"""

from __future__ import annotations

import re

from episodeparse.extractors import Context
from episodeparse.normalize import parse_date

__all__ = ["extract"]

_LABELLED = re.compile(
    r"""^[ \t]*(?:[-*•][ \t]+)?(?:\*\*|__)?                      # a bullet, bold
        (?:Air[ \t]?date|Aired|Published|Publication[ \t]+date|Released?|Release[ \t]+date|
           Recorded|Recording[ \t]+date|Date|Episode[ \t]+date|Erschienen|Datum|Publié)
        (?:\*\*|__)?                                              # end of bold
        (?:[ \t]*[:\-–][ \t]*|[ \t]+(?:on|am|le)[ \t]+)              # ":" or "on"
        (?:\*\*|__)?[ \t]*(?P<date>[^\n]{4,60}?)[ \t]*(?:\*\*|__)?[ \t]*$""",
    re.VERBOSE | re.IGNORECASE,
)


def extract(ctx: Context) -> str | None:
    for seg in ctx.doc.segments:
        m = _LABELLED.match(seg.text)
        if m:
            found = parse_date(m["date"])
            if found:
                ctx.take(seg)
                return found
    return None
