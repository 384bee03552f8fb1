"""The full name that opens the notes' first sentence, a verb after it, whom the notes then
call by first name alone, is the episode's guest (where no one else is named).
Invented names."""

from __future__ import annotations

from episodeparse import parse


def test_the_subject_of_the_story_called_by_first_name_is_the_guest() -> None:
    notes = (
        "Ann Lee set out to look into one story and ended up finding another. Battling to"
        " put the pieces together, Ann blew the lid off a whole industry.\n"
    )
    record = parse(notes)
    assert [(p.name, p.role, p.aliases) for p in record.people] == [("Ann Lee", "guest", ("Ann",))]


def test_a_name_never_called_by_first_name_alone_is_no_protagonist() -> None:
    assert parse("Ann Lee set out to look into one story. The story ended in court.\n").people == ()


def test_a_first_word_used_again_in_another_name_is_no_first_name() -> None:
    notes = "Whole Food Unionization updates and a listen on the tactics at Whole Foods.\n"
    assert parse(notes).people == ()


def test_a_description_before_the_name_is_no_name() -> None:
    notes = "Former White House counsel Ann Lee talks about the trial. Ann was there.\n"
    assert [p.name for p in parse(notes).people] == ["Ann Lee"]
