"""Symbolic obligations of L1, the Fourier characterization.

Main results
------------
* ``L1.isotypic-decomposition``: in the left regular representation of
  ``Z_3``, ``Z_4`` and ``S_3`` the exact basis of matrix coefficients is
  unitary and turns ``R(g)`` into the direct sum of ``pi(g)``, each
  ``d_pi`` times, and ``A_w`` into the direct sum of ``w^(pi) (x) I``.
* ``L1.defect-factorization``: ``A_w P = P A_w = P`` and
  ``rho(h) A_w - A_w = (rho(h) - I)(A_w - P)`` for every ``h``.

Implementation notes
--------------------
The schemes are fixed rational weight vectors, one with a negative weight,
so the identities are checked for signed schemes.  All arithmetic is exact.
"""

from __future__ import annotations

import sympy

from theory.obligations._common import check_eq, first_failure
from theory.obligations._groups import (fourier, isotypic_basis, regular_matrix,
                                        small_groups)
from theory.registry import register_check

__all__ = ["scheme_weights", "isotypic_decomposition", "defect_factorization"]


def scheme_weights(order: int) -> list:
    """Return a fixed signed rational scheme on ``order`` elements (weights sum to 1)."""
    raw = [sympy.Rational(3 * i + 1, 7) * (-1 if i == 1 else 1) for i in range(order)]
    total = sum(raw)
    return [weight / total for weight in raw]


def _averaging_operator(group, weights) -> sympy.Matrix:
    return fourier(weights, [regular_matrix(group, g) for g in range(group.order)])


def _isotypic_results():
    for group in small_groups():
        n = group.order
        unitary, blocks = isotypic_basis(group)
        adjoint = unitary.H

        # The basis of normalized matrix coefficients is orthonormal (Schur orthogonality).
        yield check_eq(adjoint * unitary, sympy.eye(n), f"U^* U = I on {group.name}")

        # U^* A_w U is the direct sum of w^(pi), one block per copy of pi.
        weights = scheme_weights(n)
        hats = {label: fourier(weights, matrices) for label, matrices in group.irreps}
        expected = sympy.diag(*[hats[label] for label, _ in blocks])
        yield check_eq(adjoint * _averaging_operator(group, weights) * unitary, expected,
                       f"U^* A_w U = direct sum of w^(pi) (x) I on {group.name}")

        # The same for each rho(g), which makes U an intertwiner.
        for g in range(n):
            expected = sympy.diag(*[dict(group.irreps)[label][g] for label, _ in blocks])
            yield check_eq(adjoint * regular_matrix(group, g) * unitary, expected,
                           f"U^* R(g) U = direct sum of pi(g) on {group.name}, g = {group.elements[g]}")


@register_check("L1.isotypic-decomposition", "L1", "symbolic",
                "Exact basis change that block-diagonalizes R(g) and A_w on Z_3, Z_4 and S_3.")
def isotypic_decomposition():
    """Check that ``A_w`` acts as ``w^(pi) (x) I`` on each isotypic component, exactly."""
    return first_failure(_isotypic_results(),
                         "A_w acts as w^(pi) (x) I on the pi-isotypic component",
                         "left regular representations of Z_3, Z_4, S_3; a signed rational scheme")


def _factorization_results():
    for group in small_groups():
        n = group.order
        weights = scheme_weights(n)
        operator = _averaging_operator(group, weights)
        projection = _averaging_operator(group, [sympy.Rational(1, n)] * n)
        identity = sympy.eye(n)

        # P is the average of R(g); A_w P = P A_w = P because the weights sum to 1.
        yield check_eq(operator * projection, projection, f"A_w P = P on {group.name}")
        yield check_eq(projection * operator, projection, f"P A_w = P on {group.name}")

        # rho(h) A_w - A_w factors through A_w - P, so it vanishes on F^G.
        for h in range(n):
            rho = regular_matrix(group, h)
            yield check_eq(rho * operator - operator, (rho - identity) * (operator - projection),
                           f"rho(h) A_w - A_w = (rho(h) - I)(A_w - P) on {group.name}, "
                           f"h = {group.elements[h]}")


@register_check("L1.defect-factorization", "L1", "symbolic",
                "A_w P = P A_w = P and rho(h)A_w - A_w = (rho(h) - I)(A_w - P), exactly.")
def defect_factorization():
    """Check the factorization of ``rho(h) A_w - A_w`` through ``A_w - P``."""
    return first_failure(_factorization_results(),
                         "rho(h) A_w - A_w = (rho(h) - I)(A_w - P) and A_w P = P A_w = P",
                         "left regular representations of Z_3, Z_4, S_3; a signed rational scheme")
