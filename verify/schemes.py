"""Averaging schemes ``w: G -> R`` with finite support and total weight 1.

Main definitions
----------------
* :class:`AveragingScheme` -- distinct support elements with nonzero weights.
* :func:`make_scheme` -- validate elements and weights, merge repeats.
* :func:`uniform_scheme`, :func:`subgroup_scheme`, :func:`random_scheme`,
  :func:`scheme_from_json`, :func:`load_scheme_file`, :func:`scheme_to_json`.

Implementation notes
--------------------
A scheme file is JSON: ``{"group": SPEC, "elements": [ELEMENT, ...],
"weights": [w, ...]}``, elements in the group's notation (cycle notation for
permutation groups and for ``dihedral:n`` with ``n >= 3``, coordinate tuples
such as ``"1,0,1"`` or integers for abelian groups, ``1, -1, i, ...`` for
the quaternion group).  Weights are finite reals summing to 1 within
:data:`WEIGHT_SUM_TOLERANCE`; repeated elements are merged by adding their
weights and elements whose merged weight is exactly 0 are dropped.

The size of a scheme is the number of distinct elements with nonzero
weight: the number of model queries.  A random scheme of ``k`` draws is the
empirical measure of the multiset, so its size is at most ``k`` and
``draws`` records ``k``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from verify.errors import UsageError
from verify.groups.base import check_element_indices

__all__ = [
    "AveragingScheme",
    "WEIGHT_SUM_TOLERANCE",
    "make_scheme",
    "uniform_scheme",
    "subgroup_scheme",
    "random_scheme",
    "scheme_from_json",
    "load_scheme_file",
    "scheme_to_json",
]

WEIGHT_SUM_TOLERANCE = 1e-12


@dataclass(frozen=True, eq=False)
class AveragingScheme:
    """An averaging scheme on ``group``.

    Attributes
    ----------
    group : FiniteGroup
    elements : ndarray
        ``(k,)`` distinct element indices, or ``(k, degree)`` distinct image
        arrays for a permutation group too large to enumerate.
    weights : (k,) ndarray of float64
        Nonzero weights summing to 1.
    draws : int or None
        For a random scheme, the number of draws ``k`` of the multiset.
    origin : str
        How the scheme was built, for reports.
    """

    group: object
    elements: np.ndarray
    weights: np.ndarray
    draws: int | None = None
    origin: str = "explicit"

    @property
    def size(self) -> int:
        """Number of distinct elements with nonzero weight (model queries)."""
        return int(len(self.weights))

    @property
    def l1_norm(self) -> float:
        """``sum |w(g)|``: 1 for nonnegative schemes, larger for signed ones."""
        return float(np.abs(self.weights).sum())

    @property
    def is_nonnegative(self) -> bool:
        """Whether all weights are positive."""
        return bool(np.all(self.weights > 0))

    def element_texts(self) -> list[str]:
        """Return the support in the group's element notation."""
        return [self.group.format_element(element) for element in self.elements]


def _merge(group, elements: np.ndarray, weights: np.ndarray):
    if elements.ndim == 1:
        unique, inverse = np.unique(elements, return_inverse=True)
    else:
        unique, inverse = np.unique(elements, axis=0, return_inverse=True)
    merged = np.zeros(len(unique))
    np.add.at(merged, inverse.ravel(), weights)
    keep = merged != 0
    return unique[keep], merged[keep]


def _checked_permutations(group, elements, check_membership: bool) -> np.ndarray:
    """Return ``elements`` as ``(k, degree)`` image arrays after checking they are group elements."""
    elements = np.asarray(elements)
    if elements.ndim != 2 or elements.shape[1] != group.degree:
        raise UsageError(
            f"elements of {group.spec!r} must be image arrays of length {group.degree}, got shape {elements.shape}"
        )
    elements = elements.astype(np.int64)
    is_permutation = np.all(np.sort(elements, axis=1) == np.arange(group.degree), axis=1)
    if not np.all(is_permutation):
        row = elements[~is_permutation][0]
        raise UsageError(f"scheme element {row.tolist()} is not a permutation of 0..{group.degree - 1}")
    if check_membership:
        for row in elements:
            if not group.contains(row):
                raise UsageError(f"permutation {group.format_element(row)} is not an element of {group.spec!r}")
    return elements


def make_scheme(
    group,
    elements,
    weights,
    draws: int | None = None,
    origin: str = "explicit",
    check_membership: bool = True,
) -> AveragingScheme:
    """Return a validated scheme; repeated elements are merged.

    Parameters
    ----------
    group : FiniteGroup
    elements : array_like
        ``(k,)`` element indices, or ``(k, degree)`` image arrays for a
        permutation group too large to enumerate.
    weights : (k,) array_like of float
        Weights summing to 1 within :data:`WEIGHT_SUM_TOLERANCE`.
    draws : int, optional
        For a random scheme, the number of draws.
    origin : str, optional
        How the scheme was built, for reports.
    check_membership : bool, optional
        Whether image arrays of a group too large to enumerate are tested for
        membership (sympy, a few milliseconds each); samplers that draw from
        the group itself skip it.

    Raises
    ------
    UsageError
        If the lengths differ, the support is empty, an element is not in
        the group, a weight is not finite or the weights do not sum to 1.

    Examples
    --------
    >>> from verify.groups import parse_group
    >>> scheme = make_scheme(parse_group("cyclic:4"), [0, 1, 1], [0.5, 0.25, 0.25])
    >>> scheme.size, scheme.weights.tolist()
    (2, [0.5, 0.5])
    """
    weights = np.asarray(weights, dtype=float).ravel()
    elements = np.asarray(elements)
    if group.is_enumerated:
        elements = elements.astype(np.int64).ravel()
        if elements.size and (elements.min() < 0 or elements.max() >= group.order):
            raise UsageError(f"scheme element index out of range 0..{group.order - 1} for {group.spec!r}")
    else:
        elements = _checked_permutations(group, elements, check_membership)
    if len(elements) != len(weights):
        raise UsageError(f"a scheme needs one weight per element: got {len(elements)} elements and {len(weights)} weights")
    if len(weights) == 0:
        raise UsageError("a scheme needs at least one element")
    if not np.all(np.isfinite(weights)):
        raise UsageError(f"scheme weights must be finite numbers, got {weights[~np.isfinite(weights)][0]}")
    total = float(weights.sum())
    if abs(total - 1.0) > WEIGHT_SUM_TOLERANCE:
        raise UsageError(
            f"scheme weights must sum to 1 (within {WEIGHT_SUM_TOLERANCE:g}), got {total!r}; "
            f"rescale them or fix the file"
        )
    elements, weights = _merge(group, elements, weights)
    if len(weights) == 0:
        raise UsageError("every scheme weight cancelled out after merging repeated elements")
    return AveragingScheme(group=group, elements=elements, weights=weights, draws=draws, origin=origin)


def uniform_scheme(group) -> AveragingScheme:
    """Return ``w = 1/N`` on the whole group (the exact scheme).

    Raises
    ------
    UsageError
        If the group is too large to enumerate.
    """
    if not group.is_enumerated:
        raise UsageError(f"the uniform scheme on {group.spec!r} would need {group.order} elements; use --random K")
    elements = group.elements()
    return AveragingScheme(group, elements, np.full(group.order, 1.0 / group.order), origin="uniform over the group")


def _closure(group, generators: np.ndarray) -> np.ndarray:
    """Return the indices of the subgroup generated by ``generators`` (breadth-first, vectorized)."""
    members = np.zeros(group.order, dtype=bool)
    members[0] = True
    frontier = np.array([0], dtype=np.int64)
    while len(frontier):
        products = group.multiply(frontier[:, None], generators[None, :]).ravel()
        products = np.unique(products)
        new = products[~members[products]]
        members[new] = True
        frontier = new
    return np.flatnonzero(members)


def subgroup_scheme(group, generators) -> AveragingScheme:
    """Return the uniform scheme on the subgroup generated by ``generators``.

    Parameters
    ----------
    group : FiniteGroup
    generators : array_like
        Element indices, or image arrays for a permutation group too large
        to enumerate (then the subgroup itself must be enumerable).
    """
    generators = np.asarray(generators, dtype=np.int64)
    if group.is_enumerated:
        generators = check_element_indices(group, generators)
        members = _closure(group, generators.ravel()) if generators.size else np.array([0])
        return AveragingScheme(group, members, np.full(len(members), 1.0 / len(members)), origin="uniform over a subgroup")

    from verify.groups.permutation import PermutationGroup

    generators = _checked_permutations(group, generators.reshape(-1, group.degree), check_membership=True)
    subgroup = PermutationGroup(generators, "subgroup", "perm")
    if not subgroup.is_enumerated:
        raise UsageError(f"the subgroup has order {subgroup.order}, too large to average over exactly")
    members = subgroup.permutations
    return AveragingScheme(group, members, np.full(len(members), 1.0 / len(members)), origin="uniform over a subgroup")


def random_scheme(group, draws: int, seed: int) -> AveragingScheme:
    """Return the empirical measure of ``draws`` independent uniform elements.

    Parameters
    ----------
    group : FiniteGroup
    draws : int
        Number of draws ``k`` (at least 1); the size is the number of
        distinct elements drawn.
    seed : int
        Seed of :func:`numpy.random.default_rng`; the same seed gives the
        same scheme.

    Raises
    ------
    UsageError
        If ``draws < 1``.
    """
    if isinstance(draws, bool) or not isinstance(draws, (int, np.integer)):
        raise UsageError(f"the number of draws must be an integer, got {draws!r}")
    if int(draws) < 1:
        raise UsageError(f"--random K needs K >= 1 draws, got {draws}")
    rng = np.random.default_rng(seed)
    elements = group.random_elements(int(draws), rng)
    weights = np.full(int(draws), 1.0 / int(draws))
    # Exact 1/k weights may sum to 1 only up to rounding; merge does the rest.
    weights[-1] = 1.0 - weights[:-1].sum()
    return make_scheme(
        group, elements, weights, draws=int(draws), origin=f"{draws} uniform draws, seed {seed}", check_membership=False
    )


def parse_elements(group, texts) -> np.ndarray:
    """Return the elements written ``texts`` (indices, or image arrays for a large group)."""
    values = []
    for text in texts:
        if isinstance(text, bool) or not isinstance(text, (str, int)):
            raise UsageError(f"scheme element {text!r} must be a string in the group's notation")
        if group.is_enumerated:
            values.append(group.parse_element(str(text)))
        else:
            values.append(group.parse_permutation(str(text)))
    return np.array(values, dtype=np.int64)


def scheme_from_json(data: dict, group=None) -> AveragingScheme:
    """Return the scheme described by a parsed scheme file.

    Parameters
    ----------
    data : dict
        ``{"group": SPEC, "elements": [...], "weights": [...]}``.
    group : FiniteGroup, optional
        If given, the file's group spec must name the same group.

    Raises
    ------
    UsageError
        If a key is missing or has the wrong type, the group differs, or the
        scheme is invalid.
    """
    from verify.groups import parse_group

    if not isinstance(data, dict):
        raise UsageError("a scheme file must hold a JSON object with keys group, elements, weights")
    missing = [key for key in ("group", "elements", "weights") if key not in data]
    if missing:
        raise UsageError(f"scheme file is missing the key(s) {', '.join(missing)}")
    unknown = sorted(set(data) - {"group", "elements", "weights"})
    if unknown:
        raise UsageError(f"scheme file has unknown key(s) {', '.join(unknown)}; allowed keys: group, elements, weights")
    if not isinstance(data["elements"], list) or not isinstance(data["weights"], list):
        raise UsageError("scheme file: 'elements' and 'weights' must be JSON lists")
    file_group = parse_group(str(data["group"]))
    if group is not None and file_group.spec != group.spec:
        raise UsageError(f"scheme file is for group {file_group.spec!r}, but the command names {group.spec!r}")
    for weight in data["weights"]:
        if isinstance(weight, bool) or not isinstance(weight, (int, float)):
            raise UsageError(f"scheme file: every weight must be a JSON number, got {weight!r}")
    weights = [float(weight) for weight in data["weights"]]
    elements = parse_elements(file_group, data["elements"])
    return make_scheme(file_group, elements, weights, origin="scheme file")


def load_scheme_file(path, group=None) -> AveragingScheme:
    """Read a scheme file (see the module notes for the format)."""
    path = Path(path)
    try:
        text = path.read_text()
    except OSError as error:
        raise UsageError(f"cannot read scheme file {str(path)!r}: {error.strerror}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise UsageError(f"scheme file {str(path)!r} is not valid JSON: {error}") from None
    return scheme_from_json(data, group)


def scheme_to_json(scheme: AveragingScheme) -> dict:
    """Return the scheme-file form of ``scheme`` (exact weights as floats)."""
    return {
        "group": scheme.group.spec,
        "elements": scheme.element_texts(),
        "weights": [float(weight) for weight in scheme.weights],
    }
