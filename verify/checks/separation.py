"""Exhaustive check of T4 on large cyclic groups: the separation exhibited by explicit schemes.

Main results
------------
* ``T4.separation-exhibited`` -- on ``Z_N`` with the regular class (spectrally
  complete, so ``AC_ex = N`` by T1(b)), a seeded uniform scheme of
  ``k = floor((32/(3 eps)) ln(2N)) + 1`` draws is strongly ``eps``-invariant,
  its ``Delta`` computed exactly over all ``h`` (closed form for characters),
  and its size is below ``N``; so ``AC_ex / AC_st >= N / k``.

Implementation notes
--------------------
T2 guarantees that some draw of ``k`` elements works (the failure
probability is below 1), not that a given seed does.  The check therefore
tries up to :data:`ATTEMPTS` seeds and fails only if none works, which for
these ``N`` would contradict T2's tail bound far beyond chance.
"""

from __future__ import annotations

import math

from theory.registry import CheckResult, register_check
from verify.classes import parse_class
from verify.defects import compute_defects
from verify.groups import parse_group
from verify.schemes import random_scheme

__all__ = ["SEPARATION_ORDERS", "SEPARATION_EPSILON", "existence_bound"]

#: Orders of the cyclic groups, chosen above the crossover near N = 1000 at eps = 0.1.
SEPARATION_ORDERS = (2_000, 20_000, 200_000)

#: Strong tolerance of the check.
SEPARATION_EPSILON = 0.1

#: Seeds tried per group before the check fails.
ATTEMPTS = 5


def existence_bound(order: int, epsilon: float) -> int:
    """Return ``floor((32/(3 eps)) ln(2N)) + 1``, the T4 upper bound on ``AC_st``."""
    return math.floor(32 / (3 * epsilon) * math.log(2 * order)) + 1


@register_check(
    "T4.separation-exhibited",
    "T4",
    "exhaustive",
    "on Z_N (N = 2000, 20000, 200000) a verified strong-0.1 scheme of the T4 size has size < N = AC_ex",
)
def check_separation_exhibited(context) -> CheckResult:
    rows = []
    worst_margin, worst = math.inf, None
    for order in SEPARATION_ORDERS:
        context.progress(f"  T4 on cyclic:{order}")
        group = parse_group(f"cyclic:{order}")
        function_class = parse_class("regular", group)
        draws = existence_bound(order, SEPARATION_EPSILON)
        rng = context.rng(f"T4-{order}")
        strong = math.inf
        for _ in range(ATTEMPTS):
            scheme = random_scheme(group, draws, int(rng.integers(2**31)))
            strong = compute_defects(function_class, scheme).strong_epsilon
            if strong <= SEPARATION_EPSILON:
                break
        # Two inequalities per group: Delta^2 <= eps, and size < N (a separation, not a tie).
        margin = min(SEPARATION_EPSILON - strong, (order - scheme.size) / order)
        rows.append(f"N={order}: size {scheme.size} (k={draws}), Delta^2={strong:.4f}, AC_ex/size={order / scheme.size:.1f}")
        if margin < worst_margin:
            worst_margin, worst = margin, (strong, SEPARATION_EPSILON, order, scheme.size)
    strong, epsilon, order, size = worst
    return CheckResult(
        passed=worst_margin >= 0,
        statement="Delta^2 <= eps and size < N = AC_ex for a scheme of floor((32/(3 eps)) ln(2N)) + 1 draws",
        lhs=strong,
        rhs=epsilon,
        margin=worst_margin,
        evidence="; ".join(rows),
        details={"orders": list(SEPARATION_ORDERS), "epsilon": SEPARATION_EPSILON},
    )
