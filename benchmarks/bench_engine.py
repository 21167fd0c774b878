"""Time and peak memory of the engine's expensive steps (run on demand).

Usage::

    python benchmarks/bench_engine.py

Each row: the step, wall-clock seconds and the peak resident memory of the
process so far (``ru_maxrss``).  Numbers depend on the machine; record
them with the machine's description in ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import resource
import time

from verify.checks.context import M11_SPEC
from verify.classes import parse_class
from verify.defects import compute_defects
from verify.groups import parse_group
from verify.schemes import random_scheme


def measure(label, function):
    """Run ``function`` once and print its time and the peak memory so far."""
    started = time.perf_counter()
    function()
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{label:<55} {seconds:8.2f} s   peak {peak:7.0f} MB", flush=True)


def main() -> None:
    measure("enumerate M11 (order 7920)", lambda: parse_group(M11_SPEC).permutations)
    measure("irreducibles of alternating:7 (Dixon, order 2520)", lambda: parse_group("alternating:7").irreducible_backend)
    symmetric = parse_group("symmetric:7")
    regular = parse_class("regular", symmetric)
    scheme = random_scheme(symmetric, 200, 0)
    measure("beta and Delta, symmetric:7 regular, 200 draws", lambda: compute_defects(regular, scheme))
    cyclic = parse_group("cyclic:100000")
    measure("beta and Delta, cyclic:100000 regular, 2000 draws", lambda: compute_defects(parse_class("regular", cyclic), random_scheme(cyclic, 2000, 0)))
    rubik = parse_group("rubik:3")
    measure("beta, rubik:3 action, 5000 draws", lambda: compute_defects(parse_class("action", rubik), random_scheme(rubik, 5000, 0)))


if __name__ == "__main__":
    main()
