"""The quaternion group ``Q_8 = {±1, ±i, ±j, ±k}`` (spec ``quaternion``).

Main definitions
----------------
* :class:`QuaternionGroup`

Implementation notes
--------------------
Indices follow the notation order ``1, -1, i, -i, j, -j, k, -k``.  The
product is computed from the faithful representation by 2 x 2 complex
matrices ``i -> diag(i, -i)``, ``j -> [[0, 1], [-1, 0]]``, ``k = i j``, which
is also the group's irreducible representation of degree 2.
"""

from __future__ import annotations

import numpy as np

from verify.errors import SpecError
from verify.groups.base import FiniteGroup

__all__ = ["QuaternionGroup", "QUATERNION_NAMES", "quaternion_matrices"]

QUATERNION_NAMES = ("1", "-1", "i", "-i", "j", "-j", "k", "-k")


def quaternion_matrices() -> np.ndarray:
    """Return the ``(8, 2, 2)`` complex matrices of the elements in index order."""
    one = np.eye(2, dtype=complex)
    unit_i = np.array([[1j, 0], [0, -1j]])
    unit_j = np.array([[0, 1], [-1, 0]], dtype=complex)
    unit_k = unit_i @ unit_j
    return np.array([one, -one, unit_i, -unit_i, unit_j, -unit_j, unit_k, -unit_k])


class QuaternionGroup(FiniteGroup):
    """The quaternion group of order 8.

    Examples
    --------
    >>> group = QuaternionGroup("quaternion")
    >>> i, j = group.parse_element("i"), group.parse_element("j")
    >>> group.format_element(int(group.multiply(i, j)))
    'k'
    """

    def __init__(self, spec: str = "quaternion"):
        self.spec = spec
        self.family = "quaternion"
        self.order = 8
        matrices = quaternion_matrices()
        products = np.einsum("aij,bjk->abik", matrices, matrices)
        distances = np.abs(products[:, :, None] - matrices[None, None]).sum(axis=(-1, -2))
        self._table = np.argmin(distances, axis=-1).astype(np.int64)

    def multiply(self, a, b) -> np.ndarray:
        return self._table[np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64)]

    def inverse(self, a) -> np.ndarray:
        inverses = np.argmax(self._table == 0, axis=1)
        return inverses[np.asarray(a, dtype=np.int64)]

    @property
    def generators(self) -> np.ndarray:
        return np.array([2, 4], dtype=np.int64)

    def format_element(self, index: int) -> str:
        return QUATERNION_NAMES[int(index)]

    def parse_element(self, text: str) -> int:
        name = str(text).strip().replace(" ", "")
        if name == "+1":
            name = "1"
        if name.startswith("+"):
            name = name[1:]
        if name not in QUATERNION_NAMES:
            raise SpecError(f"element {text!r} is not in quaternion; write one of {', '.join(QUATERNION_NAMES)}")
        return QUATERNION_NAMES.index(name)

    def _make_irreducible_backend(self):
        from verify.representations.explicit import quaternion_backend

        return quaternion_backend(self)
