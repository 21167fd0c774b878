"""Helpers shared by the subcommands: spec arguments, JSON output and the convention object."""

from __future__ import annotations

import json
import math
import sys

from verify.groups import GROUP_LAW, GROUP_SPEC_FORMS

__all__ = [
    "convention",
    "add_group_argument",
    "add_class_option",
    "add_json_option",
    "emit_json",
    "json_number",
    "NOTION_CONVENTION",
]

NOTION_CONVENTION = {
    "weak": "E_h ||h.A_w f - A_w f||^2 <= epsilon * E_h ||h.f - f||^2 for all f in F (mean over h in G on both sides)",
    "strong": "||h.A_w f - A_w f||^2 <= epsilon * ||f - P f||^2 for all f in F and every h in G",
}


def convention(tolerance: float | None = None, **extra) -> dict:
    """Return the ``convention`` object carried by every JSON output."""
    result = {
        "weak": NOTION_CONVENTION["weak"],
        "strong": NOTION_CONVENTION["strong"],
        "epsilon": "a tolerance on squared L2 errors (mean-squared); eta = sqrt(epsilon) is the root-mean-square form",
        "group_law": GROUP_LAW,
        "tolerance": tolerance,
    }
    result.update(extra)
    return result


def add_group_argument(parser) -> None:
    """Add the positional ``GROUP`` spec argument."""
    parser.add_argument("group", metavar="GROUP", help="group spec, one of: " + "; ".join(GROUP_SPEC_FORMS))


def add_class_option(parser, required: bool = False) -> None:
    """Add ``--class CLASS`` (and ``--rep REP`` for polynomial classes)."""
    parser.add_argument(
        "--class",
        dest="function_class",
        metavar="CLASS",
        required=required,
        help="function class: regular, action, band:K, irreps:I,J,... or poly:k",
    )
    parser.add_argument(
        "--rep",
        metavar="REP",
        default=None,
        help="representation for poly:k classes: natural, rotation, signs or file:PATH",
    )


def add_json_option(parser) -> None:
    """Add ``--json``."""
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")


def json_number(value):
    """Return ``value`` as a JSON-safe number: Python ints stay exact, NaN and inf become None."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    value = float(value)
    return value if math.isfinite(value) else None


def emit_json(payload: dict) -> None:
    """Print ``payload`` as indented JSON on standard output."""
    json.dump(payload, sys.stdout, indent=2, default=str)
    sys.stdout.write("\n")
