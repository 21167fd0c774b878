"""Tests of ``verify.classes.parse_class``: spectra, multiplicities and ``D(F)``.

Multiplicities of the action class come from the plain definition
``(1/N) sum_g fix(g) conj(chi(g))`` over every element, with fixed points
counted from an independent description of each action.  Band spectra come
from a loop over character coordinates, and orbit counts from a union-find
over the generators' images.
"""

from __future__ import annotations

import numpy as np
import pytest
from sympy.combinatorics.named_groups import RubikGroup

from engine_oracles import count_orbits
from verify.classes import action_permutations, parse_class
from verify.errors import SpecError, UsageError
from verify.groups import parse_group

M11 = "perm:(0 1 2 3 4 5 6 7 8 9 10);(2 6 10 7)(3 9 4 5)"

BACKEND_GROUPS = [
    "cyclic:12",
    "abelian:2x6",
    "hypercube:3",
    "dihedral:1",
    "dihedral:5",
    "dihedral:6",
    "quaternion",
    "symmetric:3",
    "symmetric:4",
    "symmetric:5",
    "alternating:4",
    "alternating:5",
    "perm:(0 1 2 3 4);(1 2 4 3)",
    "perm:(0 1 2)(3 4);(0 3)",
]


def fixed_point_counts(group) -> np.ndarray:
    """Return ``fix(g)`` for every element, without the engine's action code."""
    elements = group.elements()
    if group.family in ("symmetric", "alternating", "perm"):
        return (group.permutations == np.arange(group.degree)).sum(axis=1)
    if group.family == "dihedral":
        counts = []
        for element in elements:
            a, b = (int(x) for x in group.split(element))
            counts.append(sum(1 for x in range(group.n) if ((-1) ** b * x + a) % group.n == x))
        return np.array(counts)
    # The regular action of abelian and quaternion groups fixes points only for the identity.
    return np.where(elements == 0, group.order, 0)


# -- regular ----------------------------------------------------------------------


@pytest.mark.parametrize("spec", BACKEND_GROUPS)
def test_regular_degree_sum(spec):
    group = parse_group(spec)
    function_class = parse_class("regular", group)
    degrees = group.irreducible_backend.degrees
    assert function_class.kind == "regular"
    assert function_class.spectrum_degree_sum == int(degrees[1:].sum())
    assert not function_class.spectrum_degree_sum_is_bound
    assert function_class.spectrally_complete is True
    assert function_class.dimension == group.order
    assert function_class.spectrum == tuple(range(1, len(degrees)))
    assert function_class.multiplicities == {index: int(d) for index, d in enumerate(degrees)}


@pytest.mark.parametrize("spec", ["cyclic:12", "abelian:2x6", "hypercube:3", "cyclic:360", "hypercube:8"])
def test_regular_abelian_degree_sum_is_order_minus_one(spec):
    group = parse_group(spec)
    assert parse_class("regular", group).spectrum_degree_sum == group.order - 1


def test_regular_without_backend_is_bound():
    group = parse_group("rubik:2")
    function_class = parse_class("regular", group)
    assert function_class.multiplicities is None
    assert function_class.spectrum is None
    assert function_class.spectrum_degree_sum == 3_674_159
    assert function_class.spectrum_degree_sum_is_bound
    assert function_class.spectrally_complete is True


# -- action -----------------------------------------------------------------------


@pytest.mark.parametrize("spec", BACKEND_GROUPS)
def test_action_multiplicities_match_definition(spec):
    group = parse_group(spec)
    backend = group.irreducible_backend
    fixed = fixed_point_counts(group)
    expected = {}
    for irrep in backend.irreps:
        inner = np.sum(fixed * np.conj(backend.characters(irrep.index, group.elements()))) / group.order
        assert abs(inner - round(inner.real)) < 1e-9
        if round(inner.real):
            expected[irrep.index] = int(round(inner.real))
    function_class = parse_class("action", group)
    assert function_class.multiplicities == expected
    assert sum(count * int(backend.degrees[index]) for index, count in expected.items()) == function_class.dimension
    spectrum = [index for index in expected if index != 0]
    assert function_class.spectrum_degree_sum == int(sum(backend.degrees[spectrum]))
    assert function_class.spectrally_complete == (len(spectrum) == len(backend.irreps) - 1)


@pytest.mark.parametrize("spec", BACKEND_GROUPS)
def test_action_permutations_are_homomorphic(spec):
    group = parse_group(spec)
    images = action_permutations(group, group.elements())
    assert np.array_equal(fixed_point_counts(group), (images == np.arange(images.shape[1])).sum(axis=1))
    rng = np.random.default_rng(0)
    a, b = group.random_elements(50, rng), group.random_elements(50, rng)
    product_images = action_permutations(group, group.multiply(a, b))
    assert np.array_equal(product_images, np.take_along_axis(images[a], images[b], axis=1))


@pytest.mark.parametrize("n", range(2, 7))
def test_symmetric_action_is_trivial_plus_standard(n):
    group = parse_group(f"symmetric:{n}")
    backend = group.irreducible_backend
    standard = backend.partitions.index((n - 1, 1))
    function_class = parse_class("action", group)
    assert function_class.multiplicities == {0: 1, standard: 1}
    assert function_class.spectrum_degree_sum == n - 1
    assert function_class.orbit_count == 1


def test_m11_action_without_backend():
    group = parse_group(M11)
    function_class = parse_class("action", group)
    assert group.irreducible_backend is None
    assert function_class.multiplicities is None
    assert function_class.spectrum is None
    assert function_class.dimension == 11
    assert function_class.spectrum_degree_sum == 10
    assert function_class.spectrum_degree_sum_is_bound is True
    # 11 < sqrt(7920) ~ 89, too small for a spectrally complete class.
    assert function_class.spectrally_complete is False
    assert function_class.orbit_count == 1


@pytest.mark.parametrize("spec, cube", [("rubik:2", 2), ("rubik:3", 3)])
def test_rubik_action_bound(spec, cube):
    group = parse_group(spec)
    generators = [g.array_form for g in RubikGroup(cube).generators]
    orbits = count_orbits(group.degree, generators)
    function_class = parse_class("action", group)
    assert function_class.dimension == group.degree == 6 * cube * cube
    assert function_class.orbit_count == orbits
    assert function_class.spectrum_degree_sum == group.degree - orbits
    assert function_class.spectrum_degree_sum_is_bound is True
    assert function_class.spectrally_complete is False


def test_rubik_action_permutations_of_samples():
    group = parse_group("rubik:3")
    function_class = parse_class("action", group)
    samples = group.random_elements(3, np.random.default_rng(0))
    assert np.array_equal(function_class.action_permutations(samples), samples)


def test_action_permutations_rejected_for_other_kinds():
    function_class = parse_class("regular", parse_group("cyclic:5"))
    with pytest.raises(UsageError, match="not an action class"):
        function_class.action_permutations([0])


# -- band -----------------------------------------------------------------------


def naive_band(group, bandwidth):
    """Return the nonzero character indices with every centered coordinate in [-K, K]."""
    selected = []
    for t in range(1, group.order):
        centered = [c if c <= n // 2 else c - n for c, n in zip(group.coordinates(t), group.moduli)]
        if max(abs(c) for c in centered) <= bandwidth:
            selected.append(t)
    return tuple(selected)


@pytest.mark.parametrize("bandwidth", [1, 2, 3])
def test_band_on_cyclic_7(bandwidth):
    group = parse_group("cyclic:7")
    function_class = parse_class(f"band:{bandwidth}", group)
    assert function_class.spectrum_degree_sum == 2 * bandwidth
    assert function_class.spectrum == tuple(sorted([*range(1, bandwidth + 1), *range(7 - bandwidth, 7)]))
    assert function_class.spectrally_complete == (bandwidth == 3)


def test_band_above_half_is_everything():
    group = parse_group("cyclic:7")
    assert parse_class("band:9", group).spectrum == tuple(range(1, 7))


def test_band_6_on_cyclic_12_equals_regular():
    group = parse_group("cyclic:12")
    band = parse_class("band:6", group)
    regular = parse_class("regular", group)
    assert band.spectrum == regular.spectrum
    assert band.spectrum_degree_sum == regular.spectrum_degree_sum == 11
    assert band.spectrally_complete is True
    assert parse_class("band:5", group).spectrum_degree_sum == 10


def test_band_1_on_hypercube_is_all_nontrivial():
    group = parse_group("hypercube:3")
    function_class = parse_class("band:1", group)
    assert function_class.spectrum == tuple(range(1, 8))
    assert function_class.spectrally_complete is True


@pytest.mark.parametrize("spec", ["cyclic:12", "abelian:3x4", "abelian:5x6", "cyclic:9"])
@pytest.mark.parametrize("bandwidth", [1, 2, 3])
def test_band_matches_naive(spec, bandwidth):
    group = parse_group(spec)
    function_class = parse_class(f"band:{bandwidth}", group)
    expected = naive_band(group, bandwidth)
    assert function_class.spectrum == expected
    assert function_class.dimension == len(expected)
    assert function_class.spectrum_degree_sum == len(expected)


@pytest.mark.parametrize("spec", ["dihedral:5", "symmetric:4", "quaternion"])
def test_band_rejected_on_non_abelian(spec):
    with pytest.raises(SpecError, match="needs an abelian group"):
        parse_class("band:2", parse_group(spec))


@pytest.mark.parametrize("spec", ["band:0", "band:x", "band:"])
def test_band_needs_positive_integer(spec):
    with pytest.raises(SpecError, match="band:K needs"):
        parse_class(spec, parse_group("cyclic:7"))


# -- irreps --------------------------------------------------------------------


def test_irreps_repeats_add_multiplicity():
    group = parse_group("symmetric:4")
    function_class = parse_class("irreps:1,1,3", group)
    assert function_class.multiplicities == {1: 2, 3: 1}
    assert function_class.dimension == 2 * 3 + 3
    assert function_class.spectrum == (1, 3)
    assert function_class.spectrum_degree_sum == 6
    assert function_class.spectrally_complete is False


def test_irreps_all_is_complete():
    group = parse_group("dihedral:5")
    function_class = parse_class("irreps:0,1,2,3", group)
    assert function_class.spectrally_complete is True
    assert function_class.spectrum_degree_sum == 1 + 2 + 2


def test_irreps_trivial_only_has_empty_spectrum():
    function_class = parse_class("irreps:0", parse_group("quaternion"))
    assert function_class.spectrum == ()
    assert function_class.spectrum_degree_sum == 0


def test_irreps_out_of_range_message():
    with pytest.raises(SpecError, match=r"index 9 is out of range; 'symmetric:4' has 5 irreducibles, indices 0\.\.4"):
        parse_class("irreps:1,9", parse_group("symmetric:4"))


@pytest.mark.parametrize("spec", ["irreps:", "irreps:a", "irreps:1,,2", "irreps:-1"])
def test_irreps_malformed_rejected(spec):
    with pytest.raises(SpecError, match="comma-separated 0-based indices"):
        parse_class(spec, parse_group("symmetric:4"))


def test_irreps_without_backend_rejected():
    with pytest.raises(SpecError, match="no backend lists them"):
        parse_class("irreps:1", parse_group(M11))


@pytest.mark.parametrize("spec", ["bogus", "action:3", "regular:1", ""])
def test_unknown_class_lists_forms(spec):
    with pytest.raises(SpecError, match=r"Valid forms: regular, action, band:K, irreps:I,J,\.\.\., poly:k"):
        parse_class(spec, parse_group("cyclic:5"))
