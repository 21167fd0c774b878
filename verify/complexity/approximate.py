"""Certified intervals for ``AC_wk(F, eps)`` and ``AC_st(F, eps)``.

Main definitions
----------------
* :class:`ApproximateComplexity` -- lower and upper ends, the value when they
  meet, the certificate and the scheme attaining the upper end.
* :func:`approximate_complexity` -- the interval for one class, notion,
  tolerance and scheme family.

Main results
------------
* Lower end: the largest bound of :func:`approximate_lower_bounds` (T3(a),
  T3(b), T3(c), one element), raised to the exact value on groups of order
  at most 12 (:func:`minimum_approximate_size`).
* Upper end: the smallest explicit scheme whose squared defect, computed by
  :func:`verify.defects.compute_defects`, is at most ``epsilon``: the best
  of seeded random multisets, a greedy multiset, the identity alone (``beta
  = 1``; enough for weak ``eps >= 1``) and ``w = 1/N``.

Implementation notes
--------------------
The strong notion is verified with the exact ``Delta`` where
:func:`compute_defects` computes it, otherwise with the upper sandwich
``Delta <= 2 beta``.  The searches score the strong notion by ``4 beta^2``
outside abelian groups, so the upper end of ``AC_st`` on nonabelian groups
is the size at which the sandwich, not ``Delta`` itself, meets ``epsilon``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from verify.complexity.lower_bounds import approximate_lower_bounds
from verify.errors import UsageError

__all__ = ["ApproximateComplexity", "approximate_complexity", "verified_squared_defect"]


@dataclass(frozen=True, eq=False)
class ApproximateComplexity:
    """A certified interval for ``AC_wk`` or ``AC_st``.

    Attributes
    ----------
    function_class : FunctionClass
    notion : str
    epsilon : float
    family : str
    lower, upper : int
    certificate : dict
    scheme : AveragingScheme or None
    """

    function_class: object
    notion: str
    epsilon: float
    family: str
    lower: int
    upper: int | None
    certificate: dict = field(default_factory=dict)
    scheme: object = None

    @property
    def value(self) -> int | None:
        """The complexity when both ends meet, else None."""
        return self.lower if self.lower == self.upper else None


def verified_squared_defect(function_class, scheme, notion: str) -> tuple[float, str]:
    """Return the squared defect of ``scheme`` for ``notion`` and how it was computed.

    Weak: ``beta^2``.  Strong: ``Delta^2`` when computed, else ``(2 beta)^2``.
    """
    from verify.defects import compute_defects

    report = compute_defects(function_class, scheme)
    if notion == "weak":
        return report.weak_epsilon, f"beta^2 by compute_defects ({report.method})"
    if report.delta is not None:
        return report.strong_epsilon, f"Delta^2 by compute_defects ({report.method})"
    return report.sandwich_upper**2, f"(2 beta)^2 >= Delta^2, upper sandwich ({report.method})"


def _validate(notion, epsilon, family):
    if notion not in ("weak", "strong"):
        raise UsageError(f"notion {notion!r} is invalid; expected weak or strong")
    if family not in ("signed", "nonnegative", "uniform"):
        raise UsageError(f"family {family!r} is invalid; expected signed, nonnegative or uniform")
    if not (isinstance(epsilon, (int, float)) and np.isfinite(epsilon) and epsilon > 0):
        raise UsageError(f"epsilon must be a positive number, got {epsilon!r}")


def _candidates(function_class, notion, epsilon, seed, trials, progress):
    """Yield ``(scheme, method)`` candidates for the upper end, cheapest first."""
    from verify.complexity.search import BatchDefects, greedy_multiset, random_multisets_search
    from verify.schemes import make_scheme, uniform_scheme

    group = function_class.group
    identity = np.array([group.identity]) if group.is_enumerated else np.arange(group.degree)[None, :]
    yield make_scheme(group, identity, [1.0], origin="the identity"), "the identity alone"
    if function_class.spectrum is not None and group.is_enumerated:
        evaluator = BatchDefects(function_class, notion)
        rng = np.random.default_rng(seed)
        limit = 4 * group.order
        draws, _ = random_multisets_search(evaluator, epsilon, rng, trials=trials, max_draws=limit, progress=progress)
        if draws is not None:
            yield (make_scheme(group, draws, np.full(len(draws), 1.0 / len(draws)), draws=len(draws),
                               origin="random multiset"),
                   f"best of {trials} seeded random multisets (seed {seed}) at the smallest number of draws "
                   f"found by doubling and bisection, scored by {evaluator.score_name}")
        if group.order * max(1, len(function_class.spectrum)) <= 5_000_000:
            # The greedy multiset only matters if it beats the random one.
            greedy_limit = limit if draws is None else len(draws) - 1
            draws, _ = greedy_multiset(evaluator, epsilon, rng, max_draws=greedy_limit, progress=progress)
            if draws is not None:
                yield (make_scheme(group, draws, np.full(len(draws), 1.0 / len(draws)), draws=len(draws),
                                   origin="greedy multiset"),
                       f"greedy: from the identity, add the element that lowers {evaluator.score_name} most")
    elif group.is_enumerated or function_class.kind == "action":
        from verify.schemes import random_scheme

        draws = 1
        while draws <= 4 * min(group.order, 10**6):
            scheme = random_scheme(group, draws, seed)
            yield scheme, f"random multiset of {draws} draws (seed {seed}), doubling"
            draws *= 2
    if group.is_enumerated:
        yield uniform_scheme(group), "w = 1/N on the whole group"


def approximate_complexity(function_class, notion: str, epsilon: float, family: str = "nonnegative",
                           seed: int = 0, trials: int = 16, exact: bool = True, progress=None) -> ApproximateComplexity:
    """Return a certified interval for ``AC_wk`` (``notion="weak"``) or ``AC_st`` (``"strong"``).

    Parameters
    ----------
    function_class : FunctionClass
    notion : {"weak", "strong"}
    epsilon : float
        Positive squared-error tolerance.
    family : {"signed", "nonnegative", "uniform"}, optional
    seed : int, optional
        Seed of the random search.
    trials : int, optional
        Random multisets per number of draws.
    exact : bool, optional
        Compute the exact value by convex optimization on groups of order
        at most 12.
    progress : callable, optional

    Returns
    -------
    ApproximateComplexity

    Raises
    ------
    UsageError
        If an argument is invalid.

    Examples
    --------
    >>> from verify.groups import parse_group
    >>> from verify.classes import parse_class
    >>> result = approximate_complexity(parse_class("regular", parse_group("cyclic:7")), "weak", 0.3)
    >>> result.value
    3
    """
    from verify.complexity.optimal import MAX_OPTIMAL_ORDER, minimum_approximate_size

    _validate(notion, epsilon, family)
    group = function_class.group
    bounds = approximate_lower_bounds(function_class, notion, epsilon, family)
    lower = max(bound["value"] for bound in bounds)
    lower_certificate = {"bounds": bounds, "method": "largest applicable bound"}

    best = None
    for scheme, method in _candidates(function_class, notion, epsilon, seed, trials, progress):
        if best is not None and scheme.size >= best[0].size:
            # Doubling only grows the support, and w = 1/N comes last, so nothing smaller follows.
            if "doubling" in method:
                break
            continue
        squared, how = verified_squared_defect(function_class, scheme, notion)
        if squared <= epsilon:
            best = (scheme, method, squared, how)
            if scheme.size <= lower:
                break

    if exact and function_class.spectrum is not None and group.order <= MAX_OPTIMAL_ORDER:
        optimal = minimum_approximate_size(function_class, notion, epsilon, family, progress=progress)
        if optimal["lower"] > lower:
            lower = optimal["lower"]
            lower_certificate = {"bounds": bounds, "method": "exact search over supports",
                                 "search": optimal["certificate"]}
        if best is None or optimal["upper"] < best[0].size:
            best = (optimal["scheme"], "optimal weights on the smallest feasible support", optimal["squared_defect"],
                    "compute_defects")

    certificate = {"lower": lower_certificate}
    scheme = None
    upper = None
    if best is not None:
        scheme, method, squared, how = best
        upper = scheme.size
        certificate["upper"] = {
            "elements": scheme.element_texts(),
            "weights": [float(weight) for weight in scheme.weights],
            "draws": scheme.draws,
            "size": scheme.size,
            "method": method,
            "squared_defect": squared,
            "verified_by": how,
        }
    if upper is not None and lower > upper:
        raise RuntimeError(f"lower end {lower} exceeds the verified upper end {upper}: a bound or a defect is wrong")
    return ApproximateComplexity(function_class, notion, float(epsilon), family, lower, upper, certificate, scheme)
