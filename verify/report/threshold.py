"""Report section: the threshold ``K*`` of polynomial classes on a panel of groups (T7).

Writes ``threshold.md``, a Markdown table with, per group and
representation, ``K*``, the irreducibles that first occur at degree ``K*``,
and the three candidate bounds ``N - 1`` (proved), ``sum_lambda M_lambda - 1``
(conjectured) and ``sum_lambda (M_lambda - 1)`` (false in general), each
with whether ``K* <=`` it.
"""

from __future__ import annotations

from pathlib import Path

from verify.groups import parse_group
from verify.polynomial import analyze_threshold

__all__ = ["THRESHOLD_PANEL", "threshold_rows", "write"]

#: (group spec, representation) pairs of the table.
THRESHOLD_PANEL = (
    ("hypercube:1", "signs"),
    ("symmetric:3", "natural"),
    ("symmetric:4", "natural"),
    ("symmetric:5", "natural"),
    ("cyclic:5", "rotation"),
    ("cyclic:6", "rotation"),
    ("cyclic:7", "rotation"),
    ("cyclic:8", "rotation"),
    ("dihedral:3", "rotation"),
    ("dihedral:4", "rotation"),
    ("dihedral:5", "rotation"),
    ("dihedral:6", "rotation"),
    ("alternating:4", "natural"),
    ("hypercube:2", "signs"),
    ("hypercube:3", "signs"),
    ("hypercube:4", "signs"),
)

#: Extra rows of the thorough profile.
THOROUGH_PANEL = (("symmetric:6", "natural"), ("cyclic:100", "rotation"))


def threshold_rows(panel) -> list[dict]:
    """Return one row per ``(group spec, representation)``: K*, last irreducibles and bounds."""
    rows = []
    for group_spec, rep in panel:
        group = parse_group(group_spec)
        analysis = analyze_threshold(group, rep)
        irreps = group.irreducible_backend.irreps
        rows.append(
            {
                "group": group_spec,
                "rep": rep,
                "order": int(group.order),
                "dimension": analysis.representation.dimension,
                "k_star": analysis.k_star,
                "last": ", ".join(irreps[index].label for index in analysis.last_irreps),
                "bounds": analysis.bounds,
            }
        )
    return rows


def _verdict(value: int, holds) -> str:
    return f"{value} ({'holds' if holds else 'fails'})" if holds is not None else str(value)


def write(directory, context) -> list[str]:
    """Write ``threshold.md`` into ``directory``; return summary lines."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    panel = THRESHOLD_PANEL + (THOROUGH_PANEL if context.profile == "thorough" else ())
    context.progress("  threshold table")
    rows = threshold_rows(panel)

    header = "| group | rep | N | n | K* | last irreducible | N - 1 | sum M - 1 | sum (M - 1) |"
    lines = [
        "# Threshold K* of polynomial classes (T7)",
        "",
        "K* is the least degree k at which the polynomials of degree <= k on R^n contain every nontrivial",
        "irreducible; M_lambda is the largest multiplicity of the eigenvalue lambda in one rho(g).",
        "",
        header,
        "| --- | --- | ---: | ---: | ---: | --- | --- | --- | --- |",
    ]
    for row in rows:
        bounds = " | ".join(_verdict(value, holds) for _, value, holds in row["bounds"])
        lines.append(
            f"| {row['group']} | {row['rep']} | {row['order']} | {row['dimension']} | {row['k_star']} | "
            f"{row['last']} | {bounds} |"
        )
    (directory / "threshold.md").write_text("\n".join(lines) + "\n")

    failures = [row for row in rows if row["bounds"][2][2] is False]
    conjecture_failures = [row for row in rows if row["bounds"][1][2] is False]
    order_failures = [row for row in rows if row["bounds"][0][2] is False]
    return [
        f"T7: K* for {len(rows)} groups and representations in threshold.md: "
        + ", ".join(f"{row['group']} {row['rep']} {row['k_star']}" for row in rows)
        + ".",
        f"K* <= N - 1 fails in {len(order_failures)} of {len(rows)} rows; K* <= sum M_lambda - 1 fails in "
        f"{len(conjecture_failures)}; the false form K* <= sum (M_lambda - 1) fails in {len(failures)} "
        f"({', '.join(row['group'] for row in failures)}).",
    ]
