"""Real matrix representations of a group on ``R^n``, given by the ``--rep`` option.

A polynomial class ``poly:k`` lives on a representation ``rho`` of the group
on ``V = R^n``.  This module turns a ``--rep`` spec into the matrices
``rho(g)`` of every element, checks that they form a representation and
reports whether it is faithful.

Main definitions
----------------
* :class:`MatrixRepresentation` -- the matrices ``rho(g)`` of all elements,
  the kernel and faithfulness.
* :func:`parse_representation` -- build one from a spec: ``natural``,
  ``rotation``, ``signs`` or ``file:PATH``.
* :func:`default_representation_spec` -- the spec used when ``--rep`` is
  omitted.
* :data:`REPRESENTATION_SPEC_FORMS`

Implementation notes
--------------------
Every input only fixes the matrices of the generators, in the order of
``group.generators``:

``natural``
    permutation groups (``symmetric``, ``alternating``, ``perm``) on their
    points ``0..degree-1``, and ``dihedral:n`` on the vertices of the n-gon:
    ``rho(g) e_x = e_{g(x)}``, the permutation matrix with ones at
    ``(g(x), x)``.  It is faithful for permutation groups and for
    ``dihedral:n`` with ``n >= 3``.
``rotation``
    ``cyclic:N`` and ``dihedral:n`` on ``R^2``: the generator ``r`` goes to
    the rotation by ``2 pi / N`` (or ``2 pi / n``) and the reflection ``s``
    of ``dihedral:n`` to ``diag(1, -1)``.  Identifying vertex ``x`` of the
    n-gon with the angle ``2 pi x / n``, ``r^a s^b`` then acts as the vertex
    map ``x -> (-1)^b x + a`` that defines the dihedral group law.
``signs``
    ``hypercube:n`` on ``R^n``: generator ``j`` (coordinate ``j``) flips the
    sign of axis ``j``.
``file:PATH``
    a JSON object ``{"group": SPEC, "dimension": n, "generators": [M_1,
    ...]}``: one real ``n x n`` matrix per generator, written as a list of
    rows, in the order of ``group.generators`` (``threshold`` prints them).
    ``group`` is optional and, when present, must equal the group spec;
    ``dimension`` is optional unless the group has no generators.

The matrices of all elements are products along a breadth-first tree over
the generators: ``rho(g s) = rho(g) rho(s)`` for each tree edge ``g -> g s``.
The homomorphism property is then checked on every pair (element,
generator), which implies it on all pairs because every element is a product
of generators.  A spec whose matrices violate a relation of the group fails
this check with :class:`~verify.errors.UsageError`.  Floating comparisons use
the tolerance :data:`MATRIX_TOLERANCE` times ``max(1, max |rho(s)|)``.

The matrices of all ``N`` elements are stored, so ``N n^2`` is limited to
:data:`MATRIX_ENTRY_LIMIT`.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from verify.errors import SpecError, UsageError

__all__ = [
    "MatrixRepresentation",
    "parse_representation",
    "default_representation_spec",
    "REPRESENTATION_SPEC_FORMS",
    "MATRIX_TOLERANCE",
    "MATRIX_ENTRY_LIMIT",
]

REPRESENTATION_SPEC_FORMS = ("natural", "rotation", "signs", "file:PATH")

#: Relative tolerance of the homomorphism and kernel tests in float64.
MATRIX_TOLERANCE = 1e-8

#: Largest ``N * n^2`` (matrix entries of all elements) that is built.
MATRIX_ENTRY_LIMIT = 20_000_000

_PERMUTATION_FAMILIES = ("symmetric", "alternating", "perm")


@dataclass(frozen=True, eq=False)
class MatrixRepresentation:
    """A real representation ``rho`` of an enumerated group on ``R^n``.

    Attributes
    ----------
    spec : str
        The representation spec, e.g. ``"natural"`` or ``"file:rep.json"``.
    group : FiniteGroup
    matrices : (N, n, n) ndarray of float
        ``matrices[g]`` is ``rho(g)`` for the element with index ``g``.
    kernel : (m,) ndarray of int
        Indices of the elements with ``rho(g) = I`` (within the tolerance).
    """

    spec: str
    group: object
    matrices: np.ndarray
    kernel: np.ndarray

    @property
    def dimension(self) -> int:
        """``n = dim V``."""
        return int(self.matrices.shape[-1])

    @property
    def is_faithful(self) -> bool:
        """Whether only the identity acts as ``I``."""
        return len(self.kernel) == 1

    def describe(self) -> dict:
        """Return the JSON form: spec, dimension, faithfulness and kernel size."""
        return {
            "spec": self.spec,
            "dimension": self.dimension,
            "faithful": self.is_faithful,
            "kernel_size": int(len(self.kernel)),
        }


def default_representation_spec(group) -> str:
    """Return the ``--rep`` used when none is given: by family.

    Raises
    ------
    SpecError
        If the family has no default (``abelian``, ``quaternion``, ``rubik``).
    """
    if group.family in _PERMUTATION_FAMILIES:
        return "natural"
    if group.family in ("cyclic", "dihedral"):
        return "rotation"
    if group.family == "hypercube":
        return "signs"
    if not group.is_enumerated:
        raise SpecError(too_large_message(group))
    raise SpecError(
        f"group {group.spec!r} has no default representation for polynomial classes; "
        f"give --rep file:PATH with the matrices of its generators"
    )


def too_large_message(group, unavailable: str = "polynomial classes and their thresholds are") -> str:
    """Return the message for a group above the enumeration limit, naming what is ``unavailable``."""
    from verify.groups.base import ENUMERATION_LIMIT

    return (f"group {group.spec!r} has order {group.order}, too large to enumerate (the limit is "
            f"{ENUMERATION_LIMIT:,} elements), so {unavailable} not available for it")


def parse_representation(spec: str | None, group) -> MatrixRepresentation:
    """Return the representation ``spec`` of ``group``.

    Parameters
    ----------
    spec : str or None
        One of :data:`REPRESENTATION_SPEC_FORMS`; ``None`` means the default
        of the family (:func:`default_representation_spec`).
    group : FiniteGroup
        An enumerated group.

    Returns
    -------
    MatrixRepresentation

    Raises
    ------
    SpecError
        If the spec is invalid or does not apply to the group, or a file is
        missing or malformed.
    UsageError
        If the matrices do not define a representation, or the group is too
        large for storing all matrices.

    Examples
    --------
    >>> from verify.groups import parse_group
    >>> rep = parse_representation("natural", parse_group("symmetric:3"))
    >>> rep.dimension, rep.is_faithful
    (3, True)
    """
    if spec is None:
        spec = default_representation_spec(group)
    if not isinstance(spec, str):
        raise SpecError(f"representation spec must be a string, got {type(spec).__name__}")
    spec = spec.strip()
    if spec.lower().startswith("file:"):
        # A file can change between calls, so its matrices are never cached.
        return _build_representation(spec, group)
    return _cached_representation(spec, group)


@lru_cache(maxsize=32)
def _cached_representation(spec: str, group) -> MatrixRepresentation:
    return _build_representation(spec, group)


def _build_representation(spec: str, group) -> MatrixRepresentation:
    if not group.is_enumerated:
        raise SpecError(f"representation {spec!r} is invalid here: {too_large_message(group)}")
    kind, _, argument = spec.partition(":")
    kind = kind.strip().lower()
    if kind == "natural" and not argument:
        generators = _natural_generators(group)
    elif kind == "rotation" and not argument:
        generators = _rotation_generators(group)
    elif kind == "signs" and not argument:
        generators = _sign_generators(group)
    elif kind == "file" and argument.strip():
        generators = _file_generators(group, argument.strip())
    else:
        raise SpecError(
            f"invalid representation spec {spec!r}. Valid forms: {', '.join(REPRESENTATION_SPEC_FORMS)}"
        )
    matrices = _matrices_along_tree(group, generators, spec)
    _check_homomorphism(group, matrices, generators, spec)
    return MatrixRepresentation(spec=spec, group=group, matrices=matrices, kernel=_kernel(matrices, generators))


# -- generator matrices of the built-in inputs -----------------------------------


def _permutation_matrices(images: np.ndarray) -> np.ndarray:
    """Return ``(k, n, n)`` matrices with ones at ``(image[x], x)``."""
    count, degree = images.shape
    matrices = np.zeros((count, degree, degree))
    columns = np.arange(degree)
    for row, image in enumerate(images):
        matrices[row, image, columns] = 1.0
    return matrices


def _natural_generators(group) -> np.ndarray:
    generators = group.generators
    if group.family in _PERMUTATION_FAMILIES:
        return _permutation_matrices(group.permutations_of(generators).reshape(-1, group.degree))
    if group.family == "dihedral":
        return _permutation_matrices(group.vertex_permutations(generators).reshape(-1, group.n))
    raise SpecError(
        f"representation 'natural' needs a permutation group (symmetric, alternating, perm) "
        f"or dihedral:n, got {group.spec!r}"
    )


def _rotation_matrix(angle: float) -> np.ndarray:
    return np.array([[math.cos(angle), -math.sin(angle)], [math.sin(angle), math.cos(angle)]])


def _rotation_generators(group) -> np.ndarray:
    if group.family == "cyclic":
        # cyclic:N has one generator (coordinate 1) unless N = 1.
        return np.array([_rotation_matrix(2 * math.pi / group.order) for _ in group.generators]).reshape(-1, 2, 2)
    if group.family == "dihedral":
        matrices = []
        for generator in group.generators:
            rotation, reflection = (int(x) for x in group.split(generator))
            matrix = _rotation_matrix(2 * math.pi * rotation / group.n)
            if reflection:
                matrix = matrix @ np.diag([1.0, -1.0])
            matrices.append(matrix)
        return np.array(matrices).reshape(-1, 2, 2)
    raise SpecError(f"representation 'rotation' needs cyclic:N or dihedral:n, got {group.spec!r}")


def _sign_generators(group) -> np.ndarray:
    if group.family != "hypercube":
        raise SpecError(f"representation 'signs' needs hypercube:n, got {group.spec!r}")
    n = len(group.moduli)
    matrices = []
    for generator in group.generators:
        coordinates = group.coordinates(generator)
        matrices.append(np.diag(np.where(coordinates == 1, -1.0, 1.0)))
    return np.array(matrices).reshape(-1, n, n)


# -- file input ----------------------------------------------------------------


def _file_generators(group, path_text: str) -> np.ndarray:
    path = Path(path_text)
    where = f"representation file {path_text!r}"
    if not path.is_file():
        raise SpecError(f"{where} not found")
    try:
        data = json.loads(path.read_text())
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SpecError(f"{where} is not valid JSON: {error}") from None
    if not isinstance(data, dict):
        raise SpecError(f"{where} must hold a JSON object with a 'generators' list, got {type(data).__name__}")
    if "group" in data and str(data["group"]).strip() != group.spec:
        raise SpecError(f"{where} is for group {data['group']!r}, but the group is {group.spec!r}")
    generators = data.get("generators")
    if not isinstance(generators, list):
        raise SpecError(f"{where} needs a key 'generators' with a list of matrices (lists of rows)")

    expected = [group.format_element(int(g)) for g in group.generators]
    if len(generators) != len(expected):
        raise SpecError(
            f"{where} gives {len(generators)} generator matrices, but {group.spec!r} has "
            f"{len(expected)} generators, in this order: {', '.join(expected) or '(none)'}"
        )
    dimension = data.get("dimension")
    if dimension is not None and (isinstance(dimension, bool) or not isinstance(dimension, int) or dimension < 1):
        raise SpecError(f"{where}: 'dimension' must be an integer >= 1, got {dimension!r}")
    if not generators and dimension is None:
        raise SpecError(f"{where}: {group.spec!r} has no generators, so 'dimension' is required")

    matrices = [_file_matrix(entry, position, where) for position, entry in enumerate(generators)]
    sizes = {matrix.shape[0] for matrix in matrices} | ({dimension} if dimension is not None else set())
    if len(sizes) > 1:
        raise SpecError(f"{where}: the matrices and 'dimension' disagree on the size n; sizes found {sorted(sizes)}")
    size = sizes.pop()
    return np.array(matrices, dtype=float).reshape(-1, size, size)


def _file_matrix(entry, position: int, where: str) -> np.ndarray:
    name = f"{where}: generator matrix {position}"
    if not isinstance(entry, list) or not entry or not all(isinstance(row, list) for row in entry):
        raise SpecError(f"{name} must be a non-empty list of rows, got {entry!r}")
    size = len(entry)
    if any(len(row) != size for row in entry):
        raise SpecError(f"{name} must be square, got rows of lengths {[len(row) for row in entry]}")
    for row in entry:
        for value in row:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise SpecError(f"{name} has the entry {value!r}; entries must be real numbers")
    matrix = np.array(entry, dtype=float)
    if not np.all(np.isfinite(matrix)):
        raise SpecError(f"{name} has an entry that is not finite")
    if abs(np.linalg.det(matrix)) < MATRIX_TOLERANCE:
        raise SpecError(f"{name} is singular, so it cannot represent a group element")
    return matrix


# -- all elements, homomorphism and kernel ------------------------------------------------


def _tolerance(generators: np.ndarray) -> float:
    scale = float(np.abs(generators).max()) if generators.size else 1.0
    return MATRIX_TOLERANCE * max(1.0, scale)


def _matrices_along_tree(group, generators: np.ndarray, spec: str) -> np.ndarray:
    """Return ``rho(g)`` for every element from a breadth-first tree over the generators."""
    # Every input returns shape (k, n, n), also for k = 0 generators.
    size = generators.shape[-1]
    if group.order * size * size > MATRIX_ENTRY_LIMIT:
        raise UsageError(
            f"representation {spec!r} of {group.spec!r}: {group.order} matrices of size {size} exceed "
            f"the limit of {MATRIX_ENTRY_LIMIT} stored entries"
        )
    matrices = np.full((group.order, size, size), np.nan)
    matrices[0] = np.eye(size)
    reached = np.zeros(group.order, dtype=bool)
    reached[0] = True
    frontier = np.array([0], dtype=np.int64)
    generator_indices = group.generators

    # Each level multiplies the frontier on the right by every generator.
    while frontier.size:
        found = []
        for generator, matrix in zip(generator_indices, generators):
            products = group.multiply(frontier, generator)
            new = ~reached[products]
            targets, first = np.unique(products[new], return_index=True)
            if targets.size == 0:
                continue
            sources = frontier[new][first]
            matrices[targets] = matrices[sources] @ matrix
            reached[targets] = True
            found.append(targets)
        frontier = np.concatenate(found) if found else np.zeros(0, dtype=np.int64)

    if not reached.all():
        raise RuntimeError(f"the generators of {group.spec!r} do not reach every element")
    return matrices


def _check_homomorphism(group, matrices: np.ndarray, generators: np.ndarray, spec: str) -> None:
    tolerance = _tolerance(generators)
    elements = group.elements()
    for generator, matrix in zip(group.generators, generators):
        products = group.multiply(elements, generator)
        errors = np.abs(matrices[products] - matrices @ matrix).max(axis=(-2, -1))
        worst = int(np.argmax(errors))
        if errors[worst] > tolerance:
            raise UsageError(
                f"representation {spec!r} is not a representation of {group.spec!r}: "
                f"rho(g s) differs from rho(g) rho(s) by {errors[worst]:.3g} (tolerance {tolerance:.1e}) "
                f"for g = {group.format_element(worst)}, s = {group.format_element(int(generator))}"
            )


def _kernel(matrices: np.ndarray, generators: np.ndarray) -> np.ndarray:
    identity = np.eye(matrices.shape[-1])
    distances = np.abs(matrices - identity).max(axis=(-2, -1))
    return np.flatnonzero(distances <= _tolerance(generators))
