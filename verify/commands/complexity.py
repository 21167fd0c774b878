"""``complexity``: exact minimum sizes with certificates and certified intervals of AC_wk, AC_st."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from verify.commands._common import add_class_option, add_group_argument, add_json_option, convention, emit_json
from verify.errors import UsageError

NAME = "complexity"
HELP = "exact averaging complexity with a certificate, or a certified interval for weak/strong"
DESCRIPTION = """\
Compute the averaging complexity of a class: the minimum number of group
elements (model queries) of a scheme that is exact (--exact), or weakly or
strongly epsilon-approximately invariant (--notion, --epsilon).

Exact: supports containing the identity are searched by increasing size from
the T1(a) bound, each decided in exact (sympy) or certified float arithmetic;
groups of order at most 32, or any order when the class is spectrally complete
(T1(b): the value is N).  Approximate: the lower end is the largest of T3(a),
T3(b), T3(c); the upper end is an explicit scheme whose defect was computed;
on groups of order at most 12 the exact value is found by convex optimization.

examples:
  python -m verify complexity cyclic:7 --class band:2 --exact --family all
  python -m verify complexity symmetric:7 --class regular --notion strong --epsilon 0.5
"""

FAMILY_CHOICES = ("signed", "nonnegative", "uniform", "all")


def add_arguments(parser) -> None:
    """Add the options of ``complexity``."""
    add_group_argument(parser)
    add_class_option(parser, required=True)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--exact", action="store_true", help="compute AC_ex, the minimum size of an exact scheme")
    mode.add_argument("--notion", choices=("weak", "strong"), help="approximate notion (needs --epsilon)")
    parser.add_argument("--epsilon", type=float, default=None, help="squared-error tolerance, positive")
    parser.add_argument("--family", choices=FAMILY_CHOICES, default="nonnegative",
                        help="scheme family: signed, nonnegative, uniform (multisets) or all")
    parser.add_argument("--seed", type=int, default=0, help="seed of the random search for the upper end")
    parser.add_argument("--trials", type=int, default=16, help="random multisets per number of draws")
    parser.add_argument("--write-scheme", metavar="FILE", default=None,
                        help="write the scheme attaining the upper end as a scheme file (JSON); with "
                             "--family all, one file per family, FILE with the family name before the "
                             "suffix (F.json becomes F.signed.json, F.nonnegative.json, F.uniform.json)")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on standard error")
    add_json_option(parser)


def scheme_path(path: str, family: str, several: bool) -> Path:
    """Return the scheme file of ``family``: ``path`` itself, or with ``.family`` before the suffix if ``several``."""
    path = Path(path)
    if not several:
        return path
    return path.with_name(f"{path.stem}.{family}{path.suffix}")


def _progress(args):
    if args.quiet:
        return None
    started = time.monotonic()

    def report(message: str) -> None:
        print(f"[{time.monotonic() - started:6.1f}s] {message}", file=sys.stderr, flush=True)

    return report


def _entry(args, function_class, family, result, notion, epsilon) -> dict:
    return {
        "group": function_class.group.spec,
        "class": function_class.spec,
        "notion": notion,
        "family": family,
        "epsilon": epsilon,
        "lower": result.lower,
        "upper": result.upper,
        "value": result.value,
        "certificate": result.certificate,
    }


def compute(args) -> tuple[list[dict], list]:
    """Return the JSON entries and the result objects, one per family requested."""
    from verify.classes import parse_class
    from verify.complexity.approximate import approximate_complexity
    from verify.complexity.exact import minimum_exact_size
    from verify.errors import UsageError
    from verify.groups import parse_group

    if not args.exact and args.epsilon is None:
        raise UsageError("--notion needs --epsilon E (a positive squared-error tolerance)")
    if args.exact and args.epsilon is not None:
        raise UsageError("--exact takes no --epsilon; use --notion weak|strong --epsilon E for approximate complexity")
    if args.trials < 1:
        raise UsageError(f"--trials must be at least 1, got {args.trials}")
    group = parse_group(args.group)
    function_class = parse_class(args.function_class, group, rep=args.rep)
    families = ("signed", "nonnegative", "uniform") if args.family == "all" else (args.family,)
    progress = _progress(args)
    entries, results = [], []
    for family in families:
        if args.exact:
            result = minimum_exact_size(function_class, family, progress=progress)
            entries.append(_entry(args, function_class, family, result, "exact", None))
        else:
            result = approximate_complexity(function_class, args.notion, args.epsilon, family, seed=args.seed,
                                            trials=args.trials, progress=progress)
            entries.append(_entry(args, function_class, family, result, args.notion, args.epsilon))
        results.append(result)
    return entries, results


def run(args) -> int:
    """Execute ``complexity``."""
    from verify.schemes import scheme_to_json

    entries, results = compute(args)
    if args.write_scheme:
        for result in results:
            path = scheme_path(args.write_scheme, result.family, several=len(results) > 1)
            if result.scheme is None:
                print(f"warning: no {result.family} scheme attains the upper end, so {path} was not written",
                      file=sys.stderr)
                continue
            try:
                path.write_text(json.dumps(scheme_to_json(result.scheme), indent=2) + "\n")
            except OSError as error:
                raise UsageError(f"cannot write scheme file {str(path)!r}: {error.strerror}") from None
            if len(results) > 1:
                print(f"wrote the {result.family} scheme to {path}", file=sys.stderr)
    tolerance = {"exactly_invariant": "defect <= 1e-10 max(1, ||w||_1) in float64",
                 "exact_search": "infeasibility by exact sympy rank or certified float64 bounds (Weyl, Farkas)",
                 "optimal_boundary": "squared defects within 1e-6 above epsilon are undecided"}
    if args.json:
        if len(entries) == 1:
            payload = dict(entries[0])
        else:
            payload = {key: entries[0][key] for key in ("group", "class", "notion", "epsilon")}
            payload.update({"family": "all", "lower": None, "upper": None, "value": None, "certificate": None,
                            "families": entries})
        payload["convention"] = convention(tolerance=tolerance)
        emit_json(payload)
        return 0
    for entry in entries:
        short = {"exact": "ex", "weak": "wk", "strong": "st"}[entry["notion"]]
        notion = "AC_ex" if entry["notion"] == "exact" else f"AC_{short}(eps={entry['epsilon']:g})"
        if entry["value"] is not None:
            value = f"= {entry['value']}"
        elif entry["upper"] is None:
            value = f">= {entry['lower']}"
        else:
            value = f"in [{entry['lower']}, {entry['upper']}]"
        print(f"{entry['group']} {entry['class']} {entry['family']}: {notion} {value}")
        upper = entry["certificate"].get("upper", {})
        if "elements" in upper and len(upper["elements"]) <= 12:
            pairs = ", ".join(f"{element}: {weight:.6g}" for element, weight in zip(upper["elements"], upper["weights"]))
            print(f"  scheme: {pairs}")
        print(f"  upper end: {upper.get('method', '')}")
        lower = entry["certificate"].get("lower", {})
        print(f"  lower end: {lower.get('theorem') or lower.get('method')}")
        if lower.get("bounds"):
            print("  bounds: " + ", ".join(f"{bound['claim']} {bound['value']}" for bound in lower["bounds"]))
        if lower.get("supports_proved_infeasible"):
            print(f"  supports proved infeasible by size: {lower['supports_proved_infeasible']}")
    return 0
