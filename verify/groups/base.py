"""Finite groups as arrays: the interface every group family implements.

Main definitions
----------------
* :class:`FiniteGroup` -- order, element indexing, vectorized products and
  inverses, element notation, random elements and the irreducible backend.
* :data:`GROUP_LAW` -- the product convention, stated in every JSON output.

Implementation notes
--------------------
Elements of a group whose order is at most :data:`ENUMERATION_LIMIT` are the
integers ``0..N-1`` with the identity at index 0; products and inverses act
on integer arrays of any shape.  Larger groups (only permutation groups, such
as ``rubik:3``) have no element indices: their elements are permutation
arrays, and only generators, sampled elements and actions are available.

The group law is functional composition: the product ``g h`` applies ``h``
first.  For permutations given by image arrays this is ``(g h)[x] =
g[h[x]]``.  sympy multiplies the other way round (``p*q`` applies ``p``
first), so sympy's ``p*q`` is this project's ``q p``.  Representations
satisfy ``rho(g h) = rho(g) rho(h)``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from functools import cached_property

import numpy as np

from verify.errors import UsageError

__all__ = [
    "FiniteGroup",
    "GROUP_LAW",
    "ENUMERATION_LIMIT",
    "TABLE_LIMIT",
    "check_element_indices",
]

GROUP_LAW = "functional composition: the product g*h applies h first, so rho(g*h) = rho(g) rho(h)"

#: Largest order for which elements are enumerated and indexed.
ENUMERATION_LIMIT = 1_000_000

#: Largest order for which a full multiplication table (N x N) is built.
TABLE_LIMIT = 5_000


def check_element_indices(group: "FiniteGroup", elements) -> np.ndarray:
    """Convert ``elements`` to an integer array and check that each is in ``0..N-1``.

    Raises
    ------
    UsageError
        If an index is out of range or the group has no element indices.
    """
    if not group.is_enumerated:
        raise UsageError(
            f"group {group.spec!r} of order {group.order} is too large to enumerate "
            f"(limit {ENUMERATION_LIMIT} elements), and this computation needs every element; "
            f"random schemes (--random K) with the action class work on it"
        )
    array = np.asarray(elements)
    if array.dtype.kind not in "iu":
        raise UsageError(f"element indices must be integers, got dtype {array.dtype}")
    if array.size and (array.min() < 0 or array.max() >= group.order):
        bad = array[(array < 0) | (array >= group.order)].ravel()[0]
        raise UsageError(f"element index {int(bad)} is out of range for {group.spec!r} of order {group.order}")
    return array.astype(np.int64, copy=False)


class FiniteGroup(ABC):
    """A finite group with vectorized operations on element indices.

    Attributes
    ----------
    spec : str
        The spec string the group was built from, e.g. ``"dihedral:5"``.
    family : str
        The family name, e.g. ``"dihedral"``.
    order : int
        The group order ``N`` as a Python integer (it may exceed 64 bits).
    """

    spec: str
    family: str
    order: int

    # -- indexing -------------------------------------------------------------

    @property
    def is_enumerated(self) -> bool:
        """Whether elements are indexed ``0..N-1`` (order at most ``ENUMERATION_LIMIT``)."""
        return self.order <= ENUMERATION_LIMIT

    @property
    def identity(self) -> int:
        """Index of the identity element (always 0)."""
        return 0

    def elements(self) -> np.ndarray:
        """Return all element indices ``0..N-1`` as an ``(N,) int64`` array."""
        check_element_indices(self, np.zeros(0, dtype=np.int64))
        return np.arange(self.order, dtype=np.int64)

    @abstractmethod
    def multiply(self, a, b) -> np.ndarray:
        """Return the indices of the products ``a b`` (``b`` applied first), broadcasting."""

    @abstractmethod
    def inverse(self, a) -> np.ndarray:
        """Return the indices of the inverses of ``a``."""

    @cached_property
    def multiplication_table(self) -> np.ndarray:
        """The ``(N, N) int64`` table with ``table[a, b]`` the index of ``a b``.

        Raises
        ------
        UsageError
            If ``N`` exceeds :data:`TABLE_LIMIT`.
        """
        if self.order > TABLE_LIMIT:
            raise UsageError(
                f"group {self.spec!r} of order {self.order} is too large for a "
                f"multiplication table (limit {TABLE_LIMIT})"
            )
        elements = self.elements()
        return self.multiply(elements[:, None], elements[None, :])

    @cached_property
    def inverses(self) -> np.ndarray:
        """The ``(N,) int64`` array of inverse indices."""
        return self.inverse(self.elements())

    @property
    @abstractmethod
    def generators(self) -> np.ndarray:
        """Indices of a generating set (empty for the trivial group)."""

    @property
    def is_abelian(self) -> bool:
        """Whether all generators commute."""
        generators = self.generators
        return bool(
            np.array_equal(
                self.multiply(generators[:, None], generators[None, :]),
                self.multiply(generators[None, :], generators[:, None]),
            )
        )

    # -- notation ---------------------------------------------------------------

    @abstractmethod
    def format_element(self, index: int) -> str:
        """Return the notation of the element with this index."""

    @abstractmethod
    def parse_element(self, text: str) -> int:
        """Return the index of the element written ``text``.

        Raises
        ------
        SpecError
            If ``text`` is not an element of the group in its notation.
        """

    # -- sampling -------------------------------------------------------------

    def random_elements(self, count: int, rng: np.random.Generator) -> np.ndarray:
        """Return ``count`` independent uniform element indices."""
        return rng.integers(0, self.order, size=count, dtype=np.int64)

    # -- representations ------------------------------------------------------

    @cached_property
    def irreducible_backend(self):
        """The backend listing the irreducible representations, or ``None``."""
        return self._make_irreducible_backend()

    def _make_irreducible_backend(self):
        return None

    @property
    def law(self) -> str:
        """The product convention, as text."""
        return GROUP_LAW

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.spec!r} of order {self.order}>"
