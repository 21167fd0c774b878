"""Averaging complexity: exact minima with certificates and certified intervals.

Main definitions
----------------
* :mod:`verify.complexity.kernel` -- exactness as ``K_S w = 0`` on a support.
* :mod:`verify.complexity.exact` -- ``AC_ex`` by a certified search (T1).
* :mod:`verify.complexity.lower_bounds` -- the lower ends of T1 and T3.
* :mod:`verify.complexity.search` -- explicit schemes for the upper ends.
* :mod:`verify.complexity.approximate` -- ``AC_wk`` and ``AC_st`` as certified
  intervals, and exactly on groups of order at most 12.
* :mod:`verify.complexity.tails` -- empirical tails of ``beta`` against T2.
"""
