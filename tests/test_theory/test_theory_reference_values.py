"""Reference values that the symbolic layer computes exactly."""

from itertools import permutations

import sympy

from theory.obligations import t1, t7
from theory.obligations._groups import cyclic_group, small_groups, symmetric_group_3


def test_s3_closed_form_against_k_star():
    matrices = [sympy.Matrix(3, 3, lambda i, j: 1 if p[j] == i else 0)
                for p in permutations(range(3))]
    closed, variant = t7._closed_form(matrices)
    assert closed == 2
    assert variant == 5


def test_sign_action_closed_form_is_zero():
    closed, _ = t7._closed_form([sympy.Matrix([[1]]), sympy.Matrix([[-1]])])
    assert closed == 0


def test_multiplicity_sum_is_triangular():
    for degree in range(1, 13):
        assert t7.multiplicity_sum(degree) == degree * (degree + 1) // 2


def test_spectrally_complete_minimum_is_order():
    for group in small_groups():
        labels = {label for label, _ in group.irreps[1:]}
        assert t1.minimum_exact_size(group, labels) == group.order


def test_z4_subgroup_scheme_minimum():
    group = cyclic_group(4)
    assert t1.minimum_exact_size(group, {"chi_1", "chi_3"}) == 2
    assert t1.minimum_exact_size(group, {"chi_2"}) == 2


def test_s3_sign_only_minimum():
    assert t1.minimum_exact_size(symmetric_group_3(), {"sign"}) == 2
    assert t1.minimum_exact_size(symmetric_group_3(), {"standard"}) == 3
