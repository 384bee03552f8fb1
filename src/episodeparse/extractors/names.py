"""Names in scripts without capital letters, where :func:`read_name` cannot see where a name
starts: read only right after a cue that says a name follows ("嘉宾：", "ゲストに") or
marked by an honorific ("…さん").

Contract: pure functions of a line; nothing is read from a document. A name here is a short
run of letters (no blank, no punctuation), at most :data:`MAX_CHARS` long.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import accumulate

from episodeparse import cues, recache

__all__ = [
    "MAX_CHARS",
    "LineWords",
    "Phrases",
    "caseless_name",
    "honorific_participants",
]

MAX_CHARS = 12  # a longer run without a break is a phrase, not a name

# A run of letters, digits or the marks inside names ("・", "ー", "-"): no blank, no comma.
_RUN = recache.compile(r"[^\W_][\w・ー'’-]{0,40}")
_HONORIFICS = cues.words("people", "honorific")
_TALKED = cues.words("people", "talked")
_JOINS = ("、", "と", ",", "，")


def _caseless(word: str) -> bool:
    """Whether a word is written in a script without capitals (CJK, Hebrew, Arabic, ...)."""
    return any(ch.isalpha() for ch in word) and word == word.upper() == word.lower()


def caseless_name(text: str, pos: int = 0) -> tuple[str, int] | None:
    """The name at ``pos`` in a script without capitals, cut before an honorific or a
    particle that joins a list; None where the run is too long to be one name.

    >>> caseless_name("张三、李四")
    ('张三', 2)
    >>> caseless_name("ゆきさんと話した")
    ('ゆき', 2)
    >>> caseless_name("Ada") is None
    True
    """
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
    return word, pos + len(word)


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
# The same in a group: ``split`` gives what stands between the words and the words, in turn.
_TOKEN_SPLIT = recache.compile(r"([\w'’-]+)")


class LineWords:
    """The words of a line for :meth:`Phrases.find`, found once and read by every finder:
    each word casefolded, where it starts and ends, and what stands between two words.

    >>> line = LineWords("Hi! My guest  is Ann")
    >>> line.words, line.start(1), line.end(2), line.gap(2)
    (['hi', 'my', 'guest', 'is', 'ann'], 4, 12, '  ')
    """

    __slots__ = ("_ends", "_parts", "text", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        if text.isascii():
            # lower() is casefold() on ASCII, and keeps every offset: one split reads all.
            self._parts = _TOKEN_SPLIT.split(text.lower())
            self.words = self._parts[1::2]
        else:
            # Each word folded alone, as a casefolded line may not split as the line does.
            self._parts = _TOKEN_SPLIT.split(text)
            self.words = [word.casefold() for word in self._parts[1::2]]
        self._ends: list[int] | None = None  # where each part ends, once asked

    def _bounds(self) -> list[int]:
        if self._ends is None:
            self._ends = list(accumulate(map(len, self._parts)))
        return self._ends

    def start(self, index: int) -> int:
        """Where word ``index`` starts in the line."""
        return self._bounds()[2 * index]

    def end(self, index: int) -> int:
        """Where word ``index`` ends in the line."""
        return self._bounds()[2 * index + 1]

    def gap(self, index: int) -> str:
        """What stands between word ``index`` and the next."""
        return self._parts[2 * index + 2]


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

    def _build(self) -> None:
        self._ready = True
        folded = [phrase.casefold() for phrase in self._phrases]
        joined = "\n".join(folded)
        # Where every blank-separated piece of every phrase is one word (as in the cues), a
        # phrase's words are its pieces: one search checks them all, not one per phrase.
        by_blanks = _TOKEN.findall(joined) == joined.split()
        for phrase, fold in zip(self._phrases, folded, strict=True):
            words = fold.split() if by_blanks else _TOKEN.findall(fold)
            if not words:
                continue
            self._by_key.setdefault(max(words, key=len), []).append(" ".join(fold.split()))
            if len(words) == 1 and _caseless(phrase) and words[0] == phrase:
                self._glued.append(phrase)
            else:
                self._by_first.setdefault(words[0], []).append(words)
        for found in self._by_first.values():
            found.sort(key=len, reverse=True)
        self._firsts = frozenset(self._by_first)
        self._keys = frozenset(self._by_key)

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
            for i in sorted(i for word in hits for i in _places(words, word)):
                if i < free:
                    continue
                for sought in self._by_first[words[i]]:
                    size = len(sought)
                    if i + size > count or words[i : i + size] != sought:
                        continue
                    if all(not line.gap(i + k).strip(" \t") for k in range(size - 1)):
                        out.append((line.start(i), line.end(i + size - 1)))
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

    def may_occur(self, words: list[str], low: str) -> bool:
        """Whether a line may hold a phrase, a cheap test before :meth:`find`: ``words`` are
        the line's words (``low.split()``), ``low`` the line lower-cased, where phrases
        without blanks ("嘉宾") are sought.

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
        # A key word found: the whole phrase must be in the line too ("hosted", not "hosted by").
        if any(phrase in low for key in hits for phrase in self._by_key[key]):
            return True
        return not low.isascii() and any(phrase in low for phrase in self._glued)
