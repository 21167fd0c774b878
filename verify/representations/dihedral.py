"""Irreducible representations of the dihedral group ``D_n`` in closed form.

Main definitions
----------------
* :class:`DihedralBackend`

Implementation notes
--------------------
With ``r^a s^b`` acting on the n-gon as ``x -> (-1)^b x + a``:

* index 0: trivial; index 1: ``r -> 1, s -> -1``;
* ``n`` even, indices 2 and 3: ``r -> -1`` with ``s -> 1`` and ``s -> -1``;
* then ``rho_j`` for ``j = 1..floor((n-1)/2)``, of degree 2:
  ``r^a s^b -> R(2 pi j a / n) S^b`` with ``R`` the rotation matrix and
  ``S = diag(1, -1)``.  Since ``S R(theta) S = R(-theta)``, this respects
  ``s r s = r^-1``.

So ``D_n`` has two representations of degree 1 and ``(n-1)/2`` of degree 2
for ``n`` odd, four of degree 1 and ``n/2 - 1`` of degree 2 for ``n`` even;
``sum d^2 = 2n`` in both cases.

References
----------
.. [1] J.-P. Serre, Linear Representations of Finite Groups, Springer, 1977,
   section 5.3.
"""

from __future__ import annotations

import numpy as np

from verify.representations.base import Irrep, IrrepBackend

__all__ = ["DihedralBackend"]


class DihedralBackend(IrrepBackend):
    """Closed-form irreducibles of :class:`~verify.groups.dihedral.DihedralGroup`."""

    name = "dihedral closed form"

    def __init__(self, group):
        n = group.n
        specs = [("linear", 1, 1, "trivial"), ("linear", 1, -1, "r->1, s->-1")]
        if n % 2 == 0:
            specs += [("linear", -1, 1, "r->-1, s->1"), ("linear", -1, -1, "r->-1, s->-1")]
        specs += [("rotation", j, None, f"rho_{j} (rotation by 2*pi*{j}/{n})") for j in range(1, (n - 1) // 2 + 1)]
        self._specs = specs
        irreps = [Irrep(index, 1 if kind == "linear" else 2, label) for index, (kind, _, _, label) in enumerate(specs)]
        super().__init__(group, irreps)

    def matrices(self, index: int, elements) -> np.ndarray:
        kind, first, second, _ = self._specs[index]
        rotation, reflection = self.group.split(np.asarray(elements, dtype=np.int64).ravel())
        if kind == "linear":
            values = (float(first) ** rotation) * (float(second) ** reflection)
            return values.astype(complex)[:, None, None]
        angle = 2 * np.pi * first * rotation / self.group.n
        cos, sin = np.cos(angle), np.sin(angle)
        rotations = np.stack([np.stack([cos, -sin], -1), np.stack([sin, cos], -1)], -2)
        reflections = np.where(reflection[:, None, None] == 1, np.diag([1.0, -1.0]), np.eye(2))
        return (rotations @ reflections).astype(complex)
