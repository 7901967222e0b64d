"""The audit log, readable by admin and HR, filtered by record."""

import sqlalchemy as sa
from flask import Blueprint, current_app, render_template, request
from sqlalchemy.orm import selectinload

from hiring.extensions import db
from hiring.models import AuditEntry
from hiring.query_params import query_int
from hiring.web.access import role_required

bp = Blueprint("audit", __name__)

ENTITY_TYPES = (
    "vacancy",
    "candidate",
    "scorecard",
    "decision",
    "profile",
    "competency",
    "user",
    "assignment",
)


@bp.route("/audit")
@role_required("hr")
def index():
    """Audit entries, newest first, optionally for one record."""
    query = sa.select(AuditEntry).options(selectinload(AuditEntry.user)).order_by(AuditEntry.id.desc())
    entity_type = request.args.get("entity_type") or None
    entity_id = query_int("entity_id")
    if entity_type:
        query = query.where(AuditEntry.entity_type == entity_type)
    if entity_id is not None:
        query = query.where(AuditEntry.entity_id == entity_id)
    page = db.paginate(
        query, page=query_int("page", 1), per_page=current_app.config["PAGE_SIZE"], error_out=False
    )
    return render_template(
        "audit/index.html",
        page=page,
        entity_type=entity_type,
        entity_id=entity_id,
        entity_types=ENTITY_TYPES,
    )


def changes(entry: AuditEntry) -> list[tuple[str, object, object]]:
    """The fields that differ between before and after, for display."""
    before, after = entry.before or {}, entry.after or {}
    return [
        (key, before.get(key), after.get(key))
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    ]


@bp.app_template_global()
def audit_changes(entry: AuditEntry):
    return changes(entry)
