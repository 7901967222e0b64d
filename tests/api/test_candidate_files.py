"""CV files over the API (issue 19): list, upload (multipart), download, remove, with the pages' roles."""

import io

import pytest

from tests.api.conftest import error_of, make_user
from tests.candidates.test_files import EXECUTABLE, PDF


@pytest.fixture
def world(build):
    vacancy = build.vacancy()
    candidate = build.candidate(vacancy)
    assigned = make_user("interviewer", username="ivan")
    build.assign(candidate, assigned)
    return candidate, make_user("hr", username="olga"), assigned


def upload(api, candidate, user, content: bytes, name: str = "cv.pdf"):
    return api.post(
        f"/candidates/{candidate.id}/files",
        user,
        data={"file": (io.BytesIO(content), name)},
        content_type="multipart/form-data",
    )


def test_upload_list_download_and_remove(api, world):
    candidate, hr, assigned = world
    created = upload(api, candidate, hr, PDF)
    assert created.status_code == 201
    file = created.get_json()
    assert (
        file["filename"] == "cv.pdf"
        and file["content_type"] == "application/pdf"
        and file["size"] == len(PDF)
    )
    listed = api.get(f"/candidates/{candidate.id}/files", assigned)
    assert [item["id"] for item in listed.get_json()] == [file["id"]]
    download = api.get(f"/candidates/{candidate.id}/files/{file['id']}", assigned)
    assert download.status_code == 200 and download.data == PDF
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert download.headers["Cache-Control"] == "no-store"
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    assert api.call("DELETE", f"/candidates/{candidate.id}/files/{file['id']}", hr).status_code == 204
    assert api.get(f"/candidates/{candidate.id}/files", hr).get_json() == []


def test_an_unassigned_interviewer_gets_404_and_may_not_upload(api, world):
    candidate, hr, _assigned = world
    file = upload(api, candidate, hr, PDF).get_json()
    stranger = make_user("interviewer", username="nobody")
    assert api.get(f"/candidates/{candidate.id}/files/{file['id']}", stranger).status_code == 404
    assert api.get(f"/candidates/{candidate.id}/files", stranger).status_code == 404
    assert upload(api, candidate, make_user("lead", username="andrey"), PDF).status_code == 403


def test_a_program_renamed_cv_pdf_gets_400(api, world):
    candidate, hr, _assigned = world
    response = upload(api, candidate, hr, EXECUTABLE)
    assert response.status_code == 400
    assert "file" in error_of(response)["fields"]


def test_10_mb_and_one_byte_gets_413(api, world):
    candidate, hr, _assigned = world
    response = upload(api, candidate, hr, PDF + bytes(10 * 1024 * 1024 + 1 - len(PDF)))
    assert response.status_code == 413
    assert api.get(f"/candidates/{candidate.id}/files", hr).get_json() == []


def test_a_json_body_gets_415(api, world):
    candidate, hr, _assigned = world
    assert api.post(f"/candidates/{candidate.id}/files", hr, json={}).status_code == 415
