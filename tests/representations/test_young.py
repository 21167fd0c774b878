"""Tests of Young's orthogonal form against the definitions and the Murnaghan–Nakayama rule.

Tolerance: 1e-10 on every float comparison.  The matrices are products of at
most n(n-1)/2 = 21 orthogonal factors with entries computed to about 1e-16,
so the observed errors stay below 1e-13 for n ≤ 7.
"""

from __future__ import annotations

import itertools
import math
from functools import lru_cache

import numpy as np
import pytest

from verify.representations.young import (
    adjacent_transposition_matrices,
    hook_length_degree,
    partition_label,
    partitions,
    standard_tableaux,
    young_matrices,
)

TOLERANCE = 1e-10


@lru_cache(maxsize=None)
def all_permutations(n: int) -> np.ndarray:
    return np.array(list(itertools.permutations(range(n))), dtype=np.int64).reshape(-1, n)


def compose(g: np.ndarray, h: np.ndarray) -> np.ndarray:
    """Return the rows of ``g h`` (apply ``h`` first): ``(gh)[x] = g[h[x]]``."""
    return np.take_along_axis(g, h, axis=1)


def cycle_type(permutation: np.ndarray) -> tuple[int, ...]:
    seen = np.zeros(permutation.size, dtype=bool)
    lengths = []
    for start in range(permutation.size):
        length = 0
        point = start
        while not seen[point]:
            seen[point] = True
            point = permutation[point]
            length += 1
        if length:
            lengths.append(length)
    return tuple(sorted(lengths, reverse=True))


def murnaghan_nakayama(shape: tuple[int, ...], cycles: tuple[int, ...]) -> int:
    """Compute χ_λ on a cycle type by removing border strips, naively.

    A border strip of length ℓ is removed by taking the beta-set (first-column
    hook lengths) of λ and moving one bead down by ℓ; the sign is (-1) to the
    number of beads jumped over.
    """
    if not cycles:
        return 1 if sum(shape) == 0 else 0
    length, rest = cycles[0], cycles[1:]
    k = len(shape)
    beads = [shape[i] + (k - 1 - i) for i in range(k)]
    total = 0
    for bead in beads:
        target = bead - length
        if target < 0 or target in beads:
            continue
        jumped = sum(1 for other in beads if target < other < bead)
        new_beads = sorted([b for b in beads if b != bead] + [target], reverse=True)
        new_shape = tuple(new_beads[i] - (k - 1 - i) for i in range(k))
        new_shape = tuple(part for part in new_shape if part > 0)
        total += (-1) ** jumped * murnaghan_nakayama(new_shape, rest)
    return total


def test_partitions_order_for_five():
    assert partitions(5) == [(5,), (4, 1), (3, 2), (3, 1, 1), (2, 2, 1), (2, 1, 1, 1), (1, 1, 1, 1, 1)]


@pytest.mark.parametrize("n, count", [(1, 1), (2, 2), (3, 3), (4, 5), (5, 7), (6, 11), (7, 15), (10, 42)])
def test_partitions_count(n, count):
    assert len(partitions(n)) == count
    assert all(sum(p) == n for p in partitions(n))
    assert partitions(n) == sorted(partitions(n), reverse=True)


def test_partitions_rejects_zero():
    with pytest.raises(ValueError, match="at least 1, got 0"):
        partitions(0)


def test_partitions_rejects_float():
    with pytest.raises(TypeError, match="must be an integer"):
        partitions(3.0)


def test_partition_label_format():
    assert partition_label((3, 1, 1)) == "[3,1,1]"
    assert partition_label([4]) == "[4]"


@pytest.mark.parametrize("bad, message", [((1, 2), "non-increasing"), ((2, 0), "positive"), ((), "at least one part")])
def test_partition_validation(bad, message):
    with pytest.raises(ValueError, match=message):
        hook_length_degree(bad)


@pytest.mark.parametrize(
    "n, degrees",
    [(4, [1, 1, 2, 3, 3]), (5, [1, 1, 4, 4, 5, 5, 6])],
)
def test_degrees_known_values(n, degrees):
    assert sorted(hook_length_degree(p) for p in partitions(n)) == degrees


@pytest.mark.parametrize("n, involutions", list(zip(range(1, 8), [1, 2, 4, 10, 26, 76, 232])))
def test_degree_sum_counts_involutions(n, involutions):
    assert sum(hook_length_degree(p) for p in partitions(n)) == involutions


@pytest.mark.parametrize("n", range(1, 8))
def test_degree_squares_sum_to_order(n):
    assert sum(hook_length_degree(p) ** 2 for p in partitions(n)) == math.factorial(n)


@pytest.mark.parametrize("shape", [(3, 2), (3, 1, 1), (2, 2, 1), (4, 2, 1)])
def test_standard_tableaux_are_standard(shape):
    tableaux = standard_tableaux(shape)
    assert len(tableaux) == hook_length_degree(shape)
    assert len(set(tableaux)) == len(tableaux)
    for rows in tableaux:
        assert tuple(len(row) for row in rows) == shape
        assert sorted(x for row in rows for x in row) == list(range(sum(shape)))
        for row in rows:
            assert list(row) == sorted(row)
        for column in range(shape[0]):
            entries = [row[column] for row in rows if len(row) > column]
            assert entries == sorted(entries)


def test_standard_tableaux_order_is_row_word_order():
    tableaux = standard_tableaux((3, 2))
    words = [tuple(next(r for r, row in enumerate(t) if k in row) for k in range(5)) for t in tableaux]
    assert words == sorted(words)
    assert tableaux[0] == ((0, 1, 2), (3, 4))


@pytest.mark.parametrize("shape", [p for n in range(2, 7) for p in partitions(n)])
def test_adjacent_transpositions_satisfy_coxeter_relations(shape):
    s = adjacent_transposition_matrices(shape)
    n = sum(shape)
    identity = np.eye(s.shape[1])
    for i in range(n - 1):
        assert np.abs(s[i] @ s[i] - identity).max() < TOLERANCE
        assert np.abs(s[i] - s[i].T).max() < TOLERANCE
        assert np.count_nonzero(np.abs(s[i]) > TOLERANCE, axis=1).max() <= 2
    for i in range(n - 2):
        braid = s[i] @ s[i + 1] @ s[i] - s[i + 1] @ s[i] @ s[i + 1]
        assert np.abs(braid).max() < TOLERANCE
    for i, j in itertools.combinations(range(n - 1), 2):
        if j > i + 1:
            assert np.abs(s[i] @ s[j] - s[j] @ s[i]).max() < TOLERANCE


def test_adjacent_transpositions_trivial_group_shape():
    assert adjacent_transposition_matrices((1,)).shape == (0, 1, 1)


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5])
def test_homomorphism_on_all_pairs(n):
    elements = all_permutations(n)
    count = elements.shape[0]
    left = np.repeat(np.arange(count), count)
    right = np.tile(np.arange(count), count)
    for shape in partitions(n):
        matrices = young_matrices(shape, elements)
        products = young_matrices(shape, compose(elements[left], elements[right]))
        assert np.abs(products - matrices[left] @ matrices[right]).max() < TOLERANCE


@pytest.mark.parametrize("n", [6, 7])
def test_homomorphism_on_random_pairs(n):
    rng = np.random.default_rng(20261204 + n)
    g = np.argsort(rng.random((400, n)), axis=1)
    h = np.argsort(rng.random((400, n)), axis=1)
    for shape in partitions(n):
        product = young_matrices(shape, compose(g, h))
        assert np.abs(product - young_matrices(shape, g) @ young_matrices(shape, h)).max() < TOLERANCE


def test_homomorphism_detects_transposed_law():
    # The law is not symmetric on S_3: π(gh) differs from π(h)π(g) for some pair.
    elements = all_permutations(3)
    matrices = young_matrices((2, 1), elements)
    left = np.repeat(np.arange(6), 6)
    right = np.tile(np.arange(6), 6)
    products = young_matrices((2, 1), compose(elements[left], elements[right]))
    assert np.abs(products - matrices[right] @ matrices[left]).max() > 0.1


def test_adjacent_transposition_matches_young_matrices():
    shape = (3, 2, 1)
    transpositions = np.tile(np.arange(6), (5, 1))
    for i in range(5):
        transpositions[i, [i, i + 1]] = [i + 1, i]
    assert np.abs(young_matrices(shape, transpositions) - adjacent_transposition_matrices(shape)).max() < TOLERANCE


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 6])
def test_matrices_are_orthogonal(n):
    elements = all_permutations(n)
    for shape in partitions(n):
        matrices = young_matrices(shape, elements)
        gram = np.swapaxes(matrices, 1, 2) @ matrices
        assert np.abs(gram - np.eye(matrices.shape[1])).max() < TOLERANCE


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 6])
def test_characters_orthonormal(n):
    elements = all_permutations(n)
    characters = np.array([np.trace(young_matrices(shape, elements), axis1=1, axis2=2) for shape in partitions(n)])
    inner_products = characters @ characters.T / elements.shape[0]
    assert np.abs(np.diag(inner_products) - 1.0).max() < TOLERANCE
    assert np.abs(inner_products - np.eye(len(characters))).max() < TOLERANCE


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 6])
def test_characters_match_murnaghan_nakayama(n):
    elements = all_permutations(n)
    types = [cycle_type(g) for g in elements]
    for shape in partitions(n):
        character = np.trace(young_matrices(shape, elements), axis1=1, axis2=2)
        expected = np.array([murnaghan_nakayama(shape, t) for t in types], dtype=float)
        assert np.abs(character - expected).max() < TOLERANCE


def test_murnaghan_nakayama_oracle_known_values():
    # Character table of S_3: χ_(2,1) is 2, 0, -1 on the types 1^3, 2 1, 3.
    assert [murnaghan_nakayama((2, 1), t) for t in [(1, 1, 1), (2, 1), (3,)]] == [2, 0, -1]
    assert [murnaghan_nakayama((1, 1, 1), t) for t in [(1, 1, 1), (2, 1), (3,)]] == [1, -1, 1]


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5])
def test_trivial_and_sign_partitions(n):
    elements = all_permutations(n)
    inversions = np.array([sum(g[a] > g[b] for a, b in itertools.combinations(range(n), 2)) for g in elements])
    sign = (-1.0) ** inversions
    trivial = young_matrices((n,), elements)
    alternating = young_matrices((1,) * n, elements)
    assert np.abs(trivial[:, 0, 0] - 1.0).max() < TOLERANCE
    assert np.abs(alternating[:, 0, 0] - sign).max() < TOLERANCE
    assert partitions(n)[0] == (n,)
    assert partitions(n)[-1] == (1,) * n


def test_trivial_group():
    matrices = young_matrices((1,), np.zeros((3, 1), dtype=np.int64))
    assert matrices.shape == (3, 1, 1)
    assert np.all(matrices == 1.0)


def test_full_symmetric_group_seven_is_fast():
    import time

    elements = all_permutations(7)
    start = time.perf_counter()
    matrices = young_matrices((4, 2, 1), elements)
    elapsed = time.perf_counter() - start
    assert matrices.shape == (5040, 35, 35)
    assert elapsed < 10.0


def test_young_matrices_rejects_non_permutation():
    with pytest.raises(ValueError, match="row 1 is not a permutation"):
        young_matrices((2, 1), np.array([[0, 1, 2], [0, 0, 2]]))


def test_young_matrices_rejects_wrong_degree():
    with pytest.raises(ValueError, match=r"shape \(m, 3\)"):
        young_matrices((2, 1), np.array([[0, 1, 2, 3]]))


def test_young_matrices_rejects_float_array():
    with pytest.raises(TypeError, match="integer array"):
        young_matrices((2, 1), np.array([[0.0, 1.0, 2.0]]))


def test_young_matrices_does_not_mutate_input():
    g = np.array([[2, 0, 1], [1, 0, 2]])
    before = g.copy()
    young_matrices((2, 1), g)
    assert np.array_equal(g, before)
