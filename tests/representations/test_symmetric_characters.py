"""Murnaghan-Nakayama characters against traces of Young's orthogonal form."""

import math

import numpy as np
import pytest

from verify.representations.symmetric_characters import cycle_type, symmetric_character
from verify.representations.young import hook_length_degree, partitions, young_matrices


def _representative(cycle_lengths):
    image = np.arange(sum(cycle_lengths))
    start = 0
    for length in cycle_lengths:
        image[start : start + length] = np.roll(np.arange(start, start + length), -1)
        start += length
    return image


@pytest.mark.parametrize("n", range(1, 7))
def test_characters_match_young_traces(n):
    for shape in partitions(n):
        for cycle_lengths in partitions(n):
            trace = np.trace(young_matrices(shape, _representative(cycle_lengths)[None, :])[0])
            assert symmetric_character(shape, cycle_lengths) == pytest.approx(trace, abs=1e-9)


@pytest.mark.parametrize("n", range(1, 9))
def test_identity_value_is_hook_degree(n):
    for shape in partitions(n):
        assert symmetric_character(shape, (1,) * n) == hook_length_degree(shape)


@pytest.mark.parametrize("n", range(2, 9))
def test_column_orthogonality_at_transposition(n):
    # sum over lambda of chi(e) chi(transposition) = 0 (column orthogonality, distinct classes).
    transposition = (2,) + (1,) * (n - 2)
    total = sum(symmetric_character(shape, (1,) * n) * symmetric_character(shape, transposition) for shape in partitions(n))
    assert total == 0


def test_sum_of_squares_is_centralizer_order():
    n = 7
    for cycle_lengths in partitions(n):
        centralizer = 1
        for length in set(cycle_lengths):
            count = cycle_lengths.count(length)
            centralizer *= length**count * math.factorial(count)
        assert sum(symmetric_character(shape, cycle_lengths) ** 2 for shape in partitions(n)) == centralizer


def test_cycle_type_of_permutation():
    assert cycle_type([1, 2, 0, 4, 3, 5]) == (3, 2, 1)
    assert cycle_type([0]) == (1,)
