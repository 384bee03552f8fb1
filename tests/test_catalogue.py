"""``convert --format sqlite``: a catalogue kept in step with a feed, run after run; and the
``feed.id`` that lets ``summary`` and ``validate --format json`` rows join with it."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from typer.testing import CliRunner

from episodeparse.catalogue import Catalogue, CatalogueError, Counts
from episodeparse.cli import app
from episodeparse.model import Channel, Enclosure, Episode, Feed
from episodeparse.pipeline import parse
from tests.conftest import CORPUS, FIXTURES

CHANNEL = Channel("Night Sessions", "https://night.example.org/", "en", "Ada Lovelace", None)


def item_record(guid: str, notes: str, position: int, sha256: str | None = None) -> Episode:
    """A feed item's record as the feed reader makes it: notes plus a ``feed`` block."""
    record = parse(notes, path="show.xml", sha256=sha256)
    feed = Feed(
        id=guid,
        guid=guid,
        title=notes.splitlines()[0],
        link=None,
        published=None,
        duration=3600,
        season=None,
        episode=None,
        episode_type="full",
        explicit=False,
        image=None,
        enclosure=Enclosure(f"https://night.example.org/{guid}.mp3", "audio/mpeg", 1000),
        chapters_url=None,
        transcripts=(),
        channel=CHANNEL,
    )
    source = dataclasses.replace(record.source, format="rss", item=position)
    return dataclasses.replace(record, source=source, feed=feed)


NOTES = {
    "ep-1": "Engines // Ada Lovelace // Night Sessions #1\n[00:00] Intro\n[02:30] Engines\n"
    "Connect with Ada: https://ada.example.org/",
    "ep-2": "Looms // Mary Somerville // Night Sessions #2\n[00:00] Intro\n[05:00] Looms",
    "ep-3": "Tides // Charles Babbage // Night Sessions #3\n[00:00] Intro",
    "ep-4": "Comets // Caroline Herschel // Night Sessions #4\n[00:00] Intro\n[09:00] Comets",
}


def run(path: Path, records: list[Episode]) -> Counts:
    with Catalogue.open(path, ["show.xml"]) as catalogue:
        for record in records:
            catalogue.add(record)
        return catalogue.commit()


def rows(path: Path, sql: str, *args: object) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as db:
        return db.execute(sql, args).fetchall()


def test_a_newer_copy_of_the_feed_adds_updates_and_keeps(tmp_path: Path) -> None:
    db = tmp_path / "catalogue.db"
    first = [item_record(guid, NOTES[guid], i) for i, guid in enumerate(("ep-3", "ep-2", "ep-1"))]
    assert run(db, first) == Counts(added=3, updated=0, unchanged=0, absent=0)
    # The next copy: ep-4 new at the top (every position moves), ep-2 edited, ep-1 gone.
    edited = NOTES["ep-2"].replace("[05:00] Looms", "[05:00] Looms and cards\n[07:00] Outro")
    second = [
        item_record("ep-4", NOTES["ep-4"], 0),
        item_record("ep-3", NOTES["ep-3"], 1),
        item_record("ep-2", edited, 2),
    ]
    assert run(db, second) == Counts(added=1, updated=1, unchanged=1, absent=1)
    assert rows(
        db, "SELECT key, item, first_run, changed_run, last_run FROM episodes ORDER BY key"
    ) == [
        ("ep-1", 2, 1, 1, 1),  # absent from the second copy: kept, as it was
        ("ep-2", 2, 1, 2, 2),
        ("ep-3", 1, 1, 1, 2),  # unchanged, at its new position
        ("ep-4", 0, 2, 2, 2),
    ]
    assert rows(
        db,
        "SELECT c.title FROM chapters c JOIN episodes e ON e.id = c.episode_id"
        " WHERE e.key = 'ep-2' ORDER BY c.position",
    ) == [("Intro",), ("Looms and cards",), ("Outro",)]
    stored = rows(db, "SELECT record FROM episodes WHERE key = 'ep-2'")[0][0]
    assert json.loads(stored) == second[2].to_dict()
    assert rows(db, "SELECT run, added, updated, unchanged, absent FROM runs") == [
        (1, 3, 0, 0, 0),
        (2, 1, 1, 1, 1),
    ]


def test_the_same_copy_again_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "catalogue.db"
    records = [item_record(guid, NOTES[guid], i) for i, guid in enumerate(NOTES)]
    run(db, records)
    before = rows(db, "SELECT * FROM episodes")
    assert run(db, records) == Counts(added=0, updated=0, unchanged=4, absent=0)
    after = rows(db, "SELECT * FROM episodes")
    assert [row[:-1] for row in after] == [row[:-1] for row in before]  # all but last_run
    assert {row[-1] for row in after} == {2}


def test_a_newer_parsers_other_record_of_the_same_bytes_is_an_update(tmp_path: Path) -> None:
    db = tmp_path / "catalogue.db"
    old = item_record("ep-1", NOTES["ep-1"], 0, sha256="ab" * 32)
    run(db, [old])
    newer = dataclasses.replace(old, title="Engines of Thought")  # same source.sha256
    assert run(db, [newer]) == Counts(added=0, updated=1, unchanged=0, absent=0)
    assert rows(db, "SELECT title, sha256 FROM episodes") == [("Engines of Thought", "ab" * 32)]


def test_a_guid_repeated_in_one_copy_loses_no_record(tmp_path: Path) -> None:
    db = tmp_path / "catalogue.db"
    twice = [item_record("ep-1", NOTES["ep-1"], 0), item_record("ep-1", NOTES["ep-2"], 1)]
    assert run(db, twice).added == 2
    assert rows(db, "SELECT key, occurrence, title FROM episodes ORDER BY occurrence") == [
        ("ep-1", 0, "Engines"),
        ("ep-1", 1, "Looms"),
    ]
    assert run(db, twice) == Counts(added=0, updated=0, unchanged=2, absent=0)


def test_two_channels_with_the_same_guids_are_two_rows(tmp_path: Path) -> None:
    db = tmp_path / "catalogue.db"
    ours = item_record("1", NOTES["ep-1"], 0)
    assert ours.feed is not None
    theirs_feed = dataclasses.replace(ours.feed, channel=dataclasses.replace(CHANNEL, title=None))
    theirs = dataclasses.replace(ours, feed=theirs_feed)  # keyed by its link instead
    assert run(db, [ours, theirs]).added == 2
    assert rows(db, "SELECT channel, key FROM episodes ORDER BY channel") == [
        ("Night Sessions", "1"),
        ("https://night.example.org/", "1"),
    ]


def test_a_failed_run_leaves_the_catalogue_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "catalogue.db"
    run(db, [item_record("ep-1", NOTES["ep-1"], 0)])
    before = db.read_bytes()
    with pytest.raises(KeyboardInterrupt), Catalogue.open(db) as catalogue:
        catalogue.add(item_record("ep-2", NOTES["ep-2"], 0))
        raise KeyboardInterrupt
    assert db.read_bytes() == before
    assert rows(db, "SELECT key FROM episodes") == [("ep-1",)]
    fresh = tmp_path / "new.db"
    with pytest.raises(KeyboardInterrupt), Catalogue.open(fresh) as catalogue:
        catalogue.add(item_record("ep-2", NOTES["ep-2"], 0))
        raise KeyboardInterrupt
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalogue.db"]


def test_what_is_not_a_catalogue_is_refused_and_left_alone(tmp_path: Path) -> None:
    text = tmp_path / "notes.db"
    text.write_text("Engines // Ada Lovelace\n" * 20)
    with pytest.raises(CatalogueError, match="not a SQLite database"), Catalogue.open(text):
        pass
    assert text.read_text() == "Engines // Ada Lovelace\n" * 20
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE things (name TEXT)")
    with (
        pytest.raises(CatalogueError, match="not an episodeparse catalogue"),
        Catalogue.open(other),
    ):
        pass


# The command line ---------------------------------------------------------------------


def feed_xml(items: list[tuple[str, str, str]]) -> str:
    """An RSS 2.0 feed of ``(guid, title, description)`` items, with PSC chapters on
    ``night-12``."""
    parts = []
    for guid, title, description in items:
        chapters = (
            '<psc:chapters version="1.2">'
            '<psc:chapter start="00:00:00" title="Welcome"/>'
            '<psc:chapter start="00:04:10.500" title="The difference engine"/>'
            '<psc:chapter start="00:31:00" title="Letters"/>'
            "</psc:chapters>"
            if guid == "night-12"
            else ""
        )
        parts.append(
            f'<item><title>{title}</title><guid isPermaLink="false">{guid}</guid>'
            f'<enclosure url="https://night.example.org/{guid}.mp3" type="audio/mpeg"'
            f' length="1000"/><itunes:duration>1:00:00</itunes:duration>'
            f"<description><![CDATA[{description}]]></description>{chapters}</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"'
        ' xmlns:psc="http://podlove.org/simple-chapters"><channel>'
        "<title>Night Sessions</title><link>https://night.example.org/</link>"
        + "".join(parts)
        + "</channel></rss>\n"
    )


ITEMS = [
    (f"night-{n}", f"Episode {n}: Engines {n}", f"<p>Ada Lovelace on engines, part {n}.</p>")
    for n in range(12, 0, -1)
]


def convert(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["convert", *args])
    return result.exit_code, result.stdout, result.stderr


def cli_feed(tmp_path: Path, items: list[tuple[str, str, str]], name: str = "show.xml") -> Path:
    path = tmp_path / name
    path.write_text(feed_xml(items), encoding="utf-8")
    return path


def feed_ids(feed: Path) -> list[str]:
    """The ``feed.id`` of each item, as ``convert`` gives them."""
    code, out, err = convert("--format", "jsonl", str(feed))
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    ids = [r["feed"]["id"] for r in records if r["feed"]]
    assert len(ids) == len(records), "no feed block in the records (SPEC.md 'Feed items')"
    return ids


def test_convert_a_feed_then_a_newer_copy(tmp_path: Path) -> None:
    db = tmp_path / "catalogue.db"
    feed = cli_feed(tmp_path, ITEMS)
    assert feed_ids(feed) == [guid for guid, _, _ in ITEMS]
    code, out, err = convert("--format", "sqlite", "--output", str(db), str(feed))
    assert (code, out) == (0, "")
    assert (
        err
        == f"episodeparse: {db}: 12 added, 0 updated, 0 unchanged, 0 absent from this copy (kept)\n"
    )
    # The newer copy, elsewhere: one new item on top, the third edited, the last removed.
    newer = [("night-13", "Episode 13: Engines 13", "<p>Mary Somerville.</p>"), *ITEMS[:-1]]
    newer[3] = (newer[3][0], newer[3][1], "<p>Ada Lovelace on engines, part 10, revised.</p>")
    copy = cli_feed(tmp_path, newer, "show-2.xml")
    code, out, err = convert("--format", "sqlite", "--output", str(db), str(copy))
    assert code == 0
    assert err.endswith(": 1 added, 1 updated, 10 unchanged, 1 absent from this copy (kept)\n")
    assert rows(db, "SELECT count(*), count(DISTINCT channel) FROM episodes") == [(13, 1)]
    assert rows(
        db, "SELECT key, path, item, last_run FROM episodes WHERE changed_run = 2 ORDER BY item"
    ) == [
        ("night-13", str(copy), 0, 2),
        ("night-10", str(copy), 3, 2),
    ]
    assert rows(db, "SELECT key, last_run FROM episodes WHERE last_run = 1") == [("night-1", 1)]
    assert "revised" in rows(db, "SELECT abstract FROM episodes WHERE key = 'night-10'")[0][0]


def test_the_database_declares_its_keys_and_joins_as_the_records_count(tmp_path: Path) -> None:
    db_path = tmp_path / "catalogue.db"
    inputs = [str(FIXTURES), str(cli_feed(tmp_path, ITEMS))]
    feeds = CORPUS / "feeds" / "pc20rss.xml"
    if feeds.is_file():
        inputs.append(str(feeds))
    code, _, err = convert("--format", "sqlite", "--output", str(db_path), *inputs)
    assert code == 0, err
    code, out, _ = convert("--format", "jsonl", *inputs)
    records = [json.loads(line) for line in out.splitlines()]
    db = sqlite_utils.Database(db_path)
    assert set(db.table_names()) >= {"meta", "episodes", "people", "chapters", "links", "runs"}
    for child in ("people", "chapters", "links"):
        (key,) = db[child].foreign_keys  # type: ignore[union-attr]
        assert (key.column, key.other_table, key.other_column) == ("episode_id", "episodes", "id")
        joined = db.execute(
            f"SELECT count(*) FROM {child} JOIN episodes ON episodes.id = {child}.episode_id"
        ).fetchone()[0]
        assert joined == db[child].count == sum(len(r[child]) for r in records) > 0
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db["episodes"].count == len(records)
    stored = [json.loads(r[0]) for r in db.execute("SELECT record FROM episodes ORDER BY id")]
    assert stored == records  # the whole record: nothing is lost
    meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    assert meta["record_schema"] == "episodeparse.episode/1"
    assert meta["tool_version"]


def dump(path: Path) -> list[tuple[Any, ...]]:
    """Every row of every table, the run's clock time aside."""
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return [
            (table, *row)
            for table in sorted(tables)
            for row in db.execute(f"SELECT * FROM {table} ORDER BY 1, 2")
            if table != "runs"
        ] + db.execute("SELECT run, tool_version, inputs, added, updated FROM runs").fetchall()


def test_jobs_give_the_same_database(tmp_path: Path) -> None:
    feed = cli_feed(tmp_path, ITEMS * 2)  # 24 items, guids twice: spread over the workers
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    for db, jobs in ((one, "1"), (two, "2")):
        code, _, err = convert(
            "--format", "sqlite", "-o", str(db), "--jobs", jobs, str(FIXTURES), str(feed)
        )
        assert code == 0, err
    assert dump(one) == dump(two)
    assert len(dump(one)) > 100


def test_sqlite_needs_an_output_file(tmp_path: Path) -> None:
    code, out, err = convert("--format", "sqlite", str(FIXTURES / "coffee-57.txt"))
    assert (code, out) == (2, "")
    assert err == (
        "episodeparse: --format sqlite writes a database file, never to stdout: "
        "give --output FILE\n"
    )
    code, _, err = convert(
        "--format", "sqlite", "--output-dir", str(tmp_path), str(FIXTURES / "coffee-57.txt")
    )
    assert code == 2
    assert err.count("\n") == 1 and "--output FILE" in err
    assert list(tmp_path.iterdir()) == []


def test_an_unreadable_input_is_one_line_and_the_others_are_written(tmp_path: Path) -> None:
    db = tmp_path / "catalogue.db"
    missing = tmp_path / "missing.txt"
    code, _, err = convert(
        "--format", "sqlite", "-o", str(db), str(missing), str(FIXTURES / "coffee-57.txt")
    )
    assert code == 2
    assert err.splitlines() == [
        f"episodeparse: {missing}: no such file",
        f"episodeparse: {db}: 1 added, 0 updated, 0 unchanged, 0 absent from this copy (kept)",
    ]
    assert rows(db, "SELECT key FROM episodes") == [(str(FIXTURES / "coffee-57.txt"),)]
    assert rows(db, "SELECT unreadable FROM runs") == [(1,)]


def test_a_file_that_is_not_a_catalogue_is_refused(tmp_path: Path) -> None:
    notes = tmp_path / "records.json"
    notes.write_text('{"title": "Engines"}\n' * 10)
    code, _, err = convert("--format", "sqlite", "-o", str(notes), str(FIXTURES / "coffee-57.txt"))
    assert code == 2
    assert err == f"episodeparse: {notes}: not a SQLite database: give a new file\n"
    assert notes.read_text() == '{"title": "Engines"}\n' * 10


def test_the_catalogue_never_replaces_an_input(tmp_path: Path) -> None:
    feed = cli_feed(tmp_path, ITEMS)
    before = feed.read_bytes()
    code, _, err = convert("--format", "sqlite", "-o", str(feed), str(feed))
    assert code == 2 and "refusing to overwrite an input file" in err
    assert feed.read_bytes() == before


# feed.id in summary, validate and chapters ------------------------------------------------


def test_summary_and_validate_rows_join_with_the_catalogue(tmp_path: Path) -> None:
    feed = cli_feed(tmp_path, ITEMS[:3])
    assert feed_ids(feed) == ["night-12", "night-11", "night-10"]
    db = tmp_path / "catalogue.db"
    assert convert("--format", "sqlite", "-o", str(db), str(feed))[0] == 0
    keys = {key for (key,) in rows(db, "SELECT key FROM episodes")}
    runner = CliRunner()
    summary = json.loads(runner.invoke(app, ["summary", "--format", "json", str(feed)]).stdout)
    assert {row["id"] for row in summary["rows"]} == keys == {"night-12", "night-11", "night-10"}
    csv_lines = runner.invoke(app, ["summary", "--format", "csv", str(feed)]).stdout.splitlines()
    header = csv_lines[0].split(",")
    assert {line.split(",")[header.index("id")] for line in csv_lines[1:]} == keys
    command = ["validate", "--select", "ALL", "--format", "json", str(feed)]
    found = json.loads(runner.invoke(app, command).stdout)
    assert found
    for d in found:  # a finding names the feed file, and its item in the message
        item = re.search(r"\(item (\d+)", d["message"])
        assert item is not None and d["id"] == ITEMS[int(item.group(1))][0]


def test_notes_have_no_id(in_root: Path) -> None:
    summary = CliRunner().invoke(app, ["summary", "--format", "json", "fixtures/coffee-57.txt"])
    assert [row["id"] for row in json.loads(summary.stdout)["rows"]] == [None]


def test_chapters_of_a_feed_item_come_from_its_psc_chapters(tmp_path: Path) -> None:
    feed = cli_feed(tmp_path, ITEMS[:2])
    result = CliRunner().invoke(app, ["chapters", str(feed), "--item", "0", "--to", "mp4chaps"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "00:00:00.000 Welcome\n00:04:10.500 The difference engine\n00:31:00.000 Letters\n"
    )


def test_a_file_name_that_is_not_utf8_is_kept(tmp_path: Path) -> None:
    # A name's bytes that are not UTF-8 reach the record as lone surrogates, which SQLite's
    # text cannot hold: the record keeps them exactly (JSON escapes), columns show them as
    # escapes, and two such names stay two rows.
    folder = tmp_path / "notes"
    folder.mkdir()
    for name in (b"ep-\xff.txt", b"ep-\xfe.txt"):
        notes = b"Engines // Ada Lovelace // Night Sessions #1\n[00:00] Intro\n"
        (folder / os.fsdecode(name)).write_bytes(notes)
    db = tmp_path / "catalogue.db"
    code, _, err = convert("--format", "sqlite", "-o", str(db), str(folder))
    assert code == 0, err
    assert err.endswith(": 2 added, 0 updated, 0 unchanged, 0 absent from this copy (kept)\n")
    keys = sorted(key for (key,) in rows(db, "SELECT key FROM episodes"))
    assert keys == [f"{folder}/ep-\\udcfe.txt", f"{folder}/ep-\\udcff.txt"]
    paths = sorted(
        json.loads(r)["source"]["path"] for (r,) in rows(db, "SELECT record FROM episodes")
    )
    assert paths == [f"{folder}/ep-\udcfe.txt", f"{folder}/ep-\udcff.txt"]
    code, _, err = convert("--format", "sqlite", "-o", str(db), "--jobs", "2", str(folder))
    assert err.endswith(": 0 added, 0 updated, 2 unchanged, 0 absent from this copy (kept)\n")
    named = os.fsdecode(bytes(folder) + b"/ep-\xff.txt")  # given by name, in runs.inputs
    code, _, err = convert("--format", "sqlite", "-o", str(db), named)
    assert code == 0, err
    assert err.endswith(": 0 added, 0 updated, 1 unchanged, 0 absent from this copy (kept)\n")
    assert rows(db, "SELECT inputs FROM runs WHERE run = 3") == [(f'["{folder}/ep-\\udcff.txt"]',)]


def _interrupted_after(count: int) -> Any:
    """``parallel.iter_rendered`` that is interrupted (Ctrl-C) after ``count`` results."""
    from episodeparse import parallel

    real = parallel.iter_rendered

    def iter_rendered(*args: Any, **kwargs: Any) -> Any:
        for n, result in enumerate(real(*args, **kwargs)):
            if n == count:
                raise KeyboardInterrupt
            yield result

    return iter_rendered


def test_ctrl_c_leaves_the_catalogue_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    from episodeparse import cli, parallel

    db = tmp_path / "catalogue.db"
    feed = cli_feed(tmp_path, ITEMS[:2])
    assert convert("--format", "sqlite", "-o", str(db), str(feed))[0] == 0
    before = db.read_bytes()
    monkeypatch.setattr(parallel, "iter_rendered", _interrupted_after(3))
    fresh = tmp_path / "fresh.db"
    for target in (db, fresh):
        args = ["convert", "--format", "sqlite", "-o", str(target), str(FIXTURES)]
        monkeypatch.setattr(sys, "argv", ["episodeparse", *args])
        with pytest.raises(SystemExit) as exited:
            cli.main()
        assert exited.value.code == 130
        assert capsys.readouterr().err == "episodeparse: interrupted\n"
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalogue.db", "show.xml"]


def test_sigterm_during_a_long_run_leaves_the_catalogue_as_it_was(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    db = tmp_path / "catalogue.db"
    assert convert("--format", "sqlite", "-o", str(db), str(cli_feed(tmp_path, ITEMS[:2])))[0] == 0
    before = db.read_bytes()
    long_feed = cli_feed(tmp_path, ITEMS * 250, "long.xml")  # 3,000 items
    command = [sys.executable, "-m", "episodeparse", "convert", "--format", "sqlite"]
    proc = subprocess.Popen(
        [*command, "-o", str(db), str(long_feed), "-j", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    journal = tmp_path / "catalogue.db-journal"  # there while the run's transaction is open
    try:
        deadline = time.monotonic() + 120
        while not journal.exists():
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.01)
        time.sleep(0.2)
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert (proc.returncode, stderr.decode()) == (143, "episodeparse: terminated\n")
    assert db.read_bytes() == before
    assert not journal.exists()


def test_a_feed_piped_in_and_the_same_feed_as_a_file_are_the_same_rows(tmp_path: Path) -> None:
    # curl -sL URL | episodeparse convert - --format sqlite -o catalogue.db, as the message
    # for a URL says, then the same feed saved to a file: the rows are found again.
    feed = cli_feed(tmp_path, ITEMS)
    assert feed_ids(feed) == [guid for guid, _, _ in ITEMS]
    db = tmp_path / "catalogue.db"
    piped = CliRunner().invoke(
        app, ["convert", "-", "--format", "sqlite", "-o", str(db)], input=feed.read_bytes()
    )
    assert piped.exit_code == 0, piped.stderr
    assert piped.stderr.endswith(
        ": 12 added, 0 updated, 0 unchanged, 0 absent from this copy (kept)\n"
    )
    code, _, err = convert("--format", "sqlite", "-o", str(db), str(feed))
    assert code == 0, err
    assert err.endswith(": 0 added, 0 updated, 12 unchanged, 0 absent from this copy (kept)\n")
    assert rows(db, "SELECT DISTINCT path FROM episodes") == [(str(feed),)]
