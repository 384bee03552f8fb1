"""The header: title line, series, episode number, show name, teaser line and its people.

Contract: fills ``Header`` (title, podcast, series, episode, date, summary) and adds the
people the header names to the context (guests from the title line and the teaser, the
host from "A podcast by NAME", the co-host from "co-hosted by NAME").

Title lines look like::

    Scaling Machine Learning with Data Mesh // Ann Example // Tea Talks #116
    # XYZ 050: Perfect Media Setup
    ## Episode 53: Community
    Night Owls Episode 1393 - "Moon Tide"
    Podcasting 2.0 for October 1st 2021 Episode 56: Rocket in your Pocket
    Agents in Production [Podcast Limited Series] Episode Nine – Training LLMs

Notes without such a line (a YouTube description, a guest introduction) have no title.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator

from episodeparse import cues, recache
from episodeparse.document import HEADING_WORDS, Segment
from episodeparse.extractors import _NOT_NAME_WORDS, _PARTICLES, Context, names_at, read_name
from episodeparse.extractors.chapters import match_chapter
from episodeparse.extractors.names import caseless_names, governs_case, uninflected
from episodeparse.normalize import collapse, find_date, parse_date, render_inline
from episodeparse.slotted import Slotted

__all__ = ["Header", "extract", "parse_title_line", "title_guests"]


# Searched, not matched from the start: a lazy ".*?" before the number would be quadratic.
# A word's "\b" is tested after its first letter ("E(?<!\wE)" is "\bE"), so that each
# alternative opens with a literal and a search skips ahead to one (as in the patterns
# below): a pattern opening with "\b" is tried at every position.
def _word_alternation(phrases: tuple[str, ...]) -> str:
    """Phrases as an alternation, each opening with its first character and then testing
    the "\\b" before it ("E(?<!\\wE)pisode"), so that a search skips ahead to one."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(
        re.escape(p[0]) + rf"(?<!\w{re.escape(p[0])})" + re.escape(p[1:]).replace(r"\ ", r"[ \t]+")
        for p in ordered
    )


# The episode words of every language (cues/header.json): Episode, Ep., Folge, Episodio ...
_EPISODE_WORD = _word_alternation(cues.words("header", "episode"))
_COUNTER = "".join(cues.words("header", "episode_counter"))  # 第12回, 第12期
_NUMBERED = recache.compile(
    rf"""(?:(?:{_EPISODE_WORD})\.?[ \t]*\#?|\#|第[ \t]?)
        (?P<num>\d{{1,5}})(?P<frac>\.\d{{1,3}})?(?:(?<=\d)[{_COUNTER}])?(?!\w)
        [ \t]*(?:[:\-–—|.][ \t]*)?""",
    re.VERBOSE,
)
_SEASON_EPISODE = recache.compile(
    r"S(?<!\wS)(?P<season>\d{1,3})[ \t]?E(?P<num>\d{1,4})\b[ \t:\-–—|]*"
)
# "E12: Title": a lone "E" before the number, at the line's start, a separator after it.
_E_NUMBER = recache.compile(r"^E(?P<num>\d{1,4})[ \t]*[:\-–—|][ \t]*")
# "Season 3, Episode 12": the season before the number is no show's name.
_SEASON_BEFORE = recache.compile(
    rf"^(?:{cues.alternation('header', 'season')})[ \t]*\d{{1,3}}[ \t]*[,.:;\-–—|]?$",
    re.IGNORECASE,
)
_ABBREVIATED = recache.compile(
    r"^(?P<abbr>[A-Z][A-Za-z]{1,5})[ \t]?(?P<num>\d{1,4})[ \t]*[:\-–—|][ \t]*"
)
# "Seg124 Title": a show's short code glued to the number, the title after a blank.
_GLUED = recache.compile(r"^(?P<abbr>[A-Z][A-Za-z]{1,3})(?P<num>\d{2,4})[ \t]+(?=[^\W\d_])")
_BARE_NUMBER = recache.compile(r"^(?P<num>\d{1,4})[ \t]*[:|][ \t]+(?=\S)")  # "1393: Moon Tide"
_TRAILING_NUMBER = recache.compile(  # "Cincinnatus | 10", "Title | Ep. 12"
    r"^(?P<title>\S.{0,200}?)[ \t]+[|·][ \t]+(?:Ep\.?|Episode|\#)?[ \t]*(?P<num>\d{1,4})$"
)
_SPELLED_EPISODE = recache.compile(
    r"^(?P<pre>.+?)(?<!\s)\s+Episode\s+(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|"
    r"Eleven|Twelve)\s*[:\-–—|]\s*(?P<rest>.+)$"
)
_BRACKETED = recache.compile(r"(?:(?<!\s)\s+)?\[[^\]]{1,60}\]\s*")
_FOR_DATE = recache.compile(r"^(?P<show>.+?)(?<!\s)\s+for\s+(?P<date>.+)$")
_QUOTED = recache.compile(r'^["“”\'‘’](?P<t>.+)["“”\'‘’]$')
# A run of blanks is entered at its start only ("(?<!\s\s)" after its first blank):
# linear on long runs.
_SEPARATOR = recache.compile(r"\s(?<!\s\s)\s*//\s+")
# Opens with the one character each alternative opens with, so a search skips ahead: a
# blank (the first of its run) before a joining word or sign, or a comma.
_NAME_LIST_SPLIT = recache.compile(
    r"[\s,](?:(?<=\s)(?<!\s\s)\s*(?:-|–|—|&|and|\+)\s+|(?<=,)\s*(?:and\s+)?)"
)


_PIPED_PARTS = 4  # most parts of a title line cut by " | "


def _blank_before_slashes(text: str) -> bool:
    """Whether a "//" stands after a blank in ``text``, as one ``_SEPARATOR`` matches must
    (most lines with a "//" hold it in an address: "https://")."""
    at = text.find("//")
    while at != -1:
        if at and text[at - 1].isspace():  # str.isspace() is what "\s" matches
            return True
        at = text.find("//", at + 1)
    return False


def _clean_title(text: str) -> str | None:
    text = collapse(render_inline(text)).strip(" -–—|:：,")  # "第58期：Title"
    m = _QUOTED.match(text)
    if m:
        text = m.group("t").strip()
    return text or None


def _names_only(part: str) -> list[str] | None:
    """The names of a part that is nothing but a list of names, else None."""
    names: list[str] = []
    for piece in _NAME_LIST_SPLIT.split(part.strip()):
        piece = piece.strip()
        if not piece:
            continue
        found = read_name(piece)
        if found is None or found[1] != len(piece) or len(found[0].split()) < 2:
            return None
        names.append(found[0])
    return names or None


def _caseless_only(part: str, notes: str) -> list[str] | None:
    """The caseless names ``part`` is nothing but, where the ``notes`` write each of them
    twice at least (the title's copy and another), else None."""
    found = caseless_names(part.strip())
    if found is None or found[1] != len(part.strip()):
        return None
    names = found[0]
    if not all(" " in n and notes.count(n) >= 2 for n in names):
        return None
    return names


class TitleLine(Slotted):
    """What a title line says."""

    __slots__ = ("date", "episode", "guests", "podcast", "rest", "series", "title")
    title: str | None
    podcast: str | None
    series: str | None
    episode: int | None
    date: str | None
    guests: tuple[str, ...]
    rest: tuple[str, ...]  # parts of the line no field above holds

    def __init__(
        self,
        title: str | None = None,
        podcast: str | None = None,
        series: str | None = None,
        episode: int | None = None,
        date: str | None = None,
        guests: tuple[str, ...] = (),
        rest: tuple[str, ...] = (),
    ) -> None:
        self.title = title
        self.podcast = podcast
        self.series = series
        self.episode = episode
        self.date = date
        self.guests = guests
        self.rest = rest


class Header(TitleLine):
    """What the header says: the title line's parts and the teaser line."""

    __slots__ = ("summary",)
    summary: str | None

    def __init__(self) -> None:
        super().__init__()
        self.summary = None


def _bracketed(text: str) -> tuple[str, ...]:
    """What "[...]" holds in ``text``, which ``_BRACKETED`` cuts out of a series or show
    name: "Agents in Production [Podcast Limited Series]" keeps "Podcast Limited Series"."""
    return tuple(b.strip() for b in re.findall(r"\[([^\]]{1,60})\]", text) if b.strip())


def _numbered(part: str, *, in_parts: bool) -> TitleLine | None:
    """A part that carries an episode number: "Tea Talks #57", "#487: Title"."""
    m = _SEASON_EPISODE.search(part)
    if m:
        rest = (part[: m.start()] + " " + part[m.end() :]).strip()
        return TitleLine(title=_clean_title(rest), episode=int(m["num"]))
    m = _TRAILING_NUMBER.match(part) if "|" in part or "·" in part else None
    if m:
        # "Title | Ann Example | Episode 147"
        title, guests, unread = _without_guests(m["title"])
        return TitleLine(
            title=_clean_title(title),
            episode=int(m["num"]),
            guests=tuple(guests),
            rest=(unread,) if unread else (),
        )
    m = _E_NUMBER.match(part) if part[:1] == "E" else None
    if m:
        return TitleLine(title=_clean_title(part[m.end() :]), episode=int(m["num"]))
    m = _BARE_NUMBER.match(part)
    if m and not 1900 <= int(m["num"]) <= 2100:
        return TitleLine(title=_clean_title(part[m.end() :]), episode=int(m["num"]))
    m = _ABBREVIATED.match(part)
    if m and m["abbr"].upper() == m["abbr"] and m["abbr"] not in ("EP",):
        # "XYZ 050: Perfect Media Setup": the show's abbreviation is no field's; it is kept
        # over as written, with the number it stands before ("AA0" is one word).
        cleaned = _clean_title(part[m.end() :])
        return TitleLine(title=cleaned, episode=int(m["num"]), rest=(part[: m.end("num")],))
    m = _GLUED.match(part) if not in_parts else None
    if m and not 1900 <= int(m["num"]) <= 2100:
        cleaned = _clean_title(part[m.end() :])
        return TitleLine(title=cleaned, episode=int(m["num"]), rest=(part[: m.end("num")],))
    m = _NUMBERED.search(part)
    if not m:
        return None
    before, after = part[: m.start()].rstrip(), part[m.end() :]
    if before.endswith(("(", "[")) and after.lstrip().startswith((")", "]")):
        # "Title (Episode 29)", "Title [Ep. 29]": the number in brackets, the title around it
        title = before[:-1] + " " + after.lstrip()[1:]
        number = None if m["frac"] else int(m["num"])
        return TitleLine(title=_clean_title(title), episode=number)
    pre = _BRACKETED.sub(" ", part[: m.start()]).strip(" -–—|:\t")
    if _SEASON_BEFORE.match(pre):
        pre = ""  # "Season 3, Episode 12: Title"
    rest = part[m.end() :].strip()
    if rest.startswith(",") and pre in _NOT_NAME_WORDS:
        return None  # "In Episode 11, with the trial over, ...": a sentence, not a title line
    # "Ep. 63.5": a number that is not an integer is no episode number.
    episode = None if m["frac"] else int(m["num"])
    line = TitleLine(episode=episode, rest=_bracketed(part[: m.start()]))
    with_at = re.search(r"\bwith\b", rest)
    guests = []
    if with_at and with_at.start() == 0:
        # "Episode 35 with Ann Lee: Title": the guests before the colon, the title after it
        named, colon, title = rest[with_at.end() :].partition(": ")
        guests = (_names_only(named) or []) if colon else []
        rest = title if guests else ""
    elif rest:
        # "Episódio 42: Title com Ana Souza": the guests a numbered title ends with.
        rest, guests, unread = _without_guests(rest)
        line.rest = (*line.rest, unread) if unread else line.rest
    line.title = _clean_title(rest) if rest else None
    line.guests = tuple(guests)
    if pre:
        if in_parts:
            # "Tea Talks #57" inside a // title line: a series of the show.
            line.series = pre
        else:
            dm = _FOR_DATE.match(pre)
            if dm and parse_date(dm["date"]):
                line.podcast, line.date = dm["show"].strip(), parse_date(dm["date"])
            elif not rest:
                line.series = pre
            else:
                line.podcast = pre
    return line


# A title line has a few parts between its "//": the title, the guests, the show and its
# number, a place or a date. More is a list of topics in title case ("Big Cars // Boss Who
# Yelled // Fan Mail // ..."), whose parts name no guest.
_TITLE_PARTS = 5


def parse_title_line(text: str) -> TitleLine:
    """Split a title line into its parts.

    >>> t = parse_title_line("The Future // Maria Del Campo - Erik Lindqvist // Meetup #57")
    >>> t.title, t.series, t.episode, t.guests
    ('The Future', 'Meetup', 57, ('Maria Del Campo', 'Erik Lindqvist'))
    >>> t = parse_title_line('Night Owls Episode 1393 - "Moon Tide"')
    >>> t.title, t.podcast, t.episode
    ('Moon Tide', 'Night Owls', 1393)
    >>> t = parse_title_line("XYZ 050: Perfect Media Setup")
    >>> t.title, t.episode, t.rest
    ('Perfect Media Setup', 50, ('XYZ 050',))
    >>> parse_title_line("Title // Live from Berlin // Meetup #3: Part two").rest
    ('Live from Berlin', 'Part two')
    """
    text = collapse(render_inline(text))
    parts = _SEPARATOR.split(text) if _blank_before_slashes(text) else [text]
    if len(parts) == 1 and " | " in text:
        # "Title | Ann Lee | Some Show #212": the parts as between "//", where the last is
        # a show's number and nothing more ("Title | Episode 147" is read below).
        pieces = text.split(" | ")
        last = _numbered(pieces[-1], in_parts=True) if len(pieces) <= _PIPED_PARTS else None
        if last is not None and last.episode is not None and not last.title and last.series:
            parts = pieces
    result = TitleLine()
    if len(parts) == 1:
        numbered = _numbered(text, in_parts=False)
        if numbered is not None:
            return numbered
        m = _SPELLED_EPISODE.match(text) if "Episode" in text else None
        if m:
            return TitleLine(
                title=_clean_title(m["rest"]),
                series=_BRACKETED.sub(" ", m["pre"]).strip(),
                rest=_bracketed(m["pre"]),
            )
        result.title = _clean_title(text)
        return result
    guests: list[str] = []
    titles: list[str] = []
    rest: list[str] = []
    for part in parts:
        numbered = _numbered(part, in_parts=True)
        if numbered is not None and numbered.episode is not None:
            if result.series and numbered.series and numbered.series != result.series:
                rest.append(numbered.series)  # a second numbered part: the first series stands
            result.series = result.series or numbered.series
            result.episode = numbered.episode
            rest.extend(numbered.rest)
            if numbered.title:
                (rest if titles else titles).append(numbered.title)
            continue
        names = _names_only(part) if len(parts) <= _TITLE_PARTS else None
        if names and titles:
            guests.extend(names)
            continue
        titles.append(part)
    if titles:
        first = titles[0]
        # "How Acme Does Context Engineering, Zoe Martin-Lee": a trailing guest name.
        head, sep, tail = first.rpartition(", ")
        if sep and _names_only(tail):
            guests.extend(_names_only(tail) or [])
            first = head
        result.title = _clean_title(first)
        rest[:0] = titles[1:]
    result.guests = tuple(guests)
    result.rest = tuple(r for r in (part.strip() for part in rest) if r)
    return result


# The teaser: "Tea Talks #57 with NAME and NAME, The Future of ...".
_TEASER = recache.compile(r"(?:\#|\b(?:Episode|Ep\.?)[ \t]*)\d{1,5}[ \t]+with[ \t]+", re.IGNORECASE)


def _teaser_in(text: str) -> re.Match[str] | None:
    """``_TEASER.search(text)``. ASCII text without "with" in any case, or without a "#"
    and an "ep" ("Episode", "Ep.") in any case, is spared the search (``isascii`` is a
    flag; IGNORECASE matches no other ASCII letters for these)."""
    if text.isascii():
        lowered = text.lower()
        if "with" not in lowered or ("#" not in text and "ep" not in lowered):
            return None
    return _TEASER.search(text)


_CO_HOSTED = recache.compile(r"\bco-?hosted[ \t]+by[ \t]+", re.IGNORECASE)
_PODCAST_BY = recache.compile(
    r"""^(?:(?P<show>[^\s].{0,60}?)[ \t]+[-–—|:][ \t]+)?  # "MLOps.community - "
        an?[ \t]+podcast[ \t]+(?:by|from|hosted[ \t]+by)[ \t]+""",  # "A podcast by "
    re.IGNORECASE | re.VERBOSE,
)
_SHOW = r"(?P<show>[A-Z][\w.-]*(?:[ \t][A-Z][\w.-]*){0,3})"  # capitalised words
# Where the show names itself: tried in this order by ``_show_named``.
# "In this episode of", "on this week's episode of", "In dieser Folge von" ... (cues): found
# at the phrase's last two words ("episode of", "Folge von"), which open the pattern, and
# told whole by the words before them (``_this_episode_of``).
_THIS_EPISODE_OF = frozenset(
    " ".join(p.casefold().split()) for p in cues.words("header", "this_episode_of")
)
_EPISODE_PIVOTS = tuple(sorted({p.split()[-2] for p in _THIS_EPISODE_OF}))
_SHOW_THIS_EPISODE = recache.compile(
    rf"(?i:{cues.alternation_of(_EPISODE_PIVOTS)})[ \t]+"
    rf"(?i:{cues.alternation_of(tuple({p.split()[-1] for p in _THIS_EPISODE_OF}))})[ \t]+"
    r"(?P<show>[A-Z][^,.!:;]{0,40}?)[,.!:;]"
)
_PHRASE_WORDS = max(len(p.split()) for p in _THIS_EPISODE_OF)
# The words before "of" of those phrases, in lower case, sought in a line's lower case:
# literals only, so that a search skips ahead to the letters they open with.
_EPISODE_PIVOT = recache.compile(cues.alternation_of(_EPISODE_PIVOTS))


def _this_episode_of(text: str, lowered: str) -> re.Match[str] | None:
    """The first ``_SHOW_THIS_EPISODE`` match in ``text`` that the words before it make
    one of the phrases of ``cues/header.json`` ("on this week's" + "episode of").
    ``lowered`` is ``text.lower()``: where it is as long, the pattern is matched only
    where it finds a word of a phrase."""
    found: Iterator[re.Match[str] | None]
    if len(lowered) == len(text):
        found = (
            _SHOW_THIS_EPISODE.match(text, p.start()) for p in _EPISODE_PIVOT.finditer(lowered)
        )
    else:
        found = _SHOW_THIS_EPISODE.finditer(text)
    for m in found:
        if m is None:
            continue
        before = text[max(0, m.start() - 60) : m.start()].casefold().split()
        pivot = " ".join(text[m.start() : m.start("show")].casefold().split())
        for size in range(1, _PHRASE_WORDS - 1):
            if " ".join([*before[-size:], pivot]) in _THIS_EPISODE_OF:
                return m
    return None


_SHOW_WELCOME = recache.compile(
    r"^Welcome[ \t]+to[ \t]+(?P<show>[A-Z][^,.!:;]{0,40}?)(?:[,.!:;]|$"
    # "Welcome to Clock Talk with your host Ann Lee", "... where we ...": the show ends
    r"|[ \t]+(?:with[ \t]+(?:your[ \t]+)?(?:host|co-?hosts?|me)\b|hosted[ \t]+by\b|where\b))"
)
_SHOW_IS_A = recache.compile(rf"^{_SHOW}[ \t]+is[ \t]+a[ \t]+(?:community[ \t]+project|podcast)\b")
_SHOW_THE_PODCAST = recache.compile(
    rf"the(?<!\wthe)[ \t]+{_SHOW}[ \t]+podcasts?['’]?s?[ \t]+\d+(?:st|nd|rd|th)[ \t]+episode\b"
)


def _show_named(text: str, pivot: bool | None = None) -> re.Match[str] | None:
    """The first of the ``_SHOW_*`` patterns that finds the show in ``text``. Each is tried
    only where a word it needs stands, and one that opens with "^" is matched, not searched
    from every position. ``_SHOW_THIS_EPISODE`` needs the word before "of" of one of its
    phrases ("episode", "Folge"): ``pivot`` says whether ``text.lower()`` holds one, where
    the caller knows (else it is sought here); on a line without a tab, the blanks between
    words are spaces: " is " and " a " stand where ``_SHOW_IS_A`` matches."""
    tab = "\t" in text
    m = None
    if pivot is None or pivot:
        lowered = text.lower()
        if pivot or _EPISODE_PIVOT.search(lowered):
            m = _this_episode_of(text, lowered)
    if m is None and text.startswith("Welcome"):
        m = _SHOW_WELCOME.match(text)
    if (
        m is None
        and ("podcast" in text or "community" in text)
        and (tab or (" is " in text and " a " in text))
    ):
        m = _SHOW_IS_A.match(text)
    if m is None and "podcast" in text:
        m = _SHOW_THE_PODCAST.search(text)
    return m


_AFFILIATION_AFTER = recache.compile(
    r"^(?:,[ \t]+(?P<role>[^,]{2,80}?\bat\b[^,]{2,80}?(?:\([^)]{1,40}\))?)(?=[,.]|$)"
    r"|[ \t]+of[ \t]+(?P<org>[A-Z][^,.]{1,60}?)(?=[,.]))"
)


def _teaser(ctx: Context, seg: Segment, header: Header) -> None:
    text = collapse(render_inline(seg.text))
    m = _TEASER.search(text)
    if not m:
        return
    header.summary = text
    if header.episode is None:
        # "Tea Talks #29 with ...": the teaser is the only place with the number.
        line = _numbered(text[: m.end()].rstrip()[: -len("with")].rstrip(), in_parts=True)
        if line is not None:
            header.series, header.episode = line.series, line.episode
    names, end = names_at(text, m.end())
    affiliation = None
    rest = text[end:]
    am = _AFFILIATION_AFTER.match(rest)
    if am:
        affiliation = (am["role"] or am["org"] or "").strip() or None
        rest = rest[am.end() :]
    for name in names:
        ctx.add_person(name, "guest", affiliation=affiliation if len(names) == 1 else None)
    if header.title is None:
        title = rest.strip(" ,:;|–—-")  # "#35 with Ann Lee: Title", "... with Ann Lee, Title"
        cm = _CO_HOSTED.search(title)
        if cm:
            title = title[: cm.start()]
        title = title.strip(" ,.")
        if title and len(title.split()) <= 15:
            header.title = title
    cm = _CO_HOSTED.search(text)
    if cm:
        found = read_name(text, cm.end())
        if found:
            ctx.add_person(found[0], "co-host")


def _is_title_candidate(seg: Segment, position: int) -> bool:
    text = seg.text
    if seg.heading is not None:
        # Only a top-level heading that opens the notes: "# XYZ 050: ...", "## Episode 53";
        # a lower one where it carries the episode's number ("<h3>#112 — Title</h3>").
        return (
            position == 0
            and text.startswith("#")
            and (not text.startswith("###") or _NUMBERED.search(text, 3) is not None)
        )
    if (
        _blank_before_slashes(text)
        and _SEPARATOR.search(text)
        and not text.startswith(("http", "//"))
    ):
        return True
    return position == 0 and bool(
        _SEASON_EPISODE.search(text)
        or _ABBREVIATED.match(text)
        or _GLUED.match(text)
        or (text[:1] == "E" and _E_NUMBER.match(text))
        or re.match(r"^(?:Episode|Ep\.?)[ \t]*\d", text)
        or ("Episode" in text and _SPELLED_EPISODE.match(text))
        or (
            _NUMBERED.search(text)
            and len(text.split()) <= 16
            and not _teaser_in(text)
            and not _opens_prose(text)
        )
    )


def _opens_prose(text: str) -> bool:
    """Whether ``text`` is a paragraph of prose after a number: "#300: Welcome to ...",
    a sentence of ``_PROSE_WORDS`` words or more that ends as one."""
    m = _LEAD_NUMBER.match(text) if "#" in text else None
    return bool(
        m and len(text[m.end() :].split()) >= _PROSE_WORDS and text.endswith((".", "!", "?"))
    )


def extract(ctx: Context, *, title: str | None = None) -> Header:
    """The header of the notes. ``title`` is the episode's title where the caller knows it
    (a feed item's ``<title>``): a first line of the notes is then only the title when it
    says the same, else it stays in the notes."""
    header = Header()
    if title:
        # "Vampires with Ann Lee": the guest the item's title names, known before the
        # notes' own rules read "Ann and Bo discuss ..." (a guest there stays a guest).
        for name, affiliation in title_guests(title, ctx.doc.text):
            ctx.add_person(name, "guest", affiliation=affiliation)
    segments = ctx.doc.segments
    for position, seg in enumerate(segments[:3]):
        if not _is_title_candidate(seg, position):
            continue
        source = seg.heading if seg.heading is not None and not seg.text.startswith("#") else None
        raw = source or re.sub(r"^\#{1,6}[ \t]+", "", seg.text)
        if _teaser_in(raw) and not (_blank_before_slashes(raw) and _SEPARATOR.search(raw)):
            break
        line = parse_title_line(raw)
        if line.title and line.episode is not None and not line.guests:
            # "Episode 28: Heat | Ann Lee", "#26 - Heat w/ Ann Lee": the guest decoration
            bare, guests, unread = _without_guests(line.title, ctx.doc.text)
            if not (guests or unread):
                bare, guests = _guests_before_title(line.title, ctx.doc.text, raw)
            if guests or unread:
                line.title, line.guests = _clean_title(bare), tuple(guests)
                line.rest = (*line.rest, unread) if unread else line.rest
        header.title, header.podcast, header.series = line.title, line.podcast, line.series
        header.episode, header.date = line.episode, line.date
        ctx.take(seg)
        for part in line.rest:
            ctx.leave(seg, part)
        ctx.title = seg
        for name in line.guests:
            ctx.add_person(_as_named(ctx, name, seg.text), "guest")
        if _teaser_in(raw):
            _teaser(ctx, seg, header)
        # "Meetup #3" alone, the title on the next line (not a chapter: "00:00 Intro").
        if header.title is None and header.episode is not None:
            after = [s for s in segments[seg.index + 1 : seg.index + 2] if not s.is_heading]
            if (
                after
                and len(after[0].text.split()) <= 12
                and not after[0].text.endswith(".")
                and not _TIME_FIRST.match(after[0].text)
                and match_chapter(after[0].text) is None
            ):
                header.title = _clean_title(after[0].text)
                ctx.take(after[0])
        break
    else:
        _plain_title(ctx, header, title)
    for seg in segments[:8]:
        if header.summary is None and not ctx.is_taken(seg) and _teaser_in(seg.text):
            _teaser(ctx, seg, header)
            ctx.take(seg)
    if header.episode is None:
        _number_in_prose(ctx, header)
    _show_and_host(ctx, header)
    return header


_TIME_FIRST = recache.compile(r"[\[(]?\d{1,2}:\d{2}")
_PROSE_OPENER = recache.compile(
    rf"(?:{cues.alternation('header', 'prose_opener')})(?=[ \t,!])", re.IGNORECASE
)
# "Dark Web is like the Bad Part of Town (featuring Tor Project + the IRS)".
_FEATURING = recache.compile(
    rf"[ \t]\((?:{cues.alternation('header', 'featuring')})[ \t][^()]{{1,100}}\)$",
    re.IGNORECASE,
)
# "Some Show Podcast: Title": the show's name and a show word before a colon.
_SHOW_PREFIX = recache.compile(
    rf"^[A-Z][^:]{{0,40}}[ \t](?:{cues.alternation('header', 'show_word')}):[ \t]+(?=\S)"
)
# " with Ann Lee", " (feat. Ann Lee)", " con Ana López", " mit Jan Berg": a guest decoration
_WITH_NAME = recache.compile(
    rf"[ \t]\(?(?:{cues.alternation('header', 'title_with')})[ \t]+(?=[^\W\d_])"
)
_PLAIN_TITLE_WORDS = 16
_PLAIN_TITLE_CHARS = 120
# "#300: This. Is. ..." or "Segment #192. ...": a number opening a paragraph near the top.
_LEAD_NUMBER = recache.compile(
    r"^(?:(?P<series>[A-Z][\w'’-]{0,30}(?:[ \t][A-Z][\w'’-]{0,30}){0,2})[ \t])?"
    r"\#(?P<num>\d{1,5})[.:][ \t]+(?=\S)"
)
_PROSE_WORDS = 8  # words a paragraph holds after its number, at least


def _plain_title(ctx: Context, header: Header, known: str | None = None) -> None:
    """A short first line of its own, no sentence, no link, no chapter and no date, that
    the notes go on after: the title ("Los tres pilares de la IA generativa de Apple").
    A show's name before a colon ("Some Show Podcast: ") is kept over; a guest after
    "with" or "|" is a guest, "(featuring ...)" is kept over."""
    segments = ctx.doc.segments
    if len(segments) < 2 or ctx.title is not None:
        return
    seg, after = segments[0], segments[1]
    text = seg.text
    if (
        seg.is_heading
        or after.line == seg.line
        or (after.line == seg.line + 1 and not after.is_heading)
        or len(text) > _PLAIN_TITLE_CHARS
        or text.endswith((".", "!", ":", ";", ",", "…"))
        or "http" in text
        or "www." in text
        or "@" in text
        or "](" in text
        or "<" in text
        or _TIME_FIRST.match(text)
        or _PROSE_OPENER.match(text)
        or match_chapter(text) is not None
        or find_date(text) is not None
        or not text.isprintable()
        or _is_label(text)
    ):
        return
    rendered_text = collapse(render_inline(text))
    if known is not None and _same_title(rendered_text) != _same_title(known):
        return  # the item's own title is elsewhere: this line is the notes' first
    words = rendered_text.split()
    if not 2 <= len(words) <= _PLAIN_TITLE_WORDS or words[0][:1].islower():
        return
    if all(w.strip(":").casefold() in HEADING_WORDS for w in words):
        return  # "Episode Summary", "Show Notes"
    if rendered_text.isupper() or not (
        _written_as_title(words) or _TITLE_OPENER.match(rendered_text)
    ):
        return
    title = rendered_text
    kept: list[str] = []
    m = _SHOW_PREFIX.match(title)
    if m:
        kept.append(title[: m.end()].strip())
        title = title[m.end() :]
    m = _FEATURING.search(title)
    if m:
        kept.append(title[m.start() :].strip())
        title = title[: m.start()]
    title, guests, unread = _without_guests(title, ctx.doc.text)
    if unread:
        kept.append(unread)
    elif not guests:
        title, guests = _with_named_guests(title, ctx.doc.text, text)
    cleaned = _clean_title(title)
    if cleaned is None:
        return
    header.title = cleaned
    ctx.take(seg)
    ctx.title = seg
    for part in kept:
        ctx.leave(seg, part)
    for name in guests:
        ctx.add_person(_as_named(ctx, name, text), "guest")
    opener = _TITLE_OPENER.match(cleaned)
    if opener and not guests:
        for name in names_at(cleaned, opener.end())[0]:
            if " " in name or _named_in_full(ctx.doc.text, name):
                ctx.add_person(name, "guest")


def _as_named(ctx: Context, name: str, title: str) -> str:
    """A guest of a ``title``, as the notes name them elsewhere where the title's word
    before the name inflects it ("z Łukaszem Żakiem": "Łukasz Żak"); else as written."""
    at = title.find(name)
    if at > 0 and governs_case(title[:at].rstrip(" \t(")):
        return uninflected(name, ctx.doc.text)
    return name


def _named_in_full(text: str, first: str) -> bool:
    """Whether ``text`` writes ``first`` as the first word of a longer name ("Ann Lee")."""
    at = text.find(first + " ")
    while at >= 0:
        found = read_name(text, at) if at == 0 or not text[at - 1].isalnum() else None
        if found and found[0].startswith(first + " "):
            return True
        at = text.find(first + " ", at + 1)
    return False


_SENTENCE_CASE_WORDS = frozenset(cues.words("header", "sentence_case"))
# "A conversation with ...", "Entrevista con ...": a title in any case, not a sentence.
_TITLE_OPENER = recache.compile(
    rf"(?:{cues.alternation('header', 'title_opener')})[ \t]", re.IGNORECASE
)


def _same_title(text: str) -> str:
    """``text`` as two spellings of one title compare: case, blanks and end marks aside."""
    return " ".join(text.casefold().split()).strip(" .!?:")


_LONG_WORD = 4  # letters of a word that title case capitalises


_DATE_LABELS = frozenset(
    w.casefold() for g in ("recorded", "published", "aired", "date") for w in cues.words("dates", g)
)


def _is_label(text: str) -> bool:
    """Whether ``text`` opens with a label of a known kind: "Guests: ...", "Published: ..."."""
    label, colon, _ = text.partition(":")
    if not colon:
        return False
    words = label.casefold().split()
    return " ".join(words) in _DATE_LABELS or all(w in HEADING_WORDS for w in words)


def _written_as_title(words: list[str]) -> bool:
    """Whether a line's words are written as a title: in title case (most longer
    words capitalised: "Choosing Media That Matters"), or in a language whose titles are
    written in sentence case, told by its small words ("Los tres pilares de la IA")."""
    long_words = [w for w in words if len(w) >= _LONG_WORD and w[:1].isalpha()]
    cased = [w for w in long_words if w[:1].isupper() or w[:1].islower()]
    if not cased or 2 * sum(w[:1].isupper() for w in cased) > len(cased):
        return True
    return any(w in _SENTENCE_CASE_WORDS for w in words)


def _name_like(text: str) -> bool:
    """Whether ``text`` is written as one name of two to four words: capitalised, or with
    a capital inside ("deGrasse"), or a particle ("van")."""
    words = text.split()
    return (
        2 <= len(words) <= 4
        and all(
            w[:1].isupper()
            or (w[:1].islower() and any(c.isupper() for c in w[1:]))
            or w in _PARTICLES
            for w in words
        )
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
    )


_BEFORE_TITLE = (": ", " — ", " – ", " - ")  # "Ann Lee: Title", "Ann Lee — Title"


def _named_elsewhere(names: list[str], notes: str, line: str) -> bool:
    """Whether the ``notes`` outside the title's ``line`` write each of the ``names``."""
    rest = notes.replace(line, " ")
    return all(name in rest for name in names)


def _guests_before_title(title: str, notes: str, line: str) -> tuple[str, list[str]]:
    """ "#478 – Ann Lee: The Future of Clocks": the title after the guests' names and a
    colon or dash, where the ``notes`` outside the title's ``line`` name each of them too
    ("#12: Machine Learning: The Basics" names nobody)."""
    for sep in _BEFORE_TITLE:
        head, found, tail = title.partition(sep)
        names = _names_only(head) if found and tail.strip() else None
        if names:
            if _named_elsewhere(names, notes, line):
                return tail, names
            break
    return title, []


def _without_guests(title: str, notes: str = "") -> tuple[str, list[str], str | None]:
    """A title without its guest decoration, the guests it names, and the decoration
    when it names nobody: "Title | Ann Example", "Title with Ann Example". A decoration
    written as a name that is not read as one ("with Ann deExample") is cut from the
    title, and given back to be kept over. A name in a script without capitals ("עם
    NAME") counts only where the ``notes`` write it outside the title too."""
    head, sep, tail = title.rpartition(" | ")
    if sep and _names_only(tail):
        return head, _names_only(tail) or [], None
    for m in _WITH_NAME.finditer(title):
        tail = title[m.end() :]
        if "(" in m[0]:
            if not tail.endswith(")"):
                continue
            tail = tail[:-1]  # "Title (with Ann Lee)"
        names = _names_only(tail) or (_caseless_only(tail, notes) if notes else None)
        if names:
            return title[: m.start()].rstrip(" \t,"), names, None  # "Title, avec Ann Lee"
        if _name_like(tail):
            return title[: m.start()], [], title[m.start() :].strip()
    return title, [], None


# " With Ann Example" in a title written in title case, where any words look like a name.
_WITH_CAPITAL = recache.compile(r"[ \t]With[ \t]+(?=[A-Z])")


def _with_named_guests(title: str, notes: str, line: str) -> tuple[str, list[str]]:
    """ "Scaling Rust With Ann Example": the title and its guests, where the ``notes``
    outside the title's ``line`` name each of them too ("Getting High With Radical
    Honesty" names nobody)."""
    for m in _WITH_CAPITAL.finditer(title):
        names = _names_only(title[m.end() :])
        if names and _named_elsewhere(names, notes, line):
            return title[: m.start()], names
    return title, []


def _number_in_prose(ctx: Context, header: Header) -> None:
    """The episode's number where a paragraph near the top opens with it, before prose:
    "#300: Welcome to ...", "Segment #192. In this ..." (the words before it a series)."""
    for seg in ctx.doc.segments[:8]:
        text = seg.text
        if "#" not in text or seg.is_heading:
            continue
        m = _LEAD_NUMBER.match(text)
        if m and len(text[m.end() :].split()) >= _PROSE_WORDS:
            header.episode = int(m["num"])
            if m["series"] and header.series is None and header.title is None:
                header.series = m["series"]
            return


_SHOW_LINE = recache.compile(
    r"^[A-Z][\w'’&.+-]*(?:[ \t][\w'’&.+-]+){0,5}[ \t](?:Podcast|Show|Radio)$"
)
# How a line _SHOW_LINE matches ends ("$" matches before a final newline too).
_SHOW_LINE_END = ("Podcast", "Show", "Radio", "Podcast\n", "Show\n", "Radio\n")


def _show_line(ctx: Context, header: Header) -> None:
    """A line near the top that is the show's name on its own: "Civic Code Podcast"."""
    for seg in ctx.doc.segments[:6]:
        if ctx.is_taken(seg) or seg.is_heading:
            continue
        text = seg.text
        if header.podcast:
            named = text.casefold() == header.podcast.casefold()
        else:
            named = (
                header.podcast is None
                and text.endswith(_SHOW_LINE_END)
                and _SHOW_LINE.match(text) is not None
            )
        if not named:
            continue
        # Segments are in line order: another one of this line would stand next to it.
        around = ctx.doc.segments[max(0, seg.index - 1) : seg.index + 2]
        if any(s.line == seg.line for s in around if s is not seg):
            continue
        if header.podcast is None:
            header.podcast = text
        ctx.take(seg)


def _may_say_a_podcast_by(text: str, folded: str) -> bool:
    """Whether ``text`` (``folded`` its case-folded form) may hold what ``_PODCAST_BY``
    needs, "a[n] podcast by|from|hosted", with blanks between the words. A line without a
    tab has a space on each side of "podcast", after an "a", an "n" or another space, and
    before "by", "from", "hosted" or another space."""
    if "podcast" not in folded:
        return False
    if "\t" in text:
        return True
    return ("a podcast " in folded or "n podcast " in folded or "  podcast " in folded) and (
        "podcast by" in folded
        or "podcast from" in folded
        or "podcast hosted" in folded
        or "podcast  " in folded
    )


# What a line must hold for ``_show_and_host`` to read it. In its case-folded text:
# "podcast" ("A podcast by NAME"), or for the show's name a word before "of" of the
# ``_THIS_EPISODE_OF`` phrases (one holding another is not sought: "episodi" finds
# "episodio"). In its text: a word another ``_SHOW_*`` pattern needs, or markup that may
# join letters into one when a chapter's title is rendered ("epi**sode**", "&#101;pisode").
_HOST_CUE = "podcast"
_PIVOT_CUES = tuple(
    p for p in _EPISODE_PIVOTS if not any(q != p and q in p for q in _EPISODE_PIVOTS)
)
_SHOW_CUES = ("episode", "Welcome", "podcast", "community")
_MARKUP_CUES = ("[", "*", "_", "&")


def _needed_pivot_cues() -> tuple[str, ...]:
    """The ``_PIVOT_CUES`` a line must be sought for: one is not where each phrase of the
    words it finds holds another cue sought (the phrase "en el episodio de hoy de" holds
    "episodi"), as a line that says the phrase then holds that cue too."""
    kept = list(_PIVOT_CUES)
    for cue in sorted(_PIVOT_CUES, key=lambda c: (len(c), c)):
        others = [c for c in kept if c != cue]
        phrases = [p for p in _THIS_EPISODE_OF if cue in p.split()[-2]]
        if all(any(c in word for c in others for word in p.split()) for p in phrases):
            kept.remove(cue)
    return tuple(kept)


_SOUGHT_PIVOT_CUES = _needed_pivot_cues()
# The show cues sought in all the lines: a line that says "episode" or "podcast" is one of
# the pivot lines or host lines, where they are read.
_SOUGHT_SHOW_CUES = tuple(
    c
    for c in _SHOW_CUES
    if _HOST_CUE not in c.lower() and not any(p in c.lower() for p in _SOUGHT_PIVOT_CUES)
)


# The last two words of the ``_THIS_EPISODE_OF`` phrases ("episode of"), and the blank
# after them: a line whose case-folded text holds none of them, and no tab, no run of
# blanks and no other blank (which a chapter's title would collapse to a space:
# ``isprintable()`` is False for each), has no phrase ``_this_episode_of`` finds.
_PIVOT_TAILS = tuple(sorted({" ".join(p.split()[-2:]) + " " for p in _THIS_EPISODE_OF}))


def _may_hold_a_phrase(folded: str) -> bool:
    """Whether the case-folded text of a line that holds a word of ``_EPISODE_PIVOT`` may
    hold one of the ``_THIS_EPISODE_OF`` phrases: a ``_PIVOT_TAILS`` ("episode of "), or
    blanks other than single spaces between its words."""
    if "\t" in folded or "  " in folded or not folded.isprintable():
        return True
    return any(tail in folded for tail in _PIVOT_TAILS)


def _tails_of(cue: str) -> tuple[str, ...]:
    """The ``_PIVOT_TAILS`` of the phrases that hold ``cue``: a line that says a phrase
    with single spaces holds each of its words, and so each cue the phrase holds."""
    return tuple(sorted({" ".join(p.split()[-2:]) + " " for p in _THIS_EPISODE_OF if cue in p}))


_CUE_TAILS = {cue: _tails_of(cue) for cue in _SOUGHT_PIVOT_CUES}


def _pivot_lines(folded: str, cues: tuple[str, ...], stops: list[int]) -> set[int]:
    """The lines of ``folded`` (case-folded text, lines cut as for ``_lines_holding``) that
    hold one of the pivot ``cues`` and may hold a phrase of ``_THIS_EPISODE_OF``: a tail
    of a phrase that holds one of the cues the line holds (the phrase holds at least one of
    the cues sought), or blanks other than single spaces."""
    found: dict[int, list[str]] = {}
    for cue in cues:
        at = folded.find(cue)
        while at != -1:
            line = bisect.bisect_right(stops, at)
            found.setdefault(line, []).append(cue)
            at = folded.find(cue, stops[line])
    kept: set[int] = set()
    for line, held in found.items():
        text = folded[stops[line - 1] if line else 0 : stops[line] - 1]
        if "\t" in text or "  " in text or not text.isprintable():
            kept.add(line)
            continue
        for cue in held:
            if any(tail in text for tail in _CUE_TAILS[cue]):
                kept.add(line)
                break
    return kept


def _lines_holding(text: str, needles: tuple[str, ...], stops: list[int]) -> set[int]:
    """The lines of ``text`` that hold one of ``needles`` (none holds a newline), by their
    number: line ``i`` ends before ``stops[i] - 1``, its newline. One ``find`` for each line
    found and one for each needle, where a search of every line would be one for each."""
    found: set[int] = set()
    for needle in needles:
        at = text.find(needle)
        while at != -1:
            line = bisect.bisect_right(stops, at)
            found.add(line)
            at = text.find(needle, stops[line])
    return found


def _cue_lines(
    texts: list[str], show: bool = True
) -> tuple[set[int], set[int], set[int], set[int]]:
    """The lines among ``texts`` whose case-folded text (as IGNORECASE folds it:
    ``casefold()``, which is ``lower()`` for ASCII) says "podcast", those whose case-folded
    text holds a word of ``_EPISODE_PIVOT`` and may hold a phrase of ``_THIS_EPISODE_OF``
    (no other line can name the show by one), those whose text holds one of
    ``_SHOW_CUES`` and those whose text holds one of ``_MARKUP_CUES``: sought in all the
    lines at once.
    The second set holds the lines of the ``_SOUGHT_PIVOT_CUES`` only: a line with a
    phrase of another pivot holds one of them too. The show cues that fold to a cue of
    the first two sets are read in those lines only, not sought in all of them. Without
    ``show`` (the show is known), the last three sets are empty."""
    joined = "\n".join(texts)
    ascii_only = joined.isascii()
    if ascii_only:
        folded = joined.lower()
    else:
        # casefold() folds each character on its own, and is lower() for ASCII: only the
        # lines with other characters take its slower way (in most notes a few do: "’").
        lines = [t.lower() if t.isascii() else t.casefold() for t in texts]
        folded = "\n".join(lines)
    if len(folded) != len(joined):  # "ß" folded to "ss": each line on its own
        return (
            {i for i, f in enumerate(lines) if _HOST_CUE in f},
            {i for i, f in enumerate(lines) if _EPISODE_PIVOT.search(f) and _may_hold_a_phrase(f)},
            {i for i, t in enumerate(texts) if any(c in t for c in _SHOW_CUES)},
            {i for i, t in enumerate(texts) if any(c in t for c in _MARKUP_CUES)},
        )
    stops = list(itertools.accumulate(len(t) + 1 for t in texts))
    hosts = _lines_holding(folded, (_HOST_CUE,), stops)
    if not show:
        return hosts, set(), set(), set()
    pivots = _SOUGHT_PIVOT_CUES
    if ascii_only:
        pivots = tuple(p for p in pivots if p.isascii())
    pivot_lines = _pivot_lines(folded, pivots, stops)
    words = _lines_holding(joined, _SOUGHT_SHOW_CUES, stops)
    # The other show cues, read in the few lines whose folded text holds them.
    for cue in _SHOW_CUES:
        if cue not in _SOUGHT_SHOW_CUES:
            among = hosts if _HOST_CUE in cue.lower() else pivot_lines
            words.update(i for i in among if cue in texts[i])
    return hosts, pivot_lines, words, _lines_holding(joined, _MARKUP_CUES, stops)


def _show_and_host(ctx: Context, header: Header) -> None:
    _show_line(ctx, header)
    segments = ctx.doc.segments
    texts = [seg.text for seg in segments]
    # The lines with none of the cues are never read: nothing below can match them.
    host_lines, pivot_lines, word_lines, markup_lines = _cue_lines(texts, header.podcast is None)
    word_lines |= pivot_lines
    show_lines = word_lines | markup_lines
    for index in sorted(host_lines | show_lines):
        seg = segments[index]
        text = texts[index]
        # Case-folded as IGNORECASE matches ("ſ" is an "s"), which is lower() for ASCII.
        m = None
        if index in host_lines:
            folded = text.lower() if text.isascii() else text.casefold()
            if _may_say_a_podcast_by(text, folded):
                m = _PODCAST_BY.match(text)
        if m:
            show = m["show"].strip() if m["show"] else None
            header.podcast = header.podcast or show
            found = read_name(text, m.end())
            if found:
                ctx.add_person(found[0], "host")
            if found and found[1] >= len(text.rstrip(" .")):
                if show and show != header.podcast:
                    ctx.leave(seg, show)  # a second line naming another show
                else:
                    ctx.take(seg)
            continue
        # A chapter's title is this text, or markup rendered out of it: without the words
        # and without markup, no title has them either.
        if header.podcast is None and index in show_lines:
            chapter = match_chapter(text)
            if chapter is not None:
                sm = _show_named(chapter[1])  # "[00:00] Welcome to Syntax"
            elif not text.isascii():
                sm = _show_named(text)
            elif index in word_lines:
                # An ASCII line's lower() is its case-folded text: its word is known.
                sm = _show_named(text, index in pivot_lines)
            else:
                sm = None  # markup, but none of the words any _SHOW_* pattern needs
            if sm:
                header.podcast = sm["show"].strip()


_TITLE_WITH = recache.compile(
    r"(?:(?<![ \t])[ \t]+|(?:^|[ \t])\()(?:with|With|WITH|w/|feat\.?|featuring|ft\.)[ \t]+(?=[A-Z])"
)
_DECORATION_CHARS = 60
# "with Ann Lee of Some Radio": where the guest is from, to the title's end.
_TITLE_ORG = recache.compile(r"[ \t]+(?:of|from|Of|From)[ \t]+(?=[A-Z])")


def title_guests(title: object, notes: str = "") -> list[tuple[str, str | None]]:
    """The people a title ends with, and where each is from: "Eat, Pray, Love with Ayisha
    Malik", "Title (with Ann Lee)", "Title with Ann Lee of Some Radio (Preview)" (full
    names only). After "With" in a title written in title case, where any words look
    like a name ("Getting High With Radical Honesty"), a name counts only when the
    ``notes`` write it too."""
    if not isinstance(title, str):
        return []
    cues = list(_TITLE_WITH.finditer(title))
    if not cues:
        return []
    cue = cues[-1]
    head = title.rstrip(" .!")
    if cue[0].lstrip(" \t").startswith("(") and head.endswith(")"):
        head = head[:-1]  # "(with Ann Lee)"
    elif head.endswith(")"):
        # A decoration after the guest: "(sponsored episode)", "(Preview)", "(BINCHYCAST #3)".
        opening = head.rfind("(")
        if opening > cue.end() and len(head) - opening <= _DECORATION_CHARS:
            head = head[:opening].rstrip(" \t")
    names, end = names_at(head, cue.end())
    org = _TITLE_ORG.match(head, end) if names else None
    affiliation = head[org.end() :].strip() if org else None
    if org and len(names) == 1 and affiliation and affiliation[:1].isupper():
        end = len(head)
    else:
        affiliation = None
    if end != len(head.rstrip(" .!")) or not all(" " in n for n in names):
        return []
    if not cue[0].strip(" \t(").islower():
        said = notes.replace(title, " ").replace(head, " ")  # not the title's own copy
        if not all(n in said for n in names):
            return []
    return [(n, affiliation) for n in names]
