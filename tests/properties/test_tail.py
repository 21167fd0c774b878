"""Tests of the T2 statistical check: confidence bounds, vectorized beta, the check itself."""

import numpy as np
import pytest
from scipy.stats import binom

from verify.checks.property_tail import (
    TAIL_DRAWS,
    TAIL_LEVELS,
    TAIL_PANEL,
    clopper_pearson_lower,
    random_scheme_betas,
    tail_bound_property,
)
from verify.classes import parse_class
from verify.defects import compute_defects
from verify.groups import parse_group
from verify.schemes import make_scheme


@pytest.mark.parametrize("successes, trials", [(1, 10), (5, 40), (37, 400), (400, 400)])
def test_clopper_pearson_lower_tail(successes, trials):
    alpha = 0.001
    lower = clopper_pearson_lower(successes, trials, alpha)
    # The lower bound p solves P(X >= x; n, p) = alpha (the binomial tail, computed independently).
    assert binom.sf(successes - 1, trials, lower) == pytest.approx(alpha, rel=1e-6)


def test_clopper_pearson_zero_successes():
    assert clopper_pearson_lower(0, 100, 0.001) == 0.0


@pytest.mark.parametrize("group_spec, class_spec", TAIL_PANEL)
def test_vectorized_betas_match_engine(group_spec, class_spec):
    function_class = parse_class(class_spec, parse_group(group_spec))
    draws, trials = 6, 5
    betas = random_scheme_betas(function_class, draws, trials, np.random.default_rng(5))
    samples = np.random.default_rng(5).integers(0, function_class.group.order, size=(trials, draws))
    for beta, sample in zip(betas, samples):
        scheme = make_scheme(function_class.group, sample, np.full(draws, 1 / draws))
        assert beta == pytest.approx(compute_defects(function_class, scheme).beta, abs=1e-12)


def test_tail_bound_holds():
    result = tail_bound_property(trials=300, seed=3)
    assert result.passed, result.describe_failure()
    assert result.margin >= 0
    assert len(result.details["rows"]) == len(TAIL_PANEL) * len(TAIL_DRAWS) * len(TAIL_LEVELS)


def test_tail_rows_mostly_informative():
    result = tail_bound_property(trials=50, seed=3)
    rows = result.details["rows"]
    informative = [row for row in rows if row["bound"] < 1]
    # Rows whose bound is capped at 1 cannot fail, so most rows must have a bound below 1.
    assert len(informative) >= 0.8 * len(rows)
    assert f"{len(informative)} with bound < 1" in result.evidence


def test_tail_bound_rejects_confidence():
    with pytest.raises(ValueError, match=r"confidence=1.5 must be strictly between 0 and 1"):
        tail_bound_property(confidence=1.5)
