"""The context handed to numeric checks: profile, seed, panel and progress output.

Main definitions
----------------
* :class:`RunContext`
* :data:`DEFAULT_PANEL` -- the groups and classes of the default run.
* :data:`PROFILES` -- ``default`` (fast, for CI) and ``thorough``.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field

import numpy as np

__all__ = ["RunContext", "DEFAULT_PANEL", "PROFILES", "M11_SPEC", "display_name"]

#: The Mathieu group M11 (order 7920) on 11 points, from two generators.
M11_SPEC = "perm:(0 1 2 3 4 5 6 7 8 9 10);(2 6 10 7)(3 9 4 5)"

#: Short names of panel groups given by generators, used in evidence text.
DISPLAY_NAMES = {M11_SPEC: "M11 (order 7920)"}


def display_name(spec: str) -> str:
    """Return the short name of a group spec for reports (``M11`` for its generators)."""
    return DISPLAY_NAMES.get(spec, spec)


#: (group spec, class spec) pairs of the default run.
DEFAULT_PANEL = (
    ("symmetric:5", "regular"),
    ("alternating:5", "regular"),
    ("dihedral:12", "regular"),
    ("quaternion", "regular"),
    ("hypercube:8", "regular"),
    ("cyclic:360", "regular"),
    (M11_SPEC, "action"),
    ("rubik:2", "action"),
)

#: Work per profile: random schemes per panel entry, statistical trials,
#: and hypothesis examples per property.
PROFILES = {
    "default": {"schemes": 6, "trials": 400, "examples": 60},
    "thorough": {"schemes": 40, "trials": 4000, "examples": 1000},
}


@dataclass
class RunContext:
    """Settings and services shared by the checks of one run.

    Attributes
    ----------
    profile : str
        ``"default"`` or ``"thorough"``; see :data:`PROFILES`.
    seed : int
        Master seed; every check derives its generator from it and its own name.
    panel : tuple of (str, str)
        Group and class specs to check on.
    verbose : bool
        Whether :meth:`progress` prints to standard error.
    """

    profile: str = "default"
    seed: int = 0
    panel: tuple = DEFAULT_PANEL
    verbose: bool = False
    started: float = field(default_factory=time.monotonic)

    def __post_init__(self):
        if self.profile not in PROFILES:
            raise ValueError(f"profile {self.profile!r} is invalid; use one of {', '.join(PROFILES)}")
        if isinstance(self.seed, bool) or not isinstance(self.seed, int) or self.seed < 0:
            raise ValueError(f"seed must be a non-negative integer, got {self.seed!r}")

    @property
    def settings(self) -> dict:
        """The work sizes of the profile."""
        return PROFILES[self.profile]

    def rng(self, name: str) -> np.random.Generator:
        """Return a generator seeded by the master seed and ``name`` (stable across runs)."""
        key = sum((index + 1) * ord(character) for index, character in enumerate(name))
        return np.random.default_rng([self.seed, key])

    def progress(self, message: str) -> None:
        """Print a progress line with the elapsed time to standard error (verbose runs only)."""
        if self.verbose:
            print(f"[{time.monotonic() - self.started:6.1f}s] {message}", file=sys.stderr, flush=True)
