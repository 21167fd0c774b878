"""Finite abelian groups ``Z_{n_1} x ... x Z_{n_r}`` (``cyclic``, ``abelian``, ``hypercube``).

Main definitions
----------------
* :class:`AbelianGroup`

Implementation notes
--------------------
The element with coordinates ``(g_1, ..., g_r)`` has the mixed-radix index
``sum_j g_j * stride_j`` with the last coordinate fastest, so ``numpy``
reshapes a function on the group to an array of shape ``(n_1, ..., n_r)``.
The trivial group is ``cyclic:1``.
"""

from __future__ import annotations

import math

import numpy as np

from verify.errors import SpecError
from verify.groups.base import ENUMERATION_LIMIT, FiniteGroup

__all__ = ["AbelianGroup"]


class AbelianGroup(FiniteGroup):
    """The direct product of cyclic groups of the given orders.

    Parameters
    ----------
    moduli : sequence of int
        The orders ``n_1, ..., n_r`` (each at least 1).
    spec : str
        The spec string, used in messages and outputs.
    family : str
        ``"cyclic"``, ``"abelian"`` or ``"hypercube"``.

    Raises
    ------
    SpecError
        If a modulus is below 1 or the order exceeds the enumeration limit.

    Examples
    --------
    >>> group = AbelianGroup((2, 3), "abelian:2x3", "abelian")
    >>> group.order
    6
    >>> int(group.multiply(group.parse_element("1,2"), group.parse_element("1,2")))
    1
    """

    def __init__(self, moduli, spec: str, family: str):
        moduli = tuple(int(n) for n in moduli)
        for n in moduli:
            if n < 1:
                raise SpecError(f"group spec {spec!r}: every cyclic factor needs order at least 1, got {n}")
        order = math.prod(moduli)
        if order > ENUMERATION_LIMIT:
            raise SpecError(
                f"group spec {spec!r}: order {order} exceeds the limit {ENUMERATION_LIMIT} "
                f"for abelian groups, which are always enumerated"
            )
        self.moduli = moduli
        self.spec = spec
        self.family = family
        self.order = order
        strides = [1] * len(moduli)
        for j in range(len(moduli) - 2, -1, -1):
            strides[j] = strides[j + 1] * moduli[j + 1]
        self.strides = np.array(strides, dtype=np.int64)
        self._moduli_array = np.array(moduli, dtype=np.int64)

    # -- coordinates ----------------------------------------------------------

    def coordinates(self, indices) -> np.ndarray:
        """Return the coordinates of ``indices``: shape ``indices.shape + (r,)``."""
        indices = np.asarray(indices, dtype=np.int64)
        return (indices[..., None] // self.strides) % self._moduli_array

    def index_of(self, coordinates) -> np.ndarray:
        """Return the indices of coordinate arrays of shape ``(..., r)`` (reduced modulo ``n_j``)."""
        coordinates = np.asarray(coordinates, dtype=np.int64) % self._moduli_array
        return coordinates @ self.strides

    # -- group law ------------------------------------------------------------

    def multiply(self, a, b) -> np.ndarray:
        return self.index_of(self.coordinates(a) + self.coordinates(b))

    def inverse(self, a) -> np.ndarray:
        return self.index_of(-self.coordinates(a))

    @property
    def generators(self) -> np.ndarray:
        unit_vectors = np.eye(len(self.moduli), dtype=np.int64)
        keep = [j for j, n in enumerate(self.moduli) if n > 1]
        return self.index_of(unit_vectors[keep]) if keep else np.zeros(0, dtype=np.int64)

    @property
    def is_abelian(self) -> bool:
        return True

    def element_orders(self, indices) -> np.ndarray:
        """Return the orders of the elements ``indices`` (lcm of ``n_j / gcd(g_j, n_j)``)."""
        coordinates = self.coordinates(indices)
        orders = self._moduli_array // np.gcd(coordinates, self._moduli_array)
        return np.lcm.reduce(orders, axis=-1) if len(self.moduli) else np.ones(np.shape(indices), dtype=np.int64)

    # -- notation ---------------------------------------------------------------

    def format_element(self, index: int) -> str:
        return ",".join(str(int(c)) for c in self.coordinates(int(index)))

    def parse_element(self, text: str) -> int:
        parts = [part.strip() for part in str(text).strip().strip("()").split(",")]
        if len(self.moduli) == 0:
            if parts in ([""], ["0"]):
                return 0
            raise SpecError(f"element {text!r} is not in the trivial group; write 0")
        if len(parts) != len(self.moduli):
            raise SpecError(
                f"element {text!r} of {self.spec!r} needs {len(self.moduli)} comma-separated "
                f"coordinates, got {len(parts)}"
            )
        try:
            values = [int(part) for part in parts]
        except ValueError:
            raise SpecError(f"element {text!r} of {self.spec!r}: coordinates must be integers") from None
        for value, modulus in zip(values, self.moduli):
            if not 0 <= value < modulus:
                raise SpecError(
                    f"element {text!r} of {self.spec!r}: coordinate {value} is outside 0..{modulus - 1}"
                )
        return int(self.index_of(np.array(values)))

    def _make_irreducible_backend(self):
        from verify.representations.abelian import CharacterBackend

        return CharacterBackend(self)
