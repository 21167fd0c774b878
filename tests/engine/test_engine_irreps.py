"""Tests of the irreducible backends against the defining properties of irreducibles.

For every backend: ``pi(g h) = pi(g) pi(h)`` on all pairs (or random pairs),
unitarity, ``sum d^2 = N``, ``<chi, chi> = 1`` and ``<chi_i, chi_j> = 0``
for ``i != j`` (averages over all elements, not over the backend's
conjugacy classes), and index 0 trivial.  Reference degrees come from the
hook length formula, the closed form of the dihedral irreducibles and the
involution counts of ``S_n`` (the sum of the degrees of ``S_n`` equals the
number of its involutions, identity included).

Tolerance: 1e-9 absolute on entries of products of at most a few dozen
unitary matrices of degree at most 6, whose float64 errors stay near 1e-14.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from verify.groups import parse_group
from verify.representations.abelian import CharacterBackend

TOLERANCE = 1e-9

#: PSL(2, 7) of order 168 on the 7 points of the Fano plane; its decomposition takes seconds.
PSL_2_7 = "perm:(0 1 2 3 4 5 6);(1 2 4)(3 6 5);(0 6)(1 3)"

BACKEND_GROUPS = [
    "cyclic:1",
    "cyclic:12",
    "abelian:2x6",
    "hypercube:3",
    "dihedral:1",
    "dihedral:2",
    "dihedral:5",
    "dihedral:6",
    "quaternion",
    "symmetric:1",
    "symmetric:3",
    "symmetric:4",
    "symmetric:5",
    "alternating:4",
    "alternating:5",
    "perm:(0 1 2 3 4);(0 1)(2 3)",
    "perm:(0 1 2 3 4);(1 2 4 3)",
    "perm:(0 1 2 3 4 5 6);(1 2 4)(3 6 5)",
    "perm:(0 1)(2 3);(0 2)(1 3);(4 5)",
    "perm:(0 1 2 3 4 5);(0 1)(2 3)",
    pytest.param(PSL_2_7, marks=pytest.mark.slow),
]

EXPECTED_BACKEND = {
    "cyclic:12": "characters (FFT)",
    "hypercube:3": "characters (FFT)",
    "dihedral:5": "dihedral closed form",
    "quaternion": "quaternion closed form",
    "symmetric:4": "Young's orthogonal form",
    "alternating:4": "regular-representation decomposition",
    "perm:(0 1 2 3 4);(1 2 4 3)": "regular-representation decomposition",
}


def all_matrices(backend, index):
    return backend.matrices(index, backend.group.elements())


@pytest.mark.parametrize("spec, name", sorted(EXPECTED_BACKEND.items()))
def test_backend_choice(spec, name):
    assert parse_group(spec).irreducible_backend.name == name


def test_no_backend_for_large_groups():
    assert parse_group("perm:(0 1 2 3 4 5 6 7 8 9 10);(2 6 10 7)(3 9 4 5)").irreducible_backend is None
    assert parse_group("rubik:2").irreducible_backend is None


@pytest.mark.parametrize("spec", BACKEND_GROUPS)
def test_homomorphism_on_all_pairs(spec):
    group = parse_group(spec)
    backend = group.irreducible_backend
    table = group.multiplication_table
    for irrep in backend.irreps:
        matrices = all_matrices(backend, irrep.index)
        assert matrices.shape == (group.order, irrep.degree, irrep.degree)
        products = np.einsum("aij,bjk->abik", matrices, matrices)
        assert np.abs(products - matrices[table]).max() < TOLERANCE, irrep


@pytest.mark.parametrize("spec", BACKEND_GROUPS)
def test_matrices_are_unitary(spec):
    backend = parse_group(spec).irreducible_backend
    for irrep in backend.irreps:
        matrices = all_matrices(backend, irrep.index)
        gram = np.conj(np.swapaxes(matrices, -1, -2)) @ matrices
        assert np.abs(gram - np.eye(irrep.degree)).max() < TOLERANCE, irrep


@pytest.mark.parametrize("spec", BACKEND_GROUPS)
def test_degree_squares_sum_to_order(spec):
    group = parse_group(spec)
    degrees = group.irreducible_backend.degrees
    assert int((degrees**2).sum()) == group.order


@pytest.mark.parametrize("spec", BACKEND_GROUPS)
def test_characters_are_orthonormal(spec):
    # <chi_i, chi_j> = (1/N) sum_g chi_i(g) conj(chi_j(g)) over every element.
    group = parse_group(spec)
    backend = group.irreducible_backend
    characters = np.array([np.trace(all_matrices(backend, irrep.index), axis1=1, axis2=2) for irrep in backend.irreps])
    gram = characters @ np.conj(characters.T) / group.order
    assert np.abs(np.diag(gram) - 1).max() < TOLERANCE
    assert np.abs(gram - np.eye(len(backend.irreps))).max() < TOLERANCE


@pytest.mark.parametrize("spec", BACKEND_GROUPS)
def test_characters_method_is_trace(spec):
    group = parse_group(spec)
    backend = group.irreducible_backend
    for irrep in backend.irreps:
        traces = np.trace(all_matrices(backend, irrep.index), axis1=1, axis2=2)
        assert np.abs(backend.characters(irrep.index, group.elements()) - traces).max() < TOLERANCE


@pytest.mark.parametrize("spec", BACKEND_GROUPS)
def test_index_zero_is_trivial(spec):
    group = parse_group(spec)
    backend = group.irreducible_backend
    assert backend.irreps[0].index == 0
    assert backend.irreps[0].degree == 1
    assert np.abs(all_matrices(backend, 0) - 1).max() < TOLERANCE
    assert [irrep.index for irrep in backend.irreps] == list(range(len(backend.irreps)))


@pytest.mark.parametrize("spec", BACKEND_GROUPS)
def test_class_representatives_cover_group(spec):
    # Class sums of every character equal the sums over all elements.
    group = parse_group(spec)
    backend = group.irreducible_backend
    representatives, sizes = backend.class_representatives()
    assert int(np.sum(sizes)) == group.order
    for irrep in backend.irreps:
        by_class = np.sum(np.asarray(sizes, dtype=float) * backend.characters(irrep.index, representatives))
        by_element = backend.characters(irrep.index, group.elements()).sum()
        assert abs(by_class - by_element) < TOLERANCE * group.order


def test_symmetric_class_count_is_partition_count():
    # S_n has p(n) conjugacy classes: 1, 2, 3, 5, 7 for n = 1..5.
    for n, count in zip(range(1, 6), [1, 2, 3, 5, 7]):
        backend = parse_group(f"symmetric:{n}").irreducible_backend
        assert len(backend.irreps) == count
        assert len(backend.class_representatives()[0]) == count


# -- reference degrees -------------------------------------------------------------


def test_symmetric_4_degrees():
    assert sorted(parse_group("symmetric:4").irreducible_backend.degrees.tolist()) == [1, 1, 2, 3, 3]


def test_symmetric_5_degrees():
    assert sorted(parse_group("symmetric:5").irreducible_backend.degrees.tolist()) == [1, 1, 4, 4, 5, 5, 6]


def test_alternating_5_degrees():
    assert sorted(parse_group("alternating:5").irreducible_backend.degrees.tolist()) == [1, 3, 3, 4, 5]


@pytest.mark.parametrize(
    "spec, degrees",
    [
        # The Frobenius group of order 21: three linear characters and two of degree 3.
        ("perm:(0 1 2 3 4 5 6);(1 2 4)(3 6 5)", [1, 1, 1, 3, 3]),
        # Z_2^3 as permutations: eight linear characters.
        ("perm:(0 1)(2 3);(0 2)(1 3);(4 5)", [1] * 8),
        # PGL(2, 5) on the projective line is isomorphic to S_5.
        ("perm:(0 1 2 3 4 5);(0 1)(2 3)", [1, 1, 4, 4, 5, 5, 6]),
        pytest.param(PSL_2_7, [1, 3, 3, 6, 7, 8], marks=pytest.mark.slow),
    ],
)
def test_dixon_reference_degrees(spec, degrees):
    assert sorted(parse_group(spec).irreducible_backend.degrees.tolist()) == degrees


def test_frobenius_group_degrees():
    # The affine group of Z_5 (order 20): four characters of degree 1 and one of degree 4.
    degrees = parse_group("perm:(0 1 2 3 4);(1 2 4 3)").irreducible_backend.degrees
    assert sorted(degrees.tolist()) == [1, 1, 1, 1, 4]


@pytest.mark.parametrize("n", range(1, 10))
def test_dihedral_degrees(n):
    degrees = sorted(parse_group(f"dihedral:{n}").irreducible_backend.degrees.tolist())
    if n % 2:
        expected = [1] * 2 + [2] * ((n - 1) // 2)
    else:
        expected = [1] * 4 + [2] * (n // 2 - 1)
    assert degrees == expected


@pytest.mark.parametrize("n, involutions", list(zip(range(1, 8), [1, 2, 4, 10, 26, 76, 232])))
def test_symmetric_degree_sum_counts_involutions(n, involutions):
    degrees = parse_group(f"symmetric:{n}").irreducible_backend.degrees
    assert int(degrees.sum()) == involutions


@pytest.mark.parametrize("n", range(1, 6))
def test_involution_count_by_enumeration(n):
    # Independent count of g with g^2 = 1 on the enumerated group.
    group = parse_group(f"symmetric:{n}")
    elements = group.elements()
    count = int(np.sum(group.multiply(elements, elements) == 0))
    assert count == int(group.irreducible_backend.degrees.sum())


@pytest.mark.parametrize("spec", ["symmetric:6", "symmetric:7"])
def test_young_homomorphism_on_random_pairs(spec):
    group = parse_group(spec)
    backend = group.irreducible_backend
    rng = np.random.default_rng(5)
    a = group.random_elements(40, rng)
    b = group.random_elements(40, rng)
    for irrep in backend.irreps:
        left = backend.matrices(irrep.index, group.multiply(a, b))
        right = backend.matrices(irrep.index, a) @ backend.matrices(irrep.index, b)
        assert np.abs(left - right).max() < TOLERANCE, irrep


def test_quaternion_irreps_closed_form():
    group = parse_group("quaternion")
    backend = group.irreducible_backend
    assert backend.degrees.tolist() == [1, 1, 1, 1, 2]
    minus_one = group.parse_element("-1")
    # -1 is central of order 2: it is 1 in every linear character and -I in the degree-2 one.
    for index in range(4):
        assert abs(backend.characters(index, [minus_one])[0] - 1) < TOLERANCE
    assert abs(backend.characters(4, [minus_one])[0] + 2) < TOLERANCE


# -- abelian characters -------------------------------------------------------------


def naive_transform(group, t, elements, weights):
    """Return ``sum_g w(g) exp(2 pi i sum_j t_j g_j / n_j)`` by a plain loop."""
    total = 0j
    frequency = group.coordinates(t)
    for element, weight in zip(elements, weights):
        point = group.coordinates(element)
        phase = sum(int(f) * int(x) / n for f, x, n in zip(frequency, point, group.moduli))
        total += weight * np.exp(2j * np.pi * phase)
    return total


@pytest.mark.parametrize("spec", ["cyclic:12", "abelian:2x6", "hypercube:3", "abelian:3x4x5"])
def test_character_values_match_formula(spec):
    group = parse_group(spec)
    backend = group.irreducible_backend
    for t in range(group.order):
        for g in range(group.order):
            expected = naive_transform(group, t, [g], [1.0])
            assert abs(backend.characters(t, [g])[0] - expected) < TOLERANCE


@pytest.mark.parametrize("spec", ["cyclic:12", "abelian:2x6", "hypercube:3", "abelian:3x4x5"])
def test_fourier_transforms_both_paths(spec):
    group = parse_group(spec)
    backend = group.irreducible_backend
    assert isinstance(backend, CharacterBackend)
    rng = np.random.default_rng(11)

    # Small support and two characters: direct sum (cost 2 * 3 <= N log N).
    small_elements = rng.choice(group.order, size=3, replace=False)
    small_weights = rng.normal(size=3)
    small_indices = [1, group.order - 1]
    direct = backend.fourier_transforms(small_indices, small_elements, small_weights)
    for t, matrix in zip(small_indices, direct):
        assert matrix.shape == (1, 1)
        assert abs(matrix[0, 0] - naive_transform(group, t, small_elements, small_weights)) < TOLERANCE

    # Full support and every character: one inverse FFT (cost N^2 > N log N).
    full_weights = rng.normal(size=group.order)
    indices = list(range(group.order))
    fft = backend.fourier_transforms(indices, group.elements(), full_weights)
    for t, matrix in zip(indices, fft):
        assert abs(matrix[0, 0] - naive_transform(group, t, group.elements(), full_weights)) < TOLERANCE
    everything = backend.fourier_all(group.elements(), full_weights)
    assert np.abs(everything - np.array([m[0, 0] for m in fft])).max() < TOLERANCE


def test_fourier_paths_agree_with_each_other():
    group = parse_group("cyclic:360")
    backend = group.irreducible_backend
    rng = np.random.default_rng(2)
    elements = rng.choice(360, size=50, replace=False)
    weights = rng.dirichlet(np.ones(50))
    few = backend.fourier_transforms([7], elements, weights)[0][0, 0]
    many = backend.fourier_transforms(np.arange(360), elements, weights)[7][0, 0]
    assert abs(few - many) < TOLERANCE
    assert abs(few - naive_transform(group, 7, elements, weights)) < TOLERANCE


@pytest.mark.parametrize("spec", ["cyclic:12", "abelian:2x6"])
def test_character_orders_by_enumeration(spec):
    # The order of chi_t is the least m with chi_t^m = 1 on every element.
    group = parse_group(spec)
    backend = group.irreducible_backend
    for t in range(group.order):
        values = backend.characters(t, group.elements())
        order = next(m for m in itertools.count(1) if np.abs(values**m - 1).max() < TOLERANCE)
        assert backend.character_orders([t])[0] == order
