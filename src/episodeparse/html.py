"""HTML show notes to structured, Markdown-like plain text.

Contract
--------
``html_to_text(html) -> str`` keeps the structure a line-based parser needs:

- block elements (p, div, section, article, blockquote, pre, table rows, h1-h6, ul/ol, li,
  hr) start and end lines; paragraphs (p, blockquote, pre, table, lists, headings, hr) are
  separated by one blank line; ``<br>`` is a newline (a space inside a heading);
- ``<hN>`` becomes ``#`` * N + space + text on its own line; ``<hr>`` becomes ``---``;
- ``<li>`` becomes ``- text``, nested lists indented by two spaces per level (capped at
  eight levels); continuation lines of an item are indented to its text;
- table cells of one row are joined by `` | ``;
- ``<a href="X">label</a>`` with an absolute http(s) or mailto address becomes
  ``[label](X)``; an empty label, or a label equal to the address, gives the bare address
  ``X``; relative, ``#anchor``, ``javascript:`` and ``data:`` addresses give the label only.
  ``[`` and ``]`` in labels are escaped as ``\\[`` ``\\]``; ``)`` and spaces in addresses are
  percent-encoded;
- emphasis and other inline markup are dropped (text kept); ``img`` is dropped; script,
  style, iframe, noscript, template, svg, math, title and head content is dropped;
- entities are decoded (``&nbsp;`` is a space); whitespace collapses to one space like in
  a browser; lines carry no leading (except list indentation) or trailing spaces; never
  two blank lines in a row; no leading or trailing blank lines; no final newline.

``strip_tags(html) -> str`` is the one-line version (for titles): text only, entities
decoded, whitespace collapsed. ``looks_like_html(text) -> bool`` inspects at most the first
64 KiB (it lives in ``sniff``, so that notes that are not HTML do not import this module).

None of the three raises on any input, and all run in time linear in the input size.

Why a small tokenizer of our own, not ``html.parser`` or a library
------------------------------------------------------------------
The converter (``_TextWriter``) consumes start/end/text events; the tokenizer
(``_tokenize``, about 100 lines) follows the HTML5 tokenizer's rules for the cases that
matter: comments, bogus comments, raw-text elements, quoted attributes, and end of input
inside a construct (the construct runs to the end, as in a browser; one exception: a cut
``<a`` tag whose ``href`` was read whole still yields the address). The same writer was
driven by each candidate (Python 3.11.7; lxml 6.1.3, selectolax 1.0.2 measured outside the
project; median of 30 runs):

==========================================  ===========  ===========  ========  ===========
input                                       _tokenize    html.parser  lxml      selectolax*
==========================================  ===========  ===========  ========  ===========
23 corpus .html files (24 KB), per file     0.13 ms      0.21 ms      0.12 ms   0.03 ms
416 feed notes (478 KB), all                57 ms        110 ms
``<a href=`` x 12,500 (100 KB)              22 ms        21,700 ms    2.3 ms    1.6 ms
``<a href=`` x 125,000 (1 MB)               238 ms       (quadratic)  18 ms     17 ms
``<!--`` x 25,000 (100 KB)                  0.4 ms       7,000 ms     1.0 ms    1.0 ms
``</`` x 50,000 (100 KB)                    0.07 ms      1,170 ms
``<`` x 1,000,000                           13 ms        3,260 ms     880 ms    39 ms
``<div>`` nested 10,000 deep                38 ms                     19 ms     136 ms
``&#`` + 5,000 digits + ``;``               U+FFFD       raises
==========================================  ===========  ===========  ========  ===========

(*) selectolax: its own ``.text()``, no structure, as a lower bound.

All 439 documents convert to the same text with ``html.parser`` except the cut tag above
(html.parser prints the raw ``<a href="..." targe...``). ``html.parser`` in 3.11 is
quadratic when many constructs are open at end of input (``close()`` rescans the rest of
the buffer for each), raises on over-long numeric references (``html.unescape`` meets the
int-digits limit), and its end-of-input behaviour changed in the 2025 security releases,
which would make our golden files depend on the Python patch version. lxml (libxml2's
HTML4 parser) is no faster on the corpus and also drops the cut-tag address; selectolax
is faster but a compiled dependency for work that takes a fraction of a millisecond per
episode. Neither clears the bar for a new runtime dependency.
"""

from __future__ import annotations

import html as _html
import re
from html.entities import html5 as _HTML5_ENTITIES
from typing import Final, Protocol

from episodeparse import recache
from episodeparse.sniff import looks_like_html

__all__ = ["html_to_text", "looks_like_html", "strip_tags"]

# ---------------------------------------------------------------------------
# Character references
# ---------------------------------------------------------------------------

# The same pattern html.unescape uses; numeric references are bounded by hand below.
_CHARREF: Final = recache.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
_MAX_DIGITS: Final = 10


def _replace_charref(match: re.Match[str], *, attribute: bool) -> str:
    body = match.group(1)
    if body[0] == "#":
        digits = body[2:] if body[1] in "xX" else body[1:]
        if len(digits.rstrip(";").lstrip("0")) > _MAX_DIGITS:
            return "\ufffd"  # html.unescape would call int() on it and may raise
    elif attribute and not body.endswith(";") and body not in _HTML5_ENTITIES:
        # In attribute values, '&copy=2' stays literal (HTML5 rule for query strings).
        return match.group(0)
    return _html.unescape(match.group(0))


def _unescape(text: str, *, attribute: bool = False) -> str:
    if "&" not in text:
        return text
    return _CHARREF.sub(lambda m: _replace_charref(m, attribute=attribute), text)


# ---------------------------------------------------------------------------
# Tokenizer
# ---------------------------------------------------------------------------


class _Sink(Protocol):
    def start(self, name: str, href: str | None, self_closing: bool) -> None: ...

    def end(self, name: str) -> None: ...

    def text(self, data: str) -> None: ...


# A tag's opening: "<" or "</", and its name, which opens with an ASCII letter.
_TAG_OPEN: Final = recache.compile(r"<(/?)([A-Za-z][^\s/>]*)")
# The same, for a whole tag whose attributes have no value: the name and what follows it
# taken possessively, so that a failed match is not tried again with a shorter name.
_PLAIN_TAG: Final = recache.compile(r"<(/?)([A-Za-z][^\s/>]*+)[^=>]*+>")
_SPACE_OR_SLASH: Final = recache.compile(r"[\s/]*")
_ATTR_NAME: Final = recache.compile(r"[^\s/>][^\s/=>]*")
_EQUALS: Final = recache.compile(r"\s*=\s*")
_UNQUOTED: Final = recache.compile(r"[^\s>]*")
_COMMENT_END: Final = recache.compile(r"--!?>")
_LT_RUN: Final = recache.compile(r"<+")

# Elements whose content is not markup. Their content is skipped, except for the two
# shown as text.
_RAW_TEXT: Final = frozenset(
    {"script", "style", "iframe", "noscript", "noembed", "noframes", "title", "textarea", "xmp"}
)
_RAW_SHOWN: Final = frozenset({"xmp"})
_raw_end_cache: dict[str, re.Pattern[str]] = {}


def _raw_end(name: str) -> re.Pattern[str]:
    pattern = _raw_end_cache.get(name)
    if pattern is None:
        pattern = re.compile(r"</" + re.escape(name) + r"(?=[\s/>])", re.IGNORECASE)
        _raw_end_cache[name] = pattern
    return pattern


def _match_end(pattern: re.Pattern[str], s: str, pos: int) -> int:
    """End of ``pattern`` matched at ``pos``, or ``pos`` when it does not match."""
    match = pattern.match(s, pos)
    return pos if match is None else match.end()


def _scan_attributes(s: str, pos: int) -> tuple[int, str | None, bool]:
    """Read a tag's attributes from ``pos``; return (end, href, self_closing).

    ``end`` is the index after ``>``, or -1 when the input ends inside the tag (an
    unclosed quote included): the tag then runs to the end of input, as in a browser.
    Every step consumes input, so this is linear in the tag's length.
    """
    n = len(s)
    href: str | None = None
    while True:
        pos = _match_end(_SPACE_OR_SLASH, s, pos)
        if pos >= n:
            return -1, href, False
        if s[pos] == ">":
            return pos + 1, href, s[pos - 1] == "/"
        name_start, pos = pos, _match_end(_ATTR_NAME, s, pos)
        name = s[name_start:pos]
        after_equals = _match_end(_EQUALS, s, pos)
        if after_equals == pos:
            continue  # an attribute without a value
        pos = after_equals
        if pos >= n:
            return -1, href, False
        quote = s[pos]
        if quote in "\"'":
            close = s.find(quote, pos + 1)
            if close < 0:
                return -1, href, False
            value = s[pos + 1 : close]
            pos = close + 1
        else:
            start, pos = pos, _match_end(_UNQUOTED, s, pos)
            value = s[start:pos]
        if href is None and name.lower() == "href":
            href = value


def _tokenize(source: str, sink: _Sink) -> None:
    """Feed ``sink`` with the events of ``source``, following HTML5 tokenizer rules.

    End of input inside a tag, comment or raw-text element ends the document there (the
    construct runs to the end, as in a browser); all text before it has been emitted.
    """
    s = source.replace("\x00", "")
    n = len(s)
    pos = 0
    while pos < n:
        lt = s.find("<", pos)
        if lt < 0:
            sink.text(_unescape(s[pos:]))
            return
        if lt > pos:
            data = s[pos:lt]
            sink.text(_unescape(data) if "&" in data else data)  # most text: no reference
        # A tag whose attributes have no value (``<p>``, ``</a>``, ``<br/>``, most tags) ends
        # at the first ">": only a value can be quoted and hide one. Others are scanned.
        tag = _PLAIN_TAG.match(s, lt)
        if tag is not None:
            is_end, name = tag.group(1, 2)
            name = name.lower()
            end = tag.end()
            href, self_closing = None, s[end - 2] == "/"
        elif (tag := _TAG_OPEN.match(s, lt)) is not None:
            is_end, name = tag.group(1, 2)
            name = name.lower()
            end, href, self_closing = _scan_attributes(s, tag.end())
        if tag is not None:
            if end < 0:
                if name == "a" and href is not None and not is_end:
                    sink.start(name, href, False)  # cut after a whole href: keep the address
                return
            pos = end
            if is_end:
                sink.end(name)
                continue
            sink.start(name, href, self_closing)
            if name == "plaintext":
                sink.text(s[pos:])
                return
            if name in _RAW_TEXT:
                close = _raw_end(name).search(s, pos)
                stop = close.start() if close else n
                if name in _RAW_SHOWN:
                    sink.text(s[pos:stop])
                pos = stop
            continue
        following = s[lt + 1 : lt + 2]
        if s.startswith("<!--", lt):
            if s.startswith("<!-->", lt):
                pos = lt + 5
                continue
            if s.startswith("<!--->", lt):
                pos = lt + 6
                continue
            comment_end = _COMMENT_END.search(s, lt + 4)
            if comment_end is None:
                return
            pos = comment_end.end()
            continue
        if following in ("!", "?", "/"):
            # <!DOCTYPE>, <![CDATA[...]]>, <?php ... ?>, </ 3>: bogus comments up to '>'
            gt = s.find(">", lt + 2)
            if gt < 0:
                return
            pos = gt + 1
            continue
        # A '<' that starts nothing is text; a run of them is taken at once.
        run_end = _match_end(_LT_RUN, s, lt)
        last = run_end - 1 if run_end - lt > 1 else run_end
        sink.text(s[lt:last])
        pos = last


# ---------------------------------------------------------------------------
# Writer: events to structured text
# ---------------------------------------------------------------------------

_WHITESPACE: Final = recache.compile(r"[ \t\n\r\f\xa0]+")
_HEADINGS: Final = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_PARAGRAPHS: Final = frozenset({"p", "blockquote", "pre", "table", "dl", "figure"})
_LINE_BLOCKS: Final = frozenset(
    {
        "address", "article", "aside", "body", "caption", "center", "dd", "details",
        "div", "dt", "fieldset", "figcaption", "footer", "form", "header", "hgroup",
        "html", "legend", "main", "menu", "nav", "option", "section", "summary", "tr",
    }
)  # fmt: skip
_CELLS: Final = frozenset({"td", "th"})
_LISTS: Final = frozenset({"ul", "ol"})
_NESTED_DROPPED: Final = frozenset({"template", "svg", "math"})
_HEAD_CONTENT: Final = frozenset(
    {"base", "link", "meta", "title", "style", "script", "noscript", "template"}
)
_MAX_LIST_INDENT: Final = 8
_URL_END: Final = frozenset(".,;:!?)]}>'\"…")  # may follow a bare address without a space


def _link_address(raw: str | None) -> str | None:
    """The address of an href worth keeping (absolute http(s) or mailto), else None."""
    if raw is None:
        return None
    href = _unescape(raw, attribute=True).strip(" \t\n\r\f")
    href = href.replace("\t", "").replace("\n", "").replace("\r", "")
    lowered = href[:8].lower()
    if lowered.startswith(("http://", "https://")) and len(href) > len(lowered.split(":")[0]) + 3:
        return href
    if lowered.startswith("mailto:") and len(href) > len("mailto:"):
        return href
    return None


def _format_link(label: str, address: str) -> str:
    encoded = address.replace(" ", "%20").replace(")", "%29")
    if not label or label == address:
        return encoded
    return "[" + label.replace("[", "\\[").replace("]", "\\]") + "](" + encoded + ")"


class _Anchor:
    __slots__ = ("address", "start")

    def __init__(self, address: str, start: int) -> None:
        self.address = address
        self.start = start  # index in the current line's pieces where the label begins


class _TextWriter:
    """Turns tokenizer events into lines. Every method is O(size of its event)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.pieces: list[str] = []  # content of the current line
        self.prefix: str | None = None  # heading mark or list indent, fixed at first content
        self.space = False  # collapsed whitespace pending before the next content
        self.heading = 0
        self.list_depth = 0
        self.items: list[int] = []  # list depth of each open <li>
        self.marker_pending = False
        self.pre = 0
        self.dropped: list[str] = []
        self.dropped_open: dict[str, int] = {}
        self.in_head = False
        self.anchor: _Anchor | None = None
        self.after_bare = False  # the last piece is a bare address

    # -- events ----------------------------------------------------------------

    def start(self, name: str, href: str | None, self_closing: bool) -> None:
        if self.in_head:
            if name in _HEAD_CONTENT and name not in _NESTED_DROPPED:
                return
            self.in_head = False
        if name in _NESTED_DROPPED:
            if not (self_closing and name != "template"):
                self.dropped.append(name)
                self.dropped_open[name] = self.dropped_open.get(name, 0) + 1
            return
        if self.dropped:
            return
        # The names of the branches are apart: the commonest ("p") is tested first.
        if name in _PARAGRAPHS:
            self._paragraph()
            if name == "pre":
                self.pre += 1
        elif name == "head":
            self.in_head = not (self.lines or self.pieces)
        elif name == "a":
            self._close_anchor()
            address = _link_address(href)
            if address is not None:
                self.anchor = _Anchor(address, len(self.pieces))
        elif name == "br":
            self._break()
        elif name in _HEADINGS:
            self.heading = 0
            self._blank()
            self.heading = _HEADINGS[name]
        elif name in _LISTS:
            if self.list_depth or self.items:
                self._end_line()
            else:
                self._blank()
            self.list_depth += 1
        elif name == "li":
            self._end_line()
            depth = max(self.list_depth, 1)
            while self.items and self.items[-1] >= depth:
                self.items.pop()
            self.items.append(depth)
            self.marker_pending = True
        elif name in _CELLS:
            if self.pieces:
                self.pieces.append(" |")
                self.space = True
        elif name == "hr":
            self._blank()
            self._put("---")
            self._blank()
        elif name in _LINE_BLOCKS:
            self._end_line()

    def end(self, name: str) -> None:
        if self.dropped:
            if self.dropped_open.get(name):
                while self.dropped:
                    popped = self.dropped.pop()
                    self.dropped_open[popped] -= 1
                    if popped == name:
                        break
            return
        if name in _PARAGRAPHS:  # the commonest first, as in start()
            if name == "pre" and self.pre:
                self.pre -= 1
            self._paragraph()
        elif name == "head":
            self.in_head = False
        elif name == "a":
            self._close_anchor()
        elif name == "br":  # </br> is a <br> in browsers
            self._break()
        elif name in _HEADINGS:
            if self.heading:
                self._blank()
                self.heading = 0
        elif name in _LISTS:
            if self.list_depth:
                self.list_depth -= 1
                while self.items and self.items[-1] > self.list_depth:
                    self.items.pop()
            if self.list_depth or self.items:
                self._end_line()
            else:
                self._blank()
        elif name == "li":
            self._end_line()
            if self.items:
                self.items.pop()
            self.marker_pending = False
        elif name in _LINE_BLOCKS:
            self._end_line()

    def text(self, data: str) -> None:
        if self.dropped:
            return
        if self.in_head:
            if not data.strip():
                return
            self.in_head = False
        if self.pre:
            for number, part in enumerate(data.split("\n")):
                if number:
                    self._break()
                self._run(part)
        else:
            self._run(data)

    def result(self) -> str:
        self._close_anchor()
        self._end_line()
        out: list[str] = []
        for line in self.lines:
            line = line.rstrip()
            if line or (out and out[-1]):
                out.append(line)
        while out and not out[-1]:
            out.pop()
        return "\n".join(out)

    # -- lines -----------------------------------------------------------------

    def _run(self, data: str) -> None:
        if data.isspace() and not data.strip(" \t\n\r\f\xa0"):
            self.space = True  # blanks alone ("\n" between blocks): the pending space only
            return
        # _WHITESPACE turns each run of its characters into one space: text whose only such
        # characters are lone spaces is left as it is, and spared the substitution.
        if (
            "  " in data
            or "\n" in data
            or "\t" in data
            or "\r" in data
            or "\f" in data
            or "\xa0" in data
        ):
            collapsed = _WHITESPACE.sub(" ", data)
        else:
            collapsed = data
        if not collapsed:
            return
        core = collapsed.strip(" ")
        if collapsed[0] == " ":
            self.space = True
        if core:
            self._put(core)
            self.space = collapsed[-1] == " "

    def _put(self, piece: str) -> None:
        if self.prefix is None:
            self.prefix = self._line_prefix()
        if self.pieces and (self.space or (self.after_bare and piece[0] not in _URL_END)):
            self.pieces.append(" ")  # a bare address must not run into the next word
        self.space = False
        self.after_bare = False
        self.pieces.append(piece)

    def _line_prefix(self) -> str:
        if self.heading:
            return "#" * self.heading + " "
        if not self.items:
            return ""
        depth = min(self.items[-1], _MAX_LIST_INDENT)
        if self.marker_pending:
            self.marker_pending = False
            return "  " * (depth - 1) + "- "
        return "  " * depth

    def _end_line(self) -> None:
        """End the current line if it has content."""
        anchor = self.anchor
        if anchor is not None:
            if "".join(self.pieces[anchor.start :]).strip():
                self._close_anchor()  # a label cut by a block: link what is on this line
            else:
                anchor.start = 0  # nothing yet: the label starts on the next line
        if self.pieces:
            self.lines.append((self.prefix or "") + "".join(self.pieces))
            self.pieces = []
            self.prefix = None  # set by _put with the first piece: None while there is none
        self.space = False
        self.after_bare = False

    def _break(self) -> None:
        """A <br>: end the line, or make an empty one."""
        if self.heading:
            self.space = True
        elif self.pieces:
            self._end_line()
        else:
            self.lines.append("")

    def _blank(self) -> None:
        self._end_line()
        if self.lines and self.lines[-1]:
            self.lines.append("")

    def _paragraph(self) -> None:
        if self.items:
            self._end_line()  # tight lists: no blank lines inside an item
        else:
            self._blank()

    def _close_anchor(self) -> None:
        anchor = self.anchor
        if anchor is None:
            return
        self.anchor = None
        trailing_space = self.space
        raw_label = "".join(self.pieces[anchor.start :])
        del self.pieces[anchor.start :]
        label = raw_label.strip(" ")
        # An empty or blank label leaves the pending space on both sides of the address.
        self.space = raw_label.startswith(" ") or (not label and trailing_space)
        link = _format_link(label, anchor.address)
        self._put(link)
        self.space = trailing_space
        self.after_bare = not link.startswith("[")


def html_to_text(html: str) -> str:
    """Convert HTML show notes to structured Markdown-like text (see the module doc).

    >>> print(html_to_text("<h2>Episode 5</h2><p>Hi &amp; bye<br>next</p><ul><li>one</li></ul>"))
    ## Episode 5
    <BLANKLINE>
    Hi & bye
    next
    <BLANKLINE>
    - one
    >>> html_to_text('See <a href="https://x.org/a">the site</a> or <a href="/b">here</a>.')
    'See [the site](https://x.org/a) or here.'
    """
    writer = _TextWriter()
    _tokenize(html, writer)
    return writer.result()


# ---------------------------------------------------------------------------
# Plain text
# ---------------------------------------------------------------------------


class _PlainSink:
    """Collects text only; block boundaries and <br> become spaces."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.dropped = 0

    def start(self, name: str, href: str | None, self_closing: bool) -> None:
        if name in _NESTED_DROPPED and not (self_closing and name != "template"):
            self.dropped += 1
        elif name == "br" or name in _LINE_BLOCKS or name in _PARAGRAPHS or name == "li":
            self.parts.append(" ")

    def end(self, name: str) -> None:
        if name in _NESTED_DROPPED and self.dropped:
            self.dropped -= 1
        elif name in _LINE_BLOCKS or name in _PARAGRAPHS or name == "li":
            self.parts.append(" ")

    def text(self, data: str) -> None:
        if not self.dropped:
            self.parts.append(data)


def strip_tags(html: str) -> str:
    """Plain text of an HTML fragment on one line: tags dropped, entities decoded.

    >>> strip_tags("  <b>Episode&nbsp;5</b>:<br>Caf&eacute; &amp; more ")
    'Episode 5: Café & more'
    >>> strip_tags("AT&T <3 you")
    'AT&T <3 you'
    """
    sink = _PlainSink()
    _tokenize(html, sink)
    return _WHITESPACE.sub(" ", "".join(sink.parts)).strip(" ")
