"""Polynomial function classes ``poly:k`` and their spectral threshold ``K*`` (claim T7).

Let ``rho`` be a representation of ``G`` on ``V = R^n`` and ``F_k`` the
polynomials of degree at most ``k`` on ``V``, so ``F_k`` is the direct sum of
``Sym^l(V*)`` for ``l = 0..k`` and ``dim F_k = C(n + k, k)``.  The group acts
by ``(g . f)(x) = f(g^-1 x)``.  This module decomposes every ``F_k`` into
irreducibles from characters alone, without building the polynomial spaces.

Main definitions
----------------
* :class:`PolynomialDecomposition` -- multiplicities of each irreducible in
  ``Sym^l(V*)`` and in ``F_k``, from the eigenvalues of ``rho(g)``.
* :func:`polynomial_class` -- the ``poly:k`` :class:`~verify.classes.FunctionClass`
  (registered with :func:`verify.classes.register_poly_class` on import).
* :class:`ThresholdAnalysis`, :func:`analyze_threshold` -- ``K*``, the
  irreducibles that appear last, and the candidate closed-form bounds.
* :func:`eigenvalue_multiplicities` -- ``M_lambda`` for every eigenvalue
  ``lambda`` of some ``rho(g)``.

Main results
------------
T7: for a faithful ``rho``, ``K* = min{k : F_k spectrally complete}``
satisfies ``K* <= N - 1``, and ``AC_ex(F_k) = N`` for ``k >= K*``.  The
candidate closed form ``sum over lambda of (M_lambda - 1)`` is not an upper
bound, since ``Z_2`` acting on ``R`` by sign has ``K* = 1`` against 0.  The
form ``sum over lambda of M_lambda - 1`` held in every case checked.

Implementation notes
--------------------
A linear form ``l`` maps to ``g . l = l o rho(g^-1)``, so ``G`` acts on
``V*`` by ``rho(g^-1)^T``, whose eigenvalues are those of ``rho(g^-1)``.  If
``mu_1..mu_n`` are these eigenvalues, the character of ``Sym^l(V*)`` at
``g`` is the complete homogeneous symmetric polynomial ``h_l(mu)``, the
coefficient of ``t^l`` in ``1 / det(I - t rho(g^-1)) = prod_i 1 / (1 - mu_i
t)``.  Multiplying the series by ``1 / (1 - mu_i t)`` is the recurrence
``c'_l = c_l + mu_i c'_(l-1)``, so ``h_0..h_K`` cost ``O(n K)`` per element.
The multiplicity of ``pi`` is ``(1/N) sum over classes |C| h_l(g_C)
conj(chi_pi(g_C))``, summed over the conjugacy classes of the backend.

Every ``rho(g)`` has finite order ``m`` (the order of ``g``), so its
eigenvalues are ``m``-th roots of unity.  Each computed eigenvalue is snapped
to ``exp(2 pi i j / m)``, the nearest one by angle, after checking that it
lies within :data:`ANGLE_TOLERANCE` of it (in units of ``1/m`` turn).  The
eigenvalue set ``Lambda`` and the multiplicities ``M_lambda`` are then exact
fractions ``j/m`` of a turn.  Floating error in the multiplicities grows with
``dim Sym^l``, so degrees with ``dim Sym^l`` above
:data:`SYMMETRIC_POWER_DIMENSION_LIMIT` are rejected.

References
----------
.. [1] W. Fulton and J. Harris, Representation Theory, Springer GTM 129,
   1991, section 2.1 and exercise 2.2 (characters of symmetric powers).
.. [2] R. P. Stanley, Invariants of finite groups and their applications to
   combinatorics, Bull. Amer. Math. Soc. 1 (1979), section 2 (Molien's
   formula ``1 / det(I - t rho(g))``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from verify.classes import FunctionClass, register_poly_class
from verify.errors import SpecError, UsageError
from verify.representations.inputs import parse_representation

__all__ = [
    "PolynomialDecomposition",
    "ThresholdAnalysis",
    "polynomial_class",
    "analyze_threshold",
    "decomposition_for",
    "eigenvalue_multiplicities",
    "symmetric_power_characters",
    "ANGLE_TOLERANCE",
    "SYMMETRIC_POWER_DIMENSION_LIMIT",
]

#: Largest distance, in units of ``1/m`` turn, from a computed eigenvalue to
#: the nearest ``m``-th root of unity.
ANGLE_TOLERANCE = 1e-6

#: Largest ``dim Sym^l(V*)`` whose multiplicities are computed in float64.
SYMMETRIC_POWER_DIMENSION_LIMIT = 10**10

#: Largest distance of a computed multiplicity from an integer.
MULTIPLICITY_TOLERANCE = 1e-3


def symmetric_power_characters(eigenvalues, max_degree: int) -> np.ndarray:
    """Return ``h_l(mu)`` for ``l = 0..max_degree``: the characters of ``Sym^l``.

    Parameters
    ----------
    eigenvalues : (..., n) array_like of complex
        The eigenvalues ``mu_i`` of one matrix per leading index.
    max_degree : int
        Largest degree ``K >= 0``.

    Returns
    -------
    (..., K + 1) ndarray of complex
        Coefficients of ``t^0..t^K`` in ``prod_i 1 / (1 - mu_i t)``.

    Examples
    --------
    >>> values = symmetric_power_characters([1.0, 1.0, 1.0], 3).real
    >>> [int(round(v)) for v in values]  # dim Sym^l(R^3) = C(l + 2, 2)
    [1, 3, 6, 10]
    """
    if max_degree < 0:
        raise ValueError(f"max_degree must be >= 0, got {max_degree}")
    eigenvalues = np.asarray(eigenvalues, dtype=complex)
    coefficients = np.zeros(eigenvalues.shape[:-1] + (max_degree + 1,), dtype=complex)
    coefficients[..., 0] = 1.0
    for i in range(eigenvalues.shape[-1]):
        mu = eigenvalues[..., i]
        # Multiply the series by 1 / (1 - mu t): c'_l = c_l + mu c'_(l-1).
        for degree in range(1, max_degree + 1):
            coefficients[..., degree] += mu * coefficients[..., degree - 1]
    return coefficients


def _element_orders(group, elements: np.ndarray) -> np.ndarray:
    """Return the order of each element by repeated multiplication."""
    orders = np.ones(len(elements), dtype=np.int64)
    powers = np.asarray(elements, dtype=np.int64).copy()
    pending = powers != 0
    while pending.any():
        powers[pending] = group.multiply(powers[pending], elements[pending])
        orders[pending] += 1
        pending = powers != 0
    return orders


def _snapped_turns(matrix: np.ndarray, order: int, where: str) -> list[Fraction]:
    """Return the eigenvalues of ``matrix`` as exact fractions ``j/order`` of a turn."""
    turns = []
    for eigenvalue in np.linalg.eigvals(matrix):
        scaled = (np.angle(eigenvalue) / (2 * np.pi)) % 1.0 * order
        nearest = round(scaled)
        if abs(abs(eigenvalue) - 1) > ANGLE_TOLERANCE or abs(scaled - nearest) > ANGLE_TOLERANCE:
            raise UsageError(
                f"{where}: eigenvalue {eigenvalue:.6g} is not a root of unity of order {order}, "
                f"so the matrices are not a representation of this finite group"
            )
        turns.append(Fraction(nearest % order, order))
    return turns


def _root_of_unity(turn: Fraction) -> complex:
    # The exact values at 1 and -1 keep real characters real.
    if turn == 0:
        return 1.0 + 0j
    if turn == Fraction(1, 2):
        return -1.0 + 0j
    return complex(np.exp(2j * np.pi * float(turn)))


class PolynomialDecomposition:
    """Multiplicities of the irreducibles in the polynomials on a representation.

    Parameters
    ----------
    representation : MatrixRepresentation
        ``rho`` on ``V = R^n``; its group needs an irreducible backend.

    Attributes
    ----------
    representation : MatrixRepresentation
    backend : IrrepBackend
    class_turns : list of list of Fraction
        For each conjugacy class, the eigenvalues of ``rho(g)`` as fractions
        of a turn (exact).

    Raises
    ------
    SpecError
        If the group has no irreducible backend.
    """

    def __init__(self, representation):
        group = representation.group
        backend = group.irreducible_backend
        if backend is None:
            raise SpecError(f"polynomial classes need the irreducibles of {group.spec!r}, but no backend lists them")
        self.representation = representation
        self.backend = backend
        self.group = group
        representatives, sizes = backend.class_representatives()
        self.representatives = np.asarray(representatives, dtype=np.int64)
        self.class_sizes = np.array([float(size) for size in sizes])
        orders = _element_orders(group, self.representatives)
        where = f"representation {representation.spec!r} of {group.spec!r}"
        self.class_turns = [
            _snapped_turns(representation.matrices[g], int(m), where) for g, m in zip(self.representatives, orders)
        ]
        # The dual action uses rho(g^-1), whose eigenvalues are the inverses.
        self._dual_eigenvalues = np.array(
            [[_root_of_unity(-turn % 1) for turn in turns] for turns in self.class_turns], dtype=complex
        ).reshape(len(self.representatives), representation.dimension)
        self._characters = np.array(
            [backend.characters(irrep.index, self.representatives) for irrep in backend.irreps], dtype=complex
        )
        self._cache = np.zeros((0, len(backend.irreps)), dtype=np.int64)

    @property
    def dimension(self) -> int:
        """``n = dim V``."""
        return self.representation.dimension

    def symmetric_power_multiplicities(self, max_degree: int) -> np.ndarray:
        """Return the multiplicity of each irreducible in ``Sym^l(V*)``, ``l = 0..max_degree``.

        Returns
        -------
        (max_degree + 1, r) ndarray of int64
            Row ``l``, column ``pi``: the multiplicity of irreducible ``pi``.

        Raises
        ------
        UsageError
            If ``dim Sym^max_degree`` exceeds :data:`SYMMETRIC_POWER_DIMENSION_LIMIT`.
        RuntimeError
            If a computed multiplicity is not within tolerance of an integer.
        """
        if max_degree < len(self._cache):
            return self._cache[: max_degree + 1].copy()
        top = math.comb(self.dimension + max_degree - 1, max_degree)
        if top > SYMMETRIC_POWER_DIMENSION_LIMIT:
            raise UsageError(
                f"degree {max_degree} on {self.representation.spec!r} of {self.group.spec!r}: dim Sym^{max_degree} = "
                f"{top} exceeds the limit {SYMMETRIC_POWER_DIMENSION_LIMIT} of the floating-point decomposition"
            )
        characters = symmetric_power_characters(self._dual_eigenvalues, max_degree)

        # <chi_Sym^l, chi_pi> = (1/N) sum over classes |C| chi_Sym^l(g_C) conj(chi_pi(g_C)).
        weights = self.class_sizes / float(self.group.order)
        inner = (characters.T * weights) @ np.conj(self._characters).T
        rounded = np.rint(inner.real)
        error = np.abs(inner - rounded)
        if error.max() > MULTIPLICITY_TOLERANCE:
            degree, index = np.unravel_index(int(np.argmax(error)), error.shape)
            raise RuntimeError(
                f"multiplicity of irreducible {index} in Sym^{degree} on {self.representation.spec!r} of "
                f"{self.group.spec!r} is {inner[degree, index]:.6g}, not an integer"
            )
        self._cache = rounded.astype(np.int64)
        return self._cache.copy()

    def class_multiplicities(self, degree: int) -> np.ndarray:
        """Return the multiplicity of each irreducible in ``F_degree`` (the sum over ``l <= degree``)."""
        return self.symmetric_power_multiplicities(degree).sum(axis=0)

    def first_degrees(self, max_degree: int) -> np.ndarray:
        """Return, per irreducible, the least ``l <= max_degree`` with ``pi`` in ``Sym^l`` (``-1`` if none)."""
        occurs = self.symmetric_power_multiplicities(max_degree) > 0
        return np.where(occurs.any(axis=0), occurs.argmax(axis=0), -1)


def decomposition_for(group, rep: str | None = None) -> PolynomialDecomposition:
    """Return the :class:`PolynomialDecomposition` of ``group`` on the representation ``rep``."""
    return PolynomialDecomposition(parse_representation(rep, group))


# -- the poly:k class ---------------------------------------------------------------


def polynomial_class(group, spec: str, argument: str, rep: str | None = None) -> FunctionClass:
    """Return the class ``poly:k`` of polynomials of degree at most ``k`` on ``rep``.

    Parameters
    ----------
    group : FiniteGroup
    spec : str
        The class spec, e.g. ``"poly:3"``.
    argument : str
        The text after ``poly:``, the degree ``k >= 0``.
    rep : str, optional
        Representation spec (:mod:`verify.representations.inputs`); the
        family's default when omitted.

    Returns
    -------
    FunctionClass
        Kind ``"poly"``, multiplicities including the trivial irreducible,
        ``dimension = C(n + k, k)``.  ``extra`` stores the degree and the
        representation (spec, dimension, faithfulness, kernel size).

    Raises
    ------
    SpecError
        If ``k`` is not an integer ``>= 0`` or the representation is invalid.

    Examples
    --------
    >>> from verify.groups import parse_group
    >>> polynomial_class(parse_group("symmetric:3"), "poly:3", "3", "natural").spectrally_complete
    True
    """
    if not re.fullmatch(r"\s*\d+\s*", argument):
        raise SpecError(f"class {spec!r}: poly:k needs an integer degree k >= 0, got {argument!r}")
    degree = int(argument)
    decomposition = decomposition_for(group, rep)
    counts = decomposition.class_multiplicities(degree)
    multiplicities = {index: int(count) for index, count in enumerate(counts) if count > 0}
    degrees = decomposition.backend.degrees
    spectrum = [index for index in multiplicities if index != 0]
    representation = decomposition.representation
    return FunctionClass(
        spec=spec,
        group=group,
        kind="poly",
        multiplicities=multiplicities,
        dimension=math.comb(representation.dimension + degree, degree),
        spectrum_degree_sum=int(sum(int(degrees[index]) for index in spectrum)),
        spectrum_degree_sum_is_bound=False,
        spectrally_complete=len(spectrum) == len(decomposition.backend.irreps) - 1,
        extra={"degree": degree, "representation": representation.describe()},
    )


register_poly_class(polynomial_class)


# -- eigenvalue multiplicities and the threshold ------------------------------------------


def eigenvalue_multiplicities(decomposition: PolynomialDecomposition) -> dict:
    """Return ``M_lambda``: for each eigenvalue of some ``rho(g)``, its largest multiplicity in one ``rho(g)``.

    Keys are exact fractions ``j/m`` of a turn (``lambda = exp(2 pi i j/m)``).
    Conjugate elements have the same eigenvalues, so class representatives
    suffice.
    """
    largest: dict = {}
    for turns in decomposition.class_turns:
        for turn in set(turns):
            largest[turn] = max(largest.get(turn, 0), turns.count(turn))
    return dict(sorted(largest.items()))


def format_turn(turn: Fraction) -> str:
    """Return ``exp(2 pi i j/m)`` in words: ``1``, ``-1`` or ``exp(2pi i j/m)``."""
    if turn == 0:
        return "1"
    if turn == Fraction(1, 2):
        return "-1"
    return f"exp(2pi i {turn.numerator}/{turn.denominator})"


@dataclass(frozen=True)
class ThresholdAnalysis:
    """``K*`` and the candidate bounds for one group and representation.

    Attributes
    ----------
    group : FiniteGroup
    representation : MatrixRepresentation
    k_star : int or None
        Least ``k`` with ``F_k`` spectrally complete; ``None`` when ``rho`` is
        not faithful (no ``F_k`` is then complete).
    first_degrees : (r,) ndarray of int
        Per irreducible, the least degree ``l`` with ``pi`` in ``Sym^l``
        (``-1`` if it never occurs up to the degree searched).
    last_irreps : tuple of int
        The nontrivial irreducibles whose first degree is ``K*``.
    eigenvalue_multiplicities : dict of Fraction to int
        ``M_lambda`` by eigenvalue (fraction of a turn).
    bounds : tuple of (str, int, bool or None)
        ``(name, value, K* <= value)`` for ``N - 1``, ``sum M_lambda - 1``
        and ``sum (M_lambda - 1)``; ``None`` for ``holds`` without ``K*``.
    """

    group: object
    representation: object
    k_star: int | None
    first_degrees: np.ndarray
    last_irreps: tuple
    eigenvalue_multiplicities: dict
    bounds: tuple


#: Names of the candidate bounds on K*, in output order.
BOUND_NAMES = ("N - 1", "sum_lambda M_lambda - 1", "sum_lambda (M_lambda - 1)")


def analyze_threshold(group, rep: str | None = None) -> ThresholdAnalysis:
    """Return ``K*`` for ``group`` acting by ``rep``, with the irreducibles that appear last and the bounds.

    Degrees are searched up to ``N - 1``, which suffices for a faithful
    representation by T7.  A representation that is not faithful never
    reaches spectral completeness, so its ``K*`` is ``None``.

    Examples
    --------
    >>> from verify.groups import parse_group
    >>> analysis = analyze_threshold(parse_group("symmetric:3"), "natural")
    >>> analysis.k_star, [bound[1] for bound in analysis.bounds]
    (3, [5, 5, 2])
    """
    decomposition = decomposition_for(group, rep)
    representation = decomposition.representation
    order = int(group.order)
    nontrivial = np.arange(1, len(decomposition.backend.irreps))

    # Search degrees in doubling steps up to N - 1 until every nontrivial irreducible occurs.
    k_star = None
    searched = 0
    first = decomposition.first_degrees(0)
    if representation.is_faithful:
        limit = max(order - 1, 0)
        searched = min(8, limit)
        while True:
            first = decomposition.first_degrees(searched)
            if np.all(first[nontrivial] >= 0):
                k_star = int(first[nontrivial].max()) if nontrivial.size else 0
                break
            if searched >= limit:
                raise RuntimeError(
                    f"{group.spec!r} on {representation.spec!r}: F_{limit} is not spectrally complete, "
                    f"contradicting K* <= N - 1 for a faithful representation"
                )
            searched = min(2 * searched, limit)
    last = tuple(int(index) for index in nontrivial if k_star is not None and first[index] == k_star)

    multiplicities = eigenvalue_multiplicities(decomposition)
    values = (order - 1, sum(multiplicities.values()) - 1, sum(m - 1 for m in multiplicities.values()))
    bounds = tuple((name, int(value), None if k_star is None else k_star <= value) for name, value in zip(BOUND_NAMES, values))
    return ThresholdAnalysis(
        group=group,
        representation=representation,
        k_star=k_star,
        first_degrees=first,
        last_irreps=last,
        eigenvalue_multiplicities=multiplicities,
        bounds=bounds,
    )
