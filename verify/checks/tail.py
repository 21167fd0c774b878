"""Statistical check of T2 at small scale: the tail of beta for random schemes.

Main results
------------
* ``T2.tail-bound`` -- for ``k`` independent uniform draws and
  ``0 < s <= 1``, ``P(beta_F(w) >= s) <= 2 D(F) exp(-3 k s^2 / 8)``.  The
  empirical frequency over seeded trials is compared with the bound through
  a one-sided Clopper-Pearson interval at confidence :data:`CONFIDENCE`: the
  check fails only when the lower confidence limit of the true probability
  exceeds the bound, so a correct bound fails by chance with probability at
  most ``1 - CONFIDENCE`` per comparison.

Implementation notes
--------------------
For abelian groups ``beta`` of many schemes is computed at once: the
weights of all trials form a ``(trials, N)`` array and one FFT over the
group axes gives every ``w_hat(chi)``.  Other groups go through
:func:`verify.defects.compute_defects` scheme by scheme.
"""

from __future__ import annotations

import math

import numpy as np
from scipy.stats import beta as beta_distribution

from theory.registry import CheckResult, register_check
from verify.classes import parse_class
from verify.defects import compute_defects
from verify.groups import parse_group
from verify.schemes import random_scheme

__all__ = ["CONFIDENCE", "TAIL_PANEL", "sample_betas", "clopper_pearson_lower", "tail_bound"]

#: Confidence of the one-sided Clopper-Pearson lower limit.
CONFIDENCE = 0.999

#: Groups and classes of the statistical check (small, so many trials are cheap).
TAIL_PANEL = (
    ("cyclic:360", "regular"),
    ("hypercube:8", "regular"),
    ("symmetric:5", "regular"),
    ("dihedral:12", "regular"),
)


def tail_bound(spectrum_degree_sum: int, draws: int, s: float, exponent: float = 3 / 8) -> float:
    """Return ``2 D exp(-exponent k s^2)`` (T2 uses ``exponent = 3/8``)."""
    return 2 * spectrum_degree_sum * math.exp(-exponent * draws * s * s)


def clopper_pearson_lower(successes: int, trials: int, confidence: float = CONFIDENCE) -> float:
    """Return the one-sided lower confidence limit of a binomial proportion.

    Examples
    --------
    >>> clopper_pearson_lower(0, 100)
    0.0
    >>> 0.3 < clopper_pearson_lower(50, 100, 0.95) < 0.5
    True
    """
    if successes == 0:
        return 0.0
    return float(beta_distribution.ppf(1 - confidence, successes, trials - successes + 1))


def sample_betas(function_class, draws: int, trials: int, rng: np.random.Generator) -> np.ndarray:
    """Return ``beta_F(w)`` for ``trials`` independent schemes of ``draws`` uniform draws."""
    group = function_class.group
    backend = function_class.backend
    spectrum = np.array(function_class.spectrum, dtype=np.int64)
    if group.family in ("cyclic", "abelian", "hypercube"):
        samples = rng.integers(0, group.order, size=(trials, draws))
        dense = np.zeros((trials, group.order))
        np.add.at(dense, (np.repeat(np.arange(trials), draws), samples.ravel()), 1.0 / draws)
        transforms = group.order * np.fft.ifftn(dense.reshape((trials, *group.moduli)), axes=range(1, len(group.moduli) + 1))
        return np.abs(transforms.reshape(trials, -1)[:, spectrum]).max(axis=1) if len(spectrum) else np.zeros(trials)
    assert backend is not None
    betas = np.empty(trials)
    for trial in range(trials):
        scheme = random_scheme(group, draws, int(rng.integers(2**63 - 1)))
        betas[trial] = compute_defects(function_class, scheme, max_order=0).beta
    return betas


@register_check(
    "T2.tail-bound",
    "T2",
    "statistical",
    "empirical P(beta >= s) over seeded random schemes is not above 2 D exp(-3 k s^2/8) (one-sided Clopper-Pearson, 99.9%)",
)
def check_tail_bound(context, exponent: float = 3 / 8) -> CheckResult:
    trials = context.settings["trials"]
    worst_margin, worst_case, rows = np.inf, None, 0
    groups = []
    for group_spec, class_spec in TAIL_PANEL:
        context.progress(f"  T2 tail on {group_spec}")
        group = parse_group(group_spec)
        function_class = parse_class(class_spec, group)
        groups.append(group.spec)
        degree_sum = function_class.spectrum_degree_sum
        rng = context.rng("T2" + group_spec)
        for s in (0.5, 0.8):
            # The smallest k where the bound drops below 1, and a larger one.
            informative = math.ceil(math.log(2 * degree_sum) / (exponent * s * s))
            for draws in (max(1, informative // 2), informative, int(1.3 * informative)):
                betas = sample_betas(function_class, draws, trials, rng)
                successes = int(np.sum(betas >= s))
                lower = clopper_pearson_lower(successes, trials)
                bound = tail_bound(degree_sum, draws, s, exponent)
                margin = bound - lower
                rows += 1
                if margin < worst_margin:
                    worst_margin = margin
                    worst_case = (lower, bound, f"{group.spec} k={draws} s={s}: {successes}/{trials} with beta >= s")
    lower, bound, case = worst_case
    return CheckResult(
        passed=worst_margin >= 0,
        statement="Clopper-Pearson lower limit of P(beta >= s) <= 2 D exp(-3 k s^2 / 8)",
        lhs=lower,
        rhs=bound,
        margin=worst_margin,
        evidence=(
            f"{rows} (k, s) pairs x {trials} trials on {', '.join(groups)}; confidence {CONFIDENCE}; "
            f"worst margin {worst_margin:.3g} at {case}"
        ),
        details={"trials": trials, "pairs": rows, "confidence": CONFIDENCE},
    )
