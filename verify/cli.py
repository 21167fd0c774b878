"""Command line of averaging-complexity (``python -m verify``).

Each subcommand is a module of :mod:`verify.commands` that defines

``NAME``
    the subcommand name;
``HELP``
    one line for the list of subcommands;
``add_arguments(parser)``
    adds its options to an :class:`argparse.ArgumentParser`;
``run(args) -> int``
    executes it and returns the exit code.

Modules are discovered by name, so adding a subcommand is adding a module.
With no subcommand, ``run`` is executed with its defaults.

Errors that the user can fix (a bad spec, a missing file, an invalid
option value) are raised as :class:`verify.errors.UsageError` and printed as
one line on standard error with exit code 2, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys

from verify.errors import UsageError
from verify.threads import single_threaded_blas

__all__ = ["main", "build_parser"]


def _command_modules():
    import verify.commands as package

    modules = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda item: item.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"verify.commands.{info.name}")
        if hasattr(module, "NAME") and hasattr(module, "run"):
            modules.append(module)
    return modules


class OneLineErrorParser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on standard error, exit status 2."""

    def error(self, message):
        self.exit(2, f"error: {message} (see '{self.prog} --help')\n")


def nonnegative_seed(text: str) -> int:
    """Parse a ``--seed`` value: a non-negative integer, as numpy's generators require."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a non-negative integer, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be a non-negative integer, got {value}")
    return value


def _validate_seeds(parser: argparse.ArgumentParser) -> None:
    # Every subcommand's --seed gets the same type, so no command can receive a negative seed.
    for action in parser._actions:
        if action.dest == "seed":
            action.type = nonnegative_seed


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with one subparser per command module."""
    parser = OneLineErrorParser(
        prog="python -m verify",
        description=(
            "Check the claims of averaging complexity on finite groups: exact "
            "invariance by averaging costs |G| queries, approximate invariance "
            "O(log|G|/eps). With no subcommand, runs 'run' on the default panel."
        ),
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineErrorParser)
    for module in _command_modules():
        subparser = subparsers.add_parser(
            module.NAME,
            help=module.HELP,
            description=getattr(module, "DESCRIPTION", module.HELP),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(subparser)
        _validate_seeds(subparser)
        subparser.set_defaults(handler=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse ``argv`` and execute the chosen subcommand; return the exit code."""
    parser = build_parser()
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments or (arguments[0].startswith("-") and arguments[0] not in ("-h", "--help")):
        arguments = ["run", *arguments]
    args = parser.parse_args(arguments)
    try:
        with single_threaded_blas():
            return int(args.handler(args) or 0)
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of standard output closed it early (as in "| head"); stop quietly.
        sys.stdout = open(os.devnull, "w")
        return 0


if __name__ == "__main__":
    sys.exit(main())
