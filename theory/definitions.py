"""Definitions of averaging complexity as documented objects.

Each definition is a frozen :class:`Definition` with a name, the notation
used by the claims, a statement in words and formulas and, where a formula
is the definition, a sympy expression in the symbols of
:mod:`theory.bounds`.

Main definitions
----------------
Function class, spectrum ``Pi(F)``, spectral degree sum ``D(F)``, averaging
scheme, size, averaging operator, Fourier transform, spectral defect
``beta``, worst-case defect ``Delta``, the exact, weak and strong notions
with their normalizations, the complexities ``AC_ex``, ``AC_wk``, ``AC_st``
and the scheme families signed, nonnegative and uniform.

Implementation notes
--------------------
``epsilon`` bounds squared L2 errors.  The strong notion is normalized by
``||f - Pf||^2``; the variant normalized by the mean ``E_h ||h.f - f||^2``
is recorded as :data:`STRONG_MEAN` because it changes the T2 constant from
32/3 to 16/3.  The group acts on functions by ``(h.f)(x) = f(h^-1 . x)``.

References
----------
* B. Tahmasebi and M. Weber, "Achieving Approximate Symmetry Is
  Exponentially Easier than Exact Symmetry", ICLR 2026, arXiv:2512.11855.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy

from theory.bounds import epsilon

__all__ = ["Definition", "DEFINITIONS", "get_definition", "beta", "Delta",
           "WEAK_CRITERION", "STRONG_CRITERION", "STRONG_MEAN"]

#: Spectral defect and worst-case defect as nonnegative symbols.
beta = sympy.Symbol("beta", nonnegative=True)
Delta = sympy.Symbol("Delta", nonnegative=True)


@dataclass(frozen=True)
class Definition:
    """One definition of the theory.

    Attributes
    ----------
    name : str
        Identifier used in code (``"spectral_defect"``).
    notation : str
        Notation used in the claims (``"beta_F(w)"``).
    statement : str
        The definition in words and formulas.
    expression : sympy.Basic or None
        A formula that is the definition or its Fourier criterion.
    """

    name: str
    notation: str
    statement: str
    expression: object = None


#: Weak epsilon-approximate invariance in Fourier terms (L2): beta^2 <= epsilon.
WEAK_CRITERION = sympy.Le(beta**2, epsilon)
#: Strong epsilon-approximate invariance in Fourier terms (L2): Delta^2 <= epsilon.
STRONG_CRITERION = sympy.Le(Delta**2, epsilon)
#: The variant normalized by E_h ||h.f - f||^2 = 2 ||f - Pf||^2: Delta^2 <= 2 epsilon.
STRONG_MEAN = sympy.Le(Delta**2, 2 * epsilon)

_DEFINITIONS = (
    Definition(
        "function_class", "(rho, F)",
        "A finite-dimensional unitary representation rho of the finite group G "
        "(order N) on a space F of functions, (rho(g) f)(x) = f(g^-1 . x). F^G is "
        "the subspace of invariant functions and P = (1/N) sum_g rho(g) the "
        "orthogonal projection onto it.",
    ),
    Definition(
        "spectrum", "Pi(F)",
        "The set of nontrivial irreducible unitary representations pi of G (up to "
        "equivalence) that occur in F. F is spectrally complete when Pi(F) contains "
        "every nontrivial irreducible representation.",
    ),
    Definition(
        "spectral_degree_sum", "D(F)",
        "D(F) = sum over pi in Pi(F) of d_pi, the degree of pi. Since "
        "sum_pi d_pi^2 = N, D(F) <= N - 1.",
    ),
    Definition(
        "averaging_scheme", "w",
        "A function w: G -> R with finite support and sum_g w(g) = 1, fixed in "
        "advance (independent of the input).",
    ),
    Definition(
        "size", "|supp w|",
        "The number of group elements with nonzero weight: the number of model "
        "queries per averaged prediction.",
    ),
    Definition(
        "averaging_operator", "A_w",
        "A_w = sum_g w(g) rho(g), that is (A_w f)(x) = sum_g w(g) f(g^-1 . x).",
    ),
    Definition(
        "fourier_transform", "w^(pi)",
        "w^(pi) = sum_g w(g) pi(g), a d_pi x d_pi matrix; w^(1) = 1. Inversion: "
        "w(g) = (1/N) sum_pi d_pi tr(pi(g)^* w^(pi)). Plancherel: sum_g |w(g)|^2 = "
        "(1/N) sum_pi d_pi ||w^(pi)||_HS^2.",
    ),
    Definition(
        "spectral_defect", "beta_F(w)",
        "beta_F(w) = max over pi in Pi(F) of the operator norm ||w^(pi)||, and 0 "
        "when Pi(F) is empty.",
        beta,
    ),
    Definition(
        "worst_case_defect", "Delta_F(w)",
        "Delta_F(w) = max over h in G of ||rho(h) A_w - A_w||. Since A_w P = P A_w = P, "
        "rho(h) A_w - A_w = (rho(h) - I)(A_w - P) vanishes on F^G.",
        Delta,
    ),
    Definition(
        "exact_invariance", "exact",
        "A_w f is invariant for every f in F; equivalently w^(pi) = 0 for every pi "
        "in Pi(F) (L1).",
        sympy.Eq(beta, 0),
    ),
    Definition(
        "weak_invariance", "weak epsilon",
        "For every f in F: E_h ||h.A_w f - A_w f||^2 <= epsilon * E_h ||h.f - f||^2, "
        "the mean taken over h in G. Equivalent to beta_F(w)^2 <= epsilon (L2).",
        WEAK_CRITERION,
    ),
    Definition(
        "strong_invariance", "strong epsilon",
        "For every f in F and every h in G: ||h.A_w f - A_w f||^2 <= epsilon * "
        "||f - Pf||^2. Equivalent to Delta_F(w)^2 <= epsilon (L2). The variant with "
        "E_h ||h.f - f||^2 = 2 ||f - Pf||^2 on the right is Delta^2 <= 2 epsilon.",
        STRONG_CRITERION,
    ),
    Definition(
        "exact_complexity", "AC_ex(F)",
        "The minimum size of a scheme that is exact on F.",
    ),
    Definition(
        "weak_complexity", "AC_wk(F, epsilon)",
        "The minimum size of a scheme that is weakly epsilon-approximately invariant on F.",
    ),
    Definition(
        "strong_complexity", "AC_st(F, epsilon)",
        "The minimum size of a scheme that is strongly epsilon-approximately invariant on F.",
    ),
    Definition(
        "signed_family", "AC^±",
        "Schemes with arbitrary real weights summing to 1.",
    ),
    Definition(
        "nonnegative_family", "AC^+",
        "Schemes with nonnegative weights summing to 1 (probability measures on G).",
    ),
    Definition(
        "uniform_family", "AC^u",
        "Empirical measures of a multiset of k elements, w(g) = m_g / k with m_g the "
        "multiplicity of g; the size is the number of distinct elements, at most k. "
        "The weights are rational.",
    ),
)

#: Definitions by name, in the order above.
DEFINITIONS = {definition.name: definition for definition in _DEFINITIONS}


def get_definition(name: str) -> Definition:
    """Return the definition called ``name``.

    Raises
    ------
    KeyError
        If no definition has that name; the message lists the known names.
    """
    try:
        return DEFINITIONS[name]
    except KeyError:
        raise KeyError(f"unknown definition {name!r}; known: {', '.join(DEFINITIONS)}") from None
