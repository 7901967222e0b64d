"""Time the PDF documents: WeasyPrint's floor, a fresh evaluation through its route, and a cached one.

Run from the repository root: `.venv/bin/python bench/pdf.py [runs]` (it makes its own SQLite database in a
temporary folder). Prints the median of `runs` timings of
  (a) WeasyPrint rendering a one-line HTML page (a fresh font configuration, as a plain call does),
  (b) GET /candidates/<id>/evaluation.pdf for a 2-page evaluation (8 competencies, 3 interviewers with notes)
      with the document cache emptied before each request, so every request renders,
  (c) the same download again, answered from the cache (the stored PDF),
  (d) the same download with If-None-Match, answered 304,
  (e) WeasyPrint alone laying out the very HTML the route renders, with the same print stylesheet (parsed once,
      as the app does) and one font configuration: the floor for this document,
and the ratios b/a, c/b and b/e (the route's cost over WeasyPrint's own for the same document; goal <= 1.2;
(b) and (e) are timed in alternate rounds and b/e is the median of the rounds' ratios).
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pypdf  # noqa: E402
import sqlalchemy as sa  # noqa: E402
import weasyprint  # noqa: E402
from flask import render_template  # noqa: E402
from flask_babel import force_locale  # noqa: E402
from weasyprint.text.fonts import FontConfiguration  # noqa: E402

from hiring import create_app  # noqa: E402
from hiring.documents.pdf import DOCUMENT_BASE_URL, PRINT_CSS, StaticOnlyFetcher, page_label  # noqa: E402
from hiring.extensions import db  # noqa: E402
from hiring.models import (  # noqa: E402
    Assignment,
    Candidate,
    CandidateLanguage,
    Decision,
    LanguageRequirement,
    Rating,
    RenderedDocument,
    Scorecard,
    User,
)
from hiring.seed import seed_default_profile, vacancy_from_profile  # noqa: E402
from hiring.services import printouts  # noqa: E402

PASSWORD = "bench-password"
NOTE = (
    "Привела пример переговоров с ключевым клиентом: заранее определила границы уступок, "
    "обменяла отсрочку платежа на объём и сохранила маржу."
)
NOTED = ("NEG",)  # a note per interviewer on negotiation: the evaluation fills two pages
RATINGS = (
    {"NEG": 4, "REL": 4, "ANA": 3, "IND": 4, "ORD": 5, "ACC": 3, "CLM": 4, "TIM": 4},
    {"NEG": 5, "REL": 3, "ANA": 4, "IND": 4, "ORD": 4, "ACC": 3, "CLM": 4, "TIM": 5},
    {"NEG": 3, "REL": 4, "ANA": 4, "IND": 3, "ORD": 4, "ACC": 4, "CLM": 5, "TIM": 4},
)


def build() -> int:
    """A Russian vacancy, one candidate, three submitted scorecards rating all 8 competencies, with notes."""
    profile, _created = seed_default_profile()
    vacancy = vacancy_from_profile(
        profile,
        "ru",
        title="Менеджер по работе с ключевыми клиентами",
        company="ООО «Бенч»",
        location="Москва",
    )
    vacancy.language_requirements.append(LanguageRequirement(position=0, language="en", min_level="B2"))
    lead = User(username="lead", role="lead", full_name="Андрей Волков")
    lead.set_password(PASSWORD)
    candidate = Candidate(
        vacancy=vacancy,
        full_name="Анна Петрова",
        email="anna@example.ru",
        education_level="master",
        education_field="economics",
        experience_years=5.0,
        plan_attainment_pct=110.0,
        languages=[CandidateLanguage(language="en", level="C1")],
    )
    db.session.add_all([vacancy, lead, candidate])
    for number, (name, ratings) in enumerate(
        zip(("Мария Кузнецова", "Игорь Лебедев", "Elena Novak"), RATINGS, strict=True), start=1
    ):
        interviewer = User(username=f"interviewer{number}", role="interviewer", full_name=name)
        interviewer.set_password(PASSWORD)
        db.session.add(interviewer)
        db.session.flush()
        candidate.assignments.append(Assignment(interviewer_id=interviewer.id))
        card = Scorecard(
            candidate=candidate,
            interviewer_id=interviewer.id,
            status="submitted",
            recommendation="yes",
            submitted_at=datetime.now(UTC),
        )
        card.ratings = [
            Rating(competency_code=code, value=value, note=NOTE if code in NOTED else "")
            for code, value in ratings.items()
        ]
        db.session.add(card)
    db.session.flush()
    db.session.add(
        Decision(candidate=candidate, decision="hire", rationale="Сильные переговоры", decided_by_id=lead.id)
    )
    db.session.commit()
    return candidate.id


def median_seconds(step, runs: int, before=None) -> float:
    times = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.sqlite",
                "SECRET_KEY": "bench",
                "WTF_CSRF_ENABLED": False,
                "RATELIMIT_ENABLED": False,
            }
        )
        with app.app_context():
            db.create_all()
            candidate_id = build()
            client = app.test_client()
            assert client.post("/login", data={"username": "lead", "password": PASSWORD}).status_code == 302
            url = f"/candidates/{candidate_id}/evaluation.pdf"

            def empty_cache() -> None:
                with db.engine.begin() as connection:
                    connection.execute(sa.delete(RenderedDocument.__table__))

            def download(expected: int = 200, headers: dict | None = None):
                response = client.get(url, headers=headers or {})
                assert response.status_code == expected, response.status_code
                return response

            def one_line() -> None:
                weasyprint.HTML(string="<p>Hello, world</p>").write_pdf()

            one_line()  # imports, Pango and fontconfig warm-up: not a render
            first = download()  # builds the process's stylesheet and font configuration once
            pages = len(pypdf.PdfReader(io.BytesIO(first.data)).pages)
            etag = first.headers["ETag"]

            # (e): the HTML the route lays out, and WeasyPrint given it with the same stylesheet, nothing else.
            printout = printouts.evaluation(db.session.get(Candidate, candidate_id))
            with app.test_request_context(), force_locale(printout.metadata.language):
                html = render_template(
                    printout.template, document=printout.metadata, page_label=page_label(), **printout.context
                )
            fonts = FontConfiguration()
            static = Path(app.static_folder)
            stylesheet = weasyprint.CSS(
                string=(static / PRINT_CSS).read_text(encoding="utf-8"),
                base_url=DOCUMENT_BASE_URL,
                url_fetcher=StaticOnlyFetcher(static),
                font_config=fonts,
            )

            def weasyprint_alone() -> bytes:
                return weasyprint.HTML(string=html, base_url=DOCUMENT_BASE_URL, media_type="print").write_pdf(
                    stylesheets=[stylesheet], font_config=fonts
                )

            alone_pages = len(pypdf.PdfReader(io.BytesIO(weasyprint_alone())).pages)
            a = median_seconds(one_line, runs)
            # (b) and (e) alternate, one of each per round, so that a machine shared with other work weighs on
            # both alike; the ratio is the median of the rounds' own ratios.
            pairs = [
                (median_seconds(download, 1, before=empty_cache), median_seconds(weasyprint_alone, 1))
                for _ in range(runs)
            ]
            b = statistics.median(route for route, _alone in pairs)
            e = statistics.median(alone for _route, alone in pairs)
            ratio = statistics.median(route / alone for route, alone in pairs)
            download()
            c = median_seconds(download, runs * 3)
            d = median_seconds(lambda: download(304, {"If-None-Match": etag}), runs * 3)

    print(f"evaluation PDF: {pages} pages, 8 competencies, 3 interviewers with notes; median of {runs} runs")
    print(f"(a) WeasyPrint, one-line HTML page:        {a * 1e3:8.1f} ms")
    print(f"(b) evaluation via its route, fresh render: {b * 1e3:8.1f} ms")
    print(f"(c) same download again (cache hit):       {c * 1e3:8.1f} ms")
    print(f"(d) same download, If-None-Match -> 304:    {d * 1e3:8.1f} ms")
    print(f"(e) WeasyPrint alone, same HTML and CSS:   {e * 1e3:8.1f} ms  ({alone_pages} pages)")
    print(
        f"b/a = {b / a:.1f}    c/b = {c / b:.3f}    b/e = {ratio:.2f} (median of {runs} paired rounds; goal <= 1.2)"
    )


if __name__ == "__main__":
    main()
