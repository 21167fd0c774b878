"""Run a hypothesis property outside pytest and turn its outcome into a check result.

Main definitions
----------------
* :class:`PropertyViolation` -- the failure a property body raises: the
  inequality, both sides, the margin and the case that falsified it.
* :class:`PropertyOutcome` -- examples tried, worst margin, counterexample.
* :func:`run_property` -- run a body on examples of a strategy.
* :func:`describe_case` -- a falsifying case as a reproducible command.
* :func:`check_result` -- a :class:`theory.registry.CheckResult` from an outcome.

Implementation notes
--------------------
The body returns ``(lhs, rhs)`` of its tightest inequality ``lhs <= rhs``
(or ``None``), and the runner keeps the smallest margin ``rhs - lhs`` over
the passing examples.  Examples are counted in the body, so the count
includes the replays hypothesis makes while shrinking a failure.  Runs are
reproducible: the example database is off and the random seed is fixed.
"""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass, field
from typing import Any, Callable

from hypothesis import HealthCheck, Verbosity, given, settings
from hypothesis import seed as hypothesis_seed

from theory.registry import CheckResult
from verify.schemes import scheme_to_json

__all__ = ["PropertyViolation", "PropertyOutcome", "run_property", "describe_case", "check_result", "require"]


class PropertyViolation(AssertionError):
    """Raised by a property body when an inequality fails on a case.

    Attributes
    ----------
    statement : str
        The inequality that failed, in words or formulas.
    lhs, rhs : float
        Its two sides; the inequality is ``lhs <= rhs``.
    case : dict
        The falsifying case from :func:`describe_case`.
    """

    def __init__(self, statement: str, lhs: float, rhs: float, case: dict):
        super().__init__(f"{statement}: {lhs!r} > {rhs!r} on {case.get('group')}")
        self.statement = statement
        self.lhs = float(lhs)
        self.rhs = float(rhs)
        self.case = case


def require(statement: str, lhs: float, rhs: float, case: Callable[[], dict]) -> tuple[float, float]:
    """Check ``lhs <= rhs``; raise :class:`PropertyViolation` with ``case()`` if it fails.

    Returns
    -------
    tuple of float
        ``(lhs, rhs)``, for the body to return as its tightest inequality.
    """
    if not lhs <= rhs:
        raise PropertyViolation(statement, lhs, rhs, case())
    return float(lhs), float(rhs)


def describe_case(group, function_class=None, scheme=None, **extra) -> dict:
    """Return a case as data plus a ``python -m verify defect`` command that reproduces it.

    The command reads the scheme from ``counterexample.json``, whose content
    is under the key ``scheme_file``.
    """
    case: dict[str, Any] = {"group": group.spec}
    if function_class is not None:
        case["class"] = function_class.spec
    if scheme is not None:
        case["scheme_file"] = scheme_to_json(scheme)
        class_spec = function_class.spec if function_class is not None else "regular"
        case["command"] = (
            f"python -m verify defect {shlex.quote(group.spec)} --class {shlex.quote(class_spec)} "
            f"--scheme counterexample.json"
        )
        case["scheme_file_content"] = json.dumps(case["scheme_file"])
    case.update(extra)
    return case


@dataclass
class PropertyOutcome:
    """Result of one property run.

    Attributes
    ----------
    examples : int
        Examples the body ran, shrinking replays included.
    violation : PropertyViolation or None
        The shrunk failure, if any.
    error : str or None
        An unexpected exception raised by the body (also a failure).
    worst : tuple of float or None
        ``(lhs, rhs)`` of the passing example with the smallest margin.
    """

    examples: int = 0
    violation: PropertyViolation | None = None
    error: str | None = None
    worst: tuple | None = None
    notes: dict = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        """Whether every example satisfied the property."""
        return self.violation is None and self.error is None


def _first_violation(error: BaseException) -> PropertyViolation | None:
    if isinstance(error, PropertyViolation):
        return error
    for inner in getattr(error, "exceptions", ()):
        found = _first_violation(inner)
        if found is not None:
            return found
    return None


def run_property(body: Callable[..., tuple | None], strategy, *, examples: int, seed: int) -> PropertyOutcome:
    """Run ``body(value)`` on hypothesis examples of ``strategy``.

    Parameters
    ----------
    body : callable
        Takes one drawn value, raises :class:`PropertyViolation` on failure
        and returns ``(lhs, rhs)`` of its tightest inequality or ``None``.
    strategy : SearchStrategy
    examples : int
        ``max_examples`` of the run (at least 1).
    seed : int
        Hypothesis seed; the same seed gives the same examples.

    Returns
    -------
    PropertyOutcome
    """
    if int(examples) < 1:
        raise ValueError(f"examples={examples!r} must be at least 1")
    outcome = PropertyOutcome()

    @hypothesis_seed(int(seed))
    @settings(
        max_examples=int(examples),
        database=None,
        deadline=None,
        derandomize=False,
        verbosity=Verbosity.quiet,
        print_blob=False,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def property_test(value):
        outcome.examples += 1
        sides = body(value)
        if sides is not None:
            lhs, rhs = sides
            if outcome.worst is None or rhs - lhs < outcome.worst[1] - outcome.worst[0]:
                outcome.worst = (float(lhs), float(rhs))

    try:
        property_test()
    except Exception as error:  # noqa: BLE001  (every failure is reported, none is swallowed)
        violation = _first_violation(error)
        if violation is not None:
            outcome.violation = violation
        else:
            outcome.error = f"{type(error).__name__}: {error}"
    return outcome


def check_result(statement: str, outcome: PropertyOutcome) -> CheckResult:
    """Return the check result of a property run: sides and margin of the worst case."""
    details: dict[str, Any] = {"examples": outcome.examples, "counterexample": None, **outcome.notes}
    evidence = f"{outcome.examples} examples"
    if outcome.violation is not None:
        violation = outcome.violation
        details["counterexample"] = violation.case
        details["failed_inequality"] = violation.statement
        return CheckResult(
            passed=False,
            statement=f"{statement} (failed: {violation.statement})",
            lhs=violation.lhs,
            rhs=violation.rhs,
            margin=violation.rhs - violation.lhs,
            evidence=evidence,
            details=details,
        )
    if outcome.error is not None:
        details["error"] = outcome.error
        return CheckResult(False, f"{statement} (the computation raised an error)", evidence=evidence, details=details)
    lhs, rhs = outcome.worst if outcome.worst is not None else (None, None)
    margin = None if lhs is None else rhs - lhs
    return CheckResult(True, statement, lhs=lhs, rhs=rhs, margin=margin, evidence=evidence, details=details)
