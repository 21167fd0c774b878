"""Build a group from its spec string (``cyclic:12``, ``symmetric:5``, ``perm:(0 1 2);(0 1)``).

Main definitions
----------------
* :func:`parse_group` -- spec string to :class:`~verify.groups.base.FiniteGroup`.
* :data:`GROUP_SPEC_FORMS` -- the valid forms, listed in error messages.

Implementation notes
--------------------
Parsed groups are cached by spec, so the expensive parts (enumeration,
irreducible representations) are computed once per process.

References
----------
.. [1] sympy.combinatorics.named_groups (SymmetricGroup, AlternatingGroup,
   RubikGroup) for the generators of the permutation families.
"""

from __future__ import annotations

import functools
import re

import numpy as np

from verify.errors import SpecError
from verify.groups.abelian import AbelianGroup
from verify.groups.base import FiniteGroup
from verify.groups.dihedral import DihedralGroup
from verify.groups.permutation import PermutationGroup
from verify.groups.permutation_notation import cycles_degree, format_cycles, parse_cycles
from verify.groups.quaternion import QuaternionGroup

__all__ = ["parse_group", "GROUP_SPEC_FORMS"]

GROUP_SPEC_FORMS = (
    "cyclic:N",
    "abelian:N1xN2x...",
    "hypercube:n",
    "dihedral:n",
    "symmetric:n",
    "alternating:n",
    "quaternion",
    "perm:GENS (0-based cycle notation, generators separated by ';')",
    "rubik:2",
    "rubik:3",
)

#: Degree bound for symmetric and alternating groups; the order of S_n grows
#: like n!, and above this degree nothing but sampling would be possible.
MAX_SYMMETRIC_DEGREE = 30


def _invalid(spec: str, reason: str) -> SpecError:
    return SpecError(f"invalid group spec {spec!r}: {reason}. Valid forms: {', '.join(GROUP_SPEC_FORMS)}")


def _positive_integer(spec: str, text: str, name: str, minimum: int = 1) -> int:
    if not re.fullmatch(r"\s*\d+\s*", text or ""):
        raise _invalid(spec, f"{name} must be an integer >= {minimum}, got {text!r}")
    value = int(text)
    if value < minimum:
        raise _invalid(spec, f"{name} must be at least {minimum}, got {value}")
    return value


def _symmetric(n: int, spec: str) -> PermutationGroup:
    if n == 1:
        return PermutationGroup([[0]], spec, "symmetric")
    cycle = np.roll(np.arange(n), -1)
    transposition = np.arange(n)
    transposition[[0, 1]] = [1, 0]
    # The n-cycle and the transposition (0 1) generate S_n.
    return PermutationGroup([cycle, transposition], spec, "symmetric")


def _alternating(n: int, spec: str) -> PermutationGroup:
    if n <= 2:
        return PermutationGroup([np.arange(max(n, 1))], spec, "alternating")
    # The 3-cycles (0 1 k), k = 2..n-1, generate A_n.
    generators = [parse_cycles(f"(0 1 {k})", n) for k in range(2, n)]
    return PermutationGroup(generators, spec, "alternating")


def _perm(spec: str, body: str) -> PermutationGroup:
    texts = [text.strip() for text in body.split(";")]
    if not body.strip() or any(not text for text in texts):
        raise _invalid(spec, "perm: needs generators in cycle notation separated by ';', e.g. perm:(0 1 2);(0 1)")
    try:
        degree = max(max(cycles_degree(text, context=f"generator {text!r}") for text in texts), 1)
        generators = [parse_cycles(text, degree, context=f"generator {text!r}") for text in texts]
    except SpecError as error:
        raise _invalid(spec, str(error)) from None
    canonical = "perm:" + ";".join(format_cycles(generator) for generator in generators)
    return PermutationGroup(generators, canonical, "perm")


def _rubik(n: int, spec: str) -> PermutationGroup:
    from sympy.combinatorics.named_groups import RubikGroup

    if n not in (2, 3):
        raise _invalid(spec, f"rubik:n is available for n = 2 and n = 3, got {n}")
    group = RubikGroup(n)
    generators = [np.array(g.array_form, dtype=np.int64) for g in group.generators]
    return PermutationGroup(generators, spec, "rubik", sympy_group=group)


@functools.lru_cache(maxsize=64)
def parse_group(spec: str) -> FiniteGroup:
    """Return the group described by ``spec``.

    Parameters
    ----------
    spec : str
        One of the forms in :data:`GROUP_SPEC_FORMS`.

    Returns
    -------
    FiniteGroup
        Its ``spec`` attribute is the canonical spelling: lower-case family,
        no spaces, and for ``perm:`` each generator in the cycle notation of
        :func:`~verify.groups.permutation_notation.format_cycles`.

    Raises
    ------
    SpecError
        If the spec is not one of the valid forms; the message names the
        spec and lists the forms.

    Examples
    --------
    >>> parse_group("dihedral:4").order
    8
    >>> parse_group("perm:(0 1 2 3 4 5 6 7 8 9 10);(2 6 10 7)(3 9 4 5)").order
    7920
    """
    if not isinstance(spec, str):
        raise SpecError(f"group spec must be a string, got {type(spec).__name__}")
    text = spec.strip()
    family, _, argument = text.partition(":")
    family = family.strip().lower()

    if family == "cyclic":
        n = _positive_integer(spec, argument, "cyclic:N order N")
        return AbelianGroup((n,), f"cyclic:{n}", "cyclic")
    if family == "abelian":
        factors = argument.lower().split("x")
        moduli = tuple(_positive_integer(spec, factor, "each factor of abelian:N1xN2x...") for factor in factors)
        return AbelianGroup(moduli, "abelian:" + "x".join(str(m) for m in moduli), "abelian")
    if family == "hypercube":
        n = _positive_integer(spec, argument, "hypercube:n dimension n")
        return AbelianGroup((2,) * n, f"hypercube:{n}", "hypercube")
    if family == "dihedral":
        n = _positive_integer(spec, argument, "dihedral:n polygon size n")
        return DihedralGroup(n, f"dihedral:{n}")
    if family == "symmetric":
        n = _positive_integer(spec, argument, "symmetric:n degree n")
        if n > MAX_SYMMETRIC_DEGREE:
            raise _invalid(spec, f"symmetric:n supports n <= {MAX_SYMMETRIC_DEGREE}, got {n}")
        return _symmetric(n, f"symmetric:{n}")
    if family == "alternating":
        n = _positive_integer(spec, argument, "alternating:n degree n")
        if n > MAX_SYMMETRIC_DEGREE:
            raise _invalid(spec, f"alternating:n supports n <= {MAX_SYMMETRIC_DEGREE}, got {n}")
        return _alternating(n, f"alternating:{n}")
    if family == "quaternion":
        if argument.strip():
            raise _invalid(spec, "quaternion takes no argument")
        return QuaternionGroup("quaternion")
    if family == "perm":
        return _perm(text, argument)
    if family == "rubik":
        n = _positive_integer(spec, argument, "rubik:n cube size n")
        return _rubik(n, f"rubik:{n}")
    raise _invalid(spec, f"unknown family {family!r}")
