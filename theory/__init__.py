"""Symbolic layer of averaging-complexity: definitions, claims and exact proof checks.

This package uses sympy and exact arithmetic only and never imports
:mod:`verify`, so the mathematics can be read and checked without the
numeric engine.
"""
