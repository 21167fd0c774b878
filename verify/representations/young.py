"""Young's orthogonal form: the irreducible real orthogonal representations of S_n.

Each partition ``λ`` of ``n`` gives one irreducible representation ``π_λ`` of
the symmetric group ``S_n`` on the space with one basis vector per standard
Young tableau of shape ``λ``.  Young's orthogonal form writes the matrix of an
adjacent transposition with axial distances, and the matrix of any other
permutation follows from a reduced word.

Main definitions
----------------
* :func:`partitions`: the partitions of ``n`` in reverse lexicographic order,
  which is the stable irreducible-representation index for ``S_n``.
* :func:`hook_length_degree`, :func:`standard_tableaux`.
* :func:`adjacent_transposition_matrices`: ``π_λ(s_i)`` for ``i = 0..n-2``.
* :func:`young_matrices`: ``π_λ(g)`` for a batch of permutations.
* :func:`partition_label`: the label ``"[3,1,1]"`` of a partition.

Main results
------------
* ``young_matrices(λ, ·)`` is a homomorphism ``π_λ(gh) = π_λ(g) π_λ(h)``
  under the group law below, with orthogonal values; the ``π_λ`` are
  irreducible and pairwise inequivalent, ``(n)`` is the trivial and ``(1^n)``
  the sign representation.  The tests check these facts numerically and
  compare the characters with the Murnaghan–Nakayama rule.

Implementation notes
--------------------
* Group law: a permutation is an integer array of images, ``g[x]`` is the
  image of the point ``x``, and the product ``gh`` applies ``h`` first:
  ``(gh)[x] = g[h[x]]``, so ``gh = g[h]`` in numpy.  The points are
  ``0..n-1`` and ``s_i`` swaps the points ``i`` and ``i+1``.
* A standard tableau is stored as its row word: entry ``k`` (``0 ≤ k < n``)
  lies in row ``rows[k]``.  Tableaux are ordered by their row words in
  lexicographic order, so the first one is filled row by row.
* The sign convention is ``π(s_i) e_T = (1/r) e_T + sqrt(1 - 1/r²) e_{s_i T}``
  with axial distance ``r = c_T(i+1) - c_T(i)`` and content
  ``c = column - row``; with it every ``π(s_i)`` is symmetric.
* ``π(s_i)`` has at most two nonzeros in each row, so applying it to a stack
  of matrices costs ``O(d²)`` per matrix: a row gather and two scalings.

References
----------
* B. E. Sagan, *The Symmetric Group*, 2nd ed., Springer GTM 203 (2001),
  Section 2.7 (Young's natural and orthogonal forms) and Section 3.10
  (hook formula).
* G. D. James and A. Kerber, *The Representation Theory of the Symmetric
  Group*, Addison-Wesley (1981), Section 3.1.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

__all__ = [
    "partitions",
    "partition_label",
    "hook_length_degree",
    "standard_tableaux",
    "adjacent_transposition_matrices",
    "young_matrices",
]


def _validate_degree(n: object) -> int:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)):
        raise TypeError(f"n must be an integer, got {n!r} of type {type(n).__name__}")
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    return int(n)


def _validate_partition(partition: Sequence[int]) -> tuple[int, ...]:
    try:
        parts = tuple(partition)
    except TypeError:
        raise TypeError(f"partition must be a sequence of integers, got {partition!r}") from None
    if len(parts) == 0:
        raise ValueError("partition must have at least one part, got an empty sequence")
    for part in parts:
        if isinstance(part, bool) or not isinstance(part, (int, np.integer)):
            raise TypeError(f"partition parts must be integers, got {part!r} in {partition!r}")
        if part < 1:
            raise ValueError(f"partition parts must be positive, got {part} in {partition!r}")
    if any(parts[k] < parts[k + 1] for k in range(len(parts) - 1)):
        raise ValueError(f"partition parts must be non-increasing, got {partition!r}")
    return tuple(int(part) for part in parts)


def partitions(n: int) -> list[tuple[int, ...]]:
    """List the partitions of ``n`` in reverse lexicographic order.

    Parameters
    ----------
    n : int
        A positive integer.

    Returns
    -------
    list of tuple of int
        Every partition as a non-increasing tuple of positive parts, starting
        ``(n), (n-1, 1), (n-2, 2), (n-2, 1, 1), ...`` and ending ``(1,)*n``.
        The position in this list is the index of the irreducible
        representation of ``S_n``.

    Raises
    ------
    TypeError
        If ``n`` is not an integer.
    ValueError
        If ``n < 1``.

    Examples
    --------
    >>> partitions(4)
    [(4,), (3, 1), (2, 2), (2, 1, 1), (1, 1, 1, 1)]
    >>> [len(partitions(n)) for n in range(1, 8)]
    [1, 2, 3, 5, 7, 11, 15]
    """
    n = _validate_degree(n)

    def partitions_bounded(remaining: int, max_part: int) -> list[tuple[int, ...]]:
        if remaining == 0:
            return [()]
        result = []
        for first in range(min(remaining, max_part), 0, -1):
            for rest in partitions_bounded(remaining - first, first):
                result.append((first,) + rest)
        return result

    return partitions_bounded(n, n)


def partition_label(partition: Sequence[int]) -> str:
    """Format a partition as the label ``"[3,1,1]"``.

    Examples
    --------
    >>> partition_label((3, 1, 1))
    '[3,1,1]'
    """
    parts = _validate_partition(partition)
    return "[" + ",".join(str(part) for part in parts) + "]"


def hook_length_degree(partition: Sequence[int]) -> int:
    """Compute the degree of ``π_λ`` with the hook length formula.

    Parameters
    ----------
    partition : sequence of int
        A partition ``λ`` of ``n``: positive, non-increasing parts.

    Returns
    -------
    int
        ``n! / Π hook(cell)``, the number of standard tableaux of shape ``λ``.

    Raises
    ------
    TypeError, ValueError
        If ``partition`` is not a partition.

    Examples
    --------
    >>> hook_length_degree((3, 1, 1))
    6
    >>> sum(hook_length_degree(p) ** 2 for p in partitions(5)) == math.factorial(5)
    True
    """
    parts = _validate_partition(partition)
    conjugate = [sum(1 for part in parts if part > column) for column in range(parts[0])]
    hook_product = 1
    for row, part in enumerate(parts):
        for column in range(part):
            hook_product *= (part - column - 1) + (conjugate[column] - row - 1) + 1
    return math.factorial(sum(parts)) // hook_product


def _standard_row_words(parts: tuple[int, ...]) -> np.ndarray:
    # Place the entries 0, 1, ..., n-1 one at a time, trying rows in
    # increasing order, so the words come out in lexicographic order.
    n = sum(parts)
    words: list[tuple[int, ...]] = []
    lengths = [0] * len(parts)
    word: list[int] = []

    def place() -> None:
        if len(word) == n:
            words.append(tuple(word))
            return
        for row in range(len(parts)):
            fits_row = lengths[row] < parts[row]
            fits_column = row == 0 or lengths[row - 1] > lengths[row]
            if fits_row and fits_column:
                lengths[row] += 1
                word.append(row)
                place()
                word.pop()
                lengths[row] -= 1

    place()
    return np.array(words, dtype=np.int64).reshape(len(words), n)


def standard_tableaux(partition: Sequence[int]) -> list[tuple[tuple[int, ...], ...]]:
    """List the standard Young tableaux of a shape, with entries ``0..n-1``.

    Parameters
    ----------
    partition : sequence of int
        The shape ``λ``.

    Returns
    -------
    list of tuple of tuple of int
        Each tableau as its tuple of rows.  The order is the lexicographic
        order of row words (the row of entry 0, the row of entry 1, ...), so
        the first tableau is filled row by row.  This order is the basis order
        of :func:`adjacent_transposition_matrices` and :func:`young_matrices`.

    Raises
    ------
    TypeError, ValueError
        If ``partition`` is not a partition.

    Examples
    --------
    >>> standard_tableaux((2, 1))
    [((0, 1), (2,)), ((0, 2), (1,))]
    >>> len(standard_tableaux((3, 2))) == hook_length_degree((3, 2))
    True
    """
    parts = _validate_partition(partition)
    tableaux = []
    for word in _standard_row_words(parts):
        rows = tuple(tuple(int(k) for k in np.flatnonzero(word == row)) for row in range(len(parts)))
        tableaux.append(rows)
    return tableaux


def _orthogonal_form_coefficients(
    parts: tuple[int, ...],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return ``(diagonal, partner, off_diagonal)``, each of shape ``(n-1, d)``.

    Row ``T`` of ``π(s_i)`` is ``diagonal[i, T]`` at column ``T`` plus
    ``off_diagonal[i, T]`` at column ``partner[i, T]``; where ``s_i T`` is not
    standard, ``partner[i, T] = T`` and ``off_diagonal[i, T] = 0``.
    """
    words = _standard_row_words(parts)
    d, n = words.shape

    # Column of each entry: the number of smaller entries in the same row.
    same_row_before = (words[:, :, None] == words[:, None, :]) & np.tri(n, k=-1, dtype=bool)[None]
    columns = same_row_before.sum(axis=2)
    contents = columns - words

    diagonal = np.empty((n - 1, d))
    partner = np.tile(np.arange(d), (n - 1, 1))
    off_diagonal = np.zeros((n - 1, d))
    index_of_word = {tuple(word): t for t, word in enumerate(words.tolist())}
    for i in range(n - 1):
        axial = contents[:, i + 1] - contents[:, i]
        diagonal[i] = 1.0 / axial
        for t in np.flatnonzero(np.abs(axial) >= 2):
            swapped = words[t].copy()
            swapped[[i, i + 1]] = swapped[[i + 1, i]]
            partner[i, t] = index_of_word[tuple(swapped.tolist())]
            off_diagonal[i, t] = math.sqrt(1.0 - 1.0 / float(axial[t]) ** 2)
    return diagonal, partner, off_diagonal


def adjacent_transposition_matrices(partition: Sequence[int]) -> np.ndarray:
    """Build Young's orthogonal form of the adjacent transpositions.

    Parameters
    ----------
    partition : sequence of int
        The shape ``λ`` of a partition of ``n``.

    Returns
    -------
    (n-1, d, d) float64 ndarray
        Entry ``i`` is ``π_λ(s_i)``, where ``s_i`` swaps the points ``i`` and
        ``i+1`` (0-based).  Each matrix is symmetric and orthogonal, with the
        diagonal ``1/r`` and ``sqrt(1 - 1/r²)`` between the tableaux ``T`` and
        ``s_i T``, where ``r`` is the axial distance from ``i`` to ``i+1``.
        The basis order is that of :func:`standard_tableaux`.

    Raises
    ------
    TypeError, ValueError
        If ``partition`` is not a partition.

    Examples
    --------
    >>> s = adjacent_transposition_matrices((2, 1))
    >>> s.shape
    (2, 2, 2)
    >>> bool(np.allclose(s[0] @ s[1] @ s[0], s[1] @ s[0] @ s[1]))
    True
    """
    parts = _validate_partition(partition)
    diagonal, partner, off_diagonal = _orthogonal_form_coefficients(parts)
    letters, d = diagonal.shape
    matrices = np.zeros((letters, d, d))
    letter_index = np.arange(letters)[:, None]
    row_index = np.arange(d)[None, :]
    matrices[letter_index, row_index, row_index] = diagonal
    matrices[letter_index, row_index, partner] += off_diagonal
    return matrices


def _validate_permutations(permutations: object, n: int) -> np.ndarray:
    array = np.asarray(permutations)
    if array.dtype.kind not in "iu":
        raise TypeError(f"permutations must be an integer array, got dtype {array.dtype}")
    if array.ndim != 2 or array.shape[1] != n:
        raise ValueError(
            f"permutations must have shape (m, {n}) for a partition of {n}, got shape {array.shape}"
        )
    is_permutation = (np.sort(array, axis=1) == np.arange(n)[None, :]).all(axis=1)
    if not is_permutation.all():
        bad = int(np.flatnonzero(~is_permutation)[0])
        raise ValueError(
            f"permutations row {bad} is not a permutation of 0..{n - 1}: {array[bad].tolist()}"
        )
    return array.astype(np.int64)


def young_matrices(partition: Sequence[int], permutations: object) -> np.ndarray:
    """Evaluate Young's orthogonal form ``π_λ`` on a batch of permutations.

    Parameters
    ----------
    partition : sequence of int
        The shape ``λ`` of a partition of ``n``.
    permutations : (m, n) array_like of int
        Row ``j`` is a permutation ``g`` as its array of images ``g[x]``.

    Returns
    -------
    (m, d, d) float64 ndarray
        ``π_λ(g)`` for each row, an orthogonal matrix, with
        ``π_λ(gh) = π_λ(g) π_λ(h)`` where ``(gh)[x] = g[h[x]]``.

    Raises
    ------
    TypeError
        If ``partition`` is not a sequence of integers or ``permutations`` is
        not an integer array.
    ValueError
        If ``partition`` is not a partition, the shape is not ``(m, n)`` or a
        row is not a permutation of ``0..n-1``.

    Notes
    -----
    Bubble sort writes each ``g`` as a reduced word: a swap of the positions
    ``i, i+1`` of the array ``g`` where ``g[i] > g[i+1]`` replaces ``g`` by
    ``g s_i`` and removes one inversion.  When the swaps ``s_{j1}, ..., s_{jk}``
    reach the identity, ``g = s_{jk} ... s_{j1}``, so the result is built by
    multiplying ``π(s_j)`` on the left in the order of the swaps.  The
    ``n(n-1)/2`` compare-and-swap steps are shared by the whole batch, and
    each step updates only the rows whose entries it swaps, at cost
    ``O(d²)`` per matrix.  The total cost is ``O(m n² d²)``.

    Examples
    --------
    >>> g = np.array([[1, 2, 0]])
    >>> h = np.array([[1, 0, 2]])
    >>> pi_gh = young_matrices((2, 1), g[:, h[0]])
    >>> bool(np.allclose(pi_gh, young_matrices((2, 1), g) @ young_matrices((2, 1), h)))
    True
    """
    parts = _validate_partition(partition)
    n = sum(parts)
    remaining = _validate_permutations(permutations, n).copy()
    diagonal, partner, off_diagonal = _orthogonal_form_coefficients(parts)
    d = diagonal.shape[1]
    m = remaining.shape[0]
    matrices = np.broadcast_to(np.eye(d), (m, d, d)).copy()

    for sweep in range(n - 1):
        for i in range(n - 1 - sweep):
            descent = np.flatnonzero(remaining[:, i] > remaining[:, i + 1])
            if descent.size == 0:
                continue
            remaining[descent, i], remaining[descent, i + 1] = (
                remaining[descent, i + 1],
                remaining[descent, i],
            )

            # Left multiplication by π(s_i): row T becomes
            # diagonal[T] * row T + off_diagonal[T] * row partner[T].
            block = matrices[descent]
            matrices[descent] = (
                diagonal[i][None, :, None] * block
                + off_diagonal[i][None, :, None] * block[:, partner[i], :]
            )
    return matrices
