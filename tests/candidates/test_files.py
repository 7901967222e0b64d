"""CV files on the pages (issue 19): HR attaches them; HR, leads and assigned interviewers download them."""

import io
import zipfile

import pytest
import sqlalchemy as sa

from hiring.errors import InvalidInput
from hiring.extensions import db
from hiring.models import AuditEntry, CandidateFile
from hiring.services import candidate_files
from hiring.services.privacy import anonymize_candidate

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(200)


def docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def odt() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


@pytest.fixture
def world(build):
    vacancy = build.vacancy()
    candidate = build.candidate(vacancy)
    assigned = build.user("interviewer", locale="en")
    build.assign(candidate, assigned)
    return candidate, assigned


def upload(client, candidate, content: bytes, name: str = "cv.pdf"):
    return client.post(
        f"/candidates/{candidate.id}/files",
        data={"file": (io.BytesIO(content), name)},
        content_type="multipart/form-data",
        follow_redirects=True,
    )


def stored_names(candidate) -> list[str]:
    return list(
        db.session.scalars(
            sa.select(CandidateFile.filename).where(CandidateFile.candidate_id == candidate.id)
        )
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (PDF, "application/pdf"),
        (docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (odt(), "application/vnd.oasis.opendocument.text"),
        (b"{\\rtf1\\ansi Hello}", "application/rtf"),
        (EXECUTABLE, None),
        (b"PK\x03\x04 not really a zip", None),
        (b"<html><script>alert(1)</script></html>", None),
    ],
)
def test_the_type_is_read_from_the_content(content, expected):
    assert candidate_files.content_type_of(content) == expected


def test_hr_attaches_a_cv_and_an_assigned_interviewer_downloads_it_from_the_kit(client, auth, build, world):
    candidate, assigned = world
    auth.login(build.user("hr", locale="en").username)
    page = upload(client, candidate, PDF, name="Иванов резюме.pdf")
    assert page.status_code == 200 and "Иванов резюме.pdf attached." in page.get_data(as_text=True)
    [stored] = db.session.scalars(sa.select(CandidateFile)).all()
    auth.logout()
    auth.login(assigned.username)
    kit = client.get(f"/interview/{candidate.id}/kit").get_data(as_text=True)
    link = f"/candidates/{candidate.id}/files/{stored.id}"
    assert link in kit
    response = client.get(link)
    assert response.status_code == 200 and response.data == PDF
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert "filename*=UTF-8''" in response.headers["Content-Disposition"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"
    assert "sandbox" in response.headers["Content-Security-Policy"]


def test_an_unassigned_interviewer_gets_404(client, auth, build, world):
    candidate, _assigned = world
    stored = candidate_files.attach_file(candidate, "cv.pdf", PDF, None)
    db.session.commit()
    auth.login(build.user("interviewer", locale="en").username)
    assert client.get(f"/candidates/{candidate.id}/files/{stored.id}").status_code == 404


def test_a_program_renamed_cv_pdf_is_refused(client, auth, build, world):
    candidate, _assigned = world
    auth.login(build.user("hr", locale="en").username)
    page = upload(client, candidate, EXECUTABLE, name="cv.pdf")
    assert "Only PDF, Word (.docx), OpenDocument (.odt) and RTF files can be attached" in page.get_data(
        as_text=True
    )
    assert stored_names(candidate) == []


def test_a_file_of_10_mb_and_one_byte_is_refused_with_a_clear_message(client, auth, build, world):
    candidate, _assigned = world
    auth.login(build.user("hr", locale="en").username)
    page = upload(client, candidate, PDF + bytes(10 * 1024 * 1024 + 1 - len(PDF)))
    assert "larger than 10 MB" in page.get_data(as_text=True)
    assert stored_names(candidate) == []
    assert upload(client, candidate, PDF + bytes(10 * 1024 * 1024 - len(PDF))).status_code == 200
    assert stored_names(candidate) == ["cv.pdf"]


def test_a_docx_named_pdf_keeps_its_real_extension_and_removal_is_audited(client, auth, build, world):
    candidate, _assigned = world
    hr = build.user("hr", locale="en")
    auth.login(hr.username)
    upload(client, candidate, docx(), name="../../etc/cv.pdf")
    [stored] = db.session.scalars(sa.select(CandidateFile)).all()
    assert stored.filename == "cv.pdf.docx"
    response = client.post(f"/candidates/{candidate.id}/files/{stored.id}/delete", follow_redirects=True)
    assert "cv.pdf.docx removed." in response.get_data(as_text=True)
    assert stored_names(candidate) == []
    actions = db.session.scalars(sa.select(AuditEntry.action).where(AuditEntry.user_id == hr.id)).all()
    assert {"candidate.file_upload", "candidate.file_delete"} <= set(actions)


def test_anonymisation_deletes_the_files_and_their_names_in_the_audit_log(build, world):
    candidate, _assigned = world
    candidate_files.attach_file(candidate, "Ivanov CV.pdf", PDF, None)
    db.session.commit()
    anonymize_candidate(candidate, None)
    db.session.commit()
    assert stored_names(candidate) == []
    entries = db.session.scalars(
        sa.select(AuditEntry).where(AuditEntry.action == "candidate.file_upload")
    ).all()
    assert entries and all("filename" not in (entry.after or {}) for entry in entries)
    with pytest.raises(InvalidInput):
        candidate_files.attach_file(candidate, "new.pdf", PDF, None)


class TestWithCsrf:
    """CSRF protection reads the form before the view: the upload's larger limit must already hold then."""

    @pytest.fixture
    def app_config(self, app_config):
        return {**app_config, "WTF_CSRF_ENABLED": True}

    def test_a_9_mb_cv_is_accepted_and_an_11_mb_one_refused(self, client, build, world):
        import re

        candidate, _assigned = world
        user = build.user("hr", locale="en")
        with client.session_transaction() as session:
            session["_user_id"] = user.get_id()
            session["_fresh"] = True
        page = client.get(f"/candidates/{candidate.id}").get_data(as_text=True)
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)

        def send(size: int):
            return client.post(
                f"/candidates/{candidate.id}/files",
                data={"csrf_token": token, "file": (io.BytesIO(PDF + bytes(size - len(PDF))), "cv.pdf")},
                content_type="multipart/form-data",
            )

        assert send(9 * 1024 * 1024).status_code == 303
        assert stored_names(candidate) == ["cv.pdf"]
        assert send(11 * 1024 * 1024).status_code == 413
        assert stored_names(candidate) == ["cv.pdf"]
