"""The T4 separation check passes on the real bound and fails on a too small sample size."""

from verify.checks import separation
from verify.checks.context import RunContext


def test_separation_check_passes():
    result = separation.check_separation_exhibited(RunContext())
    assert result.passed
    assert result.lhs <= separation.SEPARATION_EPSILON


def test_separation_check_fails_with_three_draws(monkeypatch):
    monkeypatch.setattr(separation, "existence_bound", lambda order, epsilon: 3)
    result = separation.check_separation_exhibited(RunContext())
    assert not result.passed
    assert result.margin < 0
    assert result.lhs > result.rhs


def test_existence_bound_values():
    # floor((32/(3 * 0.1)) ln(2N)) + 1; 811 at N = 1000 is the reference value of the T4 remark.
    assert separation.existence_bound(1000, 0.1) == 811
    assert separation.existence_bound(100, 0.1) == 566


def test_tail_figure_bound_unclipped():
    import numpy as np

    from verify.classes import parse_class
    from verify.complexity.tails import empirical_tail
    from verify.groups import parse_group
    from verify.report.separation import draw_tail

    function_class = parse_class("regular", parse_group("cyclic:360"))
    rows = empirical_tail(function_class, "weak", 0.1, 20, (8, 64, 256), np.random.default_rng(0))
    figure = draw_tail(rows, function_class.spectrum_degree_sum)
    axis = figure.axes[0]
    bound_line = next(line for line in axis.get_lines() if line.get_label().startswith("T2 bound"))
    # The oracle is the bound itself: 2 D exp(-3 k eps / 8) with D = 359, never clipped.
    expected = [2 * 359 * np.exp(-3 * k * 0.1 / 8) for k in (8, 64, 256)]
    assert np.allclose(bound_line.get_ydata(), expected)
    assert axis.get_ylim()[1] >= max(expected)
    assert axis.get_ylabel() != "probability"
    assert any("vacuous" in text.get_text() for text in axis.get_legend().get_texts())
