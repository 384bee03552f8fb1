"""The compiled-regex cache: what comes out of it is what ``re.compile`` gives, and a
missing, damaged, foreign or unwritable cache costs time, never a wrong pattern."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import episodeparse.pipeline  # noqa: F401 - imports (and so compiles) every parse pattern
from episodeparse import recache
from tests.conftest import ROOT

# Every pattern the package compiled through the cache on import.
PACKAGE_PATTERNS: list[tuple[Any, int]] = sorted(recache._used, key=repr)
TEXT = (ROOT / "fixtures" / "coffee-57.txt").read_text(encoding="utf-8")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cache file of our own, empty to start with; the module's state restored after."""
    target = tmp_path / "pycache" / "regex.marshal"
    saved = (recache._stored, dict(recache._used), recache._dirty, recache.counts())
    monkeypatch.setattr(recache, "path", lambda: target)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    recache._reset()
    yield target
    recache._stored, recache._dirty = saved[0], saved[2]
    recache._used.clear()
    recache._used.update(saved[1])
    recache._counts.update(saved[3])


def _fill(target: Path) -> None:
    for pattern, flags in PACKAGE_PATTERNS:
        recache.compile(pattern, flags)
    assert recache.save()
    assert target.is_file()
    recache._reset()


def test_the_package_compiles_its_patterns_through_the_cache() -> None:
    assert len(PACKAGE_PATTERNS) > 100
    assert any(isinstance(pattern, bytes) for pattern, _ in PACKAGE_PATTERNS)  # sniff, feeds


def test_a_cached_pattern_is_the_pattern_re_compiles(cache: Path) -> None:
    _fill(cache)
    for pattern, flags in PACKAGE_PATTERNS:
        cached = recache.compile(pattern, flags)
        fresh = re.compile(pattern, flags)
        # Pattern equality compares the pattern, the flags and the matcher code itself.
        assert cached == fresh
        assert (cached.groups, cached.groupindex) == (fresh.groups, fresh.groupindex)
        if isinstance(pattern, str):
            assert [m.span() for m in cached.finditer(TEXT)] == [
                m.span() for m in fresh.finditer(TEXT)
            ]
    assert recache.counts() == {"hits": len(PACKAGE_PATTERNS), "misses": 0}


def test_a_cache_is_written_only_when_a_run_met_something_new(cache: Path) -> None:
    _fill(cache)
    stamp = cache.stat().st_mtime_ns
    recache.compile(*PACKAGE_PATTERNS[0])
    assert not recache.save()  # nothing new
    assert cache.stat().st_mtime_ns == stamp
    recache.compile(r"a pattern (?P<new>nobody) has compiled before", re.I)
    assert recache.save()
    recache._reset()
    assert recache.compile(r"a pattern (?P<new>nobody) has compiled before", re.I).groupindex == {
        "new": 1
    }
    assert recache.counts()["hits"] == 1


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\xff not marshal at all",
        "truncated",
        "another python",
        "entries of the wrong shape",
        "code that is not sre code",
        "code cut short",
        "groups out of step",
    ],
)
def test_a_damaged_or_foreign_cache_gives_the_same_patterns(
    cache: Path, content: bytes | str
) -> None:
    _fill(cache)
    stamp, entries = marshal.loads(cache.read_bytes())
    key = (r"^([A-Z][\w'’-]{1,30})(?=[ \t]+[a-z])", 0)
    if content == "truncated":
        data = cache.read_bytes()[: cache.stat().st_size // 2]
    elif content == "another python":
        data = marshal.dumps((("another", *stamp[1:]), entries))
    elif content == "entries of the wrong shape":
        data = marshal.dumps((stamp, dict.fromkeys(entries, (1, 2))))
    elif content == "code that is not sre code":
        data = marshal.dumps(
            (
                stamp,
                {k: (e[0], recache.code_bytes([99999]) + e[1], *e[2:]) for k, e in entries.items()},
            )
        )
    elif content == "code cut short":
        data = marshal.dumps((stamp, {k: (e[0], e[1][:-1], *e[2:]) for k, e in entries.items()}))
    elif content == "groups out of step":
        data = marshal.dumps((stamp, {k: (*e[:2], e[2] + 5, *e[3:]) for k, e in entries.items()}))
    else:
        assert isinstance(content, bytes)
        data = content
    cache.write_bytes(data)
    for pattern, flags in [*PACKAGE_PATTERNS, key]:
        assert recache.compile(pattern, flags) == re.compile(pattern, flags)
    assert recache.counts()["hits"] == 0
    assert recache.save()  # a good file takes its place
    recache._reset()
    recache.compile(*PACKAGE_PATTERNS[0])
    assert recache.counts() == {"hits": 1, "misses": 0}


def test_no_cache_is_written_when_python_writes_no_bytecode(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    recache.compile(r"never written (down)")
    assert not recache.save()
    assert not cache.exists()


def test_an_unwritable_place_is_no_error(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = cache.parent.parent / "a file, not a folder"
    blocker.write_text("x")
    monkeypatch.setattr(recache, "path", lambda: blocker / "regex.marshal")
    assert recache.compile(r"still (compiled)").match("still compiled")
    assert not recache.save()
    assert sorted(p.name for p in blocker.parent.iterdir()) == ["a file, not a folder"]


def test_a_bad_pattern_raises_what_re_raises(cache: Path) -> None:
    with pytest.raises(re.error):
        recache.compile(r"an (unclosed group")


def test_a_second_run_compiles_no_parse_pattern(tmp_path: Path) -> None:
    """The promise to a producer's pre-commit hook: a run after the first takes every
    pattern of a parse from the cache (the cache goes under PYTHONPYCACHEPREFIX here)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path)
    code = (
        "import sys, episodeparse, episodeparse.recache as r;"
        "episodeparse.parse(open(sys.argv[1], encoding='utf-8').read());"
        "print(r.path(), r.counts()['hits'], r.counts()['misses'])"
    )
    note = str(ROOT / "fixtures" / "coffee-57.txt")
    runs = [
        subprocess.run(
            [sys.executable, "-c", code, note], env=env, capture_output=True, text=True, check=True
        ).stdout.split()
        for _ in range(2)
    ]
    (where, hits, misses), (_, hits2, misses2) = runs
    assert Path(where).is_relative_to(tmp_path) and Path(where).is_file()
    assert int(misses) > 100 and int(hits) == 0
    assert int(hits2) == int(misses) and int(misses2) == 0
