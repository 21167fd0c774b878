"""Characters of the symmetric group by the Murnaghan-Nakayama rule.

Main definitions
----------------
* :func:`cycle_type` -- the cycle type of a permutation, as a partition.
* :func:`symmetric_character` -- ``chi_lambda(mu)`` for partitions
  ``lambda`` (the irreducible) and ``mu`` (the cycle type).

Main results
------------
Murnaghan-Nakayama: ``chi_lambda(mu) = sum over rim hooks R of lambda of
length mu_1 of (-1)^{height(R)} chi_{lambda - R}(mu_2, mu_3, ...)``, with
``chi_empty(empty) = 1``.

Implementation notes
--------------------
A partition ``lambda`` with ``l`` parts is coded by its beta-set
``{lambda_i + l - i}``.  Removing a rim hook of length ``r`` moves one bead
from ``b`` to the free position ``b - r``; the height of the hook is the
number of beads strictly between ``b - r`` and ``b``.  Values are cached per
``(lambda, mu)``, so a whole character table costs far less than building
Young's matrices (whose degree exceeds 7,000 for ``S_12``).

References
----------
.. [1] B. E. Sagan, The Symmetric Group, 2nd ed., Springer, 2001,
   section 4.10.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

__all__ = ["cycle_type", "symmetric_character"]


def cycle_type(image) -> tuple[int, ...]:
    """Return the cycle lengths of the permutation ``image`` in non-increasing order.

    Examples
    --------
    >>> cycle_type([1, 2, 0, 4, 3, 5])
    (3, 2, 1)
    """
    image = [int(x) for x in np.asarray(image).ravel()]
    seen = [False] * len(image)
    lengths = []
    for start in range(len(image)):
        if seen[start]:
            continue
        length = 0
        point = start
        while not seen[point]:
            seen[point] = True
            point = image[point]
            length += 1
        lengths.append(length)
    return tuple(sorted(lengths, reverse=True))


@lru_cache(maxsize=None)
def symmetric_character(shape: tuple, cycle_lengths: tuple) -> int:
    """Return the value of the irreducible character ``shape`` on the cycle type ``cycle_lengths``.

    Parameters
    ----------
    shape : tuple of int
        A partition ``lambda`` of ``n`` (non-increasing positive parts).
    cycle_lengths : tuple of int
        A partition ``mu`` of ``n`` (the cycle type).

    Examples
    --------
    >>> symmetric_character((2, 1), (1, 1, 1)), symmetric_character((2, 1), (3,))
    (2, -1)
    >>> symmetric_character((1, 1, 1), (2, 1))
    -1
    """
    if not cycle_lengths:
        return 1 if not shape else 0
    length = cycle_lengths[0]
    rest = cycle_lengths[1:]
    parts = len(shape)
    beads = [shape[i] + parts - 1 - i for i in range(parts)]
    occupied = set(beads)
    total = 0
    for bead in beads:
        target = bead - length
        if target < 0 or target in occupied:
            continue
        height = sum(1 for other in beads if target < other < bead)
        moved = sorted((target if b == bead else b for b in beads), reverse=True)
        # Decode the beta-set back to a partition and drop zero parts.
        count = len(moved)
        smaller = tuple(part for part in (moved[i] - (count - 1 - i) for i in range(count)) if part > 0)
        total += (-1) ** height * symmetric_character(smaller, rest)
    return total
