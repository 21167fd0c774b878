"""Tests of the command line: ``describe``, ``defect``, ``run``, help and error handling.

Most tests call :func:`verify.cli.main` in the test process and read the
captured output, because that is fast.  A few run ``python -m verify`` as a
subprocess to check the exit status and that no traceback reaches the
user.  Numbers in the JSON are compared with independent computations
(hook-length degrees, sympy's orbit counts, ``||A_w - P||``
from the multiplication table) within 1e-9.
"""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
from sympy.combinatorics.named_groups import RubikGroup

from verify.cli import _command_modules, main
from verify.groups import parse_group
from verify.schemes import random_scheme

PYTHON = sys.executable
TOLERANCE = 1e-9

DESCRIBE_KEYS = {"group", "order", "irreps", "irrep_degrees", "class", "spectrum_degree_sum", "spectrally_complete", "convention"}
DEFECT_KEYS = {
    "group",
    "class",
    "size",
    "draws",
    "beta",
    "weak_epsilon",
    "defect",
    "strong_epsilon",
    "sandwich_lower",
    "sandwich_upper",
    "exactly_invariant",
    "convention",
}
CONVENTION_KEYS = {"weak", "strong", "epsilon", "group_law", "tolerance"}
PANEL_WITH_BACKEND = ["symmetric:5", "alternating:5", "dihedral:12", "quaternion", "hypercube:8", "cyclic:360"]


def run_json(capsys, *argv) -> dict:
    """Run the command line in this process and return its parsed JSON output."""
    status = main([*argv, "--json"])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    return json.loads(captured.out)


def run_subprocess(*argv, timeout=120) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, "-m", "verify", *argv], capture_output=True, text=True, timeout=timeout)


# -- describe -------------------------------------------------------------------


def test_describe_symmetric_5(capsys):
    payload = run_json(capsys, "describe", "symmetric:5")
    assert DESCRIBE_KEYS <= set(payload)
    assert payload["group"] == "symmetric:5"
    assert payload["order"] == 120
    assert payload["irrep_degrees"] == [1, 1, 4, 4, 5, 5, 6]
    assert [irrep["index"] for irrep in payload["irreps"]] == list(range(7))
    assert all(set(irrep) == {"index", "degree", "label"} for irrep in payload["irreps"])
    assert sorted(irrep["degree"] for irrep in payload["irreps"]) == payload["irrep_degrees"]
    assert payload["irreps"][0] == {"index": 0, "degree": 1, "label": "[5]"}
    assert payload["class"] is None
    assert CONVENTION_KEYS <= set(payload["convention"])


def test_describe_with_class(capsys):
    payload = run_json(capsys, "describe", "cyclic:7", "--class", "band:2")
    assert payload["class"] == "band:2"
    assert payload["spectrum"] == [1, 2, 5, 6]
    assert payload["spectrum_degree_sum"] == 4
    assert payload["spectrally_complete"] is False
    assert payload["spectrum_degree_sum_is_bound"] is False


def test_describe_regular_is_complete(capsys):
    payload = run_json(capsys, "describe", "symmetric:5", "--class", "regular")
    # D(F) = sum of the nontrivial degrees: 1 + 4 + 4 + 5 + 5 + 6.
    assert payload["spectrum_degree_sum"] == 25
    assert payload["spectrally_complete"] is True


def test_describe_rubik_3_action(capsys):
    payload = run_json(capsys, "describe", "rubik:3", "--class", "action")
    orbits = len(RubikGroup(3).orbits())
    assert DESCRIBE_KEYS <= set(payload)
    assert payload["order"] == 43_252_003_274_489_856_000
    assert payload["irreps"] is None
    assert payload["irrep_degrees"] is None
    assert payload["spectrum_degree_sum"] == 54 - orbits
    assert payload["spectrum_degree_sum_is_bound"] is True
    assert payload["spectrally_complete"] is False


def test_describe_text_output(capsys):
    assert main(["describe", "dihedral:5", "--class", "action"]) == 0
    text = capsys.readouterr().out
    assert "order      10" in text
    assert "D(F)       4" in text


# -- defect -------------------------------------------------------------------


@pytest.mark.parametrize("spec", PANEL_WITH_BACKEND)
def test_defect_uniform_is_exact(capsys, spec):
    payload = run_json(capsys, "defect", spec, "--class", "regular", "--uniform")
    assert DEFECT_KEYS <= set(payload)
    assert payload["defect"] < 1e-10
    assert payload["beta"] < 1e-10
    assert payload["exactly_invariant"] is True
    assert payload["draws"] is None
    assert payload["size"] == parse_group(spec).order


def test_defect_random_matches_definition(capsys):
    payload = run_json(capsys, "defect", "dihedral:5", "--class", "regular", "--random", "4", "--seed", "2")
    group = parse_group("dihedral:5")
    scheme = random_scheme(group, 4, seed=2)
    table = group.multiplication_table
    matrices = np.zeros((10, 10, 10))
    for g in range(10):
        matrices[g, table[g], np.arange(10)] = 1.0
    averaging = np.tensordot(scheme.weights, matrices[scheme.elements], axes=(0, 0))
    beta = np.linalg.norm(averaging - matrices.mean(axis=0), ord=2)
    delta = max(np.linalg.norm(m @ averaging - averaging, ord=2) for m in matrices)
    assert payload["draws"] == 4
    assert payload["size"] == scheme.size <= 4
    assert abs(payload["beta"] - beta) < TOLERANCE
    assert abs(payload["defect"] - delta) < TOLERANCE
    assert abs(payload["weak_epsilon"] - beta**2) < TOLERANCE
    assert abs(payload["strong_epsilon"] - delta**2) < TOLERANCE
    assert abs(payload["sandwich_lower"] - np.sqrt(2) * beta) < TOLERANCE
    assert abs(payload["sandwich_upper"] - 2 * beta) < TOLERANCE
    assert payload["exactly_invariant"] is False
    assert payload["convention"]["tolerance"] == pytest.approx(1e-10)


def test_defect_rubik_2_action_sandwich(capsys):
    payload = run_json(capsys, "defect", "rubik:2", "--class", "action", "--random", "20", "--seed", "1")
    assert DEFECT_KEYS <= set(payload)
    assert payload["defect"] is None
    assert payload["strong_epsilon"] is None
    assert payload["beta"] > 0
    assert abs(payload["sandwich_lower"] - np.sqrt(2) * payload["beta"]) < TOLERANCE
    assert abs(payload["sandwich_upper"] - 2 * payload["beta"]) < TOLERANCE


def test_defect_subgroup_option(capsys):
    payload = run_json(capsys, "defect", "dihedral:12", "--class", "action", "--subgroup", "(0 1 2 3 4 5 6 7 8 9 10 11)")
    assert payload["size"] == 12
    assert payload["exactly_invariant"] is True


def test_defect_scheme_file(capsys, tmp_path):
    path = tmp_path / "scheme.json"
    path.write_text(json.dumps({"group": "cyclic:4", "elements": ["0", "2"], "weights": [0.5, 0.5]}))
    payload = run_json(capsys, "defect", "cyclic:4", "--class", "regular", "--scheme", str(path))
    # w = (delta_0 + delta_2)/2 kills chi_1 and chi_3 but w_hat(chi_2) = 1, so beta = 1 and Delta = 2.
    assert payload["size"] == 2
    assert abs(payload["beta"] - 1) < TOLERANCE
    assert abs(payload["defect"] - 2) < TOLERANCE


def test_defect_max_order_drops_delta(capsys):
    payload = run_json(capsys, "defect", "symmetric:5", "--class", "regular", "--random", "5", "--max-order", "10")
    assert payload["defect"] is None
    assert payload["convention"]["max_order"] == 10


def test_defect_text_output(capsys):
    assert main(["defect", "quaternion", "--class", "regular", "--uniform"]) == 0
    text = capsys.readouterr().out
    assert "exact           True" in text


# -- errors -------------------------------------------------------------------


def bad_weights_file(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"group": "cyclic:5", "elements": ["0", "1"], "weights": [0.5, 0.6]}))
    return str(path)


BAD_INPUTS = [
    (["describe", "bogus"], "invalid group spec 'bogus'"),
    (["defect", "cyclic:x", "--class", "regular", "--uniform"], "invalid group spec 'cyclic:x'"),
    (["describe", "cyclic:5", "--class", "bogus"], "invalid class spec 'bogus'"),
    (["defect", "dihedral:5", "--class", "band:2", "--uniform"], "needs an abelian group"),
    (["defect", "cyclic:5", "--class", "regular", "--scheme", "/nonexistent/scheme.json"], "cannot read scheme file"),
    (["defect", "cyclic:5", "--class", "regular", "--scheme", "BAD_WEIGHTS"], "must sum to 1"),
    (["defect", "cyclic:5", "--class", "regular", "--random", "0"], "needs K >= 1 draws, got 0"),
    (["defect", "cyclic:5", "--class", "regular", "--uniform", "--max-order", "0"], "--max-order must be at least 1"),
    (["defect", "alternating:4", "--class", "regular", "--subgroup", "(0 1)"], "is not an element of 'alternating:4'"),
    (["defect", "rubik:3", "--class", "regular", "--uniform"], "use --random K"),
    (["run", "--claims", "ZZ"], "unknown claim ZZ"),
]


@pytest.mark.parametrize("argv, message", BAD_INPUTS)
def test_bad_input_one_line_error(capsys, tmp_path, argv, message):
    argv = [bad_weights_file(tmp_path) if item == "BAD_WEIGHTS" else item for item in argv]
    assert main(argv) == 2
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("error: ")
    assert message in lines[0]
    assert "Traceback" not in captured.err
    assert captured.out == ""


def test_bad_group_subprocess_exit_status():
    result = run_subprocess("describe", "bogus")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: invalid group spec 'bogus'")


def test_bad_weights_subprocess_exit_status(tmp_path):
    result = run_subprocess("defect", "cyclic:5", "--class", "regular", "--scheme", bad_weights_file(tmp_path))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: scheme weights must sum to 1")


# -- help -------------------------------------------------------------------


def command_names():
    return [module.NAME for module in _command_modules()]


def test_expected_commands_exist():
    assert {"describe", "defect", "run"} <= set(command_names())


@pytest.mark.parametrize("name", command_names())
def test_help_for_each_command(capsys, name):
    with pytest.raises(SystemExit) as stopped:
        main([name, "--help"])
    assert stopped.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith(f"usage: python -m verify {name}")


def test_top_level_help(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--help"])
    assert stopped.value.code == 0
    text = capsys.readouterr().out
    for name in ("describe", "defect", "run"):
        assert name in text


# -- run -------------------------------------------------------------------


RUN_KEYS = {"claims", "panel", "seed", "versions", "seconds"}


def check_run_payload(payload, claim_id, level):
    assert RUN_KEYS <= set(payload)
    assert [row["id"] for row in payload["claims"]] == [claim_id]
    row = payload["claims"][0]
    assert {"id", "title", "levels", "evidence"} <= set(row)
    assert set(row["levels"]) == {"symbolic", "exhaustive", "property", "statistical"}
    assert row["levels"][level] == "passed"
    assert {"group": "symmetric:5", "class": "regular"} in payload["panel"]
    assert payload["seed"] == 0
    assert {"python", "numpy", "scipy", "sympy"} <= set(payload["versions"])
    assert payload["seconds"] >= 0


def test_run_one_claim_in_process(capsys):
    payload = run_json(capsys, "run", "--claims", "L3", "--levels", "exhaustive", "--quiet")
    check_run_payload(payload, "L3", "exhaustive")


@pytest.mark.slow
def test_run_l2_exhaustive_subprocess():
    result = run_subprocess("run", "--claims", "L2", "--levels", "exhaustive", "--json", "--quiet", timeout=1200)
    assert result.returncode == 0, result.stderr
    check_run_payload(json.loads(result.stdout), "L2", "exhaustive")


def test_run_rejects_unknown_level(capsys):
    assert main(["run", "--levels", "bogus"]) == 2
    assert "unknown level bogus" in capsys.readouterr().err
