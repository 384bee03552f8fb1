"""The Dask engine: through a two-process cluster on loopback, exactly the local records.

Deselect with ``-m "not dask"`` (one cluster for the module: about 3 s to start).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from typer.testing import CliRunner

from episodeparse.cli import app
from episodeparse.inputs import InputFailure, iter_records
from tests.conftest import CORPUS, FIXTURES, ROOT

pytest.importorskip("distributed")

from episodeparse import dask as engine  # after the skip: it imports dask

if TYPE_CHECKING:
    from distributed import Client

pytestmark = pytest.mark.dask

Record = dict[str, Any]


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=None,
            scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
        ) as cluster,
        Client(cluster, set_as_default=False) as client,
    ):
        yield client


def local(paths: list[str]) -> tuple[list[Record], list[InputFailure]]:
    """What ``convert`` gives for ``paths``: records and failures, in order."""
    records: list[Record] = []
    failures: list[InputFailure] = []
    for result in iter_records(paths):
        if isinstance(result, InputFailure):
            failures.append(result)
        else:
            records.append(result.to_dict())
    return records, failures


def by_source(records: list[Record]) -> list[Record]:
    return sorted(records, key=lambda r: (r["source"]["path"], r["source"]["item"] or 0))


def on_cluster(
    client: Client, paths: list[str], out: Path, blocksize: int | str = "64 KiB"
) -> tuple[list[Record], engine.Written]:
    written = engine.write_jsonl(engine.records(paths, blocksize=blocksize), out, client=client)
    return list(engine.read_jsonl(out)), written


def test_corpus_feeds_and_fixtures_give_the_local_records(
    client: Client, in_root: Path, tmp_path: Path
) -> None:
    paths = ["fixtures"]
    if CORPUS.is_dir():
        # Its feeds/ too: one record per item. Relative to the repository, wherever the
        # corpus was found (beside it, or the workplace's copy for a clone elsewhere).
        paths.append(corpus := os.path.relpath(CORPUS, ROOT))
    # Blocks small enough for several partitions on both workers, with or without the corpus.
    blocksize = "64 KiB" if CORPUS.is_dir() else "8 KiB"
    got, written = on_cluster(client, paths, tmp_path / "out", blocksize)
    expected, failures = local(paths)
    assert len(written.parts) > 2  # several partitions, both workers
    assert written.records == len(got) == len(expected)
    assert by_source(got) == by_source(expected)
    assert got == expected  # and in the same order: partitions follow the inputs
    assert list(written.failures) == failures
    if CORPUS.is_dir():
        feeds = sorted((CORPUS / "feeds").glob("*.xml"))
        shown = {r["source"]["path"] for r in got if r["source"]["format"] == "rss"}
        assert {f"{corpus}/feeds/{feed.name}" for feed in feeds} <= shown


def test_part_files_are_what_convert_jsonl_prints(
    client: Client, in_root: Path, tmp_path: Path
) -> None:
    written = engine.write_jsonl(
        engine.records("fixtures/*.txt", blocksize=1), tmp_path, client=client
    )
    local_run = CliRunner().invoke(app, ["convert", "--format", "jsonl", *sorted_txt()])
    assert local_run.exit_code == 0, local_run.stderr
    text = "".join(part.read_text(encoding="utf-8") for part in written.parts)
    assert text == local_run.stdout
    assert [p.name for p in written.parts][:2] == ["part-00000.jsonl", "part-00001.jsonl"]


def sorted_txt() -> list[str]:
    return sorted(f"fixtures/{p.name}" for p in FIXTURES.glob("*.txt"))


@pytest.fixture()
def bad_inputs(tmp_path: Path) -> list[str]:
    """Good notes around a file of bad bytes, a broken feed, a missing file, an empty
    directory and a glob that matches nothing."""
    notes = tmp_path / "notes"
    notes.mkdir()
    shutil.copy(FIXTURES / "coffee-57.txt", notes / "a-good.txt")
    (notes / "b-bad-bytes.txt").write_bytes(b"Intro // Ada Lovelace\n\xc3\x28 not UTF-8\n")
    (notes / "c-broken.xml").write_bytes(b"<?xml version='1.0'?><rss><channel><item><ti")
    shutil.copy(FIXTURES / "coffee-116.txt", notes / "d-good.txt")
    (tmp_path / "empty").mkdir()
    return [
        str(notes),
        str(tmp_path / "missing.txt"),
        str(tmp_path / "empty"),
        str(tmp_path / "nothing-*.md"),
        str(FIXTURES / "tiny-feed.xml"),
    ]


def test_bad_inputs_become_error_records_and_the_rest_is_complete(
    client: Client, bad_inputs: list[str], tmp_path: Path
) -> None:
    bag = engine.records(bad_inputs, blocksize=1)  # one input per partition
    elements: list[Record] = bag.compute(scheduler=client.get)
    errors = [e["error"] for e in elements if engine.is_error(e)]
    good = [e for e in elements if not engine.is_error(e)]
    expected, failures = local(bad_inputs[:3] + bad_inputs[4:])
    assert good == expected
    assert {r["source"]["path"].rsplit("/", 1)[-1] for r in good} == {
        "a-good.txt",
        "d-good.txt",
        "tiny-feed.xml",
    }
    assert errors[:2] == [{"path": f.path, "message": f.message} for f in failures[:2]]
    assert [(e["path"].rsplit("/", 1)[-1], e["message"]) for e in errors] == [
        ("b-bad-bytes.txt", failures[0].message),
        ("c-broken.xml", failures[1].message),
        ("missing.txt", "no such file"),
        ("empty", "no notes files (.txt, .md, .html, .xml) in this directory"),
        ("nothing-*.md", "no files match this pattern"),
    ]
    assert "UTF-8" in failures[0].message or "decode" in failures[0].message
    written = engine.write_jsonl(bag, tmp_path / "out", client=client)
    assert list(engine.read_jsonl(tmp_path / "out")) == expected
    assert [(f.path, f.message) for f in written.failures] == [
        (e["path"], e["message"]) for e in errors
    ]


def test_a_failed_partition_leaves_no_part_file(client: Client, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "part-00000.jsonl").write_text("an earlier run\n", encoding="utf-8")

    def explode(record: Record) -> Record:
        # Defined here so that cloudpickle sends it by value to the workers.
        if record.get("source", {}).get("path", "").endswith("coffee-116.txt"):
            raise RuntimeError("simulated failure on a worker")
        return record

    bag = engine.records(str(FIXTURES), blocksize=1).map(explode)
    with pytest.raises(RuntimeError, match="simulated failure"):
        engine.write_jsonl(bag, out, client=client)
    assert sorted(p.name for p in out.iterdir()) == ["part-00000.jsonl"]
    assert (out / "part-00000.jsonl").read_text(encoding="utf-8") == "an earlier run\n"


def test_a_smaller_run_replaces_the_part_files_of_a_larger_one(
    client: Client, tmp_path: Path
) -> None:
    first = engine.write_jsonl(engine.records(str(FIXTURES), blocksize=1), tmp_path, client=client)
    second = engine.write_jsonl(
        engine.records(str(FIXTURES / "coffee-57.txt")), tmp_path, client=client
    )
    assert len(first.parts) > 1 and second.parts == (tmp_path / "part-00000.jsonl",)
    assert sorted(tmp_path.iterdir()) == [tmp_path / "part-00000.jsonl"]
    assert [r["source"]["path"] for r in engine.read_jsonl(tmp_path)] == [
        str(FIXTURES / "coffee-57.txt")
    ]


def test_progress_follows_the_partitions(client: Client, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    bag = engine.records(sorted_paths(), blocksize=1)
    engine.write_jsonl(bag, tmp_path, client=client, progress=lambda d, n: seen.append((d, n)))
    n = bag.npartitions
    assert seen == [(i, n) for i in range(1, n + 1)]


def sorted_paths() -> list[str]:
    return [str(p) for p in sorted(FIXTURES.glob("*.txt"))[:4]]


def test_blocksize_groups_consecutive_inputs() -> None:
    paths = sorted_paths()
    assert engine.records(paths, blocksize=1).npartitions == len(paths)
    assert engine.records(paths, blocksize="1 GiB").npartitions == 1
    assert engine.records(paths).npartitions == len(paths)  # fewer than MIN_PARTITIONS
    assert 10 < engine.records(str(FIXTURES)).npartitions <= engine.MIN_PARTITIONS + 1
    with pytest.raises(ValueError, match="standard input"):
        engine.records(["-"])
    with pytest.raises(ValueError, match="no inputs"):
        engine.records([])


def test_connect_says_when_no_scheduler_answers() -> None:
    with pytest.raises(OSError), engine.connect("tcp://127.0.0.1:9", timeout="1s"):
        pass


# The command line -----------------------------------------------------------------------


def test_convert_engine_dask_on_a_running_scheduler(
    client: Client, bad_inputs: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    address = str(client.scheduler_info()["address"])
    args = ["convert", "--engine", "dask", "--scheduler", address, "--output-dir", str(out)]
    result = CliRunner().invoke(app, [*args, *bad_inputs])
    local_run = CliRunner().invoke(app, ["convert", "--format", "jsonl", *bad_inputs])
    assert result.exit_code == local_run.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        *local_run.stderr.splitlines()[:2],
        f"episodeparse: {bad_inputs[1]}: no such file",
        f"episodeparse: {bad_inputs[2]}: no notes files (.txt, .md, .html, .xml) in this directory",
        f"episodeparse: {bad_inputs[3]}: no files match this pattern",
    ]
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(out.glob("part-*.jsonl")))
    assert text == local_run.stdout


def test_convert_engine_dask_starts_a_local_cluster(in_root: Path, tmp_path: Path) -> None:
    """The real command, as a user runs it: no --scheduler, a cluster of its own."""
    out = tmp_path / "out"
    argv = ["convert", "--engine", "dask", "--output-dir", str(out), "fixtures"]
    proc = subprocess.run(
        [sys.executable, "-m", "episodeparse", *argv],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stderr == b"", proc.stderr.decode()  # no bar, no cluster logs off a terminal
    local_run = CliRunner().invoke(app, ["convert", "--format", "jsonl", "fixtures"])
    parts = sorted(out.glob("part-*.jsonl"))
    assert len(parts) > 2  # a small catalogue still makes partitions for both workers
    assert "".join(p.read_text(encoding="utf-8") for p in parts) == local_run.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--engine", "dask", "fixtures"], "give --output-dir DIR"),
        (["--engine", "dask", "--output-dir", "{out}", "-"], "not standard input"),
        (["--engine", "dask", "--output-dir", "{out}", "-f", "yaml", "fixtures"], "--format"),
        (["--engine", "dask", "--output-dir", "{out}", "-o", "x.json", "fixtures"], "--output"),
        (["--scheduler", "tcp://127.0.0.1:8786", "fixtures"], "needs --engine dask"),
        (["--engine", "dask", "--output-dir", "{out}", "{out}/part-00000.jsonl"], "overwrite"),
        (["--engine", "dask", "--output-dir", "{out}/part-00000.jsonl/x", "fixtures"], "write"),
    ],
)
def test_convert_engine_dask_usage_errors(
    args: list[str], message: str, in_root: Path, tmp_path: Path
) -> None:
    earlier = tmp_path / "part-00000.jsonl"
    earlier.write_text("{}\n", encoding="utf-8")  # an earlier run's part, given as input
    argv = ["convert", *(a.replace("{out}", str(tmp_path)) for a in args)]
    result = CliRunner().invoke(app, argv)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr, result.stderr
    assert sorted(tmp_path.iterdir()) == [earlier]
    assert earlier.read_text(encoding="utf-8") == "{}\n"


def test_records_are_plain_json() -> None:
    record = engine.records(str(FIXTURES / "coffee-57.txt")).compute(scheduler="sync")[0]
    assert json.loads(json.dumps(record)) == record
    assert not engine.is_error(record)
