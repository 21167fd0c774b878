"""``run``: check every registered claim and print the claims table (the main job).

For each claim of the registry, every registered check runs at its level
(symbolic, exhaustive, property, statistical).  A level is ``passed`` when
all of its checks ran and passed, and ``failed`` when one failed or raised.
It is ``not checked`` when the claim has no check at that level, and
``not run`` when it has checks but ``--levels`` left the level out.  A claim counts as verified only at the levels
that passed.  The exit status is 1 when any check failed.
"""

from __future__ import annotations

import platform
import sys
import time
import traceback
from pathlib import Path

from verify.checks.context import DEFAULT_PANEL, PROFILES, RunContext
from verify.commands._common import add_json_option, convention, emit_json, json_number
from verify.errors import UsageError

NAME = "run"
HELP = "check every claim on the default panel of groups and print the claims table (default command)"
DESCRIPTION = """\
Run the checks of every claim (L1-L4, P10, T1-T7, F1) and print one row per
claim: identifier, short statement, status per level (symbolic, exhaustive,
property, statistical) and the evidence (groups, examples, worst margin).
The exit status is 1 when a check fails.

Default panel: symmetric:5, alternating:5, dihedral:12, quaternion,
hypercube:8, cyclic:360 (regular class), the Mathieu group M11 on 11 points
and rubik:2 (action class).

examples:
  python -m verify
  python -m verify run --claims L2,T2 --json
  python -m verify run --profile thorough --report report/
"""

LEVEL_NAMES = ("symbolic", "exhaustive", "property", "statistical")
STATUS_SYMBOLS = {"passed": "pass", "failed": "FAIL", "not checked": "-", "not run": "skip"}


def add_arguments(parser) -> None:
    parser.add_argument("--profile", choices=sorted(PROFILES), default="default", help="amount of work: default (fast, for CI) or thorough")
    parser.add_argument("--seed", type=int, default=0, help="master seed of every random choice (default 0)")
    parser.add_argument("--claims", metavar="IDS", help="comma-separated claim identifiers to check (default: all)")
    parser.add_argument("--levels", metavar="LEVELS", help="comma-separated levels to run (default: all four)")
    parser.add_argument("--report", metavar="DIR", help="also write figures and tables into DIR")
    parser.add_argument("--quiet", action="store_true", help="do not print progress on standard error")
    add_json_option(parser)


def _selected(text: str | None, allowed, what: str) -> list:
    if text is None:
        return list(allowed)
    chosen = [item.strip() for item in text.split(",") if item.strip()]
    if not chosen:
        raise UsageError(f"the list of {what}s is empty; choose from {', '.join(allowed)}")
    unknown = [item for item in chosen if item not in allowed]
    if unknown:
        raise UsageError(f"unknown {what} {', '.join(unknown)}; choose from {', '.join(allowed)}")
    return chosen


def _run_check(check, context) -> dict:
    started = time.monotonic()
    try:
        result = check.run(context)
    except Exception as error:  # a crashing check is a failed check, reported with its error
        return {
            "id": check.id,
            "status": "failed",
            "statement": check.description,
            "evidence": f"raised {type(error).__name__}: {error}",
            "traceback": traceback.format_exc(limit=6),
            "seconds": round(time.monotonic() - started, 2),
        }
    entry = {
        "id": check.id,
        "status": "passed" if result.passed else "failed",
        "statement": result.statement,
        "evidence": result.evidence,
        "seconds": round(time.monotonic() - started, 2),
    }
    if not result.passed:
        entry.update({"lhs": str(result.lhs), "rhs": str(result.rhs), "margin": str(result.margin)})
        if result.details.get("counterexample"):
            entry["counterexample"] = result.details["counterexample"]
    return entry


def run_claims(context: RunContext, claim_ids=None, levels=LEVEL_NAMES) -> list[dict]:
    """Run the checks and return one row per claim (the ``claims`` list of the JSON output)."""
    import verify.checks  # noqa: F401  (registers every check)
    from theory.registry import checks, claims

    rows = []
    for claim in claims():
        if claim_ids is not None and claim.id not in claim_ids:
            continue
        row = {"id": claim.id, "title": claim.title, "levels": {}, "checks": [], "evidence": ""}
        evidence = []
        for level in LEVEL_NAMES:
            level_checks = checks(claim=claim.id, level=level)
            if not level_checks:
                row["levels"][level] = "not checked"
                continue
            if level not in levels:
                row["levels"][level] = "not run"
                continue
            results = []
            for check in level_checks:
                context.progress(f"{claim.id} {level}: {check.id}")
                results.append(_run_check(check, context))
            row["checks"].extend(results)
            row["levels"][level] = "passed" if all(item["status"] == "passed" for item in results) else "failed"
            for item in results:
                marker = "" if item["status"] == "passed" else "FAILED "
                evidence.append(f"{marker}{item['id']}: {item['evidence']}")
        row["evidence"] = " | ".join(evidence)
        row["verified_at"] = [level for level in LEVEL_NAMES if row["levels"][level] == "passed"]
        rows.append(row)
    return rows


def _print_table(rows, seconds: float) -> None:
    header = f"{'claim':<6}{'symbolic':<10}{'exhaust.':<10}{'property':<10}{'statist.':<10}title"
    print(header)
    print("-" * len(header))
    for row in rows:
        statuses = "".join(f"{STATUS_SYMBOLS[row['levels'][level]]:<10}" for level in LEVEL_NAMES)
        print(f"{row['id']:<6}{statuses}{row['title']}")
    print()
    print("evidence (check: what was tried, worst margin)")
    for row in rows:
        for item in row["checks"]:
            marker = "ok  " if item["status"] == "passed" else "FAIL"
            print(f"  {marker} {item['id']} [{item['seconds']}s]: {item['evidence']}")
            if item["status"] != "passed":
                print(f"       statement: {item['statement']}")
                if "lhs" in item:
                    print(f"       left side {item['lhs']}, right side {item['rhs']}, margin {item['margin']}")
                if "counterexample" in item:
                    print(f"       reproduce: {item['counterexample']}")
                if "traceback" in item:
                    print("       " + item["traceback"].replace("\n", "\n       "))
    failed = [item["id"] for row in rows for item in row["checks"] if item["status"] != "passed"]
    total = sum(len(row["checks"]) for row in rows)
    print()
    print("pass: every check ran and passed; FAIL: a check failed; -: no check exists; skip: left out by --levels")
    print(f"{total - len(failed)} passed, {len(failed)} failed")
    print(f"finished in {seconds:.1f} s")


def _write_report(directory: str, context: RunContext, rows, seconds: float) -> list[str]:
    from verify.report import report_sections

    path = Path(directory)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"cannot create report directory {directory!r}: {error.strerror}") from None
    lines = ["# averaging-complexity report", "", f"profile {context.profile}, seed {context.seed}, {seconds:.1f} s", ""]
    lines += ["| claim | symbolic | exhaustive | property | statistical | title |", "| --- | --- | --- | --- | --- | --- |"]
    for row in rows:
        lines.append(f"| {row['id']} | " + " | ".join(row["levels"][level] for level in LEVEL_NAMES) + f" | {row['title']} |")
    lines += ["", "## Evidence", ""]
    for row in rows:
        for item in row["checks"]:
            lines.append(f"- {'passed' if item['status'] == 'passed' else '**FAILED**'} `{item['id']}`: {item['evidence']}")
    for module in report_sections():
        name = module.__name__.rsplit(".", 1)[-1]
        context.progress(f"report section {name}")
        lines += ["", f"## {name}", ""]
        try:
            lines += list(module.write(path, context))
        except Exception as error:  # one broken section must not hide the others
            lines.append(f"section failed: {type(error).__name__}: {error}")
    figures = sorted(path.glob("*.png"))
    if figures:
        lines += ["", "## Figures", ""]
        lines += [f"![{figure.stem}]({figure.name})" for figure in figures]
    (path / "index.md").write_text("\n".join(lines) + "\n")
    return lines


def run(args) -> int:
    import numpy
    import scipy
    import sympy

    from theory.registry import claims

    import verify.checks  # noqa: F401

    claim_ids = _selected(args.claims, [claim.id for claim in claims()], "claim") if args.claims is not None else None
    levels = _selected(args.levels, LEVEL_NAMES, "level")
    context = RunContext(profile=args.profile, seed=args.seed, panel=DEFAULT_PANEL, verbose=not args.quiet)
    started = time.monotonic()
    rows = run_claims(context, claim_ids, levels)
    seconds = time.monotonic() - started
    if args.report:
        _write_report(args.report, context, rows, seconds)
    failed = any(item["status"] != "passed" for row in rows for item in row["checks"])
    if args.json:
        emit_json(
            {
                "claims": rows,
                "panel": [{"group": group, "class": function_class} for group, function_class in context.panel],
                "profile": context.profile,
                "seed": context.seed,
                "versions": {
                    "python": platform.python_version(),
                    "numpy": numpy.__version__,
                    "scipy": scipy.__version__,
                    "sympy": sympy.__version__,
                },
                "seconds": json_number(round(seconds, 2)),
                "passed": not failed,
                "convention": convention(),
            }
        )
    else:
        _print_table(rows, seconds)
        if args.report:
            print(f"report written to {args.report}/index.md")
    sys.stdout.flush()
    return 1 if failed else 0
