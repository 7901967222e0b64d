"""Template filters and globals shared by pages and documents."""

from datetime import datetime

from flask import Flask, current_app
from flask_babel import format_date, format_datetime, format_decimal, get_locale

from hiring import glossary
from hiring.web.navigation import menu_for


def register(app: Flask) -> None:
    app.jinja_env.globals.update(
        glossary=glossary,
        label=glossary.label,
        flag_label=glossary.flag_label,
        flag_kind=glossary.flag_kind,
        current_locale=lambda: str(get_locale() or "ru"),
        has_endpoint=lambda endpoint: endpoint in current_app.view_functions,
        menu_for=menu_for,
    )
    app.jinja_env.filters.update(
        number=format_number,
        percent=format_percent,
        date=format_day,
        datetime=format_moment,
    )


def format_number(value: float | int | None, digits: int = 1) -> str:
    """`1 234,5` in Russian, `1,234.5` in English; a dash for nothing."""
    if value is None:
        return "—"
    pattern = "#,##0" + ("." + "#" * digits if digits else "")
    return format_decimal(value, format=pattern)


def format_percent(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "—"
    return format_number(value * 100, digits) + "\u00a0%"


def format_day(value: datetime | None) -> str:
    return format_date(value, format="long") if value else "—"


def format_moment(value: datetime | None) -> str:
    return format_datetime(value, format="medium") if value else "—"
