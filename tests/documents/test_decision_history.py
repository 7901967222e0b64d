"""The evaluation PDF gives the current decision once, on page 1, and the earlier ones after the details."""

from hiring.extensions import db
from hiring.models import Decision
from hiring.services import printouts
from tests.documents.conftest import ReadPdf


def decide(candidate, lead, decision: str, rationale: str) -> None:
    db.session.add(
        Decision(candidate=candidate, decision=decision, rationale=rationale, decided_by_id=lead.id)
    )
    db.session.commit()


def test_the_current_decision_heads_page_one_and_the_earlier_ones_follow(build):
    vacancy = build.vacancy(language="en")
    candidate = build.candidate(vacancy, full_name="Anna Smith")
    build.scorecard(candidate)
    lead = build.user("lead", full_name="Andrew Wolf")
    decide(candidate, lead, "hold", "Waiting for the reference check")
    decide(candidate, lead, "hire", "References confirmed the negotiation results")

    read = ReadPdf(printouts.pdf_bytes(printouts.evaluation(candidate)))
    page_one = " ".join(read.pages[0].split())
    assert "Hire (Andrew Wolf," in page_one and "References confirmed the negotiation results" in page_one
    text = " ".join(read.text.split())
    assert text.count("References confirmed the negotiation results") == 1  # said once, on page 1
    earlier = text.split("Earlier decisions", 1)[1]
    assert "On hold · Andrew Wolf ·" in earlier and "Waiting for the reference check" in earlier


def test_a_single_decision_has_no_history_section(build):
    vacancy = build.vacancy(language="en")
    candidate = build.candidate(vacancy)
    decide(candidate, build.user("lead"), "reject", "Too little experience with key clients")
    text = ReadPdf(printouts.pdf_bytes(printouts.evaluation(candidate))).text
    assert "Earlier decisions" not in text and text.count("Too little experience with key clients") == 1
