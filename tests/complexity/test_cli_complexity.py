"""The complexity and constants subcommands: JSON keys and reference values."""

import json

import pytest

from verify.cli import main


def _json(capsys, arguments):
    assert main(arguments) == 0
    return json.loads(capsys.readouterr().out)


def test_complexity_exact_json_keys(capsys):
    payload = _json(capsys, ["complexity", "cyclic:7", "--class", "band:2", "--exact", "--json", "--quiet"])
    for key in ("group", "class", "notion", "family", "epsilon", "lower", "upper", "value", "certificate", "convention"):
        assert key in payload
    assert payload["value"] == 5
    assert payload["family"] == "nonnegative"


def test_complexity_family_all(capsys):
    payload = _json(capsys, ["complexity", "cyclic:7", "--class", "band:1", "--exact", "--family", "all",
                             "--json", "--quiet"])
    assert [entry["value"] for entry in payload["families"]] == [3, 3, 7]


def test_complexity_writes_scheme_file(capsys, tmp_path):
    path = tmp_path / "scheme.json"
    _json(capsys, ["complexity", "cyclic:12", "--class", "band:3", "--exact", "--json", "--quiet",
                   "--write-scheme", str(path)])
    data = json.loads(path.read_text())
    assert sorted(data["elements"]) == ["0", "3", "6", "9"]


def test_complexity_notion_needs_epsilon(capsys):
    assert main(["complexity", "cyclic:7", "--class", "regular", "--notion", "weak"]) == 2
    assert "--epsilon" in capsys.readouterr().err


def test_constants_json_keys(capsys):
    payload = _json(capsys, ["constants", "cyclic:60", "--class", "regular", "--notion", "weak", "--epsilon", "0.2",
                             "--delta", "0.1", "--trials", "100", "--json", "--quiet"])
    for key in ("group", "class", "notion", "epsilon", "delta", "trials", "tail", "empirical_constant",
                "proved_constant", "convention"):
        assert key in payload
    assert payload["empirical_constant"] <= payload["proved_constant"]
    assert all(row["confidence_interval"][0] <= row["bound"] for row in payload["tail"])


def test_complexity_trivial_group_weak_is_one(capsys):
    # D(F) = 0: beta = Delta = 0 for every scheme, so one element suffices without a solver.
    payload = _json(capsys, ["complexity", "cyclic:1", "--class", "regular", "--notion", "weak", "--epsilon", "0.1",
                             "--json", "--quiet"])
    assert payload["value"] == 1


def test_complexity_empty_spectrum_all_families(capsys):
    payload = _json(capsys, ["complexity", "symmetric:3", "--class", "irreps:0", "--notion", "strong",
                             "--epsilon", "0.1", "--family", "all", "--json", "--quiet"])
    assert [entry["value"] for entry in payload["families"]] == [1, 1, 1]


def test_complexity_family_all_writes_each(capsys, tmp_path):
    path = tmp_path / "F.json"
    assert main(["complexity", "cyclic:7", "--class", "band:2", "--exact", "--family", "all", "--quiet",
                 "--write-scheme", str(path)]) == 0
    capsys.readouterr()
    sizes = {family: len(json.loads((tmp_path / f"F.{family}.json").read_text())["elements"])
             for family in ("signed", "nonnegative", "uniform")}
    assert sizes == {"signed": 5, "nonnegative": 5, "uniform": 7}
    assert not path.exists()


def test_complexity_text_value_and_interval(capsys):
    assert main(["complexity", "cyclic:7", "--class", "band:2", "--exact", "--quiet"]) == 0
    assert "AC_ex = 5" in capsys.readouterr().out
    assert main(["complexity", "cyclic:1000", "--class", "regular", "--notion", "weak", "--epsilon", "0.1",
                 "--quiet"]) == 0
    output = capsys.readouterr().out
    assert "AC_wk(eps=0.1) in [" in output
    assert "= in [" not in output


def test_complexity_rubik_action_interval(capsys):
    # rubik:2 is not enumerated; the upper end comes from random schemes on the 24 points.
    payload = _json(capsys, ["complexity", "rubik:2", "--class", "action", "--notion", "weak", "--epsilon", "0.3",
                             "--json", "--quiet"])
    assert payload["lower"] == 2
    assert payload["upper"] is not None and payload["upper"] >= 2


@pytest.mark.parametrize("group_spec, class_spec", [("cyclic:1", "regular"), ("symmetric:4", "irreps:0")])
def test_constants_rejects_empty_spectrum(capsys, group_spec, class_spec):
    assert main(["constants", group_spec, "--class", class_spec, "--notion", "weak", "--epsilon", "0.1",
                 "--delta", "0.1", "--trials", "10", "--quiet"]) == 2
    error = capsys.readouterr().err
    assert "D(F) = 0" in error
    assert len(error.strip().splitlines()) == 1


def test_constants_rejects_too_many_trials(capsys):
    assert main(["constants", "cyclic:360", "--class", "regular", "--notion", "weak", "--epsilon", "0.1",
                 "--delta", "0.1", "--trials", "100000000", "--quiet"]) == 2
    assert "--trials must be between 1 and 1,000,000, got 100,000,000" in capsys.readouterr().err


def test_tail_batches_match_one_batch(monkeypatch):
    # Batching the random draws must not change the counts: compare with one batch per k.
    import numpy as np

    from verify.classes import parse_class
    from verify.complexity import tails
    from verify.groups import parse_group

    function_class = parse_class("regular", parse_group("cyclic:30"))
    whole = tails.empirical_tail(function_class, "weak", 0.2, 50, (4, 16), np.random.default_rng(1))
    monkeypatch.setattr(tails, "DRAWS_PER_BATCH", 7)
    batched = tails.empirical_tail(function_class, "weak", 0.2, 50, (4, 16), np.random.default_rng(1))
    assert [row["frequency"] for row in batched] == [row["frequency"] for row in whole]
