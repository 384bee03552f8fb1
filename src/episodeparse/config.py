"""``validate``'s configuration, found as ruff finds its own.

For each input, the nearest configuration in its folder or above is used: a
``.episodeparse.toml`` (its keys at the top level), else a ``pyproject.toml`` holding a
``[tool.episodeparse]`` table. A ``pyproject.toml`` without that table does not stop the
search. Standard input uses the configuration of the current folder. Keys::

    select = ["ALL"]                  # codes, parts ("links"), groups ("parser"), ALL
    extend-select = ["parser"]        # added to select (or to the default checks)
    ignore = ["people/no-bio"]
    profiles = ["youtube", "spotify"] # platform rules that apply
    min-chapter = 15                  # shortest chapter, in seconds
    [per-file-ignores]                # ([tool.episodeparse.per-file-ignores])
    "archive/**" = ["links/http"]     # globs relative to the configuration's folder

An unknown key, a value of the wrong type or a selector that names nothing is a
``ConfigError`` naming the file: a typo in a linter's configuration must not pass silently.
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path, PurePosixPath
from typing import Any

from episodeparse import recache
from episodeparse.checks import PROFILES, Check, Profile, UnknownSelector, resolve
from episodeparse.slotted import FrozenSlotted

__all__ = ["CONFIG_NAMES", "Config", "ConfigError", "find_config", "load_config"]

CONFIG_NAMES = (".episodeparse.toml", "pyproject.toml")
_KEYS = frozenset(
    ("select", "extend-select", "ignore", "profiles", "min-chapter", "per-file-ignores")
)


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names the file."""


class Config(FrozenSlotted):
    """One configuration file's settings (empty: the defaults), and its folder (by
    default the current one).

    A ``FrozenSlotted``, not a dataclass: a frozen dataclass compiles its methods when
    the module is imported, 1 ms of every ``validate``'s start.
    """

    __slots__ = (
        "extend_select",
        "ignore",
        "min_chapter",
        "path",
        "per_file_ignores",
        "profiles",
        "root",
        "select",
    )
    root: Path
    path: Path | None
    select: tuple[str, ...] | None
    extend_select: tuple[str, ...]
    ignore: tuple[str, ...]
    profiles: tuple[Profile, ...]
    min_chapter: int | None
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...]

    def __init__(
        self,
        root: Path | None = None,
        path: Path | None = None,
        select: tuple[str, ...] | None = None,
        extend_select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
        profiles: tuple[Profile, ...] = (),
        min_chapter: int | None = None,
        per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = (),
    ) -> None:
        self.root = Path.cwd() if root is None else root
        self.path = path
        self.select = select
        self.extend_select = extend_select
        self.ignore = ignore
        self.profiles = profiles
        self.min_chapter = min_chapter
        self.per_file_ignores = per_file_ignores

    def ignored_for(self, file: str) -> tuple[str, ...]:
        """The per-file ignores whose glob matches ``file`` (relative to ``root``; a
        pattern without ``/`` also matches the file's name, as ruff's do)."""
        path = Path(file)
        try:
            relative = PurePosixPath(path.resolve().relative_to(self.root.resolve()))
        except (ValueError, OSError):
            relative = PurePosixPath(path.as_posix())
        out: list[str] = []
        for pattern, codes in self.per_file_ignores:
            if (
                relative.full_match(pattern)
                if hasattr(relative, "full_match")
                else fnmatch.fnmatch(str(relative), pattern)
            ) or ("/" not in pattern and fnmatch.fnmatch(relative.name, pattern)):
                out.extend(codes)
        return tuple(out)

    def checks(
        self,
        file: str | None,
        *,
        select: tuple[str, ...] | None = None,
        extend_select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
    ) -> tuple[Check, ...]:
        """The checks for ``file``. As in ruff, a ``select`` of the command line starts
        afresh (the file's select, extend-select and ignore no longer apply); its
        ``extend_select`` and ``ignore`` add to the file's. Per-file ignores always apply."""
        fresh = select is not None
        chosen = select if fresh else self.select
        more = (*(() if fresh else self.extend_select), *extend_select)
        skipped = (
            *(() if fresh else self.ignore),
            *ignore,
            *(self.ignored_for(file) if file else ()),
        )
        return resolve(chosen, skipped, more)


def _strings(value: Any, key: str, where: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key} must be a list of strings")
    return tuple(value)


# Where a pyproject.toml can open [tool.episodeparse], at the start of a line: a table
# header naming it, or its subtable ("[tool.episodeparse]", '[ "tool" . episodeparse.x ]',
# "[[tool.episodeparse]]"), a [tool] header (whose keys may be "episodeparse.select = "),
# or a key written from "tool" ("tool.episodeparse.select = ", "tool = {...}"). A file
# with none of them has no such table; some files with one have none either (a key
# "tool" in another table), and are read whole.
_MAY_HOLD_THE_TABLE = recache.compile(
    r"""
    ^\ufeff?[ \t]*                                   # (a byte-order mark: TOML refuses it)
    (?:
        \[\[?[ \t]*["']?tool["']?[ \t]*                     # a header from "tool":
        (?: \] | \.[ \t]*["']?episodeparse["']?[ \t]*[.\]] )  # [tool] or [tool.episodeparse
      | ["']?tool["']?[ \t]*[.=]                              # a key from "tool"
    )
    """,
    re.MULTILINE | re.VERBOSE,
)


def may_hold_settings(path: Path, text: str) -> bool:
    r"""Whether ``text``, the content of ``path``, can hold settings, as far as a look
    without the TOML parser tells: a ``.episodeparse.toml`` always can; a
    ``pyproject.toml`` only with a ``[tool.episodeparse]`` table. (The usual project's
    pyproject.toml, even one that depends on episodeparse or names its script, is passed
    over without loading the parser: 4 ms of every ``validate``'s start.) A key spelled
    with escapes (``"\u0074ool"``) is not looked for.

    >>> project = Path("pyproject.toml")
    >>> may_hold_settings(project, '[project]\ndependencies = ["episodeparse"]\n')
    False
    >>> may_hold_settings(project, '[tool . "episodeparse"]\nignore = ["links/http"]\n')
    True
    """
    if path.name != "pyproject.toml":
        return True
    return "episodeparse" in text and _MAY_HOLD_THE_TABLE.search(text) is not None


def load_config(path: Path) -> Config | None:
    """The settings of one file: None for a ``pyproject.toml`` without the table."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read as TOML: {exc}") from None
    if not may_hold_settings(path, text):
        return None
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: cannot be read as TOML: {exc}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("episodeparse")
        if table is None:
            return None
    else:
        table = data.get("tool", {}).get("episodeparse", data)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.episodeparse] must be a table")
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ConfigError(f"{path}: unknown key {unknown[0]} (known: {', '.join(sorted(_KEYS))})")
    profiles = _strings(table.get("profiles", []), "profiles", path)
    for name in profiles:
        if name not in PROFILES:
            raise ConfigError(f"{path}: profiles: no platform {name} ({', '.join(PROFILES)})")
    minimum = table.get("min-chapter")
    if minimum is not None and (not isinstance(minimum, int) or minimum < 0):
        raise ConfigError(f"{path}: min-chapter must be a whole number of seconds")
    pfi = table.get("per-file-ignores", {})
    if not isinstance(pfi, dict):
        raise ConfigError(f"{path}: per-file-ignores must be a table of glob = [codes]")
    config = Config(
        root=path.parent,
        path=path,
        select=_strings(table["select"], "select", path) if "select" in table else None,
        extend_select=_strings(table.get("extend-select", []), "extend-select", path),
        ignore=_strings(table.get("ignore", []), "ignore", path),
        profiles=tuple(p for p in PROFILES if p in profiles),
        min_chapter=minimum,
        per_file_ignores=tuple(
            (glob, _strings(codes, f"per-file-ignores {glob}", path)) for glob, codes in pfi.items()
        ),
    )
    try:
        config.checks(None)
        resolve(None, tuple(code for _, codes in config.per_file_ignores for code in codes))
    except UnknownSelector as exc:
        raise ConfigError(f"{path}: {exc}: no such check, part or group") from None
    return config


def find_config(file: str | None, cache: dict[Path, Config] | None = None) -> Config:
    """The configuration for ``file`` (None or ``-``: the current folder): the nearest
    one in its folder or above, else the defaults. ``cache`` keeps what one run found."""
    _FOUND = {} if cache is None else cache
    start = Path.cwd() if file in (None, "-") else Path(file).resolve().parent
    for folder in (start, *start.parents):
        if folder in _FOUND:
            return _FOUND[folder]
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                config = load_config(candidate)
                if config is not None:
                    _FOUND[start] = config
                    return config
    default = Config(root=Path.cwd())
    _FOUND[start] = default
    return default
