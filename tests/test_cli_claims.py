"""Command line: ``python -m verify claims``."""

import json

from theory import consistency
from theory.claims import CLAIM_IDS
from verify.cli import main


def test_claims_json_lists_every_claim(capsys):
    status = main(["claims", "--json"])
    payload = json.loads(capsys.readouterr().out)
    assert [row["id"] for row in payload["claims"]][: len(CLAIM_IDS)] == list(CLAIM_IDS)
    assert status == (1 if payload["problems"] else 0)
    for row in payload["claims"]:
        assert row["proof_file"] == f"proofs/{row['id']}.md"
        assert set(row["checks"]) == {"symbolic", "exhaustive", "property", "statistical"}


def test_claims_prints_each_problem(capsys):
    status = main(["claims", "--json"])
    captured = capsys.readouterr()
    payload = json.loads(captured.out)
    error = captured.err
    assert status == (1 if payload["problems"] else 0)
    for problem in payload["problems"]:
        assert f"problem: {problem}" in error


def test_claims_symbolic_part_consistent(capsys):
    main(["claims", "--json"])
    payload = json.loads(capsys.readouterr().out)
    own = [p for p in payload["problems"] if "(symbolic" in p or "proof file" in p or "no symbolic" in p]
    assert own == []


def test_claims_text_names_symbolic_checks(capsys):
    main(["claims"])
    output = capsys.readouterr().out
    assert "T2.bernstein-exponent" in output
    assert "proofs/T2.md" in output


def test_claims_missing_proofs_fail(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(consistency, "PROOF_DIRECTORY", tmp_path)
    assert main(["claims"]) == 1
    error = capsys.readouterr().err
    assert "problem: claim L1 has no proof file" in error
    assert "problem: check T2.bernstein-exponent (symbolic, claim T2) is named in no proof" in error


def test_claims_json_has_convention(capsys):
    main(["claims", "--json"])
    payload = json.loads(capsys.readouterr().out)
    assert "group_law" in payload["convention"]
    assert "epsilon" in payload["convention"]
