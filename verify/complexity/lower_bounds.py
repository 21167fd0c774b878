"""Lower ends of the averaging complexities: T3(a), T3(b), T3(c) and the one-element bound.

Main definitions
----------------
* :func:`minimum_generator_count` -- ``d(G)`` where it is known, else a
  lower bound on it with a flag.
* :func:`approximate_lower_bounds` -- every lower bound on ``AC_wk`` or
  ``AC_st`` that applies to a class, family and ``epsilon``, each with its
  claim and value.

Main results
------------
* T3(a) (Welch, spectrally complete ``F``): weak ``k >= N/(eps(N-1)+1)``,
  strong ``k >= 2N/(eps(N-1)+2)``.
* T3(b) (spectrally complete ``F``): weak ``eps < 1`` and strong ``eps < 2``
  need a support that generates ``G`` after translation, so ``k >= d(G) + 1``.
* T3(c) (cyclic ``G``, spectrally complete ``F``, nonnegative or uniform
  schemes, ``s < 1``): ``k >= ln N / ln(1 + 2 pi / arccos s)`` with
  ``s = sqrt(eps)`` weak and ``s = sqrt(eps/2)`` strong.
* One element ``g`` has ``w_hat(pi) = pi(g)`` unitary, so ``beta = 1`` and
  ``Delta >= sqrt(2)``: weak ``eps < 1`` and strong ``eps < 2`` need
  ``k >= 2`` whenever ``Pi(F)`` is not empty.

Implementation notes
--------------------
T3(a) is rounded up in exact rational arithmetic (``epsilon`` is read as
the decimal fraction of its ``repr``).  T3(c) is evaluated in float64 and
rounded up after subtracting ``1e-9``, so a value that lies within rounding
of an integer never yields a bound one too large.
"""

from __future__ import annotations

import math
from fractions import Fraction

__all__ = ["minimum_generator_count", "approximate_lower_bounds", "NOTIONS"]

NOTIONS = ("weak", "strong")


def _count_primes_dividing(moduli) -> int:
    """Return ``max over primes p of #{j : p divides n_j}``, the rank of the abelian group."""
    best = 0
    primes = set()
    for modulus in moduli:
        value = int(modulus)
        factor = 2
        while factor * factor <= value:
            while value % factor == 0:
                primes.add(factor)
                value //= factor
            factor += 1
        if value > 1:
            primes.add(value)
    for prime in primes:
        best = max(best, sum(1 for modulus in moduli if int(modulus) % prime == 0))
    return best


def minimum_generator_count(group) -> tuple[int, bool]:
    """Return ``(d, exact)``: the minimum number of generators of ``group``, or a lower bound.

    Known values: abelian groups ``max_p #{j : p | n_j}`` over the cyclic
    factors ``n_j``; dihedral groups of order ``2n >= 6`` and the Klein
    group: 2; the quaternion group: 2; ``S_n`` and ``A_n`` (``n >= 4``): 2.
    Otherwise a nonabelian group is not cyclic, so ``d >= 2``, and any
    nontrivial group has ``d >= 1``; ``exact`` is False then.

    Examples
    --------
    >>> from verify.groups import parse_group
    >>> minimum_generator_count(parse_group("abelian:2x4x6"))
    (3, True)
    """
    family = group.family
    if group.order == 1:
        return 0, True
    if family in ("cyclic", "abelian", "hypercube"):
        return _count_primes_dividing(group.moduli), True
    if family == "dihedral":
        return (1, True) if group.n == 1 else (2, True)
    if family == "quaternion":
        return 2, True
    if family == "symmetric":
        return (1, True) if group.degree <= 2 else (2, True)
    if family == "alternating":
        return (1, True) if group.order == 3 else (2, True)
    if group.is_enumerated and not group.is_abelian:
        return 2, False
    return 1, False


def _rational(value) -> Fraction:
    return Fraction(repr(float(value)))


def approximate_lower_bounds(function_class, notion: str, epsilon: float, family: str) -> list[dict]:
    """Return the lower bounds on the size of a ``notion`` scheme of ``family`` that apply.

    Parameters
    ----------
    function_class : FunctionClass
    notion : {"weak", "strong"}
    epsilon : float
        The squared-error tolerance, positive.
    family : {"signed", "nonnegative", "uniform"}

    Returns
    -------
    list of dict
        Each with ``claim``, ``value`` (an integer), ``unrounded`` and
        ``statement``; the first entry is the trivial bound 1.
    """
    group = function_class.group
    order = int(group.order)
    complete = function_class.spectrally_complete is True
    spectrum = function_class.spectrum
    # The regular class of the trivial group is spectrally complete with an empty spectrum, so
    # completeness alone does not make one element insufficient.
    nonempty = bool(spectrum) or (spectrum is None and function_class.spectrum_degree_sum > 0)
    threshold = 1.0 if notion == "weak" else 2.0
    bounds = [{"claim": "size", "value": 1, "unrounded": 1.0, "statement": "a scheme has at least one element"}]

    # One element: w_hat(pi) = pi(g) is unitary.
    if nonempty and epsilon < threshold:
        bounds.append({
            "claim": "T3(b) one element", "value": 2, "unrounded": 2.0,
            "statement": "one element gives beta = 1 and Delta >= sqrt(2), so weak eps < 1 and strong eps < 2 need 2 elements",
        })
    if not complete or order < 2:
        return bounds

    # T3(a): Welch bound through L3.
    eps = _rational(epsilon)
    welch = Fraction(order) / (eps * (order - 1) + 1) if notion == "weak" else Fraction(2 * order) / (eps * (order - 1) + 2)
    bounds.append({
        "claim": "T3(a)", "value": math.ceil(welch), "unrounded": float(welch),
        "statement": ("weak k >= N/(eps(N-1)+1)" if notion == "weak" else "strong k >= 2N/(eps(N-1)+2)")
        + " for a spectrally complete class (Welch)",
    })

    # T3(b): a support must generate G after translation.
    generators, exact = minimum_generator_count(group)
    if epsilon < threshold and generators >= 1:
        bounds.append({
            "claim": "T3(b) generators", "value": generators + 1, "unrounded": float(generators + 1),
            "statement": f"the support generates G after translation: k >= d(G) + 1 with d(G) "
            f"{'=' if exact else '>='} {generators}",
        })

    # T3(c): pigeonhole on the torus, cyclic groups, nonnegative weights.
    if group.family == "cyclic" and family in ("nonnegative", "uniform") and order >= 2:
        level = math.sqrt(epsilon) if notion == "weak" else math.sqrt(epsilon / 2)
        if level < 1:
            value = math.log(order) / math.log(1 + 2 * math.pi / math.acos(level))
            bounds.append({
                "claim": "T3(c)", "value": max(1, math.ceil(value - 1e-9)), "unrounded": value,
                "statement": "cyclic group, nonnegative weights: k >= ln N / ln(1 + 2 pi / arccos s)",
            })
    return bounds
