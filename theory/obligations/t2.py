"""Symbolic obligations of T2 (approximate invariance is logarithmic) and T4.

Main results
------------
* ``T2.bernstein-exponent``: with ``R = 1``, ``sigma^2 = k``, ``t = k s``
  the rectangular matrix Bernstein exponent ``(t^2/2)/(sigma^2 + R t/3)``
  equals ``k s^2/(2 + 2s/3)``, which is at least
  ``BERNSTEIN_EXPONENT * k s^2`` on ``0 < s <= 1`` (worst case ``s = 1``).
* ``T2.sample-size-constants``: ``k = (c/epsilon) ln(2D/delta)`` makes
  ``2 D exp(-3 k s^2/8)`` equal to ``delta`` with ``c = 8/3`` at
  ``s = sqrt(epsilon)`` (weak), ``c = 32/3`` at ``s = sqrt(epsilon)/2``
  (strong) and ``c = 16/3`` at ``s = sqrt(epsilon/2)`` (strong normalized by
  the mean), and smaller for larger ``k``; the thresholds give the notions
  through L2.
* ``T2.uniform-complexity-bound``: ``k > (c/epsilon) ln(2D)`` makes
  ``2 D exp(-3 k s^2/8) < 1``, and the bound increases with ``D``, so
  ``D <= N - 1`` gives ``AC^u <= floor((c/epsilon) ln(2(N-1))) + 1``.
* ``T4.separation-limit``: ``N / ((32/(3 epsilon)) ln(2N) + 1)`` tends to
  infinity, and T3(a) caps the ratio at ``(epsilon (N - 1) + 2)/2``.
"""

from __future__ import annotations

import sympy

from theory import bounds
from theory.bounds import D, N, delta, epsilon, k, s
from theory.obligations._common import check_eq, check_le, check_true, first_failure
from theory.registry import register_check

__all__ = ["bernstein_exponent", "sample_size_constants", "uniform_complexity_bound",
           "separation_limit"]


def _bernstein_results():
    # Tropp (2012), Theorem 1.6, with R = 1, sigma^2 = k and t = k s.
    variance, radius, deviation = k, 1, k * s
    tropp = (deviation**2 / 2) / (variance + radius * deviation / 3)
    yield check_eq(tropp, k * s**2 / (2 + 2 * s / 3),
                   "(t^2/2)/(sigma^2 + R t/3) = k s^2/(2 + 2s/3) at R = 1, sigma^2 = k, t = k s")

    # 1/(2 + 2s/3) is decreasing in s > 0, so on 0 < s <= 1 its minimum is at s = 1.
    per_unit = 1 / (2 + 2 * s / 3)
    yield check_le(sympy.diff(per_unit, s), 0, "1/(2 + 2s/3) is decreasing in s")

    # At s = 1: BERNSTEIN_EXPONENT <= 1/(2 + 2/3) = 3/8.
    yield check_le(bounds.BERNSTEIN_EXPONENT, per_unit.subs(s, 1),
                   "c k s^2 <= k s^2/(2 + 2s/3) on 0 < s <= 1 (worst case s = 1, per unit k s^2)")


@register_check("T2.bernstein-exponent", "T2", "symbolic",
                "k s^2/(2 + 2s/3) >= 3 k s^2/8 on 0 < s <= 1, from Tropp's Bernstein exponent.")
def bernstein_exponent():
    """Check the Bernstein exponent step of T2 with the current constant."""
    return first_failure(_bernstein_results(), "k s^2/(2 + 2s/3) >= (3/8) k s^2 on 0 < s <= 1",
                         "symbolic in k, s")


def _tail(draws, threshold):
    return 2 * D * sympy.exp(-bounds.BERNSTEIN_EXPONENT * draws * threshold**2)


def _sample_results():
    limits = {"weak": 1, "strong": 4, "strong-mean": 2}
    for notion, constant in bounds.SAMPLE_CONSTANTS.items():
        threshold = bounds.THRESHOLDS[notion]
        size = bounds.sample_size_expression(notion)

        # The tail bound at the stated sample size is exactly delta.
        yield check_eq(sympy.simplify(_tail(size, threshold)), delta,
                       f"{notion}: 2D exp(-(3/8) k s^2) = delta at k = ({constant}/epsilon) ln(2D/delta)")

        # Larger k gives a smaller tail.
        yield check_le(sympy.diff(_tail(k, threshold), k), 0, f"{notion}: the tail decreases in k")

        # s <= 1 exactly when epsilon is at most the notion's limit.
        yield check_eq(threshold.subs(epsilon, limits[notion]), 1,
                       f"{notion}: s = 1 at epsilon = {limits[notion]}")

    # beta <= s gives the notion through L2: weak beta^2 <= eps; strong Delta^2 <= (2s)^2.
    yield check_eq(bounds.THRESHOLDS["weak"] ** 2, epsilon, "weak: s^2 = epsilon")
    yield check_eq((2 * bounds.THRESHOLDS["strong"]) ** 2, epsilon, "strong: (2s)^2 = epsilon")
    yield check_eq((2 * bounds.THRESHOLDS["strong-mean"]) ** 2, 2 * epsilon,
                   "strong, mean-normalized: (2s)^2 = 2 epsilon")


@register_check("T2.sample-size-constants", "T2", "symbolic",
                "The sample sizes with 8/3 (weak), 32/3 (strong) and 16/3 make the tail equal delta.")
def sample_size_constants():
    """Check the constants 8/3, 32/3 and 16/3 of the T2 sample sizes."""
    return first_failure(_sample_results(), "2D exp(-3ks^2/8) <= delta at the stated sample sizes",
                         "symbolic in D, epsilon, delta, k")


def _uniform_results():
    spare = sympy.Symbol("M", nonnegative=True, integer=True)  # N = M + 2 >= 2
    for notion in bounds.SAMPLE_CONSTANTS:
        threshold = bounds.THRESHOLDS[notion]
        existence = bounds.existence_expression(notion)

        # At k = (c/epsilon) ln(2D) the tail is exactly 1, so k = floor(.) + 1 gives a tail < 1.
        yield check_eq(sympy.simplify(_tail(existence, threshold)), 1,
                       f"{notion}: 2D exp(-(3/8) k s^2) = 1 at k = (c/epsilon) ln(2D)")

        # The bound increases with D, so D <= N - 1 < N bounds it by its value at N.
        yield check_le(0, sympy.diff(existence, D), f"{notion}: (c/epsilon) ln(2D) increases in D")
        gap = sympy.log((spare + 2) / (spare + 1))
        yield check_true(gap.is_positive, f"{notion}: ln(2(N - 1)) < ln(2N) for N >= 2",
                         lhs=sympy.log(2 * (N - 1)), rhs=sympy.log(2 * N), margin=gap)


@register_check("T2.uniform-complexity-bound", "T2", "symbolic",
                "AC^u <= floor((c/eps) ln(2D)) + 1 <= floor((c/eps) ln(2N)) + 1 from D <= N - 1.")
def uniform_complexity_bound():
    """Check the existence bound on ``AC^u`` and its form in ``N``."""
    return first_failure(_uniform_results(), "AC^u(F, eps) <= floor((c/eps) ln(2D)) + 1, D <= N - 1",
                         "symbolic in D, N, epsilon")


def _separation_results():
    upper = bounds.get_bound("T4", "strong").expression + 1
    ratio = N / upper
    yield check_eq(sympy.limit(ratio, N, sympy.oo), sympy.oo,
                   "N / ((32/(3 eps)) ln(2N) + 1) -> infinity as N -> infinity")
    yield check_eq(sympy.limit(ratio * sympy.log(N) / N, N, sympy.oo),
                   1 / bounds.SAMPLE_CONSTANTS["strong"] * epsilon,
                   "the ratio grows like (3/32) eps N / ln N")

    # T3(a): AC_st >= 2N/(eps(N-1)+2), so AC_ex / AC_st <= (eps(N-1)+2)/2.
    yield check_eq(N / bounds.welch_size_expression("strong"), (epsilon * (N - 1) + 2) / 2,
                   "N / (2N/(eps(N-1)+2)) = (eps(N-1)+2)/2")


@register_check("T4.separation-limit", "T4", "symbolic",
                "AC_ex/AC_st >= N/(floor((32/(3 eps)) ln 2N) + 1) -> infinity; capped by T3(a).")
def separation_limit():
    """Check that the exact-to-strong ratio tends to infinity."""
    return first_failure(_separation_results(), "AC_ex / AC_st -> infinity with N",
                         "sympy.limit in N")
