"""`flask seed --demo`, then the demo interviewer fills in a scorecard by following links and buttons only."""

import re
from html.parser import HTMLParser

import sqlalchemy as sa

from hiring.extensions import db
from hiring.models import Candidate, Scorecard, User


class FormReader(HTMLParser):
    """The values a browser would send for the form with the given id, as it is shown (no button yet)."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.values: dict[str, str] = {}
        self.buttons: dict[str, str] = {}
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind == "submit":
                self.buttons[attrs.get("value", "")] = name
            elif kind in ("radio", "checkbox"):
                if "checked" in attrs:
                    self.values[name] = attrs.get("value", "on")
            else:
                self.values[name] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.values[name] = ""
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.values[self._select] = attrs.get("value", "")

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self.inside = False


def read_form(html: str, form_id: str) -> FormReader:
    reader = FormReader(form_id)
    reader.feed(html)
    return reader


def test_demo_interviewer3_finishes_a_scorecard_by_clicking(app, runner, client):
    result = runner.invoke(args=["seed", "--demo"])
    assert result.exit_code == 0, result.output
    login = client.post("/login", data={"username": "interviewer3", "password": "demo-kam-2026"})
    assert login.status_code == 302

    home = client.get("/my/candidates").get_data(as_text=True)
    assert "Сергей Морозов" in home and "Draft" in home
    # The row of the candidate with the draft links to the scorecard.
    row = next(r for r in re.findall(r"<tr>(.*?)</tr>", home, re.S) if "Сергей Морозов" in r)
    kit_url = re.search(r'href="(/interview/\d+/kit)"', row).group(1)
    scorecard_url = re.search(r'href="(/interview/\d+/scorecard)"', row).group(1)

    kit = client.get(kit_url).get_data(as_text=True)
    # The demo vacancy is Russian; the English reader gets the profile's English texts (issue 24).
    assert "Negotiation &amp; presentation" in kit and "Переговоры и презентация" not in kit
    assert scorecard_url in kit

    page = client.get(scorecard_url).get_data(as_text=True)
    form = read_form(page, "scorecard-form")
    assert form.values["rating_NEG"] == "3" and form.values["recommendation"] == "no"
    # Change one rating, write evidence, and press "Submit".
    form.values["rating_IND"] = "5"
    form.values["note_IND"] = "Знает рынок упаковки в деталях."
    form.values[form.buttons["Submit"]] = "Submit"
    confirmation = client.post(scorecard_url, data=form.values)
    assert confirmation.status_code == 200 and "Submit and lock this scorecard?" in confirmation.text
    form = read_form(confirmation.get_data(as_text=True), "scorecard-form")
    assert form.values["rating_IND"] == "5"  # what was typed is still there
    assert form.values["confirm_submit"] == "yes"  # sent with the confirmation's "Yes, submit and lock"
    form.values[form.buttons["Submit"]] = "confirm"
    response = client.post(scorecard_url, data=form.values)
    assert response.status_code == 303, response.get_data(as_text=True)

    done = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Scorecard submitted" in done
    assert "Игорь Лебедев" in done  # interviewer2's submitted scorecard is visible now
    elena = db.session.scalar(sa.select(User).where(User.username == "interviewer3"))
    card = db.session.scalar(
        sa.select(Scorecard)
        .where(
            Scorecard.interviewer_id == elena.id,
            Scorecard.status == "submitted",
            Scorecard.recommendation == "no",
        )
        .order_by(Scorecard.submitted_at.desc())
    )
    ratings = {r.competency_code: (r.value, r.note) for r in card.ratings}
    assert ratings["IND"] == (5, "Знает рынок упаковки в деталях.")


def test_demo_interviewer3_starts_a_new_scorecard(app, runner, client, build):
    """HR assigns her a candidate nobody has interviewed; she saves a draft, comes back and submits."""
    runner.invoke(args=["seed", "--demo"])
    elena = db.session.scalar(sa.select(User).where(User.username == "interviewer3"))
    candidate = db.session.scalar(sa.select(Candidate).where(Candidate.full_name == "Наталья Орлова"))
    build.assign(candidate, elena)
    client.post("/login", data={"username": "interviewer3", "password": "demo-kam-2026"})
    url = f"/interview/{candidate.id}/scorecard"
    form = read_form(client.get(url).get_data(as_text=True), "scorecard-form")
    assert form.values.get("version", "") == ""
    for code in ("NEG", "REL", "ANA", "IND", "ORD", "ACC", "CLM"):
        form.values[f"rating_{code}"] = "4"
    form.values["rating_TIM"] = "na"
    form.values["recommendation"] = "yes"
    form.values["language_en"] = "C1"
    form.values[form.buttons["Save draft"]] = "Save draft"
    assert client.post(url, data=form.values).status_code == 303
    form = read_form(client.get(url).get_data(as_text=True), "scorecard-form")
    assert form.values["rating_TIM"] == "na" and form.values["language_en"] == "C1"
    form.values[form.buttons["Submit"]] = "Submit"
    form.values["confirm_submit"] = "yes"
    assert client.post(url, data=form.values).status_code == 303
    card = db.session.scalar(
        sa.select(Scorecard).where(
            Scorecard.candidate_id == candidate.id, Scorecard.interviewer_id == elena.id
        )
    )
    assert card.is_submitted and {v.language: v.level for v in card.verified_languages} == {"en": "C1"}
