"""Exceptions of the numeric engine.

:class:`UsageError` is a :class:`ValueError` whose message is meant for the
user of the command line: it names the value received and what is allowed.
The command line prints it as one line and exits with status 2.
"""

__all__ = ["UsageError", "SpecError"]


class UsageError(ValueError):
    """Invalid input that the user can correct (spec, option, file)."""


class SpecError(UsageError):
    """A group, class, representation or element spec that cannot be parsed."""
