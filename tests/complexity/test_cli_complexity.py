"""The complexity and constants subcommands: JSON keys and reference values."""

import json

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
