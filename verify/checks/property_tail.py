"""Statistical check of the tail bound T2 with Clopper-Pearson confidence bounds.

T2 states that the uniform scheme of ``k`` independent uniform draws has
``P(beta_F(w) >= s) <= 2 D(F) exp(-3 k s^2 / 8)`` for ``0 < s <= 1``.  The
check draws seeded trials of the random scheme on several groups, counts how
often ``beta >= s`` and fails only when the one-sided Clopper-Pearson lower
confidence bound of the true frequency exceeds the T2 bound.

Main definitions
----------------
* :func:`random_scheme_betas` -- ``beta`` of many random schemes at once.
* :func:`clopper_pearson_lower` -- the exact one-sided lower confidence bound.
* :func:`tail_bound_property` -- the comparison over a panel, draw counts
  ``k`` and levels ``s``; the exponent and the confidence are parameters.
* :data:`TAIL_PANEL`

Implementation notes
--------------------
Draws are histogrammed into a ``(trials, N)`` matrix of weights ``m_g / k``.
For the regular class of an abelian group one ``fftn`` over all trials
gives every ``|w_hat(chi)|``; otherwise each irreducible's ``w_hat`` is one
matrix product of the weight matrix with the stacked ``pi(g)``, and
``beta`` is the largest batched operator norm.  The confidence is split
over all compared rows (Bonferroni), so with probability at least the
stated confidence no row fails while T2 holds.

References
----------
.. [1] C. J. Clopper and E. S. Pearson, "The use of confidence or fiducial
   limits illustrated in the case of the binomial", Biometrika 26 (1934).
.. [2] J. A. Tropp, "User-friendly tail bounds for sums of random
   matrices", Found. Comput. Math. 12 (2012), Theorem 1.6.
"""

from __future__ import annotations

import math

import numpy as np
from scipy.stats import beta as beta_distribution

from theory.registry import CheckResult, register_check
from verify.checks.properties import check_seed
from verify.classes import parse_class
from verify.groups import parse_group

__all__ = [
    "TAIL_PANEL",
    "TAIL_DRAWS",
    "TAIL_LEVELS",
    "random_scheme_betas",
    "clopper_pearson_lower",
    "tail_bound_property",
]

#: (group spec, class spec) pairs of the T2 check: abelian (FFT path) and non-abelian groups.
TAIL_PANEL = (
    ("cyclic:360", "regular"),
    ("hypercube:8", "regular"),
    ("dihedral:12", "regular"),
    ("quaternion", "regular"),
    ("symmetric:5", "regular"),
    ("symmetric:5", "irreps:2,4"),
)

#: Draw counts ``k`` of the random schemes.  Only rows with ``2 D exp(-3 k s^2 / 8) < 1`` can
#: fail, and with these ``k`` and :data:`TAIL_LEVELS` 48 of the 54 rows of :data:`TAIL_PANEL` have
#: a bound below 1 (``D`` ranges from 5 to 359).
TAIL_DRAWS = (48, 128, 256)

#: Levels ``s`` at which the tail frequency is compared.
TAIL_LEVELS = (0.4, 0.6, 0.8)


def random_scheme_betas(function_class, draws: int, trials: int, rng: np.random.Generator) -> np.ndarray:
    """Return ``beta_F`` of ``trials`` independent uniform schemes of ``draws`` draws each.

    Returns
    -------
    (trials,) ndarray of float64
    """
    group = function_class.group
    order = group.order
    samples = rng.integers(0, order, size=(trials, draws))
    offsets = (np.arange(trials)[:, None] * order + samples).ravel()
    weights = np.bincount(offsets, minlength=trials * order).reshape(trials, order) / draws

    if function_class.kind == "regular" and group.family in ("cyclic", "abelian", "hypercube"):
        # One FFT for all trials: |w_hat(chi_t)| for every character t; t = 0 is trivial.
        spectra = np.abs(np.fft.fftn(weights.reshape((trials,) + tuple(group.moduli)), axes=tuple(range(1, len(group.moduli) + 1))))
        spectra = spectra.reshape(trials, order)
        return spectra[:, 1:].max(axis=1) if order > 1 else np.zeros(trials)

    backend = function_class.backend
    betas = np.zeros(trials)
    for index in function_class.spectrum:
        matrices = backend.matrices(index, group.elements())
        degree = matrices.shape[-1]
        transforms = (weights @ matrices.reshape(order, degree * degree)).reshape(trials, degree, degree)
        betas = np.maximum(betas, np.linalg.norm(transforms, ord=2, axis=(-2, -1)))
    return betas


def clopper_pearson_lower(successes: int, trials: int, alpha: float) -> float:
    """Return the one-sided ``1 - alpha`` Clopper-Pearson lower bound of a binomial proportion.

    The bound is the ``alpha`` quantile of ``Beta(x, n - x + 1)``, and 0 when ``x = 0``.
    """
    if successes == 0:
        return 0.0
    return float(beta_distribution.ppf(alpha, successes, trials - successes + 1))


def tail_bound_property(
    *,
    trials: int = 400,
    seed: int = 0,
    exponent: float = 3 / 8,
    confidence: float = 0.999,
    panel=TAIL_PANEL,
    draws=TAIL_DRAWS,
    levels=TAIL_LEVELS,
) -> CheckResult:
    """Compare empirical tails of ``beta`` with ``2 D(F) exp(-exponent k s^2)`` (T2).

    Parameters
    ----------
    trials : int, keyword-only
        Random schemes per (group, class, k).
    seed : int, keyword-only
        Seed of :func:`numpy.random.default_rng`.
    exponent : float, keyword-only
        The constant ``c`` of ``exp(-c k s^2)``; T2 proves ``3/8``.
    confidence : float, keyword-only
        Joint confidence of all rows, in ``(0, 1)``.
    panel, draws, levels : sequences, keyword-only
        Group and class specs, draw counts ``k`` and levels ``s``.

    Returns
    -------
    CheckResult
        ``lhs`` is the lower confidence bound and ``rhs`` the T2 bound of
        the row with the smallest margin; ``details["rows"]`` lists all rows.
    """
    if not 0 < confidence < 1:
        raise ValueError(f"confidence={confidence!r} must be strictly between 0 and 1")
    if int(trials) < 1:
        raise ValueError(f"trials={trials!r} must be at least 1")
    rng = np.random.default_rng(seed)
    comparisons = len(panel) * len(draws) * len(levels)
    alpha = (1 - confidence) / comparisons
    rows, worst = [], None

    for group_spec, class_spec in panel:
        function_class = parse_class(class_spec, parse_group(group_spec))
        degree_sum = function_class.spectrum_degree_sum
        for k in draws:
            betas = random_scheme_betas(function_class, int(k), int(trials), rng)
            for level in levels:
                hits = int((betas >= level - 1e-12).sum())
                lower = clopper_pearson_lower(hits, int(trials), alpha)
                bound = min(1.0, 2 * degree_sum * math.exp(-exponent * k * level**2))
                row = {
                    "group": group_spec, "class": class_spec, "k": int(k), "s": level, "trials": int(trials),
                    "hits": hits, "frequency": hits / trials, "lower_confidence_bound": lower, "bound": bound,
                }
                rows.append(row)
                if worst is None or bound - lower < worst["bound"] - worst["lower_confidence_bound"]:
                    worst = row

    statement = f"P(beta >= s) <= 2 D(F) exp(-{exponent:.6g} k s^2), one-sided Clopper-Pearson at joint confidence {confidence:g}"
    failures = [row for row in rows if row["lower_confidence_bound"] > row["bound"]]
    informative = sum(1 for row in rows if row["bound"] < 1)
    details = {
        "examples": len(rows) * int(trials) // len(levels),
        "rows": rows,
        "alpha_per_row": alpha,
        "seed": seed,
        "counterexample": failures[0] if failures else None,
    }
    return CheckResult(
        passed=not failures,
        statement=statement,
        lhs=worst["lower_confidence_bound"],
        rhs=worst["bound"],
        margin=worst["bound"] - worst["lower_confidence_bound"],
        evidence=(f"{len(panel)} (group, class) pairs, k in {tuple(draws)}, s in {tuple(levels)}, {trials} trials "
                  f"each, {len(rows)} rows, {informative} with bound < 1 (only those can fail)"),
        details=details,
    )


@register_check(
    "T2.tail-clopper-pearson", "T2", "statistical",
    "seeded random schemes on abelian and non-abelian groups: the Clopper-Pearson lower bound of P(beta >= s) "
    "never exceeds 2 D(F) exp(-3 k s^2 / 8)",
)
def check_tail_clopper_pearson(context) -> CheckResult:
    """Run :func:`tail_bound_property` with the profile's trial count."""
    context.progress(f"T2.tail-clopper-pearson: {context.settings['trials']} trials per row")
    return tail_bound_property(trials=context.settings["trials"], seed=check_seed(context, "T2.tail-clopper-pearson"))
