"""``AC_wk`` and ``AC_st`` computed exactly on small groups by convex optimization over each support.

Main definitions
----------------
* :func:`minimum_approximate_size` -- the exact minimum size for the
  ``signed``, ``nonnegative`` and ``uniform`` families, groups of order at
  most :data:`MAX_OPTIMAL_ORDER`.
* :data:`BOUNDARY_TOLERANCE` -- the band around ``epsilon`` inside which a
  support is reported undecided.

Implementation notes
--------------------
``beta`` and ``Delta`` are unchanged when a scheme is translated (``w_hat(pi)``
becomes ``w_hat(pi) pi(g)``), so only supports containing the identity are
searched, by increasing size.  On one support, the smallest ``beta`` (weak)
or ``Delta`` (strong) over the weights with ``sum w = 1`` is a convex
problem, with ``w >= 0`` added for the nonnegative family.  It is a
second-order cone program for abelian groups (``|w_hat(chi)| c_chi <= t``, with ``c_chi = 1``
weak and ``2 sin(pi floor(m/2)/m)`` strong) and a semidefinite program
otherwise (``sigma_max`` of the real ``2d x 2d`` form of ``w_hat(pi)``, and
of ``(pi(h) - I) w_hat(pi)`` for every ``h`` in the strong case).  cvxpy
compiles one parametrized problem per size and solves it with CLARABEL.

A support is feasible when the optimal weights, re-evaluated with
:func:`verify.defects.compute_defects`, give a squared defect at most
``epsilon``; infeasible when the solver's optimum squared exceeds
``epsilon + BOUNDARY_TOLERANCE``; undecided otherwise, or when the solver
returns no solution (:class:`SolverFailure`, listed in the certificate under
``solver_failures``).  An undecided support stops the search at its size
with an interval.  An empty spectrum (``D(F) = 0``) needs no solver: every
scheme has ``beta = Delta = 0``, so the minimum size is 1.

The uniform family (rational weights ``m_g / K``) lies inside the
nonnegative family, so its lower end is ``AC^+``; its upper end comes from
enumerating the compositions of ``K <= max_draws`` draws over each support
of a given size.
"""

from __future__ import annotations

import math
import warnings
from itertools import combinations

import numpy as np

from verify.errors import UsageError

__all__ = ["minimum_approximate_size", "MAX_OPTIMAL_ORDER", "BOUNDARY_TOLERANCE", "SolverFailure"]

#: Largest group order searched support by support.
MAX_OPTIMAL_ORDER = 12

#: Width of the band ``(epsilon, epsilon + tolerance]`` of squared defects left undecided.
BOUNDARY_TOLERANCE = 1e-6

#: Multisets per (size, draws) batch whose exact defect is computed, best scores first.
UNIFORM_CHECKS_PER_BATCH = 24


class SolverFailure(RuntimeError):
    """The convex solver returned no optimal weights for one support."""


def _real_form(matrices: np.ndarray) -> np.ndarray:
    """Return ``[[Re M, -Im M], [Im M, Re M]]`` for stacked complex matrices ``(..., d, d)``."""
    top = np.concatenate([matrices.real, -matrices.imag], axis=-1)
    bottom = np.concatenate([matrices.imag, matrices.real], axis=-1)
    return np.concatenate([top, bottom], axis=-2)


class _SupportProblem:
    """The parametrized convex problem ``min t`` over weights on a support of one size."""

    def __init__(self, function_class, notion, size, nonnegative):
        import cvxpy as cp
        from verify.representations.abelian import CharacterBackend

        self.function_class = function_class
        self.group = function_class.group
        self.backend = function_class.backend
        self.notion = notion
        self.spectrum = list(function_class.spectrum)
        self.is_abelian = isinstance(self.backend, CharacterBackend)
        self.weights = cp.Variable(size)
        self.level = cp.Variable()
        constraints = [cp.sum(self.weights) == 1]
        if nonnegative:
            constraints.append(self.weights >= 0)
        self.parameters = []
        if self.is_abelian:
            from verify.representations.abelian import character_defect_factor

            self.factors = np.ones(len(self.spectrum))
            if notion == "strong":
                self.factors = character_defect_factor(self.backend.character_orders(self.spectrum))
            real = cp.Parameter((len(self.spectrum), size))
            imaginary = cp.Parameter((len(self.spectrum), size))
            self.parameters = [real, imaginary]
            stacked = cp.vstack([real @ self.weights, imaginary @ self.weights])
            constraints.append(cp.norm(stacked, 2, axis=0) <= self.level)
        else:
            self.blocks = []
            for index in self.spectrum:
                degree = int(self.backend.degrees[index])
                translations = self.group.elements() if notion == "strong" else np.array([self.group.identity])
                for translation in translations:
                    parameter = cp.Parameter((4 * degree * degree, size))
                    self.parameters.append(parameter)
                    self.blocks.append((index, int(translation), degree))
                    matrix = cp.reshape(parameter @ self.weights, (2 * degree, 2 * degree), order="F")
                    constraints.append(cp.sigma_max(matrix) <= self.level)
        self.problem = cp.Problem(cp.Minimize(self.level), constraints)

    def solve(self, support) -> tuple[float, np.ndarray]:
        support = np.asarray(support, dtype=np.int64)
        if self.is_abelian:
            values = self.backend.character_values(self.spectrum, support).T * self.factors[:, None]
            self.parameters[0].value = values.real
            self.parameters[1].value = values.imag
        else:
            cache = {}
            for parameter, (index, translation, degree) in zip(self.parameters, self.blocks):
                if index not in cache:
                    cache[index] = self.backend.matrices(index, support)
                matrices = cache[index]
                if self.notion == "strong":
                    left = self.backend.matrices(index, np.array([translation]))[0] - np.eye(degree)
                    matrices = left[None] @ matrices
                real = _real_form(matrices)
                parameter.value = real.reshape(len(support), -1, order="F").T
        with warnings.catch_warnings():
            # An inaccurate solve is caught by re-evaluating the weights with compute_defects.
            warnings.simplefilter("ignore", UserWarning)
            self.problem.solve(solver="CLARABEL")
        if self.weights.value is None:
            raise SolverFailure(f"the convex solver CLARABEL returned no solution (status {self.problem.status}) "
                                f"on the support {support.tolist()}")
        return float(self.level.value), np.asarray(self.weights.value, dtype=float)


def _squared_defect(function_class, scheme, notion) -> float:
    from verify.defects import compute_defects

    report = compute_defects(function_class, scheme)
    return report.weak_epsilon if notion == "weak" else report.strong_epsilon


def minimum_approximate_size(function_class, notion: str, epsilon: float, family: str = "nonnegative",
                             progress=None, max_draws: int | None = None) -> dict:
    """Return the exact ``AC_wk`` or ``AC_st`` of a class on a group of order at most 12.

    Parameters
    ----------
    function_class : FunctionClass
        A class with a known spectrum.
    notion : {"weak", "strong"}
    epsilon : float
        Positive squared-error tolerance.
    family : {"signed", "nonnegative", "uniform"}, optional
    progress : callable, optional
    max_draws : int, optional
        Largest number of draws of the uniform multisets; defaults to ``2 N``.

    Returns
    -------
    dict
        ``lower``, ``upper``, ``scheme`` (an :class:`AveragingScheme`
        attaining ``upper``), ``squared_defect`` of that scheme, and
        ``certificate`` (counts of supports by size and outcome).

    Raises
    ------
    UsageError
        If the group is too large, the class has no spectrum, or an
        argument is invalid.
    """
    from verify.schemes import make_scheme

    group = function_class.group
    if notion not in ("weak", "strong"):
        raise UsageError(f"notion {notion!r} is invalid; expected weak or strong")
    if family not in ("signed", "nonnegative", "uniform"):
        raise UsageError(f"family {family!r} is invalid; expected signed, nonnegative or uniform")
    if not epsilon > 0:
        raise UsageError(f"epsilon must be positive, got {epsilon}")
    if group.order > MAX_OPTIMAL_ORDER or function_class.spectrum is None:
        raise UsageError(
            f"the exact approximate complexity is computed for groups of order at most {MAX_OPTIMAL_ORDER} "
            f"with a known spectrum; got {group.spec!r} of order {group.order}"
        )
    if not function_class.spectrum:
        # An empty spectrum (D(F) = 0) makes beta = Delta = 0 for every scheme, so the identity alone is optimal.
        scheme = make_scheme(group, np.array([group.identity]), [1.0], origin=f"optimal {notion} scheme")
        certificate = {"supports_proved_infeasible": {},
                       "method": "empty spectrum: beta = Delta = 0 for every scheme, so one element suffices"}
        return {"lower": 1, "upper": 1, "scheme": scheme, "squared_defect": 0.0, "certificate": certificate}
    if family == "uniform":
        return _uniform(function_class, notion, epsilon, progress, max_draws)

    order = int(group.order)
    others = [element for element in range(order) if element != group.identity]
    infeasible = {}
    failures = []
    for size in range(1, order + 1):
        problem = _SupportProblem(function_class, notion, size, nonnegative=family == "nonnegative")
        undecided = 0
        if progress is not None:
            progress(f"{group.spec} {function_class.spec} {notion} {family}: size {size}, "
                     f"{math.comb(order - 1, size - 1)} supports")
        for rest in combinations(others, size - 1):
            support = (group.identity, *rest)
            try:
                optimum, weights = problem.solve(support)
            except SolverFailure as failure:
                # A support the solver cannot decide stops the search at this size with an interval.
                failures.append(str(failure))
                undecided += 1
                continue
            if optimum**2 > epsilon + BOUNDARY_TOLERANCE:
                infeasible[size] = infeasible.get(size, 0) + 1
                continue
            weights = weights / weights.sum()
            if family == "nonnegative":
                weights = np.clip(weights, 0.0, None)
                weights = weights / weights.sum()
            keep = weights != 0
            weights[np.flatnonzero(keep)[-1]] = 1.0 - (weights[keep].sum() - weights[np.flatnonzero(keep)[-1]])
            scheme = make_scheme(group, np.array(support)[keep], weights[keep], origin=f"optimal {notion} scheme")
            squared = _squared_defect(function_class, scheme, notion)
            if squared <= epsilon:
                certificate = {"supports_proved_infeasible": {str(k): v for k, v in sorted(infeasible.items())},
                               "method": f"minimum of {'beta' if notion == 'weak' else 'Delta'} over the weights of "
                               f"each support containing the identity (cvxpy, CLARABEL); infeasible when the "
                               f"optimum squared exceeds epsilon + {BOUNDARY_TOLERANCE:g}"}
                return {"lower": size, "upper": scheme.size, "scheme": scheme, "squared_defect": squared,
                        "certificate": certificate}
            undecided += 1
        if undecided:
            from verify.schemes import uniform_scheme

            return {"lower": size, "upper": order, "scheme": uniform_scheme(group), "squared_defect": 0.0,
                    "certificate": {"supports_proved_infeasible": {str(k): v for k, v in sorted(infeasible.items())},
                                    "undecided": {str(size): undecided}, "solver_failures": failures}}
    raise RuntimeError("the uniform scheme on the whole group has defect 0 and must be feasible")


def _compositions(total: int, parts: int):
    """Yield the tuples of ``parts`` positive integers summing to ``total``."""
    for cuts in combinations(range(1, total), parts - 1):
        bounds = (0, *cuts, total)
        yield tuple(bounds[i + 1] - bounds[i] for i in range(parts))


def _uniform(function_class, notion, epsilon, progress, max_draws) -> dict:
    from verify.complexity.search import BatchDefects
    from verify.schemes import make_scheme

    group = function_class.group
    order = int(group.order)
    nonnegative = minimum_approximate_size(function_class, notion, epsilon, "nonnegative", progress)
    lower = nonnegative["lower"]
    limit = int(max_draws or 2 * order)
    evaluator = BatchDefects(function_class, notion)
    others = [element for element in range(order) if element != group.identity]
    for size in range(lower, order + 1):
        for total in range(size, limit + 1):
            multisets = []
            for rest in combinations(others, size - 1):
                support = (group.identity, *rest)
                for counts in _compositions(total, size):
                    multisets.append(np.repeat(support, counts))
            if not multisets:
                continue
            draws = np.array(multisets)
            scores = evaluator.scores(draws)
            # Delta^2 >= 2 beta^2, so under the sandwich score 4 beta^2 a hit needs score <= 2 epsilon.
            necessary = 2 * epsilon if evaluator.uses_sandwich else epsilon
            hits = np.flatnonzero(scores <= necessary)
            hits = hits[np.argsort(scores[hits], kind="stable")][:UNIFORM_CHECKS_PER_BATCH]
            for hit in hits:
                scheme = make_scheme(group, draws[hit], np.full(total, 1.0 / total), draws=total,
                                     origin="uniform multiset")
                squared = _squared_defect(function_class, scheme, notion)
                if squared <= epsilon:
                    certificate = dict(nonnegative["certificate"])
                    certificate["uniform"] = (f"lower end AC^+ (uniform schemes are nonnegative); upper end by "
                                              f"enumerating multisets of at most {limit} draws")
                    return {"lower": lower, "upper": scheme.size, "scheme": scheme, "squared_defect": squared,
                            "certificate": certificate}
        if progress is not None:
            progress(f"uniform multisets: no scheme of {size} distinct elements with at most {limit} draws")
    raise RuntimeError("the uniform scheme on the whole group must be feasible")
