"""Input errors found by a new user: one line, exit status 2, never a traceback or a wrong reason."""

from __future__ import annotations

import json

import pytest

from verify.cli import main
from verify.errors import UsageError
from verify.groups import parse_group
from verify.schemes import scheme_from_json


def run_command(capsys, *argv):
    """Return (exit status, stdout, stderr) of ``python -m verify argv``, catching argparse's exit."""
    try:
        status = main(list(argv))
    except SystemExit as exit_signal:
        status = exit_signal.code
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize(
    "argv",
    [
        ("defect", "symmetric:5", "--class", "regular", "--random", "5", "--seed", "-1"),
        ("run", "--seed", "-3"),
        ("complexity", "cyclic:12", "--class", "regular", "--notion", "weak", "--epsilon", "0.3", "--seed", "-1"),
        ("defect", "symmetric:5", "--class", "regular", "--seed", "x", "--random", "3"),
    ],
)
def test_negative_or_invalid_seed_rejected(capsys, argv):
    status, _, error = run_command(capsys, *argv)
    assert status == 2
    assert "must be a non-negative integer" in error
    assert error.count("\n") == 1


@pytest.mark.parametrize(
    "argv",
    [
        ("--bogus",),
        ("defect", "symmetric:5", "--class", "regular"),
        ("defect", "symmetric:5", "--uniform"),
        ("describe",),
    ],
)
def test_usage_errors_are_one_line(capsys, argv):
    status, _, error = run_command(capsys, *argv)
    assert status == 2
    assert error.startswith("error: ")
    assert error.count("\n") == 1
    assert "--help" in error


def test_rep_only_for_polynomial_classes(capsys):
    status, _, error = run_command(capsys, "describe", "symmetric:3", "--class", "regular", "--rep", "bogus")
    assert status == 2
    assert "applies only to poly:k classes" in error


def test_null_delta_reason_matrix_free(capsys):
    spec = "perm:(0 1 2 3 4 5 6 7 8 9 10);(2 6 10 7)(3 9 4 5)"
    status, output, _ = run_command(capsys, "defect", spec, "--class", "regular", "--random", "20", "--json")
    payload = json.loads(output)
    assert status == 0
    assert payload["defect"] is None
    assert "matrix-free" in payload["defect_note"]
    assert "max-order" not in payload["defect_note"]


def test_null_delta_reason_not_enumerated(capsys):
    argv = ("defect", "rubik:2", "--class", "action", "--random", "5", "--max-order", "4000000", "--json")
    status, output, _ = run_command(capsys, *argv)
    payload = json.loads(output)
    assert status == 0
    assert "too large to enumerate" in payload["defect_note"]


def test_null_delta_reason_max_order(capsys):
    argv = ("defect", "symmetric:5", "--class", "regular", "--random", "5", "--max-order", "100", "--json")
    status, output, _ = run_command(capsys, *argv)
    payload = json.loads(output)
    assert payload["defect"] is None
    assert "exceeds max_order = 100" in payload["defect_note"]


def test_delta_too_costly_is_null(capsys):
    status, output, _ = run_command(capsys, "defect", "symmetric:8", "--class", "regular", "--random", "3", "--json")
    payload = json.loads(output)
    assert status == 0
    assert payload["defect"] is None
    assert "N * sum d^3" in payload["defect_note"]
    assert payload["sandwich_lower"] <= payload["sandwich_upper"]


def test_fourier_entry_limit(capsys):
    status, _, error = run_command(capsys, "defect", "symmetric:12", "--class", "regular", "--random", "5")
    assert status == 2
    assert "matrix entries, above the limit" in error


@pytest.mark.parametrize(
    "data, message",
    [
        ({"group": "cyclic:5", "elements": ["0"], "weights": [True]}, "JSON number, got True"),
        ({"group": "cyclic:5", "elements": ["0", "1"], "weights": ["0.5", "0.5"]}, "JSON number, got '0.5'"),
        ({"group": "cyclic:5", "elements": ["0"], "weights": [1.0], "comment": "x"}, "unknown key"),
    ],
)
def test_scheme_file_content_rejected(data, message):
    with pytest.raises(UsageError, match=message):
        scheme_from_json(data, parse_group("cyclic:5"))


def test_describe_marks_cut_degree_list(capsys):
    status, output, _ = run_command(capsys, "describe", "symmetric:10")
    assert status == 0
    assert "... (12 more)" in output


@pytest.mark.parametrize("option", ["--levels", "--claims"])
def test_run_rejects_empty_lists(capsys, option):
    status, _, error = run_command(capsys, "run", option, "", "--quiet")
    assert status == 2
    assert "is empty" in error


def test_run_marks_levels_left_out(capsys):
    status, output, _ = run_command(capsys, "run", "--claims", "T4", "--levels", "exhaustive", "--quiet", "--json")
    payload = json.loads(output)
    levels = payload["claims"][0]["levels"]
    assert status == 0
    assert levels["symbolic"] == "not run"
    assert levels["exhaustive"] == "passed"
    assert levels["property"] == "not run"
    assert levels["statistical"] == "not checked"


def test_evidence_names_only_checked_groups(capsys):
    status, output, _ = run_command(capsys, "run", "--claims", "L2", "--levels", "exhaustive", "--quiet", "--json")
    payload = json.loads(output)
    sandwich = [item for item in payload["claims"][0]["checks"] if item["id"] == "L2.sandwich"][0]
    assert status == 0
    # rubik:2 has no Delta (too large to enumerate), so it contributes no case.
    assert "rubik:2" not in sandwich["evidence"]
    assert "M11" in sandwich["evidence"]


def test_write_scheme_to_missing_directory(capsys, tmp_path):
    target = tmp_path / "missing" / "scheme.json"
    argv = ("complexity", "cyclic:7", "--class", "regular", "--notion", "weak", "--epsilon", "0.1", "--quiet", "--write-scheme", str(target))
    status, _, error = run_command(capsys, *argv)
    assert status == 2
    assert error.startswith("error: cannot write scheme file")
    assert error.count("\n") == 1
