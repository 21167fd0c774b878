"""Numeric engine of averaging-complexity: groups, representations, defects and checks."""

__version__ = "0.1.0"
