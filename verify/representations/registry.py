"""Choice of the irreducible backend for a permutation group.

Main definitions
----------------
* :func:`backend_for_permutation_group`
* :data:`GENERIC_ORDER_LIMIT`

Implementation notes
--------------------
The full symmetric group on its points uses Young's orthogonal form, at any
order (its matrices are computed from reduced words, without enumerating the
group).  Any other permutation group of order at most
:data:`GENERIC_ORDER_LIMIT` uses the numerical decomposition of its regular
representation (Dixon-Schneider characters, then isotypic projections); its
cost grows like ``N^3``.  Larger groups have no backend: their classes are
handled by the matrix path, which needs no irreducibles.
"""

from __future__ import annotations

import math

import numpy as np

from verify.representations.base import Irrep, IrrepBackend

__all__ = ["backend_for_permutation_group", "GENERIC_ORDER_LIMIT", "YoungBackend", "dixon_backend"]

#: Largest order decomposed numerically (Dixon-Schneider).
GENERIC_ORDER_LIMIT = 2_600

#: Seed of the random choices inside the numerical decomposition, fixed so
#: that irreducible indices and matrices are the same on every run.
DECOMPOSITION_SEED = 7


class YoungBackend(IrrepBackend):
    """Young's orthogonal form for the symmetric group ``S_n`` on ``0..n-1``.

    Irreducibles are indexed by the partitions of ``n`` in reverse
    lexicographic order, so index 0 is the trivial partition ``[n]`` and the
    last index is the sign ``[1,...,1]``.
    """

    name = "Young's orthogonal form"

    def __init__(self, group):
        from verify.representations import young

        self._young = young
        self.partitions = young.partitions(group.degree)
        irreps = [
            Irrep(index, young.hook_length_degree(partition), young.partition_label(partition))
            for index, partition in enumerate(self.partitions)
        ]
        super().__init__(group, irreps)

    def matrices(self, index: int, elements) -> np.ndarray:
        permutations = self.group.permutations_of(elements).reshape(-1, self.group.degree)
        return self._young.young_matrices(self.partitions[index], permutations).astype(complex)

    def characters(self, index: int, elements) -> np.ndarray:
        """Return ``chi_lambda(g)`` by the Murnaghan-Nakayama rule (no matrices are built)."""
        from verify.representations.symmetric_characters import cycle_type, symmetric_character

        permutations = self.group.permutations_of(elements).reshape(-1, self.group.degree)
        shape = self.partitions[index]
        values = [symmetric_character(shape, cycle_type(row)) for row in permutations]
        return np.array(values, dtype=complex)

    def class_representatives(self):
        """Return one permutation per cycle type and the class sizes ``n! / z_lambda``."""
        n = self.group.degree
        representatives, sizes = [], []
        for cycle_type in self.partitions:
            image = np.arange(n)
            start = 0
            for length in cycle_type:
                image[start : start + length] = np.roll(np.arange(start, start + length), -1)
                start += length
            representatives.append(image)
            centralizer = 1
            for length in set(cycle_type):
                multiplicity = cycle_type.count(length)
                centralizer *= length**multiplicity * math.factorial(multiplicity)
            sizes.append(math.factorial(n) // centralizer)
        representatives = np.array(representatives, dtype=np.int64)
        if self.group.is_enumerated:
            representatives = self.group.index_of(representatives)
        return representatives, np.array(sizes, dtype=object if not self.group.is_enumerated else np.int64)


def dixon_backend(group):
    """Return an explicit backend from the numerical decomposition of ``L^2(G)``."""
    from verify.representations.dixon import conjugacy_classes, irreducible_representations
    from verify.representations.explicit import ExplicitBackend

    rng = np.random.default_rng(DECOMPOSITION_SEED)
    table = group.multiplication_table
    found = irreducible_representations(table, group.inverses, rng, generators=group.generators)
    class_of, _ = conjugacy_classes(table, group.inverses)
    labels = ["trivial" if i == 0 else irrep.label for i, irrep in enumerate(found)]
    return ExplicitBackend(group, [irrep.matrices for irrep in found], labels, "regular-representation decomposition", class_of=class_of)


def backend_for_permutation_group(group):
    """Return the irreducible backend for ``group``, or ``None`` if none applies."""
    if group.order == math.factorial(group.degree) and group.degree >= 1:
        return YoungBackend(group)
    if group.order <= GENERIC_ORDER_LIMIT:
        return dixon_backend(group)
    return None
