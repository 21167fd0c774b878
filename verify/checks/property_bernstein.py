"""Property check of the hypotheses of matrix Bernstein in the proof of T2.

Main results
------------
* ``T2.property-bernstein-hypotheses`` -- on random groups of every family
  and every nontrivial irreducible ``pi``, the summands ``X = pi(g)`` of a
  uniform draw are mean zero (``(1/N) sum_g pi(g) = 0``), bounded
  (``||pi(g)|| = 1``, so ``R = 1``), and have second moment ``E X X* = E X* X
  = I`` (so ``sigma^2 = k`` for ``k`` draws).  These are exactly the inputs
  of Tropp's rectangular Bernstein inequality in T2's proof.
"""

from __future__ import annotations

import numpy as np

from verify.checks.properties import register_property_check
from verify.checks.property_runner import describe_case, require, run_property
from verify.strategies import finite_groups

__all__ = ["bernstein_hypotheses_property"]

#: Absolute tolerance of the three identities in float64.
TOLERANCE = 1e-9


def bernstein_hypotheses_property(*, examples: int = 60, seed: int = 0, max_order: int = 200):
    """T2: mean zero, norm one and second moment ``I`` for every nontrivial irreducible."""

    def body(group):
        backend = group.irreducible_backend
        elements = group.elements()
        describe = lambda: describe_case(group)  # noqa: E731
        worst = 0.0
        for irrep in backend.irreps[1:]:
            matrices = backend.matrices(irrep.index, elements)
            identity = np.eye(irrep.degree)
            mean = np.linalg.norm(matrices.mean(axis=0), ord=2)
            norms = np.linalg.norm(matrices, ord=2, axis=(1, 2))
            adjoints = np.conj(np.swapaxes(matrices, 1, 2))
            left = np.linalg.norm((matrices @ adjoints).mean(axis=0) - identity, ord=2)
            right = np.linalg.norm((adjoints @ matrices).mean(axis=0) - identity, ord=2)
            deviation = max(mean, float(np.abs(norms - 1).max()), left, right)
            require(f"mean zero, ||pi(g)|| = 1 and E X X* = E X* X = I for irreducible {irrep.index}", deviation, TOLERANCE, describe)
            worst = max(worst, deviation)
        return worst, TOLERANCE

    return run_property(body, finite_groups(max_order=max_order), examples=examples, seed=seed)


register_property_check(
    "T2.property-bernstein-hypotheses",
    "T2",
    "random groups: every nontrivial pi(g) is mean zero, of norm 1 and with E X X* = E X* X = I",
    "Bernstein inputs: E pi(g) = 0, R = ||pi(g)|| = 1, sigma^2 = k",
    bernstein_hypotheses_property,
)
