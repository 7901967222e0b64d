"""A candidate's files (CVs) over the API: list, upload (multipart), download, remove; the pages' roles."""

from typing import Any

from flask import request
from flask_babel import gettext as _

from hiring.api.auth import api_user, roles_required
from hiring.api.blueprint import bp
from hiring.api.errors import ApiError
from hiring.api.openapi import EXTRA_PATHS, _json, _operation, _path_id
from hiring.documents.downloads import file_response
from hiring.extensions import db
from hiring.services import candidate_files
from hiring.services.lookups import candidate_or_404

READERS = (
    "hr",
    "lead",
    "interviewer",
)  # an interviewer only for a candidate assigned to them (404 otherwise)


def file_json(stored) -> dict[str, Any]:
    return {
        "id": stored.id,
        "candidate_id": stored.candidate_id,
        "filename": stored.filename,
        "content_type": stored.content_type,
        "size": stored.size,
        "sha256": stored.sha256,
        "uploaded_by_id": stored.uploaded_by_id,
        "uploaded_at": stored.uploaded_at.isoformat(),
    }


@bp.get("/candidates/<int:candidate_id>/files")
@roles_required(*READERS)
def list_candidate_files(candidate_id: int):
    """The candidate's files, oldest first."""
    candidate = candidate_or_404(candidate_id, api_user())
    return [file_json(stored) for stored in candidate_files.files_of(candidate)]


@bp.post("/candidates/<int:candidate_id>/files")
@roles_required("hr")
def upload_candidate_file(candidate_id: int):
    """Attach a file sent as multipart/form-data field `file` (PDF, DOCX, ODT or RTF by content; 10 MB)."""
    user = api_user()
    candidate = candidate_or_404(candidate_id, user)
    if request.mimetype != "multipart/form-data":
        raise ApiError(
            415, "unsupported_media_type", _("Send the file as multipart/form-data in the field `file`.")
        )
    upload = request.files.get("file")
    if upload is None:
        message = _("Send the file in the field `file`.")
        raise ApiError(400, "invalid", message, {"file": message})
    try:
        stored = candidate_files.attach_file(candidate, upload.filename or "", upload.read(), user.id)
    except candidate_files.FileTooLarge as refused:
        raise ApiError(413, "too_large", str(refused.message), refused.field_texts()) from None
    db.session.commit()
    return file_json(stored), 201


@bp.get("/candidates/<int:candidate_id>/files/<int:file_id>")
@roles_required(*READERS)
def download_candidate_file(candidate_id: int, file_id: int):
    """The file itself, as an attachment."""
    candidate = candidate_or_404(candidate_id, api_user())
    return file_response(candidate_files.file_or_404(candidate, file_id))


@bp.delete("/candidates/<int:candidate_id>/files/<int:file_id>")
@roles_required("hr")
def delete_candidate_file(candidate_id: int, file_id: int):
    """Remove a file."""
    user = api_user()
    candidate = candidate_or_404(candidate_id, user)
    candidate_files.remove_file(candidate_files.file_or_404(candidate, file_id), user.id)
    db.session.commit()
    return "", 204


_CANDIDATE = _path_id("candidate_id", "candidate")
_FILE = _path_id("file_id", "file")
FILE_SCHEMA = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "candidate_id": {"type": "integer"},
        "filename": {"type": "string"},
        "content_type": {"type": "string", "enum": sorted(candidate_files.TYPES)},
        "size": {"type": "integer"},
        "sha256": {"type": "string"},
        "uploaded_by_id": {"type": ["integer", "null"]},
        "uploaded_at": {"type": "string", "format": "date-time"},
    },
    "required": ["id", "candidate_id", "filename", "content_type", "size", "sha256", "uploaded_at"],
    "additionalProperties": False,
}


def paths() -> dict[str, dict[str, Any]]:
    upload = _operation(
        "Attach a file (a CV) to the candidate",
        {201: _json(FILE_SCHEMA, "The stored file")},
        (400, 403, 404, 413, 415),
        roles="hr",
        parameters=(_CANDIDATE,),
    )
    upload["requestBody"] = {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "file": {
                            "type": "string",
                            "format": "binary",
                            "description": "PDF, DOCX, ODT or RTF (checked by content), at most 10 MB",
                        }
                    },
                    "required": ["file"],
                }
            }
        },
    }
    download = _operation(
        "Download a file (an attachment, never cached)",
        {
            200: {
                "description": "The file",
                "content": {
                    content_type: {"schema": {"type": "string", "format": "binary"}}
                    for content_type in sorted(candidate_files.TYPES)
                },
            }
        },
        (403, 404),
        roles="hr, lead, admin, the interviewers assigned",
        parameters=(_CANDIDATE, _FILE),
    )
    return {
        "/candidates/{candidate_id}/files": {
            "get": _operation(
                "The candidate's files (CVs), oldest first",
                {200: _json({"type": "array", "items": FILE_SCHEMA}, "The files, without their content")},
                (403, 404),
                roles="hr, lead, admin, the interviewers assigned",
                parameters=(_CANDIDATE,),
            ),
            "post": upload,
        },
        "/candidates/{candidate_id}/files/{file_id}": {
            "get": download,
            "delete": _operation(
                "Remove a file",
                {204: {"description": "Removed"}},
                (403, 404),
                roles="hr",
                parameters=(_CANDIDATE, _FILE),
            ),
        },
    }


EXTRA_PATHS.append(paths)
