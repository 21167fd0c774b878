"""Helpers that turn exact comparisons into :class:`CheckResult` objects.

Main definitions
----------------
* :func:`check_le`, :func:`check_eq`, :func:`check_true`, :func:`first_failure`;
* :func:`cauchy_schwarz_results`, :func:`vandermonde_results`, :func:`cyclotomic_rank`.

Implementation notes
--------------------
Comparisons are exact.  ``check_le`` simplifies ``rhs - lhs`` and passes
only when sympy proves it nonnegative.  An undecided sign counts as a
failure, so a check never passes on a guess.  Real algebraic constants such as
``sqrt(3)/2`` are decided by sympy's own sign rules.
"""

from __future__ import annotations

from typing import Iterable

import sympy

from theory.registry import CheckResult

__all__ = ["check_le", "check_eq", "check_true", "first_failure", "is_zero_matrix",
           "cauchy_schwarz_results", "vandermonde_results", "cyclotomic_rank"]


def check_le(lhs, rhs, statement: str, evidence: str = "") -> CheckResult:
    """Return the result of checking ``lhs <= rhs`` exactly, with sides and margin ``rhs - lhs``."""
    margin = sympy.sympify(rhs) - sympy.sympify(lhs)
    if margin.free_symbols:
        margin = sympy.simplify(margin)
    passed = bool(margin.is_nonnegative)
    return CheckResult(passed=passed, statement=statement, lhs=lhs, rhs=rhs, margin=margin,
                       evidence=evidence)


def check_eq(lhs, rhs, statement: str, evidence: str = "") -> CheckResult:
    """Return the result of checking ``lhs == rhs`` exactly; the margin is ``rhs - lhs``."""
    lhs_s, rhs_s = sympy.sympify(lhs), sympy.sympify(rhs)
    if isinstance(lhs_s, sympy.MatrixBase) or isinstance(rhs_s, sympy.MatrixBase):
        difference = (sympy.Matrix(rhs_s) - sympy.Matrix(lhs_s)).applyfunc(sympy.simplify)
        passed = is_zero_matrix(difference)
        margin = difference
    elif lhs_s == rhs_s:
        # Structural equality also covers infinities, where rhs - lhs is nan.
        margin, passed = sympy.Integer(0), True
    else:
        margin = sympy.simplify(rhs_s - lhs_s)
        passed = margin == 0
    return CheckResult(passed=passed, statement=statement, lhs=lhs, rhs=rhs, margin=margin,
                       evidence=evidence)


def check_true(condition: bool, statement: str, evidence: str = "", **sides) -> CheckResult:
    """Return a result for a boolean fact; ``sides`` may give ``lhs``, ``rhs`` and ``margin``."""
    return CheckResult(passed=bool(condition), statement=statement, evidence=evidence, **sides)


def is_zero_matrix(matrix) -> bool:
    """Return whether every entry of ``matrix`` simplifies to exactly zero."""
    return all(sympy.simplify(sympy.expand(entry)) == 0 for entry in sympy.Matrix(matrix))


def first_failure(results: Iterable[CheckResult], statement: str, evidence: str) -> CheckResult:
    """Return the first failed result, or one passed result for ``statement`` if none failed.

    The failed result is returned with ``statement`` prefixed, so the report
    names both the whole obligation and the case that broke it.
    """
    count = 0
    for result in results:
        count += 1
        if not result.passed:
            return CheckResult(passed=False, statement=f"{statement}: {result.statement}",
                               lhs=result.lhs, rhs=result.rhs, margin=result.margin,
                               evidence=result.evidence or evidence, details=result.details)
    return CheckResult(passed=True, statement=statement,
                       evidence=f"{evidence} ({count} exact comparisons)")


def cauchy_schwarz_results(max_size: int):
    """Yield checks of ``r sum x_i^2 - (sum x_i)^2 = sum_{i<j} (x_i - x_j)^2`` for r <= max_size.

    The identity proves the Cauchy-Schwarz step ``(sum x_i)^2 <= r sum x_i^2``
    used for weights (L3) and for singular values (L4).
    """
    for size in range(1, max_size + 1):
        xs = sympy.symbols(f"x1:{size + 1}", real=True)
        lhs = sympy.expand(size * sum(x**2 for x in xs) - sum(xs) ** 2)
        rhs = sympy.expand(sum((xs[i] - xs[j]) ** 2 for i in range(size) for j in range(i + 1, size)))
        yield check_eq(lhs, rhs, f"{size} sum x_i^2 - (sum x_i)^2 = sum_(i<j) (x_i - x_j)^2")


def vandermonde_results(max_size: int, first_power: int):
    """Yield checks of ``det[z_i^(n)] = prod z_i^first_power * prod_(i<j) (z_j - z_i)``.

    Rows are the powers ``n = first_power .. first_power + size - 1``.  With
    distinct nonzero nodes the right side is nonzero, so the system is
    nonsingular.
    """
    for size in range(1, max_size + 1):
        zs = sympy.symbols(f"z1:{size + 1}")
        matrix = sympy.Matrix(size, size, lambda n, i: zs[i] ** (n + first_power))
        product = sympy.Mul(*[z**first_power for z in zs]) * sympy.Mul(
            *[zs[j] - zs[i] for i in range(size) for j in range(i + 1, size)])
        yield check_eq(sympy.expand(matrix.det()), sympy.expand(product),
                       f"Vandermonde determinant of size {size}, powers from {first_power}")


def cyclotomic_rank(rows, m: int) -> int:
    """Return the rank over ``Q(zeta_m)`` of a matrix of polynomials in ``x = zeta_m``.

    Gaussian elimination with entries reduced modulo the cyclotomic
    polynomial ``Phi_m``; a pivot is inverted with the extended Euclidean
    algorithm, which is exact because ``Phi_m`` is irreducible over Q.
    """
    x = sympy.Symbol("x")
    modulus = sympy.Poly(sympy.cyclotomic_poly(m, x), x, domain="QQ")
    matrix = [[sympy.Poly(entry, x, domain="QQ").rem(modulus) for entry in row] for row in rows]
    rank, columns = 0, len(matrix[0]) if matrix else 0
    for column in range(columns):
        pivot = next((r for r in range(rank, len(matrix)) if not matrix[r][column].is_zero), None)
        if pivot is None:
            continue
        matrix[rank], matrix[pivot] = matrix[pivot], matrix[rank]
        inverse = sympy.Poly(sympy.invert(matrix[rank][column].as_expr(), modulus.as_expr(), x),
                             x, domain="QQ")
        for r in range(len(matrix)):
            if r != rank and not matrix[r][column].is_zero:
                factor = (matrix[r][column] * inverse).rem(modulus)
                matrix[r] = [(a - factor * b).rem(modulus) for a, b in zip(matrix[r], matrix[rank])]
        rank += 1
    return rank
