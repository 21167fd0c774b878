"""Tests of the Dixon–Schneider backend on groups built from permutations.

Multiplication tables are built here from permutation generators with the
project's law ``(gh)[x] = g[h[x]]``.  Tolerance: 1e-9 on every float
comparison.  The character table comes from an eigendecomposition of an
``r × r`` matrix with relative eigenvalue gaps of at least 1e-4, so its error
is about 1e-12.  Each matrix is a product of a few tens of unitary factors
along a breadth-first tree.  The observed errors are below 1e-12 for all
groups here, up to order 2000.
"""

from __future__ import annotations

import time
from functools import lru_cache

import numpy as np
import pytest

from verify.representations.dixon import (
    IrreducibleRepresentation,
    character_table,
    class_structure_constants,
    conjugacy_classes,
    irreducible_representations,
)

TOLERANCE = 1e-9


def permutation_closure(generators: list[list[int]]) -> np.ndarray:
    """Return all products of the generators, the identity first, as rows."""
    gens = [np.asarray(g, dtype=np.int64) for g in generators]
    identity = np.arange(gens[0].size)
    index = {tuple(identity.tolist()): 0}
    elements = [identity]
    frontier = [identity]
    while frontier:
        next_frontier = []
        for p in frontier:
            for g in gens:
                q = p[g]
                key = tuple(q.tolist())
                if key not in index:
                    index[key] = len(elements)
                    elements.append(q)
                    next_frontier.append(q)
        frontier = next_frontier
    return np.array(elements)


def multiplication_table(elements: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return ``(mul, inverse)`` with ``mul[a, b]`` the index of ``elements[a][elements[b]]``."""
    count, degree = elements.shape
    base = degree ** np.arange(degree, dtype=np.int64)
    codes = elements @ base
    order = np.argsort(codes)
    products = elements[:, elements]  # products[a, b, x] = elements[a][elements[b][x]]
    mul = order[np.searchsorted(codes[order], products @ base)]
    inverse = np.argmax(mul == 0, axis=1)
    return mul, inverse


def projective_line_generators(p: int, include_scaling: bool = False) -> list[list[int]]:
    """Generators of PSL(2, p) (or PGL(2, p)) on the points 0..p-1 and ∞ = p.

    ``x ↦ x + 1`` and ``x ↦ -1/x`` are the images of the matrices
    ``[[1, 1], [0, 1]]`` and ``[[0, -1], [1, 0]]``, which generate SL(2, p);
    adding ``x ↦ a x`` for a non-square ``a`` gives PGL(2, p).
    """
    infinity = p
    shift = [(x + 1) % p for x in range(p)] + [infinity]
    invert = [infinity if x == 0 else (-pow(x, -1, p)) % p for x in range(p)] + [0]
    generators = [shift, invert]
    if include_scaling:
        non_square = next(a for a in range(2, p) if pow(a, (p - 1) // 2, p) == p - 1)
        generators.append([(non_square * x) % p for x in range(p)] + [infinity])
    return generators


GROUPS = {
    "Z6": [[1, 2, 3, 4, 5, 0]],
    "S3": [[1, 0, 2], [1, 2, 0]],
    "D5": [[1, 2, 3, 4, 0], [0, 4, 3, 2, 1]],
    # Q8 acting on itself by left multiplication: points 0..7 are
    # 1, -1, i, -i, j, -j, k, -k, and the generators are i and j.
    "Q8": [[2, 3, 1, 0, 6, 7, 5, 4], [4, 5, 7, 6, 1, 0, 2, 3]],
    "S4": [[1, 0, 2, 3], [1, 2, 3, 0]],
    "A4": [[1, 2, 0, 3], [0, 2, 3, 1]],
    "A5": [[1, 2, 0, 3, 4], [1, 2, 3, 4, 0]],
    "S5": [[1, 0, 2, 3, 4], [1, 2, 3, 4, 0]],
    "PSL(2,7)": projective_line_generators(7),
    # (0 1 2) and the 5-cycle (1 2 3 4 5) are even and generate A_6.
    "A6": [[1, 2, 0, 3, 4, 5], [0, 2, 3, 4, 5, 1]],
    "S6": [[1, 0, 2, 3, 4, 5], [1, 2, 3, 4, 5, 0]],
    "PSL(2,11)": projective_line_generators(11),
    "PGL(2,11)": projective_line_generators(11, include_scaling=True),
}

ORDERS = {
    "Z6": 6, "S3": 6, "D5": 10, "Q8": 8, "S4": 24, "A4": 12, "A5": 60, "S5": 120,
    "PSL(2,7)": 168, "A6": 360, "S6": 720, "PSL(2,11)": 660, "PGL(2,11)": 1320,
}

DEGREES = {
    "Z6": [1] * 6,
    "S3": [1, 1, 2],
    "D5": [1, 1, 2, 2],
    "Q8": [1, 1, 1, 1, 2],
    "S4": [1, 1, 2, 3, 3],
    "A4": [1, 1, 1, 3],
    "A5": [1, 3, 3, 4, 5],
    "S5": [1, 1, 4, 4, 5, 5, 6],
    "PSL(2,7)": [1, 3, 3, 6, 7, 8],
    "A6": [1, 5, 5, 8, 8, 9, 10],
    "S6": [1, 1, 5, 5, 5, 5, 9, 9, 10, 10, 16],
    "PSL(2,11)": [1, 5, 5, 10, 10, 11, 12, 12],
    "PGL(2,11)": [1, 1, 10, 10, 10, 10, 10, 11, 11, 12, 12, 12, 12],
}

SMALL = ["Z6", "S3", "D5", "Q8", "S4", "A4", "A5"]
MEDIUM = ["S5", "PSL(2,7)"]
LARGE = ["A6", "S6", "PSL(2,11)", "PGL(2,11)"]


@lru_cache(maxsize=None)
def group_table(name: str) -> tuple[np.ndarray, np.ndarray]:
    return multiplication_table(permutation_closure(GROUPS[name]))


@lru_cache(maxsize=None)
def representations_of(name: str, seed: int = 0) -> tuple[IrreducibleRepresentation, ...]:
    mul, inverse = group_table(name)
    return tuple(irreducible_representations(mul, inverse, np.random.default_rng(seed)))


def naive_classes(mul: np.ndarray, inverse: np.ndarray) -> list[frozenset[int]]:
    """Conjugacy classes by a loop over every element and conjugator."""
    classes = []
    seen = set()
    for x in range(mul.shape[0]):
        if x in seen:
            continue
        members = frozenset(int(mul[mul[g, x], inverse[g]]) for g in range(mul.shape[0]))
        seen |= members
        classes.append(members)
    return classes


def check_representations(name: str, pair_count: int | None) -> None:
    mul, inverse = group_table(name)
    n = mul.shape[0]
    representations = representations_of(name)
    rng = np.random.default_rng(7)
    if pair_count is None:
        left = np.repeat(np.arange(n), n)
        right = np.tile(np.arange(n), n)
    else:
        left = rng.integers(0, n, pair_count)
        right = rng.integers(0, n, pair_count)
    for rep in representations:
        matrices = rep.matrices
        assert matrices.shape == (n, rep.degree, rep.degree)
        homomorphism_error = np.abs(matrices[mul[left, right]] - matrices[left] @ matrices[right]).max()
        assert homomorphism_error < TOLERANCE, rep.label
        gram = np.conj(np.swapaxes(matrices, 1, 2)) @ matrices
        assert np.abs(gram - np.eye(rep.degree)).max() < TOLERANCE, rep.label
        trace = np.trace(matrices, axis1=1, axis2=2)
        assert np.abs(trace - rep.character).max() < TOLERANCE, rep.label


@pytest.mark.parametrize("name", SMALL + MEDIUM)
def test_group_orders(name):
    mul, _ = group_table(name)
    assert mul.shape[0] == ORDERS[name]


@pytest.mark.parametrize("name", SMALL)
def test_representations_on_all_pairs(name):
    check_representations(name, pair_count=None)


@pytest.mark.parametrize("name", MEDIUM)
def test_representations_on_random_pairs(name):
    check_representations(name, pair_count=3000)


@pytest.mark.parametrize("name", SMALL + MEDIUM)
def test_degrees_known_values(name):
    degrees = [rep.degree for rep in representations_of(name)]
    assert sorted(degrees) == DEGREES[name]
    assert sum(d * d for d in degrees) == ORDERS[name]


@pytest.mark.parametrize("name", SMALL + MEDIUM)
def test_characters_orthonormal(name):
    mul, _ = group_table(name)
    characters = np.array([rep.character for rep in representations_of(name)])
    inner_products = characters @ characters.conj().T / mul.shape[0]
    assert np.abs(np.diag(inner_products) - 1.0).max() < TOLERANCE
    assert np.abs(inner_products - np.eye(len(characters))).max() < TOLERANCE


@pytest.mark.parametrize("name", SMALL + MEDIUM)
def test_order_trivial_first_then_degree(name):
    representations = representations_of(name)
    assert np.abs(representations[0].character - 1.0).max() < TOLERANCE
    degrees = [rep.degree for rep in representations]
    assert degrees == sorted(degrees)
    assert [rep.label for rep in representations] == [
        f"chi{i} (degree {rep.degree})" for i, rep in enumerate(representations)
    ]


@pytest.mark.parametrize("name", ["S4", "Q8", "A5"])
def test_order_and_characters_stable_across_seeds(name):
    first = representations_of(name, seed=0)
    second = representations_of(name, seed=12345)
    assert len(first) == len(second)
    for a, b in zip(first, second):
        assert a.degree == b.degree
        assert np.abs(a.character - b.character).max() < TOLERANCE


def test_same_seed_same_matrices():
    mul, inverse = group_table("S4")
    first = irreducible_representations(mul, inverse, np.random.default_rng(3))
    second = irreducible_representations(mul, inverse, np.random.default_rng(3))
    for a, b in zip(first, second):
        assert np.array_equal(a.matrices, b.matrices)


@pytest.mark.parametrize("name", SMALL + MEDIUM)
def test_conjugacy_classes_match_naive(name):
    mul, inverse = group_table(name)
    class_of, sizes = conjugacy_classes(mul, inverse)
    expected = naive_classes(mul, inverse)
    computed = [frozenset(np.flatnonzero(class_of == k).tolist()) for k in range(sizes.size)]
    assert computed == expected
    assert class_of[0] == 0
    assert sizes[0] == 1
    assert np.array_equal(sizes, np.bincount(class_of))


@pytest.mark.parametrize("name", ["S3", "Q8", "A4", "S4"])
def test_structure_constants_match_naive(name):
    mul, inverse = group_table(name)
    class_of, sizes = conjugacy_classes(mul, inverse)
    constants = class_structure_constants(mul, inverse)
    r = sizes.size
    for k in range(r):
        z = int(np.flatnonzero(class_of == k)[0])
        expected = np.zeros((r, r), dtype=np.int64)
        for x in range(mul.shape[0]):
            for y in range(mul.shape[0]):
                if mul[x, y] == z:
                    expected[class_of[x], class_of[y]] += 1
        assert np.array_equal(constants[:, :, k], expected)


def test_character_table_rows_match_representations():
    mul, inverse = group_table("PSL(2,7)")
    class_of, _, table = character_table(mul, inverse, np.random.default_rng(5))
    for row, rep in zip(table, representations_of("PSL(2,7)")):
        assert np.abs(row[class_of] - rep.character).max() < TOLERANCE


def test_quaternion_two_dimensional_is_not_real():
    # The Frobenius–Schur indicator (1/N) Σ χ(g²) is -1 for the degree-2
    # representation of Q8, which separates it from the one of D4.
    mul, _ = group_table("Q8")
    rep = representations_of("Q8")[-1]
    squares = mul[np.arange(8), np.arange(8)]
    assert rep.degree == 2
    assert abs(rep.character[squares].mean() - (-1.0)) < TOLERANCE


def test_generators_argument_accepted():
    mul, inverse = group_table("S4")
    elements = permutation_closure(GROUPS["S4"])
    codes = {tuple(e.tolist()): i for i, e in enumerate(elements)}
    generators = [codes[tuple(g)] for g in GROUPS["S4"]]
    representations = irreducible_representations(mul, inverse, np.random.default_rng(0), generators=generators)
    matrices = representations[-1].matrices
    assert np.abs(matrices[mul] - matrices[:, None] @ matrices[None, :]).max() < TOLERANCE


def test_trivial_group():
    representations = irreducible_representations(
        np.zeros((1, 1), dtype=int), np.zeros(1, dtype=int), np.random.default_rng(0)
    )
    assert len(representations) == 1
    assert representations[0].matrices.shape == (1, 1, 1)
    assert representations[0].label == "chi0 (degree 1)"


def test_trivial_group_empty_generators():
    representations = irreducible_representations(
        np.zeros((1, 1), dtype=int), np.zeros(1, dtype=int), np.random.default_rng(0), generators=[]
    )
    assert representations[0].matrices.shape == (1, 1, 1)


def test_rejects_non_generating_set():
    mul, inverse = group_table("S3")
    with pytest.raises(ValueError, match="do not generate the group of order 6"):
        irreducible_representations(mul, inverse, np.random.default_rng(0), generators=[0])


def test_rejects_wrong_inverse():
    mul, _ = group_table("S3")
    with pytest.raises(ValueError, match="is not an inverse"):
        conjugacy_classes(mul, np.arange(6))


def test_rejects_non_latin_square():
    mul, inverse = group_table("S3")
    broken = mul.copy()
    broken[1, 1] = broken[1, 2]
    with pytest.raises(ValueError, match="Latin square"):
        conjugacy_classes(broken, inverse)


def test_rejects_float_table():
    with pytest.raises(TypeError, match="mul must be an integer array"):
        conjugacy_classes(np.zeros((2, 2)), np.zeros(2, dtype=int))


def test_rejects_seed_instead_of_generator():
    mul, inverse = group_table("S3")
    with pytest.raises(TypeError, match="numpy.random.Generator"):
        irreducible_representations(mul, inverse, 0)


def test_rejects_non_associative_table():
    # A Latin square with identity 0 and inverses that is not a group:
    # the loop of order 5 below has no associative law.
    mul = np.array(
        [
            [0, 1, 2, 3, 4],
            [1, 0, 3, 4, 2],
            [2, 4, 0, 1, 3],
            [3, 2, 4, 0, 1],
            [4, 3, 1, 2, 0],
        ]
    )
    inverse = np.arange(5)
    with pytest.raises(RuntimeError, match="may not be associative"):
        irreducible_representations(mul, inverse, np.random.default_rng(0))


@pytest.mark.slow
@pytest.mark.parametrize("name", LARGE)
def test_large_groups(name):
    mul, inverse = group_table(name)
    assert mul.shape[0] == ORDERS[name]
    start = time.perf_counter()
    representations = representations_of(name)
    elapsed = time.perf_counter() - start
    assert sorted(rep.degree for rep in representations) == DEGREES[name]
    check_representations(name, pair_count=3000)
    characters = np.array([rep.character for rep in representations])
    inner_products = characters @ characters.conj().T / mul.shape[0]
    assert np.abs(inner_products - np.eye(len(characters))).max() < TOLERANCE
    assert elapsed < 60.0


def cyclic_product_generators(first: int, second: int) -> list[list[int]]:
    """Generators of Z_first × Z_second acting on first + second points."""
    shift_first = [(x + 1) % first for x in range(first)] + list(range(first, first + second))
    shift_second = list(range(first)) + [first + (x + 1) % second for x in range(second)]
    return [shift_first, shift_second]


@pytest.mark.parametrize("first, second", [(4, 50)])
def test_abelian_group_all_characters(first, second):
    mul, inverse = multiplication_table(permutation_closure(cyclic_product_generators(first, second)))
    n = first * second
    representations = irreducible_representations(mul, inverse, np.random.default_rng(0))
    assert len(representations) == n
    characters = np.array([rep.character for rep in representations])
    assert np.abs(np.abs(characters) - 1.0).max() < TOLERANCE
    assert np.abs(characters[:, mul] - characters[:, :, None] * characters[:, None, :]).max() < TOLERANCE
    inner_products = characters @ characters.conj().T / n
    assert np.abs(inner_products - np.eye(n)).max() < TOLERANCE


@pytest.mark.slow
def test_abelian_group_of_order_2000():
    mul, inverse = multiplication_table(permutation_closure(cyclic_product_generators(16, 125)))
    representations = irreducible_representations(mul, inverse, np.random.default_rng(0))
    characters = np.array([rep.character for rep in representations])
    inner_products = characters @ characters.conj().T / 2000
    assert np.abs(inner_products - np.eye(2000)).max() < TOLERANCE
