"""Dates: the publication or recording date the notes state, as ``YYYY-MM-DD``.

Contract: reads labelled dates ("Air Date: 2021-07-30", "Published: March 3, 2022",
"Recorded on 1 October 2021", "Date: ..."). A date without a year is not guessed; a date in
prose without a label is not this episode's date.
"""

from __future__ import annotations

import re

from episodeparse import recache
from episodeparse.extractors import Context
from episodeparse.normalize import parse_date

__all__ = ["extract"]

_LABELLED = recache.compile(
    r"""^[ \t]*(?:[-*•][ \t]+)?(?:\*\*|__)?                      # a bullet, bold
        (?:Air[ \t]?date|Aired|Published|Publication[ \t]+date|Released?|Release[ \t]+date|
           Recorded|Recording[ \t]+date|Date|Episode[ \t]+date|Erschienen|Datum|Publié)
        (?:\*\*|__)?                                              # end of bold
        (?:[ \t]*[:\-–][ \t]*|[ \t]+(?:on|am|le)[ \t]+)              # ":" or "on"
        (?:\*\*|__)?[ \t]*(?P<date>[^\n]{4,60}?)[ \t]*(?:\*\*|__)?[ \t]*$""",
    re.VERBOSE | re.IGNORECASE,
)


# The words a written date is made of; a line with other words ("in Berlin") is read for its
# date but kept as a leftover, so that its other words do not vanish.
_DATE_WORD = recache.compile(
    r"""\d{1,4}(?:st|nd|rd|th|er|e)?|of|the|at|am|pm|utc|gmt|um|le|der|den
    |jan(?:uary|vier|uar)?|feb(?:ruary|ruar)?|févr(?:ier)?|mar(?:ch|s)?|märz|apr(?:il)?|avril
    |may|mai|june?|juin|juli?|july|juillet|aug(?:ust)?|août|sep(?:t(?:ember)?)?|septembre
    |oct(?:ober)?|okt(?:ober)?|octobre|nov(?:ember)?|novembre|dec(?:ember)?|dez(?:ember)?
    |décembre|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?
    |sat(?:urday)?|sun(?:day)?""",
    re.VERBOSE | re.IGNORECASE,
)


def _only_date_words(text: str) -> bool:
    """
    >>> _only_date_words("Friday, March 3rd, 2022 at 10 am"), _only_date_words("2022 in Berlin")
    (True, False)
    """
    return all(_DATE_WORD.fullmatch(w) for w in re.findall(r"[^\W_]+", text))


def extract(ctx: Context) -> str | None:
    for seg in ctx.doc.segments:
        m = _LABELLED.match(seg.text)
        if m:
            found = parse_date(m["date"])
            if found:
                if _only_date_words(m["date"]):
                    ctx.take(seg)
                return found
    return None
