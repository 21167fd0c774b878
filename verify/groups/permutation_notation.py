"""Cycle notation for permutations, 0-based: ``(0 1 2)(3 4)``, identity ``()``.

Main definitions
----------------
* :func:`parse_cycles` -- text to an image array of a given degree.
* :func:`format_cycles` -- image array to text.
* :func:`cycles_degree` -- the degree a cycle string needs (largest point + 1).

A permutation is an integer array ``p`` of images: ``p[x]`` is the image of
the point ``x``.  Points are separated by spaces or commas inside a cycle.
"""

from __future__ import annotations

import re

import numpy as np

from verify.errors import SpecError

__all__ = ["parse_cycles", "format_cycles", "cycles_degree"]

_CYCLE = re.compile(r"\(([^()]*)\)")


def _cycles(text: str, context: str) -> list[list[int]]:
    stripped = text.strip()
    if not stripped:
        raise SpecError(f"{context}: empty permutation; write () for the identity")
    remainder = _CYCLE.sub("", stripped).strip()
    if remainder:
        raise SpecError(
            f"{context}: {text!r} is not in cycle notation; write cycles of 0-based points "
            f"such as (0 1 2)(3 4), or () for the identity"
        )
    cycles = []
    for body in _CYCLE.findall(stripped):
        tokens = [token for token in re.split(r"[\s,]+", body.strip()) if token]
        try:
            points = [int(token) for token in tokens]
        except ValueError:
            raise SpecError(f"{context}: cycle ({body}) in {text!r} must list integer points") from None
        if any(point < 0 for point in points):
            raise SpecError(f"{context}: cycle ({body}) in {text!r} has a negative point; points are 0-based")
        if len(set(points)) != len(points):
            raise SpecError(f"{context}: cycle ({body}) in {text!r} repeats a point")
        cycles.append(points)
    return cycles


def cycles_degree(text: str, context: str = "permutation") -> int:
    """Return the largest point in ``text`` plus one (0 for the identity ``()``)."""
    points = [point for cycle in _cycles(text, context) for point in cycle]
    return max(points) + 1 if points else 0


def parse_cycles(text: str, degree: int, context: str = "permutation") -> np.ndarray:
    """Return the image array of the permutation written ``text`` in cycle notation.

    Cycles are composed as functions, the rightmost applied first, so
    ``(0 1)(1 2)`` maps 2 to 1, then 1 to 0.  Disjoint cycles commute.

    Parameters
    ----------
    text : str
        Cycle notation, 0-based, e.g. ``"(0 1 2)(3 4)"`` or ``"()"``.
    degree : int
        Number of points; the result has shape ``(degree,)``.
    context : str, optional
        Names the thing being parsed in error messages.

    Raises
    ------
    SpecError
        If the text is not cycle notation or names a point ``>= degree``.

    Examples
    --------
    >>> parse_cycles("(0 1 2)", 4).tolist()
    [1, 2, 0, 3]
    """
    image = np.arange(degree, dtype=np.int64)
    for cycle in reversed(_cycles(text, context)):
        if cycle and max(cycle) >= degree:
            raise SpecError(f"{context}: point {max(cycle)} in {text!r} is outside 0..{degree - 1}")
        cycle_map = np.arange(degree, dtype=np.int64)
        for position, point in enumerate(cycle):
            cycle_map[point] = cycle[(position + 1) % len(cycle)]
        image = cycle_map[image]
    return image


def format_cycles(image) -> str:
    """Return the cycle notation of the image array ``image`` (``"()"`` for the identity).

    Examples
    --------
    >>> format_cycles([1, 2, 0, 4, 3])
    '(0 1 2)(3 4)'
    """
    image = [int(x) for x in np.asarray(image).ravel()]
    seen = [False] * len(image)
    parts = []
    for start in range(len(image)):
        if seen[start] or image[start] == start:
            seen[start] = True
            continue
        cycle = [start]
        seen[start] = True
        point = image[start]
        while point != start:
            cycle.append(point)
            seen[point] = True
            point = image[point]
        parts.append("(" + " ".join(str(point) for point in cycle) + ")")
    return "".join(parts) if parts else "()"
