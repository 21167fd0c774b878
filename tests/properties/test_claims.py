"""Every claim's property, run through the same functions as ``python -m verify run``."""

import pytest

import verify.checks  # noqa: F401  (registers every check)
from theory.registry import checks
from verify.checks import properties, property_bernstein, property_exactness, property_separation
from verify.checks.context import RunContext

PROPERTIES = [
    properties.l1_defects_property,
    properties.homomorphism_property,
    properties.unitarity_property,
    properties.schur_orthogonality_property,
    properties.l2_notions_property,
    properties.l2_sandwich_property,
    properties.p10_relations_property,
    properties.l3_welch_property,
    properties.l3_plancherel_property,
    properties.l4_uncertainty_property,
    property_exactness.t1_exact_support_property,
    property_exactness.t1_complete_property,
    property_exactness.t1_subgroup_property,
    property_exactness.t3_welch_size_property,
    property_exactness.t3_coset_property,
    property_exactness.t3_translation_property,
    property_exactness.t3_cyclic_property,
    property_bernstein.bernstein_hypotheses_property,
    property_separation.separation_property,
]


@pytest.mark.parametrize("property_function", PROPERTIES, ids=lambda function: function.__name__)
def test_property_holds(property_function, property_examples):
    outcome = property_function(examples=property_examples, seed=20261204)
    assert outcome.violation is None, outcome.violation and outcome.violation.case
    assert outcome.error is None
    assert outcome.examples >= property_examples


def test_registered_checks_pass(active_profile):
    context = RunContext(profile=active_profile, seed=1)
    own = [check for check in checks(level="property") if ".property-" in check.id]
    assert len(own) == len(PROPERTIES)
    # The properties themselves run above; here one check per module exercises the registry wrapper.
    for check_id in ("L2.property-sandwich", "T3.property-coset-support"):
        check = next(check for check in own if check.id == check_id)
        result = check.run(context)
        assert result.passed, result.describe_failure()
        assert result.details["examples"] >= context.settings["examples"]
        assert result.details["counterexample"] is None
