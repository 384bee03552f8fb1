"""What an input is, told from its first bytes: a feed, a chapters file, HTML or text notes.

Every input is sniffed before it is read, so these tests live apart from the readers they
choose between: ``feeds`` (the XML parser, defusedxml), ``chapter_formats`` (six formats,
``fractions``, ``decimal``) and ``html`` (the HTML converter) are imported only for an
input that needs them, and a one-file ``convert`` of text notes pays for none of them.
``feeds.looks_like_feed``, ``chapter_formats.psc.looks_like_psc`` and
``html.looks_like_html`` are these functions.
"""

from __future__ import annotations

import codecs
import re
from typing import Final

from episodeparse import recache

__all__ = [
    "HTML_SNIFF_CHARS",
    "PSC_NAMESPACE",
    "SNIFF_BYTES",
    "looks_like_chapters",
    "looks_like_feed",
    "looks_like_html",
    "looks_like_psc",
    "looks_like_text_chapters",
]

SNIFF_BYTES: Final = 4096  # how much of an input is looked at
PSC_NAMESPACE: Final = "http://podlove.org/simple-chapters"

# Feeds ----------------------------------------------------------------------------------

_PROLOG_MISC: Final = recache.compile(
    rb"""
    (?: \s+                          # whitespace
      | <\?[^>]{0,1000}\?>           # <?xml ...?>, <?xml-stylesheet ...?>
      | <!--.{0,2000}?-->            # a comment
      | <!DOCTYPE[^>\[]{0,1000}        # a doctype (refused later, but still a feed),
        (?:\[.{0,3000}?\])?\s*>       #   with an internal subset: entities
    )*
    """,
    re.VERBOSE | re.DOTALL,
)
_FEED_ROOT: Final = rb"(?:rss|feed|[A-Za-z][\w.-]{0,20}:RDF|RDF)"  # a feed's root element
_ROOT: Final = recache.compile(rb"<" + _FEED_ROOT + rb"[\s>/]")
# A doctype too long to see past (billion laughs): its name is the root element's.
_FEED_DOCTYPE: Final = recache.compile(rb"<!DOCTYPE\s+" + _FEED_ROOT + rb"[\s\[>]")


def looks_like_feed(head: bytes) -> bool:
    """True when the first bytes of a file look like an RSS, Atom or RDF feed.

    >>> looks_like_feed(b'\\xef\\xbb\\xbf <?xml version="1.0"?>\\n<!-- hi --><rss version="2.0">')
    True
    >>> looks_like_feed(b"<html><body>")
    False
    >>> looks_like_feed(b'<!DOCTYPE rss [<!ENTITY a "b">]><rss version="2.0">')
    True
    """
    head = head[:SNIFF_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    elif head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    start = _PROLOG_MISC.match(head)
    at = start.end() if start else 0
    return bool(_ROOT.match(head, at) or _FEED_DOCTYPE.match(head, at))


# HTML notes -----------------------------------------------------------------------------

HTML_SNIFF_CHARS: Final = 65536  # what looks_like_html reads of a text

_HTML_START: Final = recache.compile(
    r"""
    <(?:!doctype|html|head|body|p|div|h[1-6]|ul|ol|li|table|section|article
       |span|a|br|hr|strong|b|em|i|blockquote|pre|img|figure|header|main|nav)
    (?=[\s/>])                      # a tag name, not '<https://...>' or '<pa>'
    """,
    re.IGNORECASE | re.VERBOSE,
)

_HTML_EVIDENCE: Final = recache.compile(
    r"""
      <(?:p|div|br|li|ul|ol|h[1-6]|table|tr|td|blockquote|pre|hr)(?=[\s/>])  # block tag
    | </(?:p|div|li|ul|ol|h[1-6]|table|blockquote|pre)\s*>                   # its end
    | <a\s[^<>]{0,500}?href\s*=                                            # a link
    """,
    re.IGNORECASE | re.VERBOSE,
)

_HTML_EVIDENCE_NEEDED: Final = 3


def looks_like_html(text: str) -> bool:
    """True when ``text`` is clearly HTML rather than plain text or Markdown.

    It is HTML when, after whitespace, it starts with a known tag or doctype, or when its
    first 64 KiB hold at least three block tags, ``<br>`` or ``<a href=`` links. One
    ``<iframe>`` or comment line inside Markdown does not count.

    >>> looks_like_html("  <p>Hello</p>")
    True
    >>> looks_like_html("# Title\\n<iframe src='x'></iframe>\\nText")
    False
    >>> looks_like_html("<https://example.com> is an autolink")
    False
    """
    head = text[:HTML_SNIFF_CHARS]
    start = head.lstrip(" \t\r\n\f\ufeff")
    if _HTML_START.match(start):
        return True
    for found, _ in enumerate(_HTML_EVIDENCE.finditer(head), start=1):
        if found >= _HTML_EVIDENCE_NEEDED:
            return True
    return False


# Chapters files -------------------------------------------------------------------------

_PSC_PROLOG: Final = recache.compile(
    rb"""(?:\xef\xbb\xbf)?                   # a UTF-8 byte order mark
    (?: \s                                   # whitespace, one at a time ((\s+)* backtracks
                                             #   exponentially when no root follows)
      | <\?[^>]{0,1000}\?>                   # <?xml ...?>
      | <!--(?:[^-]|-[^-]){0,2000}-->        # a comment (XML forbids "--" inside: one
                                             #   way to read it, never across two)
      | <!DOCTYPE[^\[>]{0,1000}               # a doctype (read, then refused)
        (?:\[[^\]]{0,10000}\])?[ \t\r\n]{0,100}>  #   with its internal subset
    )*
    <(?:[A-Za-z_][\w.-]{0,30}:)?chapters[\s>/]  # the root element, any prefix
    """,
    re.VERBOSE | re.DOTALL,
)

# What the first characters of a chapters file in a text format can be (after a BOM).
_TEXT_HEAD: Final = recache.compile(
    r"""[ \t\r\n]*[{\[]                    # JSON
      | WEBVTT                            # WebVTT
      | ;FFMETADATA                       # FFMETADATA
      | \d{2,9}:\d{2}:\d{2}\.\d{3}        # mp4chaps
    """,
    re.VERBOSE,
)


def looks_like_psc(head: bytes) -> bool:
    """True when the first bytes are an XML document with a ``chapters`` root element in
    the Podlove Simple Chapters namespace (UTF-8; other encodings are not sniffed).

    >>> looks_like_psc(b'<?xml version="1.0"?>\\n<psc:chapters xmlns:psc="'
    ...     + PSC_NAMESPACE.encode() + b'" version="1.2">')
    True
    >>> looks_like_psc(b'<rss version="2.0">'), looks_like_psc(b"<chapters>")
    (False, False)
    """
    head = head[:SNIFF_BYTES]
    return _PSC_PROLOG.match(head) is not None and PSC_NAMESPACE.encode() in head


def _head(data: bytes, encoding: str | None) -> str:
    head = data[:SNIFF_BYTES]
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le")):
        if head.startswith(bom):
            return head[len(bom) :].decode(name, errors="ignore")
    if head.startswith(codecs.BOM_UTF16_BE):
        return head[2:].decode("utf-16-be", errors="ignore")
    try:
        return head.decode(encoding or "utf-8", errors="ignore")
    except (LookupError, UnicodeError):  # no text encoding: decode() says so, naming the file
        return ""


def looks_like_text_chapters(data: bytes, encoding: str | None = None) -> bool:
    """True when ``data`` opens as a chapters file in a text format can (JSON, WebVTT,
    FFMETADATA, mp4chaps); only its reader can tell whether it is one.

    >>> looks_like_text_chapters(b"WEBVTT\\n"), looks_like_text_chapters(b"Show notes")
    (True, False)
    """
    return _TEXT_HEAD.match(_head(data, encoding)) is not None


def looks_like_chapters(data: bytes, encoding: str | None = None) -> bool:
    """False when ``data`` cannot be a chapters file, so that ``chapter_formats.read``
    would give None for it (True: it may be one).

    >>> looks_like_chapters(b"00:00:00.000 Intro"), looks_like_chapters(b"Notes\\n[00:00] Intro")
    (True, False)
    """
    return looks_like_psc(data[:SNIFF_BYTES]) or looks_like_text_chapters(data, encoding)
