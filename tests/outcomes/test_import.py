"""Importing outcomes from CSV: by candidate id or e-mail, one line per review, all or nothing."""

from datetime import date
from io import BytesIO

import pytest
import sqlalchemy as sa

from hiring.errors import InvalidImport
from hiring.extensions import db
from hiring.models import HireOutcome
from hiring.services.outcome_import import import_outcomes
from tests.outcomes.helpers import hire

TODAY = date(2026, 6, 1)


@pytest.fixture
def two_hires(build):
    vacancy = build.vacancy()
    return hire(build, vacancy, {"NEG": 4}), hire(build, vacancy, {"NEG": 2})


def _csv(*lines: str) -> bytes:
    return "\n".join(lines).encode("utf-8-sig")


def test_import_by_id_and_email_with_russian_yes_and_decimal_commas(build, two_hires):
    first, second = two_hires
    data = _csv(
        "candidate_id;email;started_on;month;retention_pct;manager_rating;still_employed;left_on",
        f"{first.id};;2025-01-10;6;91,5;4;да;",
        f"{first.id};;2025-01-10;12;88;4;да;",
        f";{second.email.upper()};2025-02-01;6;70;2;нет;2025-05-01",
    )
    assert import_outcomes(data, build.user("hr"), today=TODAY) == 2
    db.session.commit()
    stored = {o.candidate_id: o for o in db.session.scalars(sa.select(HireOutcome))}
    assert (
        stored[first.id].review(6).retention_pct == 91.5 and stored[first.id].review(12).retention_pct == 88
    )
    assert stored[second.id].review(6).still_employed is False
    assert stored[second.id].review(6).left_on == date(2025, 5, 1)


def test_one_bad_line_saves_nothing_and_every_bad_line_is_listed(build, two_hires):
    first, second = two_hires
    stranger = build.candidate()  # not hired
    data = _csv(
        "candidate_id,started_on,month,retention_pct,manager_rating",
        f"{first.id},2025-01-10,6,91,4",
        f"{second.id},2025-01-10,6,150,4",
        f"{stranger.id},2025-01-10,6,80,3",
    )
    with pytest.raises(InvalidImport) as refused:
        import_outcomes(data, build.user("lead"), today=TODAY)
    db.session.rollback()
    assert [(e.line, e.field) for e in refused.value.errors] == [(3, "retention_pct"), (4, "candidate_id")]
    assert db.session.scalar(sa.select(sa.func.count(HireOutcome.id))) == 0


def test_unknown_columns_are_refused(build, two_hires):
    with pytest.raises(InvalidImport) as refused:
        import_outcomes(
            _csv("candidate_id,started_on,salary", "1,2025-01-01,100"), build.user("hr"), today=TODAY
        )
    assert refused.value.errors[0].field == "salary"


def test_the_page_imports_and_interviewers_get_403(client, auth, build, two_hires):
    first, _second = two_hires
    interviewer = build.user("interviewer")
    auth.login(interviewer.username)
    assert client.get("/outcomes/import").status_code == 403
    auth.logout()
    auth.login(build.user("hr").username)
    upload = (
        BytesIO(_csv("candidate_id,started_on,month,retention_pct", f"{first.id},2025-01-10,6,91")),
        "o.csv",
    )
    response = client.post("/outcomes/import", data={"file": upload}, content_type="multipart/form-data")
    assert response.status_code == 302
    assert db.session.scalar(sa.select(HireOutcome.candidate_id)) == first.id


def test_a_workbook_and_a_windows_1251_file_import_like_the_utf8_csv(build, two_hires):
    """Through the candidate import's reader: an .xlsx with real dates and numbers, and a Russian Excel CSV."""
    import openpyxl

    first, second = two_hires
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["candidate_id", "email", "started_on", "month", "retention_pct", "still_employed", "notes"])
    sheet.append([first.id, None, date(2025, 1, 10), 6, 91.5, True, "Отлично"])
    sheet.append([None, None, None, None, None, None, None])  # an empty trailing row
    out = BytesIO()
    book.save(out)
    assert import_outcomes(out.getvalue(), build.user("hr"), today=TODAY) == 1
    russian = (
        "email;started_on;month;retention_pct;still_employed;notes\r\n"
        f"{second.email};2025-02-01;6;70,5;да;Пришёл из «Альфы»\r\n"
    ).encode("cp1251")
    assert import_outcomes(russian, build.user("hr"), today=TODAY) == 1
    db.session.commit()
    stored = {o.candidate_id: o for o in db.session.scalars(sa.select(HireOutcome))}
    assert stored[first.id].started_on == date(2025, 1, 10)
    assert stored[first.id].review(6).retention_pct == 91.5 and stored[first.id].review(6).still_employed
    assert (
        stored[second.id].review(6).retention_pct == 70.5 and stored[second.id].notes == "Пришёл из «Альфы»"
    )
