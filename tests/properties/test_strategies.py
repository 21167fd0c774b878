"""Tests of the hypothesis strategies: bounds, validation messages and what each draws."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from verify.strategies import (
    GROUP_FAMILIES,
    averaging_schemes,
    finite_groups,
    function_classes,
    group_functions,
    subgroups,
)


@pytest.mark.parametrize("min_order, max_order", [(1, 1), (7, 7), (5, 30), (100, 120), (2, 12)])
def test_group_order_within_bounds(min_order, max_order):
    @settings(max_examples=40, database=None)
    @given(finite_groups(min_order=min_order, max_order=max_order))
    def check(group):
        assert min_order <= group.order <= max_order

    check()


@pytest.mark.parametrize("family", GROUP_FAMILIES)
def test_group_family_is_drawn(family):
    low, high = (8, 8) if family == "quaternion" else (1, 120)

    @settings(max_examples=10, database=None)
    @given(finite_groups(min_order=low, max_order=high, families=(family,)))
    def check(group):
        assert group.family == family

    check()


def test_permutation_groups_have_backends():
    @settings(max_examples=60, database=None)
    @given(finite_groups(max_order=120, families=("perm",)))
    def check(group):
        assert group.spec.startswith("perm:")
        degrees = group.irreducible_backend.degrees
        assert int((degrees**2).sum()) == group.order

    check()


@pytest.mark.parametrize(
    "arguments, message",
    [
        ({"min_order": 0}, r"min_order=0 must be at least 1"),
        ({"min_order": 9, "max_order": 4}, r"max_order=4 must be at least min_order=9"),
        ({"max_order": 10**6}, r"max_order=1000000 must be at most 2600"),
        ({"max_order": 2.5}, r"max_order=2.5 must be an integer"),
        ({"families": ("cyclic", "klein")}, r"families=.* must be a nonempty subset"),
        ({"min_order": 9, "max_order": 9, "families": ("quaternion",)}, r"no group of families"),
    ],
)
def test_group_bounds_rejected(arguments, message):
    with pytest.raises(InvalidArgument, match=message):
        finite_groups(**arguments)


def test_scheme_bounds_rejected():
    from verify.groups import parse_group

    group = parse_group("cyclic:4")
    with pytest.raises(InvalidArgument, match=r"family='positive' must be one of"):
        averaging_schemes(group, family="positive")
    with pytest.raises(InvalidArgument, match=r"min_size=0 must be at least 1"):
        averaging_schemes(group, min_size=0)
    with pytest.raises(InvalidArgument, match=r"max_size=2 must be at least min_size=3"):
        averaging_schemes(group, min_size=3, max_size=2)
    with pytest.raises(InvalidArgument, match=r"min_size=5 exceeds the order 4"):
        averaging_schemes(group, min_size=5)
    with pytest.raises(InvalidArgument, match=r"max_support=0 must be at least 1"):
        group_functions(group, max_support=0)


@given(st.data())
@settings(max_examples=60, database=None)
def test_scheme_families_and_sizes(data):
    group = data.draw(finite_groups(max_order=60))
    for family in ("nonnegative", "signed", "uniform"):
        scheme = data.draw(averaging_schemes(group, family=family, min_size=1, max_size=5))
        assert 1 <= scheme.size <= min(5, group.order)
        assert abs(scheme.weights.sum() - 1) <= 1e-12
        if family != "signed":
            assert np.all(scheme.weights > 0)
        if family == "uniform":
            assert np.allclose(scheme.weights * scheme.draws, np.round(scheme.weights * scheme.draws))


@given(st.data())
@settings(max_examples=60, database=None)
def test_classes_respect_completeness(data):
    group = data.draw(finite_groups(max_order=60))
    complete = data.draw(function_classes(group, spectrally_complete=True))
    assert complete.spectrally_complete is True
    if len(group.irreducible_backend.irreps) > 1:
        partial = data.draw(function_classes(group, spectrally_complete=False))
        assert partial.spectrally_complete is False


@given(st.data())
@settings(max_examples=60, database=None)
def test_subgroups_are_closed(data):
    group = data.draw(finite_groups(max_order=60))
    members = data.draw(subgroups(group))
    assert members[0] == 0
    # Closure under products, checked against the multiplication table.
    products = group.multiplication_table[np.ix_(members, members)]
    assert set(products.ravel().tolist()) == set(members.tolist())


@given(st.data())
@settings(max_examples=60, database=None)
def test_group_functions_nonzero(data):
    group = data.draw(finite_groups(max_order=60))
    values = data.draw(group_functions(group))
    assert values.shape == (group.order,)
    assert np.abs(values).sum() > 0
