"""Irreducible unitary representations of a finite group from its multiplication table.

The characters come from the Dixon–Schneider method: the class sums span the
centre of the group algebra, their structure constants are read off the
multiplication table, and the common eigenvectors of the class matrices are
the central characters.  Each representation is then cut out of the left
regular representation: the isotypic projector of its character has a range
of dimension ``d²``, and a random Hermitian element of the commutant splits
that range into ``d`` copies of the representation.

Main definitions
----------------
* :func:`conjugacy_classes`: class of each element and class sizes.
* :func:`class_structure_constants`: ``c[j, i, k]``, the coefficient of the
  class sum ``K_k`` in ``K_j K_i``.
* :func:`character_table`: the irreducible characters on the classes.
* :func:`irreducible_representations`: every irreducible unitary
  representation as a stack of matrices, one per element.
* :class:`IrreducibleRepresentation`: degree, character, matrices and label.

Main results
------------
* For each returned representation ``π``, ``π(mul[a, b]) = π(a) π(b)``,
  every ``π(g)`` is unitary, ``⟨χ, χ⟩ = 1``, distinct characters are
  orthogonal and ``Σ d² = N``.  The tests check these on S_3, S_4, A_4, A_5,
  S_5, Q_8, D_5, Z_6 and PSL(2, 7), and A_6 and S_6 in the slow run.

Implementation notes
--------------------
* Input: ``mul[a, b]`` is the index of the product ``a·b``, ``inverse[a]``
  the index of ``a⁻¹``, and index 0 is the identity.  Associativity is a
  precondition that is not checked because it costs ``N³``.
* Conjugacy classes are numbered by their smallest element index, so the
  class of the identity is class 0.  The order of the representations is
  the trivial one first, then increasing degree, then the character values
  on the classes in class order (real parts, then imaginary parts, rounded
  to 8 decimals).  The order is therefore the same for every seed, while
  the matrices of a representation depend on the seed through a change of
  basis.
* The class matrices become normal after the diagonal scaling
  ``diag(1/sqrt|C_k|)``, because the scaled central characters
  ``sqrt|C_k| χ(C_k)`` are orthogonal.  The code diagonalises the Hermitian
  part of a random complex combination of the scaled matrices with
  ``numpy.linalg.eigh``.  Its eigenvalues are ``Re λ_χ``, distinct for
  generic coefficients even between complex conjugate characters.
  Eigenvalues closer than ``1e-4`` relative stay in one cluster, and a new
  random combination restricted to the cluster splits it, at most
  ``max_attempts`` rounds in all.
* Floating point throughout: degrees are rounded to integers only after a
  check that they are within ``1e-6`` relative of one.  The commutant step
  retries with new random coefficients when its eigenvalues do not form
  ``d`` clusters of size ``d``.
* Characters of degree 1 are their own representations, so the projector
  step runs only for degree at least 2.  Its cost is ``O(N² d²)`` for a
  representation of degree ``d``, ``O(N³)`` summed over all of them.

References
----------
* J. D. Dixon, "High speed computation of group characters",
  Numer. Math. 10 (1967) 446–450.
* G. J. A. Schneider, "Dixon's character table algorithm revisited",
  J. Symbolic Comput. 9 (1990) 601–606.
* J.-P. Serre, *Linear Representations of Finite Groups*, Springer GTM 42
  (1977), Sections 2.6 (isotypic projectors) and 6.3 (central characters).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

__all__ = [
    "IrreducibleRepresentation",
    "conjugacy_classes",
    "class_structure_constants",
    "character_table",
    "irreducible_representations",
]

# Relative tolerance for the integrality of degrees.  The float64 steps make
# errors near 1e-12 for N ≤ 2000, far below it.
_DEGREE_TOLERANCE = 1e-6

# Eigenvalues closer than this, relative to the largest one, count as one
# cluster.  An eigenvector separated by a relative gap δ is accurate to about
# 1e-16 / δ, so clusters are split further instead of trusted.
_SEPARATION_TOLERANCE = 1e-4

# Maximum relative width of an eigenvalue cluster that is one exact eigenvalue
# of multiplicity d in exact arithmetic.
_CLUSTER_WIDTH = 1e-8


@dataclass(frozen=True)
class IrreducibleRepresentation:
    """An irreducible unitary representation of a group given by its table.

    Attributes
    ----------
    degree : int
        The dimension ``d``.
    character : (N,) complex128 ndarray
        ``χ(g) = trace π(g)`` for every element index ``g``.
    matrices : (N, d, d) complex128 ndarray
        ``π(g)`` for every element index ``g``.
    label : str
        ``"chi3 (degree 2)"``, where 3 is the position in the returned list.
    """

    degree: int
    character: np.ndarray = field(repr=False)
    matrices: np.ndarray = field(repr=False)
    label: str


def _validate_table(mul: object, inverse: object) -> tuple[np.ndarray, np.ndarray]:
    table = np.asarray(mul)
    inverses = np.asarray(inverse)
    if table.dtype.kind not in "iu":
        raise TypeError(f"mul must be an integer array, got dtype {table.dtype}")
    if inverses.dtype.kind not in "iu":
        raise TypeError(f"inverse must be an integer array, got dtype {inverses.dtype}")
    if table.ndim != 2 or table.shape[0] != table.shape[1] or table.shape[0] == 0:
        raise ValueError(f"mul must be a non-empty square (N, N) array, got shape {table.shape}")
    n = table.shape[0]
    if inverses.shape != (n,):
        raise ValueError(f"inverse must have shape ({n},) to match mul, got shape {inverses.shape}")
    table = table.astype(np.int64)
    inverses = inverses.astype(np.int64)
    if (np.sort(table, axis=1) != np.arange(n)[None, :]).any():
        raise ValueError("mul must be a Latin square: every row must be a permutation of 0..N-1")
    if (np.sort(table, axis=0) != np.arange(n)[:, None]).any():
        raise ValueError("mul must be a Latin square: every column must be a permutation of 0..N-1")
    if (table[0] != np.arange(n)).any() or (table[:, 0] != np.arange(n)).any():
        raise ValueError("index 0 must be the identity: mul[0, a] == mul[a, 0] == a for every a")
    if (table[np.arange(n), inverses] != 0).any():
        bad = int(np.flatnonzero(table[np.arange(n), inverses] != 0)[0])
        raise ValueError(
            f"inverse[{bad}] = {int(inverses[bad])} is not an inverse: "
            f"mul[{bad}, {int(inverses[bad])}] = {int(table[bad, inverses[bad]])}, expected 0"
        )
    return table, inverses


def _classes_of_valid_table(mul: np.ndarray, inverse: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    # conjugates[g, x] = g x g⁻¹; the class of x is the column x of this array,
    # and its smallest entry names the class.
    conjugates = mul[mul, inverse[:, None]]
    representatives = conjugates.min(axis=0)
    _, class_of = np.unique(representatives, return_inverse=True)
    class_of = class_of.reshape(-1).astype(np.int64)
    return class_of, np.bincount(class_of)


def conjugacy_classes(mul: object, inverse: object) -> tuple[np.ndarray, np.ndarray]:
    """Partition the group into conjugacy classes.

    Parameters
    ----------
    mul : (N, N) array_like of int
        ``mul[a, b]`` is the index of ``a·b``; index 0 is the identity.
    inverse : (N,) array_like of int
        ``inverse[a]`` is the index of ``a⁻¹``.

    Returns
    -------
    class_of : (N,) int64 ndarray
        The class index of each element.  Classes are numbered in the order of
        their smallest element index, so the identity is alone in class 0.
    class_sizes : (r,) int64 ndarray
        The number of elements of each class.

    Raises
    ------
    TypeError
        If ``mul`` or ``inverse`` is not an integer array.
    ValueError
        If the shapes do not match, ``mul`` is not a Latin square, index 0 is
        not the identity or ``inverse`` is wrong.

    Notes
    -----
    Builds the ``(N, N)`` array of all conjugates ``g x g⁻¹``: ``O(N²)`` time
    and memory.

    Examples
    --------
    >>> mul = np.add.outer(np.arange(4), np.arange(4)) % 4
    >>> class_of, sizes = conjugacy_classes(mul, (-np.arange(4)) % 4)
    >>> sizes.tolist()
    [1, 1, 1, 1]
    """
    table, inverses = _validate_table(mul, inverse)
    return _classes_of_valid_table(table, inverses)


def _quotient_classes(mul: np.ndarray, inverse: np.ndarray, class_of: np.ndarray) -> np.ndarray:
    # quotient[x, k] = class of x⁻¹ z_k, where z_k is the first element of class k.
    representatives = np.unique(class_of, return_index=True)[1]
    return class_of[mul[inverse[:, None], representatives[None, :]]]


def class_structure_constants(mul: object, inverse: object) -> np.ndarray:
    """Compute the class structure constants of the group.

    Parameters
    ----------
    mul : (N, N) array_like of int
        ``mul[a, b]`` is the index of ``a·b``; index 0 is the identity.
    inverse : (N,) array_like of int
        ``inverse[a]`` is the index of ``a⁻¹``.

    Returns
    -------
    (r, r, r) int64 ndarray
        ``c[j, i, k] = #{(x, y) ∈ C_j × C_i : x y = z}`` for any fixed ``z`` in
        ``C_k``, so that ``K_j K_i = Σ_k c[j, i, k] K_k`` for the class sums.
        Classes are numbered as in :func:`conjugacy_classes`.

    Raises
    ------
    TypeError, ValueError
        As :func:`conjugacy_classes`.

    Notes
    -----
    For each class representative ``z_k`` and each ``x``, the pair is
    ``(x, x⁻¹ z_k)``, so one count over ``N r`` pairs fills the table:
    ``O(N r)`` time and ``O(r³)`` memory.

    Examples
    --------
    >>> mul = np.add.outer(np.arange(3), np.arange(3)) % 3
    >>> c = class_structure_constants(mul, (-np.arange(3)) % 3)
    >>> int(c[1, 2, 0])
    1
    """
    table, inverses = _validate_table(mul, inverse)
    class_of, _ = _classes_of_valid_table(table, inverses)
    r = int(class_of.max()) + 1
    quotient = _quotient_classes(table, inverses, class_of)
    flat = (class_of[:, None] * r + quotient) * r + np.arange(r)[None, :]
    return np.bincount(flat.ravel(), minlength=r**3).reshape(r, r, r)


def _eigenvalue_clusters(eigenvalues: np.ndarray, gap: float) -> list[np.ndarray]:
    """Split sorted eigenvalues into runs whose consecutive gaps are below ``gap``."""
    breaks = np.flatnonzero(np.diff(eigenvalues) >= gap) + 1
    return np.split(np.arange(eigenvalues.size), breaks)


def _central_characters(
    mul: np.ndarray,
    inverse: np.ndarray,
    class_of: np.ndarray,
    class_sizes: np.ndarray,
    rng: np.random.Generator,
    max_attempts: int,
) -> np.ndarray:
    """Return the ``(r, r)`` central characters ``ω_χ(K_k)``, one row per χ."""
    r = class_sizes.size
    quotient = _quotient_classes(mul, inverse, class_of)
    flat = (quotient * r + np.arange(r)[None, :]).ravel()
    scale = np.sqrt(class_sizes.astype(float))
    unresolved = [np.eye(r, dtype=complex)]
    resolved = []

    for _ in range(max_attempts):
        # The combination Σ_j a_j A_j with (A_j)[i, k] = c[j, i, k], filled by
        # one weighted count; a_j is attached to every x in class j.
        coefficients = rng.standard_normal(r) + 1j * rng.standard_normal(r)
        weights = np.repeat(coefficients[class_of], r)
        combination = np.bincount(flat, weights=weights.real, minlength=r * r) + 1j * np.bincount(
            flat, weights=weights.imag, minlength=r * r
        )
        combination = combination.reshape(r, r)

        # Scale to a normal matrix and take its Hermitian part, which has the
        # same eigenvectors as every class matrix.
        normal = combination / scale[:, None] * scale[None, :]
        hermitian = (normal + normal.conj().T) / 2
        # The maximum absolute row sum bounds every eigenvalue.
        spread = max(1.0, float(np.abs(hermitian).sum(axis=1).max()))

        # Split every common eigenspace not yet of dimension 1 by the new
        # combination.  Eigenvalues closer than the gap stay together for the
        # next round, because their eigenvectors would be inaccurate.
        still_unresolved = []
        for subspace in unresolved:
            restricted = hermitian if subspace.shape[1] == r else subspace.conj().T @ hermitian @ subspace
            eigenvalues, eigenvectors = np.linalg.eigh(restricted)
            for cluster in _eigenvalue_clusters(eigenvalues, _SEPARATION_TOLERANCE * spread):
                part = subspace @ eigenvectors[:, cluster]
                (resolved if cluster.size == 1 else still_unresolved).append(part)
        unresolved = still_unresolved
        if not unresolved:
            break
    else:
        raise RuntimeError(
            f"{sum(part.shape[1] for part in unresolved)} of the {r} characters were not "
            f"separated by {max_attempts} random combinations of class matrices: their "
            f"eigenvalues stayed closer than {_SEPARATION_TOLERANCE} relative"
        )

    # Undo the scaling and normalise so that ω_χ(identity) = 1.
    vectors = np.hstack(resolved) * scale[:, None]
    return (vectors / vectors[0:1, :]).T


def _character_table_of_valid_table(
    mul: np.ndarray, inverse: np.ndarray, rng: np.random.Generator, max_attempts: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    class_of, class_sizes = _classes_of_valid_table(mul, inverse)
    n = mul.shape[0]
    central = _central_characters(mul, inverse, class_of, class_sizes, rng, max_attempts)

    # Row orthogonality Σ_k |C_k| |χ_k|² = N with χ_k = d ω_k / |C_k| gives d.
    raw_degrees = np.sqrt(n / (np.abs(central) ** 2 / class_sizes[None, :]).sum(axis=1))
    degrees = np.rint(raw_degrees).astype(np.int64)
    worst = int(np.argmax(np.abs(raw_degrees - degrees)))
    if abs(raw_degrees[worst] - degrees[worst]) > _DEGREE_TOLERANCE * raw_degrees[worst]:
        raise RuntimeError(
            f"degree {raw_degrees[worst]!r} is not within {_DEGREE_TOLERANCE} relative of an "
            "integer; the multiplication table may not be associative"
        )
    if int((degrees**2).sum()) != n or (n % degrees).any():
        raise RuntimeError(
            f"degrees {sorted(degrees.tolist())} do not divide N = {n} or their squares do "
            "not sum to N; the multiplication table may not be associative"
        )
    table = degrees[:, None] * central / class_sizes[None, :]
    return class_of, class_sizes, degrees, table


def _canonical_order(degrees: np.ndarray, table: np.ndarray) -> list[int]:
    def key(row: int) -> tuple:
        values = table[row]
        is_trivial = degrees[row] == 1 and np.allclose(values, 1.0)
        rounded_real = tuple((np.round(values.real, 8) + 0.0).tolist())
        rounded_imag = tuple((np.round(values.imag, 8) + 0.0).tolist())
        return (not is_trivial, int(degrees[row]), rounded_real, rounded_imag)

    return sorted(range(degrees.size), key=key)


def character_table(
    mul: object, inverse: object, rng: np.random.Generator, *, max_attempts: int = 8
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Compute the character table with the Dixon–Schneider method.

    Parameters
    ----------
    mul : (N, N) array_like of int
        ``mul[a, b]`` is the index of ``a·b``; index 0 is the identity.
    inverse : (N,) array_like of int
        ``inverse[a]`` is the index of ``a⁻¹``.
    rng : numpy.random.Generator
        Source of the random combinations of class matrices.
    max_attempts : int, optional
        How many random combinations to try before giving up.

    Returns
    -------
    class_of : (N,) int64 ndarray
        As in :func:`conjugacy_classes`.
    class_sizes : (r,) int64 ndarray
        As in :func:`conjugacy_classes`.
    table : (r, r) complex128 ndarray
        ``table[i, k]`` is the value of the ``i``-th irreducible character on
        class ``k``.  Rows are in the order of
        :func:`irreducible_representations`.

    Raises
    ------
    TypeError, ValueError
        As :func:`conjugacy_classes`, or if ``rng`` is not a Generator.
    RuntimeError
        If no combination separates the characters, or the degrees are not
        integers (which happens when ``mul`` is not associative).

    Notes
    -----
    ``O(N r)`` to fill the combination of class matrices and ``O(r³)`` for
    its eigendecomposition, after the ``O(N²)`` class computation.

    Examples
    --------
    >>> mul = np.add.outer(np.arange(2), np.arange(2)) % 2
    >>> _, _, table = character_table(mul, np.arange(2), np.random.default_rng(0))
    >>> np.round(table.real).astype(int).tolist()
    [[1, 1], [1, -1]]
    """
    table, inverses = _validate_table(mul, inverse)
    _validate_rng(rng, max_attempts)
    class_of, class_sizes, degrees, values = _character_table_of_valid_table(
        table, inverses, rng, max_attempts
    )
    order = _canonical_order(degrees, values)
    return class_of, class_sizes, values[order]


def _validate_rng(rng: object, max_attempts: object) -> None:
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a numpy.random.Generator, got {type(rng).__name__}")
    if isinstance(max_attempts, bool) or not isinstance(max_attempts, (int, np.integer)):
        raise TypeError(f"max_attempts must be an integer, got {max_attempts!r}")
    if max_attempts < 1:
        raise ValueError(f"max_attempts must be at least 1, got {max_attempts}")


def _validate_generators(generators: object, n: int) -> np.ndarray | None:
    if generators is None:
        return None
    array = np.asarray(generators)
    if array.size == 0:
        array = array.astype(np.int64).reshape(0)
    if array.dtype.kind not in "iu" or array.ndim != 1:
        raise TypeError(f"generators must be a 1-D integer array of element indices, got {generators!r}")
    if array.size and (array.min() < 0 or array.max() >= n):
        raise ValueError(f"generators must be element indices in 0..{n - 1}, got {array.tolist()}")
    return array.astype(np.int64)


def _spanning_tree(mul: np.ndarray, generators: np.ndarray) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Return breadth-first layers ``(elements, parents, letters)``.

    Each element ``g`` of a layer is ``mul[parent, generators[letter]]`` with
    the parent in an earlier layer; elements not reached are missing.
    """
    n = mul.shape[0]
    seen = np.zeros(n, dtype=bool)
    seen[0] = True
    frontier = np.array([0], dtype=np.int64)
    layers = []
    while frontier.size:
        products = mul[frontier[:, None], generators[None, :]].ravel()
        new, first = np.unique(products, return_index=True)
        keep = ~seen[new]
        new, first = new[keep], first[keep]
        if new.size == 0:
            break
        seen[new] = True
        parents = frontier[first // generators.size]
        letters = first % generators.size
        layers.append((new, parents, letters))
        frontier = new
    return layers


def _generating_set(mul: np.ndarray) -> np.ndarray:
    # Add the smallest element outside the subgroup generated so far until
    # the subgroup is the whole group; each step at least doubles its order.
    n = mul.shape[0]
    generators = np.zeros(0, dtype=np.int64)
    reached = np.zeros(n, dtype=bool)
    reached[0] = True
    while not reached.all():
        generators = np.append(generators, np.flatnonzero(~reached)[0])
        reached[:] = False
        reached[0] = True
        for elements, _, _ in _spanning_tree(mul, generators):
            reached[elements] = True
    return generators


def _isotypic_basis(
    mul: np.ndarray,
    inverse: np.ndarray,
    quotient_class: np.ndarray,
    class_values: np.ndarray,
    degree: int,
    rng: np.random.Generator,
    max_attempts: int,
) -> np.ndarray:
    """Return an orthonormal ``(N, d)`` basis of one irreducible left ideal."""
    n = mul.shape[0]

    # P[x, y] = (d/N) conj χ(x y⁻¹) projects onto the χ-isotypic part of the
    # left regular representation, of dimension d².
    projector = (degree / n) * np.conj(class_values)[quotient_class]
    sketch = rng.standard_normal((n, degree**2)) + 1j * rng.standard_normal((n, degree**2))
    basis, _ = np.linalg.qr(projector @ sketch)
    basis, _ = np.linalg.qr(projector @ basis)

    for _ in range(max_attempts):
        # A random Hermitian element Σ c_h R(h) + conj(c_h) R(h⁻¹) of the right
        # regular action, which commutes with L and preserves the range of P.
        support = rng.integers(0, n, size=8)
        coefficients = rng.standard_normal(8) + 1j * rng.standard_normal(8)
        image = np.zeros_like(basis)
        for h, c in zip(support, coefficients):
            image += c * basis[mul[:, h]] + np.conj(c) * basis[mul[:, inverse[h]]]
        hermitian = basis.conj().T @ image
        hermitian = (hermitian + hermitian.conj().T) / 2

        # Its eigenvalues come in d clusters of size d; one cluster is a copy of π.
        eigenvalues, eigenvectors = np.linalg.eigh(hermitian)
        clusters = eigenvalues.reshape(degree, degree)
        spread = max(1.0, float(np.abs(eigenvalues).max()))
        within = float((clusters[:, -1] - clusters[:, 0]).max())
        between = float((clusters[1:, 0] - clusters[:-1, -1]).min())
        if within <= _CLUSTER_WIDTH * spread and between > _SEPARATION_TOLERANCE * spread:
            return basis @ eigenvectors[:, :degree]
    raise RuntimeError(
        f"a random element of the commutant did not split the degree-{degree} isotypic part "
        f"into {degree} eigenvalue clusters of size {degree} in {max_attempts} attempts"
    )


def _representation_matrices(
    mul: np.ndarray,
    inverse: np.ndarray,
    ideal_basis: np.ndarray,
    generators: np.ndarray,
    layers: list[tuple[np.ndarray, np.ndarray, np.ndarray]],
) -> np.ndarray:
    n, degree = ideal_basis.shape

    # π(s) = Bᴴ L(s) B, where (L(s) B)[x] = B[s⁻¹ x].
    translated = ideal_basis[mul[inverse[generators][:, None], np.arange(n)[None, :]]]
    generator_matrices = np.einsum("xa,sxb->sab", ideal_basis.conj(), translated)

    # π(p s) = π(p) π(s), one batched product per layer of the tree.
    matrices = np.zeros((n, degree, degree), dtype=complex)
    matrices[0] = np.eye(degree)
    for elements, parents, letters in layers:
        matrices[elements] = matrices[parents] @ generator_matrices[letters]
    return matrices


def irreducible_representations(
    mul: object,
    inverse: object,
    rng: np.random.Generator,
    generators: object = None,
    *,
    max_attempts: int = 8,
) -> list[IrreducibleRepresentation]:
    """Construct every irreducible unitary representation of a finite group.

    Parameters
    ----------
    mul : (N, N) array_like of int
        ``mul[a, b]`` is the index of ``a·b``; index 0 is the identity.
    inverse : (N,) array_like of int
        ``inverse[a]`` is the index of ``a⁻¹``.
    rng : numpy.random.Generator
        Source of all randomness; the same seed gives the same matrices.
    generators : (k,) array_like of int, optional
        Element indices that generate the group.  If omitted, a generating set
        is chosen greedily from the smallest indices.
    max_attempts : int, optional
        How many random draws each randomized step may try before giving up.

    Returns
    -------
    list of IrreducibleRepresentation
        One entry per class, the trivial representation first, then by
        degree, then by the character values on the classes in class order.
        ``matrices[g]`` is ``π(g)``, unitary, with
        ``π(mul[a, b]) = π(a) π(b)``.

    Raises
    ------
    TypeError, ValueError
        As :func:`character_table`, if ``generators`` are not element indices
        or if they do not generate the group.
    RuntimeError
        If a randomized step fails ``max_attempts`` times or the table is not
        associative.

    Notes
    -----
    ``O(N²)`` memory for the projector and ``O(N² d²)`` time per
    representation of degree ``d ≥ 2``.  Matrices of the elements are
    products along a breadth-first tree over the generators, so the
    rounding error grows with the depth of the tree.

    Examples
    --------
    >>> mul = np.add.outer(np.arange(3), np.arange(3)) % 3
    >>> reps = irreducible_representations(mul, (-np.arange(3)) % 3, np.random.default_rng(1))
    >>> [rep.degree for rep in reps]
    [1, 1, 1]
    >>> reps[0].label
    'chi0 (degree 1)'
    """
    table, inverses = _validate_table(mul, inverse)
    _validate_rng(rng, max_attempts)
    n = table.shape[0]
    chosen = _validate_generators(generators, n)
    if chosen is None:
        chosen = _generating_set(table)
    layers = _spanning_tree(table, chosen) if chosen.size else []
    if 1 + sum(layer[0].size for layer in layers) != n:
        raise ValueError(f"generators {chosen.tolist()} do not generate the group of order {n}")

    class_of, _, degrees, values = _character_table_of_valid_table(table, inverses, rng, max_attempts)
    order = _canonical_order(degrees, values)
    quotient_class = None
    representations = []
    for position, row in enumerate(order):
        degree = int(degrees[row])
        character = values[row][class_of]
        if degree == 1:
            matrices = character.reshape(n, 1, 1).astype(complex)
        else:
            if quotient_class is None:
                quotient_class = class_of[table[:, inverses]]
            ideal = _isotypic_basis(table, inverses, quotient_class, values[row], degree, rng, max_attempts)
            matrices = _representation_matrices(table, inverses, ideal, chosen, layers)
        representations.append(
            IrreducibleRepresentation(
                degree=degree,
                character=character,
                matrices=matrices,
                label=f"chi{position} (degree {degree})",
            )
        )
    return representations
