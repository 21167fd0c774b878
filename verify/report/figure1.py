"""Figure 1 (experiment F1): averaging an anisotropic function over rotations of the plane.

The cyclic group ``Z_100`` acts on ``R^2`` by the rotations ``R(2 pi a / 100)``,
and ``(g . f)(x) = f(g^-1 x)``.  The function is the shifted anisotropic
Gaussian

    f(x) = exp(-((x_1 - a)^2 / (2 sigma_1^2) + (x_2 - b)^2 / (2 sigma_2^2)))

with ``a = 1, b = 0.5, sigma_1 = 0.6, sigma_2 = 0.2`` (:data:`GAUSSIAN`).
The figure sets the average over ``k = 5`` independent uniform draws of a
rotation (a draw may repeat, and the title and the text give the number of
distinct rotations) beside the full average over all 100, and the report
gives two different quantities, each by name:

1. errors on ``f`` itself: the weak relative error
   ``E_h ||h.A_w f - A_w f||^2 / E_h ||h.f - f||^2`` and the strong relative
   error ``max_h ||h.A_w f - A_w f||^2 / ||f - Pf||^2``;
2. class errors ``beta^2`` and ``Delta^2`` on the band-limited class spanned
   by the angular frequencies ``1 <= |t| <= K`` with ``K`` the least band
   carrying 99.9% of the non-invariant energy of ``f``, and ``beta^2`` on the
   full class of all 99 nontrivial frequencies.

Main definitions
----------------
* :func:`angular_energies` -- ``E_t``, the energy of ``f`` at each character
  ``t`` of ``Z_100``, from the Fourier series of ``f`` along each ring.
* :func:`scheme_transforms` -- ``w_hat(t)`` of uniform schemes of ``k``
  random rotations, for many seeds at once.
* :func:`error_quantities` -- the five quantities above, per seed.
* :func:`experiment` -- the full F1 computation; :func:`write` -- the
  report section (figure, JSON numbers, summary lines).
* :func:`describe_draws` -- "5 draws (4 distinct rotations)", the wording
  of the figure title and the text.

Main results
------------
The band class carries the share ``s >= 0.999`` of the non-invariant energy
of ``f``, so L2 bounds the errors on ``f`` by the class errors up to that
remainder: ``weak error on f <= beta^2 + (1 - s)`` and
``strong error on f <= Delta^2 + 4 (1 - s)`` for every scheme.  Because
``E_h ||h.u - u||^2 = 2 ||u - Pu||^2``, the weak error on ``f`` equals
``||A_w f - Pf||^2 / ||f - Pf||^2``.  This is the squared distance between
the two pictures, relative to the non-invariant part of ``f``.

Implementation notes
--------------------
``f`` is sampled on a polar grid: :data:`RINGS` rings at the midpoints of
``[0, RADIUS]`` and ``100 q`` angles (``q =`` :data:`ANGLES_PER_ROTATION`),
so a rotation by ``2 pi a / 100`` shifts the angular index by ``q a``.  The
squared ``L^2`` norm is the midpoint rule ``sum r dr dtheta |f|^2``.  The
angular frequency ``m`` of the Fourier series transforms under ``Z_100`` as
the character ``t = m mod 100``, so ``E_t`` sums the energies of all
``m = t mod 100``.  With ``q = 8`` the series resolves ``|m| < 400``; the
energy of ``f`` above ``|m| = 60`` is below ``1e-12`` of the total.

A uniform scheme of ``k`` draws is the empirical measure of ``k``
independent uniform rotations, so its size is at most ``k``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

__all__ = [
    "GAUSSIAN",
    "ORDER",
    "angular_energies",
    "band_limit",
    "scheme_transforms",
    "error_quantities",
    "experiment",
    "describe_draws",
    "draw_figure",
    "write",
]

#: Order of the rotation group.
ORDER = 100

#: Parameters ``(a, b, sigma_1, sigma_2)`` of the shifted anisotropic Gaussian.
GAUSSIAN = (1.0, 0.5, 0.6, 0.2)

#: Polar grid: number of rings, outer radius and angles per rotation step.
RINGS = 200
RADIUS = 4.0
ANGLES_PER_ROTATION = 8

#: Share of the non-invariant energy that the band class must carry.
ENERGY_SHARE = 0.999

#: Random rotations in the figure, seeds per distribution, target error and probability.
FIGURE_DRAWS = 5
SEEDS = 200
TARGET_ERROR = 0.1
TARGET_PROBABILITY = 0.9

QUANTITY_NAMES = (
    "weak error on f",
    "strong error on f",
    "beta^2 (band class)",
    "Delta^2 (band class)",
    "beta^2 (full class)",
)


def gaussian(x1, x2, parameters=GAUSSIAN):
    """Return ``f(x)`` of the shifted anisotropic Gaussian with ``parameters = (a, b, sigma_1, sigma_2)``."""
    a, b, sigma1, sigma2 = parameters
    return np.exp(-((x1 - a) ** 2 / (2 * sigma1**2) + (x2 - b) ** 2 / (2 * sigma2**2)))


def polar_samples(parameters=GAUSSIAN):
    """Return ``(radii, dr, samples)``: ``f`` on the polar grid, shape ``(RINGS, ORDER * ANGLES_PER_ROTATION)``."""
    dr = RADIUS / RINGS
    radii = (np.arange(RINGS) + 0.5) * dr
    angles = 2 * np.pi * np.arange(ORDER * ANGLES_PER_ROTATION) / (ORDER * ANGLES_PER_ROTATION)
    x1 = radii[:, None] * np.cos(angles)[None, :]
    x2 = radii[:, None] * np.sin(angles)[None, :]
    return radii, dr, gaussian(x1, x2, parameters)


def angular_energies(radii, dr: float, samples: np.ndarray, order: int = ORDER) -> np.ndarray:
    """Return ``E_t`` for ``t = 0..order-1``: the squared ``L^2`` norm of the ``t``-isotypic part of ``f``.

    Parameters
    ----------
    radii : (R,) ndarray
    dr : float
        Ring width.
    samples : (R, M) ndarray
        ``f`` on the rings at ``M`` equally spaced angles, ``M`` a multiple of ``order``.

    Returns
    -------
    (order,) ndarray
        Energies summing to the squared norm ``sum r dr dtheta |f|^2`` (Parseval).
    """
    angle_count = samples.shape[1]
    if angle_count % order:
        raise ValueError(f"the number of angles must be a multiple of {order}, got {angle_count}")
    coefficients = np.fft.fft(samples, axis=1) / angle_count

    # Parseval along each ring: int |f|^2 dtheta = 2 pi sum_m |c_m|^2.
    per_frequency = (2 * np.pi * dr * radii[:, None] * np.abs(coefficients) ** 2).sum(axis=0)
    return per_frequency.reshape(-1, order).sum(axis=0)


def centered_frequencies(order: int = ORDER) -> np.ndarray:
    """Return ``t`` in ``(-order/2, order/2]`` for ``t = 0..order-1``."""
    t = np.arange(order)
    return np.where(t > order // 2, t - order, t)


def band_limit(energies: np.ndarray, share: float = ENERGY_SHARE) -> int:
    """Return the least ``K`` with ``sum over 1 <= |t| <= K`` of ``E_t`` at least ``share`` of ``sum over t != 0``."""
    magnitudes = np.abs(centered_frequencies(len(energies)))
    total = energies[1:].sum()
    for bandwidth in range(1, len(energies) // 2 + 1):
        if energies[(magnitudes >= 1) & (magnitudes <= bandwidth)].sum() >= share * total:
            return bandwidth
    return len(energies) // 2


def scheme_transforms(draws: np.ndarray, order: int = ORDER) -> np.ndarray:
    """Return ``w_hat(t) = (1/k) sum_i exp(-2 pi i t a_i / order)`` for each row of draws.

    Parameters
    ----------
    draws : (S, k) ndarray of int
        ``S`` schemes of ``k`` rotation indices each.

    Returns
    -------
    (S, order) ndarray of complex
    """
    counts = np.zeros((draws.shape[0], order))
    np.add.at(counts, (np.arange(draws.shape[0])[:, None], draws), 1.0)
    return np.fft.fft(counts, axis=1) / draws.shape[1]


def translation_factors(order: int = ORDER) -> np.ndarray:
    """Return ``|chi_t(h) - 1|^2 = 2 - 2 cos(2 pi t h / order)`` as an ``(h, t)`` table."""
    phases = 2 * np.pi * np.outer(np.arange(order), np.arange(order)) / order
    return 2 - 2 * np.cos(phases)


def error_quantities(transforms: np.ndarray, energies: np.ndarray, bandwidth: int) -> dict:
    """Return the five F1 quantities for each scheme.

    Parameters
    ----------
    transforms : (S, order) ndarray of complex
        ``w_hat(t)`` per scheme.
    energies : (order,) ndarray
        ``E_t`` of ``f``.
    bandwidth : int
        ``K`` of the band class ``1 <= |t| <= K``.

    Returns
    -------
    dict of str to (S,) ndarray
        Keyed by :data:`QUANTITY_NAMES`.
    """
    order = len(energies)
    squared = np.abs(transforms) ** 2
    squared[:, 0] = 0.0
    factors = translation_factors(order)
    non_invariant = energies[1:].sum()
    magnitudes = np.abs(centered_frequencies(order))
    band = (magnitudes >= 1) & (magnitudes <= bandwidth)

    # On f: E_h ||h.u - u||^2 = 2 ||u - Pu||^2 on both sides, so the weak ratio is sum |w_hat|^2 E_t / sum E_t.
    weighted = squared * energies
    weak = weighted.sum(axis=1) / non_invariant
    strong = (weighted @ factors.T).max(axis=1) / non_invariant

    # On the class (L1): beta = max |w_hat(t)|, Delta^2 = max_t max_h |chi_t(h) - 1|^2 |w_hat(t)|^2.
    beta_band = squared[:, band].max(axis=1)
    delta_band = (squared[:, band] * factors.max(axis=0)[band]).max(axis=1)
    beta_full = squared[:, 1:].max(axis=1)
    return dict(zip(QUANTITY_NAMES, (weak, strong, beta_band, delta_band, beta_full)))


@dataclass(frozen=True)
class F1Result:
    """Numbers of the F1 experiment (see :func:`experiment`)."""

    energies: np.ndarray
    bandwidth: int
    band_share: float
    figure_draws: np.ndarray
    figure_quantities: dict
    picture_distance: float
    distributions: dict
    sizes: tuple
    quantiles_by_size: dict
    smallest_sizes: dict
    t2_sample_size: int


#: Sizes ``k`` searched: every size up to 100, then steps of 10 up to 800.
SIZES = tuple(range(1, 101)) + tuple(range(110, 801, 10))


def experiment(rng: np.random.Generator, seeds: int = SEEDS, sizes=SIZES) -> F1Result:
    """Run F1: energies, the band class, the 5-draw scheme and the distributions over seeds.

    Parameters
    ----------
    rng : numpy.random.Generator
        Source of every random rotation.
    seeds : int
        Schemes drawn per size ``k``.
    sizes : sequence of int
        The sizes ``k`` searched for the least one reaching :data:`TARGET_ERROR`.
    """
    radii, dr, samples = polar_samples()
    energies = angular_energies(radii, dr, samples)
    bandwidth = band_limit(energies)
    magnitudes = np.abs(centered_frequencies())
    band_share = float(energies[(magnitudes >= 1) & (magnitudes <= bandwidth)].sum() / energies[1:].sum())

    figure_draws = rng.integers(0, ORDER, size=(1, FIGURE_DRAWS))
    figure_quantities = {name: float(values[0]) for name, values in error_quantities(scheme_transforms(figure_draws), energies, bandwidth).items()}
    transforms = scheme_transforms(figure_draws)
    picture_distance = math.sqrt(float((np.abs(transforms[0, 1:]) ** 2 * energies[1:]).sum() / energies[0]))

    # The 90% quantile of each quantity for every k, and the least k with quantile <= target.
    quantiles = {name: [] for name in QUANTITY_NAMES}
    distributions = {}
    for size in sizes:
        values = error_quantities(scheme_transforms(rng.integers(0, ORDER, size=(seeds, size))), energies, bandwidth)
        for name in QUANTITY_NAMES:
            quantiles[name].append(float(np.quantile(values[name], TARGET_PROBABILITY)))
        if size == FIGURE_DRAWS:
            distributions = values
    smallest = {}
    for name in QUANTITY_NAMES:
        reached = [k for k, value in zip(sizes, quantiles[name]) if value <= TARGET_ERROR]
        smallest[name] = reached[0] if reached else None

    # T2: k >= (8 / (3 eps)) ln(2 D / delta) for weak eps with probability 1 - delta; D = 2K on the band class.
    t2 = math.ceil(8 / (3 * TARGET_ERROR) * math.log(2 * 2 * bandwidth / (1 - TARGET_PROBABILITY)))
    return F1Result(
        energies=energies,
        bandwidth=bandwidth,
        band_share=band_share,
        figure_draws=figure_draws[0],
        figure_quantities=figure_quantities,
        picture_distance=picture_distance,
        distributions=distributions,
        sizes=tuple(sizes),
        quantiles_by_size=quantiles,
        smallest_sizes=smallest,
        t2_sample_size=t2,
    )


# -- the figure ---------------------------------------------------------------------------


def describe_draws(draws) -> str:
    """Return ``"5 random draws (4 distinct rotations)"`` for the rotation indices ``draws``."""
    distinct = len(set(int(a) for a in draws))
    draw_noun = "draw" if len(draws) == 1 else "draws"
    rotation_noun = "rotation" if distinct == 1 else "rotations"
    return f"{len(draws)} random {draw_noun} ({distinct} distinct {rotation_noun})"


def _rotated_average(x1, x2, rotations) -> np.ndarray:
    """Return ``(1/k) sum_a f(R(-2 pi a / 100) x)`` on a grid."""
    total = np.zeros_like(x1)
    for a in rotations:
        angle = -2 * np.pi * a / ORDER
        total += gaussian(np.cos(angle) * x1 - np.sin(angle) * x2, np.sin(angle) * x1 + np.cos(angle) * x2)
    return total / len(rotations)


def draw_figure(result: F1Result):
    """Return the Figure 1 matplotlib figure: three pictures above, three panels of numbers below."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    axis = np.linspace(-2.5, 2.5, 251)
    x1, x2 = np.meshgrid(axis, axis)
    pictures = [
        ("f", gaussian(x1, x2)),
        (f"average over {describe_draws(result.figure_draws)}", _rotated_average(x1, x2, result.figure_draws)),
        (f"average over all {ORDER} rotations", _rotated_average(x1, x2, range(ORDER))),
    ]
    figure, axes = plt.subplots(2, 3, figsize=(15, 9.5))
    for ax, (title, values) in zip(axes[0], pictures):
        ax.imshow(values, extent=(-2.5, 2.5, -2.5, 2.5), origin="lower", cmap="viridis")
        ax.set_title(title)
        ax.set_aspect("equal")

    names = list(QUANTITY_NAMES)
    axes[1, 0].boxplot([result.distributions[name] for name in names], whis=(5, 95))
    axes[1, 0].set_xticks(range(1, len(names) + 1), [name.replace(" (", "\n(").replace(" on f", "\non f") for name in names], fontsize=8)
    axes[1, 0].axhline(TARGET_ERROR, color="gray", linestyle="--", linewidth=1)
    axes[1, 0].set_ylabel("relative error on f, or squared class defect")
    axes[1, 0].set_title(f"k = {FIGURE_DRAWS} independent draws, {len(result.distributions[names[0]])} seeds")

    sizes = np.array(result.sizes)
    for name in names:
        axes[1, 1].plot(sizes, result.quantiles_by_size[name], label=name)
    axes[1, 1].axhline(TARGET_ERROR, color="gray", linestyle="--", linewidth=1)
    axes[1, 1].set_xlabel("k (independent uniform draws)")
    axes[1, 1].set_ylabel(f"{int(TARGET_PROBABILITY * 100)}% quantile over seeds")
    axes[1, 1].set_yscale("log")
    axes[1, 1].set_xscale("log")
    axes[1, 1].legend(fontsize=8)
    axes[1, 1].set_title("errors against the number of rotations")

    frequencies = np.arange(1, ORDER // 2 + 1)
    folded = result.energies[1 : ORDER // 2 + 1] + np.concatenate([result.energies[ORDER // 2 + 1 :][::-1], [0.0]])
    axes[1, 2].semilogy(frequencies, folded / result.energies[1:].sum(), marker=".")
    axes[1, 2].axvline(result.bandwidth, color="gray", linestyle="--", linewidth=1)
    axes[1, 2].set_xlabel("|t| (angular frequency mod 100)")
    axes[1, 2].set_ylabel("share of the non-invariant energy at |t|")
    axes[1, 2].set_title(f"share of non-invariant energy; band K = {result.bandwidth}")
    figure.tight_layout()
    return figure


def _plot(path: Path, result: F1Result) -> None:
    import matplotlib.pyplot as plt

    figure = draw_figure(result)
    figure.savefig(path, dpi=90)
    plt.close(figure)


def write(directory, context) -> list[str]:
    """Write ``figure1.png`` and ``figure1.json`` into ``directory``; return summary lines."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    result = experiment(context.rng("F1.figure"))
    _plot(directory / "figure1.png", result)

    medians = {name: float(np.median(values)) for name, values in result.distributions.items()}
    numbers = {
        "function": "exp(-((x1 - a)^2/(2 s1^2) + (x2 - b)^2/(2 s2^2)))",
        "parameters": dict(zip(("a", "b", "sigma_1", "sigma_2"), GAUSSIAN)),
        "bandwidth": result.bandwidth,
        "band_energy_share": result.band_share,
        "figure_rotations": [int(a) for a in result.figure_draws],
        "figure_quantities": result.figure_quantities,
        "picture_distance_relative_to_Pf": result.picture_distance,
        "medians_at_k_5": medians,
        "smallest_k_for_error_0.1_with_probability_0.9": result.smallest_sizes,
        "t2_weak_sample_size": result.t2_sample_size,
        "seeds": SEEDS,
    }
    (directory / "figure1.json").write_text(json.dumps(numbers, indent=2))

    figure = result.figure_quantities
    close = "close" if figure["weak error on f"] <= TARGET_ERROR else "not close"
    criterion = f"by the criterion weak error on f <= {TARGET_ERROR}"
    ratio = medians["beta^2 (full class)"] / medians["weak error on f"]
    lines = [
        f"F1: Z_100 rotating R^2, f = shifted anisotropic Gaussian (a, b, sigma_1, sigma_2) = {GAUSSIAN}; "
        f"figure1.png, numbers in figure1.json.",
        f"Band class: |t| <= {result.bandwidth} carries {100 * result.band_share:.3f}% of the non-invariant energy "
        f"(D(F) = {2 * result.bandwidth}).",
        f"The figure's {describe_draws(result.figure_draws)} {[int(a) for a in result.figure_draws]}: errors on f are weak "
        f"{figure['weak error on f']:.4f} and strong {figure['strong error on f']:.4f}; the class errors are "
        f"beta^2 = {figure['beta^2 (band class)']:.4f}, Delta^2 = {figure['Delta^2 (band class)']:.4f} on the band "
        f"and beta^2 = {figure['beta^2 (full class)']:.4f} on all 99 frequencies.",
        f"The two pictures are {close} {criterion}: ||A_w f - Pf||^2 / ||f - Pf||^2 = {figure['weak error on f']:.4f} "
        f"(the weak error on f) and ||A_w f - Pf|| / ||Pf|| = {result.picture_distance:.4f}.",
        f"Medians over {SEEDS} seeds at k = {FIGURE_DRAWS}: "
        + ", ".join(f"{name} {value:.4f}" for name, value in medians.items())
        + f"; beta^2 on the full class is {ratio:.1f} times the weak error on f.",
        f"Smallest k with error <= {TARGET_ERROR} in {int(100 * TARGET_PROBABILITY)}% of {SEEDS} seeds: "
        + ", ".join(f"{name} {value}" for name, value in result.smallest_sizes.items())
        + f"; the T2 sample size for weak epsilon = {TARGET_ERROR}, delta = {1 - TARGET_PROBABILITY:.1f} on the band "
        f"class is {result.t2_sample_size}.",
    ]
    return lines
