"""Property checks of exact invariance (T1) and of the lower bounds T3, by hypothesis.

Main definitions
----------------
* :func:`exact_scheme_on_support` -- the minimum-norm scheme supported in a
  given set that is exact on a class, found by least squares on the linear
  system ``w_hat(pi) = 0`` for ``pi`` in ``Pi(F)``, ``sum w = 1``.
* Property functions ``t1_*_property`` and ``t3_*_property``.

Main results
------------
* T1(a): an exact scheme supported in ``S`` exists only if
  ``|S| >= N / sum_{pi not in Pi(F)} d_pi^2``.
* T1(b): on a spectrally complete class the uniform scheme is exact, no
  support smaller than ``G`` carries an exact scheme, and on ``S = G`` the
  exact scheme is unique.
* T1(c): the uniform scheme on a subgroup ``H`` that fixes no nonzero
  vector of any ``pi`` in ``Pi(F)`` is exact; otherwise its ``beta`` is 1.
* T3(a): a scheme of size ``k`` has ``k >= N / (beta^2 (N - 1) + 1)`` and
  ``k >= 2N / (Delta^2 (N - 1) + 2)`` on spectrally complete classes.
* T3(b): ``beta`` and ``Delta`` are unchanged by left and right
  translation; a scheme supported in a coset of a proper subgroup has
  ``beta >= 1``.
* T3(c): a nonnegative scheme of size ``k`` on ``Z_N`` with ``s < 1`` has
  ``k >= ln N / ln(1 + 2 pi / arccos s)``, ``s = beta`` (weak) or
  ``Delta / sqrt(2)`` (strong).

Implementation notes
--------------------
The least-squares system counts as solvable when its residual is below
:data:`SOLVABLE_RESIDUAL`; for groups of order at most 60 and entries of
modulus at most 1 a solvable system has a residual near ``1e-13`` and an
unsolvable one a residual of order ``1 / sqrt(N)`` or more.
"""

from __future__ import annotations

import math

import numpy as np
from hypothesis import strategies as st

from verify.checks.properties import (
    RELATIVE_TOLERANCE,
    group_classes_and_schemes,
    register_property_check,
)
from verify.checks.property_runner import describe_case, require, run_property
from verify.classes import parse_class
from verify.defects import compute_defects
from verify.errors import UsageError
from verify.schemes import make_scheme, uniform_scheme
from verify.strategies import SCHEME_FAMILIES, averaging_schemes, finite_groups, function_classes, subgroups

__all__ = [
    "SOLVABLE_RESIDUAL",
    "exact_scheme_on_support",
    "exact_size_lower_bound",
    "t1_exact_support_property",
    "t1_complete_property",
    "t1_subgroup_property",
    "t3_welch_size_property",
    "t3_coset_property",
    "t3_translation_property",
    "t3_cyclic_property",
]

#: Largest least-squares residual for which the exactness system counts as solvable.
SOLVABLE_RESIDUAL = 1e-8


def exact_scheme_on_support(function_class, support) -> tuple[np.ndarray | None, float, int]:
    """Return the minimum-norm exact scheme supported in ``support``, if there is one.

    Solves ``sum_s w_s pi(s) = 0`` for every ``pi`` in ``Pi(F)`` (real and
    imaginary parts of every entry) and ``sum_s w_s = 1`` by least squares.

    Parameters
    ----------
    function_class : FunctionClass
        A class with a known spectrum.
    support : (k,) array_like of int
        Distinct element indices.

    Returns
    -------
    weights : (k,) ndarray or None
        The solution, or ``None`` if the residual exceeds :data:`SOLVABLE_RESIDUAL`.
    residual : float
    rank : int
        Rank of the system matrix (``k`` means the solution is unique).
    """
    support = np.asarray(support, dtype=np.int64)
    backend = function_class.backend
    rows = [np.ones((1, len(support)))]
    for index in function_class.spectrum:
        matrices = backend.matrices(index, support).reshape(len(support), -1).T
        rows.extend([matrices.real, matrices.imag])
    system = np.vstack(rows)
    target = np.zeros(len(system))
    target[0] = 1.0
    weights, _, rank, _ = np.linalg.lstsq(system, target, rcond=None)
    residual = float(np.linalg.norm(system @ weights - target))
    return (weights if residual <= SOLVABLE_RESIDUAL else None), residual, int(rank)


def exact_size_lower_bound(function_class) -> float:
    """Return the T1(a) bound ``N / sum over pi not in Pi(F) of d_pi^2`` (the trivial one included)."""
    degrees = function_class.backend.degrees
    outside = int((degrees**2).sum()) - sum(int(degrees[index]) ** 2 for index in function_class.spectrum)
    return function_class.group.order / outside


def _scheme_or_none(group, elements, weights, origin):
    weights = np.asarray(weights, dtype=float)
    try:
        return make_scheme(group, elements, weights / weights.sum(), origin=origin)
    except UsageError:
        return None


# -- T1 -------------------------------------------------------------------------------


@st.composite
def _supports(draw, group):
    """Draw a support: a random subset, a subgroup, or a coset of a subgroup."""
    kind = draw(st.sampled_from(("subset", "subgroup", "coset")))
    if kind == "subset":
        size = draw(st.integers(1, group.order))
        return np.array(draw(st.lists(st.integers(0, group.order - 1), min_size=size, max_size=size, unique=True)))
    members = draw(subgroups(group))
    shift = draw(st.integers(0, group.order - 1)) if kind == "coset" else 0
    return np.unique(group.multiply(shift, members))


@st.composite
def _classes_and_supports(draw, max_order: int, spectrally_complete=None):
    group = draw(finite_groups(max_order=max_order))
    function_class = draw(function_classes(group, spectrally_complete=spectrally_complete))
    return group, function_class, draw(_supports(group))


def t1_exact_support_property(*, examples: int = 60, seed: int = 0, max_order: int = 60):
    """T1(a): every exact scheme found on a random support has size at least ``N / sum_{pi not in Pi} d^2``."""

    def body(case):
        group, function_class, support = case
        weights, residual, _ = exact_scheme_on_support(function_class, support)
        if weights is None:
            return None
        bound = exact_size_lower_bound(function_class)
        scheme = _scheme_or_none(group, support, weights, "exact scheme by least squares")
        describe = lambda: describe_case(group, function_class, scheme, support=[group.format_element(g) for g in support])  # noqa: E731
        report = compute_defects(function_class, scheme)
        require("Delta of the solved exact scheme <= tolerance", report.delta, 1e-7 * max(1.0, scheme.l1_norm), describe)
        require("N / sum_{pi not in Pi(F)} d^2 <= |support|", bound, len(support), describe)
        largest = float(np.abs(weights).max())
        size = int((np.abs(weights) > 1e-9 * largest).sum())
        return require("N / sum_{pi not in Pi(F)} d^2 <= size of the exact scheme", bound, size, describe)

    return run_property(body, _classes_and_supports(max_order), examples=examples, seed=seed)


@st.composite
def _complete_cases(draw, max_order: int):
    group = draw(finite_groups(min_order=2, max_order=max_order))
    function_class = draw(function_classes(group, spectrally_complete=True))
    size = draw(st.integers(1, group.order - 1))
    support = np.array(draw(st.lists(st.integers(0, group.order - 1), min_size=size, max_size=size, unique=True)))
    family = draw(st.sampled_from(SCHEME_FAMILIES))
    scheme = draw(averaging_schemes(group, family=family, max_size=group.order - 1))
    return group, function_class, support, scheme


def t1_complete_property(*, examples: int = 60, seed: int = 0, max_order: int = 60):
    """T1(b): on spectrally complete ``F`` only ``w = 1/N`` is exact.

    The uniform scheme is exact; no support of size ``< N`` carries an
    exact scheme (least squares); a random scheme of size ``< N`` is not
    exact; on ``S = G`` the system has full rank and its solution is
    ``1/N``.
    """

    def body(case):
        group, function_class, support, scheme = case
        order = group.order
        describe = lambda: describe_case(group, function_class, scheme, support=[group.format_element(g) for g in support])  # noqa: E731
        uniform = compute_defects(function_class, uniform_scheme(group))
        require("Delta of the uniform scheme <= tolerance", uniform.delta, uniform.tolerance, describe)
        _, residual, _ = exact_scheme_on_support(function_class, support)
        require("no exact scheme on a support of size < N: threshold <= residual", SOLVABLE_RESIDUAL, residual, describe)
        report = compute_defects(function_class, scheme)
        require("a scheme of size < N is not exact: 1e-6 <= beta", 1e-6, report.beta, describe)
        weights, _, rank = exact_scheme_on_support(function_class, group.elements())
        require("rank of the exactness system on G is N", order - rank, 0, describe)
        return require("max |w - 1/N| of the exact scheme on G <= 1e-9", float(np.abs(weights - 1 / order).max()), 1e-9, describe)

    return run_property(body, _complete_cases(max_order), examples=examples, seed=seed)


@st.composite
def _classes_and_subgroups(draw, max_order: int):
    group = draw(finite_groups(max_order=max_order))
    function_class = draw(function_classes(group))
    return group, function_class, draw(subgroups(group))


def t1_subgroup_property(*, examples: int = 60, seed: int = 0, max_order: int = 120):
    """T1(c): the uniform scheme on ``H`` is exact iff no ``pi`` in ``Pi(F)`` has an ``H``-fixed vector.

    The dimension of the ``H``-fixed space of ``pi`` is ``(1/|H|) sum_h
    chi_pi(h)``.  If it is 0 for all ``pi`` in ``Pi(F)``, the scheme must be
    exact and ``|H|`` at least the T1(a) bound; otherwise ``w_hat(pi)`` is
    the projection on the fixed space and ``beta = 1``.
    """

    def body(case):
        group, function_class, members = case
        backend = group.irreducible_backend
        fixed = {index: float(backend.characters(index, members).real.mean()) for index in function_class.spectrum}
        scheme = make_scheme(group, members, np.full(len(members), 1.0 / len(members)), origin="uniform over a subgroup")
        report = compute_defects(function_class, scheme)
        describe = lambda: describe_case(group, function_class, scheme, fixed_dimensions=fixed)  # noqa: E731
        if all(round(value) == 0 for value in fixed.values()):
            require("Delta of the uniform scheme on H <= tolerance", report.delta, report.tolerance, describe)
            return require("N / sum_{pi not in Pi(F)} d^2 <= |H|", exact_size_lower_bound(function_class), len(members), describe)
        return require("|beta - 1| <= 1e-9 when some pi in Pi(F) has an H-fixed vector", abs(report.beta - 1.0), 1e-9, describe)

    return run_property(body, _classes_and_subgroups(max_order), examples=examples, seed=seed)


# -- T3 -------------------------------------------------------------------------------


def t3_welch_size_property(*, examples: int = 60, seed: int = 0, max_order: int = 120):
    """T3(a): ``k >= N / (beta^2 (N - 1) + 1)`` and ``k >= 2N / (Delta^2 (N - 1) + 2)`` on spectrally complete classes."""

    def body(case):
        group, function_class, scheme = case
        order, size = group.order, scheme.size
        report = compute_defects(function_class, scheme)
        slack = 1 + RELATIVE_TOLERANCE
        describe = lambda: describe_case(group, function_class, scheme)  # noqa: E731
        require("N / (beta^2 (N - 1) + 1) <= k", order / (report.beta**2 * (order - 1) + 1), size * slack, describe)
        return require("2N / (Delta^2 (N - 1) + 2) <= k", 2 * order / (report.delta**2 * (order - 1) + 2), size * slack, describe)

    strategy = group_classes_and_schemes(max_order=max_order, spectrally_complete=True, max_size=16)
    return run_property(body, strategy, examples=examples, seed=seed)


@st.composite
def _coset_schemes(draw, max_order: int):
    group = draw(finite_groups(min_order=2, max_order=max_order))
    function_class = draw(function_classes(group, spectrally_complete=True))
    members = draw(subgroups(group))
    if len(members) == group.order:
        # The subgroup must be proper: fall back to the trivial subgroup.
        members = np.array([0])
    shift = draw(st.integers(0, group.order - 1))
    family = draw(st.sampled_from(SCHEME_FAMILIES))
    base = draw(averaging_schemes(group, family=family, max_size=len(members)))
    coset = group.multiply(shift, members)
    return group, function_class, _scheme_or_none(group, coset[base.elements % len(members)], base.weights, "coset")


def t3_coset_property(*, examples: int = 60, seed: int = 0, max_order: int = 120):
    """T3(b): a scheme supported in a coset ``gH`` of a proper subgroup has ``beta >= 1`` on spectrally complete ``F``."""

    def body(case):
        group, function_class, scheme = case
        if scheme is None:
            return None
        report = compute_defects(function_class, scheme)
        describe = lambda: describe_case(group, function_class, scheme)  # noqa: E731
        return require("1 <= beta for a support in a coset of a proper subgroup", 1.0, report.beta + report.tolerance, describe)

    return run_property(body, _coset_schemes(max_order), examples=examples, seed=seed)


@st.composite
def _translated_cases(draw, max_order: int):
    case = draw(group_classes_and_schemes(max_order=max_order))
    return case + (draw(st.integers(0, case[0].order - 1)),)


def t3_translation_property(*, examples: int = 60, seed: int = 0, max_order: int = 120):
    """T3(b): ``beta`` and ``Delta`` do not change when the scheme is translated by ``g`` on the left or right."""

    def body(case):
        group, function_class, scheme, shift = case
        report = compute_defects(function_class, scheme)
        tolerance = report.tolerance * 10
        worst = (0.0, tolerance)
        for side, elements in (("left", group.multiply(shift, scheme.elements)), ("right", group.multiply(scheme.elements, shift))):
            moved = make_scheme(group, elements, scheme.weights, origin=f"{side} translate")
            moved_report = compute_defects(function_class, moved)
            describe = lambda: describe_case(group, function_class, scheme, shift=group.format_element(shift), side=side)  # noqa: E731
            require(f"|beta(w) - beta({side} translate)| <= tol", abs(report.beta - moved_report.beta), tolerance, describe)
            worst = require(f"|Delta(w) - Delta({side} translate)| <= tol", abs(report.delta - moved_report.delta), tolerance, describe)
        return worst

    return run_property(body, _translated_cases(max_order), examples=examples, seed=seed)


@st.composite
def _cyclic_cases(draw, max_order: int):
    group = draw(finite_groups(min_order=2, max_order=max_order, families=("cyclic",)))
    family = draw(st.sampled_from(("nonnegative", "uniform")))
    return group, parse_class("regular", group), draw(averaging_schemes(group, family=family, max_size=8))


def t3_cyclic_property(*, examples: int = 60, seed: int = 0, max_order: int = 360):
    """T3(c): nonnegative schemes on ``Z_N`` with ``s < 1`` have ``k >= ln N / ln(1 + 2 pi / arccos s)``."""

    def body(case):
        group, function_class, scheme = case
        report = compute_defects(function_class, scheme)
        describe = lambda: describe_case(group, function_class, scheme)  # noqa: E731
        worst = None
        for notion, level in (("weak", report.beta), ("strong", report.delta / math.sqrt(2))):
            if level < 1 - 1e-9:
                bound = math.log(group.order) / math.log(1 + 2 * math.pi / math.acos(level))
                worst = require(f"ln N / ln(1 + 2 pi / arccos s) <= k ({notion}, s = {level:.6g})", bound, scheme.size, describe)
        return worst

    return run_property(body, _cyclic_cases(max_order), examples=examples, seed=seed)


# -- registration -----------------------------------------------------------------------

register_property_check(
    "T1.property-exact-size", "T1",
    "every exact scheme found by least squares on random supports (subsets, subgroups, cosets) has size at least "
    "N / sum over pi not in Pi(F) of d_pi^2",
    "an exact scheme has size >= N / sum_{pi not in Pi(F)} d_pi^2",
    t1_exact_support_property,
)
register_property_check(
    "T1.property-complete-only-uniform", "T1",
    "on random spectrally complete classes the uniform scheme is exact, no support of size < N carries an exact "
    "scheme, and the exact scheme on G is unique",
    "on spectrally complete F the only exact scheme is w = 1/N",
    t1_complete_property,
)
register_property_check(
    "T1.property-subgroup-exact", "T1",
    "the uniform scheme on a random subgroup H is exact exactly when no pi in Pi(F) has an H-fixed vector, and beta = 1 otherwise",
    "uniform on H is exact when H fixes no nonzero vector of any pi in Pi(F)",
    t1_subgroup_property,
)
register_property_check(
    "T3.property-welch-size", "T3",
    "k >= N/(beta^2 (N-1) + 1) and k >= 2N/(Delta^2 (N-1) + 2) for random schemes on spectrally complete classes",
    "a weak epsilon scheme has k >= N/(epsilon (N-1) + 1), a strong one k >= 2N/(epsilon (N-1) + 2)",
    t3_welch_size_property,
)
register_property_check(
    "T3.property-coset-support", "T3",
    "random schemes supported in a coset of a proper subgroup have beta >= 1 on spectrally complete classes",
    "a scheme supported in a coset of a proper subgroup has beta >= 1",
    t3_coset_property,
)
register_property_check(
    "T3.property-translation-invariance", "T3",
    "beta and Delta are unchanged by left and right translation of random schemes by random elements",
    "beta and Delta are invariant under translating the scheme by a group element",
    t3_translation_property,
)
register_property_check(
    "T3.property-cyclic-pigeonhole", "T3",
    "nonnegative schemes on cyclic groups with s < 1 have k >= ln N / ln(1 + 2 pi / arccos s)",
    "on Z_N, a nonnegative scheme with s < 1 has k >= ln N / ln(1 + 2 pi / arccos s)",
    t3_cyclic_property,
)
