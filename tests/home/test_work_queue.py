"""Home as a work queue per role: the most urgent first, each item one click from its page, counts in the menu,
and a number of queries that does not grow with the data."""

from datetime import timedelta

import pytest
from sqlalchemy import insert

from hiring.extensions import db
from hiring.models import Assignment, Candidate, Scorecard
from hiring.models._base import utcnow
from hiring.services.candidates import assign_interviewer
from hiring.services.decisions import record_decision
from hiring.services.evaluations import BULK_CALLER_REFRESHES, refresh_stored_evaluations
from hiring.services.outcomes import save_outcome
from hiring.services.schedule import InterviewInput
from tests.outcomes.helpers import hire
from tests.review.helpers import counted_queries


@pytest.fixture
def login(client, auth, build):
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"

    def login_as(role: str, **fields):
        user = build.user(role, **fields)
        assert auth.login(user.username).status_code == 302
        return user

    return login_as


def interview(hours_from_now: float, minutes: int = 60) -> InterviewInput:
    return InterviewInput(utcnow() + timedelta(hours=hours_from_now), minutes, "Europe/Moscow", "Room 7")


def section(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    return html[start : html.index("</section>", start)]


def test_the_interviewers_home_lists_upcoming_interviews_and_overdue_scorecards_first(client, login, build):
    ivan = login("interviewer")
    hr = build.user("hr")
    vacancy = build.vacancy(title="KAM Moscow")
    soon, later = (
        build.candidate(vacancy, full_name="Soon Sonya"),
        build.candidate(vacancy, full_name="Later Lev"),
    )
    overdue, ended = (
        build.candidate(vacancy, full_name="Overdue Oleg"),
        build.candidate(vacancy, full_name="Ended Elena"),
    )
    done, unscheduled = (
        build.candidate(vacancy, full_name="Done Dasha"),
        build.candidate(vacancy, full_name="Open Olga"),
    )
    for candidate, when in (
        (later, 50),
        (soon, 3),
        (overdue, -30),
        (ended, -3),
        (done, -40),
        (unscheduled, None),
    ):
        assign_interviewer(candidate, ivan.id, hr.id, None if when is None else interview(when))
    db.session.commit()
    build.scorecard(done, ivan)

    html = client.get("/").text
    upcoming = section(html, "upcoming-interviews")
    assert upcoming.index("Soon Sonya") < upcoming.index("Later Lev")
    assert (
        f'href="/interview/{soon.id}/kit"' in upcoming and "Room 7" in upcoming and "KAM Moscow" in upcoming
    )
    due = section(html, "scorecards-due")
    assert due.index("Overdue Oleg") < due.index("Ended Elena") < due.index("Open Olga")
    assert due.count("Overdue</span>") == 1
    assert f'href="/interview/{overdue.id}/scorecard"' in due
    assert "Done Dasha" not in html
    assert '<span class="nav-count" title="Waiting for you: 5">5</span>' in html


def test_hr_sees_pending_screening_with_what_is_missing_unassigned_unscheduled_and_overdue(
    client, login, build
):
    login("hr")
    ivan = build.user("interviewer", full_name="Ivan Orlov")
    vacancy = build.vacancy(title="KAM Kazan", checks=(("Ready to travel", True),))
    pending = build.candidate(vacancy, full_name="Pending Petr")  # the mandatory check is not answered
    build.candidate(vacancy, full_name="Unknown Uma", answers={0: True}, experience_years=None)
    nobody = build.candidate(vacancy, full_name="Nobody Nina", answers={0: True})
    waiting = build.candidate(vacancy, full_name="Waiting Vera", answers={0: True})
    late = build.candidate(vacancy, full_name="Late Lena", answers={0: True})
    decided = build.candidate(vacancy, full_name="Decided Denis", answers={0: True})
    assign_interviewer(waiting, ivan.id, None)
    assign_interviewer(late, ivan.id, None, interview(-30))
    db.session.commit()
    record_decision(decided, "reject", "Not a fit", build.user("lead").id)
    db.session.commit()

    html = client.get("/").text
    screening = section(html, "screening-pending")
    assert "Pending Petr" in screening and f'href="/candidates/{pending.id}"' in screening
    assert "not answered: Ready to travel" in screening
    assert (
        "Unknown Uma" in screening and "missing: experience" in screening.lower()
    )  # missing data is pending, not a fail
    unassigned = section(html, "no-interviewer")
    assert f'href="/candidates/{nobody.id}#interviewers"' in unassigned and "Waiting Vera" not in unassigned
    assert "Decided Denis" not in unassigned  # a decided candidate waits for nothing
    unscheduled = section(html, "not-scheduled")
    assert f'href="/candidates/{waiting.id}/interviewers/{ivan.id}/interview"' in unscheduled
    assert "Late Lena" not in unscheduled
    overdue = section(html, "overdue-scorecards")
    assert "Ivan Orlov" in overdue and "1 scorecard" in overdue and "Late Lena" in overdue


def test_the_lead_sees_candidates_ready_for_a_decision_and_pending_decisions_per_vacancy(
    client, login, build
):
    lead = login("lead")
    vacancy = build.vacancy(title="KAM Omsk")
    ready = build.candidate(vacancy, full_name="Ready Rita")
    half = build.candidate(vacancy, full_name="Half Hanna")
    decided = build.candidate(vacancy, full_name="Decided Denis")
    first, second = build.user("interviewer"), build.user("interviewer")
    build.scorecard(ready, first)
    build.scorecard(ready, second)
    build.scorecard(half, first)
    build.assign(half, second)  # not submitted yet
    build.scorecard(decided, first)
    record_decision(decided, "hire", "Strong on negotiation", lead.id)
    db.session.commit()

    html = client.get("/").text
    queue = section(html, "ready-for-decision")
    assert f'href="/candidates/{ready.id}/evaluation"' in queue
    assert "Half Hanna" not in queue and "Decided Denis" not in queue
    per_vacancy = section(html, "decisions-pending")
    assert f'href="/vacancies/{vacancy.id}/dashboard"' in per_vacancy
    assert '<td class="num">1</td><td class="num">2</td>' in per_vacancy
    assert '<span class="nav-count" title="Waiting for you: 1">1</span>' in html


def test_the_menu_count_is_remembered_a_few_seconds_but_home_and_ones_own_change_show_it_at_once(
    app, client, login, build
):
    app.config["NAV_COUNT_SECONDS"] = 20
    login("lead")
    vacancy = build.vacancy(title="KAM Tver")
    interviewer = build.user("interviewer")
    build.scorecard(build.candidate(vacancy, full_name="First Fyodor"), interviewer)
    db.session.commit()
    one, two = (f'<span class="nav-count" title="Waiting for you: {n}">{n}</span>' for n in (1, 2))
    assert one in client.get("/vacancies").text

    build.scorecard(build.candidate(vacancy, full_name="Second Sofia"), interviewer)  # someone else's change
    db.session.commit()
    assert one in client.get("/vacancies").text  # remembered: counting walks every open candidate
    assert two in client.get("/").text  # the home page counts afresh
    app.config["NAV_COUNT_SECONDS"] = 0
    third = build.candidate(vacancy, full_name="Third Tanya")
    build.scorecard(third, interviewer)
    db.session.commit()
    assert '<span class="nav-count" title="Waiting for you: 3">3</span>' in client.get("/vacancies").text

    app.config["NAV_COUNT_SECONDS"] = 3600
    assert client.get("/vacancies").status_code == 200  # 3 remembered for an hour
    answer = client.post(f"/candidates/{third.id}/decision", data={"decision": "hire", "rationale": "Strong"})
    assert answer.status_code == 302  # the lead's own change forgets the remembered count
    assert two in client.get("/vacancies").text


def bulk_queue(vacancy, n: int, interviewer, now) -> None:
    """n candidates: a fifth unassigned, the others assigned (some scheduled, past or future), some submitted."""
    ids = db.session.scalars(
        insert(Candidate).returning(Candidate.id, sort_by_parameter_order=True),
        [
            {
                "vacancy_id": vacancy.id,
                "full_name": f"Bulk {vacancy.id}-{i:04d}",
                "email": f"bulk{vacancy.id}-{i}@example.com",
                "education_level": "master",
                "experience_years": None if i % 7 == 0 else 5.0,
                "plan_attainment_pct": 100.0,
            }
            for i in range(n)
        ],
        execution_options=BULK_CALLER_REFRESHES,
    ).all()
    assigned = [cid for i, cid in enumerate(ids) if i % 5]
    db.session.execute(
        insert(Assignment),
        [
            {
                "candidate_id": cid,
                "interviewer_id": interviewer.id,
                "starts_at": None if i % 3 == 0 else now + timedelta(hours=(i % 11) * 12 - 60),
                "duration_minutes": 60,
                "time_zone": "Europe/Moscow",
                "location": "",
                "sequence": 0,
                "calendar_uid": f"bulk-{cid}",
            }
            for i, cid in enumerate(assigned)
        ],
    )
    db.session.execute(
        insert(Scorecard),
        [
            {
                "candidate_id": cid,
                "interviewer_id": interviewer.id,
                "status": "submitted",
                "recommendation": "yes",
            }
            for i, cid in enumerate(assigned)
            if i % 4 == 0
        ],
        execution_options=BULK_CALLER_REFRESHES,
    )
    refresh_stored_evaluations(vacancy.id)
    db.session.commit()


@pytest.mark.parametrize("role", ["hr", "lead", "interviewer", "admin"])
def test_the_home_page_costs_the_same_queries_at_20_and_500_candidates(client, login, build, role):
    user = login(role)
    interviewer = user if role == "interviewer" else build.user("interviewer")
    now = utcnow()
    small, large = build.vacancy(), build.vacancy()
    bulk_queue(small, 20, interviewer, now)

    def measure() -> int:
        db.session.expire_all()
        with counted_queries() as statements:
            response = client.get("/")
        assert response.status_code == 200
        return len(statements)

    small_count = measure()
    bulk_queue(large, 500, interviewer, now)
    large_count = measure()
    assert small_count == large_count
    assert large_count <= 14


def test_hr_sees_the_outcome_reviews_that_are_due_one_click_from_the_outcome_page(client, login, build):
    hr = login("hr")
    hired = hire(build, build.vacancy(), {"NEG": 4, "REL": 3})
    started = utcnow().date() - timedelta(days=200)  # the 6-month review is due, the 12-month one is not
    save_outcome(hired, {"started_on": started.isoformat(), "reviews": []}, hr)
    db.session.commit()

    reviews = section(client.get("/").text, "outcome-reviews")
    assert f'href="/candidates/{hired.id}/outcome"' in reviews and hired.full_name in reviews
    assert "month 6 review" in reviews and "month 12" not in reviews
