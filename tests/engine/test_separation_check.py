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
