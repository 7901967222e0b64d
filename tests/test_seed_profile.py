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
    ("REL", "Key account development & retention", "Развитие и удержание ключевых клиентов", 15, None),
    ("ANA", "Client & market analysis", "Анализ контрагентов и рынка", 15, None),
    ("IND", "Industry & market knowledge", "Знание отрасли и рынка", 10, None),
    ("ORD", "Orders, contracts & reporting", "Заказы, договоры и отчётность", 10, None),
    ("ACC", "Receivables & billing", "Дебиторская задолженность и бухгалтерские вопросы", 10, None),
    ("CLM", "Complaints & conflict resolution", "Рекламации и конфликты", 10, None),
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
        assert set(question) == {"ru", "en", "probes"}
        assert_pair({"ru": question["ru"], "en": question["en"]})
        assert question["en"].startswith(("Tell me about", "Walk me through"))  # past behaviour, not opinions
        assert question["ru"].startswith("Расскажите")
        assert question["en"].endswith("?") and question["ru"].endswith("?")
        assert 1 <= len(question["probes"]) <= 2
        for probe in question["probes"]:
            assert_pair(probe)
            assert probe["en"].endswith("?") and probe["ru"].endswith("?")


def texts_of(comp: dict, lang: str) -> str:
    """Everything a competency says in one language: what it covers, anchors, questions and probes."""
    parts = [comp[f"covers_{lang}"], *(a[lang] for a in comp["anchors"].values())]
    for question in comp["questions"]:
        parts += [question[lang], *(p[lang] for p in question["probes"])]
    return " ".join(parts)


def asked(comp: dict, lang: str) -> str:
    return " ".join(q[lang] + " " + " ".join(p[lang] for p in q["probes"]) for q in comp["questions"])


BY_CODE = {c["code"]: c for c in sp.COMPETENCIES}


def test_the_article_kpis_are_asked_with_figures_under_their_competency():
    """Retention and portfolio growth under key-account development, plan attainment under analysis."""
    rel, ana = asked(BY_CODE["REL"], "en"), asked(BY_CODE["ANA"], "en")
    assert "what share of them did you keep" in rel and "at the start and at the end" in rel
    assert "By what percentage did sales" in rel and "across your whole portfolio" in rel
    assert "What was the plan" in ana and "for what period" in ana and "How was attainment measured" in ana
    rel_ru, ana_ru = asked(BY_CODE["REL"], "ru"), asked(BY_CODE["ANA"], "ru")
    assert "какую долю из них вы удержали" in rel_ru and "На сколько процентов выросли продажи" in rel_ru
    assert "Каким был план" in ana_ru and "Как считалось выполнение" in ana_ru


def test_questions_do_not_all_end_in_the_same_formula():
    endings = [q["en"].rsplit(":", 1)[-1] for c in sp.COMPETENCIES for q in c["questions"]]
    assert endings.count(" what was at stake, what did you do, what was the result?") <= 1  # SPEC's example


def test_probes_ask_for_numbers():
    probes = [p["en"] for c in sp.COMPETENCIES for q in c["questions"] for p in q["probes"]]
    counting = (
        "How many",
        "How much",
        "how many",
        "how much",
        "What share",
        "what share",
        "percentage",
        "worth",
    )
    assert sum(any(word in p for word in counting) for p in probes) >= len(probes) // 2


def test_industry_anchors_judge_the_candidates_own_market_not_our_product():
    ind = BY_CODE["IND"]
    for lang in ("ru", "en"):
        anchors = " ".join(a[lang] for a in ind["anchors"].values()).lower()
        assert "price list" not in anchors and "прайс" not in anchors
        assert "product" not in anchors and "продукт" not in anchors
    assert "the market they work in now" in ind["anchors"][1]["en"]
    assert "рынок, на котором работает сейчас" in ind["anchors"][1]["ru"]


def test_level_5_anchors_describe_behaviour_not_impact():
    impact = (
        "change executives' decisions",
        "clients come to them",
        "management bases decisions",
        "меняют решения",
    )
    for comp in sp.COMPETENCIES:
        for lang in ("ru", "en"):
            assert not any(phrase in comp["anchors"][5][lang] for phrase in impact), comp["code"]


def test_the_article_duties_and_traits_missing_before_are_in_the_anchors():
    anchors_en = " ".join(a["en"] for c in sp.COMPETENCIES for a in c["anchors"].values())
    anchors_ru = " ".join(a["ru"] for c in sp.COMPETENCIES for a in c["anchors"].values())
    assert "new partners worth winning" in anchors_en and "новых контрагентов" in anchors_ru
    assert (
        "several levels of the client's company" in anchors_en and "нескольких уровнях компании" in anchors_ru
    )
    assert (
        "answers questions within the agreed time" in anchors_en
        and "replies to key clients the same day" in anchors_en
    )
    assert "отвечает на вопросы в согласованный срок" in anchors_ru and "в тот же день" in anchors_ru


def test_english_names_are_not_calques():
    names = {c["name_en"] for c in sp.COMPETENCIES}
    assert not names & {"Counterparty & market analysis", "Receivables & accounting aspects"}


def test_texts_are_distinct():
    anchors = [a[lang] for c in sp.COMPETENCIES for a in c["anchors"].values() for lang in ("ru", "en")]
    questions = [q[lang] for c in sp.COMPETENCIES for q in c["questions"] for lang in ("ru", "en")]
    assert len(set(anchors)) == len(anchors)
    assert len(set(questions)) == len(questions)


def test_neg_uses_the_spec_example():
    neg = sp.COMPETENCIES[0]
    assert {k: v for k, v in neg["questions"][0].items() if k != "probes"} == {
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
