"""Thread limits for the BLAS library behind numpy and scipy.

The engine works on many small matrices (degrees up to a few hundred), where
a multithreaded BLAS gains nothing.  On a busy machine its threads also wait
for each other.  On a 2-core machine with a load average of 5, one run of the
L2 checks took 82 s with the default threads and 3.5 s with one thread, so
the command line and the test suite run with one BLAS thread.
"""

from __future__ import annotations

import contextlib

__all__ = ["single_threaded_blas"]


@contextlib.contextmanager
def single_threaded_blas():
    """Limit BLAS to one thread inside the ``with`` block (a no-op without threadpoolctl)."""
    try:
        from threadpoolctl import threadpool_limits
    except ModuleNotFoundError:
        yield
        return
    with threadpool_limits(limits=1, user_api="blas"):
        yield
