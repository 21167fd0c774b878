"""Tests of the --rep inputs: closed forms, homomorphism, faithfulness and file errors.

Oracles: the closed forms rho(r^a s^b) = R(2 pi a / n) diag(1, -1)^b and
diag((-1)^c) for sign flips, permutation matrices from image arrays, and
hand-made files.  Tolerance: 1e-10 on matrix entries.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from verify.errors import SpecError, UsageError
from verify.groups import parse_group
from verify.polynomial import analyze_threshold
from verify.representations.inputs import default_representation_spec, parse_representation

TOLERANCE = 1e-10


def rotation(angle: float) -> np.ndarray:
    return np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])


def test_dihedral_rotation_closed_form():
    group = parse_group("dihedral:6")
    matrices = parse_representation("rotation", group).matrices
    for index in group.elements():
        a, b = (int(x) for x in group.split(index))
        expected = rotation(2 * np.pi * a / 6) @ np.diag([1.0, -1.0]) ** b if b else rotation(2 * np.pi * a / 6)
        assert np.allclose(matrices[index], expected, atol=TOLERANCE)


def test_dihedral_rotation_matches_vertex_action():
    group = parse_group("dihedral:5")
    matrices = parse_representation("rotation", group).matrices
    vertices = np.array([[np.cos(2 * np.pi * x / 5), np.sin(2 * np.pi * x / 5)] for x in range(5)])
    images = group.vertex_permutations(group.elements())
    for index in group.elements():
        assert np.allclose(vertices @ matrices[index].T, vertices[images[index]], atol=TOLERANCE)


def test_signs_closed_form():
    group = parse_group("hypercube:3")
    matrices = parse_representation("signs", group).matrices
    for index in group.elements():
        signs = np.where(group.coordinates(index) == 1, -1.0, 1.0)
        assert np.allclose(matrices[index], np.diag(signs), atol=TOLERANCE)


def test_natural_permutation_matrices():
    group = parse_group("alternating:4")
    matrices = parse_representation("natural", group).matrices
    for index in group.elements():
        image = group.permutations[index]
        basis = np.eye(4)
        assert np.allclose(matrices[index] @ basis, basis[:, image], atol=TOLERANCE)


def test_default_representation_by_family():
    assert default_representation_spec(parse_group("symmetric:3")) == "natural"
    assert default_representation_spec(parse_group("cyclic:4")) == "rotation"
    assert default_representation_spec(parse_group("dihedral:4")) == "rotation"
    assert default_representation_spec(parse_group("hypercube:2")) == "signs"
    with pytest.raises(SpecError, match="no default representation"):
        default_representation_spec(parse_group("quaternion"))


def test_natural_on_digon_is_not_faithful():
    representation = parse_representation("natural", parse_group("dihedral:2"))
    assert not representation.is_faithful
    assert len(representation.kernel) == 2


def write_json(tmp_path, data, name="rep.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return f"file:{path}"


def test_file_rep_faithful(tmp_path):
    group = parse_group("cyclic:3")
    spec = write_json(tmp_path, {"group": "cyclic:3", "generators": [[[0, -1], [1, -1]]]})
    representation = parse_representation(spec, group)
    assert representation.is_faithful
    assert analyze_threshold(group, spec).k_star == 1


def test_file_rep_not_faithful(tmp_path):
    group = parse_group("cyclic:4")
    spec = write_json(tmp_path, {"generators": [[[-1, 0], [0, -1]]]})
    representation = parse_representation(spec, group)
    assert not representation.is_faithful
    assert sorted(representation.kernel.tolist()) == [0, 2]
    assert analyze_threshold(group, spec).k_star is None


def test_file_rep_trivial_group_needs_dimension(tmp_path):
    group = parse_group("cyclic:1")
    with pytest.raises(SpecError, match="'dimension' is required"):
        parse_representation(write_json(tmp_path, {"generators": []}), group)
    representation = parse_representation(write_json(tmp_path, {"generators": [], "dimension": 3}, "b.json"), group)
    assert representation.dimension == 3


FILE_ERRORS = [
    ("{not json", "not valid JSON"),
    ([1, 2], "must hold a JSON object"),
    ({"matrices": []}, "needs a key 'generators'"),
    ({"generators": []}, "gives 0 generator matrices"),
    ({"generators": [[[1, 0]]]}, "must be square"),
    ({"generators": [[["a"]]]}, "entries must be real numbers"),
    ({"generators": [[[0.0]]]}, "is singular"),
    ({"group": "cyclic:4", "generators": [[[1]]]}, "is for group 'cyclic:4'"),
    ({"generators": [[[1, 0], [0, 1]]], "dimension": 3}, "disagree on the size"),
]


@pytest.mark.parametrize(("content", "message"), FILE_ERRORS)
def test_file_rep_format_errors(tmp_path, content, message):
    with pytest.raises(SpecError, match=message):
        parse_representation(write_json(tmp_path, content), parse_group("cyclic:3"))


def test_file_rep_missing(tmp_path):
    with pytest.raises(SpecError, match="not found"):
        parse_representation(f"file:{tmp_path / 'absent.json'}", parse_group("cyclic:3"))


def test_file_rep_relation_violated(tmp_path):
    # -1 has order 2, so it cannot be the image of a generator of order 3.
    with pytest.raises(UsageError, match="is not a representation of 'cyclic:3'"):
        parse_representation(write_json(tmp_path, {"generators": [[[-1]]]}), parse_group("cyclic:3"))


def test_invalid_representation_spec():
    with pytest.raises(SpecError, match="Valid forms: natural, rotation, signs, file:PATH"):
        parse_representation("regular", parse_group("cyclic:3"))
    with pytest.raises(SpecError, match="needs hypercube:n"):
        parse_representation("signs", parse_group("cyclic:3"))
    with pytest.raises(SpecError, match="needs cyclic:N or dihedral:n"):
        parse_representation("rotation", parse_group("symmetric:3"))
