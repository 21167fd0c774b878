"""Bound expressions against reference values and a direct floating-point oracle."""

import math

import pytest
import sympy

from theory import bounds
from theory.bounds import evaluate_bound, get_bound, notions_of


def test_t2_reference_values_s10():
    parameters = {"N": 3628800, "D": 9495, "epsilon": "0.1", "delta": "0.01"}
    assert evaluate_bound("T2", "strong", parameters).value == 1543
    assert evaluate_bound("T2", "weak", parameters).value == 386


@pytest.mark.parametrize("notion, constant", [("weak", 8 / 3), ("strong", 32 / 3), ("strong-mean", 16 / 3)])
def test_t2_matches_float_oracle(notion, constant):
    result = evaluate_bound("T2", notion, {"D": 57, "epsilon": "0.2", "delta": "0.05"})
    oracle = constant / 0.2 * math.log(2 * 57 / 0.05)
    assert result.unrounded == pytest.approx(oracle, rel=1e-12)
    assert result.value == math.ceil(oracle)


def test_t4_reference_values():
    assert evaluate_bound("T4", "strong", {"N": 100, "epsilon": "0.1"}).value == 566
    assert evaluate_bound("T4", "strong", {"N": 1000, "epsilon": "0.1"}).value == 811


def test_t4_rounds_floor_plus_one():
    result = evaluate_bound("T4", "weak", {"N": 50, "epsilon": "0.5"})
    assert result.bound.rounding == "floor+1"
    assert result.value == math.floor(8 / 3 / 0.5 * math.log(100)) + 1


def test_d_defaults_to_n_minus_one():
    result = evaluate_bound("T2", "weak", {"N": 120, "epsilon": "0.1", "delta": "0.01"})
    assert result.parameters["D"] == 119
    assert result.unrounded == pytest.approx(8 / 3 / 0.1 * math.log(2 * 119 / 0.01))


def test_eta_parametrization_equals_epsilon():
    by_eta = evaluate_bound("T2", "strong", {"D": 10, "eta": "0.5", "delta": "0.1"})
    by_epsilon = evaluate_bound("T2", "strong", {"D": 10, "epsilon": "0.25", "delta": "0.1"})
    assert sympy.simplify(by_eta.exact - by_epsilon.exact) == 0
    assert by_eta.value == by_epsilon.value
    assert by_eta.parameters["epsilon"] == sympy.Rational(1, 4)
    assert by_eta.parameters["eta"] == sympy.Rational(1, 2)
    assert by_eta.expression.has(bounds.eta)
    assert not by_eta.expression.has(bounds.epsilon)


def test_expression_in_eta_substitutes_square():
    bound = get_bound("T2", "weak")
    assert bound.expression_in_eta == bound.expression.subs(bounds.epsilon, bounds.eta**2)
    assert bound.expression_in_eta.has(bounds.eta)
    assert not bound.expression_in_eta.has(bounds.epsilon)


def test_spectrally_complete_exact_is_n():
    assert evaluate_bound("T1", "exact", {"N": 3628800, "R": 1}).value == 3628800


@pytest.mark.parametrize("half, expected", [(1, 3), (2, 5), (3, 7)])
def test_t1d_z7_reference(half, expected):
    assert evaluate_bound("T1d", "exact", {"K": half}).value == expected


@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_hypercube_generation_bound(n):
    assert evaluate_bound("T3b", "weak", {"d": n}).value == n + 1


def test_welch_sizes_match_oracle():
    weak = evaluate_bound("T3", "weak", {"N": 1000, "epsilon": "0.01"})
    strong = evaluate_bound("T3", "strong", {"N": 1000, "epsilon": "0.01"})
    assert weak.value == math.ceil(1000 / (0.01 * 999 + 1))
    assert strong.value == math.ceil(2000 / (0.01 * 999 + 2))


def test_l3_unrounded_is_real():
    result = evaluate_bound("L3", "weak", {"N": 6, "k": 2})
    assert result.exact == sympy.Rational(4, 10)
    assert result.value == pytest.approx(0.4)


def test_t6_exact_sizes():
    values = [evaluate_bound("T6", "exact", {"L": band}).value for band in range(1, 7)]
    assert values == [1, 10, 10, 35, 35, 84]


def test_pigeonhole_matches_oracle():
    result = evaluate_bound("T3c", "weak", {"N": 1000, "epsilon": "0.25"})
    oracle = math.log(1000) / math.log(1 + 2 * math.pi / math.acos(0.5))
    assert result.unrounded == pytest.approx(oracle)
    assert result.value == math.ceil(oracle)


def test_unused_parameter_rejected_with_names():
    with pytest.raises(ValueError, match=r"does not use parameter\(s\) K; allowed parameters: D, epsilon, delta, eta, N"):
        evaluate_bound("T2", "weak", {"N": 10, "K": 3, "epsilon": "0.1", "delta": "0.1"})


def test_missing_parameter_rejected():
    with pytest.raises(ValueError, match="needs parameter"):
        evaluate_bound("T2", "weak", {"epsilon": "0.1", "delta": "0.1"})


def test_epsilon_above_weak_limit_rejected():
    with pytest.raises(ValueError, match="epsilon <= 1"):
        evaluate_bound("T2", "weak", {"D": 3, "epsilon": "1.5", "delta": "0.1"})


def test_d_above_n_minus_one_rejected():
    with pytest.raises(ValueError, match="at most N - 1 = 9"):
        evaluate_bound("T2", "weak", {"N": 10, "D": 10, "epsilon": "0.1", "delta": "0.1"})


def test_epsilon_and_eta_together_rejected():
    with pytest.raises(ValueError, match="either epsilon or eta"):
        evaluate_bound("T2", "weak", {"D": 3, "epsilon": "0.1", "eta": "0.3", "delta": "0.1"})


def test_non_integer_order_rejected():
    with pytest.raises(ValueError, match="positive integer"):
        evaluate_bound("T4", "weak", {"N": "10.5", "epsilon": "0.1"})


def test_unknown_notion_lists_allowed():
    with pytest.raises(ValueError, match="allowed notions: weak, strong"):
        get_bound("T3", "exact")


def test_claim_without_bound_rejected():
    with pytest.raises(ValueError, match="states no numeric bound"):
        notions_of("L1")


def test_every_bound_has_convention_and_parameters():
    for claim in bounds.claims_with_bounds():
        for notion in notions_of(claim):
            bound = get_bound(claim, notion)
            assert bound.convention
            assert bound.rounding in bounds.ROUNDINGS
            names = {symbol.name for symbol in bound.expression.free_symbols}
            assert names <= set(bound.parameters), (claim, notion, names)
