"""Symbolic obligations of T3(b) and T3(c), lower bounds for approximate invariance.

T3(a) is checked in :mod:`theory.obligations.l3` with the Welch bound.

Main results
------------
* ``T3.translation-invariance`` (T3(b)): translating a scheme by ``g``
  turns ``w^(pi)`` into ``w^(pi) pi(g)`` with the same ``w^ w^*``, exactly on
  ``S_3``; on ``Z_2^3`` every support of at most 3 points has a nontrivial
  character constant on it (so ``beta = 1`` whatever the weights), while the
  identity and a basis with equal weights give ``beta = 1/2``.
* ``T3.pigeonhole-chain`` (T3(c)): for rational thresholds ``s`` the integer
  ``M = ceil(2 pi / arccos s)`` satisfies ``2 pi/M <= arccos s <= pi/2`` and
  so ``cos(2 pi/M) >= s``, ``M <= 1 + 2 pi/arccos s``, and the stated bound
  ``ln N / ln(1 + 2 pi/arccos s)`` is at most ``ln N / ln M``; a convex
  combination of cosines is at least their minimum.
"""

from __future__ import annotations

from itertools import combinations, product

import sympy
from sympy import Rational, acos, cos, log, pi

from theory import bounds
from theory.obligations._common import check_eq, check_le, check_true, first_failure
from theory.obligations._groups import fourier, hypercube_group, symmetric_group_3
from theory.obligations.l1 import scheme_weights
from theory.registry import register_check

__all__ = ["translation_invariance", "pigeonhole_chain", "THRESHOLD_GRID"]

#: Rational thresholds s in (0, 1) at which the pigeonhole chain is checked.
THRESHOLD_GRID = (Rational(1, 10), Rational(1, 4), Rational(1, 2), Rational(3, 4),
                  Rational(9, 10), Rational(99, 100))


def _translation_results():
    group = symmetric_group_3()
    weights = scheme_weights(group.order)
    for g in range(group.order):
        inverse = group.inverse(g)

        # w_g(x) = w(x g^-1), so w_g^(pi) = sum_y w(y) pi(y g) = w^(pi) pi(g).
        translated = [weights[group.table[x][inverse]] for x in range(group.order)]
        for label, matrices in group.irreps:
            hat = fourier(weights, matrices)
            moved = fourier(translated, matrices)
            yield check_eq(moved, hat * matrices[g], f"translated transform on {label}, g = {group.elements[g]}")
            yield check_eq(moved * moved.H, hat * hat.H, f"same singular values on {label}")

    # Z_2^3: supports of size <= 3 lie in a coset of a proper subgroup.
    cube = hypercube_group(3)
    for size in range(1, 4):
        for support in combinations(range(cube.order), size):
            constant = [
                t for t, (_, matrices) in enumerate(cube.irreps[1:], start=1)
                if len({matrices[x][0, 0] for x in support}) == 1
            ]
            yield check_true(bool(constant), f"a nontrivial character is constant on {support}")

    # The identity and a basis with equal weights: beta = 1/2.
    basis_support = [cube.elements.index(e) for e in ((0, 0, 0), (1, 0, 0), (0, 1, 0), (0, 0, 1))]
    weights = [Rational(1, 4) if x in basis_support else 0 for x in range(cube.order)]
    beta = max(abs(fourier(weights, matrices)[0, 0]) for _, matrices in cube.irreps[1:])
    yield check_eq(beta, Rational(1, 2), "beta = 1/2 for the identity and a basis of Z_2^3")


@register_check("T3.translation-invariance", "T3", "symbolic",
                "T3(b): translation keeps beta; small supports on Z_2^3 have beta = 1, n + 1 give 1/2.")
def translation_invariance():
    """Check the generation argument of T3(b) on ``S_3`` and ``Z_2^3``."""
    return first_failure(_translation_results(), "supports in a coset of a proper subgroup have beta = 1",
                         "S_3 translations; every support of size <= 3 of Z_2^3")


def _pigeonhole_results():
    # A convex combination of values c_min + e_i (e_i >= 0) is at least c_min.
    w1, w2 = sympy.symbols("w1 w2", nonnegative=True)
    c_min = sympy.Symbol("c", real=True)
    e1, e2, e3 = sympy.symbols("e1:4", nonnegative=True)
    w3 = 1 - w1 - w2
    combination = w1 * (c_min + e1) + w2 * (c_min + e2) + w3 * (c_min + e3)
    yield check_eq(sympy.expand(combination - c_min - w3 * e3), sympy.expand(w1 * e1 + w2 * e2),
                   "sum w_i c_i - min c = sum w_i e_i >= 0 for a probability vector")

    for s in THRESHOLD_GRID:
        angle = acos(s)
        boxes = sympy.ceiling(2 * pi / angle)

        # M >= 2 pi / arccos s gives 2 pi/M <= arccos s <= pi/2, so cos(2 pi/M) >= s.
        yield check_le(2 * pi / boxes, angle, f"2 pi/M <= arccos s at s = {s}, M = {boxes}")
        yield check_le(angle, pi / 2, f"arccos s <= pi/2 at s = {s}")
        yield check_le(s, cos(2 * pi / boxes), f"cos(2 pi/M) >= s at s = {s}, M = {boxes}")
        yield check_le(boxes, 1 + 2 * pi / angle, f"M <= 1 + 2 pi/arccos s at s = {s}")

        # M^k >= N forces k >= ln N/ln M, which is at least the stated expression.
        for notion, tolerance in (("weak", s**2), ("strong", 2 * s**2)):
            for order in (10, 1000, 10**6):
                stated = bounds.get_bound("T3c", notion).expression.subs(
                    {bounds.N: order, bounds.epsilon: tolerance})
                yield check_le(stated, log(order) / log(boxes),
                               f"{notion}: stated bound <= ln N / ln M at N = {order}, s = {s}")


@register_check("T3.pigeonhole-chain", "T3", "symbolic",
                "T3(c): cos(2 pi/M) >= s for M = ceil(2 pi/arccos s) and the stated ln N bound.")
def pigeonhole_chain():
    """Check the inequality chain of the pigeonhole bound T3(c)."""
    return first_failure(_pigeonhole_results(),
                         "AC^+(Z_N, eps) >= ln N / ln(1 + 2 pi / arccos s)",
                         f"s in {[str(x) for x in THRESHOLD_GRID]}, N in 10, 1000, 10^6")
