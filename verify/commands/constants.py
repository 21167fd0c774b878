"""``constants``: the empirical tail of beta against T2 and the smallest empirical constant."""

from __future__ import annotations

import math
import sys
import time

from verify.commands._common import add_class_option, add_group_argument, add_json_option, convention, emit_json
from verify.complexity.tails import MAX_TRIALS

NAME = "constants"
HELP = "empirical tail of beta over random schemes against the T2 bound, and the empirical constant"
DESCRIPTION = """\
Draw seeded random schemes (empirical measures of k uniform draws), measure
the frequency of beta >= s (s = sqrt(eps) weak, sqrt(eps)/2 strong) over a
grid of k with Clopper-Pearson 95% intervals, and compare it with the T2 bound
2 D exp(-3 k s^2 / 8).  Then find the smallest k whose success rate reaches
1 - delta and the constant c = k eps / ln(2D/delta), against the proved 8/3
(weak) and 32/3 (strong).

example:
  python -m verify constants cyclic:360 --class regular --notion weak --epsilon 0.1 --delta 0.05 --trials 400
"""


def add_arguments(parser) -> None:
    """Add the options of ``constants``."""
    add_group_argument(parser)
    add_class_option(parser, required=True)
    parser.add_argument("--notion", choices=("weak", "strong"), required=True, help="invariance notion")
    parser.add_argument("--epsilon", type=float, required=True, help="squared-error tolerance, 0 < eps <= 1 (weak) or 4 (strong)")
    parser.add_argument("--delta", type=float, required=True, help="failure probability, 0 < delta < 1")
    parser.add_argument("--trials", type=int, required=True,
                        help=f"random schemes per number of draws, 1 to {MAX_TRIALS:,}")
    parser.add_argument("--seed", type=int, default=0, help="seed of the random schemes")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on standard error")
    add_json_option(parser)


def compute(args) -> dict:
    """Return the JSON payload of ``constants``."""
    import numpy as np

    from verify.classes import parse_class
    from verify.complexity.tails import empirical_constant, empirical_tail, validate_tail_inputs
    from verify.errors import UsageError
    from verify.groups import parse_group

    limit = 1.0 if args.notion == "weak" else 4.0
    if not 0 < args.epsilon <= limit:
        raise UsageError(f"--epsilon must satisfy 0 < epsilon <= {limit:g} for the {args.notion} notion, got {args.epsilon}")
    if not 0 < args.delta < 1:
        raise UsageError(f"--delta must satisfy 0 < delta < 1, got {args.delta}")
    group = parse_group(args.group)
    function_class = parse_class(args.function_class, group, rep=args.rep)
    validate_tail_inputs(function_class, args.trials)
    started = time.monotonic()
    progress = None if args.quiet else (
        lambda message: print(f"[{time.monotonic() - started:6.1f}s] {message}", file=sys.stderr, flush=True))
    rng = np.random.default_rng(args.seed)
    constant = empirical_constant(function_class, args.notion, args.epsilon, args.delta, args.trials, rng, progress)
    top = max(constant["proved_k"], 2 * constant["k"])
    grid = sorted({max(1, int(round(top * fraction))) for fraction in (0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0)})
    tail = empirical_tail(function_class, args.notion, args.epsilon, args.trials, grid, rng, progress)
    return {
        "group": group.spec,
        "class": function_class.spec,
        "notion": args.notion,
        "epsilon": args.epsilon,
        "delta": args.delta,
        "trials": args.trials,
        "seed": args.seed,
        "spectrum_degree_sum": function_class.spectrum_degree_sum,
        "threshold": math.sqrt(args.epsilon) if args.notion == "weak" else math.sqrt(args.epsilon) / 2,
        "tail": tail,
        "empirical_k": constant["k"],
        "empirical_constant": constant["constant"],
        "proved_k": constant["proved_k"],
        "proved_constant": constant["proved_constant"],
        "success_criterion": constant["success_criterion"],
    }


def run(args) -> int:
    """Execute ``constants``."""
    payload = compute(args)
    if args.json:
        payload["convention"] = convention(
            tolerance=None, confidence="Clopper-Pearson 95% intervals (scipy.stats.beta)",
            constant="c = k eps / ln(2D/delta), the constant for which ceil(c ln(2D/delta)/eps) equals the empirical k")
        emit_json(payload)
        return 0
    print(f"{payload['group']} {payload['class']} {payload['notion']} eps={payload['epsilon']:g} "
          f"delta={payload['delta']:g}, {payload['trials']} trials per k, D = {payload['spectrum_degree_sum']}")
    print(f"{'k':>7} {'P(beta>=s)':>11} {'95% interval':>20} {'T2 bound':>11}")
    for row in payload["tail"]:
        low, high = row["confidence_interval"]
        print(f"{row['k']:>7} {row['frequency']:>11.4f} {f'[{low:.4f}, {high:.4f}]':>20} {row['bound']:>11.4g}")
    print(f"empirical k = {payload['empirical_k']} (constant {payload['empirical_constant']:.3f}, "
          f"{payload['success_criterion']}); proved k = {payload['proved_k']} (constant {payload['proved_constant']:.3f})")
    return 0
