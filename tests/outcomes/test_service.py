"""Outcomes of hires: recorded for hires only, checked, versioned, audited; the validity report over them."""

from datetime import date

import pytest
import sqlalchemy as sa

from hiring.errors import Conflict, InvalidInput, InvalidProfile, NotAllowed, VersionConflict
from hiring.extensions import db
from hiring.models import AuditEntry, HireOutcome, Profile
from hiring.services.outcomes import due_reviews, save_outcome
from hiring.services.privacy import anonymize_candidate
from hiring.services.validity import clone_with_weights, validity_report
from tests.outcomes.helpers import hire, hires_following_neg

TODAY = date(2026, 6, 1)
REVIEW = {
    "month": 6,
    "retention_pct": 90,
    "revenue_growth_pct": -5.5,
    "plan_attainment_pct": 104,
    "manager_rating": 4,
    "still_employed": True,
}


@pytest.fixture
def hr(build):
    return build.user("hr")


@pytest.fixture
def hired(build):
    return hire(build, build.vacancy(), {"NEG": 4, "REL": 3})


def test_hr_records_an_outcome_and_it_is_audited(hired, hr):
    outcome = save_outcome(hired, {"started_on": "2025-10-01", "reviews": [REVIEW]}, hr, today=TODAY)
    db.session.commit()
    stored = db.session.get(HireOutcome, outcome.id)
    assert stored.started_on == date(2025, 10, 1)
    assert stored.review(6).revenue_growth_pct == -5.5 and stored.review(6).manager_rating == 4
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "outcome.save"))
    assert entry.user_id == hr.id and entry.after["reviews"][0]["retention_pct"] == 90


def test_a_later_edit_keeps_the_other_review_and_bumps_the_version(hired, hr):
    first = save_outcome(hired, {"started_on": "2025-01-01", "reviews": [REVIEW]}, hr, today=TODAY)
    db.session.commit()
    version = first.version
    twelve = {**REVIEW, "month": 12, "retention_pct": 70}
    save_outcome(hired, {"started_on": "2025-01-01", "reviews": [twelve]}, hr, version, today=TODAY)
    db.session.commit()
    assert first.version == version + 1
    assert (first.review(6).retention_pct, first.review(12).retention_pct) == (90, 70)
    with pytest.raises(VersionConflict):
        save_outcome(hired, {"started_on": "2025-01-01"}, hr, expected_version=version, today=TODAY)


def test_only_a_hired_candidate_has_outcomes(build, hr):
    candidate = build.candidate()
    with pytest.raises(Conflict):
        save_outcome(candidate, {"started_on": "2025-01-01"}, hr, today=TODAY)


def test_interviewers_may_not_record_outcomes(build, hired):
    with pytest.raises(NotAllowed):
        save_outcome(hired, {"started_on": "2025-01-01"}, build.user("interviewer"), today=TODAY)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"retention_pct": 101}, "reviews[6].retention_pct"),
        ({"manager_rating": 6}, "reviews[6].manager_rating"),
        ({"manager_rating": 3.5}, "reviews[6].manager_rating"),
        ({"revenue_growth_pct": -120}, "reviews[6].revenue_growth_pct"),
        ({"still_employed": False}, "reviews[6].left_on"),
        ({"still_employed": True, "left_on": "2025-05-01"}, "reviews[6].left_on"),
        ({"still_employed": False, "left_on": "2024-05-01"}, "reviews[6].left_on"),
    ],
)
def test_values_out_of_range_are_refused_by_field(hired, hr, change, field):
    with pytest.raises(InvalidInput) as refused:
        save_outcome(hired, {"started_on": "2025-01-01", "reviews": [{**REVIEW, **change}]}, hr, today=TODAY)
    assert field in refused.value.fields


def test_a_start_in_the_future_is_refused(hired, hr):
    with pytest.raises(InvalidInput) as refused:
        save_outcome(hired, {"started_on": "2026-07-01"}, hr, today=TODAY)
    assert "started_on" in refused.value.fields


def test_anonymisation_keeps_the_numbers_and_removes_the_notes(hired, hr):
    save_outcome(
        hired,
        {"started_on": "2025-01-01", "notes": "Left a mess with the Lukoil account", "reviews": [REVIEW]},
        hr,
        today=TODAY,
    )
    db.session.commit()
    anonymize_candidate(hired, hr.id)
    db.session.commit()
    db.session.expire_all()
    outcome = db.session.scalar(sa.select(HireOutcome).where(HireOutcome.candidate_id == hired.id))
    assert outcome.notes == ""
    assert outcome.review(6).retention_pct == 90 and outcome.review(6).manager_rating == 4
    logged = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.entity_type == "outcome")).all()
    assert logged and all("Lukoil" not in str(entry.after) for entry in logged)
    assert logged[0].after["reviews"][0]["retention_pct"] == 90


def test_due_reviews_list_the_months_reached_without_values(hired, hr):
    save_outcome(hired, {"started_on": "2025-01-10", "reviews": [REVIEW]}, hr, today=TODAY)
    db.session.commit()
    due = due_reviews(hr, today=date(2026, 1, 10))
    assert [(item["candidate"].id, item["month"]) for item in due] == [(hired.id, 12)]
    assert due_reviews(hr, today=date(2026, 1, 9)) == []


def test_report_recovers_neg_on_60_hires_and_clone_moves_toward_it(build, hr):
    vacancy = build.vacancy()
    hires_following_neg(build, vacancy, 60)
    report = validity_report(vacancy.profile, hr)
    assert report.hires == 60
    twelve = {
        row.predictor: row.correlation
        for row in report.rows
        if (row.outcome, row.month) == ("retention_pct", 12)
    }
    competencies = {code: c for code, c in twelve.items() if code != "score"}
    assert max(competencies, key=lambda code: competencies[code].r) == "NEG"
    assert twelve["NEG"].ci95[0] > 0
    assert all(row.correlation.r is None for row in report.rows if row.month == 6)  # nothing recorded at 6
    assert sum(report.suggested.values()) == 100 and report.suggested["NEG"] > report.weights["NEG"]

    clone = clone_with_weights(vacancy.profile, report.suggested, hr)
    db.session.commit()
    assert {c.code: c.weight for c in clone.competencies} == report.suggested
    assert clone.id != vacancy.profile.id and vacancy.profile.competencies[0].weight == 20
    neg = next(c for c in clone.competencies if c.code == "NEG")
    assert neg.critical_min == 3.0  # the critical minimum is kept


def test_below_ten_hires_the_report_has_no_values(build, hr):
    vacancy = build.vacancy()
    hires_following_neg(build, vacancy, 9)
    report = validity_report(vacancy.profile, hr)
    assert report.hires == 9 and all(row.correlation.r is None for row in report.rows)
    assert report.suggested == {code: int(w) for code, w in report.weights.items()}


def test_clone_refuses_weights_that_do_not_sum_to_100(build, hr):
    profile = build.profile()
    weights = {c.code: 10 for c in profile.competencies}
    count = db.session.scalar(sa.select(sa.func.count(Profile.id)))
    with pytest.raises(InvalidProfile):
        clone_with_weights(profile, weights, hr)
    db.session.rollback()
    assert db.session.scalar(sa.select(sa.func.count(Profile.id))) == count
