"""Symbolic obligations of T7, polynomial classes.

Main results
------------
* ``T7.eigenvalue-multiplicities``: for permutation matrices of ``S_d`` the
  largest multiplicity of a primitive ``q``-th root of unity is
  ``floor(d/q)`` (checked on every cycle type, d <= 8, and on the exact
  characteristic polynomials of ``S_3``), and
  ``sum_(q<=d) phi(q) floor(d/q) = d(d+1)/2 >= C(d, 2) + 1`` for d <= 60.
* ``T7.counterexamples``: the closed form ``sum_lambda (M_lambda - 1)``
  is 0 for ``Z_2`` acting on ``R`` by sign (where ``K* = 1``) and 2 for
  ``S_3`` permuting ``R^3`` (where ``K* = 3``: no polynomial of degree
  <= 2 is alternating, the Vandermonde polynomial of degree 3 is);
  ``sum_lambda M_lambda - 1 = 5`` for ``S_3``.
* ``T7.orbit-interpolation``: the Vandermonde determinant
  ``prod_(i<j) (z_j - z_i)`` for up to 4 nodes, so polynomials of degree
  ``N - 1`` in a separating linear form interpolate any function on an
  orbit of ``N`` points.
"""

from __future__ import annotations

from collections import Counter
from itertools import permutations, product

import sympy
from sympy.combinatorics import Permutation
from sympy.utilities.iterables import partitions

from theory.obligations._common import check_eq, check_le, first_failure, vandermonde_results
from theory.registry import register_check

__all__ = ["eigenvalue_multiplicities", "counterexamples", "orbit_interpolation",
           "multiplicity_sum"]


def multiplicity_sum(degree: int) -> int:
    """Return ``sum_(q <= d) phi(q) floor(d/q)``: the sum of the largest eigenvalue multiplicities."""
    return sum(sympy.totient(q) * (degree // q) for q in range(1, degree + 1))


def _cycle_lengths(permutation) -> list:
    seen, lengths = set(), []
    for start in range(len(permutation)):
        length, point = 0, start
        while point not in seen:
            seen.add(point)
            point = permutation[point]
            length += 1
        if length:
            lengths.append(length)
    return lengths


def _multiplicity_results():
    # A primitive q-th root of unity has multiplicity #{cycles of length divisible by q}.
    for degree in range(1, 9):
        for shape in partitions(degree):
            lengths = [length for length, count in shape.items() for _ in range(count)]
            for q in range(1, degree + 1):
                yield check_le(sum(1 for c in lengths if c % q == 0), degree // q,
                               f"multiplicity of a primitive {q}-th root <= floor(d/q), shape {lengths}")

    # Exact characteristic polynomials of S_3: prod over cycles of (x^c - 1).
    x = sympy.Symbol("x")
    for permutation in permutations(range(3)):
        matrix = sympy.Matrix(3, 3, lambda i, j: 1 if permutation[j] == i else 0)
        expected = sympy.Mul(*[x**c - 1 for c in _cycle_lengths(permutation)])
        yield check_eq(sympy.expand(matrix.charpoly(x).as_expr()), sympy.expand(expected),
                       f"char poly of {permutation} = prod (x^c - 1)")

    for degree in range(1, 61):
        total = multiplicity_sum(degree)
        yield check_eq(total, degree * (degree + 1) // 2, f"sum phi(q) floor(d/q) = d(d+1)/2, d = {degree}")
        yield check_le(sympy.binomial(degree, 2), total - 1, f"C(d, 2) <= d(d+1)/2 - 1, d = {degree}")


@register_check("T7.eigenvalue-multiplicities", "T7", "symbolic",
                "sum_(q<=d) phi(q) floor(d/q) = d(d+1)/2 >= C(d,2) + 1 and the multiplicities floor(d/q).")
def eigenvalue_multiplicities():
    """Check the eigenvalue multiplicity count of permutation representations."""
    return first_failure(_multiplicity_results(), "sum_lambda M_lambda = d(d+1)/2 for S_d on R^d",
                         "cycle types d <= 8, characteristic polynomials of S_3, d <= 60")


def _closed_form(matrices) -> tuple:
    largest = Counter()
    for matrix in matrices:
        for value, multiplicity in matrix.eigenvals().items():
            largest[value] = max(largest[value], multiplicity)
    return sum(m - 1 for m in largest.values()), sum(largest.values()) - 1


def _antisymmetrize(monomial, variables):
    total = 0
    for permutation in permutations(range(len(variables))):
        sign = Permutation(list(permutation)).signature()
        total += sign * monomial.subs({variables[i]: variables[permutation[i]] for i in range(len(variables))},
                                      simultaneous=True)
    return sympy.expand(total)


def _counterexample_results():
    # Z_2 on R by sign: K* = 1 because x -> -x makes the degree-1 monomial x carry the sign.
    sign_closed, _ = _closed_form([sympy.Matrix([[1]]), sympy.Matrix([[-1]])])
    yield check_eq(sign_closed, 0, "sum (M_lambda - 1) = 0 for Z_2 on R")
    yield check_le(sign_closed + 1, 1, "K* = 1 exceeds the closed form 0 for Z_2 on R")

    # S_3 on R^3.
    matrices = [sympy.Matrix(3, 3, lambda i, j: 1 if p[j] == i else 0) for p in permutations(range(3))]
    closed, variant = _closed_form(matrices)
    yield check_eq(closed, 2, "sum (M_lambda - 1) = 2 for S_3 on R^3")
    yield check_eq(variant, 5, "sum M_lambda - 1 = 5 for S_3 on R^3")

    # The sign representation is absent from degrees <= 2 and present in degree 3.
    variables = sympy.symbols("x0:3")
    for exponents in product(range(3), repeat=3):
        if sum(exponents) <= 2:
            monomial = sympy.Mul(*[v**e for v, e in zip(variables, exponents)])
            yield check_eq(_antisymmetrize(monomial, variables), 0,
                           f"no alternating part in degree <= 2: {monomial}")
    vandermonde = sympy.Mul(*[variables[j] - variables[i] for i in range(3) for j in range(i + 1, 3)])
    yield check_eq(_antisymmetrize(vandermonde, variables), sympy.expand(6 * vandermonde),
                   "the Vandermonde polynomial of degree 3 is alternating")
    yield check_le(closed + 1, 3, "K* = 3 exceeds the closed form 2 for S_3 on R^3")


@register_check("T7.counterexamples", "T7", "symbolic",
                "The closed form sum (M_lambda - 1) is 0 < K* = 1 on Z_2 and 2 < K* = 3 on S_3.")
def counterexamples():
    """Check the two smallest counterexamples to the closed-form bound."""
    return first_failure(_counterexample_results(),
                         "K* <= sum_lambda (M_lambda - 1) fails for Z_2 on R and S_3 on R^3",
                         "exact eigenvalues and antisymmetrization")


@register_check("T7.orbit-interpolation", "T7", "symbolic",
                "Vandermonde determinant prod_(i<j)(z_j - z_i) for up to 4 nodes: interpolation on an orbit.")
def orbit_interpolation():
    """Check the interpolation step behind ``K* <= N - 1``."""
    return first_failure(vandermonde_results(4, 0), "degree N - 1 interpolates on N distinct points",
                         "symbolic determinants of size 1..4")
