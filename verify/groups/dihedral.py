"""Dihedral groups ``D_n`` of order ``2n`` (spec ``dihedral:n``).

Main definitions
----------------
* :class:`DihedralGroup`

Implementation notes
--------------------
The element ``r^a s^b`` (``0 <= a < n``, ``b`` in ``{0, 1}``) has index
``a + n b``.  It acts on the vertices ``0..n-1`` of the regular n-gon as
``x -> (-1)^b x + a (mod n)``: ``r`` rotates by one vertex and ``s`` is the
reflection ``x -> -x``.  Composition of these maps gives the law
``r^a s^b . r^c s^d = r^(a + (-1)^b c) s^(b + d)``.

For ``n >= 3`` elements are written in 0-based cycle notation of that
action.  For ``n = 1, 2`` the action on the vertices is not faithful, so
elements are written ``r^a s^b`` (for example ``e``, ``r``, ``s``,
``r^1 s``); this word notation is accepted for every ``n``.
"""

from __future__ import annotations

import re

import numpy as np

from verify.errors import SpecError
from verify.groups.base import FiniteGroup
from verify.groups.permutation_notation import format_cycles, parse_cycles

__all__ = ["DihedralGroup"]

_WORD = re.compile(r"^\s*(?:(e)|(?:r(?:\^(-?\d+))?)?\s*(s)?)\s*$")


class DihedralGroup(FiniteGroup):
    """The dihedral group of order ``2n``.

    Parameters
    ----------
    n : int
        Number of vertices of the polygon, at least 1.
    spec : str
        The spec string.

    Examples
    --------
    >>> group = DihedralGroup(5, "dihedral:5")
    >>> r, s = group.parse_element("r"), group.parse_element("s")
    >>> int(group.multiply(s, group.multiply(r, s))) == int(group.inverse(r))
    True
    """

    def __init__(self, n: int, spec: str):
        if n < 1:
            raise SpecError(f"group spec {spec!r}: dihedral:n needs n >= 1, got {n}")
        self.n = int(n)
        self.spec = spec
        self.family = "dihedral"
        self.order = 2 * self.n

    def split(self, indices):
        """Return the exponents ``(a, b)`` of ``r^a s^b`` for ``indices``."""
        indices = np.asarray(indices, dtype=np.int64)
        return indices % self.n, indices // self.n

    def join(self, a, b) -> np.ndarray:
        """Return the indices of ``r^a s^b``."""
        return np.asarray(a, dtype=np.int64) % self.n + self.n * (np.asarray(b, dtype=np.int64) % 2)

    def multiply(self, a, b) -> np.ndarray:
        rotation_a, reflection_a = self.split(a)
        rotation_b, reflection_b = self.split(b)
        sign = 1 - 2 * reflection_a
        return self.join(rotation_a + sign * rotation_b, reflection_a + reflection_b)

    def inverse(self, a) -> np.ndarray:
        rotation, reflection = self.split(a)
        # (r^a)^-1 = r^-a, and every reflection r^a s is an involution.
        return self.join(np.where(reflection == 1, rotation, -rotation), reflection)

    @property
    def generators(self) -> np.ndarray:
        if self.n == 1:
            return np.array([self.n], dtype=np.int64)
        return np.array([1, self.n], dtype=np.int64)

    def vertex_permutations(self, indices) -> np.ndarray:
        """Return the image arrays on the vertices, shape ``indices.shape + (n,)``."""
        rotation, reflection = self.split(indices)
        vertices = np.arange(self.n)
        sign = 1 - 2 * reflection[..., None]
        return (sign * vertices + rotation[..., None]) % self.n

    def format_element(self, index: int) -> str:
        if self.n >= 3:
            return format_cycles(self.vertex_permutations(int(index)))
        rotation, reflection = (int(x) for x in self.split(int(index)))
        if rotation == 0 and reflection == 0:
            return "e"
        word = f"r^{rotation}" if rotation else ""
        return (word + " s").strip() if reflection else word

    def parse_element(self, text: str) -> int:
        text = str(text).strip()
        match = _WORD.match(text)
        if match and text:
            if match.group(1):
                return 0
            exponent = match.group(2)
            if exponent is not None:
                rotation = int(exponent)
            elif text.startswith("r"):
                rotation = 1
            else:
                rotation = 0
            reflection = 1 if match.group(3) else 0
            return int(self.join(rotation, reflection))
        if self.n < 3:
            raise SpecError(
                f"element {text!r} of {self.spec!r}: write r^a s^b, for example e, r, s or r^1 s"
            )
        image = parse_cycles(text, self.n, context=f"element of {self.spec!r}")
        # Solve x -> (-1)^b x + a from the images of 0 and 1.
        rotation = int(image[0])
        reflection = 0 if (image[1] - image[0]) % self.n == 1 else 1
        index = int(self.join(rotation, reflection))
        if not np.array_equal(self.vertex_permutations(index), image):
            raise SpecError(f"permutation {text!r} is not a symmetry of the {self.n}-gon, so not in {self.spec!r}")
        return index

    def _make_irreducible_backend(self):
        from verify.representations.dihedral import DihedralBackend

        return DihedralBackend(self)
