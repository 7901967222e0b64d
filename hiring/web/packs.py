"""The evaluation pack from the dashboard's selection: confirm, follow the progress bar, download."""

from types import SimpleNamespace

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm

from hiring.documents.downloads import document_response
from hiring.errors import InvalidInput, text
from hiring.extensions import db
from hiring.query_params import query_ints
from hiring.services import evaluation_packs
from hiring.services.lookups import vacancy_or_404
from hiring.web.access import role_required

bp = Blueprint("packs", __name__)


def _status(pack) -> dict:
    state = evaluation_packs.pack_state(pack)
    return {
        "state": state,
        "done": pack.done,
        "total": pack.total,
        "result_url": url_for(".download", pack_id=pack.id) if state == "done" else None,
    }


@bp.route("/vacancies/<int:vacancy_id>/evaluation-pack", methods=["GET", "POST"])
@role_required(*evaluation_packs.PACK_ROLES)
def start(vacancy_id: int):
    """Confirm the chosen candidates (GET ?ids=), then start the pack (POST) and follow it."""
    vacancy = vacancy_or_404(vacancy_id, current_user)
    form = FlaskForm()
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        try:
            ids = [int(value) for value in request.form.getlist("ids")]
        except ValueError:
            abort(400)
    else:
        ids = query_ints("ids")
    ids = sorted(set(ids))
    if request.method == "POST":
        try:
            pack = evaluation_packs.request_pack(vacancy, ids, current_user)
            db.session.commit()
        except InvalidInput as error:
            db.session.rollback()
            flash(text(error.message), "error")
            return redirect(url_for("review.dashboard", vacancy_id=vacancy.id))
        return redirect(url_for(".progress", pack_id=pack.id))
    return render_template(
        "review/pack_start.html", vacancy=vacancy, ids=ids, form=form, limit=evaluation_packs.MAX_CANDIDATES
    )


@bp.route("/evaluation-packs/<int:pack_id>")
@role_required(*evaluation_packs.PACK_ROLES)
def progress(pack_id: int):
    """The progress bar ("3 of 8 rendered") that turns into the download link."""
    pack = evaluation_packs.pack_or_404(pack_id, current_user)
    vacancy = vacancy_or_404(pack.vacancy_id, current_user)
    return render_template("review/pack_progress.html", pack=pack, vacancy=vacancy, status=_status(pack))


@bp.route("/evaluation-packs/<int:pack_id>/status")
@role_required(*evaluation_packs.PACK_ROLES)
def status(pack_id: int):
    """The progress as JSON, for the page's script."""
    return _status(evaluation_packs.pack_or_404(pack_id, current_user)), 200, {"Cache-Control": "no-store"}


@bp.route("/evaluation-packs/<int:pack_id>/pack.pdf")
@role_required(*evaluation_packs.PACK_ROLES)
def download(pack_id: int):
    """The finished pack."""
    pack = evaluation_packs.pack_or_404(pack_id, current_user)
    if pack.state != "done" or pack.content is None:
        return redirect(url_for(".progress", pack_id=pack.id))
    download = SimpleNamespace(
        key=pack.revision_key,
        filename=evaluation_packs.filename(pack),
        ascii_filename=f"evaluation-pack-{pack.id}.pdf",
    )
    return document_response(download, lambda _download: bytes(pack.content))
