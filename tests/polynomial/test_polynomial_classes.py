"""Tests of the polynomial classes poly:k and the threshold K* (claim T7).

Oracles: reference values of K* computed by hand, and the explicit action of
the group on monomials, whose traces are averaged over every element.
Rotations of order N need the frequency floor(N/2), S_d needs the
Vandermonde polynomial of degree C(d, 2), and sign flips need the monomial
x_1...x_n.
Tolerance: 1e-8 on multiplicities from explicit traces (sums of at most a few
hundred products of matrices with entries of size about 1).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from verify.checks.threshold_checks import monomial_action_matrix
from verify.classes import parse_class
from verify.groups import parse_group
from verify.polynomial import analyze_threshold, decomposition_for, eigenvalue_multiplicities, symmetric_power_characters
from verify.representations.inputs import parse_representation

TOLERANCE = 1e-8

REFERENCE_THRESHOLDS = [
    ("symmetric:1", "natural", 0),
    ("symmetric:2", "natural", 1),
    ("symmetric:3", "natural", 3),
    ("symmetric:4", "natural", 6),
    ("symmetric:5", "natural", 10),
    ("cyclic:5", "rotation", 2),
    ("cyclic:6", "rotation", 3),
    ("cyclic:7", "rotation", 3),
    ("cyclic:8", "rotation", 4),
    ("dihedral:3", "rotation", 3),
    ("dihedral:4", "rotation", 4),
    ("hypercube:1", "signs", 1),
    ("hypercube:2", "signs", 2),
    ("hypercube:4", "signs", 4),
]


@pytest.mark.parametrize(("group_spec", "rep", "expected"), REFERENCE_THRESHOLDS)
def test_threshold_reference_values(group_spec, rep, expected):
    analysis = analyze_threshold(parse_group(group_spec), rep)
    assert analysis.k_star == expected
    assert analysis.bounds[0][2] is True


def test_threshold_symmetric_3_sign_last():
    group = parse_group("symmetric:3")
    analysis = analyze_threshold(group, "natural")
    labels = [group.irreducible_backend.irreps[index].label for index in analysis.last_irreps]
    assert labels == ["[1,1,1]"]
    bounds = {name: (value, holds) for name, value, holds in analysis.bounds}
    assert bounds["sum_lambda (M_lambda - 1)"] == (2, False)
    assert bounds["sum_lambda M_lambda - 1"] == (5, True)
    assert bounds["N - 1"] == (5, True)


def test_threshold_sign_on_line_violates_sum_of_excess():
    analysis = analyze_threshold(parse_group("hypercube:1"), "signs")
    bounds = {name: (value, holds) for name, value, holds in analysis.bounds}
    assert analysis.k_star == 1
    assert bounds["sum_lambda (M_lambda - 1)"] == (0, False)


def test_eigenvalue_multiplicities_symmetric_3():
    decomposition = decomposition_for(parse_group("symmetric:3"), "natural")
    multiplicities = {str(turn): count for turn, count in eigenvalue_multiplicities(decomposition).items()}
    # Eigenvalues 1 (three times at the identity), -1, and the cube roots of unity.
    assert multiplicities == {"0": 3, "1/3": 1, "1/2": 1, "2/3": 1}


def test_symmetric_power_characters_dimensions():
    values = symmetric_power_characters(np.ones(4), 5).real
    assert np.allclose(values, [math.comb(3 + degree, 3) for degree in range(6)])


# -- explicit action on monomials -----------------------------------------------------


CHARACTER_CASES = [
    ("symmetric:3", "natural", 3),
    ("alternating:4", "natural", 3),
    ("dihedral:4", "rotation", 4),
    ("cyclic:5", "rotation", 3),
    ("hypercube:3", "signs", 3),
]


@pytest.mark.parametrize(("group_spec", "rep", "max_degree"), CHARACTER_CASES)
def test_character_method_matches_monomial_action(group_spec, rep, max_degree):
    group = parse_group(group_spec)
    representation = parse_representation(rep, group)
    backend = group.irreducible_backend
    elements = group.elements()
    rng = np.random.default_rng(5)
    expected = decomposition_for(group, rep).symmetric_power_multiplicities(max_degree)
    for degree in range(max_degree + 1):
        actions = np.array([monomial_action_matrix(representation.matrices[g], degree, rng) for g in elements])

        # The explicit matrices form a representation: rho(g h) = rho(g) rho(h).
        for g, h in [(1, 2), (2, 1), (group.order - 1, 1)]:
            g, h = g % group.order, h % group.order
            product = int(group.multiply(g, h))
            assert np.allclose(actions[product], actions[g] @ actions[h], atol=TOLERANCE)

        traces = np.trace(actions, axis1=1, axis2=2)
        for irrep in backend.irreps:
            characters = backend.characters(irrep.index, elements)
            multiplicity = np.sum(traces * np.conj(characters)) / group.order
            assert abs(multiplicity - expected[degree, irrep.index]) < TOLERANCE, (degree, irrep.label)


def test_vandermonde_is_sign_invariant():
    group = parse_group("symmetric:3")
    representation = parse_representation("natural", group)
    backend = group.irreducible_backend
    rng = np.random.default_rng(1)
    points = rng.normal(size=(6, 3))

    def vandermonde(x):
        return (x[:, 1] - x[:, 0]) * (x[:, 2] - x[:, 0]) * (x[:, 2] - x[:, 1])

    sign_index = [irrep.index for irrep in backend.irreps if irrep.label == "[1,1,1]"][0]
    for g in group.elements():
        moved = points @ np.linalg.inv(representation.matrices[g]).T
        sign = backend.characters(sign_index, [g])[0].real
        assert np.allclose(vandermonde(moved), sign * vandermonde(points))


# -- the poly:k class ---------------------------------------------------------------


@pytest.mark.parametrize(("group_spec", "rep", "degree"), [("symmetric:4", "natural", 4), ("dihedral:5", "rotation", 3)])
def test_poly_class_dimension_matches_multiplicities(group_spec, rep, degree):
    group = parse_group(group_spec)
    function_class = parse_class(f"poly:{degree}", group, rep)
    degrees = group.irreducible_backend.degrees
    n = parse_representation(rep, group).dimension
    assert function_class.kind == "poly"
    assert function_class.dimension == math.comb(n + degree, degree)
    assert sum(count * int(degrees[index]) for index, count in function_class.multiplicities.items()) == function_class.dimension


def test_poly_class_completeness_switches_at_k_star():
    group = parse_group("symmetric:4")
    assert parse_class("poly:5", group, "natural").spectrally_complete is False
    assert parse_class("poly:6", group, "natural").spectrally_complete is True


def test_poly_class_default_representation():
    function_class = parse_class("poly:4", parse_group("cyclic:8"))
    assert function_class.extra["representation"]["spec"] == "rotation"
    assert function_class.spectrally_complete is True


def test_poly_class_rejects_negative_degree():
    from verify.errors import SpecError

    with pytest.raises(SpecError, match="integer degree k >= 0"):
        parse_class("poly:-1", parse_group("symmetric:3"), "natural")


def test_excess_sum_check_evidence_names_false_form():
    from verify.checks.context import RunContext
    from verify.checks.threshold_checks import check_excess_sum_bound_violations

    result = check_excess_sum_bound_violations(RunContext())
    assert result.passed
    assert "known-false closed form K* <= sum_lambda (M_lambda - 1)" in result.evidence
    assert "a pass here means the counterexamples were found" in result.evidence
