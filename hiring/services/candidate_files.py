"""Files attached to a candidate (a CV, a cover letter): PDF, DOCX, ODT or RTF, up to 10 MB each.

The type is read from the content, never from the name or the browser's word: a program renamed `cv.pdf` is
refused. Files are kept in the database (hiring.models.CandidateFile), so every worker sees them and backups
carry them. Who may read them is who may open the candidate (hiring.services.lookups.candidate_or_404: HR,
leads, admin, and the interviewers assigned); HR and admin add and remove them. Uploads and removals are in
the audit log; anonymising a candidate deletes the files.
"""

import hashlib
import io
import re
import unicodedata
import zipfile
from pathlib import PurePosixPath, PureWindowsPath

import sqlalchemy as sa

from hiring.errors import InvalidInput, NotFound
from hiring.errors import lazy_gettext as _l
from hiring.extensions import db
from hiring.models import CandidateFile
from hiring.services import audit

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_FILES = 20  # per candidate
# content type -> the extension a file of that type is given
TYPES = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/rtf": ".rtf",
}
NO_FILE = _l("No such file.")


class FileTooLarge(InvalidInput):
    """A file over MAX_FILE_BYTES (the API answers 413)."""


def content_type_of(content: bytes) -> str | None:
    """PDF, DOCX, ODT or RTF by their content (magic bytes, and the parts inside a zip); None for anything else."""
    if content.startswith(b"%PDF-"):
        return "application/pdf"
    if content.startswith(b"{\\rtf"):
        return "application/rtf"
    if content.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                names = set(archive.namelist())
                if (
                    "mimetype" in names
                    and archive.read("mimetype").strip() == b"application/vnd.oasis.opendocument.text"
                ):
                    return "application/vnd.oasis.opendocument.text"
                if "[Content_Types].xml" in names and "word/document.xml" in names:
                    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        except (zipfile.BadZipFile, KeyError, RuntimeError, ValueError):
            return None
    return None


def clean_filename(filename: str, content_type: str) -> str:
    """The name without folders or control characters, at most 120 characters, ending in its type's extension."""
    name = PureWindowsPath(PurePosixPath(filename or "").name).name
    name = "".join(ch for ch in unicodedata.normalize("NFC", name) if unicodedata.category(ch)[0] != "C")
    name = re.sub(r"\s+", " ", name).strip(" .") or "file"
    extension = TYPES[content_type]
    stem = name[: -len(extension)] if name.lower().endswith(extension) else name
    return stem[: 120 - len(extension)] + extension


def files_of(candidate) -> list[CandidateFile]:
    """The candidate's files, oldest first (without their bytes)."""
    return list(
        db.session.scalars(
            sa.select(CandidateFile)
            .where(CandidateFile.candidate_id == candidate.id)
            .order_by(CandidateFile.id)
        )
    )


def file_or_404(candidate, file_id: int) -> CandidateFile:
    """One of the candidate's files (the caller has already been allowed to open the candidate)."""
    found = db.session.get(CandidateFile, file_id)
    if found is None or found.candidate_id != candidate.id:
        raise NotFound(NO_FILE)
    return found


def attach_file(candidate, filename: str, content: bytes, user_id: int | None) -> CandidateFile:
    """Check and store a file for the candidate; flushes and logs to the audit. InvalidInput when refused."""
    if candidate.anonymized_at is not None:
        message = _l("This candidate's personal data was erased; no files can be attached.")
        raise InvalidInput(message, {"file": message})
    if len(content) > MAX_FILE_BYTES:
        raise FileTooLarge(
            _l("The file is larger than 10 MB; save a smaller PDF and upload it again."),
            {"file": _l("At most 10 MB.")},
        )
    if not content:
        raise InvalidInput(_l("The file is empty."), {"file": _l("The file is empty.")})
    content_type = content_type_of(content)
    if content_type is None:
        message = _l(
            "Only PDF, Word (.docx), OpenDocument (.odt) and RTF files can be attached; this file is none."
        )
        raise InvalidInput(message, {"file": message})
    count = db.session.scalar(
        sa.select(sa.func.count(CandidateFile.id)).where(CandidateFile.candidate_id == candidate.id)
    )
    if count >= MAX_FILES:
        message = _l("A candidate has at most %(count)s files; remove one first.", count=MAX_FILES)
        raise InvalidInput(message, {"file": message})
    stored = CandidateFile(
        candidate_id=candidate.id,
        filename=clean_filename(filename, content_type),
        content_type=content_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        uploaded_by_id=user_id,
    )
    db.session.add(stored)
    db.session.flush()
    audit.record("candidate.file_upload", "candidate", candidate.id, after=_facts(stored), user_id=user_id)
    return stored


def remove_file(stored: CandidateFile, user_id: int | None) -> None:
    """Delete a file; flushes and logs to the audit."""
    facts = _facts(stored)
    db.session.delete(stored)
    db.session.flush()
    audit.record("candidate.file_delete", "candidate", stored.candidate_id, before=facts, user_id=user_id)


def delete_files_of(candidate_id: int) -> int:
    """Delete every file of a candidate (anonymisation); returns how many."""
    return db.session.execute(
        sa.delete(CandidateFile).where(CandidateFile.candidate_id == candidate_id)
    ).rowcount


def _facts(stored: CandidateFile) -> dict:
    return {
        "file_id": stored.id,
        "filename": stored.filename,
        "content_type": stored.content_type,
        "size": stored.size,
        "sha256": stored.sha256,
    }
