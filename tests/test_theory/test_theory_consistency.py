"""The consistency check finds every kind of mismatch between proofs and checks."""

import shutil

import pytest

import theory.claims  # noqa: F401  (registers the claims)
import theory.obligations  # noqa: F401  (registers the symbolic checks)
from theory import consistency, registry
from theory.registry import Check, CheckResult, Claim


@pytest.fixture
def proof_copy(tmp_path):
    """Return a temporary copy of the proof directory, removed after the test."""
    target = tmp_path / "proofs"
    shutil.copytree(consistency.PROOF_DIRECTORY, target)
    return target


def _passing():
    return CheckResult(passed=True, statement="always")


def test_repository_proofs_consistent_for_symbolic_checks():
    problems = consistency.consistency_problems(numeric_checks_loaded=False)
    assert [p for p in problems if "symbolic" in p or "proof file" in p] == []


def test_proof_naming_missing_check_detected(proof_copy):
    path = proof_copy / "T2.md"
    path.write_text(path.read_text() + "\n8. Extra step [check: T2.no-such-check].\n")
    problems = consistency.consistency_problems(proof_copy)
    assert "proof of T2 names check T2.no-such-check, which is not registered" in problems


def test_missing_check_tolerated_without_numeric_checks(proof_copy):
    path = proof_copy / "T2.md"
    path.write_text(path.read_text() + "\n8. Extra step [check: T2.no-such-check].\n")
    problems = consistency.consistency_problems(proof_copy, numeric_checks_loaded=False)
    assert not any("T2.no-such-check" in p for p in problems)
    assert ("T2", "T2.no-such-check") in consistency.unregistered_references(proof_copy)


def test_check_named_in_no_proof_detected(monkeypatch):
    check = Check(id="T2.temporary-unnamed", claim="T2", level="exhaustive",
                  description="temporary", function=lambda context: _passing())
    monkeypatch.setitem(registry._CHECKS, check.id, check)
    problems = consistency.consistency_problems()
    assert any(p.startswith("check T2.temporary-unnamed (exhaustive, claim T2) is named in no proof")
               for p in problems)


def test_temporary_check_removed_after_test():
    assert "T2.temporary-unnamed" not in {check.id for check in registry.checks()}


def test_missing_proof_file_detected(proof_copy):
    (proof_copy / "T6.md").unlink()
    problems = consistency.consistency_problems(proof_copy)
    assert any(p.startswith("claim T6 has no proof file") for p in problems)


def test_claim_without_symbolic_check_detected(monkeypatch, proof_copy):
    claim = Claim(id="T99", title="temporary", statement="s", proof_file="proofs/T99.md")
    monkeypatch.setitem(registry._CLAIMS, claim.id, claim)
    (proof_copy / "T99.md").write_text("# T99\n")
    problems = consistency.consistency_problems(proof_copy)
    assert "claim T99 has no symbolic check" in problems


def test_experiment_needs_no_symbolic_check():
    problems = consistency.consistency_problems(numeric_checks_loaded=False)
    assert "claim F1 has no symbolic check" not in problems


def test_check_references_parse_ids(proof_copy):
    references = consistency.check_references(proof_copy)
    assert "T2.bernstein-exponent" in references["T2"]
    assert "T2.tail-clopper-pearson" in references["T2"]
    assert "T2.no-such-check" not in references["T2"]
