"""Names in scripts without capital letters, where :func:`read_name` cannot see where a name
starts: read only right after a cue that says a name follows ("嘉宾：", "ゲストに", "אורחת:")
or marked by an honorific ("…さん").

Contract: pure functions of a line; nothing is read from a document. A name here is a short
run of letters (no blank, no punctuation), at most :data:`MAX_CHARS` long; in a script
written with blanks between words (Hebrew, Arabic), up to :data:`MAX_WORDS` such runs
that close a clause ("נועה ברקוביצקי,").
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from episodeparse import cues, recache

__all__ = [
    "MAX_CHARS",
    "LineWords",
    "Phrases",
    "caseless_name",
    "caseless_names",
    "governs_case",
    "honorific_participants",
    "inflection_of",
    "uninflected",
]

MAX_CHARS = 12  # a longer run without a break is a phrase, not a name
MAX_WORDS = 3  # words of a name in a script with blanks: more before a stop is a phrase

# A run of letters, digits or the marks inside names ("・", "ー", "-"): no blank, no comma.
_RUN = recache.compile(r"[^\W_][\w・ー'’-]{0,40}")
_HONORIFICS = cues.words("people", "honorific")
_TALKED = cues.words("people", "talked")
_JOINS = ("、", "と", ",", "，")
# Between two names of a list: a comma or a slash.
_LIST_STOP = recache.compile(r"[ \t]*[,，、/;][ \t]*")
# A conjunction written as the first letter of the next word (Hebrew "ו": "ומאיה").
_PREFIX_AND = "ו"


def _caseless(word: str) -> bool:
    """Whether a word is written in a script without capitals (CJK, Hebrew, Arabic, ...)."""
    return any(ch.isalpha() for ch in word) and word == word.upper() == word.lower()


# The words that join names in a list, glued to them in a script without blanks ("和").
_GLUED_JOINS = tuple(w for w in cues.words("people", "join") if _caseless(w) and len(w) == 1)


# A particle between a cue and the name it introduces ("邀请到了林晓雾": "了").
_PARTICLES_BEFORE = tuple(cues.words("people", "particle_before_name"))
MAX_HAN_IN_PROSE = 4  # Han characters of a name in prose: a longer run goes on into words


def _han(word: str) -> bool:
    """Whether ``word`` is written in Han characters only (CJK unified ideographs)."""
    return all("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in word)


def caseless_name(text: str, pos: int = 0, *, in_prose: bool = False) -> tuple[str, int] | None:
    """The name at ``pos`` in a script without capitals, cut before an honorific or a
    particle that joins a list; None where the run is too long to be one name.

    >>> caseless_name("张三、李四")
    ('张三', 2)
    >>> caseless_name("ゆきさんと話した")
    ('ゆき', 2)
    >>> caseless_name("Ada") is None
    True

    ``in_prose``: after a cue in a sentence, where a run of Han characters longer than
    :data:`MAX_HAN_IN_PROSE` runs on into the words after the name ("林晓雾来聊聊"): None.
    """
    for particle in _PARTICLES_BEFORE:
        if text.startswith(particle, pos):
            pos += len(particle)
            break
    m = _RUN.match(text, pos)
    if m is None:
        return None
    word = m[0]
    for honorific in _HONORIFICS:
        at = word.find(honorific)
        if at > 0:
            word = word[:at]
    at = word.find("と")
    if at > 0:
        word = word[:at]
    if not _caseless(word) or len(word) > MAX_CHARS:
        return None
    if in_prose and word == m[0] and len(word) > MAX_HAN_IN_PROSE and _han(word):
        return None
    end = pos + len(word)
    if word == m[0] and _blank_separated(word):
        stop, closed = _more_words(text, end)
        if closed:  # more words before a stop: where the name ends is not known
            end = stop
    return text[pos:end], end


def _blank_separated(word: str) -> bool:
    """Whether a caseless word is of a script written with blanks between words (Hebrew,
    Arabic), not of one that runs words together (CJK, kana: from U+2E80 on)."""
    return all(ord(ch) < 0x2E80 for ch in word)


def _more_words(text: str, end: int, limit: int = MAX_WORDS) -> tuple[int, bool]:
    """Where the caseless words that follow the word ending at ``end`` end (``limit``
    words in all, at most), and whether a stop follows them: not one more word."""
    stop = end
    for _ in range(limit - 1):
        gap = stop
        while gap < len(text) and text[gap] in " \t":
            gap += 1
        if gap == stop:
            break
        m = _RUN.match(text, gap)
        if m is None or not _caseless(m[0]) or len(m[0]) > MAX_CHARS:
            break
        stop = m.end()
    return stop, not text[stop:].lstrip(" \t")[:1].isalnum()


def caseless_names(text: str, pos: int = 0) -> tuple[list[str], int] | None:
    """The list of caseless names at ``pos`` after a label, and where it ends: names parted
    by commas, "、", a join glued between two names ("王五和张三") or, in Hebrew, a "ו" that
    opens the next name's first word. None where no caseless name stands at ``pos``.

    >>> caseless_names("陈一白、周可可（主播）")
    (['陈一白', '周可可'], 7)
    """
    names: list[str] = []
    end = pos
    while True:
        found = caseless_name(text, pos)
        if found is None:
            break
        name, stop = found
        parts = _split_glued(name)
        if _blank_separated(name):
            # "רוני כהנוב ומאיה פלדמני": more words than one name holds, before a stop.
            more, closed = _more_words(text, pos + len(name.split()[0]), 2 * MAX_WORDS)
            split = _split_prefixed(text[pos:more]) if closed else []
            if len(split) > 1 and all(len(part.split()) <= MAX_WORDS for part in split):
                parts, stop = split, more
        names.extend(parts)
        end = stop
        sep = _LIST_STOP.match(text, stop)
        if sep is None:
            break
        pos = sep.end()
    if not names:
        return None
    return names, end


_MIN_CHARS = 2  # characters on each side of a glued join between two names


def _split_glued(name: str) -> list[str]:
    """ "王五和张三": two names where a join stands between two names of two characters or
    more ("张和平" is one)."""
    for join in _GLUED_JOINS:
        at = name.find(join)
        if at >= _MIN_CHARS and len(name) - at - 1 >= _MIN_CHARS:
            return [name[:at], *_split_glued(name[at + 1 :])]
    return [name]


def _split_prefixed(name: str) -> list[str]:
    """ "רוני כהנוב ומאיה פלדמני" read as words: two names of two words where the third
    opens with the conjunction."""
    words = name.split()
    for i in range(2, len(words) - 1):
        if words[i].startswith(_PREFIX_AND) and len(words[i]) > 1:
            return [" ".join(words[:i]), " ".join([words[i][1:], *words[i + 1 :]])]
    return [name]


# A preposition after which a name is inflected (Polish "z Anną", Russian "с Анной"), and
# the endings a name's words then take: longest first.
_CASE_PREPOSITIONS = frozenset(w.casefold() for w in cues.words("people", "case_preposition"))
_CASE_ENDINGS = tuple(sorted(cues.words("people", "case_ending"), key=len, reverse=True))
_MIN_STEM = 3  # letters of a word before its ending, at least
_MAX_TAIL = 3  # letters after the stem in the form written elsewhere, at most


def governs_case(cue: str) -> bool:
    """Whether a cue phrase ends with a preposition after which a name is inflected.

    >>> governs_case("rozmawiam z"), governs_case("we talk with")
    (True, False)
    """
    return cue.rsplit(None, 1)[-1].casefold() in _CASE_PREPOSITIONS


def _stem(word: str) -> str | None:
    """``word`` without an inflection ending, where it has one; else None."""
    for ending in _CASE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return word[: -len(ending)]
    return None


def uninflected(name: str, text: str) -> str:
    """The form ``text`` writes elsewhere of a name inflected after a preposition ("z
    Agnieszką Nowak" for "Agnieszka Nowak"): its words' stems, each followed by at most
    :data:`_MAX_TAIL` letters and by no inflection ending; else ``name`` as written.

    >>> uninflected("Łukaszem Żakiem", "Rozmowa z Łukaszem Żakiem. Gość: Łukasz Żak")
    'Łukasz Żak'
    >>> uninflected("Anną Nowak", "Rozmowa z Anną Nowak.")
    'Anną Nowak'
    """
    words = name.split()
    if not 2 <= len(words) <= MAX_WORDS:
        return name
    stems = [_stem(word) or word for word in words]
    if stems == words:
        return name
    at = text.find(stems[0])
    while at >= 0:
        if at == 0 or not text[at - 1].isalnum():  # only at a word's start: linear
            found = _words_like(text, at, stems)
            if found is not None and found != words:
                return " ".join(found)
        at = text.find(stems[0], at + 1)
    return name


def inflection_of(word: str, known: str) -> bool:
    """Whether ``word`` is ``known`` inflected ("Agnieszkę" of "Agnieszka").

    >>> inflection_of("Agnieszkę", "Agnieszka"), inflection_of("Anna", "Agnieszka")
    (True, False)
    """
    stem = _stem(word)
    return (
        stem is not None
        and word != known
        and known.startswith(stem)
        and len(known) - len(stem) <= _MAX_TAIL
        and _stem(known) is None
    )


_GENITIVE_ENDINGS = tuple(sorted(cues.words("people", "genitive_ending"), key=len, reverse=True))


def genitive_of(word: str, known: str) -> bool:
    """Whether ``word`` is the name ``known`` in the case that says whose ("Telegram
    Łukasza", "Телеграм Дмитрия": Łukasz's, Дмитрий's).

    >>> genitive_of("Łukasza", "Łukasz"), genitive_of("Дмитрия", "Дмитрий")
    (True, True)
    >>> genitive_of("Łukasz", "Łukasz"), genitive_of("Anny", "Agnieszka")
    (False, False)
    """
    if word == known:
        return False
    for ending in _GENITIVE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            stem = word[: -len(ending)]
            if known.startswith(stem) and len(known) - len(stem) <= 1:
                return True
    return False


def _words_like(text: str, at: int, stems: list[str]) -> list[str] | None:
    """The words at ``at``, one for each stem, parted by blanks, where each is its stem
    and a few letters without an inflection ending; else None."""
    found: list[str] = []
    for stem in stems:
        if found:
            gap = at
            while gap < len(text) and text[gap] in " \t":
                gap += 1
            if gap == at:
                return None
            at = gap
        if not text.startswith(stem, at):
            return None
        end = at + len(stem)
        limit = end + _MAX_TAIL + 1
        while end < len(text) and end < limit and text[end].isalpha():
            end += 1
        word = text[at:end]
        if end == limit or (end < len(text) and text[end].isalnum()):
            return None  # a longer word, or letters and digits run together
        if _stem(word) is not None and word != stem:
            return None  # inflected too
        found.append(word)
        at = end
    return found


def honorific_participants(line: str) -> list[tuple[str, bool]] | None:
    """The people a Japanese line says took part ("AさんとBで…話しました": A and B talked),
    each with whether an honorific follows the name (the guests; the writer, the host, names
    themselves without one). None where the line has no such statement.

    >>> honorific_participants("あきさん、ゆきさん、okaで、道具について話しました。")
    [('あき', True), ('ゆき', True), ('oka', False)]
    >>> honorific_participants("今日は晴れでした。") is None
    True
    """
    if not any(word in line for word in _TALKED):
        return None
    stop = line.find("で")
    if stop <= 0:
        return None
    head = line[:stop]
    for join in _JOINS[1:]:
        head = head.replace(join, _JOINS[0])
    out: list[tuple[str, bool]] = []
    honoured = False
    for item in head.split(_JOINS[0]):
        item = item.strip()
        if not item:
            continue
        marked = next((h for h in _HONORIFICS if item.endswith(h)), None)
        name = item[: -len(marked)] if marked else item
        if not name or len(name) > MAX_CHARS or _RUN.fullmatch(name) is None:
            return None
        honoured = honoured or marked is not None
        out.append((name, marked is not None))
    return out if honoured else None


# A word of a line for phrase lookup: letters, digits and the marks inside words.
_TOKEN = recache.compile(r"[\w'’-]+")
# An ASCII character that is not one of a _TOKEN word, as a blank (and any other byte,
# which an ASCII line does not hold): split() then gives the words _TOKEN finds.
_BLANK_OUT = bytes(
    c if c < 128 and (chr(c).isalnum() or chr(c) in "_'-") else 32 for c in range(256)
)


_MAX_OTHERS = 16  # characters replaced one after the other: a line of more kinds is not


def _outside_words_blanked(text: str) -> str | None:
    """``text`` with each character outside ASCII as a blank, where none of them can be in
    a word ("✌️", "—", "“"): the same words at the same places. Else None ("é", "’").

    >>> _outside_words_blanked("Hi ✌️ — “Ann”"), _outside_words_blanked("Ann’s")
    ('Hi       Ann ', None)
    """
    others = [char for char in set(text) if not char.isascii()]
    if len(others) > _MAX_OTHERS or any(char.isalnum() or char == "’" for char in others):
        return None  # a word character (re's \w is str.isalnum and "_"), or many to replace
    for char in others:
        text = text.replace(char, " ")
    return text


class LineWords:
    """The words of a line for :meth:`Phrases.find`, found once and read by every finder:
    each word casefolded; where a phrase of them stands is sought once one is found.

    >>> line = LineWords("Hi! My guest  is Ann, my guest")
    >>> line.words, line.span(5, 1, 2), line.span(1, 0, 3), line.span(3, 0, 3)
    (['hi', 'my', 'guest', 'is', 'ann', 'my', 'guest'], (22, 30), (4, 16), None)
    >>> LineWords("Straße İstanbul").span(1, 0, 1)
    (7, 15)
    """

    __slots__ = ("_blanked", "_ends", "_padded", "_places", "_starts", "text", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        self._places: dict[str, list[int]] = {}
        self._padded = ""
        ascii_text = text if text.isascii() else _outside_words_blanked(text)
        if ascii_text is not None:
            # lower() is casefold() on ASCII and keeps every offset; the words are what the
            # blanking leaves between blanks (str.split is far cheaper than a regex).
            self._blanked = ascii_text.lower().encode("ascii").translate(_BLANK_OUT).decode()
            self.words = self._blanked.split()
            self._starts: list[int] = []
            self._ends: list[int] = []
        else:
            # Each word folded alone ("ß" folds to "ss"): the offsets stay the line's.
            self._blanked = ""
            found = list(_TOKEN.finditer(text))
            self._starts = [m.start() for m in found]
            self._ends = [m.end() for m in found]
            self.words = [m[0].casefold() for m in found]

    def _start(self, word: str, rank: int) -> int:
        """Where the ``rank``-th word of the line that is ``word`` starts (from 0)."""
        places = self._places.setdefault(word, [])
        if not self._padded:
            self._padded = f" {self._blanked} "
        sought = f" {word} "
        while len(places) <= rank:
            # " word " in the padded line: one blank more before, so its place is the word's.
            # The next is sought from the blank after it, which may open it.
            at = self._padded.find(sought, places[-1] + len(word) + 1 if places else 0)
            places.append(at)
        return places[rank]

    def span(self, index: int, rank: int, size: int) -> tuple[int, int] | None:
        """(start, end) of the ``size`` words from word ``index`` (the ``rank``-th word of
        the line like it), where only blanks stand between them; else None."""
        text = self.text
        words = self.words
        if not self._blanked:
            for k in range(index, index + size - 1):
                if text[self._ends[k] : self._starts[k + 1]].strip(" \t"):
                    return None
            return self._starts[index], self._ends[index + size - 1]
        start = self._start(words[index], rank)
        end = start + len(words[index])
        for word in words[index + 1 : index + size]:
            # The next word is the first text like it after this one: only a gap between.
            at = self._blanked.find(word, end)
            if text[end:at].strip(" \t"):
                return None
            end = at + len(word)
        return start, end


def _places(words: list[str], word: str) -> Iterator[int]:
    """Every index of ``word`` in ``words``, in order."""
    at = -1
    for _ in range(words.count(word)):
        at = words.index(word, at + 1)
        yield at


class Phrases:
    """Finds cue phrases in a line by its words, not by one pattern of all the phrases: a
    regex alternation of hundreds of phrases is tried phrase by phrase at every position of
    the line, where a lookup of each word costs the same however many phrases there are.
    Phrases in a script without blanks between words ("本期嘉宾") are sought as substrings.
    The lookup tables are made on first use, not when the module is imported.

    >>> Phrases(("my guest is", "hosted by", "嘉宾")).find("Hi! My guest is Ann; 嘉宾：张三")
    [(4, 15), (21, 23)]
    """

    def __init__(self, phrases: tuple[str, ...]) -> None:
        self._phrases = phrases
        self._ready = False
        self._by_first: dict[str, list[list[str]]] = {}
        self._firsts: frozenset[str] = frozenset()
        self._glued: list[str] = []
        # The longest word of each phrase: a line holding none of them holds no phrase.
        self._by_key: dict[str, list[str]] = {}
        self._keys: frozenset[str] = frozenset()
        self._whole: frozenset[str] = frozenset()  # the keys that are a phrase themselves

    def _build(self) -> None:
        self._ready = True
        folded = [phrase.casefold() for phrase in self._phrases]
        joined = "\n".join(folded)
        # Where every blank-separated piece of every phrase is one word (as in the cues), a
        # phrase's words are its pieces: one search checks them all, not one per phrase.
        by_blanks = _TOKEN.findall(joined) == joined.split()
        by_key = self._by_key
        by_first = self._by_first
        for phrase, fold in zip(self._phrases, folded, strict=True):
            words = fold.split() if by_blanks else _TOKEN.findall(fold)
            if not words:
                continue
            if len(words) == 1:
                key = words[0]
                by_key.setdefault(key, []).append(key if by_blanks else " ".join(fold.split()))
                # A glued phrase is caseless: the same in capitals (a cheap test first).
                if key == phrase and phrase == phrase.upper() and _caseless(phrase):
                    self._glued.append(phrase)
                    continue
            else:
                by_key.setdefault(max(words, key=len), []).append(" ".join(fold.split()))
            by_first.setdefault(words[0], []).append(words)
        for found in self._by_first.values():
            found.sort(key=len, reverse=True)
        self._firsts = frozenset(self._by_first)
        self._keys = frozenset(self._by_key)
        self._whole = frozenset(key for key, found in self._by_key.items() if key in found)

    @property
    def keys(self) -> frozenset[str]:
        """The word of each phrase that :meth:`may_occur` seeks first (its longest)."""
        if not self._ready:
            self._build()
        return self._keys

    def find(self, line: LineWords | str) -> list[tuple[int, int]]:
        """(start, end) of each phrase in the line, left to right, the longest at a start;
        ``line``: its :class:`LineWords`, where the caller has them already, or its text."""
        if not self._ready:
            self._build()
        if isinstance(line, str):
            line = LineWords(line)
        text = line.text
        out: list[tuple[int, int]] = []
        words = line.words
        # Only a word that opens a phrase can start one: those are visited, in order, each
        # where the phrase found before it has ended.
        hits = self._firsts.intersection(words)
        if hits:
            count = len(words)
            free = 0  # the first word after the last phrase found
            found = sorted(
                (i, rank) for word in hits for rank, i in enumerate(_places(words, word))
            )
            for i, rank in found:
                if i < free:
                    continue
                for sought in self._by_first[words[i]]:
                    size = len(sought)
                    if i + size > count or words[i : i + size] != sought:
                        continue
                    span = line.span(i, rank, size)
                    if span is not None:
                        out.append(span)
                        free = i + size
                        break
        for phrase in self._glued:
            at = text.find(phrase)
            while at >= 0:
                out.append((at, at + len(phrase)))
                at = text.find(phrase, at + len(phrase))
        if self._glued:
            out.sort()
        return out

    def may_occur(self, words: Collection[str], low: str) -> bool:
        """Whether a line may hold a phrase, a cheap test before :meth:`find`: ``words`` are
        the line's words (``low.split()``, or those of them among a set of words that holds
        :attr:`keys`), ``low`` the line lower-cased, where phrases without blanks ("嘉宾")
        are sought.

        >>> finder = Phrases(("my guest is", "嘉宾"))
        >>> finder.may_occur(["my", "guest", "is", "ann"], "my guest is ann")
        True
        >>> finder.may_occur(["本期嘉宾：王"], "本期嘉宾：王"), finder.may_occur([], "")
        (True, False)
        """
        if not self._ready:
            self._build()
        if self._keys.isdisjoint(words):
            return not low.isascii() and any(phrase in low for phrase in self._glued)
        hits = self._keys.intersection(words)
        if not self._whole.isdisjoint(hits):
            return True  # a phrase of one word, one of the line's: it is in the line
        # A key word found: the whole phrase must be in the line too ("hosted", not "hosted by").
        if any(phrase in low for key in hits for phrase in self._by_key[key]):
            return True
        return not low.isascii() and any(phrase in low for phrase in self._glued)
