"""hiring.services.interviews: the scorecard rules shared by the pages and the API."""

import pytest
import sqlalchemy as sa
from flask_babel import force_locale

from hiring.errors import Conflict, InvalidInput, Locked, NotAllowed, VersionConflict
from hiring.extensions import db
from hiring.models import AuditEntry, Scorecard, StoredEvaluation
from hiring.services import interviews
from tests.interviews.conftest import CODES, all_ratings

pytestmark = pytest.mark.usefixtures("request_ctx")


def save(panel, interviewer=None, *, submit=False, expected_version=None, **fields):
    fields.setdefault("ratings", all_ratings())
    fields.setdefault("notes", {})
    fields.setdefault("verified_languages", [])
    fields.setdefault("recommendation", "yes")
    card = interviews.save_scorecard(
        panel.candidate,
        interviewer or panel.first,
        submit=submit,
        expected_version=expected_version,
        **fields,
    )
    db.session.commit()
    return card


def refused_fields(panel, **fields) -> dict[str, str]:
    with pytest.raises(InvalidInput) as caught:
        save(panel, **fields)
    db.session.rollback()
    return caught.value.fields


def audit_actions(card_id: int) -> list[str]:
    return list(
        db.session.scalars(
            sa.select(AuditEntry.action)
            .where(AuditEntry.entity_type == "scorecard", AuditEntry.entity_id == card_id)
            .order_by(AuditEntry.id)
        )
    )


def test_a_draft_is_saved_with_its_ratings_notes_and_languages(panel):
    card = save(
        panel,
        ratings={"NEG": 4, "REL": None},
        notes={"NEG": "Closed a price dispute.", "ANA": "Asked about sources."},
        verified_languages=[{"language": "en", "level": "b2"}],
        recommendation="strong_no",
    )
    assert card.status == "draft" and card.version == 1 and card.submitted_at is None
    assert card.recommendation == "strong_no"
    rows = {r.competency_code: (r.value, r.note) for r in card.ratings}
    assert rows == {
        "NEG": (4, "Closed a price dispute."),
        "REL": (None, ""),
        "ANA": (None, "Asked about sources."),
    }
    assert {v.language: v.level for v in card.verified_languages} == {"en": "B2"}
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.entity_id == card.id))
    assert entry.action == "scorecard.draft" and entry.user_id == panel.first.id
    # HR reads the audit log: a draft's values stay out of it.
    assert "ratings" not in (entry.after or {})


def test_saving_again_replaces_the_scorecard_and_bumps_the_version(panel):
    card = save(panel, ratings={"NEG": 2, "REL": 3}, notes={"NEG": "weak"})
    card = save(panel, ratings={"NEG": 5}, notes={}, expected_version=card.version)
    assert card.version == 2
    assert {r.competency_code: r.value for r in card.ratings} == {"NEG": 5}


def test_submit_needs_every_competency_rated_or_marked_not_assessed(panel):
    ratings = all_ratings()
    del ratings["TIM"]
    fields = refused_fields(panel, ratings=ratings, submit=True)
    assert set(fields) == {"ratings.TIM"}
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Scorecard)) == 0


def test_submit_needs_a_recommendation(panel):
    assert set(refused_fields(panel, submit=True, recommendation=None)) == {"recommendation"}


def test_submit_with_competencies_marked_not_assessed(panel):
    ratings = dict.fromkeys(CODES[:6], 3)
    card = save(panel, ratings=ratings, not_assessed={"CLM", "TIM"}, submit=True)
    assert card.is_submitted and card.submitted_at is not None and card.recommendation == "yes"
    values = {r.competency_code: r.value for r in card.ratings}
    assert values["CLM"] is None and values["TIM"] is None and values["NEG"] == 3
    entry = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.entity_id == card.id)).one()
    assert entry.action == "scorecard.submit" and entry.after["ratings"]["NEG"] == 3


def test_a_rating_of_none_means_not_assessed_as_in_the_api(panel):
    ratings = {**all_ratings(), "TIM": None}
    card = save(panel, ratings=ratings, submit=True)
    assert card.is_submitted
    assert {r.competency_code: r.value for r in card.ratings}["TIM"] is None


@pytest.mark.parametrize("value", [0, 6, -1, "abc", "4", 2.5, 4.0, True, [4]])
def test_ratings_must_be_whole_numbers_from_1_to_5(panel, value):
    fields = refused_fields(panel, ratings={"NEG": value, "REL": 3})
    assert set(fields) == {"ratings.NEG"}


def test_every_bad_field_is_reported_at_once(panel):
    fields = refused_fields(
        panel,
        ratings={"NEG": 0, "REL": 6, "XXX": 3},
        notes={"YYY": "?"},
        verified_languages=[{"language": "en", "level": "Z9"}, {"language": "de", "level": "B2"}],
        recommendation="maybe",
    )
    assert set(fields) == {
        "ratings.NEG",
        "ratings.REL",
        "ratings.XXX",
        "notes.YYY",
        "verified_languages.en",
        "verified_languages.de",
        "recommendation",
    }


def test_verified_languages_as_a_mapping_and_empty_levels_skipped(panel):
    card = save(panel, verified_languages={"en": "C1"})
    assert {v.language: v.level for v in card.verified_languages} == {"en": "C1"}
    card = save(panel, verified_languages={"en": ""}, expected_version=card.version)
    assert card.verified_languages == []


def test_a_rating_and_not_assessed_together_are_refused(panel):
    assert set(refused_fields(panel, ratings={"NEG": 3}, not_assessed={"NEG"})) == {"ratings.NEG"}


def test_a_submitted_scorecard_is_locked(panel):
    card = save(panel, submit=True)
    with pytest.raises(Locked):
        save(panel, ratings=all_ratings(1), expected_version=card.version)
    db.session.rollback()
    assert {r.value for r in db.session.get(Scorecard, card.id).ratings} == {4}


def test_a_missing_version_is_refused_once_the_scorecard_exists(panel):
    save(panel)
    with pytest.raises(VersionConflict):
        save(panel, ratings=all_ratings(2), expected_version=None)


def test_a_stale_save_is_refused_naming_the_change_and_the_newer_data_stays(panel):
    card = save(panel, ratings={"NEG": 3}, notes={"NEG": "first"})
    read_at = card.version
    save(panel, ratings={"NEG": 5, "REL": 4}, notes={"NEG": "second tab"}, expected_version=read_at)
    with pytest.raises(VersionConflict) as caught:
        save(panel, ratings={"NEG": 2}, notes={"NEG": "first tab"}, expected_version=read_at)
    db.session.rollback()
    conflict = caught.value
    assert "NEG" in conflict.message and "5" in conflict.message and "yours: 2" in conflict.message
    assert {c.field for c in conflict.changes} >= {"ratings.NEG", "ratings.REL", "notes.NEG"}
    assert conflict.current_version == read_at + 1
    saved = db.session.get(Scorecard, card.id)
    assert {r.competency_code: (r.value, r.note) for r in saved.ratings} == {
        "NEG": (5, "second tab"),
        "REL": (4, ""),
    }


def test_only_an_assigned_active_interviewer_fills_a_scorecard(panel):
    with pytest.raises(NotAllowed):
        save(panel, interviewer=panel.outsider)
    db.session.rollback()
    with pytest.raises(NotAllowed):
        save(panel, interviewer=panel.hr)
    db.session.rollback()
    panel.first.active = False
    db.session.commit()
    with pytest.raises(NotAllowed):
        save(panel)


def test_hr_reopens_a_submitted_scorecard_with_an_audit_entry(panel):
    card = save(panel, submit=True)
    interviews.reopen_scorecard(card, panel.hr, expected_version=card.version)
    db.session.commit()
    assert card.status == "draft" and card.submitted_at is None
    assert audit_actions(card.id) == ["scorecard.submit", "scorecard.reopen"]
    entry = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.action == "scorecard.reopen")).one()
    assert entry.user_id == panel.hr.id and entry.before["status"] == "submitted"
    # Reopened, it can be changed and submitted again.
    notes = dict.fromkeys(all_ratings(), "Evidence for a 5.")
    card = save(panel, ratings=all_ratings(5), notes=notes, submit=True, expected_version=card.version)
    assert card.is_submitted


@pytest.mark.parametrize("who", ["lead", "first", "second"])
def test_lead_and_interviewers_cannot_reopen(panel, who):
    card = save(panel, submit=True)
    with pytest.raises(NotAllowed):
        interviews.reopen_scorecard(card, getattr(panel, who))
    db.session.rollback()
    assert db.session.get(Scorecard, card.id).is_submitted


def test_reopening_a_draft_or_a_stale_page_is_refused(panel):
    card = save(panel)
    with pytest.raises(Conflict):
        interviews.reopen_scorecard(card, panel.hr)
    db.session.rollback()
    card = save(panel, submit=True, expected_version=card.version)
    with pytest.raises(VersionConflict):
        interviews.reopen_scorecard(card, panel.hr, expected_version=card.version - 1)


def test_visible_scorecards_follow_independent_scoring(panel):
    first = save(panel, submit=True)
    second = save(panel, panel.second, ratings=all_ratings(2))
    visible = interviews.visible_scorecards
    assert [c.id for c in visible(panel.candidate, panel.second)] == [second.id]
    assert [c.id for c in visible(panel.candidate, panel.first)] == [first.id]
    assert [c.id for c in visible(panel.candidate, panel.hr)] == [first.id]
    assert visible(panel.candidate, panel.outsider) == []
    save(panel, panel.second, ratings=all_ratings(2), submit=True, expected_version=second.version)
    assert [c.id for c in visible(panel.candidate, panel.second)] == [second.id, first.id]
    assert [c.id for c in visible(panel.candidate, panel.first)] == [first.id, second.id]
    assert [c.id for c in visible(panel.candidate, panel.lead)] == [first.id, second.id]


def test_the_screening_summary_hides_a_verification_until_the_viewer_submits(panel):
    save(panel, verified_languages={"en": "B1"}, submit=True)
    before = interviews.screening_for(panel.candidate, panel.second)
    assert [r.params["level"] for r in before.results if r.rule == "LANG:en"] == ["C1"]
    hr_view = interviews.screening_for(panel.candidate, panel.hr)
    assert [r.params["level"] for r in hr_view.results if r.rule == "LANG:en"] == ["B1"]


def test_drafts_never_count_in_the_evaluation(panel):
    save(panel, submit=True)
    stored = db.session.get(StoredEvaluation, panel.candidate.id)
    before = (stored.score, stored.band, stored.coverage, stored.confidence, list(stored.flags))
    save(
        panel,
        panel.second,
        ratings=all_ratings(1),
        verified_languages={"en": "A1"},
        recommendation="strong_no",
    )
    db.session.expire_all()
    stored = db.session.get(StoredEvaluation, panel.candidate.id)
    assert (stored.score, stored.band, stored.coverage, stored.confidence, list(stored.flags)) == before


def test_my_candidates_states(panel, build):
    other = build.candidate(panel.vacancy, full_name="Boris")
    third = build.candidate(panel.vacancy, full_name="Vera")
    build.assign(other, panel.first)
    build.assign(third, panel.first)
    save(panel, submit=True)
    interviews.save_scorecard(
        other,
        panel.first,
        ratings={"NEG": 3},
        notes={},
        verified_languages=None,
        recommendation=None,
        submit=False,
        expected_version=None,
    )
    db.session.commit()
    assert interviews.scorecard_state_counts(panel.first) == {"not_started": 1, "draft": 1, "submitted": 1}
    names = [c.full_name for c in db.session.scalars(interviews.assigned_candidates(panel.first, "draft"))]
    assert names == ["Boris"]


# --- verified plan attainment (issue 16) ------------------------------------------------------------------


def test_the_verified_plan_figure_is_saved_and_counts_once_submitted(panel):
    panel.candidate.experience_years, panel.candidate.plan_attainment_pct = 2.0, 120.0
    db.session.commit()
    stored = db.session.get(StoredEvaluation, panel.candidate.id)
    assert stored.eligibility == "eligible_with_risk" and "plan_unverified" in stored.flags
    card = save(panel, verified_plan_attainment_pct="95,5")
    assert card.verified_plan_attainment_pct == 95.5
    db.session.expire_all()
    # a draft verifies nothing
    assert db.session.get(StoredEvaluation, panel.candidate.id).eligibility == "eligible_with_risk"
    save(panel, verified_plan_attainment_pct=95.5, submit=True, expected_version=card.version)
    db.session.expire_all()
    stored = db.session.get(StoredEvaluation, panel.candidate.id)
    # verified lower than claimed and below the 100 % of the exception: not eligible
    assert stored.eligibility == "not_eligible"
    entry = db.session.scalars(
        sa.select(AuditEntry).where(AuditEntry.entity_id == card.id).order_by(AuditEntry.id.desc())
    ).first()
    assert entry.after["verified_plan_attainment_pct"] == 95.5


def test_a_verified_plan_figure_higher_than_claimed_clears_the_unverified_flag(panel):
    panel.candidate.experience_years, panel.candidate.plan_attainment_pct = 2.0, 100.0
    db.session.commit()
    save(panel, verified_plan_attainment_pct=104, submit=True)
    db.session.expire_all()
    stored = db.session.get(StoredEvaluation, panel.candidate.id)
    assert stored.eligibility == "eligible_with_risk"
    assert "experience_risk" in stored.flags and "plan_unverified" not in stored.flags


@pytest.mark.parametrize("value", ["abc", -1, 1001, "12,3,4"])
def test_a_bad_verified_plan_figure_is_refused_beside_its_field(panel, value):
    assert set(refused_fields(panel, verified_plan_attainment_pct=value)) == {"verified_plan_attainment_pct"}


# --- evidence for extremes: a 1 or a 5 needs a note before submitting (issue 16) ---------------------------


def test_a_rating_of_1_or_5_needs_a_note_to_submit_naming_the_competency(panel):
    ratings = {**all_ratings(), "NEG": 5, "TIM": 1}
    fields = refused_fields(panel, ratings=ratings, notes={"TIM": "   "}, submit=True)
    assert set(fields) == {"notes.NEG", "notes.TIM"}
    with force_locale("en"):
        assert str(fields["notes.NEG"]) == (
            "A rating of 5 on «Negotiation & presentation» needs an evidence note before you submit: write what"
            " the candidate said or did that shows it."
        )
        assert str(fields["notes.TIM"]).startswith(
            "A rating of 1 on «Time management» needs an evidence note"
        )
    with force_locale("ru"):
        assert "«Переговоры и презентация»" in str(fields["notes.NEG"])
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Scorecard)) == 0


def test_a_draft_may_keep_an_extreme_rating_without_a_note(panel):
    card = save(panel, ratings={**all_ratings(), "NEG": 5})
    assert card.status == "draft"


def test_extreme_ratings_with_notes_and_middle_ratings_without_submit(panel):
    ratings = {**all_ratings(), "NEG": 5, "TIM": 1, "REL": 2, "ANA": 4}
    card = save(
        panel,
        ratings=ratings,
        notes={"NEG": "Kept margin with three buyers.", "TIM": "No plan."},
        submit=True,
    )
    assert card.is_submitted
