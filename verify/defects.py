"""Invariance defects of an averaging scheme on a function class.

Main definitions
----------------
* :func:`fourier_transforms` -- ``w_hat(pi) = sum_g w(g) pi(g)`` for every
  ``pi`` in ``Pi(F)``, one batched product per irreducible.
* :func:`compute_defects` -- the spectral defect ``beta_F(w)``, the
  worst-case defect ``Delta_F(w)`` and the sandwich of L2, as a
  :class:`DefectReport`.
* :func:`defects_from_definition` -- ``beta`` and ``Delta`` straight from
  the definitions on explicit matrices of ``rho`` on ``F``; an oracle
  independent of the Fourier path (L1).

Main results
------------
* L1: ``Delta_F(w) = max over pi in Pi(F), h in G of ||(pi(h) - I) w_hat(pi)||``.
* L2: the smallest weak epsilon is ``beta^2``, the smallest strong epsilon is
  ``Delta^2``, and ``sqrt(2) beta <= Delta <= 2 beta``.

Implementation notes
--------------------
Three paths compute the defects:

1. *Fourier* (an irreducible backend and a known spectrum): ``beta`` is the
   largest operator norm of ``w_hat(pi)``; ``Delta`` by L1 enumerates
   ``h in G`` only for groups of order at most ``max_order``.  For abelian
   groups the maximum over ``h`` has the closed form
   ``|w_hat(chi)| 2 sin(pi floor(m/2)/m)`` (``m`` the order of ``chi``), so
   no enumeration is needed.
2. *Points* (the ``action`` class without a backend): ``A_w`` is an
   ``n x n`` matrix on the points; ``beta = ||A_w - P||`` with ``P`` the
   orbit-averaging projection, ``Delta`` from the definition for groups of
   order at most ``max_order``.
3. *Regular, matrix-free* (the ``regular`` class without a backend):
   ``beta = ||A_w - P||`` on ``L^2(G)`` by Lanczos
   (:func:`scipy.sparse.linalg.svds`) on index arrays, with a dense
   fallback for small groups; ``Delta`` is not computed.

Where ``Delta`` is not computed, ``defect`` is ``None`` and the sandwich
``[sqrt(2) beta, 2 beta]`` is reported.  The sandwich holds for every class:
its lower side needs only ``P u = 0`` (Schur orthogonality), not
irreducibility.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from verify.errors import UsageError

__all__ = [
    "DEFAULT_MAX_ORDER",
    "DefectReport",
    "fourier_transforms",
    "compute_defects",
    "defects_from_definition",
    "exactness_tolerance",
    "operator_norm",
]

#: Largest group order for which ``Delta`` (a maximum over all ``h``) is computed
#: by enumerating the group.
DEFAULT_MAX_ORDER = 100_000

#: Largest number of matrix entries ``size * sum of d_pi^2 over Pi(F)`` that the
#: Fourier path evaluates.  Above it (the regular class of ``S_12``, say) the
#: computation would take hours, so it is rejected.
FOURIER_ENTRY_LIMIT = 500_000_000

#: Largest estimated cost ``N * sum of d_pi^3 over Pi(F)`` of Delta by L1 over
#: all ``h``; about 2 minutes on one core.  Above it Delta is reported as None.
DELTA_COST_LIMIT = 20_000_000_000

#: Relative tolerance of ``exactly_invariant``: ``defect <= 1e-10 max(1, ||w||_1)``.
EXACTNESS_RELATIVE_TOLERANCE = 1e-10


def exactness_tolerance(scheme) -> float:
    """Return the float64 tolerance under which a defect counts as zero."""
    return EXACTNESS_RELATIVE_TOLERANCE * max(1.0, scheme.l1_norm)


def operator_norm(matrix: np.ndarray) -> float:
    """Return the largest singular value of a ``(d, d)`` matrix (``|m|`` for ``d = 1``)."""
    if matrix.shape == (1, 1):
        return float(abs(matrix[0, 0]))
    return float(np.linalg.norm(matrix, ord=2))


@dataclass(frozen=True, eq=False)
class DefectReport:
    """Defects of one scheme on one class.

    Attributes
    ----------
    beta : float
        The spectral defect ``beta_F(w)``; ``beta^2`` is the smallest weak epsilon.
    delta : float or None
        The worst-case defect ``Delta_F(w)``; ``delta^2`` is the smallest
        strong epsilon.  ``None`` where it was not computed.
    sandwich_lower, sandwich_upper : float
        ``sqrt(2) beta`` and ``2 beta`` (L2).
    method : str
        Which path computed the values.
    transforms : dict of int to ndarray, or None
        ``w_hat(pi)`` for ``pi`` in ``Pi(F)`` on the Fourier path.
    exactly_invariant : bool
        Whether the defect (or its upper sandwich when ``delta`` is None) is
        below :func:`exactness_tolerance`.
    tolerance : float
    delta_note : str or None
        Why ``delta`` was not computed, when it is ``None``.
    """

    beta: float
    delta: float | None
    sandwich_lower: float
    sandwich_upper: float
    method: str
    transforms: dict | None
    exactly_invariant: bool
    tolerance: float
    delta_note: str | None = None

    @property
    def weak_epsilon(self) -> float:
        """The smallest weak epsilon, ``beta^2`` (L2)."""
        return self.beta**2

    @property
    def strong_epsilon(self) -> float | None:
        """The smallest strong epsilon, ``Delta^2`` (L2), or None."""
        return None if self.delta is None else self.delta**2


def fourier_transforms(function_class, scheme) -> dict:
    """Return ``{index: w_hat(pi)}`` for every ``pi`` in ``Pi(F)``.

    Raises
    ------
    UsageError
        If the class has no known spectrum (no irreducible backend).
    """
    spectrum = function_class.spectrum
    if spectrum is None:
        raise UsageError(f"class {function_class.spec!r} on {function_class.group.spec!r} has no known spectrum")
    backend = function_class.backend
    transforms = backend.fourier_transforms(spectrum, scheme.elements, scheme.weights)
    return dict(zip(spectrum, transforms))


def _report(beta, delta, method, transforms, scheme, delta_note=None) -> DefectReport:
    tolerance = exactness_tolerance(scheme)
    measured = delta if delta is not None else 2 * beta
    return DefectReport(
        beta=float(beta),
        delta=None if delta is None else float(delta),
        sandwich_lower=float(np.sqrt(2) * beta),
        sandwich_upper=float(2 * beta),
        method=method,
        transforms=transforms,
        exactly_invariant=bool(measured <= tolerance),
        tolerance=tolerance,
        delta_note=delta_note if delta is None else None,
    )


def _fourier_path(function_class, scheme, max_order) -> DefectReport:
    from verify.representations.abelian import CharacterBackend

    backend = function_class.backend
    degrees = backend.degrees[list(function_class.spectrum)].astype(float)
    entries = scheme.size * float(np.sum(degrees**2))
    if entries > FOURIER_ENTRY_LIMIT:
        raise UsageError(
            f"the Fourier transform of a scheme of size {scheme.size} on class {function_class.spec!r} of "
            f"{function_class.group.spec!r} needs {entries:.3g} matrix entries, above the limit "
            f"{FOURIER_ENTRY_LIMIT:.0e}; use fewer elements or a smaller class such as action"
        )
    transforms = fourier_transforms(function_class, scheme)
    beta = max((operator_norm(matrix) for matrix in transforms.values()), default=0.0)
    closed_form = isinstance(backend, CharacterBackend)
    delta_cost = float(function_class.group.order) * float(np.sum(degrees**3))
    delta, note = None, None
    if not closed_form and function_class.group.order <= max_order and delta_cost > DELTA_COST_LIMIT:
        note = (
            f"Delta by L1 over all h would cost about N * sum d^3 = {delta_cost:.2g} operations, "
            f"above the limit {DELTA_COST_LIMIT:.0e}"
        )
    elif closed_form or function_class.group.order <= max_order:
        delta = max(
            (backend.max_translation_norms(index, matrix) for index, matrix in transforms.items()),
            default=0.0,
        )
    else:
        note = _order_note(function_class.group, max_order)
    method = f"Fourier ({backend.name})" + ("" if delta is None or closed_form else ", Delta by L1 over all h")
    return _report(beta, delta, method, transforms, scheme, note)


def _order_note(group, max_order: int) -> str:
    return (
        f"the group order {group.order} exceeds max_order = {max_order} "
        f"(--max-order), so h in G was not enumerated"
    )


def _orbit_projection(point_count: int, orbits) -> np.ndarray:
    projection = np.zeros((point_count, point_count))
    for orbit in orbits:
        projection[np.ix_(orbit, orbit)] = 1.0 / len(orbit)
    return projection


def _points_path(function_class, scheme, max_order) -> DefectReport:
    from verify.classes import action_orbits, action_permutations

    group = function_class.group
    images = action_permutations(group, scheme.elements)
    point_count = images.shape[-1]
    averaging = np.zeros((point_count, point_count))
    # rho(g) e_y = e_{g(y)}, so A_w[g(y), y] accumulates w(g).
    columns = np.broadcast_to(np.arange(point_count), images.shape)
    np.add.at(averaging, (images.ravel(), columns.ravel()), np.repeat(scheme.weights, point_count))
    projection = _orbit_projection(point_count, action_orbits(group))
    beta = operator_norm(averaging - projection)
    delta, note = None, None
    if not group.is_enumerated:
        note = f"the group order {group.order} is too large to enumerate h in G"
    elif group.order > max_order:
        note = _order_note(group, max_order)
    else:
        delta = _max_translation_defect_on_points(group, averaging)
    return _report(beta, delta, "points (A_w on the permuted points)", None, scheme, note)


def _max_translation_defect_on_points(group, averaging: np.ndarray) -> float:
    from verify.classes import action_permutations

    point_count = averaging.shape[0]
    chunk = max(1, 2_000_000 // (point_count * point_count))
    elements = group.elements()
    best = 0.0
    for start in range(0, len(elements), chunk):
        images = action_permutations(group, elements[start : start + chunk])
        inverse = np.argsort(images, axis=-1)
        # (rho(h) A)[x, :] = A[h^-1(x), :]
        translated = averaging[inverse]
        norms = np.linalg.norm(translated - averaging[None], ord=2, axis=(-2, -1))
        best = max(best, float(norms.max()))
    return best


def _regular_matrix_free(function_class, scheme) -> DefectReport:
    from scipy.sparse.linalg import LinearOperator, svds

    group = function_class.group
    if not group.is_enumerated:
        raise UsageError(f"the regular class of {group.spec!r} (order {group.order}) is too large for L^2(G)")
    order = group.order
    inverse_support = group.inverse(scheme.elements)
    # (A_w f)(x) = sum_g w(g) f(g^-1 x); the gather indices g^-1 x, one row per support element.
    gather = np.stack([group.multiply(np.full(order, g), group.elements()) for g in inverse_support])
    weights = scheme.weights

    def apply(vector):
        vector = np.asarray(vector).reshape(order, -1)
        result = np.tensordot(weights, vector[gather], axes=(0, 0))
        return result - vector.mean(axis=0, keepdims=True)

    def apply_adjoint(vector):
        vector = np.asarray(vector).reshape(order, -1)
        result = np.zeros_like(vector, dtype=float)
        for weight, rows in zip(weights, gather):
            np.add.at(result, rows, weight * vector)
        return result - vector.mean(axis=0, keepdims=True)

    if order <= 1500:
        dense = apply(np.eye(order))
        beta = operator_norm(dense)
    else:
        operator = LinearOperator((order, order), matvec=apply, rmatvec=apply_adjoint, matmat=apply, rmatmat=apply_adjoint)
        try:
            beta = float(svds(operator, k=1, return_singular_vectors=False, random_state=0, maxiter=5000)[0])
        except Exception as error:  # ARPACK failures are reported, never silently replaced
            raise RuntimeError(f"Lanczos did not converge for ||A_w - P|| on {group.spec!r}: {error}") from error
    note = "the matrix-free path (a group without an irreducible backend) computes beta only"
    return _report(beta, None, "regular, matrix-free (Lanczos on L^2(G))", None, scheme, note)


def compute_defects(function_class, scheme, max_order: int = DEFAULT_MAX_ORDER) -> DefectReport:
    """Return the defects of ``scheme`` on ``function_class``.

    Parameters
    ----------
    function_class : FunctionClass
    scheme : AveragingScheme
        A scheme on the same group.
    max_order : int, optional
        Largest group order for which ``Delta`` is computed by enumerating
        ``h in G``.

    Returns
    -------
    DefectReport

    Raises
    ------
    UsageError
        If the scheme is on another group or no path applies.

    Examples
    --------
    >>> from verify.groups import parse_group
    >>> from verify.classes import parse_class
    >>> from verify.schemes import uniform_scheme
    >>> group = parse_group("dihedral:4")
    >>> report = compute_defects(parse_class("regular", group), uniform_scheme(group))
    >>> report.exactly_invariant
    True
    """
    if scheme.group.spec != function_class.group.spec:
        raise UsageError(f"scheme on {scheme.group.spec!r} cannot act on a class of {function_class.group.spec!r}")
    if function_class.spectrum is not None:
        return _fourier_path(function_class, scheme, max_order)
    if function_class.kind == "action":
        return _points_path(function_class, scheme, max_order)
    if function_class.kind == "regular":
        return _regular_matrix_free(function_class, scheme)
    raise UsageError(f"no method computes defects of class {function_class.spec!r} on {function_class.group.spec!r}")


# -- the oracle: the definitions on explicit matrices -------------------------------


def explicit_representation(function_class, elements) -> np.ndarray:
    """Return ``rho(g)`` on ``F`` for ``g`` in ``elements``, shape ``(k, m, m)``.

    ``regular``: left-regular permutation matrices on ``L^2(G)``;
    ``action``: permutation matrices on the points; other classes: the block
    diagonal sum of their irreducibles with multiplicity.
    """
    from verify.classes import action_permutations

    group = function_class.group
    elements = np.asarray(elements)
    if function_class.kind in ("regular", "action"):
        if function_class.kind == "regular":
            images = group.multiply(elements.ravel()[:, None], group.elements()[None, :])
        else:
            images = action_permutations(group, elements)
        count, size = images.shape
        matrices = np.zeros((count, size, size))
        matrices[np.arange(count)[:, None], images, np.arange(size)[None, :]] = 1.0
        return matrices
    backend = function_class.backend
    blocks = []
    for index, multiplicity in function_class.multiplicities.items():
        blocks.extend([backend.matrices(index, elements)] * multiplicity)
    size = sum(block.shape[-1] for block in blocks)
    matrices = np.zeros((len(blocks[0]), size, size), dtype=complex)
    offset = 0
    for block in blocks:
        degree = block.shape[-1]
        matrices[:, offset : offset + degree, offset : offset + degree] = block
        offset += degree
    return matrices


def defects_from_definition(function_class, scheme) -> tuple[float, float]:
    """Return ``(beta, Delta)`` computed from the definitions, for small groups.

    ``A_w = sum_g w(g) rho(g)`` and ``P = (1/N) sum_g rho(g)`` on explicit
    matrices; ``beta = ||A_w - P||`` (the operator norm of ``A_w`` on the
    non-invariant part, where ``A_w - P = (I - P) A_w``) and
    ``Delta = max_h ||rho(h) A_w - A_w||``.  Loops over ``h`` plainly.
    Cost ``O(N m^3)`` for ``F`` of dimension ``m``; meant for tests.
    """
    group = function_class.group
    all_matrices = explicit_representation(function_class, group.elements())
    support_matrices = explicit_representation(function_class, scheme.elements)
    averaging = np.tensordot(scheme.weights, support_matrices, axes=(0, 0))
    projection = all_matrices.mean(axis=0)
    beta = operator_norm(averaging - projection)
    delta = 0.0
    for matrix in all_matrices:
        delta = max(delta, operator_norm(matrix @ averaging - averaging))
    return beta, delta
