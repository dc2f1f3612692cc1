"""docs/dpia.md names, for each measure, the test that proves it: each named test file and
test function must exist, and every risk must say how likely, how severe, and what proves
the measure (or say plainly that no test does)."""

import ast
import os
import re

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOC = open(os.path.join(ROOT, "docs", "dpia.md"), encoding="utf-8").read()
NAMED = sorted(set(re.findall(r"`(tests/[\w/]+\.py)(?:::(\w+))?`", DOC)))
RISKS = [line for line in DOC.splitlines() if re.match(r"\| R\d+ \|", line)]


def test_the_draft_names_tests_and_risks():
    assert len(NAMED) >= 20 and len(RISKS) >= 10


def functions_in(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as source:
        tree = ast.parse(source.read())
    return {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}


@pytest.mark.parametrize(("path", "name"), NAMED)
def test_each_named_test_exists(path, name):
    assert os.path.isfile(os.path.join(ROOT, path)), path
    if name:
        assert name in functions_in(path), f"{path} has no {name}"


@pytest.mark.parametrize("row", RISKS, ids=lambda row: row.split("|")[1].strip())
def test_each_risk_has_likelihood_severity_and_proof(row):
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    _number, _risk, likelihood, severity, measure, proof, residual = cells
    assert likelihood in {"remote", "possible", "probable"}
    assert severity in {"minimal", "significant", "severe"}
    assert measure and residual.split(":")[0] in {"low", "medium", "high"}
    assert "`tests/" in proof or proof.startswith("no test:")


def test_privacy_page_points_to_the_draft_instead_of_not_yet():
    privacy = open(os.path.join(ROOT, "docs", "privacy.md"), encoding="utf-8").read()
    (row,) = [line for line in privacy.splitlines() if line.startswith("| 2 |")]
    assert "dpia.md" in row and "Not yet" not in row
