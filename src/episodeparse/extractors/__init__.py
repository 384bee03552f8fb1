"""Section extractors: one module per part of the record.

Every extractor exposes ``extract(ctx: Context) -> value``. The shared :class:`Context` holds
the document, the people found so far and the segments already taken by a field, so that
``pipeline`` can hand whatever no extractor took to ``leftovers``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

from episodeparse import cues, recache
from episodeparse.document import Document, Segment
from episodeparse.model import Role
from episodeparse.slotted import Slotted

__all__ = [
    "Context",
    "PersonDraft",
    "name_before",
    "names_at",
    "places_before",
    "read_name",
    "word_ending_at",
    "word_starts",
]


class PersonDraft(Slotted):
    """A person while the record is being built; frozen into ``model.Person`` at the end."""

    __slots__ = ("affiliation", "aliases", "bio", "name", "role")
    name: str
    role: Role
    affiliation: str | None
    aliases: list[str]
    bio: str | None

    def __init__(
        self,
        name: str,
        role: Role,
        affiliation: str | None = None,
        aliases: list[str] | None = None,
        bio: str | None = None,
    ) -> None:
        self.name = name
        self.role = role
        self.affiliation = affiliation
        self.aliases = [] if aliases is None else aliases
        self.bio = bio

    def names(self) -> list[str]:
        return [self.name, *self.aliases]

    @property
    def first_name(self) -> str:
        return self.name.split()[0]


_PARTICLES = frozenset(
    [
        "van",
        "von",
        "der",
        "den",
        "de",
        "la",
        "le",
        "du",
        "da",
        "di",
        "del",
        "della",
        "dos",
        "das",
        "bin",
        "ibn",
        "al",
        "el",
    ]
)
_NOBLE_TITLES = frozenset(["Sir", "Lord", "Lady", "Dame", "King", "Queen", "Saint"])
# Titles before a name, dropped from it ("Dr.", "Rep.", "Frau"), in every language of the cues.
_HONORIFICS = frozenset(w.lower() for w in cues.words("people", "title"))
# Job words that may stand before a name ("Journalist Grace Medford joins us"): skipped when
# a name of two words or more follows them.
_ROLE_WORDS = frozenset(
    {
        "journalist",
        "novelist",
        "author",
        "writer",
        "comedian",
        "actor",
        "actress",
        "singer",
        "musician",
        "artist",
        "director",
        "producer",
        "professor",
        "scientist",
        "researcher",
        "engineer",
        "developer",
        "founder",
        "ceo",
        "cto",
        "historian",
        "economist",
        "reporter",
        "presenter",
        "broadcaster",
        "poet",
        "filmmaker",
    }
)
_ROLE_WORDS |= frozenset(w.casefold() for w in cues.words("people", "job") if " " not in w)
# Words that open a job before a name ("Former Senator Ann Lee", "senior editor Bo Yu").
_JOB_MODIFIERS = frozenset(w.casefold() for w in cues.words("people", "job_modifier"))
_NAME_WORD = recache.compile(r"[^\W\d_][\w'’.-]{0,40}|\d[^\W\d_][\w'’-]{0,40}")
# Capitalised words that are no name and end one: articles, prepositions, pronouns,
# connectives ("Plus,", "Außerdem"), labels, in every language of the cues.
_NOT_NAME_WORDS = frozenset(cues.words("people", "not_name"))


def _is_camel(word: str) -> bool:
    """A lower-case word with a capital inside, which goes on a name ("deGrasse", "al-Amin").

    >>> _is_camel("deGrasse"), _is_camel("degrasse"), _is_camel("iPhone")
    (True, False, True)
    """
    return len(word) > 2 and word[0].islower() and not word.isupper() and word != word.lower()


def _is_cap(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def read_name(text: str, start: int = 0, *, max_words: int = 4) -> tuple[str, int] | None:
    """Read a person's name (capitalised words, with particles) at ``start``.

    Returns the name and the offset after it, or None. Honorifics are skipped; "of" joins
    a name only after a title such as "Sir".

    >>> read_name("Sir Alban of Dorset joins")
    ('Sir Alban of Dorset', 19)
    >>> read_name("Dr. Ned Halvorsen discuss")
    ('Ned Halvorsen', 17)
    >>> read_name("Maximiliano de la Paz has")
    ('Maximiliano de la Paz', 21)
    >>> read_name("Kit Marlowe of Quillon, Culture")
    ('Kit Marlowe', 11)
    >>> read_name('Oluwaseun "Seun" Adebayo, a designer')
    ('Oluwaseun Adebayo', 24)
    >>> read_name("Ada deMarco Lane and")
    ('Ada deMarco Lane', 16)
    >>> read_name("the host") is None
    True
    """
    if len(text) <= _NAME_MEMO_LENGTH:
        return _read_name_memo(text, start, max_words)
    return _read_name(text, start, max_words)


def _read_name(text: str, start: int, max_words: int) -> tuple[str, int] | None:
    """:func:`read_name`, read afresh."""
    if "A" <= text[start : start + 1] <= "Z":
        simple = _simple_name(text, start, max_words)
        if simple is not _UNSURE:
            return simple
    words: list[str] = []
    pending: list[str] = []  # particles waiting for the capitalised word they lead to
    end = start
    pos = start
    size = len(text)
    while True:
        while pos < size and text[pos] in " \t":
            pos += 1
        if pos >= size:
            break  # no word
        if words and not pending and text[pos] in _NICKNAME_OPENERS:
            nick = _NICKNAME.match(text, pos)
            if nick:
                # 'Oluwaseun "Seun" Adebayo': the nickname is an alias, not part of the name.
                pos = nick.end()
                end = pos
                continue
        m = _NAME_WORD.match(text, pos)
        if m is None or (words and pos == end):
            break  # no word, or no space between words
        word = m.group(0)
        if not words:
            low = word.lower()
            if low in _HONORIFICS:
                pos = m.end()
                end = pos
                continue
            if low in _ROLE_WORDS or low in _JOB_MODIFIERS:
                rest = read_name(text, m.end(), max_words=max_words)
                if rest is not None and " " in rest[0]:
                    return rest
        initial = word[0]
        if initial.isupper() or initial.isdigit():
            bare = word.rstrip(".")
            if bare in _NOT_NAME_WORDS:
                if not words:
                    return None
                break
            sentence_end = len(bare) > 2 and len(bare) < len(word)
            possessive = bare.endswith(("'s", "’s"))
            word = bare[:-2] if possessive else (bare if sentence_end else word)
            if pending:
                words.extend(pending)
                pending = []
            word = word.rstrip("'’")
            words.append(word)
            end = pos + len(word)
            pos = m.end()
            if sentence_end or possessive or len(words) > max_words + 2:
                break
        elif words and (
            word.lower() in _PARTICLES
            or (word == "of" and words[0] in _NOBLE_TITLES)
            or _is_camel(word)
        ):
            pending.append(word)
            pos = m.end()
        else:
            break
    if not words or (len(words) > max_words and len([w for w in words if _is_cap(w)]) > max_words):
        return None
    if len(words) > 1 and words[-1] in _ORGANISATION:
        return None  # "Tor Project", "Acme Labs": an organisation
    return " ".join(words), end


# read_name is a pure function of its text, place and bound: remembered for a short text
# (a sentence, a line; callers read names at several cues of one, and lines repeat across
# a show's notes); a longer one, such as a whole note, is read afresh.
_NAME_MEMO_LENGTH = 300
_read_name_memo = functools.lru_cache(maxsize=4096)(_read_name)

# The last word of an organisation's name ("Tor Project"), in every language of the cues.
_ORGANISATION = frozenset(cues.words("people", "organisation"))
# The common name: capitalised ASCII words, one space apart.
_SIMPLE_RUN = recache.compile(r"[A-Z][a-z]{1,30}(?: [A-Z][a-z]{1,30}){0,5}")
_UNSURE: tuple[str, int] = ("", -1)  # _simple_name's "read it word by word"
_PARTICLE_HEADS = frozenset(word[:2] for word in (*_PARTICLES, "of"))
_GOES_ON_WORD = "_'’.-"  # besides letters and digits, what may go on a word
# A first word (lower-case) that read_name reads its own way: a title, a job, a job's modifier.
_OPENERS = _HONORIFICS | _ROLE_WORDS | _JOB_MODIFIERS


def _simple_name(text: str, start: int, max_words: int) -> tuple[str, int] | None:
    """What :func:`read_name` answers at ``start`` where a run of simple capitalised words
    stands there and settles it (one pattern, not one per word); else ``_UNSURE``."""
    run = _SIMPLE_RUN.match(text, start)
    if run is None:
        return _UNSURE
    words = run[0].split(" ")
    if len(words) > max_words or words[0].lower() in _OPENERS:
        return _UNSURE
    if len(words) > 1 and not _ORGANISATION.isdisjoint(words[1:]):
        return _UNSURE  # read word by word: the name may end before it
    # The run's last word is the reader's whole word only where no word character follows.
    end = run.end()
    after = text[end : end + 1]
    whole = after == "" or not (after.isalnum() or after in _GOES_ON_WORD)
    if not _NOT_NAME_WORDS.isdisjoint(words):  # (most runs hold none: no walk)
        for count, word in enumerate(words if whole else words[:-1]):
            if word in _NOT_NAME_WORDS:  # the name ends before it
                if count == 0:
                    return None
                name = " ".join(words[:count])
                return name, start + len(name)
    if not whole:
        return _UNSURE
    # The name ends with the run only where nothing after it can go on the name.
    if after in (" ", "\t"):
        pos = end + 1
        while text[pos : pos + 1] in (" ", "\t"):
            pos += 1
        after = text[pos : pos + 1]
        if "a" <= after <= "z":
            if text[pos : pos + 2].lower() not in _PARTICLE_HEADS:
                return run[0], end  # no particle, nor "of", opens so
            m = _NAME_WORD.match(text, pos)
            word = m[0] if m else ""
            if word == "of" or word.lower() in _PARTICLES or _is_camel(word):
                return _UNSURE
            return run[0], end
        if after == "" or not (after.isalnum() or after in _GOES_ON_WORD):
            return _UNSURE if after and after in _NICKNAME_OPENERS else (run[0], end)
        return _UNSURE
    return _UNSURE if after and after in _NICKNAME_OPENERS else (run[0], end)


_NICKNAME = recache.compile(r"[\"“'‘][A-Z][\w'’-]{0,20}[\"”'’](?=[ \t]+[A-Z])")
_NICKNAME_OPENERS = "\"“'‘"  # the characters _NICKNAME opens with
_QUOTES_AFTER = (' "', " “", " '", " ‘")
_QUOTED_WORD = 64  # longest first name sought through _ends_before_quotes


def _ends_before_quotes(text: str) -> set[str]:
    """Every word that ``text`` holds right before one of ``_QUOTES_AFTER``: each end (up
    to _QUOTED_WORD characters) of the run of non-blanks before it, so that ``word in
    found`` is ``any(word + q in text for q in _QUOTES_AFTER)`` for a word without blanks.
    Found in one pass over the quotes, not one over the notes for each person.

    >>> sorted(_ends_before_quotes('Ann "Nan" Lee, x.Bo ‘B’'))
    ['.Bo', 'Ann', 'Bo', 'n', 'nn', 'o', 'x.Bo']
    """
    found: set[str] = set()
    for quote in _QUOTES_AFTER:
        at = text.find(quote)
        while at != -1:
            start = at
            while start > 0 and at - start < _QUOTED_WORD and not text[start - 1].isspace():
                start -= 1
            found.update(text[i:at] for i in range(start, at))
            at = text.find(quote, at + 1)
    return found


# "[ \t]*" then "[ \t]+and" would try every split of a run of blanks: one blank stands for "+".
# The word joining the last name of a list, in every language of the cues ("and", "und", "y").
_JOIN_WORDS = cues.alternation("people", "join")
_LIST_JOIN = recache.compile(
    rf"[ \t]*(?:,[ \t]*(?:(?:{_JOIN_WORDS})[ \t]+)?|[ \t](?:{_JOIN_WORDS})[ \t]+)"
)
_JOIN_OPENERS = (",", " ", "\t")  # the characters _LIST_JOIN opens with


_AFTER_NAME_PAREN = recache.compile(r"[ \t]*\([^()\n]{0,200}\)")
# No credit list is longer; and callers read names at every cue of a line, so an unbounded
# list ("Aa, Aa, Aa, ..." for a megabyte) would be read once per cue: quadratic.
MAX_LIST_NAMES = 24


def names_at(text: str, pos: int = 0) -> tuple[list[str], int]:
    """Names at ``pos`` joined by commas, "and" or "&"; the names and the end offset.

    After a full name, a single capitalised word is not taken as a further name.

    >>> names_at("Pip Galloway, Rhea Moss and Oscar Lind discuss")
    (['Pip Galloway', 'Rhea Moss', 'Oscar Lind'], 38)
    >>> names_at("Scott and Wes chat")
    (['Scott', 'Wes'], 13)
    >>> names_at("Kit Marlowe, Culture and Architecture")
    (['Kit Marlowe'], 11)
    >>> names_at("Ada Lind, Bo Berg und Cem Ak führten")
    (['Ada Lind', 'Bo Berg', 'Cem Ak'], 28)
    >>> names_at("Ines Kowalczyk (@ines) and Ravi Menon (@ravi)")
    (['Ines Kowalczyk', 'Ravi Menon'], 37)
    """
    names: list[str] = []
    ends: list[int] = []
    joins: list[str] = []
    nxt: tuple[str, int] | None = None
    has_paren = "(" in text
    # read_name without its own call: the memo, or the reading, as it would choose.
    read = _read_name_memo if len(text) <= _NAME_MEMO_LENGTH else _read_name
    # Names are words joined by single spaces: "one word" is "no space".
    while len(names) < MAX_LIST_NAMES:
        found = read(text, pos, 4) if nxt is None else nxt  # nxt: read at pos already
        if found is None:
            break
        if names and " " not in found[0] and " " in names[0]:
            break
        names.append(found[0])
        pos = found[1]
        ends.append(pos)
        # "Ines Kowalczyk (@ines_codes) and Ravi Menon": a parenthesis after a name.
        paren = _AFTER_NAME_PAREN.match(text, pos) if has_paren else None
        if paren:
            pos = paren.end()
        # A join opens with a comma or a blank.
        m = _LIST_JOIN.match(text, pos) if text[pos : pos + 1] in _JOIN_OPENERS else None
        if not m or m.end() == pos:
            break
        nxt = read(text, m.end(), 4)
        if nxt is None or (" " not in nxt[0] and " " in names[0]):
            break
        joins.append(m.group(0))
        pos = m.end()
    # "A, B and C" is a list; "A, Principal Engineer at X" is a name and an apposition.
    # (A join holds "and" only as a word, so the word tests are substring tests.)
    if joins and not any(_has_word(j) for j in joins):
        return names[:1], ends[0]
    while joins and not _has_word(joins[len(names) - 2]):
        names.pop()
        ends.pop()
        joins.pop()
    return names, ends[-1] if ends else pos


def _has_word(join: str) -> bool:
    """Whether a join holds a word ("and", "und", "&"), not a comma alone."""
    return bool(join.strip(" \t,"))


def name_before(text: str, pos: int) -> str | None:
    """The name that ends just before ``pos`` ("... producer Warren Fitzhugh| interviews").

    >>> name_before("First time guest host, Oscar Lind talks with", 33)
    'Oscar Lind'
    """
    words = text[:pos].split()
    taken: list[str] = []
    for word in reversed(words[-5:]):
        if not (_is_cap(word) or (taken and _is_camel(word))) or word.rstrip(",.:;") != word:
            break
        taken.insert(0, word)
    while taken:
        candidate = " ".join(taken)
        found = read_name(candidate)
        if found and found[1] == len(candidate):
            return found[0]
        taken.pop(0)
    return None


def word_starts(text: str, word: str, joiners: str = "") -> Iterator[int]:
    """Where ``word`` stands alone in ``text``, left to right: what
    ``re.finditer(r"(?<![\\wJ])" + re.escape(word) + r"(?![\\wJ])", text)`` finds, J being
    ``joiners``, without compiling a pattern per name (that was a fifth of the parse time).

    >>> list(word_starts("Ann, Anna, Ann-Marie, Ann", "Ann", "-"))
    [0, 22]
    """
    if not word:
        yield from (m.start() for m in re.finditer(f"(?<![\\w{joiners}])(?![\\w{joiners}])", text))
        return
    size = len(word)
    length = len(text)
    at = text.find(word)
    while at >= 0:
        end = at + size
        # A word character (re's \w) or a joiner on either side: not the word alone.
        before = text[at - 1] if at else ""
        after = text[end] if end < length else ""
        if not (before and (before.isalnum() or before == "_" or before in joiners)) and not (
            after and (after.isalnum() or after == "_" or after in joiners)
        ):
            yield at
            at = text.find(word, end)
        else:
            at = text.find(word, at + 1)


# Letters of a word's end under which places_before files a place: the shortest word
# word_ending_at finds.
PLACE_TAIL = 3


def places_before(text: str, patterns: tuple[re.Pattern[str], ...]) -> dict[str, list[int]]:
    """Where each run of blanks before what ``patterns`` find starts (where a word before
    it ends), left to right, filed under the PLACE_TAIL characters before it.
    ``patterns``: the same thing after a space and after a tab, each matched at the run's
    last blank (a literal opens each, so it is sought at C speed; the run is walked back
    once, not backtracked through); the tab one is sought only in notes holding a tab.

    >>> tail = tuple(re.compile(b + "is(?=[ \\t])") for b in (" ", "\\t"))
    >>> places_before("Ann Lee \\t is here; Lee is so", tail)
    {'Lee': [7, 22]}
    """
    starts: set[int] = set()
    for pattern in patterns if "\t" in text else patterns[:1]:
        for m in pattern.finditer(text):
            start = m.start()
            while start > 0 and text[start - 1] in " \t":
                start -= 1
            starts.add(start)
    places: dict[str, list[int]] = {}
    for start in sorted(starts):
        if start >= PLACE_TAIL:
            places.setdefault(text[start - PLACE_TAIL : start], []).append(start)
    return places


def word_ending_at(
    text: str, word: str, places: dict[str, list[int]], joiners: str = ""
) -> Iterator[int]:
    """Where ``word`` (PLACE_TAIL characters or more) ends at one of ``places`` (from
    :func:`places_before`) with no word character (re's \\w) nor one of ``joiners`` just
    before it, left to right: looked up by the word's end, not sought through the text."""
    size = len(word)
    for end in places.get(word[-PLACE_TAIL:], ()):
        at = end - size
        if at < 0 or not text.startswith(word, at):
            continue
        before = text[at - 1] if at else ""
        if not (before and (before.isalnum() or before == "_" or before in joiners)):
            yield at


_Key = str | tuple[str, ...]


class _Roster:
    """The people in the order found, with an index from each name they can be looked up by
    to the people it may stand for, so that a lookup does not walk the whole list.

    Every index holds at least every person its lookup can answer with, each list in the
    order of the people (a person renamed later is re-sorted into the lists it joins);
    a person who no longer fits a key (renamed since) is skipped when looked up, so the
    answer is always the first fitting person in order, as a walk of the list would give.
    """

    def __init__(self) -> None:
        self.people: list[PersonDraft] = []
        self._position: dict[int, int] = {}
        self._index: dict[str, dict[_Key, dict[int, PersonDraft]]] = {
            kind: {} for kind in ("exact", "first", "last", "single", "surname", "opening")
        }
        # The tables by kind, read-only to others (for a test of several keys at once).
        self.index: dict[str, dict[_Key, dict[int, PersonDraft]]] = self._index

    def append(self, person: PersonDraft) -> None:
        self._position[id(person)] = len(self.people)
        self.people.append(person)
        # (refresh's work for a person indexed nowhere yet, and last in order: each list
        # it joins takes it at its end.)
        at = id(person)
        index = self._index
        for kind, key in self._keys(person):
            table = index[kind]
            held = table.get(key)
            if held is None:
                table[key] = {at: person}
            else:
                held[at] = person

    def add_alias(self, person: PersonDraft, alias: str) -> None:
        """Index ``person`` under ``alias``, just added to its aliases (its other keys are
        indexed already): :meth:`refresh`'s work for that one key."""
        self._index_key(person, "exact", alias.casefold())

    def replace(self, people: list[PersonDraft]) -> None:
        """Keep only ``people`` (in their order), indexed anew."""
        self.people, self._position = [], {}
        for kind in self._index.values():
            kind.clear()
        for person in people:
            self.append(person)

    @staticmethod
    def _keys(person: PersonDraft) -> list[tuple[str, _Key]]:
        """The keys ``person`` is indexed under, by kind."""
        parts = person.name.casefold().split()
        keys: list[tuple[str, _Key]] = [("exact", n.casefold()) for n in person.names()]
        keys += [("first", parts[0]), ("last", parts[-1])]
        if len(parts) == 1:
            keys.append(("single", parts[0]))
        else:
            keys.append(("surname", (parts[0][:3], *parts[1:])))
        if " " in person.name:
            keys.append(("opening", person.name.split(" ", 1)[0]))
        return keys

    def refresh(self, person: PersonDraft) -> None:
        """Index ``person`` under its current name and aliases (after a change to them)."""
        for kind, key in self._keys(person):
            self._index_key(person, kind, key)

    def _index_key(self, person: PersonDraft, kind: str, key: _Key) -> None:
        """Index ``person`` under ``key``, in the order of the people."""
        at = id(person)
        table = self._index[kind]
        held = table.get(key)
        if held is None:
            table[key] = {at: person}
            return
        if at in held:
            return
        last = next(reversed(held.values()))
        held[at] = person
        if self._position[id(last)] > self._position[at]:
            ordered = sorted(held.values(), key=lambda p: self._position[id(p)])
            table[key] = {id(p): p for p in ordered}

    def holds(self, kind: str, key: _Key) -> bool:
        """Whether anyone is indexed under ``key``: a cheap test before :meth:`first`."""
        return key in self._index[kind]

    def first(self, kind: str, key: _Key, fits: Callable[[PersonDraft], bool]) -> int | None:
        """The position of the first person under ``key`` that ``fits``, or None."""
        for person in self._index[kind].get(key, {}).values():
            if fits(person):
                return self._position[id(person)]
        return None


_BLANKS_THEN_CAPITAL = recache.compile(r"(?<![ \t])[ \t]+(?=[A-Z])")
_NOT_IN_WORD = recache.compile(r"[^\w-]")


def _before_capitals(text: str) -> dict[str, list[int]]:
    """Every string that stands after a non-word character (or a space, or the start) and
    before blanks and a capital letter, with where it starts, in order: where a one-word
    name may be followed by a surname ("Rosalind O'Halloran"), found in one pass instead
    of one search per person.

    >>> _before_capitals("Rosalind O'Halloran, (Jen Smith)")
    {'Rosalind': [0], '(Jen': [21], 'Jen': [22]}
    """
    out: dict[str, list[int]] = {}
    for m in _BLANKS_THEN_CAPITAL.finditer(text):
        end = m.start()
        start = end
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        if start == end:
            continue
        chunk = text[start:end]
        cuts = [0] + [c.end() for c in _NOT_IN_WORD.finditer(chunk)]
        for cut in cuts:
            if cut < len(chunk):
                out.setdefault(chunk[cut:], []).append(start + cut)
    return out


# find_person's "not asked yet" (None is an answer: nobody).
_UNKNOWN = PersonDraft("", "guest")


class Context:
    """What the extractors share while one record is built."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.taken: set[int] = set()
        self._roster = _Roster()
        self._found: dict[str, PersonDraft | None] = {}  # find_person's answers until people change
        self.podcast: str | None = None  # the show's name, once the header has read it
        self.title: Segment | None = None  # the segment the title came from
        # Pieces of taken segments that no field holds: leftovers, with their segment.
        self.unread: list[tuple[Segment, str]] = []

    def section_title(self, seg: Segment) -> str | None:
        """The heading ``seg`` stands under; None under the title heading, which is the
        episode's, not a section's."""
        block = self.doc.section_of(seg)
        if block.heading is None or block.heading is self.title:
            return None
        return block.title

    def take(self, *segments: Segment) -> None:
        for seg in segments:
            self.taken.add(seg.index)

    def is_taken(self, seg: Segment) -> bool:
        return seg.index in self.taken

    def leave(self, seg: Segment, text: str) -> None:
        """Take ``seg`` but keep ``text``, a part of it no field holds, as a leftover."""
        self.take(seg)
        self.unread.append((seg, text))

    # People ----------------------------------------------------------------------------

    @property
    def people(self) -> list[PersonDraft]:
        """The people found so far, in the order found (change them through the methods
        below, which keep the index of names up to date)."""
        return self._roster.people

    def find_person(self, name: str) -> PersonDraft | None:
        """The person ``name`` refers to: full name, alias, first name or possessive."""
        found = self._found.get(name, _UNKNOWN)
        if found is _UNKNOWN:
            found = self._found[name] = self._find_person(name)
        return found

    def _find_person(self, name: str) -> PersonDraft | None:
        key = name.strip().rstrip("'’s").strip() if name.endswith(("'s", "’s")) else name
        key = key.strip().casefold()
        if not key:
            return None
        roster = self._roster
        index = roster.index
        # Each lookup below is made only where someone is indexed under its key (most names
        # asked about are nobody's: they are answered by these tests alone).
        kparts = key.split()
        if (
            key not in index["exact"]
            and key not in index["first"]
            and kparts[0] not in index["single"]
            and (len(kparts) != 1 or key not in index["last"])
            and (len(kparts) < 2 or (kparts[0][:3], *kparts[1:]) not in index["surname"])
        ):
            return None
        if roster.holds("exact", key):
            exact = roster.first(
                "exact", key, lambda p: any(n.casefold() == key for n in p.names())
            )
            if exact is not None:
                return self.people[exact]

        def parts(person: PersonDraft) -> list[str]:
            return person.name.casefold().split()

        found: list[int | None] = []
        if roster.holds("first", key):
            found.append(roster.first("first", key, lambda p: parts(p)[0] == key))
        if len(kparts) == 1 and roster.holds("last", key):
            found.append(roster.first("last", key, lambda p: parts(p)[-1] == key))
        if roster.holds("single", kparts[0]):
            # "Adam" known, "Abel Crane" now: the fuller form of the same person.
            found.append(roster.first("single", kparts[0], lambda p: parts(p) == kparts[:1]))
        if len(kparts) >= 2:
            # "Nico Del Balso" for "Nicolas Del Monte": same surname, first name a prefix.
            surname = (kparts[0][:3], *kparts[1:])
            if roster.holds("surname", surname):
                found.append(
                    roster.first(
                        "surname",
                        surname,
                        lambda p: (
                            len(parts(p)) >= 2 and (parts(p)[0][:3], *parts(p)[1:]) == surname
                        ),
                    )
                )
        positions = [f for f in found if f is not None]
        return self.people[min(positions)] if positions else None

    def known_at(self, text: str) -> PersonDraft | None:
        """The known person whose full name (two words or more) opens ``text``: for
        "Nicolas Del Monte Nico is ...", where reading a name would run on into "Nico"."""
        space = text.find(" ")
        if space < 1 or not self._roster.holds("opening", text[:space]):
            return None

        def opens(person: PersonDraft) -> bool:
            name = person.name
            return (
                " " in name
                and text.startswith(name)
                and not text[len(name) : len(name) + 1].isalnum()
            )

        at = self._roster.first("opening", text[:space], opens)
        return None if at is None else self.people[at]

    def add_person(
        self,
        name: str,
        role: Role,
        *,
        affiliation: str | None = None,
    ) -> PersonDraft:
        """Add a person, or merge into the one already known under that name."""
        name = " ".join(name.split())
        known = self.find_person(name)
        self._found.clear()  # whatever happens next changes who a name refers to
        if known is not None:
            if len(name) > len(known.name) and name.split()[0][:3] == known.name.split()[0][:3]:
                # The fuller form of a name written short before ("Nico" -> "Nico Hartley").
                self._rename(known, name)
            if affiliation and not known.affiliation:
                known.affiliation = affiliation
            if role == "host" and known.role == "guest" and known.affiliation is None:
                known.role = role
            return known
        person = PersonDraft(name, role, affiliation)
        self._roster.append(person)
        return person

    def use_fullest_names(self) -> None:
        """A person known by a first name only gets the fullest form the notes write:
        "Rosalind and Jen talk ..." then "The Rachel Incident by Rosalind O'Halloran"."""
        self._found.clear()
        singles = [p for p in self.people if " " not in p.name]
        if not singles:
            return
        starts = _before_capitals(self.doc.text)
        for person in singles:
            for start in starts.get(person.name, ()):
                found = read_name(self.doc.text, start, max_words=3)
                if found and found[0].split()[0] == person.name and " " in found[0]:
                    fuller = found[0]

                    def another(p: PersonDraft, me: PersonDraft = person, n: str = fuller) -> bool:
                        return p is not me and p.name == n

                    if self._roster.first("exact", fuller.casefold(), another) is None:
                        self._rename(person, fuller)
                    break

    def nickname_aliases(self) -> None:
        """'Oluwaseun "Seun" Adebayo': "Seun" is another name the notes use for them."""
        text = self.doc.text
        before_quotes: set[str] | None = None  # found once for everyone, when first asked
        for person in self.people:
            parts = person.name.split()
            if len(parts) < 2:
                continue
            if len(parts[0]) > _QUOTED_WORD:
                quoted = any(parts[0] + q in text for q in _QUOTES_AFTER)
            else:
                if before_quotes is None:
                    before_quotes = _ends_before_quotes(text)
                quoted = parts[0] in before_quotes
            if not quoted:
                continue  # no quote after the first name: no nickname (and no pattern to build)
            pattern = (
                rf"{re.escape(parts[0])}[ \t]+[\"“'‘](?P<nick>[A-Z][\w'’-]{{0,20}})[\"”'’][ \t]+"
                rf"{re.escape(' '.join(parts[1:]))}\b"
            )
            m = re.search(pattern, self.doc.text)
            if m:
                self.add_alias(person, m["nick"])

    def drop_show_name(self) -> None:
        """The show's name read as a person's ("Welcome to Sundry Nonsense") is not one."""
        self._found.clear()
        if self.podcast:
            show = self.podcast.casefold()
            self._roster.replace([p for p in self.people if p.name.casefold() != show])

    def _rename(self, person: PersonDraft, name: str) -> None:
        """``person`` is called ``name`` from now on; the name they had stays an alias."""
        self._found.clear()
        if person.name not in person.aliases:
            person.aliases.append(person.name)
        person.name = name
        self._roster.refresh(person)

    def add_alias(self, person: PersonDraft, alias: str) -> None:
        self._found.clear()
        alias = alias.strip()
        if alias and alias != person.name and alias not in person.aliases:
            person.aliases.append(alias)
            self._roster.add_alias(person, alias)
