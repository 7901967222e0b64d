"""The evaluation pack (SPEC §6): start it, follow its progress, download the one PDF."""

from types import SimpleNamespace

from flask import url_for
from flask_babel import gettext as _

from hiring.api.auth import api_user, roles_required
from hiring.api.blueprint import bp
from hiring.api.bodies import json_body
from hiring.api.errors import ApiError
from hiring.documents.downloads import document_response
from hiring.extensions import db
from hiring.services import evaluation_packs
from hiring.services.lookups import vacancy_or_404


def _status(pack) -> dict:
    state = evaluation_packs.pack_state(pack)
    return {
        "job": pack.id,
        "state": state,
        "done": pack.done,
        "total": pack.total,
        "result_url": url_for("api.evaluation_pack_pdf", pack_id=pack.id) if state == "done" else None,
    }


@bp.post("/vacancies/<int:vacancy_id>/evaluation-pack")
@roles_required(*evaluation_packs.PACK_ROLES)
def start_evaluation_pack(vacancy_id: int):
    """Start rendering one PDF of 1–50 candidates of the vacancy: the comparison, then each evaluation."""
    user = api_user()
    vacancy = vacancy_or_404(vacancy_id, user)
    body = json_body("EvaluationPackRequest")
    pack = evaluation_packs.request_pack(vacancy, body["candidate_ids"], user)
    db.session.commit()
    status_url = url_for("api.evaluation_pack_status", pack_id=pack.id)
    return {"job": pack.id, "status_url": status_url}, 202, {"Location": status_url}


@bp.get("/evaluation-packs/<int:pack_id>")
@roles_required(*evaluation_packs.PACK_ROLES)
def evaluation_pack_status(pack_id: int):
    """How far the pack is: queued, running (done of total), done (with result_url) or failed."""
    response = _status(evaluation_packs.pack_or_404(pack_id, api_user()))
    return response, 200, {"Cache-Control": "no-store"}


@bp.get("/evaluation-packs/<int:pack_id>/pack.pdf")
@roles_required(*evaluation_packs.PACK_ROLES)
def evaluation_pack_pdf(pack_id: int):
    """The finished pack: one PDF with a bookmark per candidate."""
    pack = evaluation_packs.pack_or_404(pack_id, api_user())
    if pack.state != "done" or pack.content is None:
        raise ApiError(409, "not_ready", _("The pack is not rendered yet; follow its status_url."))
    download = SimpleNamespace(
        key=pack.revision_key,
        filename=evaluation_packs.filename(pack),
        ascii_filename=f"evaluation-pack-{pack.id}.pdf",
    )
    return document_response(download, lambda _download: bytes(pack.content))
