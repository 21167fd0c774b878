"""Certified intervals of AC_wk and AC_st against exact minima and the definitions."""

import json
import math

import numpy as np
import pytest

from verify.classes import parse_class
from verify.complexity.approximate import approximate_complexity
from verify.complexity.lower_bounds import approximate_lower_bounds, minimum_generator_count
from verify.complexity.optimal import minimum_approximate_size
from verify.complexity.tails import clopper_pearson
from verify.defects import defects_from_definition
from verify.errors import UsageError
from verify.groups import parse_group


def _class(group_spec, class_spec):
    return parse_class(class_spec, parse_group(group_spec))


@pytest.mark.parametrize("group_spec, class_spec", [("cyclic:5", "regular"), ("symmetric:3", "regular")])
@pytest.mark.parametrize("notion", ["weak", "strong"])
@pytest.mark.parametrize("epsilon", [0.25, 0.7])
def test_interval_contains_exact(group_spec, class_spec, notion, epsilon):
    function_class = _class(group_spec, class_spec)
    exact = minimum_approximate_size(function_class, notion, epsilon, "nonnegative")
    interval = approximate_complexity(function_class, notion, epsilon, "nonnegative", trials=8, exact=False)
    assert exact["lower"] == exact["upper"]
    assert interval.lower <= exact["lower"] <= interval.upper


def test_optimal_scheme_meets_definition():
    function_class = _class("symmetric:3", "regular")
    result = minimum_approximate_size(function_class, "strong", 0.3, "signed")
    beta, delta = defects_from_definition(function_class, result["scheme"])
    assert delta**2 <= 0.3 + 1e-9
    assert result["scheme"].size == result["upper"]


def test_weak_single_element_at_epsilon_one():
    result = approximate_complexity(_class("cyclic:1000", "regular"), "weak", 1.0, exact=False)
    assert result.value == 1


def test_welch_lower_bound_value():
    bounds = approximate_lower_bounds(_class("cyclic:100", "regular"), "weak", 0.1, "signed")
    welch = next(bound for bound in bounds if bound["claim"] == "T3(a)")
    assert welch["value"] == math.ceil(100 / (0.1 * 99 + 1))


def test_pigeonhole_bound_only_for_nonnegative_cyclic():
    signed = approximate_lower_bounds(_class("cyclic:100", "regular"), "weak", 0.1, "signed")
    nonnegative = approximate_lower_bounds(_class("cyclic:100", "regular"), "weak", 0.1, "nonnegative")
    assert not any(bound["claim"] == "T3(c)" for bound in signed)
    expected = math.log(100) / math.log(1 + 2 * math.pi / math.acos(math.sqrt(0.1)))
    assert any(bound["claim"] == "T3(c)" and bound["value"] == math.ceil(expected) for bound in nonnegative)


@pytest.mark.parametrize("spec, expected", [
    ("cyclic:12", 1), ("hypercube:5", 5), ("abelian:2x4x6", 3), ("abelian:3x5", 1),
    ("dihedral:5", 2), ("quaternion", 2), ("symmetric:5", 2),
])
def test_generator_counts(spec, expected):
    assert minimum_generator_count(parse_group(spec)) == (expected, True)


def test_invalid_epsilon_is_rejected():
    with pytest.raises(UsageError, match="epsilon must be a positive number"):
        approximate_complexity(_class("cyclic:5", "regular"), "weak", -0.1)


def test_clopper_pearson_matches_closed_form():
    # With 0 successes in n trials the upper end is 1 - (alpha/2)^(1/n).
    low, high = clopper_pearson(0, 50)
    assert low == 0.0
    assert high == pytest.approx(1 - 0.025 ** (1 / 50))


@pytest.mark.slow
def test_symmetric_seven_strong_upper_end(tmp_path):
    from verify.commands.complexity import compute
    from verify.defects import compute_defects
    from verify.schemes import load_scheme_file

    class Arguments:
        group, function_class, rep = "symmetric:7", "regular", None
        exact, notion, epsilon, family = False, "strong", 0.5, "nonnegative"
        seed, trials, quiet = 0, 16, True

    entries, results = compute(Arguments())
    assert entries[0]["upper"] < 5040 // 10
    report = compute_defects(results[0].function_class, results[0].scheme)
    assert report.strong_epsilon <= 0.5


def test_large_group_interval_uses_verified_scheme():
    from verify.defects import compute_defects

    function_class = _class("rubik:2", "action")
    result = approximate_complexity(function_class, "strong", 0.5, exact=False)
    report = compute_defects(function_class, result.scheme)
    assert result.lower == 2
    assert (2 * report.beta) ** 2 <= 0.5
    assert result.upper == result.scheme.size


def test_minimum_size_empty_spectrum_is_one():
    # irreps:0 has D(F) = 0, so beta = Delta = 0 for every scheme: the identity alone is optimal.
    for group_spec, class_spec in [("cyclic:1", "regular"), ("symmetric:3", "irreps:0")]:
        function_class = _class(group_spec, class_spec)
        for notion in ("weak", "strong"):
            result = minimum_approximate_size(function_class, notion, 0.1, "nonnegative")
            assert (result["lower"], result["upper"]) == (1, 1)
            assert result["squared_defect"] == 0.0


def test_trivial_group_lower_bound_is_one():
    bounds = approximate_lower_bounds(_class("cyclic:1", "regular"), "weak", 0.1, "nonnegative")
    assert max(bound["value"] for bound in bounds) == 1


def test_solver_failure_gives_interval(monkeypatch):
    from verify.complexity import optimal

    def fail(self, support):
        raise optimal.SolverFailure(f"no solution on the support {list(support)}")

    monkeypatch.setattr(optimal._SupportProblem, "solve", fail)
    result = minimum_approximate_size(_class("cyclic:5", "regular"), "weak", 0.3, "nonnegative")
    assert (result["lower"], result["upper"]) == (1, 5)
    assert result["certificate"]["undecided"] == {"1": 1}
    assert result["certificate"]["solver_failures"] == ["no solution on the support [0]"]


def test_constant_row_readable():
    from verify.checks.complexity_checks import _format_constant_row

    text = _format_constant_row("cyclic:360", "weak", 0.8357533754036668, 8 / 3)
    assert text == "cyclic:360 weak: empirical c = 0.836 vs proved 8/3 = 2.667"
    assert _format_constant_row("hypercube:8", "strong", 3.1, 32 / 3).endswith("proved 32/3 = 10.667")
