"""Numbers, dates, money and plural forms as each language writes them, through the app's own helpers."""

from datetime import date

import pytest
from flask_babel import force_locale

from hiring import create_app, glossary
from hiring.domain.screening import RuleResult

# Babel writes Russian digit groups with a no-break space (U+00A0) or a narrow one (U+202F).
SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})


@pytest.fixture(scope="module")
def app():
    """Formatting needs no database: one app for the module keeps these many small cases quick."""
    return create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"})


def render(app, source: str, language: str, **context) -> str:
    with app.test_request_context(), force_locale(language):
        return app.jinja_env.from_string(source).render(**context).translate(SPACES)


@pytest.mark.parametrize(
    ("count", "text"),
    [
        (1, "1 кандидат"),
        (2, "2 кандидата"),
        (4, "4 кандидата"),
        (5, "5 кандидатов"),
        (11, "11 кандидатов"),
        (12, "12 кандидатов"),
        (14, "14 кандидатов"),
        (21, "21 кандидат"),
        (22, "22 кандидата"),
        (25, "25 кандидатов"),
        (101, "101 кандидат"),
        (111, "111 кандидатов"),
    ],
)
def test_russian_plural_forms(app, count, text):
    assert render(app, "{{ glossary.candidates_count(n) }}", "ru", n=count) == text
    pattern = "{{ ngettext('%(num)d candidate', '%(num)d candidates', n) }}"
    assert render(app, pattern, "ru", n=count) == text


@pytest.mark.parametrize(("count", "text"), [(1, "1 candidate"), (2, "2 candidates"), (21, "21 candidates")])
def test_english_plural_forms(app, count, text):
    assert render(app, "{{ glossary.candidates_count(n) }}", "en", n=count) == text


@pytest.mark.parametrize(
    ("language", "number", "day"),
    [("ru", "1 234,5", "26 ноября 2026 г."), ("en", "1,234.5", "November 26, 2026")],
)
def test_numbers_and_dates(app, language, number, day):
    assert render(app, "{{ x|number }}", language, x=1234.5) == number
    assert render(app, "{{ x|number }}", language, x=1234.54) == number
    assert render(app, "{{ d|date }}", language, d=date(2026, 11, 26)) == day


@pytest.mark.parametrize(("language", "whole", "share"), [("ru", "100 %", "85,5 %"), ("en", "100%", "85.5%")])
def test_percentages(app, language, whole, share):
    assert render(app, "{{ x|percent }}", language, x=1) == whole
    assert render(app, "{{ x|percent(1) }}", language, x=0.855) == share


def test_russian_number_grouping_uses_a_no_break_space(app):
    """Whichever space Babel picks, a line never breaks inside a number."""
    with app.test_request_context(), force_locale("ru"):
        text = app.jinja_env.from_string("{{ x|number }}").render(x=1234567.5)
    assert text.translate(SPACES) == "1 234 567,5"
    assert " " not in text


@pytest.mark.parametrize(
    ("language", "currency", "amount", "text"),
    [
        ("ru", "RUB", 150000, "150 000 ₽"),
        ("ru", "RUB", 150000.5, "150 000,50 ₽"),
        ("ru", "USD", 3500, "3 500 $"),
        ("ru", "KZT", 900000, "900 000 KZT"),
        ("en", "RUB", 150000, "RUB 150,000"),
        ("en", "USD", 3500, "$3,500"),
        ("en", "EUR", 3500.25, "€3,500.25"),
    ],
)
def test_money(app, language, currency, amount, text):
    assert render(app, "{{ x|money(c) }}", language, x=amount, c=currency) == text


def test_money_and_number_of_nothing_is_a_dash(app):
    assert render(app, "{{ x|money('RUB') }} {{ x|number }}", "ru", x=None) == "— —"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "ru",
            "Опыт, лет: 2,5 — меньше требуемых 3, но план продаж выполнен на 120 % (подтверждено на интервью):"
            " допущен с риском",
        ),
        ("en", "2.5 years, below 3, but 120% of plan (verified in the interview): accepted with a risk"),
    ],
)
def test_screening_detail_numbers_follow_the_locale(app, language, text):
    result = RuleResult(
        "EXP",
        "pass_risk",
        "%(years)g years, below %(min_years)g, but %(plan_pct)g%% of plan (verified in the interview):"
        " accepted with a risk",
        {
            "years": 2.5,
            "min_years": 3.0,
            "plan_pct": 120.0,
            "exception_min_years": 1,
            "exception_min_plan_pct": 100,
        },
    )
    with app.test_request_context(), force_locale(language):
        assert glossary.describe(result).translate(SPACES) == text


def test_screening_detail_names_levels_and_languages_in_the_reader_words(app):
    result = RuleResult(
        "LANG:en",
        "pass",
        "%(language)s %(min_level)s required; verified %(level)s (claimed %(claimed)s)",
        {"language": "en", "min_level": "B2", "level": "native", "claimed": "C1", "verified": True},
    )
    with app.test_request_context(), force_locale("ru"):
        text = glossary.describe(result)
    assert "Английский" in text and "носитель языка" in text and "B2" in text and "C1" in text


@pytest.mark.parametrize(
    ("flag", "ru", "en"),
    [
        ("screening_flag:LANG:de", "Замечание скрининга: немецкий", "Screening flag: German"),
        ("screening_flag:CUSTOM:0", "Замечание скрининга: Проверка 1", "Screening flag: Check 1"),
        ("screening_flag:EDU", "Замечание скрининга: Образование", "Screening flag: Education"),
        ("critical_gap:NEG", "Ниже критического минимума: NEG", "Critical gap: NEG"),
        ("screening_pending", "Проверка не завершена", "Screening pending"),
    ],
)
def test_flags_in_words(app, flag, ru, en):
    assert render(app, "{{ flag_label(f) }}", "ru", f=flag) == ru
    assert render(app, "{{ flag_label(f) }}", "en", f=flag) == en
