"""The command line: a thin shell over the library.

It reads inputs, calls the library, writes output, and maps every failure to one line on
stderr and an exit code, in one place (``_fail``):

    0  every input converted
    1  (validate) findings at error level
    2  usage or input problems: a missing or unreadable file, bad bytes, a broken feed
    3  an internal error (a bug): named with its exception's type, the other inputs still
       converted; never a traceback

The wording of each problem is ``episodeparse.errors``' catalogue, the same in every
command.
"""

from __future__ import annotations

import copy
import errno
import io
import os
import signal
import sys
import types
import typing
from enum import StrEnum
from functools import partial
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TextIO, TypeVar

from episodeparse import __version__

if TYPE_CHECKING:
    from collections.abc import Callable

    import typer
    from typer._click.core import Context as ClickContext
    from typer.core import TyperCommand
    from typer.models import CommandInfo, TyperInfo

    from episodeparse.checks import Check
    from episodeparse.diagnostics import Diagnostic
    from episodeparse.inputs import InputFailure
    from episodeparse.model import Episode
    from episodeparse.output_dir import AtomicFile
    from episodeparse.progress import Bar

# The library is imported inside each command, so that --help, and a command, load only
# what they use (start-up is most of what `validate FILE` costs).
DEFAULT_MAX_BYTES = 64 * 1024 * 1024  # inputs.DEFAULT_MAX_BYTES (a test keeps them equal)

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_INTERNAL = 3  # errors.EXIT_INTERNAL (errors is not imported for --help)

# The commands, in the order ``episodeparse --help`` lists them, with their settings for
# ``app.command``. The typer app is made from them on first use (``_typer_app``): a run
# that ``main`` gives straight to its command (``_direct``) imports no typer or click.
_COMMANDS: list[tuple[Callable[..., None], dict[str, Any]]] = []

_F = TypeVar("_F", bound="Callable[..., None]")


def _command(name: str | None = None, **settings: Any) -> Callable[[_F], _F]:
    """``@app.command(name, **settings)``, registered when the app is made."""

    def register(function: _F) -> _F:
        _COMMANDS.append((function, {"name": name, **settings}))
        return function

    return register


app: typer.Typer  # made on first use (module ``__getattr__``)


def __getattr__(name: str) -> object:
    if name in ("app", "typer"):
        _typer_app()
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _max_bytes() -> Any:  # typer.Option's OptionInfo
    """``--max-bytes``, as the commands that read inputs declare it."""
    import typer

    return typer.Option(
        "--max-bytes",
        help="Refuse inputs larger than this: bytes, or 10MB (10^6 bytes), 64MiB (2^20).",
        parser=parse_size,
        metavar="SIZE",
        show_default="64MiB",
    )


def _quiet() -> Any:
    """``--quiet``, as the commands with feedback declare it."""
    import typer

    return typer.Option(
        "--quiet",
        "-q",
        help="No progress bar and no closing line (both only ever on a terminal).",
    )


def _typer_app() -> typer.Typer:
    """The typer app of every command (made once): imports typer and registers the
    commands in order."""
    made: typer.Typer | None = globals().get("app")
    if made is not None:
        return made
    import typer

    globals()["typer"] = typer  # the commands' annotations name it
    made = typer.Typer(
        name="episodeparse",
        help="Turn podcast show notes into structured, validated episode records.",
        no_args_is_help=True,
        add_completion=True,  # --install-completion, --show-completion (bash, zsh, fish, ...)
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    made.callback()(main_options)
    for function, settings in _COMMANDS:
        made.command(**settings)(function)
    usage = _usage_class()
    for info in made.registered_commands:
        if info.cls in (None, typer.core.TyperCommand):
            info.cls = usage
    globals()["app"] = made
    return made


class OutputFormat(StrEnum):
    json = "json"
    yaml = "yaml"
    jsonl = "jsonl"
    sqlite = "sqlite"


def _error(message: str) -> None:
    """One line on stderr: a control character in the message (a file named "a<LF>b.txt",
    an escape sequence) is written as an escape."""
    from episodeparse.diagnostics import printable

    if _Feedback.bar is not None:
        _Feedback.bar.close()  # the line starts clean; the bar comes back below it
    print(f"episodeparse: {printable(message)}", file=sys.stderr)


def _fail(message: str, code: int = EXIT_INPUT) -> NoReturn:
    _error(message)
    raise SystemExit(code)


_OVERWRITE = "refusing to overwrite an input file"  # errors.CATALOGUE["output/overwrite"]


def _cannot_write(exc: OSError) -> str:
    """The catalogue's ``output/cannot-write``, for ``exc``."""
    from episodeparse.errors import message

    return message("output/cannot-write", reason=exc.strerror or exc)


def _failed(failure: InputFailure) -> int:
    """Say that an input failed (one line naming it); the exit code it gives."""
    _error(str(failure))
    return EXIT_INTERNAL if failure.code == "internal" else EXIT_INPUT


class _Feedback:
    """Feedback on a long run (``episodeparse.progress``): a bar on a terminal's stderr,
    moved by the bytes read, and a closing line. Neither with ``--quiet``, when stderr is
    not a terminal, or with ``CI`` set."""

    bar: Bar | None = None  # the one on screen, which an error line wipes first

    def __init__(self, paths: list[str], label: str, *, quiet: bool = False) -> None:
        self.skipped: list[str] = []
        self.records = 0
        self.failed = 0
        self.on = False
        if quiet or not _isatty(sys.stderr):
            return  # the usual case in a pipe, before progress is imported
        from episodeparse import inputs, progress

        self.on = progress.wanted(sys.stderr)
        if not self.on:
            return
        found = inputs.survey(paths)
        self.skipped = found.skipped
        _Feedback.bar = bar = progress.Bar(sys.stderr, found.total_bytes, label)
        inputs.read_meter = bar.read

    def record(self) -> None:
        self.records += 1
        if _Feedback.bar is not None:
            _Feedback.bar.record()

    def close(self, where: str | None = None) -> None:
        """Wipe the bar; with ``where``, say what was written there."""
        if not self.on:
            return
        from episodeparse import inputs, progress

        inputs.read_meter = None
        if _Feedback.bar is not None:
            _Feedback.bar.close()
            _Feedback.bar = None
        if where is not None:
            line = progress.closing_line(self.records, where, self.failed, self.skipped)
            print(line, file=sys.stderr)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no stream, or a closed one
        return False


_SIZE_UNITS = {
    "": 1,
    "b": 1,
    "k": 10**3,
    "kb": 10**3,
    "m": 10**6,
    "mb": 10**6,
    "g": 10**9,
    "gb": 10**9,
    "kib": 2**10,
    "mib": 2**20,
    "gib": 2**30,
}


def parse_size(text: str | int) -> int:
    """``--max-bytes``: bytes, or a size with a unit (``1MB`` = 10^6 bytes, ``1MiB`` =
    2^20; ``kB``/``KiB``, ``GB``/``GiB``; ``1.5MB``), at least one byte.

    >>> parse_size("1MB"), parse_size("1MiB"), parse_size("64 KiB"), parse_size("2000")
    (1000000, 1048576, 65536, 2000)
    """
    if isinstance(text, int):  # the default, which typer passes through the parser too
        return text
    from decimal import Decimal  # here: a run with the default loads none of it

    written = text.strip()
    digits = written.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    unit = _SIZE_UNITS.get(written[len(digits) :].lower())
    number = digits.strip()
    if unit is None or not (number.isascii() and number.replace(".", "", 1).isdigit()):
        import typer

        raise typer.BadParameter(
            f"{text!r} is not a size: write bytes (10000000), or a number and a unit"
            " (10MB = 10^6 bytes, 64MiB = 2^20 bytes; kB, KiB, GB, GiB)"
        )
    size = int(Decimal(number) * unit)
    if size < 1:
        import typer

        raise typer.BadParameter(f"{text!r}: a size of at least one byte")
    return size


def colour_wanted(stream: TextIO) -> bool:
    """Colour on ``stream``: on a terminal, unless ``NO_COLOR`` is set (no-color.org: to
    anything but ""); off a terminal too when ``FORCE_COLOR`` is set (to anything but "",
    0 or false). ``NO_COLOR`` wins over ``FORCE_COLOR``, as in Python's own colours."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "").lower() not in ("", "0", "false"):
        return True
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _version(value: bool) -> None:
    if value:
        print(f"episodeparse {__version__}")
        raise SystemExit(EXIT_OK)


def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Turn podcast show notes into structured, validated episode records."""


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return a.resolve() == b.resolve()


def _encoding_option(value: str | None) -> str | None:
    """``--encoding``: an encoding that reads no text is a usage error, before any input."""
    if value is None:
        return None
    from episodeparse.document import check_encoding

    try:
        return check_encoding(value)
    except ValueError as exc:
        import typer

        raise typer.BadParameter(str(exc)) from None


def _refuse_urls(paths: list[str], command: str) -> None:
    """A URL given as a path: one line saying that nothing is fetched, and how to pipe a
    download in (``command`` is the rest of the command line to suggest)."""
    for raw in paths:
        scheme, sep, _ = raw.partition("://")
        if (
            sep
            and scheme[:1].isalpha()
            and all(c.isascii() and (c.isalnum() or c in "+.-") for c in scheme)
            and not Path(raw).exists()
        ):
            import shlex

            _fail(
                f"{raw}: a URL: episodeparse reads files and fetches nothing; pipe a download "
                f"in: curl -sL {shlex.quote(raw)} | episodeparse {command}"
            )


def _check_output(output: Path, inputs: list[str]) -> None:
    for raw in inputs:
        if raw == "-":
            continue
        source = Path(raw)
        if source.is_dir():
            try:
                output.resolve().relative_to(source.resolve())
            except ValueError:
                continue
            if output.exists() and output.suffix.lower() in {
                ".txt",
                ".md",
                ".html",
                ".htm",
                ".xml",
            }:
                _fail(f"{output}: {_OVERWRITE}")
        elif output.exists() and _same_file(output, source):
            _fail(f"{output}: {_OVERWRITE}")


def write_atomically(output: Path, text: str) -> None:
    """Write ``text`` to ``output`` through a temporary file in the same folder and a rename,
    so a reader never sees a partial file and an interrupted run leaves none behind."""
    from episodeparse.output_dir import AtomicFile

    target = AtomicFile(output)
    try:
        target.write(text)
        target.commit()
    finally:
        target.discard()


# convert --engine dask ----------------------------------------------------------------


class Engine(StrEnum):
    local = "local"
    dask = "dask"


def _convert_on_dask(
    paths: list[str],
    output_dir: Path | None,
    scheduler: str | None,
    *,
    refuse: str | None,
    max_bytes: int,
    encoding: str | None,
) -> None:
    """``convert --engine dask``: part files in ``output_dir``, failures on stderr (exit 2).
    The library is ``episodeparse.dask``; this maps its errors to one line each."""
    import re
    from contextlib import ExitStack

    if refuse is not None:
        _fail(f"--engine dask: {refuse}")
    if output_dir is None:
        _fail("--engine dask writes part-00000.jsonl, ...: give --output-dir DIR")
    for raw in paths:
        if raw == "-":
            _fail("--engine dask reads files, not standard input (-)")
        path = Path(raw)
        if (
            path.is_file()
            and re.fullmatch(r"part-\d+\.jsonl", path.name)
            and _same_file(path.parent, output_dir)
        ):
            _fail(f"{raw}: {_OVERWRITE}")
    try:
        from episodeparse import dask as engine
    except ImportError:
        _fail("--engine dask needs the dask extra: pip install 'episodeparse[dask]'")
    try:
        output_dir.mkdir(parents=True, exist_ok=True)  # before a cluster is started for it
    except OSError as exc:
        _fail(f"{output_dir}: {_cannot_write(exc)}")
    bag = engine.records(paths, max_bytes=max_bytes, encoding=encoding)
    progress = None
    if sys.stderr.isatty():  # the cluster's progress, partition by partition
        from rich.console import Console
        from rich.progress import MofNCompleteColumn, Progress, TimeElapsedColumn

        progress = Progress(
            *Progress.get_default_columns()[:-1],
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        task = progress.add_task("partitions", total=bag.npartitions)
    with ExitStack() as stack:
        try:
            client = stack.enter_context(engine.connect(scheduler))
        except (OSError, ValueError) as exc:
            where = f"--scheduler {scheduler}" if scheduler else "local Dask cluster"
            _fail(f"{where}: cannot connect: {exc}")
        if progress is not None:
            stack.enter_context(progress)
        try:
            written = engine.write_jsonl(
                bag,
                output_dir,
                client=client,
                progress=None
                if progress is None
                else lambda done, total: progress.update(task, completed=done, total=total),
            )
        except OSError as exc:
            _fail(f"{exc.filename or output_dir}: {_cannot_write(exc)}")
        except Exception as exc:  # a worker lost, the scheduler gone: no part file written
            _fail(f"--engine dask: the run failed: {type(exc).__name__}: {exc}")
    for failure in written.failures:
        _error(str(failure))
    if written.failures:
        raise SystemExit(EXIT_INPUT)


def _convert_to_catalogue(
    paths: list[str], output: Path, jobs: int, max_bytes: int, encoding: str | None
) -> None:
    """``convert --format sqlite --output FILE``: the records into a SQLite catalogue, in
    one transaction (``episodeparse.catalogue``); one line on stderr says what changed."""
    import sqlite3

    from episodeparse.catalogue import Catalogue, CatalogueError
    from episodeparse.emit import RENDERERS
    from episodeparse.inputs import InputFailure
    from episodeparse.parallel import iter_rendered

    _check_output(output, paths)
    if output.is_dir():
        _fail(f"{output}: a directory: --format sqlite writes one database file")
    failed = False
    try:
        with Catalogue.open(output, paths) as catalogue:
            for result in iter_rendered(
                paths, RENDERERS["jsonl"], jobs=jobs, max_bytes=max_bytes, encoding=encoding
            ):
                if isinstance(result, InputFailure):
                    _error(str(result))
                    catalogue.unreadable()
                    failed = True
                else:
                    catalogue.add(result)
            counts = catalogue.commit()
    except CatalogueError as exc:
        _fail(f"{output}: {exc}")
    except (sqlite3.Error, OSError) as exc:
        _fail(f"{output}: cannot write: {exc}")
    _error(f"{output}: {counts}")
    if failed:
        raise SystemExit(EXIT_INPUT)


def _convert_to_dir(
    paths: list[str],
    output_dir: Path,
    output_format: OutputFormat,
    jobs: int,
    max_bytes: int,
    encoding: str | None,
    quiet: bool = False,
) -> None:
    """``convert --output-dir DIR`` on the local engine: one file per input, each written
    atomically (``episodeparse.output_dir``); failures and refusals on stderr (exit 2)."""
    from functools import partial

    from episodeparse.emit import RENDERERS
    from episodeparse.inputs import InputFailure
    from episodeparse.output_dir import OutputDir, tagged, untag
    from episodeparse.parallel import iter_rendered

    if "-" in paths:
        _fail("--output-dir writes a file per input file: standard input (-) has no name")
    if output_dir.exists() and not output_dir.is_dir():
        _fail(f"{output_dir}: not a directory (--output-dir)")
    try:
        folder = OutputDir(output_dir, output_format.value, paths)
    except OSError as exc:
        _fail(f"{output_dir}: {_cannot_write(exc)}")
    render = partial(tagged, RENDERERS[output_format.value])
    code = EXIT_OK
    feedback = _Feedback(paths, "converting", quiet=quiet)
    try:
        for result in iter_rendered(
            paths, render, jobs=jobs, max_bytes=max_bytes, encoding=encoding
        ):
            if isinstance(result, InputFailure):
                folder.fail(result.path)
                code = max(code, _failed(result))
                feedback.failed += 1
            else:
                refused = folder.add(untag(result))
                if refused is not None:
                    _error(str(refused))
                    code = max(code, EXIT_INPUT)
                    feedback.failed += 1
                else:
                    feedback.record()
        folder.close()
    except OSError as exc:
        feedback.close()
        _fail(f"{exc.filename or output_dir}: {_cannot_write(exc)}")
    finally:
        feedback.close()
        folder.discard()
    feedback.close(_folder_name(output_dir))
    if code != EXIT_OK:
        raise SystemExit(code)


def _folder_name(folder: Path) -> str:
    """``out/``: a folder as the closing line names it."""
    return str(folder).rstrip(os.sep) + os.sep


@_command(
    epilog=(
        "Examples:\n\n"
        "  episodeparse convert fixtures/coffee-57.txt\n\n"
        "  episodeparse convert notes/ --format yaml --output catalogue.yaml\n\n"
        "  episodeparse convert feed.xml --format jsonl > episodes.jsonl\n\n"
        "  episodeparse convert catalogue/ --format jsonl --jobs 0 > episodes.jsonl\n\n"
        "  episodeparse convert catalogue/ --output-dir records/\n\n"
        "  episodeparse convert --engine dask catalogue/ --output-dir records/\n\n"
        "  cat notes.txt | episodeparse convert -"
    )
)
def convert(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Notes files (.txt, .md, .html), feeds (.xml, .rss), directories, or - for stdin.",
            show_default=False,
            metavar="PATH...",
        ),
    ],
    output_format: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="Output format; sqlite: a catalogue database kept in step with the inputs"
            " (needs --output).",
        ),
    ] = OutputFormat.json,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write here (atomically) instead of stdout."),
    ] = None,
    max_bytes: Annotated[int, _max_bytes()] = DEFAULT_MAX_BYTES,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            help="Read notes in this encoding instead of UTF-8/UTF-16.",
            callback=_encoding_option,
        ),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            help="Parse on this many processes (0: one per core); the output is the same.",
        ),
    ] = 1,
    engine: Annotated[
        Engine,
        typer.Option(
            "--engine",
            help="local: this machine. dask: a Dask cluster (pip install 'episodeparse[dask]'),"
            " writing JSONL part files into --output-dir.",
        ),
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="With --engine dask: a running dask scheduler's address (tcp://HOST:8786);"
            " without, a local cluster of one worker process per core.",
            show_default=False,
        ),
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir",
            help="Write one file per input here, each atomically: DIR/<stem>.json (.yaml,"
            " .jsonl), a feed's items together in one; --engine dask: part-00000.jsonl, ...",
            show_default=False,
        ),
    ] = None,
    quiet: Annotated[bool, _quiet()] = False,
) -> None:
    """Parse show notes into episode records (JSON, YAML or JSONL).

    One input gives one record; several inputs, a directory or a feed give a JSON array,
    a stream of YAML documents, or one JSON line per record. Inputs that cannot be read
    are reported on stderr, one line each, and the others are still converted (exit 2).
    With --output-dir, each input gets its own file (a directory's keep their folders).
    With --engine dask, the records go to part files in --output-dir, on a Dask cluster.
    With --format sqlite, they go to a catalogue: rows added, updated or kept, run by run.
    """
    _refuse_urls(paths, "convert -")
    if output_format is OutputFormat.sqlite:
        if engine is Engine.dask or output_dir is not None:
            _fail("--format sqlite writes one database: give --output FILE (local engine)")
        if output is None:
            _fail("--format sqlite writes a database file, never to stdout: give --output FILE")
        _convert_to_catalogue(paths, output, jobs, max_bytes, encoding)
        return
    if engine is Engine.dask:
        refuse = (
            "--output is for the local engine; give --output-dir"
            if output is not None
            else "it writes JSONL; --format yaml is for the local engine"
            if output_format is OutputFormat.yaml
            else "--jobs is for the local engine; a cluster has its own workers"
            if jobs != 1
            else None
        )
        _convert_on_dask(
            paths, output_dir, scheduler, refuse=refuse, max_bytes=max_bytes, encoding=encoding
        )
        return
    if scheduler is not None:
        _fail("--scheduler needs --engine dask")
    if output_dir is not None:
        if output is not None:
            _fail("--output writes one file, --output-dir one file per input: give one of them")
        _convert_to_dir(paths, output_dir, output_format, jobs, max_bytes, encoding, quiet)
        return
    from episodeparse.emit import RENDERERS, RecordWriter
    from episodeparse.inputs import InputFailure
    from episodeparse.parallel import iter_rendered

    target: AtomicFile | None = None
    if output is not None:
        _check_output(output, paths)
        from episodeparse.output_dir import AtomicFile  # only for --output

        target = AtomicFile(output)
    single_input = len(paths) == 1 and (paths[0] == "-" or not Path(paths[0]).is_dir())
    # Records are written as they come (only a lone first one waits, to see whether a
    # list follows), so memory stays flat however many there are.
    writer = RecordWriter(
        sys.stdout if target is None else target, output_format.value, bare_single=single_input
    )
    render = RENDERERS[output_format.value]
    code = EXIT_OK
    # A bar for a run that writes a file; on standard output the records are the feedback.
    feedback = _Feedback(paths, "converting", quiet=quiet or target is None)
    try:
        for result in iter_rendered(
            paths, render, jobs=jobs, max_bytes=max_bytes, encoding=encoding
        ):
            if isinstance(result, InputFailure):
                code = max(code, _failed(result))
                feedback.failed += 1
            else:
                writer.add(result)
                feedback.record()
        writer.close()
        if target is not None:
            target.commit()
    except OSError as exc:
        if target is None:
            raise  # stdout went away: main() says so
        feedback.close()
        _fail(f"{output}: {_cannot_write(exc)}")
    finally:
        feedback.close()
        if target is not None:
            target.discard()
    feedback.close(str(output))
    if code != EXIT_OK:
        raise SystemExit(code)


@_command()
def schema() -> None:
    """Print the JSON Schema of the episode record (draft 2020-12)."""
    import json

    from episodeparse.schema import episode_schema

    sys.stdout.write(json.dumps(episode_schema(), indent=2) + "\n")


# validate ------------------------------------------------------------------------------


class DiagnosticFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


class PlatformProfile(StrEnum):
    youtube = "youtube"
    spotify = "spotify"
    apple = "apple"
    podcasting2 = "podcasting2"


def _print_coloured(diagnostics: list[Diagnostic]) -> None:
    """``format_text`` with the severity coloured, for a terminal (rich, imported only here;
    user text goes in as ``Text``, never as markup)."""
    from rich.console import Console
    from rich.text import Text

    from episodeparse.diagnostics import printable, shown_name

    console = Console(highlight=False, soft_wrap=True)  # FORCE_COLOR: rich reads it too
    styles = {"error": "bold red", "warning": "yellow", "info": "cyan"}
    for d in diagnostics:
        line = Text(f"{shown_name(d.path)}:{d.line}:{d.column}: ")
        line.append(d.severity, style=styles[d.severity])
        line.append(f": {printable(d.message)} ")
        line.append(f"[{d.code}]", style="dim")
        console.print(line)


def _selectors(values: list[str] | None) -> tuple[str, ...]:
    """Repeated and comma-separated ``--select a,b --select c`` as one tuple."""
    return tuple(
        part.strip() for value in values or () for part in value.split(",") if part.strip()
    )


@_command(
    epilog=(
        "Examples:\n\n"
        "  episodeparse validate notes/episode-57.txt\n\n"
        "  episodeparse validate notes/ --profile youtube --profile spotify --duration 1:02:03\n\n"
        "  episodeparse validate notes/ --select ALL --ignore people/no-bio\n\n"
        "  episodeparse validate notes/ --fix\n\n"
        "  episodeparse validate feed.xml --format github --strict\n\n"
        "Exit codes: 0 no errors (warnings allowed), 1 an error (or, with --strict, a "
        "warning), 2 a usage or input problem."
    )
)
def validate(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Notes files (.txt, .md, .html), feeds (.xml, .rss), directories, or - for stdin.",
            show_default=False,
            metavar="PATH...",
        ),
    ],
    output_format: Annotated[
        DiagnosticFormat,
        typer.Option(
            "--format",
            "-f",
            help="text (path:line:col: severity: message [code]), json, github annotations, "
            "or sarif (SARIF 2.1.0, for code scanning).",
        ),
    ] = DiagnosticFormat.text,
    profile: Annotated[
        list[PlatformProfile] | None,
        typer.Option(
            "--profile",
            help="Also check this platform's published chapter rules; repeatable.",
            show_default=False,
        ),
    ] = None,
    min_chapter: Annotated[
        int | None,
        typer.Option("--min-chapter", help="Shortest chapter, in seconds [default: 10].", min=0),
    ] = None,
    duration: Annotated[
        str | None,
        typer.Option(
            "--duration",
            help="The episode's length, in seconds or H:MM:SS: no chapter may start after it.",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 on warnings too, not only on errors.")
    ] = False,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--select",
            help="Run only these checks: codes, parts (links), groups (parser, pedantic) or "
            "ALL; repeatable or comma-separated. Replaces the configuration's select.",
            show_default=False,
        ),
    ] = None,
    extend_select: Annotated[
        list[str] | None,
        typer.Option(
            "--extend-select",
            help="Run these checks too (e.g. the opt-in group parser).",
            show_default=False,
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore",
            help="Skip a check (people/no-guest), a part (links) or a group; repeatable.",
            show_default=False,
        ),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            help="Show only findings that are not in this baseline file (write it with "
            "--update-baseline).",
            show_default=False,
        ),
    ] = None,
    update_baseline: Annotated[
        bool,
        typer.Option(
            "--update-baseline", help="Write every finding to the --baseline file, exit 0."
        ),
    ] = False,
    fix: Annotated[
        bool,
        typer.Option("--fix", help="Repair what is certain in notes files (atomically)."),
    ] = False,
    unsafe_fixes: Annotated[
        bool,
        typer.Option("--unsafe-fixes", help="With --fix or --diff: also fixes that add content."),
    ] = False,
    diff: Annotated[
        bool,
        typer.Option("--diff", help="Print the --fix changes as a unified diff; write nothing."),
    ] = False,
    max_bytes: Annotated[int, _max_bytes()] = DEFAULT_MAX_BYTES,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            help="Read notes in this encoding instead of UTF-8/UTF-16.",
            callback=_encoding_option,
        ),
    ] = None,
    quiet: Annotated[bool, _quiet()] = False,
) -> None:
    """Check show notes before publishing: one line per finding, with its check's code.

    Every input is read as convert reads it; a feed is checked item by item (shown as
    feed.xml#N). Settings come from the nearest .episodeparse.toml or pyproject.toml
    ([tool.episodeparse]) above each file; options given here win.
    """
    _refuse_urls(paths, "validate -")
    from episodeparse.checks import CHECKS, PROFILES, Options, Profile, UnknownSelector, resolve
    from episodeparse.config import Config, ConfigError, find_config
    from episodeparse.diagnostics import Diagnostic, format_github, format_json, format_text
    from episodeparse.inputs import InputFailure
    from episodeparse.normalize import time_to_seconds
    from episodeparse.validation import iter_reports, new_since, read_baseline

    chosen_select = _selectors(select) if select else None
    more, skipped = _selectors(extend_select), _selectors(ignore)
    for option, names in (
        ("--select", chosen_select),
        ("--extend-select", more),
        ("--ignore", skipped),
    ):
        try:
            resolve(None, names or ())
        except UnknownSelector as exc:
            _fail(f"{option} {exc}: no such check, part or group (episodeparse rule --list)")
    seconds: int | None = None
    if duration is not None:
        seconds = int(duration) if duration.isdigit() else time_to_seconds(duration)
        if seconds is None or seconds <= 0:
            _fail(f"--duration {duration}: not a length (write seconds, M:SS or H:MM:SS)")
    if update_baseline and baseline is None:
        _fail("--update-baseline needs --baseline FILE")
    remembered = None
    if baseline is not None and not update_baseline:
        try:
            remembered = read_baseline(baseline.read_text(encoding="utf-8"))
        except FileNotFoundError:
            _fail(f"{baseline}: no such baseline (write it with --update-baseline)")
        except (OSError, ValueError, KeyError, TypeError) as exc:
            _fail(f"{baseline}: not a baseline: {exc}")
    found_configs: dict[Path, Config] = {}
    given = {p.value for p in profile or ()}
    cli_profiles: tuple[Profile, ...] = tuple(p for p in PROFILES if p in given)

    def plan(record: Episode) -> tuple[tuple[Check, ...], Options]:
        config = find_config(record.source.path, found_configs)
        checks = config.checks(
            record.source.path, select=chosen_select, extend_select=more, ignore=skipped
        )
        minimum = min_chapter if min_chapter is not None else config.min_chapter
        return checks, Options(
            10 if minimum is None else minimum,
            seconds,
            None,
            cli_profiles or config.profiles,
        )

    try:
        find_config(None, found_configs)  # a broken configuration stops the run at once
        for entry in paths:
            if entry != "-":
                find_config(entry if Path(entry).is_file() else f"{entry}/.", found_configs)
    except ConfigError as exc:
        _fail(str(exc))
    if fix or diff:
        from episodeparse.fix import run_fixes

        failed_fix = run_fixes(
            paths,
            write=fix and not diff,
            unsafe=unsafe_fixes,
            profiles=cli_profiles,
            max_bytes=max_bytes,
            report=_error,
        )
        if diff:
            raise SystemExit(EXIT_INPUT if failed_fix else EXIT_OK)
    colour = output_format is DiagnosticFormat.text and colour_wanted(sys.stdout)
    found: list[Diagnostic] = []
    failures: list[tuple[str, str]] = []
    files: set[str] = set()
    code = EXIT_OK
    ids: dict[Diagnostic, str | None] = {}  # the feed.id of each finding's item, for json
    feedback = _Feedback(paths, "checking", quiet=quiet)
    try:
        for report in iter_reports(
            paths, Options(), max_bytes=max_bytes, encoding=encoding, plan=plan
        ):
            if isinstance(report, InputFailure):
                code = max(code, _failed(report))
                failures.append((report.path, report.message))
                continue
            feedback.record()
            item_id = None if report.record.feed is None else report.record.feed.id
            ids.update(dict.fromkeys(report.diagnostics, item_id))
            if report.diagnostics and _Feedback.bar is not None:
                _Feedback.bar.close()  # findings start on a clean line
            files.add(report.path.rpartition("#")[0] if "#" in report.path else report.path)
            shown = report.diagnostics
            if remembered is not None:
                shown = new_since(shown, remembered)
            found.extend(shown)
            if update_baseline:
                continue
            if colour:
                _print_coloured(shown)
            elif output_format is DiagnosticFormat.text:
                sys.stdout.write(format_text(shown))
            elif output_format is DiagnosticFormat.github:
                sys.stdout.write(format_github(shown))
    except ConfigError as exc:
        _fail(str(exc))
    finally:
        feedback.close()
    if update_baseline:
        from episodeparse.validation import baseline_text

        assert baseline is not None
        write_atomically(baseline, baseline_text(found))
        if not quiet:
            print(f"{len(found)} findings written to {baseline}", file=sys.stderr)
        raise SystemExit(EXIT_INPUT if failures else EXIT_OK)
    unreadable = [Diagnostic(p, 1, 1, "input/unreadable", "error", m) for p, m in failures]
    if output_format is DiagnosticFormat.json:
        sys.stdout.write(format_json(sorted(found) + unreadable, ids))
    elif output_format is DiagnosticFormat.sarif:
        from episodeparse.sarif import format_sarif

        sys.stdout.write(format_sarif(found, CHECKS, failures))
    elif output_format is DiagnosticFormat.github:
        sys.stdout.write(format_github(unreadable))
    counts = {s: sum(1 for d in found if d.severity == s) for s in ("error", "warning", "info")}
    if not quiet and found:  # clean notes, or only unreadable ones: nothing to count
        print(_closing_line(counts, len(files)), file=sys.stderr)
    if code != EXIT_OK:
        raise SystemExit(code)
    if counts["error"] or (strict and counts["warning"]):
        raise SystemExit(EXIT_FINDINGS)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _closing_line(counts: dict[str, int], files: int) -> str:
    """``3 errors, 1 warning in 2 files`` (and the infos, where there are some).

    >>> _closing_line({"error": 3, "warning": 1, "info": 0}, 2)
    '3 errors, 1 warning in 2 files'
    """
    infos = f", {_plural(counts['info'], 'info')}" if counts["info"] else ""
    return (
        f"{_plural(counts['error'], 'error')}, {_plural(counts['warning'], 'warning')}{infos}"
        f" in {_plural(files, 'file')}"
    )


@_command(epilog=("Examples:\n\n  episodeparse rule links/http\n\n  episodeparse rule --list"))
def rule(
    code: Annotated[
        str | None, typer.Argument(help="A check's code, e.g. links/http.", show_default=False)
    ] = None,
    list_all: Annotated[
        bool, typer.Option("--list", help="List every check: code, severity, group, summary.")
    ] = False,
) -> None:
    """Explain a check of validate: what it checks, why, the rule it cites, an example and
    its fix; or list them all."""
    from episodeparse.checks import CHECKS, by_code

    if list_all or code is None:
        width = max(len(c.code) for c in CHECKS)
        for c in CHECKS:
            group = c.group or (f"--profile {c.profile}" if c.profile else "default")
            print(f"{c.code:<{width}}  {c.severity:<7}  {group:<19}  {c.summary}")
        return
    try:
        item = by_code(code)
    except KeyError:
        _fail(f"no such check: {code} (episodeparse rule --list shows them)")
    import inspect

    when = (
        f"opt-in: --select {item.group} (or --select {item.code})"
        if item.group
        else (f"under --profile {item.profile}" if item.profile else "on by default")
    )
    print(f"{item.code} ({item.severity}, {when})\n")
    print(f"{item.summary[0].upper()}{item.summary[1:]}.\n")
    print(inspect.cleandoc(item.run.__doc__ or "").rstrip())


# chapters ------------------------------------------------------------------------------


class ChapterFormat(StrEnum):
    podcast_json = "podcast-json"
    psc = "psc"
    ffmetadata = "ffmetadata"
    webvtt = "webvtt"
    mp4chaps = "mp4chaps"
    youtube = "youtube"


def _one_record(data: bytes, path: str, item: int | None, encoding: str | None) -> Episode:
    """The record ``--item`` names (default: the only one); a feed of several needs it."""
    from episodeparse.inputs import records_from_bytes

    records = records_from_bytes(data, None if path == "-" else path, encoding=encoding)
    chosen: Episode | None = None
    count = 0
    for index, record in enumerate(records):
        count += 1
        if index == (item or 0):
            chosen = record
            if item is not None:
                break
    if item is None and count > 1:
        _fail(f"{path}: a feed of {count} items: choose one with --item N (0 to {count - 1})")
    if chosen is None:
        _fail(f"{path}: no item {item}: the input has {count}")
    return chosen


@_command(
    epilog=(
        "Examples:\n\n"
        "  episodeparse chapters notes.txt --to podcast-json --output chapters.json\n\n"
        "  episodeparse chapters notes.txt --to ffmetadata --duration 1:02:03 > chapters.ffmeta\n\n"
        "  ffmpeg -i ep.mp3 -i chapters.ffmeta -map_metadata 1 -map_chapters 1 -c copy out.mp3\n\n"
        "  episodeparse chapters feed.xml --item 0 --to youtube\n\n"
        "  episodeparse chapters chapters.json --to webvtt --duration 3723.5\n\n"
        "Exit codes: 0 written, 1 YouTube's rules broken (nothing written; --force writes), "
        "2 a usage or input problem."
    )
)
def chapters(
    path: Annotated[
        str,
        typer.Argument(
            help="Notes, a feed, a chapters file (Podcasting 2.0 JSON, PSC, WebVTT, "
            "FFMETADATA, mp4chaps), or - for stdin.",
            show_default=False,
            metavar="PATH",
        ),
    ],
    to: Annotated[
        ChapterFormat,
        typer.Option("--to", "-t", help="The format to write.", show_default=False),
    ],
    duration: Annotated[
        str | None,
        typer.Option(
            "--duration",
            "-d",
            help="The episode's length (seconds, or H:MM:SS[.mmm]): the end of the last "
            "chapter, which ffmetadata and webvtt need.",
            show_default=False,
        ),
    ] = None,
    item: Annotated[
        int | None,
        typer.Option(
            "--item",
            min=0,
            help="Which item of a feed (0 is the first); needed when a feed has several.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write here (atomically) instead of stdout."),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Write youtube chapters even when they break its rules."),
    ] = False,
    max_bytes: Annotated[int, _max_bytes()] = DEFAULT_MAX_BYTES,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            help="Read notes in this encoding instead of UTF-8/UTF-16.",
            callback=_encoding_option,
        ),
    ] = None,
) -> None:
    """Export an episode's chapters for players, editors, ffmpeg or a YouTube description.

    Formats: podcast-json (Podcasting 2.0), psc (Podlove Simple Chapters), ffmetadata,
    webvtt, mp4chaps, youtube. A chapters file converts directly, keeping its
    milliseconds, ends and links; notes and feeds are parsed as convert parses them.
    """
    _refuse_urls([path], f"chapters - --to {to.value}")
    import dataclasses

    from episodeparse import chapter_formats
    from episodeparse.chapter_formats import youtube
    from episodeparse.document import InputError
    from episodeparse.feeds import FeedError
    from episodeparse.inputs import read_input

    duration_ms: int | None = None
    if duration is not None:
        duration_ms = chapter_formats.parse_npt(duration)
        if duration_ms is None or duration_ms <= 0:
            _fail(f"--duration {duration}: not a length (write seconds, M:SS or H:MM:SS)")
    if output is not None:
        _check_output(output, [path])
    try:
        data = read_input(path, max_bytes)
        found = chapter_formats.read(data, encoding)
        if found is None:
            record = _one_record(data, path, item, encoding)
            chapter_list = chapter_formats.from_episode(record, duration_ms=duration_ms)
        elif item:
            _fail(f"{path}: --item {item}: a chapters file holds one episode")
        else:
            chapter_list = dataclasses.replace(
                found.chapters, duration_ms=duration_ms or found.chapters.duration_ms
            )
    except (InputError, FeedError, chapter_formats.ChapterFormatError) as exc:
        _fail(f"{path}: {exc}")
    except Exception as exc:  # a bug: said as one, naming the input
        from episodeparse.errors import internal_message

        _fail(f"{path}: {internal_message(exc)}", EXIT_INTERNAL)
    if not chapter_list.marks:
        _fail(f"{path}: no chapters found")
    if to is ChapterFormat.youtube and not force:
        problems = youtube.problems(chapter_list)
        for problem in problems:
            _error(f"{path}: {problem}")
        if problems:
            _fail(f"{path}: nothing written (--force writes it anyway)", EXIT_FINDINGS)
    try:
        text = chapter_formats.write(to.value, chapter_list)
    except chapter_formats.DurationNeeded as exc:
        _fail(f"{path}: {exc} (--duration SECONDS)")
    except chapter_formats.ChapterFormatError as exc:
        _fail(f"{path}: {exc}")
    if output is None:
        sys.stdout.write(text)
        return
    try:
        write_atomically(output, text)
    except OSError as exc:
        _fail(f"{output}: {_cannot_write(exc)}")


# summary -------------------------------------------------------------------------------


if TYPE_CHECKING:
    from episodeparse.summary import Row as SummaryRow
    from episodeparse.summary import Totals as SummaryTotals


class SummaryFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    markdown = "markdown"


class SummaryColumn(StrEnum):
    episode = "episode"
    date = "date"
    title_ = "title"  # "title" would hide str.title
    guests = "guests"
    chapters = "chapters"
    length = "length"
    links = "links"
    errors = "errors"
    warnings = "warnings"
    path = "path"


def _print_summary_table(rows: list[SummaryRow], totals: SummaryTotals, width: int | None) -> None:
    """The summary as a rich table fitted to the terminal (or ``width``): no cell wraps,
    long text ends in an ellipsis, a path is cut in the middle (``summary.fit_paths``, where
    paths stay told apart); text from the notes goes in as
    ``Text``, never as markup. Off a terminal: the same table, without colour codes."""
    from rich import box
    from rich.cells import cell_len
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from episodeparse import summary

    tty = colour_wanted(sys.stdout)
    console = Console(
        width=width,
        force_terminal=tty,
        no_color=not tty or None,
        highlight=False,
        markup=False,
        emoji=False,
    )
    base = summary.path_base(rows)
    caption = " ".join(filter(None, (summary.totals_line(totals), summary.path_note(base))))
    body = [summary.cells(row, base) for row in rows]
    foot = summary.total_cells(totals)
    headers = [summary.HEADERS[c] for c in summary.COLUMNS]
    natural = [
        max(cell_len(text) for text in (headers[i], foot[i], *(cells[i] for cells in body)))
        for i in range(len(summary.COLUMNS))
    ]
    gaps = len(summary.COLUMNS) - 1  # the box's blank divider; no padding
    widths = summary.column_widths(natural, console.width - gaps)
    table = Table(
        box=box.SIMPLE,
        show_edge=False,
        show_footer=True,
        padding=0,
        header_style="bold",
        footer_style="bold",
        caption=Text(caption),
        caption_justify="left",
    )
    path_index = summary.COLUMNS.index("path")
    for i, column in enumerate(summary.COLUMNS):
        table.add_column(
            Text(headers[i]),
            footer=Text(foot[i]),
            justify="right" if column in summary.NUMERIC else "left",
            width=widths[i],
            no_wrap=True,
            overflow="ellipsis",
        )
    errors_index = summary.COLUMNS.index("errors")
    warnings_index = summary.COLUMNS.index("warnings")
    paths = summary.fit_paths([cells[path_index] for cells in body], widths[path_index])
    for row, cells, path in zip(rows, body, paths, strict=True):
        texts = [Text(text) for text in cells]
        texts[path_index] = Text(path)
        if row.unreadable is not None:
            texts[summary.COLUMNS.index("title")].stylize("red")
        if row.errors:
            texts[errors_index].stylize("bold red")
        if row.warnings:
            texts[warnings_index].stylize("yellow")
        table.add_row(*texts)
    if tty:
        console.print(table)
        return
    with console.capture() as captured:
        console.print(table)
    # Plain text for pipes and files: without the blanks rich pads every line with.
    sys.stdout.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))


@_command(
    "summary",
    epilog=(
        "Examples:\n\n"
        "  episodeparse summary notes/\n\n"
        "  episodeparse summary feed.xml --sort errors --reverse\n\n"
        "  episodeparse summary notes/ --format csv > catalogue.csv\n\n"
        "  episodeparse summary notes/ --format markdown > CATALOGUE.md\n\n"
        "Length is the feed's itunes:duration where it has one, else the start of the last "
        "chapter (shown as ≥M:SS). Exit codes: 0 every input read (findings do not change "
        "it: run validate for that), 2 an input could not be read (it has a row saying so)."
    ),
)
def summary_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Notes files (.txt, .md, .html), feeds (.xml, .rss), directories, or - for stdin.",
            show_default=False,
            metavar="PATH...",
        ),
    ],
    output_format: Annotated[
        SummaryFormat,
        typer.Option(
            "--format",
            "-f",
            help="table (fitted to the terminal), csv, json, or markdown (never truncated).",
        ),
    ] = SummaryFormat.table,
    sort: Annotated[
        SummaryColumn,
        typer.Option(
            "--sort", "-s", help="Sort by this column, then by episode number, date and path."
        ),
    ] = SummaryColumn.episode,
    reverse: Annotated[
        bool,
        typer.Option("--reverse", "-r", help="Reverse the order (rows without a value stay last)."),
    ] = False,
    width: Annotated[
        int | None,
        typer.Option(
            "--width",
            "-w",
            min=40,
            help="Fit the table to this many columns (default: the terminal's, $COLUMNS, or 80).",
            show_default=False,
        ),
    ] = None,
    max_bytes: Annotated[int, _max_bytes()] = DEFAULT_MAX_BYTES,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            help="Read notes in this encoding instead of UTF-8/UTF-16.",
            callback=_encoding_option,
        ),
    ] = None,
    quiet: Annotated[bool, _quiet()] = False,
) -> None:
    """Many episodes at a glance: one row per episode, with what validate finds in it.

    Columns: episode number, date, title, guests, chapters, length, links, errors and
    warnings (validate's, with its default options), path; then a totals row. Inputs are
    read as convert reads them; one that cannot be read gets a row saying so (exit 2).
    """
    _refuse_urls(paths, "summary -")
    from episodeparse import summary as summaries

    entries = summaries.list_inputs(paths)
    rows: list[SummaryRow] = []

    def read(entry: str | InputFailure) -> None:
        rows.extend(summaries.summarise_input(entry, max_bytes=max_bytes, encoding=encoding))

    feedback = _Feedback(paths, "reading", quiet=quiet)
    try:
        for entry in entries:
            read(entry)
            for _ in range(len(rows) - feedback.records):
                feedback.record()
    finally:
        feedback.close()
    unreadable = [row for row in rows if row.unreadable is not None]
    for row in unreadable:
        _error(f"{row.shown}: {row.unreadable}")
    from episodeparse.errors import is_internal

    rows = summaries.sort_rows(rows, sort.value, reverse=reverse)
    totals = summaries.totals(rows)
    if output_format is SummaryFormat.csv:
        sys.stdout.write(summaries.to_csv(rows))
    elif output_format is SummaryFormat.json:
        sys.stdout.write(summaries.to_json(rows, totals))
    elif output_format is SummaryFormat.markdown:
        sys.stdout.write(summaries.to_markdown(rows, totals))
    else:
        _print_summary_table(rows, totals, width)
    if any(is_internal(row.unreadable or "") for row in unreadable):
        raise SystemExit(EXIT_INTERNAL)
    if unreadable:
        raise SystemExit(EXIT_INPUT)


def _caused_by(exc: BaseException, kind: type[BaseException]) -> BaseException | None:
    """The exception of ``kind`` that ``exc`` was raised while handling, if any."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, kind):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def main() -> None:
    """Console-script entry point.

    Typer turns Ctrl-C into a silent exit 130 and a reader gone away (``| head``) into
    exit 1: Ctrl-C says so on stderr, and a closed pipe is not an error of ours (exit 0).
    """
    _terminate_as_interrupt()
    if sys.stdout is None:  # started with standard output closed ("1>&-")
        sys.stdout = _ClosedStream()
    if sys.stderr is None:  # nowhere to say anything: the exit code still does
        sys.stderr = Path(os.devnull).open("w")  # noqa: SIM115
    try:
        direct = _direct(sys.argv[1:])
        if direct is not None:
            direct()
        else:
            _app_for(sys.argv[1:])()
    except SystemExit as exc:
        if _caused_by(exc, Terminated) is not None:
            _error("terminated")
            sys.exit(128 + signal.SIGTERM)
        if _caused_by(exc, KeyboardInterrupt) is not None:
            _error("interrupted")
            sys.exit(130)
        if _caused_by(exc, BrokenPipeError) is not None:
            _quiet_stdout()
            sys.exit(EXIT_OK)
        raise
    except Terminated:
        _error("terminated")
        sys.exit(128 + signal.SIGTERM)
    except KeyboardInterrupt:
        _error("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(EXIT_OK)
    except OSError as exc:
        # A full disk, a quota, an I/O error under stdout: inputs and --output files have
        # their own messages, so what reaches here is standard output.
        if exc.errno not in _WRITE_ERRORS:
            _internal_error(exc)
        _quiet_stdout()
        _error(f"cannot write to standard output: {exc.strerror or exc}")
        sys.exit(EXIT_INPUT)
    except Exception as exc:
        _internal_error(exc)


def _internal_error(exc: Exception) -> NoReturn:
    """What nothing expected (a bug): one line that says so and names the exception's type,
    never a traceback; exit 3. ``EPISODEPARSE_TRACEBACK=1`` shows the traceback, for the
    bug report."""
    from episodeparse.errors import internal_message

    if os.environ.get("EPISODEPARSE_TRACEBACK"):
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
    _error(internal_message(exc))
    sys.exit(EXIT_INTERNAL)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, so that it unwinds as from Ctrl-C: temporary
    files removed, an earlier output left as it was. Exit 143, as the signal would give."""


def _on_sigterm(signum: int, frame: object) -> None:
    if os.getpid() != _handler_pid:
        # A worker forked before it reset the handler: it ends as SIGTERM would end it.
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)
        return
    raise Terminated


_handler_pid = 0


def _terminate_as_interrupt() -> None:
    """SIGTERM (``timeout``, systemd, a cancelled CI job) ends a run as Ctrl-C does, unless
    it was set to be ignored."""
    global _handler_pid
    if signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        _handler_pid = os.getpid()
        signal.signal(signal.SIGTERM, _on_sigterm)


_WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF})


class _ClosedStream(io.TextIOBase):
    """Standard output when the process started without one: a write fails as a write to
    a closed descriptor would, and main() says so."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "it is closed")

    def fileno(self) -> int:
        raise OSError(errno.EBADF, "it is closed")


def _usage_class() -> type[TyperCommand]:
    """A command whose usage names its arguments as the README does (``convert [OPTIONS]
    PATH...``): typer writes a required one in braces (``{paths}...``)."""
    from typer.core import TyperCommand

    class _Usage(TyperCommand):
        def collect_usage_pieces(self, ctx: ClickContext) -> list[str]:
            return [
                piece[1:-1] if piece.startswith("{") and piece.endswith("}") else piece
                for piece in super().collect_usage_pieces(ctx)
            ]

    return _Usage


def _completing() -> bool:
    """Whether the shell asks typer to complete a command line (``_EPISODEPARSE_COMPLETE``)."""
    return any(name.startswith("_") and name.endswith("_COMPLETE") for name in os.environ)


_DIRECT_FORMATS = frozenset({"json", "yaml", "jsonl"})

# What each command run by ``_direct`` imports first (``preload``).
_DIRECT_MODULES = {
    "convert": (
        "episodeparse.emit",
        "episodeparse.inputs",
        "episodeparse.parallel",
        "episodeparse.pipeline",
    ),
    "validate": (
        "episodeparse.checks",
        "episodeparse.config",
        "episodeparse.diagnostics",
        "episodeparse.inputs",
        "episodeparse.normalize",
        "episodeparse.validation",
    ),
}


def _direct(args: list[str]) -> Callable[[], None] | None:
    """The command of a plain command line, to be called without typer, else None.

    Typer and click are a third of a one-file run's start-up (``import typer`` alone
    loads some fifty modules), and what they do for these lines is to call the command
    with its defaults. So ``main`` calls it itself for ``validate PATH...`` and
    ``convert [--format|-f json|yaml|jsonl] PATH...``, where no path but ``-`` (standard
    input) starts with ``-`` (an option, ``--``): exactly the arguments typer would pass
    (a test compares them). Any other line, and shell completion, goes to typer, which
    parses it, explains its mistakes and prints help.

    >>> _direct(["validate", "-"]) is not None, _direct(["validate", "--", "-"])
    (True, None)
    >>> _direct(["convert", "-f", "sqlite", "n.txt"]), _direct(["convert", "n.txt", "-q"])
    (None, None)
    """
    if not args or _completing():
        return None
    command, paths = args[0], args[1:]
    if command == "convert":
        output_format = OutputFormat.json
        if paths[:1] in (["--format"], ["-f"]):
            if len(paths) < 2 or paths[1] not in _DIRECT_FORMATS:
                return None
            output_format, paths = OutputFormat(paths[1]), paths[2:]
        if not _plain(paths):
            return None
        return partial(convert, list(paths), output_format)
    if command == "validate":
        if not _plain(paths):
            return None
        return partial(validate, list(paths))
    return None


def _plain(paths: list[str]) -> bool:
    """Paths that click reads as they are: at least one, none an option (``-`` alone is
    standard input, an argument)."""
    return bool(paths) and all(path == "-" or not path.startswith("-") for path in paths)


def preload(args: list[str]) -> None:
    """Load what a run with ``args`` needs first: the typer app, or the modules the
    command ``_direct`` runs imports first (the launcher loads them with the collector
    off, and freezes them with the CLI)."""
    if _direct(args) is None:
        _typer_app()
        return
    for name in _DIRECT_MODULES[args[0]]:
        try:
            import_module(name)
        except Exception:  # the command imports it again, and says what failed
            continue


def _app_for(args: list[str]) -> typer.Typer:
    """``app``, holding only what a run with ``args`` uses: typer builds every option of
    every command it holds, each run (some 20 ms for the five), and a run uses one command.

    ``episodeparse CMD ...`` gets an app with only ``CMD``; the list of commands
    (``episodeparse``, ``-h``, ``--help``) gets one whose commands have no options (the
    list shows their names and first lines of help, and runs none). Anything else
    (``--version``, an unknown name, shell completion, which typer asks for through
    ``_EPISODEPARSE_COMPLETE``) gets the whole app. The one command's annotations are
    evaluated before typer reads them (``_evaluated``).
    """
    app = _typer_app()
    if _completing():
        return app  # the shell completes a command line: every command, every option
    if args in ([], ["-h"], ["--help"]):
        return _holding([_listed(info) for info in app.registered_commands])
    wanted = [info for info in app.registered_commands if _name(info) == args[0]]
    return _holding([_evaluated(wanted[0])]) if len(wanted) == 1 else app


def _name(info: CommandInfo) -> str | None:
    if info.name is not None:
        return info.name
    if info.callback is None:
        return None
    from typer.main import get_command_name

    return get_command_name(info.callback.__name__)


def _holding(commands: list[CommandInfo]) -> typer.Typer:
    """``app`` (its options, callback and settings) with these commands only."""
    app = _typer_app()
    holder = copy.copy(app)
    holder.registered_commands = commands
    if app.registered_callback is not None:
        holder.registered_callback = _evaluated(app.registered_callback)
    return holder


if TYPE_CHECKING:
    _Info = TypeVar("_Info", CommandInfo, TyperInfo)


def _evaluated(info: _Info) -> _Info:
    """``info`` with a copy of its callback whose annotations are objects, not the strings
    of ``from __future__ import annotations``.

    Typer reads a command's options from its annotations, and evaluates each string twice
    (``inspect.signature(eval_str=True)``, then ``get_type_hints``), compiling it each
    time: 15M instructions (3 ms) for ``validate``'s. Here each is evaluated once.
    """
    callback = info.callback
    if not isinstance(callback, types.FunctionType):
        return info
    hints = typing.get_type_hints(callback, include_extras=True)
    hints.pop("return", None)  # typer reads no return type: leave it as written
    stand_in = types.FunctionType(
        callback.__code__,
        callback.__globals__,
        callback.__name__,
        callback.__defaults__,
        callback.__closure__,
    )
    stand_in.__kwdefaults__ = callback.__kwdefaults__
    stand_in.__qualname__ = callback.__qualname__
    stand_in.__doc__ = callback.__doc__
    stand_in.__module__ = callback.__module__
    stand_in.__annotations__ = {**callback.__annotations__, **hints}
    evaluated = copy.copy(info)
    evaluated.callback = stand_in
    return evaluated


def _listed(info: CommandInfo) -> CommandInfo:
    """``info`` without its options, as ``episodeparse --help`` lists it."""

    def listed() -> None:  # the list of commands runs none
        raise AssertionError("a listed command is never run")

    listed.__doc__ = None if info.callback is None else info.callback.__doc__
    stand_in = copy.copy(info)
    stand_in.name = _name(info)
    stand_in.callback = listed
    return stand_in


def _quiet_stdout() -> None:
    """A reader such as ``head`` went away: what is still buffered goes nowhere."""
    try:
        fileno = sys.stdout.fileno()
    except (OSError, ValueError):
        return  # no descriptor under it: nothing buffered can reach one
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fileno)
