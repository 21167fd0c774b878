"""Symbolic obligations of L4, Meshulam's uncertainty inequality.

Main results
------------
* ``L4.plancherel-inversion``: Plancherel and the inversion formula, exactly,
  for a rational function on ``Z_3``, ``Z_4`` and ``S_3``.
* ``L4.schatten-rank``: ``||X||_S1^2 <= rank(X) ||X||_HS^2`` through the
  sum-of-squares identity for the singular values.
* ``L4.uncertainty-chain``: the algebra that turns
  ``||f||_inf^2 <= (T/N) ||f||_2^2`` and ``||f||_2^2 <= |supp f| ||f||_inf^2``
  into ``|supp f| T >= N``, and the inequality itself, exactly, for every
  nonzero ``f: G -> {0, 1}`` on ``Z_4`` and ``S_3``.
"""

from __future__ import annotations

from itertools import product

import sympy

from theory.obligations._common import (cauchy_schwarz_results, check_eq, check_le,
                                        first_failure)
from theory.obligations._groups import cyclic_group, fourier, small_groups, symmetric_group_3
from theory.registry import register_check

__all__ = ["plancherel_inversion", "schatten_rank", "uncertainty_chain", "rank_sum"]


def _test_function(order: int) -> list:
    return [sympy.Rational((5 * i * i + 2) % 7 - 3, i + 2) for i in range(order)]


def _plancherel_results():
    for group in small_groups():
        n = group.order
        values = _test_function(n)
        hats = [(matrices[0].shape[0], fourier(values, matrices)) for _, matrices in group.irreps]

        # Plancherel: sum |f|^2 = (1/N) sum_pi d_pi ||f^(pi)||_HS^2.
        energy = sum(d * (hat.H * hat).trace() for d, hat in hats) / n
        yield check_eq(sum(v**2 for v in values), energy, f"Plancherel on {group.name}")

        # Inversion: f(g) = (1/N) sum_pi d_pi tr(pi(g)^* f^(pi)).
        for g in range(n):
            total = sum(d * (matrices[g].H * hat).trace()
                        for (d, hat), (_, matrices) in zip(hats, group.irreps)) / n
            yield check_eq(total, values[g], f"inversion at g = {group.elements[g]} on {group.name}")


@register_check("L4.plancherel-inversion", "L4", "symbolic",
                "Plancherel and Fourier inversion, exactly, on Z_3, Z_4 and S_3.")
def plancherel_inversion():
    """Check Plancherel and the inversion formula on small groups."""
    return first_failure(_plancherel_results(), "Plancherel and Fourier inversion",
                         "a rational function on Z_3, Z_4, S_3")


@register_check("L4.schatten-rank", "L4", "symbolic",
                "(sum of r singular values)^2 <= r (sum of their squares), for r <= 6.")
def schatten_rank():
    """Check ``||X||_S1 <= sqrt(rank X) ||X||_HS`` through the sum-of-squares identity."""
    return first_failure(cauchy_schwarz_results(6), "||X||_S1^2 <= rank(X) ||X||_HS^2",
                         "symbolic identity for rank 1..6")


def rank_sum(group, values) -> int:
    """Return ``sum_pi d_pi rank f^(pi)`` for ``f`` given by its values, exactly."""
    return sum(matrices[0].shape[0] * fourier(values, matrices).rank(simplify=True)
               for _, matrices in group.irreps)


def _chain_results():
    a, b = sympy.symbols("a b", nonnegative=True)  # slacks of the two inequalities
    sup, size, ranks, size_n = sympy.symbols("A S T N", positive=True)

    # ||f||_2^2 = S A - a and A = (T/N) ||f||_2^2 - b give (S T/N - 1) A = T a/N + b >= 0.
    energy = size * sup - a
    solved = sympy.solve(sympy.Eq(sup, ranks / size_n * energy - b), b)[0]
    excess = sympy.simplify((size * ranks / size_n - 1) * sup - (ranks * a / size_n + solved))
    yield check_eq(excess, 0, "(S T / N - 1) ||f||_inf^2 = T a / N + b")

    # The inequality itself on every nonzero 0/1 function of Z_4 and S_3.
    for group in (cyclic_group(4), symmetric_group_3()):
        for values in product((0, 1), repeat=group.order):
            if any(values):
                yield check_le(group.order, sum(values) * rank_sum(group, list(values)),
                               f"N <= |supp f| sum d rank f^ on {group.name}, f = {values}")


@register_check("L4.uncertainty-chain", "L4", "symbolic",
                "The chain of L4 gives |supp f| sum d rank >= N; exact on every 0/1 f of Z_4, S_3.")
def uncertainty_chain():
    """Check the closing algebra of L4 and the inequality on small groups."""
    return first_failure(_chain_results(), "|supp f| sum_pi d_pi rank f^(pi) >= N",
                         "symbolic slacks; all 78 nonzero 0/1 functions on Z_4 and S_3")
