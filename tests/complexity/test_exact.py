"""Exact averaging complexity against reference values and a brute-force oracle."""

from itertools import combinations

import numpy as np
import pytest

from verify.classes import parse_class
from verify.complexity.exact import minimum_exact_size
from verify.errors import UsageError
from verify.groups import parse_group


def _class(group_spec, class_spec):
    return parse_class(class_spec, parse_group(group_spec))


@pytest.mark.parametrize("bandwidth, expected", [(1, 3), (2, 5), (3, 7)])
@pytest.mark.parametrize("family", ["signed", "nonnegative"])
def test_cyclic_seven_reference(bandwidth, expected, family):
    result = minimum_exact_size(_class("cyclic:7", f"band:{bandwidth}"), family)
    assert result.value == expected
    assert result.scheme.size == expected


@pytest.mark.parametrize("bandwidth", [1, 2, 3])
def test_cyclic_seven_uniform_is_whole_group(bandwidth):
    result = minimum_exact_size(_class("cyclic:7", f"band:{bandwidth}"), "uniform")
    assert result.value == 7


@pytest.mark.parametrize("bandwidth, expected", [(1, 2), (2, 3), (3, 4), (4, 6), (5, 6)])
def test_cyclic_twelve_reference(bandwidth, expected):
    assert minimum_exact_size(_class("cyclic:12", f"band:{bandwidth}"), "signed").value == expected


def test_dihedral_regular_is_order():
    result = minimum_exact_size(_class("dihedral:5", "regular"), "nonnegative")
    assert result.value == 10
    assert "T1(b)" in result.certificate["lower"]["method"]


def _brute_force_signed(function_class):
    """Smallest support carrying an exact signed scheme, by least squares on every subset."""
    group = function_class.group
    backend = function_class.backend
    for size in range(1, group.order + 1):
        for support in combinations(range(group.order), size):
            rows = [backend.matrices(index, np.array(support)).reshape(size, -1).T
                    for index in function_class.spectrum]
            system = np.vstack(rows + [np.ones((1, size))])
            stacked = np.vstack([system.real, system.imag])
            target = np.zeros(len(stacked))
            target[len(system) - 1] = 1.0
            solution = np.linalg.lstsq(stacked, target, rcond=None)[0]
            if np.abs(stacked @ solution - target).max() < 1e-9:
                return size
    raise AssertionError("the whole group must carry an exact scheme")


@pytest.mark.parametrize("group_spec, class_spec", [
    ("cyclic:8", "band:2"), ("symmetric:3", "irreps:1"), ("symmetric:3", "irreps:2"),
    ("dihedral:4", "irreps:4"), ("abelian:2x4", "band:1"), ("quaternion", "irreps:4"),
])
def test_signed_matches_brute_force(group_spec, class_spec):
    function_class = _class(group_spec, class_spec)
    assert minimum_exact_size(function_class, "signed").value == _brute_force_signed(function_class)


def _brute_force_uniform(function_class, max_draws):
    """Smallest support of a multiset of at most ``max_draws`` draws that is exact."""
    group = function_class.group
    from verify.defects import compute_defects
    from verify.schemes import make_scheme

    best = group.order
    for draws in range(1, max_draws + 1):
        for multiset in combinations(range(group.order * draws), draws):
            elements = [value % group.order for value in multiset]
            scheme = make_scheme(group, elements, np.full(draws, 1.0 / draws))
            if scheme.size < best and compute_defects(function_class, scheme).exactly_invariant:
                best = scheme.size
    return best


def test_uniform_matches_multiset_enumeration():
    function_class = _class("cyclic:6", "band:1")
    assert minimum_exact_size(function_class, "uniform").value == _brute_force_uniform(function_class, 3)


def test_large_group_without_theorem_is_rejected():
    with pytest.raises(UsageError, match="order at most 32"):
        minimum_exact_size(_class("cyclic:40", "band:2"))


def test_unknown_family_is_rejected():
    with pytest.raises(UsageError, match="family 'mixed' is invalid"):
        minimum_exact_size(_class("cyclic:7", "band:1"), "mixed")


def test_certificate_counts_infeasible_supports():
    result = minimum_exact_size(_class("cyclic:7", "band:2"), "signed")
    proved = result.certificate["lower"]["supports_proved_infeasible"]
    # Every support of sizes 3 and 4 containing the identity: C(6, 2) and C(6, 3).
    assert proved == {"3": 15, "4": 20}
