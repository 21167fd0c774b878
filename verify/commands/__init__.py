"""Subcommands of ``python -m verify``, one module each (see :mod:`verify.cli`)."""
