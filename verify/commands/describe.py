"""``describe GROUP [--class CLASS] [--json]``: order, irreducibles and a class's spectrum."""

from __future__ import annotations

from verify.classes import parse_class
from verify.commands._common import add_class_option, add_group_argument, add_json_option, convention, emit_json
from verify.errors import UsageError
from verify.groups import parse_group

NAME = "describe"
HELP = "print a group's order and irreducible representations, and a class's spectrum"
DESCRIPTION = """\
Print the order of GROUP, its irreducible representations (index, degree,
label; index 0 is trivial) and, with --class, the spectrum Pi(F) of the
class: the nontrivial irreducibles occurring in it, D(F) = sum of their
degrees, and whether F is spectrally complete.

examples:
  python -m verify describe symmetric:5 --json
  python -m verify describe cyclic:7 --class band:2
  python -m verify describe rubik:3 --class action
"""

#: Irreducibles listed in text output before the list is cut.
TEXT_IRREP_LIMIT = 30


def add_arguments(parser) -> None:
    add_group_argument(parser)
    add_class_option(parser)
    add_json_option(parser)


def describe(group_spec: str, class_spec: str | None = None, rep: str | None = None) -> dict:
    """Return the ``describe`` JSON object for a group and optional class."""
    if rep is not None and class_spec is None:
        raise UsageError(f"--rep {rep!r} applies only to poly:k classes; give --class poly:k")
    group = parse_group(group_spec)
    backend = group.irreducible_backend
    payload = {
        "group": group.spec,
        "order": int(group.order),
        "enumerated": group.is_enumerated,
        "backend": None if backend is None else backend.name,
        "irreps": None if backend is None else backend.describe(),
        "irrep_degrees": None if backend is None else sorted(int(d) for d in backend.degrees),
        "class": None,
        "spectrum": None,
        "multiplicities": None,
        "dimension": None,
        "spectrum_degree_sum": None,
        "spectrum_degree_sum_is_bound": None,
        "spectrally_complete": None,
    }
    if class_spec is not None:
        function_class = parse_class(class_spec, group, rep)
        payload.update(
            {
                "class": function_class.spec,
                "spectrum": None if function_class.spectrum is None else list(function_class.spectrum),
                "multiplicities": None
                if function_class.multiplicities is None
                else {str(index): count for index, count in function_class.multiplicities.items()},
                "dimension": int(function_class.dimension),
                "spectrum_degree_sum": int(function_class.spectrum_degree_sum),
                "spectrum_degree_sum_is_bound": function_class.spectrum_degree_sum_is_bound,
                "spectrally_complete": function_class.spectrally_complete,
            }
        )
        if function_class.orbit_count is not None:
            payload["orbits"] = function_class.orbit_count
    payload["convention"] = convention(
        spectrum_degree_sum="D(F) = sum of d_pi over the nontrivial irreducibles occurring in F; "
        "when spectrum_degree_sum_is_bound is true it is the upper bound dim F - (number of orbits)"
    )
    return payload


def _print_text(payload: dict) -> None:
    print(f"group      {payload['group']}")
    print(f"order      {payload['order']}")
    if payload["irreps"] is None:
        print("irreps     not available (no backend for this group)")
    else:
        degrees = payload["irrep_degrees"]
        shown = ", ".join(str(degree) for degree in degrees[:TEXT_IRREP_LIMIT])
        if len(degrees) > TEXT_IRREP_LIMIT:
            shown += f", ... ({len(degrees) - TEXT_IRREP_LIMIT} more)"
        print(f"irreps     {len(payload['irreps'])} by {payload['backend']}; sorted degrees [{shown}]")
        for irrep in payload["irreps"][:TEXT_IRREP_LIMIT]:
            print(f"  {irrep['index']:>4}  degree {irrep['degree']:>4}  {irrep['label']}")
        if len(payload["irreps"]) > TEXT_IRREP_LIMIT:
            print(f"  ... {len(payload['irreps']) - TEXT_IRREP_LIMIT} more (use --json for all)")
    if payload["class"] is not None:
        bound = " (upper bound dim F - orbits)" if payload["spectrum_degree_sum_is_bound"] else ""
        spectrum = payload["spectrum"]
        if spectrum is None:
            shown = "unknown"
        elif len(spectrum) <= TEXT_IRREP_LIMIT:
            shown = spectrum
        else:
            shown = f"{len(spectrum)} irreducibles"
        print(f"class      {payload['class']}, dim F = {payload['dimension']}")
        print(f"Pi(F)      {shown}")
        print(f"D(F)       {payload['spectrum_degree_sum']}{bound}")
        print(f"complete   {payload['spectrally_complete']}")


def run(args) -> int:
    payload = describe(args.group, args.function_class, args.rep)
    if args.json:
        emit_json(payload)
    else:
        _print_text(payload)
    return 0
