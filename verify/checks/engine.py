"""Exhaustive checks of L1, L2, P10, L3 and T1(b) on the panel of real groups.

Each check walks the panel of the run and draws seeded random schemes of
several sizes.  By default the panel is ``symmetric:5``, ``alternating:5``,
``dihedral:12``, ``quaternion``, ``hypercube:8`` and ``cyclic:360`` with the
regular class, and M11 and ``rubik:2`` with the action class.  Each check
compares the engine with an independent computation.  "Exhaustive" means every
``h`` in the group and every irreducible in ``Pi(F)`` enters the comparison,
not that every scheme is tried.

Main results
------------
* ``L1.fourier-matches-definition`` -- beta and Delta from the Fourier path
  equal the definitions on explicit matrices of ``rho`` (small groups), the
  matrix-free ``||A_w - P||`` on ``L^2(G)`` (larger ones), and the closed
  form for characters equals the enumeration over ``h``.
* ``L2.sandwich`` -- ``sqrt(2) beta <= Delta <= 2 beta``.
* ``L2.notions-from-definition`` -- the weak and strong ratios of the
  definitions, maximized over ``f``, equal ``beta^2`` and ``Delta^2``.
* ``P10.relations`` -- strong implies weak at the same epsilon, weak at
  epsilon implies strong at ``4 epsilon``, exact implies both.
* ``L3.welch-bound`` -- ``beta^2 >= (N - k) / (k (N - 1))``.
* ``T1.uniform-is-only-exact`` -- on a spectrally complete class the
  Fourier matrix is unitary, so ``w = 1/N`` is the only exact scheme, and
  random schemes of size below ``N`` are not exact.

Implementation notes
--------------------
Tolerances are absolute on quantities of size at most 2, ``1e-9`` for
comparisons of two float64 computations of the same number (errors grow
like ``N`` times machine epsilon in sums over the group, about ``1e-12``
here).
"""

from __future__ import annotations

import numpy as np

from theory.registry import CheckResult, register_check
from verify.checks.context import display_name
from verify.classes import parse_class
from verify.defects import compute_defects, defects_from_definition, explicit_representation, operator_norm
from verify.groups import parse_group
from verify.schemes import make_scheme, random_scheme, uniform_scheme

__all__ = ["panel_cases", "random_schemes", "COMPARISON_TOLERANCE"]

COMPARISON_TOLERANCE = 1e-9

#: Largest order for the definition oracle (it loops over h with an SVD of a dim-F matrix each).
DEFINITION_ORDER_LIMIT = 130


def panel_cases(context):
    """Yield ``(group, function_class)`` for each panel entry, with progress lines."""
    for group_spec, class_spec in context.panel:
        context.progress(f"  {display_name(group_spec)} / {class_spec}")
        group = parse_group(group_spec)
        yield group, parse_class(class_spec, group)


def random_schemes(group, context, name: str, signed: bool = False):
    """Yield seeded schemes of sizes spread between 1 and about ``N`` (at most 200 draws)."""
    rng = context.rng(name + group.spec)
    count = context.settings["schemes"]
    upper = int(min(200, max(2, group.order)))
    sizes = np.unique(np.geomspace(1, upper, num=count).astype(int))
    for draws in sizes:
        scheme = random_scheme(group, int(draws), int(rng.integers(2**31)))
        if signed:
            weights = rng.normal(size=scheme.size)
            weights = weights / weights.sum() if abs(weights.sum()) > 1e-3 else np.full(scheme.size, 1 / scheme.size)
            scheme = make_scheme(group, scheme.elements, weights, origin="signed random weights")
        yield scheme


class _Worst:
    """Tracks the worst margin of an inequality over many cases, and the groups they came from."""

    def __init__(self):
        self.margin = np.inf
        self.case = None
        self.count = 0
        self.groups = {}

    def update(self, lhs, rhs, case, group):
        """Record ``lhs <= rhs`` for one case on ``group`` (margin ``rhs - lhs``)."""
        self.count += 1
        self.groups[display_name(group.spec)] = True
        margin = float(rhs - lhs)
        if margin < self.margin:
            self.margin, self.case = margin, (float(lhs), float(rhs), case)


def _result(worst: _Worst, statement: str, tolerance: float = COMPARISON_TOLERANCE) -> CheckResult:
    lhs, rhs, case = worst.case if worst.case else (None, None, None)
    passed = worst.count > 0 and worst.margin >= -tolerance
    groups = list(worst.groups)
    evidence = (
        f"{worst.count} cases on {len(groups)} groups ({', '.join(groups)}); "
        f"worst margin {worst.margin:.3g} (passes above -{tolerance:g})"
    )
    if case:
        evidence += f" at {case}"
    return CheckResult(passed=passed, statement=statement, lhs=lhs, rhs=rhs, margin=worst.margin, evidence=evidence, details={"cases": worst.count})


@register_check(
    "L1.fourier-matches-definition",
    "L1",
    "exhaustive",
    "beta and Delta from w_hat(pi) equal the definitions on explicit rho(h), the matrix-free norm, and the character closed form",
)
def check_fourier_matches_definition(context) -> CheckResult:
    from verify.defects import _regular_matrix_free
    from verify.representations.base import IrrepBackend

    worst = _Worst()
    for group, function_class in panel_cases(context):
        if function_class.spectrum is None:
            continue
        for scheme in random_schemes(group, context, "L1", signed=True):
            report = compute_defects(function_class, scheme)
            case = f"{group.spec} {function_class.spec} size {scheme.size}"

            # Step 1: the definitions on explicit matrices (small groups).
            if group.order <= DEFINITION_ORDER_LIMIT:
                beta, delta = defects_from_definition(function_class, scheme)
                worst.update(abs(report.beta - beta), 0.0, case + " beta vs definition", group)
                worst.update(abs(report.delta - delta), 0.0, case + " Delta vs definition", group)
            # Step 2: beta = ||A_w - P|| on L^2(G), with no irreducibles (regular class).
            elif function_class.kind == "regular" and group.order <= 1500:
                beta = _regular_matrix_free(function_class, scheme).beta
                worst.update(abs(report.beta - beta), 0.0, case + " beta vs matrix-free", group)
            # Step 3: the closed form for characters against the enumeration over h.
            backend = function_class.backend
            if type(backend).max_translation_norms is not IrrepBackend.max_translation_norms:
                enumerated = max(
                    IrrepBackend.max_translation_norms(backend, index, matrix)
                    for index, matrix in report.transforms.items()
                ) if report.transforms else 0.0
                worst.update(abs(report.delta - enumerated), 0.0, case + " closed form vs enumeration", group)
    return _result(worst, "|beta_Fourier - beta_definition| and |Delta_L1 - Delta_definition| are 0")


@register_check("L2.sandwich", "L2", "exhaustive", "sqrt(2) beta <= Delta <= 2 beta for random schemes on the panel")
def check_sandwich(context) -> CheckResult:
    worst = _Worst()
    for group, function_class in panel_cases(context):
        for scheme in random_schemes(group, context, "L2", signed=True):
            report = compute_defects(function_class, scheme)
            if report.delta is None:
                continue
            case = f"{group.spec} {function_class.spec} size {scheme.size}"
            worst.update(np.sqrt(2) * report.beta, report.delta, case + " lower", group)
            worst.update(report.delta, 2 * report.beta, case + " upper", group)
    return _result(worst, "sqrt(2) beta <= Delta <= 2 beta")


def _notion_ratios(function_class, scheme, rng, samples: int = 20):
    """Return (max weak ratio, weak ratio at the top vector, max strong ratio, strong ratio at the extremal pair)."""
    group = function_class.group
    matrices = explicit_representation(function_class, group.elements())
    support = explicit_representation(function_class, scheme.elements)
    averaging = np.tensordot(scheme.weights, support, axes=(0, 0))
    projection = matrices.mean(axis=0)
    dimension = averaging.shape[0]

    def weak_ratio(f):
        numerator = np.mean([np.linalg.norm(rho @ averaging @ f - averaging @ f) ** 2 for rho in matrices])
        denominator = np.mean([np.linalg.norm(rho @ f - f) ** 2 for rho in matrices])
        return numerator / denominator if denominator > 1e-14 else 0.0

    def strong_ratio(f, rho):
        denominator = np.linalg.norm(f - projection @ f) ** 2
        return np.linalg.norm(rho @ averaging @ f - averaging @ f) ** 2 / denominator if denominator > 1e-14 else 0.0

    random_vectors = rng.normal(size=(samples, dimension)) + 1j * rng.normal(size=(samples, dimension))
    weak_random = max(weak_ratio(f) for f in random_vectors)
    # The top right singular vector of A_w - P attains the supremum of the weak ratio.
    _, _, right = np.linalg.svd(averaging - projection)
    weak_top = weak_ratio(right[0].conj())
    strong_random = max(strong_ratio(f, matrices[int(rng.integers(len(matrices)))]) for f in random_vectors)
    norms = [operator_norm(rho @ averaging - averaging) for rho in matrices]
    best = int(np.argmax(norms))
    _, _, right = np.linalg.svd(matrices[best] @ averaging - averaging)
    strong_top = strong_ratio(right[0].conj(), matrices[best])
    return weak_random, weak_top, strong_random, strong_top


@register_check(
    "L2.notions-from-definition",
    "L2",
    "exhaustive",
    "the weak and strong ratios of the definitions never exceed beta^2 and Delta^2 and attain them",
)
def check_notions_from_definition(context) -> CheckResult:
    worst = _Worst()
    for group, function_class in panel_cases(context):
        if group.order > DEFINITION_ORDER_LIMIT or function_class.spectrum is None:
            continue
        rng = context.rng("L2-notions" + group.spec)
        for scheme in random_schemes(group, context, "L2-notions"):
            report = compute_defects(function_class, scheme)
            weak_random, weak_top, strong_random, strong_top = _notion_ratios(function_class, scheme, rng)
            case = f"{group.spec} {function_class.spec} size {scheme.size}"
            worst.update(weak_random, report.weak_epsilon, case + " weak ratio of random f <= beta^2", group)
            worst.update(abs(weak_top - report.weak_epsilon), 0.0, case + " weak ratio at the top vector = beta^2", group)
            worst.update(strong_random, report.strong_epsilon, case + " strong ratio of random f <= Delta^2", group)
            worst.update(abs(strong_top - report.strong_epsilon), 0.0, case + " strong ratio at the extremal pair = Delta^2", group)
    return _result(worst, "sup_f weak ratio = beta^2 and sup_{f,h} strong ratio = Delta^2", tolerance=1e-8)


@register_check(
    "P10.relations",
    "P10",
    "exhaustive",
    "per scheme: strong eps => weak eps, weak eps => strong 4 eps, exact => both, uniform over G is exact",
)
def check_relations(context) -> CheckResult:
    worst = _Worst()
    epsilons = np.geomspace(1e-3, 4, 25)
    for group, function_class in panel_cases(context):
        schemes = list(random_schemes(group, context, "P10"))
        if group.is_enumerated and group.order <= 5000:
            schemes.append(uniform_scheme(group))
        for scheme in schemes:
            report = compute_defects(function_class, scheme)
            if report.delta is None:
                continue
            case = f"{group.spec} {function_class.spec} size {scheme.size}"
            weak, strong = report.weak_epsilon, report.strong_epsilon
            for epsilon in epsilons:
                # strong eps => weak eps: a violation is strong <= eps < weak.
                if strong <= epsilon:
                    worst.update(weak, epsilon, case + f" strong {epsilon:.3g} => weak", group)
                # weak eps => strong 4 eps.
                if weak <= epsilon:
                    worst.update(strong, 4 * epsilon, case + f" weak {epsilon:.3g} => strong 4 eps", group)
            if report.exactly_invariant:
                worst.update(strong, report.tolerance**2, case + " exact => strong 0", group)
            if scheme.size == group.order and scheme.origin == "uniform over the group":
                worst.update(report.delta, report.tolerance, case + " uniform over G is exact (AC_ex <= N)", group)
    return _result(worst, "AC_wk(eps) <= AC_st(eps) <= AC_ex <= N and AC_st(4 eps) <= AC_wk(eps), scheme by scheme")


@register_check("L3.welch-bound", "L3", "exhaustive", "beta^2 >= (N - k)/(k (N - 1)) for signed and nonnegative schemes of size k")
def check_welch_bound(context) -> CheckResult:
    worst = _Worst()
    for group, function_class in panel_cases(context):
        if function_class.spectrally_complete is not True or not group.is_enumerated:
            continue
        order = group.order
        for signed in (False, True):
            for scheme in random_schemes(group, context, "L3", signed=signed):
                report = compute_defects(function_class, scheme)
                size = scheme.size
                bound = (order - size) / (size * (order - 1)) if order > 1 else 0.0
                worst.update(bound, report.weak_epsilon, f"{group.spec} size {size} {'signed' if signed else 'nonnegative'}", group)
    return _result(worst, "beta_F(w)^2 >= (N - k)/(k (N - 1))")


@register_check(
    "T1.uniform-is-only-exact",
    "T1",
    "exhaustive",
    "spectrally complete F: the Fourier matrix is unitary (so w = 1/N is the only exact scheme) and no random scheme of size < N is exact",
)
def check_uniform_is_only_exact(context) -> CheckResult:
    worst = _Worst()
    for group, function_class in panel_cases(context):
        if function_class.spectrally_complete is not True or function_class.spectrum is None or group.order > 2600:
            continue
        backend = function_class.backend
        elements = group.elements()
        # By Fourier inversion, the N x N matrix with columns sqrt(d/N) pi(g)_{ij} is unitary.
        columns = [
            np.sqrt(irrep.degree / group.order) * backend.matrices(irrep.index, elements).reshape(group.order, -1)
            for irrep in backend.irreps
        ]
        fourier_matrix = np.concatenate(columns, axis=1)
        deviation = operator_norm(fourier_matrix.conj().T @ fourier_matrix - np.eye(group.order))
        worst.update(deviation, 0.0, f"{group.spec} Fourier matrix unitary", group)
        uniform = compute_defects(function_class, uniform_scheme(group))
        worst.update(uniform.delta, uniform.tolerance, f"{group.spec} uniform scheme exact", group)
        for scheme in random_schemes(group, context, "T1b", signed=True):
            if scheme.size >= group.order:
                continue
            report = compute_defects(function_class, scheme)
            # A scheme of size k < N has beta^2 >= (N-k)/(k(N-1)) > 0 (L3), so not exact.
            worst.update(0.0, report.beta - 1e-6, f"{group.spec} size {scheme.size} not exact", group)
    return _result(worst, "w = 1/N is the only exact scheme on a spectrally complete class")
