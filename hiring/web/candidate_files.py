"""A candidate's files (CVs): HR attaches and removes them; whoever may open the candidate downloads them.

Its views belong to the candidates blueprint (`add_routes`), so their endpoints stay `candidates.*`.
Downloads are attachments, never shown inline, with `nosniff`, a sandboxing CSP and no caching.
"""

from flask import Blueprint, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.exceptions import RequestEntityTooLarge

from hiring.documents.downloads import file_response
from hiring.errors import InvalidInput, text
from hiring.extensions import db
from hiring.services import candidate_files
from hiring.services.lookups import candidate_or_404
from hiring.web.access import role_required
from hiring.web.forms.candidates import ActionForm, CandidateFileForm

# Requests that may carry a file up to 10 MB, beyond the app's 2 MB limit; a little room for the multipart.
FILE_UPLOAD_ENDPOINTS = frozenset({"candidates.upload_file", "api.upload_candidate_file"})
UPLOAD_LIMIT = candidate_files.MAX_FILE_BYTES + 256 * 1024


def add_routes(bp: Blueprint) -> None:
    bp.add_url_rule("/candidates/<int:candidate_id>/files", view_func=upload_file, methods=["POST"])
    bp.add_url_rule("/candidates/<int:candidate_id>/files/<int:file_id>", view_func=download_file)
    bp.add_url_rule(
        "/candidates/<int:candidate_id>/files/<int:file_id>/delete", view_func=delete_file, methods=["POST"]
    )
    bp.add_app_template_global(candidate_files.files_of, "candidate_files")
    bp.add_app_template_global(file_forms, "candidate_file_forms")
    # First of all before-request hooks: CSRF protection and the control-character check read the form,
    # which must already be allowed its larger size.
    bp.record_once(
        lambda state: state.app.before_request_funcs.setdefault(None, []).insert(0, allow_file_uploads)
    )


def allow_file_uploads() -> None:
    """Raise the body limit for the file upload routes only."""
    if request.endpoint in FILE_UPLOAD_ENDPOINTS:
        request.max_content_length = UPLOAD_LIMIT


def file_forms() -> dict:
    """The upload form and the delete buttons' form, for templates/candidates/_files.html."""
    return {"upload": CandidateFileForm(formdata=None), "delete": ActionForm(formdata=None)}


def _back(candidate_id: int):
    return redirect(url_for("candidates.detail", candidate_id=candidate_id, _anchor="files"), code=303)


@role_required("hr")
def upload_file(candidate_id: int):
    """Attach a file to the candidate (PDF, DOCX, ODT or RTF, by its content; up to 10 MB)."""
    candidate = candidate_or_404(candidate_id, current_user)
    try:
        form = CandidateFileForm()
        if not form.validate_on_submit():
            flash(
                " ".join(str(error) for error in form.file.errors) or _("Choose a file to attach."), "error"
            )
            return _back(candidate.id)
        upload = form.file.data
        stored = candidate_files.attach_file(candidate, upload.filename or "", upload.read(), current_user.id)
        db.session.commit()
    except RequestEntityTooLarge:
        db.session.rollback()
        flash(_("The file is larger than 10 MB; save a smaller PDF and upload it again."), "error")
        return _back(candidate.id)
    except InvalidInput as refused:
        db.session.rollback()
        flash(text(refused.message), "error")
        return _back(candidate.id)
    flash(_("%(file)s attached.", file=stored.filename), "success")
    return _back(candidate.id)


@role_required("hr", "lead", "interviewer")
def download_file(candidate_id: int, file_id: int):
    """Download one of the candidate's files, as an attachment (an interviewer: only when assigned)."""
    candidate = candidate_or_404(candidate_id, current_user)
    return file_response(candidate_files.file_or_404(candidate, file_id))


@role_required("hr")
def delete_file(candidate_id: int, file_id: int):
    """Remove one of the candidate's files."""
    candidate = candidate_or_404(candidate_id, current_user)
    stored = candidate_files.file_or_404(candidate, file_id)
    if ActionForm().validate_on_submit():
        name = stored.filename
        candidate_files.remove_file(stored, current_user.id)
        db.session.commit()
        flash(_("%(file)s removed.", file=name), "success")
    return _back(candidate.id)
