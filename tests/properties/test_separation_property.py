"""The T4 property passes with 32/3 and is refuted with a constant far too small."""

from verify.checks.property_separation import separation_property


def test_separation_property_holds():
    outcome = separation_property(examples=30, seed=1)
    assert outcome.passed
    assert outcome.examples >= 30


def test_separation_property_refuted_by_small_constant():
    outcome = separation_property(examples=30, seed=1, constant=0.05)
    assert not outcome.passed
    assert outcome.violation is not None
    assert outcome.violation.lhs > outcome.violation.rhs
