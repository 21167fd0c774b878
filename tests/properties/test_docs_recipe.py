"""The counterexample recipe of docs/properties.md runs as written and reproduces the violation."""

import os
import re
import subprocess
import sys
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "properties.md"


def test_counterexample_recipe_runs(tmp_path):
    text = DOC.read_text()
    section = text[text.index("## Reproducing a counterexample"):]
    script = re.search(r"```\n(.*?)```", section, re.S).group(1)
    # `python` in the recipe must be the interpreter running the tests.
    environment = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    completed = subprocess.run(["sh", "-c", script], cwd=tmp_path, env=environment, capture_output=True,
                               text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    assert "python -m verify defect" in completed.stdout
    # The shrunk scheme violates Delta <= 1.5 beta: beta = 1 and Delta = 2.
    assert re.search(r"^beta\s+1\b", completed.stdout, re.M)
    assert re.search(r"^Delta \(defect\)\s+2\b", completed.stdout, re.M)
