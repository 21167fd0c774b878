"""Symbolic obligations of T5, the circle group.

Main results
------------
* ``T5.roots-of-unity-exact``: the ``K + 1``-st roots of unity with equal
  weights annihilate the frequencies ``1..K``:
  ``sum_j zeta^(n j) = 0`` in ``Q(zeta_(K+1))`` for ``1 <= n <= K <= 12``.
* ``T5.vandermonde-nonsingular``: ``det[z_i^n]_(n = 1..s) =
  prod z_i prod_(i<j) (z_j - z_i)`` for ``s <= 4``, so ``s <= K`` distinct
  atoms on the circle admit only the zero solution of the first ``s`` rows
  of the exactness system, which contradicts ``sum w = 1``.
"""

from __future__ import annotations

import sympy

from theory.obligations._common import check_eq, first_failure, vandermonde_results
from theory.registry import register_check

__all__ = ["roots_of_unity_exact", "vandermonde_nonsingular", "MAX_BAND"]

MAX_BAND = 12


def _roots_results():
    x = sympy.Symbol("x")
    for band in range(1, MAX_BAND + 1):
        order = band + 1
        modulus = sympy.cyclotomic_poly(order, x)
        for frequency in range(1, band + 1):
            total = sum(x ** ((frequency * j) % order) for j in range(order))
            yield check_eq(sympy.rem(total, modulus, x), 0,
                           f"sum_j zeta^({frequency} j) = 0 for zeta of order {order}")


@register_check("T5.roots-of-unity-exact", "T5", "symbolic",
                "Equal weights on the (K+1)-st roots of unity kill frequencies 1..K, K <= 12.")
def roots_of_unity_exact():
    """Check that ``K + 1`` equally spaced atoms are exact on ``F_K``."""
    return first_failure(_roots_results(), "AC_ex(F_K) <= K + 1 on the circle",
                         f"cyclotomic arithmetic, K = 1..{MAX_BAND}")


@register_check("T5.vandermonde-nonsingular", "T5", "symbolic",
                "det[z_i^n], n = 1..s, equals prod z_i times the Vandermonde product, s <= 4.")
def vandermonde_nonsingular():
    """Check that ``K`` or fewer atoms cannot be exact on ``F_K``."""
    return first_failure(vandermonde_results(4, 1), "AC_ex(F_K) >= K + 1 on the circle",
                         "symbolic determinants of size 1..4")
