"""Symbolic obligations of T6, the rotation group.

Main results
------------
* ``T6.dimension-sums``: ``sum_(l=1)^L (2l+1) = L^2 + 2L``;
  ``sum_(l=0)^J (2l+1)^2 = (J+1)(2J+1)(2J+3)/3``, which the bound of T6
  evaluates at ``J = floor(L/2)`` for L = 1..40; the band of ``|f|^2`` is
  ``2 floor(L/2) <= L``; and ``M / L^3 -> 1/6``.
"""

from __future__ import annotations

import sympy

from theory import bounds
from theory.bounds import J, L
from theory.obligations._common import check_eq, check_le, first_failure
from theory.registry import register_check

__all__ = ["dimension_sums"]


def _sum_results():
    degree = sympy.Symbol("l", integer=True, nonnegative=True)
    yield check_eq(sympy.summation(2 * degree + 1, (degree, 1, L)), L**2 + 2 * L,
                   "sum_(l=1)^L (2l+1) = L^2 + 2L")
    closed = (J + 1) * (2 * J + 1) * (2 * J + 3) / 3
    yield check_eq(sympy.factor(sympy.summation((2 * degree + 1) ** 2, (degree, 0, J))),
                   sympy.factor(closed), "sum_(l=0)^J (2l+1)^2 = (J+1)(2J+1)(2J+3)/3")

    for band in range(1, 41):
        half = band // 2
        stated = bounds.get_bound("T6", "exact").expression.subs(L, band)
        yield check_eq(stated, sum((2 * l + 1) ** 2 for l in range(half + 1)),
                       f"stated M at L = {band} equals the dimension of band floor(L/2)")
        yield check_le(2 * half, band, f"|f|^2 has band 2 floor(L/2) <= L at L = {band}")

    yield check_eq(sympy.limit(closed.subs(J, L / 2) / L**3, L, sympy.oo), sympy.Rational(1, 6),
                   "M ~ L^3/6")


@register_check("T6.dimension-sums", "T6", "symbolic",
                "D = L^2 + 2L and M = (J+1)(2J+1)(2J+3)/3 with J = floor(L/2), exactly.")
def dimension_sums():
    """Check the dimension counts of T6."""
    return first_failure(_sum_results(), "D(F_L) = L^2 + 2L and M = sum_(l<=J) (2l+1)^2",
                         "symbolic sums; L = 1..40")
