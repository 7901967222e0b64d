"""Competency profiles, read-only in the API."""

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from hiring.api.auth import roles_required
from hiring.api.blueprint import bp
from hiring.api.serializers import profile_json
from hiring.extensions import db
from hiring.models import Profile
from hiring.services.lookups import profile_or_404


@bp.get("/profiles")
@roles_required("hr")
def list_profiles():
    """Every profile with its competencies."""
    profiles = db.session.scalars(
        sa.select(Profile).options(selectinload(Profile.competencies)).order_by(Profile.id)
    ).all()
    return [profile_json(profile) for profile in profiles]


@bp.get("/profiles/<int:profile_id>")
@roles_required("hr")
def get_profile(profile_id: int):
    """One profile with its competencies."""
    return profile_json(profile_or_404(profile_id))
