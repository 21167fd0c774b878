"""Every symbolic proof obligation passes, and every claim is registered with its checks."""

import pytest

import theory.claims  # noqa: F401  (registers the claims)
import theory.obligations  # noqa: F401  (registers the symbolic checks)
from theory.claims import CLAIM_IDS
from theory.registry import CheckResult, checks, claims, get_claim

SYMBOLIC = checks(level="symbolic")


@pytest.mark.parametrize("check", SYMBOLIC, ids=[check.id for check in SYMBOLIC])
def test_symbolic_obligation_passes(check):
    result = check.run()
    assert isinstance(result, CheckResult)
    assert result.passed, result.describe_failure()
    assert result.statement


def test_claims_registered_in_order():
    assert [claim.id for claim in claims()][: len(CLAIM_IDS)] == list(CLAIM_IDS)


@pytest.mark.parametrize("claim_id", CLAIM_IDS)
def test_claim_has_proof_file_and_statement(claim_id):
    claim = get_claim(claim_id)
    assert claim.proof_file == f"proofs/{claim_id}.md"
    assert claim.statement
    assert claim.hypotheses


@pytest.mark.parametrize("claim_id", [claim for claim in CLAIM_IDS if claim != "F1"])
def test_claim_has_symbolic_check(claim_id):
    assert checks(claim=claim_id, level="symbolic")


def test_required_obligations_present():
    required = {
        "T2.bernstein-exponent", "T2.sample-size-constants", "T2.uniform-complexity-bound",
        "P10.relations-from-l2", "L2.character-defect-factor", "L2.sandwich-constants",
        "L3.welch-algebra", "T3.welch-size-bounds", "T3.pigeonhole-chain",
        "T4.separation-limit", "T1.vandermonde-zp", "T5.vandermonde-nonsingular",
        "T6.dimension-sums", "T7.eigenvalue-multiplicities",
        "L1.isotypic-decomposition", "L4.plancherel-inversion", "T1.exact-minimum-small-groups",
    }
    assert required <= {check.id for check in SYMBOLIC}


def test_symbolic_checks_ignore_context():
    check = next(check for check in SYMBOLIC if check.id == "L3.cauchy-schwarz")
    assert check.run(context=object()).passed
