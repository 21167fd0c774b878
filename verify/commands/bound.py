"""The ``bound`` subcommand: evaluate a claim's bound from its sympy expression.

``python -m verify bound CLAIM [--notion NOTION] --PARAM VALUE ... [--json]``
prints the expression, the unrounded value, the rounded value and the
convention.  A sample size (or any lower bound on a size) is the smallest
integer satisfying its inequality, ``ceil(x)``; an existence bound that
comes from a strict inequality is ``floor(x) + 1``.

Implementation notes
--------------------
The parameters depend on the claim, so argparse collects everything after
the claim identifier; :func:`parse_parameters` then reads ``--notion`` and
``--json`` with ``parse_known_args`` and the ``--PARAM VALUE`` pairs by
hand, and :func:`theory.bounds.evaluate_bound` rejects unused parameters
with the allowed ones.  Values are read exactly (``0.1`` is 1/10).
"""

from __future__ import annotations

import argparse
import json

from verify.errors import UsageError

NAME = "bound"
HELP = "evaluate the bound of a claim (T2 sample size, T3 lower bounds, ...) at given parameters"
DESCRIPTION = (
    "Evaluate a claim's bound exactly and round it: a sample size is ceil(x), an\n"
    "existence bound from a strict inequality is floor(x) + 1.\n\n"
    "Parameters are given as --NAME VALUE: N (group order), D (D(F), default N - 1),\n"
    "k, epsilon (squared-error tolerance) or eta = sqrt(epsilon), delta, K, L, R, d.\n\n"
    "Values are rounded exactly at any size; a bound above the float64 range\n"
    "(about 1.8e308) is rejected with an error.  R (T1, L4) is at most N.\n\n"
    "Claims with bounds: L3, L4, T1 (T1(a)), T1d, T2, T3 (T3(a)), T3b, T3c, T4, T5,\n"
    "T6, T7.\n\n"
    "Example: python -m verify bound T2 --notion strong --N 3628800 --D 9495 \\\n"
    "         --epsilon 0.1 --delta 0.01      (prints 1543)"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the claim, ``--notion``, ``--json`` and the free ``--PARAM VALUE`` pairs."""
    parser.add_argument("claim", help="claim identifier, for example T2")
    parser.add_argument("--notion", default=None,
                        help="exact, weak, strong or strong-mean (the claim's first notion by default)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("parameters", nargs=argparse.REMAINDER,
                        help="--NAME VALUE pairs, for example --N 120 --epsilon 0.1 --delta 0.01")


def parse_parameters(tokens: list[str]) -> tuple[dict, str | None, bool]:
    """Split ``tokens`` into parameter values, a notion and the JSON flag.

    Raises
    ------
    UsageError
        If a token is not of the form ``--NAME VALUE`` or a name repeats.
    """
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument("--notion", default=None)
    options.add_argument("--json", action="store_true")
    known, rest = options.parse_known_args(tokens)

    values: dict[str, str] = {}
    position = 0
    while position < len(rest):
        token = rest[position]
        if not token.startswith("--") or len(token) == 2:
            raise UsageError(f"expected a parameter of the form --NAME VALUE, received {token!r}")
        name, _, inline = token[2:].partition("=")
        if inline:
            value = inline
            position += 1
        elif position + 1 < len(rest):
            value = rest[position + 1]
            position += 2
        else:
            raise UsageError(f"parameter --{name} needs a value")
        if name in values:
            raise UsageError(f"parameter --{name} is given twice")
        values[name] = value
    return values, known.notion, known.json


def run(args: argparse.Namespace) -> int:
    """Evaluate the bound and print it; return 0."""
    from theory import bounds

    values, notion, as_json = parse_parameters(list(args.parameters))
    notion = notion or args.notion
    as_json = as_json or args.json
    try:
        result = bounds.evaluate_bound(args.claim, notion, values)
    except ValueError as error:
        raise UsageError(str(error)) from None

    bound = result.bound
    payload = {
        "claim": bound.claim,
        "notion": bound.notion,
        "expression": str(result.expression),
        "parameters": {name: _number(value) for name, value in result.parameters.items()},
        "unrounded": result.unrounded,
        "value": result.value,
        "convention": {
            "normalization": bounds.NORMALIZATIONS[bound.notion],
            "epsilon": bounds.EPSILON_CONVENTION if "epsilon" in bound.parameters else None,
            "rounding": bound.rounding,
            "rounding_rule": bounds.ROUNDINGS[bound.rounding],
            "hypotheses": bound.note,
            "quantity": bound.quantity,
            "text": bound.convention,
        },
    }
    if as_json:
        print(json.dumps(payload, indent=2))
        return 0
    print(f"claim       {bound.claim} ({bound.notion}): {bound.quantity}")
    print(f"expression  {payload['expression']}")
    print("parameters  " + ", ".join(f"{name} = {value}" for name, value in payload["parameters"].items()))
    print(f"unrounded   {result.unrounded!r}")
    print(f"value       {result.value}   ({bounds.ROUNDINGS[bound.rounding]})")
    print(f"convention  {bound.convention}")
    return 0


def _number(value):
    """Return an int for integers and a float otherwise, for JSON output."""
    return int(value) if value.q == 1 else float(value)
