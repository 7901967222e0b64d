"""A candidate of an English-speaking vacancy with two assigned interviewers, and a third one not assigned."""

from dataclasses import dataclass

import pytest
from werkzeug.security import generate_password_hash

from hiring.models import Candidate, User, Vacancy

CODES = ("NEG", "REL", "ANA", "IND", "ORD", "ACC", "CLM", "TIM")


@dataclass
class Panel:
    vacancy: Vacancy
    candidate: Candidate
    first: User
    second: User
    outsider: User
    hr: User
    lead: User


@pytest.fixture(autouse=True)
def quick_password_hashes(monkeypatch):
    """Seven users a test: scrypt would make the area slow, and the hash strength is not what is tested here."""
    monkeypatch.setattr(
        "hiring.models.users.generate_password_hash",
        lambda password, method=None: generate_password_hash(password, method="pbkdf2:sha256:1000"),
    )


@pytest.fixture
def panel(build) -> Panel:
    vacancy = build.vacancy(language="en", languages=(("en", "B2", True),))
    candidate = build.candidate(vacancy, languages={"en": "C1"}, full_name="Anna Petrova")
    first = build.user("interviewer", "alice", full_name="Alice Interviewer")
    second = build.user("interviewer", "bob", full_name="Bob Interviewer")
    outsider = build.user("interviewer", "carol", full_name="Carol Outsider")
    build.assign(candidate, first)
    build.assign(candidate, second)
    # Carol interviews someone else of the same vacancy, so she has a reason to be around.
    build.assign(build.candidate(vacancy, full_name="Someone Else"), outsider)
    return Panel(
        vacancy,
        candidate,
        first,
        second,
        outsider,
        build.user("hr", "helen", full_name="Helen HR"),
        build.user("lead", "leo", full_name="Leo Lead"),
    )


def all_ratings(value: int = 4) -> dict[str, int]:
    return dict.fromkeys(CODES, value)


@pytest.fixture
def request_ctx(app):
    """Services translate their messages, which needs a request (the locale comes from it)."""
    with app.test_request_context("/", headers={"Accept-Language": "en"}):
        yield


@pytest.fixture
def client(app):
    """A browser that asks for English pages (the app's default is Russian)."""
    return english_client(app)


def english_client(app):
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client
