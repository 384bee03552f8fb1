"""People found from the notes' structure rather than from their sentences.

Contract: adds people to the context (returns nothing); runs after ``people`` and ``bios``,
and leaves anyone they found as they found them. The cue needs no sentence, so that it
holds in any language: a name, then its handle (or profile address) in parentheses,
"with Kevin (@kev) and Mina Sato (@minasato)", "Jonas (@jonas) - ...": the episode's guest
(a handle is how notes introduce a guest), or a host where a role word of
``cues/roster.json`` leads to it ("Hosted by Cy Moor (@cy)"). Not in a credit ("Music by
Ana (@ana)", "Thanks to Bo (@bo)"), a quote's attribution ("— Ana (@ana)") nor inside a
link's label. (A role word before names in parentheses, "guest (Ana Ruiz)", was tried:
no note of the corpus nor item of its feeds writes it, so it did not land.)

A name here is one to four words that each open with a capital, or words of a script
without capitals (Hebrew, Chinese, Japanese); never a word of a platform or of a link's
label ("Twitter", "Website"), nor the show's name.
"""

from __future__ import annotations

import functools

from episodeparse import cues, recache
from episodeparse.extractors import Context, read_name
from episodeparse.extractors.links import BEFORE_NAME, NOT_A_PERSON, is_profile, platform_of
from episodeparse.model import Role

__all__ = ["extract"]

_HANDLE = recache.compile(r"@[A-Za-z_]\w{0,38}")
_MAX_WORDS = 4
_CLOSE = {"(": ")", "（": "）"}


@functools.cache
def _roles() -> dict[str, Role]:
    """Each role word, case-folded, and the role it names."""
    out: dict[str, Role] = {}
    groups: tuple[tuple[str, Role], ...] = (("guest", "guest"), ("host", "host"))
    for group, role in groups:
        for word in cues.words("roster", group):
            folded = word.casefold()
            out[folded] = "co-host" if folded.startswith("co") and "host" in folded else role
    return out


@functools.cache
def _credits() -> frozenset[str]:
    return frozenset(w.casefold() for w in cues.words("roster", "credit"))


def _is_caseless(char: str) -> bool:
    """A letter of a script without capitals (Hebrew, Chinese, Japanese, ...)."""
    return char.isalpha() and not char.isupper() and not char.islower()


def _name_word(word: str) -> bool:
    if not word or not (word[0].isupper() or _is_caseless(word[0])):
        return False
    return all(c.isalpha() or c in "'’.-" for c in word)


def _name_before(text: str, end: int) -> tuple[str, int] | None:
    """The name that ends right before ``end`` (blanks aside), and where it starts."""
    words: list[str] = []
    start = end
    head = text[:end].rstrip()
    if len(head) == len(text[:end]) and head:
        return None  # "Name(@x)" glued: a code call, not a name
    pos = len(head)
    while len(words) < _MAX_WORDS + 1 and pos > 0:
        cut = max(head.rfind(" ", 0, pos), head.rfind("\t", 0, pos))
        word = head[cut + 1 : pos]
        if not _name_word(word) or (words and word[-1] in ".'’"):
            break
        words.insert(0, word)
        start = cut + 1
        pos = cut
    while len(words) > 1 and BEFORE_NAME.search(words[0]):
        start += len(words[0]) + 1
        words = words[1:]
    if not words or len(words) > _MAX_WORDS:
        return None
    return " ".join(words), start


def _role_in_clause(text: str, start: int) -> Role | None:
    """The role the clause before ``start`` gives the name there: "Hosted by" a host,
    "with" (no role word) a guest; None for a credit ("Music by", "Thanks to") or the
    attribution of a quote."""
    clause = text[:start]
    if clause.rstrip().endswith(("—", "―", "--")):
        return None  # "... was great — Ana Ruiz (@ana) May 10": a quoted post's author
    for mark in (". ", "! ", "? ", "|", "•", " - ", " – ", ", ", ")", ";"):
        at = clause.rfind(mark)
        if at != -1:
            clause = clause[at + len(mark) :]
    words = [word.strip(":,;()[]").casefold() for word in clause.split()]
    roles = _roles()
    for word in reversed(words):
        if word in roles:
            return roles[word]
    credits = _credits()
    return None if any(word in credits for word in words) else "guest"


class _Roster:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.show = (ctx.podcast or "\0").casefold()

    def person(self, name: str) -> str | None:
        """``name`` if it may be a person's: not the show's name, not a platform's or a
        label's word; honorifics dropped ("Dr. Ana Ruiz" -> "Ana Ruiz")."""
        if not _is_caseless(name[0]):
            found = read_name(name)
            if found is None or found[1] != len(name):
                return None
            name = found[0]
        folded = name.casefold()
        if name.isupper() or self.show in folded or folded in self.show:
            return None
        for word in name.split():
            if NOT_A_PERSON.search(word) or platform_of(None, word) is not None:
                return None
        return name

    def add(self, name: str, role: Role) -> None:
        if self.ctx.find_person(name) is None:
            self.ctx.add_person(name, role)

    def handle_after_name(self, text: str, at: int, inner: str, close: int) -> None:
        """ "Kevin (@kev)": a guest, unless a credit or a link's label."""
        if not (_HANDLE.fullmatch(inner) or (inner.startswith("http") and is_profile(inner))):
            return
        if text[close + 1 : close + 2] == "]":
            return  # "[Ana Ruiz (@ana)](https://...)": a link's label
        found = _name_before(text, at)
        if found is None or text[: found[1]].endswith("["):
            return
        role = _role_in_clause(text, found[1])
        name = self.person(found[0]) if role else None
        if name and role:
            self.add(name, role)


_OPENERS = ("(@", "(http", "（@")  # where a handle or an address opens in parentheses


def extract(ctx: Context) -> None:
    roster = _Roster(ctx)
    for seg in ctx.doc.segments:
        text = seg.text
        # Sought as substrings: most lines hold no "(@" and are passed over at C speed.
        if not ("(@" in text or "(http" in text or "（@" in text):
            continue
        for opener in _OPENERS:
            at = text.find(opener)
            while at != -1:
                close = text.find(_CLOSE[text[at]], at + 1, at + 120)
                if close == -1:
                    break
                if text[at - 1 : at] != "]":  # "[label](https://...)" is a Markdown link
                    roster.handle_after_name(text, at, text[at + 1 : close].strip(), close)
                at = text.find(opener, close + 1)
