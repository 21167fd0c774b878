"""Shared pytest configuration: hypothesis profiles and the ``slow`` marker.

One switch chooses how hard the tests search: the environment variable
``AVERAGING_PROFILE`` (``default`` when unset, or ``thorough``).  It loads
the hypothesis profile of the same name, whose ``max_examples`` is the
example count of :data:`verify.checks.context.PROFILES` (60 and 1,000), so
``pytest`` and ``python -m verify run --profile thorough`` search equally
hard.  Tests marked ``slow`` run only with ``--run-slow`` or under the
thorough profile.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from verify.checks.context import PROFILES

PROFILE_VARIABLE = "AVERAGING_PROFILE"

for _name, _work in PROFILES.items():
    settings.register_profile(
        _name,
        max_examples=_work["examples"],
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )

ACTIVE_PROFILE = os.environ.get(PROFILE_VARIABLE, "default")
if ACTIVE_PROFILE not in PROFILES:
    raise pytest.UsageError(
        f"{PROFILE_VARIABLE}={ACTIVE_PROFILE!r} is not a profile; use one of {', '.join(PROFILES)}"
    )
settings.load_profile(ACTIVE_PROFILE)


def pytest_addoption(parser):
    parser.addoption("--run-slow", action="store_true", default=False, help="also run tests marked slow")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--run-slow") or ACTIVE_PROFILE == "thorough":
        return
    skip = pytest.mark.skip(reason="slow: run with --run-slow or AVERAGING_PROFILE=thorough")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def property_examples() -> int:
    """Examples per property under the active profile (hypothesis ``max_examples``)."""
    return settings().max_examples


@pytest.fixture
def active_profile() -> str:
    """The name of the active profile: ``default`` or ``thorough``."""
    return ACTIVE_PROFILE


@pytest.fixture(autouse=True, scope="session")
def _single_threaded_blas():
    """Run the suite with one BLAS thread, as the command line does (see verify.threads)."""
    from verify.threads import single_threaded_blas

    with single_threaded_blas():
        yield
