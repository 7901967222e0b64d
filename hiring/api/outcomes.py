"""Outcomes of hires, the validity report of a profile and the clone with new weights (SPEC §6, §9)."""

from hiring.api.auth import api_user, roles_required
from hiring.api.blueprint import bp
from hiring.api.bodies import json_body
from hiring.api.serializers import profile_json
from hiring.extensions import db
from hiring.services import outcomes, validity
from hiring.services.lookups import candidate_or_404, profile_or_404

PRIVATE = {"Cache-Control": "no-store"}  # outcomes are personal data (SPEC §6)


@bp.put("/candidates/<int:candidate_id>/outcomes")
@roles_required(*outcomes.OUTCOME_ROLES)
def save_outcome(candidate_id: int):
    """Record the start date and the reviews of a hired candidate."""
    user = api_user()
    candidate = candidate_or_404(candidate_id, user)
    body = json_body("OutcomeSave")
    outcome = outcomes.save_outcome(candidate, body, user, expected_version=body.get("version"))
    db.session.commit()
    return outcomes.snapshot(outcome), 200, PRIVATE


@bp.get("/profiles/<int:profile_id>/validity")
@roles_required(*outcomes.OUTCOME_ROLES)
def profile_validity(profile_id: int):
    """How well the profile's interview ratings predicted the outcomes of the people hired."""
    user = api_user()
    return validity.report_json(validity.validity_report(profile_or_404(profile_id), user)), 200, PRIVATE


@bp.post("/profiles/<int:profile_id>/clone")
@roles_required("hr")
def clone_profile(profile_id: int):
    """A copy of the profile, with new weights when given."""
    user = api_user()
    profile = profile_or_404(profile_id)
    body = json_body("ProfileClone")
    clone = validity.clone_with_weights(profile, body.get("weights"), user, body.get("name"))
    db.session.commit()
    return profile_json(clone), 201
