"""Bounds of the claims T1-T7 as sympy expressions in named symbols.

Every numeric bound that a claim states is written here once, as an exact
sympy expression, together with what it bounds, how a real value becomes an
integer and the normalization it depends on.  The ``bound`` subcommand, the
symbolic proof obligations and the tests all read the expressions from this
module, so a changed constant shows up everywhere at once.

Main definitions
----------------
* symbols :data:`N`, :data:`k`, :data:`D`, :data:`epsilon`, :data:`eta`,
  :data:`delta`, :data:`s`, :data:`K`, :data:`L`, :data:`R`, :data:`H`,
  :data:`d`;
* constants :data:`BERNSTEIN_EXPONENT` (3/8) and :data:`SAMPLE_CONSTANTS`
  (8/3 weak, 32/3 strong, 16/3 for the strong notion normalized by the mean
  ``E_h ||h.f - f||^2``);
* :class:`Bound`, :class:`BoundValue`.

Main results
------------
* :func:`get_bound`, :func:`notions_of`, :func:`claims_with_bounds`,
  :func:`evaluate_bound`.

Implementation notes
--------------------
The tolerance ``epsilon`` bounds *squared* errors (mean-squared
parametrization).  The root-mean-square parametrization uses
``eta = sqrt(epsilon)``; :func:`evaluate_bound` accepts either and
substitutes ``epsilon = eta**2``, and :attr:`Bound.expression_in_eta` gives
the same bound in ``eta``.  A sample size or a lower bound on a size is the
smallest integer satisfying a non-strict inequality (``ceil``).  An
existence bound that comes from the strict inequality
``2 D exp(-3 k s^2 / 8) < 1`` is ``floor(x) + 1``.  Constants are
module attributes read at call time, so a test can replace one and watch the
symbolic checks fail.

References
----------
* J. A. Tropp, "User-friendly tail bounds for sums of random matrices",
  Found. Comput. Math. 12 (2012), Theorem 1.6 (rectangular matrix Bernstein).
* R. Meshulam, "An uncertainty inequality for groups of order pq",
  Europ. J. Combin. 13 (1992).
* T. Tao, "An uncertainty principle for cyclic groups of prime order",
  Math. Res. Lett. 12 (2005).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Callable

import sympy
from sympy import Rational, floor, ceiling, log, acos, pi, sqrt

__all__ = [
    "N", "k", "D", "epsilon", "eta", "delta", "s", "K", "L", "R", "H", "d", "J",
    "BERNSTEIN_EXPONENT",
    "SAMPLE_CONSTANTS",
    "NORMALIZATIONS",
    "ROUNDINGS",
    "Bound",
    "BoundValue",
    "sample_size_expression",
    "existence_expression",
    "welch_size_expression",
    "get_bound",
    "notions_of",
    "claims_with_bounds",
    "evaluate_bound",
]

# Symbols.  Sizes and counts are positive integers, tolerances positive reals.
N = sympy.Symbol("N", positive=True, integer=True)  # group order
k = sympy.Symbol("k", positive=True, integer=True)  # scheme size or number of draws
D = sympy.Symbol("D", positive=True, integer=True)  # D(F), sum of degrees over the spectrum
epsilon = sympy.Symbol("epsilon", positive=True)  # squared-error tolerance
eta = sympy.Symbol("eta", positive=True)  # root-mean-square tolerance, eta**2 = epsilon
delta = sympy.Symbol("delta", positive=True)  # failure probability
s = sympy.Symbol("s", positive=True)  # threshold on the spectral defect beta
K = sympy.Symbol("K", positive=True, integer=True)  # frequency band (cyclic groups, circle)
L = sympy.Symbol("L", positive=True, integer=True)  # band limit on SO(3)
R = sympy.Symbol("R", positive=True, integer=True)  # a sum of d_pi**2 or of d_pi * rank
H = sympy.Symbol("H", positive=True, integer=True)  # order of a subgroup
d = sympy.Symbol("d", positive=True, integer=True)  # minimum number of generators
J = sympy.Symbol("J", nonnegative=True, integer=True)  # floor(L / 2)

_SYMBOLS = {symbol.name: symbol for symbol in (N, k, D, epsilon, eta, delta, s, K, L, R, H, d, J)}

#: Exponent constant c of the Bernstein step ``2 D exp(-c k s^2)`` for 0 < s <= 1.
BERNSTEIN_EXPONENT = Rational(3, 8)

#: Constant c of the sample size ``k >= (c / epsilon) ln(2 D / delta)`` by notion.
SAMPLE_CONSTANTS = {
    "weak": Rational(8, 3),
    "strong": Rational(32, 3),
    "strong-mean": Rational(16, 3),
}

#: Threshold s on beta that each notion needs, as a function of epsilon.
THRESHOLDS = {
    "weak": sqrt(epsilon),
    "strong": sqrt(epsilon) / 2,
    "strong-mean": sqrt(epsilon / 2),
}

#: Normalization of each notion, quoted in every bound output.
NORMALIZATIONS = {
    "exact": "exact: A_w f is invariant for every f in F",
    "weak": (
        "weak: E_h ||h.A_w f - A_w f||^2 <= epsilon * E_h ||h.f - f||^2 for every f "
        "(equivalently beta^2 <= epsilon)"
    ),
    "strong": (
        "strong: ||h.A_w f - A_w f||^2 <= epsilon * ||f - Pf||^2 for every f and h "
        "(equivalently Delta^2 <= epsilon)"
    ),
    "strong-mean": (
        "strong, mean-normalized variant: ||h.A_w f - A_w f||^2 <= epsilon * "
        "E_h ||h.f - f||^2 for every f and h (equivalently Delta^2 <= 2 epsilon)"
    ),
}

EPSILON_CONVENTION = (
    "epsilon bounds squared L2 errors (mean-squared tolerance); "
    "eta = sqrt(epsilon) is the root-mean-square tolerance"
)

#: Meaning of each rounding rule.
ROUNDINGS = {
    "ceil": "smallest integer satisfying the inequality: ceil(x)",
    "floor+1": "existence from a strict inequality: floor(x) + 1",
    "exact": "integer-valued expression, no rounding",
    "none": "real-valued quantity, no rounding",
}


@dataclass(frozen=True)
class Bound:
    """A bound stated by a claim.

    Attributes
    ----------
    claim : str
        Claim identifier (``"T2"``).
    notion : str
        ``"exact"``, ``"weak"``, ``"strong"`` or ``"strong-mean"``.
    quantity : str
        What the expression bounds, in words.
    build : callable
        Zero-argument function returning the sympy expression; it reads the
        module constants at call time.
    parameters : tuple of str
        Names of the symbols the user must supply (``epsilon`` stands for
        ``epsilon`` or ``eta``).
    rounding : str
        A key of :data:`ROUNDINGS`.
    note : str
        Hypotheses on the parameters and caveats.
    """

    claim: str
    notion: str
    quantity: str
    build: Callable[[], sympy.Expr]
    parameters: tuple
    rounding: str
    note: str = ""

    @property
    def expression(self) -> sympy.Expr:
        """The sympy expression with the current constants."""
        return self.build()

    @property
    def expression_in_eta(self) -> sympy.Expr:
        """The expression with ``epsilon = eta**2`` (root-mean-square tolerance)."""
        return self.build().subs(epsilon, eta**2)

    @property
    def convention(self) -> str:
        """Normalization, tolerance parametrization and rounding, in words."""
        parts = [NORMALIZATIONS[self.notion]]
        if "epsilon" in self.parameters:
            parts.append(EPSILON_CONVENTION)
        parts.append("rounding: " + ROUNDINGS[self.rounding])
        if self.note:
            parts.append(self.note)
        return "; ".join(parts)

    @property
    def accepted_parameters(self) -> tuple:
        """Parameter names accepted on input (adds ``eta`` and ``N`` where they apply)."""
        names = list(self.parameters)
        if "epsilon" in names:
            names.append("eta")
        if "D" in names and "N" not in names:
            names.append("N")
        return tuple(names)


@dataclass(frozen=True)
class BoundValue:
    """A bound evaluated at given parameters."""

    bound: Bound
    parameters: dict
    expression: sympy.Expr
    exact: sympy.Expr
    unrounded: float
    value: object


# Expressions ---------------------------------------------------------------


def sample_size_expression(notion: str, degree_sum: sympy.Expr = D) -> sympy.Expr:
    """Return ``(c / epsilon) ln(2 D / delta)``, the T2 sample size for ``notion``.

    Parameters
    ----------
    notion : {"weak", "strong", "strong-mean"}
        Selects the constant of :data:`SAMPLE_CONSTANTS`.
    degree_sum : sympy expression, optional
        The value of ``D(F)``; ``2*K`` on the circle, ``L**2 + 2*L`` on SO(3).
    """
    return SAMPLE_CONSTANTS[notion] / epsilon * log(2 * degree_sum / delta)


def existence_expression(notion: str, degree_sum: sympy.Expr = D) -> sympy.Expr:
    """Return ``(c / epsilon) ln(2 D)``: some ``k`` above it has ``2 D exp(-3ks^2/8) < 1``."""
    return SAMPLE_CONSTANTS[notion] / epsilon * log(2 * degree_sum)


def welch_size_expression(notion: str) -> sympy.Expr:
    """Return the T3(a) lower bound on the size: ``N/(eps(N-1)+1)`` or ``2N/(eps(N-1)+2)``."""
    if notion == "weak":
        return N / (epsilon * (N - 1) + 1)
    return 2 * N / (epsilon * (N - 1) + 2)


def _pigeonhole_expression(notion: str) -> sympy.Expr:
    threshold = sqrt(epsilon) if notion == "weak" else sqrt(epsilon / 2)
    return log(N) / log(1 + 2 * pi / acos(threshold))


def _so3_exact_expression() -> sympy.Expr:
    half = floor(L / 2)
    return (half + 1) * (2 * half + 1) * (2 * half + 3) / 3


_EPS_WEAK = "hypothesis: 0 < epsilon <= 1 (threshold s = sqrt(epsilon) <= 1)"
_EPS_STRONG = "hypothesis: 0 < epsilon <= 4 (threshold s = sqrt(epsilon)/2 <= 1)"
_EPS_STRONG_MEAN = "hypothesis: 0 < epsilon <= 2 (threshold s = sqrt(epsilon/2) <= 1)"
_EPS_NOTES = {"weak": _EPS_WEAK, "strong": _EPS_STRONG, "strong-mean": _EPS_STRONG_MEAN}
_EPS_LIMITS = {"weak": Rational(1), "strong": Rational(4), "strong-mean": Rational(2)}


def _sample_bound(claim: str, notion: str, degree_sum, parameters, where: str) -> Bound:
    return Bound(
        claim=claim,
        notion=notion,
        quantity=f"number k of uniform draws that gives the {notion} notion with probability "
        f"at least 1 - delta{where}",
        build=lambda: sample_size_expression(notion, degree_sum),
        parameters=parameters,
        rounding="ceil",
        note=_EPS_NOTES[notion] + "; 0 < delta < 1",
    )


def _build_table() -> dict:
    table = {}

    def add(bound: Bound) -> None:
        table[(bound.claim, bound.notion)] = bound

    add(Bound("L3", "weak", "lower bound on beta^2 of any signed scheme of size k "
              "on a spectrally complete class", lambda: (N - k) / (k * (N - 1)),
              ("N", "k"), "none", "hypothesis: 1 <= k <= N, N >= 2"))
    add(Bound("L4", "exact", "lower bound on |supp f| given R = sum_pi d_pi rank f^(pi)",
              lambda: N / R, ("N", "R"), "ceil"))
    add(Bound("T1", "exact", "lower bound on AC_ex(F) given R = sum of d_pi^2 over pi "
              "not in Pi(F), the trivial one included", lambda: N / R, ("N", "R"), "ceil",
              "for a spectrally complete class R = 1 and AC_ex = N (T1(b))"))
    for notion in ("weak", "strong", "strong-mean"):
        add(_sample_bound("T2", notion, D, ("D", "epsilon", "delta"), ""))
        add(_sample_bound("T5", notion, 2 * K, ("K", "epsilon", "delta"),
                          " on the circle group, F_K with D = 2K"))
        add(_sample_bound("T6", notion, L**2 + 2 * L, ("L", "epsilon", "delta"),
                          " on SO(3), band limit L with D = L^2 + 2L"))
        add(Bound("T4", notion, f"upper bound on AC^u of the {notion} notion for a "
                  "spectrally complete class (D <= N - 1 < N)",
                  (lambda notion=notion: existence_expression(notion, N)),
                  ("N", "epsilon"), "floor+1", _EPS_NOTES[notion]))
    for notion in ("weak", "strong"):
        add(Bound("T3", notion, f"lower bound (Welch) on the size of a {notion} scheme "
                  "on a spectrally complete class",
                  (lambda notion=notion: welch_size_expression(notion)),
                  ("N", "epsilon"), "ceil", "hypothesis: N >= 2"))
        add(Bound("T3c", notion, f"lower bound on AC^+ of the {notion} notion on Z_N, "
                  "regular class, nonnegative schemes (pigeonhole on the torus)",
                  (lambda notion=notion: _pigeonhole_expression(notion)),
                  ("N", "epsilon"), "ceil",
                  "hypothesis: weak 0 < epsilon < 1, strong 0 < epsilon < 2 (s < 1)"))
    add(Bound("T3b", "weak", "lower bound on the size of a weak (epsilon < 1) or strong "
              "(epsilon < 2) scheme given the minimum number d of generators of G",
              lambda: d + 1, ("d",), "exact"))
    add(Bound("T5", "exact", "AC_ex of F_K on the circle group, signed or nonnegative",
              lambda: K + 1, ("K",), "exact"))
    add(Bound("T6", "exact", "lower bound on the size of an exact scheme for band limit L "
              "on SO(3), M = (J+1)(2J+1)(2J+3)/3 with J = floor(L/2)",
              _so3_exact_expression, ("L",), "exact"))
    add(Bound("T7", "exact", "upper bound on K*, the least degree k with F_k spectrally "
              "complete, for a faithful representation", lambda: N - 1, ("N",), "exact"))
    add(Bound("T1d", "exact", "AC^±_ex on Z_p, p prime, frequencies ±1..±K",
              lambda: 2 * K + 1, ("K",), "exact", "hypothesis: 2K + 1 <= p"))
    return table


_TABLE = _build_table()

#: Claim identifiers the ``bound`` subcommand accepts, with the claim each belongs to.
_ALIASES = {"T1(d)": "T1d", "T3(a)": "T3", "T3(b)": "T3b", "T3(c)": "T3c"}


def _canonical(claim: str) -> str:
    return _ALIASES.get(claim, claim)


def claims_with_bounds() -> list[str]:
    """Return the claim identifiers that have a bound, sorted (``T1`` before ``T1d``)."""
    return sorted({claim for claim, _ in _TABLE})


def notions_of(claim: str) -> list[str]:
    """Return the notions for which ``claim`` states a bound.

    Raises
    ------
    ValueError
        If ``claim`` has no bound; the message lists the claims that have one.
    """
    claim = _canonical(claim)
    notions = [notion for (name, notion) in _TABLE if name == claim]
    if not notions:
        raise ValueError(
            f"claim {claim!r} states no numeric bound; claims with bounds: "
            + ", ".join(claims_with_bounds())
        )
    return notions


def get_bound(claim: str, notion: str | None = None) -> Bound:
    """Return the bound of ``claim`` for ``notion``.

    Parameters
    ----------
    claim : str
        A claim identifier such as ``"T2"``; ``"T3"`` is T3(a), ``"T3b"`` and
        ``"T3c"`` are T3(b) and T3(c), ``"T1"`` is T1(a) and ``"T1d"`` T1(d).
    notion : str, optional
        Defaults to the first notion of the claim (``weak`` where there is one).

    Raises
    ------
    ValueError
        If the claim has no bound or no bound for ``notion``.

    Examples
    --------
    >>> get_bound("T2", "strong").expression
    32*log(2*D/delta)/(3*epsilon)
    """
    notions = notions_of(claim)
    if notion is None:
        notion = notions[0]
    if notion not in notions:
        raise ValueError(
            f"claim {claim!r} has no bound for notion {notion!r}; allowed notions: "
            + ", ".join(notions)
        )
    return _TABLE[(_canonical(claim), notion)]


def _to_rational(name: str, value) -> sympy.Rational:
    try:
        return sympy.Rational(Fraction(str(value)))
    except (ValueError, ZeroDivisionError):
        raise ValueError(f"parameter {name} must be a number, received {value!r}") from None


_INTEGER_PARAMETERS = {"N", "k", "D", "K", "L", "R", "H", "d"}


def _validate(bound: Bound, values: dict) -> None:
    for name, value in values.items():
        if name in _INTEGER_PARAMETERS:
            if value.q != 1 or value < 1:
                raise ValueError(f"parameter {name} must be a positive integer, received {value}")
    if "N" in values and values["N"] < 2 and bound.claim in ("L3", "T3", "T3c"):
        raise ValueError(f"parameter N must be at least 2, received {values['N']}")
    if "k" in values and "N" in values and values["k"] > values["N"]:
        raise ValueError(f"parameter k must be at most N = {values['N']}, received {values['k']}")
    if "R" in values and "N" in values and values["R"] > values["N"]:
        # L4: sum_pi d_pi rank f^(pi) <= sum_pi d_pi^2 = N.  T1: a sum of d_pi^2 over some irreducibles is <= N.
        raise ValueError(
            f"parameter R is a sum of d_pi * rank or of d_pi^2 over irreducibles, so R <= sum d_pi^2 = N = "
            f"{values['N']}; received {values['R']}"
        )
    if "D" in values and "N" in values and values["D"] > values["N"] - 1:
        raise ValueError(
            f"parameter D = D(F) is at most N - 1 = {values['N'] - 1}, received {values['D']}"
        )
    if "delta" in values and not 0 < values["delta"] < 1:
        raise ValueError(f"parameter delta must satisfy 0 < delta < 1, received {values['delta']}")
    if "epsilon" in values:
        value = values["epsilon"]
        if bound.claim == "T3c":
            limit, strict = (Rational(1) if bound.notion == "weak" else Rational(2)), True
        elif bound.claim == "T3":
            limit, strict = None, False
        else:
            limit, strict = _EPS_LIMITS[bound.notion], False
        if value <= 0:
            raise ValueError(f"parameter epsilon must be positive, received {value}")
        if limit is not None and (value > limit or (strict and value == limit)):
            relation = "<" if strict else "<="
            raise ValueError(
                f"parameter epsilon must satisfy epsilon {relation} {limit} for the "
                f"{bound.notion} notion of {bound.claim}, received {value}"
            )


#: Digits beyond the integer part with which an irrational value is evaluated before rounding.
_GUARD_DIGITS = 30


def _floor_and_is_integer(exact: sympy.Expr) -> tuple[int, bool]:
    """Return ``(floor(exact), exact is an integer)`` for a positive real value.

    sympy's ``ceiling`` and ``floor`` evaluate at a fixed precision and fall
    back to symbolic simplification when that precision cannot separate the
    value from an integer, which never returns for values above about
    ``10^100``.  Here the value is evaluated with as many digits as its
    integer part has plus :data:`_GUARD_DIGITS`.  Only a value within
    ``10^-20`` of an integer goes to sympy's exact decision.
    """
    if exact.is_Rational:
        return int(floor(exact)), bool(exact.is_Integer)
    estimate = sympy.N(exact, _GUARD_DIGITS)
    digits = len(str(abs(int(estimate)))) + _GUARD_DIGITS
    value = sympy.N(exact, digits)
    lower = int(floor(value))
    fraction = value - lower
    if _NEAR_INTEGER < fraction < 1 - _NEAR_INTEGER:
        return lower, False
    # NOTE: sympy decides this case symbolically, which may be slow for values above about 10^100.
    return int(floor(exact)), bool(sympy.Eq(exact, floor(exact)) is sympy.true)


_NEAR_INTEGER = sympy.Float("1e-20")


def _round(bound: Bound, exact: sympy.Expr):
    if bound.rounding == "ceil":
        lower, is_integer = _floor_and_is_integer(exact)
        return lower if is_integer else lower + 1
    if bound.rounding == "floor+1":
        return _floor_and_is_integer(exact)[0] + 1
    if bound.rounding == "exact":
        return int(exact)
    return float(exact)


def evaluate_bound(claim: str, notion: str | None, values: dict) -> BoundValue:
    """Evaluate a claim's bound exactly and round it by the claim's rule.

    Parameters
    ----------
    claim, notion : str
        As in :func:`get_bound`.
    values : dict of str to number or str
        Parameter values.  Decimal strings are read exactly (``"0.1"`` is
        1/10).  ``eta`` may replace ``epsilon`` (``epsilon = eta**2``), and
        ``D`` defaults to ``N - 1`` when only ``N`` is given.

    Returns
    -------
    BoundValue

    Raises
    ------
    ValueError
        If a parameter is not used by the bound (the message names it and the
        allowed ones), is missing, or is outside the bound's hypotheses.

    Examples
    --------
    >>> evaluate_bound("T2", "weak", {"D": 9495, "epsilon": "0.1", "delta": "0.01"}).value
    386
    """
    bound = get_bound(claim, notion)
    allowed = bound.accepted_parameters
    unknown = sorted(name for name in values if name not in allowed)
    if unknown:
        raise ValueError(
            f"bound {bound.claim} ({bound.notion}) does not use parameter(s) "
            f"{', '.join(unknown)}; allowed parameters: {', '.join(allowed)}"
        )
    given = {name: _to_rational(name, value) for name, value in values.items()}
    if "eta" in given:
        if "epsilon" in given:
            raise ValueError("give either epsilon or eta = sqrt(epsilon), not both")
        if given["eta"] <= 0:
            raise ValueError(f"parameter eta must be positive, received {given['eta']}")
        given["epsilon"] = given["eta"] ** 2
    if "D" in bound.parameters and "D" not in given and "N" in given:
        given["D"] = given["N"] - 1
    missing = [name for name in bound.parameters if name not in given]
    if missing:
        needed = ["D or N (D defaults to N - 1)" if name == "D" and "N" in allowed else name for name in missing]
        raise ValueError(
            f"bound {bound.claim} ({bound.notion}) needs parameter(s) {', '.join(needed)}; "
            f"allowed parameters: {', '.join(allowed)}"
        )
    _validate(bound, given)

    expression = bound.expression
    substitution = {_SYMBOLS[name]: given[name] for name in bound.parameters}
    # With eta given, the expression is shown in eta; its value is the same.
    if "eta" in given:
        expression = bound.expression_in_eta
        substitution = {_SYMBOLS[name]: given[name] for name in bound.accepted_parameters
                        if name in given and name != "epsilon"}
    exact = expression.subs(substitution)
    unrounded = float(sympy.N(exact, 30))
    if not math.isfinite(unrounded):
        raise ValueError(
            f"bound {bound.claim} ({bound.notion}) at these parameters is about {sympy.N(exact, 3)}, above the "
            f"largest float64 (about 1.8e308); choose a larger epsilon or smaller parameters"
        )
    return BoundValue(
        bound=bound,
        parameters={name: given[name] for name in given},
        expression=expression,
        exact=exact,
        unrounded=unrounded,
        value=_round(bound, exact),
    )

