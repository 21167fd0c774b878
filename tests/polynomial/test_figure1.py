"""Tests of the F1 experiment: errors on f against direct computation, class errors against the engine.

Oracles: the errors on f computed directly on the polar grid (rotations are
cyclic shifts of the angular index, P is the mean over all 100 shifts), and
beta, Delta of the band class from the engine (band:K on cyclic:100).
Tolerance: 1e-9 relative (float64 sums over 200 x 800 samples).
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from verify.classes import parse_class
from verify.defects import compute_defects
from verify.groups import parse_group
from verify.report import figure1
from verify.schemes import make_scheme

TOLERANCE = 1e-9


@pytest.fixture(scope="module")
def grid():
    radii, dr, samples = figure1.polar_samples()
    energies = figure1.angular_energies(radii, dr, samples)
    return radii, dr, samples, energies


def squared_norm(radii, dr, values):
    angle_step = 2 * np.pi / values.shape[1]
    return float((radii[:, None] * dr * angle_step * values**2).sum())


def rotate(samples, a):
    # (g_a . f)(theta) = f(theta - 2 pi a / 100): shift the angular index by q a.
    return np.roll(samples, figure1.ANGLES_PER_ROTATION * a, axis=1)


def test_energies_sum_to_norm(grid):
    radii, dr, samples, energies = grid
    assert energies.sum() == pytest.approx(squared_norm(radii, dr, samples), rel=TOLERANCE)
    assert np.all(energies >= 0)


def test_errors_on_f_match_direct_computation(grid):
    radii, dr, samples, energies = grid
    draws = np.array([[3, 17, 17, 58, 90]])
    quantities = figure1.error_quantities(figure1.scheme_transforms(draws), energies, figure1.band_limit(energies))
    averaged = np.mean([rotate(samples, a) for a in draws[0]], axis=0)
    invariant = np.mean([rotate(samples, a) for a in range(figure1.ORDER)], axis=0)
    non_invariant = squared_norm(radii, dr, samples - invariant)

    weak = np.mean([squared_norm(radii, dr, rotate(averaged, h) - averaged) for h in range(figure1.ORDER)])
    weak /= np.mean([squared_norm(radii, dr, rotate(samples, h) - samples) for h in range(figure1.ORDER)])
    strong = max(squared_norm(radii, dr, rotate(averaged, h) - averaged) for h in range(figure1.ORDER)) / non_invariant
    assert quantities["weak error on f"][0] == pytest.approx(weak, rel=TOLERANCE)
    assert quantities["strong error on f"][0] == pytest.approx(strong, rel=TOLERANCE)


def test_class_errors_match_engine(grid):
    *_, energies = grid
    bandwidth = figure1.band_limit(energies)
    group = parse_group("cyclic:100")
    rng = np.random.default_rng(3)
    draws = rng.integers(0, 100, size=(4, 5))
    quantities = figure1.error_quantities(figure1.scheme_transforms(draws), energies, bandwidth)
    for band_class, full_class, row in [(f"band:{bandwidth}", "band:50", i) for i in range(4)]:
        elements, counts = np.unique(draws[row], return_counts=True)
        scheme = make_scheme(group, elements, counts / counts.sum())
        band = compute_defects(parse_class(band_class, group), scheme)
        full = compute_defects(parse_class(full_class, group), scheme)
        assert quantities["beta^2 (band class)"][row] == pytest.approx(band.beta**2, rel=TOLERANCE)
        assert quantities["Delta^2 (band class)"][row] == pytest.approx(band.delta**2, rel=TOLERANCE)
        assert quantities["beta^2 (full class)"][row] == pytest.approx(full.beta**2, rel=TOLERANCE)


def test_band_carries_energy_share(grid):
    *_, energies = grid
    bandwidth = figure1.band_limit(energies)
    magnitudes = np.abs(figure1.centered_frequencies())
    share = energies[(magnitudes >= 1) & (magnitudes <= bandwidth)].sum() / energies[1:].sum()
    smaller = energies[(magnitudes >= 1) & (magnitudes <= bandwidth - 1)].sum() / energies[1:].sum()
    assert share >= figure1.ENERGY_SHARE
    assert smaller < figure1.ENERGY_SHARE


def test_quantities_ordered_and_in_range(grid):
    *_, energies = grid
    rng = np.random.default_rng(11)
    bandwidth = figure1.band_limit(energies)
    for size in (1, 2, 5, 20):
        quantities = figure1.error_quantities(figure1.scheme_transforms(rng.integers(0, 100, size=(50, size))), energies, bandwidth)
        weak, beta_band, beta_full = (quantities[name] for name in ("weak error on f", "beta^2 (band class)", "beta^2 (full class)"))
        assert np.all((weak >= 0) & (weak <= 1 + TOLERANCE))
        assert np.all((beta_band >= 0) & (beta_band <= 1 + TOLERANCE))
        assert np.all(weak <= beta_full + TOLERANCE)
        assert np.all(beta_band <= beta_full + TOLERANCE)
        # f is one function of the band class, up to its 0.1% of energy outside it.
        assert np.all(weak <= beta_band + 1 - figure1.ENERGY_SHARE + TOLERANCE)
        assert np.all(quantities["strong error on f"] <= 4 * beta_full + TOLERANCE)


def test_write_produces_figure_and_lines(tmp_path):
    from verify.checks.context import RunContext

    lines = figure1.write(tmp_path, RunContext())
    assert (tmp_path / "figure1.png").stat().st_size > 10_000
    assert (tmp_path / "figure1.json").exists()
    assert any("pictures are" in line for line in lines)


def test_describe_draws_counts_distinct():
    assert figure1.describe_draws([77, 33, 61, 12, 61]) == "5 random draws (4 distinct rotations)"
    assert figure1.describe_draws([3]) == "1 random draw (1 distinct rotation)"


def test_figure_panels_have_y_labels():
    result = figure1.experiment(np.random.default_rng(0), seeds=5, sizes=(1, 5))
    figure = figure1.draw_figure(result)
    bottom = figure.axes[3:]
    assert all(axis.get_ylabel() for axis in bottom)
    distinct = len(set(int(a) for a in result.figure_draws))
    assert f"({distinct} distinct rotation" in figure.axes[1].get_title()


def test_write_text_counts_distinct_rotations(tmp_path):
    from verify.checks.context import RunContext

    lines = figure1.write(tmp_path, RunContext())
    rotations = json.loads((tmp_path / "figure1.json").read_text())["figure_rotations"]
    distinct = len(set(rotations))
    assert any(f"{len(rotations)} random draws ({distinct} distinct" in line for line in lines)
