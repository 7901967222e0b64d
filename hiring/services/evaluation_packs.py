"""The evaluation pack (issue 20): one PDF with the comparison and every chosen candidate's evaluation, a PDF
bookmark per candidate, rendered by a background job that reports its progress ("3 of 8 rendered").

The parts come from the document cache (hiring.services.document_cache), so an evaluation already rendered is
not rendered again; a pack whose inputs have not changed since an identical request is reused as it is.
The comparison shows at most SHORTLIST_MAX candidates side by side, so a larger pack has one comparison per
group of them, in ranking order.
"""

import io
import math
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from flask_babel import force_locale
from flask_babel import gettext as _
from pypdf import PdfReader, PdfWriter

from hiring.domain.ranking import SHORTLIST_MAX, SHORTLIST_MIN
from hiring.errors import InvalidInput, NotFound
from hiring.errors import lazy_gettext as _l
from hiring.extensions import db
from hiring.jobs import handler
from hiring.models import Candidate, EvaluationPack, OutboxJob, StoredEvaluation, User, Vacancy
from hiring.models._base import utcnow
from hiring.models.candidates import ranking_key
from hiring.services import audit, document_cache
from hiring.services.outbox import enqueue

MAX_CANDIDATES = 50
PACK_ROLES = ("hr", "lead")


def _ranked_ids(vacancy: Vacancy, candidate_ids: Sequence[int]) -> list[int]:
    ids = sorted({int(i) for i in candidate_ids})
    rows = db.session.execute(
        sa.select(Candidate.id)
        .outerjoin(StoredEvaluation, StoredEvaluation.candidate_id == Candidate.id)
        .where(Candidate.vacancy_id == vacancy.id, Candidate.id.in_(ids))
        .order_by(*ranking_key())
    ).all()
    return [row.id for row in rows]


def _groups(ids: list[int]) -> list[list[int]]:
    """The comparisons: nearly equal groups of SHORTLIST_MIN..SHORTLIST_MAX, none for a single candidate."""
    if len(ids) < SHORTLIST_MIN:
        return []
    count = math.ceil(len(ids) / SHORTLIST_MAX)
    size, extra = divmod(len(ids), count)
    groups, start = [], 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        groups.append(ids[start:end])
        start = end
    return groups


def _revision_key(vacancy: Vacancy, ids: list[int]) -> str:
    parts = [document_cache.evaluation(db.session.get(Candidate, cid)).revision_key for cid in ids]
    return document_cache._revision_key("evaluation_pack", [vacancy.id, vacancy.revision, parts])


def request_pack(vacancy: Vacancy, candidate_ids: Any, user: User) -> EvaluationPack:
    """Record a pack of 1–50 candidates of the vacancy and its job (or return an identical finished one)."""
    if not isinstance(candidate_ids, list) or not all(
        isinstance(i, int) and not isinstance(i, bool) for i in candidate_ids
    ):
        message = _l("Give the candidates as a list of ids.")
        raise InvalidInput(message, {"candidate_ids": message})
    if not 1 <= len(set(candidate_ids)) <= MAX_CANDIDATES:
        message = _l("Choose from 1 to %(max)s candidates.", max=MAX_CANDIDATES)
        raise InvalidInput(message, {"candidate_ids": message})
    ids = _ranked_ids(vacancy, candidate_ids)
    if len(ids) != len(set(candidate_ids)):
        message = _l("Choose candidates of this vacancy only.")
        raise InvalidInput(message, {"candidate_ids": message})
    key = _revision_key(vacancy, ids)
    reused = db.session.scalar(
        sa.select(EvaluationPack)
        .where(EvaluationPack.revision_key == key, EvaluationPack.state == "done")
        .order_by(EvaluationPack.id.desc())
        .limit(1)
    )
    if reused is not None:
        return reused
    pack = EvaluationPack(
        vacancy_id=vacancy.id,
        requested_by_id=user.id,
        candidate_ids=ids,
        revision_key=key,
        state="queued",
        total=len(ids),
    )
    db.session.add(pack)
    db.session.flush()
    audit.record(
        "evaluation_pack.request",
        "vacancy",
        vacancy.id,
        after={"pack": pack.id, "candidates": ids},
        user_id=user.id,
    )
    enqueue("evaluation_pack", {"pack_id": pack.id}, key=f"evaluation-pack:{pack.id}", max_attempts=3)
    return pack


def pack_or_404(pack_id: int, user: User) -> EvaluationPack:
    pack = db.session.get(EvaluationPack, pack_id)
    if pack is None or not user.has_role(*PACK_ROLES):
        raise NotFound(_l("No such evaluation pack."))
    return pack


def pack_state(pack: EvaluationPack) -> str:
    """queued, running, done or failed; a job that used up its tries makes the pack failed."""
    if pack.state in ("queued", "running"):
        failed = db.session.scalar(
            sa.select(OutboxJob.id).where(
                OutboxJob.key == f"evaluation-pack:{pack.id}", OutboxJob.state == "failed"
            )
        )
        if failed is not None:
            return "failed"
    return pack.state


def filename(pack: EvaluationPack) -> str:
    vacancy = db.session.get(Vacancy, pack.vacancy_id)
    with force_locale(vacancy.language):
        return f"{_('Evaluation pack')} — {vacancy.title}.pdf"


@handler("evaluation_pack", lease=timedelta(minutes=30))
def render_pack(payload: dict[str, Any]) -> None:
    """Render the parts one by one (committing the progress after each), then join them with bookmarks."""
    pack = db.session.get(EvaluationPack, payload["pack_id"])
    if pack is None or pack.state == "done":
        return
    vacancy = db.session.get(Vacancy, pack.vacancy_id)
    ids = [cid for cid in pack.candidate_ids if db.session.get(Candidate, cid) is not None]
    pack.state, pack.done, pack.total = "running", 0, len(ids)
    db.session.commit()
    writer = PdfWriter()
    with force_locale(vacancy.language):
        comparison_title = _("Shortlist comparison")
    groups = _groups(ids)
    for number, group in enumerate(groups, start=1):
        start = len(writer.pages)
        part = document_cache.pdf_bytes(document_cache.comparison(vacancy, group))
        writer.append(PdfReader(io.BytesIO(part)), import_outline=False)
        writer.add_outline_item(
            comparison_title if len(groups) == 1 else f"{comparison_title} ({number})", start
        )
    for cid in ids:
        candidate = db.session.get(Candidate, cid)
        content = document_cache.pdf_bytes(document_cache.evaluation(candidate))
        start = len(writer.pages)
        writer.append(PdfReader(io.BytesIO(content)), import_outline=False)
        writer.add_outline_item(candidate.full_name, start)
        pack = db.session.get(EvaluationPack, payload["pack_id"])
        pack.done += 1
        db.session.commit()  # the progress bar reads it
    with force_locale(vacancy.language):
        writer.add_metadata({"/Title": f"{_('Evaluation pack')} — {vacancy.title}"})
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    pack = db.session.get(EvaluationPack, payload["pack_id"])
    pack.content = out.getvalue()
    pack.state = "done"
    pack.finished_at = utcnow()
