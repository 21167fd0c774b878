"""The claims of averaging complexity, registered at import time.

Importing this module registers the thirteen claims L1-L4, P10, T1-T7 and F1
in :mod:`theory.registry`, each with its proof file ``proofs/<ID>.md``.

Main results
------------
* L1 Fourier characterization, L2 the notions in Fourier terms,
  L3 Plancherel (Welch) bound, L4 Meshulam's uncertainty inequality;
* P10 relations between the complexities;
* T1 exact invariance is linear, T2 approximate invariance is logarithmic,
  T3 lower bounds, T4 exponential separation, T5 circle group,
  T6 rotation group, T7 polynomial classes;
* F1 the experiment of rotations of the plane by a cyclic group of order 100.

Implementation notes
--------------------
Statements use the notation of :mod:`theory.definitions`; ``epsilon``
bounds squared errors.

References
----------
* B. Tahmasebi and M. Weber, "Achieving Approximate Symmetry Is
  Exponentially Easier than Exact Symmetry", ICLR 2026, arXiv:2512.11855.
"""

from __future__ import annotations

from theory.registry import Claim, register_claim

__all__ = ["CLAIM_IDS"]

_FINITE = "G is a finite group of order N; (rho, F) is a finite-dimensional unitary representation"


def _claim(id: str, title: str, kind: str, hypotheses: tuple, statement: str) -> Claim:
    return register_claim(
        Claim(id=id, title=title, statement=statement, hypotheses=hypotheses,
              proof_file=f"proofs/{id}.md", kind=kind)
    )


_claim(
    "L1", "Fourier characterization", "lemma", (_FINITE, "w is an averaging scheme"),
    "On the pi-isotypic component of F (isomorphic to pi (x) C^m) A_w acts as w^(pi) (x) I, "
    "and on F^G as the identity. Hence Delta_F(w) = max over pi in Pi(F) and h in G of "
    "||(pi(h) - I) w^(pi)||, and w is exact on F iff w^(pi) = 0 for every pi in Pi(F).",
)
_claim(
    "L2", "The notions in Fourier terms", "lemma", (_FINITE, "w is an averaging scheme"),
    "w is weakly epsilon-invariant on F iff beta_F(w)^2 <= epsilon; strongly epsilon-invariant "
    "iff Delta_F(w)^2 <= epsilon; and sqrt(2) beta_F(w) <= Delta_F(w) <= 2 beta_F(w). For a "
    "character chi of order m, max_h |chi(h) - 1| = 2 sin(pi floor(m/2) / m).",
)
_claim(
    "L3", "Plancherel (Welch) bound", "lemma",
    (_FINITE, "F is spectrally complete", "w is a signed scheme of size k"),
    "beta_F(w)^2 >= (N - k) / (k (N - 1)).",
)
_claim(
    "L4", "Meshulam's uncertainty inequality", "lemma", ("G is a finite group of order N",
                                                         "f: G -> C is nonzero"),
    "|supp f| * sum_pi d_pi rank f^(pi) >= N.",
)
_claim(
    "P10", "Relations between the complexities", "proposition", (_FINITE, "epsilon > 0"),
    "AC_wk(F, epsilon) <= AC_st(F, epsilon) <= AC_ex(F) <= N; AC_st(F, 4 epsilon) <= "
    "AC_wk(F, epsilon); all three are non-increasing in epsilon and monotone in F "
    "(F1 a subrepresentation of F2 implies AC(F1) <= AC(F2)).",
)
_claim(
    "T1", "Exact invariance is linear", "theorem", (_FINITE,),
    "(a) AC_ex(F) >= N / sum over pi not in Pi(F) of d_pi^2. (b) If F is spectrally complete, "
    "the only exact scheme, signed or not, is w = 1/N, so AC_ex(F) = N. (c) If no pi in Pi(F) "
    "has a nonzero vector fixed by a subgroup H, the uniform scheme on H is exact, so "
    "AC_ex(F) <= |H|. (d) On Z_p, p prime, with frequencies +-1..+-K (2K + 1 <= p), "
    "AC^±_ex = 2K + 1.",
)
_claim(
    "T2", "Approximate invariance is logarithmic", "theorem",
    (_FINITE, "g_1..g_k independent uniform elements of G, w their uniform scheme", "0 < s <= 1"),
    "P(beta_F(w) >= s) <= 2 D(F) exp(-3 k s^2 / 8). Hence with probability at least 1 - delta "
    "w is weakly epsilon-invariant when k >= (8/(3 epsilon)) ln(2 D(F)/delta) (epsilon <= 1) and "
    "strongly epsilon-invariant when k >= (32/(3 epsilon)) ln(2 D(F)/delta) (epsilon <= 4); the "
    "strong variant normalized by E_h ||h.f - f||^2 needs the constant 16/3. Since D(F) <= N - 1 "
    "these sizes are O(log N / epsilon) for every class.",
)
_claim(
    "T3", "Lower bounds for approximate invariance", "theorem",
    (_FINITE, "F is spectrally complete"),
    "(a) A weak epsilon scheme has size k >= N / (epsilon (N - 1) + 1), a strong one "
    "k >= 2N / (epsilon (N - 1) + 2). (b) A weak scheme with epsilon < 1 or a strong one with "
    "epsilon < 2 is supported in no coset of a proper subgroup, so its size is at least "
    "d(G) + 1, d(G) the minimum number of generators; on Z_2^n, n + 1 points suffice for "
    "beta < 1. (c) On Z_N with the regular class and nonnegative weights, with s = sqrt(epsilon) "
    "(weak) or sqrt(epsilon/2) (strong) and s < 1: AC^+ >= ln N / ln(1 + 2 pi / arccos s).",
)
_claim(
    "T4", "Exponential separation", "theorem", (_FINITE, "F is spectrally complete",
                                                 "0 < epsilon <= 4"),
    "AC_ex(F) = N while AC_st(F, epsilon) <= floor((32/(3 epsilon)) ln(2N)) + 1, so "
    "AC_ex / AC_st >= N / (floor((32/(3 epsilon)) ln(2N)) + 1), which tends to infinity with N; "
    "by T3(a) the ratio is at most (epsilon (N - 1) + 2) / 2.",
)
_claim(
    "T5", "The circle group", "theorem",
    ("G = SO(2) with the Haar probability measure", "F_K = trigonometric polynomials of degree <= K"),
    "AC_ex(F_K) = K + 1 for signed and for nonnegative schemes (the (K+1)-st roots of unity "
    "with equal weights are exact, and K or fewer atoms are never exact); T2 holds with D = 2K.",
)
_claim(
    "T6", "The rotation group", "theorem",
    ("G = SO(3) with the Haar probability measure",
     "F_L = span of the Wigner functions D^l_{mn}, 1 <= l <= L, and the constants"),
    "D(F_L) = sum_{l=1}^{L} (2l+1) = L^2 + 2L. An exact scheme, signed or not, has at least "
    "M = sum_{l=0}^{J} (2l+1)^2 = (J+1)(2J+1)(2J+3)/3 points, J = floor(L/2), so M ~ L^3/6; "
    "T2 gives O(log L / epsilon) points for the approximate notions.",
)
_claim(
    "T7", "Polynomial classes reach spectral completeness", "theorem",
    ("rho is a faithful representation of G on a real vector space V",
     "F_k = polynomials of degree <= k on V"),
    "Let K* be the least k with F_k spectrally complete. Then AC_ex(F_k) = N for every k >= K*, "
    "and K* <= N - 1. The closed form K* <= min(N, sum over eigenvalues lambda of (M_lambda - 1)) "
    "is false (Z_2 acting on R by sign: K* = 1, sum 0; S_3 permuting R^3: K* = 3, sum 2); for "
    "S_d permuting R^d, sum_lambda M_lambda - 1 = d(d+1)/2 - 1 >= C(d, 2) = K*.",
)
_claim(
    "F1", "Figure 1: rotations of the plane", "experiment",
    ("G = Z_100 rotating the plane", "f an anisotropic function", "5 random rotations"),
    "Averaging f over 5 random rotations against all 100: the relative errors on f itself and "
    "the class errors beta^2 and Delta^2 on the band-limited class carrying 99.9% of the "
    "non-invariant energy of f are reported separately and named.",
)

#: Identifiers of the claims registered by this module, in order.
CLAIM_IDS = ("L1", "L2", "L3", "L4", "P10", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "F1")
