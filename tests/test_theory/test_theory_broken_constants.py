"""A changed constant makes a symbolic check fail with its inequality, sides and margin."""

import sympy
from sympy import Rational

import theory.claims  # noqa: F401  (registers the claims)
import theory.obligations  # noqa: F401  (registers the symbolic checks)
from theory import bounds
from theory.obligations import p10
from theory.registry import get_check


def test_bernstein_exponent_one_half_fails(monkeypatch):
    monkeypatch.setattr(bounds, "BERNSTEIN_EXPONENT", Rational(1, 2))
    result = get_check("T2.bernstein-exponent").run()
    assert not result.passed
    assert "k s^2" in result.statement
    assert result.lhs == Rational(1, 2)
    assert result.rhs == Rational(3, 8)
    assert result.margin == Rational(-1, 8)
    assert "margin = -1/8" in result.describe_failure()


def test_bernstein_exponent_restored_after_patch():
    assert bounds.BERNSTEIN_EXPONENT == Rational(3, 8)
    assert get_check("T2.bernstein-exponent").run().passed


def test_strong_constant_sixteen_thirds_fails(monkeypatch):
    monkeypatch.setitem(bounds.SAMPLE_CONSTANTS, "strong", Rational(16, 3))
    result = get_check("T2.sample-size-constants").run()
    assert not result.passed
    assert "strong" in result.statement
    assert result.rhs == bounds.delta
    assert sympy.simplify(result.lhs - bounds.delta) != 0
    assert result.margin is not None


def test_weak_constant_change_fails_sample_size(monkeypatch):
    monkeypatch.setitem(bounds.SAMPLE_CONSTANTS, "weak", Rational(2))
    result = get_check("T2.sample-size-constants").run()
    assert not result.passed
    assert "weak" in result.statement


def test_welch_size_bound_change_fails(monkeypatch):
    def wrong(notion):
        return bounds.N / (bounds.epsilon * (bounds.N - 1) + 2)

    monkeypatch.setattr(bounds, "welch_size_expression", wrong)
    result = get_check("T3.welch-size-bounds").run()
    assert not result.passed
    assert result.lhs is not None
    assert result.rhs == wrong("weak")
    assert sympy.simplify(result.margin) != 0


def test_p10_factor_three_fails(monkeypatch):
    monkeypatch.setattr(p10, "FACTOR", 3)
    result = get_check("P10.relations-from-l2").run()
    assert not result.passed
    assert "strong 3 epsilon" in result.statement
    assert result.lhs == 0
    assert result.margin.is_nonnegative is not True
