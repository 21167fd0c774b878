"""Registry of claims and of the checks that verify them.

A *claim* is a statement of the theory (a lemma, proposition, theorem or
experiment) with an identifier such as ``L2`` or ``T2``.  A *check* is a
function that tests one step or consequence of a claim and returns a
:class:`CheckResult`.  Checks are grouped by *level*:

``symbolic``
    exact sympy arithmetic, no floating point;
``exhaustive``
    every case of a list of small groups, computed numerically;
``property``
    hypothesis searching random groups, classes and schemes;
``statistical``
    seeded Monte Carlo with a stated confidence.

Main definitions
----------------
* :class:`Claim`, :class:`Check`, :class:`CheckResult`
* :func:`register_claim`, :func:`register_check`, :func:`claims`,
  :func:`checks`, :func:`get_claim`, :func:`get_check`

Implementation notes
--------------------
The registry is a module-level table filled at import time.  Symbolic
checks live in :mod:`theory` and take no argument.  Numeric checks live in
:mod:`verify` and take one argument, the run context that :mod:`verify`
defines; :mod:`theory` never imports :mod:`verify`, so the registry stores
them as plain callables.  Extending the theory means registering a claim,
writing its proof file and registering checks whose identifiers the proof
names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

__all__ = [
    "LEVELS",
    "Claim",
    "Check",
    "CheckResult",
    "register_claim",
    "register_check",
    "claims",
    "checks",
    "get_claim",
    "get_check",
]

LEVELS = ("symbolic", "exhaustive", "property", "statistical")


@dataclass(frozen=True)
class CheckResult:
    """Outcome of one check.

    Attributes
    ----------
    passed : bool
        Whether the checked statement held in every case tried.
    statement : str
        The statement that was checked, in words or formulas.
    lhs, rhs, margin : object, optional
        Left side, right side and ``rhs - lhs`` (or the margin in the
        direction of the inequality) of the worst case; set on failure and
        wherever a worst case is meaningful.
    evidence : str
        What was tried: groups, number of examples, confidence.
    details : dict
        Machine-readable extras (counts, seeds, counterexample command).
    """

    passed: bool
    statement: str
    lhs: Any = None
    rhs: Any = None
    margin: Any = None
    evidence: str = ""
    details: dict = field(default_factory=dict)

    def describe_failure(self) -> str:
        """Return a one-line account of a failed check: statement, sides, margin."""
        return (
            f"FAILED: {self.statement}; left side = {self.lhs}, "
            f"right side = {self.rhs}, margin = {self.margin}"
        )


@dataclass(frozen=True)
class Claim:
    """A statement of the theory.

    Attributes
    ----------
    id : str
        Identifier used by code, proofs and reports (``"L1"``, ``"T3"``).
    title : str
        Short title, one line.
    statement : str
        The statement in words and formulas.
    hypotheses : tuple of str
        Conditions under which the statement is claimed.
    proof_file : str
        Path of the proof, relative to the repository root.
    kind : str
        ``"lemma"``, ``"proposition"``, ``"theorem"`` or ``"experiment"``.
    """

    id: str
    title: str
    statement: str
    hypotheses: tuple = ()
    proof_file: str = ""
    kind: str = "theorem"


@dataclass(frozen=True)
class Check:
    """A registered check of one claim at one level."""

    id: str
    claim: str
    level: str
    description: str
    function: Callable[..., CheckResult]

    def run(self, context: Any = None) -> CheckResult:
        """Run the check; symbolic checks ignore ``context``."""
        if self.level == "symbolic":
            return self.function()
        return self.function(context)


_CLAIMS: dict[str, Claim] = {}
_CHECKS: dict[str, Check] = {}


def register_claim(claim: Claim) -> Claim:
    """Add ``claim`` to the registry.

    Raises
    ------
    ValueError
        If a different claim with the same identifier is registered.
    """
    existing = _CLAIMS.get(claim.id)
    if existing is not None and existing != claim:
        raise ValueError(f"claim {claim.id!r} is already registered with other content")
    _CLAIMS[claim.id] = claim
    return claim


def register_check(id: str, claim: str, level: str, description: str):
    """Return a decorator that registers a function as a check.

    Parameters
    ----------
    id : str
        Unique check identifier, conventionally ``CLAIM.short-name``.
    claim : str
        Identifier of the claim the check verifies.
    level : str
        One of :data:`LEVELS`.
    description : str
        One sentence: what the check verifies and how.

    Raises
    ------
    ValueError
        If ``level`` is not a known level or ``id`` is already taken by
        another function.
    """
    if level not in LEVELS:
        raise ValueError(f"check {id!r}: level {level!r} is invalid; expected one of {LEVELS}")

    def decorator(function: Callable[..., CheckResult]) -> Callable[..., CheckResult]:
        existing = _CHECKS.get(id)
        if existing is not None and existing.function.__qualname__ != function.__qualname__:
            raise ValueError(f"check identifier {id!r} is already registered")
        _CHECKS[id] = Check(id=id, claim=claim, level=level, description=description, function=function)
        return function

    return decorator


def claims() -> list[Claim]:
    """Return the registered claims in registration order."""
    return list(_CLAIMS.values())


def checks(claim: str | None = None, level: str | None = None) -> list[Check]:
    """Return the registered checks, optionally filtered by claim and level."""
    return [
        check
        for check in _CHECKS.values()
        if (claim is None or check.claim == claim) and (level is None or check.level == level)
    ]


def get_claim(id: str) -> Claim:
    """Return the claim with identifier ``id``.

    Raises
    ------
    KeyError
        If no claim has that identifier; the message lists the known ones.
    """
    try:
        return _CLAIMS[id]
    except KeyError:
        raise KeyError(f"unknown claim {id!r}; known claims: {', '.join(_CLAIMS)}") from None


def get_check(id: str) -> Check:
    """Return the check with identifier ``id``.

    Raises
    ------
    KeyError
        If no check has that identifier.
    """
    try:
        return _CHECKS[id]
    except KeyError:
        raise KeyError(f"unknown check {id!r}") from None
