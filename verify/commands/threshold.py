"""``threshold GROUP [--rep REP] [--json]``: the degree ``K*`` at which polynomial classes become complete (T7)."""

from __future__ import annotations

import math

from verify.commands._common import add_group_argument, add_json_option, convention, emit_json, json_number
from verify.errors import UsageError
from verify.groups import parse_group
from verify.polynomial import analyze_threshold, format_turn, polynomial_class
from verify.representations.inputs import too_large_message

NAME = "threshold"
HELP = "find the least degree K* at which polynomials on a representation contain every irreducible (T7)"

#: Largest group order for which the exact solver is tried on F_k, k < K*.
DEFAULT_MAX_EXACT_ORDER = 24

#: Supports the exact solver examines per degree before it reports an interval.
DEFAULT_MAX_SUPPORTS = 5_000

DESCRIPTION = f"""\
For a faithful representation rho of GROUP on R^n, F_k is the class of
polynomials of degree <= k on R^n, acted on by (g.f)(x) = f(g^-1 x).
K* is the least k with F_k spectrally complete (every nontrivial irreducible
of GROUP occurs); then AC_ex(F_k) = |G| for k >= K*, and K* <= |G| - 1.

The command prints K*, the irreducibles that first occur at degree K*,
AC_ex(F_k) for k = 0..K* (the exact minimum over signed schemes for groups
of order up to --max-exact-order, searching at most --max-supports supports
per degree, which can leave an interval; otherwise the lower bound
N / sum of d_pi^2 over the irreducibles missing from F_k, which includes the
trivial one), and the candidate closed-form bounds on K*:
  N - 1                      proved (T7)
  sum_lambda M_lambda - 1    held in every case checked
  sum_lambda (M_lambda - 1)  false in general (Z_2 on R by sign: K* = 1 > 0)
with lambda over the eigenvalues of all rho(g) and M_lambda the largest
multiplicity of lambda as an eigenvalue of a single rho(g).

Representations (--rep): natural (permutation groups, dihedral:n on the
n-gon's vertices), rotation (cyclic:N, dihedral:n on R^2), signs
(hypercube:n on R^n), file:PATH (JSON {{"generators": [[row, ...], ...]}}, one
real matrix per generator, in the order this command prints under
'generators').  The default is natural, rotation or signs by family.

examples:
  python -m verify threshold symmetric:3 --rep natural
  python -m verify threshold cyclic:8 --rep rotation --json
  python -m verify threshold hypercube:1 --rep signs
"""


def add_arguments(parser) -> None:
    add_group_argument(parser)
    parser.add_argument(
        "--rep",
        metavar="REP",
        default=None,
        help="representation: natural, rotation, signs or file:PATH (default by family)",
    )
    parser.add_argument(
        "--max-exact-order",
        type=int,
        default=DEFAULT_MAX_EXACT_ORDER,
        help=f"largest group order for which the exact solver computes AC_ex(F_k) (default {DEFAULT_MAX_EXACT_ORDER})",
    )
    parser.add_argument(
        "--max-supports",
        type=int,
        default=DEFAULT_MAX_SUPPORTS,
        help=f"supports the exact solver examines per degree before reporting an interval (default {DEFAULT_MAX_SUPPORTS})",
    )
    add_json_option(parser)


def exact_complexity(
    group,
    rep,
    degree: int,
    k_star: int | None,
    max_exact_order: int = DEFAULT_MAX_EXACT_ORDER,
    max_supports: int = DEFAULT_MAX_SUPPORTS,
) -> dict:
    """Return ``AC_ex(F_degree)``: exact where known, else the T1(a) lower bound.

    Returns
    -------
    dict
        ``degree``, ``dimension``, ``spectrum_degree_sum``,
        ``spectrally_complete``, ``lower``, ``upper``, ``value`` (when
        ``lower == upper``), ``unrounded_lower`` and ``method``.
    """
    function_class = polynomial_class(group, f"poly:{degree}", str(degree), rep)
    order = int(group.order)
    entry = {
        "degree": degree,
        "dimension": function_class.dimension,
        "spectrum_degree_sum": function_class.spectrum_degree_sum,
        "spectrally_complete": function_class.spectrally_complete,
    }
    if k_star is not None and degree >= k_star:
        entry.update(lower=order, upper=order, value=order, unrounded_lower=float(order))
        entry["method"] = "T1(b): spectrally complete, only w = 1/N is exact"
        return entry

    # T1(a): AC_ex(F) >= N / sum of d_pi^2 over pi not in Pi(F) (the trivial one included).
    degrees = function_class.backend.degrees
    missing = sum(int(d) ** 2 for index, d in enumerate(degrees) if index == 0 or index not in function_class.multiplicities)
    unrounded = order / missing
    lower = math.ceil(unrounded - 1e-12)
    entry.update(lower=lower, upper=order, value=None, unrounded_lower=unrounded)
    entry["method"] = "T1(a) lower bound N / sum of d_pi^2 over irreducibles missing from F_k"
    if order > max_exact_order:
        return entry
    try:
        from verify.complexity.exact import minimum_exact_size
    except ImportError:
        return entry
    try:
        result = minimum_exact_size(function_class, family="signed", max_supports=max_supports)
    except UsageError:
        return entry
    entry.update(lower=max(lower, int(result.lower)), upper=int(result.upper))
    entry["value"] = int(result.value) if result.value is not None else None
    entry["method"] = "exact solver, signed schemes" + ("" if result.value is not None else f", stopped after {max_supports} supports")
    return entry


def threshold_payload(
    group,
    rep: str | None,
    max_exact_order: int = DEFAULT_MAX_EXACT_ORDER,
    max_supports: int = DEFAULT_MAX_SUPPORTS,
) -> dict:
    """Return the ``threshold`` JSON object."""
    analysis = analyze_threshold(group, rep)
    backend = group.irreducible_backend
    representation = analysis.representation

    def irrep_entry(index: int) -> dict:
        irrep = backend.irreps[index]
        return {**irrep.as_dict(), "first_degree": int(analysis.first_degrees[index])}

    last = [irrep_entry(index) for index in analysis.last_irreps]
    complexity = []
    if analysis.k_star is not None:
        complexity = [
            exact_complexity(group, rep, k, analysis.k_star, max_exact_order, max_supports)
            for k in range(analysis.k_star + 1)
        ]
    return {
        "group": group.spec,
        "order": int(group.order),
        "rep": representation.spec,
        "generators": [group.format_element(int(g)) for g in group.generators],
        "representation": representation.describe(),
        "faithful": representation.is_faithful,
        "k_star": analysis.k_star,
        "last_irrep": last[0] if last else None,
        "last_irreps": last,
        "first_degrees": [irrep_entry(index) for index in range(len(backend.irreps))],
        "eigenvalue_multiplicities": [
            {"eigenvalue": format_turn(turn), "turn": str(turn), "M": count}
            for turn, count in analysis.eigenvalue_multiplicities.items()
        ],
        "complexity_by_degree": [{key: json_number(value) if isinstance(value, float) else value for key, value in entry.items()} for entry in complexity],
        "bounds": [
            {"name": name, "value": value, "holds": holds, "status": status}
            for (name, value, holds), status in zip(analysis.bounds, ("proved (T7)", "conjecture", "false in general"))
        ],
        "convention": convention(
            tolerance=None,
            action="(g.f)(x) = f(g^-1 x) on polynomials of degree <= k on R^n",
            k_star="least k with every nontrivial irreducible in F_k; null when rho is not faithful",
        ),
    }


def _print_text(payload: dict) -> None:
    representation = payload["representation"]
    print(f"group       {payload['group']} (order {payload['order']})")
    print(f"generators  {'; '.join(payload['generators']) or '(none)'}")
    print(
        f"rep         {payload['rep']} on R^{representation['dimension']}, "
        f"faithful: {payload['faithful']} (kernel of size {representation['kernel_size']})"
    )
    if payload["k_star"] is None:
        print("K*          none: the representation is not faithful, so no F_k is spectrally complete")
    else:
        labels = ", ".join(f"{entry['label']} (index {entry['index']}, degree {entry['degree']})" for entry in payload["last_irreps"])
        print(f"K*          {payload['k_star']}")
        print(f"last        {labels or '(none: the group is trivial)'} first occurs at degree {payload['k_star']}")
    for entry in payload["complexity_by_degree"]:
        if entry["value"] is not None:
            value = entry["value"]
        elif entry["upper"] is not None and entry["upper"] < payload["order"]:
            value = f"in [{entry['lower']}, {entry['upper']}]"
        else:
            value = f">= {entry['lower']}"
        print(f"AC_ex(F_{entry['degree']})  {value}   [{entry['method']}]")
    for bound in payload["bounds"]:
        verdict = {True: "holds", False: "FAILS", None: "n/a"}[bound["holds"]]
        print(f"bound       K* <= {bound['name']} = {bound['value']}: {verdict} ({bound['status']})")


def run(args) -> int:
    if args.max_exact_order < 0:
        raise UsageError(f"--max-exact-order must be at least 0, got {args.max_exact_order}")
    if args.max_supports < 1:
        raise UsageError(f"--max-supports must be at least 1, got {args.max_supports}")
    group = parse_group(args.group)
    if not group.is_enumerated:
        raise UsageError(too_large_message(group, "K* and the complexity by degree are"))
    payload = threshold_payload(group, args.rep, args.max_exact_order, args.max_supports)
    if args.json:
        emit_json(payload)
    else:
        _print_text(payload)
    return 0


__all__ = ["threshold_payload", "exact_complexity", "DEFAULT_MAX_EXACT_ORDER", "DEFAULT_MAX_SUPPORTS"]
