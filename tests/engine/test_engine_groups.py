"""Tests of ``verify.groups.parse_group``: orders, group axioms, notation and errors.

Orders are compared with known values and with sympy's Schreier-Sims
orders.  Products are compared with the law written out independently for
each family: coordinate addition, the vertex action of the n-gon, the
Hamilton product of quaternions and sympy's permutation product.  All
comparisons are on integers, so they are exact.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from sympy.combinatorics import Permutation
from sympy.combinatorics import PermutationGroup as SympyPermutationGroup
from sympy.combinatorics.named_groups import AlternatingGroup, RubikGroup, SymmetricGroup

from verify.errors import SpecError, UsageError
from verify.groups import parse_group

M11 = "perm:(0 1 2 3 4 5 6 7 8 9 10);(2 6 10 7)(3 9 4 5)"

KNOWN_ORDERS = {
    "cyclic:1": 1,
    "cyclic:12": 12,
    "dihedral:1": 2,
    "dihedral:2": 4,
    "dihedral:5": 10,
    "hypercube:1": 2,
    "hypercube:3": 8,
    "abelian:2x2x3": 12,
    "symmetric:1": 1,
    "symmetric:2": 2,
    "symmetric:4": 24,
    "alternating:3": 3,
    "alternating:4": 12,
    "alternating:5": 60,
    "quaternion": 8,
    "perm:(0 1 2);(0 1)": 6,
    "perm:(0 1 2 3 4);(0 1)(2 3)": 60,
    M11: 7920,
    "rubik:2": 3_674_160,
    "rubik:3": 43_252_003_274_489_856_000,
}

#: Enumerated groups small enough for the full multiplication table in a test.
SMALL_GROUPS = [
    "cyclic:1",
    "cyclic:12",
    "dihedral:1",
    "dihedral:2",
    "dihedral:5",
    "dihedral:6",
    "hypercube:1",
    "hypercube:3",
    "abelian:2x2x3",
    "symmetric:1",
    "symmetric:2",
    "symmetric:4",
    "alternating:3",
    "alternating:4",
    "quaternion",
    "perm:(0 1 2);(0 1)",
    "perm:(0 1 2 3 4);(0 1)(2 3)",
]

#: Groups of order at most 24: associativity is checked on every triple.
TINY_GROUPS = [spec for spec in SMALL_GROUPS if KNOWN_ORDERS.get(spec, parse_group(spec).order) <= 24]


# -- orders -------------------------------------------------------------------


@pytest.mark.parametrize("spec, expected", sorted(KNOWN_ORDERS.items()))
def test_order_matches_known_value(spec, expected):
    group = parse_group(spec)
    assert isinstance(group.order, int)
    assert group.order == expected


@pytest.mark.parametrize("n", range(1, 8))
def test_symmetric_and_alternating_orders_match_sympy(n):
    assert parse_group(f"symmetric:{n}").order == SymmetricGroup(n).order() == math.factorial(n)
    assert parse_group(f"alternating:{n}").order == AlternatingGroup(n).order()


def test_perm_spec_order_matches_sympy_from_cycles():
    # sympy builds the permutations from its own cycle parser (0-based cycles).
    generators = [Permutation([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]], size=11), Permutation([[2, 6, 10, 7], [3, 9, 4, 5]], size=11)]
    assert parse_group(M11).order == SympyPermutationGroup(generators).order() == 7920


def test_rubik_orders_match_sympy():
    assert parse_group("rubik:2").order == RubikGroup(2).order()
    assert parse_group("rubik:3").order == RubikGroup(3).order()


@pytest.mark.parametrize("spec", SMALL_GROUPS)
def test_elements_are_indices_from_zero(spec):
    group = parse_group(spec)
    assert group.is_enumerated
    assert group.elements().tolist() == list(range(group.order))


def test_large_groups_are_not_enumerated():
    for spec in ("rubik:2", "rubik:3"):
        group = parse_group(spec)
        assert not group.is_enumerated
        with pytest.raises(UsageError, match="too large to enumerate"):
            group.elements()


# -- group axioms ---------------------------------------------------------------


@pytest.mark.parametrize("spec", SMALL_GROUPS)
def test_identity_is_index_zero(spec):
    group = parse_group(spec)
    elements = group.elements()
    assert np.array_equal(group.multiply(0, elements), elements)
    assert np.array_equal(group.multiply(elements, 0), elements)
    assert int(group.inverse(0)) == 0


@pytest.mark.parametrize("spec", SMALL_GROUPS)
def test_inverses_multiply_to_identity(spec):
    group = parse_group(spec)
    elements = group.elements()
    inverses = group.inverse(elements)
    assert np.all(group.multiply(elements, inverses) == 0)
    assert np.all(group.multiply(inverses, elements) == 0)
    assert np.array_equal(group.inverses, inverses)


@pytest.mark.parametrize("spec", SMALL_GROUPS)
def test_table_matches_multiply_loop(spec):
    group = parse_group(spec)
    table = group.multiplication_table
    assert table.shape == (group.order, group.order)
    for a in range(group.order):
        for b in range(group.order):
            assert table[a, b] == int(group.multiply(a, b))


@pytest.mark.parametrize("spec", SMALL_GROUPS)
def test_table_rows_are_permutations(spec):
    # Latin square: every row and column is a permutation (cancellation law).
    table = parse_group(spec).multiplication_table
    order = len(table)
    assert all(sorted(row) == list(range(order)) for row in table.tolist())
    assert all(sorted(column) == list(range(order)) for column in table.T.tolist())


@pytest.mark.parametrize("spec", TINY_GROUPS)
def test_associativity_on_all_triples(spec):
    group = parse_group(spec)
    table = group.multiplication_table
    for a, b, c in itertools.product(range(group.order), repeat=3):
        assert table[table[a, b], c] == table[a, table[b, c]]


@pytest.mark.parametrize("spec", ["symmetric:5", "alternating:5", "cyclic:360", "hypercube:8", "dihedral:12", M11])
def test_associativity_on_random_triples(spec):
    group = parse_group(spec)
    rng = np.random.default_rng(1)
    a, b, c = (group.random_elements(500, rng) for _ in range(3))
    assert np.array_equal(group.multiply(group.multiply(a, b), c), group.multiply(a, group.multiply(b, c)))
    assert np.all(group.multiply(a, group.inverse(a)) == 0)


# -- products against an independent law per family ---------------------------------


@pytest.mark.parametrize("spec", ["cyclic:12", "abelian:2x2x3", "hypercube:3", "abelian:4x6"])
def test_abelian_product_is_coordinate_sum(spec):
    group = parse_group(spec)
    moduli = group.moduli
    for a in range(group.order):
        for b in range(group.order):
            expected = tuple((x + y) % n for x, y, n in zip(group.coordinates(a), group.coordinates(b), moduli))
            assert tuple(group.coordinates(int(group.multiply(a, b)))) == expected


def test_abelian_coordinates_are_mixed_radix():
    group = parse_group("abelian:2x2x3")
    # Last coordinate fastest: index = 6 g1 + 3 g2 + g3.
    for index, coordinates in enumerate(itertools.product(range(2), range(2), range(3))):
        assert tuple(group.coordinates(index)) == coordinates


@pytest.mark.parametrize("n", [1, 2, 3, 5, 6])
def test_dihedral_product_follows_rotation_reflection_law(n):
    group = parse_group(f"dihedral:{n}")
    words = [(a, b) for b in range(2) for a in range(n)]
    for (a1, b1), (a2, b2) in itertools.product(words, repeat=2):
        # r^a1 s^b1 r^a2 s^b2 = r^(a1 + (-1)^b1 a2) s^(b1 + b2).
        expected = ((a1 + (-1) ** b1 * a2) % n, (b1 + b2) % 2)
        product = group.multiply(int(group.join(a1, b1)), int(group.join(a2, b2)))
        assert tuple(int(x) for x in group.split(product)) == expected


@pytest.mark.parametrize("n", [3, 5, 6])
def test_dihedral_vertex_action_is_a_homomorphism(n):
    group = parse_group(f"dihedral:{n}")
    elements = group.elements()
    images = group.vertex_permutations(elements)
    assert len({tuple(row) for row in images.tolist()}) == group.order
    for a in elements:
        for b in elements:
            product = group.vertex_permutations(group.multiply(a, b))
            assert np.array_equal(product, images[a][images[b]])


def hamilton_product(p, q):
    """Return the quaternion ``p q`` for 4-tuples ``(1, i, j, k)`` coefficients."""
    a1, b1, c1, d1 = p
    a2, b2, c2, d2 = q
    return (
        a1 * a2 - b1 * b2 - c1 * c2 - d1 * d2,
        a1 * b2 + b1 * a2 + c1 * d2 - d1 * c2,
        a1 * c2 - b1 * d2 + c1 * a2 + d1 * b2,
        a1 * d2 + b1 * c2 - c1 * b2 + d1 * a2,
    )


QUATERNION_UNITS = {
    "1": (1, 0, 0, 0),
    "-1": (-1, 0, 0, 0),
    "i": (0, 1, 0, 0),
    "-i": (0, -1, 0, 0),
    "j": (0, 0, 1, 0),
    "-j": (0, 0, -1, 0),
    "k": (0, 0, 0, 1),
    "-k": (0, 0, 0, -1),
}


def test_quaternion_product_is_hamilton_product():
    group = parse_group("quaternion")
    by_value = {value: name for name, value in QUATERNION_UNITS.items()}
    for p, q in itertools.product(QUATERNION_UNITS, repeat=2):
        expected = by_value[hamilton_product(QUATERNION_UNITS[p], QUATERNION_UNITS[q])]
        product = group.multiply(group.parse_element(p), group.parse_element(q))
        assert group.format_element(int(product)) == expected, (p, q)


@pytest.mark.parametrize("spec", ["symmetric:4", "alternating:4", "perm:(0 1 2 3 4);(0 1)(2 3)", "perm:(0 1 2)(3 4);(0 3)"])
def test_permutation_product_matches_sympy(spec):
    # sympy's p*q applies p first, so our a b (b first) is sympy's perm_b * perm_a.
    group = parse_group(spec)
    permutations = group.permutations
    sympy_elements = [Permutation(row.tolist()) for row in permutations]
    rng = np.random.default_rng(3)
    pairs = rng.integers(0, group.order, size=(300, 2))
    for a, b in pairs:
        expected = (sympy_elements[b] * sympy_elements[a]).array_form
        assert permutations[int(group.multiply(a, b))].tolist() == expected
        assert permutations[int(group.multiply(a, b))].tolist() == permutations[a][permutations[b]].tolist()


@pytest.mark.parametrize("spec", ["symmetric:4", "alternating:5", "perm:(0 1 2)(3 4);(0 3)"])
def test_permutation_elements_are_the_sympy_group(spec):
    group = parse_group(spec)
    rows = {tuple(row) for row in group.permutations.tolist()}
    assert len(rows) == group.order
    assert all(group.sympy_group.contains(Permutation(list(row))) for row in rows)
    assert group.permutations[0].tolist() == list(range(group.degree))


def test_perm_spec_pads_shorter_generators():
    group = parse_group("perm:(0 1 2)(3 4);(0 3)")
    assert group.degree == 5
    assert group.generator_permutations[0].tolist() == [1, 2, 0, 4, 3]
    assert group.generator_permutations[1].tolist() == [3, 1, 2, 0, 4]


def test_cycle_notation_composes_right_to_left():
    group = parse_group("symmetric:3")
    # (0 1)(1 2) applies (1 2) first: 2 -> 1 -> 0, 0 -> 1, 1 -> 2 -> 2.
    image = group.permutations[group.parse_element("(0 1)(1 2)")]
    assert image.tolist() == [1, 2, 0]
    assert group.format_element(group.parse_element("(0 1)(1 2)")) == "(0 1 2)"


# -- notation round trip ---------------------------------------------------------------


@pytest.mark.parametrize("spec", SMALL_GROUPS)
def test_format_parse_round_trip(spec):
    group = parse_group(spec)
    texts = [group.format_element(index) for index in range(group.order)]
    assert len(set(texts)) == group.order
    for index, text in enumerate(texts):
        assert group.parse_element(text) == index


def test_element_notation_examples():
    assert parse_group("symmetric:3").format_element(0) == "()"
    assert parse_group("hypercube:3").parse_element("1,0,1") == 5
    assert parse_group("cyclic:12").parse_element("3") == 3
    assert parse_group("dihedral:2").format_element(0) == "e"
    assert parse_group("dihedral:5").parse_element("(1 4)(2 3)") == parse_group("dihedral:5").parse_element("s")
    assert parse_group("quaternion").parse_element("+i") == 2


# -- errors -------------------------------------------------------------------


BAD_SPECS_WITH_FORMS = ["bogus", "cyclic:0", "cyclic:x", "dihedral:", "rubik:4", "symmetric:99", "abelian:2x", "quaternion:3", "perm:"]


@pytest.mark.parametrize("spec", BAD_SPECS_WITH_FORMS)
def test_bad_spec_names_spec_and_forms(spec):
    with pytest.raises(SpecError, match=r"Valid forms: cyclic:N, abelian:N1xN2x\.\.\., hypercube:n") as caught:
        parse_group(spec)
    assert repr(spec) in str(caught.value)
    assert "rubik:3" in str(caught.value)


@pytest.mark.parametrize("spec, reason", [("perm:(0 1", "not in cycle notation"), ("perm:(0 0)", "repeats a point")])
def test_bad_perm_spec_names_spec_and_reason(spec, reason):
    with pytest.raises(SpecError, match=reason) as caught:
        parse_group(spec)
    assert repr(spec) in str(caught.value)


@pytest.mark.parametrize("spec", ["perm:(0 1", "perm:(0 0)"])
def test_bad_perm_spec_lists_forms(spec):
    with pytest.raises(SpecError, match="Valid forms"):
        parse_group(spec)


def test_non_string_spec_rejected():
    with pytest.raises(SpecError, match="must be a string"):
        parse_group(12)


@pytest.mark.parametrize(
    "spec, text, pattern",
    [
        ("alternating:4", "(0 1)", r"'\(0 1\)' is not an element of 'alternating:4'"),
        ("symmetric:3", "(0 9)", r"point 9 .* outside 0\.\.2"),
        ("symmetric:3", "0 1", "not in cycle notation"),
        ("dihedral:5", "(0 1)", "not a symmetry of the 5-gon"),
        ("dihedral:2", "(0 1)", "write r\\^a s\\^b"),
        ("quaternion", "x", "write one of 1, -1, i"),
        ("abelian:2x3", "1", "needs 2 comma-separated coordinates, got 1"),
        ("cyclic:5", "a", "coordinates must be integers"),
        (M11, "(0 1)", "is not an element of"),
    ],
)
def test_bad_element_rejected_with_reason(spec, text, pattern):
    with pytest.raises(SpecError, match=pattern):
        parse_group(spec).parse_element(text)


def test_index_of_rejects_permutation_outside_group():
    group = parse_group("alternating:4")
    with pytest.raises(UsageError, match=r"\(0 1\) is not an element of 'alternating:4'"):
        group.index_of(np.array([1, 0, 2, 3]))


def test_multiplication_table_limit():
    with pytest.raises(UsageError, match="too large for a multiplication table"):
        parse_group(M11).multiplication_table


# -- random elements -------------------------------------------------------------------


@pytest.mark.parametrize("spec", ["cyclic:360", "symmetric:5", "dihedral:12", "quaternion", M11])
def test_random_elements_reproducible(spec):
    group = parse_group(spec)
    first = group.random_elements(200, np.random.default_rng(42))
    second = group.random_elements(200, np.random.default_rng(42))
    other = group.random_elements(200, np.random.default_rng(43))
    assert np.array_equal(first, second)
    assert not np.array_equal(first, other)
    assert first.min() >= 0
    assert first.max() < group.order


def test_random_elements_cover_small_group():
    group = parse_group("dihedral:5")
    drawn = group.random_elements(2000, np.random.default_rng(0))
    counts = np.bincount(drawn, minlength=group.order)
    # Each of 10 elements has expected count 200 and standard deviation about 13.4.
    assert counts.min() > 130
    assert counts.max() < 270


@pytest.mark.parametrize("spec", ["rubik:2", "rubik:3"])
def test_rubik_random_elements_are_members(spec):
    group = parse_group(spec)
    first = group.random_elements(5, np.random.default_rng(7))
    second = group.random_elements(5, np.random.default_rng(7))
    assert first.shape == (5, group.degree)
    assert np.array_equal(first, second)
    sympy_group = RubikGroup(2 if spec == "rubik:2" else 3)
    for row in first:
        assert sorted(row.tolist()) == list(range(group.degree))
        assert sympy_group.contains(Permutation(row.tolist()))


@pytest.mark.parametrize("spec, text", [("cyclic:5", "7"), ("cyclic:5", "-1"), ("hypercube:3", "1,2,0")])
def test_abelian_coordinate_out_of_range(spec, text):
    with pytest.raises(SpecError, match="outside 0.."):
        parse_group(spec).parse_element(text)
