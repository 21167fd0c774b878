"""Symbolic layer of averaging-complexity: definitions, claims and exact proof checks.

This package uses sympy and exact arithmetic only and never imports
:mod:`verify`, so the mathematics can be read and checked without the
numeric engine.  Importing it registers every claim (:mod:`theory.claims`)
and every symbolic check (:mod:`theory.obligations`).
"""

from theory import claims, obligations  # noqa: F401  (registration at import time)
