"""Symbolic obligations of P10, the relations between the complexities.

Main results
------------
* ``P10.relations-from-l2``: each relation follows from the inequalities of
  L2 with ``B = beta^2`` and ``S = Delta^2``: a slack certificate writes the
  margin of the conclusion as a nonnegative combination of the slacks of the
  hypotheses.  Strong ``epsilon`` gives ``B <= epsilon/2`` hence weak;
  weak ``epsilon`` gives ``S <= 4 epsilon``; exact gives strong; the notions
  are monotone in ``epsilon``.
* ``P10.uniform-scheme-exact``: the uniform scheme on ``G`` is exact
  (``sum_h pi(h) = 0`` for every nontrivial irreducible), so
  ``AC_ex <= N``; and the defect over a subset of the spectrum is at most
  the defect over the whole (monotonicity in ``F``), exactly on ``S_3``.
"""

from __future__ import annotations

from itertools import combinations

import sympy

from theory.obligations._common import check_eq, check_le, first_failure
from theory.obligations._groups import fourier, small_groups, symmetric_group_3
from theory.obligations.l1 import scheme_weights
from theory.registry import register_check

__all__ = ["relations_from_l2", "uniform_scheme_exact", "FACTOR"]

#: The factor of AC_st(F, FACTOR * epsilon) <= AC_wk(F, epsilon).
FACTOR = 4


def _certificate_results():
    B, S, eps, eps2 = sympy.symbols("B S epsilon epsilon_2", positive=True)
    a, b, c = sympy.symbols("a b c", nonnegative=True)

    # strong: S = eps - a; lower sandwich 2B <= S: B = (S - b)/2.  Then eps/2 - B = (a + b)/2.
    beta_squared = ((eps - a) - b) / 2
    yield check_le(0, eps / 2 - beta_squared, "strong epsilon implies beta^2 <= epsilon/2")
    yield check_le(0, eps - beta_squared, "strong epsilon implies weak epsilon")

    # weak: B = eps - a; upper sandwich S <= 4B: S = 4B - b.  Then FACTOR eps - S = 4a + b.
    delta_squared = 4 * (eps - a) - b
    yield check_le(0, FACTOR * eps - delta_squared,
                   f"weak epsilon implies strong {FACTOR} epsilon", )

    # exact: Delta = 0, and 0 <= eps.
    yield check_le(0, eps - 0, "exact implies strong epsilon for every epsilon > 0")

    # monotone in epsilon: S = eps - a and eps2 = eps + c give eps2 - S = a + c.
    yield check_le(0, (eps + c) - (eps - a), "epsilon-invariant implies epsilon_2-invariant, epsilon <= epsilon_2")


@register_check("P10.relations-from-l2", "P10", "symbolic",
                "Slack certificates for each relation of P10 from the L2 inequalities.")
def relations_from_l2():
    """Check each relation of P10 as a consequence of the L2 sandwich."""
    return first_failure(_certificate_results(),
                         "AC_wk(eps) <= AC_st(eps) <= AC_ex, AC_st(4 eps) <= AC_wk(eps), monotone in eps",
                         "symbolic slack certificates in beta^2, Delta^2, epsilon")


def _squared_norm(matrix: sympy.Matrix) -> sympy.Expr:
    eigenvalues = (matrix.H * matrix).applyfunc(sympy.simplify).eigenvals()
    return sympy.Max(*[sympy.simplify(value) for value in eigenvalues])


def _uniform_results():
    for group in small_groups():
        n = group.order
        for label, matrices in group.irreps[1:]:
            total = fourier([1] * n, matrices)
            yield check_eq(total, sympy.zeros(*total.shape),
                           f"sum_h pi(h) = 0 for {label} of {group.name}")

    # Monotone in F: beta over a subset of the spectrum is at most beta over the whole.
    group = symmetric_group_3()
    weights = scheme_weights(group.order)
    norms = {label: _squared_norm(fourier(weights, matrices)) for label, matrices in group.irreps[1:]}
    labels = list(norms)
    for size in range(1, len(labels) + 1):
        for subset in combinations(labels, size):
            yield check_le(sympy.Max(*[norms[x] for x in subset]), sympy.Max(*norms.values()),
                           f"beta^2 over {subset} <= beta^2 over {tuple(labels)} on S_3")


@register_check("P10.uniform-scheme-exact", "P10", "symbolic",
                "The uniform scheme on G is exact (AC_ex <= N); beta is monotone in the spectrum.")
def uniform_scheme_exact():
    """Check ``AC_ex <= N`` and monotonicity of the defect in the class."""
    return first_failure(_uniform_results(), "AC_ex(F) <= N and AC monotone in F",
                         "nontrivial irreducibles of Z_3, Z_4, S_3; a signed scheme on S_3")
