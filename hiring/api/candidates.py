"""A candidate's checks, interviewers, scorecards, evaluation and the hiring decision."""

from hiring.api.auth import api_user, roles_required
from hiring.api.blueprint import bp
from hiring.api.bodies import json_body
from hiring.api.serializers import (
    assignment_json,
    candidate_json,
    decision_json,
    evaluation_json,
    scorecard_json,
)
from hiring.domain.visibility import READERS
from hiring.extensions import db
from hiring.services import candidates, decisions, interviews, schedule
from hiring.services.evaluations import evaluate_candidate
from hiring.services.lookups import candidate_or_404

# Who may interview: the pages let HR and leads be assigned too; the service has the last word.
INTERVIEWING_ROLES = ("interviewer", "hr", "lead")


@bp.put("/candidates/<int:candidate_id>/checks")
@roles_required("hr")
def answer_checks(candidate_id: int):
    """Answer the vacancy's custom yes/no checks for the candidate, by index."""
    user = api_user()
    candidate = candidate_or_404(candidate_id, user)
    body = json_body("CheckAnswers")
    candidates.answer_checks(candidate, body["answers"], user.id)
    db.session.commit()
    return candidate_json(candidate)


@bp.post("/candidates/<int:candidate_id>/interviewers")
@roles_required("hr")
def assign_interviewer(candidate_id: int):
    """Assign an interviewer to the candidate."""
    user = api_user()
    candidate = candidate_or_404(candidate_id, user)
    body = json_body("AssignmentCreate")
    interview = schedule.parse_interview(body["interview"]) if body.get("interview") is not None else None
    assignment = candidates.assign_interviewer(candidate, body["user_id"], user.id, interview)
    db.session.commit()
    return assignment_json(assignment), 201


@bp.put("/candidates/<int:candidate_id>/interviewers/<int:user_id>")
@roles_required("hr")
def schedule_interview(candidate_id: int, user_id: int):
    """Set or move the interview of an assigned interviewer; they get an updated calendar invitation."""
    user = api_user()
    candidate = candidate_or_404(candidate_id, user)
    body = json_body("InterviewUpdate")
    assignment = schedule.assignment_of(candidate.id, user_id)
    schedule.schedule_interview(assignment, schedule.parse_interview(body["interview"]), user.id)
    db.session.commit()
    return assignment_json(assignment)


@bp.put("/candidates/<int:candidate_id>/scorecard")
@roles_required(*INTERVIEWING_ROLES)
def save_scorecard(candidate_id: int):
    """Save or submit the caller's own scorecard; a competency left out of `ratings` is not assessed."""
    user = api_user()
    candidate = candidate_or_404(candidate_id, user)
    body = json_body("ScorecardSave")
    ratings = body.get("ratings") or {}
    codes = [competency.code for competency in candidate.vacancy.profile.competencies]
    existed = interviews.scorecard_of(candidate, user) is not None
    card = interviews.save_scorecard(
        candidate,
        user,
        ratings=ratings,
        notes=body.get("notes"),
        verified_languages=body.get("verified_languages"),
        verified_plan_attainment_pct=body.get("verified_plan_attainment_pct"),
        recommendation=body.get("recommendation"),
        submit=body.get("submit", False),
        expected_version=body.get("version"),
        not_assessed=[code for code in codes if code not in ratings],
    )
    db.session.commit()
    return scorecard_json(card), 200 if existed else 201


@bp.get("/candidates/<int:candidate_id>/scorecards")
@roles_required(*INTERVIEWING_ROLES)
def list_scorecards(candidate_id: int):
    """The candidate's scorecards the caller may see (independent scoring, SPEC §4)."""
    user = api_user()
    candidate = candidate_or_404(candidate_id, user)
    return [scorecard_json(card) for card in interviews.visible_scorecards(candidate, user)]


@bp.get("/candidates/<int:candidate_id>/evaluation")
@roles_required(*READERS)
def evaluation(candidate_id: int):
    """The candidate's evaluation, computed by the scoring engine."""
    candidate = candidate_or_404(candidate_id, api_user())
    return evaluation_json(evaluate_candidate(candidate))


@bp.post("/candidates/<int:candidate_id>/decision")
@roles_required("lead")
def record_decision(candidate_id: int):
    """Record the hiring decision with its rationale."""
    user = api_user()
    candidate = candidate_or_404(candidate_id, user)
    body = json_body("DecisionCreate")
    decision = decisions.record_decision(candidate, body["decision"], body["rationale"], user.id)
    db.session.commit()
    return decision_json(decision), 201
