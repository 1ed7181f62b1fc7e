"""Command line: ``tandem compare``, ``tandem align``; anything else opens the window.

:func:`build_parser` is the one parser of ``tandem``: its own arguments are the window's
(``tandem [A [B]] [options]``, parsed here and handed to ``reader.app.launch.run``) and its
help lists the commands, each parsed by its own sub-parser (:func:`build_command_parser`). No Qt and no
engine are imported here at module level: the window's start and ``--help`` stay fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader import __version__

if TYPE_CHECKING:
    from reader.app.sources import Source
    from reader.core.model import CompareOptions

# The commands and their one-line help, in the order ``tandem --help`` lists them.
COMMANDS = {
    "compare": "compare two files and print the result",
    "align": "batch-align already split sentences (JSON lines)",
}
HEADLESS_COMMANDS = tuple(COMMANDS)
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 70
EXIT_SOME_SKIPPED = 3  # tandem compare BASE V1 V2...: a version could not be read, the others were compared
MAX_VERSIONS = 20  # reader.core.versions.MAX_VERSIONS, written here to keep --help free of the engine
MAX_TIMEOUT_S = 3600.0


class InputError(Exception):
    """Bad input on the command line: reported as one line, never a traceback."""


def _add_matching_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("matching (the displayed text is never changed)")
    group.add_argument("--case-sensitive", action="store_true", help="treat case differences as changes")
    group.add_argument("--ignore-punctuation", action="store_true", help="ignore punctuation when matching")
    group.add_argument(
        "--strict-typography",
        action="store_true",
        help="all three below: quote and dash styles, special spaces and soft hyphens all count",
    )
    group.add_argument("--strict-quotes", action="store_true", help="curly vs straight quotes and dash styles differ")
    group.add_argument("--strict-spaces", action="store_true", help="non-breaking and other special spaces differ")
    group.add_argument("--strict-soft-hyphens", action="store_true", help="soft hyphens inside words count")
    group.add_argument("--no-unicode-normalization", action="store_true", help="compare code points as they are")
    group.add_argument(
        "--looseness",
        type=float,
        default=None,
        metavar="0..1",
        help="how loosely sentences may be matched: 0 = only near-identical, 1 = loose paraphrase (default 0.5)",
    )
    group.add_argument("--language", choices=("en", "de"), default=None, help="sentence rules (default: detected)")


def parse_source(text: str) -> Source:
    """A file or an http(s) link (argparse's ``type`` for A and B; the engine loads only when called)."""
    from reader.app.sources import parse_source as parse

    return parse(text)


def _add_window_arguments(parser: argparse.ArgumentParser) -> None:
    """What ``tandem`` without a command takes: up to two sources and the window's options."""
    parser.add_argument(
        "a", nargs="?", type=parse_source, help="the first version (left pane): a file or an http(s) link"
    )
    parser.add_argument("b", nargs="?", type=parse_source, help="the second version (right pane): a file or a link")
    group = parser.add_argument_group("the window (tandem [A [B]] [options], no command)")
    group.add_argument("--demo", action="store_true", help="open the bundled sample pair")
    group.add_argument(
        "--screenshot",
        type=Path,
        metavar="PNG",
        help="save a picture of the window once the comparison is shown, then exit",
    )
    group.add_argument(
        "--theme",
        choices=("light", "dark", "system"),
        default=None,
        help="colour theme (default: the View › Theme choice, which starts as following the desktop)",
    )
    group.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the sample pair, wait until it is painted, exit 0 (non-zero on failure)",
    )
    group.add_argument(
        "--new-window",
        action="store_true",
        help="open a separate window instead of handing the files to a running Tandem",
    )


def _options(args: argparse.Namespace) -> CompareOptions:
    from reader.core.model import CompareOptions

    looseness = 0.5 if args.looseness is None else args.looseness
    if not 0.0 <= looseness <= 1.0:
        raise InputError("--looseness must be between 0 and 1")
    strict = args.strict_typography
    return CompareOptions(
        ignore_case=not args.case_sensitive,
        ignore_punctuation=args.ignore_punctuation,
        fold_quotes_dashes=not (strict or args.strict_quotes),
        fold_spaces=not (strict or args.strict_spaces),
        ignore_soft_hyphens=not (strict or args.strict_soft_hyphens),
        unicode_normalize=not args.no_unicode_normalization,
        looseness=looseness,
        language=args.language,
    )


def build_parser() -> argparse.ArgumentParser:
    """The ``tandem`` parser: the window's arguments; its help also names the commands."""
    commands = "\n".join(f"  {name:<22}{summary}" for name, summary in COMMANDS.items())
    parser = argparse.ArgumentParser(
        prog="tandem",
        description=(
            "Compare two versions of an article sentence by sentence. Without a command,\n"
            "'tandem [A [B]] [--demo]' opens the window."
        ),
        epilog=f"commands (tandem COMMAND --help tells more):\n{commands}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"tandem {__version__}")
    _add_window_arguments(parser)
    return parser


def build_command_parser(command: str) -> argparse.ArgumentParser:
    """The parser of ``tandem compare`` or ``tandem align`` (one of :data:`COMMANDS`)."""
    parser = argparse.ArgumentParser(prog=f"tandem {command}")
    if command == "compare":
        parser.add_argument(
            "a", help="the first version: a file (.txt, .md, .html, .docx, .odt, .pdf, ...) or an http(s) link"
        )
        parser.add_argument("b", help="the second version, the same way")
        parser.add_argument(
            "more",
            nargs="*",
            metavar="VERSION",
            help=f"more versions: with three or more files A is the base and each other file a version of it "
            f"(at most {MAX_VERSIONS}; formats text, json, html)",
        )
        parser.add_argument(
            "--format",
            choices=("text", "wdiff", "json", "html"),
            default="text",
            help="text: the aligned view, unit by unit, then what only one text has (default); "
            "wdiff: one word diff of the whole documents; json; html: the self-contained report",
        )
        parser.add_argument("-o", "--output", help="write to this file instead of standard output")
        parser.add_argument(
            "--color", choices=("auto", "always", "never"), default="auto", help="colour for --format text"
        )
        parser.add_argument(
            "--timeout",
            type=float,
            default=15.0,
            metavar="SECONDS",
            help="for links: give up waiting after this long (default 15)",
        )
    else:
        parser.add_argument(
            "input",
            help='JSON lines {"id", "a": [sentences], "b": [sentences]} (strict JSON, UTF-8, at most 50 MB); '
            '"-" reads stdin',
        )
        parser.add_argument("-o", "--output", help="write to this file instead of standard output")
    _add_matching_options(parser)
    parser.set_defaults(command=command)
    return parser


def main(argv: list[str]) -> int:
    """Run the command line; returns the process exit code."""
    if not argv or argv[0] not in HEADLESS_COMMANDS + ("-h", "--help", "--version"):
        try:
            window_args = build_parser().parse_args(argv)
        except SystemExit as stop:  # argparse already printed the reason
            return int(stop.code or 0)
        from reader.app.launch import run as run_window

        return run_window(window_args)
    if argv[0] not in COMMANDS:  # --help or --version: argparse prints the answer and exits
        build_parser().parse_args(argv)
        return 0
    args = build_command_parser(argv[0]).parse_args(argv[1:])
    try:
        if args.command == "compare":
            return _compare(args)
        return _align(args)
    except InputError as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except MemoryError:
        # Within the size limits, yet more than this machine can hold: still one line.
        return _fail("out of memory: the input is too large to compare on this machine")
    except BrokenPipeError:
        # The reader of our output went away (e.g. "| head"): not an error worth a message.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:  # noqa: BLE001 - the promise is one line, never a traceback
        if type(error).__name__ == "DocumentError":
            return _fail(str(error))
        return _fail(f"unexpected error ({type(error).__name__}: {error})", EXIT_INTERNAL)


def _fail(message: str, code: int = EXIT_BAD_INPUT) -> int:
    from reader.core.printable import one_line

    # Names and server replies inside the message: one printable line, whatever they hold.
    print(f"tandem: {one_line(message)}", file=sys.stderr)
    return code


def _compare(args: argparse.Namespace) -> int:
    from reader.core import compare
    from reader.core.read.fetch import load_source

    options = _options(args)
    # inf overflowed the socket layer and nan, 0 or -1 were reported as a bad link.
    if not 0 < args.timeout <= MAX_TIMEOUT_S:
        raise InputError(f"--timeout must be a number of seconds above 0 and at most {MAX_TIMEOUT_S:g}")
    if args.more:
        return _compare_versions(args, options)
    if _same_file(args.a, args.b):
        raise InputError(f"{args.a}: A and B are the same file; give two versions to compare")
    doc_a = load_source(args.a, timeout=args.timeout)
    doc_b = load_source(args.b, timeout=args.timeout)
    _check_output_path(args.output, (args.a, args.b))
    comparison = compare(doc_a, doc_b, options)
    if args.format == "json":
        from reader.export.json_export import comparison_to_json

        text = comparison_to_json(comparison) + "\n"
    elif args.format == "html":
        from reader.export.html_export import comparison_to_html

        text = comparison_to_html(comparison)
    else:
        stream_is_tty = args.output is None and sys.stdout.isatty()
        color = args.color == "always" or (args.color == "auto" and stream_is_tty and "NO_COLOR" not in os.environ)
        if args.format == "wdiff":
            from reader.export.text_export import comparison_to_text

            text = comparison_to_text(comparison, color=color)
        else:
            from reader.export.aligned_text import comparison_to_aligned_text

            text = comparison_to_aligned_text(comparison, color=color)
    _write(text, args.output)
    return 0


def _compare_versions(args: argparse.Namespace, options: CompareOptions) -> int:
    """``tandem compare BASE V1 V2 ...``; a version that cannot be read is named and skipped."""
    from reader.core.versions import VersionsError
    from reader.core.versions.inputs import load_versions
    from reader.export.versions_run import render_versions

    if args.format == "wdiff":
        raise InputError("--format wdiff compares two files; with three or more use text, json or html")
    sources = (args.a, args.b, *args.more)
    _check_output_path(args.output, sources)
    try:
        loaded = load_versions(args.a, sources[1:], timeout=args.timeout)
    except VersionsError as error:
        raise InputError(str(error)) from error
    for skipped in loaded.skipped:
        _fail(f"{skipped.reason} (skipped; the other versions are compared)")
    stream_is_tty = args.output is None and sys.stdout.isatty()
    color = args.color == "always" or (args.color == "auto" and stream_is_tty and "NO_COLOR" not in os.environ)
    _write(render_versions(loaded, options, args.format, color), args.output)
    return EXIT_SOME_SKIPPED if loaded.skipped else 0


def _same_file(a: str, b: str) -> bool:
    """The very same file named twice (links and relative paths resolved); URLs by text."""
    if a == b:
        return True
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def _check_output_path(output: str | None, inputs: tuple[str, ...]) -> None:
    """Refuse to overwrite an input file: the app never writes to the files it reads."""
    if output is None:
        return
    from reader.core.outputs import output_conflict

    problem = output_conflict(output, inputs)
    if problem:
        raise InputError(f"{output}: {problem}")


def _write(text: str | bytes, output: str | None) -> None:
    if output is None:
        if isinstance(text, bytes):  # the versions outputs: already UTF-8
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
        sys.stdout.flush()
        return
    from reader.core.outputs import write_output

    try:
        write_output(output, text)
    except OSError as error:
        raise InputError(f"{output}: cannot write ({error.strerror or error})") from error


def _align(args: argparse.Namespace) -> int:
    from reader.align_input import align_lines, line_writer

    options = _options(args)
    _check_output_path(args.output, () if args.input == "-" else (args.input,))
    with line_writer(args.output) as write:
        for line in align_lines(args.input, options):
            write(line)
    return 0
