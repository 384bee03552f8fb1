"""The package as a user installs it: a wheel built from this tree, in a fresh virtual
environment, run from another directory, holding everything it needs (the cue-word data,
the license) and nothing of the tree it came from.

Building and installing reach the package index for setuptools and the runtime
dependencies, as ``pip install .`` does; about 20 s.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

from tests.conftest import FIXTURES, ROOT


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )


def test_the_wheel_installs_and_converts_from_another_directory(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    _run(sys.executable, "-m", "build", "--wheel", "--sdist", "--outdir", dist, ROOT, cwd=tmp_path)
    wheel = next(dist.glob("episodeparse-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert "episodeparse/py.typed" in names
    assert not any(n.startswith(("tests/", "fixtures/", "benchmarks/")) for n in names)
    _run(sys.executable, "-m", "twine", "check", "--strict", *dist.iterdir(), cwd=tmp_path)

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    _run(bin_dir / "python", "-m", "pip", "install", "--quiet", wheel, cwd=tmp_path)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(FIXTURES / "coffee-57.txt", elsewhere / "ep.txt")
    out = _run(bin_dir / "episodeparse", "convert", "ep.txt", cwd=elsewhere).stdout
    record = json.loads(out)
    golden = json.loads((FIXTURES / "coffee-57.json").read_text(encoding="utf-8"))
    golden["source"]["path"] = "ep.txt"
    assert record == golden
    # The installed package is the wheel's, not this tree's.
    where = _run(
        bin_dir / "python", "-c", "import episodeparse; print(episodeparse.__file__)", cwd=elsewhere
    ).stdout
    assert Path(where.strip()).is_relative_to(env_dir)
