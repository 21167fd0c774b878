"""Numeric checks of the F1 experiment (rotations of the plane by ``Z_100``).

Main results
------------
* ``F1.errors-on-f-below-class-errors`` -- for seeded random schemes of
  ``k = 1..20`` rotations, the errors on ``f`` are at most the class errors
  of the band class, up to the energy of ``f`` outside the band.  With ``s``
  the share of the non-invariant energy inside the band, the bounds are
  ``weak <= beta^2 + (1 - s)`` and ``strong <= Delta^2 + 4 (1 - s)``.  L2
  bounds the part of ``f`` in the band, and ``|chi(h) - 1|^2 <= 4`` the rest.
* ``F1.class-errors-match-engine`` -- ``beta^2`` and ``Delta^2`` of the
  experiment (from ``w_hat`` by FFT) equal those of the engine on the class
  ``band:K`` of ``cyclic:100``, and ``beta^2`` on the full class equals the
  engine on ``band:50``.

Implementation notes
--------------------
Tolerance: ``1e-9``, absolute on quantities of size at most 4 (sums of 100
terms in float64).
"""

from __future__ import annotations

import numpy as np

from theory.registry import CheckResult, register_check
from verify.classes import parse_class
from verify.defects import compute_defects
from verify.groups import parse_group
from verify.report import figure1
from verify.schemes import make_scheme

__all__ = ["F1_TOLERANCE"]

F1_TOLERANCE = 1e-9


def _energies():
    radii, dr, samples = figure1.polar_samples()
    energies = figure1.angular_energies(radii, dr, samples)
    bandwidth = figure1.band_limit(energies)
    magnitudes = np.abs(figure1.centered_frequencies())
    share = energies[(magnitudes >= 1) & (magnitudes <= bandwidth)].sum() / energies[1:].sum()
    return energies, bandwidth, float(share)


@register_check(
    "F1.errors-on-f-below-class-errors",
    "F1",
    "exhaustive",
    "errors on f are at most the band-class errors plus the energy of f outside the band, for random schemes",
)
def check_errors_on_f_below_class_errors(context) -> CheckResult:
    energies, bandwidth, share = _energies()
    rng = context.rng("F1.errors-on-f-below-class-errors")
    seeds = context.settings["trials"] // 2
    worst = np.inf
    worst_case = None
    for size in range(1, 21):
        quantities = figure1.error_quantities(
            figure1.scheme_transforms(rng.integers(0, figure1.ORDER, size=(seeds, size))), energies, bandwidth
        )

        # weak <= beta^2 + (1 - s) and strong <= Delta^2 + 4 (1 - s).
        weak_margin = quantities["beta^2 (band class)"] + (1 - share) - quantities["weak error on f"]
        strong_margin = quantities["Delta^2 (band class)"] + 4 * (1 - share) - quantities["strong error on f"]
        for name, margins in (("weak", weak_margin), ("strong", strong_margin)):
            index = int(np.argmin(margins))
            if margins[index] < worst:
                worst = float(margins[index])
                worst_case = (name, size, index)
    statement = (
        "weak error on f <= beta^2 + (1 - s) and strong error on f <= Delta^2 + 4 (1 - s) on the band class "
        f"|t| <= {bandwidth} carrying the share s = {share:.6f} of the non-invariant energy"
    )
    evidence = f"{seeds} seeds for each k = 1..20; smallest margin {worst:.3e} ({worst_case[0]}, k = {worst_case[1]})"
    return CheckResult(worst >= -F1_TOLERANCE, statement, margin=worst, evidence=evidence)


@register_check(
    "F1.class-errors-match-engine",
    "F1",
    "exhaustive",
    "beta^2 and Delta^2 of the F1 experiment equal the engine's on band:K and band:50 of cyclic:100",
)
def check_class_errors_match_engine(context) -> CheckResult:
    energies, bandwidth, _ = _energies()
    group = parse_group(f"cyclic:{figure1.ORDER}")
    band_class = parse_class(f"band:{bandwidth}", group)
    full_class = parse_class(f"band:{figure1.ORDER // 2}", group)
    rng = context.rng("F1.class-errors-match-engine")
    largest = 0.0
    count = context.settings["schemes"]
    for size in np.unique(np.geomspace(1, 60, num=count).astype(int)):
        draws = rng.integers(0, figure1.ORDER, size=(1, int(size)))
        quantities = figure1.error_quantities(figure1.scheme_transforms(draws), energies, bandwidth)
        elements, counts = np.unique(draws[0], return_counts=True)
        scheme = make_scheme(group, elements, counts / counts.sum())
        band = compute_defects(band_class, scheme)
        full = compute_defects(full_class, scheme)
        differences = (
            quantities["beta^2 (band class)"][0] - band.beta**2,
            quantities["Delta^2 (band class)"][0] - band.delta**2,
            quantities["beta^2 (full class)"][0] - full.beta**2,
        )
        largest = max(largest, max(abs(float(value)) for value in differences))
    statement = "beta^2 and Delta^2 from the FFT of the scheme equal the engine's defects on the same classes"
    evidence = f"random schemes of up to 60 rotations; largest difference {largest:.2e}, tolerance {F1_TOLERANCE:.0e}"
    return CheckResult(largest <= F1_TOLERANCE, statement, lhs=largest, rhs=F1_TOLERANCE, margin=F1_TOLERANCE - largest, evidence=evidence)
