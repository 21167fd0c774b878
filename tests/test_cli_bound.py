"""Command line: ``python -m verify bound``."""

import json

import pytest

from verify.cli import main

S10 = ["--N", "3628800", "--D", "9495", "--epsilon", "0.1", "--delta", "0.01"]


def _json(capsys, argv):
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_strong_s10_is_1543(capsys):
    payload = _json(capsys, ["bound", "T2", "--notion", "strong", *S10, "--json"])
    assert payload["value"] == 1543
    assert payload["unrounded"] == pytest.approx(1542.0627189, rel=1e-9)


def test_weak_s10_is_386(capsys):
    payload = _json(capsys, ["bound", "T2", "--notion", "weak", *S10, "--json"])
    assert payload["value"] == 386


def test_json_keys(capsys):
    payload = _json(capsys, ["bound", "--json", "T2", *S10])
    assert set(payload) == {"claim", "notion", "expression", "parameters", "unrounded",
                            "value", "convention"}
    assert payload["claim"] == "T2"
    assert payload["notion"] == "weak"
    assert payload["parameters"]["D"] == 9495
    assert "epsilon" in payload["expression"]
    assert payload["convention"]["rounding"] == "ceil"
    assert "ceil(x)" in payload["convention"]["rounding_rule"]
    assert payload["convention"]["normalization"].startswith("weak: E_h")
    assert "squared" in payload["convention"]["epsilon"]


def test_d_defaults_to_n_minus_one(capsys):
    payload = _json(capsys, ["bound", "T2", "--N", "120", "--epsilon", "0.1", "--delta", "0.01", "--json"])
    assert payload["parameters"]["D"] == 119


def test_existence_bound_floor_plus_one(capsys):
    payload = _json(capsys, ["bound", "T4", "--notion", "strong", "--N", "100", "--epsilon", "0.1", "--json"])
    assert payload["value"] == 566
    assert payload["convention"]["rounding"] == "floor+1"


def test_equals_sign_form_accepted(capsys):
    payload = _json(capsys, ["bound", "T2", "--D=9495", "--epsilon=0.1", "--delta=0.01", "--json"])
    assert payload["value"] == 386


def test_text_output_lists_parts(capsys):
    assert main(["bound", "T2", "--notion", "strong", *S10]) == 0
    output = capsys.readouterr().out
    assert "expression  32*log(2*D/delta)/(3*epsilon)" in output
    assert "value       1543" in output
    assert "unrounded" in output
    assert "convention" in output


def test_unused_parameter_rejected(capsys):
    assert main(["bound", "T2", "--N", "10", "--K", "3", "--epsilon", "0.1", "--delta", "0.1"]) == 2
    error = capsys.readouterr().err
    assert "does not use parameter(s) K" in error
    assert "allowed parameters: D, epsilon, delta, eta, N" in error


def test_parameter_without_value_rejected(capsys):
    assert main(["bound", "T2", "--D", "9", "--epsilon"]) == 2
    assert "parameter --epsilon needs a value" in capsys.readouterr().err


def test_repeated_parameter_rejected(capsys):
    assert main(["bound", "T2", "--D", "9", "--D", "8"]) == 2
    assert "given twice" in capsys.readouterr().err


def test_unknown_claim_rejected(capsys):
    assert main(["bound", "T9", "--N", "4"]) == 2
    assert "states no numeric bound" in capsys.readouterr().err


def test_invalid_number_rejected(capsys):
    assert main(["bound", "T4", "--N", "many", "--epsilon", "0.1"]) == 2
    assert "parameter N must be a number, received 'many'" in capsys.readouterr().err


@pytest.mark.parametrize("claim, notion, parameters, constant, argument", [
    ("T2", "strong", ["--N", "1000", "--epsilon", "1e-110", "--delta", "0.1"], "32/3", "19980"),  # 2D/delta with D = N - 1
    ("T4", "weak", ["--N", "1000", "--epsilon", "1e-200"], "8/3", "2000"),  # 2N
])
def test_tiny_epsilon_returns_exact_integer(capsys, claim, notion, parameters, constant, argument):
    # sympy's ceiling/floor never returned here; the oracle is mpmath at 300 digits.
    import mpmath

    payload = _json(capsys, ["bound", claim, "--notion", notion, *parameters, "--json"])
    epsilon = parameters[parameters.index("--epsilon") + 1]
    with mpmath.workdps(300):
        numerator, denominator = (mpmath.mpf(part) for part in constant.split("/"))
        value = numerator / denominator / mpmath.mpf(epsilon) * mpmath.log(mpmath.mpf(argument))
        expected = int(mpmath.ceil(value)) if claim == "T2" else int(mpmath.floor(value)) + 1
    assert payload["value"] == expected


def test_bound_above_float_range_rejected(capsys):
    assert main(["bound", "T4", "--N", "1000", "--epsilon", "1e-400"]) == 2
    assert "above the largest float64" in capsys.readouterr().err


def test_missing_d_names_n(capsys):
    assert main(["bound", "T2", "--epsilon", "0.1", "--delta", "0.1"]) == 2
    assert "needs parameter(s) D or N (D defaults to N - 1)" in capsys.readouterr().err


@pytest.mark.parametrize("claim", ["T1", "L4"])
def test_r_above_n_rejected(capsys, claim):
    assert main(["bound", claim, "--N", "120", "--R", "200"]) == 2
    assert "R <= sum d_pi^2 = N = 120; received 200" in capsys.readouterr().err


def test_r_equal_n_accepted(capsys):
    payload = _json(capsys, ["bound", "T1", "--N", "120", "--R", "120", "--json"])
    assert payload["value"] == 1
