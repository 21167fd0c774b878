"""Mutation tests: each property must refute a deliberately wrong constant or transform.

A property that passes with a broken ingredient checks nothing.  Each test
substitutes one ingredient through a keyword argument and requires a
counterexample within a small example budget.
"""

import json
import shlex
import subprocess
import sys

import numpy as np
import pytest

from verify.checks.properties import l1_defects_property, l2_sandwich_property
from verify.checks.property_tail import tail_bound_property
from verify.classes import parse_class
from verify.defects import compute_defects
from verify.groups import parse_group
from verify.schemes import make_scheme


def transposed_fourier_transform(backend, index, elements, values):
    """A broken transform: ``sum_g f(g) pi(g)^T`` (right on abelian groups only)."""
    matrices = backend.matrices(int(index), np.asarray(elements, dtype=np.int64))
    return np.tensordot(np.asarray(values, dtype=complex), np.swapaxes(matrices, -1, -2), axes=(0, 0))


def test_transposed_transform_refuted():
    outcome = l1_defects_property(examples=100, seed=1, transform=transposed_fourier_transform)
    assert outcome.violation is not None
    assert "L1" in outcome.violation.statement
    assert not parse_group(outcome.violation.case["group"]).is_abelian


def test_upper_sandwich_constant_refuted():
    outcome = l2_sandwich_property(examples=100, seed=1, upper_constant=1.5)
    assert outcome.violation is not None
    assert outcome.violation.statement == "Delta <= 1.5 beta"
    assert outcome.violation.lhs > outcome.violation.rhs


def test_lower_sandwich_constant_refuted():
    outcome = l2_sandwich_property(examples=100, seed=1, lower_constant=1.8)
    assert outcome.violation is not None
    assert outcome.violation.statement == "1.8 beta <= Delta"
    assert outcome.violation.lhs > outcome.violation.rhs


def test_lower_sandwich_refuted_on_z3():
    # On Z_3 every nontrivial character has order 3, so Delta / beta = sqrt(3) < 1.8.
    group = parse_group("cyclic:3")
    report = compute_defects(parse_class("regular", group), make_scheme(group, [0], [1.0]))
    assert report.delta / report.beta == pytest.approx(np.sqrt(3))


def test_tail_exponent_refuted():
    result = tail_bound_property(trials=300, seed=1, exponent=3 / 2)
    assert not result.passed
    row = result.details["counterexample"]
    assert row["lower_confidence_bound"] > row["bound"]


def test_counterexample_reproduces(tmp_path):
    outcome = l2_sandwich_property(examples=100, seed=1, upper_constant=1.5)
    case = outcome.violation.case
    scheme_path = tmp_path / "counterexample.json"
    scheme_path.write_text(json.dumps(case["scheme_file"]))
    command = case["command"].replace("python -m verify", "").replace("counterexample.json", str(scheme_path))
    arguments = [sys.executable, "-m", "verify", *shlex.split(command), "--json"]
    completed = subprocess.run(arguments, capture_output=True, text=True, check=True)
    output = json.loads(completed.stdout)
    # The command line shows the same violation: Delta > 1.5 beta.
    assert output["defect"] > 1.5 * output["beta"]
    assert output["defect"] == pytest.approx(outcome.violation.lhs)
