"""Template filters and globals shared by pages and documents."""

import re
from datetime import datetime
from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel.numbers import format_currency
from babel.numbers import format_decimal as format_decimal_babel
from babel.numbers import format_percent as format_percent_babel
from flask import Flask
from flask_babel import format_date, format_datetime, format_time, get_locale

from hiring import glossary
from hiring.domain.ranking import SHORTLIST_MAX, SHORTLIST_MIN
from hiring.services.notifications import interview_time
from hiring.web.navigation import menu_for


def reader_language() -> str:
    """The profile language (ru or en) the reader's locale asks for; profile texts exist in these two only."""
    return "en" if str(get_locale() or "ru") == "en" else "ru"


def texts_language(vacancy) -> str:
    """The language to show the vacancy's profile texts (competency names, anchors, questions) in: the reader's
    when the profile has them in it, else the vacancy's (issue 24)."""
    reader = reader_language()
    if reader == vacancy.language:
        return reader
    competencies = vacancy.profile.competencies
    complete = all(c.name(reader).strip() and any(c.anchors(reader).values()) for c in competencies)
    return reader if competencies and complete else vacancy.language


def register(app: Flask) -> None:
    # `{% do list.append(x) %}` calls a method for its effect without binding a name (never `_`, gettext's).
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.globals.update(
        glossary=glossary,
        label=glossary.label,
        flag_label=glossary.flag_label,
        rule_label=glossary.rule_label,
        flag_kind=glossary.flag_kind,
        current_locale=lambda: str(get_locale() or "ru"),
        # The shortlist limits, for pages that say how many candidates to tick.
        SHORTLIST_MIN=SHORTLIST_MIN,
        SHORTLIST_MAX=SHORTLIST_MAX,
        menu_for=menu_for,
        form_problems=form_problems,
        texts_language=texts_language,
    )
    app.jinja_env.filters.update(
        number=format_number,
        percent=format_percent,
        date=format_day,
        datetime=format_moment,
        money=format_money,
        interview_time=format_interview_time,
    )


def format_number(value: float | int | None, digits: int = 1) -> str:
    """`1 234,5` in Russian, `1,234.5` in English; a dash for nothing."""
    if value is None:
        return "—"
    return _formatted_number(value, digits, str(get_locale() or "ru"))


def format_percent(value: float | None, digits: int = 0) -> str:
    """`85,5 %` in Russian, `85.5%` in English (the locale's own pattern); a dash for nothing."""
    if value is None:
        return "—"
    return _formatted_percent(value, digits, str(get_locale() or "ru"))


# A table prints the same few numbers in a locale again and again: each is formatted once per process.
@lru_cache(maxsize=8192)
def _formatted_number(value: float | int, digits: int, locale: str) -> str:
    pattern = "#,##0" + ("." + "#" * digits if digits else "")
    return format_decimal_babel(value, format=pattern, locale=locale)


@lru_cache(maxsize=8192)
def _formatted_percent(value: float, digits: int, locale: str) -> str:
    parsed = Locale.parse(locale)
    pattern = parsed.percent_formats[None].pattern.replace(
        "#,##0", "#,##0" + ("." + "#" * digits if digits else "")
    )
    return format_percent_babel(value, format=pattern, locale=parsed)


def format_day(value: datetime | None) -> str:
    return format_date(value, format="long") if value else "—"


def format_moment(value: datetime | None) -> str:
    """`30 нояб. 2026 г., 16:08 MSK`: the reader's date and time, no seconds, the time zone named."""
    if not value:
        return "—"
    return f"{format_date(value, format='medium')}, {format_time(value, format='short')} {format_datetime(value, 'ZZZZ')}"


def format_money(value: int | float | Decimal | None, currency: str | None = "RUB") -> str:
    """`150 000 ₽` in Russian, `RUB 150,000` in English; kopecks only when there are any; a dash for nothing."""
    if value is None:
        return "—"
    locale = get_locale() or Locale.parse("ru")
    pattern = locale.currency_formats["standard"].pattern
    whole = Decimal(str(value)) == Decimal(str(value)).to_integral_value()
    if whole:
        pattern = re.sub(r"\.0+", "", pattern)
    text = format_currency(value, currency or "RUB", format=pattern, locale=locale, currency_digits=not whole)
    # CLDR's currency spacing, which Babel leaves out: a letter code never touches the digits (RUB 150,000).
    return re.sub(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])", "\u00a0", text)


def format_interview_time(assignment) -> str:
    """The interview's day and hours in its own time zone, in the reader's language (issue 20)."""
    return interview_time(assignment, str(get_locale() or "ru")) if assignment.starts_at else "—"


def form_problems(form, _prefix: str = "") -> list[tuple[str, str, str]]:
    """Every field of the form with an error, in page order: (element id, the field's name, its messages), so
    that the banner above a long form links to each bad field. Rows of a list are named with their number."""
    found = []
    for field in form:
        if field.type == "FieldList":
            for number, entry in enumerate(field.entries, start=1):
                inner = entry.form if entry.type == "FormField" else None
                prefix = f"{_prefix}{field.label.text} {number} · "
                if inner is not None:
                    found.extend(form_problems(inner, prefix))
                elif entry.errors:
                    found.append((entry.id, prefix.rstrip(" ·"), " ".join(map(str, entry.errors))))
        elif field.type == "FormField":
            found.extend(form_problems(field.form, _prefix))
        elif field.errors and getattr(field.widget, "input_type", None) not in ("hidden", "submit"):
            messages = field.errors if isinstance(field.errors, list | tuple) else [field.errors]
            found.append((field.id, f"{_prefix}{field.label.text}", " ".join(map(str, messages))))
    return found
