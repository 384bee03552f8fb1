"""Links: addresses written wrong, written twice, or over plain http.

- ``links/malformed`` (error): an address a browser cannot open as written: a broken
  scheme (``https//x``, ``http:/x``, ``htp://x``), a space after ``https://`` or inside a
  Markdown link's address, a Markdown link that is not closed or has no address,
  unbalanced parentheses or brackets in an address.
- ``links/duplicate`` (warning): the same address twice in one section's list of links:
  the same entry written twice, or two entries with different names (a copied address
  that was not changed). The same address again in another section (a recap), twice on
  one line (a sponsor's name and its offer), under the same name in two entries (one
  person credited for two jobs), in prose, and a handle mentioned again are not reported.
- ``links/http`` (warning): ``http://`` to a host that serves https: the known platforms
  and large sites, a top-level domain that only works over https (``.dev``, ``.app``,
  ...), and the hosts on Chromium's HSTS preload list (the ``hstspreload`` package),
  which browsers only ever open over https.
- ``links/plain-http`` (info, opt-in group ``pedantic``): any other ``http://`` address.
  Nothing is fetched, so whether that host serves https is not known.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from episodeparse import recache
from episodeparse.checks.notes import Finding, LinkSpot, Notes, check, quote
from episodeparse.document import heading_kind
from episodeparse.extractors.links import platform_of

__all__ = ["PEDANTIC_GROUP", "duplicate", "http", "https_reason", "malformed", "plain_http"]

PEDANTIC_GROUP = "pedantic"
"""Opt-in checks that are often true but not always a mistake."""

_SCHEME = recache.compile(
    r"""(?<![\w/.:+-])
        (?P<scheme>[Hh][Tt]{1,3}[Pp][Ss]?)   # http, https, and typos: htp, htttps
        (?P<sep>:/{1,5}|/{2,5})              # the separator, right or wrong
        (?=[\w%~.-])                         # then the address""",
    re.VERBOSE,
)
_SPACE_AFTER_SCHEME = recache.compile(
    r"(?<![\w/.:+-])(?P<scheme>[Hh][Tt][Tt][Pp][Ss]?://)[ \t]+(?=[\w-]{1,63}\.[A-Za-z])"
)
_TARGET_WINDOW = 500  # characters: a Markdown link target, or its label
_ADDRESS_START = recache.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]{0,20}://|www\.)", re.IGNORECASE)
_REF_DEFINITION = recache.compile(
    r"^[ \t]{0,3}\[[^\[\]\n]{1,100}\]:[ \t]*<?(?P<url>[^\s<>]{1,2000})>?(?:[ \t].*)?$"
)
_LABEL = recache.compile(r"\[(?:\\.|[^\[\]\n\\]){0,500}\]\(")  # a Markdown link's [label](
_HTTPS_HOSTS = frozenset(
    [
        "reddit.com",
        "redd.it",
        "wikipedia.org",
        "wikimedia.org",
        "google.com",
        "apple.com",
        "amazon.com",
        "microsoft.com",
        "msdn.com",
        "github.io",
        "gitlab.io",
        "wordpress.com",
        "blogspot.com",
        "substack.com",
        "linktr.ee",
        "notion.so",
        "notion.site",
        "eventbrite.com",
        "meetup.com",
        "stackoverflow.com",
        "pypi.org",
        "python.org",
        "npmjs.com",
        "crates.io",
        "docs.rs",
        "rust-lang.org",
        "mozilla.org",
        "w3.org",
        "vimeo.com",
        "soundcloud.com",
        "ko-fi.com",
        "buymeacoffee.com",
        "paypal.com",
        "zoom.us",
        "anchor.fm",
        "libsyn.com",
        "buzzsprout.com",
        "transistor.fm",
        "simplecast.com",
        "megaphone.fm",
        "acast.com",
        "spreaker.com",
        "captivate.fm",
        "podbean.com",
        "podcastindex.org",
        "overcast.fm",
        "pocketcasts.com",
        "castbox.fm",
        "arxiv.org",
        "doi.org",
        "oreilly.com",
        "jetbrains.com",
        "archive.org",
        "nytimes.com",
        "bbc.co.uk",
        "theguardian.com",
    ]
)
# Top-level domains on the HSTS preload list as a whole: their sites only load over https.
_HTTPS_ONLY_TLDS = frozenset(
    [
        "app",
        "bank",
        "boo",
        "channel",
        "dad",
        "day",
        "dev",
        "eat",
        "esq",
        "fly",
        "foo",
        "how",
        "ing",
        "insurance",
        "meme",
        "mov",
        "new",
        "page",
        "phd",
        "prof",
        "rsvp",
        "soy",
        "zip",
    ]
)


def _host(url: str) -> str:
    """The host of an address, lower case, without ``www.`` and port."""
    rest = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*://", "", url)
    host = re.split(r"[/?#]", rest, maxsplit=1)[0].split("@")[-1].split(":")[0].lower()
    return host[4:] if host.startswith("www.") else host


def _key(spot: LinkSpot) -> str:
    """An address as compared for duplicates: no scheme, no ``www.``, no trailing ``/``,
    host in lower case (the path as written)."""
    link = spot.link
    if link.url is None:
        return (link.handle or "").lower()
    rest = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*:(?://)?", "", link.url)
    host, _, path = rest.partition("/")
    host = host.lower()
    host = host[4:] if host.startswith("www.") else host
    return (host + "/" + path).rstrip("/")


def _fenced_lines(notes: Notes) -> frozenset[int]:
    return frozenset(seg.line for seg in notes.document.segments if seg.index in notes.fenced)


def _markdown_targets(line: str) -> Iterator[tuple[int, str]]:
    """(offset, problem) for each Markdown link target on ``line`` that is broken. Each
    target is looked for within ``_TARGET_WINDOW`` characters, so a long line of broken
    links costs time in proportion to its length."""
    start = line.find("](")
    while start >= 0:
        begin = start + 2
        window = line[begin : begin + _TARGET_WINDOW]
        close = window.find(")")
        target = window if close < 0 else window[:close]
        label_open = line.rfind("[", max(0, start - _TARGET_WINDOW), start)
        stripped = target.strip()
        if close >= 0 and not stripped and label_open >= 0 and line[label_open + 1 : start]:
            yield start, "a Markdown link with no address"
        elif stripped.startswith("(") and _ADDRESS_START.match(stripped[1:]):
            yield begin, 'a doubled "(" before the address: write "](" once'
        elif _ADDRESS_START.match(stripped):
            parts = stripped.split()
            if close < 0:
                yield begin, f'Markdown link not closed: ")" is missing after {quote(parts[0])}'
            elif len(parts) > 1 and not parts[1].startswith(('"', "'", "(")):
                yield begin, f"space inside the address {quote(stripped)}: write %20"
        start = line.find("](", begin)


# A bare address that ends at its host, then one space and what reads as the rest of a
# host name with a top-level domain: "https://www.insta gram.com/x".
_SPLIT_HOST = recache.compile(
    r"""(?<![\w/.:+(\[-])(?P<url>[Hh][Tt][Tt][Pp][Ss]?://[\w-]{1,63}(?:\.[\w-]{1,63}){0,5})
        (?P<gap>[ \t])
        (?P<rest>[a-z0-9][a-z0-9-]{0,62}\.(?:com|org|net|io|dev|app|fm|co|de|me|tv|ly|gg|be)
        (?:/[^\s]{0,200})?)(?![\w.])""",
    re.VERBOSE,
)


def _unbalanced(url: str) -> str | None:
    for opening, closing in (("(", ")"), ("[", "]")):
        if url.count(opening) != url.count(closing):
            return f"unbalanced {opening}{closing} in {quote(url)}"
    return None


@check("links/malformed", "error", "an address a browser cannot open as written")
def malformed(notes: Notes) -> Iterator[Finding]:
    """Why: A broken address is a dead link for every listener.

    Example::

        https//x.org, [A](https://x.org, [A]((https://x.org), https://www.insta gram.com/x

    Fix::

        https://x.org, [A](https://x.org), https://www.instagram.com/x
        (--fix repairs those that are certain)
    """
    found: dict[tuple[int, int], str] = {}
    fenced = _fenced_lines(notes)
    for number, text in enumerate(notes.lines, start=1):
        if number in fenced:
            continue
        labels = [(m.start(), m.end()) for m in _LABEL.finditer(text)]
        for m in _SCHEME.finditer(text):
            scheme, sep = m["scheme"], m["sep"]
            if scheme.lower() in ("http", "https") and sep == "://":
                continue
            if any(a < m.start() < b for a, b in labels):
                continue  # a label ("[https:/...](https://x)") is text, not the address
            right = "https" if scheme.lower().endswith("s") else "http"
            found.setdefault(
                (number, m.start() + 1),
                f'{scheme}{sep}... is not an address: write "{right}://"',
            )
        for m in _SPACE_AFTER_SCHEME.finditer(text):
            found.setdefault((number, m.start() + 1), f'a space after "{m["scheme"]}": remove it')
        for offset, problem in _markdown_targets(text):
            found.setdefault((number, offset + 1), problem)
        if "://" in text and (" " in text or "\t" in text):
            for m in _SPLIT_HOST.finditer(text):
                found.setdefault(
                    (number, m.start() + 1),
                    f"a space inside the address {quote(m['url'] + ' ' + m['rest'])}: remove it",
                )
    for spot in notes.link_spots:
        unbalanced = _unbalanced(spot.link.url) if spot.link.url else None
        if unbalanced:
            found.setdefault((spot.line, spot.column), unbalanced)
    for (line, column), message in sorted(found.items()):
        yield Finding(line, column, message)


_BULLET = recache.compile(r"^[ \t]*(?:[-*+•·][ \t]|\d{1,3}[.)][ \t])")
_ENTRY_WORDS = 12  # a line with more words besides its addresses is prose, not a list entry


def _entry(notes: Notes, line: int) -> str | None:
    """The line as a list entry (stripped), or None where the line is prose."""
    if not 1 <= line <= len(notes.lines):
        return None
    text = notes.lines[line - 1].strip()
    if _BULLET.match(text):
        return text
    words = [w for w in text.split() if "://" not in w and not w.startswith("www.")]
    return text if len(words) <= _ENTRY_WORDS else None


@check("links/duplicate", "warning", "the same address twice in one section's link list")
def duplicate(notes: Notes) -> Iterator[Finding]:
    """Why: The same address twice in a list of links is a repeated entry, or a copied
    address that was not changed.

    Example::

        - [Site](https://a.org)
        - [Code](https://a.org)

    Fix::

        - [Site](https://a.org)
        - [Code](https://code.a.org)
    """
    defined = {
        m["url"] for seg in notes.document.segments if (m := _REF_DEFINITION.match(seg.text))
    }
    first: dict[tuple[str | None, str], LinkSpot] = {}
    for spot in notes.link_spots:
        url = spot.link.url
        if url is None or url in defined:
            continue  # a handle mentioned again; a reference link [label][ref] used twice
        if not _ADDRESS_START.match(url):
            continue  # a bare domain in prose ("on podcastindex.org") is a mention
        key = (spot.link.section, _key(spot))
        seen = first.setdefault(key, spot)
        if seen is spot or seen.line == spot.line:
            continue
        entry, earlier = _entry(notes, spot.line), _entry(notes, seen.line)
        if entry is None or earlier is None:
            continue
        same_entry = entry == earlier
        # two entries of a list of links that name different things: "- [Site](u)" then
        # "- [Code](u)", or "Notes: u" then "Code: u" under a "Links" heading
        listed = (_BULLET.match(entry) is not None and _BULLET.match(earlier) is not None) or (
            spot.link.section is not None and heading_kind(spot.link.section) == "links"
        )
        renamed = listed and spot.link.text != seen.link.text
        if not (same_entry or renamed):
            continue  # one name, two entries: a person credited for two jobs
        section = spot.link.section
        where = f'under "{section}"' if section else "before the first heading"
        what = (
            "the same entry again"
            if same_entry
            else f"also named {quote(seen.link.text or earlier, 40)}: was the address copied?"
        )
        yield Finding(
            spot.line,
            spot.column,
            f"{url} is already linked on line {seen.line} {where}: {what}",
        )


@functools.lru_cache(maxsize=4096)
def https_reason(host: str) -> str | None:
    """Why ``host`` (lower case, no ``www.``) is known to serve https, or None.

    >>> https_reason("engine.dev"), https_reason("old.reddit.com"), https_reason("x.invalid")
    ('.dev sites only load over https', 'old.reddit.com serves https', None)
    """
    tld = host.rsplit(".", 1)[-1]
    if tld in _HTTPS_ONLY_TLDS:
        return f".{tld} sites only load over https"
    if platform_of("https://" + host + "/") is not None or any(
        host == known or host.endswith("." + known) for known in _HTTPS_HOSTS
    ):
        return f"{host} serves https"
    if _preloaded(host):
        return f"{host} is on the HSTS preload list: browsers only open it over https"
    return None


def _preloaded(host: str) -> bool:
    """Whether Chromium's HSTS preload list (the ``hstspreload`` package, imported only
    when an http:// address is checked) holds ``host`` or, with subdomains, a parent."""
    if not host or "." not in host:
        return False
    import warnings

    import hstspreload  # type: ignore[import-untyped]  # the package ships no type hints

    with warnings.catch_warnings():  # it opens its data with a deprecated importlib call
        warnings.simplefilter("ignore", DeprecationWarning)
        return any(bool(hstspreload.in_hsts_preload(name)) for name in (host, "www." + host))


def _http_spots(notes: Notes) -> Iterator[tuple[LinkSpot, str, str | None]]:
    for spot in notes.link_spots:
        url = spot.link.url
        if url is None or not url.lower().startswith("http://"):
            continue
        host = _host(url)
        yield spot, url, https_reason(host)


@check("links/http", "warning", "a plain http:// link to a site that serves https")
def http(notes: Notes) -> Iterator[Finding]:
    """Why: Browsers open these hosts only over https (HSTS preload list, platforms, https-
    only domains); an http:// link costs a redirect or fails.

    Example::

        http://twitter.com/ada, http://torproject.org/

    Fix::

        https://twitter.com/ada (--fix rewrites it)
    """
    for spot, url, why in _http_spots(notes):
        if why is not None:
            yield Finding(spot.line, spot.column, f"{url} uses http://: {why}; write https://")


@check(
    "links/plain-http",
    "info",
    "a plain http:// link (whether the site serves https is not known)",
    group=PEDANTIC_GROUP,
)
def plain_http(notes: Notes) -> Iterator[Finding]:
    """Why: Opt-in (group pedantic): nothing is fetched, so whether the host serves https
    is not known.

    Example::

        http://example.org/notes

    Fix::

        https://example.org/notes, if the site serves it
    """
    for spot, url, why in _http_spots(notes):
        if why is None:
            yield Finding(
                spot.line,
                spot.column,
                f"{url} uses http://: if the site serves https, write https://",
            )
