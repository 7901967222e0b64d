"""The interviewer's pages: my candidates, the kit, the scorecard, and HR's reopen button."""

import html
import re

import pytest
import sqlalchemy as sa

from hiring.extensions import db
from hiring.models import AuditEntry, Scorecard, StoredEvaluation
from tests.interviews.conftest import CODES, english_client


def form_data(ratings=None, notes=None, *, version="", recommendation="yes", submit=False, **extra):
    """A posted scorecard: ratings as the radios send them ("1".."5", "na"), notes as typed."""
    data = {"version": version, "recommendation": recommendation or ""}
    for code, value in (ratings if ratings is not None else dict.fromkeys(CODES, "4")).items():
        data[f"rating_{code}"] = value
    for code, text in (notes or {}).items():
        data[f"note_{code}"] = text
    data["submit_scorecard" if submit else "save_draft"] = "1"
    if submit:
        data["confirm_submit"] = "yes"  # the confirmation step (issue 24) is tested on its own
    data.update(extra)
    return data


def card_of(panel, user) -> Scorecard | None:
    db.session.expire_all()
    return db.session.scalar(
        sa.select(Scorecard).where(
            Scorecard.candidate_id == panel.candidate.id, Scorecard.interviewer_id == user.id
        )
    )


def scorecard_url(panel) -> str:
    return f"/interview/{panel.candidate.id}/scorecard"


def text_of(response) -> str:
    return response.get_data(as_text=True)


def post_scorecard(client, panel, **kwargs):
    return client.post(scorecard_url(panel), data=form_data(**kwargs))


# --- access ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/interview/{cid}/kit", "/interview/{cid}/scorecard"])
def test_an_unassigned_interviewer_gets_404_everywhere(client, auth, panel, path):
    auth.login("carol")
    url = path.format(cid=panel.candidate.id)
    assert client.get(url).status_code == 404
    assert card_of(panel, panel.outsider) is None


def test_an_unassigned_interviewer_cannot_post_a_scorecard(client, auth, panel):
    auth.login("carol")
    assert post_scorecard(client, panel).status_code == 404
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Scorecard)) == 0


def test_an_unassigned_interviewer_cannot_reopen_either(client, auth, panel, build):
    card = build.scorecard(panel.candidate, panel.first)
    auth.login("carol")
    assert client.post(f"/scorecards/{card.id}/reopen", data={"version": card.version}).status_code == 404
    assert card_of(panel, panel.first).is_submitted


@pytest.mark.parametrize("path", ["/interview/999999/kit", "/interview/999999/scorecard"])
def test_a_missing_candidate_is_404(client, auth, panel, path):
    auth.login("alice")
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", ["/my/candidates", "/interview/{cid}/kit", "/interview/{cid}/scorecard"])
def test_pages_need_a_login(client, panel, path):
    response = client.get(path.format(cid=panel.candidate.id))
    assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize("username", ["helen", "leo"])
def test_hr_and_lead_read_but_cannot_post_a_scorecard(client, auth, panel, username):
    auth.login(username)
    assert client.get(scorecard_url(panel)).status_code == 200
    assert client.get(f"/interview/{panel.candidate.id}/kit").status_code == 200
    assert post_scorecard(client, panel).status_code == 403
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Scorecard)) == 0


# --- my candidates ---------------------------------------------------------------------------------------


def test_my_candidates_lists_only_mine_with_my_scorecard_state(client, auth, panel, build):
    second = build.candidate(panel.vacancy, full_name="Boris Second")
    third = build.candidate(panel.vacancy, full_name="Vera Third")
    build.assign(second, panel.first)
    build.assign(third, panel.first)
    build.scorecard(panel.candidate, panel.first, submitted=True)
    build.scorecard(second, panel.first, submitted=False)
    auth.login("alice")
    page = text_of(client.get("/my/candidates"))
    assert "Anna Petrova" in page and "Boris Second" in page and "Vera Third" in page
    assert "Someone Else" not in page  # Carol's candidate
    rows = _rows(page)
    assert "Submitted" in rows["Anna Petrova"] and "Draft" in rows["Boris Second"]
    assert "Not started" in rows["Vera Third"]
    assert f"/interview/{third.id}/kit" in rows["Vera Third"]
    assert f"/interview/{third.id}/scorecard" in rows["Vera Third"]
    drafts = text_of(client.get("/my/candidates?state=draft"))
    assert "Boris Second" in drafts and "Anna Petrova" not in drafts and "Vera Third" not in drafts


def _rows(page: str) -> dict[str, str]:
    """Table rows of the page by the candidate's name."""
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", page, re.S):
        name = re.search(r'/kit">([^<]+)</a>', row)
        if name:
            rows[name.group(1)] = row
    return rows


def test_my_candidates_empty_state(client, auth, build, panel):
    build.user("interviewer", "newbie")
    auth.login("newbie")
    response = client.get("/my/candidates")
    assert response.status_code == 200
    assert "No candidates are assigned to you yet" in text_of(response)


# --- the kit ---------------------------------------------------------------------------------------------


def test_the_kit_is_in_english_for_an_english_vacancy(client, auth, panel):
    auth.login("alice")
    page = text_of(client.get(f"/interview/{panel.candidate.id}/kit"))
    assert "Negotiation &amp; presentation" in page
    assert "Tell me about a negotiation with a key client" in page
    assert "Переговоры и презентация" not in page
    assert 'lang="en"' in page


def test_the_kit_is_in_russian_for_a_russian_vacancy(client, auth, build):
    """For a Russian-speaking reader; an English one gets the profile's English texts (issue 24)."""
    vacancy = build.vacancy(language="ru")
    candidate = build.candidate(vacancy)
    build.assign(candidate, build.user("interviewer", "ivan", locale="ru"))
    auth.login("ivan")
    page = text_of(client.get(f"/interview/{candidate.id}/kit"))
    assert "Переговоры и презентация" in page
    assert "Расскажите о переговорах с ключевым клиентом" in page
    assert "Negotiation &amp; presentation" not in page


def test_the_kit_shows_anchors_and_the_screening_summary_but_no_ratings(client, auth, panel, build):
    build.scorecard(
        panel.candidate, panel.second, ratings=dict.fromkeys(CODES, 2), notes={"NEG": "SECRET-EVIDENCE"}
    )
    auth.login("alice")
    page = text_of(client.get(f"/interview/{panel.candidate.id}/kit"))
    competency = panel.vacancy.profile.competencies[0]
    assert competency.anchors("en")[5][:40].replace("&", "&amp;") in page
    assert "Screening" in page and "Education" in page and "Language: English" in page
    assert "SECRET-EVIDENCE" not in page and "Bob Interviewer" not in page
    pdf = re.search(r'href="(/vacancies/\d+/interview-kit.pdf)"', page).group(1)
    assert client.get(pdf).status_code == 200


# --- filling and submitting ------------------------------------------------------------------------------


def test_save_a_draft_then_continue_it(client, auth, panel):
    auth.login("alice")
    form = client.get(scorecard_url(panel))
    assert form.status_code == 200 and "Save draft" in text_of(form)
    response = post_scorecard(client, panel, ratings={"NEG": "4", "REL": "na"}, notes={"NEG": "Evidence A"})
    assert response.status_code == 303
    card = card_of(panel, panel.first)
    assert card.status == "draft" and {r.competency_code: r.value for r in card.ratings} == {
        "NEG": 4,
        "REL": None,
    }
    page = text_of(client.get(scorecard_url(panel)))
    assert "Draft saved" in page and "Evidence A" in page
    assert re.search(
        r'<input[^>]*checked[^>]*name="rating_NEG"[^>]*value="4"|name="rating_NEG"[^>]*value="4"[^>]*checked',
        page,
    )
    assert re.search(
        r'name="rating_REL"[^>]*value="na"[^>]*checked|checked[^>]*name="rating_REL"[^>]*value="na"', page
    )
    version_fields = re.findall(r'<input[^>]*\bname="version"[^>]*>', page)
    assert len(version_fields) == 1  # the draft's version travels with the form (optimistic locking)
    assert 'type="hidden"' in version_fields[0] and f'value="{card.version}"' in version_fields[0]


def test_submit_is_refused_while_a_competency_is_neither_rated_nor_not_assessed(client, auth, panel):
    auth.login("alice")
    ratings = dict.fromkeys(CODES, "4")
    ratings["TIM"] = ""
    response = post_scorecard(client, panel, ratings=ratings, submit=True)
    assert response.status_code == 400
    assert "Rate this competency or mark it as not assessed." in text_of(response)
    assert card_of(panel, panel.first) is None
    ratings["TIM"] = "na"
    assert post_scorecard(client, panel, ratings=ratings, submit=True).status_code == 303
    assert card_of(panel, panel.first).is_submitted


def test_submit_needs_a_recommendation(client, auth, panel):
    auth.login("alice")
    response = post_scorecard(client, panel, recommendation="", submit=True)
    assert response.status_code == 400
    assert "Choose an overall recommendation before submitting." in text_of(response)


def test_a_5_without_evidence_is_refused_beside_its_note_then_submitted_with_one(client, auth, panel):
    auth.login("alice")
    ratings = {**dict.fromkeys(CODES, "4"), "NEG": "5"}
    response = post_scorecard(client, panel, ratings=ratings, submit=True)
    body = text_of(response)
    assert response.status_code == 400
    assert (
        "A rating of 5 on «Negotiation &amp; presentation» needs an evidence note before you submit" in body
    )
    assert 'id="note_NEG-error"' in body
    assert card_of(panel, panel.first) is None
    # a draft may keep it without a note
    assert post_scorecard(client, panel, ratings=ratings).status_code == 303
    version = str(card_of(panel, panel.first).version)
    notes = {"NEG": "Kept the margin against two buyers."}
    response = post_scorecard(client, panel, ratings=ratings, notes=notes, version=version, submit=True)
    assert response.status_code == 303
    assert card_of(panel, panel.first).is_submitted


def test_the_verified_plan_figure_is_typed_on_the_page_and_shown_after_submitting(client, auth, panel):
    auth.login("alice")
    form = text_of(client.get(scorecard_url(panel)))
    assert 'id="verified_plan_attainment_pct"' in form and "bonus statement" in form
    response = post_scorecard(client, panel, verified_plan_attainment_pct="abc")
    assert response.status_code == 400 and 'id="verified_plan_attainment_pct-error"' in text_of(response)
    assert post_scorecard(client, panel, verified_plan_attainment_pct="92,5", submit=True).status_code == 303
    assert card_of(panel, panel.first).verified_plan_attainment_pct == 92.5
    assert "Verified plan attainment" in text_of(client.get(scorecard_url(panel)))


@pytest.mark.parametrize("value", ["0", "6", "abc", "2.5", "-1"])
def test_ratings_out_of_range_or_not_numbers_are_refused(client, auth, panel, value):
    auth.login("alice")
    response = post_scorecard(client, panel, ratings={"NEG": value, "REL": "3"})
    assert response.status_code == 400
    assert "Choose a whole number from 1 to 5." in text_of(response)
    assert card_of(panel, panel.first) is None


def test_edit_refused_after_submit(client, auth, panel):
    auth.login("alice")
    post_scorecard(client, panel, submit=True)
    card = card_of(panel, panel.first)
    response = post_scorecard(client, panel, ratings=dict.fromkeys(CODES, "1"), version=str(card.version))
    assert response.status_code == 303
    page = text_of(client.get(scorecard_url(panel)))
    assert "submitted and locked" in page and "Save draft" not in page
    assert {r.value for r in card_of(panel, panel.first).ratings} == {4}


def test_a_forged_candidate_or_interviewer_id_has_no_effect(client, auth, panel, build):
    elsewhere = build.candidate(panel.vacancy, full_name="Forged Target")
    auth.login("alice")
    response = post_scorecard(
        client,
        panel,
        candidate_id=str(elsewhere.id),
        interviewer_id=str(panel.second.id),
        status="submitted",
        id="1",
    )
    assert response.status_code == 303
    cards = db.session.scalars(sa.select(Scorecard)).all()
    assert [(c.candidate_id, c.interviewer_id, c.status) for c in cards] == [
        (panel.candidate.id, panel.first.id, "draft")
    ]


# --- independence ----------------------------------------------------------------------------------------


def test_two_interviewers_see_each_other_only_after_submitting(client, auth, panel):
    # every 5 carries its evidence note (a submit needs one)
    alice_notes = {**dict.fromkeys(CODES, "Evidence for a 5."), "NEG": "ALICE-NEG-EVIDENCE"}
    bob_notes = {"NEG": "BOB-NEG-EVIDENCE"}
    auth.login("alice")
    post_scorecard(client, panel, ratings=dict.fromkeys(CODES, "5"), notes=alice_notes, submit=True)
    auth.logout()

    auth.login("bob")
    post_scorecard(client, panel, ratings=dict.fromkeys(CODES, "2"), notes=bob_notes, recommendation="no")
    before = text_of(client.get(scorecard_url(panel)))
    assert "BOB-NEG-EVIDENCE" in before  # my own draft
    assert "ALICE-NEG-EVIDENCE" not in before and "Alice Interviewer" not in before
    assert "ALICE-NEG-EVIDENCE" not in text_of(client.get(f"/interview/{panel.candidate.id}/kit"))
    auth.logout()

    auth.login("alice")  # submitted: sees every submitted scorecard, but not Bob's draft
    page = text_of(client.get(scorecard_url(panel)))
    assert "ALICE-NEG-EVIDENCE" in page and "BOB-NEG-EVIDENCE" not in page
    auth.logout()

    auth.login("bob")
    card = card_of(panel, panel.second)
    post_scorecard(
        client,
        panel,
        ratings=dict.fromkeys(CODES, "2"),
        notes=bob_notes,
        recommendation="no",
        version=str(card.version),
        submit=True,
    )
    after = text_of(client.get(scorecard_url(panel)))
    assert "ALICE-NEG-EVIDENCE" in after and "BOB-NEG-EVIDENCE" in after
    assert "Alice Interviewer" in after
    assert re.search(r'rec-yes">Yes<', after) and re.search(r'rec-no">No<', after)
    auth.logout()

    auth.login("alice")
    assert "BOB-NEG-EVIDENCE" in text_of(client.get(scorecard_url(panel)))


def test_hr_sees_submitted_scorecards_but_not_drafts(client, auth, panel, build):
    build.scorecard(panel.candidate, panel.first, notes={"NEG": "SUBMITTED-NOTE"})
    build.scorecard(panel.candidate, panel.second, notes={"NEG": "DRAFT-NOTE"}, submitted=False)
    auth.login("helen")
    page = text_of(client.get(scorecard_url(panel)))
    assert "SUBMITTED-NOTE" in page and "DRAFT-NOTE" not in page
    assert "Reopen" in page


def test_lead_sees_submitted_scorecards_without_a_reopen_button(client, auth, panel, build):
    build.scorecard(panel.candidate, panel.first, notes={"NEG": "SUBMITTED-NOTE"})
    auth.login("leo")
    page = text_of(client.get(scorecard_url(panel)))
    assert "SUBMITTED-NOTE" in page and "Reopen" not in page


# --- reopen ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("username", ["helen", "root"])
def test_hr_or_admin_reopens_a_submitted_scorecard_with_an_audit_entry(client, auth, panel, build, username):
    reopener = panel.hr if username == "helen" else build.user("admin", "root")
    auth.login("alice")
    post_scorecard(client, panel, submit=True)
    auth.logout()
    card = card_of(panel, panel.first)
    auth.login(username)
    response = client.post(f"/scorecards/{card.id}/reopen", data={"version": str(card.version)})
    assert response.status_code == 303
    assert response.headers["Location"].endswith(scorecard_url(panel))
    assert card_of(panel, panel.first).status == "draft"
    entry = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.action == "scorecard.reopen")).one()
    assert entry.entity_id == card.id and entry.user_id == reopener.id
    auth.logout()
    auth.login("alice")  # editable again
    page = text_of(client.get(scorecard_url(panel)))
    assert "Save draft" in page


@pytest.mark.parametrize("username", ["leo", "alice", "bob"])
def test_lead_and_interviewers_cannot_reopen(client, auth, panel, build, username):
    card = build.scorecard(panel.candidate, panel.first)
    auth.login(username)
    response = client.post(f"/scorecards/{card.id}/reopen", data={"version": str(card.version)})
    assert response.status_code == 403
    assert card_of(panel, panel.first).is_submitted
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AuditEntry)) == 0


def test_reopen_of_a_missing_scorecard_is_404(client, auth, panel):
    auth.login("helen")
    assert client.post("/scorecards/999999/reopen").status_code == 404


# --- no lost writes --------------------------------------------------------------------------------------


def test_a_stale_save_from_a_second_session_is_refused_and_the_first_data_stays(app, auth, panel):
    first_tab, second_tab = english_client(app), english_client(app)
    for tab in (first_tab, second_tab):
        tab.post("/login", data={"username": "alice", "password": "password123"})
    post_scorecard(first_tab, panel, ratings={"NEG": "3"}, notes={"NEG": "start"})
    version = str(card_of(panel, panel.first).version)
    # Both tabs now show the same version; the first saves again, then the second.
    post_scorecard(
        first_tab, panel, ratings={"NEG": "5", "REL": "4"}, notes={"NEG": "FIRST-TAB"}, version=version
    )
    response = post_scorecard(
        second_tab, panel, ratings={"NEG": "2"}, notes={"NEG": "SECOND-TAB"}, version=version
    )
    assert response.status_code == 409
    page = text_of(response)
    assert "Not saved: this scorecard changed elsewhere" in page
    assert "FIRST-TAB" in page and "SECOND-TAB" in page  # what was saved, and what I typed
    assert re.search(r"NEG · Negotiation &amp; presentation</td><td[^>]*>5</td><td[^>]*>2</td>", page)
    card = card_of(panel, panel.first)
    assert {r.competency_code: (r.value, r.note) for r in card.ratings} == {
        "NEG": (5, "FIRST-TAB"),
        "REL": (4, ""),
    }
    # The form now carries the current version: saving again applies the typed values on purpose.
    assert f'value="{card.version}"' in page
    post_scorecard(
        second_tab, panel, ratings={"NEG": "2"}, notes={"NEG": "SECOND-TAB"}, version=str(card.version)
    )
    assert {r.value for r in card_of(panel, panel.first).ratings} == {2}


def test_a_save_without_a_version_over_an_existing_scorecard_is_refused(client, auth, panel):
    auth.login("alice")
    post_scorecard(client, panel, ratings={"NEG": "3"})
    response = post_scorecard(client, panel, ratings={"NEG": "1"}, version="")
    assert response.status_code == 409
    assert {r.value for r in card_of(panel, panel.first).ratings} == {3}


# --- the evaluation ---------------------------------------------------------------------------------------


def test_a_draft_never_changes_the_stored_evaluation(client, auth, panel, build):
    build.scorecard(panel.candidate, panel.first, ratings=dict.fromkeys(CODES, 5))
    stored = db.session.get(StoredEvaluation, panel.candidate.id)
    before = (stored.score, stored.band, stored.coverage, stored.confidence, list(stored.flags))
    auth.login("bob")
    assert (
        post_scorecard(
            client, panel, ratings=dict.fromkeys(CODES, "1"), recommendation="strong_no"
        ).status_code
        == 303
    )
    db.session.expire_all()
    stored = db.session.get(StoredEvaluation, panel.candidate.id)
    assert (stored.score, stored.band, stored.coverage, stored.confidence, list(stored.flags)) == before


# --- issue 24, item 6: a confirmation before the card locks, the questions at hand, the next candidate -------


def test_submitting_asks_first_naming_what_is_not_assessed_and_keeps_the_input(client, auth, panel, build):
    auth.login("alice")
    url = f"/interview/{panel.candidate.id}/scorecard"
    ratings = dict.fromkeys(CODES, "4") | {"TIM": "na", "ACC": "na"}
    data = form_data(ratings, notes={"NEG": "Held the price"}, submit=True)
    data.pop("confirm_submit")
    response = client.post(url, data=data)
    assert response.status_code == 200
    page = text_of(response)
    assert "Submit and lock this scorecard?" in page
    names = {c.code: c.name_en for c in panel.candidate.vacancy.profile.competencies}
    skipped = html.escape(f"{names['ACC']}, {names['TIM']}", quote=False)
    assert f"Not assessed, so not counted: {skipped}." in page
    assert "Held the price" in page
    assert card_of(panel, panel.first) is None or not card_of(panel, panel.first).is_submitted
    done = client.post(url, data=data | {"confirm_submit": "yes"})
    assert done.status_code == 303 and card_of(panel, panel.first).is_submitted


def test_a_card_the_service_would_refuse_gets_its_errors_not_the_confirmation(client, auth, panel):
    auth.login("alice")
    data = form_data({"NEG": "4"}, submit=True)
    data.pop("confirm_submit")
    response = client.post(f"/interview/{panel.candidate.id}/scorecard", data=data)
    assert response.status_code == 400 and "Submit and lock this scorecard?" not in text_of(response)


def test_each_competency_offers_the_kits_questions_on_the_scorecard(client, auth, panel):
    auth.login("alice")
    page = text_of(client.get(f"/interview/{panel.candidate.id}/scorecard"))
    assert page.count('<details class="scorecard-questions">') == len(CODES)
    assert "Tell me about a negotiation with a key client" in page


def test_after_submitting_a_link_leads_to_the_next_candidate_to_score(client, auth, panel, build):
    other = build.candidate(panel.candidate.vacancy, full_name="Next Person")
    build.assign(other, panel.first)
    auth.login("alice")
    client.post(f"/interview/{panel.candidate.id}/scorecard", data=form_data(submit=True))
    page = text_of(client.get(f"/interview/{panel.candidate.id}/scorecard"))
    assert f'href="/interview/{other.id}/scorecard"' in page and "Next candidate: Next Person" in page
