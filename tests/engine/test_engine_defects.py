"""Tests of ``verify.defects``: beta, Delta, the L2 sandwich and the L3 bound.

The oracle :func:`naive_defects` builds ``rho`` on ``F`` from the
multiplication table (``regular``), from the group's points (``action``)
or from the backend's matrices (``band`` and ``irreps``), then takes
``beta = ||A_w - P||`` with ``P = (1/N) sum_g rho(g)`` and ``Delta =
max_h ||rho(h) A_w - A_w||`` by a plain loop over every ``h``.  Both the
engine's Fourier path and its own definition oracle
(:func:`verify.defects.defects_from_definition`) are compared with it.

Tolerance: 1e-9 absolute on beta and Delta (both at most ``2 ||w||_1``).
The float64 errors of sums over at most 60 elements and of SVDs of
matrices of size at most 60 stay below 1e-12.
"""

from __future__ import annotations

import zlib

import numpy as np
import pytest
from scipy.linalg import block_diag
from sympy import QQ, I, Matrix, Rational, exp, pi
from sympy.polys.matrices import DomainMatrix

from engine_oracles import orbit_roots
from verify.classes import parse_class
from verify.defects import compute_defects, defects_from_definition, exactness_tolerance
from verify.groups import parse_group
from verify.errors import UsageError
from verify.schemes import make_scheme, parse_elements, random_scheme, subgroup_scheme, uniform_scheme

TOLERANCE = 1e-9

M11 = "perm:(0 1 2 3 4 5 6 7 8 9 10);(2 6 10 7)(3 9 4 5)"

#: Panel groups with an irreducible backend, used with the regular class.
PANEL_WITH_BACKEND = ["symmetric:5", "alternating:5", "dihedral:12", "quaternion", "hypercube:8", "cyclic:360"]

#: (group, class) pairs of order at most 60 covering every family and class kind.
SMALL_CASES = [
    ("cyclic:1", "regular"),
    ("cyclic:12", "regular"),
    ("cyclic:12", "band:2"),
    ("cyclic:12", "action"),
    ("abelian:2x6", "band:1"),
    ("abelian:2x2x3", "regular"),
    ("hypercube:3", "regular"),
    ("hypercube:3", "band:1"),
    ("dihedral:1", "regular"),
    ("dihedral:2", "regular"),
    ("dihedral:5", "regular"),
    ("dihedral:5", "action"),
    ("dihedral:6", "action"),
    ("dihedral:6", "irreps:2,4"),
    ("quaternion", "regular"),
    ("quaternion", "irreps:4"),
    ("quaternion", "action"),
    ("symmetric:3", "regular"),
    ("symmetric:4", "regular"),
    ("symmetric:4", "action"),
    ("symmetric:4", "irreps:1,1,2"),
    ("alternating:4", "regular"),
    ("alternating:4", "action"),
    ("alternating:5", "action"),
    ("alternating:5", "irreps:1,3"),
    ("alternating:5", "regular"),
    ("perm:(0 1 2 3 4);(1 2 4 3)", "action"),
    ("perm:(0 1 2 3 4);(1 2 4 3)", "irreps:4"),
    ("perm:(0 1 2)(3 4);(0 3)", "action"),
]


def point_images(group) -> np.ndarray:
    """Return the image arrays of every element on the points of the action class."""
    if group.family in ("symmetric", "alternating", "perm"):
        return group.permutations
    if group.family == "dihedral":
        rows = []
        for element in group.elements():
            a, b = (int(x) for x in group.split(element))
            rows.append([((-1) ** b * x + a) % group.n for x in range(group.n)])
        return np.array(rows)
    return group.multiplication_table


def naive_representation(function_class) -> np.ndarray:
    """Return ``rho(g)`` on ``F`` for every element ``g``, shape ``(N, m, m)``."""
    group = function_class.group
    if function_class.kind in ("regular", "action"):
        images = group.multiplication_table if function_class.kind == "regular" else point_images(group)
        size = images.shape[1]
        matrices = np.zeros((group.order, size, size))
        for g in range(group.order):
            for x in range(size):
                matrices[g, images[g, x], x] = 1.0
        return matrices
    backend = group.irreducible_backend
    stacks = []
    for index, count in function_class.multiplicities.items():
        stacks += [backend.matrices(index, group.elements())] * count
    return np.array([block_diag(*(stack[g] for stack in stacks)) for g in range(group.order)])


def naive_defects(function_class, scheme) -> tuple[float, float]:
    """Return ``(beta, Delta)`` from the definitions by plain loops."""
    matrices = naive_representation(function_class)
    averaging = sum(weight * matrices[g] for g, weight in zip(scheme.elements, scheme.weights))
    projection = matrices.mean(axis=0)
    beta = np.linalg.norm(averaging - projection, ord=2)
    delta = max(np.linalg.norm(matrix @ averaging - averaging, ord=2) for matrix in matrices)
    return float(beta), float(delta)


def sample_schemes(group, seed):
    """Return nonnegative and signed random schemes of sizes 1, about N/3 and N."""
    rng = np.random.default_rng(seed)
    schemes = []
    for draws in sorted({1, max(1, group.order // 3), group.order}):
        schemes.append(random_scheme(group, draws, int(rng.integers(2**31))))
        elements = rng.choice(group.order, size=draws, replace=False)
        weights = rng.normal(size=draws)
        weights = weights / weights.sum() if abs(weights.sum()) > 0.1 else np.full(draws, 1.0 / draws)
        schemes.append(make_scheme(group, elements, weights))
    return schemes




# -- engine against the definitions ---------------------------------------------------


@pytest.mark.parametrize("group_spec, class_spec", SMALL_CASES)
def test_compute_defects_matches_naive(group_spec, class_spec):
    group = parse_group(group_spec)
    function_class = parse_class(class_spec, group)
    for scheme in sample_schemes(group, seed=zlib.crc32(f"{group_spec} {class_spec}".encode())):
        beta, delta = naive_defects(function_class, scheme)
        report = compute_defects(function_class, scheme)
        assert abs(report.beta - beta) < TOLERANCE, scheme.weights
        assert report.delta is not None
        assert abs(report.delta - delta) < TOLERANCE, scheme.weights


@pytest.mark.parametrize("group_spec, class_spec", SMALL_CASES)
def test_definition_oracle_matches_naive(group_spec, class_spec):
    group = parse_group(group_spec)
    function_class = parse_class(class_spec, group)
    for scheme in sample_schemes(group, seed=17):
        beta, delta = naive_defects(function_class, scheme)
        engine_beta, engine_delta = defects_from_definition(function_class, scheme)
        assert abs(engine_beta - beta) < TOLERANCE
        assert abs(engine_delta - delta) < TOLERANCE


@pytest.mark.parametrize("group_spec, class_spec", SMALL_CASES)
def test_weak_and_strong_epsilon_are_squares(group_spec, class_spec):
    group = parse_group(group_spec)
    report = compute_defects(parse_class(class_spec, group), random_scheme(group, 3, seed=1))
    assert report.weak_epsilon == report.beta**2
    assert report.strong_epsilon == report.delta**2
    assert report.sandwich_lower == np.sqrt(2) * report.beta
    assert report.sandwich_upper == 2 * report.beta


# -- exact and non-exact schemes ------------------------------------------------------


@pytest.mark.parametrize("spec", PANEL_WITH_BACKEND)
def test_uniform_scheme_has_zero_defect(spec):
    group = parse_group(spec)
    report = compute_defects(parse_class("regular", group), uniform_scheme(group))
    assert report.beta < 1e-10
    assert report.delta is not None
    assert report.delta < 1e-10
    assert report.exactly_invariant


@pytest.mark.parametrize("group_spec, class_spec", SMALL_CASES)
def test_uniform_scheme_exact_on_every_small_class(group_spec, class_spec):
    group = parse_group(group_spec)
    report = compute_defects(parse_class(class_spec, group), uniform_scheme(group))
    assert report.delta < 1e-10
    assert report.exactly_invariant


@pytest.mark.parametrize("spec", PANEL_WITH_BACKEND)
def test_small_random_scheme_obeys_sandwich_and_welch(spec):
    group = parse_group(spec)
    for draws in (1, 5, group.order // 4, group.order - 1):
        scheme = random_scheme(group, draws, seed=draws)
        size, order = scheme.size, group.order
        assert size < order
        report = compute_defects(parse_class("regular", group), scheme)
        # L3 (Welch): beta^2 >= (N - k) / (k (N - 1)) for a scheme of size k.
        welch = (order - size) / (size * (order - 1))
        assert report.beta**2 >= welch - 1e-12
        assert report.delta > 0
        assert not report.exactly_invariant
        # L2: sqrt(2) beta <= Delta <= 2 beta.
        assert np.sqrt(2) * report.beta <= report.delta + TOLERANCE
        assert report.delta <= 2 * report.beta + TOLERANCE


def test_welch_bound_for_signed_scheme():
    group = parse_group("dihedral:12")
    rng = np.random.default_rng(8)
    elements = rng.choice(24, size=6, replace=False)
    weights = np.array([2.0, -1.0, 0.5, 0.5, -0.25, -0.75])
    scheme = make_scheme(group, elements, weights)
    report = compute_defects(parse_class("regular", group), scheme)
    # Signed weights also satisfy sum w^2 >= 1/k (Cauchy-Schwarz), so the bound is the same.
    assert report.beta**2 >= (24 - 6) / (6 * 23)
    assert report.tolerance == exactness_tolerance(scheme) == pytest.approx(1e-10 * 5.0, rel=1e-12)


def test_transitive_subgroup_exact_on_action_not_on_regular():
    # Averaging over the rotations of the 12-gon is exact on functions of the
    # vertices (transitive), but on L^2(G) it is a projection of rank 12 < 24, so beta = 1.
    group = parse_group("dihedral:12")
    scheme = subgroup_scheme(group, parse_elements(group, ["(0 1 2 3 4 5 6 7 8 9 10 11)"]))
    action = compute_defects(parse_class("action", group), scheme)
    regular = compute_defects(parse_class("regular", group), scheme)
    assert action.exactly_invariant
    assert action.delta < 1e-10
    assert abs(regular.beta - 1) < TOLERANCE
    assert not regular.exactly_invariant


def test_max_order_drops_delta():
    group = parse_group("symmetric:5")
    scheme = random_scheme(group, 10, seed=0)
    full = compute_defects(parse_class("regular", group), scheme)
    limited = compute_defects(parse_class("regular", group), scheme, max_order=100)
    assert limited.delta is None
    assert limited.strong_epsilon is None
    assert abs(limited.beta - full.beta) < TOLERANCE
    assert limited.sandwich_lower <= full.delta + TOLERANCE <= limited.sandwich_upper + 2 * TOLERANCE


def test_scheme_on_other_group_rejected():
    with pytest.raises(UsageError, match="cannot act on a class of 'cyclic:6'"):
        compute_defects(parse_class("regular", parse_group("cyclic:6")), uniform_scheme(parse_group("cyclic:5")))


# -- paths without a backend ---------------------------------------------------------


def orbit_projection(generators) -> np.ndarray:
    """Return the projection onto functions constant on orbits, from the generators' images."""
    roots = orbit_roots(generators.shape[1], generators)
    same = (roots[:, None] == roots[None, :]).astype(float)
    return same / same.sum(axis=1, keepdims=True)


def points_averaging(images, weights) -> np.ndarray:
    averaging = np.zeros((images.shape[1], images.shape[1]))
    for image, weight in zip(images, weights):
        for x, y in enumerate(image):
            averaging[y, x] += weight
    return averaging


def test_m11_action_points_path():
    group = parse_group(M11)
    scheme = random_scheme(group, 12, seed=4)
    report = compute_defects(parse_class("action", group), scheme)
    images = group.permutations
    averaging = points_averaging(images[scheme.elements], scheme.weights)
    projection = orbit_projection(group.generator_permutations)
    beta = np.linalg.norm(averaging - projection, ord=2)
    # rho(h) A_w moves row x of A_w to row h(x).
    translated = np.zeros((group.order, 11, 11))
    translated[np.arange(group.order)[:, None], images] = averaging[None]
    delta = np.linalg.norm(translated - averaging[None], ord=2, axis=(1, 2)).max()
    assert report.method.startswith("points")
    assert abs(report.beta - beta) < TOLERANCE
    assert abs(report.delta - delta) < TOLERANCE
    assert np.sqrt(2) * report.beta <= report.delta + TOLERANCE <= 2 * report.beta + 2 * TOLERANCE


def test_m11_uniform_is_exact_on_action():
    group = parse_group(M11)
    report = compute_defects(parse_class("action", group), uniform_scheme(group))
    assert report.exactly_invariant
    assert report.beta < 1e-10


def test_rubik_2_action_reports_sandwich():
    group = parse_group("rubik:2")
    scheme = random_scheme(group, 30, seed=1)
    report = compute_defects(parse_class("action", group), scheme)
    averaging = points_averaging(scheme.elements, scheme.weights)
    projection = orbit_projection(group.generator_permutations)
    beta = np.linalg.norm(averaging - projection, ord=2)
    assert report.delta is None
    assert report.strong_epsilon is None
    assert abs(report.beta - beta) < TOLERANCE
    assert report.beta > 0
    assert report.sandwich_lower == np.sqrt(2) * report.beta
    assert report.sandwich_upper == 2 * report.beta
    assert not report.exactly_invariant


@pytest.mark.parametrize("spec, support", [("symmetric:4", 5), ("dihedral:6", 12), ("cyclic:1600", 30)])
def test_matrix_free_regular_beta_matches_fourier(spec, support):
    # The matrix-free path (dense below order 1500, Lanczos above) runs on
    # groups without a backend; here it is forced on groups with one.
    from verify.defects import _regular_matrix_free

    group = parse_group(spec)
    function_class = parse_class("regular", group)
    scheme = random_scheme(group, support, seed=6)
    fourier = compute_defects(function_class, scheme)
    matrix_free = _regular_matrix_free(function_class, scheme)
    assert matrix_free.delta is None
    assert abs(matrix_free.beta - fourier.beta) < 1e-7


# -- characters -------------------------------------------------------------------


@pytest.mark.parametrize("group_spec, class_spec", [("cyclic:12", "regular"), ("cyclic:12", "band:2"), ("abelian:2x6", "regular"), ("cyclic:360", "band:5"), ("abelian:3x4x5", "band:1")])
def test_character_delta_closed_form_matches_enumeration(group_spec, class_spec):
    group = parse_group(group_spec)
    function_class = parse_class(class_spec, group)
    backend = group.irreducible_backend
    scheme = random_scheme(group, 7, seed=3)
    report = compute_defects(function_class, scheme)
    values = backend.character_values(np.arange(group.order), group.elements())
    best = 0.0
    for t in function_class.spectrum:
        transform = np.sum(scheme.weights * values[scheme.elements, t])
        # max over h of |chi(h) - 1| |w_hat(chi)|, every h enumerated.
        best = max(best, float(np.abs(values[:, t] - 1).max() * abs(transform)))
        order = backend.character_orders([t])[0]
        factor = 2 * np.sin(np.pi * (order // 2) / order)
        assert abs(np.abs(values[:, t] - 1).max() - factor) < TOLERANCE
    assert abs(report.delta - best) < TOLERANCE
    assert report.method == "Fourier (characters (FFT))"


def test_band_3_exact_scheme_on_z7_is_uniform():
    # A real scheme w on Z_7 exact for band:3 has w_hat(chi_t) = 0 for t = 1..6 and sum w = 1.
    # The 7 x 7 system over Q(zeta_7) has full rank, so w = 1/7 is its only solution.
    zeta = exp(2 * pi * I / 7)
    field = QQ.algebraic_field(zeta)
    root = field.from_sympy(zeta)
    rows = [[field.one] * 7] + [[root ** ((t * g) % 7) for g in range(7)] for t in range(1, 7)]
    system = DomainMatrix(rows, (7, 7), field)
    assert system.rank() == 7
    right_side = DomainMatrix([[field.one]] + [[field.zero]] * 6, (7, 1), field)
    solution = system.lu_solve(right_side).to_Matrix()
    assert solution == Matrix([Rational(1, 7)] * 7)

    group = parse_group("cyclic:7")
    function_class = parse_class("band:3", group)
    assert function_class.spectrum == (1, 2, 3, 4, 5, 6)
    assert compute_defects(function_class, uniform_scheme(group)).exactly_invariant
    for draws in range(1, 7):
        report = compute_defects(function_class, random_scheme(group, draws, seed=draws))
        assert not report.exactly_invariant


def test_band_2_on_z7_has_non_uniform_exact_scheme():
    # band:2 misses chi_3 and chi_4, so w = 1/7 + c Re(chi_3) is exact for it but not uniform.
    group = parse_group("cyclic:7")
    weights = np.full(7, 1 / 7) + 0.05 * np.cos(2 * np.pi * 3 * np.arange(7) / 7)
    weights = weights / weights.sum()
    scheme = make_scheme(group, np.arange(7), weights)
    assert compute_defects(parse_class("band:2", group), scheme).delta < 1e-10
    assert compute_defects(parse_class("band:3", group), scheme).delta > 1e-3
