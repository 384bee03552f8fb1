"""Links: every address and social handle, in the order written, with what the notes say
about it.

Contract: returns ``Link`` records. Read: Markdown links ``[label](url)``, reference links
``[label][ref]`` (resolved at each use; an unused definition is listed where it stands),
autolinks ``<url>``, bare ``http(s)://`` and ``www.`` addresses, lower-case bare domains
written as addresses (``btcforwomen.com``, ``linode.com/ssh``; ``Better.com`` is a name), and
``@handles``. In-page anchors, relative paths, ``javascript:`` and ``data:`` are not links.

For each link: ``text`` is the label (the Markdown label, or the words before a bare address
on its line, or a label line ending in ``:`` just above it); ``person`` comes from "Connect
with NAME on ...", "NAME's Twitter", "NAME: [X](...) / [Y](...)", or a label that is a known
person's name; ``platform`` from the address (or the label, for a handle); ``kind`` from the
section and the label (sponsor, community, listen, social, else reference).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import NamedTuple

from episodeparse import cues, recache
from episodeparse.document import Segment
from episodeparse.extractors import Context, read_name
from episodeparse.extractors.names import genitive_of, inflection_of
from episodeparse.model import Link, LinkKind
from episodeparse.normalize import collapse, render_inline, rendered, unescape

__all__ = ["BEFORE_NAME", "NOT_A_PERSON", "extract", "is_profile", "platform_of"]

_URL_BODY = r"[^\s<>\"'`\]\[]{1,2000}"
_TLD_NAMES = (
    "com|org|net|fm|io|ai|co|dev|show|tv|me|gg|app|xyz|info|energy|news|blog|page|link|social|"
    "media|live|tech|podcast|audio|music|st|ly|to|uk|de|fr|ca|au|nl|eu|us|"
    # national domains of the podcast markets' languages ("loja.com.br", "sito.it")
    "br|it|es|pt|pl|ru|ua|il|cn|jp|ch|at|be|se|dk|fi|cz|mx|ar|cl|nz|za|tw|hk|kr|ie|gr|ro|hu"
)


def _by_first_letter(names: str) -> str:
    """An alternation of ``names`` grouped by their first letter ("c(?:om|o|a)|o(?:rg)"):
    a place is tried against the few names of its letter, not against every name."""
    groups: dict[str, list[str]] = {}
    for name in names.split("|"):
        groups.setdefault(name[0], []).append(name[1:])
    return "|".join(
        f"{first}(?:{'|'.join(sorted(rests, key=len, reverse=True))})"
        for first, rests in groups.items()
    )


_TLDS = _by_first_letter(_TLD_NAMES)
# The token branches, most specific first (the first that matches at a place wins).
_MD_BRANCHES = r"""
    (?P<md>!?\[(?P<label>[^\\\[\]\n]{0,500}+(?=\])    # a plain label: one run of characters
            | (?=[^\\\[\]\n]{0,500}+[\\\[])           # else one with "\" or "[" in it:
              (?:\\.|[^\\\[\]\n]|\[[^\[\]\n]{0,100}\]){0,500})\]  # [a [b] c]
        \(\(?[ \t]*<?                                      # ( or a doubled ((
        (?P<href>[^\s()<>]{1,2000}(?:\([^\s()]{0,200}\)[^\s()<>]{0,200})?)  # one (..) inside
        >?(?:[ \t]+["'][^"'\n]{0,300}["'])?[ \t]*\)\)?)      # "title", closing )
  | (?P<ref>\[(?P<rlabel>[^\[\]\n]{1,500})\]\[(?P<rkey>[^\[\]\n]{0,100})\])
"""
_LINK_BRANCHES = rf"""{_MD_BRANCHES}
  | <(?P<auto>https?://[^\s<>]{{1,2000}})>
  | (?P<url>\b(?:https?://|www\.){_URL_BODY})
"""
_AT_BRANCHES = r"""
  | (?P<email>\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b)
  | (?<![\w@/.:\#-])(?P<handle>@[A-Za-z_][\w]{0,38}            # @name
        (?:\.[A-Za-z][\w-]{0,62}){0,5}                           # @name.bsky.social
        (?:@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5})?)(?![\w@/])     # @name@server (fediverse)
"""
_DOMAIN_BRANCH = rf"""
  | (?<![\w@/.-])(?P<domain>[a-z0-9][a-z0-9-]{{0,62}}(?:\.[a-z0-9-]{{1,63}}){{0,4}}  # host
        \.(?:{_TLDS})                                                # a common top-level domain
        (?:/[^\s<>"'`)\]]{{0,500}})?)(?![\w@-])                      # a path
"""
# No token starts inside a word (each branch opens with punctuation, a word boundary or a
# look-behind that refuses a letter before it): "(?!\B\w)" refuses those places at once.
_TOKEN = recache.compile(rf"(?!\B\w)(?:{_LINK_BRANCHES}{_AT_BRANCHES}{_DOMAIN_BRANCH})", re.VERBOSE)
# The same without the email and handle branches, for a line without "@" (where neither can
# match): a match is read by its lastgroup, which names the branch in both.
_TOKEN_NO_AT = recache.compile(rf"(?!\B\w)(?:{_LINK_BRANCHES}{_DOMAIN_BRANCH})", re.VERBOSE)
# The Markdown branches alone, for a line where no other branch can match anywhere: no "@",
# "<", "://", "www." and no dot before a top-level domain (what the domain branch ends
# with, _TLD_DOT). Both open with "!" or "[", where "(?!\B\w)" always holds; the look-ahead
# spares the engine the branches at every other place.
_TOKEN_BRACKETS = recache.compile(rf"(?=[!\[])(?:{_MD_BRANCHES})", re.VERBOSE)
_REF_DEFINITION = recache.compile(
    r"^[ \t]{0,3}\[(?P<key>[^\[\]\n]{1,100})\]:[ \t]*<?(?P<url>\S{1,2000}?)>?(?:[ \t]+[\"'(].*)?$"
)
_TRAILING = ".,;:!?"
# The cheap tests _tokens makes before the full alternation, on a line with neither "@" nor
# "://" (which pass both). A token may start only at "[", "<" or a dotted word (a dot between
# a letter or digit and a lower-case letter, or "www."): _DOTTED. And every token needs "]("
# (a Markdown link), "][" (a reference), "www." or a dot between a host character and a
# top-level domain: _TLD_DOT. Plain prose, a chapter line "[00:00] Intro" or an "e.g." fails
# them, and is spared the full alternation.
_DOTTED = recache.compile(r"\.(?<=[a-z0-9]\.)[a-z]|\.(?<=www\.)")
# (The look-ahead first: a sentence's full stop, before a blank, fails it at once, where the
# alternation of top-level domains would be tried name by name.)
_TLD_DOT = recache.compile(rf"\.(?=[a-z])(?<=[a-z0-9-]\.)(?:{_TLDS})")

_PLATFORMS: tuple[tuple[str, str], ...] = (
    ("twitter.com", "twitter"),
    ("x.com", "twitter"),
    ("linkedin.com", "linkedin"),
    ("lnkd.in", "linkedin"),
    ("github.com", "github"),
    ("github.io", ""),
    ("gitlab.com", "gitlab"),
    ("youtube.com", "youtube"),
    ("youtu.be", "youtube"),
    ("instagram.com", "instagram"),
    ("facebook.com", "facebook"),
    ("fb.com", "facebook"),
    ("tiktok.com", "tiktok"),
    ("threads.net", "threads"),
    ("bsky.app", "bluesky"),
    ("discord.gg", "discord"),
    ("discord.com", "discord"),
    ("slack.com", "slack"),
    ("twitch.tv", "twitch"),
    ("open.spotify.com", "spotify"),
    ("spotify.com", "spotify"),
    ("spoti.fi", "spotify"),
    ("podcasts.apple.com", "apple podcasts"),
    ("itunes.apple.com", "apple podcasts"),
    ("apple.co", "apple podcasts"),
    ("patreon.com", "patreon"),
    ("substack.com", "substack"),
    ("medium.com", "medium"),
    ("reddit.com", "reddit"),
    ("t.me", "telegram"),
    ("mastodon.social", "mastodon"),
    ("fosstodon.org", "mastodon"),
)
# Each domain's platform and its place in _PLATFORMS (the first listed wins).
_PLATFORM_AT: dict[str, tuple[int, str]] = {
    domain: (at, platform) for at, (domain, platform) in reversed(list(enumerate(_PLATFORMS)))
}
# The platforms a label may name, in the order they are tried; their words, in every
# language, are cue data ("platform_instagram": "instagram", "Instagramie", "באינסטגרם").
_LABEL_PLATFORM_ORDER = (
    "twitter",
    "mastodon",
    "instagram",
    "linkedin",
    "slack",
    "discord",
    "bluesky",
    "threads",
    "tiktok",
    "twitch",
    "youtube",
    "github",
    "facebook",
    "apple podcasts",
    "spotify",
    "telegram",
)
_LABEL_PLATFORMS: tuple[tuple[str, str], ...] = tuple(
    (word.lower(), platform)
    for platform in _LABEL_PLATFORM_ORDER
    for word in cues.words("links", "platform_" + platform.replace(" ", "_"))
)
# Those an ASCII label may hold (a label's words are tried one by one: most are ASCII).
_ASCII_LABEL_PLATFORMS = tuple((w, p) for w, p in _LABEL_PLATFORMS if w.isascii())
_REDIRECTED_PLATFORMS = (
    ("mastodon", "mastodon"),
    ("fosstodon", "mastodon"),
    ("slack", "slack"),
    ("discord", "discord"),
)
_SOCIAL = frozenset(
    [
        "twitch",
        "twitter",
        "linkedin",
        "instagram",
        "facebook",
        "tiktok",
        "threads",
        "bluesky",
        "mastodon",
        "medium",
        "github",
    ]
)
_PROFILE_PLATFORMS = _SOCIAL | {"youtube"}
_LISTEN_PLATFORMS = frozenset(("apple podcasts", "spotify"))
_SCHEME_AND_WWW = recache.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:www\.)?")
# A platform's word standing as a word in a label, one pattern for each word.
_PLATFORM_WORD: dict[str, re.Pattern[str]] = {
    word: recache.compile(rf"\b{re.escape(word)}\b")
    for word, _ in (*_LABEL_PLATFORMS, *_REDIRECTED_PLATFORMS, ("x", "twitter"))
}
_LISTEN_WORDS = recache.compile(
    r"^(?:rss|rss feed|apple podcasts|google podcasts|spotify|overcast|pocket casts|castbox|"
    r"stitcher|podcast addict|listen on .+|subscribe on .+|subscribe)$",
    re.IGNORECASE,
)


class _Cues:
    """The phrases of one group of ``cues/links.json``, found as whole words in a text,
    case aside (a phrase in a script written without spaces, such as Japanese, anywhere).
    The text's words are read once and met with the phrases' first words as a set, which
    is far cheaper than a regex alternation of a hundred phrases tried at every place of a
    line.
    """

    __slots__ = ("_first", "_firsts", "_unspaced")

    def __init__(self, group: str) -> None:
        self._first: dict[str, list[list[str]]] = {}
        unspaced: list[str] = []
        for phrase in cues.words("links", group):
            low = phrase.casefold()
            if low.isascii() and low.replace(" ", "").isalnum():
                words = low.split()  # letters and digits between blanks: _WORD's words
            elif _UNSPACED.search(low):
                unspaced.append(low)
                continue
            else:
                words = _WORD.findall(low)
            self._first.setdefault(words[0], []).append(words)
        self._firsts = frozenset(self._first)
        self._unspaced = tuple(unspaced)

    def search(self, text: str) -> bool:
        low = text.casefold()
        return self.search_words(low, _WORD.findall(low))

    def search_words(self, low: str, words: list[str]) -> bool:
        """:meth:`search` of a text whose casefolded form is ``low`` and ``low``'s words
        (``_WORD.findall(low)``): for several groups asked about the same text."""
        if not self._firsts.isdisjoint(words):
            first = self._first
            for i, word in enumerate(words):
                for phrase in first.get(word, ()):
                    if len(phrase) == 1 or words[i : i + len(phrase)] == phrase:
                        return True
        if not self._unspaced or low.isascii() or _UNSPACED.search(low) is None:
            return False
        return any(phrase in low for phrase in self._unspaced)


_WORD = recache.compile(r"\w+")
_UNSPACED = recache.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_SPONSOR_CUES = _Cues("sponsor")
# An offer: "10% off", "20 % Rabatt" (the words after the percent sign, by language).
_PERCENT_OFF = recache.compile(
    rf"\d[ \t]?%[ \t]{{0,3}}(?:{cues.alternation('links', 'percent_off')})(?!\w)", re.IGNORECASE
)


@functools.lru_cache(maxsize=4096)
def _says_sponsor(text: str) -> bool:
    """Sponsor reads in any wording and language: "Sponsored by", "patrocinado por",
    "promo code", "Get 10% off" (remembered: what stands before a line's links repeats,
    "- ", "Twitter: ", and it is at most _SPONSOR_BEFORE characters).

    >>> _says_sponsor("Episodio patrocinado por Acme"), _says_sponsor("sponsoring terror")
    (True, False)
    """
    return _SPONSOR_CUES.search(text) or ("%" in text and _PERCENT_OFF.search(text) is not None)


_COMMUNITY_CUES = _Cues("community")


@functools.lru_cache(maxsize=4096)
def _label_kind(label: str) -> tuple[LinkKind | None, bool]:
    """What a link's label alone says of its kind, sponsor or community (or None), and
    whether it names a way to listen ("Apple Podcasts", "RSS"); remembered: labels repeat."""
    stripped = label.strip()
    listen = stripped[:1] in _LISTEN_INITIALS and _LISTEN_WORDS.match(stripped) is not None
    # _says_sponsor's reading, then the community cues' of the same words.
    low = label.casefold()
    words = _WORD.findall(low)
    if _SPONSOR_CUES.search_words(low, words) or (
        "%" in label and _PERCENT_OFF.search(label) is not None
    ):
        return "sponsor", listen
    if _COMMUNITY_CUES.search_words(low, words):
        return "community", listen
    return None, listen


# The letters _LISTEN_WORDS's words open with, in any case ("ſ" is an "s" to
# re.IGNORECASE); "" is in it too, and is matched.
_LISTEN_INITIALS = "rRaAgGsSoOpPcClLſ"


NOT_A_PERSON = _Cues("not_a_person")  # words of a link's label that name no person
BEFORE_NAME = _Cues("before_name")  # words that may open a sentence before a name
# A forum or a group's address: "forum.example.org", "facebook.com/groups/x", ".../community".
_COMMUNITY_PATH = recache.compile(
    r"join|invite|signup|sign-up|newsletter|subscribe|(?:^|/)(?:groups?|forums?|community)(?:/|$)",
    re.IGNORECASE,
)
_COMMUNITY_HOST = ("forum.", "forums.", "community.", "discourse.")
_SPONSOR_BEFORE = 100  # how far before a line's first link a sponsor read is sought
_SPONSOR_AFTER = 40  # and after its last link
_SPONSOR_LEAD = 40  # how long the words before a sponsor line's link, or a sponsor intro, may be
_LISTEN_PATH = recache.compile(r"\.(?:mp3|m4a|ogg|opus|xml|rss)$|(?:^|/)(?:feed|rss)(?:/podcast)?$")
_LISTEN_INTRO = recache.compile(
    r"\b(?:apps?|listen(?:[ \t]+on)?|subscribe[ \t]+on)\b[^:]{0,40}:", re.IGNORECASE
)


def _may_listen(head: str) -> bool:
    """Whether _LISTEN_INTRO may match in ``head``: an ASCII text needs one of its words (an
    other may hold a letter that re.IGNORECASE folds into one: "ſ", "ı"). The pattern has no
    literal start and is tried at every character: most heads are spared it.

    >>> _may_listen("Find us on our Apps: "), _may_listen("Guest: "), _may_listen("Liſten: ")
    (True, False, True)
    """
    if not head.isascii():
        return True
    low = head.lower()
    return "app" in low or "listen" in low or "subscribe" in low


_HOME_WORDS = recache.compile(r"\b(?:website|site|homepage|home page|profile)\b", re.IGNORECASE)
_CONNECT_WITH = recache.compile(
    r"""\b(?:Connect|Chat|Follow|Find|Reach)[ \t]+(?:with[ \t]+)?   # "Connect with"
        (?P<name>[^\W\d_][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){0,3})      # "Mike"
        [ \t]+on\b""",  # "on LinkedIn"
    re.VERBOSE,
)
# "Suivez Claire sur LinkedIn", "Sigue a Ana en X": the same in every cue language.
_FOLLOW_ANY = recache.compile(
    rf"(?i:{cues.alternation('links', 'person_links')})[ \t]+"
    r"(?P<name>[^\W\d_][\w'’.-]{0,40}(?:[ \t][A-Z][\w'’.-]{0,40}){0,3})[ \t]+"
    rf"(?i:{cues.alternation('links', 'on_platform')})\b"
)
# "Das Buch von Ann Lee", "Site da Ana", "The website of Ann Lee": a few words, then whose.
_OWNER_OF = recache.compile(
    r"^(?:[^\W\d_][\w'’-]{0,30}[ \t]+){1,4}?"
    rf"(?i:{cues.alternation('links', 'owner_of')})[ \t]+"
    r"(?P<name>[A-Z][\w'’.-]{0,40}(?:[ \t][A-Z][\w'’.-]{0,40}){0,3})"
)
_OWNER_WORDS = frozenset(w.casefold() for w in cues.words("links", "owner_of"))
_FOLLOW_WORDS = frozenset(p.split()[0].casefold() for p in cues.words("links", "person_links"))
# A label that is a follow word and a name alone: "Follow Max Lind", "Suivez Claire".
_FOLLOW_NAME = recache.compile(
    rf"(?i:{cues.alternation('links', 'person_links')})[ \t]+"
    r"(?P<name>[^\W\d_][\w'’.-]{0,40}(?:[ \t][^\W\d_][\w'’.-]{0,40}){0,3})[ \t]*"
)
# Name words are bounded ({0,40}): these are matched once per link of a line, and an
# unbounded word would read a long line of one "word" to its end every time (quadratic).
_POSSESSIVE = recache.compile(
    r"^(?P<name>[^\W_][\w.\-ƀ]{0,40}(?:[ \t][A-Z][\w.-]{0,40}){0,3}?)(?:['’]s|s['’]|['’])[ \t]"
)
_NAME_PREFIX = recache.compile(  # "- Wes: [X](..)", "- Sam Rivers – [GitHub](..), [Website](..)"
    r"""^[ \t]*(?:[-*•][ \t]+)?
        (?P<name>[A-Z][\w'’-]{0,40}(?:[ \t][A-Z][\w'’-]{0,40}){0,2})(?::|[ \t]+[-–—])[ \t]*""",
    re.VERBOSE,
)
_POSSESSIVE_ANY = recache.compile(
    r"(?<![\w'’])(?P<name>[A-Z][\w.-]{1,30})(?:['’]s|s['’]|['’])[ \t]+\w"
)
_NOT_PEOPLE = frozenset(
    {
        "Show",
        "Podcast",
        "Twitter",
        "Github",
        "GitHub",
        "Discord",
        "Slack",
        "Email",
        "Website",
        "Mastodon",
        "Instagram",
        "YouTube",
        "LinkedIn",
        "Facebook",
        "Threads",
        "Bluesky",
        "Tiktok",
        "TikTok",
        "Medium",
        "Newsletter",
        "Community",
        "Us",
        "Links",
        "RSS",
    }
)
_EMBED_SOURCE = recache.compile(r"src=[\"']?$", re.IGNORECASE)
_EMBED_ENDS = ("=", '"', "'")  # what _EMBED_SOURCE's match ends with
_LEAD_IN = recache.compile(
    r"(?:(?<![ \t])[ \t]+)?(?:[-–—][ \t]*)?"
    r"\b(?:go[ \t]+to|visit|head[ \t]+to|check[ \t]+out|see|at)$",
    re.IGNORECASE,
)
_LEAD_IN_LONGEST = len(" - check out")  # the longest _LEAD_IN match in a collapsed text
_FRAGMENT = recache.compile(
    r"^(?:on|and|or|but|to|in|with|for|of|from|by)\b|.*\b(?:is|are|was|were)$", re.IGNORECASE
)
# The letters _FRAGMENT's first words open with and its last words end with, in any case
# (re.IGNORECASE also folds "İ", "ı" and "ſ"): a label with neither is no fragment.
_FRAGMENT_FIRST = "ABFIOTWabfiotwİı"
_FRAGMENT_LAST = "ESesſ"
_SENTENCE_END = recache.compile(r"[.!?][ \t]+(?=[A-Z])|❤")
_WHERE_TO_FIND = recache.compile(
    r"^(?:Where[ \t]+to[ \t]+(?:find|follow)|Find|Follow|Connect[ \t]+with)[ \t]+"
    r"(?P<name>[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){0,3})[ \t]*:?$"
)
_NAME_ON_PLATFORM = recache.compile(  # "Lucía on LinkedIn: URL", "Kit on Bluesky: @kit"
    r"^[ \t]*(?:[-*•][ \t]+)?(?P<name>[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){0,2})[ \t]+on[ \t]+"
    r"(?:Twitter|X|LinkedIn|Mastodon|Bluesky|Instagram|GitHub|Github|YouTube|Threads|TikTok|"
    r"Facebook|Twitch|Substack|Medium|Telegram)\b"
)
# The same in the other languages of the cues: "Agnieszka na Instagramie", "Ana no
# Instagram", "Дмитрий в Телеграме" (the name's first letter a capital: see _connect_name).
_NAME_ON_PLATFORM_ANY = recache.compile(
    r"^[ \t]*(?:[-*•][ \t]+)?"
    r"(?P<name>[^\W\d_][\w'’.-]{0,40}(?:[ \t][^\W\d_][\w'’.-]{0,40}){0,2}?)[ \t]+"
    rf"(?i:{cues.alternation('links', 'on_platform')})[ \t]+"
    r"(?i:" + cues.alternation_of(tuple(word for word, _ in _LABEL_PLATFORMS)) + r")(?!\w)"
)
_ON_WORDS = frozenset(  # as written, and with a capital
    form for w in cues.words("links", "on_platform") for form in (w, w.capitalize())
)
_NOT_A_NAME_START = recache.compile(r"(?:The|Our|My|Us|We|This)\b")
_HONORIFIC_START = recache.compile(r"^(?:Dr|Prof|Mr|Mrs|Ms)\.?[ \t]+")
_NAME_THEN_PAREN = recache.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][\w'’-]*(?:[ \t][A-Z][\w'’-]*){0,3})"  # from a word's start
    r"[ \t]*\((?P<platform>[\w ]{1,20}:[ \t]*)?$"
)
_BULLET = recache.compile(r"^[ \t]*(?:[-*•+>]|\d{1,3}[.)])[ \t]+")


def _unbulleted(text: str) -> str:
    """``_BULLET.sub("", text)``: the pattern is anchored at the text's start (no
    MULTILINE), so it matches there or nowhere; match() tries that one place, where sub()
    would try every character of the text.

    >>> _unbulleted("  - Ana: x"), _unbulleted("Ana - x")
    ('Ana: x', 'Ana - x')
    """
    m = _BULLET.match(text)
    return text if m is None else text[m.end() :]


_CODE_SPAN = recache.compile(r"`[^`\n]{0,500}`")
_HANDLE_LABEL = recache.compile(r"@[\w.]{1,60}(?:@[\w.-]{1,100})?")
_WORD_CHAR = recache.compile(r"\w")
_PATH_START = recache.compile(r"^(?:[a-z][a-z0-9+.-]*://)?[^/?#]*")
_SCHEME = recache.compile(r"^[a-z][a-z0-9+.-]*:/{0,2}")
_WWW = recache.compile(r"^www\.")


@functools.lru_cache(maxsize=4096)
def platform_of(url: str | None, label: str | None = None) -> str | None:
    """The platform an address (or, for a handle, its label) belongs to.

    >>> platform_of("https://www.linkedin.com/in/dpbrinkm/"), platform_of("https://x.com/a")
    ('linkedin', 'twitter')
    >>> platform_of(None, "Follow us on Twitter"), platform_of("https://example.com")
    ('twitter', None)
    """
    if url:
        best = _host_platform(_host(url).split(":")[0])
        if best is not None:
            return best or None
        if label:
            # A show's own redirect ("go.example.com/slack") says its platform in the label.
            low = label.lower()
            for word, platform in _REDIRECTED_PLATFORMS:
                if word in low and _PLATFORM_WORD[word].search(low):
                    return platform
        return None
    if label:
        low = label.lower()
        for word, platform in _ASCII_LABEL_PLATFORMS if low.isascii() else _LABEL_PLATFORMS:
            if word in low and _PLATFORM_WORD[word].search(low):
                return platform
        if "x" in low and _PLATFORM_WORD["x"].search(low):
            return "twitter"
    return None


@functools.lru_cache(maxsize=1024)
def _host_platform(host: str) -> str | None:
    """The platform of the first domain of _PLATFORMS that is the host, or the host's end
    after a dot ("" for one of no platform, "github.io"); None where none is."""
    best: tuple[int, str] | None = _PLATFORM_AT.get(host)
    dot = host.find(".")
    while dot >= 0:
        entry = _PLATFORM_AT.get(host[dot + 1 :])
        if entry is not None and (best is None or entry[0] < best[0]):
            best = entry
        dot = host.find(".", dot + 1)
    return None if best is None else best[1]


def _after_label_colon(line: str, start: int, label: str) -> bool:
    """Whether ``label`` and a colon stand right before ``start``: "Lara: @lara"."""
    at = start - 1
    while at >= 0 and line[at] in " \t":
        at -= 1
    if at < 0 or line[at] != ":":
        return False
    return line[max(0, at - len(label) - 4) : at].rstrip().endswith(label)


def _trim_url(url: str) -> str:
    while url and url[-1] in _TRAILING:
        url = url[:-1]
    while url.endswith(")") and url.count(")") > url.count("("):
        url = url[:-1]
    return url


def _is_address(href: str) -> bool:
    low = href.lower()
    return low.startswith(("http://", "https://", "www.", "mailto:"))


class _Found(NamedTuple):
    """A link-like token of a line, never changed once found."""

    start: int
    end: int
    url: str | None
    handle: str | None
    label: str | None  # a written label (Markdown), None for a bare address


def _markdown_tokens(text: str) -> list[re.Match[str]]:
    """``list(_TOKEN_BRACKETS.finditer(text))``, tried only where a match may start: at a
    "[", or at the "!" right before one (an image). The engine would try the pattern at
    every character of the line, which costs more than the pattern at the few brackets.

    >>> [m[0] for m in _markdown_tokens("[00:12](#t=12) Intro ![a](b.png) [x]")]
    ['[00:12](#t=12)', '![a](b.png)']
    """
    found: list[re.Match[str]] = []
    match = _TOKEN_BRACKETS.match
    pos = 0
    bracket = text.find("[")
    while bracket >= 0:
        m = None
        if bracket > pos and text[bracket - 1] == "!":
            m = match(text, bracket - 1)  # the earlier place first, as a search tries them
        if m is None:
            m = match(text, bracket)
        if m is None:
            pos = bracket + 1
        else:
            found.append(m)
            pos = m.end()
        bracket = text.find("[", pos)
    return found


_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-")  # the domain branch's host


def _token_matches(text: str, at: bool) -> list[re.Match[str]]:
    """``list(_TOKEN.finditer(text))`` (``_TOKEN_NO_AT`` where ``at`` is false: the line
    has no "@"), tried only where a match may start (the engine would try it at every
    character): a "[" or the "!" before one (Markdown), a "<" (an autolink), "http" or
    "www." (an address); where a domain may start: the start of the run of host characters
    before a dot of a top-level domain (_TLD_DOT), since the domain branch refuses a host
    character before it; and for each "@", the "@" (a handle) and the places an email may
    start: up to 64 characters of ``[\\w.+-]`` before it.

    The text is read from one "[" to the next: the places before a "[" are sought between
    the last match's end and the "[" only (none of those marks, nor a host run or an
    email's start, goes on past a "["), so the address inside a Markdown link
    ("[x](https://a.org)") is never searched for them.

    >>> [m[0] for m in _token_matches("See [a](b) at <https://c.org>, x.example.com/p.", False)]
    ['[a](b)', '<https://c.org>', 'x.example.com/p.']
    >>> [m[0] for m in _token_matches("Mail ana.b@c.org or @dee, [e](https://f.io/@g)", True)]
    ['ana.b@c.org', '@dee', '[e](https://f.io/@g)']
    """
    found: list[re.Match[str]] = []
    match = (_TOKEN if at else _TOKEN_NO_AT).match
    find = text.find
    size = len(text)
    # The marks this line holds at all ("http" only opens an address with "://"), asked
    # once: "in" costs far less than a find().
    angle = "<" in text
    scheme = "://" in text
    www = "www." in text
    dotted = "." in text
    pos = 0
    while pos < size:
        bracket = find("[", pos)
        limit = size if bracket < 0 else bracket
        if limit - pos >= 2:  # (the shortest token, "@x", has two characters)
            starts: list[int] = []
            if angle:
                place = find("<", pos, limit)
                while place >= 0:
                    starts.append(place)
                    place = find("<", place + 1, limit)
            if limit - pos >= 4:  # (room for "http" or "www.")
                for mark, there in (("http", scheme), ("www.", www)):
                    place = find(mark, pos, limit) if there else -1
                    while place >= 0:
                        starts.append(place)
                        place = find(mark, place + 1, limit)
            if at:
                place = find("@", pos, limit)
                while place >= 0:
                    first = place
                    least = max(pos, place - 64)
                    while first > least and (
                        text[first - 1].isalnum() or text[first - 1] in "_.+-"
                    ):
                        first -= 1
                    starts.extend(range(first, place + 1))
                    place = find("@", place + 1, limit)
            if dotted and limit - pos >= 3 and find(".", pos, limit) >= 0:
                for dot in _TLD_DOT.finditer(text, pos, limit):
                    host = dot.start()
                    while host > pos and text[host - 1] in _HOST_CHARS:
                        host -= 1
                    starts.append(host)
            if starts:
                for start in sorted(set(starts)) if len(starts) > 1 else starts:
                    if start < pos:
                        continue
                    m = match(text, start)
                    if m is not None:
                        found.append(m)
                        pos = m.end()
        if bracket < 0:
            break
        if bracket < pos:
            continue  # the "[" stands inside a match
        m = None
        if bracket > pos and text[bracket - 1] == "!":
            m = match(text, bracket - 1)  # an image: the earlier place first
        if m is None:
            m = match(text, bracket)
        if m is None:
            pos = bracket + 1
        else:
            found.append(m)
            pos = m.end()
    return found


def _tokens(text: str, refs: dict[str, str], used_refs: set[str]) -> list[_Found]:
    found: list[_Found] = []
    at = "@" in text
    if not at and "://" not in text:
        if not (
            "](" in text
            or "][" in text
            or "www." in text
            or ("." in text and _TLD_DOT.search(text))
        ):
            return found  # most prose, "[00:00] Intro", "e.g.": nothing a token needs
        if not ("[" in text or "<" in text or ("." in text and _DOTTED.search(text))):
            return found  # "x](y": no place a token may start
    matches: Iterable[re.Match[str]]
    if (
        at
        or "://" in text
        or "www." in text
        or "<" in text
        or ("." in text and _TLD_DOT.search(text))
    ):
        matches = _token_matches(text, at)
    else:
        matches = _markdown_tokens(text)  # "[00:12](#t=12) Intro ...": only Markdown can match
    for m in matches:
        branch = m.lastgroup  # the branch's own group: it closes after those inside it
        if branch == "md":
            if m["md"].startswith("!"):
                continue  # an image
            href, label = m["href"].strip(), m["label"]
            if "\\" in label:
                label = label.replace("\\]", "]").replace("\\[", "[")
            if not _is_address(href):
                # "[x](#t=01:50)", a relative path: the label may still hold an address,
                # and so may a target written wrong ("[x]([https://x.rs)", "[x](x.org)").
                inner = _tokens(label, refs, used_refs) if label else []
                found.extend(_Found(m.start(), m.end(), f.url, f.handle, f.label) for f in inner)
                target = _tokens(href, refs, used_refs)
                found.extend(_Found(m.start(), m.end(), f.url, f.handle, label) for f in target)
                continue
            # (_HANDLE_LABEL opens with "@": a label without one is spared the pattern.)
            handle = (
                label.strip() if "@" in label and _HANDLE_LABEL.fullmatch(label.strip()) else None
            )
            found.append(_Found(m.start(), m.end(), href, handle, label))
        elif branch == "ref":
            key = (m["rkey"] or m["rlabel"]).strip().lower()
            if key in refs:
                used_refs.add(key)
                found.append(_Found(m.start(), m.end(), refs[key], None, m["rlabel"]))
        elif branch == "auto":
            found.append(_Found(m.start(), m.end(), _trim_url(m["auto"]), None, None))
        elif branch == "url":
            # _EMBED_SOURCE ends with "=" or a quote: the character before the address.
            if text[m.start() - 1 : m.start()] in _EMBED_ENDS and _EMBED_SOURCE.search(
                text, max(0, m.start() - 6), m.start()
            ):
                continue  # <iframe src="...">, <img src=...>: what a page embeds, not a link
            url = _trim_url(m["url"])
            found.append(_Found(m.start(), m.start() + len(url), url, None, None))
        elif branch == "email":
            found.append(_Found(m.start(), m.end(), "mailto:" + m["email"], None, None))
        elif branch == "handle":
            found.append(_Found(m.start(), m.end(), None, m["handle"], None))
        elif branch == "domain":
            url = _trim_url(m["domain"])
            if "." not in url.split("/")[0]:
                continue
            found.append(_Found(m.start(), m.start() + len(url), url, None, None))
    return found


def _label_text(label: str) -> str:
    """A Markdown label as a reader sees it: "**[Tokio](..)** rocks" -> "Tokio rocks", but
    "[WINDOWS][TOOL]Fire Toolbox" stays as written (brackets, not a reference link)."""
    if "](" in label or "**" in label or "__" in label:
        return render_inline(label)
    return unescape(label)


def _label_before(text: str, start: int) -> str | None:
    """The words before a bare address on its line: "Join our slack community: URL"."""
    before = text[:start]
    # Only the last clause: "Thank you for listening ❤ Check out our sponsors: URL",
    # "Ada Quill (Twitter: URL".
    paren = before.rfind("(")
    if ")" in before[paren:]:
        paren = -1  # "The New China Playbook (Book): URL" keeps its closed parentheses
    # (Each of _SENTENCE_END's branches needs one of its marks: a clause without them is
    # spared the pattern, which has no literal start and is tried at every character.)
    ends = (
        [m.end() - 1 for m in _SENTENCE_END.finditer(before)]
        if "." in before or "!" in before or "?" in before or "❤" in before
        else []
    )
    cut = max(paren, ends[-1] if ends else -1)
    if cut >= 0 and before[cut + 1 :].strip():
        before = before[cut + 1 :]
    before = _unbulleted(before.strip())
    # "| Lara: @x" (a bar between pairs), "Follow me on TikTok; URL".
    before = collapse(render_inline(before)).rstrip(" :;-–—|(").lstrip(" |·").strip()
    # "Tidewater Mattress — go to URL": the words that lead to the address are not its label.
    if before[-1:] in "oOtTeE":  # the last letter of "go to", "visit", "check out", "see", "at"
        # The text is collapsed (one space between words): a match is at most
        # _LEAD_IN_LONGEST characters, at its end, and is sought there only (the pattern
        # has no literal start: sub() would try it at every character).
        lead = _LEAD_IN.search(before, max(0, len(before) - _LEAD_IN_LONGEST))
        if lead is not None:
            before = before[: lead.start()]
    before = before.rstrip(" :;-–—|(").strip()
    if (before[:1] in _FRAGMENT_FIRST or before[-1:] in _FRAGMENT_LAST) and _FRAGMENT.match(before):
        return None  # "..., and she blogs at URL": the middle of a sentence, not a label
    before = before.rstrip(":").strip()
    if not _WORD_CHAR.search(before) or before in ("and", "or", "&") or len(before) > 200:
        return None
    return before


_LABEL_MEMO_LENGTH = 300  # longer clauses are read afresh: the memo stays small


@functools.lru_cache(maxsize=4096)
def _label_of(clause: str) -> str | None:
    """``_label_before(clause, len(clause))``, remembered: the words before an address repeat
    from line to line and note to note ("Follow us on Twitter: ")."""
    return _label_before(clause, len(clause))


def _plain_text(text: str) -> str:
    """A line or label without bullet and markup, whitespace collapsed."""
    return collapse(render_inline(_unbulleted(text)))


def _is_plain(text: str) -> bool:
    """Whether ``text``, already collapsed (as every label and plain line is), is its own
    :func:`_plain_text` and its own ``rendered``: no bullet opens it (_BULLET opens with a
    blank, one of its marks or a digit) and it holds no markup and no character reference
    (what render_inline reads: "[", "*", "__", "&"). Spares the two readings for most.

    >>> _is_plain("Ana Ruiz's newsletter"), _is_plain("- Ana"), _is_plain("**Ana**")
    (True, False, False)
    """
    first = text[:1]
    return not (
        first in _BULLET_OPENERS
        or first.isdecimal()
        or "[" in text
        or "*" in text
        or "__" in text
        or "&" in text
    )


_BULLET_OPENERS = " \t-*•+>"  # "" is in it too: an empty text is read the long way


_PLAIN_MEMO_LENGTH = 300  # longer texts are memoised per note only: the memo stays small


@functools.lru_cache(maxsize=1024)
def _plain_of(text: str) -> str:
    """``_plain_text``, remembered: link lines and labels repeat from note to note."""
    return _plain_text(text)


def _read_name_in(text: str) -> str | None:
    """The name ``text`` is, after the words that may stand before a name, or None (see
    _Linker._person_name)."""
    words = text.split()
    while len(words) > 1 and BEFORE_NAME.search(words[0]):
        words = words[1:]
    name = " ".join(words)
    found = read_name(name)
    if found is None or found[1] != len(name):
        return None
    return found[0]  # "Dr. Ana Ruiz" -> "Ana Ruiz"


def _read_may_name(name: str) -> bool:
    """Whether ``name`` reads as a name whose words name no platform nor a link's label
    (what _Linker._may_be_person asks before the show's name)."""
    found = read_name(name)
    if found is None or found[1] != len(name) or name.isupper() or name[:1].isdigit():
        return False
    return not any(
        word in _NOT_PEOPLE or NOT_A_PERSON.search(word) or platform_of(None, word) is not None
        for word in name.split()
    )


def _read_owner(text: str) -> str | None:
    """The NAME of "Das Buch von NAME", "The website of NAME" (_OWNER_OF) in ``text``: one of
    the owner words stands among its first five words, or None."""
    if _OWNER_WORDS.isdisjoint(text.casefold().split(None, 5)[:5]):
        return None
    owner = _OWNER_OF.match(text)
    return owner["name"] if owner else None


# Pure functions of their text, remembered for a short one (names and labels repeat).
_NAME_MEMO_LENGTH = 300
_name_in = functools.lru_cache(maxsize=4096)(_read_name_in)
_may_name = functools.lru_cache(maxsize=4096)(_read_may_name)
_owner_in = functools.lru_cache(maxsize=4096)(_read_owner)


def _connect_name(text: str) -> str | None:
    """The NAME of "Connect with NAME on ...", "NAME on LinkedIn:" in ``text``, or None."""
    # _CONNECT_WITH opens with one of its five verbs, and _NAME_ON_PLATFORM needs "on": a
    # text without them is spared the pattern.
    connect = (
        _CONNECT_WITH.search(text)
        if "Connect" in text
        or "Chat" in text
        or "Follow" in text
        or "Find" in text
        or "Reach" in text
        else None
    )
    m = connect or (_NAME_ON_PLATFORM.match(text) if "on" in text else None)
    if m is None and not _FOLLOW_WORDS.isdisjoint(text.casefold().split()):
        m = _FOLLOW_ANY.search(text)  # "Suivez Claire sur LinkedIn"
        if m is not None and not m["name"][:1].isupper():
            return None
    return m["name"] if m else None


_CONNECT_MEMO_LENGTH = 300  # longer texts are remembered per note only: the memo stays small
_connect_of = functools.lru_cache(maxsize=4096)(_connect_name)


def _may_open_with_name(line: str) -> bool:
    """Whether _NAME_PREFIX may match ``line``: after its blanks and a bullet ("- ", "* ")
    stands an ASCII capital ("- [X](..)", most link lines, fails at once).

    >>> _may_open_with_name("  - Wes: [X](..)"), _may_open_with_name("- [X](..)")
    (True, False)
    """
    rest = line.lstrip(" \t")
    if rest[:1] in _NAME_BULLETS and rest[1:2] in (" ", "\t"):
        rest = rest[1:].lstrip(" \t")
    return "A" <= rest[:1] <= "Z"


_NAME_BULLETS = ("-", "*", "•")  # _NAME_PREFIX's


class _Linker:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.sponsor_run = False  # a run of sponsor lines is open (see _sponsors)
        self.sponsor_line = False  # this line says its links are sponsors
        self.sponsor_bullets = False  # the run is a list: a line that is no bullet ends it
        self.listen_line = False  # "Boost us with Podcasting 2.0 apps: [A](..) - [B](..)"
        self._connect_memo: dict[str, str | None] = {}
        # "Dr. Maya Lindqvist" alone on a line, then her links: whose the paragraph is.
        self.paragraph_person: str | None = None
        # The first segment of a segment's paragraph, by index, for the segments asked about
        # and those walked past (see _paragraph_start).
        self._paragraph_starts: dict[int, int] = {}
        self._paragraph_names: dict[int, str | None] = {}  # see _name_line_above
        self._plain_memo: dict[str, str] = {}

    def _paragraph_start(self, index: int) -> int:
        """The index of the first segment of the paragraph segment ``index`` stands in (a
        blank line ends a paragraph). Each segment is walked past once in a note: a long
        paragraph of links is not walked again for each of its lines."""
        starts = self._paragraph_starts
        segments = self.ctx.doc.segments
        walked: list[int] = []
        at = index
        while at not in starts:
            if at > 0 and segments[at - 1].line >= segments[at].line - 1:
                walked.append(at)
                at -= 1
            else:
                starts[at] = at
        start = starts[at]
        for i in walked:
            starts[i] = start
        return start

    def _connect(self, text: str) -> str | None:
        """The NAME of "Connect with NAME on ...", "NAME on LinkedIn:" (remembered: a short
        text across notes, labels repeat; a long one in this note, one line has many links)."""
        if len(text) <= _CONNECT_MEMO_LENGTH:
            return _connect_of(text)
        if text not in self._connect_memo:
            self._connect_memo[text] = _connect_name(text)
        return self._connect_memo[text]

    def _plain(self, text: str) -> str:
        """A line or label without bullet and markup, whitespace collapsed (memoised: a
        short one across notes, a long one in this note)."""
        if len(text) <= _PLAIN_MEMO_LENGTH:
            return _plain_of(text)
        plain = self._plain_memo.get(text)
        if plain is None:
            plain = self._plain_memo[text] = _plain_text(text)
        return plain

    def person_for(
        self, line: str, label: str | None, start: int, url: str | None, section: str | None
    ) -> str | None:
        """Whose link this is, from what the line (or its heading) says; None for the show's
        own links."""
        ctx = self.ctx
        # _WHERE_TO_FIND opens with "Where", "Find", "Follow" or "Connect".
        heading = _WHERE_TO_FIND.match(section) if section and section[0] in "WFC" else None
        if (
            heading
            and not _NOT_A_NAME_START.match(heading["name"])
            and heading["name"] not in _NOT_PEOPLE
            and (ctx.podcast or "").casefold() != heading["name"].casefold()
        ):
            person = ctx.find_person(heading["name"])  # "Where to find Owen:"
            return person.name if person else heading["name"]
        # "Ada Quill (Twitter: @adaquill) is ...": a handle in parentheses after a name.
        head = line[max(0, start - 120) : start]
        # The pattern needs a "(": most lines have none before the link.
        before = _NAME_THEN_PAREN.search(head) if "(" in head else None
        if before:
            words = before["name"].split()
            for i in range(len(words)):  # "Auf Stefan (@x)": the name, then its last words
                person = ctx.find_person(" ".join(words[i:]))
                if person:
                    return person.name
            name = self._person_name(before["name"])
            if name and before["platform"] is None and (url is None or is_profile(url)):
                return name  # "Kevin (@kev) and Ana Ruiz (@ana)": a handle's owner
        for text in (label, line):
            if not text:
                continue
            name = _connect_of(text) if len(text) <= _CONNECT_MEMO_LENGTH else self._connect(text)
            if name and name[:1].isupper() and not _NOT_A_NAME_START.match(name):
                if ctx.podcast and name.casefold() == ctx.podcast.casefold():
                    return None
                person = ctx.find_person(name)
                if person is None and " " not in name:  # "Obserwuj Agnieszkę na ...": inflected
                    person = next(
                        (p for p in ctx.people if inflection_of(name, p.name.split()[0])), None
                    )
                return person.name if person else name
        # "Follow Max Lind: URL", "Suivez Claire : URL": the label is a follow word and a
        # name, the known person's, or a full name that may be a person's.
        follow = (
            _FOLLOW_NAME.fullmatch(label)
            if label and " " in label and label.split(None, 1)[0].casefold() in _FOLLOW_WORDS
            else None
        )
        if follow is not None and follow["name"][:1].isupper():
            person = ctx.find_person(follow["name"])
            if person is not None:
                return person.name
            if " " in follow["name"] and self._may_be_person(follow["name"]):
                return str(follow["name"])
        # "Agnieszka na Instagramie", "Дмитрий в Телеграме": a known person's name, up to
        # three words, so that the "on" word is the label's second, third or fourth.
        people = ctx.people  # (a property: read once; nobody is added while links are read)
        if label and " " in label and people:
            words = label.split(None, 4)
            if len(words) >= 3 and not _ON_WORDS.isdisjoint(words[1:4]):
                m = _NAME_ON_PLATFORM_ANY.match(label)
                name = self._inflected_person(m["name"]) if m else None
                if name is not None:
                    return name
        # The label as a reader sees it, read once for both texts below (a label is
        # collapsed: one without markup is its own rendering).
        label_plain = label is not None and _is_plain(label)
        shown_label = label if label is None or label_plain else rendered(label)
        for reading_line in (False, True):
            text = line if reading_line else label
            if not text:
                continue
            if reading_line:
                # The line's words answer only as the label (there is none) or through a
                # possessive, which needs "'" or "’" (or a reference that decodes to one).
                if not label and "'" not in line and "’" not in line and "&" not in line:
                    break
                text = self._plain(line)
                if not text:
                    continue
                if not _is_plain(text):
                    text = self._plain(text)
            elif not label_plain:  # else its own plain text
                text = self._plain(text)
            # Every ending _POSSESSIVE allows holds "'" or "’": without them it cannot match.
            m = _POSSESSIVE.match(text) if "'" in text or "’" in text else None
            if m:
                person = ctx.find_person(m["name"])
                if person:
                    return person.name
                name = self._person_name(m["name"])
                if name and " " in name:
                    return name  # "Ana Ruiz's newsletter": whose link, as written
                if len(m["name"].split()) == 1 and m["name"][:1].isupper():
                    return None
            if text == shown_label:
                person = ctx.find_person(text)
                if person:
                    return person.name
                words = text.split()
                person = ctx.find_person(words[0]) if len(words) == 2 else None
                if person and words[0] != person.name:
                    return person.name
                if len(words) == 2 and people and platform_of(None, words[0]) is not None:
                    whose = self._inflected_person(words[1], whose=True)  # "Телеграм Дмитрия"
                    if whose is not None:
                        return whose
            if people:
                owner = _owner_in(text) if len(text) <= _NAME_MEMO_LENGTH else _read_owner(text)
                person = ctx.find_person(owner) if owner is not None else None
                if person is not None:
                    return person.name  # a known person: "Das Buch von Ann Lee"
        if label and ("'" in label or "’" in label):
            # "SMASH that Subscribe Button on Wes' YouTube": a known name's possessive.
            for pm in _POSSESSIVE_ANY.finditer(collapse(label)):
                person = ctx.find_person(pm["name"])
                if person:
                    return person.name
        social = url is not None and is_profile(url)
        m = _NAME_PREFIX.match(line) if _may_open_with_name(line) else None
        if m:
            person = ctx.find_person(m["name"])
            if person:
                return person.name
        if self.paragraph_person is not None:
            return self.paragraph_person
        if label and social:
            # "Audio Editing: [Ana Ruiz](https://twitter.com/...)": a name that labels a profile.
            found = read_name(label)
            if (
                found
                and found[1] == len(label)
                and len(found[0].split()) >= 2
                and self._may_be_person(found[0])
            ):
                return found[0]
        if label and (url is None or social) and _after_label_colon(line, start, label):
            # "Find us at @show | Lara: @lara | Ana Ruiz: @ana": a name, then its handle.
            person = ctx.find_person(label)
            if person:
                return person.name
            if self._may_be_person(label):
                return label
        if (
            m
            and social
            and " " not in m["name"]
            and m["name"] not in _NOT_PEOPLE
            and not m["name"].isupper()
            and (ctx.podcast is None or m["name"].casefold() not in ctx.podcast.casefold())
        ):
            return m["name"]  # "Wes: [X](x.com/wesbos) [Instagram](...)", kept as written
        return None

    def _inflected_person(self, word: str, whose: bool = False) -> str | None:
        """The person whose first name ``word`` is, as written or inflected (``whose``: in
        the case that says whose, "Телеграм Дмитрия")."""
        person = self.ctx.find_person(word)
        if person is None and " " not in word:
            same = genitive_of if whose else inflection_of
            person = next((p for p in self.ctx.people if same(word, p.name.split()[0])), None)
        return person.name if person else None

    def _person_name(self, text: str) -> str | None:
        """The name of a person that ``text`` holds, without the words that may stand before
        a name ("Journalist Ana Ruiz", "Read Ana Ruiz", "Auf Stefan"), or None."""
        name = _name_in(text) if len(text) <= _NAME_MEMO_LENGTH else _read_name_in(text)
        return name if name is not None and self._may_be_person(name) else None

    def _may_be_person(self, name: str) -> bool:
        """Whether ``name``, read as a name, may be a person's: not the show, not a word of
        a platform or of a link's label ("Website", "Merch", "Twitter", "YouTube")."""
        if not (_may_name(name) if len(name) <= _NAME_MEMO_LENGTH else _read_may_name(name)):
            return False
        show = (self.ctx.podcast or "\0").casefold()
        return not (show in name.casefold() or name.casefold() in show)

    def kind_for(
        self,
        in_sponsors: bool,  # whether the link stands in the sponsors' section
        url: str | None,
        handle: str | None,
        text: str | None,
        platform: str | None,
        person: str | None,
    ) -> LinkKind:
        label = text or ""
        label_kind, label_listen = _label_kind(label)
        if in_sponsors or self.sponsor_run or self.sponsor_line or label_kind == "sponsor":
            return "sponsor"
        community, listen, profile = _address_kind(url) if url is not None else _NO_ADDRESS
        if label_kind == "community" or platform in ("slack", "discord") or community:
            return "community"
        if platform in _LISTEN_PLATFORMS or label_listen or listen or self.listen_line:
            return "listen"
        if handle is not None:
            return "social"
        if platform in _SOCIAL and profile:
            return "social"
        if person is not None and (
            (platform in ("youtube", "telegram") and profile)
            or (platform is None and (_HOME_WORDS.search(label) or label == person))
        ):
            return "social"
        return "reference"

    def links_in(self, seg: Segment, found: list[_Found]) -> list[Link]:
        """The links of a line, from its tokens (``found``, not empty)."""
        text = seg.text
        self._sponsors(seg, found)
        links: list[Link] = []
        # ctx.section_title(seg), and whether the section is the sponsors' (for kind_for),
        # from one lookup of the segment's block.
        block = self.ctx.doc.section_of(seg)
        heading = block.heading
        section = None if heading is None or heading is self.ctx.title else block.title
        in_sponsors = block.kind == "sponsors"
        self.paragraph_person = self._name_line_above(seg)
        head = text[: found[0].start]
        self.listen_line = (
            ":" in head and _may_listen(head) and _LISTEN_INTRO.search(head) is not None
        )
        previous_end = 0
        for item in found:
            label = item.label
            if label is not None:
                label = collapse(_label_text(label)) or None
                if label and item.url and _same_address(label, item.url):
                    label = None
            else:
                clause = text[previous_end : item.start]
                label = (
                    _label_of(clause)
                    if len(clause) <= _LABEL_MEMO_LENGTH
                    else _label_before(clause, len(clause))
                )
                if label is None and previous_end == 0 and item.handle is None:
                    label = self._label_above(seg)
            previous_end = item.end
            line_label = None
            if item.handle:
                window = text[max(0, item.start - 300) : item.start]
                line_label = _label_of(window)  # at most 300 characters
            # (Without a label from the line, the second reading is the first's without
            # a label: None where the first found none.)
            platform = platform_of(item.url, label) or (
                platform_of(item.url, line_label) if line_label is not None else None
            )
            person = self.person_for(text, label, item.start, item.url, section)
            kind = self.kind_for(in_sponsors, item.url, item.handle, label, platform, person)
            links.append(Link(item.url, item.handle, label, section, person, platform, kind))
        if found and self._only_links(text, found, links):
            self.ctx.take(seg)
        return links

    def _sponsors(self, seg: Segment, found: list[_Found]) -> None:
        """Whether this line's links are sponsors: the line says so ("This episode is
        sponsored by ...", "Use code X for 10% off"), or it goes on a run of sponsor lines
        that a heading or a line such as "Support our sponsors!" opened. A bullet goes on
        the run; so does a line that opens with its link or a short name before it
        ("Acme - Visit acme.com/show"); any other line ends it."""
        text = seg.text
        self.sponsor_line = False
        if seg.heading is not None:
            self.sponsor_run = self.ctx.doc.section_of(seg).kind == "sponsors"
            self.sponsor_bullets = False
            return
        if found:
            # The words before the first link and after the last: a sponsor read says so
            # before its addresses or just after one ("URL to get 15% off"); a long
            # paragraph is not read whole.
            first, last = found[0].start, found[-1].end
            self.sponsor_line = _says_sponsor(
                text[max(0, first - _SPONSOR_BEFORE) : first]
            ) or _says_sponsor(text[last : last + _SPONSOR_AFTER])
            if self.sponsor_run:
                bullet = _BULLET.match(text) is not None
                if not bullet:
                    lead = text[:first]
                    self.sponsor_run = (
                        not self.sponsor_bullets
                        and len(lead) <= _SPONSOR_LEAD
                        and len(lead.split()) <= 5
                    )
                self.sponsor_bullets = bullet
            return
        # A line without links opens a run when it announces sponsors ("... our sponsors:")
        # and ends one, unless it is a bullet (the run's list goes on).
        text = text.rstrip()
        announces = text.endswith((":", "!"))
        if not (announces or self.sponsor_run) or _BULLET.match(text) is not None:
            return
        self.sponsor_bullets = False
        self.sponsor_run = announces and _says_sponsor(text[-_SPONSOR_BEFORE:])

    def _name_line_above(self, seg: Segment) -> str | None:
        """The known person whose full name stands alone on the first line of this
        paragraph (the line is taken: it heads their links)."""
        segments = self.ctx.doc.segments
        i = self._paragraph_start(seg.index)
        first = segments[i]
        if first is seg:
            return None
        # The answer is the paragraph's, the same for each of its lines (the people do not
        # change while links are read): remembered by its first segment.
        if i in self._paragraph_names:
            return self._paragraph_names[i]
        name: str | None = None
        if first.heading is None and not any(s.line == first.line for s in segments[i + 1 : i + 2]):
            name = _HONORIFIC_START.sub("", first.text.strip().rstrip(":"))
            person = self.ctx.find_person(name) if " " in name else None
            if person is None or person.name != name:
                name = None
                # "Connect with Maya:", "Where to find Ann Lee:" above the links: a known
                # person's, by any name the notes give them.
                said = first.text.strip()
                where = _WHERE_TO_FIND.match(said) if said[:1].isupper() else None
                person = self.ctx.find_person(where["name"]) if where else None
                if person is not None:
                    name = person.name
                    self.ctx.take(first)
            else:
                self.ctx.take(first)
        self._paragraph_names[i] = name
        return name

    def _label_above(self, seg: Segment) -> str | None:
        """A label on the line above that ends with ":" and holds no address."""
        if seg.index == 0:
            return None
        above = self.ctx.doc.segments[seg.index - 1]
        if above.line == seg.line or not above.text.endswith(":"):
            return None
        if _TOKEN.search(above.text):
            return None
        label = collapse(render_inline(_unbulleted(above.text))).rstrip(":").strip()
        if 0 < len(label.split()) <= 8:
            self.ctx.take(above)
            return label
        return None

    @staticmethod
    def _only_links(text: str, found: list[_Found], links: list[Link]) -> bool:
        rest = []
        previous = 0
        for item in found:
            rest.append(text[previous : item.start])
            previous = item.end
        rest.append(text[previous:])
        between = " ".join(rest)
        words = (
            _words_between(between) if len(between) <= _LABEL_MEMO_LENGTH else _read_words(between)
        )
        if not words:
            return True  # "- [X](..)": nothing but links (and markup)
        covered = set(_LINK_WORDS)
        for link in links:
            for part in (link.text, link.person, link.platform):
                if part:
                    covered |= (
                        _words_of(part)
                        if len(part) <= _LABEL_MEMO_LENGTH
                        else frozenset(_WORD.findall(part.lower()))
                    )
        return covered.issuperset(words)


_LINK_WORDS = frozenset({"on", "and", "or", "at"})  # words between links that say nothing


def _read_words(text: str) -> frozenset[str]:
    """The lower-case words of ``text`` as a reader sees it (markup rendered). No collapse():
    whitespace is never a word character, so the words are the same."""
    return frozenset(_WORD.findall(render_inline(text).lower()))


# Remembered for a short text: what stands around a line's links repeats from note to note.
_words_between = functools.lru_cache(maxsize=4096)(_read_words)


@functools.lru_cache(maxsize=4096)
def _words_of(part: str) -> frozenset[str]:
    """The lower-case words of a link's label, person or platform (remembered: they repeat)."""
    return frozenset(_WORD.findall(part.lower()))


@functools.lru_cache(maxsize=4096)
def _host(url: str) -> str:
    """The host of an address, lower-case, without "www.": "forum.example.org"."""
    # (The pattern is anchored and always matches: what follows its match, where a sub()
    # would go on trying it at every later place.)
    low = url.lower()
    return low[_SCHEME_AND_WWW.match(low).end() :].split("/")[0]  # type: ignore[union-attr]


@functools.lru_cache(maxsize=4096)
def _path(url: str) -> str:
    """The path of an address, without scheme and host: "in/dpbrinkm"."""
    low = url.lower()  # (as in _host: the anchored pattern always matches)
    return low[_PATH_START.match(low).end() :].strip("/")  # type: ignore[union-attr]


@functools.lru_cache(maxsize=4096)
def _address_kind(url: str) -> tuple[bool, bool, bool]:
    """What an address alone says of its link's kind: a community's (a forum, a group, a
    sign-up), a way to listen (a feed, an audio file), a profile's page (remembered)."""
    path = _path(url) if url else ""
    host = _host(url) if url else ""
    community = (
        (_may_be_community(path) and _COMMUNITY_PATH.search(path) is not None)
        or "meetup.com" in host
        or (host.startswith(_COMMUNITY_HOST) and not path)  # the forum, not a thread
    )
    # _LISTEN_PATH's first branch needs a ".", its second "feed" or "rss": a path without
    # them is spared the pattern, which has no literal start.
    listen = ("." in path or "feed" in path or "rss" in path) and (
        _LISTEN_PATH.search(path) is not None
    )
    return community, listen, _looks_like_profile(url)


_COMMUNITY_WORDS = (
    "join",
    "invite",
    "sign",
    "newsletter",
    "subscribe",
    "group",
    "forum",
    "community",
)


def _may_be_community(path: str) -> bool:
    """Whether _COMMUNITY_PATH may match ``path`` (lower-case): an ASCII path needs one of
    its words (another may hold a letter re.IGNORECASE folds into one: "ſ", the Kelvin sign).

    >>> _may_be_community("groups/x"), _may_be_community("in/ana"), _may_be_community("ſignup")
    (True, False, True)
    """
    return not path.isascii() or any(word in path for word in _COMMUNITY_WORDS)


_NO_ADDRESS = (False, False, False)  # a handle's


@functools.lru_cache(maxsize=4096)
def is_profile(url: str) -> bool:
    """A page of a person (or an account) on a social platform: "x.com/ana"."""
    return platform_of(url) in _PROFILE_PLATFORMS and _looks_like_profile(url)


@functools.lru_cache(maxsize=4096)
def _looks_like_profile(url: str) -> bool:
    """A profile's address has one path step ("x.com/name", "github.com/name"), perhaps
    after a kind of account ("linkedin.com/in/name", "youtube.com/c/name").

    >>> _looks_like_profile("https://github.com/bootandy"), _looks_like_profile("https://github.com/a/b")
    (True, False)
    """
    steps = [s for s in _path(url).split("?")[0].split("/") if s]
    if steps and steps[0] in ("watch", "playlist", "shorts", "live", "embed", "status", "p"):
        return False
    if steps and steps[0] in ("in", "company", "c", "channel", "user", "u", "profile", "school"):
        steps = steps[1:2]
    return len(steps) == 1


def _same_address(label: str, url: str) -> bool:
    """The label is the address itself, as written (a shortened "https:/..." too)."""
    if label.strip() == url.strip():
        return True
    if not label.endswith(("...", "…")):
        return False  # (the test below needs it: asked first, before anything is built)

    def bare(s: str) -> str:
        s = _SCHEME.sub("", s.strip().lower())
        return _WWW.sub("", s).rstrip("/")

    return bare(url).startswith(bare(label).rstrip(".…"))


def extract(ctx: Context) -> list[Link]:
    doc = ctx.doc
    linker = _Linker(ctx)
    refs: dict[str, str] = {}
    definition_at: dict[int, tuple[str, str]] = {}  # a definition's key and address by segment
    # "]:" and "```" stand within a line, and a segment is a piece of a line (or lines joined
    # with a space): a text without them has no segment that holds them.
    if "]:" in doc.text:
        for seg in doc.segments:
            m = _REF_DEFINITION.match(seg.text) if "]:" in seg.text else None
            if m and _is_address(m["url"]):
                key = m["key"].strip().lower()
                refs[key] = m["url"]
                definition_at[seg.index] = (key, m["url"])
    used: set[str] = set()
    # Reference uses first, so that a definition used later in the notes counts as used.
    if refs:
        for seg in doc.segments:
            if seg.index not in definition_at:
                _tokens(seg.text, refs, used)
    links: list[Link] = []
    fenced = "```" in doc.text
    in_fence = False
    for seg in doc.segments:
        text = seg.text
        if fenced:
            if text.startswith("```"):
                in_fence = not in_fence
                continue
            if in_fence:
                continue
        if definition_at and seg.index in definition_at:
            key, url = definition_at[seg.index]
            if key not in used:
                section = ctx.section_title(seg)
                links.append(Link(url, None, None, section, None, platform_of(url), "reference"))
            ctx.take(seg)
            continue
        # _tokens's first test, asked here: most segments fail it, and are spared the call.
        if (
            "@" in text
            or "://" in text
            or "](" in text
            or "][" in text
            or "www." in text
            or ("." in text and _TLD_DOT.search(text))
        ):
            found = _tokens(text, refs, used)
        else:
            found = []
        if found and "`" in text:
            # Nothing inside `code` is an address or a handle ("`@page`"), but a Markdown
            # link's label may hold code.
            code = [(m.start(), m.end()) for m in _CODE_SPAN.finditer(text)]
            found = [
                f
                for f in found
                if f.label is not None or not any(a <= f.start < b for a, b in code)
            ]
        if found:
            links.extend(linker.links_in(seg, found))
        elif seg.heading is not None or linker.sponsor_run or text.rstrip().endswith((":", "!")):
            linker._sponsors(seg, found)  # a heading or a line ending ":" may open a run
    return links
