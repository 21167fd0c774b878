"""Function classes ``F``: finite-dimensional unitary representations of a group.

Main definitions
----------------
* :class:`FunctionClass` -- a class with its spectrum ``Pi(F)`` (the
  nontrivial irreducibles occurring in it), ``D(F) = sum of d_pi over Pi(F)``
  and whether it is spectrally complete (``Pi(F)`` is every nontrivial
  irreducible).
* :func:`parse_class` -- build a class from its spec: ``regular``,
  ``action``, ``band:K``, ``irreps:I,J,...``.
* :data:`CLASS_SPEC_FORMS`

Implementation notes
--------------------
``regular`` is ``L^2(G)`` with ``(rho(g) f)(x) = f(g^-1 x)``: every
irreducible ``pi`` occurs ``d_pi`` times, so it is spectrally complete.

``action`` is ``L^2(X)`` for the points ``X`` the group permutes: the points
``0..degree-1`` of a permutation group, the vertices of the n-gon for
``dihedral:n``, and the group itself (the regular action) for abelian groups
and the quaternion group.  The multiplicity of ``pi`` is
``<chi_X, chi_pi> = (1/N) sum_g fix(g) conj(chi_pi(g))``, summed over
conjugacy classes.  Without an irreducible backend (``rubik:3``, the Mathieu
group M11 of order 7920) the spectrum is unknown and ``D(F)`` is reported as
the upper bound ``dim F - (number of orbits)``, since the trivial
representation occurs once per orbit.  Spectral completeness is then decided
where a cheap argument applies: a free orbit (size ``N``) makes the class
complete, and ``dim F < sqrt(N)`` rules it out, because a complete class has
``dim F >= sum over all pi of d_pi >= sqrt(sum d_pi^2) = sqrt(N)``;
otherwise it is reported as unknown (``None``).

``band:K`` exists for abelian groups: the characters ``chi_t`` whose
coordinates, taken in ``(-n_j/2, n_j/2]``, have maximum absolute value
between 1 and ``K``.

``irreps:I,J,...`` is the direct sum of the listed irreducibles, by their
indices in the backend's list; a repeated index adds multiplicity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from verify.errors import SpecError, UsageError

__all__ = ["FunctionClass", "parse_class", "CLASS_SPEC_FORMS"]

CLASS_SPEC_FORMS = ("regular", "action", "band:K", "irreps:I,J,...", "poly:k")


@dataclass(frozen=True, eq=False)
class FunctionClass:
    """A function class on a group.

    Attributes
    ----------
    spec : str
        The class spec, e.g. ``"band:2"``.
    group : FiniteGroup
    kind : str
        ``"regular"``, ``"action"``, ``"band"``, ``"irreps"`` or ``"poly"``.
    multiplicities : dict of int to int, or None
        Irreducible index to multiplicity, for every irreducible that occurs
        (the trivial one included); ``None`` without an irreducible backend.
    dimension : int
        ``dim F`` (as a Python integer; it can be huge for ``regular``).
    spectrum_degree_sum : int
        ``D(F)``, or its upper bound when ``spectrum_degree_sum_is_bound``.
    spectrum_degree_sum_is_bound : bool
    spectrally_complete : bool or None
        ``None`` when it cannot be decided without the irreducibles.
    orbit_count : int or None
        For ``action``: the number of orbits on the points.
    """

    spec: str
    group: object
    kind: str
    multiplicities: dict | None
    dimension: int
    spectrum_degree_sum: int
    spectrum_degree_sum_is_bound: bool
    spectrally_complete: bool | None
    orbit_count: int | None = None
    extra: dict = field(default_factory=dict)

    @property
    def spectrum(self) -> tuple | None:
        """``Pi(F)``: the nontrivial irreducible indices that occur, sorted; ``None`` if unknown."""
        if self.multiplicities is None:
            return None
        return tuple(sorted(index for index, count in self.multiplicities.items() if index != 0 and count > 0))

    @property
    def backend(self):
        """The group's irreducible backend, or ``None``."""
        return self.group.irreducible_backend

    def action_permutations(self, elements) -> np.ndarray:
        """Return the permutations of the points by ``elements`` (``action`` class only).

        Returns
        -------
        (k, n) ndarray of int
            Row ``i`` is the image array of the ``i``-th element on the ``n`` points.
        """
        if self.kind != "action":
            raise UsageError(f"class {self.spec!r} is not an action class")
        return action_permutations(self.group, elements)


# -- actions on points ----------------------------------------------------------


def action_permutations(group, elements) -> np.ndarray:
    """Return the image arrays of ``elements`` acting on the group's points.

    Permutation groups act on ``0..degree-1``, dihedral groups on the
    vertices of the n-gon, all other groups on themselves by left
    multiplication (``g . x = g x``).
    """
    family = group.family
    if family in ("symmetric", "alternating", "perm", "rubik"):
        return group.permutations_of(elements).reshape(-1, group.degree)
    if family == "dihedral":
        return group.vertex_permutations(np.asarray(elements, dtype=np.int64).ravel())
    elements = np.asarray(elements, dtype=np.int64).ravel()
    return group.multiply(elements[:, None], group.elements()[None, :])


def action_point_count(group) -> int:
    """Return the number of points of the group's natural action."""
    if group.family in ("symmetric", "alternating", "perm", "rubik"):
        return group.degree
    if group.family == "dihedral":
        return group.n
    return group.order


def action_orbits(group) -> list[np.ndarray]:
    """Return the orbits of the natural action, each a sorted array of points."""
    if group.family in ("symmetric", "alternating", "perm", "rubik"):
        return group.orbits
    if group.family == "dihedral":
        return [np.arange(group.n)]
    return [np.arange(group.order)]


def _fixed_point_counts(group, elements) -> np.ndarray:
    images = action_permutations(group, elements)
    return (images == np.arange(images.shape[-1])).sum(axis=-1)


def _class_function_multiplicities(backend, values_of) -> dict:
    """Return ``<chi, chi_pi>`` for every irreducible, for the class function ``values_of``."""
    group = backend.group
    representatives, sizes = backend.class_representatives()
    values = np.asarray(values_of(representatives), dtype=float)
    weights = np.array([float(size) for size in sizes]) * values / float(group.order)
    multiplicities = {}
    for irrep in backend.irreps:
        characters = backend.characters(irrep.index, representatives)
        inner = complex(np.sum(weights * np.conj(characters)))
        rounded = int(round(inner.real))
        if abs(inner - rounded) > 1e-6:
            raise RuntimeError(
                f"multiplicity of irreducible {irrep.index} in a class of {group.spec!r} is {inner}, not an integer"
            )
        if rounded:
            multiplicities[irrep.index] = rounded
    return multiplicities


# -- constructors -----------------------------------------------------------


def _from_multiplicities(spec, group, kind, multiplicities, dimension, **extra) -> FunctionClass:
    backend = group.irreducible_backend
    degrees = backend.degrees
    spectrum = [index for index, count in multiplicities.items() if index != 0 and count > 0]
    degree_sum = int(sum(int(degrees[index]) for index in spectrum))
    complete = len(spectrum) == len(backend.irreps) - 1
    return FunctionClass(
        spec=spec,
        group=group,
        kind=kind,
        multiplicities=dict(sorted(multiplicities.items())),
        dimension=int(dimension),
        spectrum_degree_sum=degree_sum,
        spectrum_degree_sum_is_bound=False,
        spectrally_complete=complete,
        **extra,
    )


def _regular(group, spec) -> FunctionClass:
    backend = group.irreducible_backend
    if backend is None:
        return FunctionClass(
            spec=spec,
            group=group,
            kind="regular",
            multiplicities=None,
            dimension=int(group.order),
            spectrum_degree_sum=int(group.order) - 1,
            spectrum_degree_sum_is_bound=True,
            spectrally_complete=True,
        )
    multiplicities = {irrep.index: irrep.degree for irrep in backend.irreps}
    return _from_multiplicities(spec, group, "regular", multiplicities, group.order)


def _action(group, spec) -> FunctionClass:
    points = action_point_count(group)
    orbits = action_orbits(group)
    backend = group.irreducible_backend
    if backend is None:
        if any(len(orbit) == group.order for orbit in orbits):
            complete = True
        elif points * points < group.order:
            complete = False
        else:
            complete = None
        return FunctionClass(
            spec=spec,
            group=group,
            kind="action",
            multiplicities=None,
            dimension=points,
            spectrum_degree_sum=points - len(orbits),
            spectrum_degree_sum_is_bound=True,
            spectrally_complete=complete,
            orbit_count=len(orbits),
        )
    multiplicities = _class_function_multiplicities(backend, lambda elements: _fixed_point_counts(group, elements))
    if multiplicities.get(0, 0) != len(orbits):
        raise RuntimeError(
            f"{group.spec!r}: the trivial representation occurs {multiplicities.get(0, 0)} times "
            f"in the action class but there are {len(orbits)} orbits"
        )
    return _from_multiplicities(spec, group, "action", multiplicities, points, orbit_count=len(orbits))


def _band(group, spec, argument) -> FunctionClass:
    if group.family not in ("cyclic", "abelian", "hypercube"):
        raise SpecError(f"class {spec!r} needs an abelian group (cyclic, abelian, hypercube), got {group.spec!r}")
    if not re.fullmatch(r"\d+", argument.strip()):
        raise SpecError(f"class {spec!r}: band:K needs an integer K >= 1, got {argument!r}")
    bandwidth = int(argument)
    if bandwidth < 1:
        raise SpecError(f"class {spec!r}: band:K needs K >= 1, got {bandwidth}")
    coordinates = group.coordinates(group.elements())
    moduli = np.array(group.moduli)
    # Represent each coordinate in (-n/2, n/2]: values above n/2 become negative.
    centered = np.where(coordinates > moduli // 2, coordinates - moduli, coordinates)
    largest = np.abs(centered).max(axis=-1) if centered.shape[-1] else np.zeros(len(coordinates), dtype=np.int64)
    selected = np.flatnonzero((largest >= 1) & (largest <= bandwidth))
    multiplicities = {int(index): 1 for index in selected}
    return _from_multiplicities(spec, group, "band", multiplicities, len(selected), extra={"bandwidth": bandwidth})


def _irreps(group, spec, argument) -> FunctionClass:
    backend = group.irreducible_backend
    if backend is None:
        raise SpecError(f"class {spec!r} needs the irreducibles of {group.spec!r}, but no backend lists them")
    tokens = [token.strip() for token in argument.split(",")]
    if not argument.strip() or any(not re.fullmatch(r"\d+", token) for token in tokens):
        raise SpecError(f"class {spec!r}: irreps:I,J,... needs comma-separated 0-based indices, got {argument!r}")
    multiplicities: dict[int, int] = {}
    for token in tokens:
        index = int(token)
        if index >= len(backend.irreps):
            raise SpecError(
                f"class {spec!r}: irreducible index {index} is out of range; {group.spec!r} has "
                f"{len(backend.irreps)} irreducibles, indices 0..{len(backend.irreps) - 1} (see describe --json)"
            )
        multiplicities[index] = multiplicities.get(index, 0) + 1
    dimension = sum(backend.irreps[index].degree * count for index, count in multiplicities.items())
    return _from_multiplicities(spec, group, "irreps", multiplicities, dimension)


_POLY_HOOK = None


def register_poly_class(builder) -> None:
    """Install the builder of ``poly:k`` classes: ``builder(group, spec, argument, rep) -> FunctionClass``."""
    global _POLY_HOOK
    _POLY_HOOK = builder


def parse_class(spec: str, group, rep: str | None = None) -> FunctionClass:
    """Return the function class ``spec`` on ``group``.

    Parameters
    ----------
    spec : str
        One of :data:`CLASS_SPEC_FORMS`.
    group : FiniteGroup
    rep : str, optional
        The representation for ``poly:k`` classes.

    Raises
    ------
    SpecError
        If the spec is invalid or does not apply to the group.

    Examples
    --------
    >>> from verify.groups import parse_group
    >>> parse_class("band:2", parse_group("cyclic:7")).spectrum_degree_sum
    4
    """
    if not isinstance(spec, str):
        raise SpecError(f"class spec must be a string, got {type(spec).__name__}")
    text = spec.strip()
    kind, _, argument = text.partition(":")
    kind = kind.strip().lower()
    if rep is not None and kind != "poly":
        raise SpecError(f"--rep {rep!r} applies only to poly:k classes, but the class is {text!r}")
    if kind == "regular" and not argument:
        return _regular(group, text)
    if kind == "action" and not argument:
        if group.family not in ("symmetric", "alternating", "perm", "rubik", "dihedral") and not group.is_enumerated:
            raise SpecError(f"class 'action' on {group.spec!r} needs an enumerated group")
        return _action(group, text)
    if kind == "band":
        return _band(group, text, argument)
    if kind == "irreps":
        return _irreps(group, text, argument)
    if kind == "poly":
        if _POLY_HOOK is None:
            try:
                import verify.polynomial  # noqa: F401  (importing it registers the builder)
            except ModuleNotFoundError as error:
                if error.name != "verify.polynomial":
                    raise
        if _POLY_HOOK is None:
            raise SpecError(f"class {text!r}: polynomial classes are not available")
        return _POLY_HOOK(group, text, argument, rep)
    raise SpecError(f"invalid class spec {spec!r}. Valid forms: {', '.join(CLASS_SPEC_FORMS)}")

