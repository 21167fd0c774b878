"""The Bernstein hypotheses of T2 hold on random groups and fail for a non-unitary 'representation'."""

import numpy as np

from verify.checks import property_bernstein
from verify.representations.base import IrrepBackend


def test_bernstein_hypotheses_hold():
    outcome = property_bernstein.bernstein_hypotheses_property(examples=30, seed=2)
    assert outcome.passed
    assert outcome.examples >= 30


def test_bernstein_hypotheses_refuted_by_scaled_matrices(monkeypatch):
    original = IrrepBackend.matrices

    def scaled(self, index, elements):
        return 1.5 * np.asarray(self.matrices_unscaled(index, elements))

    # Scale every backend's matrices by 1.5: the norm and second-moment identities must fail.
    for backend_class in _backend_classes():
        monkeypatch.setattr(backend_class, "matrices_unscaled", backend_class.matrices, raising=False)
        monkeypatch.setattr(backend_class, "matrices", scaled)
    outcome = property_bernstein.bernstein_hypotheses_property(examples=30, seed=2)
    assert original is IrrepBackend.matrices
    assert not outcome.passed
    assert outcome.violation.lhs > outcome.violation.rhs


def _backend_classes():
    from verify.representations.abelian import CharacterBackend
    from verify.representations.dihedral import DihedralBackend
    from verify.representations.explicit import ExplicitBackend
    from verify.representations.registry import YoungBackend

    return [CharacterBackend, DihedralBackend, ExplicitBackend, YoungBackend]
