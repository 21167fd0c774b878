"""Backends that store the matrices of every element (small groups).

Main definitions
----------------
* :class:`ExplicitBackend` -- irreducibles given as ``(N, d, d)`` arrays.
* :func:`quaternion_backend` -- the five irreducibles of ``Q_8`` in closed form.
"""

from __future__ import annotations

import numpy as np

from verify.representations.base import Irrep, IrrepBackend

__all__ = ["ExplicitBackend", "quaternion_backend"]


class ExplicitBackend(IrrepBackend):
    """Irreducibles stored as the matrices of all elements.

    Parameters
    ----------
    group : FiniteGroup
        An enumerated group of order ``N``.
    matrices : list of (N, d, d) ndarray
        ``matrices[i][g]`` is ``pi_i(g)``; ``matrices[0]`` must be trivial.
    labels : list of str
        One label per irreducible.
    name : str
        The method that produced the matrices.
    class_of : (N,) ndarray of int, optional
        Conjugacy class index of each element, to sum class functions faster.
    """

    def __init__(self, group, matrices, labels, name: str, class_of=None):
        self._matrices = [np.asarray(stack, dtype=complex) for stack in matrices]
        self.name = name
        self._class_of = None if class_of is None else np.asarray(class_of, dtype=np.int64)
        irreps = [Irrep(index, stack.shape[-1], label) for index, (stack, label) in enumerate(zip(self._matrices, labels))]
        super().__init__(group, irreps)

    def matrices(self, index: int, elements) -> np.ndarray:
        return self._matrices[index][np.asarray(elements, dtype=np.int64).ravel()]

    def class_representatives(self):
        if self._class_of is None:
            return super().class_representatives()
        classes, first, sizes = np.unique(self._class_of, return_index=True, return_counts=True)
        return first.astype(np.int64), sizes.astype(np.int64)


def quaternion_backend(group) -> ExplicitBackend:
    """Return the irreducibles of ``Q_8``: four of degree 1, then the degree-2 one.

    The degree-1 characters factor through ``Q_8 / {±1} = Z_2 x Z_2`` and are
    fixed by their signs on ``i`` and ``j`` (``k = i j``).  The degree-2
    representation is the defining one by complex 2 x 2 matrices.
    """
    from verify.groups.quaternion import quaternion_matrices

    signs = {"1": (0, 0), "-1": (0, 0), "i": (1, 0), "-i": (1, 0), "j": (0, 1), "-j": (0, 1), "k": (1, 1), "-k": (1, 1)}
    names = ["1", "-1", "i", "-i", "j", "-j", "k", "-k"]
    stacks, labels = [], []
    for sign_i, sign_j, label in [(1, 1, "trivial"), (1, -1, "i->1, j->-1"), (-1, 1, "i->-1, j->1"), (-1, -1, "i->-1, j->-1")]:
        values = [sign_i ** signs[name][0] * sign_j ** signs[name][1] for name in names]
        stacks.append(np.array(values, dtype=complex)[:, None, None])
        labels.append(label)
    stacks.append(quaternion_matrices())
    labels.append("defining (degree 2)")
    class_of = [0, 1, 2, 2, 3, 3, 4, 4]
    return ExplicitBackend(group, stacks, labels, "quaternion closed form", class_of=class_of)
