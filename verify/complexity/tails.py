"""Empirical tails of the spectral defect of random schemes against the T2 bound.

Main definitions
----------------
* :func:`clopper_pearson` -- the exact binomial confidence interval.
* :func:`empirical_tail` -- rows ``(k, frequency of beta >= s, interval,
  2 D exp(-3 k s^2 / 8))`` over a grid of draws ``k``.
* :func:`empirical_constant` -- the smallest ``k`` whose success rate reaches
  ``1 - delta`` and the constant ``c = k eps / ln(2D/delta)`` it gives,
  against the proved 8/3 (weak) and 32/3 (strong).

Main results
------------
* T2: ``P(beta_F(w) >= s) <= 2 D(F) exp(-3 k s^2 / 8)`` for the empirical
  measure of ``k`` uniform draws, ``0 < s <= 1``; weak ``s = sqrt(eps)``,
  strong ``s = sqrt(eps)/2``.

Implementation notes
--------------------
All ``beta`` values of one grid point come from one batched evaluation
(:class:`verify.complexity.search.BatchDefects`): one FFT per scheme on
abelian groups, stacked irreducible matrices otherwise.  The random draws
are generated in batches of at most :data:`DRAWS_PER_BATCH`, so memory stays
bounded for any number of trials up to :data:`MAX_TRIALS`.  Success is the
notion itself: ``beta^2 <= eps`` (weak) and ``Delta^2 <= eps`` (strong).
``Delta`` has a closed form on abelian groups.  On other groups it is
replaced by its upper sandwich ``2 beta``, whose event T2 bounds.  The
output names the criterion used.
"""

from __future__ import annotations

import math

import numpy as np

from verify.errors import UsageError

__all__ = ["clopper_pearson", "empirical_tail", "empirical_constant", "validate_tail_inputs", "PROVED_CONSTANTS",
           "MAX_TRIALS"]

#: Largest number of random schemes per number of draws.  At 10^6 trials a run on Z_360
#: takes minutes; the draws are generated in batches, so memory does not grow with it.
MAX_TRIALS = 1_000_000

#: Draws generated and scored at once (int64, about 16 MB).
DRAWS_PER_BATCH = 2_000_000

#: Random schemes scored at once.  The batched FFT holds a few (schemes, N) float and complex
#: arrays, about 0.5 GB at N = 360 with this value.
SCHEMES_PER_BATCH = 20_000

#: Constants of the T2 sample size ``k >= (c / eps) ln(2 D / delta)``.
PROVED_CONSTANTS = {"weak": 8 / 3, "strong": 32 / 3}


def clopper_pearson(successes: int, trials: int, confidence: float = 0.95) -> tuple[float, float]:
    """Return the Clopper-Pearson interval for a binomial proportion.

    Examples
    --------
    >>> low, high = clopper_pearson(0, 100)
    >>> low == 0.0 and round(high, 4) == 0.0362
    True
    """
    from scipy.stats import beta

    if trials < 1 or not 0 <= successes <= trials:
        raise UsageError(f"a binomial interval needs 0 <= successes <= trials and trials >= 1, got {successes}/{trials}")
    alpha = 1 - confidence
    low = 0.0 if successes == 0 else float(beta.ppf(alpha / 2, successes, trials - successes + 1))
    high = 1.0 if successes == trials else float(beta.ppf(1 - alpha / 2, successes + 1, trials - successes))
    return low, high


def _threshold(notion: str, epsilon: float) -> float:
    return math.sqrt(epsilon) if notion == "weak" else math.sqrt(epsilon) / 2


def _draw_batches(group, draws_count: int, trials: int, rng):
    """Yield ``(batch, draws_count)`` arrays of random elements, at most ``DRAWS_PER_BATCH`` draws
    and ``SCHEMES_PER_BATCH`` rows each."""
    per_batch = max(1, min(SCHEMES_PER_BATCH, DRAWS_PER_BATCH // draws_count))
    for start in range(0, trials, per_batch):
        rows = min(per_batch, trials - start)
        yield group.random_elements(rows * draws_count, rng).reshape(rows, draws_count)


def _successes(function_class, notion: str, epsilon: float, draws_count: int, trials: int, rng,
               weak, strong) -> int:
    """Return how many of ``trials`` random schemes of ``draws_count`` draws meet the notion."""
    count = 0
    for draws in _draw_batches(function_class.group, draws_count, trials, rng):
        squared = weak.scores(draws)
        if notion == "weak":
            count += int(np.count_nonzero(squared <= epsilon))
        elif strong is not None:
            count += int(np.count_nonzero(strong.scores(draws) <= epsilon))
        else:
            count += int(np.count_nonzero(4 * squared <= epsilon))
    return count


def _exceedances(evaluator_weak, draws_count: int, trials: int, level: float, rng) -> int:
    """Return how many of ``trials`` random schemes of ``draws_count`` draws have ``beta >= level``."""
    count = 0
    for draws in _draw_batches(evaluator_weak.group, draws_count, trials, rng):
        count += int(np.count_nonzero(np.sqrt(evaluator_weak.scores(draws)) >= level))
    return count


def validate_tail_inputs(function_class, trials: int) -> None:
    """Reject a class with ``D(F) = 0`` and a trial count outside ``1..MAX_TRIALS``.

    Raises
    ------
    UsageError
        If ``trials`` is out of range or the spectrum of the class is empty.
    """
    if not 1 <= trials <= MAX_TRIALS:
        raise UsageError(f"--trials must be between 1 and {MAX_TRIALS:,}, got {trials:,}")
    if function_class.spectrum_degree_sum == 0:
        raise UsageError(
            f"class {function_class.spec!r} on {function_class.group.spec!r} has D(F) = 0 (empty spectrum): "
            f"beta = 0 for every scheme, so the tail is 0 for every k and there is no constant to estimate"
        )


def empirical_tail(function_class, notion: str, epsilon: float, trials: int, grid, rng, progress=None) -> list[dict]:
    """Return the empirical tail of ``beta`` at threshold ``s`` with the T2 bound, one row per ``k``.

    Parameters
    ----------
    function_class : FunctionClass
        A class with a known spectrum on an enumerated group.
    notion : {"weak", "strong"}
    epsilon : float
    trials : int
        Random schemes per ``k``.
    grid : iterable of int
        Numbers of draws.
    rng : numpy.random.Generator
    """
    from verify.complexity.search import BatchDefects

    validate_tail_inputs(function_class, trials)
    evaluator = BatchDefects(function_class, "weak")
    degree_sum = function_class.spectrum_degree_sum
    level = _threshold(notion, epsilon)
    rows = []
    for draws_count in grid:
        exceed = _exceedances(evaluator, int(draws_count), trials, level, rng)
        low, high = clopper_pearson(exceed, trials)
        bound = 2 * degree_sum * math.exp(-3 * draws_count * level**2 / 8)
        rows.append({"k": int(draws_count), "frequency": exceed / trials, "confidence_interval": [low, high],
                     "bound": bound, "bound_holds": bool(low <= bound)})
        if progress is not None:
            progress(f"tail: k = {draws_count}, P(beta >= {level:.3g}) ~ {exceed / trials:.3f}, bound {bound:.3g}")
    return rows


def empirical_constant(function_class, notion: str, epsilon: float, delta: float, trials: int, rng,
                       progress=None) -> dict:
    """Return the smallest ``k`` with success rate ``>= 1 - delta`` and its constant ``c``.

    ``k`` is found by doubling and bisection on the success rate (assumed
    nondecreasing in ``k``); ``c = k eps / ln(2D/delta)`` is the constant
    for which ``ceil(c ln(2D/delta) / eps) = k``.
    """
    from verify.complexity.search import BatchDefects

    validate_tail_inputs(function_class, trials)
    weak = BatchDefects(function_class, "weak")
    strong = BatchDefects(function_class, "strong") if notion == "strong" and weak.is_abelian else None
    degree_sum = function_class.spectrum_degree_sum
    logarithm = math.log(2 * degree_sum / delta)

    def success_rate(draws_count):
        successes = _successes(function_class, notion, epsilon, draws_count, trials, rng, weak, strong)
        return successes / trials

    low, high = 0, 1
    while success_rate(high) < 1 - delta:
        low, high = high, 2 * high
        if high > 10**6:
            raise UsageError("no number of draws up to 10^6 reached the success rate 1 - delta")
        if progress is not None:
            progress(f"constant: doubling, success rate below 1 - delta at {low} draws")
    while high - low > 1:
        middle = (low + high) // 2
        if success_rate(middle) >= 1 - delta:
            high = middle
        else:
            low = middle
        if progress is not None:
            progress(f"constant: bisection between {low} and {high} draws")
    criterion = ("beta^2 <= epsilon" if notion == "weak" else
                 "Delta^2 <= epsilon (closed form)" if strong is not None else "(2 beta)^2 <= epsilon (sandwich)")
    proved = PROVED_CONSTANTS[notion]
    return {"k": high, "constant": high * epsilon / logarithm, "proved_constant": proved,
            "proved_k": math.ceil(proved * logarithm / epsilon), "success_criterion": criterion}
