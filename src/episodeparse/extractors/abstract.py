"""The abstract: the episode's description.

Contract: the text under an "Abstract" / "Description" / "About this episode" heading; with
no such heading, the descriptive prose at the start of the notes, up to the first other
section, list, link line or label line ("Links:", "We talk about:"). Markup is rendered,
lines are kept. Returns None when there is no such prose.
"""

from __future__ import annotations

import re

from episodeparse.document import Document, Segment, paragraphs
from episodeparse.extractors import Context
from episodeparse.normalize import clean_prose

__all__ = ["extract"]

_STOP = re.compile(
    r"""^(?:[-*•+>][ \t]|\d{1,3}[.)][ \t]          # a list
        |[\w' ]{1,40}:[ \t]                          # "Music: ...", "Host: ..."
        |(?:Starring|Music|Produced|Producer|Executive|Written|Edited|Credits)\b
        |(?:Please[ \t]+)?support[ \t]+(?:this|the|our)[ \t]+(?:podcast|show)
        |Subscribe|Follow|Connect|Sponsored|This[ \t]+episode[ \t]+is[ \t]+sponsored
        |https?://|www\.|\[)""",
    re.VERBOSE | re.IGNORECASE,
)
_LABEL_LINE = re.compile(r":[ \t]*$")


def _prose(ctx: Context, segments: list[Segment]) -> list[Segment]:
    """The leading paragraphs of prose among ``segments``."""
    out: list[Segment] = []
    for para in paragraphs([s for s in segments if not ctx.is_taken(s)]):
        first = para[0].text
        if _STOP.match(first) or _LABEL_LINE.search(first):
            break
        keep: list[Segment] = []
        for seg in para:
            if _STOP.match(seg.text) or _LABEL_LINE.search(seg.text):
                break
            keep.append(seg)
        out.extend(keep)
        if len(keep) < len(para):
            break
    return out


def extract(ctx: Context) -> str | None:
    doc = ctx.doc
    for block in doc.blocks("abstract"):
        segments = [s for s in block.segments if not ctx.is_taken(s)]
        if segments:
            ctx.take(*segments)
            return clean_prose(Document.join(segments)) or None
    # The prose before the first section; a title heading does not count as a section.
    opening = doc.sections[0].segments
    if len(doc.sections) > 1 and not opening:
        heading = doc.sections[1].heading
        if heading is not None and ctx.is_taken(heading) and doc.sections[1].kind == "other":
            opening = doc.sections[1].segments
    segments = _prose(ctx, opening)
    if not segments:
        return None
    ctx.take(*segments)
    return clean_prose(Document.join(segments)) or None
