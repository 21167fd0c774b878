"""Property checks of L1-L4, P10 and the representation structure, by hypothesis.

Each property draws random groups, function classes and schemes from
:mod:`verify.strategies`, computes both sides of a claim by two routes and
returns a :class:`~verify.checks.property_runner.PropertyOutcome`; each is
registered as a check at the ``property`` level.

Main definitions
----------------
* :func:`fourier_transform` -- ``f_hat(pi) = sum_g f(g) pi(g)`` from the
  backend's matrices; properties take it as a parameter so tests can
  substitute a broken one.
* Property functions ``*_property(*, examples, seed, ...)``, whose keyword
  arguments carry the constants of the claims with their true values as
  defaults.

Main results
------------
* L1: ``beta`` and ``Delta`` from the Fourier transforms (L1 formula) and
  from :func:`verify.defects.compute_defects` equal the definitions on
  explicit matrices (:func:`verify.defects.defects_from_definition`).
* L2: the weak and strong relative errors of random ``f`` never exceed
  ``beta^2`` and ``Delta^2`` and reach them on the extremal ``f``;
  ``sqrt(2) beta <= Delta <= 2 beta``.
* P10: strong epsilon implies weak epsilon and weak epsilon implies strong
  ``4 epsilon``; the defects grow with the class.
* L3: ``beta^2 >= (N - k)/(k (N - 1))`` on spectrally complete classes;
  Plancherel.
* L4: ``|supp f| sum_pi d_pi rank f_hat(pi) >= N``.
* Structure: ``pi(g h) = pi(g) pi(h)``, unitarity, Schur orthogonality.

Implementation notes
--------------------
A defect counts as equal to another within ``1e-9 max(1, ||w||_1)``;
errors of sums over a group of order ``N <= 120`` are of order
``N * 2.2e-16``, far below it.  Ranks count singular values above
``1e-9 ||f||_1``.
"""

from __future__ import annotations

import functools
import math
import zlib

import numpy as np
from hypothesis import strategies as st

from theory.registry import register_check
from verify.checks.property_runner import check_result, describe_case, require, run_property
from verify.classes import parse_class
from verify.defects import compute_defects, defects_from_definition, explicit_representation
from verify.groups import parse_group
from verify.strategies import (
    SCHEME_FAMILIES,
    averaging_schemes,
    finite_groups,
    function_classes,
    group_functions,
)

__all__ = [
    "RELATIVE_TOLERANCE",
    "fourier_transform",
    "group_classes_and_schemes",
    "check_seed",
    "register_property_check",
    "l1_defects_property",
    "l2_notions_property",
    "l2_sandwich_property",
    "p10_relations_property",
    "l3_welch_property",
    "l3_plancherel_property",
    "l4_uncertainty_property",
    "homomorphism_property",
    "unitarity_property",
    "schur_orthogonality_property",
]

#: Relative tolerance of equalities and inequalities between defects.
RELATIVE_TOLERANCE = 1e-9


def fourier_transform(backend, index: int, elements, values) -> np.ndarray:
    """Return ``sum_g f(g) pi(g)`` for the irreducible ``index`` over ``elements``.

    Parameters
    ----------
    backend : IrrepBackend
    index : int
    elements : (k,) array_like of int
    values : (k,) array_like of complex
        ``f(g)`` for each element (the weights of a scheme).

    Returns
    -------
    (d, d) ndarray of complex128
    """
    matrices = backend.matrices(int(index), np.asarray(elements, dtype=np.int64))
    return np.tensordot(np.asarray(values, dtype=complex), matrices, axes=(0, 0))


@functools.lru_cache(maxsize=256)
def _all_matrices(group_spec: str, index: int) -> np.ndarray:
    group = parse_group(group_spec)
    return group.irreducible_backend.matrices(index, group.elements())


def _tolerance(scheme) -> float:
    return RELATIVE_TOLERANCE * max(1.0, scheme.l1_norm)


def check_seed(context, check_id: str) -> int:
    """Return the hypothesis seed of one check: the run's seed mixed with the check id."""
    return (int(context.seed) * 1_000_003 + zlib.crc32(check_id.encode())) % 2**32


def register_property_check(check_id: str, claim: str, description: str, statement: str, property_function):
    """Register ``property_function`` as the property-level check ``check_id``.

    The check runs the property with the profile's example count
    (``context.settings["examples"]``) and the seed of :func:`check_seed`.
    """

    def run_check(context):
        context.progress(f"{check_id}: {context.settings['examples']} examples")
        outcome = property_function(examples=context.settings["examples"], seed=check_seed(context, check_id))
        return check_result(statement, outcome)

    run_check.__name__ = run_check.__qualname__ = "check_" + check_id.replace(".", "_").replace("-", "_")
    return register_check(check_id, claim, "property", description)(run_check)


@st.composite
def group_classes_and_schemes(draw, *, max_order: int = 120, spectrally_complete=None, families=SCHEME_FAMILIES, max_size: int = 8):
    """Draw ``(group, function_class, scheme)``: the group first, then a class and a scheme on it."""
    group = draw(finite_groups(max_order=max_order))
    function_class = draw(function_classes(group, spectrally_complete=spectrally_complete))
    family = draw(st.sampled_from(families))
    scheme = draw(averaging_schemes(group, family=family, max_size=max_size))
    return group, function_class, scheme


# -- L1 -------------------------------------------------------------------------------


def l1_defects_property(*, examples: int = 60, seed: int = 0, transform=fourier_transform, max_order: int = 48):
    """L1: ``beta`` and ``Delta`` by the Fourier formula equal the definitions.

    ``beta = max ||T(pi)||`` and ``Delta = max over pi, h of
    ||(pi(h) - I) T(pi)||`` with ``T = transform``, compared with
    :func:`defects_from_definition` (explicit ``rho`` on ``F``) and with
    :func:`compute_defects`.
    """

    def body(case):
        group, function_class, scheme = case
        backend = group.irreducible_backend
        beta, delta = 0.0, 0.0
        for index in function_class.spectrum:
            matrix = transform(backend, index, scheme.elements, scheme.weights)
            beta = max(beta, float(np.linalg.norm(matrix, ord=2)))

            # L1: Delta is the maximum over h of ||(pi(h) - I) w_hat(pi)||.
            translated = (_all_matrices(group.spec, index) - np.eye(len(matrix))) @ matrix
            delta = max(delta, float(np.linalg.norm(translated, ord=2, axis=(-2, -1)).max()))

        beta_definition, delta_definition = defects_from_definition(function_class, scheme)
        report = compute_defects(function_class, scheme)
        tolerance = _tolerance(scheme)
        describe = lambda: describe_case(group, function_class, scheme)  # noqa: E731
        require("|beta (L1) - beta (definition)| <= tol", abs(beta - beta_definition), tolerance, describe)
        require("|Delta (L1) - Delta (definition)| <= tol", abs(delta - delta_definition), tolerance, describe)
        require("|beta (engine) - beta (definition)| <= tol", abs(report.beta - beta_definition), tolerance, describe)
        return require("|Delta (engine) - Delta (definition)| <= tol", abs(report.delta - delta_definition), tolerance, describe)

    return run_property(body, group_classes_and_schemes(max_order=max_order), examples=examples, seed=seed)


# -- L2 -------------------------------------------------------------------------------


@st.composite
def _cases_with_probes(draw, max_order: int):
    case = draw(group_classes_and_schemes(max_order=max_order))
    return case + (draw(st.integers(0, 2**32 - 1)),)


def _relative_errors(matrices, averaging, projection, vectors):
    """Return the weak and strong relative errors of ``A_w`` on each column of ``vectors``."""
    images = averaging @ vectors
    identity = np.eye(len(averaging))
    translated_images = np.linalg.norm((matrices - identity) @ images, axis=1) ** 2
    translated_inputs = np.linalg.norm((matrices - identity) @ vectors, axis=1) ** 2
    non_invariant = np.linalg.norm(vectors - projection @ vectors, axis=0) ** 2
    weak = translated_images.mean(axis=0) / translated_inputs.mean(axis=0)
    strong = translated_images.max(axis=0) / non_invariant
    return weak, strong


def l2_notions_property(*, examples: int = 60, seed: int = 0, probes: int = 4, max_order: int = 36):
    """L2: the weak and strong notions from their definitions match ``beta^2`` and ``Delta^2``.

    For random ``f`` in ``F`` with a non-invariant part, the weak ratio
    ``E_h ||h.A_w f - A_w f||^2 / E_h ||h.f - f||^2`` is at most ``beta^2``
    and the strong ratio ``max_h ||h.A_w f - A_w f||^2 / ||f - P f||^2`` is
    at most ``Delta^2`` (so ``beta^2`` and ``Delta^2`` are admissible
    epsilons); the top singular vectors of ``A_w - P`` and of
    ``(rho(h*) - I) A_w`` reach them (so no smaller epsilon is).
    """

    def body(case):
        group, function_class, scheme, probe_seed = case
        matrices = explicit_representation(function_class, group.elements())
        averaging = np.tensordot(scheme.weights, explicit_representation(function_class, scheme.elements), axes=(0, 0))
        projection = matrices.mean(axis=0)
        report = compute_defects(function_class, scheme)
        tolerance = _tolerance(scheme) * max(1.0, scheme.l1_norm)
        describe = lambda: describe_case(group, function_class, scheme, probe_seed=probe_seed)  # noqa: E731
        beta_squared, delta_squared = report.beta**2, report.delta**2

        # Random f with a non-invariant part: both ratios stay below the epsilons of L2.
        rng = np.random.default_rng(probe_seed)
        dimension = len(averaging)
        vectors = rng.standard_normal((dimension, probes)) + 1j * rng.standard_normal((dimension, probes))
        vectors = vectors - projection @ vectors + 0.5 * (projection @ vectors)
        if np.linalg.norm(vectors - projection @ vectors) < 1e-9:
            return None
        weak, strong = _relative_errors(matrices, averaging, projection, vectors)
        require("weak relative error of random f <= beta^2", float(weak.max()), beta_squared + tolerance, describe)
        require("strong relative error of random f <= Delta^2", float(strong.max()), delta_squared + tolerance, describe)

        # The extremal f: the top right singular vectors reach beta^2 and Delta^2.
        if report.beta > 1e-6:
            top = np.linalg.svd(averaging - projection)[2][0].conj()[:, None]
            weak_top, _ = _relative_errors(matrices, averaging, projection, top)
            require("beta^2 <= weak relative error of the extremal f", beta_squared, float(weak_top[0]) + tolerance, describe)
        if report.delta > 1e-6:
            identity = np.eye(dimension)
            worst = int(np.argmax(np.linalg.norm((matrices - identity) @ averaging, ord=2, axis=(-2, -1))))
            top = np.linalg.svd((matrices[worst] - identity) @ averaging)[2][0].conj()[:, None]
            _, strong_top = _relative_errors(matrices, averaging, projection, top)
            return require("Delta^2 <= strong relative error of the extremal f", delta_squared, float(strong_top[0]) + tolerance, describe)
        return None

    return run_property(body, _cases_with_probes(max_order), examples=examples, seed=seed)


def l2_sandwich_property(
    *, examples: int = 60, seed: int = 0, lower_constant: float = math.sqrt(2), upper_constant: float = 2.0, max_order: int = 120
):
    """L2: ``lower_constant * beta <= Delta <= upper_constant * beta`` on random schemes."""

    def body(case):
        group, function_class, scheme = case
        report = compute_defects(function_class, scheme)
        tolerance = _tolerance(scheme)
        describe = lambda: describe_case(group, function_class, scheme)  # noqa: E731
        require(f"{lower_constant:.6g} beta <= Delta", lower_constant * report.beta, report.delta + tolerance, describe)
        return require(f"Delta <= {upper_constant:.6g} beta", report.delta, upper_constant * report.beta + tolerance, describe)

    return run_property(body, group_classes_and_schemes(max_order=max_order), examples=examples, seed=seed)


# -- P10 ------------------------------------------------------------------------------


def p10_relations_property(*, examples: int = 60, seed: int = 0, factor: float = 4.0, max_order: int = 120):
    """P10 from L2: strong epsilon implies weak epsilon, weak epsilon implies strong ``factor * epsilon``.

    With ``epsilon = Delta^2`` (the smallest strong epsilon) the scheme is
    weakly epsilon-invariant (``beta^2 <= epsilon / 2``); with ``epsilon =
    beta^2`` it is strongly ``4 epsilon``-invariant.  Monotonicity in ``F``:
    ``beta`` and ``Delta`` on ``F`` are at most those on ``L^2(G)``, which
    contains every irreducible.
    """

    def body(case):
        group, function_class, scheme = case
        report = compute_defects(function_class, scheme)
        regular = compute_defects(_regular_class(group), scheme)
        tolerance = _tolerance(scheme)
        describe = lambda: describe_case(group, function_class, scheme)  # noqa: E731
        strong_epsilon, weak_epsilon = report.delta**2, report.beta**2
        require("beta^2 <= (strong epsilon) / 2", weak_epsilon, strong_epsilon / 2 + tolerance, describe)
        require("beta_F <= beta_L2(G) (monotone in F)", report.beta, regular.beta + tolerance, describe)
        require("Delta_F <= Delta_L2(G) (monotone in F)", report.delta, regular.delta + tolerance, describe)
        return require(f"Delta^2 <= {factor:g} (weak epsilon)", strong_epsilon, factor * weak_epsilon + tolerance, describe)

    return run_property(body, group_classes_and_schemes(max_order=max_order), examples=examples, seed=seed)


def _regular_class(group):
    return parse_class("regular", group)


# -- L3 -------------------------------------------------------------------------------


def l3_welch_property(*, examples: int = 60, seed: int = 0, max_order: int = 120):
    """L3: every scheme of size ``k`` on a spectrally complete class has ``beta^2 >= (N - k)/(k (N - 1))``."""

    def body(case):
        group, function_class, scheme = case
        order, size = group.order, scheme.size
        if order < 2:
            return None
        report = compute_defects(function_class, scheme)
        welch = (order - size) / (size * (order - 1))
        describe = lambda: describe_case(group, function_class, scheme)  # noqa: E731
        return require("(N - k)/(k (N - 1)) <= beta^2", welch, report.beta**2 + _tolerance(scheme), describe)

    strategy = group_classes_and_schemes(max_order=max_order, spectrally_complete=True, max_size=16)
    return run_property(body, strategy, examples=examples, seed=seed)


def l3_plancherel_property(*, examples: int = 60, seed: int = 0, transform=fourier_transform, max_order: int = 120):
    """Plancherel and Fourier inversion on random signed schemes, over all irreducibles.

    ``sum_g |w(g)|^2 = (1/N) sum_pi d_pi ||w_hat(pi)||_HS^2`` and
    ``w(g) = (1/N) sum_pi d_pi tr(pi(g)* w_hat(pi))`` for every ``g``.
    """

    def body(case):
        group, _, scheme = case
        backend = group.irreducible_backend
        order = group.order
        dense = np.zeros(order)
        dense[scheme.elements] = scheme.weights
        energy, inverse = 0.0, np.zeros(order, dtype=complex)
        for irrep in backend.irreps:
            matrix = transform(backend, irrep.index, scheme.elements, scheme.weights)
            energy += irrep.degree * float(np.linalg.norm(matrix) ** 2) / order

            # Inversion: tr(pi(g)* M) = sum over entries of conj(pi(g)) * M.
            inverse += irrep.degree * np.einsum("gab,ab->g", np.conj(_all_matrices(group.spec, irrep.index)), matrix) / order
        tolerance = _tolerance(scheme) * max(1.0, scheme.l1_norm)
        describe = lambda: describe_case(group, None, scheme)  # noqa: E731
        require("|w(g) - inverse transform(g)| <= tol", float(np.abs(inverse - dense).max()), tolerance, describe)
        return require("|sum w^2 - (1/N) sum d ||w_hat||_HS^2| <= tol", abs(energy - float(dense @ dense)), tolerance, describe)

    strategy = group_classes_and_schemes(max_order=max_order, families=("signed",))
    return run_property(body, strategy, examples=examples, seed=seed)


# -- L4 -------------------------------------------------------------------------------


@st.composite
def _groups_and_functions(draw, max_order: int):
    group = draw(finite_groups(max_order=max_order))
    return group, draw(group_functions(group))


def l4_uncertainty_property(*, examples: int = 60, seed: int = 0, transform=fourier_transform, max_order: int = 120):
    """L4 (Meshulam): ``|supp f| * sum_pi d_pi rank f_hat(pi) >= N`` for nonzero ``f``."""

    def body(case):
        group, values = case
        backend = group.irreducible_backend
        support = np.flatnonzero(values)
        threshold = 1e-9 * float(np.abs(values).sum())
        rank_sum = 0
        for irrep in backend.irreps:
            matrix = transform(backend, irrep.index, support, values[support])
            rank_sum += irrep.degree * int((np.linalg.svd(matrix, compute_uv=False) > threshold).sum())
        describe = lambda: describe_case(  # noqa: E731
            group, function=[[group.format_element(g), [values[g].real, values[g].imag]] for g in support]
        )
        return require("N <= |supp f| * sum_pi d_pi rank f_hat(pi)", group.order, len(support) * rank_sum, describe)

    return run_property(body, _groups_and_functions(max_order), examples=examples, seed=seed)


# -- representation structure ---------------------------------------------------------


@st.composite
def _groups_and_element_pairs(draw, max_order: int):
    group = draw(finite_groups(max_order=max_order))
    first = draw(st.integers(0, group.order - 1))
    second = draw(st.integers(0, group.order - 1))
    return group, first, second


def homomorphism_property(*, examples: int = 60, seed: int = 0, max_order: int = 120):
    """``pi(g h) = pi(g) pi(h)`` for every irreducible, under the group law (``h`` applied first)."""

    def body(case):
        group, first, second = case
        backend = group.irreducible_backend
        product = int(group.multiply(first, second))
        worst = 0.0
        for irrep in backend.irreps:
            matrices = backend.matrices(irrep.index, np.array([first, second, product]))
            worst = max(worst, float(np.abs(matrices[2] - matrices[0] @ matrices[1]).max()))
        describe = lambda: describe_case(  # noqa: E731
            group, g=group.format_element(first), h=group.format_element(second)
        )
        return require("max |pi(g h) - pi(g) pi(h)| <= 1e-9", worst, 1e-9, describe)

    return run_property(body, _groups_and_element_pairs(max_order), examples=examples, seed=seed)


def unitarity_property(*, examples: int = 60, seed: int = 0, max_order: int = 120):
    """``pi(g)* pi(g) = I`` for every irreducible and ``pi(e) = I``; degrees satisfy ``sum d^2 = N``."""

    def body(case):
        group, element, _ = case
        backend = group.irreducible_backend
        worst = 0.0
        for irrep in backend.irreps:
            matrices = backend.matrices(irrep.index, np.array([element, 0]))
            identity = np.eye(irrep.degree)
            worst = max(worst, float(np.abs(np.conj(matrices[0].T) @ matrices[0] - identity).max()))
            worst = max(worst, float(np.abs(matrices[1] - identity).max()))
        describe = lambda: describe_case(group, g=group.format_element(element))  # noqa: E731
        require("sum_pi d_pi^2 = N", abs(int((backend.degrees**2).sum()) - group.order), 0, describe)
        return require("max |pi(g)* pi(g) - I| <= 1e-9", worst, 1e-9, describe)

    return run_property(body, _groups_and_element_pairs(max_order), examples=examples, seed=seed)


@st.composite
def _groups_and_irrep_pairs(draw, max_order: int):
    group = draw(finite_groups(max_order=max_order))
    count = len(group.irreducible_backend.irreps)
    return group, draw(st.integers(0, count - 1)), draw(st.integers(0, count - 1))


def schur_orthogonality_property(*, examples: int = 60, seed: int = 0, max_order: int = 120):
    """Schur: ``(1/N) sum_g pi_ab(g) conj(sigma_cd(g)) = delta_{pi sigma} delta_ac delta_bd / d_pi``."""

    def body(case):
        group, first, second = case
        left = _all_matrices(group.spec, first)
        right = _all_matrices(group.spec, second)
        inner = np.einsum("gab,gcd->abcd", left, np.conj(right)) / group.order
        expected = np.zeros_like(inner)
        if first == second:
            degree = left.shape[-1]
            for a in range(degree):
                for b in range(degree):
                    expected[a, b, a, b] = 1.0 / degree
        describe = lambda: describe_case(group, irreducibles=[first, second])  # noqa: E731
        return require("max |Schur inner product - expected| <= 1e-9", float(np.abs(inner - expected).max()), 1e-9, describe)

    return run_property(body, _groups_and_irrep_pairs(max_order), examples=examples, seed=seed)


# -- registration -----------------------------------------------------------------------

register_property_check(
    "L1.property-fourier-defects", "L1",
    "beta and Delta by the L1 formula and by compute_defects equal the definitions on explicit matrices, "
    "on random groups, classes and schemes",
    "beta and Delta by the Fourier formula of L1 equal max ||A_w - P|| and max_h ||rho(h) A_w - A_w||",
    l1_defects_property,
)
register_property_check(
    "L1.property-homomorphism", "L1",
    "pi(g h) = pi(g) pi(h) for every irreducible of random groups, at random g and h",
    "pi(g h) = pi(g) pi(h) for every irreducible pi",
    homomorphism_property,
)
register_property_check(
    "L1.property-unitarity", "L1",
    "every irreducible matrix is unitary, pi(e) = I and sum d_pi^2 = N, on random groups",
    "pi(g)* pi(g) = I, pi(e) = I and sum_pi d_pi^2 = N",
    unitarity_property,
)
register_property_check(
    "L1.property-schur-orthogonality", "L1",
    "Schur orthogonality of matrix coefficients for random pairs of irreducibles of random groups",
    "(1/N) sum_g pi_ab(g) conj(sigma_cd(g)) = delta_{pi sigma} delta_ac delta_bd / d_pi",
    schur_orthogonality_property,
)
register_property_check(
    "L2.property-notions-from-definition", "L2",
    "weak and strong relative errors of random and extremal f in F, from explicit rho, against beta^2 and Delta^2",
    "sup over f of the weak relative error is beta^2 and of the strong relative error is Delta^2",
    l2_notions_property,
)
register_property_check(
    "L2.property-sandwich", "L2",
    "sqrt(2) beta <= Delta <= 2 beta on random groups, classes and schemes",
    "sqrt(2) beta <= Delta <= 2 beta",
    l2_sandwich_property,
)
register_property_check(
    "P10.property-notion-relations", "P10",
    "strong epsilon implies weak epsilon and weak epsilon implies strong 4 epsilon on random schemes; "
    "the defects on F are at most those on L^2(G)",
    "Delta^2 <= epsilon implies beta^2 <= epsilon, beta^2 <= epsilon implies Delta^2 <= 4 epsilon, defects monotone in F",
    p10_relations_property,
)
register_property_check(
    "L3.property-welch", "L3",
    "beta^2 >= (N - k)/(k (N - 1)) for random signed, nonnegative and uniform schemes on spectrally complete classes",
    "beta_F(w)^2 >= (N - k)/(k (N - 1)) for spectrally complete F and schemes of size k",
    l3_welch_property,
)
register_property_check(
    "L3.property-plancherel-inversion", "L3",
    "Plancherel and Fourier inversion for random signed schemes over all irreducibles of random groups",
    "sum_g |w(g)|^2 = (1/N) sum_pi d_pi ||w_hat(pi)||_HS^2 and w(g) = (1/N) sum_pi d_pi tr(pi(g)* w_hat(pi))",
    l3_plancherel_property,
)
register_property_check(
    "L4.property-uncertainty", "L4",
    "|supp f| sum_pi d_pi rank f_hat(pi) >= N for random sparse, coset-indicator and dense f on random groups",
    "|supp f| * sum_pi d_pi rank f_hat(pi) >= N for nonzero f: G -> C",
    l4_uncertainty_property,
)
