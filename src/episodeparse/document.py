"""The only place text is split: decoding, line numbers, segments and headed sections.

Show notes arrive with their line breaks intact, or flattened onto one line by a mirror or
a feed. Either way the extractors want the same thing: short *segments* that each carry the
1-based line they came from, grouped under the *heading* they stand beneath. A physical
line is cut into several segments where a flattened note has lost its line breaks:

- at runs of two or more spaces (what a collapsed newline usually leaves behind);
- before an inline heading ``// Abstract``, ``// Bio`` (known heading words only, so that a
  title line ``Title // Guest // Series #57`` stays whole);
- around a decorated rule ``------ Connect With Us ------``;
- before each bracketed time when a line holds several (``[01:12] A [03:23] B``);
- after each address or handle when a line holds several (``Join: URL Follow: @x``).

Segments of one physical line are joined back with a space wherever prose is rebuilt, so a
cut never changes an abstract. Markdown links wrapped over several lines are joined first.
"""

from __future__ import annotations

import codecs
import functools
import itertools
import re
import unicodedata

from episodeparse import cues, recache
from episodeparse.slotted import FrozenSlotted, Slotted

__all__ = [
    "HEADING_WORDS",
    "Document",
    "InputError",
    "SectionBlock",
    "Segment",
    "check_encoding",
    "decode",
    "every_byte",
    "heading_kind",
    "is_boilerplate",
    "paragraphs",
]


class InputError(ValueError):
    """Input that cannot be read as show notes: not text, or not decodable."""


def every_byte(name: str) -> str:
    """The 256 byte values read by the encoding ``name`` (replacement characters where
    they are no text). LookupError for a name Python does not know or a codec of another
    kind ("rot13", "base64"); UnicodeError for a text codec that cannot read any bytes
    ("idna", "punycode"). A one-byte encoding gives 256 characters.

    >>> len(every_byte("cp1252")), len(every_byte("shift_jis")) < 256
    (256, True)
    """
    return bytes(range(256)).decode(name, "replace")


def check_encoding(name: str) -> str:
    """``name`` when it is an encoding that reads any bytes as text, else ValueError.

    >>> check_encoding("latin-1")
    'latin-1'
    >>> check_encoding("idna")
    Traceback (most recent call last):
    ...
    ValueError: idna cannot read every byte as text
    """
    try:
        every_byte(name)
    except LookupError as exc:  # unknown, or a codec of another kind ("rot13", "base64")
        raise ValueError(str(exc)) from None
    except UnicodeError:  # "idna", "punycode": text codecs of a narrow use
        raise ValueError(f"{name} cannot read every byte as text") from None
    return name


def decode(data: bytes, encoding: str | None = None) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, or ``encoding``.

    >>> decode(b"\\xef\\xbb\\xbfhi")
    'hi'
    >>> decode("hé".encode("utf-16"))
    'hé'
    >>> decode(b"a\\xffb")
    Traceback (most recent call last):
    ...
    episodeparse.document.InputError: invalid UTF-8 at byte 1 (use --encoding to override)
    """
    if encoding is not None:
        try:
            return data.decode(encoding)
        except (UnicodeError, LookupError) as exc:
            raise InputError(f"cannot decode as {encoding}: {exc}") from None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"invalid UTF-16 at byte {exc.start}") from None
    nul = data.find(b"\x00")
    if nul != -1:
        raise InputError(f"not text: NUL byte at offset {nul} (binary file?)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"invalid UTF-8 at byte {exc.start} (use --encoding to override)"
        ) from None


# Headings -------------------------------------------------------------------------------

_NOT_KEY_CHAR = recache.compile(r"[^\w\s-]")


def _heading_key(text: str) -> str:
    low = text.lower()
    if low.replace(" ", "").isalnum() and "  " not in low and low.strip(" ") == low:
        return low  # words of letters and digits, one space apart: the key as written
    return " ".join(_NOT_KEY_CHAR.sub(" ", low).replace("-", " ").split())


# Heading words and what they head, as data by language (cues/sections.json): keys are
# lower-case words with punctuation removed (see _heading_key). The groups read here are the
# heading kinds; a word is given one kind in every language.
_KINDS: tuple[str, ...] = ("abstract", "bio", "chapters", "links", "sponsors", "people")
_KINDS += ("categories", "transcript", "credits")
_HEADING_KINDS: dict[str, str] = {}
for _groups in cues.table("sections").values():
    for _kind in _KINDS:
        for _w in _groups.get(_kind, ()):
            _HEADING_KINDS.setdefault(_heading_key(_w), _kind)


HEADING_WORDS: frozenset[str] = frozenset(w for key in _HEADING_KINDS for w in key.split())
"""Every word of a known heading ("relevant", "links", "timestamps", ...), lower case."""


_BOILERPLATE = recache.compile(
    r"""^(?:Visit[ \t]+the[ \t]+podcast['’]s[ \t]+native[ \t]+language[ \t]+site
        |Hosted[ \t]+on[ \t]+Acast\.[ \t]+See[ \t]+acast\.com/privacy
        |See[ \t]+\S+[ \t]+for[ \t]+privacy[ \t]+(?:and[ \t]+opt-out[ \t]+)?information
        |See[ \t]+Privacy[ \t]+Policy[ \t]+at
        |Learn[ \t]+more[ \t]+about[ \t]+(?:your[ \t]+ad|sponsor[ \t]+message)[ \t]+choices
        |NPR[ \t]+Privacy[ \t]+Policy
        |This[ \t]+podcast[ \t]+uses[ \t]+the[ \t]+following[ \t]+third-party[ \t]+services
        |Become[ \t]+a[ \t]+member[ \t]+at[ \t]+https?://plus\.acast\.com
        |Get[ \t]+full[ \t]+access[ \t]+to[ \t].{1,80}[ \t]+at[ \t]+\S+substack\.com
        |Privacy[ \t]+(?:&|and)[ \t]+Opt-Out
        |Support[ \t]+this[ \t]+podcast[ \t]+at[ \t]+[—-]
        |Send[ \t]+in[ \t]+a[ \t]+voice[ \t]+message
        |Get[ \t]+bonus[ \t]+content[ \t]+on[ \t]+Patreon)""",
    re.VERBOSE | re.IGNORECASE,
)


def is_boilerplate(text: str) -> bool:
    """Text known to be an aggregator's or host platform's noise, not the show's words.

    >>> is_boilerplate("Visit the podcast's native language site")
    True
    """
    return _BOILERPLATE.match(text) is not None


def heading_kind(text: str) -> str:
    """What a heading heads: ``abstract``, ``bio``, ``chapters``, ``links``, ``sponsors``,
    ``people``, ``categories``, ``transcript``, ``credits`` or ``other``.

    >>> heading_kind("// Relevant Links")
    'links'
    >>> heading_kind("OUTLINE:")
    'chapters'
    >>> heading_kind("Takeaways")
    'other'
    """
    key = _heading_key(text)
    if key in _HEADING_KINDS:
        return _HEADING_KINDS[key]
    if key.startswith(("where to find", "where to follow")):
        return "links"  # "Where to find Owen:"
    short = len(key.split()) <= 4
    if short and (key.endswith((" sponsor", " sponsors")) or key.startswith("sponsor")):
        return "sponsors"
    key = key.replace("co hosts", "cohosts")
    if key in _HEADING_KINDS:
        return _HEADING_KINDS[key]
    return "other"


# A note's headings are mostly the same few words ("Timestamps", "Links:"), each asked once
# by _heading_text and once more for its section: remembered, for a text of up to 80
# characters (a bare line is of 48 at most, a label of 61).
_kind_of = functools.lru_cache(maxsize=4096)(heading_kind)


def _escaped_words(words: str) -> str:
    r"""``words`` as a pattern, each blank matching any blank: what
    ``re.escape(words).replace(r"\ ", r"\s")`` gives, which reads every character through a
    table; words of letters and digits alone (most of them) need only their blanks replaced.

    >>> _escaped_words("show notes") == re.escape("show notes").replace(r"\ ", r"\s")
    True
    >>> _escaped_words("q&a") == re.escape("q&a")
    True
    """
    if words.replace(" ", "").isalnum():
        return words.replace(" ", r"\s")
    return re.escape(words).replace(r"\ ", r"\s")


# Inline heading after "//" on a flattened line: only the known words, longest first.
_INLINE_HEADING_WORDS = [
    *sorted((w for w in _HEADING_KINDS if len(w) > 2), key=len, reverse=True),
    "takeaways",
    "show notes",
]
_INLINE_HEADING = recache.compile(
    # "//" at the start or after whitespace, written "/(?<!\S/)/" so that the search skips to
    # each "/" instead of trying a lookbehind at every position of the line.
    r"/(?<!\S/)/\s?(?P<word>"
    + "|".join(_escaped_words(w) for w in _INLINE_HEADING_WORDS)
    + r")\b:?",
    re.IGNORECASE,
)


def _units(pattern: str) -> list[str]:
    r"""A pattern's units: an escape ("\s", "\&") or a character.

    >>> _units(r"q\&a\sx")
    ['q', '\\&', 'a', '\\s', 'x']
    """
    units: list[str] = []
    i = 0
    while i < len(pattern):
        size = 2 if pattern[i] == "\\" else 1
        units.append(pattern[i : i + size])
        i += size
    return units


def _prefix_gate(words: list[str], size: int) -> str:
    """An alternation of the first ``size`` units of each of ``words`` (as patterns),
    grouped by their first unit: each group opens with a literal, which a regex tells
    from the character at hand without trying the group."""
    by_first: dict[str, set[str]] = {}
    for word in words:
        units = _units(_escaped_words(word))
        by_first.setdefault(units[0], set()).add("".join(units[1:size]))
    return "|".join(
        first + ("(?:" + "|".join(sorted(rests)) + ")" if rests != {""} else "")
        for first, rests in sorted(by_first.items())
    )


# What ``_INLINE_HEADING`` needs at a "//" of an ASCII text, sought in its lower case: the
# first four characters of one of its words. The whole alternation (hundreds of words,
# case-insensitive) is tried word after word at each "//" ("Title // Guest // Series #57"):
# 25 times the cost of this one, tried on the few words that open with the character at
# hand. Exact: in ASCII text, re.IGNORECASE matches a letter of a word with its two cases
# only, and a word's letter outside ASCII with none, but for "İ", "ı", "ſ" and the Kelvin
# sign: were one of them in a word, every "//" would be tried (``_INLINE_ANY``).
_INLINE_HEADING_GATE = recache.compile(
    r"/(?<!\S/)/\s?(?:"
    + _prefix_gate([w for w in _INLINE_HEADING_WORDS if w[:4].isascii()], 4)
    + ")"
)
_INLINE_ANY = any(c in "\u0130\u0131\u017f\u212a" for w in _INLINE_HEADING_WORDS for c in w)


def _may_hold_inline_heading(text: str) -> bool:
    """Whether ``_INLINE_HEADING`` may match in ``text``: False only where it cannot.

    >>> _may_hold_inline_heading("Title // Ann Example"), _may_hold_inline_heading("A // ABOUT x")
    (False, True)
    """
    if _INLINE_ANY or not text.isascii():
        return True
    return _INLINE_HEADING_GATE.search(text.lower()) is not None


# A whole segment that is a heading.
_HEADING_PATTERNS: tuple[re.Pattern[str], ...] = (
    recache.compile(r"^\#{1,6}[ \t]+(?P<h>[^\n]+?)[ \t#]*$"),  # Markdown: ## Links
    recache.compile(r"^//[ \t]*(?P<h>[^/\n]{1,80}?)[ \t]*:?$"),  # // Abstract
    recache.compile(r"^-{3,}[ \t]*(?P<h>[^-\n]{1,80}?)[ \t]*-{3,}$"),  # ---- Connect With Us ----
    recache.compile(r"^=== ?(?P<h>[^=\n]{1,80}?) ?===$"),  # === Links ===
    recache.compile(r"^\*\*(?P<h>[^*\n]{1,80}?):?\*\*:?$"),  # **Connect with the hosts**
    recache.compile(r"^__(?P<h>[^_\n]{1,80}?):?__:?$"),  # __Links__
)
# Each opens with its own character: one pattern to try, not six.
_HEADING_FIRST = "#/-=*_"
_HEADING_BY_FIRST = dict(zip(_HEADING_FIRST, _HEADING_PATTERNS, strict=True))
_LABEL_HEADING = recache.compile(r"^(?P<h>[^\s:][^:\n]{0,60}?)[ \t]*:$")  # OUTLINE:  Links:


def _trim_decoration(text: str) -> str:
    """Strip emoji, symbols and rule characters around a heading: "✌️Connect With Us ✌️"."""
    if text[:1].isalnum() and text[-1:].isalnum():
        return text  # most text: no letter or digit is a decoration
    start, end = 0, len(text)
    while start < end and _is_decoration(text[start]):
        start += 1
    while end > start and _is_decoration(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_decoration(ch: str) -> bool:
    return ch in " \t*_=~#-–—:：|>•·" or unicodedata.category(ch) in ("So", "Sk", "Cf", "Mn", "Zs")


def _time_first(raw: str) -> bool:
    """A line opening with a bracket and a digit ("[00:43] Takeaways", "(1:02) Intro") and
    without "sponsor": its heading key opens with a digit, as no known heading does, and it
    cannot end in "sponsor", so heading_kind calls it "other" (trimming keeps the bracket,
    no decoration; only U+0130 and the Kelvin sign lower to ASCII, and to "i" and "k")."""
    return raw[:1] in "[(" and "0" <= raw[1:2] <= "9" and "sponsor" not in raw.lower()


def _heading_text(raw: str) -> tuple[str, bool] | None:
    """The heading a segment states and whether it is *soft* (a label such as "Links:" or a
    bare "Timestamps" line, whose section ends at the first blank line after its content),
    else None. Markdown, "//" and decorated headings are hard: they run to the next one."""
    pattern = _HEADING_BY_FIRST.get(raw[:1])
    m = pattern.match(raw) if pattern is not None else None
    if m:
        text = _trim_decoration(m.group("h"))
        return (text, False) if text else None
    # A short line that is nothing but a known heading: "Timestamps", "⏱ Timestamps".
    if (
        len(raw) <= 48
        and not raw.startswith(("-", "*", "+"))
        and "@" not in raw
        and "://" not in raw
        and not _time_first(raw)
    ):
        bare = _trim_decoration(raw)
        if (
            bare
            and not bare[:1].isdigit()  # "0:00 SPONSOR =" is a chapter line
            and len(bare.split()) <= 6
            and _kind_of(bare) != "other"
        ):
            return bare, True
    m = _LABEL_HEADING.match(raw) if raw.endswith((":", ":\n")) else None  # ":$" ends it
    if m:
        text = m.group("h").strip()
        words = text.split()
        if _kind_of(text) != "other" or (
            len(words) <= 5 and text.upper() == text and any(c.isalpha() for c in text)
        ):
            text = _trim_decoration(text)
            return (text, True) if text else None
    return None


# Segments ------------------------------------------------------------------------------

_BREAK = recache.compile(r"\r\n|\r|\n")
_WORD_CHAR = recache.compile(r"[^\W_]")
# Each of these opens with the character it needs, its lookbehind just after it, so that
# the search skips to that character: a pattern that opens with a lookbehind is tried at
# every position. "[ \t\u00a0](?<=\S.)" is "(?<=\S)" before a blank, "-(?<!--)" is
# "(?<!-)" before a dash, "@(?<![\w@/.]@)" is "(?<![\w@/.])" before an at sign.
_WIDE_GAP = recache.compile(r"[ \t\u00a0](?<=\S.)[ \t\u00a0]+(?=\S)")  # two blanks or more
# The same on a line of spaces only (no tab, no no-break space): it opens with two spaces,
# a literal the search skips to, where a single blank opens at every space of the line.
_WIDE_SPACES = recache.compile(r"  (?<=\S..) *(?=\S)")
_BARE_TIME = recache.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?![\d:])")
_CLOCK_COLON = recache.compile(r":(?<=\d:)\d\d")  # the ":" of each _BARE_TIME, with its digits
_LEAD_TIME = recache.compile(r"[ \t#>*•+\[(-]{0,8}@?\d{1,3}:\d{2}(?::\d{2})?[\])]?[ \t]*$")
_RULE = recache.compile(r"-(?<!--)-{2,}[ \t]*[^-\n]{1,80}?[ \t]*-{3,}")  # three dashes or more
# A bracketed time, "[01:12]" or "(1:02:03)": one pattern for each opening bracket, each
# opening with a literal the search skips to (a class of both is tried at every character).
# No match holds an opening bracket but its first character, so the two together find
# what one pattern opening with "[\[(]" would.
_SQUARE_TIME = recache.compile(r"\[@?\d{1,2}:\d{2}(?::\d{2})?[\])]")
_ROUND_TIME = recache.compile(r"\(@?\d{1,2}:\d{2}(?::\d{2})?[\])]")
_ADDRESS_END = recache.compile(r"https?://[^\s<>\"]+|www\.[^\s<>\"]+|@(?<![\w@/.]@)\w{1,40}\b")


class Segment(FrozenSlotted):
    """A piece of one physical line (or of a few, for a wrapped Markdown link)."""

    __slots__ = ("heading", "index", "line", "soft", "text")
    index: int
    line: int
    text: str
    heading: str | None
    soft: bool  # a label heading: its section ends at a blank line after content

    def __init__(
        self, index: int, line: int, text: str, heading: str | None = None, soft: bool = False
    ) -> None:
        self.index = index
        self.line = line
        self.text = text
        self.heading = heading
        self.soft = soft

    @property
    def is_heading(self) -> bool:
        return self.heading is not None


_HEADING_TIME = recache.compile(
    r"^[\[(]@?\d{1,3}:\d{2}(?::\d{2})?[\])][ \t]*[-–—:|]?[ \t]*"  # "[@02:57] Official updates"
    # "Prompts are programs (4:30~)"; blanks entered at the start of their run only
    r"|(?:(?<![ \t])[ \t]+)?[\[(]@?\d{1,3}:\d{2}(?::\d{2})?[ \t]?~?[\])]$"
)


class SectionBlock(Slotted):
    """A heading and the segments beneath it, up to the next heading."""

    __slots__ = ("heading", "kind", "segments")
    heading: Segment | None
    kind: str
    segments: list[Segment]

    def __init__(
        self, heading: Segment | None, kind: str, segments: list[Segment] | None = None
    ) -> None:
        self.heading = heading
        self.kind = kind
        self.segments = [] if segments is None else segments

    @property
    def title(self) -> str | None:
        """The heading's words, without a chapter time it carries ("Prompts (4:30~)")."""
        if self.heading is None or self.heading.heading is None:
            return None
        heading = self.heading.heading
        if "[" not in heading and "(" not in heading:
            return heading.strip() or heading  # no time: each of its forms opens with one
        return _HEADING_TIME.sub("", heading).strip() or heading


def _cuts(text: str) -> list[int]:
    """Positions at which a physical line is cut into segments."""
    # Each search is guarded by substring tests, a one-character test (a plain scan) before
    # a longer one.
    cuts: set[int] = set()
    if "\t" in text or "\u00a0" in text or "  " in text:
        first_word = _WORD_CHAR.search(text)
        words_from = first_word.start() if first_word else len(text)
        gap = _WIDE_GAP if "\t" in text or "\u00a0" in text else _WIDE_SPACES
        for m in gap.finditer(text):
            if m.start() < words_from:
                continue  # "#  Title", "-   item": indentation after markup, not a lost newline
            if m.start() <= 16 and _LEAD_TIME.match(text, 0, m.start()):
                continue  # "### 1:22:35  Title", "00:00   Intro": a chapter's time and title
            cuts.add(m.start())
            cuts.add(m.end())
    if "//" in text and _may_hold_inline_heading(text):
        for m in _INLINE_HEADING.finditer(text):
            cuts.add(m.start())
            cuts.add(m.end())
    if "-" in text and "---" in text:
        for m in _RULE.finditer(text):
            cuts.add(m.start())
            cuts.add(m.end())
    # Times and addresses cut only where a line holds two or more, and each holds its own
    # bracket, "://", "www." or "@": a line with one (a chapter line, a link) is spared the
    # search.
    if ":" in text and _two_openers(text):
        # The times' places, sought by bracket (a set: their order does not matter).
        times = [m.start() for m in _SQUARE_TIME.finditer(text)] if "[" in text else []
        if "(" in text:
            times.extend(m.start() for m in _ROUND_TIME.finditer(text))
        if len(times) >= 2:
            cuts.update(times)
    if text.count(":") >= 3:
        cuts.update(_run_together_times(text))
    if _two_addresses(text):
        ends = (
            _address_ends(text)
            if len(text) > _LONG_LINE
            else [m.end() for m in _ADDRESS_END.finditer(text)]
        )
        if len(ends) >= 2:
            for end in ends:
                rest = text[end : end + 2]
                if rest[:1] in (" ", "\t") and rest[1:2].isupper():
                    cuts.add(end)
    if not cuts:
        return []  # most lines
    return sorted(c for c in cuts if 0 < c < len(text))


# A line longer than this (a flattened note's) is searched for addresses only where one
# can start: a search tries a class of their first characters at every character.
_LONG_LINE = 200


def _address_ends(text: str) -> list[int]:
    """Where each address or handle ``_ADDRESS_END.finditer(text)`` finds ends, found by
    matching it only where one can start: at "http", "www." or "@", sought by str.find.

    >>> _address_ends("a https://x.test/@b www.y.test @c")
    [19, 30, 33]
    """
    starts: list[int] = []
    for opener in ("http", "www.", "@"):
        at = text.find(opener)
        while at != -1:
            starts.append(at)
            at = text.find(opener, at + 1)
    starts.sort()
    match = _ADDRESS_END.match
    ends: list[int] = []
    end = 0
    for at in starts:
        if at >= end and (m := match(text, at)) is not None:
            end = m.end()
            ends.append(end)
    return ends


def _run_together_times(text: str) -> list[int]:
    """Where a chapter list run together on one line is cut: before each time but the
    first, where the line opens with a time (after a bullet or a label such as
    "Timestamps:") and holds three or more, ascending, each followed by words:
    "0:00 Intro 2:15 News 10:40 Extras" (bracketed times are cut in _cuts)."""
    # Each time holds its own ":" between digits (_CLOCK_COLON, sought by its ":", which is
    # cheaper than a search for times at every digit): a line with fewer than three, such as
    # an address and its label ("Twitter: https://..."), holds fewer times.
    # No time starts before the first such ":" less two digits: where the words before it
    # are longer than a label, so are those before the first time (see ``lead`` below),
    # and a flattened note's line is not read past its first time.
    first = _CLOCK_COLON.search(text)
    if first is None:
        return []
    start = max(0, first.start() - 2)
    if len(text[:start].strip()) > 40:
        return []
    if len(_CLOCK_COLON.findall(text, start)) < 3:
        return []
    # The first time is read, and the words before it, before the others: a long line of
    # prose that holds times further on ("... at 12:30, ...") fails there, unread to its end.
    found = _BARE_TIME.finditer(text, start)
    times = []
    for m in found:
        if m.start() == 0 or text[m.start() - 1] in " \t,;|([":
            times.append(m)
            break
    if not times:
        return []
    lead = text[: times[0].start()].strip()
    if lead and not (lead.endswith(":") and len(lead) <= 40) and lead not in ("-", "*", "•"):
        return []
    times.extend(m for m in found if text[m.start() - 1] in " \t,;|([")
    if len(times) < 3:
        return []
    seconds = [_clock_seconds(m.group()) for m in times]
    if any(b <= a for a, b in itertools.pairwise(seconds)):
        return []
    ends = [m.start() for m in times[1:]] + [len(text)]
    if not all(_WORD_CHAR.search(text, m.end(), end) for m, end in zip(times, ends, strict=True)):
        return []
    cuts = [m.start() for m in times]
    if text[cuts[0] - 1 : cuts[0]] in ("(", "["):
        cuts[0] -= 1
    return [c - 1 if text[c - 1 : c] in ("(", "[") else c for c in cuts]


def _clock_seconds(time: str) -> int:
    total = 0
    for part in time.split(":"):
        total = total * 60 + int(part)
    return total


def _two_openers(line: str) -> bool:
    """Two brackets or parentheses or more, which two bracketed times need (see _cuts)."""
    square = "[" in line
    round_ = "(" in line
    if square and round_:
        return True
    if square:
        return line.count("[") >= 2
    return round_ and line.count("(") >= 2


def _two_addresses(text: str) -> bool:
    """Two of "://", "www." and "@" or more (none overlaps another, nor itself), which
    two addresses or handles need (see _cuts)."""
    scheme = "://" in text
    www = "www." in text
    at = "@" in text
    if scheme + www + at >= 2:
        return True
    if scheme:
        return text.count("://") >= 2
    if www:
        return text.count("www.") >= 2
    return at and text.count("@") >= 2


def _split_line(text: str) -> list[str]:
    cuts = _cuts(text)
    if not cuts:  # most lines
        piece = text.strip()
        return [piece] if piece else []
    pieces: list[str] = []
    start = 0
    for cut in cuts:
        piece = text[start:cut].strip()
        if piece:
            pieces.append(piece)
        start = cut
    piece = text[start:].strip()
    if piece:
        pieces.append(piece)
    return pieces


_LIST_ITEM = recache.compile(r"^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+\S")
_LIST_ITEM_START = frozenset(" \t-*+•")
_BLOCK_START = recache.compile(r"^[ \t]*(?:[-*+•>#|]|\d{1,3}[.)][ \t]|\[|\(?\d{1,2}:\d{2}|```|<)")


def _physical_lines(text: str) -> list[tuple[int, str]]:
    """(line number, text) of each line that is not empty, with two kinds of wrapped lines
    joined onto their first line:

    - a Markdown link label wrapped over lines: "[label\\n  continued](url)";
    - a list item's lazy continuation: "- [@23:35] [Xilem](..), a\\nUI architecture".

    An empty line gives no segment and joins nothing (its first character opens no list
    item, it holds no "["): it is not listed. A list, not a generator: resuming a
    generator at each line cost more than the tests of most lines.

    >>> _physical_lines("a\\n\\n- [x\\ny](u)\\nb")
    [(1, 'a'), (3, '- [x y](u) b')]
    """
    lines = text.split("\n") if "\r" not in text else _BREAK.split(text)
    count = len(lines)
    out: list[tuple[int, str]] = []
    joined_to = 0  # the number of the last line joined onto an earlier one
    for number, line in enumerate(lines, 1):
        if not line or number <= joined_to:
            continue
        # A line joins the next only when it holds a "[" (an open label) or opens as a list
        # item (a blank, a bullet or a digit): most lines are spared the tests. Neither
        # changes as lines are joined on, since the line keeps its first character.
        head = line[:1]
        if head in _LIST_ITEM_START:
            listish = True
        elif head.isdigit():
            # "1." or "12)": a numbered item holds "." or ")" among its next three
            # characters, which joining leaves as they are; a chapter line ("00:00 Intro")
            # holds neither, and is spared the tests.
            near = line[1:4]
            listish = "." in near or ")" in near
        else:
            listish = False
        if (listish or "[" in line) and number < count:
            line, joined_to = _join_wrapped(lines, number, line, listish)
        out.append((number, line))
    return out


def _join_wrapped(lines: list[str], number: int, line: str, listish: bool) -> tuple[str, int]:
    """The line numbered ``number`` (``lines[number - 1]``) with the lines wrapped after it
    joined on, and the number of the last line joined (``number`` for none)."""
    start = number - 1  # the line's index
    i = number  # the index of the next line to read
    count = len(lines)
    # At most three lines joined on, each of the next three.
    while i - start <= 3 and i < count:
        nxt = lines[i]
        if not nxt.strip():
            break
        # A wrapped link label: "[" open here, "](" closing it on one of the next lines.
        open_label = line.count("[") > line.count("]") and any(
            "](" in later for later in lines[i : start + 4]
        )
        lazy = (
            not open_label
            and listish
            and _LIST_ITEM.match(line) is not None
            and _BLOCK_START.match(nxt) is None
        )
        if not (open_label or lazy) or len(line) > 2000:
            break
        i += 1
        line = line.rstrip() + " " + nxt.strip()
    return line, i


def paragraphs(segments: list[Segment]) -> list[list[Segment]]:
    """Runs of segments on consecutive lines: a blank line ends a paragraph."""
    out: list[list[Segment]] = []
    for seg in segments:
        if out and seg.line - out[-1][-1].line <= 1:
            out[-1].append(seg)
        else:
            out.append([seg])
    return out


def _inline_heading(piece: str) -> str | None:
    if not piece.startswith("//"):
        return None  # matched at 0, the pattern opens with "//"
    if not _INLINE_ANY and piece.isascii() and not _INLINE_HEADING_GATE.match(piece.lower()):
        return None
    m = _INLINE_HEADING.match(piece)
    if m and m.end() == len(piece):
        return m.group("word").strip()
    return None


# A segment of a line as _cut_line and _one_piece read it: its text, the heading it states
# (or None), whether that heading is soft, and the heading's kind ("" for no heading).
_Piece = tuple[str, str | None, bool, str]


_NO_HEADING: tuple[None, bool, str] = (None, False, "")


def _piece_heading(piece: str) -> tuple[str | None, bool, str]:
    """The heading a segment states, whether it is soft, and its kind: ``_NO_HEADING``
    for a segment that states none."""
    if piece[0] in _HEADING_FIRST or piece[-1] == ":":
        inline = _inline_heading(piece)
        found = (inline, False) if inline else _heading_text(piece)
    elif _no_bare_heading(piece):
        return _NO_HEADING
    else:
        found = _heading_text(piece)
    if found is None:
        return _NO_HEADING
    heading, soft = found
    # Only a Markdown heading may be long: not remembered, so that the cache stays small.
    kind = _kind_of(heading) if len(heading) <= 80 else heading_kind(heading)
    return heading, soft, kind


def _no_bare_heading(piece: str) -> bool:
    """Whether a segment that opens with no heading mark and ends without ":" is no bare
    heading line either (see _heading_text): a line of prose, a link, a chapter."""
    return (
        len(piece) > 48 or "://" in piece or "@" in piece or piece[0] == "+" or _time_first(piece)
    )


def _cut_line(line: str) -> tuple[_Piece, ...]:
    """The segments of a line that ``_cuts`` may cut, each with its heading."""
    return tuple((piece, *_piece_heading(piece)) for piece in _split_line(line))


def _one_piece(piece: str) -> tuple[_Piece]:
    """A segment that is a whole (trimmed) line, with its heading."""
    return ((piece, *_piece_heading(piece)),)


# Both are pure functions of their text (nothing else of the note is read): a line met
# again, as catalogues repeat most of their boilerplate across episodes, is read once.
# Remembered for a text of up to _REMEMBERED_LINE characters (most lines; a longer one is
# read afresh each time), 1,024 of each: 4,096 added 2.4 MB to the peak memory of 2,000
# notes and read no faster.
_remembered_cut = functools.lru_cache(maxsize=1024)(_cut_line)
_remembered_one = functools.lru_cache(maxsize=1024)(_one_piece)
_REMEMBERED_LINE = 300


_new_segment = object.__new__


class Document:
    """Show notes cut into segments and sections. Build once, read by every extractor."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.segments: list[Segment] = []
        current = SectionBlock(None, "preamble")
        self.sections: list[SectionBlock] = [current]
        # The block of each segment, by its index: the heading's own for a heading.
        self._section_of: list[SectionBlock] = []
        segments, sections, section_of = self.segments, self.sections, self._section_of
        # What may cut a line (see _cuts), sought once in the whole text: a line is
        # asked only for what the text holds.
        gaps = "\t" in text or "\u00a0" in text or "  " in text
        slashes = "//" in text  # an inline heading's "//", an address's "://"
        rules = "---" in text
        handles = "@" in text
        www = "www." in text
        soft = False  # whether the current block is under a soft heading ("Guests:")
        for line_no, line in _physical_lines(text):
            if (
                (gaps and ("  " in line or "\t" in line or "\u00a0" in line))
                or (slashes and "//" in line)
                or (rules and "---" in line)
                or (handles and "@" in line)
                or (www and "www." in line)
                or (":" in line and (_two_openers(line) or line.count(":") >= 3))
            ):
                pieces = _remembered_cut(line) if len(line) <= _REMEMBERED_LINE else _cut_line(line)
            else:
                piece = line.strip()
                if not piece:
                    continue
                # A line of prose: one segment, no heading, told without a cache and added
                # here (most lines). It holds no "@" nor "//" (such a line is cut above), so
                # that of _no_bare_heading only the length, "+" and a time are left to test.
                if (
                    piece[0] not in _HEADING_FIRST
                    and piece[-1] != ":"
                    and (len(piece) > 48 or piece[0] == "+" or _time_first(piece))
                ):
                    # Segment(len(segments), line_no, piece), its fields stored here: a
                    # class's Python __init__ is called through type.__call__ and costs
                    # more than its five stores.
                    seg = _new_segment(Segment)
                    seg.index = len(segments)
                    seg.line = line_no
                    seg.text = piece
                    seg.heading = None
                    seg.soft = False
                    segments.append(seg)
                    if soft and current.segments and line_no - current.segments[-1].line > 1:
                        current = SectionBlock(None, "body")  # see below
                        sections.append(current)
                        soft = False
                    current.segments.append(seg)
                    section_of.append(current)
                    continue
                pieces = (
                    _remembered_one(piece) if len(piece) <= _REMEMBERED_LINE else _one_piece(piece)
                )
            for piece, heading, is_soft, kind in pieces:
                seg = _new_segment(Segment)  # Segment(...), as above
                seg.index = len(segments)
                seg.line = line_no
                seg.text = piece
                seg.heading = heading
                seg.soft = is_soft
                segments.append(seg)
                if heading is not None:
                    current = SectionBlock(seg, kind)
                    sections.append(current)
                    soft = is_soft
                else:
                    if soft and current.segments and line_no - current.segments[-1].line > 1:
                        # "Guests:" and its list, a blank line, then prose: the prose is
                        # not a guest.
                        current = SectionBlock(None, "body")
                        sections.append(current)
                        soft = False
                    current.segments.append(seg)
                section_of.append(current)

    def section_of(self, seg: Segment) -> SectionBlock:
        return self._section_of[seg.index]

    def blocks(self, kind: str) -> list[SectionBlock]:
        return [b for b in self.sections if b.kind == kind]

    @staticmethod
    def join(segments: list[Segment]) -> str:
        """Segments back to text: a space within a physical line, a newline between lines."""
        out: list[str] = []
        previous: int | None = None
        for seg in segments:
            if previous is not None:
                out.append(" " if seg.line == previous else "\n")
            out.append(seg.text)
            previous = seg.line
        return "".join(out)
