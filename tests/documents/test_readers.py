"""The demo documents read as their readers read them (SPEC §5): page by page, with pypdf, and page 1 as an
image with poppler's pdftoppm (the images stay in test-artifacts/ for a person to look at).

The demo of `flask seed --demo` is made once for the module and every document rendered once in Russian (the
demo vacancy's language) and once in English.
"""

import io
import math
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pypdf
import pytest
import sqlalchemy as sa

from hiring import create_app
from hiring.documents.language import printed_in
from hiring.extensions import db
from hiring.models import Candidate, Vacancy
from hiring.seed import seed_default_profile, seed_demo
from hiring.services import printouts
from tests.conftest import base_config, clean_database
from tests.documents.conftest import ReadPdf, first_page_ink

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "documents"
# A competency, rule or flag code shown to a reader instead of words.
CODE = re.compile(
    r"\b(NEG|REL|ANA|IND|ORD|ACC|CLM|TIM|EDU|EXP|LANG|CUSTOM)\b|CUSTOM:\d|"
    r"\b(screening_flag|screening_pending|screening_unknown|disagreement|critical_gap|experience_risk|"
    r"recommendation_conflict|plan_unverified|language_disagreement|not_eligible|eligible_with_risk|"
    r"strong_hire|no_hire|insufficient_data|strong_yes|strong_no)\b"
)
MIN_BODY_LINES = 6
# In English too: the candidates whose evaluations carry flags, a risk, a failed rule or no scorecard.
EN_EVALUATIONS = (
    "Екатерина Иванова",
    "Сергей Морозов",
    "Наталья Орлова",
    "Павел Козлов",
)  # besides the running header and the footer


@pytest.fixture(scope="module")
def demo(database_url):
    app = create_app(base_config(database_url, None))
    with app.app_context():
        profile, _created = seed_default_profile()
        seed_demo(profile)
        db.session.commit()
        vacancy = db.session.scalar(sa.select(Vacancy))
        people = {
            c.full_name: c
            for c in db.session.scalars(sa.select(Candidate).where(Candidate.vacancy_id == vacancy.id))
        }
        made = {
            "job_post": printouts.job_post(vacancy),
            "comparison": printouts.comparison(vacancy, [c.id for c in people.values()][:4]),
            # Six of the demo side by side (the most a comparison takes): the longest table, whose legend must not
            # end up alone on a page.
            "comparison-all": printouts.comparison(vacancy, [c.id for c in people.values()][:6]),
        }
        for index, candidate in enumerate(people.values(), start=1):
            made[f"evaluation-{index}"] = printouts.evaluation(candidate)
        # The same documents in English, as a reader asks for them (issue 24): words, not codes, in both languages.
        # (Not by editing the vacancy: an unsaved edit holds SQLite's write lock, and each PDF stored in the
        # document cache on its own connection would then wait out the busy timeout.)
        with printed_in("en"):
            made["en-job_post"] = printouts.job_post(vacancy)
            made["en-comparison"] = printouts.comparison(vacancy, [c.id for c in people.values()][:4])
            for index, candidate in enumerate(people.values(), start=1):
                if candidate.full_name in EN_EVALUATIONS:
                    made[f"en-evaluation-{index}"] = printouts.evaluation(candidate)
        pdfs = {name: printouts.pdf_bytes(printout) for name, printout in made.items()}
        yield SimpleNamespace(
            vacancy=vacancy, people=people, pdfs=pdfs, read={n: ReadPdf(b) for n, b in pdfs.items()}
        )
        db.session.rollback()
        db.session.remove()
        clean_database()
        db.engine.dispose()


def flat(text: str) -> str:
    return " ".join(text.split())


def evaluation_of(demo, name: str) -> ReadPdf:
    index = list(demo.people).index(name) + 1
    return demo.read[f"evaluation-{index}"]


def test_page_one_of_an_evaluation_answers_should_we_hire_and_why(demo):
    page_one = flat(evaluation_of(demo, "Анна Петрова").pages[0])
    assert "Однозначно нанять" in page_one  # the band
    assert "79,4 из 100" in page_one  # the score out of 100
    for threshold in ("45", "60", "75"):
        assert threshold in page_one  # the band scale
    assert "Допуск есть" in page_one
    assert "Решение пока не принято" in page_one
    assert "Определённо да × 1, Да × 1" in page_one  # the recommendations counted
    strongest = page_one.split("Сильные стороны", 1)[1].split("Слабые стороны", 1)[0]
    weakest = page_one.split("Слабые стороны", 1)[1].split("Основание", 1)[0]
    assert "Переговоры и презентация (4,5)" in strongest
    assert "Дебиторская задолженность и бухгалтерские вопросы (3,5)" in weakest


def test_page_one_names_the_rule_that_decides_a_not_eligible_or_risky_candidate(demo):
    orlova = flat(evaluation_of(demo, "Наталья Орлова").pages[0])
    assert "Без допуска: образование ниже уровня «высшее — бакалавриат»" in orlova
    ivanova = flat(evaluation_of(demo, "Екатерина Иванова").pages[0])
    assert "Допуск с риском: опыт 2 из требуемых 3+ лет" in ivanova
    assert "Допущен" not in ivanova  # labels agree with no gender


def test_an_evaluation_without_scorecards_draws_no_empty_chart(demo):
    text = evaluation_of(demo, "Наталья Орлова").text
    assert "Пока не отправлено ни одного оценочного листа" in text
    assert "по шкале 1–5" not in text


def test_demo_evaluations_fit_on_two_pages(demo):
    pages = {name: read.page_count for name, read in demo.read.items() if "evaluation" in name}
    assert max(pages.values()) <= 2, pages


def test_no_page_of_a_demo_document_holds_only_a_leftover(demo):
    thin = {}
    for name, read in demo.read.items():
        for number, page in enumerate(read.pages, start=1):
            lines = [line for line in page.splitlines() if line.strip()]
            if len(lines) - 2 < MIN_BODY_LINES:
                thin[f"{name} p.{number}"] = lines
    assert thin == {}


def test_no_code_reaches_a_reader(demo):
    leaks = {name: CODE.findall(read.text) for name, read in demo.read.items()}
    assert {name: found for name, found in leaks.items() if found} == {}


def printed_sizes(content: bytes) -> list[tuple[float, str]]:
    """Every piece of text with its printed size in points (the font size through the text and page matrices)."""
    found = []

    def visit(text, cm, tm, _font, size):
        if text.strip():
            a, b, c, d = (float(v) for v in tm[:4])
            ca, cb, cc, cd = (float(v) for v in cm[:4])
            found.append((size * math.hypot(c * ca + d * cc, c * cb + d * cd), text.strip()))

    for page in pypdf.PdfReader(io.BytesIO(content)).pages:
        page.extract_text(visitor_text=visit)
    return found


def test_chart_labels_are_at_least_8_points_when_printed(demo):
    sizes = printed_sizes(demo.pdfs[f"evaluation-{list(demo.people).index('Дмитрий Соколов') + 1}"])
    texts = [text for _size, text in sizes]
    start = next(i for i, text in enumerate(texts) if text.startswith("Средние оценки компетенций"))
    end = next(i for i, text in enumerate(texts) if i > start and "критический минимум" in text)
    chart = sizes[start : end + 1]
    assert len(chart) > 20  # ticks, labels, values and the legend
    assert min(size for size, _text in chart) >= 8, sorted(chart)[:3]


def test_the_range_of_ratings_is_written_as_a_range(demo):
    text = evaluation_of(demo, "Дмитрий Соколов").text
    assert "Диапазон" in text and "3–4" in text and "±" not in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) is not installed")
def test_first_pages_render_to_images_that_are_not_blank(demo, capsys):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    ink = {}
    for name, content in demo.pdfs.items():
        pdf = ARTIFACTS / f"{name}.pdf"
        ink[name] = first_page_ink(content, pdf)
    with capsys.disabled():
        print(f"\nfirst pages of the demo documents rendered to {ARTIFACTS}")
    assert {name: share for name, share in ink.items() if share < 0.01} == {}


JOB_POST_SECTIONS = ("О компании", "Задачи", "Требования", "Будет плюсом", "Условия", "Как откликнуться")


def test_the_job_post_says_each_section_and_fact_once(demo):
    text = demo.read["job_post"].text
    for heading in JOB_POST_SECTIONS:
        assert text.count(heading) == 1, heading
    page_one = flat(demo.read["job_post"].pages[0])  # later pages repeat them in the running header only
    assert page_one.count("ООО «Северный ветер»") == 1  # company, location and title once, at the top
    assert page_one.count("Москва") == 1
    assert page_one.count("Менеджер по работе с ключевыми клиентами") == 1
    assert "150 000–220 000 ₽ в месяц, до вычета налогов" in text
    assert "Пришлите резюме" in text  # how to apply
    assert "рассматриваем кандидатов" not in text  # the experience exception stays internal unless published


def test_the_experience_exception_is_published_only_when_chosen(demo):
    demo.vacancy.publish_exp_exception = True
    db.session.commit()  # saved, as HR saves it (an unsaved edit would hold SQLite's lock against the PDF cache)
    try:
        with_exception = ReadPdf(printouts.pdf_bytes(printouts.job_post(demo.vacancy))).text
    finally:
        demo.vacancy.publish_exp_exception = False
        db.session.commit()
    assert "рассматриваем кандидатов с опытом от 1 года при выполнении плана продаж от 100" in " ".join(
        with_exception.split()
    )
