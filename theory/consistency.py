"""Consistency of claims, proofs and registered checks.

A proof names the checks that verify its steps as ``[check: ID]``.  The
registry, the proof files and these names must agree: every check that a
proof names is registered, every registered check is named by some proof,
every claim has its proof file, and every claim except the experiment F1
has at least one symbolic check.

Main definitions
----------------
* :data:`CHECK_REFERENCE` (the pattern ``[check: ID]``), :data:`PROOF_DIRECTORY`.

Main results
------------
* :func:`check_references`, :func:`consistency_problems`.

Implementation notes
--------------------
Only the checks registered when :func:`consistency_problems` is called are
considered.  Numeric checks are registered by importing ``verify.checks``;
without it, pass ``numeric_checks_loaded=False`` so that names of checks
that are not registered are reported apart instead of as problems.
"""

from __future__ import annotations

import re
from pathlib import Path

from theory.registry import checks, claims

__all__ = ["CHECK_REFERENCE", "PROOF_DIRECTORY", "EXPERIMENT_CLAIMS", "check_references",
           "consistency_problems", "unregistered_references"]

#: Pattern of a check reference in a proof: ``[check: T2.bernstein-exponent]``.
CHECK_REFERENCE = re.compile(r"\[check:\s*([A-Za-z0-9][A-Za-z0-9_.()\-]*)\s*\]")

#: Directory of the proof files, ``proofs/`` at the repository root.
PROOF_DIRECTORY = Path(__file__).resolve().parent.parent / "proofs"

#: Claims that are experiments and need no symbolic check.
EXPERIMENT_CLAIMS = ("F1",)


def _proof_path(claim, proof_directory: Path) -> Path:
    return proof_directory / Path(claim.proof_file).name


def check_references(proof_directory: Path | str | None = None) -> dict[str, list[str]]:
    """Return, for each existing proof file of a registered claim, the check ids it names.

    Parameters
    ----------
    proof_directory : path, optional
        Directory holding ``<ID>.md``; defaults to :data:`PROOF_DIRECTORY`.

    Returns
    -------
    dict of str to list of str
        Claim id to the check ids in order of first appearance.
    """
    directory = Path(proof_directory) if proof_directory is not None else PROOF_DIRECTORY
    references = {}
    for claim in claims():
        path = _proof_path(claim, directory)
        if path.is_file():
            names = CHECK_REFERENCE.findall(path.read_text(encoding="utf-8"))
            references[claim.id] = list(dict.fromkeys(names))
    return references


def unregistered_references(proof_directory: Path | str | None = None) -> list[tuple[str, str]]:
    """Return ``(claim id, check id)`` for each check a proof names that is not registered."""
    registered = {check.id for check in checks()}
    return [(claim_id, name)
            for claim_id, names in check_references(proof_directory).items()
            for name in names if name not in registered]


def consistency_problems(proof_directory: Path | str | None = None,
                         numeric_checks_loaded: bool = True) -> list[str]:
    """Return one message per inconsistency between claims, proofs and checks.

    Parameters
    ----------
    proof_directory : path, optional
        Directory holding ``<ID>.md``; defaults to :data:`PROOF_DIRECTORY`.
    numeric_checks_loaded : bool, optional
        Whether the numeric checks of ``verify.checks`` are registered.  When
        false, a proof naming an unregistered check is not a problem, since
        the check may be numeric; :func:`unregistered_references` lists them.

    Returns
    -------
    list of str
        Empty when everything is consistent.

    Examples
    --------
    >>> import theory
    >>> isinstance(consistency_problems(numeric_checks_loaded=False), list)
    True
    """
    directory = Path(proof_directory) if proof_directory is not None else PROOF_DIRECTORY
    problems = []
    references = check_references(directory)
    named = {name for names in references.values() for name in names}
    registered = checks()
    known_claims = {claim.id for claim in claims()}

    for claim in claims():
        path = _proof_path(claim, directory)
        if not path.is_file():
            problems.append(f"claim {claim.id} has no proof file: {path} is missing")
        if claim.id not in EXPERIMENT_CLAIMS and not checks(claim=claim.id, level="symbolic"):
            problems.append(f"claim {claim.id} has no symbolic check")

    if numeric_checks_loaded:
        for claim_id, name in unregistered_references(directory):
            problems.append(f"proof of {claim_id} names check {name}, which is not registered")

    for check in registered:
        if check.id not in named:
            problems.append(
                f"check {check.id} ({check.level}, claim {check.claim}) is named in no proof; "
                f"add [check: {check.id}] to the step it verifies"
            )
        if check.claim not in known_claims:
            problems.append(f"check {check.id} belongs to claim {check.claim}, which is not registered")
    return problems
