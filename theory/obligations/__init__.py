"""Symbolic proof obligations, one module per claim or group of claims.

Importing this package registers every symbolic check in
:mod:`theory.registry`.  A symbolic check takes no argument, uses exact
sympy arithmetic only and returns a :class:`theory.registry.CheckResult`
that, on failure, names the inequality or identity with its left side,
right side and margin.

Main results
------------
* :mod:`~theory.obligations.l1` (L1), :mod:`~theory.obligations.l2` (L2),
  :mod:`~theory.obligations.l3` (L3 and T3(a)), :mod:`~theory.obligations.l4`
  (L4), :mod:`~theory.obligations.p10` (P10), :mod:`~theory.obligations.t1`
  (T1), :mod:`~theory.obligations.t2` (T2 and T4),
  :mod:`~theory.obligations.t3` (T3(b), T3(c)), :mod:`~theory.obligations.t5`,
  :mod:`~theory.obligations.t6`, :mod:`~theory.obligations.t7`.
"""

from theory.obligations import l1, l2, l3, l4, p10, t1, t2, t3, t5, t6, t7  # noqa: F401

__all__ = ["l1", "l2", "l3", "l4", "p10", "t1", "t2", "t3", "t5", "t6", "t7"]
