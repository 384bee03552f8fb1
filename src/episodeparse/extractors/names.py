"""Names in scripts without capital letters, where :func:`read_name` cannot see where a name
starts: read only right after a cue that says a name follows ("嘉宾：", "ゲストに") or
marked by an honorific ("…さん").

Contract: pure functions of a line; nothing is read from a document. A name here is a short
run of letters (no blank, no punctuation), at most :data:`MAX_CHARS` long.
"""

from __future__ import annotations

from episodeparse import cues, recache

__all__ = [
    "MAX_CHARS",
    "Phrases",
    "Token",
    "caseless_name",
    "honorific_participants",
    "line_tokens",
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


Token = tuple[int, int, str]  # start, end, the word casefolded


def line_tokens(text: str) -> list[Token]:
    """The words of a line, for :meth:`Phrases.find` (found once, read by every finder)."""
    return [(m.start(), m.end(), m[0].casefold()) for m in _TOKEN.finditer(text)]


class Phrases:
    """Finds cue phrases in a line by its words, not by one pattern of all the phrases: a
    regex alternation of hundreds of phrases is tried phrase by phrase at every position of
    the line, where a lookup of each word costs the same however many phrases there are.
    Phrases in a script without blanks between words ("本期嘉宾") are sought as substrings.

    >>> Phrases(("my guest is", "hosted by", "嘉宾")).find("Hi! My guest is Ann; 嘉宾：张三")
    [(4, 15), (21, 23)]
    """

    def __init__(self, phrases: tuple[str, ...]) -> None:
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        self._glued: list[str] = []
        # The longest word of each phrase: a line holding none of them holds no phrase.
        self._by_key: dict[str, list[str]] = {}
        for phrase in phrases:
            found = _TOKEN.findall(phrase.casefold())
            if found:
                self._by_key.setdefault(max(found, key=len), []).append(
                    " ".join(phrase.casefold().split())
                )
        self._keys = frozenset(self._by_key)
        for phrase in phrases:
            words = tuple(_TOKEN.findall(phrase.casefold()))
            if len(words) == 1 and _caseless(phrase) and words[0] == phrase:
                self._glued.append(phrase)
            elif words:
                self._by_first.setdefault(words[0], []).append(words)
        for found in self._by_first.values():
            found.sort(key=len, reverse=True)

    def find(self, text: str, tokens: list[Token] | None = None) -> list[tuple[int, int]]:
        """(start, end) of each phrase in ``text``, left to right, the longest at a start;
        ``tokens``: the line's :func:`tokens`, where the caller has them already."""
        out: list[tuple[int, int]] = []
        if self._by_first:
            if tokens is None:
                tokens = line_tokens(text)
            i = 0
            while i < len(tokens):
                taken = 0
                for words in self._by_first.get(tokens[i][2], ()):
                    size = len(words)
                    if i + size > len(tokens):
                        continue
                    if all(tokens[i + k][2] == words[k] for k in range(size)) and all(
                        not text[tokens[i + k][1] : tokens[i + k + 1][0]].strip(" \t")
                        for k in range(size - 1)
                    ):
                        out.append((tokens[i][0], tokens[i + size - 1][1]))
                        taken = size
                        break
                i += taken or 1
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
        the line's words (:func:`word_set`), ``low`` the line lower-cased, where phrases
        without blanks ("嘉宾") are sought.

        >>> finder = Phrases(("my guest is", "嘉宾"))
        >>> finder.may_occur(["my", "guest", "is", "ann"], "my guest is ann")
        True
        >>> finder.may_occur(["本期嘉宾：王"], "本期嘉宾：王"), finder.may_occur([], "")
        (True, False)
        """
        if self._keys.isdisjoint(words):
            return not low.isascii() and any(phrase in low for phrase in self._glued)
        hits = self._keys.intersection(words)
        # A key word found: the whole phrase must be in the line too ("hosted", not "hosted by").
        if any(phrase in low for key in hits for phrase in self._by_key[key]):
            return True
        return not low.isascii() and any(phrase in low for phrase in self._glued)
