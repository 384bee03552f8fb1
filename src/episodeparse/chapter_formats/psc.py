"""Podlove Simple Chapters 1.2 (namespace ``http://podlove.org/simple-chapters``).

Written::

    <?xml version="1.0" encoding="UTF-8"?>
    <psc:chapters version="1.2" xmlns:psc="http://podlove.org/simple-chapters">
      <psc:chapter start="00:01:12.000" title="Intro" href="https://example.com/"/>
    </psc:chapters>

``start`` is ``HH:MM:SS.mmm``; ``href`` only where a chapter has a url. Attribute values are
escaped (``&``, ``<``, ``>``, ``"``, and tab, line feed and carriage return as character
references, which XML would otherwise read as spaces); characters XML 1.0 cannot carry
(control characters other than those three, U+FFFE, U+FFFF) are dropped.

Read: a document whose root is ``chapters`` in that namespace, through ``defusedxml``
(no DTD, no entities, no network). ``start`` is Normal Play Time (``37``, ``7:48``,
``35:12.250``, ``01:35:52``); ``title`` and ``href`` are used; ``image``, unknown attributes
and elements, and chapters without a readable ``start`` are returned as ``Unread`` with
the line they are on.
"""

from __future__ import annotations

from typing import Final
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from episodeparse import recache
from episodeparse.chapter_formats.timeline import (
    ChapterFile,
    ChapterFormatError,
    ChapterList,
    Mark,
    Unread,
    check_order,
    clock,
    parse_npt,
)
from episodeparse.sniff import PSC_NAMESPACE, looks_like_psc

__all__ = ["NAMESPACE", "looks_like_psc", "read", "write"]

NAMESPACE: Final = PSC_NAMESPACE
_ROOT: Final = f"{{{NAMESPACE}}}chapters"
_CHAPTER: Final = f"{{{NAMESPACE}}}chapter"

# Characters XML 1.0 cannot carry at all (Char production), even as references.
_NOT_XML: Final = recache.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ATTRIBUTE_ESCAPES: Final = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "\t": "&#9;",
    "\n": "&#10;",
    "\r": "&#13;",
}
_TO_ESCAPE: Final = recache.compile('[&<>"\t\n\r]')


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry.

    >>> xml_safe("a\\x00b\\x1fc\\td")
    'abc\\td'
    """
    return _NOT_XML.sub("", text)


def _attribute(text: str) -> str:
    return _TO_ESCAPE.sub(lambda m: _ATTRIBUTE_ESCAPES[m.group()], xml_safe(text))


def write(chapters: ChapterList) -> str:
    """The chapters as a Podlove Simple Chapters document.

    >>> print(write(ChapterList((Mark(0, 'Say "hi" & <go>'),))), end="")
    <?xml version="1.0" encoding="UTF-8"?>
    <psc:chapters version="1.2" xmlns:psc="http://podlove.org/simple-chapters">
      <psc:chapter start="00:00:00.000" title="Say &quot;hi&quot; &amp; &lt;go&gt;"/>
    </psc:chapters>
    """
    check_order(chapters.marks)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<psc:chapters version="1.2" xmlns:psc="{NAMESPACE}">',
    ]
    for mark in chapters.marks:
        href = f' href="{_attribute(mark.url)}"' if mark.url else ""
        lines.append(
            f'  <psc:chapter start="{clock(mark.start_ms)}" title="{_attribute(mark.title)}"'
            f"{href}/>"
        )
    lines.append("</psc:chapters>")
    return "\n".join(lines) + "\n"


# Reading --------------------------------------------------------------------------------


class _Collector:
    """An ElementTree parser target that notes each element with the line it starts on
    (expat's position is exact while a target callback runs)."""

    def __init__(self) -> None:
        self.parser: DefusedXMLParser | None = None
        self.root: str | None = None
        self.chapters: list[tuple[dict[str, str], int]] = []
        self.unread: list[Unread] = []
        # Open elements: (kind, line, [text]); kind is "root", "chapter" or the start tag
        # of an element PSC does not define.
        self._open: list[tuple[str, int, list[str]]] = []

    def _line(self) -> int:
        expat = getattr(self.parser, "parser", None)
        line = getattr(expat, "CurrentLineNumber", 1)
        return line if isinstance(line, int) else 1

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        line = self._line()
        if not self._open:
            self.root = tag
            kind = "root"
            for name, value in attrib.items():
                if name != "version":
                    self.unread.append(Unread(line, f'{_local(name)}="{value}"'))
        elif tag == _CHAPTER and self._open[-1][0] == "root":
            kind = "chapter"
            self.chapters.append((dict(attrib), line))
        else:
            kind = f"<{_local(tag)}{_attributes(attrib)}>"
        self._open.append((kind, line, []))

    def end(self, tag: str) -> None:
        kind, line, text = self._open.pop()
        content = " ".join("".join(text).split())
        if kind.startswith("<"):
            self.unread.append(Unread(line, f"{kind} {content}".rstrip()))
        elif content:
            self.unread.append(Unread(line, content))

    def data(self, text: str) -> None:
        if self._open:
            self._open[-1][2].append(text)

    def close(self) -> None:
        return None


def _attributes(attrib: dict[str, str]) -> str:
    return "".join(f' {_local(k)}="{v}"' for k, v in attrib.items())


def _local(name: str) -> str:
    return name.rpartition("}")[2]


def read(data: bytes) -> ChapterFile | None:
    """The chapters of a Podlove Simple Chapters document; None when its root is not
    ``chapters`` in the PSC namespace. Raises ``ChapterFormatError`` for XML that is not
    well-formed or declares a DTD or entities.
    """
    collector = _Collector()
    parser = DefusedXMLParser(
        target=collector, forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    collector.parser = parser
    try:
        parser.feed(data)
        parser.close()
    except ParseError as error:
        raise ChapterFormatError(f"chapters file is not well-formed XML: {error}") from None
    except DefusedXmlException as error:
        raise ChapterFormatError(f"chapters file refused: {error}") from None
    if collector.root != _ROOT:
        return None
    marks: list[Mark] = []
    unread = list(collector.unread)
    for attrib, line in collector.chapters:
        start = parse_npt(attrib.get("start", ""))
        if start is None:
            unread.append(Unread(line, f"<chapter{_attributes(attrib)}>"))
            continue
        for name, value in attrib.items():
            if name not in ("start", "title", "href"):
                unread.append(Unread(line, f'{_local(name)}="{value}"'))
        marks.append(Mark(start, attrib.get("title", ""), attrib.get("href") or None))
    # Clients must put the chapters in time order themselves (the specification says so).
    marks.sort(key=lambda m: m.start_ms)
    unread.sort(key=lambda u: u.line)
    return ChapterFile("psc", ChapterList(tuple(marks)), tuple(unread))
