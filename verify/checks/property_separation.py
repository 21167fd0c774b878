"""Property check of T4 on random groups: a verified scheme of the T4 size exists.

Main results
------------
* ``T4.property-separation`` -- for a random group ``G`` (every family of
  :func:`verify.strategies.finite_groups`), its regular class and a random
  ``eps`` in ``[0.05, 1]``: the existence bound
  ``k = floor((32/(3 eps)) ln(2N)) + 1`` makes ``2 D exp(-3 k s^2/8) < 1`` at
  ``s = sqrt(eps)/2`` (the strict inequality behind the rounding), a seeded
  scheme of ``k`` draws is strongly ``eps``-invariant with ``Delta``
  computed exactly, and its size is at least the T3(a) lower bound
  ``2N/(eps(N - 1) + 2)``.  So ``AC_ex / AC_st >= N / k`` holds on the drawn
  group with an explicit witness.

Implementation notes
--------------------
T2 bounds the failure probability of one draw by ``2D exp(-3ks^2/8) < 1``,
not by a small number, so the body tries :data:`ATTEMPTS` seeds and fails
only if none works.
"""

from __future__ import annotations

import math

from hypothesis import strategies as st

from verify.checks.properties import register_property_check
from verify.checks.property_runner import describe_case, require, run_property
from verify.classes import parse_class
from verify.defects import compute_defects
from verify.schemes import random_scheme
from verify.strategies import finite_groups

__all__ = ["separation_property", "ATTEMPTS"]

#: Seeds tried per example before the property fails.
ATTEMPTS = 5


def separation_property(*, examples: int = 60, seed: int = 0, constant: float = 32 / 3, max_order: int = 200):
    """T4: a strongly ``eps``-invariant scheme of ``floor((constant/eps) ln(2N)) + 1`` draws exists.

    ``constant`` is a parameter so that tests can substitute a wrong one.
    """

    def body(case):
        group, epsilon, scheme_seed = case
        order = group.order
        if order < 2:
            return None
        function_class = parse_class("regular", group)
        draws = math.floor(constant / epsilon * math.log(2 * order)) + 1
        tail = 2 * function_class.spectrum_degree_sum * math.exp(-3 * draws * epsilon / 32)
        describe = lambda: describe_case(group, function_class, epsilon=epsilon, draws=draws)  # noqa: E731
        require("2 D exp(-3 k eps / 32) < 1 at the T4 size k", tail, 1.0 - 1e-12, describe)

        strong = math.inf
        for attempt in range(ATTEMPTS):
            scheme = random_scheme(group, draws, scheme_seed + attempt)
            strong = compute_defects(function_class, scheme).strong_epsilon
            if strong <= epsilon:
                break
        witness = lambda: describe_case(group, function_class, scheme, epsilon=epsilon, draws=draws)  # noqa: E731
        require("Delta^2 <= eps for a scheme of the T4 size", strong, epsilon, witness)
        lower = 2 * order / (epsilon * (order - 1) + 2)
        return require("T3(a) lower bound <= size of the witness", lower, scheme.size, witness)

    strategy = st.tuples(
        finite_groups(max_order=max_order),
        st.floats(min_value=0.05, max_value=1.0, allow_nan=False),
        st.integers(min_value=0, max_value=2**20),
    )
    return run_property(body, strategy, examples=examples, seed=seed)


register_property_check(
    "T4.property-separation",
    "T4",
    "random groups and eps: a verified strong-eps scheme of floor((32/(3 eps)) ln(2N)) + 1 draws exists",
    "Delta^2 <= eps for a scheme of floor((32/(3 eps)) ln(2N)) + 1 draws, and T3(a) <= its size",
    separation_property,
)
