"""Characters of finite abelian groups, evaluated with the FFT.

Main definitions
----------------
* :class:`CharacterBackend` -- the ``N`` characters of ``Z_{n_1} x ... x Z_{n_r}``.
* :func:`character_defect_factor` -- ``max_h |chi(h) - 1|`` for a character of order ``m``.

Main results
------------
* L1 for characters: the worst-case defect of one character is
  ``|w_hat(chi)| * max_h |chi(h) - 1|``, and for a character of order ``m``
  the maximum is ``2 sin(pi floor(m/2) / m)`` (attained at ``h`` with
  ``chi(h) = exp(2 pi i floor(m/2) / m)``).

Implementation notes
--------------------
The character with index ``t`` (same mixed-radix indexing as the elements)
is ``chi_t(g) = exp(2 pi i sum_j t_j g_j / n_j)``, index 0 is trivial.
``w_hat(chi_t) = sum_g w(g) chi_t(g)`` for all ``t`` at once is ``N`` times the
inverse FFT of ``w`` laid out as an array of shape ``(n_1, ..., n_r)``; when
few characters and few support points are requested the sum is evaluated
directly instead, which is cheaper than ``N log N``.
"""

from __future__ import annotations

import math

import numpy as np

from verify.representations.base import Irrep, IrrepBackend

__all__ = ["CharacterBackend", "character_defect_factor"]


def character_defect_factor(orders) -> np.ndarray:
    """Return ``2 sin(pi floor(m/2) / m)`` for character orders ``m`` (0 for ``m = 1``).

    Examples
    --------
    >>> character_defect_factor([1, 2, 3]).round(6).tolist()
    [0.0, 2.0, 1.732051]
    """
    orders = np.asarray(orders, dtype=float)
    return 2 * np.sin(np.pi * np.floor(orders / 2) / orders)


class CharacterBackend(IrrepBackend):
    """All characters of an :class:`~verify.groups.abelian.AbelianGroup`.

    Labels are the coordinates ``t`` of the character, e.g. ``"t=(1,0)"``.
    """

    name = "characters (FFT)"

    def __init__(self, group):
        labels = [f"t=({group.format_element(t)})" for t in range(group.order)]
        super().__init__(group, [Irrep(t, 1, label) for t, label in enumerate(labels)])

    def _phases(self, indices, elements) -> np.ndarray:
        group = self.group
        frequencies = group.coordinates(np.asarray(indices, dtype=np.int64))
        points = group.coordinates(np.asarray(elements, dtype=np.int64))
        moduli = np.array(group.moduli, dtype=float)
        angle = 2 * np.pi * (points / moduli) @ frequencies.T
        return np.exp(1j * angle)

    def matrices(self, index: int, elements) -> np.ndarray:
        return self._phases([index], elements)[:, 0][:, None, None]

    def characters(self, index: int, elements) -> np.ndarray:
        return self._phases([index], elements)[:, 0]

    def character_values(self, indices, elements) -> np.ndarray:
        """Return ``chi_t(g)``, shape ``(len(elements), len(indices))``."""
        return self._phases(indices, elements)

    def fourier_all(self, elements, weights) -> np.ndarray:
        """Return ``w_hat(chi_t)`` for every ``t``, shape ``(N,)``, by one inverse FFT."""
        group = self.group
        dense = np.zeros(group.order, dtype=complex)
        np.add.at(dense, np.asarray(elements, dtype=np.int64), np.asarray(weights, dtype=float))
        shape = group.moduli if group.moduli else (1,)
        return (group.order * np.fft.ifftn(dense.reshape(shape))).ravel()

    def fourier_transforms(self, indices, elements, weights) -> list[np.ndarray]:
        indices = np.asarray(indices, dtype=np.int64)
        elements = np.asarray(elements, dtype=np.int64)
        weights = np.asarray(weights, dtype=float)
        direct_cost = len(indices) * len(elements)
        fft_cost = self.group.order * max(1.0, math.log2(max(self.group.order, 2)))
        if direct_cost <= fft_cost:
            values = weights @ self._phases(indices, elements)
        else:
            values = self.fourier_all(elements, weights)[indices]
        return [np.array([[value]]) for value in values]

    def class_representatives(self):
        elements = self.group.elements()
        return elements, np.ones(len(elements), dtype=np.int64)

    def character_orders(self, indices) -> np.ndarray:
        """Return the order of each character (equal to the order of ``t`` in the group)."""
        return self.group.element_orders(np.asarray(indices, dtype=np.int64))

    def max_translation_norms(self, index: int, transform: np.ndarray) -> float:
        order = self.character_orders([index])[0]
        return float(abs(transform[0, 0]) * character_defect_factor(order))
