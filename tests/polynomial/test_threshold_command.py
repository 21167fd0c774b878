"""Tests of ``python -m verify threshold``: JSON keys, reference values and errors.

Oracles: K* and the bounds of S_3 on R^3 (3; N - 1 = 5, sum M - 1 = 5,
sum (M - 1) = 2) and of Z_2 on R by sign (1; the false form gives 0), and
AC_ex(F_k) of S_3: 1, 3, 3, 6 (T1(a) is attained by the uniform scheme on
A_3 for k = 1, 2, since A_3 fixes no vector of the standard representation).
"""

from __future__ import annotations

import json

import pytest

from verify.cli import main

KEYS = {"group", "rep", "faithful", "k_star", "last_irrep", "complexity_by_degree", "bounds", "convention"}


def threshold_json(capsys, *arguments) -> dict:
    assert main(["threshold", *arguments, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_threshold_json_symmetric_3(capsys):
    payload = threshold_json(capsys, "symmetric:3", "--rep", "natural", "--max-exact-order", "0")
    assert KEYS <= set(payload)
    assert payload["k_star"] == 3
    assert payload["faithful"] is True
    assert payload["last_irrep"]["label"] == "[1,1,1]"
    assert payload["last_irrep"]["first_degree"] == 3
    bounds = {bound["name"]: (bound["value"], bound["holds"]) for bound in payload["bounds"]}
    assert bounds == {
        "N - 1": (5, True),
        "sum_lambda M_lambda - 1": (5, True),
        "sum_lambda (M_lambda - 1)": (2, False),
    }
    assert [entry["lower"] for entry in payload["complexity_by_degree"]] == [1, 3, 3, 6]
    assert payload["complexity_by_degree"][-1]["value"] == 6


def test_threshold_json_sign_on_line(capsys):
    payload = threshold_json(capsys, "hypercube:1", "--rep", "signs")
    assert payload["k_star"] == 1
    assert payload["bounds"][2] == {"name": "sum_lambda (M_lambda - 1)", "value": 0, "holds": False, "status": "false in general"}


def test_threshold_not_faithful(capsys):
    payload = threshold_json(capsys, "dihedral:2", "--rep", "natural")
    assert payload["faithful"] is False
    assert payload["k_star"] is None
    assert payload["complexity_by_degree"] == []
    assert all(bound["holds"] is None for bound in payload["bounds"])


@pytest.mark.parametrize(("group_spec", "expected"), [("symmetric:4", 6), ("cyclic:8", 4), ("hypercube:4", 4)])
def test_threshold_text_output(capsys, group_spec, expected):
    # Without the exact solver (order limit 0) the command stays fast.
    assert main(["threshold", group_spec, "--max-exact-order", "0"]) == 0
    assert f"K*          {expected}\n" in capsys.readouterr().out


def test_threshold_exact_solver_symmetric_3(capsys):
    payload = threshold_json(capsys, "symmetric:3")
    assert [entry["value"] for entry in payload["complexity_by_degree"]] == [1, 3, 3, 6]


def test_threshold_lower_bound_labelled(capsys):
    payload = threshold_json(capsys, "cyclic:8", "--max-exact-order", "0")
    entry = payload["complexity_by_degree"][3]
    assert entry["value"] is None
    assert entry["lower"] == 4
    assert "lower bound" in entry["method"]


def test_threshold_invalid_rep(capsys):
    assert main(["threshold", "cyclic:5", "--rep", "signs"]) == 2
    assert "needs hypercube:n" in capsys.readouterr().err


def test_threshold_rubik_too_large(capsys):
    assert main(["threshold", "rubik:2"]) == 2
    error = capsys.readouterr().err
    assert "too large to enumerate" in error
    assert "file:PATH" not in error


def test_poly_class_rubik_too_large(capsys):
    assert main(["complexity", "rubik:2", "--class", "poly:2", "--exact"]) == 2
    error = capsys.readouterr().err
    assert "too large to enumerate" in error
    assert "--rep file:PATH" not in error
