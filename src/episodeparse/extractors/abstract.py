"""The abstract: the episode's description.

Contract: the text under an "Abstract" / "Description" / "About this episode" heading (in
any language of ``cues/sections.json``); with no such heading, the descriptive prose at the
start of the notes. Lines before the prose that are no description are passed over: the
title again, a "Label: value" line ("Podcast: Play in new window"), a sponsor line. The
prose ends at the first other section, list, link line, label line ("Links:", "We talk
about:"), rule, sponsor read, credits or subscribe line ("Sponsored by", "Produced by",
"Suscríbete", ...: the ``abstract_end`` cues), disclaimer written in capitals, or a
paragraph that ends with a link ("Her newsletter, [Heated](https://...)"). Markup is
rendered, lines are kept. Returns None when there is no such prose.
"""

from __future__ import annotations

import re

from episodeparse import cues, recache
from episodeparse.document import Document, Segment, is_boilerplate, paragraphs
from episodeparse.extractors import Context
from episodeparse.normalize import clean_prose

__all__ = ["extract"]


def _end_words() -> str:
    """The ``abstract_end`` cues and the host credits ("Hosted by", "Animé par") as one
    alternation: a phrase that ends in a letter of a script with spaces between words must
    end a word there ("Follow", not "Followers")."""
    spaced: list[str] = []
    unspaced: list[str] = []
    ends = dict.fromkeys(
        (*cues.words("sections", "abstract_end"), *cues.words("people", "host_credit"))
    )
    for phrase in ends:
        (unspaced if "\u3000" <= phrase[-1] <= "\u9fff" else spaced).append(phrase)
    return (
        rf"(?:{cues.alternation_of(tuple(spaced))})(?!\w)"
        rf"|(?:{cues.alternation_of(tuple(unspaced))})"
    )


_STOP = recache.compile(
    rf"""^(?:[-*•+>][ \t]|\d{{1,3}}[.)][ \t]          # a list
        |[\w']{{1,20}}(?:[ \t][\w']{{1,20}}){{0,2}}[ \t]?[:：][ \t]  # "Music: ..."
        |{_end_words()}                              # "Sponsored by", "Suscríbete", ...
        |https?://|www\.)""",
    re.VERBOSE | re.IGNORECASE,
)
_COLONS = (":", "：")


def _label_line(text: str) -> bool:
    """Whether ``text`` ends with a colon and blanks, a label over what follows ("Links:"):
    what ``[:：][ \t]*$`` finds, told from the end ("$" also stands before a last newline)
    instead of searched at every colon."""
    if text.rstrip(" \t").endswith(_COLONS):
        return True
    return text.endswith("\n") and text[:-1].rstrip(" \t").endswith(_COLONS)


_PREFACE = recache.compile(  # "Hosts: A & B", "Published: ..." before the description
    r"""^(?:(?:Your[ \t]+)?(?:Hosts?|Guests?|Co-?hosts?)
        |Published|Recorded|Air[ \t]?date|Date)[ \t]*:""",
    re.IGNORECASE | re.VERBOSE,
)
_PSEUDO_HEADING = recache.compile(r"^[A-Z][^.!?:;,\n]{0,40}$")
# No bracket inside a label or an address: each "[" starts at most one short attempt.
_LINKS = recache.compile(r"\[[^\[\]\n]{0,500}\]\([^()\[\]\s]{0,2000}\)|https?://\S{1,2000}")
# Lines passed over before the description starts, at most this many.
_LEADING_NOISE = 6


def _shouting(text: str) -> bool:
    """A line in capitals of some length: a disclaimer ("ALL MATERIALS IN THIS PODCAST ..."),
    not a description."""
    return len(text) >= 40 and text.isupper()


def _no_words(text: str) -> bool:
    """A rule or a mark alone ("—", "***", "• • •"), short: a long run of marks is the
    user's text, kept where nothing else would keep it."""
    return len(text) <= 40 and not any(c.isalnum() for c in text)


def _stops(text: str) -> bool:
    if (
        _STOP.match(text)
        or _label_line(text)
        or is_boilerplate(text)
        or _no_words(text)
        or _shouting(text)
    ):
        return True
    # A line that is nothing but links ("[A](x) | [B](y)") is not prose. Each link holds a
    # "[" or "http": most prose holds neither, and is spared the words.
    if "[" not in text and "http" not in text:
        return False
    words = re.findall(r"\w{2,}", _LINKS.sub(" ", text))
    return len(words) < 2 and _LINKS.search(text) is not None


def _ends_with_link(text: str) -> bool:
    """A short line whose last words are a link: "Her newsletter, [Heated](https://...)",
    an entry of a list of references rather than a sentence of the description (one that
    runs to more than eight words outside its links is a sentence)."""
    end = text.rstrip(" .")
    if end.endswith(")"):
        label_end = end.rfind("](")
        if label_end == -1 or any(c.isspace() for c in end[label_end:]):
            return False
    else:
        space = end.rfind(" ")
        if not end[space + 1 :].startswith(("http://", "https://", "www.")):
            return False
    return len(_LINKS.sub(" ", text).split()) <= 8


# The calls to action, lower-cased: those written with blanks between words are sought
# only where the line holds the longest word of one of them (a set lookup), the others
# only in a line that is not ASCII. An alternation of them, tried at every character of
# every line, was a tenth of a note's parse.
_CALLS = tuple(p.casefold() for p in cues.words("sections", "call_to_action"))
_CALLS_SPACED = tuple(p for p in _CALLS if " " in p)
_CALLS_WORDS = frozenset(p for p in _CALLS if " " not in p)
_CALL_KEYS = frozenset(max(p.split(), key=len) for p in _CALLS_SPACED)
_TO_BLANK = str.maketrans(dict.fromkeys(".,;:!?()[]\"'“”«»¡¿", " "))


def _calls_to_action(text: str) -> bool:
    """Whether ``text`` asks the listener to click or use a code ("click here").

    >>> _calls_to_action("To find out more, click here."), _calls_to_action("Click on it")
    (True, False)
    """
    low = text.casefold()
    words = set(low.translate(_TO_BLANK).split())
    if not _CALL_KEYS.isdisjoint(words) and any(p in low for p in _CALLS_SPACED):
        return True
    if not _CALLS_WORDS.isdisjoint(words):
        return True  # "promocode", "rabattcode"
    return not low.isascii() and any(p in low for p in _CALLS_WORDS)


def _promotes(para: list[Segment]) -> bool:
    """A paragraph of one line that asks the listener to click or use a code: an
    advertisement (a longer paragraph is the description's own)."""
    return _calls_to_action(para[-1].text) if len(para) == 1 else False


def _is_title_again(ctx: Context, text: str) -> bool:
    title = ctx.title.heading or ctx.title.text if ctx.title is not None else None
    bare = text.strip(" \"'“”‘’")
    return bool(title) and bool(bare) and bare.casefold() in (title or "").casefold()


def _sentence(text: str) -> bool:
    """A line that reads as a sentence of a description: six words or more (twenty
    characters in a script written without blanks) or a sentence's end, no call to action,
    no link at its end."""
    words = len(text.split())
    long_enough = (
        words >= 6 or (words <= 2 and len(text) >= 20) or text.endswith((".", "!", "?", "。"))
    )
    return long_enough and not _calls_to_action(text) and not _ends_with_link(text)


def _noise(ctx: Context, text: str) -> bool:
    """A line before the description that is none of it (see the module's docstring). Not
    passed over: a list item or a label that ends its line ("Executive Producers:"), which
    open a list: a list before any prose is no description's preface."""
    if text[:1] in "-*•+>" or (text[:1].isdigit() and _STOP.match(text)):
        return False
    if _label_line(text):
        return False
    return (
        _PREFACE.match(text) is not None
        or _PSEUDO_HEADING.match(text) is not None
        or _is_title_again(ctx, text)
        or _stops(text)
    )


def _passed_over(ctx: Context, para: list[Segment]) -> bool:
    """Whether the first line of ``para`` is noise before the description. A line cut at a
    wide gap ("My guest is  A, our director") is read whole, and only a call to action
    makes it noise."""
    pieces = [seg.text for seg in para if seg.line == para[0].line]
    if len(pieces) == 1:
        return _noise(ctx, pieces[0])
    return _calls_to_action(" ".join(pieces))


def _prose(ctx: Context, segments: list[Segment]) -> list[Segment]:
    """The leading paragraphs of prose among ``segments``."""
    out: list[Segment] = []
    passed = 0
    taken = ctx.taken  # ctx.is_taken(seg), without a call for each segment
    for para in paragraphs([s for s in segments if s.index not in taken]):
        if not out:
            # Lines before the description: "Podcast: Play in new window", the title again,
            # "Episode sponsored by ...". Passed over, a few at most.
            read = False  # whether _passed_over(ctx, para) is known to be False
            while para and passed < _LEADING_NOISE:
                if not _passed_over(ctx, para):
                    read = True
                    break
                line = para[0].line
                # "Published: ...", "Hosts: ..." do not count: a preface, not noise
                passed += _PREFACE.match(para[0].text) is None
                para = [seg for seg in para if seg.line != line]  # the whole line
            if not para:
                continue
            if not read and _passed_over(ctx, para):
                break  # more lines of that kind: no description stands near the start
            if passed and not _sentence(para[0].text):
                break  # after lines passed over, only a sentence opens a description
        first = para[0].text
        if _stops(first) or (out and (_ends_with_link(first) or _promotes(para))):
            break
        if out and len(para) == 1 and _PSEUDO_HEADING.match(first):
            break  # "In this episode", "Show Notes": a heading without its markup
        keep = [para[0]]  # its first line does not stop it (above)
        for seg in para[1:]:
            if _stops(seg.text):
                break
            keep.append(seg)
        out.extend(keep)
        if len(keep) < len(para):
            break
    return out


def _under(doc: Document, at: int) -> list[Segment]:
    """The segments of the section at ``at`` and of the headless ones after it: a label
    heading ("Episode description") ends at a blank line, its prose need not."""
    sections = doc.sections
    segments = list(sections[at].segments)
    for block in sections[at + 1 :]:
        if block.heading is not None:
            break
        segments.extend(block.segments)
    return segments


def extract(ctx: Context) -> str | None:
    doc = ctx.doc
    for at, block in enumerate(doc.sections):
        if block.kind != "abstract":
            continue
        segments = _prose(ctx, _under(doc, at))
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
