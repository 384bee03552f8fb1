"""The documentation a user reads says what the tool does.

- docs/record.md documents every field of ``episodeparse schema``, and nothing else;
- every property of the schema has a description;
- no relative link in the README or docs/ leaves the repository, and each one resolves;
- no tracked file holds an absolute path of a developer's machine.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from episodeparse.schema import SCHEMA_ID, episode_schema
from tests.conftest import ROOT

RECORD_DOC = ROOT / "docs" / "record.md"
_FIELD_ROW = re.compile(r"^\| `([\w.\[\]]+)` \|", re.MULTILINE)
_LINK = re.compile(r"\]\(([^)\s]+)\)")


def _object_of(node: dict[str, Any]) -> dict[str, Any] | None:
    """The object schema inside a property: itself, an array's items, or an anyOf branch."""
    if node.get("type") == "object":
        return node
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        return _object_of(node["items"])
    for branch in node.get("anyOf", ()):
        if branch.get("type") == "object":
            return dict(branch)
    return None


def _fields(node: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    for name, prop in node["properties"].items():
        path = prefix + name
        yield path, prop
        inner = _object_of(prop)
        if inner is not None:
            joint = "[]." if prop.get("type") == "array" else "."
            yield from _fields(inner, path + joint)


def test_the_record_reference_documents_every_field_of_the_schema() -> None:
    schema_fields = {path for path, _ in _fields(episode_schema())}
    documented = _FIELD_ROW.findall(RECORD_DOC.read_text(encoding="utf-8"))
    assert len(documented) == len(set(documented)), "a field documented twice"
    assert sorted(schema_fields - set(documented)) == [], "fields without documentation"
    assert sorted(set(documented) - schema_fields) == [], "documented fields not in the schema"


def test_every_property_of_the_schema_is_described() -> None:
    schema = episode_schema()
    assert schema["$id"] == SCHEMA_ID == "urn:episodeparse:episode:1"
    undescribed = [path for path, prop in _fields(schema) if not prop.get("description")]
    assert undescribed == []


def _markdown_files() -> list[Path]:
    return [ROOT / "README.md", ROOT / "CHANGELOG.md", *sorted((ROOT / "docs").glob("*.md"))]


@pytest.mark.parametrize("doc", _markdown_files(), ids=lambda p: p.name)
def test_relative_links_stay_in_the_repository_and_resolve(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    for target in _LINK.findall(text):
        if re.match(r"[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
            continue  # https:, mailto:, or an anchor on the same page
        resolved = (doc.parent / target.split("#", 1)[0]).resolve()
        assert resolved.is_relative_to(ROOT), f"{doc.name}: {target} leaves the repository"
        assert resolved.exists(), f"{doc.name}: {target} does not exist"


def test_no_tracked_file_holds_an_absolute_path_of_a_machine() -> None:
    # Home and work folders of Linux, macOS and Windows machines (spelled so that this
    # file does not match itself).
    roots = ["/" + "home/", "/" + "root/", "/" + "Users/", "/" + "work/", "C:" + "\\\\Users"]
    pattern = re.compile("|".join(re.escape(r) + r"[\w.-]" for r in roots))
    listed = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    found = []
    for name in listed:
        try:
            text = (ROOT / name).read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
            continue
        found += [f"{name}: {m.group(0)}" for m in pattern.finditer(text)]
    assert found == []
