"""The interviewer's journey: my candidates, the interview kit, the scorecard; and HR's reopen button.

An interviewer never learns that a candidate not assigned to them exists: every URL answers 404.
The candidate and the interviewer always come from the URL and the logged-in user, never from the form.
"""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from hiring.domain.visibility import can_reopen
from hiring.errors import Conflict, InvalidInput, Locked, ScorecardConflict, text
from hiring.errors import lazy_gettext as _l
from hiring.extensions import db
from hiring.models import Candidate, Scorecard
from hiring.query_params import query_int
from hiring.services import interviews
from hiring.services.lookups import candidate_or_404
from hiring.services.schedule import scheduled_interview
from hiring.web.access import role_required
from hiring.web.forms.interviews import ReopenForm, parse_version, scorecard_form
from hiring.web.forms.refusals import INVALID, show_refusal
from hiring.web.templating import texts_language

bp = Blueprint("interviews", __name__)

# Everyone with an account may be assigned to interview; admin passes role_required anyway.
ANY_ROLE = ("interviewer", "hr", "lead")
STATES = ("not_started", "draft", "submitted")


def _open_candidate(candidate_id: int) -> Candidate:
    """The candidate, or 404 when it does not exist or is not the viewer's to see."""
    return candidate_or_404(candidate_id, current_user)


def _language_codes(candidate: Candidate) -> list[str]:
    return [r.language.strip().lower() for r in candidate.vacancy.language_requirements]


@bp.route("/my/candidates")
@role_required(*ANY_ROLE)
def my_candidates():
    """List the candidates assigned to me with the state of my scorecard."""
    state = request.args.get("state")
    if state not in STATES:
        state = None
    page = db.paginate(
        interviews.assigned_candidates(current_user, state),
        page=query_int("page", 1),
        per_page=current_app.config["PAGE_SIZE"],
        error_out=False,
    )
    cards = interviews.scorecards_by_candidate(current_user, [c.id for c in page.items])
    return render_template(
        "interviews/my_candidates.html",
        page=page,
        cards=cards,
        state=state,
        states=STATES,
        counts=interviews.scorecard_state_counts(current_user),
    )


@bp.route("/interview/<int:candidate_id>/kit")
@role_required(*ANY_ROLE)
def kit(candidate_id: int):
    """Show the interview kit: competencies in the vacancy's language and the screening summary."""
    candidate = _open_candidate(candidate_id)
    assigned = interviews.is_assigned(candidate, current_user)
    card = interviews.scorecard_of(candidate, current_user) if assigned else None
    return render_template(
        "interviews/kit.html",
        candidate=candidate,
        vacancy=candidate.vacancy,
        competencies=candidate.vacancy.profile.competencies,
        screening=interviews.screening_for(candidate, current_user),
        assigned=assigned,
        state=interviews.scorecard_state(card),
        interview=scheduled_interview(candidate.id, current_user.id) if assigned else None,
    )


@bp.route("/interview/<int:candidate_id>/scorecard", methods=["GET", "POST"])
@role_required(*ANY_ROLE)
def scorecard(candidate_id: int):
    """Fill my scorecard (draft, then submit); once submitted, read it beside the others' submitted ones."""
    candidate = _open_candidate(candidate_id)
    if not interviews.is_assigned(candidate, current_user):
        if request.method == "POST":
            abort(403)
        return _render_submitted(candidate, None)
    card = interviews.scorecard_of(candidate, current_user)
    if card is not None and card.is_submitted:
        if request.method == "POST":
            flash(
                _("Your scorecard is submitted and locked. Ask HR to reopen it if it needs a change."),
                "error",
            )
            return _back_to_scorecard(candidate)
        return _render_submitted(candidate, card)

    form = scorecard_form(
        candidate.vacancy.profile.competencies,
        _language_codes(candidate),
        card if request.method == "GET" else None,
    )
    if request.method == "GET":
        return _render_form(candidate, form, card)
    if not form.validate():
        if form.csrf_token.errors:
            flash(_("The form had expired. Your values are still below: please save again."), "error")
        else:
            flash(_("The scorecard was not saved: please correct the marked fields."), "error")
        return _render_form(candidate, form, card, INVALID)
    if form.submitting and request.form.get("confirm_submit") != "yes":
        return _confirm_submission(candidate, form, card)
    saved, refusal = _save(candidate, form, card, form.service_input(), keep=True)
    if refusal is not None:
        return refusal
    if saved.is_submitted:
        flash(_("Scorecard submitted. You can now see the other submitted scorecards."), "success")
    else:
        flash(_("Draft saved."), "success")
    return _back_to_scorecard(candidate)


def _confirm_submission(candidate: Candidate, form, card: Scorecard | None):
    """Before a scorecard locks, say so and name the competencies left not assessed (issue 24). The service
    checks the card first (nothing is kept), so the confirmation is shown only for a card it would accept."""
    values = form.service_input()
    _saved, refusal = _save(candidate, form, card, values, keep=False)
    if refusal is not None:
        return refusal
    lang = texts_language(candidate.vacancy)
    skipped = [
        c.name(lang) for c in candidate.vacancy.profile.competencies if c.code in values["not_assessed"]
    ]
    return _render_form(candidate, form, interviews.scorecard_of(candidate, current_user), confirm=skipped)


def _save(candidate: Candidate, form, card: Scorecard | None, values: dict, *, keep: bool):
    """Save the card through the service, committed (`keep`) or only checked and rolled back.

    Returns (the saved card, None), or (None, the page that answers a refusal or a change made meanwhile).
    """
    try:
        saved = interviews.save_scorecard(candidate, current_user, **values)
        if keep:
            db.session.commit()
        else:
            db.session.rollback()
    except InvalidInput as error:
        return None, _render_form(candidate, form, card, show_refusal(form, error))
    except (ScorecardConflict, StaleDataError, IntegrityError) as error:
        db.session.rollback()
        return None, _saved_meanwhile(candidate, form, error)
    except Locked as error:
        db.session.rollback()
        flash(text(error.message), "error")
        return None, _back_to_scorecard(candidate)
    return saved, None


def _next_to_score(candidate: Candidate) -> Candidate | None:
    """The next candidate assigned to me whose scorecard is not submitted: a draft first, then one not started."""
    for state in ("draft", "not_started"):
        query = interviews.assigned_candidates(current_user, state).where(Candidate.id != candidate.id)
        found = db.session.scalar(query.limit(1))
        if found is not None:
            return found
    return None


def _saved_meanwhile(candidate: Candidate, form, error: Exception):
    """The form again with the user's typed values and what changed meanwhile (409); saving again applies them
    over the newer version."""
    if not isinstance(error, ScorecardConflict):
        error = ScorecardConflict(
            _l("This scorecard was saved elsewhere a moment ago. Your values are still below."), [], None
        )
    card = interviews.scorecard_of(candidate, current_user)
    if card is not None and card.is_submitted:
        flash(_("Your scorecard was submitted elsewhere in the meantime."), "error")
        return _back_to_scorecard(candidate)
    form.version.data = str(card.version) if card is not None else ""
    return _render_form(candidate, form, card, 409, conflict=error)


def _render_form(
    candidate: Candidate, form, card: Scorecard | None, status: int = 200, conflict=None, confirm=None
):
    vacancy = candidate.vacancy
    page = render_template(
        "interviews/scorecard_form.html",
        candidate=candidate,
        vacancy=vacancy,
        competencies=vacancy.profile.competencies,
        languages=_language_codes(candidate),
        form=form,
        card=card,
        conflict=conflict,
        interview=scheduled_interview(candidate.id, current_user.id),
        confirm=confirm,
    )
    return page, status


def _back_to_scorecard(candidate: Candidate):
    return redirect(url_for(".scorecard", candidate_id=candidate.id), 303)


def _render_submitted(candidate: Candidate, own: Scorecard | None):
    """Read-only: my submitted scorecard (if any) and every scorecard the rules let me see."""
    cards = interviews.visible_scorecards(candidate, current_user)
    assignments = []
    if current_user.role in ("hr", "lead", "admin"):
        # States only, never values: HR follows who still has to submit.
        by_interviewer = {c.interviewer_id: c for c in candidate.scorecards}
        assignments = [
            (a.interviewer, interviews.scorecard_state(by_interviewer.get(a.interviewer_id)))
            for a in candidate.assignments
        ]
    return render_template(
        "interviews/scorecard_view.html",
        candidate=candidate,
        vacancy=candidate.vacancy,
        competencies=candidate.vacancy.profile.competencies,
        own=own,
        cards=cards,
        assignments=assignments,
        reopen_form=ReopenForm() if can_reopen(current_user.role) else None,
        interview=scheduled_interview(candidate.id, current_user.id) if own is not None else None,
        next_candidate=_next_to_score(candidate) if own is not None else None,
    )


@bp.route("/scorecards/<int:scorecard_id>/reopen", methods=["POST"])
@role_required(*ANY_ROLE)
def reopen(scorecard_id: int):
    """Reopen a submitted scorecard so that its interviewer can change it (HR and admin); audited."""
    card = db.get_or_404(Scorecard, scorecard_id)
    if not interviews.may_open_candidate(card.candidate, current_user):
        abort(404)
    if not can_reopen(current_user.role):
        abort(403)
    form = ReopenForm()
    if not form.validate_on_submit():
        abort(400)
    candidate_id = card.candidate_id
    try:
        interviews.reopen_scorecard(card, current_user, expected_version=parse_version(form.version.data))
        db.session.commit()
    except (Conflict, StaleDataError) as error:
        db.session.rollback()
        message = getattr(error, "message", None)
        flash(text(message) if message else _("This scorecard changed meanwhile; try again."), "error")
    else:
        flash(
            _(
                "Scorecard of %(name)s reopened: it no longer counts until it is submitted again.",
                name=card.interviewer.display_name,
            ),
            "success",
        )
    return redirect(url_for(".scorecard", candidate_id=candidate_id), 303)
