"""Exact averaging complexity ``AC_ex(F)`` of small groups, with certificates.

``AC_ex(F)`` is the minimum size ``|supp w|`` of a scheme with
``w_hat(pi) = 0`` for every ``pi`` in ``Pi(F)`` and ``sum w = 1``.  The
search below proves it: it lists candidate supports by increasing size,
decides each one in exact or certified arithmetic and stops at the first
feasible support, so every smaller support carries a proof of infeasibility.

Main definitions
----------------
* :class:`ExactComplexity` -- the value, its lower and upper ends, the
  certificate and the scheme attaining the upper end.
* :func:`minimum_exact_size` -- the search, for the ``signed``,
  ``nonnegative`` and ``uniform`` families.
* :data:`MAX_EXACT_ORDER`, :data:`DEFAULT_MAX_SUPPORTS` -- the search limits.

Main results
------------
* T1(a): ``AC_ex(F) >= N / sum over pi not in Pi(F) of d_pi^2`` (the trivial
  representation included), the first size searched.
* T1(b): a spectrally complete class has ``AC_ex = N``, attained only by
  ``w = 1/N``; no search is needed.

Implementation notes
--------------------
Translation invariance.  If ``w`` is exact, so is ``x -> w(x g^-1)``,
because its transform is ``w_hat(pi) pi(g)``.  Every support can therefore be
translated to contain the identity, and only such supports are searched
(``C(N-1, k-1)`` of size ``k``).

Deciding one support ``S`` (see :mod:`verify.complexity.kernel` for
``K_S``): exact schemes on ``S`` are the ``w`` with ``K_S w = 0`` and
``sum w = 1``.

1. If the smallest float eigenvalue of ``K_S`` exceeds the certified error
   bound of :meth:`ExactnessKernel.matrix_error` (Weyl's inequality), ``K_S``
   is nonsingular and ``S`` is infeasible for every family.
2. Otherwise sympy computes, in exact arithmetic over ``Q`` or
   ``Q(zeta_e)``, the rank of ``K_S`` and of ``K_S`` with the row of ones
   appended.  Equal ranks mean the row of ones lies in the row space, so
   ``sum w = 0`` on the kernel: infeasible for every family.
3. Signed: otherwise feasible; the weights are the normalized projection of
   the ones vector onto the exact null space.
4. Nonnegative and uniform: a linear program (HiGHS) maximizes the smallest
   weight ``t`` over the exact null space with ``sum w = 1``.  A unique
   solution (null space of dimension 1) is decided by the signs of its exact
   entries, evaluated to 30 significant digits.  Otherwise ``t > 1e-9``
   gives a feasible scheme, and infeasibility is certified by a Farkas
   vector ``v`` with ``K_S v >= t > 0`` entrywise, checked in float64 with a
   rigorous bound on the rounding error.  A support that neither test
   settles is counted as undecided and keeps the lower end from passing its
   size.
5. Uniform weights are rational, and rational weights are exact on
   ``Pi(F)`` iff they are exact on its Galois closure, where ``kappa`` is an
   integer.  The uniform family is therefore the nonnegative search on the
   Galois closure.  A positive rational point of the exact rational null
   space gives the multiset: its counts ``m_g`` and draws ``K = sum m_g``.

Every scheme returned is also checked with
:func:`verify.defects.compute_defects`: its defect must be below
``1e-10 max(1, ||w||_1)``.

Limits: the search runs for groups of order at most
:data:`MAX_EXACT_ORDER` and stops after ``max_supports`` supports, returning
the interval proved so far (``value`` None).  Spectrally complete classes
are settled by T1(b) at any order.

References
----------
* R. Meshulam, "An uncertainty inequality for groups of order pq",
  Europ. J. Combin. 13 (1992) (the inequality behind T1(a)).
* T. Tao, "An uncertainty principle for cyclic groups of prime order",
  Math. Res. Lett. 12 (2005) (``AC^±_ex = 2K + 1`` on ``Z_p``, T1(d)).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import combinations

import numpy as np

from verify.complexity.kernel import UNIT_ROUNDOFF, ExactnessKernel, conjugation_closure, galois_closure
from verify.errors import UsageError

__all__ = [
    "ExactComplexity",
    "minimum_exact_size",
    "FAMILIES",
    "MAX_EXACT_ORDER",
    "DEFAULT_MAX_SUPPORTS",
    "LP_MARGIN",
]

FAMILIES = ("signed", "nonnegative", "uniform")

#: Largest group order searched support by support.
MAX_EXACT_ORDER = 32

#: Default number of supports examined before the search gives up and reports an interval.
DEFAULT_MAX_SUPPORTS = 200_000

#: Smallest weight, in float64, that the linear program must reach to call a support feasible.
LP_MARGIN = 1e-9

#: Entries of a unique exact solution, evaluated to 30 digits, whose sign counts as certain beyond this size.
SIGN_RESOLUTION = 1e-25


@dataclass(frozen=True, eq=False)
class ExactComplexity:
    """The exact averaging complexity of one class for one scheme family.

    Attributes
    ----------
    function_class : FunctionClass
    family : str
        ``"signed"``, ``"nonnegative"`` or ``"uniform"``.
    lower, upper : int
        Proved lower end and the size of :attr:`scheme`.
    value : int or None
        ``lower`` when ``lower == upper``, else None.
    certificate : dict
        ``upper``: elements (group notation), weights and how they were
        verified; ``lower``: the theorem or the counts of supports proved
        infeasible, by method and size.
    scheme : AveragingScheme or None
        An exact scheme of size ``upper``; None when the group is too large
        to enumerate.
    """

    function_class: object
    family: str
    lower: int
    upper: int
    certificate: dict = field(default_factory=dict)
    scheme: object = None

    @property
    def value(self) -> int | None:
        """``AC_ex`` when the interval is a single point, else None."""
        return self.lower if self.lower == self.upper else None


def _validate(function_class, family: str) -> None:
    if family not in FAMILIES:
        raise UsageError(f"family {family!r} is invalid; expected one of {', '.join(FAMILIES)}")
    if function_class.spectrum is None and function_class.spectrally_complete is not True:
        raise UsageError(
            f"class {function_class.spec!r} on {function_class.group.spec!r} has no known spectrum "
            f"(no irreducible backend), so exact complexity cannot be decided"
        )


def _scheme_certificate(scheme, method: str, extra: dict | None = None) -> dict:
    result = {
        "elements": scheme.element_texts(),
        "weights": [float(weight) for weight in scheme.weights],
        "size": scheme.size,
        "method": method,
    }
    if extra:
        result.update(extra)
    return result


def _verified(function_class, scheme):
    """Return the defect report of ``scheme``; raise if it is not exact within tolerance."""
    from verify.defects import compute_defects

    report = compute_defects(function_class, scheme)
    if not report.exactly_invariant:
        raise RuntimeError(
            f"the exact scheme found on {function_class.group.spec!r} has defect "
            f"{report.delta if report.delta is not None else report.beta}, above the tolerance {report.tolerance}"
        )
    return report


def _trivial_answer(function_class, family: str, reason: str, size: int, scheme, lower_method: str) -> ExactComplexity:
    certificate = {
        "upper": _scheme_certificate(scheme, reason) if scheme is not None else {"method": reason, "size": size},
        "lower": {"method": lower_method},
    }
    return ExactComplexity(function_class, family, size, size, certificate, scheme)


def minimum_exact_size(function_class, family: str = "signed", progress=None,
                       max_supports: int = DEFAULT_MAX_SUPPORTS) -> ExactComplexity:
    """Return ``AC_ex(F)`` for a scheme family, with a certificate.

    Parameters
    ----------
    function_class : FunctionClass
    family : {"signed", "nonnegative", "uniform"}, optional
    progress : callable, optional
        Called with a one-line message as the search advances.
    max_supports : int, optional
        Number of supports to examine before stopping with an interval.

    Returns
    -------
    ExactComplexity

    Raises
    ------
    UsageError
        If the family is unknown, the class has no known spectrum, or the
        group order exceeds :data:`MAX_EXACT_ORDER` and no theorem settles
        the value.

    Notes
    -----
    The cost is dominated by the number of supports, ``sum_k C(N-1, k-1)``
    up to the returned size, each needing one symmetric eigenvalue problem of size
    ``k`` and, for singular ``K_S``, an exact rank computation.

    Examples
    --------
    >>> from verify.groups import parse_group
    >>> from verify.classes import parse_class
    >>> result = minimum_exact_size(parse_class("band:2", parse_group("cyclic:7")))
    >>> result.value
    5
    """
    from verify.schemes import make_scheme, uniform_scheme

    _validate(function_class, family)
    group = function_class.group
    order = int(group.order)
    full_scheme = uniform_scheme(group) if group.is_enumerated else None

    # Degenerate case: an empty spectrum is satisfied by any single element.
    if function_class.spectrum is not None and not function_class.spectrum:
        scheme = make_scheme(group, [group.identity], [1.0], origin="the identity")
        return _trivial_answer(function_class, family, "the identity alone (Pi(F) is empty)", 1, scheme,
                               "a scheme has at least one element")

    # T1(b): a spectrally complete class needs the whole group.
    if function_class.spectrally_complete is True:
        return _trivial_answer(function_class, family, "w = 1/N on the whole group", order, full_scheme,
                               "T1(b): Pi(F) is every nontrivial irreducible, so w = 1/N is the only exact scheme")
    if order > MAX_EXACT_ORDER:
        raise UsageError(
            f"exact complexity of {function_class.spec!r} on {group.spec!r} needs a search over supports, "
            f"which runs for groups of order at most {MAX_EXACT_ORDER} (got {order})"
        )

    closure_name = "Galois closure" if family == "uniform" else "conjugation closure"
    spectrum = galois_closure(function_class) if family == "uniform" else conjugation_closure(function_class)
    backend = function_class.backend
    if len(spectrum) == len(backend.irreps) - 1:
        reason = (f"T1(b) applied to the {closure_name} of Pi(F), which is every nontrivial irreducible: "
                  + ("rational weights" if family == "uniform" else "real weights")
                  + " exact on F are exact on the regular class, so w = 1/N is the only exact scheme")
        return _trivial_answer(function_class, family, "w = 1/N on the whole group", order, full_scheme, reason)

    search = _SupportSearch(function_class, family, spectrum, closure_name, progress, max_supports)
    return search.run(full_scheme)


class _SupportSearch:
    """Search the supports containing the identity by increasing size."""

    def __init__(self, function_class, family, spectrum, closure_name, progress, max_supports):
        self.function_class = function_class
        self.family = family
        self.group = function_class.group
        self.kernel = ExactnessKernel(self.group, spectrum)
        self.closure_name = closure_name
        self.progress = progress
        self.max_supports = int(max_supports)
        self.proved = {}
        self.methods = {"nonsingular K_S (float64, Weyl bound)": 0, "exact rank (sympy)": 0,
                        "Farkas vector (float64, error bound)": 0, "unique exact solution has a nonpositive entry": 0}
        self.undecided = {}
        self.examined = 0
        degrees = self.function_class.backend.degrees
        outside = int(sum(int(d) ** 2 for d in degrees)) - self.kernel.degree_square_sum
        self.welch_lower = math.ceil(self.group.order / outside)

    # -- driver -------------------------------------------------------------------

    def run(self, full_scheme) -> ExactComplexity:
        order = int(self.group.order)
        others = [element for element in range(order) if element != self.group.identity]
        for size in range(self.welch_lower, order):
            count = math.comb(order - 1, size - 1)
            self._report(f"size {size}: {count} supports containing the identity")
            for rest in combinations(others, size - 1):
                if self.examined >= self.max_supports:
                    return self._interval(size, full_scheme)
                self.examined += 1
                support = (self.group.identity, *rest)
                found = self._decide(support)
                if found is not None:
                    scheme, method = found
                    return self._answer(size, scheme, method)
            if self.undecided.get(size):
                return self._interval(size, full_scheme)
        scheme = full_scheme
        return self._answer(order, scheme, "w = 1/N on the whole group (Schur orthogonality kills every nontrivial pi)")

    def _report(self, message: str) -> None:
        if self.progress is not None:
            self.progress(f"{self.function_class.group.spec} {self.function_class.spec} {self.family}: {message}")

    def _count(self, size: int, method: str) -> None:
        self.proved[size] = self.proved.get(size, 0) + 1
        self.methods[method] += 1

    def _lower_certificate(self, lower: int) -> dict:
        certificate = {
            "method": "T1(a) and search" if self.proved else "T1(a)",
            "theorem": (f"T1(a) on the {self.closure_name} of Pi(F): AC_ex >= N / sum of d_pi^2 over pi outside it "
                        f"= {self.group.order} / {self.group.order - self.kernel.degree_square_sum} "
                        f"-> {self.welch_lower}"),
            "welch_lower": self.welch_lower,
            "spectrum": list(self.kernel.spectrum),
            "supports_proved_infeasible": {str(size): count for size, count in sorted(self.proved.items())},
            "by_method": {name: count for name, count in self.methods.items() if count},
            "supports_contain_identity": "exactness is translation invariant, so each support is translated to contain the identity",
        }
        if self.undecided:
            certificate["undecided"] = {str(size): count for size, count in sorted(self.undecided.items())}
        certificate["lower"] = lower
        return certificate

    def _answer(self, size, scheme, method) -> ExactComplexity:
        report = _verified(self.function_class, scheme)
        extra = {"defect": report.delta if report.delta is not None else report.beta,
                 "defect_tolerance": report.tolerance}
        if self.family == "uniform" and scheme.draws is not None:
            extra["draws"] = scheme.draws
            extra["counts"] = [int(round(weight * scheme.draws)) for weight in scheme.weights]
        certificate = {"upper": _scheme_certificate(scheme, method, extra), "lower": self._lower_certificate(size)}
        return ExactComplexity(self.function_class, self.family, size, size, certificate, scheme)

    def _interval(self, size, full_scheme) -> ExactComplexity:
        order = int(self.group.order)
        certificate = {
            "upper": _scheme_certificate(full_scheme, "w = 1/N on the whole group"),
            "lower": self._lower_certificate(size),
            "stopped": (f"after {self.examined} supports (limit {self.max_supports})"
                        if self.examined >= self.max_supports else f"undecided supports of size {size}"),
        }
        return ExactComplexity(self.function_class, self.family, size, order, certificate, full_scheme)

    # -- one support ---------------------------------------------------------------

    def _decide(self, support):
        """Return ``(scheme, method)`` if ``support`` carries an exact scheme of the family, else None."""
        size = len(support)
        matrix = self.kernel.support_matrix(support)
        smallest = float(np.linalg.eigvalsh(matrix)[0])
        if smallest > self.kernel.matrix_error(matrix):
            self._count(size, "nonsingular K_S (float64, Weyl bound)")
            return None

        exact = self.kernel.exact_support_matrix(support)
        from sympy.polys.matrices import DomainMatrix

        field_ = self.kernel.field
        ones = DomainMatrix([[field_.one] * size], (1, size), field_)
        if exact.vstack(ones).rank() == exact.rank():
            self._count(size, "exact rank (sympy)")
            return None
        null_rows = exact.nullspace().to_Matrix()
        if self.family == "signed":
            return self._signed_scheme(support, null_rows)
        return self._nonnegative_scheme(support, null_rows, matrix)

    def _float_rows(self, null_rows) -> np.ndarray:
        return np.array(null_rows.evalf(30).tolist(), dtype=complex)

    def _signed_scheme(self, support, null_rows):
        from verify.schemes import make_scheme

        basis = self._float_rows(null_rows)
        orthonormal = np.linalg.qr(basis.T)[0]
        ones = np.ones(len(support))
        projected = orthonormal @ (orthonormal.conj().T @ ones)
        weights = (projected / projected.sum()).real
        weights[-1] = 1.0 - weights[:-1].sum()
        scheme = make_scheme(self.group, list(support), weights, origin="exact signed scheme")
        method = (f"projection of the ones vector onto the exact null space of K_S "
                  f"(dimension {len(basis)}, sympy over {self.kernel.field})")
        return scheme, method

    def _real_basis(self, basis: np.ndarray) -> np.ndarray:
        """Return an orthonormal real basis (rows) of a conjugation-invariant complex span."""
        stacked = np.vstack([basis.real, basis.imag])
        _, singular, right = np.linalg.svd(stacked)
        return right[: len(basis)]

    def _nonnegative_scheme(self, support, null_rows, matrix):
        size = len(support)
        if null_rows.shape[0] == 1:
            return self._unique_solution(support, null_rows)
        basis = self._real_basis(self._float_rows(null_rows))
        smallest, weights = _max_min_weight(basis)
        if smallest is not None and smallest > LP_MARGIN:
            return self._feasible(support, weights, null_rows, basis.shape[0])
        if _farkas_certificate(matrix, self.kernel.entry_error):
            self._count(size, "Farkas vector (float64, error bound)")
            return None
        self.undecided[size] = self.undecided.get(size, 0) + 1
        return None

    def _unique_solution(self, support, null_rows):
        import sympy

        size = len(support)
        entries = list(null_rows.row(0))
        total = sympy.nsimplify(sum(entries)) if self.kernel.field.is_QQ else sympy.simplify(sum(entries))
        ratios = [sympy.N(entry / total, 30) for entry in entries]
        values = np.array([complex(value) for value in ratios])
        if np.abs(values.imag).max() > 1e-12:
            raise RuntimeError("the unique exact solution of a real system is not real")
        # The entries are evaluated to 30 significant digits, so a sign beyond 1e-25 is certain.
        smallest = float(values.real.min())
        if smallest < -SIGN_RESOLUTION or any(entry == 0 for entry in entries):
            self._count(size, "unique exact solution has a nonpositive entry")
            return None
        if smallest <= SIGN_RESOLUTION:
            self.undecided[size] = self.undecided.get(size, 0) + 1
            return None
        return self._feasible(support, values.real, null_rows, 1)

    def _feasible(self, support, weights, null_rows, dimension):
        from verify.schemes import make_scheme

        weights = np.asarray(weights, dtype=float)
        method = (f"maximum of the smallest weight over the exact null space of K_S (dimension {dimension}), "
                  f"linear program (HiGHS)" if dimension > 1 else "the unique exact solution on the support")
        if self.family == "uniform":
            counts = _rational_point(null_rows, weights)
            if counts is None:
                self.undecided[len(support)] = self.undecided.get(len(support), 0) + 1
                return None
            draws = int(sum(counts))
            scheme = make_scheme(self.group, list(support), [count / draws for count in counts], draws=draws,
                                 origin="exact uniform scheme (multiset)")
            return scheme, method + "; rational point of the exact rational null space gives the multiset"
        weights[-1] = 1.0 - weights[:-1].sum()
        scheme = make_scheme(self.group, list(support), weights, origin="exact nonnegative scheme")
        return scheme, method


def _max_min_weight(basis: np.ndarray):
    """Return ``(t, w)`` maximizing ``t = min w`` over ``w = basis^T c`` with ``sum w = 1``."""
    from scipy.optimize import linprog

    dimension, size = basis.shape
    # Variables (c_1..c_m, t): maximize t, -basis^T c + t <= 0, sum(basis^T c) = 1, t <= 1.
    objective = np.zeros(dimension + 1)
    objective[-1] = -1.0
    inequality = np.hstack([-basis.T, np.ones((size, 1))])
    equality = np.append(basis.sum(axis=1), 0.0)[None, :]
    bounds = [(None, None)] * dimension + [(None, 1.0)]
    result = linprog(objective, A_ub=inequality, b_ub=np.zeros(size), A_eq=equality, b_eq=[1.0],
                     bounds=bounds, method="highs")
    if result.status != 0:
        return None, None
    weights = basis.T @ result.x[:dimension]
    return float(weights.min()), weights


def _farkas_certificate(matrix: np.ndarray, entry_error: float) -> bool:
    """Return whether some ``v`` with ``|v| <= 1`` has ``K_S v >= t > 0`` beyond the rounding error.

    Such a ``v`` proves that no ``w >= 0`` with ``sum w = 1`` has
    ``K_S w = 0``, because ``w^T K_S v`` would be both 0 and at least ``t``.
    """
    from scipy.optimize import linprog

    size = matrix.shape[0]
    objective = np.zeros(size + 1)
    objective[-1] = -1.0
    inequality = np.hstack([-matrix, np.ones((size, 1))])
    bounds = [(-1.0, 1.0)] * size + [(None, 1.0)]
    result = linprog(objective, A_ub=inequality, b_ub=np.zeros(size), bounds=bounds, method="highs")
    if result.status != 0:
        return False
    vector = result.x[:size]
    products = matrix @ vector
    # Entry errors of K_S and the rounding of the product, per row.
    error = size * entry_error * np.abs(vector).max() + 2 * size * UNIT_ROUNDOFF * (np.abs(matrix) @ np.abs(vector))
    return bool(np.all(products - error > 0))


def _rational_point(null_rows, weights: np.ndarray):
    """Return positive integer counts of a rational exact scheme near ``weights``, or None.

    ``null_rows`` is an exact rational basis of the null space.  The float
    weights are written in that basis, the coefficients rounded to nearby
    fractions, and the resulting exact rational vector accepted if every
    entry is positive.
    """
    import sympy

    rational = sympy.Matrix(null_rows)
    basis = np.array(rational.evalf().tolist(), dtype=float)
    coefficients = np.linalg.lstsq(basis.T, weights, rcond=None)[0]
    for limit in (10**3, 10**6, 10**9):
        fractions = [sympy.Rational(Fraction(float(value)).limit_denominator(limit)) for value in coefficients]
        vector = rational.T * sympy.Matrix(fractions)
        total = sum(vector)
        if total == 0:
            continue
        normalized = [value / total for value in vector]
        if all(value > 0 for value in normalized):
            denominator = sympy.ilcm(*[value.q for value in normalized])
            return [int(value * denominator) for value in normalized]
    return None
