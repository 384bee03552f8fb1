"""Cue phrases found by their words (``names.Phrases``), on any line a note may hold."""

from __future__ import annotations

from episodeparse.extractors.names import LineWords, Phrases


def test_phrase_offsets_are_the_lines_own_after_letters_that_fold_longer() -> None:
    # "ß" folds to "ss" and "İ" to two characters: offsets stay those of the line as written.
    line = "Straße İstanbul: unsere Gäste sind Ann Lee und Bo Yu"
    found = Phrases(("unsere Gäste sind",)).find(line)
    assert [line[start:end] for start, end in found] == ["unsere Gäste sind"]


def test_a_phrase_is_its_words_in_a_row_with_only_blanks_between() -> None:
    finder = Phrases(("my guest is", "guest"))
    assert finder.find("My guest, is Ann") == [(3, 8)]  # "guest" alone: a comma breaks it
    assert finder.find("My  guest\tis Ann") == [(0, 12)]


def test_the_longest_phrase_at_a_start_wins_and_the_next_starts_after_it() -> None:
    finder = Phrases(("guest", "guest is", "is"))
    line = "guest is is guest"
    assert [line[s:e] for s, e in finder.find(line)] == ["guest is", "is", "guest"]


def test_words_of_a_line_are_read_once_for_every_finder() -> None:
    line = LineWords("Hosted by Ann Lee, my guest is Bo Yu")
    hosts, guests = Phrases(("hosted by",)), Phrases(("my guest is",))
    assert hosts.find(line) == [(0, 9)]
    assert guests.find(line) == [(19, 30)]


def test_a_line_with_marks_outside_words_finds_phrases_at_the_lines_own_offsets() -> None:
    line = "✌️ Today’s episode — “my guest is” Ann; host: Bo"
    found = Phrases(("my guest is", "today’s", "host")).find(line)
    assert [line[start:end] for start, end in found] == ["Today’s", "my guest is", "host"]
    plain = "✌️ Hi — “my guest is” Ann"
    assert [plain[s:e] for s, e in Phrases(("my guest is",)).find(plain)] == ["my guest is"]


def test_a_line_of_many_kinds_of_symbols_finds_phrases_at_the_lines_own_offsets() -> None:
    line = "".join(chr(0x2600 + i) for i in range(40)) + " my guest is Ann ★"
    found = Phrases(("my guest is",)).find(line)
    assert [line[start:end] for start, end in found] == ["my guest is"]
