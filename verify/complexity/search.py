"""Explicit schemes for the upper ends of ``AC_wk`` and ``AC_st``: random draws and a greedy construction.

Main definitions
----------------
* :class:`BatchDefects` -- ``beta`` (and ``Delta`` where it is cheap) of many
  multisets of draws at once.
* :func:`random_multisets_search` -- the smallest number of uniform draws,
  found by doubling and bisection, for which one of ``trials`` seeded
  multisets meets the target.
* :func:`greedy_multiset` -- start from the identity and add, one draw at a
  time, the element that lowers the score most.

Implementation notes
--------------------
Both searches return uniform schemes (empirical measures of multisets), so
the schemes they find are in every family.  The score is ``beta^2`` for the
weak notion.  For the strong notion it is ``Delta^2`` where ``Delta`` has a
closed form (abelian groups, ``Delta = max |w_hat(chi)| 2 sin(pi floor(m/2)/m)``)
and the sufficient upper sandwich ``4 beta^2`` otherwise, because the exact
``Delta`` is a maximum over all of ``G``.  The caller verifies the final
scheme with :func:`verify.defects.compute_defects`.

For abelian groups the transforms of a batch of multisets come from one
FFT per multiset (:meth:`CharacterBackend.fourier_all`).  For other groups
they come from the stacked matrices ``pi(g)`` of all draws, averaged per
multiset.
Batches are chunked to keep about ``2e7`` complex entries in memory.
"""

from __future__ import annotations

import numpy as np

from verify.errors import UsageError

__all__ = ["BatchDefects", "random_multisets_search", "greedy_multiset", "CHUNK_ENTRIES"]

#: Complex entries held at once by a batched evaluation.
CHUNK_ENTRIES = 20_000_000


class BatchDefects:
    """Scores of many multisets on one class.

    Parameters
    ----------
    function_class : FunctionClass
        A class with a known spectrum on an enumerated group.
    notion : {"weak", "strong"}
    """

    def __init__(self, function_class, notion: str):
        from verify.representations.abelian import CharacterBackend, character_defect_factor

        if notion not in ("weak", "strong"):
            raise UsageError(f"notion {notion!r} is invalid; expected weak or strong")
        if function_class.spectrum is None or not function_class.group.is_enumerated:
            raise UsageError(
                f"batched defects need a known spectrum on an enumerated group; {function_class.spec!r} on "
                f"{function_class.group.spec!r} has none"
            )
        self.function_class = function_class
        self.group = function_class.group
        self.notion = notion
        self.spectrum = np.array(function_class.spectrum, dtype=np.int64)
        self.backend = function_class.backend
        self.is_abelian = isinstance(self.backend, CharacterBackend)
        if self.is_abelian:
            orders = self.backend.character_orders(self.spectrum) if len(self.spectrum) else np.zeros(0)
            self.factors = character_defect_factor(orders) if len(self.spectrum) else np.zeros(0)
        #: True when the strong score is the sandwich 4 beta^2 and not Delta^2 itself.
        self.uses_sandwich = notion == "strong" and not self.is_abelian

    @property
    def score_name(self) -> str:
        """What :meth:`scores` returns, in words."""
        if self.notion == "weak":
            return "beta^2"
        return "4 beta^2 (upper sandwich of Delta^2)" if self.uses_sandwich else "Delta^2 (closed form)"

    def scores(self, draws: np.ndarray) -> np.ndarray:
        """Return the score of each multiset.

        Parameters
        ----------
        draws : (T, k) ndarray of int
            ``T`` multisets of ``k`` element indices each, uniform weights ``1/k``.

        Returns
        -------
        (T,) ndarray of float64
        """
        draws = np.atleast_2d(np.asarray(draws, dtype=np.int64))
        if len(self.spectrum) == 0:
            return np.zeros(len(draws))
        if self.is_abelian:
            return self._abelian_scores(draws)
        beta = self._matrix_betas(draws)
        return beta**2 if self.notion == "weak" else 4 * beta**2

    def _abelian_scores(self, draws: np.ndarray) -> np.ndarray:
        count, draws_per = draws.shape
        order = self.group.order
        shape = self.group.moduli if self.group.moduli else (1,)
        chunk = max(1, CHUNK_ENTRIES // max(order, 1))
        result = np.empty(count)
        axes = tuple(range(1, len(shape) + 1))
        for start in range(0, count, chunk):
            block = draws[start : start + chunk]
            dense = np.zeros((len(block), order))
            rows = np.repeat(np.arange(len(block)), draws_per)
            np.add.at(dense, (rows, block.ravel()), 1.0 / draws_per)
            transforms = order * np.fft.ifftn(dense.reshape((len(block), *shape)), axes=axes)
            magnitudes = np.abs(transforms.reshape(len(block), order)[:, self.spectrum])
            if self.notion == "strong":
                magnitudes = magnitudes * self.factors[None, :]
            result[start : start + chunk] = magnitudes.max(axis=1) ** 2
        return result

    def _matrix_betas(self, draws: np.ndarray) -> np.ndarray:
        count, draws_per = draws.shape
        best = np.zeros(count)
        for index in self.spectrum:
            degree = int(self.backend.degrees[index])
            chunk = max(1, CHUNK_ENTRIES // max(1, draws_per * degree * degree))
            for start in range(0, count, chunk):
                block = draws[start : start + chunk]
                matrices = self.backend.matrices(int(index), block.ravel())
                means = matrices.reshape(len(block), draws_per, degree, degree).mean(axis=1)
                norms = np.abs(means[:, 0, 0]) if degree == 1 else np.linalg.norm(means, ord=2, axis=(-2, -1))
                best[start : start + chunk] = np.maximum(best[start : start + chunk], norms)
        return best

    # -- greedy support ------------------------------------------------------------

    def transform_sums(self, elements: np.ndarray) -> list:
        """Return, per irreducible of the spectrum, ``sum_g pi(g)`` over ``elements`` (with repeats)."""
        if self.is_abelian:
            values = self.backend.character_values(self.spectrum, elements)
            return [values.sum(axis=0)]
        return [self.backend.matrices(int(index), elements).sum(axis=0) for index in self.spectrum]

    def candidate_scores(self, sums: list, count: int, candidates: np.ndarray, table=None) -> np.ndarray:
        """Return the score of the multiset plus one candidate, for every candidate.

        ``table`` optionally contains the character values of the candidates
        (abelian groups), so a caller that reuses candidates computes them once.
        """
        if self.is_abelian:
            values = self.backend.character_values(self.spectrum, candidates) if table is None else table
            magnitudes = np.abs((sums[0][None, :] + values) / (count + 1))
            if self.notion == "strong":
                magnitudes = magnitudes * self.factors[None, :]
            return magnitudes.max(axis=1) ** 2
        best = np.zeros(len(candidates))
        for total, index in zip(sums, self.spectrum):
            matrices = (total[None] + self.backend.matrices(int(index), candidates)) / (count + 1)
            degree = matrices.shape[-1]
            norms = np.abs(matrices[:, 0, 0]) if degree == 1 else np.linalg.norm(matrices, ord=2, axis=(-2, -1))
            best = np.maximum(best, norms)
        return best**2 if self.notion == "weak" else 4 * best**2


def random_multisets_search(evaluator: BatchDefects, target: float, rng, trials: int = 16,
                            max_draws: int | None = None, progress=None):
    """Return ``(draws, score)`` of the best multiset at the smallest number of draws meeting ``target``.

    Parameters
    ----------
    evaluator : BatchDefects
    target : float
        The largest acceptable score (``epsilon``).
    rng : numpy.random.Generator
    trials : int, optional
        Multisets drawn per number of draws.
    max_draws : int, optional
        Largest number of draws tried; defaults to ``4 N``.
    progress : callable, optional

    Returns
    -------
    tuple of (ndarray or None, float)
        The multiset (element indices) and its score, or ``(None, inf)``
        if no number of draws up to ``max_draws`` met the target.
    """
    group = evaluator.group
    limit = int(max_draws or 4 * group.order)

    def best_of(draws_count):
        draws = group.random_elements(trials * draws_count, rng).reshape(trials, draws_count)
        scores = evaluator.scores(draws)
        index = int(np.argmin(scores))
        return draws[index], float(scores[index])

    # Doubling until the target is met.
    low, high = 0, 1
    found = None
    while high <= limit:
        multiset, score = best_of(high)
        if progress is not None:
            progress(f"random search: {high} draws, best score {score:.4g} (target {target:.4g})")
        if score <= target:
            found = (multiset, score)
            break
        low, high = high, 2 * high
    if found is None:
        return None, float("inf")

    # Bisection between the last failure and the first success.
    while high - low > 1:
        middle = (low + high) // 2
        multiset, score = best_of(middle)
        if progress is not None:
            progress(f"random search: {middle} draws, best score {score:.4g} (target {target:.4g})")
        if score <= target:
            high, found = middle, (multiset, score)
        else:
            low = middle
    return found


def greedy_multiset(evaluator: BatchDefects, target: float, rng, max_draws: int | None = None,
                    pool: int | None = None, progress=None):
    """Return ``(draws, score)`` of a multiset built greedily until its score meets ``target``.

    Starting from the identity, each step adds the candidate element whose
    addition gives the smallest score.  Candidates are the whole group when
    ``N * |Pi(F)|`` fits the chunk budget, else ``pool`` fresh uniform
    elements per step (seeded by ``rng``).

    Returns
    -------
    tuple of (ndarray or None, float)
        ``(None, inf)`` if ``max_draws`` draws do not reach the target.
    """
    group = evaluator.group
    limit = int(max_draws or 4 * group.order)
    width = max(1, len(evaluator.spectrum)) * (1 if evaluator.is_abelian else int(evaluator.backend.degrees.max()) ** 2)
    everything = group.order * width <= CHUNK_ENTRIES // 4
    pool = int(pool or max(16, min(512, CHUNK_ENTRIES // (4 * width))))
    multiset = [group.identity]
    sums = evaluator.transform_sums(np.array(multiset))
    score = float(evaluator.scores(np.array([multiset]))[0])
    table = None
    if everything and evaluator.is_abelian:
        table = evaluator.backend.character_values(evaluator.spectrum, group.elements())
    while score > target and len(multiset) < limit:
        candidates = group.elements() if everything else group.random_elements(pool, rng)
        scores = evaluator.candidate_scores(sums, len(multiset), candidates, table if everything else None)
        choice = int(np.argmin(scores))
        element = int(candidates[choice])
        multiset.append(element)
        added = evaluator.transform_sums(np.array([element]))
        sums = [total + extra for total, extra in zip(sums, added)]
        score = float(scores[choice])
        if progress is not None and len(multiset) % 16 == 0:
            progress(f"greedy: {len(multiset)} draws, score {score:.4g} (target {target:.4g})")
    if score > target:
        return None, float("inf")
    return np.array(multiset), score
