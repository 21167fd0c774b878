"""Symbolic obligations of L3 (Plancherel, Welch) and T3(a).

Main results
------------
* ``L3.cauchy-schwarz``: ``k sum w_i^2 - (sum w_i)^2`` is a sum of squares,
  so ``sum w^2 >= 1/k`` for a scheme of size ``k``.
* ``L3.welch-algebra``: from ``1/k <= sum w^2 <= (1 + (N - 1) beta^2) / N``
  (Plancherel with ``||w^(pi)||_HS^2 <= d_pi beta^2`` and
  ``sum_{pi != 1} d_pi^2 = N - 1``) follows
  ``beta^2 >= (N - k) / (k (N - 1))``, the expression of
  :func:`theory.bounds.get_bound` for L3.
* ``T3.welch-size-bounds``: solving that bound for ``k`` with
  ``beta^2 <= epsilon`` (weak) or ``beta^2 <= epsilon / 2`` (strong) gives
  the two size bounds of T3(a).
"""

from __future__ import annotations

import sympy

from theory import bounds
from theory.bounds import N, k, epsilon
from theory.obligations._common import (cauchy_schwarz_results, check_eq, check_le,
                                        first_failure)
from theory.registry import register_check

__all__ = ["cauchy_schwarz", "welch_algebra", "welch_size_bounds", "derived_welch_bound"]

_b = sympy.Symbol("b", nonnegative=True)  # beta^2


def derived_welch_bound() -> sympy.Expr:
    """Return the lower bound on ``beta^2`` solved from ``1/k <= (1 + (N-1) b)/N``."""
    (solution,) = sympy.solve(sympy.Eq(1 / k, (1 + (N - 1) * _b) / N), _b)
    return sympy.simplify(solution)


@register_check("L3.cauchy-schwarz", "L3", "symbolic",
                "k sum w_i^2 - (sum w_i)^2 is a sum of squares for k <= 8.")
def cauchy_schwarz():
    """Check the Cauchy-Schwarz step ``sum w^2 >= (sum w)^2 / k = 1/k``."""
    return first_failure(cauchy_schwarz_results(8), "(sum w_i)^2 <= k sum w_i^2",
                         "symbolic identity for k = 1..8")


def _welch_results():
    plancherel_total = (1 + (N - 1) * _b) / N

    # The right side of Plancherel is increasing in beta^2, so the bound is a lower bound.
    yield check_le(0, sympy.diff(plancherel_total, _b),
                   "(1 + (N - 1) beta^2)/N is non-decreasing in beta^2 (N >= 1)")

    # Solving 1/k = (1 + (N - 1) beta^2)/N for beta^2 gives the stated bound.
    stated = bounds.get_bound("L3").expression
    yield check_eq(derived_welch_bound(), stated,
                   "beta^2 >= (N - k)/(k (N - 1)) from 1/k <= (1 + (N-1) beta^2)/N")


@register_check("L3.welch-algebra", "L3", "symbolic",
                "Plancherel and Cauchy-Schwarz give beta^2 >= (N - k)/(k(N - 1)).")
def welch_algebra():
    """Check the algebra from Plancherel to the stated Welch bound."""
    return first_failure(_welch_results(), "beta^2 >= (N - k)/(k (N - 1))",
                         "symbolic in N, k, beta^2")


def _size_results():
    welch = derived_welch_bound()

    # The Welch bound decreases in k, so beta^2 <= t forces k >= the root of welch = t.
    yield check_le(sympy.diff(welch, k) * k**2 * (N - 1), 0,
                   "(N - k)/(k (N - 1)) is decreasing in k")

    for notion, tolerance in (("weak", epsilon), ("strong", epsilon / 2)):
        (root,) = sympy.solve(sympy.Eq(welch, tolerance), k)
        yield check_eq(root, bounds.welch_size_expression(notion),
                       f"{notion}: beta^2 <= {tolerance} forces k >= {sympy.simplify(root)}")


@register_check("T3.welch-size-bounds", "T3", "symbolic",
                "T3(a): k >= N/(eps(N-1)+1) (weak) and 2N/(eps(N-1)+2) (strong) from L3.")
def welch_size_bounds():
    """Check that the T3(a) size bounds follow from L3 and the L2 sandwich."""
    return first_failure(_size_results(), "T3(a) size bounds from the Welch bound",
                         "symbolic in N, k, epsilon")
