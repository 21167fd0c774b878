"""Symbolic obligations of L2, the notions in Fourier terms.

Main results
------------
* ``L2.character-defect-factor``: for a character of order ``m``,
  ``max_h |chi(h) - 1| = 2 sin(pi floor(m/2) / m)``, for every m <= 24, in
  exact cyclotomic arithmetic.
* ``L2.sandwich-constants``: the constants ``sqrt 2`` and ``2`` of
  ``sqrt(2) beta <= Delta <= 2 beta``: the mean identity
  ``E_h (pi(h) - I)^* (pi(h) - I) = 2 I`` for nontrivial irreducibles, its
  regular-representation form ``2 (I - P)``, unitarity (so
  ``||pi(h) - I|| <= 2``), and ``sqrt 2 <= 2 sin(pi floor(m/2)/m) <= 2``.

Implementation notes
--------------------
Elements of ``Q(zeta_m)`` are polynomials in ``x`` reduced modulo the
cyclotomic polynomial ``Phi_m``.  The order of two cosines is decided by the
product-to-sum identity
``cos a - cos b = -2 sin((a+b)/2) sin((a-b)/2)`` and the sign of
``sin(pi r)`` for rational ``r`` (zero for integer ``r``, positive when
``floor(r)`` is even), so no floating point is involved.
"""

from __future__ import annotations

import sympy
from sympy import Rational, cos, sin, pi

from theory.obligations._common import check_eq, check_le, check_true, first_failure
from theory.obligations._groups import regular_matrix, small_groups, fourier
from theory.registry import register_check

__all__ = ["sign_of_sin_pi", "character_defect_factor", "sandwich_constants"]

MAX_ORDER = 24
_x = sympy.Symbol("x")


def sign_of_sin_pi(r: Rational) -> int:
    """Return the sign of ``sin(pi r)`` for a rational ``r``, exactly."""
    r = Rational(r)
    if r.q == 1:
        return 0
    return 1 if sympy.floor(r) % 2 == 0 else -1


def _reduce(polynomial, modulus):
    return sympy.rem(sympy.expand(polynomial), modulus, _x)


def _character_results():
    theta, a, b = sympy.symbols("theta a b", real=True)

    # Trigonometric identities used below, checked once as identities in symbols.
    yield check_eq(4 * sin(theta) ** 2, 2 - 2 * cos(2 * theta),
                   "4 sin^2(theta) = 2 - 2 cos(2 theta)")
    yield check_eq(sympy.expand_trig(cos(a) - cos(b)),
                   sympy.expand_trig(-2 * sin((a + b) / 2) * sin((a - b) / 2)),
                   "cos a - cos b = -2 sin((a+b)/2) sin((a-b)/2)")

    for m in range(1, MAX_ORDER + 1):
        modulus = sympy.cyclotomic_poly(m, _x)
        top = m // 2
        for j in range(m):
            # |zeta^j - 1|^2 = (zeta^j - 1)(zeta^(m-j) - 1) = 2 - zeta^j - zeta^(-j) in Q(zeta_m).
            square = _reduce((_x**j - 1) * (_x ** ((m - j) % m) - 1), modulus)
            trace_form = _reduce(2 - _x**j - _x ** ((m - j) % m), modulus)
            yield check_eq(square, trace_form,
                           f"|zeta^{j} - 1|^2 = 2 - zeta^{j} - zeta^-{j} in Q(zeta_{m})")

            # |chi(h)-1|^2 at j is 2 - 2cos(2 pi j/m); its excess over the value at
            # j = floor(m/2) is 2cos(2 pi j/m) - 2cos(2 pi top/m) = -4 sin(pi(j+top)/m) sin(pi(j-top)/m).
            sign = -sign_of_sin_pi(Rational(j + top, m)) * sign_of_sin_pi(Rational(j - top, m))
            yield check_true(
                sign >= 0,
                f"|zeta^{j} - 1| <= |zeta^{top} - 1| for m = {m}",
                lhs=2 - 2 * cos(2 * pi * Rational(j, m)),
                rhs=2 - 2 * cos(2 * pi * Rational(top, m)),
                margin=f"sign {sign}",
            )


@register_check("L2.character-defect-factor", "L2", "symbolic",
                "max_h |chi(h) - 1| = 2 sin(pi floor(m/2)/m) for characters of order m <= 24, exactly.")
def character_defect_factor():
    """Check the exact defect factor of characters of order ``m <= 24``."""
    return first_failure(_character_results(),
                         "max_h |chi(h) - 1| = 2 sin(pi floor(m/2)/m) for characters of order m",
                         f"every m <= {MAX_ORDER} and every power zeta^j, cyclotomic arithmetic")


def _sandwich_results():
    for group in small_groups():
        n = group.order

        # Regular representation: E_h (R(h) - I)^T (R(h) - I) = 2 (I - P).
        projection = fourier([Rational(1, n)] * n, [regular_matrix(group, g) for g in range(n)])
        mean = sympy.zeros(n)
        for h in range(n):
            difference = regular_matrix(group, h) - sympy.eye(n)
            mean += difference.T * difference / n
        yield check_eq(mean, 2 * (sympy.eye(n) - projection),
                       f"E_h (R(h)-I)^T (R(h)-I) = 2 (I - P) on {group.name}")

        for label, matrices in group.irreps[1:]:
            degree = matrices[0].shape[0]
            identity = sympy.eye(degree)

            # Schur: the sum of a nontrivial irreducible over G is zero, so the mean is 2 I.
            mean = sympy.zeros(degree)
            for matrix in matrices:
                mean += (matrix - identity).H * (matrix - identity) / n
            yield check_eq(mean, 2 * identity,
                           f"E_h (pi(h)-I)^*(pi(h)-I) = 2 I for {label} of {group.name}")

            # Unitarity gives ||pi(h)|| = 1, hence ||pi(h) - I|| <= 2 by the triangle inequality.
            for matrix in matrices:
                yield check_eq(matrix.H * matrix, identity, f"pi(h) unitary for {label} of {group.name}")

    # The factor 2 sin(pi floor(m/2)/m) lies in [sqrt 2, 2]: its square 2 - 2cos(2 pi t),
    # t = floor(m/2)/m, is at least 2 iff cos(2 pi t) <= 0 iff 1/4 <= t <= 3/4.
    for m in range(2, MAX_ORDER + 1):
        t = Rational(m // 2, m)
        yield check_le(Rational(1, 4), t, f"floor(m/2)/m >= 1/4 for m = {m}")
        yield check_le(t, Rational(3, 4), f"floor(m/2)/m <= 3/4 for m = {m}")

    # The upper constant 2 is attained: chi(h) = -1 for a character of even order.
    yield check_eq(sympy.Abs(-1 - 1), 2, "|(-1) - 1| = 2")


@register_check("L2.sandwich-constants", "L2", "symbolic",
                "The constants sqrt 2 and 2 of sqrt(2) beta <= Delta <= 2 beta, exactly.")
def sandwich_constants():
    """Check the identities behind ``sqrt(2) beta <= Delta <= 2 beta``."""
    return first_failure(_sandwich_results(),
                         "sqrt(2) beta <= Delta <= 2 beta: mean identity, unitarity, character factors",
                         "Z_3, Z_4, S_3 and characters of order 2..24")
