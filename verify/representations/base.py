"""The interface of irreducible-representation backends.

Main definitions
----------------
* :class:`Irrep` -- index, degree and label of one irreducible representation.
* :class:`IrrepBackend` -- lists a group's irreducibles and evaluates their
  matrices ``pi(g)`` on batches of elements.

Implementation notes
--------------------
Index 0 is always the trivial representation; the rest of the order is
fixed by each backend and documented there, so ``irreps:I,J`` specs are
stable.  Matrices are unitary and satisfy ``pi(g h) = pi(g) pi(h)`` under the
group law of :mod:`verify.groups.base` (``h`` applied first).

``elements`` passed to a backend are element indices for enumerated groups
and image arrays of shape ``(k, degree)`` for permutation groups too large to
enumerate.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from functools import cached_property

import numpy as np

__all__ = ["Irrep", "IrrepBackend", "DEFAULT_CHUNK_ENTRIES"]

#: Number of matrix entries evaluated at once when a routine walks over all
#: group elements; bounds peak memory to a few hundred MB of complex128.
DEFAULT_CHUNK_ENTRIES = 4_000_000


@dataclass(frozen=True)
class Irrep:
    """One irreducible representation: stable index, degree ``d_pi`` and label."""

    index: int
    degree: int
    label: str

    def as_dict(self) -> dict:
        """Return the JSON form ``{index, degree, label}``."""
        return {"index": self.index, "degree": self.degree, "label": self.label}


class IrrepBackend(ABC):
    """The irreducible unitary representations of one group.

    Attributes
    ----------
    group : FiniteGroup
        The group.
    name : str
        Short name of the method, reported in outputs.
    irreps : tuple of Irrep
        All irreducibles up to equivalence; ``irreps[0]`` is trivial.
    """

    name: str = "backend"

    def __init__(self, group, irreps):
        self.group = group
        self.irreps = tuple(irreps)

    @property
    def degrees(self) -> np.ndarray:
        """Degrees ``d_pi`` in index order, ``(r,) int64``."""
        return np.array([irrep.degree for irrep in self.irreps], dtype=np.int64)

    @abstractmethod
    def matrices(self, index: int, elements) -> np.ndarray:
        """Return ``pi(g)`` for ``g`` in ``elements``: shape ``(k, d, d)``."""

    def fourier_transforms(self, indices, elements, weights) -> list[np.ndarray]:
        """Return ``w_hat(pi) = sum_g w(g) pi(g)`` for each irrep in ``indices``.

        Parameters
        ----------
        indices : sequence of int
            Irreducible indices.
        elements : array_like
            The support of the scheme, ``(k,)`` indices or ``(k, degree)`` images.
        weights : (k,) array_like of float
            The weights.

        Returns
        -------
        list of ndarray
            One ``(d, d)`` complex matrix per requested irreducible.
        """
        weights = np.asarray(weights, dtype=float)
        elements = np.asarray(elements)
        transforms = []
        for index in indices:
            degree = self.irreps[int(index)].degree
            chunk = max(1, DEFAULT_CHUNK_ENTRIES // (degree * degree))
            total = np.zeros((degree, degree), dtype=complex)
            # Chunks keep the stacked (chunk, d, d) array within DEFAULT_CHUNK_ENTRIES entries.
            for start in range(0, len(weights), chunk):
                stacked = self.matrices(int(index), elements[start : start + chunk])
                total += np.tensordot(weights[start : start + chunk], stacked, axes=(0, 0))
            transforms.append(total)
        return transforms

    def characters(self, index: int, elements) -> np.ndarray:
        """Return ``chi_pi(g) = tr pi(g)`` for ``g`` in ``elements``."""
        return np.trace(self.matrices(index, elements), axis1=-2, axis2=-1)

    def class_representatives(self):
        """Return ``(representatives, class_sizes)`` of the conjugacy classes.

        The default treats every element as its own class, which is correct
        for sums of class functions over the group, only slower.
        """
        elements = self.group.elements()
        return elements, np.ones(len(elements), dtype=np.int64)

    def max_translation_norms(self, index: int, transform: np.ndarray) -> float:
        """Return ``max_h ||(pi(h) - I) M||`` over all ``h`` in the group, ``M = transform``.

        This is the inner maximum of L1: the worst-case defect contributed by
        one irreducible.  The default evaluates ``pi(h)`` for every element,
        in chunks of at most :data:`DEFAULT_CHUNK_ENTRIES` entries, and takes
        the largest eigenvalue of ``M* (2I - pi(h) - pi(h)*) M``.
        """
        degree = transform.shape[0]
        elements = self.group.elements()
        chunk = max(1, DEFAULT_CHUNK_ENTRIES // (degree * degree))
        identity = np.eye(degree)
        best = 0.0
        for start in range(0, len(elements), chunk):
            stacked = self.matrices(index, elements[start : start + chunk])
            middle = 2 * identity - stacked - np.conj(np.swapaxes(stacked, -1, -2))
            gram = np.conj(transform.T) @ middle @ transform
            gram = (gram + np.conj(np.swapaxes(gram, -1, -2))) / 2
            largest = np.linalg.eigvalsh(gram)[:, -1].max()
            best = max(best, float(largest))
        return float(np.sqrt(max(best, 0.0)))

    @cached_property
    def trivial_index(self) -> int:
        """Index of the trivial representation (0)."""
        return 0

    def describe(self) -> list[dict]:
        """Return the JSON list of irreducibles."""
        return [irrep.as_dict() for irrep in self.irreps]
