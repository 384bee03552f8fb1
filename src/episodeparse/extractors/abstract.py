"""The abstract: the episode's description.

Contract: the text under an "Abstract" / "Description" / "About this episode" heading; with
no such heading, the descriptive prose at the start of the notes, up to the first other
section, list, link line or label line ("Links:", "We talk about:"). Markup is rendered,
lines are kept. Returns None when there is no such prose.
"""

from __future__ import annotations

import re

from episodeparse import recache
from episodeparse.document import Document, Segment, is_boilerplate, paragraphs
from episodeparse.extractors import Context
from episodeparse.normalize import clean_prose

__all__ = ["extract"]

_STOP = recache.compile(
    r"""^(?:[-*•+>][ \t]|\d{1,3}[.)][ \t]          # a list
        |[\w']{1,20}(?:[ \t][\w']{1,20}){0,2}:[ \t]  # "Music: ...", "Executive Producer: ..."
        |(?:Starring|Music|Produced|Producer|Executive|Written|Edited|Credits)\b
        |(?:Please[ \t]+)?support[ \t]+(?:this|the|our)[ \t]+(?:podcast|show)
        |Subscribe|Follow|Connect|Sponsored|This[ \t]+episode[ \t]+is[ \t]+sponsored
        |https?://|www\.)""",
    re.VERBOSE | re.IGNORECASE,
)
_LABEL_LINE = recache.compile(r":[ \t]*$")
_PREFACE = recache.compile(  # "Hosts: A & B", "Published: ..." before the description
    r"""^(?:(?:Your[ \t]+)?(?:Hosts?|Guests?|Co-?hosts?)
        |Published|Recorded|Air[ \t]?date|Date)[ \t]*:""",
    re.IGNORECASE | re.VERBOSE,
)
_PSEUDO_HEADING = recache.compile(r"^[A-Z][^.!?:;,\n]{0,40}$")
# No bracket inside a label or an address: each "[" starts at most one short attempt.
_LINKS = recache.compile(r"\[[^\[\]\n]{0,500}\]\([^()\[\]\s]{0,2000}\)|https?://\S{1,2000}")


def _stops(text: str) -> bool:
    if _STOP.match(text) or _LABEL_LINE.search(text) or is_boilerplate(text):
        return True
    # A line that is nothing but links ("[A](x) | [B](y)") is not prose. Each link holds a
    # "[" or "http": most prose holds neither, and is spared the words.
    if "[" not in text and "http" not in text:
        return False
    words = re.findall(r"\w{2,}", _LINKS.sub(" ", text))
    return len(words) < 2 and _LINKS.search(text) is not None


def _is_title_again(ctx: Context, text: str) -> bool:
    title = ctx.title.heading or ctx.title.text if ctx.title is not None else None
    bare = text.strip(" \"'“”‘’")
    return bool(title) and bool(bare) and bare.casefold() in (title or "").casefold()


def _prose(ctx: Context, segments: list[Segment]) -> list[Segment]:
    """The leading paragraphs of prose among ``segments``."""
    out: list[Segment] = []
    for para in paragraphs([s for s in segments if not ctx.is_taken(s)]):
        if not out and _PREFACE.match(para[0].text):
            continue  # "Hosts: A & B", "Published: ..." before the description
        if (
            not out
            and len(para) == 1
            and (_PSEUDO_HEADING.match(para[0].text) or _is_title_again(ctx, para[0].text))
        ):
            continue  # "Show Intro", or the title once more ('"Space Wake"'): not a description
        if _stops(para[0].text):
            break
        if out and len(para) == 1 and _PSEUDO_HEADING.match(para[0].text):
            break  # "In this episode", "Show Notes": a heading without its markup
        keep: list[Segment] = []
        for seg in para:
            if _stops(seg.text):
                break
            keep.append(seg)
        out.extend(keep)
        if len(keep) < len(para):
            break
    return out


def extract(ctx: Context) -> str | None:
    doc = ctx.doc
    for block in doc.blocks("abstract"):
        segments = _prose(ctx, block.segments)
        if segments:
            ctx.take(*segments)
            return clean_prose(Document.join(segments)) or None
    # The prose before the first section. A title heading does not count as a section, nor
    # do "Hosts:" / "Guests:" lists, which often come before the description.
    for block in doc.sections:
        title = block.heading is not None and ctx.title is block.heading
        if block.kind not in ("preamble", "body", "people") and not title:
            break
        if block.kind == "people":
            continue
        segments = _prose(ctx, block.segments)
        if segments:
            ctx.take(*segments)
            return clean_prose(Document.join(segments)) or None
    return None
