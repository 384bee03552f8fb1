"""Words that open a sentence in capitals but are no one's name: connectives ("Plus,",
"Meanwhile,"), prepositions and articles, in every language of the cues. A reader of
names asks one list, kept as data by language."""

from __future__ import annotations

import pytest

from episodeparse import parse
from episodeparse.cues import table
from episodeparse.extractors import read_name


@pytest.mark.parametrize(
    "connective",
    ["Plus", "Meanwhile", "Finally", "Later", "Afterwards", "However", "Next"],
)
def test_a_connective_opening_a_list_of_hosts_is_no_host(connective: str) -> None:
    notes = (
        "#73 Sandbox\n\nOne twin decides to plug in. "
        f"{connective}, Ann and Ben talk to a listener whose heart was broken.\n"
    )
    assert [(p.name, p.role) for p in parse(notes).people] == [("Ann", "host"), ("Ben", "host")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Außerdem spricht", None),
        ("Además hablamos", None),
        ("Inoltre parliamo", None),
        ("Ensuite nous", None),
        ("Также мы", None),
        ("Ann Example and", "Ann Example"),
    ],
)
def test_a_connective_in_any_cue_language_starts_no_name(text: str, expected: str | None) -> None:
    read = read_name(text)
    assert (read[0] if read else None) == expected


def test_every_cased_language_of_the_people_cues_has_words_that_are_no_names() -> None:
    # Scripts without capitals (Hebrew, Chinese, Japanese) start no name with a capital.
    cased = {"en", "es", "pt", "de", "fr", "it", "ca", "nl", "pl", "ru", "uk"}
    languages = table("people")
    assert cased <= set(languages)
    assert [lang for lang in sorted(cased) if not languages[lang].get("not_name")] == []


def test_a_prose_line_opening_with_in_episode_names_no_podcast() -> None:
    # "In Episode 11, ..." recalls an earlier episode: "In" is no show's name, and the
    # rest of the sentence is no title.
    record = parse("In Episode 11, with the trial over, Ann struggled to press on.\n")
    assert record.podcast is None
    assert record.title is None or not record.title.startswith(",")
