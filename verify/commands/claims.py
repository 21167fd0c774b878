"""The ``claims`` subcommand: list claims, proofs and checks, and check their consistency.

``python -m verify claims [--json]`` imports :mod:`theory` (claims and
symbolic checks) and :mod:`verify.checks` (numeric checks), lists every
claim with its proof file and its checks by level, and exits with status 1,
printing one message per problem, when proofs and registered checks
disagree (see :func:`theory.consistency.consistency_problems`).

Implementation notes
--------------------
When the package ``verify.checks`` does not exist, only the symbolic checks
are known: the listing says so, and proof references to checks that are not
registered are listed as unverified instead of failing the command.  Any
other import error propagates.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys

NAME = "claims"
HELP = "list the claims with their proof files and checks, and check their consistency"
DESCRIPTION = (
    "List each claim with its proof file and its checks by level (symbolic, exhaustive,\n"
    "property, statistical). Exit status 1 with one message per problem when a proof\n"
    "names an unregistered check, a registered check is named in no proof, a claim has\n"
    "no proof file, or a claim other than F1 has no symbolic check."
)

_NUMERIC_PACKAGE = "verify.checks"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``claims``."""
    parser.add_argument("--json", action="store_true", help="print the listing as JSON")


def load_checks() -> bool:
    """Import the claims and every check; return whether the numeric checks were found."""
    # The submodules are named explicitly so registration never depends on
    # which directory the name ``theory`` resolved to first.
    for module in ("theory", "theory.claims", "theory.obligations"):
        importlib.import_module(module)
    try:
        importlib.import_module(_NUMERIC_PACKAGE)
    except ModuleNotFoundError as error:
        if error.name != _NUMERIC_PACKAGE:
            raise
        return False
    return True


def build_listing(numeric_checks_loaded: bool) -> dict:
    """Return the claims, their checks by level and the consistency problems."""
    from theory.consistency import consistency_problems, unregistered_references
    from theory.registry import LEVELS, checks, claims

    rows = []
    for claim in claims():
        by_level = {level: [check.id for check in checks(claim=claim.id, level=level)]
                    for level in LEVELS}
        rows.append({"id": claim.id, "title": claim.title, "kind": claim.kind,
                     "proof_file": claim.proof_file, "checks": by_level})
    unverified = [] if numeric_checks_loaded else [
        {"claim": claim_id, "check": name} for claim_id, name in unregistered_references()]
    return {
        "claims": rows,
        "numeric_checks_loaded": numeric_checks_loaded,
        "unregistered_references": unverified,
        "problems": consistency_problems(numeric_checks_loaded=numeric_checks_loaded),
    }


def _print_text(listing: dict) -> None:
    for row in listing["claims"]:
        print(f"{row['id']:<4} {row['title']}  ({row['kind']}, {row['proof_file']})")
        for level, ids in row["checks"].items():
            if ids:
                print(f"     {level:<11} {', '.join(ids)}")
    if not listing["numeric_checks_loaded"]:
        print("note: the package verify.checks is not installed, so only symbolic checks are known")
        for entry in listing["unregistered_references"]:
            print(f"note: proof of {entry['claim']} names {entry['check']}, not registered "
                  "without the numeric checks")


def run(args: argparse.Namespace) -> int:
    """List the claims and return 1 if the consistency check finds problems."""
    listing = build_listing(load_checks())
    if args.json:
        from verify.commands._common import convention

        listing["convention"] = convention(tolerance=None)
        print(json.dumps(listing, indent=2))
    else:
        _print_text(listing)
    for problem in listing["problems"]:
        print(f"problem: {problem}", file=sys.stderr)
    return 1 if listing["problems"] else 0
