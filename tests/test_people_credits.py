"""Credits run together on one line: each label's name ends where the next label begins."""

from __future__ import annotations

from episodeparse import parse


def test_a_label_of_several_words_after_a_name_is_not_part_of_the_name() -> None:
    ep = parse(
        "Some Title Here\n\nA story about things.\n\n"
        "Hosted and produced: Ann Example Testimony voiced by: Bo Sample Music: Dice Muse\n"
    )
    assert ("Ann Example", "host") in [(p.name, p.role) for p in ep.people]
    assert all("Testimony" not in p.name for p in ep.people)


def test_a_three_word_name_before_a_sentence_stays_whole() -> None:
    ep = parse("Some Title Here\n\nA story.\n\nHost: Ann Bo Example talks with everyone.\n")
    assert [(p.name, p.role) for p in ep.people] == [("Ann Bo Example", "host")]
