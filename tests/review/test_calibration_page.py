"""The calibration page: interviewers' leave-one-out offsets and the vacancy's ICC(1,k) with its interval."""

import re
import subprocess
import sys
from pathlib import Path

from hiring.extensions import db

from .helpers import counted_queries


def panel(build, vacancy, raters, ratings_per_candidate):
    """One candidate per tuple of NEG ratings, rated by the raters in order (None: that rater skips it)."""
    for ratings in ratings_per_candidate:
        candidate = build.candidate(vacancy)
        for rater, value in zip(raters, ratings, strict=True):
            if value is not None:
                build.scorecard(candidate, rater, ratings={"NEG": value})


# NEG-only scorecards: a scorecard's own score is (rating - 1) / 4 * 100 -> 1: 0, 2: 25, 3: 50, 4: 75, 5: 100.
TEN_PANELS = [(1, 2), (3, 3), (5, 4)] * 3 + [(2, 2)]


def test_icc_over_ten_candidates_with_its_interval(client, login, build):
    # Candidate means 12.5, 50, 87.5 (x3) and 25; grand mean 50. SSB = 2 * 3 * (37.5^2 + 0 + 37.5^2) + 2 * 625
    # = 18,000, MSB = 18,000 / 9 = 2,000. SSW = 3 * (2 * 12.5^2 + 0 + 2 * 12.5^2) = 3,750, MSW = 3,750 / 20 =
    # 187.5. ICC(1,k) = 1 - 187.5 / 2,000 = 0.906 (excellent); 95 % interval 0.65 to 0.98 (F 10.67 on 9, 10).
    login("lead")
    vacancy = build.vacancy()
    a = build.user("interviewer", full_name="Anna Rater")
    b = build.user("interviewer", full_name="Boris Rater")
    panel(build, vacancy, [a, b], TEN_PANELS)
    html = client.get(f"/vacancies/{vacancy.id}/calibration").text
    assert re.search(r'<span class="big-number">0[.,]91</span>', html)
    assert "Excellent agreement" in html
    assert "95 % interval: 0.65 to 0.98." in html.replace("\u00a0", " ")
    assert "ICC(1,k) over 10 candidates rated by panels of 2 interviewers on average." in html
    assert "Anna Rater" in html and "Boris Rater" in html
    # the two plain sentences that say what the numbers mean
    assert "depends on the candidate rather than on who happened to interview" in html
    assert "mean of the other interviewers" in html


def test_nine_candidates_are_not_enough(client, login, build):
    login("lead")
    vacancy = build.vacancy()
    a, b = build.user("interviewer"), build.user("interviewer")
    panel(build, vacancy, [a, b], TEN_PANELS[:9])
    html = client.get(f"/vacancies/{vacancy.id}/calibration").text
    assert "big-number" not in html and "not enough data" in html
    assert "at least 10 candidates with 2 or more submitted scorecards each; this vacancy has 9." in html


def test_lenient_and_severe_interviewers(client, login, build):
    # NEG: Lena 5 / Sergei 3 and Lena 4 / Sergei 2: each compared with the other, +2 / -2; Olga alone.
    login("hr")
    vacancy = build.vacancy()
    lena = build.user("interviewer", full_name="Lena Lenient")
    sergei = build.user("interviewer", full_name="Sergei Severe")
    olga = build.user("interviewer", full_name="Olga Alone")
    panel(build, vacancy, [lena, sergei, olga], [(5, 3, None), (4, 2, None), (None, None, 3)])
    html = client.get(f"/vacancies/{vacancy.id}/calibration").text
    rows = dict(re.findall(r'<tr data-interviewer-id="\d+">\s*<td>([^<]+)</td>(.*?)</tr>', html, flags=re.S))
    assert "+2" in rows["Lena Lenient"] and "Lenient" in rows["Lena Lenient"]
    assert "-2" in rows["Sergei Severe"] and "Severe" in rows["Sergei Severe"]
    assert "Not enough data" in rows["Olga Alone"]
    # only 2 candidates have a panel of 2 or more
    assert "not enough data" in html
    assert "this vacancy has 2" in html


def test_empty_vacancy(client, login, build):
    login("lead")
    vacancy = build.vacancy()
    html = client.get(f"/vacancies/{vacancy.id}/calibration").text
    assert "No submitted scorecards for this vacancy yet." in html
    assert "not enough data" in html
    assert client.get("/vacancies/99999/calibration").status_code == 404


def test_drafts_do_not_count(client, login, build):
    login("lead")
    vacancy = build.vacancy()
    candidate = build.candidate(vacancy)
    build.scorecard(candidate, build.user("interviewer", full_name="Only Draft"), submitted=False)
    html = client.get(f"/vacancies/{vacancy.id}/calibration").text
    assert "Only Draft" not in html


def test_query_count_does_not_grow_with_candidates(client, login, build):
    login("lead")
    raters = [build.user("interviewer") for _ in range(3)]
    small, large = build.vacancy(), build.vacancy()
    panel(build, small, raters, [(3, 4, 2)] * 2)
    panel(build, large, raters, [(3, 4, 2), (5, 4, None), (2, None, 3)] * 2)

    def count(vacancy):
        db.session.expire_all()
        with counted_queries() as statements:
            assert client.get(f"/vacancies/{vacancy.id}/calibration").status_code == 200
        return len(statements)

    assert count(small) == count(large)


def test_the_app_starts_without_importing_scipy():
    # SciPy (the F quantile of the interval) costs about a second to import: only the calibration pays for it.
    code = (
        "import sys\n"
        "from hiring import create_app\n"
        "create_app({'TESTING': True, 'SQLALCHEMY_DATABASE_URI': 'sqlite://', 'SECRET_KEY': 'x'})\n"
        "assert 'scipy' not in sys.modules, 'scipy imported at app start'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[2])
