"""The default KAM profile (SPEC §2) is complete, bilingual and matches the spec's defaults."""

import importlib
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

sp = importlib.import_module("hiring.seed_profile")

CYRILLIC = re.compile(r"[\u0400-\u04FF]")

SPEC_COMPETENCIES = [
    ("NEG", "Negotiation & presentation", "Переговоры и презентация", 20, 3.0),
    (
        "REL",
        "Key client development & sales psychology",
        "Развитие ключевых клиентов и психология продаж",
        15,
        None,
    ),
    ("ANA", "Counterparty & market analysis", "Анализ контрагентов и рынка", 15, None),
    ("IND", "Industry & market knowledge", "Знание отрасли и рынка", 10, None),
    ("ORD", "Orders, contracts & reporting", "Заказы, договоры и отчётность", 10, None),
    ("ACC", "Receivables & accounting aspects", "Дебиторская задолженность и учёт", 10, None),
    ("CLM", "Claims & conflict resolution", "Рекламации и конфликты", 10, None),
    ("TIM", "Time management", "Тайм-менеджмент", 10, None),
]


def assert_ru(text: object) -> None:
    assert isinstance(text, str) and text.strip(), f"empty Russian text: {text!r}"
    assert CYRILLIC.search(text), f"Russian text without Cyrillic: {text!r}"
    assert '"' not in text, f"Russian text should use « » quotes: {text!r}"
    assert " - " not in text, f"Russian text should use an em dash: {text!r}"


def assert_en(text: object) -> None:
    assert isinstance(text, str) and text.strip(), f"empty English text: {text!r}"
    assert not CYRILLIC.search(text), f"English text with Cyrillic: {text!r}"


def assert_pair(pair: dict) -> None:
    assert set(pair) == {"ru", "en"}
    assert_ru(pair["ru"])
    assert_en(pair["en"])


def test_codes_names_weights_in_spec_order():
    got = [(c["code"], c["name_en"], c["name_ru"], c["weight"], c["critical_min"]) for c in sp.COMPETENCIES]
    assert got == SPEC_COMPETENCIES


def test_weights_sum_to_100():
    assert len(sp.COMPETENCIES) == 8
    assert sum(c["weight"] for c in sp.COMPETENCIES) == 100


def test_only_neg_has_a_critical_minimum():
    for c in sp.COMPETENCIES:
        if c["code"] == "NEG":
            assert c["critical_min"] == 3.0
        else:
            assert c["critical_min"] is None


@pytest.mark.parametrize("comp", sp.COMPETENCIES, ids=lambda c: c["code"])
def test_competency_texts_are_complete_in_both_languages(comp):
    assert set(comp) >= {
        "code",
        "name_ru",
        "name_en",
        "covers_ru",
        "covers_en",
        "weight",
        "anchors",
        "questions",
    }
    assert_ru(comp["name_ru"])
    assert_en(comp["name_en"])
    assert_ru(comp["covers_ru"])
    assert_en(comp["covers_en"])
    assert sorted(comp["anchors"]) == [1, 3, 5]
    for level in (1, 3, 5):
        assert_pair(comp["anchors"][level])
    assert 2 <= len(comp["questions"]) <= 3
    for question in comp["questions"]:
        assert_pair(question)
        assert question["en"].startswith("Tell me about")
        assert question["ru"].startswith("Расскажите о")
        assert question["en"].endswith("?") and question["ru"].endswith("?")


def test_texts_are_distinct():
    anchors = [a[lang] for c in sp.COMPETENCIES for a in c["anchors"].values() for lang in ("ru", "en")]
    questions = [q[lang] for c in sp.COMPETENCIES for q in c["questions"] for lang in ("ru", "en")]
    assert len(set(anchors)) == len(anchors)
    assert len(set(questions)) == len(questions)


def test_neg_uses_the_spec_example():
    neg = sp.COMPETENCIES[0]
    assert neg["questions"][0] == {
        "ru": (
            "Расскажите о переговорах с ключевым клиентом, который жёстко давил на цену: что было на кону, "
            "что вы сделали, чем закончилось?"
        ),
        "en": (
            "Tell me about a negotiation with a key client who pushed hard on price: what was at stake, "
            "what did you do, what was the result?"
        ),
    }
    assert "without" in neg["anchors"][1]["en"] and "unprepared" in neg["anchors"][1]["en"]
    assert "margin" in neg["anchors"][5]["en"] and "executives" in neg["anchors"][5]["en"]


def test_profile_names_and_description():
    p = sp.PROFILE
    assert p["name_ru"] == "Менеджер по работе с ключевыми клиентами (KAM)"
    assert p["name_en"] == "Key Account Manager (KAM)"
    assert_ru(p["description_ru"])
    assert_en(p["description_en"])


def test_screening_defaults_match_spec():
    screening = sp.PROFILE["screening"]
    assert screening["education"] == {
        "min_level": "bachelor",
        "mandatory": True,
        "preferred_fields": ["business", "economics", "management"],
    }
    assert screening["experience"] == {
        "min_years": 3,
        "exception_min_years": 1,
        "exception_min_plan_pct": 100,
        "mandatory": True,
    }
    assert screening["education"]["min_level"] in sp.EDUCATION_LEVELS
    for field in screening["education"]["preferred_fields"]:
        assert field in sp.FIELD_LABELS


def test_education_levels_in_spec_order():
    assert list(sp.EDUCATION_LEVELS) == [
        "secondary",
        "vocational",
        "incomplete_higher",
        "bachelor",
        "specialist",
        "master",
        "phd",
    ]
    for label in sp.EDUCATION_LEVELS.values():
        assert_pair(label)


def test_field_labels():
    assert {"business", "economics", "management", "law", "engineering", "other"} <= set(sp.FIELD_LABELS)
    for label in sp.FIELD_LABELS.values():
        assert_pair(label)


def test_job_post_texts():
    assert set(sp.DUTIES) == {"ru", "en"}
    assert len(sp.DUTIES["ru"]) == len(sp.DUTIES["en"]) >= 8
    for ru, en in zip(sp.DUTIES["ru"], sp.DUTIES["en"], strict=True):
        assert_ru(ru)
        assert_en(en)
    assert any("5–30" in d for d in sp.DUTIES["ru"])
    assert any("5–30" in d for d in sp.DUTIES["en"])
    assert_pair(sp.TRAVEL_DUTY)
    assert_pair(sp.INTRO)
    assert set(sp.CONDITIONS) == {"ru", "en"}
    assert len(sp.CONDITIONS["ru"]) == len(sp.CONDITIONS["en"]) >= 3
    for ru, en in zip(sp.CONDITIONS["ru"], sp.CONDITIONS["en"], strict=True):
        assert_ru(ru)
        assert_en(en)
    assert_pair(sp.KPI_NOTE)


def test_module_is_pure_data():
    """The texts live in the TOML file; the loader holds none, and needs no database and no web layer."""
    source = Path(sp.__file__).read_text(encoding="utf-8")
    imports = [line for line in source.splitlines() if line.startswith(("import ", "from "))]
    assert all(
        line.startswith(
            (
                "import tomllib",
                "from pathlib ",
                "from typing ",
                "from hiring.domain ",
                "from hiring.errors ",
                "from hiring.services.profile_input ",
            )
        )
        for line in imports
    ), imports
    assert not CYRILLIC.search(source)
    assert sp.DATA_FILE.suffix == ".toml" and sp.DATA_FILE.is_file()


@pytest.mark.parametrize(
    ("good", "bad", "problem"),
    [
        ('name_en = "Key Account Manager (KAM)"', 'name_en = ""', "Enter a name."),
        ("min_years = 3", "min_years = 1", "The exception must ask for fewer years than the minimum."),
        ("weight = 20", "weight = -20", "A weight cannot be negative."),
        ("critical_min = 3.0", "critical_min = 6.0", "Enter a minimum from 1 to 5"),
        ('preferred_fields = ["business"', 'preferred_fields = ["astrology"', "Choose fields of education"),
        ('phd = { ru = "', 'doctorate = { ru = "', "education_levels: needs exactly the codes"),
        ('other = { ru = "Другое", en = "Other" }', 'other = { ru = "Другое" }', "field_labels.other"),
    ],
)
def test_a_data_file_that_breaks_a_profile_rule_is_refused_on_load(tmp_path, monkeypatch, good, bad, problem):
    text = sp.DATA_FILE.read_text(encoding="utf-8")
    assert good in text
    broken = tmp_path / "default_profile.toml"
    broken.write_text(text.replace(good, bad, 1), encoding="utf-8")
    monkeypatch.setattr(sp, "DATA_FILE", broken)
    with pytest.raises(sp.DefaultProfileError, match=re.escape(problem)):
        sp._load()
