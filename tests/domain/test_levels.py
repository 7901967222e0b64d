"""Scales, vocabulary and value validation of the domain, and its independence from the app."""

import ast
import sys
from pathlib import Path

import pytest

from hiring.domain import levels
from hiring.domain.levels import (
    N_,
    education_rank,
    is_language_code,
    language_rank,
    normalize_language_code,
    normalize_language_level,
)
from hiring.domain.values import (
    CandidateData,
    CompetencySpec,
    CustomRule,
    EducationRule,
    LanguageRule,
    Requirements,
    ScorecardData,
)

DOMAIN = Path(levels.__file__).parent


def test_education_order():
    order = ["secondary", "vocational", "incomplete_higher", "bachelor", "specialist", "master", "phd"]
    assert sorted(order, key=education_rank) == order
    assert [education_rank(level) for level in order] == list(range(7))


def test_cefr_order_with_native_on_top():
    assert [language_rank(level) for level in ("A1", "A2", "B1", "B2", "C1", "C2", "native")] == list(
        range(7)
    )


@pytest.mark.parametrize(("given", "canonical"), [("b2", "B2"), (" C1 ", "C1"), ("Native", "native")])
def test_language_levels_are_read_in_any_case(given, canonical):
    assert normalize_language_level(given) == canonical


@pytest.mark.parametrize("bad", ["B3", "fluent", "", None])
def test_unknown_language_level(bad):
    with pytest.raises(ValueError):
        language_rank(bad)


def test_unknown_education_level():
    with pytest.raises(ValueError):
        education_rank("college")


@pytest.mark.parametrize(
    ("code", "valid"), [("de", True), ("EN", True), ("zh", True), ("xx", False), ("eng", False)]
)
def test_iso_639_1_codes(code, valid):
    assert is_language_code(code) is valid


def test_normalize_language_code():
    assert normalize_language_code(" RU ") == "ru"
    assert len(levels.ISO_639_1) == 184
    with pytest.raises(ValueError):
        normalize_language_code("xx")


def test_n_marks_without_changing():
    assert N_("%(text)s: yes") == "%(text)s: yes"


def test_values_refuse_what_the_rules_cannot_read():
    with pytest.raises(ValueError):
        EducationRule("college")
    with pytest.raises(ValueError):
        CandidateData(1, "A", languages={"de": "fluent"})
    with pytest.raises(ValueError):
        CompetencySpec("NEG", -1)
    with pytest.raises(ValueError):
        ScorecardData(1, True, {}, recommendation="maybe")
    with pytest.raises(ValueError):
        Requirements(None, None, custom=(CustomRule(0, "Travel"), CustomRule(0, "Licence")))
    with pytest.raises(ValueError):
        Requirements(None, None, languages=(LanguageRule("de", "B2"), LanguageRule("DE", "C1")))


def test_values_are_frozen():
    with pytest.raises(AttributeError):
        CompetencySpec("NEG", 20).weight = 30


def test_domain_imports_only_the_standard_library():
    for path in DOMAIN.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                assert name.split(".")[0] in sys.stdlib_module_names, f"{path.name} imports {name}"
