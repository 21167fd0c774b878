"""Report section: the exponential separation of exact and approximate averaging complexity (T4), and T2 tails.

Main definitions
----------------
* :func:`write` -- draws ``separation.png`` and ``tail.png`` into the report
  directory and returns summary lines with the numbers plotted.
* :func:`draw_tail` -- the ``tail.png`` figure: empirical tail and the
  unclipped T2 bound, with the vacuous range above probability 1 shaded.

Main results
------------
* T4: for the regular class ``AC_ex = N`` (T1(b)) while
  ``AC_st(eps) <= floor((32/(3 eps)) ln(2D)) + 1`` and
  ``AC_wk(eps) <= floor((8/(3 eps)) ln(2D)) + 1`` with ``D = D(F) = N - 1``
  on abelian groups.  The figure plots ``N``, the T2 existence bounds, the
  certified upper ends of :func:`approximate_complexity` (explicit schemes
  whose defects were computed) and the T3 lower ends, over cyclic groups up
  to order ``10^5`` and hypercubes up to ``2^16``.
* T2: the empirical frequency of ``beta >= sqrt(eps)`` over seeded random
  schemes on ``Z_360`` with Clopper-Pearson intervals, against
  ``2 D exp(-3 k eps / 8)``.

Implementation notes
--------------------
``epsilon = 0.1`` throughout.  The default profile plots four hypercubes and
uses 8 random multisets per number of draws, so the section runs in about
25 seconds on one core.  The thorough profile plots every dimension from 3
to 16 and uses 32 multisets.
"""

from __future__ import annotations

import math
from pathlib import Path

__all__ = ["write", "draw_tail", "EPSILON", "CYCLIC_ORDERS"]

EPSILON = 0.1
CYCLIC_ORDERS = (10, 30, 100, 300, 1000, 3000, 10_000, 30_000, 100_000)
HYPERCUBE_DIMENSIONS = {"default": (4, 8, 12, 16), "thorough": tuple(range(3, 17))}


def _existence_bound(constant: float, degree_sum: int) -> int:
    """Return ``floor((constant/eps) ln(2D)) + 1`` (T2 with a strict inequality, T4)."""
    return math.floor(constant / EPSILON * math.log(2 * degree_sum)) + 1


def _series(group_specs, context) -> list[dict]:
    from verify.classes import parse_class
    from verify.complexity.approximate import approximate_complexity
    from verify.groups import parse_group

    trials = 32 if context.profile == "thorough" else 8
    rows = []
    for spec in group_specs:
        function_class = parse_class("regular", parse_group(spec))
        row = {"group": spec, "order": int(function_class.group.order)}
        for notion in ("weak", "strong"):
            context.progress(f"separation: {spec} {notion}")
            result = approximate_complexity(function_class, notion, EPSILON, "uniform", seed=context.seed,
                                            trials=trials, exact=False)
            row[f"{notion}_lower"] = result.lower
            row[f"{notion}_upper"] = result.upper
        degree_sum = function_class.spectrum_degree_sum
        row["weak_bound"] = _existence_bound(8 / 3, degree_sum)
        row["strong_bound"] = _existence_bound(32 / 3, degree_sum)
        rows.append(row)
    return rows


def _plot_separation(path: Path, families: dict) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(1, len(families), figsize=(6 * len(families), 4.5), squeeze=False)
    for axis, (title, rows) in zip(axes[0], families.items()):
        orders = [row["order"] for row in rows]
        axis.plot(orders, orders, "k-", label="AC_ex = N (T1(b))")
        axis.plot(orders, [row["strong_bound"] for row in rows], "r--", label="T2/T4 strong bound")
        axis.plot(orders, [row["weak_bound"] for row in rows], "b--", label="T2/T4 weak bound")
        axis.plot(orders, [row["strong_upper"] for row in rows], "ro-", label="AC_st upper end (verified scheme)")
        axis.plot(orders, [row["weak_upper"] for row in rows], "bo-", label="AC_wk upper end (verified scheme)")
        axis.plot(orders, [row["strong_lower"] for row in rows], "r:", label="AC_st lower end (T3)")
        axis.plot(orders, [row["weak_lower"] for row in rows], "b:", label="AC_wk lower end (T3)")
        axis.set_xscale("log")
        axis.set_yscale("log")
        axis.set_xlabel("group order N")
        axis.set_ylabel("number of group elements (model queries)")
        axis.set_title(f"{title}, regular class, eps = {EPSILON}")
        axis.grid(True, which="both", alpha=0.3)
    axes[0][0].legend(fontsize=7, loc="upper left")
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)


def draw_tail(rows: list[dict], degree_sum: int):
    """Return the figure of the empirical tail against the unclipped T2 bound.

    The bound ``2D exp(-3ks^2/8)`` exceeds 1 for small ``k``.  It is drawn
    unclipped on a symmetric-log axis, and the band above probability 1,
    where the bound says nothing, is shaded and labelled.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axis = plt.subplots(figsize=(6, 4.5))
    draws = [row["k"] for row in rows]
    frequencies = [row["frequency"] for row in rows]
    lows = [row["frequency"] - row["confidence_interval"][0] for row in rows]
    highs = [row["confidence_interval"][1] - row["frequency"] for row in rows]
    bounds = [row["bound"] for row in rows]
    axis.errorbar(draws, frequencies, yerr=[lows, highs], fmt="o", label="empirical P(beta >= s), 95% CI")
    axis.plot(draws, bounds, "r-", label=f"T2 bound 2D exp(-3ks^2/8), D = {degree_sum} (unclipped)")
    axis.set_yscale("symlog", linthresh=1e-3)
    top = max(1.0, *bounds) * 2
    axis.set_ylim(0, top)
    axis.axhline(1.0, color="0.3", linewidth=0.8)
    axis.axhspan(1.0, top, color="0.85", zorder=0, label="above 1: the bound is vacuous")
    axis.set_xlabel("number of draws k")
    axis.set_ylabel("P(beta >= s) and its T2 bound (symlog)")
    axis.set_title(f"T2 tail on Z_360, regular class, s = sqrt({EPSILON})")
    axis.legend(fontsize=8)
    axis.grid(True, alpha=0.3)
    figure.tight_layout()
    return figure


def _plot_tail(path: Path, rows: list[dict], degree_sum: int) -> None:
    import matplotlib.pyplot as plt

    figure = draw_tail(rows, degree_sum)
    figure.savefig(path, dpi=120)
    plt.close(figure)


def write(directory, context) -> list[str]:
    """Write ``separation.png`` and ``tail.png`` into ``directory``; return summary lines.

    Parameters
    ----------
    directory : str or Path
    context : RunContext
        Supplies the seed, the profile and progress output.
    """
    from verify.classes import parse_class
    from verify.complexity.tails import empirical_tail
    from verify.groups import parse_group

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    dimensions = HYPERCUBE_DIMENSIONS.get(context.profile, HYPERCUBE_DIMENSIONS["default"])
    families = {
        "cyclic groups Z_N": _series([f"cyclic:{order}" for order in CYCLIC_ORDERS], context),
        "hypercubes Z_2^n": _series([f"hypercube:{n}" for n in dimensions], context),
    }
    separation_path = directory / "separation.png"
    _plot_separation(separation_path, families)

    lines = [f"separation.png: AC_ex = N against certified upper ends of AC_wk, AC_st (eps = {EPSILON}, regular class)"]
    for title, rows in families.items():
        for row in rows:
            lines.append(
                f"  {row['group']}: N = {row['order']}, AC_wk in [{row['weak_lower']}, {row['weak_upper']}], "
                f"AC_st in [{row['strong_lower']}, {row['strong_upper']}], T2 bounds weak {row['weak_bound']}, "
                f"strong {row['strong_bound']}"
            )
        crossing = next((row["order"] for row in rows if row["strong_bound"] < row["order"]), None)
        lines.append(f"  {title}: the strong T2 bound first falls below N at N = {crossing}")

    function_class = parse_class("regular", parse_group("cyclic:360"))
    trials = context.settings["trials"]
    grid = (8, 16, 32, 48, 64, 96, 128, 192, 256)
    rows = empirical_tail(function_class, "weak", EPSILON, trials, grid, context.rng("separation-tail"))
    tail_path = directory / "tail.png"
    _plot_tail(tail_path, rows, function_class.spectrum_degree_sum)
    lines.append(f"tail.png: P(beta >= sqrt({EPSILON})) on Z_360 over {trials} trials per k against 2D exp(-3k eps/8), "
                 f"the bound unclipped (values above 1 are vacuous)")
    for row in rows:
        low, high = row["confidence_interval"]
        lines.append(f"  k = {row['k']}: frequency {row['frequency']:.4f} [{low:.4f}, {high:.4f}], bound {row['bound']:.4g}")
    return lines
