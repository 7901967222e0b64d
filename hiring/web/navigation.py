"""The main menu: which journeys each role sees. A blueprint adds its entry here."""

from dataclasses import dataclass

from flask import current_app
from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class MenuItem:
    endpoint: str
    label: str
    roles: tuple[str, ...]


MENU = (
    MenuItem("home.index", _l("Home"), ("admin", "hr", "interviewer", "lead")),
    MenuItem("profiles.index", _l("Profiles"), ("admin", "hr")),
    MenuItem("vacancies.index", _l("Vacancies"), ("admin", "hr", "lead")),
    MenuItem("interviews.my_candidates", _l("My candidates"), ("interviewer",)),
    MenuItem("audit.index", _l("Audit log"), ("admin", "hr")),
    MenuItem("admin.users", _l("Users"), ("admin",)),
    MenuItem("webhooks.index", _l("Webhooks"), ("admin",)),
)


def menu_for(user) -> list[MenuItem]:
    """The items the user's role may open, skipping journeys not built into this app."""
    endpoints = current_app.view_functions
    return [
        item
        for item in MENU
        if item.endpoint in endpoints and (user.role == "admin" or user.role in item.roles)
    ]
