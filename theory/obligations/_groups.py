"""Small finite groups with exact irreducible representations, for symbolic checks.

The symbolic layer must not depend on the numeric engine, so the few groups
its obligations need are built here with exact sympy matrices: the cyclic
groups ``Z_n`` for n in {2, 3, 4, 6} (characters with entries in Q(i, sqrt 3)),
the symmetric group ``S_3`` (trivial, sign and the 2-dimensional standard
representation with entries in Q(sqrt 3)) and the hypercube ``Z_2^n``.

Main definitions
----------------
* :class:`ExactGroup`, :func:`cyclic_group`, :func:`symmetric_group_3`,
  :func:`hypercube_group`, :func:`small_groups`;
* :func:`regular_matrix`, :func:`fourier`, :func:`isotypic_basis`.

Implementation notes
--------------------
Group law for permutations: ``(g h)(i) = g(h(i))``, so ``h`` is applied first.
With the left regular representation ``R(g) e_x = e_{g x}`` every
representation here satisfies ``pi(g h) = pi(g) pi(h)``; the obligations
check this before using them.  The standard representation of ``S_3`` is the
permutation representation of ``R^3`` restricted to the plane
``x_0 + x_1 + x_2 = 0`` in the orthonormal basis ``(1,-1,0)/sqrt 2``,
``(1,1,-2)/sqrt 6``.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import permutations, product

import sympy

__all__ = ["ExactGroup", "cyclic_group", "symmetric_group_3", "hypercube_group",
           "small_groups", "regular_matrix", "fourier", "isotypic_basis", "root_of_unity"]


@dataclass(frozen=True)
class ExactGroup:
    """A finite group given by its multiplication table and exact irreducibles.

    Attributes
    ----------
    name : str
        Short name (``"S_3"``).
    elements : tuple
        Element labels; index 0 is the identity.
    table : tuple of tuple of int
        ``table[i][j]`` is the index of ``elements[i] * elements[j]``.
    irreps : tuple of (str, tuple of sympy.Matrix)
        Label and the matrices ``pi(g)`` in element order; the first is trivial.
    """

    name: str
    elements: tuple
    table: tuple
    irreps: tuple

    @property
    def order(self) -> int:
        """The number of elements."""
        return len(self.elements)

    def inverse(self, index: int) -> int:
        """Return the index of the inverse of element ``index``."""
        return next(j for j in range(self.order) if self.table[index][j] == 0)


def root_of_unity(n: int, power: int = 1) -> sympy.Expr:
    """Return ``exp(2 pi i power / n)`` in radicals, expanded into real and imaginary parts."""
    return sympy.expand(sympy.exp(2 * sympy.pi * sympy.I * sympy.Rational(power % n, n)),
                        complex=True)


def cyclic_group(n: int) -> ExactGroup:
    """Return ``Z_n`` with its ``n`` characters ``chi_t(x) = exp(2 pi i t x / n)``."""
    elements = tuple(range(n))
    table = tuple(tuple((i + j) % n for j in elements) for i in elements)
    irreps = tuple(
        (f"chi_{t}", tuple(sympy.Matrix([[root_of_unity(n, t * x)]]) for x in elements))
        for t in range(n)
    )
    return ExactGroup(f"Z_{n}", elements, table, irreps)


def _permutation_matrix(permutation: tuple) -> sympy.Matrix:
    size = len(permutation)
    return sympy.Matrix(size, size, lambda i, j: 1 if permutation[j] == i else 0)


def symmetric_group_3() -> ExactGroup:
    """Return ``S_3`` with its trivial, sign and standard representations."""
    elements = tuple(permutations(range(3)))
    index = {element: position for position, element in enumerate(elements)}

    # Composition (g h)(i) = g(h(i)).
    table = tuple(tuple(index[tuple(g[h[i]] for i in range(3))] for h in elements)
                  for g in elements)
    basis = sympy.Matrix([[1, 1], [-1, 1], [0, -2]]) * sympy.diag(1 / sympy.sqrt(2),
                                                                  1 / sympy.sqrt(6))
    trivial = tuple(sympy.Matrix([[1]]) for _ in elements)
    sign = tuple(sympy.Matrix([[_permutation_matrix(g).det()]]) for g in elements)
    standard = tuple((basis.T * _permutation_matrix(g) * basis).applyfunc(sympy.simplify)
                     for g in elements)
    return ExactGroup("S_3", elements, table,
                      (("trivial", trivial), ("sign", sign), ("standard", standard)))


def hypercube_group(n: int) -> ExactGroup:
    """Return ``Z_2^n`` with its characters ``chi_t(x) = (-1)^(t . x)``."""
    elements = tuple(product(range(2), repeat=n))
    index = {element: position for position, element in enumerate(elements)}
    table = tuple(tuple(index[tuple((a + b) % 2 for a, b in zip(x, y))] for y in elements)
                  for x in elements)
    irreps = tuple(
        (f"chi_{''.join(map(str, t))}",
         tuple(sympy.Matrix([[(-1) ** sum(a * b for a, b in zip(t, x))]]) for x in elements))
        for t in elements
    )
    return ExactGroup(f"Z_2^{n}", elements, table, irreps)


def small_groups() -> list[ExactGroup]:
    """Return the groups used by the matrix identities: ``Z_3``, ``Z_4`` and ``S_3``."""
    return [cyclic_group(3), cyclic_group(4), symmetric_group_3()]


def regular_matrix(group: ExactGroup, g: int) -> sympy.Matrix:
    """Return the left regular matrix ``R(g)``, ``R(g) e_x = e_{g x}``."""
    n = group.order
    return sympy.Matrix(n, n, lambda y, x: 1 if group.table[g][x] == y else 0)


def fourier(weights, matrices) -> sympy.Matrix:
    """Return ``sum_g w(g) pi(g)`` for weights and matrices listed in element order."""
    total = sympy.zeros(*matrices[0].shape)
    for weight, matrix in zip(weights, matrices):
        total += weight * matrix
    return total.applyfunc(sympy.expand)


def isotypic_basis(group: ExactGroup) -> tuple[sympy.Matrix, list]:
    """Return ``U`` with columns ``sqrt(d/N) conj(pi(x)_{ij})`` and the block layout.

    Column ``(pi, j, i)`` spans, as ``i`` varies, a copy of ``pi`` inside the
    regular representation: ``R(g) U = U (direct sum of pi(g), each d_pi times)``.

    Returns
    -------
    U : sympy.Matrix, shape (N, N)
    blocks : list of (label, j)
        The irreducible and copy index of each diagonal block, in column order.
    """
    n = group.order
    columns, blocks = [], []
    for label, matrices in group.irreps:
        degree = matrices[0].shape[0]
        scale = sympy.sqrt(sympy.Rational(degree, n))
        for j in range(degree):
            blocks.append((label, j))
            for i in range(degree):
                columns.append([sympy.expand(scale * sympy.conjugate(matrices[x][i, j]))
                                for x in range(n)])
    return sympy.Matrix(columns).T, blocks
