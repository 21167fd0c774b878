"""Finite groups as arrays, built from spec strings (see :func:`parse_group`)."""

from verify.groups.base import ENUMERATION_LIMIT, GROUP_LAW, FiniteGroup
from verify.groups.spec import GROUP_SPEC_FORMS, parse_group

__all__ = ["FiniteGroup", "GROUP_LAW", "ENUMERATION_LIMIT", "GROUP_SPEC_FORMS", "parse_group"]
