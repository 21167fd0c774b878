"""The exactness kernel of a spectrum, in floating point and in exact cyclotomic arithmetic.

A real scheme ``w`` is exact on ``F`` iff ``w_hat(pi) = 0`` for every ``pi`` in
``Pi(F)``.  This module turns that condition into a small square system on a
candidate support ``S``: with

    kappa(x) = sum over pi in Pi' of d_pi chi_pi(x),

``N kappa / N`` is the kernel of the orthogonal projection of ``L^2(G)`` onto
the ``Pi'``-isotypic part, so ``w`` is exact iff ``w^T K_S w = 0`` for the
positive semidefinite matrix ``K_S[a, b] = kappa(s_a^-1 s_b)``, i.e. iff
``K_S w = 0``.

Main definitions
----------------
* :class:`ExactnessKernel` -- ``kappa`` on every element, as float64 and as
  exact elements of the cyclotomic field ``Q(zeta_e)`` (``e`` the exponent
  of the group), with :meth:`ExactnessKernel.support_matrix`,
  :meth:`ExactnessKernel.exact_support_matrix` and the certified error of
  the float entries.
* :func:`conjugation_closure`, :func:`galois_closure` -- the spectra on which
  real, respectively rational, weights are exact exactly when they are
  exact on ``Pi(F)``.

Main results
------------
* L1 (the Fourier characterization of exactness) in the form ``K_S w = 0``.
* For real ``w``, ``w_hat(conj pi) = conj(w_hat(pi))``, so exactness on
  ``Pi(F)`` equals exactness on ``Pi' = Pi(F) union conj(Pi(F))``, and
  ``kappa`` is real.
* For rational ``w`` and a Galois automorphism ``sigma_j: zeta_e -> zeta_e^j``,
  ``sigma_j(w_hat * chi_pi) = w_hat * chi_pi^{sigma_j}`` with
  ``chi^{sigma_j}(x) = chi(x^j)``, so rational weights are exact on ``Pi(F)``
  iff they are exact on its Galois closure, where ``kappa`` is an integer.

Implementation notes
--------------------
Exact values.  Restricted to the cyclic subgroup ``<x>`` (order ``o``),
``kappa`` is a character with nonnegative integer multiplicities
``m_j = (1/o) sum_l kappa(x^l) zeta_o^(-j l)``, so
``kappa(x) = sum_j m_j zeta_o^j`` exactly.  The multiplicities are computed
from the float character values and rounded.  A rounding distance above
``1e-6`` or a reconstruction error above ``1e-8`` raises ``RuntimeError``.
The float character values carry errors near ``1e-13``, far below the
spacing 1 of the integers being recovered.

Float error.  Each float entry ``kappa(x)`` is evaluated from the exact
multiplicities as ``sum_j m_j cos(2 pi j / o)``.  Its error is at most
``16 u R`` with ``u`` the unit roundoff and ``R = kappa(1) = sum d_pi^2``,
because ``sum_j m_j = R`` and each term has relative error below ``4 u``.
"""

from __future__ import annotations

import math
from functools import cached_property

import numpy as np

from verify.errors import UsageError

__all__ = [
    "ExactnessKernel",
    "conjugation_closure",
    "galois_closure",
    "group_exponent",
    "UNIT_ROUNDOFF",
]

#: Unit roundoff of float64.
UNIT_ROUNDOFF = float(np.finfo(float).eps) / 2


def _power_table(group, exponent_limit: int) -> np.ndarray:
    """Return ``powers[l, x] = x^l`` for ``l = 0..exponent_limit``."""
    elements = group.elements()
    powers = np.empty((exponent_limit + 1, group.order), dtype=np.int64)
    powers[0] = group.identity
    for power in range(1, exponent_limit + 1):
        powers[power] = group.multiply(powers[power - 1], elements)
    return powers


def _element_orders(group, powers: np.ndarray) -> np.ndarray:
    """Return the order of every element from its power table."""
    is_identity = powers[1:] == group.identity
    return np.argmax(is_identity, axis=0) + 1


def group_exponent(group) -> int:
    """Return the exponent of ``group`` (the lcm of the element orders).

    Raises
    ------
    UsageError
        If the group is not enumerated.
    """
    if not group.is_enumerated:
        raise UsageError(f"the exponent of {group.spec!r} is computed for enumerated groups only")
    powers = _power_table(group, group.order)
    return int(np.lcm.reduce(_element_orders(group, powers)))


def _character_table(backend, representatives) -> np.ndarray:
    """Return ``table[pi, c] = chi_pi(representative c)``."""
    return np.array([backend.characters(irrep.index, representatives) for irrep in backend.irreps])


def _match_irreducible(table: np.ndarray, values: np.ndarray) -> int:
    """Return the index of the row of ``table`` equal to ``values`` (within 1e-6)."""
    distances = np.abs(table - values[None, :]).max(axis=1)
    best = int(np.argmin(distances))
    if distances[best] > 1e-6:
        raise RuntimeError("a conjugate or Galois-conjugate character matches no irreducible character")
    return best


def conjugation_closure(function_class) -> tuple:
    """Return ``Pi(F)`` together with the complex conjugates of its members, sorted.

    Real weights are exact on ``Pi(F)`` iff they are exact on this set.
    """
    backend = function_class.backend
    representatives, _ = backend.class_representatives()
    table = _character_table(backend, representatives)
    closed = set(function_class.spectrum)
    for index in function_class.spectrum:
        closed.add(_match_irreducible(table, np.conj(table[index])))
    return tuple(sorted(closed))


def galois_closure(function_class) -> tuple:
    """Return the union of the Galois orbits of the members of ``Pi(F)``, sorted.

    Rational weights are exact on ``Pi(F)`` iff they are exact on this set.
    The Galois automorphism ``zeta_e -> zeta_e^j`` (``j`` coprime to the
    exponent ``e``) sends ``chi`` to ``x -> chi(x^j)``.
    """
    group = function_class.group
    backend = function_class.backend
    powers = _power_table(group, group.order)
    exponent = int(np.lcm.reduce(_element_orders(group, powers)))
    representatives, _ = backend.class_representatives()
    representatives = np.asarray(representatives, dtype=np.int64)
    table = _character_table(backend, representatives)
    closed = set(function_class.spectrum)
    for j in range(2, exponent):
        if math.gcd(j, exponent) != 1:
            continue
        images = powers[j][representatives]
        conjugated = np.array([backend.characters(irrep.index, images) for irrep in backend.irreps])
        for index in function_class.spectrum:
            closed.add(_match_irreducible(table, conjugated[index]))
    return tuple(sorted(closed))


class ExactnessKernel:
    """``kappa(x) = sum over pi in a spectrum of d_pi chi_pi(x)`` on every element of a small group.

    Parameters
    ----------
    group : FiniteGroup
        An enumerated group with an irreducible backend.
    spectrum : sequence of int
        Nontrivial irreducible indices, closed under complex conjugation
        (see :func:`conjugation_closure`), so that ``kappa`` is real.

    Attributes
    ----------
    values : (N,) ndarray of float64
        ``kappa`` on every element index.
    degree_square_sum : int
        ``R = kappa(1) = sum of d_pi^2`` over the spectrum.
    entry_error : float
        A bound on the error of every float entry (``16 u R``).
    """

    def __init__(self, group, spectrum):
        backend = group.irreducible_backend
        if backend is None:
            raise UsageError(f"{group.spec!r} has no irreducible backend, so exactness cannot be decided")
        self.group = group
        self.spectrum = tuple(int(index) for index in spectrum)
        self.degrees = {index: int(backend.degrees[index]) for index in self.spectrum}
        elements = group.elements()
        raw = np.zeros(group.order, dtype=complex)
        for index in self.spectrum:
            raw += self.degrees[index] * backend.characters(index, elements)
        if np.abs(raw.imag).max(initial=0.0) > 1e-8:
            raise UsageError("the spectrum is not closed under complex conjugation; apply conjugation_closure first")
        self._raw = raw.real
        self.degree_square_sum = int(sum(degree * degree for degree in self.degrees.values()))
        self._powers = _power_table(group, group.order)
        self.orders = _element_orders(group, self._powers)
        self.exponent = int(np.lcm.reduce(self.orders))
        self.multiplicities = self._eigenvalue_multiplicities()
        self.values = self._values_from_multiplicities()
        self.entry_error = 16 * UNIT_ROUNDOFF * max(1, self.degree_square_sum)

    # -- exact values ------------------------------------------------------------

    def _eigenvalue_multiplicities(self) -> list[np.ndarray]:
        """Return, for each element ``x`` of order ``o``, the integer multiplicities ``m_0..m_(o-1)``."""
        result = []
        for element in range(self.group.order):
            order = int(self.orders[element])
            cycle = self._raw[self._powers[:order, element]]
            frequencies = np.arange(order)
            phases = np.exp(-2j * np.pi * np.outer(frequencies, frequencies) / order)
            estimates = (phases @ cycle) / order
            rounded = np.rint(estimates.real)
            if np.abs(estimates - rounded).max() > 1e-6 or rounded.min() < 0:
                raise RuntimeError(
                    f"the eigenvalue multiplicities of kappa at element {element} of {self.group.spec!r} "
                    f"are not nonnegative integers: {estimates}"
                )
            result.append(rounded.astype(np.int64))
        return result

    def _values_from_multiplicities(self) -> np.ndarray:
        values = np.empty(self.group.order)
        for element, counts in enumerate(self.multiplicities):
            order = len(counts)
            values[element] = float(np.dot(counts, np.cos(2 * np.pi * np.arange(order) / order)))
        if np.abs(values - self._raw).max() > 1e-8:
            raise RuntimeError(f"exact kappa values of {self.group.spec!r} disagree with the float character sums")
        return values

    @cached_property
    def _field_needed(self) -> bool:
        return bool(np.abs(self.values - np.rint(self.values)).max() > 1e-9)

    @cached_property
    def field(self):
        """The sympy domain of the exact values: ``QQ`` or ``QQ(zeta_e)``."""
        import sympy
        from sympy import QQ

        if not self._field_needed:
            return QQ
        return QQ.algebraic_field(sympy.exp(2 * sympy.pi * sympy.I / self.exponent))

    @cached_property
    def _zeta(self):
        import sympy

        return self.field.from_sympy(sympy.exp(2 * sympy.pi * sympy.I / self.exponent))

    def _exact_element(self, element: int):
        field = self.field
        counts = self.multiplicities[element]
        order = len(counts)
        if not self._field_needed:
            return field(int(round(self.values[element])))
        step = self.exponent // order
        value = field.zero
        for j, count in enumerate(counts):
            if count:
                value += field(int(count)) * self._zeta ** (step * j)
        return value

    @cached_property
    def exact_values(self) -> list:
        """``kappa`` on every element as elements of :attr:`field`."""
        return [self._exact_element(element) for element in range(self.group.order)]

    # -- matrices on a support ---------------------------------------------------

    def differences(self, support) -> np.ndarray:
        """Return ``D[a, b]``, the index of ``s_a^-1 s_b``."""
        support = np.asarray(support, dtype=np.int64)
        inverses = self.group.inverse(support)
        return self.group.multiply(inverses[:, None], support[None, :])

    def support_matrix(self, support) -> np.ndarray:
        """Return the float ``K_S`` (symmetric, positive semidefinite)."""
        return self.values[self.differences(support)]

    def exact_support_matrix(self, support):
        """Return ``K_S`` as a sympy ``DomainMatrix`` over :attr:`field`."""
        from sympy.polys.matrices import DomainMatrix

        indices = self.differences(support)
        exact = self.exact_values
        rows = [[exact[int(index)] for index in row] for row in indices]
        return DomainMatrix(rows, indices.shape, self.field)

    def matrix_error(self, matrix: np.ndarray) -> float:
        """Return a bound on ``||K_float - K_exact||_2`` plus the backward error of a symmetric eigensolver.

        The entry errors contribute at most ``k * entry_error`` (Frobenius
        bound); LAPACK's symmetric eigensolvers are backward stable with an
        error below ``p(k) u ||K||``, bounded here generously by
        ``64 k u ||K||_F``.
        """
        size = matrix.shape[0]
        return size * self.entry_error + 64 * size * UNIT_ROUNDOFF * float(np.linalg.norm(matrix))
