"""People found from the notes' structure: a name with its handle in parentheses."""

from __future__ import annotations

from episodeparse import parse


def people(text: str) -> list[tuple[str, str]]:
    return [(p.name, p.role) for p in parse(text).people]


def test_names_with_their_handles_in_parentheses_are_the_guests() -> None:
    text = "Episode 4: Bees\n\nWe talk bees with Ana Ruiz (@anaruiz) and Bo Lind (@bolind)."
    assert people(text) == [("Ana Ruiz", "guest"), ("Bo Lind", "guest")]


def test_a_handle_after_a_name_needs_no_words_of_any_language() -> None:
    text = "Folge 7\n\nAuf Jonas (@jonas) ist Verlass.\n\nСегодня Иван Петров (@ivanp)."
    assert people(text) == [("Jonas", "guest"), ("Иван Петров", "guest")]


def test_credits_quotes_labels_and_companies_are_no_guests() -> None:
    text = (
        "Episode 4: Bees\n\n"
        "Music by Kai Dunn (@kaidunn). Thanks to Lu Mey (@lumey)\n\n"
        "Best tweet ever — Rafe Orr (@rafeorr) May 10, 2019\n\n"
        "[Dale Vance (@dalevance)](https://twitter.com/dalevance)\n\n"
        "Acme Labs (Twitter: @acmelabs) and Twitter (@twitter)"
    )
    assert people(text) == []


def test_someone_found_by_the_prose_keeps_their_role() -> None:
    text = "Episode 4: Bees\n\nHosted by Cy Moor (@cymoor), with Ana Ruiz (@anaruiz)."
    got = people(text)
    assert ("Cy Moor", "host") in got
    assert ("Ana Ruiz", "guest") in got
